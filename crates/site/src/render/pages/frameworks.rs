//! The frameworks index, frameworks, components and steps.
use super::*;

/// A phase named in a list: title and window.
#[derive(Serialize)]
struct PhaseItem<'a> {
    title: &'a str,
    /// "Weeks 1–4".
    window: String,
}

/// A framework on the frameworks index.
#[derive(Serialize)]
struct FrameworkItem<'a> {
    url: String,
    title: &'a str,
    /// Summary as inline HTML.
    summary: String,
    components: Vec<LinkCtx>,
    /// Phases not inside a component.
    phases: Vec<PhaseItem<'a>>,
}

/// `frameworks.html`'s own fields.
#[derive(Serialize)]
struct FrameworksPage<'a> {
    frameworks: Vec<FrameworkItem<'a>>,
}

/// A component on its framework's page.
#[derive(Serialize)]
struct ComponentItem<'a> {
    url: String,
    title: &'a str,
    number: Option<u32>,
    subtitle: Option<&'a str>,
    /// Summary as inline HTML.
    summary: String,
    /// Number of steps.
    steps: usize,
    phases: Vec<PhaseItem<'a>>,
}

/// A risk and its mitigation.
#[derive(Serialize)]
struct RiskCtx<'a> {
    id: &'a str,
    title: &'a str,
    /// Description as HTML.
    description: String,
    mitigation_title: &'a str,
    /// Mitigation as HTML.
    mitigation: String,
    /// Steps the risk threatens.
    threatens: Vec<LinkCtx>,
}

/// A group of metrics with its title.
#[derive(Serialize)]
pub(super) struct MetricGroupCtx<'a> {
    pub(super) title: &'a str,
    pub(super) metrics: Vec<MetricRow<'a>>,
}

/// `framework.html`'s own fields.
#[derive(Serialize)]
struct FrameworkPage<'a> {
    /// Summary as HTML.
    summary: String,
    /// Body as HTML.
    body: String,
    /// Where the framework comes from.
    source: Option<&'a str>,
    components: Vec<ComponentItem<'a>>,
    /// Phases not inside a component.
    phases: Vec<PhaseCtx<'a>>,
    /// Those phases on a timeline (absent when there are none).
    timeline: Option<Timeline>,
    risks: Vec<RiskCtx<'a>>,
    metric_groups: Vec<MetricGroupCtx<'a>>,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

/// A component's facts.
#[derive(Serialize)]
struct ComponentFacts<'a> {
    number: Option<u32>,
    subtitle: Option<&'a str>,
    /// Its framework's title.
    framework: &'a str,
}

/// `component.html`'s own fields.
#[derive(Serialize)]
struct ComponentPage<'a> {
    component: ComponentFacts<'a>,
    /// Summary as HTML.
    summary: String,
    /// Body as HTML.
    body: String,
    phases: Vec<PhaseCtx<'a>>,
    timeline: Timeline,
    metrics: Vec<MetricRow<'a>>,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

/// A step's facts.
#[derive(Serialize)]
struct StepFacts<'a> {
    number: Option<u32>,
    /// "3. Multi-Jurisdictional Operations".
    label: String,
    /// Its phase's title.
    phase: &'a str,
    /// When in the phase: "Weeks 1–4, weeks 1–2: Foundation".
    when: String,
    /// Guidance as HTML.
    guidance: String,
}

/// An activity with its tasks.
#[derive(Serialize)]
struct ActivityCtx<'a> {
    id: &'a str,
    title: &'a str,
    /// Summary as HTML.
    summary: String,
    tasks: Vec<TaskCtx<'a>>,
}

/// A piece of expert advice on a step.
#[derive(Serialize)]
struct AdviceCtx<'a> {
    expert: LinkCtx,
    /// The expert's role.
    role: &'a str,
    /// The advice as HTML.
    text: String,
}

/// A risk that threatens a step, linking its framework's page.
#[derive(Serialize)]
struct StepRisk<'a> {
    title: &'a str,
    mitigation_title: &'a str,
    /// Mitigation as inline HTML.
    mitigation: String,
    url: String,
}

/// `step.html`'s own fields.
#[derive(Serialize)]
struct StepPage<'a> {
    step: StepFacts<'a>,
    activities: Vec<ActivityCtx<'a>>,
    /// Tasks markets added to this step.
    market_tasks: Vec<TaskCtx<'a>>,
    metrics: Vec<MetricRow<'a>>,
    in_story: Vec<LinkCtx>,
    advice: Vec<AdviceCtx<'a>>,
    risks: Vec<StepRisk<'a>>,
    backlinks: Vec<BacklinkGroup>,
}

fn phase_items<'a>(
    pb: &'a Playbook,
    words: &playbook_content::language::strings::UiStrings,
    phases: impl Iterator<Item = Idx<Phase>>,
) -> Vec<PhaseItem<'a>> {
    phases
        .map(|p| PhaseItem {
            title: &pb.phases[p].title,
            window: words.window(pb.phases[p].window),
        })
        .collect()
}

impl Builder<'_> {
    pub(super) fn frameworks_index(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::FrameworksIndex,
            idx: 0,
        };
        let frameworks = pb
            .frameworks
            .iter_enumerated()
            .map(|(i, f)| FrameworkItem {
                url: pb.url(EntityRef::from(i)),
                title: &f.title,
                summary: self.md.inline(&f.summary, f.file),
                components: f
                    .components
                    .iter()
                    .map(|&c| link(pb, EntityRef::from(c)))
                    .collect(),
                phases: phase_items(
                    pb,
                    self.words(),
                    f.phases
                        .iter()
                        .copied()
                        .filter(|&p| pb.phases[p].component.is_none()),
                ),
            })
            .collect();
        let base = self.page_base(page);
        self.job(page, base, FrameworksPage { frameworks })
    }

    pub(super) fn framework(&self, fi: Idx<Framework>) -> PageJob {
        let pb = self.pb;
        let f = &pb.frameworks[fi];
        let r = EntityRef::from(fi);
        let page = Page {
            kind: PageKind::Framework,
            idx: fi.index(),
        };
        let (body, toc) = f
            .body
            .as_deref()
            .map(|b| self.md.doc(b, f.file))
            .unwrap_or_default();
        let mut base = self.page_base(page);
        base.file = Some(f.file);
        base.toc = toc;
        base.description = plain(pb, &f.summary);
        let components = f
            .components
            .iter()
            .map(|&c| {
                let comp = &pb.components[c];
                ComponentItem {
                    url: pb.url(EntityRef::from(c)),
                    title: &comp.title,
                    number: comp.number,
                    subtitle: comp.subtitle.as_deref(),
                    summary: self.md.inline(&comp.summary, comp.file),
                    steps: pb.step_count(&comp.phases),
                    phases: phase_items(pb, self.words(), comp.phases.iter().copied()),
                }
            })
            .collect();
        let direct: Vec<Idx<Phase>> = f
            .phases
            .iter()
            .copied()
            .filter(|&p| pb.phases[p].component.is_none())
            .collect();
        let own = FrameworkPage {
            summary: self.md.shared_block(&f.summary, f.file),
            body,
            source: f.source.as_deref(),
            components,
            phases: direct.iter().map(|&p| self.phase_ctx(p)).collect(),
            timeline: (!direct.is_empty()).then(|| {
                let title = self.words().get(
                    "chart-framework-timeline",
                    &[("title", f.title.as_str().into())],
                );
                self.phases_timeline(&title, &direct)
            }),
            risks: f
                .risks
                .iter()
                .map(|rk| RiskCtx {
                    id: &rk.id,
                    title: &rk.title,
                    description: self.md.block(&rk.description, f.file),
                    mitigation_title: &rk.mitigation_title,
                    mitigation: self.md.block(&rk.mitigation, f.file),
                    threatens: rk
                        .threatens
                        .iter()
                        .map(|&s| link(pb, EntityRef::from(s)))
                        .collect(),
                })
                .collect(),
            metric_groups: pb
                .metric_groups
                .iter()
                .filter(|g| g.framework == Some(fi))
                .map(|g| MetricGroupCtx {
                    title: &g.title,
                    metrics: self.metric_rows(&g.metrics),
                })
                .collect(),
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
    }

    pub(super) fn component(&self, ci: Idx<Component>) -> PageJob {
        let pb = self.pb;
        let c = &pb.components[ci];
        let r = EntityRef::from(ci);
        let f = &pb.frameworks[c.framework];
        let page = Page {
            kind: PageKind::Component,
            idx: ci.index(),
        };
        let (body, toc) = c
            .body
            .as_deref()
            .map(|b| self.md.doc(b, c.file))
            .unwrap_or_default();
        let mut base = self.page_base(page);
        base.file = Some(c.file);
        base.toc = toc;
        base.description = plain(pb, &c.summary);
        let ms = self.lk.metrics_of.get(&r).cloned().unwrap_or_default();
        let own = ComponentPage {
            component: ComponentFacts {
                number: c.number,
                subtitle: c.subtitle.as_deref(),
                framework: &f.title,
            },
            summary: self.md.block(&c.summary, c.file),
            body,
            phases: c.phases.iter().map(|&p| self.phase_ctx(p)).collect(),
            timeline: self.phases_timeline(
                &self.words().get(
                    "chart-component-timeline",
                    &[("title", c.title.as_str().into())],
                ),
                &c.phases,
            ),
            metrics: self.metric_rows(&ms),
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
    }

    pub(super) fn step(&self, si: Idx<Step>) -> PageJob {
        let pb = self.pb;
        let s = &pb.steps[si];
        let r = EntityRef::from(si);
        let ph = &pb.phases[s.phase];
        let blk = &pb.blocks[s.block];
        let page = Page {
            kind: PageKind::Step,
            idx: si.index(),
        };
        let mut base = self.page_base(page);
        base.nav_pos = Some(si.index());
        base.file = Some(s.file);
        base.description = s
            .guidance
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        base.toc = s
            .activities
            .iter()
            .map(|a| playbook_content::markdown::Heading {
                level: 2,
                id: format!("activity-{}", a.id),
                text: a.title.clone(),
            })
            .collect();
        let words = self.words();
        let window = words.window(ph.window);
        let when = if blk.implicit || blk.title.is_empty() {
            window
        } else {
            let title = ("title", blk.title.as_str().into());
            match blk.weeks {
                Some((a, b)) => words.get(
                    "block-weeks-titled",
                    &[
                        ("window", window.into()),
                        ("first", a.into()),
                        ("last", b.into()),
                        title,
                    ],
                ),
                None => words.get("block-titled", &[("window", window.into()), title]),
            }
        };
        let market_tasks = s
            .market_tasks
            .iter()
            .filter_map(|&t| {
                let task = &pb.tasks[t];
                let Some(m) = task.market else {
                    self.broken(format!(
                        "market task {} of step {} has no market",
                        task.id, s.id
                    ));
                    return None;
                };
                let mut v = self.task_ctx(t);
                v.market = Some(link(pb, EntityRef::from(m)));
                Some(v)
            })
            .collect();
        let mut ms = self.lk.metrics_of.get(&r).cloned().unwrap_or_default();
        if let Some(c) = s.component {
            for m in self
                .lk
                .metrics_of
                .get(&EntityRef::from(c))
                .cloned()
                .unwrap_or_default()
            {
                if !ms.contains(&m) {
                    ms.push(m);
                }
            }
        }
        let own = StepPage {
            step: StepFacts {
                number: s.number,
                label: step_label(pb, si),
                phase: &ph.title,
                when,
                guidance: self.md.shared_opt(&s.guidance, s.file),
            },
            activities: s
                .activities
                .iter()
                .map(|a| ActivityCtx {
                    id: &a.id,
                    title: &a.title,
                    summary: self.md.opt(&a.summary, s.file),
                    tasks: a.tasks.iter().map(|&t| self.task_ctx(t)).collect(),
                })
                .collect(),
            market_tasks,
            metrics: self.metric_rows(&ms),
            in_story: in_story(pb, r),
            advice: self.lk.advice_of[si]
                .iter()
                .map(|&(e, a)| {
                    let x = &pb.experts[e];
                    AdviceCtx {
                        expert: link(pb, EntityRef::from(e)),
                        role: &x.role,
                        text: self.md.block(&x.advice[a].0, x.file),
                    }
                })
                .collect(),
            risks: self.lk.risks_of[si]
                .iter()
                .map(|&(f, k)| {
                    let rk = &pb.frameworks[f].risks[k];
                    StepRisk {
                        title: &rk.title,
                        mitigation_title: &rk.mitigation_title,
                        mitigation: self.md.inline(&rk.mitigation, pb.frameworks[f].file),
                        url: format!("{}#risk-{}", pb.url(EntityRef::from(f)), rk.id),
                    }
                })
                .collect(),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
    }
}

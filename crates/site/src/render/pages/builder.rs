//! The page builders' shared state ([`Builder`]: the playbook, rendered
//! Markdown, reverse lookups, the sidebar cache, checklist indexes) and the
//! helpers several page kinds use (task rows, phase blocks, timelines).

use super::*;

/// Reverse relations computed once per build.
pub(super) struct Lookups {
    /// Metrics that measure an entity.
    pub(super) metrics_of: HashMap<EntityRef, Vec<Idx<Metric>>>,
    /// (expert, advice index) per step.
    pub(super) advice_of: IdxVec<Step, Vec<(Idx<Expert>, usize)>>,
    /// (framework, risk index) per step.
    pub(super) risks_of: IdxVec<Step, Vec<(Idx<Framework>, usize)>>,
}

impl Lookups {
    pub(super) fn new(pb: &Playbook) -> Self {
        let mut metrics_of: HashMap<EntityRef, Vec<Idx<Metric>>> = HashMap::new();
        for (i, m) in pb.metrics.iter_enumerated() {
            for r in &m.measures {
                metrics_of.entry(*r).or_default().push(i);
            }
        }
        let mut advice_of = IdxVec::filled(Vec::new(), pb.steps.len());
        for (e, x) in pb.experts.iter_enumerated() {
            for (a, (_, steps)) in x.advice.iter().enumerate() {
                for &s in steps {
                    advice_of[s].push((e, a));
                }
            }
        }
        let mut risks_of = IdxVec::filled(Vec::new(), pb.steps.len());
        for (f, fw) in pb.frameworks.iter_enumerated() {
            for (r, risk) in fw.risks.iter().enumerate() {
                for &s in &risk.threatens {
                    risks_of[s].push((f, r));
                }
            }
        }
        Lookups {
            metrics_of,
            advice_of,
            risks_of,
        }
    }
}

/// A market as a chip (its code, linking its page) on a step's task.
#[derive(Serialize)]
pub(super) struct MarketChip<'a> {
    /// Site-relative URL of the market's page.
    url: String,
    /// The market's code in capitals ("DE").
    code: String,
    /// The market's name (the chip's tooltip).
    name: &'a str,
}

/// The markets a task applies to.
#[derive(Serialize)]
pub(super) struct TaskMarkets {
    /// True when it applies everywhere (no chips shown).
    all: bool,
    /// Otherwise, how many markets.
    count: usize,
    /// Their chips' HTML (`partials/market_chips.html`, which draws them
    /// with `charts.html::market_chips`), rendered once per distinct set of
    /// markets ([`Builder::chips_html`]).
    #[serde(serialize_with = "shared_str")]
    chips: std::sync::Arc<String>,
}

/// A shared string, serialized as the string.
fn shared_str<S: serde::Serializer>(s: &std::sync::Arc<String>, to: S) -> Result<S::Ok, S::Error> {
    to.serialize_str(s)
}

/// What `partials/market_chips.html` receives.
#[derive(Serialize)]
struct ChipsContext<'a> {
    /// The markets' chips.
    markets: Vec<&'a MarketChip<'a>>,
    /// Where links start: the root mark, which each page replaces.
    root: String,
}

/// A group of "Referenced by" links.
#[derive(Serialize)]
pub(super) struct BacklinkGroup {
    /// "Steps", "Chapters".
    kind: &'static str,
    /// The referring pages.
    items: Vec<LinkCtx>,
}

/// A task as step and market pages show it.
#[derive(Serialize)]
pub(super) struct TaskCtx<'a> {
    /// Full id (`step-id/task-slug`).
    id: &'a str,
    /// The id's last part (the task's anchor on its step page).
    slug: &'a str,
    /// Title.
    title: &'a str,
    /// Description as HTML (inline Markdown).
    description: String,
    /// Owner role id.
    owner: Option<&'a str>,
    /// Owner role title.
    owner_title: Option<&'a str>,
    /// The `applies_to` rule in words, when it has one.
    rule: Option<String>,
    /// Where it applies.
    markets: TaskMarkets,
    /// For a market's own task: the market.
    pub(super) market: Option<LinkCtx>,
    /// On a market page: the step the task belongs to.
    pub(super) step: Option<LinkCtx>,
}

/// A metric in a list: name, link and target.
#[derive(Serialize)]
pub(super) struct MetricRow<'a> {
    url: String,
    title: &'a str,
    /// The target as written ("≥ 99.9%").
    target: &'a str,
}

/// A step in a phase's list.
#[derive(Serialize)]
pub(super) struct StepItem<'a> {
    url: String,
    title: &'a str,
    number: Option<u32>,
    /// Number of tasks.
    tasks: usize,
    /// Activity titles.
    activities: Vec<&'a str>,
}

/// A block of weeks within a phase.
#[derive(Serialize)]
pub(super) struct BlockCtx<'a> {
    title: &'a str,
    /// True for the block a phase without week blocks gets (no heading).
    implicit: bool,
    /// "Weeks 1–2", or absent for ongoing work.
    weeks: Option<String>,
    /// Summary as HTML.
    summary: String,
    steps: Vec<StepItem<'a>>,
}

/// A phase with its blocks and steps.
#[derive(Serialize)]
pub(super) struct PhaseCtx<'a> {
    id: &'a str,
    title: &'a str,
    number: Option<u32>,
    /// "Weeks 1–4", "Month 4+".
    window: String,
    /// Summary as HTML.
    summary: String,
    blocks: Vec<BlockCtx<'a>>,
}

pub(super) fn backlinks(pb: &Playbook, r: EntityRef) -> Vec<BacklinkGroup> {
    pb.backlinks_of(r)
        .into_iter()
        .map(|(k, v)| BacklinkGroup {
            kind: k.plural_title(),
            items: v.into_iter().map(|e| link(pb, e)).collect(),
        })
        .collect()
}

/// Chapters that reference or apply an entity.
pub(super) fn in_story(pb: &Playbook, r: EntityRef) -> Vec<LinkCtx> {
    pb.backlinks
        .get(&r)
        .map(|s| {
            s.iter()
                .filter(|e| e.kind == Kind::Chapter)
                .map(|&e| link(pb, e))
                .collect()
        })
        .unwrap_or_default()
}

/// Above this many steps a market's launch timeline shows phases only.
pub(super) const MAX_TIMELINE_STEPS: usize = 60;
/// Above this many phases it shows one bar per framework (from its first
/// phase's start to its last one's end), so the chart stays a screenful.
pub(super) const MAX_TIMELINE_PHASES: usize = 40;

/// What every page builder reads: the playbook and what is computed once
/// per build for all pages.
pub(super) struct Builder<'a> {
    pub(super) pb: &'a Playbook,
    /// The pages' Content-Security-Policy and its inline script.
    pub(super) security: &'a crate::render::csp::PageSecurity,
    /// Each market's chip, made once: a step page lists up to one per
    /// market for each of its tasks.
    pub(super) chips: IdxVec<Market, MarketChip<'a>>,
    /// The chips of each distinct set of markets, rendered once: at 250
    /// markets a step page showed fifty-odd chips, the same sets over and
    /// over across 10,000 pages.
    pub(super) chips_by_set: std::sync::Mutex<HashMap<&'a [Idx<Market>], std::sync::Arc<String>>>,
    /// The sidebar, rendered once per section.
    pub(super) nav: NavCache<'a>,
    /// Checklists and their schedules (the company program scheduled once).
    pub(super) lists: checklist::Checklists<'a>,
    /// Where every launch stands (the status page and the home page).
    pub(super) status: std::sync::OnceLock<Vec<playbook_plan::status::StatusData<'a>>>,
    /// Number of checklist rows per market.
    pub(super) task_counts: IdxVec<Market, usize>,
    /// Each phase's window ("Weeks 1–2").
    pub(super) windows: IdxVec<Phase, String>,
    pub(super) md: Md<'a>,
    pub(super) lk: Lookups,
    pub(super) order_pos: HashMap<String, usize>,
    pub(super) order: Vec<(String, String)>,
    /// Internal errors met while building pages (a broken invariant of the
    /// model): the build fails with them instead of writing a page with a
    /// part silently missing.
    pub(super) internal: std::sync::Mutex<Vec<playbook_content::diag::Diagnostic>>,
    /// The templates, for the interface words the builders write themselves.
    pub(super) templates: &'a Templates,
}

impl<'a> Builder<'a> {
    /// Everything the pages of `pb` share; `order` is the site's reading
    /// order as (URL, title).
    pub(super) fn new(
        pb: &'a Playbook,
        templates: &'a Templates,
        order: Vec<(String, String)>,
    ) -> Self {
        let order_pos = order
            .iter()
            .enumerate()
            .map(|(i, (u, _))| (u.clone(), i))
            .collect();
        let lists = checklist::Checklists::new(pb);
        // Rows per market: from the tallies the resolver's schedule check
        // left, else by listing each market (no schedule needed to count).
        let task_counts = if pb.tallies.len() == pb.markets.len() {
            pb.tallies
                .iter()
                .map(|t| t.total)
                .collect::<Vec<_>>()
                .into()
        } else {
            use rayon::prelude::*;
            let counts: Vec<usize> = (0..pb.markets.len())
                .into_par_iter()
                .map(|m| checklist::listing(pb, Idx::new(m)).rows.len())
                .collect();
            counts.into()
        };
        Builder {
            templates,
            security: &templates.security,
            pb,
            md: Md::new(
                pb,
                crate::render::context::markdown_words(templates.words()),
            ),
            lk: Lookups::new(pb),
            order_pos,
            order,
            task_counts,
            lists,
            status: Default::default(),
            nav: NavCache::new(templates),
            chips_by_set: Default::default(),
            chips: pb
                .markets
                .iter_enumerated()
                .map(|(m, mk)| MarketChip {
                    url: pb.url(EntityRef::from(m)),
                    code: mk.id.to_uppercase(),
                    name: &mk.name,
                })
                .collect(),
            windows: checklist::window_labels(pb),
            internal: Default::default(),
        }
    }

    /// Record that an invariant of the model did not hold (see `internal`).
    pub(super) fn broken(&self, what: String) {
        self.fail(playbook_content::diag::Diagnostic::internal(what));
    }

    /// Record an error met while building a page (a broken invariant, or a
    /// template of the playbook's that fails, such as `partials/nav.html`):
    /// the build fails with it.
    pub(super) fn fail(&self, d: playbook_content::diag::Diagnostic) {
        if let Ok(mut v) = self.internal.lock() {
            v.push(d);
        }
    }

    pub(super) fn prev_next(&self, url: &str) -> (Option<LinkCtx>, Option<LinkCtx>) {
        let Some(&i) = self.order_pos.get(url) else {
            return (None, None);
        };
        let mk = |j: usize| {
            let (u, t) = &self.order[j];
            LinkCtx {
                url: u.clone(),
                title: t.clone(),
            }
        };
        (
            if i > 0 { Some(mk(i - 1)) } else { None },
            self.order.get(i + 1).map(|_| mk(i + 1)),
        )
    }

    /// The shared part of a page's context: its sidebar, and previous and
    /// next in reading order unless the page says otherwise.
    pub(super) fn base_ctx(&self, mut base: PageBase) -> BaseContext<'a> {
        let (prev, next) = match base.prev_next.take() {
            Some(pn) => pn,
            None => self.prev_next(&base.url),
        };
        let key = NavKey::new(self.pb, &self.nav.titles, base.section, base.nav_pos);
        let nav = self.nav.html(self.pb, key, &base.url).unwrap_or_else(|d| {
            self.fail(d);
            String::new()
        });
        base_context(self.pb, self.security, nav, base, prev, next)
    }

    /// A page's base context from the page table: its title, URL,
    /// breadcrumbs, sidebar section and label. Every page's title and
    /// breadcrumbs come from the page table (`page_kinds::title`,
    /// `page_kinds::crumbs`), so a page's `<h1>`, its breadcrumb on the
    /// pages under it and its previous/next link say the same.
    pub(super) fn page_base(&self, page: Page) -> PageBase {
        let pb = self.pb;
        PageBase {
            title: page_kinds::title(pb, page),
            url: page_kinds::url(pb, page),
            section: page_kinds::section(pb, page),
            crumbs: page_kinds::crumbs(pb, page)
                .into_iter()
                .map(|c| LinkCtx {
                    url: c.url,
                    title: c.title,
                })
                .collect(),
            file: None,
            kind_label: page_kinds::info(page.kind).label,
            toc: Vec::new(),
            description: String::new(),
            nav_pos: None,
            prev_next: None,
        }
    }

    /// A checklist page's `<meta name="description">`: its title, how
    /// many tasks, from which kickoff (in the edition's language).
    pub(super) fn checklist_description(
        &self,
        title: &str,
        tasks: usize,
        kickoff: jiff::civil::Date,
    ) -> String {
        self.words().get(
            "ck-meta-description",
            &[
                ("title", title.into()),
                ("count", tasks.into()),
                ("kickoff", kickoff.to_string().into()),
            ],
        )
    }

    /// The page's job: its file and template from the page table, its
    /// context the shared part from `base` and the page kind's own fields.
    pub(super) fn job<T: Serialize>(&self, page: Page, base: PageBase, own: T) -> PageJob {
        let path = page_kinds::path(self.pb, page);
        self.job_at(path, page_kinds::info(page.kind).template, base, own)
    }

    /// A page's job at `path` with `template`.
    pub(super) fn job_at<T: Serialize>(
        &self,
        path: String,
        template: &'static str,
        base: PageBase,
        own: T,
    ) -> PageJob {
        self.job_with(path, template, self.base_ctx(base), own)
    }

    /// A page's job from its finished shared context and its own fields.
    pub(super) fn job_with<T: Serialize>(
        &self,
        path: String,
        template: &'static str,
        base: BaseContext<'_>,
        own: T,
    ) -> PageJob {
        let ctx = PageContext { base, own };
        let ctx = tera::Context::from_serialize(&ctx).unwrap_or_else(|e| {
            self.broken(format!("the template context of {path}: {e}"));
            tera::Context::new()
        });
        PageJob {
            ctx,
            root: crate::render::root_for(&path),
            path,
            template,
        }
    }

    /// The interface word `key` in this build's language.
    pub(super) fn word(&self, key: &str) -> String {
        self.templates.word(key)
    }

    /// The interface's string table in this build's language, for words
    /// with arguments.
    pub(super) fn words(&self) -> &playbook_content::language::strings::UiStrings {
        self.templates.words()
    }

    fn task_markets(&self, ti: Idx<Task>) -> TaskMarkets {
        let pb: &'a Playbook = self.pb;
        let ms: &'a [Idx<Market>] = &pb.task_markets[ti];
        if self.pb.tasks[ti].rule.is_none() || ms.len() == self.pb.markets.len() {
            return TaskMarkets {
                all: true,
                count: ms.len(),
                chips: Default::default(),
            };
        }
        TaskMarkets {
            all: false,
            count: ms.len(),
            chips: self.chips_html(ms),
        }
    }

    /// The chips of the markets `ms`, from `partials/market_chips.html`,
    /// rendered the first time this set is asked for.
    fn chips_html(&self, ms: &'a [Idx<Market>]) -> std::sync::Arc<String> {
        if ms.is_empty() {
            return Default::default();
        }
        if let Some(html) = self
            .chips_by_set
            .lock()
            .ok()
            .and_then(|m| m.get(ms).cloned())
        {
            return html;
        }
        let ctx = ChipsContext {
            markets: ms.iter().map(|&m| &self.chips[m]).collect(),
            root: playbook_content::markdown::ROOT_MARK.to_string(),
        };
        let html = tera::Context::from_serialize(&ctx)
            .map_err(|e| {
                playbook_content::diag::Diagnostic::internal(format!(
                    "the market chips' context: {e}"
                ))
            })
            .and_then(|ctx| self.templates.render("partials/market_chips.html", &ctx))
            .unwrap_or_else(|d| {
                self.fail(d);
                String::new()
            });
        let html = std::sync::Arc::new(html);
        if let Ok(mut m) = self.chips_by_set.lock() {
            m.insert(ms, html.clone());
        }
        html
    }

    pub(super) fn task_ctx(&self, ti: Idx<Task>) -> TaskCtx<'_> {
        let t = &self.pb.tasks[ti];
        TaskCtx {
            id: &t.id,
            slug: &t.slug,
            title: &t.title,
            description: self.md.shared_opt_inline(&t.description, t.file),
            owner: t.owner.as_deref(),
            owner_title: t
                .owner
                .as_ref()
                .and_then(|o| self.pb.roles.get(o))
                .map(String::as_str),
            rule: t.rule.as_ref().map(playbook_content::rules::describe),
            markets: self.task_markets(ti),
            market: None,
            step: None,
        }
    }

    pub(super) fn metric_rows(&self, ms: &[Idx<Metric>]) -> Vec<MetricRow<'_>> {
        ms.iter()
            .map(|&m| {
                let x = &self.pb.metrics[m];
                MetricRow {
                    url: self.pb.url(EntityRef::from(m)),
                    title: &x.name,
                    target: &x.target.text,
                }
            })
            .collect()
    }

    pub(super) fn steps_of_phase(&self, p: Idx<Phase>) -> Vec<BlockCtx<'_>> {
        let pb = self.pb;
        pb.phases[p]
            .blocks
            .iter()
            .map(|&b| {
                let blk = &pb.blocks[b];
                let steps = blk
                    .steps
                    .iter()
                    .map(|&s| {
                        let st = &pb.steps[s];
                        StepItem {
                            url: pb.url(EntityRef::from(s)),
                            title: &st.title,
                            number: st.number,
                            tasks: st.activities.iter().map(|a| a.tasks.len()).sum(),
                            activities: st.activities.iter().map(|a| a.title.as_str()).collect(),
                        }
                    })
                    .collect();
                BlockCtx {
                    title: &blk.title,
                    implicit: blk.implicit,
                    weeks: blk.weeks.map(|(a, b)| self.words().weeks(a, b)),
                    summary: self.md.opt(&blk.summary, pb.phases[p].file),
                    steps,
                }
            })
            .collect()
    }

    pub(super) fn phase_ctx(&self, p: Idx<Phase>) -> PhaseCtx<'_> {
        let ph = &self.pb.phases[p];
        PhaseCtx {
            id: &ph.id,
            title: &ph.title,
            number: ph.number,
            window: self.words().window(ph.window),
            summary: self.md.opt(&ph.summary, ph.file),
            blocks: self.steps_of_phase(p),
        }
    }

    /// Week- or month-scaled timeline of phases and their blocks.
    pub(super) fn phases_timeline(&self, title: &str, phases: &[Idx<Phase>]) -> Timeline {
        let pb = self.pb;
        let months = phases
            .iter()
            .any(|&p| matches!(pb.phases[p].window, Window::Months { .. }));
        let mut bars = Vec::new();
        let mut total: f64 = 0.0;
        for &p in phases {
            let ph = &pb.phases[p];
            let (s, e, open) = match ph.window {
                Window::Weeks { first, last } => (f64::from(first - 1), f64::from(last), false),
                Window::Months { first, last } => (
                    f64::from(first - 1) * 4.0,
                    last.map(|l| f64::from(l) * 4.0)
                        .unwrap_or(f64::from(first) * 4.0 + 4.0),
                    last.is_none(),
                ),
            };
            total = total.max(e);
            bars.push(Bar {
                label: ph.title.clone(),
                start: s,
                end: e,
                strong: true,
                note: self.words().window(ph.window),
                critical: false,
                open_ended: open,
            });
            for &b in &ph.blocks {
                let blk = &pb.blocks[b];
                if blk.implicit {
                    continue;
                }
                let (bs, be) = match blk.weeks {
                    Some((a, z)) => (s + f64::from(a - 1), (s + f64::from(z)).min(e)),
                    None => (s, e),
                };
                bars.push(Bar {
                    label: blk.title.clone(),
                    start: bs,
                    end: be,
                    strong: false,
                    note: String::new(),
                    critical: false,
                    open_ended: open && blk.weeks.is_none(),
                });
            }
        }
        let label = move |u: f64| {
            if months {
                format!("M{}", (u / 4.0) as u32 + 1)
            } else {
                format!("W{}", u as u32 + 1)
            }
        };
        let tick = if months { 4.0 } else { 1.0 };
        let total = if months { total } else { total.max(1.0) };
        svg::timeline(title, &bars, total, tick, &|u| {
            if u >= total {
                String::new()
            } else {
                label(u)
            }
        })
    }
}

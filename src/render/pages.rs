//! One function per page kind: each builds the template context for its
//! pages. [`SiteBuilder`] lists every page of the site in reading order and builds them in parallel units.

use super::context::{
    base_context, link, plain, step_label, LinkCtx, Md, PageBase, PageCtx, Section,
};
use super::svg::{self, Bar, ValueBar};
use super::PageJob;
use crate::checklist;
use crate::model::{EntityRef, Kind, Playbook, Window};
use crate::site_file::SiteFile;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Reverse relations computed once per build.
struct Lookups {
    /// Metrics that measure an entity.
    metrics_of: HashMap<EntityRef, Vec<usize>>,
    /// (expert, advice index) per step.
    advice_of: Vec<Vec<(usize, usize)>>,
    /// (framework, risk index) per step.
    risks_of: Vec<Vec<(usize, usize)>>,
}

impl Lookups {
    fn new(pb: &Playbook) -> Self {
        let mut metrics_of: HashMap<EntityRef, Vec<usize>> = HashMap::new();
        for (i, m) in pb.metrics.iter().enumerate() {
            for r in &m.measures {
                metrics_of.entry(*r).or_default().push(i);
            }
        }
        let mut advice_of = vec![Vec::new(); pb.steps.len()];
        for (e, x) in pb.experts.iter().enumerate() {
            for (a, (_, steps)) in x.advice.iter().enumerate() {
                for &s in steps {
                    advice_of[s].push((e, a));
                }
            }
        }
        let mut risks_of = vec![Vec::new(); pb.steps.len()];
        for (f, fw) in pb.frameworks.iter().enumerate() {
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

/// `<a class="market-chip" …>DE</a> ` for market `m` (links from the site root).
fn market_chip(pb: &Playbook, m: usize) -> String {
    use crate::diag::push_html_escaped as esc;
    let mk = &pb.markets[m];
    let mut s = String::from("<a class=\"market-chip\" href=\"");
    s.push(crate::markdown::ROOT_MARK);
    esc(&mut s, &pb.url(er(Kind::Market, m)));
    s.push_str("\" title=\"");
    esc(&mut s, &mk.name);
    s.push_str("\">");
    esc(&mut s, &mk.id.to_uppercase());
    s.push_str("</a> ");
    s
}

fn er(kind: Kind, idx: usize) -> EntityRef {
    EntityRef { kind, idx }
}

fn backlinks(pb: &Playbook, r: EntityRef) -> Value {
    let groups: Vec<Value> = pb
        .backlinks_of(r)
        .into_iter()
        .map(|(k, v)| {
            let items: Vec<LinkCtx> = v.into_iter().map(|e| link(pb, e)).collect();
            json!({"kind": k.plural_title(), "items": items})
        })
        .collect();
    Value::Array(groups)
}

/// Chapters that reference or apply an entity.
fn in_story(pb: &Playbook, r: EntityRef) -> Vec<LinkCtx> {
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

/// Every page in reading order (used for previous/next).
fn reading_order(pb: &Playbook) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = vec![
        (String::new(), "Home".into()),
        ("story/".into(), "Story".into()),
    ];
    for i in 0..pb.chapters.len() {
        let r = er(Kind::Chapter, i);
        v.push((pb.url(r), pb.title(r).into()));
    }
    v.push(("frameworks/".into(), "Frameworks".into()));
    for (fi, f) in pb.frameworks.iter().enumerate() {
        v.push((pb.url(er(Kind::Framework, fi)), f.title.clone()));
        let mut last_comp = None;
        for &p in &f.phases {
            let comp = pb.phases[p].component;
            if comp != last_comp {
                if let Some(c) = comp {
                    v.push((
                        pb.url(er(Kind::Component, c)),
                        pb.components[c].title.clone(),
                    ));
                }
                last_comp = comp;
            }
            for &b in &pb.phases[p].blocks {
                for &s in &pb.blocks[b].steps {
                    v.push((pb.url(er(Kind::Step, s)), pb.steps[s].title.clone()));
                }
            }
        }
    }
    v.push(("metrics/".into(), "Metrics".into()));
    for i in 0..pb.metrics.len() {
        let r = er(Kind::Metric, i);
        v.push((pb.url(r), pb.title(r).into()));
    }
    v.push(("markets/".into(), "Markets".into()));
    for i in 0..pb.markets.len() {
        let r = er(Kind::Market, i);
        v.push((pb.url(r), pb.title(r).into()));
        v.push((
            format!("{}checklist/", pb.url(r)),
            format!("{} launch checklist", pb.markets[i].name),
        ));
    }
    v.push(("regulations/".into(), "Regulations".into()));
    for i in 0..pb.regulations.len() {
        let r = er(Kind::Regulation, i);
        v.push((pb.url(r), pb.title(r).into()));
    }
    v.push(("experts/".into(), "Experts".into()));
    for i in 0..pb.experts.len() {
        let r = er(Kind::Expert, i);
        v.push((pb.url(r), pb.title(r).into()));
    }
    v.push(("research/".into(), "Research".into()));
    for i in 0..pb.research.len() {
        let r = er(Kind::Research, i);
        v.push((pb.url(r), pb.title(r).into()));
    }
    v
}

/// Above this many steps a market's launch timeline shows phases only.
const MAX_TIMELINE_STEPS: usize = 60;
/// Above this many phases it shows one bar per framework (from its first
/// phase's start to its last one's end), so the chart stays a screenful.
const MAX_TIMELINE_PHASES: usize = 40;

struct Builder<'a> {
    pb: &'a Playbook,
    /// Each market's chip (a link with its code), written once: a step page
    /// lists up to one per market for each of its tasks.
    chips: Vec<String>,
    /// The sidebar, rendered once per section.
    nav: super::context::NavCache,
    /// Every task a checklist can list, in checklist order, and which apply where.
    checklists: checklist::ChecklistIndex,
    /// Number of checklist rows per market.
    task_counts: Vec<usize>,
    windows: Vec<String>,
    md: Md<'a>,
    lk: Lookups,
    order_pos: HashMap<String, usize>,
    order: Vec<(String, String)>,
}

impl<'a> Builder<'a> {
    fn prev_next(&self, url: &str) -> (Option<LinkCtx>, Option<LinkCtx>) {
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

    fn ctx(&self, base: PageBase) -> PageCtx {
        let (p, n) = self.prev_next(&base.url);
        base_context(self.pb, &self.nav, base, p, n)
    }

    fn job(&self, url: &str, template: &'static str, ctx: PageCtx) -> PageJob {
        PageJob {
            path: format!("{url}index.html"),
            template,
            ctx: ctx.into_tera(),
        }
    }

    fn base(
        &self,
        title: impl Into<String>,
        url: impl Into<String>,
        section: Section,
        kind: &'static str,
    ) -> PageBase {
        PageBase {
            title: title.into(),
            url: url.into(),
            section,
            crumbs: Vec::new(),
            file: None,
            kind_label: kind,
            toc: Vec::new(),
            description: String::new(),
            nav_pos: None,
        }
    }

    fn crumb(&self, url: &str, title: &str) -> LinkCtx {
        LinkCtx {
            url: url.into(),
            title: title.into(),
        }
    }

    fn market_chips(&self, ti: usize) -> Value {
        let ms = &self.pb.task_markets[ti];
        if self.pb.tasks[ti].rule.is_none() || ms.len() == self.pb.markets.len() {
            return json!({"all": true, "items": []});
        }
        let mut html = String::with_capacity(ms.len() * 64);
        for &m in ms {
            html.push_str(&self.chips[m]);
        }
        json!({"all": false, "html": html})
    }

    fn task_ctx(&self, ti: usize) -> Value {
        let t = &self.pb.tasks[ti];
        json!({
            "id": t.id,
            "slug": t.slug,
            "title": t.title,
            "description": self.md.shared_opt_inline(&t.description, t.file),
            "owner": t.owner,
            "owner_title": t.owner.as_ref().and_then(|o| self.pb.roles.get(o)),
            "rule": t.rule.as_ref().map(crate::rules::describe),
            "markets": self.market_chips(ti),
        })
    }

    fn metric_rows(&self, ms: &[usize]) -> Vec<Value> {
        ms.iter()
            .map(|&m| {
                let x = &self.pb.metrics[m];
                json!({"url": self.pb.url(er(Kind::Metric, m)), "title": x.name, "target": x.target.text})
            })
            .collect()
    }

    fn steps_of_phase(&self, p: usize) -> Vec<Value> {
        let pb = self.pb;
        pb.phases[p]
            .blocks
            .iter()
            .map(|&b| {
                let blk = &pb.blocks[b];
                let steps: Vec<Value> = blk
                    .steps
                    .iter()
                    .map(|&s| {
                        let st = &pb.steps[s];
                        let n: usize = st.activities.iter().map(|a| a.tasks.len()).sum();
                        json!({"url": pb.url(er(Kind::Step, s)), "title": st.title, "number": st.number, "tasks": n,
                               "activities": st.activities.iter().map(|a| a.title.clone()).collect::<Vec<_>>()})
                    })
                    .collect();
                json!({"title": blk.title, "implicit": blk.implicit, "weeks": blk.weeks.map(|(a, b)| if a == b { format!("Week {a}") } else { format!("Weeks {a}–{b}") }),
                       "summary": self.md.opt(&blk.summary, pb.phases[p].file), "steps": steps})
            })
            .collect()
    }

    fn phase_ctx(&self, p: usize) -> Value {
        let ph = &self.pb.phases[p];
        json!({"id": ph.id, "title": ph.title, "number": ph.number, "window": ph.window.label(),
               "summary": self.md.opt(&ph.summary, ph.file), "blocks": self.steps_of_phase(p)})
    }

    /// Week- or month-scaled timeline of phases and their blocks.
    fn phases_timeline(&self, title: &str, phases: &[usize]) -> String {
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
                note: ph.window.label(),
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

    // ---- pages ----

    fn home(&self) -> PageJob {
        let pb = self.pb;
        let mut base = self.base(pb.config.book.title.clone(), "", Section::None, "Home");
        base.description = pb.config.book.description.clone();
        let mut ctx = self.ctx(base);
        let acts = acts(pb, &self.md);
        ctx.put("acts", acts);
        let fws: Vec<Value> = pb
            .frameworks
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let steps: usize = f.phases.iter().map(|&p| pb.phases[p].blocks.iter().map(|&b| pb.blocks[b].steps.len()).sum::<usize>()).sum();
                json!({"url": pb.url(er(Kind::Framework, i)), "title": f.title, "summary": self.md.inline(&f.summary, f.file),
                       "components": f.components.len(), "phases": f.phases.len(), "steps": steps})
            })
            .collect();
        ctx.put("frameworks", fws);
        ctx.put("markets", self.market_list());
        ctx.put("counts", json!({
            "steps": pb.steps.len(), "tasks": pb.framework_task_count(), "metrics": pb.metrics.len(),
            "markets": pb.markets.len(), "regulations": pb.regulations.len(), "chapters": pb.chapters.len(),
            "experts": pb.experts.len(), "research": pb.research.len()
        }));
        self.job("", "index.html", ctx)
    }

    fn market_list(&self) -> Vec<Value> {
        let pb = self.pb;
        pb.markets
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let n = self.task_counts[i];
                json!({"url": pb.url(er(Kind::Market, i)), "id": m.id, "title": m.name, "region": m.region,
                       "kickoff": m.kickoff.to_string(), "tags": m.tags, "tasks": n,
                       "regulations": m.regulations.iter().map(|&r| link(pb, er(Kind::Regulation, r))).collect::<Vec<_>>()})
            })
            .collect()
    }

    fn story_index(&self) -> PageJob {
        let mut base = self.base("The story", "story/", Section::Story, "Story");
        base.description =
            "Maya Patel's journey, chapter by chapter, with the framework she puts to work.".into();
        let mut ctx = self.ctx(base);
        ctx.put("acts", acts(self.pb, &self.md));
        self.job("story/", "story.html", ctx)
    }

    fn chapter(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let c = &pb.chapters[i];
        let r = er(Kind::Chapter, i);
        let url = pb.url(r);
        let (body, toc) = self.md.shared_doc(&c.body, c.file);
        let mut base = self.base(
            c.title.clone(),
            url.clone(),
            Section::Story,
            "Story chapter",
        );
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("story/", "Story")];
        base.file = Some(c.file);
        base.toc = toc;
        base.description = c
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let prev = i.checked_sub(1).map(|j| link(pb, er(Kind::Chapter, j)));
        let next = (i + 1 < pb.chapters.len()).then(|| link(pb, er(Kind::Chapter, i + 1)));
        let mut ctx = base_context(pb, &self.nav, base, prev, next);
        // Everything the chapter references, in order of first mention.
        let mut rail: Vec<EntityRef> = c.applies.clone();
        for rf in crate::markdown::scan_refs(&c.body) {
            if let Some(k) = Kind::parse(&rf.kind) {
                if let Some(e) = pb.lookup(k, &rf.id) {
                    let e = pb.page_of(e);
                    if !rail.contains(&e) && e.kind != Kind::Chapter {
                        rail.push(e);
                    }
                }
            }
        }
        let rail: Vec<Value> = rail
            .into_iter()
            .filter(|e| e.kind != Kind::Chapter)
            .map(|e| json!({"kind": e.kind.name(), "url": pb.url(e), "title": pb.title(e)}))
            .collect();
        ctx.put("rail", rail);
        ctx.put("chapter", json!({"act": c.act, "act_title": c.act_title, "section": c.section, "section_title": c.section_title,
                                      "summary": self.md.opt_inline(&c.summary, c.file)}));
        let first_applied = c
            .applies
            .iter()
            .find(|e| e.kind != Kind::Chapter)
            .map(|&e| link(pb, e));
        ctx.insert("put_to_work", &first_applied);
        ctx.put("body", body);
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "chapter.html", ctx)
    }

    fn frameworks_index(&self) -> PageJob {
        let pb = self.pb;
        let ctx_fw: Vec<Value> = pb
            .frameworks
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let comps: Vec<LinkCtx> = f.components.iter().map(|&c| link(pb, er(Kind::Component, c))).collect();
                let phases: Vec<Value> = f.phases.iter().filter(|&&p| pb.phases[p].component.is_none()).map(|&p| json!({"title": pb.phases[p].title, "window": pb.phases[p].window.label()})).collect();
                json!({"url": pb.url(er(Kind::Framework, i)), "title": f.title, "summary": self.md.inline(&f.summary, f.file), "components": comps, "phases": phases})
            })
            .collect();
        let mut ctx = self.ctx(self.base(
            "Frameworks",
            "frameworks/",
            Section::Frameworks(None, None),
            "Frameworks",
        ));
        ctx.put("frameworks", ctx_fw);
        self.job("frameworks/", "frameworks.html", ctx)
    }

    fn framework(&self, fi: usize) -> PageJob {
        let pb = self.pb;
        let f = &pb.frameworks[fi];
        let r = er(Kind::Framework, fi);
        let url = pb.url(r);
        let (body, toc) = f
            .body
            .as_deref()
            .map(|b| self.md.doc(b, f.file))
            .unwrap_or_default();
        let mut base = self.base(
            f.title.clone(),
            url.clone(),
            Section::Frameworks(Some(fi), None),
            "Framework",
        );
        base.crumbs = vec![self.crumb("frameworks/", "Frameworks")];
        base.file = Some(f.file);
        base.toc = toc;
        base.description = plain(pb, &f.summary);
        let mut ctx = self.ctx(base);
        ctx.put("summary", self.md.shared_block(&f.summary, f.file));
        ctx.put("body", body);
        ctx.insert("source", &f.source);
        let comps: Vec<Value> = f
            .components
            .iter()
            .map(|&c| {
                let comp = &pb.components[c];
                let steps: usize = comp.phases.iter().map(|&p| pb.phases[p].blocks.iter().map(|&b| pb.blocks[b].steps.len()).sum::<usize>()).sum();
                json!({"url": pb.url(er(Kind::Component, c)), "title": comp.title, "number": comp.number, "subtitle": comp.subtitle,
                       "summary": self.md.inline(&comp.summary, comp.file), "steps": steps,
                       "phases": comp.phases.iter().map(|&p| json!({"title": pb.phases[p].title, "window": pb.phases[p].window.label()})).collect::<Vec<_>>()})
            })
            .collect();
        ctx.put("components", comps);
        let direct: Vec<usize> = f
            .phases
            .iter()
            .copied()
            .filter(|&p| pb.phases[p].component.is_none())
            .collect();
        ctx.put(
            "phases",
            direct
                .iter()
                .map(|&p| self.phase_ctx(p))
                .collect::<Vec<_>>(),
        );
        ctx.put(
            "timeline",
            if direct.is_empty() {
                String::new()
            } else {
                self.phases_timeline(&format!("Timeline of {}", f.title), &direct)
            },
        );
        let risks: Vec<Value> = f
            .risks
            .iter()
            .map(|rk| json!({"id": rk.id, "title": rk.title, "description": self.md.block(&rk.description, f.file),
                             "mitigation_title": rk.mitigation_title, "mitigation": self.md.block(&rk.mitigation, f.file),
                             "threatens": rk.threatens.iter().map(|&s| link(pb, er(Kind::Step, s))).collect::<Vec<_>>()}))
            .collect();
        ctx.put("risks", risks);
        let groups: Vec<Value> = pb
            .metric_groups
            .iter()
            .filter(|g| g.framework == Some(fi))
            .map(|g| json!({"title": g.title, "metrics": self.metric_rows(&g.metrics)}))
            .collect();
        ctx.put("metric_groups", groups);
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "framework.html", ctx)
    }

    fn component(&self, ci: usize) -> PageJob {
        let pb = self.pb;
        let c = &pb.components[ci];
        let r = er(Kind::Component, ci);
        let url = pb.url(r);
        let f = &pb.frameworks[c.framework];
        let (body, toc) = c
            .body
            .as_deref()
            .map(|b| self.md.doc(b, c.file))
            .unwrap_or_default();
        let mut base = self.base(
            c.title.clone(),
            url.clone(),
            Section::Frameworks(Some(c.framework), Some(ci)),
            "Component",
        );
        base.crumbs = vec![
            self.crumb("frameworks/", "Frameworks"),
            link(pb, er(Kind::Framework, c.framework)),
        ];
        base.file = Some(c.file);
        base.toc = toc;
        base.description = plain(pb, &c.summary);
        let mut ctx = self.ctx(base);
        ctx.put(
            "component",
            json!({"number": c.number, "subtitle": c.subtitle, "framework": f.title}),
        );
        ctx.put("summary", self.md.block(&c.summary, c.file));
        ctx.put("body", body);
        ctx.put(
            "phases",
            c.phases
                .iter()
                .map(|&p| self.phase_ctx(p))
                .collect::<Vec<_>>(),
        );
        ctx.put(
            "timeline",
            self.phases_timeline(
                &format!("Phases of {} on a week timeline", c.title),
                &c.phases,
            ),
        );
        let ms = self.lk.metrics_of.get(&r).cloned().unwrap_or_default();
        ctx.put("metrics", self.metric_rows(&ms));
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "component.html", ctx)
    }

    fn step(&self, si: usize) -> PageJob {
        let pb = self.pb;
        let s = &pb.steps[si];
        let r = er(Kind::Step, si);
        let url = pb.url(r);
        let ph = &pb.phases[s.phase];
        let blk = &pb.blocks[s.block];
        let mut base = self.base(
            s.title.clone(),
            url.clone(),
            Section::Frameworks(Some(s.framework), s.component),
            "Step",
        );
        base.nav_pos = Some(si);
        base.crumbs = vec![
            self.crumb("frameworks/", "Frameworks"),
            link(pb, er(Kind::Framework, s.framework)),
        ];
        if let Some(c) = s.component {
            base.crumbs.push(link(pb, er(Kind::Component, c)));
        }
        base.file = Some(s.file);
        base.description = s
            .guidance
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        base.toc = s
            .activities
            .iter()
            .map(|a| crate::markdown::Heading {
                level: 2,
                id: format!("activity-{}", a.id),
                text: a.title.clone(),
            })
            .collect();
        let mut ctx = self.ctx(base);
        let when = if blk.implicit || blk.title.is_empty() {
            ph.window.label()
        } else {
            match blk.weeks {
                Some((a, b)) => format!("{}, weeks {a}–{b}: {}", ph.window.label(), blk.title),
                None => format!("{}: {}", ph.window.label(), blk.title),
            }
        };
        ctx.put(
            "step",
            json!({"number": s.number, "label": step_label(pb, si), "phase": ph.title, "when": when,
                                   "guidance": self.md.shared_opt(&s.guidance, s.file)}),
        );
        let acts: Vec<Value> = s
            .activities
            .iter()
            .map(|a| {
                json!({"id": a.id, "title": a.title, "summary": self.md.opt(&a.summary, s.file),
                            "tasks": a.tasks.iter().map(|&t| self.task_ctx(t)).collect::<Vec<_>>()})
            })
            .collect();
        ctx.put("activities", acts);
        let mtasks: Vec<Value> = s
            .market_tasks
            .iter()
            .map(|&t| {
                let task = &pb.tasks[t];
                let m = task.market.unwrap_or(0);
                let mut v = self.task_ctx(t);
                v["market"] = json!(link(pb, er(Kind::Market, m)));
                v
            })
            .collect();
        ctx.put("market_tasks", mtasks);
        let mut ms = self.lk.metrics_of.get(&r).cloned().unwrap_or_default();
        if let Some(c) = s.component {
            for m in self
                .lk
                .metrics_of
                .get(&er(Kind::Component, c))
                .cloned()
                .unwrap_or_default()
            {
                if !ms.contains(&m) {
                    ms.push(m);
                }
            }
        }
        ctx.put("metrics", self.metric_rows(&ms));
        ctx.insert("in_story", &in_story(pb, r));
        let advice: Vec<Value> = self.lk.advice_of[si]
            .iter()
            .map(|&(e, a)| {
                let x = &pb.experts[e];
                json!({"expert": link(pb, er(Kind::Expert, e)), "role": x.role, "text": self.md.block(&x.advice[a].0, x.file)})
            })
            .collect();
        ctx.put("advice", advice);
        let risks: Vec<Value> = self.lk.risks_of[si]
            .iter()
            .map(|&(f, k)| {
                let rk = &pb.frameworks[f].risks[k];
                json!({"title": rk.title, "mitigation_title": rk.mitigation_title,
                       "mitigation": self.md.inline(&rk.mitigation, pb.frameworks[f].file),
                       "url": format!("{}#risk-{}", pb.url(er(Kind::Framework, f)), rk.id)})
            })
            .collect();
        ctx.put("risks", risks);
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "step.html", ctx)
    }

    fn metrics_index(&self) -> PageJob {
        let pb = self.pb;
        let groups: Vec<Value> = pb
            .metric_groups
            .iter()
            .map(|g| json!({"id": g.id, "title": g.title, "framework": g.framework.map(|f| link(pb, er(Kind::Framework, f))),
                            "metrics": g.metrics.iter().map(|&m| {
                                let x = &pb.metrics[m];
                                let (n_met, n_all) = self.met_counts(m);
                                json!({"url": pb.url(er(Kind::Metric, m)), "title": x.name, "target": x.target.text, "met": n_met, "measured": n_all})
                            }).collect::<Vec<_>>()}))
            .collect();
        let mut ctx =
            self.ctx(self.base("Success metrics", "metrics/", Section::Metrics, "Metrics"));
        ctx.put("groups", groups);
        self.job("metrics/", "metrics.html", ctx)
    }

    fn met_counts(&self, m: usize) -> (usize, usize) {
        let x = &self.pb.metrics[m];
        let mut met = 0;
        let mut all = 0;
        for mk in &self.pb.markets {
            for (mi, a) in &mk.actuals {
                if *mi == m {
                    all += 1;
                    if x.target.op.met(a.value, x.target.value) {
                        met += 1;
                    }
                }
            }
        }
        (met, all)
    }

    fn metric(&self, mi: usize) -> PageJob {
        let pb = self.pb;
        let m = &pb.metrics[mi];
        let r = er(Kind::Metric, mi);
        let url = pb.url(r);
        let g = &pb.metric_groups[m.group];
        let mut base = self.base(m.name.clone(), url.clone(), Section::Metrics, "Metric");
        base.nav_pos = Some(m.group);
        base.crumbs = vec![
            self.crumb("metrics/", "Metrics"),
            self.crumb(&format!("metrics/#{}", g.id), &g.title),
        ];
        base.file = Some(m.file);
        base.description = format!("{} — {}", m.name, m.target.text);
        let mut ctx = self.ctx(base);
        let unit = &m.target.unit;
        let fmt = |v: f64| format_value(v, unit);
        let mut actuals = Vec::new();
        let mut bars = Vec::new();
        for (k, mk) in pb.markets.iter().enumerate() {
            for (x, a) in &mk.actuals {
                if *x == mi {
                    let met = m.target.op.met(a.value, m.target.value);
                    actuals.push(json!({"market": link(pb, er(Kind::Market, k)), "value": fmt(a.value), "met": met,
                                        "as_of": a.as_of.map(|d| d.to_string()), "note": self.md.opt_inline(&a.note, mk.file)}));
                    bars.push(ValueBar {
                        label: mk.name.clone(),
                        value: a.value,
                        met,
                        text: fmt(a.value),
                    });
                }
            }
        }
        let target_text = format!("{} {}", m.target.op.symbol(), fmt(m.target.value));
        ctx.put("metric", json!({"group": g.title, "target_text": m.target.text, "target": target_text,
                                     "period": m.target.period, "description": self.md.opt(&m.description, m.file),
                                     "measures": m.measures.iter().map(|&e| link(pb, e)).collect::<Vec<_>>(),
                                     "framework": g.framework.map(|f| link(pb, er(Kind::Framework, f)))}));
        ctx.put("actuals", actuals);
        ctx.put(
            "chart",
            if bars.is_empty() {
                String::new()
            } else {
                svg::value_chart(
                    &format!("{} by market against the target {}", m.name, target_text),
                    &bars,
                    m.target.value,
                    &target_text,
                )
            },
        );
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "metric.html", ctx)
    }

    fn markets_index(&self) -> PageJob {
        let mut ctx = self.ctx(self.base("Markets", "markets/", Section::Markets, "Markets"));
        ctx.put("markets", self.market_list());
        self.job("markets/", "markets.html", ctx)
    }

    fn market(&self, mi: usize) -> (PageJob, PageJob, Vec<SiteFile>) {
        let pb = self.pb;
        let m = &pb.markets[mi];
        let r = er(Kind::Market, mi);
        let url = pb.url(r);
        // Small checklists are written out; big ones are published as data
        // the browser assembles (see checklist_data.rs).
        let dynamic = self.task_counts[mi] > pb.config.build.static_checklist_rows;
        let (rows, compact) = if dynamic {
            (
                Vec::new(),
                Some(checklist::compact(pb, &self.checklists, mi)),
            )
        } else {
            (checklist::rows(pb, &self.windows, mi), None)
        };
        let rows = &rows;
        let count = compact.as_ref().map_or(rows.len(), |c| c.count);
        let mut base = self.base(m.name.clone(), url.clone(), Section::Markets, "Market");
        base.nav_pos = Some(mi);
        base.crumbs = vec![self.crumb("markets/", "Markets")];
        base.file = Some(m.file);
        base.description = m
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let mut ctx = self.ctx(base);
        let team: Vec<Value> = m.team.iter().map(|(role, person)| json!({"role": pb.roles.get(role).cloned().unwrap_or(role.clone()), "person": person})).collect();
        let partners: Vec<Value> = m.partners.iter().map(|p| json!({"name": p.name, "kind": p.kind, "note": self.md.opt_inline(&p.note, m.file)})).collect();
        // Launch timeline: each phase with real dates.
        let mut bars = Vec::new();
        let mut last_end = m.kickoff;
        let mut phase_rows = Vec::new();
        let mut per_phase: HashMap<usize, usize> = HashMap::new();
        match &compact {
            Some(c) => per_phase.extend(c.per_phase.iter().copied().enumerate()),
            None => {
                for r in rows.iter() {
                    *per_phase.entry(r.phase_idx).or_default() += 1;
                }
            }
        }
        // One bar per step reads well for a few dozen steps; beyond that the
        // chart shows phases only (it would grow with markets × steps).
        let step_bars = pb.steps.len() <= MAX_TIMELINE_STEPS;
        let phase_bars = pb.phases.len() <= MAX_TIMELINE_PHASES;
        for f in &pb.frameworks {
            let mut span: Option<(jiff::civil::Date, jiff::civil::Date, bool)> = None;
            let mut fw_tasks = 0;
            for &p in &f.phases {
                let ph = &pb.phases[p];
                let w = crate::schedule::phase_window(m.kickoff, ph.window);
                let end = w.end.unwrap_or_else(|| {
                    w.start
                        .checked_add(jiff::ToSpan::days(28))
                        .unwrap_or(w.start)
                });
                if end > last_end {
                    last_end = end;
                }
                let n = per_phase.get(&p).copied().unwrap_or(0);
                let label = match ph.component {
                    Some(c) => format!(
                        "{}: {}",
                        pb.components[c].title.replace(" System", ""),
                        ph.title
                    ),
                    None => format!(
                        "{}: {}",
                        f.title
                            .split_whitespace()
                            .take(2)
                            .collect::<Vec<_>>()
                            .join(" "),
                        ph.title
                    ),
                };
                fw_tasks += n;
                if phase_bars {
                    phase_rows.push(json!({"title": label, "start": w.start.to_string(), "due": w.end.map(|d| d.to_string()), "tasks": n}));
                }
                span = Some(match span {
                    None => (w.start, end, w.end.is_none()),
                    Some((s0, e0, o0)) => (s0.min(w.start), e0.max(end), o0 || w.end.is_none()),
                });
                if !phase_bars {
                    continue;
                }
                bars.push((label, w.start, end, w.end.is_none(), true));
                for &b in ph.blocks.iter().filter(|_| step_bars) {
                    for &st in &pb.blocks[b].steps {
                        let sw = checklist::step_window(pb, st, mi);
                        let send = sw.end.unwrap_or(end);
                        bars.push((
                            format!("  {}", step_label(pb, st)),
                            sw.start,
                            send,
                            sw.end.is_none(),
                            false,
                        ));
                    }
                }
            }
            if let (false, Some((start, end, open))) = (phase_bars, span) {
                phase_rows.push(json!({"title": f.title, "start": start.to_string(), "due": (!open).then(|| end.to_string()), "tasks": fw_tasks}));
                bars.push((f.title.clone(), start, end, open, true));
            }
        }
        let day = |d: jiff::civil::Date| (d - m.kickoff).get_days() as f64;
        let total = day(last_end) + 1.0;
        let svg_bars: Vec<Bar> = bars
            .iter()
            .map(|(l, s, e, open, strong)| Bar {
                label: l.clone(),
                start: day(*s),
                end: day(*e) + 1.0,
                strong: *strong,
                note: format!(
                    "{s} – {}",
                    if *open {
                        "ongoing".to_string()
                    } else {
                        e.to_string()
                    }
                ),
                open_ended: *open,
            })
            .collect();
        let kick = m.kickoff;
        let timeline = svg::timeline(
            &format!("Launch timeline for {} from kickoff {}", m.name, m.kickoff),
            &svg_bars,
            total,
            28.0,
            &move |u| {
                kick.checked_add(jiff::ToSpan::days(u as i64))
                    .map(|d| d.strftime("%b %d").to_string())
                    .unwrap_or_default()
            },
        );
        // Scorecard.
        let mut score = Vec::new();
        let mut bars = Vec::new();
        for (x, a) in &m.actuals {
            let mt = &pb.metrics[*x];
            let met = mt.target.op.met(a.value, mt.target.value);
            score.push(json!({"metric": link(pb, er(Kind::Metric, *x)), "value": format_value(a.value, &mt.target.unit),
                              "target": format!("{} {}", mt.target.op.symbol(), format_value(mt.target.value, &mt.target.unit)),
                              "met": met, "as_of": a.as_of.map(|d| d.to_string()), "note": self.md.opt_inline(&a.note, m.file)}));
            bars.push((mt.name.clone(), met));
        }
        let met = score.iter().filter(|s| s["met"] == json!(true)).count();
        let own: Vec<Value> = m
            .tasks
            .iter()
            .map(|&t| {
                let mut v = self.task_ctx(t);
                v["step"] = json!(link(pb, er(Kind::Step, pb.tasks[t].step)));
                v
            })
            .collect();
        let by_reason = {
            let mut hm: std::collections::BTreeMap<String, usize> = Default::default();
            match &compact {
                Some(c) => {
                    let mut per_rule = vec![0usize; c.reasons.len()];
                    for &(_, r) in &c.gated {
                        per_rule[r] += 1;
                    }
                    for (why, n) in c.reasons.iter().zip(per_rule) {
                        for w in why {
                            *hm.entry(w.clone()).or_default() += n;
                        }
                    }
                }
                None => {
                    for why in rows.iter().flat_map(|r| r.reasons.iter()) {
                        *hm.entry(why.clone()).or_default() += 1;
                    }
                }
            }
            hm.into_iter()
                .map(|(k, v)| json!({"reason": k, "count": v}))
                .collect::<Vec<_>>()
        };
        ctx.put("market", json!({
            "id": m.id, "region": m.region, "summary": self.md.opt(&m.summary, m.file), "body": self.md.opt(&m.body, m.file),
            "regulations": m.regulations.iter().map(|&g| json!({"url": pb.url(er(Kind::Regulation, g)), "title": pb.regulations[g].name, "jurisdiction": pb.regulations[g].jurisdiction})).collect::<Vec<_>>(),
            "tags": m.tags, "languages": m.languages, "currency": m.currency, "kickoff": m.kickoff.to_string(),
            "kickoff_weekday": m.kickoff.strftime("%A").to_string(),
            "team": team, "partners": partners, "tasks": count, "phases": phase_rows, "scorecard": score, "met": met,
            "own_tasks": own, "by_reason": by_reason, "dynamic": dynamic,
            "csv": format!("checklist-{}.csv", m.id), "md": format!("checklist-{}.md", m.id),
        }));
        ctx.put("timeline", timeline);
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        let page = self.job(&url, "market.html", ctx);

        // The printable checklist.
        let curl = format!("{url}checklist/");
        let mut base = self.base(
            format!("{} launch checklist", m.name),
            curl.clone(),
            Section::Markets,
            "Launch checklist",
        );
        base.nav_pos = Some(mi);
        base.crumbs = vec![self.crumb("markets/", "Markets"), link(pb, r)];
        base.file = Some(m.file);
        base.description = format!(
            "Launch checklist for {}: {} tasks from kickoff {}",
            m.name, count, m.kickoff
        );
        let mut cctx = self.ctx(base);
        let lead = checklist::launch_lead(pb, mi);
        let mut groups: Vec<Value> = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            let p = rows[i].phase_idx;
            let j = rows[i..]
                .iter()
                .position(|r| r.phase_idx != p)
                .map(|k| i + k)
                .unwrap_or(rows.len());
            let row = &rows[i];
            let w = crate::schedule::phase_window(m.kickoff, pb.phases[p].window);
            groups.push(json!({"framework": row.framework, "component": row.component, "phase": row.phase, "window": row.phase_window,
                               "start": w.start.to_string(), "due": w.end.map(|d| d.to_string()),
                               "rows_html": checklist_rows_html(pb, &rows[i..j])}));
            i = j;
        }
        cctx.put("market", json!({"id": m.id, "name": m.name, "kickoff": m.kickoff.to_string(), "lead": lead, "tasks": count, "dynamic": dynamic,
                                       "csv": format!("../checklist-{}.csv", m.id), "md": format!("../checklist-{}.md", m.id), "url": url}));
        cctx.put("groups", groups);
        let id = &m.id;
        if let Some(c) = &compact {
            let data = vec![SiteFile {
                path: format!("{curl}data.js"),
                bytes: super::checklist_data::market_js(pb, mi, c).into_bytes(),
            }];
            return (page, self.job(&curl, "checklist.html", cctx), data);
        }
        let downloads = vec![
            SiteFile {
                path: format!("markets/{id}/checklist-{id}.csv"),
                bytes: checklist::to_csv(pb, mi, rows).into_bytes(),
            },
            SiteFile {
                path: format!("markets/{id}/checklist-{id}.md"),
                bytes: checklist::to_markdown(pb, mi, rows).into_bytes(),
            },
        ];
        (page, self.job(&curl, "checklist.html", cctx), downloads)
    }

    fn regulations_index(&self) -> PageJob {
        let pb = self.pb;
        let regs: Vec<Value> = pb.regulations.iter().enumerate().map(|(i, g)| {
            let markets: Vec<LinkCtx> = pb.markets.iter().enumerate().filter(|(_, m)| m.regulations.contains(&i)).map(|(k, _)| link(pb, er(Kind::Market, k))).collect();
            json!({"url": pb.url(er(Kind::Regulation, i)), "title": g.name, "official_name": g.official_name, "jurisdiction": g.jurisdiction, "markets": markets})
        }).collect();
        let mut ctx = self.ctx(self.base(
            "Regulations",
            "regulations/",
            Section::Regulations,
            "Regulations",
        ));
        ctx.put("regulations", regs);
        self.job("regulations/", "regulations.html", ctx)
    }

    fn regulation(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let g = &pb.regulations[i];
        let r = er(Kind::Regulation, i);
        let url = pb.url(r);
        let mut base = self.base(
            g.name.clone(),
            url.clone(),
            Section::Regulations,
            "Regulation",
        );
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("regulations/", "Regulations")];
        base.file = Some(g.file);
        base.description = plain(pb, &g.summary);
        base.toc = g
            .obligations
            .iter()
            .map(|o| crate::markdown::Heading {
                level: 3,
                id: format!("obligation-{}", crate::markdown::slugify(&o.topic)),
                text: o.topic.clone(),
            })
            .collect();
        let mut ctx = self.ctx(base);
        let markets: Vec<LinkCtx> = pb
            .markets
            .iter()
            .enumerate()
            .filter(|(_, m)| m.regulations.contains(&i))
            .map(|(k, _)| link(pb, er(Kind::Market, k)))
            .collect();
        let tasks: Vec<Value> = pb.tasks.iter().enumerate().filter(|(_, t)| t.rule.as_ref().is_some_and(|r| r.regulations.contains(&g.id))).map(|(ti, t)| json!({"title": t.title, "url": pb.url(er(Kind::Task, ti)), "step": pb.steps[t.step].title})).collect();
        ctx.put("regulation", json!({"official_name": g.official_name, "jurisdiction": g.jurisdiction, "in_force": g.in_force, "link": g.link,
                                         "summary": self.md.block(&g.summary, g.file),
                                         "obligations": g.obligations.iter().map(|o| json!({"topic": o.topic, "id": format!("obligation-{}", crate::markdown::slugify(&o.topic)), "text": self.md.block(&o.text, g.file)})).collect::<Vec<_>>(),
                                         "markets": markets, "tasks": tasks}));
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "regulation.html", ctx)
    }

    fn experts_index(&self) -> PageJob {
        let pb = self.pb;
        let xs: Vec<Value> = pb.experts.iter().enumerate().map(|(i, x)| json!({"url": pb.url(er(Kind::Expert, i)), "title": x.name, "role": x.role, "composite": x.composite, "category": x.category, "insight": self.md.opt_inline(&x.insight, x.file)})).collect();
        let mut ctx = self.ctx(self.base("Experts", "experts/", Section::Experts, "Experts"));
        ctx.put("experts", xs);
        self.job("experts/", "experts.html", ctx)
    }

    fn expert(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let x = &pb.experts[i];
        let r = er(Kind::Expert, i);
        let url = pb.url(r);
        let mut base = self.base(x.name.clone(), url.clone(), Section::Experts, "Expert");
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("experts/", "Experts")];
        base.file = Some(x.file);
        base.description = format!("{} — {}", x.name, x.role);
        let mut ctx = self.ctx(base);
        ctx.put("expert", json!({"role": x.role, "composite": x.composite, "category": x.category,
                                     "background": self.md.opt(&x.background, x.file), "insight": self.md.opt(&x.insight, x.file),
                                     "quotes": x.quotes,
                                     "perspectives": x.perspectives.iter().map(|(t, b)| json!({"title": t, "text": self.md.block(b, x.file)})).collect::<Vec<_>>(),
                                     "advice": x.advice.iter().map(|(t, s)| json!({"text": self.md.block(t, x.file), "steps": s.iter().map(|&s| link(pb, er(Kind::Step, s))).collect::<Vec<_>>()})).collect::<Vec<_>>()}));
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.job(&url, "expert.html", ctx)
    }

    fn research_index(&self) -> PageJob {
        let pb = self.pb;
        let mut cats: Vec<(String, Vec<Value>)> = Vec::new();
        for (i, x) in pb.research.iter().enumerate() {
            let cat = x.category.clone().unwrap_or_else(|| "Research".into());
            let item = json!({"url": pb.url(er(Kind::Research, i)), "title": x.title, "summary": self.md.opt_inline(&x.summary, x.file)});
            match cats.iter_mut().find(|(c, _)| *c == cat) {
                Some((_, v)) => v.push(item),
                None => cats.push((cat, vec![item])),
            }
        }
        let cats: Vec<Value> = cats
            .into_iter()
            .map(|(c, v)| json!({"title": c, "items": v}))
            .collect();
        let mut ctx = self.ctx(self.base(
            "Research and toolkit",
            "research/",
            Section::Research,
            "Research",
        ));
        ctx.put("categories", cats);
        self.job("research/", "research_index.html", ctx)
    }

    fn research(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let x = &pb.research[i];
        let r = er(Kind::Research, i);
        let url = pb.url(r);
        let (body, toc) = self.md.doc(&x.body, x.file);
        let mut base = self.base(x.title.clone(), url.clone(), Section::Research, "Research");
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("research/", "Research")];
        base.file = Some(x.file);
        base.toc = toc;
        base.description = x
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let mut ctx = self.ctx(base);
        ctx.put("research", json!({"category": x.category, "summary": self.md.opt(&x.summary, x.file), "results": x.results,
                                       "supports": x.supports.iter().map(|&e| json!({"kind": e.kind.name(), "url": pb.url(e), "title": pb.title(e)})).collect::<Vec<_>>()}));
        ctx.put("body", body);
        ctx.insert("in_story", &in_story(pb, r));
        ctx.insert("backlinks", &backlinks(pb, r));
        self.job(&url, "research.html", ctx)
    }

    fn print(&self) -> PageJob {
        let pb = self.pb;
        let mut ctx = self.ctx(self.base(
            format!("{} — printable edition", pb.config.book.title),
            "print/",
            Section::None,
            "Print",
        ));
        // The whole playbook's Markdown: rendered in parallel (this one page
        // would otherwise be the last unit still running in a large build).
        use rayon::prelude::*;
        let chapters: Vec<Value> = pb.chapters.par_iter().map(|c| json!({"id": c.id, "title": c.title, "act": c.act, "section": c.section, "body": self.md.shared_block(&c.body, c.file)})).collect();
        let mut steps: Vec<Option<Value>> = (0..pb.steps.len())
            .into_par_iter()
            .map(|s| Some(json!({"id": pb.steps[s].id, "html": self.print_step_html(s)})))
            .collect();
        let fws: Vec<Value> = pb.frameworks.iter().map(|f| {
            let phases: Vec<Value> = f.phases.iter().map(|&p| {
                let ph = &pb.phases[p];
                let steps: Vec<Value> = ph.blocks.iter().flat_map(|&b| pb.blocks[b].steps.iter()).filter_map(|&s| steps[s].take()).collect();
                json!({"title": ph.title, "window": ph.window.label(), "component": ph.component.map(|c| pb.components[c].title.clone()), "new_component": ph.component.is_some() && pb.components[ph.component.unwrap_or(0)].phases.first() == Some(&p), "steps": steps})
            }).collect();
            json!({"id": f.id, "title": f.title, "summary": self.md.shared_block(&f.summary, f.file), "phases": phases})
        }).collect();
        let metrics: Vec<Value> = pb
            .metric_groups
            .iter()
            .map(|g| json!({"title": g.title, "metrics": self.metric_rows(&g.metrics)}))
            .collect();
        ctx.insert("chapters", &chapters);
        ctx.insert("frameworks", &fws);
        ctx.insert("metric_groups", &metrics);
        ctx.insert("markets", &self.market_list());
        self.job("print/", "print.html", ctx)
    }

    /// One step of the printable edition: its heading, guidance (ids and
    /// in-page links prefixed with the step id, so they stay unique on the
    /// page), activities and tasks. Written directly rather than through
    /// the template: at 10,000 steps the template's context for them was
    /// most of a large build's memory.
    fn print_step_html(&self, si: usize) -> String {
        use crate::diag::push_html_escaped as esc;
        let pb = self.pb;
        let st = &pb.steps[si];
        let mut o = String::with_capacity(2048);
        o.push_str("<h4 id=\"print-");
        esc(&mut o, &st.id);
        o.push_str("\">");
        esc(&mut o, &step_label(pb, si));
        o.push_str("</h4>");
        let guidance = self.md.shared_opt(&st.guidance, st.file);
        let mut id_prefix = String::from(" id=\"");
        esc(&mut id_prefix, &st.id);
        id_prefix.push('-');
        let mut href_prefix = String::from("href=\"#");
        esc(&mut href_prefix, &st.id);
        href_prefix.push('-');
        o.push_str(
            &guidance
                .replace(" id=\"", &id_prefix)
                .replace("href=\"#", &href_prefix),
        );
        o.push('\n');
        for a in &st.activities {
            o.push_str("<h5>");
            esc(&mut o, &a.title);
            o.push_str("</h5><ul>");
            for &t in &a.tasks {
                let task = &pb.tasks[t];
                o.push_str("<li><strong>");
                esc(&mut o, &task.title);
                o.push_str("</strong>");
                if let Some(owner) = task.owner.as_ref().and_then(|o| pb.roles.get(o)) {
                    o.push_str(" (");
                    esc(&mut o, owner);
                    o.push(')');
                }
                o.push_str(": ");
                o.push_str(&self.md.shared_opt_inline(&task.description, task.file));
                o.push_str("</li>");
            }
            o.push_str("</ul>");
        }
        o.push('\n');
        o
    }

    fn search_page(&self) -> PageJob {
        let ctx = self.ctx(self.base("Search", "search/", Section::None, "Search"));
        self.job("search/", "search.html", ctx)
    }

    fn not_found(&self) -> PageJob {
        let mut ctx = self.ctx(self.base("Page not found", "404/", Section::None, "Not found"));
        // 404.html sits at the root but is served for any path: use absolute links from base-url.
        ctx.insert("root", &self.pb.config.build.base_url);
        PageJob {
            path: "404.html".into(),
            template: "404.html",
            ctx: ctx.into_tera(),
        }
    }
}

/// The rows of one phase of a checklist page, as lean HTML: one `<tbody>` per
/// step (a header row links the step and gives its due date), an activity row
/// when the activity changes, then one row per task carrying the task id's
/// last part in `data-t` (theme/playbook.js keys ticks by the full task id).
/// Written directly rather than through Tera: a market of a large playbook
/// has thousands of rows, and this keeps them at about a microsecond each.
fn checklist_rows_html(pb: &Playbook, rows: &[checklist::Row<'_>]) -> String {
    use checklist::push_escaped as esc;
    let mut s = String::with_capacity(rows.len() * 140);
    let mut step = usize::MAX;
    let mut activity = "";
    for r in rows {
        if r.step_idx != step {
            // `</tbody>` is optional in HTML: each new `<tbody>` closes the last.
            step = r.step_idx;
            activity = "";
            s.push_str("\n<tbody><tr><th colspan=2 scope=rowgroup><a href=\"");
            s.push(crate::markdown::ROOT_MARK);
            esc(&mut s, &pb.url(er(Kind::Step, r.step_idx)));
            s.push_str("\">");
            esc(&mut s, r.step);
            s.push_str("</a><td>");
            match r.due {
                Some(d) => s.push_str(&d.to_string()),
                None => s.push_str("ongoing"),
            }
        }
        if r.activity != activity {
            activity = r.activity;
            s.push_str("\n<tr class=ac><td colspan=3>");
            esc(&mut s, activity);
        }
        let slug = r
            .task_id
            .strip_prefix(r.step_id)
            .and_then(|x| x.strip_prefix('/'));
        match slug {
            Some(t) => {
                s.push_str("\n<tr data-t=\"");
                esc(&mut s, t);
            }
            None => {
                s.push_str("\n<tr data-id=\"");
                esc(&mut s, r.task_id);
            }
        }
        s.push_str("\"><td><label><input type=checkbox> ");
        esc(&mut s, r.task);
        s.push_str("</label>");
        if !r.reasons.is_empty() {
            s.push_str("<small>");
            esc(&mut s, &r.reasons.join(", "));
            s.push_str("</small>");
        }
        s.push_str("<td>");
        match (r.owner_person, r.owner_title) {
            (Some(p), Some(t)) => {
                esc(&mut s, p);
                s.push_str("<br>");
                esc(&mut s, t);
            }
            (None, Some(t)) => esc(&mut s, t),
            _ => s.push('—'),
        }
    }
    s
}

fn acts(pb: &Playbook, md: &Md<'_>) -> Vec<Value> {
    let mut acts: Vec<(u32, Option<String>, Vec<Value>)> = Vec::new();
    for (i, c) in pb.chapters.iter().enumerate() {
        let item = json!({"url": pb.url(er(Kind::Chapter, i)), "title": c.title, "section": c.section, "section_title": c.section_title,
                          "summary": md.opt_inline(&c.summary, c.file)});
        match acts.iter_mut().find(|a| a.0 == c.act) {
            Some(a) => a.2.push(item),
            None => acts.push((c.act, c.act_title.clone(), vec![item])),
        }
    }
    acts.into_iter()
        .map(|(n, t, v)| json!({"number": n, "title": t, "chapters": v}))
        .collect()
}

/// "99.9%", "120 ms", "4 hours".
pub fn format_value(v: f64, unit: &str) -> String {
    let n = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    };
    match unit {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

/// One page to build (markets build two: the profile and the checklist).
#[derive(Clone, Copy)]
enum Spec {
    Home,
    StoryIndex,
    Chapter(usize),
    FrameworksIndex,
    Framework(usize),
    Component(usize),
    Step(usize),
    MetricsIndex,
    Metric(usize),
    MarketsIndex,
    Market(usize),
    RegulationsIndex,
    Regulation(usize),
    ExpertsIndex,
    Expert(usize),
    ResearchIndex,
    Research(usize),
    Print,
    Search,
    NotFound,
}

/// Builds the pages of one playbook: construct once, then [`SiteBuilder::each`]
/// yields every page's job (and a market's ready-made downloads) in parallel,
/// so no more than a few contexts are alive at a time.
pub struct SiteBuilder<'a> {
    b: Builder<'a>,
    specs: Vec<Spec>,
}

/// What one unit of work produced: pages to render and files ready to write.
pub struct Unit {
    /// Position of the unit in the site's order (units run in any order).
    pub seq: usize,
    /// Pages to render with their templates.
    pub jobs: Vec<PageJob>,
    /// Files that need no template (checklist downloads).
    pub files: Vec<SiteFile>,
}

impl<'a> SiteBuilder<'a> {
    /// Prepare reading order, lookups and per-market counts.
    pub fn new(pb: &'a Playbook) -> Self {
        let order = reading_order(pb);
        let order_pos = order
            .iter()
            .enumerate()
            .map(|(i, (u, _))| (u.clone(), i))
            .collect();
        let everywhere = (0..pb.tasks.len())
            .filter(|&t| !checklist::is_gated(pb, t))
            .count();
        let mut task_counts = vec![everywhere; pb.markets.len()];
        for (t, ms) in pb.task_markets.iter().enumerate() {
            if checklist::is_gated(pb, t) {
                for &m in ms {
                    task_counts[m] += 1;
                }
            }
        }
        let b = Builder {
            pb,
            md: Md::new(pb),
            lk: Lookups::new(pb),
            order_pos,
            order,
            task_counts,
            checklists: checklist::ChecklistIndex::new(pb),
            nav: Default::default(),
            chips: (0..pb.markets.len()).map(|m| market_chip(pb, m)).collect(),
            windows: checklist::window_labels(pb),
        };
        let mut specs = vec![Spec::Home, Spec::StoryIndex];
        specs.extend((0..pb.chapters.len()).map(Spec::Chapter));
        specs.push(Spec::FrameworksIndex);
        specs.extend((0..pb.frameworks.len()).map(Spec::Framework));
        specs.extend((0..pb.components.len()).map(Spec::Component));
        specs.extend((0..pb.steps.len()).map(Spec::Step));
        specs.push(Spec::MetricsIndex);
        specs.extend((0..pb.metrics.len()).map(Spec::Metric));
        specs.push(Spec::MarketsIndex);
        // The heaviest units first (the printable edition holds the whole
        // playbook; markets build a checklist each), so none is left running
        // alone at the end.
        specs.splice(
            0..0,
            std::iter::once(Spec::Print).chain((0..pb.markets.len()).map(Spec::Market)),
        );
        specs.push(Spec::RegulationsIndex);
        specs.extend((0..pb.regulations.len()).map(Spec::Regulation));
        specs.push(Spec::ExpertsIndex);
        specs.extend((0..pb.experts.len()).map(Spec::Expert));
        specs.push(Spec::ResearchIndex);
        specs.extend((0..pb.research.len()).map(Spec::Research));
        specs.extend([Spec::Search, Spec::NotFound]);
        SiteBuilder { b, specs }
    }

    /// Which unit makes each page or file of the site: path → unit index
    /// (for rendering one page on request, as `serve` does).
    pub fn path_index(&self) -> HashMap<String, usize> {
        let pb = self.b.pb;
        let mut ix = HashMap::with_capacity(self.specs.len() + 4 * pb.markets.len());
        for (i, &spec) in self.specs.iter().enumerate() {
            let page = |kind: Kind, idx: usize| pb.url(er(kind, idx));
            let url = match spec {
                Spec::Home => String::new(),
                Spec::StoryIndex => "story/".into(),
                Spec::Chapter(c) => page(Kind::Chapter, c),
                Spec::FrameworksIndex => "frameworks/".into(),
                Spec::Framework(f) => page(Kind::Framework, f),
                Spec::Component(c) => page(Kind::Component, c),
                Spec::Step(s) => page(Kind::Step, s),
                Spec::MetricsIndex => "metrics/".into(),
                Spec::Metric(m) => page(Kind::Metric, m),
                Spec::MarketsIndex => "markets/".into(),
                Spec::Market(m) => {
                    let url = page(Kind::Market, m);
                    let id = &pb.markets[m].id;
                    for extra in [
                        format!("{url}checklist/index.html"),
                        format!("{url}checklist/data.js"),
                        format!("{url}checklist-{id}.csv"),
                        format!("{url}checklist-{id}.md"),
                    ] {
                        ix.insert(extra, i);
                    }
                    url
                }
                Spec::RegulationsIndex => "regulations/".into(),
                Spec::Regulation(r) => page(Kind::Regulation, r),
                Spec::ExpertsIndex => "experts/".into(),
                Spec::Expert(e) => page(Kind::Expert, e),
                Spec::ResearchIndex => "research/".into(),
                Spec::Research(r) => page(Kind::Research, r),
                Spec::Print => "print/".into(),
                Spec::Search => "search/".into(),
                Spec::NotFound => {
                    ix.insert("404.html".into(), i);
                    continue;
                }
            };
            ix.insert(format!("{url}index.html"), i);
        }
        ix
    }

    /// Build unit `i` alone (what [`SiteBuilder::each`] does for all).
    pub fn unit(&self, i: usize) -> Option<Unit> {
        self.specs.get(i).map(|&spec| build_spec(&self.b, spec))
    }

    /// Files shared by every market's checklist: the task table, when at
    /// least one checklist is too big to write out.
    pub fn shared_files(&self) -> Vec<SiteFile> {
        let b = &self.b;
        let limit = b.pb.config.build.static_checklist_rows;
        if b.task_counts.iter().all(|&n| n <= limit) {
            return Vec::new();
        }
        vec![SiteFile {
            path: super::checklist_data::TASKS_JS.into(),
            bytes: super::checklist_data::tasks_js(b.pb, &b.checklists.order, &b.windows)
                .into_bytes(),
        }]
    }

    /// Run `f` on every unit of work, in parallel; collect what `f` returns.
    pub fn each<T: Send>(&self, f: impl Fn(Unit) -> T + Sync + Send) -> Vec<T> {
        use rayon::prelude::*;
        let prof = log::log_enabled!(log::Level::Debug);
        let timings: std::sync::Mutex<HashMap<&'static str, u128>> = Default::default();
        let out = self
            .specs
            .par_iter()
            .enumerate()
            .with_max_len(1)
            .map(|(seq, &spec)| {
                let t = std::time::Instant::now();
                let mut unit = build_spec(&self.b, spec);
                unit.seq = seq;
                if prof {
                    if let Ok(mut m) = timings.lock() {
                        *m.entry(spec_name(spec)).or_default() += t.elapsed().as_micros();
                    }
                }
                f(unit)
            })
            .collect();
        if prof {
            if let Ok(m) = timings.lock() {
                let mut v: Vec<_> = m.iter().collect();
                v.sort_by(|a, b| b.1.cmp(a.1));
                for (k, us) in v {
                    log::debug!("  context {k}: {} ms", us / 1000);
                }
            }
        }
        out
    }
}

fn spec_name(s: Spec) -> &'static str {
    match s {
        Spec::Chapter(_) => "chapter",
        Spec::Framework(_) => "framework",
        Spec::Component(_) => "component",
        Spec::Step(_) => "step",
        Spec::Metric(_) => "metric",
        Spec::Market(_) => "market+checklist",
        Spec::Regulation(_) => "regulation",
        Spec::Expert(_) => "expert",
        Spec::Research(_) => "research",
        Spec::Print => "print",
        _ => "indexes",
    }
}

fn build_spec(b: &Builder<'_>, spec: Spec) -> Unit {
    let jobs = |v: Vec<PageJob>| Unit {
        seq: 0,
        jobs: v,
        files: Vec::new(),
    };
    jobs(match spec {
        Spec::Home => vec![b.home()],
        Spec::StoryIndex => vec![b.story_index()],
        Spec::Chapter(i) => vec![b.chapter(i)],
        Spec::FrameworksIndex => vec![b.frameworks_index()],
        Spec::Framework(i) => vec![b.framework(i)],
        Spec::Component(i) => vec![b.component(i)],
        Spec::Step(i) => vec![b.step(i)],
        Spec::MetricsIndex => vec![b.metrics_index()],
        Spec::Metric(i) => vec![b.metric(i)],
        Spec::MarketsIndex => vec![b.markets_index()],
        Spec::Market(i) => {
            let (p, c, files) = b.market(i);
            return Unit {
                seq: 0,
                jobs: vec![p, c],
                files,
            };
        }
        Spec::RegulationsIndex => vec![b.regulations_index()],
        Spec::Regulation(i) => vec![b.regulation(i)],
        Spec::ExpertsIndex => vec![b.experts_index()],
        Spec::Expert(i) => vec![b.expert(i)],
        Spec::ResearchIndex => vec![b.research_index()],
        Spec::Research(i) => vec![b.research(i)],
        Spec::Print => vec![b.print()],
        Spec::Search => vec![b.search_page()],
        Spec::NotFound => vec![b.not_found()],
    })
}

/// `sitemap.xml` listing every HTML page under the base URL.
pub fn sitemap(pb: &Playbook, pages: &[String]) -> String {
    let base = &pb.config.build.base_url;
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut paths: Vec<&str> = pages
        .iter()
        .map(String::as_str)
        .filter(|p| p.ends_with("index.html"))
        .collect();
    paths.sort_unstable();
    for p in paths {
        let dir = p.trim_end_matches("index.html");
        s.push_str(&format!(
            "  <url><loc>{}{}</loc></url>\n",
            crate::diag::html_escape(base),
            crate::diag::html_escape(dir)
        ));
    }
    s.push_str("</urlset>\n");
    s
}

//! The page builders' shared state ([`Builder`]: the playbook, rendered
//! Markdown, reverse lookups, the sidebar cache, checklist indexes) and the
//! helpers several page kinds use (task rows, phase blocks, timelines).

use super::*;

/// Reverse relations computed once per build.
pub(super) struct Lookups {
    /// Metrics that measure an entity.
    pub(super) metrics_of: HashMap<EntityRef, Vec<usize>>,
    /// (expert, advice index) per step.
    pub(super) advice_of: Vec<Vec<(usize, usize)>>,
    /// (framework, risk index) per step.
    pub(super) risks_of: Vec<Vec<(usize, usize)>>,
}

impl Lookups {
    pub(super) fn new(pb: &Playbook) -> Self {
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
pub(super) fn market_chip(pb: &Playbook, m: usize) -> String {
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

pub(super) fn er(kind: Kind, idx: usize) -> EntityRef {
    EntityRef { kind, idx }
}

pub(super) fn backlinks(pb: &Playbook, r: EntityRef) -> Value {
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
    /// Each market's chip (a link with its code), written once: a step page
    /// lists up to one per market for each of its tasks.
    pub(super) chips: Vec<String>,
    /// The sidebar, rendered once per section.
    pub(super) nav: crate::render::context::NavCache,
    /// Every task a checklist can list, in checklist order, and which apply where.
    pub(super) checklists: checklist::ChecklistIndex,
    /// Number of checklist rows per market.
    pub(super) task_counts: Vec<usize>,
    pub(super) windows: Vec<String>,
    pub(super) md: Md<'a>,
    pub(super) lk: Lookups,
    pub(super) order_pos: HashMap<String, usize>,
    pub(super) order: Vec<(String, String)>,
    /// Internal errors met while building pages (a broken invariant of the
    /// model): the build fails with them instead of writing a page with a
    /// part silently missing.
    pub(super) internal: std::sync::Mutex<Vec<crate::diag::Diagnostic>>,
}

impl<'a> Builder<'a> {
    /// Everything the pages of `pb` share; `order` is the site's reading
    /// order as (URL, title).
    pub(super) fn new(pb: &'a Playbook, order: Vec<(String, String)>) -> Self {
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
        Builder {
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
            internal: Default::default(),
        }
    }

    /// Record that an invariant of the model did not hold (see `internal`).
    pub(super) fn broken(&self, what: String) {
        if let Ok(mut v) = self.internal.lock() {
            v.push(crate::diag::Diagnostic::internal(what));
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

    pub(super) fn ctx(&self, base: PageBase) -> PageCtx {
        let (p, n) = self.prev_next(&base.url);
        base_context(self.pb, &self.nav, base, p, n)
    }

    pub(super) fn base(
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

    /// A page's base context from the page table: its URL, sidebar section
    /// and label; `title` is what the page shows.
    pub(super) fn page_base(&self, page: Page, title: impl Into<String>) -> PageBase {
        self.base(
            title,
            page_kinds::url(self.pb, page),
            page_kinds::section(self.pb, page),
            page_kinds::info(page.kind).label,
        )
    }

    /// The page's job: its file and template from the page table.
    pub(super) fn page_job(&self, page: Page, ctx: PageCtx) -> PageJob {
        let path = page_kinds::path(self.pb, page);
        PageJob {
            ctx: self.tera_context(ctx, &path),
            root: crate::render::root_for(&path),
            path,
            template: page_kinds::info(page.kind).template,
        }
    }

    /// A page's context as Tera takes it; a failure is an internal error.
    pub(super) fn tera_context(&self, ctx: PageCtx, path: &str) -> tera::Context {
        ctx.into_tera().unwrap_or_else(|e| {
            self.broken(format!("the template context of {path}: {e}"));
            tera::Context::new()
        })
    }

    pub(super) fn crumb(&self, url: &str, title: &str) -> LinkCtx {
        LinkCtx {
            url: url.into(),
            title: title.into(),
        }
    }

    pub(super) fn market_chips(&self, ti: usize) -> Value {
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

    pub(super) fn task_ctx(&self, ti: usize) -> Value {
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

    pub(super) fn metric_rows(&self, ms: &[usize]) -> Vec<Value> {
        ms.iter()
            .map(|&m| {
                let x = &self.pb.metrics[m];
                json!({"url": self.pb.url(er(Kind::Metric, m)), "title": x.name, "target": x.target.text})
            })
            .collect()
    }

    pub(super) fn steps_of_phase(&self, p: usize) -> Vec<Value> {
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

    pub(super) fn phase_ctx(&self, p: usize) -> Value {
        let ph = &self.pb.phases[p];
        json!({"id": ph.id, "title": ph.title, "number": ph.number, "window": ph.window.label(),
               "summary": self.md.opt(&ph.summary, ph.file), "blocks": self.steps_of_phase(p)})
    }

    /// Week- or month-scaled timeline of phases and their blocks.
    pub(super) fn phases_timeline(&self, title: &str, phases: &[usize]) -> String {
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
}

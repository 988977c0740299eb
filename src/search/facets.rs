//! What each entity page is filed under on the search page (kind,
//! frameworks, markets), computed from the model rather than read from the
//! page: a step can apply to every market, and listing them in its HTML
//! would bloat every step page.

use crate::model::{EntityRef, Kind, Playbook};
use std::collections::{BTreeMap, BTreeSet};

/// What a page is filed under on the search page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Page title.
    pub title: String,
    /// Kind, as a plural heading ("Steps", "Markets", …).
    pub kind: &'static str,
    /// Titles of the frameworks the page belongs to or works with.
    pub frameworks: BTreeSet<String>,
    /// Names of the markets the page applies to.
    pub markets: BTreeSet<String>,
}

/// Facets of every entity page with its URL (`markets/de/`), in the
/// model's order (by kind, then as the content lists them): the order the
/// full-text index numbers pages in.
///
/// - kind: the entity's kind.
/// - framework: a framework, component or step's own framework; for metrics
///   the frameworks of what they measure (and of their group); for research
///   what it supports; for chapters the steps and components they apply;
///   for experts the steps their advice is about.
/// - market: a step applies to every market one of its tasks applies to (a
///   component or framework to those of its steps); a market is its own; a
///   regulation applies to the markets it binds; a metric to the markets
///   that report it; any page also to the markets that it references or
///   that reference it.
pub fn facets(pb: &Playbook) -> Vec<(String, Facets)> {
    let er = |kind, idx| EntityRef { kind, idx };
    let mut f: BTreeMap<EntityRef, Facets> = BTreeMap::new();
    let counts = [
        (Kind::Framework, pb.frameworks.len()),
        (Kind::Component, pb.components.len()),
        (Kind::Step, pb.steps.len()),
        (Kind::Metric, pb.metrics.len()),
        (Kind::Market, pb.markets.len()),
        (Kind::Regulation, pb.regulations.len()),
        (Kind::Expert, pb.experts.len()),
        (Kind::Research, pb.research.len()),
        (Kind::Chapter, pb.chapters.len()),
    ];
    for (kind, n) in counts {
        for i in 0..n {
            f.insert(
                er(kind, i),
                Facets {
                    title: pb.title(er(kind, i)).to_string(),
                    kind: kind.plural_title(),
                    ..Facets::default()
                },
            );
        }
    }
    let fw_of = |r: EntityRef| -> Option<usize> {
        match r.kind {
            Kind::Framework => Some(r.idx),
            Kind::Component => Some(pb.components[r.idx].framework),
            Kind::Step => Some(pb.steps[r.idx].framework),
            Kind::Task => Some(pb.steps[pb.tasks[r.idx].step].framework),
            _ => None,
        }
    };
    let add_fw = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, r: EntityRef| {
        if let (Some(x), Some(fw)) = (f.get_mut(&page), fw_of(r)) {
            x.frameworks.insert(pb.frameworks[fw].title.clone());
        }
    };
    for &(kind, n) in &counts[..3] {
        for i in 0..n {
            add_fw(&mut f, er(kind, i), er(kind, i));
        }
    }
    for (i, m) in pb.metrics.iter().enumerate() {
        for &r in &m.measures {
            add_fw(&mut f, er(Kind::Metric, i), r);
        }
        if let Some(fw) = pb.metric_groups[m.group].framework {
            add_fw(&mut f, er(Kind::Metric, i), er(Kind::Framework, fw));
        }
    }
    for (i, r) in pb.research.iter().enumerate() {
        for &s in &r.supports {
            add_fw(&mut f, er(Kind::Research, i), s);
        }
    }
    for (i, c) in pb.chapters.iter().enumerate() {
        for &s in &c.applies {
            add_fw(&mut f, er(Kind::Chapter, i), s);
        }
    }
    for (i, x) in pb.experts.iter().enumerate() {
        for (_, steps) in &x.advice {
            for &s in steps {
                add_fw(&mut f, er(Kind::Expert, i), er(Kind::Step, s));
            }
        }
    }

    let name = |m: usize| pb.markets[m].name.clone();
    let add_m = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, m: usize| {
        if let Some(x) = f.get_mut(&page) {
            x.markets.insert(name(m));
        }
    };
    // A step applies where any of its tasks does (a task without a rule:
    // everywhere); each market is added once per step, not once per task.
    let mut step_markets = vec![vec![false; pb.markets.len()]; pb.steps.len()];
    for ti in 0..pb.tasks.len() {
        let seen = &mut step_markets[pb.tasks[ti].step];
        if crate::checklist::is_gated(pb, ti) {
            for &m in &pb.task_markets[ti] {
                seen[m] = true;
            }
        } else {
            seen.iter_mut().for_each(|x| *x = true);
        }
    }
    for (s, seen) in step_markets.iter().enumerate() {
        let step = &pb.steps[s];
        for m in (0..seen.len()).filter(|&m| seen[m]) {
            add_m(&mut f, er(Kind::Step, s), m);
            add_m(&mut f, er(Kind::Framework, step.framework), m);
            if let Some(c) = step.component {
                add_m(&mut f, er(Kind::Component, c), m);
            }
        }
    }
    for (mi, m) in pb.markets.iter().enumerate() {
        add_m(&mut f, er(Kind::Market, mi), mi);
        for &g in &m.regulations {
            add_m(&mut f, er(Kind::Regulation, g), mi);
        }
        for (metric, _) in &m.actuals {
            add_m(&mut f, er(Kind::Metric, *metric), mi);
        }
    }
    for (target, sources) in &pb.backlinks {
        for &src in sources {
            let (a, b) = (pb.page_of(*target), pb.page_of(src));
            if a.kind == Kind::Market {
                add_m(&mut f, b, a.idx);
            }
            if b.kind == Kind::Market {
                add_m(&mut f, a, b.idx);
            }
        }
    }
    f.into_iter().map(|(r, x)| (pb.url(r), x)).collect()
}

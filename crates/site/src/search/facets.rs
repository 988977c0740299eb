//! What each entity page is filed under on the search page (kind,
//! frameworks, markets), computed from the model rather than read from the
//! page: a step can apply to every market, and listing them in its HTML
//! would bloat every step page.

use playbook_content::model::{EntityRef, Framework, Idx, IdxVec, Market, Playbook, Step};
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
    /// The markets the page applies to (indices into `Playbook::markets`).
    pub markets: MarketSet,
}

/// A set of markets as bits (a step can apply to hundreds of markets, and
/// there are thousands of steps: names would be millions of strings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct MarketSet(Vec<u64>);

impl MarketSet {
    /// Add market `m`.
    pub fn insert(&mut self, m: Idx<Market>) {
        let (w, b) = (m.index() / 64, m.index() % 64);
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << b;
    }

    /// Add every market of `other`.
    pub fn union(&mut self, other: &MarketSet) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// The markets, in index order.
    pub fn iter(&self) -> impl Iterator<Item = Idx<Market>> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            (0..64)
                .filter(move |b| bits & (1 << b) != 0)
                .map(move |b| Idx::new(w * 64 + b))
        })
    }

    /// Whether market `m` is in the set.
    pub fn contains(&self, m: Idx<Market>) -> bool {
        let m = m.index();
        self.0.get(m / 64).is_some_and(|w| w & (1 << (m % 64)) != 0)
    }

    /// Number of markets in the set.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether the set has no market.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    /// The markets' names, sorted.
    pub fn names(&self, pb: &Playbook) -> BTreeSet<String> {
        self.iter().map(|m| pb.markets[m].name.clone()).collect()
    }
}

/// Facets of every entity page with its URL (`markets/de/`), in the
/// model's order (by kind, then as the content lists them), then the
/// learning path's pages (kind "Learning path"): the order the full-text
/// index numbers pages in.
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
    let mut f: BTreeMap<EntityRef, Facets> = BTreeMap::new();
    // The pages the index holds, from the page table, in its order.
    let indexed: Vec<EntityRef> = playbook_content::page_kinds::indexed_pages(pb)
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    for &r in &indexed {
        f.insert(
            r,
            Facets {
                title: pb.title(r).to_string(),
                kind: r.kind.plural_title(),
                ..Facets::default()
            },
        );
    }
    let fw_of = |r: EntityRef| -> Option<Idx<Framework>> {
        r.kind
            .info()
            .framework
            .map(|framework| framework(pb, r.idx))
    };
    let add_fw = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, r: EntityRef| {
        if let (Some(x), Some(fw)) = (f.get_mut(&page), fw_of(r)) {
            x.frameworks.insert(pb.frameworks[fw].title.clone());
        }
    };
    for &r in &indexed {
        // A page of a kind inside frameworks: its own framework.
        add_fw(&mut f, r, r);
    }
    for (i, m) in pb.metrics.iter_enumerated() {
        for &r in &m.measures {
            add_fw(&mut f, EntityRef::from(i), r);
        }
        if let Some(fw) = pb.metric_groups[m.group].framework {
            add_fw(&mut f, EntityRef::from(i), EntityRef::from(fw));
        }
    }
    for (i, r) in pb.research.iter_enumerated() {
        for &s in &r.supports {
            add_fw(&mut f, EntityRef::from(i), s);
        }
    }
    for (i, c) in pb.chapters.iter_enumerated() {
        for &s in &c.applies {
            add_fw(&mut f, EntityRef::from(i), s);
        }
    }
    for (i, x) in pb.experts.iter_enumerated() {
        for (_, steps) in &x.advice {
            for &s in steps {
                add_fw(&mut f, EntityRef::from(i), EntityRef::from(s));
            }
        }
    }

    let add_m = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, m: Idx<Market>| {
        if let Some(x) = f.get_mut(&page) {
            x.markets.insert(m);
        }
    };
    let add_set = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, set: &MarketSet| {
        if let Some(x) = f.get_mut(&page) {
            x.markets.union(set);
        }
    };
    // A step applies where any of its tasks does (a task without a rule:
    // everywhere); its component and framework where any of their steps does.
    let mut everywhere = MarketSet::default();
    for m in pb.markets.indices() {
        everywhere.insert(m);
    }
    let mut step_markets: IdxVec<Step, MarketSet> =
        IdxVec::filled(MarketSet::default(), pb.steps.len());
    for ti in pb.tasks.indices() {
        let seen = &mut step_markets[pb.tasks[ti].step];
        if playbook_plan::checklist::is_gated(pb, ti) {
            for &m in &pb.task_markets[ti] {
                seen.insert(m);
            }
        } else {
            seen.union(&everywhere);
        }
    }
    for (s, seen) in step_markets.iter_enumerated() {
        let step = &pb.steps[s];
        add_set(&mut f, EntityRef::from(s), seen);
        add_set(&mut f, EntityRef::from(step.framework), seen);
        if let Some(c) = step.component {
            add_set(&mut f, EntityRef::from(c), seen);
        }
    }
    for (mi, m) in pb.markets.iter_enumerated() {
        add_m(&mut f, EntityRef::from(mi), mi);
        for &g in &m.regulations {
            add_m(&mut f, EntityRef::from(g), mi);
        }
        for (metric, _) in &m.actuals {
            add_m(&mut f, EntityRef::from(*metric), mi);
        }
    }
    for (target, sources) in &pb.backlinks {
        for &src in sources {
            let (a, b) = (pb.page_of(*target), pb.page_of(src));
            if let Some(m) = a.get::<Market>() {
                add_m(&mut f, b, m);
            }
            if let Some(m) = b.get::<Market>() {
                add_m(&mut f, a, m);
            }
        }
    }
    let mut out: Vec<(String, Facets)> = f.into_iter().map(|(r, x)| (pb.url(r), x)).collect();
    use playbook_content::page_kinds::{indexed_other_pages, title, url};
    out.extend(indexed_other_pages(pb).into_iter().map(|p| {
        let facets = Facets {
            title: title(pb, p),
            kind: LEARNING_KIND,
            ..Facets::default()
        };
        (url(pb, p), facets)
    }));
    out
}

/// The search page's kind for the learning path's pages (they are the
/// only indexed pages that are not an entity's).
pub const LEARNING_KIND: &str = "Learning path";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_follow_the_model() {
        let (_tmp, pb) = crate::testing::skeleton_playbook();
        let f: std::collections::HashMap<String, Facets> = facets(&pb).into_iter().collect();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let step = &f["frameworks/launch/compliance/regulatory-mapping/"];
        assert_eq!(step.kind, "Steps");
        assert_eq!(step.title, "Regulatory Mapping");
        assert_eq!(step.frameworks, names(&["Market Launch Framework"]));
        // One task applies everywhere, so the step applies to both markets.
        assert_eq!(step.markets.names(&pb), names(&["Germany", "Ireland"]));
        let de = &f["markets/de/"];
        assert_eq!(
            (de.kind, de.markets.names(&pb)),
            ("Markets", names(&["Germany"]))
        );
        assert_eq!(
            f["regulations/gdpr/"].markets.names(&pb),
            names(&["Germany", "Ireland"])
        );
        // Germany (launched) reports the metric; Ireland (planned) has no
        // result yet. It measures a component of the framework.
        let metric = &f["metrics/launch-on-time/"];
        assert_eq!(metric.markets.names(&pb), names(&["Germany"]));
        assert_eq!(metric.frameworks, names(&["Market Launch Framework"]));
        // The chapter opens Germany and applies the step.
        let chapter = &f["story/first-market/"];
        assert_eq!(chapter.kind, "Story chapters");
        assert_eq!(chapter.markets.names(&pb), names(&["Germany"]));
        assert_eq!(chapter.frameworks, names(&["Market Launch Framework"]));
        assert_eq!(
            f["experts/ana-example/"].frameworks,
            names(&["Market Launch Framework"])
        );
        assert_eq!(
            f["research/launch-study/"].frameworks,
            names(&["Market Launch Framework"])
        );
    }

    #[test]
    fn market_sets_are_bits() {
        let mut a = MarketSet::default();
        a.insert(Idx::new(3));
        a.insert(Idx::new(130));
        let mut b = MarketSet::default();
        b.insert(Idx::new(3));
        b.insert(Idx::new(64));
        a.union(&b);
        assert_eq!(a.iter().map(Idx::index).collect::<Vec<_>>(), [3, 64, 130]);
        assert_eq!(a.len(), 3);
        assert!(
            a.contains(Idx::new(64)) && !a.contains(Idx::new(65)) && !a.contains(Idx::new(1000))
        );
        assert!(!a.is_empty() && MarketSet::default().is_empty());
    }
}

//! Every kind of page the site has, declared once: its URL, template,
//! sidebar section, label, whether the full-text index holds it, and its
//! place in reading order. The page builders (`render::pages`), the reading
//! order (previous/next), which unit renders which path (`serve`), the
//! profile's names and the search index's pages all derive from
//! [`PAGE_KINDS`]; adding a page kind is one entry here, one builder, one
//! template.
//!
//! The table is declarative and knows only the model, so both `render` and
//! `search` can read it.

use crate::model::{Component, EntityRef, Framework, Idx, Kind, Playbook};

/// A kind of page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// `/`: the playbook's front page.
    Home,
    /// `/story/`: the chapters by act.
    StoryIndex,
    /// `/story/<chapter>/`.
    Chapter,
    /// `/learning/`: the learning path (levels, objectives, assessments,
    /// portfolio).
    LearningIndex,
    /// `/learning/<level>/`: a learning-path level's self-assessment.
    LevelAssessment,
    /// `/learning/assessment/`: every level's questions as one assessment.
    CombinedAssessment,
    /// `/learning/portfolio/`: the Practical Application Portfolio.
    Portfolio,
    /// `/frameworks/`.
    FrameworksIndex,
    /// `/frameworks/<fw>/`.
    Framework,
    /// `/frameworks/<fw>/<component>/`.
    Component,
    /// `/frameworks/<fw>/<component>/<step>/` (or under the framework).
    Step,
    /// `/metrics/`.
    MetricsIndex,
    /// `/metrics/<metric>/`.
    Metric,
    /// `/markets/`.
    MarketsIndex,
    /// `/markets/<market>/`.
    Market,
    /// `/markets/<market>/checklist/`: the printable launch checklist.
    MarketChecklist,
    /// `/company/`: the company program's checklist (work done once for
    /// the company); only when book.toml has `[company]`.
    CompanyChecklist,
    /// `/status/`: where every launch stands today.
    Status,
    /// `/regulations/`.
    RegulationsIndex,
    /// `/regulations/<regulation>/`.
    Regulation,
    /// `/experts/`.
    ExpertsIndex,
    /// `/experts/<expert>/`.
    Expert,
    /// `/research/`.
    ResearchIndex,
    /// `/research/<research>/`.
    Research,
    /// `/print/`: the whole playbook on one printable page.
    Print,
    /// `/search/`.
    Search,
    /// `404.html`.
    NotFound,
}

/// Which top-level section a page belongs to, for the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Home page, search, print, 404.
    None,
    /// A framework (index): which framework and component is open.
    Frameworks(Option<Idx<Framework>>, Option<Idx<Component>>),
    /// The section of another kind (its `sidebar` in the kind registry):
    /// the story's (chapters and the learning path), metrics, markets, …
    Of(Kind),
}

impl Section {
    /// The kind whose sidebar section this is.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Section::None => None,
            Section::Frameworks(..) => Some(Kind::Framework),
            Section::Of(k) => Some(k),
        }
    }
}

/// How many pages of a kind there are, and what each shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// One page.
    One,
    /// One page per entity of this kind.
    Each(Kind),
    /// One page if the playbook has a learning path.
    IfLearning,
    /// One page per level of the learning path (none without one).
    Levels,
    /// One page if the learning path has a portfolio.
    IfPortfolio,
}

/// Where a kind's pages come in reading order (previous/next links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// In table order, at the top level.
    Top,
    /// Read after their parent page: listed by the parent's `children`.
    Child,
    /// Not in reading order (print, search, 404).
    Not,
}

/// One page: its kind and, for entity pages, the entity's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Page {
    /// The kind.
    pub kind: PageKind,
    /// The entity's index (0 for a kind with one page).
    pub idx: usize,
}

/// One row of [`PAGE_KINDS`].
pub struct PageKindInfo {
    /// The kind.
    pub kind: PageKind,
    /// Short name (profiles, docs).
    pub name: &'static str,
    /// The Tera template that renders it.
    pub template: &'static str,
    /// The URL pattern, for people (`markets/<market>/`); the URL itself
    /// comes from [`url`].
    pub url_pattern: &'static str,
    /// What each page shows.
    pub pages: Pages,
    /// The kind's name as templates see it (`page.kind`: a CSS class, and
    /// compared by name), and an entity kind's English label. What a
    /// reader sees is [`label`]: the message `page-<name>` of the edition's
    /// string table (for a page of its own, its title: "Success metrics").
    pub label: &'static str,
    /// Whether the full-text index holds these pages.
    pub indexed: bool,
    /// Its place in reading order.
    pub reading: Reading,
    /// Built together with another kind's page of the same entity (a
    /// market's checklist shares its market's unit of work and downloads).
    pub built_with: Option<PageKind>,
    /// Heavy units (the printable edition, markets) are started first, so
    /// none is left running alone at the end of a build.
    pub heavy: bool,
}

const fn row(
    kind: PageKind,
    name: &'static str,
    template: &'static str,
    url_pattern: &'static str,
    pages: Pages,
    label: &'static str,
    reading: Reading,
) -> PageKindInfo {
    PageKindInfo {
        kind,
        name,
        template,
        url_pattern,
        pages,
        label,
        indexed: matches!(pages, Pages::Each(_)),
        reading,
        built_with: None,
        heavy: false,
    }
}

use PageKind as P;
use Pages::{Each, One};
use Reading::{Child, Not, Top};

/// Every page kind, in reading order of the top-level ones.
pub const PAGE_KINDS: &[PageKindInfo] = &[
    row(P::Home, "home", "index.html", "", One, "Home", Top),
    row(
        P::StoryIndex,
        "story index",
        "story.html",
        "story/",
        One,
        "Story",
        Top,
    ),
    row(
        P::Chapter,
        "chapter",
        "chapter.html",
        "story/<chapter>/",
        Each(Kind::Chapter),
        "Story chapter",
        Child,
    ),
    PageKindInfo {
        indexed: true,
        ..row(
            P::LearningIndex,
            "learning path",
            "learning.html",
            "learning/",
            Pages::IfLearning,
            "Learning path",
            Child,
        )
    },
    PageKindInfo {
        indexed: true,
        ..row(
            P::LevelAssessment,
            "level assessment",
            "assessment.html",
            "learning/<level>/",
            Pages::Levels,
            "Self-assessment",
            Child,
        )
    },
    PageKindInfo {
        indexed: true,
        ..row(
            P::CombinedAssessment,
            "combined assessment",
            "combined_assessment.html",
            "learning/assessment/",
            Pages::IfLearning,
            "Assessment",
            Child,
        )
    },
    PageKindInfo {
        indexed: true,
        ..row(
            P::Portfolio,
            "portfolio",
            "portfolio.html",
            "learning/portfolio/",
            Pages::IfPortfolio,
            "Portfolio",
            Child,
        )
    },
    row(
        P::FrameworksIndex,
        "frameworks index",
        "frameworks.html",
        "frameworks/",
        One,
        "Frameworks",
        Top,
    ),
    row(
        P::Framework,
        "framework",
        "framework.html",
        "frameworks/<fw>/",
        Each(Kind::Framework),
        "Framework",
        Child,
    ),
    row(
        P::Component,
        "component",
        "component.html",
        "frameworks/<fw>/<component>/",
        Each(Kind::Component),
        "Component",
        Child,
    ),
    row(
        P::Step,
        "step",
        "step.html",
        "frameworks/<fw>/[<component>/]<step>/",
        Each(Kind::Step),
        "Step",
        Child,
    ),
    row(
        P::MetricsIndex,
        "metrics index",
        "metrics.html",
        "metrics/",
        One,
        "Metrics",
        Top,
    ),
    row(
        P::Metric,
        "metric",
        "metric.html",
        "metrics/<metric>/",
        Each(Kind::Metric),
        "Metric",
        Child,
    ),
    row(
        P::MarketsIndex,
        "markets index",
        "markets.html",
        "markets/",
        One,
        "Markets",
        Top,
    ),
    PageKindInfo {
        heavy: true,
        ..row(
            P::Market,
            "market",
            "market.html",
            "markets/<market>/",
            Each(Kind::Market),
            "Market",
            Child,
        )
    },
    PageKindInfo {
        indexed: false,
        built_with: Some(P::Market),
        ..row(
            P::MarketChecklist,
            "market checklist",
            "checklist.html",
            "markets/<market>/checklist/",
            Each(Kind::Market),
            "Launch checklist",
            Child,
        )
    },
    PageKindInfo {
        indexed: false,
        ..row(
            P::CompanyChecklist,
            "company checklist",
            "checklist.html",
            "company/",
            One,
            "Company program checklist",
            Child,
        )
    },
    PageKindInfo {
        indexed: false,
        ..row(
            P::Status,
            "status",
            "status.html",
            "status/",
            One,
            "Launch status",
            Not,
        )
    },
    row(
        P::RegulationsIndex,
        "regulations index",
        "regulations.html",
        "regulations/",
        One,
        "Regulations",
        Top,
    ),
    row(
        P::Regulation,
        "regulation",
        "regulation.html",
        "regulations/<regulation>/",
        Each(Kind::Regulation),
        "Regulation",
        Child,
    ),
    row(
        P::ExpertsIndex,
        "experts index",
        "experts.html",
        "experts/",
        One,
        "Experts",
        Top,
    ),
    row(
        P::Expert,
        "expert",
        "expert.html",
        "experts/<expert>/",
        Each(Kind::Expert),
        "Expert",
        Child,
    ),
    row(
        P::ResearchIndex,
        "research index",
        "research_index.html",
        "research/",
        One,
        "Research",
        Top,
    ),
    row(
        P::Research,
        "research",
        "research.html",
        "research/<research>/",
        Each(Kind::Research),
        "Research",
        Child,
    ),
    PageKindInfo {
        heavy: true,
        ..row(P::Print, "print", "print.html", "print/", One, "Print", Not)
    },
    row(
        P::Search,
        "search",
        "search.html",
        "search/",
        One,
        "Search",
        Not,
    ),
    row(
        P::NotFound,
        "not found",
        "404.html",
        "404.html",
        One,
        "Not found",
        Not,
    ),
];

/// The table's row for `kind`.
pub fn info(kind: PageKind) -> &'static PageKindInfo {
    // The table is in declaration order of the enum (a unit test checks).
    &PAGE_KINDS[kind as usize]
}

/// The message id of `kind`'s label in the interface's string table:
/// `page-` and the kind's name, spaces as dashes (`page-markets-index`).
pub fn label_key(kind: PageKind) -> String {
    format!("page-{}", info(kind).name.replace(' ', "-"))
}

/// The kind's label in the edition's language ("Markets", "Märkte"): the
/// title of a page that has no title of its own (an index page), in
/// previous/next links and `<title>`.
pub fn label(pb: &Playbook, kind: PageKind) -> String {
    pb.words().get(&label_key(kind), &[])
}

/// How many pages of `kind` the playbook has.
pub fn count(pb: &Playbook, kind: PageKind) -> usize {
    if kind == P::CompanyChecklist && pb.config.company.is_none() {
        return 0;
    }
    let learning = pb.learning.as_ref();
    match info(kind).pages {
        One => 1,
        Each(k) => pb.count(k),
        Pages::IfLearning => usize::from(learning.is_some()),
        Pages::Levels => learning.map_or(0, |l| l.levels.len()),
        Pages::IfPortfolio => usize::from(learning.is_some_and(|l| l.portfolio.is_some())),
    }
}

/// Every page of `kind`.
pub fn pages_of(pb: &Playbook, kind: PageKind) -> impl Iterator<Item = Page> {
    (0..count(pb, kind)).map(move |idx| Page { kind, idx })
}

/// The page's URL, relative to the site root (`""` is the home page).
pub fn url(pb: &Playbook, page: Page) -> String {
    let entity = |kind| {
        pb.url(EntityRef {
            kind,
            idx: page.idx,
        })
    };
    match (page.kind, info(page.kind).pages) {
        (P::MarketChecklist, _) => format!("{}checklist/", entity(Kind::Market)),
        // Served at any path (its links are absolute from the base URL):
        // this only names it.
        (P::NotFound, _) => "404/".into(),
        (_, Each(k)) => entity(k),
        (_, Pages::Levels) => match &pb.learning {
            Some(l) => format!("learning/{}/", l.levels[Idx::new(page.idx)].id),
            None => "learning/".into(),
        },
        (_, One | Pages::IfLearning | Pages::IfPortfolio) => {
            info(page.kind).url_pattern.to_string()
        }
    }
}

/// The file the page is written to (`<url>index.html`, or `404.html`).
pub fn path(pb: &Playbook, page: Page) -> String {
    match page.kind {
        P::NotFound => "404.html".into(),
        _ => format!("{}index.html", url(pb, page)),
    }
}

/// The page's title: its `<h1>` and `<title>`, its breadcrumb, and its
/// previous/next link. An index page's is its kind's label.
pub fn title(pb: &Playbook, page: Page) -> String {
    let words = pb.words();
    match (page.kind, info(page.kind).pages) {
        (P::Home, _) => pb.config.book.title.clone(),
        (P::Print, _) => words.get(
            "print-title",
            &[("book", pb.config.book.title.as_str().into())],
        ),
        (P::MarketChecklist, _) => words.get(
            "market-launch-checklist",
            &[(
                "market",
                pb.markets[Idx::new(page.idx)].name.as_str().into(),
            )],
        ),
        (P::CompanyChecklist, _) => {
            let name = match &pb.config.company {
                Some(c) => c.name().to_string(),
                None => words.get("company-program", &[]),
            };
            words.get("named-checklist", &[("name", name.into())])
        }
        (_, Each(k)) => pb
            .title(EntityRef {
                kind: k,
                idx: page.idx,
            })
            .to_string(),
        (_, Pages::Levels) => match &pb.learning {
            Some(l) => words.get(
                "level-self-assessment",
                &[("level", l.levels[Idx::new(page.idx)].title.as_str().into())],
            ),
            None => label(pb, page.kind),
        },
        (P::CombinedAssessment, _) => pb
            .learning
            .as_ref()
            .map_or_else(|| label(pb, page.kind), |l| l.assessment_title.clone()),
        (_, Pages::IfPortfolio) => pb
            .learning
            .as_ref()
            .and_then(|l| l.portfolio.as_ref())
            .map_or_else(|| label(pb, page.kind), |p| p.title.clone()),
        (_, One | Pages::IfLearning) => label(pb, page.kind),
    }
}

/// The page `page` sits under, for its breadcrumbs: an entity page's
/// index, a component's framework, a step's component (or framework), a
/// market's checklist's market, the learning path's pages' story. Top-level
/// pages have none.
pub fn parent(pb: &Playbook, page: Page) -> Option<Page> {
    let single = |kind| Some(Page { kind, idx: 0 });
    match page.kind {
        P::Home
        | P::StoryIndex
        | P::FrameworksIndex
        | P::MetricsIndex
        | P::MarketsIndex
        | P::RegulationsIndex
        | P::ExpertsIndex
        | P::ResearchIndex
        | P::Print
        | P::Search
        | P::NotFound => None,
        P::Chapter | P::LearningIndex => single(P::StoryIndex),
        P::LevelAssessment | P::CombinedAssessment | P::Portfolio => single(P::LearningIndex),
        P::Framework => single(P::FrameworksIndex),
        P::Component => Some(Page {
            kind: P::Framework,
            idx: pb.components[Idx::new(page.idx)].framework.index(),
        }),
        P::Step => {
            let s = &pb.steps[Idx::new(page.idx)];
            Some(match s.component {
                Some(c) => Page {
                    kind: P::Component,
                    idx: c.index(),
                },
                None => Page {
                    kind: P::Framework,
                    idx: s.framework.index(),
                },
            })
        }
        P::Metric => single(P::MetricsIndex),
        P::Market | P::CompanyChecklist | P::Status => single(P::MarketsIndex),
        P::MarketChecklist => Some(Page {
            kind: P::Market,
            idx: page.idx,
        }),
        P::Regulation => single(P::RegulationsIndex),
        P::Expert => single(P::ExpertsIndex),
        P::Research => single(P::ResearchIndex),
    }
}

/// One link of a breadcrumb trail: a URL relative to the site root and
/// what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// Relative to the site root.
    pub url: String,
    /// The page's title ([`title`]), or a section of it.
    pub title: String,
}

/// The breadcrumb trail between the home page and `page` (neither
/// included): its [`parent`]s, outermost first, each with its [`url`] and
/// [`title`]; a metric's trail ends at its group's section of the metrics
/// index. Every page's breadcrumbs come from here.
pub fn crumbs(pb: &Playbook, page: Page) -> Vec<Crumb> {
    let mut trail = Vec::new();
    let mut at = parent(pb, page);
    while let Some(p) = at {
        trail.push(Crumb {
            url: url(pb, p),
            title: title(pb, p),
        });
        at = parent(pb, p);
    }
    trail.reverse();
    if page.kind == P::Metric {
        let group = &pb.metric_groups[pb.metrics[Idx::new(page.idx)].group];
        trail.push(Crumb {
            url: format!("{}#{}", url(pb, single_page(P::MetricsIndex)), group.id),
            title: group.title.clone(),
        });
    }
    trail
}

/// The page of a kind that has one.
fn single_page(kind: PageKind) -> Page {
    Page { kind, idx: 0 }
}

/// The sidebar section the page opens.
pub fn section(pb: &Playbook, page: Page) -> Section {
    match page.kind {
        P::Home | P::Print | P::Search | P::NotFound => Section::None,
        P::StoryIndex
        | P::Chapter
        | P::LearningIndex
        | P::LevelAssessment
        | P::CombinedAssessment
        | P::Portfolio => Section::Of(Kind::Chapter),
        P::FrameworksIndex => Section::Frameworks(None, None),
        P::Framework => Section::Frameworks(Some(Idx::new(page.idx)), None),
        P::Component => {
            let c = Idx::new(page.idx);
            Section::Frameworks(Some(pb.components[c].framework), Some(c))
        }
        P::Step => {
            let s = &pb.steps[Idx::new(page.idx)];
            Section::Frameworks(Some(s.framework), s.component)
        }
        P::MetricsIndex | P::Metric => Section::Of(Kind::Metric),
        P::MarketsIndex | P::Market | P::MarketChecklist | P::CompanyChecklist | P::Status => {
            Section::Of(Kind::Market)
        }
        P::RegulationsIndex | P::Regulation => Section::Of(Kind::Regulation),
        P::ExpertsIndex | P::Expert => Section::Of(Kind::Expert),
        P::ResearchIndex | P::Research => Section::Of(Kind::Research),
    }
}

/// The pages read right after `page` (before the next page of its own
/// kind): an index's entities, a framework's components and steps in
/// phase order, a market's checklist.
pub fn children(pb: &Playbook, page: Page) -> Vec<Page> {
    let all = |kind| pages_of(pb, kind).collect();
    match page.kind {
        P::StoryIndex => story_children(pb),
        P::FrameworksIndex => all(P::Framework),
        P::MetricsIndex => all(P::Metric),
        P::MarketsIndex => {
            let mut v: Vec<Page> = pages_of(pb, P::CompanyChecklist).collect();
            v.extend(pb.markets_by_name().into_iter().map(|m| Page {
                kind: P::Market,
                idx: m.index(),
            }));
            v
        }
        P::RegulationsIndex => all(P::Regulation),
        P::ExpertsIndex => all(P::Expert),
        P::ResearchIndex => all(P::Research),
        P::Market => vec![Page {
            kind: P::MarketChecklist,
            idx: page.idx,
        }],
        P::Framework => {
            let mut v = Vec::new();
            let mut last_component = None;
            for &p in &pb.frameworks[Idx::new(page.idx)].phases {
                let component = pb.phases[p].component;
                if component != last_component {
                    if let Some(c) = component {
                        v.push(Page {
                            kind: P::Component,
                            idx: c.index(),
                        });
                    }
                    last_component = component;
                }
                for &b in &pb.phases[p].blocks {
                    v.extend(pb.blocks[b].steps.iter().map(|&s| Page {
                        kind: P::Step,
                        idx: s.index(),
                    }));
                }
            }
            v
        }
        _ => Vec::new(),
    }
}

/// The story index's pages in reading order: the chapters, each level's
/// self-assessment after the last of its chapters (a level without
/// chapters after the story), then the learning path's page, the combined
/// assessment and the portfolio.
fn story_children(pb: &Playbook) -> Vec<Page> {
    let page = |kind, idx| Page { kind, idx };
    let mut v = Vec::new();
    let levels = pb
        .learning
        .as_ref()
        .map(|l| l.levels.as_slice())
        .unwrap_or(&[]);
    let last_of = |l: &crate::model::learning::Level| l.chapters.iter().max().copied();
    for c in pb.chapters.indices() {
        v.push(page(P::Chapter, c.index()));
        for (li, l) in levels.iter().enumerate() {
            if last_of(l) == Some(c) {
                v.push(page(P::LevelAssessment, li));
            }
        }
    }
    for (li, l) in levels.iter().enumerate() {
        if last_of(l).is_none() {
            v.push(page(P::LevelAssessment, li));
        }
    }
    v.extend(pages_of(pb, P::LearningIndex));
    v.extend(pages_of(pb, P::CombinedAssessment));
    v.extend(pages_of(pb, P::Portfolio));
    v
}

/// Every page in reading order: the top-level kinds in table order, each
/// page followed by its children (and theirs).
pub fn reading_order(pb: &Playbook) -> Vec<Page> {
    fn walk(pb: &Playbook, page: Page, out: &mut Vec<Page>) {
        out.push(page);
        for c in children(pb, page) {
            walk(pb, c, out);
        }
    }
    let mut out = Vec::new();
    for k in PAGE_KINDS.iter().filter(|k| k.reading == Top) {
        for page in pages_of(pb, k.kind) {
            walk(pb, page, &mut out);
        }
    }
    out
}

/// The pages the full-text index holds that are not an entity's (the
/// learning path's), in table order; the index numbers them after the
/// entity pages.
pub fn indexed_other_pages(pb: &Playbook) -> Vec<Page> {
    PAGE_KINDS
        .iter()
        .filter(|k| k.indexed && !matches!(k.pages, Each(_)))
        .flat_map(|k| pages_of(pb, k.kind))
        .collect()
}

/// The entity pages the full-text index holds, in the order it numbers
/// them (table order, then entity order).
pub fn indexed_pages(pb: &Playbook) -> Vec<(Page, EntityRef)> {
    PAGE_KINDS
        .iter()
        .filter(|k| k.indexed)
        .flat_map(|k| {
            let Each(entity) = k.pages else {
                return Vec::new();
            };
            pages_of(pb, k.kind)
                .map(|p| {
                    (
                        p,
                        EntityRef {
                            kind: entity,
                            idx: p.idx,
                        },
                    )
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_enum() {
        for (i, k) in PAGE_KINDS.iter().enumerate() {
            assert_eq!(k.kind as usize, i, "{}", k.name);
        }
    }

    #[test]
    fn every_kind_has_a_label_in_the_string_table_and_an_entity_kinds_english_is_its_label() {
        let en = crate::language::strings::english();
        for k in PAGE_KINDS {
            let english = en.get(&label_key(k.kind), &[]);
            assert!(
                !english.is_empty() && english != label_key(k.kind),
                "{}",
                k.name
            );
            // A page of its own (an index) is titled by its message, which
            // may say more ("Success metrics" for the kind "Metrics").
            if matches!(k.pages, Each(_) | Pages::Levels) {
                assert_eq!(english, k.label, "{}", k.name);
            }
        }
    }
}

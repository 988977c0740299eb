//! The reference pages: regulations, experts and research, with their indexes.
use super::*;
use playbook_content::model::raw::RawResult;

/// A regulation on the regulations index.
#[derive(Serialize)]
struct RegulationItem<'a> {
    url: String,
    /// Short name ("GDPR").
    title: &'a str,
    official_name: Option<&'a str>,
    jurisdiction: &'a str,
    /// Markets it applies in.
    markets: Vec<LinkCtx>,
}

/// `regulations.html`'s own fields.
#[derive(Serialize)]
struct RegulationsPage<'a> {
    regulations: Vec<RegulationItem<'a>>,
}

/// One obligation of a regulation.
#[derive(Serialize)]
struct ObligationCtx<'a> {
    topic: &'a str,
    /// Its anchor ("obligation-breach-notification").
    id: String,
    /// Text as HTML.
    text: String,
    /// Where its dates and thresholds come from.
    sources: Vec<SourceCtx<'a>>,
}

/// An official source of a regulation's facts.
#[derive(Serialize, Clone, Copy)]
struct SourceCtx<'a> {
    /// Its id in the regulation's file.
    id: &'a str,
    title: &'a str,
    /// Where to read it (another site).
    url: &'a str,
    /// The day the facts were checked against it.
    checked: jiff::civil::Date,
}

/// A dated obligation of a regulation (a key date).
#[derive(Serialize)]
struct DeadlineCtx<'a> {
    /// Its anchor ("deadline-gpai").
    id: String,
    date: jiff::civil::Date,
    /// What applies or is due, as inline HTML.
    what: String,
    source: SourceCtx<'a>,
    /// False: shown as "unconfirmed".
    confirmed: bool,
}

/// A pending change to keep an eye on.
#[derive(Serialize)]
struct WatchCtx<'a> {
    /// What may change, as inline HTML.
    what: String,
    sources: Vec<SourceCtx<'a>>,
    /// False: shown as "unconfirmed".
    confirmed: bool,
}

/// A task a regulation's rule brings in.
#[derive(Serialize)]
struct RegulationTask<'a> {
    title: &'a str,
    url: String,
    /// Its step's title.
    step: &'a str,
}

/// A regulation's facts.
#[derive(Serialize)]
struct RegulationFacts<'a> {
    official_name: Option<&'a str>,
    jurisdiction: &'a str,
    in_force: Option<&'a str>,
    /// Link to the official text.
    link: Option<&'a str>,
    /// When the page's facts were last checked.
    reviewed: Option<jiff::civil::Date>,
    /// The source of `in_force`.
    in_force_source: Option<SourceCtx<'a>>,
    /// Summary as HTML.
    summary: String,
    /// Key dates, in the file's order.
    deadlines: Vec<DeadlineCtx<'a>>,
    obligations: Vec<ObligationCtx<'a>>,
    /// Pending changes.
    watch: Vec<WatchCtx<'a>>,
    /// Every official source the page was checked against.
    sources: Vec<SourceCtx<'a>>,
    markets: Vec<LinkCtx>,
    tasks: Vec<RegulationTask<'a>>,
}

/// `regulation.html`'s own fields.
#[derive(Serialize)]
struct RegulationPage<'a> {
    regulation: RegulationFacts<'a>,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

/// An expert on the experts index.
#[derive(Serialize)]
struct ExpertItem<'a> {
    url: String,
    /// The expert's name.
    title: &'a str,
    role: &'a str,
    /// A composite of several people, not one person.
    composite: bool,
    category: Option<&'a str>,
    /// Key insight as inline HTML.
    insight: String,
}

/// `experts.html`'s own fields.
#[derive(Serialize)]
struct ExpertsPage<'a> {
    experts: Vec<ExpertItem<'a>>,
}

/// A titled perspective of an expert.
#[derive(Serialize)]
struct Perspective<'a> {
    title: &'a str,
    /// Text as HTML.
    text: String,
}

/// A piece of an expert's advice and the steps it applies to.
#[derive(Serialize)]
struct AdviceItem {
    /// Text as HTML.
    text: String,
    steps: Vec<LinkCtx>,
}

/// An expert's facts.
#[derive(Serialize)]
struct ExpertFacts<'a> {
    role: &'a str,
    composite: bool,
    category: Option<&'a str>,
    /// Background as HTML.
    background: String,
    /// Key insight as HTML.
    insight: String,
    quotes: &'a [String],
    perspectives: Vec<Perspective<'a>>,
    advice: Vec<AdviceItem>,
}

/// `expert.html`'s own fields.
#[derive(Serialize)]
struct ExpertPage<'a> {
    expert: ExpertFacts<'a>,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

/// A research page in its category's list.
#[derive(Serialize)]
struct ResearchItem<'a> {
    url: String,
    title: &'a str,
    /// Summary as inline HTML.
    summary: String,
}

/// A category of research pages.
#[derive(Serialize)]
struct ResearchCategory<'a> {
    title: String,
    items: Vec<ResearchItem<'a>>,
}

/// `research_index.html`'s own fields.
#[derive(Serialize)]
struct ResearchIndexPage<'a> {
    categories: Vec<ResearchCategory<'a>>,
}

/// An entity a research page supports.
#[derive(Serialize)]
struct Supported<'a> {
    /// Kind name ("step").
    kind: &'static str,
    url: String,
    title: &'a str,
}

/// A research page's facts.
#[derive(Serialize)]
struct ResearchFacts<'a> {
    category: Option<&'a str>,
    /// Summary as HTML.
    summary: String,
    /// Key results (value and label).
    results: &'a [RawResult],
    supports: Vec<Supported<'a>>,
}

/// `research.html`'s own fields.
#[derive(Serialize)]
struct ResearchPage<'a> {
    research: ResearchFacts<'a>,
    /// The page's Markdown as HTML.
    body: String,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

/// Markets whose regulations include regulation `i`.
fn markets_under(pb: &Playbook, i: Idx<Regulation>) -> Vec<LinkCtx> {
    pb.markets
        .iter_enumerated()
        .filter(|(_, m)| m.regulations.contains(&i))
        .map(|(k, _)| link(pb, EntityRef::from(k)))
        .collect()
}

impl Builder<'_> {
    pub(super) fn regulations_index(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::RegulationsIndex,
            idx: 0,
        };
        let regulations = pb
            .regulations
            .iter_enumerated()
            .map(|(i, g)| RegulationItem {
                url: pb.url(EntityRef::from(i)),
                title: &g.name,
                official_name: g.official_name.as_deref(),
                jurisdiction: &g.jurisdiction,
                markets: markets_under(pb, i),
            })
            .collect();
        let base = self.page_base(page);
        self.job(page, base, RegulationsPage { regulations })
    }

    pub(super) fn regulation(&self, i: Idx<Regulation>) -> PageJob {
        let pb = self.pb;
        let g = &pb.regulations[i];
        let r = EntityRef::from(i);
        let page = Page {
            kind: PageKind::Regulation,
            idx: i.index(),
        };
        let mut base = self.page_base(page);
        base.nav_pos = Some(i.index());
        base.file = Some(g.file);
        base.description = plain(pb, &g.summary);
        let heading = |level: u8, id: &str, text: &str| playbook_content::markdown::Heading {
            level,
            id: id.to_string(),
            text: text.to_string(),
        };
        base.toc = (!g.deadlines.is_empty())
            .then(|| heading(2, "key-dates", &self.word("key-dates")))
            .into_iter()
            .chain(std::iter::once(heading(
                2,
                "obligations",
                &self.word("obligations"),
            )))
            .chain(
                g.obligations
                    .iter()
                    .map(|o| heading(3, &o.anchor, &o.topic)),
            )
            .chain((!g.watch.is_empty()).then(|| heading(2, "watch", &self.word("watch"))))
            .chain((!g.sources.is_empty()).then(|| heading(2, "sources", &self.word("sources"))))
            .collect();
        let source = |k: Idx<playbook_content::model::RegulationSource>| {
            let s = &g.sources[k];
            SourceCtx {
                id: &s.id,
                title: &s.title,
                url: &s.url,
                checked: s.checked,
            }
        };
        let sources = |ks: &[Idx<playbook_content::model::RegulationSource>]| {
            ks.iter().map(|&k| source(k)).collect::<Vec<_>>()
        };
        let tasks = pb
            .tasks
            .iter_enumerated()
            .filter(|(_, t)| {
                t.rule
                    .as_ref()
                    .is_some_and(|r| r.regulations.contains(&g.id))
            })
            .map(|(ti, t)| RegulationTask {
                title: &t.title,
                url: pb.url(EntityRef::from(ti)),
                step: &pb.steps[t.step].title,
            })
            .collect();
        let own = RegulationPage {
            regulation: RegulationFacts {
                official_name: g.official_name.as_deref(),
                jurisdiction: &g.jurisdiction,
                in_force: g.in_force.as_deref(),
                link: g.link.as_deref(),
                reviewed: g.reviewed,
                in_force_source: g.in_force_source.map(source),
                summary: self.md.block(&g.summary, g.file),
                deadlines: g
                    .deadlines
                    .iter()
                    .map(|d| DeadlineCtx {
                        id: playbook_content::model::Deadline::anchor(&d.id),
                        date: d.date,
                        what: self.md.inline(&d.what, g.file),
                        source: source(d.source),
                        confirmed: d.confirmed,
                    })
                    .collect(),
                obligations: g
                    .obligations
                    .iter()
                    .map(|o| ObligationCtx {
                        topic: &o.topic,
                        id: o.anchor.clone(),
                        text: self.md.block(&o.text, g.file),
                        sources: sources(&o.sources),
                    })
                    .collect(),
                watch: g
                    .watch
                    .iter()
                    .map(|w| WatchCtx {
                        what: self.md.inline(&w.what, g.file),
                        sources: sources(&w.sources),
                        confirmed: w.confirmed,
                    })
                    .collect(),
                sources: g.sources.indices().map(source).collect(),
                markets: markets_under(pb, i),
                tasks,
            },
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
    }

    pub(super) fn experts_index(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::ExpertsIndex,
            idx: 0,
        };
        let experts = pb
            .experts
            .iter_enumerated()
            .map(|(i, x)| ExpertItem {
                url: pb.url(EntityRef::from(i)),
                title: &x.name,
                role: &x.role,
                composite: x.composite,
                category: x.category.as_deref(),
                insight: self.md.opt_inline(&x.insight, x.file),
            })
            .collect();
        let base = self.page_base(page);
        self.job(page, base, ExpertsPage { experts })
    }

    pub(super) fn expert(&self, i: Idx<Expert>) -> PageJob {
        let pb = self.pb;
        let x = &pb.experts[i];
        let r = EntityRef::from(i);
        let page = Page {
            kind: PageKind::Expert,
            idx: i.index(),
        };
        let mut base = self.page_base(page);
        base.nav_pos = Some(i.index());
        base.file = Some(x.file);
        base.description = format!("{} — {}", x.name, x.role);
        let own = ExpertPage {
            expert: ExpertFacts {
                role: &x.role,
                composite: x.composite,
                category: x.category.as_deref(),
                background: self.md.opt(&x.background, x.file),
                insight: self.md.opt(&x.insight, x.file),
                quotes: &x.quotes,
                perspectives: x
                    .perspectives
                    .iter()
                    .map(|(t, b)| Perspective {
                        title: t,
                        text: self.md.block(b, x.file),
                    })
                    .collect(),
                advice: x
                    .advice
                    .iter()
                    .map(|(t, s)| AdviceItem {
                        text: self.md.block(t, x.file),
                        steps: s.iter().map(|&s| link(pb, EntityRef::from(s))).collect(),
                    })
                    .collect(),
            },
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
    }

    pub(super) fn research_index(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::ResearchIndex,
            idx: 0,
        };
        let mut categories: Vec<ResearchCategory<'_>> = Vec::new();
        for (i, x) in pb.research.iter_enumerated() {
            let title = x
                .category
                .clone()
                .unwrap_or_else(|| self.word("page-research-index"));
            let item = ResearchItem {
                url: pb.url(EntityRef::from(i)),
                title: &x.title,
                summary: self.md.opt_inline(&x.summary, x.file),
            };
            match categories.iter_mut().find(|c| c.title == title) {
                Some(c) => c.items.push(item),
                None => categories.push(ResearchCategory {
                    title,
                    items: vec![item],
                }),
            }
        }
        let base = self.page_base(page);
        self.job(page, base, ResearchIndexPage { categories })
    }

    pub(super) fn research(&self, i: Idx<Research>) -> PageJob {
        let pb = self.pb;
        let x = &pb.research[i];
        let r = EntityRef::from(i);
        let page = Page {
            kind: PageKind::Research,
            idx: i.index(),
        };
        let (body, toc) = self.md.doc(&x.body, x.file);
        let mut base = self.page_base(page);
        base.nav_pos = Some(i.index());
        base.file = Some(x.file);
        base.toc = toc;
        base.description = x
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let own = ResearchPage {
            research: ResearchFacts {
                category: x.category.as_deref(),
                summary: self.md.opt(&x.summary, x.file),
                results: &x.results,
                supports: x
                    .supports
                    .iter()
                    .map(|&e| Supported {
                        kind: e.kind.name(),
                        url: pb.url(e),
                        title: pb.title(e),
                    })
                    .collect(),
            },
            body,
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
    }
}

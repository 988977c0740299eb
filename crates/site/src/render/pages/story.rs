//! The home page, the story index and the chapters.
use super::*;

/// A framework on the home page.
#[derive(Serialize)]
struct HomeFramework<'a> {
    url: String,
    title: &'a str,
    /// Summary as inline HTML.
    summary: String,
    components: usize,
    phases: usize,
    steps: usize,
}

/// How much the playbook holds, for the home page.
#[derive(Serialize)]
struct Counts {
    steps: usize,
    tasks: usize,
    metrics: usize,
    markets: usize,
    regulations: usize,
    chapters: usize,
    experts: usize,
    research: usize,
}

/// `index.html`'s own fields.
#[derive(Serialize)]
struct HomePage<'a> {
    /// The story's acts with their chapters.
    acts: Vec<Act<'a>>,
    frameworks: Vec<HomeFramework<'a>>,
    markets: Vec<MarketItem<'a>>,
    counts: Counts,
    /// Every launch (the company program first when it has work), in
    /// kickoff order: where each stands opens the page.
    launches: Vec<HomeLaunch<'a>>,
    /// How many of them have launched.
    launched: usize,
    /// The launches' status data (`/status/`'s), for `theme/status.js` to
    /// say what is overdue on the reader's day; safe inside `<script>`.
    status_json: String,
}

/// A launch in the home page's summary.
#[derive(Serialize)]
struct HomeLaunch<'a> {
    /// Market id, or `company`.
    id: &'a str,
    /// Its name.
    name: &'a str,
    /// Its checklist page.
    url: &'a str,
    /// Kickoff.
    kickoff: jiff::civil::Date,
    /// The day it went live, if it has.
    launched: Option<jiff::civil::Date>,
}

/// A market in a list (home, markets index, printable edition).
#[derive(Serialize)]
pub(super) struct MarketItem<'a> {
    url: String,
    id: &'a str,
    /// The market's name.
    title: &'a str,
    region: &'a str,
    /// Kickoff date.
    kickoff: jiff::civil::Date,
    tags: &'a [String],
    /// Rows of its launch checklist.
    tasks: usize,
    regulations: Vec<LinkCtx>,
}

/// An act of the story with its chapters.
#[derive(Serialize)]
pub(super) struct Act<'a> {
    number: u32,
    title: Option<&'a str>,
    chapters: Vec<ChapterItem<'a>>,
}

/// A chapter in a list.
#[derive(Serialize)]
pub(super) struct ChapterItem<'a> {
    url: String,
    title: &'a str,
    section: Option<u32>,
    section_title: Option<&'a str>,
    /// Summary as inline HTML.
    summary: String,
    reading_minutes: usize,
    /// The title of the learning-path level the chapter is in.
    level: Option<&'a str>,
}

/// `story.html`'s own fields.
#[derive(Serialize)]
struct StoryPage<'a> {
    acts: Vec<Act<'a>>,
    /// The learning path's levels and portfolio, if the playbook has one.
    learning: Option<super::learning::StoryLearning>,
}

/// An entity a chapter references, for the chapter's side rail.
#[derive(Serialize)]
struct RailItem<'a> {
    /// Kind name ("step", "metric").
    kind: &'static str,
    url: String,
    title: &'a str,
}

/// The chapter's own facts.
#[derive(Serialize)]
struct ChapterFacts<'a> {
    act: u32,
    act_title: Option<&'a str>,
    section: Option<u32>,
    section_title: Option<&'a str>,
    /// Summary as inline HTML.
    summary: String,
    reading_minutes: usize,
}

/// `chapter.html`'s own fields.
#[derive(Serialize)]
struct ChapterPage<'a> {
    /// Everything the chapter references, in order of first mention.
    rail: Vec<RailItem<'a>>,
    chapter: ChapterFacts<'a>,
    /// The first entity the chapter applies ("Put it to work").
    put_to_work: Option<LinkCtx>,
    /// The chapter as HTML.
    body: String,
    backlinks: Vec<BacklinkGroup>,
    /// Its learning-path level ("What you will be able to do").
    level: Option<super::learning::LevelCard>,
}

impl Builder<'_> {
    pub(super) fn home(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::Home,
            idx: 0,
        };
        let mut base = self.page_base(page);
        base.description = pb.config.book.description.clone();
        let frameworks = pb
            .frameworks
            .iter_enumerated()
            .map(|(i, f)| HomeFramework {
                url: pb.url(EntityRef::from(i)),
                title: &f.title,
                summary: self.md.inline(&f.summary, f.file),
                components: f.components.len(),
                phases: f.phases.len(),
                steps: pb.step_count(&f.phases),
            })
            .collect();
        let data = self.status_data();
        let launches: Vec<HomeLaunch<'_>> = data
            .iter()
            .map(|d| HomeLaunch {
                id: d.id,
                name: d.name,
                url: &d.url,
                kickoff: d.kickoff,
                launched: d.launched,
            })
            .collect();
        let status_json = crate::render::embed::json_for_script(data).unwrap_or_else(|e| {
            self.broken(format!("the home page's status data: {e}"));
            "[]".into()
        });
        let own = HomePage {
            acts: acts(pb, &self.md),
            frameworks,
            launched: launches.iter().filter(|l| l.launched.is_some()).count(),
            launches,
            status_json,
            markets: self.market_list(),
            counts: Counts {
                steps: pb.steps.len(),
                tasks: pb.framework_task_count(),
                metrics: pb.metrics.len(),
                markets: pb.markets.len(),
                regulations: pb.regulations.len(),
                chapters: pb.chapters.len(),
                experts: pb.experts.len(),
                research: pb.research.len(),
            },
        };
        self.job(page, base, own)
    }

    /// The markets by name (`Playbook::markets_by_name`).
    pub(super) fn market_list(&self) -> Vec<MarketItem<'_>> {
        let pb = self.pb;
        pb.markets_by_name()
            .into_iter()
            .map(|i| (i, &pb.markets[i]))
            .map(|(i, m)| MarketItem {
                url: pb.url(EntityRef::from(i)),
                id: &m.id,
                title: &m.name,
                region: &m.region,
                kickoff: m.kickoff,
                tags: &m.tags,
                tasks: self.task_counts[i],
                regulations: m
                    .regulations
                    .iter()
                    .map(|&r| link(pb, EntityRef::from(r)))
                    .collect(),
            })
            .collect()
    }

    pub(super) fn story_index(&self) -> PageJob {
        let page = Page {
            kind: PageKind::StoryIndex,
            idx: 0,
        };
        let mut base = self.page_base(page);
        base.description =
            "Maya Patel's journey, chapter by chapter, with the framework she puts to work.".into();
        let own = StoryPage {
            acts: acts(self.pb, &self.md),
            learning: self.story_learning(),
        };
        self.job(page, base, own)
    }

    pub(super) fn chapter(&self, i: Idx<Chapter>) -> PageJob {
        let pb = self.pb;
        let c = &pb.chapters[i];
        let r = EntityRef::from(i);
        let page = Page {
            kind: PageKind::Chapter,
            idx: i.index(),
        };
        let (body, toc) = self.md.shared_doc(&c.body, c.file);
        let mut base = self.page_base(page);
        base.nav_pos = Some(i.index());
        base.file = Some(c.file);
        base.toc = toc;
        base.description = c
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        base.prev_next = Some((
            pb.chapters.before(i).map(|j| link(pb, j.into())),
            pb.chapters.after(i).map(|j| link(pb, j.into())),
        ));
        // Everything the chapter references, in order of first mention.
        let mut rail: Vec<EntityRef> = c.applies.clone();
        for rf in playbook_content::markdown::scan_refs(&c.body) {
            if let Some(k) = Kind::parse(&rf.kind) {
                if let Some(e) = pb.lookup(k, &rf.id) {
                    let e = pb.page_of(e);
                    if !rail.contains(&e) && e.kind != Kind::Chapter {
                        rail.push(e);
                    }
                }
            }
        }
        let rail = rail
            .into_iter()
            .filter(|e| e.kind != Kind::Chapter)
            .map(|e| RailItem {
                kind: e.kind.name(),
                url: pb.url(e),
                title: pb.title(e),
            })
            .collect();
        let own = ChapterPage {
            rail,
            chapter: ChapterFacts {
                act: c.act,
                act_title: c.act_title.as_deref(),
                section: c.section,
                section_title: c.section_title.as_deref(),
                summary: self.md.opt_inline(&c.summary, c.file),
                reading_minutes: reading_minutes(&c.body),
            },
            put_to_work: c
                .applies
                .iter()
                .find(|e| e.kind != Kind::Chapter)
                .map(|&e| link(pb, e)),
            body,
            backlinks: backlinks(pb, r),
            level: self.chapter_level(i),
        };
        self.job(page, base, own)
    }
}

/// Minutes a reader takes for a chapter's Markdown: words at 230 a minute
/// (a common figure for business prose), rounded up, at least one.
pub(super) fn reading_minutes(markdown: &str) -> usize {
    let words = markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    words.div_ceil(230).max(1)
}

pub(super) fn acts<'a>(pb: &'a Playbook, md: &Md<'_>) -> Vec<Act<'a>> {
    let mut acts: Vec<Act<'a>> = Vec::new();
    for (i, c) in pb.chapters.iter_enumerated() {
        let item = ChapterItem {
            url: pb.url(EntityRef::from(i)),
            title: &c.title,
            section: c.section,
            section_title: c.section_title.as_deref(),
            summary: md.opt_inline(&c.summary, c.file),
            reading_minutes: reading_minutes(&c.body),
            level: pb
                .learning
                .as_ref()
                .and_then(|l| l.level_of_chapter(i).map(|li| l.levels[li].title.as_str())),
        };
        match acts.iter_mut().find(|a| a.number == c.act) {
            Some(a) => a.chapters.push(item),
            None => acts.push(Act {
                number: c.act,
                title: c.act_title.as_deref(),
                chapters: vec![item],
            }),
        }
    }
    acts
}

#[cfg(test)]
mod tests {
    use super::reading_minutes;

    #[test]
    fn reading_time_counts_words_not_markup() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"word ".repeat(230)), 1);
        assert_eq!(reading_minutes(&"word ".repeat(231)), 2);
        assert_eq!(
            reading_minutes(&"word — | --- ## ".repeat(460)),
            2,
            "punctuation is not a word"
        );
    }
}

//! The page builders: one method per page kind on [`Builder`], grouped by
//! family in the files below; [`SiteBuilder`] lists every page of the site
//! from the page table ([`playbook_content::page_kinds`]) and builds them in parallel
//! units.
//!
//! - `builder`: the shared state and helpers (task rows, phases, timelines);
//! - `story`: home, story index, chapters;
//! - `learning`: the learning path's page, level self-assessments,
//!   combined assessment and portfolio, and its parts on the story index,
//!   chapters and the printable edition;
//! - `frameworks`: frameworks index, frameworks, components, steps;
//! - `metrics`, `markets` (with each market's checklist page and
//!   downloads), `library` (regulations, experts, research), `site`
//!   (print, search, 404).

mod builder;
mod checklist_page;
mod company;
mod frameworks;
mod learning;
mod library;
mod markets;
mod metrics;
mod site;
mod status;
mod story;

use super::context::{
    base_context, link, plain, step_label, BaseContext, LinkCtx, Md, PageBase, PageContext,
};
use super::sidebar::{NavCache, NavKey};
use super::svg::{self, Bar, Timeline, ValueBar};
use super::theme::Templates;
use super::PageJob;
use builder::*;
use playbook_content::model::{
    Chapter, Component, EntityRef, Expert, Framework, Idx, IdxVec, Kind, Market, Metric, Phase,
    Playbook, Regulation, Research, Step, Task, Window, WindowWords,
};
use playbook_content::page_kinds::{self, Page, PageKind};
use playbook_content::site_file::SiteFile;
use playbook_plan::checklist;
use serde::Serialize;
use std::collections::HashMap;

pub use metrics::format_value;

/// Builds the pages of one playbook: construct once, then [`SiteBuilder::each`]
/// yields every page's job (and a market's ready-made downloads) in parallel,
/// so no more than a few contexts are alive at a time.
pub struct SiteBuilder<'a> {
    b: Builder<'a>,
    /// The units of work, each named by the page it builds (a market's unit
    /// also builds its checklist page and downloads).
    units: Vec<Page>,
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
    /// Prepare reading order, lookups and per-market counts; pages will be
    /// rendered with `templates` (the sidebar is rendered here, once per block).
    pub fn new(pb: &'a Playbook, templates: &'a Templates) -> Self {
        let order: Vec<(String, String)> = page_kinds::reading_order(pb)
            .into_iter()
            .map(|p| (page_kinds::url(pb, p), page_kinds::title(pb, p)))
            .collect();
        let b = Builder::new(pb, templates, order);
        // The heaviest units first (the printable edition holds the whole
        // playbook; markets build a checklist each), so none is left running
        // alone at the end; then the others in table order.
        let own_unit = || {
            page_kinds::PAGE_KINDS
                .iter()
                .filter(|k| k.built_with.is_none())
        };
        let units = own_unit()
            .filter(|k| k.heavy)
            .chain(own_unit().filter(|k| !k.heavy))
            .flat_map(|k| page_kinds::pages_of(pb, k.kind))
            .collect();
        SiteBuilder { b, units }
    }

    /// Take Markdown renderings from `cache`, and add new ones to it.
    pub fn with_markdown_cache(
        mut self,
        cache: Option<std::sync::Arc<crate::render::markdown_cache::MarkdownCache>>,
    ) -> Self {
        self.b.md.set_cache(cache);
        self
    }

    /// Which unit makes each page or file of the site: path → unit index
    /// (for rendering one page on request, as `serve` does).
    pub fn path_index(&self) -> HashMap<String, usize> {
        let pb = self.b.pb;
        let mut ix = HashMap::with_capacity(self.units.len() + 4 * pb.markets.len());
        for (i, &page) in self.units.iter().enumerate() {
            ix.insert(page_kinds::path(pb, page), i);
            for k in page_kinds::PAGE_KINDS
                .iter()
                .filter(|k| k.built_with == Some(page.kind))
            {
                let with = Page {
                    kind: k.kind,
                    idx: page.idx,
                };
                ix.insert(page_kinds::path(pb, with), i);
            }
            for file in downloads(pb, page) {
                ix.insert(file, i);
            }
        }
        ix
    }

    /// Build unit `i` alone (what [`SiteBuilder::each`] does for all).
    pub fn unit(&self, i: usize) -> Option<Unit> {
        self.units.get(i).map(|&page| build_unit(&self.b, page))
    }

    /// The internal errors met so far (a broken invariant of the model):
    /// a build that met any fails with them.
    pub fn internal_errors(&self) -> Vec<playbook_content::diag::Diagnostic> {
        self.b
            .internal
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_else(|_| {
                vec![playbook_content::diag::Diagnostic::internal(
                    "a page builder failed",
                )]
            })
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
            path: crate::render::checklist_data::TASKS_JS.into(),
            bytes: crate::render::checklist_data::tasks_js(b.pb, &b.windows).into_bytes(),
        }]
    }

    /// Run `f` on every unit of work, in parallel; collect what `f` returns.
    pub fn each<T: Send>(&self, f: impl Fn(Unit) -> T + Sync + Send) -> Vec<T> {
        use rayon::prelude::*;
        let prof = log::log_enabled!(log::Level::Debug);
        let timings: std::sync::Mutex<HashMap<&'static str, u128>> = Default::default();
        let out = self
            .units
            .par_iter()
            .enumerate()
            .with_max_len(1)
            .map(|(seq, &page)| {
                let t = std::time::Instant::now();
                let mut unit = build_unit(&self.b, page);
                unit.seq = seq;
                if prof {
                    if let Ok(mut m) = timings.lock() {
                        *m.entry(page_kinds::info(page.kind).name).or_default() +=
                            t.elapsed().as_micros();
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

/// Files a unit writes besides its pages (a market's checklist data and
/// downloads), by path.
fn downloads(pb: &Playbook, page: Page) -> Vec<String> {
    match page.kind {
        PageKind::Market => {
            let url = page_kinds::url(pb, page);
            let id = &pb.markets[Idx::new(page.idx)].id;
            let mut paths = vec![format!("{url}checklist/data.js")];
            paths.extend(playbook_plan::checklist_format::site_download_paths(
                id, &url,
            ));
            paths
        }
        PageKind::CompanyChecklist => company::download_paths(),
        _ => Vec::new(),
    }
}

/// Build one unit: the page kind's builder.
fn build_unit(b: &Builder<'_>, page: Page) -> Unit {
    let i = page.idx;
    let one = |job: PageJob| Unit {
        seq: 0,
        jobs: vec![job],
        files: Vec::new(),
    };
    match page.kind {
        PageKind::Home => one(b.home()),
        PageKind::StoryIndex => one(b.story_index()),
        PageKind::Chapter => one(b.chapter(Idx::new(i))),
        PageKind::LearningIndex => one(b.learning_index()),
        PageKind::LevelAssessment => one(b.level_assessment(Idx::new(i))),
        PageKind::CombinedAssessment => one(b.combined_assessment()),
        PageKind::Portfolio => one(b.portfolio()),
        PageKind::FrameworksIndex => one(b.frameworks_index()),
        PageKind::Framework => one(b.framework(Idx::new(i))),
        PageKind::Component => one(b.component(Idx::new(i))),
        PageKind::Step => one(b.step(Idx::new(i))),
        PageKind::MetricsIndex => one(b.metrics_index()),
        PageKind::Metric => one(b.metric(Idx::new(i))),
        PageKind::MarketsIndex => one(b.markets_index()),
        PageKind::Market | PageKind::MarketChecklist => {
            let (p, c, files) = b.market(Idx::new(i));
            Unit {
                seq: 0,
                jobs: vec![p, c],
                files,
            }
        }
        PageKind::CompanyChecklist => {
            let (job, files) = b.company_checklist();
            Unit {
                seq: 0,
                jobs: vec![job],
                files,
            }
        }
        PageKind::Status => one(b.status_page()),
        PageKind::RegulationsIndex => one(b.regulations_index()),
        PageKind::Regulation => one(b.regulation(Idx::new(i))),
        PageKind::ExpertsIndex => one(b.experts_index()),
        PageKind::Expert => one(b.expert(Idx::new(i))),
        PageKind::ResearchIndex => one(b.research_index()),
        PageKind::Research => one(b.research(Idx::new(i))),
        PageKind::Print => one(b.print()),
        PageKind::Search => one(b.search_page()),
        PageKind::NotFound => one(b.not_found()),
    }
}

/// `sitemap.xml` listing every HTML page at its absolute address (the
/// base URL when it has a host, else `site-url`); `None` when the playbook
/// gives no host: a sitemap of paths is not one search engines read.
///
/// With language editions, the one sitemap (at the site root) lists every
/// page in every edition, each with its `hreflang` alternates; an edition's
/// own render writes none. The markup is the template `sitemap.xml`'s.
pub fn sitemap(
    pb: &Playbook,
    templates: &Templates,
    pages: &[String],
) -> Option<Result<String, playbook_content::diag::Diagnostic>> {
    if !pb.edition.lang.is_empty() {
        return None;
    }
    let base = pb.config.build.sitemap_base()?;
    let mut paths: Vec<&str> = pages
        .iter()
        .map(String::as_str)
        .filter(|p| p.ends_with("index.html"))
        .collect();
    paths.sort_unstable();
    let dirs = paths
        .into_iter()
        .map(|p| p.trim_end_matches("index.html"))
        .collect();
    let ctx = SitemapContext {
        base,
        dirs,
        editions: pb
            .edition
            .all
            .iter()
            .map(|(lang, _, prefix)| SitemapEdition { lang, prefix })
            .collect(),
    };
    Some(
        tera::Context::from_serialize(&ctx)
            .map_err(|e| {
                playbook_content::diag::Diagnostic::internal(format!("the sitemap's context: {e}"))
            })
            .and_then(|ctx| templates.render("sitemap.xml", &ctx)),
    )
}

/// What `templates/sitemap.xml` receives.
#[derive(Serialize)]
struct SitemapContext<'a> {
    /// The absolute base URL, ending in `/`.
    base: &'a str,
    /// Each page's folder relative to the base (`""` is the home page), in
    /// the order of their files' paths.
    dirs: Vec<&'a str>,
    /// The language editions (empty without any).
    editions: Vec<SitemapEdition<'a>>,
}

/// One edition in the sitemap.
#[derive(Serialize)]
struct SitemapEdition<'a> {
    /// Its language tag.
    lang: &'a str,
    /// Its folder (`""` for the source language, `de/`).
    prefix: &'a str,
}

//! Render the resolved playbook into site files, in memory.
//!
//! [`Templates`] loads the built-in Tera templates (compiled into the binary
//! from `templates/`) and lets a playbook's own `templates/<name>` replace any
//! of them. [`render_site`] builds one context per page (in [`pages`]),
//! renders them in parallel with rayon, and adds the machine-readable files
//! (`sitemap.xml`, `playbook.json`, the search indexes: each entity page is
//! also indexed by [`crate::search::fulltext`] in the worker that rendered
//! it). Nothing here writes to disk: the result is a list of [`SiteFile`]s for [`playbook_output`].

pub mod checklist_data;
pub mod checklist_sheet;
pub mod context;
pub mod csp;
pub mod embed;
pub mod markdown_cache;
pub mod minify;
pub mod on_demand;
pub mod pages;
pub mod sidebar;
pub mod svg;
mod theme;

pub use theme::Templates;

use playbook_content::diag::{Diagnostic, Diagnostics};
use playbook_content::markdown::ROOT_MARK;
use playbook_content::model::Playbook;
use playbook_content::site_file::SiteFile;

/// The built-in templates, by name.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../../templates/base.html")),
    (
        "macros.html",
        include_str!("../../../../templates/macros.html"),
    ),
    (
        "charts.html",
        include_str!("../../../../templates/charts.html"),
    ),
    (
        "partials/nav.html",
        include_str!("../../../../templates/partials/nav.html"),
    ),
    (
        "partials/print_step.html",
        include_str!("../../../../templates/partials/print_step.html"),
    ),
    (
        "partials/market_chips.html",
        include_str!("../../../../templates/partials/market_chips.html"),
    ),
    (
        "checklist_macros.html",
        include_str!("../../../../templates/checklist_macros.html"),
    ),
    (
        "checklist_export.html",
        include_str!("../../../../templates/checklist_export.html"),
    ),
    (
        "index.html",
        include_str!("../../../../templates/index.html"),
    ),
    (
        "sitemap.xml",
        include_str!("../../../../templates/sitemap.xml"),
    ),
    (
        "framework.html",
        include_str!("../../../../templates/framework.html"),
    ),
    (
        "frameworks.html",
        include_str!("../../../../templates/frameworks.html"),
    ),
    (
        "component.html",
        include_str!("../../../../templates/component.html"),
    ),
    ("step.html", include_str!("../../../../templates/step.html")),
    (
        "status.html",
        include_str!("../../../../templates/status.html"),
    ),
    (
        "metrics.html",
        include_str!("../../../../templates/metrics.html"),
    ),
    (
        "metric.html",
        include_str!("../../../../templates/metric.html"),
    ),
    (
        "markets.html",
        include_str!("../../../../templates/markets.html"),
    ),
    (
        "market.html",
        include_str!("../../../../templates/market.html"),
    ),
    (
        "checklist.html",
        include_str!("../../../../templates/checklist.html"),
    ),
    (
        "regulations.html",
        include_str!("../../../../templates/regulations.html"),
    ),
    (
        "regulation.html",
        include_str!("../../../../templates/regulation.html"),
    ),
    (
        "experts.html",
        include_str!("../../../../templates/experts.html"),
    ),
    (
        "expert.html",
        include_str!("../../../../templates/expert.html"),
    ),
    (
        "research_index.html",
        include_str!("../../../../templates/research_index.html"),
    ),
    (
        "research.html",
        include_str!("../../../../templates/research.html"),
    ),
    (
        "story.html",
        include_str!("../../../../templates/story.html"),
    ),
    (
        "chapter.html",
        include_str!("../../../../templates/chapter.html"),
    ),
    (
        "learning_macros.html",
        include_str!("../../../../templates/learning_macros.html"),
    ),
    (
        "learning.html",
        include_str!("../../../../templates/learning.html"),
    ),
    (
        "assessment.html",
        include_str!("../../../../templates/assessment.html"),
    ),
    (
        "combined_assessment.html",
        include_str!("../../../../templates/combined_assessment.html"),
    ),
    (
        "portfolio.html",
        include_str!("../../../../templates/portfolio.html"),
    ),
    (
        "print.html",
        include_str!("../../../../templates/print.html"),
    ),
    (
        "search.html",
        include_str!("../../../../templates/search.html"),
    ),
    ("404.html", include_str!("../../../../templates/404.html")),
];

/// The built-in theme assets, by path under `theme/`.
pub const BUILTIN_ASSETS: &[(&str, &str)] = &[
    (
        "theme/style.css",
        include_str!("../../../../theme/style.css"),
    ),
    (
        "theme/print.css",
        include_str!("../../../../theme/print.css"),
    ),
    (
        "theme/playbook.js",
        include_str!("../../../../theme/playbook.js"),
    ),
    (
        "theme/search.js",
        include_str!("../../../../theme/search.js"),
    ),
    (
        "theme/learning.js",
        include_str!("../../../../theme/learning.js"),
    ),
    (
        "theme/checklist.js",
        include_str!("../../../../theme/checklist.js"),
    ),
    (
        "theme/status.js",
        include_str!("../../../../theme/status.js"),
    ),
    (
        "theme/favicon.svg",
        include_str!("../../../../theme/favicon.svg"),
    ),
];

/// HTML escaping for templates: like Tera's, but leaves `/` alone (it is safe
/// in text and attributes, and escaping it bloats every URL).
pub(super) fn escape_html(input: &str) -> String {
    playbook_content::diag::html_escape(input)
}

/// Filters the templates use beyond Tera's core set.
pub(super) fn register_filters(tera: &mut tera::Tera) {
    tera.register_filter("json_script", embed::JsonScriptFilter);
    tera.register_filter(
        "slugify",
        |v: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
            let s = tera::try_get_value!("slugify", "value", String, v);
            Ok(tera::Value::String(playbook_content::markdown::slugify(&s)))
        },
    );
    tera.register_filter(
        "truncate",
        |v: &tera::Value, args: &std::collections::HashMap<String, tera::Value>| {
            let s = tera::try_get_value!("truncate", "value", String, v);
            let n = args.get("length").and_then(|l| l.as_u64()).unwrap_or(255) as usize;
            if s.chars().count() <= n {
                return Ok(tera::Value::String(s));
            }
            let mut t: String = s.chars().take(n).collect();
            if let Some(i) = t.rfind(' ') {
                t.truncate(i);
            }
            t.push('…');
            Ok(tera::Value::String(t))
        },
    );
}

pub(super) fn error_chain(e: &tera::Error) -> String {
    use std::error::Error as _;
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    s
}

pub(super) fn template_error(e: &tera::Error, shown: &str, text: &str) -> Diagnostic {
    let chain = error_chain(e);
    // Tera's parse errors contain "--> L:C".
    let (mut line, mut col) = (1, 1);
    if let Some(i) = chain.find("--> ") {
        let rest = &chain[i + 4..];
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        line = it.next().and_then(|s| s.parse().ok()).unwrap_or(1);
        col = it.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    }
    let first = chain.lines().next().unwrap_or("").to_string();
    let detail = chain
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('=') || l.contains("expected"))
        .unwrap_or("")
        .trim()
        .trim_start_matches("= ")
        .to_string();
    Diagnostic::error(format!("template syntax error: {first} {detail}").trim().to_string())
        .at(shown, text, line, col)
        .help("fix the Tera syntax here: every {% tag %} needs its closing {% end… %}, and {{ }} must balance")
}

/// How to render: the dev server adds its live-reload script.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Extra HTML injected before `</body>` (the dev server's reload script).
    pub inject_script: Option<String>,
    /// Leave the full-text index out (`check` validates pages, and the index
    /// is most of its time while it can only fail on what pages already show).
    pub skip_full_text_index: bool,
    /// The full-text index's cache as the build hands it in (see
    /// [`crate::search::cache`]): read for the pages that did not change,
    /// then handed the new one.
    pub index_cache: Option<std::sync::Arc<crate::search::cache::IndexCacheIo>>,
    /// Markdown renderings kept between builds (see [`markdown_cache`]):
    /// the build opens it, every edition renders through it, and the build
    /// finishes it.
    pub markdown_cache: Option<std::sync::Arc<markdown_cache::MarkdownCache>>,
}

/// A page before rendering: where it goes, which template, what context.
pub struct PageJob {
    /// Output path.
    pub path: String,
    /// What links from this page to the site root start with: the path up
    /// (`../../`) for a page at `path`, the base URL for `404.html` (served
    /// at any depth).
    pub root: String,
    /// Template name.
    pub template: &'static str,
    /// Template context.
    pub ctx: tera::Context,
}

/// Depth-relative path from a page to the site root ("", "../", "../../", …).
pub fn root_for(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Render every page and machine-readable file of the site, in memory, sorted by path.
pub fn render_site(
    pb: &Playbook,
    templates: &Templates,
    opts: &RenderOptions,
) -> Result<Vec<SiteFile>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    render_site_to(pb, templates, opts, &|f| {
        files
            .lock()
            .map_err(|_| Diagnostic::error("internal: poisoned lock"))?
            .push(f);
        Ok(())
    })?;
    let mut files = files.into_inner().map_err(|_| {
        Diagnostic::internal("a render thread failed while holding the site's files")
    })?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Render the site, handing each file to `sink` as soon as it is ready (from
/// several threads), so a large site never sits in memory whole.
pub fn render_site_to(
    pb: &Playbook,
    templates: &Templates,
    opts: &RenderOptions,
    sink: &(dyn Fn(SiteFile) -> Result<(), Diagnostic> + Sync),
) -> Result<(), Diagnostics> {
    // Each render worker indexes the pages it renders; only the merge is serial.
    let index = (!opts.skip_full_text_index).then(|| {
        profile::timed("full-text index: numbering pages, facets", || {
            let c = crate::search::fulltext::Collector::new(pb);
            match &opts.index_cache {
                Some(io) => c.with_cache(io.clone()),
                None => c,
            }
        })
    });
    let site =
        pages::SiteBuilder::new(pb, templates).with_markdown_cache(opts.markdown_cache.clone());
    // The site-wide files do not depend on the pages: make them alongside,
    // and hand each to the sink at once (playbook.json alone is 44 MB at
    // 50,000 tasks; kept until the end it was part of the build's peak).
    let (results, site_wide) = rayon::join(
        || render_pages(&site, templates, opts, sink, index.as_ref()),
        || -> Result<(), Diagnostic> {
            let file = |path: &str, bytes: String| SiteFile {
                path: path.into(),
                bytes: bytes.into_bytes(),
            };
            let json = profile::timed("playbook.json", || {
                playbook_content::export::playbook_json(pb)
            })?;
            sink(file("playbook.json", json))?;
            let titles = profile::timed("search-index.js", || crate::search::title_index_js(pb));
            sink(file("search-index.js", titles))?;
            let shared = profile::timed("checklists/tasks.js", || site.shared_files());
            shared.into_iter().try_for_each(sink)
        },
    );
    site_wide.map_err(Diagnostics::from)?;
    let mut diags = Diagnostics::new();
    for d in site.internal_errors() {
        diags.push(d);
    }
    let mut pages: Vec<String> = Vec::new();
    for (p, e) in results {
        pages.extend(p);
        for d in e {
            diags.push(d);
        }
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    pages.sort_unstable();
    let mut extra = Vec::new();
    if let Some(sitemap) = pages::sitemap(pb, templates, &pages) {
        extra.push(SiteFile {
            path: "sitemap.xml".into(),
            bytes: sitemap.map_err(Diagnostics::from)?.into_bytes(),
        });
    }
    if let Some(index) = index {
        let t = std::time::Instant::now();
        let added = index.add_time();
        let hits = index.cache_hits();
        extra.extend(index.finish().map_err(Diagnostics::from)?);
        if log::log_enabled!(log::Level::Debug) {
            let total: std::time::Duration = added.iter().map(|(_, d)| *d).sum();
            let phases: Vec<String> = added
                .iter()
                .map(|(name, d)| format!("{name} {}", d.as_millis()))
                .collect();
            log::debug!(
                "  full-text index: pages {} ms (CPU, in the render workers: {}; {hits} pages from the cache), merge {} ms",
                total.as_millis(),
                phases.join(", "),
                t.elapsed().as_millis()
            );
        }
    }
    for (path, bytes) in &templates.assets {
        extra.push(SiteFile {
            path: path.clone(),
            bytes: bytes.clone(),
        });
    }
    // Thousands of files at scale (the index's bundles): write them in parallel.
    use rayon::prelude::*;
    profile::timed("writing the last files (sitemap, index, assets)", || {
        extra.into_par_iter().try_for_each(sink)
    })
    .map_err(Diagnostics::from)?;
    Ok(())
}

/// Render every unit's pages and hand them to `sink`; per unit, the page
/// paths written and the errors met.
fn render_pages(
    site: &pages::SiteBuilder<'_>,
    templates: &Templates,
    opts: &RenderOptions,
    sink: &(dyn Fn(SiteFile) -> Result<(), Diagnostic> + Sync),
    index: Option<&crate::search::fulltext::Collector>,
) -> Vec<(Vec<String>, Vec<Diagnostic>)> {
    site.each(|unit| {
        let mut paths = Vec::new();
        let mut errs = Vec::new();
        for f in render_unit(unit, templates, opts, &mut errs, index) {
            if f.path.ends_with(".html") {
                paths.push(f.path.clone());
            }
            if let Err(d) = sink(f) {
                errs.push(d);
            }
        }
        (paths, errs)
    })
}

/// Render one unit's pages (and pass its ready-made files through); a page
/// whose template fails is left out and its error pushed to `errs`. With an
/// `index`, each entity page is also indexed.
pub fn render_unit(
    unit: pages::Unit,
    templates: &Templates,
    opts: &RenderOptions,
    errs: &mut Vec<Diagnostic>,
    index: Option<&crate::search::fulltext::Collector>,
) -> Vec<SiteFile> {
    use crate::search::fulltext::{indexable, url_of};
    let mut out = Vec::with_capacity(unit.jobs.len() + unit.files.len());
    for job in unit.jobs {
        match profile::timed(job.template, || templates.render(job.template, &job.ctx)) {
            Ok(html) => {
                let mut html = match replace_root_mark(html, &job.root) {
                    Ok(h) => h,
                    Err(d) => {
                        errs.push(d);
                        continue;
                    }
                };
                if let Some(ix) = index.filter(|_| indexable(job.template)) {
                    ix.add(&url_of(&job.path), &html);
                }
                if let Some(script) = &opts.inject_script {
                    if let Some(i) = html.rfind("</body>") {
                        html.insert_str(i, script);
                    }
                }
                out.push(SiteFile {
                    path: job.path,
                    bytes: html.into_bytes(),
                });
            }
            Err(d) => errs.push(d),
        }
    }
    out.extend(unit.files);
    out
}

/// Time spent in each template, summed over threads, when the logger
/// shows debug messages (`PLAYBOOK_PROFILE=1`); the command prints
/// [`profile::report`] at the end of a build.
pub mod profile {
    use std::collections::BTreeMap;
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    static TOTALS: Mutex<BTreeMap<&'static str, Duration>> = Mutex::new(BTreeMap::new());

    fn on() -> bool {
        static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *ON.get_or_init(|| log::log_enabled!(log::Level::Debug))
    }

    /// A start time when profiling.
    pub fn start() -> Option<Instant> {
        on().then(Instant::now)
    }

    /// Add the time since `started` to `what`.
    pub fn add(what: &'static str, started: Option<Instant>) {
        if let (Some(t), Ok(mut m)) = (started, TOTALS.lock()) {
            *m.entry(what).or_default() += t.elapsed();
        }
    }

    /// Run `f`, adding its time to `what`.
    pub fn timed<T>(what: &'static str, f: impl FnOnce() -> T) -> T {
        let started = start();
        let r = f();
        add(what, started);
        r
    }

    /// The totals, largest first (empty unless profiling).
    pub fn report() -> Vec<(&'static str, Duration)> {
        let mut v: Vec<_> = TOTALS
            .lock()
            .map(|m| m.iter().map(|(k, v)| (*k, *v)).collect())
            .unwrap_or_default();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        v
    }
}

/// Replace [`ROOT_MARK`] with the page's relative root (an empty root becomes `./`).
pub fn replace_root_mark(html: String, root: &str) -> Result<String, Diagnostic> {
    if !html.contains(ROOT_MARK) {
        return Ok(html);
    }
    let r = if root.is_empty() { "./" } else { root };
    if r.len() != ROOT_MARK.len_utf8() {
        return Ok(html.replace(ROOT_MARK, r));
    }
    // Same length ("../", a page one folder deep, such as the 35 MB
    // printable edition of a large playbook): replace in place, no copy.
    let at: Vec<usize> = html.match_indices(ROOT_MARK).map(|(i, _)| i).collect();
    let mut bytes = html.into_bytes();
    for i in at {
        bytes[i..i + r.len()].copy_from_slice(r.as_bytes());
    }
    // A 3-byte character became 3 ASCII bytes: still UTF-8.
    String::from_utf8(bytes).map_err(|_| {
        Diagnostic::internal("a page was no longer UTF-8 after its links were made relative")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_mark_becomes_the_path_to_the_root_at_any_depth() {
        let page = format!("<a href=\"{ROOT_MARK}x/\">x</a> <a href=\"{ROOT_MARK}\">home</a> é");
        assert_eq!(
            replace_root_mark(page.clone(), "").unwrap(),
            "<a href=\"./x/\">x</a> <a href=\"./\">home</a> é"
        );
        assert_eq!(
            replace_root_mark(page.clone(), "../").unwrap(),
            "<a href=\"../x/\">x</a> <a href=\"../\">home</a> é"
        );
        assert_eq!(
            replace_root_mark(page, "../../").unwrap(),
            "<a href=\"../../x/\">x</a> <a href=\"../../\">home</a> é"
        );
        assert_eq!(
            replace_root_mark("no marks".into(), "../").unwrap(),
            "no marks"
        );
    }

    #[test]
    fn a_broken_invariant_fails_the_build_with_an_internal_error_instead_of_an_emptied_page() {
        let root = &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut pb = playbook_plan::load_playbook(root).unwrap();
        let t = pb
            .tasks
            .position(|t| t.market.is_some())
            .expect("the real playbook has market tasks");
        pb.tasks[t].market = None; // what resolve guarantees never happens
        let templates = Templates::load(root).unwrap();
        let opts = RenderOptions {
            skip_full_text_index: true,
            ..Default::default()
        };
        let err = render_site(&pb, &templates, &opts).unwrap_err();
        let text = err.render_text();
        assert!(text.contains("internal error: market task"), "{text}");
        assert!(text.contains("bug in Playbook"), "{text}");
    }
}

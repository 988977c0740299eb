//! Playbook: a static site generator for an operations playbook.
//!
//! The pipeline (each stage callable from a test):
//!
//! ```text
//! book.toml ─► config::Config::load
//! content/  ─► load::load_content      (YAML/Markdown → raw model, with places)
//!           ─► resolve::resolve        (ids, references, backlinks, rules → Playbook)
//!           ─► render::render_site_to  (Markdown + Tera, in parallel, each file to a sink)
//!           ─► output::Staging         (files stream into a staging folder → atomic swap into book/)
//! checklist: Playbook + market ─► checklist::Checklists ─► checklist_format::FORMATS (md / csv / json / ics / html / pdf)
//! schema:    model::raw + config types, content/ ─► schema ─► JSON Schemas + editor settings
//! ```
//!
//! [`load_playbook`] runs the first three; [`build`] runs them all.

pub mod calendar;
pub mod checklist;
pub mod checklist_format;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diag;
mod export;
mod highlight;
pub mod i18n;
pub mod language;
mod link_check;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod page_kinds;
pub mod progress_file;
pub mod provenance;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod scaffold;
pub mod schedule;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site_file;
pub mod skeleton;
pub mod status;
pub mod yaml;

use diag::Diagnostics;
use model::Playbook;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Read `book.toml` and `content/` under `root` and resolve them.
pub fn load_playbook(root: &Path) -> Result<Playbook, Diagnostics> {
    load_playbook_with(root, None)
}

/// What `serve` keeps between rebuilds so a save redoes only the work its
/// changed text needs: parsed files ([`load::ParseCache`]) and the
/// references found in each Markdown text ([`resolve::RefScanCache`]). Both
/// are keyed by the exact text, so a rebuild through them gives the same
/// playbook as one without.
#[derive(Default)]
pub struct PipelineCache {
    /// Parsed YAML files and front matter, by path, type and text.
    pub parsed: load::ParseCache,
    /// `[[kind:id]]` references, by Markdown text.
    pub refs: resolve::RefScanCache,
}

/// [`load_playbook`], re-parsing only the files whose text is not in `cache`
/// and re-scanning only new Markdown texts (what `serve` does between saves).
pub fn load_playbook_with(
    root: &Path,
    cache: Option<&PipelineCache>,
) -> Result<Playbook, Diagnostics> {
    load_playbook_on(root, cache, jiff::Zoned::now().date())
}

/// [`load_playbook_with`], judging dates against `today` instead of the
/// clock (`playbook check --as-of`, and tests).
pub fn load_playbook_on(
    root: &Path,
    cache: Option<&PipelineCache>,
    today: jiff::civil::Date,
) -> Result<Playbook, Diagnostics> {
    let config = config::Config::load(root).map_err(Diagnostics::from)?;
    let (raw, load_diags) = load::load_content_with(root, cache.map(|c| &c.parsed));
    if load_diags.has_errors() {
        let mut d = load_diags;
        d.sort();
        return Err(d);
    }
    let mut pb = resolve::resolve_with(config, raw, cache.map(|c| &c.refs), today)?;
    let (mut translations, mut i18n_diags) = i18n::load(root);
    let (checked, coverage) = i18n::check(&translations, &pb);
    i18n_diags.extend(checked);
    if i18n_diags.has_errors() {
        i18n_diags.sort();
        return Err(i18n_diags);
    }
    translations.coverage = coverage;
    pb.translations = translations;
    // What Rust writes in words (page titles, phase windows, checklists)
    // in the playbook's own language when it is not English (the
    // templates' table reports its own diagnostics).
    if pb.config.book.language != "en" {
        let (words, _) = language::strings::UiStrings::load(&pb.config.book.language, Some(root));
        pb.edition.words = Some(words);
    }
    pb.warnings.extend(i18n_diags.0);
    let mut w = load_diags.0;
    w.append(&mut pb.warnings);
    pb.warnings = w;
    Ok(pb)
}

/// Options for [`build`].
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder (default: `build-dir` from book.toml, relative to root).
    pub dest: Option<PathBuf>,
    /// Override the base URL.
    pub base_url: Option<String>,
    /// Leave the full-text index out (for measuring what it costs:
    /// `PLAYBOOK_NO_FULLTEXT=1 playbook build`).
    pub skip_full_text_index: bool,
    /// Do not use the full-text index's cache in the playbook's cache
    /// folder (`PLAYBOOK_NO_INDEX_CACHE=1`; for measuring a build without it).
    pub no_index_cache: bool,
    /// Do not use the Markdown cache (`PLAYBOOK_NO_CACHE=1`, which turns
    /// off both caches: a cold build, for measuring).
    pub no_markdown_cache: bool,
    /// Replace an output folder that holds files Playbook did not write
    /// (`--force`): its files are deleted. The playbook's own folders are
    /// refused even so.
    pub force: bool,
}

/// What a build did, for the terminal and the benchmark.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Where the site was written.
    pub dest: PathBuf,
    /// Number of HTML pages.
    pub pages: usize,
    /// Number of files.
    pub files: usize,
    /// Total bytes written.
    pub bytes: usize,
    /// Warnings (the build succeeded).
    pub warnings: Diagnostics,
    /// `sitemap.xml` was written (the playbook gives the site's host).
    pub sitemap: bool,
    /// Time per stage.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Load, resolve, render and write the site; the previous site stays intact on failure.
pub fn build(root: &Path, opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let t0 = Instant::now();
    // git's answers (provenance) come in while the playbook loads.
    let (pb, git) = std::thread::scope(|s| {
        let git = s.spawn(|| provenance::read_git(root));
        (load_playbook(root), git.join().unwrap_or_default())
    });
    let mut pb = pb?;
    if let Some(b) = &opts.base_url {
        pb.config.build.base_url = config::normalize_base_url(b);
    }
    pb.provenance = provenance::from_git(git, &pb.config);
    let t1 = Instant::now();
    let templates = render::Templates::load(root)?;
    pb.warnings.extend(templates.warnings.iter().cloned());
    let dest = opts
        .dest
        .clone()
        .unwrap_or_else(|| root.join(&pb.config.build.build_dir));
    // Where the site may go is decided before anything is written.
    let checked = output::destination::check(root, &dest, opts.force).map_err(Diagnostics::from)?;
    // Files stream into a staging folder as they are rendered; the swap into
    // `dest` happens only when every page rendered.
    let staging = output::Staging::new(root, checked).map_err(Diagnostics::from)?;
    let counts = std::sync::Mutex::new((0usize, 0usize, 0usize));
    if !pb.config.book.languages.is_empty() {
        pb.edition = i18n::apply::source_edition(&pb);
    }
    // Markdown renderings of the last build, for every edition of this one.
    let markdown_cache = if opts.no_markdown_cache {
        None
    } else {
        output::markdown_cache::open(root).map(std::sync::Arc::new)
    };
    let render_opts = render::RenderOptions {
        skip_full_text_index: opts.skip_full_text_index,
        index_cache: if opts.no_index_cache {
            None
        } else {
            output::index_cache::open(root).map(std::sync::Arc::new)
        },
        markdown_cache: markdown_cache.clone(),
        ..Default::default()
    };
    let source_site = || -> Result<(), Diagnostics> {
        render::render_site_to(&pb, &templates, &render_opts, &|f| {
            if let Ok(mut c) = counts.lock() {
                c.0 += usize::from(f.path.ends_with(".html"));
                c.1 += 1;
                c.2 += f.bytes.len();
            }
            staging.write(&f)
        })
    };
    // Each language of `[book] languages` is an edition under `<lang>/`:
    // the same pages, its translations laid over the texts, its own words,
    // search index and `<html lang>`.
    let edition_site = |lang: &str| -> Result<(), Diagnostics> {
        let started = Instant::now();
        let speaking = templates.in_language(lang, root)?;
        let words = language::strings::UiStrings::load(lang, Some(root)).0;
        let edition = i18n::apply::edition_with_words(&pb, lang, &pb.translations, words);
        log::debug!(
            "  edition {lang}: templates and translations {} ms",
            started.elapsed().as_millis()
        );
        let opts = render::RenderOptions {
            skip_full_text_index: opts.skip_full_text_index,
            index_cache: if opts.no_index_cache {
                None
            } else {
                output::index_cache::open_edition(root, lang).map(std::sync::Arc::new)
            },
            markdown_cache: markdown_cache.clone(),
            ..Default::default()
        };
        render::render_site_to(&edition, &speaking, &opts, &|mut f| {
            if f.path == "404.html" {
                // Servers answer every missing path with the root's 404 page.
                return Ok(());
            }
            f.path = format!("{lang}/{}", f.path);
            if let Ok(mut c) = counts.lock() {
                c.0 += usize::from(f.path.ends_with(".html"));
                c.1 += 1;
                c.2 += f.bytes.len();
            }
            staging.write(&f)
        })
    };
    // The editions render alongside the source language's site (each
    // render is parallel inside, but has serial stretches: the index's
    // merge, the site-wide files), so the cores stay busy.
    let sites: Vec<Option<&String>> = std::iter::once(None)
        .chain(pb.config.book.languages.iter().map(Some))
        .collect();
    let rendered: Vec<Result<(), Diagnostics>> = {
        use rayon::prelude::*;
        sites
            .into_par_iter()
            .map(|lang| match lang {
                None => source_site(),
                Some(lang) => edition_site(lang),
            })
            .collect()
    };
    // A write that failed (a full disk) failed every page after it: report it once.
    if let Some(first) = staging.first_failure() {
        return Err(Diagnostics::from(first));
    }
    // The source language's errors first, then each edition's.
    for r in rendered {
        r?;
    }
    if let Some(cache) = &markdown_cache {
        let used = cache.finish();
        log::debug!(
            "  Markdown: {} texts from the cache, {} rendered",
            used.hits,
            used.misses
        );
    }
    let t2 = Instant::now();
    staging.commit().map_err(Diagnostics::from)?;
    let t3 = Instant::now();
    let (pages, files, bytes) = counts.into_inner().unwrap_or_default();
    let warnings = Diagnostics(std::mem::take(&mut pb.warnings));
    let sitemap = pb.config.build.sitemap_base().is_some();
    // Freeing a big playbook takes tens of ms; the caller need not wait
    // (the command exits, or a test goes on while a thread frees it).
    let _ = std::thread::Builder::new()
        .name("free-playbook".into())
        .spawn(move || drop(pb));
    Ok(BuildReport {
        dest,
        pages,
        files,
        bytes,
        warnings,
        sitemap,
        timings: vec![
            ("load+resolve", t1 - t0),
            ("render+write", t2 - t1),
            ("swap", t3 - t2),
        ],
    })
}

//! `playbook build`: load, resolve, render and write the site, each
//! edition beside the source language's; the previous site stays intact on
//! failure.

use playbook_content::diag::Diagnostics;
use playbook_content::{config, i18n, language, provenance};
use playbook_plan::load_playbook;
use playbook_site::render;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Options for [`build`].
#[derive(Debug, Clone, Default)]
pub(crate) struct BuildOptions {
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
pub(crate) struct BuildReport {
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
pub(crate) fn build(root: &Path, opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
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
    let checked =
        playbook_output::destination::check(root, &dest, opts.force).map_err(Diagnostics::from)?;
    // Files stream into a staging folder as they are rendered; the swap into
    // `dest` happens only when every page rendered.
    let staging = playbook_output::Staging::new(root, checked).map_err(Diagnostics::from)?;
    let counts = std::sync::Mutex::new((0usize, 0usize, 0usize));
    if !pb.config.book.languages.is_empty() {
        pb.edition = i18n::apply::source_edition(&pb);
    }
    // Markdown renderings of the last build, for every edition of this one.
    let markdown_cache = if opts.no_markdown_cache {
        None
    } else {
        playbook_output::markdown_cache::open(root).map(std::sync::Arc::new)
    };
    let render_opts = render::RenderOptions {
        skip_full_text_index: opts.skip_full_text_index,
        index_cache: if opts.no_index_cache {
            None
        } else {
            playbook_output::index_cache::open(root).map(std::sync::Arc::new)
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
                playbook_output::index_cache::open_edition(root, lang).map(std::sync::Arc::new)
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

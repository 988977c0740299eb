//! The rebuild policy, in one place: what a change makes us redo.
//!
//! | change     | redo                                             |
//! |------------|--------------------------------------------------|
//! | content    | load + resolve + render with cached templates    |
//! | templates  | reload templates, then as content                |
//! | theme      | reload templates and assets, then as content     |
//! | book.toml  | everything                                       |
//!
//! A rebuild loads and resolves the whole playbook (so every content error is
//! found at once), then hands it to a renderer thread of its own: pages are
//! rendered with the same units and templates as `playbook build`, each when
//! it is first asked for, and kept until the next rebuild. A save is thus
//! served as soon as the playbook resolves, whatever the number of pages
//! (measured: see bench/README.md); a page never mixes two generations.

use super::watch::ChangeKind;
use super::{reload_script, Site};
use playbook_content::diag::Diagnostics;
use playbook_content::site_file::SiteFile;
use playbook_site::render::on_demand::{OnDemand, Rendered};
use playbook_site::render::{RenderOptions, Templates};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A renderer frees replaced generations after this long without a request
/// (the page a reload asks for, and its assets, come within it).
const FREE_WHEN_IDLE_FOR: std::time::Duration = std::time::Duration::from_millis(150);

/// Holds what survives between rebuilds (the compiled templates).
pub struct Rebuilder {
    root: PathBuf,
    templates: Option<Arc<Templates>>,
    /// Parsed files and scanned references of the last rebuild: a save
    /// re-parses and re-scans only what changed.
    cache: playbook_content::PipelineCache,
    /// The current site was built from the sources of the last load (the
    /// last rebuild succeeded).
    built_from: Option<()>,
    /// Playbooks of replaced generations, freed by the current renderer when idle.
    retired: Arc<std::sync::Mutex<Vec<playbook_content::model::Playbook>>>,
    /// Version and last changes from git: read on the first rebuild and
    /// after a change other than content (book.toml may name a version),
    /// not on every save (a commit shows after a restart).
    provenance: Option<playbook_content::provenance::Provenance>,
}

/// A request to a generation's renderer thread: the files that make `path`
/// (and whether the whole site had to be rendered for it).
pub struct RenderRequest {
    /// Site path, e.g. `markets/de/index.html`.
    pub path: String,
    /// Where the answer goes.
    pub reply: std::sync::mpsc::SyncSender<Result<(Vec<SiteFile>, bool), Diagnostics>>,
}

impl std::fmt::Debug for RenderRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenderRequest")
            .field("path", &self.path)
            .finish()
    }
}

impl Rebuilder {
    /// A rebuilder for the playbook at `root`.
    pub fn new(root: &Path) -> Self {
        Rebuilder {
            root: root.to_path_buf(),
            templates: None,
            cache: Default::default(),
            built_from: None,
            retired: Default::default(),
            provenance: None,
        }
    }

    /// Rebuild after `changes`; the site's pages carry `generation`.
    /// `Ok(None)`: the content is byte for byte what the current site was
    /// built from (a save without edits, or one burst seen twice): nothing
    /// to reload.
    pub fn rebuild(
        &mut self,
        changes: &[ChangeKind],
        generation: u64,
    ) -> Result<Option<Site>, Diagnostics> {
        let content_only = changes.iter().all(|c| *c == ChangeKind::Content);
        // Set again only when this rebuild succeeds: after a failed one, the
        // same text as the last good site must be published (it clears the error).
        let previous = self.built_from.take();
        if self.templates.is_none() || !content_only {
            self.templates = None;
            self.templates = Some(Arc::new(Templates::load(&self.root)?));
        }
        let t0 = std::time::Instant::now();
        let mut pb = playbook_plan::load_playbook_with(&self.root, Some(&self.cache))?;
        let t_load = t0.elapsed();
        // The load read the files and texts of the one before: when that one
        // is the site being served, there is nothing to reload.
        if content_only && previous.is_some() && self.cache.parsed.unchanged() {
            self.built_from = previous;
            return Ok(None);
        }
        // Links are relative; the 404 page and sitemap use the base URL, which is "/" when serving.
        pb.config.build.base_url = "/".into();
        if self.provenance.is_none() || !content_only {
            self.provenance = Some(playbook_content::provenance::read(&self.root, &pb.config));
        }
        pb.provenance = self.provenance.clone().unwrap_or_default();
        let Some(templates) = self.templates.clone() else {
            return Err(Diagnostics::new());
        };
        // The language editions, served under `<lang>/` as `build` writes them.
        let mut editions = Vec::new();
        if !pb.config.book.languages.is_empty() {
            pb.edition = playbook_content::i18n::apply::source_edition(&pb);
            for lang in pb.config.book.languages.clone() {
                let speaking = templates.in_language(&lang, &self.root)?;
                let words =
                    playbook_content::language::strings::UiStrings::load(&lang, Some(&self.root)).0;
                let edition = playbook_content::i18n::apply::edition_with_words(
                    &pb,
                    &lang,
                    &pb.translations,
                    words,
                );
                editions.push((format!("{lang}/"), edition, speaking));
            }
        }
        // The whole site (with its search index) is rendered only when a
        // search or a site-wide file is asked for. `serve` writes nothing to
        // disk, so it keeps no index cache there.
        let opts = RenderOptions {
            inject_script: Some(reload_script(generation)),
            ..Default::default()
        };
        let (tx, rx) = std::sync::mpsc::channel::<RenderRequest>();
        let retired = self.retired.clone();
        let (ready_tx, ready) = std::sync::mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name(format!("render-{generation}"))
            .spawn(move || {
                let profile = log::log_enabled!(log::Level::Debug);
                let t = std::time::Instant::now();
                let od = OnDemand::new(&pb, &templates, &opts);
                let eds: Vec<(&str, OnDemand<'_>)> = editions
                    .iter()
                    .map(|(prefix, epb, et)| (prefix.as_str(), OnDemand::new(epb, et, &opts)))
                    .collect();
                let _ = ready_tx
                    .send(od.page_count() + eds.iter().map(|(_, e)| e.page_count()).sum::<usize>());
                if profile {
                    log::debug!("  site index {} ms", t.elapsed().as_millis());
                }
                // Ends when the generation's site is dropped (its sender goes).
                loop {
                    use std::sync::mpsc::RecvTimeoutError;
                    let req = match rx.recv_timeout(FREE_WHEN_IDLE_FOR) {
                        Ok(r) => r,
                        Err(RecvTimeoutError::Timeout) => {
                            // Idle: a good time to free replaced generations.
                            let old = std::mem::take(
                                &mut *retired.lock().unwrap_or_else(|e| e.into_inner()),
                            );
                            drop(old);
                            match rx.recv() {
                                Ok(r) => r,
                                Err(_) => break,
                            }
                        }
                        Err(RecvTimeoutError::Disconnected) => break,
                    };
                    let t = std::time::Instant::now();
                    // A path under `<lang>/` is the edition's; the whole
                    // site, when needed, is every edition's.
                    let (prefix, which) = eds
                        .iter()
                        .find(|(p, _)| req.path.trim_start_matches('/').starts_with(p))
                        .map(|(p, e)| (*p, e))
                        .unwrap_or(("", &od));
                    let inner = req.path.trim_start_matches('/')[prefix.len()..].to_string();
                    let prefixed = |files: Vec<playbook_content::site_file::SiteFile>, p: &str| {
                        files
                            .into_iter()
                            .map(|mut f| {
                                f.path = format!("{p}{}", f.path);
                                f
                            })
                            .collect::<Vec<_>>()
                    };
                    let answer = match which.render(&inner) {
                        Ok(Rendered::Files(files)) => Ok((prefixed(files, prefix), false)),
                        Ok(Rendered::NeedsWholeSite) => {
                            let mut all = od.render_all();
                            for (p, e) in &eds {
                                all = all.and_then(|mut a| {
                                    let more = e.render_all()?;
                                    a.extend(
                                        prefixed(more, p)
                                            .into_iter()
                                            .filter(|f| f.path != format!("{p}404.html")),
                                    );
                                    Ok(a)
                                });
                            }
                            all.map(|f| (f, true))
                        }
                        Err(d) => Err(d),
                    };
                    if profile {
                        log::debug!("  rendered {} in {} ms", req.path, t.elapsed().as_millis());
                    }
                    let _ = req.reply.send(answer);
                }
                // The next generation is live. Freeing this one (a big
                // playbook is millions of allocations, tens of ms of CPU)
                // is left to the next renderer once it is idle, so it does
                // not compete with the new site's first pages for the cores.
                drop(eds);
                drop(od);
                drop(editions);
                retired.lock().unwrap_or_else(|e| e.into_inner()).push(pb);
            })
            .map_err(|e| {
                Diagnostics::from(playbook_content::diag::Diagnostic::error(format!(
                    "cannot start a renderer thread: {e}"
                )))
            })?;
        if log::log_enabled!(log::Level::Debug) {
            log::debug!("  load+resolve {} ms", t_load.as_millis());
        }
        self.built_from = Some(());
        // Published at once: requests wait in the channel while the renderer
        // thread prepares the site's units.
        Ok(Some(Site::on_demand(tx, ready)))
    }
}

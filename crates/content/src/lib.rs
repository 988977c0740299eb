//! The playbook's content model and how it is read: `book.toml`, the YAML
//! and Markdown of `content/` with the place of every value, the resolver
//! that turns them into a [`model::Playbook`] (ids, references, backlinks,
//! rules), translations, the page table and the JSON Schemas.
//!
//! ```text
//! book.toml ─► config::Config::load
//! content/  ─► load::load_content   (YAML/Markdown → raw model, with places)
//!           ─► resolve::resolve_with (ids, references, backlinks, rules → Playbook)
//!           ─► i18n::load + check    (translations laid beside it)
//! ```
//!
//! [`load`] runs them all. The schedule's warnings need the scheduler,
//! which lives with the checklists (`playbook-plan`): `load` takes it as a
//! function, and `playbook_plan::load_playbook` passes it.

pub mod config;
pub mod diag;
pub mod export;
mod highlight;
pub mod i18n;
pub mod language;
pub mod load;
pub mod markdown;
pub mod model;
pub mod page_kinds;
pub mod progress_file;
pub mod provenance;
pub mod resolve;
pub mod rules;
pub mod schedule;
pub mod schema;
pub mod site_file;
pub mod yaml;

use diag::Diagnostics;
use model::Playbook;
use std::path::Path;

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

/// Read `book.toml` and `content/` under `root`, resolve them and lay the
/// translations beside them, judging dates against `today`; re-parse only
/// the files whose text is not in `cache`. `scheduler` finds where the
/// schedule passes a phase or a deadline (resolve places the warnings);
/// `None` leaves those checks out.
pub fn load(
    root: &Path,
    cache: Option<&PipelineCache>,
    today: jiff::civil::Date,
    scheduler: Option<resolve::Scheduler>,
) -> Result<Playbook, Diagnostics> {
    let config = config::Config::load(root).map_err(Diagnostics::from)?;
    let t = std::time::Instant::now();
    let (raw, load_diags) = load::load_content_with(root, cache.map(|c| &c.parsed));
    log::debug!("load: reading and parsing {} ms", t.elapsed().as_millis());
    if load_diags.has_errors() {
        let mut d = load_diags;
        d.sort();
        return Err(d);
    }
    let mut pb = resolve::resolve_with(config, raw, cache.map(|c| &c.refs), today, scheduler)?;
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

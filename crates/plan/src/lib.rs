//! The launch plan: which tasks apply in each market and when they are due
//! ([`checklist`], over `playbook_content::schedule`), the calendars
//! ([`calendar`]), where each market stands ([`status`]) and the checklist
//! formats ([`checklist_format`]: md, csv, json, ics, html, pdf).
//!
//! It also gives the checked playbook every command starts from
//! ([`load_playbook`]): the content crate's pipeline with this crate's
//! schedule checks.

pub mod calendar;
pub mod checklist;
pub mod checklist_format;
pub mod status;

use playbook_content::diag::Diagnostics;
use playbook_content::model::Playbook;
use playbook_content::PipelineCache;
use std::path::Path;

/// Read `book.toml` and `content/` under `root` and resolve them.
pub fn load_playbook(root: &Path) -> Result<Playbook, Diagnostics> {
    load_playbook_with(root, None)
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
    playbook_content::load(root, cache, today, Some(checklist::schedule_misses))
}

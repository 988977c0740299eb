//! What `checklist.html` receives, shared by a market's checklist page
//! (`markets.rs`) and the company program's (`company.rs`), and the link to
//! the company program's page that both, and the markets index, show.

use super::*;
use crate::render::checklist_sheet::{SheetSection, SheetSummary};
use jiff::civil::Date;

/// Where the company program's checklist is, for the pages that link it.
#[derive(Serialize)]
pub(super) struct CompanyLink<'a> {
    /// The program's name ("Company program").
    pub(super) name: &'a str,
    /// Its kickoff.
    pub(super) kickoff: jiff::civil::Date,
    /// Site-relative URL of its checklist page.
    pub(super) url: &'static str,
}

/// The site-relative URL of the company program's checklist page, from
/// the page table.
pub(super) fn company_url() -> &'static str {
    playbook_content::page_kinds::info(playbook_content::page_kinds::PageKind::CompanyChecklist)
        .url_pattern
}

/// The link to the company program's page; none when the playbook has no
/// `[company]` program.
pub(super) fn company_link(pb: &Playbook) -> Option<CompanyLink<'_>> {
    pb.config.company.as_ref().map(|c| CompanyLink {
        name: c.name(),
        kickoff: c.kickoff,
        url: company_url(),
    })
}

/// The checklist's market (or the company program).
#[derive(Serialize)]
pub(super) struct ChecklistMarket<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) kickoff: Date,
    /// Who leads the launch.
    pub(super) lead: Option<String>,
    /// Number of tasks.
    pub(super) tasks: usize,
    /// True when the rows are assembled in the browser.
    pub(super) dynamic: bool,
    /// Relative links to the downloads.
    pub(super) csv: String,
    pub(super) md: String,
    /// The calendar (absent when the checklist is assembled in the browser).
    pub(super) ics: Option<String>,
    /// The market page's URL (the markets index for the company program).
    pub(super) url: String,
    /// What the link to `url` says ("Market page").
    pub(super) url_label: String,
}

/// `checklist.html`'s own fields.
#[derive(Serialize)]
pub(super) struct ChecklistPage<'a> {
    pub(super) market: ChecklistMarket<'a>,
    /// The rows by month of due date, or by phase, step and activity in
    /// plan order (`checklist_macros.html::rows`).
    pub(super) phases: Vec<SheetSection<'a>>,
    /// The schedule's end and critical path, and what the market leaves off.
    pub(super) summary: SheetSummary<'a>,
    /// The company work this market's phases wait for (none on the company's own).
    pub(super) prereqs: Vec<checklist::Prerequisite<'a>>,
    /// The company program's checklist page, when the playbook has one.
    pub(super) company: Option<CompanyLink<'a>>,
}

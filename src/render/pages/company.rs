//! The company program's checklist page (`company/`): the work done once
//! for the company (`scope: company`), dated from `[company] kickoff`, with
//! its downloads (`company/checklist-company.{csv,md,ics}`). It uses the
//! markets' checklist template; the markets index and every market's
//! checklist page link it.

use super::markets::{ChecklistMarket, ChecklistPage};
use super::*;
use crate::checklist::{Program, COMPANY_ID};
use crate::render::checklist_sheet;

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

/// The site-relative URL of the company program's checklist page.
pub(super) const COMPANY_URL: &str = "company/";

/// The link to the company program's page; none when the playbook has no
/// `[company]` program.
pub(super) fn link(pb: &Playbook) -> Option<CompanyLink<'_>> {
    pb.config.company.as_ref().map(|c| CompanyLink {
        name: c.name(),
        kickoff: c.kickoff,
        url: COMPANY_URL,
    })
}

/// The files beside the company page, by path (for `serve`).
pub(super) fn download_paths() -> Vec<String> {
    ["csv", "md", "ics"]
        .iter()
        .map(|ext| format!("{COMPANY_URL}checklist-{COMPANY_ID}.{ext}"))
        .collect()
}

impl Builder<'_> {
    /// The company program's checklist page and its downloads.
    pub(super) fn company_checklist(&self) -> (PageJob, Vec<SiteFile>) {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::CompanyChecklist,
            idx: 0,
        };
        let head = Program::Company.head(pb);
        let rows = checklist::rows(pb, &self.windows, Program::Company);
        let mut base = self.page_base(page, format!("{} checklist", head.name));
        base.crumbs = vec![self.crumb("markets/", "Markets")];
        base.description = format!(
            "The work done once for the company: {} tasks from kickoff {}",
            rows.len(),
            head.kickoff
        );
        let own = ChecklistPage {
            market: ChecklistMarket {
                id: COMPANY_ID,
                name: head.name,
                kickoff: head.kickoff,
                lead: None,
                tasks: rows.len(),
                dynamic: false,
                csv: format!("checklist-{COMPANY_ID}.csv"),
                md: format!("checklist-{COMPANY_ID}.md"),
                ics: Some(format!("checklist-{COMPANY_ID}.ics")),
                url: "markets/".into(),
                url_label: "Markets",
            },
            phases: checklist_sheet::sheet(pb, Program::Company, &rows),
            prereqs: Vec::new(),
            company: None,
        };
        let file = |ext: &str, bytes: String| SiteFile {
            path: format!("{COMPANY_URL}checklist-{COMPANY_ID}.{ext}"),
            bytes: bytes.into_bytes(),
        };
        let files = vec![
            file("csv", checklist::to_csv(pb, Program::Company, &rows)),
            file("md", checklist::to_markdown(pb, Program::Company, &rows)),
            file("ics", crate::calendar::to_ics(pb, Program::Company, &rows)),
        ];
        (self.job(page, base, own), files)
    }
}

//! The company program's checklist page (`company/`): the work done once
//! for the company (`scope: company`), dated from `[company] kickoff`, with
//! its downloads (`company/checklist-company.{csv,md,ics}`). It uses the
//! markets' checklist template; the markets index and every market's
//! checklist page link it.

use super::checklist_page::{ChecklistMarket, ChecklistPage};
use super::*;
use crate::render::checklist_sheet;
use playbook_plan::checklist::{Program, COMPANY_ID};
use playbook_plan::checklist_format::{file_name, Format};

/// The files beside the company page, by path (for `serve`).
pub(super) fn download_paths() -> Vec<String> {
    playbook_plan::checklist_format::site_download_paths(
        COMPANY_ID,
        super::checklist_page::company_url(),
    )
}

impl Builder<'_> {
    /// The company program's checklist page and its downloads.
    pub(super) fn company_checklist(&self) -> (PageJob, Vec<SiteFile>) {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::CompanyChecklist,
            idx: 0,
        };
        let markets = Page {
            kind: PageKind::MarketsIndex,
            idx: 0,
        };
        let head = Program::Company.head(pb);
        let list = self
            .lists
            .checklist(Program::Company, checklist::Order::Date);
        let rows = &list.rows;
        let mut base = self.page_base(page);
        base.description = self.checklist_description(&base.title, rows.len(), head.kickoff);
        let own = ChecklistPage {
            market: ChecklistMarket {
                id: COMPANY_ID,
                name: head.name,
                kickoff: head.kickoff,
                lead: crate::render::checklist_sheet::company_lead(pb),
                tasks: rows.len(),
                dynamic: false,
                csv: file_name(COMPANY_ID, Format::Csv),
                md: file_name(COMPANY_ID, Format::Md),
                ics: Some(file_name(COMPANY_ID, Format::Ics)),
                url: page_kinds::url(pb, markets),
                url_label: page_kinds::title(pb, markets),
            },
            phases: checklist_sheet::sheet(pb, &list),
            summary: checklist_sheet::summary(pb, &list),
            prereqs: Vec::new(),
            company: None,
        };
        let files =
            playbook_plan::checklist_format::site_downloads(pb, &list, &page_kinds::url(pb, page));
        (self.job(page, base, own), files)
    }
}

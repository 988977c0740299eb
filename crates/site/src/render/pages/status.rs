//! `/status/`: where every launch stands. The facts that do not depend on
//! the day (done / total, open tasks by due date) are written at build
//! time; `theme/status.js` works out overdue, next due and the state for
//! the reader's today, the same way `playbook status` does.
use super::*;
use playbook_plan::status::{self, StatusData};

/// A launch as the status table shows it without JavaScript.
#[derive(Serialize)]
struct StatusRow<'a> {
    /// What the script reads (open tasks by due date, …).
    #[serde(flatten)]
    data: StatusData<'a>,
    /// Percentage recorded as done.
    percent: usize,
    /// The first due date with open tasks.
    first_due: Option<jiff::civil::Date>,
    /// The last due date with open tasks.
    last_due: Option<jiff::civil::Date>,
}

/// `status.html`'s own fields.
#[derive(Serialize)]
struct StatusPage<'a> {
    launches: Vec<StatusRow<'a>>,
    /// Open tasks due per month and market.
    heat: svg::HeatTable,
    /// The launches' data for `theme/status.js`, as JSON.
    data_json: String,
    /// Days ahead that count as "due soon" (at risk).
    soon_days: i64,
}

impl<'a> Builder<'a> {
    /// Where every launch stands, as the status page and the home page's
    /// summary need it (worked out once per build), in kickoff order.
    pub(super) fn status_data(&self) -> &Vec<status::StatusData<'a>> {
        self.status.get_or_init(|| {
            let pb = self.pb;
            let company_url = page_kinds::url(
                pb,
                Page {
                    kind: PageKind::CompanyChecklist,
                    idx: 0,
                },
            );
            let mut data = status::site_data(&self.lists, company_url, |m| {
                format!("{}checklist/", pb.url(EntityRef::from(m)))
            });
            data.sort_by(|a, b| a.kickoff.cmp(&b.kickoff).then(a.id.cmp(b.id)));
            data
        })
    }

    pub(super) fn status_page(&self) -> PageJob {
        let page = Page {
            kind: PageKind::Status,
            idx: 0,
        };
        let mut base = self.page_base(page);
        base.description =
            "Where each market's launch stands: done, overdue, next due, on track or late.".into();
        let data = self.status_data().clone();
        // Months from the first kickoff to the last due date.
        let months: std::collections::BTreeSet<(i16, i8)> = data
            .iter()
            .flat_map(|d| {
                std::iter::once(d.kickoff)
                    .chain(d.open.iter().map(|(due, _)| *due))
                    .map(|x| (x.year(), x.month()))
            })
            .collect();
        let (first, last) = (months.first().copied(), months.last().copied());
        let mut columns = Vec::new();
        if let (Some(mut at), Some(last)) = (first, last) {
            while at <= last {
                let d = jiff::civil::date(at.0, at.1, 1);
                let group = (columns.is_empty() || at.1 == 1).then(|| at.0.to_string());
                columns.push((
                    d.strftime("%b").to_string().chars().take(1).collect(),
                    group,
                    d.strftime("%Y-%m").to_string(),
                ));
                at = if at.1 == 12 {
                    (at.0 + 1, 1)
                } else {
                    (at.0, at.1 + 1)
                };
            }
        }
        let values: Vec<Vec<usize>> = data
            .iter()
            .map(|d| {
                columns
                    .iter()
                    .map(|(_, _, key)| {
                        d.open
                            .iter()
                            .filter(|(due, _)| due.strftime("%Y-%m").to_string() == *key)
                            .map(|(_, n)| n)
                            .sum()
                    })
                    .collect()
            })
            .collect();
        let labels: Vec<String> = data.iter().map(|d| d.name.to_string()).collect();
        let words = self.words();
        let heat = svg::heat_table(
            &self.word("heat-title"),
            &labels,
            &columns,
            &values,
            &|r, c, v| {
                words.get(
                    "heat-cell",
                    &[
                        ("market", labels[r].as_str().into()),
                        ("month", columns[c].2.as_str().into()),
                        ("count", v.into()),
                    ],
                )
            },
        );
        let data_json = crate::render::embed::json_for_script(&data).unwrap_or_else(|e| {
            self.broken(format!("the status page's data: {e}"));
            "[]".into()
        });
        let launches = data
            .into_iter()
            .map(|d| StatusRow {
                percent: (d.done * 100).checked_div(d.total).unwrap_or(0),
                first_due: d.open.first().map(|x| x.0),
                last_due: d.open.last().map(|x| x.0),
                data: d,
            })
            .collect();
        let own = StatusPage {
            launches,
            heat,
            data_json,
            soon_days: status::SOON_DAYS,
        };
        self.job(page, base, own)
    }
}

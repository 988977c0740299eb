//! A checklist as it is laid out on paper and on the site ([`SheetSection`]s
//! of rows): in date order one section per month of due dates, each run of
//! one step's rows under a header row naming the step; in plan order one
//! section per phase, its steps and their activities as header rows. Both the site's checklist page
//! (`templates/checklist.html`) and the standalone HTML/PDF export
//! (`templates/checklist_export.html`) get this value and write its rows
//! with one macro, `checklist_macros.html::rows`, so a theme changes both in
//! one place. The rows themselves are a [`Checklist`]'s, the same ones
//! `--format json` prints.

use super::theme::Templates;
use jiff::civil::Date;
use playbook_content::diag::Diagnostic;
use playbook_content::model::{EntityRef, Idx, Kind, Playbook, Step};
use playbook_plan::checklist::{self, Checklist, Order, Prerequisite, Program};
use serde::Serialize;

/// A section of a checklist: a month (date order) or a phase (plan order).
#[derive(Serialize)]
pub struct SheetSection<'a> {
    /// "June 2025", or the phase's title.
    pub title: String,
    /// Plan order: the component's title, when the framework has components.
    pub component: Option<&'a str>,
    /// Plan order: the framework's title.
    pub framework: Option<&'a str>,
    /// Plan order: the phase's window label ("Weeks 1–2").
    pub window: Option<&'a str>,
    /// Plan order: the phase's first day; date order: the month's first due.
    pub start: Option<Date>,
    /// Plan order: the phase's last day; date order: none.
    pub due: Option<Date>,
    /// Its rows in groups: a step each in plan order, one group in date order.
    pub steps: Vec<SheetStep<'a>>,
}

/// A group of rows: one step's (in date order, a run of them within a month).
#[derive(Serialize)]
pub struct SheetStep<'a> {
    /// The step's title.
    pub title: Option<&'a str>,
    /// Site-relative URL of the step's page.
    pub url: String,
    /// The step's last due date here; absent for ongoing work.
    pub due: Option<Date>,
    /// Activities in order (plan order); one untitled in date order.
    pub activities: Vec<SheetActivity<'a>>,
}

/// The tasks of one activity in a step.
#[derive(Serialize)]
pub struct SheetActivity<'a> {
    /// Activity title ("Market-specific" for a market's own tasks); none in
    /// date order.
    pub title: Option<&'a str>,
    /// Its tasks.
    pub tasks: Vec<SheetTask<'a>>,
}

/// One task row.
#[derive(Serialize)]
pub struct SheetTask<'a> {
    /// Full task id (`step-id/task-slug`); ticks and progress are kept by it.
    pub id: &'a str,
    /// The id's part after `<step id>/`, absent when the id has no step prefix.
    pub slug: Option<&'a str>,
    /// Task title.
    pub title: &'a str,
    /// The market's named person for the owner role.
    pub owner_person: Option<&'a str>,
    /// Owner role title.
    pub owner_title: Option<&'a str>,
    /// First day of work.
    pub start: Date,
    /// Due date; absent for ongoing work.
    pub due: Option<Date>,
    /// On the critical path.
    pub critical: bool,
    /// The titles of the tasks it waits for.
    pub waits_for: Vec<&'a str>,
    /// The market's note on it, as one line of text.
    pub note: Option<String>,
    /// What made the task apply here ("tag: data-residency"); empty when it
    /// applies everywhere.
    pub reasons: &'a [String],
    /// The other tasks this row stands for (`same_as`), with their steps.
    pub also: Vec<SheetAlso<'a>>,
    /// When and by whom it was done (`content/progress/<market>.yaml`).
    pub done: Option<&'a playbook_content::model::Done>,
}

/// Another source of a row: a task linked `same_as`, shown as a link to its step.
#[derive(Serialize)]
pub struct SheetAlso<'a> {
    /// Its full task id.
    pub id: &'a str,
    /// "Framework › Step".
    pub title: String,
    /// Site-relative URL of its task on its step's page.
    pub url: String,
}

/// Lay a checklist out in sections (see the module docs).
pub fn sheet<'a>(pb: &'a Playbook, list: &'a Checklist<'a>) -> Vec<SheetSection<'a>> {
    let kickoff = list.prog.head(pb).kickoff;
    let step_url = |s: Idx<Step>| pb.url(EntityRef::from(s));
    let mut sections: Vec<SheetSection<'a>> = Vec::new();
    let mut last: Option<(String, Idx<Step>)> = None;
    let mut last_month: Option<Option<(i16, i8)>> = None;
    for r in &list.rows {
        let (key, new_section) = match list.order {
            Order::Date => {
                // The month's name only when the month changes (a row
                // per task; naming a month is an ICU4X call).
                let month = r.due.map(|d| (d.year(), d.month()));
                let new = last.is_none() || last_month != Some(month);
                last_month = Some(month);
                let m = if new {
                    checklist::month_heading(pb, r.due)
                } else {
                    last.as_ref().map(|l| l.0.clone()).unwrap_or_default()
                };
                (m, new)
            }
            Order::Plan => {
                let k = r.phase_idx.index().to_string();
                let new = last.as_ref().map(|l| &l.0) != Some(&k);
                (k, new)
            }
        };
        if new_section {
            sections.push(match list.order {
                Order::Date => SheetSection {
                    title: key.clone(),
                    component: None,
                    framework: None,
                    window: None,
                    start: None,
                    due: None,
                    steps: Vec::new(),
                },
                Order::Plan => {
                    let w = playbook_content::schedule::phase_window(
                        kickoff,
                        pb.phases[r.phase_idx].window,
                    );
                    SheetSection {
                        title: r.phase.to_string(),
                        component: r.component,
                        framework: Some(r.framework),
                        window: Some(r.phase_window),
                        start: Some(w.start),
                        due: w.end,
                        steps: Vec::new(),
                    }
                }
            });
        }
        let Some(section) = sections.last_mut() else {
            continue;
        };
        // A step's run of rows gets a header row: in plan order each step
        // once per phase, in date order each run of consecutive rows of one
        // step within a month (rows due together are mostly one step's).
        let new_step = last.as_ref().map(|l| l.1) != Some(r.step_idx) || new_section;
        if new_step {
            section.steps.push(SheetStep {
                title: Some(r.step),
                url: step_url(r.step_idx),
                due: r.due,
                activities: Vec::new(),
            });
        }
        last = Some((key, r.step_idx));
        let Some(step) = section.steps.last_mut() else {
            continue;
        };
        step.due = match (step.due, r.due) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        let activity = match list.order {
            Order::Plan => Some(r.activity),
            Order::Date => None,
        };
        if step.activities.is_empty() || step.activities.last().and_then(|a| a.title) != activity {
            step.activities.push(SheetActivity {
                title: activity,
                tasks: Vec::new(),
            });
        }
        if let Some(activity) = step.activities.last_mut() {
            activity.tasks.push(SheetTask {
                id: r.task_id,
                slug: r
                    .task_id
                    .strip_prefix(r.step_id)
                    .and_then(|x| x.strip_prefix('/')),
                title: r.task,
                owner_person: r.owner_person,
                owner_title: r.owner_title,
                start: r.start,
                due: r.due,
                critical: r.critical,
                waits_for: r
                    .waits_for
                    .iter()
                    .filter_map(|id| pb.find::<playbook_content::model::Task>(id))
                    .map(|t| pb.tasks[t].title.as_str())
                    .collect(),
                note: r.note.map(|n| super::context::plain_text(pb, n)),
                reasons: &r.reasons,
                also: r
                    .also
                    .iter()
                    .map(|a| SheetAlso {
                        id: a.task_id,
                        title: format!("{} › {}", a.framework, a.step),
                        url: pb
                            .lookup(Kind::Task, a.task_id)
                            .map(|t| pb.url(t))
                            .unwrap_or_default(),
                    })
                    .collect(),
                done: r.done,
            });
        }
    }
    sections
}

/// The facts a checklist opens with and what it leaves off, for both
/// templates.
#[derive(Serialize)]
pub struct SheetSummary<'a> {
    /// "in date order" or "in plan order".
    pub order: &'static str,
    /// The last due date.
    pub end: Option<Date>,
    /// Days from kickoff to the last due date.
    pub days: Option<i64>,
    /// How many rows are on the critical path.
    pub critical: usize,
    /// Rows the market leaves off, and why.
    pub not_applicable: &'a [checklist::Skipped<'a>],
    /// Market-entry tasks left off (the home market).
    pub entry_left_out: usize,
}

/// The [`SheetSummary`] of a schedule, with the checklist made from it when
/// its rows are written out (what the market leaves off comes from either).
pub fn summary_of<'a>(
    pb: &Playbook,
    prog: Program,
    sched: &checklist::Scheduled<'_>,
    list: Option<&'a Checklist<'a>>,
) -> SheetSummary<'a> {
    match list {
        Some(l) => summary(pb, l),
        None => SheetSummary {
            order: "date",
            end: sched.plan.end,
            days: sched
                .plan
                .end
                .map(|e| i64::from((e - prog.head(pb).kickoff).get_days()) + 1),
            critical: sched.plan.critical_path.len(),
            not_applicable: &[],
            entry_left_out: sched.list.entry_left_out,
        },
    }
}

/// The [`SheetSummary`] of a checklist.
pub fn summary<'a>(pb: &Playbook, list: &'a Checklist<'a>) -> SheetSummary<'a> {
    SheetSummary {
        order: match list.order {
            Order::Date => "date",
            Order::Plan => "plan",
        },
        end: list.end,
        days: list.span_days(list.prog.head(pb).kickoff),
        critical: list.critical_path.len(),
        not_applicable: &list.skipped,
        entry_left_out: list.entry_left_out,
    }
}

/// The paper a printed checklist is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4 (210 × 297 mm): everywhere but the Americas' Letter countries.
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

/// Countries (ISO 3166 codes, as market ids are) whose offices print on
/// US Letter.
const LETTER_COUNTRIES: [&str; 8] = ["us", "ca", "mx", "cl", "co", "ve", "ph", "pr"];

impl Paper {
    /// The paper a program's team prints on: Letter in the United States,
    /// Canada and the other Letter countries, A4 elsewhere; the company
    /// program prints where its home market does (A4 without one).
    pub fn for_program(pb: &Playbook, prog: Program) -> Paper {
        let id = match prog {
            Program::Market(m) => Some(pb.markets[m].id.as_str()),
            Program::Company => pb.markets.iter().find(|m| m.home).map(|m| m.id.as_str()),
        };
        match id {
            Some(id) if LETTER_COUNTRIES.contains(&id) => Paper::Letter,
            _ => Paper::A4,
        }
    }

    /// The CSS `@page` size.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// The market a standalone checklist is for.
#[derive(Serialize)]
struct ExportMarket<'a> {
    id: &'a str,
    name: &'a str,
    kickoff: Date,
    lead: Option<String>,
    /// Number of rows.
    tasks: usize,
}

/// What `templates/checklist_export.html` receives.
#[derive(Serialize)]
struct ExportContext<'a> {
    /// `[book]` title and language.
    book_title: &'a str,
    language: &'a str,
    market: ExportMarket<'a>,
    /// Number of tasks.
    tasks: usize,
    /// Where step links point: the site's base URL, or nothing (no links).
    root: Option<&'a str>,
    phases: Vec<SheetSection<'a>>,
    /// The schedule's facts and what the market leaves off.
    summary: SheetSummary<'a>,
    /// The company work a market's phases wait for (empty for the company's own).
    prereqs: Vec<Prerequisite<'a>>,
    /// The company program's name and kickoff.
    company: ExportMarket<'a>,
    /// The CSS page size (`A4`, `letter`).
    paper: &'static str,
}

/// Who leads the company program (`[company] lead`), if anyone is named.
pub(crate) fn company_lead(pb: &Playbook) -> Option<String> {
    pb.config.company.as_ref().and_then(|c| c.lead.clone())
}

/// The standalone printable checklist (`--format html`, and the page a PDF
/// is printed from): `templates/checklist_export.html` over the same
/// [`sheet`] as the site's page, with the playbook's template overrides.
pub fn standalone_html(
    pb: &Playbook,
    templates: &Templates,
    list: &Checklist<'_>,
    paper: Paper,
) -> Result<String, Diagnostic> {
    let prog = list.prog;
    let rows = &list.rows;
    let market = prog.head(pb);
    let company = Program::Company.head(pb);
    let base = pb.config.build.base_url.as_str();
    let ctx = ExportContext {
        book_title: &pb.config.book.title,
        language: &pb.config.book.language,
        market: ExportMarket {
            id: market.id,
            name: market.name,
            kickoff: market.kickoff,
            lead: match prog {
                Program::Market(m) => checklist::launch_lead(pb, m),
                Program::Company => company_lead(pb),
            },
            tasks: rows.len(),
        },
        tasks: rows.len(),
        root: (base.starts_with("http://") || base.starts_with("https://")).then_some(base),
        phases: sheet(pb, list),
        summary: summary(pb, list),
        prereqs: checklist::prerequisites(pb, list),
        company: ExportMarket {
            id: company.id,
            name: company.name,
            kickoff: company.kickoff,
            lead: company_lead(pb),
            tasks: 0,
        },
        paper: paper.css(),
    };
    let ctx = tera::Context::from_serialize(&ctx)
        .map_err(|e| Diagnostic::internal(format!("the checklist export's context: {e}")))?;
    templates.render("checklist_export.html", &ctx)
}

//! A checklist as it is laid out on paper and on the site: phases, their
//! steps, the activities in each step and the tasks in each activity
//! ([`Sheet`]). Both the site's checklist page (`templates/checklist.html`)
//! and the standalone HTML/PDF export (`templates/checklist_export.html`)
//! get this value and write its rows with one macro,
//! `checklist_macros.html::rows`, so a theme changes both in one place.
//! The rows themselves are [`checklist::rows`], the same ones `--format
//! json` prints.

use super::theme::Templates;
use crate::checklist::{self, Prerequisite, Program, Row};
use crate::diag::Diagnostic;
use crate::model::{EntityRef, Kind, Playbook};
use jiff::civil::Date;
use serde::Serialize;

/// One phase of a checklist, with the steps of it that have tasks here.
#[derive(Serialize)]
pub struct SheetPhase<'a> {
    /// Framework title.
    pub framework: &'a str,
    /// Component title, when the framework has components.
    pub component: Option<&'a str>,
    /// Phase title.
    pub phase: &'a str,
    /// The phase's window label ("Weeks 1–2").
    pub window: &'a str,
    /// First day of the phase for this market.
    pub start: Date,
    /// Last day of the phase; absent for ongoing work.
    pub due: Option<Date>,
    /// The phase's steps, in order.
    pub steps: Vec<SheetStep<'a>>,
}

/// One step of a checklist phase.
#[derive(Serialize)]
pub struct SheetStep<'a> {
    /// "3. Multi-Jurisdictional Operations" style title.
    pub title: &'a str,
    /// Site-relative URL of the step's page.
    pub url: String,
    /// First day of the step's window.
    pub start: Date,
    /// Due date of the step's tasks; absent for ongoing work.
    pub due: Option<Date>,
    /// Activities in order; consecutive tasks of one activity share one.
    pub activities: Vec<SheetActivity<'a>>,
}

/// The tasks of one activity in a step.
#[derive(Serialize)]
pub struct SheetActivity<'a> {
    /// Activity title ("Market-specific" for a market's own tasks).
    pub title: &'a str,
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
    /// What made the task apply here ("tag: data-residency"); empty when it
    /// applies everywhere.
    pub reasons: &'a [String],
    /// The other tasks this row stands for (`same_as`), with their steps.
    pub also: Vec<SheetAlso<'a>>,
    /// When and by whom it was done (`content/progress/<market>.yaml`).
    pub done: Option<&'a crate::model::Done>,
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

/// Group a checklist's rows (in reading order) into phases, steps and activities.
pub fn sheet<'a>(
    pb: &'a Playbook,
    prog: impl Into<Program>,
    rows: &'a [Row<'a>],
) -> Vec<SheetPhase<'a>> {
    let kickoff = prog.into().head(pb).kickoff;
    let mut phases: Vec<SheetPhase<'a>> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for r in rows {
        if last.map(|l| l.0) != Some(r.phase_idx) {
            let w = crate::schedule::phase_window(kickoff, pb.phases[r.phase_idx].window);
            phases.push(SheetPhase {
                framework: r.framework,
                component: r.component,
                phase: r.phase,
                window: r.phase_window,
                start: w.start,
                due: w.end,
                steps: Vec::new(),
            });
        }
        let Some(phase) = phases.last_mut() else {
            continue;
        };
        if last != Some((r.phase_idx, r.step_idx)) || phase.steps.is_empty() {
            phase.steps.push(SheetStep {
                title: r.step,
                url: pb.url(EntityRef {
                    kind: Kind::Step,
                    idx: r.step_idx,
                }),
                start: r.start,
                due: r.due,
                activities: Vec::new(),
            });
        }
        last = Some((r.phase_idx, r.step_idx));
        let Some(step) = phase.steps.last_mut() else {
            continue;
        };
        if step.activities.last().map(|a| a.title) != Some(r.activity) {
            step.activities.push(SheetActivity {
                title: r.activity,
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
    phases
}

/// The market a standalone checklist is for.
#[derive(Serialize)]
struct ExportMarket<'a> {
    id: &'a str,
    name: &'a str,
    kickoff: Date,
    lead: Option<String>,
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
    phases: Vec<SheetPhase<'a>>,
    /// The company work a market's phases wait for (empty for the company's own).
    prereqs: Vec<Prerequisite<'a>>,
    /// The company program's name and kickoff.
    company: ExportMarket<'a>,
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
    prog: impl Into<Program>,
    rows: &[Row<'_>],
) -> Result<String, Diagnostic> {
    let prog = prog.into();
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
        },
        tasks: rows.len(),
        root: (base.starts_with("http://") || base.starts_with("https://")).then_some(base),
        phases: sheet(pb, prog, rows),
        prereqs: checklist::prerequisites(pb, rows),
        company: ExportMarket {
            id: company.id,
            name: company.name,
            kickoff: company.kickoff,
            lead: company_lead(pb),
        },
    };
    let ctx = tera::Context::from_serialize(&ctx)
        .map_err(|e| Diagnostic::internal(format!("the checklist export's context: {e}")))?;
    templates.render("checklist_export.html", &ctx)
}

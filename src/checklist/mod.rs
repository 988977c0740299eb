//! Launch checklists, a market's or the company program's ([`Program`]):
//! which tasks are on it ([`rows`]), in framework → phase → step order, with
//! owners, due windows and the reason each applies; tasks linked `same_as`
//! as one row at the earliest of them, naming the others ([`Also`]); the
//! company prerequisites a market's phases wait for ([`prerequisites`]);
//! and the formats they are printed in (Markdown, CSV, JSON; the HTML page
//! is a template; the calendar is [`crate::calendar`]). `rows` is pure;
//! formats return strings.

use crate::model::{Kind, Playbook, Prereq, Scope};
use crate::rules::{self, MarketFacts};
use crate::schedule::{block_window, phase_window, DueWindow};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

mod compact;
mod formats;
mod prerequisites;

pub use compact::*;
pub use formats::*;
pub use prerequisites::*;

/// Whose checklist: a market's (by index), or the company program's (the
/// work marked `scope: company`, dated from `[company] kickoff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// A market, by index.
    Market(usize),
    /// The company program.
    Company,
}

impl From<usize> for Program {
    fn from(m: usize) -> Self {
        Program::Market(m)
    }
}

/// The id the company program goes by in file names, calendar UIDs and
/// JSON (market ids are ISO codes, so it never meets one).
pub const COMPANY_ID: &str = "company";

/// What a checklist's heading says about its program.
#[derive(Debug, Clone, Copy)]
pub struct Head<'a> {
    /// Market id, or [`COMPANY_ID`].
    pub id: &'a str,
    /// Market name, or the company program's name.
    pub name: &'a str,
    /// Market region; none for the company.
    pub region: Option<&'a str>,
    /// Week 1 starts here.
    pub kickoff: Date,
    /// Role → person (the company program has none).
    pub team: Option<&'a BTreeMap<String, String>>,
}

impl Program {
    /// The program's heading facts.
    pub fn head(self, pb: &Playbook) -> Head<'_> {
        match self {
            Program::Market(m) => {
                let market = &pb.markets[m];
                Head {
                    id: &market.id,
                    name: &market.name,
                    region: Some(&market.region),
                    kickoff: market.kickoff,
                    team: Some(&market.team),
                }
            }
            Program::Company => Head {
                id: COMPANY_ID,
                name: pb
                    .config
                    .company
                    .as_ref()
                    .map_or("Company program", |c| c.name()),
                region: None,
                kickoff: company_kickoff(pb),
                team: None,
            },
        }
    }

    /// The work on this program's checklist.
    pub fn scope(self) -> Scope {
        match self {
            Program::Market(_) => Scope::Market,
            Program::Company => Scope::Company,
        }
    }
}

/// The company program's start (`[company] kickoff`). A playbook without
/// it has no company work (`resolve` makes that an error), so the date
/// only heads an empty checklist then: the earliest market kickoff.
pub fn company_kickoff(pb: &Playbook) -> Date {
    match &pb.config.company {
        Some(c) => c.kickoff,
        None => pb
            .markets
            .iter()
            .map(|m| m.kickoff)
            .min()
            .unwrap_or_else(|| jiff::civil::date(2000, 1, 1)),
    }
}

/// Another source of a row: a task linked `same_as` to the row's task
/// that also applies, shown with its framework and step. Its own window is
/// no earlier than the row's (the row sits at the earliest of them).
#[derive(Debug, Clone, Serialize)]
pub struct Also<'a> {
    /// Its task id (progress on either id is the row's).
    pub task_id: &'a str,
    /// Framework title.
    pub framework: &'a str,
    /// Step title.
    pub step: &'a str,
    /// Step id.
    pub step_id: &'a str,
    /// Its own due date in this program (none for ongoing work).
    pub due: Option<Date>,
    /// Step index.
    #[serde(skip)]
    pub step_idx: usize,
}

/// One checklist line. Borrows its text from the playbook, so computing the
/// rows of every market stays cheap even for tens of thousands of tasks.
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a> {
    /// Stable task id (ticks are kept by it).
    pub task_id: &'a str,
    /// Framework title.
    pub framework: &'a str,
    /// Component title, if the framework has components.
    pub component: Option<&'a str>,
    /// Phase title.
    pub phase: &'a str,
    /// Phase window label ("Weeks 1–2", "Month 4+").
    pub phase_window: &'a str,
    /// Step title.
    pub step: &'a str,
    /// Step id.
    pub step_id: &'a str,
    /// Activity title ("Market-specific" for a market's own task).
    pub activity: &'a str,
    /// Task title.
    pub task: &'a str,
    /// Owner role id.
    pub owner_role: Option<&'a str>,
    /// Owner role title.
    pub owner_title: Option<&'a str>,
    /// The market's named person for the role.
    pub owner_person: Option<&'a str>,
    /// First day of the window.
    pub start: Date,
    /// Due date; none for ongoing work.
    pub due: Option<Date>,
    /// What made the task apply ("tag: data-residency"); empty = applies everywhere.
    pub reasons: Vec<String>,
    /// True for a task the market added itself.
    pub market_specific: bool,
    /// Tasks of other steps linked `same_as` that apply here too: this row
    /// stands for them (its window is the earliest).
    pub also: Vec<Also<'a>>,
    /// When and by whom it was done, as recorded in
    /// `content/progress/<market>.yaml`; null when not recorded.
    pub done: Option<&'a crate::model::Done>,
    /// Index of the phase in the playbook (for grouping).
    #[serde(skip)]
    pub phase_idx: usize,
    /// Index of the step.
    #[serde(skip)]
    pub step_idx: usize,
    /// Task index.
    #[serde(skip)]
    pub task_idx: usize,
}

/// The due window of a step for a market.
pub fn step_window(pb: &Playbook, step: usize, market: usize) -> DueWindow {
    program_step_window(pb, step, pb.markets[market].kickoff)
}

/// The due window of a step for a program starting on `kickoff`.
pub fn program_step_window(pb: &Playbook, step: usize, kickoff: Date) -> DueWindow {
    let s = &pb.steps[step];
    let p = &pb.phases[s.phase];
    let b = &pb.blocks[s.block];
    block_window(kickoff, p.window, b.weeks)
}

/// Phase window labels, computed once per playbook.
pub fn window_labels(pb: &Playbook) -> Vec<String> {
    pb.phases.iter().map(|p| p.window.label()).collect()
}

/// A market's facts for its rules (the regulation ids it names).
fn market_facts(pb: &Playbook, m: usize) -> (Vec<String>, usize) {
    let regs = pb.markets[m]
        .regulations
        .iter()
        .map(|&r| pb.regulations[r].id.clone())
        .collect();
    (regs, m)
}

/// Which of a task's `same_as` group stands for it in a program: the
/// members on the program's checklist, the earliest due first (ongoing
/// last), then the earliest start, then reading order. Empty when the
/// task is in no group.
pub fn group_on(pb: &Playbook, t: usize, kickoff: Date, on: impl Fn(usize) -> bool) -> Vec<usize> {
    let task = &pb.tasks[t];
    if task.same_as.is_empty() {
        return Vec::new();
    }
    let mut members: Vec<(Option<Date>, Date, usize, usize)> = std::iter::once(t)
        .chain(task.same_as.iter().copied())
        .filter(|&x| on(x))
        .map(|x| {
            let w = program_step_window(pb, pb.tasks[x].step, kickoff);
            (w.end, w.start, pb.tasks[x].step, x)
        })
        .collect();
    members.sort_by(|a, b| {
        let due = |d: Option<Date>| d.unwrap_or(Date::MAX);
        (due(a.0), a.1, a.2, a.3).cmp(&(due(b.0), b.1, b.2, b.3))
    });
    members.into_iter().map(|m| m.3).collect()
}

/// Every task on a program's checklist, in reading order: for a market,
/// its market work that applies there; for the company, all company work.
/// Tasks linked `same_as` make one row, at the earliest of them.
pub fn rows<'a>(pb: &'a Playbook, windows: &'a [String], prog: impl Into<Program>) -> Vec<Row<'a>> {
    let prog = prog.into();
    let head = prog.head(pb);
    let (regs, mi) = match prog {
        Program::Market(m) => market_facts(pb, m),
        Program::Company => (Vec::new(), usize::MAX),
    };
    let facts = match prog {
        Program::Market(m) => Some(MarketFacts {
            id: &pb.markets[m].id,
            region: &pb.markets[m].region,
            regulations: &regs,
            tags: &pb.markets[m].tags,
        }),
        Program::Company => None,
    };
    let scope = prog.scope();
    let on = |ti: usize| {
        let t = &pb.tasks[ti];
        t.scope == scope
            && match facts {
                Some(f) => {
                    (t.market.is_none() || t.market == Some(mi))
                        && rules::applies(t.rule.as_ref(), f)
                }
                None => true,
            }
    };
    let mut out = Vec::new();
    for (s, step) in pb.steps.iter().enumerate() {
        let window = program_step_window(pb, s, head.kickoff);
        let phase = &pb.phases[step.phase];
        let framework = pb.frameworks[step.framework].title.as_str();
        let component = step.component.map(|c| pb.components[c].title.as_str());
        let tasks = step
            .activities
            .iter()
            .flat_map(|a| a.tasks.iter().map(move |&t| (t, a.title.as_str())))
            .chain(
                step.market_tasks
                    .iter()
                    .filter(|&&t| pb.tasks[t].market == Some(mi))
                    .map(|&t| (t, "Market-specific")),
            );
        for (ti, activity) in tasks {
            let t = &pb.tasks[ti];
            if !on(ti) {
                continue;
            }
            let group = group_on(pb, ti, head.kickoff, on);
            if group.first().is_some_and(|&first| first != ti) {
                continue;
            }
            let also = group
                .iter()
                .skip(1)
                .map(|&x| {
                    let xs = pb.tasks[x].step;
                    Also {
                        task_id: &pb.tasks[x].id,
                        framework: &pb.frameworks[pb.steps[xs].framework].title,
                        step: &pb.steps[xs].title,
                        step_id: &pb.steps[xs].id,
                        due: program_step_window(pb, xs, head.kickoff).end,
                        step_idx: xs,
                    }
                })
                .collect();
            let owner = t.owner.as_deref();
            out.push(Row {
                task_id: &t.id,
                framework,
                component,
                phase: &phase.title,
                phase_window: &windows[step.phase],
                step: &step.title,
                step_id: &step.id,
                activity,
                task: &t.title,
                owner_role: owner,
                owner_title: owner.and_then(|o| pb.roles.get(o)).map(String::as_str),
                owner_person: owner
                    .and_then(|o| head.team.and_then(|team| team.get(o)))
                    .map(String::as_str),
                start: window.start,
                due: window.end,
                reasons: match facts {
                    Some(_) if t.market.is_some() => vec![format!("market: {}", head.id)],
                    Some(f) => rules::reasons(t.rule.as_ref(), f),
                    None => Vec::new(),
                },
                market_specific: t.market.is_some(),
                also,
                done: {
                    let p = match prog {
                        Program::Market(m) => pb.progress.get(m),
                        Program::Company => Some(&pb.company_progress),
                    };
                    // Progress on any task of a same_as group is the row's.
                    p.and_then(|p| {
                        std::iter::once(ti)
                            .chain(group.iter().copied())
                            .find_map(|x| p.done.get(&x))
                    })
                },
                phase_idx: step.phase,
                step_idx: s,
                task_idx: ti,
            });
        }
    }
    out
}

/// "Framework › Step (`id`)" for each other source of a row, joined.
pub fn also_text(r: &Row<'_>, sep: &str) -> String {
    r.also
        .iter()
        .map(|a| format!("{} › {} ({})", a.framework, a.step, a.task_id))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Look a market up by id, or explain which exist and which is nearest.
pub fn find_market(pb: &Playbook, id: &str) -> Result<usize, crate::diag::Diagnostic> {
    if let Some(r) = pb.lookup(Kind::Market, &id.to_lowercase()) {
        return Ok(r.idx);
    }
    let ids: Vec<&str> = pb.markets.iter().map(|m| m.id.as_str()).collect();
    let by_name = pb
        .markets
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(id))
        .map(|m| m.id.as_str());
    let near = by_name.or_else(|| crate::diag::suggest(id, ids.iter().copied()));
    let mut help = format!("markets are: {}", ids.join(", "));
    if let Some(n) = near {
        help = format!("did you mean `{n}`? {help}");
    }
    Err(crate::diag::Diagnostic::error(format!("no market `{id}`")).help(help))
}

/// Who owns a market's launch: its head of operations, else the first named
/// team member with their role. Printed on every checklist page.
pub fn launch_lead(pb: &Playbook, m: usize) -> Option<String> {
    let team = &pb.markets[m].team;
    team.get("ops-lead").cloned().or_else(|| {
        team.iter().next().map(|(role, person)| {
            format!(
                "{person} ({})",
                pb.roles.get(role).map(String::as_str).unwrap_or(role)
            )
        })
    })
}

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

/// A company phase or step a market's checklist waits for, dated in the
/// company program.
#[derive(Debug, Clone, Serialize)]
pub struct Prerequisite<'a> {
    /// `phase` or `step`.
    pub kind: &'static str,
    /// Its id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its framework's title.
    pub framework: &'a str,
    /// Site-relative URL of its page (a phase: its framework's page).
    pub url: String,
    /// First day in the company program.
    pub start: Date,
    /// Due date in the company program; none for ongoing work.
    pub due: Option<Date>,
    /// Whether it is done, from `content/progress/company.yaml`: "done",
    /// "3 of 10 done", or "not started".
    pub state: String,
    /// Titles of this checklist's phases that wait for it.
    pub needed_by: Vec<&'a str>,
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

/// The company phases and steps a market's checklist waits for: the
/// `after:` lists of the phases its rows are in, in the order they first
/// appear, each dated in the company program. Empty for the company's own.
pub fn prerequisites<'a>(pb: &'a Playbook, rows: &[Row<'_>]) -> Vec<Prerequisite<'a>> {
    let mut last = usize::MAX;
    let phases = rows.iter().filter_map(|r| {
        let new = r.phase_idx != last;
        last = r.phase_idx;
        new.then_some(r.phase_idx)
    });
    prerequisites_of(pb, phases)
}

/// How far the company has got with the tasks of `steps`, from its
/// recorded progress: "done", "3 of 10 done" or "not started".
fn company_state(pb: &Playbook, steps: impl Iterator<Item = usize>) -> String {
    let tasks: Vec<usize> = steps
        .flat_map(|s| {
            pb.steps[s]
                .activities
                .iter()
                .flat_map(|a| a.tasks.iter().copied())
        })
        .collect();
    let done = tasks
        .iter()
        .filter(|t| pb.company_progress.done.contains_key(t))
        .count();
    match done {
        0 => "not started".to_string(),
        d if d == tasks.len() => "done".to_string(),
        d => format!("{d} of {} done", tasks.len()),
    }
}

/// [`prerequisites`] of the phases a checklist has rows in, in order.
pub fn prerequisites_of<'a>(
    pb: &'a Playbook,
    phases: impl IntoIterator<Item = usize>,
) -> Vec<Prerequisite<'a>> {
    let kickoff = company_kickoff(pb);
    let mut out: Vec<(Prereq, Prerequisite<'a>)> = Vec::new();
    for pi in phases {
        let phase = &pb.phases[pi];
        for &p in &phase.after {
            if let Some((_, have)) = out.iter_mut().find(|(q, _)| *q == p) {
                if !have.needed_by.contains(&phase.title.as_str()) {
                    have.needed_by.push(&phase.title);
                }
                continue;
            }
            let item = match p {
                Prereq::Phase(x) => {
                    let ph = &pb.phases[x];
                    let w = phase_window(kickoff, ph.window);
                    Prerequisite {
                        kind: "phase",
                        id: &ph.id,
                        title: &ph.title,
                        framework: &pb.frameworks[ph.framework].title,
                        url: pb.url(crate::model::EntityRef {
                            kind: Kind::Framework,
                            idx: ph.framework,
                        }),
                        start: w.start,
                        due: w.end,
                        state: company_state(
                            pb,
                            ph.blocks
                                .iter()
                                .flat_map(|&b| pb.blocks[b].steps.iter().copied()),
                        ),
                        needed_by: vec![&phase.title],
                    }
                }
                Prereq::Step(x) => {
                    let st = &pb.steps[x];
                    let w = program_step_window(pb, x, kickoff);
                    Prerequisite {
                        kind: "step",
                        id: &st.id,
                        title: &st.title,
                        framework: &pb.frameworks[st.framework].title,
                        url: pb.url(crate::model::EntityRef {
                            kind: Kind::Step,
                            idx: x,
                        }),
                        start: w.start,
                        due: w.end,
                        state: company_state(pb, std::iter::once(x)),
                        needed_by: vec![&phase.title],
                    }
                }
            };
            out.push((p, item));
        }
    }
    out.into_iter().map(|(_, p)| p).collect()
}

/// "Framework › Step (`id`)" for each other source of a row, joined.
pub fn also_text(r: &Row<'_>, sep: &str) -> String {
    r.also
        .iter()
        .map(|a| format!("{} › {} ({})", a.framework, a.step, a.task_id))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every task a checklist can draw from, in the order checklists list them:
/// step by step, each step's activity tasks, then the tasks markets added.
/// Positions in this list are what [`Compact`] refers to.
pub fn task_order(pb: &Playbook) -> Vec<usize> {
    let mut out = Vec::with_capacity(pb.tasks.len());
    for step in &pb.steps {
        for a in &step.activities {
            out.extend_from_slice(&a.tasks);
        }
        out.extend_from_slice(&step.market_tasks);
    }
    out
}

/// One market's checklist without its text: which positions of
/// [`task_order`] apply and why. This is what a site too big to write every
/// market's rows out (see `static-checklist-rows`) publishes per market.
#[derive(Debug, Clone, Default)]
pub struct Compact {
    /// Number of rows.
    pub count: usize,
    /// Rows per phase index.
    pub per_phase: Vec<usize>,
    /// Positions (ascending) of the tasks that carry a rule or belong to a
    /// market and apply here, each with an index into `reasons`. Tasks
    /// without a rule apply everywhere and are not listed.
    pub gated: Vec<(usize, usize)>,
    /// The distinct reason lists ("tag: data-residency", …), one per rule.
    pub reasons: Vec<Vec<String>>,
    /// Rows standing for a `same_as` group: the row's position and the
    /// positions of the group's other members that apply here.
    pub also: Vec<(usize, Vec<usize>)>,
}

/// Is a task not simply on every market's checklist? Its rule (or its
/// market) decides, or it is company work (on none), or it is linked
/// `same_as` (each market shows the earliest of its group).
pub fn is_gated(pb: &Playbook, task: usize) -> bool {
    let t = &pb.tasks[task];
    t.market.is_some() || t.rule.is_some() || t.scope == Scope::Company || !t.same_as.is_empty()
}

/// What every market's [`Compact`] checklist is made from, worked out once
/// per site: the task order, what applies everywhere, and for each market the
/// rule-gated tasks that apply there. Making a market's compact checklist is
/// then proportional to its gated rows, not to every task.
#[derive(Debug, Clone, Default)]
pub struct ChecklistIndex {
    /// [`task_order`].
    pub order: Vec<usize>,
    /// Tasks that apply everywhere, per phase index.
    everywhere_per_phase: Vec<usize>,
    /// Per market: (position, rule group) of each gated task that applies.
    gated: Vec<Vec<(usize, usize)>>,
    /// Per rule group: a task carrying it (market tasks are group 0).
    group_task: Vec<Option<usize>>,
    /// Per task: its position in `order` (`usize::MAX` for none).
    pub position: Vec<usize>,
}

impl ChecklistIndex {
    /// Index the playbook's tasks.
    pub fn new(pb: &Playbook) -> Self {
        let order = task_order(pb);
        let mut ix = ChecklistIndex {
            everywhere_per_phase: vec![0; pb.phases.len()],
            gated: vec![Vec::new(); pb.markets.len()],
            group_task: vec![None],
            order: Vec::new(),
            position: vec![usize::MAX; pb.tasks.len()],
        };
        for (pos, &ti) in order.iter().enumerate() {
            ix.position[ti] = pos;
        }
        // By rule; `None`: linked tasks without a rule (no reasons).
        let mut groups: std::collections::HashMap<Option<&crate::model::raw::Rule>, usize> =
            Default::default();
        for (pos, &ti) in order.iter().enumerate() {
            let t = &pb.tasks[ti];
            if !is_gated(pb, ti) {
                ix.everywhere_per_phase[pb.steps[t.step].phase] += 1;
                continue;
            }
            let group = match (t.market, t.rule.as_ref()) {
                (None, rule) => *groups.entry(rule).or_insert_with(|| {
                    ix.group_task.push(Some(ti));
                    ix.group_task.len() - 1
                }),
                _ => 0,
            };
            for &m in &pb.task_markets[ti] {
                ix.gated[m].push((pos, group));
            }
        }
        ix.order = order;
        ix
    }
}

/// The [`Compact`] checklist of market `m` (the same rows as [`rows`]).
pub fn compact(pb: &Playbook, ix: &ChecklistIndex, m: usize) -> Compact {
    let market = &pb.markets[m];
    let regs: Vec<String> = market
        .regulations
        .iter()
        .map(|&r| pb.regulations[r].id.clone())
        .collect();
    let facts = MarketFacts {
        id: &market.id,
        region: &market.region,
        regulations: &regs,
        tags: &market.tags,
    };
    let gated = &ix.gated[m];
    let mut c = Compact {
        count: ix.everywhere_per_phase.iter().sum::<usize>(),
        per_phase: ix.everywhere_per_phase.clone(),
        gated: Vec::with_capacity(gated.len()),
        reasons: Vec::new(),
        also: Vec::new(),
    };
    // Tasks sharing a rule share its reasons: work them out once per rule.
    let mut local = vec![usize::MAX; ix.group_task.len()];
    for &(pos, group) in gated {
        let ti = ix.order[pos];
        if !pb.tasks[ti].same_as.is_empty() {
            let members = group_on(pb, ti, market.kickoff, |x| pb.applies(x, m));
            if members.first() != Some(&ti) {
                continue;
            }
            c.also
                .push((pos, members[1..].iter().map(|&x| ix.position[x]).collect()));
        }
        c.count += 1;
        c.per_phase[pb.steps[pb.tasks[ti].step].phase] += 1;
        if local[group] == usize::MAX {
            c.reasons.push(match ix.group_task[group] {
                None => vec![format!("market: {}", market.id)],
                Some(t) => rules::reasons(pb.tasks[t].rule.as_ref(), facts),
            });
            local[group] = c.reasons.len() - 1;
        }
        c.gated.push((pos, local[group]));
    }
    c
}

fn owner_text(out: &mut String, r: &Row<'_>) {
    match (r.owner_title, r.owner_person) {
        (Some(t), Some(p)) => {
            out.push_str(p);
            out.push_str(" (");
            out.push_str(t);
            out.push(')');
        }
        (Some(t), None) => out.push_str(t),
        (None, _) => out.push_str(r.owner_role.unwrap_or("")),
    }
}

/// GitHub-flavoured Markdown: a task list per phase.
pub fn to_markdown(pb: &Playbook, prog: impl Into<Program>, rows: &[Row<'_>]) -> String {
    use std::fmt::Write as _;
    let market = prog.into().head(pb);
    let mut s = String::with_capacity(rows.len() * 160 + 256);
    let _ = writeln!(
        s,
        "# Launch checklist: {} ({})\n\nKickoff: {} · {} task{} · generated from {}",
        market.name,
        market.id,
        market.kickoff,
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        pb.config.book.title
    );
    prerequisites_markdown(&mut s, pb, rows);
    let mut last_phase = usize::MAX;
    let mut last_fw = "";
    for r in rows {
        if r.phase_idx != last_phase {
            if r.framework != last_fw {
                let _ = write!(s, "\n## {}\n", r.framework);
                last_fw = r.framework;
            }
            s.push_str("\n### ");
            if let Some(c) = r.component {
                s.push_str(c);
                s.push_str(" — ");
            }
            let _ = write!(s, "{} ({})\n\n", r.phase, r.phase_window);
            last_phase = r.phase_idx;
        }
        s.push_str(if r.done.is_some() {
            "- [x] **"
        } else {
            "- [ ] **"
        });
        s.push_str(&r.task.replace('*', "\\*"));
        s.push_str("** — ");
        s.push_str(r.step);
        s.push_str(" · ");
        owner_text(&mut s, r);
        match r.due {
            Some(d) => {
                let _ = write!(s, " · due {d}");
            }
            None => s.push_str(" · ongoing"),
        }
        if !r.reasons.is_empty() {
            s.push_str(" · applies because ");
            s.push_str(&r.reasons.join(", "));
        }
        if !r.also.is_empty() {
            s.push_str(" · also ");
            s.push_str(&also_text(r, ", "));
        }
        if let Some(d) = r.done {
            let _ = write!(s, " · done {}", d.on);
            if let Some(by) = &d.by {
                let _ = write!(s, " by {by}");
            }
        }
        let _ = writeln!(s, " · `{}`", r.task_id);
    }
    s
}

/// A market's Markdown checklist opens with the company work it waits for
/// (nothing for a checklist without `after:` prerequisites).
fn prerequisites_markdown(s: &mut String, pb: &Playbook, rows: &[Row<'_>]) {
    use std::fmt::Write as _;
    let pre = prerequisites(pb, rows);
    if pre.is_empty() {
        return;
    }
    let company = Program::Company.head(pb);
    let _ = write!(
        s,
        "\n## Company prerequisites\n\nDone once for the company ({}, kickoff {}); this market's phases wait for them.\n\n",
        company.name, company.kickoff
    );
    for p in &pre {
        let _ = write!(
            s,
            "- **{}** — {} {} · ",
            p.title.replace('*', "\\*"),
            p.framework,
            p.kind
        );
        match p.due {
            Some(d) => {
                let _ = write!(s, "{} – {d}", p.start);
            }
            None => {
                let _ = write!(s, "from {} (ongoing)", p.start);
            }
        }
        let _ = writeln!(
            s,
            " · state: {} · needed by {} · `{}:{}`",
            p.state,
            p.needed_by.join(", "),
            p.kind,
            p.id
        );
    }
}

/// Characters that make a spreadsheet read a cell as a formula when the
/// cell starts with one (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell: quoted when it holds a comma, quote or line break (RFC
/// 4180); a cell a spreadsheet would run as a formula is neutralised as
/// OWASP recommends: a `'` in front, and quoted.
/// One CSV cell as text (see `csv_field`), for the other CSV writers.
pub fn csv_cell(s: &str) -> String {
    let mut out = String::new();
    csv_field(&mut out, s);
    out
}

fn csv_field(out: &mut String, s: &str) {
    let formula = s.starts_with(FORMULA_START);
    if formula || s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// RFC 4180 CSV with a header row, CRLF line ends and ISO dates; cells
/// that start like a formula are neutralised (see `csv_field`).
pub fn to_csv(pb: &Playbook, prog: impl Into<Program>, rows: &[Row<'_>]) -> String {
    let market = prog.into().head(pb);
    let mut s = String::with_capacity(rows.len() * 220 + 256);
    s.push_str("market,task_id,framework,component,phase,phase_window,step,activity,task,owner_role,owner,start,due,applies_because,also,done,done_by\r\n");
    for r in rows {
        for f in [
            market.id,
            r.task_id,
            r.framework,
            r.component.unwrap_or(""),
            r.phase,
            r.phase_window,
            r.step,
            r.activity,
            r.task,
            r.owner_role.unwrap_or(""),
            r.owner_person.unwrap_or(""),
        ] {
            csv_field(&mut s, f);
            s.push(',');
        }
        // Dates too go through csv_field: a year before 1 prints as `-000001-…`.
        csv_field(&mut s, &r.start.to_string());
        s.push(',');
        if let Some(d) = r.due {
            csv_field(&mut s, &d.to_string());
        }
        s.push(',');
        csv_field(&mut s, &r.reasons.join("; "));
        s.push(',');
        csv_field(&mut s, &also_text(r, "; "));
        s.push(',');
        if let Some(d) = r.done {
            csv_field(&mut s, &d.on.to_string());
            s.push(',');
            csv_field(&mut s, d.by.as_deref().unwrap_or(""));
        } else {
            s.push(',');
        }
        s.push_str("\r\n");
    }
    s
}

/// JSON: `{market, count, prerequisites: [...], rows: [...]}` (documented
/// in docs/checklist.md); the company program's `market` has id `company`
/// and a null region.
pub fn to_json(pb: &Playbook, prog: impl Into<Program>, rows: &[Row<'_>]) -> String {
    #[derive(Serialize)]
    struct MarketHead<'a> {
        id: &'a str,
        name: &'a str,
        region: Option<&'a str>,
        kickoff: Date,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        market: MarketHead<'a>,
        count: usize,
        prerequisites: Vec<Prerequisite<'a>>,
        rows: &'a [Row<'a>],
    }
    let market = prog.into().head(pb);
    let doc = Doc {
        market: MarketHead {
            id: market.id,
            name: market.name,
            region: market.region,
            kickoff: market.kickoff,
        },
        count: rows.len(),
        prerequisites: prerequisites(pb, rows),
        rows,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
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

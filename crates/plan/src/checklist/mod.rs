//! Launch checklists, a market's or the company program's ([`Program`]):
//! which tasks are on it ([`rows`]), in framework → phase → step order, with
//! owners, due windows and the reason each applies; tasks linked `same_as`
//! as one row at the earliest of them, naming the others ([`Also`]); the
//! company prerequisites a market's phases wait for ([`prerequisites`]);
//! and the formats they are printed in (Markdown, CSV, JSON; the HTML page
//! is a template; the calendar is [`crate::calendar`]). `rows` is pure;
//! formats return strings.

use jiff::civil::Date;
use playbook_content::model::{
    Block, Idx, IdxVec, Market, Phase, Playbook, Prereq, Scope, Step, Task,
};
use playbook_content::rules::{self, MarketFacts};
use playbook_content::schedule::{block_window, phase_window, DueWindow};
use serde::Serialize;
use std::collections::BTreeMap;

mod formats;
mod listing;
mod misses;
mod prerequisites;

pub use formats::*;
pub use listing::*;
pub use misses::schedule_misses;
pub use prerequisites::*;

/// Whose checklist: a market's (by index), or the company program's (the
/// work marked `scope: company`, dated from `[company] kickoff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// A market.
    Market(Idx<Market>),
    /// The company program.
    Company,
}

impl From<Idx<Market>> for Program {
    fn from(m: Idx<Market>) -> Self {
        Program::Market(m)
    }
}

pub use playbook_content::model::COMPANY_ID;

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
    /// The day the market went live, or the company program was in place
    /// (`[company] launched`); none while planned.
    pub launched: Option<Date>,
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
                    launched: market.launched,
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
                launched: pb.config.company.as_ref().and_then(|c| c.launched),
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
    /// Its step.
    #[serde(skip)]
    pub step_idx: Idx<Step>,
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
    /// Activity title ([`market_specific_label`] for a market's own task).
    pub activity: &'a str,
    /// Task title.
    pub task: &'a str,
    /// Owner role id (the market's `adjust` may name another).
    pub owner_role: Option<&'a str>,
    /// Owner role title.
    pub owner_title: Option<&'a str>,
    /// The market's named person for the role.
    pub owner_person: Option<&'a str>,
    /// First day of work, from the schedule.
    pub start: Date,
    /// Due date from the schedule; none for ongoing work.
    pub due: Option<Date>,
    /// How long the work takes, when the task or the market says.
    pub duration: Option<playbook_content::model::WorkDuration>,
    /// On the critical path: a day late here is a day late at the end.
    pub critical: bool,
    /// The tasks it waits for (finish to start), company work included.
    pub waits_for: Vec<&'a str>,
    /// The market's note on this task (`adjust: … note:`, Markdown).
    pub note: Option<&'a str>,
    /// What made the task apply ("tag: data-residency"); empty = applies everywhere.
    pub reasons: Vec<String>,
    /// True for a task the market added itself.
    pub market_specific: bool,
    /// Tasks of other steps linked `same_as` that apply here too: this row
    /// stands for them (its window is the earliest).
    pub also: Vec<Also<'a>>,
    /// When and by whom it was done, as recorded in
    /// `content/progress/<market>.yaml`; null when not recorded.
    pub done: Option<&'a playbook_content::model::Done>,
    /// Its phase (for grouping).
    #[serde(skip)]
    pub phase_idx: Idx<Phase>,
    /// Its step.
    #[serde(skip)]
    pub step_idx: Idx<Step>,
    /// Its task.
    #[serde(skip)]
    pub task_idx: Idx<Task>,
}

/// A task the market leaves off its list (`adjust: … skip:`): printed at
/// the end under "Not applicable here", so an auditor sees what was
/// dropped and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped<'a> {
    /// Its task id.
    pub task_id: &'a str,
    /// Its title.
    pub task: &'a str,
    /// Its step's title.
    pub step: &'a str,
    /// Its framework's title.
    pub framework: &'a str,
    /// Why it does not apply here.
    pub reason: &'a str,
}

/// The order a checklist's rows are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// By due date (ongoing work last), then start: the order work is done in.
    #[default]
    Date,
    /// The frameworks' own order: phase, step, activity.
    Plan,
}

/// A program's checklist: its rows, what it leaves off, and its schedule.
#[derive(Debug, Clone)]
pub struct Checklist<'a> {
    /// Whose.
    pub prog: Program,
    /// The rows, in the order asked for.
    pub rows: Vec<Row<'a>>,
    /// The order they are in.
    pub order: Order,
    /// What the market leaves off, and why, in plan order.
    pub skipped: Vec<Skipped<'a>>,
    /// Market-entry tasks the home market leaves off.
    pub entry_left_out: usize,
    /// The last due date.
    pub end: Option<Date>,
    /// The critical path's task ids, first to last.
    pub critical_path: Vec<&'a str>,
}

impl Checklist<'_> {
    /// Days from kickoff to the last due date (both counted), if any is due.
    pub fn span_days(&self, kickoff: Date) -> Option<i64> {
        self.end
            .map(|e| i64::from((e - kickoff).get_days()) + 1)
            .filter(|&d| d > 0)
    }
}

/// The due window of a step for a market.
pub fn step_window(pb: &Playbook, step: Idx<Step>, market: Idx<Market>) -> DueWindow {
    program_step_window(pb, step, pb.markets[market].kickoff)
}

/// The due window of a step for a program starting on `kickoff`.
pub fn program_step_window(pb: &Playbook, step: Idx<Step>, kickoff: Date) -> DueWindow {
    let s = &pb.steps[step];
    let p = &pb.phases[s.phase];
    let b = &pb.blocks[s.block];
    block_window(kickoff, p.window, b.weeks)
}

/// Every week block's due window for a program starting on `kickoff`, by
/// block: a schedule looks its rows' windows up here (a few hundred blocks)
/// instead of working out calendar dates for each of tens of thousands of
/// rows.
pub fn block_windows(pb: &Playbook, kickoff: Date) -> IdxVec<Block, DueWindow> {
    pb.blocks
        .iter()
        .map(|b| block_window(kickoff, pb.phases[b.phase].window, b.weeks))
        .collect()
}

/// Phase window labels in the edition's words ("Weeks 1–16", "Wochen
/// 1–16"), computed once per playbook.
pub fn window_labels(pb: &Playbook) -> IdxVec<Phase, String> {
    use playbook_content::model::WindowWords;
    let words = pb.words();
    pb.phases.iter().map(|p| words.window(p.window)).collect()
}

/// What a checklist calls the activity of a market's own task, in the
/// edition's words ("Market-specific").
pub fn market_specific_label(pb: &Playbook) -> String {
    pb.words().get("ck-market-specific", &[])
}

/// A market's facts for its rules (the regulation ids it names).
fn market_facts(pb: &Playbook, m: Idx<Market>) -> Vec<String> {
    pb.markets[m]
        .regulations
        .iter()
        .map(|&r| pb.regulations[r].id.clone())
        .collect()
}

/// Which of a task's `same_as` group stands for it in a program: the
/// members on the program's checklist, the earliest due first (ongoing
/// last), then the earliest start, then reading order. Empty when the
/// task is in no group.
pub fn group_on(
    pb: &Playbook,
    t: Idx<Task>,
    kickoff: Date,
    on: impl Fn(Idx<Task>) -> bool,
) -> Vec<Idx<Task>> {
    let task = &pb.tasks[t];
    if task.same_as.is_empty() {
        return Vec::new();
    }
    // (due, start, step, task): the order the group's members are ranked in.
    type Member = (Option<Date>, Date, Idx<Step>, Idx<Task>);
    let mut members: Vec<Member> = std::iter::once(t)
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

/// What every checklist of one playbook shares: the phase labels, and the
/// company program's schedule (market work may wait for company work).
/// Make it once, then ask it for each program's [`Checklist`].
pub struct Checklists<'a> {
    /// The playbook.
    pub pb: &'a Playbook,
    /// Phase window labels, by phase.
    pub windows: IdxVec<Phase, String>,
    /// The activity of a market's own tasks ([`market_specific_label`]).
    market_specific: String,
    /// Per task: its (start, due) in the company program (company work only).
    company: IdxVec<Task, Option<(Date, Option<Date>)>>,
    /// Per phase: the due dates of the company work its `after:` names
    /// (the same for every row of the phase in every market's plan).
    phase_waits: IdxVec<Phase, Vec<Date>>,
    /// Every task in plan order, packed for listing ([`PlanOrder`]).
    order: PlanOrder,
    /// Per task: what its schedule reads of it, packed ([`TaskFacts`]).
    facts: IdxVec<Task, TaskFacts>,
    /// The playbook's distinct `applies_to` rules (tasks with equal rules
    /// share one): a checklist's reasons are worked out once per rule.
    rules: Vec<&'a playbook_content::model::raw::Rule>,
    /// Per task: its place in plan order ([`plan_order`]), made once for
    /// every market's checklist data.
    positions: std::sync::OnceLock<IdxVec<Task, usize>>,
    /// Per market: its [`Tally`], left by whichever page scheduled the
    /// market first (its market page, or the status page), so a big
    /// playbook schedules each market once for both.
    tallies: IdxVec<Market, std::sync::OnceLock<Tally>>,
}

pub use playbook_content::model::Tally;

/// The tally of a schedule (what [`Checklists::tally`] keeps per market).
pub fn tally_of(pb: &Playbook, s: &Scheduled<'_>) -> Tally {
    Tally::count(
        s.plan
            .items
            .iter()
            .enumerate()
            .map(|(i, p)| (s.is_done(pb, i), p.due)),
    )
}

/// What scheduling a row, and writing it as data, reads of its task, in a
/// few bytes: a schedule of 40,000 rows reads this table
/// ([`Checklists::facts`]) instead of the tasks and their steps.
#[derive(Debug, Clone, Copy)]
pub struct TaskFacts {
    /// Its step.
    pub step: Idx<Step>,
    /// Its step's week block.
    pub block: Idx<Block>,
    /// Its step's phase.
    pub phase: Idx<Phase>,
    /// Its duration, as the playbook gives it.
    pub duration: Option<playbook_content::model::WorkDuration>,
    /// Does it wait for other tasks (`after:`)?
    pub waits: bool,
    /// Is it a market's own task?
    pub own: bool,
    /// Does it serve a regulation's deadline (`deadline:`)?
    pub serves_deadline: bool,
    /// Its `applies_to` rule, as an index into [`Checklists`]' distinct
    /// rules (`u32::MAX`: none).
    rule: u32,
}

impl<'a> Checklists<'a> {
    /// Schedule the company program once.
    pub fn new(pb: &'a Playbook) -> Self {
        let mut c = Checklists {
            pb,
            windows: window_labels(pb),
            market_specific: market_specific_label(pb),
            company: IdxVec::new(),
            phase_waits: IdxVec::new(),
            order: PlanOrder::new(pb),
            facts: IdxVec::new(),
            rules: Vec::new(),
            positions: std::sync::OnceLock::new(),
            // The resolver's schedule check counted every market already
            // (when it scheduled): those tallies are final.
            tallies: pb
                .markets
                .indices()
                .map(|m| {
                    let cell = std::sync::OnceLock::new();
                    if let Some(t) = pb.tallies.get(m) {
                        let _ = cell.set(t.clone());
                    }
                    cell
                })
                .collect(),
        };
        let mut rule_ids: std::collections::HashMap<&playbook_content::model::raw::Rule, u32> =
            Default::default();
        c.facts = pb
            .tasks
            .iter()
            .map(|t| TaskFacts {
                step: t.step,
                block: pb.steps[t.step].block,
                phase: pb.steps[t.step].phase,
                duration: t.duration,
                waits: !t.after.is_empty(),
                own: t.market.is_some(),
                serves_deadline: t.deadline.is_some(),
                rule: t.rule.as_ref().map_or(u32::MAX, |r| {
                    *rule_ids.entry(r).or_insert_with(|| {
                        c.rules.push(r);
                        u32::try_from(c.rules.len() - 1).unwrap_or(u32::MAX)
                    })
                }),
            })
            .collect();
        if pb.tasks.iter().any(|t| t.scope == Scope::Company) {
            let list = listing_in(pb, &c.order, Program::Company);
            let plan = c.plan(&list);
            let mut dates = IdxVec::filled(None, pb.tasks.len());
            for (l, p) in list.rows.iter().zip(&plan.items) {
                for t in std::iter::once(l.task).chain(l.also.iter().copied()) {
                    dates[t] = Some((p.start, p.due));
                }
            }
            c.company = dates;
        }
        c.phase_waits = pb
            .phases
            .iter()
            .map(|ph| {
                ph.after
                    .iter()
                    .flat_map(|&p| prereq_tasks(pb, p))
                    .filter_map(|t| c.company_due(t))
                    .collect()
            })
            .collect();
        c
    }

    /// Task `t`'s `applies_to` rule as an index into [`Checklists::rules`]
    /// (tasks with equal rules share one), or `None`.
    pub fn rule_of(&self, t: Idx<Task>) -> Option<usize> {
        let r = self.facts[t].rule;
        (r != u32::MAX).then_some(r as usize)
    }

    /// What a schedule reads of task `t` ([`TaskFacts`]).
    pub fn facts(&self, t: Idx<Task>) -> TaskFacts {
        self.facts[t]
    }

    /// The playbook's distinct `applies_to` rules ([`Checklists::rule_of`]).
    pub fn rules(&self) -> &[&'a playbook_content::model::raw::Rule] {
        &self.rules
    }

    /// Each task's place in plan order ([`plan_order`]).
    pub fn positions(&self) -> &IdxVec<Task, usize> {
        self.positions.get_or_init(|| {
            let mut at = IdxVec::filled(0, self.pb.tasks.len());
            for (p, t) in plan_order(self.pb).enumerate() {
                at[t] = p;
            }
            at
        })
    }

    /// When company task `t` is due in the company program (`None`: not
    /// company work, or ongoing).
    pub fn company_due(&self, t: Idx<Task>) -> Option<Date> {
        self.company.get(t).copied().flatten().and_then(|d| d.1)
    }

    /// When company task `t` starts and is due in the company program.
    pub fn company_dates(&self, t: Idx<Task>) -> Option<(Date, Option<Date>)> {
        self.company.get(t).copied().flatten()
    }

    /// The schedule of a listing (rows in its order).
    pub fn plan(&self, list: &Listing<'_>) -> playbook_content::schedule::plan::Plan {
        use playbook_content::schedule::plan::{plan, Input};
        let pb = self.pb;
        let adjusts = match list.prog {
            Program::Market(m) => Some(&pb.markets[m].adjust).filter(|a| !a.is_empty()),
            Program::Company => None,
        };
        let adjust = |t: Idx<Task>| adjusts.and_then(|a| a.get(&t));
        // Which row lists each task (a dense table: a plan of 5,000 rows
        // looks rows up tens of thousands of times; `u32::MAX`: none).
        let mut row_of: IdxVec<Task, u32> = IdxVec::filled(u32::MAX, pb.tasks.len());
        for (i, l) in list.rows.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            row_of[l.task] = i;
            for &x in &l.also {
                row_of[x] = i;
            }
        }
        let windows = block_windows(pb, list.kickoff);
        let inputs: Vec<Input> = list
            .rows
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let f = self.facts[l.task];
                let a = adjust(l.task);
                let mut after = Vec::new();
                let mut after_dates = Vec::new();
                let waits = f.waits || !l.also.is_empty() || a.is_some_and(|a| !a.after.is_empty());
                for x in std::iter::once(l.task)
                    .chain(l.also.iter().copied())
                    .filter(|_| waits)
                {
                    let extra = adjust(x).map(|a| a.after.as_slice()).unwrap_or(&[]);
                    for &d in pb.tasks[x].after.iter().chain(extra) {
                        match row_of[d] {
                            u32::MAX => {
                                if let Some(due) = self.company_due(d) {
                                    after_dates.push(due);
                                }
                            }
                            r if r as usize != i => after.push(r as usize),
                            _ => {}
                        }
                    }
                }
                // A market phase's `after:` (company phases and steps) holds
                // back all of its work.
                if list.prog != Program::Company {
                    after_dates.extend_from_slice(&self.phase_waits[f.phase]);
                }
                after.sort_unstable();
                after.dedup();
                Input {
                    window: windows[f.block],
                    duration: a.and_then(|a| a.duration).or(f.duration),
                    fixed_due: a.and_then(|a| a.due),
                    after,
                    after_dates,
                }
            })
            .collect();
        plan(&inputs)
    }

    /// `prog`'s list and its schedule, without the rows' text: what the
    /// status board, a market page's counts and timeline, and the data of a
    /// checklist assembled in the browser need.
    pub fn schedule(&self, prog: impl Into<Program>) -> Scheduled<'a> {
        let s = self.schedule_only(prog.into());
        if let Program::Market(m) = s.list.prog {
            self.tallies[m].get_or_init(|| tally_of(self.pb, &s));
        }
        s
    }

    /// [`Checklists::schedule`] without leaving a tally (the one
    /// [`Checklists::tally`] calls inside the tally's own initialisation:
    /// a `OnceLock` must not be initialised from within itself).
    fn schedule_only(&self, prog: Program) -> Scheduled<'a> {
        let list = listing_in(self.pb, &self.order, prog);
        let plan = self.plan(&list);
        Scheduled { list, plan }
    }

    /// `prog`'s [`Tally`]: for a market, the one its first schedule left
    /// (scheduling it now if none did).
    pub fn tally(&self, prog: impl Into<Program>) -> Tally {
        match prog.into() {
            Program::Market(m) => self.tallies[m]
                .get_or_init(|| tally_of(self.pb, &self.schedule_only(Program::Market(m))))
                .clone(),
            Program::Company => tally_of(self.pb, &self.schedule_only(Program::Company)),
        }
    }

    /// `prog`'s checklist, its rows in `order`.
    pub fn checklist<'s>(&'s self, prog: impl Into<Program>, order: Order) -> Checklist<'s>
    where
        'a: 's,
    {
        self.checklist_of(&self.schedule(prog), order)
    }

    /// The reasons a schedule's rows apply, counted per distinct rule
    /// (work done once per rule, not per row): what a market page's "why
    /// these tasks" lists for a checklist too big to write out.
    pub fn reasons(&self, s: &Scheduled<'_>) -> Vec<(Vec<String>, usize)> {
        let pb = self.pb;
        let Program::Market(m) = s.list.prog else {
            return Vec::new();
        };
        let regs = market_facts(pb, m);
        let facts = MarketFacts {
            id: &pb.markets[m].id,
            region: &pb.markets[m].region,
            regulations: &regs,
            tags: &pb.markets[m].tags,
        };
        // Rows per distinct rule (a dense count: 40,000 rows, a few
        // thousand rules).
        let mut by_rule = vec![0usize; self.rules.len()];
        let mut own = 0;
        for l in &s.list.rows {
            if self.facts[l.task].own {
                own += 1;
            } else if let Some(r) = self.rule_of(l.task) {
                by_rule[r] += 1;
            }
        }
        let mut out: Vec<(Vec<String>, usize)> = by_rule
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(r, n)| (rules::reasons(Some(self.rules[r]), facts), n))
            .collect();
        if own > 0 {
            out.push((vec![format!("market: {}", pb.markets[m].id)], own));
        }
        out.sort();
        out
    }

    /// The checklist of a schedule made by [`Checklists::schedule`], its
    /// rows in `order`.
    pub fn checklist_of<'s>(&'s self, sched: &Scheduled<'s>, order: Order) -> Checklist<'s>
    where
        'a: 's,
    {
        let pb: &'s Playbook = self.pb;
        let prog = sched.list.prog;
        let (list, plan) = (&sched.list, &sched.plan);
        let head = prog.head(pb);
        let regs = match prog {
            Program::Market(m) => market_facts(pb, m),
            Program::Company => Vec::new(),
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
        let progress = match prog {
            Program::Market(m) => pb.progress.get(m),
            Program::Company => Some(&pb.company_progress),
        };
        let adjust = |t: Idx<Task>| match prog {
            Program::Market(m) => pb.markets[m].adjust.get(&t),
            Program::Company => None,
        };
        let listed: std::collections::HashSet<Idx<Task>> = list
            .rows
            .iter()
            .flat_map(|r| std::iter::once(r.task).chain(r.also.iter().copied()))
            .collect();
        let mut rows: Vec<Row<'s>> = Vec::with_capacity(list.rows.len());
        for (l, p) in list.rows.iter().zip(&plan.items) {
            let ti = l.task;
            let t = &pb.tasks[ti];
            let step = &pb.steps[t.step];
            let activity = match t.activity {
                Some(a) => step.activities[a].title.as_str(),
                None => self.market_specific.as_str(),
            };
            let a = adjust(ti);
            let owner = a.and_then(|a| a.owner.as_deref()).or(t.owner.as_deref());
            let mut waits_for: Vec<&'s str> = Vec::new();
            for x in std::iter::once(ti).chain(l.also.iter().copied()) {
                let extra = adjust(x).map(|a| a.after.as_slice()).unwrap_or(&[]);
                for &d in pb.tasks[x].after.iter().chain(extra) {
                    let on = listed.contains(&d);
                    if (on || self.company_due(d).is_some())
                        && !waits_for.contains(&pb.tasks[d].id.as_str())
                    {
                        waits_for.push(&pb.tasks[d].id);
                    }
                }
            }
            rows.push(Row {
                task_id: &t.id,
                framework: &pb.frameworks[step.framework].title,
                component: step.component.map(|c| pb.components[c].title.as_str()),
                phase: &pb.phases[step.phase].title,
                phase_window: &self.windows[step.phase],
                step: &step.title,
                step_id: &step.id,
                activity,
                task: &t.title,
                owner_role: owner,
                owner_title: owner.and_then(|o| pb.roles.get(o)).map(String::as_str),
                owner_person: owner
                    .and_then(|o| head.team.and_then(|team| team.get(o)))
                    .map(String::as_str),
                start: p.start,
                due: p.due,
                duration: a.and_then(|a| a.duration).or(t.duration),
                critical: p.critical,
                waits_for,
                note: a.and_then(|a| a.note.as_deref()),
                reasons: match facts {
                    Some(_) if t.market.is_some() => vec![format!("market: {}", head.id)],
                    Some(f) => rules::reasons(t.rule.as_ref(), f),
                    None => Vec::new(),
                },
                market_specific: t.market.is_some(),
                also: l
                    .also
                    .iter()
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
                    .collect(),
                // Progress on any task of a same_as group is the row's.
                done: progress.and_then(|p| {
                    std::iter::once(ti)
                        .chain(l.also.iter().copied())
                        .find_map(|x| p.done.get(&x))
                }),
                phase_idx: step.phase,
                step_idx: t.step,
                task_idx: ti,
            });
        }
        let critical_path = plan
            .critical_path
            .iter()
            .map(|&i| rows[i].task_id)
            .collect();
        if order == Order::Date {
            // Stable: rows due together keep the frameworks' order.
            rows.sort_by_key(|r| (r.due.unwrap_or(Date::MAX), r.start));
        }
        Checklist {
            prog,
            rows,
            order,
            skipped: list
                .skipped
                .iter()
                .map(|&(t, reason)| {
                    let task = &pb.tasks[t];
                    let step = &pb.steps[task.step];
                    Skipped {
                        task_id: &task.id,
                        task: &task.title,
                        step: &step.title,
                        framework: &pb.frameworks[step.framework].title,
                        reason,
                    }
                })
                .collect(),
            entry_left_out: list.entry_left_out,
            end: plan.end,
            critical_path,
        }
    }
}

/// A program's list and its schedule ([`Checklists::schedule`]).
#[derive(Debug, Clone)]
pub struct Scheduled<'a> {
    /// Which tasks, in plan order.
    pub list: Listing<'a>,
    /// Their dates, row by row.
    pub plan: playbook_content::schedule::plan::Plan,
}

impl Scheduled<'_> {
    /// Is row `i` done? (Progress on any task of its `same_as` group.)
    pub fn is_done(&self, pb: &Playbook, i: usize) -> bool {
        let progress = match self.list.prog {
            Program::Market(m) => pb.progress.get(m),
            Program::Company => Some(&pb.company_progress),
        };
        let l = &self.list.rows[i];
        progress.is_some_and(|p| {
            std::iter::once(l.task)
                .chain(l.also.iter().copied())
                .any(|x| p.done.contains_key(&x))
        })
    }
}

/// The company tasks a phase's `after:` entry stands for.
pub fn prereq_tasks(pb: &Playbook, p: Prereq) -> Vec<Idx<Task>> {
    let steps: Vec<Idx<Step>> = match p {
        Prereq::Step(s) => vec![s],
        Prereq::Phase(x) => pb.phases[x]
            .blocks
            .iter()
            .flat_map(|&b| pb.blocks[b].steps.iter().copied())
            .collect(),
    };
    steps
        .into_iter()
        .flat_map(|s| {
            pb.steps[s]
                .activities
                .iter()
                .flat_map(|a| a.tasks.iter().copied())
        })
        .collect()
}

/// "Framework › Step (`id`)" for each other source of a row, joined.
pub fn also_text(r: &Row<'_>, sep: &str) -> String {
    r.also
        .iter()
        .map(formats::also_item)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Look a market up by id, or explain which exist and which is nearest.
pub fn find_market(
    pb: &Playbook,
    id: &str,
) -> Result<Idx<Market>, playbook_content::diag::Diagnostic> {
    if let Some(m) = pb.find::<Market>(&id.to_lowercase()) {
        return Ok(m);
    }
    let ids: Vec<&str> = pb.markets.iter().map(|m| m.id.as_str()).collect();
    let by_name = pb
        .markets
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(id))
        .map(|m| m.id.as_str());
    let near = by_name.or_else(|| playbook_content::diag::suggest(id, ids.iter().copied()));
    let mut help = format!("markets are: {}", ids.join(", "));
    if let Some(n) = near {
        help = format!("did you mean `{n}`? {help}");
    }
    Err(playbook_content::diag::Diagnostic::error(format!("no market `{id}`")).help(help))
}

/// Who owns a market's launch: its person in the role that leads launches
/// (`leads_launch` in roles.yaml), else the first named team member with
/// their role. Printed on every checklist page.
pub fn launch_lead(pb: &Playbook, m: Idx<Market>) -> Option<String> {
    let team = &pb.markets[m].team;
    let lead = pb.launch_lead_role.as_ref().and_then(|r| team.get(r));
    lead.cloned().or_else(|| {
        team.iter().next().map(|(role, person)| {
            format!(
                "{person} ({})",
                pb.roles.get(role).map(String::as_str).unwrap_or(role)
            )
        })
    })
}

//! Where each launch stands on a given day: done / total, the overdue tasks
//! (due before the day and not recorded as done), the next due tasks, and a
//! state — from a market's checklist rows and its recorded progress. Pure:
//! `playbook status` prints it; the site's `/status/` page works the same
//! out in the reader's browser from [`StatusData`], written at build time
//! (so two builds of one commit stay byte-identical).
//!
//! A launched market (`launched:`) has its launch behind it: on and after
//! that day, work due by it that nobody recorded is closed by the launch
//! (counted done, "closed at launch"), and only the work due after it can
//! be overdue.
//!
//! The states, in the order they are decided:
//! - **done**: every task is recorded as done (or closed at launch);
//! - **launched**: the launch day has come; later work is listed (overdue
//!   or next) but does not make a launch that happened late;
//! - **late**: at least one task is overdue;
//! - **not started**: the day is before the kickoff;
//! - **at risk**: nothing is overdue, but tasks due within the next
//!   [`SOON_DAYS`] days are not done yet;
//! - **on track**: otherwise.

use crate::checklist::{Program, Row};
use jiff::civil::Date;
use jiff::ToSpan;
use playbook_content::model::Playbook;
use serde::Serialize;

/// "Due soon": within this many days after the day of the report.
pub const SOON_DAYS: i64 = 7;

/// How a launch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Everything done.
    Done,
    /// Launched (on or before the day): the launch is behind it; its later
    /// work is listed, overdue or next, without making the launch late.
    Launched,
    /// Something overdue.
    Late,
    /// Before the kickoff, nothing overdue.
    NotStarted,
    /// Something due within [`SOON_DAYS`] days is not done.
    AtRisk,
    /// Otherwise.
    OnTrack,
}

impl State {
    /// As people say it: "on track".
    pub fn label(self) -> &'static str {
        match self {
            State::Done => "done",
            State::Launched => "launched",
            State::Late => "late",
            State::NotStarted => "not started",
            State::AtRisk => "at risk",
            State::OnTrack => "on track",
        }
    }
}

/// A task in a status report.
#[derive(Debug, Clone, Serialize)]
pub struct DueTask<'a> {
    /// Task id.
    pub task_id: &'a str,
    /// Task title.
    pub task: &'a str,
    /// Its step's title.
    pub step: &'a str,
    /// Due date.
    pub due: Date,
    /// The owner's name or role.
    pub owner: Option<&'a str>,
}

/// One launch on one day.
#[derive(Debug, Clone, Serialize)]
pub struct LaunchStatus<'a> {
    /// Market id.
    pub id: &'a str,
    /// Market name.
    pub name: &'a str,
    /// Kickoff date.
    pub kickoff: Date,
    /// Checklist rows.
    pub total: usize,
    /// Rows recorded as done, or closed at launch.
    pub done: usize,
    /// The day the market went live, when it is on or before the day asked.
    pub launched: Option<Date>,
    /// Of `done`, the rows closed by the launch (due by it, not recorded).
    pub closed_at_launch: usize,
    /// Tasks due before the day and not done, earliest first.
    pub overdue: Vec<DueTask<'a>>,
    /// The next tasks due (on or after the day, not done): those of the
    /// earliest due date, then more up to [`NEXT_MAX`].
    pub next: Vec<DueTask<'a>>,
    /// Where it stands.
    pub state: State,
}

/// At most this many next due tasks are listed.
pub const NEXT_MAX: usize = 5;

/// Where a program (a market's launch, or the company program) stands on
/// `day`, from its checklist `rows`.
pub fn launch_status<'a>(
    pb: &'a Playbook,
    prog: impl Into<Program>,
    rows: &[Row<'a>],
    day: Date,
) -> LaunchStatus<'a> {
    let market = prog.into().head(pb);
    let task = |r: &Row<'a>, due: Date| DueTask {
        task_id: r.task_id,
        task: r.task,
        step: r.step,
        due,
        owner: r.owner_person.or(r.owner_title),
    };
    let launched = market.launched.filter(|&l| l <= day);
    let closed_by_launch =
        |r: &Row<'_>| r.done.is_none() && launched.is_some_and(|l| r.due.is_some_and(|d| d <= l));
    let closed_at_launch = rows.iter().filter(|r| closed_by_launch(r)).count();
    let open: Vec<(&Row<'a>, Date)> = rows
        .iter()
        .filter(|r| r.done.is_none() && !closed_by_launch(r))
        .filter_map(|r| r.due.map(|d| (r, d)))
        .collect();
    let mut overdue: Vec<DueTask<'a>> = open
        .iter()
        .filter(|(_, d)| *d < day)
        .map(|(r, d)| task(r, *d))
        .collect();
    overdue.sort_by_key(|t| t.due);
    let mut next: Vec<DueTask<'a>> = open
        .iter()
        .filter(|(_, d)| *d >= day)
        .map(|(r, d)| task(r, *d))
        .collect();
    next.sort_by_key(|t| t.due);
    let soon_end = day.checked_add(SOON_DAYS.days()).unwrap_or(day);
    let due_soon = next.first().is_some_and(|t| t.due <= soon_end);
    next.truncate(NEXT_MAX);
    let done = rows.iter().filter(|r| r.done.is_some()).count() + closed_at_launch;
    let state = if !rows.is_empty() && done == rows.len() {
        State::Done
    } else if launched.is_some() {
        State::Launched
    } else if !overdue.is_empty() {
        State::Late
    } else if day < market.kickoff {
        State::NotStarted
    } else if due_soon {
        State::AtRisk
    } else {
        State::OnTrack
    };
    LaunchStatus {
        id: market.id,
        name: market.name,
        kickoff: market.kickoff,
        total: rows.len(),
        done,
        launched,
        closed_at_launch,
        overdue,
        next,
        state,
    }
}

/// A launch's status as the site's `/status/` page needs it to work the
/// rest out for any day: the open tasks counted by due date.
#[derive(Debug, Clone, Serialize)]
pub struct StatusData<'a> {
    /// Market id.
    pub id: &'a str,
    /// Market name.
    pub name: &'a str,
    /// Its checklist page.
    pub url: String,
    /// Kickoff date.
    pub kickoff: Date,
    /// Checklist rows.
    pub total: usize,
    /// Rows recorded as done.
    pub done: usize,
    /// Open tasks with a due date: (due date, how many), by date.
    pub open: Vec<(Date, usize)>,
    /// The day the market went live: from then on, open tasks due by it are
    /// closed by the launch (the page works that out for its day).
    pub launched: Option<Date>,
}

/// [`StatusData`] of the company program (when it has work) and every
/// market, from their schedules (the rows' text is not needed). A row is
/// done when any task of its `same_as` group is recorded.
pub fn site_data<'a>(
    lists: &crate::checklist::Checklists<'a>,
    company_url: String,
    url: impl Fn(playbook_content::model::Idx<playbook_content::model::Market>) -> String + Sync,
) -> Vec<StatusData<'a>> {
    use rayon::prelude::*;
    let pb = lists.pb;
    let one = |prog: Program, url: String| {
        // A market page that scheduled this market left its tally.
        let tally = lists.tally(prog);
        let head = prog.head(pb);
        StatusData {
            id: head.id,
            name: head.name,
            url,
            kickoff: head.kickoff,
            total: tally.total,
            done: tally.done,
            open: tally.open,
            launched: head.launched,
        }
    };
    let company = pb
        .has_company_work()
        .then(|| one(Program::Company, company_url));
    // A draft market (`draft: true`) is not a launch yet: its kickoff is a
    // placeholder.
    // Each market's schedule is its own work (at 250 markets of 40,000
    // rows, most of the status page): in parallel, in market order.
    let markets: Vec<StatusData<'a>> = pb
        .markets
        .indices()
        .filter(|&m| !pb.markets[m].draft)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|m| one(Program::Market(m), url(m)))
        .collect();
    company.into_iter().chain(markets).collect()
}

/// The report as text: one block per launch.
pub fn to_text(day: Date, launches: &[LaunchStatus<'_>]) -> String {
    use std::fmt::Write as _;
    let mut s = format!("Launch status on {day}\n\n");
    // One line per launch first: where each stands at a glance.
    let width = launches
        .iter()
        .map(|l| l.name.chars().count() + l.id.len() + 3)
        .max()
        .unwrap_or(0);
    for l in launches {
        let who = format!("{} ({})", l.name, l.id);
        let _ = writeln!(
            s,
            "  {who:<width$}  {:<11}  {:>4} of {:<4} done  {}",
            l.state.label(),
            l.done,
            l.total,
            headline(l)
        );
    }
    for l in launches {
        let _ = write!(
            s,
            "\n{} ({}): {} · {} of {} done · kickoff {}{}\n",
            l.name,
            l.id,
            l.state.label(),
            l.done,
            l.total,
            l.kickoff,
            match l.launched {
                Some(d) => format!(
                    " · launched {d} ({} task{} due by then closed at launch)",
                    l.closed_at_launch,
                    if l.closed_at_launch == 1 { "" } else { "s" }
                ),
                None => String::new(),
            }
        );
        if !l.overdue.is_empty() {
            let _ = writeln!(s, "  overdue: {} tasks", l.overdue.len());
            for t in l.overdue.iter().take(NEXT_MAX) {
                line(&mut s, t);
            }
            if l.overdue.len() > NEXT_MAX {
                let _ = writeln!(s, "    … and {} more", l.overdue.len() - NEXT_MAX);
            }
        }
        if !l.next.is_empty() {
            s.push_str("  next due:\n");
            for t in &l.next {
                line(&mut s, t);
            }
        }
    }
    s
}

/// What a launch's summary line ends with: its launch or kickoff, what is
/// overdue, what is due next.
fn headline(l: &LaunchStatus<'_>) -> String {
    let mut parts = vec![match l.launched {
        Some(d) => format!("launched {d}"),
        None => format!("kickoff {}", l.kickoff),
    }];
    if !l.overdue.is_empty() {
        parts.push(format!("{} overdue", l.overdue.len()));
    }
    if let Some(t) = l.next.first() {
        parts.push(format!("next due {}", t.due));
    }
    parts.join(" · ")
}

fn line(s: &mut String, t: &DueTask<'_>) {
    use std::fmt::Write as _;
    let _ = writeln!(
        s,
        "    {}  {} — {}{}  `{}`",
        t.due,
        t.task,
        t.step,
        t.owner.map(|o| format!(" · {o}")).unwrap_or_default(),
        t.task_id
    );
}

/// The report as JSON: `{as_of, launches: [...]}`.
pub fn to_json(day: Date, launches: &[LaunchStatus<'_>]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        as_of: Date,
        launches: &'a [LaunchStatus<'a>],
    }
    serde_json::to_string_pretty(&Doc {
        as_of: day,
        launches,
    })
    .unwrap_or_default()
        + "\n"
}

/// The report as CSV: one row per launch.
pub fn to_csv(day: Date, launches: &[LaunchStatus<'_>]) -> String {
    let mut s =
        String::from("as_of,market,name,kickoff,state,done,total,overdue,next_due,next_task\r\n");
    for l in launches {
        let next = l.next.first();
        let cells = [
            day.to_string(),
            l.id.to_string(),
            l.name.to_string(),
            l.kickoff.to_string(),
            l.state.label().to_string(),
            l.done.to_string(),
            l.total.to_string(),
            l.overdue.len().to_string(),
            next.map(|t| t.due.to_string()).unwrap_or_default(),
            next.map(|t| t.task.to_string()).unwrap_or_default(),
        ];
        let cells: Vec<String> = cells
            .iter()
            .map(|c| crate::checklist::csv_cell(c))
            .collect();
        s.push_str(&cells.join(","));
        s.push_str("\r\n");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use playbook_content::resolve::testing::Input;

    /// One EU market (kickoff 2027-03-01) whose checklist is the component's
    /// one task, due at the end of week 2 (2027-03-14).
    fn input() -> Input {
        Input::new()
    }

    fn status(input: Input, day: &str) -> (State, usize, usize, usize) {
        let pb = input.ok();
        let lists = crate::checklist::Checklists::new(&pb);
        let de = playbook_content::model::Idx::new(0);
        let rows = lists.checklist(de, crate::checklist::Order::Date).rows;
        let s = launch_status(&pb, de, &rows, day.parse().expect("a date"));
        (s.state, s.done, s.overdue.len(), s.next.len())
    }

    const DONE: &str = "done:\n  kyc/verify-identity:\n    on: 2027-03-04\n";

    #[test]
    fn nothing_done_before_kickoff_is_not_started() {
        assert_eq!(status(input(), "2027-01-10"), (State::NotStarted, 0, 0, 1));
    }

    #[test]
    fn a_task_due_within_a_week_puts_the_launch_at_risk() {
        assert_eq!(status(input(), "2027-03-02"), (State::OnTrack, 0, 0, 1));
        assert_eq!(status(input(), "2027-03-08"), (State::AtRisk, 0, 0, 1));
        assert_eq!(
            status(input(), "2027-03-14"),
            (State::AtRisk, 0, 0, 1),
            "due today is not overdue"
        );
    }

    #[test]
    fn a_task_past_its_due_date_makes_the_launch_late() {
        assert_eq!(status(input(), "2027-03-15"), (State::Late, 0, 1, 0));
    }

    #[test]
    fn everything_recorded_is_done_whatever_the_day() {
        let done = || input().file("content/progress/de.yaml", DONE);
        assert_eq!(status(done(), "2027-01-10"), (State::Done, 1, 0, 0));
        assert_eq!(status(done(), "2030-01-01"), (State::Done, 1, 0, 0));
    }

    #[test]
    fn overdue_counts_across_a_year_end() {
        // Kickoff on 2027-12-20: week 2 ends on 2028-01-02.
        let late_year = || {
            input().replace(
                "content/markets/de.yaml",
                "kickoff: 2027-03-01",
                "kickoff: 2027-12-20",
            )
        };
        assert_eq!(status(late_year(), "2027-12-31"), (State::AtRisk, 0, 0, 1));
        assert_eq!(status(late_year(), "2028-01-02"), (State::AtRisk, 0, 0, 1));
        assert_eq!(status(late_year(), "2028-01-03"), (State::Late, 0, 1, 0));
    }

    #[test]
    fn the_site_data_counts_open_tasks_by_due_date() {
        let pb = input().ok();
        let lists = crate::checklist::Checklists::new(&pb);
        let d = &site_data(&lists, String::new(), |_| "markets/de/checklist/".into())[0];
        assert_eq!((d.total, d.done), (1, 0));
        assert_eq!(d.open, [("2027-03-14".parse().unwrap(), 1)]);
        let pb = input().file("content/progress/de.yaml", DONE).ok();
        let lists = crate::checklist::Checklists::new(&pb);
        let rows = lists
            .checklist(
                playbook_content::model::Idx::new(0),
                crate::checklist::Order::Date,
            )
            .rows;
        let d = &site_data(&lists, String::new(), |_| String::new())[0];
        assert_eq!((d.total, d.done), (1, 1));
        assert!(d.open.is_empty());
        let text = to_csv(
            "2027-03-15".parse().unwrap(),
            &[launch_status(
                &pb,
                playbook_content::model::Idx::new(0),
                &rows,
                "2027-03-15".parse().unwrap(),
            )],
        );
        assert!(
            text.ends_with("2027-03-15,de,Germany,2027-03-01,done,1,1,0,,\r\n"),
            "{text}"
        );
    }
}

//! A checklist's schedule: every row gets a start and a due date from the
//! kickoff, its step's window (phase weeks or months, narrowed by the week
//! block), its duration and what it waits for (finish to start), and the
//! critical path is traced back from the last due date.
//!
//! The rules, in the order they apply to one row:
//!
//! - It starts on its window's first day, or the day after the last of
//!   what it waits for is due, whichever is later (work counted in working
//!   days starts on a working day).
//! - With a duration, it is due when that much work from its start is done.
//!   Without one it keeps its window's length: undisturbed, it is due on
//!   its window's last day, as before durations existed. Ongoing work
//!   (an open-ended window, no duration) has no due date.
//! - A market's fixed due date (`adjust: … due:`) wins.
//!
//! The critical path is the chain of rows that decides when the last row is
//! due: from that row back through the predecessor that set each start.
//! Pure: no IO, no clock.

use super::{add_days, DueWindow};
use crate::model::WorkDuration;
use jiff::civil::Date;

/// What one row needs to be scheduled.
#[derive(Debug, Clone)]
pub struct Input {
    /// The row's step window (phase, narrowed by its week block).
    pub window: DueWindow,
    /// How long it takes, if known.
    pub duration: Option<WorkDuration>,
    /// A fixed due date.
    pub fixed_due: Option<Date>,
    /// Rows (indices into the inputs) it waits for.
    pub after: Vec<usize>,
    /// Work outside the list it waits for (company work, scheduled by the
    /// company program): the day each is due.
    pub after_dates: Vec<Date>,
}

/// A scheduled row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    /// First day of work.
    pub start: Date,
    /// Due date; `None` for ongoing work.
    pub due: Option<Date>,
    /// What set the start: a row, outside work, or its window.
    pub driver: Driver,
    /// On the critical path.
    pub critical: bool,
}

/// What decided a row's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    /// Its window's first day.
    Window,
    /// The row it waits for that is due last (its index).
    Row(usize),
    /// Work outside the list (company work).
    Outside,
}

/// A whole schedule.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// One per input, in input order.
    pub items: Vec<Planned>,
    /// The critical path: row indices from its first row to its last.
    pub critical_path: Vec<usize>,
    /// The last due date of the list.
    pub end: Option<Date>,
}

/// Schedule `inputs` (see the module docs). Rows whose `after` make a
/// cycle (`playbook check` refuses those) are scheduled from their windows.
pub fn plan(inputs: &[Input]) -> Plan {
    let n = inputs.len();
    let order = topological(inputs);
    // Each row starts out as its window says; `placed` marks the rows
    // scheduled so far (what a row waits for and is not yet placed, in a
    // cycle, is passed over).
    let mut items: Vec<Planned> = inputs
        .iter()
        .map(|i| Planned {
            start: i.window.start,
            due: i.window.end,
            driver: Driver::Window,
            critical: false,
        })
        .collect();
    let mut placed = vec![false; n];
    for &r in &order {
        let inp = &inputs[r];
        let mut start = inp.window.start;
        let mut driver = Driver::Window;
        for &d in &inp.after {
            if placed.get(d) != Some(&true) {
                continue;
            }
            let p = items[d];
            // Waiting for ongoing work means starting no earlier than it.
            let ready = match p.due {
                Some(due) => add_days(due, 1),
                None => p.start,
            };
            if ready > start {
                start = ready;
                driver = Driver::Row(d);
            }
        }
        for &due in &inp.after_dates {
            let ready = add_days(due, 1);
            if ready > start {
                start = ready;
                driver = Driver::Outside;
            }
        }
        if let Some(WorkDuration::Days(_)) = inp.duration {
            start = crate::model::work_duration::next_working_day(start);
        }
        let mut due = match (inp.duration, inp.window.end) {
            (Some(d), _) => Some(d.due_from(start)),
            (None, Some(end)) => Some(add_days(
                start,
                super::days_between(inp.window.start, end).into(),
            )),
            (None, None) => None,
        };
        if let Some(fixed) = inp.fixed_due {
            due = Some(fixed);
            if start > fixed {
                start = fixed;
            }
        }
        items[r] = Planned {
            start,
            due,
            driver,
            critical: false,
        };
        placed[r] = true;
    }
    // The critical path: back from the row due last (the first such in
    // input order), through whatever set each start.
    let last = items
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.due.map(|d| (d, std::cmp::Reverse(i))))
        .max()
        .map(|(_, std::cmp::Reverse(i))| i);
    let mut path = Vec::new();
    let mut at = last;
    while let Some(i) = at {
        if items[i].critical {
            break;
        }
        items[i].critical = true;
        path.push(i);
        at = match items[i].driver {
            Driver::Row(d) => Some(d),
            _ => None,
        };
    }
    path.reverse();
    Plan {
        end: last.and_then(|i| items[i].due),
        items,
        critical_path: path,
    }
}

/// Rows in an order where each comes after what it waits for (Kahn's
/// algorithm, first ready first); rows of a cycle follow in input order.
/// Any such order gives the same schedule: a row's dates depend only on
/// what it waits for, which comes before it.
fn topological(inputs: &[Input]) -> Vec<usize> {
    let n = inputs.len();
    let edges = |r: usize| {
        inputs[r]
            .after
            .iter()
            .copied()
            .filter(move |&d| d < n && d != r)
    };
    let mut waiting = vec![0u32; n];
    // Who waits for each row, as one list cut in runs (`next_at[d]..
    // next_at[d + 1]` of `next`): one allocation, not one per row.
    let mut next_at = vec![0usize; n + 1];
    for (r, w) in waiting.iter_mut().enumerate() {
        for d in edges(r) {
            *w += 1;
            next_at[d + 1] += 1;
        }
    }
    if next_at.iter().all(|&c| c == 0) {
        return (0..n).collect();
    }
    for d in 0..n {
        next_at[d + 1] += next_at[d];
    }
    let mut next = vec![0usize; next_at[n]];
    let mut fill = next_at.clone();
    for r in 0..n {
        for d in edges(r) {
            next[fill[d]] = r;
            fill[d] += 1;
        }
    }
    // `out` is the queue too: rows are appended when ready and taken in
    // the order they were appended (40,000 rows, most waiting for nothing:
    // no heap to keep).
    let mut out: Vec<usize> = Vec::with_capacity(n);
    out.extend((0..n).filter(|&r| waiting[r] == 0));
    let mut placed = vec![false; n];
    let mut at = 0;
    while let Some(&r) = out.get(at) {
        at += 1;
        placed[r] = true;
        for &s in &next[next_at[r]..next_at[r + 1]] {
            waiting[s] -= 1;
            if waiting[s] == 0 {
                out.push(s);
            }
        }
    }
    out.extend((0..n).filter(|&r| !placed[r]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn window(start: Date, end: Date) -> DueWindow {
        DueWindow {
            start,
            end: Some(end),
        }
    }

    fn row(w: DueWindow) -> Input {
        Input {
            window: w,
            duration: None,
            fixed_due: None,
            after: Vec::new(),
            after_dates: Vec::new(),
        }
    }

    #[test]
    fn a_task_without_a_duration_keeps_its_window() {
        let w = window(date(2027, 3, 1), date(2027, 3, 14));
        let p = plan(&[row(w)]);
        assert_eq!(p.items[0].start, date(2027, 3, 1));
        assert_eq!(p.items[0].due, Some(date(2027, 3, 14)));
    }

    #[test]
    fn a_duration_sets_the_due_date_from_the_start() {
        let w = window(date(2027, 3, 1), date(2027, 3, 14));
        let mut r = row(w);
        r.duration = Some(WorkDuration::Months(6));
        let p = plan(&[r]);
        assert_eq!(p.items[0].due, Some(date(2027, 8, 31)));
    }

    #[test]
    fn a_chain_starts_each_task_the_day_after_the_one_before() {
        let w = window(date(2027, 3, 1), date(2027, 3, 14));
        let mut a = row(w);
        a.duration = Some(WorkDuration::Weeks(4)); // due 28 March
        let mut b = row(w);
        b.after = vec![0];
        b.duration = Some(WorkDuration::Days(5)); // Mon 29 March – Fri 2 April
        let mut c = row(w);
        c.after = vec![1]; // keeps its two-week length: 3 – 16 April
        let p = plan(&[a, b, c]);
        assert_eq!(p.items[1].start, date(2027, 3, 29));
        assert_eq!(p.items[1].due, Some(date(2027, 4, 2)));
        assert_eq!(p.items[2].start, date(2027, 4, 3));
        assert_eq!(p.items[2].due, Some(date(2027, 4, 16)));
        assert_eq!(p.critical_path, vec![0, 1, 2]);
        assert_eq!(p.end, Some(date(2027, 4, 16)));
    }

    #[test]
    fn rows_listed_before_what_they_wait_for_are_still_scheduled_after_it() {
        let w = window(date(2027, 3, 1), date(2027, 3, 14));
        let mut late = row(w);
        late.after = vec![1];
        let mut first = row(w);
        first.duration = Some(WorkDuration::Weeks(3));
        let p = plan(&[late, first]);
        assert_eq!(p.items[0].start, date(2027, 3, 22));
    }

    #[test]
    fn the_critical_path_crosses_a_year_end() {
        let w = window(date(2026, 11, 2), date(2026, 11, 15));
        let mut entity = row(w);
        entity.duration = Some(WorkDuration::Months(2)); // 2 Nov – 1 Jan
        let mut hire = row(w);
        hire.after = vec![0];
        hire.duration = Some(WorkDuration::Weeks(6)); // 2 Jan – 12 Feb
        let side = row(w); // window only: not critical
        let p = plan(&[entity, hire, side]);
        assert_eq!(p.items[0].due, Some(date(2027, 1, 1)));
        assert_eq!(p.items[1].start, date(2027, 1, 2));
        assert_eq!(p.items[1].due, Some(date(2027, 2, 12)));
        assert_eq!(p.critical_path, vec![0, 1]);
        assert!(!p.items[2].critical);
    }

    #[test]
    fn outside_work_and_fixed_dates() {
        let w = window(date(2027, 3, 1), date(2027, 3, 14));
        let mut r = row(w);
        r.after_dates = vec![date(2027, 3, 10)];
        let mut fixed = row(w);
        fixed.fixed_due = Some(date(2027, 3, 5));
        let p = plan(&[r, fixed]);
        assert_eq!(p.items[0].start, date(2027, 3, 11));
        assert_eq!(p.items[0].driver, Driver::Outside);
        assert_eq!(p.items[1].due, Some(date(2027, 3, 5)));
    }

    #[test]
    fn ongoing_work_has_no_due_date_and_waiting_for_it_waits_for_its_start() {
        let open = DueWindow {
            start: date(2027, 6, 1),
            end: None,
        };
        let mut after = row(window(date(2027, 3, 1), date(2027, 3, 14)));
        after.after = vec![0];
        let p = plan(&[row(open), after]);
        assert_eq!(p.items[0].due, None);
        assert_eq!(p.items[1].start, date(2027, 6, 1));
    }

    #[test]
    fn a_cycle_falls_back_to_windows_instead_of_looping() {
        let w = window(date(2027, 3, 1), date(2027, 3, 14));
        let mut a = row(w);
        a.after = vec![1];
        let mut b = row(w);
        b.after = vec![0];
        let p = plan(&[a, b]);
        assert_eq!(p.items[0].start, date(2027, 3, 1));
        assert_eq!(p.items.len(), 2);
    }
}

//! Dates: a step's window (a market's kickoff plus a phase's weeks or
//! months, narrowed by the week block the step sits in), the schedule that
//! places each row in it ([`plan`]) and the dependency graph's cycles
//! ([`graph`]). Pure calendar arithmetic with `jiff`.

pub mod graph;
pub mod plan;

use crate::model::Window;
use jiff::civil::Date;
use jiff::ToSpan;

/// When a step is due in a market: `end: None` means ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueWindow {
    /// First day.
    pub start: Date,
    /// Last day (the due date), or none for ongoing work.
    pub end: Option<Date>,
}

/// What a program's schedule comes to, for the status board: rows, rows
/// done, and the open rows by due date. The schedule check in `resolve`
/// counts each market's as it schedules it ([`crate::model::Playbook`]'s
/// `tallies`), so the pages need not schedule a market again to count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Rows on the list.
    pub total: usize,
    /// Rows recorded as done.
    pub done: usize,
    /// Open rows per due date, in date order (ongoing rows left out).
    pub open: Vec<(Date, usize)>,
}

impl Tally {
    /// Count `rows`: for each, whether it is done and when it is due.
    pub fn count(rows: impl IntoIterator<Item = (bool, Option<Date>)>) -> Tally {
        let mut total = 0;
        let mut done = 0;
        let mut dues = Vec::new();
        for (is_done, due) in rows {
            total += 1;
            if is_done {
                done += 1;
            } else if let Some(d) = due {
                dues.push(d);
            }
        }
        // Sorting and counting runs beats a map per row (40,000 rows with
        // a few hundred distinct dates, for each of 250 markets).
        dues.sort_unstable();
        let mut open: Vec<(Date, usize)> = Vec::new();
        for d in dues {
            match open.last_mut() {
                Some((last, n)) if *last == d => *n += 1,
                _ => open.push((d, 1)),
            }
        }
        Tally { total, done, open }
    }
}

/// Days from `from` to `to` (negative when `to` is earlier): what `to -
/// from` says in days, without building a calendar span (schedules ask
/// this for every row).
pub fn days_between(from: Date, to: Date) -> i32 {
    i32::try_from(to.duration_since(from).as_secs() / 86_400).unwrap_or(i32::MAX)
}

/// `d` plus `days` (clamped at the calendar's ends).
pub fn add_days(d: Date, days: i64) -> Date {
    d.checked_add(days.days()).unwrap_or(d)
}

fn add_months(d: Date, months: i64) -> Date {
    d.checked_add(months.months()).unwrap_or(d)
}

/// The window of a phase for a kickoff date.
pub fn phase_window(kickoff: Date, w: Window) -> DueWindow {
    match w {
        Window::Weeks { first, last } => DueWindow {
            start: add_days(kickoff, (i64::from(first) - 1) * 7),
            end: Some(add_days(kickoff, i64::from(last) * 7 - 1)),
        },
        Window::Months { first, last } => DueWindow {
            start: add_months(kickoff, i64::from(first) - 1),
            end: last.map(|l| add_days(add_months(kickoff, i64::from(l)), -1)),
        },
    }
}

/// The window of a week block inside a phase: weeks count from the phase's
/// first day and never run past the phase's end. `None` weeks = the whole phase.
pub fn block_window(kickoff: Date, phase: Window, weeks: Option<(u32, u32)>) -> DueWindow {
    let p = phase_window(kickoff, phase);
    let Some((first, last)) = weeks else { return p };
    let start = add_days(p.start, (i64::from(first) - 1) * 7);
    let mut end = add_days(p.start, i64::from(last) * 7 - 1);
    if let Some(pe) = p.end {
        if end > pe {
            end = pe;
        }
    }
    DueWindow {
        start,
        end: Some(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_between_counts_as_subtracting_dates_does() {
        let a = date(2024, 2, 27);
        for (b, days) in [
            (date(2024, 2, 27), 0),
            (date(2024, 3, 1), 3),
            (date(2025, 3, 1), 368),
            (date(2023, 12, 31), -58),
        ] {
            assert_eq!(days_between(a, b), days);
            assert_eq!(days_between(a, b), (b - a).get_days());
        }
    }

    #[test]
    fn weeks_count_from_kickoff_day() {
        let w = phase_window(date(2027, 3, 1), Window::Weeks { first: 1, last: 2 });
        assert_eq!(w.start, date(2027, 3, 1));
        assert_eq!(w.end, Some(date(2027, 3, 14)));
        let w = phase_window(date(2027, 3, 1), Window::Weeks { first: 3, last: 4 });
        assert_eq!(w.start, date(2027, 3, 15));
        assert_eq!(w.end, Some(date(2027, 3, 28)));
    }

    #[test]
    fn weeks_cross_year_end() {
        let w = phase_window(date(2027, 12, 27), Window::Weeks { first: 1, last: 2 });
        assert_eq!(w.end, Some(date(2028, 1, 9)));
    }

    #[test]
    fn leap_day_is_counted() {
        let w = phase_window(date(2028, 2, 22), Window::Weeks { first: 1, last: 2 });
        assert_eq!(w.end, Some(date(2028, 3, 6)));
        let w = phase_window(date(2027, 2, 22), Window::Weeks { first: 1, last: 2 });
        assert_eq!(w.end, Some(date(2027, 3, 7)));
    }

    #[test]
    fn months_end_the_day_before_the_next_month_starts() {
        let w = phase_window(
            date(2027, 1, 31),
            Window::Months {
                first: 1,
                last: Some(1),
            },
        );
        assert_eq!(w.start, date(2027, 1, 31));
        assert_eq!(w.end, Some(date(2027, 2, 27)));
        let w = phase_window(
            date(2027, 3, 1),
            Window::Months {
                first: 2,
                last: Some(2),
            },
        );
        assert_eq!(w.start, date(2027, 4, 1));
        assert_eq!(w.end, Some(date(2027, 4, 30)));
    }

    #[test]
    fn open_ended_months_have_no_due_date() {
        let w = phase_window(
            date(2027, 3, 1),
            Window::Months {
                first: 4,
                last: None,
            },
        );
        assert_eq!(w.start, date(2027, 6, 1));
        assert_eq!(w.end, None);
    }

    #[test]
    fn blocks_count_weeks_within_the_phase_and_stay_inside_it() {
        let phase = Window::Months {
            first: 2,
            last: Some(2),
        };
        let b = block_window(date(2027, 3, 1), phase, Some((3, 4)));
        assert_eq!(b.start, date(2027, 4, 15));
        assert_eq!(b.end, Some(date(2027, 4, 28)));
        let feb = Window::Months {
            first: 1,
            last: Some(1),
        };
        let b = block_window(date(2027, 2, 1), feb, Some((3, 5)));
        assert_eq!(b.end, Some(date(2027, 2, 28)));
    }

    #[test]
    fn kickoff_on_any_weekday_works() {
        for d in 1..=7 {
            let k = date(2027, 3, d);
            let w = phase_window(k, Window::Weeks { first: 1, last: 1 });
            assert_eq!(w.end, Some(add_days(k, 6)));
        }
    }
}

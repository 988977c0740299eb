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

//! How long a task takes (`duration: 6 weeks`): working days, calendar
//! weeks or calendar months, as planners write them. Parsed from the text,
//! shown back as written, and added to a start date by the schedule.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A task's duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkDuration {
    /// Working days (Monday to Friday).
    Days(u32),
    /// Calendar weeks.
    Weeks(u32),
    /// Calendar months.
    Months(u32),
}

/// What a duration looks like, for messages and the schema.
pub const DURATION_HINT: &str =
    "a number and a unit: `10 days` (working days), `3 weeks` or `6 months`";

/// The schema's pattern for a duration.
pub const DURATION_PATTERN: &str =
    "^[1-9][0-9]{0,3} (working )?(day|days|week|weeks|month|months)$";

impl WorkDuration {
    /// Parse `10 days`, `10 working days`, `3 weeks`, `1 month`.
    pub fn parse(text: &str) -> Option<WorkDuration> {
        let mut words = text.split_whitespace();
        let n: u32 = words.next()?.parse().ok()?;
        if n == 0 || n > 9999 {
            return None;
        }
        let mut unit = words.next()?;
        if unit == "working" {
            unit = words.next()?;
            if !matches!(unit, "day" | "days") {
                return None;
            }
        }
        if words.next().is_some() {
            return None;
        }
        match unit {
            "day" | "days" => Some(WorkDuration::Days(n)),
            "week" | "weeks" => Some(WorkDuration::Weeks(n)),
            "month" | "months" => Some(WorkDuration::Months(n)),
            _ => None,
        }
    }

    /// The last day of work that starts on `start` and takes this long
    /// (inclusive: a one-day task starting Monday is due Monday). A task
    /// counted in working days that starts on a weekend starts on Monday.
    pub fn due_from(self, start: Date) -> Date {
        match self {
            WorkDuration::Days(n) => {
                let mut d = next_working_day(start);
                let mut left = n - 1;
                while left > 0 {
                    d = next_working_day(add_days(d, 1));
                    left -= 1;
                }
                d
            }
            WorkDuration::Weeks(n) => add_days(start, i64::from(n) * 7 - 1),
            WorkDuration::Months(n) => add_days(
                start
                    .checked_add(i64::from(n).months())
                    .unwrap_or(Date::MAX),
                -1,
            ),
        }
    }
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days())
        .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
}

/// `d`, or the Monday after it when it falls on a weekend.
pub fn next_working_day(d: Date) -> Date {
    match d.weekday() {
        Weekday::Saturday => add_days(d, 2),
        Weekday::Sunday => add_days(d, 1),
        _ => d,
    }
}

impl fmt::Display for WorkDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, one, many) = match *self {
            WorkDuration::Days(n) => (n, "working day", "working days"),
            WorkDuration::Weeks(n) => (n, "week", "weeks"),
            WorkDuration::Months(n) => (n, "month", "months"),
        };
        write!(f, "{n} {}", if n == 1 { one } else { many })
    }
}

impl<'de> Deserialize<'de> for WorkDuration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        WorkDuration::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a duration: write {DURATION_HINT}"))
        })
    }
}

impl Serialize for WorkDuration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl JsonSchema for WorkDuration {
    fn schema_name() -> Cow<'static, str> {
        "WorkDuration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DURATION_PATTERN,
            "examples": ["10 days", "3 weeks", "6 months"],
            "description": "How long the work takes: `<n> days` (working days, Monday to Friday), `<n> weeks` or `<n> months`. Without it the task takes its phase's (or week block's) whole window."
        })
    }
}

/// A duration in the words of a language edition.
pub trait DurationWords {
    /// A task's duration in words ("2 weeks", "2 Wochen").
    fn duration(&self, d: WorkDuration) -> String;
}

impl DurationWords for crate::language::strings::UiStrings {
    /// A task's duration in words ("2 weeks", "2 Wochen").
    fn duration(&self, d: WorkDuration) -> String {
        use WorkDuration::*;
        if self.lang().split('-').next() == Some("en") {
            return d.to_string();
        }
        let (key, n) = match d {
            Days(n) => ("dur-days", n),
            Weeks(n) => ("dur-weeks", n),
            Months(n) => ("dur-months", n),
        };
        self.get(key, &[("count", n.into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_what_planners_write() {
        assert_eq!(WorkDuration::parse("10 days"), Some(WorkDuration::Days(10)));
        assert_eq!(
            WorkDuration::parse("1 working day"),
            Some(WorkDuration::Days(1))
        );
        assert_eq!(WorkDuration::parse("3 weeks"), Some(WorkDuration::Weeks(3)));
        assert_eq!(
            WorkDuration::parse("1 month"),
            Some(WorkDuration::Months(1))
        );
        for bad in [
            "",
            "0 days",
            "three weeks",
            "3",
            "3 fortnights",
            "2 working weeks",
            "3 weeks later",
        ] {
            assert_eq!(WorkDuration::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday 2025-06-06 + 3 working days: Fri, Mon, Tue.
        assert_eq!(
            WorkDuration::Days(3).due_from(date(2025, 6, 6)),
            date(2025, 6, 10)
        );
        // Starting on a Saturday starts on Monday.
        assert_eq!(
            WorkDuration::Days(1).due_from(date(2025, 6, 7)),
            date(2025, 6, 9)
        );
    }

    #[test]
    fn weeks_and_months_are_calendar_time_across_a_year_end() {
        assert_eq!(
            WorkDuration::Weeks(2).due_from(date(2026, 12, 21)),
            date(2027, 1, 3)
        );
        assert_eq!(
            WorkDuration::Months(6).due_from(date(2026, 11, 2)),
            date(2027, 5, 1)
        );
        // A month from 31 January ends on the last day of February.
        assert_eq!(
            WorkDuration::Months(1).due_from(date(2027, 1, 31)),
            date(2027, 2, 27)
        );
    }

    #[test]
    fn shown_as_written() {
        assert_eq!(WorkDuration::Days(1).to_string(), "1 working day");
        assert_eq!(WorkDuration::Months(6).to_string(), "6 months");
    }
}

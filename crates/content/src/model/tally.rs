//! What a program's schedule comes to ([`Tally`]): kept on the playbook
//! by the schedule check, read by the status board and the pages.

use jiff::civil::Date;

/// What a program's schedule comes to, for the status board: rows, rows
/// done, and the open rows by due date. The schedule check in `resolve`
/// counts each market's as it schedules it ([`super::Playbook`]'s
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_tally_counts_rows_done_and_open_rows_per_due_date() {
        let (a, b) = (date(2027, 3, 14), date(2027, 3, 28));
        let t = Tally::count([
            (false, Some(b)),
            (true, Some(a)),
            (false, Some(a)),
            (false, None),
            (false, Some(b)),
        ]);
        assert_eq!(t.total, 5);
        assert_eq!(t.done, 1);
        assert_eq!(
            t.open,
            vec![(a, 1), (b, 2)],
            "ongoing rows are not open by a date"
        );
    }
}

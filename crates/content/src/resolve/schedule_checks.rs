//! What only the schedule shows, as warnings: a task due after its phase's
//! window (in which programs, and by how much), a task due after the
//! regulation deadline it serves, and a result (a market's `actuals`)
//! dated after today, which the site would otherwise show as measured.
//! Each is placed where the author changes it: the task's `duration`,
//! `after` or `deadline`, or the result's `as_of`.

use super::places::join;
use super::Resolver;
use crate::diag::Diagnostic;
use crate::load::RawContent;
use crate::model::raw::RawMarket;
use crate::model::{Idx, Playbook, Tally, Task};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// One program where a task's due date passes a limit: the program's id
/// (a market's, or the company's), the due date and the limit.
pub type ScheduleMiss = (String, Date, Date);

/// What a [`Scheduler`] found, in program order.
#[derive(Debug, Default)]
pub struct ScheduleMisses {
    /// Tasks due after their phase's window ends.
    pub over_phase: Vec<(Idx<Task>, ScheduleMiss)>,
    /// Tasks due after the regulation deadline they serve.
    pub after_deadline: Vec<(Idx<Task>, ScheduleMiss)>,
    /// Each market's tally, by market (empty when it scheduled nothing),
    /// kept on the playbook for the pages ([`Playbook::tallies`]).
    pub tallies: Vec<Tally>,
}

/// Schedules every program of a resolved playbook and says where a task is
/// due too late. The scheduler lives with the checklists
/// (`playbook_plan::checklist::schedule_misses`), above this crate; resolve
/// only places what it finds, as it alone knows where each value was
/// written.
pub type Scheduler = fn(&Playbook) -> ScheduleMisses;

/// A task's problems across programs: (program id, its due date, the
/// limit it passes) per program.
type Misses = BTreeMap<Idx<Task>, Vec<ScheduleMiss>>;

impl Resolver {
    /// Warn where a task runs past its phase or its deadline in any
    /// program, as `scheduler` finds (see the module docs). Skipped when
    /// the content already has errors.
    pub(super) fn check_schedules(&mut self, scheduler: Scheduler) {
        if self.diags.has_errors() {
            return;
        }
        let mut found = scheduler(&self.pb);
        if found.tallies.len() == self.pb.markets.len() {
            self.pb.tallies = std::mem::take(&mut found.tallies).into();
        }
        let mut overruns: Misses = BTreeMap::new();
        let mut late: Misses = BTreeMap::new();
        for (t, miss) in found.over_phase {
            overruns.entry(t).or_default().push(miss);
        }
        for (t, miss) in found.after_deadline {
            late.entry(t).or_default().push(miss);
        }
        for (t, misses) in overruns {
            let task = &self.pb.tasks[t];
            let phase = &self.pb.phases[self.pb.steps[task.step].phase];
            let d = Diagnostic::warning(format!(
                "task `{}` is due after its phase ({}, {}) ends in {}",
                task.id,
                phase.title,
                phase.window.label(),
                listed(&misses)
            ))
            .help("shorten its `duration`, start it earlier (what it waits for), or move it to a later phase; if the overrun is planned, say so in the phase's summary");
            let key = if task.duration.is_some() {
                "duration"
            } else if !task.after.is_empty() {
                "after"
            } else {
                "title"
            };
            let path = join(&self.task_path(t), key);
            let d = self.at_key(d, task.file, &path);
            self.diags.push(d);
        }
        for (t, misses) in late {
            let task = &self.pb.tasks[t];
            let Some((r, dl)) = task.deadline else {
                continue;
            };
            let g = &self.pb.regulations[r];
            let d = Diagnostic::warning(format!(
                "task `{}` serves `{}/{}` ({}) but is due after it in {}",
                task.id,
                g.id,
                g.deadlines[dl].id,
                g.deadlines[dl].date,
                listed(&misses)
            ))
            .help("start the work earlier or give it less time; a market can also fix its due date with `adjust: … due:`");
            let path = join(&self.task_path(t), "deadline");
            let d = self.at_key(d, task.file, &path);
            self.diags.push(d);
        }
    }

    /// A market result dated after today is a warning at its `as_of`.
    pub(super) fn check_result_dates(&mut self, raw: &RawContent) {
        for (m, file) in raw.files::<RawMarket>() {
            for (metric, a) in &m.actuals {
                let Some(as_of) = a.as_of else { continue };
                if as_of <= self.today {
                    continue;
                }
                let d = Diagnostic::warning(format!(
                    "the `{metric}` result of `{}` is dated {as_of}, after today ({})",
                    m.id, self.today
                ))
                .help("a result is what was measured: record it once it has been, or remove it; planned values belong in the metric's target");
                let d = self.at_key(d, file, &format!("actuals.{metric}.as_of"));
                self.diags.push(d);
            }
        }
    }
}

/// "de (due 2027-05-02, limit 2027-04-30), jp (…)"; the first five and a count.
fn listed(misses: &[(String, Date, Date)]) -> String {
    let mut parts: Vec<String> = misses
        .iter()
        .take(5)
        .map(|(id, due, end)| format!("{id} (due {due}, by {end})"))
        .collect();
    if misses.len() > 5 {
        parts.push(format!("and {} more", misses.len() - 5));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::testing::Input;

    #[test]
    fn a_result_dated_after_today_is_a_warning_at_its_date() {
        let w = Input::new()
            .replace(
                "content/markets/de.yaml",
                "team:",
                "actuals:\n  m1:\n    value: 1\n    as_of: 2999-01-01\nteam:",
            )
            .file(
                "content/metrics/m.yaml",
                "group:\n  id: g\n  title: G\nmetrics:\n  - id: m1\n    name: M\n    target: { op: \">=\", value: 1, text: t }\n",
            )
            .warnings();
        let w: Vec<_> = w
            .iter()
            .filter(|d| d.message.contains("after today"))
            .collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0]
            .message
            .starts_with("the `m1` result of `de` is dated 2999-01-01"));
    }
}

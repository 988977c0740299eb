//! What only the schedule shows, as warnings: a task due after its phase's
//! window (in which programs, and by how much), a task due after the
//! regulation deadline it serves, and a result (a market's `actuals`)
//! dated after today, which the site would otherwise show as measured.
//! Each is placed where the author changes it: the task's `duration`,
//! `after` or `deadline`, or the result's `as_of`.

use super::places::join;
use super::Resolver;
use crate::checklist::{Checklists, Program};
use crate::diag::Diagnostic;
use crate::load::RawContent;
use crate::model::raw::RawMarket;
use crate::model::{Idx, Task};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// A task's problems across programs: (program id, its due date, the
/// limit it passes) per program.
type Misses = BTreeMap<Idx<Task>, Vec<(String, Date, Date)>>;

impl Resolver {
    /// Schedule every program and warn where a task runs past its phase
    /// or its deadline (see the module docs). Skipped when no task has a
    /// duration, a dependency or a deadline and no market adjusts one:
    /// then every task keeps its window.
    pub(super) fn check_schedules(&mut self) {
        let pb = &self.pb;
        let scheduled = pb
            .tasks
            .iter()
            .any(|t| t.duration.is_some() || !t.after.is_empty() || t.deadline.is_some())
            || pb.markets.iter().any(|m| !m.adjust.is_empty());
        if !scheduled || self.diags.has_errors() {
            return;
        }
        let lists = Checklists::new(pb);
        let programs = pb
            .has_company_work()
            .then_some(Program::Company)
            .into_iter()
            .chain(pb.markets.indices().map(Program::Market));
        // Each program's schedule is its own work: in parallel, then the
        // misses gathered in program order (the diagnostics of a serial run).
        use rayon::prelude::*;
        type Miss = (Idx<Task>, (String, Date, Date));
        let per_program: Vec<(Vec<Miss>, Vec<Miss>)> = programs
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|prog| {
                let s = lists.schedule(prog);
                let head = prog.head(pb);
                let (mut over, mut after_deadline) = (Vec::new(), Vec::new());
                for (l, p) in s.list.rows.iter().zip(&s.plan.items) {
                    let Some(due) = p.due else { continue };
                    let t = &pb.tasks[l.task];
                    let phase = &pb.phases[pb.steps[t.step].phase];
                    if let Some(end) = crate::schedule::phase_window(head.kickoff, phase.window).end
                    {
                        if due > end {
                            over.push((l.task, (head.id.to_string(), due, end)));
                        }
                    }
                    if let Some((r, d)) = t.deadline {
                        let limit = pb.regulations[r].deadlines[d].date;
                        if due > limit {
                            after_deadline.push((l.task, (head.id.to_string(), due, limit)));
                        }
                    }
                }
                (over, after_deadline)
            })
            .collect();
        let mut overruns: Misses = BTreeMap::new();
        let mut late: Misses = BTreeMap::new();
        for (over, after_deadline) in per_program {
            for (t, miss) in over {
                overruns.entry(t).or_default().push(miss);
            }
            for (t, miss) in after_deadline {
                late.entry(t).or_default().push(miss);
            }
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
    use super::super::testing::{Input, Shown, COMPONENT_PATH};

    #[test]
    fn a_task_longer_than_its_phase_is_a_warning_at_its_duration() {
        let w = Input::new()
            .component(
                "owner: legal\n",
                "owner: legal\n                duration: 6 weeks\n",
            )
            .warnings();
        let w: Vec<_> = w
            .iter()
            .filter(|d| d.message.contains("is due after its phase"))
            .collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            w[0].message,
            "task `kyc/verify-identity` is due after its phase (P1, Weeks 1–2) ends in de (due 2027-04-11, by 2027-03-14)"
        );
        assert_eq!(w[0].place(), format!("{COMPONENT_PATH}:16:17"));
    }

    #[test]
    fn a_task_due_after_the_deadline_it_serves_is_a_warning_at_its_deadline() {
        let input = |duration: &str| {
            Input::new()
                .replace(
                    "content/regulations/gdpr.yaml",
                    "summary: s\n",
                    "summary: s\nsources:\n  - id: oj\n    title: OJ\n    url: https://eur-lex.europa.eu/eli/reg/2016/679/oj\n    checked: 2026-01-01\ndeadlines:\n  - id: dpia\n    date: 2027-03-31\n    what: DPIA done\n    source: oj\n",
                )
                .component(
                    "owner: legal\n",
                    &format!("owner: legal\n                duration: {duration}\n                deadline: gdpr/dpia\n"),
                )
        };
        let late = |w: &[crate::diag::Diagnostic]| {
            w.iter()
                .filter(|d| d.message.contains("serves `gdpr/dpia`"))
                .cloned()
                .collect::<Vec<_>>()
        };
        // Two weeks from 1 March: in time.
        assert!(late(&input("2 weeks").warnings()).is_empty());
        // Two months: due 30 April, after the deadline of 31 March.
        let w = late(&input("2 months").warnings());
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            w[0].message,
            "task `kyc/verify-identity` serves `gdpr/dpia` (2027-03-31) but is due after it in de (due 2027-04-30, by 2027-03-31)"
        );
        assert_eq!(w[0].place(), format!("{COMPONENT_PATH}:17:17"));
    }

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

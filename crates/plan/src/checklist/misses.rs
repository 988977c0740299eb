//! The schedule's findings for the resolver: every program scheduled, and
//! each task whose due date passes its phase's end or the deadline it
//! serves (`playbook_content::resolve` turns them into warnings placed at
//! the task's `duration`, `after` or `deadline`).

use super::{Checklists, Program, Tally};
use playbook_content::model::{Idx, Playbook, Task};
use playbook_content::resolve::{ScheduleMiss, ScheduleMisses};

/// Schedule every program (the company's, then each market's) and gather
/// where a task is due too late, in program order, with each market's
/// tally (the pages count from it instead of scheduling again). Empty when
/// no task has a duration, a dependency or a deadline and no market
/// adjusts one: then every task keeps its phase's window.
pub fn schedule_misses(pb: &Playbook) -> ScheduleMisses {
    let scheduled = pb
        .tasks
        .iter()
        .any(|t| t.duration.is_some() || !t.after.is_empty() || t.deadline.is_some())
        || pb.markets.iter().any(|m| !m.adjust.is_empty());
    if !scheduled {
        return ScheduleMisses::default();
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
    type Miss = (Idx<Task>, ScheduleMiss);
    let per_program: Vec<(Vec<Miss>, Vec<Miss>, Option<Tally>)> = programs
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|prog| {
            let s = lists.schedule(prog);
            let head = prog.head(pb);
            let (mut over, mut after_deadline) = (Vec::new(), Vec::new());
            // Each phase's last day in this program, worked out once.
            let phase_ends: Vec<Option<jiff::civil::Date>> = pb
                .phases
                .iter()
                .map(|ph| playbook_content::schedule::phase_window(head.kickoff, ph.window).end)
                .collect();
            for (l, p) in s.list.rows.iter().zip(&s.plan.items) {
                let Some(due) = p.due else { continue };
                let facts = lists.facts(l.task);
                if let Some(end) = phase_ends[facts.phase.index()] {
                    if due > end {
                        over.push((l.task, (head.id.to_string(), due, end)));
                    }
                }
                if let Some((r, d)) = facts
                    .serves_deadline
                    .then(|| pb.tasks[l.task].deadline)
                    .flatten()
                {
                    let limit = pb.regulations[r].deadlines[d].date;
                    if due > limit {
                        after_deadline.push((l.task, (head.id.to_string(), due, limit)));
                    }
                }
            }
            // `schedule` left the market's tally.
            let tally = matches!(prog, Program::Market(_)).then(|| lists.tally(prog));
            (over, after_deadline, tally)
        })
        .collect();
    let mut found = ScheduleMisses::default();
    for (over, after_deadline, tally) in per_program {
        found.over_phase.extend(over);
        found.after_deadline.extend(after_deadline);
        found.tallies.extend(tally);
    }
    found
}

#[cfg(test)]
mod tests {
    use playbook_content::resolve::testing::{Input, Shown, COMPONENT_PATH};

    #[test]
    fn the_schedule_check_leaves_each_markets_tally_for_the_pages() {
        use crate::checklist::{tally_of, Checklists, Program};
        let pb = Input::new()
            .scheduler(super::schedule_misses)
            .component(
                "owner: legal\n",
                "owner: legal\n                duration: 6 weeks\n",
            )
            .ok();
        assert_eq!(pb.tallies.len(), pb.markets.len());
        let lists = Checklists::new(&pb);
        for m in pb.markets.indices() {
            let fresh = tally_of(&pb, &lists.schedule(m));
            assert_eq!(pb.tallies[m], fresh);
            assert_eq!(lists.tally(Program::Market(m)), fresh);
            assert!(fresh.total > 0);
        }
    }

    #[test]
    fn a_task_longer_than_its_phase_is_a_warning_at_its_duration() {
        let w = Input::new()
            .scheduler(super::schedule_misses)
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
            .scheduler(super::schedule_misses)
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
        let late = |w: &[playbook_content::diag::Diagnostic]| {
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
}

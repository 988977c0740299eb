//! Which tasks a checklist holds: the one place that decides it. A market's
//! list is its market work that applies there, less what it `skip`s and,
//! in the home market, the work marked `market_entry`; the company's is all
//! company work. Tasks linked `same_as` are one row, at the earliest of them
//! on the list. A checklist's rows ([`Checklists::checklist`]), its
//! schedule ([`Checklists::schedule`]: the status board, a market page's
//! counts and timeline, the data of checklists assembled in the browser)
//! all start here.
//!
//! [`Checklists::checklist`]: super::Checklists::checklist
//! [`Checklists::schedule`]: super::Checklists::schedule

use super::{group_on, Program};
use jiff::civil::Date;
use playbook_content::model::{Idx, Playbook, Scope, Task};

/// A checklist's tasks, in plan order (framework, phase, step, activity;
/// a market's own tasks after its step's).
#[derive(Debug, Clone)]
pub struct Listing<'a> {
    /// Whose list.
    pub prog: Program,
    /// Week 1 starts here.
    pub kickoff: Date,
    /// One per row: the task that stands for it and the other members of
    /// its `same_as` group on the list (each no earlier than it).
    pub rows: Vec<Listed>,
    /// Tasks the market leaves off with `adjust: … skip:`, and why.
    pub skipped: Vec<(Idx<Task>, &'a str)>,
    /// How many market-entry tasks the home market leaves off.
    pub entry_left_out: usize,
}

/// One row of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The task the row stands for.
    pub task: Idx<Task>,
    /// The other tasks of its `same_as` group on this list.
    pub also: Vec<Idx<Task>>,
}

/// Every task `t` of the playbook in plan order: step by step, each step's
/// activity tasks, then the tasks markets added to it.
pub fn plan_order(pb: &Playbook) -> impl Iterator<Item = Idx<Task>> + '_ {
    pb.steps.iter().flat_map(|s| {
        s.activities
            .iter()
            .flat_map(|a| a.tasks.iter().copied())
            .chain(s.market_tasks.iter().copied())
    })
}

/// Does `Playbook::task_markets` list the markets of task `t`? (It leaves
/// out the tasks that simply apply everywhere, so it does not grow with
/// markets × tasks.) Company work, a market's own task, a task with a rule
/// or in a `same_as` group: yes.
pub fn is_gated(pb: &Playbook, t: Idx<Task>) -> bool {
    let task = &pb.tasks[t];
    task.market.is_some()
        || task.rule.is_some()
        || task.scope == Scope::Company
        || !task.same_as.is_empty()
}

/// Is task `t` on `prog`'s list? (Before `same_as` grouping.)
pub fn on_list(pb: &Playbook, prog: Program, t: Idx<Task>) -> bool {
    let task = &pb.tasks[t];
    match prog {
        Program::Company => task.scope == Scope::Company,
        Program::Market(m) => {
            let market = &pb.markets[m];
            task.scope == Scope::Market
                && pb.applies(t, m)
                && !(market.home && task.market_entry)
                && market.adjust.get(&t).is_none_or(|a| a.skip.is_none())
        }
    }
}

/// Every task in plan order with what a listing asks of it, packed into
/// eight bytes: a listing reads the table, not the tasks (each a few
/// hundred bytes), so listing 250 markets of 50,000 tasks walks 400 KB
/// per market instead of the whole task table. Made once per playbook
/// ([`super::Checklists`] keeps one).
#[derive(Debug, Clone)]
pub struct PlanOrder {
    entries: Vec<Entry>,
}

/// One task of a [`PlanOrder`].
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The task.
    task: Idx<Task>,
    /// The market whose own task it is (`u32::MAX`: none), as a raw index.
    market: u32,
    /// `COMPANY`, `ENTRY`, `RULED`, `GROUPED`.
    flags: u8,
}

/// Company work.
const COMPANY: u8 = 1;
/// `market_entry` work.
const ENTRY: u8 = 2;
/// Has an `applies_to` rule or is a market's own (`Playbook::task_markets`
/// says where it applies).
const RULED: u8 = 4;
/// In a `same_as` group.
const GROUPED: u8 = 8;
/// No market.
const NO_MARKET: u32 = u32::MAX;

impl PlanOrder {
    /// The table of `pb` ([`plan_order`]).
    pub fn new(pb: &Playbook) -> PlanOrder {
        let entries = plan_order(pb)
            .map(|t| {
                let task = &pb.tasks[t];
                let mut flags = 0;
                if task.scope == Scope::Company {
                    flags |= COMPANY;
                }
                if task.market_entry {
                    flags |= ENTRY;
                }
                if task.rule.is_some() || task.market.is_some() {
                    flags |= RULED;
                }
                if !task.same_as.is_empty() {
                    flags |= GROUPED;
                }
                Entry {
                    task: t,
                    market: task
                        .market
                        .map_or(NO_MARKET, |m| u32::try_from(m.index()).unwrap_or(NO_MARKET)),
                    flags,
                }
            })
            .collect();
        PlanOrder { entries }
    }
}

/// The list of `prog` (see the module docs).
pub fn listing(pb: &Playbook, prog: impl Into<Program>) -> Listing<'_> {
    listing_in(pb, &PlanOrder::new(pb), prog.into())
}

/// [`listing`], walking a [`PlanOrder`] made once for every list.
pub fn listing_in<'a>(pb: &'a Playbook, order: &PlanOrder, prog: Program) -> Listing<'a> {
    let kickoff = prog.head(pb).kickoff;
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    let mut entry_left_out = 0;
    // What `on_list` asks, asked once per task from the packed table (a
    // market of 40,000 rows, 250 markets: this loop is most of scheduling
    // a big playbook).
    let (market, this) = match prog {
        Program::Company => (None, NO_MARKET),
        Program::Market(m) => (
            Some(&pb.markets[m]),
            u32::try_from(m.index()).unwrap_or(NO_MARKET),
        ),
    };
    for e in &order.entries {
        let t = e.task;
        let on = match market {
            None => e.flags & COMPANY != 0,
            Some(market) => {
                if e.market != NO_MARKET && e.market != this {
                    continue;
                }
                let m = Idx::new(this as usize);
                let applies = e.flags & COMPANY == 0
                    && (e.flags & RULED == 0 || pb.task_markets[t].binary_search(&m).is_ok());
                if !applies {
                    false
                } else if market.home && e.flags & ENTRY != 0 {
                    entry_left_out += 1;
                    continue;
                } else if let Some(why) = (!market.adjust.is_empty())
                    .then(|| market.adjust.get(&t).and_then(|a| a.skip.as_deref()))
                    .flatten()
                {
                    skipped.push((t, why));
                    continue;
                } else {
                    true
                }
            }
        };
        if !on {
            continue;
        }
        if e.flags & GROUPED == 0 {
            rows.push(Listed {
                task: t,
                also: Vec::new(),
            });
            continue;
        }
        let group = group_on(pb, t, kickoff, |x| on_list(pb, prog, x));
        if group.first().is_some_and(|&first| first != t) {
            continue;
        }
        rows.push(Listed {
            task: t,
            also: group.into_iter().skip(1).collect(),
        });
    }
    Listing {
        prog,
        kickoff,
        rows,
        skipped,
        entry_left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use playbook_content::resolve::testing::Input;

    fn two_markets() -> Input {
        Input::new()
            .component(
                "                applies_to:\n                  regions: [eu]\n",
                "",
            )
            .step_yaml(
                "      - id: enter\n        title: Enter\n        market_entry: true\n        activities:\n          - title: Entry\n            tasks:\n              - title: Size the market\n",
            )
            .market("id: us\nname: United States\nregion: na\nkickoff: 2024-03-04\nhome: true\n")
    }

    /// [`two_markets`], where Germany skips sizing the market.
    fn germany_skips_sizing() -> Input {
        two_markets().replace(
            "content/markets/de.yaml",
            "team:",
            "adjust:\n  enter/size-the-market:\n    skip: Harborline brought us in\nteam:",
        )
    }

    #[test]
    fn the_home_market_leaves_market_entry_work_off_and_counts_it() {
        let pb = two_markets().ok();
        let de = listing(&pb, Idx::new(0));
        let us = listing(&pb, Idx::new(1));
        assert_eq!(de.rows.len(), 2, "Germany enters: both tasks");
        assert_eq!(us.rows.len(), 1, "the home market: not the entry work");
        assert_eq!(us.entry_left_out, 1);
    }

    #[test]
    fn the_packed_table_lists_what_on_list_says_in_every_program() {
        let pb = germany_skips_sizing().ok();
        let programs = pb
            .markets
            .indices()
            .map(Program::Market)
            .chain([Program::Company]);
        for prog in programs {
            let by_table: Vec<Idx<Task>> = listing(&pb, prog).rows.iter().map(|r| r.task).collect();
            let by_rule: Vec<Idx<Task>> =
                plan_order(&pb).filter(|&t| on_list(&pb, prog, t)).collect();
            assert_eq!(by_table, by_rule, "{prog:?}");
        }
    }

    #[test]
    fn a_skipped_task_leaves_the_list_with_its_reason() {
        let pb = germany_skips_sizing().ok();
        let de = listing(&pb, Idx::new(0));
        assert_eq!(de.rows.len(), 1);
        assert_eq!(de.skipped.len(), 1);
        assert_eq!(de.skipped[0].1, "Harborline brought us in");
        assert!(!on_list(&pb, Program::Market(Idx::new(0)), de.skipped[0].0));
    }

    #[test]
    fn a_markets_tally_is_the_same_whether_its_page_or_the_status_page_schedules_it_first() {
        use crate::checklist::{tally_of, Checklists};
        let pb = two_markets().ok();
        let m = Idx::new(0);
        // The status page first: the tally schedules the market itself.
        let fresh = Checklists::new(&pb);
        let first = fresh.tally(m);
        // The market page first: its schedule leaves the tally.
        let paged = Checklists::new(&pb);
        let s = paged.schedule(m);
        assert_eq!(paged.tally(m), first);
        assert_eq!(first, tally_of(&pb, &s));
        assert_eq!(first.total, 2);
        assert_eq!(first.done, 0);
    }
}

//! What the schedule is made from: each task's `after:` (finish-to-start:
//! `task:`, `step:` or `phase:` references, expanded to tasks), its
//! `deadline:` (a regulation's dated obligation), a market's `adjust:` (per
//! task of its list: note, owner, duration, due date, more to wait for, or
//! `skip` with a reason), and at most one `home: true` market. A dependency
//! cycle is an error naming every link of it, each at its `after` entry.

use super::places::join;
use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::load::RawContent;
use crate::model::raw::RawMarket;
use crate::model::*;

/// Where each resolved `after` edge (task, what it waits for) was written:
/// its file, YAML path and entry, for the cycle message.
type Written = std::collections::HashMap<(Idx<Task>, Idx<Task>), (Idx<SourceFile>, String, String)>;

/// A task's `after:` and `deadline:` as written, kept by the structure pass
/// for this rule.
pub(super) struct RawDeps {
    /// The task.
    pub(super) task: Idx<Task>,
    /// Its `after:` entries.
    pub(super) after: Vec<String>,
    /// Its `deadline:`.
    pub(super) deadline: Option<String>,
}

impl Resolver {
    /// Resolve every task's `after:` and `deadline:`, then reject cycles.
    pub(super) fn resolve_dependencies(&mut self) {
        let pending = std::mem::take(&mut self.pending.deps);
        // Where each resolved edge was written, for the cycle message.
        let mut written: Written = Default::default();
        for RawDeps {
            task,
            after,
            deadline,
        } in pending
        {
            let file = self.pb.tasks[task].file;
            let base = self.task_path(task);
            let mut deps = Vec::new();
            for (k, item) in after.iter().enumerate() {
                let path = join(&base, &format!("after[{k}]"));
                match self.work_ref(item) {
                    Ok(tasks) => {
                        if tasks.contains(&task) {
                            let d = Diagnostic::error(format!(
                                "task `{}` waits for itself (`{item}` includes it)",
                                self.pb.tasks[task].id
                            ))
                            .help("name the other tasks it waits for with `task:<id>`, or the step or phase before its own");
                            let d = self.at_value(d, file, &path, item.chars().count());
                            self.diags.push(d);
                            continue;
                        }
                        for t in tasks {
                            written
                                .entry((task, t))
                                .or_insert_with(|| (file, path.clone(), item.clone()));
                            deps.push(t);
                        }
                    }
                    Err(d) => {
                        let d = self.at_value(d, file, &path, item.chars().count());
                        self.diags.push(d);
                    }
                }
            }
            deps.sort_unstable();
            deps.dedup();
            self.pb.tasks[task].after = deps;
            if let Some(dl) = deadline {
                let path = join(&base, "deadline");
                match self.deadline_ref(&dl) {
                    Ok(x) => self.pb.tasks[task].deadline = Some(x),
                    Err(d) => {
                        let d = self.at_value(d, file, &path, dl.chars().count());
                        self.diags.push(d);
                    }
                }
            }
        }
        self.reject_cycles(&written);
    }

    /// `task:<id>`, `step:<id>` or `phase:<id>` → the tasks it stands for.
    fn work_ref(&self, item: &str) -> Result<Vec<Idx<Task>>, Diagnostic> {
        let (kind, id) = item.split_once(':').unwrap_or(("", item));
        match kind {
            "task" => match self.pb.find::<Task>(id) {
                Some(t) => Ok(vec![t]),
                None => Err(self.unknown_id(Kind::Task, id)),
            },
            "step" => match self.pb.find::<Step>(id) {
                Some(s) => Ok(step_tasks(&self.pb, s).collect()),
                None => Err(self.unknown_id(Kind::Step, id)),
            },
            "phase" => match self.pb.phases.position(|p| p.id == id) {
                Some(p) => Ok(self.pb.phases[p]
                    .blocks
                    .iter()
                    .flat_map(|&b| &self.pb.blocks[b].steps)
                    .flat_map(|&s| step_tasks(&self.pb, s))
                    .collect()),
                None => {
                    let ids = self.pb.phases.iter().map(|p| p.id.as_str());
                    let help = match suggest(id, ids) {
                        Some(s) => format!("did you mean `phase:{s}`?"),
                        None => {
                            "phase ids are the `id:` of each phase in the framework files".into()
                        }
                    };
                    Err(Diagnostic::error(format!("no phase with id `{id}`")).help(help))
                }
            },
            _ => Err(
                Diagnostic::error(format!("`{item}` is not work a task can wait for"))
                    .help("write `task:<step-id>/<task-slug>`, `step:<id>` or `phase:<id>`"),
            ),
        }
    }

    /// `<regulation-id>/<deadline-id>` → (regulation, deadline index).
    fn deadline_ref(&self, text: &str) -> Result<(Idx<Regulation>, Idx<Deadline>), Diagnostic> {
        let Some((reg, id)) = text.split_once('/') else {
            return Err(
                Diagnostic::error(format!("`{text}` is not a deadline reference")).help(
                    "write `<regulation-id>/<deadline-id>`, an id of the regulation's `deadlines:`",
                ),
            );
        };
        let Some(r) = self.pb.find::<Regulation>(reg) else {
            return Err(self.unknown_id(Kind::Regulation, reg));
        };
        let deadlines = self.pb.deadlines(r);
        match self.pb.regulations[r].deadline(id) {
            Some(i) => Ok((r, i)),
            None => {
                let help = match suggest(id, deadlines.iter().map(|d| d.0)) {
                    Some(s) => format!("did you mean `{reg}/{s}`?"),
                    None if deadlines.is_empty() => format!(
                        "`{reg}` declares no `deadlines:`; add the dated obligation there first"
                    ),
                    None => format!(
                        "`{reg}`'s deadlines are: {}",
                        deadlines.iter().map(|d| d.0).collect::<Vec<_>>().join(", ")
                    ),
                };
                Err(Diagnostic::error(format!("`{reg}` has no deadline `{id}`")).help(help))
            }
        }
    }

    /// Every cycle of `after` links is an error naming each link, placed at
    /// the first and pointing at the others.
    fn reject_cycles(&mut self, written: &Written) {
        let graph: Vec<&[Idx<Task>]> = self.pb.tasks.iter().map(|t| t.after.as_slice()).collect();
        for cycle in crate::schedule::graph::cycles(&graph) {
            // cycle[i] waits for cycle[i + 1] (and the last for the first).
            let n = cycle.len();
            let links: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        "`{}` waits for `{}`",
                        self.pb.tasks[cycle[i]].id,
                        self.pb.tasks[cycle[(i + 1) % n]].id
                    )
                })
                .collect();
            let mut d = Diagnostic::error(format!("a dependency cycle: {}", links.join(", ")))
                .help("no task of a cycle can ever start: remove one of these `after` entries");
            let mut first = None;
            for i in 0..n {
                let edge = (cycle[i], cycle[(i + 1) % n]);
                if let Some((file, path, item)) = written.get(&edge).cloned() {
                    match first {
                        None => first = Some((file, path, item)),
                        Some(_) => {
                            if let Some(loc) = self.key_location(file, &path) {
                                d = d.related(loc);
                            }
                        }
                    }
                }
            }
            if let Some((file, path, item)) = first {
                d = self.at_value(d, file, &path, item.chars().count());
            }
            self.diags.push(d);
        }
    }

    /// Each market's `home` and `adjust:` (after applicability is known:
    /// an adjusted task must be on the market's list).
    pub(super) fn market_adjustments(&mut self, raw: &RawContent) {
        let mut home: Option<Idx<Market>> = None;
        for (mi, (m, file)) in raw.files::<RawMarket>().enumerate() {
            if mi >= self.pb.markets.len() {
                break;
            }
            let mi: Idx<Market> = Idx::new(mi);
            self.pb.markets[mi].launched = m.launched;
            if m.home {
                match home {
                    Some(h) => {
                        let d = Diagnostic::error(format!(
                            "two home markets: `{}` and `{}`",
                            self.pb.markets[h].id, m.id
                        ))
                        .help("the home market is where the company started; mark one market `home: true`");
                        let d = self.at_key(d, file, "home");
                        self.diags.push(d);
                    }
                    None => {
                        home = Some(mi);
                        self.pb.markets[mi].home = true;
                    }
                }
            }
            for (key, a) in &m.adjust {
                let path = format!("adjust.{key}");
                let Some(t) = self.pb.find::<Task>(key) else {
                    let d = self.not_on_list(mi, key, "no task");
                    let d = self.at_key(d, file, &path);
                    self.diags.push(d);
                    continue;
                };
                if !self.pb.applies(t, mi) || self.pb.tasks[t].scope != Scope::Market {
                    let d = self.not_on_list(mi, key, "task not on this market's list:");
                    let d = self.at_key(d, file, &path);
                    self.diags.push(d);
                    continue;
                }
                if let Some(o) = &a.owner {
                    if !self.pb.roles.contains_key(o) {
                        let d = self.unknown_role(o);
                        let d = self.at_value(d, file, &join(&path, "owner"), o.chars().count());
                        self.diags.push(d);
                    }
                }
                let mut after = Vec::new();
                for (k, item) in a.after.iter().enumerate() {
                    match self.work_ref(item) {
                        Ok(ts) if ts.contains(&t) => {
                            let d = Diagnostic::error(format!(
                                "task `{key}` would wait for itself (`{item}` includes it)"
                            ))
                            .help("name the tasks it waits for with `task:<id>`");
                            let p = join(&path, &format!("after[{k}]"));
                            let d = self.at_value(d, file, &p, item.chars().count());
                            self.diags.push(d);
                        }
                        Ok(ts) => after.extend(ts),
                        Err(d) => {
                            let p = join(&path, &format!("after[{k}]"));
                            let d = self.at_value(d, file, &p, item.chars().count());
                            self.diags.push(d);
                        }
                    }
                }
                after.sort_unstable();
                after.dedup();
                if a.skip.as_deref().is_some_and(|s| s.trim().is_empty()) {
                    let d = Diagnostic::error(format!("`skip` of `{key}` gives no reason"))
                        .help("say why the task does not apply here: an auditor reads it under \"Not applicable here\"");
                    let d = self.at_key(d, file, &join(&path, "skip"));
                    self.diags.push(d);
                }
                self.pb.markets[mi].adjust.insert(
                    t,
                    Adjust {
                        note: a.note.clone(),
                        owner: a.owner.clone(),
                        duration: a.duration,
                        due: a.due,
                        after,
                        skip: a.skip.clone(),
                    },
                );
            }
        }
        // Cycles a market's extra `after` makes with the tasks' own.
        for mi in self.pb.markets.indices() {
            if self.pb.markets[mi]
                .adjust
                .values()
                .all(|a| a.after.is_empty())
            {
                continue;
            }
            let mut graph: IdxVec<Task, Vec<Idx<Task>>> =
                self.pb.tasks.iter().map(|t| t.after.clone()).collect();
            for (&t, a) in &self.pb.markets[mi].adjust {
                graph[t].extend(&a.after);
            }
            let refs: Vec<&[Idx<Task>]> = graph.iter().map(Vec::as_slice).collect();
            for cycle in crate::schedule::graph::cycles(&refs) {
                let names: Vec<&str> = cycle
                    .iter()
                    .map(|&t| self.pb.tasks[t].id.as_str())
                    .collect();
                let d = Diagnostic::error(format!(
                    "in `{}`, a dependency cycle: {} → {}",
                    self.pb.markets[mi].id,
                    names.join(" → "),
                    names[0]
                ))
                .help("the market's `adjust: … after:` closes a cycle with the tasks' own `after`; remove one link");
                let key = cycle
                    .iter()
                    .find(|t| {
                        self.pb.markets[mi]
                            .adjust
                            .get(t)
                            .is_some_and(|a| !a.after.is_empty())
                    })
                    .map(|&t| format!("adjust.{}", self.pb.tasks[t].id))
                    .unwrap_or_else(|| "adjust".into());
                let file = self.pb.markets[mi].file;
                let d = self.at_key(d, file, &key);
                self.diags.push(d);
            }
        }
    }

    /// "no task `x` on Germany's list", with the nearest id on it.
    fn not_on_list(&self, mi: Idx<Market>, key: &str, what: &str) -> Diagnostic {
        let on: Vec<&str> = self
            .pb
            .tasks
            .indices()
            .filter(|&t| self.pb.tasks[t].scope == Scope::Market && self.pb.applies(t, mi))
            .map(|t| self.pb.tasks[t].id.as_str())
            .collect();
        let m = &self.pb.markets[mi];
        let help = match suggest(key, on.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "`playbook checklist {} --format csv` lists the task ids of {}'s checklist",
                m.id, m.name
            ),
        };
        Diagnostic::error(format!("{what} `{key}` on {}'s checklist", m.name)).help(help)
    }
}

/// A step's tasks: its activities' tasks and those markets added to it.
fn step_tasks(pb: &Playbook, s: Idx<Step>) -> impl Iterator<Item = Idx<Task>> + '_ {
    let step = &pb.steps[s];
    step.activities
        .iter()
        .flat_map(|a| a.tasks.iter().copied())
        .chain(step.market_tasks.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};
    use crate::model::{Idx, Task};

    /// A second step whose task waits for `after` (YAML list text).
    fn second_step(after: &str) -> Input {
        Input::new().step_yaml(&format!(
            "      - id: sign\n        title: Sign\n        activities:\n          - title: Contracts\n            tasks:\n              - title: Sign the contract\n                after: {after}\n"
        ))
    }

    #[test]
    fn after_names_tasks_steps_and_phases() {
        for after in [
            "[task:kyc/verify-identity]",
            "[step:kyc]",
            "[\"step:kyc\", task:kyc/verify-identity]",
        ] {
            let pb = second_step(after).ok();
            let t = pb.find::<Task>("sign/sign-the-contract").unwrap();
            let kyc = pb.find::<Task>("kyc/verify-identity").unwrap();
            assert_eq!(pb.tasks[t].after, [kyc], "{after}");
        }
    }

    #[test]
    fn a_phase_that_holds_the_task_itself_is_refused() {
        let e = second_step("[\"phase:p1\"]").errors();
        assert_eq!(
            e[0].message,
            "task `sign/sign-the-contract` waits for itself (`phase:p1` includes it)"
        );
        assert_eq!(e[0].underlined(), "\"phase:p1\"");
    }

    #[test]
    fn an_unknown_task_is_placed_at_its_entry_with_the_nearest_id() {
        let e = second_step("[task:kyc/verify-identty]").errors();
        assert_eq!(e[0].message, "no task with id `kyc/verify-identty`");
        assert_eq!(
            e[0].help.as_deref(),
            Some("did you mean `kyc/verify-identity`?")
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:24:25"));
        assert_eq!(e[0].underlined(), "task:kyc/verify-identty");
    }

    #[test]
    fn a_cycle_names_every_link_and_where_each_is_written() {
        let e = second_step("[\"task:kyc/verify-identity\"]")
            .component(
                "owner: legal\n",
                "owner: legal\n                after: [\"task:sign/sign-the-contract\"]\n",
            )
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].message,
            "a dependency cycle: `kyc/verify-identity` waits for `sign/sign-the-contract`, `sign/sign-the-contract` waits for `kyc/verify-identity`"
        );
        assert_eq!(e[0].related.len(), 1, "the other link is pointed at");
    }

    #[test]
    fn adjusting_a_task_not_on_the_list_names_the_nearest() {
        let e = Input::new()
            .replace(
                "content/markets/de.yaml",
                "team:",
                "adjust:\n  kyc/verify-identty:\n    note: n\nteam:",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "no task `kyc/verify-identty` on Germany's checklist"
        );
        assert_eq!(
            e[0].help.as_deref(),
            Some("did you mean `kyc/verify-identity`?")
        );
        assert_eq!(e[0].place(), "content/markets/de.yaml:8:3");
    }

    #[test]
    fn an_adjustment_is_kept_by_task() {
        let pb = Input::new()
            .replace(
                "content/markets/de.yaml",
                "team:",
                "adjust:\n  kyc/verify-identity:\n    note: Frankfurt\n    duration: 3 weeks\nteam:",
            )
            .ok();
        let a = &pb.markets[Idx::new(0)].adjust[&Idx::new(0)];
        assert_eq!(a.note.as_deref(), Some("Frankfurt"));
        assert_eq!(a.duration, Some(crate::model::WorkDuration::Weeks(3)));
    }

    #[test]
    fn a_second_home_market_is_refused() {
        let e = Input::new()
            .replace("content/markets/de.yaml", "team:", "home: true\nteam:")
            .market("id: fr\nname: France\nregion: eu\nkickoff: 2027-03-01\nhome: true\n")
            .errors();
        assert_eq!(e[0].message, "two home markets: `de` and `fr`");
    }
}

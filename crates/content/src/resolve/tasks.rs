//! Tasks: a market's own tasks (added to a step, ids `<step>/<market>-<slug>`),
//! task owners (roles that exist), and which markets each task applies to
//! (`Playbook::task_markets`, empty for a task that applies everywhere).

use super::Resolver;
use crate::diag::Diagnostic;
use crate::load::RawContent;
use crate::markdown::slugify;
use crate::model::raw::{RawMarket, Rule, Scope};
use crate::model::*;
use crate::rules::{self, MarketFacts};

impl Resolver {
    /// Register a task under its id (ids were checked unique by the caller);
    /// `at` is its index in the list it is written in.
    pub(super) fn add_task(&mut self, task: Task, at: usize) -> Idx<Task> {
        let ti = self.pb.tasks.next_idx();
        self.pb
            .index
            .entry(Kind::Task)
            .or_default()
            .insert(task.id.clone(), ti.index());
        self.pb.tasks.push(task);
        self.at.tasks.push(at);
        ti
    }

    /// Each market's own tasks, added to the steps they name.
    pub(super) fn market_tasks(&mut self, raw: &RawContent) {
        for (mi, (m, file)) in raw.files::<RawMarket>().enumerate() {
            let mi: Idx<Market> = Idx::new(mi);
            let me = EntityRef::from(mi);
            for (k, t) in m.tasks.iter().enumerate() {
                let Some(step) = self.pb.find::<Step>(&t.step) else {
                    let d = self.unknown_id(Kind::Step, &t.step);
                    let d = self.at_key(d, file, &format!("tasks[{k}].step"));
                    self.diags.push(d);
                    continue;
                };
                let slug = format!(
                    "{}-{}",
                    m.id,
                    t.id.clone().unwrap_or_else(|| slugify(&t.title))
                );
                let id = format!("{}/{slug}", t.step);
                if self.pb.lookup(Kind::Task, &id).is_some() {
                    let d = Diagnostic::error(format!(
                        "market `{}` adds two tasks with the id `{id}`",
                        m.id
                    ))
                    .help("give one of them a different title or an explicit `id:`");
                    let d = self.at_key(d, file, &format!("tasks[{k}].title"));
                    self.diags.push(d);
                    continue;
                }
                let ti = self.add_task(
                    Task {
                        id,
                        slug,
                        title: t.title.clone(),
                        description: t.description.clone(),
                        owner: t.owner.clone(),
                        rule: Some(Rule {
                            markets: vec![m.id.clone()],
                            ..Rule::default()
                        }),
                        step,
                        activity: None,
                        market: Some(mi),
                        scope: Scope::Market,
                        same_as: Vec::new(),
                        distinct_from: Vec::new(),
                        duration: t.duration,
                        after: Vec::new(),
                        deadline: None,
                        market_entry: false,
                        file,
                    },
                    k,
                );
                if !t.after.is_empty() || t.deadline.is_some() {
                    self.pending.deps.push(super::dependencies::RawDeps {
                        task: ti,
                        after: t.after.clone(),
                        deadline: t.deadline.clone(),
                    });
                }
                self.pb.markets[mi].tasks.push(ti);
                self.pb.steps[step].market_tasks.push(ti);
                self.link(me, step.into());
            }
        }
    }

    /// Every task's owner is a role in `roles.yaml`.
    pub(super) fn check_owners(&mut self) {
        let bad: Vec<Idx<Task>> = self
            .pb
            .tasks
            .indices()
            .filter(|&ti| {
                let owner = self.pb.tasks[ti].owner.as_ref();
                owner.is_some_and(|o| !self.pb.roles.contains_key(o))
            })
            .collect();
        for ti in bad {
            let Some(owner) = self.pb.tasks[ti].owner.clone() else {
                continue;
            };
            let d = self.unknown_role(&owner);
            let path = format!("{}.owner", self.task_path(ti));
            let file = self.pb.tasks[ti].file;
            // The caret covers `owner: <role>`, key and value.
            let d = self
                .at_key(d, file, &path)
                .span(format!("owner: {owner}").chars().count());
            self.diags.push(d);
        }
    }

    pub(super) fn compute_applicability(&mut self) {
        use rayon::prelude::*;
        let pb = &self.pb;
        let regs: Vec<Vec<String>> = pb
            .markets
            .iter()
            .map(|m| {
                m.regulations
                    .iter()
                    .map(|&r| pb.regulations[r].id.clone())
                    .collect()
            })
            .collect();
        let facts: IdxVec<Market, MarketFacts> = pb
            .markets
            .iter()
            .zip(&regs)
            .map(|(m, regs)| MarketFacts {
                id: &m.id,
                region: &m.region,
                regulations: regs,
                tags: &m.tags,
            })
            .collect();
        let ix = rules::MarketIndex::new(facts.as_slice());
        let out: Vec<Vec<Idx<Market>>> = pb
            .tasks
            .as_slice()
            .par_iter()
            .map(|t| match t.market {
                // Company-wide work is on no market's checklist.
                None if t.scope == Scope::Company => Vec::new(),
                // Applies everywhere: no list (it would grow with markets × tasks).
                // A task linked `same_as` (a handful) is listed, so a market's
                // compact checklist can see which of its group stands for it.
                None if t.rule.is_none() && t.same_as.is_empty() => Vec::new(),
                None => ix.select(t.rule.as_ref()),
                // A market's own task can only apply to that market.
                Some(tm) => {
                    if rules::applies(t.rule.as_ref(), facts[tm]) {
                        vec![tm]
                    } else {
                        Vec::new()
                    }
                }
            })
            .collect();
        self.pb.task_markets = out.into();
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};
    use crate::model::{Idx, Task};

    #[test]
    fn an_owner_that_is_not_a_role_is_placed_at_the_owner_line() {
        let e = Input::new()
            .component("owner: legal", "owner: lawyer")
            .errors();
        assert_eq!(e[0].message, "unknown role `lawyer`");
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:15:17"));
        assert_eq!(e[0].underlined(), "owner: lawyer");
        assert_eq!(
            e[0].help.as_deref(),
            Some("add it to content/roles.yaml or use one of: legal, ops")
        );
    }

    #[test]
    fn a_market_adds_a_task_to_a_step_that_applies_to_it_alone() {
        let pb = Input::new()
            .replace(
                "content/markets/de.yaml",
                "team:",
                "tasks:\n  - step: kyc\n    title: File with BaFin\n    owner: legal\nteam:",
            )
            .ok();
        let t = pb.find::<Task>("kyc/de-file-with-bafin").unwrap();
        let de = Idx::new(0);
        assert_eq!(pb.tasks[t].market, Some(de));
        assert_eq!(pb.task_markets[t], [de]);
        assert_eq!(pb.steps[Idx::new(0)].market_tasks, [t]);
        // A task without a rule applies everywhere: no list.
        let pb = Input::new()
            .component(
                "                applies_to:\n                  regions: [eu]\n",
                "",
            )
            .ok();
        assert!(pb.task_markets[Idx::new(0)].is_empty());
    }

    #[test]
    fn a_market_task_naming_an_unknown_step_is_placed_at_its_step_key() {
        let e = Input::new()
            .replace(
                "content/markets/de.yaml",
                "team:",
                "tasks:\n  - step: kys\n    title: T\nteam:",
            )
            .errors();
        assert_eq!(e[0].message, "no step with id `kys`");
        assert_eq!(e[0].place(), "content/markets/de.yaml:8:5");
    }
}

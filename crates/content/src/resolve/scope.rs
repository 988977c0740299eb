//! Scope: work done once for the company (`scope: company` on a framework,
//! phase, step or task, inherited downward) or in every market (the
//! default). Company work is dated from `[company] kickoff` in book.toml,
//! so using it without that date is an error; a company task applies to no
//! market, so it cannot carry `applies_to`; and a market phase's `after:`
//! names the company phases or steps it depends on (`phase:<id>`,
//! `step:<id>`), which must exist and be company work.

use super::places::join;
use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::model::raw::{RawDistinct, Scope};
use crate::model::{Idx, Phase, Prereq, SourceFile, Step, Task};

/// What the structure pass saw and the later rules check: raw lists kept
/// only for the few items that have them.
#[derive(Default)]
pub(super) struct Pending {
    /// Per phase with an `after:` list: its index and the list as written.
    pub(super) after: Vec<(Idx<Phase>, Vec<String>)>,
    /// Per task with links: its index, `same_as` and `distinct_from`.
    pub(super) links: Vec<(Idx<Task>, Vec<String>, Vec<RawDistinct>)>,
    /// The first `scope: company` written: file and YAML path.
    pub(super) company_at: Option<(Idx<SourceFile>, String)>,
    /// Per task with `after:` or `deadline:`: what it wrote.
    pub(super) deps: Vec<super::dependencies::RawDeps>,
}

impl Resolver {
    /// Remember where company scope was first written (for the error when
    /// book.toml has no company kickoff).
    pub(super) fn note_company(&mut self, file: Idx<SourceFile>, path: &str) {
        if self.pending.company_at.is_none() {
            self.pending.company_at = Some((file, path.to_string()));
        }
    }

    /// Company work has a start date; company tasks have no `applies_to`;
    /// every `after:` names a company phase or step.
    pub(super) fn check_scope(&mut self) {
        if let Some((file, path)) = self.pending.company_at.clone() {
            if self.pb.config.company.is_none() {
                let d = Diagnostic::error(
                    "company-wide work needs the company program's start date",
                )
                .help("add to book.toml:\n[company]\nkickoff = 2026-11-02   # week 1 of company-wide work starts here");
                let d = self.at_key(d, file, &path);
                self.diags.push(d);
            }
        }
        let ruled: Vec<Idx<Task>> = self
            .pb
            .tasks
            .indices()
            .filter(|&t| {
                self.pb.tasks[t].scope == Scope::Company && self.pb.tasks[t].rule.is_some()
            })
            .collect();
        for ti in ruled {
            let d = Diagnostic::error(format!(
                "task `{}` is company-wide work but has `applies_to`",
                self.pb.tasks[ti].id
            ))
            .help("company work is done once and is on no market's checklist; remove `applies_to`, or make the task `scope: market`");
            let path = join(&self.task_path(ti), "applies_to");
            let file = self.pb.tasks[ti].file;
            let d = self.at_key(d, file, &path);
            self.diags.push(d);
        }
        for (pi, list) in std::mem::take(&mut self.pending.after) {
            for (k, item) in list.iter().enumerate() {
                match self.prereq(pi, item) {
                    Ok(p) => {
                        if !self.pb.phases[pi].after.contains(&p) {
                            self.pb.phases[pi].after.push(p);
                        }
                    }
                    Err(d) => {
                        let path = join(&self.phase_path(pi), &format!("after[{k}]"));
                        let file = self.pb.phases[pi].file;
                        let d = self.at_value(d, file, &path, item.chars().count());
                        self.diags.push(d);
                    }
                }
            }
        }
    }

    /// One entry of phase `pi`'s `after:` list.
    fn prereq(&self, pi: Idx<Phase>, item: &str) -> Result<Prereq, Diagnostic> {
        let phase = &self.pb.phases[pi];
        if phase.scope == Scope::Company {
            return Err(Diagnostic::error(format!(
                "phase `{}` is company-wide: `after` is for market phases",
                phase.id
            ))
            .help(
                "company phases run in their own order from the company kickoff; remove `after`",
            ));
        }
        let (kind, id) = item.split_once(':').unwrap_or(("", item));
        let company_phases = || {
            self.pb
                .phases
                .iter()
                .filter(|p| p.scope == Scope::Company)
                .map(|p| p.id.as_str())
        };
        let company_steps = || {
            self.pb
                .steps
                .iter()
                .filter(|s| s.scope == Scope::Company)
                .map(|s| s.id.as_str())
        };
        let (found, scope, candidates): (Option<Prereq>, Scope, Vec<&str>) = match kind {
            "phase" => {
                let at = self.pb.phases.position(|p| p.id == id);
                (
                    at.map(Prereq::Phase),
                    at.map_or(Scope::Market, |p| self.pb.phases[p].scope),
                    company_phases().collect(),
                )
            }
            "step" => {
                let at = self.pb.find::<Step>(id);
                (
                    at.map(Prereq::Step),
                    at.map_or(Scope::Market, |s| self.pb.steps[s].scope),
                    company_steps().collect(),
                )
            }
            _ => {
                let near = suggest(id, company_phases().chain(company_steps()));
                let mut d =
                    Diagnostic::error(format!("`after` entry `{item}` does not say what it names"));
                d = d.help(match near {
                    Some(n) if company_phases().any(|p| p == n) => {
                        format!("write `phase:<id>` or `step:<id>`; did you mean `phase:{n}`?")
                    }
                    Some(n) => {
                        format!("write `phase:<id>` or `step:<id>`; did you mean `step:{n}`?")
                    }
                    None => "write `phase:<id>` or `step:<id>`".to_string(),
                });
                return Err(d);
            }
        };
        match found {
            Some(p) if scope == Scope::Company => Ok(p),
            Some(_) => Err(Diagnostic::error(format!(
                "`after` names {kind} `{id}`, which is market work"
            ))
            .help("`after` lists company-wide phases and steps (`scope: company`); market work is ordered by its weeks")),
            None => {
                let help = match suggest(id, candidates.iter().copied()) {
                    Some(n) => format!("did you mean `{kind}:{n}`?"),
                    None if candidates.is_empty() => {
                        format!("there is no company-wide {kind} (mark one `scope: company`)")
                    }
                    None => format!("company {kind}s: {}", candidates.join(", ")),
                };
                Err(Diagnostic::error(format!("no {kind} with id `{id}`")).help(help))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};
    use crate::model::{Idx, Task};
    use crate::model::{Prereq, Scope};

    /// A second component: a company phase with one step.
    const COMPANY: &str = "id: base\ntitle: B\nsummary: s\nphases:\n  - id: foundation\n    title: Foundation\n    scope: company\n    weeks: [1, 4]\n    steps:\n      - id: platform\n        title: Platform\n        activities:\n          - title: A\n            tasks:\n              - title: Choose the platform\n                owner: ops\n";

    fn with_company(book: bool) -> Input {
        let i = Input::new()
            .replace(
                "content/frameworks/fw/framework.yaml",
                "components: [comp]",
                "components: [base, comp]",
            )
            .file("content/frameworks/fw/base.yaml", COMPANY);
        if book {
            i.book("[book]\ntitle = \"T\"\n[company]\nkickoff = 2026-11-02\n")
        } else {
            i
        }
    }

    #[test]
    fn scope_is_inherited_downward_and_company_work_applies_to_no_market() {
        let pb = with_company(true).ok();
        let t = pb.find::<Task>("platform/choose-the-platform").unwrap();
        assert_eq!(pb.tasks[t].scope, Scope::Company);
        assert_eq!(pb.steps[pb.tasks[t].step].scope, Scope::Company);
        assert!(
            !pb.applies(t, Idx::new(0)),
            "company work is on no market's checklist"
        );
        // The other component stays market work.
        let k = pb.find::<Task>("kyc/verify-identity").unwrap();
        assert_eq!(pb.tasks[k].scope, Scope::Market);
        assert!(pb.applies(k, Idx::new(0)));
    }

    #[test]
    fn company_work_without_a_company_kickoff_is_an_error_at_the_scope() {
        let e = with_company(false).errors();
        assert_eq!(
            e[0].message,
            "company-wide work needs the company program's start date"
        );
        assert_eq!(e[0].place(), "content/frameworks/fw/base.yaml:7:5");
        assert!(e[0]
            .help
            .as_deref()
            .unwrap()
            .contains("[company]\nkickoff ="));
    }

    #[test]
    fn a_company_task_with_applies_to_is_an_error() {
        let e = with_company(true)
            .replace(
                "content/frameworks/fw/base.yaml",
                "                owner: ops\n",
                "                owner: ops\n                applies_to:\n                  regions: [eu]\n",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "task `platform/choose-the-platform` is company-wide work but has `applies_to`"
        );
        assert_eq!(e[0].place(), "content/frameworks/fw/base.yaml:17:17");
    }

    #[test]
    fn after_names_company_phases_and_steps() {
        let pb = with_company(true)
            .component(
                "    weeks: [1, 2]\n",
                "    weeks: [1, 2]\n    after: [\"phase:foundation\", \"step:platform\"]\n",
            )
            .ok();
        let p = pb.phases.iter().find(|p| p.id == "p1").unwrap();
        assert_eq!(
            p.after,
            [Prereq::Phase(Idx::new(0)), Prereq::Step(Idx::new(0))]
        );
    }

    #[test]
    fn after_with_a_typo_or_market_work_or_no_kind_is_placed_with_did_you_mean() {
        let e = with_company(true)
            .component(
                "    weeks: [1, 2]\n",
                "    weeks: [1, 2]\n    after: [\"step:platfrom\", \"step:kyc\", \"foundation\"]\n",
            )
            .errors();
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!(e[0].message, "no step with id `platfrom`");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `step:platform`?"));
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:8:13"));
        assert_eq!(
            e[1].message,
            "`after` names step `kyc`, which is market work"
        );
        assert_eq!(
            e[2].message,
            "`after` entry `foundation` does not say what it names"
        );
        assert_eq!(
            e[2].help.as_deref(),
            Some("write `phase:<id>` or `step:<id>`; did you mean `phase:foundation`?")
        );
    }
}

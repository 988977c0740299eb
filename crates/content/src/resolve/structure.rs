//! Structure: frameworks → components → phases (each with a time window)
//! → week blocks → steps → activities → tasks, as the model's flat vectors
//! with indices between them. A phase has `steps` or `blocks`, never both;
//! its window is `weeks` or `months`; a block's weeks count from the
//! phase's first week; task ids come from their titles and are unique in
//! their step.

use super::places::join;
use super::Resolver;
use crate::diag::Diagnostic;
use crate::markdown::slugify;
use crate::model::raw::{RawPhase, RawStep, Scope};
use crate::model::*;

/// A block's parts before it is registered: id, title, weeks, summary, steps, implicit.
type BlockParts<'a> = (
    String,
    String,
    Option<Vec<u32>>,
    Option<String>,
    &'a Vec<RawStep>,
    bool,
);

impl Resolver {
    /// A framework, its components and their phases (or its phase files).
    pub(super) fn framework(&mut self, lf: &crate::load::LoadedFramework) {
        let fi = self.pb.frameworks.next_idx();
        self.define(fi, &lf.raw.id, lf.file, "id");
        self.pb.frameworks.push(Framework {
            id: lf.raw.id.clone(),
            title: lf.raw.title.clone(),
            short_title: lf.raw.short_title.clone(),
            summary: lf.raw.summary.clone(),
            body: lf.raw.body.clone(),
            source: lf.raw.source.clone(),
            components: Vec::new(),
            phases: Vec::new(),
            risks: Vec::new(),
            scope: lf.raw.scope.unwrap_or_default(),
            file: lf.file,
        });
        if lf.raw.scope == Some(Scope::Company) {
            self.note_company(lf.file, "scope");
        }
        for (c, file) in &lf.components {
            let ci = self.pb.components.next_idx();
            self.define(ci, &c.id, *file, "id");
            self.pb.components.push(Component {
                id: c.id.clone(),
                number: c.number,
                title: c.title.clone(),
                short_title: c.short_title.clone(),
                subtitle: c.subtitle.clone(),
                summary: c.summary.clone(),
                body: c.body.clone(),
                framework: fi,
                phases: Vec::new(),
                file: *file,
            });
            self.pb.frameworks[fi].components.push(ci);
            if c.phases.is_empty() {
                let d = Diagnostic::error(format!("component `{}` has no phases", c.id))
                    .help("add `phases:` with at least one phase and its steps");
                let d = self.at_key(d, *file, "id");
                self.diags.push(d);
            }
            for (i, p) in c.phases.iter().enumerate() {
                let pi = self.phase(p, fi, Some(ci), *file, Some(i));
                self.pb.components[ci].phases.push(pi);
                self.pb.frameworks[fi].phases.push(pi);
            }
        }
        for (p, file) in &lf.phases {
            let pi = self.phase(p, fi, None, *file, None);
            self.pb.frameworks[fi].phases.push(pi);
        }
        // Risks refer to steps; resolve after all frameworks' steps exist (in check_structured_refs).
    }

    /// A phase's time window: `weeks: [first, last]` or `months: [first(, last)]`.
    fn window(&mut self, p: &RawPhase, file: Idx<SourceFile>, base: &str) -> Window {
        let bad = |s: &mut Self, msg: &str, key: &str| {
            let d = Diagnostic::error(format!("phase `{}`: {msg}", p.id)).help(
                "write `weeks: [first, last]` (e.g. [1, 2]) or `months: [first, last]`; `months: [4]` means Month 4 onwards",
            );
            let d = s.at_key(d, file, &join(base, key));
            s.diags.push(d);
        };
        match (&p.weeks, &p.months) {
            (Some(w), None) => match w.as_slice() {
                [a, b] if *a >= 1 && b >= a => Window::Weeks {
                    first: *a,
                    last: *b,
                },
                [a] if *a >= 1 => Window::Weeks {
                    first: *a,
                    last: *a,
                },
                _ => {
                    bad(
                        self,
                        "`weeks` must be [first, last] with 1 ≤ first ≤ last",
                        "weeks",
                    );
                    Window::Weeks { first: 1, last: 1 }
                }
            },
            (None, Some(m)) => match m.as_slice() {
                [a, b] if *a >= 1 && b >= a => Window::Months {
                    first: *a,
                    last: Some(*b),
                },
                [a] if *a >= 1 => Window::Months {
                    first: *a,
                    last: None,
                },
                _ => {
                    bad(
                        self,
                        "`months` must be [first, last] or [first] with first ≥ 1",
                        "months",
                    );
                    Window::Months {
                        first: 1,
                        last: Some(1),
                    }
                }
            },
            (Some(_), Some(_)) => {
                bad(self, "has both `weeks` and `months`", "months");
                Window::Weeks { first: 1, last: 1 }
            }
            (None, None) => {
                let d = Diagnostic::error(format!("phase `{}` has no time window", p.id))
                    .help("add `weeks: [1, 2]` (weeks after kickoff) or `months: [1, 1]`");
                let d = self.at_key(d, file, &join(base, "id"));
                self.diags.push(d);
                Window::Weeks { first: 1, last: 1 }
            }
        }
    }

    /// A phase (`at`: its index in its component's `phases`; `None` for a
    /// phase file), its blocks and their steps.
    fn phase(
        &mut self,
        p: &RawPhase,
        fi: Idx<Framework>,
        ci: Option<Idx<Component>>,
        file: Idx<SourceFile>,
        at: Option<usize>,
    ) -> Idx<Phase> {
        let base = at.map(|i| format!("phases[{i}]")).unwrap_or_default();
        let window = self.window(p, file, &base);
        let pi = self.pb.phases.next_idx();
        let scope = p.scope.unwrap_or(self.pb.frameworks[fi].scope);
        if p.scope == Some(Scope::Company) {
            self.note_company(file, &join(&base, "scope"));
        }
        if !p.after.is_empty() {
            self.pending.after.push((pi, p.after.clone()));
        }
        self.at.phases.push(at);
        self.pb.phases.push(Phase {
            id: p.id.clone(),
            number: p.number,
            title: p.title.clone(),
            window,
            summary: p.summary.clone(),
            framework: fi,
            component: ci,
            blocks: Vec::new(),
            scope,
            market_entry: p.market_entry.unwrap_or(false),
            after: Vec::new(),
            file,
        });
        let blocks: Vec<BlockParts<'_>> = match (&p.steps, &p.blocks) {
            (Some(steps), None) => vec![(p.id.clone(), String::new(), None, None, steps, true)],
            (None, Some(blocks)) => blocks
                .iter()
                .map(|b| {
                    (
                        b.id.clone(),
                        b.title.clone(),
                        b.weeks.clone(),
                        b.summary.clone(),
                        &b.steps,
                        false,
                    )
                })
                .collect(),
            _ => {
                let d = Diagnostic::error(format!(
                        "phase `{}` must have either `steps` or `blocks`",
                        p.id
                    ))
                    .help("list the steps directly under `steps:`, or group them in titled week `blocks:` — not both, not neither");
                let d = self.at_key(d, file, &join(&base, "id"));
                self.diags.push(d);
                Vec::new()
            }
        };
        for (b, (id, title, weeks, summary, steps, implicit)) in blocks.into_iter().enumerate() {
            let block_at = (!implicit).then_some(b);
            let weeks = match weeks.as_deref() {
                None => None,
                Some([a, b]) if *a >= 1 && b >= a => Some((*a, *b)),
                Some(_) => {
                    let d = Diagnostic::error(format!(
                        "block `{id}`: `weeks` must be [first, last] with 1 ≤ first ≤ last"
                    ))
                    .help("weeks count from the phase's first week, e.g. `weeks: [3, 4]`");
                    let d = self.at_key(d, file, &join(&base, &format!("blocks[{b}].id")));
                    self.diags.push(d);
                    None
                }
            };
            let bi = self.pb.blocks.next_idx();
            self.pb.blocks.push(Block {
                id,
                title,
                weeks,
                summary,
                phase: pi,
                steps: Vec::new(),
                implicit,
            });
            self.pb.phases[pi].blocks.push(bi);
            self.at.blocks.push(block_at);
            for (j, s) in steps.iter().enumerate() {
                let si = self.step(s, (fi, ci, pi, bi), file, j);
                self.pb.blocks[bi].steps.push(si);
            }
        }
        pi
    }

    /// A step (the `j`th of its block), its activities and their tasks.
    fn step(
        &mut self,
        s: &RawStep,
        (fi, ci, pi, bi): (
            Idx<Framework>,
            Option<Idx<Component>>,
            Idx<Phase>,
            Idx<Block>,
        ),
        file: Idx<SourceFile>,
        j: usize,
    ) -> Idx<Step> {
        let si = self.pb.steps.next_idx();
        let path = join(&self.block_path(bi), &format!("steps[{j}]"));
        self.define(si, &s.id, file, &join(&path, "id"));
        self.at.steps.push(j);
        let scope = s.scope.unwrap_or(self.pb.phases[pi].scope);
        if s.scope == Some(Scope::Company) {
            self.note_company(file, &join(&path, "scope"));
        }
        let mut step = Step {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            guidance: s.guidance.clone(),
            framework: fi,
            component: ci,
            phase: pi,
            block: bi,
            activities: IdxVec::new(),
            market_tasks: Vec::new(),
            scope,
            market_entry: s.market_entry.unwrap_or(self.pb.phases[pi].market_entry),
            file,
        };
        // This step's tasks so far (a handful): where duplicate slugs are looked for.
        let first_task = self.pb.tasks.len();
        for (ai, a) in s.activities.iter().enumerate() {
            let mut act = Activity {
                id: a.id.clone().unwrap_or_else(|| slugify(&a.title)),
                title: a.title.clone(),
                summary: a.summary.clone(),
                tasks: Vec::new(),
            };
            for (k, t) in a.tasks.iter().enumerate() {
                let slug = t.id.clone().unwrap_or_else(|| slugify(&t.title));
                if self.pb.tasks.as_slice()[first_task..]
                    .iter()
                    .any(|x| x.slug == slug)
                {
                    let d = Diagnostic::error(format!(
                        "two tasks in step `{}` have the id `{slug}`",
                        s.id
                    ))
                    .help("task ids come from their titles; give one task a different title or an explicit `id:`");
                    let at = format!("activities[{ai}].tasks[{k}].title");
                    let d = self.at_key(d, file, &join(&path, &at));
                    self.diags.push(d);
                    continue;
                }
                let ti = self.add_task(
                    Task {
                        id: format!("{}/{slug}", s.id),
                        slug,
                        title: t.title.clone(),
                        description: t.description.clone(),
                        owner: t.owner.clone(),
                        rule: t.applies_to.clone(),
                        step: si,
                        activity: Some(step.activities.next_idx()),
                        market: None,
                        scope: t.scope.unwrap_or(scope),
                        same_as: Vec::new(),
                        distinct_from: Vec::new(),
                        duration: t.duration,
                        after: Vec::new(),
                        deadline: None,
                        market_entry: t.market_entry.unwrap_or(step.market_entry),
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
                if t.scope == Some(Scope::Company) {
                    let at = format!("activities[{ai}].tasks[{k}].scope");
                    self.note_company(file, &join(&path, &at));
                }
                if !t.same_as.is_empty() || !t.distinct_from.is_empty() {
                    self.pending
                        .links
                        .push((ti, t.same_as.clone(), t.distinct_from.clone()));
                }
                act.tasks.push(ti);
            }
            step.activities.push(act);
        }
        self.pb.steps.push(step);
        si
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};
    use crate::model::Idx;
    use crate::model::Window;

    #[test]
    fn a_phase_without_a_window_is_placed_at_its_id() {
        let e = Input::new().component("    weeks: [1, 2]\n", "").errors();
        assert_eq!(e[0].message, "phase `p1` has no time window");
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:5:5"));
    }

    #[test]
    fn a_bad_window_is_placed_at_that_phases_own_key() {
        // The second phase's `months`, not the first `weeks`/`months` of the file.
        let e = Input::new()
            .step_yaml(
                "  - id: p2\n    title: P2\n    weeks: [3, 4]\n    months: [2, 1]\n    steps: []\n",
            )
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].message, "phase `p2`: has both `weeks` and `months`");
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:21:5"));
        let e = Input::new()
            .component("weeks: [1, 2]", "weeks: [2, 1]")
            .errors();
        assert_eq!(
            e[0].message,
            "phase `p1`: `weeks` must be [first, last] with 1 ≤ first ≤ last"
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:7:5"));
    }

    #[test]
    fn a_phase_needs_steps_or_blocks() {
        let e = Input::new()
            .file(COMPONENT_PATH, "id: comp\ntitle: C\nsummary: s\nphases:\n  - id: p1\n    title: P1\n    weeks: [1, 2]\n")
            .errors();
        assert_eq!(
            e[0].message,
            "phase `p1` must have either `steps` or `blocks`"
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:5:5"));
    }

    #[test]
    fn two_tasks_with_one_title_are_placed_at_the_second() {
        let e = Input::new()
            .component(
                "                owner: legal\n",
                "                owner: legal\n              - title: Verify identity\n",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "two tasks in step `kyc` have the id `verify-identity`"
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:16:17"));
    }

    #[test]
    fn week_blocks_group_steps_and_count_from_the_phase() {
        let pb = Input::new()
            .file(
                COMPONENT_PATH,
                "id: comp\ntitle: C\nsummary: s\nphases:\n  - id: p1\n    title: P1\n    months: [2]\n    blocks:\n      - id: b1\n        title: Week 1-2\n        weeks: [1, 2]\n        steps:\n          - id: kyc\n            title: K\n            activities: []\n",
            )
            .ok();
        assert_eq!(
            pb.phases[Idx::new(0)].window,
            Window::Months {
                first: 2,
                last: None
            }
        );
        let b = &pb.blocks[pb.phases[Idx::new(0)].blocks[0]];
        assert_eq!(
            (b.id.as_str(), b.weeks, b.implicit),
            ("b1", Some((1, 2)), false)
        );
        assert_eq!(pb.steps[b.steps[0]].id, "kyc");
        let e = Input::new()
            .file(
                COMPONENT_PATH,
                "id: comp\ntitle: C\nsummary: s\nphases:\n  - id: p1\n    title: P1\n    months: [2]\n    blocks:\n      - id: b1\n        title: W\n        weeks: [0, 2]\n        steps: []\n",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "block `b1`: `weeks` must be [first, last] with 1 ≤ first ≤ last"
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:9:9"));
    }

    #[test]
    fn a_component_without_phases_is_an_error_at_its_id() {
        let e = Input::new()
            .file(
                COMPONENT_PATH,
                "id: comp\ntitle: C\nsummary: s\nphases: []\n",
            )
            .errors();
        assert_eq!(e[0].message, "component `comp` has no phases");
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:1:1"));
    }
}

//! Task links: `same_as` (tasks in two frameworks that are the same work;
//! a checklist shows them as one row) and `distinct_from` (a similar title,
//! different work, with why). A link written on either side holds both
//! ways, and `same_as` is transitive: each task's [`Task::same_as`] lists
//! the other members of its group. Then a warning for every pair of tasks
//! in different frameworks whose titles are near-identical (see
//! [`near_identical`]) and that are neither linked nor marked.
//!
//! [`Task::same_as`]: crate::model::Task::same_as

use super::places::join;
use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::model::{Idx, IdxVec, Scope, Task};
use std::collections::{BTreeSet, HashMap};

/// Words dropped before titles are compared: they join, they do not name.
const STOP_WORDS: [&str; 11] = [
    "a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with",
];

/// Head nouns the seeds put after the same subject without changing the
/// work ("Follow-the-Sun Model" / "Operations", "Data Residency" /
/// "Requirements"): two titles whose other words agree are near-identical.
const GENERIC_WORDS: [&str; 11] = [
    "model",
    "management",
    "system",
    "requirement",
    "operation",
    "strategy",
    "framework",
    "development",
    "implementation",
    "global",
    "program",
];

/// Abbreviations written out, so "Global SLAs" meets "Service Level Agreements".
const ABBREVIATIONS: [(&str, &[&str]); 2] = [
    ("sla", &["service", "level", "agreement"]),
    ("kpi", &["key", "performance", "indicator"]),
];

/// A title's words as compared: lower case, split at anything not a letter
/// or digit (so "Follow-the-Sun" is three words), plurals folded
/// ("platforms" → "platform", "policies" → "policy"), abbreviations
/// written out, stop words dropped.
pub(super) fn title_words(title: &str) -> BTreeSet<String> {
    let lower = title.to_lowercase();
    let mut out = BTreeSet::new();
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let n = w.chars().count();
        let w = if n > 4 && w.ends_with("ies") {
            format!("{}y", &w[..w.len() - 3])
        } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
            w[..w.len() - 1].to_string()
        } else {
            w.to_string()
        };
        match ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
            Some((_, full)) => out.extend(full.iter().map(|s| s.to_string())),
            None if STOP_WORDS.contains(&w.as_str()) => {}
            None => {
                out.insert(w);
            }
        }
    }
    out
}

/// Are two titles near-identical? After [`title_words`], either
///
/// 1. the words are the same ("Integration Platform" / "Integration Platforms");
/// 2. the words other than generic head nouns are the same and at least two
///    ("Follow-the-Sun Model" / "Follow-the-Sun Operations"; one shared
///    word such as "Compliance Framework" / "Compliance Requirements" is
///    too little to call them one task); or
/// 3. one title is the other plus one word, the shorter having at least two
///    ("Data Residency" / "Data Residency Requirements", "Global SLAs" /
///    "Service Level Agreements").
///
/// Why not edit distance or a word-overlap ratio: the seeds' near
/// duplicates are one noun phrase with a head noun added or swapped, and a
/// ratio that catches those (Jaccard ≥ 0.5) also pairs every "Performance
/// X" with every "Performance Y" (60 pairs in the real playbook, most of
/// them different work), while edit distance pairs short unrelated titles.
#[cfg(test)]
pub(super) fn near_identical(a: &str, b: &str) -> bool {
    let (a, b): (Vec<String>, Vec<String>) = (
        title_words(a).into_iter().collect(),
        title_words(b).into_iter().collect(),
    );
    words_near(&a, &b, |w: &String| GENERIC_WORDS.contains(&w.as_str()))
}

/// [`near_identical`] over two titles' words, each sorted (as
/// [`title_words`] gives them, or as interned numbers); `generic` tells a
/// generic head noun.
fn words_near<T: Ord>(a: &[T], b: &[T], generic: impl Fn(&T) -> bool) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let ca: Vec<&T> = a.iter().filter(|w| !generic(w)).collect();
    let cb: Vec<&T> = b.iter().filter(|w| !generic(w)).collect();
    if ca.len() >= 2 && ca == cb {
        return true;
    }
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.len() >= 2 && big.len() == small.len() + 1 && {
        // Sorted: `small` is `big` less one word when at most one of big's
        // words is skipped walking both.
        let mut skipped = 0;
        let mut k = 0;
        for w in big {
            if k < small.len() && small[k] == *w {
                k += 1;
            } else {
                skipped += 1;
            }
        }
        skipped == 1 && k == small.len()
    }
}

impl Resolver {
    /// Resolve `same_as` and `distinct_from`, then warn about unmarked
    /// near-identical titles across frameworks.
    pub(super) fn link_tasks(&mut self) {
        let mut parent: IdxVec<Task, Idx<Task>> = self.pb.tasks.indices().collect();
        fn root(p: &mut IdxVec<Task, Idx<Task>>, mut x: Idx<Task>) -> Idx<Task> {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        let mut linked = false;
        for (ti, same, distinct) in std::mem::take(&mut self.pending.links) {
            for (k, item) in same.iter().enumerate() {
                let path = join(&self.task_path(ti), &format!("same_as[{k}]"));
                let Some(tj) = self.link_target(ti, item, &path) else {
                    continue;
                };
                if self.pb.tasks[ti].scope != self.pb.tasks[tj].scope {
                    let (a, b) = (&self.pb.tasks[ti], &self.pb.tasks[tj]);
                    let company = if a.scope == Scope::Company { a } else { b };
                    let d = Diagnostic::error(format!(
                        "`{}` and `{}` cannot be one row: `{}` is company-wide work, the other is done per market",
                        a.id, b.id, company.id
                    ))
                    .help("if they are different work, mark them `distinct_from` with a `why`; if they are one task, give them the same `scope`");
                    let file = self.pb.tasks[ti].file;
                    let d = self.at_value(d, file, &path, item.chars().count());
                    self.diags.push(d);
                    continue;
                }
                let (ra, rb) = (root(&mut parent, ti), root(&mut parent, tj));
                parent[ra.max(rb)] = ra.min(rb);
                linked = true;
            }
            for (k, dist) in distinct.iter().enumerate() {
                let path = join(&self.task_path(ti), &format!("distinct_from[{k}].task"));
                let Some(tj) = self.link_target(ti, &dist.task, &path) else {
                    continue;
                };
                if dist.why.trim().is_empty() {
                    let d = Diagnostic::error("`why` is empty")
                        .help("say how the two tasks differ, for the reader and the next reviewer");
                    let file = self.pb.tasks[ti].file;
                    let p = join(&self.task_path(ti), &format!("distinct_from[{k}].why"));
                    let d = self.at_key(d, file, &p);
                    self.diags.push(d);
                }
                self.pb.tasks[ti].distinct_from.push((tj, dist.why.clone()));
                self.pb.tasks[tj].distinct_from.push((ti, dist.why.clone()));
            }
        }
        if linked {
            let mut groups: HashMap<Idx<Task>, Vec<Idx<Task>>> = HashMap::new();
            for t in self.pb.tasks.indices() {
                let r = root(&mut parent, t);
                if r != t || groups.contains_key(&r) {
                    groups.entry(r).or_default().push(t);
                }
            }
            for (r, mut members) in groups {
                members.push(r);
                members.sort_unstable();
                for &t in &members {
                    self.pb.tasks[t].same_as =
                        members.iter().copied().filter(|&x| x != t).collect();
                }
            }
        }
        let both: Vec<(Idx<Task>, Idx<Task>)> = self
            .pb
            .tasks
            .indices()
            .flat_map(|t| {
                let task = &self.pb.tasks[t];
                task.distinct_from
                    .iter()
                    .filter(|(o, _)| *o > t && task.same_as.contains(o))
                    .map(move |(o, _)| (t, *o))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (a, b) in both {
            let d = Diagnostic::error(format!(
                "`{}` and `{}` are marked both the same work and different work",
                self.pb.tasks[a].id, self.pb.tasks[b].id
            ))
            .help("keep `same_as` or `distinct_from`, not both (a `same_as` chain through a third task counts)");
            let file = self.pb.tasks[b].file;
            let path = join(&self.task_path(b), "title");
            let d = self.at_key(d, file, &path);
            self.diags.push(d);
        }
        self.warn_similar_titles();
    }

    /// The task a link names (`task:<id>`), or an error placed at `path`.
    fn link_target(&mut self, ti: Idx<Task>, item: &str, path: &str) -> Option<Idx<Task>> {
        let file = self.pb.tasks[ti].file;
        let err = match item.strip_prefix("task:") {
            None => Diagnostic::error(format!("`{item}` is not a task reference")).help(format!(
                "write `task:<step-id>/<task-id>`, e.g. `task:{item}`"
            )),
            Some(id) => match self.pb.find::<Task>(id) {
                Some(t) if t == ti => Diagnostic::error(format!("task `{id}` is linked to itself"))
                    .help("name the other framework's task"),
                Some(t) => return Some(t),
                None => self.unknown_task(id),
            },
        };
        let d = self.at_value(err, file, path, item.chars().count());
        self.diags.push(d);
        None
    }

    /// "no task with id …", with the nearest id: tasks are many, so the
    /// candidates are those of the same step (a typo in the slug) and then
    /// every step id (a typo in the step).
    fn unknown_task(&self, id: &str) -> Diagnostic {
        let (step, slug) = id.split_once('/').unwrap_or((id, ""));
        let help = match self.pb.find::<crate::model::Step>(step) {
            Some(s) => {
                let st = &self.pb.steps[s];
                let slugs: Vec<&str> = st
                    .activities
                    .iter()
                    .flat_map(|a| a.tasks.iter().map(|&t| self.pb.tasks[t].slug.as_str()))
                    .collect();
                match suggest(slug, slugs.iter().copied()) {
                    Some(x) => format!("did you mean `task:{step}/{x}`?"),
                    None => format!("step `{step}` has tasks: {}", slugs.join(", ")),
                }
            }
            None => {
                let steps = self.pb.steps.iter().map(|s| s.id.as_str());
                match suggest(step, steps) {
                    Some(x) => format!("no step `{step}`; did you mean `task:{x}/{slug}`?"),
                    None => "a task id is `<step-id>/<task-id>`; check the step's page".into(),
                }
            }
        };
        Diagnostic::error(format!("no task with id `{id}`")).help(help)
    }

    /// A warning at each task whose title is near-identical to an earlier
    /// task's in another framework, when the two are neither linked nor
    /// marked: one warning per task (naming the first such task), so a
    /// title repeated a thousand times gives a thousand lines, not a
    /// million. Words are numbered, and each title is filed under hashes of
    /// its words, its content words and its words less one (one sorted
    /// list), so the work grows with the tasks, not with their pairs; a
    /// hash that collides only costs a comparison.
    fn warn_similar_titles(&mut self) {
        let tasks: Vec<Idx<Task>> = self
            .pb
            .tasks
            .indices()
            .filter(|&t| self.pb.tasks[t].market.is_none())
            .collect();
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut generic: Vec<bool> = Vec::new();
        let words: Vec<Vec<u32>> = tasks
            .iter()
            .map(|&t| {
                let mut v: Vec<u32> = title_words(&self.pb.tasks[t].title)
                    .into_iter()
                    .map(|w| {
                        let next = numbers.len() as u32;
                        *numbers.entry(w).or_insert_with_key(|w| {
                            generic.push(GENERIC_WORDS.contains(&w.as_str()));
                            next
                        })
                    })
                    .collect();
                v.sort_unstable();
                v
            })
            .collect();
        let is_gen = |w: &u32| generic[*w as usize];
        fn key(kind: u64, words: impl Iterator<Item = u32>) -> u64 {
            let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ kind;
            for w in words {
                h = (h ^ u64::from(w)).wrapping_mul(0x0100_0000_01b3);
                h ^= h >> 29;
            }
            h
        }
        // (0, words), (1, content words: two or more), (2, words less one:
        // two or more left).
        let keys_of = |w: &[u32]| -> Vec<(u8, u64)> {
            let mut out = vec![(0, key(0, w.iter().copied()))];
            if w.iter().filter(|x| !is_gen(x)).count() >= 2 {
                out.push((1, key(1, w.iter().copied().filter(|x| !is_gen(x)))));
            }
            if w.len() >= 3 {
                for skip in 0..w.len() {
                    let less = w.iter().enumerate().filter(|&(k, _)| k != skip);
                    out.push((2, key(2, less.map(|(_, x)| *x))));
                }
            }
            out
        };
        let task_keys: Vec<Vec<(u8, u64)>> = words.iter().map(|w| keys_of(w)).collect();
        let mut filed: Vec<(u64, u32)> = task_keys
            .iter()
            .enumerate()
            .flat_map(|(i, ks)| ks.iter().map(move |&(_, k)| (k, i as u32)))
            .collect();
        filed.sort_unstable();
        let under = |k: u64| {
            let from = filed.partition_point(|e| e.0 < k);
            let to = filed.partition_point(|e| e.0 <= k);
            &filed[from..to]
        };
        let fw = |pb: &crate::model::Playbook, t: Idx<Task>| pb.steps[pb.tasks[t].step].framework;
        let mut found: Vec<(Idx<Task>, Idx<Task>)> = Vec::new();
        for (i, ks) in task_keys.iter().enumerate() {
            let b = tasks[i];
            // Where an earlier near title is filed: under our words (the same
            // words; a longer title, less one word); under our content words;
            // under our words less one (a shorter title, as its words).
            let w = &words[i];
            let mut lookups: Vec<u64> = vec![key(0, w.iter().copied()), key(2, w.iter().copied())];
            lookups.extend(ks.iter().filter(|(kind, _)| *kind == 1).map(|&(_, k)| k));
            if w.len() >= 3 {
                for skip in 0..w.len() {
                    let less = w.iter().enumerate().filter(|&(k, _)| k != skip);
                    lookups.push(key(0, less.map(|(_, x)| *x)));
                }
            }
            let mut first: Option<Idx<Task>> = None;
            for &k in &lookups {
                for &(_, j) in under(k) {
                    let j = j as usize;
                    if j >= i {
                        break;
                    }
                    let a = tasks[j];
                    if first.is_some_and(|f| f <= a) {
                        break;
                    }
                    let tb = &self.pb.tasks[b];
                    if fw(&self.pb, a) == fw(&self.pb, b)
                        || tb.same_as.contains(&a)
                        || tb.distinct_from.iter().any(|(o, _)| *o == a)
                    {
                        continue;
                    }
                    if words_near(&words[j], &words[i], is_gen) {
                        first = Some(a);
                        break;
                    }
                }
            }
            if let Some(a) = first {
                found.push((a, b));
            }
        }
        for (a, b) in found {
            let (ta, tb) = (&self.pb.tasks[a], &self.pb.tasks[b]);
            let fw = &self.pb.frameworks[self.pb.steps[ta.step].framework].title;
            let same = if ta.title == tb.title {
                "the same title as"
            } else {
                "a title like"
            };
            let d = Diagnostic::warning(format!(
                "task `{}` (\"{}\") has {same} `{}` (\"{}\") in {fw}",
                tb.id, tb.title, ta.id, ta.title
            ))
            .help(format!(
                "if they are the same work, add `same_as: [\"task:{}\"]` to either task (a checklist then shows one row); if not, add `distinct_from: [{{task: \"task:{}\", why: \"…\"}}]` to either",
                ta.id, ta.id
            ));
            let (fa, fb) = (ta.file, tb.file);
            let (pa, pb_) = (
                join(&self.task_path(a), "title"),
                join(&self.task_path(b), "title"),
            );
            let mut d = self.at_key(d, fb, &pb_);
            if let Some(l) = self.key_location(fa, &pa) {
                d = d.related(l);
            }
            self.diags.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};
    use super::near_identical;
    use crate::model::Task;

    #[test]
    fn the_seeds_near_duplicates_are_near_identical() {
        for (a, b) in [
            ("Follow-the-Sun Model", "Follow-the-Sun Operations"),
            ("Data Residency", "Data Residency Requirements"),
            ("Global SLAs", "Service Level Agreements"),
            ("Service Quality", "Service Quality Management"),
            ("Integration Platform", "Integration Platforms"),
            ("Privacy Compliance", "Privacy Regulation Compliance"),
            ("KPI Management", "Global KPIs"),
            ("Local Partnerships", "Local Partnership Management"),
            ("Latency Optimization", "Latency Optimization"),
        ] {
            assert!(near_identical(a, b), "{a} / {b}");
            assert!(near_identical(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn different_work_sharing_a_word_is_not_near_identical() {
        for (a, b) in [
            ("Compliance Framework", "Compliance Requirements"),
            ("Partnership Strategy", "Partnership Models"),
            ("Performance Reviews", "Performance Management"),
            ("Local Sales Operations", "Local Marketing Operations"),
            ("Model Optimization", "Resource Optimization"),
            ("Monitoring Systems", "Service Monitoring"),
            ("Audit Systems", "Audit Trail Management"),
        ] {
            assert!(!near_identical(a, b), "{a} / {b}");
        }
    }

    /// A second framework with one step whose task is titled `title`.
    fn second(title: &str, extra: &str) -> Input {
        Input::new()
            .file(
                "content/frameworks/gw/framework.yaml",
                "id: gw\ntitle: G\nsummary: s\nphases: [q1]\n",
            )
            .file(
                "content/frameworks/gw/q1.yaml",
                &format!("id: q1\ntitle: Q1\nweeks: [3, 4]\nsteps:\n  - id: onboard\n    title: Onboard\n    activities:\n      - title: A\n        tasks:\n          - title: {title}\n            owner: legal\n{extra}"),
            )
    }

    #[test]
    fn a_near_identical_title_in_another_framework_is_a_warning_at_the_later_task() {
        let pb = second("Identity Verification", "").ok();
        assert!(pb.warnings.is_empty(), "not near: {:?}", pb.warnings);
        let pb = second("Verify Identities", "").ok();
        let w = &pb.warnings[0];
        assert_eq!(
            w.message,
            "task `onboard/verify-identities` (\"Verify Identities\") has a title like `kyc/verify-identity` (\"Verify identity\") in F"
        );
        assert_eq!(w.place(), "content/frameworks/gw/q1.yaml:10:13");
        assert_eq!(w.related_places(), [format!("{COMPONENT_PATH}:14:17")]);
        assert!(w
            .help
            .as_deref()
            .unwrap()
            .contains("same_as: [\"task:kyc/verify-identity\"]"));
    }

    #[test]
    fn same_as_on_either_side_links_both_and_silences_the_warning() {
        let pb = second(
            "Verify identity",
            "            same_as: [\"task:kyc/verify-identity\"]\n",
        )
        .ok();
        assert!(pb.warnings.is_empty(), "{:?}", pb.warnings);
        let a = pb.find::<Task>("kyc/verify-identity").unwrap();
        let b = pb.find::<Task>("onboard/verify-identity").unwrap();
        assert_eq!(pb.tasks[a].same_as, [b]);
        assert_eq!(pb.tasks[b].same_as, [a]);
    }

    #[test]
    fn distinct_from_with_a_why_silences_the_warning() {
        let pb = second(
            "Verify identity",
            "            distinct_from:\n              - task: \"task:kyc/verify-identity\"\n                why: Partners, not customers.\n",
        )
        .ok();
        assert!(pb.warnings.is_empty(), "{:?}", pb.warnings);
        let a = pb.find::<Task>("kyc/verify-identity").unwrap();
        assert_eq!(pb.tasks[a].distinct_from[0].1, "Partners, not customers.");
    }

    #[test]
    fn a_link_to_a_missing_task_suggests_the_nearest() {
        let e = second(
            "Other",
            "            same_as: [\"task:kyc/verify-identiy\"]\n",
        )
        .errors();
        assert_eq!(e[0].message, "no task with id `kyc/verify-identiy`");
        assert_eq!(
            e[0].help.as_deref(),
            Some("did you mean `task:kyc/verify-identity`?")
        );
        assert_eq!(e[0].place(), "content/frameworks/gw/q1.yaml:12:23");
        let e = second("Other", "            same_as: [\"kyc/verify-identity\"]\n").errors();
        assert_eq!(
            e[0].message,
            "`kyc/verify-identity` is not a task reference"
        );
    }
}

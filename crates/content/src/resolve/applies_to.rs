//! `applies_to` rules name only what exists: regions and tags some market
//! has, market ids, regulation ids (a tag no market carries is almost always
//! a typo). A market's own tasks carry a rule made by the resolver, not
//! checked here.

use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::model::{Idx, Task};
use std::collections::{BTreeSet, HashSet};

/// The keys of a rule, with what each names.
const KEYS: [(&str, &str); 5] = [
    ("regions", "region"),
    ("tags", "tag"),
    ("markets", "market"),
    ("except_markets", "market"),
    ("regulations", "regulation"),
];

impl Resolver {
    /// Every value of every task's `applies_to` exists.
    pub(super) fn check_rules(&mut self) {
        let pb = &self.pb;
        let regions: BTreeSet<&str> = pb.markets.iter().map(|m| m.region.as_str()).collect();
        let tags: BTreeSet<&str> = pb
            .markets
            .iter()
            .flat_map(|m| m.tags.iter().map(String::as_str))
            .collect();
        let markets: Vec<&str> = pb.markets.iter().map(|m| m.id.as_str()).collect();
        let regulations: Vec<&str> = pb.regulations.iter().map(|r| r.id.as_str()).collect();
        let known = |key: &str| -> Vec<&str> {
            match key {
                "regions" => regions.iter().copied().collect(),
                "tags" => tags.iter().copied().collect(),
                "regulations" => regulations.clone(),
                _ => markets.clone(),
            }
        };
        let sets: Vec<HashSet<&str>> = KEYS
            .iter()
            .map(|(k, _)| known(k).into_iter().collect())
            .collect();
        // Most tasks are fine: (task, key, index, value) of the values that are not.
        let mut bad: Vec<(Idx<Task>, usize, usize, String)> = Vec::new();
        for (ti, t) in pb.tasks.iter_enumerated() {
            let (Some(rule), None) = (&t.rule, t.market) else {
                continue;
            };
            let lists = [
                &rule.regions,
                &rule.tags,
                &rule.markets,
                &rule.except_markets,
                &rule.regulations,
            ];
            for (ki, list) in lists.iter().enumerate() {
                for (j, v) in list.iter().enumerate() {
                    if !sets[ki].contains(v.as_str()) {
                        bad.push((ti, ki, j, v.clone()));
                    }
                }
            }
        }
        let diags: Vec<(Idx<Task>, String, usize, Diagnostic)> = bad
            .into_iter()
            .map(|(ti, ki, j, v)| {
                let (key, what) = KEYS[ki];
                let known = known(key);
                let help = match suggest(&v, known.iter().copied()) {
                    Some(x) => format!("did you mean `{x}`?"),
                    None if known.is_empty() => {
                        format!("no market has this {what}; known: (none)")
                    }
                    None => format!("no market has this {what}; known: {}", known.join(", ")),
                };
                let id = &pb.tasks[ti].id;
                let d = Diagnostic::error(format!("task `{id}` applies to unknown {what} `{v}`"))
                    .help(help);
                (ti, format!("applies_to.{key}[{j}]"), v.chars().count(), d)
            })
            .collect();
        for (ti, at, len, d) in diags {
            let path = format!("{}.{at}", self.task_path(ti));
            let file = self.pb.tasks[ti].file;
            let d = self.at_value(d, file, &path, len);
            self.diags.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};

    #[test]
    fn a_tag_no_market_has_is_placed_at_the_value_and_suggests_a_known_tag() {
        let e = Input::new()
            .component("regions: [eu]", "tags: [data-residencey]")
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].message,
            "task `kyc/verify-identity` applies to unknown tag `data-residencey`"
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:17:26"));
        assert_eq!(e[0].underlined(), "data-residencey");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `data-residency`?"));
    }

    #[test]
    fn each_key_is_checked_against_its_own_kind_in_block_lists_too() {
        let e = Input::new()
            .component(
                "regions: [eu]",
                "regions:\n                    - eu\n                    - mars\n                  except_markets: [de, fr]\n                  regulations: [gdpr, ccpa]",
            )
            .errors();
        let got: Vec<(String, String)> = e.iter().map(|d| (d.message.clone(), d.place())).collect();
        let task = "task `kyc/verify-identity` applies to unknown";
        assert_eq!(
            got,
            [
                (
                    format!("{task} region `mars`"),
                    format!("{COMPONENT_PATH}:19:23")
                ),
                (
                    format!("{task} market `fr`"),
                    format!("{COMPONENT_PATH}:20:40")
                ),
                (
                    format!("{task} regulation `ccpa`"),
                    format!("{COMPONENT_PATH}:21:39")
                ),
            ]
        );
        assert_eq!(
            e[0].help.as_deref(),
            Some("no market has this region; known: eu")
        );
    }

    #[test]
    fn an_empty_rule_value_is_placed_at_its_quotes() {
        // Fuzzing found `tags: [""]` hanging the text search this replaced.
        let e = Input::new()
            .component("regions: [eu]", "tags: [\"\", data-residency]")
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].message,
            "task `kyc/verify-identity` applies to unknown tag ``"
        );
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:17:26"));
    }

    #[test]
    fn a_rule_naming_what_exists_applies_to_those_markets() {
        let pb = Input::new()
            .market("id: us\nname: US\nregion: na\nkickoff: 2027-01-01\n")
            .ok();
        let ti = pb
            .find::<crate::model::Task>("kyc/verify-identity")
            .unwrap();
        let de = crate::model::Idx::new(0);
        assert_eq!(pb.task_markets[ti], [de], "only de is in eu");
    }
}

//! Which tasks apply to which market: the `applies_to` rule engine.
//!
//! A rule matches a market when every non-empty key matches (AND) and, within
//! a key, any listed value matches (OR); `except_markets` always wins. A task
//! without a rule applies everywhere. Pure functions, no IO.

use crate::model::raw::Rule;

/// The facts about a market a rule can test.
#[derive(Debug, Clone, Copy)]
pub struct MarketFacts<'a> {
    /// Market id.
    pub id: &'a str,
    /// Region slug.
    pub region: &'a str,
    /// Regulation ids.
    pub regulations: &'a [String],
    /// Tags.
    pub tags: &'a [String],
}

/// Does `rule` (or its absence) select this market?
pub fn applies(rule: Option<&Rule>, m: MarketFacts<'_>) -> bool {
    let Some(r) = rule else { return true };
    if r.except_markets.iter().any(|x| x == m.id) {
        return false;
    }
    (r.regions.is_empty() || r.regions.iter().any(|x| x == m.region))
        && (r.markets.is_empty() || r.markets.iter().any(|x| x == m.id))
        && (r.regulations.is_empty() || r.regulations.iter().any(|x| m.regulations.contains(x)))
        && (r.tags.is_empty() || r.tags.iter().any(|x| m.tags.contains(x)))
}

/// Why a rule selected a market, e.g. `["tag: data-residency", "regulation: gdpr"]`.
/// Empty when the task applies everywhere.
pub fn reasons(rule: Option<&Rule>, m: MarketFacts<'_>) -> Vec<String> {
    let Some(r) = rule else { return Vec::new() };
    let mut out = Vec::new();
    if r.regions.iter().any(|x| x == m.region) {
        out.push(format!("region: {}", m.region));
    }
    if r.markets.iter().any(|x| x == m.id) {
        out.push(format!("market: {}", m.id));
    }
    for x in r.regulations.iter().filter(|x| m.regulations.contains(x)) {
        out.push(format!("regulation: {x}"));
    }
    for x in r.tags.iter().filter(|x| m.tags.contains(x)) {
        out.push(format!("tag: {x}"));
    }
    out
}

/// A one-line description of a rule for people: "tags: data-residency · regulations: gdpr".
pub fn describe(rule: &Rule) -> String {
    let mut parts = Vec::new();
    let mut add = |name: &str, v: &[String]| {
        if !v.is_empty() {
            parts.push(format!("{name}: {}", v.join(", ")));
        }
    };
    add("regions", &rule.regions);
    add("markets", &rule.markets);
    add("regulations", &rule.regulations);
    add("tags", &rule.tags);
    add("except markets", &rule.except_markets);
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn de() -> (Vec<String>, Vec<String>) {
        (
            s(&["gdpr", "eu-ai-act"]),
            s(&["data-residency", "new-language"]),
        )
    }

    fn facts<'a>(regs: &'a [String], tags: &'a [String]) -> MarketFacts<'a> {
        MarketFacts {
            id: "de",
            region: "eu",
            regulations: regs,
            tags,
        }
    }

    #[test]
    fn no_rule_and_empty_rule_apply_everywhere() {
        let (r, t) = de();
        assert!(applies(None, facts(&r, &t)));
        assert!(applies(Some(&Rule::default()), facts(&r, &t)));
    }

    #[test]
    fn keys_are_anded_values_are_ored() {
        let (r, t) = de();
        let rule = Rule {
            regulations: s(&["lgpd", "gdpr"]),
            tags: s(&["data-residency"]),
            ..Rule::default()
        };
        assert!(applies(Some(&rule), facts(&r, &t)));
        let rule = Rule {
            regulations: s(&["gdpr"]),
            tags: s(&["partner-led"]),
            ..Rule::default()
        };
        assert!(!applies(Some(&rule), facts(&r, &t)));
    }

    #[test]
    fn each_key_selects_on_its_own() {
        let (r, t) = de();
        let f = facts(&r, &t);
        assert!(applies(
            Some(&Rule {
                regions: s(&["eu"]),
                ..Rule::default()
            }),
            f
        ));
        assert!(!applies(
            Some(&Rule {
                regions: s(&["apac"]),
                ..Rule::default()
            }),
            f
        ));
        assert!(applies(
            Some(&Rule {
                markets: s(&["fr", "de"]),
                ..Rule::default()
            }),
            f
        ));
        assert!(!applies(
            Some(&Rule {
                markets: s(&["fr"]),
                ..Rule::default()
            }),
            f
        ));
        assert!(applies(
            Some(&Rule {
                tags: s(&["new-language"]),
                ..Rule::default()
            }),
            f
        ));
    }

    #[test]
    fn except_markets_wins_over_everything() {
        let (r, t) = de();
        let rule = Rule {
            regions: s(&["eu"]),
            except_markets: s(&["de"]),
            ..Rule::default()
        };
        assert!(!applies(Some(&rule), facts(&r, &t)));
        let only_except = Rule {
            except_markets: s(&["fr"]),
            ..Rule::default()
        };
        assert!(applies(Some(&only_except), facts(&r, &t)));
    }

    #[test]
    fn reasons_name_what_matched() {
        let (r, t) = de();
        let rule = Rule {
            regulations: s(&["gdpr", "lgpd"]),
            tags: s(&["data-residency"]),
            ..Rule::default()
        };
        assert_eq!(
            reasons(Some(&rule), facts(&r, &t)),
            s(&["regulation: gdpr", "tag: data-residency"])
        );
    }
}

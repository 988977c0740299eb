//! Which tasks apply to which market: the `applies_to` rule engine.
//!
//! A rule matches a market when every non-empty key matches (AND) and, within
//! a key, any listed value matches (OR); `except_markets` always wins. A task
//! without a rule applies everywhere. Pure functions, no IO.

use crate::model::raw::Rule;
use crate::model::{Idx, Market};

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

/// A value (region, id, regulation, tag) → the markets that have it, as bits.
type BitsBy<'a> = std::collections::HashMap<&'a str, Vec<u64>>;

/// Every market's facts, indexed for [`applies`] over all markets at once:
/// each region, market id, regulation and tag maps to the set of markets
/// (a bit set) that has it, so a rule's markets are a few word-wise ANDs
/// and ORs instead of tasks × markets string comparisons (the L playbook has
/// 15,000 rules and 250 markets). Same semantics as [`applies`]; a unit test
/// compares the two.
#[derive(Debug, Clone, Default)]
pub struct MarketIndex<'a> {
    n: usize,
    words: usize,
    by_id: BitsBy<'a>,
    by_region: BitsBy<'a>,
    by_regulation: BitsBy<'a>,
    by_tag: BitsBy<'a>,
}

impl<'a> MarketIndex<'a> {
    /// Index `markets` (market `i` of the slice is bit `i`).
    pub fn new(markets: &[MarketFacts<'a>]) -> Self {
        let words = markets.len().div_ceil(64);
        let mut ix = MarketIndex {
            n: markets.len(),
            words,
            ..Default::default()
        };
        for (i, m) in markets.iter().enumerate() {
            let set = |map: &mut BitsBy<'a>, k: &'a str| {
                map.entry(k).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
            };
            set(&mut ix.by_id, m.id);
            set(&mut ix.by_region, m.region);
            for r in m.regulations {
                set(&mut ix.by_regulation, r);
            }
            for t in m.tags {
                set(&mut ix.by_tag, t);
            }
        }
        ix
    }

    /// The markets `rule` (or its absence) selects, ascending (indices into
    /// the markets the index was made from).
    pub fn select(&self, rule: Option<&Rule>) -> Vec<Idx<Market>> {
        let mut acc = vec![u64::MAX; self.words];
        if let Some(r) = rule {
            let keys: [(&Vec<String>, &BitsBy<'a>); 4] = [
                (&r.regions, &self.by_region),
                (&r.markets, &self.by_id),
                (&r.regulations, &self.by_regulation),
                (&r.tags, &self.by_tag),
            ];
            for (values, map) in keys {
                if values.is_empty() {
                    continue;
                }
                let mut any = vec![0u64; self.words];
                for v in values {
                    if let Some(bits) = map.get(v.as_str()) {
                        for (a, b) in any.iter_mut().zip(bits) {
                            *a |= b;
                        }
                    }
                }
                for (a, b) in acc.iter_mut().zip(&any) {
                    *a &= b;
                }
            }
            for v in &r.except_markets {
                if let Some(bits) = self.by_id.get(v.as_str()) {
                    for (a, b) in acc.iter_mut().zip(bits) {
                        *a &= !b;
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (w, &bits) in acc.iter().enumerate() {
            let mut b = bits;
            while b != 0 {
                let i = w * 64 + b.trailing_zeros() as usize;
                b &= b - 1;
                out.push(i);
            }
        }
        // Bits past the last market are set when nothing narrowed them.
        out.truncate(out.partition_point(|&i| i < self.n));
        out.into_iter().map(Idx::new).collect()
    }
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
    fn market_index_selects_what_applies_selects() {
        let names = ["de", "fr", "jp", "br", "us"];
        let regions = ["eu", "eu", "apac", "latam", "na"];
        let regs = [
            s(&["gdpr"]),
            s(&["gdpr"]),
            s(&["appi"]),
            s(&["lgpd"]),
            s(&[]),
        ];
        let tags = [
            s(&["data-residency"]),
            s(&[]),
            s(&["new-language", "data-residency"]),
            s(&["partner-led"]),
            s(&["partner-led"]),
        ];
        // 70 markets, so the bit sets span two words.
        let facts: Vec<MarketFacts> = (0..70)
            .map(|i| MarketFacts {
                id: names[i % 5],
                region: regions[i % 5],
                regulations: &regs[i % 5],
                tags: &tags[i % 5],
            })
            .collect();
        let ix = MarketIndex::new(&facts);
        let vals = |v: &[&str], k: usize| -> Vec<String> {
            v.iter()
                .enumerate()
                .filter(|(i, _)| (k >> i) & 1 == 1)
                .map(|(_, x)| x.to_string())
                .collect()
        };
        let mut rules = vec![None];
        for k in 0..64usize {
            rules.push(Some(Rule {
                regions: vals(&["eu", "apac", "mars"], k & 7),
                markets: vals(&["de", "br"], (k >> 3) & 3),
                regulations: vals(&["gdpr", "lgpd"], (k >> 1) & 3),
                tags: vals(&["data-residency", "partner-led", "nope"], (k >> 2) & 7),
                except_markets: vals(&["fr", "jp"], (k >> 4) & 3),
            }));
        }
        for r in &rules {
            let want: Vec<Idx<Market>> = (0..facts.len())
                .filter(|&i| applies(r.as_ref(), facts[i]))
                .map(Idx::new)
                .collect();
            assert_eq!(ix.select(r.as_ref()), want, "{r:?}");
        }
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

//! The closed sets of one playbook, read from its content, and how they
//! become `enum`s in a schema: each set has a named definition
//! (`model::schema_ids`), and filling it fills every field that uses it.

use crate::load::RawContent;
use crate::model::raw::{RawMarket, RawRegulation};
use crate::model::schema_ids::ClosedSet;
use serde_json::Value;
use std::collections::BTreeSet;

/// The values of each closed set, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentSets {
    /// Role ids of `content/roles.yaml`.
    pub roles: BTreeSet<String>,
    /// Regions some market has.
    pub regions: BTreeSet<String>,
    /// Tags some market carries.
    pub tags: BTreeSet<String>,
    /// Market ids.
    pub markets: BTreeSet<String>,
    /// Regulation ids.
    pub regulations: BTreeSet<String>,
}

impl ContentSets {
    /// The sets of the files that loaded.
    pub fn from_content(raw: &RawContent) -> ContentSets {
        let markets: Vec<&RawMarket> = raw.files::<RawMarket>().map(|(m, _)| m).collect();
        ContentSets {
            roles: raw.roles().map(|(r, _)| r.id.clone()).collect(),
            regions: markets.iter().map(|m| m.region.clone()).collect(),
            tags: markets.iter().flat_map(|m| m.tags.clone()).collect(),
            markets: markets.iter().map(|m| m.id.clone()).collect(),
            regulations: raw
                .files::<RawRegulation>()
                .map(|(r, _)| r.id.clone())
                .collect(),
        }
    }

    /// The values of one set.
    pub fn values(&self, set: ClosedSet) -> &BTreeSet<String> {
        match set {
            ClosedSet::Roles => &self.roles,
            ClosedSet::Regions => &self.regions,
            ClosedSet::Tags => &self.tags,
            ClosedSet::Markets => &self.markets,
            ClosedSet::Regulations => &self.regulations,
        }
    }

    /// Give each closed set's definition in `schema` its values as an
    /// `enum`. An empty set stays open (an empty `enum` would refuse every
    /// value, while `playbook check` names the missing definition instead).
    pub fn fill(&self, schema: &mut Value) {
        let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) else {
            return;
        };
        for set in ClosedSet::ALL {
            let values = self.values(set);
            let examples = set.defining().and_then(|d| match defs.get_mut(d) {
                Some(Value::Object(def)) if !values.is_empty() => Some(def),
                _ => None,
            });
            if let Some(def) = examples {
                def.insert(
                    "examples".into(),
                    Value::Array(values.iter().cloned().map(Value::String).collect()),
                );
            }
            let Some(Value::Object(def)) = defs.get_mut(set.definition()) else {
                continue;
            };
            if values.is_empty() {
                continue;
            }
            def.insert(
                "enum".into(),
                Value::Array(values.iter().cloned().map(Value::String).collect()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_set_fills_its_definition_and_an_empty_one_stays_open() {
        let sets = ContentSets {
            roles: ["ops".to_string(), "legal".to_string()].into(),
            ..Default::default()
        };
        let mut v = json!({"definitions": {
            "RoleId": {"type": "string"},
            "Region": {"type": "string"},
        }});
        sets.fill(&mut v);
        assert_eq!(v["definitions"]["RoleId"]["enum"], json!(["legal", "ops"]));
        assert!(v["definitions"]["Region"].get("enum").is_none());
    }

    #[test]
    fn where_a_value_is_defined_the_set_is_examples_not_a_limit() {
        let sets = ContentSets {
            regions: ["eu".to_string()].into(),
            ..Default::default()
        };
        let mut v = json!({"definitions": {
            "Region": {"type": "string"},
            "MarketRegion": {"type": "string"},
        }});
        sets.fill(&mut v);
        assert_eq!(v["definitions"]["Region"]["enum"], json!(["eu"]));
        assert_eq!(v["definitions"]["MarketRegion"]["examples"], json!(["eu"]));
        assert!(v["definitions"]["MarketRegion"].get("enum").is_none());
    }
}

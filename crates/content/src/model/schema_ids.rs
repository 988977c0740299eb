//! The JSON Schema shapes of the strings the content files use as ids and
//! references, for `playbook schema` ([`crate::schema`]).
//!
//! The raw types in [`super::raw`] keep plain `String`s (serde reads them as
//! before); a field that is an id or a reference names one of these types in
//! `#[schemars(with = …)]`, so its schema is a shared definition
//! (`#/definitions/RoleId`, …). Definitions whose values come from the
//! playbook's own content (the closed sets: roles, regions, tags, markets,
//! regulations) are filled in by [`crate::schema`], by their name
//! ([`ClosedSet::definition`]); everything else here is fixed.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The slug rule the resolver checks ids against (`resolve::ids::is_slug`):
/// lowercase ASCII letters, digits and `-`, not first or last.
pub const SLUG_PATTERN: &str = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";

/// A task id: `<step-id>/<task-slug>` (also the shape of `<regulation>/<deadline>`).
pub const TASK_ID_PATTERN: &str = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?/[a-z0-9]([a-z0-9-]*[a-z0-9])?$";

/// The kinds a `kind:id` reference may name (`model::Kind` names).
const ALL_KINDS: &str =
    "framework|component|step|task|metric|market|regulation|expert|research|chapter";

/// A `kind:id` pattern over `kinds` (`a|b|c`); a task's id is `<step>/<task>`.
fn reference_pattern(kinds: &str) -> String {
    let slug = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    format!("^({kinds}):{slug}(/{slug})?$")
}

/// A set of values that only the playbook's content knows; the schema of
/// this playbook lists them as an `enum` (editor completion, and a red
/// squiggle for a value `playbook check` would refuse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedSet {
    /// Role ids of `content/roles.yaml` (task owners, market team keys).
    Roles,
    /// Regions some market has (an `applies_to` rule's `regions`).
    Regions,
    /// Tags some market carries (an `applies_to` rule's `tags`).
    Tags,
    /// Market ids (`applies_to` `markets`, `except_markets`).
    Markets,
    /// Regulation ids (`applies_to` `regulations`, a market's `regulations`).
    Regulations,
}

impl ClosedSet {
    /// Every closed set.
    pub const ALL: [ClosedSet; 5] = [
        ClosedSet::Roles,
        ClosedSet::Regions,
        ClosedSet::Tags,
        ClosedSet::Markets,
        ClosedSet::Regulations,
    ];

    /// The definition of a field that defines the set's values (a market's
    /// own region and tags), which gets them as `examples` (completion
    /// without refusing a new one).
    pub fn defining(self) -> Option<&'static str> {
        match self {
            ClosedSet::Regions => Some("MarketRegion"),
            ClosedSet::Tags => Some("MarketTag"),
            _ => None,
        }
    }

    /// The schema definition that holds the set.
    pub fn definition(self) -> &'static str {
        match self {
            ClosedSet::Roles => "RoleId",
            ClosedSet::Regions => "Region",
            ClosedSet::Tags => "Tag",
            ClosedSet::Markets => "MarketId",
            ClosedSet::Regulations => "RegulationId",
        }
    }
}

/// Declares a marker type whose schema is a named, shared definition.
macro_rules! string_schema {
    ($(#[$doc:meta])* $name:ident => $body:expr) => {
        $(#[$doc])*
        pub struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $body
            }
        }
    };
}

string_schema!(
    /// An entity's id: checked as a slug by `playbook check`.
    Slug => json_schema!({
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": "An id: lowercase letters, digits and `-` (not first or last), unique within its kind. It is the page's URL and the stable key, so rename it with care."
    })
);

string_schema!(
    /// A step id (a risk's `threatens`, an expert's advice, a market's own task).
    StepId => json_schema!({
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": "The id of a step of any framework (e.g. `international-compliance-framework`)."
    })
);

string_schema!(
    /// A metric id (a market's `actuals` keys).
    MetricId => json_schema!({
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": "The id of a metric in content/metrics/."
    })
);

string_schema!(
    /// A market's own region: free (it defines the region), with the
    /// regions other markets have as examples for completion.
    MarketRegion => json_schema!({
        "type": "string",
        "description": "The market's region, e.g. `eu`; `applies_to` rules select markets by it. A new region is fine: it exists once a market has it."
    })
);

string_schema!(
    /// A market's own tag: free, with the tags other markets carry as examples.
    MarketTag => json_schema!({
        "type": "string",
        "description": "A tag that selects tasks through `applies_to` rules, e.g. `data-residency`, `new-language`. A new tag is fine: it exists once a market carries it."
    })
);

string_schema!(
    /// A role id; its enum comes from `content/roles.yaml`.
    RoleId => json_schema!({
        "type": "string",
        "description": "A role id from content/roles.yaml."
    })
);

string_schema!(
    /// A region some market has; its enum comes from the markets.
    Region => json_schema!({
        "type": "string",
        "description": "A region that some market in content/markets/ has (its `region:`)."
    })
);

string_schema!(
    /// A tag some market carries; its enum comes from the markets.
    Tag => json_schema!({
        "type": "string",
        "description": "A tag that some market in content/markets/ carries (its `tags:`)."
    })
);

string_schema!(
    /// A market id; its enum comes from the markets.
    MarketId => json_schema!({
        "type": "string",
        "description": "A market id (the file name of content/markets/<id>.yaml)."
    })
);

string_schema!(
    /// A regulation id; its enum comes from the regulations.
    RegulationId => json_schema!({
        "type": "string",
        "description": "A regulation id (content/regulations/<id>.yaml)."
    })
);

/// A `kind:id` reference to any kind of entity.
pub struct Reference;

impl JsonSchema for Reference {
    fn schema_name() -> Cow<'static, str> {
        "Reference".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": reference_pattern(ALL_KINDS),
            "description": "A reference `kind:id`, e.g. `step:international-compliance-framework` or `metric:global-uptime`; kinds: framework, component, step, task (`task:<step>/<task>`), metric, market, regulation, expert, research, chapter."
        })
    }
}

/// A `kind:id` reference to what a metric can measure.
pub struct MeasureRef;

impl JsonSchema for MeasureRef {
    fn schema_name() -> Cow<'static, str> {
        "MeasureRef".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": reference_pattern("framework|component|step"),
            "description": "What the metric measures: `framework:<id>`, `component:<id>` or `step:<id>`."
        })
    }
}

/// A `task:<step>/<task>` reference (`same_as`, `distinct_from`).
pub struct TaskRef;

impl JsonSchema for TaskRef {
    fn schema_name() -> Cow<'static, str> {
        "TaskRef".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": reference_pattern("task"),
            "description": "Another task: `task:<step-id>/<task-slug>`."
        })
    }
}

/// A `phase:<id>` or `step:<id>` reference to company-wide work (`after`).
pub struct CompanyWorkRef;

impl JsonSchema for CompanyWorkRef {
    fn schema_name() -> Cow<'static, str> {
        "CompanyWorkRef".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": reference_pattern("phase|step"),
            "description": "Company-wide work this phase waits for: `phase:<id>` or `step:<id>`."
        })
    }
}

/// A `task:<id>`, `step:<id>` or `phase:<id>` reference to work a task
/// waits for (`after` on a task or a market's adjustment).
pub struct WorkRef;

impl JsonSchema for WorkRef {
    fn schema_name() -> Cow<'static, str> {
        "WorkRef".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": reference_pattern("task|step|phase"),
            "description": "Work this waits for, finish to start: `task:<step-id>/<task-slug>`, `step:<id>` (all of its tasks) or `phase:<id>`; company work too."
        })
    }
}

/// A `<regulation-id>/<deadline-id>` reference to a regulation's dated obligation.
pub struct DeadlineRef;

impl JsonSchema for DeadlineRef {
    fn schema_name() -> Cow<'static, str> {
        "DeadlineRef".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": TASK_ID_PATTERN,
            "description": "A regulation's dated obligation: `<regulation-id>/<deadline-id>` (an id of its `deadlines:`)."
        })
    }
}

/// A market's team: role id → person.
pub struct Team;

impl JsonSchema for Team {
    fn schema_name() -> Cow<'static, str> {
        "Team".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "propertyNames": g.subschema_for::<RoleId>(),
            "additionalProperties": { "type": "string", "description": "The person in this role for the market." },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, s: &str) -> bool {
        // The patterns are simple enough to check with the validator the
        // tests already use for whole schemas.
        let schema = serde_json::json!({ "type": "string", "pattern": pattern });
        jsonschema::is_valid(&schema, &serde_json::json!(s))
    }

    #[test]
    fn the_slug_pattern_accepts_what_the_resolver_accepts() {
        for ok in ["gdpr", "gdpr-2", "a", "eu-ai-act", "a--b", "7"] {
            assert!(matches(SLUG_PATTERN, ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "Data Act", "data_act", "daten-ä", "a/b"] {
            assert!(!matches(SLUG_PATTERN, bad), "{bad:?}");
        }
    }

    #[test]
    fn references_name_a_kind_and_a_slug_and_tasks_their_step() {
        let any = reference_pattern(ALL_KINDS);
        for ok in ["step:kyc", "task:kyc/verify-identity", "chapter:the-night"] {
            assert!(matches(&any, ok), "{ok}");
        }
        for bad in ["kyc", "steps:kyc", "step:", "step:Kyc", "task:a/b/c"] {
            assert!(!matches(&any, bad), "{bad:?}");
        }
        let measure = reference_pattern("framework|component|step");
        assert!(!matches(&measure, "market:de"));
    }
}

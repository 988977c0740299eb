//! The content files as written: one serde struct per file shape.
//!
//! Every struct denies unknown fields so a typo is an error, never silently
//! dropped content. `docs/content-model.md` documents these shapes for authors;
//! keep the two in step.

use super::schema_ids::{
    CompanyWorkRef, DeadlineRef, MarketId, MarketRegion, MarketTag, MeasureRef, MetricId,
    Reference, Region, RegulationId, RoleId, Slug, StepId, Tag, TaskRef, Team, WorkRef,
    TASK_ID_PATTERN,
};
use super::WorkDuration;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `content/roles.yaml`: the roles that own tasks and make up market teams.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RolesFile {
    /// The roles that may own tasks (`owner:`) and appear in market teams
    /// (`team:` keys).
    pub roles: Vec<RawRole>,
}

/// One role.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// The role's id, written as a task's `owner:` and a market's `team:`
    /// key, e.g. `legal`.
    #[schemars(with = "Slug")]
    pub id: String,
    /// The role's name as readers see it, e.g. "Legal counsel".
    pub title: String,
    /// Whether this role leads a market's launch: every checklist names the
    /// market's person in this role (its `team:`) as the launch lead. At
    /// most one role; without one, the checklist names the team's first
    /// member and their role.
    #[serde(default)]
    pub leads_launch: bool,
}

mod learning;
mod library;
mod markets;
mod structure;

pub use learning::*;
pub use library::*;
pub use markets::*;
pub use structure::*;

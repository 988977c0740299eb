//! The shapes of a framework and what it holds: components, phases, week
//! blocks, steps, activities and tasks, with their scope, risks, rules and
//! links between tasks.

use super::*;

/// `content/frameworks/<fw>/framework.yaml`: a framework, and the order of
/// its components (or of its phases, in a framework without components).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    /// The framework's id (its URL: /frameworks/<id>/).
    #[schemars(with = "Slug")]
    pub id: String,
    /// The framework's title.
    pub title: String,
    /// A shorter title for tight places (the labels of a market page's
    /// timeline), e.g. "AI Operations"; the title when absent.
    #[serde(default)]
    pub short_title: Option<String>,
    /// One paragraph on the framework (Markdown; may use `[[kind:id]]`
    /// references).
    pub summary: String,
    /// A longer introduction (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// Where the framework comes from, e.g. "International Operations
    /// Framework, 29 July 2025".
    #[serde(default)]
    pub source: Option<String>,
    /// The component ids in order; each is a file `<id>.yaml` beside
    /// framework.yaml. Give either `components` or `phases`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Slug>>")]
    pub components: Option<Vec<String>>,
    /// The phase ids in order, for a framework without components; each is
    /// a file `<id>.yaml` beside framework.yaml.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Slug>>")]
    pub phases: Option<Vec<String>>,
    /// Risks of implementing the framework, and their mitigations.
    #[serde(default)]
    pub risks: Vec<RawRisk>,
    /// Who does the framework's work: once for the company, or per market
    /// (the default); its phases, steps and tasks inherit it.
    #[serde(default)]
    pub scope: Option<Scope>,
}

/// Whether work is done once for the whole company or in every market.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Done in each market, dated from the market's kickoff (the default).
    #[default]
    Market,
    /// Done once for the company, dated from the company program's kickoff
    /// (`[company] kickoff` in book.toml).
    Company,
}

/// A risk of implementing a framework, with its mitigation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRisk {
    /// The risk's id, unique within the framework.
    #[schemars(with = "Slug")]
    pub id: String,
    /// The risk's title, e.g. "Technical complexity".
    pub title: String,
    /// What could go wrong (Markdown).
    pub description: String,
    /// What to do about it.
    pub mitigation: RawMitigation,
    /// The ids of the steps this risk threatens.
    #[serde(default)]
    #[schemars(with = "Vec<StepId>")]
    pub threatens: Vec<String>,
}

/// How a risk is mitigated.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMitigation {
    /// The mitigation's title, e.g. "Phased implementation".
    pub title: String,
    /// What to do (Markdown).
    pub description: String,
}

/// `content/frameworks/<fw>/<component>.yaml`: a component (a system of the
/// framework) and its phases; listed in its framework's `components`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    /// The component's id: the file name without `.yaml`, as listed in the
    /// framework's `components`.
    #[schemars(with = "Slug")]
    pub id: String,
    /// Its number in the framework, as the source numbers it.
    #[serde(default)]
    pub number: Option<u32>,
    /// The component's title.
    pub title: String,
    /// A shorter title for tight places (the labels of a market page's
    /// timeline), e.g. "Market Localization and Cultural Adaptation" for
    /// "… System"; the title when absent.
    #[serde(default)]
    pub short_title: Option<String>,
    /// The component's focus, one line.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// One paragraph on the component (Markdown).
    pub summary: String,
    /// A longer text (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// The component's phases, in order.
    pub phases: Vec<RawPhase>,
}

/// A phase: inside a component, or its own file
/// (`content/frameworks/<fw>/<phase>.yaml`) in a framework without
/// components. Its time window is `weeks` or `months`; its steps are
/// `steps` or grouped in `blocks`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    /// The phase's id (a phase file's name without `.yaml`).
    #[schemars(with = "Slug")]
    pub id: String,
    /// Its number, as the source numbers it.
    #[serde(default)]
    pub number: Option<u32>,
    /// The phase's title.
    pub title: String,
    /// `[first, last]`: the weeks after a market's kickoff (week 1 starts on
    /// kickoff day). Give either `weeks` or `months`.
    #[serde(default)]
    #[schemars(length(min = 2, max = 2), inner(range(min = 1)))]
    pub weeks: Option<Vec<u32>>,
    /// `[first, last]`: the months after kickoff; `[n]` is open-ended
    /// ("Month n+").
    #[serde(default)]
    #[schemars(length(min = 1, max = 2), inner(range(min = 1)))]
    pub months: Option<Vec<u32>>,
    /// A text on the phase (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The phase's steps, in order (or group them in `blocks`).
    #[serde(default)]
    pub steps: Option<Vec<RawStep>>,
    /// Titled week blocks that group the phase's steps; due dates follow
    /// the block.
    #[serde(default)]
    pub blocks: Option<Vec<RawBlock>>,
    /// Company or market work; inherited from the framework when absent.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Company-wide phases or steps this market phase depends on
    /// (`phase:<id>` or `step:<id>`): a market's checklist opens with them.
    #[serde(default)]
    #[schemars(with = "Vec<CompanyWorkRef>")]
    pub after: Vec<String>,
    /// True for the work of entering a new market (its steps and tasks
    /// inherit it): the home market's checklist leaves it out.
    #[serde(default)]
    pub market_entry: Option<bool>,
}

/// A titled week block inside a phase ("Week 1-2: Infrastructure and MLOps Foundation").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    /// The block's id, unique within the phase.
    #[schemars(with = "Slug")]
    pub id: String,
    /// The block's title, e.g. "Infrastructure and MLOps Foundation".
    pub title: String,
    /// `[first, last]`: weeks within the phase (week 1 is the phase's first
    /// week); leave it out for an ongoing block.
    #[serde(default)]
    #[schemars(length(min = 2, max = 2), inner(range(min = 1)))]
    pub weeks: Option<Vec<u32>>,
    /// A text on the block (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The block's steps, in order.
    pub steps: Vec<RawStep>,
}

/// A step of a phase: its guidance and its activities' tasks.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// The step's id, unique across the playbook (its URL, and the first
    /// part of its tasks' ids).
    #[schemars(with = "Slug")]
    pub id: String,
    /// Its number, as the source gives it.
    #[serde(default)]
    pub number: Option<u32>,
    /// The step's title.
    pub title: String,
    /// What the step is for and how to run it (Markdown).
    #[serde(default)]
    pub guidance: Option<String>,
    /// The step's activities, in order.
    #[serde(default)]
    pub activities: Vec<RawActivity>,
    /// Company or market work; inherited from the phase when absent.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Market-entry work (inherited from the phase when absent; its tasks
    /// inherit it): the home market's checklist leaves it out.
    #[serde(default)]
    pub market_entry: Option<bool>,
}

/// An activity inside a step.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    /// The activity's id; without it, the slug of its title.
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
    pub id: Option<String>,
    /// The activity's title, e.g. "Regulatory Mapping and Assessment".
    pub title: String,
    /// A text on the activity (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The activity's tasks: one checklist line each.
    #[serde(default)]
    pub tasks: Vec<RawTask>,
}

/// A task: one line of a market's checklist.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    /// The task's id within its step; without it, the slug of its title
    /// (its full id is `<step-id>/<id>`, the key checklist ticks are kept
    /// by).
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
    pub id: Option<String>,
    /// The task's title: the checklist line. Unique within its step.
    pub title: String,
    /// What to do and what done looks like (Markdown).
    #[serde(default)]
    pub description: Option<String>,
    /// The role that owns the task (an id from content/roles.yaml).
    #[serde(default)]
    #[schemars(with = "Option<RoleId>")]
    pub owner: Option<String>,
    /// The markets the task applies to; without it, every market.
    #[serde(default)]
    pub applies_to: Option<Rule>,
    /// Company or market work; inherited from the step when absent.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// `task:<id>` of tasks in other frameworks that are the same work: a
    /// checklist shows them as one row (linked both ways once written on
    /// either side).
    #[serde(default)]
    #[schemars(with = "Vec<TaskRef>")]
    pub same_as: Vec<String>,
    /// Tasks with the same or a near title that are different work, and why.
    #[serde(default)]
    pub distinct_from: Vec<RawDistinct>,
    /// How long the work takes (`10 days` of working days, `3 weeks`, `6
    /// months`); without it the task takes its phase's (or week block's)
    /// whole window.
    #[serde(default)]
    pub duration: Option<WorkDuration>,
    /// What the task waits for (finish to start): `task:<id>`, `step:<id>`
    /// (all its tasks) or `phase:<id>`, company work included.
    #[serde(default)]
    #[schemars(with = "Vec<WorkRef>")]
    pub after: Vec<String>,
    /// A dated obligation the task serves, `<regulation-id>/<deadline-id>`
    /// (a regulation's `deadlines:`): a due date after it is a warning.
    #[serde(default)]
    #[schemars(with = "Option<DeadlineRef>")]
    pub deadline: Option<String>,
    /// Market-entry work (inherited from the step when absent): the home
    /// market's checklist leaves it out.
    #[serde(default)]
    pub market_entry: Option<bool>,
}

/// A task marked as different work from this one despite a similar title.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDistinct {
    /// `task:<id>` of the other task.
    #[schemars(with = "TaskRef")]
    pub task: String,
    /// How the two differ, for the reader and the reviewer.
    pub why: String,
}

/// Which markets a task applies to: every key given must match (AND); within
/// a key, any of its values (OR); `except_markets` wins over the rest.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq, Hash, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Markets in any of these regions (regions some market has, e.g. `eu`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Region>")]
    pub regions: Vec<String>,
    /// Any of these markets (market ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<MarketId>")]
    pub markets: Vec<String>,
    /// Markets subject to any of these regulations (regulation ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<RegulationId>")]
    pub regulations: Vec<String>,
    /// Markets carrying any of these tags (tags some market has).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Tag>")]
    pub tags: Vec<String>,
    /// Markets left out even when everything else matches (market ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<MarketId>")]
    pub except_markets: Vec<String>,
}

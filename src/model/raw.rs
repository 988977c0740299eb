//! The content files as written: one serde struct per file shape.
//!
//! Every struct denies unknown fields so a typo is an error, never silently
//! dropped content. `docs/content-model.md` documents these shapes for authors;
//! keep the two in step.

use super::schema_ids::{
    Actuals, CompanyWorkRef, MarketId, MarketRegion, MarketTag, MeasureRef, Reference, Region,
    RegulationId, RoleId, Slug, StepId, Tag, TaskRef, Team,
};
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
    pub id: String,
    /// The role's name as readers see it, e.g. "Legal counsel".
    pub title: String,
}

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
    pub components: Option<Vec<String>>,
    /// The phase ids in order, for a framework without components; each is
    /// a file `<id>.yaml` beside framework.yaml.
    #[serde(default)]
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
}

/// A titled week block inside a phase ("Week 1-2: Infrastructure and MLOps Foundation").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    /// The block's id, unique within the phase.
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
}

/// An activity inside a step.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    /// The activity's id; without it, the slug of its title.
    #[serde(default)]
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

/// `content/metrics/<group>.yaml`: a group of success metrics.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMetricFile {
    /// The group the file's metrics belong to.
    pub group: RawMetricGroup,
    /// The metrics, in order.
    pub metrics: Vec<RawMetric>,
}

/// A group of metrics ("Regulatory Compliance Excellence").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMetricGroup {
    /// The group's id.
    pub id: String,
    /// The group's title, e.g. "Regulatory Compliance Excellence".
    pub title: String,
    /// The id of the framework the group belongs to.
    #[serde(default)]
    pub framework: Option<String>,
}

/// A success metric.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMetric {
    /// The metric's id (its URL, and the key of a market's `actuals`).
    #[schemars(with = "Slug")]
    pub id: String,
    /// The metric's name, e.g. "Compliance Rate".
    pub name: String,
    /// What it measures and how (Markdown).
    #[serde(default)]
    pub description: Option<String>,
    /// The target a market's actual value is judged against.
    pub target: Target,
    /// What the metric measures: `framework:<id>`, `component:<id>` or
    /// `step:<id>` references.
    #[serde(default)]
    #[schemars(with = "Vec<MeasureRef>")]
    pub measures: Vec<String>,
    /// True when a smaller actual is better (shown only; `op` decides met or
    /// missed).
    #[serde(default)]
    pub lower_is_better: bool,
}

/// A metric's target, typed so an actual value can be judged met or missed:
/// `{ op: ">=", value: 99.9, unit: "%", text: "…" }`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// How the actual value must compare with `value`.
    pub op: Op,
    /// The threshold, a number in `unit`.
    pub value: f64,
    /// The unit, free text: `%`, `ms`, `hours`, `x`, …
    #[serde(default)]
    pub unit: String,
    /// The period the target is over, e.g. `year`, `quarter`, `month`.
    #[serde(default)]
    pub period: Option<String>,
    /// The target in words, as the source gives it.
    pub text: String,
}

/// How an actual value must compare with a target.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
pub enum Op {
    /// At least.
    #[serde(rename = ">=")]
    Ge,
    /// At most.
    #[serde(rename = "<=")]
    Le,
    /// More than.
    #[serde(rename = ">")]
    Gt,
    /// Less than.
    #[serde(rename = "<")]
    Lt,
    /// Exactly.
    #[serde(rename = "=")]
    Eq,
}

impl Op {
    /// Does `actual` meet a target of `target` under this operator?
    pub fn met(self, actual: f64, target: f64) -> bool {
        match self {
            Op::Ge => actual >= target,
            Op::Le => actual <= target,
            Op::Gt => actual > target,
            Op::Lt => actual < target,
            Op::Eq => (actual - target).abs() < 1e-9,
        }
    }

    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Le => "≤",
            Op::Gt => ">",
            Op::Lt => "<",
            Op::Eq => "=",
        }
    }
}

/// `content/markets/<id>.yaml`: a market, what selects its tasks, its
/// kickoff date, team and actual metric values.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMarket {
    /// The market's id: its lowercase ISO 3166 code, e.g. `de`.
    #[schemars(with = "Slug")]
    pub id: String,
    /// The market's name, e.g. "Germany".
    pub name: String,
    /// The market's region, e.g. `eu`; `applies_to` rules select markets by
    /// it.
    #[schemars(with = "MarketRegion")]
    pub region: String,
    /// One paragraph on the market (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// A longer text (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// The regulations that apply in the market (regulation ids).
    #[serde(default)]
    #[schemars(with = "Vec<RegulationId>")]
    pub regulations: Vec<String>,
    /// Tags that select tasks through `applies_to` rules, e.g.
    /// `data-residency`, `new-language`.
    #[serde(default)]
    #[schemars(with = "Vec<MarketTag>")]
    pub tags: Vec<String>,
    /// The market's languages, as BCP 47 codes (`de`, `en`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// The market's currency, an ISO 4217 code (`EUR`).
    #[serde(default)]
    pub currency: Option<String>,
    /// The launch kickoff date (YYYY-MM-DD): week 1 starts on it, and every
    /// due date counts from it.
    pub kickoff: Date,
    /// Who holds each role in the market: role id → person.
    #[serde(default)]
    #[schemars(with = "Team")]
    pub team: BTreeMap<String, String>,
    /// Local partners.
    #[serde(default)]
    pub partners: Vec<RawPartner>,
    /// The market's own tasks, each added to a step of a framework.
    #[serde(default)]
    pub tasks: Vec<RawMarketTask>,
    /// The values observed in the market: metric id → actual value.
    #[serde(default)]
    #[schemars(with = "Actuals")]
    pub actuals: BTreeMap<String, RawActual>,
}

/// A local partner of a market.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPartner {
    /// The partner's name.
    pub name: String,
    /// What kind of partner, free text (`reseller`, `hosting`, …).
    #[serde(default)]
    pub kind: Option<String>,
    /// Notes on the partner (Markdown).
    #[serde(default)]
    pub note: Option<String>,
}

/// A market's own task, added to a step.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMarketTask {
    /// The task's id; without it, the slug of its title (its full id is
    /// `<step-id>/<market>-<id>`).
    #[serde(default)]
    pub id: Option<String>,
    /// The id of the step the task is added to.
    #[schemars(with = "StepId")]
    pub step: String,
    /// The task's title: the checklist line.
    pub title: String,
    /// What to do and what done looks like (Markdown).
    #[serde(default)]
    pub description: Option<String>,
    /// The role that owns the task (an id from content/roles.yaml).
    #[serde(default)]
    #[schemars(with = "Option<RoleId>")]
    pub owner: Option<String>,
}

/// An observed value of a metric in a market.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActual {
    /// The value, in the metric's unit.
    pub value: f64,
    /// When it was measured (YYYY-MM-DD).
    #[serde(default)]
    pub as_of: Option<Date>,
    /// Context for the value (Markdown).
    #[serde(default)]
    pub note: Option<String>,
}

/// `content/regulations/<id>.yaml`: a regulation and what it asks of
/// operations.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRegulation {
    /// The regulation's id, e.g. `gdpr` (the file name without `.yaml`).
    #[schemars(with = "Slug")]
    pub id: String,
    /// Its short name, e.g. "GDPR".
    pub name: String,
    /// Its official title.
    #[serde(default)]
    pub official_name: Option<String>,
    /// Where it applies, e.g. "European Union / EEA".
    pub jurisdiction: String,
    /// When it took effect, as text ("25 May 2018").
    #[serde(default)]
    pub in_force: Option<String>,
    /// The official source (a URL).
    #[serde(default)]
    pub link: Option<String>,
    /// When the page was last checked against the law (YYYY-MM-DD), shown
    /// as "Last reviewed".
    #[serde(default)]
    pub reviewed: Option<Date>,
    /// A summary of the regulation (Markdown).
    pub summary: String,
    /// What it asks of operations.
    #[serde(default)]
    pub obligations: Vec<RawObligation>,
}

/// One obligation of a regulation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObligation {
    /// The topic, e.g. "Breach notification".
    pub topic: String,
    /// What the regulation requires (Markdown).
    pub text: String,
}

/// `content/experts/<id>.yaml`: an expert, their perspectives and their
/// advice on steps.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExpert {
    /// The expert's id (the file name without `.yaml`).
    #[schemars(with = "Slug")]
    pub id: String,
    /// The expert's name.
    pub name: String,
    /// Their role and organisation.
    pub role: String,
    /// True when the expert is a composite, not a real person (the page
    /// says so plainly).
    #[serde(default)]
    pub composite: bool,
    /// The category of expertise, free text.
    #[serde(default)]
    pub category: Option<String>,
    /// Their background (Markdown).
    #[serde(default)]
    pub background: Option<String>,
    /// Their key insight (Markdown).
    #[serde(default)]
    pub insight: Option<String>,
    /// Quotes, each shown as a quotation.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Titled strategic perspectives.
    #[serde(default)]
    pub perspectives: Vec<RawPerspective>,
    /// Actionable advice, each linked to the steps it speaks to.
    #[serde(default)]
    pub advice: Vec<RawAdvice>,
}

/// A titled perspective of an expert.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerspective {
    /// The perspective's title.
    pub title: String,
    /// The perspective (Markdown).
    pub text: String,
}

/// One piece of advice and the steps it speaks to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAdvice {
    /// The advice (Markdown).
    pub text: String,
    /// The ids of the steps the advice speaks to (shown on their pages).
    #[serde(default)]
    #[schemars(with = "Vec<StepId>")]
    pub steps: Vec<String>,
}

/// The front matter of `content/research/<id>.md` (between two `---`
/// lines; the Markdown body follows).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResearch {
    /// The page's id (the file name without `.md`).
    #[schemars(with = "Slug")]
    pub id: String,
    /// The page's title.
    pub title: String,
    /// The category, free text.
    #[serde(default)]
    pub category: Option<String>,
    /// One paragraph on the finding (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// What the finding supports: `kind:id` references, e.g.
    /// `component:regulatory-compliance`.
    #[serde(default)]
    #[schemars(with = "Vec<Reference>")]
    pub supports: Vec<String>,
    /// The finding's result figures.
    #[serde(default)]
    pub results: Vec<RawResult>,
}

/// A result figure of a research finding.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResult {
    /// What was measured, e.g. "Regulatory coverage".
    pub label: String,
    /// The figure, as text ("100%").
    pub value: String,
    /// Context for the figure.
    #[serde(default)]
    pub text: Option<String>,
}

/// The front matter of a story chapter, `content/story/NN-slug.md` (between
/// two `---` lines; the Markdown body follows).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChapter {
    /// The chapter's id; without it, the file name without `NN-` and `.md`.
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
    pub id: Option<String>,
    /// The chapter's title.
    pub title: String,
    /// The act the chapter belongs to (1, 2, 3).
    pub act: u32,
    /// The act's title.
    #[serde(default)]
    pub act_title: Option<String>,
    /// The section's number.
    #[serde(default)]
    pub section: Option<u32>,
    /// The section's title.
    #[serde(default)]
    pub section_title: Option<String>,
    /// One or two sentences on the chapter (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// What the chapter puts to work, in order: `kind:id` references, e.g.
    /// `step:mlops-infrastructure-implementation`.
    #[serde(default)]
    #[schemars(with = "Vec<Reference>")]
    pub applies: Vec<String>,
}

/// `content/story/learning-path.yaml`: the story's learning path — its
/// levels with their objectives and self-assessment questions, how the
/// Chapter Completion Assessment weighs its parts, and the Practical
/// Application Portfolio. Optional: without it the site has no learning
/// pages.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLearningPath {
    /// Introduction shown above the levels on the story index (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The levels, in reading order.
    pub levels: Vec<RawLevel>,
    /// How a level's self-assessment is scored.
    pub assessment: RawAssessment,
    /// The portfolio page; absent = no portfolio page.
    #[serde(default)]
    pub portfolio: Option<RawPortfolio>,
}

/// A level of the learning path ("Foundation Level").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    /// Slug (the assessment page's URL: `learning/<id>/`).
    pub id: String,
    /// Display title.
    pub title: String,
    /// What the level is about, one line ("Understanding and Planning").
    #[serde(default)]
    pub focus: Option<String>,
    /// Chapter ids the level covers, in order.
    pub chapters: Vec<String>,
    /// What a reader will be able to do after the level.
    pub objectives: Vec<String>,
    /// The skills the level builds.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The level's self-assessment questions.
    pub questions: Vec<RawQuestion>,
}

/// A self-assessment question with its worked answer and rubric.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// The assessment part it counts towards (an id of `assessment.parts`).
    pub part: String,
    /// The chapter it is drawn from (one of its level's chapters).
    #[serde(default)]
    pub chapter: Option<String>,
    /// The question (Markdown).
    pub question: String,
    /// A worked answer (Markdown).
    pub answer: String,
    /// What a full answer does, each line worth points.
    pub rubric: Vec<RawCriterion>,
}

/// One line of a question's rubric.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    /// What the answer does (Markdown).
    pub text: String,
    /// Points it is worth (at least 1).
    #[serde(default = "one")]
    pub points: u32,
}

fn one() -> u32 {
    1
}

/// The Chapter Completion Assessment: its weighted parts.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    /// Display title.
    pub title: String,
    /// How to take it (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The parts; their weights add up to 100.
    pub parts: Vec<RawAssessmentPart>,
}

/// A weighted part of the assessment ("Framework Application (50%)").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssessmentPart {
    /// Slug, named by questions' `part`.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Share of the score, in percent.
    pub weight: u32,
    /// What the part validates.
    #[serde(default)]
    pub covers: Vec<String>,
}

/// The Practical Application Portfolio page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPortfolio {
    /// Display title.
    pub title: String,
    /// Introduction (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Its portfolios ("Operations Strategy Portfolio").
    pub parts: Vec<RawPortfolioPart>,
}

/// One portfolio of the page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPortfolioPart {
    /// Slug (the section's anchor).
    pub id: String,
    /// Display title.
    pub title: String,
    /// What it is for (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Its pieces, each with a template to copy.
    pub items: Vec<RawPortfolioItem>,
}

/// A piece of a portfolio and the template a reader copies for it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPortfolioItem {
    /// Display title.
    pub title: String,
    /// `kind:id` references to what it draws on (chapters, steps, metrics, …).
    #[serde(default)]
    pub uses: Vec<String>,
    /// The template, as plain text to copy (Markdown is not rendered).
    pub template: String,
}

/// `content/progress/<market>.yaml`: the team's shared record of a market's
/// launch — which checklist tasks are done, when and by whom. The file is
/// named by the market's id; `playbook progress` adds entries to it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProgress {
    /// Task id (as in the checklist, `step-id/task-slug`) → when it was done.
    #[serde(default)]
    pub done: BTreeMap<String, RawDone>,
}

/// One task recorded as done.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDone {
    /// The day it was done (YYYY-MM-DD).
    pub on: Date,
    /// Who did it (a name).
    #[serde(default)]
    pub by: Option<String>,
    /// Anything worth knowing (a link to the evidence, a caveat).
    #[serde(default)]
    pub note: Option<String>,
}

//! The shapes of metric files, market files (with their actuals) and
//! progress files.

use super::*;

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
    #[schemars(with = "Slug")]
    pub id: String,
    /// The group's title, e.g. "Regulatory Compliance Excellence".
    pub title: String,
    /// The id of the framework the group belongs to.
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
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
    /// `true` while the market is being written and its kickoff is not
    /// settled (`playbook new market` writes it): its pages and checklist
    /// are built, but it is not a live launch (`playbook status` and
    /// `/status/` leave it out). Remove the line once the kickoff is real.
    #[serde(default)]
    pub draft: bool,
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
    /// True for the company's home market (at most one): work marked
    /// `market_entry` leaves its checklist.
    #[serde(default)]
    pub home: bool,
    /// The day the market went live (YYYY-MM-DD); absent while it is planned.
    #[serde(default)]
    pub launched: Option<Date>,
    /// Changes to the shared tasks of this market's checklist: task id → a
    /// note, an owner, a duration, a due date, more to wait for, or `skip`
    /// with the reason.
    #[serde(default)]
    #[schemars(with = "Adjustments")]
    pub adjust: BTreeMap<String, RawAdjust>,
}

/// How a market changes one shared task of its checklist.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAdjust {
    /// What this market's team needs to know (Markdown), shown on the row in
    /// every format: "Frankfurt (eu-central-1); C5 auditor: …".
    #[serde(default)]
    pub note: Option<String>,
    /// Another owning role for this market (a role id).
    #[serde(default)]
    #[schemars(with = "Option<RoleId>")]
    pub owner: Option<String>,
    /// How long the work takes here (replaces the task's own duration).
    #[serde(default)]
    pub duration: Option<WorkDuration>,
    /// A fixed due date here (YYYY-MM-DD), whatever the schedule says.
    #[serde(default)]
    pub due: Option<Date>,
    /// More work it waits for here (`task:<id>`, `step:<id>`, `phase:<id>`).
    #[serde(default)]
    #[schemars(with = "Vec<WorkRef>")]
    pub after: Vec<String>,
    /// Leave the task off this market's list, with the reason (listed under
    /// "Not applicable here" so an auditor sees what was dropped and why).
    #[serde(default)]
    pub skip: Option<String>,
}

/// A market's adjustments: task id → changes.
pub struct Adjustments;

impl JsonSchema for Adjustments {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Adjustments".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "propertyNames": { "type": "string", "pattern": TASK_ID_PATTERN, "description": "A task id of this market's checklist: `<step-id>/<task-slug>`." },
            "additionalProperties": g.subschema_for::<RawAdjust>(),
        })
    }
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
    #[schemars(with = "Option<Slug>")]
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
    /// How long the work takes (`10 days`, `3 weeks`, `6 months`).
    #[serde(default)]
    pub duration: Option<WorkDuration>,
    /// What it waits for: `task:<id>`, `step:<id>` or `phase:<id>`.
    #[serde(default)]
    #[schemars(with = "Vec<WorkRef>")]
    pub after: Vec<String>,
    /// A dated obligation it serves, `<regulation-id>/<deadline-id>`.
    #[serde(default)]
    #[schemars(with = "Option<DeadlineRef>")]
    pub deadline: Option<String>,
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

/// A market's actuals: metric id → observed value.
pub struct Actuals;

impl JsonSchema for Actuals {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Actuals".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "propertyNames": g.subschema_for::<MetricId>(),
            "additionalProperties": g.subschema_for::<RawActual>(),
        })
    }
}

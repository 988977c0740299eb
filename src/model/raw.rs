//! The content files as written: one serde struct per file shape.
//!
//! Every struct denies unknown fields so a typo is an error, never silently
//! dropped content. `docs/content-model.md` documents these shapes for authors;
//! keep the two in step.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `content/roles.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolesFile {
    /// The roles that may own tasks and appear in market teams.
    pub roles: Vec<RawRole>,
}

/// One role.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// Slug, used as `owner:` and team key.
    pub id: String,
    /// Human title, e.g. "Legal counsel".
    pub title: String,
}

/// `content/frameworks/<fw>/framework.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    /// Slug.
    pub id: String,
    /// Display title.
    pub title: String,
    /// One paragraph (Markdown).
    pub summary: String,
    /// Longer introduction (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// Where the framework comes from.
    #[serde(default)]
    pub source: Option<String>,
    /// Ordered component ids (files beside framework.yaml).
    #[serde(default)]
    pub components: Option<Vec<String>>,
    /// Ordered phase ids (files beside framework.yaml), for frameworks without components.
    #[serde(default)]
    pub phases: Option<Vec<String>>,
    /// Implementation risks and their mitigations.
    #[serde(default)]
    pub risks: Vec<RawRisk>,
    /// Who does the framework's work: once for the company, or per market
    /// (the default); its phases, steps and tasks inherit it.
    #[serde(default)]
    pub scope: Option<Scope>,
}

/// Whether work is done once for the whole company or in every market.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRisk {
    /// Slug.
    pub id: String,
    /// Display title.
    pub title: String,
    /// What could go wrong (Markdown).
    pub description: String,
    /// What to do about it.
    pub mitigation: RawMitigation,
    /// Step ids this risk threatens.
    #[serde(default)]
    pub threatens: Vec<String>,
}

/// How a risk is mitigated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMitigation {
    /// Display title.
    pub title: String,
    /// What to do (Markdown).
    pub description: String,
}

/// `content/frameworks/<fw>/<component>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    /// Slug.
    pub id: String,
    /// Position in the framework, as the source numbers it.
    #[serde(default)]
    pub number: Option<u32>,
    /// Display title.
    pub title: String,
    /// The component's focus, one line.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// One paragraph (Markdown).
    pub summary: String,
    /// Longer text (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// The component's phases.
    pub phases: Vec<RawPhase>,
}

/// A phase: inside a component, or its own file in a framework without components.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    /// Slug.
    pub id: String,
    /// Position, as the source numbers it.
    #[serde(default)]
    pub number: Option<u32>,
    /// Display title.
    pub title: String,
    /// `[first, last]` week relative to kickoff.
    #[serde(default)]
    pub weeks: Option<Vec<u32>>,
    /// `[first, last]` month relative to kickoff; `[n]` is open-ended ("Month n+").
    #[serde(default)]
    pub months: Option<Vec<u32>>,
    /// Optional text (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Steps directly in the phase.
    #[serde(default)]
    pub steps: Option<Vec<RawStep>>,
    /// Titled week blocks grouping the steps.
    #[serde(default)]
    pub blocks: Option<Vec<RawBlock>>,
    /// Company or market work; inherited from the framework when absent.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Company-wide phases or steps this market phase depends on
    /// (`phase:<id>` or `step:<id>`): a market's checklist opens with them.
    #[serde(default)]
    pub after: Vec<String>,
}

/// A titled week block inside a phase ("Week 1-2: Infrastructure and MLOps Foundation").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    /// Slug.
    pub id: String,
    /// Display title.
    pub title: String,
    /// `[first, last]` week within the phase; absent means ongoing.
    #[serde(default)]
    pub weeks: Option<Vec<u32>>,
    /// Optional text (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The block's steps.
    pub steps: Vec<RawStep>,
}

/// A step.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Slug, unique across the playbook.
    pub id: String,
    /// Step number as the source gives it.
    #[serde(default)]
    pub number: Option<u32>,
    /// Display title.
    pub title: String,
    /// How to run the step (Markdown).
    #[serde(default)]
    pub guidance: Option<String>,
    /// The step's activities.
    #[serde(default)]
    pub activities: Vec<RawActivity>,
    /// Company or market work; inherited from the phase when absent.
    #[serde(default)]
    pub scope: Option<Scope>,
}

/// An activity inside a step.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    /// Optional slug (defaults to the slug of the title).
    #[serde(default)]
    pub id: Option<String>,
    /// Display title.
    pub title: String,
    /// Optional text (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The activity's tasks: one checklist line each.
    #[serde(default)]
    pub tasks: Vec<RawTask>,
}

/// A task: one checklist line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    /// Optional slug (defaults to the slug of the title).
    #[serde(default)]
    pub id: Option<String>,
    /// Display title.
    pub title: String,
    /// What to do and what done looks like (Markdown).
    #[serde(default)]
    pub description: Option<String>,
    /// Role id that owns the task.
    #[serde(default)]
    pub owner: Option<String>,
    /// Which markets the task applies to; absent = all.
    #[serde(default)]
    pub applies_to: Option<Rule>,
    /// Company or market work; inherited from the step when absent.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// `task:<id>` of tasks in other frameworks that are the same work: a
    /// checklist shows them as one row (linked both ways once written on
    /// either side).
    #[serde(default)]
    pub same_as: Vec<String>,
    /// Tasks with the same or a near title that are different work, and why.
    #[serde(default)]
    pub distinct_from: Vec<RawDistinct>,
}

/// A task marked as different work from this one despite a similar title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDistinct {
    /// `task:<id>` of the other task.
    pub task: String,
    /// How the two differ, for the reader and the reviewer.
    pub why: String,
}

/// An applicability rule: every non-empty key must match (AND); within a key any value (OR).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Market regions, e.g. `eu`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    /// Market ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<String>,
    /// Regulation ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regulations: Vec<String>,
    /// Market tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Markets excluded even when everything else matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except_markets: Vec<String>,
}

/// `content/metrics/<group>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetricFile {
    /// The group the metrics belong to.
    pub group: RawMetricGroup,
    /// The metrics.
    pub metrics: Vec<RawMetric>,
}

/// A group of metrics ("Regulatory Compliance Excellence").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetricGroup {
    /// Slug.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Framework id the group belongs to.
    #[serde(default)]
    pub framework: Option<String>,
}

/// A success metric.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetric {
    /// Slug.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it measures and how (Markdown).
    #[serde(default)]
    pub description: Option<String>,
    /// The typed target.
    pub target: Target,
    /// `kind:id` references to what the metric measures.
    #[serde(default)]
    pub measures: Vec<String>,
    /// True when a smaller actual is better (informative; `op` decides met/missed).
    #[serde(default)]
    pub lower_is_better: bool,
}

/// A typed target, so an actual value can be judged met or missed.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Comparison the actual must satisfy.
    pub op: Op,
    /// The threshold.
    pub value: f64,
    /// Unit, e.g. `%`, `ms`, `hours`.
    #[serde(default)]
    pub unit: String,
    /// Period, e.g. `year`.
    #[serde(default)]
    pub period: Option<String>,
    /// The source's wording.
    pub text: String,
}

/// Comparison operators for targets.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
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

/// `content/markets/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMarket {
    /// Lowercase ISO 3166 code.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Region slug, e.g. `eu`.
    pub region: String,
    /// One paragraph (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// Longer text (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// Regulation ids that apply.
    #[serde(default)]
    pub regulations: Vec<String>,
    /// Tags that select tasks (`data-residency`, …).
    #[serde(default)]
    pub tags: Vec<String>,
    /// BCP 47 language codes.
    #[serde(default)]
    pub languages: Vec<String>,
    /// ISO 4217 code.
    #[serde(default)]
    pub currency: Option<String>,
    /// Launch kickoff date: week 1 starts here.
    pub kickoff: Date,
    /// Role id → person.
    #[serde(default)]
    pub team: BTreeMap<String, String>,
    /// Local partners.
    #[serde(default)]
    pub partners: Vec<RawPartner>,
    /// Extra tasks for this market, attached to steps.
    #[serde(default)]
    pub tasks: Vec<RawMarketTask>,
    /// Metric id → actual value.
    #[serde(default)]
    pub actuals: BTreeMap<String, RawActual>,
}

/// A local partner of a market.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPartner {
    /// Partner name.
    pub name: String,
    /// What kind of partner.
    #[serde(default)]
    pub kind: Option<String>,
    /// Notes (Markdown).
    #[serde(default)]
    pub note: Option<String>,
}

/// A market's own task, added to a step.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMarketTask {
    /// Optional slug (defaults to the slug of the title).
    #[serde(default)]
    pub id: Option<String>,
    /// Step id the task belongs to.
    pub step: String,
    /// Display title.
    pub title: String,
    /// What to do (Markdown).
    #[serde(default)]
    pub description: Option<String>,
    /// Role id.
    #[serde(default)]
    pub owner: Option<String>,
}

/// An observed value of a metric in a market.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawActual {
    /// The value, in the metric's unit.
    pub value: f64,
    /// When it was measured.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// Context (Markdown).
    #[serde(default)]
    pub note: Option<String>,
}

/// `content/regulations/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegulation {
    /// Slug.
    pub id: String,
    /// Short name, e.g. GDPR.
    pub name: String,
    /// Official title.
    #[serde(default)]
    pub official_name: Option<String>,
    /// Where it applies.
    pub jurisdiction: String,
    /// When it took effect.
    #[serde(default)]
    pub in_force: Option<String>,
    /// Official source.
    #[serde(default)]
    pub link: Option<String>,
    /// When the page was last checked against the law.
    #[serde(default)]
    pub reviewed: Option<Date>,
    /// Summary (Markdown).
    pub summary: String,
    /// What it asks of operations.
    #[serde(default)]
    pub obligations: Vec<RawObligation>,
}

/// One obligation of a regulation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObligation {
    /// Topic, e.g. "Breach notification".
    pub topic: String,
    /// What it requires (Markdown).
    pub text: String,
}

/// `content/experts/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpert {
    /// Slug.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role and organisation.
    pub role: String,
    /// True when the expert is a composite, not a real person.
    #[serde(default)]
    pub composite: bool,
    /// Category of expertise.
    #[serde(default)]
    pub category: Option<String>,
    /// Background (Markdown).
    #[serde(default)]
    pub background: Option<String>,
    /// Key insight (Markdown).
    #[serde(default)]
    pub insight: Option<String>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Strategic perspectives.
    #[serde(default)]
    pub perspectives: Vec<RawPerspective>,
    /// Actionable advice, linked to steps.
    #[serde(default)]
    pub advice: Vec<RawAdvice>,
}

/// A titled perspective of an expert.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerspective {
    /// Title.
    pub title: String,
    /// Text (Markdown).
    pub text: String,
}

/// One piece of advice and the steps it speaks to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdvice {
    /// The advice (Markdown).
    pub text: String,
    /// Step ids.
    #[serde(default)]
    pub steps: Vec<String>,
}

/// Front matter of `content/research/<id>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResearch {
    /// Slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// Category.
    #[serde(default)]
    pub category: Option<String>,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// `kind:id` references to what the finding supports.
    #[serde(default)]
    pub supports: Vec<String>,
    /// Result figures.
    #[serde(default)]
    pub results: Vec<RawResult>,
}

/// A result figure of a research finding.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawResult {
    /// What was measured.
    pub label: String,
    /// The figure, as text ("100%").
    pub value: String,
    /// Context.
    #[serde(default)]
    pub text: Option<String>,
}

/// Front matter of `content/story/NN-slug.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChapter {
    /// Optional slug (defaults to the file name without `NN-`).
    #[serde(default)]
    pub id: Option<String>,
    /// Title.
    pub title: String,
    /// Act number.
    pub act: u32,
    /// Act title.
    #[serde(default)]
    pub act_title: Option<String>,
    /// Section number.
    #[serde(default)]
    pub section: Option<u32>,
    /// Section title.
    #[serde(default)]
    pub section_title: Option<String>,
    /// Summary (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// `kind:id` references to what the chapter puts to work.
    #[serde(default)]
    pub applies: Vec<String>,
}

/// `content/story/learning-path.yaml`: the story's learning path — its
/// levels with their objectives and self-assessment questions, how the
/// Chapter Completion Assessment weighs its parts, and the Practical
/// Application Portfolio. Optional: without it the site has no learning
/// pages.
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawProgress {
    /// Task id (as in the checklist, `step-id/task-slug`) → when it was done.
    #[serde(default)]
    pub done: BTreeMap<String, RawDone>,
}

/// One task recorded as done.
#[derive(Debug, Clone, Deserialize, Serialize)]
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

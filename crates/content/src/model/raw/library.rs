//! The shapes of regulations, experts, research pages and story chapters
//! (front matter).

use super::*;

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
    /// The official sources this page's facts were checked against: the
    /// law's text, the official journal or the regulator. Deadlines,
    /// obligations, watch items and `in_force_source` name them by `id`.
    #[serde(default)]
    pub sources: Vec<RawRegulationSource>,
    /// The id of the source (in `sources`) that `in_force` comes from.
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
    pub in_force_source: Option<String>,
    /// Dated obligations (the day a rule starts to apply, a filing is due),
    /// each with its source. A task serves one with `deadline:
    /// <regulation-id>/<deadline-id>`.
    #[serde(default)]
    pub deadlines: Vec<RawDeadline>,
    /// What it asks of operations.
    #[serde(default)]
    pub obligations: Vec<RawObligation>,
    /// Changes pending (bills, proposals, consultations, court cases) to
    /// keep an eye on.
    #[serde(default)]
    pub watch: Vec<RawWatch>,
}

/// An official source of a regulation's facts.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRegulationSource {
    /// The source's id within this file, a slug (e.g. `oj-2024-1689`);
    /// deadlines, obligations and watch items name it.
    #[schemars(with = "Slug")]
    pub id: String,
    /// What the source is, e.g. "Regulation (EU) 2024/1689 (Artificial
    /// Intelligence Act), OJ L, 12.7.2024".
    pub title: String,
    /// Where to read it (an `https://` URL).
    pub url: String,
    /// The day the page's facts were last checked against it (YYYY-MM-DD);
    /// not after `reviewed`, nor after today.
    pub checked: Date,
}

/// A dated obligation of a regulation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    /// The deadline's id within this file, a slug (e.g. `gpai`); tasks
    /// name it as `<regulation-id>/<id>`.
    #[schemars(with = "Slug")]
    pub id: String,
    /// The day (YYYY-MM-DD).
    pub date: Date,
    /// What applies, or is due, that day (Markdown).
    pub what: String,
    /// The id of the source (in `sources`) the date comes from.
    #[schemars(with = "Slug")]
    pub source: String,
    /// False when the date could not be confirmed against an official
    /// source (the page shows it as "unconfirmed"). Default true.
    #[serde(default = "yes")]
    pub confirmed: bool,
}

/// One obligation of a regulation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObligation {
    /// The topic, e.g. "Breach notification".
    pub topic: String,
    /// What the regulation requires (Markdown).
    pub text: String,
    /// The ids of the sources (in `sources`) its dates, deadlines and
    /// thresholds come from.
    #[serde(default)]
    #[schemars(with = "Vec<Slug>")]
    pub sources: Vec<String>,
}

/// A pending change to a regulation, to keep an eye on.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWatch {
    /// What may change, and where it stands (Markdown).
    pub what: String,
    /// The ids of the sources (in `sources`) it is checked against.
    #[serde(default)]
    #[schemars(with = "Vec<Slug>")]
    pub sources: Vec<String>,
    /// False when what it reports could not be confirmed against an
    /// official source (the page shows it as "unconfirmed"). Default true.
    #[serde(default = "yes")]
    pub confirmed: bool,
}

/// Serde's default for the `confirmed` flags.
fn yes() -> bool {
    true
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

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

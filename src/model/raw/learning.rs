//! The shape of the story's learning path (`content/story/learning-path.yaml`).

use super::*;

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
    #[schemars(with = "Slug")]
    pub id: String,
    /// Display title.
    pub title: String,
    /// What the level is about, one line ("Understanding and Planning").
    #[serde(default)]
    pub focus: Option<String>,
    /// Chapter ids the level covers, in order.
    #[schemars(with = "Vec<Slug>")]
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
    #[schemars(with = "Slug")]
    pub part: String,
    /// The chapter it is drawn from (one of its level's chapters).
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
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
    #[schemars(with = "Slug")]
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
    #[schemars(with = "Slug")]
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
    #[schemars(with = "Vec<Reference>")]
    pub uses: Vec<String>,
    /// The template, as plain text to copy (Markdown is not rendered).
    pub template: String,
}

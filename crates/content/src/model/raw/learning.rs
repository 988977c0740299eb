//! The shape of the story's learning path (`content/story/learning-path.yaml`).

use super::*;

/// `content/story/learning-path.yaml`: the story's learning path — its
/// levels with their objectives and self-assessment questions, how the
/// Chapter Completion Assessment weighs its parts (each level's
/// self-assessment, and all levels' questions together on
/// `learning/assessment/`), and the Practical Application Portfolio.
/// Optional: without it the site has no learning pages.
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
    /// Slug (the self-assessment page's URL: `learning/<id>/`; not
    /// `assessment` or `portfolio`, which name the pages beside it).
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
    /// What a reader will be able to do after the level: each its text, or
    /// a map that also names the chapters that teach it and the level a
    /// source list put it under.
    pub objectives: Vec<RawOutcome>,
    /// The skills the level builds (written like objectives).
    #[serde(default)]
    pub skills: Vec<RawOutcome>,
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
    /// Which of its part's `covers` lines it tests (their ids): the part's
    /// "It validates" lists only the lines its questions cover.
    #[serde(default)]
    #[schemars(with = "Vec<Slug>")]
    pub covers: Vec<String>,
    /// What kind of question it is, shown beside it: `recall` (a fact of
    /// the story), `own-operation` (about the reader's own operation),
    /// `regulatory` (regulation and market content). None of them: it
    /// tests understanding.
    #[serde(default)]
    pub about: Vec<QuestionAbout>,
}

/// What a question asks about (a question's `about`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionAbout {
    /// It asks for a fact of the story (what happened, who said what).
    Recall,
    /// It asks about the reader's own operation; its rubric judges any
    /// honest answer.
    OwnOperation,
    /// It asks about regulation and markets (data protection, the AI
    /// rules, a market's expectations).
    Regulatory,
}

impl QuestionAbout {
    /// How the page labels it.
    pub fn label(self) -> &'static str {
        match self {
            QuestionAbout::Recall => "Recall",
            QuestionAbout::OwnOperation => "Your operation",
            QuestionAbout::Regulatory => "Regulation and markets",
        }
    }
}

/// An objective or skill of a level: its text alone, or a map with the
/// chapters that teach it and, when the path moved it, the level a source
/// list put it under.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum RawOutcome {
    /// The objective's text.
    Text(String),
    /// The objective with where it is taught.
    Full(RawOutcomeFields),
}

/// An objective or skill written as a map.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOutcomeFields {
    /// What the reader will be able to do.
    pub text: String,
    /// The chapters of its level that teach it (chapter ids).
    #[serde(default)]
    #[schemars(with = "Vec<Slug>")]
    pub chapters: Vec<String>,
    /// The level a source list puts it under (a level id), when the path
    /// follows the chapters instead: the pages say where it moved from.
    #[serde(default)]
    #[schemars(with = "Option<Slug>")]
    pub moved_from: Option<String>,
    /// Why, or anything else a reader should know about it (Markdown).
    #[serde(default)]
    pub note: Option<String>,
}

impl RawOutcome {
    /// Its fields (the text alone has no chapters, move or note).
    pub fn fields(&self) -> std::borrow::Cow<'_, RawOutcomeFields> {
        match self {
            RawOutcome::Text(t) => std::borrow::Cow::Owned(RawOutcomeFields {
                text: t.clone(),
                ..RawOutcomeFields::default()
            }),
            RawOutcome::Full(f) => std::borrow::Cow::Borrowed(f),
        }
    }
}

/// Read as a string, or as [`RawOutcomeFields`] with their own messages
/// (an untagged enum would answer any mistake with "did not match any
/// variant").
impl<'de> Deserialize<'de> for RawOutcome {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawOutcome;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, or a map with `text`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawOutcome, E> {
                Ok(RawOutcome::Text(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawOutcome, A::Error> {
                RawOutcomeFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawOutcome::Full)
            }
        }
        d.deserialize_any(V)
    }
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

/// The Chapter Completion Assessment: its weighted parts. Each level's
/// self-assessment is scored with them, and so is the combined assessment
/// (`learning/assessment/`: every level's questions together).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    /// Display title (the combined assessment's page).
    pub title: String,
    /// How to take it and how it is scored (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// The parts; their weights add up to 100.
    pub parts: Vec<RawAssessmentPart>,
    /// The combined assessment's own texts.
    #[serde(default)]
    pub combined: Option<RawCombined>,
}

/// What the combined assessment (`learning/assessment/`) says besides the
/// questions it gathers from the levels.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCombined {
    /// What it is and how it relates to the levels' self-assessments
    /// (Markdown).
    #[serde(default)]
    pub summary: Option<String>,
    /// What a total means: bands from the highest `from` down to one
    /// from 0.
    #[serde(default)]
    pub bands: Vec<RawBand>,
}

/// A band of the combined score ("80 and above: ready to lead it").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    /// The lowest total in the band (0–100).
    pub from: u32,
    /// Its name.
    pub title: String,
    /// What to do next (Markdown).
    #[serde(default)]
    pub text: Option<String>,
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
    /// What the part validates, one line each; a question names the lines
    /// it tests in its `covers`.
    #[serde(default)]
    pub covers: Vec<RawCover>,
}

/// One line of what an assessment part validates.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCover {
    /// Slug, named by questions' `covers`.
    #[schemars(with = "Slug")]
    pub id: String,
    /// What it validates.
    pub text: String,
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

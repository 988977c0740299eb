//! The story's learning path, resolved: levels (with their chapters as
//! indices, objectives and skills with the chapters that teach them), the
//! weighted parts of the Chapter Completion Assessment, each level's
//! self-assessment questions, and the Practical Application Portfolio.
//! Read from `content/story/learning-path.yaml` by `resolve::learning`;
//! shown on the learning path's page (`learning/`), the story index, each
//! chapter, a page per level (`learning/<level>/`), the combined assessment
//! (`learning/assessment/`: every level's questions, one score) and the
//! portfolio page (`learning/portfolio/`).

pub use super::raw::QuestionAbout;
use super::raw::RawCriterion;
use super::{Chapter, EntityRef, Idx, IdxVec, SourceFile};

/// The learning path.
#[derive(Debug, Clone)]
pub struct LearningPath {
    /// Introduction on the story index (Markdown).
    pub summary: Option<String>,
    /// The levels, in reading order.
    pub levels: IdxVec<Level>,
    /// The assessment's title ("Chapter Completion Assessment").
    pub assessment_title: String,
    /// How to take it (Markdown).
    pub assessment_summary: Option<String>,
    /// The assessment's weighted parts; weights add up to 100.
    pub parts: IdxVec<AssessmentPart>,
    /// What the combined assessment is and how it relates to the levels'
    /// self-assessments (Markdown).
    pub combined_summary: Option<String>,
    /// What a combined total means, highest band first (the last from 0).
    pub bands: Vec<Band>,
    /// The portfolio page, if the file has one.
    pub portfolio: Option<Portfolio>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A level of the path.
#[derive(Debug, Clone)]
pub struct Level {
    /// Slug.
    pub id: String,
    /// Title ("Foundation Level").
    pub title: String,
    /// One line ("Understanding and Planning").
    pub focus: Option<String>,
    /// Chapter indices, in order.
    pub chapters: Vec<Idx<Chapter>>,
    /// Learning objectives: what the reader will be able to do.
    pub objectives: Vec<Outcome>,
    /// Skills the level builds.
    pub skills: Vec<Outcome>,
    /// Its self-assessment.
    pub questions: Vec<Question>,
}

/// An objective or skill of a level.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What the reader will be able to do.
    pub text: String,
    /// The level's chapters that teach it (indices, in the order given).
    pub chapters: Vec<Idx<Chapter>>,
    /// The level a source list puts it under, when the path moved it here
    /// (index into [`LearningPath::levels`]).
    pub moved_from: Option<Idx<Level>>,
    /// Why, or what else to know (Markdown).
    pub note: Option<String>,
}

/// A band of the combined score.
#[derive(Debug, Clone)]
pub struct Band {
    /// The lowest total in the band.
    pub from: u32,
    /// Its name.
    pub title: String,
    /// What to do next (Markdown).
    pub text: Option<String>,
}

/// A line of what an assessment part validates.
#[derive(Debug, Clone)]
pub struct Cover {
    /// Slug.
    pub id: String,
    /// What it validates.
    pub text: String,
}

/// A weighted part of the assessment.
#[derive(Debug, Clone)]
pub struct AssessmentPart {
    /// Slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// Share of the score in percent.
    pub weight: u32,
    /// What it validates.
    pub covers: IdxVec<Cover>,
}

/// A self-assessment question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Index into [`LearningPath::parts`].
    pub part: Idx<AssessmentPart>,
    /// The chapter it draws on.
    pub chapter: Option<Idx<Chapter>>,
    /// The question (Markdown).
    pub question: String,
    /// The worked answer (Markdown).
    pub answer: String,
    /// The rubric's lines and points.
    pub rubric: Vec<RawCriterion>,
    /// Which of its part's covers it tests (indices into the part's
    /// [`AssessmentPart::covers`]).
    pub covers: Vec<Idx<Cover>>,
    /// What kind of question it is (none: understanding).
    pub about: Vec<QuestionAbout>,
}

impl Question {
    /// The points a full answer earns.
    pub fn points(&self) -> u32 {
        self.rubric.iter().map(|c| c.points).sum()
    }
}

/// The Practical Application Portfolio.
#[derive(Debug, Clone)]
pub struct Portfolio {
    /// Title.
    pub title: String,
    /// Introduction (Markdown).
    pub summary: Option<String>,
    /// Its portfolios.
    pub parts: Vec<PortfolioPart>,
}

/// One portfolio of the page.
#[derive(Debug, Clone)]
pub struct PortfolioPart {
    /// Slug (anchor).
    pub id: String,
    /// Title.
    pub title: String,
    /// What it is for (Markdown).
    pub summary: Option<String>,
    /// Its pieces.
    pub items: Vec<PortfolioItem>,
}

/// A piece of a portfolio.
#[derive(Debug, Clone)]
pub struct PortfolioItem {
    /// Title.
    pub title: String,
    /// What it draws on.
    pub uses: Vec<EntityRef>,
    /// The template to copy (plain text).
    pub template: String,
}

impl LearningPath {
    /// The level that covers chapter `c`, if any.
    pub fn level_of_chapter(&self, c: Idx<Chapter>) -> Option<Idx<Level>> {
        self.levels.position(|l| l.chapters.contains(&c))
    }

    /// The objectives and skills other levels moved away from level `li`
    /// (a source list put them there): (the level they are in now, the
    /// outcome, whether it is a skill).
    pub fn moved_away(&self, li: Idx<Level>) -> Vec<(Idx<Level>, &Outcome, bool)> {
        let mut v = Vec::new();
        for (to, l) in self.levels.iter_enumerated() {
            for (list, skill) in [(&l.objectives, false), (&l.skills, true)] {
                v.extend(
                    list.iter()
                        .filter(|o| o.moved_from == Some(li))
                        .map(|o| (to, o, skill)),
                );
            }
        }
        v
    }
}

//! The story's learning path, resolved: levels (with their chapters as
//! indices), the weighted parts of the Chapter Completion Assessment, each
//! level's self-assessment questions, and the Practical Application
//! Portfolio. Read from `content/story/learning-path.yaml` by
//! `resolve::learning`; shown on the story index, each chapter, a page per
//! level (`learning/<level>/`) and the portfolio page (`learning/portfolio/`).

use super::raw::RawCriterion;
use super::EntityRef;

/// The learning path.
#[derive(Debug, Clone)]
pub struct LearningPath {
    /// Introduction on the story index (Markdown).
    pub summary: Option<String>,
    /// The levels, in reading order.
    pub levels: Vec<Level>,
    /// The assessment's title ("Chapter Completion Assessment").
    pub assessment_title: String,
    /// How to take it (Markdown).
    pub assessment_summary: Option<String>,
    /// The assessment's weighted parts; weights add up to 100.
    pub parts: Vec<AssessmentPart>,
    /// The portfolio page, if the file has one.
    pub portfolio: Option<Portfolio>,
    /// Source file.
    pub file: usize,
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
    pub chapters: Vec<usize>,
    /// Learning objectives: what the reader will be able to do.
    pub objectives: Vec<String>,
    /// Skills the level builds.
    pub skills: Vec<String>,
    /// Its self-assessment.
    pub questions: Vec<Question>,
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
    pub covers: Vec<String>,
}

/// A self-assessment question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Index into [`LearningPath::parts`].
    pub part: usize,
    /// The chapter it draws on.
    pub chapter: Option<usize>,
    /// The question (Markdown).
    pub question: String,
    /// The worked answer (Markdown).
    pub answer: String,
    /// The rubric's lines and points.
    pub rubric: Vec<RawCriterion>,
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
    pub fn level_of_chapter(&self, c: usize) -> Option<usize> {
        self.levels.iter().position(|l| l.chapters.contains(&c))
    }
}

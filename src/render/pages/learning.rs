//! The learning path's pages and parts: a level's self-assessment
//! (`learning/<level>/`), the portfolio page (`learning/portfolio/`), the
//! levels on the story index and "What you will be able to do" at the top of
//! a chapter. Contexts are typed; `theme/learning.js` scores an assessment
//! in the browser and copies a portfolio template, and without it the
//! assessment is a rubric to score on paper.

use super::*;
use crate::markdown::{slugify, Heading};
use crate::model::learning::{LearningPath, Level};
use serde::Serialize;

/// A level as the story index and a chapter show it.
#[derive(Serialize)]
pub(super) struct LevelCard {
    /// Slug.
    id: String,
    /// "Foundation Level".
    title: String,
    /// "Understanding and Planning".
    focus: Option<String>,
    /// The self-assessment page.
    url: String,
    /// "Sections 1–2", from its chapters' section numbers (empty without them).
    sections: String,
    /// Its chapters.
    chapters: Vec<LinkCtx>,
    /// What the reader will be able to do.
    objectives: Vec<String>,
    /// The skills it builds.
    skills: Vec<String>,
    /// How many questions its self-assessment has.
    questions: usize,
}

/// The learning path on the story index.
#[derive(Serialize)]
pub(super) struct StoryLearning {
    /// Introduction (HTML).
    summary: String,
    /// "Chapter Completion Assessment".
    assessment_title: String,
    /// The levels in order.
    levels: Vec<LevelCard>,
    /// The portfolio page, if there is one.
    portfolio: Option<LinkCtx>,
}

/// `assessment.html`'s own fields.
#[derive(Serialize)]
struct AssessmentPage {
    /// The level.
    level: LevelCard,
    /// "Chapter Completion Assessment".
    assessment_title: String,
    /// How to take it (HTML).
    assessment_summary: String,
    /// Its weighted parts with this level's questions.
    parts: Vec<PartCtx>,
}

/// `portfolio.html`'s own fields.
#[derive(Serialize)]
struct PortfolioPage {
    /// Introduction (HTML).
    summary: String,
    /// The portfolios.
    parts: Vec<PortfolioPartCtx>,
}

/// One weighted part of a level's assessment, with its questions.
#[derive(Serialize)]
struct PartCtx {
    /// Slug (anchor and the score table's key).
    id: String,
    /// "Framework Application".
    title: String,
    /// Share of the score in percent.
    weight: u32,
    /// What the part validates.
    covers: Vec<String>,
    /// Points of this level's questions in the part.
    points: u32,
    /// The questions.
    questions: Vec<QuestionCtx>,
}

/// A question as the assessment page shows it.
#[derive(Serialize)]
struct QuestionCtx {
    /// 1-based, across the page.
    number: usize,
    /// Anchor: `q<number>`.
    id: String,
    /// The question (HTML).
    question: String,
    /// The worked answer (HTML).
    answer: String,
    /// The chapter it draws on.
    chapter: Option<LinkCtx>,
    /// Points of a full answer.
    points: u32,
    /// The rubric's lines.
    rubric: Vec<CriterionCtx>,
}

/// One rubric line.
#[derive(Serialize)]
struct CriterionCtx {
    /// What the answer does (HTML, inline).
    text: String,
    /// Its points.
    points: u32,
}

/// A portfolio of the portfolio page.
#[derive(Serialize)]
struct PortfolioPartCtx {
    /// Slug (anchor).
    id: String,
    /// "Operations Strategy Portfolio".
    title: String,
    /// What it is for (HTML).
    summary: String,
    /// Its pieces.
    items: Vec<PortfolioItemCtx>,
}

/// A piece of a portfolio.
#[derive(Serialize)]
struct PortfolioItemCtx {
    /// Anchor: `<part>-<slug of the title>`.
    id: String,
    /// Title.
    title: String,
    /// What it draws on.
    uses: Vec<LinkCtx>,
    /// The template to copy (plain text; the template escapes it).
    template: String,
}

impl Builder<'_> {
    fn level_card(&self, lp: &LearningPath, li: usize) -> LevelCard {
        let pb = self.pb;
        let l = &lp.levels[li];
        LevelCard {
            id: l.id.clone(),
            title: l.title.clone(),
            focus: l.focus.clone(),
            url: page_kinds::url(pb, level_page(li)),
            sections: sections_label(pb, l),
            chapters: l
                .chapters
                .iter()
                .map(|&c| link(pb, er(Kind::Chapter, c)))
                .collect(),
            objectives: l.objectives.clone(),
            skills: l.skills.clone(),
            questions: l.questions.len(),
        }
    }

    /// The learning path as the story index shows it.
    pub(super) fn story_learning(&self) -> Option<StoryLearning> {
        let lp = self.pb.learning.as_ref()?;
        Some(StoryLearning {
            summary: self.md.opt(&lp.summary, lp.file),
            assessment_title: lp.assessment_title.clone(),
            levels: (0..lp.levels.len())
                .map(|li| self.level_card(lp, li))
                .collect(),
            portfolio: lp.portfolio.as_ref().map(|p| LinkCtx {
                url: page_kinds::url(self.pb, portfolio_page()),
                title: p.title.clone(),
            }),
        })
    }

    /// The level chapter `c` belongs to, for its "What you will be able to do".
    pub(super) fn chapter_level(&self, c: usize) -> Option<LevelCard> {
        let lp = self.pb.learning.as_ref()?;
        lp.level_of_chapter(c).map(|li| self.level_card(lp, li))
    }

    /// `learning/<level>/`: the level's self-assessment.
    pub(super) fn level_assessment(&self, li: usize) -> PageJob {
        let pb = self.pb;
        let page = level_page(li);
        let Some(lp) = pb.learning.as_ref() else {
            self.broken(format!("a level page ({li}) without a learning path"));
            return self.job(page, self.page_base(page, ""), ());
        };
        let l = &lp.levels[li];
        let mut base = self.page_base(page, page_kinds::title(pb, page));
        base.crumbs = vec![self.crumb("story/", "Story")];
        base.file = Some(lp.file);
        base.description = format!(
            "{}: {} questions on {} with worked answers and a rubric, scored as the {} weighs them.",
            page_kinds::title(pb, page),
            l.questions.len(),
            sections_label(pb, l).to_lowercase(),
            lp.assessment_title
        );
        let mut number = 0;
        let parts: Vec<PartCtx> = lp
            .parts
            .iter()
            .enumerate()
            .map(|(pi, p)| {
                let questions: Vec<QuestionCtx> = l
                    .questions
                    .iter()
                    .filter(|q| q.part == pi)
                    .map(|q| {
                        number += 1;
                        QuestionCtx {
                            number,
                            id: format!("q{number}"),
                            question: self.md.block(&q.question, lp.file),
                            answer: self.md.block(&q.answer, lp.file),
                            chapter: q.chapter.map(|c| link(pb, er(Kind::Chapter, c))),
                            points: q.points(),
                            rubric: q
                                .rubric
                                .iter()
                                .map(|c| CriterionCtx {
                                    text: self.md.inline(&c.text, lp.file),
                                    points: c.points,
                                })
                                .collect(),
                        }
                    })
                    .collect();
                PartCtx {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    weight: p.weight,
                    covers: p.covers.clone(),
                    points: questions.iter().map(|q| q.points).sum(),
                    questions,
                }
            })
            .collect();
        base.toc = parts
            .iter()
            .map(|p| heading(2, &format!("part-{}", p.id), &p.title))
            .chain(std::iter::once(heading(
                2,
                "worked-answers",
                "Worked answers",
            )))
            .collect();
        base.toc
            .insert(0, heading(2, "scoring", "How it is scored"));
        let own = AssessmentPage {
            level: self.level_card(lp, li),
            assessment_title: lp.assessment_title.clone(),
            assessment_summary: self.md.opt(&lp.assessment_summary, lp.file),
            parts,
        };
        self.job(page, base, own)
    }

    /// `learning/portfolio/`: the portfolios and their templates.
    pub(super) fn portfolio(&self) -> PageJob {
        let pb = self.pb;
        let page = portfolio_page();
        let Some((lp, p)) = pb
            .learning
            .as_ref()
            .and_then(|lp| lp.portfolio.as_ref().map(|p| (lp, p)))
        else {
            self.broken("a portfolio page without a portfolio".into());
            return self.job(page, self.page_base(page, ""), ());
        };
        let mut base = self.page_base(page, p.title.clone());
        base.crumbs = vec![self.crumb("story/", "Story")];
        base.file = Some(lp.file);
        base.description = p
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let parts: Vec<PortfolioPartCtx> = p
            .parts
            .iter()
            .map(|part| PortfolioPartCtx {
                id: part.id.clone(),
                title: part.title.clone(),
                summary: self.md.opt(&part.summary, lp.file),
                items: part
                    .items
                    .iter()
                    .enumerate()
                    .map(|(n, it)| PortfolioItemCtx {
                        id: format!("{}-{}", part.id, item_slug(&it.title, n)),
                        title: it.title.clone(),
                        uses: it.uses.iter().map(|&r| link(pb, r)).collect(),
                        template: it.template.clone(),
                    })
                    .collect(),
            })
            .collect();
        base.toc = parts
            .iter()
            .flat_map(|part| {
                std::iter::once(heading(2, &part.id, &part.title))
                    .chain(part.items.iter().map(|it| heading(3, &it.id, &it.title)))
            })
            .collect();
        let own = PortfolioPage {
            summary: self.md.opt(&p.summary, lp.file),
            parts,
        };
        self.job(page, base, own)
    }
}

fn level_page(idx: usize) -> Page {
    Page {
        kind: PageKind::LevelAssessment,
        idx,
    }
}

fn portfolio_page() -> Page {
    Page {
        kind: PageKind::Portfolio,
        idx: 0,
    }
}

fn heading(level: u8, id: &str, text: &str) -> Heading {
    Heading {
        level,
        id: id.into(),
        text: text.into(),
    }
}

/// A portfolio item's anchor: the slug of its title, or its position.
fn item_slug(title: &str, n: usize) -> String {
    let s = slugify(title);
    if s.is_empty() {
        format!("item-{}", n + 1)
    } else {
        s
    }
}

/// "Sections 1–2" / "Section 3" from a level's chapters' section numbers;
/// "Chapters …" by title when they have none.
fn sections_label(pb: &Playbook, l: &Level) -> String {
    let mut s: Vec<u32> = l
        .chapters
        .iter()
        .filter_map(|&c| pb.chapters[c].section)
        .collect();
    s.sort_unstable();
    s.dedup();
    match (s.first(), s.last()) {
        (Some(a), Some(b)) if a == b => format!("Section {a}"),
        (Some(a), Some(b)) if usize::try_from(b - a).ok() == Some(s.len() - 1) => {
            format!("Sections {a}–{b}")
        }
        (Some(_), Some(_)) => format!(
            "Sections {}",
            s.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
        ),
        _ => format!("{} chapters", l.chapters.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::item_slug;

    #[test]
    fn an_item_without_letters_is_anchored_by_its_place() {
        assert_eq!(item_slug("Plan the launch", 0), "plan-the-launch");
        assert_eq!(item_slug("—", 2), "item-3");
    }
}

//! The learning path's pages and parts: its own page (`learning/`: levels,
//! objectives, the assessments and the portfolio), a level's
//! self-assessment (`learning/<level>/`), the combined assessment
//! (`learning/assessment/`: every level's questions, one score weighted by
//! part), the portfolio page (`learning/portfolio/`), the levels on the
//! story index, "What you will be able to do" at the top of a chapter, and
//! the learning path in the printable edition. Contexts are typed;
//! `theme/learning.js` scores the assessments in the browser (one store of
//! answers and ticks, so a level's self-assessment and the combined one
//! show the same) and copies a portfolio template; without it an
//! assessment is a rubric to score on paper.

use super::*;
use playbook_content::markdown::{slugify, Heading};
use playbook_content::model::learning::{Cover, LearningPath, Level, Outcome, Question};
use serde::Serialize;

/// An objective or skill as the pages show it.
#[derive(Serialize)]
pub(super) struct OutcomeCtx {
    /// What the reader will be able to do.
    text: String,
    /// The chapters that teach it.
    chapters: Vec<LinkCtx>,
    /// The level a source list puts it under, when the path moved it here
    /// (its page).
    moved_from: Option<LinkCtx>,
    /// Why, or what else to know (HTML, inline).
    note: String,
}

/// An objective or skill another level moved away from this one.
#[derive(Serialize)]
pub(super) struct MovedAwayCtx {
    /// Its text.
    text: String,
    /// True for a skill, false for an objective.
    skill: bool,
    /// The level it is in now (its page).
    to: LinkCtx,
    /// The chapters that teach it there.
    chapters: Vec<LinkCtx>,
}

/// A level as the learning path's page, the story index and a chapter
/// show it.
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
    objectives: Vec<OutcomeCtx>,
    /// The skills it builds.
    skills: Vec<OutcomeCtx>,
    /// Objectives and skills a source list puts under this level that the
    /// path moved to the level whose chapters teach them.
    moved_away: Vec<MovedAwayCtx>,
    /// How many questions its self-assessment has.
    questions: usize,
}

/// The learning path on the story index.
#[derive(Serialize)]
pub(super) struct StoryLearning {
    /// Introduction (HTML).
    summary: String,
    /// The learning path's page.
    url: String,
    /// "Chapter Completion Assessment".
    assessment_title: String,
    /// The combined assessment's page.
    assessment_url: String,
    /// The levels in order.
    levels: Vec<LevelCard>,
    /// The portfolio page, if there is one.
    portfolio: Option<LinkCtx>,
}

/// `learning.html`'s own fields: the learning path's page.
#[derive(Serialize)]
struct LearningPage {
    /// Introduction (HTML).
    summary: String,
    /// The levels in order.
    levels: Vec<LevelCard>,
    /// The combined assessment: title, weighted parts, page.
    assessment: AssessmentCard,
    /// The portfolio, if there is one.
    portfolio: Option<PortfolioCard>,
}

/// The combined assessment as the learning path's page shows it.
#[derive(Serialize)]
struct AssessmentCard {
    /// "Chapter Completion Assessment".
    title: String,
    /// Its page.
    url: String,
    /// What it is (HTML).
    summary: String,
    /// Its parts with their weights and questions, all levels together.
    parts: Vec<PartSummary>,
    /// How many questions it has.
    questions: usize,
}

/// A weighted part, counted over every level.
#[derive(Serialize)]
struct PartSummary {
    /// Slug.
    id: String,
    /// "Framework Application".
    title: String,
    /// Share of the score in percent.
    weight: u32,
    /// Its questions across the levels.
    questions: usize,
    /// Their points.
    points: u32,
}

/// The portfolio as the learning path's page shows it.
#[derive(Serialize)]
struct PortfolioCard {
    /// Its page.
    url: String,
    /// "Practical Application Portfolio".
    title: String,
    /// Its portfolios' titles and anchors on the portfolio page.
    parts: Vec<LinkCtx>,
}

/// `assessment.html`'s own fields: a level's self-assessment.
#[derive(Serialize)]
struct AssessmentPage {
    /// The level.
    level: LevelCard,
    /// "Chapter Completion Assessment".
    assessment_title: String,
    /// How to take it (HTML).
    assessment_summary: String,
    /// The combined assessment's page, which holds this level's questions too.
    combined_url: String,
    /// Its weighted parts with this level's questions.
    parts: Vec<PartCtx>,
}

/// `combined_assessment.html`'s own fields: every level's questions as
/// one assessment.
#[derive(Serialize)]
struct CombinedPage {
    /// What it is and how it relates to the self-assessments (HTML).
    summary: String,
    /// How to take it and how a part is scored (HTML).
    assessment_summary: String,
    /// The levels (columns of the score table), with their pages.
    levels: Vec<LinkCtx>,
    /// The level ids, in the order of `levels`.
    level_ids: Vec<String>,
    /// The weighted parts, each with its questions by level.
    parts: Vec<CombinedPartCtx>,
    /// What a total means, highest first.
    bands: Vec<BandCtx>,
    /// How many questions in all.
    questions: usize,
}

/// One weighted part of a level's self-assessment, with its questions.
#[derive(Serialize)]
struct PartCtx {
    /// Slug (anchor and the score table's key).
    id: String,
    /// "Framework Application".
    title: String,
    /// Share of the score in percent.
    weight: u32,
    /// What this level's questions in the part validate (the part's lines
    /// that they cover, in the part's order).
    covers: Vec<String>,
    /// Points of this level's questions in the part.
    points: u32,
    /// The questions.
    questions: Vec<QuestionCtx>,
}

/// One weighted part of the combined assessment.
#[derive(Serialize)]
pub(super) struct CombinedPartCtx {
    /// Slug (anchor and the score table's key).
    id: String,
    /// "Framework Application".
    title: String,
    /// Share of the score in percent.
    weight: u32,
    /// Everything the part validates (each line covered by some question).
    covers: Vec<String>,
    /// Points of all its questions.
    points: u32,
    /// Its questions, level by level.
    levels: Vec<PartLevelCtx>,
}

/// A part's questions from one level (a cell of the combined score table).
#[derive(Serialize)]
struct PartLevelCtx {
    /// The level's slug.
    id: String,
    /// "Foundation Level".
    title: String,
    /// Points of these questions.
    points: u32,
    /// The questions.
    questions: Vec<QuestionCtx>,
}

/// A band of the combined score.
#[derive(Serialize)]
pub(super) struct BandCtx {
    /// The lowest total in the band.
    from: u32,
    /// The highest (100 for the first band).
    to: u32,
    /// Its name.
    title: String,
    /// What to do next (HTML, inline).
    text: String,
}

/// A question as the assessment pages show it.
#[derive(Serialize)]
struct QuestionCtx {
    /// 1-based, across its level's self-assessment.
    number: usize,
    /// Anchor and the key its answer and ticks are kept under:
    /// `<level>-q<number>`, the same on both assessment pages.
    id: String,
    /// The level's slug.
    level: String,
    /// "Foundation Level".
    level_title: String,
    /// The level's self-assessment page (where the worked answer is).
    level_url: String,
    /// The part's slug.
    part: String,
    /// The question (HTML).
    question: String,
    /// The worked answer (HTML).
    answer: String,
    /// The chapter it draws on.
    chapter: Option<LinkCtx>,
    /// What kind of question it is ("Recall", "Your operation",
    /// "Regulation and markets"); empty: it tests understanding.
    about: Vec<&'static str>,
    /// What of its part it tests.
    covers: Vec<String>,
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

/// `portfolio.html`'s own fields.
#[derive(Serialize)]
struct PortfolioPage {
    /// Introduction (HTML).
    summary: String,
    /// The portfolios.
    parts: Vec<PortfolioPartCtx>,
}

/// A portfolio of the portfolio page.
#[derive(Serialize)]
pub(super) struct PortfolioPartCtx {
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

/// The learning path in the printable edition (`print.html`'s `learning`).
#[derive(Serialize)]
pub(super) struct PrintLearning {
    /// Introduction (HTML).
    summary: String,
    /// The levels, with their objectives and skills.
    levels: Vec<LevelCard>,
    /// "Chapter Completion Assessment".
    assessment_title: String,
    /// What the combined assessment is (HTML).
    combined_summary: String,
    /// How to take it and how a part is scored (HTML).
    assessment_summary: String,
    /// The weighted parts with every level's questions, rubrics and
    /// worked answers.
    parts: Vec<CombinedPartCtx>,
    /// What a total means.
    bands: Vec<BandCtx>,
    /// "Practical Application Portfolio", if there is one.
    portfolio_title: Option<String>,
    /// The portfolio's introduction (HTML).
    portfolio_summary: String,
    /// Its portfolios and templates.
    portfolio: Vec<PortfolioPartCtx>,
}

impl Builder<'_> {
    fn outcome(&self, lp: &LearningPath, o: &Outcome) -> OutcomeCtx {
        let pb = self.pb;
        OutcomeCtx {
            text: o.text.clone(),
            chapters: o
                .chapters
                .iter()
                .map(|&c| link(pb, EntityRef::from(c)))
                .collect(),
            moved_from: o.moved_from.map(|l| level_link(pb, lp, l)),
            note: self.md.opt_inline(&o.note, lp.file),
        }
    }

    fn level_card(&self, lp: &LearningPath, li: Idx<Level>) -> LevelCard {
        let pb = self.pb;
        let l = &lp.levels[li];
        LevelCard {
            id: l.id.clone(),
            title: l.title.clone(),
            focus: l.focus.clone(),
            url: page_kinds::url(pb, level_page(li)),
            sections: sections_label(pb, self.words(), l),
            chapters: l
                .chapters
                .iter()
                .map(|&c| link(pb, EntityRef::from(c)))
                .collect(),
            objectives: l.objectives.iter().map(|o| self.outcome(lp, o)).collect(),
            skills: l.skills.iter().map(|o| self.outcome(lp, o)).collect(),
            moved_away: lp
                .moved_away(li)
                .into_iter()
                .map(|(to, o, skill)| MovedAwayCtx {
                    text: o.text.clone(),
                    skill,
                    to: level_link(pb, lp, to),
                    chapters: o
                        .chapters
                        .iter()
                        .map(|&c| link(pb, EntityRef::from(c)))
                        .collect(),
                })
                .collect(),
            questions: l.questions.len(),
        }
    }

    /// The learning path as the story index shows it.
    pub(super) fn story_learning(&self) -> Option<StoryLearning> {
        let lp = self.pb.learning.as_ref()?;
        Some(StoryLearning {
            summary: self.md.opt(&lp.summary, lp.file),
            url: page_kinds::url(self.pb, single(PageKind::LearningIndex)),
            assessment_title: lp.assessment_title.clone(),
            assessment_url: page_kinds::url(self.pb, single(PageKind::CombinedAssessment)),
            levels: lp
                .levels
                .indices()
                .map(|li| self.level_card(lp, li))
                .collect(),
            portfolio: lp.portfolio.as_ref().map(|p| LinkCtx {
                url: page_kinds::url(self.pb, single(PageKind::Portfolio)),
                title: p.title.clone(),
            }),
        })
    }

    /// The level chapter `c` belongs to, for its "What you will be able to do".
    pub(super) fn chapter_level(&self, c: Idx<Chapter>) -> Option<LevelCard> {
        let lp = self.pb.learning.as_ref()?;
        lp.level_of_chapter(c).map(|li| self.level_card(lp, li))
    }

    /// A page of the learning path without one is a broken invariant.
    fn no_learning(&self, page: Page) -> PageJob {
        self.broken(format!(
            "a learning page ({page:?}) without a learning path"
        ));
        self.job(page, self.page_base(page), ())
    }

    /// The shared parts of a learning page's base: the page table's, and
    /// the source file.
    fn learning_base(&self, lp: &LearningPath, page: Page) -> PageBase {
        let mut base = self.page_base(page);
        base.file = Some(lp.file);
        base
    }

    fn question(
        &self,
        lp: &LearningPath,
        li: Idx<Level>,
        number: usize,
        q: &Question,
    ) -> QuestionCtx {
        let pb = self.pb;
        let l = &lp.levels[li];
        let part = &lp.parts[q.part];
        QuestionCtx {
            number,
            id: format!("{}-q{number}", l.id),
            level: l.id.clone(),
            level_title: l.title.clone(),
            level_url: page_kinds::url(pb, level_page(li)),
            part: part.id.clone(),
            question: self.md.block(&q.question, lp.file),
            answer: self.md.block(&q.answer, lp.file),
            chapter: q.chapter.map(|c| link(pb, EntityRef::from(c))),
            about: q.about.iter().map(|a| a.label()).collect(),
            covers: q
                .covers
                .iter()
                .map(|&c| part.covers[c].text.clone())
                .collect(),
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
    }

    /// A level's questions in page order (grouped by part, as the
    /// assessment lists its parts), each with its number on the page.
    fn numbered(lp: &LearningPath, li: Idx<Level>) -> Vec<(usize, &Question)> {
        let l = &lp.levels[li];
        let mut out = Vec::with_capacity(l.questions.len());
        for pi in lp.parts.indices() {
            out.extend(l.questions.iter().filter(|q| q.part == pi));
        }
        out.into_iter()
            .enumerate()
            .map(|(i, q)| (i + 1, q))
            .collect()
    }

    /// `learning/`: the learning path's page.
    pub(super) fn learning_index(&self) -> PageJob {
        let pb = self.pb;
        let page = single(PageKind::LearningIndex);
        let Some(lp) = pb.learning.as_ref() else {
            return self.no_learning(page);
        };
        let mut base = self.learning_base(lp, page);
        base.description = format!(
            "The story's learning path: {} levels with their objectives and self-assessments, the {} and the portfolio.",
            lp.levels.len(),
            lp.assessment_title
        );
        let levels: Vec<LevelCard> = lp
            .levels
            .indices()
            .map(|li| self.level_card(lp, li))
            .collect();
        base.toc = levels
            .iter()
            .map(|l| heading(2, &format!("level-{}", l.id), &l.title))
            .chain(std::iter::once(heading(
                2,
                "assessment",
                &lp.assessment_title,
            )))
            .chain(
                lp.portfolio
                    .as_ref()
                    .map(|p| heading(2, "portfolio", &p.title)),
            )
            .collect();
        let own = LearningPage {
            summary: self.md.opt(&lp.summary, lp.file),
            levels,
            assessment: AssessmentCard {
                title: lp.assessment_title.clone(),
                url: page_kinds::url(pb, single(PageKind::CombinedAssessment)),
                summary: self.md.opt(&lp.combined_summary, lp.file),
                parts: lp
                    .parts
                    .iter_enumerated()
                    .map(|(pi, p)| {
                        let qs = || {
                            lp.levels
                                .iter()
                                .flat_map(|l| &l.questions)
                                .filter(move |q| q.part == pi)
                        };
                        PartSummary {
                            id: p.id.clone(),
                            title: p.title.clone(),
                            weight: p.weight,
                            questions: qs().count(),
                            points: qs().map(Question::points).sum(),
                        }
                    })
                    .collect(),
                questions: lp.levels.iter().map(|l| l.questions.len()).sum(),
            },
            portfolio: lp.portfolio.as_ref().map(|p| PortfolioCard {
                url: page_kinds::url(pb, single(PageKind::Portfolio)),
                title: p.title.clone(),
                parts: p
                    .parts
                    .iter()
                    .map(|part| LinkCtx {
                        url: format!(
                            "{}#{}",
                            page_kinds::url(pb, single(PageKind::Portfolio)),
                            part.id
                        ),
                        title: part.title.clone(),
                    })
                    .collect(),
            }),
        };
        self.job(page, base, own)
    }

    /// `learning/<level>/`: the level's self-assessment.
    pub(super) fn level_assessment(&self, li: Idx<Level>) -> PageJob {
        let pb = self.pb;
        let page = level_page(li);
        let Some(lp) = pb.learning.as_ref() else {
            return self.no_learning(page);
        };
        let l = &lp.levels[li];
        let mut base = self.learning_base(lp, page);
        base.description = format!(
            "{}: {} questions on {} with worked answers and a rubric, scored as the {} weighs them.",
            page_kinds::title(pb, page),
            l.questions.len(),
            // The description is English still, like every page's.
            sections_label(pb, playbook_content::language::strings::english(), l).to_lowercase(),
            lp.assessment_title
        );
        let numbered = Self::numbered(lp, li);
        let parts: Vec<PartCtx> = lp
            .parts
            .iter_enumerated()
            .map(|(pi, p)| {
                let questions: Vec<QuestionCtx> = numbered
                    .iter()
                    .filter(|(_, q)| q.part == pi)
                    .map(|&(n, q)| self.question(lp, li, n, q))
                    .collect();
                let tested: Vec<Idx<Cover>> = p
                    .covers
                    .indices()
                    .filter(|c| {
                        l.questions
                            .iter()
                            .any(|q| q.part == pi && q.covers.contains(c))
                    })
                    .collect();
                PartCtx {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    weight: p.weight,
                    covers: tested.iter().map(|&c| p.covers[c].text.clone()).collect(),
                    points: questions.iter().map(|q| q.points).sum(),
                    questions,
                }
            })
            .collect();
        base.toc = std::iter::once(heading(2, "scoring", &self.word("how-scored")))
            .chain(
                parts
                    .iter()
                    .map(|p| heading(2, &format!("part-{}", p.id), &p.title)),
            )
            .chain(std::iter::once(heading(
                2,
                "worked-answers",
                &self.word("worked-answers"),
            )))
            .collect();
        let own = AssessmentPage {
            level: self.level_card(lp, li),
            assessment_title: lp.assessment_title.clone(),
            assessment_summary: self.md.opt(&lp.assessment_summary, lp.file),
            combined_url: page_kinds::url(pb, single(PageKind::CombinedAssessment)),
            parts,
        };
        self.job(page, base, own)
    }

    /// Every weighted part with each level's questions in it (the combined
    /// assessment, on its page and in the printable edition).
    fn combined_parts(&self, lp: &LearningPath) -> Vec<CombinedPartCtx> {
        let numbered: IdxVec<Level, Vec<(usize, &Question)>> = lp
            .levels
            .indices()
            .map(|li| Self::numbered(lp, li))
            .collect();
        lp.parts
            .iter_enumerated()
            .map(|(pi, p)| {
                let levels: Vec<PartLevelCtx> = lp
                    .levels
                    .iter_enumerated()
                    .map(|(li, l)| {
                        let questions: Vec<QuestionCtx> = numbered[li]
                            .iter()
                            .filter(|(_, q)| q.part == pi)
                            .map(|&(n, q)| self.question(lp, li, n, q))
                            .collect();
                        PartLevelCtx {
                            id: l.id.clone(),
                            title: l.title.clone(),
                            points: questions.iter().map(|q| q.points).sum(),
                            questions,
                        }
                    })
                    .collect();
                CombinedPartCtx {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    weight: p.weight,
                    covers: p.covers.iter().map(|c| c.text.clone()).collect(),
                    points: levels.iter().map(|l| l.points).sum(),
                    levels,
                }
            })
            .collect()
    }

    fn bands(&self, lp: &LearningPath) -> Vec<BandCtx> {
        let mut to = 100;
        lp.bands
            .iter()
            .map(|b| {
                let band = BandCtx {
                    from: b.from,
                    to,
                    title: b.title.clone(),
                    text: self.md.opt_inline(&b.text, lp.file),
                };
                to = b.from.saturating_sub(1);
                band
            })
            .collect()
    }

    /// `learning/assessment/`: every level's questions as one assessment.
    pub(super) fn combined_assessment(&self) -> PageJob {
        let pb = self.pb;
        let page = single(PageKind::CombinedAssessment);
        let Some(lp) = pb.learning.as_ref() else {
            return self.no_learning(page);
        };
        let mut base = self.learning_base(lp, page);
        let questions: usize = lp.levels.iter().map(|l| l.questions.len()).sum();
        base.description = format!(
            "{}: the {} questions of the {} levels' self-assessments as one assessment, weighted {}.",
            lp.assessment_title,
            questions,
            lp.levels.len(),
            lp.parts
                .iter()
                .map(|p| p.weight.to_string())
                .collect::<Vec<_>>()
                .join(" / ")
        );
        let parts = self.combined_parts(lp);
        base.toc = std::iter::once(heading(2, "scoring", &self.word("how-scored")))
            .chain(
                parts
                    .iter()
                    .map(|p| heading(2, &format!("part-{}", p.id), &p.title)),
            )
            .chain(std::iter::once(heading(
                2,
                "worked-answers",
                &self.word("worked-answers"),
            )))
            .collect();
        let own = CombinedPage {
            summary: self.md.opt(&lp.combined_summary, lp.file),
            assessment_summary: self.md.opt(&lp.assessment_summary, lp.file),
            levels: lp
                .levels
                .indices()
                .map(|li| level_link(pb, lp, li))
                .collect(),
            level_ids: lp.levels.iter().map(|l| l.id.clone()).collect(),
            parts,
            bands: self.bands(lp),
            questions,
        };
        self.job(page, base, own)
    }

    fn portfolio_parts(&self, lp: &LearningPath) -> Vec<PortfolioPartCtx> {
        let pb = self.pb;
        let Some(p) = &lp.portfolio else {
            return Vec::new();
        };
        p.parts
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
            .collect()
    }

    /// `learning/portfolio/`: the portfolios and their templates.
    pub(super) fn portfolio(&self) -> PageJob {
        let pb = self.pb;
        let page = single(PageKind::Portfolio);
        let Some((lp, p)) = pb
            .learning
            .as_ref()
            .and_then(|lp| lp.portfolio.as_ref().map(|p| (lp, p)))
        else {
            return self.no_learning(page);
        };
        let mut base = self.learning_base(lp, page);
        base.description = p
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let parts = self.portfolio_parts(lp);
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

    /// The learning path in the printable edition: the levels with their
    /// objectives, the combined assessment (every question with its rubric
    /// and worked answer) and the portfolio's templates.
    pub(super) fn print_learning(&self) -> Option<PrintLearning> {
        let lp = self.pb.learning.as_ref()?;
        Some(PrintLearning {
            summary: self.md.opt(&lp.summary, lp.file),
            levels: lp
                .levels
                .indices()
                .map(|li| self.level_card(lp, li))
                .collect(),
            assessment_title: lp.assessment_title.clone(),
            combined_summary: self.md.opt(&lp.combined_summary, lp.file),
            assessment_summary: self.md.opt(&lp.assessment_summary, lp.file),
            parts: self.combined_parts(lp),
            bands: self.bands(lp),
            portfolio_title: lp.portfolio.as_ref().map(|p| p.title.clone()),
            portfolio_summary: lp
                .portfolio
                .as_ref()
                .map(|p| self.md.opt(&p.summary, lp.file))
                .unwrap_or_default(),
            portfolio: self.portfolio_parts(lp),
        })
    }
}

fn level_page(idx: Idx<Level>) -> Page {
    Page {
        kind: PageKind::LevelAssessment,
        idx: idx.index(),
    }
}

/// The page of a kind with one page.
fn single(kind: PageKind) -> Page {
    Page { kind, idx: 0 }
}

/// A level's self-assessment page, by the level's title.
fn level_link(pb: &Playbook, lp: &LearningPath, li: Idx<Level>) -> LinkCtx {
    LinkCtx {
        url: page_kinds::url(pb, level_page(li)),
        title: lp.levels[li].title.clone(),
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

/// "Sections 1–2" / "Section 3" from a level's chapters' section numbers,
/// in `words`' language; "3 chapters" when they have none.
fn sections_label(
    pb: &Playbook,
    words: &playbook_content::language::strings::UiStrings,
    l: &Level,
) -> String {
    let mut s: Vec<u32> = l
        .chapters
        .iter()
        .filter_map(|&c| pb.chapters[c].section)
        .collect();
    s.sort_unstable();
    s.dedup();
    match (s.first(), s.last()) {
        (Some(&a), Some(&b)) if a == b => words.get("section-number", &[("number", a.into())]),
        (Some(&a), Some(&b)) if usize::try_from(b - a).ok() == Some(s.len() - 1) => {
            words.get("sections-range", &[("first", a.into()), ("last", b.into())])
        }
        (Some(_), Some(_)) => words.get(
            "sections-list",
            &[(
                "list",
                s.iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
                    .into(),
            )],
        ),
        _ => words.get("level-chapters", &[("count", l.chapters.len().into())]),
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

//! The story's learning path (`content/story/learning-path.yaml`): level
//! ids are slugs, unique, and not `assessment` or `portfolio` (which name
//! the pages beside them); every level's chapters exist and belong to one
//! level only; an objective's or skill's chapters are its level's, and the
//! level it moved from is another one; the assessment's part weights add
//! up to 100 and every level has a question for each weighted part; a
//! question's part exists, its chapter is one of its level's and the lines
//! it covers are its part's; every line a weighted part says it validates
//! is covered by some question; the combined score's bands run down to 0;
//! rubric lines are worth at least a point; a portfolio item's `uses` are
//! `kind:id` references; `[[kind:id]]` in its Markdown texts resolve.
//! Unknown ids get the nearest one as help.

use super::ids::is_slug;
use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::load::RawContent;
use crate::model::learning::*;
use crate::model::raw::{RawLearningPath, RawLevel, RawOutcome};
use crate::model::{Chapter, Idx, IdxVec, Kind, SourceFile};
use std::collections::HashMap;

/// Level ids that would put a level's page where another learning page is.
const RESERVED_LEVEL_IDS: [&str; 2] = ["assessment", "portfolio"];

impl Resolver {
    /// Resolve the learning path, if the playbook has one (after every id
    /// is registered).
    pub(super) fn learning_path(&mut self, raw: &RawContent) {
        let Some((lp, file)) = raw.files::<RawLearningPath>().next() else {
            return;
        };
        let parts = self.assessment_parts(lp, file);
        let mut levels = IdxVec::new();
        let mut level_ids: HashMap<&str, usize> = HashMap::new();
        let mut chapter_level: HashMap<Idx<Chapter>, usize> = HashMap::new();
        if lp.levels.is_empty() {
            let d = Diagnostic::error("the learning path has no levels")
                .help("list its levels under `levels:`, each with an id, title, chapters, objectives and questions");
            let d = self.at_key(d, file, "levels");
            self.diags.push(d);
        }
        for (li, l) in lp.levels.iter().enumerate() {
            let at = format!("levels[{li}]");
            self.level_id(l, li, file, &mut level_ids);
            let mut chapters = Vec::new();
            for (j, c) in l.chapters.iter().enumerate() {
                let path = format!("{at}.chapters[{j}]");
                let Some(r) = self.pb.find::<Chapter>(c) else {
                    let d = self.unknown_id(Kind::Chapter, c);
                    let d = self.at_value(d, file, &path, c.chars().count());
                    self.diags.push(d);
                    continue;
                };
                if let Some(&other) = chapter_level.get(&r) {
                    let d = Diagnostic::error(format!(
                        "chapter `{c}` is in two levels, `{}` and `{}`",
                        lp.levels[other].id, l.id
                    ))
                    .help("a chapter belongs to one level of the path; remove it from one of them");
                    let d = self.at_value(d, file, &path, c.chars().count());
                    self.diags.push(d);
                    continue;
                }
                chapter_level.insert(r, li);
                chapters.push(r);
            }
            for (key, empty, what) in [
                ("chapters", l.chapters.is_empty(), "at least one chapter"),
                (
                    "objectives",
                    l.objectives.is_empty(),
                    "at least one learning objective",
                ),
            ] {
                if empty {
                    let d = Diagnostic::error(format!("level `{}` has no {key}", l.id))
                        .help(format!("a level lists {what}"));
                    let d = self.at_key(d, file, &format!("{at}.{key}"));
                    self.diags.push(d);
                }
            }
            let questions = self.questions(l, &at, file, &parts, &chapters, &lp.assessment.parts);
            let objectives = self.outcomes(lp, li, "objectives", &l.objectives, file, &chapters);
            let skills = self.outcomes(lp, li, "skills", &l.skills, file, &chapters);
            levels.push(Level {
                id: l.id.clone(),
                title: l.title.clone(),
                focus: l.focus.clone(),
                chapters,
                objectives,
                skills,
                questions,
            });
        }
        self.uncovered(lp, &parts, &levels, file);
        let bands = self.bands(lp, file);
        let portfolio = lp.portfolio.as_ref().map(|p| {
            let mut ids: HashMap<&str, usize> = HashMap::new();
            let parts = p
                .parts
                .iter()
                .enumerate()
                .map(|(i, part)| {
                    let at = format!("portfolio.parts[{i}]");
                    self.unique_slug(&part.id, "portfolio part", i, file, &at, &mut ids);
                    let items = part
                        .items
                        .iter()
                        .enumerate()
                        .map(|(j, item)| {
                            let at = format!("{at}.items[{j}]");
                            if item.template.trim().is_empty() {
                                let d = Diagnostic::error(format!(
                                    "the portfolio item `{}` has an empty template",
                                    item.title
                                ))
                                .help("write the outline a reader copies and fills in");
                                let d = self.at_key(d, file, &format!("{at}.template"));
                                self.diags.push(d);
                            }
                            let mut uses = Vec::new();
                            for (k, u) in item.uses.iter().enumerate() {
                                let path = format!("{at}.uses[{k}]");
                                if let Some(r) = self.resolve_ref_str(u, (file, &path), &Kind::ALL)
                                {
                                    uses.push(self.pb.page_of(r));
                                }
                            }
                            PortfolioItem {
                                title: item.title.clone(),
                                uses,
                                template: item.template.clone(),
                            }
                        })
                        .collect();
                    PortfolioPart {
                        id: part.id.clone(),
                        title: part.title.clone(),
                        summary: part.summary.clone(),
                        items,
                    }
                })
                .collect();
            Portfolio {
                title: p.title.clone(),
                summary: p.summary.clone(),
                parts,
            }
        });
        let texts = markdown_texts(lp);
        let texts: Vec<(String, &str)> = texts.iter().map(|(p, t)| (p.clone(), *t)).collect();
        self.check_unlinked_markdown(file, &texts);
        self.pb.learning = Some(LearningPath {
            summary: lp.summary.clone(),
            levels,
            assessment_title: lp.assessment.title.clone(),
            assessment_summary: lp.assessment.summary.clone(),
            parts,
            combined_summary: lp
                .assessment
                .combined
                .as_ref()
                .and_then(|c| c.summary.clone()),
            bands,
            portfolio,
            file,
        });
    }

    /// The assessment's parts: slugs, unique, weights above 0 that add up
    /// to 100.
    fn assessment_parts(
        &mut self,
        lp: &RawLearningPath,
        file: Idx<SourceFile>,
    ) -> IdxVec<AssessmentPart> {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut parts = IdxVec::new();
        for (i, p) in lp.assessment.parts.iter().enumerate() {
            let at = format!("assessment.parts[{i}]");
            self.unique_slug(&p.id, "assessment part", i, file, &at, &mut ids);
            if p.weight == 0 {
                let d = Diagnostic::error(format!("the part `{}` weighs 0%", p.id))
                    .help("a part's weight is its share of the score in percent; remove the part or give it a weight");
                let d = self.at_value(d, file, &format!("{at}.weight"), 1);
                self.diags.push(d);
            }
            let mut cover_ids: HashMap<&str, usize> = HashMap::new();
            for (j, c) in p.covers.iter().enumerate() {
                let at = format!("{at}.covers[{j}]");
                self.unique_slug(&c.id, "covered line", j, file, &at, &mut cover_ids);
            }
            parts.push(AssessmentPart {
                id: p.id.clone(),
                title: p.title.clone(),
                weight: p.weight,
                covers: p
                    .covers
                    .iter()
                    .map(|c| Cover {
                        id: c.id.clone(),
                        text: c.text.clone(),
                    })
                    .collect(),
            });
        }
        let total: u32 = parts.iter().map(|p| p.weight).sum();
        if parts.is_empty() {
            let d = Diagnostic::error("the assessment has no parts").help(
                "list its weighted parts, e.g. `{id: knowledge, title: Knowledge, weight: 25}`",
            );
            let d = self.at_key(d, file, "assessment.parts");
            self.diags.push(d);
        } else if total != 100 {
            let listed: Vec<String> = parts
                .iter()
                .map(|p| format!("{} {}%", p.id, p.weight))
                .collect();
            let d = Diagnostic::error(format!(
                "the assessment's part weights add up to {total}%, not 100%"
            ))
            .help(format!(
                "weights are each part's share of the score ({}); make them add up to 100",
                listed.join(", ")
            ));
            let d = self.at_key(d, file, "assessment.parts");
            self.diags.push(d);
        }
        parts
    }

    /// A level's objectives or skills (`key`): their chapters are the
    /// level's, and the level they moved from is another one.
    fn outcomes(
        &mut self,
        lp: &RawLearningPath,
        li: usize,
        key: &str,
        list: &[RawOutcome],
        file: Idx<SourceFile>,
        level_chapters: &[Idx<Chapter>],
    ) -> Vec<Outcome> {
        let l = &lp.levels[li];
        let mut out = Vec::new();
        for (i, o) in list.iter().enumerate() {
            let at = format!("levels[{li}].{key}[{i}]");
            let f = o.fields();
            let mut chapters = Vec::new();
            for (j, c) in f.chapters.iter().enumerate() {
                let path = format!("{at}.chapters[{j}]");
                match self.pb.find::<Chapter>(c) {
                    None => {
                        let d = self.unknown_id(Kind::Chapter, c);
                        let d = self.at_value(d, file, &path, c.chars().count());
                        self.diags.push(d);
                    }
                    Some(r) if !level_chapters.contains(&r) && !level_chapters.is_empty() => {
                        let covered: Vec<&str> = level_chapters
                            .iter()
                            .map(|&i| self.pb.chapters[i].id.as_str())
                            .collect();
                        let d = Diagnostic::error(format!(
                            "`{c}` is not a chapter of level `{}`, so it cannot teach this",
                            l.id
                        ))
                        .help(format!(
                            "the level covers {}; an objective taught in `{c}` belongs to the level that covers it",
                            covered.join(", ")
                        ));
                        let d = self.at_value(d, file, &path, c.chars().count());
                        self.diags.push(d);
                    }
                    Some(r) => chapters.push(r),
                }
            }
            let mut moved_from = None;
            if let Some(m) = &f.moved_from {
                let path = format!("{at}.moved_from");
                match lp.levels.iter().position(|x| &x.id == m) {
                    Some(from) if from == li => {
                        let d = Diagnostic::error(format!(
                            "`moved_from: {m}` names the level this is in"
                        ))
                        .help("`moved_from` is the level a source list puts it under when the path moved it; leave it out if it was not moved");
                        let d = self.at_value(d, file, &path, m.chars().count());
                        self.diags.push(d);
                    }
                    Some(from) => moved_from = Some(Idx::new(from)),
                    None => {
                        let ids = lp.levels.iter().map(|x| x.id.as_str());
                        let help = match suggest(m, ids.clone()) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => {
                                format!("the levels are: {}", ids.collect::<Vec<_>>().join(", "))
                            }
                        };
                        let d = Diagnostic::error(format!("no level with id `{m}`")).help(help);
                        let d = self.at_value(d, file, &path, m.chars().count());
                        self.diags.push(d);
                    }
                }
            }
            out.push(Outcome {
                text: f.text.clone(),
                chapters,
                moved_from,
                note: f.note.clone(),
            });
        }
        out
    }

    /// Every line a weighted part says it validates is covered by a
    /// question of some level.
    fn uncovered(
        &mut self,
        lp: &RawLearningPath,
        parts: &IdxVec<AssessmentPart>,
        levels: &IdxVec<Level>,
        file: Idx<SourceFile>,
    ) {
        for (pi, p) in parts.iter_enumerated() {
            if p.weight == 0 {
                continue;
            }
            for (ci, c) in p.covers.iter_enumerated() {
                let asked = levels
                    .iter()
                    .flat_map(|l| &l.questions)
                    .any(|q| q.part == pi && q.covers.contains(&ci));
                let (pi, ci) = (pi.index(), ci.index());
                if !asked && lp.assessment.parts.get(pi).is_some() {
                    let d = Diagnostic::error(format!(
                        "the part `{}` says it validates `{}`, but no question covers it",
                        p.id, c.id
                    ))
                    .help(format!(
                        "add `covers: [{}]` to a question of the part that tests it, or remove the line",
                        c.id
                    ));
                    let d =
                        self.at_key(d, file, &format!("assessment.parts[{pi}].covers[{ci}].id"));
                    self.diags.push(d);
                }
            }
        }
    }

    /// The combined score's bands: from the highest `from` down, each at
    /// most 100, the last from 0.
    fn bands(&mut self, lp: &RawLearningPath, file: Idx<SourceFile>) -> Vec<Band> {
        let Some(c) = &lp.assessment.combined else {
            return Vec::new();
        };
        let mut prev: Option<u32> = None;
        for (i, b) in c.bands.iter().enumerate() {
            let path = format!("assessment.combined.bands[{i}].from");
            let len = b.from.to_string().len();
            if b.from > 100 {
                let d = Diagnostic::error(format!("a band from {} is above 100", b.from))
                    .help("a band's `from` is the lowest total in it, 0–100");
                let d = self.at_value(d, file, &path, len);
                self.diags.push(d);
            } else if let Some(p) = prev.filter(|&p| b.from >= p) {
                let d = Diagnostic::error(format!(
                    "the band from {} comes after the band from {p}",
                    b.from
                ))
                .help("list the bands from the highest `from` down");
                let d = self.at_value(d, file, &path, len);
                self.diags.push(d);
            }
            prev = Some(b.from);
        }
        if let Some(last) = c.bands.last().filter(|b| b.from != 0) {
            let d = Diagnostic::error(format!(
                "the lowest band starts at {}, so a lower total has no band",
                last.from
            ))
            .help("give the last band `from: 0`");
            let d = self.at_key(d, file, "assessment.combined.bands");
            self.diags.push(d);
        }
        c.bands
            .iter()
            .map(|b| Band {
                from: b.from,
                title: b.title.clone(),
                text: b.text.clone(),
            })
            .collect()
    }

    /// A level's id: a unique slug, and not another learning page's.
    fn level_id<'a>(
        &mut self,
        l: &'a RawLevel,
        li: usize,
        file: Idx<SourceFile>,
        ids: &mut HashMap<&'a str, usize>,
    ) {
        let at = format!("levels[{li}]");
        self.unique_slug(&l.id, "level", li, file, &at, ids);
        if let Some(id) = RESERVED_LEVEL_IDS.iter().find(|&&r| l.id == r) {
            let page = if *id == "portfolio" {
                "the portfolio page"
            } else {
                "the combined assessment"
            };
            let d = Diagnostic::error(format!("a level cannot have the id `{id}`")).help(format!(
                "learning/{id}/ is {page}; give the level another id, e.g. `{id}-level`"
            ));
            let d = self.at_key(d, file, &format!("{at}.id"));
            self.diags.push(d);
        }
    }

    /// A level's questions: their parts and chapters exist, rubric lines
    /// are worth points, and each weighted part has a question.
    fn questions(
        &mut self,
        l: &RawLevel,
        at: &str,
        file: Idx<SourceFile>,
        parts: &IdxVec<AssessmentPart>,
        chapters: &[Idx<Chapter>],
        raw_parts: &[crate::model::raw::RawAssessmentPart],
    ) -> Vec<Question> {
        let mut out = Vec::new();
        for (qi, q) in l.questions.iter().enumerate() {
            let at = format!("{at}.questions[{qi}]");
            let part = parts.position(|p| p.id == q.part);
            if part.is_none() && !parts.is_empty() {
                let ids = parts.iter().map(|p| p.id.as_str());
                let help = match suggest(&q.part, ids.clone()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "the assessment's parts are: {}",
                        ids.collect::<Vec<_>>().join(", ")
                    ),
                };
                let d = Diagnostic::error(format!("no assessment part with id `{}`", q.part))
                    .help(help);
                let d = self.at_value(d, file, &format!("{at}.part"), q.part.chars().count());
                self.diags.push(d);
            }
            let mut chapter = None;
            if let Some(c) = &q.chapter {
                let path = format!("{at}.chapter");
                match self.pb.find::<Chapter>(c) {
                    None => {
                        let d = self.unknown_id(Kind::Chapter, c);
                        let d = self.at_value(d, file, &path, c.chars().count());
                        self.diags.push(d);
                    }
                    Some(r) if !chapters.contains(&r) && !chapters.is_empty() => {
                        let covered: Vec<&str> = chapters
                            .iter()
                            .map(|&i| self.pb.chapters[i].id.as_str())
                            .collect();
                        let d = Diagnostic::error(format!(
                            "the question draws on chapter `{c}`, which is not in level `{}`",
                            l.id
                        ))
                        .help(format!(
                            "the level covers {}; move the question to the level that covers `{c}`",
                            covered.join(", ")
                        ));
                        let d = self.at_value(d, file, &path, c.chars().count());
                        self.diags.push(d);
                    }
                    Some(r) => chapter = Some(r),
                }
            }
            if q.rubric.is_empty() {
                let d = Diagnostic::error("a question without a rubric cannot be scored").help(
                    "list what a full answer does under `rubric:`, each line with its points",
                );
                let d = self.at_key(d, file, &format!("{at}.rubric"));
                self.diags.push(d);
            }
            for (k, c) in q.rubric.iter().enumerate() {
                if c.points == 0 {
                    let d = Diagnostic::error("a rubric line is worth 0 points")
                        .help("give it at least 1 point, or leave `points` out (1)");
                    let d = self.at_value(d, file, &format!("{at}.rubric[{k}].points"), 1);
                    self.diags.push(d);
                }
            }
            let mut covers = Vec::new();
            if let Some(p) = part.map(|p| &parts[p]) {
                for (k, c) in q.covers.iter().enumerate() {
                    match p.covers.position(|x| &x.id == c) {
                        Some(ci) => covers.push(ci),
                        None => {
                            let ids = p.covers.iter().map(|x| x.id.as_str());
                            let help = match suggest(c, ids.clone()) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None if p.covers.is_empty() => {
                                    format!("the part `{}` lists no lines under `covers`", p.id)
                                }
                                None => format!(
                                    "the part `{}` covers: {}",
                                    p.id,
                                    ids.collect::<Vec<_>>().join(", ")
                                ),
                            };
                            let d = Diagnostic::error(format!(
                                "the part `{}` has no covered line `{c}`",
                                p.id
                            ))
                            .help(help);
                            let d = self.at_value(
                                d,
                                file,
                                &format!("{at}.covers[{k}]"),
                                c.chars().count(),
                            );
                            self.diags.push(d);
                        }
                    }
                }
            }
            if let Some(part) = part {
                out.push(Question {
                    part,
                    chapter,
                    question: q.question.clone(),
                    answer: q.answer.clone(),
                    rubric: q.rubric.clone(),
                    covers,
                    about: q.about.clone(),
                });
            }
        }
        for (pi, p) in raw_parts.iter().enumerate() {
            let asked = l.questions.iter().any(|q| q.part == p.id);
            if p.weight > 0 && !asked && parts.get(Idx::new(pi)).is_some() {
                let d = Diagnostic::error(format!(
                    "level `{}` has no question for the part `{}` ({}% of the score)",
                    l.id, p.id, p.weight
                ))
                .help(format!(
                    "add a question with `part: {}`, or the level's score cannot reach 100%",
                    p.id
                ));
                let d = self.at_key(d, file, &format!("{at}.questions"));
                self.diags.push(d);
            }
        }
        out
    }

    /// `id` of the `n`th entry at `at` is a slug not used before in its list.
    fn unique_slug<'a>(
        &mut self,
        id: &'a str,
        what: &str,
        n: usize,
        file: Idx<SourceFile>,
        at: &str,
        seen: &mut HashMap<&'a str, usize>,
    ) {
        let path = format!("{at}.id");
        if !is_slug(id) {
            let d = Diagnostic::error(format!("{what} id `{id}` is not a slug")).help(format!(
                "ids are lowercase letters, digits and `-`; for example `{}`",
                crate::markdown::slugify(id)
            ));
            let d = self.at_key(d, file, &path);
            self.diags.push(d);
        }
        if let Some(&first) = seen.get(id) {
            let list = at.rsplit_once('[').map_or(at, |(l, _)| l);
            let first_at = self.key_location(file, &format!("{list}[{first}].id"));
            let d = Diagnostic::error(format!("duplicate {what} id `{id}`"))
                .help(format!("every {what} needs its own id; rename one of them"));
            let mut d = self.at_key(d, file, &path);
            if let Some(f) = first_at {
                d = d.related(f);
            }
            self.diags.push(d);
        } else {
            seen.insert(id, n);
        }
    }
}

/// Every Markdown text of the file with its YAML path.
fn markdown_texts(lp: &RawLearningPath) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = Vec::new();
    if let Some(s) = &lp.summary {
        v.push(("summary".into(), s));
    }
    if let Some(s) = &lp.assessment.summary {
        v.push(("assessment.summary".into(), s));
    }
    if let Some(c) = &lp.assessment.combined {
        if let Some(s) = &c.summary {
            v.push(("assessment.combined.summary".into(), s));
        }
        for (i, b) in c.bands.iter().enumerate() {
            if let Some(t) = &b.text {
                v.push((format!("assessment.combined.bands[{i}].text"), t));
            }
        }
    }
    for (li, l) in lp.levels.iter().enumerate() {
        for (key, list) in [("objectives", &l.objectives), ("skills", &l.skills)] {
            for (i, o) in list.iter().enumerate() {
                if let RawOutcome::Full(f) = o {
                    if let Some(n) = &f.note {
                        v.push((format!("levels[{li}].{key}[{i}].note"), n));
                    }
                }
            }
        }
        for (qi, q) in l.questions.iter().enumerate() {
            let at = format!("levels[{li}].questions[{qi}]");
            v.push((format!("{at}.question"), &q.question));
            v.push((format!("{at}.answer"), &q.answer));
            for (k, c) in q.rubric.iter().enumerate() {
                v.push((format!("{at}.rubric[{k}].text"), &c.text));
            }
        }
    }
    if let Some(p) = &lp.portfolio {
        if let Some(s) = &p.summary {
            v.push(("portfolio.summary".into(), s));
        }
        for (i, part) in p.parts.iter().enumerate() {
            if let Some(s) = &part.summary {
                v.push((format!("portfolio.parts[{i}].summary"), s));
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown};
    use crate::diag::Diagnostic;
    use crate::model::Idx;

    const PATH: &str = "content/story/learning-path.yaml";

    /// Two chapters, and a learning path with one level over both (line
    /// numbers below count in this text).
    const LP: &str = "\
levels:
  - id: foundation
    title: Foundation
    chapters: [first, second]
    objectives: [Plan capacity]
    questions:
      - part: knowledge
        chapter: first
        question: Why?
        answer: Because.
        rubric:
          - text: Names the cause
            points: 2
      - part: application
        question: How?
        answer: Like [[step:kyc]].
        rubric:
          - text: Builds it
assessment:
  title: Check
  parts:
    - id: knowledge
      title: Knowledge
      weight: 40
    - id: application
      title: Application
      weight: 60
portfolio:
  title: Portfolio
  parts:
    - id: strategy
      title: Strategy
      items:
        - title: Plan
          uses: [\"chapter:second\", \"task:kyc/verify-identity\"]
          template: \"# Plan\"
";

    fn with(lp: &str) -> Input {
        let ch = |t: &str| format!("---\ntitle: {t}\nact: 1\n---\nText\n");
        Input::new()
            .file("content/story/01-first.md", &ch("First"))
            .file("content/story/02-second.md", &ch("Second"))
            .file(PATH, lp)
    }

    fn edit(from: &str, to: &str) -> Input {
        with(LP).replace(PATH, from, to)
    }

    /// A second level after the first (before `assessment:`).
    fn level(yaml: &str) -> String {
        LP.replacen("assessment:", &format!("{yaml}assessment:"), 1)
    }

    /// The error with `message`.
    fn find<'a>(e: &'a [Diagnostic], message: &str) -> &'a Diagnostic {
        let all: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
        e.iter()
            .find(|d| d.message == message)
            .unwrap_or_else(|| panic!("no `{message}` in {all:?}"))
    }

    #[test]
    fn a_learning_path_resolves_to_levels_parts_and_portfolio() {
        let pb = with(LP).ok();
        let lp = pb.learning.expect("a learning path");
        let (c0, c1) = (Idx::new(0), Idx::new(1));
        assert_eq!(lp.levels[Idx::new(0)].chapters, [c0, c1]);
        assert_eq!(lp.level_of_chapter(Idx::new(1)), Some(Idx::new(0)));
        let q = &lp.levels[Idx::new(0)].questions;
        let (p0, p1) = (Idx::new(0), Idx::new(1));
        assert_eq!((q[0].part, q[0].chapter, q[0].points()), (p0, Some(c0), 2));
        assert_eq!((q[1].part, q[1].chapter, q[1].points()), (p1, None, 1));
        let item = &lp.portfolio.expect("a portfolio").parts[0].items[0];
        let kinds: Vec<&str> = item.uses.iter().map(|r| r.kind.name()).collect();
        assert_eq!(
            kinds,
            ["chapter", "step"],
            "a task is shown on its step's page"
        );
    }

    #[test]
    fn an_unknown_chapter_gets_the_nearest_id_at_its_value() {
        let e = edit("chapters: [first, second]", "chapters: [first, secnd]").errors();
        assert_eq!(e[0].message, "no chapter with id `secnd`");
        assert_eq!(e[0].place(), format!("{PATH}:4:23"));
        assert_eq!(e[0].underlined(), "secnd");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `second`?"));
    }

    #[test]
    fn weights_that_do_not_add_up_to_100_are_an_error_at_the_parts() {
        let e = edit("weight: 60", "weight: 50").errors();
        assert_eq!(
            e[0].message,
            "the assessment's part weights add up to 90%, not 100%"
        );
        assert_eq!(e[0].place(), format!("{PATH}:21:3"));
        assert!(e[0]
            .help
            .as_deref()
            .unwrap()
            .contains("knowledge 40%, application 50%"));
    }

    #[test]
    fn a_question_for_an_unknown_part_suggests_the_part() {
        let e = edit("part: application", "part: aplication").errors();
        let d = find(&e, "no assessment part with id `aplication`");
        assert_eq!(d.place(), format!("{PATH}:14:15"));
        assert_eq!(d.help.as_deref(), Some("did you mean `application`?"));
        let d = find(
            &e,
            "level `foundation` has no question for the part `application` (60% of the score)",
        );
        assert_eq!(d.place(), format!("{PATH}:6:5"));
    }

    #[test]
    fn a_question_on_a_chapter_outside_its_level_names_the_levels_chapters() {
        let lp = level("  - id: later\n    title: Later\n    chapters: [first]\n    objectives: [More]\n    questions: []\n")
            .replace("chapters: [first, second]", "chapters: [second]");
        let e = with(&lp).errors();
        let d = find(
            &e,
            "the question draws on chapter `first`, which is not in level `foundation`",
        );
        assert_eq!(d.place(), format!("{PATH}:8:18"));
        assert_eq!(
            d.help.as_deref(),
            Some("the level covers second; move the question to the level that covers `first`")
        );
        find(
            &e,
            "level `later` has no question for the part `knowledge` (40% of the score)",
        );
    }

    #[test]
    fn a_chapter_in_two_levels_and_a_level_named_portfolio_are_refused() {
        let lp = level("  - id: portfolio\n    title: P\n    chapters: [second]\n    objectives: [O]\n    questions: []\n");
        let e = with(&lp).errors();
        assert_eq!(
            find(&e, "a level cannot have the id `portfolio`").place(),
            format!("{PATH}:19:5")
        );
        let two = find(
            &e,
            "chapter `second` is in two levels, `foundation` and `portfolio`",
        );
        assert_eq!(two.place(), format!("{PATH}:21:16"));
    }

    #[test]
    fn a_duplicate_part_id_points_at_both() {
        let e = edit("id: application", "id: knowledge").errors();
        let d = find(&e, "duplicate assessment part id `knowledge`");
        assert_eq!(d.place(), format!("{PATH}:25:7"));
        assert_eq!(d.related_places(), [format!("{PATH}:22:7")]);
    }

    #[test]
    fn references_in_texts_and_uses_are_checked_where_they_are_written() {
        let e = edit("Like [[step:kyc]]", "Like [[step:kyx]]")
            .replace(PATH, "\"chapter:second\"", "\"chapter:secnd\"")
            .errors();
        assert_eq!(e[0].message, "broken reference `[[step:kyx]]`");
        assert_eq!(e[0].place(), format!("{PATH}:16:22"));
        assert_eq!(e[0].underlined(), "[[step:kyx]]");
        assert_eq!(e[1].message, "no chapter with id `secnd`");
        assert_eq!(e[1].place(), format!("{PATH}:35:18"));
    }

    #[test]
    fn a_rubric_line_worth_nothing_and_a_question_without_rubric_are_errors() {
        let e = edit("            points: 2\n", "            points: 0\n")
            .replace(
                PATH,
                "        rubric:\n          - text: Builds it\n",
                "        rubric: []\n",
            )
            .errors();
        let m: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            m,
            [
                "a rubric line is worth 0 points",
                "a question without a rubric cannot be scored"
            ]
        );
        assert_eq!(e[0].place(), format!("{PATH}:13:21"));
    }

    #[test]
    fn objectives_as_maps_name_their_chapters_and_the_level_they_moved_from() {
        let lp = level("  - id: later\n    title: Later\n    chapters: [second]\n    objectives:\n      - text: Scale\n        chapters: [second]\n        moved_from: foundation\n        note: Taught in [[chapter:second]].\n    questions:\n      - part: knowledge\n        question: Q\n        answer: A\n        rubric: [{text: R}]\n      - part: application\n        question: Q\n        answer: A\n        rubric: [{text: R}]\n")
            .replace("chapters: [first, second]", "chapters: [first]");
        let pb = with(&lp).ok();
        let lp = pb.learning.expect("a learning path");
        let o = &lp.levels[Idx::new(1)].objectives[0];
        assert_eq!(
            (o.text.as_str(), &o.chapters[..], o.moved_from),
            ("Scale", &[Idx::new(1)][..], Some(Idx::new(0)))
        );
        assert_eq!(lp.levels[Idx::new(0)].objectives[0].text, "Plan capacity");
        let away = lp.moved_away(Idx::new(0));
        assert_eq!((away.len(), away[0].0, away[0].2), (1, Idx::new(1), false));
    }

    #[test]
    fn an_objective_taught_outside_its_level_or_moved_from_itself_is_refused() {
        let e = edit(
            "objectives: [Plan capacity]",
            "objectives:\n      - text: Plan capacity\n        chapters: [secnd]\n        moved_from: foundation\n      - text: Other\n        moved_from: foundaton",
        )
        .errors();
        let d = find(&e, "no chapter with id `secnd`");
        assert_eq!(d.underlined(), "secnd");
        let d = find(&e, "`moved_from: foundation` names the level this is in");
        assert_eq!(d.underlined(), "foundation");
        let d = find(&e, "no level with id `foundaton`");
        assert_eq!(d.help.as_deref(), Some("did you mean `foundation`?"));
    }

    #[test]
    fn covered_lines_are_the_parts_and_every_line_is_tested() {
        let lp = LP
            .replace(
                "      weight: 40\n",
                "      weight: 40\n      covers:\n        - {id: causes, text: Why launches are late}\n        - {id: rules, text: Which rules apply}\n",
            )
            .replace("        chapter: first\n", "        chapter: first\n        covers: [causes, ruls]\n        about: [recall, regulatory]\n");
        let e = with(&lp).errors();
        let d = find(&e, "the part `knowledge` has no covered line `ruls`");
        assert_eq!(d.help.as_deref(), Some("did you mean `rules`?"));
        assert_eq!(d.underlined(), "ruls");
        let d = find(
            &e,
            "the part `knowledge` says it validates `rules`, but no question covers it",
        );
        assert_eq!(d.underlined(), "id");
        let pb = with(&lp.replace("ruls", "rules")).ok();
        let q = &pb.learning.expect("a learning path").levels[Idx::new(0)].questions[0];
        assert_eq!(q.covers, [Idx::new(0), Idx::new(1)]);
        assert_eq!(
            q.about,
            [
                crate::model::learning::QuestionAbout::Recall,
                crate::model::learning::QuestionAbout::Regulatory
            ]
        );
    }

    #[test]
    fn bands_run_down_to_zero() {
        let with_bands = |bands: &str| {
            LP.replace(
                "  title: Check\n",
                &format!(
                    "  title: Check\n  combined:\n    summary: All of it.\n    bands:\n{bands}"
                ),
            )
        };
        let ok = with(&with_bands(
            "      - {from: 50, title: Good}\n      - {from: 0, title: Again}\n",
        ))
        .ok();
        let lp = ok.learning.expect("a learning path");
        assert_eq!(lp.bands.len(), 2);
        assert_eq!(lp.combined_summary.as_deref(), Some("All of it."));
        let e = with(&with_bands(
            "      - {from: 120, title: A}\n      - {from: 30, title: B}\n      - {from: 40, title: C}\n",
        ))
        .errors();
        let m: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            m,
            [
                "the lowest band starts at 40, so a lower total has no band",
                "a band from 120 is above 100",
                "the band from 40 comes after the band from 30"
            ]
        );
        assert_eq!(e[2].underlined(), "40");
    }

    #[test]
    fn a_level_named_assessment_is_refused() {
        let lp = level("  - id: assessment\n    title: A\n    chapters: [second]\n    objectives: [O]\n    questions: []\n")
            .replace("chapters: [first, second]", "chapters: [first]");
        let e = with(&lp).errors();
        let d = find(&e, "a level cannot have the id `assessment`");
        assert!(d
            .help
            .as_deref()
            .unwrap()
            .contains("the combined assessment"));
    }
}

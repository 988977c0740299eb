//! The story's learning path (`content/story/learning-path.yaml`): the
//! pages a reader gets from the real playbook (levels with their
//! objectives on the story index and each chapter, a self-assessment per
//! level, the portfolio with its templates), the skeleton's small one, and
//! what an author sees for a mistake in the file.

use crate::support::*;
use std::path::Path;

const LP: &str = "content/story/learning-path.yaml";

/// The real playbook, built once per test into a temporary folder.
fn real_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("output folder");
    let dest = out.path().join("site");
    let run = run_in(
        out.path(),
        &[
            "--root",
            repo.to_str().expect("utf-8 path"),
            "build",
            "--dest",
            dest.to_str().expect("utf-8 path"),
        ],
        DEFAULT_TIMEOUT,
    );
    run.assert_ok();
    (out, dest)
}

/// The text of an HTML fragment, tags dropped and spaces collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => {
                tag = false;
                out.push(' ');
            }
            _ if !tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_real_story_has_three_levels_with_the_seeds_objectives_on_the_index_and_chapters() {
    let (_out, site) = real_site();
    let index = text(&read_site_file(&site, "story/index.html"));
    for (level, objective) in [
        (
            "Foundation Level: Understanding and Planning",
            "Infrastructure capacity planning and resource optimization mastery",
        ),
        (
            "Intermediate Level: Implementation and Optimization",
            "Customer success scaling and SLA management mastery",
        ),
        (
            "Advanced Level: Excellence and Global Scale",
            "Strategic operations leadership and competitive advantage development",
        ),
    ] {
        assert!(index.contains(level), "the story index lacks {level}");
        assert!(
            index.contains(objective),
            "the story index lacks {objective}"
        );
    }
    assert!(index.contains("Sections 1–2: The Hundred-Customer Wall · Pipelines, Not Heroics"));
    assert!(index.contains("Sections 6–8"), "{index}");
    assert!(index.contains("Practical Application Portfolio: templates to copy"));

    // Each chapter opens with its level's objectives and a link to its assessment.
    for (chapter, level, url) in [
        (
            "pipelines-not-heroics",
            "Foundation Level",
            "../../learning/foundation/",
        ),
        (
            "quality-at-scale",
            "Intermediate Level",
            "../../learning/intermediate/",
        ),
        (
            "the-operating-system",
            "Advanced Level",
            "../../learning/advanced/",
        ),
    ] {
        let page = read_site_file(&site, &format!("story/{chapter}/index.html"));
        let goals = page
            .split("class=\"callout learning-goals\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{chapter} has no 'What you will be able to do'"));
        let goals = &goals[..goals.find("</section>").unwrap()];
        assert!(text(goals).contains("What you will be able to do"));
        assert!(text(goals).contains(level), "{chapter}: {}", text(goals));
        assert!(
            goals.contains(&format!("href=\"{url}\"")),
            "{chapter}: {goals}"
        );
    }
}

#[test]
fn a_level_assessment_has_weighted_parts_questions_rubrics_and_worked_answers() {
    let (_out, site) = real_site();
    let page = read_site_file(&site, "learning/intermediate/index.html");
    let t = text(&page);
    assert!(t.contains("Intermediate Level self-assessment"));
    for (part, weight) in [
        ("Operations Knowledge Validation", 25),
        ("Framework Application", 50),
        ("Strategic Implementation", 25),
    ] {
        assert!(
            t.contains(&format!("{part} {weight}%")),
            "score table lacks {part} {weight}%"
        );
    }
    let questions = page.matches("<div class=\"question\"").count();
    let worked = page.matches("<div class=\"worked\"").count();
    assert_eq!(questions, 5, "the intermediate level has five questions");
    assert_eq!(worked, questions, "every question has a worked answer");
    // Every rubric line is a box with its points, counted by part.
    let boxes = page.matches("type=\"checkbox\"").count();
    assert!(
        boxes >= 3 * questions,
        "{boxes} rubric lines for {questions} questions"
    );
    assert!(page.contains("data-part=\"application\" data-weight=\"50\""));
    assert!(
        t.contains("At 2:47 a.m. every dashboard was green"),
        "a question from chapter 5"
    );
    // Without JavaScript the score table has blanks to fill by hand, and the
    // scoring rule is written out.
    assert!(page.contains("<output class=\"blank\" data-total></output> of 100"));
    assert!(t.contains("divided by its points, times its weight"));
    assert!(page.contains("theme/learning.js"));
    // Read after the level's last chapter, before the next level's first.
    assert!(page.contains("rel=\"prev\" href=\"../../story/the-pager-and-the-playbook/\""));
    assert!(page.contains("rel=\"next\" href=\"../../story/promises-we-can-keep/\""));
}

#[test]
fn the_portfolio_page_has_both_portfolios_with_templates_to_copy() {
    let (_out, site) = real_site();
    let page = read_site_file(&site, "learning/portfolio/index.html");
    let t = text(&page);
    for title in [
        "Operations Strategy Portfolio",
        "Case Study Analysis Portfolio",
        "Comprehensive operations scaling strategy and implementation plan",
        "Infrastructure optimization and cost management framework",
        "Quality management and performance monitoring system design",
        "International expansion and global operations strategy",
        "Operations scaling success pattern analysis and implementation planning",
        "Infrastructure optimization and automation strategy development",
        "Quality management and customer success scaling case studies",
        "Global operations and operational excellence strategy analysis",
    ] {
        assert!(t.contains(title), "the portfolio lacks {title}");
    }
    assert_eq!(page.matches("<pre class=\"template\"").count(), 8);
    // Templates are text to copy, escaped, never markup.
    assert!(page.contains("# Market entry plan: &lt;market&gt;, kickoff &lt;date&gt;"));
    assert!(page.contains("data-copy=\"operations-strategy-international-expansion-and-global-operations-strategy-text\""));
}

#[test]
fn the_skeleton_has_a_small_learning_path_and_without_the_file_there_are_no_learning_pages() {
    let fx = Fixture::skeleton();
    let built = fx.build_to_temp(&[]);
    assert!(
        text(&built.page("learning/foundation/index.html")).contains("Foundation self-assessment")
    );
    assert!(built
        .page("learning/portfolio/index.html")
        .contains("Market entry plan"));
    assert!(built
        .page("story/first-market/index.html")
        .contains("What you will be able to do"));

    let fx = Fixture::skeleton().remove(LP);
    let built = fx.build_to_temp(&[]);
    assert!(!built.site().join("learning").exists());
    assert!(!built.page("story/index.html").contains("learning-path"));
    assert!(!built
        .page("story/first-market/index.html")
        .contains("What you will be able to do"));
}

#[test]
fn a_typo_in_the_learning_path_is_an_error_at_its_place() {
    let run = Fixture::skeleton()
        .replace(LP, "    objectives:\n", "    objectivs:\n")
        .check();
    run.assert_code(1);
    let e = &run.errors()[0];
    e.assert_complete();
    assert_eq!(e.message, "unknown field `objectivs` (at `levels[0]`)");
    assert_eq!(e.place(), format!("{LP}:9:5"));
    assert!(e.help().contains("did you mean `objectives`?"), "{e}");
}

#[test]
fn an_unknown_chapter_and_a_weight_that_does_not_add_up_are_reported_together() {
    let run = Fixture::skeleton()
        .replace(LP, "chapters: [first-market]", "chapters: [first-markt]")
        .replace(LP, "weight: 60", "weight: 50")
        .check();
    run.assert_code(1);
    let errors = run.errors();
    let chapter = errors
        .iter()
        .find(|e| e.message == "no chapter with id `first-markt`")
        .unwrap_or_else(|| panic!("{run}"));
    chapter.assert_complete();
    assert_eq!(chapter.place(), format!("{LP}:8:16"));
    assert_eq!(chapter.underlined(), "first-markt");
    assert_eq!(chapter.help(), "did you mean `first-market`?");
    let weights = errors
        .iter()
        .find(|e| e.message == "the assessment's part weights add up to 90%, not 100%")
        .unwrap_or_else(|| panic!("{run}"));
    assert_eq!(weights.place(), format!("{LP}:26:3"));
}

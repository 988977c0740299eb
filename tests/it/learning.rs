//! The story's learning path (`content/story/learning-path.yaml`): the
//! pages a reader gets from the real playbook (levels with their
//! objectives on the story index and each chapter, a self-assessment per
//! level, the portfolio with its templates), the skeleton's small one, and
//! what an author sees for a mistake in the file.

use crate::support::*;
use std::collections::HashMap;
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
fn the_real_story_has_three_levels_with_objectives_where_their_chapters_teach_them() {
    let (_out, site) = real_site();
    let index = text(&read_site_file(&site, "story/index.html"));
    for (level, objective) in [
        (
            "Foundation Level: Understanding and Planning",
            "MLOps platform evaluation and implementation strategy development",
        ),
        (
            "Intermediate Level: Implementation and Optimization",
            "Infrastructure capacity planning and resource optimization mastery (moved here from the Foundation Level)",
        ),
        (
            "Advanced Level: Excellence and Global Scale",
            "Customer success scaling and SLA management mastery (moved here from the Intermediate Level)",
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
    assert!(index.contains("Chapter Completion Assessment: every level's questions, one score"));
    let story = read_site_file(&site, "story/index.html");
    assert!(
        story.contains("href=\"../learning/\""),
        "the story index links the learning path"
    );

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
fn learning_answers_with_the_learning_path_and_the_sidebar_links_it() {
    let (_out, site) = real_site();
    let page = read_site_file(&site, "learning/index.html");
    let t = text(&page);
    assert!(t.contains("Learning path"), "{t}");
    for want in [
        "Foundation Level: Understanding and Planning",
        "Intermediate Level: Implementation and Optimization",
        "Advanced Level: Excellence and Global Scale",
        // Moved objectives say where from, and the level they left says where to.
        "Infrastructure capacity planning and resource optimization mastery · taught in The Cost Curve and The Pager and the Playbook Moved here from the Foundation Level , where the source list puts it.",
        "Performance monitoring and alerting system design (skill) → Intermediate Level , taught in The Pager and the Playbook",
        "Customer success scaling and SLA management mastery (objective) → Advanced Level , taught in Promises We Can Keep",
        "Chapter Completion Assessment",
        "Operations Knowledge Validation 25%",
        "Framework Application 50%",
        "Strategic Implementation 25%",
        "Practical Application Portfolio",
    ] {
        assert!(t.contains(want), "learning/ lacks {want:?}: {t}");
    }
    for href in [
        "href=\"../learning/foundation/\"",
        "href=\"../learning/assessment/\"",
        "href=\"../learning/portfolio/\"",
        "href=\"../story/the-cost-curve/\"",
    ] {
        assert!(page.contains(href), "learning/ has no {href}");
    }
    // The sidebar's Story section: the learning path, with its pages under it.
    let chapter = read_site_file(&site, "story/the-cost-curve/index.html");
    let nav = &chapter[chapter.find("class=\"sidebar\"").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    for href in [
        "../../learning/\">Learning path",
        "../../learning/foundation/\">Foundation Level self-assessment",
        "../../learning/assessment/\">Chapter Completion Assessment",
        "../../learning/portfolio/\">Practical Application Portfolio",
    ] {
        assert!(nav.contains(href), "the sidebar lacks {href}");
    }
    // Read after the story's last self-assessment, before the combined assessment.
    assert!(
        page.contains("rel=\"prev\" href=\"../learning/advanced/\""),
        "{page}"
    );
    assert!(page.contains("rel=\"next\" href=\"../learning/assessment/\""));
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
    assert_eq!(questions, 7, "the intermediate level has seven questions");
    assert_eq!(worked, questions, "every question has a worked answer");
    // Every rubric line is a box with its points, counted by part.
    let boxes = page.matches("type=\"checkbox\"").count();
    assert!(
        boxes >= 3 * questions,
        "{boxes} rubric lines for {questions} questions"
    );
    assert!(page.contains("data-part=\"application\" data-weight=\"50\""));
    assert!(
        t.contains("Audit your own alerting"),
        "a question from chapter 5"
    );
    // Questions are keyed by level and number, the same on the combined page.
    assert!(page.contains("<div class=\"question\" id=\"intermediate-q1\">"));
    assert!(page.contains(
        "<fieldset class=\"rubric\" data-part=\"knowledge\" data-level=\"intermediate\">"
    ));
    // "It validates" lists what this level's questions in the part test.
    let knowledge = &t[t
        .find("Operations Knowledge Validation · 25% of the score")
        .unwrap()..];
    let knowledge = &knowledge[..knowledge.find("Question 1").unwrap()];
    assert_eq!(
        knowledge,
        "Operations Knowledge Validation · 25% of the score It validates: AI operations scaling challenges and infrastructure requirements understanding; Quality management and performance monitoring expertise; International expansion and global operations knowledge. "
    );
    assert!(t.contains("It tests: Quality management and monitoring system implementation."));
    assert!(t.contains("The Chapter Completion Assessment gathers every level's questions"));
    // Without JavaScript the score table has blanks to fill by hand, and the
    // scoring rule is written out.
    assert!(page.contains("<output class=\"blank\" data-total></output> of 100"));
    assert!(t.contains("divided by its points, times its weight"));
    assert!(page.contains("theme/learning.js"));
    // Read after the level's last chapter, before the next level's first.
    assert!(page.contains("rel=\"prev\" href=\"../../story/the-pager-and-the-playbook/\""));
    assert!(page.contains("rel=\"next\" href=\"../../story/promises-we-can-keep/\""));
    // Breadcrumbs: Story, then the learning path.
    assert!(page.contains("<li><a href=\"../../story/\">The story</a></li><li><a href=\"../../learning/\">Learning path</a></li>"));
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

/// The questions of a level's page: (part, kinds shown beside it, text).
fn questions(page: &str) -> Vec<(String, Vec<String>, String)> {
    page.split("<div class=\"question\"")
        .skip(1)
        .map(|q| {
            let q = &q[..q.find("</fieldset>").unwrap()];
            let part = q
                .split("data-part=\"")
                .nth(1)
                .and_then(|p| p.split('"').next())
                .unwrap_or_default()
                .to_string();
            let about = q
                .split("<span class=\"about\">")
                .skip(1)
                .map(|a| a[..a.find('<').unwrap()].to_string())
                .collect();
            (part, about, text(q))
        })
        .collect()
}

#[test]
fn each_level_asks_understanding_the_readers_own_operation_and_regulation() {
    let (_out, site) = real_site();
    for (level, count) in [("foundation", 6), ("intermediate", 7), ("advanced", 6)] {
        let page = read_site_file(&site, &format!("learning/{level}/index.html"));
        let qs = questions(&page);
        assert_eq!(qs.len(), count, "{level}");
        let has = |q: &(String, Vec<String>, String), a: &str| q.1.iter().any(|x| x == a);
        let recall = qs.iter().filter(|q| has(q, "Recall")).count();
        assert!(recall <= 1, "{level} has {recall} recall questions");
        assert!(
            qs.iter().any(|q| q.0 == "knowledge" && !has(q, "Recall")),
            "{level}: a knowledge question that tests understanding"
        );
        for q in qs.iter().filter(|q| q.0 == "application") {
            assert!(has(q, "Your operation"), "{level}: {}", q.2);
        }
        assert!(
            qs.iter().any(|q| has(q, "Regulation and markets")),
            "{level} has no question on regulation and markets"
        );
        // Every weighted part is asked.
        for part in ["knowledge", "application", "strategy"] {
            assert!(qs.iter().any(|q| q.0 == part), "{level}: {part}");
        }
    }
}

#[test]
fn the_worked_answers_match_the_chapters() {
    let (_out, site) = real_site();
    let intermediate = text(&read_site_file(&site, "learning/intermediate/index.html"));
    // The eleven minutes were the first game day's; the medians are the
    // ten-week figures; the second incident's status entry was at minute 14.
    assert!(intermediate.contains("At the first game day the status-page draft took eleven minutes, because the login lived in the password manager of Devon"));
    assert!(intermediate.contains("Ten weeks after the certificate night, a customer-facing failure was confirmed in a median of three minutes instead of fifty-one"));
    assert!(intermediate.contains("posted the status entry fourteen minutes after the trigger"));
    assert!(!intermediate.contains("certificate night lost eleven minutes"));
    // The layers are the chapter's five, numbered from zero.
    assert!(intermediate.contains("input checks on resolution and compression (Layer 0)"));
    let advanced = text(&read_site_file(&site, "learning/advanced/index.html"));
    // The ladder: every objective stricter than its commitment, 99.91% was
    // measured, and the row that broke the rule is named.
    assert!(advanced.contains(
        "99.91% over the previous quarter, an objective of 99.95%, a commitment of 99.9% a month"
    ));
    assert!(advanced.contains("the objective is stricter than the commitment"));
    assert!(advanced
        .contains("High-priority tickets had no measure of their own, so that row broke the rule"));
    assert!(!advanced.contains("99.99% and perfect accuracy had none"));
}

#[test]
fn the_combined_assessment_weighs_every_levels_questions_25_50_25() {
    let (_out, site) = real_site();
    let page = read_site_file(&site, "learning/assessment/index.html");
    let t = text(&page);
    assert!(t.contains("Chapter Completion Assessment"));
    assert!(t.contains("3 levels · 19 questions"), "{t}");
    // One row per part, a column per level, each level's own score, a total.
    for (part, weight, points) in [
        ("knowledge", 25, 39),
        ("application", 50, 41),
        ("strategy", 25, 24),
    ] {
        assert!(
            page.contains(&format!(
                "<tr data-part=\"{part}\" data-weight=\"{weight}\" data-points=\"{points}\">"
            )),
            "{part}"
        );
    }
    assert!(page.contains("<td data-cell data-level=\"foundation\" data-points=\"15\">"));
    assert!(page.contains("data-level-score=\"advanced\""));
    assert!(page.contains("<output class=\"blank\" data-total></output> of 100"));
    // Every question of the levels, keyed as on their pages; its worked
    // answer is a link to its level's page (one copy of each, and the page
    // stays within its weight).
    assert_eq!(page.matches("<div class=\"question\"").count(), 19);
    for (level, id) in [
        ("foundation", "foundation-q1"),
        ("intermediate", "intermediate-q7"),
        ("advanced", "advanced-q6"),
    ] {
        assert!(page.contains(&format!("id=\"{id}-answer\"")), "{id}");
        assert!(
            page.contains(&format!("href=\"../../learning/{level}/#{id}-worked\"")),
            "{id}"
        );
    }
    // How it relates to the self-assessments, and what a total means.
    assert!(t.contains("answers and ticks are shared with them"));
    assert!(t.contains("( Foundation Level , Intermediate Level and Advanced Level )"));
    assert!(page.contains("data-band-from=\"80\" data-band-title=\"Ready to lead it\""));
    assert!(t.contains("0–39: Start from the foundation."));
    // "It validates" is the seed's four lines, each tested by some question.
    assert!(t.contains("It validates: Infrastructure scaling and optimization strategy development; MLOps platform implementation and automation system design; Quality management and monitoring system implementation; Customer success scaling and SLA management planning."));
    // Printed or without JavaScript the scoring rule is written out.
    assert!(t.contains("divided by its points, times its weight"));
    assert!(page.contains("theme/learning.js"));
}

/// term → page numbers, and page number → URL, from the built index.
fn full_text_index(site: &Path) -> (HashMap<String, Vec<u64>>, Vec<String>) {
    fn varint(b: &[u8], i: &mut usize) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let x = b[*i];
            *i += 1;
            v |= u64::from(x & 0x7f) << shift;
            if x & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read_site_file(site, "fulltext/manifest.json")).unwrap();
    let mut terms = HashMap::new();
    for c in manifest["chunks"].as_array().unwrap() {
        let b = std::fs::read(site.join("fulltext").join(c[1].as_str().unwrap())).unwrap();
        let mut i = 0;
        while i < b.len() {
            let len = varint(&b, &mut i) as usize;
            let term = String::from_utf8(b[i..i + len].to_vec()).unwrap();
            i += len;
            let n = varint(&b, &mut i);
            let _bytes = varint(&b, &mut i);
            let (mut page, mut pages) = (0, Vec::new());
            for _ in 0..n {
                page += varint(&b, &mut i);
                pages.push(page);
                i += 1;
            }
            terms.insert(term, pages);
        }
    }
    let mut urls = Vec::new();
    let mut first = 0;
    for n in manifest["bundles"].as_array().unwrap() {
        let packed = std::fs::read(site.join(format!("fulltext/pages/{first}.bin"))).unwrap();
        let bundle: serde_json::Value =
            serde_json::from_reader(flate2::read::ZlibDecoder::new(&packed[..])).unwrap();
        for f in bundle.as_array().unwrap() {
            urls.push(f["u"].as_str().unwrap().to_string());
        }
        first += n.as_u64().unwrap();
    }
    (terms, urls)
}

#[test]
fn learning_pages_are_in_the_full_text_index_and_the_printable_edition() {
    let (_out, site) = real_site();
    let (terms, urls) = full_text_index(&site);
    for u in [
        "learning/",
        "learning/foundation/",
        "learning/intermediate/",
        "learning/advanced/",
        "learning/assessment/",
        "learning/portfolio/",
    ] {
        assert!(urls.iter().any(|x| x == u), "{u} is not indexed");
    }
    let found = |word: &str| -> Vec<&str> {
        terms
            .get(word)
            .map(|p| p.iter().map(|&n| urls[n as usize].as_str()).collect())
            .unwrap_or_default()
    };
    // A question's words find its level's page; the combined page repeats
    // the questions but is not a second hit for them.
    assert_eq!(found("mishears"), ["learning/foundation/"]);
    assert!(found("fortnight").contains(&"learning/advanced/"));
    let facets = read_site_file(&site, "fulltext/facets.json");
    assert!(facets.contains("\"Learning path\""), "{facets}");

    // /print/: the levels, every question with its rubric and worked answer, the templates.
    let print = read_site_file(&site, "print/index.html");
    let t = text(&print);
    assert!(print.contains("<a href=\"#learning\">The learning path</a>"));
    assert!(t.contains(
        "Infrastructure capacity planning and resource optimization mastery · taught in"
    ));
    assert!(t.contains("A call-transcription company has just passed a hundred customers"));
    assert!(t.contains("Names the human correction step as a part that does not scale unless it is designed to (1 point)"));
    assert!(t.contains("Worked answer Three of them are the ones Sarah Chen names."));
    assert!(t.contains("Score sheet: fill in the points you ticked"));
    assert!(print.contains("# Market entry plan: &lt;market&gt;, kickoff &lt;date&gt;"));
    assert_eq!(print.matches("class=\"printed-question\"").count(), 19);
}

#[test]
fn the_new_fields_are_in_the_schema_and_checked_where_they_are_written() {
    let schema = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/learning-path.schema.json"),
    )
    .unwrap();
    for field in [
        "\"covers\"",
        "\"about\"",
        "\"own-operation\"",
        "\"moved_from\"",
        "\"combined\"",
        "\"bands\"",
    ] {
        assert!(schema.contains(field), "the schema lacks {field}");
    }
    let run = Fixture::skeleton()
        .replace(
            LP,
            "      - Map the rules that apply to a new market\n",
            "      - text: Map the rules that apply to a new market\n        moved_from: foundaton\n",
        )
        .replace(LP, "      weight: 40\n", "      weight: 40\n      covers:\n        - {id: rules, text: Which rules apply}\n")
        .replace(LP, "        chapter: first-market\n", "        chapter: first-market\n        covers: [rule]\n")
        .check();
    run.assert_code(1);
    let errors = run.errors();
    let moved = errors
        .iter()
        .find(|e| e.message == "no level with id `foundaton`")
        .unwrap_or_else(|| panic!("{run}"));
    moved.assert_complete();
    assert_eq!(moved.help(), "did you mean `foundation`?");
    assert_eq!(moved.underlined(), "foundaton");
    let cover = errors
        .iter()
        .find(|e| e.message == "the part `knowledge` has no covered line `rule`")
        .unwrap_or_else(|| panic!("{run}"));
    assert_eq!(cover.help(), "did you mean `rules`?");
    assert!(errors.iter().any(|e| e.message
        == "the part `knowledge` says it validates `rules`, but no question covers it"));

    // A typo inside an objective written as a map is an unknown field there.
    let run = Fixture::skeleton()
        .replace(
            LP,
            "      - Map the rules that apply to a new market\n",
            "      - text: Map the rules\n        chapter: [first-market]\n",
        )
        .check();
    run.assert_code(1);
    let e = &run.errors()[0];
    assert!(
        e.message.starts_with("unknown field `chapter`"),
        "{}",
        e.message
    );
    assert!(e.help().contains("did you mean `chapters`?"), "{e}");
}

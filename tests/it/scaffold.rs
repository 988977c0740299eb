//! `playbook new`: each kind on the `init` playbook makes an entity that
//! checks (its one warning: the `TODO` placeholders left to fill in) and
//! builds its page at once; a new market is a draft whose region is not
//! guessed; an existing id and
//! an unknown parent are refused and change nothing; the file a step, task
//! or metric is added to keeps its comments and text.

use crate::support::{Fixture, Run};

const COMPLIANCE: &str = "content/frameworks/launch/compliance.yaml";

/// `new ARGS` succeeded, and `check` now passes; its one warning is the
/// placeholders left to fill in, at the first `TODO` of the file written.
fn made(f: &Fixture, args: &[&str]) -> Run {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    let run = f.run(&all);
    run.assert_ok();
    let check = f.check();
    check.assert_ok();
    let warnings = check.warnings();
    for w in &warnings {
        assert!(
            w.message.ends_with("`TODO` placeholders") && w.underlined() == "TODO",
            "only placeholders are left:\n{check}"
        );
    }
    assert!(
        warnings.iter().any(|w| {
            let file = w.place().split(':').next().unwrap_or("").to_string();
            run.stdout.contains(&format!(" {file}"))
        }),
        "a warning for the file `new` wrote:\n{run}\n{check}"
    );
    run
}

/// A new market is a draft (`draft: true`: not a live launch until its
/// kickoff is set), its region is left to say rather than guessed from the
/// other markets' (both of the skeleton's are `eu`), and `check` warns
/// until every `TODO` is filled in; then it is quiet.
#[test]
fn a_new_market_is_a_draft_without_a_guessed_region_until_filled_in() {
    let f = Fixture::skeleton();
    made(&f, &["market", "us"]);
    let text = f.read("content/markets/us.yaml");
    assert!(text.contains("\ndraft: true "), "{text}");
    assert!(text.contains("\nregion: TODO "), "{text}");
    assert!(!text.contains("region: eu"), "{text}");
    let check = f.check();
    let w = &check.warnings()[0];
    assert_eq!(
        w.message,
        "content/markets/us.yaml still has 10 `TODO` placeholders"
    );
    assert_eq!(w.place(), "content/markets/us.yaml:5:32", "{check}");
    // A draft is not a launch: status and the site's status page leave it out.
    let status = f.run(&["status", "--format", "json", "--as-of", "2026-12-07"]);
    status.assert_ok();
    assert!(!status.stdout.contains("\"id\": \"us\""), "{status}");
    let built = f.build_to_temp(&[]);
    let page = built.page("status/index.html");
    assert!(!page.contains("data-market=\"us\""), "no row for the draft");
    assert!(page.contains("data-market=\"de\""));
    assert!(
        !built.page("index.html").contains("data-market=\"us\""),
        "nor on the home page"
    );
    // Filled in: the marks go, the kickoff is set, the draft line removed.
    let filled: String = text
        .lines()
        .filter(|l| !l.starts_with("draft:"))
        .map(|l| match l.split_once(" # TODO") {
            Some((value, _)) => value.trim_end().to_string(),
            None => l.to_string(),
        })
        .map(|l| {
            l.replace("region: TODO", "region: na")
                .replace("  TODO: one paragraph", "  One paragraph")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let f = f.file("content/markets/us.yaml", format!("{filled}\n"));
    let check = f.check();
    check.assert_ok();
    assert!(check.warnings().is_empty(), "{check}\n{filled}");
}

/// Every content file's text, to show that a refused `new` changed nothing.
fn content(f: &Fixture) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (rel, _) in playbook_site::skeleton::files() {
        files.push((rel.clone(), f.read(&rel)));
    }
    files
}

#[test]
fn each_file_kind_makes_a_page_that_builds_at_once() {
    for (kind, id, file, page, title) in [
        (
            "market",
            "xx",
            "content/markets/xx.yaml",
            "markets/xx/index.html",
            "XX",
        ),
        (
            "regulation",
            "data-act",
            "content/regulations/data-act.yaml",
            "regulations/data-act/index.html",
            "Data act",
        ),
        (
            "expert",
            "bo-example",
            "content/experts/bo-example.yaml",
            "experts/bo-example/index.html",
            "Bo example",
        ),
        (
            "research",
            "late-study",
            "content/research/late-study.md",
            "research/late-study/index.html",
            "Late study",
        ),
        (
            "chapter",
            "second-market",
            "content/story/02-second-market.md",
            "story/second-market/index.html",
            "Second market",
        ),
    ] {
        let f = Fixture::skeleton();
        let run = made(&f, &[kind, id]);
        assert!(run.stdout.contains(&format!("created {file}")), "{run}");
        assert!(
            f.read(file).contains("TODO"),
            "the fields to fill are marked"
        );
        let html = f.build_to_temp(&[]).page(page);
        assert!(html.contains(title), "{page} shows {title}");
    }
}

#[test]
fn a_step_goes_into_its_phase_and_builds_its_page() {
    let f = Fixture::skeleton();
    let run = made(&f, &["step", "privacy-review", "--in", "foundation"]);
    assert!(
        run.stdout
            .contains(&format!("added to {COMPLIANCE}, lines 31-")),
        "{run}"
    );
    let built = f.build_to_temp(&[]);
    let html = built.page("frameworks/launch/compliance/privacy-review/index.html");
    assert!(html.contains("Privacy review") && html.contains("First task"));
    // Named with its component too.
    let f = Fixture::skeleton();
    made(
        &f,
        &["step", "privacy-review", "--in", "compliance/foundation"],
    );
}

#[test]
fn a_task_goes_into_its_steps_activity_and_shows_on_the_step_page() {
    let f = Fixture::skeleton();
    made(&f, &["task", "name-a-dpo", "--in", "regulatory-mapping"]);
    let html = f
        .build_to_temp(&[])
        .page("frameworks/launch/compliance/regulatory-mapping/index.html");
    assert!(
        html.contains(r#"id="task-name-a-dpo""#),
        "the step page lists the new task"
    );
    let f = Fixture::skeleton();
    made(
        &f,
        &["task", "name-a-dpo", "--in", "regulatory-mapping/mapping"],
    );
}

#[test]
fn a_metric_goes_into_its_metrics_file_and_builds_its_page() {
    let f = Fixture::skeleton();
    made(&f, &["metric", "time-to-launch", "--in", "launch"]);
    let html = f
        .build_to_temp(&[])
        .page("metrics/time-to-launch/index.html");
    assert!(html.contains("Time to launch"));
}

#[test]
fn the_edited_file_keeps_its_comments_and_text() {
    let f = Fixture::skeleton()
        .replace(
            COMPLIANCE,
            "    weeks: [1, 2]\n",
            "    weeks: [1, 2]   # the first fortnight\n",
        )
        .replace(
            COMPLIANCE,
            "        activities:\n",
            "        # what the step does\n        activities:\n",
        )
        .append(COMPLIANCE, "# end of the component\n")
        .replace(
            "content/metrics/launch.yaml",
            "metrics:\n",
            "# the launch's numbers\nmetrics:\n",
        );
    let before = f.read(COMPLIANCE);
    made(&f, &["step", "privacy-review", "--in", "foundation"]);
    made(&f, &["task", "name-a-dpo", "--in", "regulatory-mapping"]);
    let after = f.read(COMPLIANCE);
    for comment in [
        "# the first fortnight",
        "# what the step does",
        "# end of the component",
    ] {
        assert!(after.contains(comment), "{comment} is kept:\n{after}");
    }
    // Only lines were added: every old line is still there, in order.
    let mut new_lines = after.lines();
    for old in before.lines() {
        assert!(
            new_lines.any(|l| l == old),
            "`{old}` is kept in order:\n{after}"
        );
    }
    assert!(after.ends_with("# end of the component\n"));
    made(&f, &["metric", "time-to-launch", "--in", "launch"]);
    assert!(f
        .read("content/metrics/launch.yaml")
        .contains("# the launch's numbers\nmetrics:\n"));
}

#[test]
fn an_existing_id_is_refused_and_nothing_changes() {
    for (args, file) in [
        (&["market", "de"][..], "content/markets/de.yaml"),
        (&["regulation", "gdpr"], "content/regulations/gdpr.yaml"),
        (
            &["expert", "ana-example"],
            "content/experts/ana-example.yaml",
        ),
        (
            &["research", "launch-study"],
            "content/research/launch-study.md",
        ),
        (
            &["chapter", "first-market"],
            "content/story/01-first-market.md",
        ),
        (
            &["step", "regulatory-mapping", "--in", "foundation"],
            COMPLIANCE,
        ),
        (
            &["task", "regulation-inventory", "--in", "regulatory-mapping"],
            COMPLIANCE,
        ),
        (
            &["metric", "launch-on-time", "--in", "launch"],
            "content/metrics/launch.yaml",
        ),
    ] {
        let f = Fixture::skeleton();
        let before = content(&f);
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        let run = f.run(&all);
        run.assert_code(2);
        assert!(run.stderr.contains("already exists"), "{run}");
        assert!(
            run.stderr.contains(file),
            "the existing file is named:\n{run}"
        );
        assert_eq!(content(&f), before, "nothing changed after {args:?}");
    }
}

#[test]
fn an_unknown_parent_gets_a_did_you_mean_and_nothing_changes() {
    for (args, help) in [
        (
            &["step", "x", "--in", "fundation"][..],
            "did you mean `foundation`?",
        ),
        (
            &["task", "x", "--in", "regulatory-maping"],
            "did you mean `regulatory-mapping`?",
        ),
        (
            &["task", "x", "--in", "regulatory-mapping/maping"],
            "did you mean `mapping`?",
        ),
        (&["metric", "x", "--in", "lanch"], "did you mean `launch`?"),
    ] {
        let f = Fixture::skeleton();
        let before = content(&f);
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        let run = f.run(&all);
        run.assert_code(2);
        assert!(run.stderr.contains(help), "{run}");
        assert_eq!(content(&f), before);
    }
}

#[test]
fn an_id_that_is_not_a_slug_or_a_missing_parent_is_a_usage_error() {
    let f = Fixture::skeleton();
    let run = f.run(&["new", "market", "New_Market"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("`New_Market` is not a valid id"),
        "{run}"
    );
    let run = f.run(&["new", "step", "x"]);
    run.assert_code(2);
    assert!(run.stderr.contains("needs `--in PARENT`"), "{run}");
    assert!(!f.path("content/markets/new_market.yaml").exists());
}

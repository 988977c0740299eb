//! Progress kept in the repo: `playbook progress` records a task in
//! `content/progress/<market>.yaml` keeping what the team wrote there; bad
//! market or task ids are refused with the nearest one and change nothing;
//! every checklist format and the site show what is recorded; `playbook
//! status` reports each launch on a given day, and the site's status page
//! carries the data the browser needs to report the same.

use crate::support::Fixture;
use serde_json::Value;

const INVENTORY: &str = "regulatory-mapping/regulation-inventory";
const NOTICE: &str = "regulatory-mapping/translate-the-privacy-notice";
const DE: &str = "content/progress/de.yaml";

#[test]
fn recording_a_task_makes_the_file_and_every_format_shows_it() {
    let f = Fixture::skeleton();
    let run = f.run(&[
        "progress",
        "de",
        INVENTORY,
        "--by",
        "Anna Schmidt",
        "--on",
        "2027-03-05",
    ]);
    run.assert_ok();
    assert!(
        run.stdout
            .contains("recorded `regulatory-mapping/regulation-inventory`"),
        "{run}"
    );
    let text = f.read(DE);
    assert!(
        text.starts_with("# Progress of the Germany launch"),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "done:\n  {INVENTORY}:\n    on: 2027-03-05\n    by: Anna Schmidt\n"
        )),
        "{text}"
    );

    let md = f.run(&["checklist", "de", "--format", "md"]);
    assert!(md.stdout.contains("- [x] **Regulation inventory**"), "{md}");
    assert!(
        md.stdout.contains("done 2027-03-05 by Anna Schmidt"),
        "{md}"
    );
    assert!(
        md.stdout.contains("- [ ] **Translate the privacy notice**"),
        "{md}"
    );
    let csv = f.run(&["checklist", "de", "--format", "csv"]);
    let line = csv
        .stdout
        .lines()
        .find(|l| l.contains(INVENTORY))
        .expect("the row");
    assert!(line.ends_with(",2027-03-05,Anna Schmidt,"), "{line}");
    let json: Value = serde_json::from_str(&f.run(&["checklist", "de", "--format", "json"]).stdout)
        .expect("json");
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows[0]["done"]["on"], "2027-03-05");
    assert_eq!(rows[0]["done"]["by"], "Anna Schmidt");
    assert_eq!(rows[1]["done"], Value::Null);

    let site = f.build_to_temp(&[]);
    site.run.assert_ok();
    let page = site.page("markets/de/checklist/index.html");
    assert!(
        page.contains("data-done=\"2027-03-05\" data-by=\"Anna Schmidt\""),
        "the row is marked done"
    );
    assert!(page.contains("<input type=checkbox checked> Regulation inventory"));
    assert!(page.contains("done 2027-03-05 by Anna Schmidt"));
}

#[test]
fn recording_again_keeps_the_teams_comments_and_order() {
    let f = Fixture::skeleton().file(
        DE,
        format!("# Kept by the Berlin team.\ndone:\n  # first week\n  {NOTICE}:\n    on: 2027-03-02 # Monday\n    note: \"DE and EN\"\n\n# end of file\n"),
    );
    f.run(&["progress", "de", INVENTORY, "--on", "2027-03-04"])
        .assert_ok();
    assert_eq!(
        f.read(DE),
        format!("# Kept by the Berlin team.\ndone:\n  # first week\n  {NOTICE}:\n    on: 2027-03-02 # Monday\n    note: \"DE and EN\"\n  {INVENTORY}:\n    on: 2027-03-04\n\n# end of file\n")
    );
    // The same task again, with --replace: its entry changes (the note
    // stays), nothing else.
    f.run(&[
        "progress",
        "de",
        NOTICE,
        "--on",
        "2027-03-03",
        "--by",
        "Ben",
        "--replace",
    ])
    .assert_ok();
    let text = f.read(DE);
    assert!(
        text.contains(&format!(
            "  # first week\n  {NOTICE}:\n    on: 2027-03-03\n    by: Ben\n    note: DE and EN\n  {INVENTORY}:"
        )),
        "{text}"
    );
    assert!(
        text.starts_with("# Kept by the Berlin team.\n") && text.ends_with("\n# end of file\n")
    );
    f.check().assert_ok();
}

/// Recording a task that is already done does not wipe who, when and the
/// note (issue #26): the record that stands is shown, at its line, and kept
/// unless `--replace`, which changes only the fields given.
#[test]
fn a_standing_record_is_shown_and_kept_unless_replace() {
    let f = Fixture::skeleton();
    f.run(&[
        "progress",
        "de",
        INVENTORY,
        "--on",
        "2026-03-05",
        "--by",
        "Anna Schmidt",
        "--note",
        "ticket OPS-12",
    ])
    .assert_ok();
    let recorded = f.read(DE);

    let run = f.run(&["progress", "de", INVENTORY, "--by", "Ben"]);
    run.assert_code(2);
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run}");
    assert_eq!(
        e[0].message,
        format!("`{INVENTORY}` is already recorded as done on 2026-03-05 by Anna Schmidt (note: ticket OPS-12); the record stands"),
        "{run}"
    );
    assert_eq!(e[0].place(), format!("{DE}:5:3"), "{run}");
    assert!(e[0].help().contains("--replace"), "{run}");
    assert!(e[0].help().contains("--undo"), "{run}");
    assert_eq!(f.read(DE), recorded, "nothing written");

    // The same record again is no change, and no error.
    let run = f.run(&[
        "progress",
        "de",
        INVENTORY,
        "--on",
        "2026-03-05",
        "--by",
        "Anna Schmidt",
        "--note",
        "ticket OPS-12",
    ]);
    run.assert_ok();
    assert!(run.stdout.contains("nothing changed"), "{run}");
    assert_eq!(f.read(DE), recorded);

    // --replace: the date changes, who and the note stay.
    let run = f.run(&[
        "progress",
        "de",
        INVENTORY,
        "--on",
        "2026-03-06",
        "--replace",
    ]);
    run.assert_ok();
    assert!(
        run.stdout.contains("done on 2026-03-05 by Anna Schmidt (note: ticket OPS-12) → done on 2026-03-06 by Anna Schmidt (note: ticket OPS-12)"),
        "{run}"
    );
    assert!(
        f.read(DE).ends_with(&format!(
            "done:\n  {INVENTORY}:\n    on: 2026-03-06\n    by: Anna Schmidt\n    note: ticket OPS-12\n"
        )),
        "{}",
        f.read(DE)
    );
}

/// `--undo` removes a record and nothing else; undoing what is not
/// recorded is refused.
#[test]
fn undo_removes_a_record_and_keeps_the_rest_of_the_file() {
    let f = Fixture::skeleton().file(
        DE,
        format!("# Kept by the Berlin team.\ndone:\n  # first week\n  {NOTICE}:\n    on: 2026-03-02 # Monday\n    note: \"DE and EN\"\n  {INVENTORY}:\n    on: 2026-03-04\n\n# end of file\n"),
    );
    let run = f.run(&["progress", "de", NOTICE, "--undo"]);
    run.assert_ok();
    assert!(
        run.stdout.contains(&format!(
            "removed the record of `{NOTICE}` (done on 2026-03-02 (note: DE and EN))"
        )),
        "{run}"
    );
    assert_eq!(
        f.read(DE),
        format!("# Kept by the Berlin team.\ndone:\n  # first week\n  {INVENTORY}:\n    on: 2026-03-04\n\n# end of file\n")
    );
    let md = f.run(&["checklist", "de", "--format", "md"]);
    assert!(
        md.stdout.contains("- [ ] **Translate the privacy notice**"),
        "{md}"
    );
    // The last one: the file stays valid, with no entries.
    f.run(&["progress", "de", INVENTORY, "--undo"]).assert_ok();
    assert!(f.read(DE).contains("done: {}\n"), "{}", f.read(DE));
    f.check().assert_ok();
    let run = f.run(&["progress", "de", INVENTORY, "--undo"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(&format!(
            "`{INVENTORY}` is not recorded as done in {DE}: nothing to undo"
        )),
        "{run}"
    );
    let run = f.run(&["progress", "de", INVENTORY, "--undo", "--by", "Ben"]);
    run.assert_code(2);
    assert!(run.stderr.contains("cannot be used with"), "{run}");
}

/// A done date after today is recorded, with a warning.
#[test]
fn a_done_date_after_today_is_recorded_with_a_warning() {
    let f = Fixture::skeleton();
    let run = f.run(&["progress", "de", INVENTORY, "--on", "2099-01-04"]);
    run.assert_ok();
    assert!(
        run.stderr.contains("warning: 2099-01-04 is after today ("),
        "{run}"
    );
    assert!(f.read(DE).contains("on: 2099-01-04"));
    let run = f.run(&["progress", "de", NOTICE, "--on", "2020-01-06"]);
    run.assert_ok();
    assert!(!run.stderr.contains("warning"), "{run}");
}

#[test]
fn a_wrong_market_task_or_date_is_refused_and_nothing_is_written() {
    let f = Fixture::skeleton();
    let run = f.run(&["progress", "de", "regulatory-mapping/regulation-inventroy"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("no task with id `regulatory-mapping/regulation-inventroy`"),
        "{run}"
    );
    assert!(
        run.stderr.contains(&format!("did you mean `{INVENTORY}`?")),
        "{run}"
    );
    let run = f.run(&["progress", "dee", INVENTORY]);
    run.assert_code(2);
    assert!(run.stderr.contains("de"), "{run}");
    // Ireland's checklist has no privacy-notice translation (it is for new languages).
    let run = f.run(&["progress", "ie", NOTICE]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("is not in Ireland's checklist"),
        "{run}"
    );
    let run = f.run(&["progress", "de", INVENTORY, "--on", "March 5"]);
    run.assert_code(2);
    assert!(run.stderr.contains("`March 5` is not a date"), "{run}");
    assert!(!f.path("content/progress").exists(), "nothing written");
}

#[test]
fn a_progress_file_with_an_unknown_task_fails_check_at_its_line() {
    let f = Fixture::skeleton().file(
        DE,
        "done:\n  regulatory-mapping/inventory:\n    on: 2027-03-05\n",
    );
    let run = f.check();
    run.assert_code(1);
    let e = run.only_error();
    assert_eq!(e.message, "no task with id `regulatory-mapping/inventory`");
    assert_eq!(e.place(), format!("{DE}:2:3"));
    assert_eq!(e.help(), format!("did you mean `{INVENTORY}`?"));
}

/// `status --as-of DAY --format json` for the skeleton.
fn status(f: &Fixture, day: &str) -> Value {
    let run = f.run(&["status", "--as-of", day, "--format", "json"]);
    run.assert_ok();
    serde_json::from_str(&run.stdout).expect("status json")
}

#[test]
fn status_reports_each_launch_on_the_day_asked() {
    let f = Fixture::skeleton();
    // Germany: kickoff 2026-03-02, two tasks due 2026-03-15.
    let de = |v: &Value| {
        v["launches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == "de")
            .cloned()
            .unwrap()
    };
    let before = de(&status(&f, "2026-02-01"));
    assert_eq!(before["state"], "not-started");
    assert_eq!(before["next"][0]["due"], "2026-03-15");
    assert_eq!(de(&status(&f, "2026-03-02"))["state"], "on-track");
    assert_eq!(de(&status(&f, "2026-03-10"))["state"], "at-risk");
    let late = de(&status(&f, "2026-03-16"));
    assert_eq!(late["state"], "late");
    assert_eq!(late["overdue"].as_array().unwrap().len(), 2);
    // Germany went live on 2026-04-27: from then on, work due by its launch
    // that nobody recorded is closed by it, and the launch is not late.
    let live = de(&status(&f, "2026-05-01"));
    assert_eq!(live["state"], "done");
    assert_eq!(
        (live["done"].as_u64(), live["closed_at_launch"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(live["launched"], "2026-04-27");
    f.run(&["progress", "de", INVENTORY, "--on", "2026-03-10"])
        .assert_ok();
    f.run(&["progress", "de", NOTICE, "--on", "2026-03-12"])
        .assert_ok();
    let done = de(&status(&f, "2026-03-16"));
    assert_eq!(
        (done["state"].as_str(), done["done"].as_u64()),
        (Some("done"), Some(2))
    );
    let text = f.run(&["status", "--as-of", "2026-03-16", "--markets", "de"]);
    assert!(
        text.stdout.contains("Germany (de): done · 2 of 2 done"),
        "{text}"
    );
    let csv = f.run(&["status", "--as-of", "2026-03-16", "--format", "csv"]);
    assert!(csv
        .stdout
        .starts_with("as_of,market,name,kickoff,state,done,total,overdue,next_due,next_task\r\n"));
}

#[test]
fn the_status_page_holds_what_the_browser_needs_and_agrees_with_the_cli() {
    let f = Fixture::skeleton().file(DE, format!("done:\n  {NOTICE}:\n    on: 2026-03-02\n"));
    let site = f.build_to_temp(&[]);
    site.run.assert_ok();
    let page = site.page("status/index.html");
    let json = page
        .split("<script type=\"application/json\" id=\"status-data\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("the status data");
    let data: Value = serde_json::from_str(json).expect("valid JSON");
    for day in [
        "2026-02-01",
        "2026-03-15",
        "2026-03-16",
        "2026-06-01",
        "2027-06-01",
    ] {
        let cli = status(&f, day);
        for l in cli["launches"].as_array().unwrap() {
            let d = data
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == l["id"])
                .expect("every market");
            assert_eq!(d["total"], l["total"]);
            // The page closes what was due by a launch that has happened, as
            // status does.
            let launched = d["launched"].as_str().filter(|l| *l <= day);
            let open = d["open"].as_array().unwrap();
            let closed: u64 = open
                .iter()
                .filter(|o| launched.is_some_and(|l| o[0].as_str().unwrap() <= l))
                .map(|o| o[1].as_u64().unwrap())
                .sum();
            assert_eq!(
                d["done"].as_u64().unwrap() + closed,
                l["done"].as_u64().unwrap()
            );
            let overdue: u64 = open
                .iter()
                .filter(|o| o[0].as_str().unwrap() < day)
                .filter(|o| launched.is_none_or(|l| o[0].as_str().unwrap() > l))
                .map(|o| o[1].as_u64().unwrap())
                .sum();
            assert_eq!(
                overdue as usize,
                l["overdue"].as_array().unwrap().len(),
                "{} on {day}",
                l["id"]
            );
        }
    }
    // Without JavaScript: every market with its done count and due dates.
    assert!(page.contains("1 of 2"), "Germany's done count");
    assert!(page.contains("2026-03-15 – 2026-03-15"));
    assert!(page.contains("role=\"img\" aria-label=\"Open tasks due each month, by market\""));
}

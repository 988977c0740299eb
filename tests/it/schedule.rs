//! The schedule and the one checklist engine, as a launch manager meets
//! them: rows in date order with durations and dependencies, the critical
//! path, a market's adjustments (notes in every format, skipped tasks under
//! "Not applicable here"), the home market leaving market-entry work, and
//! a property: for every market of the real playbook, of `init`'s playbook
//! and of the bench generator's, the rows a checklist prints, the rows a
//! big site hands the browser and the count on the market page are the same
//! rows.

use crate::support::Fixture;
use playbook_content::model::{Idx, Task};
use std::path::Path;

const COMPONENT: &str = "content/frameworks/launch/compliance.yaml";
const DE: &str = "content/markets/de.yaml";

/// The skeleton with its two tasks made a chain: the inventory takes three
/// weeks, the translation waits for it and takes ten working days.
fn chained() -> Fixture {
    Fixture::skeleton()
        .replace(
            COMPONENT,
            "owner: legal\n",
            "owner: legal\n                duration: 3 weeks\n",
        )
        .replace(
            COMPONENT,
            "owner: localization\n",
            "owner: localization\n                duration: 10 days\n                after: [task:regulatory-mapping/regulation-inventory]\n",
        )
}

fn json(f: &Fixture, args: &[&str]) -> serde_json::Value {
    let run = f.run(args);
    run.assert_ok();
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{run}"))
}

#[test]
fn a_chain_is_scheduled_finish_to_start_and_marked_critical() {
    let f = chained();
    let doc = json(&f, &["checklist", "de", "--format", "json"]);
    let rows = doc["rows"].as_array().unwrap();
    // Kickoff Monday 2026-03-02: three weeks to Sunday 22 March, then ten
    // working days from Monday 23 March to Friday 3 April.
    assert_eq!(rows[0]["task"], "Regulation inventory");
    assert_eq!(
        (rows[0]["start"].as_str(), rows[0]["due"].as_str()),
        (Some("2026-03-02"), Some("2026-03-22"))
    );
    assert_eq!(rows[1]["start"], "2026-03-23");
    assert_eq!(rows[1]["due"], "2026-04-03");
    assert_eq!(rows[1]["duration"], "10 working days");
    assert_eq!(
        rows[1]["waits_for"][0],
        "regulatory-mapping/regulation-inventory"
    );
    assert_eq!(
        doc["critical_path"],
        serde_json::json!([
            "regulatory-mapping/regulation-inventory",
            "regulatory-mapping/translate-the-privacy-notice"
        ])
    );
    assert!(rows.iter().all(|r| r["critical"] == true));
    assert_eq!(doc["end"], "2026-04-03");
    // Past the two-week phase: check says so, at the duration.
    let run = f.check();
    let w = run.warnings();
    assert!(
        w.iter()
            .any(|d| d.message.contains("is due after its phase")
                && d.place().starts_with(COMPONENT)),
        "{run}"
    );
}

#[test]
fn rows_are_in_date_order_unless_plan_order_is_asked_for() {
    // The translation no longer waits; the inventory takes long.
    let f = Fixture::skeleton().replace(
        COMPONENT,
        "owner: legal\n",
        "owner: legal\n                duration: 2 months\n",
    );
    let ids = |order: &str| -> Vec<String> {
        json(
            &f,
            &["checklist", "de", "--format", "json", "--order", order],
        )["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["task_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids("date"),
        [
            "regulatory-mapping/translate-the-privacy-notice",
            "regulatory-mapping/regulation-inventory"
        ]
    );
    assert_eq!(
        ids("plan"),
        [
            "regulatory-mapping/regulation-inventory",
            "regulatory-mapping/translate-the-privacy-notice"
        ]
    );
    let md = f.run(&["checklist", "de"]);
    let march = md.stdout.find("## March 2026").expect("a month heading");
    let may = md.stdout.find("## May 2026").expect("the later month");
    assert!(march < may, "{md}");
}

/// Germany skips the translation and notes the inventory.
fn adjusted() -> Fixture {
    Fixture::skeleton().replace(
        DE,
        "team:",
        "adjust:\n  regulatory-mapping/translate-the-privacy-notice:\n    skip: The notice is written in German from the start.\n  regulatory-mapping/regulation-inventory:\n    note: Include the BDSG and the state DPA guidance.\n    owner: ops-lead\nteam:",
    )
}

#[test]
fn a_skipped_task_is_listed_as_not_applicable_with_its_reason_in_every_format() {
    let f = adjusted();
    let reason = "The notice is written in German from the start.";
    let md = f.run(&["checklist", "de"]);
    md.assert_ok();
    let na = md
        .stdout
        .find("## Not applicable here")
        .expect("the section");
    assert!(md.stdout[na..].contains(reason), "{md}");
    assert!(
        !md.stdout[..na].contains("Translate the privacy notice"),
        "not a row any more:\n{md}"
    );
    let csv = f.run(&["checklist", "de", "--format", "csv"]);
    let line = csv
        .stdout
        .lines()
        .find(|l| l.contains("translate-the-privacy-notice"))
        .expect("its line");
    assert!(
        line.contains("not applicable") && line.contains(reason),
        "{line}"
    );
    let doc = json(&f, &["checklist", "de", "--format", "json"]);
    assert_eq!(doc["count"], 1);
    assert_eq!(doc["not_applicable"][0]["reason"], reason);
    let html = f.run(&["checklist", "de", "--format", "html"]);
    assert!(
        html.stdout.contains("Not applicable here") && html.stdout.contains(reason),
        "{html}"
    );
    // The site's checklist page too.
    let built = f.build_to_temp(&[]);
    let page = built.page("markets/de/checklist/index.html");
    assert!(page.contains("Not applicable here") && page.contains(reason));
}

#[test]
fn a_market_note_and_owner_show_in_every_format() {
    let f = adjusted();
    let note = "Include the BDSG and the state DPA guidance.";
    for format in ["md", "csv", "json", "html"] {
        let run = f.run(&["checklist", "de", "--format", format]);
        run.assert_ok();
        assert!(run.stdout.contains(note), "{format}:\n{run}");
        assert!(
            run.stdout.contains("Jonas Weber"),
            "{format}: the market's owner is named:\n{run}"
        );
    }
}

#[test]
fn an_adjustment_for_a_task_not_on_the_list_is_an_error_with_the_nearest_id() {
    let run = Fixture::skeleton()
        .replace(
            DE,
            "team:",
            "adjust:\n  regulatory-mapping/regulation-inventry:\n    note: x\nteam:",
        )
        .check();
    let e = run.only_error();
    assert_eq!(
        e.message,
        "no task `regulatory-mapping/regulation-inventry` on Germany's checklist"
    );
    assert_eq!(
        e.help(),
        "did you mean `regulatory-mapping/regulation-inventory`?"
    );
}

#[test]
fn the_home_market_leaves_market_entry_work_out_and_says_so() {
    let f = Fixture::skeleton()
        .replace(
            COMPONENT,
            "owner: localization\n",
            "owner: localization\n                market_entry: true\n",
        )
        .replace(DE, "team:", "home: true\nteam:");
    let doc = json(&f, &["checklist", "de", "--format", "json"]);
    assert_eq!(doc["count"], 1);
    assert_eq!(doc["market_entry_left_out"], 1);
    let md = f.run(&["checklist", "de"]);
    assert!(
        md.stdout
            .contains("1 market-entry task left out: Germany is the home market."),
        "{md}"
    );
}

#[test]
fn a_dependency_cycle_is_refused_naming_every_link() {
    let run = chained()
        .replace(
            COMPONENT,
            "duration: 3 weeks\n",
            "duration: 3 weeks\n                after: [task:regulatory-mapping/translate-the-privacy-notice]\n",
        )
        .check();
    let e = run.only_error();
    assert!(e.message.starts_with("a dependency cycle: "), "{run}");
    assert!(e.message.contains("`regulatory-mapping/regulation-inventory` waits for `regulatory-mapping/translate-the-privacy-notice`"));
    assert!(e.message.contains("`regulatory-mapping/translate-the-privacy-notice` waits for `regulatory-mapping/regulation-inventory`"));
    assert!(e.place().starts_with(COMPONENT), "{run}");
}

#[test]
fn a_result_dated_after_the_day_asked_is_a_warning() {
    let f = Fixture::skeleton();
    assert!(f
        .run(&["check", "--as-of", "2026-05-01"])
        .warnings()
        .is_empty());
    let run = f.run(&["check", "--as-of", "2026-04-01"]);
    run.assert_ok();
    let w = run.warnings();
    assert_eq!(w.len(), 1, "{run}");
    assert!(
        w[0].message
            .contains("is dated 2026-04-30, after today (2026-04-01)"),
        "{run}"
    );
    assert!(w[0].place().starts_with(DE));
}

// ---- One engine: rows, the browser's data and the counts agree. ----

/// The rows of every market three ways: the checklist's JSON rows (task id,
/// start, due), the rows a big site's data.js gives the browser, and the
/// count the market page states.
fn assert_one_engine(root: &Path) {
    let pb = playbook_plan::load_playbook(root).unwrap_or_else(|d| panic!("{}", d.render_text()));
    let lists = playbook_plan::checklist::Checklists::new(&pb);
    let order: Vec<Idx<Task>> = playbook_plan::checklist::plan_order(&pb).collect();
    for m in pb.markets.indices() {
        let list = lists.checklist(m, playbook_plan::checklist::Order::Date);
        let printed: Vec<(String, String, Option<String>)> = list
            .rows
            .iter()
            .map(|r| {
                (
                    r.task_id.to_string(),
                    r.start.to_string(),
                    r.due.map(|d| d.to_string()),
                )
            })
            .collect();
        let sched = lists.schedule(m);
        let js = playbook_site::render::checklist_data::market_js(&lists, m, &sched, "en");
        let data: serde_json::Value = serde_json::from_str(
            js.trim_start_matches("window.PLAYBOOK_CHECKLIST = ")
                .trim_end()
                .trim_end_matches(';'),
        )
        .unwrap();
        let kickoff: jiff::civil::Date = pb.markets[m].kickoff;
        let day = |n: i64| {
            kickoff
                .checked_add(jiff::Span::new().days(n))
                .unwrap()
                .to_string()
        };
        let browser: Vec<(String, String, Option<String>)> = data["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let t = order[r[0].as_u64().unwrap() as usize];
                let due = r[2].as_i64().unwrap();
                (
                    pb.tasks[t].id.clone(),
                    day(r[1].as_i64().unwrap()),
                    (due >= 0).then(|| day(due)),
                )
            })
            .collect();
        let id = &pb.markets[m].id;
        assert_eq!(
            printed, browser,
            "{id}: the browser's rows are the printed rows"
        );
        assert_eq!(
            data["count"].as_u64().unwrap() as usize,
            printed.len(),
            "{id}: the count"
        );
        assert_eq!(
            playbook_plan::checklist::listing(&pb, m).rows.len(),
            printed.len(),
            "{id}: the listing's count"
        );
    }
}

#[test]
fn one_engine_for_the_real_playbook() {
    assert_one_engine(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn one_engine_for_inits_playbook() {
    let f = adjusted();
    assert_one_engine(f.root());
}

#[test]
fn one_engine_for_the_bench_generators_playbook() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pb");
    let status = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_playbook.py"))
        .args(["--size", "XS"])
        .arg(&out)
        .status()
        .expect("python3 runs the bench generator");
    assert!(status.success());
    assert_one_engine(&out);
}

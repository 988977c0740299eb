//! The company program and one row per task, on the real playbook: work
//! done once for the company (`scope: company`) is on its own checklist
//! (`checklist --company`, every format, and `company/` on the site), not on
//! any market's; a market's checklist opens with the company work it waits
//! for; tasks linked `same_as` are one row with both sources.

use crate::support::{run_in, Run, DEFAULT_TIMEOUT};
use serde_json::Value;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn checklist(args: &[&str]) -> Run {
    let mut all = vec!["checklist"];
    all.extend_from_slice(args);
    let run = run_in(repo(), &all, DEFAULT_TIMEOUT);
    run.assert_ok();
    run
}

fn json(args: &[&str]) -> Value {
    let run = checklist(args);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{run}"))
}

/// The AI Operations Implementation Methodology's steps done once for the
/// company: Months 1, 2 (steps 1-8) and 4+ (step 13).
const COMPANY_STEPS: [&str; 9] = [
    "mlops-infrastructure-implementation",
    "data-operations-and-management",
    "customer-support-infrastructure",
    "process-optimization-foundation",
    "advanced-mlops-implementation",
    "customer-operations-enhancement",
    "process-optimization-and-excellence",
    "performance-management-and-analytics",
    "advanced-operations-optimization",
];

#[test]
fn the_company_program_lists_the_foundation_once_from_its_own_kickoff() {
    let doc = json(&["--company", "--format", "json"]);
    assert_eq!(doc["market"]["id"], "company");
    assert_eq!(doc["market"]["name"], "Company program");
    assert_eq!(
        doc["market"]["kickoff"], "2026-11-02",
        "book.toml's [company] kickoff"
    );
    let rows = doc["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 90, "9 steps × 2 activities × 5 tasks");
    let mut steps: Vec<&str> = rows
        .iter()
        .map(|r| r["step_id"].as_str().unwrap())
        .collect();
    steps.dedup();
    assert_eq!(steps, COMPANY_STEPS);
    // Month 1's first block starts on the company kickoff; nobody's market team owns it.
    assert_eq!(rows[0]["start"], "2026-11-02");
    assert_eq!(rows[0]["due"], "2026-11-15");
    assert!(rows
        .iter()
        .all(|r| r["owner_person"].is_null() && r["reasons"] == serde_json::json!([])));
    assert_eq!(doc["prerequisites"], serde_json::json!([]));
    // Every format prints it.
    let md = checklist(&["--company"]).stdout;
    assert!(
        md.starts_with("# Launch checklist: Company program (company)"),
        "{md}"
    );
    // content/progress/company.yaml records 16 of them as done.
    assert_eq!(md.lines().filter(|l| l.starts_with("- [ ] ")).count(), 74);
    assert_eq!(md.lines().filter(|l| l.starts_with("- [x] ")).count(), 16);
    let csv = checklist(&["--company", "--format", "csv"]).stdout;
    assert_eq!(csv.lines().count(), 91);
    assert!(csv
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("company,mlops-infrastructure-implementation/"));
    let html = checklist(&["--company", "--format", "html"]).stdout;
    assert!(
        html.contains("<h1>Launch checklist: Company program</h1>"),
        "{html}"
    );
    let ics = checklist(&["--company", "--format", "ics"]).stdout;
    let cal: icalendar::Calendar = ics.parse().expect("iCalendar");
    let uids: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| icalendar::Component::get_uid(e).unwrap().to_string())
        .collect();
    let want: Vec<String> = COMPANY_STEPS
        .iter()
        .map(|s| format!("company.{s}@playbook"))
        .collect();
    assert_eq!(
        uids, want,
        "one event per company step, UIDs apart from any market's"
    );
    // Named by the program's name, not "Company program program" (#26).
    assert!(
        ics.contains("\r\nX-WR-CALNAME:Company program checklist\r\n"),
        "{ics}"
    );
    let summaries: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| icalendar::Component::get_summary(e).unwrap().to_string())
        .collect();
    assert!(
        summaries.iter().all(|s| s.starts_with("Company program: ")),
        "{summaries:?}"
    );
    assert!(!ics.contains("program program"), "{ics}");
}

/// The company program's checklist names its lead only when book.toml
/// gives one (`[company] lead`); without one it says nothing, instead of
/// "Operations lead: —" (#26). A market without an `ops-lead` likewise.
#[test]
fn a_lead_is_shown_only_when_there_is_one() {
    let with = crate::support::Fixture::skeleton()
        .append(
            "book.toml",
            "\n[company]\nkickoff = 2026-11-02\nlead = \"Maya Patel\"\n",
        )
        .replace(
            "content/markets/ie.yaml",
            "team: { ops-lead: \"Siobhán Kelly\" }",
            "team: {}",
        );
    let site = with.build_to_temp(&[]);
    let company = site.page("company/index.html");
    assert!(
        company.contains("tasks · Operations lead: Maya Patel</p>"),
        "{company}"
    );
    let de = site.page("markets/de/checklist/index.html");
    assert!(de.contains("· Operations lead: Jonas Weber</p>"), "{de}");
    assert!(
        de.contains(" · lead Jonas Weber</"),
        "the printed running head"
    );
    let ie = site.page("markets/ie/checklist/index.html");
    assert!(
        !ie.contains("Operations lead") && !ie.contains("lead —"),
        "{ie}"
    );
    let html = with.run(&["checklist", "--company", "--format", "html"]);
    assert!(
        html.stdout.contains("Operations lead: Maya Patel"),
        "{html}"
    );

    let without = crate::support::Fixture::skeleton()
        .append("book.toml", "\n[company]\nkickoff = 2026-11-02\n");
    let company = without.build_to_temp(&[]).page("company/index.html");
    assert!(!company.contains("Operations lead"), "{company}");
    assert!(!company.contains("—"), "no dash for nobody: {company}");
    let html = without.run(&["checklist", "--company", "--format", "html"]);
    assert!(!html.stdout.contains("Operations lead"), "{html}");
}

#[test]
fn a_market_lists_only_market_work_and_opens_with_the_company_work_it_waits_for() {
    let doc = json(&["de", "--format", "json"]);
    let rows = doc["rows"].as_array().expect("rows");
    assert!(
        rows.iter()
            .all(|r| !COMPANY_STEPS.contains(&r["step_id"].as_str().unwrap())),
        "no company step on Germany's checklist"
    );
    let pre = doc["prerequisites"].as_array().expect("prerequisites");
    let ids: Vec<String> = pre
        .iter()
        .map(|p| {
            format!(
                "{}:{}",
                p["kind"].as_str().unwrap(),
                p["id"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            "phase:operations-foundation-setup",
            "phase:operations-scaling-and-optimization",
            "step:data-operations-and-management",
            "step:customer-support-infrastructure",
            "step:mlops-infrastructure-implementation",
            "step:advanced-mlops-implementation",
        ]
    );
    // Dated in the company program, not from Germany's kickoff.
    assert_eq!(pre[0]["start"], "2026-11-02");
    assert_eq!(pre[0]["due"], "2026-12-01");
    assert_eq!(
        pre[0]["needed_by"],
        serde_json::json!(["International Operations and Scaling"])
    );
    // Their state comes from content/progress/company.yaml.
    let states: Vec<&str> = pre.iter().map(|p| p["state"].as_str().unwrap()).collect();
    assert!(
        states
            .iter()
            .all(|s| *s == "done" || *s == "not started" || s.ends_with(" done")),
        "{states:?}"
    );
    assert_eq!(
        pre[0]["state"], "16 of 40 done",
        "Month 1: the MLOps, data, support and process steps"
    );
    let md = checklist(&["de"]).stdout;
    let prereq = md
        .find("## Company prerequisites")
        .expect("a prerequisites section");
    let first_framework = md.find("\n## AI Operations").expect("framework heading");
    assert!(prereq < first_framework, "the list opens with them:\n{md}");
    assert!(md.contains("- **Operations Foundation Setup** — AI Operations Implementation Methodology phase · 2026-11-02 – 2026-12-01 · state: 16 of 40 done"), "{md}");
}

#[test]
fn the_same_work_in_two_frameworks_is_one_row_with_both_sources_and_the_earlier_due() {
    let doc = json(&["de", "--format", "json"]);
    let rows = doc["rows"].as_array().expect("rows");
    let row = |id: &str| rows.iter().find(|r| r["task_id"] == id);
    // Follow-the-Sun: IOF weeks 1-2 (due first) stands for the methodology's Month 3 task.
    let sun = row("global-operations-management/follow-the-sun-operations")
        .expect("the earlier task is the row");
    assert!(
        row("ai-global-operations-management/follow-the-sun-model").is_none(),
        "not a second row"
    );
    let also = sun["also"].as_array().unwrap();
    assert_eq!(also.len(), 1);
    assert_eq!(
        also[0]["task_id"],
        "ai-global-operations-management/follow-the-sun-model"
    );
    assert_eq!(
        also[0]["framework"],
        "AI Operations Implementation Methodology"
    );
    assert!(
        also[0]["due"].as_str().unwrap() > sun["due"].as_str().unwrap(),
        "the row keeps the earlier due date"
    );
    // No title is left under both frameworks (there were 22).
    let mut by_title: std::collections::BTreeMap<String, std::collections::BTreeSet<&str>> =
        Default::default();
    for r in rows {
        by_title
            .entry(r["task"].as_str().unwrap().to_lowercase())
            .or_default()
            .insert(r["framework"].as_str().unwrap());
    }
    let both: Vec<&String> = by_title
        .iter()
        .filter(|(_, f)| f.len() > 1)
        .map(|(t, _)| t)
        .collect();
    assert!(both.is_empty(), "titles under both frameworks: {both:?}");
    // The CSV and Markdown name the other source too (the CSV in `also`, before `done,done_by`).
    let csv = checklist(&["de", "--format", "csv"]).stdout;
    let line = csv
        .lines()
        .find(|l| l.contains(",global-operations-management/follow-the-sun-operations,"))
        .unwrap();
    assert!(line.ends_with(",AI Operations Implementation Methodology › Global Operations Management (ai-global-operations-management/follow-the-sun-model),,"), "{line}");
    let md = checklist(&["de"]).stdout;
    assert!(md.contains("· also AI Operations Implementation Methodology › Global Operations Management (ai-global-operations-management/follow-the-sun-model) · `global-operations-management/follow-the-sun-operations`"), "{md}");
}

#[test]
fn all_writes_the_company_program_beside_the_markets() {
    let out = tempfile::tempdir().expect("output folder");
    let dir = out.path().join("lists");
    let run = run_in(
        repo(),
        &[
            "checklist",
            "--all",
            "--format",
            "csv,ics",
            "-o",
            dir.to_str().unwrap(),
        ],
        DEFAULT_TIMEOUT,
    );
    run.assert_ok();
    for ext in ["csv", "ics"] {
        assert!(
            dir.join(format!("checklist-company.{ext}")).is_file(),
            "{run}"
        );
        assert!(dir.join(format!("checklist-de.{ext}")).is_file());
    }
    assert!(
        run.stderr.contains("wrote 28 checklists"),
        "13 markets and the company, 2 formats: {run}"
    );
}

#[test]
fn the_site_has_the_company_page_linked_from_the_markets_and_their_checklists() {
    let out = tempfile::tempdir().expect("output folder");
    let dest = out.path().join("site");
    let run = run_in(
        out.path(),
        &[
            "--root",
            repo().to_str().unwrap(),
            "build",
            "--dest",
            dest.to_str().unwrap(),
        ],
        DEFAULT_TIMEOUT,
    );
    run.assert_ok();
    let read = |rel: &str| crate::support::read_site_file(&dest, rel);
    let page = read("company/index.html");
    assert!(page.contains("Company program checklist"), "{page}");
    assert!(
        page.contains("data-t=\"platform-selection\""),
        "the company's rows"
    );
    assert_eq!(page.matches("<input type=checkbox>").count(), 74);
    assert_eq!(
        page.matches("<input type=checkbox checked>").count(),
        16,
        "recorded as done"
    );
    for f in [
        "checklist-company.csv",
        "checklist-company.md",
        "checklist-company.ics",
    ] {
        assert!(dest.join("company").join(f).is_file(), "{f}");
        assert!(page.contains(&format!("href=\"{f}\"")), "{f} linked");
    }
    assert!(read("markets/index.html").contains("href=\"../company/\""));
    let de = read("markets/de/checklist/index.html");
    assert!(
        de.contains("href=\"../../../company/\""),
        "linked from a market's checklist"
    );
    assert!(de.contains("Company prerequisites"));
    assert!(de.contains("data-prereq=\"phase:operations-foundation-setup\""));
    assert!(
        de.contains("<span class=also>also <a href="),
        "a merged row links its other source"
    );
}

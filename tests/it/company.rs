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

/// The company program's task ids: its rows and the tasks each row stands for.
fn company_tasks(doc: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    for r in doc["rows"].as_array().expect("rows") {
        ids.push(r["task_id"].as_str().unwrap().to_string());
        for a in r["also"].as_array().unwrap() {
            ids.push(a["task_id"].as_str().unwrap().to_string());
        }
    }
    ids
}

#[test]
fn the_company_program_lists_its_work_once_from_its_own_kickoff() {
    let doc = json(&["--company", "--format", "json"]);
    assert_eq!(doc["market"]["id"], "company");
    assert_eq!(doc["market"]["name"], "Company program");
    assert_eq!(
        doc["market"]["kickoff"], "2024-03-04",
        "book.toml's [company] kickoff"
    );
    let rows = doc["rows"].as_array().expect("rows");
    assert!(rows.len() > 80, "{}", rows.len());
    // In date order, the first row starts on the company kickoff; nobody's
    // market team owns company work, and no rule chose it.
    assert_eq!(rows[0]["start"], "2024-03-04");
    let due = |r: &Value| r["due"].as_str().unwrap_or("9999").to_string();
    assert!(
        rows.windows(2).all(|w| due(&w[0]) <= due(&w[1])),
        "date order"
    );
    assert!(rows
        .iter()
        .all(|r| r["owner_person"].is_null() && r["reasons"] == serde_json::json!([])));
    assert_eq!(doc["prerequisites"], serde_json::json!([]));
    // Lean, Six Sigma and Process Mining are not one day's work any more.
    let due_of = |title: &str| {
        rows.iter()
            .find(|r| r["task"] == title)
            .and_then(|r| r["due"].as_str())
            .unwrap_or_else(|| panic!("{title}"))
            .to_string()
    };
    let dues: std::collections::BTreeSet<String> =
        ["Lean Implementation", "Six Sigma", "Process Mining"]
            .map(due_of)
            .into();
    assert_eq!(dues.len(), 3, "{dues:?}");
    // Every format prints it, with the same rows and what is recorded done.
    let done = rows.iter().filter(|r| !r["done"].is_null()).count();
    assert!(
        done > 10,
        "content/progress/company.yaml records the story's work"
    );
    let md = checklist(&["--company"]).stdout;
    assert!(
        md.starts_with("# Launch checklist: Company program (company)"),
        "{md}"
    );
    assert_eq!(md.lines().filter(|l| l.starts_with("- [x] ")).count(), done);
    assert_eq!(
        md.lines().filter(|l| l.starts_with("- [ ] ")).count(),
        rows.len() - done
    );
    let csv = checklist(&["--company", "--format", "csv"]).stdout;
    assert_eq!(csv.lines().count(), rows.len() + 1);
    assert!(csv.lines().nth(1).unwrap().starts_with("company,"));
    let html = checklist(&["--company", "--format", "html"]).stdout;
    assert!(
        html.contains("<h1>Launch checklist: Company program</h1>"),
        "{html}"
    );
    let ics = checklist(&["--company", "--format", "ics"]).stdout;
    let cal: icalendar::Calendar = ics.parse().expect("iCalendar");
    let mut uids: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| icalendar::Component::get_uid(e).unwrap().to_string())
        .collect();
    uids.sort();
    let mut want: Vec<String> = rows
        .iter()
        .map(|r| format!("company.{}@playbook", r["step_id"].as_str().unwrap()))
        .collect();
    want.sort();
    want.dedup();
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
    let company = company_tasks(&json(&["--company", "--format", "json"]));
    let doc = json(&["de", "--format", "json"]);
    let rows = doc["rows"].as_array().expect("rows");
    for r in rows {
        let id = r["task_id"].as_str().unwrap();
        assert!(!company.iter().any(|c| c == id), "{id} is company work");
    }
    let pre = doc["prerequisites"].as_array().expect("prerequisites");
    assert!(!pre.is_empty());
    // Their state comes from content/progress/company.yaml.
    for p in pre {
        let s = p["state"].as_str().unwrap();
        assert!(
            s == "done" || s == "not started" || s.ends_with(" done"),
            "{s}"
        );
        assert!(!p["needed_by"].as_array().unwrap().is_empty());
    }
    let md = checklist(&["de"]).stdout;
    let prereq = md
        .find("## Company prerequisites")
        .expect("a prerequisites section");
    let first_month = md[prereq + 3..].find("\n## ").expect("a month heading") + prereq + 3;
    assert!(
        md[first_month..].starts_with("\n## 20") || md[first_month..].contains(" 2025\n"),
        "the rows follow by month:\n{md}"
    );
    let title = pre[0]["title"].as_str().unwrap();
    assert!(md.contains(&format!("- **{title}** — ")), "{md}");
}

#[test]
fn the_same_work_in_two_frameworks_is_one_row_with_both_sources_and_the_earlier_due() {
    let doc = json(&["de", "--format", "json"]);
    let rows = doc["rows"].as_array().expect("rows");
    let row = |id: &str| rows.iter().find(|r| r["task_id"] == id);
    // Language Support (International Operations Framework) and Language
    // Localization (the methodology's Month 3) are the same work: one row.
    let merged: Vec<&Value> = rows
        .iter()
        .filter(|r| !r["also"].as_array().unwrap().is_empty())
        .collect();
    assert!(merged.len() >= 5, "{} merged rows", merged.len());
    for r in &merged {
        for a in r["also"].as_array().unwrap() {
            let other = a["task_id"].as_str().unwrap();
            assert!(row(other).is_none(), "{other} is not a second row");
            if let (Some(a_due), Some(r_due)) = (a["due"].as_str(), r["due"].as_str()) {
                assert!(a_due >= r_due, "the row keeps the earlier due date");
            }
        }
    }
    // No title is left under both frameworks.
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
    // The CSV and Markdown name the other source too.
    let r = merged[0];
    let id = r["task_id"].as_str().unwrap();
    let a = &r["also"][0];
    let text = format!(
        "{} › {} ({})",
        a["framework"].as_str().unwrap(),
        a["step"].as_str().unwrap(),
        a["task_id"].as_str().unwrap()
    );
    let csv = checklist(&["de", "--format", "csv"]).stdout;
    let line = csv
        .lines()
        .find(|l| l.contains(&format!(",{id},")))
        .unwrap();
    assert!(line.contains(&text), "{line}");
    let md = checklist(&["de"]).stdout;
    assert!(md.contains(&format!("· also {text}")), "{md}");
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
    let doc = json(&["--company", "--format", "json"]);
    let rows = doc["rows"].as_array().unwrap();
    let done = rows.iter().filter(|r| !r["done"].is_null()).count();
    let first = rows[0]["task_id"].as_str().unwrap();
    let slug = first.rsplit_once('/').unwrap().1;
    assert!(
        page.contains(&format!("data-t=\"{slug}\"")),
        "the company's rows"
    );
    assert_eq!(
        page.matches("<input type=checkbox>").count(),
        rows.len() - done
    );
    assert_eq!(
        page.matches("<input type=checkbox checked>").count(),
        done,
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
    assert!(de.contains("data-prereq=\""));
    assert!(
        de.contains("<span class=also>also <a href="),
        "a merged row links its other source"
    );
}

/// Which role leads a launch is data: the role marked `leads_launch` in
/// roles.yaml, whatever its id. Moving the mark moves the name on every
/// checklist; without a mark the checklist names the first team member
/// with their role.
#[test]
fn the_launch_lead_is_the_person_in_the_role_marked_leads_launch() {
    let moved = crate::support::Fixture::skeleton()
        .replace(
            "content/roles.yaml",
            "    title: Head of operations\n    leads_launch: true\n",
            "    title: Head of operations\n",
        )
        .replace(
            "content/roles.yaml",
            "    title: Legal counsel\n",
            "    title: Legal counsel\n    leads_launch: true\n",
        );
    let site = moved.build_to_temp(&[]);
    let de = site.page("markets/de/checklist/index.html");
    assert!(de.contains("· Operations lead: Anna Schmidt</p>"), "{de}");

    let unmarked = crate::support::Fixture::skeleton().replace(
        "content/roles.yaml",
        "    title: Head of operations\n    leads_launch: true\n",
        "    title: Head of operations\n",
    );
    let site = unmarked.build_to_temp(&[]);
    let de = site.page("markets/de/checklist/index.html");
    assert!(
        de.contains("· Operations lead: Anna Schmidt (Legal counsel)</p>"),
        "{de}"
    );
}

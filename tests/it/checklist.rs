//! `playbook checklist`: which tasks a market gets, when they are due, and
//! the Markdown, CSV, JSON and iCalendar forms, on screen or into files.
//!
//! Skeleton facts used here: step `regulatory-mapping` sits in phase weeks
//! [1, 2]; `de` (Germany) starts 2026-03-02 and is tagged `new-language`;
//! `ie` (Ireland) starts 2027-05-03 with no tags; the task "Translate the
//! privacy notice" applies only to markets tagged `new-language`.

use crate::support::{entries, Fixture};

const PRIVACY_TASK: &str = "Translate the privacy notice";

fn json_rows(run: &crate::support::Run) -> Vec<serde_json::Value> {
    run.assert_ok();
    let doc: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{run}"));
    doc["rows"].as_array().expect("rows").clone()
}

#[test]
fn markdown_checklist_is_a_task_list_headed_by_the_market_name() {
    let run = Fixture::skeleton().run(&["checklist", "de"]);
    run.assert_ok();
    assert!(
        run.stdout.starts_with("# Launch checklist: Germany (de)"),
        "{run}"
    );
    let tasks: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("- [ ] "))
        .collect();
    assert_eq!(tasks.len(), 2, "{run}");
    assert!(tasks[0].contains("Regulation inventory"), "{run}");
    assert!(
        tasks[0].contains("Anna Schmidt"),
        "the market's owner is named:\n{run}"
    );
}

#[test]
fn tag_rule_gives_the_task_only_to_markets_with_the_tag() {
    let f = Fixture::skeleton();
    let tagged = f.run(&["checklist", "de"]);
    let untagged = f.run(&["checklist", "ie"]);
    tagged.assert_ok();
    untagged.assert_ok();
    assert!(tagged.stdout.contains(PRIVACY_TASK), "{tagged}");
    assert!(
        tagged.stdout.contains("applies because tag: new-language"),
        "{tagged}"
    );
    assert!(!untagged.stdout.contains(PRIVACY_TASK), "{untagged}");
    assert!(
        untagged.stdout.contains("Regulation inventory"),
        "{untagged}"
    );
}

#[test]
fn due_date_is_the_last_day_of_the_phase_window_after_kickoff() {
    let f = Fixture::skeleton();
    for (market, start, due) in [
        ("de", "2026-03-02", "2026-03-15"),
        ("ie", "2027-05-03", "2027-05-16"),
    ] {
        let rows = json_rows(&f.run(&["checklist", market, "--format", "json"]));
        assert!(!rows.is_empty());
        for row in rows {
            assert_eq!(row["start"], start, "{market}: {row}");
            assert_eq!(row["due"], due, "{market}: {row}");
        }
    }
}

#[test]
fn json_rows_carry_task_id_owner_and_due() {
    let rows = json_rows(&Fixture::skeleton().run(&["checklist", "de", "--format", "json"]));
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["task_id"].as_str().expect("task_id"))
        .collect();
    assert_eq!(
        ids,
        [
            "regulatory-mapping/regulation-inventory",
            "regulatory-mapping/translate-the-privacy-notice"
        ]
    );
    assert_eq!(rows[0]["owner_role"], "legal");
    assert_eq!(rows[0]["due"], "2026-03-15");
}

#[test]
fn csv_has_a_header_crlf_line_ends_and_quotes_fields_with_commas() {
    let run = Fixture::skeleton()
        .replace(
            "content/frameworks/launch/compliance.yaml",
            "- title: Regulation inventory",
            "- title: \"Regulation inventory, first pass\"",
        )
        .run(&["checklist", "de", "--format", "csv"]);
    run.assert_ok();
    assert!(
        run.stdout.starts_with("\u{feff}market,task_id,"),
        "a byte-order mark, then the header:\n{run}"
    );
    assert!(run.stdout.ends_with("\r\n"), "{run}");
    let lines: Vec<&str> = run.stdout.split_terminator("\r\n").collect();
    assert!(
        lines.iter().all(|l| !l.contains('\n')),
        "bare LF line end:\n{run}"
    );
    assert_eq!(lines.len(), 3, "header and two tasks:\n{run}");
    assert!(
        lines[1].contains(",\"Regulation inventory, first pass\","),
        "{run}"
    );
    assert!(
        lines[1].starts_with("de,regulatory-mapping/regulation-inventory-first-pass,"),
        "{run}"
    );
}

#[test]
fn output_flag_writes_the_file_instead_of_standard_output() {
    let f = Fixture::skeleton();
    let on_screen = f.run(&["checklist", "de"]);
    let to_file = f.run(&["checklist", "de", "-o", "lists/de.md"]);
    to_file.assert_ok();
    assert_eq!(to_file.stdout, "");
    assert_eq!(f.read("lists/de.md"), on_screen.stdout);
}

#[test]
fn unknown_market_is_a_usage_error_that_lists_the_markets() {
    let run = Fixture::skeleton().run(&["checklist", "xx"]);
    run.assert_code(2);
    let e = &run.errors()[0];
    assert_eq!(e.message, "no market `xx`");
    assert!(e.help().contains("markets are: de, ie"), "{run}");
    assert_eq!(run.stdout, "");
}

#[test]

fn unrelated_market_code_gets_no_suggestion() {
    let run = Fixture::skeleton().run(&["checklist", "xx"]);
    run.assert_code(2);
    assert!(!run.errors()[0].help().contains("did you mean"), "{run}");
}

#[test]
fn close_typo_of_a_market_suggests_it() {
    let run = Fixture::skeleton().run(&["checklist", "dee"]);
    run.assert_code(2);
    assert!(
        run.errors()[0].help().contains("did you mean `de`?"),
        "{run}"
    );
}

#[test]
fn market_code_is_case_insensitive() {
    let run = Fixture::skeleton().run(&["checklist", "DE"]);
    run.assert_ok();
    assert!(run.stdout.contains("Germany"), "{run}");
}

#[test]
fn all_markets_as_csv_writes_one_file_per_market() {
    let f = Fixture::skeleton();
    let run = f.run(&["checklist", "--all", "--format", "csv", "-o", "lists"]);
    run.assert_ok();
    assert_eq!(
        entries(&f.path("lists")),
        ["checklist-de.csv", "checklist-ie.csv"]
    );
    for market in ["de", "ie"] {
        let csv = f.read(&format!("lists/checklist-{market}.csv"));
        assert!(csv.starts_with("\u{feff}market,task_id,"), "{csv}");
        assert!(csv.contains(&format!("\r\n{market},")), "{csv}");
    }
}

/// `--format md,csv,md` is md and csv, once each.
#[test]
fn a_format_given_twice_is_written_once() {
    let f = Fixture::skeleton();
    let run = f.run(&["checklist", "--all", "--format", "md,csv,md", "-o", "lists"]);
    run.assert_ok();
    assert_eq!(
        entries(&f.path("lists")),
        [
            "checklist-de.csv",
            "checklist-de.md",
            "checklist-ie.csv",
            "checklist-ie.md"
        ]
    );
    assert!(run.stderr.contains("wrote 4 checklists"), "{run}");
}

/// `-o` into a site Playbook built (`book/`, or any folder with its
/// marker) is refused: the next build replaces the folder and deletes the
/// files. `schema -o` has the same checks.
#[test]
fn output_into_the_sites_own_folder_or_the_sources_is_refused() {
    let f = Fixture::skeleton();
    f.build().assert_ok();
    for args in [
        &["checklist", "--all", "--format", "csv", "-o", "book/lists"][..],
        &["checklist", "--all", "--format", "csv", "-o", "book"],
        &["checklist", "de", "-o", "book/markets/de/mine.md"],
        &["schema", "-o", "book/schemas"],
    ] {
        let run = f.run(args);
        run.assert_code(2);
        assert!(
            run.stderr.contains(
                "is a site Playbook built, and the next build there replaces it as a whole"
            ),
            "{run}"
        );
    }
    assert!(!f.path("book/lists").exists() && !f.path("book/schemas").exists());
    assert!(!f.path("book/markets/de/mine.md").exists());
    assert!(!f.path("book/checklist-de.csv").exists());
    let run = f.run(&["schema", "-o", "content/schemas"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("one of the playbook's own files or folders"),
        "{run}"
    );
    assert!(!f.path("content/schemas").exists());
    // A folder beside the site is fine.
    f.run(&["checklist", "--all", "--format", "csv", "-o", "lists"])
        .assert_ok();
}

/// A PDF written to a terminal would be a screenful of bytes: refused,
/// asking for `-o` (the terminal is `script`'s pseudo-terminal).
#[test]
fn a_pdf_to_a_terminal_is_refused_and_asks_for_a_file() {
    let f = Fixture::skeleton();
    let cmd = format!(
        "'{}' --root '{}' checklist de --format pdf",
        env!("CARGO_BIN_EXE_playbook"),
        f.root().display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script (util-linux) runs the command on a pseudo-terminal");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("a PDF is not for a terminal"), "{text}");
    assert!(text.contains("-o de.pdf"), "{text}");
    assert!(!text.contains("%PDF"), "{text}");
}

#[test]
fn all_without_an_output_folder_is_a_usage_error() {
    let run = Fixture::skeleton().run(&["checklist", "--all"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--output"), "{run}");
}

/// The Chromium to print with, or `None` (with a notice) when none is
/// installed. CI sets PLAYBOOK_REQUIRE_CHROMIUM=1 so these tests never skip there.
fn chromium() -> Option<std::path::PathBuf> {
    for c in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        let p = std::path::PathBuf::from(c);
        if p.exists() {
            return Some(p);
        }
    }
    if std::env::var_os("PLAYBOOK_REQUIRE_CHROMIUM").is_some() {
        panic!("Chromium is required (PLAYBOOK_REQUIRE_CHROMIUM is set) but not installed");
    }
    eprintln!("skipping: no Chromium installed (apt-get install chromium)");
    None
}

fn pdftotext(pdf: &std::path::Path) -> (String, usize) {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let pages = text.matches('\u{c}').count().max(1);
    (text, pages)
}

/// Squash whitespace so titles wrapped across lines still match.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// LibreOffice's `soffice`, or `None` (the test skips) unless CI requires it.
fn soffice() -> Option<std::path::PathBuf> {
    for c in ["/usr/bin/soffice", "/usr/bin/libreoffice"] {
        let p = std::path::PathBuf::from(c);
        if p.exists() {
            return Some(p);
        }
    }
    if std::env::var_os("PLAYBOOK_REQUIRE_CHROMIUM").is_some() {
        panic!("LibreOffice is required in CI (apt-get install libreoffice-calc-nogui)");
    }
    eprintln!("skipping: no LibreOffice installed (apt-get install libreoffice-calc-nogui)");
    None
}

#[test]
fn the_csv_opens_in_a_spreadsheet_with_its_names_and_dashes_intact() {
    let Some(soffice) = soffice() else { return };
    let f = Fixture::skeleton().replace(
        "content/markets/de.yaml",
        "legal: \"Anna Schmidt\"",
        "legal: \"Sabine Köhler\"",
    );
    let csv = f.path("de.csv");
    f.run(&[
        "checklist",
        "de",
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ])
    .assert_ok();
    // Opened as UTF-8 (what Excel and LibreOffice's import dialog choose for
    // a file with a byte-order mark), converted to HTML to read the cells.
    let profile = f.path("lo-profile");
    let run = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--infilter=Text - txt - csv (StarCalc):44,34,76",
            "--convert-to",
            "html",
            "--outdir",
        ])
        .arg(f.root())
        .arg(&csv)
        .output()
        .expect("soffice runs");
    assert!(run.status.success(), "{run:?}");
    let html = f.read("de.html");
    let cells: Vec<String> = html
        .split("<td")
        .skip(1)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..];
            c[..c.find("</td>").unwrap()].trim().to_string()
        })
        .collect();
    assert_eq!(
        cells[0], "market",
        "the byte-order mark is not part of the first cell"
    );
    assert!(cells.iter().any(|c| c == "Sabine Köhler"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "Weeks 1–2"), "{cells:?}");
}

/// The page size of a PDF, in points (from pdfinfo).
fn pdf_page_size(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (apt-get install poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("a page size")
        .trim()
        .to_string()
}

#[test]
fn pdf_prints_on_a4_outside_the_letter_countries_and_on_letter_in_them() {
    if chromium().is_none() {
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let print = |args: &[&str], name: &str| {
        let out = tmp.path().join(name);
        let mut all = vec!["checklist"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "pdf", "-o", out.to_str().unwrap()]);
        crate::support::run_in(root, &all, std::time::Duration::from_secs(120)).assert_ok();
        out
    };
    let de = print(&["de"], "de.pdf");
    assert!(
        pdf_page_size(&de).contains("(A4)"),
        "{}",
        pdf_page_size(&de)
    );
    let us = print(&["us"], "us.pdf");
    assert!(
        pdf_page_size(&us).contains("(letter)"),
        "{}",
        pdf_page_size(&us)
    );
    let chosen = print(&["de", "--paper", "letter"], "de-letter.pdf");
    assert!(pdf_page_size(&chosen).contains("(letter)"));
    // The first page is not left two-thirds empty after the prerequisites:
    // the first month's rows follow them.
    let first = std::process::Command::new("pdftotext")
        .args(["-f", "1", "-l", "1"])
        .arg(&de)
        .arg("-")
        .output()
        .unwrap();
    let first = squash(&String::from_utf8_lossy(&first.stdout));
    assert!(first.contains("Company prerequisites"), "{first}");
    assert!(
        first.contains("June 2025"),
        "rows on the first page too: {first}"
    );
}

#[test]
fn pdf_checklist_holds_the_market_and_every_task_title() {
    if chromium().is_none() {
        return;
    }
    let f = Fixture::skeleton();
    let out = f.path("de.pdf");
    let run = f.run(&[
        "checklist",
        "de",
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    run.assert_ok();
    let (text, _) = pdftotext(&out);
    let text = squash(&text);
    assert!(text.contains("Germany"), "{text}");
    assert!(text.contains("Regulation inventory"), "{text}");
    assert!(text.contains(PRIVACY_TASK), "{text}");
}

#[test]
fn real_checklist_page_prints_to_pdf_with_every_task_of_the_market() {
    let Some(chromium) = chromium() else { return };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let run = crate::support::run_in(
        root,
        &["build", "--dest", site.to_str().unwrap()],
        std::time::Duration::from_secs(120),
    );
    run.assert_ok();
    let json = crate::support::run_in(
        root,
        &["checklist", "jp", "--format", "json"],
        std::time::Duration::from_secs(60),
    );
    let rows = json_rows(&json);
    let pdf = tmp.path().join("jp.pdf");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            tmp.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!(
            "file://{}",
            site.join("markets/jp/checklist/index.html").display()
        ))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success() && pdf.exists(), "Chromium did not print");
    let (text, pages) = pdftotext(&pdf);
    let flat = squash(&text);
    assert!(flat.contains("Japan"), "market name missing");
    // A page per phase (at least): the real playbook has 12 phases.
    assert!(pages >= 12, "only {pages} pages");
    // A long title wraps inside its cell and the owner column's text can
    // come between its lines, so compare the start of each title (its
    // first line on paper) and, separately, that all its words are there.
    let mut missing = Vec::new();
    for r in &rows {
        let title = squash(r["task"].as_str().unwrap());
        let head: String = title.chars().take(24).collect();
        let words_present = title.split(' ').all(|w| flat.contains(w));
        if !flat.contains(head.trim()) || !words_present {
            missing.push(title);
        }
    }
    assert!(
        missing.is_empty(),
        "task titles not in the PDF: {missing:?}"
    );
}

#[test]
fn all_markets_in_several_formats_at_once_writes_each_file() {
    let f = Fixture::skeleton();
    let dir = f.path("out");
    let run = f.run(&[
        "checklist",
        "--all",
        "--format",
        "md,csv,json,html",
        "-o",
        dir.to_str().unwrap(),
    ]);
    run.assert_ok();
    for m in ["de", "ie"] {
        for ext in ["md", "csv", "json", "html"] {
            assert!(
                dir.join(format!("checklist-{m}.{ext}")).is_file(),
                "{m}.{ext}\n{run}"
            );
        }
    }
}

#[test]
fn one_market_in_several_formats_is_a_usage_error() {
    let run = Fixture::skeleton().run(&["checklist", "de", "--format", "md,csv"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--all"), "{run}");
}

/// Every format of one market's checklist, byte for byte (tests/golden/checklist-de.*;
/// refresh with UPDATE_GOLDEN=1 after an intended change and review the diff).
#[test]
fn each_format_matches_its_golden_file() {
    let f = Fixture::skeleton();
    for ext in ["md", "csv", "json", "html", "ics"] {
        let run = f.run(&["checklist", "de", "--format", ext]);
        run.assert_ok();
        crate::support::assert_golden(&format!("checklist-de.{ext}"), &run.stdout);
    }
}

/// The data of an assembled checklist (`window.X = {…};`) as JSON.
fn script_json(text: &str) -> serde_json::Value {
    let start = text.find('=').expect("an assignment") + 1;
    let body = text[start..].trim().trim_end_matches(';');
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

#[test]
fn checklists_over_the_static_limit_are_published_as_data_not_rows() {
    let f = Fixture::skeleton().replace(
        "book.toml",
        "[build]\n",
        "[build]\nstatic-checklist-rows = 1\n",
    );
    let built = f.build_to_temp(&[]);
    let site = built.site();
    let page = built.page("markets/de/checklist/index.html");
    assert!(page.contains("class=\"ck-dynamic\""), "{page}");
    assert!(
        !page.contains("<input type=checkbox>"),
        "no rows are written out:\n{page}"
    );
    assert!(
        !site.join("markets/de/checklist-de.csv").exists(),
        "no CSV written per market: the page makes it"
    );
    // The shared table lists every task once; the market file names only
    // the rule-gated tasks that apply there, with their reasons.
    let tasks = script_json(&built.page("checklists/tasks.js"));
    let titles: Vec<&str> = tasks["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t[3].as_str().expect("title"))
        .collect();
    assert!(titles.contains(&"Regulation inventory"), "{titles:?}");
    assert!(titles.contains(&PRIVACY_TASK), "{titles:?}");
    let de = script_json(&built.page("markets/de/checklist/data.js"));
    assert_eq!(de["count"], 2, "{de}");
    assert_eq!(de["reasons"], serde_json::json!([["tag: new-language"]]));
    assert_eq!(de["kickoff"], "2026-03-02");
    // The browser writes the downloads from the formats' declarations
    // (checklist/formats.rs), which data.js carries, not from its own copy.
    let golden_csv = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/checklist-de.csv"),
    )
    .expect("the golden CSV");
    let header = golden_csv.lines().next().expect("a header");
    assert_eq!(
        de["spec"]["csv"]["header"],
        header.trim_start_matches('\u{feff}')
    );
    assert_eq!(
        de["spec"]["csv"]["columns"].as_array().map(Vec::len),
        Some(22)
    );
    assert_eq!(de["spec"]["md"]["title"], "Launch checklist: Germany (de)");
    // Ireland's one-row checklist is within the limit: written out as usual.
    let ie = built.page("markets/ie/checklist/index.html");
    assert!(!ie.contains("ck-dynamic"), "{ie}");
    assert!(site.join("markets/ie/checklist-ie.csv").exists());
}

#[test]
fn checklists_within_the_static_limit_are_written_out() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let page = built.page("markets/de/checklist/index.html");
    assert!(!page.contains("ck-dynamic"), "{page}");
    assert!(page.contains(PRIVACY_TASK), "{page}");
    assert!(built.site().join("markets/de/checklist-de.csv").exists());
    assert!(!built.site().join("checklists/tasks.js").exists());
}

/// One `VEVENT` as a calendar app reads it (through the `icalendar`
/// crate's parser): dates as `YYYY-MM-DD`, text unescaped.
#[derive(Debug)]
struct Event {
    uid: String,
    start: String,
    end: String,
    summary: String,
    description: String,
}

/// Parse an `.ics` file with a real iCalendar parser; fails on anything
/// it cannot read.
fn parse_ics(text: &str) -> Vec<Event> {
    use icalendar::{Component, DatePerhapsTime};
    let cal: icalendar::Calendar = text
        .parse()
        .unwrap_or_else(|e| panic!("not iCalendar ({e}):\n{text}"));
    let all_day = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not an all-day date: {other:?}\n{text}"),
    };
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| Event {
            uid: e.get_uid().expect("UID").to_string(),
            start: all_day(e.get_start()),
            end: all_day(e.get_end()),
            summary: e.get_summary().expect("SUMMARY").to_string(),
            description: e.get_description().expect("DESCRIPTION").to_string(),
        })
        .collect()
}

/// The day after an ISO date (`DTEND` of an all-day event is exclusive).
fn next_day(iso: &str) -> String {
    let d: jiff::civil::Date = iso.parse().expect("an ISO date");
    d.tomorrow().expect("a next day").to_string()
}

#[test]
fn calendar_is_rfc_5545_with_crlf_folded_lines_and_a_fixed_stamp() {
    let run = Fixture::skeleton().run(&["checklist", "de", "--format", "ics"]);
    run.assert_ok();
    let ics = &run.stdout;
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{run}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{run}");
    for must in [
        "PRODID:",
        "CALSCALE:GREGORIAN",
        "SEQUENCE:0",
        "TRANSP:TRANSPARENT",
    ] {
        assert!(ics.contains(must), "no {must}:\n{run}");
    }
    // Outside git, the DTSTAMP comes from the input (Germany's kickoff), not the clock.
    assert!(ics.contains("\r\nDTSTAMP:20260302T000000Z\r\n"), "{run}");
    let lines: Vec<&str> = ics.split_terminator("\r\n").collect();
    assert!(lines.iter().all(|l| !l.contains('\n')), "bare LF:\n{run}");
    assert!(
        lines.iter().all(|l| l.len() <= 75),
        "a line over 75 octets:\n{run}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(' ')),
        "the description is long enough to be folded:\n{run}"
    );
}

#[test]
fn calendar_has_one_all_day_event_per_step_with_its_tasks_and_owners() {
    let events = parse_ics(
        &Fixture::skeleton()
            .run(&["checklist", "de", "--format", "ics"])
            .stdout,
    );
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!(e.uid, "de.regulatory-mapping@playbook");
    assert_eq!(e.start, "2026-03-02");
    assert_eq!(e.end, "2026-03-16", "the day after the due date 2026-03-15");
    assert_eq!(e.summary, "Germany launch: Regulatory Mapping");
    assert!(
        e.description
            .contains("\n- Regulation inventory (2026-03-02 – 2026-03-15) [critical path] — Anna Schmidt (Legal counsel)"),
        "{e:?}"
    );
    assert!(
        e.description.contains(&format!(
            "\n- {PRIVACY_TASK} (2026-03-02 – 2026-03-15) — Localization lead · applies because tag: new-language"
        )),
        "{e:?}"
    );
}

#[test]
fn calendar_text_with_commas_semicolons_backslashes_and_long_words_reads_back() {
    let title = r"Inventory, first pass; see C:\regs — Übersicht über alle Verordnungen";
    let run = Fixture::skeleton()
        .replace(
            "content/frameworks/launch/compliance.yaml",
            "- title: Regulation inventory",
            &format!("- title: '{title}'"),
        )
        .run(&["checklist", "de", "--format", "ics"]);
    run.assert_ok();
    assert!(
        run.stdout
            .replace("\r\n ", "")
            .contains(r"Inventory\, first pass\; see C:\\regs"),
        "escaped in the file:\n{run}"
    );
    let events = parse_ics(&run.stdout);
    assert!(
        events[0].description.contains(&format!("\n- {title} (")),
        "read back as written: {events:?}"
    );
}

/// Every market of the real playbook: an event per step window, with the
/// dates of the JSON rows, a UID per step, every task in its event.
#[test]
fn real_playbook_calendar_has_an_event_per_step_window_with_the_rows_dates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |format| {
        crate::support::run_in(
            root,
            &["checklist", "de", "--format", format],
            std::time::Duration::from_secs(60),
        )
    };
    let rows = json_rows(&run("json"));
    let ics = run("ics");
    ics.assert_ok();
    let events = parse_ics(&ics.stdout);
    let mut steps: Vec<&str> = rows
        .iter()
        .map(|r| r["step_id"].as_str().expect("step_id"))
        .collect();
    steps.sort_unstable();
    steps.dedup();
    assert_eq!(events.len(), steps.len(), "one event per step");
    for e in &events {
        let step = e
            .uid
            .strip_prefix("de.")
            .and_then(|u| u.strip_suffix("@playbook"))
            .expect("a step's UID");
        let of_step: Vec<_> = rows.iter().filter(|r| r["step_id"] == step).collect();
        assert!(!of_step.is_empty(), "{step}");
        // From the first start to the day after the last due date.
        let start = of_step
            .iter()
            .map(|r| r["start"].as_str().unwrap())
            .min()
            .unwrap();
        assert_eq!(e.start, start, "{step}");
        let end = if of_step.iter().any(|r| r["due"].is_null()) {
            next_day(start)
        } else {
            next_day(
                of_step
                    .iter()
                    .map(|r| r["due"].as_str().unwrap())
                    .max()
                    .unwrap(),
            )
        };
        assert_eq!(e.end, end, "{step}");
        for r in of_step {
            let task = r["task"].as_str().unwrap();
            assert!(
                e.description.contains(&format!("- {task} (")),
                "{step}: {task} missing from {:?}",
                e.description
            );
        }
    }
    // Events follow their steps' first start.
    assert!(events.windows(2).all(|w| w[0].start <= w[1].start));
    let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
}

#[test]
fn calendar_uids_stay_when_the_tasks_change_so_a_reimport_updates() {
    let before = parse_ics(
        &Fixture::skeleton()
            .run(&["checklist", "de", "--format", "ics"])
            .stdout,
    );
    let after = parse_ics(
        &Fixture::skeleton()
            .replace(
                "content/frameworks/launch/compliance.yaml",
                "- title: Regulation inventory",
                "- title: Regulation inventory and owners",
            )
            .run(&["checklist", "de", "--format", "ics"])
            .stdout,
    );
    assert_ne!(before[0].description, after[0].description);
    let uids = |e: &[Event]| e.iter().map(|e| e.uid.clone()).collect::<Vec<_>>();
    assert_eq!(uids(&before), uids(&after));
}

#[test]
fn all_markets_as_calendars_writes_one_file_per_market() {
    let f = Fixture::skeleton();
    let run = f.run(&["checklist", "--all", "--format", "ics", "-o", "cal"]);
    run.assert_ok();
    assert_eq!(
        entries(&f.path("cal")),
        ["checklist-de.ics", "checklist-ie.ics"]
    );
    let ie = parse_ics(&f.read("cal/checklist-ie.ics"));
    assert_eq!(ie.len(), 1);
    assert_eq!(ie[0].uid, "ie.regulatory-mapping@playbook");
    assert_eq!(
        (ie[0].start.as_str(), ie[0].end.as_str()),
        ("2027-05-03", "2027-05-17")
    );
}

/// The progress bar is for people at a terminal: under the test harness
/// standard error is a pipe, so `--all` prints only its closing line.
#[test]
fn all_markets_without_a_terminal_show_no_progress_bar() {
    let f = Fixture::skeleton();
    let run = f.run(&[
        "checklist",
        "--all",
        "--format",
        "md,csv,ics",
        "-o",
        "lists",
    ]);
    run.assert_ok();
    assert_eq!(run.stderr.lines().count(), 1, "{run}");
    assert!(run.stderr.starts_with("wrote 6 checklists to "), "{run}");
    assert!(
        !run.stderr.contains(['\r', '\u{1b}', '█', '░']),
        "progress bar drawn on a pipe:\n{run}"
    );
}

#[test]
fn the_site_publishes_the_calendar_beside_the_checklist_and_links_it() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let page = built.page("markets/de/checklist/index.html");
    assert!(
        page.contains("href=\"../checklist-de.ics\""),
        "no calendar link:\n{page}"
    );
    let published = built.page("markets/de/checklist-de.ics");
    let printed = Fixture::skeleton().run(&["checklist", "de", "--format", "ics"]);
    assert_eq!(published, printed.stdout, "the site's file is the CLI's");
}

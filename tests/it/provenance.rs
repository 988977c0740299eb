//! Version and provenance: a playbook in a git repository with two commits
//! shows each page's last change (the commit date of its source file) and
//! the version (`git describe`, or `[book] version`) in the footer; two
//! builds of one commit are byte-identical; outside git, or without git, the
//! build works and shows neither; a build date only on request.

use crate::support::*;
use std::path::Path;
use std::process::Command;

/// Run git in `dir` as a fixed committer at `date`, ignoring the machine's
/// git configuration.
fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Ops")
        .env("GIT_AUTHOR_EMAIL", "ops@example.com")
        .env("GIT_COMMITTER_NAME", "Ops")
        .env("GIT_COMMITTER_EMAIL", "ops@example.com")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The skeleton in a git repository: everything committed on 5 January
/// 2026, then Germany's market changed late on 10 February 2026 (New York
/// time: already the 11th in UTC) and tagged `v1.2`.
fn two_commits() -> Fixture {
    let f = Fixture::skeleton();
    git(
        f.root(),
        &["init", "-q", "-b", "main"],
        "2026-01-05T10:00:00+00:00",
    );
    git(f.root(), &["add", "-A"], "2026-01-05T10:00:00+00:00");
    git(
        f.root(),
        &["commit", "-q", "-m", "A new playbook"],
        "2026-01-05T10:00:00+00:00",
    );
    let f = f.replace(
        "content/markets/de.yaml",
        "name: Germany",
        "name: Deutschland",
    );
    git(
        f.root(),
        &["commit", "-q", "-am", "Germany's name"],
        "2026-02-10T23:30:00-05:00",
    );
    git(f.root(), &["tag", "v1.2"], "2026-02-10T23:30:00-05:00");
    f
}

/// Build into a fresh folder with `env`; the site's files.
fn build_env(f: &Fixture, env: &[(&str, &str)]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("site");
    f.run_env(&["build", "--dest", dest.to_str().unwrap()], env)
        .assert_ok();
    read_tree(&dest)
}

fn page(site: &std::collections::BTreeMap<String, Vec<u8>>, rel: &str) -> String {
    String::from_utf8(site[rel].clone()).unwrap()
}

fn footer(html: &str) -> &str {
    let at = html.find("<footer").expect("a footer");
    &html[at..html[at..].find("</footer>").map_or(html.len(), |e| at + e)]
}

#[test]
fn each_page_shows_its_files_last_commit_and_the_footer_the_version() {
    let f = two_commits();
    let site = build_env(&f, &[]);
    let de = page(&site, "markets/de/index.html");
    assert!(
        footer(&de).contains("Last changed <time datetime=\"2026-02-10\">2026-02-10</time>"),
        "{}",
        footer(&de)
    );
    let ie = page(&site, "markets/ie/index.html");
    assert!(
        footer(&ie).contains("Last changed <time datetime=\"2026-01-05\">2026-01-05</time>"),
        "{}",
        footer(&ie)
    );
    // A step lives in its component's file, which changed only in the first commit.
    let step = site
        .keys()
        .find(|k| k.ends_with("regulatory-mapping/index.html"))
        .expect("the step's page");
    assert!(page(&site, step).contains("datetime=\"2026-01-05\""));
    // Pages made from no single file show no date; every page shows the version.
    let home = page(&site, "index.html");
    assert!(!home.contains("Last changed"));
    assert!(footer(&home).contains("version v1.2"), "{}", footer(&home));
    assert!(footer(&de).contains("version v1.2"));
    assert!(!footer(&home).contains("built with Playbook on"));
}

#[test]
fn two_builds_of_one_commit_are_byte_identical() {
    let f = two_commits();
    let a = build_env(&f, &[]);
    let b = build_env(&f, &[]);
    assert_eq!(a.len(), b.len());
    let differ: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differ.is_empty(), "differ: {differ:?}");
}

#[test]
fn book_toml_names_the_version_and_a_build_date_is_shown_only_on_request() {
    let f = two_commits()
        .replace(
            "book.toml",
            "title = \"Our Operations Playbook\"",
            "title = \"Our Operations Playbook\"\nversion = \"3.0\"",
        )
        .replace(
            "book.toml",
            "base-url = \"/\"",
            "base-url = \"/\"\nbuild-date = true",
        );
    // 1 March 2026, 00:00 UTC.
    let site = build_env(&f, &[("SOURCE_DATE_EPOCH", "1772323200")]);
    let home = footer(&page(&site, "index.html")).to_string();
    assert!(home.contains("version 3.0"), "{home}");
    assert!(
        home.contains("built with Playbook on <time datetime=\"2026-03-01\">2026-03-01</time>"),
        "{home}"
    );
}

#[test]
fn outside_git_or_without_git_the_build_works_and_shows_neither() {
    let plain = Fixture::skeleton();
    let site = build_env(&plain, &[]);
    let de = page(&site, "markets/de/index.html");
    assert!(!de.contains("Last changed"));
    assert!(!footer(&de).contains("version"), "{}", footer(&de));
    // A checkout on a machine where git is not installed (not on PATH).
    let f = two_commits();
    let no_git = tempfile::tempdir().unwrap();
    let site = build_env(&f, &[("PATH", no_git.path().to_str().unwrap())]);
    let de = page(&site, "markets/de/index.html");
    assert!(!de.contains("Last changed"));
    assert!(!footer(&de).contains("version"));
}

#[test]
fn the_checklist_command_writes_the_calendar_and_checklist_the_site_offers() {
    // A calendar app that imports the site's download and the command's
    // file sees one event per step with the same DTSTAMP and SEQUENCE
    // (git's), so neither looks older than the other.
    let f = two_commits();
    let site = build_env(&f, &[]);
    for format in ["ics", "csv", "md"] {
        let run = f.run(&["checklist", "de", "--format", format]);
        run.assert_ok();
        let download = page(&site, &format!("markets/de/checklist-de.{format}"));
        assert_eq!(run.stdout, download, "checklist-de.{format}");
    }
    let ics = f.run(&["checklist", "de", "--format", "ics"]).stdout;
    assert!(ics.contains("DTSTAMP:20260211T"), "{ics}");
}

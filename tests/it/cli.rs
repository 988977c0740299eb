//! The command line: help, exit codes (0 ok, 1 content errors, 2 usage
//! errors), `check` in text and JSON, `init`, and `--root`.

use crate::support::{run_in, Fixture, DEFAULT_TIMEOUT};

#[test]
fn help_of_each_subcommand_mentions_its_options() {
    let cases: &[(&str, &[&str])] = &[
        ("build", &["--dest", "--base-url", "--root"]),
        ("check", &["--format", "--root"]),
        (
            "checklist",
            &["[MARKET]", "--all", "--format", "--output", "csv", "json"],
        ),
        ("init", &["<DIR>"]),
        ("serve", &["--port", "--host"]),
    ];
    let f = Fixture::empty();
    for (cmd, options) in cases {
        let run = f.run(&[cmd, "--help"]);
        run.assert_ok();
        for option in *options {
            assert!(
                run.stdout.contains(option),
                "`{cmd} --help` lacks {option}:\n{run}"
            );
        }
    }
}

#[test]
fn top_level_help_lists_the_subcommands() {
    let run = Fixture::empty().run(&["--help"]);
    run.assert_ok();
    for cmd in ["build", "check", "checklist", "init", "serve"] {
        assert!(run.stdout.contains(cmd), "no {cmd}:\n{run}");
    }
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let run = Fixture::skeleton().run(&["publish"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("unrecognized subcommand 'publish'"),
        "{run}"
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let run = Fixture::skeleton().run(&["build", "--dset", "out"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--dset"), "{run}");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let run = Fixture::skeleton().run(&["check", "--format", "yaml"]);
    run.assert_code(2);
    assert!(run.stderr.contains("yaml"), "{run}");
}

#[test]
fn check_on_a_valid_playbook_prints_ok_and_writes_nothing() {
    let f = Fixture::skeleton();
    let run = f.check();
    run.assert_ok();
    assert!(run.stdout.starts_with("ok:"), "{run}");
    assert!(run.stdout.contains("2 markets"), "{run}");
    assert!(!f.path("book").exists(), "check wrote a site");
}

#[test]
fn check_json_on_a_broken_playbook_lists_each_problem_with_its_place() {
    let run = Fixture::skeleton()
        .replace("content/markets/de.yaml", "region: eu", "regoin: eu")
        .run(&["check", "--format", "json"]);
    run.assert_code(1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{run}"));
    assert_eq!(doc["errors"], 1, "{run}");
    assert_eq!(doc["warnings"], 0, "{run}");
    let d = &doc["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "content/markets/de.yaml");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 1);
    assert_eq!(d["message"], "unknown field `regoin`");
    assert!(
        d["help"].as_str().is_some_and(|h| h.contains("`region`")),
        "{d}"
    );
}

#[test]
fn check_json_on_a_valid_playbook_reports_no_errors() {
    let run = Fixture::skeleton().run(&["check", "--format", "json"]);
    run.assert_ok();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["errors"], 0, "{run}");
    assert_eq!(doc["diagnostics"], serde_json::json!([]), "{run}");
}

#[test]
fn init_creates_a_playbook_that_checks_and_builds() {
    let f = Fixture::empty();
    let run = f.run(&["init", "ops"]);
    run.assert_ok();
    assert!(run.stdout.contains("created a new playbook"), "{run}");
    let root = f.path("ops");
    assert!(root.join("book.toml").is_file());
    run_in(&root, &["check"], DEFAULT_TIMEOUT).assert_ok();
    run_in(&root, &["build"], DEFAULT_TIMEOUT).assert_ok();
    assert!(root.join("book/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_that_already_has_a_playbook() {
    let f = Fixture::skeleton().replace("book.toml", "Our Operations Playbook", "Mine");
    let run = f.run(&["init", "."]);
    run.assert_code(2);
    assert!(run.stderr.contains("already exists"), "{run}");
    assert!(run.stderr.contains("never overwrites"), "{run}");
    assert!(
        f.read("book.toml").contains("title = \"Mine\""),
        "book.toml was overwritten"
    );
}

/// `init` into a folder with other files adds its own beside them and
/// says so; an empty or new folder gets no note.
#[test]
fn init_into_a_folder_that_is_not_empty_says_so() {
    let f = Fixture::empty()
        .file("ops/README.md", "# Ops\n")
        .file("ops/notes/a.txt", "x");
    let run = f.run(&["init", "ops"]);
    run.assert_ok();
    assert!(
        run.stderr.contains("note: ops was not empty: the playbook's files were added beside README.md, notes/, which were left as they were"),
        "{run}"
    );
    assert_eq!(f.read("ops/README.md"), "# Ops\n");
    let run = f.run(&["init", "fresh"]);
    run.assert_ok();
    assert!(!run.stderr.contains("note:"), "{run}");
}

/// The reader of the output goes away (`playbook checklist de 2>&1 | head
/// -c 10`, standard output and error into one closed pipe): no command
/// panics (exit 101 before), and the output simply ends.
#[test]
fn a_closed_pipe_never_panics() {
    let f = Fixture::skeleton();
    let root = f.root().to_str().expect("utf-8 path");
    for (args, code) in [
        (&["checklist", "de", "--format", "md"][..], 0),
        (&["checklist", "de", "--format", "html"], 0),
        (&["checklist", "nope"], 2),
        (&["check"], 0),
        (&["check", "--format", "json"], 0),
        // `status` reports the closed pipe as a failure to write (exit 1).
        (&["status", "--as-of", "2027-03-01"], 1),
        (&["progress", "de", "no/such-task"], 2),
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader); // `head` has read its bytes and left
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_playbook"))
            .arg("--root")
            .arg(root)
            .args(args)
            .stdout(writer.try_clone().expect("a second end"))
            .stderr(writer)
            .status()
            .expect("run playbook");
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn build_without_book_toml_is_a_usage_error_that_suggests_root_or_init() {
    let run = Fixture::empty().build();
    run.assert_code(2);
    let e = &run.errors()[0];
    assert!(e.message.contains("book.toml"), "{run}");
    assert!(e.help().contains("--root"), "{run}");
    assert!(e.help().contains("playbook init"), "{run}");
}

#[test]
fn root_flag_finds_the_playbook_from_another_folder() {
    let f = Fixture::skeleton();
    let elsewhere = Fixture::empty();
    let root = f.root().to_str().expect("utf-8 path");
    elsewhere.run(&["--root", root, "check"]).assert_ok();
    elsewhere.run(&["build", "--root", root]).assert_ok();
    assert!(
        f.path("book/index.html").is_file(),
        "the site goes under --root"
    );
    assert!(
        !elsewhere.path("book").exists(),
        "nothing is written in the working folder"
    );
}

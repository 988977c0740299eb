//! Fuzzing in `cargo test`: a short, seeded run of each target of the
//! fuzzer (`cargo run --release --example fuzz -- <target> --seconds N`,
//! see tests/README.md) over this repository's own playbook, and the
//! regression tests for what longer runs found.
//!
//! The seed is fixed, so a run tries the same inputs in the same order;
//! how many it gets through in its time depends on the machine.

use crate::support::Fixture;
use std::path::Path;
use std::time::Duration;

#[path = "../../examples/fuzz/engine.rs"]
#[allow(dead_code)]
mod engine;

use engine::{Options, Target};

/// Fuzz `target` for a few seconds and fail with every panic's message and input.
fn fuzz_briefly(target: Target) {
    let out = tempfile::tempdir().unwrap();
    let opts = Options {
        target,
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        duration: Duration::from_secs(3),
        max_inputs: None,
        seed: 13,
        out_dir: out.path().to_path_buf(),
        hang_after: Duration::from_secs(60),
    };
    let r = engine::run(&opts);
    assert!(r.tried > 0, "{}: no input was tried", target.name());
    let crashes: Vec<String> = r
        .crashes
        .iter()
        .map(|c| {
            let input = std::fs::read(&c.saved).unwrap_or_default();
            format!(
                "panic in place of {}: {}\ninput:\n{}",
                c.replaced,
                c.message,
                String::from_utf8_lossy(&input)
            )
        })
        .collect();
    assert!(
        crashes.is_empty(),
        "{}: {} of {} inputs panicked:\n{}",
        target.name(),
        crashes.len(),
        r.tried,
        crashes.join("\n\n")
    );
}

#[test]
fn fuzz_yaml_content_files_briefly() {
    fuzz_briefly(Target::Yaml);
}

#[test]
fn fuzz_markdown_front_matter_and_references_briefly() {
    fuzz_briefly(Target::Markdown);
}

#[test]
fn fuzz_applies_to_rules_briefly() {
    fuzz_briefly(Target::Rules);
}

#[test]
fn fuzz_book_toml_briefly() {
    fuzz_briefly(Target::Toml);
}

/// Found by the `rules` target: a rule value `""` made the old text-search
/// place finder look for the empty string forever, so `check`, `build` and
/// `serve` hung on `tags: [""]` (places now come from the YAML's spans; this
/// keeps it so).
#[test]
fn an_empty_rule_value_is_an_error_not_a_hang() {
    let run = Fixture::skeleton()
        .replace(
            "content/frameworks/launch/compliance.yaml",
            "applies_to:\n                  tags: [new-language]",
            "applies_to:\n                  tags: [\"\"]",
        )
        .check();
    let e = run.only_error();
    assert!(e.message.contains("unknown tag ``"), "{run}");
    assert!(
        e.place()
            .starts_with("content/frameworks/launch/compliance.yaml:"),
        "{run}"
    );
}

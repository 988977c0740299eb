//! Translations as content (`content/i18n/<lang>/`): `playbook check` knows
//! every key and field a translation names, says which translations are
//! stale (their source changed since) and how much each language has; a
//! mistake is placed at its line like any other content error.

use crate::support::Fixture;
use sha2::{Digest, Sha256};

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The skeleton with `languages = ["de"]` and a German translation of
/// Germany's market file made from its current text.
fn translated(entries: &str) -> Fixture {
    let fx = Fixture::skeleton().replace(
        "book.toml",
        "description = ",
        "languages = [\"de\"]\ndescription = ",
    );
    let hash = sha256(fx.read("content/markets/de.yaml").as_bytes());
    fx.file(
        "content/i18n/de/markets/de.yaml",
        format!("source:\n  sha256: {hash}\n  translated: 2026-12-01\nentries:\n{entries}"),
    )
}

#[test]
fn a_current_translation_checks_clean_and_is_counted_per_language() {
    let fx = translated(
        "  market:de:\n    name: Deutschland\n    summary: Unser erster EU-Markt; siehe [[step:regulatory-mapping|Regulierung]].\n",
    );
    let run = fx.check();
    run.assert_ok();
    assert!(run.warnings().is_empty(), "{:?}", run.warnings());
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("de: "))
        .unwrap_or_else(|| panic!("no line for de in:\n{}", run.stdout));
    assert!(
        line.contains("1 translation file (0 stale), 2 texts translated"),
        "{line}"
    );
}

#[test]
fn a_translation_whose_source_changed_is_reported_stale_with_the_hash_to_record() {
    let fx = translated("  market:de:\n    name: Deutschland\n").replace(
        "content/markets/de.yaml",
        "currency: EUR",
        "currency: EUR\n# edited after the translation",
    );
    let now = sha256(fx.read("content/markets/de.yaml").as_bytes());
    let run = fx.check();
    run.assert_ok();
    let w = run.warnings();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].message
            .contains("is stale: content/markets/de.yaml changed"),
        "{}",
        w[0]
    );
    assert!(w[0].message.contains("2026-12-01"), "{}", w[0]);
    assert_eq!(w[0].place(), "content/i18n/de/markets/de.yaml:2:3");
    assert!(w[0].help().contains(&now), "{}", w[0]);
    assert!(
        run.stdout.contains("de: 1 translation file (1 stale)"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_unknown_key_is_an_error_at_its_line_with_the_nearest_key() {
    let fx = translated("  market:de:\n    name: Deutschland\n  market:dee:\n    name: X\n");
    let run = fx.check();
    run.assert_code(1);
    let e = run.only_error();
    assert!(
        e.message
            .contains("`market:dee` names nothing in the playbook"),
        "{e}"
    );
    assert_eq!(e.place(), "content/i18n/de/markets/de.yaml:7:3");
    assert!(e.help().contains("did you mean `market:de`?"), "{e}");
    // A build refuses it too and keeps nothing half-made.
    fx.build().assert_code(1);
}

#[test]
fn an_unknown_field_names_the_fields_the_entry_has() {
    let run = translated("  market:de:\n    nmae: Deutschland\n").check();
    run.assert_code(1);
    let e = run.only_error();
    assert!(
        e.message.contains("`market:de` has no text field `nmae`"),
        "{e}"
    );
    assert_eq!(e.place(), "content/i18n/de/markets/de.yaml:6:5");
    assert!(e.help().contains("did you mean `name`?"), "{e}");
}

#[test]
fn a_key_of_another_file_must_be_translated_beside_that_file() {
    let run = translated("  regulation:gdpr:\n    name: DSGVO\n").check();
    run.assert_code(1);
    let e = run.only_error();
    assert!(
        e.message
            .contains("`regulation:gdpr` is written in content/regulations/gdpr.yaml"),
        "{e}"
    );
}

#[test]
fn a_translation_without_a_source_file_is_an_error() {
    let fx = translated("  market:de:\n    name: Deutschland\n").file(
        "content/i18n/de/markets/xx.yaml",
        "source:\n  sha256: 0000000000000000000000000000000000000000000000000000000000000000\n  translated: 2026-12-01\nentries: {}\n",
    );
    let run = fx.check();
    run.assert_code(1);
    let e = run.only_error();
    assert!(
        e.message
            .contains("there is no source file for this translation"),
        "{e}"
    );
    assert_eq!(e.file.as_deref(), Some("content/i18n/de/markets/xx.yaml"));
}

#[test]
fn a_dropped_reference_and_an_undeclared_language_are_warnings() {
    let fx = translated("  market:de:\n    summary: Unser erster EU-Markt.\n").file(
        "content/i18n/fr/markets/de.yaml",
        "source:\n  sha256: 0000000000000000000000000000000000000000000000000000000000000000\n  translated: 2026-12-01\nentries: {}\n",
    );
    let run = fx.check();
    run.assert_ok();
    let messages: Vec<String> = run.warnings().iter().map(|w| w.message.clone()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("drops the reference [[step:regulatory-mapping]]")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("content/i18n/fr/ holds translations to `fr`")),
        "{messages:?}"
    );
}

#[test]
fn malformed_translation_yaml_is_placed_like_any_content_error() {
    let fx = translated("  market:de:\n    name: Deutschland\n").file(
        "content/i18n/de/regulations/gdpr.yaml",
        "source:\n  sha: abc\n  translated: 2026-12-01\n",
    );
    let run = fx.check();
    run.assert_code(1);
    let e = run.errors().into_iter().next().unwrap();
    assert_eq!(
        e.file.as_deref(),
        Some("content/i18n/de/regulations/gdpr.yaml"),
        "{e}"
    );
    assert!(e.line >= 2, "{e}");
}

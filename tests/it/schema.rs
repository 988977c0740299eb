//! `playbook schema` and the schemas `init` writes, checked by an
//! independent validator (the `jsonschema` crate): every YAML file, front
//! matter and book.toml of the real playbook and of a fresh `init` is valid
//! against the schema its editor settings map it to; bad files (an unknown
//! field, a wrong type, a missing required field, a value outside a closed
//! set) fail both the schema and `playbook check`; the schemas and
//! `.vscode/settings.json` committed for this repository's playbook are the
//! ones `playbook schema` writes today.

use crate::support::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The repository's own playbook.
fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A glob of `yaml.schemas`: `*` matches within one path segment.
fn glob_matches(glob: &str, path: &str) -> bool {
    let (g, p): (Vec<&str>, Vec<&str>) = (glob.split('/').collect(), path.split('/').collect());
    g.len() == p.len()
        && g.iter().zip(&p).all(|(g, p)| match g.split_once('*') {
            None => g == p,
            Some((pre, post)) => {
                p.len() >= pre.len() + post.len() && p.starts_with(pre) && p.ends_with(post)
            }
        })
}

/// A playbook's schemas, by file name, read from its schema folder.
fn schemas(root: &Path) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for name in entries(&root.join("schemas")) {
        let text = std::fs::read_to_string(root.join("schemas").join(&name)).unwrap();
        let v: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("schemas/{name} is not JSON: {e}"));
        out.insert(name, v);
    }
    out
}

/// Validate `instance` against `schema`; the error messages (empty = valid).
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("not a valid schema: {e}"));
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// A content file as JSON: a YAML file whole, or a Markdown file's front matter.
fn content_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let yaml = if path.extension().is_some_and(|e| e == "md") {
        let (start, end, _) =
            playbook_content::load::split_front_matter(&text).expect("front matter");
        text[start..end].to_string()
    } else {
        text
    };
    serde_yaml_json(&yaml)
}

fn serde_yaml_json(yaml: &str) -> Value {
    // Through the same YAML reader the loader uses: the schema sees the
    // values check sees (an unquoted date is a string in YAML 1.2).
    serde_yaml::from_str::<Value>(yaml).unwrap_or_else(|e| panic!("not YAML: {e}"))
}

fn book_json(root: &Path) -> Value {
    let text = std::fs::read_to_string(root.join("book.toml")).unwrap();
    let t: toml::Table = toml::from_str(&text).unwrap();
    toml_json(toml::Value::Table(t))
}

/// A TOML value as JSON the way TOML editors validate it against a JSON
/// Schema: a date (`kickoff = 2026-11-02`) is its text.
fn toml_json(v: toml::Value) -> Value {
    match v {
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_json(v))).collect())
        }
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_json).collect()),
        other => serde_json::to_value(other).unwrap(),
    }
}

/// Every content file of the playbook at `root`, `/`-separated and relative.
fn content_files(root: &Path) -> Vec<String> {
    read_tree(&root.join("content"))
        .into_keys()
        .map(|k| format!("content/{k}"))
        .collect()
}

/// Validate every file of the playbook at `root` against the schema its
/// settings map it to (front matter and book.toml by their schema's name);
/// returns how many files were checked.
fn validate_playbook(root: &Path) -> usize {
    let schemas = schemas(root);
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let map = settings["yaml.schemas"].as_object().expect("yaml.schemas");
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in content_files(root) {
        let schema_name = if file.ends_with(".md") {
            let kind = if file.starts_with("content/story/") {
                "chapter"
            } else {
                "research"
            };
            format!("{kind}.schema.json")
        } else {
            let matching: Vec<&String> = map
                .iter()
                .filter(|(_, globs)| {
                    globs
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|g| glob_matches(g.as_str().unwrap(), &file))
                })
                .map(|(k, _)| k)
                .collect();
            assert_eq!(
                matching.len(),
                1,
                "{file} is mapped to {matching:?}: every YAML file needs exactly one schema"
            );
            matching[0].rsplit('/').next().unwrap().to_string()
        };
        let schema = &schemas[&schema_name];
        for e in errors(schema, &content_json(&root.join(&file))) {
            problems.push(format!("{file} ({schema_name}): {e}"));
        }
        checked += 1;
    }
    for e in errors(&schemas["book.schema.json"], &book_json(root)) {
        problems.push(format!("book.toml: {e}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    checked + 1
}

#[test]
fn every_file_of_the_real_playbook_is_valid_against_its_schema() {
    let n = validate_playbook(repo());
    assert!(n > 60, "only {n} files checked");
}

#[test]
fn a_new_playbook_has_schemas_and_editor_settings_that_its_files_satisfy() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pb");
    run_in(tmp.path(), &["init", "pb"], DEFAULT_TIMEOUT).assert_ok();
    let names = entries(&dir.join("schemas"));
    for kind in [
        "book",
        "roles",
        "framework",
        "component",
        "phase",
        "metrics",
        "market",
        "regulation",
        "expert",
        "progress",
        "research",
        "chapter",
    ] {
        assert!(
            names.contains(&format!("{kind}.schema.json")),
            "{kind}: {names:?}"
        );
    }
    // A progress file as `playbook progress` writes it.
    run_in(
        &dir,
        &[
            "progress",
            "de",
            "regulatory-mapping/regulation-inventory",
            "--on",
            "2027-03-02",
            "--by",
            "Anna",
        ],
        DEFAULT_TIMEOUT,
    )
    .assert_ok();
    assert!(dir.join("content/progress/de.yaml").exists());
    assert!(validate_playbook(&dir) >= 11);
    // The closed sets are the new playbook's own.
    let market = &schemas(&dir)["component.schema.json"];
    assert_eq!(
        market["definitions"]["RoleId"]["enum"],
        serde_json::json!(["legal", "localization", "ops-lead"])
    );
    assert_eq!(
        market["definitions"]["Tag"]["enum"],
        serde_json::json!(["new-language"])
    );
    // book.toml points TOML editors at its schema.
    assert!(std::fs::read_to_string(dir.join("book.toml"))
        .unwrap()
        .starts_with("#:schema ./schemas/book.schema.json\n"));
}

#[test]
fn init_refuses_a_folder_that_has_editor_settings_and_writes_nothing() {
    let f = Fixture::empty().file(".vscode/settings.json", "{\"editor.tabSize\": 2}\n");
    let run = f.run(&["init", "."]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("settings.json already exists"),
        "{}",
        run.stderr
    );
    assert_eq!(entries(f.root()), [".vscode"]);
    assert_eq!(f.read(".vscode/settings.json"), "{\"editor.tabSize\": 2}\n");
}

#[test]
fn the_committed_schemas_and_editor_settings_are_what_playbook_schema_writes() {
    let (raw, _) = playbook_content::load::load_content(repo());
    let out = playbook_content::schema::for_content(&raw, "schemas");
    let hint = "run `cargo run -- schema` and commit schemas/ and .vscode/settings.json";
    let committed = entries(&repo().join("schemas"));
    let mut made: Vec<String> = out.files.iter().map(|f| f.name.clone()).collect();
    made.sort();
    assert_eq!(committed, made, "schemas/ has other files; {hint}");
    for f in &out.files {
        let now = std::fs::read_to_string(repo().join("schemas").join(&f.name)).unwrap();
        assert!(
            now == f.text,
            "schemas/{} is stale:\n{}\n{hint}",
            f.name,
            first_difference(&now, &f.text)
        );
    }
    let settings = std::fs::read_to_string(repo().join(".vscode/settings.json")).unwrap();
    let ours = playbook_content::schema::vscode::settings_text(&out.yaml_schemas);
    assert!(
        settings == ours,
        ".vscode/settings.json is stale:\n{}\n{hint}",
        first_difference(&settings, &ours)
    );
}

#[test]
fn playbook_schema_writes_the_schemas_and_keeps_other_editor_settings() {
    let f = Fixture::skeleton().file(".vscode/settings.json", "{\"editor.tabSize\": 2}\n");
    let run = f.run(&["schema"]);
    run.assert_ok();
    assert!(run.stdout.contains("wrote 14 schemas"), "{}", run.stdout);
    let settings: Value = serde_json::from_str(&f.read(".vscode/settings.json")).unwrap();
    assert_eq!(settings["editor.tabSize"], 2);
    assert_eq!(
        settings["yaml.schemas"]["./schemas/component.schema.json"],
        serde_json::json!(["content/frameworks/launch/compliance.yaml"])
    );
    // Run again: nothing to change.
    let again = f.run(&["schema"]);
    assert!(
        again.stdout.contains("already maps them"),
        "{}",
        again.stdout
    );
    // A settings file with comments is left alone, and the setting is shown.
    let commented = "{\n  // mine\n  \"editor.tabSize\": 4\n}\n";
    let f = f.file(".vscode/settings.json", commented);
    let run = f.run(&["schema"]);
    run.assert_ok();
    assert_eq!(f.read(".vscode/settings.json"), commented);
    assert!(
        run.stderr.contains("\"./schemas/market.schema.json\""),
        "{}",
        run.stderr
    );
    // -o outside the playbook: schemas only.
    let out = tempfile::tempdir().unwrap();
    let run = f.run(&["schema", "-o", out.path().to_str().unwrap()]);
    run.assert_ok();
    assert_eq!(entries(out.path()).len(), 14);
    assert!(
        run.stdout.contains("outside the playbook"),
        "{}",
        run.stdout
    );
}

/// A bad edit of one skeleton file: it must fail its schema and `playbook check`.
fn assert_refused_by_both(file: &str, schema: &str, from: &str, to: &str, check_says: &str) {
    let base = Fixture::skeleton();
    base.run(&["schema"]).assert_ok();
    let f = base.replace(file, from, to);
    let schema_v: Value =
        serde_json::from_str(&f.read(&format!("schemas/{schema}.schema.json"))).unwrap();
    let errs = errors(&schema_v, &content_json(&f.path(file)));
    assert!(
        !errs.is_empty(),
        "{file} with `{to}` passes {schema}.schema.json"
    );
    let run = f.check();
    run.assert_code(1);
    assert!(
        run.errors().iter().any(|e| e.message.contains(check_says)),
        "check did not say `{check_says}`:\n{}",
        run.stderr
    );
}

#[test]
fn an_unknown_field_fails_the_schema_and_check() {
    assert_refused_by_both(
        "content/markets/de.yaml",
        "market",
        "currency:",
        "curency:",
        "unknown field `curency`",
    );
}

#[test]
fn a_wrong_type_fails_the_schema_and_check() {
    assert_refused_by_both(
        "content/story/01-first-market.md",
        "chapter",
        "act: 1",
        "act: one",
        "wrong type: string \"one\", expected u32 (at `act`)",
    );
}

#[test]
fn a_missing_required_field_fails_the_schema_and_check() {
    assert_refused_by_both(
        "content/regulations/gdpr.yaml",
        "regulation",
        "jurisdiction:",
        "# jurisdiction:",
        "missing field `jurisdiction`",
    );
}

#[test]
fn a_value_outside_a_closed_set_fails_the_schema_and_check() {
    assert_refused_by_both(
        "content/frameworks/launch/compliance.yaml",
        "component",
        "owner: legal",
        "owner: lawyer",
        "lawyer",
    );
    assert_refused_by_both(
        "content/frameworks/launch/compliance.yaml",
        "component",
        "tags: [new-language]",
        "tags: [new-languages]",
        "new-languages",
    );
}

#[test]
fn an_id_that_is_not_a_slug_fails_the_schema_and_check() {
    assert_refused_by_both(
        "content/regulations/gdpr.yaml",
        "regulation",
        "id: gdpr",
        "id: GDPR",
        "not a slug",
    );
}

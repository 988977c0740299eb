//! The module map's rules that the compiler does not check.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Every crate of the workspace: its name and its `src/` folder (the
/// binary's own at the root, the libraries under `crates/`).
fn crate_sources() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![("playbook".to_string(), root.join("src"))];
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    dirs.sort();
    for d in dirs {
        let name = format!(
            "playbook-{}",
            d.file_name()
                .and_then(|n| n.to_str())
                .expect("a UTF-8 name")
        );
        out.push((name, d.join("src")));
    }
    out
}

/// The top-level modules of each crate (as `crate/module`) and, for each,
/// the other top-level modules of the same crate its code names as
/// `crate::<module>`, with one line that does. Cargo keeps crates from
/// importing each other in a circle; inside a crate only this test does.
/// Test code is left out (`#[cfg(test)]` and what follows it in a file,
/// `testing.rs`, `tests.rs` and `*_tests.rs`): a test may build a playbook
/// with the stages above the one it tests.
fn imports() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (krate, src) in crate_sources() {
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let top_of = |p: &Path| -> String {
            let rel = p.strip_prefix(&src).expect("under src/");
            let first = rel.components().next().expect("a first component");
            let name = first.as_os_str().to_str().expect("a UTF-8 name");
            name.trim_end_matches(".rs").to_string()
        };
        let modules: BTreeSet<String> = files
            .iter()
            .map(|p| top_of(p))
            .filter(|m| m != "main" && m != "lib")
            .collect();
        for f in &files {
            let top = top_of(f);
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !modules.contains(&top)
                || name == "testing.rs"
                || name == "tests.rs"
                || name.ends_with("_tests.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(f).expect("a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for piece in line.split("crate::").skip(1) {
                    let used: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
                        .collect();
                    if used != top && modules.contains(&used) {
                        let rel = f
                            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
                            .expect("under the repository")
                            .display();
                        out.entry(format!("{krate}/{top}"))
                            .or_default()
                            .entry(format!("{krate}/{used}"))
                            .or_insert_with(|| format!("{rel}:{}: {}", n + 1, line.trim()));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_two_top_level_modules_import_each_other_even_through_others() {
    let graph = imports();
    // For each module, every module it reaches; a module that reaches
    // itself is on a cycle.
    let mut problems = Vec::new();
    for start in graph.keys() {
        let mut path_to: BTreeMap<&str, &str> = BTreeMap::new();
        let mut todo = vec![start.as_str()];
        while let Some(at) = todo.pop() {
            for next in graph.get(at).map(|m| m.keys()).into_iter().flatten() {
                if next == start {
                    let mut chain = vec![at];
                    while let Some(&prev) = path_to.get(chain[chain.len() - 1]) {
                        chain.push(prev);
                    }
                    chain.reverse();
                    let lines: Vec<String> = chain
                        .iter()
                        .zip(chain.iter().skip(1).chain(std::iter::once(&start.as_str())))
                        .map(|(a, b)| graph[*a][*b].clone())
                        .collect();
                    problems.push(format!(
                        "{} -> {start}:\n  {}",
                        chain.join(" -> "),
                        lines.join("\n  ")
                    ));
                } else if next != start && !path_to.contains_key(next.as_str()) {
                    path_to.insert(next, at);
                    todo.push(next);
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "import cycles between top-level modules (ARCHITECTURE.md, Invariants):\n{}",
        problems.join("\n")
    );
    assert!(
        graph.len() > 15,
        "only {} modules import others",
        graph.len()
    );
}

/// The playbook crates (and `tokio`, `axum`, `ureq`) each crate's
/// `Cargo.toml` depends on, dev-dependencies aside.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (krate, src) in crate_sources() {
        let manifest = src.parent().expect("a crate folder").join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).expect("a Cargo.toml");
        let doc: toml::Table = text.parse().expect("Cargo.toml is TOML");
        let mut deps = BTreeSet::new();
        let mut tables = vec![doc.get("dependencies")];
        if let Some(targets) = doc.get("target").and_then(|t| t.as_table()) {
            tables.extend(targets.values().map(|t| t.get("dependencies")));
        }
        for table in tables.into_iter().flatten() {
            for name in table.as_table().expect("a table of dependencies").keys() {
                if name.starts_with("playbook")
                    || ["tokio", "axum", "ureq"].contains(&name.as_str())
                {
                    deps.insert(name.clone());
                }
            }
        }
        out.insert(krate, deps);
    }
    out
}

#[test]
fn each_crate_depends_only_on_the_crates_below_it() {
    // The layers, lowest first (ARCHITECTURE.md, "Crates"): a crate may
    // use what is below it, never what is beside or above it.
    let allowed: &[(&str, &[&str])] = &[
        ("playbook-content", &[]),
        ("playbook-plan", &["playbook-content"]),
        ("playbook-site", &["playbook-content", "playbook-plan"]),
        ("playbook-output", &["playbook-content", "playbook-site"]),
        (
            "playbook-preview",
            &["playbook-content", "playbook-plan", "playbook-site"],
        ),
        ("playbook-links", &["playbook-content", "playbook-output"]),
    ];
    let deps = dependencies();
    let crates: BTreeSet<&str> = deps.keys().map(String::as_str).collect();
    let listed: BTreeSet<&str> = allowed
        .iter()
        .map(|(c, _)| *c)
        .chain(["playbook"])
        .collect();
    assert_eq!(
        crates, listed,
        "a crate was added or removed: give it its layer here"
    );
    for (krate, may) in allowed {
        let uses: BTreeSet<&str> = deps[*krate]
            .iter()
            .map(String::as_str)
            .filter(|d| d.starts_with("playbook"))
            .collect();
        let extra: Vec<&&str> = uses.iter().filter(|d| !may.contains(d)).collect();
        assert!(
            extra.is_empty(),
            "{krate} depends on {extra:?}, which is not below it"
        );
    }
}

#[test]
fn only_the_preview_knows_tokio_and_axum_and_only_the_link_checker_speaks_http() {
    for (krate, deps) in dependencies() {
        for (dep, owner) in [
            ("tokio", "playbook-preview"),
            ("axum", "playbook-preview"),
            ("ureq", "playbook-links"),
        ] {
            assert!(
                !deps.contains(dep) || krate == owner,
                "{krate} depends on {dep}; only {owner} may"
            );
        }
    }
}

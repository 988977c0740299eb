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

/// The top-level modules of `src/` and, for each, the other top-level
/// modules its code names as `crate::<module>`, with one line that does.
/// Test code is left out (`#[cfg(test)]` and what follows it in a file,
/// `testing.rs` and `tests.rs`): a test may build a playbook with the
/// stages above the one it tests.
fn imports() -> BTreeMap<String, BTreeMap<String, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
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
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for f in &files {
        let top = top_of(f);
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !modules.contains(&top) || name == "testing.rs" || name == "tests.rs" {
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
                    let rel = f.strip_prefix(&src).expect("under src/").display();
                    out.entry(top.clone())
                        .or_default()
                        .entry(used)
                        .or_insert_with(|| format!("src/{rel}:{}: {}", n + 1, line.trim()));
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
        graph.len() > 20,
        "only {} modules import others",
        graph.len()
    );
}

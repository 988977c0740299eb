//! `playbook schema [-o DIR]`: write the JSON Schemas of this playbook
//! (`playbook_content::schema`) and map them in `.vscode/settings.json`.

use super::{eprint_diags, EXIT_OK, EXIT_USAGE};
use playbook_content::schema::vscode::{self, Update, SETTINGS_PATH};
use std::path::{Component, Path, PathBuf};

pub(super) fn run(root: &Path, output: Option<PathBuf>) -> i32 {
    if !root.join("book.toml").exists() {
        eprintln!(
            "error: no book.toml in {}\n  = help: run playbook schema in a playbook's root folder, or pass --root DIR",
            root.display()
        );
        return EXIT_USAGE;
    }
    let dir = output.unwrap_or_else(|| root.join(playbook_content::schema::DEFAULT_DIR));
    // The checks `checklist -o` has: not into the sources, not into a site.
    if let Err(d) = playbook_output::destination::check_file(root, &dir) {
        eprint!("{}", d.render_text());
        return EXIT_USAGE;
    }
    let (raw, diags) = playbook_content::load::load_content(root);
    let rel = inside(root, &dir);
    let out = playbook_content::schema::for_content(&raw, rel.as_deref().unwrap_or("schemas"));
    for f in &out.files {
        if let Err(d) = playbook_output::write_file(&dir.join(&f.name), f.text.as_bytes()) {
            eprint!("{}", d.render_text());
            return EXIT_USAGE;
        }
    }
    println!("wrote {} schemas to {}", out.files.len(), dir.display());
    match rel {
        Some(_) => {
            let path = root.join(SETTINGS_PATH);
            let existing = std::fs::read_to_string(&path).ok();
            match vscode::update(existing.as_deref(), &out.yaml_schemas) {
                Update::Unchanged => println!("{SETTINGS_PATH} already maps them"),
                Update::Write(text) => {
                    if let Err(d) = playbook_output::write_file(&path, text.as_bytes()) {
                        eprint!("{}", d.render_text());
                        return EXIT_USAGE;
                    }
                    println!("mapped them in {SETTINGS_PATH} (yaml.schemas)");
                }
                Update::LeaveAlone => {
                    eprintln!(
                        "note: {SETTINGS_PATH} is not plain JSON (comments?), so it was left alone; set its \"yaml.schemas\" to:\n{}",
                        playbook_content::schema::pretty_json(&out.yaml_schemas)
                    );
                }
            }
        }
        None => println!(
            "{} is outside the playbook: {SETTINGS_PATH} left as it is",
            dir.display()
        ),
    }
    if diags.has_errors() {
        eprint_diags(&diags);
        eprintln!(
            "note: the playbook has errors (above); the schemas list the roles, regions, tags, markets and regulations of the files that loaded"
        );
    }
    EXIT_OK
}

/// `dir` relative to `root`, `/`-separated, when it is inside it.
fn inside(root: &Path, dir: &Path) -> Option<String> {
    let root = std::path::absolute(root).ok()?;
    let dir = std::path::absolute(dir).ok()?;
    let rel = dir.strip_prefix(&root).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?.to_string()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

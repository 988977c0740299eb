//! `playbook init DIR`: a small new playbook that builds and shows every
//! kind, with its JSON Schemas and the editor settings that map them.

use super::{EXIT_OK, EXIT_USAGE};
use playbook_content::schema::{kinds, vscode::SETTINGS_PATH, DEFAULT_DIR};
use std::path::Path;

pub(super) fn run(dir: &Path, theme: bool) -> i32 {
    let before = already_there(dir);
    match write(dir, theme) {
        Ok(()) => {
            if !before.is_empty() {
                let shown: Vec<&str> = before.iter().take(3).map(String::as_str).collect();
                let more = match before.len() {
                    n if n > 3 => format!(" and {} more", n - 3),
                    _ => String::new(),
                };
                eprintln!(
                    "note: {} was not empty: the playbook's files were added beside {}{more}, which were left as they were",
                    dir.display(),
                    shown.join(", ")
                );
            }
            println!(
                "created a new playbook in {}, with editor schemas in schemas/ and .vscode/settings.json (docs/schemas.md)\n\nnext:\n  cd {}\n  playbook serve      # preview with live reload\n  playbook build      # write the site to book/",
                dir.display(),
                dir.display()
            );
            EXIT_OK
        }
        Err(d) => {
            eprint!("{}", d.render_text());
            EXIT_USAGE
        }
    }
}

fn write(dir: &Path, theme: bool) -> Result<(), playbook_content::diag::Diagnostic> {
    let mut files = playbook_site::skeleton::files();
    if theme {
        files.extend(playbook_site::skeleton::theme_files());
    }
    // Nothing is written when any file init would write exists, the
    // schemas and editor settings included.
    let schema_paths: Vec<String> = kinds()
        .map(|k| format!("{DEFAULT_DIR}/{}", k.file_name()))
        .chain([SETTINGS_PATH.to_string()])
        .collect();
    playbook_output::refuse_existing(dir, schema_paths.iter().map(String::as_str))?;
    playbook_output::write_new_files(dir, &files)?;
    // The schemas are this playbook's: made from the skeleton just written.
    let (raw, _) = playbook_content::load::load_content(dir);
    let out = playbook_content::schema::for_content(&raw, DEFAULT_DIR);
    let mut more: Vec<(String, String)> = out
        .files
        .into_iter()
        .map(|f| (format!("{DEFAULT_DIR}/{}", f.name), f.text))
        .collect();
    more.push((
        SETTINGS_PATH.to_string(),
        playbook_content::schema::vscode::settings_text(&out.yaml_schemas),
    ));
    playbook_output::write_new_files(dir, &more)
}

/// What a folder holds before `init` writes into it (names, sorted; a
/// folder with a `/`); empty for a new or empty folder.
fn already_there(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = rd
        .filter_map(|e| {
            let e = e.ok()?;
            let mut n = e.file_name().to_string_lossy().into_owned();
            if e.file_type().ok()?.is_dir() {
                n.push('/');
            }
            Some(n)
        })
        .collect();
    names.sort();
    names
}

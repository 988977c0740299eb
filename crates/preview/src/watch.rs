//! File watching: debounce raw notify events, drop editor droppings and the
//! output folder, and classify what changed so the rebuild policy can decide
//! how much to redo.

use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// What kind of source changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// A file under content/.
    Content,
    /// A template.
    Templates,
    /// A theme asset.
    Theme,
    /// book.toml.
    Config,
}

/// True for files editors write beside the real one: vim swap/backup files,
/// emacs lock files, `4913` probes, `~` backups, temp files.
pub fn is_editor_dropping(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name == "4913"
        || name.ends_with(".tmp")
        || name.contains(".tmp-")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".goutputstream")
}

/// Classify a changed path relative to the playbook root; `None` = ignore it.
/// Only the sources count: the output folder (`build-dir`) needs no rule of
/// its own, as it can never lie inside them (`output::destination` refuses
/// a destination in `content/`, `templates/`, `theme/` or `book.toml`).
pub fn classify(root: &Path, path: &Path) -> Option<ChangeKind> {
    if is_editor_dropping(path) {
        return None;
    }
    let rel = path.strip_prefix(root).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        "content" => Some(ChangeKind::Content),
        "templates" => Some(ChangeKind::Templates),
        "theme" => Some(ChangeKind::Theme),
        "book.toml" => Some(ChangeKind::Config),
        _ => None,
    }
}

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
}

/// Watch `root` (book.toml, content/, templates/, theme/) and send each debounced batch's changes.
pub fn watch(root: &Path, tx: mpsc::Sender<Vec<ChangeKind>>) -> Result<Watcher, String> {
    let root_c: PathBuf = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let root_for_cb = root_c.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(10),
        None,
        move |res: DebounceEventResult| {
            let Ok(events) = res else { return };
            let mut kinds: Vec<ChangeKind> = events
                .iter()
                // Reading a file is an event too (inotify access/close): only writes count.
                .filter(|e| {
                    !matches!(
                        e.kind,
                        notify::EventKind::Access(_) | notify::EventKind::Other
                    )
                })
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| classify(&root_for_cb, p))
                .collect();
            kinds.sort();
            kinds.dedup();
            if !kinds.is_empty() {
                let _ = tx.send(kinds);
            }
        },
    )
    .map_err(|e| format!("cannot start the file watcher: {e}"))?;
    debouncer
        .watch(&root_c, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root_c.display()))?;
    for d in ["content", "templates", "theme"] {
        let p = root_c.join(d);
        if p.is_dir() {
            debouncer
                .watch(&p, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", p.display()))?;
        }
    }
    Ok(Watcher {
        _debouncer: debouncer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_droppings_are_ignored() {
        for n in [
            ".#de.yaml",
            "de.yaml~",
            ".de.yaml.swp",
            "4913",
            "x.tmp-123",
            "#de.yaml#",
        ] {
            assert!(is_editor_dropping(Path::new(n)), "{n}");
        }
        assert!(!is_editor_dropping(Path::new("de.yaml")));
    }

    #[test]
    fn changes_are_classified_by_folder() {
        let r = Path::new("/pb");
        assert_eq!(
            classify(r, Path::new("/pb/content/markets/de.yaml")),
            Some(ChangeKind::Content)
        );
        assert_eq!(
            classify(r, Path::new("/pb/templates/step.html")),
            Some(ChangeKind::Templates)
        );
        assert_eq!(
            classify(r, Path::new("/pb/theme/style.css")),
            Some(ChangeKind::Theme)
        );
        assert_eq!(
            classify(r, Path::new("/pb/book.toml")),
            Some(ChangeKind::Config)
        );
        assert_eq!(classify(r, Path::new("/pb/book/index.html")), None);
        assert_eq!(classify(r, Path::new("/pb/target/x")), None);
    }
}

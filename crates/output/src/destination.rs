//! Where a build may write its site, decided before anything is written.
//!
//! A build replaces its output folder as a whole, so pointing it at the
//! wrong folder must never cost a user a file. [`check`] allows a
//! destination only when it is absent, an empty folder, or a site Playbook
//! built (it carries [`SITE_MARKER`]); any other folder needs `--force`.
//! Some places are refused whatever the flags say: the playbook's root, a
//! folder that contains it, anything at or under its sources (`content/`,
//! `templates/`, `theme/`, `book.toml`), its cache folder or `.git`, the file
//! system root and the home folder.

use playbook_content::diag::Diagnostic;
use std::path::{Component, Path, PathBuf};

/// The file every site Playbook writes carries at its top: the proof that
/// the folder is Playbook's to replace.
pub const SITE_MARKER: &str = ".playbook-site";

/// The text of [`SITE_MARKER`]: what a person who finds it should know.
pub const SITE_MARKER_TEXT: &str =
    "This folder is a site built by Playbook (https://example.invalid/playbook).\n\
Every `playbook build` replaces it as a whole: keep no files of your own here.\n";

/// The one folder inside the playbook root where what lasts between builds
/// lives (the previous site, recycled by the next build; the search index's
/// cache). Safe to delete at any time; `playbook init` git-ignores it.
pub const CACHE_DIR: &str = ".playbook-cache";

/// The playbook's own folders and files that no output may touch.
const SOURCES: [&str; 6] = [
    "content",
    "templates",
    "theme",
    "book.toml",
    CACHE_DIR,
    ".git",
];

/// What the destination holds today, once it is known to be allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Nothing there yet.
    Absent,
    /// An empty folder.
    Empty,
    /// A site an earlier build wrote (it has the marker).
    Site,
    /// A folder of other files, which the user asked to replace with `--force`.
    Forced,
}

/// A destination that passed [`check`]: its absolute path (symbolic links
/// resolved, so the swap happens where the site is served from) and what is
/// there now.
#[derive(Debug, Clone)]
pub struct Destination {
    /// Absolute, normalised path of the output folder.
    pub path: PathBuf,
    /// What the folder holds before this build.
    pub existing: Existing,
}

/// Decide whether a build rooted at `root` may write its site to `dest`.
/// `force` allows replacing a folder of other files, never a forbidden place.
pub fn check(root: &Path, dest: &Path, force: bool) -> Result<Destination, Diagnostic> {
    let root_abs = resolve(root).map_err(|e| {
        Diagnostic::error(format!(
            "cannot find the playbook folder {}: {e}",
            root.display()
        ))
    })?;
    let path = resolve(dest).map_err(|e| {
        Diagnostic::error(format!(
            "cannot use {} as the output folder: {e}",
            dest.display()
        ))
        .help("choose another folder with --dest")
    })?;
    if let Some(why) = forbidden(&root_abs, &path) {
        return Err(Diagnostic::error(format!(
            "refusing to write the site to {}: {why}",
            dest.display()
        ))
        .help("a build replaces its output folder as a whole; choose a folder of its own, e.g. --dest book (the default) or a new folder outside the playbook's sources"));
    }
    let existing = existing(&path, dest, force)?;
    Ok(Destination { path, existing })
}

/// Whether one output file or folder of files (`checklist -o FILE`, `--all
/// -o DIR`, `schema -o DIR`, `status -o FILE`) may be written at `path` by
/// the playbook at `root`: never over or inside its sources, and never
/// inside a site Playbook built (a folder with [`SITE_MARKER`], such as
/// `book/`), which the next build replaces as a whole, deleting the files;
/// whatever the flags say.
pub fn check_file(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let (Ok(root_abs), Ok(abs)) = (resolve(root), resolve(path)) else {
        return Ok(());
    };
    let inside_sources =
        abs == root_abs || SOURCES.iter().any(|s| abs.starts_with(root_abs.join(s)));
    if inside_sources {
        return Err(Diagnostic::error(format!(
            "refusing to write {}: it is one of the playbook's own files or folders",
            path.display()
        ))
        .help("write the output somewhere outside content/, templates/, theme/ and book.toml, e.g. -o checklists/"));
    }
    if let Some(site) = abs.ancestors().find(|d| d.join(SITE_MARKER).is_file()) {
        return Err(Diagnostic::error(format!(
            "refusing to write {}: {} is a site Playbook built, and the next build there replaces it as a whole, deleting these files",
            path.display(),
            site.display()
        ))
        .help("write the output outside the site's folder, e.g. -o checklists/ (the site already publishes each checklist's CSV, Markdown and calendar beside its page)"));
    }
    Ok(())
}

/// Why `dest` may never receive a site of the playbook at `root` (both
/// absolute and normalised), if it may not.
fn forbidden(root: &Path, dest: &Path) -> Option<String> {
    if dest.parent().is_none() {
        return Some("it is the root of the file system".into());
    }
    if let Some(home) = home_dir() {
        if dest == home {
            return Some("it is your home folder".into());
        }
    }
    if dest == root {
        return Some("it is the playbook's own folder".into());
    }
    if root.starts_with(dest) {
        return Some("it contains the playbook's own folder".into());
    }
    for source in SOURCES {
        let s = root.join(source);
        if dest.starts_with(&s) {
            return Some(format!("it is or lies inside the playbook's `{source}`"));
        }
    }
    None
}

/// What is at `path` today, or why it may not be replaced.
fn existing(path: &Path, shown: &Path, force: bool) -> Result<Existing, Diagnostic> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Absent),
        Err(e) => {
            return Err(Diagnostic::error(format!(
                "cannot look at the output folder {}: {e}",
                shown.display()
            )))
        }
    };
    if !meta.is_dir() {
        return Err(
            Diagnostic::error(format!("{} exists and is not a folder", shown.display()))
                .help("choose another --dest, or move the file away yourself"),
        );
    }
    if path.join(SITE_MARKER).is_file() {
        return Ok(Existing::Site);
    }
    let mut entries = std::fs::read_dir(path).map_err(|e| {
        Diagnostic::error(format!(
            "cannot read the output folder {}: {e}",
            shown.display()
        ))
    })?;
    if entries.next().is_none() {
        return Ok(Existing::Empty);
    }
    if force {
        return Ok(Existing::Forced);
    }
    Err(Diagnostic::error(format!(
        "{} is not empty and is not a site Playbook built (it has no {SITE_MARKER} file)",
        shown.display()
    ))
    .help(format!(
        "a build replaces its output folder as a whole, so it will not write into a folder of other files; \
         choose a new or empty folder with --dest, or pass --force to DELETE everything in {} and put the site there",
        shown.display()
    )))
}

/// `p` made absolute and normalised: `.` and `..` worked out, and symbolic
/// links resolved as far as the path exists (the rest is appended as given).
pub fn resolve(p: &Path) -> std::io::Result<PathBuf> {
    let abs = std::path::absolute(p)?;
    let mut normal = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // Resolve links on the longest existing prefix.
    let mut existing = normal.clone();
    let mut rest = Vec::new();
    while !existing.as_os_str().is_empty() {
        if let Ok(c) = std::fs::canonicalize(&existing) {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return Ok(out);
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    Ok(normal)
}

fn home_dir() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    resolve(Path::new(&home)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn playbook() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        crate::write_new_files(tmp.path(), &playbook_site::skeleton::files()).unwrap();
        tmp
    }

    fn refused(root: &Path, dest: &Path, force: bool) -> String {
        check(root, dest, force).unwrap_err().message
    }

    #[test]
    fn the_default_book_folder_and_new_or_empty_folders_are_allowed() {
        let pb = playbook();
        let root = pb.path();
        assert_eq!(
            check(root, &root.join("book"), false).unwrap().existing,
            Existing::Absent
        );
        std::fs::create_dir(root.join("empty")).unwrap();
        assert_eq!(
            check(root, &root.join("empty"), false).unwrap().existing,
            Existing::Empty
        );
    }

    #[test]
    fn a_site_playbook_built_is_recognised_by_its_marker() {
        let pb = playbook();
        let site = pb.path().join("site");
        std::fs::create_dir(&site).unwrap();
        std::fs::write(site.join("index.html"), "x").unwrap();
        std::fs::write(site.join(SITE_MARKER), SITE_MARKER_TEXT).unwrap();
        assert_eq!(
            check(pb.path(), &site, false).unwrap().existing,
            Existing::Site
        );
    }

    #[test]
    fn a_folder_of_other_files_needs_force() {
        let pb = playbook();
        let mine = pb.path().join("my-notes");
        std::fs::create_dir(&mine).unwrap();
        std::fs::write(mine.join("todo.txt"), "keep me").unwrap();
        let msg = refused(pb.path(), &mine, false);
        assert!(msg.contains("not a site Playbook built"), "{msg}");
        let help = check(pb.path(), &mine, false).unwrap_err().help.unwrap();
        assert!(
            help.contains("--force") && help.contains("DELETE"),
            "{help}"
        );
        assert_eq!(
            check(pb.path(), &mine, true).unwrap().existing,
            Existing::Forced
        );
    }

    #[test]
    fn the_playbooks_own_folders_are_refused_even_with_force() {
        let pb = playbook();
        let root = pb.path();
        for dest in [
            root.to_path_buf(),
            root.join("."),
            root.join("content"),
            root.join("content/markets"),
            root.join("content/new-folder"),
            root.join("templates"),
            root.join("theme/sub"),
            root.join("book.toml"),
            root.join(CACHE_DIR),
            root.join("book/../content"),
            root.parent().unwrap().to_path_buf(),
            PathBuf::from("/"),
        ] {
            for force in [false, true] {
                let msg = refused(root, &dest, force);
                assert!(msg.starts_with("refusing"), "{}: {msg}", dest.display());
            }
        }
    }

    #[test]
    fn a_link_to_the_sources_is_seen_through() {
        let pb = playbook();
        let link = pb.path().join("innocent");
        std::os::unix::fs::symlink(pb.path().join("content"), &link).unwrap();
        let msg = refused(pb.path(), &link, true);
        assert!(msg.contains("`content`"), "{msg}");
    }

    #[test]
    fn a_file_is_not_an_output_folder() {
        let pb = playbook();
        let f = pb.path().join("notes.txt");
        std::fs::write(&f, "x").unwrap();
        let msg = refused(pb.path(), &f, true);
        assert!(msg.contains("is not a folder"), "{msg}");
    }

    #[test]
    fn an_output_file_never_lands_on_a_source() {
        let pb = playbook();
        let root = pb.path();
        assert!(check_file(root, &root.join("de.csv")).is_ok());
        assert!(check_file(root, &root.join("checklists/de.csv")).is_ok());
        for bad in [
            "book.toml",
            "content/markets/de.yaml",
            "templates/x.html",
            ".",
        ] {
            assert!(check_file(root, &root.join(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn resolve_works_out_dots_and_missing_tails() {
        let tmp = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(tmp.path()).unwrap();
        assert_eq!(
            resolve(&tmp.path().join("a/../b/./c")).unwrap(),
            base.join("b/c")
        );
    }
}

//! Writing a whole site: a staging folder beside the destination, filled
//! as pages render, then swapped into place in one step.
//!
//! - The staging folder (`.<dest>.staging-<pid>`) carries the site marker
//!   from its first moment, so whatever a killed build leaves is known to be
//!   Playbook's, and the next build removes it.
//! - The swap exchanges the staging folder and the old site atomically
//!   (`renameat2(RENAME_EXCHANGE)` on Linux), so the destination is always
//!   either the old site or the new one, never a mix and never missing.
//! - The replaced site is not thrown away: it moves into the playbook's
//!   cache folder (`.playbook-cache/site`) and becomes the next build's
//!   staging folder, which rewrites only the files whose bytes changed (on a
//!   busy disk, deleting and rewriting the 27,000 files of a large site took
//!   longer than building it). Where that cannot be a rename (another file
//!   system), the old site is deleted instead.
//! - When the command ends, nothing is left beside the destination.

use super::destination::{Destination, Existing, CACHE_DIR, SITE_MARKER, SITE_MARKER_TEXT};
use super::io_err;
use playbook_content::diag::Diagnostic;
use playbook_content::site_file::SiteFile;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A site being written: files go into a staging folder beside the
/// destination as they are rendered; [`Staging::commit`] swaps it into place.
/// Dropped without a commit, the destination is untouched and the staging
/// folder is gone (or kept in the cache folder, if it was a recycled site).
pub struct Staging {
    dir: PathBuf,
    dest: Destination,
    /// Where the replaced site is kept for the next build.
    keep: PathBuf,
    /// The staging folder started as a previous site (files may exist).
    recycled: bool,
    made: Mutex<HashSet<PathBuf>>,
    /// Paths of this build's files (recycled staging: everything else goes).
    written: Mutex<HashSet<PathBuf>>,
    /// The first write that failed: every later write fails at once with
    /// it, so a full disk is one error, not one per page.
    failed: Mutex<Option<Diagnostic>>,
    committed: bool,
}

impl Staging {
    /// A staging folder for the checked destination `dest` of the playbook
    /// at `root`: the site the last build replaced, when it is in the cache
    /// folder and on the same file system, else a new empty folder. Removes
    /// what killed builds left beside the destination first.
    pub fn new(root: &Path, dest: Destination) -> Result<Staging, Diagnostic> {
        let (parent, name) = split(&dest.path);
        std::fs::create_dir_all(&parent).map_err(|e| io_err("create", &parent, &e))?;
        remove_leftovers(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let keep = super::destination::resolve(&root.join(CACHE_DIR))
            .unwrap_or_else(|_| root.join(CACHE_DIR))
            .join("site");
        let recycled = keep.join(SITE_MARKER).is_file() && std::fs::rename(&keep, &dir).is_ok();
        if !recycled {
            if keep.exists() {
                // Another file system, or no marker: not worth keeping.
                remove_site(&keep);
            }
            std::fs::create_dir_all(&dir).map_err(|e| io_err("create", &dir, &e))?;
        }
        std::fs::write(dir.join(SITE_MARKER), SITE_MARKER_TEXT)
            .map_err(|e| io_err("write", &dir.join(SITE_MARKER), &e))?;
        Ok(Staging {
            dir,
            dest,
            keep,
            recycled,
            made: Default::default(),
            written: Default::default(),
            failed: Mutex::new(None),
            committed: false,
        })
    }

    /// Write one file of the site (callable from several threads). In a
    /// recycled staging folder a file that already has these bytes is left
    /// as it is.
    pub fn write(&self, f: &SiteFile) -> Result<(), Diagnostic> {
        if let Some(first) = self.failed.lock().ok().and_then(|g| g.clone()) {
            return Err(first);
        }
        self.write_one(f).inspect_err(|e| {
            if let Ok(mut g) = self.failed.lock() {
                g.get_or_insert_with(|| e.clone());
            }
        })
    }

    /// The first write error, if any: the one error a build with a full
    /// disk (or any other write failure) reports.
    pub fn first_failure(&self) -> Option<Diagnostic> {
        self.failed.lock().ok().and_then(|g| g.clone())
    }

    fn write_one(&self, f: &SiteFile) -> Result<(), Diagnostic> {
        let path = self.dir.join(&f.path);
        if self.recycled {
            if let Ok(mut w) = self.written.lock() {
                w.insert(path.clone());
            }
            match std::fs::symlink_metadata(&path) {
                Ok(m)
                    if m.is_file()
                        && m.len() == f.bytes.len() as u64
                        && std::fs::read(&path).is_ok_and(|old| old == f.bytes) =>
                {
                    return Ok(());
                }
                Ok(m) if m.is_dir() => {
                    std::fs::remove_dir_all(&path).map_err(|e| io_err("replace", &path, &e))?;
                }
                // Never write through a link, wherever it points.
                Ok(m) if m.file_type().is_symlink() => {
                    std::fs::remove_file(&path).map_err(|e| io_err("replace", &path, &e))?;
                }
                _ => {}
            }
        }
        if let Some(p) = path.parent() {
            let new = self
                .made
                .lock()
                .map(|mut m| m.insert(p.to_path_buf()))
                .unwrap_or(true);
            if new {
                if let Err(e) = std::fs::create_dir_all(p) {
                    // A recycled site may have a file where this build needs a folder.
                    if !(self.recycled && self.clear_files_on_the_way(p)) {
                        return Err(io_err("create", p, &e));
                    }
                    std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
                }
            }
        }
        match std::fs::write(&path, &f.bytes) {
            // Another thread marked the folder as made but is still making
            // it (several files of a new folder written at once): make it too.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(p) = path.parent() {
                    std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
                }
                std::fs::write(&path, &f.bytes).map_err(|e| io_err("write", &path, &e))
            }
            r => r.map_err(|e| io_err("write", &path, &e)),
        }
    }

    /// Remove files of a recycled site that stand where `folder` or one of
    /// its parents must be; whether any was removed.
    fn clear_files_on_the_way(&self, folder: &Path) -> bool {
        let mut removed = false;
        for p in folder
            .ancestors()
            .take_while(|p| p.starts_with(&self.dir) && *p != self.dir)
        {
            if std::fs::symlink_metadata(p).is_ok_and(|m| !m.is_dir()) {
                removed |= std::fs::remove_file(p).is_ok();
            }
        }
        removed
    }

    /// Swap the staged site into place of the destination; the replaced
    /// site goes to the cache folder for the next build (or is deleted).
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if let Some(first) = self.first_failure() {
            return Err(first);
        }
        if self.recycled {
            let mut written = self.written.lock().map(|w| w.clone()).unwrap_or_default();
            written.insert(self.dir.join(SITE_MARKER));
            prune(&self.dir, &written).map_err(|e| io_err("clean", &self.dir, &e))?;
        }
        let dest = self.dest.path.clone();
        match self.dest.existing {
            Existing::Absent => {
                std::fs::rename(&self.dir, &dest)
                    .map_err(|e| io_err("move into place", &dest, &e))?;
            }
            Existing::Empty | Existing::Site | Existing::Forced => {
                super::swap::exchange(&self.dir, &dest)
                    .map_err(|e| io_err("swap the new site into", &dest, &e))?;
                // The staging path now holds what was at the destination.
                match self.dest.existing {
                    Existing::Site => self.keep_for_next_build(),
                    Existing::Empty => {
                        let _ = std::fs::remove_dir(&self.dir);
                    }
                    // The user asked for this folder's files to be deleted.
                    _ => {
                        let _ = std::fs::remove_dir_all(&self.dir);
                    }
                }
            }
        }
        self.committed = true;
        Ok(())
    }

    /// Move the site now at the staging path into the cache folder (same
    /// file system: a rename), or delete it.
    fn keep_for_next_build(&self) {
        let moved = self
            .keep
            .parent()
            .is_some_and(|p| std::fs::create_dir_all(p).is_ok())
            && !self.keep.exists()
            && std::fs::rename(&self.dir, &self.keep).is_ok();
        if !moved {
            remove_site(&self.dir);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // A recycled folder is still a good start for the next build.
            if !(self.recycled && std::fs::rename(&self.dir, &self.keep).is_ok()) {
                remove_site(&self.dir);
            }
        }
    }
}

/// Remove a folder known to be a site Playbook wrote (it has the marker),
/// the marker last, so a removal cut short is still recognised and
/// finished by the next build; an empty folder (a staging folder killed
/// before its marker was written) goes too. Anything else is left alone.
fn remove_site(dir: &Path) {
    let marker = dir.join(SITE_MARKER);
    if !marker.is_file() {
        let _ = std::fs::remove_dir(dir); // only if empty
        return;
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p == marker {
                continue;
            }
            let _ = match e.file_type() {
                Ok(t) if t.is_dir() => std::fs::remove_dir_all(&p),
                _ => std::fs::remove_file(&p),
            };
        }
    }
    let _ = std::fs::remove_file(&marker);
    let _ = std::fs::remove_dir(dir);
}

/// Staging folders of builds that were killed (`.<name>.staging-<pid>` with
/// the marker, whose process is gone), beside the destination.
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.staging-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || !super::swap::process_is_gone(pid) {
            continue;
        }
        remove_site(&e.path());
    }
}

/// Remove every file under `dir` not in `keep`, and the folders left empty;
/// whether `dir` itself is now empty.
fn prune(dir: &Path, keep: &HashSet<PathBuf>) -> std::io::Result<bool> {
    let mut empty = true;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            if prune(&path, keep)? {
                std::fs::remove_dir(&path)?;
            } else {
                empty = false;
            }
        } else if keep.contains(&path) {
            empty = false;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(empty)
}

/// The parent folder and the name of a destination path.
fn split(dest: &Path) -> (PathBuf, String) {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into());
    (parent, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, s: &str) -> SiteFile {
        SiteFile {
            path: path.into(),
            bytes: s.as_bytes().to_vec(),
        }
    }

    /// A playbook root and a writer of whole sites into `root/book`.
    struct Fixture {
        tmp: tempfile::TempDir,
    }

    impl Fixture {
        fn new() -> Fixture {
            let tmp = tempfile::tempdir().unwrap();
            std::fs::create_dir(tmp.path().join("content")).unwrap();
            Fixture { tmp }
        }
        fn root(&self) -> &Path {
            self.tmp.path()
        }
        fn dest(&self) -> PathBuf {
            self.root().join("book")
        }
        fn write(&self, files: &[SiteFile]) {
            let dest = super::super::destination::check(self.root(), &self.dest(), false).unwrap();
            let staging = Staging::new(self.root(), dest).unwrap();
            for file in files {
                staging.write(file).unwrap();
            }
            staging.commit().unwrap();
        }
        fn beside(&self) -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(self.root())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
        fn read(&self, p: &str) -> String {
            std::fs::read_to_string(self.dest().join(p)).unwrap()
        }
    }

    #[test]
    fn a_swap_replaces_the_whole_site_and_leaves_nothing_beside_it() {
        let fx = Fixture::new();
        fx.write(&[f("index.html", "one"), f("old/index.html", "x")]);
        fx.write(&[f("index.html", "two")]);
        assert_eq!(fx.read("index.html"), "two");
        assert!(!fx.dest().join("old").exists());
        assert!(fx.dest().join(SITE_MARKER).is_file());
        assert_eq!(fx.beside(), [CACHE_DIR, "book", "content"]);
    }

    #[test]
    fn a_recycled_site_keeps_unchanged_files_and_drops_the_rest() {
        let fx = Fixture::new();
        let site = |v: &str| {
            vec![
                f("index.html", "same"),
                f("a/index.html", v),
                f(&format!("{v}/index.html"), v),
            ]
        };
        fx.write(&site("one"));
        fx.write(&site("two"));
        let kept = fx.root().join(CACHE_DIR).join("site/index.html");
        let kept = std::fs::metadata(kept).unwrap().modified().unwrap();
        // The third build recycles the first: "one/" must go, "three/" come.
        fx.write(&site("three"));
        assert_eq!(fx.read("a/index.html"), "three");
        assert!(fx.dest().join("three/index.html").is_file());
        assert!(
            !fx.dest().join("one").exists(),
            "a page no longer made is removed"
        );
        let same = std::fs::metadata(fx.dest().join("index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(same, kept, "an unchanged file is not rewritten");
        assert!(fx.dest().join(SITE_MARKER).is_file());
    }

    #[test]
    fn a_recycled_site_can_turn_a_file_into_a_folder_and_back() {
        let fx = Fixture::new();
        fx.write(&[f("x", "file")]);
        fx.write(&[f("y", "file")]);
        fx.write(&[f("x/index.html", "folder")]);
        assert_eq!(fx.read("x/index.html"), "folder");
        fx.write(&[f("y/z", "deep")]);
        fx.write(&[f("x", "file again")]);
        assert_eq!(fx.read("x"), "file again");
    }

    #[test]
    fn a_build_dropped_before_its_commit_leaves_the_old_site_and_nothing_else() {
        let fx = Fixture::new();
        fx.write(&[f("index.html", "good")]);
        fx.write(&[f("index.html", "good")]);
        let dest = super::super::destination::check(fx.root(), &fx.dest(), false).unwrap();
        let staging = Staging::new(fx.root(), dest).unwrap();
        staging.write(&f("index.html", "half")).unwrap();
        drop(staging);
        assert_eq!(fx.read("index.html"), "good");
        assert_eq!(fx.beside(), [CACHE_DIR, "book", "content"]);
    }

    #[test]
    fn what_a_killed_build_left_beside_the_site_is_removed_and_nothing_else() {
        let fx = Fixture::new();
        fx.write(&[f("index.html", "good")]);
        // A staging folder of a process that no longer exists, one killed
        // before it had its marker (empty), and one without the marker
        // that holds a user's file (not ours).
        let dead = fx.root().join(".book.staging-4000000");
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join(SITE_MARKER), SITE_MARKER_TEXT).unwrap();
        let empty = fx.root().join(".book.staging-4000002");
        std::fs::create_dir(&empty).unwrap();
        let foreign = fx.root().join(".book.staging-4000001");
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("mine.txt"), "keep").unwrap();
        fx.write(&[f("index.html", "next")]);
        assert!(!dead.exists());
        assert!(!empty.exists());
        assert!(foreign.join("mine.txt").is_file());
    }

    #[test]
    fn a_failed_write_makes_every_later_write_fail_with_the_same_one_error() {
        let fx = Fixture::new();
        let dest = super::super::destination::check(fx.root(), &fx.dest(), false).unwrap();
        let staging = Staging::new(fx.root(), dest).unwrap();
        // A folder where a file must go: the write fails.
        staging.write(&f("a/b", "x")).unwrap();
        let first = staging.write(&f("a", "file")).unwrap_err();
        let later = staging.write(&f("c", "y")).unwrap_err();
        assert_eq!(first, later);
        assert!(staging.commit().is_err());
        assert!(!fx.dest().exists());
    }
}

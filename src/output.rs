//! The only module that writes the site to disk.
//!
//! A build is written into a staging folder beside the destination
//! (`.<dest>.staging-<pid>`), then swapped into place with renames only when
//! every file was written. A failed build leaves the previous site
//! byte-for-byte intact; a half-written `book/` never exists.
//!
//! The site replaced by a swap is not deleted: it is kept beside the
//! destination as `.<dest>.prev` and becomes the next build's staging folder.
//! That build rewrites only the files whose bytes changed and removes only
//! the files it no longer makes, so an unchanged page costs a read, not a
//! write, and no build deletes a whole site (on a busy virtual disk, deleting
//! the 27,000 files of a large site took longer than building it). The cost
//! is a second copy of the site on disk; deleting `.<dest>.prev` is always
//! safe.
#![allow(clippy::disallowed_methods)]

use crate::diag::Diagnostic;
use crate::render::OutputFile;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A site being written: files go into a staging folder beside the
/// destination as they are rendered; [`Staging::commit`] swaps it into place.
/// Dropped without a commit, the destination is untouched (the staging
/// folder is removed, or kept as `.<dest>.prev` if it was one).
pub struct Staging {
    dir: PathBuf,
    dest: PathBuf,
    prev: PathBuf,
    /// The staging folder started as a previous site (files may exist).
    recycled: bool,
    made: std::sync::Mutex<HashSet<PathBuf>>,
    /// Paths of this build's files (recycled staging: everything else goes).
    written: std::sync::Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// A staging folder for `dest`: the previous site kept by the last
    /// build when there is one, else a new empty folder.
    pub fn new(dest: &Path) -> Result<Staging, Diagnostic> {
        let (parent, name) = split_dest(dest);
        std::fs::create_dir_all(&parent).map_err(|e| io_err("create", &parent, &e))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let prev = beside(dest, "prev");
        let _ = std::fs::remove_dir_all(&dir);
        let recycled = prev.is_dir() && std::fs::rename(&prev, &dir).is_ok();
        if !recycled {
            std::fs::create_dir_all(&dir).map_err(|e| io_err("create", &dir, &e))?;
        }
        Ok(Staging {
            dir,
            dest: dest.to_path_buf(),
            prev,
            recycled,
            made: Default::default(),
            written: Default::default(),
            committed: false,
        })
    }

    /// Write one file of the site (callable from several threads). In a
    /// recycled staging folder a file that already has these bytes is left
    /// as it is.
    pub fn write(&self, f: &OutputFile) -> Result<(), Diagnostic> {
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
    /// site is kept as `.<dest>.prev` for the next build.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if self.recycled {
            let written = self.written.lock().map(|w| w.clone()).unwrap_or_default();
            prune(&self.dir, &written).map_err(|e| io_err("clean", &self.dir, &e))?;
        }
        swap_into_place(&self.dir, &self.dest, &self.prev)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // A recycled folder is still a good start for the next build.
            if !(self.recycled && std::fs::rename(&self.dir, &self.prev).is_ok()) {
                let _ = std::fs::remove_dir_all(&self.dir);
            }
        }
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

/// A hidden file or folder beside the site at `dest`, named after it:
/// `book` → `.book.<what>` (the kept previous site, the index cache).
pub fn beside(dest: &Path, what: &str) -> PathBuf {
    let (parent, name) = split_dest(dest);
    parent.join(format!(".{name}.{what}"))
}

fn split_dest(dest: &Path) -> (PathBuf, String) {
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

/// Replace `dest` by the folder `staging` (two renames); the replaced site
/// is moved to `prev`.
fn swap_into_place(staging: &Path, dest: &Path, prev: &Path) -> Result<(), Diagnostic> {
    if dest.exists() {
        if !dest.is_dir() {
            return Err(Diagnostic::error(format!(
                "{} exists and is not a folder",
                dest.display()
            ))
            .help("choose another --dest or move the file away"));
        }
        let _ = std::fs::remove_dir_all(prev);
        std::fs::rename(dest, prev).map_err(|e| io_err("move aside", dest, &e))?;
        if let Err(e) = std::fs::rename(staging, dest) {
            let _ = std::fs::rename(prev, dest);
            return Err(io_err("move into place", dest, &e));
        }
        Ok(())
    } else {
        std::fs::rename(staging, dest).map_err(|e| io_err("move into place", dest, &e))
    }
}

/// Write `files` as the complete site at `dest`, atomically replacing what was there.
pub fn write_site(files: &[OutputFile], dest: &Path) -> Result<(), Diagnostic> {
    let staging = Staging::new(dest)?;
    for f in files {
        staging.write(f)?;
    }
    staging.commit()
}

/// Write files under `dir` (which must not exist yet).
pub fn write_tree(files: &[OutputFile], dir: &Path) -> Result<(), Diagnostic> {
    std::fs::create_dir_all(dir).map_err(|e| io_err("create", dir, &e))?;
    let mut made: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for f in files {
        let path = dir.join(&f.path);
        if let Some(p) = path.parent() {
            if made.insert(p.to_path_buf()) {
                std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
            }
        }
        std::fs::write(&path, &f.bytes).map_err(|e| io_err("write", &path, &e))?;
    }
    Ok(())
}

/// Write one file (for `checklist -o FILE`), via a temporary file and a rename.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(p) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| io_err("write", &tmp, &e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_err("write", path, &e))
}

/// Write one file by streaming into it (for the full-text index's cache,
/// tens of MB at scale, never held whole), via a temporary file and a
/// rename: the file is either the old one or complete. On failure nothing
/// is left, not even the old file.
pub fn write_file_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        fill(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(path);
    }
    result
}

/// Create a new playbook skeleton (for `playbook init`); refuses to overwrite files.
pub fn write_new_files(dir: &Path, files: &[(String, String)]) -> Result<(), Diagnostic> {
    for (rel, _) in files {
        if dir.join(rel).exists() {
            return Err(
                Diagnostic::error(format!("{} already exists", dir.join(rel).display()))
                    .help("playbook init never overwrites files; choose an empty or new folder"),
            );
        }
    }
    for (rel, text) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_err("create", parent, &e))?;
        }
        std::fs::write(&p, text).map_err(|e| io_err("write", &p, &e))?;
    }
    Ok(())
}

fn io_err(what: &str, p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {e}", p.display()))
        .help("check that the folder is writable and the disk is not full")
}

/// Remove a scratch folder this process made (best effort).
pub fn remove_tree(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, s: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: s.as_bytes().to_vec(),
        }
    }

    #[test]
    fn swap_replaces_the_whole_site_and_leaves_no_staging() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("book");
        write_site(&[f("index.html", "one"), f("old/index.html", "x")], &dest).unwrap();
        write_site(&[f("index.html", "two")], &dest).unwrap();
        assert_eq!(
            std::fs::read_to_string(dest.join("index.html")).unwrap(),
            "two"
        );
        assert!(!dest.join("old").exists());
        let mut beside: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        assert_eq!(
            beside,
            [".book.prev", "book"],
            "only the kept previous site"
        );
    }

    #[test]
    fn a_recycled_site_keeps_unchanged_files_and_drops_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("book");
        let site = |v: &str| {
            vec![
                f("index.html", "same"),
                f("a/index.html", v),
                f(&format!("{v}/index.html"), v),
            ]
        };
        write_site(&site("one"), &dest).unwrap();
        write_site(&site("two"), &dest).unwrap();
        let kept = std::fs::metadata(tmp.path().join(".book.prev/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        // The third build recycles the first: "one/" must go, "three/" come.
        write_site(&site("three"), &dest).unwrap();
        assert_eq!(
            std::fs::read_to_string(dest.join("a/index.html")).unwrap(),
            "three"
        );
        assert!(dest.join("three/index.html").is_file());
        assert!(
            !dest.join("one").exists(),
            "a page no longer made is removed"
        );
        let same = std::fs::metadata(dest.join("index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(same, kept, "an unchanged file is not rewritten");
    }

    #[test]
    fn a_recycled_site_can_turn_a_file_into_a_folder_and_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("book");
        write_site(&[f("x", "file")], &dest).unwrap();
        write_site(&[f("y", "file")], &dest).unwrap();
        write_site(&[f("x/index.html", "folder")], &dest).unwrap();
        assert_eq!(
            std::fs::read_to_string(dest.join("x/index.html")).unwrap(),
            "folder"
        );
        write_site(&[f("y/z", "deep")], &dest).unwrap();
        write_site(&[f("x", "file again")], &dest).unwrap();
        assert_eq!(
            std::fs::read_to_string(dest.join("x")).unwrap(),
            "file again"
        );
    }
}

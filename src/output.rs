//! The only module that writes the site to disk.
//!
//! A build is written into a staging folder beside the destination
//! (`.<dest>.staging-<pid>`), then swapped into place with renames only when
//! every file was written. A failed build leaves the previous site
//! byte-for-byte intact; a half-written `book/` never exists.
#![allow(clippy::disallowed_methods)]

use crate::diag::Diagnostic;
use crate::render::OutputFile;
use std::path::{Path, PathBuf};

/// A site being written: files go into a staging folder beside the
/// destination as they are rendered; [`Staging::commit`] swaps it into place.
/// Dropped without a commit, the staging folder is removed and the
/// destination is untouched.
pub struct Staging {
    dir: PathBuf,
    dest: PathBuf,
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Create an empty staging folder for `dest`.
    pub fn new(dest: &Path) -> Result<Staging, Diagnostic> {
        let (parent, name) = split_dest(dest);
        std::fs::create_dir_all(&parent).map_err(|e| io_err("create", &parent, &e))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| io_err("create", &dir, &e))?;
        Ok(Staging {
            dir,
            dest: dest.to_path_buf(),
            made: Default::default(),
            committed: false,
        })
    }

    /// Write one file of the site (callable from several threads).
    pub fn write(&self, f: &OutputFile) -> Result<(), Diagnostic> {
        let path = self.dir.join(&f.path);
        if let Some(p) = path.parent() {
            let new = self
                .made
                .lock()
                .map(|mut m| m.insert(p.to_path_buf()))
                .unwrap_or(true);
            if new {
                std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
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

    /// Swap the staged site into place of the destination.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        swap_into_place(&self.dir, &self.dest)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
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

/// Replace `dest` by the folder `staging` (two renames; the old site is removed last).
fn swap_into_place(staging: &Path, dest: &Path) -> Result<(), Diagnostic> {
    let (parent, name) = split_dest(dest);
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if dest.exists() {
        if !dest.is_dir() {
            return Err(Diagnostic::error(format!(
                "{} exists and is not a folder",
                dest.display()
            ))
            .help("choose another --dest or move the file away"));
        }
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(dest, &old).map_err(|e| io_err("move aside", dest, &e))?;
        if let Err(e) = std::fs::rename(staging, dest) {
            let _ = std::fs::rename(&old, dest);
            return Err(io_err("move into place", dest, &e));
        }
        let _ = std::fs::remove_dir_all(&old);
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
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}

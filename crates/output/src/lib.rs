//! The only module that writes files.
//!
//! - [`destination`] decides where a build may write its site (never a
//!   folder of the user's files without `--force`, never the playbook's
//!   own sources);
//! - [`site`] writes a whole site through a staging folder and swaps it
//!   into place atomically, keeping the replaced site in the playbook's
//!   cache folder for the next build to recycle;
//! - the functions here write single files (`checklist -o`, the index
//!   cache) through a temporary file and a rename, and new playbooks
//!   (`init`), never overwriting a file.
#![allow(clippy::disallowed_methods)]

pub mod destination;
pub mod index_cache;
pub mod markdown_cache;
pub mod site;
mod swap;

pub use destination::{Destination, CACHE_DIR, SITE_MARKER};
pub use site::Staging;

use playbook_content::diag::Diagnostic;
use std::path::Path;

/// The temporary file a write of `path` goes through before its rename:
/// beside it (same file system), named after the whole file name, the
/// process and a counter (`.de.md.tmp-4242-7`), so writes of `de.md` and
/// `de.csv`, or two writes of one file in parallel, never share one.
fn temp_path(path: &Path) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".tmp-{}-{n}", std::process::id()));
    path.with_file_name(name)
}

/// Write one file (for `checklist -o FILE`), via a temporary file and a
/// rename: the file is the old one or the complete new one.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(p) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
    }
    let tmp = temp_path(path);
    if let Err(e) = std::fs::write(&tmp, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err("write", path, &e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err("write", path, &e)
    })
}

/// Write one file by streaming into it (for the full-text index's cache,
/// tens of MB at scale, never held whole), via a temporary file and a
/// rename: the file is either the old one or complete. On failure nothing
/// is left, not even the old file.
pub fn write_file_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        if let Some(p) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(p)?;
        }
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

/// Refuse, before anything is written, when any of `rels` (relative to
/// `dir`) exists: `playbook init` never overwrites a file.
pub fn refuse_existing<'a>(
    dir: &Path,
    rels: impl IntoIterator<Item = &'a str>,
) -> Result<(), Diagnostic> {
    for rel in rels {
        if dir.join(rel).exists() {
            return Err(
                Diagnostic::error(format!("{} already exists", dir.join(rel).display()))
                    .help("playbook init never overwrites files; choose an empty or new folder"),
            );
        }
    }
    Ok(())
}

/// Create a new playbook skeleton (for `playbook init`); refuses to overwrite files.
pub fn write_new_files(dir: &Path, files: &[(String, String)]) -> Result<(), Diagnostic> {
    refuse_existing(dir, files.iter().map(|(rel, _)| rel.as_str()))?;
    for (rel, text) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_err("create", parent, &e))?;
        }
        std::fs::write(&p, text).map_err(|e| io_err("write", &p, &e))?;
    }
    Ok(())
}

/// A failed file operation as one diagnostic; a full disk says so plainly.
fn io_err(what: &str, p: &Path, e: &std::io::Error) -> Diagnostic {
    if e.kind() == std::io::ErrorKind::StorageFull || e.kind() == std::io::ErrorKind::QuotaExceeded
    {
        return Diagnostic::error(format!(
            "the disk is full: cannot {what} {}",
            p.display()
        ))
        .help("free some space (or choose a --dest on another disk) and run the command again; nothing was replaced");
    }
    Diagnostic::error(format!("cannot {what} {}: {e}", p.display()))
        .help("check that the folder is writable and the disk is not full")
}

/// Remove a scratch folder this process made (best effort).
pub fn remove_tree(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

/// Create one new file (for `playbook new`), with its folders; refuses to
/// replace a file that exists, even one made a moment ago by someone else
/// (the file is opened with `create_new`).
pub fn write_new_file(path: &Path, text: &str) -> Result<(), Diagnostic> {
    use std::io::Write as _;
    if let Some(p) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(p).map_err(|e| io_err("create", p, &e))?;
    }
    let mut f = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(
                Diagnostic::error(format!("{} already exists", path.display()))
                    .help("playbook new never overwrites a file; choose another id"),
            )
        }
        Err(e) => return Err(io_err("create", path, &e)),
    };
    if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(io_err("write", path, &e));
    }
    Ok(())
}

/// Replace a text file's contents with `new` (for `playbook new` adding to
/// an existing file), provided it still holds `old`: an edit made since it
/// was read is never overwritten. Written through a temporary file and a
/// rename (keeping the file's permissions), so the file is always the old
/// text or the whole new one.
pub fn replace_file_text(path: &Path, old: &str, new: &str) -> Result<(), Diagnostic> {
    let now = std::fs::read_to_string(path).map_err(|e| io_err("read", path, &e))?;
    if now != old {
        return Err(
            Diagnostic::error(format!("{} changed while the command ran", path.display()))
                .help("nothing was written; run the command again"),
        );
    }
    let perms = std::fs::metadata(path).map(|m| m.permissions()).ok();
    let tmp = temp_path(path);
    let result = std::fs::write(&tmp, new.as_bytes())
        .and_then(|()| match perms {
            Some(p) => std::fs::set_permissions(&tmp, p),
            None => Ok(()),
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err("write", path, &e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_differing_only_in_extension_never_share_a_temporary_file() {
        let (md, csv) = (Path::new("out/de.md"), Path::new("out/de.csv"));
        assert_ne!(temp_path(md), temp_path(csv));
        assert_ne!(temp_path(md), temp_path(md), "two writes of one file");
        assert_eq!(temp_path(md).parent(), md.parent(), "beside the file");
        // Written side by side many times, each file ends with its own bytes
        // and no temporary file is left.
        let dir = tempfile::tempdir().unwrap();
        let (md, csv) = (dir.path().join("de.md"), dir.path().join("de.csv"));
        std::thread::scope(|s| {
            for (p, text) in [(&md, "markdown"), (&csv, "csv")] {
                s.spawn(move || {
                    for _ in 0..200 {
                        write_file(p, text.as_bytes()).unwrap();
                    }
                });
            }
        });
        assert_eq!(std::fs::read_to_string(&md).unwrap(), "markdown");
        assert_eq!(std::fs::read_to_string(&csv).unwrap(), "csv");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}

//! Walking `content/` and reading its files: the folders in a fixed order,
//! editor droppings skipped, UTF-8 without a BOM, non-empty; the files read
//! and parsed in parallel ahead of the (serial, ordered) assembly.

use super::cache::{AnyParse, ParseCache, Parser};
use crate::diag::Diagnostic;
use crate::model::kinds::files::{FileKind, Place, COMPONENT, FILES, PHASE};
use crate::model::raw::RawFramework;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file read and parsed ahead of the (serial, ordered) assembly.
pub(super) struct Prepared {
    /// The text, or why it could not be read.
    pub(super) text: Option<Result<String, Diagnostic>>,
    /// The parse, when the text was read, or every mistake found in it.
    pub(super) parsed: Option<Result<AnyParse, Vec<Diagnostic>>>,
    /// The parse came from the cache.
    pub(super) hit: bool,
    /// The type it was parsed as.
    pub(super) ty: std::any::TypeId,
}

/// Sorted entries of a folder that may not exist.
pub(super) fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    v
}

/// Files of a folder with the extension, ignoring editor droppings (`.#x`, `x~`, `.x.swp`).
pub(super) fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    sorted_entries(dir)
        .into_iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.')
                && !name.ends_with('~')
                && p.extension().and_then(|e| e.to_str()) == Some(ext)
                && !p.is_dir()
        })
        .collect()
}

pub(super) fn rel_path(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Read a file as UTF-8 without a BOM; it must not be empty.
pub(super) fn read_text(root: &Path, p: &Path) -> Result<String, Diagnostic> {
    let rel = rel_path(root, p);
    let bytes = std::fs::read(p).map_err(|e| {
        Diagnostic::error(format!("cannot read {rel}: {e}"))
            .in_file(&rel, 1, 1)
            .help("check that the file exists and is readable")
    })?;
    let text =
        match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let valid = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or("");
                let (line, col) = crate::diag::line_col(valid, valid.len());
                return Err(Diagnostic::error(format!("{rel} is not valid UTF-8 (byte {at})"))
                .in_file(&rel, line, col)
                .help("save the file as UTF-8 (most editors: File → Save with encoding → UTF-8)"));
            }
        };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(format!("{rel} is empty"))
            .in_file(&rel, 1, 1)
            .help("add the entity's fields (see docs/content-model.md) or delete the file"));
    }
    Ok(text)
}

/// Read and parse `jobs` in parallel (the cache answers for unchanged text).
pub(super) fn prepare(
    root: &Path,
    jobs: Vec<(PathBuf, Parser)>,
    cache: Option<&ParseCache>,
) -> Vec<(PathBuf, Prepared)> {
    use rayon::prelude::*;
    jobs.into_par_iter()
        .map(|(p, parser)| {
            let text = read_text(root, &p);
            let mut hit = false;
            let key = (p.clone(), parser.ty);
            let parsed = text.as_ref().ok().map(|t| {
                if let Some(v) = cache.and_then(|c| c.get(&key, t)) {
                    hit = true;
                    return Ok(v);
                }
                let r = (parser.parse)(&rel_path(root, &p), t);
                if let (Ok(v), Some(c)) = (&r, cache) {
                    c.put(key.clone(), t, v.clone());
                }
                r
            });
            let pr = Prepared {
                text: Some(text),
                parsed,
                hit,
                ty: parser.ty,
            };
            (p, pr)
        })
        .collect()
}

/// The files of a kind, as a load finds them: its one file (if there),
/// every file of its folder with its extension, or every framework's
/// `framework.yaml` (not the component and phase files, which the
/// frameworks name: see [`framework_jobs`]).
pub(super) fn files_of(content: &Path, kind: &FileKind) -> Vec<PathBuf> {
    match kind.place {
        Place::File(path, _) => {
            let p = content.join(path);
            if p.is_file() {
                vec![p]
            } else {
                Vec::new()
            }
        }
        Place::Folder(dir, ext) => files_in(&content.join(dir), ext),
        Place::Frameworks => sorted_entries(&content.join("frameworks"))
            .into_iter()
            .filter(|d| d.is_dir())
            .map(|d| d.join("framework.yaml"))
            .filter(|fw| fw.exists())
            .collect(),
        Place::Components | Place::Phases => Vec::new(),
    }
}

/// The files a load reads, with how each is parsed, except the component
/// and phase files (named by the framework files: see [`framework_jobs`]).
pub(super) fn first_jobs(content: &Path) -> Vec<(PathBuf, Parser)> {
    FILES
        .iter()
        .flat_map(|kind| {
            files_of(content, kind)
                .into_iter()
                .map(move |p| (p, kind.parser))
        })
        .collect()
}

/// The component or phase files the parsed framework files list.
pub(super) fn framework_jobs(pre: &HashMap<PathBuf, Prepared>) -> Vec<(PathBuf, Parser)> {
    let mut jobs: Vec<(PathBuf, Parser)> = Vec::new();
    let mut fws: Vec<(&PathBuf, &RawFramework)> = pre
        .iter()
        .filter_map(|(p, pr)| {
            let v = pr.parsed.as_ref()?.as_ref().ok()?;
            Some((p, v.downcast_ref::<RawFramework>()?))
        })
        .collect();
    fws.sort_by(|a, b| a.0.cmp(b.0));
    for (p, fw) in fws {
        let Some(dir) = p.parent() else { continue };
        let (listed, f) = match (&fw.components, &fw.phases) {
            (Some(c), _) => (c, COMPONENT.parser),
            (None, Some(ph)) => (ph, PHASE.parser),
            (None, None) => continue,
        };
        for id in listed {
            let q = dir.join(format!("{id}.yaml"));
            if q.exists() {
                jobs.push((q, f));
            }
        }
    }
    jobs
}

pub(super) fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

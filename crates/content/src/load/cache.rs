//! [`ParseCache`]: the parses `serve` keeps between rebuilds, by path,
//! type and text (how each kind of file is parsed is its row of
//! [`crate::model::kinds::files::FILES`]).

pub(super) use crate::model::kinds::files::{AnyParse, Parser};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

/// A parsed file: the text it was parsed from and the value.
pub(super) type CachedParse = (String, AnyParse);

/// A cache key: the file, and the type it was parsed as (a framework that
/// switches from components to phases reads the same file as another type).
pub(super) type CacheKey = (PathBuf, std::any::TypeId);

/// Files parsed by an earlier load (YAML files and Markdown front matter),
/// with the text they were parsed from. `serve` keeps one between rebuilds,
/// so a save re-parses only the files whose text changed (parsing is most of
/// loading a big playbook). It also tells whether the last load read exactly
/// the files and texts of the one before ([`ParseCache::unchanged`]).
#[derive(Default)]
pub struct ParseCache {
    entries: Mutex<HashMap<CacheKey, CachedParse>>,
    /// Paths read by the last load, in order, and whether any text differed
    /// from the cached one.
    last: Mutex<(Vec<PathBuf>, bool)>,
}

impl ParseCache {
    pub(super) fn get(&self, key: &CacheKey, text: &str) -> Option<AnyParse> {
        let m = self.entries.lock().ok()?;
        let (t, v) = m.get(key)?;
        (t == text).then(|| v.clone())
    }

    pub(super) fn put(&self, key: CacheKey, text: &str, value: AnyParse) {
        if let Ok(mut m) = self.entries.lock() {
            m.insert(key, (text.to_string(), value));
        }
    }

    /// True when the last load read the same files, in the same order and
    /// with the same text, as the load before it (so its site is the same).
    pub fn unchanged(&self) -> bool {
        self.last.lock().map(|l| !l.1).unwrap_or(false)
    }

    pub(super) fn record_load(&self, paths: Vec<PathBuf>, any_miss: bool) {
        if let Ok(mut l) = self.last.lock() {
            let changed = any_miss || l.0 != paths;
            *l = (paths, changed);
        }
    }
}

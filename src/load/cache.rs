//! Parsing a file by kind, and [`ParseCache`]: the parses `serve` keeps
//! between rebuilds, by path, type and text.

use super::split_front_matter;
use crate::diag::Diagnostic;
use crate::yaml::{self, YamlSource};
use serde::de::DeserializeOwned;
use std::any::Any;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A parsed value, type-erased so one map holds every file kind.
pub(super) type AnyParse = Arc<dyn Any + Send + Sync>;

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

/// How a file is parsed: a function per file kind, chosen by folder; a
/// file that fails gives every mistake found in it.
pub(super) type ParseFn = fn(&str, &str) -> Result<AnyParse, Vec<Diagnostic>>;

/// A parse function and the type of what it makes (the value's `TypeId`).
#[derive(Clone, Copy)]
pub(super) struct Parser {
    pub(super) parse: ParseFn,
    pub(super) ty: std::any::TypeId,
}

impl Parser {
    pub(super) fn yaml<T: DeserializeOwned + Send + Sync + 'static>() -> Parser {
        Parser {
            parse: parse_yaml_any::<T>,
            ty: std::any::TypeId::of::<T>(),
        }
    }

    pub(super) fn markdown<T: DeserializeOwned + Send + Sync + 'static>() -> Parser {
        Parser {
            parse: parse_md_any::<T>,
            ty: std::any::TypeId::of::<MdParsed<T>>(),
        }
    }
}

pub(super) fn parse_yaml_any<T: DeserializeOwned + Send + Sync + 'static>(
    rel: &str,
    text: &str,
) -> Result<AnyParse, Vec<Diagnostic>> {
    let v = yaml::parse_all::<T>(
        text,
        YamlSource {
            file: rel,
            full_text: text,
            start: 0,
        },
    )?;
    Ok(Arc::new(v))
}

/// Front matter parsed, with the body's byte offset.
pub(super) struct MdParsed<T> {
    pub(super) meta: T,
    pub(super) body_offset: usize,
}

pub(super) fn parse_md_any<T: DeserializeOwned + Send + Sync + 'static>(
    rel: &str,
    text: &str,
) -> Result<AnyParse, Vec<Diagnostic>> {
    let (fm_start, fm_end, body_offset) =
        split_front_matter(text).map_err(|d| vec![d.at(rel, text, 1, 1)])?;
    let meta = yaml::parse_all::<T>(
        &text[fm_start..fm_end],
        YamlSource {
            file: rel,
            full_text: text,
            start: fm_start,
        },
    )?;
    Ok(Arc::new(MdParsed { meta, body_offset }))
}

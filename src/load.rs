//! Read `content/` into the raw model: walk the known folders, read each file
//! (UTF-8, non-empty), split Markdown front matter, and deserialize through
//! [`crate::yaml`]. Every problem becomes a diagnostic; loading goes on past
//! errors so one run reports them all.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::raw::*;
use crate::model::SourceFile;
use crate::yaml::{self, YamlSource};
use serde::de::DeserializeOwned;
use std::any::Any;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A framework as loaded: its file, and the component or phase files it lists.
#[derive(Debug, Clone)]
pub struct LoadedFramework {
    /// framework.yaml (shared with serve's parse cache, like every parsed file).
    pub raw: Arc<RawFramework>,
    /// File index.
    pub file: usize,
    /// Components with their file index, in the listed order.
    pub components: Vec<(Arc<RawComponent>, usize)>,
    /// Phase files with their file index, in the listed order.
    pub phases: Vec<(Arc<RawPhase>, usize)>,
}

/// A Markdown file with front matter.
#[derive(Debug, Clone)]
pub struct MdFile<T> {
    /// Parsed front matter.
    pub meta: T,
    /// Body after the front matter.
    pub body: String,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
    /// File index.
    pub file: usize,
    /// File name without extension.
    pub stem: String,
}

/// Everything read from `content/`, not yet cross-checked.
#[derive(Debug, Clone, Default)]
pub struct RawContent {
    /// Every file read.
    pub sources: Vec<SourceFile>,
    /// roles.yaml.
    pub roles: Vec<(RawRole, usize)>,
    /// Frameworks, sorted by folder name.
    pub frameworks: Vec<LoadedFramework>,
    /// Metric files.
    pub metrics: Vec<(Arc<RawMetricFile>, usize)>,
    /// Markets.
    pub markets: Vec<(Arc<RawMarket>, usize)>,
    /// Regulations.
    pub regulations: Vec<(Arc<RawRegulation>, usize)>,
    /// Experts.
    pub experts: Vec<(Arc<RawExpert>, usize)>,
    /// Research pages.
    pub research: Vec<MdFile<RawResearch>>,
    /// Story chapters, sorted by file name.
    pub chapters: Vec<MdFile<RawChapter>>,
}

/// A parsed value, type-erased so one map holds every file kind.
type AnyParse = Arc<dyn Any + Send + Sync>;

/// A parsed file: the text it was parsed from and the value.
type CachedParse = (String, AnyParse);

/// A cache key: the file, and the type it was parsed as (a framework that
/// switches from components to phases reads the same file as another type).
type CacheKey = (PathBuf, std::any::TypeId);

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
    fn get(&self, key: &CacheKey, text: &str) -> Option<AnyParse> {
        let m = self.entries.lock().ok()?;
        let (t, v) = m.get(key)?;
        (t == text).then(|| v.clone())
    }

    fn put(&self, key: CacheKey, text: &str, value: AnyParse) {
        if let Ok(mut m) = self.entries.lock() {
            m.insert(key, (text.to_string(), value));
        }
    }

    /// True when the last load read the same files, in the same order and
    /// with the same text, as the load before it (so its site is the same).
    pub fn unchanged(&self) -> bool {
        self.last.lock().map(|l| !l.1).unwrap_or(false)
    }

    fn record_load(&self, paths: Vec<PathBuf>, any_miss: bool) {
        if let Ok(mut l) = self.last.lock() {
            let changed = any_miss || l.0 != paths;
            *l = (paths, changed);
        }
    }
}

/// How a file is parsed: a function per file kind, chosen by folder.
type ParseFn = fn(&str, &str) -> Result<AnyParse, Diagnostic>;

/// A parse function and the type of what it makes (the value's `TypeId`).
#[derive(Clone, Copy)]
struct Parser {
    parse: ParseFn,
    ty: std::any::TypeId,
}

impl Parser {
    fn yaml<T: DeserializeOwned + Send + Sync + 'static>() -> Parser {
        Parser {
            parse: parse_yaml_any::<T>,
            ty: std::any::TypeId::of::<T>(),
        }
    }

    fn markdown<T: DeserializeOwned + Send + Sync + 'static>() -> Parser {
        Parser {
            parse: parse_md_any::<T>,
            ty: std::any::TypeId::of::<MdParsed<T>>(),
        }
    }
}

fn parse_yaml_any<T: DeserializeOwned + Send + Sync + 'static>(
    rel: &str,
    text: &str,
) -> Result<AnyParse, Diagnostic> {
    let v = yaml::parse::<T>(
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
struct MdParsed<T> {
    meta: T,
    body_offset: usize,
}

fn parse_md_any<T: DeserializeOwned + Send + Sync + 'static>(
    rel: &str,
    text: &str,
) -> Result<AnyParse, Diagnostic> {
    let (fm_start, fm_end, body_offset) =
        split_front_matter(text).map_err(|d| d.at(rel, text, 1, 1))?;
    let meta = yaml::parse::<T>(
        &text[fm_start..fm_end],
        YamlSource {
            file: rel,
            full_text: text,
            start: fm_start,
        },
    )?;
    Ok(Arc::new(MdParsed { meta, body_offset }))
}

/// A file read and parsed ahead of the (serial, ordered) assembly.
struct Prepared {
    /// The text, or why it could not be read.
    text: Option<Result<String, Diagnostic>>,
    /// The parse, when the text was read.
    parsed: Option<Result<AnyParse, Diagnostic>>,
    /// The parse came from the cache.
    hit: bool,
    /// The type it was parsed as.
    ty: std::any::TypeId,
}

/// Sorted entries of a folder that may not exist.
fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    v
}

/// Files of a folder with the extension, ignoring editor droppings (`.#x`, `x~`, `.x.swp`).
fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
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

fn rel_path(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Read a file as UTF-8 without a BOM; it must not be empty.
fn read_text(root: &Path, p: &Path) -> Result<String, Diagnostic> {
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
fn prepare(
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

/// The files a load reads, with how each is parsed, except the component
/// and phase files (named by the framework files: see [`framework_jobs`]).
fn first_jobs(content: &Path) -> Vec<(PathBuf, Parser)> {
    let mut jobs: Vec<(PathBuf, Parser)> = Vec::new();
    let roles = content.join("roles.yaml");
    if roles.exists() {
        jobs.push((roles, Parser::yaml::<RolesFile>()));
    }
    for dir in sorted_entries(&content.join("frameworks")) {
        let fw = dir.join("framework.yaml");
        if dir.is_dir() && fw.exists() {
            jobs.push((fw, Parser::yaml::<RawFramework>()));
        }
    }
    for (folder, f) in [
        ("metrics", Parser::yaml::<RawMetricFile>()),
        ("markets", Parser::yaml::<RawMarket>()),
        ("regulations", Parser::yaml::<RawRegulation>()),
        ("experts", Parser::yaml::<RawExpert>()),
    ] {
        for p in files_in(&content.join(folder), "yaml") {
            jobs.push((p, f));
        }
    }
    for (folder, f) in [
        ("research", Parser::markdown::<RawResearch>()),
        ("story", Parser::markdown::<RawChapter>()),
    ] {
        for p in files_in(&content.join(folder), "md") {
            jobs.push((p, f));
        }
    }
    jobs
}

/// The component or phase files the parsed framework files list.
fn framework_jobs(pre: &HashMap<PathBuf, Prepared>) -> Vec<(PathBuf, Parser)> {
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
            (Some(c), _) => (c, Parser::yaml::<RawComponent>()),
            (None, Some(ph)) => (ph, Parser::yaml::<RawPhase>()),
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

/// Read the whole `content/` folder under `root`.
pub fn load_content(root: &Path) -> (RawContent, Diagnostics) {
    load_content_with(root, None)
}

/// [`load_content`], reusing (and filling) `cache` for files whose text is unchanged.
pub fn load_content_with(root: &Path, cache: Option<&ParseCache>) -> (RawContent, Diagnostics) {
    let mut l = Loader {
        root: root.to_path_buf(),
        out: RawContent::default(),
        diags: Diagnostics::new(),
        seen_dirs: HashSet::new(),
        pre: HashMap::new(),
        misses: false,
    };
    let content = root.join("content");
    if content.is_dir() {
        // Read and parse every file in parallel (the framework files first:
        // they name the rest), then assemble in the serial order of
        // `assemble`, so file indices and diagnostics come out exactly as
        // a one-by-one load's.
        l.pre = prepare(root, first_jobs(&content), cache)
            .into_iter()
            .collect();
        let more = prepare(root, framework_jobs(&l.pre), cache);
        l.pre.extend(more);
    }
    l.assemble(&content);
    if let Some(c) = cache {
        let paths = l.out.sources.iter().map(|s| root.join(&s.path)).collect();
        c.record_load(paths, l.misses);
    }
    (l.out, l.diags)
}

struct Loader {
    root: PathBuf,
    out: RawContent,
    diags: Diagnostics,
    seen_dirs: HashSet<PathBuf>,
    /// Files read and parsed ahead, taken as the assembly reaches them.
    pre: HashMap<PathBuf, Prepared>,
    /// Some file was parsed afresh (its text was not in the cache).
    misses: bool,
}

impl Loader {
    /// Walk `content/` in a fixed order, registering each file and its
    /// parse (or its diagnostics).
    fn assemble(&mut self, content: &Path) {
        let l = self;
        if !content.is_dir() {
            l.diags.push(
                Diagnostic::error("no content/ folder")
                    .help("a playbook keeps its YAML and Markdown under content/; create one with `playbook init DIR`"),
            );
            return;
        }
        l.seen_dirs.insert(canonical(content));

        if content.join("roles.yaml").exists() {
            if let Some((f, file)) = l.yaml::<RolesFile>(&content.join("roles.yaml")) {
                l.out.roles = f.roles.iter().map(|r| (r.clone(), file)).collect();
            }
        } else {
            l.diags
                .push(Diagnostic::error("missing content/roles.yaml").help(
                "list the roles that own tasks: `roles: [{id: ops-lead, title: Head of operations}]`",
            ));
        }

        for dir in l.subdirs(&content.join("frameworks")) {
            l.framework(&dir);
        }
        for p in files_in(&content.join("metrics"), "yaml") {
            if let Some(v) = l.yaml::<RawMetricFile>(&p) {
                l.out.metrics.push(v);
            }
        }
        for p in files_in(&content.join("markets"), "yaml") {
            if let Some(v) = l.yaml::<RawMarket>(&p) {
                l.check_id_matches_file(&v.0.id, &p, v.1);
                l.out.markets.push(v);
            }
        }
        for p in files_in(&content.join("regulations"), "yaml") {
            if let Some(v) = l.yaml::<RawRegulation>(&p) {
                l.out.regulations.push(v);
            }
        }
        for p in files_in(&content.join("experts"), "yaml") {
            if let Some(v) = l.yaml::<RawExpert>(&p) {
                l.out.experts.push(v);
            }
        }
        for p in files_in(&content.join("research"), "md") {
            if let Some(v) = l.markdown::<RawResearch>(&p) {
                l.out.research.push(v);
            }
        }
        for p in files_in(&content.join("story"), "md") {
            if let Some(v) = l.markdown::<RawChapter>(&p) {
                l.out.chapters.push(v);
            }
        }
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

impl Loader {
    fn rel(&self, p: &Path) -> String {
        rel_path(&self.root, p)
    }

    /// Sub-folders, skipping symlinks that lead back to a folder already seen (loops).
    fn subdirs(&mut self, dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for p in sorted_entries(dir) {
            if !p.is_dir() {
                continue;
            }
            let c = canonical(&p);
            if !self.seen_dirs.insert(c) || self.is_ancestor_link(&p) {
                self.diags.push(
                    Diagnostic::warning(format!(
                        "skipped {}: it links back to a folder already read (a symlink loop)",
                        self.rel(&p)
                    ))
                    .help("remove the symlink, or point it at a folder outside content/"),
                );
                continue;
            }
            out.push(p);
        }
        out
    }

    fn is_ancestor_link(&self, p: &Path) -> bool {
        let c = canonical(p);
        p.parent()
            .is_some_and(|parent| canonical(parent).starts_with(&c))
    }

    /// Take the prepared read and parse of `p` (doing them now if it was not prepared).
    fn take(&mut self, p: &Path, parser: Parser) -> Prepared {
        if let Some(pr) = self.pre.remove(p).filter(|pr| pr.ty == parser.ty) {
            return pr;
        }
        let text = read_text(&self.root, p);
        let parsed = text.as_ref().ok().map(|t| (parser.parse)(&self.rel(p), t));
        Prepared {
            text: Some(text),
            parsed,
            hit: false,
            ty: parser.ty,
        }
    }

    /// Register a file's text; its parse, or `None` after recording a diagnostic.
    fn register(&mut self, p: &Path, parser: Parser) -> Option<(usize, AnyParse)> {
        let mut pr = self.take(p, parser);
        self.misses |= !pr.hit;
        let text = match pr.text.take()? {
            Ok(t) => t,
            Err(d) => {
                self.diags.push(d);
                return None;
            }
        };
        self.out.sources.push(SourceFile {
            path: self.rel(p),
            text,
        });
        let file = self.out.sources.len() - 1;
        match pr.parsed? {
            Ok(v) => Some((file, v)),
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn yaml<T: DeserializeOwned + Send + Sync + 'static>(
        &mut self,
        p: &Path,
    ) -> Option<(Arc<T>, usize)> {
        let (file, v) = self.register(p, Parser::yaml::<T>())?;
        // Shared with the cache, not copied: resolve only reads it.
        Some((v.downcast::<T>().ok()?, file))
    }

    fn markdown<T: DeserializeOwned + Clone + Send + Sync + 'static>(
        &mut self,
        p: &Path,
    ) -> Option<MdFile<T>> {
        let (file, v) = self.register(p, Parser::markdown::<T>())?;
        let v = v.downcast::<MdParsed<T>>().ok()?;
        let (meta, body_offset) = match Arc::try_unwrap(v) {
            Ok(m) => (m.meta, m.body_offset),
            Err(v) => (v.meta.clone(), v.body_offset),
        };
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        Some(MdFile {
            meta,
            body: self.out.sources[file].text[body_offset..].to_string(),
            body_offset,
            file,
            stem,
        })
    }

    fn check_id_matches_file(&mut self, id: &str, p: &Path, file: usize) {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if id != stem {
            let src = &self.out.sources[file];
            let off = find_key_value(&src.text, "id", id).unwrap_or(0);
            self.diags.push(
                Diagnostic::error(format!(
                    "market id `{id}` does not match its file name `{stem}.yaml`"
                ))
                .at_offset(&src.path, &src.text, off)
                .help(format!("rename the file to {id}.yaml or set `id: {stem}`")),
            );
        }
    }

    fn framework(&mut self, dir: &Path) {
        let fw_path = dir.join("framework.yaml");
        if !fw_path.exists() {
            self.diags.push(
                Diagnostic::error(format!("{} has no framework.yaml", self.rel(dir)))
                    .help("every folder under content/frameworks/ is a framework and needs a framework.yaml naming its components or phases"),
            );
            return;
        }
        let Some((raw, file)) = self.yaml::<RawFramework>(&fw_path) else {
            return;
        };
        let mut lf = LoadedFramework {
            raw: raw.clone(),
            file,
            components: Vec::new(),
            phases: Vec::new(),
        };
        let src_path = self.out.sources[file].path.clone();
        let src_text = self.out.sources[file].text.clone();
        match (&raw.components, &raw.phases) {
            (Some(_), Some(_)) => self.diags.push(
                Diagnostic::error("a framework lists both `components` and `phases`")
                    .at_offset(&src_path, &src_text, find_key(&src_text, "phases").unwrap_or(0))
                    .help("a framework has components (each with its phases) or phases directly, not both"),
            ),
            (None, None) => self.diags.push(
                Diagnostic::error("a framework lists neither `components` nor `phases`")
                    .at(&src_path, &src_text, 1, 1)
                    .help("add `components: [id, …]` (files <id>.yaml beside framework.yaml) or `phases: [id, …]`"),
            ),
            _ => {}
        }
        let listed: Vec<String> = raw
            .components
            .clone()
            .or(raw.phases.clone())
            .unwrap_or_default();
        let is_components = raw.components.is_some();
        for id in &listed {
            let p = dir.join(format!("{id}.yaml"));
            if !p.exists() {
                let off = find_list_item(&src_text, id).unwrap_or(0);
                self.diags.push(
                    Diagnostic::error(format!(
                        "{} `{id}` is listed but {}/{id}.yaml does not exist",
                        if is_components { "component" } else { "phase" },
                        self.rel(dir)
                    ))
                    .at_offset(&src_path, &src_text, off)
                    .help(format!(
                        "create {id}.yaml beside framework.yaml, or remove `{id}` from the list"
                    )),
                );
                continue;
            }
            if is_components {
                if let Some(v) = self.yaml::<RawComponent>(&p) {
                    lf.components.push(v);
                }
            } else if let Some(v) = self.yaml::<RawPhase>(&p) {
                lf.phases.push(v);
            }
        }
        // YAML files in the folder that nothing lists are probably a mistake.
        for p in files_in(dir, "yaml") {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if stem != "framework" && !listed.iter().any(|l| l == stem) {
                self.diags.push(
                    Diagnostic::warning(format!(
                        "{} is not listed in framework.yaml and is ignored",
                        self.rel(&p)
                    ))
                    .help(format!(
                        "add `{stem}` to the framework's components or phases"
                    )),
                );
            }
        }
        self.out.frameworks.push(lf);
    }
}

/// Find the front matter: returns (yaml start, yaml end, body start) byte offsets.
pub fn split_front_matter(text: &str) -> Result<(usize, usize, usize), Diagnostic> {
    let first_line_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error("missing front matter").help(
            "start the file with a line `---`, then YAML fields (title, …), then a closing `---` line",
        ));
    }
    let start = first_line_end;
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        if text[pos..end].trim_end() == "---" {
            return Ok((start, pos, end));
        }
        pos = end;
    }
    Err(Diagnostic::error("front matter is never closed")
        .help("add a line containing only `---` after the front-matter fields"))
}

/// Byte offset of `key: value` at the start of a line (after indentation or `- `).
pub fn find_key_value(text: &str, key: &str, value: &str) -> Option<usize> {
    find_key_value_nth(text, key, value, 0)
}

/// Byte offset of the `n`th (0-based) `key: value` line.
pub fn find_key_value_nth(text: &str, key: &str, value: &str, mut n: usize) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let t2 = t.strip_prefix("- ").unwrap_or(t).trim_start();
        if let Some(rest) = t2.strip_prefix(key) {
            if let Some(v) = rest.trim_start().strip_prefix(':') {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
                if v == value {
                    if n == 0 {
                        let col = line.len() - t2.len();
                        return Some(offset + col);
                    }
                    n -= 1;
                }
            }
        }
        offset += line.len();
    }
    None
}

/// Byte offset of `key:` at the start of a line.
pub fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let t2 = t.strip_prefix("- ").unwrap_or(t);
        if t2.starts_with(key) && t2[key.len()..].trim_start().starts_with(':') {
            return Some(offset + line.len() - t2.len());
        }
        offset += line.len();
    }
    None
}

/// Byte offset of a list item that is exactly `item` (in `[a, b]` or `- a` form).
pub fn find_list_item(text: &str, item: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(item) {
        let s = from + i;
        let e = s + item.len();
        let before_ok = s == 0 || matches!(bytes[s - 1], b'[' | b' ' | b',' | b'"' | b'\'');
        let after_ok = e == text.len()
            || matches!(bytes[e], b']' | b',' | b'\n' | b'"' | b'\'' | b' ' | b'\r');
        if before_ok && after_ok {
            return Some(s);
        }
        from = e;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_into_yaml_and_body() {
        let t = "---\ntitle: A\n---\nBody\n";
        let (s, e, b) = split_front_matter(t).unwrap();
        assert_eq!(&t[s..e], "title: A\n");
        assert_eq!(&t[b..], "Body\n");
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let d = split_front_matter("---\ntitle: A\nBody\n").unwrap_err();
        assert!(d.message.contains("never closed"));
    }

    #[test]
    fn key_value_is_found_in_lists_too() {
        let t = "steps:\n  - id: a\n    title: x\n  - id: b\n";
        assert_eq!(find_key_value(t, "id", "b"), Some(t.find("id: b").unwrap()));
    }
}

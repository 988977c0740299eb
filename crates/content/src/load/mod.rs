//! Read `content/` into the raw model: walk the known folders, read each file
//! (UTF-8, non-empty), split Markdown front matter, and deserialize through
//! [`crate::yaml`]. Every problem becomes a diagnostic; loading goes on past
//! errors so one run reports them all.
//!
//! [`read`] lists, reads and parses the files in parallel (through
//! [`cache`]'s parsers and `serve`'s [`ParseCache`]); [`Loader::assemble`]
//! then takes them in a fixed order, so file indices and diagnostics are a
//! one-by-one load's. A diagnostic about a file's YAML is placed through its
//! span map ([`crate::yaml::SpanMap`]), never by searching the text.

mod cache;
mod read;

pub use crate::yaml::split_front_matter;
pub use cache::ParseCache;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::kinds::files::{
    FileKind, FrontMatter, Place, COMPONENT, FILES, FRAMEWORK, PHASE,
};
use crate::model::raw::*;
use crate::model::{Idx, IdxVec, SourceFile};
use crate::yaml::SpanMap;
use cache::{AnyParse, Parser};
use read::{canonical, files_in, files_of, first_jobs, framework_jobs, prepare};
use read::{read_text, rel_path, sorted_entries, Prepared};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A framework as loaded: its file, and the component or phase files it lists.
#[derive(Debug, Clone)]
pub struct LoadedFramework {
    /// framework.yaml (shared with serve's parse cache, like every parsed file).
    pub raw: Arc<RawFramework>,
    /// File index.
    pub file: Idx<SourceFile>,
    /// Components with their file index, in the listed order.
    pub components: Vec<(Arc<RawComponent>, Idx<SourceFile>)>,
    /// Phase files with their file index, in the listed order.
    pub phases: Vec<(Arc<RawPhase>, Idx<SourceFile>)>,
}

/// A Markdown file with its front matter, as loaded (its body is the
/// file's text from `body_offset`).
#[derive(Debug, Clone, Copy)]
pub struct Document<'a, T> {
    /// The parsed front matter.
    pub meta: &'a T,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
    /// File index.
    pub file: Idx<SourceFile>,
    /// File name without extension.
    pub stem: &'a str,
}

/// One file read and parsed, of a kind of [`FILES`] (the frameworks'
/// files are in [`RawContent::frameworks`]).
#[derive(Clone)]
struct Loaded {
    /// Its kind.
    kind: &'static FileKind,
    /// Its index in the sources.
    file: Idx<SourceFile>,
    /// Its value, of the kind's raw type (shared with serve's parse cache).
    value: AnyParse,
    /// Its name without folders and extension (a market file's id, a
    /// chapter's `NN-slug`): kept here, since resolve takes the sources.
    stem: Box<str>,
}

impl Loaded {
    fn new(kind: &'static FileKind, file: Idx<SourceFile>, value: AnyParse, path: &str) -> Loaded {
        let name = path.rsplit('/').next().unwrap_or(path);
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        Loaded {
            kind,
            file,
            value,
            stem: stem.into(),
        }
    }
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} file {:?}", self.kind.name, self.file)
    }
}

/// Everything read from `content/`, not yet cross-checked: the files in
/// load order, each parsed as its kind's raw type.
#[derive(Debug, Clone, Default)]
pub struct RawContent {
    /// Every file read.
    pub sources: IdxVec<SourceFile>,
    /// Frameworks, sorted by folder name, with the files they list.
    pub frameworks: Vec<LoadedFramework>,
    /// The other files, in load order.
    files: Vec<Loaded>,
}

impl RawContent {
    /// Every YAML file parsed as `T` (a kind's raw type: `RawMarket`,
    /// `RolesFile`, …), in load order, with its index.
    pub fn files<T: 'static>(&self) -> impl Iterator<Item = (&T, Idx<SourceFile>)> {
        self.files
            .iter()
            .filter_map(|f| Some((f.value.downcast_ref::<T>()?, f.file)))
    }

    /// Every role of `content/roles.yaml`, with its file.
    pub fn roles(&self) -> impl Iterator<Item = (&RawRole, Idx<SourceFile>)> {
        self.files::<RolesFile>()
            .flat_map(|(f, file)| f.roles.iter().map(move |r| (r, file)))
    }

    /// [`RawContent::files`] with each file's name without folders and
    /// extension (a progress file's market, a market file's id).
    pub fn named_files<T: 'static>(&self) -> impl Iterator<Item = (&T, Idx<SourceFile>, &str)> {
        self.files
            .iter()
            .filter_map(|f| Some((f.value.downcast_ref::<T>()?, f.file, &*f.stem)))
    }

    /// Every Markdown file whose front matter is `T`, in load order.
    pub fn documents<T: 'static>(&self) -> impl Iterator<Item = Document<'_, T>> {
        self.files.iter().filter_map(|f| {
            let fm = f.value.downcast_ref::<FrontMatter<T>>()?;
            Some(Document {
                meta: &fm.meta,
                body_offset: fm.body_offset,
                file: f.file,
                stem: &f.stem,
            })
        })
    }

    /// Add a file of `kind` read as `text` at `path`: its parse, or the
    /// mistakes in it (a test's playbook, made in memory).
    pub fn add(
        &mut self,
        kind: &'static FileKind,
        path: &str,
        text: &str,
    ) -> Result<Idx<SourceFile>, Vec<Diagnostic>> {
        let file = self.sources.push(SourceFile {
            path: path.to_string(),
            text: text.to_string(),
        });
        let value = (kind.parser.parse)(path, text)?;
        self.files.push(Loaded::new(kind, file, value, path));
        Ok(file)
    }
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

        for kind in FILES {
            match kind.place {
                Place::Frameworks => {
                    for dir in l.subdirs(&content.join("frameworks")) {
                        l.framework(&dir);
                    }
                }
                // Read with their frameworks.
                Place::Components | Place::Phases => {}
                Place::File(path, Some(help)) if !content.join(path).is_file() => {
                    l.diags
                        .push(Diagnostic::error(format!("missing content/{path}")).help(help));
                }
                Place::File(..) | Place::Folder(..) => {
                    for p in files_of(content, kind) {
                        l.file(kind, &p);
                    }
                }
            }
        }
        // A market file is named by its market's id.
        let markets: Vec<(String, Idx<SourceFile>, String)> = l
            .out
            .named_files::<RawMarket>()
            .map(|(m, file, stem)| (m.id.clone(), file, stem.to_string()))
            .collect();
        for (id, file, stem) in markets {
            l.check_id_matches_file(&id, file, &stem);
        }
    }
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
    fn register(&mut self, p: &Path, parser: Parser) -> Option<(Idx<SourceFile>, AnyParse)> {
        let mut pr = self.take(p, parser);
        self.misses |= !pr.hit;
        let text = match pr.text.take()? {
            Ok(t) => t,
            Err(d) => {
                self.diags.push(d);
                return None;
            }
        };
        let file = self.out.sources.push(SourceFile {
            path: self.rel(p),
            text,
        });
        match pr.parsed? {
            Ok(v) => Some((file, v)),
            Err(ds) => {
                ds.into_iter().for_each(|d| self.diags.push(d));
                None
            }
        }
    }

    /// Read a file of `kind` (any but the frameworks' own) into the content.
    fn file(&mut self, kind: &'static FileKind, p: &Path) {
        if let Some((file, value)) = self.register(p, kind.parser) {
            let loaded = Loaded::new(kind, file, value, &self.out.sources[file].path);
            self.out.files.push(loaded);
        }
    }

    /// Read a framework's file (its `framework.yaml`, a component or a phase
    /// file) as `T`.
    fn framework_file<T: Send + Sync + 'static>(
        &mut self,
        kind: &FileKind,
        p: &Path,
    ) -> Option<(Arc<T>, Idx<SourceFile>)> {
        let (file, v) = self.register(p, kind.parser)?;
        // Shared with the cache, not copied: resolve only reads it.
        Some((v.downcast::<T>().ok()?, file))
    }

    fn check_id_matches_file(&mut self, id: &str, file: Idx<SourceFile>, stem: &str) {
        if id != stem {
            let src = &self.out.sources[file];
            let off = key_offset(&src.text, "id");
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
        let Some((raw, file)) = self.framework_file::<RawFramework>(FRAMEWORK, &fw_path) else {
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
                    .at_offset(&src_path, &src_text, key_offset(&src_text, "phases"))
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
        let list = if is_components {
            "components"
        } else {
            "phases"
        };
        for (i, id) in listed.iter().enumerate() {
            let p = dir.join(format!("{id}.yaml"));
            if !p.exists() {
                let off = key_offset(&src_text, &format!("{list}[{i}]"));
                self.diags.push(
                    Diagnostic::error(format!(
                        "{} `{id}` is listed but {}/{id}.yaml does not exist",
                        if is_components { "component" } else { "phase" },
                        self.rel(dir)
                    ))
                    .at_offset(&src_path, &src_text, off)
                    .span(id.chars().count())
                    .help(format!(
                        "create {id}.yaml beside framework.yaml, or remove `{id}` from the list"
                    )),
                );
                continue;
            }
            if is_components {
                if let Some(v) = self.framework_file::<RawComponent>(COMPONENT, &p) {
                    lf.components.push(v);
                }
            } else if let Some(v) = self.framework_file::<RawPhase>(&PHASE, &p) {
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

/// Where to point at the node at `path` of a YAML file: its key, or (a list
/// item) its value; the file's start if it has no such node.
fn key_offset(text: &str, path: &str) -> usize {
    SpanMap::build(text, 0, text.len())
        .key_or_value(path)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::key_offset;

    #[test]
    fn a_load_diagnostic_points_at_the_key_or_the_list_item_the_parser_saw() {
        let t = "# a comment with id: x\nid: de\ncomponents: [a, \"b\"]\nphases:\n  - c\n";
        assert_eq!(&t[key_offset(t, "id")..][..6], "id: de");
        assert_eq!(&t[key_offset(t, "components[1]")..][..3], "\"b\"");
        assert_eq!(&t[key_offset(t, "phases")..][..7], "phases:");
        assert_eq!(&t[key_offset(t, "phases[0]")..][..1], "c");
        assert_eq!(
            key_offset(t, "nothing"),
            0,
            "no such node: the file's start"
        );
    }
}

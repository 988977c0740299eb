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
mod front_matter;
mod read;

pub use cache::ParseCache;
pub use front_matter::split_front_matter;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::raw::*;
use crate::model::{Idx, IdxVec, SourceFile};
use crate::yaml::SpanMap;
use cache::{AnyParse, MdParsed, Parser};
use read::{canonical, files_in, first_jobs, framework_jobs, prepare, read_text, rel_path};
use read::{sorted_entries, Prepared};
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The learning path's file name, in `content/story/`.
pub const LEARNING_PATH: &str = "learning-path.yaml";

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
    pub file: Idx<SourceFile>,
    /// File name without extension.
    pub stem: String,
}

/// Everything read from `content/`, not yet cross-checked.
#[derive(Debug, Clone, Default)]
pub struct RawContent {
    /// Every file read.
    pub sources: IdxVec<SourceFile>,
    /// roles.yaml.
    pub roles: Vec<(RawRole, Idx<SourceFile>)>,
    /// Frameworks, sorted by folder name.
    pub frameworks: Vec<LoadedFramework>,
    /// Metric files.
    pub metrics: Vec<(Arc<RawMetricFile>, Idx<SourceFile>)>,
    /// Markets.
    pub markets: Vec<(Arc<RawMarket>, Idx<SourceFile>)>,
    /// Regulations.
    pub regulations: Vec<(Arc<RawRegulation>, Idx<SourceFile>)>,
    /// Experts.
    pub experts: Vec<(Arc<RawExpert>, Idx<SourceFile>)>,
    /// Research pages.
    pub research: Vec<MdFile<RawResearch>>,
    /// Story chapters, sorted by file name.
    pub chapters: Vec<MdFile<RawChapter>>,
    /// `story/learning-path.yaml`, if there is one.
    pub learning: Option<(Arc<RawLearningPath>, Idx<SourceFile>)>,
    /// Progress files (`content/progress/<market>.yaml`), with their file
    /// names' stems (the market ids they are for).
    pub progress: Vec<(Arc<RawProgress>, Idx<SourceFile>, String)>,
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
        let path = content.join("story").join(LEARNING_PATH);
        if path.is_file() {
            l.out.learning = l.yaml::<RawLearningPath>(&path);
        }
        for p in files_in(&content.join("progress"), "yaml") {
            if let Some((v, file)) = l.yaml::<RawProgress>(&p) {
                let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                l.out.progress.push((v, file, stem.to_string()));
            }
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

    fn yaml<T: DeserializeOwned + Send + Sync + 'static>(
        &mut self,
        p: &Path,
    ) -> Option<(Arc<T>, Idx<SourceFile>)> {
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

    fn check_id_matches_file(&mut self, id: &str, p: &Path, file: Idx<SourceFile>) {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
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

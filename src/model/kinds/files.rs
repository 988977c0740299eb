//! The kinds of content file, in the order a load reads them ([`FILES`]):
//! where each kind's files are, the raw type a file is parsed into, and
//! its editor schema. `load` walks this table; `playbook schema` writes a
//! schema per row. The kinds whose entities are files of their own
//! (markets, research pages, …) declare their file kind in their own row
//! (`kinds/<kind>.rs`); the rest are here.

use super::{chapter, component, expert, framework, market, regulation, research};
use crate::diag::Diagnostic;
use crate::model::raw::*;
use crate::yaml::{self, YamlSource};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use std::any::{Any, TypeId};
use std::sync::Arc;

/// Every kind of content file, in the order a load reads them (which fixes
/// the files' indices and the order of their diagnostics).
pub const FILES: &[&FileKind] = &[
    &ROLES,
    &framework::FILE,
    &component::FILE,
    &PHASE,
    &METRICS,
    &market::FILE,
    &regulation::FILE,
    &expert::FILE,
    &research::FILE,
    &chapter::FILE,
    &LEARNING_PATH,
    &PROGRESS,
];

/// A framework's own file (`frameworks/<fw>/framework.yaml`): the load
/// reads it first, and the component or phase files it lists with it.
pub const FRAMEWORK: &FileKind = &framework::FILE;

/// A framework's component file (a framework of components lists them).
pub const COMPONENT: &FileKind = &component::FILE;

/// One kind of content file.
pub struct FileKind {
    /// Its schema's name (`market` → `market.schema.json`).
    pub name: &'static str,
    /// Its schema's title.
    pub title: &'static str,
    /// Where its files are.
    pub place: Place,
    /// How a file is parsed, into which raw type.
    pub parser: Parser,
    /// The schema of that raw type.
    pub schema: fn(SchemaGenerator) -> Schema,
}

/// Where a kind's files are, under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// One file at this path under `content/`, which a playbook may leave
    /// out (`story/learning-path.yaml`), or must have, with the hint for
    /// one that does not (`roles.yaml`).
    File(&'static str, Option<&'static str>),
    /// Every file with the extension in a folder (`markets`, `yaml`).
    Folder(&'static str, &'static str),
    /// `framework.yaml` in each folder of `frameworks/`.
    Frameworks,
    /// The files a framework lists as its `components`, beside it.
    Components,
    /// The files a framework lists as its `phases`, beside it.
    Phases,
}

impl Place {
    /// The files' glob relative to the playbook root, where a glob names
    /// them (component and phase files are known from the frameworks).
    pub fn glob(self) -> Option<String> {
        match self {
            Place::File(path, _) => Some(format!("content/{path}")),
            Place::Folder(dir, ext) => Some(format!("content/{dir}/*.{ext}")),
            Place::Frameworks => Some("content/frameworks/*/framework.yaml".into()),
            Place::Components | Place::Phases => None,
        }
    }

    /// Whether a file at `rel` (relative to `content/`) is one of these.
    /// Component and phase files are named by their frameworks, so no
    /// path alone is one.
    pub fn holds(self, rel: &str) -> bool {
        let name_in = |dir: &str, name: &str| {
            rel.strip_prefix(dir)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|r| r == name)
        };
        match self {
            Place::File(path, _) => rel == path,
            Place::Folder(dir, ext) => rel
                .strip_prefix(dir)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|r| !r.contains('/') && r.ends_with(&format!(".{ext}"))),
            Place::Frameworks => rel
                .strip_prefix("frameworks/")
                .and_then(|r| r.split_once('/'))
                .is_some_and(|(dir, _)| {
                    !dir.is_empty() && name_in(&format!("frameworks/{dir}"), "framework.yaml")
                }),
            Place::Components | Place::Phases => false,
        }
    }
}

/// A parsed file's value, of the kind's raw type (shared with `serve`'s
/// parse cache).
pub type AnyParse = Arc<dyn Any + Send + Sync>;

/// Parse a file (its path for messages, its text), or every mistake in it.
pub type ParseFn = fn(&str, &str) -> Result<AnyParse, Vec<Diagnostic>>;

/// How a kind's file is parsed, and the type of what it makes.
#[derive(Clone, Copy)]
pub struct Parser {
    /// The parse.
    pub parse: ParseFn,
    /// The type of its value (a framework that switches from components to
    /// phases reads one file as another type: caches key on it).
    pub ty: TypeId,
    /// Whether the file is Markdown with YAML front matter (the value is a
    /// [`FrontMatter`]).
    pub front_matter: bool,
}

impl Parser {
    /// A YAML file parsed as `T`.
    pub const fn yaml<T: DeserializeOwned + Send + Sync + 'static>() -> Parser {
        Parser {
            parse: parse_yaml::<T>,
            ty: TypeId::of::<T>(),
            front_matter: false,
        }
    }

    /// A Markdown file whose front matter is parsed as `T`.
    pub const fn markdown<T: DeserializeOwned + Send + Sync + 'static>() -> Parser {
        Parser {
            parse: parse_markdown::<T>,
            ty: TypeId::of::<FrontMatter<T>>(),
            front_matter: true,
        }
    }
}

/// A Markdown file's front matter, parsed, and where its body starts.
#[derive(Debug, Clone)]
pub struct FrontMatter<T> {
    /// The front matter.
    pub meta: T,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

fn parse_yaml<T: DeserializeOwned + Send + Sync + 'static>(
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

fn parse_markdown<T: DeserializeOwned + Send + Sync + 'static>(
    rel: &str,
    text: &str,
) -> Result<AnyParse, Vec<Diagnostic>> {
    let (fm_start, fm_end, body_offset) =
        yaml::split_front_matter(text).map_err(|d| vec![d.at(rel, text, 1, 1)])?;
    let meta = yaml::parse_all::<T>(
        &text[fm_start..fm_end],
        YamlSource {
            file: rel,
            full_text: text,
            start: fm_start,
        },
    )?;
    Ok(Arc::new(FrontMatter { meta, body_offset }))
}

/// The root schema of `T`, for a row's `schema`.
pub fn schema_of<T: JsonSchema>(g: SchemaGenerator) -> Schema {
    g.into_root_schema_for::<T>()
}

/// `content/roles.yaml`: the roles that own tasks.
pub const ROLES: FileKind = FileKind {
    name: "roles",
    title: "Playbook roles (content/roles.yaml)",
    place: Place::File(
        "roles.yaml",
        Some("list the roles that own tasks: `roles: [{id: ops-lead, title: Head of operations}]`"),
    ),
    parser: Parser::yaml::<RolesFile>(),
    schema: schema_of::<RolesFile>,
};

/// A framework's phase file (a framework of phases lists them).
pub const PHASE: FileKind = FileKind {
    name: "phase",
    title: "Playbook phase file (content/frameworks/<fw>/<phase>.yaml)",
    place: Place::Phases,
    parser: Parser::yaml::<RawPhase>(),
    schema: schema_of::<RawPhase>,
};

/// A metrics file: a group of metrics.
pub const METRICS: FileKind = FileKind {
    name: "metrics",
    title: "Playbook metrics (content/metrics/<group>.yaml)",
    place: Place::Folder("metrics", "yaml"),
    parser: Parser::yaml::<RawMetricFile>(),
    schema: schema_of::<RawMetricFile>,
};

/// The story's learning path.
pub const LEARNING_PATH: FileKind = FileKind {
    name: "learning-path",
    title: "Playbook learning path (content/story/learning-path.yaml)",
    place: Place::File("story/learning-path.yaml", None),
    parser: Parser::yaml::<RawLearningPath>(),
    schema: schema_of::<RawLearningPath>,
};

/// A program's recorded progress, named by its market (or `company`).
pub const PROGRESS: FileKind = FileKind {
    name: "progress",
    title: "Playbook progress (content/progress/<market>.yaml)",
    place: Place::Folder("progress", "yaml"),
    parser: Parser::yaml::<RawProgress>(),
    schema: schema_of::<RawProgress>,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn every_kind_with_files_of_its_own_has_its_file_kind_in_the_table() {
        for k in Kind::ALL {
            if let Some(f) = k.info().file {
                assert!(
                    FILES.iter().any(|x| x.name == f.name),
                    "{k:?}'s file kind is not in FILES"
                );
            }
        }
        let mut names: Vec<&str> = FILES.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            FILES.len(),
            "two file kinds share a schema name"
        );
    }
}

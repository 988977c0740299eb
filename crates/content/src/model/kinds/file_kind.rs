//! What a kind of content file is ([`FileKind`]: its schema's name, where
//! its files are, how one is parsed into which raw type) and the parsers;
//! the kinds' own rows use it, and [`super::files::FILES`] lists them (kept
//! apart so the table and the rows it lists do not import each other).

use crate::diag::Diagnostic;
use crate::yaml::{self, YamlSource};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use std::any::{Any, TypeId};
use std::sync::Arc;

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

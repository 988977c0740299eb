//! JSON Schemas of the content files and `book.toml`, derived from the types
//! that load them (`model::raw`, `config`; `schemars` reads their serde
//! attributes, and their doc comments become the descriptions), so an
//! editor's schema cannot drift from what `playbook check` accepts.
//!
//! Each schema is made for one playbook: the closed sets only its content
//! knows (roles, regions, tags, markets, regulations; [`ClosedSet`]) become
//! `enum`s ([`sets`]), and the editor settings map each kind's files to its
//! schema ([`vscode`]). [`KINDS`] is the one table of what gets a schema;
//! adding a kind is one row. Pure: nothing here reads or writes a file.

mod sets;
pub mod vscode;

pub use sets::ContentSets;

use crate::config::Config;
use crate::load::RawContent;
use crate::model::raw::*;
pub use crate::model::schema_ids::ClosedSet;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

/// The folder `playbook schema` writes to (and `init` fills), relative to
/// the playbook root.
pub const DEFAULT_DIR: &str = "schemas";

/// Where the files of a kind are, for the editor settings.
#[derive(Debug, Clone, Copy)]
pub enum Files {
    /// YAML files matched by these globs (relative to the playbook root).
    Globs(&'static [&'static str]),
    /// The component files the frameworks list (`components:`): known only
    /// from the content, since they share a folder with framework.yaml.
    Components,
    /// The phase files the frameworks list (`phases:`), likewise.
    PhaseFiles,
    /// The front matter of Markdown files matched by this glob: the YAML
    /// language server does not look inside Markdown, so the schema is
    /// written but not mapped.
    FrontMatter(&'static str),
    /// `book.toml` (TOML: not the YAML language server's; a TOML editor
    /// extension reads the `#:schema` line at the file's top).
    Toml,
}

/// One kind of file that gets a schema.
#[derive(Debug, Clone, Copy)]
pub struct SchemaKind {
    /// File name stem: the schema is `<name>.schema.json`.
    pub name: &'static str,
    /// The schema's title.
    pub title: &'static str,
    /// Where the kind's files are.
    pub files: Files,
    /// The root schema of the type that loads the file.
    make: fn(SchemaGenerator) -> Schema,
}

impl SchemaKind {
    /// The schema's file name.
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }
}

fn root<T: JsonSchema>(g: SchemaGenerator) -> Schema {
    g.into_root_schema_for::<T>()
}

/// Declares a row of [`KINDS`].
const fn kind(
    name: &'static str,
    title: &'static str,
    files: Files,
    make: fn(SchemaGenerator) -> Schema,
) -> SchemaKind {
    SchemaKind {
        name,
        title,
        files,
        make,
    }
}

/// Every kind of file that gets a schema, one row each (the type that loads
/// it is the schema's source).
pub const KINDS: &[SchemaKind] = &[
    kind("book", "Playbook book.toml", Files::Toml, root::<Config>),
    kind(
        "roles",
        "Playbook roles (content/roles.yaml)",
        Files::Globs(&["content/roles.yaml"]),
        root::<RolesFile>,
    ),
    kind(
        "framework",
        "Playbook framework (content/frameworks/<fw>/framework.yaml)",
        Files::Globs(&["content/frameworks/*/framework.yaml"]),
        root::<RawFramework>,
    ),
    kind(
        "component",
        "Playbook component (content/frameworks/<fw>/<component>.yaml)",
        Files::Components,
        root::<RawComponent>,
    ),
    kind(
        "phase",
        "Playbook phase file (content/frameworks/<fw>/<phase>.yaml)",
        Files::PhaseFiles,
        root::<RawPhase>,
    ),
    kind(
        "metrics",
        "Playbook metrics (content/metrics/<group>.yaml)",
        Files::Globs(&["content/metrics/*.yaml"]),
        root::<RawMetricFile>,
    ),
    kind(
        "market",
        "Playbook market (content/markets/<id>.yaml)",
        Files::Globs(&["content/markets/*.yaml"]),
        root::<RawMarket>,
    ),
    kind(
        "regulation",
        "Playbook regulation (content/regulations/<id>.yaml)",
        Files::Globs(&["content/regulations/*.yaml"]),
        root::<RawRegulation>,
    ),
    kind(
        "expert",
        "Playbook expert (content/experts/<id>.yaml)",
        Files::Globs(&["content/experts/*.yaml"]),
        root::<RawExpert>,
    ),
    kind(
        "learning-path",
        "Playbook learning path (content/story/learning-path.yaml)",
        Files::Globs(&["content/story/learning-path.yaml"]),
        root::<RawLearningPath>,
    ),
    kind(
        "progress",
        "Playbook progress (content/progress/<market>.yaml)",
        Files::Globs(&["content/progress/*.yaml"]),
        root::<RawProgress>,
    ),
    kind(
        "translation",
        "Playbook translation (content/i18n/<lang>/<source path>.yaml)",
        Files::Globs(&[
            "content/i18n/*/*.yaml",
            "content/i18n/*/*/*.yaml",
            "content/i18n/*/*/*/*.yaml",
        ]),
        root::<crate::i18n::file::RawTranslation>,
    ),
    kind(
        "research",
        "Playbook research page: front matter (content/research/<id>.md)",
        Files::FrontMatter("content/research/*.md"),
        root::<RawResearch>,
    ),
    kind(
        "chapter",
        "Playbook story chapter: front matter (content/story/NN-slug.md)",
        Files::FrontMatter("content/story/*.md"),
        root::<RawChapter>,
    ),
];

/// A schema file to write: its name in the schema folder, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaFile {
    /// `<kind>.schema.json`.
    pub name: String,
    /// Pretty JSON, keys sorted, ending in a newline.
    pub text: String,
}

/// The schema of one kind, for a playbook whose closed sets are `sets`.
pub fn schema_value(kind: &SchemaKind, sets: &ContentSets) -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut value = (kind.make)(generator).to_value();
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), Value::String(kind.title.into()));
        map.insert(
            "$comment".into(),
            Value::String(
                "Generated by `playbook schema` from Playbook's types and this playbook's content; do not edit: run it again after adding a role, region, tag, market, regulation, component or phase file."
                    .into(),
            ),
        );
    }
    tidy(&mut value);
    sets.fill(&mut value);
    value
}

/// Make the derived schema read well in an editor: a doc comment's wrapped
/// lines become one line per paragraph (a hover shows the text as written),
/// and `default: null` goes (an editor would insert `field: null` when
/// completing an optional field).
fn tidy(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            if let Some(Value::String(d)) = map.get_mut("description") {
                *d = d
                    .split("\n\n")
                    .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            map.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// Every schema file, for a playbook whose content is `raw`.
pub fn schema_files(raw: &RawContent) -> Vec<SchemaFile> {
    let sets = ContentSets::from_content(raw);
    KINDS
        .iter()
        .map(|k| SchemaFile {
            name: k.file_name(),
            text: pretty(&schema_value(k, &sets)),
        })
        .collect()
}

/// Everything `playbook schema` (and `init`) writes for one playbook.
#[derive(Debug, Clone)]
pub struct Output {
    /// The schema files, for the schema folder.
    pub files: Vec<SchemaFile>,
    /// The `yaml.schemas` setting that maps the YAML files to them.
    pub yaml_schemas: Value,
}

/// The schemas of a playbook whose content is `raw`, to be written to `dir`
/// (relative to the playbook root, `/`-separated; the editor settings name
/// the schemas by it).
pub fn for_content(raw: &RawContent, dir: &str) -> Output {
    Output {
        files: schema_files(raw),
        yaml_schemas: vscode::yaml_schemas(raw, dir),
    }
}

/// JSON as the schema files and the editor settings are written.
pub fn pretty_json(v: &Value) -> String {
    pretty(v)
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(v: &Value) -> &serde_json::Map<String, Value> {
        v["definitions"].as_object().expect("definitions")
    }

    #[test]
    fn every_kind_has_a_described_closed_object_schema() {
        let sets = ContentSets::default();
        for k in KINDS {
            let v = schema_value(k, &sets);
            assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
            assert_eq!(v["type"], "object", "{}", k.name);
            assert_eq!(v["additionalProperties"], false, "{}", k.name);
            assert!(
                v["description"].as_str().is_some_and(|d| d.len() > 20),
                "{} has no description",
                k.name
            );
            for (field, s) in v["properties"].as_object().unwrap() {
                let described = s.get("description").is_some() || s.get("$ref").is_some();
                assert!(described, "{}.{field} has no description", k.name);
            }
        }
    }

    #[test]
    fn required_fields_are_those_without_a_default() {
        let sets = ContentSets::default();
        let market = KINDS.iter().find(|k| k.name == "market").unwrap();
        let v = schema_value(market, &sets);
        let mut req: Vec<&str> = v["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        req.sort();
        assert_eq!(req, ["id", "kickoff", "name", "region"]);
        assert_eq!(v["properties"]["kickoff"]["format"], "date");
        assert_eq!(
            defs(&v)["Slug"]["pattern"],
            crate::model::schema_ids::SLUG_PATTERN
        );
    }

    #[test]
    fn book_toml_keys_are_kebab_case_with_defaults() {
        let book = KINDS.iter().find(|k| k.name == "book").unwrap();
        let v = schema_value(book, &ContentSets::default());
        let build = &defs(&v)["BuildConfig"];
        assert_eq!(build["properties"]["base-url"]["default"], "/");
        assert_eq!(build["additionalProperties"], false);
        assert_eq!(v["properties"]["extra"]["type"], "object");
    }

    #[test]
    fn descriptions_are_unwrapped_and_null_defaults_left_out() {
        let market = KINDS.iter().find(|k| k.name == "market").unwrap();
        let v = schema_value(market, &ContentSets::default());
        let text = v.to_string();
        assert!(!text.contains("\"default\":null"), "{text}");
        let kickoff = v["properties"]["kickoff"]["description"].as_str().unwrap();
        assert_eq!(
            kickoff,
            "The launch kickoff date (YYYY-MM-DD): week 1 starts on it, and every due date counts from it."
        );
    }

    #[test]
    fn kind_names_are_unique() {
        let mut names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
    }
}

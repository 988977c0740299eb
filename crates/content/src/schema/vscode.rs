//! `.vscode/settings.json`: the YAML language server's `yaml.schemas`
//! setting (schema path → the globs of the files it applies to), the
//! convention VS Code's YAML extension and other editors using the server
//! read. Globs never overlap, since the server would apply two schemas to a
//! file both match: a framework's component and phase files sit beside
//! framework.yaml, so they are listed by name, from the content.

use super::{kinds, pretty, SchemaKind};
use crate::load::RawContent;
use crate::model::kinds::files::Place;
use serde_json::{Map, Value};

/// The settings file, relative to the playbook root.
pub const SETTINGS_PATH: &str = ".vscode/settings.json";

/// The setting's key.
pub const KEY: &str = "yaml.schemas";

/// The `yaml.schemas` value for a playbook whose schemas are in `dir`
/// (relative to the playbook root, `/`-separated).
pub fn yaml_schemas(raw: &RawContent, dir: &str) -> Value {
    let mut map = Map::new();
    for k in kinds() {
        // book.toml is TOML, and the YAML language server does not look
        // inside Markdown's front matter: their schemas are written, not mapped.
        let globs: Vec<String> = match k {
            SchemaKind::Book => continue,
            SchemaKind::Translation => super::TRANSLATION_GLOBS.map(String::from).to_vec(),
            SchemaKind::Content(file_kind) if file_kind.parser.front_matter => continue,
            SchemaKind::Content(file_kind) => match file_kind.place {
                Place::Components => framework_parts(raw, true),
                Place::Phases => framework_parts(raw, false),
                Place::File(..) | Place::Folder(..) | Place::Frameworks => {
                    file_kind.place.glob().into_iter().collect()
                }
            },
        };
        if globs.is_empty() {
            continue;
        }
        let path = format!("./{}/{}", dir.trim_end_matches('/'), k.file_name());
        map.insert(
            path,
            Value::Array(globs.into_iter().map(Value::String).collect()),
        );
    }
    Value::Object(map)
}

/// The component (or phase) files every framework lists, by path.
fn framework_parts(raw: &RawContent, components: bool) -> Vec<String> {
    let mut out = Vec::new();
    for lf in &raw.frameworks {
        let Some(src) = raw.sources.get(lf.file) else {
            continue;
        };
        let folder = src.path.rsplit_once('/').map_or("", |(d, _)| d);
        let ids = if components {
            &lf.raw.components
        } else {
            &lf.raw.phases
        };
        for id in ids.iter().flatten() {
            out.push(format!("{folder}/{id}.yaml"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A whole settings file holding only the setting.
pub fn settings_text(yaml_schemas: &Value) -> String {
    let mut m = Map::new();
    m.insert(KEY.into(), yaml_schemas.clone());
    pretty(&Value::Object(m))
}

/// What to do with an existing settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    /// It already maps the schemas so.
    Unchanged,
    /// Write this text (the file's other settings kept).
    Write(String),
    /// It is not plain JSON (VS Code allows comments): leave it to the
    /// author, who sets the key by hand.
    LeaveAlone,
}

/// How to bring `existing` (the settings file's text, if there is one) to
/// map the schemas as `yaml_schemas` says.
pub fn update(existing: Option<&str>, yaml_schemas: &Value) -> Update {
    let Some(text) = existing else {
        return Update::Write(settings_text(yaml_schemas));
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(mut m)) => {
            if m.get(KEY) == Some(yaml_schemas) {
                return Update::Unchanged;
            }
            m.insert(KEY.into(), yaml_schemas.clone());
            Update::Write(pretty(&Value::Object(m)))
        }
        _ => Update::LeaveAlone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_existing_file_keeps_its_other_settings_and_one_with_comments_is_left_alone() {
        let ours = json!({"./schemas/market.schema.json": ["content/markets/*.yaml"]});
        let Update::Write(t) = update(Some("{\"editor.tabSize\": 2}"), &ours) else {
            panic!("not written")
        };
        let v: Value = serde_json::from_str(&t).unwrap();
        assert_eq!(v["editor.tabSize"], 2);
        assert_eq!(v[KEY], ours);
        assert_eq!(update(Some(&t), &ours), Update::Unchanged);
        assert_eq!(
            update(Some("{\n  // mine\n  \"a\": 1\n}"), &ours),
            Update::LeaveAlone
        );
        assert_eq!(update(None, &ours), Update::Write(settings_text(&ours)));
    }
}

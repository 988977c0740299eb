//! What the skeletons `playbook new` writes share: every field a user must
//! fill is marked `TODO` (a comment, and a placeholder value that already
//! validates), optional fields are shown as comments, and placeholders come
//! from the playbook itself (its roles, regions, tags, regulations, acts).
//! A kind's own skeleton is beside its registry row (its [`super::Scaffold`]);
//! the entries written into a parent's file are in `scaffold/skeletons.rs`.

/// `data-act` → `Data act`: a readable placeholder title from an id.
pub fn human(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `a, b, c` of a set of names (or `none yet`).
pub fn list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let v: Vec<&str> = names.into_iter().collect();
    if v.is_empty() {
        "none yet".into()
    } else {
        v.join(", ")
    }
}

/// A string as a YAML double-quoted scalar.
pub(crate) fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

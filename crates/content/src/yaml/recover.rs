//! Every independent mistake of a YAML document, not only the first.
//!
//! serde stops at a document's first error. When a document fails, it is
//! read again as a `serde_yaml::Value`, the mistake just reported is set
//! aside in that value (an unknown field removed; a missing field, or a
//! value of the wrong type, given a stand-in of the expected type) and the
//! value is deserialized again, until it passes or nothing more can be set
//! aside. Only mistakes in what the author wrote are reported: an error
//! inside a stand-in is the stand-in's, and is mended silently (or ends the
//! search). The first error keeps the place the parser gave it; each later
//! one is placed by its path through the document's [`SpanMap`].
//!
//! A clean document is parsed once, as before: all of this runs only for a
//! document that failed.

use super::{explain, strip_position, SpanMap, YamlSource};
use crate::diag::Diagnostic;
use serde::de::DeserializeOwned;
use serde_yaml::Value;
use std::collections::HashSet;

/// At most this many mistakes are reported per document.
const MAX_REPORTED: usize = 20;

/// At most this many times the document is deserialized again (stand-ins
/// inside stand-ins take rounds that report nothing).
const MAX_ROUNDS: usize = 200;

/// One error of the deserializer, taken apart.
#[derive(Debug, Clone, PartialEq)]
struct Problem {
    /// Where: yaml_serde's path (`partners[0].kind`), empty for the root.
    path: String,
    /// The error as the deserializer words it, without its position
    /// (`path: message`, what [`explain`] reads).
    full: String,
    /// What kind of mistake it is.
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// `unknown field `f``: the field is in the mapping at `path`.
    UnknownField(String),
    /// `missing field `f``: the mapping at `path` lacks it.
    MissingField(String),
    /// A value of the wrong type or shape; what was expected, if said.
    BadValue(Option<String>),
    /// `unknown variant`: the first allowed value, if listed.
    Variant(Option<String>),
    /// A value that is not a date where a date belongs.
    Date,
    /// Anything else (a value a type's own check refused).
    Other,
}

impl Problem {
    /// `e` taken apart; `paths` are the document's node paths, which tell
    /// the path prefix of the message from the rest.
    fn new(e: &serde_yaml::Error, paths: &HashSet<String>) -> Problem {
        let full = strip_position(&e.to_string());
        // The longest `<path>: ` the message starts with (a message may
        // itself contain `: `).
        let mut path = "";
        for (i, _) in full.match_indices(": ") {
            if paths.contains(&full[..i]) {
                path = &full[..i];
            }
        }
        let msg = if path.is_empty() {
            full.as_str()
        } else {
            &full[path.len() + 2..]
        };
        let kind = kind_of(msg);
        Problem {
            path: path.to_string(),
            full: full.clone(),
            kind,
        }
    }
}

fn kind_of(msg: &str) -> Kind {
    let quoted = |rest: &str| rest.split('`').next().unwrap_or("").to_string();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        return Kind::UnknownField(quoted(rest));
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        return Kind::MissingField(quoted(rest));
    }
    if msg.starts_with("unknown variant `") {
        let first = msg
            .split_once("expected one of `")
            .or_else(|| msg.split_once("expected `"))
            .map(|(_, rest)| quoted(rest));
        return Kind::Variant(first);
    }
    if is_date_message(msg) {
        return Kind::Date;
    }
    if msg.starts_with("invalid type: ")
        || msg.starts_with("invalid value: ")
        || msg.starts_with("invalid length ")
    {
        let expected = msg.rsplit_once(", expected ").map(|(_, e)| e.to_string());
        return Kind::BadValue(expected);
    }
    Kind::Other
}

/// Does this message (without its path) say a date could not be read?
/// jiff's wording when `Date` deserializes a string, and its
/// `expected a date string` for a list or a map. Pinned by a test in
/// `yaml/mod.rs`.
pub(super) fn is_date_message(msg: &str) -> bool {
    msg.contains("expected a date string")
        || ["year", "month", "day"].iter().any(|part| {
            msg.contains(&format!("digit {part}")) || msg.contains(&format!("integer as {part}"))
        })
        || msg.contains("civil date")
        || msg.contains("parsing date")
        || msg.contains("parse date")
        || msg.contains("parsed date")
        || msg.contains("date is not valid")
}

/// The diagnostic of the document's first (and only reported) error.
pub(super) fn first(yaml: &str, src: YamlSource<'_>, e: &serde_yaml::Error) -> Diagnostic {
    let Ok(value) = serde_yaml::from_str::<Value>(yaml) else {
        // Malformed YAML (or too many aliases): no paths to read.
        return plain(e, src);
    };
    let p = Problem::new(e, &paths_of(&value));
    let spans = (p.kind == Kind::Date).then(|| spans_of(yaml, src));
    diagnostic(&p, src, Some(e), spans.as_ref())
}

/// Every mistake the deserializer finds in the document, the first as
/// [`first`] reports it.
pub(super) fn all<T: DeserializeOwned>(
    yaml: &str,
    src: YamlSource<'_>,
    e: &serde_yaml::Error,
) -> Vec<Diagnostic> {
    let Ok(mut value) = serde_yaml::from_str::<Value>(yaml) else {
        return vec![plain(e, src)];
    };
    let spans = spans_of(yaml, src);
    let first = Problem::new(e, &paths_of(&value));
    let mut out = vec![diagnostic(&first, src, Some(e), Some(&spans))];
    // The value must fail as the text did, or what follows would be
    // another document's mistakes.
    if reparse::<T>(&value).as_ref() != Some(&first) {
        return out;
    }
    let mut standins: Vec<String> = Vec::new();
    // Fields already reported under another name: `regoin` for `region`
    // is one mistake, not also a missing `region`.
    let mut reported = Vec::new();
    let mut last = first;
    for _ in 0..MAX_ROUNDS {
        reported.extend(meant(&last));
        if set_aside(&mut value, &last, &mut standins).is_none() {
            break;
        }
        let Some(p) = reparse::<T>(&value) else {
            break;
        };
        if p == last {
            break;
        }
        let again =
            matches!(&p.kind, Kind::MissingField(f) if reported.contains(&join(&p.path, f)));
        if !again && !standins.iter().any(|s| under(&p.path, s)) {
            if out.len() == MAX_REPORTED {
                break;
            }
            out.push(diagnostic(&p, src, None, Some(&spans)));
        }
        last = p;
    }
    // In the order of the file, as an author fixes them.
    out.sort_by_key(|d| d.location.as_ref().map(|l| (l.line, l.column)));
    out
}

/// The field a problem is about when it goes missing once set aside: the
/// field an unknown one was most likely meant to be (its did-you-mean), or
/// a refused value's own field.
fn meant(p: &Problem) -> Option<String> {
    match &p.kind {
        Kind::UnknownField(f) => {
            let allowed = p.full.split_once("expected ")?.1;
            let names = allowed.split('`').skip(1).step_by(2);
            Some(join(&p.path, crate::diag::suggest(f, names)?))
        }
        Kind::Other => Some(p.path.clone()),
        _ => None,
    }
}

/// The document's span map (front matter: places in the whole file).
fn spans_of(yaml: &str, src: YamlSource<'_>) -> SpanMap {
    SpanMap::build(src.full_text, src.start, src.start + yaml.len())
}

/// `value` deserialized as `T` again; its error, or `None` if it passes.
fn reparse<T: DeserializeOwned>(value: &Value) -> Option<Problem> {
    let text = serde_yaml::to_string(value).ok()?;
    let e = serde_yaml::from_str::<T>(&text).err()?;
    Some(Problem::new(&e, &paths_of(value)))
}

/// Is `path` the node `of` or inside it?
fn under(path: &str, of: &str) -> bool {
    path.strip_prefix(of)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// `base.key`, or `key` at the root.
fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

/// A mapping key as yaml_serde names it in a path.
fn key_name(k: &Value) -> Option<String> {
    match k {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Every node's path, in yaml_serde's spelling.
fn paths_of(value: &Value) -> HashSet<String> {
    fn walk(v: &Value, path: &str, out: &mut HashSet<String>) {
        match v {
            Value::Mapping(m) => {
                for (k, v) in m {
                    if let Some(k) = key_name(k) {
                        let p = join(path, &k);
                        walk(v, &p, out);
                        out.insert(p);
                    }
                }
            }
            Value::Sequence(s) => {
                for (i, v) in s.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    walk(v, &p, out);
                    out.insert(p);
                }
            }
            Value::Tagged(t) => walk(&t.value, path, out),
            _ => {}
        }
    }
    let mut out = HashSet::new();
    walk(value, "", &mut out);
    out
}

/// The node at `target`.
fn node_mut<'v>(v: &'v mut Value, path: &str, target: &str) -> Option<&'v mut Value> {
    if path == target {
        return Some(v);
    }
    match v {
        Value::Mapping(m) => m.iter_mut().find_map(|(k, v)| {
            let p = join(path, &key_name(k)?);
            under(target, &p).then_some(())?;
            node_mut(v, &p, target)
        }),
        Value::Sequence(s) => s.iter_mut().enumerate().find_map(|(i, v)| {
            let p = format!("{path}[{i}]");
            under(target, &p).then_some(())?;
            node_mut(v, &p, target)
        }),
        Value::Tagged(t) => node_mut(&mut t.value, path, target),
        _ => None,
    }
}

/// Remove the mapping entry at `target`.
fn remove_entry(v: &mut Value, path: &str, target: &str) -> Option<()> {
    match v {
        Value::Mapping(m) => {
            let key = m
                .keys()
                .find(|k| key_name(k).is_some_and(|k| join(path, &k) == target))
                .cloned();
            if let Some(key) = key {
                return m.shift_remove(&key).map(|_| ());
            }
            m.iter_mut().find_map(|(k, v)| {
                let p = join(path, &key_name(k)?);
                under(target, &p).then_some(())?;
                remove_entry(v, &p, target)
            })
        }
        Value::Sequence(s) => s.iter_mut().enumerate().find_map(|(i, v)| {
            let p = format!("{path}[{i}]");
            under(target, &p).then_some(())?;
            remove_entry(v, &p, target)
        }),
        Value::Tagged(t) => remove_entry(&mut t.value, path, target),
        _ => None,
    }
}

/// A value of the type the deserializer expected (`u32`, `a sequence`,
/// `struct RawPartner`, …), if we know one.
fn standin(expected: &str) -> Option<Value> {
    let e = expected;
    let number = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64",
    ]
    .iter()
    .chain(&["isize", "f32", "f64", "a number", "an integer", "a float"])
    .any(|n| e == *n || e.starts_with(&format!("{n} ")));
    Some(if number {
        Value::Number(0.into())
    } else if e.starts_with("a sequence") || e.starts_with("a list") || e.starts_with("a tuple") {
        Value::Sequence(Vec::new())
    } else if e.starts_with("a string") || e.starts_with("a borrowed string") {
        Value::String(String::new())
    } else if e.starts_with("a character") {
        Value::String("x".into())
    } else if e.starts_with("a boolean") {
        Value::Bool(false)
    } else if e.starts_with("struct ") || e.starts_with("a map") {
        Value::Mapping(Default::default())
    } else if e.starts_with("a date") {
        Value::String("2000-01-01".into())
    } else if e == "unit" || e.starts_with("null") {
        Value::Null
    } else {
        return None;
    })
}

/// Set the problem aside in `value`: remove, fill in or replace what it is
/// about; the paths of stand-ins go to `standins`. `None` when it cannot be.
fn set_aside(value: &mut Value, p: &Problem, standins: &mut Vec<String>) -> Option<()> {
    let in_standin = standins.iter().any(|s| under(&p.path, s));
    let replace = |value: &mut Value, with: Value, standins: &mut Vec<String>| {
        *node_mut(value, "", &p.path)? = with;
        standins.push(p.path.clone());
        Some(())
    };
    match &p.kind {
        Kind::UnknownField(f) => {
            let m = node_mut(value, "", &p.path)?.as_mapping_mut()?;
            m.shift_remove(f.as_str()).map(|_| ())
        }
        Kind::MissingField(f) => {
            let m = node_mut(value, "", &p.path)?.as_mapping_mut()?;
            m.insert(Value::String(f.clone()), Value::String(String::new()));
            standins.push(join(&p.path, f));
            Some(())
        }
        Kind::BadValue(expected) => {
            let with = standin(expected.as_deref()?)?;
            replace(value, with, standins)
        }
        Kind::Variant(first) => replace(value, Value::String(first.clone()?), standins),
        Kind::Date => replace(value, Value::String("2000-01-01".into()), standins),
        // A value its type refused for its own reasons: without it, the
        // field may be missing (and then gets a stand-in), or optional.
        Kind::Other if !in_standin && !p.path.is_empty() => remove_entry(value, "", &p.path),
        Kind::Other => None,
    }
}

/// Where a diagnostic goes.
fn diagnostic(
    p: &Problem,
    src: YamlSource<'_>,
    error: Option<&serde_yaml::Error>,
    spans: Option<&SpanMap>,
) -> Diagnostic {
    let node = spans.and_then(|s| s.get(&p.path));
    let (message, help) = match p.kind {
        Kind::Date => {
            let written = node
                .and_then(|n| src.full_text.get(n.value.offset..n.end.offset))
                .unwrap_or("");
            date_message(p, written)
        }
        _ => explain(&p.full),
    };
    let mut d = Diagnostic::error(message);
    if let Some(help) = help {
        d = d.help(help);
    }
    let offset = match (error.and_then(|e| e.location()), &p.kind) {
        // The first error: where the parser saw it, as always.
        (Some(loc), _) => Some(src.start + loc.index()),
        (None, Kind::UnknownField(f)) => spans.and_then(|s| s.key_or_value(&join(&p.path, f))),
        (None, _) => node.map(|n| n.value.offset),
    };
    d = d.at_offset(src.file, src.full_text, offset.unwrap_or(src.start));
    // A date is marked whole (`March 1, 2027`, not `March`).
    if let (Kind::Date, Some(n)) = (&p.kind, node) {
        if let Some(written) = src.full_text.get(n.value.offset..n.end.offset) {
            if !written.contains('\n') && !written.is_empty() {
                d = d.span(written.chars().count());
            }
        }
    }
    d
}

/// `kickoff must be a date like 2027-03-01`, and how to write one.
fn date_message(p: &Problem, written: &str) -> (String, Option<String>) {
    let field = p.path.rsplit('.').next().unwrap_or("");
    let mut message = if field.is_empty() || field.ends_with(']') {
        "this value must be a date like 2027-03-01".to_string()
    } else {
        format!("`{field}` must be a date like 2027-03-01")
    };
    if p.path.contains(['.', '[']) {
        message.push_str(&format!(" (at `{}`)", p.path));
    }
    let shaped = {
        let b = written.as_bytes();
        b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    let help = if shaped {
        // The right shape, but no such day: jiff says which part is out of range.
        let why = p.full.rsplit_once(": ").map(|(_, w)| w).unwrap_or("");
        format!("`{written}` is not a day of the calendar ({why}); dates are YYYY-MM-DD")
    } else {
        "write dates as YYYY-MM-DD (year, month and day in digits), for example `2027-03-01`"
            .to_string()
    };
    (message, Some(help))
}

/// A diagnostic from the error alone (a document that is not YAML).
fn plain(e: &serde_yaml::Error, src: YamlSource<'_>) -> Diagnostic {
    let (message, help) = explain(&strip_position(&e.to_string()));
    let mut d = Diagnostic::error(message);
    if let Some(help) = help {
        d = d.help(help);
    }
    match e.location() {
        Some(loc) => d.at_offset(src.file, src.full_text, src.start + loc.index()),
        None => d.at_offset(src.file, src.full_text, src.start),
    }
}

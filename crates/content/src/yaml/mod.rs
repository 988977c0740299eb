//! The only module that calls `serde_yaml` (the maintained `yaml_serde` crate).
//!
//! It deserializes YAML into typed structs and turns every failure (malformed
//! YAML, wrong type, missing or unknown field, alias bombs) into a
//! [`Diagnostic`] with the file, line, column, source line and a hint; and
//! finds a Markdown file's YAML front matter ([`split_front_matter`]).

mod front_matter;
mod recover;
mod spans;

pub use front_matter::split_front_matter;
pub use spans::{value_offset, SpanMap};

use crate::diag::{suggest, Diagnostic};
use serde::de::DeserializeOwned;

/// Where a YAML document sits: the file it came from, the whole file's text,
/// and the byte offset at which the YAML starts (non-zero for front matter).
#[derive(Clone, Copy)]
pub struct YamlSource<'a> {
    /// Path relative to the playbook root, for messages.
    pub file: &'a str,
    /// The whole file's text, for showing the offending line.
    pub full_text: &'a str,
    /// Byte offset of the YAML inside `full_text`.
    pub start: usize,
}

/// Deserialize `yaml` into `T`, or explain exactly what is wrong and where
/// (the first mistake; [`parse_all`] reports every one).
pub fn parse<T: DeserializeOwned>(yaml: &str, src: YamlSource<'_>) -> Result<T, Diagnostic> {
    not_too_deep(yaml, src)?;
    serde_yaml::from_str::<T>(yaml).map_err(|e| recover::first(yaml, src, &e))
}

/// Deserialize `yaml` into `T`, or report every independent mistake in it
/// (an unknown field, a missing one, a value of the wrong type, a bad date,
/// … each with its place), not only the first. Malformed YAML is one
/// mistake: nothing after it can be read.
pub fn parse_all<T: DeserializeOwned>(
    yaml: &str,
    src: YamlSource<'_>,
) -> Result<T, Vec<Diagnostic>> {
    not_too_deep(yaml, src).map_err(|d| vec![d])?;
    serde_yaml::from_str::<T>(yaml).map_err(|e| recover::all::<T>(yaml, src, &e))
}

fn not_too_deep(yaml: &str, src: YamlSource<'_>) -> Result<(), Diagnostic> {
    match too_deep(yaml) {
        None => Ok(()),
        Some(at) => Err(Diagnostic::error(format!(
            "this YAML nests `[` / `{{` more than {MAX_FLOW_DEPTH} levels deep"
        ))
        .at_offset(src.file, src.full_text, src.start + at)
        .help("no playbook file needs this; write the values as an indented list or map instead")),
    }
}

/// Deeper flow nesting than any playbook needs. The YAML parser's time grows
/// steeply with it (the fuzzer's 80 KB file of `{a: {a: …` took seconds), so
/// such input is refused before parsing.
const MAX_FLOW_DEPTH: usize = 64;

/// Where flow collections (`[`, `{`) first nest deeper than
/// [`MAX_FLOW_DEPTH`], outside quoted strings and comments; `None` if never.
fn too_deep(yaml: &str) -> Option<usize> {
    let (mut depth, mut quote, mut comment, mut prev) = (0usize, None::<u8>, false, b'\n');
    let bytes = yaml.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match (quote, b) {
            _ if comment => comment = b != b'\n',
            (Some(b'"'), b'\\') => i += 1,
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if matches!(prev, b' ' | b'\n' | b'[' | b'{' | b',' | b':') => {
                quote = Some(b)
            }
            (None, b'#') if matches!(prev, b' ' | b'\n' | b'\t') => comment = true,
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, b'\n') => {}
            _ => {}
        }
        prev = b;
        i += 1;
    }
    None
}

/// serde_yaml appends " at line L column C"; we show the place ourselves.
pub(super) fn strip_position(msg: &str) -> String {
    let mut m = msg.to_string();
    if let Some(i) = m.find(" at line ") {
        m.truncate(i);
    }
    if let Some(i) = m.find(", line: ") {
        m.truncate(i);
    }
    m.trim().to_string()
}

/// Turn serde's wording into a message plus a hint a playbook author can act on.
pub(super) fn explain(msg: &str) -> (String, Option<String>) {
    // yaml_serde prefixes the field path ("steps[0].number: invalid type: …").
    for marker in [
        "unknown field `",
        "missing field `",
        "invalid type: ",
        "unknown variant",
    ] {
        if let Some(i) = msg.find(marker) {
            if i > 0 && msg[..i].ends_with(": ") {
                let path = msg[..i - 2].trim();
                let (m, h) = explain(&msg[i..]);
                return (format!("{m} (at `{path}`)"), h);
            }
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split("expected ")
            .nth(1)
            .map(|s| {
                s.split('`')
                    .enumerate()
                    .filter(|(i, _)| i % 2 == 1)
                    .map(|(_, s)| s)
                    .collect()
            })
            .unwrap_or_default();
        let mut help = match suggest(field, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("remove `{field}`"),
        };
        if !expected.is_empty() {
            help.push_str(&format!(" Allowed fields here: {}", expected.join(", ")));
        }
        return (format!("unknown field `{field}`"), Some(help));
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return (
            format!("missing field `{field}`"),
            Some(format!(
                "add `{field}: …` to this entry (see docs/content-model.md)"
            )),
        );
    }
    if msg.contains("recursion limit exceeded") || msg.contains("repetition limit exceeded") {
        return (
            format!("YAML expands too far ({msg})"),
            Some(
                "this document nests or repeats aliases (`*name`) so deeply it would take unbounded memory; write the values out instead of chaining aliases"
                    .into(),
            ),
        );
    }
    if recover::is_date_message(msg) {
        return (
            format!("not a valid date: {msg}"),
            Some("write dates as YYYY-MM-DD, for example `2027-03-01`".into()),
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let help = if rest.contains("expected u32")
            || rest.contains("expected f64")
            || rest.contains("expected u8")
            || rest.contains("expected i64")
        {
            "write a number here"
        } else if rest.contains("expected a sequence") {
            "write a list here: `[a, b]` or one `- item` per line"
        } else if rest.contains("expected a string") || rest.contains("expected a borrowed string")
        {
            "write text here; quote it if it looks like a number, a date or a boolean"
        } else if rest.contains("expected struct") || rest.contains("expected a map") {
            "write a mapping here (`key: value` lines, indented under this key)"
        } else {
            "check the value's type against docs/content-model.md"
        };
        return (format!("wrong type: {rest}"), Some(help.into()));
    }
    if msg.contains("unknown variant") {
        return (msg.to_string(), Some("use one of the values listed".into()));
    }
    if msg.contains("did not find expected")
        || msg.contains("mapping values are not allowed")
        || msg.contains("found character that cannot start")
        || msg.contains("found unexpected end of stream")
        || msg.contains("while scanning")
        || msg.contains("while parsing")
    {
        return (
            format!("malformed YAML: {msg}"),
            Some(
                "check the indentation here and on the line before; quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%` or `@`"
                    .into(),
            ),
        );
    }
    (msg.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Market {
        id: String,
        name: String,
        kickoff: jiff::civil::Date,
    }

    fn src(text: &str) -> YamlSource<'_> {
        YamlSource {
            file: "content/markets/de.yaml",
            full_text: text,
            start: 0,
        }
    }

    #[test]
    fn unknown_field_names_place_and_suggests_the_right_field() {
        let text = "id: de\nnmae: Germany\nkickoff: 2027-03-01\n";
        let d = parse::<Market>(text, src(text)).unwrap_err();
        assert_eq!(d.message, "unknown field `nmae`");
        let loc = d.location.unwrap();
        assert_eq!((loc.line, loc.column), (2, 1));
        assert!(d.help.unwrap().contains("did you mean `name`?"));
    }

    #[test]
    fn a_date_that_is_not_a_date_is_explained() {
        let text = "id: de\nname: Germany\nkickoff: 2027-02-30\n";
        let d = parse::<Market>(text, src(text)).unwrap_err();
        assert_eq!(d.location.as_ref().unwrap().line, 3, "{d:?}");
        assert!(d.help.unwrap().contains("YYYY-MM-DD"), "{}", d.message);
    }

    fn market_errors(text: &str) -> Vec<Diagnostic> {
        parse_all::<crate::model::raw::RawMarket>(text, src(text)).unwrap_err()
    }

    /// `regoin` for `region` is one mistake (its did-you-mean), `name`
    /// left out is another.
    #[test]
    fn every_independent_mistake_of_a_document_is_reported_in_order() {
        let text = "id: de\nregoin: eu\nkickoff: March 1, 2027\ntags: new-language\npartners:\n  - kind: reseller\n";
        let ds = market_errors(text);
        let got: Vec<(String, usize, usize)> = ds
            .iter()
            .map(|d| {
                let l = d.location.as_ref().unwrap();
                (d.message.clone(), l.line, l.column)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("missing field `name`".to_string(), 1, 1),
                ("unknown field `regoin`".to_string(), 2, 1),
                (
                    "`kickoff` must be a date like 2027-03-01".to_string(),
                    3,
                    10
                ),
                (
                    "wrong type: string \"new-language\", expected a sequence (at `tags`)"
                        .to_string(),
                    4,
                    7
                ),
                ("missing field `name` (at `partners[0]`)".to_string(), 6, 5),
            ],
            "{ds:#?}"
        );
        assert_eq!(ds[2].span_len, "March 1, 2027".len(), "the whole date");
        assert!(ds[1]
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean `region`?"));
        assert!(ds[2].help.as_deref().unwrap().contains("YYYY-MM-DD"));
    }

    #[test]
    fn a_clean_document_and_malformed_yaml_give_one_answer() {
        let ok = "id: de\nname: Germany\nregion: eu\nkickoff: 2027-03-01\n";
        assert!(parse_all::<crate::model::raw::RawMarket>(ok, src(ok)).is_ok());
        let bad = "id: de\nname: Germany\n  region: eu\nkickoff: nope\n";
        let ds = market_errors(bad);
        assert_eq!(ds.len(), 1, "{ds:#?}");
        assert!(
            ds[0].message.starts_with("malformed YAML"),
            "{}",
            ds[0].message
        );
    }

    #[test]
    fn a_stand_in_never_reports_its_own_errors() {
        // `target` missing: its stand-in is a map, whose own missing
        // fields (`op`, `value`, `text`) are not the author's mistakes.
        let text = "group: {id: g, title: G}\nmetrics:\n  - id: m\n    name: M\n    lower_is_beter: true\n";
        let ds = parse_all::<crate::model::raw::RawMetricFile>(text, src(text)).unwrap_err();
        let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "missing field `target` (at `metrics[0]`)",
                "unknown field `lower_is_beter` (at `metrics[0]`)",
            ]
        );
        assert_eq!(ds[0].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn an_impossible_day_says_which_part_is_out_of_range() {
        let text = "id: de\nname: Germany\nregion: eu\nkickoff: 2027-02-30\n";
        let d = &market_errors(text)[0];
        assert_eq!(d.message, "`kickoff` must be a date like 2027-03-01");
        let help = d.help.as_deref().unwrap();
        assert!(
            help.starts_with("`2027-02-30` is not a day of the calendar ("),
            "{help}"
        );
        assert!(help.contains("1..=28"), "{help}");
        let text = "id: de\nname: Germany\nregion: eu\nkickoff: 2027-03-01\nactuals:\n  m: {value: 1, as_of: \"2027-3-1\"}\n";
        let d = &market_errors(text)[0];
        assert_eq!(
            d.message,
            "`as_of` must be a date like 2027-03-01 (at `actuals.m.as_of`)"
        );
        assert_eq!(d.span_len, "\"2027-3-1\"".len());
    }

    // jiff's wording, which `recover::is_date_message` reads.
    #[test]
    fn wording_dates() {
        for (value, wording) in [
            ("March 1", "four digit integer as year"),
            ("\"\"", "four digit year"),
            ("2027-3-1", "two digit integer as month"),
            ("2027-03-1", "two digit day"),
            ("2027-3-01", "two digit integer as month"),
            ("2027-02-30", "parsed date is not valid"),
            ("[2027]", "expected a date string"),
        ] {
            let text = format!("id: de\nname: G\nregion: eu\nkickoff: {value}\n");
            let e = serde_yaml::from_str::<crate::model::raw::RawMarket>(&text).unwrap_err();
            assert!(e.to_string().contains(wording), "{value}: {e}");
        }
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing_and_references_are_not_nesting() {
        assert_eq!(
            too_deep("a: [1, [2, [3]]]\nb: see [[step:x]] and [[metric:y|z]]\n"),
            None
        );
        assert_eq!(
            too_deep(&"[[step:x]] ".repeat(500)),
            None,
            "closed again each time"
        );
        assert_eq!(
            too_deep(&format!("a: \"{}\"", "[".repeat(100))),
            None,
            "inside quotes"
        );
        assert_eq!(
            too_deep(&format!("a: 1 # {}", "{".repeat(100))),
            None,
            "inside a comment"
        );
        let deep = format!("a: {}", "{a: ".repeat(1000));
        assert_eq!(too_deep(&deep), Some(3 + 4 * 64));
        let t = std::time::Instant::now();
        let src = YamlSource {
            file: "x.yaml",
            full_text: &deep,
            start: 0,
        };
        let e = parse::<serde_yaml::Value>(&deep, src).unwrap_err();
        assert!(e.message.contains("more than 64 levels"), "{}", e.message);
        assert!(t.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let mut text =
            String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"];
        let mut prev = "a".to_string();
        for n in names {
            text.push_str(&format!(
                "{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
            prev = n.to_string();
        }
        let start = std::time::Instant::now();
        let r = parse::<serde_json::Value>(&text, src(&text));
        assert!(start.elapsed().as_secs() < 5);
        let d = r.unwrap_err();
        assert!(
            d.message.starts_with("YAML expands too far ("),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("aliases"));
    }

    // yaml_serde's wording, which `explain` reads: each test fails when an
    // update of the crate changes what it says.

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shapes {
        n: u32,
        list: Vec<String>,
        op: crate::model::raw::Op,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        id: String,
    }

    fn shapes(text: &str) -> Diagnostic {
        parse::<Shapes>(text, src(text)).unwrap_err()
    }

    #[test]
    fn wording_missing_field() {
        let d = shapes(
            "n: 1
list: []
op: \">=\"\ninner: {}\n",
        );
        assert_eq!(d.message, "missing field `id` (at `inner`)");
        assert_eq!(
            d.help.as_deref(),
            Some("add `id: …` to this entry (see docs/content-model.md)")
        );
    }

    #[test]
    fn wording_wrong_types() {
        let d = shapes("n: abc\nlist: []\nop: \">=\"\n");
        assert_eq!(
            d.message,
            "wrong type: string \"abc\", expected u32 (at `n`)"
        );
        assert_eq!(d.help.as_deref(), Some("write a number here"));
        assert_eq!(d.location.unwrap().line, 1);
        let d = shapes("n: 1\nlist: x\nop: \">=\"\n");
        assert!(
            d.message
                .starts_with("wrong type: string \"x\", expected a sequence"),
            "{}",
            d.message
        );
        assert_eq!(
            d.help.as_deref(),
            Some("write a list here: `[a, b]` or one `- item` per line")
        );
        let d = shapes("n: 1\nlist: []\nop: \">=\"\ninner: 3\n");
        assert!(
            d.help.unwrap().starts_with("write a mapping here"),
            "{}",
            d.message
        );
        let d = shapes("n: 1\nlist: [[a]]\nop: \">=\"\n");
        assert!(
            d.help.unwrap().starts_with("write text here"),
            "{}",
            d.message
        );
    }

    #[test]
    fn wording_unknown_variant() {
        let d = shapes("n: 1\nlist: []\nop: \"=>\"\n");
        assert!(
            d.message
                .starts_with("unknown variant `=>`, expected one of"),
            "{}",
            d.message
        );
        assert_eq!(d.help.as_deref(), Some("use one of the values listed"));
    }

    #[test]
    fn wording_malformed_yaml_without_the_crates_position() {
        for text in [
            "n: 1\nlist: []\n  op: y\n",
            "n: [1\n",
            "n: \"1\nlist: []\n",
            "n: @x\n",
        ] {
            let d = parse::<serde_json::Value>(text, src(text)).unwrap_err();
            assert!(
                d.message.starts_with("malformed YAML: "),
                "{text:?}: {}",
                d.message
            );
            assert!(!d.message.contains(" at line "), "{}", d.message);
            assert!(!d.message.contains("line: "), "{}", d.message);
            assert!(d.help.unwrap().contains("indentation"));
        }
    }
}

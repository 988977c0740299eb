//! Where each node of a YAML document is: a map from a node's path
//! (`phases[0].steps[1].id`) to the places of its key and value, built from
//! a parser's events with their spans.
//!
//! yaml_serde keeps its parser's events (and their marks) to itself, so the
//! events come from `saphyr-parser`, a YAML parser that reports a span per
//! event (ARCHITECTURE.md, "Choices"). A map is only built for a file that
//! has a diagnostic to place, once per file and resolve.
//!
//! Paths name mapping keys with `.` and sequence items with `[i]`; the
//! document's root is the empty path. Only scalar keys are named (a mapping
//! used as a key is written `?`). Aliases are nodes where they are written.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// A place in the file: byte offset into the whole file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// Byte offset into the file's text (not the YAML's: front matter is shifted).
    pub offset: usize,
}

/// How a scalar is written, which decides how its value maps to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Unquoted, possibly over several lines.
    Plain,
    /// `'…'` (`''` is a quote).
    SingleQuoted,
    /// `"…"` with backslash escapes.
    DoubleQuoted,
    /// `|` block: lines kept.
    Literal,
    /// `>` block: lines folded.
    Folded,
    /// A mapping, a sequence or an alias.
    Collection,
}

/// One node: where its key is (for a mapping entry), where its value starts
/// and ends, and how a scalar value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// The key of the mapping entry that holds this node.
    pub key: Option<Pos>,
    /// The first character of the value (a quote, `[`, the text; a block
    /// scalar's first line of content).
    pub value: Pos,
    /// Just past the value's last character (scalars only; else = `value`).
    pub end: Pos,
    /// How the value is written.
    pub style: Style,
}

/// Every node of one YAML document by path.
#[derive(Debug, Default)]
pub struct SpanMap {
    nodes: HashMap<String, Node>,
}

/// A container being walked: its path, and what comes next in it.
enum Open {
    /// A mapping: the key read and waiting for its value, if any.
    Map {
        path: String,
        key: Option<(String, Pos)>,
    },
    /// A sequence: the index of the next item.
    Seq { path: String, next: usize },
}

impl SpanMap {
    /// The nodes of the YAML in `text[start..end]` (a whole file, or its
    /// front matter), with places as byte offsets into `text`. A document
    /// the parser rejects keeps the nodes read before the error.
    pub fn build(text: &str, start: usize, end: usize) -> SpanMap {
        let yaml = &text[start..end];
        let lines = LineIndex::new(yaml);
        let at = |s: &saphyr_parser::Marker| Pos {
            offset: start + lines.byte_offset(yaml, s.line(), s.col()),
        };
        let mut map = SpanMap::default();
        let mut stack: Vec<Open> = Vec::new();
        for ev in Parser::new_from_str(yaml) {
            let Ok((ev, span)) = ev else { break };
            let span: Span = span;
            match ev {
                Event::Scalar(value, style, _, _) => {
                    // A mapping waiting for a key: this scalar is the key.
                    if let Some(Open::Map { key, .. }) = stack.last_mut() {
                        if key.is_none() {
                            *key = Some((value.into_owned(), at(&span.start)));
                            continue;
                        }
                    }
                    let style = match style {
                        ScalarStyle::Plain => Style::Plain,
                        ScalarStyle::SingleQuoted => Style::SingleQuoted,
                        ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                        ScalarStyle::Literal => Style::Literal,
                        ScalarStyle::Folded => Style::Folded,
                    };
                    map.node(&mut stack, at(&span.start), at(&span.end), style);
                }
                Event::Alias(_) => {
                    let p = at(&span.start);
                    map.node(&mut stack, p, p, Style::Collection);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let p = at(&span.start);
                    let path = match stack.last_mut() {
                        // A collection as a key: named `?`; what is inside
                        // it is recorded under `?key`, apart from the value.
                        Some(Open::Map {
                            path,
                            key: key @ None,
                        }) => {
                            *key = Some(("?".into(), p));
                            format!("{path}?key")
                        }
                        _ => map.node(&mut stack, p, p, Style::Collection),
                    };
                    stack.push(match ev {
                        Event::MappingStart(..) => Open::Map { path, key: None },
                        _ => Open::Seq { path, next: 0 },
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::DocumentEnd => break,
                _ => {}
            }
        }
        map
    }

    /// Record a value node under its parent; returns its path.
    fn node(&mut self, stack: &mut [Open], value: Pos, end: Pos, style: Style) -> String {
        let (path, key) = match stack.last_mut() {
            None => (String::new(), None),
            Some(Open::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                (p, None)
            }
            Some(Open::Map { path, key }) => {
                // Every value in a mapping follows its key's event.
                let (k, kp) = key.take().unwrap_or_else(|| ("?".into(), value));
                let p = if path.is_empty() {
                    k
                } else {
                    format!("{path}.{k}")
                };
                (p, Some(kp))
            }
        };
        self.nodes.insert(
            path.clone(),
            Node {
                key,
                value,
                end,
                style,
            },
        );
        path
    }

    /// The node at `path`, if the document has one.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// Where the entry at `path` is best pointed at: its key, or (a
    /// sequence item, the root) its value.
    pub fn key_or_value(&self, path: &str) -> Option<usize> {
        self.get(path).map(|n| n.key.unwrap_or(n.value).offset)
    }
}

/// Byte offsets of line starts, to turn (line, column in characters) into
/// a byte offset.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// `line` counts from 1, `col` (characters) from 0.
    fn byte_offset(&self, text: &str, line: usize, col: usize) -> usize {
        let Some(&s) = self.starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        let rest = &text[s..];
        s + rest
            .char_indices()
            .nth(col)
            .map(|(i, _)| i)
            .unwrap_or(rest.len())
    }
}

/// The byte offset in `text` of the character at byte `at` of a scalar's
/// value, when `node` is that scalar: the parsed value and its source are
/// walked side by side (indentation, line folding, quotes and escapes
/// skipped in the source). `None` when they part ways (an escape that does
/// not stand for itself), so the caller points at the scalar instead.
pub fn value_offset(text: &str, node: &Node, value: &str, at: usize) -> Option<usize> {
    let src = text.get(node.value.offset..node.end.offset)?;
    let mut s = src.char_indices().peekable();
    // A block scalar's span starts at its content; were it to start at its
    // header (`|-`, `>2`, …), the content is on the next line.
    if matches!(node.style, Style::Literal | Style::Folded) && src.starts_with(['|', '>']) {
        for (_, c) in s.by_ref() {
            if c == '\n' {
                break;
            }
        }
    }
    let quoted = matches!(node.style, Style::SingleQuoted | Style::DoubleQuoted);
    if quoted {
        s.next();
    }
    for (vi, vc) in value.char_indices() {
        loop {
            let (si, sc) = *s.peek()?;
            if vi == at && sc == vc {
                return Some(node.value.offset + si);
            }
            s.next();
            if sc == vc {
                if node.style == Style::SingleQuoted && sc == '\'' {
                    s.next(); // `''` is one quote
                }
                break;
            }
            match sc {
                // Source-only characters: line breaks and indentation.
                ' ' | '\t' | '\n' | '\r' => continue,
                '\\' if node.style == Style::DoubleQuoted => {
                    // An escape stands for another character: the value's
                    // character is this escape; skip the rest of it.
                    let (_, e) = s.next()?;
                    let extra = match e {
                        'x' => 2,
                        'u' => 4,
                        'U' => 8,
                        _ => 0,
                    };
                    for _ in 0..extra {
                        s.next();
                    }
                    if vi == at {
                        return Some(node.value.offset + si);
                    }
                    break;
                }
                _ => return None,
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(yaml: &str) -> SpanMap {
        SpanMap::build(yaml, 0, yaml.len())
    }

    /// (line, column) of a byte offset, 1-based, as diagnostics show them.
    fn lc(text: &str, off: usize) -> (usize, usize) {
        crate::diag::line_col(text, off)
    }

    #[test]
    fn keys_and_values_of_nested_mappings_and_sequences_have_their_places() {
        let y =
            "id: gdpr\nphases:\n  - id: p1\n    steps:\n      - id: s1\n        tags: [a, \"b\"]\n";
        let m = map(y);
        let id = m.get("id").unwrap();
        assert_eq!(lc(y, id.key.unwrap().offset), (1, 1));
        assert_eq!(lc(y, id.value.offset), (1, 5));
        let s1 = m.get("phases[0].steps[0].id").unwrap();
        assert_eq!(lc(y, s1.key.unwrap().offset), (5, 9));
        assert_eq!(lc(y, s1.value.offset), (5, 13));
        assert_eq!(
            lc(y, m.get("phases[0].steps[0].tags[1]").unwrap().value.offset),
            (6, 19),
            "a quoted scalar starts at its quote"
        );
        // An item of a sequence has no key: it is pointed at by its value.
        assert_eq!(
            lc(y, m.key_or_value("phases[0].steps[0].tags[0]").unwrap()),
            (6, 16)
        );
        assert_eq!(lc(y, m.key_or_value("phases[0]").unwrap()), (3, 5));
        assert!(m.get("phases[1]").is_none());
    }

    #[test]
    fn places_count_characters_not_bytes_and_front_matter_is_shifted() {
        let text = "---\ntitle: Ré sumé\nid: x\n---\nbody [[a:b]]\n";
        let end = text.find("---\nbody").unwrap();
        let m = SpanMap::build(text, 4, end);
        assert_eq!(lc(text, m.get("id").unwrap().value.offset), (3, 5));
        assert_eq!(&text[m.get("title").unwrap().value.offset..][..3], "Ré");
    }

    #[test]
    fn a_document_the_parser_rejects_keeps_the_nodes_before_the_error() {
        let y = "id: a\nname: b\n  bad: [\n";
        let m = map(y);
        assert!(m.get("id").is_some());
    }

    #[test]
    fn a_place_inside_a_scalar_follows_folding_quotes_and_escapes() {
        let cases = [
            "s: see [[x:y]] here\n",
            "s: 'it''s [[x:y]]'\n",
            "s: \"tab\\t\\u00e9 [[x:y]]\"\n",
            "s: |\n  line one\n  and [[x:y]]\n",
            "s: >-\n  folded\n  text [[x:y]] end\n",
            "s: plain over\n  two [[x:y]] lines\n",
        ];
        for y in cases {
            let m = map(y);
            let n = m.get("s").unwrap();
            let value: String = match n.style {
                Style::SingleQuoted => "it's [[x:y]]".into(),
                Style::DoubleQuoted => "tab\t\u{e9} [[x:y]]".into(),
                Style::Literal => "line one\nand [[x:y]]\n".into(),
                Style::Folded => "folded text [[x:y]] end".into(),
                _ if y.contains("two") => "plain over two [[x:y]] lines".into(),
                _ => "see [[x:y]] here".into(),
            };
            let at = value.find("[[").unwrap();
            let off = value_offset(y, n, &value, at)
                .unwrap_or_else(|| panic!("{y:?}: {n:?} {:?}", &y[n.value.offset..n.end.offset]));
            assert_eq!(&y[off..off + 7], "[[x:y]]", "{y:?}");
        }
    }
}

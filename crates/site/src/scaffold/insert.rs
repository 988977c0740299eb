//! Adding an item to a YAML list as text: the file's comments, order,
//! quoting and layout stay as they are; only the new lines are added.
//!
//! Where a list and its items are comes from the file's [`SpanMap`]; how
//! far an item reaches is read from indentation (an item ends before the
//! first non-blank line indented less than its content). The new item is
//! indented like the list's last item, and separated from it by a blank
//! line when the list's items are.

use playbook_content::yaml::SpanMap;

/// A file's text with an item added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Inserted {
    /// The whole new text.
    pub(crate) text: String,
    /// First and last line (1-based) of the added lines in the new text.
    pub(crate) lines: (usize, usize),
}

/// Add `item` at the end of the list at `seq` (a [`SpanMap`] path). `item`
/// is written as a top-level list item: its first line starts with `- `,
/// the others with at least two spaces. When the file has no list there,
/// `parent` names the mapping that should hold it as `key:` (e.g. an
/// activity without `tasks:`). Errors say why the item cannot be added.
pub(crate) fn append_item(
    text: &str,
    spans: &SpanMap,
    seq: &str,
    parent: Option<(&str, &str)>,
    item: &str,
) -> Result<Inserted, String> {
    let Some(node) = spans.get(seq) else {
        let Some((parent, key)) = parent else {
            return Err(format!("the file has no list at `{seq}`"));
        };
        let p = spans
            .get(parent)
            .ok_or_else(|| format!("the file has no `{parent}`"))?;
        let (col, end) = extent(text, p.value.offset);
        let pad = " ".repeat(col);
        let body = indent(item, col + 2, 2);
        return Ok(insert_at(text, end, &format!("{pad}{key}:\n{body}"), false));
    };
    if text[node.value.offset..].starts_with('[') && spans.get(&format!("{seq}[0]")).is_some() {
        return Err(format!(
            "the list at `{seq}` is written on one line (`[…]`); write it one `- ` item per line"
        ));
    }
    // The list's last item.
    let mut n = 0;
    while spans.get(&format!("{seq}[{n}]")).is_some() {
        n += 1;
    }
    if n == 0 {
        // An empty list written `[]` (or nothing, or `~`): replaced by a
        // block list under its key.
        let key = node
            .key
            .ok_or_else(|| format!("the list at `{seq}` has no key"))?;
        let v = node.value.offset;
        if line_start(text, v) != line_start(text, key.offset) {
            return Err(format!("`{seq}` is not a list"));
        }
        let line_end = text[v..].find('\n').map_or(text.len(), |i| v + i);
        let rest = &text[v..line_end];
        let value_len = if rest.starts_with('[') {
            match rest.find(']') {
                Some(i) if rest[1..i].trim().is_empty() => i + 1,
                _ => {
                    return Err(format!(
                        "the list at `{seq}` is not empty but written on one line"
                    ))
                }
            }
        } else {
            let word = rest.split('#').next().unwrap_or("").trim_end();
            if !matches!(word, "" | "~" | "null") {
                return Err(format!("`{seq}` is not a list"));
            }
            word.len()
        };
        let key_col = key.offset - line_start(text, key.offset);
        let mut edited = String::with_capacity(text.len());
        edited.push_str(&text[..v]);
        edited.push_str(text[v + value_len..line_end].trim_start());
        let edited = edited.trim_end().to_string() + &text[line_end..];
        let at = edited[..v].rfind('\n').map_or(0, |i| i + 1);
        let at = edited[at..].find('\n').map_or(edited.len(), |i| at + i + 1);
        let body = indent(item, key_col + 2, 2);
        return Ok(insert_at(&edited, at, &body, false));
    }
    let last = spans
        .get(&format!("{seq}[{}]", n - 1))
        .ok_or_else(|| format!("the file has no `{seq}[{}]`", n - 1))?;
    let v = last.value.offset;
    let start = line_start(text, v);
    let dash = text[start..v]
        .rfind('-')
        .ok_or_else(|| format!("the list at `{seq}` is not written one `- ` item per line"))?;
    let (col, end) = extent(text, v);
    // Items separated by blank lines get one too.
    let before = &text[..start];
    let blank_before = before.ends_with("\n\n") || before.ends_with("\n \n");
    Ok(insert_at(
        text,
        end,
        &indent(item, dash, col - dash),
        blank_before,
    ))
}

/// The byte offset where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The content column of the node starting at `v`, and the offset just
/// past its last non-blank line (the lines after it indented deeper than
/// that column are its own).
fn extent(text: &str, v: usize) -> (usize, usize) {
    let col = v - line_start(text, v);
    let mut pos = text[v..].find('\n').map_or(text.len(), |i| v + i + 1);
    let mut end = pos;
    while pos < text.len() {
        let next = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..next];
        if !line.trim().is_empty() {
            let indent = line.len() - line.trim_start_matches(' ').len();
            if indent < col {
                break;
            }
            end = next;
        }
        pos = next;
    }
    (col, end)
}

/// `item` (a top-level `- ` item) with its dash at column `dash` and its
/// content `inner` columns further right.
fn indent(item: &str, dash: usize, inner: usize) -> String {
    let pad = " ".repeat(dash);
    let inner_pad = " ".repeat(inner.max(1));
    let mut out = String::new();
    for (i, line) in item.lines().enumerate() {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        let rest = line
            .strip_prefix(if i == 0 { "- " } else { "  " })
            .unwrap_or(line);
        out.push_str(&pad);
        if i == 0 {
            out.push('-');
            out.push_str(&inner_pad[1..]);
        } else {
            out.push_str(&inner_pad);
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

/// `text` with `added` put at byte offset `at` (the start of a line or the
/// end of the text), after a blank line when `blank` is set.
fn insert_at(text: &str, at: usize, added: &str, blank: bool) -> Inserted {
    let mut out = String::with_capacity(text.len() + added.len() + 2);
    out.push_str(&text[..at]);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if blank {
        out.push('\n');
    }
    let first = out.matches('\n').count() + 1;
    out.push_str(added);
    let last = out.matches('\n').count();
    out.push_str(&text[at..]);
    Inserted {
        text: out,
        lines: (first, last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(text: &str, seq: &str, item: &str) -> String {
        let spans = SpanMap::build(text, 0, text.len());
        append_item(text, &spans, seq, None, item).unwrap().text
    }

    #[test]
    fn an_item_goes_after_the_last_one_with_its_indentation_and_comments_kept() {
        let text = "a:\n  steps:\n    - id: one # first\n      text: |\n        body\n\n        more\n    # between\n    - id: two\n      x: 1\n  # trailing\nb: 2\n";
        let out = add(text, "a.steps", "- id: three\n  x: 3\n");
        assert_eq!(
            out,
            "a:\n  steps:\n    - id: one # first\n      text: |\n        body\n\n        more\n    # between\n    - id: two\n      x: 1\n    - id: three\n      x: 3\n  # trailing\nb: 2\n"
        );
    }

    #[test]
    fn indentless_lists_blank_line_separated_items_and_a_missing_final_newline() {
        let text = "metrics:\n- id: one\n\n- id: two\n  name: Two";
        let out = add(text, "metrics", "- id: three\n  name: Three\n");
        assert_eq!(
            out,
            "metrics:\n- id: one\n\n- id: two\n  name: Two\n\n- id: three\n  name: Three\n"
        );
    }

    #[test]
    fn an_empty_flow_list_becomes_a_block_list() {
        let text = "group:\n  id: g\nmetrics: [] # none yet\nother: 1\n";
        let out = add(text, "metrics", "- id: m\n");
        assert_eq!(
            out,
            "group:\n  id: g\nmetrics: # none yet\n  - id: m\nother: 1\n"
        );
    }

    #[test]
    fn a_missing_list_is_added_under_its_parent() {
        let text = "activities:\n  - title: A\n    summary: s\n  - title: B\n";
        let spans = SpanMap::build(text, 0, text.len());
        let out = append_item(
            text,
            &spans,
            "activities[0].tasks",
            Some(("activities[0]", "tasks")),
            "- title: T\n",
        )
        .unwrap();
        assert_eq!(
            out.text,
            "activities:\n  - title: A\n    summary: s\n    tasks:\n      - title: T\n  - title: B\n"
        );
        assert_eq!(out.lines, (4, 5));
    }

    #[test]
    fn a_non_empty_flow_list_is_refused() {
        let text = "metrics: [a, b]\n";
        let spans = SpanMap::build(text, 0, text.len());
        assert!(append_item(text, &spans, "metrics", None, "- id: m\n").is_err());
    }
}

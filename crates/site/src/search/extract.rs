//! Page text for the full-text index, read from a rendered page by a small
//! hand-written scanner (the pages are our own templates' output, so a full
//! HTML parser would only cost time).
//!
//! [`body_of`] cuts the page down to its `data-search-body` element (the
//! `<article>`); [`sections`] splits that into sections: the page's top, then
//! one per heading with an `id` and per element with a `data-search-title`
//! (activities, tasks), each with its anchor, title and plain text. Parts
//! marked `data-search-ignore` (navigation-like lists, tables, charts),
//! `<svg>`, `<script>` and `<style>` are skipped. [`super::words`] splits
//! the text into index words.

/// The attribute that marks the element holding a page's searchable text.
pub const BODY_ATTR: &str = "data-search-body";
/// The attribute that gives an element (with an `id`) its own sub-result.
pub const TITLE_ATTR: &str = "data-search-title";
/// The attribute that keeps an element's text out of the index.
pub const IGNORE_ATTR: &str = "data-search-ignore";

/// One part of a page that a hit can land on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The element's `id` (empty for the top of the page).
    pub anchor: String,
    /// Its heading or `data-search-title` (for the top: the page's `<h1>`).
    pub title: String,
    /// Its plain text, whitespace collapsed.
    pub text: String,
}

/// The part of a page that is indexed: the element carrying
/// `data-search-body` (the `<article>` of the built-in templates), or the
/// whole page when a template override dropped the attribute.
pub fn body_of(html: &str) -> &str {
    use memchr::memmem;
    let b = html.as_bytes();
    let Some(at) = memmem::find(b, BODY_MARKER.as_bytes()) else {
        return html;
    };
    let Some(open) = memchr::memrchr(b'<', &b[..at]) else {
        return html;
    };
    let tag = &html[open + 1..at];
    let name = &tag[..tag
        .bytes()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len())];
    if name.is_empty() {
        return html;
    }
    // Page text never contains a raw `</article>` (Markdown's raw HTML is
    // escaped), so the last closing tag of that name ends the element.
    let close = format!("</{name}>");
    match memmem::rfind(b, close.as_bytes()) {
        Some(c) if c > open => &html[open..c + close.len()],
        _ => html,
    }
}

/// [`BODY_ATTR`] as it appears in its tag (after a space).
const BODY_MARKER: &str = " data-search-body";

/// What the scanner does with an element, from its name.
#[derive(Clone, Copy, PartialEq)]
enum Tag {
    /// No closing tag (`<br>`, `<img>`, …).
    Void,
    /// Inside a word's run of text: no word break at its edges.
    Inline,
    /// Content that is not page text (`<svg>`, `<script>`, `<style>`, `<template>`).
    Opaque,
    /// `<h1>` … `<h6>`.
    Heading,
    /// Any other element: a block, so a word break at its edges.
    Block,
}

/// The [`Tag`] class of an element name (ASCII case-insensitive).
fn classify(name: &[u8]) -> Tag {
    let mut lower = [0u8; 8];
    if name.len() > lower.len() {
        return Tag::Block;
    }
    for (l, &c) in lower.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    let l = &lower[..name.len()];
    // By length first: each arm then compares a few short literals.
    let is = |names: &[&[u8]]| names.contains(&l);
    let class = match l.len() {
        1 => is(&[b"a", b"b", b"i", b"q", b"s", b"u"]).then_some(Tag::Inline),
        2 if l[0] == b'h' && (b'1'..=b'6').contains(&l[1]) => Some(Tag::Heading),
        2 if is(&[b"br", b"hr"]) => Some(Tag::Void),
        2 => is(&[b"em"]).then_some(Tag::Inline),
        3 if is(&[b"col", b"img", b"wbr"]) => Some(Tag::Void),
        3 if is(&[b"kbd", b"sub", b"sup", b"var"]) => Some(Tag::Inline),
        3 => is(&[b"svg"]).then_some(Tag::Opaque),
        4 if is(&[b"area", b"base", b"link", b"meta"]) => Some(Tag::Void),
        4 => is(&[b"abbr", b"code", b"mark", b"span", b"time"]).then_some(Tag::Inline),
        5 if is(&[b"embed", b"input", b"track"]) => Some(Tag::Void),
        5 if is(&[b"small"]) => Some(Tag::Inline),
        5 => is(&[b"style"]).then_some(Tag::Opaque),
        6 if is(&[b"source"]) => Some(Tag::Void),
        6 if is(&[b"strong"]) => Some(Tag::Inline),
        6 => is(&[b"script"]).then_some(Tag::Opaque),
        8 => is(&[b"template"]).then_some(Tag::Opaque),
        _ => None,
    };
    class.unwrap_or(Tag::Block)
}

/// The attributes of a start tag's attribute text, as (name, raw value):
/// one pass over the bytes, no allocation (a bare attribute has the value "").
fn attrs(tag: &str) -> impl Iterator<Item = (&str, &str)> {
    let b = tag.as_bytes();
    let mut i = 0;
    let space = |c: u8| c.is_ascii_whitespace();
    std::iter::from_fn(move || {
        while i < b.len() && (space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && !space(b[i]) && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &tag[start..i];
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            return Some((name, ""));
        }
        i += 1;
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let from = i + 1;
                let end = memchr::memchr(q, &b[from..]).map_or(b.len(), |e| from + e);
                i = (end + 1).min(b.len());
                &tag[from..end]
            }
            _ => {
                let from = i;
                while i < b.len() && !space(b[i]) {
                    i += 1;
                }
                &tag[from..i]
            }
        };
        Some((name, value))
    })
}

/// `s` (HTML text) with its character references decoded and its
/// whitespace collapsed (see [`push_text`]).
fn decoded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Append HTML text `s` to `out` with its character references decoded and
/// each run of whitespace made one space; no space starts `out` (the caller
/// drops a trailing one when `out` is complete). Prose that needs neither
/// is copied whole; anything else goes character by character.
fn push_text(out: &mut String, s: &str) {
    out.reserve(s.len());
    // Whether a space here would be one too many (at the start, or after one).
    let mut spaced = out.is_empty() || out.ends_with(' ');
    // Most of a page's text is prose with single spaces and nothing to
    // decode: copied whole, after a few vectorised scans.
    let b = s.as_bytes();
    // Between tags, often nothing but line breaks and indentation.
    if b.iter().all(u8::is_ascii_whitespace) {
        if !spaced && !b.is_empty() {
            out.push(' ');
        }
        return;
    }
    if b.first() != Some(&b' ')
        && b.is_ascii()
        && memchr::memchr3(b'&', b'\n', b'\t', b).is_none()
        && memchr::memchr2(b'\r', 0x0c, b).is_none()
        && !b.contains(&0x0b)
        && double_space().find(b).is_none()
    {
        out.push_str(s);
        return;
    }
    let mut i = 0;
    while i < b.len() {
        let (c, len) = match b[i] {
            b'&' => entity(&s[i..]).unwrap_or(('&', 1)),
            0x80.. => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
            c => (char::from(c), 1),
        };
        if !c.is_whitespace() {
            out.push(c);
            spaced = false;
        } else if !spaced {
            out.push(' ');
            spaced = true;
        }
        i += len;
    }
}

/// A searcher for two spaces in a row, built once (building one costs more
/// than searching most text segments).
fn double_space() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new(b"  "))
}

/// The character reference `s` starts with (`s[0]` is `&`), decoded, and
/// its length in bytes; `None` when it is not one (a bare `&`).
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes()[..s.len().min(12)]
        .iter()
        .position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)?,
    };
    Some((c, end + 1))
}

/// Where the scanner is sending text.
#[derive(PartialEq)]
enum Into {
    /// The current section's text.
    Text,
    /// The current section's title (a heading with an `id`, or the `<h1>`).
    Title,
}

/// Split an article's HTML into sections (see the module docs).
pub fn sections(html: &str) -> Vec<Section> {
    let mut out = vec![Section::default()];
    // Open elements (names, as written: our templates write lower case).
    let mut stack: Vec<&str> = Vec::with_capacity(32);
    // Where text goes, and the depth at which that ends.
    let mut into = Into::Text;
    let mut into_until = 0;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) else {
            text_into(&mut out, &into, rest);
            break;
        };
        if lt > 0 {
            text_into(&mut out, &into, &rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = memchr::memmem::find(r.as_bytes(), b"-->").map_or("", |e| &r[e + 3..]);
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', rest.as_bytes()) else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim_ascii();
            if stack.last().is_some_and(|n| n.eq_ignore_ascii_case(name)) {
                stack.pop();
            } else if let Some(pos) = stack.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                stack.truncate(pos);
            }
            if into == Into::Title && stack.len() <= into_until {
                into = Into::Text;
            }
            if classify(name.as_bytes()) != Tag::Inline {
                apart_into(&mut out, &into);
            }
            continue;
        }
        let name_end = tag
            .bytes()
            .position(|c| c.is_ascii_whitespace() || c == b'/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() || name.starts_with('!') {
            continue;
        }
        let attr_text = &tag[name_end..];
        let class = classify(name.as_bytes());
        if class == Tag::Opaque {
            // Their content is not page text: jump past the closing tag.
            rest = past_close(rest, name, false);
            continue;
        }
        if class == Tag::Void || attr_text.trim_ascii_end().ends_with('/') {
            if class != Tag::Inline {
                space_into(&mut out, &into);
            }
            continue;
        }
        let (mut id, mut title, mut ignore) = ("", None, false);
        if !attr_text.is_empty() {
            for (n, v) in attrs(attr_text) {
                match n {
                    "id" => id = v,
                    TITLE_ATTR => title = Some(v),
                    IGNORE_ATTR => ignore = true,
                    _ => {}
                }
            }
        }
        if ignore {
            // Jump past the whole element (counting nested ones of its
            // name) instead of scanning what it holds.
            rest = past_close(rest, name, true);
            if class != Tag::Inline {
                space_into(&mut out, &into);
            }
            continue;
        }
        let depth = stack.len();
        stack.push(name);
        if let (false, Some(title)) = (id.is_empty(), title) {
            out.push(Section {
                anchor: decoded(id),
                title: decoded(title),
                text: String::new(),
            });
        } else if class == Tag::Heading && (!id.is_empty() || name.eq_ignore_ascii_case("h1")) {
            if !id.is_empty() {
                out.push(Section {
                    anchor: decoded(id),
                    ..Section::default()
                });
            }
            into = Into::Title;
            into_until = depth;
        } else if class != Tag::Inline {
            space_into(&mut out, &into);
        }
    }
    for s in &mut out {
        for field in [&mut s.title, &mut s.text] {
            let kept = field.trim_end_matches([' ', SEPARATOR]).len();
            field.truncate(kept);
        }
    }
    out
}

/// What keeps the texts of two blocks apart in a section's text (a task's
/// owner and its description, a list's items, a table's cells), so a
/// snippet does not run them together: punctuation, no word of its own.
const SEPARATOR: char = '·';

/// The end of a block: in a section's text, [`SEPARATOR`] unless the text
/// already ends a sentence or a clause; elsewhere a word break.
fn apart_into(out: &mut [Section], into: &Into) {
    if *into == Into::Text {
        if let Some(s) = out.last_mut() {
            let last = s.text.trim_end_matches(' ').chars().next_back();
            if last.is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '%')
            }) {
                if !s.text.ends_with(' ') {
                    s.text.push(' ');
                }
                s.text.push(SEPARATOR);
                s.text.push(' ');
                return;
            }
        }
    }
    space_into(out, into);
}

/// What follows the element named `name` whose start tag `rest` follows:
/// past its closing tag, counting nested elements of the same name when
/// `nested` (content such as `<script>` has no elements, only text).
/// Everything when it is never closed.
fn past_close<'a>(rest: &'a str, name: &str, nested: bool) -> &'a str {
    let b = rest.as_bytes();
    let n = name.len();
    let mut depth = 1;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let at = i + p + 1;
        i = at;
        let closing = b.get(at) == Some(&b'/');
        let from = at + usize::from(closing);
        let same = b
            .get(from..from + n)
            .is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
            && !b.get(from + n).is_some_and(|c| c.is_ascii_alphanumeric());
        if !same || !(closing || nested) {
            continue;
        }
        if !closing {
            depth += 1;
            continue;
        }
        depth -= 1;
        if depth == 0 {
            return memchr::memchr(b'>', &b[from..]).map_or("", |g| &rest[from + g + 1..]);
        }
    }
    ""
}

fn text_into(out: &mut [Section], into: &Into, html: &str) {
    if let Some(s) = out.last_mut() {
        let to = if *into == Into::Title {
            &mut s.title
        } else {
            &mut s.text
        };
        push_text(to, html);
    }
}

/// A word break: one space where text goes, unless it already ends in one
/// (or is empty).
fn space_into(out: &mut [Section], into: &Into) {
    if let Some(s) = out.last_mut() {
        let to = if *into == Into::Title {
            &mut s.title
        } else {
            &mut s.text
        };
        if !to.is_empty() && !to.ends_with(' ') {
            to.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_of_keeps_only_the_marked_element() {
        assert_eq!(BODY_MARKER, format!(" {BODY_ATTR}"));
        let other_attrs = "<nav>x</nav><article class=\"a\" data-search-body><p>y</p></article>";
        assert_eq!(body_of(other_attrs), &other_attrs[12..]);
        let html = "<html><body><nav>Menu</nav><main><article data-search-body><h1>T</h1><p>x</p></article></main><script></script></body></html>";
        assert_eq!(
            body_of(html),
            "<article data-search-body><h1>T</h1><p>x</p></article>"
        );
        let plain = "<html><body><p>no marker</p></body></html>";
        assert_eq!(body_of(plain), plain);
    }

    #[test]
    fn blocks_are_kept_apart_in_the_text() {
        let html = "<li id=\"task-t\" data-search-title=\"T\"><div class=\"task-head\"><strong data-search-ignore>T</strong> <span class=\"owner\">Legal counsel</span></div>\
            <p>Map the rules.</p><ul><li>one</li><li>two (2)</li></ul><p>Ends: </p><p>next</p></li>";
        let s = sections(html);
        assert_eq!(s[1].title, "T");
        assert_eq!(
            s[1].text,
            "Legal counsel · Map the rules. one · two (2) · Ends: next"
        );
    }

    #[test]
    fn sections_split_at_anchored_headings_and_titled_elements() {
        let html = "<article data-search-body><p class=\"eyebrow\">Step 1</p><h1>Data &amp; Residency</h1>\
            <p>Keep <strong>data</strong> home.</p><svg><text>Week 1</text></svg>\
            <section data-search-ignore><h2 id=\"refs\">Referenced by</h2><ul><li>x</li></ul></section>\
            <section class=\"activity\" id=\"activity-map\" data-search-title=\"Map &quot;rules&quot;\"><h2>Map</h2>\
            <ul><li id=\"task-a\" data-search-title=\"Task A\"><strong>Task A</strong><p>Do&nbsp;it<br>now</p>\
            <p data-search-ignore>All markets</p></li></ul></section>\
            <h2 id=\"risks\">Risks <em>to</em> watch</h2><p>Drift.</p><!-- <h2 id=\"no\">x</h2> --></article>";
        let s = sections(html);
        let got: Vec<(&str, &str, &str)> = s
            .iter()
            .map(|s| (s.anchor.as_str(), s.title.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("", "Data & Residency", "Step 1 · Keep data home."),
                ("activity-map", "Map \"rules\"", "Map"),
                ("task-a", "Task A", "Task A Do it now"),
                ("risks", "Risks to watch", "Drift."),
            ]
        );
    }
}

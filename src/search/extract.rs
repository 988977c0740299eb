//! Page text for the full-text index, read from a rendered page by a small
//! hand-written scanner (the pages are our own templates' output, so a full
//! HTML parser would only cost time).
//!
//! [`body_of`] cuts the page down to its `data-search-body` element (the
//! `<article>`); [`sections`] splits that into sections: the page's top, then
//! one per heading with an `id` and per element with a `data-search-title`
//! (activities, tasks), each with its anchor, title and plain text. Parts
//! marked `data-search-ignore` (navigation-like lists, tables, charts),
//! `<svg>`, `<script>` and `<style>` are skipped. [`for_each_word`] splits
//! text into index words the way `theme/search.js` splits a query.

/// The attribute that marks the element holding a page's searchable text.
pub const BODY_ATTR: &str = "data-search-body";
/// The attribute that gives an element (with an `id`) its own sub-result.
pub const TITLE_ATTR: &str = "data-search-title";
/// The attribute that keeps an element's text out of the index.
pub const IGNORE_ATTR: &str = "data-search-ignore";

/// Words too common to help a search; the browser drops them from queries too.
pub const STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
    "that", "the", "this", "to", "with",
];

/// Longest word kept (in characters): longer ones are ids or hashes.
const MAX_WORD: usize = 40;

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
    let Some(at) = html.find(&format!(" {BODY_ATTR}")) else {
        return html;
    };
    let Some(open) = html[..at].rfind('<') else {
        return html;
    };
    let name: String = html[open + 1..at]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if name.is_empty() {
        return html;
    }
    // Page text never contains a raw `</article>` (Markdown's raw HTML is
    // escaped), so the last closing tag of that name ends the element.
    match html.rfind(&format!("</{name}>")) {
        Some(close) if close > open => &html[open..close + name.len() + 3],
        _ => html,
    }
}

/// Elements with no closing tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements inside a word's run of text: no word break at their edges.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "code"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// The attributes of a start tag's attribute text, as (name, raw value):
/// one pass, no allocation (a bare attribute has the value "").
fn attrs(tag: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = tag;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..end];
        rest = rest[end..].trim_start();
        let Some(v) = rest.strip_prefix('=') else {
            return Some((name, ""));
        };
        let v = v.trim_start();
        let (value, after) = match v.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => {
                let body = &v[1..];
                let e = body.find(q as char).unwrap_or(body.len());
                (&body[..e], body.get(e + 1..).unwrap_or(""))
            }
            _ => {
                let e = v.find(|c: char| c.is_ascii_whitespace()).unwrap_or(v.len());
                (&v[..e], &v[e..])
            }
        };
        rest = after;
        Some((name, value))
    })
}

/// `s` (HTML text) with its character references decoded.
fn decoded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_text(&mut out, s);
    out
}

/// Append HTML text `s` to `out` with its character references decoded.
fn push_text(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
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
    // Open elements (names, as written: our templates write lower case),
    // and the depth below which text is skipped.
    let mut stack: Vec<&str> = Vec::new();
    let mut skip_below: Option<usize> = None;
    // Where text goes, and the depth at which that ends.
    let mut into = Into::Text;
    let mut into_until = 0;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_below.is_none() {
                text_into(&mut out, &into, rest);
            }
            break;
        };
        if lt > 0 && skip_below.is_none() {
            text_into(&mut out, &into, &rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |e| &r[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if let Some(pos) = stack.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                stack.truncate(pos);
            }
            if skip_below.is_some_and(|d| stack.len() <= d) {
                skip_below = None;
            }
            if into == Into::Title && stack.len() <= into_until {
                into = Into::Text;
            }
            if !is_inline(name) {
                text_into(&mut out, &into, " ");
            }
            continue;
        }
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() || name.starts_with('!') {
            continue;
        }
        let attr_text = &tag[name_end..];
        let lower = |n: &str| name.eq_ignore_ascii_case(n);
        if lower("svg") || lower("script") || lower("style") || lower("template") {
            // Their content is not page text: jump past the closing tag.
            let close = rest
                .match_indices("</")
                .find(|(i, _)| {
                    rest[i + 2..]
                        .get(..name.len())
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
                .map(|(i, _)| i);
            rest = close.map_or("", |e| {
                let r = &rest[e..];
                r.find('>').map_or("", |g| &r[g + 1..])
            });
            continue;
        }
        if is_void(name) || attr_text.trim_end().ends_with('/') {
            if !is_inline(name) {
                text_into(&mut out, &into, " ");
            }
            continue;
        }
        let depth = stack.len();
        stack.push(name);
        if skip_below.is_some() {
            continue;
        }
        let (mut id, mut title, mut ignore) = ("", None, false);
        for (n, v) in attrs(attr_text) {
            match n {
                "id" => id = v,
                TITLE_ATTR => title = Some(v),
                IGNORE_ATTR => ignore = true,
                _ => {}
            }
        }
        if ignore {
            skip_below = Some(depth);
            continue;
        }
        let heading = name.len() == 2
            && (name.as_bytes()[0] | 0x20) == b'h'
            && (b'1'..=b'6').contains(&name.as_bytes()[1]);
        if let (false, Some(title)) = (id.is_empty(), title) {
            out.push(Section {
                anchor: decoded(id),
                title: decoded(title),
                text: String::new(),
            });
        } else if heading && (!id.is_empty() || lower("h1")) {
            if !id.is_empty() {
                out.push(Section {
                    anchor: decoded(id),
                    ..Section::default()
                });
            }
            into = Into::Title;
            into_until = depth;
        } else if !is_inline(name) {
            text_into(&mut out, &into, " ");
        }
    }
    for s in &mut out {
        s.title = collapse(&s.title);
        s.text = collapse(&s.text);
    }
    out
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

/// `s` with runs of whitespace made one space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Call `f` with each index word of `text`: lower case, accents removed
/// (canonical decomposition without U+0300–U+036F, as the browser's
/// `normalize("NFD")`), split at anything that is not a letter or digit;
/// words of one character, [`STOP_WORDS`] and words over 40 characters are
/// left out.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    use unicode_normalization::UnicodeNormalization;
    let mut word = String::new();
    let mut chars = 0;
    let mut flush = |word: &mut String, chars: &mut usize| {
        // Every stop word has at most four letters.
        if *chars >= 2
            && *chars <= MAX_WORD
            && (word.len() > 4 || STOP_WORDS.binary_search(&word.as_str()).is_err())
        {
            f(word);
        }
        word.clear();
        *chars = 0;
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
                chars += 1;
            } else {
                flush(&mut word, &mut chars);
            }
            continue;
        }
        for l in c.to_lowercase() {
            for d in std::iter::once(l).nfd() {
                if ('\u{300}'..='\u{36f}').contains(&d) {
                    continue;
                }
                if d.is_alphanumeric() {
                    word.push(d);
                    chars += 1;
                } else {
                    flush(&mut word, &mut chars);
                }
            }
        }
    }
    flush(&mut word, &mut chars);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(s, |w| v.push(w.to_string()));
        v
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(
            STOP_WORDS.iter().all(|w| w.len() <= 4),
            "for_each_word relies on it"
        );
        let mut s = STOP_WORDS.to_vec();
        s.sort_unstable();
        assert_eq!(s, STOP_WORDS);
    }

    #[test]
    fn words_are_lower_case_without_accents_or_stop_words() {
        assert_eq!(
            words("Québec's CI/CD plan for the Straße, 99.9% a X"),
            ["quebec", "ci", "cd", "plan", "straße", "99"]
        );
        assert_eq!(words("東京 Ärzte"), ["東京", "arzte"]);
    }

    #[test]
    fn body_of_keeps_only_the_marked_element() {
        let html = "<html><body><nav>Menu</nav><main><article data-search-body><h1>T</h1><p>x</p></article></main><script></script></body></html>";
        assert_eq!(
            body_of(html),
            "<article data-search-body><h1>T</h1><p>x</p></article>"
        );
        let plain = "<html><body><p>no marker</p></body></html>";
        assert_eq!(body_of(plain), plain);
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
                ("", "Data & Residency", "Step 1 Keep data home."),
                ("activity-map", "Map \"rules\"", "Map"),
                ("task-a", "Task A", "Task A Do it now"),
                ("risks", "Risks to watch", "Drift."),
            ]
        );
    }
}

//! #24 item 6, the pseudo-language test: the skeleton with an extra edition
//! in a pseudo-language (`qps`) whose string table is the built-in English
//! one with every message's text transformed (`Search` → `⟦Śéáŕćh⟧`). Every
//! page of that edition is then read: a visible text node, or an
//! `aria-label`, `title`, `placeholder`, `alt` or `data-label` attribute,
//! that still holds English words which are neither inside `⟦…⟧` nor the
//! playbook's own content is an interface string that bypasses the table.

use crate::support::{read_tree, Fixture};
use std::collections::BTreeSet;

/// The pseudo-language's tag: no built-in table, no English fallback by tag.
const TAG: &str = "qps";

/// The letters [`accent`] makes: a word holding one is pseudo-translated
/// (the part of a message after markup inside it has no `⟦`).
const ACCENTED: &[char] = &[
    'á', 'é', 'í', 'ó', 'ú', 'ć', 'ń', 'ś', 'ŕ', 'ý', 'Á', 'É', 'Í', 'Ó', 'Ú', 'Ć', 'Ń', 'Ś', 'Ŕ',
];

/// Non-words and names that are the same in every language.
const NAMES: &[&str] = &["CSV", "Markdown", "JSON", "playbook.json", "English", TAG];

/// A pseudo-translation of one run of message text: ASCII vowels and a few
/// consonants accented (still readable, visibly not English).
fn accent(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'a' => 'á',
            'e' => 'é',
            'i' => 'í',
            'o' => 'ó',
            'u' => 'ú',
            'c' => 'ć',
            'n' => 'ń',
            's' => 'ś',
            'r' => 'ŕ',
            'y' => 'ý',
            'A' => 'Á',
            'E' => 'É',
            'I' => 'Í',
            'O' => 'Ó',
            'U' => 'Ú',
            'C' => 'Ć',
            'N' => 'Ń',
            'S' => 'Ś',
            'R' => 'Ŕ',
            other => other,
        })
        .collect()
}

/// Pattern text of one line of a message: text accented; placeables
/// (`{ … }`, which may open a selector that goes on below), markup tags and
/// character references copied as they are. `depth` is the placeable depth
/// carried from line to line.
fn transform_text(line: &str, depth: &mut usize) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if *depth > 0 {
            out.push(c);
            match c {
                '{' => *depth += 1,
                '}' => *depth -= 1,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                out.push_str(&accent(&run));
                run.clear();
                out.push(c);
                *depth += 1;
            }
            '<' => {
                out.push_str(&accent(&run));
                run.clear();
                out.push(c);
                // A tag: copied whole, placeables in its attributes included.
                for t in chars.by_ref() {
                    out.push(t);
                    if t == '>' {
                        break;
                    }
                }
            }
            '&' => {
                out.push_str(&accent(&run));
                run.clear();
                out.push(c);
                while let Some(&t) = chars.peek() {
                    out.push(t);
                    chars.next();
                    if t == ';' || !(t.is_ascii_alphanumeric() || t == '#') {
                        break;
                    }
                }
            }
            _ => run.push(c),
        }
    }
    out.push_str(&accent(&run));
    out
}

/// The pseudo-language's string table, made from English `src`: every
/// message's value in `⟦…⟧`, its text accented, selectors and variant keys
/// kept.
fn pseudo_table(src: &str) -> String {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_message = false;
    for (i, line) in lines.iter().enumerate() {
        let next_continues = lines
            .get(i + 1)
            .is_some_and(|l| (l.starts_with(' ') || l.starts_with('}')) && !l.trim().is_empty());
        let mut new = if line.starts_with('#') || line.trim().is_empty() {
            in_message = false;
            line.to_string()
        } else if !line.starts_with(' ') && !line.starts_with('}') {
            let (id, value) = line.split_once(" = ").expect("a message line");
            in_message = true;
            format!("{id} = ⟦{}", transform_text(value, &mut depth))
        } else {
            // A variant (`[one] …`, `*[other] …`) or the rest of a message
            // after a selector closes (`} …`).
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            if body.starts_with('[') || body.starts_with("*[") {
                // A variant's text is pattern text again, inside the selector.
                let close = body.find(']').expect("variant key") + 1;
                let mut own = 0;
                let text = transform_text(&body[close..], &mut own);
                assert_eq!(own, 0, "a variant on one line: {line}");
                format!("{indent}{}{text}", &body[..close])
            } else if let Some(after) = body.strip_prefix('}') {
                // The selector closes; the message's text goes on.
                depth -= 1;
                format!("{indent}}}{}", transform_text(after, &mut depth))
            } else {
                format!("{indent}{}", transform_text(body, &mut depth))
            }
        };
        if in_message && !next_continues && depth == 0 {
            new.push('⟧');
            in_message = false;
        }
        out.push_str(&new);
        out.push('\n');
    }
    out
}

/// Words (two or more ASCII letters in a row) of `s`.
fn has_words(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_alphabetic() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// `s` without its `⟦…⟧` parts, whitespace collapsed.
fn untransformed(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .filter(|w| !w.contains(ACCENTED))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Typographic quotes as typed (Markdown makes `'` a `’`).
fn plain_quotes(s: &str) -> String {
    s.replace(['’', '‘'], "'").replace(['“', '”'], "\"")
}

/// Whether `piece` may stand in any language: content, a name or a code
/// (`DE`).
fn may_stay(piece: &str, sources: &str) -> bool {
    !has_words(piece)
        || NAMES.contains(&piece)
        || piece.chars().all(|c| c.is_ascii_uppercase())
        || sources.contains(piece)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The visible text nodes and labelling attributes of an HTML page
/// (script and style contents left out).
fn interface_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push(unescape(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt + 1];
        rest = &rest[lt + gt + 1..];
        for attr in ["aria-label", "title", "placeholder", "alt", "data-label"] {
            let key = format!(" {attr}=\"");
            if let Some(at) = tag.find(&key) {
                let v = &tag[at + key.len()..];
                out.push(unescape(&v[..v.find('"').unwrap_or(v.len())]));
            }
        }
        for raw in ["<script", "<style"] {
            if tag.starts_with(raw) {
                let close = format!("</{}>", &raw[1..]);
                rest = rest.find(&close).map_or("", |e| &rest[e..]);
            }
        }
    }
    out.push(unescape(rest));
    out
}

/// The English words on the pseudo edition's pages that are neither
/// pseudo-translated, content, nor a name: (page, text).
fn english_interface_strings(fx: &Fixture) -> BTreeSet<(String, String)> {
    let built = fx.build_to_temp(&[]);
    let site = built.site();
    // The playbook's own texts, whitespace collapsed: what content may show.
    let sources: String = read_tree(&fx.path("content"))
        .into_values()
        .chain([fx.read("book.toml").into_bytes()])
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let sources = plain_quotes(&sources.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut found = BTreeSet::new();
    let tree = read_tree(site);
    let pages: Vec<&String> = tree
        .keys()
        .filter(|p| p.starts_with(&format!("{TAG}/")) && p.ends_with(".html"))
        .collect();
    assert!(pages.len() > 10, "the pseudo edition has pages: {pages:?}");
    for page in pages {
        let html = String::from_utf8_lossy(&tree[page]);
        for text in interface_texts(&html) {
            let left = plain_quotes(&untransformed(&text));
            let left = left.trim_matches(|c: char| !c.is_alphanumeric());
            if may_stay(left, &sources) {
                continue;
            }
            // A node mixing content and punctuation ("Title · Site"):
            // every piece between separators must be content or a name.
            let pieces_ok = left
                .split([' ', '·', ',', ':', '(', ')', '—', '–', '/', '›', '→'])
                .all(|p| may_stay(p.trim_matches(|c: char| !c.is_alphanumeric()), &sources));
            if !pieces_ok {
                found.insert((page.clone(), left.to_string()));
            }
        }
    }
    found
}

/// The skeleton with a `qps` edition speaking the pseudo table.
fn pseudo_fixture() -> Fixture {
    let english = include_str!("../../templates/i18n/en.ftl");
    Fixture::skeleton()
        .replace(
            "book.toml",
            "description = ",
            &format!("languages = [\"{TAG}\"]\ndescription = "),
        )
        .file(&format!("templates/i18n/{TAG}.ftl"), pseudo_table(english))
}

#[test]
fn the_pseudo_table_transforms_every_english_message_and_parses() {
    let english = include_str!("../../templates/i18n/en.ftl");
    let pseudo = pseudo_table(english);
    let ids = |src: &str| -> Vec<String> {
        let r = fluent_syntax::parser::parse(src).unwrap_or_else(|(_, e)| panic!("{e:?}\n{src}"));
        r.body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(ids(english), ids(&pseudo));
    assert!(pseudo.contains("search-button = ⟦Śéáŕćh⟧"), "{pseudo}");
    assert!(
        pseudo.contains("[one] { $count } śtép"),
        "variants keep keys and placeables"
    );
    assert!(pseudo.contains("<a href=\"{ $url }\">"), "markup is kept");
}

#[test]
fn the_pseudo_edition_shows_no_english_interface_string() {
    let found = english_interface_strings(&pseudo_fixture());
    let listed: Vec<String> = found.iter().map(|(p, t)| format!("{p}: {t:?}")).collect();
    assert!(
        found.is_empty(),
        "English interface words that bypass the string table (templates/i18n/*.ftl; t(key=…) in templates):\n  {}",
        listed.join("\n  ")
    );
}

#[test]
fn a_literal_english_word_in_a_template_is_found() {
    // A playbook's own copy of base.html with one English word added: the
    // same check must name it.
    let base = include_str!("../../templates/base.html").replace(
        "<main id=\"content\" class=\"content\">",
        "<main id=\"content\" class=\"content\"><p>Unexplained gizmo</p>",
    );
    let found = english_interface_strings(&pseudo_fixture().file("templates/base.html", base));
    assert!(
        found.iter().any(|(_, t)| t == "Unexplained gizmo"),
        "the added literal is reported: {found:?}"
    );
}

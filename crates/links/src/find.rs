//! Where the playbook's external links are: every `http://` and `https://`
//! link in its content files, with the place it is written.
//!
//! - A Markdown body (a `.md` file after its front matter) is parsed as
//!   Markdown: link and image destinations, reference links and autolinks,
//!   each placed exactly where it is written.
//! - YAML (a `.yaml` file, or a `.md` file's front matter) is read as a
//!   tree of values. A string that is a URL on its own (a regulation's
//!   `link`) is a link; any other string is read as Markdown (the *(md)*
//!   fields) and its link destinations are taken. A YAML string's text is
//!   not at a known offset in the file (block scalars, quoting), so each
//!   URL found is placed by looking for it in the file: every place the
//!   file writes it is reported.
//!
//! Pure: it works on the texts the load already read.

use playbook_content::markdown::link_destinations;
use playbook_content::model::{Idx, IdxVec, SourceFile};
use playbook_content::yaml::{self, YamlSource};

/// One external link where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    /// The URL as the content gives it (with any `#fragment`).
    pub(super) url: String,
    /// Index of the file in [`playbook_content::model::Playbook::sources`].
    pub(super) source: Idx<SourceFile>,
    /// Byte offset of the URL (or of the Markdown link holding it) in the file.
    pub(super) offset: usize,
}

/// True for an `http:` or `https:` URL (the links this checker follows).
fn is_external(url: &str) -> bool {
    let head = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// Every external link in `sources`, file by file, in the order written.
pub(super) fn find_links(sources: &IdxVec<SourceFile>) -> Vec<Link> {
    let mut out = Vec::new();
    for (i, src) in sources.iter_enumerated() {
        let text = src.text.as_str();
        if src.path.ends_with(".md") {
            let Ok((yaml_start, yaml_end, body_start)) =
                playbook_content::yaml::split_front_matter(text)
            else {
                continue;
            };
            in_yaml(src, yaml_start, &text[yaml_start..yaml_end], i, &mut out);
            in_markdown(&text[body_start..], body_start, i, &mut out);
        } else if src.path.ends_with(".yaml") || src.path.ends_with(".yml") {
            in_yaml(src, 0, text, i, &mut out);
        }
    }
    out
}

/// Links of a Markdown body that starts at `base` in its file.
fn in_markdown(body: &str, base: usize, source: Idx<SourceFile>, out: &mut Vec<Link>) {
    for (url, range) in link_destinations(body) {
        if !is_external(&url) {
            continue;
        }
        let within = body[range.clone()].find(url.as_str()).unwrap_or(0);
        out.push(Link {
            url,
            source,
            offset: base + range.start + within,
        });
    }
}

/// Links of a YAML document that starts at `base` in its file.
fn in_yaml(
    src: &SourceFile,
    base: usize,
    yaml_text: &str,
    source: Idx<SourceFile>,
    out: &mut Vec<Link>,
) {
    if !yaml_text.contains("http") {
        return;
    }
    let at = YamlSource {
        file: &src.path,
        full_text: &src.text,
        start: base,
    };
    // The load already reported a file that does not parse.
    let Ok(value) = yaml::parse::<serde_json::Value>(yaml_text, at) else {
        return;
    };
    let mut urls: Vec<String> = Vec::new();
    strings(&value, &mut |s| {
        for url in urls_in_string(s) {
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
    });
    for url in urls {
        let places = places_of(yaml_text, &url);
        if places.is_empty() {
            out.push(Link {
                url,
                source,
                offset: base,
            });
            continue;
        }
        for p in places {
            out.push(Link {
                url: url.clone(),
                source,
                offset: base + p,
            });
        }
    }
}

/// Call `f` on every string in a YAML value.
fn strings(v: &serde_json::Value, f: &mut dyn FnMut(&str)) {
    match v {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(items) => items.iter().for_each(|x| strings(x, f)),
        serde_json::Value::Object(map) => map.values().for_each(|x| strings(x, f)),
        _ => {}
    }
}

/// The external URLs of one YAML string: the string itself when it is a
/// URL alone, else the link destinations of it read as Markdown.
fn urls_in_string(s: &str) -> Vec<String> {
    let t = s.trim();
    if is_external(t) && !t.contains(char::is_whitespace) {
        return vec![t.to_string()];
    }
    if !s.contains("http") {
        return Vec::new();
    }
    link_destinations(s)
        .into_iter()
        .map(|(url, _)| url)
        .filter(|url| is_external(url))
        .collect()
}

/// Byte offsets where `url` is written whole in `text` (not as the start
/// of a longer URL, nor the end of another word).
fn places_of(text: &str, url: &str) -> Vec<usize> {
    let ends_url = |c: char| c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\'' | ']' | '`');
    text.match_indices(url)
        .filter(|&(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + url.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric()) && after.is_none_or(ends_url)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use playbook_content::diag::line_col;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    fn found(src: &SourceFile) -> Vec<(String, (usize, usize))> {
        find_links(&vec![src.clone()].into())
            .into_iter()
            .map(|l| (l.url, line_col(&src.text, l.offset)))
            .collect()
    }

    #[test]
    fn markdown_bodies_give_inline_reference_and_autolinks_with_their_places() {
        let src = file(
            "content/research/a.md",
            "---\ntitle: A\nsource: https://example.com/study\n---\n\
             See [the law](https://a.example/law \"t\") and <http://b.example/x>.\n\
             ![chart](https://c.example/c.png) [ref][r] [local](../markets/de.yaml)\n\
             `https://not.a.link/` and [[step:x]]\n\n[r]: https://d.example/\n",
        );
        assert_eq!(
            found(&src),
            vec![
                ("https://example.com/study".into(), (3, 9)),
                ("https://a.example/law".into(), (5, 15)),
                ("http://b.example/x".into(), (5, 47)),
                ("https://c.example/c.png".into(), (6, 10)),
                ("https://d.example/".into(), (6, 35)),
            ]
        );
    }

    #[test]
    fn yaml_url_fields_and_markdown_fields_are_placed_by_their_text() {
        let src = file(
            "content/regulations/gdpr.yaml",
            "id: gdpr\nlink: https://eur.example/679\nsummary: >\n  Read [the text](https://eur.example/679/text)\n  and [again](https://eur.example/679/text).\nname: see https://plain.example/ in prose\n",
        );
        assert_eq!(
            found(&src),
            vec![
                ("https://eur.example/679".into(), (2, 7)),
                ("https://eur.example/679/text".into(), (4, 19)),
                ("https://eur.example/679/text".into(), (5, 15)),
            ]
        );
    }

    #[test]
    fn other_files_and_schemes_are_left_alone() {
        let src = file("content/x.txt", "https://a.example/");
        assert!(found(&src).is_empty());
        let src = file(
            "content/m.yaml",
            "summary: \"[mail](mailto:a@b.example) [ftp](ftp://x)\"\n",
        );
        assert!(found(&src).is_empty());
    }
}

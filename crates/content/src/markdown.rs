//! Markdown → HTML with the playbook's additions: `[[kind:id|label]]`
//! cross-references, relative links between content files, stable heading
//! anchors, GFM callouts and highlighted code. Pure: no IO, no global state
//! beyond the lazily loaded syntax set in [`crate::highlight`].
//!
//! Links are written with [`ROOT_MARK`] in front of site-relative URLs; the
//! page writer replaces the mark with the page's relative path to the site
//! root, so one rendering serves pages at any depth and any base URL.

use pulldown_cmark::{
    html, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::collections::HashMap;

/// Placeholder for "the relative path from this page to the site root".
pub const ROOT_MARK: char = '\u{E000}';

/// A `[[kind:id|label]]` found in Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefLink {
    /// The kind word as written.
    pub kind: String,
    /// The id as written.
    pub id: String,
    /// The label after `|`, if any.
    pub label: Option<String>,
    /// Byte offset of `[[` in the Markdown text.
    pub start: usize,
    /// Byte length of the whole reference.
    pub len: usize,
}

/// Answers the questions Markdown rendering has about the rest of the playbook.
pub trait LinkResolver {
    /// URL (site-relative, no leading `/`) and title for `[[kind:id]]`.
    fn resolve_ref(&self, kind: &str, id: &str) -> Option<(String, String)>;
    /// URL for a relative link to a content file, seen from `from_file`.
    fn resolve_path(&self, from_file: &str, dest: &str) -> Option<String>;
}

/// A heading of a rendered document, for the on-page contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`, …
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// Plain text.
    pub text: String,
}

/// Rendered HTML and its headings.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML (with [`ROOT_MARK`] before site-relative URLs).
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
}

/// The few interface words Markdown rendering writes itself, in the
/// edition's language: callouts' titles (`> [!NOTE]`) and the label of
/// each heading's anchor link. Looked up once per render setup, not per
/// heading; [`Words::default`] is English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// `> [!NOTE]`'s title.
    pub note: String,
    /// `> [!TIP]`'s title.
    pub tip: String,
    /// `> [!IMPORTANT]`'s title.
    pub important: String,
    /// `> [!WARNING]`'s title.
    pub warning: String,
    /// `> [!CAUTION]`'s title.
    pub caution: String,
    /// The heading anchor's `aria-label`.
    pub anchor: String,
}

impl Default for Words {
    fn default() -> Self {
        Words {
            note: "Note".into(),
            tip: "Tip".into(),
            important: "Important".into(),
            warning: "Warning".into(),
            caution: "Caution".into(),
            anchor: "Link to this section".into(),
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Find every `[[kind:id]]` / `[[kind:id|label]]` outside code, with byte offsets.
pub fn scan_refs(text: &str) -> Vec<RefLink> {
    if !text.contains("[[") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut in_code = false;
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: &mut Option<(usize, usize)>, out: &mut Vec<RefLink>| {
        if let Some((s, e)) = run.take() {
            // Escapes are judged in the whole text: a run may start right
            // after the backslash.
            for mut r in find_refs(&text[s..e], &|at| escaped(text, s + at)) {
                r.start += s;
                out.push(r);
            }
        }
    };
    for (ev, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut run, &mut out);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(_) if !in_code => {
                run = match run {
                    Some((s, e)) if range.start <= e => Some((s, range.end.max(e))),
                    Some(_) => {
                        flush(&mut run, &mut out);
                        Some((range.start, range.end))
                    }
                    None => Some((range.start, range.end)),
                };
            }
            _ => flush(&mut run, &mut out),
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Find references in Markdown source text (no Markdown parsing): a `[[`
/// written `\[[` (after an odd number of backslashes) is text, not a
/// reference.
pub fn find_refs_in(text: &str) -> Vec<RefLink> {
    find_refs(text, &|at| escaped(text, at))
}

/// Stands for a `[` the author escaped (`\[`) in decoded text, so the
/// reference scan does not see it; rendered as `[`.
const ESCAPED_BRACKET: char = '\u{E001}';

/// Is the character at byte `at` of Markdown source escaped (after an odd
/// number of backslashes)?
fn escaped(source: &str, at: usize) -> bool {
    source.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// [`find_refs_in`]; `escaped_at(i)`: is the `[` at byte `i` escaped?
fn find_refs(text: &str, escaped_at: &dyn Fn(usize) -> bool) -> Vec<RefLink> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("[[") {
        let start = from + i;
        if escaped_at(start) {
            from = start + 1;
            continue;
        }
        let Some(j) = text[start + 2..].find("]]") else {
            break;
        };
        let inner = &text[start + 2..start + 2 + j];
        let len = j + 4;
        from = start + 2;
        if inner.contains('\n') || inner.contains("[[") {
            continue;
        }
        let (target, label) = match inner.split_once('|') {
            Some((t, l)) => (t.trim(), Some(l.trim().to_string())),
            None => (inner.trim(), None),
        };
        let Some((kind, id)) = target.split_once(':') else {
            continue;
        };
        let (kind, id) = (kind.trim(), id.trim());
        if kind.is_empty() || kind.contains(' ') {
            continue;
        }
        out.push(RefLink {
            kind: kind.to_string(),
            id: id.to_string(),
            label,
            start,
            len,
        });
        from = start + len;
    }
    out
}

/// Every link and image destination in Markdown `text` (inline, reference
/// and autolinks), with the byte range of the element that holds it, in
/// document order; for the external link checker.
pub fn link_destinations(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.into_string(), range))
            }
            _ => None,
        })
        .collect()
}

/// Render a Markdown document, its own few words ([`Words`]) in `words`.
pub fn render(text: &str, resolver: &dyn LinkResolver, from_file: &str, words: &Words) -> Rendered {
    let mut r = Renderer {
        resolver,
        from_file,
        words,
        headings: Vec::new(),
        heading_ids: HashMap::new(),
    };
    let events = r.transform(text, Parser::new_ext(text, options()));
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered {
        html: out,
        headings: r.headings,
    }
}

/// Render a short Markdown field; a single paragraph loses its `<p>` wrapper.
pub fn render_inline(
    text: &str,
    resolver: &dyn LinkResolver,
    from_file: &str,
    words: &Words,
) -> String {
    let html = render(text, resolver, from_file, words).html;
    let t = html.trim();
    if let Some(inner) = t.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        if !inner.contains("<p>") {
            return inner.to_string();
        }
    }
    t.to_string()
}

/// A URL-safe slug of a title: lowercase ASCII letters, digits and `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        let c = match c {
            'ä' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            'ü' | 'Ü' => 'u',
            'é' | 'è' | 'ê' | 'É' => 'e',
            'á' | 'à' | 'â' => 'a',
            'í' | 'ì' => 'i',
            'ó' | 'ò' | 'ô' => 'o',
            'ú' | 'ù' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

struct Renderer<'a> {
    resolver: &'a dyn LinkResolver,
    from_file: &'a str,
    words: &'a Words,
    headings: Vec<Heading>,
    heading_ids: HashMap<String, usize>,
}

impl Renderer<'_> {
    fn transform<'e>(&mut self, source: &str, parser: Parser<'e>) -> Vec<Event<'e>> {
        let mut out: Vec<Event<'e>> = Vec::new();
        let mut text_buf = String::new();
        let mut in_link = 0usize;
        let mut rewritten: Vec<bool> = Vec::new();
        let mut code: Option<(String, String)> = None;
        let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event<'e>>)> = None;

        for (ev, range) in parser.into_offset_iter() {
            if let Some((_, ref mut buf)) = code {
                match ev {
                    Event::Text(t) => buf.push_str(&t),
                    Event::End(TagEnd::CodeBlock) => {
                        let (lang, body) = code.take().unwrap_or_default();
                        out.push(Event::Html(CowStr::from(crate::highlight::code_block(
                            &body, &lang,
                        ))));
                    }
                    _ => {}
                }
                continue;
            }
            let is_text = matches!(ev, Event::Text(_) | Event::Html(_) | Event::InlineHtml(_));
            if !is_text && !text_buf.is_empty() {
                let target = heading.as_mut().map(|h| &mut h.2).unwrap_or(&mut out);
                self.flush_text(&mut text_buf, in_link > 0, target);
            }
            match ev {
                // `\[` written before `[[`: a bracket, not a reference; kept
                // out of the reference scan (see `ESCAPED_BRACKET`).
                Event::Text(t) if t.starts_with('[') && escaped(source, range.start) => {
                    text_buf.push(ESCAPED_BRACKET);
                    text_buf.push_str(&t[1..]);
                }
                Event::Text(t) => text_buf.push_str(&t),
                // Raw HTML in content is shown as text, never executed.
                Event::Html(h) | Event::InlineHtml(h) => text_buf.push_str(&h),
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(l) => {
                            l.split([',', ' ']).next().unwrap_or("").to_string()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                Event::Start(Tag::Heading { level, id, .. }) => {
                    heading = Some((level, id.map(|s| s.to_string()), Vec::new()));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((level, explicit, inner)) = heading.take() {
                        out.push(Event::Html(CowStr::from(
                            self.heading_html(level, explicit, inner),
                        )));
                    }
                }
                Event::Start(Tag::BlockQuote(Some(kind))) => {
                    let (class, title) = callout(kind, self.words);
                    out.push(Event::Html(CowStr::from(format!(
                        "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-title\">{title}</p>\n"
                    ))));
                }
                Event::End(TagEnd::BlockQuote(Some(_))) => {
                    out.push(Event::Html(CowStr::from("</div>\n")));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    in_link += 1;
                    // Rewritten links carry ROOT_MARK, which the HTML writer would
                    // percent-encode: write those tags ourselves.
                    let ev = match self.rewrite_dest(&dest_url) {
                        Some(dest) => {
                            rewritten.push(true);
                            let t = if title.is_empty() {
                                String::new()
                            } else {
                                format!(" title=\"{}\"", crate::diag::html_escape(&title))
                            };
                            Event::Html(CowStr::from(format!(
                                "<a href=\"{}\"{t}>",
                                crate::diag::html_escape(&dest)
                            )))
                        }
                        None => {
                            rewritten.push(false);
                            Event::Start(Tag::Link {
                                link_type,
                                dest_url,
                                title,
                                id,
                            })
                        }
                    };
                    push(&mut heading, &mut out, ev);
                }
                Event::End(TagEnd::Link) => {
                    in_link = in_link.saturating_sub(1);
                    let ev = if rewritten.pop().unwrap_or(false) {
                        Event::Html(CowStr::from("</a>"))
                    } else {
                        Event::End(TagEnd::Link)
                    };
                    push(&mut heading, &mut out, ev);
                }
                other => push(&mut heading, &mut out, other),
            }
        }
        if !text_buf.is_empty() {
            self.flush_text(&mut text_buf, in_link > 0, &mut out);
        }
        out
    }

    fn flush_text<'e>(&self, buf: &mut String, in_link: bool, out: &mut Vec<Event<'e>>) {
        let text = std::mem::take(buf);
        // The text is decoded (escapes gone): escaped brackets are marked.
        let refs = find_refs(&text, &|_| false);
        let plain = |t: &str| Event::Text(CowStr::from(t.replace(ESCAPED_BRACKET, "[")));
        if refs.is_empty() {
            out.push(plain(&text));
            return;
        }
        let mut last = 0;
        for r in refs {
            if r.start > last {
                out.push(plain(&text[last..r.start]));
            }
            let resolved = self.resolver.resolve_ref(&r.kind, &r.id);
            let label = match (&r.label, &resolved) {
                (Some(l), _) => l.clone(),
                (None, Some((_, title))) => title.clone(),
                (None, None) => r.id.clone(),
            };
            let label = crate::diag::html_escape(&label);
            let html = match resolved {
                Some((url, _)) if !in_link => format!(
                    "<a class=\"xref xref-{}\" href=\"{ROOT_MARK}{}\">{label}</a>",
                    crate::diag::html_escape(&r.kind),
                    crate::diag::html_escape(&url)
                ),
                Some(_) => label,
                None => format!("<span class=\"xref-broken\">{label}</span>"),
            };
            out.push(Event::Html(CowStr::from(html)));
            last = r.start + r.len;
        }
        if last < text.len() {
            out.push(plain(&text[last..]));
        }
    }

    fn rewrite_dest(&self, dest: &str) -> Option<String> {
        if dest.contains("://")
            || dest.starts_with('#')
            || dest.starts_with('/')
            || dest.starts_with("mailto:")
        {
            return None;
        }
        let (path, frag) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        if !(path.ends_with(".md") || path.ends_with(".yaml")) {
            return None;
        }
        let url = self.resolver.resolve_path(self.from_file, path)?;
        Some(match frag {
            Some(f) => format!("{ROOT_MARK}{url}#{f}"),
            None => format!("{ROOT_MARK}{url}"),
        })
    }

    fn heading_html(
        &mut self,
        level: HeadingLevel,
        explicit: Option<String>,
        inner: Vec<Event<'_>>,
    ) -> String {
        let mut text = String::new();
        for ev in &inner {
            match ev {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::Html(h) | Event::InlineHtml(h) => text.push_str(&strip_tags(h)),
                _ => {}
            }
        }
        let mut inner_html = String::new();
        html::push_html(&mut inner_html, inner.into_iter());
        let base = explicit.unwrap_or_else(|| {
            let s = slugify(&text);
            if s.is_empty() {
                "section".into()
            } else {
                s
            }
        });
        let n = self.heading_ids.entry(base.clone()).or_insert(0);
        let id = if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        *n += 1;
        let lvl = level as u8;
        self.headings.push(Heading {
            level: lvl,
            id: id.clone(),
            text: text.trim().to_string(),
        });
        format!(
            "<h{lvl} id=\"{id}\">{inner_html}<a class=\"anchor\" href=\"#{id}\" aria-label=\"{}\">#</a></h{lvl}>\n",
            self.words.anchor
        )
    }
}

fn push<'e>(
    heading: &mut Option<(HeadingLevel, Option<String>, Vec<Event<'e>>)>,
    out: &mut Vec<Event<'e>>,
    ev: Event<'e>,
) {
    match heading {
        Some((_, _, buf)) => buf.push(ev),
        None => out.push(ev),
    }
}

fn callout(kind: BlockQuoteKind, words: &Words) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &words.note),
        BlockQuoteKind::Tip => ("tip", &words.tip),
        BlockQuoteKind::Important => ("important", &words.important),
        BlockQuoteKind::Warning => ("warning", &words.warning),
        BlockQuoteKind::Caution => ("caution", &words.caution),
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl LinkResolver for Fake {
        fn resolve_ref(&self, kind: &str, id: &str) -> Option<(String, String)> {
            (kind == "step" && id == "regulatory-mapping").then(|| {
                (
                    "frameworks/x/regulatory-mapping/".into(),
                    "Regulatory Mapping".into(),
                )
            })
        }
        fn resolve_path(&self, _from: &str, dest: &str) -> Option<String> {
            (dest == "../markets/de.yaml").then(|| "markets/de/".into())
        }
    }

    fn md(s: &str) -> String {
        render(s, &Fake, "content/story/01-a.md", &Words::default())
            .html
            .replace(ROOT_MARK, "/")
    }

    #[test]
    fn reference_becomes_a_link_with_the_target_title() {
        let h = md("See [[step:regulatory-mapping]].");
        assert!(h.contains(r#"<a class="xref xref-step" href="/frameworks/x/regulatory-mapping/">Regulatory Mapping</a>"#), "{h}");
    }

    #[test]
    fn an_escaped_bracket_is_text_not_a_reference() {
        let text =
            "Write \\[[step:regulatory-mapping]] for a link; [[step:regulatory-mapping]] is one.";
        let h = md(text);
        assert!(
            h.contains("Write [[step:regulatory-mapping]] for a link;"),
            "{h}"
        );
        assert_eq!(h.matches("<a class=\"xref").count(), 1, "{h}");
        let refs = scan_refs(text);
        assert_eq!(refs.len(), 1);
        assert_eq!(&text[refs[0].start..refs[0].start + 2], "[[");
        assert!(refs[0].start > 40, "the second one");
        // An escaped backslash does not escape the bracket.
        assert_eq!(scan_refs("a \\\\[[step:x]]").len(), 1);
        assert!(md("a \\\\[[step:regulatory-mapping]]").contains("a \\<a class"));
        // Escaped, then a reference right after.
        assert_eq!(scan_refs("\\[[[step:x]]")[0].start, 2);
    }

    #[test]
    fn reference_label_overrides_title() {
        let h = md("See [[step:regulatory-mapping|the mapping]].");
        assert!(h.contains(">the mapping</a>"), "{h}");
    }

    #[test]
    fn references_in_code_are_left_alone() {
        let h = md("```\n[[step:regulatory-mapping]]\n```\n\nand `[[step:x]]`");
        assert!(!h.contains("<a class=\"xref"), "{h}");
        assert!(scan_refs("```\n[[step:nope]]\n```\n").is_empty());
    }

    #[test]
    fn scan_reports_byte_offsets() {
        let t = "Intro\n\nUse [[metric:global-uptime|uptime]] now.";
        let r = scan_refs(t);
        assert_eq!(r.len(), 1);
        assert_eq!(
            &t[r[0].start..r[0].start + r[0].len],
            "[[metric:global-uptime|uptime]]"
        );
        assert_eq!(r[0].label.as_deref(), Some("uptime"));
    }

    #[test]
    fn headings_get_stable_unique_anchors() {
        let r = render("## Try it\n\n## Try it\n", &Fake, "f.md", &Words::default());
        assert_eq!(r.headings[0].id, "try-it");
        assert_eq!(r.headings[1].id, "try-it-1");
        assert!(r.html.contains(r##"<a class="anchor" href="#try-it""##));
    }

    #[test]
    fn callouts_tables_footnotes_tasklists_and_strikethrough_render() {
        let h = md("> [!WARNING]\n> Careful\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nX[^1]\n\n[^1]: note\n\n- [x] done\n\n~~old~~");
        assert!(h.contains("callout-warning"), "{h}");
        assert!(h.contains("<table>"), "{h}");
        assert!(h.contains("footnote-definition"), "{h}");
        assert!(h.contains("type=\"checkbox\""), "{h}");
        assert!(h.contains("<del>old</del>"), "{h}");
    }

    #[test]
    fn callout_titles_and_anchor_labels_are_the_words_given() {
        let h = md("> [!TIP]\n> Try\n\n## A");
        assert!(h.contains("<p class=\"callout-title\">Tip</p>"), "{h}");
        assert!(h.contains("aria-label=\"Link to this section\""), "{h}");
        let words = Words {
            tip: "Tipp".into(),
            anchor: "Link zu diesem Abschnitt".into(),
            ..Words::default()
        };
        let h = render("> [!TIP]\n> Try\n\n## A", &Fake, "f.md", &words).html;
        assert!(h.contains("<p class=\"callout-title\">Tipp</p>"), "{h}");
        assert!(h.contains("aria-label=\"Link zu diesem Abschnitt\""), "{h}");
    }

    #[test]
    fn relative_links_to_content_files_point_at_pages() {
        let h = md("[Germany](../markets/de.yaml)");
        assert!(h.contains(r#"href="/markets/de/""#), "{h}");
    }

    #[test]
    fn html_in_labels_is_escaped() {
        let h = md("[[step:regulatory-mapping|<script>x</script>]]");
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }

    #[test]
    fn slugify_makes_url_safe_ids() {
        assert_eq!(
            slugify("Week 1-2: Infrastructure & MLOps"),
            "week-1-2-infrastructure-mlops"
        );
        assert_eq!(slugify("Übersicht"), "ubersicht");
    }
}

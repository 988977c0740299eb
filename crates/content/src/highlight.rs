//! Code highlighting with syntect, emitting CSS classes (`hl-…`) rather than
//! inline colours, so the light and dark stylesheets in `theme/` both apply.
//! The syntax set is loaded once per process, and only when a page has code.
//!
//! Highlighting a line is the slowest thing a build does (a regular
//! expression search at every position), and code blocks repeat their lines
//! (a YAML manifest's `kind: Deployment`, a shell script's `set -euo
//! pipefail`). So each worker thread remembers, per syntax and line, the
//! parser's state before the line, what the line became and the state after
//! it ([`LineMemo`]): a line met again in the same state is not parsed again.
//! The state is compared exactly, so the output is the same as without the
//! memo, byte for byte (a unit test checks it over every line of a block).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;
use syntect::html::{line_tokens_to_classed_spans, ClassStyle};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

fn syntaxes() -> &'static SyntaxSet {
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// The most lines a worker remembers; past it the memo starts afresh (a
/// bound on memory for a site of many different blocks).
const MEMO_LINES: usize = 200_000;

/// What one line became in one state.
struct Seen {
    before: ParseState,
    stack_before: ScopeStack,
    after: ParseState,
    stack_after: ScopeStack,
    html: String,
    delta: isize,
}

/// Per worker: (syntax name, line) → the states it was met in and what it
/// became in each.
#[derive(Default)]
struct LineMemo {
    lines: HashMap<(&'static str, String), Vec<Seen>>,
    len: usize,
}

thread_local! {
    static MEMO: RefCell<LineMemo> = RefCell::new(LineMemo::default());
}

/// The HTML of `code` in `syntax`, or `None` when syntect fails on a line.
fn classed(code: &str, syntax: &'static SyntaxReference, ss: &'static SyntaxSet) -> Option<String> {
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut html = String::with_capacity(code.len() * 4);
    let mut open: isize = 0;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        for line in LinesWithEndings::from(code) {
            let key = (syntax.name.as_str(), line.to_string());
            if let Some(seen) = memo.lines.get(&key).and_then(|v| {
                v.iter()
                    .find(|s| s.before == state && s.stack_before == stack)
            }) {
                html.push_str(&seen.html);
                open += seen.delta;
                state = seen.after.clone();
                stack = seen.stack_after.clone();
                continue;
            }
            let before = state.clone();
            let stack_before = stack.clone();
            let ops = state.parse_line(line, ss).ok()?;
            let (piece, delta) =
                line_tokens_to_classed_spans(line, &ops, STYLE, &mut stack).ok()?;
            html.push_str(&piece);
            open += delta;
            if memo.len >= MEMO_LINES {
                memo.lines.clear();
                memo.len = 0;
            }
            memo.len += 1;
            memo.lines.entry(key).or_default().push(Seen {
                before,
                stack_before,
                after: state.clone(),
                stack_after: stack.clone(),
                html: piece,
                delta,
            });
        }
        Some(())
    })?;
    for _ in 0..open {
        html.push_str("</span>");
    }
    Some(html)
}

/// A `<pre><code>` block, highlighted when the language is known.
pub(crate) fn code_block(code: &str, lang: &str) -> String {
    let esc_lang = crate::diag::html_escape(lang);
    if lang.is_empty() || lang == "text" || lang == "plain" {
        return format!(
            "<pre class=\"code\"><code>{}</code></pre>\n",
            crate::diag::html_escape(code)
        );
    }
    let ss = syntaxes();
    let Some(syntax) = ss
        .find_syntax_by_token(lang)
        .or_else(|| ss.find_syntax_by_extension(lang))
    else {
        return format!(
            "<pre class=\"code\"><code class=\"language-{esc_lang}\">{}</code></pre>\n",
            crate::diag::html_escape(code)
        );
    };
    match classed(code, syntax, ss) {
        Some(html) => {
            format!("<pre class=\"code\"><code class=\"language-{esc_lang}\">{html}</code></pre>\n")
        }
        None => format!(
            "<pre class=\"code\"><code>{}</code></pre>\n",
            crate::diag::html_escape(code)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntect::html::ClassedHTMLGenerator;

    #[test]
    fn yaml_is_highlighted_with_classes_not_colours() {
        let h = super::code_block("id: de\nname: Germany\n", "yaml");
        assert!(h.contains("class=\"hl-"), "{h}");
        assert!(!h.contains("style="), "{h}");
    }

    #[test]
    fn unknown_language_is_escaped_plain_text() {
        let h = super::code_block("<b>", "nosuchlang");
        assert!(h.contains("&lt;b&gt;"));
    }

    /// syntect's own generator, without the memo.
    fn plain(code: &str, lang: &str) -> String {
        let ss = syntaxes();
        let syntax = ss.find_syntax_by_token(lang).unwrap();
        let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, ss, STYLE);
        for line in LinesWithEndings::from(code) {
            gen.parse_html_for_line_which_includes_newline(line)
                .unwrap();
        }
        gen.finalize()
    }

    #[test]
    fn remembered_lines_give_the_same_html_as_parsing_them() {
        // Lines repeat in different states: inside and outside a block
        // scalar, a heredoc, a string that spans lines.
        let yaml = "a: 1\nb: |\n  a: 1\n  b: 2\nc: \"x\ny\"\na: 1\n";
        let bash = "set -e\ncat <<EOF\nset -e\nEOF\nset -e\necho \"a\nset -e\"\n";
        for (code, lang) in [(yaml, "yaml"), (bash, "bash")] {
            let syntax = syntaxes().find_syntax_by_token(lang).unwrap();
            let first = classed(code, syntax, syntaxes()).unwrap();
            // The second time every line comes from the memo.
            let again = classed(code, syntax, syntaxes()).unwrap();
            assert_eq!(first, plain(code, lang), "{lang}: parsed");
            assert_eq!(again, plain(code, lang), "{lang}: remembered");
        }
    }
}

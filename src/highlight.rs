//! Code highlighting with syntect, emitting CSS classes (`hl-…`) rather than
//! inline colours, so the light and dark stylesheets in `theme/` both apply.
//! The syntax set is loaded once per process, and only when a page has code.

use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

fn syntaxes() -> &'static SyntaxSet {
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
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
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\"><code>{}</code></pre>\n",
                crate::diag::html_escape(code)
            );
        }
    }
    format!(
        "<pre class=\"code\"><code class=\"language-{esc_lang}\">{}</code></pre>\n",
        gen.finalize()
    )
}

#[cfg(test)]
mod tests {
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
}

//! Lighter theme assets: each line's indentation and, in JavaScript, the
//! lines that are only a `//` comment are left out of the built site; in
//! CSS, comments and the spaces around `{`, `}`, `;`, `,` and after `:`
//! (never inside a quoted string, never before a `:`, where a space means
//! a descendant's pseudo-class). The sources in `theme/` stay readable and
//! commented; the site ships about a fifth fewer bytes of CSS and JS (the
//! budget: ≤ 60 KB together on any page).
//!
//! Deliberately this little: line breaks are kept (so automatic semicolon
//! insertion and error line numbers are unchanged), and a JavaScript file
//! holding a backtick (a template literal, whose lines are text) is left
//! exactly as written, as is any file that is not UTF-8 or not CSS or JS.

/// `bytes` of the theme file at `path`, lightened (see the module docs).
pub fn asset(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    let js = path.ends_with(".js");
    if !js && !path.ends_with(".css") {
        return bytes;
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    if js && text.contains('`') {
        return bytes;
    }
    if !js {
        return css(text).into_bytes();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_start();
        if line.is_empty() || (js && line.starts_with("//")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.into_bytes()
}

/// CSS without comments and without the spaces that mean nothing (see the
/// module docs); one rule per line is not kept, line breaks become spaces
/// and go too where they mean nothing.
fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for x in chars.by_ref() {
                    if last == '*' && x == '/' {
                        break;
                    }
                    last = x;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '{' | '}' | ';' | ',' | ':' => {
                // No space before these, but keep one before a `:` that
                // follows a name (a selector's `a :hover` is not `a:hover`).
                if c == ':'
                    && pending_space
                    && out.ends_with(|p: char| {
                        p.is_ascii_alphanumeric() || matches!(p, '-' | ')' | ']' | '*')
                    })
                {
                    out.push(' ');
                }
                out.push(c);
                pending_space = false;
                // Nothing after these needs a space either (`a:hover` keeps
                // none; `color: red` loses it).
                while chars.peek().is_some_and(|n| n.is_whitespace()) {
                    chars.next();
                }
            }
            '"' | '\'' => {
                if pending_space
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ',', ':', '('])
                {
                    out.push(' ');
                }
                pending_space = false;
                quote = Some(c);
                out.push(c);
            }
            c => {
                if pending_space
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ',', ':', '('])
                {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::asset;

    fn lighter(path: &str, text: &str) -> String {
        String::from_utf8(asset(path, text.as_bytes().to_vec())).unwrap()
    }

    #[test]
    fn javascript_loses_indentation_and_comment_lines_but_no_code() {
        let js = "// Header.\n(function () {\n  // why\n  var u = \"http://x\"; // kept: not a whole line\n\n  f(u);\n})();\n";
        assert_eq!(
            lighter("theme/a.js", js),
            "(function () {\nvar u = \"http://x\"; // kept: not a whole line\nf(u);\n})();\n"
        );
    }

    #[test]
    fn css_loses_comments_and_spaces_that_mean_nothing() {
        assert_eq!(
            lighter(
                "theme/a.css",
                "/* note */\na , b {\n  color: red;\n  margin: 0 auto;\n}\n.x :hover { content: \"applies because \" }\n@media (max-width: 40rem) { .y { top: 0 } }\n"
            ),
            "a,b{color:red;margin:0 auto;}.x :hover{content:\"applies because \"}@media (max-width:40rem){.y{top:0}}\n"
        );
    }

    #[test]
    fn template_literals_other_files_and_non_utf8_are_left_alone() {
        let js = "var s = `line one\n  line two`;\n";
        assert_eq!(lighter("theme/t.js", js), js);
        let svg = "<svg>\n  <g/>\n</svg>\n";
        assert_eq!(lighter("theme/logo.svg", svg), svg);
        let bad = vec![b' ', 0xff, b'\n'];
        assert_eq!(asset("theme/x.css", bad.clone()), bad);
    }
}

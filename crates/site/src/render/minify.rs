//! Lighter theme assets: each line's indentation and, in JavaScript, `//`
//! comments and the spaces beside punctuation (outside strings and regular
//! expressions) are left out of the built site; in CSS, comments and the spaces around `{`, `}`, `;`, `,` and after `:`
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
        js_line(line, &mut out);
        out.push('\n');
    }
    out.into_bytes()
}

/// Punctuation a space beside it means nothing to, in JavaScript.
fn js_punct(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '{'
            | '}'
            | '['
            | ']'
            | ';'
            | ','
            | ':'
            | '='
            | '<'
            | '>'
            | '!'
            | '&'
            | '|'
            | '?'
            | '*'
            | '%'
            | '^'
    )
}

/// Whether `out` ends with a keyword after which a `/` starts a regular
/// expression (`return /x/`), not a division.
fn ends_with_keyword(out: &str) -> bool {
    let t = out.trim_end();
    let word: String = t
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    matches!(
        word.as_str(),
        "return"
            | "typeof"
            | "case"
            | "do"
            | "else"
            | "in"
            | "of"
            | "new"
            | "delete"
            | "void"
            | "throw"
    )
}

/// One line of JavaScript without the spaces next to punctuation
/// ([`js_punct`]; never beside `+`, `-` or `/`, where `a + +b`, `a - -b`
/// and a regular expression's spaces matter), outside strings and regular
/// expressions. A `/` that may start a regular expression is taken for one
/// (its spaces are kept until its closing `/` or the line's end): a
/// misjudged division only keeps spaces.
fn js_line(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    // The last character written that is not a space, to judge a `/`.
    let mut prev = '\n';
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' => {
                let q = c;
                out.push(c);
                i += 1;
                while i < chars.len() {
                    let d = chars[i];
                    out.push(d);
                    i += 1;
                    if d == '\\' && i < chars.len() {
                        out.push(chars[i]);
                        i += 1;
                    } else if d == q {
                        break;
                    }
                }
                prev = q;
                continue;
            }
            '/' if i + 1 < chars.len() && chars[i + 1] == '/' => {
                // A comment to the line's end (after code): left out.
                break;
            }
            '/' if !(prev.is_alphanumeric()
                || matches!(prev, ')' | ']' | '_' | '$' | '"' | '\''))
                || ends_with_keyword(out) =>
            {
                // A regular expression: copied as written.
                let mut class = false;
                out.push(c);
                i += 1;
                while i < chars.len() {
                    let d = chars[i];
                    out.push(d);
                    i += 1;
                    match d {
                        '\\' if i < chars.len() => {
                            out.push(chars[i]);
                            i += 1;
                        }
                        '[' => class = true,
                        ']' => class = false,
                        '/' if !class => break,
                        _ => {}
                    }
                }
                prev = '/';
                continue;
            }
            ' ' | '\t' => {
                let next = chars[i + 1..]
                    .iter()
                    .copied()
                    .find(|d| !matches!(d, ' ' | '\t'));
                let drop = js_punct(prev) || next.is_none_or(js_punct);
                if !drop {
                    out.push(' ');
                }
                while i < chars.len() && matches!(chars[i], ' ' | '\t') {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        out.push(c);
        prev = c;
        i += 1;
    }
    // A line that was only spaces after its comment went: nothing to trim.
    while out.ends_with(' ') {
        out.pop();
    }
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
    fn javascript_loses_indentation_and_comments_but_no_code() {
        let js = "// Header.\n(function () {\n  // why\n  var u = \"http://x\"; // kept: not a whole line\n\n  f(u);\n})();\n";
        assert_eq!(
            lighter("theme/a.js", js),
            "(function(){\nvar u=\"http://x\";\nf(u);\n})();\n"
        );
    }

    #[test]
    fn javascript_loses_spaces_beside_punctuation_but_not_in_strings_or_regexes() {
        let js = "var a = { b: [1, 2] }; // note\nif (a && b) { f(\"x = y\", 'p , q'); }\nreturn / +(a)/.test(s) ? x / y : z - -1;\nvar r = / [a ]/g, t = a + +b;\n";
        assert_eq!(
            lighter("theme/x.js", js),
            "var a={b:[1,2]};\nif(a&&b){f(\"x = y\",'p , q');}\nreturn / +(a)/.test(s)?x / y:z - -1;\nvar r=/ [a ]/g,t=a + +b;\n"
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

//! Lighter theme assets: each line's indentation and, in JavaScript, the
//! lines that are only a `//` comment are left out of the built site. The
//! sources in `theme/` stay readable and commented; the site ships about a
//! fifth fewer bytes of CSS and JS (issue #4's budget: ≤ 60 KB together).
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
    fn css_loses_indentation_only() {
        assert_eq!(
            lighter("theme/a.css", "a {\n  color: red;\n}\n/* note */\n"),
            "a {\ncolor: red;\n}\n/* note */\n"
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

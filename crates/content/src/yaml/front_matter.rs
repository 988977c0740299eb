//! Markdown front matter: the YAML between a first line `---` and the next.

use crate::diag::Diagnostic;

/// Find the front matter: returns (yaml start, yaml end, body start) byte offsets.
pub fn split_front_matter(text: &str) -> Result<(usize, usize, usize), Diagnostic> {
    let first_line_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error("missing front matter").help(
            "start the file with a line `---`, then YAML fields (title, …), then a closing `---` line",
        ));
    }
    let start = first_line_end;
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        if text[pos..end].trim_end() == "---" {
            return Ok((start, pos, end));
        }
        pos = end;
    }
    Err(Diagnostic::error("front matter is never closed")
        .help("add a line containing only `---` after the front-matter fields"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_into_yaml_and_body() {
        let t = "---\ntitle: A\n---\nBody\n";
        let (s, e, b) = split_front_matter(t).unwrap();
        assert_eq!(&t[s..e], "title: A\n");
        assert_eq!(&t[b..], "Body\n");
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let d = split_front_matter("---\ntitle: A\nBody\n").unwrap_err();
        assert!(d.message.contains("never closed"));
    }
}

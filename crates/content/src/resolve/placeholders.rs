//! `TODO` placeholders still in the content: what `playbook new` marks for
//! the author to fill in (a comment and a placeholder value that already
//! validates). A file that still has any gets one warning, at its first,
//! saying how many are left, so a half-filled skeleton is not published
//! unnoticed. The marker is a word of its own in capitals (`TODO`, not
//! `todo` nor `MASTODON`), anywhere in the file: comments, values, bodies.
//!
//! The place is where the marker is written, found by scanning the text for
//! it: the marker is text, not a YAML node (most are in comments).

use super::Resolver;
use crate::diag::Diagnostic;

/// The marker `playbook new` writes.
const MARKER: &str = "TODO";

impl Resolver {
    /// A warning for every content file that still has `TODO` in it.
    pub(super) fn check_placeholders(&mut self) {
        for src in &self.pb.sources {
            let mut found = todos(&src.text);
            let Some(first) = found.next() else {
                continue;
            };
            let count = 1 + found.count();
            let what = match count {
                1 => "a `TODO` placeholder".to_string(),
                n => format!("{n} `TODO` placeholders"),
            };
            self.diags.push(
                Diagnostic::warning(format!("{} still has {what}", src.path))
                    .at_offset(&src.path, &src.text, first)
                    .span(MARKER.len())
                    .help("fill in what each TODO asks and remove the TODO marks (`playbook new` wrote them; docs/scaffolding.md)"),
            );
        }
    }
}

/// The byte offsets of the marker as a word of its own in `text`.
fn todos(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    memchr::memmem::find_iter(bytes, MARKER).filter(move |&at| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + MARKER.len()).copied();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::Input;
    use super::todos;

    #[test]
    fn only_the_word_counts() {
        let text = "a: TODO\n# TODO: fill\nb: MASTODON TODOS todo _TODO TODO.\n";
        let at: Vec<usize> = todos(text).collect();
        assert_eq!(at, [3, 10, 50]);
    }

    #[test]
    fn a_file_with_placeholders_gets_one_warning_at_the_first() {
        let pb = Input::new()
            .market("id: m1\nname: M1 # TODO: the name\nregion: TODO\nkickoff: 2027-03-01\n")
            .resolve()
            .expect("placeholders are warnings, not errors");
        let w: Vec<&crate::diag::Diagnostic> = pb
            .warnings
            .iter()
            .filter(|w| w.message.contains("TODO"))
            .collect();
        assert_eq!(w.len(), 1, "{w:#?}");
        assert_eq!(
            w[0].message,
            "content/markets/m1.yaml still has 2 `TODO` placeholders"
        );
        let at = w[0].location.as_ref().expect("a place");
        assert_eq!((at.line, at.column), (2, 12));
    }
}

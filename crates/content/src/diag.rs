//! Diagnostics: every problem the pipeline finds, with the place it was found.
//!
//! A [`Diagnostic`] carries a message, an optional [`Location`] (file, line,
//! column), the offending source line, and a hint saying how to fix it. The
//! pipeline collects them into [`Diagnostics`] and keeps going, so one build
//! reports every problem at once. This module depends on nothing else in the
//! crate; it renders diagnostics as terminal text, JSON and HTML.

use serde::Serialize;
use std::fmt::Write as _;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build cannot produce a correct site.
    Error,
    /// The site builds, but something is probably not what the author meant.
    Warning,
    /// Worth knowing, nothing wrong (e.g. an external link that redirects).
    Note,
}

/// A place in a source file, 1-based, as editors count.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// Path relative to the playbook root, with `/` separators.
    pub file: String,
    /// Line number, starting at 1.
    pub line: usize,
    /// Column in characters, starting at 1.
    pub column: usize,
}

/// One problem, ready to show to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is wrong, when the problem has a place.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The text of the offending line, shown under the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
    /// How many characters the caret under the source line covers.
    #[serde(skip)]
    pub span_len: usize,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Further places involved (e.g. the first definition of a duplicate id).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Location>,
}

impl Diagnostic {
    /// An error without a place yet.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            source_line: None,
            span_len: 1,
            help: None,
            related: Vec::new(),
        }
    }

    /// A warning without a place yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// An internal error: something Playbook itself guarantees did not hold
    /// (a bug, not a mistake in the playbook). Reported instead of writing
    /// a silently emptied page or file.
    pub fn internal(what: impl std::fmt::Display) -> Self {
        Diagnostic::error(format!("internal error: {what}")).help(
            "this is a bug in Playbook, not in your playbook; please report it with the command you ran (the previous site was left as it was)",
        )
    }

    /// A note without a place yet.
    pub fn note(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message)
        }
    }

    /// Attach a place: the file's text is used to show the offending line.
    pub fn at(mut self, file: &str, text: &str, line: usize, column: usize) -> Self {
        let line = line.max(1);
        let column = column.max(1);
        let src = text.lines().nth(line - 1).map(|l| l.trim_end().to_string());
        if let Some(src) = &src {
            let rest: String = src.chars().skip(column - 1).collect();
            let len = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
                .count();
            self.span_len = len.max(1);
        }
        self.location = Some(Location {
            file: file.to_string(),
            line,
            column,
        });
        self.source_line = src;
        self
    }

    /// Attach a place given as a byte offset into the file's text.
    pub fn at_offset(self, file: &str, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.at(file, text, line, column)
    }

    /// Attach a place with no text to show (e.g. a file that is not UTF-8).
    pub fn in_file(mut self, file: &str, line: usize, column: usize) -> Self {
        self.location = Some(Location {
            file: file.to_string(),
            line,
            column,
        });
        self
    }

    /// Set how many characters the caret covers.
    pub fn span(mut self, len: usize) -> Self {
        self.span_len = len.max(1);
        self
    }

    /// Add the hint that says how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Add a related place.
    pub fn related(mut self, loc: Location) -> Self {
        self.related.push(loc);
        self
    }

    /// True for errors (which fail the build).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Render as terminal text, in the style of rustc and just.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let _ = writeln!(out, "{sev}: {}", self.message);
        if let Some(loc) = &self.location {
            let gutter = loc.line.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(out, "{pad}--> {}:{}:{}", loc.file, loc.line, loc.column);
            if let Some(src) = &self.source_line {
                let shown: String = src.replace('\t', " ");
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{} | {}", loc.line, shown);
                let caret_pad = " ".repeat(loc.column.saturating_sub(1));
                let _ = writeln!(out, "{pad} | {caret_pad}{}", "^".repeat(self.span_len));
            }
            for rel in &self.related {
                let _ = writeln!(
                    out,
                    "{pad} = note: also at {}:{}:{}",
                    rel.file, rel.line, rel.column
                );
            }
            if let Some(help) = &self.help {
                let _ = writeln!(out, "{pad} = help: {help}");
            }
        } else {
            for rel in &self.related {
                let _ = writeln!(
                    out,
                    "  = note: also at {}:{}:{}",
                    rel.file, rel.line, rel.column
                );
            }
            if let Some(help) = &self.help {
                let _ = writeln!(out, "  = help: {help}");
            }
        }
        out
    }
}

/// Every problem found by one run of the pipeline, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Record a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Record many problems.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        let warning = |d: &&Diagnostic| d.severity == Severity::Warning;
        self.0.iter().filter(warning).count()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sort by file and line so the report reads top to bottom; errors first within a place.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.location, a.severity, &a.message).cmp(&(&b.location, b.severity, &b.message))
        });
        self.0.dedup();
    }

    /// Render all problems as terminal text with a closing count.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render_text());
            out.push('\n');
        }
        let (e, w) = (self.error_count(), self.warning_count());
        if e > 0 || w > 0 {
            let _ = writeln!(
                out,
                "{} error{}, {} warning{}",
                e,
                if e == 1 { "" } else { "s" },
                w,
                if w == 1 { "" } else { "s" }
            );
        }
        out
    }

    /// Render as a JSON document (used by `playbook check --format json` and the dev server).
    pub fn render_json(&self) -> String {
        let doc = serde_json::json!({
            "errors": self.error_count(),
            "warnings": self.warning_count(),
            "diagnostics": self.0,
        });
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Convert a byte offset into a 1-based (line, column-in-characters) pair.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The existing name closest to `wanted`, if one is close enough to be a likely typo.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(wanted, c);
        let (lw, lc) = (wanted.chars().count(), c.chars().count());
        let limit = (lw.max(lc) / 3).max(1);
        // A typo keeps most of the word: never suggest by replacing it wholesale.
        let typo = d <= limit && d < lw.min(lc);
        let part = lw >= 4 && lc >= 4 && (c.contains(wanted) || wanted.contains(c));
        let close = typo || part;
        if close && best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance over characters, counting a swap of two neighbours as one
/// edit (optimal string alignment), since that is the commonest typo.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Escape text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_html_escaped(&mut out, s);
    out
}

/// Escape `s` for HTML, appending to `out` (no allocation of its own).
pub fn push_html_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_and_in_characters() {
        let text = "a: 1\nbé: x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 5), (2, 1));
        assert_eq!(line_col(text, 9), (2, 4));
    }

    #[test]
    fn rendered_error_shows_file_line_caret_and_help() {
        let text = "id: de\ntitel: Germany\n";
        let d = Diagnostic::error("unknown field `titel`")
            .at("content/markets/de.yaml", text, 2, 1)
            .help("did you mean `title`?");
        let out = d.render_text();
        assert!(out.contains("--> content/markets/de.yaml:2:1"), "{out}");
        assert!(out.contains("2 | titel: Germany"), "{out}");
        assert!(out.contains("  | ^^^^^\n"), "{out}");
        assert!(out.contains("help: did you mean `title`?"), "{out}");
    }

    #[test]
    fn suggest_finds_a_near_typo_and_ignores_strangers() {
        let ids = ["global-uptime", "compliance-rate", "audit-success"];
        assert_eq!(suggest("global-uptme", ids), Some("global-uptime"));
        assert_eq!(suggest("zzzz", ids), None);
        assert_eq!(suggest("xx", ["de", "fr", "ie"]), None);
        assert_eq!(suggest("dee", ["de", "fr", "ie"]), Some("de"));
        assert_eq!(suggest("a", ["id", "name"]), None);
    }
}

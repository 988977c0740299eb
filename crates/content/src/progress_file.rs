//! Recording a task as done in a progress file's text
//! (`content/progress/<market>.yaml`), keeping everything else of the file
//! as the team wrote it: comments, order, blank lines. Only the entry of
//! the task is added (at the end of the `done:` block), replaced or
//! removed. Pure
//! text in, text out: `cmd::progress` reads and writes the file through
//! `output`.

use crate::model::Done;

/// The text of a new progress file for `market` (`de`, or `company`) holding
/// one entry; `market_name` names the program in its header ("the Germany
/// launch", "the company program").
pub fn new_file(market: &str, market_name: &str, task: &str, done: &Done) -> String {
    let mut s = format!(
        "# Progress of {market_name}: the checklist's tasks that are done.\n\
         # `playbook progress {market} <task-id> --by NAME --on YYYY-MM-DD` adds one;\n\
         # the site's checklist shows them to everyone.\n\
         done:\n"
    );
    s.push_str(&entry(task, done));
    s
}

/// `text` with `task` recorded as `done`: its entry replaced where it is,
/// or added at the end of the `done:` block (made when the file has none).
pub fn record(text: &str, task: &str, done: &Done) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let new_entry = entry(task, done);
    let Some((head, last)) = done_block(&lines) else {
        let mut s = text.to_string();
        if !s.is_empty() && !s.ends_with('\n') {
            s.push('\n');
        }
        s.push_str("done:\n");
        s.push_str(&new_entry);
        return s;
    };
    let mut out = String::with_capacity(text.len() + new_entry.len());
    // `done: {}` (or any flow value) becomes a block.
    if lines[head].trim_end() != "done:" {
        for l in &lines[..head] {
            out.push_str(l);
        }
        out.push_str("done:\n");
    } else {
        for l in &lines[..=head] {
            out.push_str(l);
        }
    }
    let block = &lines[head + 1..last];
    match entry_range(block, task) {
        Some((at, stop)) => {
            block[..at].iter().for_each(|l| out.push_str(l));
            out.push_str(&new_entry);
            block[stop..].iter().for_each(|l| out.push_str(l));
        }
        None => {
            block.iter().for_each(|l| out.push_str(l));
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&new_entry);
        }
    }
    for l in &lines[last..] {
        out.push_str(l);
    }
    out
}

/// `text` without `task`'s entry (its key line and its indented lines);
/// everything else, comments included, as it was. A `done:` block left
/// without entries becomes `done: {}`. `None` when the text has no entry
/// for the task in a `done:` block.
pub fn remove(text: &str, task: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (head, last) = done_block(&lines)?;
    let block = &lines[head + 1..last];
    let (at, stop) = entry_range(block, task)?;
    let rest = block[..at].iter().chain(&block[stop..]);
    let empty = !rest.clone().any(|l| entry_key(l).is_some());
    let mut out = String::with_capacity(text.len());
    lines[..head].iter().for_each(|l| out.push_str(l));
    if empty {
        out.push_str("done: {}\n");
    } else {
        out.push_str(lines[head]);
    }
    rest.for_each(|l| out.push_str(l));
    lines[last..].iter().for_each(|l| out.push_str(l));
    Some(out)
}

/// The `done:` line and the end of its block (the lines after it that are
/// indented, blank or comments; trailing blank lines and unindented
/// comments belong after the block).
fn done_block(lines: &[&str]) -> Option<(usize, usize)> {
    let head = lines.iter().position(|l| is_done_key(l))?;
    let mut end = head + 1;
    while end < lines.len() {
        let l = lines[end];
        let t = l.trim_start();
        if !(l.starts_with(' ') || t.is_empty() || t.starts_with('#')) {
            break;
        }
        end += 1;
    }
    let mut last = end;
    while last > head + 1 {
        let t = lines[last - 1].trim();
        if t.is_empty() || (t.starts_with('#') && !lines[last - 1].starts_with("  ")) {
            last -= 1;
        } else {
            break;
        }
    }
    Some((head, last))
}

/// An entry's key in a `done:` block: a line `  <task>:`.
fn entry_key(l: &str) -> Option<&str> {
    let t = l.trim_end();
    let t = t.strip_prefix("  ")?;
    if t.starts_with(' ') || t.starts_with('#') {
        return None;
    }
    let k = t.strip_suffix(':')?;
    Some(k.trim_matches(|c| c == '"' || c == '\''))
}

/// Where the task's entry is in a block: its key line and the indented
/// lines after it.
fn entry_range(block: &[&str], task: &str) -> Option<(usize, usize)> {
    let at = block.iter().position(|l| entry_key(l) == Some(task))?;
    let mut stop = at + 1;
    while stop < block.len() && block[stop].starts_with("    ") {
        stop += 1;
    }
    Some((at, stop))
}

fn is_done_key(line: &str) -> bool {
    line.strip_prefix("done:")
        .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with(['{', '#']))
}

/// One entry: `  <task>:` and its fields, quoted where YAML needs it.
fn entry(task: &str, done: &Done) -> String {
    let mut s = format!("  {task}:\n    on: {}\n", done.on);
    if let Some(by) = &done.by {
        s.push_str(&format!("    by: {}\n", scalar(by)));
    }
    if let Some(note) = &done.note {
        s.push_str(&format!("    note: {}\n", scalar(note)));
    }
    s
}

/// A YAML scalar for a free text: plain when that reads back the same,
/// else double-quoted with JSON escapes (valid YAML).
fn scalar(v: &str) -> String {
    let plain = !v.is_empty()
        && v.trim() == v
        && !v.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !v.contains(": ")
        && !v.contains(" #")
        && !v.contains(['\n', '\t'])
        && !matches!(
            v.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off"
        )
        && v.parse::<f64>().is_err();
    if plain {
        v.to_string()
    } else {
        serde_json::to_string(v).unwrap_or_else(|_| format!("{v:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(on: &str, by: Option<&str>) -> Done {
        Done {
            on: on.parse().expect("a date"),
            by: by.map(str::to_string),
            note: None,
        }
    }

    #[test]
    fn a_new_file_has_a_header_and_the_entry() {
        let s = new_file(
            "de",
            "the Germany launch",
            "kyc/verify",
            &done("2027-03-04", Some("Anna")),
        );
        assert!(s.starts_with("# Progress of the Germany launch"));
        assert!(s.ends_with("done:\n  kyc/verify:\n    on: 2027-03-04\n    by: Anna\n"));
    }

    #[test]
    fn an_entry_goes_at_the_end_of_the_block_and_comments_stay() {
        let text = "# Our launch\ndone:\n  # the first one\n  a/one:\n    on: 2027-01-02 # early\n\n# trailing note\n";
        let s = record(text, "b/two", &done("2027-02-03", None));
        assert_eq!(
            s,
            "# Our launch\ndone:\n  # the first one\n  a/one:\n    on: 2027-01-02 # early\n  b/two:\n    on: 2027-02-03\n\n# trailing note\n"
        );
    }

    #[test]
    fn recording_a_task_again_replaces_its_entry_only() {
        let text =
            "done:\n  a/one:\n    on: 2027-01-02\n    by: Ben\n  b/two:\n    on: 2027-02-03\n";
        let s = record(text, "a/one", &done("2027-01-05", Some("Anna")));
        assert_eq!(
            s,
            "done:\n  a/one:\n    on: 2027-01-05\n    by: Anna\n  b/two:\n    on: 2027-02-03\n"
        );
    }

    #[test]
    fn removing_an_entry_keeps_the_rest_and_an_empty_block_stays_valid() {
        let text = "# c\ndone:\n  # first\n  a/one:\n    on: 2027-01-02\n    note: x\n  b/two:\n    on: 2027-02-03\n\n# end\n";
        assert_eq!(
            remove(text, "a/one").as_deref(),
            Some("# c\ndone:\n  # first\n  b/two:\n    on: 2027-02-03\n\n# end\n")
        );
        assert_eq!(
            remove("done:\n  a/one:\n    on: 2027-01-02\n", "a/one").as_deref(),
            Some("done: {}\n")
        );
        assert_eq!(remove(text, "c/three"), None);
        assert_eq!(remove("done: {}\n", "a/one"), None);
        let src = crate::yaml::YamlSource {
            file: "de.yaml",
            full_text: "done: {}\n",
            start: 0,
        };
        let p: crate::model::raw::RawProgress =
            crate::yaml::parse("done: {}\n", src).expect("valid YAML");
        assert!(p.done.is_empty());
    }

    #[test]
    fn an_empty_flow_map_or_no_done_key_gets_a_block() {
        assert_eq!(
            record("done: {}\n", "a/one", &done("2027-01-02", None)),
            "done:\n  a/one:\n    on: 2027-01-02\n"
        );
        assert_eq!(
            record("# nothing yet", "a/one", &done("2027-01-02", None)),
            "# nothing yet\ndone:\n  a/one:\n    on: 2027-01-02\n"
        );
    }

    #[test]
    fn names_and_notes_that_yaml_would_misread_are_quoted() {
        assert_eq!(scalar("Katrin Vogel"), "Katrin Vogel");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("#1 fan"), "\"#1 fan\"");
        assert_eq!(scalar("see: the ticket"), "\"see: the ticket\"");
        assert_eq!(scalar("2027"), "\"2027\"");
    }

    #[test]
    fn the_result_parses_back_with_every_entry() {
        let text = "# c\ndone:\n  a/one:\n    on: 2027-01-02\n";
        let s = record(text, "b/two", &done("2027-02-03", Some("O'Brien: ops")));
        let src = crate::yaml::YamlSource {
            file: "de.yaml",
            full_text: &s,
            start: 0,
        };
        let p: crate::model::raw::RawProgress = crate::yaml::parse(&s, src).expect("valid YAML");
        assert_eq!(p.done.len(), 2);
        assert_eq!(p.done["b/two"].by.as_deref(), Some("O'Brien: ops"));
    }
}

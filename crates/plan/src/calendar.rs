//! A market's launch checklist as an iCalendar file (RFC 5545), for
//! `playbook checklist --format ics` and the `.ics` download beside a
//! market's checklist page.
//!
//! One all-day event per step: the step's rows of the [`Checklist`] (each
//! scheduled on its own) make one `VEVENT` from the first start to the last
//! due date, whose description lists the tasks with their dates and owners.
//! Events follow the steps' first start. In order:
//!
//! 1. the calendar head (`VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`,
//!    `METHOD:PUBLISH`, a display name);
//! 2. per step: `UID` from the market and step ids ([`uid`]: importing the
//!    file again updates the events instead of adding copies); `DTSTAMP`
//!    and `SEQUENCE` from the git history of the files the event is made
//!    from (the newest commit that changed them, and how many commits did:
//!    a calendar that subscribes sees a changed event as a newer revision,
//!    and two builds of one commit are byte-identical; outside git, the
//!    kickoff at 00:00:00 UTC and 0); a `URL` back to the checklist when
//!    the site's base URL is absolute;
//!    `DTSTART;VALUE=DATE` (the window's first day) and `DTEND;VALUE=DATE`
//!    (exclusive: the day after the due date; the day after the start for
//!    ongoing work, which has no due date), `TRANSP:TRANSPARENT` (a
//!    two-week window does not make anyone busy), `SUMMARY` and
//!    `DESCRIPTION`.
//!
//! Text values are escaped ([`push_text`]: `\`, `;`, `,`, newlines) and
//! every content line is folded at 75 octets ([`push_line`]) without
//! splitting a UTF-8 character or an escape; lines end with CRLF. Pure: no
//! IO.
//!
//! [`Checklist`]: crate::checklist::Checklist

use crate::checklist::{Checklist, Program, Row};
use jiff::civil::Date;
use playbook_content::model::{Idx, Playbook, Step};
use playbook_content::page_kinds::{self, Page, PageKind};
use std::fmt::Write as _;

/// The `PRODID` of every calendar Playbook writes. No version number in
/// it, so upgrading Playbook does not change the bytes of a calendar.
const PRODID: &str = "-//Playbook//Launch checklist//EN";

/// The longest content line RFC 5545 allows, in octets, without its CRLF.
const LINE_OCTETS: usize = 75;

/// The stable `UID` of a market's event for one step. Ids are lower-case
/// letters, digits and `-` (`resolve` checks that), so the `.` between them
/// keeps `de` + `x-y` apart from `de-x` + `y`; the same market and step give
/// the same UID in every build, which is how a calendar app knows an
/// imported event is one it already has.
pub fn uid(market: &str, step: &str) -> String {
    format!("{market}.{step}@playbook")
}

/// A checklist (a market's, or the company program's) as an iCalendar file
/// (CRLF line ends).
pub fn to_ics(pb: &Playbook, list: &Checklist<'_>) -> String {
    let prog = list.prog;
    // The rows of each step, steps in the order of their first start.
    let mut steps: Vec<(Idx<Step>, Vec<&Row<'_>>)> = Vec::new();
    let mut at: std::collections::HashMap<Idx<Step>, usize> = Default::default();
    for r in &list.rows {
        match at.get(&r.step_idx) {
            Some(&i) => steps[i].1.push(r),
            None => {
                at.insert(r.step_idx, steps.len());
                steps.push((r.step_idx, vec![r]));
            }
        }
    }
    for (_, rs) in &mut steps {
        rs.sort_by_key(|r| (r.start, r.due.unwrap_or(Date::MAX)));
    }
    steps.sort_by_key(|(s, rs)| (rs[0].start, *s));
    let rows = &list.rows;
    let market = prog.head(pb);
    // "Germany launch"; the company program goes by its own name
    // ("Company program", `[company] name`), not "… program".
    let what = match prog {
        Program::Market(_) => pb
            .words()
            .get("cal-launch", &[("market", market.name.to_string().into())]),
        Program::Company => market.name.to_string(),
    };
    let mut out = String::with_capacity(rows.len() * 160 + 512);
    let mut line = String::with_capacity(256);
    for head in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, head);
    }
    line.push_str("X-WR-CALNAME:");
    push_text(
        &mut line,
        &pb.words()
            .get("cal-checklist", &[("what", what.clone().into())]),
    );
    push_line(&mut out, &line);
    let kickoff_stamp = format!("{}T000000Z", ics_date(market.kickoff));
    let program_file = match prog {
        Program::Market(m) => pb.sources[pb.markets[m].file].path.as_str(),
        Program::Company => "book.toml",
    };
    let url = checklist_url(pb, prog);
    for (_, tasks) in &steps {
        let r0 = tasks[0];
        let last = if tasks.iter().any(|r| r.due.is_none()) {
            None
        } else {
            tasks.iter().filter_map(|r| r.due).max()
        };
        push_line(&mut out, "BEGIN:VEVENT");
        line.clear();
        line.push_str("UID:");
        push_text(&mut line, &uid(market.id, r0.step_id));
        push_line(&mut out, &line);
        let files = tasks
            .iter()
            .map(|r| pb.sources[pb.tasks[r.task_idx].file].path.as_str())
            .chain(std::iter::once(program_file));
        let (stamp, sequence) = match pb.provenance.revision_of(files) {
            Some(r) => (r.last.strftime("%Y%m%dT%H%M%SZ").to_string(), r.commits),
            None => (kickoff_stamp.clone(), 0),
        };
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("SEQUENCE:{sequence}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", ics_date(r0.start)),
        );
        push_line(
            &mut out,
            &format!(
                "DTEND;VALUE=DATE:{}",
                ics_date(end_exclusive(r0.start, last))
            ),
        );
        push_line(&mut out, "TRANSP:TRANSPARENT");
        if let Some(u) = &url {
            push_line(&mut out, &format!("URL:{u}"));
        }
        line.clear();
        line.push_str("SUMMARY:");
        push_text(&mut line, &format!("{what}: {}", r0.step));
        push_line(&mut out, &line);
        line.clear();
        line.push_str("DESCRIPTION:");
        push_text(&mut line, &description(pb.words(), tasks, last));
        push_line(&mut out, &line);
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The checklist page's absolute address, when the site's base URL has a
/// host (a calendar cannot follow a relative link).
fn checklist_url(pb: &Playbook, prog: Program) -> Option<String> {
    let base = pb.config.build.base_url.as_str();
    if !(base.starts_with("https://") || base.starts_with("http://")) {
        return None;
    }
    let base = base.trim_end_matches('/');
    let page = match prog {
        Program::Market(m) => Page {
            kind: PageKind::MarketChecklist,
            idx: m.index(),
        },
        Program::Company => Page {
            kind: PageKind::CompanyChecklist,
            idx: 0,
        },
    };
    Some(format!("{base}/{}", page_kinds::url(pb, page)))
}

/// The first day after a step's last due date (`DTEND` of an all-day event
/// is exclusive); ongoing work is shown on its first day.
fn end_exclusive(start: Date, last: Option<Date>) -> Date {
    let last = last.unwrap_or(start);
    last.tomorrow().unwrap_or(last)
}

/// `YYYYMMDD`, the form of an iCalendar DATE.
fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// What an event's description says: where the step sits, when it is due,
/// and each task with its owner (and why it applies, when a rule chose it).
fn description(
    words: &playbook_content::language::strings::UiStrings,
    tasks: &[&Row<'_>],
    last: Option<Date>,
) -> String {
    let r0 = tasks[0];
    let mut s = String::with_capacity(tasks.len() * 100 + 200);
    s.push_str(r0.framework);
    if let Some(c) = r0.component {
        s.push_str(" › ");
        s.push_str(c);
    }
    let _ = writeln!(s, " › {} ({})", r0.phase, r0.phase_window);
    match last {
        Some(due) => {
            let _ = write!(s, "{} – {due}", r0.start);
        }
        None => {
            s.push_str(&words.get("ck-ongoing-from", &[("start", r0.start.to_string().into())]));
        }
    }
    let _ = write!(
        s,
        "\n\n{}:",
        words.get("ck-task-count", &[("count", tasks.len().into())])
    );
    let due = words.pattern("ck-due", &["date"]);
    let critical = words.get("ck-critical-path", &[]);
    let no_owner = words.get("ck-no-owner", &[]);
    let applies = words.get("ck-applies-because", &[]);
    let also = words.get("ck-also", &[]);
    for r in tasks {
        s.push_str("\n- ");
        s.push_str(r.task);
        match r.due {
            Some(d) if d == r.start => {
                let _ = write!(s, " ({})", due.fill(&[&d.to_string()]));
            }
            Some(d) => {
                let _ = write!(s, " ({} – {d})", r.start);
            }
            None => {}
        }
        if r.critical {
            let _ = write!(s, " [{critical}]");
        }
        s.push_str(" — ");
        match (r.owner_title, r.owner_person) {
            (Some(t), Some(p)) => {
                let _ = write!(s, "{p} ({t})");
            }
            (Some(t), None) => s.push_str(t),
            (None, _) => s.push_str(r.owner_role.unwrap_or(&no_owner)),
        }
        if !r.reasons.is_empty() {
            let _ = write!(s, " · {applies} ");
            s.push_str(&r.reasons.join(", "));
        }
        if !r.also.is_empty() {
            let _ = write!(s, " · {also} ");
            s.push_str(&crate::checklist::also_text(r, ", "));
        }
    }
    s
}

/// Append `s` as an iCalendar TEXT value: `\`, `;` and `,` escaped with a
/// backslash, line breaks (LF, CRLF or CR) as `\n`, other control
/// characters (which TEXT may not hold) dropped; tabs kept.
fn push_text(out: &mut String, s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Append one content line, folded so that no physical line is longer than
/// 75 octets (a continuation line starts with a space, which counts), each
/// ended by CRLF. A fold never falls inside a UTF-8 character or between
/// the two characters of an escape (`\n`, `\,` …), so even a reader that
/// unescapes before unfolding gets the text back.
fn push_line(out: &mut String, line: &str) {
    let bytes = line.as_bytes();
    let mut width = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The unit that must stay on one line: a character, or a backslash
        // with the character it escapes (escapes are always ASCII).
        let len = if bytes[i] == b'\\' && i + 1 < bytes.len() {
            2
        } else {
            utf8_len(bytes[i])
        };
        if width + len > LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push_str(&line[i..i + len]);
        width += len;
        i += len;
    }
    out.push_str("\r\n");
}

/// The length in bytes of the UTF-8 character that starts with `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_line(&mut out, line);
        out
    }

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "").trim_end_matches("\r\n").to_string()
    }

    fn text(s: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, s);
        out
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_space_in_front() {
        let line = format!("DESCRIPTION:{}", "a".repeat(200));
        let out = folded(&line);
        let physical: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(physical[0].len(), 75);
        assert!(physical[1..].iter().all(|l| l.starts_with(' ')));
        assert!(physical.iter().all(|l| l.len() <= 75), "{physical:?}");
        assert_eq!(physical[1].len(), 75, "the space counts");
        assert_eq!(unfold(&out), line);
    }

    #[test]
    fn folding_never_splits_a_utf8_character() {
        // 'ü' is 2 octets, '—' 3, '🚀' 4: at every offset one of them
        // straddles the 75th octet.
        for pad in 0..4 {
            for ch in ["ü", "—", "🚀"] {
                let line = format!("SUMMARY:{}{}", "x".repeat(pad), ch.repeat(60));
                let out = folded(&line);
                for l in out.split_terminator("\r\n") {
                    assert!(l.len() <= 75, "{} octets: {l}", l.len());
                    // Every piece is whole UTF-8 on its own (it is a &str
                    // slice boundary) and none starts with a continuation byte.
                    assert!(!matches!(
                        l.trim_start_matches(' ').as_bytes().first(),
                        Some(0x80..=0xBF)
                    ));
                }
                assert_eq!(unfold(&out), line);
            }
        }
    }

    #[test]
    fn folding_keeps_an_escape_on_one_line() {
        for pad in 0..3 {
            let line = format!("DESCRIPTION:{}{}", "x".repeat(pad), "\\n\\,".repeat(40));
            let out = folded(&line);
            for l in out.split_terminator("\r\n") {
                let body = l.strip_prefix(' ').unwrap_or(l);
                let trailing = body.len() - body.trim_end_matches('\\').len();
                assert_eq!(trailing % 2, 0, "a line ends inside an escape: {l:?}");
                assert!(!body.starts_with(['n', ',']), "{l:?}");
            }
            assert_eq!(unfold(&out), line);
        }
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_newlines() {
        assert_eq!(text(r"a\b"), r"a\\b");
        assert_eq!(text("a;b,c"), r"a\;b\,c");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(text("tab\there\u{7}"), "tab\there");
        assert_eq!(text("Größe: 5 €"), "Größe: 5 €");
    }

    #[test]
    fn uids_come_from_market_and_step_and_cannot_collide() {
        assert_eq!(
            uid("de", "regulatory-mapping"),
            "de.regulatory-mapping@playbook"
        );
        assert_ne!(uid("de", "x-y"), uid("de-x", "y"));
        assert_eq!(uid("jp", "pilot"), uid("jp", "pilot"));
    }

    #[test]
    fn dates_are_basic_format_and_dtend_is_the_day_after_the_due_date() {
        assert_eq!(ics_date(date(2027, 3, 1)), "20270301");
        let row = |start, due| Row {
            task_id: "s/t",
            framework: "F",
            component: None,
            phase: "P",
            phase_window: "Weeks 1–2",
            step: "S",
            step_id: "s",
            activity: "A",
            task: "T",
            owner_role: None,
            owner_title: None,
            owner_person: None,
            start,
            due,
            duration: None,
            critical: false,
            waits_for: Vec::new(),
            note: None,
            reasons: Vec::new(),
            market_specific: false,
            also: Vec::new(),
            done: None,
            phase_idx: Idx::new(0),
            step_idx: Idx::new(0),
            task_idx: Idx::new(0),
        };
        let end = |r: &Row<'_>| end_exclusive(r.start, r.due);
        let r = row(date(2027, 3, 1), Some(date(2027, 3, 14)));
        assert_eq!(end(&r), date(2027, 3, 15));
        // Across a month, a year end and a leap day.
        let r = row(date(2027, 12, 20), Some(date(2027, 12, 31)));
        assert_eq!(end(&r), date(2028, 1, 1));
        let r = row(date(2028, 2, 20), Some(date(2028, 2, 28)));
        assert_eq!(end(&r), date(2028, 2, 29));
        // Ongoing work: one day, its first.
        let r = row(date(2027, 6, 1), None);
        assert_eq!(end(&r), date(2027, 6, 2));
        let d = description(playbook_content::language::strings::english(), &[&r], None);
        assert!(d.contains("Ongoing from 2027-06-01"), "{d}");
        assert!(d.contains("- T — no owner"), "{d}");
    }
}

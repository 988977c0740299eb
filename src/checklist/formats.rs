//! A checklist as Markdown, CSV and JSON (the HTML page and the standalone
//! export are templates; the calendar is `crate::calendar`).

use super::*;
use crate::model::work_duration::DurationWords;

fn owner_text(out: &mut String, r: &Row<'_>) {
    match (r.owner_title, r.owner_person) {
        (Some(t), Some(p)) => {
            out.push_str(p);
            out.push_str(" (");
            out.push_str(t);
            out.push(')');
        }
        (Some(t), None) => out.push_str(t),
        (None, _) => out.push_str(r.owner_role.unwrap_or("")),
    }
}

/// The checklist's opening facts: kickoff, rows, the schedule's end and
/// critical path, the order (in the playbook's language).
fn lead_line(pb: &Playbook, list: &Checklist<'_>) -> String {
    let w = pb.words();
    let head = list.prog.head(pb);
    let n = list.rows.len();
    let mut s = format!(
        "{} · {}",
        w.get(
            "ck-kickoff",
            &[("kickoff", head.kickoff.to_string().into())]
        ),
        w.get("ck-task-count", &[("count", n.into())])
    );
    if let (Some(end), Some(days)) = (list.end, list.span_days(head.kickoff)) {
        s.push_str(" · ");
        s.push_str(&w.get(
            "ck-last-due",
            &[
                ("end", end.to_string().into()),
                ("days", days.into()),
                ("count", list.critical_path.len().into()),
            ],
        ));
    }
    s.push_str(" · ");
    s.push_str(&w.get(
        match list.order {
            Order::Date => "ck-in-date-order",
            Order::Plan => "ck-in-plan-order",
        },
        &[],
    ));
    s
}

/// "June 2025" (in the playbook's language): the heading a row goes under
/// in date order.
pub fn month_heading(pb: &Playbook, due: Option<Date>) -> String {
    match due {
        Some(d) => crate::i18n::dates::month_year(pb.words().lang(), d),
        None => pb.words().get("ck-ongoing", &[]),
    }
}

/// The words a Markdown checklist writes on every row, formatted once.
struct RowWords {
    due: crate::i18n::strings::Pattern,
    start_due: crate::i18n::strings::Pattern,
    from_ongoing: crate::i18n::strings::Pattern,
    critical: String,
    waits_for: String,
    applies_because: String,
    also: String,
    done: crate::i18n::strings::Pattern,
    done_by: crate::i18n::strings::Pattern,
    note_for: String,
}

impl RowWords {
    fn new(pb: &Playbook, market: &str) -> RowWords {
        let w = pb.words();
        RowWords {
            due: w.pattern("ck-due", &["date"]),
            start_due: w.pattern("ck-start-due", &["start", "date"]),
            from_ongoing: w.pattern("ck-from-ongoing", &["start"]),
            critical: w.get("ck-critical-path", &[]),
            waits_for: w.get("ck-waits-for", &[]),
            applies_because: w.get("ck-applies-because", &[]),
            also: w.get("ck-also", &[]),
            done: w.pattern("ck-done", &["date"]),
            done_by: w.pattern("ck-done-by", &["who"]),
            note_for: w.get("ck-note-for", &[("market", market.to_string().into())]),
        }
    }
}

/// GitHub-flavoured Markdown: a task list per month of due dates (or per
/// phase in plan order), then what does not apply here.
pub fn to_markdown(pb: &Playbook, list: &Checklist<'_>) -> String {
    use std::fmt::Write as _;
    let market = list.prog.head(pb);
    let rows = &list.rows;
    let mut s = String::with_capacity(rows.len() * 200 + 256);
    let w = pb.words();
    let words = RowWords::new(pb, market.name);
    let _ = writeln!(
        s,
        "# {}\n\n{} · {}",
        w.get(
            "ck-title",
            &[
                ("market", market.name.to_string().into()),
                ("id", market.id.to_string().into())
            ]
        ),
        lead_line(pb, list),
        w.get(
            "ck-generated-from",
            &[("book", pb.config.book.title.clone().into())]
        )
    );
    prerequisites_markdown(&mut s, pb, list);
    let mut last_group = String::new();
    let mut last_month: Option<Option<(i16, i8)>> = None;
    let mut last_fw = "";
    for r in rows {
        match list.order {
            Order::Date => {
                let month = r.due.map(|d| (d.year(), d.month()));
                if last_month != Some(month) {
                    last_month = Some(month);
                    let _ = write!(s, "\n## {}\n\n", month_heading(pb, r.due));
                }
            }
            Order::Plan => {
                let g = format!("{}\u{0}{}", r.framework, r.phase_idx.index());
                if g != last_group {
                    if r.framework != last_fw {
                        let _ = write!(s, "\n## {}\n", r.framework);
                        last_fw = r.framework;
                    }
                    s.push_str("\n### ");
                    if let Some(c) = r.component {
                        s.push_str(c);
                        s.push_str(" — ");
                    }
                    let _ = write!(s, "{} ({})\n\n", r.phase, r.phase_window);
                    last_group = g;
                }
            }
        }
        s.push_str(if r.done.is_some() {
            "- [x] **"
        } else {
            "- [ ] **"
        });
        s.push_str(&r.task.replace('*', "\\*"));
        s.push_str("** — ");
        s.push_str(r.step);
        s.push_str(" · ");
        owner_text(&mut s, r);
        s.push_str(" · ");
        match r.due {
            Some(d) if d == r.start => s.push_str(&words.due.fill(&[&d.to_string()])),
            Some(d) => s.push_str(
                &words
                    .start_due
                    .fill(&[&r.start.to_string(), &d.to_string()]),
            ),
            None => s.push_str(&words.from_ongoing.fill(&[&r.start.to_string()])),
        }
        if let Some(d) = r.duration {
            let _ = write!(s, " · {}", w.duration(d));
        }
        if r.critical {
            let _ = write!(s, " · **{}**", words.critical);
        }
        if !r.waits_for.is_empty() {
            let _ = write!(s, " · {} ", words.waits_for);
            let ids: Vec<String> = r.waits_for.iter().map(|w| format!("`{w}`")).collect();
            s.push_str(&ids.join(", "));
        }
        if !r.reasons.is_empty() {
            let _ = write!(s, " · {} ", words.applies_because);
            s.push_str(&r.reasons.join(", "));
        }
        if !r.also.is_empty() {
            let _ = write!(s, " · {} ", words.also);
            s.push_str(&also_text(r, ", "));
        }
        if let Some(d) = r.done {
            s.push_str(" · ");
            s.push_str(&words.done.fill(&[&d.on.to_string()]));
            if let Some(by) = &d.by {
                s.push(' ');
                s.push_str(&words.done_by.fill(&[by]));
            }
            if let Some(note) = &d.note {
                let _ = write!(s, " ({})", one_line(note));
            }
        }
        let _ = writeln!(s, " · `{}`", r.task_id);
        if let Some(note) = r.note {
            let _ = writeln!(s, "  - {}: {}", words.note_for, one_line(note));
        }
    }
    not_applicable_markdown(&mut s, pb, list);
    s
}

/// A text on one line (a Markdown list item must not break).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Not applicable here": what the market leaves off, and why.
fn not_applicable_markdown(s: &mut String, pb: &Playbook, list: &Checklist<'_>) {
    use std::fmt::Write as _;
    if list.skipped.is_empty() && list.entry_left_out == 0 {
        return;
    }
    let market = list.prog.head(pb);
    let w = pb.words();
    let _ = write!(s, "\n## {}\n\n", w.get("ck-not-applicable", &[]));
    for k in &list.skipped {
        let _ = writeln!(
            s,
            "- **{}** — {} ({}) · `{}` — {}",
            k.task.replace('*', "\\*"),
            k.step,
            k.framework,
            k.task_id,
            one_line(k.reason)
        );
    }
    if list.entry_left_out > 0 {
        let _ = writeln!(
            s,
            "- {}",
            w.get(
                "ck-entry-left-out",
                &[
                    ("count", list.entry_left_out.into()),
                    ("market", market.name.to_string().into())
                ]
            )
        );
    }
}

/// A market's Markdown checklist opens with the company work it waits for
/// (nothing for a checklist without `after:` prerequisites).
fn prerequisites_markdown(s: &mut String, pb: &Playbook, list: &Checklist<'_>) {
    use std::fmt::Write as _;
    let pre = prerequisites(pb, list);
    if pre.is_empty() {
        return;
    }
    let company = Program::Company.head(pb);
    let w = pb.words();
    let _ = write!(
        s,
        "\n## {}\n\n{}\n\n",
        w.get("ck-company-prerequisites", &[]),
        w.get(
            "ck-company-prerequisites-lead",
            &[
                ("name", company.name.to_string().into()),
                ("kickoff", company.kickoff.to_string().into())
            ]
        )
    );
    for p in &pre {
        let _ = write!(
            s,
            "- **{}** — {} {} · ",
            p.title.replace('*', "\\*"),
            p.framework,
            p.kind
        );
        match p.due {
            Some(d) => {
                let _ = write!(s, "{} – {d}", p.start);
            }
            None => {
                s.push_str(&w.get("ck-from-ongoing", &[("start", p.start.to_string().into())]));
            }
        }
        let _ = writeln!(
            s,
            " · {}: {} · {} {} · `{}:{}`",
            w.get("ck-state", &[]),
            p.state,
            w.get("ck-needed-by", &[]),
            p.needed_by.join(", "),
            p.kind,
            p.id
        );
    }
}

/// Characters that make a spreadsheet read a cell as a formula when the
/// cell starts with one (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell: quoted when it holds a comma, quote or line break (RFC
/// 4180); a cell a spreadsheet would run as a formula is neutralised as
/// OWASP recommends: a `'` in front, and quoted.
/// One CSV cell as text (see `csv_field`), for the other CSV writers.
pub fn csv_cell(s: &str) -> String {
    let mut out = String::new();
    csv_field(&mut out, s);
    out
}

fn csv_field(out: &mut String, s: &str) {
    let formula = s.starts_with(FORMULA_START);
    if formula || s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The CSV header: one column per field of a row, in this order.
pub const CSV_HEADER: &str = "market,task_id,framework,component,phase,phase_window,step,activity,task,owner,owner_role,start,due,duration,critical_path,waits_for,market_note,applies_because,also,done,done_by,done_note";

/// The CSV's header row: the column names of [`CSV_HEADER`] in English;
/// in another language, the labels its string table gives
/// (`ck-csv-header`, as many as the columns, comma-separated), else the
/// English names.
pub fn csv_header(pb: &Playbook) -> String {
    let labels = pb.words().get("ck-csv-header", &[]);
    let columns = CSV_HEADER.split(',').count();
    let cells: Vec<&str> = labels.split(',').map(str::trim).collect();
    if cells.len() == columns {
        cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",")
    } else {
        CSV_HEADER.to_string()
    }
}

/// RFC 4180 CSV with a header row, CRLF line ends and ISO dates, opened by
/// a UTF-8 byte-order mark so spreadsheets (Excel, LibreOffice) read
/// "Köhler" and "Weeks 1–2" as written; then the rows the market leaves
/// off, with `not applicable` in `due` and the reason in `market_note`.
/// Cells that start like a formula are neutralised (see `csv_field`).
pub fn to_csv(pb: &Playbook, list: &Checklist<'_>) -> String {
    let market = list.prog.head(pb);
    let mut s = String::with_capacity(list.rows.len() * 260 + 256);
    s.push('\u{feff}');
    s.push_str(&csv_header(pb));
    s.push_str("\r\n");
    let w = pb.words();
    let (yes, no) = (w.get("ck-yes", &[]), w.get("ck-no", &[]));
    let not_applicable = w.get("ck-not-applicable-cell", &[]);
    for r in &list.rows {
        // The person when the market names one, else the role's name.
        let owner = r
            .owner_person
            .or(r.owner_title)
            .or(r.owner_role)
            .unwrap_or("");
        for f in [
            market.id,
            r.task_id,
            r.framework,
            r.component.unwrap_or(""),
            r.phase,
            r.phase_window,
            r.step,
            r.activity,
            r.task,
            owner,
            r.owner_title.or(r.owner_role).unwrap_or(""),
        ] {
            csv_field(&mut s, f);
            s.push(',');
        }
        // Dates too go through csv_field: a year before 1 prints as `-000001-…`.
        csv_field(&mut s, &r.start.to_string());
        s.push(',');
        if let Some(d) = r.due {
            csv_field(&mut s, &d.to_string());
        }
        s.push(',');
        if let Some(d) = r.duration {
            csv_field(&mut s, &w.duration(d));
        }
        s.push(',');
        s.push_str(if r.critical { &yes } else { &no });
        s.push(',');
        csv_field(&mut s, &r.waits_for.join("; "));
        s.push(',');
        csv_field(&mut s, &r.note.map(one_line).unwrap_or_default());
        s.push(',');
        csv_field(&mut s, &r.reasons.join("; "));
        s.push(',');
        csv_field(&mut s, &also_text(r, "; "));
        s.push(',');
        if let Some(d) = r.done {
            csv_field(&mut s, &d.on.to_string());
            s.push(',');
            csv_field(&mut s, d.by.as_deref().unwrap_or(""));
            s.push(',');
            csv_field(&mut s, &d.note.as_deref().map(one_line).unwrap_or_default());
        } else {
            s.push_str(",,");
        }
        s.push_str("\r\n");
    }
    for k in &list.skipped {
        for f in [
            market.id,
            k.task_id,
            k.framework,
            "",
            "",
            "",
            k.step,
            "",
            k.task,
            "",
            "",
        ] {
            csv_field(&mut s, f);
            s.push(',');
        }
        s.push(',');
        csv_field(&mut s, &not_applicable);
        s.push_str(",,");
        s.push_str(&no);
        s.push_str(",,");
        csv_field(&mut s, &one_line(k.reason));
        s.push_str(",,,,,\r\n");
    }
    s
}

/// JSON: `{market, count, order, end, critical_path, prerequisites,
/// rows, not_applicable, market_entry_left_out}` (documented in
/// docs/checklist.md); the company program's `market` has id `company` and
/// a null region.
pub fn to_json(pb: &Playbook, list: &Checklist<'_>) -> String {
    #[derive(Serialize)]
    struct MarketHead<'a> {
        id: &'a str,
        name: &'a str,
        region: Option<&'a str>,
        kickoff: Date,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        market: MarketHead<'a>,
        count: usize,
        order: &'static str,
        end: Option<Date>,
        critical_path: &'a [&'a str],
        prerequisites: Vec<Prerequisite<'a>>,
        rows: &'a [Row<'a>],
        not_applicable: &'a [Skipped<'a>],
        market_entry_left_out: usize,
    }
    let market = list.prog.head(pb);
    let doc = Doc {
        market: MarketHead {
            id: market.id,
            name: market.name,
            region: market.region,
            kickoff: market.kickoff,
        },
        count: list.rows.len(),
        order: match list.order {
            Order::Date => "date",
            Order::Plan => "plan",
        },
        end: list.end,
        critical_path: &list.critical_path,
        prerequisites: prerequisites(pb, list),
        rows: &list.rows,
        not_applicable: &list.skipped,
        market_entry_left_out: list.entry_left_out,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

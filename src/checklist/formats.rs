//! A checklist as Markdown, CSV and JSON (the HTML page and the standalone
//! export are templates; the calendar is `crate::calendar`).

use super::*;

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
/// critical path, the order.
fn lead_line(pb: &Playbook, list: &Checklist<'_>) -> String {
    let head = list.prog.head(pb);
    let n = list.rows.len();
    let mut s = format!(
        "Kickoff: {} · {} task{}",
        head.kickoff,
        n,
        if n == 1 { "" } else { "s" }
    );
    if let (Some(end), Some(days)) = (list.end, list.span_days(head.kickoff)) {
        s.push_str(&format!(
            " · last due {end} ({days} days; critical path: {} task{})",
            list.critical_path.len(),
            if list.critical_path.len() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    s.push_str(match list.order {
        Order::Date => " · in date order",
        Order::Plan => " · in plan order",
    });
    s
}

/// "June 2025": the heading a row goes under in date order.
pub fn month_heading(due: Option<Date>) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match due {
        Some(d) => format!("{} {}", MONTHS[d.month() as usize - 1], d.year()),
        None => "Ongoing".to_string(),
    }
}

/// GitHub-flavoured Markdown: a task list per month of due dates (or per
/// phase in plan order), then what does not apply here.
pub fn to_markdown(pb: &Playbook, list: &Checklist<'_>) -> String {
    use std::fmt::Write as _;
    let market = list.prog.head(pb);
    let rows = &list.rows;
    let mut s = String::with_capacity(rows.len() * 200 + 256);
    let _ = writeln!(
        s,
        "# Launch checklist: {} ({})\n\n{} · generated from {}",
        market.name,
        market.id,
        lead_line(pb, list),
        pb.config.book.title
    );
    prerequisites_markdown(&mut s, pb, list);
    let mut last_group = String::new();
    let mut last_fw = "";
    for r in rows {
        match list.order {
            Order::Date => {
                let g = month_heading(r.due);
                if g != last_group {
                    let _ = write!(s, "\n## {g}\n\n");
                    last_group = g;
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
        match r.due {
            Some(d) if d == r.start => {
                let _ = write!(s, " · due {d}");
            }
            Some(d) => {
                let _ = write!(s, " · {} → due {d}", r.start);
            }
            None => {
                let _ = write!(s, " · from {} (ongoing)", r.start);
            }
        }
        if let Some(d) = r.duration {
            let _ = write!(s, " · {d}");
        }
        if r.critical {
            s.push_str(" · **critical path**");
        }
        if !r.waits_for.is_empty() {
            s.push_str(" · waits for ");
            let ids: Vec<String> = r.waits_for.iter().map(|w| format!("`{w}`")).collect();
            s.push_str(&ids.join(", "));
        }
        if !r.reasons.is_empty() {
            s.push_str(" · applies because ");
            s.push_str(&r.reasons.join(", "));
        }
        if !r.also.is_empty() {
            s.push_str(" · also ");
            s.push_str(&also_text(r, ", "));
        }
        if let Some(d) = r.done {
            let _ = write!(s, " · done {}", d.on);
            if let Some(by) = &d.by {
                let _ = write!(s, " by {by}");
            }
            if let Some(note) = &d.note {
                let _ = write!(s, " ({})", one_line(note));
            }
        }
        let _ = writeln!(s, " · `{}`", r.task_id);
        if let Some(note) = r.note {
            let _ = writeln!(s, "  - Note for {}: {}", market.name, one_line(note));
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
    s.push_str("\n## Not applicable here\n\n");
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
            "- {} market-entry task{} left out: {} is the home market.",
            list.entry_left_out,
            if list.entry_left_out == 1 { "" } else { "s" },
            market.name
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
    let _ = write!(
        s,
        "\n## Company prerequisites\n\nDone once for the company ({}, kickoff {}); this market's phases wait for them.\n\n",
        company.name, company.kickoff
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
                let _ = write!(s, "from {} (ongoing)", p.start);
            }
        }
        let _ = writeln!(
            s,
            " · state: {} · needed by {} · `{}:{}`",
            p.state,
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

/// RFC 4180 CSV with a header row, CRLF line ends and ISO dates, opened by
/// a UTF-8 byte-order mark so spreadsheets (Excel, LibreOffice) read
/// "Köhler" and "Weeks 1–2" as written; then the rows the market leaves
/// off, with `not applicable` in `due` and the reason in `market_note`.
/// Cells that start like a formula are neutralised (see `csv_field`).
pub fn to_csv(pb: &Playbook, list: &Checklist<'_>) -> String {
    let market = list.prog.head(pb);
    let mut s = String::with_capacity(list.rows.len() * 260 + 256);
    s.push('\u{feff}');
    s.push_str(CSV_HEADER);
    s.push_str("\r\n");
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
            csv_field(&mut s, &d.to_string());
        }
        s.push(',');
        s.push_str(if r.critical { "yes" } else { "no" });
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
        s.push_str(",not applicable,,no,,");
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

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

/// GitHub-flavoured Markdown: a task list per phase.
pub fn to_markdown(pb: &Playbook, prog: impl Into<Program>, rows: &[Row<'_>]) -> String {
    use std::fmt::Write as _;
    let market = prog.into().head(pb);
    let mut s = String::with_capacity(rows.len() * 160 + 256);
    let _ = writeln!(
        s,
        "# Launch checklist: {} ({})\n\nKickoff: {} · {} task{} · generated from {}",
        market.name,
        market.id,
        market.kickoff,
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        pb.config.book.title
    );
    prerequisites_markdown(&mut s, pb, rows);
    let mut last_phase = usize::MAX;
    let mut last_fw = "";
    for r in rows {
        if r.phase_idx != last_phase {
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
            last_phase = r.phase_idx;
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
            Some(d) => {
                let _ = write!(s, " · due {d}");
            }
            None => s.push_str(" · ongoing"),
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
        }
        let _ = writeln!(s, " · `{}`", r.task_id);
    }
    s
}

/// A market's Markdown checklist opens with the company work it waits for
/// (nothing for a checklist without `after:` prerequisites).
fn prerequisites_markdown(s: &mut String, pb: &Playbook, rows: &[Row<'_>]) {
    use std::fmt::Write as _;
    let pre = prerequisites(pb, rows);
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

/// RFC 4180 CSV with a header row, CRLF line ends and ISO dates; cells
/// that start like a formula are neutralised (see `csv_field`).
pub fn to_csv(pb: &Playbook, prog: impl Into<Program>, rows: &[Row<'_>]) -> String {
    let market = prog.into().head(pb);
    let mut s = String::with_capacity(rows.len() * 220 + 256);
    s.push_str("market,task_id,framework,component,phase,phase_window,step,activity,task,owner_role,owner,start,due,applies_because,also,done,done_by\r\n");
    for r in rows {
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
            r.owner_role.unwrap_or(""),
            r.owner_person.unwrap_or(""),
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
        csv_field(&mut s, &r.reasons.join("; "));
        s.push(',');
        csv_field(&mut s, &also_text(r, "; "));
        s.push(',');
        if let Some(d) = r.done {
            csv_field(&mut s, &d.on.to_string());
            s.push(',');
            csv_field(&mut s, d.by.as_deref().unwrap_or(""));
        } else {
            s.push(',');
        }
        s.push_str("\r\n");
    }
    s
}

/// JSON: `{market, count, prerequisites: [...], rows: [...]}` (documented
/// in docs/checklist.md); the company program's `market` has id `company`
/// and a null region.
pub fn to_json(pb: &Playbook, prog: impl Into<Program>, rows: &[Row<'_>]) -> String {
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
        prerequisites: Vec<Prerequisite<'a>>,
        rows: &'a [Row<'a>],
    }
    let market = prog.into().head(pb);
    let doc = Doc {
        market: MarketHead {
            id: market.id,
            name: market.name,
            region: market.region,
            kickoff: market.kickoff,
        },
        count: rows.len(),
        prerequisites: prerequisites(pb, rows),
        rows,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

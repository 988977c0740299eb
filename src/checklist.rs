//! Per-market launch checklists: which tasks apply ([`rows`]), in framework →
//! phase → step order, with owners, due windows and the reason each applies;
//! and the formats they are printed in (Markdown, CSV, JSON; the HTML page is
//! a template). `rows` is pure; formats return strings.

use crate::model::{Kind, Playbook};
use crate::rules::{self, MarketFacts};
use crate::schedule::{block_window, DueWindow};
use serde::Serialize;

/// One checklist line.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Stable task id (ticks are kept by it).
    pub task_id: String,
    /// Framework title.
    pub framework: String,
    /// Component title, if the framework has components.
    pub component: Option<String>,
    /// Phase title.
    pub phase: String,
    /// Phase window label ("Weeks 1–2", "Month 4+").
    pub phase_window: String,
    /// Step title.
    pub step: String,
    /// Step id.
    pub step_id: String,
    /// Activity title ("Market-specific" for a market's own task).
    pub activity: String,
    /// Task title.
    pub task: String,
    /// Owner role id.
    pub owner_role: Option<String>,
    /// Owner role title.
    pub owner_title: Option<String>,
    /// The market's named person for the role.
    pub owner_person: Option<String>,
    /// First day of the window (ISO).
    pub start: String,
    /// Due date (ISO), none for ongoing work.
    pub due: Option<String>,
    /// What made the task apply ("tag: data-residency"); empty = applies everywhere.
    pub reasons: Vec<String>,
    /// True for a task the market added itself.
    pub market_specific: bool,
    /// Index of the phase in the playbook (for grouping).
    #[serde(skip)]
    pub phase_idx: usize,
    /// Task index.
    #[serde(skip)]
    pub task_idx: usize,
}

/// The due window of a step for a market.
pub fn step_window(pb: &Playbook, step: usize, market: usize) -> DueWindow {
    let s = &pb.steps[step];
    let p = &pb.phases[s.phase];
    let b = &pb.blocks[s.block];
    block_window(pb.markets[market].kickoff, p.window, b.weeks)
}

/// Every task that applies to market `m`, in reading order.
pub fn rows(pb: &Playbook, m: usize) -> Vec<Row> {
    let market = &pb.markets[m];
    let regs: Vec<String> = market
        .regulations
        .iter()
        .map(|&r| pb.regulations[r].id.clone())
        .collect();
    let facts = MarketFacts {
        id: &market.id,
        region: &market.region,
        regulations: &regs,
        tags: &market.tags,
    };
    let mut out = Vec::new();
    for s in 0..pb.steps.len() {
        let step = &pb.steps[s];
        let window = step_window(pb, s, m);
        let phase = &pb.phases[step.phase];
        let mut push = |ti: usize, activity: String| {
            let t = &pb.tasks[ti];
            if !rules::applies(t.rule.as_ref(), facts) {
                return;
            }
            out.push(Row {
                task_id: t.id.clone(),
                framework: pb.frameworks[step.framework].title.clone(),
                component: step.component.map(|c| pb.components[c].title.clone()),
                phase: phase.title.clone(),
                phase_window: phase.window.label(),
                step: step.title.clone(),
                step_id: step.id.clone(),
                activity,
                task: t.title.clone(),
                owner_role: t.owner.clone(),
                owner_title: t.owner.as_ref().and_then(|o| pb.roles.get(o).cloned()),
                owner_person: t.owner.as_ref().and_then(|o| market.team.get(o).cloned()),
                start: window.start.to_string(),
                due: window.end.map(|d| d.to_string()),
                reasons: if t.market.is_some() {
                    vec![format!("market: {}", market.id)]
                } else {
                    rules::reasons(t.rule.as_ref(), facts)
                },
                market_specific: t.market.is_some(),
                phase_idx: step.phase,
                task_idx: ti,
            });
        };
        for a in &step.activities {
            for &ti in &a.tasks {
                push(ti, a.title.clone());
            }
        }
        for &ti in &step.market_tasks {
            if pb.tasks[ti].market == Some(m) {
                push(ti, "Market-specific".to_string());
            }
        }
    }
    out
}

fn owner_text(r: &Row) -> String {
    match (&r.owner_title, &r.owner_person) {
        (Some(t), Some(p)) => format!("{p} ({t})"),
        (Some(t), None) => t.clone(),
        (None, _) => r.owner_role.clone().unwrap_or_default(),
    }
}

/// GitHub-flavoured Markdown: a task list per phase.
pub fn to_markdown(pb: &Playbook, m: usize, rows: &[Row]) -> String {
    let market = &pb.markets[m];
    let mut s = format!(
        "# Launch checklist: {} ({})\n\nKickoff: {} · {} task{} · generated from {}\n",
        market.name,
        market.id,
        market.kickoff,
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        pb.config.book.title
    );
    let mut last: Option<(String, usize)> = None;
    for r in rows {
        let key = (r.framework.clone(), r.phase_idx);
        if last.as_ref() != Some(&key) {
            if last.as_ref().map(|l| &l.0) != Some(&r.framework) {
                s.push_str(&format!("\n## {}\n", r.framework));
            }
            let comp = r
                .component
                .as_ref()
                .map(|c| format!("{c} — "))
                .unwrap_or_default();
            s.push_str(&format!("\n### {comp}{} ({})\n\n", r.phase, r.phase_window));
            last = Some(key);
        }
        let due = r
            .due
            .as_deref()
            .map(|d| format!("due {d}"))
            .unwrap_or_else(|| "ongoing".into());
        let why = if r.reasons.is_empty() {
            String::new()
        } else {
            format!(" · applies because {}", r.reasons.join(", "))
        };
        s.push_str(&format!(
            "- [ ] **{}** — {} · {} · {}{}{}\n",
            r.task.replace('*', "\\*"),
            r.step,
            owner_text(r),
            due,
            why,
            format_args!(" · `{}`", r.task_id)
        ));
    }
    s
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// RFC 4180 CSV with a header row, CRLF line ends and ISO dates.
pub fn to_csv(pb: &Playbook, m: usize, rows: &[Row]) -> String {
    let market = &pb.markets[m];
    let mut s = String::from("market,task_id,framework,component,phase,phase_window,step,activity,task,owner_role,owner,start,due,applies_because,done\r\n");
    for r in rows {
        let fields = [
            market.id.clone(),
            r.task_id.clone(),
            r.framework.clone(),
            r.component.clone().unwrap_or_default(),
            r.phase.clone(),
            r.phase_window.clone(),
            r.step.clone(),
            r.activity.clone(),
            r.task.clone(),
            r.owner_role.clone().unwrap_or_default(),
            r.owner_person.clone().unwrap_or_default(),
            r.start.clone(),
            r.due.clone().unwrap_or_default(),
            r.reasons.join("; "),
            String::new(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        s.push_str(&line.join(","));
        s.push_str("\r\n");
    }
    s
}

/// JSON: `{market, kickoff, rows: [...]}` (documented in docs/checklist.md).
pub fn to_json(pb: &Playbook, m: usize, rows: &[Row]) -> String {
    let market = &pb.markets[m];
    let doc = serde_json::json!({
        "market": {"id": market.id, "name": market.name, "region": market.region, "kickoff": market.kickoff.to_string()},
        "count": rows.len(),
        "rows": rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// The downloadable files published with the site: `markets/<id>/checklist.{csv,md}`.
pub fn download_files(pb: &Playbook, all_rows: &[Vec<Row>]) -> Vec<crate::render::OutputFile> {
    let mut v = Vec::new();
    for (m, r) in all_rows.iter().enumerate() {
        let id = &pb.markets[m].id;
        v.push(crate::render::OutputFile {
            path: format!("markets/{id}/checklist-{id}.csv"),
            bytes: to_csv(pb, m, r).into_bytes(),
        });
        v.push(crate::render::OutputFile {
            path: format!("markets/{id}/checklist-{id}.md"),
            bytes: to_markdown(pb, m, r).into_bytes(),
        });
    }
    v
}

/// Look a market up by id, or explain which exist and which is nearest.
pub fn find_market(pb: &Playbook, id: &str) -> Result<usize, crate::diag::Diagnostic> {
    if let Some(r) = pb.lookup(Kind::Market, &id.to_lowercase()) {
        return Ok(r.idx);
    }
    let ids: Vec<&str> = pb.markets.iter().map(|m| m.id.as_str()).collect();
    let by_name = pb
        .markets
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(id))
        .map(|m| m.id.as_str());
    let near = by_name.or_else(|| crate::diag::suggest(id, ids.iter().copied()));
    let mut help = format!("markets are: {}", ids.join(", "));
    if let Some(n) = near {
        help = format!("did you mean `{n}`? {help}");
    }
    Err(crate::diag::Diagnostic::error(format!("no market `{id}`")).help(help))
}

/// A standalone printable HTML checklist with its CSS inlined (for `--format html` and PDF).
pub fn to_html(pb: &Playbook, m: usize, rows: &[Row]) -> String {
    use crate::diag::html_escape as e;
    let market = &pb.markets[m];
    let lead = market.team.get("ops-lead").cloned().unwrap_or_default();
    let mut s = String::new();
    s.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Launch checklist: {}</title><style>{}</style></head><body>\n",
        e(&pb.config.book.language),
        e(&market.name),
        STANDALONE_CSS
    ));
    s.push_str(&format!(
        "<header class=\"sheet\"><h1>Launch checklist: {}</h1><p>Kickoff <strong>{}</strong> · {} tasks · Operations lead: {} · {}</p></header>\n",
        e(&market.name),
        market.kickoff,
        rows.len(),
        if lead.is_empty() { "—".into() } else { e(&lead) },
        e(&pb.config.book.title)
    ));
    let mut i = 0;
    while i < rows.len() {
        let p = rows[i].phase_idx;
        let j = rows[i..]
            .iter()
            .position(|r| r.phase_idx != p)
            .map(|k| i + k)
            .unwrap_or(rows.len());
        let r0 = &rows[i];
        let comp = r0
            .component
            .as_ref()
            .map(|c| format!("{} · ", e(c)))
            .unwrap_or_default();
        s.push_str(&format!(
            "<section class=\"phase\"><p class=\"running\">{} · kickoff {} · lead {}</p><h2>{}{} <small>{} · {}</small></h2>\n<table><thead><tr><th class=\"box\">Done</th><th>Task</th><th>Owner</th><th>Due</th></tr></thead><tbody>\n",
            e(&market.name), market.kickoff, if lead.is_empty() { "—".into() } else { e(&lead) },
            comp, e(&r0.phase), e(&r0.framework), e(&r0.phase_window)
        ));
        for r in &rows[i..j] {
            let why = if r.reasons.is_empty() {
                String::new()
            } else {
                format!(
                    "<span class=\"why\">applies because {}</span>",
                    e(&r.reasons.join(", "))
                )
            };
            s.push_str(&format!(
                "<tr><td class=\"box\"><span class=\"tick\" aria-hidden=\"true\"></span></td><td><strong>{}</strong><br><span class=\"step\">{} · {}</span>{}</td><td>{}</td><td class=\"due\">{}</td></tr>\n",
                e(&r.task), e(&r.step), e(&r.activity), why, e(&owner_text(r)),
                r.due.as_deref().map(|d| format!("{} – {d}", r.start)).unwrap_or_else(|| format!("from {} (ongoing)", r.start))
            ));
        }
        s.push_str("</tbody></table><p class=\"signoff\">Phase signed off by ____________________________ &nbsp; Date ____________</p></section>\n");
        i = j;
    }
    s.push_str("</body></html>\n");
    s
}

const STANDALONE_CSS: &str = "body{font:11pt/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111;margin:2em}h1{font-size:20pt;margin:0 0 .2em}h2{font-size:13pt;margin:1em 0 .4em}h2 small{font-weight:normal;color:#555}table{width:100%;border-collapse:collapse}th,td{border-bottom:1px solid #bbb;padding:.35em .4em;text-align:left;vertical-align:top}th{font-size:9pt;text-transform:uppercase;color:#444}.box{width:2.6em;text-align:center}.tick{display:inline-block;width:1em;height:1em;border:1.5px solid #111;border-radius:2px}.step,.why{font-size:9pt;color:#555}.why{display:block}.due{white-space:nowrap;font-size:9.5pt}.signoff{margin-top:1.2em}.running{font-size:8.5pt;color:#666;margin:0}.phase{page-break-before:always;break-before:page}.phase:first-of-type{page-break-before:auto;break-before:auto}tr{break-inside:avoid}@page{margin:15mm}";

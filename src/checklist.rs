//! Per-market launch checklists: which tasks apply ([`rows`]), in framework →
//! phase → step order, with owners, due windows and the reason each applies;
//! and the formats they are printed in (Markdown, CSV, JSON; the HTML page is
//! a template; the calendar is [`crate::calendar`]). `rows` is pure; formats
//! return strings.

use crate::model::{Kind, Playbook};
use crate::rules::{self, MarketFacts};
use crate::schedule::{block_window, DueWindow};
use jiff::civil::Date;
use serde::Serialize;

/// One checklist line. Borrows its text from the playbook, so computing the
/// rows of every market stays cheap even for tens of thousands of tasks.
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a> {
    /// Stable task id (ticks are kept by it).
    pub task_id: &'a str,
    /// Framework title.
    pub framework: &'a str,
    /// Component title, if the framework has components.
    pub component: Option<&'a str>,
    /// Phase title.
    pub phase: &'a str,
    /// Phase window label ("Weeks 1–2", "Month 4+").
    pub phase_window: &'a str,
    /// Step title.
    pub step: &'a str,
    /// Step id.
    pub step_id: &'a str,
    /// Activity title ("Market-specific" for a market's own task).
    pub activity: &'a str,
    /// Task title.
    pub task: &'a str,
    /// Owner role id.
    pub owner_role: Option<&'a str>,
    /// Owner role title.
    pub owner_title: Option<&'a str>,
    /// The market's named person for the role.
    pub owner_person: Option<&'a str>,
    /// First day of the window.
    pub start: Date,
    /// Due date; none for ongoing work.
    pub due: Option<Date>,
    /// What made the task apply ("tag: data-residency"); empty = applies everywhere.
    pub reasons: Vec<String>,
    /// True for a task the market added itself.
    pub market_specific: bool,
    /// When and by whom it was done, as recorded in
    /// `content/progress/<market>.yaml`; null when not recorded.
    pub done: Option<&'a crate::model::Done>,
    /// Index of the phase in the playbook (for grouping).
    #[serde(skip)]
    pub phase_idx: usize,
    /// Index of the step.
    #[serde(skip)]
    pub step_idx: usize,
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

/// Phase window labels, computed once per playbook.
pub fn window_labels(pb: &Playbook) -> Vec<String> {
    pb.phases.iter().map(|p| p.window.label()).collect()
}

/// Every task that applies to market `m`, in reading order.
pub fn rows<'a>(pb: &'a Playbook, windows: &'a [String], m: usize) -> Vec<Row<'a>> {
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
    for (s, step) in pb.steps.iter().enumerate() {
        let window = step_window(pb, s, m);
        let phase = &pb.phases[step.phase];
        let framework = pb.frameworks[step.framework].title.as_str();
        let component = step.component.map(|c| pb.components[c].title.as_str());
        let tasks = step
            .activities
            .iter()
            .flat_map(|a| a.tasks.iter().map(move |&t| (t, a.title.as_str())))
            .chain(
                step.market_tasks
                    .iter()
                    .filter(|&&t| pb.tasks[t].market == Some(m))
                    .map(|&t| (t, "Market-specific")),
            );
        for (ti, activity) in tasks {
            let t = &pb.tasks[ti];
            if !rules::applies(t.rule.as_ref(), facts) {
                continue;
            }
            let owner = t.owner.as_deref();
            out.push(Row {
                task_id: &t.id,
                framework,
                component,
                phase: &phase.title,
                phase_window: &windows[step.phase],
                step: &step.title,
                step_id: &step.id,
                activity,
                task: &t.title,
                owner_role: owner,
                owner_title: owner.and_then(|o| pb.roles.get(o)).map(String::as_str),
                owner_person: owner.and_then(|o| market.team.get(o)).map(String::as_str),
                start: window.start,
                due: window.end,
                reasons: if t.market.is_some() {
                    vec![format!("market: {}", market.id)]
                } else {
                    rules::reasons(t.rule.as_ref(), facts)
                },
                market_specific: t.market.is_some(),
                done: pb.progress.get(m).and_then(|p| p.done.get(&ti)),
                phase_idx: step.phase,
                step_idx: s,
                task_idx: ti,
            });
        }
    }
    out
}

/// Every task a checklist can draw from, in the order checklists list them:
/// step by step, each step's activity tasks, then the tasks markets added.
/// Positions in this list are what [`Compact`] refers to.
pub fn task_order(pb: &Playbook) -> Vec<usize> {
    let mut out = Vec::with_capacity(pb.tasks.len());
    for step in &pb.steps {
        for a in &step.activities {
            out.extend_from_slice(&a.tasks);
        }
        out.extend_from_slice(&step.market_tasks);
    }
    out
}

/// One market's checklist without its text: which positions of
/// [`task_order`] apply and why. This is what a site too big to write every
/// market's rows out (see `static-checklist-rows`) publishes per market.
#[derive(Debug, Clone, Default)]
pub struct Compact {
    /// Number of rows.
    pub count: usize,
    /// Rows per phase index.
    pub per_phase: Vec<usize>,
    /// Positions (ascending) of the tasks that carry a rule or belong to a
    /// market and apply here, each with an index into `reasons`. Tasks
    /// without a rule apply everywhere and are not listed.
    pub gated: Vec<(usize, usize)>,
    /// The distinct reason lists ("tag: data-residency", …), one per rule.
    pub reasons: Vec<Vec<String>>,
}

/// Does a task apply only where its rule (or its market) says?
pub fn is_gated(pb: &Playbook, task: usize) -> bool {
    let t = &pb.tasks[task];
    t.market.is_some() || t.rule.is_some()
}

/// What every market's [`Compact`] checklist is made from, worked out once
/// per site: the task order, what applies everywhere, and for each market the
/// rule-gated tasks that apply there. Making a market's compact checklist is
/// then proportional to its gated rows, not to every task.
#[derive(Debug, Clone, Default)]
pub struct ChecklistIndex {
    /// [`task_order`].
    pub order: Vec<usize>,
    /// Tasks that apply everywhere, per phase index.
    everywhere_per_phase: Vec<usize>,
    /// Per market: (position, rule group) of each gated task that applies.
    gated: Vec<Vec<(usize, usize)>>,
    /// Per rule group: a task carrying it (market tasks are group 0).
    group_task: Vec<Option<usize>>,
}

impl ChecklistIndex {
    /// Index the playbook's tasks.
    pub fn new(pb: &Playbook) -> Self {
        let order = task_order(pb);
        let mut ix = ChecklistIndex {
            everywhere_per_phase: vec![0; pb.phases.len()],
            gated: vec![Vec::new(); pb.markets.len()],
            group_task: vec![None],
            order: Vec::new(),
        };
        let mut groups: std::collections::HashMap<&crate::model::raw::Rule, usize> =
            Default::default();
        for (pos, &ti) in order.iter().enumerate() {
            let t = &pb.tasks[ti];
            if !is_gated(pb, ti) {
                ix.everywhere_per_phase[pb.steps[t.step].phase] += 1;
                continue;
            }
            let group = match (t.market, t.rule.as_ref()) {
                (None, Some(rule)) => *groups.entry(rule).or_insert_with(|| {
                    ix.group_task.push(Some(ti));
                    ix.group_task.len() - 1
                }),
                _ => 0,
            };
            for &m in &pb.task_markets[ti] {
                ix.gated[m].push((pos, group));
            }
        }
        ix.order = order;
        ix
    }
}

/// The [`Compact`] checklist of market `m` (the same rows as [`rows`]).
pub fn compact(pb: &Playbook, ix: &ChecklistIndex, m: usize) -> Compact {
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
    let gated = &ix.gated[m];
    let mut c = Compact {
        count: ix.everywhere_per_phase.iter().sum::<usize>() + gated.len(),
        per_phase: ix.everywhere_per_phase.clone(),
        gated: Vec::with_capacity(gated.len()),
        reasons: Vec::new(),
    };
    // Tasks sharing a rule share its reasons: work them out once per rule.
    let mut local = vec![usize::MAX; ix.group_task.len()];
    for &(pos, group) in gated {
        let ti = ix.order[pos];
        c.per_phase[pb.steps[pb.tasks[ti].step].phase] += 1;
        if local[group] == usize::MAX {
            c.reasons.push(match ix.group_task[group] {
                None => vec![format!("market: {}", market.id)],
                Some(t) => rules::reasons(pb.tasks[t].rule.as_ref(), facts),
            });
            local[group] = c.reasons.len() - 1;
        }
        c.gated.push((pos, local[group]));
    }
    c
}

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
pub fn to_markdown(pb: &Playbook, m: usize, rows: &[Row<'_>]) -> String {
    use std::fmt::Write as _;
    let market = &pb.markets[m];
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
pub fn to_csv(pb: &Playbook, m: usize, rows: &[Row<'_>]) -> String {
    let market = &pb.markets[m];
    let mut s = String::with_capacity(rows.len() * 220 + 256);
    s.push_str("market,task_id,framework,component,phase,phase_window,step,activity,task,owner_role,owner,start,due,applies_because,done,done_by\r\n");
    for r in rows {
        for f in [
            market.id.as_str(),
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

/// JSON: `{market, count, rows: [...]}` (documented in docs/checklist.md).
pub fn to_json(pb: &Playbook, m: usize, rows: &[Row<'_>]) -> String {
    #[derive(Serialize)]
    struct MarketHead<'a> {
        id: &'a str,
        name: &'a str,
        region: &'a str,
        kickoff: Date,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        market: MarketHead<'a>,
        count: usize,
        rows: &'a [Row<'a>],
    }
    let market = &pb.markets[m];
    let doc = Doc {
        market: MarketHead {
            id: &market.id,
            name: &market.name,
            region: &market.region,
            kickoff: market.kickoff,
        },
        count: rows.len(),
        rows,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
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

/// Who owns a market's launch: its head of operations, else the first named
/// team member with their role. Printed on every checklist page.
pub fn launch_lead(pb: &Playbook, m: usize) -> Option<String> {
    let team = &pb.markets[m].team;
    team.get("ops-lead").cloned().or_else(|| {
        team.iter().next().map(|(role, person)| {
            format!(
                "{person} ({})",
                pb.roles.get(role).map(String::as_str).unwrap_or(role)
            )
        })
    })
}

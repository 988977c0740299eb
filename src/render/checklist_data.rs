//! The data behind checklists that are too big to write out (more rows than
//! `static-checklist-rows`): one shared task table for the whole site
//! (`checklists/tasks.js`) and one small file per market
//! (`markets/<id>/checklist/data.js`) naming only the rule-gated tasks that
//! apply there, with their reasons, and the market's dates. `theme/checklist.js`
//! turns them into the same table, CSV and Markdown a static checklist has.
//!
//! Why: written out, every market repeats every task, so the site grows with
//! markets × tasks (250 markets × 35,000 tasks is 8.75 million rows, gigabytes
//! of HTML, CSV and Markdown). This way it grows with markets + tasks.
//!
//! Both are plain scripts that set a global, so they load from `file://` too.

use crate::checklist::{self, Compact};
use crate::model::{Kind, Playbook};
use crate::schedule::{block_window, phase_window, DueWindow};
use serde::Serialize;

/// Path of the shared task table.
pub const TASKS_JS: &str = "checklists/tasks.js";

/// One task of the shared table: step, activity index, id suffix after
/// `<step id>/` (or null), title, owner role (or null), gated (0 applies
/// everywhere, 1 its rule or market decides), full id when it has no step prefix.
type TaskRow<'a> = (
    usize,
    usize,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    u8,
    Option<&'a str>,
);

#[derive(Serialize)]
struct Tasks<'a> {
    title: &'a str,
    roles: &'a std::collections::BTreeMap<String, String>,
    /// Per phase: framework, component, phase title, window label.
    phases: Vec<(&'a str, Option<&'a str>, &'a str, &'a str)>,
    /// Per step: title, URL, phase index, block index, step id.
    steps: Vec<(&'a str, String, usize, usize, &'a str)>,
    /// Activity titles, referred to by index.
    acts: Vec<&'a str>,
    /// Per task position: step, activity index, id suffix after `<step id>/`
    /// (or null), title, owner role (or null), gated (0 applies everywhere,
    /// 1 rule or market decides), full id when it has no step prefix.
    tasks: Vec<TaskRow<'a>>,
}

/// `window.PLAYBOOK_TASKS = {…};` for the tasks in `order` (see [`checklist::task_order`]).
pub fn tasks_js(pb: &Playbook, order: &[usize], windows: &[String]) -> String {
    let mut acts: Vec<&str> = Vec::new();
    let mut act_idx: std::collections::HashMap<&str, usize> = Default::default();
    let mut task_act = vec![usize::MAX; pb.tasks.len()];
    for step in &pb.steps {
        for a in &step.activities {
            let i = *act_idx.entry(a.title.as_str()).or_insert_with(|| {
                acts.push(a.title.as_str());
                acts.len() - 1
            });
            for &t in &a.tasks {
                task_act[t] = i;
            }
        }
    }
    let market_specific = *act_idx.entry("Market-specific").or_insert_with(|| {
        acts.push("Market-specific");
        acts.len() - 1
    });
    let doc = Tasks {
        title: &pb.config.book.title,
        roles: &pb.roles,
        phases: pb
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    pb.frameworks[p.framework].title.as_str(),
                    p.component.map(|c| pb.components[c].title.as_str()),
                    p.title.as_str(),
                    windows[i].as_str(),
                )
            })
            .collect(),
        steps: pb
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    s.title.as_str(),
                    pb.url(crate::model::EntityRef {
                        kind: Kind::Step,
                        idx: i,
                    }),
                    s.phase,
                    s.block,
                    s.id.as_str(),
                )
            })
            .collect(),
        acts,
        tasks: order
            .iter()
            .map(|&ti| {
                let t = &pb.tasks[ti];
                let step_id = &pb.steps[t.step].id;
                let suffix =
                    t.id.strip_prefix(step_id.as_str())
                        .and_then(|x| x.strip_prefix('/'));
                let act = if t.market.is_some() {
                    market_specific
                } else {
                    task_act[ti]
                };
                (
                    t.step,
                    act,
                    suffix,
                    t.title.as_str(),
                    t.owner.as_deref(),
                    u8::from(checklist::is_gated(pb, ti)),
                    if suffix.is_none() {
                        Some(t.id.as_str())
                    } else {
                        None
                    },
                )
            })
            .collect(),
    };
    format!(
        "window.PLAYBOOK_TASKS = {};\n",
        serde_json::to_string(&doc).unwrap_or_else(|_| "null".into())
    )
}

#[derive(Serialize)]
struct MarketData<'a> {
    id: &'a str,
    name: &'a str,
    region: &'a str,
    kickoff: String,
    lead: Option<String>,
    count: usize,
    team: &'a std::collections::BTreeMap<String, String>,
    /// Per phase: first day, due date (null = ongoing).
    phases: Vec<(String, Option<String>)>,
    /// Per block: first day, due date (null = ongoing).
    blocks: Vec<(String, Option<String>)>,
    /// Distinct reason lists, referred to by index from `rows`.
    reasons: Vec<&'a [String]>,
    /// Pairs: position delta from the previous gated row, reason index.
    rows: Vec<usize>,
    /// Rows standing for a `same_as` group: [position, [other members' positions]].
    also: &'a [(usize, Vec<usize>)],
    /// The company phases and steps this market's phases wait for.
    prereqs: Vec<checklist::Prerequisite<'a>>,
    /// The company program's name and kickoff (heading the prerequisites).
    company: (&'a str, String),
    /// Recorded progress: task id → [done on, by (or null), note (or null)].
    done: std::collections::BTreeMap<&'a str, (String, Option<&'a str>, Option<&'a str>)>,
}

fn dates(w: DueWindow) -> (String, Option<String>) {
    (w.start.to_string(), w.end.map(|d| d.to_string()))
}

/// `window.PLAYBOOK_CHECKLIST = {…};` for market `m`.
pub fn market_js(pb: &Playbook, m: usize, c: &Compact) -> String {
    let market = &pb.markets[m];
    let mut rows = Vec::with_capacity(c.gated.len() * 2);
    let mut last = 0;
    for &(pos, why) in &c.gated {
        rows.push(pos - last);
        rows.push(why);
        last = pos;
    }
    let doc = MarketData {
        id: &market.id,
        region: &market.region,
        name: &market.name,
        kickoff: market.kickoff.to_string(),
        lead: checklist::launch_lead(pb, m),
        count: c.count,
        team: &market.team,
        phases: pb
            .phases
            .iter()
            .map(|p| dates(phase_window(market.kickoff, p.window)))
            .collect(),
        blocks: pb
            .blocks
            .iter()
            .map(|b| {
                dates(block_window(
                    market.kickoff,
                    pb.phases[b.phase].window,
                    b.weeks,
                ))
            })
            .collect(),
        reasons: c.reasons.iter().map(Vec::as_slice).collect(),
        rows,
        also: &c.also,
        prereqs: checklist::prerequisites_of(
            pb,
            (0..pb.phases.len()).filter(|&p| c.per_phase[p] > 0),
        ),
        company: {
            let h = checklist::Program::Company.head(pb);
            (h.name, h.kickoff.to_string())
        },
        done: pb.progress.get(m).map_or_else(Default::default, |p| {
            p.done
                .iter()
                .map(|(&t, d)| {
                    (
                        pb.tasks[t].id.as_str(),
                        (d.on.to_string(), d.by.as_deref(), d.note.as_deref()),
                    )
                })
                .collect()
        }),
    };
    format!(
        "window.PLAYBOOK_CHECKLIST = {};\n",
        serde_json::to_string(&doc).unwrap_or_else(|_| "null".into())
    )
}

//! The data behind checklists that are too big to write out (more rows than
//! `static-checklist-rows`): one shared task table for the whole site
//! (`checklists/tasks.js`: every task's text, once) and one file per market
//! (`markets/<id>/checklist/data.js`): its rows as numbers into that table,
//! in date order, each with its scheduled dates as days from kickoff, its
//! critical flag and the index of its reasons; the market's notes, owners
//! and durations where it changes a task; what it leaves off. The schedule
//! is worked out here, by the one checklist engine, never in the browser:
//! `theme/checklist.js` only lays the rows out and writes the same table,
//! CSV, Markdown and JSON a checklist written out at build time has.
//!
//! Why: written out, every market repeats every task's text, so the site
//! grows with markets × tasks (250 markets × 35,000 tasks is 8.75 million
//! rows, gigabytes of HTML, CSV and Markdown). This way a row costs a few
//! numbers.
//!
//! Both are plain scripts that set a global, so they load from `file://` too.

use jiff::civil::Date;
use playbook_content::model::{Block, Idx, IdxVec, Market, Phase, Playbook, Step, Task};
use playbook_content::schedule::{block_window, DueWindow};
use playbook_plan::checklist::{self, Checklists, Program, Scheduled};
use serde::Serialize;

/// Path of the shared task table.
pub const TASKS_JS: &str = "checklists/tasks.js";

/// One task of the shared table: step, activity index, id suffix after
/// `<step id>/` (or null), title, owner role (or null), duration (or null),
/// full id when it has no step prefix.
type TaskRow<'a> = (
    Idx<Step>,
    usize,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    Option<String>,
    Option<&'a str>,
);

/// One step of the shared table: title, URL, phase, block, step id.
type StepRow<'a> = (&'a str, String, Idx<Phase>, Idx<Block>, &'a str);

#[derive(Serialize)]
struct Tasks<'a> {
    title: &'a str,
    roles: &'a std::collections::BTreeMap<String, String>,
    /// Per phase: framework, component, phase title, window label.
    phases: Vec<(&'a str, Option<&'a str>, &'a str, &'a str)>,
    /// Per step: title, URL, phase index, block index, step id.
    steps: Vec<StepRow<'a>>,
    /// Activity titles, referred to by index.
    acts: Vec<&'a str>,
    /// Per task position (plan order): step, activity index, id suffix
    /// after `<step id>/` (or null), title, owner role (or null), duration
    /// (or null), full id when it has no step prefix.
    tasks: Vec<TaskRow<'a>>,
}

/// `window.PLAYBOOK_TASKS = {…};`: every task in plan order (see
/// [`checklist::plan_order`]); a task's position there is how market data
/// names it.
pub fn tasks_js(pb: &Playbook, windows: &IdxVec<Phase, String>) -> String {
    let order: Vec<Idx<Task>> = checklist::plan_order(pb).collect();
    let market_specific_label = checklist::market_specific_label(pb);
    let market_specific_label = market_specific_label.as_str();
    let mut acts: Vec<&str> = Vec::new();
    let mut act_idx: std::collections::HashMap<&str, usize> = Default::default();
    // Each activity task's activity (a market's own task has none).
    let mut task_act: IdxVec<Task, Option<usize>> = IdxVec::filled(None, pb.tasks.len());
    for step in &pb.steps {
        for a in &step.activities {
            let i = *act_idx.entry(a.title.as_str()).or_insert_with(|| {
                acts.push(a.title.as_str());
                acts.len() - 1
            });
            for &t in &a.tasks {
                task_act[t] = Some(i);
            }
        }
    }
    let market_specific = *act_idx.entry(market_specific_label).or_insert_with(|| {
        acts.push(market_specific_label);
        acts.len() - 1
    });
    let doc = Tasks {
        title: &pb.config.book.title,
        roles: &pb.roles,
        phases: pb
            .phases
            .iter_enumerated()
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
            .iter_enumerated()
            .map(|(i, s)| {
                (
                    s.title.as_str(),
                    pb.url(playbook_content::model::EntityRef::from(i)),
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
                let act = task_act[ti].unwrap_or(market_specific);
                (
                    t.step,
                    act,
                    suffix,
                    t.title.as_str(),
                    t.owner.as_deref(),
                    t.duration.map(|d| d.to_string()),
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

/// One row of a market's data.js (see `MarketData::rows`): written as an
/// array whose trailing empty lists are left out (most rows have neither
/// `same_as` members nor dependencies: a quarter of a market's data).
struct DataRow {
    pos: usize,
    start: i32,
    due: i32,
    critical: u8,
    why: i64,
    also: Vec<usize>,
    waits: Vec<usize>,
}

impl Serialize for DataRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let lists = match (self.also.is_empty(), self.waits.is_empty()) {
            (true, true) => 0,
            (false, true) => 1,
            _ => 2,
        };
        let mut seq = s.serialize_seq(Some(5 + lists))?;
        seq.serialize_element(&self.pos)?;
        seq.serialize_element(&self.start)?;
        seq.serialize_element(&self.due)?;
        seq.serialize_element(&self.critical)?;
        seq.serialize_element(&self.why)?;
        if lists > 0 {
            seq.serialize_element(&self.also)?;
        }
        if lists > 1 {
            seq.serialize_element(&self.waits)?;
        }
        seq.end()
    }
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
    reasons: Vec<Vec<String>>,
    /// Per row, in date order: [task position, start (days from kickoff),
    /// due (days from kickoff, or -1 for ongoing), on the critical path (0 or
    /// 1), reason index (or -1), positions of the `same_as` group's other
    /// members, positions of what it waits for]; the two lists are left
    /// out when they and what follows them are empty.
    rows: Vec<DataRow>,
    /// The market's notes by task position: [Markdown as written, as plain text].
    notes: std::collections::BTreeMap<usize, (&'a str, String)>,
    /// The market's owners by task position (role ids), where it changes them.
    owners: std::collections::BTreeMap<usize, &'a str>,
    /// The market's durations by task position, where it changes them.
    durations: std::collections::BTreeMap<usize, String>,
    /// The last due date, days from kickoff (or null).
    end: Option<i32>,
    /// The critical path's task positions, first to last.
    critical_path: Vec<usize>,
    /// What the market leaves off: [task position, why].
    skipped: Vec<(usize, &'a str)>,
    /// Market-entry tasks the home market leaves off.
    entry_left_out: usize,
    /// The company phases and steps this market's phases wait for.
    prereqs: Vec<checklist::Prerequisite<'a>>,
    /// The company program's name and kickoff (heading the prerequisites).
    company: (&'a str, String),
    /// Recorded progress: task id → [done on, by (or null), note (or null)].
    done: std::collections::BTreeMap<&'a str, (String, Option<&'a str>, Option<&'a str>)>,
    /// Each month a row is due in ("2025-06") → its heading in the page's
    /// language ("Juni 2025"), as the static checklist writes it.
    months: std::collections::BTreeMap<String, String>,
    /// The CSV's columns and header, the Markdown's words (in the page's
    /// language), as `checklist::to_csv` and `to_markdown` write them: the
    /// browser writes the downloads from these, not from its own copy.
    spec: checklist::FormatSpec,
}

fn dates(w: DueWindow) -> (String, Option<String>) {
    (w.start.to_string(), w.end.map(|d| d.to_string()))
}

/// `window.PLAYBOOK_CHECKLIST = {…};` for market `m`, from its schedule,
/// month headings in the language `lang`.
pub fn market_js(
    lists: &Checklists<'_>,
    m: Idx<Market>,
    sched: &Scheduled<'_>,
    lang: &str,
) -> String {
    let pb = lists.pb;
    let market = &pb.markets[m];
    let position = lists.positions();
    let kickoff = market.kickoff;
    let off = |d: Date| playbook_content::schedule::days_between(kickoff, d);
    // Reasons: one list per distinct rule (and one for the market's own).
    let regs: Vec<String> = market
        .regulations
        .iter()
        .map(|&r| pb.regulations[r].id.clone())
        .collect();
    let facts = playbook_content::rules::MarketFacts {
        id: &market.id,
        region: &market.region,
        regulations: &regs,
        tags: &market.tags,
    };
    let mut reasons: Vec<Vec<String>> = Vec::new();
    // Each distinct rule's index in `reasons`, once it has one (-1: not yet).
    let mut rule_idx: Vec<i64> = vec![-1; lists.rules().len()];
    let mut own_idx: Option<i64> = None;
    // Which tasks the list holds (a dense table: looked up for every
    // dependency of every row).
    let mut listed: IdxVec<Task, bool> = IdxVec::filled(false, pb.tasks.len());
    for r in &sched.list.rows {
        for t in std::iter::once(r.task).chain(r.also.iter().copied()) {
            listed[t] = true;
        }
    }
    // The market's adjustments, when it makes any (most rows have none).
    let adjusts = Some(&market.adjust).filter(|a| !a.is_empty());
    let adjust = |x: Idx<Task>| adjusts.and_then(|a| a.get(&x));
    let mut rows = Vec::with_capacity(sched.list.rows.len());
    // Each row's start and due as days from kickoff (-1: ongoing), then
    // the rows by due date, ongoing last, then by start (a stable sort: ties
    // keep plan order, and plan order is mostly date order already).
    let days: Vec<(i32, i32)> = sched
        .plan
        .items
        .iter()
        .map(|p| (off(p.start), p.due.map_or(-1, off)))
        .collect();
    let mut order: Vec<usize> = (0..sched.list.rows.len()).collect();
    order.sort_by_key(|&i| {
        let (start, due) = days[i];
        (sched.plan.items[i].due.is_none(), due, start)
    });
    for i in order {
        let l = &sched.list.rows[i];
        let p = &sched.plan.items[i];
        let (start, due) = days[i];
        let f = lists.facts(l.task);
        let why = if f.own {
            *own_idx.get_or_insert_with(|| {
                reasons.push(vec![format!("market: {}", market.id)]);
                reasons.len() as i64 - 1
            })
        } else if let Some(r) = lists.rule_of(l.task) {
            if rule_idx[r] < 0 {
                reasons.push(playbook_content::rules::reasons(
                    Some(lists.rules()[r]),
                    facts,
                ));
                rule_idx[r] = reasons.len() as i64 - 1;
            }
            rule_idx[r]
        } else {
            -1
        };
        let mut waits: Vec<usize> = Vec::new();
        let may_wait = f.waits || !l.also.is_empty() || adjusts.is_some();
        for x in std::iter::once(l.task)
            .chain(l.also.iter().copied())
            .filter(|_| may_wait)
        {
            let extra = adjust(x).map(|a| a.after.as_slice()).unwrap_or(&[]);
            for &d in pb.tasks[x].after.iter().chain(extra) {
                if listed[d] || lists.company_due(d).is_some() {
                    let pos = position[d];
                    if !waits.contains(&pos) {
                        waits.push(pos);
                    }
                }
            }
        }
        rows.push(DataRow {
            pos: position[l.task],
            start,
            due,
            critical: u8::from(p.critical),
            why,
            also: l.also.iter().map(|&x| position[x]).collect(),
            waits,
        });
    }
    let mut notes = std::collections::BTreeMap::new();
    let mut owners = std::collections::BTreeMap::new();
    let mut durations = std::collections::BTreeMap::new();
    for (&t, a) in &market.adjust {
        let pos = position[t];
        if let Some(n) = &a.note {
            notes.insert(pos, (n.as_str(), crate::render::context::plain_text(pb, n)));
        }
        if let Some(o) = &a.owner {
            owners.insert(pos, o.as_str());
        }
        if let Some(d) = a.duration {
            durations.insert(pos, d.to_string());
        }
    }
    let spec = checklist::FormatSpec::new(
        pb,
        &checklist::Facts::of_scheduled(sched, checklist::Order::Date),
        sched.list.rows.iter().filter_map(|l| {
            adjust(l.task)
                .and_then(|a| a.duration)
                .or(lists.facts(l.task).duration)
        }),
    );
    let doc = MarketData {
        id: &market.id,
        region: &market.region,
        name: &market.name,
        kickoff: kickoff.to_string(),
        lead: checklist::launch_lead(pb, m),
        count: sched.list.rows.len(),
        team: &market.team,
        phases: pb
            .phases
            .iter()
            .map(|p| dates(playbook_content::schedule::phase_window(kickoff, p.window)))
            .collect(),
        blocks: pb
            .blocks
            .iter()
            .map(|b| dates(block_window(kickoff, pb.phases[b.phase].window, b.weeks)))
            .collect(),
        months: {
            let mut firsts: Vec<Date> = sched
                .plan
                .items
                .iter()
                .filter_map(|p| p.due.map(|d| d.first_of_month()))
                .collect();
            firsts.sort_unstable();
            firsts.dedup();
            firsts
        }
        .into_iter()
        .map(|first| {
            (
                first.strftime("%Y-%m").to_string(),
                playbook_content::language::dates::month_year(lang, first),
            )
        })
        .collect(),
        reasons,
        rows,
        notes,
        owners,
        durations,
        end: sched.plan.end.map(off),
        critical_path: sched
            .plan
            .critical_path
            .iter()
            .map(|&i| position[sched.list.rows[i].task])
            .collect(),
        skipped: sched
            .list
            .skipped
            .iter()
            .map(|&(t, why)| (position[t], why))
            .collect(),
        entry_left_out: sched.list.entry_left_out,
        prereqs: {
            let mut phases: Vec<Idx<Phase>> = sched
                .list
                .rows
                .iter()
                .map(|l| pb.steps[pb.tasks[l.task].step].phase)
                .collect();
            phases.sort_unstable();
            phases.dedup();
            checklist::prerequisites_of(pb, phases)
        },
        company: {
            let h = Program::Company.head(pb);
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
        spec,
    };
    // Written straight after the assignment (a market's data is a
    // megabyte at 40,000 rows: no second copy).
    let mut out = b"window.PLAYBOOK_CHECKLIST = ".to_vec();
    if serde_json::to_writer(&mut out, &doc).is_err() {
        out.truncate("window.PLAYBOOK_CHECKLIST = ".len());
        out.extend_from_slice(b"null");
    }
    out.extend_from_slice(b";\n");
    String::from_utf8(out).unwrap_or_default()
}

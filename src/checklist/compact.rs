//! A market's checklist without its text ([`Compact`]): which positions of
//! the site-wide task order apply and why, for sites too big to write every
//! market's rows out, made from a [`ChecklistIndex`] worked out once.

use super::*;

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
    /// Rows standing for a `same_as` group: the row's position and the
    /// positions of the group's other members that apply here.
    pub also: Vec<(usize, Vec<usize>)>,
}

/// Is a task not simply on every market's checklist? Its rule (or its
/// market) decides, or it is company work (on none), or it is linked
/// `same_as` (each market shows the earliest of its group).
pub fn is_gated(pb: &Playbook, task: usize) -> bool {
    let t = &pb.tasks[task];
    t.market.is_some() || t.rule.is_some() || t.scope == Scope::Company || !t.same_as.is_empty()
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
    /// Per task: its position in `order` (`usize::MAX` for none).
    pub position: Vec<usize>,
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
            position: vec![usize::MAX; pb.tasks.len()],
        };
        for (pos, &ti) in order.iter().enumerate() {
            ix.position[ti] = pos;
        }
        // By rule; `None`: linked tasks without a rule (no reasons).
        let mut groups: std::collections::HashMap<Option<&crate::model::raw::Rule>, usize> =
            Default::default();
        for (pos, &ti) in order.iter().enumerate() {
            let t = &pb.tasks[ti];
            if !is_gated(pb, ti) {
                ix.everywhere_per_phase[pb.steps[t.step].phase] += 1;
                continue;
            }
            let group = match (t.market, t.rule.as_ref()) {
                (None, rule) => *groups.entry(rule).or_insert_with(|| {
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
        count: ix.everywhere_per_phase.iter().sum::<usize>(),
        per_phase: ix.everywhere_per_phase.clone(),
        gated: Vec::with_capacity(gated.len()),
        reasons: Vec::new(),
        also: Vec::new(),
    };
    // Tasks sharing a rule share its reasons: work them out once per rule.
    let mut local = vec![usize::MAX; ix.group_task.len()];
    for &(pos, group) in gated {
        let ti = ix.order[pos];
        if !pb.tasks[ti].same_as.is_empty() {
            let members = group_on(pb, ti, market.kickoff, |x| pb.applies(x, m));
            if members.first() != Some(&ti) {
                continue;
            }
            c.also
                .push((pos, members[1..].iter().map(|&x| ix.position[x]).collect()));
        }
        c.count += 1;
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

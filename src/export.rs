//! `playbook.json`: the whole resolved model for other tools (documented in
//! `docs/playbook-json.md`). Ids, titles, URLs and relations; Markdown fields
//! are included as written (source Markdown, not HTML).

use crate::model::{EntityRef, Idx, Phase, Playbook, Step};
use serde_json::{json, Value};

fn refs(pb: &Playbook, v: &[EntityRef]) -> Vec<Value> {
    v.iter()
        .map(|&e| json!({"kind": e.kind.name(), "id": pb.id(e)}))
        .collect()
}

// The step and task records, the bulk of the file, are serialized straight
// from these borrowed structs instead of through `json!` trees. Their fields
// are in alphabetical order: the order serde_json gives an object built with
// `json!`, so the bytes are the same either way.

#[derive(serde::Serialize)]
struct FrameworkOut<'a> {
    components: Vec<ComponentOut<'a>>,
    id: &'a str,
    phases: Vec<PhaseOut<'a>>,
    risks: Vec<Value>,
    source: Value,
    summary: Value,
    title: &'a str,
    url: String,
}

#[derive(serde::Serialize)]
struct ComponentOut<'a> {
    id: &'a str,
    number: Value,
    phases: Vec<PhaseOut<'a>>,
    subtitle: Value,
    summary: Value,
    title: &'a str,
    url: String,
}

#[derive(serde::Serialize)]
struct PhaseOut<'a> {
    id: &'a str,
    number: Option<u32>,
    steps: Vec<StepOut<'a>>,
    summary: Option<&'a str>,
    title: &'a str,
    window: Value,
}

#[derive(serde::Serialize)]
struct StepOut<'a> {
    activities: Vec<ActivityOut<'a>>,
    block: Option<BlockOut<'a>>,
    guidance: Option<&'a str>,
    id: &'a str,
    number: Option<u32>,
    title: &'a str,
    url: String,
}

#[derive(serde::Serialize)]
struct ActivityOut<'a> {
    id: &'a str,
    tasks: Vec<TaskOut<'a>>,
    title: &'a str,
}

#[derive(serde::Serialize)]
struct TaskOut<'a> {
    applies_to: Option<Value>,
    description: Option<&'a str>,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    markets: Option<Vec<&'a str>>,
    owner: Option<&'a str>,
    title: &'a str,
}

#[derive(serde::Serialize)]
struct BlockOut<'a> {
    id: &'a str,
    title: &'a str,
    weeks: Option<[u32; 2]>,
}

/// Serialize the resolved playbook (stable key order; byte-identical across builds).
pub(crate) fn playbook_json(pb: &Playbook) -> Result<String, crate::diag::Diagnostic> {
    let step = |s: Idx<Step>| -> StepOut<'_> {
        let st = &pb.steps[s];
        let b = &pb.blocks[st.block];
        StepOut {
            activities: st
                .activities
                .iter()
                .map(|a| ActivityOut {
                    id: &a.id,
                    tasks: a
                        .tasks
                        .iter()
                        .map(|&t| {
                            let task = &pb.tasks[t];
                            TaskOut {
                                applies_to: task.rule.as_ref().map(|r| json!(r)),
                                description: task.description.as_deref(),
                                id: &task.id,
                                // Listing every market for every task would grow with
                                // markets × tasks; a task without a rule applies everywhere.
                                markets: task.rule.as_ref().map(|_| {
                                    pb.task_markets[t]
                                        .iter()
                                        .map(|&m| pb.markets[m].id.as_str())
                                        .collect()
                                }),
                                owner: task.owner.as_deref(),
                                title: &task.title,
                            }
                        })
                        .collect(),
                    title: &a.title,
                })
                .collect(),
            block: (!b.implicit).then(|| BlockOut {
                id: &b.id,
                title: &b.title,
                weeks: b.weeks.map(|(a, z)| [a, z]),
            }),
            guidance: st.guidance.as_deref(),
            id: &st.id,
            number: st.number,
            title: &st.title,
            url: pb.url(EntityRef::from(s)),
        }
    };
    let phase = |p: Idx<Phase>| -> PhaseOut<'_> {
        let ph = &pb.phases[p];
        PhaseOut {
            id: &ph.id,
            number: ph.number,
            steps: ph
                .blocks
                .iter()
                .flat_map(|&b| pb.blocks[b].steps.iter())
                .map(|&s| step(s))
                .collect(),
            summary: ph.summary.as_deref(),
            title: &ph.title,
            window: json!(ph.window),
        }
    };
    let frameworks = || {
        pb.frameworks.iter_enumerated().map(|(i, f)| FrameworkOut {
            components: f
                .components
                .iter()
                .map(|&c| {
                    let comp = &pb.components[c];
                    ComponentOut {
                        id: &comp.id,
                        number: json!(comp.number),
                        phases: comp.phases.iter().map(|&p| phase(p)).collect(),
                        subtitle: json!(comp.subtitle),
                        summary: json!(comp.summary),
                        title: &comp.title,
                        url: pb.url(EntityRef::from(c)),
                    }
                })
                .collect(),
            id: &f.id,
            phases: f
                .phases
                .iter()
                .filter(|&&p| pb.phases[p].component.is_none())
                .map(|&p| phase(p))
                .collect(),
            risks: f.risks.iter().map(|r| json!({"id": r.id, "title": r.title, "description": r.description,
                "mitigation": {"title": r.mitigation_title, "description": r.mitigation},
                "threatens": r.threatens.iter().map(|&s| pb.steps[s].id.clone()).collect::<Vec<_>>()})).collect(),
            source: json!(f.source),
            summary: json!(f.summary),
            title: &f.title,
            url: pb.url(EntityRef::from(i)),
        })
    };
    let metrics = || {
        pb.metrics.iter_enumerated().map(|(i, m)| json!({
        "id": m.id, "name": m.name, "url": pb.url(EntityRef::from(i)), "group": pb.metric_groups[m.group].id,
        "description": m.description, "target": m.target, "measures": refs(pb, &m.measures),
    }))
    };
    let markets = || {
        pb.markets.iter_enumerated().map(|(i, m)| json!({
        "id": m.id, "name": m.name, "url": pb.url(EntityRef::from(i)), "region": m.region, "summary": m.summary,
        "regulations": m.regulations.iter().map(|&r| pb.regulations[r].id.clone()).collect::<Vec<_>>(),
        "tags": m.tags, "languages": m.languages, "currency": m.currency, "kickoff": m.kickoff.to_string(),
        "team": m.team, "partners": m.partners,
        "tasks": m.tasks.iter().map(|&t| json!({"id": pb.tasks[t].id, "step": pb.steps[pb.tasks[t].step].id, "title": pb.tasks[t].title, "owner": pb.tasks[t].owner})).collect::<Vec<_>>(),
        "actuals": m.actuals.iter().map(|(x, a)| {
            let mt = &pb.metrics[*x];
            json!({"metric": mt.id, "value": a.value, "as_of": a.as_of.map(|d| d.to_string()), "met": mt.target.op.met(a.value, mt.target.value)})
        }).collect::<Vec<_>>(),
        "checklist_url": format!("{}checklist/", pb.url(EntityRef::from(i))),
    }))
    };
    let regulations = || {
        pb.regulations.iter_enumerated().map(|(i, g)| json!({
        "id": g.id, "name": g.name, "official_name": g.official_name, "jurisdiction": g.jurisdiction, "in_force": g.in_force,
        "link": g.link, "url": pb.url(EntityRef::from(i)), "summary": g.summary,
        "obligations": g.obligations.iter().map(|o| json!({"topic": o.topic, "text": o.text, "sources": o.sources.iter().map(|&k| &g.sources[k].id).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "reviewed": g.reviewed.map(|d| d.to_string()),
        "sources": g.sources.iter().map(|s| json!({"id": s.id, "title": s.title, "url": s.url, "checked": s.checked.to_string()})).collect::<Vec<_>>(),
        "in_force_source": g.in_force_source.map(|k| &g.sources[k].id),
        "deadlines": g.deadlines.iter().map(|d| json!({"id": d.id, "date": d.date.to_string(), "what": d.what, "source": g.sources[d.source].id, "confirmed": d.confirmed})).collect::<Vec<_>>(),
        "watch": g.watch.iter().map(|w| json!({"what": w.what, "sources": w.sources.iter().map(|&k| &g.sources[k].id).collect::<Vec<_>>(), "confirmed": w.confirmed})).collect::<Vec<_>>(),
    }))
    };
    let experts = || {
        pb.experts.iter_enumerated().map(|(i, x)| json!({
        "id": x.id, "name": x.name, "role": x.role, "composite": x.composite, "url": pb.url(EntityRef::from(i)),
        "advice": x.advice.iter().map(|(t, s)| json!({"text": t, "steps": s.iter().map(|&s| pb.steps[s].id.clone()).collect::<Vec<_>>()})).collect::<Vec<_>>(),
    }))
    };
    let research = || {
        pb.research.iter_enumerated().map(|(i, r)| json!({
        "id": r.id, "title": r.title, "category": r.category, "url": pb.url(EntityRef::from(i)), "summary": r.summary,
        "results": r.results, "supports": refs(pb, &r.supports),
    }))
    };
    let chapters = || {
        pb.chapters.iter_enumerated().map(|(i, c)| json!({
        "id": c.id, "title": c.title, "act": c.act, "section": c.section, "url": pb.url(EntityRef::from(i)),
        "summary": c.summary, "applies": refs(pb, &c.applies),
    }))
    };
    let backlinks = || {
        pb.backlinks.iter().map(|(to, from)| json!({
        "target": {"kind": to.kind.name(), "id": pb.id(*to)},
        "referenced_by": from.iter().map(|&e| json!({"kind": e.kind.name(), "id": pb.id(e)})).collect::<Vec<_>>(),
    }))
    };
    // Written one entity at a time (keys in the sorted order serde_json
    // gives an object), so the whole model never exists as one JSON tree:
    // at 50,000 tasks that tree was the largest allocation of a build.
    let mut out: Vec<u8> = Vec::with_capacity(1 << 16);
    let scalar = |out: &mut Vec<u8>, key: &str, v: &Value| {
        let _ = serde_json::to_writer(&mut *out, key);
        out.push(b':');
        let _ = serde_json::to_writer(&mut *out, v);
        out.push(b',');
    };
    fn array<T: serde::Serialize>(out: &mut Vec<u8>, key: &str, items: impl Iterator<Item = T>) {
        let _ = serde_json::to_writer(&mut *out, key);
        out.extend_from_slice(b":[");
        for (i, v) in items.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let _ = serde_json::to_writer(&mut *out, &v);
        }
        out.extend_from_slice(b"],");
    }
    out.push(b'{');
    array(&mut out, "backlinks", backlinks());
    scalar(&mut out, "base_url", &json!(pb.config.build.base_url));
    array(&mut out, "chapters", chapters());
    scalar(&mut out, "description", &json!(pb.config.book.description));
    array(&mut out, "experts", experts());
    scalar(&mut out, "format", &json!("playbook.json/1"));
    array(&mut out, "frameworks", frameworks());
    array(&mut out, "markets", markets());
    array(&mut out, "metrics", metrics());
    array(&mut out, "regulations", regulations());
    array(&mut out, "research", research());
    scalar(&mut out, "roles", &json!(pb.roles));
    scalar(&mut out, "title", &json!(pb.config.book.title));
    out.pop();
    out.extend_from_slice(b"}\n");
    String::from_utf8(out)
        .map_err(|_| crate::diag::Diagnostic::internal("playbook.json was not UTF-8 as written"))
}

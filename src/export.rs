//! `playbook.json`: the whole resolved model for other tools (documented in
//! `docs/playbook-json.md`). Ids, titles, URLs and relations; Markdown fields
//! are included as written (source Markdown, not HTML).

use crate::model::{EntityRef, Kind, Playbook};
use serde_json::{json, Value};

fn er(kind: Kind, idx: usize) -> EntityRef {
    EntityRef { kind, idx }
}

fn refs(pb: &Playbook, v: &[EntityRef]) -> Vec<Value> {
    v.iter()
        .map(|&e| json!({"kind": e.kind.name(), "id": pb.id(e)}))
        .collect()
}

/// Serialize the resolved playbook (stable key order; byte-identical across builds).
pub fn playbook_json(pb: &Playbook) -> String {
    let step = |s: usize| -> Value {
        let st = &pb.steps[s];
        let b = &pb.blocks[st.block];
        json!({
            "id": st.id, "number": st.number, "title": st.title, "url": pb.url(er(Kind::Step, s)),
            "guidance": st.guidance,
            "block": if b.implicit { Value::Null } else { json!({"id": b.id, "title": b.title, "weeks": b.weeks.map(|(a, z)| [a, z])}) },
            "activities": st.activities.iter().map(|a| json!({
                "id": a.id, "title": a.title,
                "tasks": a.tasks.iter().map(|&t| {
                    let task = &pb.tasks[t];
                    let mut v = json!({"id": task.id, "title": task.title, "description": task.description, "owner": task.owner,
                                       "applies_to": task.rule});
                    // Listing every market for every task would grow with
                    // markets × tasks; a task without a rule applies everywhere.
                    if task.rule.is_some() {
                        v["markets"] = json!(pb.task_markets[t].iter().map(|&m| pb.markets[m].id.as_str()).collect::<Vec<_>>());
                    }
                    v
                }).collect::<Vec<_>>()
            })).collect::<Vec<_>>(),
        })
    };
    let phase = |p: usize| -> Value {
        let ph = &pb.phases[p];
        json!({"id": ph.id, "number": ph.number, "title": ph.title, "window": ph.window, "summary": ph.summary,
               "steps": ph.blocks.iter().flat_map(|&b| pb.blocks[b].steps.clone()).map(step).collect::<Vec<_>>()})
    };
    let frameworks = || {
        pb.frameworks.iter().enumerate().map(|(i, f)| json!({
        "id": f.id, "title": f.title, "url": pb.url(er(Kind::Framework, i)), "summary": f.summary, "source": f.source,
        "components": f.components.iter().map(|&c| {
            let comp = &pb.components[c];
            json!({"id": comp.id, "number": comp.number, "title": comp.title, "subtitle": comp.subtitle, "url": pb.url(er(Kind::Component, c)),
                   "summary": comp.summary, "phases": comp.phases.iter().map(|&p| phase(p)).collect::<Vec<_>>()})
        }).collect::<Vec<_>>(),
        "phases": f.phases.iter().filter(|&&p| pb.phases[p].component.is_none()).map(|&p| phase(p)).collect::<Vec<_>>(),
        "risks": f.risks.iter().map(|r| json!({"id": r.id, "title": r.title, "description": r.description,
            "mitigation": {"title": r.mitigation_title, "description": r.mitigation},
            "threatens": r.threatens.iter().map(|&s| pb.steps[s].id.clone()).collect::<Vec<_>>()})).collect::<Vec<_>>(),
    }))
    };
    let metrics = || {
        pb.metrics.iter().enumerate().map(|(i, m)| json!({
        "id": m.id, "name": m.name, "url": pb.url(er(Kind::Metric, i)), "group": pb.metric_groups[m.group].id,
        "description": m.description, "target": m.target, "measures": refs(pb, &m.measures),
    }))
    };
    let markets = || {
        pb.markets.iter().enumerate().map(|(i, m)| json!({
        "id": m.id, "name": m.name, "url": pb.url(er(Kind::Market, i)), "region": m.region, "summary": m.summary,
        "regulations": m.regulations.iter().map(|&r| pb.regulations[r].id.clone()).collect::<Vec<_>>(),
        "tags": m.tags, "languages": m.languages, "currency": m.currency, "kickoff": m.kickoff.to_string(),
        "team": m.team, "partners": m.partners,
        "tasks": m.tasks.iter().map(|&t| json!({"id": pb.tasks[t].id, "step": pb.steps[pb.tasks[t].step].id, "title": pb.tasks[t].title, "owner": pb.tasks[t].owner})).collect::<Vec<_>>(),
        "actuals": m.actuals.iter().map(|(x, a)| {
            let mt = &pb.metrics[*x];
            json!({"metric": mt.id, "value": a.value, "as_of": a.as_of.map(|d| d.to_string()), "met": mt.target.op.met(a.value, mt.target.value)})
        }).collect::<Vec<_>>(),
        "checklist_url": format!("{}checklist/", pb.url(er(Kind::Market, i))),
    }))
    };
    let regulations = || {
        pb.regulations.iter().enumerate().map(|(i, g)| json!({
        "id": g.id, "name": g.name, "official_name": g.official_name, "jurisdiction": g.jurisdiction, "in_force": g.in_force,
        "link": g.link, "url": pb.url(er(Kind::Regulation, i)), "summary": g.summary,
        "obligations": g.obligations.iter().map(|o| json!({"topic": o.topic, "text": o.text})).collect::<Vec<_>>(),
    }))
    };
    let experts = || {
        pb.experts.iter().enumerate().map(|(i, x)| json!({
        "id": x.id, "name": x.name, "role": x.role, "composite": x.composite, "url": pb.url(er(Kind::Expert, i)),
        "advice": x.advice.iter().map(|(t, s)| json!({"text": t, "steps": s.iter().map(|&s| pb.steps[s].id.clone()).collect::<Vec<_>>()})).collect::<Vec<_>>(),
    }))
    };
    let research = || {
        pb.research.iter().enumerate().map(|(i, r)| json!({
        "id": r.id, "title": r.title, "category": r.category, "url": pb.url(er(Kind::Research, i)), "summary": r.summary,
        "results": r.results, "supports": refs(pb, &r.supports),
    }))
    };
    let chapters = || {
        pb.chapters.iter().enumerate().map(|(i, c)| json!({
        "id": c.id, "title": c.title, "act": c.act, "section": c.section, "url": pb.url(er(Kind::Chapter, i)),
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
    let array = |out: &mut Vec<u8>, key: &str, items: &mut dyn Iterator<Item = Value>| {
        let _ = serde_json::to_writer(&mut *out, key);
        out.extend_from_slice(b":[");
        for (i, v) in items.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let _ = serde_json::to_writer(&mut *out, &v);
        }
        out.extend_from_slice(b"],");
    };
    out.push(b'{');
    array(&mut out, "backlinks", &mut backlinks());
    scalar(&mut out, "base_url", &json!(pb.config.build.base_url));
    array(&mut out, "chapters", &mut chapters());
    scalar(&mut out, "description", &json!(pb.config.book.description));
    array(&mut out, "experts", &mut experts());
    scalar(&mut out, "format", &json!("playbook.json/1"));
    array(&mut out, "frameworks", &mut frameworks());
    array(&mut out, "markets", &mut markets());
    array(&mut out, "metrics", &mut metrics());
    array(&mut out, "regulations", &mut regulations());
    array(&mut out, "research", &mut research());
    scalar(&mut out, "roles", &json!(pb.roles));
    scalar(&mut out, "title", &json!(pb.config.book.title));
    out.pop();
    out.extend_from_slice(b"}\n");
    String::from_utf8(out).unwrap_or_default()
}

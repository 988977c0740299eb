//! A framework's records in `playbook.json`: the framework with its
//! components, phases, steps and tasks nested inside (the framework kind's
//! [`Export`]; components, steps and tasks have no section of their own).

use super::{write_json_array, Export};
use crate::model::{EntityRef, Idx, Phase, Playbook, Step};
use serde_json::{json, Value};

/// The framework kind's section of `playbook.json`.
pub(super) const EXPORT: Export = Export {
    key: "frameworks",
    write,
};

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

/// Write every framework's record.
fn write(pb: &Playbook, out: &mut Vec<u8>) {
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
    write_json_array(out, frameworks());
}

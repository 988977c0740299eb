//! The skeletons' text of the entries `playbook new` writes into a
//! parent's file (steps, tasks, metrics; a kind that is a file of its own
//! has its skeleton beside its registry row, `model/kinds/<kind>.rs`):
//! every field a user must fill is marked `TODO` (a comment, and a
//! placeholder value that already validates), optional fields are shown as
//! comments, and placeholders come from the playbook itself (its roles).

use playbook_content::model::kinds::skeleton::{human, list};
use playbook_content::model::Playbook;

/// The role a new task is owned by until someone says otherwise.
fn default_role<'a>(pb: &'a Playbook, hint: Option<&'a str>) -> &'a str {
    hint.or_else(|| pb.roles.keys().next().map(String::as_str))
        .unwrap_or("")
}

/// A task, as an item of an activity's `tasks:`.
fn task_lines(pb: &Playbook, id: Option<&str>, title: &str, owner: Option<&str>) -> String {
    let roles = list(pb.roles.keys().map(String::as_str));
    let owner = default_role(pb, owner);
    let id_line = id
        .map(|id| format!("- id: {id}\n  "))
        .unwrap_or_else(|| "- ".into());
    let owner_line = if owner.is_empty() {
        "  # owner: legal                 # TODO: the role that owns it (content/roles.yaml has none yet)\n".to_string()
    } else {
        format!("  owner: {owner:<24} # TODO: the role that owns it, one of: {roles}\n")
    };
    format!(
        "{id_line}title: {title:<24} # TODO: the task's title (unique within its step)
  description: >-
    TODO: what to do, and what \"done\" looks like (Markdown).
{owner_line}  # applies_to:                   # optional: only the markets that match (AND across keys, OR within)
  #   tags: [data-residency]
"
    )
}

/// A new task `id` (its full id is `<step>/<id>`).
pub(super) fn task(pb: &Playbook, id: &str, owner: Option<&str>) -> String {
    task_lines(pb, Some(id), &human(id), owner)
}

/// A new step, with one activity and one task to start from.
pub(super) fn step(pb: &Playbook, id: &str, number: Option<u32>) -> String {
    let number = match number {
        Some(n) => format!("  number: {n:<22} # TODO: the step's number in its framework (renumber the steps after it)\n"),
        None => String::new(),
    };
    let task = task_lines(pb, None, "First task", None);
    let task: String = task.lines().map(|l| format!("        {l}\n")).collect();
    format!(
        "- id: {id}
{number}  title: {title:<24} # TODO: the step's title
  guidance: >-
    TODO: what this step is for and how to run it (Markdown).
  activities:
    - title: Activity             # TODO: the activity's title
      tasks:
{task}",
        title = human(id),
    )
}

/// A new metric of a group (`framework`: the group's framework index).
pub(super) fn metric(
    pb: &Playbook,
    id: &str,
    framework: Option<playbook_content::model::Idx<playbook_content::model::Framework>>,
) -> String {
    let example = match framework {
        Some(f) => format!("[\"framework:{}\"]", pb.frameworks[f].id),
        None => "[\"component:<id>\"]".into(),
    };
    format!(
        "- id: {id}
  name: {name:<24} # TODO: the metric's name
  description: >-
    TODO: what it measures and how it is measured (Markdown).
  # TODO: the target: op is one of >=, <=, >, <, =; unit is free text (%, ms, hours, x); period is optional (year, quarter, month)
  target: {{ op: \">=\", value: 0, unit: \"%\", text: \"TODO: the target in words\" }}
  measures: []                   # TODO: what it measures (component, step or framework), e.g. {example}
  # lower_is_better: true        # optional: when a smaller value is better
",
        name = human(id),
    )
}

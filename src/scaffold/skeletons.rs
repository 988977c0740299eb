//! The skeletons' text: every field a user must fill is marked `TODO`
//! (a comment, and a placeholder value that already validates), optional
//! fields are shown as comments, and placeholders come from the playbook
//! itself (its roles, regions, tags, regulations, acts).

use crate::model::Playbook;
use jiff::civil::Date;
use std::collections::BTreeSet;

/// `data-act` → `Data act`: a readable placeholder title from an id.
fn human(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `a, b, c` of a set of names (or `none yet`).
fn list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let v: Vec<&str> = names.into_iter().collect();
    if v.is_empty() {
        "none yet".into()
    } else {
        v.join(", ")
    }
}

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
    framework: Option<crate::model::Idx<crate::model::Framework>>,
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

/// A new market file: a draft (not a live launch until its kickoff is set
/// and the `draft` line removed), its region left to say (no region is
/// guessed from another market's).
pub(super) fn market(pb: &Playbook, id: &str, today: Date) -> String {
    let regions: BTreeSet<&str> = pb.markets.iter().map(|m| m.region.as_str()).collect();
    let tags: BTreeSet<&str> = pb
        .markets
        .iter()
        .flat_map(|m| m.tags.iter().map(String::as_str))
        .collect();
    let regulations = list(pb.regulations.iter().map(|r| r.id.as_str()));
    let roles = list(pb.roles.keys().map(String::as_str));
    format!(
        "# A market: its page, timeline, scorecard and launch checklist
# (docs/content-model.md, \"Markets\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
draft: true                  # TODO: remove this line once the kickoff below is set: until then it is no live launch (/status/)
name: {name:<22} # TODO: the market's name, e.g. Germany
region: TODO                 # TODO: its region (`applies_to` rules select tasks by it): one of {regions}, or a new one
summary: >-
  TODO: one paragraph: why this market, and what is special about launching there (Markdown).
regulations: []              # TODO: the regulations that apply; known: {regulations}
tags: []                     # TODO: the launch's traits that tasks apply to; known: {tags}
languages: []                # TODO: BCP 47 codes, e.g. [de, en]
# currency: EUR              # optional: ISO 4217 code
kickoff: {today}           # TODO: the launch's kickoff; week 1 of every phase starts that day
team: {{}}                     # TODO: role id -> person, e.g. {{ legal: \"Anna Schmidt\" }}; roles: {roles}
# partners:                  # optional
#   - name: Example GmbH
#     kind: reseller
# tasks:                     # optional: tasks only this market has, added to a step
#   - step: <step id>
#     title: <title>
#     owner: <role id>
# actuals:                   # optional: metric id -> the value observed here
#   <metric id>: {{ value: 0, as_of: {today} }}
",
        name = id.to_uppercase(),
        regions = list(regions.iter().copied()),
        tags = list(tags.iter().copied()),
    )
}

/// A new regulation file.
pub(super) fn regulation(id: &str) -> String {
    format!(
        "# A regulation (docs/content-model.md, \"Regulations\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
name: {name:<22} # TODO: the short name, e.g. GDPR
# official_name: …           # optional: the official title
jurisdiction: TODO           # TODO: where it applies, e.g. European Union / EEA
# in_force: \"25 May 2018\"    # optional: since when
# link: https://…            # optional: the official text
# reviewed: 2026-01-01       # optional: when this page was last checked against the law
summary: >-
  TODO: what the regulation is and whom it binds (Markdown).
obligations:
  - topic: TODO              # TODO: e.g. Breach notification
    text: >-
      TODO: what it asks of operations (Markdown).
",
        name = human(id),
    )
}

/// A new expert file.
pub(super) fn expert(pb: &Playbook, id: &str) -> String {
    let step = pb.steps.first().map_or("<step id>", |s| s.id.as_str());
    format!(
        "# An expert (docs/content-model.md, \"Experts\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
name: {name:<22} # TODO: the expert's name
role: TODO                   # TODO: role and organisation, e.g. VP of Engineering
composite: true              # TODO: false only for a real, named person; a composite's page says so
# category: …                # optional: field of expertise
background: >-
  TODO: who they are and what they have done (Markdown).
insight: >-
  TODO: their key insight, one paragraph (Markdown).
quotes: []                   # optional: [\"…\"]
# perspectives:              # optional
#   - title: …
#     text: …
advice:
  - text: >-
      TODO: one piece of actionable advice (Markdown).
    steps: []                # TODO: the steps it speaks to, e.g. [{step}]
",
        name = human(id),
    )
}

/// A new research page.
pub(super) fn research(pb: &Playbook, id: &str) -> String {
    let step = pb.steps.first().map_or("<step id>", |s| s.id.as_str());
    format!(
        "---
# A research page (docs/content-model.md, \"Research\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
title: {title:<21} # TODO: the finding's title
# category: …                # optional: free text
summary: >-
  TODO: the finding in one paragraph (Markdown).
supports: []                 # TODO: what it supports, e.g. [\"step:{step}\"]
results:
  - label: TODO              # TODO: what was measured
    value: \"0%\"              # TODO: the figure, as text
    text: TODO               # optional: its context
---
TODO: the research itself (Markdown): what was studied, how, and what it found.
",
        title = human(id),
    )
}

/// A new story chapter (after the last one, in its act).
pub(super) fn chapter(pb: &Playbook, id: &str) -> String {
    let last = pb.chapters.last();
    let act = last.map_or(1, |c| c.act);
    let act_title = match last.and_then(|c| c.act_title.as_deref()) {
        Some(t) => format!("act_title: {}\n", yaml_string(t)),
        None => "# act_title: …              # optional: the act's title\n".into(),
    };
    format!(
        "---
# A story chapter (docs/content-model.md, \"Story chapters\"); its id is the
# file name without NN- and .md. Fill in the marked lines
# (`playbook check` warns while any mark is left).
title: {title:<21} # TODO: the chapter's title
act: {act:<23} # TODO: the act it belongs to
{act_title}# section: 1                # optional, with section_title
summary: >-
  TODO: one or two sentences (Markdown).
applies: []                  # TODO: what the chapter puts to work, in order, e.g. [\"framework:<id>\"]
---
TODO: the chapter (Markdown).

## Try it

TODO: something the reader can do with it.
",
        title = human(id),
    )
}

/// A string as a YAML double-quoted scalar.
fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

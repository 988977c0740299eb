//! `playbook new <kind> <id> [--in PARENT]`: a commented skeleton of a new
//! entity that builds at once, its fields to fill in marked `TODO`.
//!
//! Pure: [`plan`] takes the loaded [`Playbook`] (whose sources hold each
//! file's text) and returns what to write, a new file or an existing file's
//! new text; `cmd::new` writes it through `output`. In order:
//!
//! 1. the id must be a slug and new for its kind (an existing one is
//!    refused, pointing at where it is defined);
//! 2. the parent (`--in`) is found: a phase for a step, a step (and an
//!    activity) for a task, a metrics file for a metric; an unknown one gets
//!    a did-you-mean;
//! 3. the skeleton is written from [`skeletons`], with the playbook's own
//!    roles, regions and the like as placeholder values, so it validates;
//! 4. a step, task or metric is added as text to the end of its list in the
//!    parent's file ([`insert`]): the file's comments and order stay, and
//!    the new text is parsed back before it is offered.

mod insert;
mod skeletons;

use jiff::civil::Date;
use playbook_content::diag::{suggest, Diagnostic};
use playbook_content::model::kinds::{NewFile, Parent, Scaffold, Url};
use playbook_content::model::{
    Activity, Block, Component, EntityRef, Idx, Kind, Metric, MetricGroup, Phase, Playbook,
    SourceFile, Step, Task,
};
use playbook_content::yaml::SpanMap;

/// What `playbook new` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new file with this text.
    Create {
        /// The file's text.
        text: String,
    },
    /// An existing file: its text as read and its new text.
    Edit {
        /// The text the plan was made from (the write refuses if the file changed).
        old: String,
        /// The new text.
        new: String,
        /// First and last line (1-based) of the added lines.
        lines: (usize, usize),
    },
}

/// A planned `playbook new`: which file, what changes, and what it adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The kind of the new entity.
    pub kind: Kind,
    /// Its full id (a task's is `<step>/<id>`).
    pub id: String,
    /// The file, relative to the playbook root, `/`-separated.
    pub path: String,
    /// What happens to it.
    pub change: Change,
    /// Site-relative URL of the page that shows the new entity.
    pub url: String,
}

/// What [`plan`] needs besides the playbook and the arguments.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Today, the placeholder of a new market's kickoff.
    pub today: Date,
}

/// The kinds `playbook new` makes: those whose registry row has a
/// [`Scaffold`], in [`Kind::ALL`]'s order.
pub fn kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| k.info().scaffold.is_some())
}

/// Plan `playbook new <kind> <id> [--in parent]` on a loaded playbook.
pub fn plan(
    pb: &Playbook,
    kind: Kind,
    id: &str,
    parent: Option<&str>,
    opts: Options,
) -> Result<Plan, Diagnostic> {
    let Some(scaffold) = kind.info().scaffold else {
        return Err(
            Diagnostic::error(format!("playbook new cannot make a {}", kind.name()))
                .help(kinds_help()),
        );
    };
    if !is_slug(id) {
        return Err(
            Diagnostic::error(format!("`{id}` is not a valid id")).help(format!(
                "ids are lowercase letters, digits and inner `-`; for example `{}`",
                playbook_content::markdown::slugify(id)
            )),
        );
    }
    let needs_parent = matches!(scaffold, Scaffold::Entry(_));
    let parent = match (needs_parent, parent) {
        (true, None) => return Err(missing_parent(pb, kind)),
        (false, Some(p)) => return Err(Diagnostic::error(format!(
            "a {} has no parent: `--in {p}` is not needed",
            kind.name()
        ))
        .help(
            "`--in` is for a step (its phase), a task (its step) and a metric (its metrics file)",
        )),
        (_, p) => p.unwrap_or(""),
    };
    // An entry of a step (a task) is named under it: `<step>/<id>`.
    let full_id = match scaffold {
        Scaffold::Entry(Parent::Step) => {
            format!("{}/{id}", parent.split('/').next().unwrap_or(""))
        }
        Scaffold::Entry(Parent::Phase | Parent::MetricsFile) | Scaffold::File(_) => id.to_string(),
    };
    // A task's step is checked before its id: an unknown step is the news.
    if scaffold_parent(scaffold) == Some(Parent::Step) {
        task_target(pb, parent)?;
    }
    if let Some(r) = pb.lookup(kind, &full_id) {
        return Err(exists(pb, r));
    }
    match scaffold {
        Scaffold::Entry(Parent::Phase) => new_step(pb, id, parent),
        Scaffold::Entry(Parent::Step) => new_task(pb, id, &full_id, parent),
        Scaffold::Entry(Parent::MetricsFile) => new_metric(pb, id, parent),
        Scaffold::File(file) => new_file(pb, kind, file, id, opts),
    }
}

/// The parent an entry is written into (none for a file of its own).
fn scaffold_parent(scaffold: Scaffold) -> Option<Parent> {
    match scaffold {
        Scaffold::Entry(p) => Some(p),
        Scaffold::File(_) => None,
    }
}

/// `step, task, …` for a help line.
fn kinds_help() -> String {
    let names: Vec<&str> = kinds().map(|k| k.name()).collect();
    format!("it makes: {}", names.join(", "))
}

/// Lowercase ASCII letters, digits and inner `-` (what resolve accepts as an id).
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// The id exists: say where.
fn exists(pb: &Playbook, r: EntityRef) -> Diagnostic {
    let file = &pb.sources[pb.file_of(r)];
    let d = Diagnostic::error(format!(
        "{} `{}` already exists, in {}",
        r.kind.name(),
        pb.id(r),
        file.path
    ))
    .help("choose another id; nothing was written");
    let spans = spans_of(&file.path, &file.text);
    let offset = yaml_path(pb, r)
        .and_then(|p| {
            spans
                .key_or_value(&format!("{p}id"))
                .or_else(|| spans.key_or_value(p.trim_end_matches('.')))
        })
        .unwrap_or(0);
    d.at_offset(&file.path, &file.text, offset)
}

/// The span map of a YAML file or of a Markdown file's front matter.
fn spans_of(path: &str, text: &str) -> SpanMap {
    match playbook_content::yaml::split_front_matter(text) {
        Ok((start, end, _)) if path.ends_with(".md") => SpanMap::build(text, start, end),
        _ => SpanMap::build(text, 0, text.len()),
    }
}

/// `--in` is needed: say what it takes, with examples from this playbook.
fn missing_parent(pb: &Playbook, kind: Kind) -> Diagnostic {
    let parent = kind.info().scaffold.and_then(scaffold_parent);
    let (what, examples): (&str, Vec<String>) = match parent {
        Some(Parent::Phase) => (
            "the phase it goes in: `--in <phase>`, `--in <component>/<phase>` or `--in <phase>/<block>`",
            pb.phases.iter().map(|p| p.id.clone()).collect(),
        ),
        Some(Parent::Step) => (
            "the step it goes in: `--in <step>` (its first activity) or `--in <step>/<activity>`",
            pb.steps.iter().map(|s| s.id.clone()).collect(),
        ),
        Some(Parent::MetricsFile) => (
            "the metrics file it goes in: `--in <file name without .yaml>`",
            metric_files(pb).into_iter().map(|(stem, _)| stem).collect(),
        ),
        None => ("nothing: it is a file of its own", Vec::new()),
    };
    let shown: Vec<String> = examples.iter().take(5).cloned().collect();
    let more = if examples.len() > 5 { ", …" } else { "" };
    Diagnostic::error(format!("a new {} needs `--in PARENT`", kind.name())).help(format!(
        "name {what}; for example {}{more}",
        shown.join(", ")
    ))
}

/// An unknown parent, with a did-you-mean.
fn unknown(what: &str, wanted: &str, known: &[String]) -> Diagnostic {
    let d = Diagnostic::error(format!("no {what} `{wanted}`"));
    match suggest(wanted, known.iter().map(String::as_str)) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None if known.is_empty() => d.help(format!("the playbook has no {what} yet")),
        None => {
            let shown: Vec<&str> = known.iter().take(8).map(String::as_str).collect();
            let more = if known.len() > 8 { ", …" } else { "" };
            d.help(format!("known: {}{more}", shown.join(", ")))
        }
    }
}

/// Where an entity of a kind `playbook new` makes is in its file, as a
/// [`SpanMap`] path ending in `.` (empty for an entity that is the whole
/// file), when it is known.
fn yaml_path(pb: &Playbook, r: EntityRef) -> Option<String> {
    match r.kind.info().scaffold? {
        Scaffold::Entry(Parent::Phase) => step_path(pb, r.get()?).map(|p| format!("{p}.")),
        Scaffold::Entry(Parent::Step) => {
            let ti: Idx<Task> = r.get()?;
            let t = &pb.tasks[ti];
            let a = t.activity?;
            let k = pb.steps[t.step].activities[a]
                .tasks
                .iter()
                .position(|&x| x == ti)?;
            Some(format!(
                "{}.activities[{}].tasks[{k}].",
                step_path(pb, t.step)?,
                a.index()
            ))
        }
        Scaffold::Entry(Parent::MetricsFile) => {
            let mi: Idx<Metric> = r.get()?;
            let m = &pb.metrics[mi];
            let k = pb.metric_groups[m.group]
                .metrics
                .iter()
                .position(|&x| x == mi)?;
            Some(format!("metrics[{k}]."))
        }
        // The whole file, if the id is written in it (a chapter's is its
        // file's name).
        Scaffold::File(f) => f.id_in_file.then(String::new),
    }
}

/// The path of the list of steps a block is written as in its file.
fn block_steps_path(pb: &Playbook, block: Idx<Block>) -> Option<String> {
    let b = &pb.blocks[block];
    let phase = &pb.phases[b.phase];
    let prefix = match phase.component {
        Some(c) => {
            let i = pb.components[c].phases.iter().position(|&p| p == b.phase)?;
            format!("phases[{i}].")
        }
        None => String::new(),
    };
    if b.implicit {
        Some(format!("{prefix}steps"))
    } else {
        let j = phase.blocks.iter().position(|&x| x == block)?;
        Some(format!("{prefix}blocks[{j}].steps"))
    }
}

/// The path of a step in its file.
fn step_path(pb: &Playbook, step: Idx<Step>) -> Option<String> {
    let s = &pb.steps[step];
    let k = pb.blocks[s.block].steps.iter().position(|&x| x == step)?;
    Some(format!("{}[{k}]", block_steps_path(pb, s.block)?))
}

/// The phase and block `--in` names for a new step.
fn step_target(pb: &Playbook, parent: &str) -> Result<Idx<Block>, Diagnostic> {
    let phase_ids: Vec<String> = pb.phases.iter().map(|p| p.id.clone()).collect();
    let last_block = |p: Idx<Phase>| pb.phases[p].blocks.last().copied();
    let no_blocks = |p: Idx<Phase>| {
        Diagnostic::error(format!(
            "phase `{}` has no steps or blocks to add to",
            pb.phases[p].id
        ))
    };
    match parent.split_once('/') {
        None => {
            let found: Vec<Idx<Phase>> = pb
                .phases
                .indices()
                .filter(|&i| pb.phases[i].id == parent)
                .collect();
            match found[..] {
                [p] => last_block(p).ok_or_else(|| no_blocks(p)),
                [] => Err(unknown("phase", parent, &phase_ids)),
                _ => Err(
                    Diagnostic::error(format!("more than one phase is called `{parent}`"))
                        .help("name it with its component: `--in <component>/<phase>`"),
                ),
            }
        }
        Some((a, b)) => {
            if let Some(c) = pb.find::<Component>(a) {
                let phases = &pb.components[c].phases;
                let names: Vec<String> = phases.iter().map(|&p| pb.phases[p].id.clone()).collect();
                return match phases.iter().find(|&&p| pb.phases[p].id == b) {
                    Some(&p) => last_block(p).ok_or_else(|| no_blocks(p)),
                    None => Err(unknown(
                        &format!("phase in component `{a}` called"),
                        b,
                        &names,
                    )),
                };
            }
            if let Some(p) = pb.phases.position(|p| p.id == a) {
                let blocks: Vec<Idx<Block>> = pb.phases[p]
                    .blocks
                    .iter()
                    .copied()
                    .filter(|&x| !pb.blocks[x].implicit)
                    .collect();
                let names: Vec<String> = blocks.iter().map(|&x| pb.blocks[x].id.clone()).collect();
                return match blocks.iter().find(|&&x| pb.blocks[x].id == b) {
                    Some(&x) => Ok(x),
                    None => Err(unknown(&format!("block in phase `{a}` called"), b, &names)),
                };
            }
            let mut known: Vec<String> = pb.components.iter().map(|c| c.id.clone()).collect();
            known.extend(phase_ids);
            Err(unknown("component or phase", a, &known))
        }
    }
}

/// The step and activity `--in` names for a new task.
fn task_target(pb: &Playbook, parent: &str) -> Result<(Idx<Step>, Idx<Activity>), Diagnostic> {
    let (step_id, activity) = match parent.split_once('/') {
        Some((s, a)) => (s, Some(a)),
        None => (parent, None),
    };
    let Some(s) = pb.find::<Step>(step_id) else {
        let ids: Vec<String> = pb.steps.iter().map(|s| s.id.clone()).collect();
        return Err(unknown("step", step_id, &ids));
    };
    let step = &pb.steps[s];
    if step.activities.is_empty() {
        return Err(Diagnostic::error(format!(
            "step `{step_id}` has no activities to add a task to"
        ))
        .help("add an activity (`activities: [{title: …, tasks: []}]`) to the step first"));
    }
    let a = match activity {
        None => Idx::new(0),
        Some(a) => match step.activities.position(|x| x.id == a) {
            Some(i) => i,
            None => {
                let ids: Vec<String> = step.activities.iter().map(|x| x.id.clone()).collect();
                return Err(unknown(
                    &format!("activity in step `{step_id}` called"),
                    a,
                    &ids,
                ));
            }
        },
    };
    Ok((s, a))
}

/// The metrics files: (file name without `.yaml`, group index).
fn metric_files(pb: &Playbook) -> Vec<(String, Idx<MetricGroup>)> {
    pb.metric_groups
        .iter_enumerated()
        .map(|(g, group)| {
            let path = &pb.sources[group.file].path;
            let name = path.rsplit('/').next().unwrap_or(path);
            (name.trim_end_matches(".yaml").to_string(), g)
        })
        .collect()
}

/// Add `item` to the list at `seq` in source file `file`, and check that the
/// new text parses as `T` and has an entry with `id` at `check` (a path
/// ending in `.id`, `{n}` standing for the new index).
fn edit<T: serde::de::DeserializeOwned>(
    pb: &Playbook,
    file: Idx<SourceFile>,
    seq: &str,
    parent: Option<(&str, &str)>,
    item: &str,
) -> Result<(String, Change), Diagnostic> {
    let src = &pb.sources[file];
    let spans = spans_of(&src.path, &src.text);
    let ins = insert::append_item(&src.text, &spans, seq, parent, item).map_err(|why| {
        Diagnostic::error(format!("cannot add to {}: {why}", src.path))
            .help("add the new entry by hand; nothing was written")
    })?;
    let source = playbook_content::yaml::YamlSource {
        file: &src.path,
        full_text: &ins.text,
        start: 0,
    };
    playbook_content::yaml::parse::<T>(&ins.text, source).map_err(|d| {
        Diagnostic::internal(format!(
            "the text added to {} does not parse: {}",
            src.path, d.message
        ))
    })?;
    Ok((
        src.path.clone(),
        Change::Edit {
            old: src.text.clone(),
            new: ins.text,
            lines: ins.lines,
        },
    ))
}

/// A step, at the end of the phase's last block (or the named block).
fn new_step(pb: &Playbook, id: &str, parent: &str) -> Result<Plan, Diagnostic> {
    let block = step_target(pb, parent)?;
    let b = &pb.blocks[block];
    let phase = &pb.phases[b.phase];
    let file = phase.file;
    let seq = block_steps_path(pb, block)
        .ok_or_else(|| Diagnostic::internal("a block's place in its file is unknown"))?;
    let number = b
        .steps
        .iter()
        .filter_map(|&s| pb.steps[s].number)
        .max()
        .map(|n| n + 1);
    let item = skeletons::step(pb, id, number);
    let (path, change) = if phase.component.is_some() {
        edit::<playbook_content::model::raw::RawComponent>(pb, file, &seq, None, &item)?
    } else {
        edit::<playbook_content::model::raw::RawPhase>(pb, file, &seq, None, &item)?
    };
    let fw = &pb.frameworks[phase.framework].id;
    let url = match phase.component {
        Some(c) => format!("frameworks/{fw}/{}/{id}/", pb.components[c].id),
        None => format!("frameworks/{fw}/{id}/"),
    };
    Ok(Plan {
        kind: Kind::Step,
        id: id.to_string(),
        path,
        change,
        url,
    })
}

/// A task, at the end of the step's first (or named) activity.
fn new_task(pb: &Playbook, id: &str, full_id: &str, parent: &str) -> Result<Plan, Diagnostic> {
    let (step, a) = task_target(pb, parent)?;
    let s = &pb.steps[step];
    let sp = step_path(pb, step)
        .ok_or_else(|| Diagnostic::internal("a step's place in its file is unknown"))?;
    let act = format!("{sp}.activities[{}]", a.index());
    let item = skeletons::task(
        pb,
        id,
        s.activities[a]
            .tasks
            .first()
            .and_then(|&t| pb.tasks[t].owner.as_deref()),
    );
    let seq = format!("{act}.tasks");
    let (path, change) = if s.component.is_some() {
        edit::<playbook_content::model::raw::RawComponent>(
            pb,
            s.file,
            &seq,
            Some((&act, "tasks")),
            &item,
        )?
    } else {
        edit::<playbook_content::model::raw::RawPhase>(
            pb,
            s.file,
            &seq,
            Some((&act, "tasks")),
            &item,
        )?
    };
    let url = pb.url(EntityRef::from(step));
    Ok(Plan {
        kind: Kind::Task,
        id: full_id.to_string(),
        path,
        change,
        url: format!("{url}#task-{id}"),
    })
}

/// A metric, at the end of a metrics file.
fn new_metric(pb: &Playbook, id: &str, parent: &str) -> Result<Plan, Diagnostic> {
    let files = metric_files(pb);
    let g = files
        .iter()
        .find(|(stem, _)| stem == parent)
        .or_else(|| {
            files
                .iter()
                .find(|(_, g)| pb.metric_groups[*g].id == parent)
        })
        .map(|(_, g)| *g);
    let Some(g) = g else {
        let stems: Vec<String> = files.into_iter().map(|(s, _)| s).collect();
        return Err(unknown("metrics file", parent, &stems));
    };
    let group = &pb.metric_groups[g];
    let item = skeletons::metric(pb, id, group.framework);
    let (path, change) = edit::<playbook_content::model::raw::RawMetricFile>(
        pb, group.file, "metrics", None, &item,
    )?;
    Ok(Plan {
        kind: Kind::Metric,
        id: id.to_string(),
        path,
        change,
        url: format!("metrics/{id}/"),
    })
}

/// A market, regulation, expert, research page or chapter: a file of its
/// own, where its registry row's [`NewFile`] says, with its skeleton.
fn new_file(
    pb: &Playbook,
    kind: Kind,
    file: NewFile,
    id: &str,
    opts: Options,
) -> Result<Plan, Diagnostic> {
    let path = (file.path)(pb, id);
    let text = (file.text)(pb, id, opts.today);
    let url = match kind.info().url {
        Url::Folder(folder) => format!("{folder}{id}/"),
        Url::Nested(_) => {
            return Err(Diagnostic::internal(format!(
                "playbook new makes a {} as a file of its own, but its page is under its parent's",
                kind.name()
            )))
        }
    };
    if let Some(f) = pb.sources.iter().find(|f| f.path == path) {
        return Err(Diagnostic::error(format!("{} already exists", f.path))
            .help("choose another id; nothing was written"));
    }
    Ok(Plan {
        kind,
        id: id.to_string(),
        path,
        change: Change::Create { text },
        url,
    })
}

#[cfg(test)]
mod tests;

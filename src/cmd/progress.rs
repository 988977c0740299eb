//! `playbook progress <market> <task-id> [--by NAME] [--on DATE] [--note TEXT]
//! [--replace] [--undo]`: check the market and task against the loaded
//! playbook, record the task in `content/progress/<market>.yaml`
//! (`playbook_content::progress_file` edits the text, `output` writes it), and make
//! sure the playbook still loads. A record that stands is shown and kept
//! unless `--replace`; `--undo` removes it.

use super::{eprint_diags, usage_or_content, EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use playbook_content::diag::{suggest, Diagnostic};
use playbook_content::model::{Done, Idx, Scope, Task};
use playbook_plan::checklist::COMPANY_ID;
use std::path::Path;

/// What to do with the task's record.
pub(super) enum Change {
    /// Record it as done (`replace`: also when a record stands).
    Record {
        by: Option<String>,
        on: Option<String>,
        note: Option<String>,
        replace: bool,
    },
    /// Remove its record.
    Undo,
}

pub(super) fn run(root: &Path, market: &str, task: &str, change: Change) -> i32 {
    let pb = match playbook_plan::load_playbook(root) {
        Ok(pb) => pb,
        Err(d) => {
            eprint_diags(&d);
            eprintln!(
                "playbook progress records into a playbook that loads: fix the errors above first"
            );
            return usage_or_content(root);
        }
    };
    // `company` is the company program; anything else a market.
    let company = market == COMPANY_ID;
    let m = if company {
        None
    } else {
        match playbook_plan::checklist::find_market(&pb, market) {
            Ok(m) => Some(m),
            Err(d) => return usage(d.help("or `company` for the company program's work")),
        }
    };
    let in_program = |t: Idx<Task>| match m {
        Some(m) => pb.applies(t, m),
        None => pb.tasks[t].scope == Scope::Company,
    };
    let (id, name) = match m {
        Some(m) => (
            pb.markets[m].id.as_str(),
            format!("the {} launch", pb.markets[m].name),
        ),
        None => (COMPANY_ID, "the company program".to_string()),
    };
    let t = match pb.find::<Task>(task) {
        Some(t) if in_program(t) => t,
        found => {
            let d = match found {
                Some(_) => Diagnostic::error(format!(
                    "task `{task}` is not in {}'s checklist",
                    checklist_owner(&name)
                )),
                None => Diagnostic::error(format!("no task with id `{task}`")),
            };
            let ids = pb
                .tasks
                .indices()
                .filter(|&t| in_program(t))
                .map(|t| pb.tasks[t].id.as_str());
            let list = if company {
                "--company".to_string()
            } else {
                id.to_string()
            };
            let help = match suggest(task, ids) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "`playbook checklist {list} --format csv` lists the task ids of {}'s checklist",
                    checklist_owner(&name)
                ),
            };
            return usage(d.help(help));
        }
    };
    let rel = format!("content/progress/{id}.yaml");
    let path = root.join(&rel);
    let task_id = pb.tasks[t].id.clone();
    let progress = match m {
        Some(m) => &pb.progress[m],
        None => &pb.company_progress,
    };
    let standing = progress.done.get(&t).cloned();
    // Where the standing record is written, for messages.
    let place = |d: Diagnostic| match progress.file {
        Some(f) => {
            let text = &pb.sources[f].text;
            let spans = playbook_content::yaml::SpanMap::build(text, 0, text.len());
            match spans.key_or_value(&format!("done.{task_id}")) {
                Some(off) => d.at_offset(&rel, text, off),
                None => d,
            }
        }
        None => d,
    };
    let (by, on, note, replace) = match change {
        Change::Undo => {
            let Some(old) = standing else {
                return usage(
                    Diagnostic::error(format!(
                        "`{task_id}` is not recorded as done in {rel}: nothing to undo"
                    ))
                    .help(format!(
                        "`playbook checklist {} --format csv` shows which tasks are done",
                        if company { "--company" } else { id }
                    )),
                );
            };
            return undo(root, &path, &rel, &task_id, &old, place);
        }
        Change::Record {
            by,
            on,
            note,
            replace,
        } => (by, on, note, replace),
    };
    let today = jiff::Zoned::now().date();
    let on = match on.as_deref() {
        None => None,
        Some(s) => match s.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                return usage(
                    Diagnostic::error(format!("`{s}` is not a date"))
                        .help("write the day as YYYY-MM-DD, e.g. --on 2027-03-04"),
                )
            }
        },
    };
    let by = by.filter(|b| !b.trim().is_empty());
    let note = note.filter(|n| !n.trim().is_empty());
    let fresh = Done {
        on: on.unwrap_or(today),
        by: by.clone(),
        note: note.clone(),
    };
    // --replace changes what is given and keeps the rest.
    let replaced = standing.as_ref().map(|old| Done {
        on: on.unwrap_or(old.on),
        by: by.or_else(|| old.by.clone()),
        note: note.or_else(|| old.note.clone()),
    });
    let done = match (&replaced, replace) {
        (Some(r), true) => r.clone(),
        _ => fresh,
    };
    if let Some(old) = &standing {
        if *old == done {
            println!(
                "`{task_id}` is already recorded as done {}; nothing changed",
                describe(old)
            );
            return EXIT_OK;
        }
        if !replace {
            let help = match replaced.as_ref().filter(|r| *r != old) {
                Some(r) => format!(
                    "to make it done {}, add --replace (the fields you give change, the others stay); --undo removes the record",
                    describe(r)
                ),
                None => "to change it, give --replace with the new --on, --by or --note (the others stay); --undo removes the record".to_string(),
            };
            return usage(
                place(Diagnostic::error(format!(
                    "`{task_id}` is already recorded as done {}; the record stands",
                    describe(old)
                )))
                .help(help),
            );
        }
    }
    if done.on > today {
        eprint!(
            "{}",
            Diagnostic::warning(format!(
                "{} is after today ({today}): recorded as done on a day that has not come",
                done.on
            ))
            .help("if that is a typo, record it again with --replace --on YYYY-MM-DD")
            .render_text()
        );
    }
    let written = match std::fs::read_to_string(&path) {
        Ok(old) => {
            let new = playbook_content::progress_file::record(&old, &task_id, &done);
            playbook_output::replace_file_text(&path, &old, &new)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let text = playbook_content::progress_file::new_file(id, &name, &task_id, &done);
            playbook_output::write_new_file(&path, &text)
        }
        Err(e) => Err(Diagnostic::error(format!("cannot read {rel}: {e}"))),
    };
    if let Err(d) = written {
        eprint!("{}", d.render_text());
        return EXIT_CONTENT;
    }
    match &standing {
        Some(old) => println!(
            "replaced the record of `{task_id}` ({}): done {} → done {} in {rel}",
            pb.tasks[t].title,
            describe(old),
            describe(&done)
        ),
        None => println!(
            "recorded `{task_id}` ({}) as done {} in {rel}",
            pb.tasks[t].title,
            describe(&done)
        ),
    }
    still_loads(root, &rel)
}

/// Remove a standing record.
fn undo(
    root: &Path,
    path: &Path,
    rel: &str,
    task_id: &str,
    old: &Done,
    place: impl Fn(Diagnostic) -> Diagnostic,
) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprint!(
                "{}",
                Diagnostic::error(format!("cannot read {rel}: {e}")).render_text()
            );
            return EXIT_CONTENT;
        }
    };
    let Some(new) = playbook_content::progress_file::remove(&text, task_id) else {
        eprint!(
            "{}",
            place(Diagnostic::error(format!(
                "cannot find `{task_id}`'s entry as `  {task_id}:` in the `done:` block of {rel}"
            )))
            .help("remove the record by hand")
            .render_text()
        );
        return EXIT_CONTENT;
    };
    if let Err(d) = playbook_output::replace_file_text(path, &text, &new) {
        eprint!("{}", d.render_text());
        return EXIT_CONTENT;
    }
    println!(
        "removed the record of `{task_id}` (done {}) from {rel}: it is not done",
        describe(old)
    );
    still_loads(root, rel)
}

/// "on 2027-03-04 by Anna (note: …)".
fn describe(d: &Done) -> String {
    let mut s = format!("on {}", d.on);
    if let Some(by) = &d.by {
        s.push_str(&format!(" by {by}"));
    }
    if let Some(note) = &d.note {
        s.push_str(&format!(" (note: {note})"));
    }
    s
}

/// The playbook must load after the edit.
fn still_loads(root: &Path, rel: &str) -> i32 {
    if let Err(d) = playbook_plan::load_playbook(root) {
        eprint_diags(&d);
        eprintln!("the playbook does not load after recording: fix {rel} by hand (this is a bug in playbook progress)");
        return EXIT_CONTENT;
    }
    EXIT_OK
}

/// "the Germany launch" → "Germany", for "Germany's checklist".
fn checklist_owner(name: &str) -> &str {
    name.strip_prefix("the ")
        .and_then(|n| n.strip_suffix(" launch"))
        .unwrap_or(name)
}

fn usage(d: Diagnostic) -> i32 {
    eprint!("{}", d.render_text());
    EXIT_USAGE
}

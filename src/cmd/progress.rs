//! `playbook progress <market> <task-id> [--by NAME] [--on DATE] [--note TEXT]`:
//! check the market and task against the loaded playbook, record the task
//! in `content/progress/<market>.yaml` (`crate::progress_file` edits the
//! text, `output` writes it), and make sure the playbook still loads.

use super::{eprint_diags, usage_or_content, EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::diag::{suggest, Diagnostic};
use crate::model::{Done, Kind};
use std::path::Path;

pub(super) fn run(
    root: &Path,
    market: &str,
    task: &str,
    by: Option<String>,
    on: Option<&str>,
    note: Option<String>,
) -> i32 {
    let pb = match crate::load_playbook(root) {
        Ok(pb) => pb,
        Err(d) => {
            eprint_diags(&d);
            eprintln!(
                "playbook progress records into a playbook that loads: fix the errors above first"
            );
            return usage_or_content(root);
        }
    };
    let m = match crate::checklist::find_market(&pb, market) {
        Ok(m) => m,
        Err(d) => return usage(d),
    };
    let t = match pb.lookup(Kind::Task, task) {
        Some(r) if pb.applies(r.idx, m) => r.idx,
        found => {
            let name = &pb.markets[m].name;
            let d = match found {
                Some(_) => Diagnostic::error(format!("task `{task}` is not in {name}'s checklist")),
                None => Diagnostic::error(format!("no task with id `{task}`")),
            };
            let ids = (0..pb.tasks.len())
                .filter(|&t| pb.applies(t, m))
                .map(|t| pb.tasks[t].id.as_str());
            let help = match suggest(task, ids) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "`playbook checklist {} --format csv` lists the task ids of {name}'s checklist",
                    pb.markets[m].id
                ),
            };
            return usage(d.help(help));
        }
    };
    let on = match on {
        None => jiff::Zoned::now().date(),
        Some(s) => match s.parse::<jiff::civil::Date>() {
            Ok(d) => d,
            Err(_) => {
                return usage(
                    Diagnostic::error(format!("`{s}` is not a date"))
                        .help("write the day as YYYY-MM-DD, e.g. --on 2027-03-04"),
                )
            }
        },
    };
    let done = Done {
        on,
        by: by.filter(|b| !b.trim().is_empty()),
        note: note.filter(|n| !n.trim().is_empty()),
    };
    let id = &pb.markets[m].id;
    let rel = format!("content/progress/{id}.yaml");
    let path = root.join(&rel);
    let task_id = &pb.tasks[t].id;
    let written = match std::fs::read_to_string(&path) {
        Ok(old) => {
            let new = crate::progress_file::record(&old, task_id, &done);
            crate::output::replace_file_text(&path, &old, &new)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let text = crate::progress_file::new_file(id, &pb.markets[m].name, task_id, &done);
            crate::output::write_new_file(&path, &text)
        }
        Err(e) => Err(Diagnostic::error(format!("cannot read {rel}: {e}"))),
    };
    if let Err(d) = written {
        eprint!("{}", d.render_text());
        return EXIT_CONTENT;
    }
    let who = done
        .by
        .as_deref()
        .map(|b| format!(" by {b}"))
        .unwrap_or_default();
    println!(
        "recorded `{task_id}` ({}) as done on {on}{who} in {rel}",
        pb.tasks[t].title
    );
    if let Err(d) = crate::load_playbook(root) {
        eprint_diags(&d);
        eprintln!("the playbook does not load after recording: fix {rel} by hand (this is a bug in playbook progress)");
        return EXIT_CONTENT;
    }
    EXIT_OK
}

fn usage(d: Diagnostic) -> i32 {
    eprint!("{}", d.render_text());
    EXIT_USAGE
}

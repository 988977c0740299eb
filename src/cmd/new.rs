//! `playbook new <kind> <id> [--in PARENT]`: plan the skeleton
//! (`playbook_site::scaffold`), write it through `output`, say what was written.

use super::{eprint_diags, usage_or_content, EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::cli::NewKind;
use playbook_content::model::Kind;
use playbook_site::scaffold::{Change, Options};
use std::path::Path;

/// The content kind of the CLI's word (the CLI lists them in its own
/// order, with its own help per kind; a test checks they are the kinds
/// whose registry row has a scaffold).
fn kind_of(kind: NewKind) -> Kind {
    match kind {
        NewKind::Step => Kind::Step,
        NewKind::Task => Kind::Task,
        NewKind::Market => Kind::Market,
        NewKind::Regulation => Kind::Regulation,
        NewKind::Expert => Kind::Expert,
        NewKind::Research => Kind::Research,
        NewKind::Chapter => Kind::Chapter,
        NewKind::Metric => Kind::Metric,
    }
}

pub(super) fn run(root: &Path, kind: NewKind, id: &str, parent: Option<&str>) -> i32 {
    let kind = kind_of(kind);
    let pb = match playbook_plan::load_playbook(root) {
        Ok(pb) => pb,
        Err(d) => {
            eprint_diags(&d);
            eprintln!("playbook new adds to a playbook that loads: fix the errors above first");
            return usage_or_content(root);
        }
    };
    let opts = Options {
        today: jiff::Zoned::now().date(),
    };
    let plan = match playbook_site::scaffold::plan(&pb, kind, id, parent, opts) {
        Ok(p) => p,
        Err(d) => {
            eprint!("{}", d.render_text());
            return EXIT_USAGE;
        }
    };
    let path = root.join(&plan.path);
    let (written, todo) = match &plan.change {
        Change::Create { text } => (
            playbook_output::write_new_file(&path, text).map(|()| format!("created {}", plan.path)),
            text.matches("TODO").count(),
        ),
        Change::Edit { old, new, lines } => (
            playbook_output::replace_file_text(&path, old, new)
                .map(|()| format!("added to {}, lines {}-{}", plan.path, lines.0, lines.1)),
            new.matches("TODO")
                .count()
                .saturating_sub(old.matches("TODO").count()),
        ),
    };
    match written {
        Ok(what) => {
            println!("{what}: {} `{}`", kind.name(), plan.id);
            // The skeleton is meant to build as it is: say so plainly if not.
            if let Err(d) = playbook_plan::load_playbook(root) {
                eprint_diags(&d);
                eprintln!(
                    "the playbook does not load with the new {}: this is a bug in playbook new; fix or remove what it added to {}",
                    kind.name(),
                    plan.path
                );
                return EXIT_CONTENT;
            }
            println!("  fill in what is marked TODO ({todo} places); it builds as it is");
            println!("  page: {}", plan.url);
            EXIT_OK
        }
        Err(d) => {
            eprint!("{}", d.render_text());
            EXIT_CONTENT
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn the_cli_offers_every_kind_with_a_scaffold_and_no_other() {
        let mut cli: Vec<Kind> = NewKind::value_variants()
            .iter()
            .map(|&k| kind_of(k))
            .collect();
        let mut scaffolded: Vec<Kind> = playbook_site::scaffold::kinds().collect();
        cli.sort();
        scaffolded.sort();
        assert_eq!(cli, scaffolded);
    }
}

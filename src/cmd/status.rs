//! `playbook status [--as-of DATE] [--format text|json|csv] [--markets IDS] [-o FILE]`:
//! each launch's checklist and recorded progress on a day (`playbook_plan::status`).

use super::{eprint_diags, usage_or_content, EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::cli::StatusFormat;
use playbook_content::diag::Diagnostic;
use playbook_plan::checklist::{Program, COMPANY_ID};
use playbook_plan::status;
use std::io::Write as _;
use std::path::Path;

pub(super) fn run(
    root: &Path,
    as_of: Option<&str>,
    format: StatusFormat,
    markets: &[String],
    output: Option<&Path>,
) -> i32 {
    let Some(day) = super::as_of_day(as_of) else {
        return EXIT_USAGE;
    };
    let pb = match playbook_plan::load_playbook_on(root, None, day) {
        Ok(pb) => pb,
        Err(d) => {
            eprint_diags(&d);
            return usage_or_content(root);
        }
    };
    if let Some(out) = output {
        if let Err(d) = playbook_output::destination::check_file(root, out) {
            eprint!("{}", d.render_text());
            return EXIT_USAGE;
        }
    }
    // `company` names the company program; the default is it (when the
    // playbook has company work) and every market.
    let mut chosen: Vec<Program> = Vec::new();
    for id in markets {
        if id == COMPANY_ID {
            chosen.push(Program::Company);
            continue;
        }
        match playbook_plan::checklist::find_market(&pb, id) {
            Ok(m) => chosen.push(Program::Market(m)),
            Err(d) => {
                eprint!(
                    "{}",
                    d.help("or `company` for the company program").render_text()
                );
                return EXIT_USAGE;
            }
        }
    }
    if chosen.is_empty() {
        if pb.has_company_work() {
            chosen.push(Program::Company);
        }
        // Drafts are not launches yet (their kickoff is a placeholder); name
        // one with --markets to see it anyway.
        chosen.extend(
            pb.markets
                .indices()
                .filter(|&m| !pb.markets[m].draft)
                .map(Program::Market),
        );
    }
    let lists = playbook_plan::checklist::Checklists::new(&pb);
    // Over many markets, a bar on a terminal (hidden when stderr is not one).
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(chosen.len() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let rows: Vec<Vec<playbook_plan::checklist::Row<'_>>> = chosen
        .iter()
        .map(|&p| {
            let r = lists
                .checklist(p, playbook_plan::checklist::Order::Date)
                .rows;
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut launches: Vec<status::LaunchStatus<'_>> = chosen
        .iter()
        .zip(&rows)
        .map(|(&p, r)| status::launch_status(&pb, p, r, day))
        .collect();
    // In the order the launches start, as the site's status page lists them.
    launches.sort_by(|a, b| a.kickoff.cmp(&b.kickoff).then(a.id.cmp(b.id)));
    let text = match format {
        StatusFormat::Text => status::to_text(day, &launches),
        StatusFormat::Json => status::to_json(day, &launches),
        StatusFormat::Csv => status::to_csv(day, &launches),
    };
    let written = match output {
        Some(p) => playbook_output::write_file(p, text.as_bytes()),
        None => {
            let mut so = std::io::stdout().lock();
            so.write_all(text.as_bytes())
                .and_then(|_| so.flush())
                .map_err(|e| Diagnostic::error(format!("cannot write to standard output: {e}")))
        }
    };
    match written {
        Ok(()) => EXIT_OK,
        Err(d) => {
            eprint!("{}", d.render_text());
            EXIT_CONTENT
        }
    }
}

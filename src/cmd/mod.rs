//! One file per subcommand: glue between the CLI and the library, no logic.
//! Only this module and `main` touch the terminal and exit codes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod build;
mod check;
mod checklist;
mod child;
mod init;
pub mod logger;
mod new;
mod progress;
mod schema;
pub mod serve;
mod status;

use crate::cli::{Cli, Command};
use crate::diag::Diagnostics;
use std::path::PathBuf;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the content has errors.
pub const EXIT_CONTENT: i32 = 1;
/// Exit code: the command was used wrongly (bad arguments, no playbook here, unknown market).
pub const EXIT_USAGE: i32 = 2;

/// Run a parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    match cli.command {
        Command::Build {
            dest,
            base_url,
            force,
        } => build::run(&root, dest, base_url, force),
        Command::Check { format, external } => check::run(&root, format, external),
        Command::Serve {
            port,
            host,
            allow_hosts,
            open,
        } => serve::run(&root, &host, port, &allow_hosts, open),
        Command::Checklist {
            market,
            company,
            all,
            format,
            output,
        } => checklist::run(&root, market.as_deref(), company, all, format, output),
        Command::Init { dir, theme } => init::run(&dir, theme),
        Command::New { kind, id, parent } => new::run(&root, kind, &id, parent.as_deref()),
        Command::Status {
            as_of,
            format,
            markets,
            output,
        } => status::run(&root, as_of.as_deref(), format, &markets, output.as_deref()),
        Command::Progress {
            market,
            task,
            by,
            on,
            note,
            replace,
            undo,
        } => {
            let change = if undo {
                progress::Change::Undo
            } else {
                progress::Change::Record {
                    by,
                    on,
                    note,
                    replace,
                }
            };
            progress::run(&root, &market, &task, change)
        }
        Command::Schema { output } => schema::run(&root, output),
    }
}

/// Print diagnostics to standard error.
pub fn eprint_diags(d: &Diagnostics) {
    eprint!("{}", d.render_text());
}

/// No book.toml here is a usage error (wrong folder), not a content error.
pub fn usage_or_content(root: &std::path::Path) -> i32 {
    if root.join("book.toml").exists() {
        EXIT_CONTENT
    } else {
        EXIT_USAGE
    }
}

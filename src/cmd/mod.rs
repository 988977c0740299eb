//! One file per subcommand: the CLI's side of each (arguments to library
//! calls, printing, exit codes), and what belongs to a command alone: the
//! progress file's record/replace/undo rules (`progress.rs`), `--all` and
//! `--lang` (`checklist.rs`), serve's rebuild loop, finding Chromium for a
//! PDF (`pdf.rs`).
//! Only this module and `main` touch the terminal and exit codes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

// Printing never panics. The standard macros panic when the terminal's end
// is gone (`playbook checklist de 2>&1 | head -c 10` closes both standard
// output and standard error): these, defined before the subcommands' modules
// and so used by all of them, drop what cannot be written instead.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
macro_rules! eprint {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

mod build;
mod check;
mod checklist;
mod child;
mod init;
pub(crate) mod logger;
mod new;
mod pdf;
mod progress;
mod schema;
pub(crate) mod serve;
mod status;

use crate::cli::{Cli, Command};
use playbook_content::diag::Diagnostics;
use std::path::PathBuf;

/// Exit code: success.
pub(crate) const EXIT_OK: i32 = 0;
/// Exit code: the content has errors.
pub(crate) const EXIT_CONTENT: i32 = 1;
/// Exit code: the command was used wrongly (bad arguments, no playbook here, unknown market).
pub(crate) const EXIT_USAGE: i32 = 2;

/// Run a parsed command line; returns the process exit code.
pub(crate) fn run(cli: Cli) -> i32 {
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    match cli.command {
        Command::Build {
            dest,
            base_url,
            force,
        } => build::run(&root, dest, base_url, force),
        Command::Check {
            format,
            external,
            as_of,
        } => check::run(&root, format, external, as_of.as_deref()),
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
            order,
            paper,
            lang,
        } => checklist::run(
            &root,
            market.as_deref(),
            company,
            all,
            format,
            output,
            checklist::Options {
                order: order.into(),
                paper: paper.map(Into::into),
                lang: lang.as_deref(),
            },
        ),
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

/// Write a command's output (a checklist, a report) to standard output. A
/// reader that stopped reading (`| head`) is not a failure: the output
/// ends there.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), playbook_content::diag::Diagnostic> {
    use std::io::Write as _;
    let mut so = std::io::stdout().lock();
    match so.write_all(bytes).and_then(|()| so.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(|e| {
            playbook_content::diag::Diagnostic::error(format!(
                "cannot write to standard output: {e}"
            ))
        }),
    }
}

/// Print diagnostics to standard error.
pub(crate) fn eprint_diags(d: &Diagnostics) {
    eprint!("{}", d.render_text());
}

/// No book.toml here is a usage error (wrong folder), not a content error.
pub(crate) fn usage_or_content(root: &std::path::Path) -> i32 {
    if root.join("book.toml").exists() {
        EXIT_CONTENT
    } else {
        EXIT_USAGE
    }
}

/// The day `--as-of` names (today without it); `None` after printing why
/// the text is not a date.
fn as_of_day(as_of: Option<&str>) -> Option<jiff::civil::Date> {
    match as_of {
        None => Some(jiff::Zoned::now().date()),
        Some(s) => match s.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                eprint!(
                    "{}",
                    playbook_content::diag::Diagnostic::error(format!("`{s}` is not a date"))
                        .help("write the day as YYYY-MM-DD, e.g. --as-of 2027-03-15")
                        .render_text()
                );
                None
            }
        },
    }
}

//! The `playbook` binary: parse the command line, run the command, print
//! diagnostics, exit 0 (ok), 1 (content errors) or 2 (usage errors).

use clap::Parser;

fn main() {
    let cli = match playbook::cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    std::process::exit(playbook::cmd::run(cli));
}

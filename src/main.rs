//! The `playbook` binary: parse the command line, run the command, print
//! diagnostics, exit 0 (ok), 1 (content errors) or 2 (usage errors).

mod build;
mod cli;
mod cmd;

use clap::Parser;

/// mimalloc instead of the system allocator: rendering thousands of pages
/// on several threads is allocation-heavy, and glibc's malloc spent a fifth
/// of a large build's time in its locks and free lists.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    cmd::logger::init();
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    std::process::exit(cmd::run(cli));
}

//! Fuzz Playbook's parsers of user input on stable Rust:
//!
//! ```sh
//! cargo run --release --example fuzz -- <yaml|markdown|rules|toml|all> [--seconds N] [--seed S] [--inputs N] [--root DIR]
//! ```
//!
//! Mutates the playbook's own files (the repository's `content/` and
//! `book.toml`, or `--root`) and runs each input through load + resolve
//! (and the pages it makes); see `engine.rs` for what each target covers.
//! Prints the inputs tried, the panics (each input saved under
//! `target/fuzz-crashes/`) and the slowest input; exits 1 if anything
//! panicked, 3 if an input hung (ran over 10 s; saved the same way).

// The fuzzer writes its working copy, crash inputs and the slowest input,
// and prints its figures: a test tool, not the pipeline (whose only writer
// is src/output.rs, and which reports through `log`).
#![allow(clippy::disallowed_methods, clippy::print_stdout, clippy::print_stderr)]

mod engine;

use engine::{Options, Target};
use std::path::PathBuf;
use std::time::Duration;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut targets = Vec::new();
    let mut seconds = 10.0;
    let mut seed = 1;
    let mut inputs = None;
    let mut root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let usage = "usage: fuzz <yaml|markdown|rules|toml|all> [--seconds N] [--seed S] [--inputs N] [--root DIR]";
    while let Some(a) = args.next() {
        let mut value = |what: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{a} needs {what}\n{usage}")))
        };
        match a.as_str() {
            "--seconds" => seconds = value("a number").parse().unwrap_or_else(|_| fail(usage)),
            "--seed" => seed = value("a number").parse().unwrap_or_else(|_| fail(usage)),
            "--inputs" => inputs = Some(value("a number").parse().unwrap_or_else(|_| fail(usage))),
            "--root" => root = PathBuf::from(value("a folder")),
            "all" => targets.extend(Target::ALL),
            t => targets.push(Target::parse(t).unwrap_or_else(|| fail(usage))),
        }
    }
    if targets.is_empty() {
        fail(usage);
    }
    let out_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
    let mut panics = 0;
    for target in targets {
        let opts = Options {
            target,
            root: root.clone(),
            duration: Duration::from_secs_f64(seconds),
            max_inputs: inputs,
            seed,
            out_dir: out_dir.clone(),
            hang_after: Duration::from_secs(10),
        };
        let r = engine::run(&opts);
        println!(
            "{}: {} inputs in {:.1} s ({:.0}/s), {} resolved, {} distinct diagnostics, {} panics (seed {seed})",
            target.name(),
            r.tried,
            r.elapsed.as_secs_f64(),
            r.tried as f64 / r.elapsed.as_secs_f64().max(1e-9),
            r.resolved,
            r.distinct_diagnostics,
            r.crashes.len()
        );
        if let Some((t, file, len, saved)) = &r.slowest {
            println!(
                "  slowest: {:.1} ms, in place of {file} ({len} bytes), saved as {}",
                t.as_secs_f64() * 1000.0,
                saved.display()
            );
        }
        for c in &r.crashes {
            println!(
                "  PANIC in place of {}: {}\n    input: {}",
                c.replaced,
                c.message,
                c.saved.display()
            );
        }
        panics += r.crashes.len();
    }
    if panics > 0 {
        std::process::exit(1);
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(2);
}

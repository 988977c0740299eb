//! Time load + resolve of a playbook, cold (fresh parse) and warm (serve's
//! parse cache), without rendering: `cargo run --release --example
//! load_resolve -- ROOT [RUNS] [cold|warm]`.
// An example prints its measurements.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = Path::new(args.get(1).map(String::as_str).unwrap_or("."));
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let mode = args.get(3).map(String::as_str).unwrap_or("cold");
    let cache = playbook_content::PipelineCache::default();
    if mode == "warm" {
        let _ = playbook_plan::load_playbook_with(root, Some(&cache));
    }
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let r = if mode == "warm" {
            playbook_plan::load_playbook_with(root, Some(&cache))
        } else {
            playbook_plan::load_playbook(root)
        };
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        match r {
            Ok(pb) => eprintln!("{mode}: {ms:.0} ms ({} tasks)", pb.tasks.len()),
            Err(d) => eprintln!("{mode}: {ms:.0} ms, {} errors", d.0.len()),
        }
        times.push(ms);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!("{mode} median {:.0} ms", times[times.len() / 2]);
}

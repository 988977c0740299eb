//! Time the full-text indexer alone over a built site: `cargo run --release
//! --example index_pages -- ROOT SITE [RUNS]`. Loads the playbook at ROOT,
//! reads every entity page SITE holds (built from ROOT), then indexes them
//! (`Collector::add` on each page, one thread) and merges (`finish`) RUNS
//! times (with `WARM=1`: only the article scanner and word splitter), printing the median of each and the bytes scanned. The index's
//! share of a build is `bench/index_cost.py`; this isolates its CPU.
// An example prints its measurements.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use playbook_site::search::fulltext::{url_of, Collector};
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = Path::new(args.get(1).map(String::as_str).unwrap_or("."));
    let site = Path::new(args.get(2).map(String::as_str).unwrap_or("book"));
    let runs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5);
    let pb = match playbook_plan::load_playbook(root) {
        Ok(pb) => pb,
        Err(d) => {
            eprintln!("{} errors loading {}", d.0.len(), root.display());
            std::process::exit(1);
        }
    };
    let urls: Vec<String> = Collector::new(&pb).urls().map(str::to_string).collect();
    let pages: Vec<(String, String)> = urls
        .iter()
        .filter_map(|u| {
            let html = std::fs::read_to_string(site.join(u).join("index.html")).ok()?;
            Some((url_of(&format!("{u}index.html")), html))
        })
        .collect();
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    if std::env::var_os("WARM").is_some() {
        for _ in 0..runs {
            warm(&pages);
        }
        return;
    }
    let (mut add, mut merge) = (Vec::new(), Vec::new());
    let mut files = 0;
    // Each phase's fastest run (the least disturbed by other load).
    let mut phases: Vec<(&str, std::time::Duration)> = Vec::new();
    for _ in 0..runs {
        let c = Collector::new(&pb);
        let t = Instant::now();
        for (u, h) in &pages {
            c.add(u, h);
        }
        add.push(t.elapsed().as_secs_f64() * 1000.0);
        let these = c.add_time();
        if phases.is_empty() {
            phases = these;
        } else {
            for (best, (_, d)) in phases.iter_mut().zip(these) {
                best.1 = best.1.min(d);
            }
        }
        let t = Instant::now();
        files = c.finish().map(|f| f.len()).unwrap_or(0);
        merge.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{} pages, {:.1} MB of HTML: add {:.1} ms ({:.0} MB/s), finish {:.1} ms, {files} files",
        pages.len(),
        bytes as f64 / 1e6,
        median(&mut add),
        bytes as f64 / 1e3 / median(&mut add),
        median(&mut merge)
    );
    let phases: Vec<String> = phases
        .iter()
        .map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1000.0))
        .collect();
    println!("add by phase, fastest of {runs}: {}", phases.join(", "));
}

/// `WARM=1`: the scanner alone, then scanner + word splitter, over every page.
fn warm(pages: &[(String, String)]) {
    use playbook_site::search::extract;
    let t = Instant::now();
    let mut n = 0;
    for (_, h) in pages {
        n += extract::sections(extract::body_of(h)).len();
    }
    let a = t.elapsed();
    let t = Instant::now();
    let mut w = 0;
    for (_, h) in pages {
        for s in extract::sections(extract::body_of(h)) {
            playbook_site::search::words::for_each_word(&s.text, |_| w += 1);
        }
    }
    eprintln!(
        "warm: sections {:?} ({n}), sections+words {:?} ({w} words)",
        a,
        t.elapsed()
    );
}

//! `playbook build`.

use super::{eprint_diags, usage_or_content, EXIT_OK, EXIT_USAGE};
use std::path::{Path, PathBuf};

pub(super) fn run(
    root: &Path,
    dest: Option<PathBuf>,
    base_url: Option<String>,
    force: bool,
) -> i32 {
    let opts = crate::build::BuildOptions {
        dest,
        base_url,
        // Only for measuring the index's cost (bench/search.sh); not a CLI flag.
        skip_full_text_index: std::env::var_os("PLAYBOOK_NO_FULLTEXT").is_some(),
        no_index_cache: std::env::var_os("PLAYBOOK_NO_INDEX_CACHE").is_some()
            || std::env::var_os("PLAYBOOK_NO_CACHE").is_some(),
        no_markdown_cache: std::env::var_os("PLAYBOOK_NO_CACHE").is_some(),
        force,
    };
    // A refused output folder is a usage error (exit 2), said before any work.
    if let Ok(config) = playbook_content::config::Config::load(root) {
        let dest = opts
            .dest
            .clone()
            .unwrap_or_else(|| root.join(&config.build.build_dir));
        if let Err(d) = playbook_output::destination::check(root, &dest, force) {
            eprint!("{}", d.render_text());
            return EXIT_USAGE;
        }
    }
    let start = std::time::Instant::now();
    match crate::build::build(root, &opts) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                eprint_diags(&report.warnings);
            }
            eprintln!(
                "built {} pages ({} files, {} KB) into {} in {} ms",
                report.pages,
                report.files,
                report.bytes / 1024,
                report.dest.display(),
                start.elapsed().as_millis()
            );
            if !report.sitemap {
                eprintln!("note: no sitemap.xml: its addresses must be absolute, and the base URL has no host; set [build] site-url = \"https://…/\" in book.toml (or build with --base-url https://…/) to get one");
            }
            if std::env::var_os("PLAYBOOK_TIMINGS").is_some() {
                for (stage, t) in &report.timings {
                    eprintln!("  {stage}: {} ms", t.as_millis());
                }
            }
            for (what, t) in playbook_site::render::profile::report() {
                eprintln!("  render {what}: {} ms", t.as_millis());
            }
            EXIT_OK
        }
        Err(d) => {
            eprint_diags(&d);
            eprintln!("build failed; the previous site (if any) was left untouched");
            usage_or_content(root)
        }
    }
}

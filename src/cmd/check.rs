//! `playbook check`: everything a build validates (content and templates), writing nothing.

use super::{eprint_diags, usage_or_content, EXIT_OK};
use crate::cli::CheckFormat;
use crate::diag::Diagnostics;
use std::path::Path;

pub fn run(root: &Path, format: CheckFormat) -> i32 {
    let result = crate::load_playbook(root).and_then(|pb| {
        let t = crate::render::Templates::load(root)?;
        // Render every page (template errors are content errors) but keep nothing.
        let opts = crate::render::RenderOptions {
            skip_full_text_index: true,
            ..Default::default()
        };
        crate::render::render_site_to(&pb, &t, &opts, &|_| Ok(()))?;
        Ok(pb)
    });
    let (diags, ok, summary) = match result {
        Ok(pb) => {
            let s = format!(
                "ok: {} frameworks, {} steps, {} tasks, {} metrics, {} markets, {} regulations, {} experts, {} research pages, {} chapters",
                pb.frameworks.len(), pb.steps.len(), pb.framework_task_count(), pb.metrics.len(), pb.markets.len(),
                pb.regulations.len(), pb.experts.len(), pb.research.len(), pb.chapters.len()
            );
            (Diagnostics(pb.warnings), true, s)
        }
        Err(d) => (d, false, String::new()),
    };
    match format {
        CheckFormat::Json => println!("{}", diags.render_json()),
        CheckFormat::Text => {
            eprint_diags(&diags);
            if ok {
                println!("{summary}");
            }
        }
    }
    if ok {
        EXIT_OK
    } else {
        usage_or_content(root)
    }
}

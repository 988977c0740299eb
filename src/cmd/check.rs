//! `playbook check`: everything a build validates (content and templates), writing nothing.
//! With `--external`, then every external link too (`link_check`; it keeps its results in the
//! playbook's cache folder).

use super::{eprint_diags, usage_or_content, EXIT_OK};
use crate::cli::CheckFormat;
use playbook_content::diag::Diagnostics;
use std::path::Path;

pub(super) fn run(root: &Path, format: CheckFormat, external: bool, as_of: Option<&str>) -> i32 {
    let Some(today) = super::as_of_day(as_of) else {
        return super::EXIT_USAGE;
    };
    let result = playbook_plan::load_playbook_on(root, None, today).and_then(|mut pb| {
        let t = playbook_site::render::Templates::load(root)?;
        pb.warnings.extend(t.warnings.iter().cloned());
        // Render every page (template errors are content errors) but keep nothing.
        let opts = playbook_site::render::RenderOptions {
            skip_full_text_index: true,
            ..Default::default()
        };
        playbook_site::render::render_site_to(&pb, &t, &opts, &|_| Ok(()))?;
        Ok(pb)
    });
    let (diags, ok, summary) = match result {
        Ok(mut pb) => {
            let counts: Vec<String> = playbook_content::model::Kind::in_model_order()
                .into_iter()
                .filter_map(|k| k.info().summary)
                .map(|c| format!("{} {}", (c.count)(&pb), c.plural))
                .collect();
            let s = format!("ok: {}", counts.join(", "));
            let s = s + &translation_summary(&pb);
            let mut diags = Diagnostics(std::mem::take(&mut pb.warnings));
            if external {
                let report = playbook_links::check(&pb, root, &playbook_links::Options::from_env());
                eprintln!("{}", report.summary());
                diags.extend(report.diagnostics);
            }
            let ok = !diags.has_errors();
            (diags, ok, s)
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

/// One line per language of the translations: files, stale files, texts
/// translated and texts that fall back to the source.
fn translation_summary(pb: &playbook_content::model::Playbook) -> String {
    pb.translations
        .coverage
        .iter()
        .map(|(lang, c)| {
            format!(
                "\n{lang}: {} translation file{} ({} stale), {} texts translated, {} shown in the source language",
                c.files,
                if c.files == 1 { "" } else { "s" },
                c.stale_files,
                c.translated,
                c.missing
            )
        })
        .collect()
}

//! `playbook checklist <market> [--format …] [-o FILE]`, `--company` (the
//! company program's), and `--all -o DIR` (every market and the company
//! program).

use super::{eprint_diags, usage_or_content, EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::cli::ChecklistFormat;
use playbook_content::diag::Diagnostic;
use playbook_content::model::Playbook;
use playbook_plan::checklist::{self, Program};
use playbook_plan::checklist_format::{file_name, Render};
use playbook_site::render::Templates;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// How the checklists of one run are laid out.
#[derive(Debug, Clone, Copy)]
pub(super) struct Options<'a> {
    /// Row order.
    pub(super) order: checklist::Order,
    /// Paper for HTML and PDF; `None`: the program's own.
    pub(super) paper: Option<playbook_site::render::checklist_sheet::Paper>,
    /// `--lang`: the edition whose checklist is printed.
    pub(super) lang: Option<&'a str>,
}

pub(super) fn run(
    root: &Path,
    market: Option<&str>,
    company: bool,
    all: bool,
    formats: Vec<ChecklistFormat>,
    output: Option<PathBuf>,
    opts: Options<'_>,
) -> i32 {
    let order = opts.order;
    let lang = opts.lang;
    // Each format once, in the order given (`md,csv,md` is md and csv).
    let mut formats = formats;
    let mut seen = Vec::with_capacity(formats.len());
    formats.retain(|f| {
        let new = !seen.contains(f);
        seen.push(*f);
        new
    });
    if !all && formats.len() > 1 {
        eprintln!("error: one market is printed in one format at a time\n  = help: use a single --format, or --all --format md,csv -o DIR for several");
        return EXIT_USAGE;
    }
    if !all
        && output.is_none()
        && formats.contains(&ChecklistFormat::Pdf)
        && std::io::stdout().is_terminal()
    {
        eprintln!("error: a PDF is not for a terminal\n  = help: write it to a file: -o {}.pdf (or redirect standard output: > {0}.pdf)", if company { "company" } else { market.unwrap_or("checklist") });
        return EXIT_USAGE;
    }
    // git's answers come in while the playbook loads, as in `build`: a
    // calendar's DTSTAMP and SEQUENCE (and the HTML's version) are the
    // site download's, so an app that imports both keeps the newer.
    let (pb, git) = std::thread::scope(|s| {
        let git = s.spawn(|| playbook_content::provenance::read_git(root));
        (
            playbook_plan::load_playbook(root),
            git.join().unwrap_or_default(),
        )
    });
    let mut pb = match pb {
        Ok(pb) => pb,
        Err(d) => {
            eprint_diags(&d);
            return usage_or_content(root);
        }
    };
    pb.provenance = playbook_content::provenance::from_git(git, &pb.config);
    // `--lang`: the checklist of that language's edition.
    let source_language = pb.config.book.language.clone();
    let lang = lang.filter(|l| *l != source_language);
    let pb = match lang {
        None => pb,
        Some(l) => match in_language(root, &pb, l) {
            Ok(edition) => edition,
            Err(code) => return code,
        },
    };
    if let Some(out) = &output {
        if let Err(d) = playbook_output::destination::check_file(root, out) {
            eprint!("{}", d.render_text());
            return EXIT_USAGE;
        }
    }
    // The HTML and PDF formats are the playbook's `checklist_export.html`
    // template (built-in or overridden).
    let templates = if formats
        .iter()
        .any(|f| matches!(f.info().render, Render::StandaloneHtml | Render::Pdf))
    {
        match Templates::load(root).and_then(|t| match lang {
            Some(l) => t.in_language(l, root),
            None => Ok(t),
        }) {
            Ok(t) => Some(t),
            Err(d) => {
                eprint_diags(&d);
                return EXIT_CONTENT;
            }
        }
    } else {
        None
    };
    let templates = templates.as_ref();
    if all {
        use rayon::prelude::*;
        let dir = output.unwrap_or_else(|| PathBuf::from("checklists"));
        // Load once; each market's rows are computed once and printed in every format.
        let lists = checklist::Checklists::new(&pb);
        // Every market, then the company program when the playbook has one.
        let programs: Vec<Program> = pb
            .markets
            .indices()
            .map(Program::Market)
            .chain(pb.config.company.is_some().then_some(Program::Company))
            .collect();
        let bar = progress_bar(programs.len() * formats.len());
        let failed: Vec<Diagnostic> = programs
            .par_iter()
            .flat_map_iter(|&m| {
                let list = lists.checklist(m, order);
                let dir = &dir;
                let pb = &pb;
                let bar = &bar;
                formats
                    .iter()
                    .filter_map(|&format| {
                        let path = dir.join(file_name(m.head(pb).id, format));
                        let written =
                            render_rows_to(pb, templates, &list, format, opts.paper, Some(&path));
                        bar.inc(1);
                        written
                            .map_err(|d| {
                                let id = m.head(pb).id;
                                Diagnostic {
                                    message: format!("{id} ({}): {}", format.ext(), d.message),
                                    ..d
                                }
                            })
                            .err()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        bar.finish_and_clear();
        if !failed.is_empty() {
            // Every market that failed, not only the first.
            for d in &failed {
                eprint!("{}", d.render_text());
            }
            eprintln!(
                "{} of {} checklists failed; the others were written to {}",
                failed.len(),
                programs.len() * formats.len(),
                dir.display()
            );
            return EXIT_CONTENT;
        }
        eprintln!(
            "wrote {} checklists to {}",
            programs.len() * formats.len(),
            dir.display()
        );
        return EXIT_OK;
    }
    let m = if company {
        if pb.config.company.is_none() {
            eprint!(
                "{}",
                Diagnostic::error("this playbook has no company program")
                    .help("mark company-wide frameworks, phases, steps or tasks `scope: company` and give the program a start date in book.toml: [company] kickoff = 2026-11-02")
                    .render_text()
            );
            return EXIT_USAGE;
        }
        Program::Company
    } else {
        match checklist::find_market(&pb, market.unwrap_or_default()) {
            Ok(m) => Program::Market(m),
            Err(d) => {
                eprint!("{}", d.render_text());
                return EXIT_USAGE;
            }
        }
    };
    let format = formats.first().copied().unwrap_or(ChecklistFormat::Md);
    let lists = checklist::Checklists::new(&pb);
    let list = lists.checklist(m, order);
    match render_rows_to(&pb, templates, &list, format, opts.paper, output.as_deref()) {
        Ok(()) => EXIT_OK,
        Err(d) => {
            eprint!("{}", d.render_text());
            EXIT_CONTENT
        }
    }
}

fn render_rows_to(
    pb: &Playbook,
    templates: Option<&Templates>,
    list: &checklist::Checklist<'_>,
    format: ChecklistFormat,
    paper: Option<playbook_site::render::checklist_sheet::Paper>,
    out: Option<&Path>,
) -> Result<(), Diagnostic> {
    let paper = paper.unwrap_or_else(|| {
        playbook_site::render::checklist_sheet::Paper::for_program(pb, list.prog)
    });
    let bytes = match format.info().render {
        Render::Text(render) => render(pb, list).into_bytes(),
        Render::StandaloneHtml => standalone_html(pb, templates, list, paper)?.into_bytes(),
        Render::Pdf => super::pdf::print_pdf(&standalone_html(pb, templates, list, paper)?)?,
    };
    match out {
        Some(p) => playbook_output::write_file(p, &bytes),
        None => super::write_stdout(&bytes),
    }
}

/// The printable checklist page, from the templates loaded for it.
fn standalone_html(
    pb: &Playbook,
    templates: Option<&Templates>,
    list: &checklist::Checklist<'_>,
    paper: playbook_site::render::checklist_sheet::Paper,
) -> Result<String, Diagnostic> {
    let templates = templates.ok_or_else(|| {
        Diagnostic::internal("the templates were not loaded for an HTML checklist")
    })?;
    playbook_site::render::checklist_sheet::standalone_html(pb, templates, list, paper)
}

/// A bar counting the files `--all` writes, one tick per file (PDFs take
/// seconds each). Drawn on standard error only when it is a terminal:
/// indicatif's `stderr()` target hides itself otherwise (a pipe, a file,
/// CI), so scripts and logs see only the closing line.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} checklists ({elapsed})")
    {
        bar.set_style(style);
    }
    bar
}

/// The playbook in `lang`, one of `[book] languages`; a usage error naming
/// the languages it has otherwise.
fn in_language(root: &Path, pb: &Playbook, lang: &str) -> Result<Playbook, i32> {
    if !pb.config.book.languages.iter().any(|l| l == lang) {
        let have: Vec<&str> = std::iter::once(pb.config.book.language.as_str())
            .chain(pb.config.book.languages.iter().map(String::as_str))
            .collect();
        let hint = match playbook_content::diag::suggest(lang, have.iter().copied()) {
            Some(s) => format!("did you mean `--lang {s}`? "),
            None => String::new(),
        };
        eprintln!(
            "error: `{lang}` is not a language of this playbook\n  = help: {hint}it has {}; a language is added with `[book] languages` in book.toml",
            have.join(", ")
        );
        return Err(EXIT_USAGE);
    }
    let (words, diags) = playbook_content::language::strings::UiStrings::load(lang, Some(root));
    if diags.has_errors() {
        eprint_diags(&diags);
        return Err(EXIT_CONTENT);
    }
    Ok(playbook_content::i18n::apply::edition_with_words(
        pb,
        lang,
        &pb.translations,
        words,
    ))
}

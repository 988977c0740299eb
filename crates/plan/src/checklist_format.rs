//! The checklist formats, declared once ([`FORMATS`]): each one's
//! extension, the CLI's description of it, how it is rendered and whether
//! the site offers it as a download beside a checklist page; and the one
//! name a checklist file has ([`file_name`]). The CLI's `--format` values,
//! `playbook checklist`'s dispatch, the market and company pages' downloads
//! and the list of paths `serve` answers are derived from it.
//!
//! It sits above the formats it names (`checklist`'s Markdown, CSV and JSON,
//! `calendar`'s iCalendar), so neither imports the other; the standalone
//! HTML and the PDF need the templates and a browser, so `cmd` renders them.

use crate::checklist::{self, Checklist};
use playbook_content::model::Playbook;
use playbook_content::site_file::SiteFile;

/// A checklist format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// GitHub task lists grouped by phase.
    Md,
    /// RFC 4180 CSV.
    Csv,
    /// JSON.
    Json,
    /// Standalone printable HTML.
    Html,
    /// PDF printed by a local Chromium.
    Pdf,
    /// iCalendar (RFC 5545).
    Ics,
}

/// How a format is rendered.
#[derive(Clone, Copy)]
pub enum Render {
    /// Text made from the checklist alone.
    Text(fn(&Playbook, &Checklist<'_>) -> String),
    /// The playbook's `checklist_export.html` (it needs the templates).
    StandaloneHtml,
    /// That page printed to PDF by a local Chromium.
    Pdf,
}

/// One format's row of [`FORMATS`].
pub struct FormatInfo {
    /// The format.
    pub format: Format,
    /// Its file extension, also its `--format` value.
    pub ext: &'static str,
    /// What `--help` says of it.
    pub help: &'static str,
    /// How it is rendered.
    pub render: Render,
    /// Whether the site writes it beside a checklist page for download (a
    /// market whose rows the browser assembles has none: its page makes
    /// its own CSV and Markdown).
    pub site: bool,
}

/// Every format, in the order `--help` lists them.
pub const FORMATS: [FormatInfo; 6] = [
    FormatInfo {
        format: Format::Md,
        ext: "md",
        help: "GitHub task lists grouped by phase",
        render: Render::Text(checklist::to_markdown),
        site: true,
    },
    FormatInfo {
        format: Format::Csv,
        ext: "csv",
        help: "RFC 4180 CSV",
        render: Render::Text(checklist::to_csv),
        site: true,
    },
    FormatInfo {
        format: Format::Json,
        ext: "json",
        help: "JSON",
        render: Render::Text(checklist::to_json),
        site: false,
    },
    FormatInfo {
        format: Format::Html,
        ext: "html",
        help: "Standalone printable HTML",
        render: Render::StandaloneHtml,
        site: false,
    },
    FormatInfo {
        format: Format::Pdf,
        ext: "pdf",
        help: "PDF printed by a local Chromium",
        render: Render::Pdf,
        site: false,
    },
    FormatInfo {
        format: Format::Ics,
        ext: "ics",
        help: "iCalendar (RFC 5545): one all-day event per step window, for a calendar app to import or subscribe to",
        render: Render::Text(crate::calendar::to_ics),
        site: true,
    },
];

impl Format {
    /// Its row of [`FORMATS`].
    pub fn info(self) -> &'static FormatInfo {
        // The table is in the enum's order (a unit test checks).
        &FORMATS[self as usize]
    }

    /// Its file extension.
    pub fn ext(self) -> &'static str {
        self.info().ext
    }
}

/// The name of a program's checklist file in a format: `checklist-<id>.<ext>`
/// (`id`: a market's id, or `company`), beside its checklist page on the
/// site and in `playbook checklist --all -o DIR`.
pub fn file_name(id: &str, format: Format) -> String {
    format!("checklist-{id}.{}", format.ext())
}

/// The formats the site offers beside a checklist page.
pub fn site_formats() -> impl Iterator<Item = Format> {
    FORMATS.iter().filter(|f| f.site).map(|f| f.format)
}

/// The site's download files of a program's checklist, in `dir` (a
/// site-relative folder ending in `/`: `markets/de/`, `company/`).
pub fn site_downloads(pb: &Playbook, list: &Checklist<'_>, dir: &str) -> Vec<SiteFile> {
    let id = list.prog.head(pb).id;
    site_formats()
        .filter_map(|format| match format.info().render {
            Render::Text(render) => Some(SiteFile {
                path: format!("{dir}{}", file_name(id, format)),
                bytes: render(pb, list).into_bytes(),
            }),
            Render::StandaloneHtml | Render::Pdf => None,
        })
        .collect()
}

/// The paths of the files [`site_downloads`] makes, for `serve`.
pub fn site_download_paths(id: &str, dir: &str) -> Vec<String> {
    site_formats()
        .map(|format| format!("{dir}{}", file_name(id, format)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_enum_order_with_unique_extensions() {
        for (i, f) in FORMATS.iter().enumerate() {
            assert_eq!(f.format as usize, i, "{} is out of order", f.ext);
        }
        let mut exts: Vec<&str> = FORMATS.iter().map(|f| f.ext).collect();
        exts.sort_unstable();
        exts.dedup();
        assert_eq!(exts.len(), FORMATS.len());
    }

    #[test]
    fn the_site_offers_only_formats_it_can_render_alone() {
        for f in site_formats() {
            assert!(
                matches!(f.info().render, Render::Text(_)),
                "{} needs templates or a browser",
                f.ext()
            );
        }
        assert_eq!(file_name("de", Format::Csv), "checklist-de.csv");
    }
}

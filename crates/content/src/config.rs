//! `book.toml` → [`Config`]: the playbook's title, language, output directory,
//! base URL and edit-link template. Keys are kebab-case; unknown keys are
//! errors with the line and a "did you mean".

use crate::diag::{suggest, Diagnostic};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// `book.toml`: the playbook's settings (keys are kebab-case; unknown keys
/// are errors).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// `[book]`: what the playbook is.
    pub book: BookConfig,
    /// `[build]`: where and how the site is written.
    #[serde(default)]
    pub build: BuildConfig,
    /// `[company]`: the company program (work done once for the company,
    /// `scope: company` in content) and its start date.
    #[serde(default)]
    pub company: Option<CompanyConfig>,
    /// `[extra]`: anything the playbook's own templates want to read, as
    /// `{{ extra.… }}` (Zola's and mdBook's convention).
    #[serde(default)]
    #[schemars(with = "serde_json::Map<String, serde_json::Value>")]
    pub extra: toml::Table,
}

/// The `[book]` table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BookConfig {
    /// Site title, shown in every page header.
    pub title: String,
    /// One-line description, used on the home page and in `<meta>`.
    #[serde(default)]
    pub description: String,
    /// BCP 47 language of the content (`<html lang>`).
    #[serde(default = "default_language")]
    pub language: String,
    /// The languages of the playbook's other editions (`["de", "ja"]`):
    /// their translations are in `content/i18n/<lang>/` and checked.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Who maintains the playbook.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The playbook's version, shown in every page's footer. Without it, a
    /// playbook in git shows `git describe --tags --always` of the checkout.
    #[serde(default)]
    pub version: Option<String>,
}

/// The `[company]` table: when the company program starts. It is the one
/// place its date lives: company-wide phases are dated from it as a market's
/// phases are from the market's kickoff.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CompanyConfig {
    /// Week 1 (and Month 1) of company-wide work starts on this day: a TOML
    /// date, `kickoff = 2026-11-02`.
    #[serde(deserialize_with = "toml_date", serialize_with = "date_string")]
    #[schemars(with = "jiff::civil::Date")]
    pub kickoff: jiff::civil::Date,
    /// What its checklist is called ("Company program" when absent).
    #[serde(default)]
    pub name: Option<String>,
    /// Who leads the company program, shown on its checklist as a market's
    /// launch lead (its person in the role marked `leads_launch`) is on the
    /// market's (nothing is shown when absent).
    #[serde(default)]
    pub lead: Option<String>,
    /// The day the program's work was in place (its launch): from then on,
    /// status counts work due by that day as closed even where nobody
    /// recorded it, as for a launched market.
    #[serde(
        default,
        deserialize_with = "toml_date_opt",
        serialize_with = "date_string_opt"
    )]
    #[schemars(with = "Option<jiff::civil::Date>")]
    pub launched: Option<jiff::civil::Date>,
}

/// An optional TOML date (see `toml_date`).
fn toml_date_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<jiff::civil::Date>, D::Error> {
    toml_date(d).map(Some)
}

fn date_string_opt<S: serde::Serializer>(
    d: &Option<jiff::civil::Date>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

impl CompanyConfig {
    /// The program's display name.
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("Company program")
    }
}

/// A TOML local date (`2026-11-02`, or the same as a string) as a civil date.
fn toml_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<jiff::civil::Date, D::Error> {
    use serde::de::Error;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Toml(toml::value::Datetime),
        Text(String),
    }
    let text = match Either::deserialize(d)? {
        Either::Toml(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
        Either::Toml(dt) => {
            return Err(D::Error::custom(format!(
                "`kickoff` must be a date without a time, like 2026-11-02 (found {dt})"
            )))
        }
        Either::Text(s) => s,
    };
    text.parse::<jiff::civil::Date>().map_err(|e| {
        D::Error::custom(format!(
            "`kickoff` must be a real date like 2026-11-02 ({text}: {e})"
        ))
    })
}

fn date_string<S: serde::Serializer>(d: &jiff::civil::Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

/// The `[build]` table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildConfig {
    /// Output directory, relative to the playbook root.
    #[serde(default = "default_build_dir")]
    pub build_dir: String,
    /// Where the site is published, e.g. `/ops/playbook/` or
    /// `https://intranet.example/ops/playbook/`. Links inside the site are
    /// relative, so this only feeds the 404 page and `sitemap.xml`.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The site's full address with its host, e.g.
    /// `https://intranet.example/ops/playbook/`, for `sitemap.xml` (whose
    /// addresses must be absolute) when `base-url` is only a path. Without
    /// a host in either, no sitemap is written.
    #[serde(default)]
    pub site_url: Option<String>,
    /// Template for the "Edit this page" link; `{path}` becomes the source
    /// file's path relative to the playbook root.
    #[serde(default)]
    pub edit_url: Option<String>,
    /// The most rows a market's checklist may have and still be written out
    /// as static HTML, CSV and Markdown. A bigger checklist (thousands of
    /// tasks × hundreds of markets) would make the site grow with
    /// markets × tasks; its page is filled in by the browser from one shared
    /// task table plus a small per-market file instead (see docs/checklist.md).
    #[serde(default = "default_static_checklist_rows")]
    pub static_checklist_rows: usize,
    /// Stylesheets linked from every page after the theme's, relative to
    /// the playbook root (published at the same path), as mdBook's
    /// `additional-css`.
    #[serde(default)]
    pub additional_css: Vec<String>,
    /// Scripts loaded by every page after the theme's (deferred), relative
    /// to the playbook root, as mdBook's `additional-js`.
    #[serde(default)]
    pub additional_js: Vec<String>,
    /// Show the build's date in every page's footer (off by default: a
    /// site then depends only on its commit, and two builds of one commit
    /// are byte-identical). `SOURCE_DATE_EPOCH` sets the date when given.
    #[serde(default)]
    pub build_date: bool,
}

impl Default for BuildConfig {
    fn default() -> Self {
        BuildConfig {
            build_dir: default_build_dir(),
            base_url: default_base_url(),
            site_url: None,
            edit_url: None,
            static_checklist_rows: default_static_checklist_rows(),
            additional_css: Vec::new(),
            additional_js: Vec::new(),
            build_date: false,
        }
    }
}

fn default_language() -> String {
    "en".into()
}
fn default_build_dir() -> String {
    "book".into()
}
fn default_base_url() -> String {
    "/".into()
}
fn default_static_checklist_rows() -> usize {
    5000
}

impl Config {
    /// Read and validate `<root>/book.toml`.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join("book.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(format!("cannot read book.toml: {e}"))
                .in_file("book.toml", 1, 1)
                .help(format!(
                    "run playbook from the playbook's root (the folder with book.toml), pass --root DIR, or create one with `playbook init` (looked in {})",
                    root.display()
                ))
        })?;
        Config::parse(&text)
    }

    /// Parse the text of a `book.toml`.
    pub fn parse(text: &str) -> Result<Config, Diagnostic> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_string();
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            let mut d = Diagnostic::error(format!("invalid book.toml: {msg}"))
                .at_offset("book.toml", text, offset);
            let help = if let Some(rest) = msg.strip_prefix("unknown field `") {
                let field = rest.split('`').next().unwrap_or("");
                let known = [
                    "book",
                    "build",
                    "title",
                    "description",
                    "language",
                    "authors",
                    "version",
                    "build-dir",
                    "base-url",
                    "edit-url",
                    "static-checklist-rows",
                    "additional-css",
                    "additional-js",
                    "build-date",
                    "extra",
                    "company",
                    "kickoff",
                    "name",
                ];
                match suggest(field, known) {
                    Some(s) => format!("did you mean `{s}`? [book] takes title, description, language, languages, authors, version; [build] takes build-dir, base-url, site-url, edit-url, static-checklist-rows, additional-css, additional-js, build-date; [company] takes kickoff, name, lead, launched; [extra] takes anything"),
                    None => "[book] takes title, description, language, languages, authors, version; [build] takes build-dir, base-url, site-url, edit-url, static-checklist-rows, additional-css, additional-js, build-date; [company] takes kickoff, name, lead, launched; [extra] takes anything".to_string(),
                }
            } else if msg.contains("missing field `title`") {
                "add `title = \"…\"` under [book]".to_string()
            } else if msg.contains("missing field `book`") {
                "add a [book] table with at least `title = \"…\"`".to_string()
            } else {
                "see the book.toml section of README.md".to_string()
            };
            d = d.help(help);
            d
        })?;
        cfg.build.base_url = normalize_base_url(&cfg.build.base_url);
        if let Some(u) = &cfg.build.site_url {
            if !has_host(u) {
                let offset = text.find(u.as_str()).unwrap_or(0);
                return Err(Diagnostic::error(format!(
                    "site-url `{u}` has no host: it is the site's full address"
                ))
                .at_offset("book.toml", text, offset)
                .help("write it with its scheme and host, e.g. \"https://intranet.example/ops/playbook/\""));
            }
            cfg.build.site_url = Some(normalize_base_url(u));
        }
        for (key, list) in [
            ("additional-css", &cfg.build.additional_css),
            ("additional-js", &cfg.build.additional_js),
        ] {
            for p in list {
                let inside = !p.is_empty()
                    && !p.starts_with('/')
                    && !p.contains('\\')
                    && p.split('/').all(|seg| seg != ".." && !seg.is_empty());
                if !inside {
                    let offset = text.find(p.as_str()).unwrap_or(0);
                    return Err(Diagnostic::error(format!(
                        "{key} names `{p}`, which is not a path inside the playbook"
                    ))
                    .at_offset("book.toml", text, offset)
                    .help("name files relative to the playbook root with `/`, e.g. \"theme/brand.css\""));
                }
            }
        }
        // An edition is a folder of the site named by its language: a tag
        // like `de` or `pt-BR`, never a path, never the source language.
        let mut seen: Vec<&str> = Vec::new();
        for lang in &cfg.book.languages {
            let offset = text.find(&format!("\"{lang}\"")).map_or(0, |o| o + 1);
            let well_formed = !lang.is_empty()
                && lang.len() <= 35
                && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && lang.parse::<unic_langid::LanguageIdentifier>().is_ok();
            let problem = if !well_formed {
                Some(format!(
                    "`{lang}` in [book] languages is not a language tag"
                ))
            } else if *lang == cfg.book.language {
                Some(format!(
                    "`{lang}` in [book] languages is the source language (`language`)"
                ))
            } else if seen.contains(&lang.as_str()) {
                Some(format!("`{lang}` is named twice in [book] languages"))
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(Diagnostic::error(problem)
                    .at_offset("book.toml", text, offset)
                    .help("name each other language once by its BCP 47 tag, e.g. languages = [\"de\", \"ja\"]"));
            }
            seen.push(lang);
        }
        Ok(cfg)
    }
}

/// Does a URL name its host (`https://…`, `http://…`)?
pub fn has_host(url: &str) -> bool {
    ["https://", "http://"].iter().any(|s| {
        url.strip_prefix(s)
            .is_some_and(|rest| !rest.starts_with('/') && !rest.is_empty())
    })
}

impl BuildConfig {
    /// The absolute address `sitemap.xml` lists pages under: the base URL
    /// when it has a host, else `site-url`; `None` (no sitemap) without
    /// either.
    pub fn sitemap_base(&self) -> Option<&str> {
        if has_host(&self.base_url) {
            Some(&self.base_url)
        } else {
            self.site_url.as_deref()
        }
    }
}

/// Make a base URL end with exactly one `/`; a bare path gains a leading `/`.
pub fn normalize_base_url(url: &str) -> String {
    let mut u = url.trim().to_string();
    if !u.contains("://") && !u.starts_with('/') {
        u.insert(0, '/');
    }
    while u.ends_with("//") {
        u.pop();
    }
    if !u.ends_with('/') {
        u.push('/');
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::parse("[book]\ntitle = \"Ops\"\n").unwrap();
        assert_eq!(c.build.build_dir, "book");
        assert_eq!(c.build.base_url, "/");
        assert_eq!(c.book.language, "en");
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_suggestion() {
        let d =
            Config::parse("[book]\ntitle = \"Ops\"\n[build]\nbase-ulr = \"/x/\"\n").unwrap_err();
        let loc = d.location.clone().unwrap();
        assert_eq!(loc.line, 4);
        assert!(d.help.unwrap().contains("base-url"));
    }

    #[test]
    fn company_kickoff_is_a_toml_date() {
        let c =
            Config::parse("[book]\ntitle = \"Ops\"\n[company]\nkickoff = 2026-11-02\n").unwrap();
        let company = c.company.unwrap();
        assert_eq!(company.kickoff, jiff::civil::date(2026, 11, 2));
        assert_eq!(company.name(), "Company program");
        // TOML itself refuses a day that does not exist …
        let d = Config::parse("[book]\ntitle = \"Ops\"\n[company]\nkickoff = 2026-02-30\n")
            .unwrap_err();
        assert_eq!(d.location.unwrap().line, 4);
        // … and a date written as a string is checked the same way.
        let d = Config::parse("[book]\ntitle = \"Ops\"\n[company]\nkickoff = \"2026-02-30\"\n")
            .unwrap_err();
        assert!(d.message.contains("real date"), "{}", d.message);
        assert_eq!(d.location.unwrap().line, 4);
        let d =
            Config::parse("[book]\ntitle = \"Ops\"\n[company]\nkickoff = 2026-11-02T09:00:00\n")
                .unwrap_err();
        assert!(d.message.contains("without a time"), "{}", d.message);
    }

    #[test]
    fn other_languages_are_tags_never_paths_or_the_source_language() {
        let with =
            |langs: &str| Config::parse(&format!("[book]\ntitle = \"T\"\nlanguages = {langs}\n"));
        assert!(with(r#"["de", "pt-BR", "ja"]"#).is_ok());
        for (bad, says) in [
            (r#"["../x"]"#, "not a language tag"),
            (r#"["de/x"]"#, "not a language tag"),
            (r#"[""]"#, "not a language tag"),
            (r#"["en"]"#, "the source language"),
            (r#"["de", "de"]"#, "named twice"),
        ] {
            let e = with(bad).expect_err(bad);
            assert!(e.message.contains(says), "{bad}: {}", e.message);
            assert_eq!(
                e.location.as_ref().map(|l| l.line),
                Some(3),
                "{bad}: placed on its line"
            );
        }
    }

    #[test]
    fn base_url_is_normalized() {
        assert_eq!(normalize_base_url("ops/playbook"), "/ops/playbook/");
        assert_eq!(
            normalize_base_url("https://x.example/p"),
            "https://x.example/p/"
        );
    }
}

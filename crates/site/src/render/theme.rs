//! The theme a site is rendered with: the built-in templates and assets,
//! and what a playbook adds or replaces, as mdBook and Zola users expect.
//!
//! - Every `*.html` under the playbook's `templates/` is a template named by
//!   its path there (`partials/banner.html`); one named like a built-in
//!   replaces it, any other is added (a partial to include, a macro file, a
//!   page a template extends).
//! - Every file under the playbook's `theme/` is published under `theme/`;
//!   one named like a built-in asset replaces it.
//! - `book.toml`'s `additional-css` and `additional-js` (in `[build]`, paths
//!   relative to the playbook root) are published at those paths and linked
//!   from every page; `[extra]` reaches every template as `extra`.
//! - A replaced `base.html` or `checklist.html` that drops what search or
//!   the checklist needs gets a warning naming what is missing.
//!
//! A file that exists but cannot be read is an error, never a silent fall
//! back to the built-in one.

use super::{error_chain, escape_html, minify, register_filters, template_error};
use super::{BUILTIN_ASSETS, BUILTIN_TEMPLATES};
use playbook_content::diag::{Diagnostic, Diagnostics};
use std::path::Path;

/// Loaded, compiled templates and the theme's files; load once per process
/// (or per template change).
pub struct Templates {
    tera: tera::Tera,
    /// Theme assets and additional files, by site path: built-ins,
    /// overridden or added to by the playbook's files.
    pub assets: Vec<(String, Vec<u8>)>,
    /// Problems that do not stop a build (an override missing a hook).
    pub warnings: Vec<Diagnostic>,
    /// Every page's Content-Security-Policy and the inline script it allows.
    pub security: super::csp::PageSecurity,
    /// The interface's words these templates speak (their `t(key=…)`), for
    /// the words the page builders write themselves (titles, breadcrumbs).
    strings: playbook_content::language::strings::UiStrings,
}

/// What a replaced template must keep for the site to work, and why.
const HOOKS: &[(&str, &str, &str)] = &[
    ("base.html", "data-search-body", "the search index reads each page's text from the element with `data-search-body`: without it search finds nothing"),
    ("base.html", "theme/search.js", "the search box needs `theme/search.js`"),
    ("base.html", "id=\"search-box\"", "`/` focuses the element with id `search-box`, and search.js attaches to it"),
    ("base.html", "block content", "every page template fills `{% block content %}`: without it pages are empty"),
    ("base.html", "site.csp", "every page carries the site's Content-Security-Policy (`<meta http-equiv=\"Content-Security-Policy\" content=\"{{ site.csp }}\">`): without it a script that slips into a page can run"),
    ("checklist.html", "data-market", "ticks are kept per market: the checklist needs the `data-market` attribute"),
    ("checklist.html", "theme/checklist.js", "long checklists are assembled by `theme/checklist.js`"),
    ("assessment.html", "data-assessment", "`theme/learning.js` scores the self-assessment inside the element with `data-assessment` (the level's id)"),
    ("assessment.html", "theme/learning.js", "the self-assessment is scored in the page by `theme/learning.js`"),
    ("status.html", "id=\"status-data\"", "`theme/status.js` reads the launches from the element with id `status-data`: without it the page cannot say what is overdue"),
    ("status.html", "theme/status.js", "overdue tasks and each launch's state are worked out by `theme/status.js`"),
];

impl Templates {
    /// The built-in theme with the playbook's `templates/`, `theme/` and
    /// `book.toml` additions at `root` (see the module docs).
    pub fn load(root: &Path) -> Result<Templates, Diagnostics> {
        let mut diags = Diagnostics::new();
        let mut warnings = Vec::new();
        let mut sources: Vec<(String, String, String)> = Vec::new();
        let user_templates = files_under(&root.join("templates"), &mut diags);
        for (name, text) in BUILTIN_TEMPLATES {
            match user_templates.iter().find(|(n, _)| n == name) {
                Some((_, bytes)) => match String::from_utf8(bytes.clone()) {
                    Ok(t) => {
                        for (template, hook, why) in HOOKS.iter().filter(|h| h.0 == *name) {
                            if !t.contains(hook) {
                                warnings.push(
                                    Diagnostic::warning(format!(
                                        "templates/{template} replaces the built-in one but has no `{hook}`"
                                    ))
                                    .in_file(&format!("templates/{template}"), 1, 1)
                                    .help(format!("{why}; compare with `playbook init --theme` output")),
                                );
                            }
                        }
                        sources.push((name.to_string(), t, format!("templates/{name}")));
                    }
                    Err(_) => diags.push(not_utf8(&format!("templates/{name}"))),
                },
                None => sources.push((
                    name.to_string(),
                    text.to_string(),
                    format!("(built-in) templates/{name}"),
                )),
            }
        }
        for (name, bytes) in &user_templates {
            if !name.ends_with(".html") || BUILTIN_TEMPLATES.iter().any(|(n, _)| n == name) {
                continue;
            }
            match String::from_utf8(bytes.clone()) {
                Ok(t) => sources.push((name.clone(), t, format!("templates/{name}"))),
                Err(_) => diags.push(not_utf8(&format!("templates/{name}"))),
            }
        }
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        register_filters(&mut tera);
        // The interface's words in the playbook's language (`t(key=…)`);
        // an edition gets its own ([`Templates::in_language`]).
        let language = playbook_content::config::Config::load(root)
            .map(|c| c.book.language)
            .unwrap_or_else(|_| "en".to_string());
        let (strings, string_diags) =
            playbook_content::language::strings::UiStrings::load(&language, Some(root));
        diags.extend(string_diags);
        tera.register_function("t", Messages(strings.clone()));
        let refs: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, t, _)| (n.as_str(), t.as_str()))
            .collect();
        if let Err(e) = tera.add_raw_templates(refs) {
            // Find the culprit(s): parse each template alone (no parent,
            // macro file or include needed) to get its file, line and column.
            for (name, text, shown) in &sources {
                if let Err(e) = tera::Template::new(name, None, text) {
                    diags.push(template_error(&e, shown, text));
                }
            }
            if diags.is_empty() {
                diags.push(
                    Diagnostic::error(format!("template error: {}", error_chain(&e))).help(
                        "check {% extends %}, {% import %} and {% include %} names in templates/",
                    ),
                );
            }
        }
        let mut assets: Vec<(String, Vec<u8>)> = Vec::new();
        let user_theme = files_under(&root.join("theme"), &mut diags);
        for (path, text) in BUILTIN_ASSETS {
            let name = path.trim_start_matches("theme/");
            let bytes = match user_theme.iter().find(|(n, _)| n == name) {
                Some((_, b)) => b.clone(),
                None => text.as_bytes().to_vec(),
            };
            assets.push((path.to_string(), minify::asset(path, bytes)));
        }
        for (name, bytes) in user_theme {
            let path = format!("theme/{name}");
            if !assets.iter().any(|(p, _)| *p == path) {
                let bytes = minify::asset(&path, bytes);
                assets.push((path, bytes));
            }
        }
        // Files named in book.toml; a broken book.toml is reported by the
        // content load, so here it only means "no additional files".
        if let Ok(config) = playbook_content::config::Config::load(root) {
            let b = &config.build;
            for rel in b.additional_css.iter().chain(&b.additional_js) {
                if assets.iter().any(|(p, _)| p == rel) {
                    continue;
                }
                match std::fs::read(root.join(rel)) {
                    Ok(bytes) => assets.push((rel.clone(), bytes)),
                    Err(e) => diags.push(
                        Diagnostic::error(format!("cannot read {rel}, named in book.toml: {e}"))
                            .in_file("book.toml", 1, 1)
                            .help("additional-css and additional-js name files relative to the playbook root, e.g. \"theme/brand.css\""),
                    ),
                }
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        assets.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Templates {
            tera,
            assets,
            warnings,
            security: super::csp::PageSecurity::new(),
            strings,
        })
    }

    /// The same templates speaking `lang`: `t(key=…)` answers from that
    /// language's string table (the playbook's overrides included).
    pub fn in_language(&self, lang: &str, root: &Path) -> Result<Templates, Diagnostics> {
        let (strings, diags) =
            playbook_content::language::strings::UiStrings::load(lang, Some(root));
        if diags.has_errors() {
            return Err(diags);
        }
        let mut tera = self.tera.clone();
        tera.register_function("t", Messages(strings.clone()));
        Ok(Templates {
            tera,
            assets: self.assets.clone(),
            warnings: Vec::new(),
            security: self.security.clone(),
            strings,
        })
    }

    /// The message `key` of these templates' string table (plain, no
    /// arguments): a word a page builder writes itself, such as an index
    /// page's title or a breadcrumb.
    pub fn word(&self, key: &str) -> String {
        self.strings.get(key, &[])
    }

    /// These templates' string table, for a word with arguments or many
    /// words at once (a title with a name in it, Markdown's own words).
    pub fn words(&self) -> &playbook_content::language::strings::UiStrings {
        &self.strings
    }

    /// Render one template with a context; errors name the template.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(name, ctx).map_err(|e| {
            Diagnostic::error(format!("template `{name}` failed: {}", error_chain(&e)))
                .in_file(&format!("templates/{name}"), 1, 1)
                .help("a variable or filter in the template does not exist for this page; compare with the built-in template (docs/templates.md lists what each receives)")
        })
    }
}

fn not_utf8(shown: &str) -> Diagnostic {
    Diagnostic::error(format!("{shown} is not UTF-8 text"))
        .in_file(shown, 1, 1)
        .help("save the template as UTF-8")
}

/// Every file under `dir` (none if it does not exist), by `/`-separated
/// path relative to it, sorted; a file or folder that exists but cannot be
/// read is an error.
fn files_under(dir: &Path, diags: &mut Diagnostics) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>, diags: &mut Diagnostics) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => {
                diags.push(unreadable(dir, &e));
                return;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Hidden files, editors' swap and backup files.
            if name.starts_with('.')
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name == "4913"
            {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{rel}/"), out, diags);
            } else {
                match std::fs::read(&path) {
                    Ok(bytes) => out.push((rel, bytes)),
                    Err(e) => diags.push(unreadable(&path, &e)),
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out, diags);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn unreadable(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot read {}: {e}", path.display()))
        .help("a template or theme file that exists must be readable: fix its permissions, or remove it to use the built-in one")
}

/// The templates' `t(key="…", …)`: a message of the edition's string
/// table, its arguments escaped (the message is markup, so Tera does not
/// escape it again).
struct Messages(playbook_content::language::strings::UiStrings);

impl tera::Function for Messages {
    fn call(
        &self,
        args: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message-id\""))?;
        let rest = args
            .iter()
            .filter(|(k, _)| k.as_str() != "key")
            .map(|(k, v)| (k.as_str(), v));
        Ok(tera::Value::String(self.0.get_with_values(key, rest)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

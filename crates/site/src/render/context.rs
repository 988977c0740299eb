//! What every page's template context shares ([`BaseContext`]: the site's
//! settings, the page, breadcrumbs, previous/next in reading order, the
//! edit link, the sidebar's markup from [`super::sidebar`]), and Markdown
//! rendering against the playbook ([`Md`]).

use super::markdown_cache::MarkdownCache;
use playbook_content::markdown::{self, Heading, LinkResolver};
use playbook_content::model::{EntityRef, Idx, Kind, Playbook, SourceFile, Step};
use serde::Serialize;
use std::collections::HashMap;

/// Resolves cross-references and content-file links against a playbook.
pub struct Links<'a> {
    pb: &'a Playbook,
    by_file: HashMap<&'a str, EntityRef>,
}

impl<'a> Links<'a> {
    /// Index the playbook's files by path for relative links.
    pub fn new(pb: &'a Playbook) -> Self {
        let mut by_file = HashMap::new();
        // Entities that are files of their own (a market, a research page);
        // steps, tasks and metrics live inside other files.
        for kind in Kind::ALL.into_iter().filter(|k| k.info().file.is_some()) {
            for e in pb.entities(kind) {
                let f = pb.file_of(e);
                by_file.entry(pb.sources[f].path.as_str()).or_insert(e);
            }
        }
        Links { pb, by_file }
    }
}

impl LinkResolver for Links<'_> {
    fn resolve_ref(&self, kind: &str, id: &str) -> Option<(String, String)> {
        let k = Kind::parse(kind)?;
        let r = self.pb.lookup(k, id)?;
        Some((self.pb.url(r), self.pb.title(r).to_string()))
    }

    fn resolve_path(&self, from_file: &str, dest: &str) -> Option<String> {
        let mut parts: Vec<&str> = from_file.split('/').collect();
        parts.pop();
        for seg in dest.split('/') {
            match seg {
                "." | "" => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        let path = parts.join("/");
        self.by_file.get(path.as_str()).map(|&e| self.pb.url(e))
    }
}

/// Markdown helpers bound to one playbook.
pub struct Md<'a> {
    links: Links<'a>,
    pb: &'a Playbook,
    /// Renderings of texts that two pages show (a step's guidance and tasks,
    /// a chapter, a framework's summary: their own page and the printable
    /// edition), keyed by the text's address: the first page to need one
    /// leaves it here, the second takes it. One `Md` speaks one language
    /// (`words`, and `pb` is one edition's playbook), so the cache is per
    /// language: an edition never takes another's rendering.
    shared: std::sync::Mutex<HashMap<(usize, usize, bool), markdown::Rendered>>,
    /// Renderings kept between builds (see [`super::markdown_cache`]).
    cache: Option<std::sync::Arc<MarkdownCache>>,
    /// The words Markdown writes itself, in the edition's language.
    words: markdown::Words,
    /// A hash of `words`, part of the Markdown cache's key.
    words_key: u64,
}

/// A hash of Markdown's own words: renderings in other words are other
/// entries of the Markdown cache.
fn words_key(w: &markdown::Words) -> u64 {
    let mut bytes = Vec::new();
    for part in [
        &w.note,
        &w.tip,
        &w.important,
        &w.warning,
        &w.caution,
        &w.anchor,
    ] {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0xff);
    }
    crate::search::content_hash(&bytes)
}

/// The words Markdown writes itself (callouts' titles, the heading
/// anchor's label) from the interface's string table, looked up once.
pub fn markdown_words(w: &playbook_content::language::strings::UiStrings) -> markdown::Words {
    markdown::Words {
        note: w.get("callout-note", &[]),
        tip: w.get("callout-tip", &[]),
        important: w.get("callout-important", &[]),
        warning: w.get("callout-warning", &[]),
        caution: w.get("callout-caution", &[]),
        anchor: w.get("heading-anchor", &[]),
    }
}

impl<'a> Md<'a> {
    /// Bind to a playbook (one edition's), Markdown's own words in `words`.
    pub fn new(pb: &'a Playbook, words: markdown::Words) -> Self {
        Md {
            links: Links::new(pb),
            pb,
            shared: Default::default(),
            cache: None,
            words_key: words_key(&words),
            words,
        }
    }

    /// Take renderings from `cache` (and add new ones to it).
    pub fn set_cache(&mut self, cache: Option<std::sync::Arc<MarkdownCache>>) {
        self.cache = cache;
    }

    /// Render a document of the playbook's `file`, through the cache
    /// when there is one.
    fn render(&self, text: &str, file: Idx<SourceFile>) -> markdown::Rendered {
        let path = &self.pb.sources[file].path;
        match &self.cache {
            Some(c) => c.render(text, path, (&self.words, self.words_key), &self.links),
            None => markdown::render(text, &self.links, path, &self.words),
        }
    }

    /// Render `text` (a block, or inline), or take the rendering another
    /// page left ([`Md::shared`]'s cache). `text` must be a field of the
    /// playbook, so its address names it for the whole render.
    fn shared(&self, text: &str, file: Idx<SourceFile>, inline: bool) -> markdown::Rendered {
        let key = (text.as_ptr() as usize, text.len(), inline);
        if let Some(r) = self.shared.lock().ok().and_then(|mut m| m.remove(&key)) {
            return r;
        }
        let r = if inline {
            markdown::Rendered {
                html: self.inline(text, file),
                headings: Vec::new(),
            }
        } else {
            self.render(text, file)
        };
        if let Ok(mut m) = self.shared.lock() {
            m.insert(key, r.clone());
        }
        r
    }

    /// [`Md::block`] of a text that two pages show.
    pub fn shared_block(&self, text: &str, file: Idx<SourceFile>) -> String {
        self.shared(text, file, false).html
    }

    /// [`Md::doc`] of a text that two pages show.
    pub fn shared_doc(&self, text: &str, file: Idx<SourceFile>) -> (String, Vec<Heading>) {
        let r = self.shared(text, file, false);
        (r.html, r.headings)
    }

    /// [`Md::opt`] of a text that two pages show.
    pub fn shared_opt(&self, text: &Option<String>, file: Idx<SourceFile>) -> String {
        text.as_deref()
            .map(|t| self.shared_block(t, file))
            .unwrap_or_default()
    }

    /// [`Md::opt_inline`] of a text that two pages show.
    pub fn shared_opt_inline(&self, text: &Option<String>, file: Idx<SourceFile>) -> String {
        text.as_deref()
            .map(|t| self.shared(t, file, true).html)
            .unwrap_or_default()
    }

    /// Render a block of Markdown from a file.
    pub fn block(&self, text: &str, file: Idx<SourceFile>) -> String {
        self.render(text, file).html
    }

    /// Render a block, keeping its headings for the on-page contents.
    pub fn doc(&self, text: &str, file: Idx<SourceFile>) -> (String, Vec<Heading>) {
        let r = self.render(text, file);
        (r.html, r.headings)
    }

    /// Render a short field without its paragraph wrapper.
    pub fn inline(&self, text: &str, file: Idx<SourceFile>) -> String {
        markdown::render_inline(text, &self.links, &self.pb.sources[file].path, &self.words)
    }

    /// Optional block.
    pub fn opt(&self, text: &Option<String>, file: Idx<SourceFile>) -> String {
        text.as_deref()
            .map(|t| self.block(t, file))
            .unwrap_or_default()
    }

    /// Optional inline.
    pub fn opt_inline(&self, text: &Option<String>, file: Idx<SourceFile>) -> String {
        text.as_deref()
            .map(|t| self.inline(t, file))
            .unwrap_or_default()
    }
}

/// A link as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkCtx {
    /// Site-relative URL (templates prefix `root`).
    pub url: String,
    /// Text.
    pub title: String,
}

/// Link to an entity.
pub fn link(pb: &Playbook, r: EntityRef) -> LinkCtx {
    LinkCtx {
        url: pb.url(r),
        title: pb.title(r).to_string(),
    }
}

pub use playbook_content::page_kinds::Section;

/// "3. Multi-Jurisdictional Operations".
pub fn step_label(pb: &Playbook, s: Idx<Step>) -> String {
    let st = &pb.steps[s];
    match st.number {
        Some(n) => format!("{n}. {}", st.title),
        None => st.title.clone(),
    }
}

/// The edit link for a source file, from `book.toml`'s `edit-url`.
pub fn edit_url(pb: &Playbook, file: Option<Idx<SourceFile>>) -> Option<String> {
    let tpl = pb.config.build.edit_url.as_ref()?;
    let f = file?;
    Some(tpl.replace("{path}", &pb.sources[f].path))
}

/// What a page builder says about its page for the shared part of its
/// context ([`BaseContext`]).
pub struct PageBase {
    /// Page title.
    pub title: String,
    /// Site-relative URL of the page.
    pub url: String,
    /// Sidebar section.
    pub section: Section,
    /// Breadcrumbs (excluding home and the page itself).
    pub crumbs: Vec<LinkCtx>,
    /// Source file.
    pub file: Option<Idx<SourceFile>>,
    /// Kind label shown above the title.
    pub kind_label: &'static str,
    /// Headings for the on-page contents.
    pub toc: Vec<Heading>,
    /// One-line description for `<meta>`.
    pub description: String,
    /// The page's entity index in its kind (chapter, step, market, …), so
    /// the sidebar can show the block of a long list that holds the page.
    pub nav_pos: Option<usize>,
    /// Previous and next page, when not the site's reading order (a
    /// chapter links the chapters before and after it).
    pub prev_next: Option<(Option<LinkCtx>, Option<LinkCtx>)>,
}

/// What every template receives, whatever the page (docs/templates.md).
#[derive(Serialize)]
pub struct BaseContext<'a> {
    /// The path from the page to the site root (`../../`): links inside the
    /// site are `{{ root }}markets/de/`.
    pub root: String,
    /// The playbook's `[book]` and `[build]` settings templates use.
    pub site: SiteContext<'a>,
    /// `book.toml`'s `[extra]` table, as written.
    pub extra: &'a toml::Table,
    /// The page itself.
    pub page: PageInfo<'a>,
    /// The sidebar's markup (`partials/nav.html`, shared between pages).
    pub nav_html: String,
    /// Breadcrumbs between Home and the page.
    pub crumbs: Vec<LinkCtx>,
    /// The previous page in reading order.
    pub prev: Option<LinkCtx>,
    /// The next page in reading order.
    pub next: Option<LinkCtx>,
    /// Headings (levels 2 and 3) for the on-page contents.
    pub toc: Vec<Heading>,
}

/// The playbook's settings as templates see them.
#[derive(Serialize)]
pub struct SiteContext<'a> {
    /// `[book] title`.
    pub title: &'a str,
    /// `[book] description`.
    pub description: &'a str,
    /// `[book] language` (the `lang` of every page).
    pub language: &'a str,
    /// `[book] authors`.
    pub authors: &'a [String],
    /// `[build] base-url`.
    pub base_url: &'a str,
    /// `[build] additional-css`: stylesheets linked after the theme's.
    pub additional_css: &'a [String],
    /// `[build] additional-js`: scripts every page loads (deferred).
    pub additional_js: &'a [String],
    /// The playbook's version: `[book] version`, or `git describe --tags
    /// --always` of its checkout (none outside git).
    pub version: Option<&'a str>,
    /// The build's date (`YYYY-MM-DD`), only with `[build] build-date = true`.
    pub built: Option<&'a str>,
    /// The Content-Security-Policy of every page (`render::csp`): only the
    /// site's own scripts and [`SiteContext::theme_init`] run.
    pub csp: &'a str,
    /// The one inline script the policy allows (the dark-mode choice, before
    /// the first paint): write it as `<script>{{ site.theme_init | safe }}</script>`.
    pub theme_init: &'a str,
    /// The site's language editions, the source language's first; empty
    /// when the playbook has one language. The same page in edition `e` is
    /// `{{ root }}{{ site.edition_up }}{{ e.prefix }}{{ page.url }}`.
    pub editions: Vec<EditionLink<'a>>,
    /// From this edition's root to the whole site's root: `../` in an
    /// edition under `<lang>/`, empty in the source language's.
    pub edition_up: &'static str,
    /// The site's absolute address (the base URL with a host, else
    /// `site-url`), for `hreflang` alternates; none without a host.
    pub alternate_base: Option<&'a str>,
}

/// One language edition, for the language switcher and `hreflang`.
#[derive(Serialize)]
pub struct EditionLink<'a> {
    /// Its language tag (`de`).
    pub lang: &'a str,
    /// The language's own name (`Deutsch`).
    pub name: &'a str,
    /// Its folder under the site root: empty, or `de/`.
    pub prefix: &'a str,
    /// This page is in it.
    pub current: bool,
}

/// What a page of a translated edition says about its translation.
#[derive(Serialize)]
pub struct TranslationNote {
    /// `partly`, `missing` or `stale` (a wholly translated, current page
    /// has no note).
    pub state: &'static str,
    /// The translation's day (stale).
    pub translated: Option<String>,
    /// The source's last change (stale, when git knows it).
    pub changed: Option<String>,
}

/// The page a template is rendering.
#[derive(Serialize)]
pub struct PageInfo<'a> {
    /// Title.
    pub title: String,
    /// Site-relative URL ("markets/de/").
    pub url: String,
    /// Kind label ("Step", "Market").
    pub kind: &'static str,
    /// Link to edit the page's source, from `[build] edit-url`.
    pub edit_url: Option<String>,
    /// The source file's path in the playbook.
    pub source: Option<&'a str>,
    /// The date (`YYYY-MM-DD`) of the last commit that changed the source
    /// file (none outside git, or for a file never committed).
    pub changed: Option<&'a str>,
    /// One-line description for `<meta name=description>` (the book's
    /// description when the page has none).
    pub description: String,
    /// In a translated edition, what the page says about its translation.
    pub translation: Option<TranslationNote>,
}

/// A page's whole context: the shared part and the page's own fields, side
/// by side at the top level (`{{ page.title }}`, `{{ market.kickoff }}`).
#[derive(Serialize)]
pub struct PageContext<'a, T: Serialize> {
    /// What every page has.
    #[serde(flatten)]
    pub base: BaseContext<'a>,
    /// The page kind's own fields.
    #[serde(flatten)]
    pub own: T,
}

/// The shared part of a page's context; `nav_html` is its sidebar.
pub fn base_context<'a>(
    pb: &'a Playbook,
    security: &'a super::csp::PageSecurity,
    nav_html: String,
    base: PageBase,
    prev: Option<LinkCtx>,
    next: Option<LinkCtx>,
) -> BaseContext<'a> {
    let description = if base.description.is_empty() {
        pb.config.book.description.clone()
    } else {
        base.description
    };
    BaseContext {
        root: super::root_for(&format!("{}index.html", base.url)),
        site: SiteContext {
            title: &pb.config.book.title,
            description: &pb.config.book.description,
            language: &pb.config.book.language,
            authors: &pb.config.book.authors,
            base_url: &pb.config.build.base_url,
            additional_css: &pb.config.build.additional_css,
            additional_js: &pb.config.build.additional_js,
            version: pb.provenance.version.as_deref(),
            built: pb.provenance.built.as_deref(),
            csp: &security.policy,
            theme_init: security.theme_init,
            editions: edition_links(pb),
            edition_up: if pb.edition.lang.is_empty() {
                ""
            } else {
                "../"
            },
            alternate_base: pb.edition.site_base.as_deref(),
        },
        extra: &pb.config.extra,
        page: PageInfo {
            edit_url: edit_url(pb, base.file),
            source: base.file.map(|f| pb.sources[f].path.as_str()),
            changed: base
                .file
                .and_then(|f| pb.provenance.changed(&pb.sources[f].path)),
            title: base.title,
            translation: translation_note(pb, base.file),
            url: base.url,
            kind: base.kind_label,
            description,
        },
        nav_html,
        crumbs: base.crumbs,
        prev,
        next,
        toc: base.toc.into_iter().filter(|h| h.level <= 3).collect(),
    }
}

fn edition_links(pb: &Playbook) -> Vec<EditionLink<'_>> {
    let here = if pb.edition.lang.is_empty() {
        pb.config.book.language.as_str()
    } else {
        pb.edition.lang.as_str()
    };
    pb.edition
        .all
        .iter()
        .map(|(lang, name, prefix)| EditionLink {
            lang,
            name,
            prefix,
            current: lang == here,
        })
        .collect()
}

fn translation_note(
    pb: &Playbook,
    file: Option<playbook_content::model::Idx<playbook_content::model::SourceFile>>,
) -> Option<TranslationNote> {
    use playbook_content::language::edition::FileState;
    let source = file.map_or(playbook_content::i18n::BOOK_SOURCE, |f| {
        pb.sources[f].path.as_str()
    });
    let note = |state| TranslationNote {
        state,
        translated: None,
        changed: None,
    };
    match pb.edition.state_of(source)? {
        FileState::Translated => None,
        FileState::Partly => Some(note("partly")),
        FileState::NotTranslated => Some(note("missing")),
        FileState::Stale {
            translated,
            changed,
        } => Some(TranslationNote {
            state: "stale",
            translated: Some(translated.clone()),
            changed: changed.clone(),
        }),
    }
}

/// Plain text of a Markdown field for `<meta name=description>`: references
/// become their labels or target titles, Markdown punctuation and callout
/// markers go, and the result is cut at about 200 characters.
pub fn plain(pb: &Playbook, text: &str) -> String {
    let s = plain_text(pb, text);
    if s.chars().count() > 200 {
        let mut t: String = s.chars().take(197).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// [`plain`] without the cut: a Markdown note as one line of text (a
/// checklist row's market note, which also prints on paper).
pub fn plain_text(pb: &Playbook, text: &str) -> String {
    let mut s = String::new();
    let mut last = 0;
    for r in markdown::find_refs_in(text) {
        s.push_str(&text[last..r.start]);
        let title = Kind::parse(&r.kind)
            .and_then(|k| pb.lookup(k, &r.id))
            .map(|e| pb.title(e).to_string());
        s.push_str(r.label.as_deref().or(title.as_deref()).unwrap_or(&r.id));
        last = r.start + r.len;
    }
    s.push_str(&text[last..]);
    for marker in [
        "[!NOTE]",
        "[!TIP]",
        "[!IMPORTANT]",
        "[!WARNING]",
        "[!CAUTION]",
    ] {
        s = s.replace(marker, "");
    }
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '#' | '[' | ']' | '>' | '|'))
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdowns_english_words_from_the_table_are_its_defaults() {
        assert_eq!(
            super::markdown_words(playbook_content::language::strings::english()),
            playbook_content::markdown::Words::default()
        );
    }
}

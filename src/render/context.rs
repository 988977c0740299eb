//! What every page's template context shares: Markdown rendering against the
//! playbook, the sidebar (bounded: only the current section is expanded, so
//! the site costs O(pages), not O(pages²)), breadcrumbs, previous/next in
//! reading order, and the edit link.

use crate::markdown::{self, Heading, LinkResolver};
use crate::model::{EntityRef, Kind, Playbook};
use serde::Serialize;
use serde_json::{json, Value};
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
        let mut add = |e: EntityRef| {
            let f = pb.file_of(e);
            by_file.entry(pb.sources[f].path.as_str()).or_insert(e);
        };
        for k in [
            Kind::Framework,
            Kind::Component,
            Kind::Market,
            Kind::Regulation,
            Kind::Expert,
            Kind::Research,
            Kind::Chapter,
        ] {
            let n = match k {
                Kind::Framework => pb.frameworks.len(),
                Kind::Component => pb.components.len(),
                Kind::Market => pb.markets.len(),
                Kind::Regulation => pb.regulations.len(),
                Kind::Expert => pb.experts.len(),
                Kind::Research => pb.research.len(),
                _ => pb.chapters.len(),
            };
            for idx in 0..n {
                add(EntityRef { kind: k, idx });
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
    /// leaves it here, the second takes it.
    shared: std::sync::Mutex<HashMap<(usize, usize, bool), markdown::Rendered>>,
}

impl<'a> Md<'a> {
    /// Bind to a playbook.
    pub fn new(pb: &'a Playbook) -> Self {
        Md {
            links: Links::new(pb),
            pb,
            shared: Default::default(),
        }
    }

    /// Render `text` (a block, or inline), or take the rendering another
    /// page left ([`Md::shared`]'s cache). `text` must be a field of the
    /// playbook, so its address names it for the whole render.
    fn shared(&self, text: &str, file: usize, inline: bool) -> markdown::Rendered {
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
            markdown::render(text, &self.links, &self.pb.sources[file].path)
        };
        if let Ok(mut m) = self.shared.lock() {
            m.insert(key, r.clone());
        }
        r
    }

    /// [`Md::block`] of a text that two pages show.
    pub fn shared_block(&self, text: &str, file: usize) -> String {
        self.shared(text, file, false).html
    }

    /// [`Md::doc`] of a text that two pages show.
    pub fn shared_doc(&self, text: &str, file: usize) -> (String, Vec<Heading>) {
        let r = self.shared(text, file, false);
        (r.html, r.headings)
    }

    /// [`Md::opt`] of a text that two pages show.
    pub fn shared_opt(&self, text: &Option<String>, file: usize) -> String {
        text.as_deref()
            .map(|t| self.shared_block(t, file))
            .unwrap_or_default()
    }

    /// [`Md::opt_inline`] of a text that two pages show.
    pub fn shared_opt_inline(&self, text: &Option<String>, file: usize) -> String {
        text.as_deref()
            .map(|t| self.shared(t, file, true).html)
            .unwrap_or_default()
    }

    /// Render a block of Markdown from a file.
    pub fn block(&self, text: &str, file: usize) -> String {
        markdown::render(text, &self.links, &self.pb.sources[file].path).html
    }

    /// Render a block, keeping its headings for the on-page contents.
    pub fn doc(&self, text: &str, file: usize) -> (String, Vec<Heading>) {
        let r = markdown::render(text, &self.links, &self.pb.sources[file].path);
        (r.html, r.headings)
    }

    /// Render a short field without its paragraph wrapper.
    pub fn inline(&self, text: &str, file: usize) -> String {
        markdown::render_inline(text, &self.links, &self.pb.sources[file].path)
    }

    /// Optional block.
    pub fn opt(&self, text: &Option<String>, file: usize) -> String {
        text.as_deref()
            .map(|t| self.block(t, file))
            .unwrap_or_default()
    }

    /// Optional inline.
    pub fn opt_inline(&self, text: &Option<String>, file: usize) -> String {
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

pub use crate::page_kinds::Section;

/// Lists up to this long are shown whole in the sidebar.
pub const NAV_FULL: usize = 40;
/// A longer list shows only the block of this many entries that holds the
/// current page, with a link to the section for the rest, so a page's
/// sidebar stays the same size however big the playbook grows.
pub const NAV_BLOCK: usize = 20;

/// What a page's sidebar depends on: its section and, for lists too long to
/// show whole, which block of them is shown (and, in a big framework without
/// components, which phase is open). Pages with the same key share one
/// sidebar (see [`NavCache`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NavKey {
    section: Section,
    /// Block of the frameworks list.
    fw_block: Option<usize>,
    /// Open phase (frameworks without components and with more than
    /// [`NAV_FULL`] steps list their phases, with the current one open).
    phase: Option<usize>,
    /// Block of the innermost open list (chapters, steps, markets, …).
    block: Option<usize>,
}

fn block_of(len: usize, pos: Option<usize>) -> Option<usize> {
    (len > NAV_FULL).then(|| pos.unwrap_or(0) / NAV_BLOCK)
}

/// The steps of a component, in reading order.
fn component_steps(pb: &Playbook, c: usize) -> Vec<usize> {
    phases_steps(pb, &pb.components[c].phases)
}

fn phases_steps(pb: &Playbook, phases: &[usize]) -> Vec<usize> {
    phases
        .iter()
        .flat_map(|&p| pb.phases[p].blocks.iter())
        .flat_map(|&b| pb.blocks[b].steps.iter().copied())
        .collect()
}

fn framework_step_count(pb: &Playbook, f: usize) -> usize {
    pb.frameworks[f]
        .phases
        .iter()
        .flat_map(|&p| pb.phases[p].blocks.iter())
        .map(|&b| pb.blocks[b].steps.len())
        .sum()
}

impl NavKey {
    /// The key of a page in `section`; `pos` is the page's entity index in
    /// its kind (chapter, step, market, regulation, expert, research page;
    /// for a metric, its group).
    pub fn new(pb: &Playbook, section: Section, pos: Option<usize>) -> NavKey {
        let mut key = NavKey {
            section,
            fw_block: None,
            phase: None,
            block: None,
        };
        let position = |list: &[usize]| pos.and_then(|s| list.iter().position(|&x| x == s));
        match section {
            Section::Story => key.block = block_of(pb.chapters.len(), pos),
            Section::Markets => key.block = block_of(pb.markets.len(), pos),
            Section::Regulations => key.block = block_of(pb.regulations.len(), pos),
            Section::Experts => key.block = block_of(pb.experts.len(), pos),
            Section::Research => key.block = block_of(pb.research.len(), pos),
            Section::Frameworks(f, c) => {
                key.fw_block = block_of(pb.frameworks.len(), f);
                match (f, c) {
                    (_, Some(c)) => {
                        let steps = component_steps(pb, c);
                        key.block = block_of(steps.len(), position(&steps));
                    }
                    (Some(f), None) if pb.frameworks[f].components.is_empty() => {
                        if framework_step_count(pb, f) > NAV_FULL {
                            key.phase = pos.map(|s| pb.steps[s].phase);
                            if let Some(p) = key.phase {
                                let steps = phases_steps(pb, &[p]);
                                key.block = block_of(steps.len(), position(&steps));
                            }
                        } else {
                            let steps = phases_steps(pb, &pb.frameworks[f].phases);
                            key.block = block_of(steps.len(), position(&steps));
                        }
                    }
                    _ => {}
                }
            }
            Section::Metrics => key.block = block_of(pb.metric_groups.len(), pos),
            Section::None => {}
        }
        key
    }
}

/// Only the block `block` of `items` (when given), between "… N earlier" and
/// "… N more" entries that link to `more_url`, the page listing them all.
fn window(items: Vec<Value>, block: Option<usize>, more_url: &str) -> Vec<Value> {
    let Some(b) = block else { return items };
    let len = items.len();
    let start = (b * NAV_BLOCK).min(len);
    let end = (start + NAV_BLOCK).min(len);
    let mut out = Vec::with_capacity(end - start + 2);
    if start > 0 {
        out.push(json!({"url": more_url, "title": format!("… {start} earlier"), "more": true, "children": []}));
    }
    out.extend(items.into_iter().skip(start).take(end - start));
    if end < len {
        out.push(json!({"url": more_url, "title": format!("… {} more", len - end), "more": true, "children": []}));
    }
    out
}

/// The sidebar for a page: every section, only the current one expanded;
/// long lists cut to the block that holds the page (see [`NavKey`]).
pub fn sidebar(pb: &Playbook, key: NavKey, current_url: &str) -> Value {
    let section = key.section;
    let item = |url: String, title: String| -> Value {
        let current = url == current_url;
        json!({"url": url, "title": title, "current": current, "children": []})
    };
    let step_items = |steps: &[usize]| -> Vec<Value> {
        steps
            .iter()
            .map(|&s| {
                item(
                    pb.url(EntityRef {
                        kind: Kind::Step,
                        idx: s,
                    }),
                    step_label(pb, s),
                )
            })
            .collect()
    };
    let mut sections = Vec::new();

    let story_open = section == Section::Story;
    let story_items: Vec<Value> = if story_open {
        let all = pb
            .chapters
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let r = EntityRef {
                    kind: Kind::Chapter,
                    idx: i,
                };
                item(
                    pb.url(r),
                    format!("{}. {}", c.section.unwrap_or(c.number), c.title),
                )
            })
            .collect();
        window(all, key.block, "story/")
    } else {
        Vec::new()
    };
    sections.push(json!({"title": "Story", "url": "story/", "open": story_open, "current": current_url == "story/", "items": story_items}));

    let (fw_open, cur_fw, cur_comp) = match section {
        Section::Frameworks(f, c) => (true, f, c),
        _ => (false, None, None),
    };
    let mut fw_items = Vec::new();
    if fw_open {
        for (fi, f) in pb.frameworks.iter().enumerate() {
            let fr = EntityRef {
                kind: Kind::Framework,
                idx: fi,
            };
            let url = pb.url(fr);
            let mut children = Vec::new();
            if cur_fw == Some(fi) {
                if f.components.is_empty() {
                    if framework_step_count(pb, fi) > NAV_FULL {
                        // Too many steps to list: the phases, the current one open.
                        for &p in &f.phases {
                            let ph = &pb.phases[p];
                            let steps = if key.phase == Some(p) {
                                window(step_items(&phases_steps(pb, &[p])), key.block, &url)
                            } else {
                                Vec::new()
                            };
                            children.push(json!({"url": format!("{url}#phase-{}", ph.id), "title": ph.title, "current": false, "children": steps}));
                        }
                    } else {
                        children =
                            window(step_items(&phases_steps(pb, &f.phases)), key.block, &url);
                    }
                } else {
                    for &c in &f.components {
                        let cr = EntityRef {
                            kind: Kind::Component,
                            idx: c,
                        };
                        let curl = pb.url(cr);
                        let steps = if cur_comp == Some(c) {
                            window(step_items(&component_steps(pb, c)), key.block, &curl)
                        } else {
                            Vec::new()
                        };
                        children.push(json!({"url": curl, "title": pb.components[c].title, "current": curl == current_url, "children": steps}));
                    }
                }
            }
            fw_items.push(json!({"url": url, "title": f.title, "current": url == current_url, "children": children}));
        }
        fw_items = window(fw_items, key.fw_block, "frameworks/");
    }
    sections.push(json!({"title": "Frameworks", "url": "frameworks/", "open": fw_open, "current": current_url == "frameworks/", "items": fw_items}));

    let simple = |title: &str, url: &str, open: bool, items: Vec<Value>| -> Value {
        json!({"title": title, "url": url, "open": open, "current": current_url == url, "items": if open { window(items, key.block, url) } else { Vec::new() }})
    };
    let open = section == Section::Metrics;
    let items = if open {
        pb.metric_groups
            .iter()
            .map(|g| item(format!("metrics/#{}", g.id), g.title.clone()))
            .collect()
    } else {
        Vec::new()
    };
    sections.push(simple("Metrics", "metrics/", open, items));
    let entity_list = |open: bool, kind: Kind, n: usize| -> Vec<Value> {
        if !open {
            return Vec::new();
        }
        (0..n)
            .map(|i| link_item(pb, EntityRef { kind, idx: i }, current_url))
            .collect()
    };
    let open = section == Section::Markets;
    let items = entity_list(open, Kind::Market, pb.markets.len());
    sections.push(simple("Markets", "markets/", open, items));
    let open = section == Section::Regulations;
    let items = entity_list(open, Kind::Regulation, pb.regulations.len());
    sections.push(simple("Regulations", "regulations/", open, items));
    let open = section == Section::Experts;
    let items = entity_list(open, Kind::Expert, pb.experts.len());
    sections.push(simple("Experts", "experts/", open, items));
    let open = section == Section::Research;
    let items = entity_list(open, Kind::Research, pb.research.len());
    sections.push(simple("Research", "research/", open, items));
    Value::Array(sections)
}

fn link_item(pb: &Playbook, r: EntityRef, current_url: &str) -> Value {
    let url = pb.url(r);
    json!({"url": url, "title": pb.title(r), "current": url == current_url, "children": []})
}

/// "3. Multi-Jurisdictional Operations".
pub fn step_label(pb: &Playbook, s: usize) -> String {
    let st = &pb.steps[s];
    match st.number {
        Some(n) => format!("{n}. {}", st.title),
        None => st.title.clone(),
    }
}

/// The edit link for a source file, from `book.toml`'s `edit-url`.
pub fn edit_url(pb: &Playbook, file: Option<usize>) -> Option<String> {
    let tpl = pb.config.build.edit_url.as_ref()?;
    let f = file?;
    Some(tpl.replace("{path}", &pb.sources[f].path))
}

/// Base context shared by every page.
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
    pub file: Option<usize>,
    /// Kind label shown above the title.
    pub kind_label: &'static str,
    /// Headings for the on-page contents.
    pub toc: Vec<Heading>,
    /// One-line description for `<meta>`.
    pub description: String,
    /// The page's entity index in its kind (chapter, step, market, …), so
    /// the sidebar can show the block of a long list that holds the page.
    pub nav_pos: Option<usize>,
}

/// A page's template context while it is being built. Unlike
/// `tera::Context::insert`, which serializes (copies) every value it is
/// given, [`PageCtx::put`] moves a ready JSON value in; the finished map
/// becomes the Tera context without a copy ([`PageCtx::into_tera`]).
#[derive(Default)]
pub struct PageCtx(serde_json::Map<String, Value>);

impl PageCtx {
    /// Serialize `v` into the context under `key`.
    pub fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &str, v: &T) {
        self.0.insert(
            key.to_string(),
            serde_json::to_value(v)
                .unwrap_or_else(|e| Value::String(format!("(internal error: {e})"))),
        );
    }

    /// Move a JSON value (or a string, or a list of values) in under `key`.
    pub fn put(&mut self, key: &str, v: impl Into<Value>) {
        self.0.insert(key.to_string(), v.into());
    }

    /// The Tera context, without copying.
    pub fn into_tera(self) -> Result<tera::Context, tera::Error> {
        tera::Context::from_value(Value::Object(self.0))
    }
}

/// Build the tera context every template expects.
pub fn base_context(
    pb: &Playbook,
    nav: &NavCache,
    base: PageBase,
    prev: Option<LinkCtx>,
    next: Option<LinkCtx>,
) -> PageCtx {
    let mut ctx = PageCtx::default();
    let root = super::root_for(&format!("{}index.html", base.url));
    ctx.put("root", root);
    ctx.put(
        "site",
        json!({
            "title": pb.config.book.title,
            "description": pb.config.book.description,
            "language": pb.config.book.language,
            "authors": pb.config.book.authors,
            "base_url": pb.config.build.base_url,
            "additional_css": pb.config.build.additional_css,
            "additional_js": pb.config.build.additional_js,
            "version": pb.provenance.version,
            "built": pb.provenance.built,
        }),
    );
    ctx.insert("extra", &pb.config.extra);
    let desc = if base.description.is_empty() {
        pb.config.book.description.clone()
    } else {
        base.description
    };
    ctx.put(
        "page",
        json!({
            "title": base.title,
            "url": base.url,
            "kind": base.kind_label,
            "edit_url": edit_url(pb, base.file),
            "source": base.file.map(|f| pb.sources[f].path.clone()),
            "changed": base.file.and_then(|f| pb.provenance.changed(&pb.sources[f].path)),
            "description": desc,
        }),
    );
    ctx.put(
        "nav_html",
        nav.html(pb, NavKey::new(pb, base.section, base.nav_pos), &base.url),
    );
    ctx.insert("crumbs", &base.crumbs);
    ctx.insert("prev", &prev);
    ctx.insert("next", &next);
    let toc: Vec<&Heading> = base.toc.iter().filter(|h| h.level <= 3).collect();
    ctx.insert("toc", &toc);
    ctx
}

/// Plain text of a Markdown field for `<meta name=description>`: references
/// become their labels or target titles, Markdown punctuation and callout
/// markers go, and the result is cut at about 200 characters.
pub fn plain(pb: &Playbook, text: &str) -> String {
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
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 200 {
        let mut t: String = s.chars().take(197).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// The sidebar as HTML, made once per section and shared by every page in
/// it: only the `aria-current` mark differs between pages, and it is added
/// to the cached text. Links start with [`markdown::ROOT_MARK`], which each
/// page replaces with its own path to the root. Without the cache, building
/// and rendering the sidebar was a third of a step page's cost.
#[derive(Default)]
pub struct NavCache {
    by_key: std::sync::Mutex<HashMap<NavKey, std::sync::Arc<String>>>,
}

impl NavCache {
    /// The sidebar of a page at `current_url` with sidebar key `key`.
    pub fn html(&self, pb: &Playbook, key: NavKey, current_url: &str) -> String {
        let cached = self.by_key.lock().ok().and_then(|m| m.get(&key).cloned());
        let text = match cached {
            Some(t) => t,
            None => {
                let t = std::sync::Arc::new(nav_html(&sidebar(pb, key, "")));
                if let Ok(mut m) = self.by_key.lock() {
                    m.insert(key, t.clone());
                }
                t
            }
        };
        let mut needle = String::with_capacity(current_url.len() + 8);
        needle.push_str("href=\"");
        needle.push(markdown::ROOT_MARK);
        crate::diag::push_html_escaped(&mut needle, current_url);
        needle.push('"');
        match text.find(&needle) {
            Some(i) => {
                let at = i + needle.len();
                let mut out = String::with_capacity(text.len() + 24);
                out.push_str(&text[..at]);
                out.push_str(" aria-current=\"page\"");
                out.push_str(&text[at..]);
                out
            }
            None => text.to_string(),
        }
    }
}

/// Write one sidebar link.
fn nav_link(out: &mut String, class: Option<&str>, item: &Value) {
    let class = if item["more"].as_bool() == Some(true) {
        Some("nav-more")
    } else {
        class
    };
    out.push_str("<a");
    if let Some(c) = class {
        out.push_str(" class=\"");
        out.push_str(c);
        out.push('"');
    }
    out.push_str(" href=\"");
    out.push(markdown::ROOT_MARK);
    crate::diag::push_html_escaped(out, item["url"].as_str().unwrap_or(""));
    out.push_str("\">");
    crate::diag::push_html_escaped(out, item["title"].as_str().unwrap_or(""));
    out.push_str("</a>");
}

/// The sidebar's markup (see `templates/base.html` for where it goes).
fn nav_html(nav: &Value) -> String {
    let mut o = String::with_capacity(4096);
    let empty = Vec::new();
    let list = |v: &Value| v.as_array().unwrap_or(&empty).clone();
    o.push_str("<ul class=\"nav-sections\">\n");
    for s in list(nav) {
        let open = s["open"].as_bool().unwrap_or(false);
        o.push_str(if open {
            "<li class=\"nav-section open\">"
        } else {
            "<li class=\"nav-section\">"
        });
        nav_link(&mut o, Some("nav-top"), &s);
        let items = list(&s["items"]);
        if !items.is_empty() {
            o.push_str(if open { "<details open>" } else { "<details>" });
            o.push_str("<summary><span class=\"visually-hidden\">");
            crate::diag::push_html_escaped(&mut o, s["title"].as_str().unwrap_or(""));
            o.push_str(": show or hide pages</span></summary>\n<ul>\n");
            for i in &items {
                o.push_str("<li>");
                nav_link(&mut o, None, i);
                let children = list(&i["children"]);
                if !children.is_empty() {
                    o.push_str("<ul>");
                    for c in &children {
                        o.push_str("<li>");
                        nav_link(&mut o, None, c);
                        let grand = list(&c["children"]);
                        if !grand.is_empty() {
                            o.push_str("<ul>");
                            for d in &grand {
                                o.push_str("<li>");
                                nav_link(&mut o, None, d);
                                o.push_str("</li>");
                            }
                            o.push_str("</ul>");
                        }
                        o.push_str("</li>");
                    }
                    o.push_str("</ul>");
                }
                o.push_str("</li>\n");
            }
            o.push_str("</ul>\n</details>");
        }
        o.push_str("</li>\n");
    }
    o.push_str("</ul>\n");
    o
}

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
}

impl<'a> Md<'a> {
    /// Bind to a playbook.
    pub fn new(pb: &'a Playbook) -> Self {
        Md {
            links: Links::new(pb),
            pb,
        }
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

/// Which top-level section a page belongs to, for the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Home page, search, print, 404.
    None,
    /// Story.
    Story,
    /// A framework (index).
    Frameworks(Option<usize>, Option<usize>),
    /// Metrics.
    Metrics,
    /// Markets.
    Markets,
    /// Regulations.
    Regulations,
    /// Experts.
    Experts,
    /// Research.
    Research,
}

/// The sidebar for a page: every section, only the current one expanded.
pub fn sidebar(pb: &Playbook, section: Section, current_url: &str) -> Value {
    let item = |url: String, title: String| -> Value {
        let current = url == current_url;
        json!({"url": url, "title": title, "current": current, "children": []})
    };
    let mut sections = Vec::new();

    let story_open = section == Section::Story;
    let story_items: Vec<Value> = if story_open {
        pb.chapters
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
            .collect()
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
            let mut children = Vec::new();
            if cur_fw == Some(fi) {
                if f.components.is_empty() {
                    for &p in &f.phases {
                        for &b in &pb.phases[p].blocks {
                            for &s in &pb.blocks[b].steps {
                                let sr = EntityRef {
                                    kind: Kind::Step,
                                    idx: s,
                                };
                                children.push(item(pb.url(sr), step_label(pb, s)));
                            }
                        }
                    }
                } else {
                    for &c in &f.components {
                        let cr = EntityRef {
                            kind: Kind::Component,
                            idx: c,
                        };
                        let mut steps = Vec::new();
                        if cur_comp == Some(c) {
                            for &p in &pb.components[c].phases {
                                for &b in &pb.phases[p].blocks {
                                    for &s in &pb.blocks[b].steps {
                                        let sr = EntityRef {
                                            kind: Kind::Step,
                                            idx: s,
                                        };
                                        steps.push(item(pb.url(sr), step_label(pb, s)));
                                    }
                                }
                            }
                        }
                        let url = pb.url(cr);
                        children.push(json!({"url": url, "title": pb.components[c].title, "current": url == current_url, "children": steps}));
                    }
                }
            }
            let url = pb.url(fr);
            fw_items.push(json!({"url": url, "title": f.title, "current": url == current_url, "children": children}));
        }
    }
    sections.push(json!({"title": "Frameworks", "url": "frameworks/", "open": fw_open, "current": current_url == "frameworks/", "items": fw_items}));

    let simple = |title: &str, url: &str, open: bool, items: Vec<Value>| -> Value {
        json!({"title": title, "url": url, "open": open, "current": current_url == url, "items": if open { items } else { Vec::new() }})
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
    let open = section == Section::Markets;
    let items = if open {
        (0..pb.markets.len())
            .map(|i| {
                link_item(
                    pb,
                    EntityRef {
                        kind: Kind::Market,
                        idx: i,
                    },
                    current_url,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    sections.push(simple("Markets", "markets/", open, items));
    let open = section == Section::Regulations;
    let items = if open {
        (0..pb.regulations.len())
            .map(|i| {
                link_item(
                    pb,
                    EntityRef {
                        kind: Kind::Regulation,
                        idx: i,
                    },
                    current_url,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    sections.push(simple("Regulations", "regulations/", open, items));
    let open = section == Section::Experts;
    let items = if open {
        (0..pb.experts.len())
            .map(|i| {
                link_item(
                    pb,
                    EntityRef {
                        kind: Kind::Expert,
                        idx: i,
                    },
                    current_url,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    sections.push(simple("Experts", "experts/", open, items));
    let open = section == Section::Research;
    let items = if open {
        (0..pb.research.len())
            .map(|i| {
                link_item(
                    pb,
                    EntityRef {
                        kind: Kind::Research,
                        idx: i,
                    },
                    current_url,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
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
}

/// Build the tera context every template expects.
pub fn base_context(
    pb: &Playbook,
    nav: &NavCache,
    base: PageBase,
    prev: Option<LinkCtx>,
    next: Option<LinkCtx>,
) -> tera::Context {
    let mut ctx = tera::Context::new();
    let root = super::root_for(&format!("{}index.html", base.url));
    ctx.insert("root", &root);
    ctx.insert(
        "site",
        &json!({
            "title": pb.config.book.title,
            "description": pb.config.book.description,
            "language": pb.config.book.language,
            "authors": pb.config.book.authors,
            "base_url": pb.config.build.base_url,
        }),
    );
    let desc = if base.description.is_empty() {
        pb.config.book.description.clone()
    } else {
        base.description
    };
    ctx.insert(
        "page",
        &json!({
            "title": base.title,
            "url": base.url,
            "kind": base.kind_label,
            "edit_url": edit_url(pb, base.file),
            "source": base.file.map(|f| pb.sources[f].path.clone()),
            "description": desc,
        }),
    );
    ctx.insert("nav_html", &nav.html(pb, base.section, &base.url));
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
    by_section: std::sync::Mutex<HashMap<Section, std::sync::Arc<String>>>,
}

impl NavCache {
    /// The sidebar of a page at `current_url` in `section`.
    pub fn html(&self, pb: &Playbook, section: Section, current_url: &str) -> String {
        let cached = self
            .by_section
            .lock()
            .ok()
            .and_then(|m| m.get(&section).cloned());
        let text = match cached {
            Some(t) => t,
            None => {
                let t = std::sync::Arc::new(nav_html(&sidebar(pb, section, "")));
                if let Ok(mut m) = self.by_section.lock() {
                    m.insert(section, t.clone());
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

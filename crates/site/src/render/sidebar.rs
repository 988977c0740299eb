//! The sidebar: every section of the site, only the current one expanded,
//! and long lists cut to the block of [`NAV_BLOCK`] entries that holds the
//! page (so a page's sidebar stays the same size however big the playbook
//! grows: the site costs O(pages), not O(pages²)). Its data is
//! [`NavSection`]s; its markup is the template `partials/nav.html`,
//! rendered once per [`NavKey`] and shared by every page with that key
//! ([`NavCache`]).

use super::context::step_label;
use super::theme::Templates;
use playbook_content::diag::Diagnostic;
use playbook_content::language::strings::UiStrings;
use playbook_content::markdown;
use playbook_content::model::kinds::NavList;
use playbook_content::model::{Component, EntityRef, Idx, Kind, Phase, Playbook, Step};
use playbook_content::page_kinds::Section;
use serde::Serialize;
use std::collections::HashMap;

/// One top-level section of the sidebar (Story, Frameworks, Markets, …).
#[derive(Debug, Serialize)]
pub struct NavSection {
    /// "Markets".
    pub title: &'static str,
    /// Site-relative URL of the section's index page ("markets/").
    pub url: &'static str,
    /// Whether this is the current page's section (then `items` are listed).
    pub open: bool,
    /// The section's pages, when it is open.
    pub items: Vec<NavItem>,
}

impl NavSection {
    fn new(title: &'static str, url: &'static str, open: bool, items: Vec<NavItem>) -> Self {
        NavSection {
            title,
            url,
            open,
            items,
        }
    }
}

/// One link of the sidebar, with the links nested under it.
#[derive(Debug, Serialize)]
pub struct NavItem {
    /// Site-relative URL.
    pub url: String,
    /// Link text.
    pub title: String,
    /// True for "… 20 more" / "… 40 earlier", which link to the section's
    /// page listing the rest.
    pub more: bool,
    /// Nested links (a framework's components, a component's steps).
    pub children: Vec<NavItem>,
}

impl NavItem {
    fn new(url: String, title: String) -> Self {
        NavItem {
            url,
            title,
            more: false,
            children: Vec::new(),
        }
    }

    fn more(url: &str, title: String) -> Self {
        NavItem {
            more: true,
            ..NavItem::new(url.to_string(), title)
        }
    }
}

/// What `partials/nav.html` receives.
#[derive(Serialize)]
struct NavContext {
    /// What links start with: a mark each page replaces with its own path
    /// to the site root (the sidebar is shared by many pages).
    root: String,
    sections: Vec<NavSection>,
}

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
    phase: Option<Idx<Phase>>,
    /// Block of the innermost open list (chapters, steps, markets, …).
    block: Option<usize>,
}

fn block_of(len: usize, pos: Option<usize>) -> Option<usize> {
    (len > NAV_FULL).then(|| pos.unwrap_or(0) / NAV_BLOCK)
}

/// The steps of a component, in reading order.
fn component_steps(pb: &Playbook, c: Idx<Component>) -> Vec<Idx<Step>> {
    phases_steps(pb, &pb.components[c].phases)
}

fn phases_steps(pb: &Playbook, phases: &[Idx<Phase>]) -> Vec<Idx<Step>> {
    phases
        .iter()
        .flat_map(|&p| pb.phases[p].blocks.iter())
        .flat_map(|&b| pb.blocks[b].steps.iter().copied())
        .collect()
}

impl NavKey {
    /// The key of a page in `section`; `pos` is the page's entity index in
    /// its kind (chapter, step, market, regulation, expert, research page;
    /// for a metric, its group).
    pub fn new(
        pb: &Playbook,
        titles: &TitleOrders,
        section: Section,
        pos: Option<usize>,
    ) -> NavKey {
        let mut key = NavKey {
            section,
            fw_block: None,
            phase: None,
            block: None,
        };
        // Where the page's entity is in a list of them.
        fn place_in<T>(pos: Option<usize>, list: &[Idx<T>]) -> Option<usize> {
            pos.and_then(|s| list.iter().position(|x| x.index() == s))
        }
        let position = |list: &[Idx<Step>]| place_in(pos, list);
        match section {
            Section::Of(kind) => {
                let n = pb.count(kind);
                match kind.info().sidebar.map(|nav| nav.list) {
                    Some(NavList::Entities | NavList::Chapters) => key.block = block_of(n, pos),
                    Some(NavList::ByTitle) => {
                        let at = pos.and_then(|p| titles.of(pb, kind).rank.get(p).copied());
                        key.block = block_of(n, at);
                    }
                    Some(NavList::MetricGroups) => {
                        key.block = block_of(pb.metric_groups.len(), pos)
                    }
                    Some(NavList::Frameworks) | None => {}
                }
            }
            Section::Frameworks(f, c) => {
                key.fw_block = block_of(pb.frameworks.len(), f.map(Idx::index));
                match (f, c) {
                    (_, Some(c)) => {
                        let steps = component_steps(pb, c);
                        key.block = block_of(steps.len(), position(&steps));
                    }
                    (Some(f), None) if pb.frameworks[f].components.is_empty() => {
                        if pb.step_count(&pb.frameworks[f].phases) > NAV_FULL {
                            key.phase = pos.map(|s| pb.steps[Idx::new(s)].phase);
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
            Section::None => {}
        }
        key
    }
}

/// Only the block `block` of `items` (when given), between "… N earlier" and
/// "… N more" entries that link to `more_url`, the page listing them all.
fn window(
    items: Vec<NavItem>,
    block: Option<usize>,
    more_url: &str,
    w: &UiStrings,
) -> Vec<NavItem> {
    let len = items.len();
    window_of(len, block, more_url, w, |range| {
        items
            .into_iter()
            .skip(range.start)
            .take(range.len())
            .collect()
    })
}

/// [`window`] of a list of `len` entries made by `make` for the range
/// shown only (a list of 10,000 makes 20 links, not 10,000).
fn window_of(
    len: usize,
    block: Option<usize>,
    more_url: &str,
    w: &UiStrings,
    make: impl FnOnce(std::ops::Range<usize>) -> Vec<NavItem>,
) -> Vec<NavItem> {
    let Some(b) = block else { return make(0..len) };
    let start = (b * NAV_BLOCK).min(len);
    let end = (start + NAV_BLOCK).min(len);
    let mut out = Vec::with_capacity(end - start + 2);
    if start > 0 {
        out.push(NavItem::more(
            more_url,
            w.get("nav-earlier", &[("count", start.into())]),
        ));
    }
    out.extend(make(start..end));
    if end < len {
        out.push(NavItem::more(
            more_url,
            w.get("nav-more", &[("count", (len - end).into())]),
        ));
    }
    out
}

/// The learning path under Story: its page, with each level's
/// self-assessment, the combined assessment and the portfolio under it.
fn learning_items(pb: &Playbook) -> Vec<NavItem> {
    use playbook_content::page_kinds::{pages_of, title, url, PageKind};
    let item = |p| NavItem::new(url(pb, p), title(pb, p));
    pages_of(pb, PageKind::LearningIndex)
        .map(|p| NavItem {
            children: [
                PageKind::LevelAssessment,
                PageKind::CombinedAssessment,
                PageKind::Portfolio,
            ]
            .into_iter()
            .flat_map(|k| pages_of(pb, k))
            .map(item)
            .collect(),
            ..item(p)
        })
        .collect()
}

/// The sidebar for a page: every kind's section (its `sidebar` in the kind
/// registry, in [`Kind::ALL`]'s order), only the current one expanded; long
/// lists cut to the block that holds the page (see [`NavKey`]).
pub fn sidebar(pb: &Playbook, titles: &TitleOrders, w: &UiStrings, key: NavKey) -> Vec<NavSection> {
    let mut sections = Vec::new();
    for kind in Kind::ALL {
        let Some(nav) = kind.info().sidebar else {
            continue;
        };
        let open = key.section.kind() == Some(kind);
        let items = if open {
            match nav.list {
                NavList::Chapters => story_items(pb, key, w),
                NavList::Frameworks => framework_items(pb, key, w),
                NavList::MetricGroups => window(
                    pb.metric_groups
                        .iter()
                        .map(|g| NavItem::new(format!("metrics/#{}", g.id), g.title.clone()))
                        .collect(),
                    key.block,
                    nav.url,
                    w,
                ),
                NavList::Entities => window_of(pb.count(kind), key.block, nav.url, w, |range| {
                    entity_items(pb, pb.entities(kind).skip(range.start).take(range.len()))
                }),
                NavList::ByTitle => {
                    let order = titles.of(pb, kind);
                    window_of(order.sorted.len(), key.block, nav.url, w, |range| {
                        entity_items(pb, order.sorted[range].iter().copied())
                    })
                }
            }
        } else {
            Vec::new()
        };
        sections.push(NavSection::new(nav.title, nav.url, open, items));
        if let Some(link) = nav.then {
            sections.push(NavSection::new(link.title, link.url, false, Vec::new()));
        }
    }
    sections
}

/// A link to each entity, by its title.
fn entity_items(pb: &Playbook, entities: impl Iterator<Item = EntityRef>) -> Vec<NavItem> {
    entities
        .map(|r| NavItem::new(pb.url(r), pb.title(r).to_string()))
        .collect()
}

/// The open story section: the chapters, numbered, then the learning path.
fn story_items(pb: &Playbook, key: NavKey, w: &UiStrings) -> Vec<NavItem> {
    let all = pb
        .chapters
        .iter_enumerated()
        .map(|(i, c)| {
            NavItem::new(
                pb.url(EntityRef::from(i)),
                format!("{}. {}", c.section.unwrap_or(c.number), c.title),
            )
        })
        .collect();
    let mut items = window(all, key.block, "story/", w);
    items.extend(learning_items(pb));
    items
}

/// The open frameworks section: every framework, the current one's
/// components (the current component's steps) or, without components, its
/// steps (or its phases, the current one open, when it has too many).
fn framework_items(pb: &Playbook, key: NavKey, w: &UiStrings) -> Vec<NavItem> {
    let (cur_fw, cur_comp) = match key.section {
        Section::Frameworks(f, c) => (f, c),
        Section::None | Section::Of(_) => (None, None),
    };
    let step_items = |steps: &[Idx<Step>]| -> Vec<NavItem> {
        steps
            .iter()
            .map(|&s| NavItem::new(pb.url(EntityRef::from(s)), step_label(pb, s)))
            .collect()
    };
    let mut fw_items = Vec::new();
    for (fi, f) in pb.frameworks.iter_enumerated() {
        let fr = EntityRef::from(fi);
        let url = pb.url(fr);
        let mut children = Vec::new();
        if cur_fw == Some(fi) {
            if f.components.is_empty() {
                if pb.step_count(&pb.frameworks[fi].phases) > NAV_FULL {
                    // Too many steps to list: the phases, the current one open.
                    for &p in &f.phases {
                        let ph = &pb.phases[p];
                        let steps = if key.phase == Some(p) {
                            window(step_items(&phases_steps(pb, &[p])), key.block, &url, w)
                        } else {
                            Vec::new()
                        };
                        children.push(NavItem {
                            children: steps,
                            ..NavItem::new(format!("{url}#phase-{}", ph.id), ph.title.clone())
                        });
                    }
                } else {
                    children = window(step_items(&phases_steps(pb, &f.phases)), key.block, &url, w);
                }
            } else {
                for &c in &f.components {
                    let cr = EntityRef::from(c);
                    let curl = pb.url(cr);
                    let steps = if cur_comp == Some(c) {
                        window(step_items(&component_steps(pb, c)), key.block, &curl, w)
                    } else {
                        Vec::new()
                    };
                    children.push(NavItem {
                        children: steps,
                        ..NavItem::new(curl, pb.components[c].title.clone())
                    });
                }
            }
        }
        fw_items.push(NavItem {
            children,
            ..NavItem::new(url, f.title.clone())
        });
    }
    window(fw_items, key.fw_block, "frameworks/", w)
}

/// The sidebar as HTML, made once per section and shared by every page in
/// it: only the `aria-current` mark differs between pages, and it is added
/// to the cached text. Links start with [`markdown::ROOT_MARK`], which each
/// page replaces with its own path to the root. Without the cache, building
/// and rendering the sidebar was a third of a step page's cost.
pub struct NavCache<'t> {
    templates: &'t Templates,
    by_key: std::sync::Mutex<HashMap<NavKey, std::sync::Arc<String>>>,
    /// The lists sorted by title, sorted once for every page.
    pub titles: TitleOrders,
}

/// A kind's entities sorted by title ([`Playbook::by_title`]) and each
/// entity's place in that order: sorted once per render, not once per
/// page (10,000 research pages each sorting 10,000 titles was most of a
/// big build's time).
#[derive(Debug, Default)]
pub struct TitleOrder {
    /// The entities by title.
    pub sorted: Vec<EntityRef>,
    /// Entity index → place in `sorted`.
    pub rank: Vec<usize>,
}

/// [`TitleOrder`]s of the kinds asked for, made when first asked.
#[derive(Debug, Default)]
pub struct TitleOrders(std::sync::Mutex<HashMap<Kind, std::sync::Arc<TitleOrder>>>);

impl TitleOrders {
    /// The order of `kind` in `pb` (always the same playbook).
    pub fn of(&self, pb: &Playbook, kind: Kind) -> std::sync::Arc<TitleOrder> {
        if let Some(o) = self.0.lock().ok().and_then(|m| m.get(&kind).cloned()) {
            return o;
        }
        let sorted = pb.by_title(kind);
        let mut rank = vec![0; pb.count(kind)];
        for (place, r) in sorted.iter().enumerate() {
            rank[r.idx] = place;
        }
        let order = std::sync::Arc::new(TitleOrder { sorted, rank });
        if let Ok(mut m) = self.0.lock() {
            m.insert(kind, order.clone());
        }
        order
    }
}

impl<'t> NavCache<'t> {
    /// An empty cache that renders with `templates`' `partials/nav.html`.
    pub fn new(templates: &'t Templates) -> Self {
        NavCache {
            templates,
            by_key: Default::default(),
            titles: TitleOrders::default(),
        }
    }

    /// The sidebar of a page at `current_url` with sidebar key `key`.
    pub fn html(
        &self,
        pb: &Playbook,
        key: NavKey,
        current_url: &str,
    ) -> Result<String, Diagnostic> {
        let cached = self.by_key.lock().ok().and_then(|m| m.get(&key).cloned());
        let text = match cached {
            Some(t) => t,
            None => {
                let t = std::sync::Arc::new(self.render(pb, key)?);
                if let Ok(mut m) = self.by_key.lock() {
                    m.insert(key, t.clone());
                }
                t
            }
        };
        let mut needle = String::with_capacity(current_url.len() + 8);
        needle.push_str("href=\"");
        needle.push(markdown::ROOT_MARK);
        playbook_content::diag::push_html_escaped(&mut needle, current_url);
        needle.push('"');
        match text.find(&needle) {
            Some(i) => {
                let at = i + needle.len();
                let mut out = String::with_capacity(text.len() + 24);
                out.push_str(&text[..at]);
                out.push_str(" aria-current=\"page\"");
                out.push_str(&text[at..]);
                Ok(out)
            }
            None => Ok(text.to_string()),
        }
    }

    fn render(&self, pb: &Playbook, key: NavKey) -> Result<String, Diagnostic> {
        let ctx = NavContext {
            root: markdown::ROOT_MARK.to_string(),
            sections: sidebar(pb, &self.titles, self.templates.words(), key),
        };
        let ctx = tera::Context::from_serialize(&ctx)
            .map_err(|e| Diagnostic::internal(format!("the sidebar's context: {e}")))?;
        self.templates.render("partials/nav.html", &ctx)
    }
}

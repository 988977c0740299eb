//! The full-text index: Pagefind, through its Rust API, over the rendered pages.
//!
//! [`render::render_site_to`](crate::render::render_site_to) starts an
//! [`Indexer`] thread before it renders, and hands it each unit's pages of an
//! [`indexable`] template as soon as the unit is rendered (only the part of a
//! page inside its `data-pagefind-body` element, without inline SVG: see
//! [`for_index`]). The thread gives each page to Pagefind with its facets
//! from the model (kind, frameworks, markets: [`facets`]) while the other
//! pages are still rendering; after the last one it builds the index and
//! returns Pagefind's bundle as site files under `pagefind/`.
//!
//! Pagefind reads the headings (`<h2 id=…>`) and elements with a
//! `data-pagefind-title` (activities, tasks) as sub-results, so a hit lands
//! on its section. Its API is async; a small current-thread tokio runtime
//! drives it on the indexer thread, so the build itself stays synchronous.
//! No IO: files come back in memory.
//!
//! The output is deterministic: units arrive in any order but are added in
//! the site builder's unit order (and page order within a unit), Pagefind
//! numbers pages in that order, names its chunks by content hash, and writes
//! gzip with no timestamp; the returned files are sorted by path.

use crate::diag::{html_escape, Diagnostic};
use crate::model::{EntityRef, Kind, Playbook};
use crate::render::OutputFile;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Folder of the bundle inside the site.
pub const DIR: &str = "pagefind";

/// The site's vocabulary (every word of the indexed text, sorted, as a JSON
/// array), for correcting typos in the browser: `theme/search.js` fetches it
/// only when a query has a word the title index does not know.
pub const WORDS: &str = "pagefind/playbook-words.json";

/// Templates whose pages are indexed: one page per entity (steps with their
/// tasks, components, frameworks, metrics, markets, regulations, experts,
/// research, story chapters). Index pages, checklists, `/print/`, the search
/// page and the 404 page are not.
pub fn indexable(template: &str) -> bool {
    matches!(
        template,
        "step.html"
            | "component.html"
            | "framework.html"
            | "metric.html"
            | "market.html"
            | "regulation.html"
            | "expert.html"
            | "research.html"
            | "chapter.html"
    )
}

/// The part of a page Pagefind reads: the element carrying
/// `data-pagefind-body` (the `<article>` of the built-in templates), or the
/// whole page when a template override dropped the attribute.
pub fn body_of(html: &str) -> &str {
    let Some(at) = html.find(" data-pagefind-body") else {
        return html;
    };
    let Some(open) = html[..at].rfind('<') else {
        return html;
    };
    let name: String = html[open + 1..at]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if name.is_empty() {
        return html;
    }
    // Page text never contains a raw `</article>` (Markdown's raw HTML is
    // escaped), so the last closing tag of that name ends the element.
    match html.rfind(&format!("</{name}>")) {
        Some(close) if close > open => &html[open..close + name.len() + 3],
        _ => html,
    }
}

/// `html` without its inline `<svg>` drawings (timelines and charts: their
/// labels repeat the page's text, and they are most of a market page's tags).
pub fn without_svg(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        out.push_str(&rest[..i]);
        match rest[i..].find("</svg>") {
            Some(j) => rest = &rest[i + j + "</svg>".len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What Pagefind is given of a rendered page: [`body_of`], without SVG.
pub fn for_index(html: &str) -> String {
    without_svg(body_of(html))
}

/// The URL Pagefind files a page under, from its output path
/// (`markets/de/index.html` → `markets/de/`).
pub fn url_of(path: &str) -> String {
    path.strip_suffix("index.html").unwrap_or(path).to_string()
}

/// Pages of one unit of work: its position in the site builder's order, and
/// its indexable pages as (URL, [`for_index`] body).
type UnitPages = (usize, Vec<(String, String)>);

/// The indexing thread: fed unit by unit while the site renders.
pub struct Indexer<'scope> {
    tx: Option<std::sync::mpsc::Sender<UnitPages>>,
    cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    handle: Option<std::thread::ScopedJoinHandle<'scope, Result<Vec<OutputFile>, Diagnostic>>>,
}

impl<'scope> Indexer<'scope> {
    /// Start indexing `pb`'s pages on a thread of `scope`.
    pub fn start<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        pb: &'env Playbook,
    ) -> Self {
        let (tx, rx) = std::sync::mpsc::channel::<UnitPages>();
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = std::sync::Arc::clone(&cancel);
        let handle = scope.spawn(move || index_units(pb, rx, &stop));
        Indexer {
            tx: Some(tx),
            cancel,
            handle: Some(handle),
        }
    }

    /// Hand over unit number `seq` (every unit, even one with no indexable
    /// page, so the thread knows it will not come later).
    pub fn unit(&self, seq: usize, pages: Vec<(String, String)>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send((seq, pages));
        }
    }

    /// No more units: build the index; Pagefind's bundle under `pagefind/`.
    pub fn finish(mut self) -> Result<Vec<OutputFile>, Diagnostic> {
        self.tx = None;
        match self.handle.take().map(|h| h.join()) {
            Some(Ok(r)) => r,
            _ => Err(
                Diagnostic::error("search index: the indexing thread stopped")
                    .help("this is a bug in Playbook or Pagefind; please report it"),
            ),
        }
    }
}

impl Drop for Indexer<'_> {
    /// Dropped without [`Indexer::finish`] (the build failed): stop early.
    fn drop(&mut self) {
        if self.handle.is_some() {
            self.cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// The indexer thread: add units in order as they become available, then build.
fn index_units(
    pb: &Playbook,
    rx: std::sync::mpsc::Receiver<UnitPages>,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Diagnostic::error(format!("search index: cannot start its runtime: {e}")))?;
    let facets = facets(pb);
    let language = pb.config.book.language.clone();
    let mut index = new_index(&language)?;
    let mut vocabulary = BTreeSet::new();
    let mut pending: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
    let mut next = 0;
    let stopped = || cancel.load(std::sync::atomic::Ordering::Relaxed);
    rt.block_on(async {
        for (seq, pages) in rx.iter() {
            pending.insert(seq, pages);
            while let Some(pages) = pending.remove(&next) {
                next += 1;
                for (url, body) in pages {
                    if stopped() {
                        return Ok(Vec::new());
                    }
                    add_words(&mut vocabulary, &body);
                    add(&mut index, &language, &facets, &url, &body).await?;
                }
            }
        }
        // Units that never came (a failed build) leave gaps: add the rest in order.
        for (_, pages) in std::mem::take(&mut pending) {
            for (url, body) in pages {
                if stopped() {
                    return Ok(Vec::new());
                }
                add_words(&mut vocabulary, &body);
                add(&mut index, &language, &facets, &url, &body).await?;
            }
        }
        if stopped() {
            return Ok(Vec::new());
        }
        files(&mut index, &vocabulary).await
    })
}

/// What a page is filed under on the search page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Page title.
    pub title: String,
    /// Kind, as a plural heading ("Steps", "Markets", …).
    pub kind: &'static str,
    /// Titles of the frameworks the page belongs to or works with.
    pub frameworks: BTreeSet<String>,
    /// Names of the markets the page applies to.
    pub markets: BTreeSet<String>,
}

/// Facets of every entity page, by URL (`markets/de/`).
///
/// - kind: the entity's kind.
/// - framework: a framework, component or step's own framework; for metrics
///   the frameworks of what they measure (and of their group); for research
///   what it supports; for chapters the steps and components they apply;
///   for experts the steps their advice is about.
/// - market: a step applies to every market one of its tasks applies to (a
///   component or framework to those of its steps); a market is its own; a
///   regulation applies to the markets it binds; a metric to the markets
///   that report it; any page also to the markets that it references or
///   that reference it.
pub fn facets(pb: &Playbook) -> HashMap<String, Facets> {
    let er = |kind, idx| EntityRef { kind, idx };
    let mut f: BTreeMap<EntityRef, Facets> = BTreeMap::new();
    let counts = [
        (Kind::Framework, pb.frameworks.len()),
        (Kind::Component, pb.components.len()),
        (Kind::Step, pb.steps.len()),
        (Kind::Metric, pb.metrics.len()),
        (Kind::Market, pb.markets.len()),
        (Kind::Regulation, pb.regulations.len()),
        (Kind::Expert, pb.experts.len()),
        (Kind::Research, pb.research.len()),
        (Kind::Chapter, pb.chapters.len()),
    ];
    for (kind, n) in counts {
        for i in 0..n {
            f.insert(
                er(kind, i),
                Facets {
                    title: pb.title(er(kind, i)).to_string(),
                    kind: kind.plural_title(),
                    ..Facets::default()
                },
            );
        }
    }
    let fw_of = |r: EntityRef| -> Option<usize> {
        match r.kind {
            Kind::Framework => Some(r.idx),
            Kind::Component => Some(pb.components[r.idx].framework),
            Kind::Step => Some(pb.steps[r.idx].framework),
            Kind::Task => Some(pb.steps[pb.tasks[r.idx].step].framework),
            _ => None,
        }
    };
    let add_fw = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, r: EntityRef| {
        if let (Some(x), Some(fw)) = (f.get_mut(&page), fw_of(r)) {
            x.frameworks.insert(pb.frameworks[fw].title.clone());
        }
    };
    for &(kind, n) in &counts[..3] {
        for i in 0..n {
            add_fw(&mut f, er(kind, i), er(kind, i));
        }
    }
    for (i, m) in pb.metrics.iter().enumerate() {
        for &r in &m.measures {
            add_fw(&mut f, er(Kind::Metric, i), r);
        }
        if let Some(fw) = pb.metric_groups[m.group].framework {
            add_fw(&mut f, er(Kind::Metric, i), er(Kind::Framework, fw));
        }
    }
    for (i, r) in pb.research.iter().enumerate() {
        for &s in &r.supports {
            add_fw(&mut f, er(Kind::Research, i), s);
        }
    }
    for (i, c) in pb.chapters.iter().enumerate() {
        for &s in &c.applies {
            add_fw(&mut f, er(Kind::Chapter, i), s);
        }
    }
    for (i, x) in pb.experts.iter().enumerate() {
        for (_, steps) in &x.advice {
            for &s in steps {
                add_fw(&mut f, er(Kind::Expert, i), er(Kind::Step, s));
            }
        }
    }

    let name = |m: usize| pb.markets[m].name.clone();
    let add_m = |f: &mut BTreeMap<EntityRef, Facets>, page: EntityRef, m: usize| {
        if let Some(x) = f.get_mut(&page) {
            x.markets.insert(name(m));
        }
    };
    // A step applies where any of its tasks does (a task without a rule:
    // everywhere); each market is added once per step, not once per task.
    let mut step_markets = vec![vec![false; pb.markets.len()]; pb.steps.len()];
    for ti in 0..pb.tasks.len() {
        let seen = &mut step_markets[pb.tasks[ti].step];
        if crate::checklist::is_gated(pb, ti) {
            for &m in &pb.task_markets[ti] {
                seen[m] = true;
            }
        } else {
            seen.iter_mut().for_each(|x| *x = true);
        }
    }
    for (s, seen) in step_markets.iter().enumerate() {
        let step = &pb.steps[s];
        for m in (0..seen.len()).filter(|&m| seen[m]) {
            add_m(&mut f, er(Kind::Step, s), m);
            add_m(&mut f, er(Kind::Framework, step.framework), m);
            if let Some(c) = step.component {
                add_m(&mut f, er(Kind::Component, c), m);
            }
        }
    }
    for (mi, m) in pb.markets.iter().enumerate() {
        add_m(&mut f, er(Kind::Market, mi), mi);
        for &g in &m.regulations {
            add_m(&mut f, er(Kind::Regulation, g), mi);
        }
        for (metric, _) in &m.actuals {
            add_m(&mut f, er(Kind::Metric, *metric), mi);
        }
    }
    for (target, sources) in &pb.backlinks {
        for &src in sources {
            let (a, b) = (pb.page_of(*target), pb.page_of(src));
            if a.kind == Kind::Market {
                add_m(&mut f, b, a.idx);
            }
            if b.kind == Kind::Market {
                add_m(&mut f, a, b.idx);
            }
        }
    }
    f.into_iter().map(|(r, x)| (pb.url(r), x)).collect()
}

/// The document Pagefind reads for one page: the page's body, preceded by
/// empty, ignored elements that carry its filters and meta (they are never
/// part of the published page).
pub fn document(language: &str, facets: Option<&Facets>, body: &str) -> String {
    let mut s = String::with_capacity(body.len() + 512);
    s.push_str("<html lang=\"");
    s.push_str(&html_escape(language));
    s.push_str("\"><body><div data-pagefind-body>");
    if let Some(f) = facets {
        let tag = |s: &mut String, attr: &str, key: &str, value: &str| {
            s.push_str("<span data-pagefind-ignore ");
            s.push_str(attr);
            s.push_str("=\"");
            s.push_str(key);
            s.push(':');
            s.push_str(&html_escape(value));
            s.push_str("\"></span>");
        };
        tag(&mut s, "data-pagefind-meta", "title", &f.title);
        tag(&mut s, "data-pagefind-filter", "kind", f.kind);
        for fw in &f.frameworks {
            tag(&mut s, "data-pagefind-filter", "framework", fw);
        }
        for m in &f.markets {
            tag(&mut s, "data-pagefind-filter", "market", m);
        }
    }
    s.push_str(body);
    s.push_str("</div></body></html>");
    s
}

/// Whether a file of Pagefind's bundle is one the site's search uses. The
/// ready-made UIs, the highlighter and the worker script are left out: the
/// search box and page are our own (`theme/search.js`) and search on the
/// main thread, which keeps the first search's download small.
fn wanted(name: &str) -> bool {
    !(name.starts_with("pagefind-ui")
        || name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name == "pagefind-highlight.js"
        || name == "pagefind-worker.js"
        || name.starts_with("playground/"))
}

fn search_error(what: &str, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(format!("search index: {what}: {e}"))
        .help("this is a bug in Playbook or Pagefind; please report it with the page named above")
}

fn new_index(language: &str) -> Result<pagefind::api::PagefindIndex, Diagnostic> {
    let options = pagefind::options::PagefindServiceConfig::builder()
        .force_language(language.to_string())
        .build();
    pagefind::api::PagefindIndex::new(Some(options))
        .map_err(|e| search_error("cannot create the index", &e))
}

async fn add(
    index: &mut pagefind::api::PagefindIndex,
    language: &str,
    facets: &HashMap<String, Facets>,
    url: &str,
    body: &str,
) -> Result<(), Diagnostic> {
    let doc = document(language, facets.get(url), body);
    index
        .add_html_file(None, Some(format!("/{url}")), doc)
        .await
        .map(|_| ())
        .map_err(|e| search_error(&format!("cannot index /{url}"), &e))
}

async fn files(
    index: &mut pagefind::api::PagefindIndex,
    vocabulary: &BTreeSet<String>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let files = index
        .get_files()
        .await
        .map_err(|e| search_error("cannot build the index", &e))?;
    let mut out: Vec<OutputFile> = files
        .into_iter()
        .filter_map(|f| {
            let name = f.filename.to_string_lossy().replace('\\', "/");
            wanted(&name).then(|| OutputFile {
                path: format!("{DIR}/{name}"),
                bytes: f.contents,
            })
        })
        .collect();
    out.push(OutputFile {
        path: WORDS.to_string(),
        bytes: serde_json::to_vec(vocabulary).unwrap_or_default(),
    });
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Add the words of `html`'s text (outside tags, lower case, ASCII letters
/// and digits, three letters or more; as `theme/search.js` splits a query)
/// to `vocabulary`. Words with other letters (é, ß, …) are left out: the
/// browser folds those differently.
pub fn add_words(vocabulary: &mut BTreeSet<String>, html: &str) {
    let mut word = String::new();
    let mut other = false;
    let mut in_tag = false;
    let mut in_entity = false;
    let mut flush = |w: &mut String, other: &mut bool| {
        if !*other
            && w.len() >= 3
            && !w.bytes().all(|b| b.is_ascii_digit())
            && !vocabulary.contains(w.as_str())
        {
            vocabulary.insert(w.clone());
        }
        w.clear();
        *other = false;
    };
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                flush(&mut word, &mut other);
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                in_entity = true;
                flush(&mut word, &mut other);
            }
            ';' if in_entity => in_entity = false,
            _ if in_entity => {}
            c if c.is_ascii_alphanumeric() => word.push(c.to_ascii_lowercase()),
            c if c.is_alphanumeric() => other = true,
            _ => flush(&mut word, &mut other),
        }
    }
    flush(&mut word, &mut other);
}

/// Index `pages` (URL, [`for_index`] body) in the given order, on the
/// calling thread; Pagefind's bundle under `pagefind/`. (The build uses
/// [`Indexer`], which does the same while the site renders.)
pub fn build(pb: &Playbook, pages: &[(String, String)]) -> Result<Vec<OutputFile>, Diagnostic> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Diagnostic::error(format!("search index: cannot start its runtime: {e}")))?;
    let facets = facets(pb);
    let language = pb.config.book.language.clone();
    let mut index = new_index(&language)?;
    let mut vocabulary = BTreeSet::new();
    rt.block_on(async {
        for (url, body) in pages {
            add_words(&mut vocabulary, body);
            add(&mut index, &language, &facets, url, body).await?;
        }
        files(&mut index, &vocabulary).await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skeleton() -> (tempfile::TempDir, Playbook) {
        let tmp = tempfile::tempdir().unwrap();
        crate::output::write_new_files(tmp.path(), &crate::skeleton::files()).unwrap();
        let pb = crate::load_playbook(tmp.path()).unwrap();
        (tmp, pb)
    }

    #[test]
    fn body_of_keeps_only_the_marked_element() {
        let html = "<html><body><nav>Menu</nav><main><article data-pagefind-body><h1>T</h1><p>x</p></article></main><script></script></body></html>";
        assert_eq!(
            body_of(html),
            "<article data-pagefind-body><h1>T</h1><p>x</p></article>"
        );
        let plain = "<html><body><p>no marker</p></body></html>";
        assert_eq!(body_of(plain), plain);
    }

    #[test]
    fn svg_drawings_are_left_out() {
        assert_eq!(
            without_svg(
                "<p>a</p><svg viewBox=\"0 0 1 1\"><text>Week 1</text></svg><p>b</p><svg></svg>"
            ),
            "<p>a</p><p>b</p>"
        );
        assert_eq!(without_svg("<p>a</p><svg><text>open"), "<p>a</p>");
    }

    #[test]
    fn the_vocabulary_is_the_text_words() {
        let mut v = BTreeSet::new();
        add_words(
            &mut v,
            "<h1 class=\"x\">Data Residency</h1><p>Don&#39;t ship on 2027-03-01: Québec, a CI/CD plan.</p>",
        );
        let got: Vec<&str> = v.iter().map(String::as_str).collect();
        assert_eq!(got, ["data", "don", "plan", "residency", "ship"]);
    }

    #[test]
    fn only_entity_pages_are_indexed() {
        for t in ["step.html", "market.html", "chapter.html", "expert.html"] {
            assert!(indexable(t), "{t}");
        }
        for t in [
            "checklist.html",
            "print.html",
            "search.html",
            "404.html",
            "markets.html",
            "index.html",
        ] {
            assert!(!indexable(t), "{t}");
        }
        assert_eq!(url_of("markets/de/index.html"), "markets/de/");
    }

    #[test]
    fn the_document_carries_escaped_filters_and_the_title() {
        let f = Facets {
            title: "Q&A \"plan\"".into(),
            kind: "Steps",
            frameworks: ["Launch".to_string()].into(),
            markets: ["Germany".to_string(), "Ireland".to_string()].into(),
        };
        let doc = document(
            "en",
            Some(&f),
            "<article data-pagefind-body><h1>x</h1></article>",
        );
        assert!(
            doc.starts_with("<html lang=\"en\"><body><div data-pagefind-body>"),
            "{doc}"
        );
        assert!(
            doc.contains("data-pagefind-meta=\"title:Q&amp;A &quot;plan&quot;\""),
            "{doc}"
        );
        assert!(doc.contains("data-pagefind-filter=\"kind:Steps\""), "{doc}");
        assert!(
            doc.contains("data-pagefind-filter=\"framework:Launch\""),
            "{doc}"
        );
        assert!(
            doc.contains("data-pagefind-filter=\"market:Germany\""),
            "{doc}"
        );
        assert!(
            doc.contains("data-pagefind-filter=\"market:Ireland\""),
            "{doc}"
        );
    }

    #[test]
    fn facets_follow_the_model() {
        let (_tmp, pb) = skeleton();
        let f = facets(&pb);
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let step = &f["frameworks/launch/compliance/regulatory-mapping/"];
        assert_eq!(step.kind, "Steps");
        assert_eq!(step.title, "Regulatory Mapping");
        assert_eq!(step.frameworks, names(&["Market Launch Framework"]));
        // One task applies everywhere, so the step applies to both markets.
        assert_eq!(step.markets, names(&["Germany", "Ireland"]));
        let de = &f["markets/de/"];
        assert_eq!(
            (de.kind, de.markets.clone()),
            ("Markets", names(&["Germany"]))
        );
        assert_eq!(
            f["regulations/gdpr/"].markets,
            names(&["Germany", "Ireland"])
        );
        // Both markets report the metric; it measures a component of the framework.
        let metric = &f["metrics/launch-on-time/"];
        assert_eq!(metric.markets, names(&["Germany", "Ireland"]));
        assert_eq!(metric.frameworks, names(&["Market Launch Framework"]));
        // The chapter opens Germany and applies the step.
        let chapter = &f["story/first-market/"];
        assert_eq!(chapter.kind, "Story chapters");
        assert_eq!(chapter.markets, names(&["Germany"]));
        assert_eq!(chapter.frameworks, names(&["Market Launch Framework"]));
        assert_eq!(
            f["experts/ana-example/"].frameworks,
            names(&["Market Launch Framework"])
        );
        assert_eq!(
            f["research/launch-study/"].frameworks,
            names(&["Market Launch Framework"])
        );
    }

    #[test]
    fn the_bundle_is_the_same_whatever_order_the_units_finish_in() {
        let (_tmp, pb) = skeleton();
        let page = |t: &str, h: &str| {
            format!("<article data-pagefind-body><h1>{t}</h1><h2 id=\"s\">Section</h2><p>{h} text about launches</p></article>")
        };
        let pages = vec![
            ("markets/de/".to_string(), page("Germany", "Germany market")),
            (
                "frameworks/launch/".to_string(),
                page("Market Launch Framework", "framework"),
            ),
            (
                "metrics/launch-on-time/".to_string(),
                page("Launch on time", "metric"),
            ),
        ];
        let one = build(&pb, &pages).unwrap();
        let two = build(&pb, &pages).unwrap();
        assert_eq!(one, two);
        let names: Vec<&str> = one.iter().map(|f| f.path.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"), "{names:?}");
        assert!(names.contains(&"pagefind/pagefind-entry.json"), "{names:?}");
        assert!(names.contains(&WORDS), "{names:?}");
        assert!(names.iter().any(|n| n.ends_with(".pf_meta")), "{names:?}");
        assert!(
            names.iter().any(|n| n.starts_with("pagefind/fragment/")),
            "{names:?}"
        );
        assert!(
            names.iter().any(|n| n.starts_with("pagefind/filter/")),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|n| n.contains("-ui")),
            "unused UI files are left out: {names:?}"
        );

        // The threaded indexer, fed out of order, writes the same bundle.
        let threaded = std::thread::scope(|s| {
            let ix = Indexer::start(s, &pb);
            ix.unit(2, vec![pages[2].clone()]);
            ix.unit(1, vec![pages[1].clone()]);
            ix.unit(3, Vec::new());
            ix.unit(0, vec![pages[0].clone()]);
            ix.finish().unwrap()
        });
        assert_eq!(one, threaded);
    }
}

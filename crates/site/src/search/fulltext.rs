//! The full-text index: Playbook's own, chunked so that a query downloads
//! only the few files it needs, and built in the render workers.
//!
//! [`render::render_site_to`](crate::render::render_site_to) makes one
//! [`Collector`] before it renders. Each render worker, as soon as it has
//! rendered a page of an [`indexable`] template, calls [`Collector::add`]:
//! the page's article is split into sections ([`super::extract`]), its words
//! are counted with field weights (page title ≫ section titles > text), and
//! its fragment (URL, title, kind, frameworks, sections) is kept for the
//! merge. Page numbers are
//! fixed before rendering (the model's order of entity pages, see
//! [`super::facets::facets`]), so nothing depends on which worker finishes
//! first. [`Collector::finish`] then merges the per-page word counts in page
//! order into postings and writes the term chunks, the fragment bundles,
//! the facet table, the vocabulary and the manifest. Files come back in
//! memory; it does no IO: the index cache ([`Collector::with_cache`], see
//! [`super::cache`]) is handed in and out by the build, and from it a page unchanged since the last build is
//! taken instead of being scanned and counted again.
//!
//! ## Files (all under `fulltext/`)
//!
//! - `manifest.json`: `{"v": version, "pages": N, "chunks": [[first term,
//!   file], …], "bundles": [pages in each bundle, …], "facets": file,
//!   "words": file}`; `v` is a hash of every other file of the index, which
//!   the browser appends (`?v=`) to the bundle, facet and vocabulary URLs so
//!   a rebuilt site is never mixed with a cached old one.
//! - `terms/<hash>.bin`: a chunk of ≈ [`CHUNK_BYTES`] of terms in sorted
//!   order (chunk `i` holds the terms from its first term up to, not
//!   including, chunk `i + 1`'s). Each term: varint byte length, UTF-8
//!   bytes, varint posting count, varint byte length of the postings, then
//!   per posting a varint page-number delta and one score byte: bit 7 = the
//!   word is in the page title, bit 6 = in a section title, bits 0–5 = the
//!   page's BM25 term weight (k1 = 1.2, b = 0.75 over weighted counts)
//!   scaled to 1–63. Varints are LEB128.
//! - `pages/<first page>.bin`: a bundle of consecutive pages' fragments
//!   (≈ [`BUNDLE_BYTES`] of JSON), `[{"u": url, "t": title, "k": kind, "f":
//!   frameworks, "s": [[anchor, title, text], …]}, …]`, zlib-compressed
//!   (the browser inflates it with `DecompressionStream("deflate")`),
//!   fetched only for results shown. Fragments are nearly all of the
//!   index's bytes: compressed (≈ 4.5 ×), four times as many pages fit in
//!   the bytes one result downloads, so a large site has a quarter of the
//!   files to write. The file is stored compressed rather than left to the
//!   web server, so the saving holds on any host; `.bin`, so that no
//!   server labels it `Content-Encoding: gzip` (the browser would inflate
//!   it first; the script also accepts plain JSON, for such a proxy).
//! - `facets.json`: filter names (`kind`, `framework`, `market`), the sets
//!   of framework and market numbers pages have (`fsets`, `msets`; a market
//!   set is a list, `"*"` for every market, or `{"not": list}` for all but
//!   those), and `runs`: for each run of consecutive pages with the same
//!   facets, four numbers: count, kind, framework set, market set.
//! - `words.json`: the vocabulary (words of three letters or more, not all
//!   digits), most frequent first, for typo correction; fetched only when a
//!   query has a word the index does not know.

use super::cache::{self, IndexCacheIo};
use super::extract::{self, Section};
use super::facets::{facets, Facets};
pub use super::merge::BUNDLE_BYTES;
use super::merge::{bundles, facets_json, term_chunks};
pub(super) use super::page_words::{content_hash, PageWords};
use super::words::{self, Word};
use playbook_content::model::Playbook;
use playbook_content::site_file::SiteFile;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Mutex;

/// Folder of the index inside the site (`search/` is the search page).
pub const DIR: &str = "fulltext";
/// The index's entry point, fetched on the first search.
pub const MANIFEST: &str = "fulltext/manifest.json";
pub use super::merge::CHUNK_BYTES;

/// Field weights: a word in the page title, in a section title, in text.
const W_TITLE: u32 = 12;
const W_SECTION: u32 = 3;
const W_TEXT: u32 = 1;
/// Score byte flags.
const IN_TITLE: u8 = 0x80;
const IN_SECTION_TITLE: u8 = 0x40;

/// Whether the pages of a template are indexed: the page table's `indexed`
/// column ([`playbook_content::page_kinds::PAGE_KINDS`]): one page per entity (steps
/// with their tasks, components, frameworks, metrics, markets, regulations,
/// experts, research, story chapters) and the learning path's pages. Index
/// pages, checklists, `/print/`, the search page and the 404 page are not.
pub fn indexable(template: &str) -> bool {
    playbook_content::page_kinds::PAGE_KINDS
        .iter()
        .any(|k| k.indexed && k.template == template)
}

/// A page's URL from its output path (`markets/de/index.html` → `markets/de/`).
pub fn url_of(path: &str) -> String {
    path.strip_suffix("index.html").unwrap_or(path).to_string()
}

/// What [`Collector::add`] does to a page, in order (its time in each is
/// [`Collector::add_time`]).
pub const PHASES: [&str; 5] = [
    "scan",
    "count words",
    "number words",
    "fragment",
    "pages from the cache",
];

/// Adds the time since its last lap to one of [`PHASES`]' counters.
struct PhaseClock<'a> {
    counters: &'a [std::sync::atomic::AtomicU64],
    last: std::time::Instant,
}

impl<'a> PhaseClock<'a> {
    fn new(counters: &'a [std::sync::atomic::AtomicU64]) -> Self {
        PhaseClock {
            counters,
            last: std::time::Instant::now(),
        }
    }

    fn lap(&mut self, phase: usize) {
        let now = std::time::Instant::now();
        let ns = u64::try_from((now - self.last).as_nanos()).unwrap_or(u64::MAX);
        self.counters[phase].fetch_add(ns, std::sync::atomic::Ordering::Relaxed);
        self.last = now;
    }
}

/// Gathers the pages' words from the render workers (see the module docs).
pub struct Collector {
    pages: Vec<(String, Facets)>,
    number: HashMap<String, usize>,
    markets: Vec<String>,
    slots: Vec<Mutex<Option<PageWords>>>,
    terms: Mutex<Terms>,
    /// The previous build's [`IndexCache`], with its words' numbers in
    /// `terms`; where to write this build's; each page's cache key.
    cache: Option<(std::sync::Arc<IndexCacheIo>, Vec<u32>)>,
    keys: Vec<std::sync::atomic::AtomicU64>,
    hits: std::sync::atomic::AtomicUsize,
    /// Time spent in each of [`Collector::add`]'s [`PHASES`], all workers
    /// together (for `PLAYBOOK_PROFILE`).
    phase_nanos: [std::sync::atomic::AtomicU64; PHASES.len()],
}

impl Collector {
    /// Number `pb`'s entity pages and compute their facets.
    pub fn new(pb: &Playbook) -> Self {
        let pages = facets(pb);
        let number = pages
            .iter()
            .enumerate()
            .map(|(i, (u, _))| (u.clone(), i))
            .collect();
        let slots = pages.iter().map(|_| Mutex::new(None)).collect();
        Collector {
            pages,
            number,
            markets: pb.markets.iter().map(|m| m.name.clone()).collect(),
            slots,
            terms: Mutex::new(Terms::default()),
            cache: None,
            keys: Vec::new(),
            hits: Default::default(),
            phase_nanos: Default::default(),
        }
    }

    /// Use the index cache the build hands in (see [`super::cache`]):
    /// pages whose article did not change since the build that wrote it
    /// are taken from it, and [`Collector::finish`] hands this build's to
    /// its writer.
    pub fn with_cache(mut self, io: std::sync::Arc<IndexCacheIo>) -> Self {
        let remap = match (&io.previous, self.terms.get_mut()) {
            (Some(old), Ok(terms)) => old.words.iter().map(|w| terms.number_text(w)).collect(),
            _ => Vec::new(),
        };
        self.cache = Some((io, remap));
        self.keys = self.pages.iter().map(|_| Default::default()).collect();
        self
    }

    /// How many pages were taken from the cache so far.
    pub fn cache_hits(&self) -> usize {
        self.hits.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The URLs of the pages indexed, in page order (for benchmarks and tools).
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().map(|(u, _)| u.as_str())
    }

    /// Time the render workers spent indexing pages so far, all together,
    /// in each of [`PHASES`].
    pub fn add_time(&self) -> Vec<(&'static str, std::time::Duration)> {
        PHASES
            .iter()
            .zip(&self.phase_nanos)
            .map(|(&name, n)| {
                let ns = n.load(std::sync::atomic::Ordering::Relaxed);
                (name, std::time::Duration::from_nanos(ns))
            })
            .collect()
    }

    /// Index the rendered page at `url` (`html` is the whole page); a page
    /// that is not an entity page is left out.
    pub fn add(&self, url: &str, html: &str) {
        let Some(&n) = self.number.get(url) else {
            return;
        };
        let mut clock = PhaseClock::new(&self.phase_nanos);
        let facets = &self.pages[n].1;
        let body = extract::body_of(html);
        if let Some((io, remap)) = &self.cache {
            let fw: Vec<&str> = facets.frameworks.iter().map(String::as_str).collect();
            let key = cache::page_key(url, &facets.title, facets.kind, &fw, body);
            self.keys[n].store(key, std::sync::atomic::Ordering::Relaxed);
            if let Some(old) = &io.previous {
                if let Some(mut page) = old.page(url, key) {
                    for t in &mut page.terms {
                        *t = remap[*t as usize];
                    }
                    if let Ok(mut slot) = self.slots[n].lock() {
                        *slot = Some(page);
                    }
                    self.hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    clock.lap(4);
                    return;
                }
            }
        }
        let mut sections = extract::sections(body);
        clock.lap(0);
        let (keys, mut words) = count_words(&facets.title, &sections);
        clock.lap(1);
        if let Ok(mut terms) = self.terms.lock() {
            words.terms = keys.iter().map(|k| terms.number(k)).collect();
        }
        clock.lap(2);
        if let Some(top) = sections.first_mut() {
            // The top's title is the page's <h1>: the fragment has the title.
            top.title.clear();
        }
        let fragment = fragment(url, facets, &sections);
        if let Ok(mut slot) = self.slots[n].lock() {
            *slot = Some(PageWords { fragment, ..words });
        }
        clock.lap(3);
    }

    /// Merge every page's words into the index files (manifest, term
    /// chunks, fragment bundles, facets, vocabulary), sorted by path.
    pub fn finish(self) -> Result<Vec<SiteFile>, playbook_content::diag::Diagnostic> {
        let pages: Vec<Option<PageWords>> = self
            .slots
            .into_iter()
            .map(|m| m.into_inner().ok().flatten())
            .collect();
        let names = self.terms.into_inner().map(|t| t.names).map_err(|_| {
            playbook_content::diag::Diagnostic::internal(
                "a render worker failed while numbering the index's words",
            )
        })?;
        // The term chunks, the fragment bundles and the cache read the
        // pages independently: on both cores at once.
        let write_cache = || {
            let Some((io, _)) = &self.cache else {
                return;
            };
            let keyed: Vec<(&str, u64, &PageWords)> = self
                .pages
                .iter()
                .zip(&self.keys)
                .zip(&pages)
                .filter_map(|(((url, _), key), p)| {
                    let key = key.load(std::sync::atomic::Ordering::Relaxed);
                    Some((url.as_str(), key, p.as_ref()?))
                })
                .collect();
            let unchanged = io.previous.as_ref().is_some_and(|old| {
                let pairs: Vec<(&str, u64)> = keyed.iter().map(|(u, k, _)| (*u, *k)).collect();
                old.holds_exactly(&pairs)
            });
            if !unchanged {
                cache::write(&*io.write, io.identity, &names, &keyed);
            }
        };
        let ((chunks, words), (bundles, ())) = rayon::join(
            || term_chunks(&pages, &names),
            || rayon::join(|| bundles(&pages), write_cache),
        );
        let facets = facets_json(&self.pages, &self.markets);
        let words = serde_json::to_vec(&words).map_err(|e| {
            playbook_content::diag::Diagnostic::internal(format!("the index's word list: {e}"))
        })?;
        // Each file's hash (in parallel: at scale the index is tens of MB),
        // then the version from all of them in order.
        use rayon::prelude::*;
        let chunk_hashes: Vec<u64> = chunks.par_iter().map(|(_, b)| content_hash(b)).collect();
        let bundle_hashes: Vec<u64> = bundles.par_iter().map(|(_, b)| content_hash(b)).collect();
        let mut all = chunk_hashes.clone();
        all.extend([content_hash(&facets), content_hash(&words)]);
        all.extend(&bundle_hashes);
        let h = content_hash(
            &all.iter()
                .flat_map(|h| h.to_le_bytes())
                .collect::<Vec<u8>>(),
        );
        let mut out = Vec::with_capacity(chunks.len() + bundles.len() + 3);
        let mut sizes = Vec::with_capacity(bundles.len());
        let mut first = 0;
        for (count, bytes) in bundles {
            sizes.push(count);
            out.push(SiteFile {
                path: format!("{DIR}/pages/{first}.bin"),
                bytes,
            });
            first += count;
        }
        let mut list = Vec::with_capacity(chunks.len());
        for ((first, bytes), hash) in chunks.into_iter().zip(chunk_hashes) {
            let name = format!("terms/{hash:016x}.bin");
            list.push(serde_json::json!([first, name]));
            out.push(SiteFile {
                path: format!("{DIR}/{name}"),
                bytes,
            });
        }
        let manifest = serde_json::json!({
            "v": format!("{h:016x}"),
            "pages": self.pages.len(),
            "chunks": list,
            "bundles": sizes,
            "facets": "facets.json",
            "words": "words.json",
        });
        out.push(SiteFile {
            path: MANIFEST.into(),
            bytes: serde_json::to_vec(&manifest).map_err(|e| {
                playbook_content::diag::Diagnostic::internal(format!("the index's manifest: {e}"))
            })?,
        });
        out.push(SiteFile {
            path: format!("{DIR}/facets.json"),
            bytes: facets,
        });
        out.push(SiteFile {
            path: format!("{DIR}/words.json"),
            bytes: words,
        });
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }
}

/// Count a page's words with their field weights and flags. This runs for
/// every word of every page, so words are counted by their [`Word::Packed`]
/// numbers where they have one: no allocation and no string comparison per
/// word. Returns the page's distinct words in order of first use (`counts`
/// in the same order).
fn count_words(title: &str, sections: &[Section]) -> (Vec<Key>, PageWords) {
    let mut short: FastMap<u128, u32> = FastMap::with_capacity_and_hasher(256, Default::default());
    let mut long: FastMap<String, u32> = FastMap::default();
    let mut counts: Vec<(u32, u8)> = Vec::with_capacity(512);
    let mut keys: Vec<Key> = Vec::with_capacity(512);
    let mut length = 0;
    let mut add = |text: &str, weight: u32, flag: u8| {
        words::for_each_word(text, |w| {
            length += weight;
            let new = counts.len() as u32;
            let i = match w {
                Word::Packed(k) => *short.entry(k).or_insert(new),
                Word::Long(s) => match long.get(s) {
                    Some(&i) => i,
                    None => {
                        long.insert(s.to_string(), new);
                        new
                    }
                },
            };
            if i == new {
                counts.push((0, 0));
                keys.push(match w {
                    Word::Packed(k) => Key::Packed(k),
                    Word::Long(s) => Key::Long(s.to_string()),
                });
            }
            let c = &mut counts[i as usize];
            c.0 += weight;
            c.1 |= flag;
        });
    };
    add(title, W_TITLE, IN_TITLE);
    for (i, s) in sections.iter().enumerate() {
        if i > 0 {
            add(&s.title, W_SECTION, IN_SECTION_TITLE);
        }
        add(&s.text, W_TEXT, 0);
    }
    let page = PageWords {
        terms: Vec::new(),
        counts,
        length,
        fragment: Vec::new(),
    };
    (keys, page)
}

/// A page's word, owned, until the [`Terms`] number it.
enum Key {
    Packed(u128),
    Long(String),
}

/// Every word of the site, numbered in order of first use by any worker:
/// pages keep numbers instead of strings, and the merge gathers postings
/// by number (a counting sort) instead of hashing every word again. The
/// numbers depend on which worker came first; nothing written does (terms
/// are written sorted, postings in page order).
#[derive(Default)]
struct Terms {
    short: FastMap<u128, u32>,
    long: FastMap<String, u32>,
    names: Vec<String>,
}

impl Terms {
    /// The number of a word given as text.
    fn number_text(&mut self, w: &str) -> u32 {
        if w.len() <= words::PACKED_BYTES {
            self.number(&Key::Packed(words::pack(w.as_bytes())))
        } else {
            self.number(&Key::Long(w.to_string()))
        }
    }

    /// A word's number, given it if new.
    fn number(&mut self, w: &Key) -> u32 {
        let next = self.names.len() as u32;
        let n = match w {
            Key::Packed(k) => *self.short.entry(*k).or_insert(next),
            Key::Long(s) => match self.long.get(s) {
                Some(&n) => n,
                None => {
                    self.long.insert(s.clone(), next);
                    next
                }
            },
        };
        if n == next {
            self.names.push(match w {
                Key::Packed(k) => words::unpack(*k),
                Key::Long(s) => s.clone(),
            });
        }
        n
    }
}

/// A page's fragment file (see the module docs).
fn fragment(url: &str, f: &Facets, sections: &[Section]) -> Vec<u8> {
    #[derive(serde::Serialize)]
    struct Fragment<'a> {
        u: &'a str,
        t: &'a str,
        k: &'a str,
        f: String,
        s: Vec<[&'a str; 3]>,
    }
    let fw: Vec<&str> = f.frameworks.iter().map(String::as_str).collect();
    serde_json::to_vec(&Fragment {
        u: url,
        t: &f.title,
        k: f.kind,
        f: fw.join(" · "),
        s: sections
            .iter()
            .filter(|s| !(s.anchor.is_empty() && s.text.is_empty()))
            .map(|s| [s.anchor.as_str(), s.title.as_str(), s.text.as_str()])
            .collect(),
    })
    .unwrap_or_default()
}
/// A hash map with a fast, non-keyed hash (the keys are the site's own words).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The Fx hash (as in rustc): a multiply and rotate per 8 bytes.
#[derive(Default)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    /// Words are hashed as packed `u128`s: a folded multiply mixes every
    /// bit of both halves into the low bits (the table's index) and the
    /// high ones (its tag), where Fx's multiply leaves the low bits
    /// depending on the first few bytes only.
    fn write_u128(&mut self, v: u128) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let m =
            u128::from(v as u64 ^ self.0 ^ K) * u128::from((v >> 64) as u64 ^ K.rotate_left(32));
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::merge::{score_byte, varint};

    fn skeleton() -> (tempfile::TempDir, Playbook) {
        crate::testing::skeleton_playbook()
    }

    /// Decode a chunk: (term, [(page, score byte)]).
    fn decode(bytes: &[u8]) -> Vec<(String, Vec<(u32, u8)>)> {
        fn read(b: &[u8], i: &mut usize) -> u32 {
            let (mut v, mut shift) = (0u32, 0);
            loop {
                let x = b[*i];
                *i += 1;
                v |= u32::from(x & 0x7f) << shift;
                if x < 0x80 {
                    return v;
                }
                shift += 7;
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let len = read(bytes, &mut i) as usize;
            let term = String::from_utf8(bytes[i..i + len].to_vec()).unwrap();
            i += len;
            let n = read(bytes, &mut i);
            let _blen = read(bytes, &mut i);
            let mut page = 0;
            let mut list = Vec::new();
            for _ in 0..n {
                page += read(bytes, &mut i);
                list.push((page, bytes[i]));
                i += 1;
            }
            out.push((term, list));
        }
        out
    }

    #[test]
    fn entity_and_learning_pages_are_indexed() {
        for t in [
            "step.html",
            "market.html",
            "chapter.html",
            "expert.html",
            "learning.html",
            "assessment.html",
            "combined_assessment.html",
            "portfolio.html",
        ] {
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
    fn the_index_is_the_same_whatever_order_pages_arrive_in() {
        let (_tmp, pb) = skeleton();
        let page = |t: &str, h: &str| {
            format!("<nav>menu</nav><article data-search-body><h1>{t}</h1><h2 id=\"s\">Section</h2><p>{h} text about launches</p></article>")
        };
        let pages = [
            ("markets/de/", page("Germany", "Germany market")),
            (
                "frameworks/launch/",
                page("Market Launch Framework", "framework"),
            ),
            ("metrics/launch-on-time/", page("Launch on time", "metric")),
        ];
        let run = |order: &[usize]| {
            let c = Collector::new(&pb);
            order.iter().for_each(|&i| c.add(pages[i].0, &pages[i].1));
            let mut files = c.finish().unwrap();
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files
        };
        let one = run(&[0, 1, 2]);
        assert_eq!(one, run(&[2, 0, 1]));
        let get = |p: &str| -> &SiteFile { one.iter().find(|f| f.path == p).unwrap() };
        let manifest: serde_json::Value = serde_json::from_slice(&get(MANIFEST).bytes).unwrap();
        assert_eq!(
            manifest["pages"], 14,
            "one page per entity, and the learning path's four: {manifest}"
        );
        let chunks = manifest["chunks"].as_array().unwrap();
        assert_eq!(chunks.len(), 1, "a small site has one chunk");
        let chunk = get(&format!("{DIR}/{}", chunks[0][1].as_str().unwrap()));
        let terms = decode(&chunk.bytes);
        let words: Vec<&str> = terms.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(chunks[0][0], words[0]);
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted: {words:?}");
        assert!(!words.contains(&"about") || words.contains(&"launches"));
        assert!(!words.contains(&"menu"), "only the article is indexed");
        // "germany" is in one page's title (and the facets name the page).
        let (_, germany) = terms.iter().find(|(t, _)| t == "germany").unwrap();
        assert_eq!(germany.len(), 1);
        assert!(germany[0].1 & IN_TITLE != 0);
        let (_, section) = terms.iter().find(|(t, _)| t == "section").unwrap();
        assert_eq!(section.len(), 3);
        assert!(section
            .iter()
            .all(|p| p.1 & IN_SECTION_TITLE != 0 && p.1 & IN_TITLE == 0));
        // A fragment: the page's URL, title, kind and sections, in the
        // bundle the manifest says holds the page.
        let n = germany[0].0 as u64;
        let sizes: Vec<u64> = manifest["bundles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(sizes.iter().sum::<u64>(), 14);
        let (mut first, mut b) = (0, 0);
        while first + sizes[b] <= n {
            first += sizes[b];
            b += 1;
        }
        let packed = &get(&format!("{DIR}/pages/{first}.bin")).bytes;
        assert_eq!(packed[0], 0x78, "a zlib stream");
        let bundle: serde_json::Value =
            serde_json::from_reader(flate2::read::ZlibDecoder::new(&packed[..])).unwrap();
        assert_eq!(bundle.as_array().unwrap().len() as u64, sizes[b]);
        let frag = &bundle[(n - first) as usize];
        assert_eq!(frag["u"], "markets/de/");
        assert_eq!(frag["t"], "Germany");
        assert_eq!(frag["k"], "Markets");
        assert_eq!(
            frag["s"][0],
            serde_json::json!(["s", "Section", "Germany market text about launches"])
        );
        let facets: serde_json::Value =
            serde_json::from_slice(&get(&format!("{DIR}/facets.json")).bytes).unwrap();
        assert!(facets["market"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "Germany"));
        let runs = facets["runs"].as_array().unwrap();
        let total: u64 = runs.chunks(4).map(|r| r[0].as_u64().unwrap()).sum();
        assert_eq!(total, 14);
        let words: Vec<String> =
            serde_json::from_slice(&get(&format!("{DIR}/words.json")).bytes).unwrap();
        assert!(words.contains(&"germany".to_string()));
    }

    #[test]
    fn scores_saturate_and_stay_in_six_bits() {
        assert_eq!(score_byte(0, 10, 10.0), 1);
        assert!(score_byte(1, 10, 10.0) < score_byte(5, 10, 10.0));
        assert!(score_byte(5, 100, 10.0) < score_byte(5, 10, 10.0));
        assert!(score_byte(10_000, 1, 10.0) <= 63);
        let mut v = Vec::new();
        varint(&mut v, 300);
        assert_eq!(v, [0xac, 0x02]);
    }
}

//! The full-text index: Playbook's own, chunked so that a query downloads
//! only the few files it needs, and built in the render workers.
//!
//! [`render::render_site_to`](crate::render::render_site_to) makes one
//! [`Collector`] before it renders. Each render worker, as soon as it has
//! rendered a page of an [`indexable`] template, calls [`Collector::add`]:
//! the page's article is split into sections ([`super::extract`]), its words
//! are counted with field weights (page title ≫ section titles > text), and
//! its fragment file (`fulltext/pages/<n>.json`: URL, title, kind,
//! frameworks, sections) is returned to be written at once. Page numbers are
//! fixed before rendering (the model's order of entity pages, see
//! [`super::facets::facets`]), so nothing depends on which worker finishes
//! first. [`Collector::finish`] then merges the per-page word counts in page
//! order into postings and writes the term chunks, the facet table, the
//! vocabulary and the manifest. No IO: files come back in memory.
//!
//! ## Files (all under `fulltext/`)
//!
//! - `manifest.json`: `{"v": version, "pages": N, "chunks": [[first term,
//!   file], …], "facets": file, "words": file}`; `v` is a hash of every
//!   other file of the index, which the browser appends (`?v=`) to the
//!   fragment URLs so a rebuilt site is never mixed with a cached old one.
//! - `terms/<hash>.bin`: a chunk of ≈ [`CHUNK_BYTES`] of terms in sorted
//!   order (chunk `i` holds the terms from its first term up to, not
//!   including, chunk `i + 1`'s). Each term: varint byte length, UTF-8
//!   bytes, varint posting count, varint byte length of the postings, then
//!   per posting a varint page-number delta and one score byte: bit 7 = the
//!   word is in the page title, bit 6 = in a section title, bits 0–5 = the
//!   page's BM25 term weight (k1 = 1.2, b = 0.75 over weighted counts)
//!   scaled to 1–63. Varints are LEB128.
//! - `pages/<n>.json`: `{"u": url, "t": title, "k": kind, "f": frameworks,
//!   "s": [[anchor, title, text], …]}`, fetched only for results shown.
//! - `facets.json`: filter names and, per run of pages with equal facets,
//!   `[count, kind, framework set, market set]` (`"*"` = every market).
//! - `words.json`: the vocabulary (words of three letters or more, not all
//!   digits), most frequent first, for typo correction; fetched only when a
//!   query has a word the index does not know.

use super::extract::{self, Section};
use super::facets::{facets, Facets};
use crate::model::Playbook;
use crate::render::OutputFile;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

/// Folder of the index inside the site (`search/` is the search page).
pub const DIR: &str = "fulltext";
/// The index's entry point, fetched on the first search.
pub const MANIFEST: &str = "fulltext/manifest.json";
/// Target size of a term chunk, in bytes (a term's postings are never split).
pub const CHUNK_BYTES: usize = 24 * 1024;

/// Field weights: a word in the page title, in a section title, in text.
const W_TITLE: u32 = 12;
const W_SECTION: u32 = 3;
const W_TEXT: u32 = 1;
/// Score byte flags.
const IN_TITLE: u8 = 0x80;
const IN_SECTION_TITLE: u8 = 0x40;

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

/// A page's URL from its output path (`markets/de/index.html` → `markets/de/`).
pub fn url_of(path: &str) -> String {
    path.strip_suffix("index.html").unwrap_or(path).to_string()
}

/// One page's words, counted: `words` holds them sorted, one per line;
/// `counts[i]` is the i-th word's weighted count and flags.
struct PageWords {
    words: String,
    counts: Vec<(u32, u8)>,
    /// Sum of the weighted counts (the page's length for BM25).
    length: u32,
    /// Hash of the page's fragment file.
    hash: u64,
}

/// Gathers the pages' words from the render workers (see the module docs).
pub struct Collector {
    pages: Vec<(String, Facets)>,
    number: HashMap<String, usize>,
    markets: usize,
    slots: Vec<Mutex<Option<PageWords>>>,
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
            markets: pb.markets.len(),
            slots,
        }
    }

    /// Index the rendered page at `url` (`html` is the whole page); its
    /// fragment file, or `None` for a page that is not an entity page.
    pub fn add(&self, url: &str, html: &str) -> Option<OutputFile> {
        let &n = self.number.get(url)?;
        let facets = &self.pages[n].1;
        let mut sections = extract::sections(extract::body_of(html));
        let words = count_words(&facets.title, &sections);
        if let Some(top) = sections.first_mut() {
            // The top's title is the page's <h1>: the fragment has the title.
            top.title.clear();
        }
        let fragment = fragment(url, facets, &sections);
        let hash = fnv(FNV_START, &fragment);
        if let Ok(mut slot) = self.slots[n].lock() {
            *slot = Some(PageWords { hash, ..words });
        }
        Some(OutputFile {
            path: format!("{DIR}/pages/{n}.json"),
            bytes: fragment,
        })
    }

    /// Merge every page's words into the index files (manifest, term
    /// chunks, facets, vocabulary), sorted by path.
    pub fn finish(self) -> Vec<OutputFile> {
        let pages: Vec<Option<PageWords>> = self
            .slots
            .into_iter()
            .map(|m| m.into_inner().ok().flatten())
            .collect();
        let (chunks, words) = term_chunks(&pages);
        let facets = facets_json(&self.pages, self.markets);
        let words = serde_json::to_vec(&words).unwrap_or_default();
        let mut h = FNV_START;
        for (_, bytes) in &chunks {
            h = fnv(h, bytes);
        }
        h = fnv(fnv(h, &facets), &words);
        for p in pages.iter().flatten() {
            h = fnv(h, &p.hash.to_le_bytes());
        }
        let mut out = Vec::with_capacity(chunks.len() + 3);
        let mut list = Vec::with_capacity(chunks.len());
        for (first, bytes) in chunks {
            let name = format!("terms/{:016x}.bin", fnv(FNV_START, &bytes));
            list.push(serde_json::json!([first, name]));
            out.push(OutputFile {
                path: format!("{DIR}/{name}"),
                bytes,
            });
        }
        let manifest = serde_json::json!({
            "v": format!("{h:016x}"),
            "pages": self.pages.len(),
            "chunks": list,
            "facets": "facets.json",
            "words": "words.json",
        });
        out.push(OutputFile {
            path: MANIFEST.into(),
            bytes: serde_json::to_vec(&manifest).unwrap_or_default(),
        });
        out.push(OutputFile {
            path: format!("{DIR}/facets.json"),
            bytes: facets,
        });
        out.push(OutputFile {
            path: format!("{DIR}/words.json"),
            bytes: words,
        });
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }
}

/// Count a page's words with their field weights and flags.
fn count_words(title: &str, sections: &[Section]) -> PageWords {
    let mut counts: HashMap<String, (u32, u8)> = HashMap::new();
    let mut length = 0;
    let mut add = |text: &str, weight: u32, flag: u8| {
        extract::for_each_word(text, |w| {
            length += weight;
            match counts.get_mut(w) {
                Some(c) => {
                    c.0 += weight;
                    c.1 |= flag;
                }
                None => {
                    counts.insert(w.to_string(), (weight, flag));
                }
            }
        });
    };
    add(title, W_TITLE, IN_TITLE);
    for (i, s) in sections.iter().enumerate() {
        if i > 0 {
            add(&s.title, W_SECTION, IN_SECTION_TITLE);
        }
        add(&s.text, W_TEXT, 0);
    }
    let mut sorted: Vec<(String, (u32, u8))> = counts.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut words = String::with_capacity(sorted.iter().map(|(w, _)| w.len() + 1).sum());
    let mut c = Vec::with_capacity(sorted.len());
    for (w, x) in sorted {
        words.push_str(&w);
        words.push('\n');
        c.push(x);
    }
    PageWords {
        words,
        counts: c,
        length,
        hash: 0,
    }
}

/// A page's fragment file (see the module docs).
fn fragment(url: &str, f: &Facets, sections: &[Section]) -> Vec<u8> {
    let s: Vec<[&str; 3]> = sections
        .iter()
        .filter(|s| !(s.anchor.is_empty() && s.text.is_empty()))
        .map(|s| [s.anchor.as_str(), s.title.as_str(), s.text.as_str()])
        .collect();
    let fw: Vec<&str> = f.frameworks.iter().map(String::as_str).collect();
    serde_json::to_vec(&serde_json::json!({
        "u": url,
        "t": f.title,
        "k": f.kind,
        "f": fw.join(" · "),
        "s": s,
    }))
    .unwrap_or_default()
}

/// The term chunks (first term, bytes) and the vocabulary for typo correction.
fn term_chunks(pages: &[Option<PageWords>]) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    use rayon::prelude::*;
    let lengths: Vec<u32> = pages.iter().flatten().map(|p| p.length).collect();
    let avg =
        (lengths.iter().map(|&l| f64::from(l)).sum::<f64>() / lengths.len().max(1) as f64).max(1.0);
    // Postings per word, pages in order: (page, weighted count, flags).
    let mut postings: HashMap<&str, Vec<(u32, u32, u8)>> = HashMap::new();
    for (n, p) in pages.iter().enumerate() {
        let Some(p) = p else { continue };
        for (w, &(count, flags)) in p.words.lines().zip(&p.counts) {
            postings
                .entry(w)
                .or_default()
                .push((n as u32, count, flags));
        }
    }
    let mut terms: Vec<(&str, Vec<(u32, u32, u8)>)> = postings.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let encoded: Vec<Vec<u8>> = terms
        .par_iter()
        .map(|(w, list)| {
            let mut body = Vec::with_capacity(list.len() * 2);
            let mut last = 0;
            for &(n, count, flags) in list {
                varint(&mut body, n - last);
                last = n;
                let length = pages[n as usize].as_ref().map_or(1, |p| p.length);
                body.push(score_byte(count, length, avg) | flags);
            }
            let mut e = Vec::with_capacity(body.len() + w.len() + 12);
            varint(&mut e, w.len() as u32);
            e.extend_from_slice(w.as_bytes());
            varint(&mut e, list.len() as u32);
            varint(&mut e, body.len() as u32);
            e.extend_from_slice(&body);
            e
        })
        .collect();
    let mut chunks: Vec<(String, Vec<u8>)> = Vec::new();
    for ((w, _), e) in terms.iter().zip(encoded) {
        match chunks.last_mut() {
            Some((_, bytes)) if bytes.len() + e.len() / 2 < CHUNK_BYTES => bytes.extend(e),
            _ => chunks.push((w.to_string(), e)),
        }
    }
    let mut vocabulary: Vec<(usize, &str)> = terms
        .iter()
        .filter(|(w, _)| w.chars().count() >= 3 && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(|(w, list)| (list.len(), *w))
        .collect();
    vocabulary.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let words = vocabulary.into_iter().map(|(_, w)| w.to_string()).collect();
    (chunks, words)
}

/// BM25's term weight for a weighted count on a page of `length` (average
/// `avg`), scaled to 1–63.
fn score_byte(count: u32, length: u32, avg: f64) -> u8 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let tf = f64::from(count);
    let norm = K1 * (1.0 - B + B * f64::from(length) / avg);
    let w = tf * (K1 + 1.0) / (tf + norm) / (K1 + 1.0);
    (w * 63.0).round().clamp(1.0, 63.0) as u8
}

/// Append `v` as a LEB128 varint.
fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The facet table (see the module docs).
fn facets_json(pages: &[(String, Facets)], markets: usize) -> Vec<u8> {
    let mut kinds = BTreeSet::new();
    let mut fws = BTreeSet::new();
    let mut ms = BTreeSet::new();
    for (_, f) in pages {
        kinds.insert(f.kind);
        fws.extend(f.frameworks.iter().map(String::as_str));
        ms.extend(f.markets.iter().map(String::as_str));
    }
    let pos = |set: &BTreeSet<&str>| -> HashMap<String, usize> {
        set.iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), i))
            .collect()
    };
    let (kind_no, fw_no, m_no) = (pos(&kinds.iter().copied().collect()), pos(&fws), pos(&ms));
    // Sets are numbered in order of first use.
    let mut fsets: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
    let mut msets: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
    let mut fset_list: Vec<serde_json::Value> = Vec::new();
    let mut mset_list: Vec<serde_json::Value> = Vec::new();
    let mut runs: Vec<[usize; 4]> = Vec::new();
    for (_, f) in pages {
        let fv: Vec<usize> = f.frameworks.iter().map(|x| fw_no[x]).collect();
        let mv: Vec<usize> = f.markets.iter().map(|x| m_no[x]).collect();
        let fi = *fsets.entry(fv.clone()).or_insert_with(|| {
            fset_list.push(serde_json::json!(fv));
            fset_list.len() - 1
        });
        let all = markets > 0 && mv.len() == markets;
        let mi = *msets.entry(mv.clone()).or_insert_with(|| {
            mset_list.push(if all {
                serde_json::json!("*")
            } else {
                serde_json::json!(mv)
            });
            mset_list.len() - 1
        });
        let k = kind_no[f.kind];
        match runs.last_mut() {
            Some(r) if r[1] == k && r[2] == fi && r[3] == mi => r[0] += 1,
            _ => runs.push([1, k, fi, mi]),
        }
    }
    serde_json::to_vec(&serde_json::json!({
        "kind": kinds,
        "framework": fws,
        "market": ms,
        "fsets": fset_list,
        "msets": mset_list,
        "runs": runs,
    }))
    .unwrap_or_default()
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `bytes`, continuing from `h`: a stable hash for file names
/// and the index version (the same on every build and platform).
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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
            let mut files: Vec<OutputFile> = order
                .iter()
                .filter_map(|&i| c.add(pages[i].0, &pages[i].1))
                .collect();
            files.extend(c.finish());
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files
        };
        let one = run(&[0, 1, 2]);
        assert_eq!(one, run(&[2, 0, 1]));
        let get = |p: &str| -> &OutputFile { one.iter().find(|f| f.path == p).unwrap() };
        let manifest: serde_json::Value = serde_json::from_slice(&get(MANIFEST).bytes).unwrap();
        assert_eq!(manifest["pages"], 10, "one page per entity: {manifest}");
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
        // A fragment: the page's URL, title, kind and sections.
        let n = germany[0].0;
        let frag: serde_json::Value =
            serde_json::from_slice(&get(&format!("{DIR}/pages/{n}.json")).bytes).unwrap();
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
        let total: u64 = facets["runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_u64().unwrap())
            .sum();
        assert_eq!(total, 10);
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

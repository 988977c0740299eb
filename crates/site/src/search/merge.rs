//! The index's merge, after every page was counted: postings with BM25
//! weights in ≈ 24 KB term chunks, the fragment bundles (compressed), the
//! facet table (see `fulltext`'s module docs for the formats).

use super::facets::Facets;
use super::page_words::PageWords;

/// Target size of a term chunk, in bytes (a term's postings are never split).
pub const CHUNK_BYTES: usize = 24 * 1024;
use std::collections::{BTreeSet, HashMap};
/// Fragments are bundled into files of about this much JSON before
/// compression, ≈ 5 KB after (a page with a longer fragment has a file of
/// its own): a file per page would make a large site's index thousands of
/// tiny files, which cost more to create than to fill, while a result
/// shown loads a few pages more.
pub const BUNDLE_BYTES: usize = 24 * 1024;

/// zlib-compress a bundle (level 1: the index is tens of MB at scale, and
/// higher levels gain little on this text for several times the time).
fn compressed(json: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(json.len() / 3),
        flate2::Compression::fast(),
    );
    // Writing to a Vec cannot fail; if it ever did, the plain JSON (which
    // search.js also reads) is published rather than an empty bundle.
    match z.write_all(json).and_then(|_| z.finish()) {
        Ok(bytes) => bytes,
        Err(_) => json.to_vec(),
    }
}

/// Pack the pages' fragments, in page order, into compressed bundle
/// files: (number of pages, `[fragment, …]` with `null` for a page that
/// was not rendered). Where each bundle ends is decided first, from the
/// fragments' sizes alone; then the bundles are made and compressed in
/// parallel, each from its own pages.
pub(super) fn bundles(pages: &[Option<PageWords>]) -> Vec<(usize, Vec<u8>)> {
    use rayon::prelude::*;
    fn fragment(p: &Option<PageWords>) -> &[u8] {
        p.as_ref().map_or(b"null", |p| p.fragment.as_slice())
    }
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut len = 0;
    for (i, p) in pages.iter().enumerate() {
        let f = fragment(p).len();
        match ranges.last_mut() {
            Some(r) if len + f / 2 < BUNDLE_BYTES => {
                r.end = i + 1;
                len += 1 + f;
            }
            _ => {
                ranges.push(i..i + 1);
                len = 1 + f;
            }
        }
    }
    ranges
        .into_par_iter()
        .map(|r| {
            let mut json = Vec::with_capacity(BUNDLE_BYTES + 1024);
            json.push(b'[');
            for (i, p) in pages[r.clone()].iter().enumerate() {
                if i > 0 {
                    json.push(b',');
                }
                json.extend_from_slice(fragment(p));
            }
            json.push(b']');
            (r.len(), compressed(&json))
        })
        .collect()
}

/// A term's occurrence on a page: (page number, weighted count, flags).
type Posting = (u32, u32, u8);

/// The term chunks (first term, bytes) and the vocabulary for typo
/// correction, from the pages' words (numbers into `names`).
pub(super) fn term_chunks(
    pages: &[Option<PageWords>],
    names: &[String],
) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    use rayon::prelude::*;
    let lengths: Vec<u32> = pages.iter().flatten().map(|p| p.length).collect();
    let avg =
        (lengths.iter().map(|&l| f64::from(l)).sum::<f64>() / lengths.len().max(1) as f64).max(1.0);
    // Postings of every term, pages in order, (page, weighted count,
    // flags), in one array: a counting sort by term number.
    let mut start = vec![0usize; names.len() + 1];
    for p in pages.iter().flatten() {
        for &t in &p.terms {
            start[t as usize + 1] += 1;
        }
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut fill = start.clone();
    let mut all: Vec<Posting> = vec![(0, 0, 0); start[names.len()]];
    for (n, p) in pages.iter().enumerate() {
        let Some(p) = p else { continue };
        for (&t, &(count, flags)) in p.terms.iter().zip(&p.counts) {
            all[fill[t as usize]] = (n as u32, count, flags);
            fill[t as usize] += 1;
        }
    }
    // A word only the previous build's cache had has no postings.
    let mut terms: Vec<(&str, &[Posting])> = names
        .iter()
        .enumerate()
        .map(|(t, w)| (w.as_str(), &all[start[t]..start[t + 1]]))
        .filter(|(_, list)| !list.is_empty())
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let encoded: Vec<Vec<u8>> = terms
        .par_iter()
        .map(|(w, list)| {
            let mut body = Vec::with_capacity(list.len() * 2);
            let mut last = 0;
            for &(n, count, flags) in list.iter() {
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
pub(super) fn score_byte(count: u32, length: u32, avg: f64) -> u8 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let tf = f64::from(count);
    let norm = K1 * (1.0 - B + B * f64::from(length) / avg);
    let w = tf * (K1 + 1.0) / (tf + norm) / (K1 + 1.0);
    (w * 63.0).round().clamp(1.0, 63.0) as u8
}

/// Append `v` as a LEB128 varint.
pub(super) fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The facet table (see the module docs).
pub(super) fn facets_json(pages: &[(String, Facets)], market_names: &[String]) -> Vec<u8> {
    let mut kinds = BTreeSet::new();
    let mut fws = BTreeSet::new();
    for (_, f) in pages {
        kinds.insert(f.kind);
        fws.extend(f.frameworks.iter().map(String::as_str));
    }
    let kind_no: HashMap<&str, usize> = kinds.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let fw_no: HashMap<&str, usize> = fws.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    // Markets are listed by name; `by_name[m]` is market m's place in that list.
    let mut order: Vec<usize> = (0..market_names.len()).collect();
    order.sort_by(|&a, &b| market_names[a].cmp(&market_names[b]).then(a.cmp(&b)));
    let mut by_name = vec![0; market_names.len()];
    for (i, &m) in order.iter().enumerate() {
        by_name[m] = i;
    }
    let names: Vec<&str> = order.iter().map(|&m| market_names[m].as_str()).collect();
    // Sets are numbered in order of first use.
    let mut fsets: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut msets: HashMap<&super::facets::MarketSet, usize> = HashMap::new();
    let mut fset_list: Vec<serde_json::Value> = Vec::new();
    let mut mset_list: Vec<serde_json::Value> = Vec::new();
    let mut runs: Vec<[usize; 4]> = Vec::new();
    let flat = |runs: Vec<[usize; 4]>| -> Vec<usize> { runs.into_iter().flatten().collect() };
    for (_, f) in pages {
        let fv: Vec<usize> = f.frameworks.iter().map(|x| fw_no[x.as_str()]).collect();
        let fi = *fsets.entry(fv).or_insert_with_key(|fv| {
            fset_list.push(serde_json::json!(fv));
            fset_list.len() - 1
        });
        let mi = *msets.entry(&f.markets).or_insert_with(|| {
            let n = f.markets.len();
            if !market_names.is_empty() && n == market_names.len() {
                mset_list.push(serde_json::json!("*"));
            } else if n > market_names.len() / 2 {
                // Most markets: list the ones left out.
                let mut v: Vec<usize> = (0..market_names.len())
                    .filter(|&m| !f.markets.contains(playbook_content::model::Idx::new(m)))
                    .map(|m| by_name[m])
                    .collect();
                v.sort_unstable();
                mset_list.push(serde_json::json!({ "not": v }));
            } else {
                let mut v: Vec<usize> = f.markets.iter().map(|m| by_name[m.index()]).collect();
                v.sort_unstable();
                mset_list.push(serde_json::json!(v));
            }
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
        "market": names,
        "fsets": fset_list,
        "msets": mset_list,
        "runs": flat(runs),
    }))
    .unwrap_or_default()
}

//! What the full-text indexer made of each page last time, kept in a file
//! in the playbook's cache folder (`.playbook-cache/index`), so that the next build does not
//! scan and count a page whose article has not changed.
//!
//! This module does no IO of its own: the build opens the previous cache
//! and hands it in as a reader ([`IndexCacheIo`], made by
//! `output::index_cache`), and takes the new one back through the writer
//! it hands in with it.
//!
//! An author's next build changes a few pages of hundreds or thousands:
//! the scan and the word count of the others (most of the index's time)
//! is replaced by a hash of the page's article and a read of a few KB.
//! Nothing written to the site depends on the cache: a build with it makes
//! the same bytes as one without (the integration tests check this).
//!
//! The cache is only ever a shortcut. A page is taken from it only when
//! its key (a hash of the page's URL, facets and article HTML) matches and
//! the file was written by this very `playbook` binary (its size and
//! modification time, so any code change starts afresh); a missing,
//! foreign, truncated or corrupt file is a cache miss, never an error. It
//! is read page by page as the render workers reach each page (only a
//! small table stays in memory), and rewritten, to a temporary file then
//! renamed, only when some page changed. `PLAYBOOK_NO_INDEX_CACHE=1` turns
//! it off (for measuring a build without it).
//!
//! ## File
//!
//! All numbers are LEB128 varints except the fixed-size ones:
//! `PBIXCACHE2` (10 bytes), the build identity (8 bytes, little-endian),
//! the length and the hash (8 bytes) of the head that follows; the head:
//! the word list (count, then each word's byte length and bytes) and the
//! page table (count, then per page: URL length and bytes, key and entry
//! hash as 8 little-endian bytes each, entry length); then the entries, in
//! table order: word count, then per word its number in the word list,
//! weighted count and flags byte; the page length; the fragment's length
//! and bytes. The hashes make a damaged file a miss, not a wrong index.

use super::page_words::{content_hash, PageWords};
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::sync::Mutex;

const MAGIC: &[u8; 10] = b"PBIXCACHE2";

/// A readable, seekable source of the previous cache (a file, as the build
/// opens it; bytes in memory, in tests).
pub trait CacheSource: Read + Seek + Send {}
impl<T: Read + Seek + Send> CacheSource for T {}

/// Writes the new cache: the build hands in a function that takes a
/// `fill` (which writes the cache's bytes) and puts them somewhere
/// lasting. Failure is not an error: the next build scans every page.
pub type CacheWriter =
    dyn Fn(&mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>) + Send + Sync;

/// The index cache as the build hands it to the indexer: the previous
/// build's cache (if there is a usable one), this binary's identity, and
/// where the new cache goes.
pub struct IndexCacheIo {
    /// The previous build's cache, opened.
    pub previous: Option<IndexCache>,
    /// This binary's identity (a cache written by another build of
    /// Playbook is never used; see the module docs).
    pub identity: u64,
    /// Takes the new cache's bytes.
    pub write: Box<CacheWriter>,
}

impl std::fmt::Debug for IndexCacheIo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexCacheIo")
            .field("previous", &self.previous.as_ref().map(|p| p.entries.len()))
            .field("identity", &self.identity)
            .finish()
    }
}

/// A page's cache key: its URL, the facets its fragment shows and the
/// article its sections and words come from.
pub fn page_key(url: &str, title: &str, kind: &str, frameworks: &[&str], body: &str) -> u64 {
    let mut facets = Vec::with_capacity(url.len() + title.len() + 64);
    for part in [url, title, kind]
        .into_iter()
        .chain(frameworks.iter().copied())
    {
        facets.extend_from_slice(part.as_bytes());
        facets.push(0xff);
    }
    // The article is hashed where it lies (10 KB a page: not copied).
    let mut both = [0u8; 16];
    both[..8].copy_from_slice(&content_hash(&facets).to_le_bytes());
    both[8..].copy_from_slice(&content_hash(body.as_bytes()).to_le_bytes());
    content_hash(&both)
}

/// One page's place in the cache file.
#[derive(Clone, Copy)]
struct Entry {
    key: u64,
    hash: u64,
    offset: u64,
    len: usize,
}

/// The previous build's cache, opened for reading.
pub struct IndexCache {
    file: Mutex<Box<dyn CacheSource>>,
    /// The cache's word list.
    pub words: Vec<String>,
    entries: HashMap<String, Entry>,
}

impl IndexCache {
    /// Read the head of a cache from `file`; `None` when it is not a
    /// cache written by the binary with identity `id`, or is damaged (see
    /// the module docs).
    pub fn open(mut file: Box<dyn CacheSource>, id: u64) -> Option<IndexCache> {
        let mut fixed = [0u8; 18];
        file.read_exact(&mut fixed).ok()?;
        if &fixed[..10] != MAGIC || fixed[10..] != id.to_le_bytes() {
            return None;
        }
        let mut r = std::io::BufReader::new(&mut file);
        let head_len = usize::try_from(read_varint(&mut r)?).ok()?;
        let mut hash = [0u8; 8];
        r.read_exact(&mut hash).ok()?;
        if head_len > 1 << 30 {
            return None;
        }
        let mut head = vec![0u8; head_len];
        r.read_exact(&mut head).ok()?;
        if content_hash(&head) != u64::from_le_bytes(hash) {
            return None;
        }
        let mut offset = r.stream_position().ok()?;
        drop(r);
        let mut r = &head[..];
        let count = read_varint(&mut r)?;
        let mut words = Vec::with_capacity(count.min(1 << 20) as usize);
        for _ in 0..count {
            words.push(String::from_utf8(read_bytes(&mut r)?).ok()?);
        }
        let count = read_varint(&mut r)?;
        let mut entries = HashMap::with_capacity(count.min(1 << 20) as usize);
        for _ in 0..count {
            let url = String::from_utf8(read_bytes(&mut r)?).ok()?;
            let key = read_u64(&mut r)?;
            let hash = read_u64(&mut r)?;
            let len = usize::try_from(read_varint(&mut r)?).ok()?;
            entries.insert(
                url,
                Entry {
                    key,
                    hash,
                    offset,
                    len,
                },
            );
            offset += len as u64;
        }
        if !r.is_empty() || file.seek(SeekFrom::End(0)).ok()? != offset {
            return None;
        }
        Some(IndexCache {
            file: Mutex::new(file),
            words,
            entries,
        })
    }

    /// The page at `url` as the cache has it, if its key is `key`: terms
    /// are numbers into [`IndexCache::words`]. `None` on any mismatch or
    /// damage.
    pub(super) fn page(&self, url: &str, key: u64) -> Option<PageWords> {
        let e = *self.entries.get(url).filter(|e| e.key == key)?;
        let mut bytes = vec![0u8; e.len];
        {
            let mut f = self.file.lock().ok()?;
            f.seek(SeekFrom::Start(e.offset)).ok()?;
            f.read_exact(&mut bytes).ok()?;
        }
        if content_hash(&bytes) != e.hash {
            return None;
        }
        let mut r = &bytes[..];
        let n = read_varint(&mut r)? as usize;
        let mut terms = Vec::with_capacity(n.min(1 << 16));
        let mut counts = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let t = u32::try_from(read_varint(&mut r)?).ok()?;
            if t as usize >= self.words.len() {
                return None;
            }
            terms.push(t);
            let count = u32::try_from(read_varint(&mut r)?).ok()?;
            let mut flags = [0u8];
            r.read_exact(&mut flags).ok()?;
            counts.push((count, flags[0]));
        }
        let length = u32::try_from(read_varint(&mut r)?).ok()?;
        let fragment = read_bytes(&mut r)?;
        r.is_empty().then_some(PageWords {
            terms,
            counts,
            length,
            fragment,
        })
    }

    /// Whether the cache holds exactly these pages with these keys (then
    /// there is nothing to rewrite).
    pub fn holds_exactly(&self, pages: &[(&str, u64)]) -> bool {
        pages.len() == self.entries.len()
            && pages
                .iter()
                .all(|(u, k)| self.entries.get(*u).is_some_and(|e| e.key == *k))
    }
}

/// Write a new cache through `writer`: `id` is this binary's identity,
/// `words` the build's word list, and each page is (URL, key, its words
/// with terms numbered in `words`). Failure leaves no cache (the next
/// build just scans every page) and is not an error: the site is what
/// matters.
pub(super) fn write(
    writer: &CacheWriter,
    id: u64,
    words: &[String],
    pages: &[(&str, u64, &PageWords)],
) {
    writer(&mut |out: &mut dyn std::io::Write| {
        out.write_all(MAGIC)?;
        out.write_all(&id.to_le_bytes())?;
        // The entries are made twice (for their hashes in the head, then
        // to write them) rather than all held at once: tens of MB at scale.
        let mut head = Vec::with_capacity(1 << 16);
        varint(&mut head, words.len() as u64);
        for w in words {
            varint(&mut head, w.len() as u64);
            head.extend_from_slice(w.as_bytes());
        }
        varint(&mut head, pages.len() as u64);
        let mut buf = Vec::with_capacity(1 << 16);
        for (url, key, p) in pages {
            buf.clear();
            entry(&mut buf, p);
            varint(&mut head, url.len() as u64);
            head.extend_from_slice(url.as_bytes());
            head.extend_from_slice(&key.to_le_bytes());
            head.extend_from_slice(&content_hash(&buf).to_le_bytes());
            varint(&mut head, buf.len() as u64);
        }
        let mut len = Vec::new();
        varint(&mut len, head.len() as u64);
        out.write_all(&len)?;
        out.write_all(&content_hash(&head).to_le_bytes())?;
        out.write_all(&head)?;
        for (_, _, p) in pages {
            buf.clear();
            entry(&mut buf, p);
            out.write_all(&buf)?;
        }
        Ok(())
    });
}

/// Append a page's entry (see the module docs) to `e`.
fn entry(e: &mut Vec<u8>, p: &PageWords) {
    varint(e, p.terms.len() as u64);
    for (&t, &(count, flags)) in p.terms.iter().zip(&p.counts) {
        varint(e, u64::from(t));
        varint(e, u64::from(count));
        e.push(flags);
    }
    varint(e, u64::from(p.length));
    varint(e, p.fragment.len() as u64);
    e.extend_from_slice(&p.fragment);
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(r: &mut impl Read) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let mut b = [0u8];
        r.read_exact(&mut b).ok()?;
        v |= u64::from(b[0] & 0x7f) << shift;
        if b[0] < 0x80 {
            return Some(v);
        }
    }
    None
}

fn read_u64(r: &mut impl Read) -> Option<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b).ok()?;
    Some(u64::from_le_bytes(b))
}

fn read_bytes(r: &mut impl Read) -> Option<Vec<u8>> {
    let len = usize::try_from(read_varint(r)?).ok()?;
    if len > 1 << 28 {
        return None;
    }
    let mut b = vec![0u8; len];
    r.read_exact(&mut b).ok()?;
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(terms: &[u32], fragment: &str) -> PageWords {
        PageWords {
            terms: terms.to_vec(),
            counts: terms.iter().map(|&t| (t * 300 + 1, 0x40)).collect(),
            length: 12345,
            fragment: fragment.as_bytes().to_vec(),
        }
    }

    /// Write a cache into memory, as the build's writer would into a file.
    fn written(id: u64, words: &[String], pages: &[(&str, u64, &PageWords)]) -> Vec<u8> {
        let bytes = std::sync::Arc::new(Mutex::new(Vec::new()));
        let keep = bytes.clone();
        let writer: Box<CacheWriter> = Box::new(move |fill| {
            let mut out = Vec::new();
            if fill(&mut out).is_ok() {
                *keep.lock().unwrap() = out;
            }
        });
        write(&*writer, id, words, pages);
        let out = bytes.lock().unwrap().clone();
        out
    }

    fn open(bytes: Vec<u8>, id: u64) -> Option<IndexCache> {
        IndexCache::open(Box::new(std::io::Cursor::new(bytes)), id)
    }

    #[test]
    fn a_cache_of_another_binary_or_damaged_is_not_opened() {
        let words: Vec<String> = vec!["alpha".into()];
        let a = page(&[0], "{}");
        let good = written(41, &words, &[("a/", 7, &a)]);
        assert!(open(good.clone(), 41).is_some());
        assert!(open(good.clone(), 42).is_none(), "another binary's cache");
        assert!(
            open(good[..good.len() - 1].to_vec(), 41).is_none(),
            "truncated"
        );
        assert!(open(Vec::new(), 41).is_none(), "empty");
    }

    #[test]
    fn a_written_cache_gives_back_each_page_for_its_key_only() {
        let words: Vec<String> = ["alpha", "beta", "données"].map(String::from).to_vec();
        let (a, b) = (page(&[0, 2], r#"{"u":"a/"}"#), page(&[1], r#"{"u":"b/"}"#));
        let bytes = written(5, &words, &[("a/", 7, &a), ("b/", 8, &b)]);
        let cache = open(bytes, 5).expect("the cache just written opens");
        assert_eq!(cache.words, words);
        let got = cache.page("a/", 7).expect("page a/ with its key");
        assert_eq!(
            (got.terms, got.counts, got.length, got.fragment),
            (a.terms, a.counts, a.length, a.fragment)
        );
        assert_eq!(cache.page("b/", 8).map(|p| p.fragment), Some(b.fragment));
        assert!(cache.page("a/", 8).is_none(), "another key is a miss");
        assert!(cache.page("c/", 7).is_none(), "an unknown page is a miss");
        assert!(cache.holds_exactly(&[("a/", 7), ("b/", 8)]));
        assert!(!cache.holds_exactly(&[("a/", 7)]));
        assert!(!cache.holds_exactly(&[("a/", 7), ("b/", 9)]));
    }

    #[test]
    fn page_keys_change_with_every_input() {
        let k = page_key("a/", "T", "Steps", &["F"], "<p>x</p>");
        assert_eq!(k, page_key("a/", "T", "Steps", &["F"], "<p>x</p>"));
        for other in [
            page_key("b/", "T", "Steps", &["F"], "<p>x</p>"),
            page_key("a/", "U", "Steps", &["F"], "<p>x</p>"),
            page_key("a/", "T", "Metrics", &["F"], "<p>x</p>"),
            page_key("a/", "T", "Steps", &["F", "G"], "<p>x</p>"),
            page_key("a/", "T", "Steps", &["F"], "<p>y</p>"),
            page_key("a/", "TSteps", "", &["F"], "<p>x</p>"),
        ] {
            assert_ne!(k, other);
        }
    }

    #[test]
    fn varints_round_trip() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut b = Vec::new();
            varint(&mut b, v);
            assert_eq!(read_varint(&mut &b[..]), Some(v));
        }
        assert_eq!(read_varint(&mut &[0x80u8][..]), None, "cut short");
    }
}

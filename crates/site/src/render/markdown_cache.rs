//! Markdown renderings kept between builds (`.playbook-cache/markdown.*`),
//! so that a build after a one-page edit renders again only the texts that
//! changed, or whose links now point somewhere else.
//!
//! Rendering Markdown (and highlighting its code) is most of a big site's
//! build. A rendering is a function of its text, the file it is in (relative
//! links), the interface words it uses, this binary, and the answers the
//! rest of the playbook gives to the questions it asks while rendering
//! ("where does `[[task:x]]` go, what is its title?", "which page is
//! `../markets/de.md`?"). The cache records those questions and answers
//! with each rendering, and a rendering is taken from it only when its key
//! (text, file, words) matches and every question gets the same answer
//! today: what each text was made from is tracked, so a changed title
//! renders again every text that links to it, and nothing else.
//!
//! Nothing written to the site depends on the cache: a build with it makes
//! the same bytes as one without (the integration tests check this). A
//! missing, foreign (another binary's), truncated or damaged cache is a
//! miss, never an error; every entry carries its hash.
//!
//! ## Store
//!
//! This module does no IO of its own; a [`CacheStore`] (files in the
//! playbook's cache folder: `output::markdown_cache`) holds two things:
//! - the data: entries one after another, appended to by each build;
//! - the table: `PBMDCACHE1`, the binary's identity, the data's length,
//!   the entry count, then per entry its key, offset, length and hash (8
//!   little-endian bytes each), and the hash of all that. It is rewritten
//!   (to a temporary file, then renamed) by a build that rendered anything
//!   new, after the data it points to is written.
//!
//! Entries no build uses any more are left in the data until they are
//! more than half of it; then the data is rewritten with the live ones.

use crate::search::content_hash;
use playbook_content::markdown::{self, Heading, LinkResolver, Rendered};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::Mutex;

const MAGIC: &[u8; 10] = b"PBMDCACHE1";

/// Texts shorter than this are rendered every time (a summary, a title):
/// rendering them costs less than keeping them.
pub const MIN_CACHED_LEN: usize = 200;

/// Where the cache's two parts are kept between builds (files, as the
/// build opens them; memory, in tests).
pub trait CacheStore: Send + Sync {
    /// The previous table's bytes, if there is one.
    fn read_table(&self) -> Option<Vec<u8>>;
    /// Fill `buf` from the data at `offset`.
    fn read_data(&self, offset: u64, buf: &mut [u8]) -> std::io::Result<()>;
    /// Cut the data to `len` bytes (what a killed build appended after the
    /// table was written goes), then append `bytes`.
    fn append_data(&self, len: u64, bytes: &[u8]) -> std::io::Result<()>;
    /// Replace the data with what `fill` writes.
    fn replace_data(
        &self,
        fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()>;
    /// Replace the table (atomically: a reader sees the old or the new one).
    fn replace_table(&self, bytes: &[u8]) -> std::io::Result<()>;
}

/// One entry's place in the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    key: u64,
    offset: u64,
    len: u64,
    hash: u64,
}

/// A question a rendering asked the rest of the playbook, with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Question {
    /// `[[kind:id]]`: its URL and title.
    Ref {
        kind: String,
        id: String,
        answer: Option<(String, String)>,
    },
    /// A relative link to a content file: its page's URL.
    Path {
        dest: String,
        answer: Option<String>,
    },
}

impl Question {
    /// Whether `resolver` answers this question as it was answered then.
    fn same_answer(&self, resolver: &dyn LinkResolver, from_file: &str) -> bool {
        match self {
            Question::Ref { kind, id, answer } => resolver.resolve_ref(kind, id) == *answer,
            Question::Path { dest, answer } => resolver.resolve_path(from_file, dest) == *answer,
        }
    }
}

/// A resolver that writes down every question and answer.
struct Recorder<'r> {
    inner: &'r dyn LinkResolver,
    asked: RefCell<Vec<Question>>,
}

impl LinkResolver for Recorder<'_> {
    fn resolve_ref(&self, kind: &str, id: &str) -> Option<(String, String)> {
        let answer = self.inner.resolve_ref(kind, id);
        self.asked.borrow_mut().push(Question::Ref {
            kind: kind.into(),
            id: id.into(),
            answer: answer.clone(),
        });
        answer
    }

    fn resolve_path(&self, from_file: &str, dest: &str) -> Option<String> {
        let answer = self.inner.resolve_path(from_file, dest);
        self.asked.borrow_mut().push(Question::Path {
            dest: dest.into(),
            answer: answer.clone(),
        });
        answer
    }
}

/// The previous build's cache: its table, read; entries are read from
/// the store as pages need them.
struct Previous {
    slots: HashMap<u64, Slot>,
    data_len: u64,
}

/// The Markdown cache of one build: shared by the render workers (and by
/// every edition of the build), then [`MarkdownCache::finish`]ed once.
pub struct MarkdownCache {
    store: Box<dyn CacheStore>,
    identity: u64,
    previous: Option<Previous>,
    /// Keys of the previous entries this build used.
    kept: Mutex<HashSet<u64>>,
    /// Entries rendered by this build: key and bytes.
    fresh: Mutex<Vec<(u64, Vec<u8>)>>,
}

impl std::fmt::Debug for MarkdownCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MarkdownCache")
            .field("previous", &self.previous.as_ref().map(|p| p.slots.len()))
            .field("identity", &self.identity)
            .finish()
    }
}

/// What a build's use of the cache came to (for the build's timings).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CacheUse {
    /// Renderings taken from the cache.
    pub hits: usize,
    /// Renderings made (and added to the cache).
    pub misses: usize,
}

impl MarkdownCache {
    /// Open the cache kept in `store` for the binary with `identity` (a
    /// cache written by another binary is not used).
    pub fn open(store: Box<dyn CacheStore>, identity: u64) -> MarkdownCache {
        let previous = store.read_table().and_then(|t| read_table(&t, identity));
        MarkdownCache {
            store,
            identity,
            previous,
            kept: Default::default(),
            fresh: Default::default(),
        }
    }

    /// Render `text` (from the content file `from_file`, with Markdown's
    /// own `words` and a hash of them) as [`markdown::render`] does, taking
    /// the rendering from the cache when it is still right.
    pub fn render(
        &self,
        text: &str,
        from_file: &str,
        (words, words_key): (&markdown::Words, u64),
        resolver: &dyn LinkResolver,
    ) -> Rendered {
        if text.len() < MIN_CACHED_LEN {
            return markdown::render(text, resolver, from_file, words);
        }
        let (key, check) = key_of(text, from_file, words_key);
        if let Some(r) = self.lookup(key, check, from_file, resolver) {
            return r;
        }
        let recorder = Recorder {
            inner: resolver,
            asked: RefCell::new(Vec::new()),
        };
        let rendered = markdown::render(text, &recorder, from_file, words);
        let bytes = encode(check, &recorder.asked.into_inner(), &rendered);
        if let Ok(mut f) = self.fresh.lock() {
            f.push((key, bytes));
        }
        rendered
    }

    fn lookup(
        &self,
        key: u64,
        check: u64,
        from_file: &str,
        resolver: &dyn LinkResolver,
    ) -> Option<Rendered> {
        let slot = *self.previous.as_ref()?.slots.get(&key)?;
        let mut bytes = vec![0u8; usize::try_from(slot.len).ok()?];
        self.store.read_data(slot.offset, &mut bytes).ok()?;
        if content_hash(&bytes) != slot.hash {
            return None;
        }
        let (stored_check, asked, rendered) = decode(&bytes)?;
        if stored_check != check || !asked.iter().all(|q| q.same_answer(resolver, from_file)) {
            return None;
        }
        if let Ok(mut k) = self.kept.lock() {
            k.insert(key);
        }
        Some(rendered)
    }

    /// Write what this build rendered to the store (nothing, when every
    /// rendering came from the cache and every entry was used). Failing to
    /// write costs the next build time, never a wrong page.
    pub fn finish(&self) -> CacheUse {
        let kept = self
            .kept
            .lock()
            .map(|mut k| std::mem::take(&mut *k))
            .unwrap_or_default();
        let mut fresh = self
            .fresh
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default();
        // Two workers may render the same text at once: keep one.
        let mut seen: HashSet<u64> = kept.clone();
        fresh.retain(|(k, _)| seen.insert(*k));
        let used = CacheUse {
            hits: kept.len(),
            misses: fresh.len(),
        };
        let previous_count = self.previous.as_ref().map_or(0, |p| p.slots.len());
        if fresh.is_empty() && kept.len() == previous_count {
            return used;
        }
        let _ = write_back(
            &*self.store,
            self.identity,
            self.previous.as_ref(),
            &kept,
            &fresh,
        );
        used
    }
}

/// Append the fresh entries (or rewrite the data when the dead entries
/// would be most of it), then the table.
fn write_back(
    store: &dyn CacheStore,
    identity: u64,
    previous: Option<&Previous>,
    kept: &HashSet<u64>,
    fresh: &[(u64, Vec<u8>)],
) -> std::io::Result<()> {
    let mut kept_slots: Vec<Slot> = previous
        .map(|p| {
            kept.iter()
                .filter_map(|k| p.slots.get(k).copied())
                .collect()
        })
        .unwrap_or_default();
    kept_slots.sort_by_key(|s| s.offset);
    let fresh_len: u64 = fresh.iter().map(|(_, b)| b.len() as u64).sum();
    let live: u64 = kept_slots.iter().map(|s| s.len).sum::<u64>() + fresh_len;
    let data_len = previous.map_or(0, |p| p.data_len);
    let mut table: Vec<Slot> = Vec::with_capacity(kept_slots.len() + fresh.len());
    let end = if previous.is_some() && live * 2 >= data_len + fresh_len {
        let mut appended = Vec::with_capacity(fresh_len as usize);
        for (key, bytes) in fresh {
            appended.extend_from_slice(bytes);
            table.push(slot_at(
                *key,
                data_len + (appended.len() - bytes.len()) as u64,
                bytes,
            ));
        }
        store.append_data(data_len, &appended)?;
        table.extend(kept_slots);
        data_len + fresh_len
    } else {
        // Compact: the live entries only, read back from the old data.
        let mut offset = 0u64;
        let mut failed = None;
        store.replace_data(&mut |out| {
            for s in &kept_slots {
                let mut buf = vec![0u8; s.len as usize];
                if let Err(e) = store.read_data(s.offset, &mut buf) {
                    failed = Some(e);
                    return Err(std::io::Error::other("cache read failed"));
                }
                out.write_all(&buf)?;
                table.push(Slot { offset, ..*s });
                offset += s.len;
            }
            for (key, bytes) in fresh {
                out.write_all(bytes)?;
                table.push(slot_at(*key, offset, bytes));
                offset += bytes.len() as u64;
            }
            Ok(())
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        offset
    };
    store.replace_table(&write_table(identity, end, &table))
}

fn slot_at(key: u64, offset: u64, bytes: &[u8]) -> Slot {
    Slot {
        key,
        offset,
        len: bytes.len() as u64,
        hash: content_hash(bytes),
    }
}

/// A text's key (text, file, words) and a second hash of the text that
/// its entry must carry too (a key collision is then a miss).
fn key_of(text: &str, from_file: &str, words: u64) -> (u64, u64) {
    let mut head = Vec::with_capacity(from_file.len() + 24);
    head.extend_from_slice(from_file.as_bytes());
    head.push(0xff);
    head.extend_from_slice(&words.to_le_bytes());
    head.extend_from_slice(&(text.len() as u64).to_le_bytes());
    let text_hash = content_hash(text.as_bytes());
    let mut both = [0u8; 16];
    both[..8].copy_from_slice(&content_hash(&head).to_le_bytes());
    both[8..].copy_from_slice(&text_hash.to_le_bytes());
    let mut reversed: Vec<u8> = text.as_bytes().iter().rev().copied().collect();
    reversed.extend_from_slice(&words.to_le_bytes());
    (content_hash(&both), content_hash(&reversed))
}

fn write_table(identity: u64, data_len: u64, slots: &[Slot]) -> Vec<u8> {
    let mut t = Vec::with_capacity(42 + slots.len() * 32);
    t.extend_from_slice(MAGIC);
    for n in [identity, data_len, slots.len() as u64] {
        t.extend_from_slice(&n.to_le_bytes());
    }
    for s in slots {
        for n in [s.key, s.offset, s.len, s.hash] {
            t.extend_from_slice(&n.to_le_bytes());
        }
    }
    let h = content_hash(&t);
    t.extend_from_slice(&h.to_le_bytes());
    t
}

fn read_table(t: &[u8], identity: u64) -> Option<Previous> {
    let (body, hash) = t.split_at_checked(t.len().checked_sub(8)?)?;
    if content_hash(body) != u64::from_le_bytes(hash.try_into().ok()?) {
        return None;
    }
    let rest = body.strip_prefix(MAGIC)?;
    let mut nums = rest
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()));
    if nums.next()? != identity {
        return None;
    }
    let data_len = nums.next()?;
    let count = nums.next()?;
    if rest.len() != 24 + 32 * usize::try_from(count).ok()? {
        return None;
    }
    let mut slots = HashMap::with_capacity(count as usize);
    for _ in 0..count {
        let s = Slot {
            key: nums.next()?,
            offset: nums.next()?,
            len: nums.next()?,
            hash: nums.next()?,
        };
        if s.offset.checked_add(s.len)? > data_len {
            return None;
        }
        slots.insert(s.key, s);
    }
    Some(Previous { slots, data_len })
}

// An entry: the text's check hash (8 bytes), the questions (count; each a
// tag, its strings and answer), the HTML, the headings (count; each level,
// id, text). Numbers are LEB128 varints.

fn encode(check: u64, asked: &[Question], r: &Rendered) -> Vec<u8> {
    let mut b = Vec::with_capacity(r.html.len() + 64);
    b.extend_from_slice(&check.to_le_bytes());
    put_num(&mut b, asked.len() as u64);
    for q in asked {
        match q {
            Question::Ref { kind, id, answer } => {
                b.push(0);
                put_str(&mut b, kind);
                put_str(&mut b, id);
                match answer {
                    Some((url, title)) => {
                        b.push(1);
                        put_str(&mut b, url);
                        put_str(&mut b, title);
                    }
                    None => b.push(0),
                }
            }
            Question::Path { dest, answer } => {
                b.push(1);
                put_str(&mut b, dest);
                match answer {
                    Some(url) => {
                        b.push(1);
                        put_str(&mut b, url);
                    }
                    None => b.push(0),
                }
            }
        }
    }
    put_str(&mut b, &r.html);
    put_num(&mut b, r.headings.len() as u64);
    for h in &r.headings {
        b.push(h.level);
        put_str(&mut b, &h.id);
        put_str(&mut b, &h.text);
    }
    b
}

fn decode(mut b: &[u8]) -> Option<(u64, Vec<Question>, Rendered)> {
    let check = u64::from_le_bytes(b.get(..8)?.try_into().ok()?);
    b = &b[8..];
    let n = take_num(&mut b)?;
    let mut asked = Vec::with_capacity(n.min(1024) as usize);
    for _ in 0..n {
        let q = match take_byte(&mut b)? {
            0 => {
                let kind = take_str(&mut b)?;
                let id = take_str(&mut b)?;
                let answer = match take_byte(&mut b)? {
                    1 => Some((take_str(&mut b)?, take_str(&mut b)?)),
                    _ => None,
                };
                Question::Ref { kind, id, answer }
            }
            1 => {
                let dest = take_str(&mut b)?;
                let answer = match take_byte(&mut b)? {
                    1 => Some(take_str(&mut b)?),
                    _ => None,
                };
                Question::Path { dest, answer }
            }
            _ => return None,
        };
        asked.push(q);
    }
    let html = take_str(&mut b)?;
    let n = take_num(&mut b)?;
    let mut headings = Vec::with_capacity(n.min(1024) as usize);
    for _ in 0..n {
        headings.push(Heading {
            level: take_byte(&mut b)?,
            id: take_str(&mut b)?,
            text: take_str(&mut b)?,
        });
    }
    b.is_empty()
        .then_some((check, asked, Rendered { html, headings }))
}

fn put_num(b: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        b.push((n as u8) | 0x80);
        n >>= 7;
    }
    b.push(n as u8);
}

fn put_str(b: &mut Vec<u8>, s: &str) {
    put_num(b, s.len() as u64);
    b.extend_from_slice(s.as_bytes());
}

fn take_byte(b: &mut &[u8]) -> Option<u8> {
    let (&first, rest) = b.split_first()?;
    *b = rest;
    Some(first)
}

fn take_num(b: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = take_byte(b)?;
        v |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(v);
        }
    }
    None
}

fn take_str(b: &mut &[u8]) -> Option<String> {
    let n = usize::try_from(take_num(b)?).ok()?;
    let s = b.get(..n)?;
    let s = String::from_utf8(s.to_vec()).ok()?;
    *b = &b[n..];
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, LazyLock};

    static W: LazyLock<markdown::Words> = LazyLock::new(markdown::Words::default);

    /// A store in memory, shared between the "builds" of a test.
    #[derive(Default, Clone)]
    struct MemStore {
        table: Arc<Mutex<Option<Vec<u8>>>>,
        data: Arc<Mutex<Vec<u8>>>,
    }

    impl CacheStore for MemStore {
        fn read_table(&self) -> Option<Vec<u8>> {
            self.table.lock().unwrap().clone()
        }
        fn read_data(&self, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
            let d = self.data.lock().unwrap();
            let s = d
                .get(offset as usize..offset as usize + buf.len())
                .ok_or_else(|| std::io::Error::other("short"))?;
            buf.copy_from_slice(s);
            Ok(())
        }
        fn append_data(&self, len: u64, bytes: &[u8]) -> std::io::Result<()> {
            let mut d = self.data.lock().unwrap();
            d.truncate(len as usize);
            d.extend_from_slice(bytes);
            Ok(())
        }
        fn replace_data(
            &self,
            fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
        ) -> std::io::Result<()> {
            let mut new = Vec::new();
            fill(&mut new)?;
            *self.data.lock().unwrap() = new;
            Ok(())
        }
        fn replace_table(&self, bytes: &[u8]) -> std::io::Result<()> {
            *self.table.lock().unwrap() = Some(bytes.to_vec());
            Ok(())
        }
    }

    /// Answers `[[task:<id>]]` with a title it can be told to change.
    struct Titles(HashMap<String, String>);

    impl LinkResolver for Titles {
        fn resolve_ref(&self, kind: &str, id: &str) -> Option<(String, String)> {
            (kind == "task")
                .then(|| self.0.get(id))
                .flatten()
                .map(|t| (format!("tasks/{id}/"), t.clone()))
        }
        fn resolve_path(&self, _: &str, dest: &str) -> Option<String> {
            (dest == "../markets/de.md").then(|| "markets/de/".into())
        }
    }

    fn titles(pairs: &[(&str, &str)]) -> Titles {
        Titles(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    fn long(text: &str) -> String {
        format!(
            "{text}\n\n{}\n\n## A heading\n\n```rust\nfn main() {{}}\n```\n",
            "Filler words. ".repeat(20)
        )
    }

    fn build(store: &MemStore, texts: &[String], r: &Titles) -> (Vec<Rendered>, CacheUse) {
        let cache = MarkdownCache::open(Box::new(store.clone()), 7);
        let out = texts
            .iter()
            .map(|t| cache.render(t, "content/research/x.md", (&W, 0), r))
            .collect();
        (out, cache.finish())
    }

    fn same(a: &Rendered, b: &Rendered) -> bool {
        a.html == b.html && a.headings == b.headings
    }

    #[test]
    fn a_second_build_takes_every_rendering_from_the_cache_and_they_are_the_same() {
        let store = MemStore::default();
        let r = titles(&[("a", "Alpha")]);
        let texts = vec![
            long("See [[task:a]]."),
            long("Plain."),
            long("[x](../markets/de.md)"),
        ];
        let (first, u1) = build(&store, &texts, &r);
        assert_eq!(u1, CacheUse { hits: 0, misses: 3 });
        let (second, u2) = build(&store, &texts, &r);
        assert_eq!(u2, CacheUse { hits: 3, misses: 0 });
        for (a, b) in first.iter().zip(&second) {
            assert!(same(a, b));
        }
        assert!(second[0].html.contains("Alpha"));
        assert!(second[2].html.contains("markets/de/"));
    }

    #[test]
    fn a_changed_title_renders_again_only_the_texts_that_link_to_it() {
        let store = MemStore::default();
        let texts = vec![long("See [[task:a]]."), long("Plain.")];
        build(&store, &texts, &titles(&[("a", "Alpha")]));
        let (out, u) = build(&store, &texts, &titles(&[("a", "Aleph")]));
        assert_eq!(u, CacheUse { hits: 1, misses: 1 });
        assert!(out[0].html.contains("Aleph") && !out[0].html.contains("Alpha"));
        // A link that stops resolving is a question answered differently too.
        let (out, u) = build(&store, &texts, &titles(&[]));
        assert_eq!(u, CacheUse { hits: 1, misses: 1 });
        assert!(!out[0].html.contains("Aleph"));
    }

    #[test]
    fn an_edited_text_or_other_words_or_file_is_a_miss() {
        let store = MemStore::default();
        let r = titles(&[]);
        build(&store, &[long("One.")], &r);
        let (_, u) = build(&store, &[long("One!")], &r);
        assert_eq!(u.misses, 1);
        let cache = MarkdownCache::open(Box::new(store.clone()), 7);
        cache.render(&long("One!"), "content/research/x.md", (&W, 1), &r);
        cache.render(&long("One!"), "content/research/y.md", (&W, 0), &r);
        assert_eq!(cache.finish(), CacheUse { hits: 0, misses: 2 });
    }

    #[test]
    fn another_binary_or_a_damaged_store_is_a_miss_not_an_error() {
        let store = MemStore::default();
        let r = titles(&[]);
        let texts = vec![long("One."), long("Two.")];
        build(&store, &texts, &r);
        let other = MarkdownCache::open(Box::new(store.clone()), 8);
        other.render(&texts[0], "content/research/x.md", (&W, 0), &r);
        assert_eq!(other.finish(), CacheUse { hits: 0, misses: 1 });
        // Flip a byte in every entry: each is a miss, and the output right.
        for b in store.data.lock().unwrap().iter_mut() {
            *b ^= 0x55;
        }
        let (out, u) = build(&store, &texts, &r);
        assert_eq!(u.hits, 0);
        assert!(out[1].html.contains("Two."));
        // A damaged table: no previous cache at all.
        store.table.lock().unwrap().as_mut().unwrap()[12] ^= 1;
        let (_, u) = build(&store, &texts, &r);
        assert_eq!(u.hits, 0);
    }

    #[test]
    fn short_texts_are_not_kept_and_dead_entries_are_compacted_away() {
        let store = MemStore::default();
        let r = titles(&[]);
        let (_, u) = build(&store, &["Short.".to_string()], &r);
        assert_eq!(u, CacheUse::default());
        // Each build edits the one text: the data grows by one entry a
        // build until the dead ones are most of it, then shrinks.
        let mut sizes = Vec::new();
        for i in 0..6 {
            let (out, u) = build(&store, &[long(&format!("Edit {i}."))], &r);
            assert_eq!(u.misses, 1);
            assert!(out[0].html.contains(&format!("Edit {i}.")));
            sizes.push(store.data.lock().unwrap().len());
        }
        let one = sizes[0];
        assert!(sizes.iter().all(|&s| s <= 2 * one + 16), "{sizes:?}");
        let (_, u) = build(&store, &[long("Edit 5.")], &r);
        assert_eq!(u, CacheUse { hits: 1, misses: 0 });
    }

    #[test]
    fn an_entry_round_trips_through_its_encoding() {
        let asked = vec![
            Question::Ref {
                kind: "task".into(),
                id: "a".into(),
                answer: Some(("tasks/a/".into(), "Ä title".into())),
            },
            Question::Path {
                dest: "x.md".into(),
                answer: None,
            },
        ];
        let r = Rendered {
            html: "<p>é</p>".into(),
            headings: vec![Heading {
                level: 2,
                id: "h".into(),
                text: "H".into(),
            }],
        };
        let (check, back, r2) = decode(&encode(42, &asked, &r)).unwrap();
        assert_eq!((check, back), (42, asked));
        assert!(same(&r, &r2));
    }
}

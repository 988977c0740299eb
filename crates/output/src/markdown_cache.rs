//! The Markdown cache's files in the playbook's cache folder
//! (`.playbook-cache/markdown.table` and `markdown.data`): the store the
//! build hands to [`playbook_site::render::markdown_cache`], which does no IO of its
//! own.

use super::destination::CACHE_DIR;
use playbook_site::render::markdown_cache::{CacheStore, MarkdownCache};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The cache of the playbook at `root`, opened for this build: `None` when
/// this binary cannot be identified (then no cache is used).
pub fn open(root: &Path) -> Option<MarkdownCache> {
    let identity = super::index_cache::binary_identity()?;
    let dir = root.join(CACHE_DIR);
    let data_path = dir.join("markdown.data");
    let store = FileStore {
        table: dir.join("markdown.table"),
        data: Mutex::new(File::open(&data_path).ok()),
        data_path,
    };
    Some(MarkdownCache::open(Box::new(store), identity))
}

/// The two files; the data file as it was when the build began stays open
/// for reading (a rewrite replaces the file, not what this handle reads).
struct FileStore {
    table: PathBuf,
    data_path: PathBuf,
    data: Mutex<Option<File>>,
}

impl CacheStore for FileStore {
    fn read_table(&self) -> Option<Vec<u8>> {
        std::fs::read(&self.table).ok()
    }

    fn read_data(&self, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
        let mut guard = self
            .data
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?;
        let f = guard
            .as_mut()
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }

    fn append_data(&self, len: u64, bytes: &[u8]) -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&self.data_path)?;
        f.set_len(len)?;
        f.seek(SeekFrom::Start(len))?;
        f.write_all(bytes)
    }

    fn replace_data(
        &self,
        fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        super::write_file_streamed(&self.data_path, fill)
    }

    fn replace_table(&self, bytes: &[u8]) -> std::io::Result<()> {
        super::write_file_streamed(&self.table, |out| out.write_all(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use playbook_content::markdown::LinkResolver;

    struct NoLinks;
    impl LinkResolver for NoLinks {
        fn resolve_ref(&self, _: &str, _: &str) -> Option<(String, String)> {
            None
        }
        fn resolve_path(&self, _: &str, _: &str) -> Option<String> {
            None
        }
    }

    #[test]
    fn the_files_carry_renderings_from_one_build_to_the_next() {
        let tmp = tempfile::tempdir().unwrap();
        let words = playbook_content::markdown::Words::default();
        let text = format!("# Title\n\n{}", "Some words here. ".repeat(30));
        let first = open(tmp.path()).unwrap();
        let a = first.render(&text, "content/x.md", (&words, 0), &NoLinks);
        assert_eq!(first.finish().misses, 1);
        assert!(tmp.path().join(".playbook-cache/markdown.table").is_file());
        let second = open(tmp.path()).unwrap();
        let b = second.render(&text, "content/x.md", (&words, 0), &NoLinks);
        assert_eq!(second.finish().hits, 1);
        assert_eq!(a.html, b.html);
        // A text appended to the data: the data grows, the old entry stays.
        let third = open(tmp.path()).unwrap();
        third.render(&text, "content/x.md", (&words, 0), &NoLinks);
        third.render(
            &format!("{text} More."),
            "content/x.md",
            (&words, 0),
            &NoLinks,
        );
        assert_eq!(third.finish().misses, 1);
        let fourth = open(tmp.path()).unwrap();
        fourth.render(&text, "content/x.md", (&words, 0), &NoLinks);
        fourth.render(
            &format!("{text} More."),
            "content/x.md",
            (&words, 0),
            &NoLinks,
        );
        assert_eq!(fourth.finish().hits, 2);
    }
}

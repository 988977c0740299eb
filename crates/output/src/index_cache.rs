//! The search index's cache file in the playbook's cache folder
//! (`.playbook-cache/index`): opened for the build and handed to the
//! indexer, which hands the new cache back through a writer that streams it
//! to a temporary file and renames it into place. The indexer itself never
//! touches the file system (see `search::cache`).

use super::destination::CACHE_DIR;
use playbook_site::search::cache::{IndexCache, IndexCacheIo};
use std::path::{Path, PathBuf};

/// Where the cache of the playbook at `root` lives.
pub fn path_for(root: &Path) -> PathBuf {
    root.join(CACHE_DIR).join("index")
}

/// The cache of the playbook at `root`, ready to hand to the indexer:
/// `None` when this binary cannot be identified (then no cache is used).
pub fn open(root: &Path) -> Option<IndexCacheIo> {
    open_at(path_for(root))
}

/// The cache of the edition in `lang` (each edition has its own index,
/// so its own cache: `.playbook-cache/index-<lang>`).
pub fn open_edition(root: &Path, lang: &str) -> Option<IndexCacheIo> {
    open_at(root.join(CACHE_DIR).join(format!("index-{lang}")))
}

fn open_at(path: PathBuf) -> Option<IndexCacheIo> {
    let identity = binary_identity()?;
    let previous = std::fs::File::open(&path)
        .ok()
        .and_then(|f| IndexCache::open(Box::new(f), identity));
    Some(IndexCacheIo {
        previous,
        identity,
        write: Box::new(move |fill| {
            // A cache that cannot be written only costs the next build time.
            let _ = super::write_file_streamed(&path, |out| fill(out));
        }),
    })
}

/// This binary's identity: a cache written by another build of Playbook
/// (whose scanner or weights may differ) is never used. `None` when the
/// executable cannot be found.
pub(super) fn binary_identity() -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    // The same binary always gives the same number (DefaultHasher::new
    // has fixed keys); that is all an identity needs.
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    (env!("CARGO_PKG_VERSION"), meta.len(), modified.as_nanos()).hash(&mut h);
    Some(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_lives_in_the_playbooks_cache_folder() {
        assert_eq!(
            path_for(Path::new("/x/pb")),
            Path::new("/x/pb/.playbook-cache/index")
        );
    }

    #[test]
    fn a_missing_cache_opens_as_none_and_its_writer_creates_it() {
        let tmp = tempfile::tempdir().unwrap();
        let io = open(tmp.path()).expect("this binary has an identity");
        assert!(io.previous.is_none());
        (io.write)(&mut |out| out.write_all(b"x"));
        assert_eq!(std::fs::read(path_for(tmp.path())).unwrap(), b"x");
    }
}

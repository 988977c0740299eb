//! What earlier runs found, kept for a day in the playbook's cache folder
//! (`.playbook-cache/external-links.json`), so running the check again soon
//! asks no server twice. Broken links are kept too: a link fixed by editing
//! it is a new URL and is asked at once; to ask every URL again, delete the
//! file. Links whose server could not be reached (offline) are not kept. A
//! missing, unreadable or foreign file is an empty cache.

use super::Outcome;
use playbook_content::diag::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file's name inside [`playbook_output::CACHE_DIR`].
const FILE_NAME: &str = "external-links.json";

/// The cache file of the playbook at `root`.
pub(super) fn path_for(root: &Path) -> PathBuf {
    root.join(playbook_output::CACHE_DIR).join(FILE_NAME)
}

/// One URL's last result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Entry {
    /// When it was asked, in seconds since 1970 (UTC).
    pub(super) checked: u64,
    /// What was found.
    #[serde(flatten)]
    pub(super) outcome: Outcome,
}

/// The results by URL (without `#fragment`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Cache {
    version: u32,
    links: BTreeMap<String, Entry>,
}

const VERSION: u32 = 1;

impl Cache {
    /// The cache at `path`, keeping only entries younger than `max_age`
    /// seconds at `now`.
    pub(super) fn load(path: &Path, now: u64, max_age: u64) -> Cache {
        let mut c = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Cache>(&b).ok())
            .filter(|c| c.version == VERSION)
            .unwrap_or_default();
        c.version = VERSION;
        c.links
            .retain(|_, e| e.checked <= now && now - e.checked < max_age);
        c
    }

    /// The fresh result for `url`, if there is one.
    pub(super) fn get(&self, url: &str) -> Option<&Outcome> {
        self.links.get(url).map(|e| &e.outcome)
    }

    /// Record what was found for `url` at `now`.
    pub(super) fn insert(&mut self, url: String, outcome: Outcome, now: u64) {
        self.links.insert(
            url,
            Entry {
                checked: now,
                outcome,
            },
        );
    }

    /// Write it to `path` (through [`playbook_output::write_file`]).
    pub(super) fn save(&self, path: &Path) -> Result<(), Diagnostic> {
        let json = serde_json::to_vec_pretty(self).unwrap_or_default();
        playbook_output::write_file(path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_last_a_day_and_survive_a_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".playbook-cache").join(FILE_NAME);
        let mut c = Cache::load(&path, 1000, 86_400);
        assert!(
            c.get("https://a.example/").is_none(),
            "no file is an empty cache"
        );
        c.insert("https://a.example/".into(), Outcome::Ok, 1000);
        c.insert(
            "https://b.example/".into(),
            Outcome::Broken {
                why: "HTTP 404 Not Found".into(),
            },
            1000,
        );
        c.save(&path).expect("saved");
        let c = Cache::load(&path, 1000 + 86_399, 86_400);
        assert_eq!(c.get("https://a.example/"), Some(&Outcome::Ok));
        assert!(matches!(
            c.get("https://b.example/"),
            Some(Outcome::Broken { .. })
        ));
        let c = Cache::load(&path, 1000 + 86_400, 86_400);
        assert!(c.get("https://a.example/").is_none(), "a day old is stale");
    }

    #[test]
    fn a_damaged_file_is_an_empty_cache() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        playbook_output::write_file(&path, b"{not json").expect("written");
        assert!(Cache::load(&path, 0, 86_400).links.is_empty());
    }
}

//! Where a site comes from: the playbook's version and each source file's
//! last change, read from git when the playbook is a git checkout. Both
//! depend only on the commit (commit dates, never the clock), so two builds
//! of one commit are byte-identical. A playbook outside git, or a machine
//! without git, gets none of it and builds as before. A build date is shown
//! only when `book.toml` asks for one (`[build] build-date = true`).
//!
//! git runs as a child process, twice per build, side by side and while
//! the playbook loads: `git describe` and one `git log` over the playbook's
//! folder; no git library.

use crate::config::Config;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// What the site shows about its origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The playbook's version: `[book] version`, or `git describe --tags
    /// --always` of the checkout.
    pub version: Option<String>,
    /// Source file (relative to the playbook root, `/`-separated) → the
    /// date (`YYYY-MM-DD`, the committer's) of the last commit that changed it.
    pub changed: HashMap<String, String>,
    /// The build's date (`YYYY-MM-DD`, UTC), only with `build-date = true`:
    /// `SOURCE_DATE_EPOCH` when set (reproducible builds), else today.
    pub built: Option<String>,
    /// Source file → how many commits changed it, and when the newest did:
    /// a calendar event made from files is a newer revision when they change.
    pub revisions: HashMap<String, Revision>,
}

/// How often and how lately git saw a file change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    /// Commits that changed it.
    pub commits: u32,
    /// The newest of them (commit time).
    pub last: jiff::Timestamp,
}

impl Provenance {
    /// The last change of a source file, if git knows it.
    pub fn changed(&self, path: &str) -> Option<&str> {
        self.changed.get(path).map(String::as_str)
    }

    /// The revision of what `paths` make together: the sum of their commit
    /// counts (it only grows as history does) and their newest change.
    /// `None` when git knows none of them.
    pub fn revision_of<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Option<Revision> {
        let mut out: Option<Revision> = None;
        for p in paths {
            if let Some(r) = self.revisions.get(p) {
                out = Some(match out {
                    None => *r,
                    Some(o) => Revision {
                        commits: o.commits + r.commits,
                        last: o.last.max(r.last),
                    },
                });
            }
        }
        out
    }
}

/// Read the provenance of the playbook at `root`.
pub fn read(root: &Path, config: &Config) -> Provenance {
    from_git(read_git(root), config)
}

/// What git says of the checkout at `root`: `git describe` and the log of
/// the playbook's folder. Needs no config, so a build runs it while the
/// playbook loads (the two git processes run side by side too).
pub fn read_git(root: &Path) -> GitFacts {
    std::thread::scope(|s| {
        let describe = s.spawn(|| git(root, &["describe", "--tags", "--always"]));
        let log = git(
            root,
            &[
                "-c",
                "core.quotePath=false",
                "log",
                "--format=%x1e%cI",
                "--name-only",
                "--relative",
                "--no-renames",
                "--",
                ".",
            ],
        );
        GitFacts {
            describe: describe.join().ok().flatten(),
            log,
        }
    })
}

/// The raw answers of git (none outside a checkout or without git).
#[derive(Debug, Clone, Default)]
pub struct GitFacts {
    /// `git describe --tags --always`.
    describe: Option<String>,
    /// `git log --format=%x1e%cI --name-only …`.
    log: Option<String>,
}

/// The provenance from git's answers and `book.toml` (`[book] version`
/// wins over `git describe`).
pub fn from_git(facts: GitFacts, config: &Config) -> Provenance {
    let version = config
        .book
        .version
        .clone()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| facts.describe.map(|s| s.trim().to_string()))
        .filter(|v| !v.is_empty());
    let (changed, revisions) = facts.log.map(|out| last_changes(&out)).unwrap_or_default();
    let built = config.build.build_date.then(build_date);
    Provenance {
        version,
        changed,
        built,
        revisions,
    }
}

/// Run git in `root`; its standard output, or `None` when git is missing,
/// `root` is not in a checkout, or git fails.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

/// `git log --format=%x1e%cI --name-only` → file → date of its newest
/// commit, and file → its [`Revision`]. Records are a `\x1e`, the commit's
/// ISO date, then the files it changed.
fn last_changes(log: &str) -> (HashMap<String, String>, HashMap<String, Revision>) {
    let mut newest: HashMap<String, (jiff::Timestamp, String)> = HashMap::new();
    let mut counts: HashMap<String, u32> = HashMap::new();
    for record in log.split('\x1e').skip(1) {
        let mut lines = record.lines();
        let Some(date) = lines.next().map(str::trim) else {
            continue;
        };
        let Ok(at) = date.parse::<jiff::Timestamp>() else {
            continue;
        };
        let day: String = date.chars().take(10).collect();
        for file in lines.map(str::trim).filter(|l| !l.is_empty()) {
            *counts.entry(file.to_string()).or_default() += 1;
            let e = newest
                .entry(file.to_string())
                .or_insert_with(|| (at, day.clone()));
            if at > e.0 {
                *e = (at, day.clone());
            }
        }
    }
    let revisions = newest
        .iter()
        .map(|(f, (at, _))| {
            (
                f.clone(),
                Revision {
                    commits: counts.get(f).copied().unwrap_or(1),
                    last: *at,
                },
            )
        })
        .collect();
    (
        newest.into_iter().map(|(f, (_, d))| (f, d)).collect(),
        revisions,
    )
}

/// Today (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set.
fn build_date() -> String {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    now.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gets_the_date_of_its_newest_commit_in_the_committers_zone() {
        let log = "\x1e2026-03-02T23:30:00-05:00\n\ncontent/markets/de.yaml\n\
                   \x1e2026-01-05T10:00:00+00:00\n\ncontent/markets/de.yaml\ncontent/roles.yaml\n\
                   \x1e2026-02-01T09:00:00+01:00\n\ncontent/roles.yaml\n";
        let (c, revisions) = last_changes(log);
        assert_eq!(c["content/markets/de.yaml"], "2026-03-02");
        // Not the first record seen: the newest by time.
        assert_eq!(c["content/roles.yaml"], "2026-02-01");
        assert_eq!(c.len(), 2);
        // Two commits each; together four, the newest of either.
        assert_eq!(revisions["content/roles.yaml"].commits, 2);
        let p = Provenance {
            revisions,
            ..Default::default()
        };
        let both = p
            .revision_of(["content/roles.yaml", "content/markets/de.yaml", "nope"])
            .unwrap();
        assert_eq!(both.commits, 4);
        assert_eq!(both.last, "2026-03-03T04:30:00Z".parse().unwrap());
        assert_eq!(p.revision_of(["nope"]), None);
    }

    #[test]
    fn outside_git_there_is_nothing_and_book_toml_names_the_version() {
        let tmp = tempfile::tempdir().unwrap();
        let mut cfg = Config::parse("[book]\ntitle = \"T\"\nversion = \"2.1\"\n").unwrap();
        let p = read(tmp.path(), &cfg);
        assert_eq!(p.version.as_deref(), Some("2.1"));
        assert!(p.changed.is_empty());
        assert_eq!(p.built, None);
        cfg.book.version = None;
        assert_eq!(read(tmp.path(), &cfg), Provenance::default());
    }
}

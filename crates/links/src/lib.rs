//! `playbook check --external`: are the playbook's links to other sites
//! still good? Never part of a build or an ordinary check (it needs the
//! network and is slow); only this command asks.
//!
//! In order:
//! 1. [`find`] lists every `http(s)` link in the content files with its
//!    place (Markdown bodies, Markdown fields and URL fields of YAML);
//! 2. each distinct URL (without its `#fragment`) is taken from the
//!    [`cache`] when it was checked less than a day ago;
//! 3. the rest are asked by [`http`] (HEAD, then GET; a timeout; a few
//!    requests per host at a time; redirects followed);
//! 4. the cache is saved, and every place of a broken link becomes an
//!    error (file, line, column, why, how to fix), every place of a link
//!    that redirects to a working page a note naming the final address;
//!    a link whose server could not be reached at all is a "could not
//!    check" warning at its place, not cached, and when no server could be
//!    reached (offline) one warning says so for all of them.
//!
//! IO: it reads its cache file, writes it through [`playbook_output`], and
//! talks HTTP; nothing else in the library does the latter outside `serve`.

mod cache;
mod find;
mod http;

use find::{find_links, Link};

use playbook_content::diag::{Diagnostic, Diagnostics};
use playbook_content::model::Playbook;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How the checker asks.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long one request may take, redirects included.
    pub timeout: Duration,
    /// At most this many requests to one host at a time.
    pub per_host: usize,
    /// At most this many requests at a time in all.
    pub workers: usize,
    /// How long a result is reused.
    pub max_age: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            per_host: 2,
            workers: 8,
            max_age: Duration::from_secs(24 * 60 * 60),
        }
    }
}

impl Options {
    /// The defaults, with the timeout from `PLAYBOOK_LINK_TIMEOUT` (seconds,
    /// e.g. `30` or `0.5`) when it is set.
    pub fn from_env() -> Options {
        let mut o = Options::default();
        if let Some(t) = std::env::var("PLAYBOOK_LINK_TIMEOUT")
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|t| t.is_finite() && *t > 0.0)
        {
            o.timeout = Duration::from_secs_f64(t);
        }
        o
    }
}

/// What asking a URL found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "lowercase")]
pub enum Outcome {
    /// It answered with a success.
    Ok,
    /// It redirected to `to`, which answered with a success.
    Redirected {
        /// The final address.
        to: String,
    },
    /// It failed: an error status, no answer in time, …
    Broken {
        /// Why, in a few words.
        why: String,
    },
    /// No server could be reached (offline, a name that does not resolve,
    /// a refused connection): the link could not be checked. Never kept in
    /// the cache.
    Unreachable {
        /// Why, in a few words.
        why: String,
    },
}

/// What one run of the checker found.
#[derive(Debug, Default)]
pub struct Report {
    /// An error for every place of a broken link, a note for every place
    /// of a redirected one, sorted by place; a warning if the cache could
    /// not be saved.
    pub diagnostics: Diagnostics,
    /// Places that link outside.
    pub places: usize,
    /// Distinct URLs among them.
    pub urls: usize,
    /// URLs whose result came from the cache.
    pub cached: usize,
    /// Distinct URLs that are broken.
    pub broken: usize,
    /// Distinct URLs that redirect to a working page.
    pub redirected: usize,
    /// Distinct URLs whose server could not be reached (not checked).
    pub unchecked: usize,
}

impl Report {
    /// One line for the terminal, e.g. `external links: 12 URLs in 14
    /// places, 1 broken, 2 redirected (5 from the cache)`.
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let unchecked = match self.unchecked {
            0 => String::new(),
            n => format!(", {n} not checked (unreachable)"),
        };
        format!(
            "external links: {} in {}, {} broken, {} redirected{unchecked} ({} from the cache, kept a day)",
            plural(self.urls, "URL", "URLs"),
            plural(self.places, "place", "places"),
            self.broken,
            self.redirected,
            self.cached
        )
    }
}

/// The URL a result is kept under: without its `#fragment`, which only the
/// browser uses.
fn key(url: &str) -> &str {
    url.split_once('#').map_or(url, |(u, _)| u)
}

/// Check every external link of `pb` (read from `root`), with the cache in
/// `root`'s cache folder.
pub fn check(pb: &Playbook, root: &Path, opts: &Options) -> Report {
    let links = find_links(&pb.sources);
    let mut urls: Vec<&str> = links.iter().map(|l| key(&l.url)).collect();
    urls.sort_unstable();
    urls.dedup();

    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let cache_path = cache::path_for(root);
    let mut store = cache::Cache::load(&cache_path, now, opts.max_age.as_secs());
    let (known, ask): (Vec<&str>, Vec<&str>) = urls.iter().partition(|u| store.get(u).is_some());
    let mut report = Report {
        places: links.len(),
        urls: urls.len(),
        cached: known.len(),
        ..Report::default()
    };

    let asked = if ask.is_empty() {
        Default::default()
    } else {
        http::check_all(ask.iter().map(|u| u.to_string()).collect(), opts)
    };
    // What could not be reached is this run's only: the next run asks again.
    let mut unreached = std::collections::HashMap::new();
    for (url, outcome) in asked {
        match outcome {
            Outcome::Unreachable { .. } => {
                unreached.insert(url, outcome);
            }
            _ => store.insert(url, outcome, now),
        }
    }
    let outcome = |u: &str| store.get(u).or_else(|| unreached.get(u));
    // Nothing asked could be reached: offline, most likely. One line says
    // so instead of a warning at every link.
    let offline = !ask.is_empty() && unreached.len() == ask.len();
    if offline {
        report.diagnostics.push(
            Diagnostic::warning(format!(
                "could not reach any of the {} external {} asked (offline?): {} not checked",
                ask.len(),
                if ask.len() == 1 { "link" } else { "links" },
                if ask.len() == 1 { "it was" } else { "they were" }
            ))
            .help("run `playbook check --external` again with a network; nothing was kept, so every link is asked then"),
        );
    }
    if !ask.is_empty() && unreached.len() < ask.len() {
        if let Err(e) = store.save(&cache_path) {
            let why = e.message;
            report.diagnostics.push(
                Diagnostic::warning(format!("the link results could not be kept: {why}"))
                    .help("the next `playbook check --external` will ask every server again"),
            );
        }
    }

    for u in &urls {
        match outcome(u) {
            Some(Outcome::Broken { .. }) => report.broken += 1,
            Some(Outcome::Redirected { .. }) => report.redirected += 1,
            Some(Outcome::Unreachable { .. }) => report.unchecked += 1,
            _ => {}
        }
    }
    for l in &links {
        let o = outcome(key(&l.url));
        if offline && matches!(o, Some(Outcome::Unreachable { .. })) {
            continue;
        }
        if let Some(d) = o.and_then(|o| diagnostic(pb, l, o)) {
            report.diagnostics.push(d);
        }
    }
    report.diagnostics.sort();
    report
}

/// The diagnostic for one place of a link, if its outcome needs one.
fn diagnostic(pb: &Playbook, link: &Link, outcome: &Outcome) -> Option<Diagnostic> {
    let src = pb.sources.get(link.source)?;
    let d = match outcome {
        Outcome::Ok => return None,
        Outcome::Broken { why } => Diagnostic::error(format!("broken link {}: {why}", link.url))
            .help(format!(
            "fix or remove the link; results are kept a day in {} (delete it to ask again at once)",
            cache::path_for(Path::new("")).display()
        )),
        Outcome::Unreachable { why } => {
            Diagnostic::warning(format!("could not check link {}: {why}", link.url)).help(
                "its server could not be reached from here; this is not kept, so the next run asks again",
            )
        }
        Outcome::Redirected { to } => {
            Diagnostic::note(format!("link {} redirects to {to}", link.url))
                .help("it works; linking to the final address saves readers a redirect")
        }
    };
    Some(
        d.at_offset(&src.path, &src.text, link.offset)
            .span(link.url.chars().count()),
    )
}

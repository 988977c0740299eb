//! Asking the web: one blocking HTTP client (`ureq`) shared by a few worker
//! threads, at most [`Options::per_host`](super::Options::per_host)
//! requests to one host at a time.
//!
//! A URL is asked with `HEAD`; when the server refuses or fails it (any
//! status from 400 up, e.g. 405 or 501, or a broken connection) it is asked
//! again with `GET`, whose answer counts (some servers answer `HEAD`
//! wrongly). A `GET`'s body is never read. Redirects are followed (up to
//! 10); a chain that ends in a success is a working link, noted with its
//! final address. A request that gets no answer within the timeout is not
//! asked again.
//!
//! A server that cannot be reached at all (its name does not resolve, the
//! connection is refused or the network is down; name lookup and connecting
//! each get half the timeout, so a lookup that hangs offline is told apart
//! from a server that accepts and never answers) is
//! [`Outcome::Unreachable`]: the link could not be checked, which says
//! nothing about it.

use super::{Options, Outcome};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::Duration;
use ureq::http::{Method, StatusCode, Uri};
use ureq::ResponseExt;

/// Check every URL (no duplicates); the outcome of each, by URL.
pub(super) fn check_all(urls: Vec<String>, opts: &Options) -> HashMap<String, Outcome> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .timeout_resolve(Some(opts.timeout / 2))
        .timeout_connect(Some(opts.timeout / 2))
        .http_status_as_error(false)
        .max_redirects(10)
        .save_redirect_history(true)
        .user_agent(concat!("playbook-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let workers = opts.workers.clamp(1, urls.len().max(1));
    let queue = Queue::new(urls, opts.per_host.max(1));
    let results = Mutex::new(HashMap::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some((host, url)) = queue.take() {
                    let outcome = check_one(&agent, &url, opts.timeout);
                    if let Ok(mut r) = results.lock() {
                        r.insert(url, outcome);
                    }
                    queue.done(&host);
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

/// The URLs still to ask, by host, and how many requests each host has open.
struct Queue {
    state: Mutex<QueueState>,
    wake: Condvar,
    per_host: usize,
}

struct QueueState {
    waiting: BTreeMap<String, VecDeque<String>>,
    busy: HashMap<String, usize>,
    /// URLs not yet finished (waiting or being asked).
    left: usize,
}

impl Queue {
    fn new(urls: Vec<String>, per_host: usize) -> Queue {
        let left = urls.len();
        let mut waiting: BTreeMap<String, VecDeque<String>> = BTreeMap::new();
        for url in urls {
            waiting.entry(host_of(&url)).or_default().push_back(url);
        }
        Queue {
            state: Mutex::new(QueueState {
                waiting,
                busy: HashMap::new(),
                left,
            }),
            wake: Condvar::new(),
            per_host,
        }
    }

    /// The next URL whose host has a free slot, waiting for one if needed;
    /// `None` when every URL is finished.
    fn take(&self) -> Option<(String, String)> {
        let mut st = self.state.lock().ok()?;
        loop {
            if st.left == 0 {
                return None;
            }
            let free = st
                .waiting
                .keys()
                .find(|h| st.busy.get(*h).copied().unwrap_or(0) < self.per_host)
                .cloned();
            if let Some(host) = free {
                let queue = st.waiting.get_mut(&host)?;
                let url = queue.pop_front()?;
                if queue.is_empty() {
                    st.waiting.remove(&host);
                }
                *st.busy.entry(host.clone()).or_default() += 1;
                return Some((host, url));
            }
            st = self.wake.wait(st).ok()?;
        }
    }

    /// A URL of `host` is finished.
    fn done(&self, host: &str) {
        if let Ok(mut st) = self.state.lock() {
            if let Some(n) = st.busy.get_mut(host) {
                *n = n.saturating_sub(1);
            }
            st.left = st.left.saturating_sub(1);
        }
        self.wake.notify_all();
    }
}

/// Scheme and authority, lower case: the unit of the per-host limit.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.to_ascii_lowercase()
}

/// What one request got: a status (after redirects, with the final address
/// when there were any), or why there was none.
enum Answer {
    Status(StatusCode, Option<String>),
    TimedOut,
    /// No server reached (a name that does not resolve, a refused
    /// connection, no network): the link could not be checked.
    Unreachable(String),
    /// A failure that asking again with GET will not change.
    Final(String),
    Failed(String),
}

fn check_one(agent: &ureq::Agent, url: &str, timeout: Duration) -> Outcome {
    let uri: Uri = match url.parse() {
        Ok(u) => u,
        Err(e) => {
            return Outcome::Broken {
                why: format!("not a valid URL ({e})"),
            }
        }
    };
    let answer = match ask(agent, Method::HEAD, &uri) {
        Answer::Status(s, _) if s.as_u16() >= 400 => ask(agent, Method::GET, &uri),
        Answer::Failed(_) => ask(agent, Method::GET, &uri),
        other => other,
    };
    match answer {
        Answer::Status(s, _) if s.as_u16() >= 400 => Outcome::Broken {
            why: format!("HTTP {} {}", s.as_u16(), s.canonical_reason().unwrap_or(""))
                .trim_end()
                .to_string(),
        },
        Answer::Status(_, Some(to)) => Outcome::Redirected { to },
        Answer::Status(_, None) => Outcome::Ok,
        Answer::TimedOut => Outcome::Broken {
            why: format!("no answer within {}", seconds(timeout)),
        },
        Answer::Unreachable(why) => Outcome::Unreachable { why },
        Answer::Final(why) | Answer::Failed(why) => Outcome::Broken { why },
    }
}

/// Why a server could not be reached at all, if that is what `e` says.
fn unreachable(e: &ureq::Error) -> Option<String> {
    use std::io::ErrorKind as K;
    Some(match e {
        ureq::Error::HostNotFound => "the host name is not known (DNS)".into(),
        ureq::Error::ConnectionFailed => "the connection failed".into(),
        ureq::Error::Timeout(ureq::Timeout::Resolve) => {
            "the host name did not resolve in time (DNS)".into()
        }
        ureq::Error::Timeout(ureq::Timeout::Connect) => "no connection in time".into(),
        ureq::Error::Io(io) => match io.kind() {
            K::ConnectionRefused => "the server refused the connection".into(),
            K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown | K::AddrNotAvailable => {
                format!("the network is unreachable ({io})")
            }
            // getaddrinfo's failures (std: "failed to lookup address information: …").
            _ if io.to_string().contains("lookup address") => {
                format!("the host name did not resolve (DNS: {io})")
            }
            _ => return None,
        },
        _ => return None,
    })
}

fn ask(agent: &ureq::Agent, method: Method, uri: &Uri) -> Answer {
    let request = match ureq::http::Request::builder()
        .method(method)
        .uri(uri.clone())
        .body(())
    {
        Ok(r) => r,
        Err(e) => return Answer::Failed(e.to_string()),
    };
    match agent.run(request) {
        Ok(resp) => {
            let redirected = resp.get_redirect_history().is_some_and(|h| h.len() > 1);
            let to = redirected
                .then(|| resp.get_uri().to_string())
                .filter(|to| to != &uri.to_string());
            Answer::Status(resp.status(), to)
        }
        Err(e) => match unreachable(&e) {
            // HEAD reached no server: GET would not either.
            Some(why) => Answer::Unreachable(why),
            None => match e {
                ureq::Error::Timeout(_) => Answer::TimedOut,
                ureq::Error::TooManyRedirects => Answer::Final("too many redirects".into()),
                e => Answer::Failed(e.to_string()),
            },
        },
    }
}

/// "10 s", "0.5 s".
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_scheme_free_lower_case_authorities() {
        assert_eq!(
            host_of("https://Example.COM:8443/a?b#c"),
            "example.com:8443"
        );
        assert_eq!(host_of("http://127.0.0.1:9/x"), "127.0.0.1:9");
        assert_eq!(host_of("https://a.example"), "a.example");
    }

    #[test]
    fn the_queue_never_gives_a_host_more_than_its_limit() {
        let q = Queue::new(
            vec![
                "http://a/1".into(),
                "http://a/2".into(),
                "http://b/1".into(),
            ],
            1,
        );
        let first = q.take().expect("a url");
        let second = q.take().expect("a url");
        assert_eq!(first, ("a".into(), "http://a/1".into()));
        assert_eq!(second, ("b".into(), "http://b/1".into()), "a is busy");
        q.done("a");
        assert_eq!(q.take(), Some(("a".into(), "http://a/2".into())));
        q.done("b");
        q.done("a");
        assert_eq!(q.take(), None);
    }
}

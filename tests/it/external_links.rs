//! `playbook check --external` against a tiny HTTP server the test starts
//! on 127.0.0.1: a page that answers 200, one that is gone (404), one that
//! redirects to a working page, one that refuses HEAD (405) but answers
//! GET, and one that never answers. The fixture links to each from a
//! Markdown body, a Markdown field of a YAML file and a regulation's `link`.
//! Links no server answers for (a refused port, a name that does not
//! resolve) are "could not check" warnings, never cached.

use crate::support::{Fixture, Run};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A local web server that logs every request (`"HEAD /ok"`) it gets.
struct Server {
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
        let port = listener.local_addr().expect("address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&log);
        // The accept loop lives as long as the test binary.
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || answer(stream, port, &seen));
            }
        });
        Server { port, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.log.lock().expect("log").clone()
    }
}

/// Read one request, log it and answer as its path says.
fn answer(mut stream: TcpStream, port: u16, log: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut first = head.lines().next().unwrap_or("").split(' ');
    let (method, path) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    log.lock().expect("log").push(format!("{method} {path}"));
    let status = match (method, path.split('?').next().unwrap_or("")) {
        (_, "/ok") => "200 OK",
        (_, "/missing") => "404 Not Found",
        (_, "/moved") => "301 Moved Permanently",
        ("HEAD", "/no-head") => "405 Method Not Allowed",
        (_, "/no-head") => "200 OK",
        (_, "/silent") => {
            // Never answer: hold the connection until the client gives up.
            while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
            return;
        }
        _ => "404 Not Found",
    };
    let mut reply = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n"
    );
    if status.starts_with("301") {
        reply.push_str(&format!("Location: http://127.0.0.1:{port}/ok\r\n"));
    }
    reply.push_str("\r\n");
    if method != "HEAD" {
        reply.push_str("ok\n");
    }
    let _ = stream.write_all(reply.as_bytes());
}

/// The skeleton playbook with its one outside link replaced by links to
/// `server`: every kind of answer, from every kind of place.
fn fixture(server: &Server) -> Fixture {
    let u = |p: &str| server.url(p);
    let f = Fixture::skeleton()
        .replace(
            "content/regulations/gdpr.yaml",
            "link: https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            &format!("link: {}", u("/silent")),
        )
        .replace(
            "content/markets/de.yaml",
            "see [[step:regulatory-mapping]].",
            &format!(
                "see [[step:regulatory-mapping]] and [the regulator]({}#contact).",
                u("/missing")
            ),
        )
        .append(
            "content/research/launch-study.md",
            &format!(
                "\nSee [the study]({}), [its old address]({}), <{}>\nand [the data]({}).\n",
                u("/ok"),
                u("/moved"),
                u("/no-head"),
                u("/missing")
            ),
        );
    // The test must never reach outside this machine.
    for (rel, _) in playbook_site::skeleton::files() {
        let text = std::fs::read_to_string(f.path(&rel)).unwrap_or_default();
        for (i, _) in text.match_indices("http") {
            let rest = &text[i..];
            if rest.starts_with("http://") || rest.starts_with("https://") {
                assert!(
                    rest.starts_with(&server.url("/")) || rel == "book.toml",
                    "{rel} links outside the test server: {}",
                    rest.lines().next().unwrap_or("")
                );
            }
        }
    }
    f
}

/// `file:line:col` of the first `needle` in a fixture file.
fn place(f: &Fixture, rel: &str, needle: &str) -> String {
    let text = f.read(rel);
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{rel} has no {needle}"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{rel}:{line}:{col}")
}

fn check_external(f: &Fixture) -> Run {
    f.run_env(
        &["check", "--external"],
        &[
            ("PLAYBOOK_LINK_TIMEOUT", "1"),
            ("NO_PROXY", "127.0.0.1"),
            ("no_proxy", "127.0.0.1"),
        ],
    )
}

/// The errors of a run as `(place, message)`, sorted.
fn broken(run: &Run) -> Vec<(String, String)> {
    let mut v: Vec<_> = run
        .errors()
        .into_iter()
        .map(|d| (d.place(), d.message.clone()))
        .collect();
    v.sort();
    v
}

#[test]
fn broken_links_are_reported_with_their_place_and_the_rest_pass() {
    let server = Server::start();
    let f = fixture(&server);
    let run = check_external(&f);
    run.assert_code(1);

    let errors = broken(&run);
    let mut want = vec![
        (
            place(&f, "content/regulations/gdpr.yaml", &server.url("/silent")),
            "/silent",
            "no answer within 1 s",
        ),
        (
            place(&f, "content/markets/de.yaml", &server.url("/missing")),
            "/missing#contact",
            "HTTP 404 Not Found",
        ),
        (
            place(
                &f,
                "content/research/launch-study.md",
                &server.url("/missing"),
            ),
            "/missing",
            "HTTP 404 Not Found",
        ),
    ];
    want.sort();
    assert_eq!(
        errors.len(),
        want.len(),
        "one error per broken place:\n{run}"
    );
    for ((at, message), (want_at, path, why)) in errors.iter().zip(&want) {
        assert_eq!(at, want_at, "{run}");
        assert_eq!(
            message,
            &format!("broken link {}: {why}", server.url(path)),
            "{run}"
        );
    }
    assert!(
        run.count_line()
            .is_some_and(|l| l.starts_with("3 errors, 0 warnings")),
        "{run}"
    );
    for d in run.errors() {
        assert!(d.help().contains(".playbook-cache"), "{d}");
    }
    for ok in ["/ok", "/no-head", "/moved"] {
        assert!(
            !run.errors()
                .iter()
                .any(|d| d.message.contains(&server.url(ok))),
            "{ok} works and is not an error:\n{run}"
        );
    }

    // The redirect is a note naming the final address, at its place.
    let moved = place(
        &f,
        "content/research/launch-study.md",
        &server.url("/moved"),
    );
    let note = format!(
        "note: link {} redirects to {}",
        server.url("/moved"),
        server.url("/ok")
    );
    let note_at = run
        .stderr
        .find(&note)
        .unwrap_or_else(|| panic!("no {note:?}:\n{run}"));
    assert!(
        run.stderr[note_at..].contains(&format!("--> {moved}")),
        "the note has its place:\n{run}"
    );

    // HEAD first; GET only where HEAD was refused or failed.
    let asked = server.requests();
    for r in [
        "HEAD /ok",
        "HEAD /no-head",
        "GET /no-head",
        "HEAD /missing",
        "HEAD /silent",
    ] {
        assert!(asked.iter().any(|a| a == r), "{r} not in {asked:?}");
    }
    assert!(!asked.iter().any(|a| a == "GET /ok"), "{asked:?}");
    assert!(
        !asked.iter().any(|a| a == "GET /silent"),
        "a timeout is not asked again: {asked:?}"
    );
    assert!(
        asked.iter().filter(|a| a.ends_with(" /missing")).count() <= 2,
        "one URL is asked once however often it is written: {asked:?}"
    );
    assert!(
        run.stderr.contains(
            "external links: 5 URLs in 6 places, 2 broken, 1 redirected (0 from the cache"
        ),
        "{run}"
    );
}

#[test]
fn a_second_run_within_a_day_asks_no_server_and_an_edited_link_is_asked_at_once() {
    let server = Server::start();
    let f = fixture(&server);
    let first = check_external(&f);
    first.assert_code(1);
    assert!(f.path(".playbook-cache/external-links.json").is_file());
    let asked = server.requests().len();
    assert!(asked >= 5, "{:?}", server.requests());

    let second = check_external(&f);
    second.assert_code(1);
    assert_eq!(
        broken(&second),
        broken(&first),
        "the same report from the cache"
    );
    assert_eq!(
        server.requests().len(),
        asked,
        "no request on the second run: {:?}",
        server.requests()
    );
    assert!(second.stderr.contains("(5 from the cache"), "{second}");

    // Fixing a link makes a new URL, asked now; the others stay cached.
    let f = f.replace(
        "content/markets/de.yaml",
        &format!("{}#contact", server.url("/missing")),
        &server.url("/ok?fixed"),
    );
    let third = check_external(&f);
    third.assert_code(1);
    assert_eq!(server.requests()[asked..], ["HEAD /ok?fixed".to_string()]);
    assert!(
        !third
            .errors()
            .iter()
            .any(|d| d.place().starts_with("content/markets/de.yaml")),
        "{third}"
    );
    assert_eq!(third.errors().len(), 2, "{third}");
}

#[test]
fn an_ordinary_check_or_build_asks_no_server() {
    let server = Server::start();
    let f = fixture(&server);
    f.check().assert_ok();
    f.build().assert_ok();
    assert_eq!(server.requests(), Vec::<String>::new());
    assert!(!f.path(".playbook-cache/external-links.json").exists());
}

#[test]
fn all_links_good_exits_zero_and_json_carries_the_notes() {
    let server = Server::start();
    let f = Fixture::skeleton().replace(
        "content/regulations/gdpr.yaml",
        "link: https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        &format!("link: {}", server.url("/moved")),
    );
    let run = f.run_env(
        &["check", "--external", "--format", "json"],
        &[("NO_PROXY", "127.0.0.1"), ("no_proxy", "127.0.0.1")],
    );
    run.assert_ok();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(doc["errors"], 0, "{run}");
    let d = &doc["diagnostics"][0];
    assert_eq!(d["severity"], "note", "{run}");
    assert_eq!(d["file"], "content/regulations/gdpr.yaml", "{run}");
    assert_eq!(d["line"], 6, "{run}");
}

/// A local port nothing listens on: connecting is refused.
fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("address").port()
}

/// Offline, no link can be checked: one warning line says so (not an
/// error per link, issue #26), the check passes, and nothing is cached as
/// broken, so the next run asks again.
#[test]
fn offline_nothing_is_checked_one_line_says_so_and_nothing_is_cached() {
    let refused = format!("http://127.0.0.1:{}/gone", closed_port());
    let f = Fixture::skeleton()
        .replace(
            "content/regulations/gdpr.yaml",
            "link: https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            &format!("link: {refused}"),
        )
        .append(
            "content/research/launch-study.md",
            "\nSee [the registry](http://playbook-link-test.invalid/registry).\n",
        );
    for _ in 0..2 {
        let run = f.run_env(
            &["check", "--external"],
            &[
                ("PLAYBOOK_LINK_TIMEOUT", "2"),
                ("NO_PROXY", "127.0.0.1,.invalid"),
                ("no_proxy", "127.0.0.1,.invalid"),
            ],
        );
        run.assert_ok();
        assert_eq!(
            run.stderr
                .matches("warning: could not reach any of the 2 external links asked (offline?): they were not checked")
                .count(),
            1,
            "{run}"
        );
        assert_eq!(run.stderr.matches("warning:").count(), 1, "{run}");
        assert_eq!(run.count_line(), Some("0 errors, 1 warning"), "{run}");
        assert!(
            run.stderr
                .contains("0 broken, 0 redirected, 2 not checked (unreachable) (0 from the cache"),
            "{run}"
        );
        let cache = std::fs::read_to_string(f.path(".playbook-cache/external-links.json"))
            .unwrap_or_default();
        assert!(
            !cache.contains("/gone") && !cache.contains(".invalid"),
            "{cache}"
        );
    }
}

/// One server unreachable among working ones: a warning at its place, not
/// an error, and not cached; the working link is cached as before.
#[test]
fn an_unreachable_server_among_working_ones_is_a_warning_at_its_place() {
    let server = Server::start();
    let refused = format!("http://127.0.0.1:{}/gone", closed_port());
    let f = Fixture::skeleton()
        .replace(
            "content/regulations/gdpr.yaml",
            "link: https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            &format!("link: {}", server.url("/ok")),
        )
        .append(
            "content/research/launch-study.md",
            &format!("\nSee [the old registry]({refused}).\n"),
        );
    let run = check_external(&f);
    run.assert_ok();
    let warnings: Vec<String> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .map(str::to_string)
        .collect();
    assert_eq!(
        warnings,
        [format!(
            "warning: could not check link {refused}: the server refused the connection"
        )],
        "{run}"
    );
    assert!(
        run.stderr.contains(&format!(
            "--> {}",
            place(&f, "content/research/launch-study.md", &refused)
        )),
        "{run}"
    );
    assert_eq!(run.count_line(), Some("0 errors, 1 warning"), "{run}");
    let cache = f.read(".playbook-cache/external-links.json");
    assert!(cache.contains(&server.url("/ok")), "{cache}");
    assert!(!cache.contains("/gone"), "{cache}");
}

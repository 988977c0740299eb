//! `playbook serve`: a real server on a free port, a real event stream, real
//! file edits. Each test starts its own server on a copy of the skeleton and
//! stops it when done.

use crate::support::{Fixture, BIN};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// A running `playbook serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
    _fixture: Fixture,
    root: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Server {
    fn start(fixture: Fixture) -> Server {
        let port = free_port();
        let root = fixture.root().to_path_buf();
        let mut child = Command::new(BIN)
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start playbook serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(l) if l.contains("serving on") => break,
                Ok(_) => {}
                Err(_) if Instant::now() > deadline => panic!("serve did not start"),
                Err(_) => {}
            }
        }
        Server {
            child,
            port,
            _fixture: fixture,
            root,
        }
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.root.join(rel), text).unwrap();
    }

    /// Save like an editor that writes a temporary file and renames it over the original.
    fn save_atomically(&self, rel: &str, text: &str) {
        let p = self.root.join(rel);
        let tmp = p.with_extension("yaml.tmp-save");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, &p).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    /// GET a raw path; returns (status, headers, body).
    fn get(&self, path: &str) -> (u16, String, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        let text = String::from_utf8_lossy(&buf).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        (status, head.to_lowercase(), body.to_string())
    }

    /// Subscribe to the live-reload stream like a browser's EventSource.
    fn events(&self) -> Receiver<(String, String)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(s, "GET /__playbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut event = String::new();
            let mut data = String::new();
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if let Some(e) = line.strip_prefix("event:") {
                    event = e.trim().to_string();
                } else if let Some(d) = line.strip_prefix("data:") {
                    data.push_str(d.trim_start());
                    data.push('\n');
                } else if line.is_empty()
                    && !event.is_empty()
                    && tx
                        .send((std::mem::take(&mut event), std::mem::take(&mut data)))
                        .is_err()
                {
                    return;
                }
            }
        });
        let (e, _) = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("hello event");
        assert_eq!(e, "hello");
        rx
    }
}

/// Wait for the next event of a kind (others are skipped).
fn wait_for(rx: &Receiver<(String, String)>, kind: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok((e, d)) = rx.recv_timeout(Duration::from_millis(500)) {
            if e == kind {
                return d;
            }
        }
    }
    panic!("no `{kind}` event within 30 s");
}

const DE: &str = "content/markets/de.yaml";

#[test]
fn a_save_reloads_pages_and_the_new_text_is_served() {
    let srv = Server::start(Fixture::skeleton());
    let rx = srv.events();
    let text = srv
        .read(DE)
        .replace("Our first EU market", "Our FIRST EU market");
    srv.save_atomically(DE, &text);
    wait_for(&rx, "reload");
    let (status, _, body) = srv.get("/markets/de/");
    assert_eq!(status, 200);
    assert!(body.contains("Our FIRST EU market"), "new text not served");
    assert!(
        body.contains("/__playbook/live.js"),
        "serve pages carry the reload script"
    );
}

#[test]
fn build_output_never_carries_the_reload_script() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    assert!(!built.page("markets/de/index.html").contains("__playbook"));
}

#[test]
fn a_broken_save_shows_the_error_and_keeps_serving_the_last_good_site() {
    let srv = Server::start(Fixture::skeleton());
    let rx = srv.events();
    let good = srv.read(DE);
    srv.write(
        DE,
        &good.replace("[[step:regulatory-mapping]]", "[[step:regulatory-maping]]"),
    );
    let err = wait_for(&rx, "build-error");
    assert!(err.contains("content/markets/de.yaml"), "{err}");
    assert!(
        err.contains("regulatory-mapping"),
        "the hint names the nearest id: {err}"
    );
    let (status, _, body) = srv.get("/markets/de/");
    assert_eq!(status, 200, "the last good site is still served");
    assert!(body.contains("Our first EU market"));
    // A client that connects now learns about the error at once.
    let late = srv.events_hello();
    assert!(late.contains("regulatory-maping"), "{late}");
    srv.write(DE, &good);
    wait_for(&rx, "reload");
    assert_eq!(srv.get("/markets/de/").0, 200);
}

impl Server {
    /// The `hello` event a newly connected page gets.
    fn events_hello(&self) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            s,
            "GET /__playbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if line.starts_with("data:") {
                out.push_str(&line);
                if out.contains("\"generation\"") {
                    break;
                }
            }
        }
        out
    }
}

#[test]
fn paths_outside_the_site_are_refused() {
    let srv = Server::start(Fixture::skeleton());
    for path in [
        "/../book.toml",
        "/%2e%2e/book.toml",
        "/..%2fbook.toml",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/theme/..%5c..%5cbook.toml",
        "/content/markets/de.yaml",
    ] {
        let (status, _, body) = srv.get(path);
        assert_ne!(status, 200, "{path} was served");
        assert!(!body.contains("[book]"), "{path} leaked book.toml");
        assert!(!body.contains("root:x:0:0"), "{path} leaked /etc/passwd");
    }
}

#[test]
fn missing_pages_get_the_site_404_page_and_nothing_is_cached() {
    let srv = Server::start(Fixture::skeleton());
    let (status, head, body) = srv.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "{body}");
    assert!(head.contains("cache-control: no-store"), "{head}");
    let (status, head, _) = srv.get("/theme/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/css"), "{head}");
    let (status, head, _) = srv.get("/markets/de");
    assert_eq!(status, 301, "a folder without its slash is redirected");
    assert!(head.contains("location: /markets/de/"), "{head}");
}

#[test]
fn a_port_in_use_gets_a_clear_message_suggesting_another() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let f = Fixture::skeleton();
    let run = f.run(&["serve", "--port", &port.to_string()]);
    run.assert_code(2);
    assert!(run.stderr.contains("already in use"), "{run}");
    assert!(run.stderr.contains("--port"), "{run}");
}

#[test]
fn editor_droppings_and_a_burst_of_saves_end_in_a_correct_site() {
    let srv = Server::start(Fixture::skeleton());
    let rx = srv.events();
    let good = srv.read(DE);
    // Files editors leave beside the real one are ignored.
    srv.write("content/markets/.de.yaml.swp", "binary junk \u{0}");
    srv.write("content/markets/de.yaml~", "old: [");
    srv.write("content/markets/.#de.yaml", "user@host.1234");
    // A burst of 100 saves within about a second.
    for i in 0..100 {
        srv.write(
            DE,
            &good.replace("Our first EU market", &format!("Save number {i}")),
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    wait_for(&rx, "reload");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (_, _, body) = srv.get("/markets/de/");
        if body.contains("Save number 99") {
            break;
        }
        assert!(Instant::now() < deadline, "the last save never showed up");
        std::thread::sleep(Duration::from_millis(200));
    }
    // Never more rebuilds than saves (saves that land while a rebuild runs
    // are coalesced into the next one; a rebuild that keeps up with every
    // save is fine too), and the last save is the one served.
    let mut reloads = 1;
    while let Ok((e, _)) = rx.recv_timeout(Duration::from_millis(500)) {
        reloads += usize::from(e == "reload");
    }
    assert!(reloads <= 100, "{reloads} rebuilds for 100 saves");
    let (_, _, body) = srv.get("/markets/de/");
    assert!(body.contains("Save number 99"), "{body}");
}

#[test]
fn a_file_deleted_then_recreated_and_a_new_file_are_picked_up() {
    let srv = Server::start(Fixture::skeleton());
    let rx = srv.events();
    let ie = srv.read("content/markets/ie.yaml");
    std::fs::remove_file(srv.root.join("content/markets/ie.yaml")).unwrap();
    wait_for(&rx, "reload");
    assert_eq!(
        srv.get("/markets/ie/").0,
        404,
        "a deleted market's page goes"
    );
    srv.write("content/markets/ie.yaml", &ie);
    wait_for(&rx, "reload");
    assert_eq!(srv.get("/markets/ie/").0, 200, "and comes back");
    srv.write(
        "content/regulations/eu-ai-act.yaml",
        "id: eu-ai-act\nname: EU AI Act\njurisdiction: European Union\nsummary: Rules for AI systems by risk.\n",
    );
    wait_for(&rx, "reload");
    let (status, _, body) = srv.get("/regulations/eu-ai-act/");
    assert_eq!(status, 200);
    assert!(body.contains("Rules for AI systems by risk."));
}

#[test]
fn two_hundred_concurrent_connections_are_all_served() {
    let srv = Server::start(Fixture::skeleton());
    let port = srv.port;
    let paths = [
        "/",
        "/markets/de/",
        "/theme/style.css",
        "/markets/de/checklist/",
        "/playbook.json",
    ];
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(200));
    let handles: Vec<_> = (0..200)
        .map(|i| {
            let barrier = barrier.clone();
            let path = paths[i % paths.len()];
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
                barrier.wait();
                write!(
                    s,
                    "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                )
                .unwrap();
                let mut buf = Vec::new();
                s.read_to_end(&mut buf).unwrap();
                String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 200")
            })
        })
        .collect();
    let ok = handles
        .into_iter()
        .filter_map(|h| h.join().ok())
        .filter(|&ok| ok)
        .count();
    assert_eq!(ok, 200);
}

/// `serve` renders pages one at a time, on request; `build` renders them all.
/// Every file must come out the same either way.
#[test]
fn pages_rendered_on_request_are_the_files_build_writes() {
    use playbook::render::on_demand::{OnDemand, Rendered};
    use playbook::render::{render_site, RenderOptions, Templates};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pb = playbook::load_playbook(root).expect("the real playbook loads");
    let templates = Templates::load(root).expect("templates load");
    let opts = RenderOptions::default();
    let all = render_site(&pb, &templates, &opts).expect("the site renders");
    let od = OnDemand::new(&pb, &templates, &opts);
    assert_eq!(
        od.page_count(),
        all.iter().filter(|f| f.path.ends_with(".html")).count()
    );
    for want in all.iter().filter(|f| !f.path.starts_with("fulltext/")) {
        let Ok(Rendered::Files(files)) = od.render(&want.path) else {
            panic!("{} is not rendered on request", want.path);
        };
        let got = files
            .iter()
            .find(|f| f.path == want.path)
            .unwrap_or_else(|| panic!("rendering {} did not make it", want.path));
        assert!(got.bytes == want.bytes, "{} differs", want.path);
    }
    assert!(
        matches!(od.render("no/such/page/index.html"), Ok(Rendered::Files(f)) if f.is_empty()),
        "an unknown path renders nothing"
    );
}

#[test]
fn serve_has_the_full_text_index_with_its_types_and_updates_it_on_a_save() {
    let srv = Server::start(Fixture::skeleton());
    let (status, head, manifest) = srv.get("/fulltext/manifest.json");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
    assert!(head.contains("cache-control: no-store"), "{head}");
    let parse =
        |m: &str| -> serde_json::Value { serde_json::from_str(m).expect("manifest is JSON") };
    let before = parse(&manifest);
    let chunk = format!("/fulltext/{}", before["chunks"][0][1].as_str().unwrap());
    let (status, head, _) = srv.get(&chunk);
    assert_eq!(status, 200, "{chunk}");
    assert!(
        head.contains("content-type: application/octet-stream"),
        "{chunk}: {head}"
    );
    let (status, _, page) = srv.get("/fulltext/pages/0.json");
    assert_eq!(status, 200);
    assert!(page.starts_with("[{"), "{page}");
    // A new word in a market's text: the rebuilt index is served.
    let rx = srv.events();
    let (_, _, words) = srv.get("/fulltext/words.json");
    assert!(!words.contains("\"zeppelin\""), "{words}");
    let text = srv
        .read(DE)
        .replace("Our first EU market", "Our first EU market, by zeppelin");
    srv.save_atomically(DE, &text);
    wait_for(&rx, "reload");
    let (_, _, manifest) = srv.get("/fulltext/manifest.json");
    assert_ne!(
        parse(&manifest)["v"],
        before["v"],
        "the index changed with the content"
    );
    let (_, _, words) = srv.get("/fulltext/words.json");
    assert!(words.contains("\"zeppelin\""), "{words}");
}

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
    /// Every line the server printed to standard error so far.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
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
        Server::start_with(fixture, &[])
    }

    /// `playbook serve` with these extra arguments.
    fn start_with(fixture: Fixture, extra: &[&str]) -> Server {
        let port = free_port();
        let root = fixture.root().to_path_buf();
        let mut child = Command::new(BIN)
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(&root)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start playbook serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let keep = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                keep.lock().unwrap().push(line.clone());
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
            log,
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

    /// What the server printed to standard error so far.
    fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// GET a path with this `Host` header; returns the status.
    fn get_as_host(&self, path: &str, host: &str) -> u16 {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        let head = String::from_utf8_lossy(&buf);
        head.split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }

    /// GET a raw path; returns (status, headers, body).
    fn get(&self, path: &str) -> (u16, String, String) {
        let (status, head, body) = self.get_bytes(path);
        (status, head, String::from_utf8_lossy(&body).into_owned())
    }

    /// [`Server::get`] with the body as bytes (for binary files).
    fn get_bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        let split = buf
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(buf.len());
        let head = String::from_utf8_lossy(&buf[..split]).to_lowercase();
        let body = buf.get(split + 4..).unwrap_or_default().to_vec();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        (status, head, body)
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

/// The preview's error overlay gets every mistake of a file at once, as
/// `check` does (issue #26).
#[test]
fn the_overlay_gets_every_mistake_of_a_file() {
    let srv = Server::start(Fixture::skeleton());
    let rx = srv.events();
    let good = srv.read(DE);
    srv.write(
        DE,
        &good
            .replace("region: eu", "regoin: eu")
            .replace("tags: [new-language]", "tags: new-language")
            .replace("kickoff: 2026-03-02", "kickoff: March 1, 2027")
            .replace("{ value: 94,", "{ value: high,"),
    );
    let err = wait_for(&rx, "build-error");
    for mistake in [
        "unknown field `regoin`",
        "(at `tags`)",
        "`kickoff` must be a date like 2027-03-01",
        "(at `actuals.launch-on-time.value`)",
    ] {
        assert!(err.contains(mistake), "{mistake} missing from {err}");
    }
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
                    "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
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
    use playbook_site::render::on_demand::{OnDemand, Rendered};
    use playbook_site::render::{render_site, RenderOptions, Templates};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pb = playbook_plan::load_playbook(root).expect("the real playbook loads");
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
    let (status, head, packed) = srv.get_bytes("/fulltext/pages/0.bin");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("content-type: application/octet-stream"),
        "{head}"
    );
    assert!(
        !head.contains("content-encoding"),
        "stored compressed, not sent so: {head}"
    );
    let mut page = String::new();
    std::io::Read::read_to_string(&mut flate2::read::ZlibDecoder::new(&packed[..]), &mut page)
        .expect("a zlib stream of JSON");
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

/// A served page without the live-reload script serve adds before `</body>`.
fn without_reload_script(page: &str) -> String {
    let Some(a) = page.find("<script src=\"/__playbook/live.js\"") else {
        return page.to_string();
    };
    match page[a..].find("</script>") {
        Some(b) => {
            let end = a + b + "</script>".len();
            format!("{}{}", &page[..a], &page[end..])
        }
        None => page.to_string(),
    }
}

/// After a save, every file served equals what a fresh `build` of the saved
/// sources writes (the live-reload script aside; 404.html and sitemap.xml
/// use the base URL, which serve sets to `/`; the full-text index has its
/// own test).
fn assert_served_site_is_a_fresh_build(srv: &Server) {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("site");
    let run = crate::support::run_in(
        &srv.root,
        &["build", "--dest", dest.to_str().unwrap()],
        Duration::from_secs(120),
    );
    run.assert_ok();
    let built = crate::support::read_tree(&dest);
    assert!(built.len() > 20, "the build wrote the site");
    if srv.read("book.toml").contains("static-checklist-rows = 1") {
        assert!(
            built.contains_key("checklists/tasks.js"),
            "{:?}",
            built.keys()
        );
    }
    for (path, bytes) in &built {
        // The marker that says "Playbook built this folder" belongs to the
        // output folder, not to the site.
        if path.starts_with("pagefind/")
            || path == "404.html"
            || path == "sitemap.xml"
            || path == ".playbook-site"
        {
            continue;
        }
        let (status, _, body) = srv.get(&format!("/{path}"));
        assert_eq!(status, 200, "{path} is served");
        let want = String::from_utf8_lossy(bytes);
        assert!(
            without_reload_script(&body) == want,
            "{path} differs from the build: {}",
            crate::support::first_difference(&want, &without_reload_script(&body))
        );
    }
}

const COMPLIANCE: &str = "content/frameworks/launch/compliance.yaml";

#[test]
fn a_title_change_reaches_every_page_that_shows_it_and_the_site_equals_a_fresh_build() {
    // Checklists assembled in the browser too, so the shared task table is compared.
    let srv = Server::start(Fixture::skeleton().replace(
        "book.toml",
        "[build]\n",
        "[build]\nstatic-checklist-rows = 1\n",
    ));
    let rx = srv.events();
    // Pages rendered before the save must not be served after it.
    let (_, _, before) = srv.get("/markets/de/");
    assert!(
        before.contains("Regulatory Mapping"),
        "the market page names the step"
    );
    let good = srv.read(COMPLIANCE);
    srv.save_atomically(
        COMPLIANCE,
        &good.replace("title: Regulatory Mapping", "title: Rules Mapping"),
    );
    wait_for(&rx, "reload");
    let (_, _, de) = srv.get("/markets/de/");
    assert!(
        de.contains("Rules Mapping"),
        "the referencing page has the new title"
    );
    assert!(!de.contains("Regulatory Mapping"), "and not the old one");
    let (_, _, home) = srv.get("/");
    assert!(
        !home.contains("Regulatory Mapping"),
        "navigation has the new title"
    );
    assert_served_site_is_a_fresh_build(&srv);

    // A broken reference: the error goes out, the last good site (with the
    // new title) is still what is served, pages not asked for before included.
    let de_text = srv.read(DE);
    srv.save_atomically(
        DE,
        &de_text.replace("[[step:regulatory-mapping]]", "[[step:regulatory-maping]]"),
    );
    let err = wait_for(&rx, "build-error");
    assert!(err.contains("regulatory-maping"), "{err}");
    let (status, _, de) = srv.get("/markets/de/");
    assert_eq!(status, 200);
    assert!(de.contains("Rules Mapping"));
    assert_served_site_is_a_fresh_build_except(&srv, DE, &de_text);
    srv.save_atomically(DE, &de_text);
    wait_for(&rx, "reload");
    assert_served_site_is_a_fresh_build(&srv);
}

/// The last good site is what a build of the last good sources writes:
/// restore `rel` to `good` only in a copy, build that, compare.
fn assert_served_site_is_a_fresh_build_except(srv: &Server, rel: &str, good: &str) {
    let copy = tempfile::tempdir().unwrap();
    let root = copy.path().join("pb");
    copy_tree(&srv.root, &root);
    std::fs::write(root.join(rel), good).unwrap();
    let dest = copy.path().join("site");
    crate::support::run_in(
        &root,
        &["build", "--dest", dest.to_str().unwrap()],
        Duration::from_secs(120),
    )
    .assert_ok();
    for (path, bytes) in crate::support::read_tree(&dest) {
        // The marker that says "Playbook built this folder" belongs to the
        // output folder, not to the site.
        if path.starts_with("pagefind/")
            || path == "404.html"
            || path == "sitemap.xml"
            || path == ".playbook-site"
        {
            continue;
        }
        let (status, _, body) = srv.get(&format!("/{path}"));
        assert_eq!(status, 200, "{path} is served");
        assert!(
            without_reload_script(&body) == String::from_utf8_lossy(&bytes),
            "{path} differs from a build of the last good sources"
        );
    }
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let name = e.file_name();
        if name == "book" {
            continue;
        }
        if e.file_type().unwrap().is_dir() {
            copy_tree(&p, &to.join(&name));
        } else {
            std::fs::copy(&p, to.join(&name)).unwrap();
        }
    }
}

/// serve's parse cache: a cached load is the load without it (after any
/// edit, including one that makes a file be read as another type), and it
/// knows when a load saw nothing new; a playbook resolved through serve's
/// caches (parsed files, scanned references) is the one resolved without.
#[test]
fn a_load_through_the_parse_cache_equals_a_fresh_load() {
    use playbook_content::load::{load_content, load_content_with, ParseCache};
    let fx = Fixture::skeleton();
    let root = fx.root();
    let cache = ParseCache::default();
    let pipeline = playbook_content::PipelineCache::default();
    // The model without its hash maps (their Debug order varies).
    let model = |r: Result<
        playbook_content::model::Playbook,
        playbook_content::diag::Diagnostics,
    >| match r {
        Ok(pb) => format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            pb.steps, pb.tasks, pb.markets, pb.chapters, pb.backlinks, pb.task_markets, pb.warnings
        ),
        Err(d) => format!("{d:?}"),
    };
    let same = |cache: &ParseCache| {
        let (a, da) = load_content_with(root, Some(cache));
        let (b, db) = load_content(root);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(format!("{da:?}"), format!("{db:?}"));
        assert_eq!(
            model(playbook_plan::load_playbook_with(root, Some(&pipeline))),
            model(playbook_plan::load_playbook(root))
        );
    };
    same(&cache);
    same(&cache);
    assert!(cache.unchanged(), "a second load of the same files");
    // A broken reference, then fixed: the same diagnostics and backlinks.
    let de = fx.read(DE);
    std::fs::write(
        root.join(DE),
        de.replace(
            "[[step:regulatory-mapping]]",
            "[[step:regulatory-maping]] [[stp:x]]",
        ),
    )
    .unwrap();
    same(&cache);
    std::fs::write(root.join(DE), &de).unwrap();
    same(&cache);
    std::fs::write(
        root.join(COMPLIANCE),
        fx.read(COMPLIANCE)
            .replace("Regulatory Mapping", "Rules Mapping"),
    )
    .unwrap();
    same(&cache);
    assert!(!cache.unchanged(), "an edited file");
    same(&cache);
    assert!(cache.unchanged());
    std::fs::remove_file(root.join("content/markets/ie.yaml")).unwrap();
    same(&cache);
    assert!(!cache.unchanged(), "a deleted file");
    // The framework lists its file as a phase file now: parsed as a phase.
    let fw = fx.read("content/frameworks/launch/framework.yaml");
    let as_phases = fw.replace("components:", "phases:");
    assert_ne!(fw, as_phases, "the skeleton's framework has components");
    std::fs::write(
        root.join("content/frameworks/launch/framework.yaml"),
        as_phases,
    )
    .unwrap();
    same(&cache);
    // A broken file, then the same file fixed.
    let de = fx.read(DE);
    std::fs::write(root.join(DE), de.replace("name: Germany", "name: [")).unwrap();
    same(&cache);
    std::fs::write(root.join(DE), &de).unwrap();
    same(&cache);
}

#[test]
fn a_request_under_a_foreign_host_name_is_refused() {
    let srv = Server::start(Fixture::skeleton());
    let port = srv.port;
    for ok in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        assert_eq!(srv.get_as_host("/markets/de/", &ok), 200, "{ok}");
    }
    // A DNS-rebinding page: its own domain, resolved to 127.0.0.1.
    for bad in [
        format!("rebind.attacker.example:{port}"),
        format!("localhost.attacker.example:{port}"),
        "192.168.1.20".to_string(),
    ] {
        assert_eq!(srv.get_as_host("/markets/de/", &bad), 403, "{bad}");
        assert_eq!(srv.get_as_host("/playbook.json", &bad), 403, "{bad}");
        assert_eq!(srv.get_as_host("/__playbook/events", &bad), 403, "{bad}");
    }
}

#[test]
fn serving_on_every_address_warns_and_allowed_names_are_answered() {
    let srv = Server::start_with(
        Fixture::skeleton(),
        &["--host", "0.0.0.0", "--allow-host", "docs.intranet"],
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while !srv.log().contains("visible to every machine") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        srv.log()
            .contains("visible to every machine on your network"),
        "{}",
        srv.log()
    );
    assert_eq!(srv.get_as_host("/", "docs.intranet:80"), 200);
    assert_eq!(srv.get_as_host("/", "10.1.2.3"), 200);
    assert_eq!(srv.get_as_host("/", "attacker.example"), 403);
}

#[test]
fn serve_writes_nothing_to_disk() {
    let fixture = Fixture::skeleton();
    let before = crate::support::read_tree(fixture.root());
    let srv = Server::start(fixture);
    let rx = srv.events();
    // Everything that renders the whole site: pages, the search index, downloads.
    for path in [
        "/",
        "/markets/de/",
        "/fulltext/manifest.json",
        "/playbook.json",
        "/search/",
    ] {
        assert_eq!(srv.get(path).0, 200, "{path}");
    }
    let text = srv
        .read(DE)
        .replace("Our first EU market", "Our FIRST EU market");
    srv.save_atomically(DE, &text);
    wait_for(&rx, "reload");
    assert_eq!(srv.get("/fulltext/manifest.json").0, 200);
    let after = crate::support::read_tree(&srv.root);
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        changed,
        [&DE.to_string(), &DE.to_string()],
        "only the author's save changed a file"
    );
}

/// One browser-like client on a kept-alive connection: GET, read the
/// response by its length, again.
struct Client {
    port: u16,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    fn get(&mut self, path: &str) -> Result<(u16, Vec<u8>), String> {
        for _attempt in 0..2 {
            if self.conn.is_none() {
                let s = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
                s.set_read_timeout(Some(Duration::from_secs(60)))
                    .map_err(|e| e.to_string())?;
                self.conn = Some(BufReader::new(s));
            }
            let Some(conn) = self.conn.as_mut() else {
                continue;
            };
            let port = self.port;
            let sent = write!(
                conn.get_mut(),
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
            );
            match sent
                .map_err(|e| e.to_string())
                .and_then(|_| read_response(conn))
            {
                Ok(r) => return Ok(r),
                // The server closed a kept-alive connection: open another once.
                Err(_) if _attempt == 0 => self.conn = None,
                Err(e) => return Err(e),
            }
        }
        Err("no response".into())
    }
}

fn read_response(conn: &mut BufReader<TcpStream>) -> Result<(u16, Vec<u8>), String> {
    let mut status_line = String::new();
    if conn
        .read_line(&mut status_line)
        .map_err(|e| e.to_string())?
        == 0
    {
        return Err("closed".into());
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        conn.read_line(&mut line).map_err(|e| e.to_string())?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().map_err(|_| "bad length".to_string())?;
            }
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok((status, body))
}

#[test]
fn five_hundred_clients_while_fifty_saves_land_see_no_error_and_end_on_the_newest_site() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    const CLIENTS: usize = 500;
    const SAVES: usize = 50;
    let srv = Server::start(Fixture::skeleton());
    let good = srv.read(DE);
    assert!(good.contains("name: Germany"));
    let done = Arc::new(AtomicBool::new(false));
    let requests = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let slowest = Arc::new(Mutex::new(Duration::ZERO));
    let paths = [
        "/markets/de/",
        "/",
        "/markets/de/checklist/",
        "/theme/style.css",
        "/regulations/gdpr/",
    ];
    let newest = format!("Germany {SAVES}");
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let (done, requests, failures, slowest) = (
                done.clone(),
                requests.clone(),
                failures.clone(),
                slowest.clone(),
            );
            let port = srv.port;
            let newest = newest.clone();
            std::thread::spawn(move || {
                let mut c = Client { port, conn: None };
                let mut n = i;
                let record = |what: String| failures.lock().unwrap().push(what);
                while !done.load(Ordering::Relaxed) {
                    let path = paths[n % paths.len()];
                    n += 1;
                    let t = Instant::now();
                    match c.get(path) {
                        Ok((200, _)) => {}
                        Ok((status, _)) => record(format!("{path}: {status}")),
                        Err(e) => record(format!("{path}: {e}")),
                    }
                    let took = t.elapsed();
                    let mut s = slowest.lock().unwrap();
                    *s = (*s).max(took);
                    drop(s);
                    requests.fetch_add(1, Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(20));
                }
                // Every client ends on the newest good site.
                let deadline = Instant::now() + Duration::from_secs(60);
                loop {
                    match c.get("/markets/de/") {
                        Ok((200, body)) if String::from_utf8_lossy(&body).contains(&newest) => {
                            break
                        }
                        Ok((200, _)) if Instant::now() < deadline => {
                            std::thread::sleep(Duration::from_millis(50))
                        }
                        other => {
                            record(format!("final page: {:?}", other.map(|(s, _)| s)));
                            break;
                        }
                    }
                }
            })
        })
        .collect();
    let t = Instant::now();
    for i in 1..=SAVES {
        srv.save_atomically(
            DE,
            &good.replacen("name: Germany", &format!("name: Germany {i}"), 1),
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    let saving = t.elapsed();
    done.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().expect("client thread");
    }
    let failures = failures.lock().unwrap();
    eprintln!(
        "{CLIENTS} clients, {SAVES} saves in {saving:?}: {} requests, slowest {:?}, {} failures",
        requests.load(Ordering::Relaxed),
        slowest.lock().unwrap(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failed requests, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}

#[test]
fn the_language_editions_are_served_as_build_writes_them() {
    use sha2::{Digest, Sha256};
    let fx = Fixture::skeleton().replace(
        "book.toml",
        "description = ",
        "languages = [\"de\"]\ndescription = ",
    );
    let hash: String = Sha256::digest(fx.read(DE).as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let fx = fx.file(
        "content/i18n/de/markets/de.yaml",
        format!("source:\n  sha256: {hash}\n  translated: 2026-12-01\nentries:\n  market:de:\n    name: Deutschland\n"),
    );
    let srv = Server::start(fx);
    let (status, _, page) = srv.get("/de/markets/de/");
    assert_eq!(status, 200);
    assert!(page.contains(">Deutschland</h1>") && page.contains("<html lang=\"de\""));
    // Every file of a build, the German edition's included, is served as written.
    assert_served_site_is_a_fresh_build(&srv);
}

//! The harness: fixture playbooks in temporary folders, the real `playbook`
//! binary run on them, and readers for what it prints and writes.
//!
//! A test reads top to bottom as a specification:
//!
//! ```text
//! let run = Fixture::skeleton()
//!     .replace("content/markets/de.yaml", "region: eu", "regoin: eu")
//!     .build();
//! let e = run.only_error();
//! assert_eq!(e.place(), "content/markets/de.yaml:3:1");
//! ```
//!
//! * [`Fixture`] starts from the files `playbook init` writes
//!   (`playbook_site::skeleton::files()`), a tiny valid playbook, and lets a test
//!   overwrite, add or remove files. Edits that do not apply (text not found)
//!   panic, so a fixture can never silently stop testing what it claims to.
//! * [`Run`] is one finished run of the binary: exit code, stdout, stderr.
//!   Every run is checked for panics, so no test has to remember to.
//! * [`Diag`] is one diagnostic parsed back out of the rendered terminal text
//!   (`error: …`, ` --> file:line:col`, the source line, the caret, notes, help).
//! * [`read_tree`], [`assert_golden`]: whole-site snapshots and golden files.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test, built by Cargo for this test target.
pub const BIN: &str = env!("CARGO_BIN_EXE_playbook");

/// How long any single run may take before the test fails (a hang is a bug).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// A playbook in a temporary folder, deleted when the fixture is dropped.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// The playbook `playbook init` creates: valid, small, every kind present.
    ///
    /// Its facts the tests rely on: framework `launch`, component `compliance`,
    /// phase `foundation` (weeks [1, 2]), step `regulatory-mapping` with tasks
    /// `regulation-inventory` (owner `legal`) and `translate-the-privacy-notice`
    /// (owner `localization`, only for markets tagged `new-language`); markets
    /// `de` (tagged `new-language`, kickoff 2026-03-02) and `ie` (no tags,
    /// kickoff 2027-05-03); regulation `gdpr`; expert `ana-example`; research
    /// `launch-study`; chapter `first-market`, which references the step.
    pub fn skeleton() -> Fixture {
        let f = Fixture::empty();
        for (rel, text) in playbook_site::skeleton::files() {
            f.write(&rel, text.as_bytes());
        }
        f
    }

    /// An empty folder.
    pub fn empty() -> Fixture {
        Fixture {
            dir: tempfile::Builder::new()
                .prefix("playbook-it-")
                .tempdir()
                .expect("create a temporary folder"),
        }
    }

    /// Add or overwrite a file (parents are created).
    pub fn file(self, rel: &str, contents: impl AsRef<[u8]>) -> Fixture {
        self.write(rel, contents.as_ref());
        self
    }

    /// Replace the first occurrence of `from` with `to` in a file; panics if
    /// `from` is not there, so a stale fixture fails loudly.
    pub fn replace(self, rel: &str, from: &str, to: &str) -> Fixture {
        let text = self.read(rel);
        assert!(
            text.contains(from),
            "fixture edit does not apply: {rel} has no {from:?}\n--- {rel} ---\n{text}"
        );
        let new = text.replacen(from, to, 1);
        self.write(rel, new.as_bytes());
        self
    }

    /// Add text at the end of a file.
    pub fn append(self, rel: &str, more: &str) -> Fixture {
        let mut text = self.read(rel);
        text.push_str(more);
        self.write(rel, text.as_bytes());
        self
    }

    /// Delete a file.
    pub fn remove(self, rel: &str) -> Fixture {
        std::fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// Create a symbolic link at `rel` pointing at `target` (as written, e.g. `..`).
    pub fn symlink(self, rel: &str, target: &str) -> Fixture {
        std::os::unix::fs::symlink(target, self.path(rel))
            .unwrap_or_else(|e| panic!("symlink {rel} -> {target}: {e}"));
        self
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create fixture folder");
        }
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("write {rel}: {e}"));
    }

    /// The playbook's root folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the root.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// A file's text.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Run `playbook ARGS` with the playbook root as the working folder.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args, DEFAULT_TIMEOUT)
    }

    /// [`Fixture::run`] with these environment variables set.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        run_in_env(self.root(), args, env, DEFAULT_TIMEOUT)
    }

    /// `playbook build` (into the default `book/` under the root).
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// `playbook build --dest <a fresh temporary folder>`; the folder lives
    /// as long as the returned [`Built`].
    pub fn build_to_temp(&self, extra: &[&str]) -> Built {
        let out = tempfile::Builder::new()
            .prefix("playbook-site-")
            .tempdir()
            .expect("create an output folder");
        let dest = out.path().join("site");
        let mut args = vec!["build", "--dest", dest.to_str().expect("utf-8 temp path")];
        args.extend_from_slice(extra);
        let run = self.run(&args);
        Built {
            _out: out,
            dest,
            run,
        }
    }

    /// `playbook check`.
    pub fn check(&self) -> Run {
        self.run(&["check"])
    }
}

/// A build into a temporary `--dest`, kept alive with its output.
pub struct Built {
    _out: tempfile::TempDir,
    /// The site folder.
    pub dest: PathBuf,
    /// The finished run.
    pub run: Run,
}

impl Built {
    /// Asserts the build succeeded and returns the site folder.
    pub fn site(&self) -> &Path {
        self.run.assert_ok();
        &self.dest
    }

    /// A file of the built site, as text.
    pub fn page(&self, rel: &str) -> String {
        read_site_file(self.site(), rel)
    }
}

/// A site file as text, with a clear failure when it is missing.
pub fn read_site_file(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| {
        let have: Vec<String> = read_tree(site).into_keys().collect();
        panic!(
            "site has no readable {rel} ({e}); it has:\n  {}",
            have.join("\n  ")
        )
    })
}

/// Run the binary in `dir`; fails the test on a hang, a signal or a panic.
pub fn run_in(dir: &Path, args: &[&str], timeout: Duration) -> Run {
    run_in_env(dir, args, &[], timeout)
}

/// [`run_in`] with these environment variables set.
pub fn run_in_env(dir: &Path, args: &[&str], env: &[(&str, &str)], timeout: Duration) -> Run {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("PLAYBOOK_TIMINGS")
        .env_remove("PLAYBOOK_PROFILE")
        .env_remove("PLAYBOOK_NO_INDEX_CACHE")
        .env_remove("PLAYBOOK_NO_CACHE")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the playbook binary");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for playbook") {
            break s;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`playbook {}` did not finish within {timeout:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let run = Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: status
            .code()
            .unwrap_or_else(|| panic!("`playbook {}` was killed: {status}", args.join(" "))),
        stdout: String::from_utf8_lossy(&out.join().expect("stdout reader")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr reader")).into_owned(),
        elapsed: start.elapsed(),
    };
    run.assert_no_panic();
    run
}

/// One finished run of the binary.
pub struct Run {
    /// The arguments it was given.
    pub args: Vec<String>,
    /// Exit code: 0 ok, 1 content errors, 2 usage errors.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Wall-clock time.
    pub elapsed: Duration,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`playbook {}` exited {} after {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args.join(" "),
            self.code,
            self.elapsed,
            self.stdout,
            self.stderr
        )
    }
}

impl Run {
    /// A crash is never an acceptable answer to bad input.
    pub fn assert_no_panic(&self) {
        let err = self.stderr.to_lowercase();
        assert!(
            self.code != 101 && !err.contains("panicked") && !err.contains("backtrace"),
            "the binary panicked:\n{self}"
        );
    }

    /// Asserts the exit code.
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(self.code, code, "unexpected exit code:\n{self}");
        self
    }

    /// Asserts exit code 0.
    pub fn assert_ok(&self) -> &Run {
        self.assert_code(0)
    }

    /// Every diagnostic printed to standard error, in order.
    pub fn diagnostics(&self) -> Vec<Diag> {
        parse_diagnostics(&self.stderr)
    }

    /// The errors printed to standard error.
    pub fn errors(&self) -> Vec<Diag> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d.severity == "error")
            .collect()
    }

    /// The warnings printed to standard error.
    pub fn warnings(&self) -> Vec<Diag> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d.severity == "warning")
            .collect()
    }

    /// The closing count line, e.g. `2 errors, 0 warnings`.
    pub fn count_line(&self) -> Option<&str> {
        self.stderr.lines().find(|l| is_count_line(l))
    }

    /// Asserts a content failure (exit 1) with exactly one error, counted as
    /// such in the closing line, and returns it.
    pub fn only_error(&self) -> Diag {
        self.assert_code(1);
        let errors = self.errors();
        assert_eq!(errors.len(), 1, "expected exactly one error:\n{self}");
        let count = self.count_line().unwrap_or_default();
        assert!(
            count.starts_with("1 error,"),
            "count line {count:?}:\n{self}"
        );
        errors.into_iter().next().expect("one error")
    }
}

fn is_count_line(l: &str) -> bool {
    let mut parts = l.split(", ");
    let ok = |p: Option<&str>, word: &str| {
        p.and_then(|p| p.split_once(' '))
            .is_some_and(|(n, w)| n.parse::<usize>().is_ok() && w.trim_end_matches('s') == word)
    };
    ok(parts.next(), "error") && ok(parts.next(), "warning") && parts.next().is_none()
}

/// One diagnostic as a person sees it in the terminal.
#[derive(Debug, Clone, Default)]
pub struct Diag {
    /// `error` or `warning`.
    pub severity: String,
    /// The text after `error: `.
    pub message: String,
    /// The file named by ` --> `.
    pub file: Option<String>,
    /// Line named by ` --> ` (0 when there is no place).
    pub line: usize,
    /// Column named by ` --> ` (0 when there is no place).
    pub column: usize,
    /// The quoted source line under the place.
    pub source_line: Option<String>,
    /// Column where the carets start, and how many there are.
    pub caret: Option<(usize, usize)>,
    /// `= note: …` lines.
    pub notes: Vec<String>,
    /// The `= help: …` text.
    pub help: Option<String>,
    /// The block exactly as printed.
    pub raw: String,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Diag {
    /// `file:line:column`, as printed after ` --> `.
    pub fn place(&self) -> String {
        match &self.file {
            Some(file) => format!("{file}:{}:{}", self.line, self.column),
            None => String::new(),
        }
    }

    /// The help text ("" when there is none).
    pub fn help(&self) -> &str {
        self.help.as_deref().unwrap_or("")
    }

    /// The part of the source line the carets underline.
    pub fn underlined(&self) -> String {
        match (&self.source_line, self.caret) {
            (Some(src), Some((col, len))) => src.chars().skip(col - 1).take(len).collect(),
            _ => String::new(),
        }
    }

    /// The parts of a user's view of a located error: the file and line:col,
    /// the offending source line with a caret starting at the column, and a hint.
    pub fn assert_complete(&self) -> &Diag {
        assert!(self.file.is_some(), "no ` --> file:line:col`:\n{self}");
        assert!(self.line >= 1 && self.column >= 1, "no line:col:\n{self}");
        assert!(self.source_line.is_some(), "no source line:\n{self}");
        let (caret_col, _) = self.caret.unwrap_or_else(|| panic!("no caret:\n{self}"));
        assert_eq!(
            caret_col, self.column,
            "caret not under the column:\n{self}"
        );
        assert!(!self.help().trim().is_empty(), "no help hint:\n{self}");
        self
    }
}

/// Parse terminal diagnostics (the format of `playbook_content::diag`) back into parts.
pub fn parse_diagnostics(text: &str) -> Vec<Diag> {
    let mut out: Vec<Diag> = Vec::new();
    let mut cur: Option<Diag> = None;
    for line in text.lines() {
        let start = ["error: ", "warning: "]
            .iter()
            .find_map(|p| line.strip_prefix(p).map(|m| (p.trim_end_matches(": "), m)));
        if let Some((sev, msg)) = start {
            out.extend(cur.take());
            cur = Some(Diag {
                severity: sev.to_string(),
                message: msg.to_string(),
                raw: format!("{line}\n"),
                ..Diag::default()
            });
            continue;
        }
        let Some(d) = cur.as_mut() else { continue };
        if line.trim().is_empty() || is_count_line(line) {
            out.extend(cur.take());
            continue;
        }
        d.raw.push_str(line);
        d.raw.push('\n');
        let t = line.trim_start();
        if let Some(place) = t.strip_prefix("--> ") {
            let mut it = place.rsplitn(3, ':');
            let col = it.next().and_then(|c| c.parse().ok());
            let ln = it.next().and_then(|l| l.parse().ok());
            if let (Some(col), Some(ln), Some(file)) = (col, ln, it.next()) {
                d.file = Some(file.to_string());
                d.line = ln;
                d.column = col;
            }
        } else if let Some(n) = t.strip_prefix("= note: ") {
            d.notes.push(n.to_string());
        } else if let Some(h) = t.strip_prefix("= help: ") {
            d.help = Some(h.to_string());
        } else if let Some((num, src)) = line.split_once(" | ") {
            if num.trim().parse::<usize>().is_ok() && !num.trim().is_empty() {
                d.source_line = Some(src.to_string());
            } else if num.trim().is_empty() {
                let carets = src.trim_start();
                if !carets.is_empty() && carets.chars().all(|c| c == '^') {
                    d.caret = Some((src.len() - carets.len() + 1, carets.len()));
                }
            }
        }
    }
    out.extend(cur);
    out
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            let ft = e.file_type().expect("file type");
            if ft.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).expect("under base");
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&p).expect("read site file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Names of entries directly inside `dir`.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Compare `actual` with `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites it.
pub fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("golden folder")).expect("create golden");
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let hint = "if the change is intended, refresh the golden files with\n  UPDATE_GOLDEN=1 cargo test --test integration golden\nand review `git diff tests/golden/`";
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("no golden file {} ({e});\n{hint}", path.display()));
    if expected == actual {
        return;
    }
    panic!(
        "{} differs from the rendered output:\n{}\n{hint}",
        path.display(),
        first_difference(&expected, actual)
    );
}

/// A short, readable account of where two texts first differ.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let at = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    let changed = (0..e.len().max(a.len()))
        .filter(|&i| e.get(i) != a.get(i))
        .count();
    let mut s = format!(
        "first difference at line {} ({changed} line(s) differ; expected {} lines, got {}):\n",
        at + 1,
        e.len(),
        a.len()
    );
    let before = at.saturating_sub(2);
    for (i, line) in e.iter().enumerate().skip(before).take(at - before) {
        s.push_str(&format!("   {:>4} | {line}\n", i + 1));
    }
    for i in at..(at + 3).min(e.len().max(a.len())) {
        if e.get(i) == a.get(i) {
            s.push_str(&format!("   {:>4} | {}\n", i + 1, e[i]));
            continue;
        }
        if let Some(l) = e.get(i) {
            s.push_str(&format!(" - {:>4} | {l}\n", i + 1));
        }
        if let Some(l) = a.get(i) {
            s.push_str(&format!(" + {:>4} | {l}\n", i + 1));
        }
    }
    s
}

/// Every `href="…"` and `src="…"` value in an HTML page (entities decoded).
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=", "src="] {
        let mut from = 0;
        while let Some(i) = html[from..].find(attr) {
            let at = from + i;
            from = at + attr.len();
            let before = html[..at].chars().next_back();
            if !before.is_some_and(|c| c.is_whitespace()) {
                continue; // e.g. `data-href=`
            }
            let rest = &html[from..];
            let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = rest[1..].find(q) {
                out.push(decode_entities(&rest[1..1 + end]));
            }
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Problems with the links of a built site: root-absolute links outside
/// 404.html, and relative links that do not lead to a file of the site
/// (a link to a folder means its `index.html`). Empty when all is well.
pub fn broken_links(site: &Path) -> Vec<String> {
    let files = read_tree(site);
    let mut problems = Vec::new();
    for (page, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            if link.starts_with('#')
                || link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
            {
                continue;
            }
            if link.starts_with('/') {
                if page != "404.html" {
                    problems.push(format!("{page}: root-absolute link {link:?}"));
                }
                continue;
            }
            if link.split('/').next().is_some_and(|s| s.contains(':')) {
                problems.push(format!("{page}: link with an unexpected scheme {link:?}"));
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap_or("");
            if path.is_empty() {
                continue;
            }
            match resolve_relative(page, path) {
                Some(target) if files.contains_key(&target) => {}
                Some(target) => problems.push(format!("{page}: {link:?} → missing {target}")),
                None => problems.push(format!("{page}: {link:?} leaves the site")),
            }
        }
    }
    problems
}

/// Resolve a relative link from a page to a site path; folders mean index.html.
fn resolve_relative(page: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the page's own file name
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut target = parts.join("/");
    let is_dir = link.ends_with('/') || link == "." || link == ".." || link.ends_with("/.");
    let last = parts.last().copied().unwrap_or("");
    if is_dir || target.is_empty() || !last.contains('.') {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some(target)
}

#[test]
fn harness_parses_a_rendered_diagnostic() {
    let text = "error: broken reference `[[step:x]]`\n  --> content/a.md:11:16\n   |\n11 | Teams ran [[step:x]] first.\n   |           ^^^^^^^^^^\n   = note: also at content/b.md:1:1\n   = help: did you mean `y`?\n\n1 error, 0 warnings\n";
    let d = &parse_diagnostics(text)[0];
    assert_eq!(d.place(), "content/a.md:11:16");
    assert_eq!(
        d.source_line.as_deref(),
        Some("Teams ran [[step:x]] first.")
    );
    assert_eq!(d.caret, Some((11, 10)));
    assert_eq!(d.notes, ["also at content/b.md:1:1"]);
    assert_eq!(d.help(), "did you mean `y`?");
    assert!(is_count_line("1 error, 0 warnings"));
    assert!(is_count_line("2 errors, 1 warning"));
}

#[test]
fn harness_resolves_relative_links_like_a_browser() {
    assert_eq!(
        resolve_relative("a/b/index.html", "../c/").as_deref(),
        Some("a/c/index.html")
    );
    assert_eq!(
        resolve_relative("index.html", "./").as_deref(),
        Some("index.html")
    );
    assert_eq!(
        resolve_relative("a/index.html", "../theme/style.css").as_deref(),
        Some("theme/style.css")
    );
    assert_eq!(resolve_relative("index.html", "../x/"), None);
}

//! The fuzzing engine behind `cargo run --release --example fuzz` and the
//! short runs in `tests/it/fuzz.rs` (which include this file by path).
//!
//! Stable Rust only, no sanitizers: a mutation fuzzer over the real
//! playbook. For each input it
//!
//! 1. picks a file of the seed corpus (the playbook's own `content/` files
//!    and `book.toml`, plus inputs found interesting earlier) for the
//!    target's kind of file,
//! 2. mutates its bytes (flips, interesting tokens such as `[[`, `:`,
//!    `---`, tabs, deep nesting, huge numbers, invalid UTF-8, lines moved,
//!    ids swapped, chunks spliced from other corpus files; for `rules`, a
//!    generated `applies_to` rule in place of a real one),
//! 3. writes it over that file in a working copy of the playbook and runs
//!    the path a user's save goes through: [`playbook_plan::load_playbook_with`]
//!    (book.toml, the content walk, front matter, YAML, resolve with every
//!    validation, through serve's caches, and now and then without them),
//!    then renders the diagnostics (text and JSON) or, when the playbook
//!    resolves, the pages made from the changed file ([`OnDemand`]),
//! 4. puts the file back.
//!
//! Per target it also calls the parser directly where one exists:
//! `markdown` renders the body and scans its references even when the
//! front matter is broken; `rules` parses the generated rule and checks
//! that [`rules::applies`], [`rules::MarketIndex::select`], `reasons` and
//! `describe` agree on every market; `toml` parses the text with
//! [`Config::parse`].
//!
//! A panic is caught ([`std::panic::catch_unwind`]; a panic hook records
//! its message and place) and the input is saved under the crash folder. An
//! input whose diagnostics say something no input said before joins the
//! corpus (a cheap stand-in for coverage feedback). Everything is driven by
//! one seeded generator, so a seed names a sequence of inputs.
//!
//! The working copy lives in a temporary folder (in `/dev/shm` when there
//! is one); the binary writes files here, which `src/` leaves to
//! `output.rs`: this is a test tool, not part of the pipeline.

use playbook_content::config::Config;
use playbook_content::markdown::{self, LinkResolver};
use playbook_content::model::raw::{RawMarket, Rule};
use playbook_content::model::{EntityRef, Idx, Kind, Market, Playbook};
use playbook_content::rules::{self, MarketFacts, MarketIndex};
use playbook_content::yaml::{self, YamlSource};
use playbook_content::PipelineCache;
use playbook_site::render::on_demand::{OnDemand, Rendered};
use playbook_site::render::{RenderOptions, Templates};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What is fuzzed: which files are mutated, and which direct checks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// The YAML content files (`content/**/*.yaml`): load.rs + yaml.rs + resolve.
    Yaml,
    /// Markdown with front matter (`content/research`, `content/story`):
    /// the front-matter split, markdown.rs, the `[[kind:id]]` scanner.
    Markdown,
    /// `applies_to` rules: generated rules in the files that have them,
    /// through resolve and the rule engine (rules.rs).
    Rules,
    /// `book.toml`: config.rs, then the pages that show its values.
    Toml,
}

impl Target {
    /// Every target, in the order the command line lists them.
    pub(crate) const ALL: [Target; 4] =
        [Target::Yaml, Target::Markdown, Target::Rules, Target::Toml];

    /// The name used on the command line and in crash file names.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Target::Yaml => "yaml",
            Target::Markdown => "markdown",
            Target::Rules => "rules",
            Target::Toml => "toml",
        }
    }

    /// The target called `name`.
    pub(crate) fn parse(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    fn extension(self) -> &'static str {
        match self {
            Target::Yaml | Target::Rules => "yaml",
            Target::Markdown => "md",
            Target::Toml => "toml",
        }
    }
}

/// How long and from where to fuzz.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// What to fuzz.
    pub(crate) target: Target,
    /// The playbook whose files seed the corpus (book.toml + content/).
    pub(crate) root: PathBuf,
    /// Stop after this long.
    pub(crate) duration: Duration,
    /// Stop after this many inputs, if set (whichever comes first).
    pub(crate) max_inputs: Option<u64>,
    /// The generator's seed: the same seed tries the same inputs.
    pub(crate) seed: u64,
    /// Where crashing inputs (and the slowest input) are saved.
    pub(crate) out_dir: PathBuf,
    /// An input still running after this long is a hang: it is saved and
    /// the process exits with status 3 (a thread cannot be stopped).
    pub(crate) hang_after: Duration,
}

/// A panic the fuzzer caught.
#[derive(Debug, Clone)]
pub(crate) struct Crash {
    /// The panic's message and place.
    pub(crate) message: String,
    /// The file of the playbook the input replaced.
    pub(crate) replaced: String,
    /// Where the input was saved.
    pub(crate) saved: PathBuf,
}

/// What a run found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    /// Inputs tried.
    pub(crate) tried: u64,
    /// Inputs the playbook resolved with (the rest were rejected with diagnostics).
    pub(crate) resolved: u64,
    /// Distinct diagnostic messages seen (numbers and quoted ids blanked out).
    pub(crate) distinct_diagnostics: usize,
    /// Panics, with their inputs.
    pub(crate) crashes: Vec<Crash>,
    /// The slowest input's time, the file it replaced, its size, and where it was saved.
    pub(crate) slowest: Option<(Duration, String, usize, PathBuf)>,
    /// Wall time of the run.
    pub(crate) elapsed: Duration,
}

/// One input of the corpus: the file it replaces and its bytes.
#[derive(Clone)]
struct Entry {
    path: String,
    data: Vec<u8>,
}

/// SplitMix64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// Tokens every YAML-ish input gets inserted.
const YAML_TOKENS: &[&str] = &[
    ":",
    ": ",
    "- ",
    "---\n",
    "...\n",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ",",
    "? ",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!binary ",
    "!!map ",
    "!tag ",
    "%YAML 1.1\n",
    "|\n",
    ">-\n",
    "\"",
    "'",
    "#",
    "\n",
    "\r",
    "\r\n",
    "\u{feff}",
    "\0",
    "\\",
    "[[",
    "]]",
    "[[step:",
    "[[market:de]]",
    "applies_to: ",
    "id: ",
    "owner: ",
    "weeks: [",
    "months: [",
    "kickoff: ",
    "tags: [",
    "title: ",
    "regions: [",
    "except_markets: [",
    "ς",
    "σ",
    "ß",
    "🙂",
    "\u{301}",
    "\u{94d}",
    "\u{E000}",
    "  ",
    "    ",
];

/// Tokens for Markdown bodies and their references.
const MD_TOKENS: &[&str] = &[
    "[[",
    "]]",
    "|",
    "[[step:",
    "[[market:de]]",
    "[[market:de|",
    "[[regulation:gdpr|GDPR]]",
    "[[x:]]",
    "[[:y]]",
    "[[ step : a ]]",
    "[[market:de|[[market:fr]]]]",
    "```\n",
    "~~~\n",
    "`",
    "> [!NOTE]\n> ",
    "> [!WARNING]\n",
    "> ",
    "# ",
    "## ",
    "###### ",
    "####### ",
    "| a | b |\n|---|---|\n| c | d |\n",
    "[^1]",
    "[^1]: x\n",
    "[l](../markets/de.yaml)",
    "[l](./x.md)",
    "[l](/abs)",
    "[l](../../../../x)",
    "<script>",
    "<!--",
    "&#0;",
    "&#x110000;",
    "*",
    "**",
    "_",
    "~~",
    "- [ ] ",
    "- [x] ",
    "1. ",
    "***\n",
    "\\",
    "![i](x.png)",
    "<http://a>",
    "{#id}",
    "\u{E000}",
    "\u{200b}",
    "\t",
    "title: ",
    "\n---\n",
    "---\n",
    "```rust\nfn main() {}\n```\n",
    "```\u{E000}\n",
    "[a]: <b>\n",
    "$x$",
    "<b>",
    "\n\n",
];

/// Tokens for book.toml.
const TOML_TOKENS: &[&str] = &[
    "[book]\n",
    "[build]\n",
    "[[book]]\n",
    " = ",
    "=",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "\\u0000",
    "\\uD800",
    "inf",
    "nan",
    "-0",
    "0x7fffffffffffffff",
    "9223372036854775808",
    "1979-05-27T07:32:00Z",
    "{ a = 1 }",
    "[1, [2]]",
    "title",
    "base-url",
    "edit-url",
    "build-dir",
    "static-checklist-rows",
    "language",
    "authors",
    "description",
    "#",
    "\n",
    ".",
    "a.b.c",
    "{path}",
    "http://",
    "//",
    "../",
    "/",
    "https://x.example/{path}?a={path}",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\r\n",
    "\u{feff}",
    "🙂",
];

/// Scalars a YAML value may be replaced with.
const YAML_VALUES: &[&str] = &[
    "~",
    "null",
    "[]",
    "{}",
    "''",
    "\"\"",
    "-1",
    "0",
    "1",
    "-0",
    "99999999999999999999",
    "18446744073709551615",
    "4294967295",
    "2147483648",
    "1e400",
    "-1e400",
    ".nan",
    ".inf",
    "-.inf",
    "0.5",
    "2027-02-30",
    "2027-13-01",
    "0000-00-00",
    "9999-12-31",
    "-9999-01-01",
    "2027-03-01T00:00:00Z",
    "true",
    "yes",
    "no",
    "!!str",
    "&a x",
    "*a",
    "|",
    ">-",
    "[a, [b]]",
    "{a: b}",
    "\"\\u0000\"",
    "\"\\uD800\"",
    "ς",
    "🙂",
    "[[market:de]]",
    "\"[[\"",
    "x:y",
    "[0, 1, 2, 3]",
    "[99999999]",
    "[-5]",
    "[4294967296]",
    "[1, 1]",
    "[3, 1]",
    "de",
    "eu",
    "gdpr",
    "ops-lead",
];

/// Scalars a book.toml value may be replaced with.
const TOML_VALUES: &[&str] = &[
    "\"/\"",
    "\"\"",
    "\"//\"",
    "\"https://example.com/a b/\"",
    "0",
    "-1",
    "1",
    "18446744073709551615",
    "9223372036854775807",
    "\"{path}{path}\"",
    "\"../../\"",
    "\"\\u0000\"",
    "true",
    "[]",
    "{}",
    "1.5",
    "\"x\"",
    "[\"a\", 1]",
    "'''\nx\n'''",
    "\"{path\"",
    "\"}{\"",
    "\"http://[::1]:80/\"",
    "\"javascript:alert(1)\"",
    "\"\u{E000}\"",
];

const INVALID_UTF8: &[&[u8]] = &[
    &[0xff],
    &[0xc3],
    &[0xe2, 0x82],
    &[0xed, 0xa0, 0x80],
    &[0xf4, 0x90, 0x80, 0x80],
    &[0xc0, 0x80],
];

const NESTING: &[&str] = &[
    "[", "{", "{a: ", "- ", "> ", "*", "[[", "  ", "&a [", "[a, ",
];

/// Inputs grow no bigger than this (a deep nesting insert can make them large).
const MAX_INPUT: usize = 1 << 20;

/// The longest message kept from a panic, and whether this thread panicked
/// inside the fuzzed code (set by the hook).
static PANIC: Mutex<Option<String>> = Mutex::new(None);
/// One run at a time per process (the panic hook and its record are global).
static RUN: Mutex<()> = Mutex::new(());

/// The corpus and what a run needs besides it.
struct Fuzzer {
    target: Target,
    rng: Rng,
    work: tempfile::TempDir,
    /// File (relative to the root) → its original bytes.
    pristine: HashMap<String, Vec<u8>>,
    /// Every file of the seed playbook (for splicing), and the skeleton's.
    splice: Vec<Vec<u8>>,
    /// Inputs to mutate: the target's files, then interesting ones found.
    pool: Vec<Entry>,
    seeds: usize,
    /// Ids, keys and words of the corpus (for id swaps).
    dict: Vec<String>,
    /// Regions, market ids, regulations and tags of the seed playbook.
    facts: RuleFacts,
    seen: HashSet<String>,
    cache: PipelineCache,
    templates: Templates,
    base: Option<Playbook>,
    /// The seed's markets, for the rule engine's checks.
    markets: Vec<Arc<RawMarket>>,
    /// Where crashes and the slowest input go.
    out_dir: PathBuf,
}

#[derive(Default)]
struct RuleFacts {
    regions: Vec<String>,
    markets: Vec<String>,
    regulations: Vec<String>,
    tags: Vec<String>,
}

/// Fuzz `opts.target` and say what happened.
pub(crate) fn run(opts: &Options) -> Report {
    let _one = RUN.lock().unwrap_or_else(|e| e.into_inner());
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-text panic)".into());
        if let Ok(mut p) = PANIC.lock() {
            p.get_or_insert(format!("{msg}{place}"));
        }
    }));
    let report = Fuzzer::new(opts).run(opts);
    panic::set_hook(previous);
    report
}

impl Fuzzer {
    fn new(opts: &Options) -> Fuzzer {
        let shm = Path::new("/dev/shm");
        let work = if shm.is_dir() {
            tempfile::Builder::new()
                .prefix("playbook-fuzz")
                .tempdir_in(shm)
        } else {
            tempfile::Builder::new().prefix("playbook-fuzz").tempdir()
        }
        .expect("a temporary folder for the fuzzer's copy of the playbook");
        let mut pristine = HashMap::new();
        copy_playbook(&opts.root, work.path(), &mut pristine);
        let mut splice: Vec<Vec<u8>> = pristine.values().cloned().collect();
        splice.sort();
        for (_, text) in playbook_site::skeleton::files() {
            splice.push(text.as_bytes().to_vec());
        }
        let mut names: Vec<&String> = pristine.keys().collect();
        names.sort();
        let pool: Vec<Entry> = names
            .into_iter()
            .filter(|p| match opts.target {
                Target::Yaml => p.ends_with(".yaml"),
                Target::Markdown => p.ends_with(".md"),
                Target::Rules => p.ends_with(".yaml") && contains(&pristine[*p], b"applies_to:"),
                Target::Toml => p.as_str() == "book.toml",
            })
            .map(|p| Entry {
                path: p.clone(),
                data: pristine[p].clone(),
            })
            .collect();
        assert!(
            !pool.is_empty(),
            "no seed files for target {} under {}",
            opts.target.name(),
            opts.root.display()
        );
        let mut pool = pool;
        // The skeleton's book.toml is a second seed for the toml target.
        if opts.target == Target::Toml {
            for (rel, text) in playbook_site::skeleton::files() {
                if rel == "book.toml" {
                    pool.push(Entry {
                        path: "book.toml".into(),
                        data: text.as_bytes().to_vec(),
                    });
                }
            }
        }
        let seeds = pool.len();
        let mut dict: BTreeSet<String> = BTreeSet::new();
        for text in &splice {
            for w in String::from_utf8_lossy(text)
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            {
                if (2..=40).contains(&w.len()) {
                    dict.insert(w.to_string());
                }
            }
        }
        let base = playbook_plan::load_playbook(work.path()).ok();
        // The rule facts come from the parsed market files, so rules are
        // checked even when the seed playbook does not resolve.
        let raw = playbook_content::load::load_content(work.path()).0;
        let markets: Vec<Arc<RawMarket>> = raw
            .files::<RawMarket>()
            .map(|(m, _)| Arc::new(m.clone()))
            .collect();
        let mut facts = RuleFacts::default();
        let (mut regions, mut tags, mut regs) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for m in &markets {
            regions.insert(m.region.clone());
            tags.extend(m.tags.iter().cloned());
            regs.extend(m.regulations.iter().cloned());
            facts.markets.push(m.id.clone());
        }
        facts.regions = regions.into_iter().collect();
        facts.tags = tags.into_iter().collect();
        facts.regulations = regs.into_iter().collect();
        for v in [
            &mut facts.regions,
            &mut facts.markets,
            &mut facts.regulations,
            &mut facts.tags,
        ] {
            if v.is_empty() {
                v.push("x".into());
            }
        }
        let templates = Templates::load(work.path()).expect("the built-in templates load");
        std::fs::create_dir_all(&opts.out_dir).expect("the fuzzer's output folder");
        Fuzzer {
            target: opts.target,
            rng: Rng(opts.seed ^ 0x5e_ed0f_f022),
            work,
            pristine,
            splice,
            pool,
            seeds,
            dict: dict.into_iter().collect(),
            facts,
            seen: HashSet::new(),
            cache: PipelineCache::default(),
            templates,
            base,
            markets,
            out_dir: opts.out_dir.clone(),
        }
    }

    fn run(mut self, opts: &Options) -> Report {
        let start = Instant::now();
        let mut report = Report::default();
        let mut slowest: Option<(Duration, Entry)> = None;
        let current: Current = Default::default();
        watchdog(
            current.clone(),
            opts.hang_after,
            self.out_dir.clone(),
            self.target,
        );
        while start.elapsed() < opts.duration && opts.max_inputs.is_none_or(|m| report.tried < m) {
            let (input, rule) = self.make_input();
            let target = self.work.path().join(&input.path);
            std::fs::write(&target, &input.data).expect("write the input into the working copy");
            let use_cache = !self.rng.chance(16);
            if let Ok(mut p) = PANIC.lock() {
                *p = None;
            }
            let t0 = Instant::now();
            if let Ok(mut c) = current.lock() {
                *c = Some((t0, input.clone()));
            }
            let result = panic::catch_unwind(AssertUnwindSafe(|| {
                self.exercise(&input, rule.as_deref(), use_cache)
            }));
            let dt = t0.elapsed();
            if let Ok(mut c) = current.lock() {
                *c = None;
            }
            std::fs::write(&target, &self.pristine[&input.path]).expect("restore the working copy");
            report.tried += 1;
            match result {
                Ok(outcome) => {
                    report.resolved += u64::from(outcome.resolved);
                    let novel: Vec<String> = outcome
                        .signatures
                        .into_iter()
                        .filter(|s| self.seen.insert(s.clone()))
                        .collect();
                    // Rules keep to valid files, so their rules reach the engine.
                    let keep = match self.target {
                        Target::Rules => outcome.resolved && !novel.is_empty(),
                        _ => !novel.is_empty() || (outcome.resolved && self.rng.chance(8)),
                    };
                    if keep && input.data.len() < 256 * 1024 {
                        self.remember(input.clone());
                    }
                }
                Err(_) => {
                    let message = PANIC
                        .lock()
                        .ok()
                        .and_then(|p| p.clone())
                        .unwrap_or_else(|| "(no message)".into());
                    // A fresh cache: the panic may have left it half-updated.
                    self.cache = PipelineCache::default();
                    let n = report.crashes.len();
                    let saved = self.save(&format!("crash-{n}"), &input, &message);
                    report.crashes.push(Crash {
                        message,
                        replaced: input.path.clone(),
                        saved,
                    });
                }
            }
            if slowest.as_ref().is_none_or(|(t, _)| dt > *t) {
                slowest = Some((dt, input));
            }
        }
        report.elapsed = start.elapsed();
        report.distinct_diagnostics = self.seen.len();
        if let Some((t, e)) = slowest {
            let saved = self.save("slowest", &e, &format!("{t:?}"));
            report.slowest = Some((t, e.path.clone(), e.data.len(), saved));
        }
        report
    }

    /// Keep an interesting input for later mutation (the pool stays bounded).
    fn remember(&mut self, e: Entry) {
        const MAX_POOL: usize = 4000;
        if self.pool.len() < MAX_POOL {
            self.pool.push(e);
        } else {
            let i = self.seeds + self.rng.below(MAX_POOL - self.seeds);
            self.pool[i] = e;
        }
    }

    /// Save an input (and a note saying what it replaced and why it was kept).
    fn save(&self, name: &str, e: &Entry, note: &str) -> PathBuf {
        let stem = format!("{}-{name}", self.target.name());
        let path = self
            .out_dir
            .join(format!("{stem}.{}", self.target.extension()));
        let _ = std::fs::write(&path, &e.data);
        let _ = std::fs::write(
            self.out_dir.join(format!("{stem}.txt")),
            format!("replaces: {}\nseed: see the command line\n{note}\n", e.path),
        );
        path
    }

    /// Pick an input from the pool and mutate it; for `rules`, also the
    /// generated rule's YAML when the input has one.
    fn make_input(&mut self) -> (Entry, Option<String>) {
        let mut e = self.rng.pick(&self.pool).clone();
        let mut rule = None;
        if self.target == Target::Rules {
            let r = self.gen_rule();
            if let Some(d) = replace_rule(&e.data, &r, &mut self.rng) {
                e.data = d;
                rule = Some(r);
            }
            if self.rng.chance(3) {
                let n = 1 + self.rng.below(2);
                for _ in 0..n {
                    self.mutate(&mut e.data);
                }
            }
        } else {
            let n = 1 + self.rng.below(4);
            for _ in 0..n {
                self.mutate(&mut e.data);
            }
        }
        e.data.truncate(MAX_INPUT);
        (e, rule)
    }

    /// One mutation of `d`.
    fn mutate(&mut self, d: &mut Vec<u8>) {
        let tokens = match self.target {
            Target::Yaml | Target::Rules => YAML_TOKENS,
            Target::Markdown if self.rng.chance(4) => YAML_TOKENS,
            Target::Markdown => MD_TOKENS,
            Target::Toml => TOML_TOKENS,
        };
        let values = match self.target {
            Target::Toml => TOML_VALUES,
            _ => YAML_VALUES,
        };
        let rng = &mut self.rng;
        let at = |rng: &mut Rng, d: &Vec<u8>| rng.below(d.len() + 1);
        match rng.below(14) {
            0 if !d.is_empty() => {
                let i = rng.below(d.len());
                d[i] ^= 1 << rng.below(8);
            }
            1 if !d.is_empty() => {
                let i = rng.below(d.len());
                d[i] = *rng.pick(b"\0\xff\n :-[]{}\"'#\t\r|>&*!%@`\\,?");
            }
            2 | 3 => {
                let t = *rng.pick(tokens);
                let i = at(rng, d);
                d.splice(i..i, t.bytes());
            }
            4 if !d.is_empty() => {
                let i = rng.below(d.len());
                let most = if rng.chance(4) { 400 } else { 16 };
                let n = 1 + rng.below(most);
                d.drain(i..(i + n).min(d.len()));
            }
            5 if !d.is_empty() => {
                let i = rng.below(d.len());
                let n = 1 + rng.below(64.min(d.len() - i));
                let chunk = d[i..i + n].to_vec();
                let j = at(rng, d);
                d.splice(j..j, chunk);
            }
            6 => {
                // A chunk of another file, at a line start half the time.
                let other = &self.splice[rng.below(self.splice.len())];
                if !other.is_empty() {
                    let (mut i, mut j) = (rng.below(other.len()), 0);
                    if rng.chance(2) {
                        i = line_start(other, i);
                        j = line_start(other, (i + 1 + rng.below(800)).min(other.len()));
                    }
                    let j = if j > i {
                        j
                    } else {
                        (i + 1 + rng.below(200)).min(other.len())
                    };
                    let chunk = other[i..j].to_vec();
                    let k = if rng.chance(2) {
                        line_start(d, at(rng, d))
                    } else {
                        at(rng, d)
                    };
                    if rng.chance(3) && k < d.len() {
                        let end = (k + chunk.len()).min(d.len());
                        d.splice(k..end, chunk);
                    } else {
                        d.splice(k..k, chunk);
                    }
                }
            }
            7 => {
                // An id or key swapped for another word of the corpus.
                if let Some((s, e)) = word_at(d, rng.below(d.len() + 1)) {
                    let w = rng.pick(&self.dict).clone();
                    d.splice(s..e, w.bytes());
                }
            }
            8 => {
                // Deep nesting.
                let t = *rng.pick(NESTING);
                let most = if rng.chance(4) { 20_000 } else { 300 };
                let n = 10 + rng.below(most);
                let i = at(rng, d);
                if rng.chance(3) {
                    // Nested block mappings, each line indented one more.
                    let mut s = String::from("\n");
                    for k in 0..n.min(2000) {
                        s.push_str(&" ".repeat(k));
                        s.push_str("k:\n");
                    }
                    d.splice(i..i, s.bytes());
                } else {
                    d.splice(i..i, t.repeat(n).bytes());
                }
            }
            9 => {
                let s = match rng.below(5) {
                    0 => "9".repeat(1 + rng.below(400)),
                    1 => format!("1e{}", rng.below(100_000)),
                    2 => "-9223372036854775809".into(),
                    3 => format!("{}", u64::MAX - rng.below(3) as u64),
                    _ => format!("0.{}1", "0".repeat(rng.below(500))),
                };
                // In place of a number when there is one near.
                let i = at(rng, d);
                match (i..d.len().min(i + 200)).find(|&k| d[k].is_ascii_digit()) {
                    Some(k) => {
                        let e = (k..d.len())
                            .find(|&m| !d[m].is_ascii_digit())
                            .unwrap_or(d.len());
                        d.splice(k..e, s.bytes());
                    }
                    None => {
                        d.splice(i..i, s.bytes());
                    }
                }
            }
            10 => {
                let mut lines: Vec<Vec<u8>> =
                    d.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    match rng.below(4) {
                        0 => lines.swap(a, b),
                        1 => {
                            let l = lines[a].clone();
                            lines.insert(b, l);
                        }
                        2 => {
                            lines.remove(a);
                        }
                        _ => {
                            let l = &mut lines[a];
                            if rng.chance(2) {
                                let n = rng.below(6);
                                l.splice(0..0, std::iter::repeat_n(b' ', n));
                            } else {
                                let n = l
                                    .iter()
                                    .take_while(|&&c| c == b' ')
                                    .count()
                                    .min(1 + rng.below(4));
                                l.drain(..n);
                            }
                        }
                    }
                    *d = lines.join(&b'\n');
                }
            }
            11 => {
                let bad = *rng.pick(INVALID_UTF8);
                let i = at(rng, d);
                d.splice(i..i, bad.iter().copied());
            }
            12 if !d.is_empty() && rng.chance(3) => {
                d.truncate(rng.below(d.len()));
            }
            _ => {
                // A value after `: ` (or ` = `) on some line replaced.
                let v = *rng.pick(values);
                let sep: &[u8] = if self.target == Target::Toml {
                    b" = "
                } else {
                    b": "
                };
                let from = at(rng, d);
                if let Some(k) = find(&d[from..], sep).map(|k| from + k + sep.len()) {
                    let e = d[k..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(d.len(), |p| k + p);
                    d.splice(k..e, v.bytes());
                } else {
                    let i = at(rng, d);
                    d.splice(i..i, v.bytes());
                }
            }
        }
    }

    /// A random `applies_to` rule as YAML (flow style, one line), mostly
    /// well formed and naming real regions, markets, regulations and tags.
    fn gen_rule(&mut self) -> String {
        let rng = &mut self.rng;
        match rng.below(40) {
            0 => return "~".into(),
            1 => return "[]".into(),
            2 => return "all".into(),
            3 => return "{}".into(),
            _ => {}
        }
        let keys: [(&str, &Vec<String>); 5] = [
            ("regions", &self.facts.regions),
            ("markets", &self.facts.markets),
            ("regulations", &self.facts.regulations),
            ("tags", &self.facts.tags),
            ("except_markets", &self.facts.markets),
        ];
        let mut parts = Vec::new();
        for (key, values) in keys {
            if !rng.chance(2) {
                continue;
            }
            let key = if rng.chance(30) {
                *rng.pick(&[
                    "region",
                    "market",
                    "Tags",
                    "exclude",
                    "except-markets",
                    "tags ",
                    "",
                ])
            } else {
                key
            };
            let mut vs = Vec::new();
            for _ in 0..rng.below(5) {
                let v = if rng.chance(12) {
                    rng.pick(&[
                        "\"\"",
                        "'*'",
                        "7",
                        "~",
                        "[a]",
                        "{a: b}",
                        "DE",
                        "' de '",
                        "ς",
                        "🙂",
                        "[[market:de]]",
                        "\"a,b\"",
                        "-1",
                        "true",
                    ])
                    .to_string()
                } else if rng.chance(8) {
                    // Another key's values (a market id as a tag, …).
                    let all = [
                        &self.facts.regions,
                        &self.facts.markets,
                        &self.facts.regulations,
                        &self.facts.tags,
                    ];
                    let list = all[rng.below(all.len())];
                    rng.pick(list).clone()
                } else {
                    rng.pick(values).clone()
                };
                vs.push(v);
            }
            if rng.chance(20) {
                parts.push(format!(
                    "{key}: {}",
                    vs.first().cloned().unwrap_or_default()
                ));
            } else {
                parts.push(format!("{key}: [{}]", vs.join(", ")));
            }
        }
        format!("{{{}}}", parts.join(", "))
    }

    /// Run the input through the path a save takes, and the target's direct checks.
    fn exercise(&self, input: &Entry, rule: Option<&str>, use_cache: bool) -> Outcome {
        let root = self.work.path();
        let mut out = Outcome::default();
        let loaded = playbook_plan::load_playbook_with(root, use_cache.then_some(&self.cache));
        match &loaded {
            Ok(pb) => {
                out.resolved = true;
                out.signatures.push("(resolved)".into());
                for w in &pb.warnings {
                    out.signatures.push(signature(&w.message));
                }
                self.render_pages_of(pb, &input.path);
            }
            Err(d) => {
                out.signatures
                    .extend(d.0.iter().map(|x| signature(&x.message)));
                let _ = d.render_text();
                let _ = d.render_json();
            }
        }
        let text = String::from_utf8_lossy(&input.data);
        match self.target {
            Target::Markdown => {
                let body = match playbook_content::load::split_front_matter(&text) {
                    Ok((_, _, b)) => &text[b..],
                    Err(_) => &text[..],
                };
                let _ = markdown::scan_refs(body);
                playbook_site::search::words::for_each_word(body, |_| {});
                let pb = loaded.as_ref().ok().or(self.base.as_ref());
                match pb {
                    Some(pb) => {
                        let links = playbook_site::render::context::Links::new(pb);
                        let _ = markdown::render(
                            body,
                            &links,
                            &input.path,
                            &markdown::Words::default(),
                        );
                        let _ = markdown::render_inline(
                            body,
                            &links,
                            &input.path,
                            &markdown::Words::default(),
                        );
                    }
                    None => {
                        let _ = markdown::render(
                            body,
                            &Anything,
                            &input.path,
                            &markdown::Words::default(),
                        );
                    }
                }
            }
            Target::Rules => {
                if let Some(rule) = rule {
                    self.check_rule(rule);
                }
            }
            Target::Toml => {
                if let Ok(c) = Config::parse(&text) {
                    let _ = playbook_content::config::normalize_base_url(&c.build.base_url);
                }
            }
            Target::Yaml => {}
        }
        out
    }

    /// The rule engine's answers agree: `applies` = `MarketIndex::select`,
    /// and a market a rule selects has reasons exactly when the rule says anything.
    fn check_rule(&self, rule_yaml: &str) {
        let Ok(rule) = yaml::parse::<Rule>(
            rule_yaml,
            YamlSource {
                file: "rule.yaml",
                full_text: rule_yaml,
                start: 0,
            },
        ) else {
            return;
        };
        let facts: Vec<MarketFacts> = self
            .markets
            .iter()
            .map(|m| MarketFacts {
                id: &m.id,
                region: &m.region,
                regulations: &m.regulations,
                tags: &m.tags,
            })
            .collect();
        let index = MarketIndex::new(&facts);
        let selected = index.select(Some(&rule));
        let by_one: Vec<Idx<Market>> = (0..facts.len())
            .filter(|&i| rules::applies(Some(&rule), facts[i]))
            .map(Idx::new)
            .collect();
        assert_eq!(
            selected, by_one,
            "MarketIndex::select and applies disagree on {rule:?}"
        );
        let _ = rules::describe(&rule);
        for f in &facts {
            let _ = rules::reasons(Some(&rule), *f);
        }
    }

    /// Render the pages the changed file makes (the home page, 404 and the
    /// sitemap for book.toml; a market's pages and checklist for a market).
    fn render_pages_of(&self, pb: &Playbook, rel: &str) {
        let Some(file) = pb.sources.position(|s| s.path == rel) else {
            return;
        };
        let opts = RenderOptions {
            skip_full_text_index: true,
            ..Default::default()
        };
        let site = OnDemand::new(pb, &self.templates, &opts);
        let mut prefixes: Vec<String> = Vec::new();
        if rel == "book.toml" {
            prefixes.extend(["index.html", "404.html", "sitemap.xml"].map(String::from));
            if let Some(m) = pb.markets.first() {
                prefixes.push(format!("markets/{}/", m.id));
            }
        }
        let kinds = [
            (Kind::Framework, pb.frameworks.len()),
            (Kind::Component, pb.components.len()),
            (Kind::Step, pb.steps.len()),
            (Kind::Market, pb.markets.len()),
            (Kind::Regulation, pb.regulations.len()),
            (Kind::Expert, pb.experts.len()),
            (Kind::Research, pb.research.len()),
            (Kind::Chapter, pb.chapters.len()),
        ];
        for (kind, n) in kinds {
            for idx in 0..n {
                let e = EntityRef { kind, idx };
                if pb.file_of(e) == file && prefixes.len() < 6 {
                    prefixes.push(pb.url(e));
                }
            }
        }
        let paths =
            playbook_site::render::pages::SiteBuilder::new(pb, &self.templates).path_index();
        let mut wanted: Vec<&String> = paths
            .keys()
            .filter(|p| prefixes.iter().any(|x| p.starts_with(x.as_str())))
            .collect();
        wanted.sort();
        for p in wanted.into_iter().take(8) {
            match site.render(p) {
                Ok(Rendered::Files(_)) | Ok(Rendered::NeedsWholeSite) => {}
                Err(d) => {
                    let _ = d.render_text();
                }
            }
        }
    }
}

/// What one input did: whether the playbook resolved, and its diagnostics' signatures.
#[derive(Default)]
struct Outcome {
    resolved: bool,
    signatures: Vec<String>,
}

/// A link resolver that finds everything (when the seed playbook does not load).
struct Anything;

impl LinkResolver for Anything {
    fn resolve_ref(&self, kind: &str, id: &str) -> Option<(String, String)> {
        Some((format!("{kind}/{id}/"), id.to_string()))
    }
    fn resolve_path(&self, _from_file: &str, dest: &str) -> Option<String> {
        Some(dest.to_string())
    }
}

/// Save an input as `<out_dir>/<target>-<name>.<ext>`, with a note beside
/// it (`.txt`) saying which file it replaces and why it was kept.
fn save(out_dir: &Path, target: Target, name: &str, e: &Entry, note: &str) -> PathBuf {
    let stem = format!("{}-{name}", target.name());
    let path = out_dir.join(format!("{stem}.{}", target.extension()));
    let _ = std::fs::write(&path, &e.data);
    let _ = std::fs::write(
        out_dir.join(format!("{stem}.txt")),
        format!("replaces: {}\n{note}\n", e.path),
    );
    path
}

/// The input being tried and since when, for the hang watchdog.
type Current = Arc<Mutex<Option<(Instant, Entry)>>>;

/// Watch `current`: an input running longer than `limit` is saved and the
/// process exits (status 3). Ends when `current`'s last other owner is gone.
// The hang is said on stderr: the process exits before anyone could print it.
#[allow(clippy::print_stderr)]
fn watchdog(current: Current, limit: Duration, out_dir: PathBuf, target: Target) {
    std::thread::spawn(move || {
        while Arc::strong_count(&current) > 1 {
            std::thread::sleep(Duration::from_millis(100));
            let Ok(cur) = current.lock() else { return };
            if let Some((t0, e)) = cur.as_ref().filter(|(t0, _)| t0.elapsed() > limit) {
                let note = format!("HANG: still running after {:?}", t0.elapsed());
                let saved = save(&out_dir, target, "hang", e, &note);
                eprintln!(
                    "{}: HANG: an input in place of {} ran longer than {limit:?}; saved as {}",
                    target.name(),
                    e.path,
                    saved.display()
                );
                std::process::exit(3);
            }
        }
    });
}

/// A diagnostic message with what varies per input (quoted text, numbers) blanked out.
fn signature(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' => {
                quoted = !quoted;
                out.push('`');
            }
            _ if quoted => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
    }
    out.chars().take(80).collect()
}

/// Copy `book.toml` and `content/` of `from` into `to`, noting each file's bytes.
fn copy_playbook(from: &Path, to: &Path, pristine: &mut HashMap<String, Vec<u8>>) {
    fn walk(root: &Path, dir: &Path, to: &Path, out: &mut HashMap<String, Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            let rel = p.strip_prefix(root).expect("below the root");
            if p.is_dir() {
                std::fs::create_dir_all(to.join(rel)).expect("copy a folder");
                walk(root, &p, to, out);
            } else if let Ok(bytes) = std::fs::read(&p) {
                std::fs::write(to.join(rel), &bytes).expect("copy a file");
                out.insert(rel.to_string_lossy().replace('\\', "/"), bytes);
            }
        }
    }
    let toml = std::fs::read(from.join("book.toml")).expect("the seed playbook's book.toml");
    std::fs::write(to.join("book.toml"), &toml).expect("copy book.toml");
    pristine.insert("book.toml".into(), toml);
    std::fs::create_dir_all(to.join("content")).expect("copy content/");
    walk(from, &from.join("content"), to, pristine);
}

/// Replace the value of an `applies_to:` key in `d` with `rule` (flow
/// style, on the key's line; the block below the key, if any, goes).
fn replace_rule(d: &[u8], rule: &str, rng: &mut Rng) -> Option<Vec<u8>> {
    let key = b"applies_to:";
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some(k) = find(&d[from..], key) {
        hits.push(from + k);
        from += k + key.len();
    }
    if hits.is_empty() {
        return None;
    }
    let k = hits[rng.below(hits.len())];
    let start = line_start(d, k);
    let indent = k - start;
    let value_at = k + key.len();
    let line_end = d[value_at..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(d.len(), |p| value_at + p);
    // The block under the key: following lines indented deeper than it.
    let mut end = line_end;
    while end < d.len() {
        let next = end + 1;
        let next_end = d[next..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(d.len(), |p| next + p);
        let line = &d[next..next_end];
        let ind = line.iter().take_while(|&&c| c == b' ').count();
        if line.iter().all(|&c| c == b' ' || c == b'\r') || ind > indent {
            end = next_end;
        } else {
            break;
        }
    }
    let mut out = d[..value_at].to_vec();
    out.push(b' ');
    out.extend_from_slice(rule.as_bytes());
    out.extend_from_slice(&d[end..]);
    Some(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

fn line_start(d: &[u8], i: usize) -> usize {
    d[..i.min(d.len())]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1)
}

/// The word (ASCII letters, digits, `-`, `_`) at or after `i`, as a byte range.
fn word_at(d: &[u8], i: usize) -> Option<(usize, usize)> {
    let is_w = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    let s = (i..d.len()).find(|&k| is_w(d[k]))?;
    let e = (s..d.len()).find(|&k| !is_w(d[k])).unwrap_or(d.len());
    Some((s, e))
}

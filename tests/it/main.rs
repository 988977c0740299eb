//! Integration tests: build fixture playbooks and run the real `playbook` binary.
//!
//! One test binary (`cargo test --test integration`), one module per area:
//!
//! * `errors`    — bad input: every class of mistake is reported with its
//!   file, line:col, source line and a hint, exit 1, never a panic.
//! * `build`     — what a build writes: pages, machine-readable files,
//!   atomic replacement, reproducibility, base URL, links, backlinks,
//!   odd-but-legal input, and a golden step page.
//! * `cli`       — commands, flags, help, exit codes, `init`, `check`.
//! * `checklist` — `playbook checklist` in every format, and PDF printing.
//! * `external_links` — `check --external` against a local HTTP server:
//!   broken links with their places, HEAD → GET, redirects, timeouts, the
//!   day-long cache, and no request from an ordinary check or build.
//! * `learning`  — the story's learning path: levels on the story index and
//!   chapters, a self-assessment per level, the portfolio, and its errors.
//! * `provenance` — "last changed" and the version from git (a repository
//!   with two commits), byte-identical builds, a build outside git.
//! * `regulations` — a regulation's sources, key dates and watch list on its
//!   page and in `playbook.json`; a wrong source id, a late `checked` day.
//! * `editions` — `[book] languages`: the site under `<lang>/`, translated
//!   texts and words, the switcher, hreflang, notes on untranslated pages.
//! * `translations` — `content/i18n/<lang>/`: unknown keys and fields, a
//!   key of another file, staleness, the per-language counts of `check`.
//! * `pseudo`    — a pseudo-language edition (every message of the string
//!   table transformed): no page of it shows an English interface word.
//! * `scaffold`  — `playbook new`: every kind builds at once, existing ids and
//!   unknown parents are refused, edited files keep their comments.
//! * `schema`    — `playbook schema` and init's schemas: every file of the
//!   real and a new playbook valid against them (the `jsonschema` crate),
//!   bad files refused by both schema and check, committed schemas fresh.
//! * `serve`     — the dev server: reload and error events, last good site,
//!   traversal, 404, ports, editor saves.
//! * `trust`     — no command loses a user's file; killed builds, a full
//!   disk, a hung PDF printer, several failed checklists.
//! * `support`   — the harness (fixtures, runs, diagnostic parser, golden files).
//!
//! See tests/README.md.

// Tests create fixtures and golden files; the "only output.rs writes" rule is for src/.
#![allow(clippy::disallowed_methods)]
// The harness's helpers are `pub` inside private modules, and it prints
// what a failing test needs to be understood.
#![allow(unreachable_pub, clippy::print_stdout, clippy::print_stderr)]

mod architecture;
mod build;
mod checklist;
mod cli;
mod company;
mod csv_injection;
mod editions;
mod errors;
mod external_links;
mod fuzz;
mod incremental;
mod learning;
mod progress;
mod provenance;
mod pseudo;
mod regulations;
mod scaffold;
mod schedule;
mod schema;
mod serve;
mod support;
mod templates_doc;
mod theme;
mod tokenizer;
mod translations;
mod trust;

//! A small playbook in memory for the rules' unit tests: a few files as
//! text, each test changing one, parsed as `load` would and resolved.
//! The crates above use it through the `testing` feature (their
//! dev-dependencies only).
#![allow(missing_docs, clippy::new_without_default)]

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::load::{LoadedFramework, RawContent};
use crate::model::kinds::files::{FileKind, FILES, FRAMEWORK};
use crate::model::{Playbook, SourceFile};
use crate::yaml::{self, YamlSource};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// The component every test starts from (lines counted in the tests).
pub const COMPONENT: &str = "\
id: comp
title: C
summary: s
phases:
  - id: p1
    title: P1
    weeks: [1, 2]
    steps:
      - id: kyc
        title: Know your customer
        activities:
          - title: Checks
            tasks:
              - title: Verify identity
                owner: legal
                applies_to:
                  regions: [eu]
";

/// Its path.
pub const COMPONENT_PATH: &str = "content/frameworks/fw/comp.yaml";

/// A playbook as files: path → text, in load's order.
pub struct Input {
    files: Vec<(String, String)>,
    /// `book.toml`.
    book: String,
    /// The schedule's checks, when a test gives them (`playbook-plan`'s).
    scheduler: Option<super::Scheduler>,
}

impl Input {
    /// Roles, one framework with one component, a market and a regulation.
    pub fn new() -> Input {
        let files = [
            (
                "content/roles.yaml",
                "roles:\n  - id: legal\n    title: Legal\n  - id: ops\n    title: Ops\n",
            ),
            (
                "content/frameworks/fw/framework.yaml",
                "id: fw\ntitle: F\nsummary: s\ncomponents: [comp]\n",
            ),
            (COMPONENT_PATH, COMPONENT),
            (
                "content/markets/de.yaml",
                "id: de\nname: Germany\nregion: eu\nregulations: [gdpr]\ntags: [data-residency]\nkickoff: 2027-03-01\nteam:\n  legal: Anna\n",
            ),
            (
                "content/regulations/gdpr.yaml",
                "id: gdpr\nname: GDPR\njurisdiction: EU\nsummary: s\n",
            ),
        ];
        Input {
            files: files
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
            book: "[book]\ntitle = \"T\"\n".to_string(),
            scheduler: None,
        }
    }

    /// Check the schedule with `scheduler` when resolving.
    pub fn scheduler(mut self, scheduler: super::Scheduler) -> Input {
        self.scheduler = Some(scheduler);
        self
    }

    /// Add a file, or replace the file at `path`.
    pub fn file(mut self, path: &str, text: &str) -> Input {
        match self.files.iter_mut().find(|(p, _)| p == path) {
            Some(f) => f.1 = text.to_string(),
            None => self.files.push((path.to_string(), text.to_string())),
        }
        self
    }

    /// Replace `from` with `to` in the file at `path` (which must contain it).
    pub fn replace(mut self, path: &str, from: &str, to: &str) -> Input {
        let f = self.files.iter_mut().find(|(p, _)| p == path).expect(path);
        assert!(f.1.contains(from), "{path} has no {from:?}");
        f.1 = f.1.replacen(from, to, 1);
        self
    }

    /// Replace `from` with `to` in the component.
    pub fn component(self, from: &str, to: &str) -> Input {
        self.replace(COMPONENT_PATH, from, to)
    }

    /// Append YAML to the component (more steps of its first phase, when
    /// indented as a step).
    pub fn step_yaml(mut self, yaml: &str) -> Input {
        let f = self.files.iter_mut().find(|(p, _)| p == COMPONENT_PATH);
        f.expect("component").1.push_str(yaml);
        self
    }

    /// Replace `book.toml`.
    pub fn book(mut self, text: &str) -> Input {
        self.book = text.to_string();
        self
    }

    /// Replace the roles file.
    pub fn roles(self, text: &str) -> Input {
        self.file("content/roles.yaml", text)
    }

    /// Add a regulation file (`content/regulations/rN.yaml`).
    pub fn regulation(self, text: &str) -> Input {
        let n = self.count("content/regulations/r") + 1;
        self.file(&format!("content/regulations/r{n}.yaml"), text)
    }

    /// Add a market file (`content/markets/mN.yaml`).
    pub fn market(self, text: &str) -> Input {
        let n = self.count("content/markets/m") + 1;
        self.file(&format!("content/markets/m{n}.yaml"), text)
    }

    fn count(&self, prefix: &str) -> usize {
        self.files
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .count()
    }

    /// The files parsed into the raw model, as `load` would (files in
    /// folder order, a framework's listed files after it).
    pub fn raw(&self) -> RawContent {
        let mut files = self.files.clone();
        // The kind of each file, by where it is (a framework's own files
        // are read with it); files sort in the load's order of kinds.
        let kind = |p: &str| -> &'static FileKind {
            let rel = p.strip_prefix("content/").unwrap_or(p);
            if rel.starts_with("frameworks/") {
                return FRAMEWORK;
            }
            FILES
                .iter()
                .copied()
                .find(|k| k.place.holds(rel))
                .unwrap_or_else(|| panic!("no kind of file is at {p}"))
        };
        let rank = |p: &str| FILES.iter().position(|k| k.name == kind(p).name);
        // A framework's own files follow it (folder by folder, framework.yaml first).
        let folder = |p: &str| match p.strip_prefix("content/frameworks/") {
            Some(rest) => rest.rsplit_once('/').map_or("", |(d, _)| d).to_string(),
            None => String::new(),
        };
        files.sort_by_key(|(p, _)| {
            (
                rank(p),
                folder(p),
                !p.ends_with("framework.yaml"),
                p.clone(),
            )
        });
        let mut raw = RawContent::default();
        for (path, text) in files.iter() {
            let k = kind(path);
            if k.name != FRAMEWORK.name {
                if let Err(ds) = raw.add(k, path, text) {
                    let shown: Vec<String> = ds.iter().map(|d| d.render_text()).collect();
                    panic!("{}", shown.join("\n"));
                }
                continue;
            }
            let i = raw.sources.push(SourceFile {
                path: path.clone(),
                text: text.clone(),
            });
            if path.ends_with("framework.yaml") {
                raw.frameworks.push(LoadedFramework {
                    raw: Arc::new(parse(path, text)),
                    file: i,
                    components: Vec::new(),
                    phases: Vec::new(),
                });
                continue;
            }
            let lf = raw.frameworks.last_mut().expect("framework.yaml first");
            if lf.raw.components.is_some() {
                lf.components.push((Arc::new(parse(path, text)), i));
            } else {
                lf.phases.push((Arc::new(parse(path, text)), i));
            }
        }
        raw
    }

    /// Resolve the files.
    pub fn resolve(&self) -> Result<Playbook, Vec<Diagnostic>> {
        let config = Config::parse(&self.book).expect("config");
        super::resolve_with(
            config,
            self.raw(),
            None,
            jiff::Zoned::now().date(),
            self.scheduler,
        )
        .map_err(|d| d.0)
    }

    /// The resolved playbook; panics with the diagnostics if it has errors.
    pub fn ok(&self) -> Playbook {
        match self.resolve() {
            Ok(pb) => pb,
            Err(e) => panic!("{e:#?}"),
        }
    }

    /// The warnings of a playbook that resolves; panics with the errors if not.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.ok().warnings
    }

    /// The errors, sorted by place; panics if it resolves.
    pub fn errors(&self) -> Vec<Diagnostic> {
        match self.resolve() {
            Ok(_) => panic!("resolved without errors"),
            Err(e) => e,
        }
    }
}

fn parse<T: DeserializeOwned>(path: &str, text: &str) -> T {
    let src = YamlSource {
        file: path,
        full_text: text,
        start: 0,
    };
    yaml::parse(text, src).unwrap_or_else(|d| panic!("{}", d.render_text()))
}

/// What a test checks of a diagnostic, as an author reads it.
pub trait Shown {
    /// `file:line:col`.
    fn place(&self) -> String;
    /// The related places, `file:line:col`.
    fn related_places(&self) -> Vec<String>;
    /// The characters under the caret.
    fn underlined(&self) -> String;
}

impl Shown for Diagnostic {
    fn place(&self) -> String {
        let l = self.location.as_ref().expect("a place");
        format!("{}:{}:{}", l.file, l.line, l.column)
    }

    fn related_places(&self) -> Vec<String> {
        self.related
            .iter()
            .map(|l| format!("{}:{}:{}", l.file, l.line, l.column))
            .collect()
    }

    fn underlined(&self) -> String {
        let col = self.location.as_ref().map_or(1, |l| l.column);
        let line = self.source_line.as_deref().unwrap_or("");
        line.chars().skip(col - 1).take(self.span_len).collect()
    }
}

//! Raw content → [`Playbook`]: assign ids, check them (format, duplicates,
//! references, roles, rules, time windows), resolve `[[kind:id]]`
//! cross-references, record backlinks, and work out which markets each task
//! applies to. Reports every problem at once. No IO.

use crate::config::Config;
use crate::diag::{suggest, Diagnostic, Diagnostics};
use crate::load::{find_key_value, find_list_item, RawContent};
use crate::markdown::{scan_refs, slugify, RefLink};
use crate::model::raw::*;
use crate::model::*;
use crate::rules::{self, MarketFacts};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Turn loaded files into the resolved playbook, or every reason it cannot be.
pub fn resolve(config: Config, raw: RawContent) -> Result<Playbook, Diagnostics> {
    resolve_with(config, raw, None)
}

/// The `[[kind:id]]` references found in each Markdown text by the last
/// resolve, by text. Finding them means a Markdown parse of every field that
/// contains `[[` (the biggest part of resolving a large playbook); the result
/// depends on the text alone, so `serve` keeps this between rebuilds and
/// parses only texts it has not seen. Keeps only the texts of the last resolve.
#[derive(Default)]
pub struct RefScanCache {
    by_text: std::sync::Mutex<ScannedTexts>,
}

/// Texts and their references, bucketed by [`text_key`].
type ScannedTexts = HashMap<u64, Vec<(String, std::sync::Arc<Vec<RefLink>>)>>;

/// A cheap bucket key for a long text: its length and its first and last 64
/// bytes (hashing whole texts, megabytes per rebuild, cost more than the
/// lookups saved). Texts in one bucket are told apart by comparing them.
fn text_key(t: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let b = t.as_bytes();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    b.len().hash(&mut h);
    b[..b.len().min(64)].hash(&mut h);
    b[b.len().saturating_sub(64)..].hash(&mut h);
    h.finish()
}

/// [`resolve`], reusing (and refreshing) `refs` for Markdown texts seen before.
pub fn resolve_with(
    config: Config,
    mut raw: RawContent,
    refs: Option<&RefScanCache>,
) -> Result<Playbook, Diagnostics> {
    let mut r = Resolver {
        pb: Playbook {
            config,
            sources: std::mem::take(&mut raw.sources),
            roles: BTreeMap::new(),
            frameworks: Vec::new(),
            components: Vec::new(),
            phases: Vec::new(),
            blocks: Vec::new(),
            steps: Vec::new(),
            tasks: Vec::new(),
            metric_groups: Vec::new(),
            metrics: Vec::new(),
            markets: Vec::new(),
            regulations: Vec::new(),
            experts: Vec::new(),
            research: Vec::new(),
            chapters: Vec::new(),
            index: HashMap::new(),
            backlinks: BTreeMap::new(),
            task_markets: Vec::new(),
            warnings: Vec::new(),
        },
        diags: Diagnostics::new(),
        seen_needles: HashMap::new(),
        first_def: HashMap::new(),
        def_counts: HashMap::new(),
    };
    r.roles(&raw);
    for f in &raw.frameworks {
        r.framework(f);
    }
    r.metrics(&raw);
    r.simple_kinds(&raw);
    r.markets(&raw);
    r.check_structured_refs(&raw);
    r.check_tasks();
    r.scan_all_markdown(refs);
    r.compute_applicability();

    // Freeing tens of thousands of parsed values takes a while at scale;
    // nothing needs to wait for it.
    let _ = std::thread::Builder::new()
        .name("free-raw".into())
        .spawn(move || drop(raw));
    let Resolver { mut pb, diags, .. } = r;
    if diags.has_errors() {
        let mut d = diags;
        d.sort();
        return Err(d);
    }
    pb.warnings = diags.0;
    Ok(pb)
}

/// A block's parts before it is registered: id, title, weeks, summary, steps, implicit.
type BlockParts<'a> = (
    String,
    String,
    Option<Vec<u32>>,
    Option<String>,
    &'a Vec<RawStep>,
    bool,
);

/// A Markdown field: the entity whose page shows it, its file, its text, and
/// the text's byte offset in the file when it is a whole body.
type MdField<'a> = (EntityRef, usize, &'a str, Option<usize>);

/// A `[[kind:id]]` found in a field: its target, or what is wrong with it.
enum FoundRef {
    /// Resolved: the entity it names.
    Ok(EntityRef),
    /// The kind word is not a kind (with the reference as written).
    UnknownKind(String, crate::markdown::RefLink),
    /// No entity of a known kind has the id (with the reference as written).
    Broken(Kind, String, crate::markdown::RefLink),
}

/// Where an id is defined: file, key, value, and which occurrence of `key: value`.
type DefSite = (usize, String, String, usize);

struct Resolver {
    pb: Playbook,
    diags: Diagnostics,
    /// How many times a needle has been located in a file (to point at the nth).
    seen_needles: HashMap<(usize, String), usize>,
    /// Where each id was first defined.
    first_def: HashMap<(Kind, String), DefSite>,
    /// How many times a `key: value` was defined per file (to point at the right one).
    def_counts: HashMap<(usize, String, String), usize>,
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

impl Resolver {
    fn src(&self, file: usize) -> (&str, &str) {
        let s = &self.pb.sources[file];
        (&s.path, &s.text)
    }

    /// A diagnostic placed at the nth occurrence of `needle` in a file.
    fn at_needle(&mut self, d: Diagnostic, file: usize, needle: &str) -> Diagnostic {
        let key = (file, needle.to_string());
        let n = *self.seen_needles.get(&key).unwrap_or(&0);
        let (path, text) = self.src(file);
        let mut from = 0;
        let mut found = None;
        for _ in 0..=n {
            match text[from..].find(needle) {
                Some(i) => {
                    found = Some(from + i);
                    from += i + needle.len().max(1);
                }
                None => break,
            }
        }
        let d = match found {
            Some(off) => d.at_offset(path, text, off).span(needle.chars().count()),
            None => d.in_file(path, 1, 1),
        };
        self.seen_needles.insert(key, n + 1);
        d
    }

    /// A diagnostic at `key: value` in a file (or the file's first line).
    fn at_key(&self, d: Diagnostic, file: usize, key: &str, value: &str) -> Diagnostic {
        let (path, text) = self.src(file);
        match find_key_value(text, key, value) {
            Some(off) => d.at_offset(path, text, off),
            None => d.at(path, text, 1, 1),
        }
    }

    /// Register an id of a kind; reports bad slugs and duplicates (both places).
    fn define(&mut self, kind: Kind, id: &str, idx: usize, file: usize, key: &str, value: &str) {
        if !is_slug(id) {
            let d = Diagnostic::error(format!("{} id `{id}` is not a slug", kind.name())).help(
                format!(
                    "ids are lowercase letters, digits and `-`; for example `{}`",
                    slugify(id)
                ),
            );
            let d = self.at_key(d, file, key, value);
            self.diags.push(d);
        }
        let nth = {
            let c = self
                .def_counts
                .entry((file, key.to_string(), value.to_string()))
                .or_insert(0);
            *c += 1;
            *c - 1
        };
        let map = self.pb.index.entry(kind).or_default();
        if map.contains_key(id) {
            // Places are only worked out when there is something to report.
            let here = self.locate_def(
                Diagnostic::error(""),
                (file, key.to_string(), value.to_string(), nth),
            );
            let first = self
                .first_def
                .get(&(kind, id.to_string()))
                .cloned()
                .and_then(|f| self.locate_def(Diagnostic::error(""), f).location);
            let mut d = Diagnostic::error(format!("duplicate {} id `{id}`", kind.name())).help(
                format!("every {} needs its own id; rename one of them", kind.name()),
            );
            d.location = here.location;
            d.source_line = here.source_line;
            d.span_len = here.span_len;
            if let Some(f) = first {
                d = d.related(f);
            }
            self.diags.push(d);
            return;
        }
        map.insert(id.to_string(), idx);
        self.first_def.insert(
            (kind, id.to_string()),
            (file, key.to_string(), value.to_string(), nth),
        );
    }

    /// Place a diagnostic at the nth `key: value` of a file.
    fn locate_def(&self, d: Diagnostic, (file, key, value, nth): DefSite) -> Diagnostic {
        let (path, text) = self.src(file);
        match crate::load::find_key_value_nth(text, &key, &value, nth) {
            Some(off) => d.at_offset(path, text, off),
            None => d.at(path, text, 1, 1),
        }
    }

    /// Register a task under its id (ids were checked unique by the caller).
    fn add_task(&mut self, task: Task) -> usize {
        let ti = self.pb.tasks.len();
        self.pb
            .index
            .entry(Kind::Task)
            .or_default()
            .insert(task.id.clone(), ti);
        self.pb.tasks.push(task);
        ti
    }

    fn roles(&mut self, raw: &RawContent) {
        for (role, file) in &raw.roles {
            if self.pb.roles.contains_key(&role.id) {
                let d = Diagnostic::error(format!("duplicate role `{}`", role.id))
                    .help("list each role once");
                let d = self.at_key(d, *file, "id", &role.id);
                self.diags.push(d);
            }
            self.pb.roles.insert(role.id.clone(), role.title.clone());
        }
    }

    fn framework(&mut self, lf: &crate::load::LoadedFramework) {
        let fi = self.pb.frameworks.len();
        self.define(Kind::Framework, &lf.raw.id, fi, lf.file, "id", &lf.raw.id);
        self.pb.frameworks.push(Framework {
            id: lf.raw.id.clone(),
            title: lf.raw.title.clone(),
            summary: lf.raw.summary.clone(),
            body: lf.raw.body.clone(),
            source: lf.raw.source.clone(),
            components: Vec::new(),
            phases: Vec::new(),
            risks: Vec::new(),
            file: lf.file,
        });
        for (c, file) in &lf.components {
            let ci = self.pb.components.len();
            self.define(Kind::Component, &c.id, ci, *file, "id", &c.id);
            self.pb.components.push(Component {
                id: c.id.clone(),
                number: c.number,
                title: c.title.clone(),
                subtitle: c.subtitle.clone(),
                summary: c.summary.clone(),
                body: c.body.clone(),
                framework: fi,
                phases: Vec::new(),
                file: *file,
            });
            self.pb.frameworks[fi].components.push(ci);
            if c.phases.is_empty() {
                let d = Diagnostic::error(format!("component `{}` has no phases", c.id))
                    .help("add `phases:` with at least one phase and its steps");
                let d = self.at_key(d, *file, "id", &c.id);
                self.diags.push(d);
            }
            for p in &c.phases {
                let pi = self.phase(p, fi, Some(ci), *file);
                self.pb.components[ci].phases.push(pi);
                self.pb.frameworks[fi].phases.push(pi);
            }
        }
        for (p, file) in &lf.phases {
            let pi = self.phase(p, fi, None, *file);
            self.pb.frameworks[fi].phases.push(pi);
        }
        // Risks refer to steps; resolve after all frameworks' steps exist (in check_structured_refs).
    }

    fn window(&mut self, p: &RawPhase, file: usize) -> Window {
        let bad = |s: &mut Self, msg: &str, key: &str| {
            let d = Diagnostic::error(format!("phase `{}`: {msg}", p.id)).help(
                "write `weeks: [first, last]` (e.g. [1, 2]) or `months: [first, last]`; `months: [4]` means Month 4 onwards",
            );
            let (path, text) = s.src(file);
            let off = crate::load::find_key(text, key).unwrap_or(0);
            let d = d.at_offset(path, text, off);
            s.diags.push(d);
        };
        match (&p.weeks, &p.months) {
            (Some(w), None) => match w.as_slice() {
                [a, b] if *a >= 1 && b >= a => Window::Weeks {
                    first: *a,
                    last: *b,
                },
                [a] if *a >= 1 => Window::Weeks {
                    first: *a,
                    last: *a,
                },
                _ => {
                    bad(
                        self,
                        "`weeks` must be [first, last] with 1 ≤ first ≤ last",
                        "weeks",
                    );
                    Window::Weeks { first: 1, last: 1 }
                }
            },
            (None, Some(m)) => match m.as_slice() {
                [a, b] if *a >= 1 && b >= a => Window::Months {
                    first: *a,
                    last: Some(*b),
                },
                [a] if *a >= 1 => Window::Months {
                    first: *a,
                    last: None,
                },
                _ => {
                    bad(
                        self,
                        "`months` must be [first, last] or [first] with first ≥ 1",
                        "months",
                    );
                    Window::Months {
                        first: 1,
                        last: Some(1),
                    }
                }
            },
            (Some(_), Some(_)) => {
                bad(self, "has both `weeks` and `months`", "months");
                Window::Weeks { first: 1, last: 1 }
            }
            (None, None) => {
                let d = Diagnostic::error(format!("phase `{}` has no time window", p.id))
                    .help("add `weeks: [1, 2]` (weeks after kickoff) or `months: [1, 1]`");
                let d = self.at_key(d, file, "id", &p.id);
                self.diags.push(d);
                Window::Weeks { first: 1, last: 1 }
            }
        }
    }

    fn phase(&mut self, p: &RawPhase, fi: usize, ci: Option<usize>, file: usize) -> usize {
        let window = self.window(p, file);
        let pi = self.pb.phases.len();
        self.pb.phases.push(Phase {
            id: p.id.clone(),
            number: p.number,
            title: p.title.clone(),
            window,
            summary: p.summary.clone(),
            framework: fi,
            component: ci,
            blocks: Vec::new(),
            file,
        });
        let blocks: Vec<BlockParts<'_>> = match (&p.steps, &p.blocks) {
            (Some(steps), None) => vec![(p.id.clone(), String::new(), None, None, steps, true)],
            (None, Some(blocks)) => blocks
                .iter()
                .map(|b| {
                    (
                        b.id.clone(),
                        b.title.clone(),
                        b.weeks.clone(),
                        b.summary.clone(),
                        &b.steps,
                        false,
                    )
                })
                .collect(),
            _ => {
                let d = Diagnostic::error(format!(
                        "phase `{}` must have either `steps` or `blocks`",
                        p.id
                    ))
                    .help("list the steps directly under `steps:`, or group them in titled week `blocks:` — not both, not neither");
                let d = self.at_key(d, file, "id", &p.id);
                self.diags.push(d);
                Vec::new()
            }
        };
        for (id, title, weeks, summary, steps, implicit) in blocks {
            let weeks = match weeks.as_deref() {
                None => None,
                Some([a, b]) if *a >= 1 && b >= a => Some((*a, *b)),
                Some(_) => {
                    let d = Diagnostic::error(format!(
                        "block `{id}`: `weeks` must be [first, last] with 1 ≤ first ≤ last"
                    ))
                    .help("weeks count from the phase's first week, e.g. `weeks: [3, 4]`");
                    let d = self.at_key(d, file, "id", &id);
                    self.diags.push(d);
                    None
                }
            };
            let bi = self.pb.blocks.len();
            self.pb.blocks.push(Block {
                id,
                title,
                weeks,
                summary,
                phase: pi,
                steps: Vec::new(),
                implicit,
            });
            self.pb.phases[pi].blocks.push(bi);
            for s in steps {
                let si = self.step(s, fi, ci, pi, bi, file);
                self.pb.blocks[bi].steps.push(si);
            }
        }
        pi
    }

    fn step(
        &mut self,
        s: &RawStep,
        fi: usize,
        ci: Option<usize>,
        pi: usize,
        bi: usize,
        file: usize,
    ) -> usize {
        let si = self.pb.steps.len();
        self.define(Kind::Step, &s.id, si, file, "id", &s.id);
        let mut step = Step {
            id: s.id.clone(),
            number: s.number,
            title: s.title.clone(),
            guidance: s.guidance.clone(),
            framework: fi,
            component: ci,
            phase: pi,
            block: bi,
            activities: Vec::new(),
            market_tasks: Vec::new(),
            file,
        };
        // This step's tasks so far (a handful): where duplicate slugs are looked for.
        let first_task = self.pb.tasks.len();
        for a in &s.activities {
            let mut act = Activity {
                id: a.id.clone().unwrap_or_else(|| slugify(&a.title)),
                title: a.title.clone(),
                summary: a.summary.clone(),
                tasks: Vec::new(),
            };
            for t in &a.tasks {
                let slug = t.id.clone().unwrap_or_else(|| slugify(&t.title));
                if self.pb.tasks[first_task..].iter().any(|x| x.slug == slug) {
                    let d = Diagnostic::error(format!(
                        "two tasks in step `{}` have the id `{slug}`",
                        s.id
                    ))
                    .help("task ids come from their titles; give one task a different title or an explicit `id:`");
                    let d = self.at_key(d, file, "title", &t.title);
                    self.diags.push(d);
                    continue;
                }
                let ti = self.add_task(Task {
                    id: format!("{}/{slug}", s.id),
                    slug,
                    title: t.title.clone(),
                    description: t.description.clone(),
                    owner: t.owner.clone(),
                    rule: t.applies_to.clone(),
                    step: si,
                    activity: Some(step.activities.len()),
                    market: None,
                    file,
                });
                act.tasks.push(ti);
            }
            step.activities.push(act);
        }
        self.pb.steps.push(step);
        si
    }

    fn metrics(&mut self, raw: &RawContent) {
        for (mf, file) in &raw.metrics {
            let gi = self.pb.metric_groups.len();
            let framework = match &mf.group.framework {
                Some(fw) => {
                    let found = self.pb.lookup(Kind::Framework, fw).map(|r| r.idx);
                    if found.is_none() {
                        let d = self.unknown_id(Kind::Framework, fw);
                        let d = self.at_key(d, *file, "framework", fw);
                        self.diags.push(d);
                    }
                    found
                }
                None => None,
            };
            self.pb.metric_groups.push(MetricGroup {
                id: mf.group.id.clone(),
                title: mf.group.title.clone(),
                framework,
                metrics: Vec::new(),
                file: *file,
            });
            for m in &mf.metrics {
                let mi = self.pb.metrics.len();
                self.define(Kind::Metric, &m.id, mi, *file, "id", &m.id);
                self.pb.metrics.push(Metric {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    description: m.description.clone(),
                    target: m.target.clone(),
                    measures: Vec::new(),
                    lower_is_better: m.lower_is_better,
                    group: gi,
                    file: *file,
                });
                self.pb.metric_groups[gi].metrics.push(mi);
            }
        }
    }

    fn simple_kinds(&mut self, raw: &RawContent) {
        for (g, file) in &raw.regulations {
            let i = self.pb.regulations.len();
            self.define(Kind::Regulation, &g.id, i, *file, "id", &g.id);
            self.pb.regulations.push(Regulation {
                id: g.id.clone(),
                name: g.name.clone(),
                official_name: g.official_name.clone(),
                jurisdiction: g.jurisdiction.clone(),
                in_force: g.in_force.clone(),
                link: g.link.clone(),
                reviewed: g.reviewed,
                summary: g.summary.clone(),
                obligations: g.obligations.clone(),
                file: *file,
            });
        }
        for (e, file) in &raw.experts {
            let i = self.pb.experts.len();
            self.define(Kind::Expert, &e.id, i, *file, "id", &e.id);
            self.pb.experts.push(Expert {
                id: e.id.clone(),
                name: e.name.clone(),
                role: e.role.clone(),
                composite: e.composite,
                category: e.category.clone(),
                background: e.background.clone(),
                insight: e.insight.clone(),
                quotes: e.quotes.clone(),
                perspectives: e
                    .perspectives
                    .iter()
                    .map(|p| (p.title.clone(), p.text.clone()))
                    .collect(),
                advice: Vec::new(),
                file: *file,
            });
        }
        for md in &raw.research {
            let i = self.pb.research.len();
            self.define(Kind::Research, &md.meta.id, i, md.file, "id", &md.meta.id);
            self.pb.research.push(Research {
                id: md.meta.id.clone(),
                title: md.meta.title.clone(),
                category: md.meta.category.clone(),
                summary: md.meta.summary.clone(),
                supports: Vec::new(),
                results: md.meta.results.clone(),
                body: md.body.clone(),
                body_offset: md.body_offset,
                file: md.file,
            });
        }
        for md in &raw.chapters {
            let (number, stem_id) = match md.stem.split_once('-') {
                Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
                    (n.parse().unwrap_or(0), rest.to_string())
                }
                _ => (0, md.stem.clone()),
            };
            let id = md.meta.id.clone().unwrap_or(stem_id);
            let i = self.pb.chapters.len();
            if md.meta.id.is_some() {
                self.define(Kind::Chapter, &id, i, md.file, "id", &id);
            } else {
                self.define(Kind::Chapter, &id, i, md.file, "title", &md.meta.title);
            }
            self.pb.chapters.push(Chapter {
                id,
                number,
                title: md.meta.title.clone(),
                act: md.meta.act,
                act_title: md.meta.act_title.clone(),
                section: md.meta.section,
                section_title: md.meta.section_title.clone(),
                summary: md.meta.summary.clone(),
                applies: Vec::new(),
                body: md.body.clone(),
                body_offset: md.body_offset,
                file: md.file,
            });
        }
        // Files are read in name order; NN- prefixes define the reading order.
        self.pb
            .chapters
            .sort_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
        let ids: Vec<String> = self.pb.chapters.iter().map(|c| c.id.clone()).collect();
        let map = self.pb.index.entry(Kind::Chapter).or_default();
        for (i, id) in ids.into_iter().enumerate() {
            map.insert(id, i);
        }
    }

    fn markets(&mut self, raw: &RawContent) {
        for (m, file) in &raw.markets {
            let i = self.pb.markets.len();
            self.define(Kind::Market, &m.id, i, *file, "id", &m.id);
            self.pb.markets.push(Market {
                id: m.id.clone(),
                name: m.name.clone(),
                region: m.region.clone(),
                summary: m.summary.clone(),
                body: m.body.clone(),
                regulations: Vec::new(),
                tags: m.tags.clone(),
                languages: m.languages.clone(),
                currency: m.currency.clone(),
                kickoff: m.kickoff,
                team: m.team.clone(),
                partners: m.partners.clone(),
                tasks: Vec::new(),
                actuals: Vec::new(),
                file: *file,
            });
        }
    }

    fn unknown_id(&self, kind: Kind, id: &str) -> Diagnostic {
        let candidates: Vec<&str> = self
            .pb
            .index
            .get(&kind)
            .map(|m| {
                let mut v: Vec<&str> = m.keys().map(String::as_str).collect();
                v.sort_unstable();
                v
            })
            .unwrap_or_default();
        let help = match suggest(id, candidates.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if candidates.is_empty() => {
                format!("there are no {} yet", kind.plural_title().to_lowercase())
            }
            None if candidates.len() <= 8 => {
                format!("known {} ids: {}", kind.name(), candidates.join(", "))
            }
            None => format!(
                "no {} has this id; check the spelling against the {} folder",
                kind.name(),
                kind.plural_title().to_lowercase()
            ),
        };
        Diagnostic::error(format!("no {} with id `{id}`", kind.name())).help(help)
    }

    /// Resolve a `kind:id` string from a structured field.
    fn resolve_ref_str(&mut self, s: &str, file: usize, allowed: &[Kind]) -> Option<EntityRef> {
        let Some((k, id)) = s.split_once(':') else {
            let d = Diagnostic::error(format!("`{s}` is not a reference")).help(
                "write references as `kind:id`, e.g. `step:international-compliance-framework`",
            );
            let d = self.at_needle(d, file, s);
            self.diags.push(d);
            return None;
        };
        let kind = Kind::parse(k).filter(|k| allowed.contains(k));
        let Some(kind) = kind else {
            let names: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
            let d = Diagnostic::error(format!("`{k}` is not a kind allowed here"))
                .help(format!("use one of: {}", names.join(", ")));
            let d = self.at_needle(d, file, s);
            self.diags.push(d);
            return None;
        };
        match self.pb.lookup(kind, id) {
            Some(r) => Some(r),
            None => {
                let d = self.unknown_id(kind, id);
                let d = self.at_needle(d, file, s);
                self.diags.push(d);
                None
            }
        }
    }

    fn link(&mut self, from: EntityRef, to: EntityRef) {
        let from = self.pb.page_of(from);
        let to = self.pb.page_of(to);
        if from != to {
            self.pb.backlinks.entry(to).or_default().insert(from);
        }
    }

    fn check_structured_refs(&mut self, raw: &RawContent) {
        // Risks (need every step defined).
        for (fi, lf) in raw.frameworks.iter().enumerate() {
            if fi >= self.pb.frameworks.len() {
                break;
            }
            let mut seen = HashSet::new();
            for risk in &lf.raw.risks {
                if !seen.insert(risk.id.clone()) {
                    let d = Diagnostic::error(format!("duplicate risk id `{}`", risk.id))
                        .help("give each risk its own id");
                    let d = self.at_key(d, lf.file, "id", &risk.id);
                    self.diags.push(d);
                }
                let mut threatens = Vec::new();
                for s in &risk.threatens {
                    match self.pb.lookup(Kind::Step, s) {
                        Some(r) => threatens.push(r.idx),
                        None => {
                            let d = self.unknown_id(Kind::Step, s);
                            let d = self.at_needle(d, lf.file, s);
                            self.diags.push(d);
                        }
                    }
                }
                self.pb.frameworks[fi].risks.push(Risk {
                    id: risk.id.clone(),
                    title: risk.title.clone(),
                    description: risk.description.clone(),
                    mitigation_title: risk.mitigation.title.clone(),
                    mitigation: risk.mitigation.description.clone(),
                    threatens,
                });
            }
        }
        // Metric measures.
        let measurable = [Kind::Framework, Kind::Component, Kind::Step];
        let mut mi = 0;
        for (mf, file) in &raw.metrics {
            for m in &mf.metrics {
                let mut v = Vec::new();
                for s in &m.measures {
                    if let Some(r) = self.resolve_ref_str(s, *file, &measurable) {
                        v.push(r);
                        self.link(
                            EntityRef {
                                kind: Kind::Metric,
                                idx: mi,
                            },
                            r,
                        );
                    }
                }
                if mi < self.pb.metrics.len() {
                    self.pb.metrics[mi].measures = v;
                }
                mi += 1;
            }
        }
        // Research supports.
        let all = Kind::ALL;
        for (i, md) in raw.research.iter().enumerate() {
            let mut v = Vec::new();
            for s in &md.meta.supports {
                if let Some(r) = self.resolve_ref_str(s, md.file, &all) {
                    v.push(r);
                    self.link(
                        EntityRef {
                            kind: Kind::Research,
                            idx: i,
                        },
                        r,
                    );
                }
            }
            self.pb.research[i].supports = v;
        }
        // Chapter applies (chapters were sorted: find by file).
        for md in &raw.chapters {
            let Some(ci) = self.pb.chapters.iter().position(|c| c.file == md.file) else {
                continue;
            };
            let mut v = Vec::new();
            for s in &md.meta.applies {
                if let Some(r) = self.resolve_ref_str(s, md.file, &all) {
                    v.push(r);
                    self.link(
                        EntityRef {
                            kind: Kind::Chapter,
                            idx: ci,
                        },
                        r,
                    );
                }
            }
            self.pb.chapters[ci].applies = v;
        }
        // Expert advice → steps.
        for (ei, (e, file)) in raw.experts.iter().enumerate() {
            let mut advice = Vec::new();
            for a in &e.advice {
                let mut steps = Vec::new();
                for s in &a.steps {
                    match self.pb.lookup(Kind::Step, s) {
                        Some(r) => {
                            steps.push(r.idx);
                            self.link(
                                EntityRef {
                                    kind: Kind::Expert,
                                    idx: ei,
                                },
                                r,
                            );
                        }
                        None => {
                            let d = self.unknown_id(Kind::Step, s);
                            let d = self.at_needle(d, *file, s);
                            self.diags.push(d);
                        }
                    }
                }
                advice.push((a.text.clone(), steps));
            }
            self.pb.experts[ei].advice = advice;
        }
        // Markets: regulations, team roles, own tasks, actuals.
        for (mi, (m, file)) in raw.markets.iter().enumerate() {
            let me = EntityRef {
                kind: Kind::Market,
                idx: mi,
            };
            for g in &m.regulations {
                match self.pb.lookup(Kind::Regulation, g) {
                    Some(r) => {
                        self.pb.markets[mi].regulations.push(r.idx);
                        self.link(me, r);
                    }
                    None => {
                        let d = self.unknown_id(Kind::Regulation, g);
                        let d = self.at_needle(d, *file, g);
                        self.diags.push(d);
                    }
                }
            }
            for role in m.team.keys() {
                if !self.pb.roles.contains_key(role) {
                    let d = self.unknown_role(role);
                    let d = self.at_needle(d, *file, &format!("{role}:"));
                    self.diags.push(d);
                }
            }
            for (metric, actual) in &m.actuals {
                match self.pb.lookup(Kind::Metric, metric) {
                    Some(r) => {
                        self.pb.markets[mi].actuals.push((r.idx, actual.clone()));
                        self.link(me, r);
                    }
                    None => {
                        let d = self.unknown_id(Kind::Metric, metric);
                        let d = self.at_needle(d, *file, &format!("{metric}:"));
                        self.diags.push(d);
                    }
                }
            }
            for t in &m.tasks {
                let Some(step) = self.pb.lookup(Kind::Step, &t.step) else {
                    let d = self.unknown_id(Kind::Step, &t.step);
                    let d = self.at_key(d, *file, "step", &t.step);
                    self.diags.push(d);
                    continue;
                };
                let slug = format!(
                    "{}-{}",
                    m.id,
                    t.id.clone().unwrap_or_else(|| slugify(&t.title))
                );
                let id = format!("{}/{slug}", t.step);
                if self.pb.lookup(Kind::Task, &id).is_some() {
                    let d = Diagnostic::error(format!(
                        "market `{}` adds two tasks with the id `{id}`",
                        m.id
                    ))
                    .help("give one of them a different title or an explicit `id:`");
                    let d = self.at_key(d, *file, "title", &t.title);
                    self.diags.push(d);
                    continue;
                }
                let ti = self.add_task(Task {
                    id,
                    slug,
                    title: t.title.clone(),
                    description: t.description.clone(),
                    owner: t.owner.clone(),
                    rule: Some(Rule {
                        markets: vec![m.id.clone()],
                        ..Rule::default()
                    }),
                    step: step.idx,
                    activity: None,
                    market: Some(mi),
                    file: *file,
                });
                self.pb.markets[mi].tasks.push(ti);
                self.pb.steps[step.idx].market_tasks.push(ti);
                self.link(me, step);
            }
        }
    }

    fn unknown_role(&self, role: &str) -> Diagnostic {
        let help = match suggest(role, self.pb.roles.keys().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`? Roles are listed in content/roles.yaml"),
            None => format!(
                "add it to content/roles.yaml or use one of: {}",
                self.pb.roles.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        };
        Diagnostic::error(format!("unknown role `{role}`")).help(help)
    }

    fn check_tasks(&mut self) {
        let regions: BTreeSet<String> = self.pb.markets.iter().map(|m| m.region.clone()).collect();
        let market_ids: Vec<String> = self.pb.markets.iter().map(|m| m.id.clone()).collect();
        let reg_ids: Vec<String> = self.pb.regulations.iter().map(|m| m.id.clone()).collect();
        let tags: BTreeSet<String> = self
            .pb
            .markets
            .iter()
            .flat_map(|m| m.tags.clone())
            .collect();
        let market_set: HashSet<&str> = market_ids.iter().map(String::as_str).collect();
        let reg_set: HashSet<&str> = reg_ids.iter().map(String::as_str).collect();
        // Most tasks are fine: find those with a problem without copying any.
        let with_problems: Vec<usize> = (0..self.pb.tasks.len())
            .filter(|&ti| {
                let t = &self.pb.tasks[ti];
                let bad_owner = t
                    .owner
                    .as_ref()
                    .is_some_and(|o| !self.pb.roles.contains_key(o));
                let bad_rule = match (&t.rule, t.market) {
                    (Some(r), None) => {
                        r.regions.iter().any(|v| !regions.contains(v))
                            || r.tags.iter().any(|v| !tags.contains(v))
                            || r.markets
                                .iter()
                                .chain(r.except_markets.iter())
                                .any(|v| !market_set.contains(v.as_str()))
                            || r.regulations.iter().any(|v| !reg_set.contains(v.as_str()))
                    }
                    _ => false,
                };
                bad_owner || bad_rule
            })
            .collect();
        for ti in with_problems {
            let t = self.pb.tasks[ti].clone();
            if let Some(owner) = &t.owner {
                if !self.pb.roles.contains_key(owner) {
                    let d = self.unknown_role(owner);
                    let d = self.at_needle(d, t.file, &format!("owner: {owner}"));
                    self.diags.push(d);
                }
            }
            let Some(rule) = &t.rule else { continue };
            if t.market.is_some() {
                continue;
            }
            let check = |s: &mut Self,
                         what: &str,
                         v: &str,
                         known: &mut dyn Iterator<Item = &str>| {
                let known: Vec<&str> = known.collect();
                if known.contains(&v) {
                    return;
                }
                let help = match suggest(v, known.iter().copied()) {
                    Some(x) => format!("did you mean `{x}`?"),
                    None => format!(
                        "no market has this {what}; known: {}",
                        if known.is_empty() {
                            "(none)".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                };
                let d =
                    Diagnostic::error(format!("task `{}` applies to unknown {what} `{v}`", t.id))
                        .help(help);
                let d = s.at_rule_value(d, &t, v);
                s.diags.push(d);
            };
            for v in &rule.regions {
                check(self, "region", v, &mut regions.iter().map(String::as_str));
            }
            for v in &rule.tags {
                check(self, "tag", v, &mut tags.iter().map(String::as_str));
            }
            for v in rule.markets.iter().chain(rule.except_markets.iter()) {
                check(
                    self,
                    "market",
                    v,
                    &mut market_ids.iter().map(String::as_str),
                );
            }
            for v in &rule.regulations {
                check(
                    self,
                    "regulation",
                    v,
                    &mut reg_ids.iter().map(String::as_str),
                );
            }
        }
    }

    /// Point at a rule value: the first occurrence after the task's title.
    fn at_rule_value(&self, d: Diagnostic, t: &Task, v: &str) -> Diagnostic {
        let (path, text) = self.src(t.file);
        let from = find_key_value(text, "title", &t.title).unwrap_or(0);
        match find_list_item(&text[from..], v) {
            Some(off) => d.at_offset(path, text, from + off).span(v.chars().count()),
            None => d.at_offset(path, text, from),
        }
    }

    /// Every Markdown field, with the entity whose page shows it.
    fn markdown_fields<'a>(&'a self) -> Vec<MdField<'a>> {
        let pb = &self.pb;
        let mut v: Vec<MdField<'a>> = Vec::new();
        let mut bodies: Vec<MdField<'a>> = Vec::new();
        let mut add = |e: EntityRef, file: usize, s: Option<&'a str>| {
            if let Some(s) = s {
                v.push((e, file, s, None));
            }
        };
        for (i, f) in pb.frameworks.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Framework,
                idx: i,
            };
            add(e, f.file, Some(&f.summary));
            add(e, f.file, f.body.as_deref());
            for r in &f.risks {
                add(e, f.file, Some(&r.description));
                add(e, f.file, Some(&r.mitigation));
            }
        }
        for (i, c) in pb.components.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Component,
                idx: i,
            };
            add(e, c.file, Some(&c.summary));
            add(e, c.file, c.body.as_deref());
        }
        for p in &pb.phases {
            let e = match p.component {
                Some(c) => EntityRef {
                    kind: Kind::Component,
                    idx: c,
                },
                None => EntityRef {
                    kind: Kind::Framework,
                    idx: p.framework,
                },
            };
            add(e, p.file, p.summary.as_deref());
            for &b in &p.blocks {
                add(e, p.file, pb.blocks[b].summary.as_deref());
            }
        }
        for (i, s) in pb.steps.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Step,
                idx: i,
            };
            add(e, s.file, s.guidance.as_deref());
            for a in &s.activities {
                add(e, s.file, a.summary.as_deref());
            }
        }
        for (i, t) in pb.tasks.iter().enumerate() {
            let e = match t.market {
                Some(m) => EntityRef {
                    kind: Kind::Market,
                    idx: m,
                },
                None => EntityRef {
                    kind: Kind::Task,
                    idx: i,
                },
            };
            add(e, t.file, t.description.as_deref());
        }
        for (i, m) in pb.metrics.iter().enumerate() {
            add(
                EntityRef {
                    kind: Kind::Metric,
                    idx: i,
                },
                m.file,
                m.description.as_deref(),
            );
        }
        for (i, m) in pb.markets.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Market,
                idx: i,
            };
            add(e, m.file, m.summary.as_deref());
            add(e, m.file, m.body.as_deref());
            for p in &m.partners {
                add(e, m.file, p.note.as_deref());
            }
            for (_, a) in &m.actuals {
                add(e, m.file, a.note.as_deref());
            }
        }
        for (i, g) in pb.regulations.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Regulation,
                idx: i,
            };
            add(e, g.file, Some(&g.summary));
            for o in &g.obligations {
                add(e, g.file, Some(&o.text));
            }
        }
        for (i, x) in pb.experts.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Expert,
                idx: i,
            };
            add(e, x.file, x.background.as_deref());
            add(e, x.file, x.insight.as_deref());
            for (_, t) in &x.perspectives {
                add(e, x.file, Some(t));
            }
            for (t, _) in &x.advice {
                add(e, x.file, Some(t));
            }
        }
        for (i, r) in pb.research.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Research,
                idx: i,
            };
            add(e, r.file, r.summary.as_deref());
            bodies.push((e, r.file, &r.body, Some(r.body_offset)));
        }
        for (i, c) in pb.chapters.iter().enumerate() {
            let e = EntityRef {
                kind: Kind::Chapter,
                idx: i,
            };
            add(e, c.file, c.summary.as_deref());
            bodies.push((e, c.file, &c.body, Some(c.body_offset)));
        }
        v.extend(bodies);
        v
    }

    fn scan_all_markdown(&mut self, cache: Option<&RefScanCache>) {
        use rayon::prelude::*;
        use std::sync::Arc;
        // Scanning (a Markdown parse per field with `[[`) and id lookups read
        // the model only: done in parallel. Links and diagnostics are then
        // applied in field order, as a serial scan would (diagnostic places
        // count occurrences, so the order matters).
        let prev: ScannedTexts = cache
            .map(|c| std::mem::take(&mut *c.by_text.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default();
        let fields = self.markdown_fields();
        let scanned: Vec<Option<Arc<Vec<RefLink>>>> = fields
            .par_iter()
            .map(|(_, _, text, _)| {
                if !text.contains("[[") {
                    return None;
                }
                let seen = prev
                    .get(&text_key(text))
                    .and_then(|b| b.iter().find(|(t, _)| t == text));
                Some(match seen {
                    Some((_, v)) => v.clone(),
                    None => Arc::new(scan_refs(text)),
                })
            })
            .collect();
        let found: Vec<(EntityRef, usize, Option<usize>, Vec<FoundRef>)> = {
            let pb = &self.pb;
            fields
                .par_iter()
                .zip(scanned.par_iter())
                .map(|(&(from, file, text, body_offset), refs)| {
                    let refs = refs
                        .iter()
                        .flat_map(|v| v.iter())
                        .map(|r| {
                            let raw = || text[r.start..r.start + r.len].to_string();
                            match Kind::parse(&r.kind) {
                                None => FoundRef::UnknownKind(raw(), r.clone()),
                                Some(kind) => match pb.lookup(kind, &r.id) {
                                    Some(target) => FoundRef::Ok(target),
                                    None => FoundRef::Broken(kind, raw(), r.clone()),
                                },
                            }
                        })
                        .collect();
                    (from, file, body_offset, refs)
                })
                .collect()
        };
        if let Some(c) = cache {
            // Keep this resolve's texts only (moving the keys seen before).
            let mut prev = prev;
            let mut next: ScannedTexts = HashMap::with_capacity(prev.len());
            for ((_, _, text, _), refs) in fields.iter().zip(scanned) {
                let Some(refs) = refs else { continue };
                let key = text_key(text);
                let bucket = next.entry(key).or_default();
                if bucket.iter().any(|(t, _)| t == text) {
                    continue;
                }
                let old = prev.get_mut(&key).and_then(|b| {
                    b.iter()
                        .position(|(t, _)| t == text)
                        .map(|i| b.swap_remove(i).0)
                });
                bucket.push((old.unwrap_or_else(|| text.to_string()), refs));
            }
            *c.by_text.lock().unwrap_or_else(|e| e.into_inner()) = next;
            drop(prev);
        }
        drop(fields);
        for (from, file, body_offset, refs) in found {
            for f in refs {
                match f {
                    FoundRef::Ok(target) => self.link(from, target),
                    FoundRef::UnknownKind(raw, r) => {
                        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                        let mut d = Diagnostic::error(format!(
                            "unknown reference kind `{}` in `{raw}`",
                            r.kind
                        ));
                        d = d.help(match suggest(&r.kind, names.iter().copied()) {
                            Some(s) => format!("did you mean `[[{s}:{}]]`?", r.id),
                            None => format!("kinds are: {}", names.join(", ")),
                        });
                        let d = self.place_ref(d, file, &raw, body_offset.map(|o| o + r.start));
                        self.diags.push(d);
                    }
                    FoundRef::Broken(kind, raw, r) => {
                        let d = Diagnostic::error(format!("broken reference `{raw}`"));
                        let u = self.unknown_id(kind, &r.id);
                        let d = match u.help {
                            Some(h) => {
                                d.help(format!("no {} has the id `{}`; {h}", kind.name(), r.id))
                            }
                            None => d,
                        };
                        let d = self.place_ref(d, file, &raw, body_offset.map(|o| o + r.start));
                        self.diags.push(d);
                    }
                }
            }
        }
    }

    fn place_ref(
        &mut self,
        d: Diagnostic,
        file: usize,
        raw: &str,
        exact: Option<usize>,
    ) -> Diagnostic {
        match exact {
            Some(off) => {
                let (path, text) = self.src(file);
                d.at_offset(path, text, off).span(raw.chars().count())
            }
            None => self.at_needle(d, file, raw),
        }
    }

    fn compute_applicability(&mut self) {
        use rayon::prelude::*;
        let pb = &self.pb;
        let regs: Vec<Vec<String>> = pb
            .markets
            .iter()
            .map(|m| {
                m.regulations
                    .iter()
                    .map(|&r| pb.regulations[r].id.clone())
                    .collect()
            })
            .collect();
        let facts: Vec<MarketFacts> = pb
            .markets
            .iter()
            .enumerate()
            .map(|(mi, m)| MarketFacts {
                id: &m.id,
                region: &m.region,
                regulations: &regs[mi],
                tags: &m.tags,
            })
            .collect();
        let ix = rules::MarketIndex::new(&facts);
        let out: Vec<Vec<usize>> = pb
            .tasks
            .par_iter()
            .map(|t| match t.market {
                // Applies everywhere: no list (it would grow with markets × tasks).
                None if t.rule.is_none() => Vec::new(),
                None => ix.select(t.rule.as_ref()),
                // A market's own task can only apply to that market.
                Some(tm) => {
                    if rules::applies(t.rule.as_ref(), facts[tm]) {
                        vec![tm]
                    } else {
                        Vec::new()
                    }
                }
            })
            .collect();
        self.pb.task_markets = out;
    }
}

//! Raw content → [`Playbook`], every problem reported at once. No IO.
//!
//! [`resolve_with`] runs the rules in this order, each in its own file:
//!
//! 1. [`ids`]: roles, and every id registered under its kind (slugs, duplicates);
//! 2. [`structure`]: frameworks → components → phases (time windows) → week
//!    blocks → steps → activities → tasks;
//! 3. [`kinds`]: the flat kinds (metrics, regulations, experts, research,
//!    chapters, markets) copied into the model; a regulation's sources and
//!    the ids that name them ([`regulation_sources`]);
//! 4. [`references`]: the `kind:id` lists of structured fields (risks,
//!    measures, supports, applies, advice, a market's regulations, team and
//!    actuals), with backlinks;
//! 5. [`tasks`]: a market's own tasks, and task owners;
//! 6. [`applies_to`]: the values an `applies_to` rule names exist;
//! 7. [`learning`]: the story's learning path (levels, assessment,
//!    portfolio), if the playbook has one;
//! 8. [`markdown_refs`]: `[[kind:id]]` in every Markdown text, with backlinks;
//! 9. [`scope`]: company work has a start date and no `applies_to`; a
//!    market phase's `after:` names company phases and steps;
//! 10. [`links`]: `same_as` and `distinct_from` between tasks, and a warning
//!     for near-identical titles in different frameworks left unmarked;
//! 11. [`dependencies`]: each task's `after:` (expanded to tasks, cycles
//!     refused) and `deadline:`;
//! 12. [`tasks`] again: which markets each task applies to; then each
//!     market's `home` and `adjust:` ([`dependencies`]), and recorded
//!     progress;
//! 13. [`schedule_checks`]: results dated after today, and (once every
//!     program is scheduled) tasks due after their phase or their deadline;
//! 14. [`placeholders`]: a warning for each file still holding `TODO`
//!     placeholders.
//!
//! Diagnostics are placed by [`places`]: a node of the file's YAML by path,
//! from the parser's spans, or an offset in a Markdown body.

mod applies_to;
mod dependencies;
mod ids;
mod kinds;
mod learning;
mod links;
mod markdown_refs;
mod placeholders;
mod places;
mod progress;
mod references;
mod regulation_sources;
mod schedule_checks;
mod scope;
mod structure;
mod tasks;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use markdown_refs::RefScanCache;
pub use schedule_checks::{ScheduleMiss, ScheduleMisses, Scheduler};

use crate::config::Config;
use crate::diag::{suggest, Diagnostic, Diagnostics};
use crate::load::RawContent;
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

/// Turn loaded files into the resolved playbook, or every reason it cannot be.
pub fn resolve(config: Config, raw: RawContent) -> Result<Playbook, Diagnostics> {
    resolve_with(config, raw, None, jiff::Zoned::now().date(), None)
}

/// [`resolve`], reusing (and refreshing) `refs` for Markdown texts seen
/// before; `today` is the day dates are judged against (a result or a
/// source checked after it is a warning); `scheduler` finds where the
/// schedule passes a phase's end or a deadline, and resolve places each
/// finding as a warning (`None`: not checked).
pub fn resolve_with(
    config: Config,
    mut raw: RawContent,
    refs: Option<&RefScanCache>,
    today: jiff::civil::Date,
    scheduler: Option<Scheduler>,
) -> Result<Playbook, Diagnostics> {
    let mut r = Resolver {
        pb: Playbook {
            config,
            sources: std::mem::take(&mut raw.sources),
            roles: BTreeMap::new(),
            launch_lead_role: None,
            frameworks: IdxVec::new(),
            components: IdxVec::new(),
            phases: IdxVec::new(),
            blocks: IdxVec::new(),
            steps: IdxVec::new(),
            tasks: IdxVec::new(),
            metric_groups: IdxVec::new(),
            metrics: IdxVec::new(),
            markets: IdxVec::new(),
            regulations: IdxVec::new(),
            experts: IdxVec::new(),
            research: IdxVec::new(),
            chapters: IdxVec::new(),
            learning: None,
            index: HashMap::new(),
            backlinks: BTreeMap::new(),
            task_markets: IdxVec::new(),
            progress: IdxVec::new(),
            tallies: IdxVec::new(),
            company_progress: Progress::default(),
            warnings: Vec::new(),
            provenance: Default::default(),
            translations: Default::default(),
            edition: Default::default(),
        },
        diags: Diagnostics::new(),
        first_def: HashMap::new(),
        at: places::Origins::default(),
        spans: HashMap::new(),
        pending: scope::Pending::default(),
        today,
    };
    r.roles(&raw);
    for f in &raw.frameworks {
        r.framework(f);
    }
    r.metrics(&raw);
    r.simple_kinds(&raw);
    r.markets(&raw);
    r.check_structured_refs(&raw);
    r.market_tasks(&raw);
    r.check_owners();
    r.check_rules();
    r.learning_path(&raw);
    r.scan_all_markdown(refs);
    r.check_scope();
    let t = std::time::Instant::now();
    r.link_tasks();
    log::debug!(
        "resolve: task links and similar titles {} ms",
        t.elapsed().as_millis()
    );
    r.resolve_dependencies();
    r.compute_applicability();
    r.market_adjustments(&raw);
    r.progress(&raw);
    r.check_result_dates(&raw);
    if let Some(scheduler) = scheduler {
        let t = std::time::Instant::now();
        r.check_schedules(scheduler);
        log::debug!(
            "resolve: scheduling every program {} ms",
            t.elapsed().as_millis()
        );
    }
    r.check_placeholders();

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

/// The playbook being built, the problems found so far, and where each
/// raw node came from (for placing diagnostics).
struct Resolver {
    pb: Playbook,
    diags: Diagnostics,
    /// Where each id was first defined: its file and the path of its key.
    first_def: HashMap<(Kind, String), (Idx<SourceFile>, String)>,
    /// Where phases, blocks, steps and tasks are written in their files.
    at: places::Origins,
    /// The YAML span maps built so far, by file (only files with a problem).
    spans: HashMap<Idx<SourceFile>, crate::yaml::SpanMap>,
    /// Raw lists kept for the scope and link rules.
    pending: scope::Pending,
    /// Today, for the dates content may not claim yet (a regulation
    /// source's `checked`); warnings only, so builds stay deterministic.
    today: jiff::civil::Date,
}

impl Resolver {
    /// "no <kind> with id …", with the nearest id or the known ones.
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

    /// Record that `from`'s page refers to `to`'s (a backlink on `to`'s page).
    fn link(&mut self, from: EntityRef, to: EntityRef) {
        let from = self.pb.page_of(from);
        let to = self.pb.page_of(to);
        if from != to {
            self.pb.backlinks.entry(to).or_default().insert(from);
        }
    }

    /// "unknown role …", with the nearest role or the list.
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
}

//! The resolved playbook: every entity with its relations as indices, ready
//! to render. Built by [`crate::resolve`] from the raw files; never does IO.
//!
//! Entities live in flat vectors on [`Playbook`]; relations are indices into
//! them ([`EntityRef`]), so the model is cheap to walk and has no cycles.

mod idx;
pub mod kinds;
pub mod learning;
mod queries;
pub mod raw;
pub mod schema_ids;
mod tally;
pub mod work_duration;

use crate::config::Config;
pub use idx::{Idx, IdxVec};
use jiff::civil::Date;
pub use kinds::{Entity, Kind, KindInfo};
pub use raw::Scope;
use raw::{RawActual, RawPartner, RawResult, Rule, Target};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
pub use tally::Tally;
pub use work_duration::WorkDuration;

/// The id the company program goes by in file names, progress files,
/// calendar UIDs and JSON (market ids are ISO codes, so it never meets one).
pub const COMPANY_ID: &str = "company";

/// A pointer to one entity of the playbook, of any kind (a typed
/// [`Idx`] with its kind beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    /// Which vector.
    pub kind: Kind,
    /// Index into it.
    pub idx: usize,
}

impl EntityRef {
    /// The entity's typed index, when it is of kind `T`.
    pub fn get<T: Entity>(self) -> Option<Idx<T>> {
        (self.kind == T::KIND).then(|| Idx::new(self.idx))
    }
}

impl<T: Entity> From<Idx<T>> for EntityRef {
    fn from(i: Idx<T>) -> Self {
        EntityRef {
            kind: T::KIND,
            idx: i.index(),
        }
    }
}

/// A content file as read, kept for error messages and edit links.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the playbook root, `/`-separated.
    pub path: String,
    /// Full text.
    pub text: String,
}

/// When a phase or block happens, relative to a market's kickoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", rename_all = "lowercase")]
pub enum Window {
    /// Weeks `first..=last`, week 1 starting on kickoff day.
    Weeks {
        /// First week.
        first: u32,
        /// Last week.
        last: u32,
    },
    /// Months `first..=last`; `last: None` is open-ended ("Month 4+").
    Months {
        /// First month.
        first: u32,
        /// Last month, or none when ongoing.
        last: Option<u32>,
    },
}

impl Window {
    /// "Weeks 1–2", "Month 1", "Month 4+".
    pub fn label(&self) -> String {
        match *self {
            Window::Weeks { first, last } if first == last => format!("Week {first}"),
            Window::Weeks { first, last } => format!("Weeks {first}–{last}"),
            Window::Months {
                first,
                last: Some(l),
            } if l == first => format!("Month {first}"),
            Window::Months {
                first,
                last: Some(l),
            } => format!("Months {first}–{l}"),
            Window::Months { first, last: None } => format!("Month {first}+"),
        }
    }
}

/// A window in the words of a language edition: what pages show ("Wochen
/// 1–2"), checklists and exports too; [`Window::label`] is the English of
/// diagnostics.
pub trait WindowWords {
    /// A phase's window: "Weeks 1–2", "Month 4+".
    fn window(&self, w: Window) -> String;
    /// A week block's weeks within its phase: "Week 3", "Weeks 1–2".
    fn weeks(&self, first: u32, last: u32) -> String;
}

impl WindowWords for crate::language::strings::UiStrings {
    fn window(&self, w: Window) -> String {
        match w {
            Window::Weeks { first, last } => self.weeks(first, last),
            Window::Months {
                first,
                last: Some(l),
            } if l == first => self.get("window-month", &[("first", first.into())]),
            Window::Months {
                first,
                last: Some(l),
            } => self.get(
                "window-months",
                &[("first", first.into()), ("last", l.into())],
            ),
            Window::Months { first, last: None } => {
                self.get("window-months-on", &[("first", first.into())])
            }
        }
    }

    fn weeks(&self, first: u32, last: u32) -> String {
        if first == last {
            self.get("window-week", &[("first", first.into())])
        } else {
            self.get(
                "window-weeks",
                &[("first", first.into()), ("last", last.into())],
            )
        }
    }
}

/// A framework (International Operations Framework, AI Operations Methodology).
#[derive(Debug, Clone)]
pub struct Framework {
    /// Slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// A shorter title for tight places (see [`Framework::label`]).
    pub short_title: Option<String>,
    /// Summary (Markdown).
    pub summary: String,
    /// Introduction (Markdown).
    pub body: Option<String>,
    /// Provenance.
    pub source: Option<String>,
    /// Its components, in order (empty for a framework of phases).
    pub components: Vec<Idx<Component>>,
    /// Its phases, in order (all of them, through components or directly).
    pub phases: Vec<Idx<Phase>>,
    /// Implementation risks.
    pub risks: Vec<Risk>,
    /// Company or market work (its phases inherit it).
    pub scope: Scope,
    /// Source file index.
    pub file: Idx<SourceFile>,
}

impl Framework {
    /// What tight places call it (a market page's timeline labels): its
    /// `short_title`, else its title.
    pub fn label(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

impl Component {
    /// What tight places call it (a market page's timeline labels): its
    /// `short_title`, else its title.
    pub fn label(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

/// A risk and its mitigation.
#[derive(Debug, Clone)]
pub struct Risk {
    /// Slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: String,
    /// Mitigation title.
    pub mitigation_title: String,
    /// Mitigation (Markdown).
    pub mitigation: String,
    /// Steps threatened.
    pub threatens: Vec<Idx<Step>>,
}

/// A component of a framework.
#[derive(Debug, Clone)]
pub struct Component {
    /// Slug.
    pub id: String,
    /// Number in the framework.
    pub number: Option<u32>,
    /// Title.
    pub title: String,
    /// A shorter title for tight places (see [`Component::label`]).
    pub short_title: Option<String>,
    /// Focus line.
    pub subtitle: Option<String>,
    /// Summary (Markdown).
    pub summary: String,
    /// Body (Markdown).
    pub body: Option<String>,
    /// Owning framework.
    pub framework: Idx<Framework>,
    /// Its phases.
    pub phases: Vec<Idx<Phase>>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A phase.
#[derive(Debug, Clone)]
pub struct Phase {
    /// Slug.
    pub id: String,
    /// Number.
    pub number: Option<u32>,
    /// Title.
    pub title: String,
    /// When it happens.
    pub window: Window,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Owning framework.
    pub framework: Idx<Framework>,
    /// Owning component, if any.
    pub component: Option<Idx<Component>>,
    /// Its blocks (one implicit block when the phase lists steps directly).
    pub blocks: Vec<Idx<Block>>,
    /// Company or market work (inherited from the framework).
    pub scope: Scope,
    /// Market-entry work (`market_entry: true`): not on the home market's list.
    pub market_entry: bool,
    /// Company-wide phases and steps this phase depends on.
    pub after: Vec<Prereq>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A company-wide phase or step that market work depends on (a phase's `after:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Prereq {
    /// A company phase, by index.
    Phase(Idx<Phase>),
    /// A company step, by index.
    Step(Idx<Step>),
}

/// A titled group of steps within a phase.
#[derive(Debug, Clone)]
pub struct Block {
    /// Slug.
    pub id: String,
    /// Title (empty for an implicit block).
    pub title: String,
    /// Weeks within the phase; `None` = the whole phase / ongoing.
    pub weeks: Option<(u32, u32)>,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Owning phase.
    pub phase: Idx<Phase>,
    /// Its steps.
    pub steps: Vec<Idx<Step>>,
    /// True when the phase listed its steps directly.
    pub implicit: bool,
}

/// A step.
#[derive(Debug, Clone)]
pub struct Step {
    /// Slug.
    pub id: String,
    /// Number.
    pub number: Option<u32>,
    /// Title.
    pub title: String,
    /// Guidance (Markdown).
    pub guidance: Option<String>,
    /// Owning framework.
    pub framework: Idx<Framework>,
    /// Owning component.
    pub component: Option<Idx<Component>>,
    /// Owning phase.
    pub phase: Idx<Phase>,
    /// Owning block.
    pub block: Idx<Block>,
    /// Activities, each listing task indices.
    pub activities: IdxVec<Activity>,
    /// Market-specific extra tasks attached to this step.
    pub market_tasks: Vec<Idx<Task>>,
    /// Company or market work (inherited from the phase).
    pub scope: Scope,
    /// Market-entry work (inherited from the phase).
    pub market_entry: bool,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// An activity of a step.
#[derive(Debug, Clone)]
pub struct Activity {
    /// Slug within the step.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Task indices.
    pub tasks: Vec<Idx<Task>>,
}

/// A task: one checklist line.
#[derive(Debug, Clone)]
pub struct Task {
    /// Global id: `<step-id>/<slug>`, or `<market>/<step-id>/<slug>` for a market's own task.
    pub id: String,
    /// Slug within the step (used as the HTML anchor).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: Option<String>,
    /// Owner role id.
    pub owner: Option<String>,
    /// Applicability rule.
    pub rule: Option<Rule>,
    /// Owning step.
    pub step: Idx<Step>,
    /// Activity index within the step; `None` for a market's own task.
    pub activity: Option<Idx<Activity>>,
    /// The market that added this task, if any.
    pub market: Option<Idx<Market>>,
    /// Company or market work (inherited from the step; a market's own task
    /// is market work).
    pub scope: Scope,
    /// Tasks that are the same work (`same_as`, made symmetric and
    /// transitive: the other members of its group), ascending.
    pub same_as: Vec<Idx<Task>>,
    /// Tasks marked as different work despite a similar title, with why.
    pub distinct_from: Vec<(Idx<Task>, String)>,
    /// How long the work takes; `None`: its phase's (or block's) window.
    pub duration: Option<WorkDuration>,
    /// What it waits for (finish to start): task indices, `step:`/`phase:`
    /// references expanded to their tasks, ascending. Company tasks among
    /// them are met by the company program's schedule.
    pub after: Vec<Idx<Task>>,
    /// The regulation deadline it serves: (regulation, its deadline's index).
    pub deadline: Option<(Idx<Regulation>, Idx<Deadline>)>,
    /// Market-entry work (inherited from the step): not on the home market's list.
    pub market_entry: bool,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A group of metrics.
#[derive(Debug, Clone)]
pub struct MetricGroup {
    /// Slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// Framework.
    pub framework: Option<Idx<Framework>>,
    /// Its metrics.
    pub metrics: Vec<Idx<Metric>>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A success metric.
#[derive(Debug, Clone)]
pub struct Metric {
    /// Slug.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description (Markdown).
    pub description: Option<String>,
    /// Target.
    pub target: Target,
    /// What it measures.
    pub measures: Vec<EntityRef>,
    /// Informative.
    pub lower_is_better: bool,
    /// Group.
    pub group: Idx<MetricGroup>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A market.
#[derive(Debug, Clone)]
pub struct Market {
    /// ISO code.
    pub id: String,
    /// Name.
    pub name: String,
    /// Region.
    pub region: String,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Body (Markdown).
    pub body: Option<String>,
    /// Regulation indices.
    pub regulations: Vec<Idx<Regulation>>,
    /// Tags.
    pub tags: Vec<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Currency.
    pub currency: Option<String>,
    /// Kickoff.
    pub kickoff: Date,
    /// A draft (`draft: true`): its kickoff is a placeholder, so it is not a
    /// live launch; status reports leave it out.
    pub draft: bool,
    /// Role → person.
    pub team: BTreeMap<String, String>,
    /// Partners.
    pub partners: Vec<RawPartner>,
    /// Its own tasks.
    pub tasks: Vec<Idx<Task>>,
    /// Metric index → actual.
    pub actuals: Vec<(Idx<Metric>, RawActual)>,
    /// The company's home market: market-entry work is not on its list.
    pub home: bool,
    /// The day it went live; `None` while planned.
    pub launched: Option<Date>,
    /// How the market changes shared tasks of its list, by task index.
    pub adjust: BTreeMap<Idx<Task>, Adjust>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A market's change to one shared task of its checklist (`adjust:`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Adjust {
    /// A note for this market's team (Markdown).
    pub note: Option<String>,
    /// Another owning role here.
    pub owner: Option<String>,
    /// How long it takes here.
    pub duration: Option<WorkDuration>,
    /// A fixed due date here.
    pub due: Option<Date>,
    /// More work it waits for here (task indices).
    pub after: Vec<Idx<Task>>,
    /// Left off this market's list, with the reason.
    pub skip: Option<String>,
}

/// A regulation.
#[derive(Debug, Clone)]
pub struct Regulation {
    /// Slug.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Official name.
    pub official_name: Option<String>,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// In force since.
    pub in_force: Option<String>,
    /// Official link.
    pub link: Option<String>,
    /// Last reviewed.
    pub reviewed: Option<Date>,
    /// Summary (Markdown).
    pub summary: String,
    /// The official sources its facts were checked against.
    pub sources: IdxVec<RegulationSource>,
    /// The source of `in_force` (an index into `sources`).
    pub in_force_source: Option<Idx<RegulationSource>>,
    /// Dated obligations, in the file's order ([`Regulation::deadline`]
    /// finds one by id).
    pub deadlines: IdxVec<Deadline>,
    /// Obligations.
    pub obligations: Vec<Obligation>,
    /// Pending changes to keep an eye on.
    pub watch: Vec<WatchItem>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// An official source of a regulation's facts: the law's text, the official
/// journal or the regulator.
#[derive(Debug, Clone)]
pub struct RegulationSource {
    /// Slug, unique within its regulation.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// The day the facts were last checked against it.
    pub checked: Date,
}

/// A dated obligation of a regulation; tasks point at it as
/// `<regulation-id>/<deadline-id>` ([`Playbook::deadline`]).
#[derive(Debug, Clone)]
pub struct Deadline {
    /// Slug, unique within its regulation.
    pub id: String,
    /// The day.
    pub date: Date,
    /// What applies or is due that day (Markdown).
    pub what: String,
    /// Its source: an index into the regulation's `sources`.
    pub source: Idx<RegulationSource>,
    /// False when the date is unconfirmed.
    pub confirmed: bool,
}

/// One obligation of a regulation.
#[derive(Debug, Clone)]
pub struct Obligation {
    /// Its anchor on the regulation's page, from the source's topic (the
    /// same in every language edition).
    pub anchor: String,
    /// The topic.
    pub topic: String,
    /// What the regulation requires (Markdown).
    pub text: String,
    /// Its sources: indices into the regulation's `sources`.
    pub sources: Vec<Idx<RegulationSource>>,
}

/// A pending change to a regulation.
#[derive(Debug, Clone)]
pub struct WatchItem {
    /// What may change, and where it stands (Markdown).
    pub what: String,
    /// Its sources: indices into the regulation's `sources`.
    pub sources: Vec<Idx<RegulationSource>>,
    /// False when what it reports is unconfirmed.
    pub confirmed: bool,
}

/// An expert (often a composite).
#[derive(Debug, Clone)]
pub struct Expert {
    /// Slug.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
    /// Composite, not a real person.
    pub composite: bool,
    /// Category.
    pub category: Option<String>,
    /// Background (Markdown).
    pub background: Option<String>,
    /// Insight (Markdown).
    pub insight: Option<String>,
    /// Quotes.
    pub quotes: Vec<String>,
    /// Perspectives: (title, Markdown).
    pub perspectives: Vec<(String, String)>,
    /// Advice: (Markdown, step indices).
    pub advice: Vec<(String, Vec<Idx<Step>>)>,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A research page.
#[derive(Debug, Clone)]
pub struct Research {
    /// Slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// Category.
    pub category: Option<String>,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// What it supports.
    pub supports: Vec<EntityRef>,
    /// Result figures.
    pub results: Vec<RawResult>,
    /// Body (Markdown).
    pub body: String,
    /// Byte offset of the body in its file.
    pub body_offset: usize,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// A story chapter.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// Slug.
    pub id: String,
    /// Order key from the file name (`NN-`).
    pub number: u32,
    /// Title.
    pub title: String,
    /// Act.
    pub act: u32,
    /// Act title.
    pub act_title: Option<String>,
    /// Section.
    pub section: Option<u32>,
    /// Section title.
    pub section_title: Option<String>,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// What it applies, in order.
    pub applies: Vec<EntityRef>,
    /// Body (Markdown).
    pub body: String,
    /// Byte offset of the body in its file.
    pub body_offset: usize,
    /// Source file.
    pub file: Idx<SourceFile>,
}

/// The whole resolved playbook.
#[derive(Debug, Clone)]
pub struct Playbook {
    /// `book.toml`.
    pub config: Config,
    /// Every file read, by index.
    pub sources: IdxVec<SourceFile>,
    /// Role id → title.
    pub roles: BTreeMap<String, String>,
    /// The role that leads a market's launch (`leads_launch: true` in
    /// roles.yaml), named on every checklist.
    pub launch_lead_role: Option<String>,
    /// Frameworks in order.
    pub frameworks: IdxVec<Framework>,
    /// Components.
    pub components: IdxVec<Component>,
    /// Phases.
    pub phases: IdxVec<Phase>,
    /// Blocks.
    pub blocks: IdxVec<Block>,
    /// Steps in reading order.
    pub steps: IdxVec<Step>,
    /// Tasks.
    pub tasks: IdxVec<Task>,
    /// Metric groups.
    pub metric_groups: IdxVec<MetricGroup>,
    /// Metrics.
    pub metrics: IdxVec<Metric>,
    /// Markets by id.
    pub markets: IdxVec<Market>,
    /// Regulations by id.
    pub regulations: IdxVec<Regulation>,
    /// Experts.
    pub experts: IdxVec<Expert>,
    /// Research pages.
    pub research: IdxVec<Research>,
    /// Chapters in order.
    pub chapters: IdxVec<Chapter>,
    /// The story's learning path (levels, self-assessments, portfolio), if
    /// the playbook has `content/story/learning-path.yaml`.
    pub learning: Option<learning::LearningPath>,
    /// Id lookup per kind.
    pub index: HashMap<Kind, HashMap<String, usize>>,
    /// Who references what: target page → source pages.
    pub backlinks: BTreeMap<EntityRef, BTreeSet<EntityRef>>,
    /// Markets each task with a rule (or of a market, or linked `same_as`)
    /// applies to, ascending, by task index. Empty for company work, and for
    /// a task without a rule or links: it applies to every
    /// market, and listing them all would grow with markets × tasks. Ask
    /// [`Playbook::applies`] rather than reading this directly.
    pub task_markets: IdxVec<Task, Vec<Idx<Market>>>,
    /// Each market's recorded progress (`content/progress/<market>.yaml`),
    /// by market index; empty for a market without a file.
    pub progress: IdxVec<Market, Progress>,
    /// The company program's recorded progress (`content/progress/company.yaml`).
    pub company_progress: Progress,
    /// Each market's tally (rows, done, open by due date), by market index,
    /// as the resolver's schedule check counted it; empty when it did not
    /// schedule (nothing to check, or a resolve without a scheduler). The
    /// status board and the pages read it instead of scheduling every
    /// market again.
    pub tallies: IdxVec<Market, Tally>,
    /// Warnings found while resolving.
    pub warnings: Vec<crate::diag::Diagnostic>,
    /// Version and last changes from git, for the site (filled by a build
    /// or `serve`, empty otherwise).
    pub provenance: crate::provenance::Provenance,
    /// The translations in `content/i18n/`, checked, with how much each
    /// language has (`playbook check`'s summary).
    pub translations: crate::language::file::Translations,
    /// Which edition of the site this is: the source language's (the
    /// default) or a translation's, made by [`crate::i18n::apply::edition`].
    pub edition: crate::language::edition::Edition,
}

/// A market's recorded progress: which of its checklist's tasks are done.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// The progress file, when the market has one.
    pub file: Option<Idx<SourceFile>>,
    /// Task index → when and by whom it was done.
    pub done: HashMap<Idx<Task>, Done>,
}

/// A task recorded as done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Done {
    /// The day it was done.
    pub on: Date,
    /// Who did it.
    pub by: Option<String>,
    /// A note.
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_english_words_are_its_label() {
        let en = crate::language::strings::english();
        for w in [
            Window::Weeks { first: 3, last: 3 },
            Window::Weeks { first: 1, last: 2 },
            Window::Months {
                first: 2,
                last: Some(2),
            },
            Window::Months {
                first: 2,
                last: Some(5),
            },
            Window::Months {
                first: 4,
                last: None,
            },
        ] {
            assert_eq!(en.window(w), w.label());
        }
        let (de, _) = crate::language::strings::UiStrings::load("de", None);
        assert_eq!(de.window(Window::Weeks { first: 1, last: 2 }), "Wochen 1–2");
        assert_eq!(de.weeks(3, 3), "Woche 3");
    }
}

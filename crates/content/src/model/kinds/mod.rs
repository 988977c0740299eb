//! The content kinds, declared once: one [`KindInfo`] per [`Kind`] (in
//! `kinds/<kind>.rs`), from which everything that lists kinds is derived —
//! [`Kind::ALL`] and the `[[kind:id]]` words, an entity's id, title, file
//! and URL, the counts of the page table, the link resolver's files.
//!
//! Adding a kind: its variant below, its line in the [`kinds!`] list (a
//! variant without one does not compile), and its file here with its row.

mod chapter;
mod component;
mod expert;
pub mod file_kind;
pub mod files;
mod framework;
mod framework_export;
mod market;
mod metric;
mod regulation;
mod research;
pub mod skeleton;
mod step;
mod task;

use super::{EntityRef, Framework, Idx, IdxVec, Playbook, SourceFile};
use serde::Serialize;

/// The kinds of things a cross-reference can name. The order of the
/// variants is the model's (ids in `playbook.json`'s backlinks, the title
/// index); [`Kind::ALL`] is the order readers see them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A framework.
    Framework,
    /// A framework component.
    Component,
    /// A step.
    Step,
    /// A task (lives on its step's page).
    Task,
    /// A success metric.
    Metric,
    /// A market.
    Market,
    /// A regulation.
    Regulation,
    /// An expert.
    Expert,
    /// A research page.
    Research,
    /// A story chapter.
    Chapter,
}

/// The registry: every kind with its row, in the order readers see kinds
/// (backlink groups, the sidebar). Generates [`Kind::ALL`] and
/// [`Kind::info`]; `info`'s `match` has no catch-all, so a variant missing
/// here does not compile.
macro_rules! kinds {
    ($($variant:ident => $row:path),* $(,)?) => {
        impl Kind {
            /// Every kind, in the order pages show them (backlink groups,
            /// the sidebar).
            pub const ALL: [Kind; [$(Kind::$variant),*].len()] = [$(Kind::$variant),*];

            /// The kind's row of the registry.
            pub fn info(self) -> &'static KindInfo {
                match self {
                    $(Kind::$variant => &$row,)*
                }
            }
        }
    };
}

kinds! {
    Chapter => chapter::ROW,
    Framework => framework::ROW,
    Component => component::ROW,
    Step => step::ROW,
    Task => task::ROW,
    Metric => metric::ROW,
    Market => market::ROW,
    Regulation => regulation::ROW,
    Expert => expert::ROW,
    Research => research::ROW,
}

/// One content kind: what every list of kinds is derived from.
pub struct KindInfo {
    /// The kind.
    pub kind: Kind,
    /// The word in `[[market:de]]`, in `kind:id` lists and in messages.
    pub name: &'static str,
    /// The heading over several ("Markets"): backlink groups, the search
    /// page's kind facet, "there are no markets yet".
    pub plural_title: &'static str,
    /// The kind of file each entity is, when it is a file of its own (a
    /// market's `content/markets/<id>.yaml`, a framework's
    /// `framework.yaml`: a relative Markdown link can name it); none for
    /// steps, tasks and metrics, written inside other files.
    pub file: Option<&'static files::FileKind>,
    /// Where its pages are.
    pub url: Url,
    /// Its entities, read through the playbook.
    pub entities: EntityFns,
    /// How `playbook check`'s summary counts it ("12 research pages"),
    /// if it does (components are not counted).
    pub summary: Option<Counted>,
    /// Its entry in the title index (`search-index.js`, for the site
    /// opened from disk): the context line under an entity's title, or
    /// `None` to leave the entity out (a market's own task).
    pub title_index: fn(&Playbook, usize) -> Option<String>,
    /// Its section of `playbook.json`, if it has one of its own
    /// (components, steps and tasks are written inside their framework).
    pub export: Option<Export>,
    /// Its section of the sidebar, if it opens one (components, steps and
    /// tasks are listed inside the frameworks' section).
    pub sidebar: Option<NavSpec>,
    /// The framework an entity is part of, for a kind inside frameworks
    /// (the search page's framework facet).
    pub framework: Option<fn(&Playbook, usize) -> Idx<Framework>>,
    /// The entity whose page shows it, for a kind without pages of its
    /// own (a task: its step).
    pub shown_on: Option<fn(&Playbook, usize) -> EntityRef>,
    /// How `playbook new <kind> <id>` adds one, if it can.
    pub scaffold: Option<Scaffold>,
}

/// How `playbook new` adds an entity of a kind.
#[derive(Clone, Copy)]
pub enum Scaffold {
    /// A file of its own, written whole.
    File(NewFile),
    /// An entry written into its parent's file, the parent named by
    /// `--in` (the insertion is `scaffold`'s).
    Entry(Parent),
}

/// A new file of its own: where it goes and its text.
#[derive(Clone, Copy)]
pub struct NewFile {
    /// Its path from the playbook root, for an id
    /// (`content/markets/<id>.yaml`; a chapter's after the last one's number).
    pub path: fn(&Playbook, &str) -> String,
    /// Its commented skeleton, for an id (`today`: a date placeholder).
    pub text: fn(&Playbook, &str, jiff::civil::Date) -> String,
    /// Whether the id is written in the file (`id: …`; a chapter's is its
    /// file's name): where `playbook new` points when the id is taken.
    pub id_in_file: bool,
}

/// The parent a new entry is written into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    /// A phase (or a phase's week block): a new step.
    Phase,
    /// A step's activity: a new task (its id is `<step>/<id>`).
    Step,
    /// A metrics file: a new metric.
    MetricsFile,
}

/// A kind's section of the sidebar, in [`Kind::ALL`]'s order.
#[derive(Debug, Clone, Copy)]
pub struct NavSpec {
    /// The section's heading ("Markets").
    pub title: &'static str,
    /// The index page it links to (`markets/`).
    pub url: &'static str,
    /// What it lists when it is open.
    pub list: NavList,
    /// A link of its own right after it, to a page the kind's section
    /// leads to (the launch status, after the markets).
    pub then: Option<NavLink>,
}

/// What an open sidebar section lists (the sidebar lays each out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavList {
    /// Its entities by title, in the model's order.
    Entities,
    /// Its entities sorted by title, as their index lists them (markets:
    /// by name, not by code).
    ByTitle,
    /// The chapters, numbered, then the learning path.
    Chapters,
    /// The frameworks; the current one's components (or phases) and steps.
    Frameworks,
    /// The metric groups, as anchors on the metrics index.
    MetricGroups,
}

/// A sidebar link to a page that is not a kind's.
#[derive(Debug, Clone, Copy)]
pub struct NavLink {
    /// Its text.
    pub title: &'static str,
    /// Its page (`status/`).
    pub url: &'static str,
}

/// A count in `playbook check`'s summary line.
#[derive(Clone, Copy)]
pub struct Counted {
    /// The words after the number ("research pages").
    pub plural: &'static str,
    /// The number (tasks count only the frameworks' own, not markets').
    pub count: fn(&Playbook) -> usize,
}

/// A kind's section of `playbook.json`: a key of the top-level object and
/// the array of its records (written one entity at a time, never as one
/// JSON tree; keys of each record in the sorted order serde_json gives a
/// `json!` object, so the bytes are stable).
#[derive(Clone, Copy)]
pub struct Export {
    /// The key (`markets`).
    pub key: &'static str,
    /// Write the array of records (`[…]`) to the output.
    pub write: fn(&Playbook, &mut Vec<u8>),
}

/// Write `items` as a JSON array, one item at a time (for an [`Export`]).
pub fn write_json_array<T: Serialize>(out: &mut Vec<u8>, items: impl Iterator<Item = T>) {
    out.push(b'[');
    for (i, v) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let _ = serde_json::to_writer(&mut *out, &v);
    }
    out.push(b']');
}

/// References as `playbook.json` writes them: `{"kind": …, "id": …}`.
pub fn json_refs(pb: &Playbook, v: &[EntityRef]) -> Vec<serde_json::Value> {
    v.iter()
        .map(|&e| serde_json::json!({"kind": e.kind.name(), "id": pb.id(e)}))
        .collect()
}

/// Where a kind's entity pages are.
#[derive(Clone, Copy)]
pub enum Url {
    /// Under a folder of its own: `<folder><id>/` (`markets/de/`).
    Folder(&'static str),
    /// Worked out from its parents (a component under its framework, a
    /// step under its component, a task as an anchor on its step's page).
    Nested(fn(&Playbook, usize) -> String),
}

/// A type whose values are the entities of one [`Kind`], kept in one of
/// the playbook's vectors.
pub trait Entity: Sized + 'static {
    /// Their kind.
    const KIND: Kind;
    /// All of them.
    fn all(pb: &Playbook) -> &IdxVec<Self>;
    /// The id (`de`, `kyc/verify-identity`).
    fn id(&self) -> &str;
    /// The display title.
    fn title(&self) -> &str;
    /// The file it was read from.
    fn file(&self) -> Idx<SourceFile>;
}

/// A kind's entities without their type: how many, and each one's id,
/// title and file (made by [`entities`]).
#[derive(Clone, Copy)]
pub struct EntityFns {
    /// How many the playbook has.
    pub count: fn(&Playbook) -> usize,
    /// The id of the `i`th.
    pub id: for<'a> fn(&'a Playbook, usize) -> &'a str,
    /// The title of the `i`th.
    pub title: for<'a> fn(&'a Playbook, usize) -> &'a str,
    /// The file of the `i`th.
    pub file: fn(&Playbook, usize) -> Idx<SourceFile>,
}

/// [`EntityFns`] of the entities of type `T`.
pub const fn entities<T: Entity>() -> EntityFns {
    fn count<T: Entity>(pb: &Playbook) -> usize {
        T::all(pb).len()
    }
    fn id<T: Entity>(pb: &Playbook, i: usize) -> &str {
        T::all(pb)[Idx::new(i)].id()
    }
    fn title<T: Entity>(pb: &Playbook, i: usize) -> &str {
        T::all(pb)[Idx::new(i)].title()
    }
    fn file<T: Entity>(pb: &Playbook, i: usize) -> Idx<SourceFile> {
        T::all(pb)[Idx::new(i)].file()
    }
    EntityFns {
        count: count::<T>,
        id: id::<T>,
        title: title::<T>,
        file: file::<T>,
    }
}

impl Kind {
    /// The word used in `[[kind:id]]`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Plural heading, for backlink groups and indexes.
    pub fn plural_title(self) -> &'static str {
        self.info().plural_title
    }

    /// Parse the word used in `[[kind:id]]`.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Every kind in the model's order (the order of the variants): the
    /// title index and `playbook check`'s summary list kinds so.
    pub fn in_model_order() -> [Kind; Kind::ALL.len()] {
        let mut all = Kind::ALL;
        all.sort();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_row_and_word() {
        let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        for k in Kind::ALL {
            assert_eq!(k.info().kind, k, "{k:?}'s row is another kind's");
            assert_eq!(Kind::parse(k.name()), Some(k));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Kind::ALL.len(), "two kinds share a word");
    }

    #[test]
    fn export_sections_have_keys_of_their_own() {
        let mut keys: Vec<&str> = Kind::ALL
            .iter()
            .filter_map(|k| k.info().export.map(|e| e.key))
            .collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "two kinds write one playbook.json section");
        for own in [
            "backlinks",
            "base_url",
            "description",
            "format",
            "roles",
            "title",
        ] {
            assert!(!keys.contains(&own), "a kind's section is named {own}");
        }
    }
}

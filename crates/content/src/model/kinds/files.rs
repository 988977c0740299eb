//! The kinds of content file, in the order a load reads them ([`FILES`]):
//! where each kind's files are, the raw type a file is parsed into, and
//! its editor schema. `load` walks this table; `playbook schema` writes a
//! schema per row. The kinds whose entities are files of their own
//! (markets, research pages, …) declare their file kind in their own row
//! (`kinds/<kind>.rs`); the rest are here.

pub use super::file_kind::*;
use super::{chapter, component, expert, framework, market, regulation, research};
use crate::model::raw::*;

/// Every kind of content file, in the order a load reads them (which fixes
/// the files' indices and the order of their diagnostics).
pub const FILES: &[&FileKind] = &[
    &ROLES,
    &framework::FILE,
    &component::FILE,
    &PHASE,
    &METRICS,
    &market::FILE,
    &regulation::FILE,
    &expert::FILE,
    &research::FILE,
    &chapter::FILE,
    &LEARNING_PATH,
    &PROGRESS,
];

/// A framework's own file (`frameworks/<fw>/framework.yaml`): the load
/// reads it first, and the component or phase files it lists with it.
pub const FRAMEWORK: &FileKind = &framework::FILE;

/// A framework's component file (a framework of components lists them).
pub const COMPONENT: &FileKind = &component::FILE;

/// `content/roles.yaml`: the roles that own tasks.
pub const ROLES: FileKind = FileKind {
    name: "roles",
    title: "Playbook roles (content/roles.yaml)",
    place: Place::File(
        "roles.yaml",
        Some("list the roles that own tasks: `roles: [{id: ops-lead, title: Head of operations}]`"),
    ),
    parser: Parser::yaml::<RolesFile>(),
    schema: schema_of::<RolesFile>,
};

/// A framework's phase file (a framework of phases lists them).
pub const PHASE: FileKind = FileKind {
    name: "phase",
    title: "Playbook phase file (content/frameworks/<fw>/<phase>.yaml)",
    place: Place::Phases,
    parser: Parser::yaml::<RawPhase>(),
    schema: schema_of::<RawPhase>,
};

/// A metrics file: a group of metrics.
pub const METRICS: FileKind = FileKind {
    name: "metrics",
    title: "Playbook metrics (content/metrics/<group>.yaml)",
    place: Place::Folder("metrics", "yaml"),
    parser: Parser::yaml::<RawMetricFile>(),
    schema: schema_of::<RawMetricFile>,
};

/// The story's learning path.
pub const LEARNING_PATH: FileKind = FileKind {
    name: "learning-path",
    title: "Playbook learning path (content/story/learning-path.yaml)",
    place: Place::File("story/learning-path.yaml", None),
    parser: Parser::yaml::<RawLearningPath>(),
    schema: schema_of::<RawLearningPath>,
};

/// A program's recorded progress, named by its market (or `company`).
pub const PROGRESS: FileKind = FileKind {
    name: "progress",
    title: "Playbook progress (content/progress/<market>.yaml)",
    place: Place::Folder("progress", "yaml"),
    parser: Parser::yaml::<RawProgress>(),
    schema: schema_of::<RawProgress>,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn every_kind_with_files_of_its_own_has_its_file_kind_in_the_table() {
        for k in Kind::ALL {
            if let Some(f) = k.info().file {
                assert!(
                    FILES.iter().any(|x| x.name == f.name),
                    "{k:?}'s file kind is not in FILES"
                );
            }
        }
        let mut names: Vec<&str> = FILES.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            FILES.len(),
            "two file kinds share a schema name"
        );
    }
}

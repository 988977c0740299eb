//! Where a diagnostic points: a node of a file's YAML by its path (from the
//! parser's spans, [`crate::yaml::SpanMap`]), or an offset in a Markdown body.
//!
//! The resolver remembers where each phase, block, step and task was written
//! ([`Origins`]: indices, a few bytes each), and turns that into a path only
//! when there is something to report. A file's span map is built the first
//! time one of its nodes is needed, then kept for the rest of the resolve.

use super::Resolver;
use crate::diag::{Diagnostic, Location};
use crate::model::{Block, Idx, IdxVec, Phase, SourceFile, Step, Task};
use crate::yaml::{value_offset, SpanMap};

/// Where the resolver's phases, blocks, steps and tasks are written in their
/// files, by index in the model (filled in as they are added).
#[derive(Default)]
pub(super) struct Origins {
    /// Per phase: its index in its component's `phases`, or `None` for a
    /// phase that is its own file.
    pub(super) phases: IdxVec<Phase, Option<usize>>,
    /// Per block: its index in its phase's `blocks`, or `None` for the
    /// implicit block of a phase's own `steps`.
    pub(super) blocks: IdxVec<Block, Option<usize>>,
    /// Per step: its index in its block's (or phase's) `steps`.
    pub(super) steps: IdxVec<Step, usize>,
    /// Per task: its index in its activity's `tasks` (or its market's `tasks`).
    pub(super) tasks: IdxVec<Task, usize>,
}

/// `base.rest`, or `rest` at the document's root.
pub(super) fn join(base: &str, rest: &str) -> String {
    if base.is_empty() {
        rest.to_string()
    } else {
        format!("{base}.{rest}")
    }
}

impl Resolver {
    /// The path of a phase (`phases[1]`, or the root of a phase file).
    pub(super) fn phase_path(&self, pi: Idx<Phase>) -> String {
        match self.at.phases.get(pi).copied().flatten() {
            Some(i) => format!("phases[{i}]"),
            None => String::new(),
        }
    }

    /// The path of the list a block's steps are in (`phases[0].blocks[1]`).
    pub(super) fn block_path(&self, bi: Idx<Block>) -> String {
        let phase = self.phase_path(self.pb.blocks[bi].phase);
        match self.at.blocks.get(bi).copied().flatten() {
            Some(b) => join(&phase, &format!("blocks[{b}]")),
            None => phase,
        }
    }

    /// The path of a step (`phases[0].steps[2]`).
    pub(super) fn step_path(&self, si: Idx<Step>) -> String {
        let j = self.at.steps.get(si).copied().unwrap_or(0);
        join(
            &self.block_path(self.pb.steps[si].block),
            &format!("steps[{j}]"),
        )
    }

    /// The path of a task (`phases[0].steps[2].activities[0].tasks[3]`, or
    /// `tasks[1]` for a market's own task).
    pub(super) fn task_path(&self, ti: Idx<Task>) -> String {
        let t = &self.pb.tasks[ti];
        let k = self.at.tasks.get(ti).copied().unwrap_or(0);
        match t.activity {
            Some(a) => join(
                &self.step_path(t.step),
                &format!("activities[{}].tasks[{k}]", a.index()),
            ),
            None => format!("tasks[{k}]"),
        }
    }

    /// The span map of a file's YAML (its front matter for Markdown).
    fn spans(&mut self, file: Idx<SourceFile>) -> &SpanMap {
        let src = &self.pb.sources[file];
        self.spans.entry(file).or_insert_with(|| {
            let (start, end) = yaml_range(&src.path, &src.text);
            SpanMap::build(&src.text, start, end)
        })
    }

    /// A byte offset for the node at `path`, by `pick`; `None` when the
    /// document has no such node.
    fn offset_of(
        &mut self,
        file: Idx<SourceFile>,
        path: &str,
        pick: fn(&SpanMap, &str) -> Option<usize>,
    ) -> Option<usize> {
        pick(self.spans(file), path)
    }

    /// Place `d` at `offset` in a file, or at its first line.
    fn at_offset(&self, d: Diagnostic, file: Idx<SourceFile>, offset: Option<usize>) -> Diagnostic {
        let s = &self.pb.sources[file];
        match offset {
            Some(off) => d.at_offset(&s.path, &s.text, off),
            None => d.at(&s.path, &s.text, 1, 1),
        }
    }

    /// `d` at the key of the entry at `path` (`phases[0].id` → `id`); a
    /// sequence item or the root, which have no key, at their value.
    pub(super) fn at_key(
        &mut self,
        d: Diagnostic,
        file: Idx<SourceFile>,
        path: &str,
    ) -> Diagnostic {
        let off = self.offset_of(file, path, SpanMap::key_or_value);
        self.at_offset(d, file, off)
    }

    /// `d` at the value at `path`, the caret under its first `len` characters.
    pub(super) fn at_value(
        &mut self,
        d: Diagnostic,
        file: Idx<SourceFile>,
        path: &str,
        len: usize,
    ) -> Diagnostic {
        let off = self.offset_of(file, path, |m, p| m.get(p).map(|n| n.value.offset));
        // A quoted scalar: the caret starts at its quote and covers both.
        let text = &self.pb.sources[file].text;
        let quoted = off.is_some_and(|o| matches!(text.as_bytes().get(o), Some(b'"' | b'\'')));
        self.at_offset(d, file, off)
            .span(if quoted { len + 2 } else { len })
    }

    /// The place of the key at `path`, for a diagnostic's related places.
    pub(super) fn key_location(&mut self, file: Idx<SourceFile>, path: &str) -> Option<Location> {
        self.at_key(Diagnostic::error(""), file, path).location
    }

    /// `d` at byte `at` of a Markdown text: a whole body (`Body(offset)`),
    /// or the YAML scalar at a path (mapped through the scalar's quoting and
    /// folding; at the scalar itself when that cannot be followed).
    pub(super) fn at_markdown(
        &mut self,
        d: Diagnostic,
        file: Idx<SourceFile>,
        field: &MdPlace,
        text: &str,
        at: usize,
        len: usize,
    ) -> Diagnostic {
        let off = match field {
            MdPlace::Body(offset) => Some(offset + at),
            MdPlace::Yaml(path) => {
                let node = self.spans(file).get(path).copied();
                node.map(|n| {
                    value_offset(&self.pb.sources[file].text, &n, text, at)
                        .unwrap_or(n.value.offset)
                })
            }
        };
        self.at_offset(d, file, off).span(len)
    }
}

/// Where a Markdown text is in its file.
pub(super) enum MdPlace {
    /// A file's body, starting at this byte offset.
    Body(usize),
    /// A YAML scalar at this path.
    Yaml(String),
}

/// The byte range of a file's YAML: all of a `.yaml` file, the front matter
/// of a Markdown file.
fn yaml_range(path: &str, text: &str) -> (usize, usize) {
    if path.ends_with(".md") {
        if let Ok((start, end, _)) = crate::yaml::split_front_matter(text) {
            return (start, end);
        }
    }
    (0, text.len())
}

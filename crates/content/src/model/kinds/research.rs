//! A research page: `content/research/<id>.md`, its page at `research/<id>/`.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::skeleton::human;
use super::*;
use crate::model::raw::RawResearch;
use crate::model::Research;
use serde_json::json;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Research,
    name: "research",
    plural_title: "Research",
    file: Some(&FILE),
    url: Url::Folder("research/"),
    entities: entities::<Research>(),
    summary: Some(Counted {
        plural: "research pages",
        count: |pb| pb.research.len(),
    }),
    title_index,
    export: Some(Export {
        key: "research",
        write: export,
    }),
    sidebar: Some(NavSpec {
        title: "Research",
        url: "research/",
        list: NavList::Entities,
        then: None,
    }),
    framework: None,
    shown_on: None,
    scaffold: Some(Scaffold::File(NewFile {
        path: |_, id| format!("content/{DIR}/{id}.md"),
        text: |pb, id, _| skeleton(pb, id),
        id_in_file: true,
    })),
};

impl Entity for Research {
    const KIND: Kind = Kind::Research;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.research
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn file(&self) -> Idx<SourceFile> {
        self.file
    }
}

/// The folder of its files, under `content/`.
const DIR: &str = "research";

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "research",
    title: "Playbook research page: front matter (content/research/<id>.md)",
    place: Place::Folder(DIR, "md"),
    parser: Parser::markdown::<RawResearch>(),
    schema: schema_of::<RawResearch>,
};

/// Its line under the title in the title index.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    Some(
        pb.research[Idx::new(i)]
            .category
            .clone()
            .unwrap_or_default(),
    )
}

/// Its records in `playbook.json`.
fn export(pb: &Playbook, out: &mut Vec<u8>) {
    write_json_array(out, pb.research.iter_enumerated().map(|(i, r)| json!({
        "id": r.id, "title": r.title, "category": r.category, "url": pb.url(EntityRef::from(i)), "summary": r.summary,
        "results": r.results, "supports": json_refs(pb, &r.supports),
    })));
}

/// A new research page.
fn skeleton(pb: &Playbook, id: &str) -> String {
    let step = pb.steps.first().map_or("<step id>", |s| s.id.as_str());
    format!(
        "---
# A research page (docs/content-model.md, \"Research\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
title: {title:<21} # TODO: the finding's title
# category: …                # optional: free text
summary: >-
  TODO: the finding in one paragraph (Markdown).
supports: []                 # TODO: what it supports, e.g. [\"step:{step}\"]
results:
  - label: TODO              # TODO: what was measured
    value: \"0%\"              # TODO: the figure, as text
    text: TODO               # optional: its context
---
TODO: the research itself (Markdown): what was studied, how, and what it found.
",
        title = human(id),
    )
}

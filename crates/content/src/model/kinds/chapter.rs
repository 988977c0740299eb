//! A story chapter: `content/story/NN-<id>.md`, its page at `story/<id>/`.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::skeleton::{human, yaml_string};
use super::*;
use crate::model::raw::RawChapter;
use crate::model::Chapter;
use serde_json::json;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Chapter,
    name: "chapter",
    plural_title: "Story chapters",
    file: Some(&FILE),
    url: Url::Folder("story/"),
    entities: entities::<Chapter>(),
    summary: Some(Counted {
        plural: "chapters",
        count: |pb| pb.chapters.len(),
    }),
    title_index,
    export: Some(Export {
        key: "chapters",
        write: export,
    }),
    sidebar: Some(NavSpec {
        title: "Story",
        url: "story/",
        list: NavList::Chapters,
        then: None,
    }),
    framework: None,
    shown_on: None,
    scaffold: Some(Scaffold::File(NewFile {
        path: new_path,
        text: |pb, id, _| skeleton(pb, id),
        id_in_file: false,
    })),
};

impl Entity for Chapter {
    const KIND: Kind = Kind::Chapter;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.chapters
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
const DIR: &str = "story";

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "chapter",
    title: "Playbook story chapter: front matter (content/story/NN-slug.md)",
    place: Place::Folder(DIR, "md"),
    parser: Parser::markdown::<RawChapter>(),
    schema: schema_of::<RawChapter>,
};

/// Its line under the title in the title index.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    Some(format!("Story · Act {}", pb.chapters[Idx::new(i)].act))
}

/// Its records in `playbook.json`.
fn export(pb: &Playbook, out: &mut Vec<u8>) {
    write_json_array(out, pb.chapters.iter_enumerated().map(|(i, c)| json!({
        "id": c.id, "title": c.title, "act": c.act, "section": c.section, "url": pb.url(EntityRef::from(i)),
        "summary": c.summary, "applies": json_refs(pb, &c.applies),
    })));
}

/// A new story chapter (after the last one, in its act).
fn skeleton(pb: &Playbook, id: &str) -> String {
    let last = pb.chapters.last();
    let act = last.map_or(1, |c| c.act);
    let act_title = match last.and_then(|c| c.act_title.as_deref()) {
        Some(t) => format!("act_title: {}\n", yaml_string(t)),
        None => "# act_title: …              # optional: the act's title\n".into(),
    };
    format!(
        "---
# A story chapter (docs/content-model.md, \"Story chapters\"); its id is the
# file name without NN- and .md. Fill in the marked lines
# (`playbook check` warns while any mark is left).
title: {title:<21} # TODO: the chapter's title
act: {act:<23} # TODO: the act it belongs to
{act_title}# section: 1                # optional, with section_title
summary: >-
  TODO: one or two sentences (Markdown).
applies: []                  # TODO: what the chapter puts to work, in order, e.g. [\"framework:<id>\"]
---
TODO: the chapter (Markdown).

## Try it

TODO: something the reader can do with it.
",
        title = human(id),
    )
}

/// A new chapter's file: numbered after the last chapter.
fn new_path(pb: &Playbook, id: &str) -> String {
    let number = pb.chapters.iter().map(|c| c.number).max().unwrap_or(0) + 1;
    format!("content/{DIR}/{number:02}-{id}.md")
}

//! A story chapter: `content/story/NN-<id>.md`, its page at `story/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
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

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "chapter",
    title: "Playbook story chapter: front matter (content/story/NN-slug.md)",
    place: Place::Folder("story", "md"),
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

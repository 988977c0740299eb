//! A story chapter: `content/story/NN-<id>.md`, its page at `story/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawChapter;
use crate::model::Chapter;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Chapter,
    name: "chapter",
    plural_title: "Story chapters",
    file: Some(&FILE),
    url: Url::Folder("story/"),
    entities: entities::<Chapter>(),
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

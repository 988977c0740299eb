//! A research page: `content/research/<id>.md`, its page at `research/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawResearch;
use crate::model::Research;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Research,
    name: "research",
    plural_title: "Research",
    file: Some(&FILE),
    url: Url::Folder("research/"),
    entities: entities::<Research>(),
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

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "research",
    title: "Playbook research page: front matter (content/research/<id>.md)",
    place: Place::Folder("research", "md"),
    parser: Parser::markdown::<RawResearch>(),
    schema: schema_of::<RawResearch>,
};

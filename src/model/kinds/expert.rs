//! An expert: `content/experts/<id>.yaml`, its page at `experts/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawExpert;
use crate::model::Expert;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Expert,
    name: "expert",
    plural_title: "Experts",
    file: Some(&FILE),
    url: Url::Folder("experts/"),
    entities: entities::<Expert>(),
};

impl Entity for Expert {
    const KIND: Kind = Kind::Expert;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.experts
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.name
    }
    fn file(&self) -> Idx<SourceFile> {
        self.file
    }
}

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "expert",
    title: "Playbook expert (content/experts/<id>.yaml)",
    place: Place::Folder("experts", "yaml"),
    parser: Parser::yaml::<RawExpert>(),
    schema: schema_of::<RawExpert>,
};

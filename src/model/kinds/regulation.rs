//! A regulation: `content/regulations/<id>.yaml`, its page at `regulations/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawRegulation;
use crate::model::Regulation;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Regulation,
    name: "regulation",
    plural_title: "Regulations",
    file: Some(&FILE),
    url: Url::Folder("regulations/"),
    entities: entities::<Regulation>(),
};

impl Entity for Regulation {
    const KIND: Kind = Kind::Regulation;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.regulations
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
    name: "regulation",
    title: "Playbook regulation (content/regulations/<id>.yaml)",
    place: Place::Folder("regulations", "yaml"),
    parser: Parser::yaml::<RawRegulation>(),
    schema: schema_of::<RawRegulation>,
};

//! A market: `content/markets/<id>.yaml`, its page at `markets/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawMarket;
use crate::model::Market;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Market,
    name: "market",
    plural_title: "Markets",
    file: Some(&FILE),
    url: Url::Folder("markets/"),
    entities: entities::<Market>(),
};

impl Entity for Market {
    const KIND: Kind = Kind::Market;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.markets
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
    name: "market",
    title: "Playbook market (content/markets/<id>.yaml)",
    place: Place::Folder("markets", "yaml"),
    parser: Parser::yaml::<RawMarket>(),
    schema: schema_of::<RawMarket>,
};

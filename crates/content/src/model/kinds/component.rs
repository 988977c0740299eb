//! A framework's component: `content/frameworks/<fw>/<component>.yaml`, its page under its framework's.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawComponent;
use crate::model::Component;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Component,
    name: "component",
    plural_title: "Components",
    file: Some(&FILE),
    url: Url::Nested(url),
    entities: entities::<Component>(),
    summary: None,
    title_index,
    export: None,
    sidebar: None,
    framework: Some(|pb, i| pb.components[Idx::new(i)].framework),
    shown_on: None,
    scaffold: None,
};

impl Entity for Component {
    const KIND: Kind = Kind::Component;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.components
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

/// `frameworks/<fw>/<component>/`.
fn url(pb: &Playbook, i: usize) -> String {
    let c = &pb.components[Idx::new(i)];
    format!("frameworks/{}/{}/", pb.frameworks[c.framework].id, c.id)
}

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "component",
    title: "Playbook component (content/frameworks/<fw>/<component>.yaml)",
    place: Place::Components,
    parser: Parser::yaml::<RawComponent>(),
    schema: schema_of::<RawComponent>,
};

/// Its line under the title in the title index.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    Some(
        pb.frameworks[pb.components[Idx::new(i)].framework]
            .title
            .clone(),
    )
}

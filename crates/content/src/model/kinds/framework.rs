//! A framework: `content/frameworks/<fw>/framework.yaml`, its page at `frameworks/<fw>/`.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawFramework;
use crate::model::Framework;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Framework,
    name: "framework",
    plural_title: "Frameworks",
    file: Some(&FILE),
    url: Url::Folder("frameworks/"),
    entities: entities::<Framework>(),
    summary: Some(Counted {
        plural: "frameworks",
        count: |pb| pb.frameworks.len(),
    }),
    title_index,
    export: Some(super::framework_export::EXPORT),
    sidebar: Some(NavSpec {
        title: "Frameworks",
        url: "frameworks/",
        list: NavList::Frameworks,
        then: None,
    }),
    framework: Some(|_, i| Idx::new(i)),
    shown_on: None,
    scaffold: None,
};

impl Entity for Framework {
    const KIND: Kind = Kind::Framework;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.frameworks
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
    name: "framework",
    title: "Playbook framework (content/frameworks/<fw>/framework.yaml)",
    place: Place::Frameworks,
    parser: Parser::yaml::<RawFramework>(),
    schema: schema_of::<RawFramework>,
};

/// Its line under the title in the title index.
fn title_index(_: &Playbook, _: usize) -> Option<String> {
    Some("Framework".into())
}

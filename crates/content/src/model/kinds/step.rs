//! A step, written in its component's or phase's file; its page under its component (or framework).

use super::*;
use crate::model::Step;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Step,
    name: "step",
    plural_title: "Steps",
    file: None,
    url: Url::Nested(url),
    entities: entities::<Step>(),
    summary: Some(Counted {
        plural: "steps",
        count: |pb| pb.steps.len(),
    }),
    title_index,
    export: None,
    sidebar: None,
    framework: Some(|pb, i| pb.steps[Idx::new(i)].framework),
    shown_on: None,
    scaffold: Some(Scaffold::Entry(Parent::Phase)),
};

impl Entity for Step {
    const KIND: Kind = Kind::Step;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.steps
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

/// `frameworks/<fw>/<component>/<step>/`, or `frameworks/<fw>/<step>/` in
/// a framework without components.
fn url(pb: &Playbook, i: usize) -> String {
    let s = &pb.steps[Idx::new(i)];
    let fw = &pb.frameworks[s.framework].id;
    match s.component {
        Some(c) => format!("frameworks/{fw}/{}/{}/", pb.components[c].id, s.id),
        None => format!("frameworks/{fw}/{}/", s.id),
    }
}

/// Its line under the title in the title index: its component, or its
/// framework.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    let s = &pb.steps[Idx::new(i)];
    Some(match s.component {
        Some(c) => pb.components[c].title.clone(),
        None => pb.frameworks[s.framework].title.clone(),
    })
}

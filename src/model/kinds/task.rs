//! A task, written in its step's activity (or a market's `tasks:`); shown on its step's page.

use super::*;
use crate::model::Task;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Task,
    name: "task",
    plural_title: "Tasks",
    file: None,
    url: Url::Nested(url),
    entities: entities::<Task>(),
};

impl Entity for Task {
    const KIND: Kind = Kind::Task;
    fn all(pb: &Playbook) -> &IdxVec<Self> {
        &pb.tasks
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

/// Its anchor on its step's page (`…/kyc/#task-verify-identity`).
fn url(pb: &Playbook, i: usize) -> String {
    let t = &pb.tasks[Idx::new(i)];
    format!("{}#task-{}", pb.url(t.step.into()), t.slug)
}

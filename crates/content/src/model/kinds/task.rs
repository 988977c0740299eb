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
    summary: Some(Counted {
        plural: "tasks",
        count: |pb| pb.framework_task_count(),
    }),
    title_index,
    export: None,
    sidebar: None,
    framework: Some(|pb, i| pb.steps[pb.tasks[Idx::new(i)].step].framework),
    shown_on: Some(|pb, i| pb.tasks[Idx::new(i)].step.into()),
    scaffold: Some(Scaffold::Entry(Parent::Step)),
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

/// Its line under the title in the title index; a market's own task is
/// left out (it is found on its market's checklist).
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    let t = &pb.tasks[Idx::new(i)];
    t.market
        .is_none()
        .then(|| format!("Task in {}", pb.steps[t.step].title))
}

//! Each kind planned on the `init` playbook, written to a temporary copy and
//! loaded back: the new entity is there and the playbook has no problem.
#![allow(clippy::disallowed_methods)] // the tests write their temporary playbooks

use super::*;
use playbook_content::model::Kind;

/// The `init` playbook in a temporary folder.
fn skeleton() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in crate::skeleton::files() {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn opts() -> Options {
    Options {
        today: Date::constant(2027, 1, 4),
    }
}

/// Plan `new kind id --in parent` on the skeleton.
fn planned(kind: Kind, id: &str, parent: Option<&str>) -> Result<Plan, Diagnostic> {
    let dir = skeleton();
    let pb = playbook_plan::load_playbook(dir.path()).unwrap();
    plan(&pb, kind, id, parent, opts())
}

/// Plan, write, reload: the playbook with the new entity.
fn made(kind: Kind, id: &str, parent: Option<&str>) -> (Playbook, Plan) {
    let dir = skeleton();
    let pb = playbook_plan::load_playbook(dir.path()).unwrap();
    let p = plan(&pb, kind, id, parent, opts()).unwrap_or_else(|d| panic!("{}", d.render_text()));
    let text = match &p.change {
        Change::Create { text } => text,
        Change::Edit { new, .. } => new,
    };
    std::fs::create_dir_all(dir.path().join(&p.path).parent().unwrap()).unwrap();
    std::fs::write(dir.path().join(&p.path), text).unwrap();
    let pb = playbook_plan::load_playbook(dir.path())
        .unwrap_or_else(|d| panic!("{}\n--- {} ---\n{text}", d.render_text(), p.path));
    // The one warning: the file's placeholders, until they are filled in.
    let w: Vec<&str> = pb.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with(&format!("{} still has ", p.path))
            && w[0].ends_with("`TODO` placeholders"),
        "{w:?}"
    );
    (pb, p)
}

#[test]
fn every_kind_makes_an_entity_that_loads() {
    for (kind, id, parent, path, url) in [
        (
            Kind::Market,
            "xx",
            None,
            "content/markets/xx.yaml",
            "markets/xx/",
        ),
        (
            Kind::Regulation,
            "data-act",
            None,
            "content/regulations/data-act.yaml",
            "regulations/data-act/",
        ),
        (
            Kind::Expert,
            "bo-example",
            None,
            "content/experts/bo-example.yaml",
            "experts/bo-example/",
        ),
        (
            Kind::Research,
            "late-study",
            None,
            "content/research/late-study.md",
            "research/late-study/",
        ),
        (
            Kind::Chapter,
            "second-market",
            None,
            "content/story/02-second-market.md",
            "story/second-market/",
        ),
        (
            Kind::Step,
            "privacy-review",
            Some("foundation"),
            "content/frameworks/launch/compliance.yaml",
            "frameworks/launch/compliance/privacy-review/",
        ),
        (
            Kind::Task,
            "dpo",
            Some("regulatory-mapping"),
            "content/frameworks/launch/compliance.yaml",
            "frameworks/launch/compliance/regulatory-mapping/#task-dpo",
        ),
        (
            Kind::Metric,
            "time-to-launch",
            Some("launch"),
            "content/metrics/launch.yaml",
            "metrics/time-to-launch/",
        ),
    ] {
        let (pb, p) = made(kind, id, parent);
        assert_eq!((p.path.as_str(), p.url.as_str()), (path, url), "{kind:?}");
        let full = if kind == Kind::Task {
            format!("regulatory-mapping/{id}")
        } else {
            id.to_string()
        };
        let r = pb
            .lookup(kind, &full)
            .unwrap_or_else(|| panic!("{kind:?} {full} is missing"));
        if kind != Kind::Task {
            assert_eq!(pb.url(r), url);
        }
    }
}

#[test]
fn a_task_goes_into_the_first_activity_and_a_step_after_the_last_step() {
    let (pb, p) = made(Kind::Task, "dpo", Some("regulatory-mapping"));
    let s = &pb.steps[pb.find::<Step>("regulatory-mapping").unwrap()];
    let last = *s.activities[Idx::new(0)].tasks.last().unwrap();
    assert_eq!(pb.tasks[last].id, "regulatory-mapping/dpo");
    assert_eq!(pb.tasks[last].owner.as_deref(), Some("legal"));
    let Change::Edit { old, new, lines } = &p.change else {
        panic!()
    };
    assert!(
        new.starts_with(old.trim_end()),
        "the old text is kept as it was"
    );
    assert_eq!(lines.0, old.lines().count() + 1);
    let (pb, _) = made(Kind::Step, "privacy-review", Some("compliance/foundation"));
    let b = &pb.blocks[pb.phases[Idx::new(0)].blocks[0]];
    let ids: Vec<&str> = b.steps.iter().map(|&s| pb.steps[s].id.as_str()).collect();
    assert_eq!(ids, ["regulatory-mapping", "privacy-review"]);
    assert_eq!(pb.steps[b.steps[1]].number, Some(2));
}

#[test]
fn an_existing_id_is_refused_with_its_place() {
    let e = planned(Kind::Market, "de", None).unwrap_err();
    assert_eq!(
        e.message,
        "market `de` already exists, in content/markets/de.yaml"
    );
    assert_eq!(e.location.unwrap().line, 1);
    let e = planned(Kind::Step, "regulatory-mapping", Some("foundation")).unwrap_err();
    let at = e.location.unwrap();
    assert_eq!(
        (at.file.as_str(), at.line),
        ("content/frameworks/launch/compliance.yaml", 12)
    );
    let e = planned(
        Kind::Task,
        "regulation-inventory",
        Some("regulatory-mapping"),
    )
    .unwrap_err();
    assert_eq!(e.location.unwrap().line, 23);
    let e = planned(Kind::Metric, "launch-on-time", Some("launch")).unwrap_err();
    assert_eq!(e.location.unwrap().line, 6);
    let e = planned(Kind::Chapter, "first-market", None).unwrap_err();
    assert!(
        e.message.contains("content/story/01-first-market.md"),
        "{}",
        e.message
    );
}

#[test]
fn an_unknown_parent_gets_a_did_you_mean() {
    for (kind, parent, message, help) in [
        (
            Kind::Step,
            "fundation",
            "no phase `fundation`",
            "did you mean `foundation`?",
        ),
        (
            Kind::Step,
            "compliance/fundation",
            "no phase in component `compliance` called `fundation`",
            "did you mean `foundation`?",
        ),
        (
            Kind::Task,
            "regulatory-maping",
            "no step `regulatory-maping`",
            "did you mean `regulatory-mapping`?",
        ),
        (
            Kind::Task,
            "regulatory-mapping/mapin",
            "no activity in step `regulatory-mapping` called `mapin`",
            "did you mean `mapping`?",
        ),
        (
            Kind::Metric,
            "lanch",
            "no metrics file `lanch`",
            "did you mean `launch`?",
        ),
    ] {
        let e = planned(kind, "new-one", Some(parent)).unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.help.as_deref()),
            (message, Some(help))
        );
    }
}

#[test]
fn ids_must_be_slugs_and_parents_are_needed_only_where_they_are() {
    let e = planned(Kind::Market, "New Market", None).unwrap_err();
    assert_eq!(e.message, "`New Market` is not a valid id");
    assert!(e.help.unwrap().contains("`new-market`"));
    let e = planned(Kind::Step, "x", None).unwrap_err();
    assert_eq!(e.message, "a new step needs `--in PARENT`");
    assert!(e.help.unwrap().contains("foundation"));
    let e = planned(Kind::Market, "xx", Some("eu")).unwrap_err();
    assert!(
        e.message.contains("`--in eu` is not needed"),
        "{}",
        e.message
    );
}

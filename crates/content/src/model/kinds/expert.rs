//! An expert: `content/experts/<id>.yaml`, its page at `experts/<id>/`.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::skeleton::human;
use super::*;
use crate::model::raw::RawExpert;
use crate::model::Expert;
use serde_json::json;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Expert,
    name: "expert",
    plural_title: "Experts",
    file: Some(&FILE),
    url: Url::Folder("experts/"),
    entities: entities::<Expert>(),
    summary: Some(Counted {
        plural: "experts",
        count: |pb| pb.experts.len(),
    }),
    title_index,
    export: Some(Export {
        key: "experts",
        write: export,
    }),
    sidebar: Some(NavSpec {
        title: "Experts",
        url: "experts/",
        list: NavList::Entities,
        then: None,
    }),
    framework: None,
    shown_on: None,
    scaffold: Some(Scaffold::File(NewFile {
        path: |_, id| format!("content/{DIR}/{id}.yaml"),
        text: |pb, id, _| skeleton(pb, id),
        id_in_file: true,
    })),
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

/// The folder of its files, under `content/`.
const DIR: &str = "experts";

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "expert",
    title: "Playbook expert (content/experts/<id>.yaml)",
    place: Place::Folder(DIR, "yaml"),
    parser: Parser::yaml::<RawExpert>(),
    schema: schema_of::<RawExpert>,
};

/// Its line under the title in the title index.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    Some(pb.experts[Idx::new(i)].role.clone())
}

/// Its records in `playbook.json`.
fn export(pb: &Playbook, out: &mut Vec<u8>) {
    write_json_array(out, pb.experts.iter_enumerated().map(|(i, x)| json!({
        "id": x.id, "name": x.name, "role": x.role, "composite": x.composite, "url": pb.url(EntityRef::from(i)),
        "advice": x.advice.iter().map(|(t, s)| json!({"text": t, "steps": s.iter().map(|&s| pb.steps[s].id.clone()).collect::<Vec<_>>()})).collect::<Vec<_>>(),
    })));
}

/// A new expert file.
fn skeleton(pb: &Playbook, id: &str) -> String {
    let step = pb.steps.first().map_or("<step id>", |s| s.id.as_str());
    format!(
        "# An expert (docs/content-model.md, \"Experts\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
name: {name:<22} # TODO: the expert's name
role: TODO                   # TODO: role and organisation, e.g. VP of Engineering
composite: true              # TODO: false only for a real, named person; a composite's page says so
# category: …                # optional: field of expertise
background: >-
  TODO: who they are and what they have done (Markdown).
insight: >-
  TODO: their key insight, one paragraph (Markdown).
quotes: []                   # optional: [\"…\"]
# perspectives:              # optional
#   - title: …
#     text: …
advice:
  - text: >-
      TODO: one piece of actionable advice (Markdown).
    steps: []                # TODO: the steps it speaks to, e.g. [{step}]
",
        name = human(id),
    )
}

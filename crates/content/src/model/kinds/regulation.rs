//! A regulation: `content/regulations/<id>.yaml`, its page at `regulations/<id>/`.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::skeleton::human;
use super::*;
use crate::model::raw::RawRegulation;
use crate::model::Regulation;
use serde_json::json;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Regulation,
    name: "regulation",
    plural_title: "Regulations",
    file: Some(&FILE),
    url: Url::Folder("regulations/"),
    entities: entities::<Regulation>(),
    summary: Some(Counted {
        plural: "regulations",
        count: |pb| pb.regulations.len(),
    }),
    title_index,
    export: Some(Export {
        key: "regulations",
        write: export,
    }),
    sidebar: Some(NavSpec {
        title: "Regulations",
        url: "regulations/",
        list: NavList::Entities,
        then: None,
    }),
    framework: None,
    shown_on: None,
    scaffold: Some(Scaffold::File(NewFile {
        path: |_, id| format!("content/{DIR}/{id}.yaml"),
        text: |_, id, _| skeleton(id),
        id_in_file: true,
    })),
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

/// The folder of its files, under `content/`.
const DIR: &str = "regulations";

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "regulation",
    title: "Playbook regulation (content/regulations/<id>.yaml)",
    place: Place::Folder(DIR, "yaml"),
    parser: Parser::yaml::<RawRegulation>(),
    schema: schema_of::<RawRegulation>,
};

/// Its line under the title in the title index: its official name, or
/// where it applies.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    let g = &pb.regulations[Idx::new(i)];
    Some(
        g.official_name
            .clone()
            .unwrap_or_else(|| g.jurisdiction.clone()),
    )
}

/// Its records in `playbook.json`.
fn export(pb: &Playbook, out: &mut Vec<u8>) {
    write_json_array(out, pb.regulations.iter_enumerated().map(|(i, g)| json!({
        "id": g.id, "name": g.name, "official_name": g.official_name, "jurisdiction": g.jurisdiction, "in_force": g.in_force,
        "link": g.link, "url": pb.url(EntityRef::from(i)), "summary": g.summary,
        "obligations": g.obligations.iter().map(|o| json!({"topic": o.topic, "text": o.text, "sources": o.sources.iter().map(|&k| &g.sources[k].id).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "reviewed": g.reviewed.map(|d| d.to_string()),
        "sources": g.sources.iter().map(|s| json!({"id": s.id, "title": s.title, "url": s.url, "checked": s.checked.to_string()})).collect::<Vec<_>>(),
        "in_force_source": g.in_force_source.map(|k| &g.sources[k].id),
        "deadlines": g.deadlines.iter().map(|d| json!({"id": d.id, "date": d.date.to_string(), "what": d.what, "source": g.sources[d.source].id, "confirmed": d.confirmed})).collect::<Vec<_>>(),
        "watch": g.watch.iter().map(|w| json!({"what": w.what, "sources": w.sources.iter().map(|&k| &g.sources[k].id).collect::<Vec<_>>(), "confirmed": w.confirmed})).collect::<Vec<_>>(),
    })));
}

/// A new regulation file.
fn skeleton(id: &str) -> String {
    format!(
        "# A regulation (docs/content-model.md, \"Regulations\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
name: {name:<22} # TODO: the short name, e.g. GDPR
# official_name: …           # optional: the official title
jurisdiction: TODO           # TODO: where it applies, e.g. European Union / EEA
# in_force: \"25 May 2018\"    # optional: since when
# link: https://…            # optional: the official text
# reviewed: 2026-01-01       # optional: when this page was last checked against the law
summary: >-
  TODO: what the regulation is and whom it binds (Markdown).
obligations:
  - topic: TODO              # TODO: e.g. Breach notification
    text: >-
      TODO: what it asks of operations (Markdown).
",
        name = human(id),
    )
}

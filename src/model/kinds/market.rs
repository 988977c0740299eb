//! A market: `content/markets/<id>.yaml`, its page at `markets/<id>/`.

use super::files::{schema_of, FileKind, Parser, Place};
use super::*;
use crate::model::raw::RawMarket;
use crate::model::Market;
use serde_json::json;

pub(super) const ROW: KindInfo = KindInfo {
    kind: Kind::Market,
    name: "market",
    plural_title: "Markets",
    file: Some(&FILE),
    url: Url::Folder("markets/"),
    entities: entities::<Market>(),
    summary: Some(Counted {
        plural: "markets",
        count: |pb| pb.markets.len(),
    }),
    title_index,
    export: Some(Export {
        key: "markets",
        write: export,
    }),
    sidebar: Some(NavSpec {
        title: "Markets",
        url: "markets/",
        list: NavList::ByTitle,
        then: Some(NavLink {
            title: "Launch status",
            url: "status/",
        }),
    }),
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

/// Its line under the title in the title index.
fn title_index(pb: &Playbook, i: usize) -> Option<String> {
    let m = &pb.markets[Idx::new(i)];
    Some(format!(
        "Market · {} · kickoff {}",
        m.id.to_uppercase(),
        m.kickoff
    ))
}

/// Its records in `playbook.json`.
fn export(pb: &Playbook, out: &mut Vec<u8>) {
    write_json_array(out, pb.markets.iter_enumerated().map(|(i, m)| json!({
        "id": m.id, "name": m.name, "url": pb.url(EntityRef::from(i)), "region": m.region, "summary": m.summary,
        "regulations": m.regulations.iter().map(|&r| pb.regulations[r].id.clone()).collect::<Vec<_>>(),
        "tags": m.tags, "languages": m.languages, "currency": m.currency, "kickoff": m.kickoff.to_string(),
        "team": m.team, "partners": m.partners,
        "tasks": m.tasks.iter().map(|&t| json!({"id": pb.tasks[t].id, "step": pb.steps[pb.tasks[t].step].id, "title": pb.tasks[t].title, "owner": pb.tasks[t].owner})).collect::<Vec<_>>(),
        "actuals": m.actuals.iter().map(|(x, a)| {
            let mt = &pb.metrics[*x];
            json!({"metric": mt.id, "value": a.value, "as_of": a.as_of.map(|d| d.to_string()), "met": mt.target.op.met(a.value, mt.target.value)})
        }).collect::<Vec<_>>(),
        "checklist_url": format!("{}checklist/", pb.url(EntityRef::from(i))),
    })));
}

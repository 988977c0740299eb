//! A market: `content/markets/<id>.yaml`, its page at `markets/<id>/`.

use super::file_kind::{schema_of, FileKind, Parser, Place};
use super::skeleton::list;
use super::*;
use crate::model::raw::RawMarket;
use crate::model::Market;
use jiff::civil::Date;
use serde_json::json;
use std::collections::BTreeSet;

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
    framework: None,
    shown_on: None,
    scaffold: Some(Scaffold::File(NewFile {
        path: |_, id| format!("content/{DIR}/{id}.yaml"),
        text: skeleton,
        id_in_file: true,
    })),
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

/// The folder of its files, under `content/`.
const DIR: &str = "markets";

/// Its files.
pub(super) const FILE: FileKind = FileKind {
    name: "market",
    title: "Playbook market (content/markets/<id>.yaml)",
    place: Place::Folder(DIR, "yaml"),
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

/// A new market file: a draft (not a live launch until its kickoff is set
/// and the `draft` line removed), its region left to say (no region is
/// guessed from another market's).
fn skeleton(pb: &Playbook, id: &str, today: Date) -> String {
    let regions: BTreeSet<&str> = pb.markets.iter().map(|m| m.region.as_str()).collect();
    let tags: BTreeSet<&str> = pb
        .markets
        .iter()
        .flat_map(|m| m.tags.iter().map(String::as_str))
        .collect();
    let regulations = list(pb.regulations.iter().map(|r| r.id.as_str()));
    let roles = list(pb.roles.keys().map(String::as_str));
    format!(
        "# A market: its page, timeline, scorecard and launch checklist
# (docs/content-model.md, \"Markets\"). Fill in the marked lines
# (`playbook check` warns while any mark is left).
id: {id}
draft: true                  # TODO: remove this line once the kickoff below is set: until then it is no live launch (/status/)
name: {name:<22} # TODO: the market's name, e.g. Germany
region: TODO                 # TODO: its region (`applies_to` rules select tasks by it): one of {regions}, or a new one
summary: >-
  TODO: one paragraph: why this market, and what is special about launching there (Markdown).
regulations: []              # TODO: the regulations that apply; known: {regulations}
tags: []                     # TODO: the launch's traits that tasks apply to; known: {tags}
languages: []                # TODO: BCP 47 codes, e.g. [de, en]
# currency: EUR              # optional: ISO 4217 code
kickoff: {today}           # TODO: the launch's kickoff; week 1 of every phase starts that day
team: {{}}                     # TODO: role id -> person, e.g. {{ legal: \"Anna Schmidt\" }}; roles: {roles}
# partners:                  # optional
#   - name: Example GmbH
#     kind: reseller
# tasks:                     # optional: tasks only this market has, added to a step
#   - step: <step id>
#     title: <title>
#     owner: <role id>
# actuals:                   # optional: metric id -> the value observed here
#   <metric id>: {{ value: 0, as_of: {today} }}
",
        name = id.to_uppercase(),
        regions = list(regions.iter().copied()),
        tags = list(tags.iter().copied()),
    )
}

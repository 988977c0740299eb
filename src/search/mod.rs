//! Search data built at build time, in two layers:
//!
//! - [`fulltext`]: the full-text index under `fulltext/` (term chunks, page
//!   fragments, facets, vocabulary), made from the rendered entity pages
//!   ([`extract`]) with their facets from the model ([`facets`]); loaded by
//!   `theme/search.js` piece by piece when someone searches a served site.
//! - `search-index.js` (this module): a title index as a plain script, for
//!   the site opened from disk (`file://`), where `fetch` and dynamic
//!   imports are not allowed. `theme/search.js` adds its `<script>` only
//!   there, when the search box is used or the search page opens.

pub mod cache;
pub mod extract;
pub mod facets;
pub mod fulltext;
mod merge;
mod page_words;
pub mod words;

use crate::model::{EntityRef, Playbook};
use serde_json::json;

/// One searchable entry: kind, title, URL, and a short context line.
fn entry(pb: &Playbook, r: EntityRef, context: String) -> serde_json::Value {
    json!([r.kind.name(), pb.title(r), pb.url(r), context])
}

/// `window.PLAYBOOK_INDEX = [[kind, title, url, context], …];`
pub fn title_index_js(pb: &Playbook) -> String {
    let mut v = Vec::new();
    for i in pb.frameworks.indices() {
        v.push(entry(pb, EntityRef::from(i), "Framework".into()));
    }
    for (i, c) in pb.components.iter_enumerated() {
        v.push(entry(
            pb,
            EntityRef::from(i),
            pb.frameworks[c.framework].title.clone(),
        ));
    }
    for (i, s) in pb.steps.iter_enumerated() {
        let ctx = match s.component {
            Some(c) => pb.components[c].title.clone(),
            None => pb.frameworks[s.framework].title.clone(),
        };
        v.push(entry(pb, EntityRef::from(i), ctx));
    }
    for (i, t) in pb.tasks.iter_enumerated() {
        if t.market.is_none() {
            v.push(entry(
                pb,
                EntityRef::from(i),
                format!("Task in {}", pb.steps[t.step].title),
            ));
        }
    }
    for (i, m) in pb.metrics.iter_enumerated() {
        v.push(entry(pb, EntityRef::from(i), m.target.text.clone()));
    }
    for (i, m) in pb.markets.iter_enumerated() {
        v.push(entry(
            pb,
            EntityRef::from(i),
            format!("Market · {} · kickoff {}", m.id.to_uppercase(), m.kickoff),
        ));
    }
    for (i, g) in pb.regulations.iter_enumerated() {
        v.push(entry(
            pb,
            EntityRef::from(i),
            g.official_name
                .clone()
                .unwrap_or_else(|| g.jurisdiction.clone()),
        ));
    }
    for (i, x) in pb.experts.iter_enumerated() {
        v.push(entry(pb, EntityRef::from(i), x.role.clone()));
    }
    for (i, r) in pb.research.iter_enumerated() {
        v.push(entry(
            pb,
            EntityRef::from(i),
            r.category.clone().unwrap_or_default(),
        ));
    }
    for (i, c) in pb.chapters.iter_enumerated() {
        v.push(entry(
            pb,
            EntityRef::from(i),
            format!("Story · Act {}", c.act),
        ));
    }
    let body = serde_json::to_string(&v).unwrap_or_else(|_| "[]".into());
    format!("window.PLAYBOOK_INDEX={body};\n")
}

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

/// The fast 64-bit hash the caches key and check their entries with.
pub(crate) use page_words::content_hash;

use playbook_content::model::{Kind, Playbook};
use serde_json::json;

/// `window.PLAYBOOK_INDEX = [[kind, title, url, context], …];`: every
/// entity the kind registry puts in the title index, kind by kind in the
/// model's order, with its context line.
pub fn title_index_js(pb: &Playbook) -> String {
    let mut v = Vec::new();
    for kind in Kind::in_model_order() {
        let context = kind.info().title_index;
        for r in pb.entities(kind) {
            if let Some(c) = context(pb, r.idx) {
                v.push(json!([kind.name(), pb.title(r), pb.url(r), c]));
            }
        }
    }
    let body = serde_json::to_string(&v).unwrap_or_else(|_| "[]".into());
    format!("window.PLAYBOOK_INDEX={body};\n")
}

//! `playbook.json`: the whole resolved model for other tools (documented in
//! `docs/playbook-json.md`). Ids, titles, URLs and relations; Markdown fields
//! are included as written (source Markdown, not HTML). Each content kind
//! writes its own section (its [`Export`] in the kind registry); this
//! module writes the top-level object around them.

use crate::model::kinds::{write_json_array, Export};
use crate::model::{Kind, Playbook};
use serde_json::{json, Value};

/// Serialize the resolved playbook (stable key order; byte-identical across builds).
pub fn playbook_json(pb: &Playbook) -> Result<String, crate::diag::Diagnostic> {
    let backlinks = || {
        pb.backlinks.iter().map(|(to, from)| json!({
        "target": {"kind": to.kind.name(), "id": pb.id(*to)},
        "referenced_by": from.iter().map(|&e| json!({"kind": e.kind.name(), "id": pb.id(e)})).collect::<Vec<_>>(),
    }))
    };
    // Written one entity at a time (keys in the sorted order serde_json
    // gives an object), so the whole model never exists as one JSON tree:
    // at 50,000 tasks that tree was the largest allocation of a build.
    let mut out: Vec<u8> = Vec::with_capacity(1 << 16);
    // The top-level object's keys, in the sorted order serde_json gives
    // an object: the playbook's own values and every kind's section.
    let mut parts: Vec<(&str, Part<'_>)> = vec![
        ("base_url", Part::Value(json!(pb.config.build.base_url))),
        (
            "description",
            Part::Value(json!(pb.config.book.description)),
        ),
        ("format", Part::Value(json!("playbook.json/1"))),
        ("roles", Part::Value(json!(pb.roles))),
        ("title", Part::Value(json!(pb.config.book.title))),
        ("backlinks", Part::Backlinks),
    ];
    for kind in Kind::ALL {
        if let Some(export) = &kind.info().export {
            parts.push((export.key, Part::Kind(export)));
        }
    }
    parts.sort_by_key(|(key, _)| *key);
    out.push(b'{');
    for (i, (key, part)) in parts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let _ = serde_json::to_writer(&mut out, key);
        out.push(b':');
        match part {
            Part::Value(v) => {
                let _ = serde_json::to_writer(&mut out, v);
            }
            Part::Backlinks => write_json_array(&mut out, backlinks()),
            Part::Kind(export) => (export.write)(pb, &mut out),
        }
    }
    out.extend_from_slice(b"}\n");
    String::from_utf8(out)
        .map_err(|_| crate::diag::Diagnostic::internal("playbook.json was not UTF-8 as written"))
}

/// One value of the top-level object.
enum Part<'a> {
    /// A value of the playbook's own.
    Value(Value),
    /// Every backlink.
    Backlinks,
    /// A kind's section.
    Kind(&'a Export),
}

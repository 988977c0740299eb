//! `docs/templates.md` lists every variable each template receives, with its
//! type and an example, and this test holds it to the code: it builds every
//! page of the skeleton playbook, reads each page's template context, and
//! compares the variables it finds (two levels deep: `page.title`,
//! `market.tasks`) with the document's generated tables.
//! `UPDATE_GOLDEN=1 cargo test --test integration templates_doc` rewrites
//! the tables (the prose around them is kept).

use crate::support::*;
use serde_json::Value;
use std::collections::BTreeMap;

const DOC: &str = "docs/templates.md";
const BEGIN: &str = "<!-- generated: variables by template (tests/it/templates_doc.rs) -->";
const END: &str = "<!-- end of generated variables -->";

/// The variables every page gets from `base_context`.
const BASE: &[&str] = &[
    "root", "site", "extra", "page", "nav_html", "crumbs", "prev", "next", "toc",
];

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null (absent)",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "map",
    }
}

fn example(v: &Value) -> String {
    let s = match v {
        Value::String(s) => format!("{s:?}"),
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Array(a) => format!("[{} …] ({} items)", example(&a[0]), a.len()),
        Value::Object(_) => "{…}".into(),
        other => other.to_string(),
    };
    let s = s.replace('|', "\\|").replace('\n', " ");
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

/// template → variable path → (types seen, an example).
type Vars = BTreeMap<String, BTreeMap<String, (std::collections::BTreeSet<&'static str>, String)>>;

fn variables() -> Vars {
    let fx = Fixture::skeleton();
    let pb = playbook_plan::load_playbook(fx.root()).expect("the skeleton loads");
    let templates = playbook_site::render::Templates::load(fx.root()).expect("the templates load");
    let site = playbook_site::render::pages::SiteBuilder::new(&pb, &templates);
    let contexts = site.each(|unit| {
        unit.jobs
            .into_iter()
            .map(|j| (j.template.to_string(), j.ctx.into_json()))
            .collect::<Vec<_>>()
    });
    let mut out: Vars = BTreeMap::new();
    for (template, ctx) in contexts.into_iter().flatten() {
        let Value::Object(map) = ctx else { continue };
        let vars = out.entry(template).or_default();
        for (k, v) in &map {
            let mut add = |path: String, v: &Value| {
                let e = vars
                    .entry(path)
                    .or_insert_with(|| (Default::default(), example(v)));
                e.0.insert(type_of(v));
                if e.1 == "null" || e.1 == "[]" {
                    e.1 = example(v);
                }
            };
            add(k.clone(), v);
            if let Value::Object(inner) = v {
                if k != "extra" {
                    for (k2, v2) in inner {
                        add(format!("{k}.{k2}"), v2);
                    }
                }
            }
        }
    }
    out
}

fn tables(vars: &Vars) -> String {
    let is_base = |path: &str| BASE.contains(&path.split('.').next().unwrap_or(""));
    let mut s = String::new();
    s.push_str(BEGIN);
    s.push_str("\n\n### Every page (`base.html` and all that extend it)\n\n| variable | type | example |\n|---|---|---|\n");
    if let Some(step) = vars.get("step.html") {
        for (path, (types, ex)) in step.iter().filter(|(p, _)| is_base(p)) {
            let t: Vec<&str> = types.iter().copied().collect();
            s.push_str(&format!("| `{path}` | {} | {ex} |\n", t.join(" or ")));
        }
    }
    for (template, vs) in vars {
        s.push_str(&format!("\n### `{template}`\n\n"));
        let own: Vec<_> = vs.iter().filter(|(p, _)| !is_base(p)).collect();
        if own.is_empty() {
            s.push_str("Only the variables every page gets.\n");
            continue;
        }
        s.push_str("| variable | type | example |\n|---|---|---|\n");
        for (path, (types, ex)) in own {
            let t: Vec<&str> = types.iter().copied().collect();
            s.push_str(&format!("| `{path}` | {} | {ex} |\n", t.join(" or ")));
        }
    }
    s.push('\n');
    s.push_str(END);
    s
}

#[test]
fn templates_doc_lists_every_variable_each_template_receives() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC);
    let doc = std::fs::read_to_string(&path).expect("docs/templates.md");
    let (Some(a), Some(b)) = (doc.find(BEGIN), doc.find(END)) else {
        panic!("{DOC} has no generated section ({BEGIN} … {END})");
    };
    let want = tables(&variables());
    let have = &doc[a..b + END.len()];
    if have != want {
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let updated = format!("{}{}{}", &doc[..a], want, &doc[b + END.len()..]);
            std::fs::write(&path, updated).expect("write docs/templates.md");
            return;
        }
        panic!(
            "{DOC} is out of date with the templates' contexts: {}\n(run with UPDATE_GOLDEN=1 to rewrite its tables)",
            first_difference(have, &want)
        );
    }
    // Every page template of the page table is documented.
    for k in playbook_content::page_kinds::PAGE_KINDS {
        assert!(
            want.contains(&format!("### `{}`", k.template)),
            "{} is not documented",
            k.template
        );
    }
}

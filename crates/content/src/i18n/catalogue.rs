//! Every translatable text of a resolved playbook by its translation key
//! (`"<kind>:<id>"`) and field, with the source file it is written in: what
//! a translation file may name, and what a language still lacks.

use crate::model::{Idx, Playbook, SourceFile};
use std::collections::BTreeMap;

/// One translatable thing: the file its source text is in, and its text
/// fields (field name → English text; only fields with a text).
#[derive(Debug, Clone)]
pub struct Entry {
    /// The content file its text is written in; `None` for `home`, whose
    /// title and description are book.toml's ([`super::BOOK_SOURCE`]).
    pub file: Option<Idx<SourceFile>>,
    /// Field → source text.
    pub fields: BTreeMap<&'static str, String>,
}

/// Key → entry, for the whole playbook.
pub type Catalogue = BTreeMap<String, Entry>;

/// Collects entries; a field without text is left out.
struct Builder(Catalogue);

impl Builder {
    fn add<'a>(
        &mut self,
        key: String,
        file: impl Into<Option<Idx<SourceFile>>>,
        fields: impl IntoIterator<Item = (&'static str, Option<&'a str>)>,
    ) {
        let fields: BTreeMap<&'static str, String> = fields
            .into_iter()
            .filter_map(|(k, v)| {
                v.filter(|t| !t.trim().is_empty())
                    .map(|t| (k, t.to_string()))
            })
            .collect();
        self.0.insert(
            key,
            Entry {
                file: file.into(),
                fields,
            },
        );
    }
}

/// The catalogue of `pb`.
pub fn catalogue(pb: &Playbook) -> Catalogue {
    fn s(o: &Option<String>) -> Option<&str> {
        o.as_deref()
    }
    let mut b = Builder(Catalogue::new());
    b.add(
        "home".into(),
        None,
        [
            ("title", Some(pb.config.book.title.as_str())),
            ("description", Some(pb.config.book.description.as_str())),
        ],
    );
    if let Some(roles_file) = pb.sources.position(|f| f.path == "content/roles.yaml") {
        for (id, title) in &pb.roles {
            b.add(
                format!("role:{id}"),
                roles_file,
                [("title", Some(title.as_str()))],
            );
        }
    }
    for f in &pb.frameworks {
        b.add(
            format!("framework:{}", f.id),
            f.file,
            [
                ("title", Some(f.title.as_str())),
                ("short_title", s(&f.short_title)),
                ("summary", Some(f.summary.as_str())),
                ("body", s(&f.body)),
            ],
        );
    }
    for c in &pb.components {
        b.add(
            format!("component:{}", c.id),
            c.file,
            [
                ("title", Some(c.title.as_str())),
                ("short_title", s(&c.short_title)),
                ("subtitle", s(&c.subtitle)),
                ("summary", Some(c.summary.as_str())),
                ("body", s(&c.body)),
            ],
        );
    }
    for p in &pb.phases {
        b.add(
            format!("phase:{}", p.id),
            p.file,
            [
                ("title", Some(p.title.as_str())),
                ("summary", s(&p.summary)),
            ],
        );
        for &bl in &p.blocks {
            let block = &pb.blocks[bl];
            if !block.implicit {
                b.add(
                    format!("block:{}/{}", p.id, block.id),
                    p.file,
                    [
                        ("title", Some(block.title.as_str())),
                        ("summary", s(&block.summary)),
                    ],
                );
            }
        }
    }
    for st in &pb.steps {
        b.add(
            format!("step:{}", st.id),
            st.file,
            [
                ("title", Some(st.title.as_str())),
                ("guidance", s(&st.guidance)),
            ],
        );
        for a in &st.activities {
            b.add(
                format!("activity:{}/{}", st.id, a.id),
                st.file,
                [
                    ("title", Some(a.title.as_str())),
                    ("summary", s(&a.summary)),
                ],
            );
        }
    }
    for t in &pb.tasks {
        b.add(
            format!("task:{}", t.id),
            t.file,
            [
                ("title", Some(t.title.as_str())),
                ("description", s(&t.description)),
            ],
        );
    }
    for g in &pb.metric_groups {
        b.add(
            format!("metrics:{}", g.id),
            g.file,
            [("title", Some(g.title.as_str()))],
        );
    }
    for m in &pb.metrics {
        b.add(
            format!("metric:{}", m.id),
            m.file,
            [
                ("name", Some(m.name.as_str())),
                ("description", s(&m.description)),
            ],
        );
    }
    for m in &pb.markets {
        b.add(
            format!("market:{}", m.id),
            m.file,
            [
                ("name", Some(m.name.as_str())),
                ("summary", s(&m.summary)),
                ("body", s(&m.body)),
            ],
        );
        for p in &m.partners {
            b.add(
                format!("partner:{}/{}", m.id, p.name),
                m.file,
                [("kind", s(&p.kind)), ("note", s(&p.note))],
            );
        }
        for (metric, actual) in &m.actuals {
            b.add(
                format!("actual:{}/{}", m.id, pb.metrics[*metric].id),
                m.file,
                [("note", s(&actual.note))],
            );
        }
        for (&task, adj) in &m.adjust {
            b.add(
                format!("adjust:{}/{}", m.id, pb.tasks[task].id),
                m.file,
                [("note", s(&adj.note)), ("skip", s(&adj.skip))],
            );
        }
    }
    for r in &pb.regulations {
        b.add(
            format!("regulation:{}", r.id),
            r.file,
            [
                ("name", Some(r.name.as_str())),
                ("official_name", s(&r.official_name)),
                ("jurisdiction", Some(r.jurisdiction.as_str())),
                ("in_force", s(&r.in_force)),
                ("summary", Some(r.summary.as_str())),
            ],
        );
        for o in &r.obligations {
            b.add(
                format!("obligation:{}/{}", r.id, o.topic),
                r.file,
                [
                    ("topic", Some(o.topic.as_str())),
                    ("text", Some(o.text.as_str())),
                ],
            );
        }
        for d in &r.deadlines {
            b.add(
                format!("deadline:{}/{}", r.id, d.id),
                r.file,
                [("what", Some(d.what.as_str()))],
            );
        }
        for (i, w) in r.watch.iter().enumerate() {
            b.add(
                format!("watch:{}/{i}", r.id),
                r.file,
                [("what", Some(w.what.as_str()))],
            );
        }
    }
    for e in &pb.experts {
        b.add(
            format!("expert:{}", e.id),
            e.file,
            [
                ("role", Some(e.role.as_str())),
                ("background", s(&e.background)),
                ("insight", s(&e.insight)),
            ],
        );
    }
    for r in &pb.research {
        b.add(
            format!("research:{}", r.id),
            r.file,
            [
                ("title", Some(r.title.as_str())),
                ("summary", s(&r.summary)),
                ("body", Some(r.body.as_str())),
            ],
        );
    }
    for c in &pb.chapters {
        b.add(
            format!("chapter:{}", c.id),
            c.file,
            [
                ("title", Some(c.title.as_str())),
                ("summary", s(&c.summary)),
                ("body", Some(c.body.as_str())),
            ],
        );
    }
    b.0
}

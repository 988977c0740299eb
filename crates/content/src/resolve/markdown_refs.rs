//! `[[kind:id]]` references in every Markdown text (summaries, bodies,
//! guidance, descriptions, notes, …): each must name a kind and an existing
//! id, and becomes a backlink on its target's page. Finding them is a
//! Markdown parse per text with `[[`, done in parallel and kept between
//! rebuilds by [`RefScanCache`].

use super::places::{join, MdPlace};
use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::markdown::{scan_refs, RefLink};
use crate::model::{self, *};
use std::collections::HashMap;

/// The `[[kind:id]]` references found in each Markdown text by the last
/// resolve, by text. Finding them means a Markdown parse of every field that
/// contains `[[` (the biggest part of resolving a large playbook); the result
/// depends on the text alone, so `serve` keeps this between rebuilds and
/// parses only texts it has not seen. Keeps only the texts of the last resolve.
#[derive(Default)]
pub struct RefScanCache {
    by_text: std::sync::Mutex<ScannedTexts>,
}

/// Texts and their references, bucketed by [`text_key`].
type ScannedTexts = HashMap<u64, Vec<(String, std::sync::Arc<Vec<RefLink>>)>>;

/// A cheap bucket key for a long text: its length and its first and last 64
/// bytes (hashing whole texts, megabytes per rebuild, cost more than the
/// lookups saved). Texts in one bucket are told apart by comparing them.
fn text_key(t: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let b = t.as_bytes();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    b.len().hash(&mut h);
    b[..b.len().min(64)].hash(&mut h);
    b[b.len().saturating_sub(64)..].hash(&mut h);
    h.finish()
}

/// Where a Markdown text is written, cheap to keep for every text: the
/// YAML path is worked out only for a text with a broken reference.
#[derive(Clone, Copy)]
enum FieldAt {
    /// A Markdown file's body, at this byte offset.
    Body(usize),
    /// A key at the root of the file's YAML (`summary`).
    Root(&'static str),
    /// `list[i].rest` at the root (`risks[2].description`).
    Item(&'static str, usize, &'static str),
    /// A phase's key.
    Phase(Idx<model::Phase>, &'static str),
    /// A week block's key.
    Block(Idx<model::Block>, &'static str),
    /// A step's key.
    Step(Idx<model::Step>, &'static str),
    /// An activity's summary: step, activity.
    Activity(Idx<model::Step>, Idx<model::Activity>),
    /// A task's description.
    Task(Idx<model::Task>),
    /// A metric's description.
    Metric(Idx<model::Metric>),
    /// The note of a market's actual value for this metric.
    Actual(Idx<model::Metric>),
}

/// A Markdown text: the entity whose page shows it, its file, where it is
/// written, and the text.
struct MdField<'a> {
    from: EntityRef,
    file: Idx<SourceFile>,
    at: FieldAt,
    text: &'a str,
}

/// The references found in one text, with the text kept when one is wrong.
struct Found {
    from: EntityRef,
    file: Idx<SourceFile>,
    at: FieldAt,
    /// The text, only when a reference in it is wrong (for its place).
    text: Option<String>,
    refs: Vec<FoundRef>,
}

/// A `[[kind:id]]` found in a field: its target, or what is wrong with it.
enum FoundRef {
    /// Resolved: the entity it names.
    Ok(EntityRef),
    /// The kind word is not a kind (with the reference as written).
    UnknownKind(String, RefLink),
    /// No entity of a known kind has the id (with the reference as written).
    Broken(Kind, String, RefLink),
}

impl Resolver {
    /// Every Markdown field, with the entity whose page shows it.
    fn markdown_fields<'a>(&'a self) -> Vec<MdField<'a>> {
        use FieldAt::*;
        let pb = &self.pb;
        let mut v: Vec<MdField<'a>> = Vec::new();
        let mut bodies: Vec<MdField<'a>> = Vec::new();
        let mut add =
            |from: EntityRef, file: Idx<SourceFile>, at: FieldAt, text: Option<&'a str>| {
                if let Some(text) = text {
                    v.push(MdField {
                        from,
                        file,
                        at,
                        text,
                    });
                }
            };
        for (i, f) in pb.frameworks.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, f.file, Root("summary"), Some(&f.summary));
            add(me, f.file, Root("body"), f.body.as_deref());
            for (ri, r) in f.risks.iter().enumerate() {
                add(
                    me,
                    f.file,
                    Item("risks", ri, "description"),
                    Some(&r.description),
                );
                let at = Item("risks", ri, "mitigation.description");
                add(me, f.file, at, Some(&r.mitigation));
            }
        }
        for (i, c) in pb.components.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, c.file, Root("summary"), Some(&c.summary));
            add(me, c.file, Root("body"), c.body.as_deref());
        }
        for (pi, p) in pb.phases.iter_enumerated() {
            let me = match p.component {
                Some(c) => EntityRef::from(c),
                None => EntityRef::from(p.framework),
            };
            add(me, p.file, Phase(pi, "summary"), p.summary.as_deref());
            for &b in &p.blocks {
                add(
                    me,
                    p.file,
                    Block(b, "summary"),
                    pb.blocks[b].summary.as_deref(),
                );
            }
        }
        for (i, s) in pb.steps.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, s.file, Step(i, "guidance"), s.guidance.as_deref());
            for (a, act) in s.activities.iter_enumerated() {
                add(me, s.file, Activity(i, a), act.summary.as_deref());
            }
        }
        for (i, t) in pb.tasks.iter_enumerated() {
            let me = match t.market {
                Some(m) => EntityRef::from(m),
                None => EntityRef::from(i),
            };
            add(me, t.file, Task(i), t.description.as_deref());
        }
        for (i, m) in pb.metrics.iter_enumerated() {
            add(
                EntityRef::from(i),
                m.file,
                Metric(i),
                m.description.as_deref(),
            );
        }
        for (i, m) in pb.markets.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, m.file, Root("summary"), m.summary.as_deref());
            add(me, m.file, Root("body"), m.body.as_deref());
            for (pi, p) in m.partners.iter().enumerate() {
                add(me, m.file, Item("partners", pi, "note"), p.note.as_deref());
            }
            for (metric, a) in &m.actuals {
                add(me, m.file, Actual(*metric), a.note.as_deref());
            }
        }
        for (i, g) in pb.regulations.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, g.file, Root("summary"), Some(&g.summary));
            for (di, d) in g.deadlines.iter().enumerate() {
                add(me, g.file, Item("deadlines", di, "what"), Some(&d.what));
            }
            for (oi, o) in g.obligations.iter().enumerate() {
                add(me, g.file, Item("obligations", oi, "text"), Some(&o.text));
            }
            for (wi, w) in g.watch.iter().enumerate() {
                add(me, g.file, Item("watch", wi, "what"), Some(&w.what));
            }
        }
        for (i, x) in pb.experts.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, x.file, Root("background"), x.background.as_deref());
            add(me, x.file, Root("insight"), x.insight.as_deref());
            for (pi, (_, t)) in x.perspectives.iter().enumerate() {
                add(me, x.file, Item("perspectives", pi, "text"), Some(t));
            }
            for (ai, (t, _)) in x.advice.iter().enumerate() {
                add(me, x.file, Item("advice", ai, "text"), Some(t));
            }
        }
        for (i, r) in pb.research.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, r.file, Root("summary"), r.summary.as_deref());
            let (file, at, text) = (r.file, Body(r.body_offset), r.body.as_str());
            bodies.push(MdField {
                from: me,
                file,
                at,
                text,
            });
        }
        for (i, c) in pb.chapters.iter_enumerated() {
            let me = EntityRef::from(i);
            add(me, c.file, Root("summary"), c.summary.as_deref());
            let (file, at, text) = (c.file, Body(c.body_offset), c.body.as_str());
            bodies.push(MdField {
                from: me,
                file,
                at,
                text,
            });
        }
        v.extend(bodies);
        v
    }

    /// Where a Markdown field is, as a body offset or a YAML path.
    fn md_place(&self, at: FieldAt) -> MdPlace {
        let path = match at {
            FieldAt::Body(offset) => return MdPlace::Body(offset),
            FieldAt::Root(key) => key.to_string(),
            FieldAt::Item(list, i, rest) => format!("{list}[{i}].{rest}"),
            FieldAt::Phase(pi, key) => join(&self.phase_path(pi), key),
            FieldAt::Block(bi, key) => join(&self.block_path(bi), key),
            FieldAt::Step(si, key) => join(&self.step_path(si), key),
            FieldAt::Activity(si, a) => {
                let a = a.index();
                join(&self.step_path(si), &format!("activities[{a}].summary"))
            }
            FieldAt::Task(ti) => join(&self.task_path(ti), "description"),
            FieldAt::Metric(mi) => {
                let g = &self.pb.metric_groups[self.pb.metrics[mi].group];
                let k = g.metrics.iter().position(|&m| m == mi).unwrap_or(0);
                format!("metrics[{k}].description")
            }
            FieldAt::Actual(mi) => format!("actuals.{}.note", self.pb.metrics[mi].id),
        };
        MdPlace::Yaml(path)
    }

    /// Find the references in every Markdown field (reusing `cache`), link
    /// them, and report the wrong ones.
    pub(super) fn scan_all_markdown(&mut self, cache: Option<&RefScanCache>) {
        use rayon::prelude::*;
        use std::sync::Arc;
        // Scanning (a Markdown parse per field with `[[`) and id lookups read
        // the model only: done in parallel. Links and diagnostics are then
        // applied in field order, as a serial scan would.
        let prev: ScannedTexts = cache
            .map(|c| std::mem::take(&mut *c.by_text.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default();
        let fields = self.markdown_fields();
        let scanned: Vec<Option<Arc<Vec<RefLink>>>> = fields
            .par_iter()
            .map(|f| {
                let text = f.text;
                if !text.contains("[[") {
                    return None;
                }
                let seen = prev
                    .get(&text_key(text))
                    .and_then(|b| b.iter().find(|(t, _)| t == text));
                Some(match seen {
                    Some((_, v)) => v.clone(),
                    None => Arc::new(scan_refs(text)),
                })
            })
            .collect();
        let found: Vec<Found> = {
            let pb = &self.pb;
            fields
                .par_iter()
                .zip(scanned.par_iter())
                .map(|(f, refs)| {
                    let text = f.text;
                    let refs = refs
                        .iter()
                        .flat_map(|v| v.iter())
                        .map(|r| {
                            let raw = || text[r.start..r.start + r.len].to_string();
                            match Kind::parse(&r.kind) {
                                None => FoundRef::UnknownKind(raw(), r.clone()),
                                Some(kind) => match pb.lookup(kind, &r.id) {
                                    Some(target) => FoundRef::Ok(target),
                                    None => FoundRef::Broken(kind, raw(), r.clone()),
                                },
                            }
                        })
                        .collect::<Vec<_>>();
                    let bad = refs.iter().any(|r| !matches!(r, FoundRef::Ok(_)));
                    Found {
                        from: f.from,
                        file: f.file,
                        at: f.at,
                        text: bad.then(|| text.to_string()),
                        refs,
                    }
                })
                .collect()
        };
        if let Some(c) = cache {
            // Keep this resolve's texts only (moving the keys seen before).
            let mut prev = prev;
            let mut next: ScannedTexts = HashMap::with_capacity(prev.len());
            for (f, refs) in fields.iter().zip(scanned) {
                let text = f.text;
                let Some(refs) = refs else { continue };
                let key = text_key(text);
                let bucket = next.entry(key).or_default();
                if bucket.iter().any(|(t, _)| t == text) {
                    continue;
                }
                let old = prev.get_mut(&key).and_then(|b| {
                    b.iter()
                        .position(|(t, _)| t == text)
                        .map(|i| b.swap_remove(i).0)
                });
                bucket.push((old.unwrap_or_else(|| text.to_string()), refs));
            }
            *c.by_text.lock().unwrap_or_else(|e| e.into_inner()) = next;
            drop(prev);
        }
        drop(fields);
        for found in found {
            let Found {
                from,
                file,
                at,
                text,
                refs,
            } = found;
            let text = text.unwrap_or_default();
            for f in refs {
                let (d, r, raw) = match f {
                    FoundRef::Ok(target) => {
                        self.link(from, target);
                        continue;
                    }
                    FoundRef::UnknownKind(raw, r) => (self.bad_ref(None, &r, &raw), r, raw),
                    FoundRef::Broken(kind, raw, r) => (self.bad_ref(Some(kind), &r, &raw), r, raw),
                };
                let place = self.md_place(at);
                let len = raw.chars().count();
                let d = self.at_markdown(d, file, &place, &text, r.start, len);
                self.diags.push(d);
            }
        }
    }
}

impl Resolver {
    /// What is wrong with a reference `raw` (`[[kind:id]]` as written)
    /// whose kind word is not a kind (`kind: None`) or whose id `kind` does
    /// not have: the nearest kind or id as help. Unplaced.
    pub(super) fn bad_ref(&self, kind: Option<Kind>, r: &RefLink, raw: &str) -> Diagnostic {
        match kind {
            // A web address in double brackets: a link, not a reference.
            None if r.id.starts_with("//") => {
                let url = format!("{}:{}", r.kind, r.id);
                let text = r.label.as_deref().unwrap_or("text");
                Diagnostic::error(format!("`{raw}` is a web address in `[[…]]`, which is for references to the playbook's own pages")).help(format!(
                    "write a link as `[{text}]({url})` (or `<{url}>`); to show the brackets as they are, write `\\[[`"
                ))
            }
            None => {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                Diagnostic::error(format!("unknown reference kind `{}` in `{raw}`", r.kind)).help(
                    match suggest(&r.kind, names.iter().copied()) {
                        Some(s) => format!("did you mean `[[{s}:{}]]`?", r.id),
                        None => format!(
                            "kinds are: {}; a `[[` that is not a reference is written `\\[[`",
                            names.join(", ")
                        ),
                    },
                )
            }
            Some(kind) => {
                let d = Diagnostic::error(format!("broken reference `{raw}`"));
                match self.unknown_id(kind, &r.id).help {
                    Some(h) => d.help(format!("no {} has the id `{}`; {h}", kind.name(), r.id)),
                    None => d,
                }
            }
        }
    }

    /// Check the references of Markdown texts that no entity page shows
    /// (the learning path's), each a YAML scalar at a path of `file`: every
    /// problem is placed inside its text; they make no backlinks.
    pub(super) fn check_unlinked_markdown(
        &mut self,
        file: Idx<SourceFile>,
        texts: &[(String, &str)],
    ) {
        for (path, text) in texts {
            if !text.contains("[[") {
                continue;
            }
            for r in scan_refs(text) {
                let raw = &text[r.start..r.start + r.len];
                let kind = Kind::parse(&r.kind);
                if kind.is_some_and(|k| self.pb.lookup(k, &r.id).is_some()) {
                    continue;
                }
                let d = self.bad_ref(kind, &r, raw);
                let place = MdPlace::Yaml(path.clone());
                let d = self.at_markdown(d, file, &place, text, r.start, raw.chars().count());
                self.diags.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown, COMPONENT_PATH};
    use crate::model::{EntityRef, Idx, Market, Step};

    #[test]
    fn a_broken_reference_in_a_yaml_block_is_placed_inside_the_block() {
        let e = Input::new()
            .component(
                "        title: Know your customer\n",
                "        title: Know your customer\n        guidance: |\n          First read\n          [[regulation:gdrp]] closely.\n",
            )
            .errors();
        assert_eq!(e[0].message, "broken reference `[[regulation:gdrp]]`");
        assert_eq!(e[0].place(), format!("{COMPONENT_PATH}:13:11"));
        assert_eq!(e[0].underlined(), "[[regulation:gdrp]]");
        assert_eq!(
            e[0].help.as_deref(),
            Some("no regulation has the id `gdrp`; did you mean `gdpr`?")
        );
    }

    #[test]
    fn a_web_address_in_double_brackets_gets_a_hint_not_unknown_kind() {
        let e = Input::new()
            .replace(
                "content/regulations/gdpr.yaml",
                "summary: s",
                "summary: See [[https://gdpr.eu/|the text]] and [[note:x]].",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "`[[https://gdpr.eu/|the text]]` is a web address in `[[…]]`, which is for references to the playbook's own pages"
        );
        assert_eq!(
            e[0].help.as_deref(),
            Some("write a link as `[the text](https://gdpr.eu/)` (or `<https://gdpr.eu/>`); to show the brackets as they are, write `\\[[`")
        );
        assert_eq!(e[0].underlined(), "[[https://gdpr.eu/|the text]]");
        assert!(
            e[1].help
                .as_deref()
                .unwrap()
                .ends_with("a `[[` that is not a reference is written `\\[[`"),
            "{:?}",
            e[1].help
        );
    }

    #[test]
    fn an_unknown_kind_in_a_quoted_summary_suggests_the_kind() {
        let e = Input::new()
            .replace(
                "content/regulations/gdpr.yaml",
                "summary: s",
                "summary: \"See \\\"this\\\" and [[regulaton:gdpr]]\"",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "unknown reference kind `regulaton` in `[[regulaton:gdpr]]`"
        );
        assert_eq!(e[0].place(), "content/regulations/gdpr.yaml:4:28");
        assert_eq!(
            e[0].help.as_deref(),
            Some("did you mean `[[regulation:gdpr]]`?")
        );
    }

    #[test]
    fn a_broken_reference_in_a_body_is_placed_at_its_offset() {
        let e = Input::new()
            .file(
                "content/story/01-a.md",
                "---\ntitle: A\nact: 1\nsummary: Uses [[step:kyc]]\n---\nIntro\n\nThen [[step:kys]].\n",
            )
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].place(), "content/story/01-a.md:8:6");
    }

    #[test]
    fn a_reference_links_the_page_that_shows_the_text() {
        let pb = Input::new()
            .component(
                "                owner: legal\n",
                "                owner: legal\n                description: Per [[market:de]]\n",
            )
            .ok();
        let de = EntityRef::from(Idx::<Market>::new(0));
        let step = EntityRef::from(Idx::<Step>::new(0));
        assert!(
            pb.backlinks[&de].contains(&step),
            "a task's text links its step's page"
        );
    }
}

//! An edition: the playbook with one language's translations laid over its
//! texts. What has no translation keeps the source text; which source files
//! a page's texts come from decides what the page says about its
//! translation ([`FileState`]).

use super::{book_source_text, sha256_hex, Translations, BOOK_SOURCE};
pub use crate::language::edition::{Edition, FileState};
use crate::model::Playbook;
use std::collections::{BTreeMap, HashMap};

/// A language's own name, for the switcher (the tag itself when unknown).
pub fn native_name(tag: &str) -> String {
    match tag.split('-').next().unwrap_or(tag) {
        "en" => "English",
        "de" => "Deutsch",
        "fr" => "Français",
        "ja" => "日本語",
        "es" => "Español",
        "it" => "Italiano",
        "pt" => "Português",
        "nl" => "Nederlands",
        "ko" => "한국어",
        "zh" => "中文",
        _ => return tag.to_string(),
    }
    .to_string()
}

/// The editions of `pb`'s site: the source language at the root, then
/// `[book] languages`, each under `<lang>/`.
pub fn editions(pb: &Playbook) -> Vec<(String, String, String)> {
    let main = &pb.config.book.language;
    std::iter::once((main.clone(), native_name(main), String::new()))
        .chain(
            pb.config
                .book
                .languages
                .iter()
                .map(|l| (l.clone(), native_name(l), format!("{l}/"))),
        )
        .collect()
}

/// The source language's edition of a playbook with translations: no
/// texts change, but its pages know the other editions (the switcher).
pub fn source_edition(pb: &Playbook) -> Edition {
    Edition {
        lang: String::new(),
        all: editions(pb),
        files: HashMap::new(),
        site_base: pb.config.build.sitemap_base().map(str::to_string),
        // The source language's words, when the load set them (a playbook
        // written in another language than English).
        words: pb.edition.words.clone(),
    }
}

/// [`edition`] with the interface's words of `lang` (the built-ins with
/// the playbook's overrides, as loaded by the caller).
pub fn edition_with_words(
    pb: &Playbook,
    lang: &str,
    t: &Translations,
    words: crate::language::strings::UiStrings,
) -> Playbook {
    let mut out = edition(pb, lang, t);
    out.edition.words = Some(words);
    out
}

/// `pb` in `lang`: every translated text laid over its source text, the
/// page language set, and the state of every translated source file.
/// Translations that `check` rejected are not loaded this far.
pub fn edition(pb: &Playbook, lang: &str, t: &Translations) -> Playbook {
    let mut out = pb.clone();
    out.config.book.language = lang.to_string();
    let mut texts: HashMap<&str, &BTreeMap<String, String>> = HashMap::new();
    let mut files = HashMap::new();
    let cat = super::catalogue::catalogue(pb);
    if let Some(language) = t.languages.get(lang) {
        for f in &language.files {
            let (Some(raw), Some(source)) = (&f.raw, &f.source) else {
                continue;
            };
            for (k, v) in &raw.entries {
                texts.insert(k.as_str(), v);
            }
            let now = if source == BOOK_SOURCE {
                sha256_hex(book_source_text(pb).as_bytes())
            } else {
                pb.sources
                    .iter()
                    .find(|s| &s.path == source)
                    .map(|s| sha256_hex(s.text.as_bytes()))
                    .unwrap_or_default()
            };
            let state = if now != raw.source.sha256 {
                FileState::Stale {
                    translated: raw.source.translated.to_string(),
                    changed: pb.provenance.changed(source).map(str::to_string),
                }
            } else {
                let complete = cat.iter().all(|(key, e)| {
                    let in_file = e
                        .file
                        .and_then(|i| pb.sources.get(i))
                        .map_or(BOOK_SOURCE, |s| s.path.as_str());
                    in_file != source
                        || e.fields.keys().all(|field| {
                            raw.entries.get(key).is_some_and(|m| m.contains_key(*field))
                        })
                });
                if complete {
                    FileState::Translated
                } else {
                    FileState::Partly
                }
            };
            files.insert(source.clone(), state);
        }
    }
    lay_over(&mut out, &texts);
    out.edition = Edition {
        lang: lang.to_string(),
        all: editions(pb),
        files,
        site_base: pb.config.build.sitemap_base().map(str::to_string),
        words: None,
    };
    let base = &mut out.config.build.base_url;
    *base = format!("{base}{lang}/");
    if let Some(site) = &mut out.config.build.site_url {
        *site = format!("{site}{lang}/");
    }
    out
}

/// Replace each text that has a translation.
fn lay_over(pb: &mut Playbook, texts: &HashMap<&str, &BTreeMap<String, String>>) {
    let get = |key: &str, field: &str| texts.get(key).and_then(|m| m.get(field)).cloned();
    let set = |key: &str, field: &str, target: &mut String| {
        if let Some(t) = get(key, field) {
            *target = t;
        }
    };
    let set_opt = |key: &str, field: &str, target: &mut Option<String>| {
        if let Some(t) = get(key, field) {
            *target = Some(t);
        }
    };
    set("home", "title", &mut pb.config.book.title);
    set("home", "description", &mut pb.config.book.description);
    for (id, title) in pb.roles.iter_mut() {
        set(&format!("role:{id}"), "title", title);
    }
    for f in pb.frameworks.iter_mut() {
        let k = format!("framework:{}", f.id);
        set(&k, "title", &mut f.title);
        set_opt(&k, "short_title", &mut f.short_title);
        set(&k, "summary", &mut f.summary);
        set_opt(&k, "body", &mut f.body);
    }
    for c in pb.components.iter_mut() {
        let k = format!("component:{}", c.id);
        set(&k, "title", &mut c.title);
        set_opt(&k, "short_title", &mut c.short_title);
        set_opt(&k, "subtitle", &mut c.subtitle);
        set(&k, "summary", &mut c.summary);
        set_opt(&k, "body", &mut c.body);
    }
    for p in pb.phases.iter_mut() {
        let k = format!("phase:{}", p.id);
        set(&k, "title", &mut p.title);
        set_opt(&k, "summary", &mut p.summary);
    }
    let block_phase: Vec<String> = pb
        .blocks
        .iter()
        .map(|b| pb.phases[b.phase].id.clone())
        .collect();
    for (b, phase) in pb.blocks.iter_mut().zip(block_phase) {
        let k = format!("block:{phase}/{}", b.id);
        set(&k, "title", &mut b.title);
        set_opt(&k, "summary", &mut b.summary);
    }
    for st in pb.steps.iter_mut() {
        let k = format!("step:{}", st.id);
        set(&k, "title", &mut st.title);
        set_opt(&k, "guidance", &mut st.guidance);
        for a in st.activities.iter_mut() {
            let k = format!("activity:{}/{}", st.id, a.id);
            set(&k, "title", &mut a.title);
            set_opt(&k, "summary", &mut a.summary);
        }
    }
    let task_ids: Vec<String> = pb.tasks.iter().map(|t| t.id.clone()).collect();
    let metric_ids: Vec<String> = pb.metrics.iter().map(|m| m.id.clone()).collect();
    for t in pb.tasks.iter_mut() {
        let k = format!("task:{}", t.id);
        set(&k, "title", &mut t.title);
        set_opt(&k, "description", &mut t.description);
    }
    for g in pb.metric_groups.iter_mut() {
        set(&format!("metrics:{}", g.id), "title", &mut g.title);
    }
    for m in pb.metrics.iter_mut() {
        let k = format!("metric:{}", m.id);
        set(&k, "name", &mut m.name);
        set_opt(&k, "description", &mut m.description);
    }
    for m in pb.markets.iter_mut() {
        let k = format!("market:{}", m.id);
        set(&k, "name", &mut m.name);
        set_opt(&k, "summary", &mut m.summary);
        set_opt(&k, "body", &mut m.body);
        for p in m.partners.iter_mut() {
            let k = format!("partner:{}/{}", m.id, p.name);
            set_opt(&k, "kind", &mut p.kind);
            set_opt(&k, "note", &mut p.note);
        }
        for (metric, actual) in m.actuals.iter_mut() {
            let k = format!("actual:{}/{}", m.id, metric_ids[metric.index()]);
            set_opt(&k, "note", &mut actual.note);
        }
        for (task, adj) in m.adjust.iter_mut() {
            let k = format!("adjust:{}/{}", m.id, task_ids[task.index()]);
            set_opt(&k, "note", &mut adj.note);
            set_opt(&k, "skip", &mut adj.skip);
        }
    }
    for r in pb.regulations.iter_mut() {
        let k = format!("regulation:{}", r.id);
        set(&k, "name", &mut r.name);
        set_opt(&k, "official_name", &mut r.official_name);
        set(&k, "jurisdiction", &mut r.jurisdiction);
        set_opt(&k, "in_force", &mut r.in_force);
        set(&k, "summary", &mut r.summary);
        for o in r.obligations.iter_mut() {
            let k = format!("obligation:{}/{}", r.id, o.topic);
            set(&k, "text", &mut o.text);
            set(&k, "topic", &mut o.topic);
        }
        for d in r.deadlines.iter_mut() {
            set(&format!("deadline:{}/{}", r.id, d.id), "what", &mut d.what);
        }
        for (i, w) in r.watch.iter_mut().enumerate() {
            set(&format!("watch:{}/{i}", r.id), "what", &mut w.what);
        }
    }
    for e in pb.experts.iter_mut() {
        let k = format!("expert:{}", e.id);
        set(&k, "role", &mut e.role);
        set_opt(&k, "background", &mut e.background);
        set_opt(&k, "insight", &mut e.insight);
    }
    for r in pb.research.iter_mut() {
        let k = format!("research:{}", r.id);
        set(&k, "title", &mut r.title);
        set_opt(&k, "summary", &mut r.summary);
        set(&k, "body", &mut r.body);
    }
    for c in pb.chapters.iter_mut() {
        let k = format!("chapter:{}", c.id);
        set(&k, "title", &mut c.title);
        set_opt(&k, "summary", &mut c.summary);
        set(&k, "body", &mut c.body);
    }
}

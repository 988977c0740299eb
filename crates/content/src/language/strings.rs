//! The interface's words, per language, through Project Fluent
//! (`fluent-bundle`): one `.ftl` string table per language, built in for
//! English, German, French and Japanese (`templates/i18n/<lang>.ftl`), any
//! message overridable by the playbook's own `templates/i18n/<lang>.ftl`
//! like a template. Plural rules come with Fluent's selectors (`{ $count ->
//! [one] … *[other] … }`). A message missing from a language falls back to
//! English. Templates call it as the Tera function `t`:
//! `{{ t(key="menu") }}`, `{{ t(key="tasks-count", count=3) }}`.
//!
//! A message is markup, like the template it stands in: `t()` writes it as
//! it is (a message may hold `<code>…</code>`; a literal `<` or `&` is
//! written `&lt;`, `&amp;`), and escapes the text of its string arguments,
//! so a title passed in as an argument never becomes markup. Messages the
//! theme's scripts read (`js-…`) are plain text.

use crate::diag::{Diagnostic, Diagnostics};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

/// The built-in string tables: (language tag, Fluent source); a language
/// may have several (the site's words, a checklist's words).
pub const BUILTIN: &[(&str, &str)] = &[
    ("en", include_str!("../../../../templates/i18n/en.ftl")),
    ("de", include_str!("../../../../templates/i18n/de.ftl")),
    ("fr", include_str!("../../../../templates/i18n/fr.ftl")),
    ("ja", include_str!("../../../../templates/i18n/ja.ftl")),
    (
        "en",
        include_str!("../../../../templates/i18n/checklist/en.ftl"),
    ),
    (
        "de",
        include_str!("../../../../templates/i18n/checklist/de.ftl"),
    ),
    (
        "fr",
        include_str!("../../../../templates/i18n/checklist/fr.ftl"),
    ),
    (
        "ja",
        include_str!("../../../../templates/i18n/checklist/ja.ftl"),
    ),
];

/// The languages with a built-in string table.
pub const BUILTIN_LANGUAGES: &[&str] = &["en", "de", "fr", "ja"];

/// English, built in, for whatever has no edition of its own (a playbook
/// without languages, the source language's checklists).
pub fn english() -> &'static UiStrings {
    static EN: std::sync::OnceLock<UiStrings> = std::sync::OnceLock::new();
    EN.get_or_init(|| UiStrings::load("en", None).0)
}

/// One language's interface words, with English behind them.
#[derive(Clone)]
pub struct UiStrings {
    lang: String,
    bundle: Arc<FluentBundle<FluentResource>>,
    english: Arc<FluentBundle<FluentResource>>,
    /// Messages already formatted, by key and arguments: a template asks
    /// for the same few words on every row of a checklist (tens of
    /// thousands of rows at scale), and formatting is the costly part.
    memo: Arc<std::sync::RwLock<HashMap<String, String>>>,
}

impl std::fmt::Debug for UiStrings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UiStrings({})", self.lang)
    }
}

fn bundle(
    lang: &str,
    root: Option<&Path>,
    diags: &mut Diagnostics,
) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Plain text: no Unicode isolation marks around placeables in HTML.
    b.set_use_isolating(false);
    let primary = lang.split('-').next().unwrap_or(lang);
    for (_, src) in BUILTIN.iter().filter(|(l, _)| *l == primary) {
        match FluentResource::try_new(src.to_string()) {
            Ok(r) => {
                let _ = b.add_resource(r);
            }
            Err((_, errs)) => diags.push(Diagnostic::internal(format!(
                "built-in string table for {primary}: {errs:?}"
            ))),
        }
    }
    if let Some(root) = root {
        let rel = format!("templates/i18n/{lang}.ftl");
        if let Ok(text) = std::fs::read_to_string(root.join(&rel)) {
            match FluentResource::try_new(text.clone()) {
                Ok(r) => b.add_resource_overriding(r),
                Err((r, errs)) => {
                    for e in errs {
                        let at = e.pos.start.min(text.len());
                        diags.push(
                            Diagnostic::error(format!("{rel}: {}", e.kind))
                                .at_offset(&rel, &text, at)
                                .help("Fluent syntax: `message-id = text`; see https://projectfluent.org/fluent/guide/"),
                        );
                    }
                    b.add_resource_overriding(r);
                }
            }
        }
    }
    b
}

impl UiStrings {
    /// The words of `lang`, the playbook at `root` overriding built-ins.
    /// Syntax errors in an override are diagnostics.
    pub fn load(lang: &str, root: Option<&Path>) -> (UiStrings, Diagnostics) {
        let mut diags = Diagnostics::new();
        let english = Arc::new(bundle("en", root, &mut diags));
        let b = if lang.split('-').next() == Some("en") {
            english.clone()
        } else {
            Arc::new(bundle(lang, root, &mut diags))
        };
        (
            UiStrings {
                lang: lang.to_string(),
                bundle: b,
                english,
                memo: Arc::default(),
            },
            diags,
        )
    }

    /// The language these words are in.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Message `key` with `args`; English when this language lacks it, the
    /// key itself when no table has it (so a missing word is visible).
    pub fn get(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut memo_key = key.to_string();
        for (k, v) in args {
            memo_key.push('\u{0}');
            memo_key.push_str(k);
            memo_key.push('\u{1}');
            match v {
                FluentValue::String(s) => memo_key.push_str(s),
                FluentValue::Number(n) => memo_key.push_str(&n.as_string()),
                _ => memo_key.push('?'),
            }
        }
        if let Some(hit) = self
            .memo
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&memo_key)
        {
            return hit.clone();
        }
        let out = self.format(key, args);
        let mut memo = self.memo.write().unwrap_or_else(|e| e.into_inner());
        // A bound on memory for a playbook of very many distinct values.
        if memo.len() > 100_000 {
            memo.clear();
        }
        memo.insert(memo_key, out.clone());
        out
    }

    fn format(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        for b in [&self.bundle, &self.english] {
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b
                    .format_pattern(pattern, Some(&fargs), &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }
}

/// A message formatted once with numbered slots for its arguments, so a
/// writer that needs it for every row fills it by text replacement instead
/// of formatting it again (`due { $date }` → `due \u{1}`). Serialised as
/// that text, slots and all, so the browser fills it the same way (a big
/// checklist's data.js, `checklist::FormatSpec`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pattern(String);

impl Pattern {
    /// The message with `values` in its slots, in the order the names were given.
    pub fn fill(&self, values: &[&str]) -> String {
        let mut out = self.0.clone();
        for (i, v) in values.iter().enumerate() {
            let slot = char::from(1 + i as u8).to_string();
            out = out.replace(&slot, v);
        }
        out
    }
}

impl UiStrings {
    /// [`Pattern`] of message `key` whose arguments are `names`.
    pub fn pattern(&self, key: &str, names: &[&str]) -> Pattern {
        let slots: Vec<String> = (0..names.len())
            .map(|i| char::from(1 + i as u8).to_string())
            .collect();
        let args: Vec<(&str, FluentValue<'_>)> = names
            .iter()
            .zip(&slots)
            .map(|(n, s)| (*n, FluentValue::from(s.as_str())))
            .collect();
        Pattern(self.get(key, &args))
    }
}

impl UiStrings {
    /// Message `key` with JSON arguments (a template's `t(key=…, n=…)`):
    /// numbers stay numbers for plural rules, strings are HTML-escaped, as
    /// the message is markup.
    pub fn get_with_values<'v>(
        &self,
        key: &str,
        args: impl Iterator<Item = (&'v str, &'v serde_json::Value)>,
    ) -> String {
        let rest: Vec<(&str, FluentValue<'_>)> = args
            .map(|(k, v)| {
                let value = match v {
                    serde_json::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
                    serde_json::Value::String(s) => FluentValue::from(crate::diag::html_escape(s)),
                    serde_json::Value::Null => FluentValue::from("none"),
                    other => FluentValue::from(other.to_string()),
                };
                (k, value)
            })
            .collect();
        self.get(key, &rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_table_parses_and_has_every_english_message() {
        let ids_of = |lang: &str| -> Vec<String> {
            BUILTIN
                .iter()
                .filter(|(l, _)| *l == lang)
                .flat_map(|(_, src)| {
                    let r = FluentResource::try_new(src.to_string())
                        .unwrap_or_else(|(_, e)| panic!("{lang}: {e:?}"));
                    r.entries()
                        .filter_map(|e| match e {
                            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let english = ids_of("en");
        assert!(english.len() > 40);
        for lang in BUILTIN_LANGUAGES {
            let have = ids_of(lang);
            for id in &english {
                assert!(have.contains(id), "{lang} lacks `{id}`");
            }
        }
    }

    #[test]
    fn plurals_follow_the_language_and_missing_words_fall_back_to_english() {
        let (de, _) = UiStrings::load("de", None);
        assert_eq!(
            de.get("tasks-count", &[("count", 1.into())]),
            "eine Aufgabe"
        );
        assert_eq!(de.get("tasks-count", &[("count", 3.into())]), "3 Aufgaben");
        let (ja, _) = UiStrings::load("ja", None);
        assert_eq!(ja.get("menu", &[]), "メニュー");
        assert_eq!(
            de.get("ck-task-count", &[("count", 130.into())]),
            "130 Aufgaben"
        );
        assert_eq!(
            english().get(
                "ck-last-due",
                &[
                    ("end", "2026-01-30".into()),
                    ("days", 242.into()),
                    ("count", 1.into())
                ]
            ),
            "last due 2026-01-30 (242 days; critical path: 1 task)"
        );
        let (xx, _) = UiStrings::load("xx", None);
        assert_eq!(xx.get("menu", &[]), "Menu");
        assert_eq!(xx.get("no-such-message", &[]), "no-such-message");
    }
}

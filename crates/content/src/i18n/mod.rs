//! Translations as content: `content/i18n/<lang>/` mirrors `content/`, one
//! translation file per source file (a Markdown source is translated in a
//! `.yaml` of the same stem; `book.toml`'s title and description in
//! `book.yaml`). Each file records the SHA-256 of the source it was made
//! from, so a translation whose source changed since is found (stale), and
//! names its texts by the source's ids, checked against the resolved
//! playbook's [`catalogue`].
//!
//! [`load`] reads the files (the only I/O here); [`check`] is pure: every
//! key and field named, references kept, staleness, and per language what
//! is translated and what falls back to the source text.

pub mod apply;
pub mod catalogue;

use crate::diag::{suggest, Diagnostic, Diagnostics};
pub use crate::language::file::{
    Coverage, Language, RawTranslation, TranslationFile, Translations,
};
use crate::model::Playbook;
use crate::yaml::{SpanMap, YamlSource};
use catalogue::Catalogue;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The folder of translations, relative to the playbook root.
pub const FOLDER: &str = "content/i18n";

/// What the `home` key translates: not a content file.
pub const BOOK_SOURCE: &str = "book.toml";

/// Read every file under `content/i18n/<lang>/`. Unreadable files and
/// malformed YAML are diagnostics; the rest is read.
pub fn load(root: &Path) -> (Translations, Diagnostics) {
    let mut out = Translations::default();
    let mut diags = Diagnostics::new();
    let base = root.join(FOLDER);
    let Ok(langs) = std::fs::read_dir(&base) else {
        return (out, diags);
    };
    let mut langs: Vec<_> = langs.flatten().filter(|e| e.path().is_dir()).collect();
    langs.sort_by_key(|e| e.file_name());
    for lang_dir in langs {
        let lang = lang_dir.file_name().to_string_lossy().into_owned();
        let mut files = Vec::new();
        collect_yaml(&lang_dir.path(), &mut files);
        files.sort();
        let mut language = Language::default();
        for path in files {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    diags.push(
                        Diagnostic::error(format!("{rel}: cannot be read: {e}"))
                            .help("a translation file is UTF-8 YAML"),
                    );
                    continue;
                }
            };
            let raw = match crate::yaml::parse_all::<RawTranslation>(
                &text,
                YamlSource {
                    file: &rel,
                    full_text: &text,
                    start: 0,
                },
            ) {
                Ok(r) => Some(r),
                Err(ds) => {
                    ds.into_iter().for_each(|d| diags.push(d));
                    None
                }
            };
            let source = source_of(root, &lang, &rel);
            language.files.push(TranslationFile {
                path: rel,
                text,
                source,
                raw,
            });
        }
        out.languages.insert(lang, language);
    }
    (out, diags)
}

fn collect_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_yaml(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// The source a translation file mirrors: `content/i18n/de/markets/de.yaml`
/// → `content/markets/de.yaml` (or `.md`); `content/i18n/de/book.yaml` →
/// `book.toml`. `None` when no such source exists.
fn source_of(root: &Path, lang: &str, rel: &str) -> Option<String> {
    let inner = rel.strip_prefix(&format!("{FOLDER}/{lang}/"))?;
    if inner == "book.yaml" {
        return Some(BOOK_SOURCE.to_string());
    }
    let stem = inner.strip_suffix(".yaml")?;
    [format!("content/{stem}.yaml"), format!("content/{stem}.md")]
        .into_iter()
        .find(|p| root.join(p).is_file())
}

/// What `book.yaml`'s stamp hashes: `[book] title`, a newline and
/// `description` (the only texts of book.toml it translates, so a change to
/// the build settings does not make it stale).
pub fn book_source_text(pb: &Playbook) -> String {
    format!("{}\n{}", pb.config.book.title, pb.config.book.description)
}

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Check every translation against `pb`: errors for what cannot be applied
/// (a file with no source, an unknown key or field, a key of another file),
/// warnings for a stale file, a language that `[book] languages` does not
/// name, a translation that drops a `[[kind:id]]` reference of its source.
pub fn check(t: &Translations, pb: &Playbook) -> (Diagnostics, BTreeMap<String, Coverage>) {
    if t.languages.is_empty() {
        // Nothing to check against the catalogue (which lists every text of
        // the playbook: a tenth of a big playbook's load).
        return (Diagnostics::new(), BTreeMap::new());
    }
    let book_text = book_source_text(pb);
    let cat = catalogue::catalogue(pb);
    let mut diags = Diagnostics::new();
    let mut coverage = BTreeMap::new();
    let total: usize = cat.values().map(|e| e.fields.len()).sum();
    for (lang, language) in &t.languages {
        if !pb.config.book.languages.iter().any(|l| l == lang) {
            diags.push(
                Diagnostic::warning(format!(
                    "{FOLDER}/{lang}/ holds translations to `{lang}`, which book.toml's [book] languages does not name"
                ))
                .help(format!("add it: `languages = [\"{lang}\"]` under [book], or remove the folder")),
            );
        }
        let mut cov = Coverage::default();
        for f in &language.files {
            cov.files += 1;
            let Some(raw) = &f.raw else { continue };
            let Some(source) = &f.source else {
                diags.push(
                    Diagnostic::error(format!(
                        "{}: there is no source file for this translation",
                        f.path
                    ))
                    .at(&f.path, &f.text, 1, 1)
                    .help(format!(
                        "a translation mirrors its source's path under {FOLDER}/{lang}/: content/markets/de.yaml is translated in {FOLDER}/{lang}/markets/de.yaml"
                    )),
                );
                continue;
            };
            let source_text = if source == BOOK_SOURCE {
                Some(book_text.as_str())
            } else {
                pb.sources
                    .iter()
                    .find(|s| &s.path == source)
                    .map(|s| s.text.as_str())
            };
            if let Some(text) = source_text {
                let now = sha256_hex(text.as_bytes());
                if now != raw.source.sha256 {
                    cov.stale_files += 1;
                    let changed = pb
                        .provenance
                        .changed(source)
                        .map(|d| format!(" (last changed {d})"))
                        .unwrap_or_default();
                    let spans = SpanMap::build(&f.text, 0, f.text.len());
                    let at = spans.key_or_value("source.sha256").unwrap_or(0);
                    diags.push(
                        Diagnostic::warning(format!(
                            "{} is stale: {source} changed{changed} after this translation was made on {}",
                            f.path, raw.source.translated
                        ))
                        .at_offset(&f.path, &f.text, at)
                        .help(format!(
                            "compare the English with the translation, update what changed, then set `sha256: {now}` (the source as it is now) and `translated:` to today"
                        )),
                    );
                }
            }
            check_entries(f, source, raw, &cat, &pb.sources, &mut diags, &mut cov);
        }
        cov.missing = total.saturating_sub(cov.translated);
        coverage.insert(lang.clone(), cov);
    }
    (diags, coverage)
}

/// The keys and fields of one file.
fn check_entries(
    f: &TranslationFile,
    source: &str,
    raw: &RawTranslation,
    cat: &Catalogue,
    sources: &crate::model::IdxVec<crate::model::SourceFile>,
    diags: &mut Diagnostics,
    cov: &mut Coverage,
) {
    let mut spans: Option<SpanMap> = None;
    let mut place = |path: &str| -> usize {
        spans
            .get_or_insert_with(|| SpanMap::build(&f.text, 0, f.text.len()))
            .key_or_value(path)
            .unwrap_or(0)
    };
    let file_of = |e: &catalogue::Entry| -> &str {
        e.file
            .and_then(|i| sources.get(i))
            .map_or(BOOK_SOURCE, |s| s.path.as_str())
    };
    for (key, fields) in &raw.entries {
        let Some(entry) = cat.get(key) else {
            let here: Vec<&str> = cat.keys().map(String::as_str).collect();
            let mut d =
                Diagnostic::error(format!("{}: `{key}` names nothing in the playbook", f.path))
                    .at_offset(&f.path, &f.text, place(&format!("entries.{key}")));
            d = match suggest(key, here.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`? Keys name the source's ids exactly")),
                None => d.help("keys are `<kind>:<id>` as in the source: `task:<step>/<task>`, `step:<id>`, `market:<id>`, `obligation:<regulation>/<topic>`, `home` …"),
            };
            diags.push(d);
            continue;
        };
        let written_in = file_of(entry);
        if written_in != source {
            diags.push(wrong_file(
                f,
                key,
                written_in,
                place(&format!("entries.{key}")),
            ));
            continue;
        }
        for (field, text) in fields {
            let at = place(&format!("entries.{key}.{field}"));
            let Some(english) = entry.fields.get(field.as_str()) else {
                let names: Vec<&str> = entry.fields.keys().copied().collect();
                diags.push(
                    Diagnostic::error(format!("{}: `{key}` has no text field `{field}`", f.path))
                        .at_offset(&f.path, &f.text, at)
                        .help(match suggest(field, names.iter().copied()) {
                            Some(s) => format!("did you mean `{s}`? It has {}", names.join(", ")),
                            None => format!("its text fields here: {}", names.join(", ")),
                        }),
                );
                continue;
            };
            if text.trim().is_empty() {
                diags.push(
                    Diagnostic::error(format!("{}: `{key}.{field}` is empty", f.path))
                        .at_offset(&f.path, &f.text, at)
                        .help(
                            "leave a field out to show the English, marked \"not yet translated\"",
                        ),
                );
                continue;
            }
            let lost: Vec<String> = references(english)
                .difference(&references(text))
                .cloned()
                .collect();
            if !lost.is_empty() {
                diags.push(
                    Diagnostic::warning(format!(
                        "{}: `{key}.{field}` drops the reference{} {} of the English text",
                        f.path,
                        if lost.len() == 1 { "" } else { "s" },
                        lost.iter().map(|r| format!("[[{r}]]")).collect::<Vec<_>>().join(", ")
                    ))
                    .at_offset(&f.path, &f.text, at)
                    .help("keep every `[[kind:id]]` of the source; only its label may be translated: [[regulation:gdpr|DSGVO]]"),
                );
            }
            cov.translated += 1;
        }
    }
}

fn wrong_file(f: &TranslationFile, key: &str, written_in: &str, at: usize) -> Diagnostic {
    Diagnostic::error(format!(
        "{}: `{key}` is written in {written_in}, not in this file's source",
        f.path
    ))
    .at_offset(&f.path, &f.text, at)
    .help(format!(
        "move it to the translation of {written_in}, so it goes stale when that file changes"
    ))
}

/// The `kind:id` of every `[[kind:id]]` or `[[kind:id|label]]` in `text`.
fn references(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("[[") {
        rest = &rest[i + 2..];
        let Some(end) = rest.find("]]") else { break };
        let inner = &rest[..end];
        let target = inner.split('|').next().unwrap_or(inner).trim();
        if target.contains(':') && !target.contains(char::is_whitespace) {
            out.insert(target.to_string());
        }
        rest = &rest[end + 2..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_with_and_without_labels() {
        let r =
            references("See [[regulation:gdpr|DSGVO]] and [[task:a/b]], not \\[[x]] or [[no id]].");
        assert_eq!(
            r.into_iter().collect::<Vec<_>>(),
            vec!["regulation:gdpr".to_string(), "task:a/b".to_string()]
        );
    }

    #[test]
    fn sha256_is_hex_of_the_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

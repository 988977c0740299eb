//! The translation file as written, and the translations as read (the
//! values the resolved playbook holds; this file imports nothing of the
//! model, so the model can hold them without an import circle) (`content/i18n/<lang>/<source path>.yaml`):
//! which version of its source it was made from, and its texts by the
//! source's ids. The format is documented in `docs/content-model.md`.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One translation file: a stamp of the source it was made from and the
/// translated texts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Playbook translation (content/i18n/<lang>/…)")]
pub struct RawTranslation {
    /// The source file this translates, as it was when translated.
    pub source: SourceStamp,
    /// `"<kind>:<id>"` (for example `task:<step>/<task>`, `market:de`,
    /// `home`) → field → translated text. Any text field; leave out what is
    /// not translated and the English shows, marked "not yet translated".
    #[serde(default)]
    pub entries: BTreeMap<String, BTreeMap<String, String>>,
}

/// Which version of the source a translation was made from: when the
/// source's bytes no longer hash to `sha256`, the translation is stale.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceStamp {
    /// SHA-256 (64 lowercase hex digits) of the source file's bytes when it
    /// was translated (`sha256sum content/markets/de.yaml`).
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// The day it was translated (YYYY-MM-DD).
    pub translated: Date,
}

/// One translation file as read.
#[derive(Debug, Clone)]
pub struct TranslationFile {
    /// Its path relative to the root (`content/i18n/de/markets/de.yaml`).
    pub path: String,
    /// Its text, for placing diagnostics.
    pub text: String,
    /// The source file it translates (`content/markets/de.yaml`), if any
    /// source file is there.
    pub source: Option<String>,
    /// What it says, or `None` when it could not be parsed.
    pub raw: Option<RawTranslation>,
}

/// Every translation of one language.
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// The files, sorted by path.
    pub files: Vec<TranslationFile>,
}

/// Every language's translations, by language tag (`de`, `ja`).
#[derive(Debug, Clone, Default)]
pub struct Translations {
    /// Language tag → its files.
    pub languages: BTreeMap<String, Language>,
    /// Language tag → how much it has (set once checked).
    pub coverage: BTreeMap<String, Coverage>,
}

/// What one language has: for `playbook check`'s summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Translation files.
    pub files: usize,
    /// Of them, made from an older version of their source.
    pub stale_files: usize,
    /// Texts translated.
    pub translated: usize,
    /// Texts of the playbook with no translation (they show the source text,
    /// marked "not yet translated").
    pub missing: usize,
}

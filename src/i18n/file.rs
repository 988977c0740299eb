//! The translation file as written (`content/i18n/<lang>/<source path>.yaml`):
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

//! Which edition of the site a playbook is (its language, the other
//! editions, how far each source file is translated, its interface words):
//! a value the resolved playbook holds, so this file imports nothing of
//! the model.

use std::collections::HashMap;

/// How far one source file is translated in an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// Every text of the file is translated, from its current version.
    Translated,
    /// Some texts are translated; the rest show the source language.
    Partly,
    /// Nothing of it is translated.
    NotTranslated,
    /// Translated (wholly or partly) from an older version of the source:
    /// the day of the translation and, when git knows it, the day the
    /// source last changed.
    Stale {
        /// `translated:` of the translation file.
        translated: String,
        /// The source's last change (git), if known.
        changed: Option<String>,
    },
}

/// One edition of the site as the templates see it.
#[derive(Debug, Clone, Default)]
pub struct Edition {
    /// The edition's language tag; empty for the source language's site.
    pub lang: String,
    /// Every edition, the source language's first: (tag, the language's own
    /// name, the folder under the site root: "" or "de/").
    pub all: Vec<(String, String, String)>,
    /// Source file path → its state in this edition (the source language's
    /// site has none).
    pub files: HashMap<String, FileState>,
    /// The whole site's absolute address, for `hreflang` alternates.
    pub site_base: Option<String>,
    /// The interface's words in this edition's language (English when
    /// none): what Rust writes in words (checklists, calendars).
    pub words: Option<crate::language::strings::UiStrings>,
}

impl Edition {
    /// How the page made from `source` is translated; `None` on the source
    /// language's site.
    pub fn state_of(&self, source: &str) -> Option<&FileState> {
        if self.lang.is_empty() {
            return None;
        }
        Some(self.files.get(source).unwrap_or(&FileState::NotTranslated))
    }
}

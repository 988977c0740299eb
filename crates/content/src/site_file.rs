//! [`SiteFile`]: one file of the built site, the value every stage that
//! makes files (render, the search index, checklists) hands to whoever
//! keeps them (the build's staging folder, the dev server's memory). It
//! lives in a module of its own, below all of them, so none of them has to
//! import another to speak of a file.

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Path inside the site, `/`-separated, e.g. `markets/de/index.html`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

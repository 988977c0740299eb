//! The rebuild policy, in one place: what a change makes us redo.
//!
//! | change     | redo                                             |
//! |------------|--------------------------------------------------|
//! | content    | load + resolve + render with cached templates    |
//! | templates  | reload templates, then as content                |
//! | theme      | reload templates and assets, then as content     |
//! | book.toml  | everything                                       |
//!
//! Every rebuild renders the whole site in memory with the same pipeline as
//! `playbook build` (measured: see bench/README.md), so a page never depends
//! on stale data.

use super::watch::ChangeKind;
use super::{reload_script, Site};
use crate::diag::Diagnostics;
use crate::render::{self, RenderOptions, Templates};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Holds what survives between rebuilds (the compiled templates).
pub struct Rebuilder {
    root: PathBuf,
    templates: Option<Templates>,
}

impl Rebuilder {
    /// A rebuilder for the playbook at `root`.
    pub fn new(root: &Path) -> Self {
        Rebuilder {
            root: root.to_path_buf(),
            templates: None,
        }
    }

    /// Rebuild after `changes`; the site's pages carry `generation`.
    pub fn rebuild(
        &mut self,
        changes: &[ChangeKind],
        generation: u64,
    ) -> Result<Site, Diagnostics> {
        if self.templates.is_none() || changes.iter().any(|c| *c != ChangeKind::Content) {
            self.templates = None;
            self.templates = Some(Templates::load(&self.root)?);
        }
        let mut pb = crate::load_playbook(&self.root)?;
        // Links are relative; the 404 page and sitemap use the base URL, which is "/" when serving.
        pb.config.build.base_url = "/".into();
        let Some(templates) = self.templates.as_ref() else {
            return Err(Diagnostics::new());
        };
        let opts = RenderOptions {
            inject_script: Some(reload_script(generation)),
        };
        let files = render::render_site(&pb, templates, &opts)?;
        Ok(Site {
            files: files
                .into_iter()
                .map(|f| (f.path, Arc::<[u8]>::from(f.bytes)))
                .collect(),
        })
    }
}

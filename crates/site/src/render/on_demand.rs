//! Rendering one page at a time, when it is asked for: what `playbook serve`
//! does, so a save is served as soon as the playbook has loaded and resolved,
//! however many pages the site has. `build` renders everything
//! ([`super::render_site_to`]); both use the same units and templates, so a
//! page is byte for byte the same either way.

use super::pages::SiteBuilder;
use super::{render_site, render_unit, RenderOptions, SiteFile, Templates};
use playbook_content::diag::Diagnostics;
use playbook_content::model::Playbook;
use std::collections::HashMap;

/// Folders of files made from every page (a full-text search index): asking
/// for one renders the whole site once.
const WHOLE_SITE: &[&str] = &["fulltext/"];

/// A site that renders its files on request.
pub struct OnDemand<'a> {
    pb: &'a Playbook,
    templates: &'a Templates,
    opts: &'a RenderOptions,
    site: SiteBuilder<'a>,
    /// Page or file path → the unit that makes it.
    units: HashMap<String, usize>,
}

/// What [`OnDemand::render`] found for a path.
pub enum Rendered {
    /// The files made together with the path (its unit, or one site-wide
    /// file); the path itself may be missing from them (a market's CSV when
    /// its checklist is assembled in the browser).
    Files(Vec<SiteFile>),
    /// The path is made from every page (a search index): render the whole site.
    NeedsWholeSite,
}

impl<'a> OnDemand<'a> {
    /// Prepare the units of `pb`'s site (cheap next to rendering them).
    pub fn new(pb: &'a Playbook, templates: &'a Templates, opts: &'a RenderOptions) -> Self {
        let site = SiteBuilder::new(pb, templates);
        let units = site.path_index();
        OnDemand {
            pb,
            templates,
            opts,
            site,
            units,
        }
    }

    /// Number of HTML pages the site has.
    pub fn page_count(&self) -> usize {
        self.units.keys().filter(|p| p.ends_with(".html")).count()
    }

    /// Render what makes `path`.
    pub fn render(&self, path: &str) -> Result<Rendered, Diagnostics> {
        if let Some(&i) = self.units.get(path) {
            let Some(unit) = self.site.unit(i) else {
                return Ok(Rendered::Files(Vec::new()));
            };
            let mut errs = Vec::new();
            let files = render_unit(unit, self.templates, self.opts, &mut errs, None);
            errs.extend(self.site.internal_errors());
            if !errs.is_empty() {
                let mut d = Diagnostics::new();
                for e in errs {
                    d.push(e);
                }
                return Err(d);
            }
            return Ok(Rendered::Files(files));
        }
        let pb = self.pb;
        let one = |bytes: String| {
            Ok(Rendered::Files(vec![SiteFile {
                path: path.to_string(),
                bytes: bytes.into_bytes(),
            }]))
        };
        match path {
            "playbook.json" => {
                one(playbook_content::export::playbook_json(pb).map_err(Diagnostics::from)?)
            }
            "search-index.js" => one(crate::search::title_index_js(pb)),
            "sitemap.xml" if pb.config.build.sitemap_base().is_some() => {
                let mut pages: Vec<String> = self
                    .units
                    .keys()
                    .filter(|p| p.ends_with(".html"))
                    .cloned()
                    .collect();
                pages.sort_unstable();
                match super::pages::sitemap(pb, self.templates, &pages) {
                    Some(s) => one(s.map_err(Diagnostics::from)?),
                    None => one(String::new()),
                }
            }
            _ => {
                if let Some((p, bytes)) = self.templates.assets.iter().find(|(p, _)| p == path) {
                    return Ok(Rendered::Files(vec![SiteFile {
                        path: p.clone(),
                        bytes: bytes.clone(),
                    }]));
                }
                // Making the shared files costs tens of ms at scale: only
                // for their path (not for every `dir` tried before `dir/index.html`).
                if path == super::checklist_data::TASKS_JS {
                    let shared = self.site.shared_files();
                    if shared.iter().any(|f| f.path == path) {
                        return Ok(Rendered::Files(shared));
                    }
                }
                if WHOLE_SITE.iter().any(|p| path.starts_with(p)) {
                    return Ok(Rendered::NeedsWholeSite);
                }
                Ok(Rendered::Files(Vec::new()))
            }
        }
    }

    /// Every file of the site, as `build` makes it.
    pub fn render_all(&self) -> Result<Vec<SiteFile>, Diagnostics> {
        render_site(self.pb, self.templates, self.opts)
    }
}

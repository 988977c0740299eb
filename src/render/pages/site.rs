//! Pages of the whole site: the printable edition, search and the 404 page.
use super::*;

impl Builder<'_> {
    pub(super) fn print(&self) -> PageJob {
        let pb = self.pb;
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::Print,
                idx: 0,
            },
            format!("{} — printable edition", pb.config.book.title),
        ));
        // The whole playbook's Markdown: rendered in parallel (this one page
        // would otherwise be the last unit still running in a large build).
        use rayon::prelude::*;
        let chapters: Vec<Value> = pb.chapters.par_iter().map(|c| json!({"id": c.id, "title": c.title, "act": c.act, "section": c.section, "body": self.md.shared_block(&c.body, c.file)})).collect();
        let mut steps: Vec<Option<Value>> = (0..pb.steps.len())
            .into_par_iter()
            .map(|s| Some(json!({"id": pb.steps[s].id, "html": self.print_step_html(s)})))
            .collect();
        let fws: Vec<Value> = pb.frameworks.iter().map(|f| {
            let phases: Vec<Value> = f.phases.iter().map(|&p| {
                let ph = &pb.phases[p];
                let steps: Vec<Value> = ph.blocks.iter().flat_map(|&b| pb.blocks[b].steps.iter()).filter_map(|&s| steps[s].take()).collect();
                json!({"title": ph.title, "window": ph.window.label(), "component": ph.component.map(|c| pb.components[c].title.clone()), "new_component": ph.component.is_some_and(|c| pb.components[c].phases.first() == Some(&p)), "steps": steps})
            }).collect();
            json!({"id": f.id, "title": f.title, "summary": self.md.shared_block(&f.summary, f.file), "phases": phases})
        }).collect();
        let metrics: Vec<Value> = pb
            .metric_groups
            .iter()
            .map(|g| json!({"title": g.title, "metrics": self.metric_rows(&g.metrics)}))
            .collect();
        ctx.insert("chapters", &chapters);
        ctx.insert("frameworks", &fws);
        ctx.insert("metric_groups", &metrics);
        ctx.insert("markets", &self.market_list());
        self.page_job(
            Page {
                kind: PageKind::Print,
                idx: 0,
            },
            ctx,
        )
    }

    /// One step of the printable edition: its heading, guidance (ids and
    /// in-page links prefixed with the step id, so they stay unique on the
    /// page), activities and tasks. Written directly rather than through
    /// the template: at 10,000 steps the template's context for them was
    /// most of a large build's memory.
    pub(super) fn print_step_html(&self, si: usize) -> String {
        use crate::diag::push_html_escaped as esc;
        let pb = self.pb;
        let st = &pb.steps[si];
        let mut o = String::with_capacity(2048);
        o.push_str("<h4 id=\"print-");
        esc(&mut o, &st.id);
        o.push_str("\">");
        esc(&mut o, &step_label(pb, si));
        o.push_str("</h4>");
        let guidance = self.md.shared_opt(&st.guidance, st.file);
        let mut id_prefix = String::from(" id=\"");
        esc(&mut id_prefix, &st.id);
        id_prefix.push('-');
        let mut href_prefix = String::from("href=\"#");
        esc(&mut href_prefix, &st.id);
        href_prefix.push('-');
        o.push_str(
            &guidance
                .replace(" id=\"", &id_prefix)
                .replace("href=\"#", &href_prefix),
        );
        o.push('\n');
        for a in &st.activities {
            o.push_str("<h5>");
            esc(&mut o, &a.title);
            o.push_str("</h5><ul>");
            for &t in &a.tasks {
                let task = &pb.tasks[t];
                o.push_str("<li><strong>");
                esc(&mut o, &task.title);
                o.push_str("</strong>");
                if let Some(owner) = task.owner.as_ref().and_then(|o| pb.roles.get(o)) {
                    o.push_str(" (");
                    esc(&mut o, owner);
                    o.push(')');
                }
                o.push_str(": ");
                o.push_str(&self.md.shared_opt_inline(&task.description, task.file));
                o.push_str("</li>");
            }
            o.push_str("</ul>");
        }
        o.push('\n');
        o
    }

    pub(super) fn search_page(&self) -> PageJob {
        let ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::Search,
                idx: 0,
            },
            "Search",
        ));
        self.page_job(
            Page {
                kind: PageKind::Search,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn not_found(&self) -> PageJob {
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::NotFound,
                idx: 0,
            },
            "Page not found",
        ));
        // 404.html sits at the root but is served for any path: use absolute links from base-url.
        ctx.insert("root", &self.pb.config.build.base_url);
        PageJob {
            path: "404.html".into(),
            root: self.pb.config.build.base_url.clone(),
            template: "404.html",
            ctx: self.tera_context(ctx, "404.html"),
        }
    }
}

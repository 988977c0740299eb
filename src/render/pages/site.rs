//! Pages of the whole site: the printable edition, search and the 404 page.
use super::*;

/// A chapter in the printable edition.
#[derive(Serialize)]
struct PrintChapter<'a> {
    id: &'a str,
    title: &'a str,
    act: u32,
    section: Option<u32>,
    /// The chapter as HTML.
    body: String,
}

/// A step in the printable edition.
#[derive(Serialize)]
struct PrintStep<'a> {
    id: &'a str,
    /// The step's heading, guidance, activities and tasks as HTML (see
    /// `print_step_html`).
    html: String,
}

/// A phase in the printable edition.
#[derive(Serialize)]
struct PrintPhase<'a> {
    title: &'a str,
    window: String,
    /// Its component's title, if any.
    component: Option<&'a str>,
    /// True for the first phase of a component (the component's heading goes before it).
    new_component: bool,
    steps: Vec<PrintStep<'a>>,
}

/// A framework in the printable edition.
#[derive(Serialize)]
struct PrintFramework<'a> {
    id: &'a str,
    title: &'a str,
    /// Summary as HTML.
    summary: String,
    phases: Vec<PrintPhase<'a>>,
}

/// `print.html`'s own fields.
#[derive(Serialize)]
struct PrintPage<'a> {
    chapters: Vec<PrintChapter<'a>>,
    frameworks: Vec<PrintFramework<'a>>,
    metric_groups: Vec<super::frameworks::MetricGroupCtx<'a>>,
    markets: Vec<super::story::MarketItem<'a>>,
    /// The learning path (levels, the combined assessment with every
    /// question, the portfolio), if the playbook has one.
    learning: Option<super::learning::PrintLearning>,
}

/// `search.html` and `404.html` have only the shared fields.
#[derive(Serialize)]
struct NoFields {}

impl Builder<'_> {
    pub(super) fn print(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::Print,
            idx: 0,
        };
        let base = self.page_base(page);
        // The whole playbook's Markdown: rendered in parallel (this one page
        // would otherwise be the last unit still running in a large build).
        use rayon::prelude::*;
        let chapters = pb
            .chapters
            .as_slice()
            .par_iter()
            .map(|c| PrintChapter {
                id: &c.id,
                title: &c.title,
                act: c.act,
                section: c.section,
                body: self.md.shared_block(&c.body, c.file),
            })
            .collect();
        let steps: Vec<Option<PrintStep<'_>>> = (0..pb.steps.len())
            .into_par_iter()
            .map(|s| {
                let s = Idx::new(s);
                Some(PrintStep {
                    id: &pb.steps[s].id,
                    html: self.print_step_html(s),
                })
            })
            .collect();
        let mut steps: IdxVec<Step, Option<PrintStep<'_>>> = steps.into();
        let frameworks = pb
            .frameworks
            .iter()
            .map(|f| PrintFramework {
                id: &f.id,
                title: &f.title,
                summary: self.md.shared_block(&f.summary, f.file),
                phases: f
                    .phases
                    .iter()
                    .map(|&p| {
                        let ph = &pb.phases[p];
                        PrintPhase {
                            title: &ph.title,
                            window: self.words().window(ph.window),
                            component: ph.component.map(|c| pb.components[c].title.as_str()),
                            new_component: ph
                                .component
                                .is_some_and(|c| pb.components[c].phases.first() == Some(&p)),
                            steps: ph
                                .blocks
                                .iter()
                                .flat_map(|&b| pb.blocks[b].steps.iter())
                                .filter_map(|&s| steps[s].take())
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let own = PrintPage {
            chapters,
            frameworks,
            metric_groups: pb
                .metric_groups
                .iter()
                .map(|g| super::frameworks::MetricGroupCtx {
                    title: &g.title,
                    metrics: self.metric_rows(&g.metrics),
                })
                .collect(),
            markets: self.market_list(),
            learning: self.print_learning(),
        };
        self.job(page, base, own)
    }

    /// One step of the printable edition: its heading, guidance (ids and
    /// in-page links prefixed with the step id, so they stay unique on the
    /// page), activities and tasks. Written directly rather than through
    /// the template: at 10,000 steps the template's context for them was
    /// most of a large build's memory.
    pub(super) fn print_step_html(&self, si: Idx<Step>) -> String {
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
        let page = Page {
            kind: PageKind::Search,
            idx: 0,
        };
        let base = self.page_base(page);
        self.job(page, base, NoFields {})
    }

    pub(super) fn not_found(&self) -> PageJob {
        let page = Page {
            kind: PageKind::NotFound,
            idx: 0,
        };
        let base = self.page_base(page);
        // 404.html sits at the root but is served for any path: use absolute links from base-url.
        let base_url = &self.pb.config.build.base_url;
        let mut base = self.base_ctx(base);
        base.root = base_url.clone();
        let mut job = self.job_with(
            page_kinds::path(self.pb, page),
            page_kinds::info(page.kind).template,
            base,
            NoFields {},
        );
        job.root = base_url.clone();
        job
    }
}

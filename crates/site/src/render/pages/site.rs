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

/// What `partials/print_step.html` receives.
#[derive(Serialize)]
struct PrintStepContext<'a> {
    step: PrintStepCtx<'a>,
}

/// One step of the printable edition.
#[derive(Serialize)]
struct PrintStepCtx<'a> {
    /// The step's id (the heading's `print-<id>`).
    id: &'a str,
    /// "1.2 Title": its number and title.
    label: String,
    /// Its guidance as HTML, ids and in-page links prefixed by the step id.
    guidance: String,
    /// Its activities in order.
    activities: Vec<PrintActivity<'a>>,
}

/// An activity of a printed step.
#[derive(Serialize)]
struct PrintActivity<'a> {
    title: &'a str,
    tasks: Vec<PrintTask<'a>>,
}

/// A task of a printed step.
#[derive(Serialize)]
struct PrintTask<'a> {
    title: &'a str,
    /// The owner role's title.
    owner: Option<&'a str>,
    /// Its description as inline HTML.
    description: String,
}

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

    /// One step of the printable edition, through the template
    /// `partials/print_step.html`: its heading, guidance (ids and in-page
    /// links prefixed with the step id, so they stay unique on the page),
    /// activities and tasks. Each step is rendered on its own, so only one
    /// step's context is alive at a time: at 10,000 steps one context for
    /// all of them was most of a large build's memory.
    pub(super) fn print_step_html(&self, si: Idx<Step>) -> String {
        let pb = self.pb;
        let st = &pb.steps[si];
        let guidance = self.md.shared_opt(&st.guidance, st.file);
        let mut id_prefix = String::from(" id=\"");
        playbook_content::diag::push_html_escaped(&mut id_prefix, &st.id);
        id_prefix.push('-');
        let mut href_prefix = String::from("href=\"#");
        playbook_content::diag::push_html_escaped(&mut href_prefix, &st.id);
        href_prefix.push('-');
        let ctx = PrintStepContext {
            step: PrintStepCtx {
                id: &st.id,
                label: step_label(pb, si),
                guidance: guidance
                    .replace(" id=\"", &id_prefix)
                    .replace("href=\"#", &href_prefix),
                activities: st
                    .activities
                    .iter()
                    .map(|a| PrintActivity {
                        title: &a.title,
                        tasks: a
                            .tasks
                            .iter()
                            .map(|&t| {
                                let task = &pb.tasks[t];
                                PrintTask {
                                    title: &task.title,
                                    owner: task
                                        .owner
                                        .as_ref()
                                        .and_then(|o| pb.roles.get(o))
                                        .map(String::as_str),
                                    description: self
                                        .md
                                        .shared_opt_inline(&task.description, task.file),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            },
        };
        let rendered = tera::Context::from_serialize(&ctx)
            .map_err(|e| {
                playbook_content::diag::Diagnostic::internal(format!(
                    "a printed step's context: {e}"
                ))
            })
            .and_then(|ctx| self.templates.render("partials/print_step.html", &ctx));
        rendered.unwrap_or_else(|d| {
            self.fail(d);
            String::new()
        })
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

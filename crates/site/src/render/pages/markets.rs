//! The markets index, each market's page and its launch checklist (with
//! the checklist's downloads).
use super::checklist_page::{ChecklistMarket, ChecklistPage, CompanyLink};
use super::*;
use crate::render::checklist_sheet;
use jiff::civil::Date;
use playbook_plan::checklist_format::{file_name, Format};

/// `markets.html`'s own fields.
#[derive(Serialize)]
struct MarketsPage<'a> {
    markets: Vec<super::story::MarketItem<'a>>,
    /// The company program's checklist page, when the playbook has one.
    company: Option<CompanyLink<'a>>,
}

/// A regulation that applies in a market.
#[derive(Serialize)]
struct MarketRegulation<'a> {
    url: String,
    /// Short name.
    title: &'a str,
    jurisdiction: &'a str,
}

/// A named person in a market's team.
#[derive(Serialize)]
struct TeamMember<'a> {
    /// Role title.
    role: &'a str,
    person: &'a str,
}

/// A local partner.
#[derive(Serialize)]
struct PartnerCtx<'a> {
    name: &'a str,
    kind: Option<&'a str>,
    /// Note as inline HTML.
    note: String,
}

/// A phase of a market's launch with its dates.
#[derive(Serialize)]
struct LaunchPhase {
    /// "Global Infrastructure: Foundation".
    title: String,
    /// Its first start.
    start: Date,
    /// Its last due date; absent for ongoing work.
    due: Option<Date>,
    /// Checklist rows in it.
    tasks: usize,
    /// True when a row of it is on the critical path.
    critical: bool,
}

/// The dates a group of scheduled rows covers.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// First start.
    start: Date,
    /// Last due date of the rows that have one.
    end: Date,
    /// Some row is ongoing (no due date).
    open: bool,
    /// Some row is on the critical path.
    critical: bool,
    /// How many rows.
    rows: usize,
}

impl Span {
    fn new(start: Date) -> Span {
        Span {
            start,
            end: start,
            open: false,
            critical: false,
            rows: 0,
        }
    }

    fn add(&mut self, start: Date, due: Option<Date>, critical: bool) {
        self.start = self.start.min(start);
        match due {
            Some(d) => self.end = self.end.max(d),
            None => self.open = true,
        }
        self.critical |= critical;
        self.rows += 1;
    }

    fn union(self, o: Span) -> Span {
        Span {
            start: self.start.min(o.start),
            end: self.end.max(o.end),
            open: self.open || o.open,
            critical: self.critical || o.critical,
            rows: self.rows + o.rows,
        }
    }

    /// The last due date; none when some row is ongoing.
    fn due(self) -> Option<Date> {
        (!self.open).then_some(self.end)
    }

    /// Where its bar ends: the last due date, or four weeks on for ongoing work.
    fn shown_end(self) -> Date {
        if self.open {
            self.end.max(
                self.start
                    .checked_add(jiff::ToSpan::days(28))
                    .unwrap_or(self.start),
            )
        } else {
            self.end
        }
    }
}

/// One line of a market's scorecard.
#[derive(Serialize)]
struct ScoreLine {
    metric: LinkCtx,
    /// The measured value with its unit.
    value: String,
    /// The target as a comparison ("≥ 99.9%").
    target: String,
    met: bool,
    as_of: Option<Date>,
    /// Note as inline HTML.
    note: String,
}

/// How many checklist rows a reason brought in.
#[derive(Serialize)]
struct ReasonCount {
    /// "tag: data-residency".
    reason: String,
    count: usize,
}

/// A market's facts.
#[derive(Serialize)]
struct MarketFacts<'a> {
    id: &'a str,
    region: &'a str,
    /// Summary as HTML.
    summary: String,
    /// Body as HTML.
    body: String,
    regulations: Vec<MarketRegulation<'a>>,
    tags: &'a [String],
    languages: &'a [String],
    currency: Option<&'a str>,
    kickoff: Date,
    /// "Monday".
    kickoff_weekday: String,
    /// The day it went live; none while planned.
    launched: Option<Date>,
    /// The company's home market.
    home: bool,
    /// The schedule's last due date.
    end: Option<Date>,
    /// Tasks on the critical path.
    critical: usize,
    team: Vec<TeamMember<'a>>,
    partners: Vec<PartnerCtx<'a>>,
    /// Rows of its launch checklist.
    tasks: usize,
    /// Launch phases with dates (the text beside the timeline).
    phases: Vec<LaunchPhase>,
    scorecard: Vec<ScoreLine>,
    /// Scorecard lines that meet their target.
    met: usize,
    /// Tasks only this market has.
    own_tasks: Vec<TaskCtx<'a>>,
    /// Rows per reason they apply.
    by_reason: Vec<ReasonCount>,
    /// True when the checklist is assembled in the browser (too big to write out).
    dynamic: bool,
    /// File name of the CSV download.
    csv: String,
    /// File name of the Markdown download.
    md: String,
}

/// `market.html`'s own fields.
#[derive(Serialize)]
struct MarketPage<'a> {
    market: MarketFacts<'a>,
    /// The launch timeline.
    timeline: Timeline,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

impl Builder<'_> {
    pub(super) fn markets_index(&self) -> PageJob {
        let page = Page {
            kind: PageKind::MarketsIndex,
            idx: 0,
        };
        let base = self.page_base(page);
        self.job(
            page,
            base,
            MarketsPage {
                markets: self.market_list(),
                company: super::checklist_page::company_link(self.pb),
            },
        )
    }

    pub(super) fn market(&self, mi: Idx<Market>) -> (PageJob, PageJob, Vec<SiteFile>) {
        let pb = self.pb;
        let m = &pb.markets[mi];
        let r = EntityRef::from(mi);
        let url = pb.url(r);
        // Small checklists are written out; big ones are published as data
        // the browser assembles (see checklist_data.rs). Either way the
        // schedule is the one every format and the timeline use.
        let dynamic = self.task_counts[mi] > pb.config.build.static_checklist_rows;
        let sched = self.lists.schedule(mi);
        let list = (!dynamic).then(|| self.lists.checklist_of(&sched, checklist::Order::Date));
        let rows: &[checklist::Row<'_>] = list.as_ref().map_or(&[], |l| &l.rows);
        let count = sched.list.rows.len();
        let mut base = self.page_base(Page {
            kind: PageKind::Market,
            idx: mi.index(),
        });
        base.nav_pos = Some(mi.index());
        base.file = Some(m.file);
        base.description = m
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let team = m
            .team
            .iter()
            .map(|(role, person)| TeamMember {
                role: pb.roles.get(role).unwrap_or(role),
                person,
            })
            .collect();
        let partners = m
            .partners
            .iter()
            .map(|p| PartnerCtx {
                name: &p.name,
                kind: p.kind.as_deref(),
                note: self.md.opt_inline(&p.note, m.file),
            })
            .collect();
        // Launch timeline, drawn from the schedule: each step's rows from
        // their first start to their last due date, each phase over its
        // steps; a bar on the critical path is marked.
        // By step, densely (40,000 rows: no hashing per row).
        let mut per_step: IdxVec<Step, Option<Span>> = IdxVec::filled(None, pb.steps.len());
        for (l, p) in sched.list.rows.iter().zip(&sched.plan.items) {
            let step = self.lists.facts(l.task).step;
            per_step[step]
                .get_or_insert_with(|| Span::new(p.start))
                .add(p.start, p.due, p.critical);
        }
        let mut bars = Vec::new();
        let mut last_end = m.kickoff;
        let mut phase_rows = Vec::new();
        // One bar per step reads well for a few dozen steps; beyond that the
        // chart shows phases only (it would grow with markets × steps).
        let step_bars = pb.steps.len() <= MAX_TIMELINE_STEPS;
        let phase_bars = pb.phases.len() <= MAX_TIMELINE_PHASES;
        for f in &pb.frameworks {
            let mut fw: Option<Span> = None;
            for &p in &f.phases {
                let ph = &pb.phases[p];
                // Company work is on the company program's timeline, not the market's.
                if ph.scope == playbook_content::model::Scope::Company {
                    continue;
                }
                let steps: Vec<Idx<Step>> = ph
                    .blocks
                    .iter()
                    .flat_map(|&b| pb.blocks[b].steps.iter().copied())
                    .filter(|&st| per_step[st].is_some())
                    .collect();
                let Some(span) = steps
                    .iter()
                    .filter_map(|&st| per_step[st])
                    .reduce(Span::union)
                else {
                    continue;
                };
                last_end = last_end.max(span.shown_end());
                let label = format!(
                    "{}: {}",
                    match ph.component {
                        Some(c) => pb.components[c].label(),
                        None => f.label(),
                    },
                    ph.title
                );
                fw = Some(fw.map_or(span, |x| x.union(span)));
                if !phase_bars {
                    continue;
                }
                phase_rows.push(LaunchPhase {
                    title: label.clone(),
                    start: span.start,
                    due: span.due(),
                    tasks: span.rows,
                    critical: span.critical,
                });
                bars.push((label, span, true));
                if step_bars {
                    for st in steps {
                        if let Some(span) = per_step[st] {
                            bars.push((format!("  {}", step_label(pb, st)), span, false));
                        }
                    }
                }
            }
            if let (false, Some(span)) = (phase_bars, fw) {
                phase_rows.push(LaunchPhase {
                    title: f.title.clone(),
                    start: span.start,
                    due: span.due(),
                    tasks: span.rows,
                    critical: span.critical,
                });
                bars.push((f.title.clone(), span, true));
            }
        }
        let day = |d: jiff::civil::Date| (d - m.kickoff).get_days() as f64;
        let total = day(last_end) + 1.0;
        let ongoing = self.word("ongoing");
        let critical = format!(" · {}", self.word("critical-path"));
        let svg_bars: Vec<Bar> = bars
            .iter()
            .map(|(l, span, strong)| Bar {
                label: l.clone(),
                start: day(span.start),
                end: day(span.shown_end()) + 1.0,
                strong: *strong,
                note: format!(
                    "{} – {}{}",
                    span.start,
                    span.due()
                        .map_or_else(|| ongoing.clone(), |d| d.to_string()),
                    if span.critical { critical.as_str() } else { "" }
                ),
                open_ended: span.open,
                critical: span.critical,
            })
            .collect();
        let kick = m.kickoff;
        // About ten ticks however long the plan: every four weeks, or a
        // multiple of that for a plan of years (labelled by month then).
        let every = 28.0 * (total / 280.0).ceil().max(1.0);
        let month_day = every <= 28.0;
        let lang = self.words().lang().to_string();
        let timeline = svg::timeline(
            &self.words().get(
                "chart-launch-timeline",
                &[
                    ("market", m.name.as_str().into()),
                    ("date", m.kickoff.to_string().into()),
                ],
            ),
            &svg_bars,
            total,
            every,
            &move |u| {
                kick.checked_add(jiff::ToSpan::days(u as i64))
                    .map(|d| playbook_content::language::dates::tick(&lang, d, month_day))
                    .unwrap_or_default()
            },
        );
        // Scorecard.
        let mut score = Vec::new();
        let mut bars = Vec::new();
        for (x, a) in &m.actuals {
            let mt = &pb.metrics[*x];
            let met = mt.target.op.met(a.value, mt.target.value);
            score.push(ScoreLine {
                metric: link(pb, EntityRef::from(*x)),
                value: format_value(a.value, &mt.target.unit),
                target: format!(
                    "{} {}",
                    mt.target.op.symbol(),
                    format_value(mt.target.value, &mt.target.unit)
                ),
                met,
                as_of: a.as_of,
                note: self.md.opt_inline(&a.note, m.file),
            });
            bars.push((mt.name.clone(), met));
        }
        let met = score.iter().filter(|s| s.met).count();
        let own_tasks = m
            .tasks
            .iter()
            .map(|&t| {
                let mut v = self.task_ctx(t);
                v.step = Some(link(pb, EntityRef::from(pb.tasks[t].step)));
                v
            })
            .collect();
        let by_reason = {
            let mut hm: std::collections::BTreeMap<String, usize> = Default::default();
            if list.is_some() {
                for why in rows.iter().flat_map(|r| r.reasons.iter()) {
                    *hm.entry(why.clone()).or_default() += 1;
                }
            } else {
                for why in self.lists.reasons(&sched) {
                    for w in why.0 {
                        *hm.entry(w).or_default() += why.1;
                    }
                }
            }
            hm.into_iter()
                .map(|(reason, count)| ReasonCount { reason, count })
                .collect::<Vec<_>>()
        };
        let own = MarketPage {
            market: MarketFacts {
                id: &m.id,
                region: &m.region,
                summary: self.md.opt(&m.summary, m.file),
                body: self.md.opt(&m.body, m.file),
                regulations: m
                    .regulations
                    .iter()
                    .map(|&g| MarketRegulation {
                        url: pb.url(EntityRef::from(g)),
                        title: &pb.regulations[g].name,
                        jurisdiction: &pb.regulations[g].jurisdiction,
                    })
                    .collect(),
                tags: &m.tags,
                languages: &m.languages,
                currency: m.currency.as_deref(),
                kickoff: m.kickoff,
                kickoff_weekday: playbook_content::language::dates::weekday(
                    self.pb.words().lang(),
                    m.kickoff,
                ),
                launched: m.launched,
                home: m.home,
                end: sched.plan.end,
                critical: sched.plan.critical_path.len(),
                team,
                partners,
                tasks: count,
                phases: phase_rows,
                scorecard: score,
                met,
                own_tasks,
                by_reason,
                dynamic,
                csv: file_name(&m.id, Format::Csv),
                md: file_name(&m.id, Format::Md),
            },
            timeline,
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        let page = self.job(
            Page {
                kind: PageKind::Market,
                idx: mi.index(),
            },
            base,
            own,
        );

        // The printable checklist.
        let curl = format!("{url}checklist/");
        let mut base = self.page_base(Page {
            kind: PageKind::MarketChecklist,
            idx: mi.index(),
        });
        base.nav_pos = Some(mi.index());
        base.file = Some(m.file);
        base.description = self.checklist_description(&base.title, count, m.kickoff);
        let own = ChecklistPage {
            market: ChecklistMarket {
                id: &m.id,
                name: &m.name,
                kickoff: m.kickoff,
                lead: checklist::launch_lead(pb, mi),
                tasks: count,
                dynamic,
                csv: format!("../{}", file_name(&m.id, Format::Csv)),
                md: format!("../{}", file_name(&m.id, Format::Md)),
                ics: (!dynamic).then(|| format!("../{}", file_name(&m.id, Format::Ics))),
                url,
                url_label: self.word("market-page"),
            },
            phases: list
                .as_ref()
                .map(|l| checklist_sheet::sheet(pb, l))
                .unwrap_or_default(),
            summary: checklist_sheet::summary_of(pb, mi.into(), &sched, list.as_ref()),
            prereqs: {
                let mut phases: Vec<Idx<Phase>> = sched
                    .list
                    .rows
                    .iter()
                    .map(|l| pb.steps[pb.tasks[l.task].step].phase)
                    .collect();
                phases.sort_unstable();
                phases.dedup();
                checklist::prerequisites_of(pb, phases)
            },
            company: super::checklist_page::company_link(pb),
        };
        let checklist_page = self.job(
            Page {
                kind: PageKind::MarketChecklist,
                idx: mi.index(),
            },
            base,
            own,
        );
        match &list {
            None => {
                let data = vec![SiteFile {
                    path: format!("{curl}data.js"),
                    bytes: crate::render::checklist_data::market_js(
                        &self.lists,
                        mi,
                        &sched,
                        self.words().lang(),
                    )
                    .into_bytes(),
                }];
                (page, checklist_page, data)
            }
            Some(list) => (page, checklist_page, market_downloads(pb, list)),
        }
    }
}

/// The files a market's checklist page links for download, beside it
/// (`markets/<id>/checklist-<id>.<ext>` in every format the site offers).
/// Made here, above both the checklist formats and the calendar, so
/// neither imports the other; the paths match `pages::downloads`, which
/// tells `serve` which unit makes them.
pub(super) fn market_downloads(pb: &Playbook, list: &checklist::Checklist<'_>) -> Vec<SiteFile> {
    let id = list.prog.head(pb).id;
    playbook_plan::checklist_format::site_downloads(pb, list, &format!("markets/{id}/"))
}

//! The markets index, each market's page and its launch checklist (with
//! the checklist's downloads).
use super::checklist_page::{ChecklistMarket, ChecklistPage, CompanyLink};
use super::*;
use crate::render::checklist_sheet;
use jiff::civil::Date;

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
    start: Date,
    /// Absent for ongoing work.
    due: Option<Date>,
    /// Checklist rows in it.
    tasks: usize,
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
        let base = self.page_base(page, "Markets");
        self.job(
            page,
            base,
            MarketsPage {
                markets: self.market_list(),
                company: super::checklist_page::company_link(self.pb),
            },
        )
    }

    pub(super) fn market(&self, mi: usize) -> (PageJob, PageJob, Vec<SiteFile>) {
        let pb = self.pb;
        let m = &pb.markets[mi];
        let r = er(Kind::Market, mi);
        let url = pb.url(r);
        // Small checklists are written out; big ones are published as data
        // the browser assembles (see checklist_data.rs).
        let dynamic = self.task_counts[mi] > pb.config.build.static_checklist_rows;
        let (rows, compact) = if dynamic {
            (
                Vec::new(),
                Some(checklist::compact(pb, &self.checklists, mi)),
            )
        } else {
            (checklist::rows(pb, &self.windows, mi), None)
        };
        let rows = &rows;
        let count = compact.as_ref().map_or(rows.len(), |c| c.count);
        let mut base = self.page_base(
            Page {
                kind: PageKind::Market,
                idx: mi,
            },
            m.name.clone(),
        );
        base.nav_pos = Some(mi);
        base.crumbs = vec![self.crumb("markets/", "Markets")];
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
        // Launch timeline: each phase with real dates.
        let mut bars = Vec::new();
        let mut last_end = m.kickoff;
        let mut phase_rows = Vec::new();
        let mut per_phase: HashMap<usize, usize> = HashMap::new();
        match &compact {
            Some(c) => per_phase.extend(c.per_phase.iter().copied().enumerate()),
            None => {
                for r in rows.iter() {
                    *per_phase.entry(r.phase_idx).or_default() += 1;
                }
            }
        }
        // One bar per step reads well for a few dozen steps; beyond that the
        // chart shows phases only (it would grow with markets × steps).
        let step_bars = pb.steps.len() <= MAX_TIMELINE_STEPS;
        let phase_bars = pb.phases.len() <= MAX_TIMELINE_PHASES;
        for f in &pb.frameworks {
            let mut span: Option<(jiff::civil::Date, jiff::civil::Date, bool)> = None;
            let mut fw_tasks = 0;
            for &p in &f.phases {
                let ph = &pb.phases[p];
                // Company work is on the company program's timeline, not the market's.
                if ph.scope == crate::model::Scope::Company {
                    continue;
                }
                let w = crate::schedule::phase_window(m.kickoff, ph.window);
                let end = w.end.unwrap_or_else(|| {
                    w.start
                        .checked_add(jiff::ToSpan::days(28))
                        .unwrap_or(w.start)
                });
                if end > last_end {
                    last_end = end;
                }
                let n = per_phase.get(&p).copied().unwrap_or(0);
                let label = match ph.component {
                    Some(c) => format!(
                        "{}: {}",
                        pb.components[c].title.replace(" System", ""),
                        ph.title
                    ),
                    None => format!(
                        "{}: {}",
                        f.title
                            .split_whitespace()
                            .take(2)
                            .collect::<Vec<_>>()
                            .join(" "),
                        ph.title
                    ),
                };
                fw_tasks += n;
                if phase_bars {
                    phase_rows.push(LaunchPhase {
                        title: label.clone(),
                        start: w.start,
                        due: w.end,
                        tasks: n,
                    });
                }
                span = Some(match span {
                    None => (w.start, end, w.end.is_none()),
                    Some((s0, e0, o0)) => (s0.min(w.start), e0.max(end), o0 || w.end.is_none()),
                });
                if !phase_bars {
                    continue;
                }
                bars.push((label, w.start, end, w.end.is_none(), true));
                for &b in ph.blocks.iter().filter(|_| step_bars) {
                    for &st in pb.blocks[b]
                        .steps
                        .iter()
                        .filter(|&&st| pb.steps[st].scope == crate::model::Scope::Market)
                    {
                        let sw = checklist::step_window(pb, st, mi);
                        let send = sw.end.unwrap_or(end);
                        bars.push((
                            format!("  {}", step_label(pb, st)),
                            sw.start,
                            send,
                            sw.end.is_none(),
                            false,
                        ));
                    }
                }
            }
            if let (false, Some((start, end, open))) = (phase_bars, span) {
                phase_rows.push(LaunchPhase {
                    title: f.title.clone(),
                    start,
                    due: (!open).then_some(end),
                    tasks: fw_tasks,
                });
                bars.push((f.title.clone(), start, end, open, true));
            }
        }
        let day = |d: jiff::civil::Date| (d - m.kickoff).get_days() as f64;
        let total = day(last_end) + 1.0;
        let svg_bars: Vec<Bar> = bars
            .iter()
            .map(|(l, s, e, open, strong)| Bar {
                label: l.clone(),
                start: day(*s),
                end: day(*e) + 1.0,
                strong: *strong,
                note: format!(
                    "{s} – {}",
                    if *open {
                        "ongoing".to_string()
                    } else {
                        e.to_string()
                    }
                ),
                open_ended: *open,
            })
            .collect();
        let kick = m.kickoff;
        let timeline = svg::timeline(
            &format!("Launch timeline for {} from kickoff {}", m.name, m.kickoff),
            &svg_bars,
            total,
            28.0,
            &move |u| {
                kick.checked_add(jiff::ToSpan::days(u as i64))
                    .map(|d| d.strftime("%b %d").to_string())
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
                metric: link(pb, er(Kind::Metric, *x)),
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
                v.step = Some(link(pb, er(Kind::Step, pb.tasks[t].step)));
                v
            })
            .collect();
        let by_reason = {
            let mut hm: std::collections::BTreeMap<String, usize> = Default::default();
            match &compact {
                Some(c) => {
                    let mut per_rule = vec![0usize; c.reasons.len()];
                    for &(_, r) in &c.gated {
                        per_rule[r] += 1;
                    }
                    for (why, n) in c.reasons.iter().zip(per_rule) {
                        for w in why {
                            *hm.entry(w.clone()).or_default() += n;
                        }
                    }
                }
                None => {
                    for why in rows.iter().flat_map(|r| r.reasons.iter()) {
                        *hm.entry(why.clone()).or_default() += 1;
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
                        url: pb.url(er(Kind::Regulation, g)),
                        title: &pb.regulations[g].name,
                        jurisdiction: &pb.regulations[g].jurisdiction,
                    })
                    .collect(),
                tags: &m.tags,
                languages: &m.languages,
                currency: m.currency.as_deref(),
                kickoff: m.kickoff,
                kickoff_weekday: m.kickoff.strftime("%A").to_string(),
                team,
                partners,
                tasks: count,
                phases: phase_rows,
                scorecard: score,
                met,
                own_tasks,
                by_reason,
                dynamic,
                csv: format!("checklist-{}.csv", m.id),
                md: format!("checklist-{}.md", m.id),
            },
            timeline,
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        let page = self.job(
            Page {
                kind: PageKind::Market,
                idx: mi,
            },
            base,
            own,
        );

        // The printable checklist.
        let curl = format!("{url}checklist/");
        let mut base = self.page_base(
            Page {
                kind: PageKind::MarketChecklist,
                idx: mi,
            },
            format!("{} launch checklist", m.name),
        );
        base.nav_pos = Some(mi);
        base.crumbs = vec![self.crumb("markets/", "Markets"), link(pb, r)];
        base.file = Some(m.file);
        base.description = format!(
            "Launch checklist for {}: {} tasks from kickoff {}",
            m.name, count, m.kickoff
        );
        let own = ChecklistPage {
            market: ChecklistMarket {
                id: &m.id,
                name: &m.name,
                kickoff: m.kickoff,
                lead: checklist::launch_lead(pb, mi),
                tasks: count,
                dynamic,
                csv: format!("../checklist-{}.csv", m.id),
                md: format!("../checklist-{}.md", m.id),
                ics: (!dynamic).then(|| format!("../checklist-{}.ics", m.id)),
                url,
                url_label: "Market page",
            },
            phases: checklist_sheet::sheet(pb, mi, rows),
            prereqs: match &compact {
                Some(c) => checklist::prerequisites_of(
                    pb,
                    (0..pb.phases.len()).filter(|&p| c.per_phase[p] > 0),
                ),
                None => checklist::prerequisites(pb, rows),
            },
            company: super::checklist_page::company_link(pb),
        };
        let checklist_page = self.job(
            Page {
                kind: PageKind::MarketChecklist,
                idx: mi,
            },
            base,
            own,
        );
        if let Some(c) = &compact {
            let data = vec![SiteFile {
                path: format!("{curl}data.js"),
                bytes: crate::render::checklist_data::market_js(pb, mi, c).into_bytes(),
            }];
            return (page, checklist_page, data);
        }
        let downloads = market_downloads(pb, mi, rows).to_vec();
        (page, checklist_page, downloads)
    }
}

/// The files a market's checklist page links for download, beside it:
/// `markets/<id>/checklist-<id>.{csv,md,ics}`. Made here, above both the
/// checklist formats and the calendar, so neither imports the other; the
/// paths match `pages::downloads`, which tells `serve` which unit makes them.
pub(super) fn market_downloads(
    pb: &Playbook,
    m: usize,
    rows: &[checklist::Row<'_>],
) -> [SiteFile; 3] {
    let id = &pb.markets[m].id;
    let file = |ext: &str, bytes: String| SiteFile {
        path: format!("markets/{id}/checklist-{id}.{ext}"),
        bytes: bytes.into_bytes(),
    };
    [
        file("csv", checklist::to_csv(pb, m, rows)),
        file("md", checklist::to_markdown(pb, m, rows)),
        file("ics", crate::calendar::to_ics(pb, m, rows)),
    ]
}

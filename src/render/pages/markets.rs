//! The markets index, each market's page and its launch checklist (with
//! the checklist's downloads).
use super::*;

impl Builder<'_> {
    pub(super) fn markets_index(&self) -> PageJob {
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::MarketsIndex,
                idx: 0,
            },
            "Markets",
        ));
        ctx.put("markets", self.market_list());
        self.page_job(
            Page {
                kind: PageKind::MarketsIndex,
                idx: 0,
            },
            ctx,
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
        let mut ctx = self.ctx(base);
        let team: Vec<Value> = m.team.iter().map(|(role, person)| json!({"role": pb.roles.get(role).cloned().unwrap_or(role.clone()), "person": person})).collect();
        let partners: Vec<Value> = m.partners.iter().map(|p| json!({"name": p.name, "kind": p.kind, "note": self.md.opt_inline(&p.note, m.file)})).collect();
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
                    phase_rows.push(json!({"title": label, "start": w.start.to_string(), "due": w.end.map(|d| d.to_string()), "tasks": n}));
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
                    for &st in &pb.blocks[b].steps {
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
                phase_rows.push(json!({"title": f.title, "start": start.to_string(), "due": (!open).then(|| end.to_string()), "tasks": fw_tasks}));
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
            score.push(json!({"metric": link(pb, er(Kind::Metric, *x)), "value": format_value(a.value, &mt.target.unit),
                              "target": format!("{} {}", mt.target.op.symbol(), format_value(mt.target.value, &mt.target.unit)),
                              "met": met, "as_of": a.as_of.map(|d| d.to_string()), "note": self.md.opt_inline(&a.note, m.file)}));
            bars.push((mt.name.clone(), met));
        }
        let met = score.iter().filter(|s| s["met"] == json!(true)).count();
        let own: Vec<Value> = m
            .tasks
            .iter()
            .map(|&t| {
                let mut v = self.task_ctx(t);
                v["step"] = json!(link(pb, er(Kind::Step, pb.tasks[t].step)));
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
                .map(|(k, v)| json!({"reason": k, "count": v}))
                .collect::<Vec<_>>()
        };
        ctx.put("market", json!({
            "id": m.id, "region": m.region, "summary": self.md.opt(&m.summary, m.file), "body": self.md.opt(&m.body, m.file),
            "regulations": m.regulations.iter().map(|&g| json!({"url": pb.url(er(Kind::Regulation, g)), "title": pb.regulations[g].name, "jurisdiction": pb.regulations[g].jurisdiction})).collect::<Vec<_>>(),
            "tags": m.tags, "languages": m.languages, "currency": m.currency, "kickoff": m.kickoff.to_string(),
            "kickoff_weekday": m.kickoff.strftime("%A").to_string(),
            "team": team, "partners": partners, "tasks": count, "phases": phase_rows, "scorecard": score, "met": met,
            "own_tasks": own, "by_reason": by_reason, "dynamic": dynamic,
            "csv": format!("checklist-{}.csv", m.id), "md": format!("checklist-{}.md", m.id),
        }));
        ctx.put("timeline", timeline);
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        let page = self.page_job(
            Page {
                kind: PageKind::Market,
                idx: mi,
            },
            ctx,
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
        let mut cctx = self.ctx(base);
        let lead = checklist::launch_lead(pb, mi);
        cctx.insert(
            "phases",
            &crate::render::checklist_sheet::sheet(pb, mi, rows),
        );
        cctx.put("market", json!({"id": m.id, "name": m.name, "kickoff": m.kickoff.to_string(), "lead": lead, "tasks": count, "dynamic": dynamic,
                                       "csv": format!("../checklist-{}.csv", m.id), "md": format!("../checklist-{}.md", m.id), "url": url,
                                       "ics": (!dynamic).then(|| format!("../checklist-{}.ics", m.id))}));
        if let Some(c) = &compact {
            let data = vec![SiteFile {
                path: format!("{curl}data.js"),
                bytes: crate::render::checklist_data::market_js(pb, mi, c).into_bytes(),
            }];
            return (
                page,
                self.page_job(
                    Page {
                        kind: PageKind::MarketChecklist,
                        idx: mi,
                    },
                    cctx,
                ),
                data,
            );
        }
        let downloads = market_downloads(pb, mi, rows).to_vec();
        (
            page,
            self.page_job(
                Page {
                    kind: PageKind::MarketChecklist,
                    idx: mi,
                },
                cctx,
            ),
            downloads,
        )
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

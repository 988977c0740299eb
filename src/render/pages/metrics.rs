//! The metrics index and the metric pages.
use super::*;

impl Builder<'_> {
    pub(super) fn metrics_index(&self) -> PageJob {
        let pb = self.pb;
        let groups: Vec<Value> = pb
            .metric_groups
            .iter()
            .map(|g| json!({"id": g.id, "title": g.title, "framework": g.framework.map(|f| link(pb, er(Kind::Framework, f))),
                            "metrics": g.metrics.iter().map(|&m| {
                                let x = &pb.metrics[m];
                                let (n_met, n_all) = self.met_counts(m);
                                json!({"url": pb.url(er(Kind::Metric, m)), "title": x.name, "target": x.target.text, "met": n_met, "measured": n_all})
                            }).collect::<Vec<_>>()}))
            .collect();
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::MetricsIndex,
                idx: 0,
            },
            "Success metrics",
        ));
        ctx.put("groups", groups);
        self.page_job(
            Page {
                kind: PageKind::MetricsIndex,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn met_counts(&self, m: usize) -> (usize, usize) {
        let x = &self.pb.metrics[m];
        let mut met = 0;
        let mut all = 0;
        for mk in &self.pb.markets {
            for (mi, a) in &mk.actuals {
                if *mi == m {
                    all += 1;
                    if x.target.op.met(a.value, x.target.value) {
                        met += 1;
                    }
                }
            }
        }
        (met, all)
    }

    pub(super) fn metric(&self, mi: usize) -> PageJob {
        let pb = self.pb;
        let m = &pb.metrics[mi];
        let r = er(Kind::Metric, mi);
        let g = &pb.metric_groups[m.group];
        let mut base = self.page_base(
            Page {
                kind: PageKind::Metric,
                idx: mi,
            },
            m.name.clone(),
        );
        base.nav_pos = Some(m.group);
        base.crumbs = vec![
            self.crumb("metrics/", "Metrics"),
            self.crumb(&format!("metrics/#{}", g.id), &g.title),
        ];
        base.file = Some(m.file);
        base.description = format!("{} — {}", m.name, m.target.text);
        let mut ctx = self.ctx(base);
        let unit = &m.target.unit;
        let fmt = |v: f64| format_value(v, unit);
        let mut actuals = Vec::new();
        let mut bars = Vec::new();
        for (k, mk) in pb.markets.iter().enumerate() {
            for (x, a) in &mk.actuals {
                if *x == mi {
                    let met = m.target.op.met(a.value, m.target.value);
                    actuals.push(json!({"market": link(pb, er(Kind::Market, k)), "value": fmt(a.value), "met": met,
                                        "as_of": a.as_of.map(|d| d.to_string()), "note": self.md.opt_inline(&a.note, mk.file)}));
                    bars.push(ValueBar {
                        label: mk.name.clone(),
                        value: a.value,
                        met,
                        text: fmt(a.value),
                    });
                }
            }
        }
        let target_text = format!("{} {}", m.target.op.symbol(), fmt(m.target.value));
        ctx.put("metric", json!({"group": g.title, "target_text": m.target.text, "target": target_text,
                                     "period": m.target.period, "description": self.md.opt(&m.description, m.file),
                                     "measures": m.measures.iter().map(|&e| link(pb, e)).collect::<Vec<_>>(),
                                     "framework": g.framework.map(|f| link(pb, er(Kind::Framework, f)))}));
        ctx.put("actuals", actuals);
        ctx.put(
            "chart",
            if bars.is_empty() {
                String::new()
            } else {
                svg::value_chart(
                    &format!("{} by market against the target {}", m.name, target_text),
                    &bars,
                    m.target.value,
                    &target_text,
                )
            },
        );
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Metric,
                idx: mi,
            },
            ctx,
        )
    }
}

/// "99.9%", "120 ms", "4 hours".
pub fn format_value(v: f64, unit: &str) -> String {
    let n = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    };
    match unit {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

//! The metrics index and the metric pages.
use super::*;

/// A metric on the metrics index.
#[derive(Serialize)]
struct MetricItem<'a> {
    url: String,
    title: &'a str,
    /// The target as written.
    target: &'a str,
    /// Markets meeting the target.
    met: usize,
    /// Markets with a measured value.
    measured: usize,
}

/// A group of metrics on the metrics index.
#[derive(Serialize)]
struct MetricGroupItem<'a> {
    /// Anchor of the group on the index.
    id: &'a str,
    title: &'a str,
    /// The framework the group belongs to, if any.
    framework: Option<LinkCtx>,
    metrics: Vec<MetricItem<'a>>,
}

/// `metrics.html`'s own fields.
#[derive(Serialize)]
struct MetricsPage<'a> {
    groups: Vec<MetricGroupItem<'a>>,
}

/// A market's measured value of a metric.
#[derive(Serialize)]
struct ActualCtx {
    market: LinkCtx,
    /// The value with its unit.
    value: String,
    /// Whether it meets the target.
    met: bool,
    /// When it was measured.
    as_of: Option<jiff::civil::Date>,
    /// Note as inline HTML.
    note: String,
}

/// A metric's facts.
#[derive(Serialize)]
struct MetricFacts<'a> {
    /// Its group's title.
    group: &'a str,
    /// The target as written in the playbook.
    target_text: &'a str,
    /// The target as a comparison ("≥ 99.9%").
    target: String,
    period: Option<&'a str>,
    /// Description as HTML.
    description: String,
    /// What it measures.
    measures: Vec<LinkCtx>,
    framework: Option<LinkCtx>,
}

/// `metric.html`'s own fields.
#[derive(Serialize)]
struct MetricPage<'a> {
    metric: MetricFacts<'a>,
    actuals: Vec<ActualCtx>,
    /// Actual values against the target (absent when none is measured).
    chart: Option<svg::ValueChart>,
    in_story: Vec<LinkCtx>,
    backlinks: Vec<BacklinkGroup>,
}

impl Builder<'_> {
    pub(super) fn metrics_index(&self) -> PageJob {
        let pb = self.pb;
        let page = Page {
            kind: PageKind::MetricsIndex,
            idx: 0,
        };
        let groups = pb
            .metric_groups
            .iter()
            .map(|g| MetricGroupItem {
                id: &g.id,
                title: &g.title,
                framework: g.framework.map(|f| link(pb, EntityRef::from(f))),
                metrics: g
                    .metrics
                    .iter()
                    .map(|&m| {
                        let x = &pb.metrics[m];
                        let (met, measured) = self.met_counts(m);
                        MetricItem {
                            url: pb.url(EntityRef::from(m)),
                            title: &x.name,
                            target: &x.target.text,
                            met,
                            measured,
                        }
                    })
                    .collect(),
            })
            .collect();
        let base = self.page_base(page);
        self.job(page, base, MetricsPage { groups })
    }

    pub(super) fn met_counts(&self, m: Idx<Metric>) -> (usize, usize) {
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

    pub(super) fn metric(&self, mi: Idx<Metric>) -> PageJob {
        let pb = self.pb;
        let m = &pb.metrics[mi];
        let r = EntityRef::from(mi);
        let g = &pb.metric_groups[m.group];
        let page = Page {
            kind: PageKind::Metric,
            idx: mi.index(),
        };
        let mut base = self.page_base(page);
        base.nav_pos = Some(m.group.index());
        base.file = Some(m.file);
        base.description = format!("{} — {}", m.name, m.target.text);
        let unit = &m.target.unit;
        let fmt = |v: f64| format_value(v, unit);
        let mut actuals = Vec::new();
        let mut bars = Vec::new();
        for (k, mk) in pb.markets.iter_enumerated() {
            for (x, a) in &mk.actuals {
                if *x == mi {
                    let met = m.target.op.met(a.value, m.target.value);
                    actuals.push(ActualCtx {
                        market: link(pb, EntityRef::from(k)),
                        value: fmt(a.value),
                        met,
                        as_of: a.as_of,
                        note: self.md.opt_inline(&a.note, mk.file),
                    });
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
        let chart = (!bars.is_empty()).then(|| {
            svg::value_chart(
                &format!("{} by market against the target {}", m.name, target_text),
                &bars,
                m.target.value,
                &target_text,
            )
        });
        let own = MetricPage {
            metric: MetricFacts {
                group: &g.title,
                target_text: &m.target.text,
                target: target_text,
                period: m.target.period.as_deref(),
                description: self.md.opt(&m.description, m.file),
                measures: m.measures.iter().map(|&e| link(pb, e)).collect(),
                framework: g.framework.map(|f| link(pb, EntityRef::from(f))),
            },
            actuals,
            chart,
            in_story: in_story(pb, r),
            backlinks: backlinks(pb, r),
        };
        self.job(page, base, own)
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

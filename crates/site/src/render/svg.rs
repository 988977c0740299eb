//! The geometry of the inline SVG pictures: week/month timelines, market
//! launch Gantt charts and actual-vs-target bar charts. The markup is the
//! template `charts.html` (macros `timeline` and `values`); each picture
//! has a `<title>` and an `aria-label`, and the page shows the same facts
//! as text too.

use serde::Serialize;

/// One bar of a timeline: label, start and end in units (inclusive start, exclusive end).
#[derive(Debug, Clone)]
pub struct Bar {
    /// Row label.
    pub label: String,
    /// Start position (units from the origin).
    pub start: f64,
    /// End position.
    pub end: f64,
    /// Emphasised (phase rows) or not (step rows).
    pub strong: bool,
    /// Text shown at the bar's end (e.g. a date).
    pub note: String,
    /// True when the bar runs on without an end.
    pub open_ended: bool,
    /// On the critical path (drawn marked, and said so in its note).
    pub critical: bool,
}

/// A timeline as `charts.html::timeline` draws it: the geometry worked out
/// here, the markup in the template. Coordinates are text with one decimal.
#[derive(Debug, Serialize)]
pub struct Timeline {
    /// The picture's text alternative (`<title>`, `aria-label`).
    pub title: String,
    /// viewBox width.
    pub width: String,
    /// viewBox height.
    pub height: String,
    /// Vertical grid lines with their labels.
    pub ticks: Vec<Tick>,
    /// One row per bar.
    pub rows: Vec<TimelineRow>,
}

/// A grid line of a timeline.
#[derive(Debug, Serialize)]
pub struct Tick {
    /// x of the line and its label.
    pub x: String,
    /// Top of the line.
    pub y1: String,
    /// Bottom of the line.
    pub y2: String,
    /// "W3", "M2", "Mar 01".
    pub label: String,
}

/// One row of a timeline: its label and bar.
#[derive(Debug, Serialize)]
pub struct TimelineRow {
    /// The label as shown (cut with … when long).
    pub label: String,
    /// The whole label (the bar's tooltip).
    pub full: String,
    /// Text after the label in the tooltip (a date range), or empty.
    pub note: String,
    /// A phase row (bold) rather than a step row.
    pub strong: bool,
    /// The bar runs on without an end.
    pub open: bool,
    /// On the critical path (drawn marked).
    pub critical: bool,
    /// Baseline of the label.
    pub text_y: String,
    /// Bar's left edge.
    pub x: String,
    /// Bar's top edge.
    pub y: String,
    /// Bar's width.
    pub width: String,
    /// Bar's height.
    pub height: String,
}

fn n1(v: f64) -> String {
    format!("{v:.1}")
}

/// A horizontal timeline: one row per bar, ticks every `tick` units labelled `tick_label(n)`.
pub fn timeline(
    title: &str,
    bars: &[Bar],
    total: f64,
    tick: f64,
    tick_label: &dyn Fn(f64) -> String,
) -> Timeline {
    let label_w = 260.0;
    let chart_w = 520.0;
    let row_h = 22.0;
    let top = 24.0;
    let h = top + row_h * bars.len() as f64 + 8.0;
    let w = label_w + chart_w + 10.0;
    let x = |u: f64| label_w + (u / total.max(1.0)) * chart_w;
    let mut ticks = Vec::new();
    let mut u = 0.0;
    while u <= total + 1e-9 {
        ticks.push(Tick {
            x: n1(x(u)),
            y1: (top - 4.0).to_string(),
            y2: n1(h - 4.0),
            label: tick_label(u),
        });
        u += tick;
    }
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = top + row_h * i as f64;
            let x0 = x(b.start);
            let x1 = x(b.end.min(total)).max(x0 + 3.0);
            // Bold labels are wider: cut them sooner so they never run into the bars.
            let max = if b.strong { 34 } else { 40 };
            let label: String = if b.label.chars().count() > max {
                b.label.chars().take(max - 2).collect::<String>() + "…"
            } else {
                b.label.clone()
            };
            TimelineRow {
                label,
                full: b.label.clone(),
                note: b.note.clone(),
                strong: b.strong,
                open: b.open_ended,
                critical: b.critical,
                text_y: n1(y + 15.0),
                x: n1(x0),
                y: n1(y + 4.0),
                width: n1(x1 - x0),
                height: n1(row_h - 8.0),
            }
        })
        .collect();
    Timeline {
        title: title.to_string(),
        width: w.to_string(),
        height: h.to_string(),
        ticks,
        rows,
    }
}

/// One bar of an actual-vs-target chart.
#[derive(Debug, Clone)]
pub struct ValueBar {
    /// Row label (market or metric).
    pub label: String,
    /// The actual value.
    pub value: f64,
    /// Whether it meets the target.
    pub met: bool,
    /// The value as text with unit.
    pub text: String,
}

/// An actual-vs-target chart as `charts.html::values` draws it.
#[derive(Debug, Serialize)]
pub struct ValueChart {
    /// The picture's text alternative.
    pub title: String,
    /// viewBox width.
    pub width: String,
    /// viewBox height.
    pub height: String,
    /// x where the bars start.
    pub left: String,
    /// One row per value.
    pub rows: Vec<ValueRow>,
    /// x of the target line.
    pub target_x: String,
    /// Top of the target line.
    pub target_y1: String,
    /// Bottom of the target line.
    pub target_y2: String,
    /// "≥ 99.9%".
    pub target: String,
}

/// One bar of a [`ValueChart`].
#[derive(Debug, Serialize)]
pub struct ValueRow {
    /// Market or metric name.
    pub label: String,
    /// The value with its unit.
    pub text: String,
    /// Meets the target.
    pub met: bool,
    /// Baseline of the texts.
    pub text_y: String,
    /// Bar's top edge.
    pub y: String,
    /// Bar's width.
    pub width: String,
    /// Bar's height.
    pub height: String,
    /// x of the value's text.
    pub value_x: String,
}

/// Horizontal bars of actual values with a target line.
pub fn value_chart(title: &str, bars: &[ValueBar], target: f64, target_text: &str) -> ValueChart {
    let label_w = 200.0;
    let chart_w = 420.0;
    let row_h = 24.0;
    let top = 22.0;
    let h = top + row_h * bars.len() as f64 + 6.0;
    let w = label_w + chart_w + 90.0;
    let max = bars.iter().map(|b| b.value).fold(target, f64::max) * 1.1;
    let min = bars.iter().map(|b| b.value).fold(target, f64::min);
    // Zoom in on high, tight ranges (99.9 vs 99.95) so differences show.
    let lo = if min > 0.0 && (max - min) / max < 0.2 {
        min - (max - min).max(max * 0.01)
    } else {
        0.0
    };
    let lo = lo.max(0.0);
    let x = |v: f64| label_w + ((v - lo) / (max - lo).max(1e-9)) * chart_w;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = top + row_h * i as f64;
            let x1 = x(b.value).max(label_w + 2.0);
            ValueRow {
                label: b.label.clone(),
                text: b.text.clone(),
                met: b.met,
                text_y: n1(y + 16.0),
                y: n1(y + 5.0),
                width: n1(x1 - label_w),
                height: n1(row_h - 10.0),
                value_x: n1(x1 + 6.0),
            }
        })
        .collect();
    ValueChart {
        title: title.to_string(),
        width: w.to_string(),
        height: h.to_string(),
        left: label_w.to_string(),
        rows,
        target_x: n1(x(target)),
        target_y1: (top - 4.0).to_string(),
        target_y2: n1(h - 2.0),
        target: target_text.to_string(),
    }
}

/// A heat table: a row per label, a column per period, each cell shaded by
/// its value (five levels), as `charts.html::heat` draws it.
#[derive(Debug, Serialize)]
pub struct HeatTable {
    /// The picture's text alternative.
    pub title: String,
    /// viewBox width.
    pub width: String,
    /// viewBox height.
    pub height: String,
    /// Column headings.
    pub columns: Vec<HeatColumn>,
    /// One row per label.
    pub rows: Vec<HeatRow>,
}

/// A column of a [`HeatTable`].
#[derive(Debug, Serialize)]
pub struct HeatColumn {
    /// x of the column's middle.
    pub x: String,
    /// Its heading ("M" for March).
    pub label: String,
    /// A heading above it, where a new group starts ("2027").
    pub group: Option<String>,
    /// A key for scripts (`2027-03`).
    pub key: String,
}

/// A row of a [`HeatTable`].
#[derive(Debug, Serialize)]
pub struct HeatRow {
    /// Row label.
    pub label: String,
    /// Baseline of the label.
    pub text_y: String,
    /// Top of the row's cells.
    pub y: String,
    /// Left edge and width of the row's empty background (drawn once, so
    /// a cell is written only where there is something to show).
    pub x: String,
    /// Width of the background.
    pub width: String,
    /// Its cells with a value above zero.
    pub cells: Vec<HeatCell>,
}

/// One cell of a [`HeatTable`].
#[derive(Debug, Serialize)]
pub struct HeatCell {
    /// Left edge.
    pub x: String,
    /// The value.
    pub value: usize,
    /// Shade 0 (nothing) to 4 (the most in the table).
    pub level: usize,
    /// The column's key.
    pub key: String,
    /// The cell's tooltip.
    pub note: String,
}

/// Cell size of a heat table.
const HEAT_CELL: f64 = 20.0;

/// A heat table of `values[row][column]`.
pub fn heat_table(
    title: &str,
    rows: &[String],
    columns: &[(String, Option<String>, String)],
    values: &[Vec<usize>],
    note: &dyn Fn(usize, usize, usize) -> String,
) -> HeatTable {
    let label_w = 150.0;
    let top = 30.0;
    let max = values.iter().flatten().copied().max().unwrap_or(0).max(1);
    let level = |v: usize| {
        if v == 0 {
            0
        } else {
            1 + (v * 4 - 1) / max.max(1)
        }
        .min(4)
    };
    HeatTable {
        title: title.to_string(),
        width: (label_w + HEAT_CELL * columns.len() as f64 + 4.0).to_string(),
        height: (top + HEAT_CELL * rows.len() as f64 + 4.0).to_string(),
        columns: columns
            .iter()
            .enumerate()
            .map(|(c, (label, group, key))| HeatColumn {
                x: n1(label_w + HEAT_CELL * c as f64 + HEAT_CELL / 2.0),
                label: label.clone(),
                group: group.clone(),
                key: key.clone(),
            })
            .collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(r, label)| HeatRow {
                label: label.clone(),
                text_y: n1(top + HEAT_CELL * r as f64 + 14.0),
                y: n1(top + HEAT_CELL * r as f64 + 1.0),
                x: n1(label_w + 1.0),
                width: n1(HEAT_CELL * columns.len() as f64 - 2.0),
                cells: columns
                    .iter()
                    .enumerate()
                    .filter_map(|(c, (_, _, key))| {
                        let v = values
                            .get(r)
                            .and_then(|row| row.get(c))
                            .copied()
                            .unwrap_or(0);
                        (v > 0).then(|| HeatCell {
                            x: n1(label_w + HEAT_CELL * c as f64 + 1.0),
                            value: v,
                            level: level(v),
                            key: key.clone(),
                            note: note(r, c, v),
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_has_text_alternative_and_one_rect_per_bar() {
        let bars = vec![
            Bar {
                label: "Phase 1".into(),
                start: 0.0,
                end: 2.0,
                strong: true,
                note: String::new(),
                open_ended: false,
                critical: false,
            },
            Bar {
                label: "Step <1>".into(),
                start: 0.0,
                end: 1.0,
                strong: false,
                note: "due 2027-03-14".into(),
                open_ended: false,
                critical: false,
            },
        ];
        let s = timeline("Phases of X", &bars, 4.0, 1.0, &|u| {
            format!("W{}", u as u32 + 1)
        });
        assert_eq!(s.title, "Phases of X");
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.ticks.len(), 5, "a tick per unit, both ends included");
        assert!(s.rows[0].strong && !s.rows[1].strong);
        assert_eq!(s.rows[1].note, "due 2027-03-14");
        assert_eq!(s.rows[0].width, "260.0", "half of the 520 wide chart");
    }

    #[test]
    fn heat_cells_shade_by_value_and_keep_zero_blank() {
        let h = heat_table(
            "Open tasks",
            &["Germany".into(), "Japan".into()],
            &[
                ("M".into(), Some("2027".into()), "2027-03".into()),
                ("A".into(), None, "2027-04".into()),
            ],
            &[vec![0, 8], vec![2, 4]],
            &|_, _, v| format!("{v} tasks"),
        );
        let levels: Vec<Vec<usize>> = h
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.level).collect())
            .collect();
        // A zero is the row's blank background, not a cell of its own.
        assert_eq!(levels, [vec![4], vec![1, 2]]);
        assert_eq!(
            h.rows[0].cells[0].x, h.rows[1].cells[1].x,
            "in its month's column"
        );
        assert_eq!(h.rows[1].cells[0].note, "2 tasks");
        assert_eq!(h.columns[1].key, "2027-04");
    }

    #[test]
    fn value_chart_marks_met_and_missed() {
        let bars = vec![
            ValueBar {
                label: "Germany".into(),
                value: 99.95,
                met: true,
                text: "99.95%".into(),
            },
            ValueBar {
                label: "Japan".into(),
                value: 99.7,
                met: false,
                text: "99.7%".into(),
            },
        ];
        let s = value_chart("Uptime", &bars, 99.9, "≥ 99.9%");
        assert!(s.rows[0].met && !s.rows[1].met);
        let w = |i: usize| s.rows[i].width.parse::<f64>().unwrap_or_default();
        assert!(w(0) > w(1), "the higher value has the longer bar");
    }
}

//! Inline SVG pictures generated at build time: week/month timelines, market
//! launch Gantt charts and actual-vs-target bar charts. Each has a `<title>`
//! and an `aria-label`, and the page shows the same facts as text too.

use crate::diag::html_escape;
use std::fmt::Write as _;

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
}

/// A horizontal timeline: one row per bar, ticks every `tick` units labelled `tick_label(n)`.
pub fn timeline(
    title: &str,
    bars: &[Bar],
    total: f64,
    tick: f64,
    tick_label: &dyn Fn(f64) -> String,
) -> String {
    let label_w = 260.0;
    let chart_w = 520.0;
    let row_h = 22.0;
    let top = 24.0;
    let h = top + row_h * bars.len() as f64 + 8.0;
    let w = label_w + chart_w + 10.0;
    let x = |u: f64| label_w + (u / total.max(1.0)) * chart_w;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart timeline" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = html_escape(title)
    );
    let mut u = 0.0;
    while u <= total + 1e-9 {
        let xx = x(u);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{xx:.1}" y1="{y1}" x2="{xx:.1}" y2="{h2:.1}"/><text class="tick" x="{xx:.1}" y="14">{l}</text>"#,
            y1 = top - 4.0,
            h2 = h - 4.0,
            l = html_escape(&tick_label(u))
        );
        u += tick;
    }
    for (i, b) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let x0 = x(b.start);
        let x1 = x(b.end.min(total)).max(x0 + 3.0);
        let class = if b.strong { "bar phase" } else { "bar" };
        // Bold labels are wider: cut them sooner so they never run into the bars.
        let max = if b.strong { 34 } else { 40 };
        let label: String = if b.label.chars().count() > max {
            b.label.chars().take(max - 2).collect::<String>() + "…"
        } else {
            b.label.clone()
        };
        let _ = write!(
            s,
            r#"<text class="label{strong}" x="4" y="{ty:.1}">{l}</text><rect class="{class}{open}" x="{x0:.1}" y="{ry:.1}" width="{bw:.1}" height="{bh:.1}" rx="3"><title>{full}{note}</title></rect>"#,
            strong = if b.strong { " strong" } else { "" },
            ty = y + 15.0,
            l = html_escape(&label),
            open = if b.open_ended { " open" } else { "" },
            ry = y + 4.0,
            bw = x1 - x0,
            bh = row_h - 8.0,
            full = html_escape(&b.label),
            note = if b.note.is_empty() {
                String::new()
            } else {
                format!(": {}", html_escape(&b.note))
            }
        );
    }
    s.push_str("</svg>");
    s
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

/// Horizontal bars of actual values with a target line.
pub fn value_chart(title: &str, bars: &[ValueBar], target: f64, target_text: &str) -> String {
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
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart values" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = html_escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let x1 = x(b.value).max(label_w + 2.0);
        let _ = write!(
            s,
            r#"<text class="label" x="4" y="{ty:.1}">{l}</text><rect class="bar {c}" x="{label_w}" y="{ry:.1}" width="{bw:.1}" height="{bh:.1}" rx="3"/><text class="value" x="{vx:.1}" y="{ty:.1}">{v} {m}</text>"#,
            ty = y + 16.0,
            l = html_escape(&b.label),
            c = if b.met { "met" } else { "missed" },
            ry = y + 5.0,
            bw = x1 - label_w,
            bh = row_h - 10.0,
            vx = x1 + 6.0,
            v = html_escape(&b.text),
            m = if b.met { "✓" } else { "✗" }
        );
    }
    let tx = x(target);
    let _ = write!(
        s,
        r#"<line class="target" x1="{tx:.1}" y1="{y1}" x2="{tx:.1}" y2="{y2:.1}"/><text class="tick" x="{tx:.1}" y="12">target {tt}</text></svg>"#,
        y1 = top - 4.0,
        y2 = h - 2.0,
        tt = html_escape(target_text)
    );
    s
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
            },
            Bar {
                label: "Step <1>".into(),
                start: 0.0,
                end: 1.0,
                strong: false,
                note: "due 2027-03-14".into(),
                open_ended: false,
            },
        ];
        let s = timeline("Phases of X", &bars, 4.0, 1.0, &|u| {
            format!("W{}", u as u32 + 1)
        });
        assert!(s.contains(r#"aria-label="Phases of X""#));
        assert_eq!(s.matches("<rect").count(), 2);
        assert!(s.contains("Step &lt;1&gt;"));
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
        assert!(s.contains("bar met") && s.contains("bar missed"));
    }
}

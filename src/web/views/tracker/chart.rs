//! A small trend chart as inline SVG: yearly scores as a line, the target as a labelled dashed
//! line. Drawn with presentation attributes and classes only (no `style` attributes: strict CSP),
//! with `role="img"`, a `<title>` and a `<desc>` that say in words what the picture shows; the
//! numbers themselves are in the table beside it.

use crate::i18n::Lang;
use crate::web::dom::E;

use super::fmt::{cat, num, put, Owned};
use crate::num::shortest;

const W: f64 = 320.0;
const H: f64 = 180.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 26.0;

/// What to draw.
pub struct Spec<'a> {
    /// Unique id prefix inside the shadow root.
    pub id: &'a str,
    /// Short title ("Điểm PCI 2014–2016").
    pub title: &'a str,
    /// Words for screen readers.
    pub desc: &'a str,
    /// (year, score), oldest first.
    pub points: &'a [(i32, f64)],
    /// The scale's bounds (the y range never leaves them).
    pub scale: (f64, f64),
    /// A target value and its label.
    pub target: Option<(f64, String)>,
}

/// A y range that shows the data and the target without squashing the trend flat: the data's own
/// range with some room, rounded to a step, clipped to the scale.
fn y_range(spec: &Spec) -> (f64, f64, f64) {
    let vals = spec
        .points
        .iter()
        .map(|p| p.1)
        .chain(spec.target.as_ref().map(|t| t.0));
    let (lo, hi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (smin, smax) = spec.scale;
    if !lo.is_finite() || !hi.is_finite() {
        return (smin, smax, (smax - smin) / 4.0);
    }
    let span = (hi - lo).max((smax - smin) / 20.0);
    let step = nice_step(span / 3.0);
    let lo = ((lo - span * 0.15) / step).floor() * step;
    let hi = ((hi + span * 0.15) / step).ceil() * step;
    (lo.max(smin), hi.min(smax).max(lo.max(smin) + step), step)
}

fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    // The power of ten at or below `raw`, found by steps: `powf`/`log10` would bring libm's
    // `pow` into the wasm (~1 KB gzip) for one number per chart.
    let mut mag = 1.0;
    while mag > raw {
        mag /= 10.0;
    }
    while mag * 10.0 <= raw {
        mag *= 10.0;
    }
    let f = raw / mag;
    let n = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * mag
}

/// An SVG coordinate with one decimal.
fn f(x: f64) -> String {
    crate::num::fixed(x, 1)
}

/// A horizontal line across the plot at height `y` (grid line or target).
#[inline(never)]
fn rule(class: &str, y: f64) -> E {
    let y = f(y);
    E::svg("line")
        .attr("class", class)
        .attr_s("x1", f(LEFT))
        .attr_s("x2", f(W - RIGHT))
        .attr("y1", &y)
        .attr("y2", &y)
}

/// Appends a `<text>` at (x, y). One shared body for the chart's three kinds of labels keeps the
/// wasm smaller than the builder chain written out at each.
#[inline(never)]
fn label(svg: &web_sys::Element, class: &str, x: f64, y: f64, anchor: &str, text: &str) {
    let t = E::svg("text")
        .attr("class", class)
        .attr_s("x", f(x))
        .attr_s("y", f(y))
        .attr("text-anchor", anchor)
        .text(text);
    put(svg, t);
}

/// Builds the `<svg>`.
pub fn svg(spec: &Spec, lang: Lang) -> E {
    let (lo, hi, step) = y_range(spec);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h * (1.0 - (v - lo) / (hi - lo).max(f64::EPSILON));
    let first = spec.points.first().map_or(0, |p| p.0);
    let last = spec.points.last().map_or(0, |p| p.0);
    let x = |yr: i32| {
        if last > first {
            LEFT + plot_w * f64::from(yr - first) / f64::from(last - first)
        } else {
            LEFT + plot_w / 2.0
        }
    };
    let (tid, did) = (cat(&[spec.id, "-t"]), cat(&[spec.id, "-d"]));
    let svg = E::svg("svg")
        .attr("class", "trk-svg")
        .attr_s("viewBox", cat(&["0 0 ", &shortest(W), " ", &shortest(H)]))
        .attr("role", "img")
        .attr_s("aria-labelledby", cat(&[&tid, " ", &did]))
        .attr("focusable", "false")
        .child(E::svg("title").attr("id", &tid).text(spec.title))
        .child(E::svg("desc").attr("id", &did).text(spec.desc));
    // Grid lines and y labels.
    let mut v = lo;
    let mut guard = 0;
    while v <= hi + step * 0.01 && guard < 20 {
        put(&svg.0, rule("trk-grid", y(v)));
        label(
            &svg.0,
            "trk-axis",
            LEFT - 4.0,
            y(v) + 4.0,
            "end",
            &num(v, lang),
        );
        v += step;
        guard += 1;
    }
    // Year labels: all when few, otherwise first, last and every other.
    let every = if spec.points.len() > 6 { 2 } else { 1 };
    for (i, (yr, _)) in spec.points.iter().enumerate() {
        if i % every != 0 && i + 1 != spec.points.len() {
            continue;
        }
        label(
            &svg.0,
            "trk-axis",
            x(*yr),
            H - 8.0,
            "middle",
            &crate::num::int(*yr),
        );
    }
    if let Some((tv, label)) = &spec.target {
        let ty = y(*tv);
        put(&svg.0, rule("trk-target", ty));
        let above = ty - TOP > 14.0;
        let ly = if above { ty - 5.0 } else { ty + 14.0 };
        self::label(&svg.0, "trk-target-label", W - RIGHT, ly, "end", label);
    }
    // "x,y x,y …", built in a plain loop (smaller wasm than collecting and joining).
    let mut pts = String::new();
    for (yr, s) in spec.points {
        if !pts.is_empty() {
            pts.push(' ');
        }
        pts.push_str(&f(x(*yr)));
        pts.push(',');
        pts.push_str(&f(y(*s)));
    }
    if spec.points.len() > 1 {
        put(
            &svg.0,
            E::svg("polyline")
                .attr("class", "trk-line")
                .attr("points", &pts)
                .attr("fill", "none"),
        );
    }
    for (yr, s) in spec.points {
        put(
            &svg.0,
            E::svg("circle")
                .attr("class", "trk-pt")
                .attr_s("cx", f(x(*yr)))
                .attr_s("cy", f(y(*s)))
                .attr("r", "3.5"),
        );
    }
    svg
}

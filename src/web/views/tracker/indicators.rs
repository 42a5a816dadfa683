//! The plan's own indicators (chỉ tiêu): the wording as written, its deadline, and one row per
//! measurable part ("cấp tỉnh 100%, cấp huyện 100%, cấp xã 95%" is three parts) with the latest
//! reported value, a progress bar when there is a value to draw, and the status with its reason.

use std::rc::Rc;

use web_sys::Element;

use crate::i18n::Lang;
use crate::tracker::status::{IndicatorEvaluation, PartEvaluation};
use crate::tracker::target::TargetKind;
use crate::web::dom::E;

use crate::num::int;

use super::fmt::{
    add, add_s, cat, mk, num, put, status_badge, status_key, target_short, titled, unit, window,
    Owned,
};
use super::View;

/// The "Chỉ tiêu của kế hoạch" section of agency `ai`.
pub fn section(view: &Rc<View>, ai: usize) -> Element {
    let lang = view.lang();
    let sec = titled(
        "trk-section trk-indicators",
        "trk-h-indicators",
        "h3",
        tr!(lang, "Chỉ tiêu của kế hoạch", "Plan indicators"),
    );
    let list = view
        .agencies
        .get(ai)
        .map(|a| a.indicators.as_slice())
        .unwrap_or(&[]);
    if list.is_empty() {
        add(
            &sec.0,
            "p",
            "trk-empty",
            tr!(
                lang,
                "Tệp dữ liệu chưa có chỉ tiêu kế hoạch nào cho đơn vị này.",
                "The data file has no plan indicator for this agency."
            ),
        );
        return sec.el();
    }
    let ol = mk("ol").class("trk-ind-list");
    for (k, ind) in list.iter().enumerate() {
        crate::web::dom::append(
            &ol.0,
            &indicator(ind, &cat(&["trk-i", &int(ai), "-", &int(k)]), lang),
        );
    }
    put(&sec.0, ol);
    sec.el()
}

fn indicator(ind: &IndicatorEvaluation, id: &str, lang: Lang) -> Element {
    let (key, _) = status_key(ind.status);
    let li = mk("li")
        .class(&cat(&["trk-ind trk-b-", key]))
        .part("indicator")
        .attr("data-status", key)
        .attr("data-id", &ind.id);
    let head = mk("p")
        .class("trk-ind-head")
        .child(mk("span").class("trk-ind-id").text(&ind.id))
        .append_text(" ")
        .child(status_badge(ind.status, &ind.status_label));
    put(&li.0, head);
    add(&li.0, "p", "trk-ind-text", &ind.text);
    let meta = tr!(
        lang,
        "Lĩnh vực: {area} · Thời hạn: {deadline} ({window})",
        "Area: {area} · Deadline: {deadline} ({window})",
        area = ind.area_label,
        deadline = if ind.deadline.text.is_empty() {
            "–"
        } else {
            ind.deadline.text.as_str()
        },
        window = window(&ind.deadline, lang)
    );
    add(&li.0, "p", "trk-muted trk-small", &meta);
    if !ind.parts.is_empty() {
        let ul = mk("ul").class("trk-ind-parts");
        for (k, p) in ind.parts.iter().enumerate() {
            put(&ul.0, E(part(p, &cat(&[id, "-", &int(k)]), lang)));
        }
        put(&li.0, ul);
    } else if !ind.reason.is_empty() {
        add(&li.0, "p", "trk-reason", &ind.reason);
    }
    li.el()
}

/// The share of the target reached, for the bar: only for "more is better" kinds with a value.
fn bar(p: &PartEvaluation) -> Option<(f64, f64)> {
    let cur = p.current?;
    let goal = match p.target.kind {
        TargetKind::AtLeast
        | TargetKind::MoreThan
        | TargetKind::Exactly
        | TargetKind::Approximately
        | TargetKind::Between
        | TargetKind::ReduceByAtLeast => p.target.value?,
        _ => return None,
    };
    (goal > 0.0 && cur.is_finite()).then_some((cur.clamp(0.0, goal), goal))
}

fn part(p: &PartEvaluation, id: &str, lang: Lang) -> Element {
    let label = p
        .label
        .clone()
        .unwrap_or_else(|| tr!(lang, "Chỉ tiêu", "Target").to_string());
    let lab_id = cat(&[id, "-l"]);
    let li = mk("li").class("trk-part");
    let line = mk("p")
        .class("trk-part-line")
        .child(
            mk("span")
                .attr("id", &lab_id)
                .class("trk-part-label")
                .text_s(cat(&[&label, ": ", &target_short(&p.target, lang)])),
        )
        .append_text(" ")
        .child(status_badge(p.status, &p.status_label));
    put(&li.0, line);
    let u = unit(p.target.unit, p.target.noun.as_deref(), lang);
    match (p.current, bar(p)) {
        (Some(cur), Some((v, max))) => {
            let value_text = tr!(
                lang,
                "Hiện tại: {value}{unit} / {max}{unit}",
                "Now: {value}{unit} / {max}{unit}",
                value = num(cur, lang),
                max = num(max, lang),
                unit = u
            );
            let row = super::fmt::bar(v, max, ("aria-labelledby", &lab_id), &value_text, "");
            put(&li.0, row);
        }
        (Some(cur), None) => {
            add_s(
                &li.0,
                "p",
                "trk-bar-text",
                tr!(
                    lang,
                    "Hiện tại: {value}{unit}",
                    "Now: {value}{unit}",
                    value = num(cur, lang),
                    unit = u
                ),
            );
        }
        (None, _) => {}
    }
    if !p.reason.is_empty() {
        add(&li.0, "p", "trk-reason", &p.reason);
    }
    li.el()
}

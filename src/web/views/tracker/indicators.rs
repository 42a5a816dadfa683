//! The plan's own indicators (chỉ tiêu): the wording as written, its deadline, and one row per
//! measurable part ("cấp tỉnh 100%, cấp huyện 100%, cấp xã 95%" is three parts) with the latest
//! reported value, a progress bar when there is a value to draw, and the status with its reason.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

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
    let ol = mk("ol").class("trk-ind-list").el();
    crate::web::dom::append(&sec.0, &ol);
    let more = super::tasks::button("", "secondary trk-more cchc-noprint");
    crate::web::dom::append(&sec.0, &more);
    let pager = Rc::new(Pager {
        view: view.clone(),
        ai,
        ol,
        more,
        shown: Cell::new(0),
    });
    show_upto(&pager, PAGE);
    *view.indicators.borrow_mut() = Rc::downgrade(&pager);
    let p = pager.clone();
    view.ctx.on(&pager.more, "click", move |_| {
        if let Some(first) = show_upto(&p, p.shown.get() + PAGE) {
            // Focus moves to the first indicator added (focusable by script only). An indicator
            // is an `<li>`, always an `HTMLElement`.
            let first = E(first).attr("tabindex", "-1").el();
            let _ = first.unchecked_into::<HtmlElement>().focus();
        }
    });
    if list.len() > PAGE {
        if let Some(w) = web_sys::window() {
            // Paper shows every indicator.
            let p = pager;
            view.ctx
                .on(&w, "beforeprint", move |_| drop(show_upto(&p, usize::MAX)));
        }
    }
    sec.el()
}

/// Indicators rendered at once; "Xem thêm" adds as many again. A plan has dozens, each a card
/// with its parts: the first ten are what a phone shows in a few screens, and the rest would
/// only delay the widget on a slow phone (as the task list's [`super::tasks::PAGE`]).
pub const PAGE: usize = 10;

/// The indicator list of one agency, rendered a page at a time.
pub(super) struct Pager {
    view: Rc<View>,
    ai: usize,
    ol: Element,
    more: HtmlElement,
    shown: Cell<usize>,
}

/// Renders every indicator of the shown agency (for paper).
pub(super) fn show_all(view: &View) {
    if let Some(p) = view.indicators.borrow().upgrade() {
        show_upto(&p, usize::MAX);
    }
}

/// Renders indicators until `upto` are shown (or all); returns the first one added and updates
/// the "more" button.
fn show_upto(p: &Pager, upto: usize) -> Option<Element> {
    let lang = p.view.lang();
    let list = p
        .view
        .agencies
        .get(p.ai)
        .map(|a| a.indicators.as_slice())
        .unwrap_or(&[]);
    let from = p.shown.get();
    let to = upto.min(list.len());
    let mut first = None;
    for (k, ind) in list.iter().enumerate().take(to).skip(from) {
        let el = indicator(ind, &cat(&["trk-i", &int(p.ai), "-", &int(k)]), lang);
        crate::web::dom::append(&p.ol, &el);
        first.get_or_insert(el);
    }
    p.shown.set(to.max(from));
    let left = list.len().saturating_sub(to.max(from));
    p.more.set_hidden(left == 0);
    if left > 0 {
        p.more.set_text_content(Some(&tr!(
            lang,
            "Xem thêm {n} chỉ tiêu",
            "Show {n} more indicators",
            n = left.min(PAGE)
        )));
    }
    first
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

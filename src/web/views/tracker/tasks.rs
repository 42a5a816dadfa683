//! The plan's task framework: filterable by reform area, lead agency and state, overdue first
//! (the core's order), with a CSV download of what the filters select and a print view.
//!
//! A plan can have a thousand tasks, so the list renders a page at a time ([`PAGE`]) and a filter
//! change re-renders only that page: the first render and every filter stay fast on a cheap
//! phone. Printing (the "In" button or the browser's own print) first renders every filtered task
//! and opens every `<details>`, so paper shows everything the filters select.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlSelectElement};

use crate::i18n::{Lang, Msg};
use crate::tracker::model::Area;
use crate::tracker::status::TaskEvaluation;
use crate::tracker::table::{push_record, quarter_name};
use crate::web::dom::{clear, E, R};

use crate::date::Date;
use crate::num::int;

use super::fmt::{add, badge, cat, mk, put, task_key, titled, window, TASK_STATES};
use super::View;

/// Tasks rendered at once; "Xem thêm" adds another page. Ten: what a phone screen shows in a
/// few swipes, and a third of the layout work of 25 on the page's first render (startup on a
/// cheap phone, BENCHMARKS.md).
pub const PAGE: usize = 10;

/// Value of the "no lead written" option.
const NO_LEAD: &str = "-";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `document.createDocumentFragment()`, which cannot fail: bound directly, like
    /// `dom::E::new`, instead of through the list's `ownerDocument` (one binding less).
    #[wasm_bindgen(js_namespace = document, js_name = createDocumentFragment)]
    fn new_fragment() -> web_sys::DocumentFragment;
}

struct Tasks {
    view: Rc<View>,
    ai: usize,
    /// Distinct lead agencies as written, most frequent first.
    leads: Vec<String>,
    area: HtmlSelectElement,
    lead: HtmlSelectElement,
    state: HtmlSelectElement,
    list: Element,
    live: Element,
    more: HtmlElement,
    /// Indices (into the agency's tasks) the filters select.
    filtered: RefCell<Vec<usize>>,
    /// How many of them are rendered.
    shown: Cell<usize>,
}

fn tasks_of(view: &View, ai: usize) -> &[TaskEvaluation] {
    view.agencies
        .get(ai)
        .map(|a| a.tasks.as_slice())
        .unwrap_or(&[])
}

/// The "Nhiệm vụ" section of agency `ai`.
pub fn section(view: &Rc<View>, ai: usize) -> Element {
    let lang = view.lang();
    let sec = titled(
        "trk-section trk-tasks-sec",
        "trk-h-tasks",
        "h3",
        tr!(lang, "Nhiệm vụ của kế hoạch", "Plan tasks"),
    );
    let all = tasks_of(view, ai);
    if all.is_empty() {
        add(
            &sec.0,
            "p",
            "trk-empty",
            tr!(
                lang,
                "Tệp dữ liệu chưa có nhiệm vụ nào cho đơn vị này.",
                "The data file has no task for this agency."
            ),
        );
        return sec.el();
    }
    let leads = leads(all);
    let area = select("trk-f-area", area_options(all, lang));
    let lead = select("trk-f-lead", lead_options(all, &leads, lang));
    let state = select("trk-f-state", state_options(all, lang));
    let filters = mk("fieldset")
        .class("trk-filters cchc-noprint")
        .child(mk("legend").text(tr!(lang, "Lọc nhiệm vụ", "Filter tasks")))
        .child(field("trk-f-area", tr!(lang, "Lĩnh vực", "Area"), &area))
        .child(field(
            "trk-f-lead",
            tr!(lang, "Cơ quan chủ trì", "Lead agency"),
            &lead,
        ))
        .child(field(
            "trk-f-state",
            tr!(lang, "Tình trạng", "State"),
            &state,
        ));
    let reset = button(tr!(lang, "Bỏ lọc", "Clear filters"), "secondary");
    let csv = button(tr!(lang, "Tải CSV", "Download CSV"), "secondary");
    let print = button(tr!(lang, "In", "Print"), "secondary");
    let tools = mk("div")
        .class("trk-tools cchc-noprint")
        .child(&reset)
        .child(&csv)
        .child(&print);
    let live = mk("p")
        .class("trk-count")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .el();
    let list = mk("ol").class("trk-task-list").el();
    let more = button("", "secondary trk-more cchc-noprint");
    more.set_hidden(true);
    super::quarters::blocks(view, ai, &sec.0);
    put(&sec.0, filters);
    put(&sec.0, tools);
    crate::web::dom::append(&sec.0, &live);
    crate::web::dom::append(&sec.0, &list);
    crate::web::dom::append(&sec.0, &more);
    let t = Rc::new(Tasks {
        view: view.clone(),
        ai,
        leads,
        area,
        lead,
        state,
        list,
        live,
        more,
        filtered: RefCell::new(Vec::new()),
        shown: Cell::new(0),
    });
    wire(&t, &reset, &csv, &print);
    apply(&t);
    sec.el()
}

/// What a control of the task list does when used.
#[derive(Clone, Copy)]
enum Act {
    Filter,
    Reset,
    More,
    Csv,
    Print,
    BeforePrint,
}

fn wire(t: &Rc<Tasks>, reset: &HtmlElement, csv: &HtmlElement, print: &HtmlElement) {
    for sel in [&t.area, &t.lead, &t.state] {
        listen(t, sel, "change", Act::Filter);
    }
    listen(t, reset, "click", Act::Reset);
    listen(t, &t.more, "click", Act::More);
    listen(t, csv, "click", Act::Csv);
    listen(t, print, "click", Act::Print);
    if let Some(w) = web_sys::window() {
        listen(t, &w, "beforeprint", Act::BeforePrint);
    }
}

/// One listener closure type for every control (one body with a `match` instead of a closure,
/// vtable and drop per control: smaller wasm).
fn listen(t: &Rc<Tasks>, target: &web_sys::EventTarget, ty: &'static str, act: Act) {
    let t2 = t.clone();
    t.view.ctx.on(target, ty, move |_| act_on(&t2, act));
}

fn act_on(t: &Rc<Tasks>, act: Act) {
    match act {
        Act::Filter => apply(t),
        Act::Reset => {
            for sel in [&t.area, &t.lead, &t.state] {
                sel.set_value("");
            }
            apply(t);
        }
        Act::More => more(t),
        Act::Csv => {
            let agency = t.view.agencies.get(t.ai).map_or("", |a| a.id.as_str());
            let _ = download(&t.view, &cat(&["nhiem-vu-", agency]), &csv(t));
        }
        Act::Print => {
            expand_for_print(t);
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
        Act::BeforePrint => expand_for_print(t),
    }
}

/// A `<button type="button">`. (`createElement("button")` is always an `HTMLElement`, so the
/// unchecked cast cannot be wrong and saves the checked cast's error path.)
pub(super) fn button(text: &str, class: &str) -> HtmlElement {
    mk("button")
        .attr("type", "button")
        .class(&cat(&["cchc-button ", class]))
        .text(text)
        .el()
        .unchecked_into()
}

/// A `<select>` of `(value, label)` options (`createElement("select")` is always an
/// `HTMLSelectElement`, hence the unchecked cast).
fn select(id: &str, options: Vec<(String, String)>) -> HtmlSelectElement {
    let s = mk("select").attr("id", id).class("trk-select");
    for (value, label) in options {
        put(&s.0, mk("option").attr("value", &value).text(&label));
    }
    s.el().unchecked_into()
}

fn field(id: &str, label: &str, control: &HtmlSelectElement) -> E {
    mk("div")
        .class("trk-field")
        .child(mk("label").attr("for", id).text(label))
        .child(control)
}

fn leads(all: &[TaskEvaluation]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in all {
        if let Some(l) = &t.lead {
            match counts.iter_mut().find(|(k, _)| k == l) {
                Some((_, n)) => *n += 1,
                None => counts.push((l.clone(), 1)),
            }
        }
    }
    crate::sort::sort_by(&mut counts, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    let mut leads = Vec::new();
    for (k, _) in counts {
        leads.push(k);
    }
    leads
}

fn all_option(lang: Lang) -> (String, String) {
    (String::new(), tr!(lang, "Tất cả", "All").to_string())
}

/// (The option counts below are plain loops: smaller wasm than `filter().count()` chains.)
fn area_options(all: &[TaskEvaluation], lang: Lang) -> Vec<(String, String)> {
    let mut v = vec![all_option(lang)];
    for a in Area::ALL {
        let mut n = 0;
        for t in all {
            n += usize::from(t.area == a);
        }
        v.push((
            a.id().to_string(),
            cat(&[a.label(lang), " (", &int(n), ")"]),
        ));
    }
    v
}

fn lead_options(all: &[TaskEvaluation], leads: &[String], lang: Lang) -> Vec<(String, String)> {
    let mut v = vec![all_option(lang)];
    for (i, l) in leads.iter().enumerate() {
        let mut n = 0;
        for t in all {
            n += usize::from(t.lead.as_ref() == Some(l));
        }
        v.push((int(i), cat(&[l, " (", &int(n), ")"])));
    }
    let mut none = 0;
    for t in all {
        none += usize::from(t.lead.is_none());
    }
    if none > 0 {
        v.push((
            NO_LEAD.to_string(),
            cat(&[
                tr!(lang, "Không ghi cơ quan chủ trì", "No lead written"),
                " (",
                &int(none),
                ")",
            ]),
        ));
    }
    v
}

fn state_options(all: &[TaskEvaluation], lang: Lang) -> Vec<(String, String)> {
    let mut v = vec![all_option(lang)];
    for s in TASK_STATES {
        let mut n = 0;
        for t in all {
            n += usize::from(t.state == s);
        }
        if n > 0 {
            v.push((
                task_key(s).0.to_string(),
                cat(&[s.label(lang), " (", &int(n), ")"]),
            ));
        }
    }
    v
}

/// Whether task `t` passes the three filters (empty value = any).
fn passes(
    t: &TaskEvaluation,
    area: &str,
    lead: Option<&str>,
    lead_value: &str,
    state: &str,
) -> bool {
    (area.is_empty() || t.area.id() == area)
        && (state.is_empty() || task_key(t.state).0 == state)
        && match lead_value {
            "" => true,
            NO_LEAD => t.lead.is_none(),
            _ => lead.is_some() && t.lead.as_deref() == lead,
        }
}

/// Re-computes the filtered set and renders its first page.
fn apply(t: &Rc<Tasks>) {
    let (area, lead_value, state) = (t.area.value(), t.lead.value(), t.state.value());
    let lead = crate::num::digits(&lead_value)
        .and_then(|i| t.leads.get(i as usize))
        .map(String::as_str);
    let all = tasks_of(&t.view, t.ai);
    let mut filtered: Vec<usize> = Vec::new();
    for (i, x) in all.iter().enumerate() {
        if passes(x, &area, lead, &lead_value, &state) {
            filtered.push(i);
        }
    }
    *t.filtered.borrow_mut() = filtered;
    clear(&t.list);
    t.shown.set(0);
    render_upto(t, PAGE);
}

/// Renders filtered tasks until `upto` are shown; updates the count and the "more" button.
/// Returns the first newly rendered task.
fn render_upto(t: &Rc<Tasks>, upto: usize) -> Option<Element> {
    let lang = t.view.lang();
    let all = tasks_of(&t.view, t.ai);
    // The next filtered indices up to `upto` (copied out: rendering must not hold the borrow).
    let idx: Vec<usize> = {
        let f = t.filtered.borrow();
        let end = upto.min(f.len());
        f.get(t.shown.get()..end).unwrap_or_default().to_vec()
    };
    let total = t.filtered.borrow().len();
    // The new items go in through one fragment (one layout instead of one per task).
    let frag = new_fragment();
    let mut first = None;
    for i in &idx {
        if let Some(task) = all.get(*i) {
            let li = task_item(task, lang);
            if first.is_none() {
                first = Some(li.clone());
            }
            crate::web::dom::append(&frag, &li);
        }
    }
    crate::web::dom::append(&t.list, &frag);
    t.shown.set(t.shown.get() + idx.len());
    let shown = t.shown.get();
    if total == 0 && t.list.first_child().is_none() {
        add(
            &t.list,
            "li",
            "trk-empty",
            tr!(
                lang,
                "Không có nhiệm vụ nào phù hợp với bộ lọc. Chọn \"Bỏ lọc\" để xem tất cả.",
                "No task matches the filters. Choose \"Clear filters\" to see them all."
            ),
        );
    }
    let count = match (total, all.len()) {
        (0, n) => tr!(
            lang,
            "Không có nhiệm vụ phù hợp trong {n} nhiệm vụ",
            "No matching task among {n} tasks",
            n = n
        ),
        (k, n) if shown < k => tr!(
            lang,
            "{k}/{n} nhiệm vụ phù hợp; đang hiện {shown} nhiệm vụ đầu",
            "{k}/{n} tasks match; showing the first {shown}",
            k = k,
            n = n,
            shown = shown
        ),
        (k, n) => tr!(
            lang,
            "Hiển thị {k}/{n} nhiệm vụ",
            "Showing {k}/{n} tasks",
            k = k,
            n = n
        ),
    };
    t.live.set_text_content(Some(&count));
    let left = total.saturating_sub(shown);
    t.more.set_hidden(left == 0);
    t.more.set_text_content(Some(&tr!(
        lang,
        "Xem thêm {n} nhiệm vụ",
        "Show {n} more tasks",
        n = left.min(PAGE)
    )));
    first
}

fn more(t: &Rc<Tasks>) {
    if let Some(el) = render_upto(t, t.shown.get() + PAGE) {
        // A task item is an `<li>`, always an `HTMLElement`.
        let _ = el.unchecked_into::<HtmlElement>().focus();
    }
}

/// Paper shows every filtered task with its details open.
fn expand_for_print(t: &Rc<Tasks>) {
    super::indicators::show_all(&t.view);
    let total = t.filtered.borrow().len();
    render_upto(t, total);
    // `querySelectorAll` with a constant valid selector and `setAttribute("open")` cannot fail.
    let Ok(open) = t.view.ctx.root.query_selector_all("details") else {
        return;
    };
    for i in 0..open.length() {
        if let Some(d) = open.item(i) {
            let _ = d.unchecked_into::<Element>().set_attribute("open", "");
        }
    }
}

fn days(t: &TaskEvaluation, lang: Lang) -> String {
    match (t.days_overdue, t.days_left) {
        (Some(d), _) => tr!(lang, "quá {n} ngày", "overdue by {n} days", n = d),
        (_, Some(d)) => tr!(lang, "còn {n} ngày", "{n} days left", n = d),
        _ => String::new(),
    }
}

fn title(t: &TaskEvaluation) -> &str {
    t.task
        .as_deref()
        .or(t.activity.as_deref())
        .or(t.objective.as_deref())
        .unwrap_or(t.id.as_str())
}

#[inline(never)]
fn row(dl: &Element, term: &str, value: &str) {
    let div = mk("div")
        .child(mk("dt").text(term))
        .child(mk("dd").text(value));
    put(dl, div);
}

/// A link only for http(s) URLs and same-site paths; anything else (`javascript:`) stays text.
fn safe_href(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let relative = !u.is_empty()
        && crate::text::find_ascii(u, b':').is_none()
        && !u.chars().any(char::is_whitespace);
    (scheme_ok || relative).then_some(u)
}

fn task_item(t: &TaskEvaluation, lang: Lang) -> Element {
    let (key, shape) = task_key(t.state);
    let li = mk("li")
        .class(&cat(&["trk-task trk-t-", key]))
        .part("task")
        .attr("data-status", key)
        .attr("data-id", &t.id)
        .attr("tabindex", "-1");
    add(&li.0, "h4", "trk-task-title", title(t));
    let state = mk("p").class("trk-task-state").child(badge(
        &cat(&["trk-ts-", key]),
        shape,
        &t.state_label,
        &days(t, lang),
    ));
    put(&li.0, state);
    let dl = mk("dl").class("trk-dl").el();
    if t.task.is_some() {
        if let Some(a) = &t.activity {
            row(&dl, tr!(lang, "Hoạt động", "Activity"), a);
        }
    }
    row(
        &dl,
        tr!(lang, "Chủ trì", "Lead"),
        t.lead.as_deref().unwrap_or("–"),
    );
    if let Some(c) = &t.co_owners {
        row(&dl, tr!(lang, "Phối hợp", "Co-owners"), c);
    }
    let dtext = if t.deadline.text.is_empty() {
        "–"
    } else {
        t.deadline.text.as_str()
    };
    // The window in words, unless it only repeats the plan's words ("Thường xuyên").
    let w = window(&t.deadline, lang);
    let deadline = if w.eq_ignore_ascii_case(dtext) {
        w
    } else {
        cat(&[dtext, " (", &w, ")"])
    };
    row(&dl, tr!(lang, "Thời hạn", "Deadline"), &deadline);
    row(&dl, tr!(lang, "Lĩnh vực", "Area"), &t.area_label);
    let ev = mk("dd");
    match t.evidence_url.as_deref().and_then(safe_href) {
        Some(u) => {
            put(
                &ev.0,
                mk("a")
                    .attr("href", u)
                    .text(tr!(lang, "Xem văn bản, báo cáo", "See the document")),
            );
        }
        None => {
            ev.0.set_text_content(Some(tr!(lang, "Chưa có", "None yet")));
        }
    }
    let div = mk("div")
        .child(mk("dt").text(tr!(lang, "Minh chứng", "Evidence")))
        .child(ev);
    put(&dl, div);
    crate::web::dom::append(&li.0, &dl);
    let extra = [
        (tr!(lang, "Mục tiêu", "Objective"), t.objective.as_deref()),
        (tr!(lang, "Sản phẩm", "Output"), t.output.as_deref()),
        (tr!(lang, "Kinh phí", "Budget"), t.budget.as_deref()),
        (
            tr!(lang, "Ghi chú", "Note"),
            Some(t.reason.as_str()).filter(|r| !r.is_empty()),
        ),
    ];
    // The list is made on the first field present (a plain loop: smaller than an iterator chain).
    let mut inner: Option<Element> = None;
    for (k, v) in extra {
        if let Some(v) = v {
            row(
                inner.get_or_insert_with(|| mk("dl").class("trk-dl").el()),
                k,
                v,
            );
        }
    }
    // Its history: what each quarter's report said, oldest first.
    for h in &t.history {
        let r = &h.report;
        let mut v = String::from(r.progress.label(lang));
        if let Some(c) = r.completed_on {
            v.push(' ');
            v.push_str(&c.to_vi());
        }
        for x in [&r.evidence, &r.note].into_iter().flatten() {
            v.push_str(" · ");
            v.push_str(x);
        }
        // "Quý II/2025 (14/06/2025)": the quarter and the report's date.
        let term = cat(&[
            &quarter_name(h.quarter, h.year, lang),
            " (",
            &r.reported_on.to_vi(),
            ")",
        ]);
        row(
            inner.get_or_insert_with(|| mk("dl").class("trk-dl").el()),
            &term,
            &v,
        );
    }
    if let Some(inner) = inner {
        let det = mk("details")
            .class("trk-more-info")
            .child(mk("summary").text(tr!(
                lang,
                "Mục tiêu, sản phẩm, ghi chú, tiến độ theo quý",
                "Objective, output, notes, progress by quarter"
            )))
            .child(inner);
        put(&li.0, det);
    }
    li.el()
}

// ---------------------------------------------------------------------------------------------
// CSV

/// The CSV's column names (a table looked up in a loop: smaller wasm than one `tr!` each).
const CSV_HEADER: [Msg; 17] = [
    msg!("Mã", "Id"),
    msg!("Lĩnh vực", "Area"),
    msg!("Mục tiêu", "Objective"),
    msg!("Nhiệm vụ", "Task"),
    msg!("Hoạt động", "Activity"),
    msg!("Sản phẩm", "Output"),
    msg!("Chủ trì", "Lead"),
    msg!("Phối hợp", "Co-owners"),
    msg!("Thời hạn", "Deadline"),
    msg!("Bắt đầu", "Start"),
    msg!("Kết thúc", "End"),
    msg!("Tình trạng", "State"),
    msg!("Số ngày còn lại", "Days left"),
    msg!("Số ngày quá hạn", "Days overdue"),
    msg!("Ghi chú", "Note"),
    msg!("Kinh phí", "Budget"),
    msg!("Minh chứng", "Evidence"),
];

fn csv(t: &Tasks) -> String {
    let lang = t.view.lang();
    let all = tasks_of(&t.view, t.ai);
    let mut header = [""; CSV_HEADER.len()];
    for (h, m) in header.iter_mut().zip(CSV_HEADER) {
        *h = lang.text(m);
    }
    let mut out = String::from("\u{feff}");
    push_record(&mut out, &header);
    fn o(x: &Option<String>) -> &str {
        x.as_deref().unwrap_or("")
    }
    let n = |x: Option<i64>| x.map(int).unwrap_or_default();
    for i in t.filtered.borrow().iter() {
        let Some(x) = all.get(*i) else { continue };
        let start = x.deadline.start.map(Date::to_iso).unwrap_or_default();
        let end = x.deadline.end.map(Date::to_iso).unwrap_or_default();
        let (left, overdue) = (n(x.days_left), n(x.days_overdue));
        let row = [
            x.id.as_str(),
            &x.area_label,
            o(&x.objective),
            o(&x.task),
            o(&x.activity),
            o(&x.output),
            o(&x.lead),
            o(&x.co_owners),
            &x.deadline.text,
            &start,
            &end,
            &x.state_label,
            &left,
            &overdue,
            &x.reason,
            o(&x.budget),
            o(&x.evidence_url),
        ];
        push_record(&mut out, &row);
    }
    out
}

/// A `blob:` URL of a CSV text (UTF-8).
fn csv_url(text: &str) -> Option<String> {
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/csv;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Saves `text` as `{stem}-{as-of}.csv` (UTF-8; the texts start with a BOM, so Excel reads
/// Vietnamese correctly).
pub(super) fn download(view: &View, stem: &str, text: &str) -> R<()> {
    let Some(url) = csv_url(text) else {
        return Ok(());
    };
    let name = cat(&[stem, "-", &view.as_of.to_iso(), ".csv"]);
    let a = mk("a")
        .attr("href", &url)
        .attr("download", &name)
        .class("cchc-visually-hidden")
        .el()
        .unchecked_into::<HtmlElement>();
    crate::web::dom::append(&view.ctx.body, &a);
    a.click();
    let _ = view.ctx.body.remove_child(&a);
    // Revoke once the browser has taken the file (the click starts the download asynchronously).
    // Through the listeners' closure type (`FnMut(Event)`; the timer passes no event, and the
    // argument is never read): no closure machinery of its own for this one callback.
    let revoke: Box<dyn FnMut(web_sys::Event)> = Box::new(move |_| {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let revoke = Closure::wrap(revoke).into_js_value();
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    }
    Ok(())
}

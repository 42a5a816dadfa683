//! The index target tracker widget (`<cchc-index-tracker src="chi-tieu.json">`).
//!
//! Citizens and staff see, for one agency, where each target of its reform plan stands: a card
//! per national index (latest score and rank with its denominator, target, status), a trend chart
//! with the data beside it, the plan's own indicators with progress bars, and the task framework
//! with filters, a CSV download and a print view. Everything shown comes from
//! [`crate::tracker::evaluate`]; this module only turns that plain data into DOM (text only, never
//! markup) and is honest about what is missing: "no data" is said in words, never drawn as zero.
//!
//! Attributes: `src` (required), `as-of` (YYYY-MM-DD, fixes "today"; otherwise the browser's
//! date), `agency` (an agency id when the file has several; otherwise a selector is shown).

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::contract::{DataError, LoadFailure};
use crate::i18n::Lang;
use crate::tracker::model::LoadError;
use crate::tracker::status::AgencyEvaluation;
use crate::tracker::{self, Date, Document};
use crate::web::dom::{clear, E};
use crate::web::{Ctx, Failure};

use fmt::{add, cat, put, Owned};

mod cards;
mod chart;
mod fmt;
mod indicators;
mod quarters;
mod tasks;

/// At most this many load errors are listed in the error panel (the count says how many more).
const MAX_LISTED_ERRORS: usize = 30;

pub(crate) async fn run(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    let url = ctx.attr("src").unwrap_or_default();
    let text = ctx.fetch_attr("src").await?;
    if !ctx.alive() {
        return Ok(());
    }
    mark("cchc:index-tracker:fetched");
    let doc = tracker::load(&text).map_err(|errors| {
        Failure::Load(LoadFailure::Data {
            url: url.clone(),
            error: data_error(&errors, ctx.lang),
        })
    })?;
    mark("cchc:index-tracker:loaded");
    let (as_of, bad_as_of) = as_of(ctx)?;
    let agencies = tracker::evaluate(&doc, as_of, ctx.lang).agencies;
    mark("cchc:index-tracker:evaluated");
    let chosen = match ctx.attr("agency") {
        Some(id) => match agencies.iter().position(|a| a.id == id) {
            Some(i) => Some(i),
            None => {
                return Err(Failure::Load(LoadFailure::Data {
                    url,
                    error: unknown_agency(&id, &agencies, ctx.lang),
                }))
            }
        },
        None => None,
    };
    let view = Rc::new(View {
        ctx: ctx.clone(),
        doc,
        agencies,
        as_of,
        indicators: Default::default(),
    });
    render(&view, chosen, bad_as_of);
    mark("cchc:index-tracker:rendered");
    ctx.ready();
    Ok(())
}

/// What every part of the view reads.
pub(super) struct View {
    pub ctx: Rc<Ctx>,
    pub doc: Document,
    pub agencies: Vec<AgencyEvaluation>,
    pub as_of: Date,
    /// The shown agency's indicator list, which paper shows whole (`indicators::show_all`).
    /// (Weak: the pager lives as long as its button's listener, which holds the view.)
    indicators: std::cell::RefCell<std::rc::Weak<indicators::Pager>>,
}

impl View {
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }
}

/// A performance mark for the benchmark (`bench/tracker.mjs`); harmless elsewhere.
fn mark(name: &str) {
    let _ = perf_mark(name);
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.mark(name)`, bound directly (no `window.performance` getter and its
    /// `Option` in the wasm); a page without it throws, which is caught and ignored.
    #[wasm_bindgen(js_namespace = performance, js_name = mark, catch)]
    fn perf_mark(name: &str) -> Result<(), wasm_bindgen::JsValue>;
}

/// The evaluation day: the `as-of` attribute, or today on the browser's clock. A malformed
/// attribute falls back to today and is reported (second value) so the webmaster can see it.
fn as_of(ctx: &Ctx) -> Result<(Date, Option<String>), Failure> {
    let given = ctx.attr("as-of");
    if let Some(d) = given.as_deref().and_then(Date::parse_iso) {
        return Ok((d, None));
    }
    Ok((crate::web::today(), given))
}

/// One [`DataError`] for the shell's error panel: the first problem names its item, the detail
/// lists every problem (up to [`MAX_LISTED_ERRORS`]) one per line, so the webmaster can fix the
/// file in one pass instead of one reload per mistake.
fn data_error(errors: &[LoadError], lang: Lang) -> DataError {
    let path = errors.first().map(|e| e.path.clone()).unwrap_or_default();
    let mut detail = match errors.len() {
        0 => String::new(),
        1 => tr!(lang, "1 lỗi", "1 problem").to_string(),
        n => tr!(lang, "{n} lỗi", "{n} problems", n = n),
    };
    for e in errors.iter().take(MAX_LISTED_ERRORS) {
        detail.push_str("\n• ");
        detail.push_str(&e.message(lang));
    }
    if errors.len() > MAX_LISTED_ERRORS {
        detail.push_str("\n… ");
        detail.push_str(&tr!(
            lang,
            "{n} lỗi khác",
            "{n} more",
            n = errors.len() - MAX_LISTED_ERRORS
        ));
    }
    DataError::invalid(path, detail)
}

fn unknown_agency(id: &str, agencies: &[AgencyEvaluation], lang: Lang) -> DataError {
    let mut known = String::new();
    for (i, a) in agencies.iter().enumerate() {
        if i > 0 {
            known.push_str(", ");
        }
        known.push_str(&a.id);
    }
    DataError::invalid(
        "agency",
        tr!(
            lang,
            "Thuộc tính agency không khớp đơn vị nào \"{id}\"; các mã có trong tệp: {known}",
            "The agency attribute matches no agency \"{id}\"; ids in the file: {known}",
            id = id,
            known = known
        ),
    )
}

/// Renders the whole widget: heading, notices, agency selector (if several), the agency.
fn render(view: &Rc<View>, chosen: Option<usize>, bad_as_of: Option<String>) {
    let lang = view.lang();
    let body = &view.ctx.body;
    clear(body);
    let head = E::new("div").class("trk-head");
    put(
        &head.0,
        E::new("h2").text(tr!(
            lang,
            "Theo dõi chỉ tiêu cải cách hành chính",
            "Administrative reform targets"
        )),
    );
    let mut asof = tr!(
        lang,
        "Tình trạng tính đến ngày {date}",
        "Status as of {date}",
        date = view.as_of.to_vi()
    );
    if let Some(d) = view.doc.as_of {
        asof.push_str(" · ");
        asof.push_str(&tr!(
            lang,
            "dữ liệu cập nhật ngày {date}",
            "data checked on {date}",
            date = d.to_vi()
        ));
    }
    add(&head.0, "p", "trk-muted", &asof);
    if let Some(bad) = bad_as_of {
        let msg = tr!(
            lang,
            "Thuộc tính as-of \"{value}\" không phải ngày YYYY-MM-DD; dùng ngày hôm nay.",
            "The as-of attribute \"{value}\" is not a YYYY-MM-DD date; today is used.",
            value = bad
        );
        add(&head.0, "p", "trk-note", &msg);
    }
    put(body, head);
    let slot = E::new("div").class("trk-agency-slot").el();
    if chosen.is_none() && view.agencies.len() > 1 {
        crate::web::dom::append(body, agency_picker(view, &slot).as_ref());
    }
    crate::web::dom::append(body, &slot);
    render_agency(view, &slot, chosen.unwrap_or(0));
    warnings(view);
}

/// A labelled `<select>` of agencies; changing it re-renders the agency slot.
fn agency_picker(view: &Rc<View>, slot: &web_sys::Element) -> web_sys::Element {
    let lang = view.lang();
    let select = E::new("select")
        .attr("id", "trk-agency")
        .class("trk-select");
    for (i, a) in view.agencies.iter().enumerate() {
        let label = match &a.province {
            Some(p) if !crate::text::contains_str(&a.name, p) => cat(&[&a.name, " (", p, ")"]),
            _ => a.name.clone(),
        };
        put(
            &select.0,
            E::new("option")
                .attr_s("value", crate::num::int(i))
                .text(&label),
        );
    }
    let wrap = E::new("div")
        .class("trk-field trk-picker cchc-noprint")
        .child(E::new("label").attr("for", "trk-agency").text(tr!(
            lang,
            "Chọn đơn vị",
            "Choose an agency"
        )))
        .child(&select.0);
    // `createElement("select")` is always an `HTMLSelectElement`: the unchecked cast cannot be
    // wrong, and its `value` binding is the one the task filters use already.
    let sel: web_sys::HtmlSelectElement = select.el().unchecked_into();
    let (v, slot) = (view.clone(), slot.clone());
    let sel2 = sel.clone();
    view.ctx.on(&sel, "change", move |_| {
        let i = crate::num::digits(&sel2.value()).map_or(0, |i| i as usize);
        render_agency(&v, &slot, i);
    });
    wrap.el()
}

/// Renders one agency into `slot`: cards, indicators, tasks.
fn render_agency(view: &Rc<View>, slot: &web_sys::Element, i: usize) {
    clear(slot);
    let Some(a) = view.agencies.get(i) else {
        return;
    };
    let lang = view.lang();
    let sec = E::new("section")
        .class("trk-agency")
        .attr("aria-labelledby", "trk-agency-name");
    put(
        &sec.0,
        E::new("h2")
            .attr("id", "trk-agency-name")
            .class("trk-agency-name")
            .text(&a.name),
    );
    if let Some(note) = report_note(a, lang) {
        put(&sec.0, E::new("p").class("trk-stale").text(&note));
    }
    put(&sec.0, E(summary(a, lang)));
    put(&sec.0, E(cards::section(view, i)));
    put(&sec.0, E(indicators::section(view, i)));
    put(&sec.0, E(tasks::section(view, i)));
    put(slot, sec);
}

/// What the citizen must know about the progress figures: the latest report is older than the
/// reporting period, or no report exists while tasks are past their deadline.
fn report_note(a: &AgencyEvaluation, lang: Lang) -> Option<String> {
    match a.reported_on {
        Some(r) if a.report_stale => Some(tr!(
            lang,
            "Số liệu tiến độ có thể đã cũ: báo cáo gần nhất ngày {date}.",
            "Progress figures may be out of date: the latest report is of {date}.",
            date = r.to_vi()
        )),
        Some(_) => None,
        None => (count_of(&a.counts.tasks, tracker::status::TaskState::NotReported) > 0).then(|| {
            tr!(
                lang,
                "Chưa có báo cáo tiến độ: nhiệm vụ đã qua hạn được ghi “Chưa có báo cáo”, không phải quá hạn.",
                "No progress report yet: tasks past their deadline are shown as “Not reported”, not as overdue."
            )
            .to_string()
        }),
    }
}

/// One line of counts: how many targets per status and tasks per state.
fn summary(a: &AgencyEvaluation, lang: Lang) -> web_sys::Element {
    let ul = E::new("ul").class("trk-summary");
    let li = |label: String| E::new("li").text(&label).el();
    let targets: usize = a.counts.targets.iter().map(|(_, n)| n).sum();
    let achieved = count_of(&a.counts.targets, crate::tracker::Status::Achieved);
    let nodata = count_of(&a.counts.targets, crate::tracker::Status::NoData);
    let overdue = count_of(&a.counts.tasks, tracker::status::TaskState::Overdue);
    let unreported = count_of(&a.counts.tasks, tracker::status::TaskState::NotReported);
    crate::web::dom::append(
        &ul.0,
        &li(tr!(
            lang,
            "{targets} chỉ tiêu: {achieved} đã đạt, {nodata} chưa có dữ liệu",
            "{targets} targets: {achieved} achieved, {nodata} without data",
            targets = targets,
            achieved = achieved,
            nodata = nodata
        )),
    );
    crate::web::dom::append(
        &ul.0,
        &li(tr!(
            lang,
            "{tasks} nhiệm vụ: {overdue} quá hạn theo báo cáo, {unreported} đã qua hạn nhưng chưa có báo cáo",
            "{tasks} tasks: {overdue} overdue according to reports, {unreported} past due with no report",
            tasks = a.tasks.len(),
            overdue = overdue,
            unreported = unreported
        )),
    );
    ul.el()
}

fn count_of<K: PartialEq + Copy>(counts: &[(K, usize)], k: K) -> usize {
    counts.iter().find(|(x, _)| *x == k).map_or(0, |(_, n)| *n)
}

/// The loader's warnings (phrases it could not read), for the webmaster, folded away.
fn warnings(view: &Rc<View>) {
    let w = &view.doc.warnings;
    if w.is_empty() {
        return;
    }
    let lang = view.lang();
    let list = E::new("ul").class("trk-warnings");
    for e in w {
        put(&list.0, E::new("li").text(&e.message(lang)));
    }
    let det = E::new("details")
        .class("trk-data-notes")
        .child(E::new("summary").text_s(tr!(
            lang,
            "Lưu ý về dữ liệu: cụm từ chưa đọc được ({n})",
            "Data notes: phrases not understood ({n})",
            n = w.len()
        )))
        .child(list);
    put(&view.ctx.body, det);
}

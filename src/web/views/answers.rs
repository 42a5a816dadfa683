//! The answered-feedback widget (`<cchc-feedback-answers src="phan-anh-da-tra-loi.json">`): the
//! agency's published answers, newest first, a search box (words or a reference number), filters
//! by field, answering agency and year, one answer open at a time, its state in the page URL
//! (`pakn-q`, `pakn-ma`, `pakn-linh-vuc`, `pakn-co-quan`, `pakn-nam`: shareable, back button
//! works), and a print view of what is on screen without the controls.
//!
//! Reading, search, filters and the reference lookup are [`crate::answers`]; this file only
//! builds DOM (text only, never markup) and keeps the URL in step.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use crate::answers::{self, Answers, Item, Query};
use crate::contract::LoadFailure;
use crate::date::Date;
use crate::i18n::format_count;
use crate::num::int;
use crate::text::cat;
use crate::web::dom::{append, clear, E};
use crate::web::{Ctx, Failure};

/// Answers shown at first and added by "Xem thêm".
const PAGE: usize = 20;
/// URL parameters (prefixed so they do not collide with the host page's own).
const P_QUERY: &str = "pakn-q";
const P_OPEN: &str = "pakn-ma";
const P_FIELD: &str = "pakn-linh-vuc";
const P_AGENCY: &str = "pakn-co-quan";
const P_YEAR: &str = "pakn-nam";

#[derive(Clone, Default, PartialEq)]
struct State {
    text: String,
    field: Option<String>,
    agency: Option<String>,
    year: Option<u16>,
    /// Reference of the open answer.
    open: Option<String>,
    limit: usize,
    /// Submitted (Enter, a shared link): the last word is complete.
    committed: bool,
}

struct View {
    ctx: Rc<Ctx>,
    data: Answers,
    input: HtmlInputElement,
    selects: [HtmlSelectElement; 3],
    status: Element,
    list_panel: Element,
    list: Element,
    more: Element,
    detail: Element,
    state: RefCell<State>,
    url_seq: Cell<u32>,
}

pub(crate) async fn run(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    let src = ctx.attr("src").unwrap_or_default();
    let text = ctx.fetch_attr("src").await?;
    if !ctx.alive() {
        return Ok(());
    }
    let data = Answers::parse(&text).map_err(|errors| LoadFailure::Data {
        url: src,
        error: answers::combined_error(&errors, ctx.lang),
    })?;
    drop(text);
    let view = View::build(ctx, data);
    let s = view.state_from_url();
    view.show_state(&s);
    *view.state.borrow_mut() = s;
    view.render();
    ctx.ready();
    Ok(())
}

/// A labelled `<select>` with "all" first and `(value, label)` options.
fn select(
    id: &str,
    label: &str,
    all: &str,
    options: &[(String, String)],
) -> (E, HtmlSelectElement) {
    let sel = E::new("select").attr("id", id);
    append(&sel.0, &E::new("option").attr("value", "").text(all).0);
    for (v, l) in options {
        append(&sel.0, &E::new("option").attr("value", v).text(l).0);
    }
    let el: HtmlSelectElement = sel.0.clone().unchecked_into();
    let wrap = E::new("div")
        .class("ans-filter")
        .child(E::new("label").attr("for", id).text(label))
        .child(sel);
    (wrap, el)
}

fn counted(list: Vec<(String, usize)>) -> Vec<(String, String)> {
    list.into_iter()
        .map(|(v, n)| {
            let l = cat(&[&v, " (", &int(n), ")"]);
            (v, l)
        })
        .collect()
}

impl View {
    fn build(ctx: &Rc<Ctx>, data: Answers) -> Rc<View> {
        let lang = ctx.lang;
        let body = &ctx.body;
        clear(body);
        let title = if data.title.is_empty() {
            tr!(lang, "Phản ánh, kiến nghị đã trả lời", "Answered feedback").to_string()
        } else {
            data.title.clone()
        };
        append(body, &E::new("h2").class("ans-title").text(&title).0);
        if let Some(d) = Date::parse_iso(&data.published_on) {
            let p = E::new("p").class("ans-muted").text(&tr!(
                lang,
                "Cập nhật ngày {date}",
                "Updated on {date}",
                date = d.to_vi()
            ));
            append(body, &p.0);
        }
        let input = E::new("input")
            .attr("id", "ans-q")
            .attr("type", "search")
            .attr("autocomplete", "off")
            .attr("enterkeyhint", "search")
            .attr("aria-describedby", "ans-q-hint");
        let input_el: HtmlInputElement = input.0.clone().unchecked_into();
        let fields = counted(data.fields());
        let agencies = counted(data.agencies());
        let years: Vec<(String, String)> = data
            .years()
            .into_iter()
            .filter(|(y, _)| *y > 0)
            .map(|(y, n)| (int(y), cat(&[&int(y), " (", &int(n), ")"])))
            .collect();
        let all = tr!(lang, "Tất cả", "All");
        let (f1, s1) = select("ans-field", tr!(lang, "Lĩnh vực", "Area"), all, &fields);
        let (f2, s2) = select(
            "ans-agency",
            tr!(lang, "Cơ quan trả lời", "Answering agency"),
            all,
            &agencies,
        );
        let (f3, s3) = select("ans-year", tr!(lang, "Năm", "Year"), all, &years);
        let form = E::new("form")
            .class("ans-search cchc-noprint")
            .part("answer-search")
            .attr("role", "search")
            .child(E::new("label").attr("for", "ans-q").text(tr!(
                lang,
                "Tìm phản ánh, kiến nghị đã trả lời",
                "Search answered feedback"
            )))
            .child(
                E::new("p")
                    .class("ans-muted")
                    .attr("id", "ans-q-hint")
                    .text(tr!(
                lang,
                "Gõ có dấu hoặc không dấu, hoặc số phản ánh của bạn, ví dụ: PAKN-2026-000123",
                "Type with or without diacritics, or your reference number, e.g. PAKN-2026-000123"
            )),
            )
            .child(
                E::new("div").class("ans-row").child(&input.0).child(
                    E::new("button")
                        .attr("type", "submit")
                        .class("cchc-button")
                        .text(tr!(lang, "Tìm", "Search")),
                ),
            )
            .child(
                E::new("div")
                    .class("ans-filters")
                    .child(f1)
                    .child(f2)
                    .child(f3),
            );
        append(body, &form.0);
        let status = E::new("p")
            .class("ans-count")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .el();
        append(body, &status);
        let list = E::new("ol").class("ans-list").el();
        let more = E::new("button")
            .attr("type", "button")
            .attr("data-action", "more")
            .class("cchc-button secondary cchc-noprint")
            .text(tr!(lang, "Xem thêm", "Show more"))
            .el();
        let list_panel = E::new("div").child(&list).child(&more).el();
        append(body, &list_panel);
        let detail = E::new("div").class("ans-detail").attr("hidden", "").el();
        append(body, &detail);
        let view = Rc::new(View {
            ctx: ctx.clone(),
            data,
            input: input_el,
            selects: [s1, s2, s3],
            status,
            list_panel,
            list,
            more,
            detail,
            state: RefCell::new(State::default()),
            url_seq: Cell::new(0),
        });
        view.wire(&form.0);
        view
    }

    fn wire(self: &Rc<Self>, form: &Element) {
        let v = self.clone();
        self.ctx.on(&self.input, "input", move |_| {
            let text = v.input.value();
            v.update(
                |s| {
                    s.text = text;
                    s.limit = PAGE;
                    s.open = None;
                    s.committed = false;
                },
                Nav::ReplaceLater,
            );
        });
        let v = self.clone();
        self.ctx.on(form, "submit", move |ev| {
            ev.prevent_default();
            // A reference number found: its answer opens.
            let text = v.input.value();
            let found = answers::reference_key(&text)
                .and_then(|_| v.data.find_reference(&text))
                .and_then(|i| v.data.items.get(i))
                .map(|i| i.reference.clone());
            let open = found.is_some();
            v.update(
                |s| {
                    s.text = text;
                    s.committed = true;
                    s.open = found;
                },
                Nav::Push,
            );
            if open {
                v.focus_detail();
            }
        });
        for sel in &self.selects {
            let v = self.clone();
            self.ctx.on(sel, "change", move |_| {
                let [a, b, c] = &v.selects;
                let (field, agency, year) = (a.value(), b.value(), c.value());
                v.update(
                    |s| {
                        s.field = Some(field).filter(|x| !x.is_empty());
                        s.agency = Some(agency).filter(|x| !x.is_empty());
                        s.year = year.parse().ok();
                        s.limit = PAGE;
                        s.open = None;
                    },
                    Nav::Push,
                );
            });
        }
        let v = self.clone();
        self.ctx.on(&self.ctx.body, "click", move |ev| {
            let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let Some(target) = el.closest("[data-action]").ok().flatten() else {
                return;
            };
            let action = target.get_attribute("data-action").unwrap_or_default();
            match action.as_str() {
                "open" => {
                    ev.prevent_default();
                    let r = target.get_attribute("data-ref");
                    v.update(|s| s.open = r, Nav::Push);
                    v.focus_detail();
                }
                "back" => {
                    let was = v.state.borrow().open.clone();
                    v.update(|s| s.open = None, Nav::Push);
                    v.focus_item(was.as_deref());
                }
                "more" => {
                    v.update(|s| s.limit = s.limit.saturating_add(PAGE), Nav::None);
                }
                "print" => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }
                _ => {}
            }
        });
        if let Some(w) = web_sys::window() {
            let v = self.clone();
            self.ctx.on(&w, "popstate", move |_| {
                let s = v.state_from_url();
                v.show_state(&s);
                let was = v.state.borrow().open.clone();
                let now = s.open.clone();
                *v.state.borrow_mut() = s;
                v.render();
                if now.is_some() {
                    v.focus_detail();
                } else if was.is_some() {
                    v.focus_item(was.as_deref());
                }
            });
        }
    }

    /// The controls show `s` (after a URL change).
    fn show_state(&self, s: &State) {
        self.input.set_value(&s.text);
        let [a, b, c] = &self.selects;
        a.set_value(s.field.as_deref().unwrap_or(""));
        b.set_value(s.agency.as_deref().unwrap_or(""));
        c.set_value(&s.year.map(int).unwrap_or_default());
    }

    fn update(self: &Rc<Self>, f: impl FnOnce(&mut State), nav: Nav) {
        f(&mut self.state.borrow_mut());
        self.render();
        match nav {
            Nav::Push => self.write_url(true),
            Nav::ReplaceLater => self.write_url_later(),
            Nav::None => {}
        }
    }

    fn render(&self) {
        let s = self.state.borrow().clone();
        let lang = self.ctx.lang;
        if let Some(r) = &s.open {
            let _ = self.list_panel.set_attribute("hidden", "");
            let _ = self.detail.remove_attribute("hidden");
            clear(&self.detail);
            let item = self
                .data
                .find_reference(r)
                .and_then(|i| self.data.items.get(i));
            let back = E::new("button")
                .attr("type", "button")
                .attr("data-action", "back")
                .class("cchc-button secondary cchc-noprint")
                .text(tr!(lang, "← Tất cả phản ánh", "← All feedback"));
            append(&self.detail, &back.0);
            match item {
                Some(item) => {
                    self.status.set_text_content(Some(&tr!(
                        lang,
                        "Phản ánh số {reference}",
                        "Feedback {reference}",
                        reference = item.reference
                    )));
                    append(&self.detail, &self.item(item, true));
                }
                None => {
                    let msg = tr!(
                        lang,
                        "Không tìm thấy phản ánh số {reference}.",
                        "No feedback {reference} was found.",
                        reference = r
                    );
                    self.status.set_text_content(Some(&msg));
                    append(
                        &self.detail,
                        &E::new("h2").attr("tabindex", "-1").text(&msg).0,
                    );
                }
            }
            return;
        }
        let _ = self.detail.set_attribute("hidden", "");
        clear(&self.detail);
        let _ = self.list_panel.remove_attribute("hidden");
        let res = self.data.search(&Query {
            text: s.text.clone(),
            field: s.field.clone(),
            agency: s.agency.clone(),
            year: s.year,
            typing: !s.committed,
        });
        let n = res.items.len();
        let count = match &res.reference {
            Some(r) if n == 0 => tr!(
                lang,
                "Không tìm thấy phản ánh số {reference}. Phản ánh chỉ được đăng khi đã có trả lời và người gửi đồng ý công khai.",
                "No feedback {reference} was found. Feedback is published only once answered and when its sender agreed.",
                reference = r
            ),
            Some(r) => tr!(
                lang,
                "Phản ánh số {reference}",
                "Feedback {reference}",
                reference = r
            ),
            None if n == 0 && answers::looks_like_reference(&s.text) => tr!(
                lang,
                "Nhập đủ số phản ánh, ví dụ PAKN-2026-000123.",
                "Type the whole reference number, e.g. PAKN-2026-000123."
            )
            .to_string(),
            None if n == 0 => tr!(
                lang,
                "Không tìm thấy phản ánh nào phù hợp. Hãy thử từ khác hoặc bỏ bớt bộ lọc.",
                "No feedback matches. Try other words or fewer filters."
            )
            .to_string(),
            None => tr!(
                lang,
                "{n} phản ánh đã trả lời",
                "{n} answered",
                n = format_count(n, lang)
            ),
        };
        self.status.set_text_content(Some(&count));
        clear(&self.list);
        for &i in res.items.iter().take(s.limit.max(1)) {
            if let Some(item) = self.data.items.get(i) {
                let li = E::new("li").child(self.item(item, false));
                append(&self.list, &li.0);
            }
        }
        if n > s.limit.max(1) {
            let _ = self.more.remove_attribute("hidden");
        } else {
            let _ = self.more.set_attribute("hidden", "");
        }
    }

    /// One answer: in the list (its subject links to it), or open with everything.
    fn item(&self, item: &Item, open: bool) -> Element {
        let lang = self.ctx.lang;
        let art = E::new("article")
            .class(if open {
                "ans-item ans-open"
            } else {
                "ans-item"
            })
            .part("answer-item");
        let subject = if item.subject.is_empty() {
            &item.reference
        } else {
            &item.subject
        };
        if open {
            append(
                &art.0,
                &E::new("h2")
                    .attr("tabindex", "-1")
                    .class("ans-subject")
                    .text(subject)
                    .0,
            );
        } else {
            let s = self.state.borrow().clone();
            let link = E::new("a")
                .attr("href", &self.url_for(&s, Some(&item.reference)))
                .attr("data-action", "open")
                .attr("data-ref", &item.reference)
                .text(subject);
            append(&art.0, &E::new("h3").class("ans-subject").child(link).0);
        }
        let mut meta = cat(&[tr!(lang, "Số ", "No. "), &item.reference]);
        if let Some(d) = Date::parse_iso(&item.answered) {
            meta.push_str(" · ");
            meta.push_str(&tr!(
                lang,
                "trả lời ngày {date}",
                "answered on {date}",
                date = d.to_vi()
            ));
        }
        if !open && !item.agency.is_empty() {
            meta.push_str(" · ");
            meta.push_str(&item.agency);
        }
        append(&art.0, &E::new("p").class("ans-meta").text(&meta).0);
        if open {
            let dl = E::new("dl").class("ans-facts");
            let received = Date::parse_iso(&item.received).map(Date::to_vi);
            let answered = Date::parse_iso(&item.answered).map(Date::to_vi);
            fact(
                &dl.0,
                tr!(lang, "Số phản ánh", "Reference"),
                &item.reference,
            );
            fact(
                &dl.0,
                tr!(lang, "Ngày gửi", "Received"),
                received.as_deref().unwrap_or(""),
            );
            fact(
                &dl.0,
                tr!(lang, "Ngày trả lời", "Answered"),
                answered.as_deref().unwrap_or(""),
            );
            fact(&dl.0, tr!(lang, "Tình trạng", "State"), &item.status_label);
            fact(&dl.0, tr!(lang, "Lĩnh vực", "Area"), &item.field);
            fact(
                &dl.0,
                tr!(lang, "Cơ quan trả lời", "Answering agency"),
                &item.agency,
            );
            for (l, v) in &item.extra {
                fact(&dl.0, l, v);
            }
            append(&art.0, &dl.0);
            if !item.content.is_empty() {
                append(
                    &art.0,
                    &E::new("h3")
                        .text(tr!(lang, "Nội dung phản ánh", "Feedback"))
                        .0,
                );
                append(&art.0, &E::new("p").class("ans-text").text(&item.content).0);
            }
            append(&art.0, &E::new("h3").text(tr!(lang, "Trả lời", "Answer")).0);
            append(
                &art.0,
                &E::new("p")
                    .class("ans-text ans-answer")
                    .text(&item.answer)
                    .0,
            );
            let print = E::new("button")
                .attr("type", "button")
                .attr("data-action", "print")
                .class("cchc-button secondary cchc-noprint")
                .text(tr!(lang, "In trang này", "Print"));
            append(&art.0, &print.0);
        } else {
            if !item.field.is_empty() {
                let f = cat(&[tr!(lang, "Lĩnh vực: ", "Field: "), &item.field]);
                append(&art.0, &E::new("p").class("ans-meta").text(&f).0);
            }
            append(
                &art.0,
                &E::new("p").class("ans-text ans-short").text(&item.answer).0,
            );
        }
        art.el()
    }

    fn focus_detail(&self) {
        if let Ok(Some(h)) = self.detail.query_selector("h2") {
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }

    fn focus_item(&self, reference: Option<&str>) {
        let Some(r) = reference else { return };
        let list = self.list.query_selector_all("a[data-ref]");
        let Ok(list) = list else { return };
        for i in 0..list.length() {
            let Some(a) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            if a.get_attribute("data-ref").as_deref() == Some(r) {
                let _ = a.focus();
                return;
            }
        }
        let _ = self.input.focus();
    }

    fn state_from_url(&self) -> State {
        let mut s = State {
            limit: PAGE,
            committed: true,
            ..State::default()
        };
        let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
            return s;
        };
        let Ok(p) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return s;
        };
        s.text = p.get(P_QUERY).unwrap_or_default();
        s.field = p.get(P_FIELD).filter(|x| !x.is_empty());
        s.agency = p.get(P_AGENCY).filter(|x| !x.is_empty());
        s.year = p.get(P_YEAR).and_then(|y| y.parse().ok());
        s.open = p.get(P_OPEN).filter(|x| !x.is_empty());
        s
    }

    fn url_for(&self, s: &State, open: Option<&str>) -> String {
        let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
            return String::new();
        };
        let Ok(url) = web_sys::Url::new(&href) else {
            return href;
        };
        let p = url.search_params();
        for k in [P_QUERY, P_FIELD, P_AGENCY, P_YEAR, P_OPEN] {
            p.delete(k);
        }
        let year = s.year.map(int);
        for (k, v) in [
            (P_QUERY, Some(s.text.as_str()).filter(|t| !t.is_empty())),
            (P_FIELD, s.field.as_deref()),
            (P_AGENCY, s.agency.as_deref()),
            (P_YEAR, year.as_deref()),
            (P_OPEN, open),
        ] {
            if let Some(v) = v {
                p.set(k, v);
            }
        }
        url.set_search(&p.to_string().as_string().unwrap_or_default());
        url.href()
    }

    fn write_url(&self, push: bool) {
        self.url_seq.set(self.url_seq.get().wrapping_add(1));
        let s = self.state.borrow().clone();
        let url = self.url_for(&s, s.open.as_deref());
        let Some(w) = web_sys::window() else { return };
        let Ok(history) = w.history() else { return };
        if w.location().href().ok().as_deref() == Some(url.as_str()) {
            return;
        }
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }

    /// While typing, the URL follows after a pause (browsers throttle history updates).
    fn write_url_later(self: &Rc<Self>) {
        let seq = self.url_seq.get().wrapping_add(1);
        self.url_seq.set(seq);
        let v = self.clone();
        let Some(w) = web_sys::window() else { return };
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            if v.ctx.alive() && v.url_seq.get() == seq {
                v.write_url(false);
            }
        });
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 400);
    }
}

enum Nav {
    Push,
    ReplaceLater,
    None,
}

/// One `<dt>`/`<dd>` pair; an empty value shows nothing.
#[inline(never)]
fn fact(dl: &Element, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    append(dl, &E::new("dt").text(key).0);
    append(dl, &E::new("dd").text(value).0);
}

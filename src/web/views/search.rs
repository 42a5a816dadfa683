//! The TTHC search widget: a search box with live results, facets, "did you mean", a detail view,
//! and its state in the page URL (shareable, back button works).
//!
//! All matching and ranking is `crate::tthc` (the same engine as `cchc search`); this file only
//! builds DOM from [`SearchResults`] and keeps the URL in step.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::contract::LoadFailure;
use crate::i18n::{format_count, Lang};
use crate::num::int;
use crate::text::cat;
use crate::tthc::{
    split_highlights, Catalog, Details, DetailsMap, FacetKey, Filter, LifeEvent, Part, Procedure,
    Query, SearchResults, Thesaurus,
};
use crate::web::dom::{clear, document, E, R};
use crate::web::{load, Ctx, Failure};

/// Results shown at first and added by "Xem thêm".
const PAGE: usize = 20;
/// Facet values shown before "Xem thêm".
const FACET_SHOWN: usize = 6;
/// URL parameters (prefixed so they do not collide with the host page's own).
const P_QUERY: &str = "tthc-q";
const P_FILTER: &str = "tthc-loc";
const P_OPEN: &str = "tthc-ma";

#[derive(Clone, Default, PartialEq)]
struct State {
    text: String,
    filters: Vec<Filter>,
    limit: usize,
    /// Code of the procedure whose details are open.
    open: Option<String>,
    /// Facets whose long list is expanded.
    expanded: Vec<FacetKey>,
    /// The query was submitted (Enter, a shared link): the last word is complete, no prefix match
    /// — exactly what `cchc search` does.
    committed: bool,
}

/// Details files by absolute URL, each a map from procedure code to its details. A page opens a
/// handful of files at most, so a list searched in order does (a second hash map type would
/// cost the wasm more code than it saves time).
type DetailsCache = Vec<(String, Rc<DetailsMap>)>;

/// What to do with a procedure's details once they are there ([`View::with_details`]).
type DetailsThen = dyn FnOnce(Result<Option<&Details>, &LoadFailure>);

/// Details files being fetched, each with who waits for which procedure in it: typing a question
/// re-renders the answer on every keystroke, and all of them wait for one request.
type DetailsWaiting = Vec<(String, Vec<(String, Box<DetailsThen>)>)>;

struct View {
    ctx: Rc<Ctx>,
    /// Shared with the details being loaded; replaced once when the thesaurus arrives.
    catalog: RefCell<Rc<Catalog>>,
    /// Absolute URL of the data file (details URLs are relative to it).
    data_url: String,
    input: HtmlInputElement,
    status: Element,
    live: Element,
    suggest: Element,
    facets: Element,
    results: Element,
    list_panel: Element,
    detail: Element,
    state: RefCell<State>,
    /// Details files by URL, once fetched.
    details: Rc<RefCell<DetailsCache>>,
    /// Details files on their way ([`View::with_details`]).
    waiting: Rc<RefCell<DetailsWaiting>>,
    /// Life events to browse when the box is empty (once the thesaurus is attached).
    events: RefCell<Vec<LifeEvent>>,
    announce_seq: Cell<u32>,
    url_seq: Cell<u32>,
}

/// The built-in thesaurus in `pkg/` (`cargo xtask build` writes it; the loader knows its hash).
const THESAURUS: &str = "tinh-huong.tsv";

pub(crate) async fn run(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    let src = ctx.attr("src").unwrap_or_default();
    let text = ctx.fetch_attr("src").await?;
    let (catalog, _warnings) = match Catalog::from_json_str(&text) {
        Ok(c) => c,
        // The national portal's records: this module does not read them, the combined one does.
        Err(e) if e.detail == crate::tthc::NATIONAL_RECORDS && ctx.upgrade() => return Ok(()),
        Err(error) => {
            return Err(LoadFailure::Data {
                url: src.clone(),
                error,
            }
            .into())
        }
    };
    drop(text);
    if catalog.procedures().is_empty() {
        return Err(LoadFailure::Data {
            url: src,
            error: crate::contract::DataError::invalid("procedures", "no procedure in the file"),
        }
        .into());
    }
    let data_url = absolute(&src, &document()?.base_uri()?.unwrap_or_default()).unwrap_or(src);
    let view = View::build(ctx, catalog, data_url)?;
    let mut initial = view.state_from_url();
    let typed = view.take_over_early(ctx);
    if let Some(text) = typed.filter(|t| *t != initial.text) {
        // Typed while the data loaded: that is the search now (the loader pre-filled the box
        // from the URL, so an untouched box changes nothing).
        initial.text = text;
        initial.open = None;
        initial.committed = false;
    }
    view.input.set_value(&initial.text);
    *view.state.borrow_mut() = initial;
    view.render();
    view.announce_now();
    ctx.ready();
    // The index and the dictionary: the list is shown and browsable without them, so they are
    // built in a task of their own once the widget is ready (on a page with several widgets,
    // after the others have started), before the citizen's first word; a word typed sooner
    // builds them itself.
    let weak = Rc::downgrade(&view);
    // What follows waits for a task of its own: on a page with several widgets the others are
    // still to start in this one (their mount waited for the same code), and the words' request
    // goes out before the index is built.
    let pause = next_task();
    later(0, move || {
        if let Some(v) = weak.upgrade() {
            v.catalog.borrow().warm();
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
    // The engine's words (abbreviations, everyday names, life situations, question words): data
    // beside the bundle (`pkg/tinh-huong.tsv`, checked against its hash), asked for now that
    // search works, so that they never delay it. Without them, search finds procedures by their
    // own words.
    let words = ctx
        .fetch(&crate::web::pkg_url(THESAURUS), ctx.timeout())
        .await;
    let words = words.ok().and_then(|t| Thesaurus::parse(&t).ok());
    // The hỏi đáp and the procedures' own words (`terms_url`), when the list names their files.
    let mut extra = [None, None];
    let urls = [view.catalog().faq_url(), view.catalog().terms_url()]
        .map(|u| u.and_then(|u| absolute(u, &view.data_url)));
    for (slot, url) in extra.iter_mut().zip(urls) {
        if let Some(u) = url {
            *slot = ctx.fetch(&u, ctx.timeout()).await.ok();
        }
    }
    let [faq, terms] = extra;
    let attached = view.attach(words, faq, terms);
    // For host pages and tests: whether the words are in use.
    let _ = ctx
        .host
        .set_attribute("data-thesaurus", if attached { "ready" } else { "error" });
    Ok(())
}

fn absolute(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|u| u.href())
}

impl View {
    fn catalog(&self) -> Rc<Catalog> {
        self.catalog.borrow().clone()
    }

    /// Attaches what arrives after the widget is ready (the thesaurus, the hỏi đáp, the
    /// procedures' own words), works out
    /// the life events, and runs what is on screen again.
    /// Skipped while a details file being loaded still holds the catalogue; true when the
    /// thesaurus is in use.
    fn attach(&self, words: Option<Thesaurus>, faq: Option<String>, terms: Option<String>) -> bool {
        let mut slot = self.catalog.borrow_mut();
        let Some(c) = Rc::get_mut(&mut slot) else {
            return false;
        };
        let has = words.is_some();
        if let Some(t) = words {
            c.set_thesaurus(t);
        }
        if let Some(t) = faq {
            let _ = c.add_faq(&t);
        }
        // A terms file that does not read is left out: search works on the list's own words.
        if let Some(t) = terms {
            let _ = c.add_terms(&t);
        }
        *self.events.borrow_mut() = c.life_events(4);
        drop(slot);
        if self.state.borrow().open.is_none() {
            self.render();
        }
        has
    }

    fn build(ctx: &Rc<Ctx>, catalog: Catalog, data_url: String) -> R<Rc<View>> {
        let lang = ctx.lang;
        clear(&ctx.body);
        let input_id = "cchc-q";
        let hint_id = "cchc-q-hint";
        let form = E::new("form")
            .class("cchc-search-form")
            .attr("role", "search");
        let label = E::new("label").attr("for", input_id).text(tr!(
            lang,
            "Tìm thủ tục hành chính",
            "Find an administrative procedure",
        ));
        let hint = E::new("p").attr("id", hint_id).class("cchc-hint").text(tr!(lang,
            "Gõ có dấu hoặc không dấu, ví dụ: cấp lại cccd, dang ky khai sinh, sổ đỏ, 1.001193",
            "Type with or without diacritics, e.g. cấp lại cccd, dang ky khai sinh, sổ đỏ, 1.001193",
        ));
        let input: HtmlInputElement = E::new("input")
            .attr("id", input_id)
            .attr("type", "search")
            .attr("name", "q")
            .attr("autocomplete", "off")
            .attr("spellcheck", "false")
            .attr("enterkeyhint", "search")
            .attr("aria-describedby", hint_id)
            .part("search-input")
            .el()
            .dyn_into()?;
        crate::web::dom::append(&form.0, &label.0);
        crate::web::dom::append(&form.0, &hint.0);
        crate::web::dom::append(&form.0, &input);
        let status = E::new("p")
            .class("cchc-count")
            .attr("aria-hidden", "true")
            .el();
        let live = E::new("p")
            .class("cchc-visually-hidden")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .el();
        let suggest = E::new("div").class("cchc-suggest").el();
        let facets = E::new("div").class("cchc-facets").el();
        let results = E::new("div").class("cchc-results").el();
        let layout = E::new("div")
            .class("cchc-search-layout")
            .child(&facets)
            .child(&results);
        let list_panel = E::new("div")
            .child(&status)
            .child(&suggest)
            .child(&layout)
            .el();
        let detail = E::new("div").class("cchc-detail-panel").el();
        let _ = detail.set_attribute("hidden", "");
        crate::web::dom::append(&ctx.body, &form.0);
        crate::web::dom::append(&ctx.body, &live);
        crate::web::dom::append(&ctx.body, &list_panel);
        crate::web::dom::append(&ctx.body, &detail);

        let view = Rc::new(View {
            ctx: ctx.clone(),
            catalog: RefCell::new(Rc::new(catalog)),
            data_url,
            input,
            status,
            live,
            suggest,
            facets,
            results,
            list_panel,
            detail,
            state: RefCell::new(State {
                limit: PAGE,
                ..State::default()
            }),
            details: Rc::new(RefCell::new(Vec::new())),
            waiting: Rc::new(RefCell::new(Vec::new())),
            events: RefCell::new(Vec::new()),
            announce_seq: Cell::new(0),
            url_seq: Cell::new(0),
        });
        view.wire(&form.0);
        Ok(view)
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
            v.announce_later();
        });
        let v = self.clone();
        self.ctx.on(form, "submit", move |ev| {
            ev.prevent_default();
            v.update(|s| s.committed = true, Nav::Push);
            v.announce_now();
        });
        // Clicks inside the widget, dispatched by data attributes on the clicked element.
        let v = self.clone();
        self.ctx.on(&self.ctx.body, "click", move |ev| {
            if let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                v.on_click(&ev, &el);
            }
        });
        let v = self.clone();
        self.ctx.on(&self.ctx.body, "change", move |ev| {
            if let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                v.on_facet_change(&el);
            }
        });
        if let Some(w) = web_sys::window() {
            let v = self.clone();
            self.ctx.on(&w, "popstate", move |_| {
                let s = v.state_from_url();
                v.input.set_value(&s.text);
                let was_open = v.state.borrow().open.clone();
                *v.state.borrow_mut() = s;
                v.render();
                v.after_open_change(was_open);
                v.announce_now();
            });
        }
    }

    fn on_click(self: &Rc<Self>, ev: &web_sys::Event, el: &Element) {
        let target = el.closest("[data-action]").ok().flatten();
        let Some(target) = target else { return };
        let action = target.get_attribute("data-action").unwrap_or_default();
        match action.as_str() {
            "open" => {
                ev.prevent_default();
                let code = target.get_attribute("data-code");
                self.update(|s| s.open = code, Nav::Push);
                self.after_open_change(None);
            }
            "back" => {
                let was = self.state.borrow().open.clone();
                self.update(|s| s.open = None, Nav::Push);
                self.after_open_change(was);
            }
            "more" => {
                let shown = self.state.borrow().limit;
                self.update(|s| s.limit += PAGE, Nav::Replace);
                // Move focus to the first new result so keyboard users continue from there.
                let sel = cat(&["li[data-n=\"", &int(shown), "\"] [data-action=open]"]);
                if let Ok(Some(el)) = self.results.query_selector(&sel) {
                    if let Ok(h) = el.dyn_into::<HtmlElement>() {
                        let _ = h.focus();
                    }
                }
            }
            "suggest" => {
                let text = target.get_attribute("data-q").unwrap_or_default();
                self.input.set_value(&text);
                self.update(
                    |s| {
                        s.text = text;
                        s.limit = PAGE;
                        s.committed = true;
                    },
                    Nav::Push,
                );
                let _ = self.input.focus();
                self.announce_now();
            }
            "clear-filters" => {
                self.update(|s| s.filters.clear(), Nav::Push);
                let _ = self.input.focus();
                self.announce_now();
            }
            "expand" => {
                let key = target
                    .get_attribute("data-key")
                    .and_then(|k| FacetKey::from_key(&k));
                if let Some(key) = key {
                    self.update(
                        |s| {
                            if let Some(i) = s.expanded.iter().position(|k| *k == key) {
                                s.expanded.remove(i);
                            } else {
                                s.expanded.push(key);
                            }
                        },
                        Nav::None,
                    );
                    self.refocus(&cat(&[
                        "[data-action=expand][data-key=\"",
                        key.key(),
                        "\"]",
                    ]));
                }
            }
            "retry-detail" => {
                self.render_detail();
            }
            // The print module, asked for now (never at startup), prints the open procedure.
            "print" => self.ctx.print(&target),
            _ => {}
        }
    }

    fn on_facet_change(self: &Rc<Self>, el: &HtmlInputElement) {
        let (Some(key), Some(value)) = (
            el.get_attribute("data-key")
                .and_then(|k| FacetKey::from_key(&k)),
            el.get_attribute("data-value"),
        ) else {
            return;
        };
        let on = el.checked();
        self.update(
            |s| {
                s.filters.retain(|f| !(f.key == key && f.value == value));
                if on {
                    s.filters.push(Filter {
                        key,
                        value: value.clone(),
                    });
                }
                s.limit = PAGE;
            },
            Nav::Push,
        );
        self.refocus(&cat(&[
            "input[data-key=\"",
            key.key(),
            "\"][data-value=\"",
            &css_escape(&value),
            "\"]",
        ]));
        self.announce_now();
    }

    /// Changes the state, re-renders, and records it in the URL.
    fn update(self: &Rc<Self>, f: impl FnOnce(&mut State), nav: Nav) {
        {
            let mut s = self.state.borrow_mut();
            f(&mut s);
        }
        self.render();
        match nav {
            Nav::Push => self.write_url(true),
            Nav::Replace => self.write_url(false),
            Nav::ReplaceLater => self.write_url_later(),
            Nav::None => {}
        }
    }

    fn query(&self, s: &State) -> Query {
        Query {
            text: s.text.clone(),
            filters: s.filters.clone(),
            limit: s.limit,
            typing: !s.committed,
            lang: self.ctx.lang,
        }
    }

    fn render(&self) {
        let s = self.state.borrow().clone();
        if s.open.is_some() {
            let _ = self.list_panel.set_attribute("hidden", "");
            let _ = self.detail.remove_attribute("hidden");
            self.render_detail();
            return;
        }
        let _ = self.detail.set_attribute("hidden", "");
        clear(&self.detail);
        let _ = self.list_panel.remove_attribute("hidden");
        let res = self.catalog().search(&self.query(&s));
        self.status
            .set_text_content(Some(&self.count_text(&res, &s)));
        self.render_suggestions(&res, &s);
        self.render_facets(&res, &s);
        self.render_results(&res, &s);
    }

    fn count_text(&self, res: &SearchResults, s: &State) -> String {
        let lang = self.ctx.lang;
        let filtered = !s.filters.is_empty();
        let n = format_count(res.total, lang);
        if s.text.trim().is_empty() && !filtered {
            tr!(
                lang,
                "Có {n} thủ tục. Gõ vào ô tìm kiếm hoặc chọn lĩnh vực để lọc.",
                "{n} procedures. Type in the search box or pick an area to filter.",
                n = n
            )
        } else {
            tr!(lang, "Tìm thấy {n} thủ tục", "{n} procedures found", n = n)
        }
    }

    fn render_suggestions(&self, res: &SearchResults, s: &State) {
        let lang = self.ctx.lang;
        clear(&self.suggest);
        if res.suggestions.is_empty() || s.text.trim().is_empty() {
            return;
        }
        let p = E::new("p").append_text(&crate::web::dom::cat(
            tr!(lang, "Có phải bạn muốn tìm:", "Did you mean:"),
            " ",
        ));
        for (i, q) in res.suggestions.iter().take(3).enumerate() {
            if i > 0 {
                crate::web::dom::append(&p.0, &crate::web::dom::text_node(", "));
            }
            let b = E::new("button")
                .attr("type", "button")
                .class("cchc-linklike")
                .attr("data-action", "suggest")
                .attr("data-q", q)
                .text(q);
            crate::web::dom::append(&p.0, &b.0);
        }
        crate::web::dom::append(&self.suggest, &p.0);
    }

    fn render_facets(&self, res: &SearchResults, s: &State) {
        let lang = self.ctx.lang;
        clear(&self.facets);
        let wrap = E::new("details").class("cchc-facet-box").attr("open", "");
        crate::web::dom::append(
            &wrap.0,
            &E::new("summary")
                .text(tr!(lang, "Lọc kết quả", "Filter results"))
                .0,
        );
        for facet in &res.facets {
            let mut shown = 0usize;
            for v in &facet.values {
                if v.count > 0 || v.selected {
                    shown += 1;
                }
            }
            if shown == 0 {
                continue;
            }
            let expanded = s.expanded.contains(&facet.key);
            let fs = E::new("fieldset")
                .part("facet")
                .attr("data-key", facet.key.key());
            crate::web::dom::append(&fs.0, &E::new("legend").text(&facet.label).0);
            let mut i = 0usize;
            for v in &facet.values {
                if !(v.count > 0 || v.selected) {
                    continue;
                }
                i += 1;
                if i > FACET_SHOWN && !expanded && !v.selected {
                    continue;
                }
                let i = i - 1;
                let id = cat(&["cchc-f-", facet.key.key(), "-", &int(i)]);
                let input = E::new("input")
                    .attr("type", "checkbox")
                    .attr("id", &id)
                    .attr("data-key", facet.key.key())
                    .attr("data-value", &v.value);
                if v.selected {
                    let _ = input.0.set_attribute("checked", "");
                }
                let label = E::new("label")
                    .attr("for", &id)
                    .append_text(&v.label)
                    .child(
                        E::new("span")
                            .class("cchc-facet-count")
                            .text(&paren_count(v.count, lang)),
                    );
                let row = E::new("div").class("cchc-check").child(input).child(label);
                crate::web::dom::append(&fs.0, &row.0);
            }
            if shown > FACET_SHOWN {
                let text = if expanded {
                    tr!(lang, "Thu gọn", "Show fewer").to_string()
                } else {
                    tr!(
                        lang,
                        "Xem thêm {n} mục",
                        "Show {n} more",
                        n = shown - FACET_SHOWN
                    )
                };
                let b = E::new("button")
                    .attr("type", "button")
                    .class("cchc-linklike")
                    .attr("data-action", "expand")
                    .attr("data-key", facet.key.key())
                    .attr("aria-expanded", if expanded { "true" } else { "false" })
                    .text(&text);
                crate::web::dom::append(&fs.0, &b.0);
            }
            crate::web::dom::append(&wrap.0, &fs.0);
        }
        if !s.filters.is_empty() {
            let b = E::new("button")
                .attr("type", "button")
                .class("cchc-button secondary")
                .attr("data-action", "clear-filters")
                .text(tr!(lang, "Bỏ tất cả bộ lọc", "Clear all filters"));
            crate::web::dom::append(&wrap.0, &b.0);
        }
        crate::web::dom::append(&self.facets, &wrap.0);
    }

    fn render_results(&self, res: &SearchResults, s: &State) {
        clear(&self.results);
        if s.text.trim().is_empty() && s.filters.is_empty() {
            self.render_events(s);
        }
        if let (Some(part), Some(top)) = (res.asks, res.hits.first()) {
            self.render_asks(part, top.index);
        }
        if res.hits.is_empty() {
            self.render_empty(s);
        } else {
            self.render_hits(res, s);
        }
        self.render_faq(res, s);
    }

    /// A link that opens a procedure's detail (the list's click handler does it); `base` is
    /// [`View::open_base`] of the state shown.
    fn open_link(base: &OpenBase, code: &str) -> E {
        E::new("a")
            .attr("href", &base.href(code))
            .attr("data-action", "open")
            .attr("data-code", code)
    }

    /// [`View::url_for`] of state `s`, split where an opened procedure's code goes: one URL parse
    /// per list instead of one per link (each ~12 calls into the browser; ~30 ms of a first page
    /// of results at 4× CPU slowdown).
    fn open_base(&self, s: &State) -> OpenBase {
        let url = self.url_for(s, None);
        let (head, tail) = match crate::text::find_ascii(&url, b'#') {
            Some(i) => (url.get(..i).unwrap_or(""), url.get(i..).unwrap_or("")),
            None => (url.as_str(), ""),
        };
        OpenBase {
            sep: if crate::text::find_ascii(head, b'?').is_some() {
                '&'
            } else {
                '?'
            },
            head: head.to_string(),
            tail: tail.to_string(),
        }
    }

    /// Procedures as links in a list, for life events and hỏi đáp.
    fn links(&self, s: &State, codes: &mut dyn Iterator<Item = usize>) -> E {
        let ul = E::new("ul");
        let catalog = self.catalog();
        let base = self.open_base(s);
        for p in codes.filter_map(|i| catalog.procedure(i)) {
            let a = View::open_link(&base, &p.code).text(&p.name);
            crate::web::dom::append(&ul.0, &E::new("li").child(a).0);
        }
        ul
    }

    /// "Sự kiện đời sống": the thesaurus's life events, each a list of procedures to open.
    fn render_events(&self, s: &State) {
        let lang = self.ctx.lang;
        let events = self.events.borrow();
        if events.is_empty() {
            return;
        }
        let sec = E::new("section")
            .class("cchc-events")
            .child(E::new("h2").text(tr!(lang, "Sự kiện đời sống", "Life events")));
        for e in events.iter() {
            let d = E::new("details")
                .child(E::new("summary").text(&e.name))
                .child(self.links(s, &mut e.procedures.iter().copied()));
            crate::web::dom::append(&sec.0, &d.0);
        }
        crate::web::dom::append(&self.results, &sec.0);
    }

    /// The part of the top procedure a question asks for ("cần giấy tờ gì" → its documents),
    /// drawn like the detail view (its details file fetched when needed).
    fn render_asks(&self, part: Part, index: usize) {
        let lang = self.ctx.lang;
        let catalog = self.catalog();
        let Some(p) = catalog.procedure(index) else {
            return;
        };
        let (head, sections) = (E::new("div"), E::new("div"));
        let sec = E::new("section")
            .class("cchc-asks")
            .child(E::new("h2").text(&p.name));
        crate::web::dom::append(&sec.0, &head.0);
        crate::web::dom::append(&sec.0, &sections.0);
        crate::web::dom::append(&self.results, &sec.0);
        match (&p.details, p.details_url.clone()) {
            (None, Some(rel)) => self.load_details(&head.0, &sections.0, p, rel, Some(part)),
            (d, _) => View::show(&head.0, &sections.0, p, d.as_ref(), lang, Some(part)),
        }
    }

    /// The agency's hỏi đáp that match, each with its answer and its procedures.
    fn render_faq(&self, res: &SearchResults, s: &State) {
        let lang = self.ctx.lang;
        if res.faq.is_empty() {
            return;
        }
        let catalog = self.catalog();
        let sec = E::new("section")
            .class("cchc-faq")
            .child(E::new("h2").text(tr!(lang, "Hỏi đáp", "Questions and answers")));
        for h in &res.faq {
            let Some(e) = catalog.faq().get(h.index) else {
                continue;
            };
            let q = E::new("summary");
            for (piece, marked) in split_highlights(&h.question, &h.highlights) {
                if marked {
                    crate::web::dom::append(&q.0, &E::new("mark").text(piece).0);
                } else {
                    crate::web::dom::append(&q.0, &crate::web::dom::text_node(piece));
                }
            }
            let d = E::new("details")
                .part("faq-item")
                .child(q)
                .child(E::new("p").class("cchc-faq-answer").text(&e.answer))
                .child(self.links(s, &mut e.codes.iter().filter_map(|c| catalog.find_code(c))));
            crate::web::dom::append(&sec.0, &d.0);
        }
        crate::web::dom::append(&self.results, &sec.0);
    }

    fn render_hits(&self, res: &SearchResults, s: &State) {
        let lang = self.ctx.lang;
        let ol = E::new("ol").class("cchc-hits");
        let catalog = self.catalog();
        let base = self.open_base(s);
        for (n, hit) in res.hits.iter().enumerate() {
            let Some(p) = catalog.procedure(hit.index) else {
                continue;
            };
            let link = View::open_link(&base, &p.code).class("cchc-hit-name");
            for (piece, marked) in split_highlights(&hit.name, &hit.highlights) {
                if marked {
                    crate::web::dom::append(&link.0, &E::new("mark").text(piece).0);
                } else {
                    crate::web::dom::append(&link.0, &crate::web::dom::text_node(piece));
                }
            }
            let h = E::new("h3").class("cchc-hit-title").child(link);
            let meta = E::new("p").class("cchc-meta").text(&meta_line(p, lang));
            let li = E::new("li")
                .part("result")
                .attr("data-code", &p.code)
                .attr("data-n", &int(n))
                .child(h)
                .child(meta);
            crate::web::dom::append(&ol.0, &li.0);
        }
        crate::web::dom::append(&self.results, &ol.0);
        if res.total > res.hits.len() {
            let more = tr!(
                lang,
                "Xem thêm kết quả (đang hiện {shown}/{total})",
                "Show more results ({shown} of {total} shown)",
                shown = res.hits.len(),
                total = format_count(res.total, lang)
            );
            let b = E::new("button")
                .attr("type", "button")
                .class("cchc-button secondary")
                .attr("data-action", "more")
                .text(&more);
            crate::web::dom::append(&self.results, &b.0);
        }
    }

    fn render_empty(&self, s: &State) {
        let lang = self.ctx.lang;
        let box_ = E::new("div").class("cchc-empty");
        let head = tr!(
            lang,
            "Không tìm thấy thủ tục phù hợp với “{query}”.",
            "No procedure matches “{query}”.",
            query = s.text.trim()
        );
        crate::web::dom::append(
            &box_.0,
            &E::new("p").class("cchc-empty-title").text(&head).0,
        );
        let tips = E::new("ul");
        for tip in [
            tr!(
                lang,
                "Kiểm tra lỗi chính tả, hoặc gõ ít từ hơn (ví dụ: “khai sinh” thay vì “làm thủ tục đăng ký khai sinh cho con”).",
                "Check the spelling, or type fewer words (e.g. “khai sinh”)."
            ),
            tr!(
                lang,
                "Có thể dùng tên thường gọi hoặc viết tắt: sổ đỏ, CCCD, GPLX, BHYT.",
                "Everyday names and abbreviations work too: sổ đỏ, CCCD, GPLX, BHYT."
            ),
            tr!(
                lang,
                "Nếu biết mã thủ tục, gõ mã (ví dụ 1.001193).",
                "If you know the procedure code, type it (e.g. 1.001193)."
            ),
        ] {
            crate::web::dom::append(&tips.0, &E::new("li").text(tip).0);
        }
        crate::web::dom::append(&box_.0, &tips.0);
        if !s.filters.is_empty() {
            let b = E::new("button")
                .attr("type", "button")
                .class("cchc-button secondary")
                .attr("data-action", "clear-filters")
                .text(tr!(
                    lang,
                    "Bỏ bộ lọc và tìm lại",
                    "Clear the filters and search again",
                ));
            crate::web::dom::append(&box_.0, &b.0);
        }
        crate::web::dom::append(&self.results, &box_.0);
    }

    fn render_detail(&self) {
        let lang = self.ctx.lang;
        clear(&self.detail);
        let code = self.state.borrow().open.clone().unwrap_or_default();
        let back = E::new("button")
            .attr("type", "button")
            .class("cchc-button secondary")
            .attr("data-action", "back")
            .text(tr!(lang, "← Quay lại danh sách", "← Back to the list"));
        crate::web::dom::append(&self.detail, &back.0);
        // The printable sheet (`crate::sheet`): drawn by the print module, which the loader
        // fetches when this button is pressed; the empty live region after it gets its messages.
        if crate::web::PRINT {
            let print = E::new("button")
                .attr("type", "button")
                .class("cchc-button secondary")
                .attr("data-action", "print")
                .text(tr!(lang, "In phiếu thủ tục", "Print the procedure sheet"));
            crate::web::dom::append(&self.detail, &print.0);
            crate::web::dom::append(
                &self.detail,
                &E::new("span")
                    .class("cchc-error-title")
                    .attr("role", "alert")
                    .0,
            );
        }
        let catalog = self.catalog();
        let Some(p) = catalog.find_code(&code).and_then(|i| catalog.procedure(i)) else {
            let msg = tr!(
                lang,
                "Không có thủ tục mã “{code}” trong danh sách.",
                "There is no procedure with code “{code}” in the list.",
                code = code
            );
            crate::web::dom::append(
                &self.detail,
                &E::new("p").attr("role", "alert").text(&msg).0,
            );
            return;
        };
        let art = E::new("article")
            .part("detail")
            .attr("data-code", &p.code)
            .attr("aria-labelledby", "cchc-detail-h");
        crate::web::dom::append(
            &art.0,
            &E::new("h2")
                .attr("id", "cchc-detail-h")
                .attr("tabindex", "-1")
                .text(&p.name)
                .0,
        );
        let head = E::new("div");
        crate::web::dom::append(&art.0, &head.0);
        let sections = E::new("div").class("cchc-sections");
        crate::web::dom::append(&art.0, &sections.0);
        // Whom to call and where to go (`contacts`), for the unit that handles this procedure.
        crate::web::contacts::fill_for(&self.ctx, &art.0, &p.agencies, p.field.as_deref());
        crate::web::dom::append(&self.detail, &art.0);
        match (&p.details, p.details_url.clone()) {
            (None, Some(rel)) => self.load_details(&head.0, &sections.0, p, rel, None),
            (d, _) => View::show(&head.0, &sections.0, p, d.as_ref(), lang, None),
        }
    }

    /// An opened procedure: its facts and portal link into `head`, completed from its details
    /// record `d` (`Procedure::with_details`; `None`: none, or not read yet), and the sections of
    /// `d` into `sections`.
    /// A procedure's facts and detail sections; `only`: just what answers that part (the
    /// facts for time, fee and place, else that one section).
    fn show(
        head: &Element,
        sections: &Element,
        p: &Procedure,
        d: Option<&Details>,
        lang: Lang,
        only: Option<Part>,
    ) {
        clear(head);
        if let Some(d) = d {
            render_details(sections, d, lang, only);
        }
        if matches!(only, Some(Part::Documents | Part::Steps | Part::Conditions)) {
            return;
        }
        let f = p.with_details(d);
        let dl = E::new("dl").class("cchc-facts");
        let yes_no = |b: bool| {
            if b {
                tr!(lang, "Có", "Yes")
            } else {
                tr!(lang, "Không", "No")
            }
        };
        let dl = &dl.0;
        fact(dl, tr!(lang, "Mã thủ tục", "Code"), &p.code);
        fact(
            dl,
            tr!(lang, "Lĩnh vực", "Area"),
            p.field.as_deref().unwrap_or(""),
        );
        fact(
            dl,
            tr!(lang, "Cấp thực hiện", "Level"),
            &crate::text::join(&p.levels, ", "),
        );
        fact(
            dl,
            tr!(lang, "Cơ quan thực hiện", "Agency"),
            &crate::text::join(&p.agencies, ", "),
        );
        fact(
            dl,
            tr!(lang, "Thời hạn giải quyết", "Processing time"),
            f.time.unwrap_or(""),
        );
        fact(dl, tr!(lang, "Phí, lệ phí", "Fees"), f.fee.unwrap_or(""));
        fact(dl, tr!(lang, "Trực tuyến", "Online"), p.online.label(lang));
        fact(dl, tr!(lang, "Qua bưu chính", "By post"), yes_no(p.postal));
        fact(
            dl,
            tr!(lang, "Thanh toán trực tuyến", "Online payment"),
            yes_no(p.online_payment),
        );
        crate::web::dom::append(head, dl);
        if let Some(url) = f.url.filter(|u| is_http(u) && only.is_none()) {
            let a =
                E::new("a")
                    .class("cchc-button cchc-cta")
                    .attr("href", url)
                    .attr("target", "_blank")
                    .attr("rel", "noopener noreferrer")
                    .text(tr!(lang, "Nộp hồ sơ trực tuyến", "Apply online"))
                    .child(E::new("span").class("cchc-visually-hidden").text(
                        &crate::web::dom::cat(
                            " ",
                            tr!(lang, "(mở trang mới)", "(opens a new page)"),
                        ),
                    ));
            crate::web::dom::append(head, &a.0);
        }
    }

    /// Reads the details file of `p` (once per page), then shows its facts, link and details;
    /// meanwhile the facts the list has.
    fn load_details(
        &self,
        head: &Element,
        into: &Element,
        p: &Procedure,
        rel: String,
        only: Option<Part>,
    ) {
        let lang = self.ctx.lang;
        let (h, i, code) = (head.clone(), into.clone(), p.code.clone());
        let catalog = self.catalog();
        let later = self.with_details(
            &rel,
            p.code.clone(),
            Box::new(move |r| {
                if !i.is_connected() {
                    return;
                }
                clear(&i);
                match r {
                    Ok(d) => {
                        if let Some(p) = catalog.find_code(&code).and_then(|x| catalog.procedure(x))
                        {
                            View::show(&h, &i, p, d, lang, only);
                        }
                    }
                    Err(f) => detail_error(&i, f, lang),
                }
            }),
        );
        if later {
            View::show(head, into, p, None, lang, only);
            crate::web::dom::append(
                into,
                &E::new("p")
                    .class("cchc-loading")
                    .attr("role", "status")
                    .text(tr!(
                        lang,
                        "Đang tải chi tiết thủ tục…",
                        "Loading the details…",
                    ))
                    .0,
            );
        }
    }

    /// Calls `then` with the details of `code` from the details file at `rel` (relative to the
    /// list): at once when that file was fetched before, else once it arrives (`Err` when it
    /// cannot be read; never when the widget is gone). True when `then` runs later.
    fn with_details(&self, rel: &str, code: String, then: Box<DetailsThen>) -> bool {
        let url = absolute(rel, &self.data_url).unwrap_or_else(|| rel.to_string());
        let cached = (self.details.borrow().iter())
            .find(|(u, _)| *u == url)
            .map(|(_, map)| map.clone());
        if let Some(map) = cached {
            then(Ok(map.get(&code)));
            return false;
        }
        let mut waiting = self.waiting.borrow_mut();
        if let Some((_, list)) = waiting.iter_mut().find(|(u, _)| *u == url) {
            list.push((code, then));
            return true;
        }
        waiting.push((url.clone(), vec![(code, then)]));
        drop(waiting);
        let ctx = self.ctx.clone();
        let cache = self.details.clone();
        let waiting = self.waiting.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = load::fetch_text(&url, 30).await.and_then(|text| {
                Details::parse_file(&text).map_err(|error| LoadFailure::Data {
                    url: url.clone(),
                    error,
                })
            });
            let list = {
                let mut w = waiting.borrow_mut();
                match w.iter().position(|(u, _)| *u == url) {
                    Some(i) => w.swap_remove(i).1,
                    None => Vec::new(),
                }
            };
            if !ctx.alive() {
                return;
            }
            match result {
                Ok(map) => {
                    let map = Rc::new(map);
                    cache.borrow_mut().push((url, map.clone()));
                    for (code, then) in list {
                        then(Ok(map.get(&code)));
                    }
                }
                Err(f) => {
                    for (_, then) in list {
                        then(Err(&f));
                    }
                }
            }
        });
        true
    }

    fn after_open_change(&self, was_open: Option<String>) {
        let open = self.state.borrow().open.clone();
        if open.is_some() {
            if let Ok(Some(h)) = self.detail.query_selector("#cchc-detail-h") {
                if let Ok(h) = h.dyn_into::<HtmlElement>() {
                    let _ = h.focus();
                }
            }
            self.ctx.host.scroll_into_view();
        } else if let Some(code) = was_open {
            let sel = cat(&["[data-action=open][data-code=\"", &css_escape(&code), "\"]"]);
            self.refocus(&sel);
        }
    }

    fn refocus(&self, selector: &str) {
        if let Ok(Some(el)) = self.ctx.body.query_selector(selector) {
            if let Ok(h) = el.dyn_into::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    }

    /// Tells screen readers the result count once typing pauses (not on every keystroke).
    fn announce_later(self: &Rc<Self>) {
        let seq = self.announce_seq.get().wrapping_add(1);
        self.announce_seq.set(seq);
        let v = self.clone();
        later(700, move || {
            if v.ctx.alive() && v.announce_seq.get() == seq {
                v.announce_now();
            }
        });
    }

    fn announce_now(&self) {
        self.announce_seq
            .set(self.announce_seq.get().wrapping_add(1));
        let text = self.status.text_content().unwrap_or_default();
        self.live.set_text_content(Some(&text));
    }

    // ---- URL state ----

    /// Removes the loader's early search box and returns what was typed in it; keeps the focus
    /// and caret in the real box when the citizen was typing.
    fn take_over_early(&self, ctx: &Ctx) -> Option<String> {
        let early = ctx.take_early()?;
        let input: HtmlInputElement = early.query_selector("input").ok()??.dyn_into().ok()?;
        let focused = ctx
            .root
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(&input)));
        let caret = input.selection_start().ok().flatten();
        early.remove();
        if focused {
            let _ = self.input.focus();
        }
        let text = input.value();
        if focused {
            self.input.set_value(&text);
            // UTF-16 offsets, clamped by the browser: the end when unknown.
            let at = caret.unwrap_or(u32::MAX);
            let _ = self.input.set_selection_range(at, at);
        }
        Some(text)
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
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return s;
        };
        s.text = params.get(P_QUERY).unwrap_or_default();
        for v in params.get_all(P_FILTER).iter() {
            if let Some((k, val)) = v
                .as_string()
                .as_deref()
                .and_then(|v| crate::text::split_once_ascii(v, b':'))
            {
                if let Some(key) = FacetKey::from_key(k) {
                    s.filters.push(Filter {
                        key,
                        value: val.to_string(),
                    });
                }
            }
        }
        s.open = params.get(P_OPEN).filter(|c| !c.is_empty());
        s
    }

    /// The page's URL showing state `s`, with procedure `open` opened: the search's own
    /// parameters replaced, the host page's kept in their order.
    fn url_for(&self, s: &State, open: Option<&str>) -> String {
        let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
            return String::new();
        };
        let Ok(url) = web_sys::Url::new(&href) else {
            return href;
        };
        let params = url.search_params();
        params.delete(P_QUERY);
        params.delete(P_FILTER);
        params.delete(P_OPEN);
        if !s.text.is_empty() {
            params.set(P_QUERY, &s.text);
        }
        for f in &s.filters {
            params.append(P_FILTER, &cat(&[f.key.key(), ":", &f.value]));
        }
        if let Some(code) = open {
            params.set(P_OPEN, code);
        }
        url.set_search(&params.to_string().as_string().unwrap_or_default());
        url.href()
    }

    fn write_url(&self, push: bool) {
        self.url_seq.set(self.url_seq.get().wrapping_add(1));
        let s = self.state.borrow().clone();
        let url = self.url_for(&s, s.open.as_deref());
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let current = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        if url == current {
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
        later(400, move || {
            if v.ctx.alive() && v.url_seq.get() == seq {
                v.write_url(false);
            }
        });
    }
}

enum Nav {
    /// A new history entry (facets, opening a procedure).
    Push,
    /// Update the current entry.
    Replace,
    /// Update the current entry after a pause (typing).
    ReplaceLater,
    /// Not URL state.
    None,
}

/// A promise resolved in a task of its own (at once where there is no window).
fn next_task() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| match web_sys::window() {
        Some(w) => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
        None => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    })
}

/// Runs `f` after `ms` milliseconds.
fn later(ms: i32, f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let cb = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
    }
}

/// One `<dt>`/`<dd>` pair of the facts list; an empty value shows nothing.
#[inline(never)]
fn fact(dl: &Element, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    crate::web::dom::append(dl, &E::new("dt").text(key).0);
    crate::web::dom::append(dl, &E::new("dd").text(value).0);
}

fn meta_line(p: &Procedure, lang: Lang) -> String {
    let mut out = tr!(lang, "Mã {code}", "Code {code}", code = p.code);
    if let Some(f) = &p.field {
        out.push_str(" · ");
        out.push_str(f);
    }
    for (i, l) in p.levels.iter().enumerate() {
        out.push_str(if i == 0 { " · " } else { ", " });
        out.push_str(l);
    }
    out.push_str(" · ");
    out.push_str(p.online.label(lang));
    out
}

fn is_http(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://")
}

/// Escapes a value for a CSS attribute selector in double quotes.
fn css_escape(s: &str) -> String {
    // One loop, not two `str::replace` with a `char` pattern (core's char searcher).
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if c == '\\' || c == '"' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn render_details(into: &Element, d: &Details, lang: Lang, only: Option<Part>) {
    let sections: [(&str, &[String], bool, Option<Part>); 5] = [
        (
            tr!(lang, "Thành phần hồ sơ", "Documents to submit"),
            &d.documents,
            false,
            Some(Part::Documents),
        ),
        (
            tr!(lang, "Trình tự thực hiện", "Steps"),
            &d.steps,
            true,
            Some(Part::Steps),
        ),
        (
            tr!(lang, "Cách thức thực hiện", "How to submit"),
            &d.channels,
            false,
            Some(Part::Place),
        ),
        (
            tr!(lang, "Yêu cầu, điều kiện", "Requirements"),
            &d.conditions,
            false,
            Some(Part::Conditions),
        ),
        (
            tr!(lang, "Căn cứ pháp lý", "Legal basis"),
            &d.legal_basis,
            false,
            None,
        ),
    ];
    for (title, items, ordered, part) in sections {
        if items.is_empty() || only.is_some_and(|o| part != Some(o)) {
            continue;
        }
        crate::web::dom::append(into, &E::new("h3").text(title).0);
        let list = E::new(if ordered { "ol" } else { "ul" });
        for item in items {
            crate::web::dom::append(&list.0, &E::new("li").text(item).0);
        }
        crate::web::dom::append(into, &list.0);
    }
    if only.is_some() {
        return;
    }
    if let Some(r) = &d.result {
        crate::web::dom::append(into, &E::new("h3").text(tr!(lang, "Kết quả", "Result")).0);
        crate::web::dom::append(into, &E::new("p").text(r).0);
    }
    if let Some(a) = &d.audience {
        crate::web::dom::append(
            into,
            &E::new("h3")
                .text(tr!(lang, "Đối tượng thực hiện", "Who can apply"))
                .0,
        );
        crate::web::dom::append(into, &E::new("p").text(a).0);
    }
}

fn detail_error(into: &Element, f: &LoadFailure, lang: Lang) {
    let panel = E::new("div")
        .class("cchc-error")
        .attr("role", "alert")
        .child(E::new("p").text(tr!(
            lang,
            "Chưa tải được chi tiết thủ tục.",
            "The details could not be loaded."
        )))
        .child(E::new("p").text(f.citizen_message(lang)))
        .child(
            E::new("p")
                .class("cchc-detail")
                .text(&f.webmaster_detail(lang)),
        );
    if f.retryable() {
        let b = E::new("button")
            .attr("type", "button")
            .class("cchc-button")
            .attr("data-action", "retry-detail")
            .text(tr!(lang, "Thử lại", "Try again"));
        crate::web::dom::append(&panel.0, &b.0);
    }
    crate::web::dom::append(into, &panel.0);
}

/// " (1.234)": the count after a facet value.
#[inline(never)]
fn paren_count(n: usize, lang: Lang) -> String {
    let mut out = String::from(" (");
    out.push_str(&format_count(n, lang));
    out.push(')');
    out
}

/// [`View::url_for`] with a procedure to open, before the procedure: `head`, `sep`, the code as
/// `URLSearchParams` appends it, then `tail` (the fragment). What it gives for a code equals
/// `url_for(s, Some(code))`: the search's parameters are deleted and set again at the end, so
/// the opened code is always the last parameter.
struct OpenBase {
    head: String,
    sep: char,
    tail: String,
}

impl OpenBase {
    fn href(&self, code: &str) -> String {
        let mut out = String::with_capacity(self.head.len() + self.tail.len() + code.len() + 10);
        out.push_str(&self.head);
        out.push(self.sep);
        out.push_str(P_OPEN);
        out.push('=');
        crate::text::push_form_encoded(&mut out, code);
        out.push_str(&self.tail);
        out
    }
}

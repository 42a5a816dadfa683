//! The feedback form widget (`<cchc-feedback-form schema="phan-anh.json">`): the agency's
//! schema rendered as a GOV.UK-style form, checked by the core, kept as a draft, submitted.
//!
//! Why it exists: a citizen who spent twenty minutes writing a phản ánh on a phone must not lose
//! it to a typo in a phone number, a reload, a dropped 3G connection or a server error. So:
//! * one validator — the core's `validate_form` / `validate_field`, the same code the agency's
//!   server runs through `cchc validate-form` — on submit, then on leaving each field;
//! * GOV.UK's error pattern: a focused error summary linking to each field, the message beside
//!   the field, the input kept exactly as typed;
//! * the draft saved in `localStorage` as the citizen types, restored after a reload, cleared
//!   only once the server (or the host page) confirms the submission;
//! * a POST with a time limit and a clear outcome, or a `cchc-submit` event for the host page.
//!
//! Attributes: `schema` (URL of `phan-anh.json`; absent → the built-in Nghị định 20/2008 form),
//! `dvhc` (folder of the address data; default `dvhc/` beside the schema, or `data/dvhc/`
//! relative to the page without a schema). Parts: `field`, `error-summary`, `submit`.
//!
//! Files: [`ui`] builds fields, [`values`] reads/writes them, [`address`] loads communes,
//! [`draft`] is the storage, [`submit`] sends, [`post`] is the HTTP POST, [`timer`] debounces,
//! [`strings`] holds the widget's sentences.

mod address;
mod draft;
mod post;
mod strings;
mod submit;
mod timer;
mod ui;
mod values;

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlButtonElement, HtmlInputElement};

use crate::contract::{DataError, LoadFailure};
use crate::feedback::dvhc::AddressBook;
use crate::feedback::schema::{FieldType, Schema};
use crate::feedback::{validate_field, FieldError, FormContext};
use crate::i18n::Lang;
use crate::web::dom::{cat, clear, document, E};
use crate::web::{load, Ctx, Failure};
use draft::Draft;
use strings::{count_message, T};
use timer::Debounce;
use ui::{AddressUi, Control, FieldUi};
use values::Purpose;

/// Pause after typing before the draft is saved (ms).
const SAVE_PAUSE_MS: f64 = 700.0;
/// Pause after typing before the character count is updated and announced (ms).
const COUNT_PAUSE_MS: f64 = 500.0;

/// `confirm` / `fail` handed to the host page in a `cchc-submit` event.
type HostCallback = wasm_bindgen::closure::Closure<dyn FnMut(JsValue)>;

/// The live form.
pub(crate) struct Form {
    pub ctx: Rc<Ctx>,
    pub lang: Lang,
    pub schema: Schema,
    /// Absolute URL relative references of the schema (endpoint) resolve against.
    pub base_url: String,
    /// Absolute folder URL of the address data, ending in `/`.
    pub dvhc_url: String,
    pub book: RefCell<AddressBook>,
    pub fields: Vec<FieldUi>,
    pub honeypot: Option<HtmlInputElement>,
    pub form_el: Element,
    pub summary: Element,
    pub summary_list: Element,
    /// Where the failure panel goes.
    pub outcome: Element,
    /// Draft notices (restored, cannot be saved).
    pub notices: Element,
    /// The hotlines under the intro (hidden on success: the confirmation carries them).
    pub help: Element,
    pub submit: HtmlButtonElement,
    /// "Sending…" live line beside the button.
    pub sending: Element,
    /// The citizen has submitted once: fields are re-checked when left.
    pub submitted: Cell<bool>,
    /// A submission is in flight: further submits are ignored.
    pub in_flight: Cell<bool>,
    pub draft: Draft,
    draft_warned: Cell<bool>,
    saver: OnceCell<Rc<Debounce>>,
    /// Callbacks handed to the host page in `cchc-submit` events (dropped with the form).
    pub host_callbacks: RefCell<Vec<HostCallback>>,
}

/// The built-in form's schema in `pkg/` (`cchc validate-form --print-default-schema --vi-only`).
const DEFAULT_FORM: &str = "phan-anh-mac-dinh.json";

/// Entry point from `views::run`.
pub(crate) async fn run(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    let page = document()?.base_uri()?.unwrap_or_default();
    let schema_attr = ctx.attr("schema");
    let (schema, base_url) = match &schema_attr {
        Some(url) => {
            let text = ctx.fetch_attr("schema").await?;
            let schema =
                Schema::from_json(&text).map_err(|errs| schema_failure(url, &errs, ctx.lang))?;
            (schema, absolute(url, &page))
        }
        None => {
            // The built-in Nghị định 20/2008 form is data beside the bundle (the loader asked for
            // it with the code, checked against its hash), not code in every form's wasm.
            let url = crate::web::pkg_url(DEFAULT_FORM);
            let text = ctx.fetch(&url, ctx.timeout()).await?;
            let schema = Schema::from_json_builtin(&text)
                .map_err(|errs| schema_failure(&url, &errs, ctx.lang))?;
            (schema, page.clone())
        }
    };
    let dvhc_url = match ctx.attr("dvhc") {
        Some(d) => folder(&absolute(&d, &page)),
        None if schema_attr.is_some() => absolute("dvhc/", &base_url),
        None => absolute("data/dvhc/", &page),
    };
    let has_address = schema.fields.iter().any(|f| f.kind == FieldType::Address);
    let draft_id = schema_attr
        .map(|_| base_url.clone())
        .unwrap_or_else(|| "default".into());
    // The fields are shown at once; the province list fills when it arrives (the loader asked
    // for it together with the schema), then the draft is restored and the form is ready.
    let form = build(
        ctx,
        schema,
        base_url,
        dvhc_url.clone(),
        AddressBook::default(),
        Draft::open(&draft_id),
    );
    form.wire();
    if has_address {
        form.provinces_loading(true);
        let url = cat(&dvhc_url, "tinh.json");
        let text = ctx.fetch(&url, load::DEFAULT_TIMEOUT_S).await?;
        let book = AddressBook::from_provinces_json(&text).map_err(|e| {
            Failure::Load(LoadFailure::Data {
                url: url.clone(),
                error: DataError::invalid("$", e.message()),
            })
        })?;
        if !ctx.alive() {
            return Ok(());
        }
        *form.book.borrow_mut() = book;
        form.provinces_loading(false);
    }
    form.restore_draft();
    ctx.ready();
    Ok(())
}

fn schema_failure(url: &str, errs: &[crate::feedback::SchemaError], lang: Lang) -> Failure {
    let detail: Vec<String> = errs.iter().take(5).map(|e| e.message(lang)).collect();
    let path = errs.first().map(|e| e.path.clone()).unwrap_or_default();
    Failure::Load(LoadFailure::Data {
        url: url.to_string(),
        error: DataError::invalid(path, crate::text::join(&detail, "; ")),
    })
}

/// `rel` resolved against `base` (unchanged when it cannot be parsed).
fn absolute(rel: &str, base: &str) -> String {
    web_sys::Url::new_with_base(rel, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| rel.to_string())
}

fn folder(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        cat(url, "/")
    }
}

fn build(
    ctx: &Rc<Ctx>,
    schema: Schema,
    base_url: String,
    dvhc_url: String,
    book: AddressBook,
    draft: Draft,
) -> Rc<Form> {
    let lang = ctx.lang;
    clear(&ctx.body);
    let wrap = E::new("div").class("cchc-ff").el();
    crate::web::dom::append(&wrap, &E::new("h2").text(schema.title.get(lang)).el());
    if let Some(intro) = &schema.intro {
        crate::web::dom::append(
            &wrap,
            &E::new("p").class("cchc-intro").text(intro.get(lang)).el(),
        );
    }
    // Whom to call, before the citizen starts (src/web/contacts.rs): in a place of its own, as
    // the hotlines may arrive after the fields are drawn.
    let help = E::new("div").el();
    crate::web::dom::append(&wrap, &help);
    crate::web::contacts::fill(ctx, &help);
    let notices = E::new("div")
        .class("cchc-notices")
        .attr("role", "status")
        .el();
    let outcome = E::new("div").class("cchc-outcome").el();
    let summary_list = E::new("ul").class("cchc-summary-list").el();
    let summary = E::new("div")
        .class("cchc-error-summary")
        .part("error-summary")
        .attr("tabindex", "-1")
        .attr("hidden", "")
        .attr("aria-labelledby", "cchc-summary-title")
        .child(
            E::new("div")
                .attr("role", "alert")
                .child(
                    E::new("h3")
                        .class("cchc-summary-title")
                        .attr("id", "cchc-summary-title")
                        .text(T::SummaryTitle.get(lang)),
                )
                .child(&summary_list),
        )
        .el();
    let form_el = E::new("form")
        .attr("novalidate", "")
        .class("cchc-form")
        .el();
    let fields = ui::build_fields(&schema, &form_el, lang);
    let honeypot = match &schema.honeypot {
        Some(name) => {
            let (wrap_hp, input) = ui::honeypot(name);
            crate::web::dom::append(&form_el, &wrap_hp);
            Some(input)
        }
        None => None,
    };
    let submit = E::new("button")
        .attr("type", "submit")
        .class("cchc-button cchc-submit")
        .part("submit")
        .text(T::Submit.get(lang))
        .el()
        .unchecked_into::<HtmlButtonElement>();
    let sending = E::new("p")
        .class("cchc-sending")
        .attr("role", "status")
        .el();
    crate::web::dom::append(
        &form_el,
        &E::new("div")
            .class("cchc-actions")
            .child(&submit)
            .child(&sending)
            .el(),
    );
    for el in [&notices, &outcome, &summary, &form_el] {
        crate::web::dom::append(&wrap, el);
    }
    crate::web::dom::append(&ctx.body, &wrap);
    let form = Rc::new(Form {
        ctx: ctx.clone(),
        lang,
        schema,
        base_url,
        dvhc_url,
        book: RefCell::new(book),
        fields,
        honeypot,
        form_el,
        summary,
        summary_list,
        outcome,
        notices,
        help,
        submit,
        sending,
        submitted: Cell::new(false),
        in_flight: Cell::new(false),
        draft,
        draft_warned: Cell::new(false),
        saver: OnceCell::new(),
        host_callbacks: RefCell::new(Vec::new()),
    });
    if !form.draft.available() {
        form.notice(T::DraftUnavailable.get(lang), false);
        form.draft_warned.set(true);
    }
    form
}

impl Form {
    /// The validation context: today, the language, the address book.
    pub(crate) fn with_context<T>(&self, f: impl FnOnce(&FormContext) -> T) -> T {
        let book = self.book.borrow();
        let ctx = FormContext {
            today: crate::web::today(),
            lang: self.lang,
            address: Some(&book),
        };
        f(&ctx)
    }

    pub(crate) fn address_ui(&self, index: usize) -> Option<&AddressUi> {
        match self.fields.get(index).map(|f| &f.control) {
            Some(Control::Address(a)) => Some(a),
            _ => None,
        }
    }

    /// Adds a line to the notices area (with an optional "clear the draft" button).
    fn notice(self: &Rc<Self>, text: &str, clear_button: bool) {
        let p = E::new("div")
            .class("cchc-notice-box")
            .child(E::new("p").text(text));
        if clear_button {
            let b = E::new("button")
                .attr("type", "button")
                .class("cchc-button secondary")
                .text(T::DraftClear.get(self.lang))
                .el();
            let me = self.clone();
            self.ctx.on(&b, "click", move |_| me.clear_draft());
            crate::web::dom::append(&p.0, &b);
            if self.has_files() {
                crate::web::dom::append(
                    &p.0,
                    &E::new("p")
                        .class("cchc-muted")
                        .text(T::DraftNoFiles.get(self.lang))
                        .el(),
                );
            }
        }
        crate::web::dom::append(&self.notices, &p.0);
    }

    fn has_files(&self) -> bool {
        self.fields.iter().any(|f| f.kind == FieldType::File)
    }

    /// Wires every listener (through `ctx.on`, removed on destroy).
    fn wire(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let alive = {
            let ctx = Rc::downgrade(&self.ctx);
            move || ctx.upgrade().is_some_and(|c| c.alive())
        };
        let saver = Debounce::new(
            SAVE_PAUSE_MS,
            move || {
                if let Some(f) = weak.upgrade() {
                    f.save_draft();
                }
            },
            alive.clone(),
        );
        let _ = self.saver.set(saver.clone());
        let me = self.clone();
        self.ctx.on(&self.form_el, "input", move |_| me.touched());
        let me = self.clone();
        self.ctx.on(&self.form_el, "change", move |_| me.touched());
        let me = self.clone();
        self.ctx.on(&self.form_el, "submit", move |ev| {
            ev.prevent_default();
            submit::on_submit(&me);
        });
        // Save at once when the page is being left (tab closed, app switched on a phone).
        if let Some(w) = web_sys::window() {
            let s = saver.clone();
            self.ctx.on(&w, "pagehide", move |_| s.flush());
        }
        let me = self.clone();
        self.ctx
            .on(&self.summary, "click", move |ev| me.summary_click(&ev));
        for (i, f) in self.fields.iter().enumerate() {
            self.wire_field(i, f, alive.clone());
        }
    }

    fn wire_field(
        self: &Rc<Self>,
        i: usize,
        f: &FieldUi,
        alive: impl Fn() -> bool + Clone + 'static,
    ) {
        let me = self.clone();
        let wrapper = f.wrapper.clone();
        self.ctx.on(&f.wrapper, "focusout", move |ev| {
            let next = js_sys::Reflect::get(&ev, &"relatedTarget".into())
                .ok()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if next.is_some_and(|n| wrapper.contains(Some(&n))) {
                return; // still inside the field (e.g. province → commune)
            }
            me.field_left(i);
        });
        match &f.control {
            Control::Area { el, count, max } => {
                let (el2, count2, max, lang) = (el.clone(), count.clone(), *max, self.lang);
                let counter = Debounce::new(
                    COUNT_PAUSE_MS,
                    move || update_count(&el2, &count2, max, lang),
                    alive,
                );
                self.ctx.on(el, "input", move |_| counter.poke());
            }
            Control::Address(a) => {
                let me = self.clone();
                self.ctx.on(&a.tinh, "change", move |_| {
                    address::province_changed(&me, i, None)
                });
                let me = self.clone();
                self.ctx.on(&a.retry, "click", move |_| {
                    address::province_changed(&me, i, None);
                    if let Some(a) = me.address_ui(i) {
                        let _ = a.tinh.focus();
                    }
                });
            }
            Control::File(input) => {
                let me = self.clone();
                self.ctx.on(input, "change", move |_| me.check_now(i));
            }
            _ => {}
        }
    }

    /// Any input: schedule a draft save.
    fn touched(&self) {
        if let Some(s) = self.saver.get() {
            s.poke();
        }
    }

    /// Saves the draft now (a refusal is reported once, in the notices).
    pub(crate) fn save_draft(self: &Rc<Self>) {
        let values = values::read(&self.fields, Purpose::Draft);
        if !self.draft.save(&values) && !self.draft_warned.replace(true) {
            self.notice(T::DraftUnavailable.get(self.lang), false);
        }
    }

    /// While the province list loads its selects are disabled; then they are filled.
    fn provinces_loading(&self, loading: bool) {
        for f in &self.fields {
            if let Control::Address(a) = &f.control {
                a.tinh.set_disabled(loading);
                if !loading {
                    address::fill_provinces(self, a);
                }
            }
        }
    }

    /// Restores a saved draft, with a visible notice and a way to clear it.
    fn restore_draft(self: &Rc<Self>) {
        let Some(saved) = self.draft.load() else {
            return;
        };
        for (i, f) in self.fields.iter().enumerate() {
            let Some(v) = saved.get(&f.name) else {
                continue;
            };
            if let Some((_, xa)) = values::write(f, v) {
                address::province_changed(self, i, Some(xa));
            }
            if let Control::Area { el, count, max } = &f.control {
                update_count(el, count, *max, self.lang);
            }
        }
        self.notice(T::DraftRestored.get(self.lang), true);
    }

    fn clear_draft(self: &Rc<Self>) {
        self.draft.clear();
        for (i, f) in self.fields.iter().enumerate() {
            values::reset(f);
            f.set_error(None);
            f.set_notice(self.lang, &[]);
            if matches!(f.control, Control::Address(_)) {
                address::province_changed(self, i, None);
            }
            if let Control::Area { el, .. } = &f.control {
                el.set_value("");
            }
        }
        self.submitted.set(false);
        self.show_summary(&[], false);
        clear(&self.notices);
        let p = E::new("p").text(T::DraftCleared.get(self.lang));
        let _ = self.notices.append_child(&p.el());
        if let Some(first) = self.fields.first().and_then(|f| f.focus_target("")) {
            let _ = first.focus();
        }
    }

    /// A field was left: after the first submit, re-check it and the fields showing errors.
    fn field_left(&self, index: usize) {
        if !self.submitted.get() || self.in_flight.get() {
            return;
        }
        self.recheck(|i, f| i == index || f.has_error());
    }

    /// A file was chosen: check it at once (type and size), whether submitted or not.
    fn check_now(&self, index: usize) {
        self.recheck(|i, _| i == index);
    }

    fn recheck(&self, pick: impl Fn(usize, &FieldUi) -> bool) {
        let data = values::read(&self.fields, Purpose::Validate);
        for (i, f) in self.fields.iter().enumerate() {
            if !pick(i, f) {
                continue;
            }
            let r = self.with_context(|c| validate_field(&self.schema, &f.name, &data, c));
            if let Some(r) = r {
                f.set_error(
                    r.error
                        .as_ref()
                        .map(|e| (e.code.as_str(), e.message.as_str())),
                );
                f.set_notice(self.lang, &messages_for(&r.warnings, &f.name));
            }
        }
        if self.submitted.get() {
            self.refresh_summary();
        }
    }

    /// Brings the summary in line with the errors shown beside fields, without moving focus.
    /// Links are updated in place: a link the citizen is clicking must not be replaced under
    /// the pointer (leaving a field re-checks it on the same mouse-down).
    fn refresh_summary(&self) {
        let mut shown: Vec<FieldError> = Vec::new();
        for f in self.fields.iter().filter(|f| f.has_error()) {
            shown.push(FieldError {
                field: f.name.clone(),
                code: f.error_code(),
                message: f.error_text.text_content().unwrap_or_default(),
            });
        }
        let mut links: Vec<Element> = Vec::new();
        let mut listed: Vec<String> = Vec::new();
        if let Ok(l) = self.summary_list.query_selector_all("a[data-field]") {
            for i in 0..l.length() {
                if let Some(a) = l.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    listed.extend(a.get_attribute("data-field"));
                    links.push(a);
                }
            }
        }
        if shown.iter().any(|e| !listed.contains(&e.field)) {
            self.show_summary(&shown, false);
            return;
        }
        for a in &links {
            let field = a.get_attribute("data-field").unwrap_or_default();
            match shown.iter().find(|e| e.field == field) {
                Some(e) => {
                    if a.text_content().as_deref() != Some(e.message.as_str()) {
                        a.set_text_content(Some(&e.message));
                    }
                    let _ = a.set_attribute("data-code", &e.code);
                }
                None => {
                    if let Some(li) = a.parent_element() {
                        li.remove();
                    }
                }
            }
        }
        if shown.is_empty() {
            let _ = self.summary.set_attribute("hidden", "");
        }
    }

    /// Shows `errors` beside their fields (clearing the others) and in the summary.
    pub(crate) fn show_errors(&self, errors: &[FieldError], focus: bool) {
        for f in &self.fields {
            let e = errors.iter().find(|e| e.field == f.name);
            f.set_error(e.map(|e| (e.code.as_str(), e.message.as_str())));
        }
        self.show_summary(errors, focus);
    }

    /// Fills the error summary (hidden when empty) and optionally focuses it.
    fn show_summary(&self, errors: &[FieldError], focus: bool) {
        clear(&self.summary_list);
        if errors.is_empty() {
            let _ = self.summary.set_attribute("hidden", "");
            return;
        }
        for e in errors {
            let link = E::new("a")
                .attr("href", &cat("#", &ui::control_id(&e.field)))
                .attr("data-field", &e.field)
                .attr("data-code", &e.code)
                .text(&e.message);
            let _ = self.summary_list.append_child(&E::new("li").child(link).0);
        }
        let _ = self.summary.remove_attribute("hidden");
        if focus {
            if let Ok(s) = E(self.summary.clone()).html() {
                let _ = s.focus();
                s.scroll_into_view();
            }
        }
    }

    /// A summary link: focus the field and bring its label into view (hash links do not work
    /// across the shadow boundary).
    fn summary_click(&self, ev: &web_sys::Event) {
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[data-field]").ok().flatten())
        else {
            return;
        };
        ev.prevent_default();
        let name = link.get_attribute("data-field").unwrap_or_default();
        let code = link.get_attribute("data-code").unwrap_or_default();
        let Some(f) = self.fields.iter().find(|f| f.name == name) else {
            return;
        };
        if let Some(target) = f.focus_target(&code) {
            let _ = target.focus();
            f.wrapper.scroll_into_view();
        }
    }

    /// Puts the failure panel or clears it.
    pub(crate) fn set_outcome(&self, panel: Option<&Element>) {
        clear(&self.outcome);
        if let Some(p) = panel {
            let _ = self.outcome.append_child(p);
        }
    }
}

/// Updates the character count of a text area (characters of the NFC text, as the core counts).
fn update_count(el: &web_sys::HtmlTextAreaElement, count: &Element, max: usize, lang: Lang) {
    let n = crate::text::char_count(&crate::text::nfc(&el.value()));
    count.set_text_content(Some(&count_message(n, max, lang)));
    let _ = count
        .class_list()
        .toggle_with_force("cchc-count--over", n > max);
}

/// The messages of the `warnings` that belong to `field`, for its notice line.
pub(crate) fn messages_for(warnings: &[FieldError], field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in warnings {
        if w.field == field {
            out.push(w.message.clone());
        }
    }
    out
}

/// Reads all values for validation (honeypot included).
pub(crate) fn submission_values(form: &Form) -> crate::json::Value {
    let mut data = values::read(&form.fields, Purpose::Validate);
    if let (Some(name), Some(hp), crate::json::Value::Obj(members)) =
        (&form.schema.honeypot, &form.honeypot, &mut data)
    {
        members.push((name.clone(), crate::json::Value::Str(hp.value())));
    }
    data
}

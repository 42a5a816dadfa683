//! The DOM of each field, GOV.UK style: label, hint, error message and control in one tree.
//!
//! Every field is a wrapper (`part="field"`) holding, in reading order: the label (or a
//! fieldset legend for radios and the address), the hint, the error message (hidden until
//! there is one; a visually hidden "Lỗi:" prefix), the control, a notice line for non-blocking
//! warnings, and for text areas the character count. The control (or the fieldset) points at
//! hint, error and count through `aria-describedby`, so a screen reader reads them together.
//! No HTML5 `required`/`maxlength`/`pattern` attributes: the browser's bubbles are replaced by
//! the core's messages, and a length limit never blocks typing or pasting.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::strings::{limit_message, T};
use crate::feedback::schema::{Field, FieldType, Schema};
use crate::i18n::Lang;
use crate::web::dom::{cat, E};

/// The province → commune → street detail trio of an address field.
pub(crate) struct AddressUi {
    pub tinh: HtmlSelectElement,
    pub xa: HtmlSelectElement,
    pub detail: HtmlInputElement,
    /// Loading / failure line of the commune list (live region).
    pub status: Element,
    /// Retry button for the commune list (hidden unless the load failed).
    pub retry: Element,
}

/// The control(s) of one field.
pub(crate) enum Control {
    /// Single-line text of any kind (text, name, phone, email, cccd, date).
    Input(HtmlInputElement),
    /// Multi-line text with its character count.
    Area {
        el: HtmlTextAreaElement,
        count: Element,
        max: usize,
    },
    /// Drop-down.
    Select(HtmlSelectElement),
    /// Radio buttons, in option order.
    Radios(Vec<HtmlInputElement>),
    /// One checkbox.
    Check(HtmlInputElement),
    /// Address.
    Address(AddressUi),
    /// File picker.
    File(HtmlInputElement),
}

/// One rendered field.
pub(crate) struct FieldUi {
    pub name: String,
    pub kind: FieldType,
    pub wrapper: Element,
    /// `<p>` holding the error (hidden when none).
    pub error: Element,
    /// The message text inside `error` (after the hidden prefix).
    pub error_text: Element,
    /// Non-blocking notices (hidden when none).
    pub notice: Element,
    pub control: Control,
    /// The element that carries `aria-describedby` (input, select, textarea or fieldset).
    pub described: Element,
    /// Its `aria-describedby` without the error id.
    pub describedby: String,
}

impl FieldUi {
    /// The element the error summary link focuses for an error `code`.
    pub(crate) fn focus_target(&self, code: &str) -> Option<web_sys::HtmlElement> {
        let el: Element = match &self.control {
            Control::Input(i) | Control::Check(i) | Control::File(i) => i.clone().into(),
            Control::Area { el, .. } => el.clone().into(),
            Control::Select(s) => s.clone().into(),
            Control::Radios(list) => list
                .iter()
                .find(|r| r.checked())
                .or_else(|| list.first())?
                .clone()
                .into(),
            Control::Address(a) => match code {
                "address_commune" => a.xa.clone().into(),
                "address_province" => a.tinh.clone().into(),
                _ => a.detail.clone().into(),
            },
        };
        el.dyn_into().ok()
    }

    /// The controls that get `aria-invalid` for an error `code`.
    fn invalid_controls(&self, code: Option<&str>) -> Vec<Element> {
        match &self.control {
            Control::Input(i) | Control::Check(i) | Control::File(i) => vec![i.clone().into()],
            Control::Area { el, .. } => vec![el.clone().into()],
            Control::Select(s) => vec![s.clone().into()],
            Control::Radios(_) => Vec::new(),
            Control::Address(a) => {
                let all: [Element; 3] = [
                    a.tinh.clone().into(),
                    a.xa.clone().into(),
                    a.detail.clone().into(),
                ];
                match code {
                    None => all.to_vec(),
                    Some("address_province") => vec![a.tinh.clone().into()],
                    Some("address_commune") => vec![a.xa.clone().into()],
                    Some(_) => vec![a.detail.clone().into()],
                }
            }
        }
    }

    /// Shows (or with `None` removes) the error message beside the field.
    pub(crate) fn set_error(&self, error: Option<(&str, &str)>) {
        for el in self.invalid_controls(None) {
            let _ = el.remove_attribute("aria-invalid");
            let _ = el.class_list().remove_1("cchc-invalid");
        }
        let describedby = match error {
            Some((code, message)) => {
                let _ = self.wrapper.set_attribute("data-error", code);
                self.error_text.set_text_content(Some(message));
                let _ = self.error.remove_attribute("hidden");
                let _ = self.wrapper.class_list().add_1("cchc-field--error");
                for el in self.invalid_controls(Some(code)) {
                    let _ = el.set_attribute("aria-invalid", "true");
                    let _ = el.class_list().add_1("cchc-invalid");
                }
                join_ids(&self.describedby, &self.error.id())
            }
            None => {
                let _ = self.wrapper.remove_attribute("data-error");
                self.error_text.set_text_content(None);
                let _ = self.error.set_attribute("hidden", "");
                let _ = self.wrapper.class_list().remove_1("cchc-field--error");
                self.describedby.clone()
            }
        };
        set_describedby(&self.described, &describedby);
    }

    /// Shows non-blocking notices (empty: hides the line).
    pub(crate) fn set_notice(&self, lang: Lang, messages: &[String]) {
        if messages.is_empty() {
            self.notice.set_text_content(None);
            let _ = self.notice.set_attribute("hidden", "");
            return;
        }
        let mut text = T::NoticePrefix.get(lang).to_string();
        for m in messages {
            text.push(' ');
            text.push_str(m);
        }
        self.notice.set_text_content(Some(&text));
        let _ = self.notice.remove_attribute("hidden");
    }

    /// The code of the error shown (empty when none).
    pub(crate) fn error_code(&self) -> String {
        self.wrapper.get_attribute("data-error").unwrap_or_default()
    }

    /// Whether an error is currently shown.
    pub(crate) fn has_error(&self) -> bool {
        !self.error.has_attribute("hidden")
    }
}

/// `"a b"`, leaving out empty ids (plain pushes: smaller wasm than collect + join).
fn join_ids(a: &str, b: &str) -> String {
    let mut s = a.to_string();
    if !b.is_empty() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(b);
    }
    s
}

fn set_describedby(el: &Element, ids: &str) {
    if ids.is_empty() {
        let _ = el.remove_attribute("aria-describedby");
    } else {
        let _ = el.set_attribute("aria-describedby", ids);
    }
}

/// Element id of a field's main control.
pub(crate) fn control_id(name: &str) -> String {
    let mut id = String::with_capacity(2 + name.len());
    id.push_str("f-");
    id.push_str(name);
    id
}

/// An `<option value=…>text</option>`. One shared body (not inlined) for the selects' nine
/// option builders: each inlined copy costs wasm bytes every citizen downloads.
#[inline(never)]
pub(crate) fn option(value: &str, text: &str) -> Element {
    E::new("option").attr("value", value).text(text).el()
}

/// Whether a field is shown as optional: never required, under no condition.
fn is_optional(f: &Field) -> bool {
    !f.required && f.required_if.is_empty() && f.required_unless.is_empty()
}

/// Input attributes by type: (`type`, `inputmode`, default `autocomplete`, spellcheck).
fn input_traits(
    kind: FieldType,
) -> (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    bool,
) {
    match kind {
        FieldType::Name => ("text", None, Some("name"), false),
        FieldType::Mobile | FieldType::Phone => ("tel", Some("tel"), Some("tel"), false),
        // type=email would trim the value behind our back and show a browser bubble.
        FieldType::Email => ("text", Some("email"), Some("email"), false),
        FieldType::Cccd => ("text", Some("numeric"), Some("off"), false),
        FieldType::Date => ("text", Some("numeric"), None, false),
        _ => ("text", None, None, true),
    }
}

/// Builds the label (with the optional marker) for a field.
fn label_el(tag: &str, f: &Field, lang: Lang) -> E {
    let mut el = E::new(tag)
        .class("cchc-label")
        .append_text(f.label.get(lang));
    if is_optional(f) {
        el = el.append_text(" ").child(
            E::new("span")
                .class("cchc-optional")
                .text(T::Optional.get(lang)),
        );
    }
    el
}

/// Hint, error and notice elements of a field, with their ids.
struct Parts {
    hint: Option<Element>,
    error: Element,
    error_text: Element,
    notice: Element,
}

fn parts(f: &Field, lang: Lang) -> Parts {
    let id = control_id(&f.name);
    let hint = f.hint.as_ref().map(|h| {
        E::new("div")
            .class("cchc-hint")
            .attr("id", &cat(&id, "-hint"))
            .text(h.get(lang))
            .el()
    });
    let error_text = E::new("span").el();
    let error = E::new("p")
        .class("cchc-error-message")
        .attr("id", &cat(&id, "-error"))
        .attr("hidden", "")
        .child(
            E::new("span")
                .class("cchc-visually-hidden")
                .text(T::ErrorPrefix.get(lang)),
        )
        .append_text(" ")
        .child(&error_text)
        .el();
    let notice = E::new("p")
        .class("cchc-notice")
        .attr("id", &cat(&id, "-notice"))
        .attr("hidden", "")
        .el();
    Parts {
        hint,
        error,
        error_text,
        notice,
    }
}

/// Builds every field of `schema`, appending them to `form`.
pub(crate) fn build_fields(schema: &Schema, form: &Element, lang: Lang) -> Vec<FieldUi> {
    let mut out = Vec::with_capacity(schema.fields.len());
    for f in &schema.fields {
        let ui = build_field(f, lang);
        crate::web::dom::append(form, &ui.wrapper);
        out.push(ui);
    }
    out
}

fn build_field(f: &Field, lang: Lang) -> FieldUi {
    let p = parts(f, lang);
    let id = control_id(&f.name);
    let hint_id = p.hint.as_ref().map(|h| h.id()).unwrap_or_default();
    let wrapper = E::new("div")
        .class("cchc-field")
        .part("field")
        .attr("data-field", &f.name)
        .el();
    let (control, described, describedby) = match f.kind {
        FieldType::Radio => {
            let (fieldset, radios) = radios(f, lang, &p);
            crate::web::dom::append(&wrapper, &fieldset);
            (Control::Radios(radios), fieldset, hint_id)
        }
        FieldType::Address => {
            let (fieldset, address) = address(f, lang, &p);
            crate::web::dom::append(&wrapper, &fieldset);
            (Control::Address(address), fieldset, hint_id)
        }
        FieldType::Checkbox => {
            append_parts(&wrapper, &p);
            let input = E::new("input")
                .attr("type", "checkbox")
                .attr("id", &id)
                .attr("name", &f.name)
                .el()
                .unchecked_into::<HtmlInputElement>();
            let row = E::new("div")
                .class("cchc-check")
                .child(&input)
                .child(label_el("label", f, lang).attr("for", &id));
            crate::web::dom::append(&wrapper, &row.0);
            crate::web::dom::append(&wrapper, &p.notice);
            (Control::Check(input.clone()), input.into(), hint_id)
        }
        _ => {
            crate::web::dom::append(&wrapper, &label_el("label", f, lang).attr("for", &id).el());
            append_parts(&wrapper, &p);
            let (control, el, extra) = simple_control(f, lang);
            crate::web::dom::append(&wrapper, &el);
            crate::web::dom::append(&wrapper, &p.notice);
            let ids = join_ids(
                &hint_id,
                &extra.as_ref().map(|e| e.id()).unwrap_or_default(),
            );
            if let Some(e) = extra {
                crate::web::dom::append(&wrapper, &e);
            }
            (control, el, ids)
        }
    };
    set_describedby(&described, &describedby);
    FieldUi {
        name: f.name.clone(),
        kind: f.kind,
        wrapper,
        error: p.error,
        error_text: p.error_text,
        notice: p.notice,
        control,
        described,
        describedby,
    }
}

fn append_parts(parent: &Element, p: &Parts) {
    if let Some(h) = &p.hint {
        crate::web::dom::append(parent, h);
    }
    crate::web::dom::append(parent, &p.error);
}

/// Input, textarea, select or file input; the element, and the count line for text areas.
fn simple_control(f: &Field, lang: Lang) -> (Control, Element, Option<Element>) {
    let id = control_id(&f.name);
    match f.kind {
        FieldType::Textarea => {
            let max = f.max_length.unwrap_or_else(|| f.kind.default_max());
            let el = E::new("textarea")
                .class("cchc-textarea")
                .attr("id", &id)
                .attr("name", &f.name)
                .attr("rows", "6");
            let el = match &f.autocomplete {
                Some(a) => el.attr("autocomplete", a),
                None => el,
            };
            let count = E::new("div")
                .class("cchc-count")
                .attr("id", &cat(&id, "-count"))
                .attr("aria-live", "polite")
                .text(&limit_message(max, lang))
                .el();
            let area = el.el().unchecked_into::<HtmlTextAreaElement>();
            let control = Control::Area {
                el: area.clone(),
                count: count.clone(),
                max,
            };
            (control, area.into(), Some(count))
        }
        FieldType::Select => {
            let select = E::new("select").attr("id", &id).attr("name", &f.name);
            let select = match &f.autocomplete {
                Some(a) => select.attr("autocomplete", a),
                None => select,
            };
            crate::web::dom::append(&select.0, &option("", T::ChooseOne.get(lang)));
            for o in &f.options {
                crate::web::dom::append(&select.0, &option(&o.value, o.label.get(lang)));
            }
            let el = select.el().unchecked_into::<HtmlSelectElement>();
            (Control::Select(el.clone()), el.into(), None)
        }
        FieldType::File => {
            let accept: Vec<String> = f.accept.iter().map(|e| cat(".", e)).collect();
            let input = E::new("input")
                .class("cchc-file")
                .attr("type", "file")
                .attr("id", &id)
                .attr("name", &f.name)
                .attr("accept", &crate::text::join(&accept, ","));
            let input = if f
                .max_files
                .unwrap_or(crate::feedback::form::DEFAULT_MAX_FILES)
                > 1
            {
                input.attr("multiple", "")
            } else {
                input
            };
            let el = input.el().unchecked_into::<HtmlInputElement>();
            (Control::File(el.clone()), el.into(), None)
        }
        _ => {
            let (ty, mode, auto, spell) = input_traits(f.kind);
            let mut input = E::new("input")
                .class(&cat("cchc-input cchc-input--", type_class(f.kind)))
                .attr("type", ty)
                .attr("id", &id)
                .attr("name", &f.name)
                .attr("spellcheck", if spell { "true" } else { "false" });
            if let Some(m) = mode {
                input = input.attr("inputmode", m);
            }
            if let Some(a) = f.autocomplete.as_deref().or(auto) {
                input = input.attr("autocomplete", a);
            }
            if matches!(f.kind, FieldType::Email | FieldType::Cccd) {
                input = input.attr("autocapitalize", "none");
            }
            let el = input.el().unchecked_into::<HtmlInputElement>();
            (Control::Input(el.clone()), el.into(), None)
        }
    }
}

/// Width class: short inputs for short values (GOV.UK sizes inputs to the expected answer).
fn type_class(kind: FieldType) -> &'static str {
    match kind {
        FieldType::Mobile | FieldType::Phone | FieldType::Date => "short",
        FieldType::Cccd => "medium",
        _ => "full",
    }
}

fn fieldset(f: &Field, lang: Lang, p: &Parts) -> Element {
    let fs = E::new("fieldset")
        .class("cchc-fieldset")
        .child(label_el("legend", f, lang))
        .el();
    append_parts(&fs, p);
    fs
}

fn radios(f: &Field, lang: Lang, p: &Parts) -> (Element, Vec<HtmlInputElement>) {
    let fs = fieldset(f, lang, p);
    let group = E::new("div").class("cchc-radios").el();
    let mut list = Vec::with_capacity(f.options.len());
    for (i, o) in f.options.iter().enumerate() {
        let id = if i == 0 {
            control_id(&f.name)
        } else {
            crate::text::cat(&[&control_id(&f.name), "-", &crate::num::int(i)])
        };
        let input = E::new("input")
            .attr("type", "radio")
            .attr("id", &id)
            .attr("name", &f.name)
            .attr("value", &o.value)
            .el()
            .unchecked_into::<HtmlInputElement>();
        let row = E::new("div")
            .class("cchc-radio")
            .child(&input)
            .child(E::new("label").attr("for", &id).text(o.label.get(lang)));
        crate::web::dom::append(&group, &row.0);
        list.push(input);
    }
    crate::web::dom::append(&fs, &group);
    crate::web::dom::append(&fs, &p.notice);
    (fs, list)
}

fn sub_label(text: &str, for_id: &str) -> Element {
    E::new("label")
        .class("cchc-sublabel")
        .attr("for", for_id)
        .text(text)
        .el()
}

fn address(f: &Field, lang: Lang, p: &Parts) -> (Element, AddressUi) {
    let fs = fieldset(f, lang, p);
    let id = control_id(&f.name);
    let xa_id = cat(&id, "-xa");
    let detail_id = cat(&id, "-chi-tiet");
    let status_id = cat(&id, "-xa-status");
    let tinh = E::new("select")
        .attr("id", &id)
        .attr("name", &cat(&f.name, "-tinh"))
        .attr("autocomplete", "address-level1")
        .el()
        .unchecked_into::<HtmlSelectElement>();
    crate::web::dom::append(&tinh, &option("", T::ChooseProvince.get(lang)));
    let xa = E::new("select")
        .attr("id", &xa_id)
        .attr("name", &cat(&f.name, "-xa"))
        .attr("autocomplete", "address-level2")
        .attr("aria-describedby", &status_id)
        .el()
        .unchecked_into::<HtmlSelectElement>();
    crate::web::dom::append(&xa, &option("", T::ChooseProvinceFirst.get(lang)));
    let status = E::new("p")
        .class("cchc-address-status")
        .attr("id", &status_id)
        .attr("aria-live", "polite")
        .el();
    let retry = E::new("button")
        .attr("type", "button")
        .class("cchc-button secondary")
        .attr("hidden", "")
        .text(T::Retry.get(lang))
        .el();
    let detail = E::new("input")
        .class("cchc-input")
        .attr("type", "text")
        .attr("id", &detail_id)
        .attr("name", &cat(&f.name, "-chi-tiet"))
        .attr("autocomplete", "street-address")
        .el()
        .unchecked_into::<HtmlInputElement>();
    for (label, control_id, control) in [
        (T::Province, id.as_str(), Element::from(tinh.clone())),
        (T::Commune, xa_id.as_str(), Element::from(xa.clone())),
        (
            T::AddressDetail,
            detail_id.as_str(),
            Element::from(detail.clone()),
        ),
    ] {
        let row = E::new("div")
            .class("cchc-subfield")
            .child(sub_label(label.get(lang), control_id))
            .child(&control);
        if label == T::Commune {
            crate::web::dom::append(&row.0, &status);
            crate::web::dom::append(&row.0, &retry);
        }
        crate::web::dom::append(&fs, &row.0);
    }
    crate::web::dom::append(&fs, &p.notice);
    let ui = AddressUi {
        tinh,
        xa,
        detail,
        status,
        retry,
    };
    (fs, ui)
}

/// The hidden field bots fill in: off screen, out of the tab order and the accessibility tree.
pub(crate) fn honeypot(name: &str) -> (Element, HtmlInputElement) {
    let id = cat("hp-", name);
    let input = E::new("input")
        .attr("type", "text")
        .attr("id", &id)
        .attr("name", name)
        .attr("tabindex", "-1")
        .attr("autocomplete", "off")
        .el()
        .unchecked_into::<HtmlInputElement>();
    let wrap = E::new("div")
        .class("cchc-hp")
        .attr("aria-hidden", "true")
        .child(E::new("label").attr("for", &id).text("Website"))
        .child(&input)
        .el();
    (wrap, input)
}

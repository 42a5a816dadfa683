//! Province → commune on demand: the commune list of a province is fetched when it is chosen.
//!
//! `tinh.json` (34 provinces, 2 KB) comes with the form; `xa-<code>.json` (up to 9 KB) only for
//! the province chosen, then kept in the form's `AddressBook`, so validation knows the real
//! pairs. While the list loads the commune select is disabled and a live line says so; if the
//! load fails the line says why and a retry button appears. A slow answer for a province the
//! citizen has since changed is stored but not shown.

use std::rc::Rc;

use web_sys::HtmlSelectElement;

use super::strings::T;
use super::ui::{option, AddressUi};
use super::Form;
use crate::feedback::dvhc::{kind_name, Commune};
use crate::web::dom::clear;
use crate::web::load;

/// Fills the province select.
pub(crate) fn fill_provinces(form: &Form, a: &AddressUi) {
    let book = form.book.borrow();
    for p in &book.provinces {
        crate::web::dom::append(&a.tinh, &option(&p.code, &kind_name(&p.kind, &p.name)));
    }
}

/// Shows the communes of the chosen province, loading them if needed; then selects `want`.
pub(crate) fn province_changed(form: &Rc<Form>, index: usize, want: Option<String>) {
    let Some(a) = form.address_ui(index) else {
        return;
    };
    let code = a.tinh.value();
    set_status(a, None, false);
    if code.is_empty() {
        placeholder(&a.xa, T::ChooseProvinceFirst, form);
        a.xa.set_disabled(false);
        return;
    }
    if show_communes(form, a, &code, want.as_deref()) {
        return;
    }
    placeholder(&a.xa, T::LoadingCommunes, form);
    a.xa.set_disabled(true);
    set_status(a, Some(T::LoadingCommunes.get(form.lang)), false);
    let form = form.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let url = crate::text::cat(&[&form.dvhc_url, "xa-", &code, ".json"]);
        let fetched = load::fetch_text(&url, load::DEFAULT_TIMEOUT_S).await;
        if !form.ctx.alive() {
            return;
        }
        let added = fetched
            .ok()
            .map(|text| {
                form.book
                    .borrow_mut()
                    .add_communes_json(&code, &text)
                    .is_ok()
            })
            .unwrap_or(false);
        let Some(a) = form.address_ui(index) else {
            return;
        };
        if a.tinh.value() != code {
            return; // the citizen chose another province meanwhile
        }
        a.xa.set_disabled(false);
        if added && show_communes(&form, a, &code, want.as_deref()) {
            set_status(a, None, false);
        } else {
            placeholder(&a.xa, T::ChooseProvinceFirst, &form);
            set_status(a, Some(T::CommunesFailed.get(form.lang)), true);
        }
    });
}

fn placeholder(select: &HtmlSelectElement, text: T, form: &Form) {
    clear(select);
    crate::web::dom::append(select, &option("", text.get(form.lang)));
    select.set_value("");
}

/// Fills the commune select from the book if the province's communes are loaded (borrowing
/// the list, never copying it); `false` when they are not.
fn show_communes(form: &Form, a: &AddressUi, code: &str, want: Option<&str>) -> bool {
    let book = form.book.borrow();
    let Some(list) = book.communes(code) else {
        return false;
    };
    fill_communes(form, a, list, want);
    true
}

fn fill_communes(form: &Form, a: &AddressUi, list: &[Commune], want: Option<&str>) {
    placeholder(&a.xa, T::ChooseCommune, form);
    for c in list {
        crate::web::dom::append(&a.xa, &option(&c.code, &kind_name(&c.kind, &c.name)));
    }
    if let Some(w) = want {
        a.xa.set_value(w);
    }
}

/// The loading/failure line and the retry button.
fn set_status(a: &AddressUi, text: Option<&str>, failed: bool) {
    a.status.set_text_content(text);
    let _ = a
        .status
        .class_list()
        .toggle_with_force("cchc-address-status--failed", failed);
    if failed {
        let _ = a.retry.remove_attribute("hidden");
    } else {
        let _ = a.retry.set_attribute("hidden", "");
    }
}

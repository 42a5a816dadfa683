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
use super::ui::AddressUi;
use super::Form;
use crate::feedback::dvhc::Commune;
use crate::web::dom::{clear, E, R};
use crate::web::load;

/// Fills the province select.
pub(crate) fn fill_provinces(form: &Form, a: &AddressUi) -> R<()> {
    let book = form.book.borrow();
    for p in &book.provinces {
        crate::web::dom::append(
            &a.tinh,
            &E::new("option")
                .attr("value", &p.code)
                .text(&format!("{} {}", p.kind, p.name))
                .el(),
        );
    }
    Ok(())
}

/// Shows the communes of the chosen province, loading them if needed; then selects `want`.
pub(crate) fn province_changed(form: &Rc<Form>, index: usize, want: Option<String>) {
    let Some(a) = form.address_ui(index) else {
        return;
    };
    let code = a.tinh.value();
    set_status(a, None, false);
    if code.is_empty() {
        let _ = placeholder(&a.xa, T::ChooseProvinceFirst, form);
        a.xa.set_disabled(false);
        return;
    }
    let loaded = form.book.borrow().communes(&code).map(<[Commune]>::to_vec);
    if let Some(list) = loaded {
        let _ = fill_communes(form, a, &list, want.as_deref());
        return;
    }
    let _ = placeholder(&a.xa, T::LoadingCommunes, form);
    a.xa.set_disabled(true);
    set_status(a, Some(T::LoadingCommunes.get(form.lang)), false);
    let form = form.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let url = format!("{}xa-{code}.json", form.dvhc_url);
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
        let list = form.book.borrow().communes(&code).map(<[Commune]>::to_vec);
        match (added, list) {
            (true, Some(list)) => {
                set_status(a, None, false);
                let _ = fill_communes(&form, a, &list, want.as_deref());
            }
            _ => {
                let _ = placeholder(&a.xa, T::ChooseProvinceFirst, &form);
                set_status(a, Some(T::CommunesFailed.get(form.lang)), true);
            }
        }
    });
}

fn placeholder(select: &HtmlSelectElement, text: T, form: &Form) -> R<()> {
    clear(select);
    crate::web::dom::append(
        select,
        &E::new("option")
            .attr("value", "")
            .text(text.get(form.lang))
            .el(),
    );
    select.set_value("");
    Ok(())
}

fn fill_communes(form: &Form, a: &AddressUi, list: &[Commune], want: Option<&str>) -> R<()> {
    placeholder(&a.xa, T::ChooseCommune, form)?;
    for c in list {
        crate::web::dom::append(
            &a.xa,
            &E::new("option")
                .attr("value", &c.code)
                .text(&format!("{} {}", c.kind, c.name))
                .el(),
        );
    }
    if let Some(w) = want {
        a.xa.set_value(w);
    }
    Ok(())
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

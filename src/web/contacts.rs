//! The agency's contact points in the widgets: the host's `contacts` attribute names a
//! `lien-he.json` (docs/lien-he-format.md).
//!
//! The loader (`js/cchc-widgets.js`, `hotlines`) requests the file together with the widget's own
//! data, reads it and draws the contact points, as text and `tel:`/`mailto:` links, into the
//! places the core hands it here: every error panel and the feedback form's intro, success and
//! failure panels get the agency's hotlines under "Cần hỗ trợ? Gọi đường dây nóng:"
//! ([`fill`]); the search's procedure detail gets "Liên hệ, hỗ trợ", everything for the unit
//! that handles the procedure ([`fill_for`]). The loader also draws the hotlines on its own
//! failure panel, when the code itself cannot load; that is why it, not the core, reads the
//! file: one reading serves every place, and no widget's wasm carries a copy (~2 KB gzip each).
//! It reads a number as [`crate::feedback::hotline::read_hotline`] does (the shared fixture
//! `tests/fixtures/contacts/hotlines.json` holds both to the same answers) and sets the host's
//! `data-contacts-state` to `ready` (read without a problem) or `error` (not loaded, or
//! problems: `cchc check` names them). A missing or broken contacts file never stops a widget.
//! The printed sheet's contact points are read by the print module in Rust
//! ([`crate::contacts::Contacts::read`]).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::Ctx;

#[wasm_bindgen]
extern "C" {
    /// The object the loader hands to `mount` (`data` in js/cchc-widgets.js).
    type Loader;
    /// Its `h(slot, procedure)`: draws the hotlines into `slot`; given a procedure's
    /// `[field, ...agencies]`, all the contact points for it. `catch`: a widget mounted without
    /// the loader has none, and a throw must not reach the wasm.
    #[wasm_bindgen(method, structural, catch, js_name = h)]
    fn draw(this: &Loader, slot: &Element, procedure: &JsValue) -> Result<(), JsValue>;
}

/// Asks the loader to append the agency's hotlines to `slot` under "Cần hỗ trợ? Gọi đường dây
/// nóng:" once they are read (now when they are), unless the slot has left the page by then;
/// nothing when the host names no contacts file, or the file has no usable hotline, or the
/// widget was mounted without the loader.
#[inline(never)]
pub(crate) fn fill(ctx: &Ctx, slot: &Element) {
    let _ = loader(ctx).draw(slot, &JsValue::UNDEFINED);
}

/// For a procedure's detail: "Liên hệ, hỗ trợ", the contact points of the unit that handles it
/// (the first unit naming one of its agencies, else its field, as the printed sheet picks it:
/// [`crate::contacts::Contacts::for_procedure`]) and the agency's own: hotlines, one-stop
/// centres with their address and hours, e-mail, the feedback page.
#[cfg(feature = "search")]
pub(crate) fn fill_for(ctx: &Ctx, slot: &Element, agencies: &[String], field: Option<&str>) {
    let procedure = js_sys::Array::of1(&JsValue::from_str(field.unwrap_or("")));
    for a in agencies {
        procedure.push(&JsValue::from_str(a));
    }
    let _ = loader(ctx).draw(slot, &procedure);
}

fn loader(ctx: &Ctx) -> std::cell::Ref<'_, Loader> {
    std::cell::Ref::map(ctx.prefetch.borrow(), |p| p.unchecked_ref::<Loader>())
}

//! The wasm side of "languages as data": the loader hands over a language catalogue.
//!
//! Contract with `js/cchc-widgets.js`: when the nearest `lang` attribute of a widget has a
//! primary subtag other than `vi`, the loader fetches `pkg/i18n/<subtag>.json` (lowercase: `en`,
//! `km`) and calls [`add_catalogue`] with the subtag and the file's text before mounting the
//! widget; `mount` then gets the language from `Lang::from_tag`. When the file is missing or
//! refused, the widget simply speaks Vietnamese. Format: `docs/i18n-format.md`.

use wasm_bindgen::prelude::*;

/// Registers the language catalogue `json` for the primary language subtag `tag`.
///
/// Returns `true` when `tag` now has a catalogue: `json` is a valid catalogue whose `lang` is
/// `tag` (2 to 8 ASCII letters, not `vi`), at most 1 MB. Returns `false` and registers nothing
/// otherwise (not JSON, wrong shape, another language, too large, or 16 languages already).
/// Never throws.
///
/// The first valid catalogue of a tag stays for the page's lifetime: calling again with the
/// same tag checks the text and returns `true` if it is valid, but keeps the first one (so
/// calling once per widget costs no memory). Translations that are empty or whose `{placeholders}`
/// differ from the Vietnamese are left out (the Vietnamese text is shown for them), as are keys
/// the widgets do not use. Every text is only ever shown as text, never as markup.
#[wasm_bindgen]
pub fn add_catalogue(tag: &str, json: &str) -> bool {
    crate::i18n::add_catalogue(tag, json).is_some()
}

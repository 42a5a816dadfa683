//! The chi-tieu.json loader and the evaluation of what loaded, as of a fixed day.
#![no_main]
use cchc_widgets::date::Date;
use cchc_widgets::i18n::Lang;
use cchc_widgets::tracker::{evaluate, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = load(text) {
        let today = Date::new(2026, 12, 6).expect("a real day");
        let _ = evaluate(&doc, today, Lang::Vi);
    }
});

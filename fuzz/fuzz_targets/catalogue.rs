//! Language catalogues a province drops next to the bundle.
#![no_main]
use cchc_widgets::i18n::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Catalogue::parse(text);
});

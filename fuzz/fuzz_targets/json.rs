//! The one JSON reader: any bytes parse or fail with a position, never panic; what parses
//! writes back to text that parses to the same value.
#![no_main]
use cchc_widgets::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(v) = json::parse(text) {
        let again = json::parse(&v.to_json()).expect("written JSON parses");
        assert_eq!(again, v, "round trip");
    }
    // The streaming reader, skipping whatever it meets.
    let mut r = json::Reader::new(text);
    let _ = r.skip();
});

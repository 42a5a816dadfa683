//! The plan phrase parsers: deadlines ("Quý II, III/2025") and targets ("PCI đạt 69,5 điểm").
#![no_main]
use cchc_widgets::tracker::{parse_deadline, parse_target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_deadline(text, Some(2025));
    let _ = parse_deadline(text, None);
    let _ = parse_target(text);
});

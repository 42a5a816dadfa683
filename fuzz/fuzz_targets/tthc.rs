//! The procedures loader (tthc.json and the national portal's records), the details files, and
//! the engine on what loaded: the first line of the input is also used as a query.
#![no_main]
use cchc_widgets::tthc::{Catalog, Details, Query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Details::parse_file(text);
    let query: String = text
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    if let Ok((catalog, _)) = Catalog::from_json_str(text) {
        let _ = catalog.search(&Query::text(&query));
        let _ = catalog.search(&Query::text("cap lai cccd"));
    }
});

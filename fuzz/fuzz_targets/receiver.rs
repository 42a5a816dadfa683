//! The receiver's request handling: the POST body, the attachments matched to the values and
//! checked by their bytes (the raw input is also tried as a file of every type), and the masking
//! of personal data that `cchc phan-anh publish` applies to citizens' text.
#![no_main]
use cchc_widgets::feedback::submission::{check_attachments, content_matches, parse_body};
use cchc_widgets::feedback::Schema;
use cchc_widgets::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for ext in [
        "pdf", "jpg", "png", "gif", "webp", "heic", "tif", "doc", "docx", "txt", "mp3", "mp4",
    ] {
        let _ = content_matches(ext, data);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = cchc_widgets::feedback::personal::mask(text);
    if let Ok(body) = parse_body(text) {
        let schema = Schema::default_nd20();
        let _ = check_attachments(&schema, &body.values, &body.files, Lang::Vi);
    }
});

//! The feedback form: the schema loader, every single-value validator, whole-form validation of
//! any JSON against the built-in form and against the input read as a schema, and the province
//! and commune lists.
#![no_main]
use cchc_widgets::date::Date;
use cchc_widgets::feedback::{check_value, validate_form, AddressBook, FormContext, Kind, Schema};
use cchc_widgets::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = Date::new(2026, 12, 6).expect("a real day");
    for kind in [
        "mobile", "landline", "phone", "cccd", "name", "email", "date",
    ] {
        let kind = Kind::parse(kind).expect("known kind");
        let _ = check_value(kind, text, today, Lang::Vi);
    }
    let mut book = AddressBook::from_provinces_json(text).unwrap_or_default();
    let _ = book.add_communes_json("66", text);
    let ctx = FormContext {
        today,
        lang: Lang::Vi,
        address: Some(&book),
    };
    if let Ok(values) = cchc_widgets::json::parse(text) {
        let _ = validate_form(&Schema::default_nd20(), &values, &ctx);
    }
    if let Ok(schema) = Schema::from_json(text) {
        let empty = cchc_widgets::json::parse("{}").expect("{} parses");
        let _ = validate_form(&schema, &empty, &ctx);
    }
    let _ = Schema::from_json_builtin(text);
});

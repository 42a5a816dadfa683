//! Property tests over arbitrary strings: no validator panics, and every valid value's
//! normalised form is itself valid and normalises to itself (idempotence).

use proptest::prelude::*;

use super::date::{Date, DateRule};
use super::*;
use crate::json::Value;

const TODAY: Date = match Date::new(2025, 8, 15) {
    Some(d) => d,
    None => panic!("invalid test date"),
};

const KINDS: [Kind; 7] = [
    Kind::Mobile,
    Kind::Landline,
    Kind::Phone,
    Kind::Cccd,
    Kind::Name,
    Kind::Email,
    Kind::Date,
];

/// Strings biased toward the alphabets the validators care about.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 +().\\-]{0,20}",
        "[ -~]{0,30}",
        "[aăâđeêioôơuưyAĂÂĐ'’\\- \u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{200B}\u{202E}]{0,30}",
        "[0-9/.\\- ]{0,14}",
    ]
}

fn idempotent(kind: Kind, s: &str) -> Result<(), TestCaseError> {
    let first = check_value(kind, s, TODAY, crate::i18n::Lang::Vi);
    prop_assert_eq!(first.valid, first.normalized.is_some());
    prop_assert_eq!(first.valid, first.code.is_none() && first.message.is_none());
    if let Some(n) = first.normalized {
        let again = check_value(kind, &n, TODAY, crate::i18n::Lang::En);
        prop_assert!(
            again.valid,
            "{:?}: {:?} → {:?} invalid: {:?}",
            kind,
            s,
            n,
            again.code
        );
        prop_assert_eq!(again.normalized.as_deref(), Some(n.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_kind_is_total_and_idempotent(s in input()) {
        for kind in KINDS {
            idempotent(kind, &s)?;
        }
    }

    #[test]
    fn free_text_is_total_and_idempotent(s in input(), multiline in any::<bool>()) {
        let rule = freetext::TextRule { multiline, min: None, max: 40 };
        if let Ok(n) = freetext::check_text(&s, rule).result {
            prop_assert_eq!(freetext::check_text(&n, rule).result, Ok(n.clone()));
            prop_assert!(clean::find_markup(&n).is_none());
            prop_assert!(!n.chars().any(clean::is_invisible));
        }
    }

    #[test]
    fn dates_with_rules_never_panic(s in input(), not_future in any::<bool>()) {
        let rule = DateRule { not_future, min_year: Some(1900) };
        let _ = date::check_date(&s, rule, TODAY);
    }

    #[test]
    fn file_checks_never_panic(name in any::<String>(), mime in any::<String>(), size in any::<u64>()) {
        let rule = file::FileRule { accept: vec!["pdf".into(), "png".into()], max_bytes: 1 << 20 };
        let _ = file::check_file(&file::FileMeta { name, mime, size }, &rule);
    }

    #[test]
    fn schema_loader_never_panics(s in any::<String>()) {
        let _ = Schema::from_json(&s);
    }

    #[test]
    fn default_form_never_panics_on_arbitrary_values(a in input(), b in input(), c in input(), d in input()) {
        let schema = Schema::default_nd20();
        let mut data = Vec::new();
        for (i, f) in schema.fields.iter().enumerate() {
            let v = [&a, &b, &c, &d][i % 4].clone();
            data.push((f.name.clone(), Value::Str(v)));
        }
        let address = crate::json::obj([("tinh", a.into()), ("xa", b.into()), ("chi_tiet", c.into())]);
        data.push(("dia_chi".into(), address));
        let data = Value::Obj(data);
        let ctx = FormContext { today: TODAY, lang: crate::i18n::Lang::Vi, address: None };
        let r = validate_form(&schema, &data, &ctx);
        prop_assert_eq!(r.valid, r.errors.is_empty() && !r.spam);
    }
}

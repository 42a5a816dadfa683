//! The citizen feedback form (phản ánh, kiến nghị): validators, schema, whole-form validation.
//!
//! Why this module exists: Nghị định 20/2008/NĐ-CP makes agencies receive phản ánh, kiến nghị
//! that state a name, an address and a phone number (or a postal address), in Vietnamese, with
//! clear content. Citizens type those on phones, paste them from chat apps and Word, and use
//! every Vietnamese spelling of a phone number. This module decides, identically in the browser
//! widget and in `cchc validate-form` on the agency's server, what is accepted, how it is
//! normalised, and what the citizen is told (Vietnamese first, English second).
//!
//! Map:
//! * value validators, each `&str → Outcome → FieldCheck`: [`phone`] (data tables after
//!   libphonenumber), [`cccd`], [`name`], [`email`], [`date`], [`freetext`], [`file`], with the
//!   shared hygiene in [`clean`] and every message in [`messages`];
//! * [`dvhc`]: the 34 provinces / 3,321 communes for address fields, loaded on demand;
//! * [`schema`]: the agency's `phan-anh.json` (and the built-in Nghị định 20 default);
//! * [`form`]: validation of a whole submission in schema field order.
//!
//! Nothing here reads the clock, the network or the file system: "today" and the data are
//! parameters, results are plain data, and no input can make it panic.

pub mod cccd;
pub mod check;
pub mod clean;
pub mod date;
mod default_schema;
pub mod due;
pub mod dvhc;
pub mod email;
pub mod file;
pub mod form;
pub mod freetext;
pub mod hotline;
pub mod messages;
pub mod name;
#[cfg(not(target_arch = "wasm32"))]
pub mod personal;
pub mod phone;
pub mod schema;
#[cfg(not(target_arch = "wasm32"))]
pub mod submission;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod form_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

pub use check::{FieldCheck, Notice};
pub use date::Date;
pub use dvhc::{AddressBook, Commune, PairCheck, Province};
pub use form::{validate_field, validate_form, FieldError, FormContext, FormResult};
pub use schema::{Schema, SchemaError};

use crate::i18n::Lang;

/// The kinds `cchc check-field --kind` and the widget's single-value check understand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 10-digit mobile number.
    Mobile,
    /// 11-digit landline number.
    Landline,
    /// Mobile or landline.
    Phone,
    /// 12-digit CCCD (CMND refused; use a schema to allow it).
    Cccd,
    /// Personal name.
    Name,
    /// E-mail address.
    Email,
    /// Date `dd/mm/yyyy` on the real calendar (no range rule).
    Date,
}

impl Kind {
    /// Parses a kind name as written on the command line.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "mobile" => Kind::Mobile,
            "landline" => Kind::Landline,
            "phone" => Kind::Phone,
            "cccd" => Kind::Cccd,
            "name" => Kind::Name,
            "email" => Kind::Email,
            "date" => Kind::Date,
            _ => return None,
        })
    }
}

/// Checks one value of `kind`; `today` anchors the CCCD birth-year rule.
pub fn check_value(kind: Kind, input: &str, today: Date, lang: Lang) -> FieldCheck {
    let outcome = match kind {
        Kind::Mobile => phone::check_phone(input, phone::PhoneKind::Mobile),
        Kind::Landline => phone::check_phone(input, phone::PhoneKind::Landline),
        Kind::Phone => phone::check_phone(input, phone::PhoneKind::Any),
        Kind::Cccd => cccd::check_cccd(
            input,
            cccd::CccdOptions {
                allow_cmnd: false,
                dob: None,
            },
            today,
        ),
        Kind::Name => name::check_name(input, name::NAME_MAX),
        Kind::Email => email::check_email(input),
        Kind::Date => date::check_date(input, date::DateRule::default(), today),
    };
    outcome.render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = match Date::new(2025, 8, 15) {
        Some(d) => d,
        None => panic!("invalid test date"),
    };

    #[test]
    fn one_entry_point_for_every_kind() {
        let c = check_value(Kind::Mobile, "+84 912 345 678", TODAY, Lang::Vi);
        assert!(c.valid);
        assert_eq!(c.normalized.as_deref(), Some("0912345678"));
        let c = check_value(Kind::Mobile, "01693456789", TODAY, Lang::Vi);
        assert_eq!(c.code, Some("mobile_old_prefix"));
        assert_eq!(
            c.message.as_deref(),
            Some("Đầu số 0169 đã đổi thành 039 từ năm 2018. Số mới có thể là 0393456789.")
        );
        let c = check_value(Kind::Mobile, "01693456789", TODAY, Lang::En);
        assert_eq!(
            c.message.as_deref(),
            Some("The prefix 0169 became 039 in 2018. The new number may be 0393456789.")
        );
        assert!(check_value(Kind::Phone, "024 3825 3535", TODAY, Lang::Vi).valid);
        assert!(!check_value(Kind::Mobile, "024 3825 3535", TODAY, Lang::Vi).valid);
        assert!(check_value(Kind::Cccd, "001085012345", TODAY, Lang::Vi).valid);
        assert!(check_value(Kind::Name, "H'Hen Niê", TODAY, Lang::Vi).valid);
        assert!(check_value(Kind::Email, "a@b.vn", TODAY, Lang::Vi).valid);
        assert!(check_value(Kind::Date, "29/02/2024", TODAY, Lang::Vi).valid);
        assert_eq!(Kind::parse("cccd"), Some(Kind::Cccd));
        assert_eq!(Kind::parse("CCCD"), None);
    }

    /// `FieldCheck` is printed by `cchc check-field` through serde (native only).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn serialises_as_the_cli_contract() {
        let c = check_value(Kind::Cccd, "003085012345", TODAY, Lang::En);
        let json = serde_json::to_value(&c).unwrap_or_default();
        assert_eq!(json["valid"], true);
        assert_eq!(json["normalized"], "003085012345");
        assert_eq!(json["code"], serde_json::Value::Null);
        assert_eq!(json["warnings"][0]["code"], "cccd_unknown_province");
        assert!(json.get("suggestion").is_none());
    }
}

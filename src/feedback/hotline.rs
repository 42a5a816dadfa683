//! An agency's hotline (đường dây nóng) as published in its contacts file (`lien-he.json`).
//!
//! Why apart from [`super::phone`]: the citizen's phone field rightly refuses 1800/1900 service
//! numbers and short numbers (an agency cannot call a citizen back there), but those are exactly
//! what agencies publish for citizens to call. A hotline is one of:
//!
//! * `1800 xxxx` / `1800 xxxxxx` (free to call) and `1900 xxxx` / `1900 xxxxxx` (charged);
//! * a short service number: 111 (child protection), 112, 113, 114, 115 (rescue, police, fire,
//!   ambulance), 116, 1022 and the other 10xx numbers provinces run as citizen service lines;
//! * a landline with its area code (`0239 3856 789`, `+84 24 3825 3535`), or a mobile number, as
//!   [`super::phone`] reads them.
//!
//! The result keeps the number as written (tidied: spaces collapsed) and gives the digits for a
//! `tel:` link.

use super::phone::{check_phone, PhoneKind};

/// What kind of number a hotline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HotlineKind {
    /// 1800 xxxx(xx): free to call.
    TollFree,
    /// 1900 xxxx(xx): charged to the caller.
    Premium,
    /// A 3- or 4-digit service number (113, 1022).
    Short,
    /// A landline with its area code.
    Landline,
    /// A mobile number.
    Mobile,
}

/// A hotline that passed [`check_hotline`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Hotline {
    /// As written, whitespace collapsed (what the sheet and the widget show).
    pub display: String,
    /// The digits to dial (`tel:` link): `1900xxxx`, `113`, `02393856789`.
    pub dial: String,
    pub kind: HotlineKind,
}

/// Why a hotline was refused: a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HotlineError {
    /// Empty, or characters other than digits, spaces, `.`, `-`, brackets and a leading `+`.
    Chars,
    /// 1800/1900 followed by other than 4 or 6 digits.
    ServiceLength,
    /// A short number that is not a service number (3 digits 11x, 4 digits 10xx).
    Short,
    /// Neither a service number nor a valid landline or mobile number.
    Number,
}

impl HotlineError {
    /// The stable code (`cchc check` reports it).
    pub fn code(self) -> &'static str {
        match self {
            HotlineError::Chars => "hotline_chars",
            HotlineError::ServiceLength => "hotline_service_length",
            HotlineError::Short => "hotline_short",
            HotlineError::Number => "hotline_number",
        }
    }

    /// One Vietnamese sentence for the webmaster.
    pub fn message_vi(self) -> &'static str {
        match self {
            HotlineError::Chars => "Số đường dây nóng chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối, ngoặc và dấu + ở đầu",
            HotlineError::ServiceLength => "Số 1800/1900 phải có thêm 4 hoặc 6 chữ số (ví dụ 1900 1234, 1800 123456)",
            HotlineError::Short => "Số ngắn không phải số dịch vụ (111, 112, 113, 114, 115, 116 hoặc 10xx như 1022)",
            HotlineError::Number => "Không phải số điện thoại cố định (có mã vùng), di động hay số dịch vụ 1800/1900 hợp lệ",
        }
    }
}

/// Checks a hotline (see the module docs).
pub fn check_hotline(input: &str) -> Result<Hotline, HotlineError> {
    read::<true>(input)
}

/// Reads a hotline for display in a widget: the same tidying, characters and service numbers
/// as [`check_hotline`], but a landline or mobile number is not checked against the numbering
/// plan (its area codes and prefixes stay out of the wasm: `cchc check` checks the file). The
/// digits to dial are the national ones (`+84 24 …` → `024…`).
pub fn read_hotline(input: &str) -> Result<Hotline, HotlineError> {
    read::<false>(input)
}

fn read<const CHECK: bool>(input: &str) -> Result<Hotline, HotlineError> {
    // One pass: the number as shown (white space runs as one space, none at the ends) and its
    // digits; anything but digits, separators and a leading `+` refuses it.
    let mut display = String::with_capacity(input.len());
    let mut digits = String::new();
    let mut space = false;
    for c in input.chars() {
        if c.is_whitespace() {
            space = !display.is_empty();
            continue;
        }
        match c {
            '0'..='9' => digits.push(c),
            '+' if display.is_empty() => {}
            '.' | '-' | '(' | ')' => {}
            _ => return Err(HotlineError::Chars),
        }
        if space {
            display.push(' ');
            space = false;
        }
        display.push(c);
    }
    if digits.is_empty() {
        return Err(HotlineError::Chars);
    }
    let service = ["1800", "1900"]
        .into_iter()
        .find(|p| digits.starts_with(p) && !display.starts_with('+'));
    if let Some(prefix) = service {
        let rest = digits.len() - prefix.len();
        if rest != 4 && rest != 6 {
            return Err(HotlineError::ServiceLength);
        }
        let kind = if prefix == "1800" {
            HotlineKind::TollFree
        } else {
            HotlineKind::Premium
        };
        return Ok(Hotline {
            display,
            dial: digits,
            kind,
        });
    }
    if digits.len() <= 4 && !display.starts_with('+') {
        let short = match digits.len() {
            3 => matches!(
                digits.as_str(),
                "111" | "112" | "113" | "114" | "115" | "116"
            ),
            4 => digits.starts_with("10"),
            _ => false,
        };
        if !short {
            return Err(HotlineError::Short);
        }
        return Ok(Hotline {
            display,
            dial: digits,
            kind: HotlineKind::Short,
        });
    }
    let national = if CHECK {
        check_phone(&display, PhoneKind::Any)
            .result
            .map_err(|_| HotlineError::Number)?
    } else {
        // A `+` is Viet Nam's country code (84), read as the trunk prefix 0.
        let national = match (display.starts_with('+'), digits.strip_prefix("84")) {
            (true, Some(rest)) => crate::text::cat(&["0", rest]),
            (true, None) => return Err(HotlineError::Number),
            (false, _) => digits,
        };
        if !(10..=11).contains(&national.len()) || !national.starts_with('0') {
            return Err(HotlineError::Number);
        }
        national
    };
    let kind = if national.len() == 11 {
        HotlineKind::Landline
    } else {
        HotlineKind::Mobile
    };
    Ok(Hotline {
        display,
        dial: national,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Result<(HotlineKind, String), HotlineError> {
        check_hotline(s).map(|h| (h.kind, h.dial))
    }

    /// The shared fixture: the loader (js/cchc-widgets.js `dial`) must give the same answers
    /// (tests/e2e/contacts.test.mjs).
    #[test]
    fn the_widgets_reading_matches_the_shared_fixture() {
        let text =
            std::fs::read_to_string("tests/fixtures/contacts/hotlines.json").unwrap_or_default();
        let doc = crate::json::parse(&text).unwrap_or(crate::json::Value::Null);
        let Some(crate::json::Value::Arr(cases)) = doc.get("cases") else {
            panic!("tests/fixtures/contacts/hotlines.json: no cases");
        };
        assert!(cases.len() > 20);
        for case in cases {
            let crate::json::Value::Arr(c) = case else {
                panic!("a case is [input, shown, dial]");
            };
            let (input, shown, dial) = (
                c[0].as_str().unwrap_or_default(),
                c[1].as_str(),
                c[2].as_str(),
            );
            let got = read_hotline(input).ok();
            assert_eq!(got.as_ref().map(|h| h.display.as_str()), shown, "{input:?}");
            assert_eq!(got.as_ref().map(|h| h.dial.as_str()), dial, "{input:?}");
        }
    }

    #[test]
    fn the_widgets_reading_dials_the_same_numbers() {
        for s in [
            "1900 1234",
            "113",
            "0239 3856 789",
            "+84 24 3825 3535",
            "0912 345 678",
        ] {
            let (a, b) = (check_hotline(s), read_hotline(s));
            assert!(a.is_ok(), "{s}");
            assert_eq!(a.map(|h| h.dial), b.map(|h| h.dial), "{s}");
        }
        assert!(read_hotline("javascript:alert(1)").is_err());
        assert!(read_hotline("12345").is_err());
    }

    #[test]
    fn service_and_short_numbers_are_hotlines() {
        assert_eq!(
            kind("1900 1234"),
            Ok((HotlineKind::Premium, "19001234".into()))
        );
        assert_eq!(
            kind("1800.123456"),
            Ok((HotlineKind::TollFree, "1800123456".into()))
        );
        assert_eq!(kind("1022"), Ok((HotlineKind::Short, "1022".into())));
        assert_eq!(kind("111"), Ok((HotlineKind::Short, "111".into())));
        assert_eq!(kind("113"), Ok((HotlineKind::Short, "113".into())));
        assert_eq!(kind("1900 12345"), Err(HotlineError::ServiceLength));
        assert_eq!(kind("1800"), Err(HotlineError::ServiceLength));
        assert_eq!(kind("119"), Err(HotlineError::Short));
        assert_eq!(kind("2022"), Err(HotlineError::Short));
        // The citizen's phone field refuses them, rightly.
        assert!(check_phone("1900 1234", PhoneKind::Any).result.is_err());
        assert!(check_phone("1022", PhoneKind::Any).result.is_err());
    }

    #[test]
    fn landlines_and_mobiles() {
        let h = check_hotline("  0239  3856 789 ").ok();
        assert_eq!(
            h,
            Some(Hotline {
                display: "0239 3856 789".into(),
                dial: "02393856789".into(),
                kind: HotlineKind::Landline
            })
        );
        assert_eq!(
            kind("+84 24 3825 3535"),
            Ok((HotlineKind::Landline, "02438253535".into()))
        );
        assert_eq!(
            kind("0912 345 678"),
            Ok((HotlineKind::Mobile, "0912345678".into()))
        );
        assert_eq!(kind("3856 789"), Err(HotlineError::Number));
        assert_eq!(kind("0199 345 678"), Err(HotlineError::Number));
        assert_eq!(kind("gọi 113"), Err(HotlineError::Chars));
        assert_eq!(kind(""), Err(HotlineError::Chars));
        assert_eq!(kind("+1022"), Err(HotlineError::Number));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            if let Ok(h) = check_hotline(&s) {
                proptest::prop_assert!(h.dial.bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }
}

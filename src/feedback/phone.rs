//! Vietnamese phone numbers: mobile and landline, from data tables, normalised to `0…`.
//!
//! Why tables and not a regex: number ranges change (030x/031x/051x were added recently) and
//! the popular validator.js regex is both stale and wrong (it accepts 0520x, 0890x, 0992x and
//! even `07|1234567`). The tables below transcribe libphonenumber 9.0.43's Vietnam metadata,
//! the most trusted public source, so a reviewer can diff them line by line:
//!
//! * mobile: `121[0-3]\d{5}|(?:1[46]0|(?:3\d|7[06-9])\d|5(?:[1689]\d|2[238]|59)|8(?:[1-8]\d|9[6-9])|9(?:[0-8]\d|9[013-9]))\d{6}`
//! * fixed line: `2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}`
//!
//! Deliberate differences from libphonenumber (documented in docs/phan-anh-format.md):
//! * the machine-to-machine ranges 0121[0-3], 0140 and 0160 are in the table but **refused**
//!   (`mobile_m2m`): nobody answers an agency's call on an IoT SIM, and 0121x is easily a
//!   mistyped dead 11-digit 0121 number;
//! * service numbers 1800/1900 are **refused** as a contact number (`phone_service`): the agency
//!   cannot call a citizen back on a hotline, and 1900 calls are charged.
//!
//! Accepted input: `0…`, `+84…`, `84…`, `0084…`, `(+84)`, `+84 (0)…`, with spaces, dots, hyphens
//! and brackets; invisible characters are removed with a notice; full-width digits are read as
//! digits. Old 11-digit mobile numbers (dead since the 2018 conversion) are refused with the new
//! number suggested.

use super::check::{Issue, Outcome};
use super::clean;

/// What a mobile range is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeUse {
    /// A number a person carries.
    Personal,
    /// Machine-to-machine / IoT SIMs (refused, see module docs).
    M2m,
}

/// One mobile number range: national prefix (with the leading 0) of 10-digit numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MobileRange {
    /// National prefix including the leading `0`, e.g. `"0912"` is matched by `"091"`.
    pub prefix: &'static str,
    /// Carrier that was allocated the range (informative only: numbers are portable).
    pub carrier: &'static str,
    /// Personal or M2M.
    pub usage: RangeUse,
}

const fn personal(prefix: &'static str, carrier: &'static str) -> MobileRange {
    MobileRange {
        prefix,
        carrier,
        usage: RangeUse::Personal,
    }
}

const fn m2m(prefix: &'static str, carrier: &'static str) -> MobileRange {
    MobileRange {
        prefix,
        carrier,
        usage: RangeUse::M2m,
    }
}

/// Every 10-digit mobile range of libphonenumber 9.0.43 (VN), with its carrier attribution.
pub const MOBILE_RANGES: &[MobileRange] = &[
    m2m("01210", "MobiFone"),
    m2m("01211", "MobiFone"),
    m2m("01212", "MobiFone"),
    m2m("01213", "MobiFone"),
    m2m("0140", "MobiFone"),
    m2m("0160", "Viettel"),
    personal("030", "MobiFone"),
    personal("031", "Viettel"),
    personal("032", "Viettel"),
    personal("033", "Viettel"),
    personal("034", "Viettel"),
    personal("035", "Viettel"),
    personal("036", "Viettel"),
    personal("037", "Viettel"),
    personal("038", "Viettel"),
    personal("039", "Viettel"),
    personal("051", "MobiFone"),
    personal("0522", "Vietnamobile"),
    personal("0523", "Vietnamobile"),
    personal("0528", "Vietnamobile"),
    personal("0559", "Reddi"),
    personal("056", "Vietnamobile"),
    personal("058", "Vietnamobile"),
    personal("059", "Gmobile"),
    personal("070", "MobiFone"),
    personal("076", "MobiFone"),
    personal("077", "MobiFone"),
    personal("078", "MobiFone"),
    personal("079", "MobiFone"),
    personal("081", "Vinaphone"),
    personal("082", "Vinaphone"),
    personal("083", "Vinaphone"),
    personal("084", "Vinaphone"),
    personal("085", "Vinaphone"),
    personal("086", "Viettel"),
    personal("087", "Vinaphone"),
    personal("088", "Vinaphone"),
    personal("0896", "MobiFone"),
    personal("0897", "MobiFone"),
    personal("0898", "MobiFone"),
    personal("0899", "MobiFone"),
    personal("090", "MobiFone"),
    personal("091", "Vinaphone"),
    personal("092", "Vietnamobile"),
    personal("093", "MobiFone"),
    personal("094", "Vinaphone"),
    personal("095", ""),
    personal("096", "Viettel"),
    personal("097", "Viettel"),
    personal("098", "Viettel"),
    personal("0990", ""),
    personal("0991", ""),
    personal("0993", "Gmobile"),
    personal("0994", "Gmobile"),
    personal("0995", "Gmobile"),
    personal("0996", "Gmobile"),
    personal("0997", "Gmobile"),
    personal("0998", "Itelecom"),
    personal("0999", "Itelecom"),
];

/// The 2018 conversion of 11-digit mobile numbers (QĐ 798/QĐ-BTTTT): old 4-digit prefix → new
/// 3-digit prefix; the 7 subscriber digits are kept.
pub const OLD_MOBILE_PREFIXES: &[(&str, &str)] = &[
    ("0120", "070"),
    ("0121", "079"),
    ("0122", "077"),
    ("0126", "076"),
    ("0128", "078"),
    ("0123", "083"),
    ("0124", "084"),
    ("0125", "085"),
    ("0127", "081"),
    ("0129", "082"),
    ("0162", "032"),
    ("0163", "033"),
    ("0164", "034"),
    ("0165", "035"),
    ("0166", "036"),
    ("0167", "037"),
    ("0168", "038"),
    ("0169", "039"),
    ("0186", "056"),
    ("0188", "058"),
    ("0199", "059"),
];

/// Landline area prefixes (4 digits with the 0; Hà Nội 024 and TP.HCM 028 list their first
/// subscriber digit, as libphonenumber does) of 11-digit fixed-line numbers. Area codes are still
/// those of the 63 provinces before the 2025 merger.
pub const LANDLINE_AREAS: &[(&str, &str)] = &[
    ("0203", "Quảng Ninh"),
    ("0204", "Bắc Giang"),
    ("0205", "Lạng Sơn"),
    ("0206", "Cao Bằng"),
    ("0207", "Tuyên Quang"),
    ("0208", "Thái Nguyên"),
    ("0209", "Bắc Kạn"),
    ("0210", "Phú Thọ"),
    ("0211", "Vĩnh Phúc"),
    ("0212", "Sơn La"),
    ("0213", "Lai Châu"),
    ("0214", "Lào Cai"),
    ("0215", "Điện Biên"),
    ("0216", "Yên Bái"),
    ("0218", "Hòa Bình"),
    ("0219", "Hà Giang"),
    ("0220", "Hải Dương"),
    ("0221", "Hưng Yên"),
    ("0222", "Bắc Ninh"),
    ("0225", "Hải Phòng"),
    ("0226", "Hà Nam"),
    ("0227", "Thái Bình"),
    ("0228", "Nam Định"),
    ("0229", "Ninh Bình"),
    ("0232", "Quảng Bình"),
    ("0233", "Quảng Trị"),
    ("0234", "Thừa Thiên Huế"),
    ("0235", "Quảng Nam"),
    ("0236", "Đà Nẵng"),
    ("0237", "Thanh Hóa"),
    ("0238", "Nghệ An"),
    ("0239", "Hà Tĩnh"),
    ("0242", "Hà Nội"),
    ("0243", "Hà Nội"),
    ("0244", "Hà Nội"),
    ("0245", "Hà Nội"),
    ("0246", "Hà Nội"),
    ("0247", "Hà Nội"),
    ("0248", "Hà Nội"),
    ("0251", "Đồng Nai"),
    ("0252", "Bình Thuận"),
    ("0254", "Bà Rịa - Vũng Tàu"),
    ("0255", "Quảng Ngãi"),
    ("0256", "Bình Định"),
    ("0257", "Phú Yên"),
    ("0258", "Khánh Hòa"),
    ("0259", "Ninh Thuận"),
    ("0260", "Kon Tum"),
    ("0261", "Đắk Nông"),
    ("0262", "Đắk Lắk"),
    ("0263", "Lâm Đồng"),
    ("0269", "Gia Lai"),
    ("0270", "Vĩnh Long"),
    ("0271", "Bình Phước"),
    ("0272", "Long An"),
    ("0273", "Tiền Giang"),
    ("0274", "Bình Dương"),
    ("0275", "Bến Tre"),
    ("0276", "Tây Ninh"),
    ("0277", "Đồng Tháp"),
    ("0282", "TP. Hồ Chí Minh"),
    ("0283", "TP. Hồ Chí Minh"),
    ("0284", "TP. Hồ Chí Minh"),
    ("0285", "TP. Hồ Chí Minh"),
    ("0286", "TP. Hồ Chí Minh"),
    ("0287", "TP. Hồ Chí Minh"),
    ("0288", "TP. Hồ Chí Minh"),
    ("0289", "TP. Hồ Chí Minh"),
    ("0290", "Cà Mau"),
    ("0291", "Bạc Liêu"),
    ("0292", "Cần Thơ"),
    ("0293", "Hậu Giang"),
    ("0294", "Trà Vinh"),
    ("0296", "An Giang"),
    ("0297", "Kiên Giang"),
    ("0299", "Sóc Trăng"),
];

/// Which numbers a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// 10-digit mobile numbers only.
    Mobile,
    /// 11-digit landline numbers only.
    Landline,
    /// Either.
    Any,
}

/// The mobile range a 10-digit national number (`0…`) falls in (longest prefix wins).
pub fn mobile_range(national: &str) -> Option<&'static MobileRange> {
    if national.len() != 10 {
        return None;
    }
    MOBILE_RANGES
        .iter()
        .filter(|r| national.starts_with(r.prefix))
        .max_by_key(|r| r.prefix.len())
}

/// The landline area of an 11-digit national number (`02…`).
pub fn landline_area(national: &str) -> Option<&'static str> {
    if national.len() != 11 {
        return None;
    }
    LANDLINE_AREAS
        .iter()
        .find(|(p, _)| national.starts_with(p))
        .map(|(_, area)| *area)
}

/// The 10-digit number an old 11-digit mobile number became in 2018, if it had an old prefix.
pub fn converted_old_mobile(national: &str) -> Option<(&'static str, &'static str, String)> {
    if national.len() != 11 {
        return None;
    }
    let (old, new) = OLD_MOBILE_PREFIXES
        .iter()
        .find(|(old, _)| national.starts_with(old))?;
    let subscriber = national.get(4..)?;
    Some((old, new, crate::text::cat(&[new, subscriber])))
}

/// Checks a phone number of the given kind.
pub fn check_phone(input: &str, kind: PhoneKind) -> Outcome {
    let (cleaned, notice) = clean::strip_invisible(&clean::ascii_digits(input));
    let result = to_national(&cleaned, kind).and_then(|national| classify(&national, kind));
    match result {
        Ok(n) => Outcome::ok(n).noticed(notice),
        Err((issue, suggestion)) => {
            let mut out = Outcome::err(issue).noticed(notice);
            out.suggestion = suggestion;
            out
        }
    }
}

type PhoneError = (Issue, Option<String>);

fn length_issue(kind: PhoneKind) -> PhoneError {
    let code = match kind {
        PhoneKind::Mobile => "mobile_length",
        _ => "phone_length",
    };
    (Issue::new(code), None)
}

/// Strips separators and the country code; returns the national number starting with `0`
/// (or the bare digits when there is no recognisable prefix, to be refused by [`classify`]).
fn to_national(s: &str, kind: PhoneKind) -> Result<String, PhoneError> {
    let trimmed = s.trim();
    if clean::char_len(trimmed) > 40 {
        return Err(length_issue(kind));
    }
    let mut digits = String::new();
    let mut plus = false;
    for c in trimmed.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' | '\u{2010}'..='\u{2013}' => {}
            _ if c.is_whitespace() => {}
            _ => return Err((Issue::new("phone_chars"), None)),
        }
    }
    if digits.is_empty() {
        return Err((Issue::new("phone_chars"), None));
    }
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    if let Some(rest) = international {
        let national = rest
            .strip_prefix("84")
            .ok_or((Issue::new("phone_foreign"), None))?;
        return Ok(national0(national));
    }
    if digits.starts_with('0') {
        return Ok(digits);
    }
    if digits.starts_with("1800") || digits.starts_with("1900") {
        return Err((
            Issue::new("phone_service").with("prefix", digits.get(..4).unwrap_or("")),
            None,
        ));
    }
    match digits.strip_prefix("84") {
        Some(rest) if rest.len() >= 9 => Ok(national0(rest)),
        _ => Ok(digits),
    }
}

/// `rest` (digits after the country code) as a national number: one leading `0`.
fn national0(rest: &str) -> String {
    let mut out = String::from("0");
    out.push_str(rest.strip_prefix('0').unwrap_or(rest));
    out
}

/// Decides what a national number is and whether `kind` accepts it.
fn classify(national: &str, kind: PhoneKind) -> Result<String, PhoneError> {
    if !national.starts_with('0') {
        return Err(length_issue(kind));
    }
    let prefix3 = national.get(..3).unwrap_or(national).to_string();
    match national.len() {
        10 => match mobile_range(national) {
            Some(_) if kind == PhoneKind::Landline => {
                Err((Issue::new("landline_area").with("prefix", prefix3), None))
            }
            Some(r) if r.usage == RangeUse::Personal => Ok(national.to_string()),
            Some(r) => Err((Issue::new("mobile_m2m").with("prefix", r.prefix), None)),
            None if national.starts_with("02") => Err(length_issue(kind)),
            None => Err((Issue::new("mobile_prefix").with("prefix", prefix3), None)),
        },
        11 => classify_eleven(national, kind, prefix3),
        _ => Err(length_issue(kind)),
    }
}

fn classify_eleven(national: &str, kind: PhoneKind, prefix3: String) -> Result<String, PhoneError> {
    if let Some((old, new, suggestion)) = converted_old_mobile(national) {
        let issue = Issue::new("mobile_old_prefix")
            .with("old", old)
            .with("new", new)
            .with("suggestion", suggestion.clone());
        return Err((issue, Some(suggestion)));
    }
    if !national.starts_with("02") {
        return Err(length_issue(kind));
    }
    if kind == PhoneKind::Mobile {
        return Err((Issue::new("mobile_is_landline"), None));
    }
    match landline_area(national) {
        Some(_) => Ok(national.to_string()),
        None => {
            let area = national.get(..4).unwrap_or(&prefix3).to_string();
            Err((Issue::new("landline_area").with("prefix", area), None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str, kind: PhoneKind) -> String {
        match check_phone(input, kind).result {
            Ok(n) => n,
            Err(e) => panic!("{input:?} refused: {e:?}"),
        }
    }

    fn code(input: &str, kind: PhoneKind) -> &'static str {
        match check_phone(input, kind).result {
            Ok(n) => panic!("{input:?} accepted as {n}"),
            Err(e) => e.code,
        }
    }

    #[test]
    fn every_personal_range_is_accepted_in_every_input_form() {
        for r in MOBILE_RANGES
            .iter()
            .filter(|r| r.usage == RangeUse::Personal)
        {
            let national = format!("{}{}", r.prefix, &"1234567"[..10 - r.prefix.len()]);
            assert_eq!(national.len(), 10);
            let rest = &national[1..];
            for input in [
                national.clone(),
                format!("+84{rest}"),
                format!("84{rest}"),
                format!("0084{rest}"),
                format!("(+84) {rest}"),
                format!("+84 (0){rest}"),
                format!("{}.{}.{}", &national[..4], &national[4..7], &national[7..]),
                format!("{}-{}-{}", &national[..4], &national[4..7], &national[7..]),
            ] {
                assert_eq!(ok(&input, PhoneKind::Mobile), national, "{input}");
                assert_eq!(ok(&input, PhoneKind::Any), national, "{input}");
            }
        }
    }

    #[test]
    fn research_carrier_table() {
        let cases = [
            ("0321234567", "Viettel"),
            ("0391234567", "Viettel"),
            ("0861234567", "Viettel"),
            ("0961234567", "Viettel"),
            ("0971234567", "Viettel"),
            ("0981234567", "Viettel"),
            ("0311234567", "Viettel"),
            ("0301234567", "MobiFone"),
            ("0511234567", "MobiFone"),
            ("0701234567", "MobiFone"),
            ("0791234567", "MobiFone"),
            ("0896123456", "MobiFone"),
            ("0901234567", "MobiFone"),
            ("0931234567", "MobiFone"),
            ("0811234567", "Vinaphone"),
            ("0871234567", "Vinaphone"),
            ("0881234567", "Vinaphone"),
            ("0911234567", "Vinaphone"),
            ("0941234567", "Vinaphone"),
            ("0522123456", "Vietnamobile"),
            ("0561234567", "Vietnamobile"),
            ("0921234567", "Vietnamobile"),
            ("0559123456", "Reddi"),
            ("0591234567", "Gmobile"),
            ("0993123456", "Gmobile"),
            ("0998123456", "Itelecom"),
            ("0951234567", ""),
        ];
        for (n, carrier) in cases {
            assert_eq!(mobile_range(n).map(|r| r.carrier), Some(carrier), "{n}");
            assert_eq!(ok(n, PhoneKind::Mobile), n);
        }
    }

    #[test]
    fn validator_js_false_accepts_are_refused() {
        for n in [
            "0520123456",
            "0521123456",
            "0524123456",
            "0527123456",
            "0529123456",
            "0550123456",
            "0558123456",
            "0890123456",
            "0895123456",
            "0992123456",
            "0601234567",
            "0101234567",
        ] {
            assert_eq!(code(n, PhoneKind::Mobile), "mobile_prefix", "{n}");
        }
        assert_eq!(code("07|1234567", PhoneKind::Mobile), "phone_chars");
        assert_eq!(
            code("0201234567", PhoneKind::Mobile),
            "mobile_length",
            "a landline missing a digit"
        );
    }

    #[test]
    fn old_eleven_digit_numbers_suggest_the_new_number() {
        let cases = [
            ("01623456789", "0323456789"),
            ("0169 345 6789", "0393456789"),
            ("01203456789", "0703456789"),
            ("01213456789", "0793456789"),
            ("01223456789", "0773456789"),
            ("01263456789", "0763456789"),
            ("01283456789", "0783456789"),
            ("01233456789", "0833456789"),
            ("01243456789", "0843456789"),
            ("01253456789", "0853456789"),
            ("01273456789", "0813456789"),
            ("01293456789", "0823456789"),
            ("01863456789", "0563456789"),
            ("01883456789", "0583456789"),
            ("01993456789", "0593456789"),
            ("+84 1653456789", "0353456789"),
        ];
        for (old, new) in cases {
            let out = check_phone(old, PhoneKind::Mobile);
            assert_eq!(out.suggestion.as_deref(), Some(new), "{old}");
            assert_eq!(out.result.err().map(|e| e.code), Some("mobile_old_prefix"));
            assert_eq!(
                ok(new, PhoneKind::Mobile),
                new,
                "the suggestion must itself be valid"
            );
        }
    }

    #[test]
    fn machine_ranges_are_refused() {
        for n in ["0121012345", "0140123456", "0160123456"] {
            assert_eq!(code(n, PhoneKind::Any), "mobile_m2m", "{n}");
        }
    }

    #[test]
    fn landlines() {
        assert_eq!(ok("024 3825 3535", PhoneKind::Any), "02438253535");
        assert_eq!(ok("(028) 3829 1234", PhoneKind::Any), "02838291234");
        assert_eq!(ok("0203.3825.123", PhoneKind::Any), "02033825123");
        assert_eq!(ok("+84 236 3821 234", PhoneKind::Landline), "02363821234");
        assert_eq!(landline_area("02033825123"), Some("Quảng Ninh"));
        assert_eq!(code("02438253535", PhoneKind::Mobile), "mobile_is_landline");
        assert_eq!(code("0912345678", PhoneKind::Landline), "landline_area");
        assert_eq!(code("02178253535", PhoneKind::Any), "landline_area");
        assert_eq!(code("02418253535", PhoneKind::Any), "landline_area");
        assert_eq!(code("0243825353", PhoneKind::Any), "phone_length");
    }

    #[test]
    fn other_refusals() {
        assert_eq!(code("1900 1234", PhoneKind::Any), "phone_service");
        assert_eq!(code("18001091", PhoneKind::Any), "phone_service");
        assert_eq!(code("+1 202 555 0100", PhoneKind::Any), "phone_foreign");
        assert_eq!(code("0033 1 23 45 67 89", PhoneKind::Any), "phone_foreign");
        assert_eq!(code("912345678", PhoneKind::Mobile), "mobile_length");
        assert_eq!(code("091234567", PhoneKind::Mobile), "mobile_length");
        assert_eq!(code("09123456789", PhoneKind::Mobile), "mobile_length");
        assert_eq!(code("", PhoneKind::Mobile), "phone_chars");
        assert_eq!(code("09l2345678", PhoneKind::Mobile), "phone_chars");
        assert_eq!(code("091+2345678", PhoneKind::Mobile), "phone_chars");
        assert_eq!(
            code(&"9".repeat(100_000), PhoneKind::Mobile),
            "mobile_length"
        );
    }

    #[test]
    fn invisible_characters_are_removed_with_a_notice() {
        let out = check_phone("\u{200B}0912\u{202E}345678\u{FEFF}", PhoneKind::Mobile);
        assert_eq!(out.result, Ok("0912345678".to_string()));
        assert_eq!(
            out.warnings.first().map(|w| w.code),
            Some("invisible_removed")
        );
        assert_eq!(ok("０９１２３４５６７８", PhoneKind::Mobile), "0912345678");
    }
}

//! CCCD (căn cước công dân / số định danh cá nhân) and, where a schema allows it, the old CMND.
//!
//! A CCCD number has 12 digits and no check digit (Thông tư 07/2016/TT-BCA Điều 7, restated in
//! TT 59/2021/TT-BCA Điều 4; Luật Căn cước 2023 Điều 12):
//!
//! | digits | meaning |
//! |---|---|
//! | 1–3 | code of the province where the birth was registered (`0` + old GSO code of the 63 provinces) |
//! | 4 | century and sex: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9 |
//! | 5–6 | last two digits of the birth year |
//! | 7–12 | random |
//!
//! So the validator can check the shape, that the birth year is not in the future (relative to
//! a `today` parameter), and that it matches a date of birth when the form has one. An unknown
//! province code is only a **warning**: births registered abroad use country codes that are not
//! published with the 63 province codes, and codes never change after the 2025 merger.
//! The 9-digit CMND stopped being valid on 01/01/2025 (Luật Căn cước 2023); it is accepted only
//! when the schema says so, with a notice.

use super::check::{Issue, Outcome};
use super::clean;
use super::date::Date;

/// CCCD birth-registration province codes (Thông tư 07/2016/TT-BCA, Phụ lục): the 63 provinces
/// before the 2025 merger. Numbers issued before the merger keep their code.
pub const CCCD_PROVINCES: &[(&str, &str)] = &[
    ("001", "Hà Nội"),
    ("002", "Hà Giang"),
    ("004", "Cao Bằng"),
    ("006", "Bắc Kạn"),
    ("008", "Tuyên Quang"),
    ("010", "Lào Cai"),
    ("011", "Điện Biên"),
    ("012", "Lai Châu"),
    ("014", "Sơn La"),
    ("015", "Yên Bái"),
    ("017", "Hòa Bình"),
    ("019", "Thái Nguyên"),
    ("020", "Lạng Sơn"),
    ("022", "Quảng Ninh"),
    ("024", "Bắc Giang"),
    ("025", "Phú Thọ"),
    ("026", "Vĩnh Phúc"),
    ("027", "Bắc Ninh"),
    ("030", "Hải Dương"),
    ("031", "Hải Phòng"),
    ("033", "Hưng Yên"),
    ("034", "Thái Bình"),
    ("035", "Hà Nam"),
    ("036", "Nam Định"),
    ("037", "Ninh Bình"),
    ("038", "Thanh Hóa"),
    ("040", "Nghệ An"),
    ("042", "Hà Tĩnh"),
    ("044", "Quảng Bình"),
    ("045", "Quảng Trị"),
    ("046", "Thừa Thiên Huế"),
    ("048", "Đà Nẵng"),
    ("049", "Quảng Nam"),
    ("051", "Quảng Ngãi"),
    ("052", "Bình Định"),
    ("054", "Phú Yên"),
    ("056", "Khánh Hòa"),
    ("058", "Ninh Thuận"),
    ("060", "Bình Thuận"),
    ("062", "Kon Tum"),
    ("064", "Gia Lai"),
    ("066", "Đắk Lắk"),
    ("067", "Đắk Nông"),
    ("068", "Lâm Đồng"),
    ("070", "Bình Phước"),
    ("072", "Tây Ninh"),
    ("074", "Bình Dương"),
    ("075", "Đồng Nai"),
    ("077", "Bà Rịa - Vũng Tàu"),
    ("079", "TP. Hồ Chí Minh"),
    ("080", "Long An"),
    ("082", "Tiền Giang"),
    ("083", "Bến Tre"),
    ("084", "Trà Vinh"),
    ("086", "Vĩnh Long"),
    ("087", "Đồng Tháp"),
    ("089", "An Giang"),
    ("091", "Kiên Giang"),
    ("092", "Cần Thơ"),
    ("093", "Hậu Giang"),
    ("094", "Sóc Trăng"),
    ("095", "Bạc Liêu"),
    ("096", "Cà Mau"),
];

/// Sex encoded in the 4th digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// Even digit.
    Male,
    /// Odd digit.
    Female,
}

/// What a valid 12-digit CCCD number says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CccdInfo {
    /// Birth-registration province name, if the code is one of the 63.
    pub province: Option<&'static str>,
    /// Birth year from digits 4–6.
    pub birth_year: i32,
    /// Sex from digit 4.
    pub sex: Sex,
}

/// Options a schema sets for an identity field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CccdOptions {
    /// Accept the old 9-digit CMND.
    pub allow_cmnd: bool,
    /// Date of birth entered elsewhere in the form, to cross-check.
    pub dob: Option<Date>,
}

/// Decodes digits 1–6 of a 12-digit string of ASCII digits.
pub fn decode(digits: &str) -> Option<CccdInfo> {
    if digits.len() != 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code = digits.get(..3)?;
    let num = |s: &str| i32::try_from(crate::num::digits(s)?).ok();
    let century_sex = num(digits.get(3..4)?)?;
    let yy = num(digits.get(4..6)?)?;
    Some(CccdInfo {
        province: CCCD_PROVINCES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n),
        birth_year: 1900 + (century_sex / 2) * 100 + yy,
        sex: if century_sex % 2 == 0 {
            Sex::Male
        } else {
            Sex::Female
        },
    })
}

/// Checks a CCCD (or CMND when allowed) number; normalised to its bare digits.
pub fn check_cccd(input: &str, opts: CccdOptions, today: Date) -> Outcome {
    let (cleaned, notice) = clean::strip_invisible(&clean::ascii_digits(input));
    let outcome = match bare_digits(&cleaned) {
        None => Outcome::err(Issue::new("cccd_chars")),
        Some(d) => check_digits(d, opts, today),
    };
    outcome.noticed(notice)
}

/// The digits once spaces, dots and hyphens are dropped; `None` if anything else is present.
fn bare_digits(s: &str) -> Option<String> {
    if clean::char_len(s) > 40 {
        return Some("0".repeat(41));
    }
    let mut out = String::new();
    for c in s.trim().chars() {
        match c {
            '0'..='9' => out.push(c),
            '.' | '-' => {}
            _ if c.is_whitespace() => {}
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

fn check_digits(d: String, opts: CccdOptions, today: Date) -> Outcome {
    match d.len() {
        12 => check_twelve(d, opts, today),
        9 if opts.allow_cmnd => Outcome::ok(d).warn(vec![Issue::new("cmnd_expired")]),
        9 => Outcome::err(Issue::new("cmnd_not_allowed")),
        n => {
            let code = if opts.allow_cmnd {
                "cccd_length_cmnd"
            } else {
                "cccd_length"
            };
            Outcome::err(Issue::new(code).with_num("count", n as u64))
        }
    }
}

fn check_twelve(d: String, opts: CccdOptions, today: Date) -> Outcome {
    let Some(info) = decode(&d) else {
        return Outcome::err(Issue::new("cccd_chars"));
    };
    if info.birth_year > today.year() {
        return Outcome::err(Issue::new("cccd_future_year").with_num("year", info.birth_year));
    }
    if let Some(dob) = opts.dob.filter(|dob| dob.year() != info.birth_year) {
        return Outcome::err(
            Issue::new("cccd_dob_mismatch")
                .with_num("year", info.birth_year)
                .with("dob", dob.to_vi()),
        );
    }
    let mut warnings = Vec::new();
    if info.province.is_none() {
        warnings.push(Issue::new("cccd_unknown_province").with("code", d.get(..3).unwrap_or("")));
    }
    Outcome::ok(d).warn(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = match Date::new(2025, 8, 15) {
        Some(d) => d,
        None => panic!("invalid test date"),
    };
    const STRICT: CccdOptions = CccdOptions {
        allow_cmnd: false,
        dob: None,
    };

    fn code(s: &str, opts: CccdOptions) -> Option<&'static str> {
        check_cccd(s, opts, TODAY).result.err().map(|e| e.code)
    }

    #[test]
    fn every_century_digit() {
        let cases = [
            ('0', 1990, Sex::Male),
            ('1', 1990, Sex::Female),
            ('2', 2090, Sex::Male),
            ('3', 2090, Sex::Female),
            ('4', 2190, Sex::Male),
            ('5', 2190, Sex::Female),
            ('6', 2290, Sex::Male),
            ('7', 2290, Sex::Female),
            ('8', 2390, Sex::Male),
            ('9', 2390, Sex::Female),
        ];
        for (digit, year, sex) in cases {
            let number = format!("001{digit}90123456");
            let info = decode(&number).expect("12 digits");
            assert_eq!((info.birth_year, info.sex), (year, sex), "{number}");
            let out = check_cccd(&number, STRICT, TODAY);
            if year <= 2025 {
                assert_eq!(out.result, Ok(number.clone()));
            } else {
                assert_eq!(
                    out.result.map_err(|e| e.code),
                    Err("cccd_future_year"),
                    "{number}"
                );
            }
        }
        assert_eq!(code("001225123456", STRICT), None, "born 2025, this year");
        assert_eq!(code("001226123456", STRICT), Some("cccd_future_year"));
    }

    #[test]
    fn provinces_and_spacing() {
        let out = check_cccd(" 079 085 012 345 ", STRICT, TODAY);
        assert_eq!(out.result, Ok("079085012345".to_string()));
        assert!(out.warnings.is_empty());
        assert_eq!(
            decode("079085012345").and_then(|i| i.province),
            Some("TP. Hồ Chí Minh")
        );
        assert_eq!(CCCD_PROVINCES.len(), 63);
        let unknown = check_cccd("003085012345", STRICT, TODAY);
        assert!(unknown.result.is_ok());
        assert_eq!(
            unknown.warnings.first().map(|w| w.code),
            Some("cccd_unknown_province")
        );
    }

    #[test]
    fn date_of_birth_must_match() {
        let opts = |dob| CccdOptions {
            allow_cmnd: false,
            dob: Date::new(dob, 5, 1),
        };
        assert_eq!(code("001185012345", opts(1985)), None);
        assert_eq!(code("001185012345", opts(1986)), Some("cccd_dob_mismatch"));
        assert_eq!(code("036303012345", opts(2003)), None);
    }

    #[test]
    fn cmnd_only_when_allowed() {
        assert_eq!(code("123456789", STRICT), Some("cmnd_not_allowed"));
        let lax = CccdOptions {
            allow_cmnd: true,
            dob: None,
        };
        let out = check_cccd("123 456 789", lax, TODAY);
        assert_eq!(out.result, Ok("123456789".to_string()));
        assert_eq!(out.warnings.first().map(|w| w.code), Some("cmnd_expired"));
        assert_eq!(code("1234567890", lax), Some("cccd_length_cmnd"));
    }

    #[test]
    fn refusals() {
        assert_eq!(code("00108501234", STRICT), Some("cccd_length"));
        assert_eq!(code("0010850123456", STRICT), Some("cccd_length"));
        assert_eq!(code("00108501234a", STRICT), Some("cccd_chars"));
        assert_eq!(code("", STRICT), Some("cccd_chars"));
        assert_eq!(code(&"1".repeat(100_000), STRICT), Some("cccd_length"));
    }
}

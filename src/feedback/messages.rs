//! The catalogue of built-in messages, Vietnamese first, English second (the English only in
//! native builds: the wasm looks the Vietnamese up in the page's language catalogue).
//!
//! One place for every word a citizen reads from the validators, so that reviewers check the
//! wording once and an agency can override any message by its code (see the schema's
//! `messages`). Templates use `{name}` placeholders filled from [`super::check::Issue`] params;
//! an unknown placeholder is left as written, a missing code falls back to a generic message.

use crate::i18n::{Lang, Msg};

/// `(code, message)` for every code a validator or the form can produce.
const CATALOGUE: &[(&str, Msg)] = &[
    // Presence
    ("required", msg!("Vui lòng nhập {label}.", "Enter {label}.")),
    ("required_choice", msg!("Vui lòng chọn {label}.", "Select {label}.")),
    (
        "required_consent",
        msg!(
            "Vui lòng đánh dấu vào ô xác nhận để tiếp tục.",
            "Select the box to confirm and continue."
        ),
    ),
    ("required_file", msg!("Vui lòng chọn tệp {label}.", "Select a file for {label}.")),
    ("empty", msg!("Chưa nhập giá trị.", "Nothing was entered.")),
    (
        "wrong_type",
        msg!(
            "Giá trị của trường này không hợp lệ.",
            "The value of this field is not valid."
        ),
    ),
    // Length and hygiene
    (
        "too_long",
        msg!(
            "Chỉ được nhập tối đa {max} ký tự (bạn đã nhập {count} ký tự).",
            "Must be {max} characters or fewer (you entered {count})."
        ),
    ),
    (
        "too_short",
        msg!(
            "Cần nhập ít nhất {min} ký tự (bạn đã nhập {count} ký tự).",
            "Must be at least {min} characters (you entered {count})."
        ),
    ),
    (
        "markup",
        msg!(
            "Vui lòng không nhập mã HTML hoặc thẻ như “{tag}”.",
            "Remove HTML code or tags such as “{tag}”."
        ),
    ),
    (
        "emoji",
        msg!(
            "Vui lòng bỏ biểu tượng cảm xúc hoặc ký tự đặc biệt “{char}”.",
            "Remove the emoji or special character “{char}”."
        ),
    ),
    (
        "invisible_removed",
        msg!(
            "Đã bỏ {count} ký tự ẩn (không nhìn thấy được) khỏi nội dung bạn nhập.",
            "{count} invisible characters were removed from what you entered."
        ),
    ),
    // Phone numbers
    (
        "phone_chars",
        msg!(
            "Số điện thoại chỉ gồm chữ số; có thể có +84, dấu cách, dấu chấm, gạch ngang hoặc ngoặc.",
            "A phone number may contain only digits, +84, spaces, dots, hyphens or brackets."
        ),
    ),
    (
        "phone_foreign",
        msg!(
            "Chỉ nhận số điện thoại Việt Nam (+84).",
            "Only Vietnamese phone numbers (+84) are accepted."
        ),
    ),
    (
        "mobile_length",
        msg!(
            "Số điện thoại di động phải có 10 chữ số, ví dụ 0912 345 678.",
            "A mobile number must have 10 digits, for example 0912 345 678."
        ),
    ),
    (
        "mobile_prefix",
        msg!(
            "Đầu số {prefix} không phải đầu số di động Việt Nam.",
            "{prefix} is not a Vietnamese mobile prefix."
        ),
    ),
    (
        "mobile_old_prefix",
        msg!(
            "Đầu số {old} đã đổi thành {new} từ năm 2018. Số mới có thể là {suggestion}.",
            "The prefix {old} became {new} in 2018. The new number may be {suggestion}."
        ),
    ),
    (
        "mobile_m2m",
        msg!(
            "Đầu số {prefix} dành cho thiết bị (M2M), không phải số điện thoại của người dùng.",
            "{prefix} numbers are for machines (M2M), not for people."
        ),
    ),
    (
        "mobile_is_landline",
        msg!(
            "Đây là số máy bàn; vui lòng nhập số di động.",
            "This is a landline number; enter a mobile number."
        ),
    ),
    (
        "phone_length",
        msg!(
            "Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (máy bàn), ví dụ 0912 345 678 hoặc 024 3825 3535.",
            "A phone number must have 10 digits (mobile) or 11 digits (landline), for example 0912 345 678 or 024 3825 3535."
        ),
    ),
    (
        "landline_area",
        msg!(
            "Mã vùng {prefix} không phải mã vùng điện thoại cố định Việt Nam.",
            "{prefix} is not a Vietnamese landline area code."
        ),
    ),
    (
        "phone_service",
        msg!(
            "Số tổng đài {prefix} không dùng để liên hệ lại; vui lòng nhập số di động hoặc số máy bàn.",
            "{prefix} service numbers cannot be used to contact you; enter a mobile or landline number."
        ),
    ),
    // CCCD / CMND
    (
        "cccd_chars",
        msg!(
            "Số CCCD (số định danh cá nhân) chỉ gồm chữ số.",
            "A citizen ID (CCCD) number contains only digits."
        ),
    ),
    (
        "cccd_length",
        msg!(
            "Số CCCD (số định danh cá nhân) phải có đúng 12 chữ số (bạn đã nhập {count}).",
            "A citizen ID (CCCD) number must have exactly 12 digits (you entered {count})."
        ),
    ),
    (
        "cccd_length_cmnd",
        msg!(
            "Nhập số CCCD 12 chữ số hoặc số CMND 9 chữ số (bạn đã nhập {count}).",
            "Enter a 12-digit CCCD or a 9-digit old ID (CMND) number (you entered {count})."
        ),
    ),
    (
        "cmnd_not_allowed",
        msg!(
            "Biểu mẫu này chỉ nhận số CCCD 12 chữ số, không nhận số CMND 9 chữ số.",
            "This form accepts only the 12-digit CCCD, not the 9-digit CMND."
        ),
    ),
    (
        "cmnd_expired",
        msg!(
            "CMND 9 số không còn giá trị sử dụng từ 01/01/2025; nếu có, hãy dùng số CCCD.",
            "The 9-digit CMND is no longer valid since 01/01/2025; use the CCCD number if you have one."
        ),
    ),
    (
        "cccd_future_year",
        msg!(
            "Năm sinh trong số CCCD ({year}) ở sau năm hiện tại; vui lòng kiểm tra lại số.",
            "The birth year in the CCCD number ({year}) is in the future; check the number."
        ),
    ),
    (
        "cccd_unknown_province",
        msg!(
            "Mã nơi đăng ký khai sinh {code} không thuộc 63 mã tỉnh; vui lòng kiểm tra lại nếu bạn sinh ở Việt Nam.",
            "{code} is not one of the 63 province codes; check the number if you were born in Vietnam."
        ),
    ),
    (
        "cccd_dob_mismatch",
        msg!(
            "Năm sinh trong số CCCD ({year}) không khớp với ngày sinh đã nhập ({dob}).",
            "The birth year in the CCCD number ({year}) does not match the date of birth ({dob})."
        ),
    ),
    // Names
    ("name_digit", msg!("Họ tên không được có chữ số.", "A name must not contain digits.")),
    (
        "name_char",
        msg!(
            "Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy (') và gạch nối (-); không được có “{char}”.",
            "A name may contain only letters, spaces, apostrophes (') and hyphens (-), not “{char}”."
        ),
    ),
    (
        "name_punctuation",
        msg!(
            "Dấu nháy, gạch nối hoặc dấu chấm trong họ tên phải đứng sau một chữ cái.",
            "Apostrophes, hyphens and full stops in a name must follow a letter."
        ),
    ),
    // Email
    (
        "email_format",
        msg!(
            "Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.",
            "Enter an email address in the correct format, like name@example.vn."
        ),
    ),
    (
        "email_ascii",
        msg!(
            "Địa chỉ email không được có chữ có dấu hoặc ký tự đặc biệt như “{char}”.",
            "An email address must not contain accented or special characters such as “{char}”."
        ),
    ),
    ("email_typo", msg!("Có phải bạn muốn nhập {suggestion}?", "Did you mean {suggestion}?")),
    // Dates
    (
        "date_format",
        msg!(
            "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 27/03/2007.",
            "Enter the date as day/month/year, for example 27/03/2007."
        ),
    ),
    (
        "date_not_real",
        msg!(
            "Ngày {date} không có thật; vui lòng kiểm tra ngày và tháng.",
            "{date} is not a real date; check the day and month."
        ),
    ),
    ("date_future", msg!("Ngày phải ở trong quá khứ.", "The date must be in the past.")),
    ("date_too_old", msg!("Năm phải từ {min} trở đi.", "The year must be {min} or later.")),
    // Choices and address
    (
        "choice_unknown",
        msg!(
            "Vui lòng chọn một mục trong danh sách.",
            "Select one of the options."
        ),
    ),
    ("address_province", msg!("Vui lòng chọn tỉnh, thành phố.", "Select a province or city.")),
    (
        "address_commune",
        msg!(
            "Vui lòng chọn xã, phường hoặc đặc khu thuộc {province}.",
            "Select a commune, ward or special zone of {province}."
        ),
    ),
    (
        "address_detail",
        msg!(
            "Vui lòng nhập số nhà, đường, thôn, ấp hoặc tổ dân phố.",
            "Enter the house number, street, village or neighbourhood."
        ),
    ),
    // Files
    ("file_type", msg!("Tệp phải có định dạng {types}.", "The selected file must be a {types}.")),
    (
        "file_mime",
        msg!(
            "Loại tệp ({mime}) không khớp với phần mở rộng .{ext} của tệp.",
            "The file type ({mime}) does not match its .{ext} extension."
        ),
    ),
    ("file_size", msg!("Tệp phải nhỏ hơn {max}.", "The selected file must be smaller than {max}.")),
    ("file_empty", msg!("Tệp đã chọn không có nội dung.", "The selected file is empty.")),
    ("file_count", msg!("Chỉ được gửi tối đa {max} tệp.", "You can only send up to {max} files.")),
    ("file_name", msg!("Tên tệp không hợp lệ.", "The file name is not valid.")),
];

/// The built-in template for `code` in `lang` (a generic message for an unknown code).
pub fn builtin(code: &str, lang: Lang) -> &'static str {
    let m = CATALOGUE.iter().find(|(c, _)| *c == code).map_or(
        msg!("Giá trị không hợp lệ.", "The value is not valid."),
        |(_, m)| *m,
    );
    lang.text(m)
}

/// Whether `code` has a built-in message (used by the schema loader to check overrides).
pub fn is_known(code: &str) -> bool {
    CATALOGUE.iter().any(|(c, _)| *c == code)
}

/// All codes in the catalogue, in catalogue order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|(c, _)| *c)
}

/// Fills `{name}` placeholders from `params`; unknown placeholders stay as written.
pub fn render(template: &str, params: &[(&'static str, String)]) -> String {
    fill(template, params, None)
}

/// [`render`] with one more parameter, `{label}`, looked up after `params` (the form passes the
/// field's label this way instead of copying every issue's parameter list).
pub fn render_labelled(template: &str, params: &[(&'static str, String)], label: &str) -> String {
    fill(template, params, Some(label))
}

fn fill(template: &str, params: &[(&'static str, String)], label: Option<&str>) -> String {
    crate::i18n::fill_with(template, &mut |n, out| {
        let value = params
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, v)| v.as_str())
            .or_else(|| label.filter(|_| n == "label"));
        value.map(|v| out.push_str(v)).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_placeholders_and_keeps_unknown_ones() {
        let p = vec![("max", "200".to_string()), ("count", "201".to_string())];
        assert_eq!(
            render("tối đa {max} ký tự ({count}) {x} {", &p),
            "tối đa 200 ký tự (201) {x} {"
        );
    }

    #[test]
    fn the_label_is_looked_up_after_the_params() {
        let p = vec![("max", "5".to_string())];
        assert_eq!(
            render_labelled("{label}: {max} {label} {x}", &p, "họ và tên"),
            "họ và tên: 5 họ và tên {x}"
        );
        let own = vec![("label", "riêng".to_string())];
        assert_eq!(render_labelled("{label}", &own, "chung"), "riêng");
        assert_eq!(render("{label}", &p), "{label}");
    }

    #[test]
    fn every_code_has_both_languages_and_no_duplicate() {
        let mut seen = std::collections::HashSet::new();
        for (code, m) in CATALOGUE {
            assert!(seen.insert(*code), "duplicate code {code}");
            assert!(!m.vi.is_empty() && !m.en.is_empty(), "{code}");
            assert_ne!(m.vi, m.en, "{code} is not translated");
        }
        assert_eq!(builtin("nope", Lang::En), "The value is not valid.");
    }
}

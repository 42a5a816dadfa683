//! The catalogue of built-in messages, Vietnamese first, English second.
//!
//! One place for every word a citizen reads from the validators, so that reviewers check the
//! wording once and an agency can override any message by its code (see the schema's
//! `messages`). Templates use `{name}` placeholders filled from [`super::check::Issue`] params;
//! an unknown placeholder is left as written, a missing code falls back to a generic message.

use crate::i18n::Lang;

/// `(code, vi, en)` for every code a validator or the form can produce.
const CATALOGUE: &[(&str, &str, &str)] = &[
    // Presence
    ("required", "Vui lòng nhập {label}.", "Enter {label}."),
    ("required_choice", "Vui lòng chọn {label}.", "Select {label}."),
    (
        "required_consent",
        "Vui lòng đánh dấu vào ô xác nhận để tiếp tục.",
        "Select the box to confirm and continue.",
    ),
    ("required_file", "Vui lòng chọn tệp {label}.", "Select a file for {label}."),
    ("empty", "Chưa nhập giá trị.", "Nothing was entered."),
    ("wrong_type", "Giá trị của trường này không hợp lệ.", "The value of this field is not valid."),
    // Length and hygiene
    (
        "too_long",
        "Chỉ được nhập tối đa {max} ký tự (bạn đã nhập {count} ký tự).",
        "Must be {max} characters or fewer (you entered {count}).",
    ),
    (
        "too_short",
        "Cần nhập ít nhất {min} ký tự (bạn đã nhập {count} ký tự).",
        "Must be at least {min} characters (you entered {count}).",
    ),
    (
        "markup",
        "Vui lòng không nhập mã HTML hoặc thẻ như “{tag}”.",
        "Remove HTML code or tags such as “{tag}”.",
    ),
    (
        "emoji",
        "Vui lòng bỏ biểu tượng cảm xúc hoặc ký tự đặc biệt “{char}”.",
        "Remove the emoji or special character “{char}”.",
    ),
    (
        "invisible_removed",
        "Đã bỏ {count} ký tự ẩn (không nhìn thấy được) khỏi nội dung bạn nhập.",
        "{count} invisible characters were removed from what you entered.",
    ),
    // Phone numbers
    (
        "phone_chars",
        "Số điện thoại chỉ gồm chữ số; có thể có +84, dấu cách, dấu chấm, gạch ngang hoặc ngoặc.",
        "A phone number may contain only digits, +84, spaces, dots, hyphens or brackets.",
    ),
    (
        "phone_foreign",
        "Chỉ nhận số điện thoại Việt Nam (+84).",
        "Only Vietnamese phone numbers (+84) are accepted.",
    ),
    (
        "mobile_length",
        "Số điện thoại di động phải có 10 chữ số, ví dụ 0912 345 678.",
        "A mobile number must have 10 digits, for example 0912 345 678.",
    ),
    (
        "mobile_prefix",
        "Đầu số {prefix} không phải đầu số di động Việt Nam.",
        "{prefix} is not a Vietnamese mobile prefix.",
    ),
    (
        "mobile_old_prefix",
        "Đầu số {old} đã đổi thành {new} từ năm 2018. Số mới có thể là {suggestion}.",
        "The prefix {old} became {new} in 2018. The new number may be {suggestion}.",
    ),
    (
        "mobile_m2m",
        "Đầu số {prefix} dành cho thiết bị (M2M), không phải số điện thoại của người dùng.",
        "{prefix} numbers are for machines (M2M), not for people.",
    ),
    (
        "mobile_is_landline",
        "Đây là số máy bàn; vui lòng nhập số di động.",
        "This is a landline number; enter a mobile number.",
    ),
    (
        "phone_length",
        "Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (máy bàn), ví dụ 0912 345 678 hoặc 024 3825 3535.",
        "A phone number must have 10 digits (mobile) or 11 digits (landline), for example 0912 345 678 or 024 3825 3535.",
    ),
    (
        "landline_area",
        "Mã vùng {prefix} không phải mã vùng điện thoại cố định Việt Nam.",
        "{prefix} is not a Vietnamese landline area code.",
    ),
    (
        "phone_service",
        "Số tổng đài {prefix} không dùng để liên hệ lại; vui lòng nhập số di động hoặc số máy bàn.",
        "{prefix} service numbers cannot be used to contact you; enter a mobile or landline number.",
    ),
    // CCCD / CMND
    (
        "cccd_chars",
        "Số CCCD (số định danh cá nhân) chỉ gồm chữ số.",
        "A citizen ID (CCCD) number contains only digits.",
    ),
    (
        "cccd_length",
        "Số CCCD (số định danh cá nhân) phải có đúng 12 chữ số (bạn đã nhập {count}).",
        "A citizen ID (CCCD) number must have exactly 12 digits (you entered {count}).",
    ),
    (
        "cccd_length_cmnd",
        "Nhập số CCCD 12 chữ số hoặc số CMND 9 chữ số (bạn đã nhập {count}).",
        "Enter a 12-digit CCCD or a 9-digit old ID (CMND) number (you entered {count}).",
    ),
    (
        "cmnd_not_allowed",
        "Biểu mẫu này chỉ nhận số CCCD 12 chữ số, không nhận số CMND 9 chữ số.",
        "This form accepts only the 12-digit CCCD, not the 9-digit CMND.",
    ),
    (
        "cmnd_expired",
        "CMND 9 số không còn giá trị sử dụng từ 01/01/2025; nếu có, hãy dùng số CCCD.",
        "The 9-digit CMND is no longer valid since 01/01/2025; use the CCCD number if you have one.",
    ),
    (
        "cccd_future_year",
        "Năm sinh trong số CCCD ({year}) ở sau năm hiện tại; vui lòng kiểm tra lại số.",
        "The birth year in the CCCD number ({year}) is in the future; check the number.",
    ),
    (
        "cccd_unknown_province",
        "Mã nơi đăng ký khai sinh {code} không thuộc 63 mã tỉnh; vui lòng kiểm tra lại nếu bạn sinh ở Việt Nam.",
        "{code} is not one of the 63 province codes; check the number if you were born in Vietnam.",
    ),
    (
        "cccd_dob_mismatch",
        "Năm sinh trong số CCCD ({year}) không khớp với ngày sinh đã nhập ({dob}).",
        "The birth year in the CCCD number ({year}) does not match the date of birth ({dob}).",
    ),
    // Names
    (
        "name_digit",
        "Họ tên không được có chữ số.",
        "A name must not contain digits.",
    ),
    (
        "name_char",
        "Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy (') và gạch nối (-); không được có “{char}”.",
        "A name may contain only letters, spaces, apostrophes (') and hyphens (-), not “{char}”.",
    ),
    (
        "name_punctuation",
        "Dấu nháy, gạch nối hoặc dấu chấm trong họ tên phải đứng sau một chữ cái.",
        "Apostrophes, hyphens and full stops in a name must follow a letter.",
    ),
    // Email
    (
        "email_format",
        "Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.",
        "Enter an email address in the correct format, like name@example.vn.",
    ),
    (
        "email_ascii",
        "Địa chỉ email không được có chữ có dấu hoặc ký tự đặc biệt như “{char}”.",
        "An email address must not contain accented or special characters such as “{char}”.",
    ),
    (
        "email_typo",
        "Có phải bạn muốn nhập {suggestion}?",
        "Did you mean {suggestion}?",
    ),
    // Dates
    (
        "date_format",
        "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 27/03/2007.",
        "Enter the date as day/month/year, for example 27/03/2007.",
    ),
    (
        "date_not_real",
        "Ngày {date} không có thật; vui lòng kiểm tra ngày và tháng.",
        "{date} is not a real date; check the day and month.",
    ),
    (
        "date_future",
        "Ngày phải ở trong quá khứ.",
        "The date must be in the past.",
    ),
    (
        "date_too_old",
        "Năm phải từ {min} trở đi.",
        "The year must be {min} or later.",
    ),
    // Choices and address
    (
        "choice_unknown",
        "Vui lòng chọn một mục trong danh sách.",
        "Select one of the options.",
    ),
    (
        "address_province",
        "Vui lòng chọn tỉnh, thành phố.",
        "Select a province or city.",
    ),
    (
        "address_commune",
        "Vui lòng chọn xã, phường hoặc đặc khu thuộc {province}.",
        "Select a commune, ward or special zone of {province}.",
    ),
    (
        "address_detail",
        "Vui lòng nhập số nhà, đường, thôn, ấp hoặc tổ dân phố.",
        "Enter the house number, street, village or neighbourhood.",
    ),
    // Files
    (
        "file_type",
        "Tệp phải có định dạng {types}.",
        "The selected file must be a {types}.",
    ),
    (
        "file_mime",
        "Loại tệp ({mime}) không khớp với phần mở rộng .{ext} của tệp.",
        "The file type ({mime}) does not match its .{ext} extension.",
    ),
    (
        "file_size",
        "Tệp phải nhỏ hơn {max}.",
        "The selected file must be smaller than {max}.",
    ),
    ("file_empty", "Tệp đã chọn không có nội dung.", "The selected file is empty."),
    (
        "file_count",
        "Chỉ được gửi tối đa {max} tệp.",
        "You can only send up to {max} files.",
    ),
    (
        "file_name",
        "Tên tệp không hợp lệ.",
        "The file name is not valid.",
    ),
];

/// The built-in template for `code` in `lang` (a generic message for an unknown code).
pub fn builtin(code: &str, lang: Lang) -> &'static str {
    CATALOGUE
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, vi, en)| lang.pick(vi, en))
        .unwrap_or_else(|| lang.pick("Giá trị không hợp lệ.", "The value is not valid."))
}

/// Whether `code` has a built-in message (used by the schema loader to check overrides).
pub fn is_known(code: &str) -> bool {
    CATALOGUE.iter().any(|(c, _, _)| *c == code)
}

/// All codes in the catalogue, in catalogue order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|(c, _, _)| *c)
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
    let lookup = |n: &str| {
        params
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, v)| v.as_str())
            .or_else(|| label.filter(|_| n == "label"))
    };
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let close = after.find('}');
        let name = close.and_then(|c| after.get(1..c));
        match (close, name.and_then(lookup)) {
            (Some(c), Some(value)) => {
                out.push_str(value);
                rest = after.get(c + 1..).unwrap_or("");
            }
            _ => {
                out.push('{');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
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
        for (code, vi, en) in CATALOGUE {
            assert!(seen.insert(*code), "duplicate code {code}");
            assert!(!vi.is_empty() && !en.is_empty(), "{code}");
            assert_ne!(vi, en, "{code} is not translated");
        }
        assert_eq!(builtin("nope", Lang::En), "The value is not valid.");
    }
}

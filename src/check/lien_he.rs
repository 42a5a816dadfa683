//! `lien-he.json`: the contacts loader decides ([`crate::contacts::Contacts::check`]); every
//! problem is reported with its line, column and JSON path.

use super::{locate, problem, syntax_problem, Problem, Severity};
use crate::contacts::Contacts;
use crate::contract::DataErrorKind;
use crate::i18n::Lang;

pub(super) fn check(text: &str, lang: Lang, records: &mut usize) -> Vec<Problem> {
    if let Some(p) = syntax_problem(text, lang) {
        return vec![p];
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (contacts, errors) = Contacts::check(body);
    if let Some(c) = &contacts {
        *records = c.main.hotlines.len()
            + c.main.offices.len()
            + c.units
                .iter()
                .map(|u| u.points.hotlines.len() + u.points.offices.len())
                .sum::<usize>();
    }
    let mut out = Vec::new();
    for e in &errors {
        let path = e.path.clone().unwrap_or_default();
        let hotline = e.detail.starts_with("hotline_");
        let code = if hotline {
            e.detail.split(':').next().unwrap_or("hotline")
        } else {
            match e.kind {
                DataErrorKind::Shape => "type",
                _ => "invalid",
            }
        };
        let hint = if hotline {
            lang.pick(
                "Ghi số đường dây nóng như người dân bấm: 1800/1900 và 4 hoặc 6 chữ số, số ngắn (111, 113, 1022), số cố định có mã vùng (0239 3856 789) hoặc số di động.",
                "Write the hotline as citizens dial it: 1800/1900 and 4 or 6 digits, a short service number (111, 113, 1022), a landline with its area code (0239 3856 789) or a mobile.",
            )
        } else {
            lang.pick(
                "Sửa giá trị theo docs/lien-he-format.md.",
                "Correct the value as docs/lien-he-format.md describes.",
            )
        };
        out.push(problem(
            Severity::Error,
            code,
            Some(&path),
            locate(body, &path),
            e.message(lang),
            hint,
        ));
    }
    if contacts.is_some_and(|c| c.example) {
        out.push(problem(
            Severity::Warning,
            "example_contacts",
            Some("example"),
            locate(body, "example"),
            lang.pick(
                "Tệp liên hệ đánh dấu là dữ liệu ví dụ (\"example\": true)",
                "The contacts file is marked as example data (\"example\": true)",
            )
            .into(),
            lang.pick(
                "Thay bằng số, địa chỉ thật của cơ quan và bỏ \"example\" trước khi công bố.",
                "Put in the agency's real numbers and addresses and remove \"example\" before publishing.",
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::{check, Kind};
    use crate::i18n::Lang;

    #[test]
    fn the_demo_file_is_usable_with_a_warning_and_no_personal_data() {
        let text = std::fs::read_to_string("www/data/lien-he.json").unwrap_or_default();
        let r = check(&text, None, Lang::Vi);
        assert_eq!(r.kind, Some(Kind::LienHe));
        assert!(r.usable(), "{:?}", r.errors);
        let codes: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, ["example_contacts"]);
        assert!(r.records >= 4);
    }

    #[test]
    fn a_bad_hotline_is_located() {
        let text = "{\"format\": \"cchc-lien-he\", \"version\": 1, \"agency\": \"X\",\n  \"hotlines\": [\"1900 12\"]}";
        let r = check(text, None, Lang::Vi);
        let e = r.errors.first();
        assert_eq!(e.map(|e| e.code.as_str()), Some("hotline_service_length"));
        assert_eq!(e.and_then(|e| e.path.as_deref()), Some("hotlines[0]"));
        assert_eq!(e.and_then(|e| e.line), Some(2));
        // The citizen's phone validator refuses what a hotline may be; personal_data is not
        // raised on contact fields.
        assert!(r.warnings.iter().all(|w| w.code != "personal_data"));
    }
}

//! `phan-anh.json`: the feedback form's schema loader decides.

use crate::json::Value;

use super::{locate, problem, syntax_problem, Problem, Severity};
use crate::feedback::{Schema, SchemaError};
use crate::i18n::Lang;

pub(super) fn check(text: &str, lang: Lang, records: &mut usize) -> Vec<Problem> {
    if let Some(p) = syntax_problem(text, lang) {
        return vec![p];
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = crate::json::parse(body).unwrap_or(Value::Null);
    *records = root
        .get("fields")
        .and_then(Value::as_array)
        .map_or(0, <[Value]>::len);
    let mut out = Vec::new();
    match Schema::from_json_checked(body) {
        Err(errors) => out.extend(errors.iter().map(|e| converted(body, e, lang))),
        Ok((schema, warnings)) => {
            // Unknown keys: the widget ignores them (a newer version's key, or a typo).
            for w in &warnings {
                let mut p = converted(body, w, lang);
                p.severity = Severity::Warning;
                out.push(p);
            }
            if schema.endpoint.is_none() {
                out.push(problem(
                    Severity::Warning,
                    "no_endpoint",
                    Some("endpoint"),
                    locate(body, ""),
                    lang.pick(
                        "Biểu mẫu chưa có địa chỉ gửi (endpoint)",
                        "The form has no endpoint to submit to",
                    )
                    .into(),
                    lang.pick(
                        "Thêm \"endpoint\": {\"url\": \"/api/phan-anh\"}, hoặc để trang chủ xử lý sự kiện cchc-submit; nếu không, phản ánh của người dân sẽ không được gửi đi.",
                        "Add \"endpoint\": {\"url\": \"/api/phan-anh\"}, or let the host page handle the cchc-submit event; otherwise citizens' feedback is not sent anywhere.",
                    ),
                ));
            }
        }
    }
    out
}

fn hint(code: &str, lang: Lang) -> &'static str {
    match code {
        "json" => super::syntax_hint(lang),
        "type" => lang.pick(
            "Sửa kiểu giá trị theo docs/phan-anh-format.md.",
            "Give the value the type docs/phan-anh-format.md asks for.",
        ),
        "missing" => lang.pick("Bổ sung trường bắt buộc này.", "Add this required field."),
        "unknown_key" => lang.pick(
            "Trường này không được hỗ trợ: kiểm tra chính tả (ví dụ \"required\"), hoặc xoá.",
            "This key is not supported: check its spelling (e.g. \"required\"), or delete it.",
        ),
        "format" => lang.pick(
            "Đặt \"format\": \"cchc-phan-anh\".",
            "Set \"format\": \"cchc-phan-anh\".",
        ),
        "version" => lang.pick("Đặt \"version\": 1.", "Set \"version\": 1."),
        "duplicate" => lang.pick(
            "Mỗi trường cần một tên (name) riêng.",
            "Each field needs its own name.",
        ),
        "reference" => lang.pick(
            "Trỏ tới tên (name) của một trường có trong biểu mẫu.",
            "Refer to the name of a field of the form.",
        ),
        "pattern_unsupported" => lang.pick(
            "Bỏ \"pattern\"; dùng kiểu trường có sẵn (mobile, phone, cccd, name, email, date).",
            "Remove \"pattern\"; use a typed field (mobile, phone, cccd, name, email, date).",
        ),
        _ => lang.pick(
            "Sửa giá trị theo docs/phan-anh-format.md.",
            "Correct the value as docs/phan-anh-format.md describes.",
        ),
    }
}

fn converted(text: &str, e: &SchemaError, lang: Lang) -> Problem {
    let code = if e.code == "json" { "syntax" } else { e.code };
    problem(
        Severity::Error,
        code,
        Some(&e.path),
        locate(text, &e.path),
        e.text(lang),
        hint(e.code, lang),
    )
}

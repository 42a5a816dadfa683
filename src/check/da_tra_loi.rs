//! `phan-anh-da-tra-loi.json`: the answered feedback `cchc phan-anh publish` writes
//! (docs/phan-anh-da-tra-loi-format.md). Personal data is checked for every file (`personal`).

use serde_json::Value;

use super::{locate, problem, syntax_problem, Problem, Severity};
use crate::i18n::Lang;

/// The `format` of the published file.
pub const FORMAT: &str = "cchc-phan-anh-da-tra-loi";

pub(super) fn check(text: &str, lang: Lang, records: &mut usize) -> Vec<Problem> {
    if let Some(p) = syntax_problem(text, lang) {
        return vec![p];
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let mut out = Vec::new();
    let mut err = |path: &str, code: &str, vi: &str, en: &str| {
        out.push(problem(
            Severity::Error,
            code,
            Some(path),
            locate(body, path),
            lang.pick(vi, en).to_string(),
            lang.pick(
                "Tạo lại tệp bằng `cchc phan-anh publish`; xem docs/phan-anh-da-tra-loi-format.md.",
                "Write the file again with `cchc phan-anh publish`; see docs/phan-anh-da-tra-loi-format.md.",
            ),
        ))
    };
    if root.get("version").and_then(Value::as_u64) != Some(1) {
        err(
            "version",
            "version",
            "Phiên bản được hỗ trợ là 1",
            "The supported version is 1",
        );
    }
    let Some(items) = root.get("items").and_then(Value::as_array) else {
        err(
            "items",
            "missing",
            "Thiếu danh sách \"items\"",
            "\"items\" is missing",
        );
        return out;
    };
    *records = items.len();
    let mut seen = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        for key in ["reference", "answer", "received", "answered"] {
            if !item.get(key).is_some_and(Value::is_string) {
                err(
                    &format!("items[{i}].{key}"),
                    "missing",
                    "Thiếu hoặc sai kiểu (cần một chuỗi)",
                    "Missing or not a string",
                );
            }
        }
        if let Some(r) = item.get("reference").and_then(Value::as_str) {
            if !seen.insert(r.to_string()) {
                err(
                    &format!("items[{i}].reference"),
                    "duplicate",
                    "Mã số bị lặp",
                    "Repeated reference",
                );
            }
        }
    }
    out
}

//! `pkg/i18n/<lang>.json`: a language catalogue, judged by the reader the widgets use
//! ([`Catalogue::parse`]) against every Vietnamese text of the sources ([`source`]).
//!
//! Errors: not JSON, not a catalogue (no `lang` / `messages`, wrong types), a translation whose
//! `{placeholders}` differ from the Vietnamese (the widget would drop it) or that is not text.
//! Warnings: Vietnamese texts without a translation (they show in Vietnamese; count and a few
//! examples), keys no text of the widgets has (an outdated catalogue), empty translations,
//! repeated keys, unknown top-level keys, no `name`.

use serde_json::Value;

use super::{locate, problem, syntax_problem, Position, Problem, Severity};
use crate::i18n::{
    placeholders, source, Catalogue, CatalogueError, Dropped, Lang, MAX_CATALOGUE_BYTES,
};

/// The top-level keys of a catalogue.
const KEYS: &[&str] = &[
    "$schema",
    "lang",
    "name",
    "decimal_separator",
    "group_separator",
    "messages",
];

/// Unknown keys are listed one by one up to this many, then counted.
const MAX_LISTED: usize = 20;

pub(super) fn check(text: &str, lang: Lang, records: &mut usize) -> Vec<Problem> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.len() > MAX_CATALOGUE_BYTES {
        return vec![problem(
            Severity::Error,
            "too_large",
            None,
            None,
            format!(
                "{} ({} > {MAX_CATALOGUE_BYTES} bytes)",
                lang.pick("Tệp ngôn ngữ quá lớn", "The catalogue is too large"),
                body.len()
            ),
            lang.pick(
                "Trình duyệt bỏ qua tệp ngôn ngữ lớn hơn 1 MB: chỉ giữ các văn bản của tiện ích (cchc i18n template).",
                "Browsers ignore catalogues larger than 1 MB: keep only the widgets' texts (cchc i18n template).",
            ),
        )];
    }
    if let Some(p) = syntax_problem(text, lang) {
        return vec![p];
    }
    let root: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let parsed = match Catalogue::parse(body) {
        Ok(p) => p,
        Err(e) => return vec![refused(body, &e, lang)],
    };
    let members = root
        .get("messages")
        .and_then(Value::as_object)
        .map(|m| m.len())
        .unwrap_or(0);
    *records = members;
    let mut out = Vec::new();
    top_level(body, &root, lang, &mut out);
    // Empty translations are listed one by one up to MAX_LISTED (a fresh template has hundreds:
    // the "missing" warning counts them all).
    let mut empty = 0;
    for (key, why) in &parsed.dropped {
        if *why == Dropped::Empty {
            empty += 1;
            if empty > MAX_LISTED {
                continue;
            }
        }
        out.push(dropped(body, key, why, &root, lang));
    }
    if empty > MAX_LISTED {
        out.push(problem(
            Severity::Warning,
            "empty",
            Some("messages"),
            locate(body, "messages"),
            format!(
                "{} {}",
                empty - MAX_LISTED,
                lang.pick("bản dịch khác cũng để trống", "more translations are empty")
            ),
            lang.pick(
                "Điền các bản dịch; trong lúc chờ, tiện ích hiện câu tiếng Việt.",
                "Fill in the translations; until then the widget shows the Vietnamese.",
            ),
        ));
    }
    repeated(body, lang, &mut out);
    unknown_keys(body, &parsed.catalogue, lang, &mut out);
    missing_keys(body, &parsed.catalogue, lang, &mut out);
    out
}

/// Why the reader refused the file.
fn refused(body: &str, e: &CatalogueError, lang: Lang) -> Problem {
    let (code, path, vi, en) = match e {
        CatalogueError::NotObject => (
            "type",
            "",
            "Tệp ngôn ngữ phải là một đối tượng JSON { ... }".to_string(),
            "A catalogue is a JSON object { ... }".to_string(),
        ),
        CatalogueError::Lang => (
            "lang",
            "lang",
            "\"lang\" thiếu hoặc không phải mã ngôn ngữ (2–8 chữ cái, khác \"vi\")".to_string(),
            "\"lang\" is missing or not a language subtag (2–8 letters, not \"vi\")".to_string(),
        ),
        CatalogueError::Messages => (
            "messages",
            "messages",
            "\"messages\" thiếu hoặc không phải một đối tượng".to_string(),
            "\"messages\" is missing or not an object".to_string(),
        ),
        CatalogueError::Field(k) => (
            "type",
            *k,
            format!("\"{k}\" phải là một chuỗi (dấu phân cách: tối đa 4 ký tự)"),
            format!("\"{k}\" must be a string (separators: at most 4 characters)"),
        ),
        // Checked before parsing; kept for completeness.
        CatalogueError::TooLarge | CatalogueError::Syntax(_) => (
            "syntax",
            "",
            "Tệp ngôn ngữ không đọc được".to_string(),
            "The catalogue cannot be read".to_string(),
        ),
    };
    problem(
        Severity::Error,
        code,
        Some(path),
        locate(body, path),
        lang.pick(&vi, &en).to_string(),
        lang.pick(
            "Xem định dạng trong docs/i18n-format.md; tạo tệp mẫu bằng cchc i18n template --lang <mã>.",
            "See the format in docs/i18n-format.md; create a starting file with cchc i18n template --lang <code>.",
        ),
    )
}

fn top_level(body: &str, root: &Value, lang: Lang, out: &mut Vec<Problem>) {
    let Some(o) = root.as_object() else {
        return;
    };
    for k in o.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        out.push(problem(
            Severity::Warning,
            "unknown_key",
            Some(k),
            locate(body, k),
            format!(
                "{} \"{k}\"",
                lang.pick("Khóa không được đọc:", "Key not read:")
            ),
            lang.pick(
                "Các khóa được đọc: lang, name, decimal_separator, group_separator, messages; kiểm tra chính tả hoặc xoá.",
                "The keys read are: lang, name, decimal_separator, group_separator, messages; check the spelling or delete it.",
            ),
        ));
    }
    if o.get("name")
        .and_then(Value::as_str)
        .is_none_or(|n| n.trim().is_empty())
    {
        out.push(problem(
            Severity::Warning,
            "no_name",
            Some("name"),
            locate(body, "lang"),
            lang.pick(
                "Chưa có \"name\": tên của ngôn ngữ bằng chính ngôn ngữ đó",
                "No \"name\": the language's name in itself",
            )
            .into(),
            lang.pick(
                "Thêm ví dụ \"name\": \"ភាសាខ្មែរ\" để người quản trị biết tệp này là ngôn ngữ nào.",
                "Add e.g. \"name\": \"ភាសាខ្មែរ\" so that maintainers know which language the file is.",
            ),
        ));
    }
}

/// A message the widget leaves out.
fn dropped(body: &str, key: &str, why: &Dropped, root: &Value, lang: Lang) -> Problem {
    let value = root
        .get("messages")
        .and_then(|m| m.get(key))
        .and_then(Value::as_str)
        .unwrap_or("");
    let (severity, code, vi, en, hint_vi, hint_en) = match why {
        Dropped::Placeholders => (
            Severity::Error,
            "placeholders",
            format!(
                "Bản dịch của “{key}” có chỗ điền {} khác bản tiếng Việt {}",
                list(&placeholders(value)),
                list(&placeholders(key))
            ),
            format!(
                "The translation of “{key}” has the placeholders {} instead of {}",
                list(&placeholders(value)),
                list(&placeholders(key))
            ),
            "Giữ nguyên đúng các chỗ điền {tên} của câu tiếng Việt (không dịch tên bên trong dấu ngoặc); tiện ích đang hiện câu tiếng Việt thay cho bản dịch này.",
            "Keep exactly the Vietnamese text's {name} placeholders (do not translate the names inside the braces); the widget shows the Vietnamese instead of this translation.",
        ),
        Dropped::NotText => (
            Severity::Error,
            "type",
            format!("Bản dịch của “{key}” không phải một chuỗi"),
            format!("The translation of “{key}” is not a string"),
            "Viết bản dịch trong dấu nháy kép.",
            "Write the translation in double quotes.",
        ),
        Dropped::Empty => (
            Severity::Warning,
            "empty",
            format!("Bản dịch của “{key}” để trống"),
            format!("The translation of “{key}” is empty"),
            "Điền bản dịch; trong lúc chờ, tiện ích hiện câu tiếng Việt.",
            "Fill in the translation; until then the widget shows the Vietnamese.",
        ),
    };
    problem(
        severity,
        code,
        Some(&message_path(key)),
        message_position(body, key),
        lang.pick(&vi, &en).to_string(),
        lang.pick(hint_vi, hint_en),
    )
}

/// Keys written twice in `messages` (the last one counts, as the widget reads them).
fn repeated(body: &str, lang: Lang, out: &mut Vec<Problem>) {
    let Ok(root) = crate::json::parse(body) else {
        return;
    };
    let Some(members) = root.get("messages").and_then(crate::json::Value::as_object) else {
        return;
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, _) in members {
        let n = seen.entry(k.as_str()).or_insert(0);
        *n += 1;
        if *n > 1 {
            out.push(problem(
                Severity::Warning,
                "duplicate",
                Some(&message_path(k)),
                nth_message_position(body, k, *n - 1),
                format!("{} “{k}”", lang.pick("Khóa bị lặp:", "Repeated key:")),
                lang.pick(
                    "Tiện ích dùng bản dịch viết sau cùng; xoá các bản còn lại.",
                    "The widget uses the last translation; delete the others.",
                ),
            ));
        }
    }
}

/// Keys that are no Vietnamese text of the widgets.
fn unknown_keys(body: &str, c: &Catalogue, lang: Lang, out: &mut Vec<Problem>) {
    let mut seen = std::collections::HashSet::new();
    let unknown: Vec<&str> = c
        .keys()
        .filter(|k| !source::is_key(k) && seen.insert(*k))
        .collect();
    for k in unknown.iter().take(MAX_LISTED) {
        out.push(problem(
            Severity::Warning,
            "unknown_message",
            Some(&message_path(k)),
            message_position(body, k),
            format!(
                "{} “{k}”",
                lang.pick(
                    "Không có văn bản tiếng Việt nào như khóa",
                    "No Vietnamese text of the widgets is the key"
                )
            ),
            lang.pick(
                "Tệp có thể đã cũ (văn bản tiếng Việt đã đổi) hoặc khóa bị gõ sai: so với cchc i18n template, sửa hoặc xoá.",
                "The catalogue may be outdated (the Vietnamese text changed) or the key mistyped: compare with cchc i18n template, correct or delete it.",
            ),
        ));
    }
    if unknown.len() > MAX_LISTED {
        out.push(problem(
            Severity::Warning,
            "unknown_message",
            Some("messages"),
            locate(body, "messages"),
            format!(
                "{} {}",
                unknown.len() - MAX_LISTED,
                lang.pick(
                    "khóa khác cũng không phải văn bản của tiện ích",
                    "more keys are not texts of the widgets either"
                )
            ),
            lang.pick(
                "Tạo lại tệp từ cchc i18n template rồi chép các bản dịch còn dùng.",
                "Start again from cchc i18n template and copy the translations still used.",
            ),
        ));
    }
}

/// Vietnamese texts the catalogue does not translate (one warning: a count and examples).
fn missing_keys(body: &str, c: &Catalogue, lang: Lang, out: &mut Vec<Problem>) {
    let have: std::collections::HashSet<&str> = c.keys().collect();
    let missing: Vec<&str> = source::PAIRS
        .iter()
        .map(|(vi, _)| *vi)
        .filter(|vi| !have.contains(vi))
        .collect();
    if missing.is_empty() {
        return;
    }
    let examples: Vec<String> = missing.iter().take(3).map(|k| format!("“{k}”")).collect();
    let (n, total) = (missing.len(), source::PAIRS.len());
    out.push(problem(
        Severity::Warning,
        "missing",
        Some("messages"),
        locate(body, "messages"),
        format!(
            "{} {n}/{total} {} {}, …",
            lang.pick("Chưa dịch", "Not translated:"),
            lang.pick("văn bản, ví dụ", "texts, e.g."),
            examples.join(", ")
        ),
        lang.pick(
            "Các văn bản này hiện bằng tiếng Việt. Danh sách đầy đủ: cchc i18n template --lang <mã>.",
            "These texts show in Vietnamese. The full list: cchc i18n template --lang <code>.",
        ),
    ));
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "∅".into();
    }
    let braced: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
    braced.join(" ")
}

/// `messages["key"]`.
fn message_path(key: &str) -> String {
    let mut p = String::from("messages[");
    p.push_str(&crate::json::quoted(key));
    p.push(']');
    p
}

/// Where the key `key` of `messages` is written (as the shortest JSON spelling of it), else
/// where `messages` is.
fn message_position(body: &str, key: &str) -> Option<Position> {
    nth_message_position(body, key, 0)
}

/// [`message_position`] of the key's occurrence `skip` + 1.
fn nth_message_position(body: &str, key: &str, mut skip: usize) -> Option<Position> {
    let start = body.find("\"messages\"").unwrap_or(0);
    let needle = crate::json::quoted(key);
    let mut from = start;
    while let Some(i) = body.get(from..).and_then(|r| r.find(&needle)) {
        let at = from + i;
        let after = body.get(at + needle.len()..).unwrap_or("");
        if after.trim_start().starts_with(':') {
            if skip == 0 {
                return Some(super::locate::position_of(body, at));
            }
            skip -= 1;
        }
        from = at + needle.len();
    }
    locate(body, "messages")
}

//! `chi-tieu.json`: the tracker's loader decides; sources and ids are checked on top.

use crate::json::Value;

use super::{locate, problem, syntax_problem, Problem, Severity};
use crate::i18n::Lang;
use crate::tracker::model::{ErrorCode, LoadError, Severity as TrackerSeverity};

pub(super) fn check(text: &str, lang: Lang, records: &mut usize) -> Vec<Problem> {
    if let Some(p) = syntax_problem(text, lang) {
        return vec![p];
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = crate::json::parse(body).unwrap_or(Value::Null);
    *records = count(&root);
    let found = match crate::tracker::load(body) {
        Ok(doc) => doc.warnings,
        Err(errors) => errors,
    };
    let mut out: Vec<Problem> = found.iter().map(|e| converted(body, e, lang)).collect();
    out.extend(extra_warnings(body, &root, lang));
    out
}

/// Index targets + plan indicators + tasks.
fn count(root: &Value) -> usize {
    fn list<'v>(v: &'v Value, k: &str) -> &'v [Value] {
        v.get(k).and_then(Value::as_array).unwrap_or_default()
    }
    let mut n = 0;
    for a in list(root, "agencies") {
        for ix in list(a, "indices") {
            n += list(ix, "targets").len();
        }
        for p in list(a, "plans") {
            n += list(p, "indicators").len() + list(p, "tasks").len();
        }
    }
    n
}

fn code_name(c: ErrorCode) -> &'static str {
    match c {
        ErrorCode::NotJson => "syntax",
        ErrorCode::TooLarge => "too_large",
        ErrorCode::WrongFormat => "wrong_format",
        ErrorCode::UnsupportedVersion => "unsupported_version",
        ErrorCode::Missing => "missing",
        ErrorCode::WrongType => "wrong_type",
        ErrorCode::Empty => "empty",
        ErrorCode::BadDate => "bad_date",
        ErrorCode::BadYear => "bad_year",
        ErrorCode::FutureYear => "future_year",
        ErrorCode::OutOfScale => "out_of_scale",
        ErrorCode::RankWithoutDenominator => "rank_without_denominator",
        ErrorCode::RankOutOfRange => "rank_out_of_range",
        ErrorCode::DuplicateYear => "duplicate_year",
        ErrorCode::UnknownValue => "unknown_value",
        ErrorCode::MissingScale => "missing_scale",
        ErrorCode::UnknownDeadline => "unknown_deadline",
        ErrorCode::UnknownTarget => "unknown_target",
    }
}

fn hint(c: ErrorCode, lang: Lang) -> &'static str {
    match c {
        ErrorCode::NotJson => super::syntax_hint(lang),
        ErrorCode::TooLarge => lang.pick("Tệp vượt 20 MB: tách theo cơ quan hoặc theo kế hoạch.", "The file exceeds 20 MB: split it by agency or by plan."),
        ErrorCode::WrongFormat => lang.pick("Đặt \"format\": \"cchc-chi-tieu\" ở đầu tệp.", "Set \"format\": \"cchc-chi-tieu\" at the top of the file."),
        ErrorCode::UnsupportedVersion => lang.pick("Đặt \"version\": 1.", "Set \"version\": 1."),
        ErrorCode::Missing => lang.pick("Bổ sung trường bắt buộc này (xem docs/chi-tieu-format.md).", "Add this required field (see docs/chi-tieu-format.md)."),
        ErrorCode::WrongType => lang.pick("Sửa kiểu giá trị: chữ đặt trong dấu nháy kép, số không có dấu nháy, danh sách trong [ ].", "Fix the value's type: text in double quotes, numbers without quotes, lists in [ ]."),
        ErrorCode::Empty => lang.pick("Điền nội dung, hoặc xoá mục rỗng.", "Fill it in, or delete the empty item."),
        ErrorCode::BadDate => lang.pick("Viết ngày theo dạng YYYY-MM-DD, ví dụ \"2025-06-30\".", "Write the date as YYYY-MM-DD, e.g. \"2025-06-30\"."),
        ErrorCode::BadYear => lang.pick("Năm phải là số nguyên từ 1990 đến 2100, không đặt trong dấu nháy.", "A year is a whole number from 1990 to 2100, without quotes."),
        ErrorCode::FutureYear => lang.pick("Kiểm tra năm của kết quả, hoặc cập nhật \"as_of\" (ngày cập nhật dữ liệu).", "Check the result's year, or update \"as_of\" (the date the data was checked)."),
        ErrorCode::OutOfScale => lang.pick("Kiểm tra điểm số so với thang đo của chỉ số (ví dụ PCI 0–100, PAPI 0–80 từ 2018, DTI 0–1).", "Check the score against the index's scale (e.g. PCI 0–100, PAPI 0–80 from 2018, DTI 0–1)."),
        ErrorCode::RankWithoutDenominator => lang.pick("Thêm \"rank_of\": 63 (đến năm 2024) hoặc 34 (từ năm 2025).", "Add \"rank_of\": 63 (until 2024) or 34 (from 2025)."),
        ErrorCode::RankOutOfRange => lang.pick("Thứ hạng phải từ 1 đến rank_of.", "A rank is between 1 and rank_of."),
        ErrorCode::DuplicateYear => lang.pick("Mỗi năm chỉ một kết quả: xoá hoặc sửa năm bị trùng.", "One result per year: delete or correct the duplicate year."),
        ErrorCode::UnknownValue => lang.pick("Dùng một trong các giá trị liệt kê trong docs/chi-tieu-format.md.", "Use one of the values listed in docs/chi-tieu-format.md."),
        ErrorCode::MissingScale => lang.pick("Thêm \"scale\": {\"min\": 0, \"max\": 100, \"unit\": \"points\"}.", "Add \"scale\": {\"min\": 0, \"max\": 100, \"unit\": \"points\"}."),
        ErrorCode::UnknownDeadline => lang.pick("Viết thời hạn theo cách kế hoạch thường dùng, ví dụ \"Quý II/2025\", \"Tháng 12/2025\", \"Năm 2025\", \"Thường xuyên\"; thử bằng cchc deadline.", "Write the deadline the way plans do, e.g. \"Quý II/2025\", \"Tháng 12/2025\", \"Năm 2025\", \"Thường xuyên\"; try it with cchc deadline."),
        ErrorCode::UnknownTarget => lang.pick("Viết chỉ tiêu có con số và cách so sánh, ví dụ \"đạt 100%\", \"xếp thứ 20/63\", \"tăng từ 05 bậc trở lên\"; thử bằng cchc target.", "Write the target with a number and a comparison, e.g. \"đạt 100%\", \"xếp thứ 20/63\", \"tăng từ 05 bậc trở lên\"; try it with cchc target."),
    }
}

fn converted(text: &str, e: &LoadError, lang: Lang) -> Problem {
    let severity = match e.severity {
        TrackerSeverity::Error => Severity::Error,
        TrackerSeverity::Warning => Severity::Warning,
    };
    let bare = LoadError {
        path: String::new(),
        ..e.clone()
    }
    .message(lang);
    let message = bare.strip_prefix(": ").unwrap_or(&bare).to_string();
    problem(
        severity,
        code_name(e.code),
        Some(&e.path),
        locate(text, &e.path),
        message,
        hint(e.code, lang),
    )
}

fn items<'v>(v: &'v Value, key: &str) -> impl Iterator<Item = (usize, &'v Value)> {
    v.get(key)
        .and_then(Value::as_array)
        .unwrap_or_default()
        .iter()
        .enumerate()
}

fn is_blank(v: &Value, key: &str) -> bool {
    v.get(key)
        .and_then(Value::as_str)
        .is_none_or(|s| s.trim().is_empty())
}

struct Extra<'a> {
    text: &'a str,
    lang: Lang,
    out: Vec<Problem>,
}

impl Extra<'_> {
    fn warn(&mut self, code: &str, path: &str, vi: String, en: String, hint: (&str, &str)) {
        let message = self.lang.pick(&vi, &en).to_string();
        self.out.push(problem(
            Severity::Warning,
            code,
            Some(path),
            locate(self.text, path),
            message,
            self.lang.pick(hint.0, hint.1),
        ));
    }

    fn no_source(&mut self, path: &str, what_vi: &str, what_en: &str) {
        self.warn(
            "no_source",
            path,
            format!("{what_vi} chưa ghi nguồn"),
            format!("{what_en} has no source"),
            (
                "Thêm nguồn (đường dẫn văn bản, báo cáo hoặc trang công bố) để người đọc kiểm chứng được.",
                "Add a source (link to the document, report or publication) so readers can verify it.",
            ),
        );
    }

    /// Ids must be unique among siblings: the widget links and sorts by them.
    fn unique_ids(&mut self, parent: &Value, list: &str, base: &str) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, x) in items(parent, list) {
            let Some(id) = x.get("id").and_then(Value::as_str) else {
                continue;
            };
            if seen.contains(&id) {
                self.warn(
                    "duplicate_id",
                    &format!("{base}.{list}[{i}].id"),
                    format!("Trùng mã \"{id}\""),
                    format!("Duplicate id \"{id}\""),
                    (
                        "Đặt mã riêng cho từng mục (ví dụ thêm số thứ tự).",
                        "Give each item its own id (e.g. add a number).",
                    ),
                );
            }
            seen.push(id);
        }
    }
}

fn extra_warnings(text: &str, root: &Value, lang: Lang) -> Vec<Problem> {
    let mut x = Extra {
        text,
        lang,
        out: Vec::new(),
    };
    x.unique_ids(root, "agencies", "$");
    for (a, agency) in items(root, "agencies") {
        let ap = format!("$.agencies[{a}]");
        x.unique_ids(agency, "indices", &ap);
        x.unique_ids(agency, "plans", &ap);
        for (i, ix) in items(agency, "indices") {
            for (r, res) in items(ix, "results") {
                if is_blank(res, "source_url") {
                    let p = format!("{ap}.indices[{i}].results[{r}]");
                    x.no_source(&p, "Kết quả chỉ số", "The index result");
                }
            }
            for (t, tg) in items(ix, "targets") {
                if is_blank(tg, "source_url") && is_blank(tg, "plan") {
                    let p = format!("{ap}.indices[{i}].targets[{t}]");
                    x.no_source(&p, "Chỉ tiêu", "The target");
                }
            }
        }
        for (p, plan) in items(agency, "plans") {
            let pp = format!("{ap}.plans[{p}]");
            if is_blank(plan, "source_url") && is_blank(plan, "number") {
                x.no_source(&pp, "Kế hoạch", "The plan");
            }
            x.unique_ids(plan, "indicators", &pp);
            x.unique_ids(plan, "tasks", &pp);
            for (k, ind) in items(plan, "indicators") {
                for (o, ob) in items(ind, "observations") {
                    if is_blank(ob, "source") {
                        let path = format!("{pp}.indicators[{k}].observations[{o}]");
                        x.no_source(&path, "Số liệu theo dõi", "The observation");
                    }
                }
            }
        }
    }
    x.out
}

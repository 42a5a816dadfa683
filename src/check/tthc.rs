//! `tthc.json` (and the national portal's records): the search widget's own loader decides.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{locate, problem, syntax_hint, Position, Problem, ReadDetails, Severity};
use crate::contract::{DataError, DataErrorKind};
use crate::i18n::Lang;
use crate::tthc::{Catalog, Details, Procedure, Warning, WarningKind};

pub(super) fn check(
    text: &str,
    lang: Lang,
    records: &mut usize,
    read: ReadDetails,
) -> Vec<Problem> {
    let mut out = Vec::new();
    match Catalog::from_json_str(text) {
        Err(e) => out.push(load_error(text, &e, lang)),
        Ok((mut catalog, warnings)) => {
            *records = catalog.procedures().len();
            out.extend(warnings.iter().map(|w| loader_warning(text, w, lang)));
            out.extend(extra_warnings(text, lang, &catalog, read));
            out.extend(faq_problems(text, lang, &catalog, read));
            out.extend(terms_problem(text, lang, &mut catalog, read));
        }
    }
    out
}

/// A details file as the widget reads it (`Details::parse_file`), or why it cannot be; `None`
/// when it is not read from here.
type DetailsFile = Option<Result<crate::tthc::DetailsMap, String>>;

/// What the details record of a procedure says about its portal link.
enum DetailsLink {
    /// The details are known (inline, or read from their file; or there are none): their `url`.
    Known(bool),
    /// The details file was not read or cannot be read.
    Unknown,
}

fn load_error(text: &str, e: &DataError, lang: Lang) -> Problem {
    let code = match e.kind {
        DataErrorKind::Empty => "empty",
        DataErrorKind::Syntax => "syntax",
        DataErrorKind::Shape => "shape",
        DataErrorKind::TooLarge => "too_large",
        DataErrorKind::Invalid => "invalid",
    };
    let pos = match (e.line, e.column) {
        // The loader's columns already count characters.
        (Some(line), Some(column)) => Some(Position { line, column }),
        _ => e.path.as_deref().and_then(|p| locate(text, p)),
    };
    let bare = DataError {
        line: None,
        column: None,
        path: None,
        ..e.clone()
    };
    let hint = match (&e.kind, e.path.as_deref()) {
        (DataErrorKind::Empty, _) => lang.pick(
            "Tệp không có nội dung: xuất lại dữ liệu, hoặc tạo tệp bằng cchc import tthc.",
            "The file has no content: export the data again, or create it with cchc import tthc.",
        ),
        (DataErrorKind::Syntax, _) => syntax_hint(lang),
        (DataErrorKind::TooLarge, _) => lang.pick(
            "Trình duyệt chỉ đọc tệp tối đa 16 MB: chuyển phần chi tiết sang tệp riêng (details_url), hoặc tạo lại bằng cchc import tthc --no-details.",
            "Browsers read at most 16 MB: move the details to separate files (details_url), or rebuild with cchc import tthc --no-details.",
        ),
        (_, Some("version")) => lang.pick(
            "Thêm hoặc sửa thành \"version\": 1 ở đầu tệp.",
            "Add or set \"version\": 1 at the top of the file.",
        ),
        (DataErrorKind::Invalid, _) => lang.pick(
            "Mỗi thủ tục cần có \"code\" (mã) và \"name\" (tên); kiểm tra tên cột khi nhập bằng cchc import tthc --map.",
            "Each procedure needs a \"code\" and a \"name\"; check the column names when importing with cchc import tthc --map.",
        ),
        _ => lang.pick(
            "Sửa giá trị tại đường dẫn đã nêu cho đúng kiểu trong docs/tthc-format.md (ví dụ \"procedures\" phải là một mảng).",
            "Give the value at that path the type docs/tthc-format.md asks for (e.g. \"procedures\" must be an array).",
        ),
    };
    problem(
        Severity::Error,
        code,
        e.path.as_deref(),
        pos,
        bare.message(lang),
        hint,
    )
}

fn loader_warning(text: &str, w: &Warning, lang: Lang) -> Problem {
    let (code, hint) = match w.kind {
        WarningKind::RecordSkipped => (
            "record_skipped",
            lang.pick(
                "Bổ sung mã (code) và tên (name) cho thủ tục này, hoặc xoá nó.",
                "Give this procedure a code and a name, or delete it.",
            ),
        ),
        WarningKind::ValueIgnored => (
            "value_ignored",
            lang.pick(
                "Sửa giá trị cho đúng kiểu (chuỗi, mảng chuỗi, true/false; online: toan_trinh, mot_phan, khong) theo docs/tthc-format.md.",
                "Give the value the right type (text, list of texts, true/false; online: toan_trinh, mot_phan, khong), see docs/tthc-format.md.",
            ),
        ),
        WarningKind::DuplicateMerged => (
            "duplicate_code",
            lang.pick(
                "Hai thủ tục cùng mã đã được gộp làm một: xoá bản trùng hoặc sửa lại mã.",
                "Two procedures with the same code were merged: delete the duplicate or correct the code.",
            ),
        ),
        WarningKind::LineSkipped => (
            "line_skipped",
            lang.pick(
                "Dòng này không phải JSON hợp lệ và đã bị bỏ qua: sửa hoặc xoá dòng.",
                "This line is not valid JSON and was skipped: fix or delete it.",
            ),
        ),
    };
    let pos = match w.line {
        // JSON Lines: the path's first step is the record; look inside that line.
        Some(line) => {
            let inner = w
                .path
                .find(']')
                .map_or("", |i| w.path.get(i + 1..).unwrap_or(""));
            let col = text
                .split('\n')
                .nth(line.saturating_sub(1))
                .and_then(|l| locate(l, inner))
                .map_or(1, |p| p.column);
            Some(Position { line, column: col })
        }
        None => locate(text, &w.path),
    };
    let bare = Warning {
        line: None,
        path: String::new(),
        ..w.clone()
    };
    problem(
        Severity::Warning,
        code,
        Some(&w.path),
        pos,
        bare.message(lang),
        hint,
    )
}

/// The records as written, with their JSON path prefix and (JSON Lines) line.
fn raw_records(text: &str) -> Vec<(String, Option<usize>, Map<String, Value>)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let objects = |items: Vec<Value>, base: &str| {
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Value::Object(m) => Some((format!("{base}[{i}]"), None, m)),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(mut o)) => match o.remove("procedures") {
            Some(Value::Array(items)) => objects(items, "procedures"),
            _ => vec![(String::new(), None, o)],
        },
        Ok(Value::Array(items)) => objects(items, ""),
        Ok(_) => Vec::new(),
        Err(_) => {
            let mut k = 0;
            let mut out = Vec::new();
            for (n, line) in body.split('\n').enumerate() {
                if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(line) {
                    out.push((format!("[{k}]"), Some(n + 1), m));
                    k += 1;
                }
            }
            out
        }
    }
}

fn extra_warnings(text: &str, lang: Lang, catalog: &Catalog, read: ReadDetails) -> Vec<Problem> {
    let mut out = Vec::new();
    let by_code: HashMap<&str, &Procedure> = catalog
        .procedures()
        .iter()
        .map(|p| (p.code.as_str(), p))
        .collect();
    let mut files: HashMap<String, DetailsFile> = HashMap::new();
    for (path, line, rec) in raw_records(text) {
        let national = rec.contains_key("ma_thu_tuc") || rec.contains_key("ten_thu_tuc");
        let (url_key, field_key) = if national {
            ("detail_url", "linh_vuc")
        } else {
            ("url", "field")
        };
        let code = rec
            .get(if national { "ma_thu_tuc" } else { "code" })
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_string();
        let at = |key: &str| {
            let p = if path.is_empty() {
                key.to_string()
            } else if key.is_empty() {
                path.clone()
            } else {
                format!("{path}.{key}")
            };
            let pos = match line {
                Some(l) => {
                    let src = text.split('\n').nth(l.saturating_sub(1)).unwrap_or("");
                    locate(src, key).map(|p| Position { line: l, ..p })
                }
                None => locate(text, &p),
            };
            (p, pos)
        };
        let link = match by_code.get(code.as_str()).filter(|_| !national) {
            Some(p) => details_link(p, &mut files, read, lang, &mut |code, detail, hint| {
                let (p, pos) = at("details_url");
                out.push(problem(
                    Severity::Warning,
                    code,
                    Some(&p),
                    pos,
                    detail,
                    hint,
                ));
            }),
            None => DetailsLink::Known(false),
        };
        if is_blank(rec.get(url_key)) && matches!(link, DetailsLink::Known(false)) {
            let (p, pos) = at("");
            out.push(problem(
                Severity::Warning,
                "no_url",
                Some(&p),
                pos,
                match lang {
                    Lang::En => format!("Procedure {code} has no link to the public-service portal"),
                    _ => format!("Thủ tục {code} chưa có đường dẫn tới Cổng Dịch vụ công"),
                },
                lang.pick(
                    "Thêm \"url\" (vào thủ tục hoặc vào bản ghi chi tiết của nó): địa chỉ trang thủ tục trên Cổng Dịch vụ công, để người dân bấm \"Nộp hồ sơ trực tuyến\".",
                    "Add \"url\" (to the procedure or to its details record): the procedure's page on the public-service portal, so citizens can \"submit online\".",
                ),
            ));
        }
        if is_blank(rec.get(field_key)) {
            let (p, pos) = at("");
            out.push(problem(
                Severity::Warning,
                "no_field",
                Some(&p),
                pos,
                match lang {
                    Lang::En => format!("Procedure {code} has no field"),
                    _ => format!("Thủ tục {code} chưa có lĩnh vực"),
                },
                lang.pick(
                    "Thêm \"field\" (lĩnh vực) để thủ tục xuất hiện trong bộ lọc Lĩnh vực.",
                    "Add \"field\" so the procedure appears under the Field filter.",
                ),
            ));
        }
        if !national {
            for key in rec.keys().filter(|k| !crate::tthc::is_own_key(k)) {
                let (p, pos) = at(key);
                out.push(problem(
                    Severity::Warning,
                    "unknown_key",
                    Some(&p),
                    pos,
                    match lang {
                        Lang::En => format!("Field \"{key}\" is not read"),
                        _ => format!("Trường \"{key}\" không được đọc"),
                    },
                    lang.pick(
                        "Kiểm tra chính tả; các trường được đọc: code, name, field, levels, agencies, online, postal, online_payment, time, fee, url, details, details_url.",
                        "Check the spelling; the fields read are: code, name, field, levels, agencies, online, postal, online_payment, time, fee, url, details, details_url.",
                    ),
                ));
            }
        }
    }
    out
}

/// Whether the details of `p` carry a portal link, reading its details file through `read` (once
/// per file). A file that cannot be read or parsed is reported once (at the first procedure that
/// names it), a procedure missing from its file each time, through `warn(code, message, hint)`.
fn details_link(
    p: &Procedure,
    files: &mut HashMap<String, DetailsFile>,
    read: ReadDetails,
    lang: Lang,
    warn: &mut dyn FnMut(&str, String, &str),
) -> DetailsLink {
    if let Some(d) = &p.details {
        // Inline details are shown and the details file is not fetched (as in the widget).
        return DetailsLink::Known(d.url.is_some());
    }
    let Some(rel) = p.details_url.as_deref() else {
        return DetailsLink::Known(false);
    };
    let first = !files.contains_key(rel);
    let file = files.entry(rel.to_string()).or_insert_with(|| {
        read(rel).map(|r| r.and_then(|t| Details::parse_file(&t).map_err(|e| e.message(lang))))
    });
    match file {
        None => DetailsLink::Unknown,
        Some(Err(e)) => {
            if first {
                warn(
                    "details_unreadable",
                    lang.pick(&format!("Không đọc được tệp chi tiết {rel}: {e}"), &format!("Cannot read the details file {rel}: {e}")).to_string(),
                    lang.pick(
                        "Kiểm tra details_url (đường dẫn tính từ thư mục của tệp này) và nội dung tệp chi tiết (đối tượng {\"mã thủ tục\": {chi tiết}}); nếu không, người dân mở thủ tục chỉ thấy thông báo lỗi.",
                        "Check details_url (relative to this file's folder) and the details file's content (an object {\"code\": {details}}); otherwise citizens opening the procedure see only an error message.",
                    ),
                );
            }
            DetailsLink::Unknown
        }
        Some(Ok(map)) => match map.get(&p.code) {
            Some(d) => DetailsLink::Known(d.url.is_some()),
            // Known to be missing: no link there either.
            None => {
                warn(
                    "details_missing",
                    lang.pick(&format!("Tệp chi tiết {rel} không có thủ tục {}", p.code), &format!("The details file {rel} has no procedure {}", p.code)).to_string(),
                    lang.pick(
                        "Thêm mục mang mã thủ tục này vào tệp chi tiết, hoặc sửa details_url; nếu không, người dân mở thủ tục sẽ không thấy thành phần hồ sơ, trình tự thực hiện.",
                        "Add an entry with this procedure's code to the details file, or correct details_url; otherwise citizens opening the procedure see no documents or steps.",
                    ),
                );
                DetailsLink::Known(false)
            }
        },
    }
}

fn is_blank(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => {
            let folded = crate::text::fold(s.trim());
            folded.is_empty() || folded.trim_end_matches('.') == "khong co thong tin"
        }
        _ => false,
    }
}

/// The file `terms_url` names (the procedures' own words), read through `read` and attached as
/// the widget does: a file that is missing or broken (search then works without it).
fn terms_problem(
    text: &str,
    lang: Lang,
    catalog: &mut Catalog,
    read: ReadDetails,
) -> Option<Problem> {
    let url = catalog.terms_url()?.to_string();
    let why = match read(&url)? {
        Ok(t) => catalog.add_terms(&t).err()?.message(lang),
        Err(e) => e,
    };
    Some(problem(
        Severity::Warning,
        "terms_unreadable",
        Some("terms_url"),
        locate(text, "terms_url"),
        match lang {
            Lang::En => format!("Cannot read the terms file {url}: {why}"),
            _ => format!("Không đọc được tệp từ khóa {url}: {why}"),
        },
        lang.pick(
            "Kiểm tra terms_url (đường dẫn tính từ thư mục của tệp này) hoặc tạo lại bằng cchc import tthc; thiếu tệp này, tìm kiếm vẫn chạy nhưng không dùng được từ ngữ trong chi tiết thủ tục.",
            "Check terms_url (relative to this file's folder) or rebuild with cchc import tthc; without the file search still works, without the words of the procedures' details.",
        ),
    ))
}

/// The hỏi đáp entries, inline (`faq`) and in the file `faq_url` names (read through `read`, as
/// the widget fetches it): a file that cannot be read, an entry without question or answer (the
/// widget leaves it out), a procedure code the catalogue does not have (its link would lead
/// nowhere), the same question twice, and personal data in the file (inline entries get the
/// `personal_data` warnings of the whole file).
fn faq_problems(text: &str, lang: Lang, catalog: &Catalog, read: ReadDetails) -> Vec<Problem> {
    let mut out = Vec::new();
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let inline = match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(mut o)) => o.remove("faq"),
        _ => None,
    };
    if let Some(Value::Array(items)) = &inline {
        entry_problems(items, "faq", Some(text), lang, catalog, &mut out);
    }
    let Some(url) = catalog.faq_url() else {
        return out;
    };
    let file = match read(url) {
        None => return out,
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            out.push(problem(
                Severity::Warning,
                "faq_unreadable",
                Some("faq_url"),
                locate(text, "faq_url"),
                match lang {
                    Lang::En => format!("Cannot read the hỏi đáp file {url}: {e}"),
                    _ => format!("Không đọc được tệp hỏi đáp {url}: {e}"),
                },
                lang.pick(
                    "Kiểm tra faq_url (đường dẫn tính từ thư mục của tệp này) hoặc tạo lại tệp bằng cchc import hoi-dap.",
                    "Check faq_url (relative to this file's folder) or rebuild the file with cchc import hoi-dap.",
                ),
            ));
            return out;
        }
    };
    let parsed = serde_json::from_str::<Value>(file.strip_prefix('\u{feff}').unwrap_or(&file));
    let items = match parsed {
        Ok(Value::Object(o)) if o.get("version") == Some(&Value::from(1)) => match o.get("faq") {
            Some(Value::Array(items)) => Some(items.clone()),
            _ => None,
        },
        _ => None,
    };
    let Some(items) = items else {
        out.push(problem(
            Severity::Warning,
            "faq_unreadable",
            Some("faq_url"),
            locate(text, "faq_url"),
            match lang {
                Lang::En => {
                    format!("The hỏi đáp file {url} is not {{\"version\": 1, \"faq\": [...]}}")
                }
                _ => format!("Tệp hỏi đáp {url} không có dạng {{\"version\": 1, \"faq\": [...]}}"),
            },
            lang.pick(
                "Tạo lại tệp bằng cchc import hoi-dap, hoặc sửa theo docs/tthc-format.md.",
                "Rebuild the file with cchc import hoi-dap, or fix it as docs/tthc-format.md says.",
            ),
        ));
        return out;
    };
    let base = format!("{url}: faq");
    entry_problems(&items, &base, None, lang, catalog, &mut out);
    for mut p in super::personal::warnings(&file, lang) {
        p.path = Some(format!("{url}: {}", p.path.as_deref().unwrap_or("")));
        p.line = None;
        p.column = None;
        out.push(p);
    }
    out
}

fn entry_problems(
    items: &[Value],
    base: &str,
    located: Option<&str>,
    lang: Lang,
    catalog: &Catalog,
    out: &mut Vec<Problem>,
) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let pos = |key: &str| {
            located.and_then(|t| {
                locate(
                    t,
                    &format!("{path}{}{key}", if key.is_empty() { "" } else { "." }),
                )
            })
        };
        let text = |k: &str| {
            item.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .unwrap_or("")
        };
        let (q, a) = (text("question"), text("answer"));
        // Inline entries without question or answer are reported by the loader (value_ignored).
        if (q.is_empty() || a.is_empty()) && located.is_none() {
            out.push(problem(
                Severity::Warning,
                "faq_incomplete",
                Some(&path),
                None,
                lang.pick("Mục hỏi đáp thiếu câu hỏi hoặc trả lời", "A hỏi đáp entry lacks its question or answer").to_string(),
                lang.pick("Điền câu hỏi và trả lời, hoặc xoá mục này; tiện ích bỏ qua nó.", "Fill in the question and the answer, or delete the entry; the widget leaves it out."),
            ));
        }
        // The same words, whatever the marks, case and punctuation.
        let words: Vec<String> = crate::text::tokenize(q)
            .into_iter()
            .map(|t| t.folded)
            .collect();
        let key = words.join(" ");
        if !key.is_empty() {
            match seen.iter().find(|(k, _)| *k == key) {
                Some((_, first)) => out.push(problem(
                    Severity::Warning,
                    "faq_duplicate",
                    Some(&path),
                    pos("question"),
                    match lang {
                        Lang::En => format!("Same question as {base}[{first}]"),
                        _ => format!("Câu hỏi trùng với {base}[{first}]"),
                    },
                    lang.pick("Gộp hai mục làm một.", "Merge the two entries."),
                )),
                None => seen.push((key, i)),
            }
        }
        let codes: Vec<String> = match item.get("codes") {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        };
        for code in codes.iter().flat_map(|c| c.split([',', ';', ' ', '\n'])) {
            let code = code.trim();
            if code.is_empty() || catalog.find_code(code).is_some() {
                continue;
            }
            out.push(problem(
                Severity::Warning,
                "faq_unknown_code",
                Some(&format!("{path}.codes")),
                pos("codes"),
                match lang {
                    Lang::En => format!("Procedure {code} is not in the catalogue"),
                    _ => format!("Thủ tục {code} không có trong danh mục"),
                },
                lang.pick(
                    "Sửa mã thủ tục (mã trên Cổng Dịch vụ công, ví dụ 1.001193) hoặc bỏ nó: đường dẫn tới thủ tục sẽ không mở được.",
                    "Correct the procedure code (as on the public-service portal, e.g. 1.001193) or remove it: the link to the procedure would lead nowhere.",
                ),
            ));
        }
    }
}

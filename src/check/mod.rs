//! One checker for the three data files and the language catalogues, shared by `cchc check` and
//! the widgets.
//!
//! Why it exists: a webmaster publishes `tthc.json`, `chi-tieu.json` and `phan-anh.json` written
//! by hand or exported from a spreadsheet. If the CLI and the widgets judged them differently, a
//! file that "passed" could still break the page. So this module does not re-implement any rule:
//! it runs the very loaders the widgets run ([`crate::tthc::Catalog`], [`crate::tracker::load`],
//! [`crate::feedback::Schema`]) and turns *everything* they report into one list of [`Problem`]s
//! with a stable code, the JSON path, a line and a column ([`locate`]), a message and a hint on how
//! to fix it, in Vietnamese or English. On top it adds warnings the loaders tolerate but a citizen
//! would notice (a procedure without a portal link, a target without a source, duplicate ids).
//! Errors make the file unusable; warnings do not.

mod chi_tieu;
mod da_tra_loi;
mod i18n;
mod lien_he;
pub mod locate;
mod personal;
mod phan_anh;
mod tthc;

use serde::Serialize;
use serde_json::Value;

use crate::i18n::Lang;
pub use locate::{locate, Position};

/// The three data files, and the language catalogues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Kind {
    /// `tthc.json` (or the national portal's records).
    #[serde(rename = "tthc")]
    Tthc,
    /// `chi-tieu.json`.
    #[serde(rename = "chi-tieu")]
    ChiTieu,
    /// `phan-anh.json`.
    #[serde(rename = "phan-anh")]
    PhanAnh,
    /// A language catalogue, `pkg/i18n/<lang>.json`.
    #[serde(rename = "i18n")]
    I18n,
    /// The answered feedback `cchc phan-anh publish` writes, `phan-anh-da-tra-loi.json`.
    #[serde(rename = "phan-anh-da-tra-loi")]
    DaTraLoi,
    /// The agency's contacts, `lien-he.json`.
    #[serde(rename = "lien-he")]
    LienHe,
}

impl Kind {
    /// The spelling on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Tthc => "tthc",
            Kind::ChiTieu => "chi-tieu",
            Kind::PhanAnh => "phan-anh",
            Kind::I18n => "i18n",
            Kind::DaTraLoi => "phan-anh-da-tra-loi",
            Kind::LienHe => "lien-he",
        }
    }

    /// Parses [`Kind::name`].
    pub fn parse(s: &str) -> Option<Kind> {
        [
            Kind::Tthc,
            Kind::ChiTieu,
            Kind::PhanAnh,
            Kind::I18n,
            Kind::DaTraLoi,
            Kind::LienHe,
        ]
        .into_iter()
        .find(|k| k.name() == s)
    }
}

/// Whether a problem makes the file unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The widget refuses the file.
    Error,
    /// The widget works, but something is missing or was repaired.
    Warning,
}

/// One problem, located as precisely as possible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// Stable code (`syntax`, `missing`, `no_url`, ...), for scripts.
    pub code: String,
    /// JSON path such as `procedures[3].url` (no leading `$`); absent for the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// The result of checking one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The kind checked; `None` when it could not be told.
    pub kind: Option<Kind>,
    /// Procedures (tthc), index targets + indicators + tasks (chi-tieu), fields (phan-anh).
    pub records: usize,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Report {
    /// Whether a widget can use the file (warnings allowed).
    pub fn usable(&self) -> bool {
        self.kind.is_some() && self.errors.is_empty()
    }

    fn push(&mut self, p: Problem) {
        match p.severity {
            Severity::Error => self.errors.push(p),
            Severity::Warning => self.warnings.push(p),
        }
    }
}

/// Reads a details file named by a procedure's `details_url`, as the search widget would fetch it:
/// its text, why it cannot be read, or `None` when it is not readable from here (a URL on a web
/// server). See [`details_beside`].
pub type ReadDetails<'a> = &'a dyn Fn(&str) -> Option<Result<String, String>>;

/// Reads `details_url` files as files beside `data_file` (the widget resolves them against the
/// data file's URL). A URL with a scheme (`https:`), a path from the server root (`/…`) or
/// percent-escapes names something only the web server knows: `None`, not read.
pub fn details_beside(
    data_file: &std::path::Path,
) -> impl Fn(&str) -> Option<Result<String, String>> {
    let dir = data_file.parent().map(std::path::Path::to_path_buf);
    move |rel: &str| {
        if rel.contains([':', '%', '\\']) || rel.starts_with('/') {
            return None;
        }
        let rel = rel.split(['?', '#']).next().unwrap_or(rel);
        let path = dir.as_deref().map_or(rel.into(), |d| d.join(rel));
        Some(std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display())))
    }
}

/// Checks `text` as `kind`, or as the kind [`detect`] finds. The details files `tthc.json` names
/// are not read ([`check_with_details`] reads them).
pub fn check(text: &str, kind: Option<Kind>, lang: Lang) -> Report {
    check_with_details(text, kind, lang, &|_| None)
}

/// [`check`], reading the details files (`details_url`) of `tthc.json` through `read`: a file that
/// cannot be read or parsed, a procedure missing from its file, and a portal link (`url`) that is
/// only in the details are then known. A procedure whose details file is not read is not
/// reported for lacking a portal link: the link may be there.
pub fn check_with_details(text: &str, kind: Option<Kind>, lang: Lang, read: ReadDetails) -> Report {
    let kind = kind.or_else(|| detect(text));
    let mut report = Report {
        kind,
        records: 0,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let problems = match kind {
        Some(Kind::Tthc) => tthc::check(text, lang, &mut report.records, read),
        Some(Kind::ChiTieu) => chi_tieu::check(text, lang, &mut report.records),
        Some(Kind::PhanAnh) => phan_anh::check(text, lang, &mut report.records),
        Some(Kind::I18n) => i18n::check(text, lang, &mut report.records),
        Some(Kind::DaTraLoi) => da_tra_loi::check(text, lang, &mut report.records),
        Some(Kind::LienHe) => lien_he::check(text, lang, &mut report.records),
        None => unknown_kind(text, lang),
    };
    // What any published data file must not carry: citizens' personal data (a contacts file
    // holds only the agency's own contact points, meant to be public).
    let problems = match kind {
        Some(Kind::I18n) | Some(Kind::LienHe) | None => problems,
        Some(_) => {
            let mut p = problems;
            p.extend(personal::warnings(text, lang));
            p
        }
    };
    for p in problems {
        report.push(p);
    }
    report
}

/// Tells the kind from `format`, the top-level keys or the national record shape; falls back to
/// spotting those words in text that is not valid JSON.
pub fn detect(text: &str) -> Option<Kind> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text) {
        Ok(v) => detect_value(&v),
        Err(_) => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            match serde_json::from_str::<Value>(first) {
                Ok(v @ Value::Object(_)) => detect_value(&v),
                _ => sniff(text),
            }
        }
    }
}

fn detect_value(v: &Value) -> Option<Kind> {
    match v {
        Value::Object(o) => {
            match o.get("format").and_then(Value::as_str) {
                Some(crate::tracker::model::FORMAT) => return Some(Kind::ChiTieu),
                Some(crate::feedback::schema::FORMAT) => return Some(Kind::PhanAnh),
                Some(da_tra_loi::FORMAT) => return Some(Kind::DaTraLoi),
                Some(crate::contacts::FORMAT) => return Some(Kind::LienHe),
                _ => {}
            }
            let has = |k: &str| o.contains_key(k);
            if has("lang") && has("messages") {
                Some(Kind::I18n)
            } else if has("procedures") || has("ma_thu_tuc") || has("ten_thu_tuc") {
                Some(Kind::Tthc)
            } else if has("agencies") {
                Some(Kind::ChiTieu)
            } else if has("fields") {
                Some(Kind::PhanAnh)
            } else if has("code") && has("name") {
                Some(Kind::Tthc)
            } else {
                None
            }
        }
        Value::Array(items) => items
            .first()
            .and_then(detect_value)
            .filter(|k| *k == Kind::Tthc),
        _ => None,
    }
}

fn sniff(text: &str) -> Option<Kind> {
    let has = |w: &str| text.contains(w);
    if has("\"cchc-phan-anh-da-tra-loi\"") {
        Some(Kind::DaTraLoi)
    } else if has("\"cchc-lien-he\"") {
        Some(Kind::LienHe)
    } else if has("\"cchc-chi-tieu\"") {
        Some(Kind::ChiTieu)
    } else if has("\"cchc-phan-anh\"") {
        Some(Kind::PhanAnh)
    } else if has("\"procedures\"") || has("\"ma_thu_tuc\"") {
        Some(Kind::Tthc)
    } else if has("\"agencies\"") {
        Some(Kind::ChiTieu)
    } else if has("\"fields\"") {
        Some(Kind::PhanAnh)
    } else if has("\"lang\"") && has("\"messages\"") {
        Some(Kind::I18n)
    } else {
        None
    }
}

fn unknown_kind(text: &str, lang: Lang) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(p) = syntax_problem(text, lang) {
        out.push(p);
    }
    out.push(Problem {
        severity: Severity::Error,
        code: "unknown_kind".into(),
        path: None,
        line: None,
        column: None,
        message: lang
            .pick(
                "Không nhận ra loại tệp (tthc, chi-tieu, phan-anh hay tệp ngôn ngữ i18n)",
                "Cannot tell the kind of file (tthc, chi-tieu, phan-anh or an i18n catalogue)",
            )
            .into(),
        hint: lang
            .pick(
                "Chỉ rõ loại bằng --kind tthc|chi-tieu|phan-anh|i18n, hoặc thêm \"format\" (\"cchc-chi-tieu\", \"cchc-phan-anh\"), \"procedures\" (tthc) hay \"lang\" và \"messages\" (i18n) vào tệp.",
                "Name the kind with --kind tthc|chi-tieu|phan-anh|i18n, or add \"format\" (\"cchc-chi-tieu\", \"cchc-phan-anh\"), \"procedures\" (tthc) or \"lang\" and \"messages\" (i18n) to the file.",
            )
            .into(),
    });
    out
}

/// The JSON syntax error of `text` (a whole JSON document), with line and character column.
pub(crate) fn syntax_problem(text: &str, lang: Lang) -> Option<Problem> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Some(problem(
            Severity::Error,
            "empty",
            None,
            None,
            lang.pick("Tệp dữ liệu rỗng", "The data file is empty")
                .into(),
            lang.pick(
                "Tệp không có nội dung: xuất lại dữ liệu, hoặc tạo tệp bằng cchc import.",
                "The file has no content: export the data again, or create it with cchc import.",
            ),
        ));
    }
    let e = serde_json::from_str::<serde::de::IgnoredAny>(body).err()?;
    let pos = (e.line() > 0).then(|| Position {
        line: e.line(),
        column: locate::char_column(body, e.line(), e.column()),
    });
    let detail = e.to_string();
    let detail = detail
        .rfind(" at line ")
        .and_then(|i| detail.get(..i))
        .unwrap_or(&detail);
    Some(problem(
        Severity::Error,
        "syntax",
        None,
        pos,
        format!(
            "{}: {detail}",
            lang.pick(
                "Tệp dữ liệu không phải JSON hợp lệ",
                "The data file is not valid JSON"
            )
        ),
        syntax_hint(lang),
    ))
}

pub(crate) fn syntax_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Sửa JSON tại dòng, cột đã nêu (thường do thiếu hoặc thừa dấu phẩy, ngoặc, dấu nháy kép, hoặc tệp bị cắt cụt); mở tệp bằng trình soạn thảo có kiểm tra JSON.",
        "Fix the JSON at the line and column given (usually a missing or extra comma, bracket or double quote, or a truncated file); open it in an editor that checks JSON.",
    )
}

/// Builds a problem; the path loses a leading `$`/`$.`.
pub(crate) fn problem(
    severity: Severity,
    code: &str,
    path: Option<&str>,
    pos: Option<Position>,
    message: String,
    hint: &str,
) -> Problem {
    let path = path.map(clean_path).filter(|p| !p.is_empty());
    Problem {
        severity,
        code: code.to_string(),
        path,
        line: pos.map(|p| p.line),
        column: pos.map(|p| p.column),
        message,
        hint: hint.to_string(),
    }
}

pub(crate) fn clean_path(p: &str) -> String {
    let p = p.strip_prefix('$').unwrap_or(p);
    p.strip_prefix('.').unwrap_or(p).to_string()
}

#[cfg(test)]
mod tests;

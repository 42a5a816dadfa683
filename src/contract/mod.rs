//! Agency data contracts: turning published JSON text into data, and every way that can fail.
//!
//! Widgets and the CLI load agency files through here, so a webmaster sees the same diagnosis in
//! the browser's error panel and in `cchc check`: the JSON syntax error with its line and column
//! ([`parse_value`]), or the JSON path of the value that has the wrong shape (made by each loader
//! with [`DataError::shape`]). Failures are plain data ([`LoadFailure`]); the shells decide how to
//! show them.

use crate::i18n::Lang;
use crate::json::{self, Value};

/// The largest data file a widget accepts (bytes). Bigger files are refused before parsing: on a
/// cheap phone a 20 MB JSON would freeze the page for seconds.
pub const MAX_DATA_BYTES: usize = 16 * 1024 * 1024;

/// What went wrong inside a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataErrorKind {
    /// The file is empty or only whitespace.
    Empty,
    /// Not valid JSON (with line and column).
    Syntax,
    /// Valid JSON, but a value has the wrong type or a required field is missing (with its path).
    Shape,
    /// Larger than [`MAX_DATA_BYTES`].
    TooLarge,
    /// Valid JSON of the right shape, but its meaning is wrong (e.g. an unknown `version`).
    Invalid,
}

/// A problem found in a data file, located as precisely as possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub kind: DataErrorKind,
    /// 1-based line, for syntax and shape errors.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// JSON path such as `procedures[17].name`, for shape errors.
    pub path: Option<String>,
    /// The parser's own wording (English), for the webmaster.
    pub detail: String,
}

impl DataError {
    /// A value of the wrong type, or a required member missing, at `path` (`items[1].name`).
    pub fn shape(path: impl Into<String>, detail: impl Into<String>) -> DataError {
        let path: String = path.into();
        DataError {
            kind: DataErrorKind::Shape,
            line: None,
            column: None,
            path: (!path.is_empty()).then_some(path),
            detail: detail.into(),
        }
    }

    /// An error about the meaning of a value at `path`.
    pub fn invalid(path: impl Into<String>, detail: impl Into<String>) -> DataError {
        DataError {
            kind: DataErrorKind::Invalid,
            line: None,
            column: None,
            path: Some(path.into()),
            detail: detail.into(),
        }
    }

    /// One sentence for the webmaster: what is wrong and where.
    pub fn message(&self, lang: Lang) -> String {
        let what = lang.text(match self.kind {
            DataErrorKind::Empty => msg!("Tệp dữ liệu rỗng", "The data file is empty"),
            DataErrorKind::Syntax => msg!(
                "Tệp dữ liệu không phải JSON hợp lệ",
                "The data file is not valid JSON"
            ),
            DataErrorKind::Shape => {
                msg!("Dữ liệu sai cấu trúc", "The data has the wrong structure")
            }
            DataErrorKind::TooLarge => msg!("Tệp dữ liệu quá lớn", "The data file is too large"),
            DataErrorKind::Invalid => msg!("Dữ liệu không hợp lệ", "The data is not valid"),
        });
        let mut out = what.to_string();
        if let (Some(line), Some(column)) = (self.line, self.column) {
            out.push(' ');
            out.push_str(&tr!(
                lang,
                "(dòng {line}, cột {column})",
                "(line {line}, column {column})",
                line = line,
                column = column
            ));
        }
        if let Some(path) = self.path.as_deref().filter(|p| !p.is_empty() && *p != ".") {
            out.push(' ');
            out.push_str(&tr!(lang, "tại {path}", "at {path}", path = path));
        }
        if !self.detail.is_empty() {
            out.push_str(": ");
            out.push_str(&self.detail);
        }
        out
    }
}

/// `base.key`: the JSON path of a member, for error messages (one out-of-line function rather
/// than a `format!` at each of the loaders' ~50 call sites, which the wasm would pay for).
#[inline(never)]
pub fn sub_path(base: &str, key: &str) -> String {
    let mut p = String::with_capacity(base.len() + 1 + key.len());
    p.push_str(base);
    p.push('.');
    p.push_str(key);
    p
}

/// `prefix[i]`: the JSON path of a list item (one shared body instead of a `format!` at each
/// call site, which would also keep core's formatting machinery in the wasm).
#[inline(never)]
pub fn indexed(prefix: &str, i: usize) -> String {
    let mut p = String::with_capacity(prefix.len() + 6);
    p.push_str(prefix);
    p.push('[');
    crate::num::push_int(&mut p, i);
    p.push(']');
    p
}

/// Parses JSON text into a tree, refusing empty and oversized files and locating syntax errors
/// by line and (character) column. A UTF-8 byte-order mark is accepted.
pub fn parse_value(text: &str) -> Result<Value, DataError> {
    let text = check_text(text)?;
    json::parse(text).map_err(|e| DataError {
        kind: DataErrorKind::Syntax,
        line: Some(e.line),
        column: Some(e.column),
        path: None,
        detail: e.detail,
    })
}

/// The size and emptiness checks every data file gets before parsing; returns the text without
/// its byte-order mark.
fn check_text(text: &str) -> Result<&str, DataError> {
    if text.len() > MAX_DATA_BYTES {
        return Err(DataError {
            kind: DataErrorKind::TooLarge,
            line: None,
            column: None,
            path: None,
            detail: crate::text::cat(&[
                &crate::num::int(text.len()),
                " bytes > ",
                &crate::num::int(MAX_DATA_BYTES),
                " bytes",
            ]),
        });
    }
    // A UTF-8 byte-order mark is common in files saved by Windows editors; it is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DataError {
            kind: DataErrorKind::Empty,
            line: None,
            column: None,
            path: None,
            detail: String::new(),
        });
    }
    Ok(text)
}

/// Why a widget could not get its data, independent of how it was fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The host element names no data file.
    NoSource { attribute: String },
    /// The server answered with an HTTP error status.
    Http { status: u16, url: String },
    /// No answer within the time limit.
    Timeout { seconds: u32, url: String },
    /// The request failed (offline, DNS, CORS, blocked).
    Network { url: String },
    /// The file arrived but its content is unusable.
    Data { url: String, error: DataError },
}

impl LoadFailure {
    /// What the citizen is told: what happened and what they can do.
    pub fn citizen_message(&self, lang: Lang) -> &'static str {
        match self {
            LoadFailure::Timeout { .. } | LoadFailure::Network { .. } => tr!(
                lang,
                "Không tải được dữ liệu do kết nối mạng chậm hoặc bị gián đoạn. Vui lòng kiểm tra kết nối và thử lại.",
                "The data could not be loaded because the connection is slow or interrupted. Please check your connection and try again."
            ),
            LoadFailure::Http { status, .. } if *status >= 500 => tr!(
                lang,
                "Máy chủ đang gặp sự cố nên chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.",
                "The server has a problem, so the data could not be loaded. Please try again in a few minutes."
            ),
            _ => tr!(
                lang,
                "Chức năng này tạm thời chưa hoạt động do lỗi dữ liệu của trang. Vui lòng quay lại sau hoặc liên hệ quản trị trang.",
                "This feature is temporarily unavailable because of a data error on this site. Please come back later or contact the site administrator."
            ),
        }
    }

    /// Whether trying again could help (network and server errors), so a retry button is offered.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            LoadFailure::Timeout { .. } | LoadFailure::Network { .. } | LoadFailure::Http { .. }
        )
    }

    /// Where the problem is, for the webmaster (shown in a "technical details" section).
    pub fn webmaster_detail(&self, lang: Lang) -> String {
        match self {
            LoadFailure::NoSource { attribute } => tr!(
                lang,
                "Thẻ nhúng thiếu thuộc tính {attribute} (đường dẫn tới tệp dữ liệu).",
                "The embed tag has no {attribute} attribute (the data file's URL).",
                attribute = attribute
            ),
            LoadFailure::Http { status, url } => tr!(
                lang,
                "HTTP {status} khi tải {url}",
                "HTTP {status} loading {url}",
                status = status,
                url = url
            ),
            LoadFailure::Timeout { seconds, url } => tr!(
                lang,
                "Quá {seconds} giây không nhận được phản hồi từ {url}",
                "No response from {url} within {seconds} seconds",
                seconds = seconds,
                url = url
            ),
            LoadFailure::Network { url } => tr!(
                lang,
                "Lỗi mạng khi tải {url}",
                "Network error loading {url}",
                url = url
            ),
            LoadFailure::Data { url, error } => {
                crate::text::cat(&[url, ": ", &error.message(lang)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A loader for a small document `{"version": 1, "items": [{"name": "..."}]}`, written the way
    /// the crate's loaders are: shape errors carry the JSON path.
    fn doc(text: &str) -> Result<(u64, Vec<String>), DataError> {
        let v = parse_value(text)?;
        let version = v
            .get("version")
            .and_then(Value::as_u64)
            .ok_or_else(|| DataError::shape("version", "expected a number"))?;
        let items = v
            .get("items")
            .and_then(Value::as_array)
            .ok_or_else(|| DataError::shape("items", "expected an array"))?;
        let mut names = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("items[{i}]");
            match item.get("name") {
                Some(Value::Str(s)) => names.push(s.clone()),
                Some(other) => {
                    let detail = format!("expected a string, found {}", other.type_name());
                    return Err(DataError::shape(sub_path(&path, "name"), detail));
                }
                None => return Err(DataError::shape(path, "missing field `name`")),
            }
        }
        Ok((version, names))
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = doc("{\n  \"version\": 1,\n  \"items\": [,]\n}").unwrap_err();
        assert_eq!(err.kind, DataErrorKind::Syntax);
        assert_eq!(err.line, Some(3));
        assert_eq!(err.column, Some(13));
        let msg = err.message(Lang::Vi);
        assert!(msg.contains("dòng 3, cột 13"), "{msg}");
        assert_eq!(err.detail, "expected value");
    }

    #[test]
    fn syntax_error_columns_count_characters() {
        let err = parse_value("{\"tên\": \"Hà Nội\",}").unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(18)));
        assert_eq!(err.detail, "trailing comma");
    }

    #[test]
    fn shape_error_has_path() {
        let err = doc(r#"{"version": 1, "items": [{"name": "a"}, {"name": 7}]}"#).unwrap_err();
        assert_eq!(err.kind, DataErrorKind::Shape);
        assert_eq!(err.path.as_deref(), Some("items[1].name"));
        assert!(err.message(Lang::En).contains("at items[1].name"));
        assert_eq!(
            doc(r#"{"version": 1, "items": [{"name": "a"}]}"#),
            Ok((1, vec!["a".to_string()]))
        );
        assert_eq!(DataError::shape("", "x").path, None);
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let err = doc(r#"{"version": 1, "items": []} x"#).unwrap_err();
        assert_eq!(err.kind, DataErrorKind::Syntax);
        assert_eq!(err.path, None);
        assert_eq!(err.detail, "trailing characters");
    }

    #[test]
    fn empty_too_large_and_bom() {
        assert_eq!(doc("  \n").unwrap_err().kind, DataErrorKind::Empty);
        assert_eq!(parse_value("").unwrap_err().kind, DataErrorKind::Empty);
        assert!(doc("\u{feff}{\"version\":1,\"items\":[]}").is_ok());
        let big = " ".repeat(MAX_DATA_BYTES + 1);
        assert_eq!(parse_value(&big).unwrap_err().kind, DataErrorKind::TooLarge);
    }

    #[test]
    fn failures_say_what_to_do() {
        let f = LoadFailure::Http {
            status: 404,
            url: "tthc.json".into(),
        };
        assert!(!f.citizen_message(Lang::Vi).is_empty());
        assert_eq!(f.webmaster_detail(Lang::Vi), "HTTP 404 khi tải tthc.json");
        assert!(f.retryable());
        let d = LoadFailure::Data {
            url: "x.json".into(),
            error: DataError::invalid("version", "must be 1"),
        };
        assert!(!d.retryable());
        assert_eq!(
            d.webmaster_detail(Lang::En),
            "x.json: The data is not valid at version: must be 1"
        );
    }
}

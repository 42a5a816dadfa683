//! Agency data contracts: turning published JSON text into typed data, and every way that can fail.
//!
//! Widgets and the CLI load agency files through here, so a webmaster sees the same diagnosis in
//! the browser's error panel and in `cchc check`: the JSON syntax error with its line and column,
//! or the JSON path of the value that has the wrong shape. Failures are plain data
//! ([`LoadFailure`]); the shells decide how to show them.

use serde::de::DeserializeOwned;

use crate::i18n::Lang;

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
        let what = match self.kind {
            DataErrorKind::Empty => lang.pick("Tệp dữ liệu rỗng", "The data file is empty"),
            DataErrorKind::Syntax => lang.pick(
                "Tệp dữ liệu không phải JSON hợp lệ",
                "The data file is not valid JSON",
            ),
            DataErrorKind::Shape => {
                lang.pick("Dữ liệu sai cấu trúc", "The data has the wrong structure")
            }
            DataErrorKind::TooLarge => {
                lang.pick("Tệp dữ liệu quá lớn", "The data file is too large")
            }
            DataErrorKind::Invalid => lang.pick("Dữ liệu không hợp lệ", "The data is not valid"),
        };
        let mut out = what.to_string();
        if let (Some(line), Some(column)) = (self.line, self.column) {
            out.push_str(&match lang {
                Lang::Vi => format!(" (dòng {line}, cột {column})"),
                Lang::En => format!(" (line {line}, column {column})"),
            });
        }
        if let Some(path) = self.path.as_deref().filter(|p| !p.is_empty() && *p != ".") {
            out.push_str(&match lang {
                Lang::Vi => format!(" tại {path}"),
                Lang::En => format!(" at {path}"),
            });
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

/// Parses JSON text into `T`, locating syntax errors by line:column and shape errors by JSON path.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, DataError> {
    if text.len() > MAX_DATA_BYTES {
        return Err(DataError {
            kind: DataErrorKind::TooLarge,
            line: None,
            column: None,
            path: None,
            detail: format!("{} bytes > {} bytes", text.len(), MAX_DATA_BYTES),
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
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => match de.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(from_serde(e, None)),
        },
        Err(err) => {
            let path = err.path().to_string();
            Err(from_serde(err.into_inner(), Some(path)))
        }
    }
}

fn from_serde(inner: serde_json::Error, path: Option<String>) -> DataError {
    let kind = match inner.classify() {
        serde_json::error::Category::Data => DataErrorKind::Shape,
        _ => DataErrorKind::Syntax,
    };
    let line = inner.line();
    DataError {
        kind: kind.clone(),
        line: (line > 0).then_some(line),
        column: (line > 0).then_some(inner.column()),
        path: path.filter(|p| kind == DataErrorKind::Shape && p != "."),
        detail: strip_position(&inner.to_string()),
    }
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg.get(..i).unwrap_or(msg).to_string(),
        None => msg.to_string(),
    }
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
            LoadFailure::Timeout { .. } | LoadFailure::Network { .. } => lang.pick(
                "Không tải được dữ liệu do kết nối mạng chậm hoặc bị gián đoạn. Vui lòng kiểm tra kết nối và thử lại.",
                "The data could not be loaded because the connection is slow or interrupted. Please check your connection and try again.",
            ),
            LoadFailure::Http { status, .. } if *status >= 500 => lang.pick(
                "Máy chủ đang gặp sự cố nên chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.",
                "The server has a problem, so the data could not be loaded. Please try again in a few minutes.",
            ),
            _ => lang.pick(
                "Chức năng này tạm thời chưa hoạt động do lỗi dữ liệu của trang. Vui lòng quay lại sau hoặc liên hệ quản trị trang.",
                "This feature is temporarily unavailable because of a data error on this site. Please come back later or contact the site administrator.",
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
        match (self, lang) {
            (LoadFailure::NoSource { attribute }, Lang::Vi) => {
                format!("Thẻ nhúng thiếu thuộc tính {attribute} (đường dẫn tới tệp dữ liệu).")
            }
            (LoadFailure::NoSource { attribute }, Lang::En) => {
                format!("The embed tag has no {attribute} attribute (the data file's URL).")
            }
            (LoadFailure::Http { status, url }, Lang::Vi) => format!("HTTP {status} khi tải {url}"),
            (LoadFailure::Http { status, url }, Lang::En) => format!("HTTP {status} loading {url}"),
            (LoadFailure::Timeout { seconds, url }, Lang::Vi) => {
                format!("Quá {seconds} giây không nhận được phản hồi từ {url}")
            }
            (LoadFailure::Timeout { seconds, url }, Lang::En) => {
                format!("No response from {url} within {seconds} seconds")
            }
            (LoadFailure::Network { url }, Lang::Vi) => format!("Lỗi mạng khi tải {url}"),
            (LoadFailure::Network { url }, Lang::En) => format!("Network error loading {url}"),
            (LoadFailure::Data { url, error }, _) => format!("{url}: {}", error.message(lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        version: u32,
        items: Vec<Item>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        name: String,
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse_json::<Doc>("{\n  \"version\": 1,\n  \"items\": [,]\n}").unwrap_err();
        assert_eq!(err.kind, DataErrorKind::Syntax);
        assert_eq!(err.line, Some(3));
        assert_eq!(err.column, Some(13));
        let msg = err.message(Lang::Vi);
        assert!(msg.contains("dòng 3, cột 13"), "{msg}");
    }

    #[test]
    fn shape_error_has_path() {
        let err = parse_json::<Doc>(r#"{"version": 1, "items": [{"name": "a"}, {"name": 7}]}"#)
            .unwrap_err();
        assert_eq!(err.kind, DataErrorKind::Shape);
        assert_eq!(err.path.as_deref(), Some("items[1].name"));
        assert!(err.message(Lang::En).contains("at items[1].name"));
    }

    #[test]
    fn trailing_garbage_is_a_syntax_error() {
        let err = parse_json::<Doc>(r#"{"version": 1, "items": []} x"#).unwrap_err();
        assert_eq!(err.kind, DataErrorKind::Syntax);
        assert_eq!(err.path, None);
    }

    #[test]
    fn empty_and_bom() {
        assert_eq!(
            parse_json::<Doc>("  \n").unwrap_err().kind,
            DataErrorKind::Empty
        );
        assert!(parse_json::<Doc>("\u{feff}{\"version\":1,\"items\":[]}").is_ok());
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

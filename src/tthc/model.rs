//! The procedure (thủ tục hành chính) as the widgets and the CLI see it, after cleaning.

use std::collections::HashMap;

use serde::Serialize;

use crate::contract::{self, DataError, DataErrorKind};
use crate::i18n::Lang;
use crate::json::Value;

/// How far a procedure can be done online.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Online {
    /// Dịch vụ công trực tuyến toàn trình: submit, pay and receive online.
    ToanTrinh,
    /// Dịch vụ công trực tuyến một phần: the file can be submitted online, something is done in person.
    MotPhan,
    /// Không: in person or by post only.
    #[default]
    Khong,
}

impl Online {
    /// The facet value (the JSON spelling).
    pub fn key(self) -> &'static str {
        match self {
            Online::ToanTrinh => "toan_trinh",
            Online::MotPhan => "mot_phan",
            Online::Khong => "khong",
        }
    }

    /// Parses the JSON spelling; `None` for anything else.
    pub fn from_key(s: &str) -> Option<Online> {
        match s {
            "toan_trinh" => Some(Online::ToanTrinh),
            "mot_phan" => Some(Online::MotPhan),
            "khong" => Some(Online::Khong),
            _ => None,
        }
    }

    /// What a citizen reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Online::ToanTrinh => lang.pick("Trực tuyến toàn trình", "Fully online"),
            Online::MotPhan => lang.pick("Trực tuyến một phần", "Partly online"),
            Online::Khong => lang.pick("Không trực tuyến", "Not online"),
        }
    }
}

/// The long parts of a procedure, shown when it is opened (inline in `tthc.json` or fetched from
/// `details_url`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Details {
    /// Thành phần hồ sơ: the documents to submit, one per item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// Trình tự thực hiện: the steps, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// Yêu cầu, điều kiện.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// Căn cứ pháp lý: legal documents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<String>,
    /// Cách thức thực hiện: one line per channel (in person, online, post) with time and fee.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
    /// Kết quả: what the citizen receives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Đối tượng thực hiện: who may use the procedure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
}

impl Details {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self == &Details::default()
    }

    /// Reads details from JSON: an object whose members `documents`, `steps`, `conditions`,
    /// `legal_basis`, `channels` are lists of strings and `result`, `audience` strings or `null`;
    /// missing members are empty, unknown members ignored. The error says where and what is
    /// wrong, e.g. `steps[2]: expected a string, found a number`.
    pub fn from_value(v: &Value) -> Result<Details, String> {
        read_details(v).map_err(|(path, detail)| {
            if path.is_empty() {
                detail
            } else {
                format!("{path}: {detail}")
            }
        })
    }

    /// Reads a details file (`details_url`): a JSON object from procedure code to its details.
    /// Syntax errors have their line and column, shape errors the path of the wrong value.
    pub fn parse_file(text: &str) -> Result<HashMap<String, Details>, DataError> {
        let root = contract::parse_value(text)?;
        let shape = |path: String, detail: String| DataError {
            kind: DataErrorKind::Shape,
            line: None,
            column: None,
            path: (!path.is_empty()).then_some(path),
            detail,
        };
        let Value::Obj(members) = root else {
            let found = root.type_name();
            return Err(shape(
                String::new(),
                format!("expected an object, found {found}"),
            ));
        };
        let mut out = HashMap::with_capacity(members.len());
        for (code, v) in members {
            let d = read_details(&v).map_err(|(path, detail)| {
                let sep = if path.is_empty() { "" } else { "." };
                shape(format!("{code}{sep}{path}"), detail)
            })?;
            out.insert(code, d);
        }
        Ok(out)
    }
}

/// [`Details::from_value`], with the error's path (relative, such as `steps[2]`) apart.
fn read_details(v: &Value) -> Result<Details, (String, String)> {
    let Value::Obj(members) = v else {
        let found = v.type_name();
        return Err((String::new(), format!("expected an object, found {found}")));
    };
    let mut d = Details::default();
    for (key, value) in members {
        let list = match key.as_str() {
            "documents" => &mut d.documents,
            "steps" => &mut d.steps,
            "conditions" => &mut d.conditions,
            "legal_basis" => &mut d.legal_basis,
            "channels" => &mut d.channels,
            "result" => {
                d.result = optional_string(value).map_err(|e| (key.clone(), e))?;
                continue;
            }
            "audience" => {
                d.audience = optional_string(value).map_err(|e| (key.clone(), e))?;
                continue;
            }
            _ => continue,
        };
        *list = strings(value).map_err(|(i, e)| match i {
            Some(i) => (format!("{key}[{i}]"), e),
            None => (key.clone(), e),
        })?;
    }
    Ok(d)
}

/// `null` or a string.
fn optional_string(v: &Value) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Str(s) => Ok(Some(s.clone())),
        other => Err(format!("expected a string, found {}", other.type_name())),
    }
}

/// A list of strings; the error names the index of a wrong item.
fn strings(v: &Value) -> Result<Vec<String>, (Option<usize>, String)> {
    let Value::Arr(items) = v else {
        let found = v.type_name();
        return Err((None, format!("expected a list of strings, found {found}")));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Str(s) => Ok(s.clone()),
            other => Err((
                Some(i),
                format!("expected a string, found {}", other.type_name()),
            )),
        })
        .collect()
}

/// One procedure, cleaned: NFC text, trimmed, placeholders removed, levels split.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Procedure {
    /// Mã thủ tục, e.g. `1.001193`.
    pub code: String,
    /// Tên thủ tục.
    pub name: String,
    /// Lĩnh vực.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Cấp thực hiện, e.g. `["Cấp tỉnh", "Cấp xã"]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// Cơ quan thực hiện / có thẩm quyền.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    /// Mức độ trực tuyến.
    pub online: Online,
    /// Nộp hoặc nhận kết quả qua bưu chính.
    pub postal: bool,
    /// Thanh toán trực tuyến.
    pub online_payment: bool,
    /// Thời hạn giải quyết, as published ("5 Ngày làm việc").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Phí, lệ phí, as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<String>,
    /// The procedure's page on the public-service portal ("Nộp hồ sơ trực tuyến").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Inline details, if the file carries them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Details>,
    /// Where the details are fetched from when the procedure is opened (relative to the data file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details_url: Option<String>,
}

/// Something in the data that was repaired or skipped while loading; the rest still loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What happened.
    pub kind: WarningKind,
    /// 1-based line (JSON Lines input) when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// JSON path such as `procedures[17].levels`.
    pub path: String,
    /// Specifics (the code, the value's type, ...), not translated.
    pub detail: String,
}

/// The kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The record lacks a code or a name, or is not an object: it was skipped.
    RecordSkipped,
    /// A value had the wrong type and was ignored.
    ValueIgnored,
    /// A second record with the same code: merged into the first.
    DuplicateMerged,
    /// A JSON Lines line is not valid JSON: it was skipped.
    LineSkipped,
}

impl Warning {
    /// One sentence for the webmaster.
    pub fn message(&self, lang: Lang) -> String {
        let what = match self.kind {
            WarningKind::RecordSkipped => lang.pick(
                "Bỏ qua thủ tục thiếu mã hoặc tên",
                "Skipped a procedure without code or name",
            ),
            WarningKind::ValueIgnored => lang.pick(
                "Bỏ qua giá trị sai kiểu",
                "Ignored a value of the wrong type",
            ),
            WarningKind::DuplicateMerged => lang.pick(
                "Gộp thủ tục trùng mã",
                "Merged a procedure with a duplicate code",
            ),
            WarningKind::LineSkipped => lang.pick(
                "Bỏ qua dòng không phải JSON hợp lệ",
                "Skipped a line that is not valid JSON",
            ),
        };
        let mut out = what.to_string();
        if let Some(line) = self.line {
            out.push_str(&match lang {
                Lang::Vi => format!(" (dòng {line})"),
                Lang::En => format!(" (line {line})"),
            });
        }
        if !self.path.is_empty() {
            out.push_str(&match lang {
                Lang::Vi => format!(" tại {}", self.path),
                Lang::En => format!(" at {}", self.path),
            });
        }
        if !self.detail.is_empty() {
            out.push_str(": ");
            out.push_str(&self.detail);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_from_json() {
        let v = crate::json::parse(
            r#"{"steps": ["Bước 1", "Bước 2"], "result": "Giấy phép", "audience": null, "extra": 1}"#,
        )
        .unwrap_or(Value::Null);
        let d = Details::from_value(&v).unwrap_or_default();
        assert_eq!(d.steps, ["Bước 1", "Bước 2"]);
        assert_eq!(d.result.as_deref(), Some("Giấy phép"));
        assert_eq!(d.audience, None);
        assert!(d.documents.is_empty());
        let bad = crate::json::parse(r#"{"steps": ["a", 5]}"#).unwrap_or(Value::Null);
        assert_eq!(
            Details::from_value(&bad),
            Err("steps[1]: expected a string, found a number".to_string())
        );
        let bad = crate::json::parse(r#"{"result": []}"#).unwrap_or(Value::Null);
        assert_eq!(
            Details::from_value(&bad),
            Err("result: expected a string, found an array".to_string())
        );
        assert_eq!(
            Details::from_value(&Value::from("x")),
            Err("expected an object, found a string".to_string())
        );
    }

    #[test]
    fn details_file_of_the_real_data() {
        let text = std::fs::read_to_string("www/data/tthc-chi-tiet/000.json").unwrap_or_default();
        let map = Details::parse_file(&text).unwrap_or_default();
        let d = map.get("1.000178").cloned().unwrap_or_default();
        assert!(d.audience.is_some_and(|a| a.contains("Công dân Việt Nam")));
        assert!(!d.channels.is_empty());
        // Every record of the file, every list item, as serde_json reads them.
        let reference: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let records = reference.as_object().map(|o| o.len());
        assert!(records.is_some_and(|n| n > 20));
        assert_eq!(Some(map.len()), records);
        for (code, d) in &map {
            let r = &reference[code];
            let n = |k: &str| r[k].as_array().map_or(0, Vec::len);
            assert_eq!(d.steps.len(), n("steps"), "{code}");
            assert_eq!(d.documents.len(), n("documents"), "{code}");
            assert_eq!(d.legal_basis.len(), n("legal_basis"), "{code}");
            assert_eq!(d.result.as_deref(), r["result"].as_str(), "{code}");
        }
    }

    #[test]
    fn details_file_errors_are_located() {
        let e = Details::parse_file(r#"{"1.1": {"steps": "x"}}"#).unwrap_err();
        assert_eq!(e.kind, DataErrorKind::Shape);
        assert_eq!(e.path.as_deref(), Some("1.1.steps"));
        assert_eq!(e.detail, "expected a list of strings, found a string");
        let e = Details::parse_file(r#"{"1.1": {"documents": [null]}}"#).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("1.1.documents[0]"));
        let e = Details::parse_file("[]").unwrap_err();
        assert_eq!((e.kind, e.path), (DataErrorKind::Shape, None));
        let e = Details::parse_file("{\n\"1.1\": {]").unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.column),
            (DataErrorKind::Syntax, Some(2), Some(9))
        );
    }
}

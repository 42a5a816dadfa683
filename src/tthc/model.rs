//! The procedure (thủ tục hành chính) as the widgets and the CLI see it, after cleaning.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// How far a procedure can be done online.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
}

/// One procedure, cleaned: NFC text, trimmed, placeholders removed, levels split.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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

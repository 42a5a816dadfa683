//! `chi-tieu.json`: an agency's indices, results, targets, plan indicators and tasks.
//!
//! The format is written by hand or by a script from a plan PDF, so the loader must say exactly
//! what is wrong and where (a JSON path such as `agencies[0].indices[2].results[1].score`), in
//! Vietnamese and English, and never panic. It walks the parsed JSON itself (rather than derive
//! `Deserialize`) for that reason. Targets and deadlines are kept as the plan's own text and parsed
//! here with [`parse_target`] and [`parse_deadline`]; nothing is hand-classified.
//! The format is documented in `docs/chi-tieu-format.md` and `schemas/chi-tieu.schema.json`.

use crate::json::Value;
use serde::Serialize;

use super::date::Date;
use super::deadline::{parse_deadline, Deadline};
use super::target::{parse_target, Target};
use crate::i18n::Lang;
use crate::num::int;
use crate::text::cat;

/// The `format` field every document carries.
pub const FORMAT: &str = "cchc-chi-tieu";
/// The version this loader reads.
pub const VERSION: u64 = 1;
/// Largest document read, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Provinces ranked before 1 July 2025.
pub const PROVINCES_BEFORE_2025_07: u32 = 63;
/// Provinces ranked from 1 July 2025 (Nghị quyết 202/2025/QH15).
pub const PROVINCES_FROM_2025_07: u32 = 34;

/// A loaded document.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Format version.
    pub version: u64,
    /// Date the data was last checked, if given.
    pub as_of: Option<Date>,
    /// The agencies (usually one province).
    pub agencies: Vec<Agency>,
    /// Problems that do not stop loading (an unknown deadline phrase, for example).
    pub warnings: Vec<LoadError>,
}

/// One agency (a province's People's Committee, a department).
#[derive(Clone, Debug, Serialize)]
pub struct Agency {
    /// Stable id.
    pub id: String,
    /// Name as written.
    pub name: String,
    /// Province name, if the agency is or belongs to one.
    pub province: Option<String>,
    /// Indices the agency is ranked on.
    pub indices: Vec<Index>,
    /// Plans with indicators and tasks.
    pub plans: Vec<Plan>,
}

/// The kind of an index; known kinds carry their official scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    /// Chỉ số cải cách hành chính (Bộ Nội vụ), percent.
    ParIndex,
    /// Chỉ số hài lòng (Bộ Nội vụ), percent.
    Sipas,
    /// PAPI (UNDP): out of 80 since 2018, out of 60 before.
    Papi,
    /// PCI (VCCI): 0–100 with 10 sub-indices of 0–10.
    Pci,
    /// DTI: 0–1.
    Dti,
    /// DDCI: province-defined; a `scale` is required.
    Ddci,
    /// Bộ chỉ số 766 (QĐ 766/QĐ-TTg): 0–100.
    Svc766,
    /// Anything else; a `scale` is required.
    Custom,
}

impl IndexKind {
    fn parse(s: &str) -> Option<IndexKind> {
        Some(match s {
            "par_index" => Self::ParIndex,
            "sipas" => Self::Sipas,
            "papi" => Self::Papi,
            "pci" => Self::Pci,
            "dti" => Self::Dti,
            "ddci" => Self::Ddci,
            "svc766" => Self::Svc766,
            "custom" => Self::Custom,
            _ => return None,
        })
    }

    /// The official scale for a result year, if the kind has one.
    pub fn scale(self, year: i32) -> Option<Scale> {
        let s = |max: f64, unit: ScaleUnit| {
            Some(Scale {
                min: 0.0,
                max,
                unit,
            })
        };
        match self {
            Self::ParIndex | Self::Sipas => s(100.0, ScaleUnit::Percent),
            Self::Papi if year >= 2018 => s(80.0, ScaleUnit::Points),
            Self::Papi => s(60.0, ScaleUnit::Points),
            Self::Pci | Self::Svc766 => s(100.0, ScaleUnit::Points),
            Self::Dti => s(1.0, ScaleUnit::Ratio),
            Self::Ddci | Self::Custom => None,
        }
    }
}

/// How scores are expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleUnit {
    /// Percent.
    Percent,
    /// Points.
    Points,
    /// A 0–1 ratio.
    Ratio,
}

/// A score range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scale {
    /// Lowest score.
    pub min: f64,
    /// Highest score.
    pub max: f64,
    /// Unit.
    pub unit: ScaleUnit,
}

/// An index the agency is ranked on.
#[derive(Clone, Debug, Serialize)]
pub struct Index {
    /// Stable id ("PAR_INDEX").
    pub id: String,
    /// Kind.
    pub kind: IndexKind,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: Option<String>,
    /// Declared scale (required for `ddci`/`custom`; otherwise the official one applies).
    pub scale: Option<Scale>,
    /// Yearly results, sorted by year.
    pub results: Vec<IndexResult>,
    /// Targets per year.
    pub targets: Vec<IndexTarget>,
}

impl Index {
    /// The scale that applies to a result year.
    pub fn scale_for(&self, year: i32) -> Option<Scale> {
        self.scale.or_else(|| self.kind.scale(year))
    }
}

/// Publication status of a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultStatus {
    /// Published by the index owner.
    Official,
    /// Computed from published data (e.g. summed sub-dimensions); label it so.
    Derived,
    /// The owner did not publish it (PCI 2023–2024 outside the top 30).
    NotPublished,
}

/// One year's result.
#[derive(Clone, Debug, Serialize)]
pub struct IndexResult {
    /// The year assessed.
    pub year: i32,
    /// Score on the index's scale.
    pub score: Option<f64>,
    /// Rank (1 = best).
    pub rank: Option<u32>,
    /// Number of provinces ranked (63 until 2024, 34 from 2025).
    pub rank_of: Option<u32>,
    /// Rating band as published ("Khá", "Nhóm A").
    pub band: Option<String>,
    /// Publication status.
    pub status: ResultStatus,
    /// Where it was published.
    pub source_url: Option<String>,
    /// Free note.
    pub note: Option<String>,
    /// Sub-index scores by name, in the order given.
    pub sub_scores: Vec<(String, f64)>,
}

/// A target on an index for a year, in the plan's words.
#[derive(Clone, Debug, Serialize)]
pub struct IndexTarget {
    /// Year the target is for.
    pub year: i32,
    /// The plan's wording.
    pub text: String,
    /// The parsed target.
    pub target: Target,
    /// Plan id or citation.
    pub plan: Option<String>,
    /// Date the plan was issued (decides the province count an undenominated rank refers to).
    pub plan_issued: Option<Date>,
    /// Where it is written.
    pub source_url: Option<String>,
}

/// A plan (kế hoạch) with its indicators (chỉ tiêu) and task framework.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Document number ("3098/QĐ-UBND").
    pub number: Option<String>,
    /// Date issued.
    pub issued: Option<Date>,
    /// The plan year: the year implied when a deadline omits it.
    pub year: i32,
    /// Where the plan is published.
    pub source_url: Option<String>,
    /// Indicators.
    pub indicators: Vec<Indicator>,
    /// Tasks.
    pub tasks: Vec<Task>,
    /// The day progress was last reported for this plan (the plan's `reported_on`, else its
    /// agency's): tasks past their deadline are judged as of this day, never as of today.
    pub reported_on: Option<Date>,
    /// How often progress is reported, in months (`reporting_months`; default 3, a quarter).
    pub reporting_months: u8,
}

/// The eight reform areas (NQ 76/NQ-CP's six, plus direction and impact as PAR INDEX scores them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Chỉ đạo, điều hành.
    ChiDaoDieuHanh,
    /// Cải cách thể chế.
    TheChe,
    /// Cải cách thủ tục hành chính.
    Tthc,
    /// Cải cách tổ chức bộ máy.
    ToChucBoMay,
    /// Cải cách chế độ công vụ.
    CongVu,
    /// Cải cách tài chính công.
    TaiChinhCong,
    /// Chính quyền điện tử, chính quyền số.
    ChinhQuyenSo,
    /// Tác động của CCHC.
    TacDong,
}

impl Area {
    /// Every area, in the plans' order.
    pub const ALL: [Area; 8] = [
        Area::ChiDaoDieuHanh,
        Area::TheChe,
        Area::Tthc,
        Area::ToChucBoMay,
        Area::CongVu,
        Area::TaiChinhCong,
        Area::ChinhQuyenSo,
        Area::TacDong,
    ];

    /// The id used in the data.
    pub fn id(self) -> &'static str {
        match self {
            Self::ChiDaoDieuHanh => "chi_dao_dieu_hanh",
            Self::TheChe => "the_che",
            Self::Tthc => "tthc",
            Self::ToChucBoMay => "to_chuc_bo_may",
            Self::CongVu => "cong_vu",
            Self::TaiChinhCong => "tai_chinh_cong",
            Self::ChinhQuyenSo => "chinh_quyen_so",
            Self::TacDong => "tac_dong",
        }
    }

    fn parse(s: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.id() == s)
    }

    /// Label for users.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::ChiDaoDieuHanh => msg!("Chỉ đạo, điều hành", "Direction and management"),
            Self::TheChe => msg!("Cải cách thể chế", "Institutional reform"),
            Self::Tthc => msg!("Cải cách thủ tục hành chính", "Administrative procedures"),
            Self::ToChucBoMay => msg!("Cải cách tổ chức bộ máy", "Organisational structure"),
            Self::CongVu => msg!("Cải cách chế độ công vụ", "Civil service"),
            Self::TaiChinhCong => msg!("Cải cách tài chính công", "Public finance"),
            Self::ChinhQuyenSo => msg!(
                "Chính quyền điện tử, chính quyền số",
                "E-government, digital government"
            ),
            Self::TacDong => msg!("Tác động của cải cách hành chính", "Impact of reform"),
        })
    }
}

/// A plan indicator (chỉ tiêu) with its observed values.
#[derive(Clone, Debug, Serialize)]
pub struct Indicator {
    /// Stable id (the plan's numbering, e.g. "II.3.2").
    pub id: String,
    /// Reform area.
    pub area: Area,
    /// The indicator as written in the plan.
    pub text: String,
    /// The parsed target (from `target_text`, or from `text`).
    pub target: Target,
    /// Deadline (from `deadline_text`, or the plan year).
    pub deadline: Deadline,
    /// Observed values, per label for multi-part targets.
    pub observations: Vec<Observation>,
}

/// An observed value of an indicator.
#[derive(Clone, Debug, Serialize)]
pub struct Observation {
    /// The part it measures ("cấp xã"); `None` for single-part targets.
    pub label: Option<String>,
    /// The value, in the target's unit.
    pub value: f64,
    /// Date measured.
    pub as_of: Date,
    /// Where it was published.
    pub source: Option<String>,
}

/// Reported progress of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskProgress {
    /// Nothing reported (the plan's own state).
    Planned,
    /// Reported as in progress.
    InProgress,
    /// Reported as done.
    Done,
    /// Cancelled or replaced.
    Cancelled,
}

/// A task of the plan's framework.
#[derive(Clone, Debug, Serialize)]
pub struct Task {
    /// Stable id.
    pub id: String,
    /// Reform area.
    pub area: Area,
    /// Objective / indicator the task serves (column 1).
    pub objective: Option<String>,
    /// Task (column 2).
    pub task: Option<String>,
    /// Activity (column 3).
    pub activity: Option<String>,
    /// Output / product (column 4).
    pub output: Option<String>,
    /// Lead agency (chủ trì), as written.
    pub lead: Option<String>,
    /// Co-owners (phối hợp), as written.
    pub co_owners: Option<String>,
    /// Deadline, parsed from the plan's words (`deadline.text`).
    pub deadline: Deadline,
    /// Budget as written ("Theo dự toán được cấp", "380").
    pub budget: Option<String>,
    /// Reported progress.
    pub progress: TaskProgress,
    /// Date completed, if done.
    pub completed_on: Option<Date>,
    /// Link to the evidence (văn bản, báo cáo).
    pub evidence_url: Option<String>,
    /// Its progress reports (`reports`, as written: `cchc import tien-do` appends them; the order
    /// does not matter, the core picks them by date).
    pub reports: Vec<Report>,
}

/// One progress report of a task (báo cáo tiến độ định kỳ): what the report of `reported_on`
/// said about it.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The day the report's figures are as of (its cut-off date).
    pub reported_on: Date,
    /// Progress as reported.
    pub progress: TaskProgress,
    /// Completion date, when reported done.
    pub completed_on: Option<Date>,
    /// Evidence as written (document number or link).
    pub evidence: Option<String>,
    /// Note.
    pub note: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Errors

/// What is wrong with an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not JSON at all.
    NotJson,
    /// Too large.
    TooLarge,
    /// `format` is not `cchc-chi-tieu`.
    WrongFormat,
    /// A version this loader does not read.
    UnsupportedVersion,
    /// A required field is absent.
    Missing,
    /// A field has the wrong JSON type.
    WrongType,
    /// A list or text that must not be empty is.
    Empty,
    /// Not a `YYYY-MM-DD` date that exists.
    BadDate,
    /// A year outside 1990..=2100.
    BadYear,
    /// A result or target year after the document's as-of date.
    FutureYear,
    /// A score outside the index's scale.
    OutOfScale,
    /// A rank without the number of provinces ranked.
    RankWithoutDenominator,
    /// A rank of 0 or greater than its denominator.
    RankOutOfRange,
    /// Two results for the same year.
    DuplicateYear,
    /// An unknown index kind or reform area.
    UnknownValue,
    /// A `ddci`/`custom` index without a scale.
    MissingScale,
    /// A deadline phrase that could not be read (warning).
    UnknownDeadline,
    /// A target phrase that could not be read (warning).
    UnknownTarget,
}

/// Whether a problem stops loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document is not loaded.
    Error,
    /// Loaded; the item is shown as unknown.
    Warning,
}

/// A problem in a document, naming the item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadError {
    /// JSON path of the item ("agencies[0].indices[1].results[3].score").
    pub path: String,
    /// What is wrong.
    pub code: ErrorCode,
    /// Error or warning.
    pub severity: Severity,
    /// Specifics (the offending value, the allowed range), language-neutral.
    pub detail: String,
}

impl LoadError {
    /// The full message in `lang`: path, what is wrong, specifics.
    pub fn message(&self, lang: Lang) -> String {
        let what = lang.text(match self.code {
            ErrorCode::NotJson => msg!("Không phải JSON hợp lệ", "Not valid JSON"),
            ErrorCode::TooLarge => msg!("Tệp quá lớn", "File too large"),
            ErrorCode::WrongFormat => {
                msg!("Không phải tệp chi-tieu.json", "Not a chi-tieu.json file")
            }
            ErrorCode::UnsupportedVersion => msg!(
                "Phiên bản định dạng không được hỗ trợ",
                "Unsupported format version"
            ),
            ErrorCode::Missing => msg!("Thiếu trường bắt buộc", "Required field missing"),
            ErrorCode::WrongType => msg!("Sai kiểu dữ liệu", "Wrong type"),
            ErrorCode::Empty => msg!("Không được để trống", "Must not be empty"),
            ErrorCode::BadDate => msg!(
                "Ngày không hợp lệ (cần YYYY-MM-DD)",
                "Invalid date (YYYY-MM-DD expected)"
            ),
            ErrorCode::BadYear => msg!("Năm không hợp lệ", "Invalid year"),
            ErrorCode::FutureYear => msg!(
                "Năm sau ngày cập nhật dữ liệu",
                "Year after the data's as-of date"
            ),
            ErrorCode::OutOfScale => msg!(
                "Điểm nằm ngoài thang đo của chỉ số",
                "Score outside the index's scale"
            ),
            ErrorCode::RankWithoutDenominator => msg!(
                "Thứ hạng thiếu tổng số tỉnh được xếp hạng (rank_of: 63 hoặc 34)",
                "Rank without the number of provinces ranked (rank_of: 63 or 34)"
            ),
            ErrorCode::RankOutOfRange => msg!(
                "Thứ hạng ngoài khoảng 1..tổng số",
                "Rank outside 1..rank_of"
            ),
            ErrorCode::DuplicateYear => msg!("Trùng năm", "Duplicate year"),
            ErrorCode::UnknownValue => msg!("Giá trị không được hỗ trợ", "Unsupported value"),
            ErrorCode::MissingScale => msg!(
                "Chỉ số tự định nghĩa cần khai báo thang đo (scale)",
                "A custom index needs a scale"
            ),
            ErrorCode::UnknownDeadline => {
                msg!("Không đọc được thời hạn", "Deadline not understood")
            }
            ErrorCode::UnknownTarget => msg!("Không đọc được chỉ tiêu", "Target not understood"),
        });
        if self.detail.is_empty() {
            cat(&[&self.path, ": ", what])
        } else {
            cat(&[&self.path, ": ", what, " (", &self.detail, ")"])
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Loader

/// Loads a `chi-tieu.json` document. Errors name every bad item; warnings ride on the document.
pub fn load(json: &str) -> Result<Document, Vec<LoadError>> {
    let mut cx = Cx::default();
    if json.len() > MAX_BYTES {
        cx.error(
            "$",
            ErrorCode::TooLarge,
            cat(&[&int(json.len()), " > ", &int(MAX_BYTES), " bytes"]),
        );
        return Err(cx.errors);
    }
    let root = match crate::json::parse(json) {
        Ok(v) => v,
        Err(e) => {
            cx.error(
                "$",
                ErrorCode::NotJson,
                cat(&["line ", &int(e.line), ", column ", &int(e.column)]),
            );
            return Err(cx.errors);
        }
    };
    let doc = cx.document(&root);
    if cx.errors.is_empty() {
        let mut doc = doc;
        doc.warnings = cx.warnings;
        Ok(doc)
    } else {
        Err(cx.errors)
    }
}

/// A JSON number's value, read from its text as written (`-12.5`, `69`, `1e3`), or `None` when it
/// is not finite. The plain decimals documents hold go through the lexer's exact fast path rather
/// than `str::parse` (whose tables the wasm would otherwise carry); the result is the same
/// correctly rounded `f64`.
fn json_number(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // A byte scan: `contains(['e', 'E'])` brings std's multi-char searcher into the wasm.
    let magnitude = if digits.bytes().any(|b| b | 0x20 == b'e') {
        super::lex::correct_parse(digits)
    } else {
        super::lex::decimal(digits)
    };
    // `-0` reads as 0, as an integer would.
    let value = if negative && magnitude != 0.0 {
        -magnitude
    } else {
        magnitude
    };
    value.is_finite().then_some(value)
}

/// The value of a JSON number, `None` for anything else.
fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Num(text) => json_number(text),
        _ => None,
    }
}

/// An object's members, each key once: a repeated key counts with its last value (what
/// [`Value::get`] reads), at the place of that last occurrence.
/// (A plain loop into a `Vec`: an `enumerate().filter_map()` iterator cost the wasm more.)
fn last_of_each_key(members: &[(String, Value)]) -> Vec<&(String, Value)> {
    let mut kept = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let later = members.get(i + 1..).unwrap_or_default();
        if !later.iter().any(|(k, _)| *k == m.0) {
            kept.push(m);
        }
    }
    kept
}

#[derive(Default)]
struct Cx {
    errors: Vec<LoadError>,
    warnings: Vec<LoadError>,
    as_of: Option<Date>,
    /// Deadline phrases already parsed, by (phrase, plan year): plans repeat a few phrases
    /// ("Năm 2025", "Thường xuyên") across hundreds of tasks, and parsing dominates loading.
    /// Sorted by key for binary search (a `HashMap` type costs the wasm more than it saves).
    deadlines: Vec<((String, i32), Deadline)>,
}

const EMPTY: &[Value] = &[];

impl Cx {
    fn error(&mut self, path: &str, code: ErrorCode, detail: impl Into<String>) {
        self.errors.push(LoadError {
            path: path.to_string(),
            code,
            severity: Severity::Error,
            detail: detail.into(),
        });
    }

    /// An error on the member `key` of the item at `path` (the path is only built for errors:
    /// loading reads thousands of members).
    fn error_at(&mut self, path: &str, key: &str, code: ErrorCode, detail: impl Into<String>) {
        self.error(&crate::contract::sub_path(path, key), code, detail);
    }

    fn warn(&mut self, path: &str, code: ErrorCode, detail: impl Into<String>) {
        self.warnings.push(LoadError {
            path: path.to_string(),
            code,
            severity: Severity::Warning,
            detail: detail.into(),
        });
    }

    /// `v` itself if it is an object (its members are then read with [`Value::get`]).
    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Value> {
        if v.as_object().is_none() {
            self.error(path, ErrorCode::WrongType, "object expected");
            return None;
        }
        Some(v)
    }

    fn text(&mut self, o: &Value, key: &str, path: &str, required: bool) -> Option<String> {
        match o.get(key) {
            None | Some(Value::Null) if required => {
                self.error_at(path, key, ErrorCode::Missing, "");
                None
            }
            None | Some(Value::Null) => None,
            Some(Value::Str(s)) if s.trim().is_empty() && required => {
                self.error_at(path, key, ErrorCode::Empty, "");
                None
            }
            Some(Value::Str(s)) if s.trim().is_empty() => None,
            Some(Value::Str(s)) => Some(crate::text::nfc(s.trim())),
            Some(_) => {
                self.error_at(path, key, ErrorCode::WrongType, "text expected");
                None
            }
        }
    }

    fn number(&mut self, o: &Value, key: &str, path: &str) -> Option<f64> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Num(text)) => {
                let n = json_number(text);
                if n.is_none() {
                    self.error(
                        &crate::contract::sub_path(path, key),
                        ErrorCode::WrongType,
                        "number out of range",
                    );
                }
                n
            }
            Some(_) => {
                self.error(
                    &crate::contract::sub_path(path, key),
                    ErrorCode::WrongType,
                    "number expected",
                );
                None
            }
        }
    }

    fn uint(&mut self, o: &Value, key: &str, path: &str) -> Option<u32> {
        let v = self.number(o, key, path)?;
        if v.fract() != 0.0 || !(0.0..=1.0e6).contains(&v) {
            self.error(
                &crate::contract::sub_path(path, key),
                ErrorCode::WrongType,
                cat(&["whole number expected, got ", &crate::num::shortest(v)]),
            );
            return None;
        }
        Some(v as u32)
    }

    fn year(&mut self, o: &Value, key: &str, path: &str, required: bool) -> Option<i32> {
        let Some(v) = self.number(o, key, path) else {
            if required && o.get(key).is_none_or(Value::is_null) {
                self.error_at(path, key, ErrorCode::Missing, "");
            }
            return None;
        };
        if v.fract() != 0.0 || !(1990.0..=2100.0).contains(&v) {
            self.error_at(path, key, ErrorCode::BadYear, crate::num::shortest(v));
            return None;
        }
        Some(v as i32)
    }

    fn date(&mut self, o: &Value, key: &str, path: &str) -> Option<Date> {
        let s = self.text(o, key, path, false)?;
        let d = Date::parse_iso(&s);
        if d.is_none() {
            self.error(&crate::contract::sub_path(path, key), ErrorCode::BadDate, s);
        }
        d
    }

    fn list<'v>(&mut self, o: &'v Value, key: &str, path: &str, required: bool) -> &'v [Value] {
        match o.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.error_at(path, key, ErrorCode::Missing, "");
                }
                EMPTY
            }
            Some(Value::Arr(a)) => {
                if a.is_empty() && required {
                    self.error_at(path, key, ErrorCode::Empty, "");
                }
                a
            }
            Some(_) => {
                self.error_at(path, key, ErrorCode::WrongType, "list expected");
                EMPTY
            }
        }
    }

    fn document(&mut self, root: &Value) -> Document {
        let mut doc = Document {
            version: VERSION,
            as_of: None,
            agencies: Vec::new(),
            warnings: Vec::new(),
        };
        let Some(o) = self.object(root, "$") else {
            return doc;
        };
        match o.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            other => self.error(
                "$.format",
                ErrorCode::WrongFormat,
                other.map_or_else(|| "null".to_string(), crate::json::quoted),
            ),
        }
        match o.get("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(v) => self.error("$.version", ErrorCode::UnsupportedVersion, int(v)),
            None => self.error("$.version", ErrorCode::Missing, ""),
        }
        self.as_of = self.date(o, "as_of", "$");
        doc.as_of = self.as_of;
        let agencies = self.list(o, "agencies", "$", true);
        for (i, a) in agencies.iter().enumerate() {
            if let Some(agency) = self.agency(a, &item_path("$", "agencies", i)) {
                doc.agencies.push(agency);
            }
        }
        doc
    }

    fn agency(&mut self, v: &Value, path: &str) -> Option<Agency> {
        let o = self.object(v, path)?;
        let id = self.text(o, "id", path, true);
        let name = self.text(o, "name", path, true);
        let province = self.text(o, "province", path, false);
        // Plain loops rather than `enumerate().filter_map()` chains: the same items in the same
        // order, and each chain cost the wasm several KB of closure code.
        // A report date given for the agency covers each of its plans that has none.
        let reported_on = self.date(o, "reported_on", path);
        let mut plans: Vec<Plan> = Vec::new();
        for (i, p) in self.list(o, "plans", path, false).iter().enumerate() {
            if let Some(mut p) = self.plan(p, &item_path(path, "plans", i)) {
                p.reported_on = p.reported_on.or(reported_on);
                plans.push(p);
            }
        }
        let mut indices: Vec<Index> = Vec::new();
        for (i, x) in self.list(o, "indices", path, false).iter().enumerate() {
            if let Some(ix) = self.index(x, &item_path(path, "indices", i)) {
                indices.push(ix);
            }
        }
        for ix in &mut indices {
            for t in &mut ix.targets {
                if t.plan_issued.is_some() {
                    continue;
                }
                // The first plan with that id, as a plain loop (smaller wasm than `find`).
                for p in &plans {
                    if t.plan.as_ref() == Some(&p.id) {
                        t.plan_issued = p.issued;
                        break;
                    }
                }
            }
        }
        if indices.is_empty() && plans.is_empty() {
            self.error(path, ErrorCode::Empty, "no indices and no plans");
        }
        Some(Agency {
            id: id?,
            name: name?,
            province,
            indices,
            plans,
        })
    }

    fn index(&mut self, v: &Value, path: &str) -> Option<Index> {
        let o = self.object(v, path)?;
        let id = self.text(o, "id", path, true);
        let kind_text = self.text(o, "kind", path, true)?;
        let Some(kind) = IndexKind::parse(&kind_text) else {
            self.error_at(path, "kind", ErrorCode::UnknownValue, kind_text);
            return None;
        };
        let name_vi = self.text(o, "name_vi", path, true);
        let name_en = self.text(o, "name_en", path, false);
        let scale = match o.get("scale") {
            Some(s) if !s.is_null() => self.scale(s, &crate::contract::sub_path(path, "scale")),
            _ => None,
        };
        if scale.is_none() && matches!(kind, IndexKind::Ddci | IndexKind::Custom) {
            self.error_at(path, "scale", ErrorCode::MissingScale, "");
        }
        let mut ix = Index {
            id: id?,
            kind,
            name_vi: name_vi?,
            name_en,
            scale,
            results: Vec::new(),
            targets: Vec::new(),
        };
        for (i, r) in self.list(o, "results", path, false).iter().enumerate() {
            if let Some(r) = self.result(r, &item_path(path, "results", i), &ix) {
                // Kept in year order as read: placed before the first later year, so equal
                // years keep the file's order as a stable sort would (no sort code per type).
                let at = ix.results.iter().position(|x| x.year > r.year);
                ix.results.insert(at.unwrap_or(ix.results.len()), r);
            }
        }
        for (i, t) in self.list(o, "targets", path, false).iter().enumerate() {
            if let Some(t) = self.index_target(t, &item_path(path, "targets", i)) {
                ix.targets.push(t);
            }
        }
        Some(ix)
    }

    fn scale(&mut self, v: &Value, path: &str) -> Option<Scale> {
        let o = self.object(v, path)?;
        let min = self.number(o, "min", path).unwrap_or(0.0);
        let max = self.number(o, "max", path);
        let unit = match self.text(o, "unit", path, false).as_deref() {
            None | Some("points") => ScaleUnit::Points,
            Some("percent") => ScaleUnit::Percent,
            Some("ratio") => ScaleUnit::Ratio,
            Some(other) => {
                self.error_at(path, "unit", ErrorCode::UnknownValue, other);
                return None;
            }
        };
        match max {
            Some(max) if max > min => Some(Scale { min, max, unit }),
            Some(max) => {
                self.error_at(
                    path,
                    "max",
                    ErrorCode::OutOfScale,
                    cat(&[
                        "max ",
                        &crate::num::shortest(max),
                        " <= min ",
                        &crate::num::shortest(min),
                    ]),
                );
                None
            }
            None => {
                self.error_at(path, "max", ErrorCode::Missing, "");
                None
            }
        }
    }

    fn result(&mut self, v: &Value, path: &str, ix: &Index) -> Option<IndexResult> {
        let o = self.object(v, path)?;
        let year = self.year(o, "year", path, true)?;
        if let Some(asof) = self.as_of.filter(|d| year > d.year()) {
            self.error_at(
                path,
                "year",
                ErrorCode::FutureYear,
                cat(&[&int(year), " > ", &int(asof.year())]),
            );
        }
        if ix.results.iter().any(|r| r.year == year) {
            self.error_at(path, "year", ErrorCode::DuplicateYear, int(year));
        }
        let status = match self.text(o, "status", path, false).as_deref() {
            None | Some("official") => ResultStatus::Official,
            Some("derived") => ResultStatus::Derived,
            Some("not_published") => ResultStatus::NotPublished,
            Some(other) => {
                self.error_at(path, "status", ErrorCode::UnknownValue, other);
                ResultStatus::Official
            }
        };
        let score = self.number(o, "score", path);
        if let (Some(s), Some(scale)) = (score, ix.scale_for(year)) {
            if s < scale.min || s > scale.max {
                self.error_at(
                    path,
                    "score",
                    ErrorCode::OutOfScale,
                    cat(&[
                        &crate::num::shortest(s),
                        " ∉ [",
                        &crate::num::shortest(scale.min),
                        ", ",
                        &crate::num::shortest(scale.max),
                        "]",
                    ]),
                );
            }
        }
        let rank = self.uint(o, "rank", path);
        let rank_of = self.uint(o, "rank_of", path);
        match (rank, rank_of) {
            (Some(_), None) => {
                self.error_at(path, "rank_of", ErrorCode::RankWithoutDenominator, "")
            }
            (Some(r), Some(n)) if r == 0 || r > n => self.error_at(
                path,
                "rank",
                ErrorCode::RankOutOfRange,
                cat(&[&int(r), "/", &int(n)]),
            ),
            _ => {}
        }
        let mut sub_scores = Vec::new();
        if let Some(subs) = o.get("sub_scores").and_then(Value::as_object) {
            for (k, v) in last_of_each_key(subs) {
                match as_number(v) {
                    Some(f) => sub_scores.push((k.clone(), f)),
                    None => self.error(
                        &cat(&[path, ".sub_scores.", k]),
                        ErrorCode::WrongType,
                        "number expected",
                    ),
                }
            }
        }
        Some(IndexResult {
            year,
            score,
            rank,
            rank_of,
            band: self.text(o, "band", path, false),
            status,
            source_url: self.text(o, "source_url", path, false),
            note: self.text(o, "note", path, false),
            sub_scores,
        })
    }

    fn index_target(&mut self, v: &Value, path: &str) -> Option<IndexTarget> {
        let o = self.object(v, path)?;
        let year = self.year(o, "year", path, true);
        let text = self.text(o, "text", path, true);
        let (year, text) = (year?, text?);
        let target = parse_target(&text);
        if target.parts.is_empty() {
            self.warn(
                &crate::contract::sub_path(path, "text"),
                ErrorCode::UnknownTarget,
                text.clone(),
            );
        }
        Some(IndexTarget {
            year,
            text,
            target,
            plan: self.text(o, "plan", path, false),
            plan_issued: self.date(o, "plan_issued", path),
            source_url: self.text(o, "source_url", path, false),
        })
    }

    fn area(&mut self, o: &Value, path: &str) -> Option<Area> {
        let s = self.text(o, "area", path, true)?;
        let a = Area::parse(&s);
        if a.is_none() {
            self.error_at(path, "area", ErrorCode::UnknownValue, s);
        }
        a
    }

    fn plan(&mut self, v: &Value, path: &str) -> Option<Plan> {
        let o = self.object(v, path)?;
        let id = self.text(o, "id", path, true);
        let title = self.text(o, "title", path, true);
        let year = self.year(o, "year", path, true);
        let mut plan = Plan {
            id: id?,
            title: title?,
            number: self.text(o, "number", path, false),
            issued: self.date(o, "issued", path),
            year: year?,
            source_url: self.text(o, "source_url", path, false),
            indicators: Vec::new(),
            tasks: Vec::new(),
            reported_on: self.date(o, "reported_on", path),
            reporting_months: self
                .uint(o, "reporting_months", path)
                .filter(|m| (1..=12).contains(m))
                .map_or(3, |m| m as u8),
        };
        let inds = self.list(o, "indicators", path, false);
        let tasks = self.list(o, "tasks", path, false);
        if inds.is_empty() && tasks.is_empty() {
            self.error(path, ErrorCode::Empty, "no indicators and no tasks");
        }
        for (i, x) in inds.iter().enumerate() {
            if let Some(ind) = self.indicator(x, &item_path(path, "indicators", i), plan.year) {
                plan.indicators.push(ind);
            }
        }
        for (i, x) in tasks.iter().enumerate() {
            if let Some(t) = self.task(x, &item_path(path, "tasks", i), plan.year) {
                plan.tasks.push(t);
            }
        }
        Some(plan)
    }

    fn deadline(&mut self, text: &str, path: &str, plan_year: i32) -> Deadline {
        let found = self
            .deadlines
            .binary_search_by(|((t, y), _)| (t.as_str(), *y).cmp(&(text, plan_year)));
        let d = match found {
            Ok(i) => match self.deadlines.get(i) {
                Some((_, d)) => d.clone(),
                None => parse_deadline(text, Some(plan_year)),
            },
            Err(i) => {
                let d = parse_deadline(text, Some(plan_year));
                self.deadlines
                    .insert(i, ((text.to_string(), plan_year), d.clone()));
                d
            }
        };
        if d.problem.is_some() {
            self.warn(path, ErrorCode::UnknownDeadline, text);
        }
        d
    }

    fn indicator(&mut self, v: &Value, path: &str, plan_year: i32) -> Option<Indicator> {
        let o = self.object(v, path)?;
        let id = self.text(o, "id", path, true);
        let area = self.area(o, path);
        let text = self.text(o, "text", path, true)?;
        let target_text = self
            .text(o, "target_text", path, false)
            .unwrap_or_else(|| text.clone());
        let target = parse_target(&target_text);
        if target.parts.is_empty() {
            self.warn(
                &crate::contract::sub_path(path, "text"),
                ErrorCode::UnknownTarget,
                target_text,
            );
        }
        let deadline = match self.text(o, "deadline_text", path, false) {
            Some(t) => self.deadline(
                &t,
                &crate::contract::sub_path(path, "deadline_text"),
                plan_year,
            ),
            None => parse_deadline(&cat(&["Năm ", &int(plan_year)]), None),
        };
        let mut observations = Vec::new();
        for (i, x) in self.list(o, "observations", path, false).iter().enumerate() {
            let p = item_path(path, "observations", i);
            let Some(ob) = self.object(x, &p) else {
                continue;
            };
            let value = self.number(ob, "value", &p);
            let as_of = self.date(ob, "as_of", &p);
            if value.is_none() {
                self.error_at(&p, "value", ErrorCode::Missing, "");
            }
            if as_of.is_none() && ob.get("as_of").is_none() {
                self.error_at(&p, "as_of", ErrorCode::Missing, "");
            }
            if let (Some(value), Some(as_of)) = (value, as_of) {
                let label = self.text(ob, "label", &p, false);
                let source = self.text(ob, "source", &p, false);
                let ob = Observation {
                    label,
                    value,
                    as_of,
                    source,
                };
                // In date order as read (equal dates keep the file's order, as a stable sort
                // would): no sort code for observations.
                let at = observations
                    .iter()
                    .position(|x: &Observation| x.as_of > ob.as_of);
                observations.insert(at.unwrap_or(observations.len()), ob);
            }
        }
        Some(Indicator {
            id: id?,
            area: area?,
            text,
            target,
            deadline,
            observations,
        })
    }

    fn task(&mut self, v: &Value, path: &str, plan_year: i32) -> Option<Task> {
        let o = self.object(v, path)?;
        let id = self.text(o, "id", path, true);
        let area = self.area(o, path);
        let deadline_text = self
            .text(o, "deadline_text", path, false)
            .unwrap_or_default();
        let deadline = self.deadline(
            &deadline_text,
            &crate::contract::sub_path(path, "deadline_text"),
            plan_year,
        );
        let progress = self.progress(o, path);
        let mut reports = Vec::new();
        for (i, x) in self.list(o, "reports", path, false).iter().enumerate() {
            if let Some(r) = self.report(x, &item_path(path, "reports", i)) {
                reports.push(r);
            }
        }
        Some(Task {
            id: id?,
            area: area?,
            objective: self.text(o, "objective", path, false),
            task: self.text(o, "task", path, false),
            activity: self.text(o, "activity", path, false),
            output: self.text(o, "output", path, false),
            lead: self.text(o, "lead", path, false),
            co_owners: self.text(o, "co_owners", path, false),
            deadline,
            budget: self.text(o, "budget", path, false),
            progress,
            completed_on: self.date(o, "completed_on", path),
            evidence_url: self.text(o, "evidence_url", path, false),
            reports,
        })
    }

    /// A `progress` word (absent: planned).
    fn progress(&mut self, o: &Value, path: &str) -> TaskProgress {
        match self.text(o, "progress", path, false).as_deref() {
            None | Some("planned") => TaskProgress::Planned,
            Some("in_progress") => TaskProgress::InProgress,
            Some("done") => TaskProgress::Done,
            Some("cancelled") => TaskProgress::Cancelled,
            Some(other) => {
                self.error_at(path, "progress", ErrorCode::UnknownValue, other);
                TaskProgress::Planned
            }
        }
    }

    /// One item of a task's `reports`: its date is required, a completion date cannot follow it.
    fn report(&mut self, v: &Value, path: &str) -> Option<Report> {
        let o = self.object(v, path)?;
        let reported_on = self.date(o, "reported_on", path);
        if o.get("reported_on").is_none_or(Value::is_null) {
            self.error_at(path, "reported_on", ErrorCode::Missing, "");
        }
        let progress = self.progress(o, path);
        let completed_on = self.date(o, "completed_on", path);
        let reported_on = reported_on?;
        if let Some(c) = completed_on.filter(|c| *c > reported_on) {
            self.error_at(
                path,
                "completed_on",
                ErrorCode::BadDate,
                cat(&[&c.to_iso(), " > reported_on ", &reported_on.to_iso()]),
            );
        }
        Some(Report {
            reported_on,
            progress,
            completed_on,
            evidence: self.text(o, "evidence", path, false),
            note: self.text(o, "note", path, false),
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn json_numbers_read_as_written() {
        assert_eq!(json_number("69.5"), Some(69.5));
        assert_eq!(json_number("-12"), Some(-12.0));
        assert_eq!(json_number("7e1"), Some(70.0));
        assert_eq!(json_number("-2.5E-1"), Some(-0.25));
        assert_eq!(json_number("0.1"), Some(0.1));
        assert_eq!(json_number("1e400"), None);
        let zero = json_number("-0").map(f64::is_sign_positive);
        assert_eq!(zero, Some(true));
    }

    #[test]
    fn a_repeated_key_counts_once_with_its_last_value() {
        let v = crate::json::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap_or(Value::Null);
        let kept: Vec<(&str, Option<f64>)> = last_of_each_key(v.as_object().unwrap_or_default())
            .into_iter()
            .map(|(k, v)| (k.as_str(), as_number(v)))
            .collect();
        assert_eq!(kept, vec![("b", Some(2.0)), ("a", Some(3.0))]);
    }

    proptest! {
        #[test]
        fn json_numbers_match_the_standard_parser(
            t in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?"
        ) {
            let want = t.parse::<f64>().ok().filter(|f| f.is_finite());
            prop_assert_eq!(json_number(&t), want, "{}", t);
        }
    }
}

/// `{path}.{key}[{i}]`, the JSON path of a list item. One shared non-generic body instead of a
/// `format!` at every list (smaller wasm).
#[inline(never)]
fn item_path(path: &str, key: &str, i: usize) -> String {
    let mut s = String::with_capacity(path.len() + key.len() + 8);
    s.push_str(path);
    s.push('.');
    s.push_str(key);
    s.push('[');
    crate::num::push_int(&mut s, i);
    s.push(']');
    s
}

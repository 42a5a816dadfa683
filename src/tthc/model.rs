//! The procedure (thủ tục hành chính) as the widgets and the CLI see it, after cleaning.

use serde::Serialize;

use crate::contract::{self, DataError, DataErrorKind};
use crate::i18n::Lang;
use crate::json::Value;
use crate::text::cat;

/// A details file: procedure code → details. Hashed like the index (`Fnv`, [`Keyed`]): std's
/// default SipHash would add its own hasher and random keys to the search wasm (~0.5 KB gzip) for
/// DoS resistance that the agency's own data file does not need, and a map type of its own its
/// own code.
///
/// [`Keyed`]: super::index::Keyed
pub type DetailsMap = super::index::Keyed<Details>;

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
        lang.text(match self {
            Online::ToanTrinh => msg!("Trực tuyến toàn trình", "Fully online"),
            Online::MotPhan => msg!("Trực tuyến một phần", "Partly online"),
            Online::Khong => msg!("Không trực tuyến", "Not online"),
        })
    }
}

/// The long parts of a procedure, shown when it is opened (inline in `tthc.json` or fetched from
/// `details_url`), and the facts only the detail view shows when the list leaves them here
/// ([`Procedure::with_details`]).
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
    /// The procedure's page on the public-service portal, when the list leaves it here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Thời hạn giải quyết, when the list leaves it here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Phí, lệ phí, when the list leaves it here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<String>,
}

impl Details {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        // Every field named, so that a new one cannot be forgotten here.
        let Details {
            documents,
            steps,
            conditions,
            legal_basis,
            channels,
            result,
            audience,
            url,
            time,
            fee,
        } = self;
        [documents, steps, conditions, legal_basis, channels]
            .iter()
            .all(|l| l.is_empty())
            && [result, audience, url, time, fee]
                .iter()
                .all(|s| s.is_none())
    }

    /// One "cách thức thực hiện" line as a citizen reads it. The national portal flattens its
    /// table (channel, time, fee, description) into `Trực tiếp60 Ngày làm việcKhông có
    /// thông tin…`; that becomes `Trực tiếp: 60 Ngày làm việc; …`, placeholders dropped, a
    /// fee's note kept in brackets. A line that is not such a row (own wording, or already tidy)
    /// only gets [`clean`](super::load::clean)ed, so tidying twice changes nothing. `None` when
    /// nothing is left.
    pub fn tidy_channel(row: &str) -> Option<String> {
        let row = super::load::clean(row)?;
        let Some((channel, rest)) = flattened_row(&row) else {
            return Some(row);
        };
        let (time, rest) = split_time(skip_no_info(rest));
        let (fee, rest) = split_fee(skip_no_info(rest));
        // The description often repeats the channel ("Trực tuyến: nộp hồ sơ…"): said once.
        let rest = rest
            .strip_prefix(channel)
            .and_then(|r| r.strip_prefix(':'))
            .unwrap_or(rest);
        let note = super::load::clean(&crate::text::replace_str(rest, NO_INFO, " "));
        let mut out = channel.to_string();
        for (i, part) in [time, fee, note].into_iter().flatten().enumerate() {
            out.push_str(if i == 0 { ": " } else { "; " });
            out.push_str(&part);
        }
        Some(out)
    }

    /// Reads details from JSON: an object whose members `documents`, `steps`, `conditions`,
    /// `legal_basis`, `channels` are lists of strings and `result`, `audience`, `url`, `time`,
    /// `fee` strings or `null` ([`clean`](super::load::clean)ed, as the list's values are);
    /// missing members are empty, unknown members ignored; channels are tidied
    /// ([`Details::tidy_channel`]). The error says where and what is wrong, e.g. `steps[2]:
    /// expected a string, found a number`.
    pub fn from_value(v: &Value) -> Result<Details, String> {
        read_details(v).map_err(|(path, detail)| {
            if path.is_empty() {
                detail
            } else {
                cat(&[&path, ": ", &detail])
            }
        })
    }

    /// Reads a details file (`details_url`): a JSON object from procedure code to its details.
    /// Syntax errors have their line and column, shape errors the path of the wrong value.
    pub fn parse_file(text: &str) -> Result<DetailsMap, DataError> {
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
                cat(&["expected an object, found ", found]),
            ));
        };
        let mut out = DetailsMap::with_capacity(members.len());
        for (code, v) in members {
            let d = read_details(&v).map_err(|(path, detail)| {
                let sep = if path.is_empty() { "" } else { "." };
                shape(cat(&[&code, sep, &path]), detail)
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
        return Err((String::new(), cat(&["expected an object, found ", found])));
    };
    let mut d = Details::default();
    for (key, value) in members {
        let text = match key.as_str() {
            "result" => &mut d.result,
            "audience" => &mut d.audience,
            "url" => &mut d.url,
            "time" => &mut d.time,
            "fee" => &mut d.fee,
            _ => {
                let list = match key.as_str() {
                    "documents" => &mut d.documents,
                    "steps" => &mut d.steps,
                    "conditions" => &mut d.conditions,
                    "legal_basis" => &mut d.legal_basis,
                    "channels" => &mut d.channels,
                    _ => continue,
                };
                *list = strings(value).map_err(|(i, e)| match i {
                    Some(i) => (crate::contract::indexed(key, i), e),
                    None => (key.clone(), e),
                })?;
                continue;
            }
        };
        let s = optional_string(value).map_err(|e| (key.clone(), e))?;
        *text = s.as_deref().and_then(super::load::clean);
    }
    d.channels = tidy_channels(&d.channels);
    Ok(d)
}

/// [`Details::tidy_channel`] over a list.
pub(crate) fn tidy_channels(rows: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if let Some(t) = Details::tidy_channel(r) {
            out.push(t);
        }
    }
    out
}

/// The channels of the portal's "cách thức thực hiện" table, as its rows begin.
pub(crate) const CHANNELS: [&str; 3] = ["Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"];

/// How the portal writes an empty cell.
pub(crate) const NO_INFO: &str = "Không có thông tin";

/// Units of a processing time, longest first where one is a prefix of another.
const TIME_UNITS: [&str; 7] = [
    "Ngày làm việc",
    "Ngày",
    "Giờ làm việc",
    "Giờ",
    "Tháng",
    "Năm",
    "Phút",
];

/// Currencies after a fee's amount ("135 VNĐ", "10 USD", "50,000 Việt Nam Đồng").
const CURRENCIES: [&str; 5] = ["VNĐ", "Việt Nam Đồng", "Đồng", "đồng", "USD"];

/// Whether `s` at byte `at` starts a row of the flattened table: a channel name followed
/// directly (no space, no colon) by a time, a placeholder, a fee, or nothing. Descriptions
/// mention channels too ("Trực tiếp tại UBND xã", "- Trực tuyến: qua Cổng…"), never so.
pub(crate) fn is_row_start(s: &str, at: usize) -> Option<&'static str> {
    let tail = s.get(at..)?;
    let channel = CHANNELS.into_iter().find(|c| tail.starts_with(c))?;
    let rest = tail.get(channel.len()..)?;
    let flat = rest.is_empty()
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || rest.starts_with(NO_INFO)
        || rest.starts_with("Miễn phí");
    flat.then_some(channel)
}

/// A flattened row's channel and the rest, or `None` for any other line.
fn flattened_row(row: &str) -> Option<(&'static str, &str)> {
    let channel = is_row_start(row, 0)?;
    Some((channel, row.get(channel.len()..)?))
}

fn skip_no_info(s: &str) -> &str {
    s.strip_prefix(NO_INFO).unwrap_or(s).trim_start()
}

/// The length of the amount at the start of `s` ("60", "1,200,000", "2.5").
pub(crate) fn amount_len(s: &str) -> usize {
    s.bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count()
}

/// `60 Ngày làm việcMiễn phí` → (`60`, `Ngày làm việc`, `Miễn phí`): a number and its unit.
pub(crate) fn timed(s: &str) -> Option<(&str, &'static str, &str)> {
    let n = amount_len(s);
    let after = s.get(n..)?.trim_start();
    let unit = TIME_UNITS.into_iter().find(|u| after.starts_with(u))?;
    Some((
        s.get(..n).filter(|num| !num.is_empty())?,
        unit,
        after.get(unit.len()..)?,
    ))
}

/// `60 Ngày làm việcMiễn phí` → (`60 Ngày làm việc`, `Miễn phí`). A bare number is a time too
/// (the portal shows "1"), unless a currency follows it: then it is the fee.
fn split_time(s: &str) -> (Option<String>, &str) {
    if let Some((num, unit, rest)) = timed(s) {
        return (Some(cat(&[num, " ", unit])), rest.trim_start());
    }
    let n = amount_len(s);
    let (Some(num), Some(after)) = (s.get(..n), s.get(n..)) else {
        return (None, s);
    };
    let after = after.trim_start();
    if n == 0 || CURRENCIES.into_iter().any(|c| after.starts_with(c)) {
        return (None, s);
    }
    (Some(num.to_string()), after)
}

/// `Miễn phí(Không có)…` or `135 VNĐ(Lệ phí…)…` → the fee with its bracketed note, and the rest.
pub(crate) fn split_fee(s: &str) -> (Option<String>, &str) {
    let head = if let Some(f) = ["Miễn phí", "Không thu phí"]
        .into_iter()
        .find(|f| s.starts_with(f))
    {
        f.len()
    } else {
        let n = amount_len(s);
        let after = s.get(n..).unwrap_or("");
        let gap = after.len() - after.trim_start().len();
        match CURRENCIES
            .into_iter()
            .find(|c| after.trim_start().starts_with(c))
        {
            Some(c) if n > 0 => n + gap + c.len(),
            _ => return (None, s),
        }
    };
    let (Some(fee), Some(rest)) = (s.get(..head), s.get(head..)) else {
        return (None, s);
    };
    // The amount in đồng as citizens write it, where the national portal's records are read
    // (the CLI and its importer, the print module, the full search module): files written by
    // `cchc import` already say it so, and the plain search module leaves it out (~350 B gzip).
    #[cfg(not(all(target_arch = "wasm32", not(feature = "national"))))]
    let mut fee = vnd(fee.trim_end());
    #[cfg(all(target_arch = "wasm32", not(feature = "national")))]
    let mut fee = fee.trim_end().to_string();
    let rest = rest.trim_start();
    match bracket_len(rest) {
        Some(n) => {
            let note = rest.get(..n).unwrap_or("");
            // "(/hồ sơ)" is the unit of the amount: `500.000 đồng/hồ sơ`.
            match note.strip_prefix("(/").and_then(|u| u.strip_suffix(')')) {
                Some(unit) => {
                    fee.push('/');
                    fee.push_str(unit);
                }
                None => {
                    fee.push(' ');
                    fee.push_str(note);
                }
            }
            (Some(fee), rest.get(n..).unwrap_or(""))
        }
        None => (Some(fee), rest),
    }
}

/// An amount in đồng as citizens write it: the portal's `150,000 Việt Nam Đồng` is `150.000
/// đồng` (dots between thousands, `VNĐ` and `Việt Nam Đồng` said `đồng`); other currencies and
/// an amount that is not in thousands (`1,5`) stay as written. Idempotent.
#[cfg(not(all(target_arch = "wasm32", not(feature = "national"))))]
pub(crate) fn vnd(fee: &str) -> String {
    let n = amount_len(fee);
    let (Some(amount), Some(after)) = (fee.get(..n), fee.get(n..)) else {
        return fee.to_string();
    };
    let after = after.trim_start();
    if amount.is_empty() {
        return fee.to_string();
    }
    let Some(rest) = ["Việt Nam Đồng", "VNĐ", "Đồng", "đồng"]
        .into_iter()
        .find_map(|c| after.strip_prefix(c))
    else {
        return fee.to_string();
    };
    // Thousands: 1 to 3 digits, then groups of `,ddd` (or `.ddd` already). A byte loop: a
    // `split` on a `char` set would bring core's searcher into every widget that reads details.
    let (mut run, mut groups, mut thousands) = (0usize, 0usize, true);
    let mut dotted = String::with_capacity(amount.len());
    for b in amount.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            dotted.push(char::from(b));
        } else {
            thousands &= if groups == 0 {
                (1..=3).contains(&run)
            } else {
                run == 3
            };
            groups += 1;
            run = 0;
            dotted.push('.');
        }
    }
    thousands &= groups > 0 && run == 3;
    let amount = if thousands { &dotted } else { amount };
    cat(&[amount, " đồng", rest])
}

/// The length of a balanced `(…)` group at the start of `s`.
pub(crate) fn bracket_len(s: &str) -> Option<usize> {
    if !s.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// `null` or a string.
fn optional_string(v: &Value) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Str(s) => Ok(Some(s.clone())),
        other => Err(cat(&["expected a string, found ", other.type_name()])),
    }
}

/// A list of strings; the error names the index of a wrong item.
fn strings(v: &Value) -> Result<Vec<String>, (Option<usize>, String)> {
    let Value::Arr(items) = v else {
        let found = v.type_name();
        return Err((None, cat(&["expected a list of strings, found ", found])));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => out.push(s.clone()),
            other => {
                let mut detail = String::from("expected a string, found ");
                detail.push_str(other.type_name());
                return Err((Some(i), detail));
            }
        }
    }
    Ok(out)
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
    /// Nộp hoặc nhận kết quả qua bưu chính (absent means no).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub postal: bool,
    /// Thanh toán trực tuyến (absent means no).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
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

/// The facts of a procedure that its details record may carry instead of the list, as the detail
/// view shows them ([`Procedure::with_details`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DetailFacts<'a> {
    /// The procedure's page on the public-service portal.
    pub url: Option<&'a str>,
    /// Thời hạn giải quyết.
    pub time: Option<&'a str>,
    /// Phí, lệ phí.
    pub fee: Option<&'a str>,
}

impl Procedure {
    /// The portal link, time and fee as the detail view shows them, given the procedure's details
    /// record (inline `details` or its entry in the `details_url` file; `None` while unknown):
    /// the list's own value when it has one, else the details'. See docs/tthc-format.md.
    pub fn with_details<'a>(&'a self, d: Option<&'a Details>) -> DetailFacts<'a> {
        let or = |own: &'a Option<String>, theirs: Option<&'a Option<String>>| {
            own.as_deref().or(theirs.and_then(Option::as_deref))
        };
        DetailFacts {
            url: or(&self.url, d.map(|d| &d.url)),
            time: or(&self.time, d.map(|d| &d.time)),
            fee: or(&self.fee, d.map(|d| &d.fee)),
        }
    }

    /// What the procedure says about one part ([`super::Part`]), as lines to show, given its
    /// details record (inline `details` or its entry in the `details_url` file; `None` while
    /// unknown): the documents, the time, the fee, where and how to submit (agencies, then the
    /// channels), the conditions or the steps. Empty when the data does not say.
    pub fn part(&self, part: super::Part, details: Option<&Details>) -> Vec<String> {
        use super::Part;
        let d = details.or(self.details.as_ref());
        let facts = self.with_details(d);
        let one = |s: Option<&str>| s.map(|s| vec![s.to_string()]).unwrap_or_default();
        match part {
            Part::Documents => d.map(|d| d.documents.clone()).unwrap_or_default(),
            // Without a separate value, the channel lines carry time and fee.
            Part::Time | Part::Fee => {
                let v = if part == Part::Time {
                    facts.time
                } else {
                    facts.fee
                };
                match v {
                    Some(v) => one(Some(v)),
                    None => d.map(|d| d.channels.clone()).unwrap_or_default(),
                }
            }
            Part::Conditions => d.map(|d| d.conditions.clone()).unwrap_or_default(),
            Part::Steps => d.map(|d| d.steps.clone()).unwrap_or_default(),
            Part::Place => {
                let mut out = self.agencies.clone();
                if let Some(d) = d {
                    out.extend(d.channels.iter().cloned());
                }
                out
            }
        }
    }

    /// Takes the details out, for a details file (`details_url`), with the facts only the detail
    /// view shows moved into them (`url`, `time`, `fee`): the list keeps what search, the result
    /// list and the facets use. `None`, and nothing moved, when the procedure has no details.
    /// [`Procedure::with_details`] reads them back.
    pub fn take_details(&mut self) -> Option<Details> {
        let mut d = self.details.take()?;
        d.url = self.url.take().or(d.url);
        d.time = self.time.take().or(d.time);
        d.fee = self.fee.take().or(d.fee);
        Some(d)
    }
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
        let what = lang.text(match self.kind {
            WarningKind::RecordSkipped => msg!(
                "Bỏ qua thủ tục thiếu mã hoặc tên",
                "Skipped a procedure without code or name"
            ),
            WarningKind::ValueIgnored => msg!(
                "Bỏ qua giá trị sai kiểu",
                "Ignored a value of the wrong type"
            ),
            WarningKind::DuplicateMerged => msg!(
                "Gộp thủ tục trùng mã",
                "Merged a procedure with a duplicate code"
            ),
            WarningKind::LineSkipped => msg!(
                "Bỏ qua dòng không phải JSON hợp lệ",
                "Skipped a line that is not valid JSON"
            ),
        });
        let mut out = what.to_string();
        if let Some(line) = self.line {
            out.push(' ');
            out.push_str(&tr!(lang, "(dòng {line})", "(line {line})", line = line));
        }
        if !self.path.is_empty() {
            out.push(' ');
            out.push_str(&tr!(lang, "tại {path}", "at {path}", path = self.path));
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
        assert!(!d.is_empty() && Details::default().is_empty());
        // The facts only the detail view shows, cleaned as the list's are.
        let v = crate::json::parse(
            r#"{"url": " https://dichvucong.gov.vn/p ", "time": "Không có thông tin", "fee": "10  USD"}"#,
        )
        .unwrap_or(Value::Null);
        let d = Details::from_value(&v).unwrap_or_default();
        assert_eq!(d.url.as_deref(), Some("https://dichvucong.gov.vn/p"));
        assert_eq!(
            (d.time.as_deref(), d.fee.as_deref()),
            (None, Some("10 USD"))
        );
        assert!(!d.is_empty());
        let bad = crate::json::parse(r#"{"url": 5}"#).unwrap_or(Value::Null);
        assert_eq!(
            Details::from_value(&bad),
            Err("url: expected a string, found a number".to_string())
        );
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
        for (code, d) in map.iter() {
            let r = &reference[code];
            let n = |k: &str| r[k].as_array().map_or(0, Vec::len);
            assert_eq!(d.steps.len(), n("steps"), "{code}");
            assert_eq!(d.documents.len(), n("documents"), "{code}");
            assert_eq!(d.legal_basis.len(), n("legal_basis"), "{code}");
            assert_eq!(d.result.as_deref(), r["result"].as_str(), "{code}");
            assert_eq!(d.url.as_deref(), r["url"].as_str(), "{code}");
            assert_eq!(d.time.as_deref(), r["time"].as_str(), "{code}");
            assert_eq!(d.fee.as_deref(), r["fee"].as_str(), "{code}");
            // The portal link moved here from the list.
            assert!(
                d.url.as_ref().is_some_and(|u| u.starts_with("https://")),
                "{code}"
            );
        }
    }

    #[test]
    fn amounts_in_dong_as_citizens_write_them() {
        for (raw, want) in [
            ("150,000 Việt Nam Đồng", "150.000 đồng"),
            ("1,500,000 Việt Nam Đồng", "1.500.000 đồng"),
            ("500,000 Đồng", "500.000 đồng"),
            ("150.000 đồng", "150.000 đồng"),
            ("0 Việt Nam Đồng", "0 đồng"),
            ("1,5 Việt Nam Đồng", "1,5 đồng"),
            ("135 VNĐ", "135 đồng"),
            ("70,000 VNĐ", "70.000 đồng"),
            ("10 USD", "10 USD"),
            ("đồng", "đồng"),
        ] {
            assert_eq!(vnd(raw), want, "{raw}");
            assert_eq!(vnd(want), want, "idempotent: {want}");
        }
    }

    /// Real rows of the national portal (records 1.000178, 1.000811, 1.000757, and a "1" time).
    #[test]
    fn flattened_channel_rows_are_tidied() {
        let tidy = |s: &str| Details::tidy_channel(s);
        assert_eq!(
            tidy("Dịch vụ bưu chính60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày").as_deref(),
            Some("Dịch vụ bưu chính: 60 Ngày làm việc; Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày")
        );
        assert_eq!(
            tidy("Trực tuyến21 Ngày1,200,000 Việt Nam Đồng(1.200.000đ/thẻ ABTC.)").as_deref(),
            Some("Trực tuyến: 21 Ngày; 1.200.000 đồng (1.200.000đ/thẻ ABTC.)")
        );
        // Tidying twice changes nothing.
        assert_eq!(
            tidy("Trực tuyến: 21 Ngày; 1.200.000 đồng (1.200.000đ/thẻ ABTC.)").as_deref(),
            Some("Trực tuyến: 21 Ngày; 1.200.000 đồng (1.200.000đ/thẻ ABTC.)")
        );
        assert_eq!(
            tidy("Trực tuyến7 Ngày làm việcMiễn phí(Chưa quy định.)- Thông qua Cổng dịch vụ công quốc gia.").as_deref(),
            Some("Trực tuyến: 7 Ngày làm việc; Miễn phí (Chưa quy định.); - Thông qua Cổng dịch vụ công quốc gia.")
        );
        assert_eq!(
            tidy("Trực tiếp1Miễn phí").as_deref(),
            Some("Trực tiếp: 1; Miễn phí")
        );
        assert_eq!(
            tidy("Trực tiếpKhông có thông tin500,000 Việt Nam Đồng(/hồ sơ)").as_deref(),
            Some("Trực tiếp: 500.000 đồng/hồ sơ")
        );
        assert_eq!(
            tidy("Trực tuyếnKhông có thông tinKhông có thông tin").as_deref(),
            Some("Trực tuyến")
        );
        assert_eq!(
            tidy("Trực tuyến3 Ngày làm việcKhông có thông tin").as_deref(),
            Some("Trực tuyến: 3 Ngày làm việc")
        );
        // Not a flattened row: only cleaned.
        assert_eq!(
            tidy(" Trực tiếp tại  UBND xã ").as_deref(),
            Some("Trực tiếp tại UBND xã")
        );
        assert_eq!(tidy("Không có thông tin"), None);
        // An unclosed bracket stays in the note.
        assert_eq!(
            tidy("Trực tiếp5 Ngày10 USD(/lần").as_deref(),
            Some("Trực tiếp: 5 Ngày; 10 USD; (/lần")
        );
    }

    /// The repo's details file, read, has tidy rows (the portal's flattened rows are tidied when
    /// read, and the demo generator writes them tidy already).
    #[test]
    fn details_file_channels_are_tidy() {
        let text = std::fs::read_to_string("www/data/tthc-chi-tiet/000.json").unwrap_or_default();
        let map = Details::parse_file(&text).unwrap_or_default();
        let rows: Vec<&String> = map.values().flat_map(|d| &d.channels).collect();
        assert!(rows.len() > 50, "{}", rows.len());
        for row in &rows {
            assert!(!row.contains(NO_INFO), "{row}");
            assert_eq!(
                Details::tidy_channel(row).as_ref(),
                Some(*row),
                "not idempotent"
            );
        }
        let d = map.get("1.000771").cloned().unwrap_or_default();
        assert_eq!(
            d.channels.first().map(String::as_str),
            Some("Trực tuyến: 5 Ngày làm việc; 10 USD/lần")
        );
    }

    proptest::proptest! {
        #[test]
        fn tidy_channel_never_panics_and_is_idempotent(
            s in "(Trực tiếp|Trực tuyến|Dịch vụ bưu chính|Không có thông tin|Miễn phí|[0-9,.]{1,4}| ?Ngày|VNĐ|[()]|[a-zđ ]{0,5}|\\PC{0,3}){0,8}"
        ) {
            if let Some(t) = Details::tidy_channel(&s) {
                proptest::prop_assert!(!t.is_empty());
                proptest::prop_assert_eq!(Details::tidy_channel(&t), Some(t.clone()));
            }
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

//! The staff's answer sheet: `cchc phan-anh export` writes the pending submissions to Excel,
//! `cchc phan-anh answer` reads the filled sheet back (all or nothing, every problem with its row
//! and column), `cchc phan-anh history` prints a submission's audit trail.
//!
//! Staff work in Excel: the sheet has one row per submission, what the citizen sent on the left
//! (reference, dates, subject, content, field, contact) and the columns they fill on the right
//! (answer, answering agency, status from a list, date, publish yes/no).

use std::path::Path;

use cchc_widgets::date::Date;
use cchc_widgets::feedback::due::due_date;
use cchc_widgets::feedback::schema::{FieldType, Schema};
use cchc_widgets::json::Value;
use cchc_widgets::text::fold;
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook};

use crate::store::{AnswerUpdate, Pending};

/// Answer statuses: code (stored, published) and the label staff pick in the sheet.
pub const STATUSES: &[(&str, &str)] = &[
    ("moi", "Mới tiếp nhận"),
    ("dang-xu-ly", "Đang xử lý"),
    ("da-tra-loi", "Đã trả lời"),
    ("chuyen-co-quan-khac", "Chuyển cơ quan khác"),
    ("khong-thuoc-pham-vi", "Không thuộc phạm vi xử lý"),
];

/// Working days to answer when the schema does not say (`due_days`).
pub const DEFAULT_DUE_DAYS: u32 = 10;

/// The form's answering calendar: working days to answer (`due_days`, else
/// [`DEFAULT_DUE_DAYS`]) and the agency's days off (`holidays`).
pub fn calendar(schema: &Schema) -> (u32, Vec<Date>) {
    let days = schema
        .due_days
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(DEFAULT_DUE_DAYS);
    let holidays = schema
        .holidays
        .iter()
        .filter_map(|d| Date::parse_iso(d))
        .collect();
    (days, holidays)
}

/// The sheet's columns, in order: (header, width).
const COLUMNS: &[(&str, f64)] = &[
    ("Mã số", 18.0),
    ("Ngày nhận", 17.0),
    ("Hạn trả lời", 12.0),
    ("Tiêu đề", 30.0),
    ("Nội dung", 60.0),
    ("Lĩnh vực", 25.0),
    ("Người gửi, liên hệ", 35.0),
    ("Trả lời", 60.0),
    ("Cơ quan trả lời", 25.0),
    ("Trạng thái", 22.0),
    ("Ngày trả lời", 13.0),
    ("Công khai", 10.0),
];

/// What the sheet shows of one submission.
pub struct Summary {
    pub subject: String,
    pub content: String,
    pub field: String,
    pub contact: String,
}

/// Subject, content, field and contact of a submission, from the schema's fields: the built-in
/// form's names (`tieu_de`, `noi_dung`, `linh_vuc`), else the first text, textarea and select.
pub fn summarize(schema: &Schema, values: &Value) -> Summary {
    let text = |v: Option<&Value>| match v {
        Some(Value::Str(s)) => s.clone(),
        _ => String::new(),
    };
    let by_name_or_kind = |name: &str, kind: FieldType| {
        schema
            .fields
            .iter()
            .find(|f| f.name == name)
            .or_else(|| schema.fields.iter().find(|f| f.kind == kind))
    };
    let subject = by_name_or_kind("tieu_de", FieldType::Text)
        .map(|f| text(values.get(&f.name)))
        .unwrap_or_default();
    let content = by_name_or_kind("noi_dung", FieldType::Textarea)
        .map(|f| text(values.get(&f.name)))
        .unwrap_or_default();
    let field = by_name_or_kind("linh_vuc", FieldType::Select)
        .map(|f| {
            let v = text(values.get(&f.name));
            f.options
                .iter()
                .find(|o| o.value == v)
                .map_or(v, |o| o.label.vi.clone())
        })
        .unwrap_or_default();
    let mut contact = Vec::new();
    for f in &schema.fields {
        let v = values.get(&f.name);
        let shown = match f.kind {
            FieldType::Name | FieldType::Mobile | FieldType::Phone | FieldType::Email => text(v),
            FieldType::Address => {
                let part = |k: &str| text(v.and_then(|a| a.get(k)));
                [part("chi_tiet"), part("xa_ten"), part("tinh_ten")]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            FieldType::Textarea if f.name.contains("dia_chi") => text(v),
            _ => String::new(),
        };
        if !shown.is_empty() {
            contact.push(shown);
        }
    }
    Summary {
        subject,
        content,
        field,
        contact: contact.join("; "),
    }
}

/// `2026-12-07T04:58:49+07:00` → the day of receipt.
pub fn received_day(received_at: &str) -> Option<Date> {
    Date::parse_iso(received_at.get(..10)?)
}

/// Writes the answer sheet for `pending` to `out`.
pub fn write_sheet(
    out: &Path,
    schema: &Schema,
    pending: &[Pending],
    due_days: u32,
    holidays: &[Date],
) -> Result<(), String> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Chờ xử lý").map_err(|e| e.to_string())?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("D9E2F3")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let fill = Format::new()
        .set_text_wrap()
        .set_background_color("FFF2CC")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let given = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    // Dates typed by staff stay text ("15/12/2026"), never a number Excel reformats.
    let date_fill = fill.clone().set_num_format("@");
    for (c, (name, width)) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        ws.write_with_format(0, c, *name, &head)
            .map_err(|e| e.to_string())?;
        ws.set_column_width(c, *width).map_err(|e| e.to_string())?;
    }
    ws.set_freeze_panes(1, 1).map_err(|e| e.to_string())?;
    for (i, p) in pending.iter().enumerate() {
        let r = i as u32 + 1;
        let values = cchc_widgets::json::parse(&p.values_json).unwrap_or(Value::Null);
        let s = summarize(schema, &values);
        let received = received_day(&p.received_at);
        let due = received.map(|d| due_date(d, due_days, holidays).to_vi());
        let shown_received = match received {
            Some(d) => format!("{} {}", d.to_vi(), p.received_at.get(11..16).unwrap_or("")),
            None => p.received_at.clone(),
        };
        let status = STATUSES
            .iter()
            .find(|(c, _)| *c == p.status)
            .map_or(p.status.as_str(), |(_, l)| l);
        let answered_on = Date::parse_iso(&p.answered_on).map_or(String::new(), Date::to_vi);
        let cells: [(&str, &Format); 12] = [
            (&p.reference, &given),
            (&shown_received, &given),
            (due.as_deref().unwrap_or(""), &given),
            (&s.subject, &given),
            (&s.content, &given),
            (&s.field, &given),
            (&s.contact, &given),
            (&p.answer, &fill),
            (&p.agency, &fill),
            (status, &fill),
            (&answered_on, &date_fill),
            (if p.publish { "Có" } else { "Không" }, &fill),
        ];
        for (c, (text, format)) in cells.iter().enumerate() {
            ws.write_with_format(r, c as u16, *text, format)
                .map_err(|e| e.to_string())?;
        }
    }
    let last = pending.len().max(1) as u32;
    let labels: Vec<&str> = STATUSES.iter().map(|(_, l)| *l).collect();
    let list = DataValidation::new()
        .allow_list_strings(&labels)
        .map_err(|e| e.to_string())?;
    ws.add_data_validation(1, 9, last, 9, &list)
        .map_err(|e| e.to_string())?;
    let yes_no = DataValidation::new()
        .allow_list_strings(&["Có", "Không"])
        .map_err(|e| e.to_string())?;
    ws.add_data_validation(1, 11, last, 11, &yes_no)
        .map_err(|e| e.to_string())?;
    ws.autofilter(0, 0, last, COLUMNS.len() as u16 - 1)
        .map_err(|e| e.to_string())?;
    wb.save(out).map_err(|e| format!("{}: {e}", out.display()))
}

/// A problem in a filled sheet, with its row and column as Excel shows them.
pub struct SheetProblem {
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// Excel's column letters: 0 → A, 26 → AA.
pub fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A date staff typed: `15/12/2026`, `15-12-2026`, `2026-12-15`, or an Excel serial day number.
pub fn parse_sheet_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = Date::parse_iso(s) {
        return Some(d);
    }
    if let Ok(serial) = s.parse::<i64>() {
        // Excel's day 25569 is 1970-01-01 (its calendar starts at 1899-12-30).
        return (20_000..80_000)
            .contains(&serial)
            .then(|| Date::from_days_since_epoch(serial - 25_569));
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    match parts[..] {
        [d, m, y] => Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// Reads a filled answer sheet. Rows whose staff columns are all empty are not answered yet and
/// are skipped. Returns the updates, or every problem found.
pub fn read_sheet(
    rows: &[crate::import::table::Row],
    known: &dyn Fn(&str) -> Option<Date>,
    today: Date,
) -> Result<Vec<AnswerUpdate>, Vec<SheetProblem>> {
    let mut problems = Vec::new();
    let key = |s: &str| fold(s.trim()).replace(' ', "");
    let header_at = rows
        .iter()
        .take(20)
        .position(|r| r.cells.iter().any(|c| key(c) == "maso"));
    let Some(h) = header_at else {
        return Err(vec![SheetProblem {
            row: 1,
            column: "A".into(),
            message: "không thấy dòng tiêu đề có cột “Mã số” (not an answer sheet of `cchc phan-anh export`)".into(),
        }]);
    };
    let header = &rows[h];
    let col = |name: &str| header.cells.iter().position(|c| key(c) == key(name));
    let cols = ["Mã số", "Trả lời", "Cơ quan trả lời", "Trạng thái", "Ngày trả lời", "Công khai"].map(col);
    for (name, c) in ["Mã số", "Trả lời", "Cơ quan trả lời", "Trạng thái", "Ngày trả lời", "Công khai"]
        .iter()
        .zip(cols)
    {
        if c.is_none() {
            problems.push(SheetProblem {
                row: header.line,
                column: "-".into(),
                message: format!("thiếu cột “{name}” (missing column)"),
            });
        }
    }
    let [Some(c_ref), Some(c_answer), Some(c_agency), Some(c_status), Some(c_date), Some(c_publish)] = cols
    else {
        return Err(problems);
    };
    let mut out: Vec<AnswerUpdate> = Vec::new();
    for row in rows.iter().skip(h + 1) {
        if row.is_blank() {
            continue;
        }
        let mut fail = |c: usize, message: String| {
            problems.push(SheetProblem {
                row: row.line,
                column: column_letter(c),
                message,
            })
        };
        let reference = row.cell(c_ref).to_string();
        let (answer, agency, status, date, publish) = (
            row.cell(c_answer),
            row.cell(c_agency),
            row.cell(c_status),
            row.cell(c_date),
            row.cell(c_publish),
        );
        let Some(received) = known(&reference) else {
            fail(
                c_ref,
                format!("mã số “{reference}” không có trong cơ sở dữ liệu (unknown reference)"),
            );
            continue;
        };
        if out.iter().any(|u| u.reference == reference) {
            fail(c_ref, format!("mã số “{reference}” lặp lại (repeated reference)"));
            continue;
        }
        let code = STATUSES
            .iter()
            .find(|(c, l)| key(c) == key(status) || key(l) == key(status))
            .map(|(c, _)| *c);
        // An unknown status is reported, and the row's other cells are still checked (every
        // problem of the sheet at once).
        if code.is_none() {
            let allowed: Vec<&str> = STATUSES.iter().map(|(_, l)| *l).collect();
            fail(
                c_status,
                format!(
                    "trạng thái “{status}” không hợp lệ; chọn một trong: {} (unknown status)",
                    allowed.join(", ")
                ),
            );
        }
        let code = code.unwrap_or("");
        let finished = matches!(code, "da-tra-loi" | "chuyen-co-quan-khac" | "khong-thuoc-pham-vi");
        if code == "da-tra-loi" && answer.is_empty() {
            fail(c_answer, "“Đã trả lời” cần nội dung trả lời (an answer needs its text)".into());
        }
        if code == "chuyen-co-quan-khac" && agency.is_empty() {
            fail(
                c_agency,
                "“Chuyển cơ quan khác” cần tên cơ quan được chuyển tới (name the agency)".into(),
            );
        }
        let answered_on = match (date.is_empty(), parse_sheet_date(date)) {
            (true, _) if finished => {
                fail(c_date, "thiếu ngày trả lời, dạng dd/mm/yyyy (date missing)".into());
                String::new()
            }
            (true, _) => String::new(),
            (false, None) => {
                fail(
                    c_date,
                    format!("ngày “{date}” không hợp lệ; dùng dd/mm/yyyy (invalid date)"),
                );
                String::new()
            }
            (false, Some(d)) if d < received => {
                fail(
                    c_date,
                    format!(
                        "ngày trả lời {} trước ngày nhận {} (before the submission was received)",
                        d.to_vi(),
                        received.to_vi()
                    ),
                );
                String::new()
            }
            (false, Some(d)) if d > today => {
                fail(
                    c_date,
                    format!("ngày trả lời {} ở tương lai (in the future)", d.to_vi()),
                );
                String::new()
            }
            (false, Some(d)) => d.to_iso(),
        };
        let publish = match key(publish).as_str() {
            "co" | "x" | "yes" | "true" | "1" => true,
            "" | "khong" | "no" | "false" | "0" => false,
            _ => {
                fail(
                    c_publish,
                    format!("“{publish}”: ghi “Có” hoặc “Không” (yes or no)"),
                );
                false
            }
        };
        out.push(AnswerUpdate {
            reference,
            status: code.to_string(),
            answer: answer.to_string(),
            agency: agency.to_string(),
            answered_on,
            publish,
            line: row.line,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The field whose checkbox records the sender's consent to publishing.
pub const CONSENT_FIELD: &str = "cong_khai";

/// The fields whose values may be published: those the schema marks `public`, else (a schema
/// written before that key) the built-in form's subject, content, field and kind.
pub fn public_fields(schema: &Schema) -> Vec<String> {
    let marked: Vec<String> = schema
        .fields
        .iter()
        .filter(|f| f.public)
        .map(|f| f.name.clone())
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    ["loai", "linh_vuc", "tieu_de", "noi_dung"]
        .iter()
        .filter(|n| schema.fields.iter().any(|f| f.name == **n))
        .map(|n| n.to_string())
        .collect()
}

/// The published file (`docs/phan-anh-da-tra-loi-format.md`): the answered items staff marked
/// for publishing whose sender agreed, newest answer first, only public fields, personal data
/// in free text masked. Returns the JSON text, the number of items and of masked spans.
pub fn publish_json(schema: &Schema, marked: &[Pending], today: Date) -> (String, usize, usize) {
    use cchc_widgets::feedback::personal::mask;
    use serde_json::{json, Map, Value as J};
    let public = public_fields(schema);
    let mut masked = 0;
    let mut items: Vec<(String, J)> = Vec::new();
    for p in marked {
        let finished = matches!(
            p.status.as_str(),
            "da-tra-loi" | "chuyen-co-quan-khac" | "khong-thuoc-pham-vi"
        );
        let values = cchc_widgets::json::parse(&p.values_json).unwrap_or(Value::Null);
        let consent = matches!(values.get(CONSENT_FIELD), Some(Value::Bool(true)));
        if !finished || !consent || !p.publish {
            continue;
        }
        let mut clean = |s: &str| {
            let (m, n) = mask(s);
            masked += n;
            m
        };
        let sum = summarize(schema, &values);
        let mut fields = Map::new();
        for name in &public {
            let Some(f) = schema.fields.iter().find(|f| &f.name == name) else {
                continue;
            };
            let shown = match values.get(name) {
                Some(Value::Str(v)) => f
                    .options
                    .iter()
                    .find(|o| &o.value == v)
                    .map_or_else(|| v.clone(), |o| o.label.vi.clone()),
                _ => continue,
            };
            fields.insert(
                name.clone(),
                json!({"label": f.label.vi, "value": clean(&shown)}),
            );
        }
        let status_label = STATUSES
            .iter()
            .find(|(c, _)| *c == p.status)
            .map_or("", |(_, l)| *l);
        let item = json!({
            "reference": p.reference,
            "received": p.received_at.get(..10).unwrap_or(""),
            "answered": p.answered_on,
            "status": p.status,
            "status_label": status_label,
            "subject": if public.iter().any(|n| n == "tieu_de") || public.is_empty() { clean(&sum.subject) } else { String::new() },
            "content": clean(&sum.content),
            "field": sum.field,
            "answer": p.answer,
            "answering_agency": p.agency,
            "fields": J::Object(fields),
        });
        items.push((format!("{} {}", p.answered_on, p.reference), item));
    }
    items.sort_by(|a, b| b.0.cmp(&a.0));
    let n = items.len();
    let doc = json!({
        "format": "cchc-phan-anh-da-tra-loi",
        "version": 1,
        "title": schema.title.vi,
        "published_on": today.to_iso(),
        "items": items.into_iter().map(|(_, i)| i).collect::<Vec<_>>(),
    });
    (
        serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n",
        n,
        masked,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_dates() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(11), "L");
        assert_eq!(column_letter(26), "AA");
        let d = Date::parse_iso("2026-12-15").unwrap();
        assert_eq!(parse_sheet_date("15/12/2026"), Some(d));
        assert_eq!(parse_sheet_date("15-12-2026"), Some(d));
        assert_eq!(parse_sheet_date("2026-12-15"), Some(d));
        assert_eq!(parse_sheet_date("46371"), Some(d), "an Excel serial day");
        assert_eq!(parse_sheet_date("31/02/2026"), None);
        assert_eq!(parse_sheet_date("mai"), None);
    }
}


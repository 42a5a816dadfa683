//! The per-quarter progress table and the CSV writer, shared by the widget (its table and CSV
//! downloads) and `cchc tracker` (text and CSV), so both say the same thing in the same words.

use super::model::TaskProgress;
use super::status::{PlanProgress, QuarterProgress};
use crate::i18n::Lang;
use crate::num::{fixed, int};
use crate::text::cat;

/// Roman numerals of the quarters, as plans write them ("Quý II/2025").
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// "Quý II/2025".
pub fn quarter_name(quarter: u8, year: i32, lang: Lang) -> String {
    let q = ROMAN
        .get(usize::from(quarter).wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    tr!(
        lang,
        "Quý {q}/{year}",
        "Quarter {q} {year}",
        q = q,
        year = year
    )
}

impl TaskProgress {
    /// Label for users, in the words of the report template.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::Planned => msg!("Chưa thực hiện", "Not started"),
            Self::InProgress => msg!("Đang thực hiện", "In progress"),
            Self::Done => msg!("Đã hoàn thành", "Completed"),
            Self::Cancelled => msg!("Không thực hiện", "Not carried out"),
        })
    }
}

/// Headings of [`QuarterProgress::counts`]: tasks, due, done on time, done late, overdue, not
/// reported.
pub fn count_labels(lang: Lang) -> [&'static str; 6] {
    [
        tr!(lang, "Số nhiệm vụ", "Tasks"),
        tr!(lang, "Đến hạn", "Due"),
        tr!(lang, "Hoàn thành đúng hạn", "Done on time"),
        tr!(lang, "Hoàn thành trễ hạn", "Done late"),
        tr!(lang, "Quá hạn theo báo cáo", "Overdue per report"),
        tr!(lang, "Chưa có báo cáo", "Not reported"),
    ]
}

/// A share (0–1) as a percentage with one decimal, "." as the decimal mark ("28.6").
pub fn percent(share: f64) -> String {
    fixed(share * 100.0, 1)
}

/// The CSV heading of the quarter table: quarter, the day counted to, the report used, the six
/// counts, then the five shares in percent.
pub fn quarter_header(lang: Lang) -> Vec<String> {
    let mut head: Vec<String> = vec![
        tr!(lang, "Quý", "Quarter").into(),
        tr!(lang, "Tính đến ngày", "Counted to").into(),
        tr!(lang, "Báo cáo ngày", "Report of").into(),
    ];
    let labels = count_labels(lang);
    for h in labels {
        head.push(h.into());
    }
    for h in labels.iter().skip(1) {
        head.push(cat(&[h, " (%)"]));
    }
    head
}

/// One quarter as CSV cells, in the order of [`quarter_header`].
pub fn quarter_row(year: i32, q: &QuarterProgress, lang: Lang) -> Vec<String> {
    let mut row = vec![
        quarter_name(q.quarter, year, lang),
        q.until.to_iso(),
        q.report.map(|d| d.to_iso()).unwrap_or_default(),
    ];
    for n in q.counts() {
        row.push(int(n));
    }
    for s in q.shares {
        row.push(percent(s));
    }
    row
}

/// The plan's quarters as CSV (UTF-8 with a BOM, so Excel reads Vietnamese).
pub fn quarters_csv(p: &PlanProgress, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    push_strings(&mut out, &quarter_header(lang));
    for q in &p.quarters {
        push_strings(&mut out, &quarter_row(p.year, q, lang));
    }
    out
}

/// [`push_record`] for owned cells.
pub fn push_strings(out: &mut String, cells: &[String]) {
    let mut refs: Vec<&str> = Vec::new();
    for c in cells {
        refs.push(c);
    }
    push_record(out, &refs);
}

/// One CSV cell: quoted, quotes doubled, and a leading `= + - @` neutralised so a spreadsheet
/// never runs agency text as a formula.
fn cell(s: &str) -> String {
    let s = s.replace('"', "\"\"");
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky {
        cat(&["\"'", &s, "\""])
    } else {
        cat(&["\"", &s, "\""])
    }
}

/// Appends one CSV record: the cells, comma-separated, then CRLF.
pub fn push_record(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(c));
    }
    out.push_str("\r\n");
}

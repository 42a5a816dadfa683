//! The per-quarter progress table and the CSV writer, shared by the widget (its table and CSV
//! downloads) and `cchc tracker` (text and CSV), so both say the same thing in the same words.

use super::model::TaskProgress;
use super::status::PlanProgress;
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
    // Pieces joined with `cat` (one shared body) rather than a placeholder text per call.
    cat(&[tr!(lang, "Quý ", "Quarter "), q, "/", &int(year)])
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

/// A share (0–1) as a percentage with one decimal, in the language's convention ("28,6").
pub fn percent(share: f64, lang: Lang) -> String {
    let s = fixed(share * 100.0, 1);
    match lang.decimal_separator() {
        "." => s,
        // `replace_str`, not `str::replace` with a `char` (core's searcher in the wasm).
        sep => crate::text::replace_str(&s, ".", sep),
    }
}

/// The plan's quarters as the widget shows them and both shells write them as CSV: a heading
/// row ("Quý", then "Quý I/2025" …), then one row per measure: the day counted to, the report
/// used, the number of tasks, then each count followed by its share in percent ("–" for done,
/// late and overdue in a quarter no report has covered: only a report says them). Quarters are
/// columns, so the table stays five columns wide on a phone.
pub fn quarter_rows(p: &PlanProgress, lang: Lang) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for l in [
        tr!(lang, "Quý", "Quarter"),
        tr!(lang, "Tính đến ngày", "Counted to"),
        tr!(lang, "Báo cáo ngày", "Report of"),
    ] {
        rows.push(vec![l.into()]);
    }
    for (i, l) in count_labels(lang).into_iter().enumerate() {
        rows.push(vec![l.into()]);
        if i > 0 {
            rows.push(vec![cat(&[l, " (%)"])]);
        }
    }
    for q in &p.quarters {
        let mut cells = vec![
            quarter_name(q.quarter, p.year, lang),
            q.until.to_vi(),
            q.report.map_or("–".into(), |d| d.to_vi()),
        ];
        for (i, n) in q.counts().into_iter().enumerate() {
            // Done and overdue are known only from a report: none by then, "–", never 0.
            let unknown = q.report.is_none() && (2..=4).contains(&i);
            cells.push(if unknown { "–".into() } else { int(n) });
            if let Some(s) = i.checked_sub(1).and_then(|k| q.shares.get(k)) {
                cells.push(if unknown {
                    "–".into()
                } else {
                    percent(*s, lang)
                });
            }
        }
        for (row, c) in rows.iter_mut().zip(cells) {
            row.push(c);
        }
    }
    rows
}

/// [`quarter_rows`] as CSV (UTF-8 with a BOM, so Excel reads Vietnamese).
pub fn quarters_csv(p: &PlanProgress, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    for row in quarter_rows(p, lang) {
        push_strings(&mut out, &row);
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
    let s = crate::text::replace_str(s, "\"", "\"\"");
    // A byte test, not `starts_with` with a `char` set (core's searcher in the wasm).
    let risky = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
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

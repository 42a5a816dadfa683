//! Spreadsheets (XLSX, CSV) as rows of text with their line numbers, and finding the header row.
//!
//! Agencies' exports put banners, titles and blank rows above the header ("DANH SÁCH THỦ TỤC HÀNH
//! CHÍNH", the plan's "PHỤ LỤC"), number their headers ("1- Mục tiêu/Chỉ tiêu") and spell them
//! in many ways. The header is found by matching folded cell text (no diacritics, lower case)
//! against known names and the user's `--map`, never by position.

use std::path::Path;

use calamine::{Data, Reader};
use cchc_widgets::text::fold;

/// One spreadsheet row: its 1-based line (CSV line or Excel row number) and cell texts.
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The trimmed cell `i`, or "".
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |s| s.trim())
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Reads the first sheet of an XLSX/XLS/ODS workbook (or `sheet`).
pub fn read_xlsx(path: &Path, sheet: Option<&str>) -> Result<Vec<Row>, String> {
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let range = match sheet {
        Some(name) => wb.worksheet_range(name).map_err(|e| {
            format!(
                "{e}; các trang tính / sheets: {}",
                wb.sheet_names().join(", ")
            )
        })?,
        None => wb
            .worksheet_range_at(0)
            .ok_or_else(|| "tệp không có trang tính nào / the workbook has no sheet".to_string())?
            .map_err(|e| e.to_string())?,
    };
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row: Vec<String> = vec![String::new(); first_col];
            row.extend(cells.iter().map(cell_text));
            Row {
                line: first + i + 1,
                cells: row,
            }
        })
        .collect())
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Reads a CSV file (UTF-8, optional BOM; `,` or `;` or tab, detected from the first line).
pub fn read_csv(path: &Path) -> Result<Vec<Row>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|c| count(*c))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| csv_error(&e))?;
        // The record's first physical line, from its byte offset (cells may span lines).
        let line = rec.position().map_or(rows.len() + 1, |p| {
            let at = (p.byte() as usize).min(bytes.len());
            bytes.get(..at).map_or(0, line_breaks) + 1
        });
        rows.push(Row {
            line,
            cells: rec.iter().map(str::to_string).collect(),
        });
    }
    Ok(rows)
}

/// Line breaks as editors count them: `\n`, `\r\n`, and a lone `\r` (old Mac/Excel cells).
fn line_breaks(b: &[u8]) -> usize {
    b.iter()
        .enumerate()
        .filter(|(i, c)| **c == b'\n' || (**c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

fn csv_error(e: &csv::Error) -> String {
    let line = e.position().map(|p| p.line());
    let what = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "không phải UTF-8: trong Excel chọn Lưu thành \"CSV UTF-8\" / not UTF-8: in Excel, save as \"CSV UTF-8\"".to_string(),
        _ => e.to_string(),
    };
    match line {
        Some(l) => format!("dòng {l} / line {l}: {what}"),
        None => what,
    }
}

/// Folds a header for matching: no diacritics, lower case, numbering ("1- ", "2.") removed,
/// spaces collapsed.
pub fn header_key(s: &str) -> String {
    let f = fold(s);
    let f =
        f.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '.' | ')' | ' '));
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A column the importer knows: its canonical name and how headers may spell it (folded).
pub struct Column {
    pub name: &'static str,
    /// Exact folded spellings.
    pub exact: &'static [&'static str],
    /// Folded prefixes ("muc tieu" matches "muc tieu/chi tieu/noi dung").
    pub prefixes: &'static [&'static str],
}

/// The header row found: its index in the rows and the canonical name of each column.
pub struct Header {
    pub index: usize,
    pub columns: Vec<Option<&'static str>>,
}

impl Header {
    /// The column index of `name`.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(name))
    }
}

/// Parses `--map "Mã số=code,Tên=name"` (`;` separates pairs when a header has commas).
pub fn parse_map(spec: &str, known: &[Column]) -> Result<Vec<(String, &'static str)>, String> {
    let sep = if spec.contains(';') { ';' } else { ',' };
    let mut out = Vec::new();
    for pair in spec.split(sep).filter(|p| !p.trim().is_empty()) {
        let Some((header, target)) = pair.rsplit_once('=') else {
            return Err(format!("--map: \"{pair}\" thiếu dấu = (cần \"Tiêu đề cột=trường\") / missing = (\"Column header=field\")"));
        };
        let target = target.trim();
        let Some(col) = known.iter().find(|c| c.name == target) else {
            let names: Vec<&str> = known.iter().map(|c| c.name).collect();
            return Err(format!(
                "--map: trường \"{target}\" không có; chọn một trong / unknown field \"{target}\"; use one of: {}",
                names.join(", ")
            ));
        };
        out.push((header_key(header), col.name));
    }
    Ok(out)
}

fn classify(
    cell: &str,
    known: &'static [Column],
    map: &[(String, &'static str)],
) -> Option<&'static str> {
    let k = header_key(cell);
    if k.is_empty() {
        return None;
    }
    if let Some((_, name)) = map.iter().find(|(h, _)| *h == k) {
        return Some(name);
    }
    known
        .iter()
        .find(|c| c.exact.contains(&k.as_str()) || c.prefixes.iter().any(|p| k.starts_with(p)))
        .map(|c| c.name)
}

/// Finds the first row (within the first 30) naming every `required` column.
/// On failure, says what is missing in the row that came closest.
pub fn find_header(
    rows: &[Row],
    known: &'static [Column],
    map: &[(String, &'static str)],
    required: &[&str],
) -> Result<Header, String> {
    let mut best: Option<(usize, Header)> = None;
    for (index, row) in rows.iter().enumerate().take(30) {
        let mut columns: Vec<Option<&'static str>> = Vec::new();
        for cell in &row.cells {
            let c = classify(cell, known, map).filter(|c| !columns.contains(&Some(c)));
            columns.push(c);
        }
        let header = Header { index, columns };
        let hits = header.columns.iter().flatten().count();
        if required.iter().all(|r| header.col(r).is_some()) {
            return Ok(header);
        }
        if best.as_ref().is_none_or(|(h, _)| hits > *h) {
            best = Some((hits, header));
        }
    }
    let (line, missing, seen) = match &best {
        Some((hits, h)) if *hits > 0 => {
            let row = rows.get(h.index);
            let missing: Vec<&str> = required
                .iter()
                .copied()
                .filter(|r| h.col(r).is_none())
                .collect();
            let seen = row
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .unwrap_or_default();
            (row.map_or(0, |r| r.line), missing, seen)
        }
        _ => (0, required.to_vec(), String::new()),
    };
    let mut msg = format!(
        "không tìm thấy dòng tiêu đề có đủ cột / no header row with the columns: {} (thiếu / missing: {})",
        required.join(", "),
        missing.join(", ")
    );
    if line > 0 {
        msg.push_str(&format!("; dòng gần nhất / closest row {line}: {seen}"));
    }
    msg.push_str("; dùng --map \"Tiêu đề cột=trường\" để chỉ cột / use --map \"Column header=field\" to name the columns");
    Err(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLS: &[Column] = &[
        Column {
            name: "code",
            exact: &["ma so"],
            prefixes: &[],
        },
        Column {
            name: "name",
            exact: &["ten"],
            prefixes: &["ten thu tuc"],
        },
    ];

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn header_under_a_banner_is_found() {
        let rows = vec![
            row(
                1,
                &[
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nDANH SÁCH THỦ TỤC HÀNH CHÍNH",
                    "",
                    "",
                ],
            ),
            row(2, &["Mã số", "Tên", "Lĩnh vực"]),
        ];
        let h = find_header(&rows, COLS, &[], &["code", "name"]);
        assert!(h
            .as_ref()
            .is_ok_and(|h| h.index == 1 && h.col("name") == Some(1)));
    }

    #[test]
    fn missing_column_is_named_with_the_closest_row() {
        let rows = vec![row(1, &["Mã số", "Lĩnh vực"])];
        let e = find_header(&rows, COLS, &[], &["code", "name"])
            .err()
            .unwrap_or_default();
        assert!(e.contains("name") && e.contains("closest row 1"), "{e}");
        let map = parse_map("Lĩnh vực=name", COLS).unwrap_or_default();
        assert!(find_header(&rows, COLS, &map, &["code", "name"]).is_ok());
        assert!(parse_map("X=nope", COLS).is_err());
        assert!(parse_map("X", COLS).is_err());
    }

    #[test]
    fn numbered_headers_fold() {
        assert_eq!(
            header_key("1- Mục tiêu/Chỉ tiêu/nội dung"),
            "muc tieu/chi tieu/noi dung"
        );
        assert_eq!(header_key("  Tên   thủ tục "), "ten thu tuc");
    }
}

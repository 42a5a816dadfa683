//! `cchc import hoi-dap`: the agency's hỏi đáp (questions and answers) from a spreadsheet.
//!
//! Columns: câu hỏi, trả lời, mã thủ tục liên quan, lĩnh vực (found by their headers, in any
//! order, below any banner rows). Every problem is reported with its row and column and nothing
//! is written unless the whole sheet is right: an empty question or answer, a code the catalogue
//! does not have, a question asked twice. The sheet replaces the entries of the hỏi đáp file
//! (`<name>-hoi-dap.json` beside `tthc.json`, named there by `faq_url`; docs/tthc-format.md).

use std::path::{Path, PathBuf};

use cchc_widgets::check::Kind;
use cchc_widgets::i18n::Lang;
use cchc_widgets::text::tokenize;
use cchc_widgets::tthc::{Catalog, FaqEntry};

use super::table::{self, Column, Row};

static COLUMNS: &[Column] = &[
    Column {
        name: "question",
        exact: &["cau hoi", "hoi", "noi dung cau hoi", "question"],
        prefixes: &["cau hoi"],
    },
    Column {
        name: "answer",
        exact: &["tra loi", "cau tra loi", "noi dung tra loi", "dap", "answer"],
        prefixes: &["tra loi", "cau tra loi"],
    },
    Column {
        name: "codes",
        exact: &[
            "ma thu tuc lien quan",
            "ma thu tuc",
            "ma tthc",
            "thu tuc lien quan",
            "codes",
        ],
        prefixes: &["ma thu tuc", "ma tthc"],
    },
    Column {
        name: "field",
        exact: &["linh vuc", "field"],
        prefixes: &[],
    },
];

/// The template's headers and widths.
const TEMPLATE: &[(&str, f64)] = &[
    ("Câu hỏi", 50.0),
    ("Trả lời", 80.0),
    ("Mã thủ tục liên quan", 22.0),
    ("Lĩnh vực", 24.0),
];

/// Hỏi đáp from a spreadsheet (XLSX, ODS, CSV).
#[derive(clap::Args)]
pub struct Args {
    /// The filled sheet (.xlsx, .xls, .ods or .csv).
    #[arg(required_unless_present = "template")]
    input: Option<PathBuf>,
    /// The tthc.json whose procedures the entries link to: their codes are checked against it,
    /// and its `faq_url` names the hỏi đáp file (added when missing).
    #[arg(long, required_unless_present = "template")]
    into: Option<PathBuf>,
    /// Write the hỏi đáp file here instead (tthc.json is then left as it is: name the file in
    /// its `faq_url`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worksheet name (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Write an empty sheet with the columns to this .xlsx instead.
    #[arg(long)]
    template: Option<PathBuf>,
    /// Language of the report on stderr (vi, en).
    #[arg(long, default_value = "vi")]
    lang: String,
}

/// A problem of the sheet: (row, column letter, message).
type Problem = (usize, String, String);

pub fn run(args: Args) -> u8 {
    let Some(lang) = super::lang_of(&args.lang) else {
        eprintln!("cchc import: --lang: vi | en");
        return 2;
    };
    if let Some(out) = &args.template {
        return match write_template(out) {
            Ok(()) => {
                eprintln!(
                    "{}",
                    lang.pick(
                        &format!("đã ghi mẫu hỏi đáp {}", out.display()),
                        &format!("wrote the hỏi đáp template {}", out.display()),
                    )
                );
                0
            }
            Err(e) => {
                eprintln!("{}: {e}", out.display());
                1
            }
        };
    }
    let (Some(input), Some(into)) = (&args.input, &args.into) else {
        eprintln!("cchc import hoi-dap: FILE --into tthc.json");
        return 2;
    };
    let text = match std::fs::read_to_string(into) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", into.display());
            return 1;
        }
    };
    let catalog = match Catalog::from_json_str_with_limit(&text, 512 * 1024 * 1024) {
        Ok((c, _)) => c,
        Err(e) => {
            eprintln!("{}: {}", into.display(), e.message(lang));
            return 1;
        }
    };
    let ext = input
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let rows = match ext.as_str() {
        "csv" | "tsv" | "txt" => table::read_csv(input),
        _ => table::read_xlsx(input, args.sheet.as_deref()),
    };
    let rows = match rows {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", input.display());
            return 1;
        }
    };
    let entries = match read_rows(&rows, &catalog) {
        Ok(e) => e,
        Err(problems) => {
            for (row, col, msg) in &problems {
                eprintln!(
                    "{}: {}{row}, {}{col}: {msg}",
                    input.display(),
                    lang.pick("dòng ", "row "),
                    lang.pick("cột ", "column ")
                );
            }
            eprintln!(
                "{}",
                match lang {
                    Lang::En => format!(
                        "cchc import hoi-dap: {} problems; nothing written",
                        problems.len()
                    ),
                    _ => format!(
                        "cchc import hoi-dap: {} lỗi; không ghi gì (nothing written)",
                        problems.len()
                    ),
                }
            );
            return 1;
        }
    };
    let body = faq_json(&entries);
    // Where the file goes: -o, else the file tthc.json names, else `<stem>-hoi-dap.json` beside.
    let (dir, stem) = super::out_parts(into);
    let named = catalog
        .faq_url()
        .filter(|u| !u.contains(':') && !u.starts_with('/') && !u.contains('%'))
        .map(str::to_string);
    let (path, add_url) = match (&args.output, &named) {
        (Some(o), _) => (o.clone(), None),
        (None, Some(url)) => (dir.join(url), None),
        (None, None) => {
            let name = format!("{stem}-hoi-dap.json");
            (dir.join(&name), Some(name))
        }
    };
    if let Err(e) = crate::files::publish(&path, &body) {
        eprintln!("{e}");
        return 1;
    }
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!("wrote {}: {} entries", path.display(), entries.len()),
            _ => format!("đã ghi {}: {} mục hỏi đáp", path.display(), entries.len()),
        }
    );
    if args.output.is_some() && named.is_none() {
        eprintln!(
            "{}",
            lang.pick(
                "lưu ý: thêm \"faq_url\" (đường dẫn tới tệp này, tính từ tthc.json) vào tthc.json để tiện ích đọc nó",
                "note: add \"faq_url\" (this file's path relative to tthc.json) to tthc.json for the widget to read it",
            )
        );
    }
    // tthc.json names the new file (inserted as its first key, the rest untouched), and is
    // checked with it.
    let text = match add_url {
        Some(name) => with_faq_url(&text, &name),
        None => text,
    };
    super::write_checked(into, &text, Kind::Tthc, lang)
}

/// `text` (a JSON object) with `"faq_url": name` as its first member.
fn with_faq_url(text: &str, name: &str) -> String {
    let Some(i) = text.find('{') else {
        return text.to_string();
    };
    let (head, rest) = text.split_at(i + 1);
    let value = serde_json::to_string(name).unwrap_or_default();
    format!("{head}\"faq_url\":{value},{rest}")
}

/// The hỏi đáp file: `{"version":1,"faq":[...]}`, one entry per line.
fn faq_json(entries: &[FaqEntry]) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|e| serde_json::to_string(e).unwrap_or_default())
        .collect();
    format!("{{\"version\":1,\"faq\":[\n{}\n]}}\n", lines.join(",\n"))
}

/// The column letter of index `i` (A, B, ..., Z, AA, ...).
fn letter(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The entries of the sheet, or every problem found.
fn read_rows(rows: &[Row], catalog: &Catalog) -> Result<Vec<FaqEntry>, Vec<Problem>> {
    let header = table::find_header(rows, COLUMNS, &[], &["question", "answer"])
        .map_err(|e| vec![(1, "A".to_string(), e)])?;
    let col = |name: &str| header.col(name);
    let (Some(qc), Some(ac)) = (col("question"), col("answer")) else {
        return Err(vec![(1, "A".into(), "thiếu cột câu hỏi, trả lời".into())]);
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut entries = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for row in rows.iter().skip(header.index + 1).filter(|r| !r.is_blank()) {
        let clean = |i: usize| -> String {
            let lines: Vec<&str> = row
                .cell(i)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            lines.join("\n")
        };
        let question = clean(qc).replace('\n', " ");
        let answer = clean(ac);
        if question.is_empty() {
            problems.push((
                row.line,
                letter(qc),
                "câu hỏi trống / empty question".into(),
            ));
        }
        if answer.is_empty() {
            problems.push((row.line, letter(ac), "trả lời trống / empty answer".into()));
        }
        // The same words, whatever the marks, case and punctuation.
        let words: Vec<String> = tokenize(&question).into_iter().map(|t| t.folded).collect();
        let key = words.join(" ");
        if !key.is_empty() {
            match seen.iter().find(|(k, _)| *k == key) {
                Some((_, first)) => problems.push((
                    row.line,
                    letter(qc),
                    format!("câu hỏi trùng với dòng {first} / same question as row {first}"),
                )),
                None => seen.push((key, row.line)),
            }
        }
        let mut codes: Vec<String> = Vec::new();
        if let Some(cc) = col("codes") {
            for code in row
                .cell(cc)
                .split(|c: char| matches!(c, ',' | ';') || c.is_whitespace())
            {
                let code = code.trim();
                if code.is_empty() {
                    continue;
                }
                match catalog.find_code(code).and_then(|i| catalog.procedure(i)) {
                    Some(p) if !codes.contains(&p.code) => codes.push(p.code.clone()),
                    Some(_) => {}
                    None => problems.push((
                        row.line,
                        letter(cc),
                        format!(
                            "mã thủ tục {code:?} không có trong danh mục / unknown procedure code {code:?}"
                        ),
                    )),
                }
            }
        }
        // Lĩnh vực: as written, else the first related procedure's.
        let field = col("field")
            .map(|c| row.cell(c).to_string())
            .filter(|f| !f.is_empty())
            .or_else(|| {
                let first = codes.first()?;
                let p = catalog.procedure(catalog.find_code(first)?)?;
                p.field.clone()
            });
        entries.push(FaqEntry {
            question,
            answer,
            codes,
            field,
        });
    }
    if entries.is_empty() && problems.is_empty() {
        problems.push((
            rows.get(header.index).map_or(1, |r| r.line),
            "A".into(),
            "không có mục hỏi đáp nào dưới dòng tiêu đề / no entry below the header".into(),
        ));
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

fn write_template(out: &Path) -> Result<(), String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Hỏi đáp").map_err(|e| e.to_string())?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("D9E2F3");
    let fill = Format::new().set_text_wrap().set_background_color("FFF2CC");
    for (c, (name, width)) in TEMPLATE.iter().enumerate() {
        ws.write_with_format(0, c as u16, *name, &head)
            .map_err(|e| e.to_string())?;
        ws.set_column_width(c as u16, *width)
            .map_err(|e| e.to_string())?;
        for r in 1..21u32 {
            ws.write_with_format(r, c as u16, "", &fill)
                .map_err(|e| e.to_string())?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    wb.save(out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn catalog() -> Catalog {
        let text = r#"{"version": 1, "procedures": [
            {"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "Hộ tịch"},
            {"code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "Hộ tịch"}]}"#;
        match Catalog::from_json_str(text) {
            Ok((c, _)) => c,
            Err(e) => panic!("{}", e.message(Lang::En)),
        }
    }

    #[test]
    fn a_good_sheet() {
        let rows = vec![
            row(1, &["HỎI ĐÁP THỦ TỤC HÀNH CHÍNH"]),
            row(2, &["Lĩnh vực", "Câu hỏi", "Trả lời", "Mã thủ tục liên quan"]),
            row(3, &["", "Đăng ký khai sinh ở đâu?", "  UBND cấp xã.\n\nNơi cư trú của cha hoặc mẹ. ", "1.001193"]),
            row(4, &[]),
            row(5, &["Hộ tịch riêng", "Kết hôn cần gì?", "Tờ khai.", "1.000894; 1.001193, 1.000894"]),
        ];
        let e = read_rows(&rows, &catalog()).unwrap_or_default();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].answer, "UBND cấp xã.\nNơi cư trú của cha hoặc mẹ.");
        assert_eq!(e[0].field.as_deref(), Some("Hộ tịch"));
        assert_eq!(e[1].codes, ["1.000894", "1.001193"]);
        assert_eq!(e[1].field.as_deref(), Some("Hộ tịch riêng"));
        let json = faq_json(&e);
        let mut c = catalog();
        assert_eq!(c.add_faq(&json).map(|w| w.len()), Ok(0));
        assert_eq!(c.faq(), &e[..]);
    }

    #[test]
    fn bad_rows_are_all_reported_with_row_and_column() {
        let rows = vec![
            row(1, &["Câu hỏi", "Trả lời", "Mã thủ tục"]),
            row(2, &["", "Trả lời", "1.001193"]),
            row(3, &["Hỏi gì?", "", "9.999999"]),
            row(4, &["Hỏi GÌ", "Đáp", ""]),
        ];
        let p = read_rows(&rows, &catalog()).err().unwrap_or_default();
        let at: Vec<(usize, &str)> = p.iter().map(|(r, c, _)| (*r, c.as_str())).collect();
        assert_eq!(at, [(2, "A"), (3, "B"), (3, "C"), (4, "A")]);
        assert!(p[2].2.contains("9.999999"));
        assert!(p[3].2.contains("dòng 3"));
        assert!(read_rows(&[row(1, &["x", "y"])], &catalog()).is_err());
        assert!(read_rows(&[row(1, &["Câu hỏi", "Trả lời"])], &catalog()).is_err());
    }

    #[test]
    fn faq_url_goes_first_and_letters() {
        assert_eq!(
            with_faq_url("{\"version\":1}", "a-hoi-dap.json"),
            "{\"faq_url\":\"a-hoi-dap.json\",\"version\":1}"
        );
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
    }
}

//! Thành phần hồ sơ: the national portal's flattened document table made into one tidy line per
//! document, and that line read back into its parts (for the printed checklist).
//!
//! Why it exists: the portal flattens its table (`Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng`,
//! sometimes several tables, one per case) into one string:
//! `--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghịMẫu 01.docx1 bản chínhBản sao CCCD0 bản
//! chính,1 bản sao`. Splitting it at every "bản chính"/"bản sao" (the words also appear inside
//! the names: "bản sao có chứng thực hoặc bản sao kèm bản chính") cut one document into stray
//! fragments (", 1 bản sao", "để đối chiếu hoặc bản sao"), kept the bullets and glued the form's
//! file name and the count to the name. [`tidy`] reads the table by its cells instead, and writes
//! each document as one line a citizen reads the same in the widget, on the printed sheet and in
//! the data file:
//!
//! ```text
//! Đơn đề nghị (mẫu: Mẫu 01.docx): 1 bản chính
//! Bản sao CCCD: 1 bản sao
//! Trường hợp ủy quyền:                      ← a case heading (several tables)
//! ```
//!
//! [`parse`] reads such a line back (name, form, copies, heading); it also accepts any other
//! wording (an agency's own list) as a plain name.

use crate::num::push_int;
use crate::text;

/// The header the portal writes before each table's rows.
const HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";

/// The file extensions of the portal's form templates, longest first.
const EXTENSIONS: [&str; 8] = [
    ".docx", ".xlsx", ".doc", ".pdf", ".xls", ".odt", ".rar", ".zip",
];

/// How a form's file name begins when it is glued to the document's name ("…TTgMẫu 2.docx").
const FORM_WORDS: [&str; 12] = [
    "Mẫu",
    "Mau",
    "MẪU",
    "mẫu",
    "Phụ lục",
    "Phụ Lục",
    "PHỤ LỤC",
    "Phu luc",
    "Tờ khai",
    "TK",
    "Biểu mẫu",
    "Bieu mau",
];

/// One document line, read by [`parse`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Document<'a> {
    /// The document's name as the citizen reads it.
    pub name: &'a str,
    /// The form template's file name(s), when the portal names one.
    pub form: Option<&'a str>,
    /// Bản chính: how many originals (0 when not stated).
    pub originals: u32,
    /// Bản sao: how many copies (0 when not stated).
    pub copies: u32,
    /// A case heading ("Trường hợp …:") above the documents of that case, not a document.
    pub heading: bool,
}

/// The portal's flattened document table → one tidy line per document (see the module docs).
/// Text without the portal's header or counts is split only at its line breaks.
pub fn tidy(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut parts = text::split_str(raw, HEADER).into_iter();
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        // No table header: an agency's own text, or a table without one.
        rows(raw, &mut out, true);
        return out;
    }
    push_heading(first, &mut out);
    let last = rest.len().saturating_sub(1);
    for (k, part) in rest.iter().enumerate() {
        let tail = rows(part, &mut out, k == last);
        if k != last {
            push_heading(tail, &mut out);
        }
    }
    out
}

/// Reads the rows of one table into `out`; returns the text after the last count (the next
/// table's heading). With `last`, that text is a row of its own.
fn rows<'a>(s: &'a str, out: &mut Vec<String>, last: bool) -> &'a str {
    let mut start = 0;
    let mut at = 0;
    let bytes = s.as_bytes();
    while at < bytes.len() {
        if let Some((cell_start, cell_end, originals, copies)) = count_cell(s, at) {
            if cell_start > start {
                if let Some(line) = s
                    .get(start..cell_start)
                    .and_then(|n| row(n, originals, copies))
                {
                    out.push(line);
                }
                start = cell_end;
                at = cell_end;
                continue;
            }
        }
        at += 1;
    }
    let tail = s.get(start..).unwrap_or("");
    if last {
        for line in text::split_ascii(tail, b'\n') {
            if let Some(l) = row(line, 0, 0) {
                out.push(l);
            }
        }
        return "";
    }
    tail
}

/// A count cell starting at byte `at` (a digit glued to the name before it, then `bản chính`
/// and/or `bản sao`, then the next row glued on or the end): its start, end and counts.
fn count_cell(s: &str, at: usize) -> Option<(usize, usize, u32, u32)> {
    let bytes = s.as_bytes();
    if !bytes.get(at)?.is_ascii_digit() || at == 0 {
        return None;
    }
    let prev = bytes.get(at - 1).copied()?;
    if prev.is_ascii_digit() {
        return None;
    }
    let run = bytes
        .get(at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after = at + run;
    let rest = s.get(after..)?;
    let kind = if rest.starts_with(" bản chính") {
        0
    } else if rest.starts_with(" bản sao") {
        1
    } else {
        return None;
    };
    // The name glued before the count: a space or a line break there means the words are
    // part of the name ("nộp 01 bản chính có xác nhận").
    if prev == b' ' || prev == b'\n' || prev == b'\t' {
        return None;
    }
    // "…ngày 13/02/20261 bản chính": the count is the last digit; "…;01 bản chính": the count
    // is 01.
    let (cell_start, n) = if run == 1 || (run == 2 && bytes.get(at) == Some(&b'0')) {
        (at, crate::num::digits(s.get(at..after)?)?)
    } else {
        (after - 1, crate::num::digits(s.get(after - 1..after)?)?)
    };
    let n = u32::try_from(n).ok()?;
    let mut end = after
        + if kind == 0 {
            " bản chính"
        } else {
            " bản sao"
        }
        .len();
    let (mut originals, mut copies) = if kind == 0 { (n, 0) } else { (0, n) };
    if kind == 0 {
        if let Some(more) = s.get(end..).and_then(|r| r.strip_prefix(',')) {
            let d = more.bytes().take_while(u8::is_ascii_digit).count();
            if d > 0 && d <= 2 && more.get(d..).is_some_and(|r| r.starts_with(" bản sao")) {
                copies = crate::num::digits(more.get(..d)?)
                    .and_then(|c| u32::try_from(c).ok())
                    .unwrap_or(0);
                end += 1 + d + " bản sao".len();
            }
        }
    }
    // The next row follows without a space; a space means running text.
    if s.get(end..).is_some_and(|r| r.starts_with([' ', '\t'])) {
        return None;
    }
    if originals > 99 || copies > 99 {
        (originals, copies) = (0, 0);
    }
    Some((cell_start, end, originals, copies))
}

/// A heading line (a case above a table), or nothing for the portal's `--` placeholder.
fn push_heading(s: &str, out: &mut Vec<String>) {
    let Some(h) = super::load::clean(s) else {
        return;
    };
    let h = strip_bullet(&h).trim_end_matches([';', ',', ' ']);
    if h.is_empty() || h.bytes().all(|b| b == b'-') {
        return;
    }
    let mut line = h.to_string();
    if !line.ends_with(':') {
        line.push(':');
    }
    out.push(line);
}

/// One document line from a row's name cell (with the form's file name glued to it) and counts.
fn row(name: &str, originals: u32, copies: u32) -> Option<String> {
    let name = super::load::clean(name)?;
    let name = strip_bullet(&name).trim_end_matches([';', ',', ' ']);
    let (name, form) = split_form(name);
    let name = name.trim_end_matches([';', ',', '.', ' ']);
    // "… bao gồm:" before its counts: the line's own colon says it (`bao gồm: 1 bản sao`, not
    // `bao gồm:: 1 bản sao`). Without counts a closing colon makes a case heading: kept.
    let name = if originals + copies > 0 {
        name.trim_end_matches([':', ' '])
    } else {
        name
    };
    if name.is_empty() && form.is_none() {
        return None;
    }
    let form = form.map(separate_files);
    Some(line(&Document {
        name: if name.is_empty() { "Tờ khai" } else { name },
        form: form.as_deref(),
        originals,
        copies,
        heading: false,
    }))
}

/// `A.docxB.docx` → `A.docx, B.docx`.
fn separate_files(files: &str) -> String {
    let mut out = String::with_capacity(files.len() + 8);
    let lower = files.to_ascii_lowercase();
    let mut last = 0;
    let mut i = 0;
    while i < files.len() {
        let hit = EXTENSIONS.into_iter().find(|e| {
            lower.get(i..).is_some_and(|t| t.starts_with(e))
                && lower
                    .get(i + e.len()..i + e.len() + 1)
                    .is_none_or(|c| c != "x")
        });
        match hit {
            Some(e) if i + e.len() < files.len() => {
                out.push_str(files.get(last..i + e.len()).unwrap_or(""));
                out.push_str(", ");
                last = i + e.len();
                i = last;
            }
            _ => i += 1,
        }
    }
    out.push_str(files.get(last..).unwrap_or(""));
    out
}

/// Writes a document line in [`tidy`]'s wording (what [`parse`] reads back).
pub fn line(d: &Document<'_>) -> String {
    let mut out = String::with_capacity(d.name.len() + 40);
    out.push_str(d.name);
    if let Some(f) = d.form {
        out.push_str(" (mẫu: ");
        out.push_str(f);
        out.push(')');
    }
    if d.originals > 0 || d.copies > 0 {
        out.push(':');
        if d.originals > 0 {
            out.push(' ');
            push_int(&mut out, d.originals);
            out.push_str(" bản chính");
        }
        if d.copies > 0 {
            out.push_str(if d.originals > 0 { ", " } else { " " });
            push_int(&mut out, d.copies);
            out.push_str(" bản sao");
        }
    }
    out
}

/// A leading list marker ("- ", "+ ", "* ", "• ", "-") the checklist replaces with its box.
fn strip_bullet(s: &str) -> &str {
    let t = s.trim_start_matches(['-', '+', '*', '•', '–']).trim_start();
    if t.is_empty() {
        s
    } else {
        t
    }
}

/// `ext` if `s` ends with one of [`EXTENSIONS`] (any case).
fn extension_at_end(s: &str) -> Option<usize> {
    EXTENSIONS.into_iter().find_map(|e| {
        let n = s.len().checked_sub(e.len())?;
        s.get(n..)
            .filter(|t| t.eq_ignore_ascii_case(e))
            .map(|_| e.len())
    })
}

/// Splits the form template's file name(s) off the end of a name: `…TTgMẫu 2-CNDN.docx` →
/// (`…TTg`, `Mẫu 2-CNDN.docx`). Several files glued together stay together. When the start of
/// the file name cannot be told, nothing is split.
fn split_form(name: &str) -> (&str, Option<&str>) {
    let Some(ext) = extension_at_end(name) else {
        return (name, None);
    };
    // Earlier files glued before the last one ("A.docxB.docx"): `first` is where the first
    // file's extension starts.
    let mut first = name.len() - ext;
    loop {
        let head = name.get(..first).unwrap_or("");
        let lower = head.to_ascii_lowercase();
        let prev = EXTENSIONS
            .into_iter()
            .filter_map(|e| text::rfind_str(&lower, e).map(|i| (i, i + e.len())))
            .max_by_key(|&(_, end)| end);
        match prev {
            Some((start, end))
                if end < first
                    && head.get(end..).is_some_and(|r| {
                        !r.starts_with([' ', '.', ',', ';']) && !text::contains_str(r, ". ")
                            && r.len() <= 100
                    })
                    // "x.doc" inside "x.docx": the longer extension was found.
                    && lower.get(end..end + 1).is_none_or(|c| c != "x") =>
            {
                first = start;
            }
            _ => break,
        }
    }
    let first_start = first;
    let head = name.get(..first_start).unwrap_or("");
    let Some(cut) = file_start(head) else {
        return (name, None);
    };
    let (n, f) = (name.get(..cut).unwrap_or(name), name.get(cut..));
    match f {
        Some(f) if f.len() <= 240 && !n.trim().is_empty() => (n, Some(f)),
        _ => (name, None),
    }
}

/// Where the first file name starts in `head` (the text before its extension): the last place
/// a form word is glued on ("TTgMẫu", ";Mau"), else the last separator glued to the next word
/// (";", ")", "." before a letter).
fn file_start(head: &str) -> Option<usize> {
    let mut form_word = None;
    let mut separator = None;
    let mut prev: Option<char> = None;
    for (i, c) in head.char_indices() {
        if let Some(p) = prev {
            // Glued to a word or after a separator, not inside brackets, quotes or "01-Phu luc".
            let glued = p.is_alphabetic() || matches!(p, ';' | ')' | '.');
            if glued
                && FORM_WORDS
                    .iter()
                    .any(|w| head.get(i..).is_some_and(|t| t.starts_with(w)))
            {
                form_word = Some(i);
            }
            // "…2021.Mus09.docx" (after a year) but not "1.nxin.doc" (a numbered file).
            let numbered = || {
                let before = head.get(..i.saturating_sub(1)).unwrap_or("");
                let d = before.bytes().rev().take_while(u8::is_ascii_digit).count();
                d > 0 && d < 4
            };
            let sep = matches!(p, ';' | ')') || (p == '.' && c.is_alphabetic() && !numbered());
            if sep && !c.is_whitespace() && c != '.' && c != ',' {
                separator = Some(i);
            }
        }
        prev = Some(c);
    }
    let at = form_word.or(separator)?;
    // Only a file name follows: short, not a sentence.
    let file = head.get(at..)?;
    (file.len() <= 160 && !text::contains_str(file, ", ")).then_some(at)
}

/// Reads a document line back ([`tidy`]'s wording; any other text is a plain name).
pub fn parse(line: &str) -> Document<'_> {
    let mut d = Document {
        name: line,
        ..Document::default()
    };
    let mut rest = line;
    if let Some((head, originals, copies)) = counts_suffix(rest) {
        rest = head;
        d.originals = originals;
        d.copies = copies;
    }
    if let Some(open) = text::rfind_str(rest, " (mẫu: ") {
        if rest.ends_with(')') {
            d.form = rest.get(open + " (mẫu: ".len()..rest.len() - 1);
            rest = rest.get(..open).unwrap_or(rest);
        }
    }
    d.name = rest;
    d.heading = d.originals == 0 && d.copies == 0 && d.form.is_none() && rest.ends_with(':');
    d
}

/// `…: 1 bản chính, 2 bản sao` at the end of `s` → the text before and the counts.
fn counts_suffix(s: &str) -> Option<(&str, u32, u32)> {
    let colon = text::rfind_str(s, ": ")?;
    let head = s.get(..colon)?;
    let tail = s.get(colon + 2..)?;
    let mut originals = 0;
    let mut copies = 0;
    for (k, part) in text::split_str(tail, ", ").into_iter().enumerate() {
        let (num, word) = text::split_once_ascii(part, b' ')?;
        let n = u32::try_from(crate::num::digits(num)?).ok()?;
        match word {
            "bản chính" if k == 0 => originals = n,
            "bản sao" if k <= 1 => copies = n,
            _ => return None,
        }
    }
    (!head.is_empty()).then_some((head, originals, copies))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Record 1.000178 of the national portal (one table, counts glued on).
    #[test]
    fn one_table() {
        let raw = "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTài liệu, chứng cứ do các bên cung cấp1 bản chínhQuyết định giải quyết khiếu nại1 bản chínhBiên bản tổ chức đối thoại (nếu có)1 bản chínhĐơn khiếu nại hoặc bản ghi nội dung khiếu nại1 bản chính";
        assert_eq!(
            tidy(raw),
            [
                "Tài liệu, chứng cứ do các bên cung cấp: 1 bản chính",
                "Quyết định giải quyết khiếu nại: 1 bản chính",
                "Biên bản tổ chức đối thoại (nếu có): 1 bản chính",
                "Đơn khiếu nại hoặc bản ghi nội dung khiếu nại: 1 bản chính",
            ]
        );
    }

    /// Names that end with a colon before their counts (108 lines of the demo data had `::`).
    #[test]
    fn a_colon_before_the_counts_is_said_once() {
        let raw = "--Tên giấy tờMẫu đơn, tờ khaiSố lượngHồ sơ đề nghị bổ sung nội dung giấy phép bao gồm :1 bản chínhBản sao nội dung phải bổ sung:0 bản chính,1 bản saoTrường hợp cấp lại:";
        assert_eq!(
            tidy(raw),
            [
                "Hồ sơ đề nghị bổ sung nội dung giấy phép bao gồm: 1 bản chính",
                "Bản sao nội dung phải bổ sung: 1 bản sao",
                "Trường hợp cấp lại:",
            ]
        );
    }

    /// Record 1.003388: "bản sao" inside names, "0 bản chính,1 bản sao" counts, forms glued on.
    #[test]
    fn copies_inside_names_and_forms() {
        let raw = "--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản thuyết minh doanh nghiệp đáp ứng đủ các tiêu chí quy định tại Điều 2 theo Mẫu số 02 quy định tại Phụ lục ban hành kèm theo Quyết định 19/2018/QĐ-TTgMẫu 2-CNDN.docx1 bản chínhBản sao báo cáo Tài chính của doanh nghiệp 02 năm liền kề0 bản chính,1 bản saobản sao Giấy chứng nhận phù hợp tiêu chuẩn0 bản chính,1 bản sao";
        assert_eq!(
            tidy(raw),
            [
                "Bản thuyết minh doanh nghiệp đáp ứng đủ các tiêu chí quy định tại Điều 2 theo Mẫu số 02 quy định tại Phụ lục ban hành kèm theo Quyết định 19/2018/QĐ-TTg (mẫu: Mẫu 2-CNDN.docx): 1 bản chính",
                "Bản sao báo cáo Tài chính của doanh nghiệp 02 năm liền kề: 1 bản sao",
                "bản sao Giấy chứng nhận phù hợp tiêu chuẩn: 1 bản sao",
            ]
        );
    }

    /// Record 1.009454: bullets, "bản sao và xuất trình bản chính" inside a name, a year
    /// glued to the count.
    #[test]
    fn bullets_and_running_text() {
        let raw = "--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Bản sao có chứng thực giấy tờ về sử dụng đất hoặc bản sao và xuất trình bản chính để đối chiếu, trừ trường hợp là bến phao;0 bản chính,1 bản sao- Đơn đề nghị công bố hoạt động bến thủy nội địa theo mẫu;1 bản chínhVăn bản ghi ngày 13/02/20261 bản chính";
        assert_eq!(
            tidy(raw),
            [
                "Bản sao có chứng thực giấy tờ về sử dụng đất hoặc bản sao và xuất trình bản chính để đối chiếu, trừ trường hợp là bến phao: 1 bản sao",
                "Đơn đề nghị công bố hoạt động bến thủy nội địa theo mẫu: 1 bản chính",
                "Văn bản ghi ngày 13/02/2026: 1 bản chính",
            ]
        );
    }

    /// Record 1.014244: one table per case, each with its heading.
    #[test]
    fn tables_per_case() {
        let raw = "Trường hợp cấp đổi kết hợp với cấp lạiTên giấy tờMẫu đơn, tờ khaiSố lượngBản đồ khu vực khai thác khoáng sảnMau 35 - Phu luc II_36.2025.TT-BNNMT_02.7.2025.docx1 bản chínhBáo cáo đánh giá tác động môi trường1 bản chính,1 bản saoTrường hợp cấp đổi kết hợp với gia hạnTên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị cấp đổi;Mau 07.doc1 bản chính";
        assert_eq!(
            tidy(raw),
            [
                "Trường hợp cấp đổi kết hợp với cấp lại:",
                "Bản đồ khu vực khai thác khoáng sản (mẫu: Mau 35 - Phu luc II_36.2025.TT-BNNMT_02.7.2025.docx): 1 bản chính",
                "Báo cáo đánh giá tác động môi trường: 1 bản chính, 1 bản sao",
                "Trường hợp cấp đổi kết hợp với gia hạn:",
                "Văn bản đề nghị cấp đổi (mẫu: Mau 07.doc): 1 bản chính",
            ]
        );
        let h = parse("Trường hợp cấp đổi kết hợp với gia hạn:");
        assert!(h.heading);
    }

    #[test]
    fn form_names() {
        assert_eq!(
            split_form("Tờ khai (ban hành kèm theo Nghị định số 50/2024/NĐ-CP).PC15 (1).docx"),
            (
                "Tờ khai (ban hành kèm theo Nghị định số 50/2024/NĐ-CP).",
                Some("PC15 (1).docx")
            )
        );
        assert_eq!(
            split_form("Đơn xin nhận con nuôi;1.nxinnhnconnui.doc"),
            ("Đơn xin nhận con nuôi;", Some("1.nxinnhnconnui.doc"))
        );
        assert_eq!(
            split_form("Bản khai chung;MauBankhaichung.docxMauDanhsach.docx"),
            (
                "Bản khai chung;",
                Some("MauBankhaichung.docxMauDanhsach.docx")
            )
        );
        assert_eq!(
            separate_files("MauBankhaichung.docxMauDanhsach.docx"),
            "MauBankhaichung.docx, MauDanhsach.docx"
        );
        assert_eq!(
            split_form(
                "Văn bản đề nghị cấp giấy phép thăm dò khoáng sảnMau 01-Phu luc I_37.2025.docx"
            ),
            (
                "Văn bản đề nghị cấp giấy phép thăm dò khoáng sản",
                Some("Mau 01-Phu luc I_37.2025.docx")
            )
        );
        // No telling where the file name starts: left whole.
        assert_eq!(split_form("Tờ khai mẫu.docx"), ("Tờ khai mẫu.docx", None));
        assert_eq!(split_form("Đơn"), ("Đơn", None));
    }

    #[test]
    fn parse_reads_tidy_lines_back() {
        let d = parse("Đơn đề nghị (mẫu: Mẫu 01.docx): 1 bản chính, 2 bản sao");
        assert_eq!(
            d,
            Document {
                name: "Đơn đề nghị",
                form: Some("Mẫu 01.docx"),
                originals: 1,
                copies: 2,
                heading: false
            }
        );
        assert_eq!(
            line(&d),
            "Đơn đề nghị (mẫu: Mẫu 01.docx): 1 bản chính, 2 bản sao"
        );
        let d = parse("Giấy tờ khác, ghi chú: xem thêm");
        assert_eq!(
            (d.name, d.originals, d.heading),
            ("Giấy tờ khác, ghi chú: xem thêm", 0, false)
        );
        let d = parse("Bản sao CCCD: 1 bản sao");
        assert_eq!((d.name, d.originals, d.copies), ("Bản sao CCCD", 0, 1));
        assert_eq!(parse(""), Document::default());
    }

    /// Without the portal's header: an agency's own list, split at line breaks, left as written.
    #[test]
    fn own_text() {
        assert_eq!(
            tidy("Tờ khai\n\n- Bản sao CCCD"),
            ["Tờ khai", "Bản sao CCCD"]
        );
        assert!(tidy("").is_empty());
        assert!(tidy("--Tên giấy tờMẫu đơn, tờ khaiSố lượng").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(Tên giấy tờMẫu đơn, tờ khaiSố lượng|[0-9]{1,3}| bản chính| bản sao|,|;|\\.docx|Mẫu|- |\\PC{0,4}){0,12}") {
            for l in tidy(&s) {
                proptest::prop_assert!(!l.is_empty());
                let _ = parse(&l);
            }
        }
    }
}

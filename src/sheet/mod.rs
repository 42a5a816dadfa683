//! The printable procedure sheet (phiếu thủ tục): one layout for the counter, the post office and
//! the phone, built from a procedure, its details, the agency's contacts and the data's date.
//!
//! Why it exists: many citizens and most counter staff work from paper. `cchc sheet` writes the
//! sheets as HTML ([`html`], native), and the search widget's print module will draw the same
//! [`Sheet`] in the browser; so the layout (which sections, in which order, with which Vietnamese
//! labels, the checklist's rows, the QR code's modules) is decided here, once, as plain data, and
//! each renderer only draws it. No `format!`/`write!` here (the wasm carries this module), no
//! panic on any input: a QR code that cannot be made (a URL too long) is simply absent.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod qr;

use serde::Serialize;

use crate::contacts::Points;
use crate::i18n::Lang;
use crate::text::{char_count, join};
use crate::tthc::documents;
use crate::tthc::{Details, Procedure};

pub use qr::Qr;

/// The sheet's stylesheet (print rules: A4 portrait, black on white, 10 pt body, the QR code
/// 32 mm): the CLI's HTML inlines it, the browser's print module adopts it in its own document.
/// Both draw the same elements and classes, so a sheet prints alike from either.
pub const CSS: &str = include_str!("sheet.css");

/// One label and its value in the sheet's facts table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
}

/// One row of the documents checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The document, as the data names it.
    pub name: String,
    /// The form template's file name, when the portal names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// "1 bản chính, 1 bản sao", or empty when the data does not say.
    pub copies: String,
    /// A case heading ("Trường hợp …:") above the documents of that case: no tick box.
    pub heading: bool,
}

/// What a section holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "items", rename_all = "snake_case")]
pub enum Body {
    /// Paragraphs, in order.
    Lines(Vec<String>),
    /// The documents, with tick boxes and copies.
    Checklist(Vec<Check>),
    /// The one-stop centres: name, address, hours, phone.
    Offices(Vec<OfficeLines>),
}

/// A one-stop centre as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OfficeLines {
    pub name: String,
    pub lines: Vec<Fact>,
}

/// A titled part of the sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Stable id (`documents`, `steps`, ...), for styling and tests.
    pub id: &'static str,
    pub title: &'static str,
    pub body: Body,
    /// The lines are short (the portal's steps are often a PDF's column cut into its printed
    /// lines): set in two columns (class `cols` on the list), or they waste most of each line.
    pub columns: bool,
}

/// A hotline as printed: what it is, the number as written, the digits for `tel:`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Call {
    pub label: String,
    pub number: String,
    pub dial: String,
}

/// Whom to call or write to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The agency or unit.
    pub name: String,
    pub calls: Vec<Call>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_url: Option<String>,
    /// The numbers are examples (the demo file): printed as such.
    pub example: bool,
}

/// The whole sheet of one procedure, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sheet {
    pub code: String,
    /// The procedure's name (the sheet's title).
    pub title: String,
    pub facts: Vec<Fact>,
    pub sections: Vec<Section>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The procedure's page on the public-service portal, exactly as the data has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The QR code of [`Sheet::url`].
    #[serde(skip)]
    pub qr: Option<Qr>,
    /// The date the data was published, as printed (`dd/mm/yyyy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Who published the data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Characters of the documents and steps (what makes a sheet long).
    pub long_chars: usize,
}

/// The sheet's fixed words (Vietnamese: the sheet is for Vietnamese counters).
pub mod words {
    pub const KICKER: &str = "Phiếu hướng dẫn thủ tục hành chính";
    pub const CODE: &str = "Mã thủ tục";
    pub const FIELD: &str = "Lĩnh vực";
    pub const LEVEL: &str = "Cấp thực hiện";
    pub const AGENCY: &str = "Cơ quan thực hiện";
    pub const TIME: &str = "Thời hạn giải quyết";
    pub const FEE: &str = "Phí, lệ phí";
    pub const ONLINE: &str = "Nộp trực tuyến";
    pub const AUDIENCE: &str = "Đối tượng thực hiện";
    pub const RESULT: &str = "Kết quả";
    pub const WHERE: &str = "Nộp hồ sơ ở đâu, bằng cách nào";
    pub const OFFICES: &str = "Nơi tiếp nhận hồ sơ";
    pub const DOCUMENTS: &str = "Thành phần hồ sơ (đánh dấu khi đã chuẩn bị)";
    pub const DOCUMENT: &str = "Giấy tờ";
    pub const COPIES: &str = "Số lượng";
    pub const FORM: &str = "Mẫu";
    pub const STEPS: &str = "Trình tự thực hiện";
    pub const LEGAL: &str = "Căn cứ pháp lý";
    pub const ADDRESS: &str = "Địa chỉ";
    pub const HOURS: &str = "Giờ làm việc";
    pub const PHONE: &str = "Điện thoại";
    pub const HELP: &str = "Cần hỗ trợ? Liên hệ";
    pub const EMAIL: &str = "Email";
    pub const FEEDBACK: &str = "Phản ánh, kiến nghị";
    pub const EXAMPLE: &str = "Số điện thoại ví dụ (dữ liệu mẫu), không gọi được";
    pub const QR: &str = "Quét mã để mở thủ tục trên Cổng Dịch vụ công";
    pub const PUBLISHED: &str = "Dữ liệu công bố ngày";
    pub const SOURCE: &str = "Nguồn";
    pub const NOT_STATED: &str = "Dữ liệu chưa ghi";
    pub const POSTAL: &str = "Có thể nộp hồ sơ hoặc nhận kết quả qua bưu chính.";
    pub const HOTLINE: &str = "Đường dây nóng";
    pub const MORE: &str = " … (xem đầy đủ trên Cổng Dịch vụ công)";
}

/// What a sheet is built from besides the procedure.
#[derive(Clone, Copy, Debug, Default)]
pub struct Inputs<'a> {
    /// The procedure's details (inline or from its `details_url` file).
    pub details: Option<&'a Details>,
    /// The contact points for this procedure ([`crate::contacts::Contacts::for_procedure`]).
    pub contact: Option<&'a Points>,
    /// The contacts file is a demo with example numbers.
    pub example_contacts: bool,
    /// The date the data was published: `YYYY-MM-DD` (printed `dd/mm/yyyy`) or as written.
    pub published: Option<&'a str>,
    /// Who published the data (`agency` of tthc.json).
    pub source: Option<&'a str>,
}

/// Builds the sheet of `p`.
pub fn build(p: &Procedure, inp: Inputs<'_>) -> Sheet {
    let d = inp.details;
    let facts_of = p.with_details(d);
    let mut facts = Vec::new();
    let mut fact = |label: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            facts.push(Fact { label, value: v });
        }
    };
    fact(words::CODE, Some(p.code.clone()));
    fact(words::FIELD, p.field.clone());
    fact(
        words::LEVEL,
        (!p.levels.is_empty()).then(|| join(&p.levels, ", ")),
    );
    fact(
        words::AGENCY,
        (!p.agencies.is_empty()).then(|| join(&p.agencies, ", ")),
    );
    fact(
        words::TIME,
        Some(facts_of.time.unwrap_or(words::NOT_STATED).to_string()),
    );
    fact(
        words::FEE,
        Some(facts_of.fee.unwrap_or(words::NOT_STATED).to_string()),
    );
    fact(words::ONLINE, Some(p.online.label(Lang::Vi).to_string()));
    fact(words::AUDIENCE, d.and_then(|d| d.audience.clone()));
    fact(words::RESULT, d.and_then(|d| d.result.clone()));

    let mut sections = Vec::new();
    // A channel line is "channel: time; fee; note"; the portal's notes often restate the steps
    // at length, so a long one is cut at a sentence (the QR code opens the full text).
    let mut how: Vec<String> = d
        .map(|d| {
            d.channels
                .iter()
                .map(|c| shortened(c, CHANNEL_MAX))
                .collect()
        })
        .unwrap_or_default();
    if p.postal && !how.iter().any(|c| c.starts_with("Dịch vụ bưu chính")) {
        how.push(words::POSTAL.to_string());
    }
    if !how.is_empty() {
        sections.push(Section {
            id: "where",
            title: words::WHERE,
            body: Body::Lines(how),
            columns: false,
        });
    }
    if let Some(offices) = inp.contact.map(|c| &c.offices).filter(|o| !o.is_empty()) {
        let mut out = Vec::new();
        for o in offices {
            let mut lines = Vec::new();
            if let Some(a) = &o.address {
                lines.push(Fact {
                    label: words::ADDRESS,
                    value: a.clone(),
                });
            }
            if let Some(h) = &o.hours {
                lines.push(Fact {
                    label: words::HOURS,
                    value: h.clone(),
                });
            }
            if let Some(ph) = &o.phone {
                lines.push(Fact {
                    label: words::PHONE,
                    value: ph.display.clone(),
                });
            }
            out.push(OfficeLines {
                name: o.name.clone(),
                lines,
            });
        }
        sections.push(Section {
            id: "offices",
            title: words::OFFICES,
            body: Body::Offices(out),
            columns: false,
        });
    }
    let docs: Vec<Check> = d
        .map(|d| d.documents.as_slice())
        .unwrap_or(&[])
        .iter()
        .map(|line| check_row(line))
        .collect();
    let steps: Vec<String> = d.map(|d| d.steps.clone()).unwrap_or_default();
    let long_chars = d.map_or(0, |d| {
        d.documents
            .iter()
            .chain(&d.steps)
            .map(|s| char_count(s))
            .sum()
    });
    sections.push(Section {
        id: "documents",
        title: words::DOCUMENTS,
        body: if docs.is_empty() {
            Body::Lines(vec![words::NOT_STATED.to_string()])
        } else {
            Body::Checklist(docs)
        },
        columns: false,
    });
    if !steps.is_empty() {
        sections.push(Section {
            id: "steps",
            title: words::STEPS,
            columns: short_lines(&steps),
            body: Body::Lines(steps),
        });
    }
    if let Some(l) = d.map(|d| &d.legal_basis).filter(|l| !l.is_empty()) {
        sections.push(Section {
            id: "legal",
            title: words::LEGAL,
            body: Body::Lines(l.clone()),
            columns: false,
        });
    }
    let contact = inp.contact.map(|c| Contact {
        name: c.name.clone(),
        calls: c
            .hotlines
            .iter()
            .map(|h| Call {
                label: h
                    .label
                    .clone()
                    .unwrap_or_else(|| words::HOTLINE.to_string()),
                number: h.number.display.clone(),
                dial: h.number.dial.clone(),
            })
            .collect(),
        email: c.email.clone(),
        feedback_url: c.feedback_url.clone(),
        example: inp.example_contacts,
    });
    let url = facts_of.url.map(str::to_string);
    Sheet {
        code: p.code.clone(),
        title: p.name.clone(),
        facts,
        sections,
        contact,
        qr: url.as_deref().and_then(Qr::encode),
        url,
        published: inp.published.map(printed_date),
        source: inp.source.map(str::to_string),
        long_chars,
    }
}

/// The longest line that fits one of two columns at 10 pt, in characters.
pub const COLUMN_LINE: usize = 45;

/// Lines worth setting in two columns: at least 12, and four in five fit a column's one line.
pub fn short_lines(lines: &[String]) -> bool {
    let short = lines
        .iter()
        .filter(|l| char_count(l) <= COLUMN_LINE)
        .count();
    lines.len() >= 12 && short * 5 >= lines.len() * 4
}

/// Whether a checklist prints its copies column: some row says how many copies (the portal's
/// data often does not, and an empty column costs every row a ninth of its width).
pub fn copies_column(rows: &[Check]) -> bool {
    rows.iter().any(|r| !r.heading && !r.copies.is_empty())
}

/// The longest channel line printed, in characters.
pub const CHANNEL_MAX: usize = 160;

/// `s` cut to about `max` characters at the end of a clause (`;`, `.`, `,`) when longer, with
/// [`words::MORE`] after it.
pub fn shortened(s: &str, max: usize) -> String {
    if char_count(s) <= max {
        return s.to_string();
    }
    let end = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = s.get(..end).unwrap_or(s);
    let cut = head
        .rfind(['.', ';'])
        .filter(|&i| i > end / 2)
        .or_else(|| head.rfind(',').filter(|&i| i > end / 2))
        .or_else(|| head.rfind(' '))
        .unwrap_or(end);
    let mut out = head.get(..cut).unwrap_or(head).trim_end().to_string();
    out.push_str(words::MORE);
    out
}

/// A document line as a checklist row ([`documents::parse`]).
fn check_row(line: &str) -> Check {
    let d = documents::parse(line);
    let mut copies = String::new();
    if d.originals > 0 {
        crate::num::push_int(&mut copies, d.originals);
        copies.push_str(" bản chính");
    }
    if d.copies > 0 {
        if !copies.is_empty() {
            copies.push_str(", ");
        }
        crate::num::push_int(&mut copies, d.copies);
        copies.push_str(" bản sao");
    }
    Check {
        name: d.name.to_string(),
        form: d.form.map(str::to_string),
        copies,
        heading: d.heading,
    }
}

/// The `published` member of a data file's top-level object (the date the data was published), as
/// written; `None` when absent, empty, not a string, or the text is not such an object. Reads
/// the members in order and skips their values, without building a tree.
pub fn published_of(text: &str) -> Option<String> {
    let mut r = crate::json::Reader::new(text);
    r.begin_object().ok()?;
    while let Some(key) = r.next_key().ok()? {
        if key == "published" {
            let v = r.str().ok()?;
            let v = v.trim();
            return (!v.is_empty()).then(|| v.to_string());
        }
        r.skip().ok()?;
    }
    None
}

/// `2026-05-04` → `04/05/2026`; anything else as written.
pub fn printed_date(s: &str) -> String {
    match crate::date::Date::parse_iso(s) {
        Some(d) => {
            let mut out = String::with_capacity(10);
            crate::num::push_padded(&mut out, d.day(), 2);
            out.push('/');
            crate::num::push_padded(&mut out, d.month(), 2);
            out.push('/');
            crate::num::push_int(&mut out, d.year());
            out
        }
        None => s.trim().to_string(),
    }
}

/// About how many A4 pages a sheet should take: at most two under 5,000 characters of
/// documents and steps, then about one page per 3,500 characters (the budget).
pub fn page_budget(long_chars: usize) -> usize {
    if long_chars < 5000 {
        2
    } else {
        long_chars.div_ceil(3500) + 1
    }
}

#[cfg(test)]
mod tests;

//! The sheet as one self-contained HTML document (`cchc sheet`): inline print CSS, the QR code as
//! inline SVG, no script, no request. Every text from the data is escaped: a procedure named
//! `<script>` prints as those characters.
//!
//! Print rules: A4 portrait, black on white, body 10 pt (line height 1.2, DejaVu Sans Condensed
//! where Noto Sans is absent), the QR code 32 mm with its quiet zone, rows, list items, headings
//! with what follows, and the header kept whole across page breaks (`break-inside: avoid`), the
//! checklist's header repeated on each page; a booklet puts each procedure on a new page after a
//! cover with the table of contents. To keep each sheet within its page budget
//! ([`super::page_budget`]) without dropping text: the legal basis runs on as one paragraph
//! (items apart by " · ") kept whole on a page, many short step lines (a PDF's cut lines) go in two
//! columns ([`super::short_lines`]), and the checklist has a copies column only when a row says
//! how many ([`super::copies_column`]). List items, offices and headings take their space above as
//! padding, not margin: a margin is dropped at the top of a page, and Vietnamese stacked marks
//! ('Ủ', 'ắ') rise above a 1.2 line box; without the padding Chromium paints such a glyph of a
//! page's first line in the bottom margin of the page before.

use super::{words, Body, Check, Sheet};
use crate::num::push_int;

pub use super::CSS;

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped (text and attribute values).
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// A URL fit for `href`: only `https:`, `http:`, `tel:`, `mailto:` and site paths; anything
/// else (`javascript:`) gives `None`, and the text is printed without a link.
fn safe_href(u: &str) -> Option<&str> {
    let l = u.trim_start().to_ascii_lowercase();
    (l.starts_with("https://")
        || l.starts_with("http://")
        || l.starts_with("tel:")
        || l.starts_with("mailto:")
        || (l.starts_with('/') && !l.starts_with("//")))
    .then_some(u.trim())
}

fn open_doc(out: &mut String, title: &str) {
    out.push_str("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape_into(out, title);
    out.push_str("</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
}

fn close_doc(out: &mut String) {
    out.push_str("</main>\n</body>\n</html>\n");
}

/// One sheet as a whole HTML document.
pub fn document(sheet: &Sheet) -> String {
    let mut out = String::with_capacity(32 * 1024);
    open_doc(&mut out, &sheet.title);
    article(&mut out, sheet, 1);
    close_doc(&mut out);
    out
}

/// A booklet: a cover (`title`, the date, the table of contents), then each sheet on new pages.
pub fn booklet(title: &str, subtitle: Option<&str>, sheets: &[Sheet]) -> String {
    let mut out = String::with_capacity(sheets.len() * 24 * 1024 + 4096);
    open_doc(&mut out, title);
    out.push_str("<section class=\"cover\" aria-labelledby=\"cover-title\">\n<p class=\"kicker\">");
    out.push_str(words::KICKER);
    out.push_str("</p>\n<h1 id=\"cover-title\">");
    escape_into(&mut out, title);
    out.push_str("</h1>\n");
    if let Some(s) = subtitle {
        out.push_str("<p>");
        escape_into(&mut out, s);
        out.push_str("</p>\n");
    }
    out.push_str("<p>");
    push_int(&mut out, sheets.len());
    out.push_str(" thủ tục.</p>\n<h2>Mục lục</h2>\n<table class=\"toc\">\n<thead><tr><th scope=\"col\">STT</th><th scope=\"col\">Mã</th><th scope=\"col\">Tên thủ tục</th></tr></thead>\n<tbody>\n");
    for (i, s) in sheets.iter().enumerate() {
        out.push_str("<tr><td>");
        push_int(&mut out, i + 1);
        out.push_str("</td><td>");
        escape_into(&mut out, &s.code);
        out.push_str("</td><td><a href=\"#p-");
        push_int(&mut out, i + 1);
        out.push_str("\">");
        escape_into(&mut out, &s.title);
        out.push_str("</a></td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    for (i, s) in sheets.iter().enumerate() {
        article(&mut out, s, i + 1);
    }
    close_doc(&mut out);
    out
}

/// One `<article class="sheet">`; `n` makes its ids unique in a booklet.
fn article(out: &mut String, s: &Sheet, n: usize) {
    let id = {
        let mut id = String::from("p-");
        push_int(&mut id, n);
        id
    };
    out.push_str("<article class=\"sheet\" id=\"");
    out.push_str(&id);
    out.push_str("\" data-code=\"");
    escape_into(out, &s.code);
    out.push_str("\" aria-labelledby=\"");
    out.push_str(&id);
    out.push_str("-t\">\n<header class=\"head\">\n<div class=\"head-text\">\n<p class=\"kicker\">");
    out.push_str(words::KICKER);
    out.push_str("</p>\n<h1 id=\"");
    out.push_str(&id);
    out.push_str("-t\">");
    escape_into(out, &s.title);
    out.push_str("</h1>\n<table class=\"facts\">\n");
    for f in &s.facts {
        out.push_str("<tr><th scope=\"row\">");
        out.push_str(f.label);
        out.push_str("</th><td>");
        escape_into(out, &f.value);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n</div>\n");
    if let Some(qr) = &s.qr {
        out.push_str("<figure class=\"qr\">");
        let mut label = String::from("Mã QR: ");
        label.push_str(&qr.text);
        out.push_str(&qr.svg(&label));
        out.push_str("<figcaption>");
        out.push_str(words::QR);
        out.push_str("</figcaption></figure>\n");
    }
    out.push_str("</header>\n");
    if let Some(c) = s.contact.as_ref().filter(|c| !c.calls.is_empty()) {
        out.push_str("<section class=\"help\" aria-label=\"");
        out.push_str(words::HOTLINE);
        out.push_str("\">\n<p><b>");
        out.push_str(words::HELP);
        out.push(' ');
        escape_into(out, &c.name);
        out.push_str(":</b></p>\n<p>");
        for call in &c.calls {
            out.push_str("<span class=\"call\">");
            escape_into(out, &call.label);
            out.push_str(": <b><a href=\"tel:");
            escape_into(out, &call.dial);
            out.push_str("\">");
            escape_into(out, &call.number);
            out.push_str("</a></b></span> ");
        }
        out.push_str("</p>\n");
        if c.email.is_some() || c.feedback_url.is_some() {
            out.push_str("<p>");
            if let Some(e) = &c.email {
                out.push_str(words::EMAIL);
                out.push_str(": ");
                escape_into(out, e);
                out.push_str(". ");
            }
            if let Some(u) = &c.feedback_url {
                out.push_str(words::FEEDBACK);
                out.push_str(": ");
                escape_into(out, u);
            }
            out.push_str("</p>\n");
        }
        if c.example {
            out.push_str("<p><i>");
            out.push_str(words::EXAMPLE);
            out.push_str("</i></p>\n");
        }
        out.push_str("</section>\n");
    }
    for sec in &s.sections {
        out.push_str("<section class=\"");
        out.push_str(sec.id);
        out.push_str("\">\n<h2>");
        out.push_str(sec.title);
        out.push_str("</h2>\n");
        match &sec.body {
            Body::Lines(lines) => {
                out.push_str(if sec.columns {
                    "<ul class=\"lines cols\">\n"
                } else {
                    "<ul class=\"lines\">\n"
                });
                for l in lines {
                    out.push_str("<li>");
                    escape_into(out, l);
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Body::Checklist(rows) => checklist(out, rows),
            Body::Offices(offices) => {
                for o in offices {
                    out.push_str("<div class=\"office\"><h3>");
                    escape_into(out, &o.name);
                    out.push_str("</h3>");
                    for f in &o.lines {
                        out.push_str("<p>");
                        out.push_str(f.label);
                        out.push_str(": ");
                        escape_into(out, &f.value);
                        out.push_str("</p>");
                    }
                    out.push_str("</div>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("<footer class=\"foot\">\n");
    if let Some(u) = &s.url {
        out.push_str("<p>");
        out.push_str("Cổng Dịch vụ công: ");
        match safe_href(u) {
            Some(h) => {
                out.push_str("<a href=\"");
                escape_into(out, h);
                out.push_str("\">");
                escape_into(out, u);
                out.push_str("</a>");
            }
            None => escape_into(out, u),
        }
        out.push_str("</p>\n");
    }
    out.push_str("<p>");
    out.push_str(words::PUBLISHED);
    out.push_str(": ");
    escape_into(out, s.published.as_deref().unwrap_or(words::NOT_STATED));
    if let Some(src) = &s.source {
        out.push_str(". ");
        out.push_str(words::SOURCE);
        out.push_str(": ");
        escape_into(out, src);
    }
    out.push_str(".</p>\n</footer>\n</article>\n");
}

fn checklist(out: &mut String, rows: &[Check]) {
    out.push_str("<table class=\"checklist\">\n<thead><tr><th class=\"box\" scope=\"col\">✓</th><th scope=\"col\">");
    out.push_str(words::DOCUMENT);
    out.push_str("</th>");
    let copies = super::copies_column(rows);
    if copies {
        out.push_str("<th class=\"n\" scope=\"col\">");
        out.push_str(words::COPIES);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        if r.heading {
            out.push_str(if copies {
                "<tr class=\"case\"><td colspan=\"3\">"
            } else {
                "<tr class=\"case\"><td colspan=\"2\">"
            });
            escape_into(out, &r.name);
            out.push_str("</td></tr>\n");
            continue;
        }
        out.push_str("<tr><td class=\"box\"><span aria-hidden=\"true\"></span></td><td>");
        escape_into(out, &r.name);
        if let Some(f) = &r.form {
            out.push_str("<span class=\"form\">");
            out.push_str(words::FORM);
            out.push_str(": ");
            escape_into(out, f);
            out.push_str("</span>");
        }
        out.push_str("</td>");
        if copies {
            out.push_str("<td>");
            escape_into(out, &r.copies);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

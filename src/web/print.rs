//! The print module (`pkg/cchc_print`, cargo feature `print`): the printable procedure sheet
//! from the search widget's detail view.
//!
//! Why a module of its own: the sheet's layout, the QR encoder and the drawing are ~20 KB of
//! wasm that a citizen who never prints should not download. The search widget's "In phiếu thủ
//! tục" button asks the loader for this module (`Ctx::print`: its glue's hash is in the search
//! glue, its wasm's hash in its own glue; it is checked like every module) and calls [`print`] with the button.
//!
//! What it does: reads the widget's data file and the procedure's details file again (the
//! browser's cache usually answers), builds the same [`Sheet`] as `cchc sheet`
//! ([`crate::sheet::build`]) and draws it, with DOM calls that only set text and attributes,
//! into a document of its own: a hidden `iframe` (about:blank, same origin) inside the widget's
//! shadow root, styled by the sheet's stylesheet adopted as a constructable stylesheet (allowed by
//! a strict CSP, unlike `<style>`), then prints that frame. The host page's styles, print styles
//! included, never reach that document, and the host page itself is not printed.
//!
//! Messages (preparing, errors) go to the live region right after the button; focus returns to
//! the button. Nothing here panics or throws into the page.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlIFrameElement, ShadowRoot};

use crate::contacts::Contacts;
use crate::contract::LoadFailure;
use crate::i18n::Lang;
use crate::sheet::{self, words, Body, Check, Inputs, Sheet};
use crate::tthc::{Catalog, Details};
use crate::web::dom::{append, cat, E};
use crate::web::load;

#[wasm_bindgen]
extern "C" {
    /// The frame's document, for the one call of `open`/`write`/`close` that puts it in standards
    /// mode.
    type FrameDocument;
    #[wasm_bindgen(method, catch)]
    fn open(this: &FrameDocument) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn write(this: &FrameDocument, markup: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn close(this: &FrameDocument) -> Result<(), JsValue>;
}

thread_local! {
    /// A sheet is being prepared: a second press waits for it.
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Prints the procedure open in the widget of `button` (the search widget's print button). Never
/// throws; says what went wrong in the live region after the button.
#[wasm_bindgen]
pub fn print(button: Element) {
    if BUSY.with(|b| b.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let slot = button.next_element_sibling();
        let lang = lang_of(&button);
        // The live region after the button: progress in the muted colour, trouble as an error.
        let say = |t: &str, class: &str| {
            if let Some(s) = &slot {
                let _ = s.set_attribute("class", class);
                s.set_text_content(Some(t));
            }
        };
        say(
            tr!(lang, "Đang chuẩn bị phiếu in…", "Preparing the sheet…"),
            "cchc-muted",
        );
        let result = prepare(&button).await;
        match result {
            Ok(frame) => {
                say("", "cchc-error-title");
                if let Some(w) = frame.content_window() {
                    // Blocks until the print dialog closes (desktop browsers).
                    let _ = w.print();
                }
            }
            Err(e) => say(&e.message(lang), "cchc-error-title"),
        }
        if let Ok(b) = button.clone().dyn_into::<HtmlElement>() {
            let _ = b.focus();
        }
        BUSY.with(|b| b.set(false));
    });
}

/// Why no sheet could be printed.
enum Trouble {
    /// The widget is not a search widget showing a procedure (a bug of the caller).
    NoProcedure,
    /// The procedure is no longer in the data file.
    Missing(String),
    Load(LoadFailure),
    /// The browser refused a DOM operation (no frame document, ...).
    Dom,
}

impl From<LoadFailure> for Trouble {
    fn from(f: LoadFailure) -> Trouble {
        Trouble::Load(f)
    }
}

impl From<JsValue> for Trouble {
    fn from(_: JsValue) -> Trouble {
        Trouble::Dom
    }
}

impl Trouble {
    fn message(&self, lang: Lang) -> String {
        match self {
            Trouble::Missing(code) => tr!(
                lang,
                "Không in được phiếu: không có thủ tục mã “{code}” trong dữ liệu.",
                "The sheet could not be printed: there is no procedure with code “{code}” in the data.",
                code = code
            ),
            Trouble::Load(f) => cat(
                tr!(lang, "Không in được phiếu. ", "The sheet could not be printed. "),
                f.citizen_message(lang),
            ),
            Trouble::NoProcedure | Trouble::Dom => tr!(
                lang,
                "Không in được phiếu. Vui lòng thử lại.",
                "The sheet could not be printed. Please try again."
            )
            .to_string(),
        }
    }
}

/// The language of the widget (the nearest `lang`, as `mount` reads it).
fn lang_of(el: &Element) -> Lang {
    el.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .map(|l| Lang::from_tag(&l))
        .unwrap_or_default()
}

/// Reads the data, builds the sheet and draws it into a new frame in the widget's shadow root;
/// returns the frame, ready to print.
async fn prepare(button: &Element) -> Result<HtmlIFrameElement, Trouble> {
    let root: ShadowRoot = button
        .get_root_node()
        .dyn_into()
        .map_err(|_| Trouble::NoProcedure)?;
    let host = root.host();
    let code = root
        .query_selector("article[data-code]")?
        .and_then(|a| a.get_attribute("data-code"))
        .ok_or(Trouble::NoProcedure)?;
    let attr = |name: &str| {
        host.get_attribute(name)
            .or_else(|| host.get_attribute(&cat("data-", name)))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let timeout = attr("timeout")
        .and_then(|t| t.parse::<u32>().ok())
        .filter(|t| (1..=300).contains(t))
        .unwrap_or(load::DEFAULT_TIMEOUT_S);
    let src = attr("src").ok_or(Trouble::NoProcedure)?;
    let page = crate::web::dom::document()?.base_uri()?.unwrap_or_default();
    let data_url = web_sys::Url::new_with_base(&src, &page)?.href();

    // The list, as the widget read it.
    let text = load::fetch_text(&data_url, timeout).await?;
    let bad = |error| {
        Trouble::Load(LoadFailure::Data {
            url: data_url.clone(),
            error,
        })
    };
    let (procedures, agency) = Catalog::procedures_of(&text).map_err(bad)?;
    // The date the data was published: from the file, else the server's date of it (as
    // `cchc sheet` takes the file's modification date).
    let published = match sheet::published_of(&text) {
        Some(d) => Some(d),
        None => modified(&data_url).await,
    };
    drop(text);
    let key = crate::text::fold(&code);
    let p = procedures
        .iter()
        .find(|p| crate::text::fold(&p.code) == key)
        .ok_or_else(|| Trouble::Missing(code.clone()))?;
    let fetched;
    let details = match (&p.details, &p.details_url) {
        (Some(d), _) => Some(d),
        (None, Some(rel)) => {
            let url = web_sys::Url::new_with_base(rel, &data_url)?.href();
            let text = load::fetch_text(&url, timeout).await?;
            fetched = Details::parse_file(&text).map_err(|error| {
                Trouble::Load(LoadFailure::Data {
                    url: url.clone(),
                    error,
                })
            })?;
            fetched.get(&p.code)
        }
        (None, None) => None,
    };
    // The unit's hotlines and offices, when the host names a contacts file that reads.
    let contacts = match attr("contacts") {
        Some(c) => {
            let url = web_sys::Url::new_with_base(&c, &page)?.href();
            load::fetch_text(&url, timeout)
                .await
                .ok()
                .and_then(|t| Contacts::read(&t).0)
        }
        None => None,
    };
    let points = contacts
        .as_ref()
        .map(|c| c.for_procedure(&p.agencies, p.field.as_deref()));
    let sheet = sheet::build(
        p,
        Inputs {
            details,
            contact: points.as_ref(),
            example_contacts: contacts.as_ref().is_some_and(|c| c.example),
            published: published.as_deref(),
            source: agency.as_deref(),
        },
    );

    // A fresh frame each time: no state of an earlier sheet is left in it.
    if let Some(old) = root.query_selector("iframe")? {
        old.remove();
    }
    let frame: HtmlIFrameElement = E::new("iframe")
        .attr("title", words::KICKER)
        .attr("aria-hidden", "true")
        .attr("tabindex", "-1")
        .el()
        .unchecked_into();
    // Out of sight and out of the layout, yet rendered (a `display: none` frame may print
    // blank); CSSOM, which a strict CSP allows (a style attribute in markup it would not).
    frame.style().set_css_text(
        "position:fixed;left:0;top:0;width:0;height:0;border:0;opacity:0;pointer-events:none",
    );
    append(&root, &frame);
    let doc = frame.content_document().ok_or(Trouble::Dom)?;
    // Standards mode, as `cchc sheet`'s `<!doctype html>`: a frame's first about:blank document
    // is in quirks mode, where tables do not inherit the body's font size (the checklist printed
    // larger, and a page longer). The only markup ever written: this constant doctype; the sheet
    // itself is built with DOM calls below.
    let raw: &FrameDocument = doc.unchecked_ref();
    raw.open()?;
    raw.write("<!doctype html>")?;
    raw.close()?;
    draw(&frame, &doc, &sheet)?;
    Ok(frame)
}

/// The `Last-Modified` date of `url` (a `HEAD` request) as `YYYY-MM-DD` in Vietnam time (UTC+7,
/// as `cchc sheet` dates a file); `None` when the server does not say.
async fn modified(url: &str) -> Option<String> {
    let init = web_sys::RequestInit::new();
    init.set_method("HEAD");
    let answer = web_sys::window()?.fetch_with_str_and_init(url, &init);
    let resp: web_sys::Response = wasm_bindgen_futures::JsFuture::from(answer)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let date = resp.headers().get("last-modified").ok()??;
    let ms = js_sys::Date::parse(&date);
    if !ms.is_finite() {
        return None;
    }
    let days = ((ms / 1000.0 + 7.0 * 3600.0) / 86_400.0).floor() as i64;
    Some(crate::date::Date::from_days_since_epoch(days).to_iso())
}

/// The sheet's stylesheet in the frame's document (a constructable stylesheet of the frame's own
/// window: a document only adopts its own), and the sheet, as `sheet::html` writes it.
fn draw(frame: &HtmlIFrameElement, doc: &Document, s: &Sheet) -> Result<(), Trouble> {
    let win = frame.content_window().ok_or(Trouble::Dom)?;
    let adopted = js_sys::Reflect::get(&win, &"CSSStyleSheet".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .and_then(|c| js_sys::Reflect::construct(&c, &js_sys::Array::new()).ok())
        .map(|sheet| sheet.unchecked_into::<web_sys::CssStyleSheet>())
        .and_then(|sheet| {
            sheet.replace_sync(sheet::CSS).ok()?;
            js_sys::Reflect::set(
                doc,
                &"adoptedStyleSheets".into(),
                &js_sys::Array::of1(&sheet),
            )
            .ok()
            .filter(|ok| *ok)
        })
        .is_some();
    let html = doc.document_element().ok_or(Trouble::Dom)?;
    let _ = html.set_attribute("lang", "vi");
    doc.set_title(&s.title);
    if !adopted {
        // Browsers without constructable stylesheets (and no strict CSP to forbid this).
        append(&html, &E::new("style").text(sheet::CSS).0);
    }
    let body = doc.body().ok_or(Trouble::Dom)?;
    let main = E::new("main").child(article(s));
    append(&body, &main.0);
    Ok(())
}

/// One `<article class="sheet">`, element for element what `sheet::html` writes.
fn article(s: &Sheet) -> E {
    let facts = E::new("table").class("facts");
    let tbody = E::new("tbody");
    for f in &s.facts {
        append(
            &tbody.0,
            &E::new("tr")
                .child(E::new("th").attr("scope", "row").text(f.label))
                .child(E::new("td").text(&f.value))
                .0,
        );
    }
    append(&facts.0, &tbody.0);
    let head = E::new("header").class("head").child(
        E::new("div")
            .class("head-text")
            .child(E::new("p").class("kicker").text(words::KICKER))
            .child(E::new("h1").attr("id", "p-1-t").text(&s.title))
            .child(facts),
    );
    if let Some(qr) = &s.qr {
        let side = crate::num::int(qr.side);
        let view = cat(&cat("0 0 ", &side), &cat(" ", &side));
        let svg = E::svg("svg")
            .attr("viewBox", &view)
            .attr("shape-rendering", "crispEdges")
            .attr("role", "img")
            .attr("aria-label", &cat("Mã QR: ", &qr.text))
            .child(
                E::svg("rect")
                    .attr("width", "100%")
                    .attr("height", "100%")
                    .attr("fill", "#fff"),
            )
            .child(E::svg("path").attr("fill", "#000").attr("d", &qr.path));
        append(
            &head.0,
            &E::new("figure")
                .class("qr")
                .child(svg)
                .child(E::new("figcaption").text(words::QR))
                .0,
        );
    }
    let art = E::new("article")
        .class("sheet")
        .attr("id", "p-1")
        .attr("data-code", &s.code)
        .attr("aria-labelledby", "p-1-t")
        .child(head);
    if let Some(c) = s.contact.as_ref().filter(|c| !c.calls.is_empty()) {
        let help = E::new("section")
            .class("help")
            .attr("aria-label", words::HOTLINE)
            .child(
                E::new("p")
                    .child(E::new("b").text(&cat(&cat(&cat(words::HELP, " "), &c.name), ":"))),
            );
        let calls = E::new("p");
        for call in &c.calls {
            let span = E::new("span")
                .class("call")
                .append_text(&cat(&call.label, ": "))
                .child(E::new("b").text(&call.number));
            append(&calls.0, &span.0);
            append(&calls.0, &crate::web::dom::text_node(" "));
        }
        append(&help.0, &calls.0);
        let mut more = String::new();
        if let Some(e) = &c.email {
            more = cat(&cat(&cat(words::EMAIL, ": "), e), ". ");
        }
        if let Some(u) = &c.feedback_url {
            more = cat(&more, &cat(&cat(words::FEEDBACK, ": "), u));
        }
        if !more.is_empty() {
            append(&help.0, &E::new("p").text(&more).0);
        }
        if c.example {
            append(
                &help.0,
                &E::new("p").child(E::new("i").text(words::EXAMPLE)).0,
            );
        }
        append(&art.0, &help.0);
    }
    for sec in &s.sections {
        let el = E::new("section")
            .class(sec.id)
            .child(E::new("h2").text(sec.title));
        match &sec.body {
            Body::Lines(lines) => {
                let ul = E::new("ul").class(if sec.columns { "lines cols" } else { "lines" });
                for l in lines {
                    append(&ul.0, &E::new("li").text(l).0);
                }
                append(&el.0, &ul.0);
            }
            Body::Checklist(rows) => append(&el.0, &checklist(rows).0),
            Body::Offices(offices) => {
                for o in offices {
                    let div = E::new("div")
                        .class("office")
                        .child(E::new("h3").text(&o.name));
                    for f in &o.lines {
                        append(
                            &div.0,
                            &E::new("p").text(&cat(&cat(f.label, ": "), &f.value)).0,
                        );
                    }
                    append(&el.0, &div.0);
                }
            }
        }
        append(&art.0, &el.0);
    }
    let foot = E::new("footer").class("foot");
    if let Some(u) = &s.url {
        append(&foot.0, &E::new("p").text(&cat("Cổng Dịch vụ công: ", u)).0);
    }
    let mut line = cat(
        &cat(words::PUBLISHED, ": "),
        s.published.as_deref().unwrap_or(words::NOT_STATED),
    );
    if let Some(src) = &s.source {
        line = cat(&line, &cat(&cat(". ", words::SOURCE), &cat(": ", src)));
    }
    append(&foot.0, &E::new("p").text(&cat(&line, ".")).0);
    art.child(foot)
}

/// The documents with a tick box, the document and its copies (the column only when a row says,
/// [`sheet::copies_column`]); case headings span the row.
fn checklist(rows: &[Check]) -> E {
    let copies = sheet::copies_column(rows);
    let head = E::new("tr")
        .child(E::new("th").class("box").attr("scope", "col").text("✓"))
        .child(E::new("th").attr("scope", "col").text(words::DOCUMENT));
    if copies {
        append(
            &head.0,
            &E::new("th")
                .class("n")
                .attr("scope", "col")
                .text(words::COPIES)
                .0,
        );
    }
    let body = E::new("tbody");
    for r in rows {
        let tr = if r.heading {
            E::new("tr").class("case").child(
                E::new("td")
                    .attr("colspan", if copies { "3" } else { "2" })
                    .text(&r.name),
            )
        } else {
            let name = E::new("td").text(&r.name);
            if let Some(f) = &r.form {
                append(
                    &name.0,
                    &E::new("span")
                        .class("form")
                        .text(&cat(&cat(words::FORM, ": "), f))
                        .0,
                );
            }
            let tr = E::new("tr")
                .child(
                    E::new("td")
                        .class("box")
                        .child(E::new("span").attr("aria-hidden", "true")),
                )
                .child(name);
            if copies {
                append(&tr.0, &E::new("td").text(&r.copies).0);
            }
            tr
        };
        append(&body.0, &tr.0);
    }
    E::new("table")
        .class("checklist")
        .child(E::new("thead").child(head))
        .child(body)
}

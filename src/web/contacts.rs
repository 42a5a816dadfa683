//! The agency's contact points in the widgets: the host's `contacts` attribute names a
//! `lien-he.json` (docs/lien-he-format.md), which the loader requests together with the widget's
//! own data, so that the hotline still shows when that data cannot load.
//!
//! Where a citizen may be stuck, the widget says whom to call: the procedure detail of the
//! search ("Liên hệ, hỗ trợ") and every error panel of the search and of the answered feedback
//! carry the agency's hotlines as `tel:` links. The file is read by
//! [`Contacts::read_hotlines`]: the agency's own hotlines as `cchc check` reads them, without
//! the numbering plan (it stays out of the wasm); the units, offices and e-mail (~4 KB gzip more
//! for the full reader) are printed on the sheet by the print module, which reads the whole file
//! ([`Contacts::read`], [`Contacts::for_procedure`]). Not yet in the tracker and the form (their
//! budgets). The host's `data-contacts-state` says `ready` (read without a problem) or `error`
//! (not loaded, or problems: `cchc check` names them). A missing or broken contacts file never
//! stops a widget.

use std::rc::Rc;

use web_sys::Element;

use super::dom::{append, E};
use super::Ctx;
use crate::contacts::{Contacts, Hotlines};
use crate::i18n::Lang;

/// A place waiting for the contacts: its slot and how it shows them.
pub(crate) type Pending = (Element, Show);

/// Starts reading the host's contacts file, once per widget (the loader's early answer, else a
/// request now); places that ask before it arrives are filled when it does.
pub(crate) fn load(ctx: &Rc<Ctx>) {
    // Only the search and the answered feedback read it for now: the tracker's and the form's
    // modules have no bytes left under their budgets for it (~2.7 KB gzip; this module is not
    // in their wasm). Not in the combined module either, so each widget behaves the same on
    // every page.
    let Some(url) = ctx.attr("contacts") else {
        return;
    };
    *ctx.waiting.borrow_mut() = Some(Vec::new());
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = ctx.fetch(&url, ctx.timeout()).await;
        let read = Contacts::read_hotlines;
        let (c, ok) = text.map_or((None, false), |t| read(&t));
        let _ = ctx
            .host
            .set_attribute("data-contacts-state", if ok { "ready" } else { "error" });
        let waiting = ctx.waiting.borrow_mut().take().unwrap_or_default();
        let Some(c) = c else {
            return;
        };
        let c = Rc::new(c);
        *ctx.contacts.borrow_mut() = Some(c.clone());
        if ctx.alive() {
            for (slot, show) in waiting {
                // A place that has left the page meanwhile (a retry, another procedure) is skipped.
                if slot.is_connected() {
                    draw(&c, &slot, show, ctx.lang);
                }
            }
        }
    });
}

/// How a place introduces the hotlines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Show {
    /// "Cần hỗ trợ? Gọi đường dây nóng:" (error panels).
    Help,
    /// "Liên hệ, hỗ trợ" (the procedure detail).
    Section,
}

/// Appends the hotlines to `slot` (which may not be on the page yet): now when they are read,
/// else once they arrive (unless the slot has left the page by then); nothing when the host
/// names none or they cannot be read.
pub(crate) fn fill(ctx: &Ctx, slot: &Element, show: Show) {
    let known = ctx.contacts.borrow().clone();
    match known {
        Some(c) => draw(&c, slot, show, ctx.lang),
        None => {
            if let Some(w) = ctx.waiting.borrow_mut().as_mut() {
                w.push((slot.clone(), show));
            }
        }
    }
}

/// The agency's hotlines as a small region of text and `tel:` links (nothing without any).
fn draw(c: &Hotlines, slot: &Element, show: Show, lang: Lang) {
    if c.lines.is_empty() {
        return;
    }
    let section = show == Show::Section;
    let title = if section {
        tr!(lang, "Liên hệ, hỗ trợ", "Contacts and help")
    } else {
        tr!(
            lang,
            "Cần hỗ trợ? Gọi đường dây nóng:",
            "Need help? Call the hotline:"
        )
    };
    let list = E::new("ul");
    for h in &c.lines {
        let label = h.label.as_deref().unwrap_or(if section {
            tr!(lang, "Đường dây nóng", "Hotline")
        } else {
            ""
        });
        let mut li = E::new("li");
        if !label.is_empty() {
            li = li.append_text(&super::dom::cat(label, ": "));
        }
        li = li.child(
            E::new("a")
                .attr("href", &super::dom::cat("tel:", &h.number.dial))
                .text(&h.number.display),
        );
        if let Some(hours) = &h.hours {
            li = li.append_text(&crate::text::cat(&[" (", hours, ")"]));
        }
        append(&list.0, &li.0);
    }
    let mut wrap = E::new("div")
        .class("cchc-contacts")
        .part("contacts")
        .child(E::new("p").class("cchc-contacts-title").text(title))
        .child(list);
    if c.example {
        wrap = wrap.child(E::new("p").class("cchc-hint").text(tr!(
            lang,
            "Số điện thoại ví dụ (dữ liệu mẫu), không gọi được.",
            "Example numbers (sample data): they cannot be called.",
        )));
    }
    append(slot, &wrap.0);
}

//! The agency's contact points in the widgets: the host's `contacts` attribute names a
//! `lien-he.json` (docs/lien-he-format.md), which the loader requests together with the widget's
//! own data, so that the hotline still shows when that data cannot load.
//!
//! Where a citizen may be stuck, the widget says whom to call: every error panel of the search
//! and of the answered feedback (the agency's hotlines), and the procedure detail (the unit
//! that handles it, with its offices, hours and e-mail:
//! [`crate::contacts::Contacts::for_procedure`]); the print module puts the same unit's
//! contacts on the sheet. Not yet in the tracker and the form (their budgets). Numbers are
//! `tel:` links with the digits the core worked out. The file is read by
//! [`Contacts::read`] (the search) or [`Contacts::read_hotlines`] (the others): what
//! `cchc check` reads, without the numbering plan; what is unusable is left out, and the
//! host's `data-contacts-state` says `ready` (read without a problem) or `error` (not loaded, or
//! problems: `cchc check` names them). A missing or broken contacts file never stops a widget.

use std::rc::Rc;

use web_sys::Element;

use super::dom::{append, E};
use super::Ctx;
use crate::contacts::{Contacts, Points};
use crate::i18n::Lang;

/// Picks the points a place shows (a procedure's unit); `None`: the agency's own.
pub(crate) type Pick = Option<Box<dyn FnOnce(&Contacts) -> Points>>;

/// A place waiting for the contacts: its slot, how much it shows, whose points.
pub(crate) type Pending = (Element, Show, Pick);

/// Starts reading the host's contacts file, once per widget (the loader's early answer, else a
/// request now); places that ask before it arrives are filled when it does.
pub(crate) fn load(ctx: &Rc<Ctx>) {
    // Only the search and the answered feedback read it for now: the tracker's and the form's
    // modules have no bytes left under their budgets for it (~2.7 KB gzip; this module is not
    // in their wasm). Not in the combined module either, so each widget behaves the same on
    // every page.
    if !matches!(ctx.kind.name(), "tthc-search" | "feedback-answers") {
        return;
    }
    let Some(url) = ctx.attr("contacts") else {
        return;
    };
    *ctx.waiting.borrow_mut() = Some(Vec::new());
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = ctx.fetch(&url, ctx.timeout()).await;
        // The search's detail shows a procedure's unit, offices and e-mail; every other place
        // only the agency's hotlines, which is all the other modules read.
        #[cfg(feature = "search")]
        let read = Contacts::read;
        #[cfg(not(feature = "search"))]
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
            for (slot, show, pick) in waiting {
                draw(&c, &slot, show, pick, ctx.lang);
            }
        }
    });
}

/// How much of the contact points a place shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Show {
    /// The hotlines, after "Cần hỗ trợ? Gọi đường dây nóng" (error and outcome panels).
    Hotlines,
    /// Everything: the unit's hotlines, offices with address, hours and phone, e-mail (the
    /// procedure detail).
    All,
}

/// Appends the contacts to `slot`: now when they are read, else once they arrive (unless the
/// slot has left the page meanwhile); nothing when the host names none or they cannot be read.
pub(crate) fn fill(ctx: &Ctx, slot: &Element, show: Show, pick: Pick) {
    let known = ctx.contacts.borrow().clone();
    match known {
        Some(c) => draw(&c, slot, show, pick, ctx.lang),
        None => {
            if let Some(w) = ctx.waiting.borrow_mut().as_mut() {
                w.push((slot.clone(), show, pick));
            }
        }
    }
}

fn draw(c: &Contacts, slot: &Element, show: Show, pick: Pick, lang: Lang) {
    if !slot.is_connected() {
        return;
    }
    let points;
    let p = match pick {
        Some(f) => {
            points = f(c);
            &points
        }
        None => &c.main,
    };
    if let Some(b) = block(p, c.example, show, lang) {
        append(slot, &b);
    }
}

/// The contact points as a small region of text and links; `None` when there is nothing to show.
pub(crate) fn block(p: &Points, example: bool, show: Show, lang: Lang) -> Option<Element> {
    let all = cfg!(feature = "search") && show == Show::All;
    let has_more = all && (!p.offices.is_empty() || p.email.is_some());
    if p.hotlines.is_empty() && !has_more {
        return None;
    }
    let title = if all {
        tr!(lang, "Liên hệ, hỗ trợ", "Contacts and help")
    } else {
        tr!(
            lang,
            "Cần hỗ trợ? Gọi đường dây nóng:",
            "Need help? Call the hotline:"
        )
    };
    let wrap = E::new("div")
        .class("cchc-contacts")
        .part("contacts")
        .child(E::new("p").class("cchc-contacts-title").text(title));
    let list = E::new("ul");
    for h in &p.hotlines {
        let label = h.label.as_deref().unwrap_or(if all {
            tr!(lang, "Đường dây nóng", "Hotline")
        } else {
            ""
        });
        let li = E::new("li");
        let li = if label.is_empty() {
            li
        } else {
            li.append_text(&super::dom::cat(label, ": "))
        };
        let mut li = li.child(tel(&h.number.dial, &h.number.display));
        if let Some(hours) = &h.hours {
            li = li.append_text(&crate::text::cat(&[" (", hours, ")"]));
        }
        append(&list.0, &li.0);
    }
    if all {
        for o in &p.offices {
            let mut li = E::new("li").child(E::new("strong").text(&o.name));
            if let Some(a) = &o.address {
                li = li.append_text(&super::dom::cat(": ", a));
            }
            if let Some(h) = &o.hours {
                li = li.child(E::new("br")).append_text(&crate::text::cat(&[
                    tr!(lang, "Giờ làm việc", "Opening hours"),
                    ": ",
                    h,
                ]));
            }
            if let Some(ph) = &o.phone {
                li = li
                    .child(E::new("br"))
                    .append_text(tr!(lang, "Điện thoại: ", "Phone: "))
                    .child(tel(&ph.dial, &ph.display));
            }
            append(&list.0, &li.0);
        }
        if let Some(m) = &p.email {
            let li = E::new("li").append_text("Email: ").child(
                E::new("a")
                    .attr("href", &super::dom::cat("mailto:", m))
                    .text(m),
            );
            append(&list.0, &li.0);
        }
    }
    let mut wrap = wrap.child(list);
    if example {
        wrap = wrap.child(E::new("p").class("cchc-hint").text(tr!(
            lang,
            "Số điện thoại ví dụ (dữ liệu mẫu), không gọi được.",
            "Example numbers (sample data): they cannot be called.",
        )));
    }
    Some(wrap.el())
}

fn tel(dial: &str, display: &str) -> E {
    E::new("a")
        .attr("href", &super::dom::cat("tel:", dial))
        .text(display)
}

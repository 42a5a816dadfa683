//! Each plan's year quarter by quarter (docs/chi-tieu-format.md, "Progress over the year"): a
//! bar chart of the share of tasks reported done beside the share due by the plan's own deadlines,
//! the quarter table exactly as `cchc tracker --table quarters` writes it (one core function,
//! [`quarter_rows`]), and that table as a CSV download.
//!
//! A quarter no report covers has no "done" bar: it says "no report" rather than showing zero.

use std::rc::Rc;

use web_sys::Element;

use crate::i18n::Lang;
use crate::num::int;
use crate::tracker::status::PlanProgress;
use crate::tracker::table::{percent, quarter_name, quarter_rows, quarters_csv};
use crate::web::dom::{append, E};

use super::fmt::{add, bar, cat, mk, put, scroll_table, titled};
use super::View;

/// Appends one block per plan that has quarters to `parent`.
pub fn blocks(view: &Rc<View>, ai: usize, parent: &Element) {
    let lang = view.lang();
    let Some(a) = view.agencies.get(ai) else {
        return;
    };
    for (k, p) in a.progress.iter().enumerate() {
        if !p.quarters.is_empty() {
            put(parent, E(block(view, ai, k, p, lang)));
        }
    }
}

fn block(view: &Rc<View>, ai: usize, k: usize, p: &PlanProgress, lang: Lang) -> Element {
    let id = &cat(&["trk-q", &int(k)]);
    let title = cat(&[
        tr!(lang, "Tiến độ theo quý: ", "Progress by quarter: "),
        &p.title,
    ]);
    let sec = titled("trk-trend trk-quarters", &cat(&[id, "-h"]), "h4", &title);
    // A bar chart of native `<progress>` bars, two per quarter: the share reported done (on
    // time and late) and the share due by the plan's deadlines, each with its words and number.
    let list = mk("ul").class("trk-qbars");
    for q in &p.quarters {
        let name = quarter_name(q.quarter, p.year, lang);
        let li = mk("li").child(mk("h5").class("trk-qname").text(&name));
        let s = |i: usize| q.shares.get(i).copied().unwrap_or(0.0);
        let done = tr!(lang, "Đã hoàn thành theo báo cáo", "Reported done");
        let due = tr!(lang, "Đến hạn theo kế hoạch", "Due under the plan");
        if q.report.is_some() {
            let v = s(1) + s(2);
            // Done, and of it on time and late ("28,6 % (đúng hạn 14,3 %, trễ hạn 14,3 %)").
            let text = cat(&[
                done,
                ": ",
                &percent(v, lang),
                tr!(lang, " % (đúng hạn ", " % (on time "),
                &percent(s(1), lang),
                tr!(lang, " %, trễ hạn ", " %, late "),
                &percent(s(2), lang),
                " %)",
            ]);
            put(
                &li.0,
                bar(v * 100.0, 100.0, ("aria-label", done), &text, ""),
            );
        } else {
            let text = cat(&[done, ": ", tr!(lang, "chưa có báo cáo", "no report")]);
            add(&li.0, "p", "trk-bar-text", &text);
        }
        let text = cat(&[due, ": ", &percent(s(0), lang), " %"]);
        put(
            &li.0,
            bar(s(0) * 100.0, 100.0, ("aria-label", due), &text, " trk-due"),
        );
        put(&list.0, li);
    }
    put(&sec.0, list);
    add(
        &sec.0,
        "p",
        "trk-small trk-muted",
        tr!(
            lang,
            "Tỷ lệ trên tổng số nhiệm vụ của kế hoạch; hoàn thành gồm cả đúng hạn và trễ hạn.",
            "Shares of all the plan's tasks; done counts tasks done on time and late."
        ),
    );
    // The quarter table: quarters as columns, one measure per row.
    let rows = quarter_rows(p, lang);
    let head = E::new("tr");
    let body = E::new("tbody");
    for (i, row) in rows.iter().enumerate() {
        let tr = if i == 0 {
            head.0.clone()
        } else {
            E::new("tr").0
        };
        for (j, c) in row.iter().enumerate() {
            let cell = if i == 0 || j == 0 {
                E::new("th").attr("scope", if i == 0 { "col" } else { "row" })
            } else {
                E::new("td")
            };
            put(&tr, cell.text(c));
        }
        if i > 0 {
            append(&body.0, &tr);
        }
    }
    put(
        &sec.0,
        scroll_table(
            tr!(lang, "Số liệu theo quý", "Figures by quarter"),
            [E::new("thead").child(head), body],
        ),
    );
    // The CSV is made when asked for (a `blob:` URL made with the table cost the tracker's
    // startup a few milliseconds at 4× slowdown, for a file few download).
    let csv = super::tasks::button(
        tr!(
            lang,
            "Tải CSV số liệu theo quý",
            "Download the quarters as CSV"
        ),
        "secondary cchc-noprint",
    );
    let v = view.clone();
    view.ctx.on(&csv, "click", move |_| {
        let plan = v.agencies.get(ai).and_then(|a| a.progress.get(k));
        if let Some(p) = plan {
            let stem = cat(&["tien-do-quy-", &p.plan_id]);
            let _ = super::tasks::download(&v, &stem, &quarters_csv(p, v.lang()));
        }
    });
    append(&sec.0, &csv);
    sec.el()
}

//! Summary cards, one per national index: the latest published score and rank (always with the
//! number of provinces ranked), the band, the plan's target and its status with the reason; then
//! the trend chart with the same numbers in a table beside it. A rank out of 63 and one out of 34
//! (the July 2025 merger) are never compared: the card says "không so sánh được" and why.

use std::rc::Rc;

use web_sys::Element;

use crate::i18n::Lang;
use crate::num::{int, push_int};
use crate::tracker::model::{Index, ResultStatus, ScaleUnit};
use crate::tracker::status::{IndexCard, ResultView, TargetEvaluation};
use crate::tracker::target::{TargetKind, Unit};
use crate::web::dom::E;

use super::chart;
use super::fmt::{add, add_s, cat, num, put, source, status_badge, target_short, titled, Owned};
use super::View;

/// The "Chỉ số" section of agency `ai`.
pub fn section(view: &Rc<View>, ai: usize) -> Element {
    let lang = view.lang();
    let sec = titled(
        "trk-section trk-indices",
        "trk-h-indices",
        "h3",
        tr!(lang, "Các chỉ số đánh giá", "National indices"),
    );
    let Some(a) = view.agencies.get(ai) else {
        return sec.el();
    };
    if a.cards.is_empty() {
        add(
            &sec.0,
            "p",
            "trk-empty",
            tr!(
                lang,
                "Tệp dữ liệu chưa có chỉ số nào (PAR INDEX, SIPAS, PAPI, PCI…) cho đơn vị này.",
                "The data file has no index (PAR INDEX, SIPAS, PAPI, PCI…) for this agency."
            ),
        );
        return sec.el();
    }
    let grid = E::new("div").class("trk-cards");
    let indices = view
        .doc
        .agencies
        .get(ai)
        .map(|a| a.indices.as_slice())
        .unwrap_or(&[]);
    for (ci, c) in a.cards.iter().enumerate() {
        let ix = indices.iter().find(|x| x.id == c.index_id);
        crate::web::dom::append(
            &grid.0,
            &card(c, ix, &cat(&["trk-", &int(ai), "-", &int(ci)]), lang),
        );
    }
    put(&sec.0, grid);
    sec.el()
}

fn scale_text(unit: Option<ScaleUnit>, max: Option<f64>, lang: Lang) -> String {
    match (unit, max) {
        (Some(ScaleUnit::Percent), _) => "%".into(),
        (Some(ScaleUnit::Ratio), Some(m)) => cat(&[" / ", &num(m, lang)]),
        (_, Some(m)) => cat(&[
            " / ",
            &tr!(lang, "{n} điểm", "{n} points", n = num(m, lang)),
        ]),
        _ => String::new(),
    }
}

fn rank_text(r: &ResultView, lang: Lang) -> Option<String> {
    let (rank, of) = (r.rank?, r.rank_of?);
    Some(tr!(
        lang,
        "Xếp thứ {rank}/{of} tỉnh, thành phố",
        "Ranked {rank}/{of} provinces",
        rank = rank,
        of = of
    ))
}

/// The change of rank since the previous ranked year, or why it cannot be compared.
fn rank_change(c: &IndexCard, lang: Lang) -> Option<(String, bool)> {
    // The last two published results with a rank, newest first (a plain loop: smaller wasm
    // than a filter chain).
    let mut ranked: Vec<(i32, u32, u32)> = Vec::new();
    for r in c.series.iter().rev() {
        if let (true, Some(rank), Some(of)) =
            (r.status != ResultStatus::NotPublished, r.rank, r.rank_of)
        {
            ranked.push((r.year, rank, of));
            if ranked.len() == 2 {
                break;
            }
        }
    }
    let (ly, lr, lof) = *ranked.first()?;
    let (py, pr, pof) = *ranked.get(1)?;
    if lof != pof {
        return Some((
            tr!(
                lang,
                "Thứ hạng không so sánh được: {year1} {rank1}, {year2} {rank2} — số tỉnh được xếp hạng khác nhau (63 tỉnh trước, 34 tỉnh từ 01/07/2025)",
                "Ranks not comparable: {year1} {rank1}, {year2} {rank2} — different numbers of provinces ranked (63 before, 34 from 1 July 2025)",
                year1 = py,
                rank1 = cat(&[&int(pr), "/", &int(pof)]),
                year2 = ly,
                rank2 = cat(&[&int(lr), "/", &int(lof)])
            ),
            false,
        ));
    }
    let diff = i64::from(pr) - i64::from(lr);
    let what = match diff {
        0 => tr!(lang, "giữ nguyên thứ hạng", "same rank").to_string(),
        d if d > 0 => tr!(lang, "tăng {n} bậc", "up {n} places", n = d),
        d => tr!(lang, "giảm {n} bậc", "down {n} places", n = -d),
    };
    Some((
        tr!(
            lang,
            "So với năm {year} ({rank}): {change}",
            "Compared with {year} ({rank}): {change}",
            year = py,
            rank = cat(&[&int(pr), "/", &int(pof)]),
            change = what
        ),
        true,
    ))
}

fn card(c: &IndexCard, ix: Option<&Index>, id: &str, lang: Lang) -> Element {
    let (key, _) = super::fmt::status_key(c.status);
    let mut hid = String::from(id);
    hid.push_str("-h");
    let art = E::new("article")
        .class(&cat(&["trk-card trk-b-", key]))
        .part("card")
        .attr("data-index", &c.index_id)
        .attr("data-status", key)
        .attr("aria-labelledby", &hid)
        .child(E::new("h4").attr("id", &hid).text(&c.name));
    latest(&art.0, c, lang);
    targets(&art.0, c, lang);
    let status = E::new("p")
        .class("trk-status")
        .child(status_badge(c.status, &c.status_label));
    put(&art.0, status);
    if !c.reason.is_empty() {
        add(&art.0, "p", "trk-reason", &c.reason);
    }
    trend(&art.0, c, ix, id, lang);
    art.el()
}

fn latest(parent: &Element, c: &IndexCard, lang: Lang) {
    let Some(l) = &c.latest else {
        add(
            parent,
            "p",
            "trk-nodata",
            tr!(
                lang,
                "Chưa có kết quả được công bố trong tệp dữ liệu.",
                "No published result in the data file."
            ),
        );
        return;
    };
    let big = E::new("p").class("trk-latest");
    if let Some(s) = l.score {
        add_s(&big.0, "span", "trk-score", num(s, lang));
        add_s(
            &big.0,
            "span",
            "trk-scale",
            scale_text(c.scale_unit, c.scale_max, lang),
        );
    }
    add_s(
        &big.0,
        "span",
        "trk-year",
        cat(&[" ", &tr!(lang, "năm {year}", "in {year}", year = l.year)]),
    );
    put(parent, big);
    let facts = E::new("ul").class("trk-facts");
    let fact = |t: &str, class: &str| {
        add(&facts.0, "li", class, t);
    };
    match rank_text(l, lang) {
        Some(r) => fact(&r, "trk-rank"),
        None => fact(
            tr!(lang, "Không có thứ hạng chính thức", "No official rank"),
            "trk-rank",
        ),
    }
    if let Some((t, comparable)) = rank_change(c, lang) {
        fact(&t, if comparable { "" } else { "trk-noncomp" });
    }
    if let Some(b) = &l.band {
        fact(&tr!(lang, "Xếp loại: {band}", "Band: {band}", band = b), "");
    }
    if l.status == ResultStatus::Derived {
        fact(
            tr!(
                lang,
                "Số liệu tính từ dữ liệu đã công bố, không phải kết quả chính thức",
                "Computed from published data, not an official result"
            ),
            "trk-derived",
        );
    }
    put(parent, facts);
}

fn targets(parent: &Element, c: &IndexCard, lang: Lang) {
    let Some(t) = c.targets.first() else {
        add(
            parent,
            "p",
            "trk-target-text",
            tr!(
                lang,
                "Kế hoạch chưa đặt chỉ tiêu cho chỉ số này.",
                "The plan sets no target for this index."
            ),
        );
        return;
    };
    let p = E::new("p")
        .class("trk-target-text")
        .child(E::new("strong").text_s(cat(&[
            &tr!(
                lang,
                "Chỉ tiêu năm {year}:",
                "Target for {year}:",
                year = t.year
            ),
            " ",
        ])))
        .append_text(&cat(&["“", &t.text, "”"]));
    put(parent, p);
    if !t.parts.is_empty() {
        let ul = E::new("ul").class("trk-parts");
        for part in &t.parts {
            let li = E::new("li")
                .child(
                    E::new("span")
                        .class("trk-part-target")
                        .text_s(target_short(&part.target, lang)),
                )
                .append_text(" ")
                .child(status_badge(part.status, &part.status_label));
            put(&ul.0, li);
        }
        put(parent, ul);
    }
    if let Some(plan) = &t.plan {
        add_s(
            parent,
            "p",
            "trk-muted trk-small",
            tr!(
                lang,
                "Nguồn chỉ tiêu: {plan}",
                "Target source: {plan}",
                plan = plan
            ),
        );
    }
    if c.targets.len() > 1 {
        // Joined in a plain loop: a `map().collect().join()` chain costs the wasm more.
        let mut older = cat(&[tr!(lang, "Chỉ tiêu khác:", "Other targets:"), " "]);
        for (i, o) in c.targets.iter().skip(1).enumerate() {
            if i > 0 {
                older.push_str("; ");
            }
            push_int(&mut older, o.year);
            older.push_str(": ");
            older.push_str(&o.text);
            older.push_str(" (");
            older.push_str(&o.status_label);
            older.push(')');
        }
        add(parent, "p", "trk-muted trk-small", &older);
    }
}

/// The score target the chart can draw: the latest target's first percent/points part.
fn chart_target(t: Option<&TargetEvaluation>, lang: Lang) -> Option<(f64, String)> {
    let t = t?;
    let p = t.parts.iter().find(|p| {
        matches!(p.target.unit, Some(Unit::Percent | Unit::Points))
            && !matches!(
                p.target.kind,
                TargetKind::RankAtMost
                    | TargetKind::RankUpByAtLeast
                    | TargetKind::InBand
                    | TargetKind::ReduceByAtLeast
            )
    })?;
    let v = p.target.value?;
    Some((
        v,
        tr!(
            lang,
            "Chỉ tiêu {year}: {value}",
            "Target {year}: {value}",
            year = t.year,
            value = num(v, lang)
        ),
    ))
}

/// The chart and its table, or a sentence when there is nothing to draw.
fn trend(parent: &Element, c: &IndexCard, ix: Option<&Index>, id: &str, lang: Lang) {
    let scale_of = |year: i32| ix.and_then(|i| i.scale_for(year));
    let cur_max = c.scale_max;
    // Only results on the latest scale are joined by a line (PAPI was out of 60 before 2018).
    // (A plain loop: smaller wasm than a chain of filters.)
    let mut points: Vec<(i32, f64)> = Vec::new();
    for r in &c.series {
        if r.status == ResultStatus::NotPublished || scale_of(r.year).map(|s| s.max) != cur_max {
            continue;
        }
        if let Some(score) = r.score {
            points.push((r.year, score));
        }
    }
    let fig = E::new("figure").class("trk-trend");
    if points.is_empty() && c.series.is_empty() {
        return;
    }
    let short = crate::text::replace_str(&c.index_id, "_", " ");
    if !points.is_empty() {
        let (lo, hi) = ix
            .and_then(|i| i.scale_for(points.last().map_or(0, |p| p.0)))
            .map_or((0.0, 100.0), |s| (s.min, s.max));
        let (first, last) = (
            points.first().map_or(0, |p| p.0),
            points.last().map_or(0, |p| p.0),
        );
        let title = tr!(
            lang,
            "Điểm {index} {first}–{last}",
            "Score of {index} {first}–{last}",
            index = short,
            first = first,
            last = last
        );
        let target = chart_target(c.targets.first(), lang);
        let mut desc = String::new();
        for (y, s) in &points {
            if !desc.is_empty() {
                desc.push_str("; ");
            }
            push_int(&mut desc, *y);
            desc.push_str(": ");
            desc.push_str(&num(*s, lang));
        }
        if let Some((_, l)) = &target {
            desc.push_str("; ");
            desc.push_str(l);
        }
        let spec = chart::Spec {
            id,
            title: &title,
            desc: &desc,
            points: &points,
            scale: (lo, hi),
            target,
        };
        let wrap = E::new("div")
            .class("trk-chart")
            .part("chart")
            .child(chart::svg(&spec, lang));
        put(&fig.0, wrap);
    } else {
        add(
            &fig.0,
            "p",
            "trk-nodata",
            tr!(
                lang,
                "Không có điểm số để vẽ biểu đồ.",
                "No scores to chart."
            ),
        );
    }
    put(&fig.0, E(table(c, &short, lang)));
    put(parent, fig);
}

/// Every result of the index as a table, in a focusable scroll region of its own.
fn table(c: &IndexCard, short: &str, lang: Lang) -> Element {
    let cap = tr!(
        lang,
        "Kết quả {index} theo năm",
        "Results of {index} by year",
        index = short
    );
    let head = E::new("tr");
    for h in [
        msg!("Năm", "Year"),
        msg!("Điểm", "Score"),
        msg!("Thứ hạng", "Rank"),
        msg!("Xếp loại", "Band"),
        msg!("Ghi chú", "Note"),
    ] {
        put(
            &head.0,
            E::new("th").attr("scope", "col").text(lang.text(h)),
        );
    }
    let head = E::new("thead").child(head);
    let tb = E::new("tbody");
    // Long notes (often the same sentence year after year) would make the column one word wide
    // in a card: the cell names a numbered note, and each distinct note is written once below.
    // Sources (a link and its description) likewise: one list below, each with its years.
    let mut notes: Vec<(&str, Vec<i32>)> = Vec::new();
    let mut sources: Vec<(&str, Vec<i32>)> = Vec::new();
    for r in c.series.iter().rev() {
        let tr = E::new("tr")
            .child(E::new("th").attr("scope", "row").text_s(int(r.year)))
            .child(E::new("td").text_s(r.score.map_or("–".into(), |s| num(s, lang))))
            .child(E::new("td").text_s(match (r.rank, r.rank_of) {
                (Some(k), Some(n)) => cat(&[&int(k), "/", &int(n)]),
                _ => "–".into(),
            }))
            .child(E::new("td").text(r.band.as_deref().unwrap_or("–")));
        let mut note = String::from(lang.text(match r.status {
            ResultStatus::Official => msg!("Chính thức", "Official"),
            ResultStatus::Derived => msg!("Tính toán", "Derived"),
            ResultStatus::NotPublished => msg!("Không công bố", "Not published"),
        }));
        if let Some(n) = r.note.as_deref().filter(|n| !n.trim().is_empty()) {
            let k = footnote(&mut notes, n, r.year);
            note.push_str(" · ");
            note.push_str(&tr!(lang, "ghi chú {n}", "note {n}", n = k));
        }
        if let Some(s) = r.source_url.as_deref().filter(|s| !s.trim().is_empty()) {
            footnote(&mut sources, s, r.year);
        }
        let tr = tr.child(E::new("td").text(&note));
        put(&tb.0, tr);
    }
    let region = super::fmt::scroll_table(&cap, [head, tb]);
    if notes.is_empty() && sources.is_empty() {
        return region.el();
    }
    let wrap = E::new("div").child(region);
    for (title, list, tag, link) in [
        (tr!(lang, "Ghi chú", "Note"), &notes, "ol", false),
        (tr!(lang, "Nguồn", "Source"), &sources, "ul", true),
    ] {
        if list.is_empty() {
            continue;
        }
        let items = E::new(tag).class("trk-notes");
        for (text, years) in list {
            // A plain loop with `push_int`: `to_string` + `join` cost the wasm ~0.7 KB gzip.
            let mut joined = String::new();
            for y in years {
                if !joined.is_empty() {
                    joined.push_str(", ");
                }
                push_int(&mut joined, *y);
            }
            let years = joined;
            let mut prefix = tr!(lang, "Năm {years}", "Year {years}", years = years);
            prefix.push_str(": ");
            let li = E::new("li").text(&prefix);
            if link {
                source(&li.0, text);
            } else {
                crate::web::dom::append(&li.0, &crate::web::dom::text_node(text));
            }
            put(&items.0, li);
        }
        put(&wrap.0, E::new("p").class("trk-notes-title").text(title));
        put(&wrap.0, items);
    }
    wrap.el()
}

/// Adds `year` to the footnote with `text` (a new one if none has it); its 1-based number.
fn footnote<'a>(list: &mut Vec<(&'a str, Vec<i32>)>, text: &'a str, year: i32) -> usize {
    match list.iter().position(|(t, _)| *t == text) {
        Some(k) => {
            if let Some((_, years)) = list.get_mut(k) {
                years.push(year);
            }
            k + 1
        }
        None => {
            list.push((text, vec![year]));
            list.len()
        }
    }
}

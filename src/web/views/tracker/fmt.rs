//! Small pieces every part of the tracker view shares: numbers in the reader's convention,
//! status badges (text + colour + shape, never colour alone), deadline windows and safe links.

use crate::i18n::Lang;
use crate::tracker::deadline::{Deadline, DeadlineKind, Period};
use crate::tracker::status::TaskState;
use crate::tracker::target::{TargetKind, TargetPart, Unit};
use crate::tracker::Status;
use crate::web::dom::E;

/// `E::new` (kept as a name for the tracker views).
pub fn mk(tag: &str) -> E {
    E::new(tag)
}

/// Appends `<tag class="class">text</tag>` to `parent`: the views' most repeated builder
/// sequence, kept out of line as one shared body (each inlined copy cost the wasm ~100 bytes).
#[inline(never)]
pub fn add(parent: &web_sys::Element, tag: &str, class: &str, text: &str) {
    crate::web::dom::append(parent, &E::new(tag).class(class).text(text).0);
}

/// Appends `child` to `parent` and lets go of it. Taking the element by value keeps its drop in
/// this one body: an `append(&parent, &child.0)` at each call site also carried the handle's
/// spill to memory and its drop call (~70 call sites in the tracker).
#[inline(never)]
pub fn put(parent: &web_sys::Element, child: E) {
    crate::web::dom::append(parent, &child.0);
}

/// [`add`] with a text made for it: the string is dropped in this one body, not at each call site.
#[inline(never)]
pub fn add_s(parent: &web_sys::Element, tag: &str, class: &str, text: String) {
    add(parent, tag, class, &text);
}

/// Builder steps that take a string made for them (by value), for the same reason as [`add_s`].
pub trait Owned {
    fn text_s(self, t: String) -> E;
    fn attr_s(self, k: &'static str, v: String) -> E;
}

impl Owned for E {
    #[inline(never)]
    fn text_s(self, t: String) -> E {
        self.text(&t)
    }
    #[inline(never)]
    fn attr_s(self, k: &'static str, v: String) -> E {
        self.attr(k, &v)
    }
}

/// A `<section>` labelled by its heading (`heading`: the tag, `id`: the heading's id): one body
/// for the indices', indicators', tasks' and quarters' sections.
#[inline(never)]
pub fn titled(class: &str, id: &str, heading: &str, title: &str) -> E {
    E::new("section")
        .class(class)
        .attr("aria-labelledby", id)
        .child(E::new(heading).attr("id", id).text(title))
}

/// A table with its caption in a focusable, labelled scroll region (wide tables scroll inside a
/// card at 360 px); one body for the results and the quarters tables.
#[inline(never)]
pub fn scroll_table(cap: &str, parts: [E; 2]) -> E {
    let [head, body] = parts;
    E::new("div")
        .class("trk-scroll")
        .attr("role", "region")
        .attr("aria-label", cap)
        .attr("tabindex", "0")
        .child(
            E::new("table")
                .class("trk-table")
                .child(E::new("caption").text(cap))
                .child(head)
                .child(body),
        )
}

/// A labelled `<progress>` bar with its words beside it (`label`: the attribute naming it,
/// `aria-labelledby` or `aria-label`): the indicators' bars and the quarters' bar chart.
#[inline(never)]
pub fn bar(v: f64, max: f64, label: (&'static str, &str), text: &str, class: &str) -> E {
    let prog = E::new("progress")
        .class(&cat(&["trk-progress", class]))
        .attr_s("max", crate::num::shortest(max))
        .attr_s("value", crate::num::shortest(v))
        .attr(label.0, label.1)
        .attr("aria-valuetext", text);
    E::new("div")
        .class("trk-bar")
        .child(prog)
        .child(E::new("span").class("trk-bar-text").text(text))
}

pub use crate::text::cat;

/// A number with at most two decimals, trailing zeros dropped, with the language's decimal
/// separator (Vietnamese: comma).
pub fn num(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let s = crate::num::fixed(x, 2);
    let s = crate::text::trim_end_ascii(crate::text::trim_end_ascii(&s, b'0'), b'.').to_string();
    match lang.decimal_separator() {
        "." => s,
        sep => crate::text::replace_str(&s, ".", sep),
    }
}

/// The CSS suffix and the shape shown beside a target status.
pub fn status_key(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::Achieved => ("achieved", "✓"),
        Status::OnTrack => ("on-track", "↗"),
        Status::AtRisk => ("at-risk", "▲"),
        Status::OffTrack => ("off-track", "✗"),
        Status::NoData => ("no-data", "○"),
        Status::NotComparable => ("not-comparable", "≠"),
    }
}

/// The `data-status` value (the core's snake_case name) and the shape of a task state.
pub fn task_key(s: TaskState) -> (&'static str, &'static str) {
    match s {
        TaskState::Overdue => ("overdue", "!"),
        TaskState::NotReported => ("not_reported", "?"),
        TaskState::InWindow => ("in_window", "◷"),
        TaskState::NotStarted => ("not_started", "○"),
        TaskState::Recurring => ("recurring", "↻"),
        TaskState::Waiting => ("waiting", "⏸"),
        TaskState::NoDeadline => ("no_deadline", "?"),
        TaskState::Done => ("done", "✓"),
        TaskState::DoneLate => ("done_late", "✓"),
        TaskState::Cancelled => ("cancelled", "✗"),
    }
}

/// Every task state, in the order the core sorts them.
pub const TASK_STATES: [TaskState; 10] = [
    TaskState::Overdue,
    TaskState::NotReported,
    TaskState::InWindow,
    TaskState::NotStarted,
    TaskState::Recurring,
    TaskState::Waiting,
    TaskState::NoDeadline,
    TaskState::DoneLate,
    TaskState::Done,
    TaskState::Cancelled,
];

/// A badge: a shape (hidden from screen readers, the label says it) and the label, coloured by
/// class. `extra` follows the label (days left, …).
pub fn badge(class: &str, shape: &str, label: &str, extra: &str) -> E {
    let b = mk("span")
        .class(&cat(&["trk-badge ", class]))
        .child(
            mk("span")
                .class("trk-shape")
                .attr("aria-hidden", "true")
                .text(shape),
        )
        .append_text(label);
    if extra.is_empty() {
        b
    } else {
        b.append_text(&cat(&[" · ", extra]))
    }
}

/// A target status badge.
pub fn status_badge(s: Status, label: &str) -> E {
    let (key, shape) = status_key(s);
    badge(&cat(&["trk-s-", key]), shape, label, "")
}

/// The unit after a value.
pub fn unit(u: Option<Unit>, noun: Option<&str>, lang: Lang) -> String {
    match u {
        Some(Unit::Percent) => "%".into(),
        Some(Unit::Points) => cat(&[" ", tr!(lang, "điểm", "points")]),
        Some(Unit::Rank) => cat(&[" ", tr!(lang, "bậc", "places")]),
        Some(Unit::Count) => noun.map(|n| cat(&[" ", n])).unwrap_or_default(),
        Some(Unit::Band) | None => String::new(),
    }
}

/// A part's target in symbols: "≥ 95%", "hạng ≤ 20/63", "giảm ≥ 28 biên chế".
pub fn target_short(p: &TargetPart, lang: Lang) -> String {
    let v = p.value.map(|v| num(v, lang)).unwrap_or_default();
    let u = unit(p.unit, p.noun.as_deref(), lang);
    let sign = |s: &str| cat(&[s, " ", &v, &u]);
    match p.kind {
        TargetKind::AtLeast => sign("≥"),
        TargetKind::MoreThan => sign(">"),
        TargetKind::AtMost => sign("≤"),
        TargetKind::LessThan => sign("<"),
        TargetKind::Exactly => sign("="),
        TargetKind::Approximately => sign("≈"),
        TargetKind::Between => {
            let m = p.max.map(|m| num(m, lang)).unwrap_or_default();
            cat(&[&v, "–", &m, &u])
        }
        TargetKind::RankAtMost => match p.rank_of {
            Some(n) => tr!(lang, "hạng ≤ {v}/{n}", "rank ≤ {v}/{n}", v = v, n = n),
            None => tr!(lang, "hạng ≤ {v}", "rank ≤ {v}", v = v),
        },
        TargetKind::RankUpByAtLeast => tr!(lang, "tăng ≥ {v} bậc", "up ≥ {v} places", v = v),
        TargetKind::ReduceByAtLeast => tr!(
            lang,
            "giảm ≥ {v}{unit}",
            "reduce by ≥ {v}{unit}",
            v = v,
            unit = u
        ),
        TargetKind::InBand => tr!(
            lang,
            "nhóm {band}",
            "band {band}",
            band = p.band.as_deref().unwrap_or("")
        ),
        TargetKind::Multi | TargetKind::Unknown => p.text.clone(),
    }
}

/// The parsed window of a deadline in words: "01/04/2025 – 30/09/2025", "đến 31/01/2025",
/// "thường xuyên", "phụ thuộc cơ quan khác", or why it is unknown.
pub fn window(d: &Deadline, lang: Lang) -> String {
    let mut s = match d.kind {
        DeadlineKind::Range => match (d.start, d.end) {
            (Some(a), Some(b)) => cat(&[&a.to_vi(), " – ", &b.to_vi()]),
            (None, Some(b)) => tr!(lang, "đến hết {date}", "until {date}", date = b.to_vi()),
            (Some(a), None) => tr!(lang, "từ {date}", "from {date}", date = a.to_vi()),
            (None, None) => tr!(lang, "không rõ", "unknown").into(),
        },
        DeadlineKind::Recurring => {
            let p = period(d.period, lang);
            match (d.start, d.end) {
                (Some(a), Some(b)) => cat(&[p, ", ", &a.to_vi(), " – ", &b.to_vi()]),
                _ => p.into(),
            }
        }
        DeadlineKind::Dependent => {
            tr!(lang, "phụ thuộc cơ quan khác", "depends on another body").into()
        }
        DeadlineKind::Unknown => d
            .problem
            .map_or(tr!(lang, "không rõ", "unknown"), |p| p.message(lang))
            .into(),
    };
    if d.approximate {
        s.push(' ');
        s.push_str(tr!(lang, "(ước tính)", "(approximate)"));
    }
    if d.year_implied {
        s.push(' ');
        s.push_str(tr!(lang, "(năm theo kế hoạch)", "(year from the plan)"));
    }
    s
}

fn period(p: Option<Period>, lang: Lang) -> &'static str {
    lang.text(match p {
        Some(Period::Daily) => msg!("hằng ngày", "daily"),
        Some(Period::Weekly) => msg!("hằng tuần", "weekly"),
        Some(Period::Monthly) => msg!("hằng tháng", "monthly"),
        Some(Period::Quarterly) => msg!("hằng quý", "quarterly"),
        Some(Period::Yearly) => msg!("hằng năm", "yearly"),
        Some(Period::Periodic) => msg!("định kỳ", "periodic"),
        Some(Period::Continuous) | None => msg!("thường xuyên", "continuous"),
    })
}

/// The URL at the start of a source text if it is a plain http(s) link, and the rest of the text.
/// Anything else (`javascript:`, relative paths with spaces) is shown as text only.
pub fn split_link(s: &str) -> (Option<&str>, &str) {
    let s = s.trim();
    // A plain scan, not `split_once` with a predicate (core's `char` searcher in the wasm).
    let (first, rest) = match s.char_indices().find(|(_, c)| c.is_whitespace()) {
        Some((i, c)) => (
            s.get(..i).unwrap_or(s),
            s.get(i + c.len_utf8()..).unwrap_or(""),
        ),
        None => (s, ""),
    };
    let lower = first.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://")) && first.len() > 8 {
        (Some(first), rest.trim())
    } else {
        (None, s)
    }
}

/// Appends a source: a link for its URL, then the rest as text.
pub fn source(parent: &web_sys::Element, s: &str) {
    match split_link(s) {
        (Some(url), rest) => {
            crate::web::dom::append(parent, &E::new("a").attr("href", url).text(url).0);
            if !rest.is_empty() {
                crate::web::dom::append(parent, &crate::web::dom::text_node(&cat(&[" ", rest])));
            }
        }
        (None, text) => {
            crate::web::dom::append(parent, &crate::web::dom::text_node(text));
        }
    }
}

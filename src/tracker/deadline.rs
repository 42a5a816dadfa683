//! Deadline phrases of Vietnamese plans → dates.
//!
//! Task frameworks give deadlines in the plan's own words: "Quý II, III/2025", "Tháng 01/2025",
//! "trước ngày 31/01/2025", "6 tháng đầu năm", "Thường xuyên", "Theo Kế hoạch của Bộ Nội vụ".
//! General date parsers know none of these, and a tracker that guesses would mark tasks overdue
//! wrongly. This module reads the phrases with a small purpose-built grammar and answers one of
//! four kinds: a date **range** (start may be open: "trước ngày …"), a **recurring** duty, a duty
//! **dependent** on another body's action, or **unknown** with the reason. It never guesses: a word
//! it does not understand makes the phrase unknown.

use serde::Serialize;

use super::date::Date;
use super::lex::{lex, roman_quarter, word_count, words_at, Token, MAX_PHRASE_BYTES};
use crate::i18n::Lang;

/// What a deadline phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A window of dates (`start` may be open, `end` is the due date).
    Range,
    /// A continuous or periodic duty ("Thường xuyên", "Hằng quý").
    Recurring,
    /// Waits on another body ("Theo Kế hoạch của Bộ Nội vụ", "Sau khi … công bố …").
    Dependent,
    /// Not understood; see `problem`.
    Unknown,
}

/// The rhythm of a recurring duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// "Thường xuyên", "liên tục".
    Continuous,
    /// "Hằng ngày".
    Daily,
    /// "Hằng tuần".
    Weekly,
    /// "Hằng tháng".
    Monthly,
    /// "Hằng quý".
    Quarterly,
    /// "Hằng năm".
    Yearly,
    /// "Định kỳ" without a stated rhythm.
    Periodic,
}

/// Why a phrase is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineProblem {
    /// Nothing written.
    Empty,
    /// Longer than [`MAX_PHRASE_BYTES`].
    TooLong,
    /// A quarter or month without a year, and no plan year to take it from.
    MissingYear,
    /// A date that does not exist (31/02/2025) or an implausible year.
    InvalidDate,
    /// A word or sign the grammar does not know.
    Unrecognised,
}

impl DeadlineProblem {
    /// The message for users.
    pub fn message(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::Empty => msg!("Chưa ghi thời hạn", "No deadline given"),
            Self::TooLong => msg!("Cụm thời hạn quá dài", "Deadline phrase too long"),
            Self::MissingYear => msg!(
                "Thiếu năm (ví dụ \"Quý II\" mà không có năm của kế hoạch)",
                "Year missing (e.g. \"Quý II\" without the plan's year)"
            ),
            Self::InvalidDate => msg!("Ngày tháng không tồn tại", "Date does not exist"),
            Self::Unrecognised => msg!("Không hiểu cụm thời hạn", "Deadline phrase not understood"),
        })
    }
}

/// A parsed deadline phrase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deadline {
    /// The phrase as written.
    pub text: String,
    /// What it means.
    pub kind: DeadlineKind,
    /// First day of the window (`None`: open start, e.g. "trước ngày …", or not a range).
    pub start: Option<Date>,
    /// Last day of the window: the due date.
    pub end: Option<Date>,
    /// Fuzzy wording ("cuối quý II", "đầu năm"): the window is an approximation.
    pub approximate: bool,
    /// The year was not written and was taken from the plan's year.
    pub year_implied: bool,
    /// The rhythm of a recurring duty.
    pub period: Option<Period>,
    /// For recurring duties: the due day within each period as written ("15/12", "20").
    pub due_in_period: Option<String>,
    /// For dependent duties: what it waits for (the phrase itself).
    pub depends_on: Option<String>,
    /// Why the phrase is unknown.
    pub problem: Option<DeadlineProblem>,
    /// The first word the grammar did not understand.
    pub unrecognised: Option<String>,
}

impl Deadline {
    fn new(text: &str, kind: DeadlineKind) -> Deadline {
        Deadline {
            text: text.trim().to_string(),
            kind,
            start: None,
            end: None,
            approximate: false,
            year_implied: false,
            period: None,
            due_in_period: None,
            depends_on: None,
            problem: None,
            unrecognised: None,
        }
    }

    fn unknown(text: &str, problem: DeadlineProblem, word: Option<String>) -> Deadline {
        let mut d = Deadline::new(text, DeadlineKind::Unknown);
        d.problem = Some(problem);
        d.unrecognised = word;
        d
    }
}

/// Parses a deadline phrase. `plan_year` supplies the year when the phrase omits it ("Quý I").
pub fn parse_deadline(text: &str, plan_year: Option<i32>) -> Deadline {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Deadline::unknown(text, DeadlineProblem::Empty, None);
    }
    if trimmed.len() > MAX_PHRASE_BYTES {
        return Deadline::unknown("", DeadlineProblem::TooLong, None);
    }
    let toks = lex(trimmed);
    if is_dependent(&toks) {
        let mut d = Deadline::new(trimmed, DeadlineKind::Dependent);
        d.depends_on = Some(trimmed.to_string());
        d.period = recurring_period(&toks);
        return d;
    }
    if let Some(period) = recurring_period(&toks) {
        return recurring(trimmed, &toks, period);
    }
    range(trimmed, &toks, plan_year)
}

// ---------------------------------------------------------------------------------------------
// Dependent and recurring phrases

const DEPENDENT_ANYWHERE: &[&str] = &[
    "sau khi",
    "khi có yêu cầu",
    "khi có",
    "khi phát sinh",
    "đột xuất",
    "theo kế hoạch",
    "theo lộ trình",
    "theo chỉ đạo",
    "theo hướng dẫn",
    "theo yêu cầu",
    "theo tiến độ",
    "theo quy định",
    "theo thông báo",
];

fn is_dependent(toks: &[Token]) -> bool {
    (0..toks.len()).any(|i| DEPENDENT_ANYWHERE.iter().any(|p| words_at(toks, i, p)))
}

fn recurring_period(toks: &[Token]) -> Option<Period> {
    let unit = |i: usize| -> Option<Period> {
        let t = toks.get(i)?;
        [
            ("năm", Period::Yearly),
            ("quý", Period::Quarterly),
            ("tháng", Period::Monthly),
            ("tuần", Period::Weekly),
            ("ngày", Period::Daily),
        ]
        .iter()
        .find(|(k, _)| t.is_kw(k))
        .map(|&(_, p)| p)
    };
    for (i, t) in toks.iter().enumerate() {
        if words_at(toks, i, "thường xuyên") || words_at(toks, i, "liên tục") {
            return Some(Period::Continuous);
        }
        if t.is_kw("hằng") || t.is_kw("hàng") || t.is_kw("mỗi") {
            if let Some(p) = unit(i + 1) {
                return Some(p);
            }
        }
        if words_at(toks, i, "định kỳ") {
            let rhythm = unit(i + 2).or_else(|| {
                let hang = toks
                    .get(i + 2)
                    .is_some_and(|t| t.is_kw("hằng") || t.is_kw("hàng"));
                if hang {
                    unit(i + 3)
                } else {
                    None
                }
            });
            return Some(rhythm.unwrap_or(Period::Periodic));
        }
    }
    None
}

fn recurring(text: &str, toks: &[Token], period: Period) -> Deadline {
    let mut d = Deadline::new(text, DeadlineKind::Recurring);
    d.period = Some(period);
    if let Some(y) = toks.iter().find_map(year_of) {
        d.start = Date::year_start(y);
        d.end = Date::year_end(y);
    }
    d.due_in_period = due_in_period(text, toks);
    d
}

/// "trước ngày 15/12", "trước ngày 20" inside a recurring phrase, as written.
fn due_in_period(text: &str, toks: &[Token]) -> Option<String> {
    let i = toks.iter().position(|t| t.is_kw("trước"))?;
    let first = if toks.get(i + 1).is_some_and(|t| t.is_kw("ngày")) {
        i + 2
    } else {
        i + 1
    };
    let mut last = first;
    toks.get(first)?.num()?;
    while toks.get(last + 1).is_some_and(|t| t.is_sym('/'))
        && toks.get(last + 2).is_some_and(|t| t.num().is_some())
    {
        last += 2;
    }
    let (s, e) = (toks.get(first)?.start, toks.get(last)?.end);
    text.get(s..e).map(str::to_string)
}

/// A plausible four-digit year token.
fn year_of(t: &Token) -> Option<i32> {
    let n = t.num()?;
    let y = i32::try_from(n.int?).ok()?;
    (n.digits == 4 && (1900..=2199).contains(&y)).then_some(y)
}

// ---------------------------------------------------------------------------------------------
// Ranges

#[derive(Clone, Copy, Debug, PartialEq)]
enum Spec {
    Quarter(u8),
    Month(u8),
    Year,
    Years(i32),
    FirstMonths(u8),
    LastMonths(u8),
    DueDay(u8, u8),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fuzzy {
    Early,
    Middle,
    Late,
}

#[derive(Clone, Copy, Debug)]
struct Item {
    spec: Spec,
    year: Option<i32>,
    fuzzy: Option<Fuzzy>,
}

enum Step {
    Items(Vec<Item>, usize),
    Skip(usize),
    Fail(DeadlineProblem, Option<String>),
}

const FILLERS: &[&str] = &[
    "trong", "hoàn", "thành", "thực", "hiện", "thời", "gian", "hạn", "chót", "từ", "đến", "và",
    "hoặc", "là", "của", "vào", "cả", "kể", "dự", "kiến", "xong", "ngày", "phấn", "đấu",
];

fn range(text: &str, toks: &[Token], plan_year: Option<i32>) -> Deadline {
    let mut items: Vec<Item> = Vec::new();
    let mut fuzzy: Option<Fuzzy> = None;
    let mut i = 0;
    while i < toks.len() {
        match step(toks, i, fuzzy) {
            Step::Items(mut found, next) => {
                fuzzy = None;
                items.append(&mut found);
                i = next;
            }
            Step::Skip(next) => {
                fuzzy = fuzzy_at(toks, i).or(fuzzy);
                i = next;
            }
            Step::Fail(p, w) => return Deadline::unknown(text, p, w),
        }
    }
    if items.is_empty() {
        let word = toks
            .first()
            .and_then(|t| text.get(t.start..t.end))
            .map(str::to_string);
        return Deadline::unknown(text, DeadlineProblem::Unrecognised, word);
    }
    resolve(text, items, plan_year)
}

fn fuzzy_at(toks: &[Token], i: usize) -> Option<Fuzzy> {
    let t = toks.get(i)?;
    if t.is_kw("đầu") {
        Some(Fuzzy::Early)
    } else if t.is_kw("giữa") {
        Some(Fuzzy::Middle)
    } else if t.is_kw("cuối") {
        Some(Fuzzy::Late)
    } else {
        None
    }
}

fn step(toks: &[Token], i: usize, fuzzy: Option<Fuzzy>) -> Step {
    let Some(t) = toks.get(i) else {
        return Step::Skip(i + 1);
    };
    if let Some(s) = due_date(toks, i) {
        return s;
    }
    if words_at(toks, i, "giai đoạn") {
        return years_span(toks, i + 2).unwrap_or(Step::Fail(
            DeadlineProblem::Unrecognised,
            Some("giai đoạn".into()),
        ));
    }
    if t.is_kw("quý") || t.is_kw("q") {
        if let Some(s) = list(toks, i + 1, fuzzy, quarter_value, Spec::Quarter) {
            return s;
        }
    }
    if t.is_kw("tháng") || t.is_kw("t") {
        if let Some(s) = list(toks, i + 1, fuzzy, month_value, Spec::Month) {
            return s;
        }
    }
    if t.is_kw("năm") {
        return match toks.get(i + 1).and_then(year_of) {
            Some(y) => one(Spec::Year, Some(y), fuzzy, i + 2),
            None => one(Spec::Year, None, fuzzy, i + 1),
        };
    }
    if let Some(s) = months_of_year(toks, i) {
        return s;
    }
    if year_of(t).is_some() {
        return years_span(toks, i).unwrap_or(Step::Skip(i + 1));
    }
    if t.num().is_some() {
        if let Some(s) = bare_date(toks, i) {
            return s;
        }
    }
    if let Some(w) = t.word() {
        if FILLERS.iter().any(|f| t.is_kw(f)) || fuzzy_at(toks, i).is_some() {
            return Step::Skip(i + 1);
        }
        return Step::Fail(DeadlineProblem::Unrecognised, Some(w.to_string()));
    }
    if matches!(
        t.tok,
        super::lex::Tok::Sym(',' | '-' | '(' | ')' | ':' | '.' | ';' | '/' | '*')
    ) {
        return Step::Skip(i + 1);
    }
    Step::Fail(DeadlineProblem::Unrecognised, None)
}

fn quarter_value(t: &Token) -> Option<u8> {
    if let Some(q) = t.word().and_then(roman_quarter) {
        return Some(q);
    }
    let n = t.num()?.int?;
    u8::try_from(n).ok().filter(|q| (1..=4).contains(q))
}

fn month_value(t: &Token) -> Option<u8> {
    let n = t.num()?.int?;
    u8::try_from(n).ok().filter(|m| (1..=12).contains(m))
}

/// `VALUE (("," | "-" | "và" | KEYWORD) VALUE)* [("/" | "năm") YEAR]` after "Quý"/"Tháng".
fn list(
    toks: &[Token],
    mut i: usize,
    fuzzy: Option<Fuzzy>,
    value: fn(&Token) -> Option<u8>,
    make: fn(u8) -> Spec,
) -> Option<Step> {
    let mut values = vec![value(toks.get(i)?)?];
    i += 1;
    loop {
        let sep = toks
            .get(i)
            .is_some_and(|t| t.is_sym(',') || t.is_sym('-') || t.is_kw("và") || t.is_kw("đến"));
        let Some(next) = toks.get(i + 1).filter(|_| sep) else {
            break;
        };
        let repeated = next.is_kw("quý") || next.is_kw("tháng");
        let cand = if repeated {
            toks.get(i + 2)
        } else {
            Some(next)
        };
        let Some(v) = cand.and_then(value) else { break };
        let range_sep = toks.get(i).is_some_and(|t| t.is_sym('-') || t.is_kw("đến"));
        let last = values.last().copied().unwrap_or(v);
        if range_sep && v > last {
            values.extend(last + 1..=v);
        } else {
            values.push(v);
        }
        i += if repeated { 3 } else { 2 };
    }
    let (year, next) = trailing_year(toks, i);
    // A plain loop: smaller wasm than `map().collect()`.
    let mut items = Vec::new();
    for v in values {
        items.push(Item {
            spec: make(v),
            year,
            fuzzy,
        });
    }
    Some(Step::Items(items, next))
}

/// One item then `next`. One shared body (not inlined) for the grammar's single-item steps:
/// smaller wasm than a `vec!` at each site.
#[inline(never)]
fn one(spec: Spec, year: Option<i32>, fuzzy: Option<Fuzzy>, next: usize) -> Step {
    Step::Items(vec![Item { spec, year, fuzzy }], next)
}

/// `"/" YEAR` or `"năm" YEAR` at `i`.
fn trailing_year(toks: &[Token], i: usize) -> (Option<i32>, usize) {
    let joiner = toks.get(i).is_some_and(|t| t.is_sym('/') || t.is_kw("năm"));
    match toks.get(i + 1).and_then(year_of) {
        Some(y) if joiner => (Some(y), i + 2),
        _ => (None, i),
    }
}

/// "6 tháng đầu năm [2025]", "06 tháng cuối năm", "9 tháng".
fn months_of_year(toks: &[Token], i: usize) -> Option<Step> {
    let n = toks.get(i)?.num()?.int?;
    if !toks.get(i + 1)?.is_kw("tháng") || !(n == 3 || n == 6 || n == 9) {
        return None;
    }
    let n = n as u8;
    let mut j = i + 2;
    let spec = if toks.get(j).is_some_and(|t| t.is_kw("cuối")) {
        j += 1;
        if n == 9 {
            return Some(Step::Fail(
                DeadlineProblem::Unrecognised,
                Some("9 tháng cuối".into()),
            ));
        }
        Spec::LastMonths(n)
    } else {
        if toks.get(j).is_some_and(|t| t.is_kw("đầu")) {
            j += 1;
        }
        Spec::FirstMonths(n)
    };
    let mut year = None;
    if toks.get(j).is_some_and(|t| t.is_kw("năm")) {
        j += 1;
        if let Some(y) = toks.get(j).and_then(year_of) {
            year = Some(y);
            j += 1;
        } else if toks.get(j).is_some_and(|t| t.is_sym('('))
            && toks.get(j + 2).is_some_and(|t| t.is_sym(')'))
        {
            // "6 tháng đầu năm (2025)"
            if let Some(y) = toks.get(j + 1).and_then(year_of) {
                year = Some(y);
                j += 3;
            }
        }
    }
    if year.is_none() {
        if let (Some(y), next) = trailing_year(toks, j) {
            year = Some(y);
            j = next;
        }
    }
    Some(one(spec, year, None, j))
}

/// `YEAR` or `YEAR - YEAR` at `i`.
fn years_span(toks: &[Token], i: usize) -> Option<Step> {
    let y1 = toks.get(i).and_then(year_of)?;
    let dash = toks
        .get(i + 1)
        .is_some_and(|t| t.is_sym('-') || t.is_kw("đến"));
    if let Some(y2) = toks.get(i + 2).and_then(year_of).filter(|_| dash) {
        if y2 < y1 {
            return Some(Step::Fail(DeadlineProblem::InvalidDate, None));
        }
        return Some(one(Spec::Years(y2), Some(y1), None, i + 3));
    }
    Some(one(Spec::Year, Some(y1), None, i + 1))
}

/// "trước [ngày] D/M[/Y]", "chậm nhất [là] [ngày] D/M[/Y]", "hạn [chót] D/M[/Y]".
fn due_date(toks: &[Token], i: usize) -> Option<Step> {
    let lead = ["trước", "chậm nhất", "hạn chót", "hạn"]
        .into_iter()
        .find(|p| words_at(toks, i, p))?;
    let mut j = i + word_count(lead);
    while toks
        .get(j)
        .is_some_and(|t| t.is_kw("ngày") || t.is_kw("là"))
    {
        j += 1;
    }
    toks.get(j).and_then(|t| t.num())?;
    bare_date(toks, j)
}

/// "D/M[/Y]" as a due day (start open).
fn bare_date(toks: &[Token], i: usize) -> Option<Step> {
    let d = toks.get(i)?.num()?.int?;
    if !toks.get(i + 1)?.is_sym('/') {
        return None;
    }
    let m = toks.get(i + 2)?.num()?.int?;
    let (day, month) = (u8::try_from(d).ok()?, u8::try_from(m).ok()?);
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return Some(Step::Fail(DeadlineProblem::InvalidDate, None));
    }
    let (year, next) = trailing_year(toks, i + 3);
    Some(one(Spec::DueDay(day, month), year, None, next))
}

/// Fills missing years (from the next item that has one, else the plan year) and takes the hull.
fn resolve(text: &str, mut items: Vec<Item>, plan_year: Option<i32>) -> Deadline {
    let mut implied = false;
    let mut later_year = None;
    for item in items.iter_mut().rev() {
        match item.year {
            Some(y) => later_year = Some(y),
            None => item.year = later_year,
        }
    }
    let mut out = Deadline::new(text, DeadlineKind::Range);
    let mut open_start = false;
    for item in &items {
        let year = match item.year.or(plan_year) {
            Some(y) => y,
            None => return Deadline::unknown(text, DeadlineProblem::MissingYear, None),
        };
        implied |= item.year.is_none();
        let Some((start, end)) = window(item.spec, year, item.fuzzy) else {
            return Deadline::unknown(text, DeadlineProblem::InvalidDate, None);
        };
        open_start |= start.is_none();
        out.approximate |= item.fuzzy.is_some();
        out.start = min_opt(out.start, start);
        out.end = Some(out.end.map_or(end, |e| e.max(end)));
    }
    if open_start {
        out.start = None;
    }
    out.year_implied = implied;
    out
}

fn min_opt(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn window(spec: Spec, year: i32, fuzzy: Option<Fuzzy>) -> Option<(Option<Date>, Date)> {
    let (s, e) = match spec {
        Spec::Quarter(q) => {
            let first = q * 3 - 2;
            match fuzzy {
                Some(Fuzzy::Early) => (
                    Date::month_start(year, first)?,
                    Date::month_end(year, first)?,
                ),
                Some(Fuzzy::Middle) => (
                    Date::month_start(year, first + 1)?,
                    Date::month_end(year, first + 1)?,
                ),
                Some(Fuzzy::Late) => (
                    Date::month_start(year, first + 2)?,
                    Date::quarter_end(year, q)?,
                ),
                None => (Date::quarter_start(year, q)?, Date::quarter_end(year, q)?),
            }
        }
        Spec::Month(m) => match fuzzy {
            Some(Fuzzy::Early) => (Date::month_start(year, m)?, Date::new(year, m, 10)?),
            Some(Fuzzy::Middle) => (Date::new(year, m, 11)?, Date::new(year, m, 20)?),
            Some(Fuzzy::Late) => (Date::new(year, m, 21)?, Date::month_end(year, m)?),
            None => (Date::month_start(year, m)?, Date::month_end(year, m)?),
        },
        Spec::Year => match fuzzy {
            Some(Fuzzy::Early) => (Date::year_start(year)?, Date::quarter_end(year, 1)?),
            Some(Fuzzy::Middle) => (Date::month_start(year, 6)?, Date::month_end(year, 7)?),
            Some(Fuzzy::Late) => (Date::quarter_start(year, 4)?, Date::year_end(year)?),
            None => (Date::year_start(year)?, Date::year_end(year)?),
        },
        Spec::Years(last) => (Date::year_start(year)?, Date::year_end(last)?),
        Spec::FirstMonths(n) => (Date::year_start(year)?, Date::month_end(year, n)?),
        Spec::LastMonths(n) => (Date::month_start(year, 13 - n)?, Date::year_end(year)?),
        Spec::DueDay(d, m) => return Some((None, Date::new(year, m, d)?)),
    };
    Some((Some(s), e))
}

// ---------------------------------------------------------------------------------------------
// State as of a date

/// Where a deadline stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// The window has not opened yet.
    NotStarted,
    /// Inside the window (or before an open-start due date).
    InWindow,
    /// After the due date.
    PastDue,
    /// A recurring duty in its period.
    Ongoing,
    /// A recurring duty whose stated year is over.
    Ended,
    /// Waiting on another body.
    Waiting,
    /// The phrase is unknown.
    Unknown,
}

impl DeadlineState {
    /// Label for users.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::NotStarted => msg!("Chưa đến kỳ", "Not started"),
            Self::InWindow => msg!("Đang trong thời hạn", "In its window"),
            Self::PastDue => msg!("Đã quá hạn", "Past due"),
            Self::Ongoing => msg!("Thường xuyên", "Ongoing"),
            Self::Ended => msg!("Đã hết kỳ", "Period ended"),
            Self::Waiting => msg!("Chờ cơ quan khác", "Waiting on another body"),
            Self::Unknown => msg!("Chưa xác định thời hạn", "Deadline not determined"),
        })
    }
}

/// A deadline's state on a day, with day counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DeadlineStatus {
    /// The state.
    pub state: DeadlineState,
    /// Days until the window opens (not started).
    pub days_to_start: Option<i64>,
    /// Days left until the due date, inclusive of today being 0 (in window).
    pub days_left: Option<i64>,
    /// Days past the due date (past due).
    pub days_overdue: Option<i64>,
}

impl Deadline {
    /// The state of this deadline on `as_of`.
    pub fn state_at(&self, as_of: Date) -> DeadlineStatus {
        let mut st = DeadlineStatus {
            state: DeadlineState::Unknown,
            days_to_start: None,
            days_left: None,
            days_overdue: None,
        };
        st.state = match self.kind {
            DeadlineKind::Unknown => DeadlineState::Unknown,
            DeadlineKind::Dependent => DeadlineState::Waiting,
            DeadlineKind::Recurring => match (self.start, self.end) {
                (Some(s), _) if as_of < s => DeadlineState::NotStarted,
                (_, Some(e)) if as_of > e => DeadlineState::Ended,
                _ => DeadlineState::Ongoing,
            },
            DeadlineKind::Range => match (self.start, self.end) {
                (Some(s), _) if as_of < s => {
                    st.days_to_start = Some(as_of.days_until(s));
                    DeadlineState::NotStarted
                }
                (_, Some(e)) if as_of > e => {
                    st.days_overdue = Some(e.days_until(as_of));
                    DeadlineState::PastDue
                }
                (_, Some(e)) => {
                    st.days_left = Some(as_of.days_until(e));
                    DeadlineState::InWindow
                }
                (_, None) => DeadlineState::Unknown,
            },
        };
        st
    }
}

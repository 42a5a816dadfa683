//! Target phrases of Vietnamese plans → comparable targets.
//!
//! Plans write targets as prose: "tăng từ 05 bậc trở lên so với năm 2023, xếp vị thứ 20/63",
//! "đạt khoảng 69,5 điểm", "duy trì trong TOP 20", "cấp tỉnh 100%, cấp huyện 100%, cấp xã 95%",
//! "giảm 28 biên chế". The tracker needs a comparator, a value, a unit and, for ranks, the number
//! of provinces ranked. This module finds every measurable mention in a phrase and reads the
//! comparator next to it, following the plans' conventions ("đạt X%" and a bare "100% …" mean at
//! least X; "xếp thứ 20/63" and "TOP 20" mean rank 20 or better; "ít nhất từ 02 đến 03" is a range).
//! Text inside parentheses is a qualifier and is ignored. Counts need an explicit comparator, and
//! anything else is reported as unknown rather than guessed.

use serde::Serialize;

use super::lex::{lex, word_count, words_at, Tok, Token, MAX_PHRASE_BYTES};
use crate::i18n::Lang;

/// What a target asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// ≥ value ("đạt", "tối thiểu", "ít nhất", "từ … trở lên", a bare "100% …").
    AtLeast,
    /// > value ("trên", read strictly; see the warning).
    MoreThan,
    /// ≤ value ("tối đa", "không quá").
    AtMost,
    /// < value ("dưới").
    LessThan,
    /// = value ("bằng").
    Exactly,
    /// value ≤ x ≤ max ("từ 02 đến 03").
    Between,
    /// ≈ value ("khoảng").
    Approximately,
    /// rank ≤ value, of `rank_of` provinces ("xếp thứ 20/63", "TOP 20").
    RankAtMost,
    /// rank improves by ≥ value places ("tăng từ 05 bậc trở lên").
    RankUpByAtLeast,
    /// a reduction of ≥ value ("giảm 28 biên chế", "giảm tối thiểu 2,5%").
    ReduceByAtLeast,
    /// in the named rating band or better ("thuộc nhóm khá").
    InBand,
    /// several targets in one phrase; see `parts`.
    Multi,
    /// nothing measurable understood.
    Unknown,
}

/// The unit of a target value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Percent.
    Percent,
    /// Points of an index scale ("điểm").
    Points,
    /// Places in a ranking.
    Rank,
    /// A count of something named by `noun`.
    Count,
    /// A rating band.
    Band,
}

/// Notes on how a phrase was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetWarning {
    /// "trên" was read as "more than"; some plans mean "at least".
    TrenReadAsMoreThan,
    /// A bare value was read as "at least" by plan convention.
    BareValueReadAsAtLeast,
    /// A rank without "/N": the number of provinces ranked is not stated.
    RankWithoutDenominator,
    /// A percentage above 100.
    PercentOver100,
}

impl TargetWarning {
    /// The message for users.
    pub fn message(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::TrenReadAsMoreThan => msg!(
                "\"trên\" được hiểu là lớn hơn",
                "\"trên\" read as more than"
            ),
            Self::BareValueReadAsAtLeast => msg!(
                "Giá trị không kèm so sánh được hiểu là tối thiểu",
                "A bare value is read as at least"
            ),
            Self::RankWithoutDenominator => msg!(
                "Thứ hạng không ghi tổng số tỉnh",
                "Rank without the number of provinces ranked"
            ),
            Self::PercentOver100 => msg!("Tỷ lệ vượt 100%", "Percentage above 100"),
        })
    }
}

/// Why a phrase is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetProblem {
    /// Nothing written.
    Empty,
    /// Longer than the parser reads.
    TooLong,
    /// No measurable value with a comparator found.
    NoMeasurableValue,
}

impl TargetProblem {
    /// The message for users.
    pub fn message(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::Empty => msg!("Chưa ghi chỉ tiêu", "No target given"),
            Self::TooLong => msg!("Cụm chỉ tiêu quá dài", "Target phrase too long"),
            Self::NoMeasurableValue => msg!(
                "Không tìm thấy giá trị đo được kèm phép so sánh",
                "No measurable value with a comparator found"
            ),
        })
    }
}

/// One measurable target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetPart {
    /// What it asks for.
    pub kind: TargetKind,
    /// The value (lower bound for `between`).
    pub value: Option<f64>,
    /// Upper bound for `between`.
    pub max: Option<f64>,
    /// The unit.
    pub unit: Option<Unit>,
    /// For counts: the noun as written ("biên chế", "sáng kiến").
    pub noun: Option<String>,
    /// For ranks: number of provinces ranked ("20/63" → 63).
    pub rank_of: Option<u32>,
    /// For bands: the band as written ("khá").
    pub band: Option<String>,
    /// A short label before the value ("cấp tỉnh").
    pub label: Option<String>,
    /// "so với năm 2023" → 2023.
    pub baseline_year: Option<i32>,
    /// "so với năm trước": the baseline is the previous year.
    pub baseline_previous_year: bool,
    /// The words of the phrase this part was read from.
    pub text: String,
    /// How it was read.
    pub warnings: Vec<TargetWarning>,
}

/// A parsed target phrase: one part (its fields repeated at the top) or several (`multi`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    /// The phrase as written.
    pub text: String,
    /// What it asks for (`multi` for several parts, `unknown` if none).
    pub kind: TargetKind,
    /// Value of the single part.
    pub value: Option<f64>,
    /// Upper bound of the single part.
    pub max: Option<f64>,
    /// Unit of the single part.
    pub unit: Option<Unit>,
    /// Noun of the single part.
    pub noun: Option<String>,
    /// Rank denominator of the single part.
    pub rank_of: Option<u32>,
    /// Every part, in the order written.
    pub parts: Vec<TargetPart>,
    /// Why the phrase is unknown.
    pub problem: Option<TargetProblem>,
}

impl Target {
    fn from_parts(text: &str, parts: Vec<TargetPart>) -> Target {
        let mut t = Target {
            text: text.trim().to_string(),
            kind: TargetKind::Unknown,
            value: None,
            max: None,
            unit: None,
            noun: None,
            rank_of: None,
            parts,
            problem: None,
        };
        match t.parts.as_slice() {
            [] => t.problem = Some(TargetProblem::NoMeasurableValue),
            [one] => {
                t.kind = one.kind;
                t.value = one.value;
                t.max = one.max;
                t.unit = one.unit;
                t.noun = one.noun.clone();
                t.rank_of = one.rank_of;
            }
            _ => t.kind = TargetKind::Multi,
        }
        t
    }
}

/// Parses a target phrase.
pub fn parse_target(text: &str) -> Target {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.len() > MAX_PHRASE_BYTES {
        let mut t = Target::from_parts("", Vec::new());
        t.problem = Some(if trimmed.is_empty() {
            TargetProblem::Empty
        } else {
            TargetProblem::TooLong
        });
        return t;
    }
    let toks = visible_tokens(lex(trimmed));
    let mut parts: Vec<TargetPart> = Vec::new();
    let mut prev_end = 0usize;
    let mut i = 0;
    while i < toks.len() {
        match mention(trimmed, &toks, i, prev_end, parts.last()) {
            Some((part, next)) => {
                parts.push(part);
                prev_end = next;
                i = next;
            }
            None => i += 1,
        }
    }
    apply_baseline(&toks, &mut parts);
    Target::from_parts(trimmed, parts)
}

/// Drops tokens inside parentheses: qualifiers such as "(44 trường)" or "(không bao gồm … 5% …)".
fn visible_tokens(toks: Vec<Token>) -> Vec<Token> {
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        if t.is_sym('(') {
            depth += 1;
        } else if t.is_sym(')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            out.push(t);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Mentions

#[derive(Clone, Copy, Debug, PartialEq)]
enum Cmp {
    AtLeast,
    Reach,
    MoreThan,
    AtMost,
    LessThan,
    Exactly,
    About,
    Reduce,
    Increase,
}

const COMPARATORS: &[(&str, Cmp)] = &[
    ("tối thiểu", Cmp::AtLeast),
    ("ít nhất", Cmp::AtLeast),
    ("không thấp hơn", Cmp::AtLeast),
    ("không dưới", Cmp::AtLeast),
    ("không quá", Cmp::AtMost),
    ("không vượt quá", Cmp::AtMost),
    ("tối đa", Cmp::AtMost),
    ("cắt giảm", Cmp::Reduce),
    ("giảm", Cmp::Reduce),
    ("tăng", Cmp::Increase),
    ("khoảng", Cmp::About),
    ("xấp xỉ", Cmp::About),
    ("trên", Cmp::MoreThan),
    ("hơn", Cmp::MoreThan),
    ("dưới", Cmp::LessThan),
    ("bằng", Cmp::Exactly),
    ("đạt", Cmp::Reach),
];

const NOT_COUNT_NOUNS: &[&str] = &["tuổi", "năm", "tháng", "ngày", "giờ", "tuần", "quý", "phút"];
const COMPOUND_NOUNS: &[&str] = &[
    "sáng kiến",
    "biên chế",
    "đơn vị",
    "hồ sơ",
    "thủ tục",
    "cơ quan",
    "văn bản",
    "cán bộ",
    "công chức",
    "viên chức",
    "doanh nghiệp",
    "hội nghị",
    "giải pháp",
    "mô hình",
    "lớp học",
    "đoàn kiểm",
];
const BANDS: &[&str] = &[
    "rất tốt",
    "tương đối thấp",
    "trung bình",
    "tốt",
    "khá",
    "thấp",
    "a",
    "b",
];
const LABEL_STOP: &[&str] = &[
    "đạt", "là", "và", "có", "được", "tương", "ứng", "trong", "từ", "phấn", "đấu",
];

struct Found {
    kind: TargetKind,
    value: Option<f64>,
    max: Option<f64>,
    unit: Unit,
    noun: Option<String>,
    rank_of: Option<u32>,
    band: Option<String>,
    warnings: Vec<TargetWarning>,
    first: usize,
    next: usize,
}

fn span(text: &str, toks: &[Token], first: usize, last: usize) -> String {
    match (toks.get(first), toks.get(last)) {
        (Some(a), Some(b)) if a.start <= b.end => {
            text.get(a.start..b.end).unwrap_or("").to_string()
        }
        _ => String::new(),
    }
}

fn finite(t: Option<&Token>) -> Option<f64> {
    t?.num().map(|n| n.value).filter(|v| v.is_finite())
}

fn is_year(t: Option<&Token>) -> bool {
    t.and_then(Token::num)
        .is_some_and(|n| n.digits == 4 && n.int.is_some_and(|y| (1900..=2199).contains(&y)))
}

/// A measurable mention starting at token `i`, with the comparator read from before it.
fn mention(
    text: &str,
    toks: &[Token],
    i: usize,
    floor: usize,
    prev: Option<&TargetPart>,
) -> Option<(TargetPart, usize)> {
    let found = rank_phrase(text, toks, i)
        .or_else(|| band_phrase(text, toks, i))
        .or_else(|| value_phrase(text, toks, i, floor, prev))?;
    let label = label_before(text, toks, found.first, floor);
    let part = TargetPart {
        kind: found.kind,
        value: found.value,
        max: found.max,
        unit: Some(found.unit),
        noun: found.noun,
        rank_of: found.rank_of,
        band: found.band,
        label,
        baseline_year: None,
        baseline_previous_year: false,
        text: span(text, toks, found.first, found.next.saturating_sub(1)),
        warnings: found.warnings,
    };
    Some((part, found.next))
}

/// "xếp (vị) thứ N[/M]", "vị thứ N", "TOP N".
fn rank_phrase(text: &str, toks: &[Token], i: usize) -> Option<Found> {
    let t = toks.get(i)?;
    let (first, num_at) = if t.is_kw("top") {
        (i, i + 1)
    } else if t.is_kw("thứ")
        && i > 0
        && toks
            .get(i - 1)
            .is_some_and(|p| p.is_kw("xếp") || p.is_kw("vị"))
    {
        let first = if i > 1 && toks.get(i - 2).is_some_and(|p| p.is_kw("xếp")) {
            i - 2
        } else {
            i - 1
        };
        (first, i + 1)
    } else {
        return None;
    };
    let rank = toks.get(num_at)?.num()?.int.filter(|&n| n > 0)?;
    let mut f = Found {
        kind: TargetKind::RankAtMost,
        value: Some(f64::from(rank)),
        max: None,
        unit: Unit::Rank,
        noun: None,
        rank_of: None,
        band: None,
        warnings: Vec::new(),
        first,
        next: num_at + 1,
    };
    if toks.get(num_at + 1).is_some_and(|t| t.is_sym('/')) {
        if let Some(of) = toks
            .get(num_at + 2)
            .and_then(|t| t.num())
            .and_then(|n| n.int)
            .filter(|&n| n >= rank)
        {
            f.rank_of = Some(of);
            f.next = num_at + 3;
        }
    }
    if f.rank_of.is_none() {
        f.warnings.push(TargetWarning::RankWithoutDenominator);
    }
    let _ = text;
    Some(f)
}

/// "nhóm khá", "nhóm Rất tốt", "nhóm A".
fn band_phrase(text: &str, toks: &[Token], i: usize) -> Option<Found> {
    if !toks.get(i)?.is_kw("nhóm") {
        return None;
    }
    let band = BANDS.iter().find(|b| words_at(toks, i + 1, b))?;
    let n = word_count(band);
    let next = i + 1 + n;
    Some(Found {
        kind: TargetKind::InBand,
        value: None,
        max: None,
        unit: Unit::Band,
        noun: None,
        rank_of: None,
        band: Some(span(text, toks, i + 1, next - 1)),
        warnings: Vec::new(),
        first: i,
        next,
    })
}

/// A number with a unit ("95%", "69,5 điểm", "05 bậc", "28 biên chế"), or "từ A đến B <unit>".
fn value_phrase(
    text: &str,
    toks: &[Token],
    i: usize,
    floor: usize,
    prev: Option<&TargetPart>,
) -> Option<Found> {
    let value = finite(toks.get(i))?;
    if is_year(toks.get(i))
        || toks
            .get(i + 1)
            .is_some_and(|t| t.is_sym('/') || t.is_sym(':'))
    {
        return None;
    }
    let mut j = i + 1;
    let mut max = None;
    let between = i > 0
        && toks.get(i - 1).is_some_and(|t| t.is_kw("từ"))
        && toks.get(j).is_some_and(|t| t.is_kw("đến"));
    if between {
        max = Some(finite(toks.get(j + 1))?);
        j += 2;
    }
    let (unit, noun, after_unit) = unit_at(text, toks, j)?;
    let (cmp, cmp_at) = comparator_before(toks, if between { i - 1 } else { i }, floor);
    let mut warnings = Vec::new();
    let trailing = words_at(toks, after_unit, "trở lên");
    let next = if trailing { after_unit + 2 } else { after_unit };
    let kind = match (unit, cmp) {
        (Unit::Rank, Some(Cmp::Increase)) => TargetKind::RankUpByAtLeast,
        (Unit::Rank, _) => return None,
        (_, Some(Cmp::Increase)) => return None,
        (_, Some(Cmp::Reduce)) => TargetKind::ReduceByAtLeast,
        _ if max.is_some() => TargetKind::Between,
        _ if trailing => TargetKind::AtLeast,
        (_, Some(c)) => kind_of(c, &mut warnings),
        (Unit::Count, None) => return None,
        (_, None) => inherited(prev, toks, i, floor).unwrap_or_else(|| {
            warnings.push(TargetWarning::BareValueReadAsAtLeast);
            TargetKind::AtLeast
        }),
    };
    if unit == Unit::Percent && (value > 100.0 || max.is_some_and(|m| m > 100.0)) {
        warnings.push(TargetWarning::PercentOver100);
    }
    let first = cmp_at.unwrap_or(if between { i - 1 } else { i });
    Some(Found {
        kind,
        value: Some(value),
        max,
        unit,
        noun,
        rank_of: None,
        band: None,
        warnings,
        first,
        next,
    })
}

fn kind_of(c: Cmp, warnings: &mut Vec<TargetWarning>) -> TargetKind {
    match c {
        Cmp::AtLeast | Cmp::Reach => TargetKind::AtLeast,
        Cmp::MoreThan => {
            warnings.push(TargetWarning::TrenReadAsMoreThan);
            TargetKind::MoreThan
        }
        Cmp::AtMost => TargetKind::AtMost,
        Cmp::LessThan => TargetKind::LessThan,
        Cmp::Exactly => TargetKind::Exactly,
        Cmp::About => TargetKind::Approximately,
        Cmp::Reduce => TargetKind::ReduceByAtLeast,
        Cmp::Increase => TargetKind::Unknown,
    }
}

/// "100%, 90%" / "100% … và 70%": a bare value right after a sibling inherits its comparator.
fn inherited(
    prev: Option<&TargetPart>,
    toks: &[Token],
    i: usize,
    floor: usize,
) -> Option<TargetKind> {
    let prev = prev?;
    if floor == 0 || i < floor {
        return None;
    }
    let gap = toks.get(floor..i)?;
    let joined = gap.iter().all(|t| t.word().is_some() || t.is_sym(','));
    let kinds = [
        TargetKind::AtLeast,
        TargetKind::MoreThan,
        TargetKind::AtMost,
        TargetKind::LessThan,
        TargetKind::Approximately,
        TargetKind::ReduceByAtLeast,
    ];
    (joined && gap.len() <= 6 && kinds.contains(&prev.kind) && prev.unit != Some(Unit::Rank))
        .then_some(prev.kind)
}

/// The unit right after a number at `j`: `%`, "điểm", "bậc", or a count noun.
fn unit_at(text: &str, toks: &[Token], j: usize) -> Option<(Unit, Option<String>, usize)> {
    let t = toks.get(j)?;
    if t.is_sym('%') {
        return Some((Unit::Percent, None, j + 1));
    }
    if words_at(toks, j, "phần trăm") {
        return Some((Unit::Percent, None, j + 2));
    }
    if t.is_kw("điểm") {
        return Some((Unit::Points, None, j + 1));
    }
    if t.is_kw("bậc") {
        return Some((Unit::Rank, None, j + 1));
    }
    t.word()?;
    if NOT_COUNT_NOUNS.iter().any(|n| t.is_kw(n)) {
        return None;
    }
    let n = if COMPOUND_NOUNS.iter().any(|c| words_at(toks, j, c)) {
        2
    } else {
        1
    };
    Some((Unit::Count, Some(span(text, toks, j, j + n - 1)), j + n))
}

/// The comparator in the few words before `i` (not crossing a sentence or the previous mention).
/// A reduction or increase anywhere in that window wins over the nearest comparator.
fn comparator_before(toks: &[Token], i: usize, floor: usize) -> (Option<Cmp>, Option<usize>) {
    let lo = i.saturating_sub(8).max(floor);
    let mut nearest: Option<(Cmp, usize)> = None;
    let mut direction: Option<(Cmp, usize)> = None;
    let mut j = i;
    while j > lo {
        j -= 1;
        let Some(t) = toks.get(j) else { break };
        if t.is_sym('.') || t.is_sym(';') {
            break;
        }
        let sym = match t.tok {
            Tok::Sym('≥') => Some(Cmp::AtLeast),
            Tok::Sym('>') => Some(Cmp::MoreThan),
            Tok::Sym('≤') => Some(Cmp::AtMost),
            Tok::Sym('<') => Some(Cmp::LessThan),
            _ => None,
        };
        let word = COMPARATORS
            .iter()
            .find(|(p, _)| words_at(toks, j, p))
            .map(|&(_, c)| c);
        if let Some(c) = sym.or(word) {
            if nearest.is_none() {
                nearest = Some((c, j));
            }
            if matches!(c, Cmp::Reduce | Cmp::Increase) && direction.is_none() {
                direction = Some((c, j));
            }
        }
    }
    let chosen = direction.or(nearest);
    (
        chosen.map(|(c, _)| c),
        chosen.map(|(_, j)| j).filter(|&j| i - j <= 3),
    )
}

/// A short label right before a mention ("cấp tỉnh 100%"), up to four words after a separator.
fn label_before(text: &str, toks: &[Token], first: usize, floor: usize) -> Option<String> {
    let mut j = first;
    while j > floor {
        let Some(t) = toks.get(j - 1) else { break };
        let stop = t.word().is_none()
            || LABEL_STOP.iter().any(|w| t.is_kw(w))
            || COMPARATORS.iter().any(|(p, _)| words_at(toks, j - 1, p));
        if stop {
            break;
        }
        j -= 1;
    }
    let n = first - j;
    let after_sep = j == 0
        || toks
            .get(j - 1)
            .is_some_and(|t| t.is_sym(',') || t.is_sym(':') || t.is_sym(';'));
    ((1..=4).contains(&n) && after_sep).then(|| span(text, toks, j, first - 1))
}

/// "so với năm 2023" → baseline year; "so với năm trước" → previous year. Applies to parts that
/// measure a change (rank improvement, reduction).
fn apply_baseline(toks: &[Token], parts: &mut [TargetPart]) {
    let mut year = None;
    let mut previous = false;
    for i in 0..toks.len() {
        if words_at(toks, i, "so với năm") {
            if let Some(y) = toks
                .get(i + 3)
                .filter(|t| is_year(Some(t)))
                .and_then(|t| t.num())
                .and_then(|n| n.int)
            {
                year = i32::try_from(y).ok();
            } else if words_at(toks, i + 3, "trước") {
                previous = true;
            }
            break;
        }
        if words_at(toks, i, "so với năm trước") {
            previous = true;
        }
    }
    for p in parts.iter_mut().filter(|p| {
        matches!(
            p.kind,
            TargetKind::RankUpByAtLeast | TargetKind::ReduceByAtLeast
        )
    }) {
        p.baseline_year = year;
        p.baseline_previous_year = previous && year.is_none();
    }
}

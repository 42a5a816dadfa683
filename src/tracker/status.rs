//! Where each target and task stands on a given day, with the reason in words.
//!
//! The widget shows citizens and staff a status next to every index target, plan indicator and
//! task, so each status here comes with its reason (Vietnamese or English), and the rules are
//! conservative: a missing result is "no data", never "off track"; a rank measured out of 63
//! provinces is never compared with one out of 34 (the July 2025 merger); a progress ratio is given
//! only where at least two observations make a trend. Progress follows Open SDG: R = observed rate
//! of change ÷ rate required to reach the target by its deadline (here per day, linear, which stays
//! defined when a baseline is 0); R ≥ 0.95 is on track, 0.6 ≤ R < 0.95 at risk, below that off track.

use serde::Serialize;

use super::date::Date;
use super::deadline::{Deadline, DeadlineKind, DeadlineState};
use super::model::{
    Agency, Area, Document, Index, IndexKind, IndexResult, IndexTarget, Indicator, Plan, Report,
    ResultStatus, ScaleUnit, Task, TaskProgress,
};
use super::model::{PROVINCES_BEFORE_2025_07, PROVINCES_FROM_2025_07};
use super::target::{Target, TargetKind, TargetPart, Unit};
use crate::i18n::Lang;
use crate::num::{fixed, shortest, signed};
use crate::text::fold;

/// Status of a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Missed, or the trend will miss it (R < 0.6).
    OffTrack,
    /// The trend is short of what is needed (0.6 ≤ R < 0.95), or a rank is not yet there.
    AtRisk,
    /// Measured on different bases (ranks of 63 vs 34 provinces, PAPI /60 vs /80).
    NotComparable,
    /// No result or not enough to judge.
    NoData,
    /// The trend reaches it (R ≥ 0.95) or it is met before its year closes.
    OnTrack,
    /// Met.
    Achieved,
}

impl Status {
    /// Label for users.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::Achieved => msg!("Đã đạt", "Achieved"),
            Self::OnTrack => msg!("Đúng tiến độ", "On track"),
            Self::AtRisk => msg!("Cần đẩy nhanh", "At risk"),
            Self::OffTrack => msg!("Chậm tiến độ / không đạt", "Off track"),
            Self::NoData => msg!("Chưa có dữ liệu", "No data"),
            Self::NotComparable => msg!("Không so sánh được", "Not comparable"),
        })
    }
}

/// State of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Not completed as of the last report after its due date (days counted to that report).
    Overdue,
    /// Past its due date, and no report since then: unknown, never "overdue".
    NotReported,
    /// Inside its window.
    InWindow,
    /// Its window has not opened.
    NotStarted,
    /// A continuous or periodic duty.
    Recurring,
    /// Waiting on another body.
    Waiting,
    /// The deadline phrase is unknown.
    NoDeadline,
    /// Reported done on time.
    Done,
    /// Reported done after the due date.
    DoneLate,
    /// Cancelled.
    Cancelled,
}

impl TaskState {
    /// Label for users.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Self::Overdue => msg!("Quá hạn", "Overdue"),
            Self::NotReported => msg!("Chưa có báo cáo", "Not reported"),
            Self::InWindow => msg!("Đang thực hiện", "In progress"),
            Self::NotStarted => msg!("Chưa đến kỳ", "Not started"),
            Self::Recurring => msg!("Thường xuyên", "Ongoing"),
            Self::Waiting => msg!("Chờ cơ quan khác", "Waiting on another body"),
            Self::NoDeadline => msg!("Chưa xác định thời hạn", "Deadline not determined"),
            Self::Done => msg!("Hoàn thành", "Done"),
            Self::DoneLate => msg!("Hoàn thành trễ hạn", "Done late"),
            Self::Cancelled => msg!("Đã hủy", "Cancelled"),
        })
    }

    fn order(self) -> u8 {
        match self {
            Self::Overdue => 0,
            Self::NotReported => 1,
            Self::InWindow => 2,
            Self::NotStarted => 3,
            Self::Recurring => 4,
            Self::Waiting => 5,
            Self::NoDeadline => 6,
            Self::DoneLate => 7,
            Self::Done => 8,
            Self::Cancelled => 9,
        }
    }
}

/// The evaluation the widget renders.
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    /// The day evaluated.
    pub as_of: Date,
    /// Language of labels and reasons ("vi" or "en").
    pub lang: &'static str,
    /// One block per agency.
    pub agencies: Vec<AgencyEvaluation>,
}

/// An agency's cards, indicators and tasks.
#[derive(Clone, Debug, Serialize)]
pub struct AgencyEvaluation {
    /// Agency id.
    pub id: String,
    /// Agency name.
    pub name: String,
    /// Province.
    pub province: Option<String>,
    /// One card per index.
    pub cards: Vec<IndexCard>,
    /// Plan indicators.
    pub indicators: Vec<IndicatorEvaluation>,
    /// Tasks, overdue first, then by deadline.
    pub tasks: Vec<TaskEvaluation>,
    /// Counts for the summary line.
    pub counts: Counts,
    /// The latest progress report of the agency's plans, if any.
    pub reported_on: Option<Date>,
    /// That report is older than the plans' reporting period before the day evaluated: the
    /// figures may be out of date (the widget and `cchc tracker` say so).
    pub report_stale: bool,
    /// Progress over the year, one per plan with tasks.
    pub progress: Vec<PlanProgress>,
}

/// A plan's progress over its year, quarter by quarter (docs/chi-tieu-format.md, "Progress over
/// the year").
#[derive(Clone, Debug, Serialize)]
pub struct PlanProgress {
    /// Plan id.
    pub plan_id: String,
    /// Plan title.
    pub title: String,
    /// The plan year.
    pub year: i32,
    /// Q1 up to the quarter of the day evaluated (none before the year starts).
    pub quarters: Vec<QuarterProgress>,
}

/// Where a plan's tasks stood at the end of a quarter (or on the day evaluated, inside the
/// current quarter). Shares are of `tasks`.
#[derive(Clone, Debug, Serialize)]
pub struct QuarterProgress {
    /// 1 to 4.
    pub quarter: u8,
    /// The day counted to: the quarter's last day, or the day evaluated if earlier.
    pub until: Date,
    /// The plan's latest progress report on or before `until`.
    pub report: Option<Date>,
    /// The plan's tasks, without those cancelled as of `until`.
    pub tasks: usize,
    /// Of these, due by `until` (a dated deadline whose end is on or before it).
    pub due: usize,
    /// Reported done by `until`, on or before the deadline's end (or with no end).
    pub done_on_time: usize,
    /// Reported done by `until`, after the deadline's end.
    pub done_late: usize,
    /// Due, and not done according to a report made after the deadline.
    pub overdue: usize,
    /// Due, not reported done, and no report since the deadline: unknown, never overdue.
    pub not_reported: usize,
    /// `due`, `done_on_time`, `done_late`, `overdue`, `not_reported` as shares of `tasks` (0–1).
    pub shares: [f64; 5],
}

impl QuarterProgress {
    /// `tasks`, `due`, `done_on_time`, `done_late`, `overdue`, `not_reported`.
    pub fn counts(&self) -> [usize; 6] {
        [
            self.tasks,
            self.due,
            self.done_on_time,
            self.done_late,
            self.overdue,
            self.not_reported,
        ]
    }
}

/// A task's report of one quarter (its latest report dated in that quarter).
#[derive(Clone, Debug, Serialize)]
pub struct QuarterReport {
    /// Year of the report's date.
    pub year: i32,
    /// Quarter of the report's date (1 to 4).
    pub quarter: u8,
    /// The report.
    #[serde(flatten)]
    pub report: Report,
}

/// Counts of statuses and task states.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    /// Targets (index target parts and indicator parts) per status.
    pub targets: Vec<(Status, usize)>,
    /// Tasks per state.
    pub tasks: Vec<(TaskState, usize)>,
}

/// A result as shown.
#[derive(Clone, Debug, Serialize)]
pub struct ResultView {
    /// Year assessed.
    pub year: i32,
    /// Score.
    pub score: Option<f64>,
    /// Rank.
    pub rank: Option<u32>,
    /// Provinces ranked.
    pub rank_of: Option<u32>,
    /// Band.
    pub band: Option<String>,
    /// Official, derived or not published.
    pub status: ResultStatus,
    /// Source.
    pub source_url: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// A summary card for one index.
#[derive(Clone, Debug, Serialize)]
pub struct IndexCard {
    /// Index id.
    pub index_id: String,
    /// Kind.
    pub kind: IndexKind,
    /// Name in the chosen language.
    pub name: String,
    /// Scale maximum of the latest result's year.
    pub scale_max: Option<f64>,
    /// Scale unit.
    pub scale_unit: Option<ScaleUnit>,
    /// Latest result.
    pub latest: Option<ResultView>,
    /// Every result, oldest first (for the chart and its table).
    pub series: Vec<ResultView>,
    /// Targets, latest year first.
    pub targets: Vec<TargetEvaluation>,
    /// Status of the latest target (no data if none).
    pub status: Status,
    /// Its label.
    pub status_label: String,
    /// Its reason.
    pub reason: String,
}

/// A target's evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct TargetEvaluation {
    /// Year of the target.
    pub year: i32,
    /// The plan's wording.
    pub text: String,
    /// Plan citation.
    pub plan: Option<String>,
    /// Worst status of its parts.
    pub status: Status,
    /// Label.
    pub status_label: String,
    /// Reasons of the parts, joined.
    pub reason: String,
    /// Parts.
    pub parts: Vec<PartEvaluation>,
}

/// One measurable part's evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct PartEvaluation {
    /// Label ("cấp xã").
    pub label: Option<String>,
    /// The parsed part.
    pub target: TargetPart,
    /// The value compared (score, rank, observation).
    pub current: Option<f64>,
    /// Status.
    pub status: Status,
    /// Label.
    pub status_label: String,
    /// Reason.
    pub reason: String,
    /// Open SDG progress ratio R, where a trend exists.
    pub progress: Option<f64>,
}

/// A plan indicator's evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorEvaluation {
    /// Indicator id.
    pub id: String,
    /// Plan id.
    pub plan_id: String,
    /// Area.
    pub area: Area,
    /// Area label.
    pub area_label: String,
    /// The indicator as written.
    pub text: String,
    /// Its deadline.
    pub deadline: Deadline,
    /// Worst status of its parts.
    pub status: Status,
    /// Label.
    pub status_label: String,
    /// Reason.
    pub reason: String,
    /// Parts.
    pub parts: Vec<PartEvaluation>,
}

/// A task's evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct TaskEvaluation {
    /// Task id.
    pub id: String,
    /// Plan id.
    pub plan_id: String,
    /// Area.
    pub area: Area,
    /// Area label.
    pub area_label: String,
    /// Objective.
    pub objective: Option<String>,
    /// Task.
    pub task: Option<String>,
    /// Activity.
    pub activity: Option<String>,
    /// Output.
    pub output: Option<String>,
    /// Lead agency.
    pub lead: Option<String>,
    /// Co-owners.
    pub co_owners: Option<String>,
    /// Parsed deadline (its `text` is the plan's wording).
    pub deadline: Deadline,
    /// State.
    pub state: TaskState,
    /// Label.
    pub state_label: String,
    /// Days left (in window).
    pub days_left: Option<i64>,
    /// Days overdue.
    pub days_overdue: Option<i64>,
    /// Reason.
    pub reason: String,
    /// Budget as written.
    pub budget: Option<String>,
    /// Evidence link.
    pub evidence_url: Option<String>,
    /// Its reports up to the day evaluated, one per quarter (the latest of each), oldest first.
    pub history: Vec<QuarterReport>,
}

/// Evaluates a document as of a day.
pub fn evaluate(doc: &Document, as_of: Date, lang: Lang) -> Evaluation {
    // Plain loops in this module rather than `map().collect()` / filter chains: the same items
    // in the same order, and measurably smaller wasm.
    let mut agencies = Vec::new();
    for a in &doc.agencies {
        agencies.push(agency(a, as_of, lang));
    }
    Evaluation {
        as_of,
        lang: lang.tag(),
        agencies,
    }
}

fn agency(a: &Agency, as_of: Date, lang: Lang) -> AgencyEvaluation {
    let mut cards: Vec<IndexCard> = Vec::new();
    for ix in &a.indices {
        cards.push(card(ix, as_of, lang));
    }
    let mut indicators: Vec<IndicatorEvaluation> = Vec::new();
    let mut tasks: Vec<TaskEvaluation> = Vec::new();
    for p in &a.plans {
        for i in &p.indicators {
            indicators.push(indicator(&p.id, i, as_of, lang));
        }
        let report = plan_report_at(p, as_of);
        for t in &p.tasks {
            tasks.push(task(&p.id, t, as_of, report, lang));
        }
    }
    crate::sort::sort_by(&mut tasks, task_order);
    let counts = counts(&cards, &indicators, &tasks);
    // The latest report, and whether it is older than its plan's reporting period.
    let mut reported_on: Option<Date> = None;
    let mut report_stale = false;
    let mut progress = Vec::new();
    for p in &a.plans {
        if let Some(r) = plan_report_at(p, as_of) {
            reported_on = Some(reported_on.map_or(r, |x| x.max(r)));
            report_stale |= r.days_until(as_of) > i64::from(p.reporting_months) * 31;
        }
        if !p.tasks.is_empty() {
            progress.push(plan_progress(p, as_of));
        }
    }
    AgencyEvaluation {
        id: a.id.clone(),
        name: a.name.clone(),
        province: a.province.clone(),
        cards,
        indicators,
        tasks,
        counts,
        reported_on,
        report_stale,
        progress,
    }
}

fn counts(
    cards: &[IndexCard],
    indicators: &[IndicatorEvaluation],
    tasks: &[TaskEvaluation],
) -> Counts {
    let mut c = Counts::default();
    // Plain loops over the parts (cards' targets first, then indicators: the order the counts
    // are first seen in) instead of a nested `flat_map` chain, which costs the wasm far more.
    for card in cards {
        for t in &card.targets {
            for p in &t.parts {
                bump(&mut c.targets, p.status);
            }
        }
    }
    for i in indicators {
        for p in &i.parts {
            bump(&mut c.targets, p.status);
        }
    }
    for t in tasks {
        match c.tasks.iter_mut().find(|(k, _)| *k == t.state) {
            Some((_, n)) => *n += 1,
            None => c.tasks.push((t.state, 1)),
        }
    }
    c
}

/// Adds one to the count of `s`, appending it (count 1) when first seen.
fn bump(counts: &mut Vec<(Status, usize)>, s: Status) {
    match counts.iter_mut().find(|(k, _)| *k == s) {
        Some((_, n)) => *n += 1,
        None => counts.push((s, 1)),
    }
}

// ---------------------------------------------------------------------------------------------
// Index cards

fn view(r: &IndexResult) -> ResultView {
    ResultView {
        year: r.year,
        score: r.score,
        rank: r.rank,
        rank_of: r.rank_of,
        band: r.band.clone(),
        status: r.status,
        source_url: r.source_url.clone(),
        note: r.note.clone(),
    }
}

fn card(ix: &Index, as_of: Date, lang: Lang) -> IndexCard {
    let mut series: Vec<ResultView> = Vec::new();
    for r in &ix.results {
        if r.year <= as_of.year() {
            series.push(view(r));
        }
    }
    let latest = series
        .iter()
        .rev()
        .find(|r| r.status != ResultStatus::NotPublished && (r.score.is_some() || r.rank.is_some()))
        .cloned();
    let mut targets: Vec<TargetEvaluation> = Vec::new();
    // Newest year first, equal years in the file's order (as the stable sort by
    // `Reverse(year)` had them): each placed before the first older year, no sort code per type.
    for t in &ix.targets {
        let e = index_target(ix, t, as_of, lang);
        let at = targets.iter().position(|x| x.year < e.year);
        targets.insert(at.unwrap_or(targets.len()), e);
    }
    let (status, reason) = match targets.first() {
        Some(t) => (t.status, t.reason.clone()),
        None => (
            Status::NoData,
            tr!(
                lang,
                "Chưa có chỉ tiêu cho chỉ số này",
                "No target set for this index"
            )
            .to_string(),
        ),
    };
    let scale = ix.scale_for(latest.as_ref().map_or(as_of.year(), |l| l.year));
    IndexCard {
        index_id: ix.id.clone(),
        kind: ix.kind,
        // The data file's English name for English; every other language shows the Vietnamese.
        name: ix
            .name_en
            .clone()
            .filter(|_| lang.tag() == "en")
            .unwrap_or_else(|| ix.name_vi.clone()),
        scale_max: scale.map(|s| s.max),
        scale_unit: scale.map(|s| s.unit),
        latest,
        series,
        targets,
        status,
        status_label: status.label(lang).to_string(),
        reason,
    }
}

fn index_target(ix: &Index, t: &IndexTarget, as_of: Date, lang: Lang) -> TargetEvaluation {
    let mut parts: Vec<PartEvaluation> = Vec::new();
    for p in &t.target.parts {
        parts.push(index_part(ix, t, p, as_of, lang));
    }
    combine(t.year, &t.text, t.plan.clone(), &t.target, parts, lang)
}

fn combine(
    year: i32,
    text: &str,
    plan: Option<String>,
    target: &Target,
    parts: Vec<PartEvaluation>,
    lang: Lang,
) -> TargetEvaluation {
    let status = parts
        .iter()
        .map(|p| p.status)
        .min()
        .unwrap_or(Status::NoData);
    let reason = if parts.is_empty() {
        target.problem.map_or("", |p| p.message(lang)).to_string()
    } else {
        // The parts' reasons joined with "; " (a plain loop: smaller wasm than collect + join).
        let mut r = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                r.push_str("; ");
            }
            r.push_str(&p.reason);
        }
        r
    };
    TargetEvaluation {
        year,
        text: text.to_string(),
        plan,
        status,
        status_label: status.label(lang).to_string(),
        reason,
        parts,
    }
}

fn part_eval(
    p: &TargetPart,
    current: Option<f64>,
    status: Status,
    reason: String,
    progress: Option<f64>,
    lang: Lang,
) -> PartEvaluation {
    PartEvaluation {
        label: p.label.clone(),
        target: p.clone(),
        current,
        status,
        status_label: status.label(lang).to_string(),
        reason,
        progress,
    }
}

/// The number of provinces a rank target refers to: as written, or the count when the plan was
/// issued (63 before 1 July 2025, 34 after); without a plan date, the target year decides.
fn target_denominator(p: &TargetPart, t: &IndexTarget) -> u32 {
    let cutoff = Date::new(2025, 7, 1);
    let before = match (t.plan_issued, cutoff) {
        (Some(d), Some(c)) => d < c,
        _ => t.year <= 2024,
    };
    p.rank_of.unwrap_or(if before {
        PROVINCES_BEFORE_2025_07
    } else {
        PROVINCES_FROM_2025_07
    })
}

fn published(ix: &Index, year: i32) -> Option<&IndexResult> {
    ix.results
        .iter()
        .find(|r| r.year == year && r.status != ResultStatus::NotPublished)
}

fn not_published_msg(ix: &Index, year: i32, lang: Lang) -> String {
    let np = ix
        .results
        .iter()
        .any(|r| r.year == year && r.status == ResultStatus::NotPublished);
    if np {
        tr!(
            lang,
            "Kết quả không được công bố cho năm {year}",
            "Result not published for {year}",
            year = year
        )
    } else {
        tr!(
            lang,
            "Chưa có kết quả năm {year}",
            "No result yet for {year}",
            year = year
        )
    }
}

fn index_part(
    ix: &Index,
    t: &IndexTarget,
    p: &TargetPart,
    as_of: Date,
    lang: Lang,
) -> PartEvaluation {
    match p.kind {
        TargetKind::RankAtMost => rank_at_most(ix, t, p, lang),
        TargetKind::RankUpByAtLeast => rank_up(ix, t, p, lang),
        TargetKind::InBand => band(ix, t, p, lang),
        _ if matches!(p.unit, Some(Unit::Percent | Unit::Points)) => {
            score_part(ix, t, p, as_of, lang)
        }
        _ => part_eval(
            p,
            None,
            Status::NoData,
            tr!(
                lang,
                "Không đo được từ kết quả chỉ số",
                "Not measurable from index results"
            )
            .into(),
            None,
            lang,
        ),
    }
}

fn rank_text(rank: u32, of: u32) -> String {
    crate::text::cat(&[&crate::num::int(rank), "/", &crate::num::int(of)])
}

fn rank_at_most(ix: &Index, t: &IndexTarget, p: &TargetPart, lang: Lang) -> PartEvaluation {
    let want = p.value.unwrap_or(0.0);
    let of = target_denominator(p, t);
    let r = published(ix, t.year).and_then(|r| Some((r.rank?, r.rank_of?)));
    match r {
        Some((rank, rof)) if rof != of => part_eval(
            p,
            Some(f64::from(rank)),
            Status::NotComparable,
            not_comparable_msg(rank, rof, want, of, lang),
            None,
            lang,
        ),
        Some((rank, rof)) if f64::from(rank) <= want => part_eval(
            p,
            Some(f64::from(rank)),
            Status::Achieved,
            tr!(
                lang,
                "Xếp thứ {rank} ≤ {want}",
                "Ranked {rank} ≤ {want}",
                rank = rank_text(rank, rof),
                want = shortest(want)
            ),
            None,
            lang,
        ),
        Some((rank, rof)) => part_eval(
            p,
            Some(f64::from(rank)),
            Status::OffTrack,
            tr!(
                lang,
                "Xếp thứ {rank} > {want}",
                "Ranked {rank} > {want}",
                rank = rank_text(rank, rof),
                want = shortest(want)
            ),
            None,
            lang,
        ),
        None if published(ix, t.year).is_some() => part_eval(
            p,
            None,
            Status::NoData,
            tr!(
                lang,
                "Không có thứ hạng chính thức năm {year}",
                "No official rank for {year}",
                year = t.year
            ),
            None,
            lang,
        ),
        None => part_eval(
            p,
            None,
            Status::NoData,
            not_published_msg(ix, t.year, lang),
            None,
            lang,
        ),
    }
}

fn not_comparable_msg(rank: u32, rof: u32, want: f64, of: u32, lang: Lang) -> String {
    tr!(
        lang,
        "Kết quả {rank}/{rank_of} và chỉ tiêu {want}/{of} (khác tổng số tỉnh do sắp xếp đơn vị hành chính từ 01/07/2025)",
        "Result {rank}/{rank_of} and target {want}/{of} (rank different numbers of provinces after the 1 July 2025 merger)",
        rank = rank,
        rank_of = rof,
        want = shortest(want),
        of = of
    )
}

fn rank_up(ix: &Index, t: &IndexTarget, p: &TargetPart, lang: Lang) -> PartEvaluation {
    let need = p.value.unwrap_or(0.0);
    let base_year = p.baseline_year.unwrap_or(t.year - 1);
    let now = published(ix, t.year).and_then(|r| Some((r.rank?, r.rank_of?)));
    let base = published(ix, base_year).and_then(|r| Some((r.rank?, r.rank_of?)));
    let crosses = base_year <= 2024 && t.year >= 2025;
    match (base, now) {
        (Some((b, bof)), Some((n, nof))) if bof != nof => part_eval(
            p,
            Some(f64::from(n)),
            Status::NotComparable,
            not_comparable_msg(n, nof, f64::from(b), bof, lang),
            None,
            lang,
        ),
        (Some((b, bof)), Some((n, nof))) => {
            let up = f64::from(b) - f64::from(n);
            let status = if up >= need {
                Status::Achieved
            } else {
                Status::OffTrack
            };
            let reason = tr!(
                lang,
                "Năm {base_year}: {base}; {year}: {now} ({up} bậc; cần {need})",
                "Year {base_year}: {base}; {year}: {now} ({up} places; needed {need})",
                base_year = base_year,
                base = rank_text(b, bof),
                year = t.year,
                now = rank_text(n, nof),
                up = signed(up),
                need = shortest(need)
            );
            part_eval(p, Some(up), status, reason, None, lang)
        }
        _ if crosses => part_eval(
            p,
            None,
            Status::NotComparable,
            tr!(
                lang,
                "Không so sánh được: thứ hạng trước và sau 01/07/2025 tính trên 63 và 34 tỉnh",
                "Not comparable: ranks before and after 1 July 2025 are out of 63 and 34 provinces"
            )
            .into(),
            None,
            lang,
        ),
        (None, _) => part_eval(
            p,
            None,
            Status::NoData,
            not_published_msg(ix, base_year, lang),
            None,
            lang,
        ),
        (_, None) => part_eval(
            p,
            None,
            Status::NoData,
            not_published_msg(ix, t.year, lang),
            None,
            lang,
        ),
    }
}

const PCI_BANDS: [&str; 6] = [
    "thấp",
    "tương đối thấp",
    "trung bình",
    "khá",
    "tốt",
    "rất tốt",
];

fn band(ix: &Index, t: &IndexTarget, p: &TargetPart, lang: Lang) -> PartEvaluation {
    let want = p.band.as_deref().map(fold).unwrap_or_default();
    let order = |b: &str| PCI_BANDS.iter().position(|x| fold(x) == b);
    match published(ix, t.year).and_then(|r| r.band.clone()) {
        Some(got) => {
            let g = fold(&got);
            let ok = match (order(&g), order(&want)) {
                (Some(a), Some(b)) => a >= b,
                _ => g == want,
            };
            let status = if ok {
                Status::Achieved
            } else {
                Status::OffTrack
            };
            part_eval(
                p,
                None,
                status,
                tr!(lang, "Nhóm: {band}", "Band: {band}", band = got),
                None,
                lang,
            )
        }
        None => part_eval(
            p,
            None,
            Status::NoData,
            not_published_msg(ix, t.year, lang),
            None,
            lang,
        ),
    }
}

fn satisfies(kind: TargetKind, x: f64, v: f64, max: Option<f64>) -> bool {
    match kind {
        TargetKind::AtLeast | TargetKind::ReduceByAtLeast => x >= v,
        TargetKind::MoreThan => x > v,
        TargetKind::AtMost => x <= v,
        TargetKind::LessThan => x < v,
        TargetKind::Exactly => (x - v).abs() < 1e-9,
        TargetKind::Approximately => x >= v - v.abs() * 0.005,
        TargetKind::Between => x >= v && max.is_none_or(|m| x <= m),
        _ => false,
    }
}

/// Open SDG-style ratio: observed rate ÷ required rate, per day.
fn progress_ratio(first: (Date, f64), last: (Date, f64), goal: f64, due: Date) -> Option<f64> {
    let observed_days = first.0.days_until(last.0);
    let needed_days = first.0.days_until(due);
    if observed_days <= 0 || needed_days <= 0 {
        return None;
    }
    let observed = (last.1 - first.1) / observed_days as f64;
    let required = (goal - first.1) / needed_days as f64;
    (required.abs() > f64::EPSILON)
        .then(|| observed / required)
        .filter(|r| r.is_finite())
}

fn from_ratio(r: f64) -> Status {
    if r >= 0.95 {
        Status::OnTrack
    } else if r >= 0.6 {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

fn ratio_reason(r: f64, lang: Lang) -> String {
    tr!(
        lang,
        "Tỷ lệ tiến độ (Open SDG) R = {r}",
        "Progress ratio (Open SDG) R = {r}",
        r = fixed(r, 2)
    )
}

/// A trend older than this many years before the target year is not extrapolated.
const MAX_TREND_GAP_YEARS: i32 = 3;

fn score_part(
    ix: &Index,
    t: &IndexTarget,
    p: &TargetPart,
    as_of: Date,
    lang: Lang,
) -> PartEvaluation {
    let v = p.value.unwrap_or(0.0);
    if let Some(s) = published(ix, t.year).and_then(|r| r.score) {
        let ok = satisfies(p.kind, s, v, p.max);
        let status = if ok {
            Status::Achieved
        } else {
            Status::OffTrack
        };
        let reason = tr!(
            lang,
            "Kết quả {year}: {score} (chỉ tiêu {target})",
            "Result {year}: {score} (target {target})",
            year = t.year,
            score = shortest(s),
            target = p.text
        );
        return part_eval(p, Some(s), status, reason, None, lang);
    }
    // No result for the target year yet: use the trend of earlier results on the same scale.
    let scale_max = ix.scale_for(t.year).map(|s| s.max);
    // Earlier published scores, and those of them on the target year's scale (plain loop).
    let mut any_earlier = false;
    let mut same: Vec<&IndexResult> = Vec::new();
    for r in &ix.results {
        if r.year < t.year && r.score.is_some() && r.status != ResultStatus::NotPublished {
            any_earlier = true;
            if ix.scale_for(r.year).map(|s| s.max) == scale_max {
                same.push(r);
            }
        }
    }
    if same.is_empty() && any_earlier {
        return part_eval(
            p,
            None,
            Status::NotComparable,
            tr!(
                lang,
                "Kết quả trước đây tính trên thang điểm khác",
                "Earlier results use a different scale"
            )
            .into(),
            None,
            lang,
        );
    }
    let (Some(first), Some(last)) = (same.first(), same.last()) else {
        return part_eval(
            p,
            None,
            Status::NoData,
            not_published_msg(ix, t.year, lang),
            None,
            lang,
        );
    };
    if t.year - last.year > MAX_TREND_GAP_YEARS {
        let reason = tr!(
            lang,
            "{not_published}; kết quả gần nhất quá cũ để tính xu hướng: {year}",
            "{not_published}; latest result too old for a trend: {year}",
            not_published = not_published_msg(ix, t.year, lang),
            year = last.year
        );
        return part_eval(p, None, Status::NoData, reason, None, lang);
    }
    let (fs, ls) = (first.score.unwrap_or(0.0), last.score.unwrap_or(0.0));
    if satisfies(p.kind, ls, v, p.max) && as_of.year() <= t.year {
        let reason = tr!(
            lang,
            "Kết quả {year}: {score} (đã đạt mức chỉ tiêu)",
            "Result {year}: {score} (already at the target)",
            year = last.year,
            score = shortest(ls)
        );
        return part_eval(p, Some(ls), Status::OnTrack, reason, None, lang);
    }
    let year_end = |y: i32| Date::year_end(y);
    let ratio = match (year_end(first.year), year_end(last.year), year_end(t.year)) {
        (Some(a), Some(b), Some(due)) if first.year < last.year => {
            progress_ratio((a, fs), (b, ls), v, due)
        }
        _ => None,
    };
    match ratio {
        Some(r) => part_eval(
            p,
            Some(ls),
            from_ratio(r),
            ratio_reason(r, lang),
            Some(r),
            lang,
        ),
        None => part_eval(
            p,
            Some(ls),
            Status::NoData,
            tr!(
                lang,
                "{not_published}; chưa đủ hai năm để tính xu hướng",
                "{not_published}; fewer than two years for a trend",
                not_published = not_published_msg(ix, t.year, lang)
            ),
            None,
            lang,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Indicators

fn indicator(plan_id: &str, ind: &Indicator, as_of: Date, lang: Lang) -> IndicatorEvaluation {
    let single = ind.target.parts.len() == 1;
    let mut parts: Vec<PartEvaluation> = Vec::new();
    for p in &ind.target.parts {
        parts.push(indicator_part(ind, p, single, as_of, lang));
    }
    let te = combine(as_of.year(), &ind.text, None, &ind.target, parts, lang);
    IndicatorEvaluation {
        id: ind.id.clone(),
        plan_id: plan_id.to_string(),
        area: ind.area,
        area_label: ind.area.label(lang).to_string(),
        text: ind.text.clone(),
        deadline: ind.deadline.clone(),
        status: te.status,
        status_label: te.status_label,
        reason: te.reason,
        parts: te.parts,
    }
}

fn indicator_part(
    ind: &Indicator,
    p: &TargetPart,
    single: bool,
    as_of: Date,
    lang: Lang,
) -> PartEvaluation {
    let want_label = p.label.as_deref().map(fold);
    let mut obs: Vec<(Date, f64)> = Vec::new();
    for o in &ind.observations {
        if o.as_of > as_of {
            continue;
        }
        let wanted = match (&want_label, &o.label) {
            (Some(w), Some(l)) => fold(l) == *w,
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(_), None) => single,
        };
        if wanted {
            obs.push((o.as_of, o.value));
        }
    }
    let Some(&(last_at, last)) = obs.last() else {
        return part_eval(
            p,
            None,
            Status::NoData,
            tr!(lang, "Chưa có số liệu thực hiện", "No value reported yet").into(),
            None,
            lang,
        );
    };
    let Some(v) = p.value.filter(|_| {
        !matches!(
            p.kind,
            TargetKind::RankAtMost | TargetKind::RankUpByAtLeast | TargetKind::InBand
        )
    }) else {
        return part_eval(
            p,
            Some(last),
            Status::NoData,
            tr!(
                lang,
                "Loại chỉ tiêu chưa được đánh giá tự động",
                "Target kind not evaluated automatically"
            )
            .into(),
            None,
            lang,
        );
    };
    let value = shortest(last);
    let date = last_at.to_vi();
    if satisfies(p.kind, last, v, p.max) {
        return part_eval(
            p,
            Some(last),
            Status::Achieved,
            tr!(
                lang,
                "{value} ngày {date}",
                "{value} on {date}",
                value = value,
                date = date
            ),
            None,
            lang,
        );
    }
    let due = ind.deadline.end;
    if due.is_some_and(|d| as_of > d) {
        return part_eval(
            p,
            Some(last),
            Status::OffTrack,
            tr!(
                lang,
                "{value} ngày {date}; đã hết hạn",
                "{value} on {date}; deadline passed",
                value = value,
                date = date
            ),
            None,
            lang,
        );
    }
    let ratio = match (obs.first(), due) {
        (Some(&first), Some(due)) if obs.len() >= 2 => {
            progress_ratio(first, (last_at, last), v, due)
        }
        _ => None,
    };
    match ratio {
        Some(r) => part_eval(
            p,
            Some(last),
            from_ratio(r),
            ratio_reason(r, lang),
            Some(r),
            lang,
        ),
        None => part_eval(
            p,
            Some(last),
            Status::NoData,
            tr!(
                lang,
                "{value} ngày {date}; cần ít nhất hai lần đo để tính xu hướng",
                "{value} on {date}; two values needed for a trend",
                value = value,
                date = date
            ),
            None,
            lang,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Tasks

/// The order of the task list: state, then date, then id (compared in place by
/// [`task_order`]: a key with the id would clone it at every comparison).
fn task_sort_key(t: &TaskEvaluation) -> (u8, i64) {
    let by_date = match t.state {
        TaskState::Overdue => -t.days_overdue.unwrap_or(0),
        TaskState::InWindow => t.days_left.unwrap_or(0),
        _ => t.deadline.end.or(t.deadline.start).map_or(i64::MAX, |d| {
            Date::new(2000, 1, 1).map_or(0, |z| z.days_until(d))
        }),
    };
    (t.state.order(), by_date)
}

fn task_order(a: &TaskEvaluation, b: &TaskEvaluation) -> std::cmp::Ordering {
    task_sort_key(a)
        .cmp(&task_sort_key(b))
        .then_with(|| a.id.cmp(&b.id))
}

fn task(
    plan_id: &str,
    t: &Task,
    as_of: Date,
    reported_on: Option<Date>,
    lang: Lang,
) -> TaskEvaluation {
    let mut st = t.deadline.state_at(as_of);
    let due = t.deadline.end.map(Date::to_vi).unwrap_or_default();
    let (progress, completed_on) = progress_at(t, as_of);
    let (state, reason) = match progress {
        TaskProgress::Cancelled => (TaskState::Cancelled, String::new()),
        TaskProgress::Done => match (completed_on, t.deadline.end) {
            (Some(c), Some(e)) if c > e => (
                TaskState::DoneLate,
                tr!(
                    lang,
                    "Hoàn thành ngày {done} (hạn {due})",
                    "Completed on {done} (due {due})",
                    done = c.to_vi(),
                    due = due
                ),
            ),
            _ => (TaskState::Done, String::new()),
        },
        _ => match (t.deadline.kind, st.state) {
            (DeadlineKind::Unknown, _) => (
                TaskState::NoDeadline,
                t.deadline
                    .problem
                    .map_or("", |p| p.message(lang))
                    .to_string(),
            ),
            (DeadlineKind::Dependent, _) => (TaskState::Waiting, t.deadline.text.clone()),
            (DeadlineKind::Recurring, DeadlineState::Ended) => (
                TaskState::Recurring,
                tr!(lang, "Kỳ thực hiện đã kết thúc", "Its period has ended").to_string(),
            ),
            (DeadlineKind::Recurring, _) => (TaskState::Recurring, t.deadline.text.clone()),
            // Past due: overdue only as of a report made after the deadline that does not say
            // it was completed; without one, nobody knows (issue 11).
            (_, DeadlineState::PastDue) => match reported_on
                .filter(|r| *r <= as_of)
                .zip(t.deadline.end)
                .filter(|(r, end)| r > end)
            {
                Some((report, end)) => {
                    st.days_overdue = Some(end.days_until(report));
                    (
                        TaskState::Overdue,
                        tr!(
                            lang,
                            "Chưa hoàn thành theo báo cáo ngày {report}: quá hạn {days} ngày (hạn {due})",
                            "Not completed according to the report of {report}: {days} days past due (due {due})",
                            report = report.to_vi(),
                            days = end.days_until(report),
                            due = due
                        ),
                    )
                }
                None => (
                    TaskState::NotReported,
                    tr!(
                        lang,
                        "Đã qua hạn {due}; chưa có báo cáo tiến độ nào sau hạn",
                        "Past its due date {due}; no progress report since then",
                        due = due
                    ),
                ),
            },
            (_, DeadlineState::NotStarted) => (
                TaskState::NotStarted,
                tr!(
                    lang,
                    "Bắt đầu {start}",
                    "Starts {start}",
                    start = t.deadline.start.map(Date::to_vi).unwrap_or_default()
                ),
            ),
            _ => (
                TaskState::InWindow,
                tr!(
                    lang,
                    "Còn {days} ngày (hạn {due})",
                    "Due in {days} days (due {due})",
                    days = st.days_left.unwrap_or(0),
                    due = due
                ),
            ),
        },
    };
    let overdue = state == TaskState::Overdue;
    let in_window = state == TaskState::InWindow;
    TaskEvaluation {
        id: t.id.clone(),
        plan_id: plan_id.to_string(),
        area: t.area,
        area_label: t.area.label(lang).to_string(),
        objective: t.objective.clone(),
        task: t.task.clone(),
        activity: t.activity.clone(),
        output: t.output.clone(),
        lead: t.lead.clone(),
        co_owners: t.co_owners.clone(),
        deadline: t.deadline.clone(),
        state,
        state_label: state.label(lang).to_string(),
        days_left: st.days_left.filter(|_| in_window),
        days_overdue: st.days_overdue.filter(|_| overdue),
        reason,
        budget: t.budget.clone(),
        evidence_url: t.evidence_url.clone(),
        history: history(t, as_of),
    }
}

// ---------------------------------------------------------------------------------------------
// Progress reports

/// The plan's latest progress report on or before `day`: its `reported_on` or the date of any of
/// its tasks' reports (the importer writes both; a hand-made file may have either).
pub fn plan_report_at(p: &Plan, day: Date) -> Option<Date> {
    let mut best = p.reported_on.filter(|r| *r <= day);
    for t in &p.tasks {
        for r in &t.reports {
            if r.reported_on <= day {
                best = best.max(Some(r.reported_on));
            }
        }
    }
    best
}

/// What is known of a task on `day`: with reports, the latest one on or before that day (none
/// yet: planned); without, its own `progress` and `completed_on`, but not a completion after
/// `day`.
pub fn progress_at(t: &Task, day: Date) -> (TaskProgress, Option<Date>) {
    if t.reports.is_empty() {
        if t.progress == TaskProgress::Done && t.completed_on.is_some_and(|c| c > day) {
            return (TaskProgress::InProgress, None);
        }
        return (t.progress, t.completed_on);
    }
    let mut best: Option<&Report> = None;
    for r in &t.reports {
        if r.reported_on <= day && best.is_none_or(|b| r.reported_on >= b.reported_on) {
            best = Some(r);
        }
    }
    best.map_or((TaskProgress::Planned, None), |r| {
        (r.progress, r.completed_on)
    })
}

/// A task's reports up to `as_of`, one per quarter (the latest dated in it), oldest first: a
/// selection of the next quarter each time instead of a sort (a handful of reports).
fn history(t: &Task, as_of: Date) -> Vec<QuarterReport> {
    let key = |d: Date| d.year() * 4 + i32::from(d.quarter());
    let mut out = Vec::new();
    let mut after = i32::MIN;
    loop {
        let mut next: Option<&Report> = None;
        for r in &t.reports {
            let k = key(r.reported_on);
            if r.reported_on > as_of || k <= after {
                continue;
            }
            let better = next.is_none_or(|n| {
                let nk = key(n.reported_on);
                k < nk || (k == nk && r.reported_on >= n.reported_on)
            });
            if better {
                next = Some(r);
            }
        }
        let Some(r) = next else { break };
        after = key(r.reported_on);
        out.push(QuarterReport {
            year: r.reported_on.year(),
            quarter: r.reported_on.quarter(),
            report: r.clone(),
        });
    }
    out
}

/// The plan's quarters from Q1 to the quarter of `as_of` (see [`QuarterProgress`]): each task
/// as of the quarter's last day (or `as_of`), judged like the task list: past due and not done
/// is overdue only as of a report made after the deadline, else not reported.
fn plan_progress(p: &Plan, as_of: Date) -> PlanProgress {
    let mut quarters = Vec::new();
    for q in 1..=4u8 {
        let (Some(start), Some(last)) =
            (Date::quarter_start(p.year, q), Date::quarter_end(p.year, q))
        else {
            break;
        };
        if start > as_of {
            break;
        }
        let until = last.min(as_of);
        let report = plan_report_at(p, until);
        let mut n = [0usize; 6];
        for t in &p.tasks {
            let (progress, completed_on) = progress_at(t, until);
            if progress == TaskProgress::Cancelled {
                continue;
            }
            n[0] += 1;
            let end = t.deadline.end;
            let due = end.filter(|e| t.deadline.kind == DeadlineKind::Range && *e <= until);
            n[1] += usize::from(due.is_some());
            let i = if progress == TaskProgress::Done {
                if completed_on.zip(end).is_some_and(|(c, e)| c > e) {
                    3
                } else {
                    2
                }
            } else {
                match due {
                    Some(e) if report.is_some_and(|r| r > e) => 4,
                    Some(_) => 5,
                    None => continue,
                }
            };
            n[i] += 1;
        }
        let mut shares = [0.0; 5];
        for (s, k) in shares.iter_mut().zip(&n[1..]) {
            *s = if n[0] == 0 {
                0.0
            } else {
                *k as f64 / n[0] as f64
            };
        }
        quarters.push(QuarterProgress {
            quarter: q,
            until,
            report,
            tasks: n[0],
            due: n[1],
            done_on_time: n[2],
            done_late: n[3],
            overdue: n[4],
            not_reported: n[5],
            shares,
        });
    }
    PlanProgress {
        plan_id: p.id.clone(),
        title: p.title.clone(),
        year: p.year,
        quarters,
    }
}

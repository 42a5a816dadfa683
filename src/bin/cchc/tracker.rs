//! `cchc tracker --data FILE --as-of DATE [--format json|text|csv] [--table quarters|history]
//! [--lang vi|en]`.
//!
//! Loads a `chi-tieu.json`, evaluates every index target, plan indicator and task as of the day and
//! prints the evaluation the widget renders: one JSON object (default; with each plan's quarters
//! in `progress` and each task's reports in `history`), a short text report, or CSV: each plan's
//! quarter table exactly as the widget shows and downloads it (quarters as columns, each row
//! after the agency and the plan), or every task's reports quarter by quarter.
//! Problems in the file are listed on stderr with the JSON path of the item. Exit 0 = evaluated,
//! 1 = the file is unreadable or invalid, 2 = usage error.

use std::fmt::Write as _;

use cchc_widgets::i18n::Lang;
use cchc_widgets::tracker::{evaluate, load, table, Date, Evaluation};
use cchc_widgets::tr;

/// Arguments.
#[derive(clap::Args)]
#[command(
    after_help = "Exit codes: 0 = evaluated, 1 = file unreadable or invalid (errors on stderr with the JSON path of each item), 2 = usage error.\n\
Examples:\n  cchc tracker --data www/data/chi-tieu.json --as-of 2025-08-01 --format text\n  cchc tracker --data chi-tieu.json --as-of 2025-08-01 --format csv --table history > lich-su.csv"
)]
pub struct Args {
    /// The chi-tieu.json file.
    #[arg(long, value_name = "FILE")]
    data: std::path::PathBuf,
    /// The day to evaluate (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::deadline::parse_date)]
    as_of: Date,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// With --format csv: the plans' progress by quarter, or every task's reports by quarter.
    #[arg(long, value_enum, default_value = "quarters")]
    table: Table,
    /// Language of labels and reasons: vi (default) or en.
    #[arg(long, default_value = "vi")]
    lang: String,
}

/// Output formats.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Text,
    Csv,
}

/// The CSV tables.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Table {
    Quarters,
    History,
}

/// Runs the subcommand.
pub fn run(args: Args) -> u8 {
    let lang = Lang::from_tag(&args.lang);
    let json = match std::fs::read_to_string(&args.data) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cchc tracker: {}: {e}", args.data.display());
            return 1;
        }
    };
    let doc = match load(&json) {
        Ok(d) => d,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", e.message(lang));
            }
            return 1;
        }
    };
    for w in &doc.warnings {
        eprintln!("{}", w.message(lang));
    }
    let ev = evaluate(&doc, args.as_of, lang);
    match args.format {
        Format::Json => match serde_json::to_string(&ev) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("cchc tracker: {e}");
                return 1;
            }
        },
        Format::Text => print!("{}", text(&ev, lang)),
        Format::Csv => print!("{}", csv(&ev, args.table, lang)),
    }
    0
}

/// The quarter table of every plan, or the reports of every task, each row with its agency and
/// plan (UTF-8 with a BOM, like the widget's downloads).
fn csv(ev: &Evaluation, table: Table, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let mut head = vec![
        tr!(lang, "Đơn vị", "Agency").to_string(),
        tr!(lang, "Kế hoạch", "Plan").to_string(),
    ];
    match table {
        // Each plan's table starts with its own heading row (its quarters and year).
        Table::Quarters => {}
        Table::History => head.extend(
            [
                tr!(lang, "Mã", "Id"),
                tr!(lang, "Quý", "Quarter"),
                tr!(lang, "Báo cáo ngày", "Report of"),
                tr!(lang, "Tiến độ", "Progress"),
                tr!(lang, "Ngày hoàn thành", "Completed on"),
                tr!(lang, "Minh chứng", "Evidence"),
                tr!(lang, "Ghi chú", "Note"),
            ]
            .map(String::from),
        ),
    }
    if matches!(table, Table::History) {
        table::push_strings(&mut out, &head);
    }
    for a in &ev.agencies {
        match table {
            Table::Quarters => {
                for p in a.progress.iter().filter(|p| !p.quarters.is_empty()) {
                    for (i, cells) in table::quarter_rows(p, lang).into_iter().enumerate() {
                        let mut row = if i == 0 {
                            head.clone()
                        } else {
                            vec![a.id.clone(), p.plan_id.clone()]
                        };
                        row.extend(cells);
                        table::push_strings(&mut out, &row);
                    }
                }
            }
            Table::History => {
                for t in &a.tasks {
                    for h in &t.history {
                        let r = &h.report;
                        let row = [
                            a.id.clone(),
                            t.plan_id.clone(),
                            t.id.clone(),
                            table::quarter_name(h.quarter, h.year, lang),
                            r.reported_on.to_iso(),
                            r.progress.label(lang).to_string(),
                            r.completed_on.map(|d| d.to_iso()).unwrap_or_default(),
                            r.evidence.clone().unwrap_or_default(),
                            r.note.clone().unwrap_or_default(),
                        ];
                        table::push_strings(&mut out, &row);
                    }
                }
            }
        }
    }
    out
}

fn text(ev: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    for a in &ev.agencies {
        let _ = writeln!(out, "# {} ({})", a.name, ev.as_of);
        // The same honesty as the widget: how fresh the progress figures are.
        match a.reported_on {
            Some(r) if a.report_stale => {
                let _ = writeln!(
                    out,
                    "! Số liệu tiến độ có thể đã cũ: báo cáo gần nhất ngày {} (progress figures may be out of date)",
                    r.to_vi()
                );
            }
            Some(r) => {
                let _ = writeln!(out, "Báo cáo tiến độ gần nhất (latest progress report): {}", r.to_vi());
            }
            None if a.tasks.is_empty() => {}
            None => {
                let _ = writeln!(
                    out,
                    "! Chưa có báo cáo tiến độ: nhiệm vụ đã qua hạn là “Chưa có báo cáo”, không phải quá hạn (no progress report)"
                );
            }
        }
        let states: Vec<String> = a
            .counts
            .tasks
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{} {n}", s.label(cchc_widgets::i18n::Lang::Vi)))
            .collect();
        let _ = writeln!(out, "Nhiệm vụ (tasks) {}: {}", a.tasks.len(), states.join(", "));
        for c in &a.cards {
            let latest = c.latest.as_ref().map_or(String::from("-"), |l| {
                let score = l.score.map_or(String::from("-"), |s| s.to_string());
                let rank = match (l.rank, l.rank_of) {
                    (Some(r), Some(n)) => format!(" #{r}/{n}"),
                    _ => String::new(),
                };
                format!("{} {score}{rank}", l.year)
            });
            let _ = writeln!(
                out,
                "[{}] {}: {latest} | {} ({})",
                c.status_label,
                c.name,
                c.targets.first().map_or("", |t| t.text.as_str()),
                c.reason
            );
        }
        for i in &a.indicators {
            let _ = writeln!(out, "[{}] {} {}", i.status_label, i.id, i.text);
        }
        // The year quarter by quarter: what the widget's chart and its table show.
        let labels = table::count_labels(lang);
        for p in a.progress.iter().filter(|p| !p.quarters.is_empty()) {
            let _ = writeln!(
                out,
                "{} — {}:",
                p.title,
                tr!(lang, "Tiến độ theo quý", "Progress by quarter")
            );
            for q in &p.quarters {
                let report = q.report.map_or_else(
                    || tr!(lang, "chưa có báo cáo", "no report").to_string(),
                    |r| tr!(lang, "báo cáo {date}", "report of {date}", date = r.to_vi()),
                );
                let mut line = format!(
                    "  {} ({} {}; {report}):",
                    table::quarter_name(q.quarter, p.year, lang),
                    tr!(lang, "đến", "to"),
                    q.until.to_vi()
                );
                for (i, (label, n)) in labels.iter().zip(q.counts()).enumerate() {
                    let _ = write!(line, "{} {label} {n}", if i == 0 { "" } else { " ·" });
                    if let Some(s) = i.checked_sub(1).and_then(|k| q.shares.get(k)) {
                        let _ = write!(line, " ({}%)", table::percent(*s, lang));
                    }
                }
                let _ = writeln!(out, "{line}");
            }
        }
        for t in &a.tasks {
            let title = t.activity.as_deref().or(t.task.as_deref()).unwrap_or("");
            let _ = writeln!(
                out,
                "[{}] {} | {} | {} | {}",
                t.state_label,
                t.deadline.text,
                t.lead.as_deref().unwrap_or("-"),
                title,
                t.reason
            );
            for h in &t.history {
                let r = &h.report;
                let mut line = format!(
                    "    {} ({} {}): {}",
                    table::quarter_name(h.quarter, h.year, lang),
                    tr!(lang, "báo cáo", "report of"),
                    r.reported_on.to_vi(),
                    r.progress.label(lang)
                );
                if let Some(c) = r.completed_on {
                    let _ = write!(line, " {}", c.to_vi());
                }
                for (label, v) in [
                    (tr!(lang, "Minh chứng", "Evidence"), &r.evidence),
                    (tr!(lang, "Ghi chú", "Note"), &r.note),
                ] {
                    if let Some(v) = v {
                        let _ = write!(line, " · {label}: {v}");
                    }
                }
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

//! `cchc tracker --data FILE --as-of DATE [--format json|text] [--lang vi|en]`.
//!
//! Loads a `chi-tieu.json`, evaluates every index target, plan indicator and task as of the day and
//! prints the evaluation the widget renders: one JSON object (default) or a short text report.
//! Problems in the file are listed on stderr with the JSON path of the item. Exit 0 = evaluated,
//! 1 = the file is unreadable or invalid, 2 = usage error.

use std::fmt::Write as _;

use cchc_widgets::i18n::Lang;
use cchc_widgets::tracker::{evaluate, load, Date, Evaluation};

/// Arguments.
#[derive(clap::Args)]
#[command(
    after_help = "Exit codes: 0 = evaluated, 1 = file unreadable or invalid (errors on stderr with the JSON path of each item), 2 = usage error.\n\
Example:\n  cchc tracker --data www/data/chi-tieu.json --as-of 2025-08-01 --format text"
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
    /// Language of labels and reasons: vi (default) or en.
    #[arg(long, default_value = "vi")]
    lang: String,
}

/// Output formats.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Text,
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
        Format::Text => print!("{}", text(&ev)),
    }
    0
}

fn text(ev: &Evaluation) -> String {
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
        }
    }
    out
}

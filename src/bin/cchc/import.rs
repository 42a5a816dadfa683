//! `cchc import`: turn what agencies have (the national portal's exports, spreadsheets) into the
//! widgets' JSON, saying what was kept, merged and dropped, and why.
//!
//! Conversions reuse the core: procedures go through the search widget's own loader (cleaning,
//! merging duplicate codes), plan rows through the tracker's deadline and target parsers, and the
//! written file is checked with the same checker as `cchc check`. So what the import accepts, the
//! widget accepts.

mod chi_tieu;
mod hoi_dap;
pub mod table;
mod tien_do;
mod tthc;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use cchc_widgets::check::{check_with_details, details_beside, Kind};
use cchc_widgets::i18n::Lang;

/// Import a spreadsheet or the national portal's export into the widgets' JSON.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Procedures: the portal's XLSX list export, its records (JSON / JSON Lines), or a CSV.
    Tthc(tthc::Args),
    /// A plan's task framework (XLSX or CSV laid out like the plan's appendix) into chi-tieu.json.
    ChiTieu(chi_tieu::Args),
    /// A progress report (báo cáo tiến độ) into the plan's tasks in chi-tieu.json.
    TienDo(tien_do::Args),
    /// Hỏi đáp (questions and answers linked to procedures) from a spreadsheet, for tthc.json.
    HoiDap(hoi_dap::Args),
}

pub fn run(args: Args) -> u8 {
    match args.what {
        What::Tthc(a) => tthc::run(a),
        What::ChiTieu(a) => chi_tieu::run(a),
        What::TienDo(a) => tien_do::run(a),
        What::HoiDap(a) => hoi_dap::run(a),
    }
}

/// Input formats, from the extension unless given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Xlsx,
    Csv,
    Json,
}

pub(crate) fn input_format(path: &Path, given: Option<InputFormat>) -> Result<InputFormat, String> {
    if let Some(f) = given {
        return Ok(f);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(InputFormat::Xlsx),
        "csv" | "tsv" | "txt" => Ok(InputFormat::Csv),
        "json" | "jsonl" | "ndjson" => Ok(InputFormat::Json),
        _ => Err(format!(
            "{}: không rõ định dạng (.xlsx, .csv, .json, .jsonl); chỉ rõ bằng --from / unknown format; name it with --from",
            path.display()
        )),
    }
}

pub(crate) fn lang_of(tag: &str) -> Option<Lang> {
    match tag {
        "vi" => Some(Lang::Vi),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// A progress bar on stderr for long inputs, only when a person is watching.
pub(crate) fn progress(len: usize, what: &str) -> indicatif::ProgressBar {
    if len < 2000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

/// A spinner on stderr while one long step runs (parsing a large JSON export).
pub(crate) fn spinner(bytes: usize, what: &str) -> indicatif::ProgressBar {
    if bytes < 2_000_000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let s = indicatif::ProgressBar::new_spinner();
    s.set_message(what.to_string());
    s.enable_steady_tick(std::time::Duration::from_millis(120));
    s
}

/// Writes `text` to `out` (`-` = stdout), then checks it as the widget will; returns the exit code.
pub(crate) fn write_checked(out: &Path, text: &str, kind: Kind, lang: Lang) -> u8 {
    let written = if out.as_os_str() == "-" {
        (std::io::stdout().lock().write_all(text.as_bytes())).map_err(|e| format!("stdout: {e}"))
    } else {
        // With `.gz` and `.br` beside it, for servers that send precompressed files.
        crate::files::publish(out, text)
    };
    if let Err(e) = written {
        eprintln!("{e}");
        return 1;
    }
    // Split details were written beside the file first: checked with it.
    let report = if out.as_os_str() == "-" {
        check_with_details(text, Some(kind), lang, &|_| None)
    } else {
        check_with_details(text, Some(kind), lang, &details_beside(out))
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for w in &report.warnings {
        match counts.iter_mut().find(|(c, _)| *c == w.code) {
            Some((_, n)) => *n += 1,
            None => counts.push((w.code.clone(), 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(c, n)| format!("{c} ×{n}")).collect();
    let name = if out.as_os_str() == "-" {
        "stdout".to_string()
    } else {
        out.display().to_string()
    };
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!(
                "wrote {name}: {} records; cchc check: {} errors, {} warnings{}",
                report.records,
                report.errors.len(),
                report.warnings.len(),
                if counts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", counts.join(", "))
                }
            ),
            _ => format!(
                "đã ghi {name}: {} mục; cchc check: {} lỗi, {} cảnh báo{}",
                report.records,
                report.errors.len(),
                report.warnings.len(),
                if counts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", counts.join(", "))
                }
            ),
        }
    );
    for e in &report.errors {
        eprintln!(
            "  {}: {} — {}",
            e.path.as_deref().unwrap_or(""),
            e.message,
            e.hint
        );
    }
    if report.usable() {
        0
    } else {
        1
    }
}

/// The output path's directory and file stem.
pub(crate) fn out_parts(out: &Path) -> (PathBuf, String) {
    let dir = out.parent().map(Path::to_path_buf).unwrap_or_default();
    let stem = out
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("tthc")
        .to_string();
    (dir, stem)
}

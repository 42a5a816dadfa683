// Included by main.rs on native targets only; `mod` paths resolve relative to main.rs.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod answers;
mod check;
mod check_field;
mod deadline;
mod files;
mod i18n;
mod import;
mod phan_anh;
mod precompress;
mod search;
mod serve;
mod sheet;
mod store;
mod target;
mod tracker;
mod validate_form;

/// Kiểm tra và tra cứu dữ liệu của cchc-widgets (check and query cchc-widgets data).
#[derive(Parser)]
#[command(name = "cchc", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Search procedures (TTHC) in tthc.json or the national portal's records.
    Search(search::Args),
    /// Parse a plan deadline phrase ("Quý II, III/2025") into dates.
    Deadline(deadline::Args),
    /// Parse a plan target phrase ("PCI đạt khoảng 69,5 điểm").
    Target(target::Args),
    /// Evaluate the targets and tasks of a chi-tieu.json as of a date.
    Tracker(tracker::Args),
    /// Validate one form value (mobile, phone, cccd, name, email, date).
    CheckField(check_field::Args),
    /// Re-check a submitted feedback form against its schema.
    ValidateForm(validate_form::Args),
    /// Check a data file (tthc.json, chi-tieu.json, phan-anh.json) or a language catalogue
    /// (pkg/i18n/<lang>.json) before publishing.
    Check(check::Args),
    /// Import a spreadsheet or the national portal's export into the widgets' JSON.
    Import(import::Args),
    /// Write language catalogues (pkg/i18n/en.json, a template for another language).
    I18n(i18n::Args),
    /// Serve the portal folder and receive feedback submissions into a SQLite database.
    Serve(serve::Args),
    /// The staff's view of the received feedback (phản ánh, kiến nghị).
    PhanAnh(phan_anh::Args),
    /// Write FILE.gz and FILE.br beside data files edited by hand, or check that they match.
    Precompress(precompress::Args),
    /// Write printable procedure sheets (one, or a booklet) as HTML with QR codes and hotlines.
    Sheet(sheet::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Search(a) => search::run(a),
        Command::Deadline(a) => deadline::run(a),
        Command::Target(a) => target::run(a),
        Command::Tracker(a) => tracker::run(a),
        Command::CheckField(a) => check_field::run(a),
        Command::ValidateForm(a) => validate_form::run(a),
        Command::Check(a) => check::run(a),
        Command::Import(a) => import::run(a),
        Command::I18n(a) => i18n::run(a),
        Command::Serve(a) => serve::run(a),
        Command::PhanAnh(a) => phan_anh::run(a),
        Command::Precompress(a) => precompress::run(a),
        Command::Sheet(a) => sheet::run(a),
    };
    ExitCode::from(code)
}

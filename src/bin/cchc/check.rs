//! `cchc check`: the webmaster's pre-publication check of a data file.
//!
//! Runs the core checker ([`cchc_widgets::check`]), i.e. exactly the rules the widgets apply, and
//! prints every problem with file:line:column, JSON path, message and how to fix it. Exit 0 when a
//! widget can use the file (warnings allowed), 1 when it cannot, 2 for a usage error.

use std::io::Write;
use std::path::{Path, PathBuf};

use cchc_widgets::check::{check_with_details, details_beside, Kind, Problem, Report, Severity};
use cchc_widgets::i18n::Lang;

/// Data file kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// tthc.json (or the national portal's records).
    Tthc,
    /// chi-tieu.json.
    ChiTieu,
    /// phan-anh.json.
    PhanAnh,
    /// A language catalogue (pkg/i18n/<lang>.json).
    I18n,
    /// The agency's contacts (lien-he.json).
    LienHe,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One problem per line: FILE:LINE:COL: lỗi|cảnh báo: message (path) — hint.
    Text,
    /// One JSON object: {"kind", "records", "errors", "warnings"}.
    Json,
}

/// Check a data file (tthc.json, chi-tieu.json, phan-anh.json) or a language catalogue
/// (pkg/i18n/<lang>.json) before publishing.
#[derive(clap::Args)]
pub struct Args {
    /// The file to check.
    file: PathBuf,
    /// The kind of file (default: detected from its content).
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of the messages (vi, en).
    #[arg(long, default_value = "vi")]
    lang: String,
}

pub fn run(args: Args) -> u8 {
    let lang = match args.lang.as_str() {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        other => {
            eprintln!("cchc check: --lang {other}: dùng vi hoặc en (use vi or en)");
            return 2;
        }
    };
    let text = match read(&args.file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", args.file.display());
            return 1;
        }
    };
    let kind = args.kind.map(|k| match k {
        KindArg::Tthc => Kind::Tthc,
        KindArg::ChiTieu => Kind::ChiTieu,
        KindArg::PhanAnh => Kind::PhanAnh,
        KindArg::I18n => Kind::I18n,
        KindArg::LienHe => Kind::LienHe,
    });
    // The details files `details_url` names are read beside the file, as the widget fetches them.
    let mut report = check_with_details(&text, kind, lang, &details_beside(&args.file));
    if report.kind == Some(Kind::I18n) {
        catalogue_file_name(&args.file, &text, lang, &mut report);
    }
    // A server with gzip_static/brotli_static sends FILE.gz/FILE.br instead of FILE: one left
    // from an earlier version would hide this one from every citizen.
    let bytes = std::fs::read(&args.file).unwrap_or_default();
    for (s, why) in crate::files::stale_siblings(&args.file, &bytes) {
        let (message, hint) = match lang {
            Lang::En => (
                format!("{}: does not match this file ({why}): a server with gzip_static/brotli_static sends it instead", s.display()),
                format!("run `cchc precompress {}`, or delete it", args.file.display()),
            ),
            _ => (
                format!("{}: không khớp với tệp này ({why}): máy chủ có gzip_static/brotli_static sẽ gửi tệp nén cũ này thay cho tệp", s.display()),
                format!("chạy `cchc precompress {}` hoặc xoá tệp nén", args.file.display()),
            ),
        };
        report.errors.push(Problem {
            severity: Severity::Error,
            code: "stale_precompressed".into(),
            path: None,
            line: None,
            column: None,
            message,
            hint,
        });
    }
    let printed = match args.format {
        Format::Json => print_json(&report),
        Format::Text => print_text(&args.file, &report, lang),
    };
    if let Err(e) = printed {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("stdout: {e}");
            return 1;
        }
    }
    if report.usable() {
        0
    } else {
        1
    }
}

/// The loader fetches `pkg/i18n/<lang>.json`: a catalogue under another name is never found.
fn catalogue_file_name(file: &Path, text: &str, lang: Lang, report: &mut Report) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else {
        return;
    };
    let Some(code) = v.get("lang").and_then(|l| l.as_str()) else {
        return;
    };
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
    let expected = format!("{}.json", code.to_ascii_lowercase());
    if stem.as_deref() == Some(code.to_ascii_lowercase().as_str())
        && file.extension().is_some_and(|e| e == "json")
    {
        return;
    }
    report.warnings.push(Problem {
        severity: Severity::Warning,
        code: "file_name".into(),
        path: Some("lang".into()),
        line: cchc_widgets::check::locate(body, "lang").map(|p| p.line),
        column: cchc_widgets::check::locate(body, "lang").map(|p| p.column),
        message: format!(
            "{} {expected}",
            lang.pick(
                "Trình duyệt chỉ tìm tệp ngôn ngữ này dưới tên",
                "Browsers look for this catalogue only as"
            )
        ),
        hint: lang
            .pick(
                "Đổi tên tệp theo \"lang\" và đặt nó trong thư mục i18n/ cạnh cchc-widgets.js.",
                "Name the file after \"lang\" and put it in the i18n/ folder next to cchc-widgets.js.",
            )
            .into(),
    });
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err("tệp nén gzip: giải nén trước (gunzip -k) / gzip file: unzip it first".into());
    }
    if bytes.starts_with(b"PK") {
        return Err(
            "đây là tệp XLSX/ZIP, không phải JSON: chuyển bằng `cchc import` / this is an XLSX/ZIP file, not JSON: convert it with `cchc import`"
                .into(),
        );
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        // A file cut in the middle of a character (an interrupted upload): check what is there,
        // the JSON syntax error then says where it ends.
        Err(e) if e.utf8_error().error_len().is_none() => {
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).map_err(|e| e.to_string())
        }
        Err(e) => Err(format!(
            "không phải văn bản UTF-8 (lưu lại với mã UTF-8) / not UTF-8 text (save it as UTF-8): {e}"
        )),
    }
}

fn print_json(r: &Report) -> std::io::Result<()> {
    let v = serde_json::json!({
        "kind": r.kind.map_or("unknown", Kind::name),
        "records": r.records,
        "usable": r.usable(),
        "errors": r.errors,
        "warnings": r.warnings,
    });
    let s = serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?;
    writeln!(std::io::stdout().lock(), "{s}")
}

fn line(file: &Path, p: &Problem, lang: Lang) -> String {
    let mut out = file.display().to_string();
    if let Some(l) = p.line {
        out.push_str(&format!(":{l}"));
        if let Some(c) = p.column {
            out.push_str(&format!(":{c}"));
        }
    }
    let sev = match p.severity {
        Severity::Error => lang.pick("lỗi", "error"),
        Severity::Warning => lang.pick("cảnh báo", "warning"),
    };
    out.push_str(&format!(": {sev}: {}", p.message));
    if let Some(path) = &p.path {
        out.push_str(&format!(" ({path})"));
    }
    out.push_str(&format!(" — {}", p.hint));
    out
}

fn print_text(file: &Path, r: &Report, lang: Lang) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for p in r.errors.iter().chain(&r.warnings) {
        writeln!(out, "{}", line(file, p, lang))?;
    }
    let kind = r.kind.map_or("?", Kind::name);
    let (e, w, n) = (r.errors.len(), r.warnings.len(), r.records);
    let summary = match (lang == Lang::En, r.usable()) {
        (false, true) => format!("{kind}: {n} mục, {e} lỗi, {w} cảnh báo: dùng được"),
        (false, false) => format!("{kind}: {n} mục, {e} lỗi, {w} cảnh báo: KHÔNG dùng được"),
        (true, true) => format!("{kind}: {n} records, {e} errors, {w} warnings: usable"),
        (true, false) => format!("{kind}: {n} records, {e} errors, {w} warnings: NOT usable"),
    };
    writeln!(out, "{summary}")
}

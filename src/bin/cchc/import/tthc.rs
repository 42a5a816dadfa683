//! `cchc import tthc`: procedures from the portal's XLSX list export, its JSON / JSON Lines
//! records, or a CSV, into `tthc.json`.

use std::path::{Path, PathBuf};

use cchc_widgets::check::Kind;
use cchc_widgets::i18n::Lang;
use cchc_widgets::text::fold;
use cchc_widgets::tthc::{Catalog, Procedure, Warning, WarningKind};
use serde_json::{json, Map, Value};

use super::table::{self, Column, Row};
use super::InputFormat;

/// The columns a procedure list may have.
static COLUMNS: &[Column] = &[
    Column {
        name: "code",
        exact: &["ma so", "ma", "ma thu tuc", "ma tthc", "ma so tthc", "code"],
        prefixes: &[],
    },
    Column {
        name: "name",
        exact: &["ten", "ten thu tuc", "ten tthc", "name"],
        prefixes: &["ten thu tuc"],
    },
    Column {
        name: "issuer",
        exact: &["co quan ban hanh", "issuer"],
        prefixes: &[],
    },
    Column {
        name: "agencies",
        exact: &[
            "co quan thuc hien",
            "co quan giai quyet",
            "co quan co tham quyen",
            "agencies",
        ],
        prefixes: &[],
    },
    Column {
        name: "field",
        exact: &["linh vuc", "field"],
        prefixes: &[],
    },
    Column {
        name: "levels",
        exact: &["cap thuc hien", "cap", "levels"],
        prefixes: &[],
    },
    Column {
        name: "online",
        exact: &[
            "muc do",
            "truc tuyen",
            "online",
            "dich vu cong truc tuyen",
            "muc do dvc",
        ],
        prefixes: &["muc do"],
    },
    Column {
        name: "time",
        exact: &[
            "thoi han giai quyet",
            "thoi gian giai quyet",
            "thoi han",
            "time",
        ],
        prefixes: &[],
    },
    Column {
        name: "fee",
        exact: &["phi, le phi", "phi le phi", "le phi", "phi", "fee"],
        prefixes: &[],
    },
    Column {
        name: "url",
        exact: &["duong dan", "lien ket", "link", "url"],
        prefixes: &[],
    },
];

/// Procedures from the portal's XLSX export, its records (JSON, JSON Lines) or a CSV.
#[derive(clap::Args)]
pub struct Args {
    /// The input file (.xlsx, .csv, .json, .jsonl).
    input: PathBuf,
    /// Where to write tthc.json (`-` for stdout).
    #[arg(short, long)]
    output: PathBuf,
    /// Column mapping for spreadsheets: "Header=field,...", fields: code, name, issuer, agencies,
    /// field, levels, online, time, fee, url (use `;` between pairs when a header has a comma).
    #[arg(long)]
    map: Option<String>,
    /// Input format (default: from the extension).
    #[arg(long, value_enum)]
    from: Option<InputFormat>,
    /// Worksheet name (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// The publishing agency written into the file.
    #[arg(long)]
    agency: Option<String>,
    /// Where the details (documents, steps, channels) go: inline, none, split into
    /// `<name>-chi-tiet/NNN.json` (with the portal link, time, fee, postal and online payment,
    /// which only the detail view shows), or auto (inline unless the file would exceed what
    /// browsers read).
    #[arg(long, value_enum, default_value = "auto")]
    details: DetailsMode,
    /// Language of the report on stderr (vi, en).
    #[arg(long, default_value = "vi")]
    lang: String,
    /// Do not derive the procedures' own words (the terms file `<name>-tu-khoa.json` that search
    /// uses below the name) from the details.
    #[arg(long)]
    no_terms: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DetailsMode {
    Auto,
    Inline,
    None,
    Split,
}

/// Large national exports are read whole on the command line.
const CLI_MAX_BYTES: usize = 512 * 1024 * 1024;
/// Procedures per split details file (as the demo data).
const PER_DETAILS_FILE: usize = 32;

pub fn run(args: Args) -> u8 {
    let Some(lang) = super::lang_of(&args.lang) else {
        eprintln!("cchc import: --lang: vi | en");
        return 2;
    };
    let format = match super::input_format(&args.input, args.from) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let input = args.input.display().to_string();
    let loaded = match format {
        InputFormat::Json => from_json(&args.input),
        InputFormat::Xlsx | InputFormat::Csv => from_table(&args, format, lang),
    };
    let (catalog, warnings, lines) = match loaded {
        Ok(x) => x,
        Err(Failure::Usage(e)) => {
            eprintln!("{input}: {e}");
            return 2;
        }
        Err(Failure::Data(e)) => {
            eprintln!("{input}: {e}");
            return 1;
        }
    };
    report(&input, &catalog, &warnings, &lines, lang);
    let agency = args
        .agency
        .clone()
        .or_else(|| catalog.agency().map(str::to_string));
    write(&args, catalog.procedures(), agency, lang)
}

enum Failure {
    Usage(String),
    Data(String),
}

type Loaded = (Catalog, Vec<Warning>, Vec<usize>);

fn from_json(path: &Path) -> Result<Loaded, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Data(e.to_string()))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(Failure::Data(
            "tệp nén gzip: giải nén trước (gunzip -k) / gzip file: unzip it first".into(),
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| Failure::Data(format!("không phải UTF-8 / not UTF-8: {e}")))?;
    let spin = super::spinner(text.len(), "Đang đọc / reading");
    let loaded = Catalog::from_json_str_with_limit(&text, CLI_MAX_BYTES);
    spin.finish_and_clear();
    let (catalog, warnings) = loaded.map_err(|e| Failure::Data(e.message(Lang::Vi)))?;
    Ok((catalog, warnings, Vec::new()))
}

fn from_table(args: &Args, format: InputFormat, lang: Lang) -> Result<Loaded, Failure> {
    let map = match &args.map {
        Some(spec) => table::parse_map(spec, COLUMNS).map_err(Failure::Usage)?,
        None => Vec::new(),
    };
    let rows = match format {
        InputFormat::Xlsx => table::read_xlsx(&args.input, args.sheet.as_deref()),
        _ => table::read_csv(&args.input),
    }
    .map_err(Failure::Data)?;
    let header =
        table::find_header(&rows, COLUMNS, &map, &["code", "name"]).map_err(Failure::Data)?;
    let header_row = rows.get(header.index);
    let names: Vec<String> = header
        .columns
        .iter()
        .zip(header_row.map_or(&[][..], |r| &r.cells[..]))
        .filter_map(|(c, h)| c.map(|c| format!("{} → {c}", h.trim())))
        .collect();
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!(
                "header row {}: {}",
                header_row.map_or(0, |r| r.line),
                names.join(" | ")
            ),
            _ => format!(
                "dòng tiêu đề {}: {}",
                header_row.map_or(0, |r| r.line),
                names.join(" | ")
            ),
        }
    );
    let data: Vec<&Row> = rows
        .iter()
        .skip(header.index + 1)
        .filter(|r| !r.is_blank())
        .collect();
    let bar = super::progress(data.len(), "Đang chuyển / converting");
    let mut records = Vec::with_capacity(data.len());
    let mut lines = Vec::with_capacity(data.len());
    for row in data {
        records.push(record(row, &header));
        lines.push(row.line);
        bar.inc(1);
    }
    bar.finish_and_clear();
    let doc = json!({"version": 1, "procedures": records}).to_string();
    let (catalog, warnings) = Catalog::from_json_str_with_limit(&doc, CLI_MAX_BYTES)
        .map_err(|e| Failure::Data(e.message(lang)))?;
    Ok((catalog, warnings, lines))
}

/// One spreadsheet row as a `tthc.json` record, for the core loader to clean.
fn record(row: &Row, header: &table::Header) -> Value {
    let get = |name: &str| header.col(name).map_or("", |i| row.cell(i));
    let mut m = Map::new();
    for key in ["code", "name", "field", "levels", "time", "fee", "url"] {
        let v = get(key);
        if !v.is_empty() {
            m.insert(key.into(), Value::String(v.to_string()));
        }
    }
    // Agencies are one per line in the export and may contain commas: keep them as a list.
    let mut agencies: Vec<Value> = Vec::new();
    for a in std::iter::once(get("issuer")).chain(get("agencies").split('\n')) {
        let a = a.trim();
        if !a.is_empty() && !agencies.iter().any(|x| x.as_str() == Some(a)) {
            agencies.push(Value::String(a.to_string()));
        }
    }
    if !agencies.is_empty() {
        m.insert("agencies".into(), Value::Array(agencies));
    }
    let online = get("online");
    if !online.is_empty() {
        m.insert("online".into(), Value::String(online_key(online)));
    }
    Value::Object(m)
}

/// "Toàn trình", "Một phần", "Có", "Không", or the JSON spelling.
fn online_key(s: &str) -> String {
    let f = fold(s);
    if f.contains("toan trinh") || f == "toan_trinh" || f.contains("muc do 4") {
        "toan_trinh".into()
    } else if f.contains("mot phan")
        || f == "mot_phan"
        || f.contains("muc do 3")
        || matches!(f.as_str(), "co" | "x" | "true")
    {
        "mot_phan".into()
    } else if matches!(f.as_str(), "khong" | "false" | "-") {
        "khong".into()
    } else {
        s.to_string()
    }
}

/// The source line of a loader warning (`procedures[i]` → the row it came from).
fn source_line(w: &Warning, lines: &[usize]) -> Option<usize> {
    if w.line.is_some() {
        return w.line;
    }
    let i = w
        .path
        .strip_prefix("procedures[")?
        .split(']')
        .next()?
        .parse::<usize>()
        .ok()?;
    lines.get(i).copied()
}

fn report(input: &str, catalog: &Catalog, warnings: &[Warning], lines: &[usize], lang: Lang) {
    let count = |k: WarningKind| warnings.iter().filter(|w| w.kind == k).count();
    let merged = count(WarningKind::DuplicateMerged);
    let dropped = count(WarningKind::RecordSkipped) + count(WarningKind::LineSkipped);
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!(
                "{input}: kept {} procedures, merged {merged} (duplicate codes), dropped {dropped}",
                catalog.procedures().len()
            ),
            _ => format!(
                "{input}: giữ {} thủ tục, gộp {merged} (trùng mã), bỏ {dropped}",
                catalog.procedures().len()
            ),
        }
    );
    for w in warnings {
        let what = match w.kind {
            WarningKind::DuplicateMerged => lang.pick("gộp", "merged"),
            WarningKind::RecordSkipped | WarningKind::LineSkipped => lang.pick("bỏ", "dropped"),
            WarningKind::ValueIgnored => lang.pick("bỏ giá trị", "value ignored"),
        };
        let bare = Warning {
            line: None,
            path: String::new(),
            ..w.clone()
        };
        match source_line(w, lines) {
            Some(l) => eprintln!(
                "  {}{l}: {what}: {}",
                lang.pick("dòng ", "line "),
                bare.message(lang)
            ),
            None => eprintln!("  {}: {what}: {}", w.path, bare.message(lang)),
        }
    }
}

fn write(args: &Args, procedures: &[Procedure], agency: Option<String>, lang: Lang) -> u8 {
    // Channels are already tidy: the loader tidies them (`Details::tidy_channel`, one function
    // for the widget and this command).
    let mut procs: Vec<Procedure> = procedures.to_vec();
    let source = format!(
        "cchc import tthc {}",
        args.input
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
    );
    // The procedures' own words, from the details (whatever happens to the details below), in a
    // file of their own: inline they would add far more than 5% to the list every visitor loads
    // before the first search (docs/tthc-format.md).
    let terms_url = match write_terms(args, &procs, lang) {
        Ok(url) => url,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let render = |procs: &[Procedure]| {
        let doc = OutDoc {
            version: 1,
            agency: agency.as_deref(),
            source: &source,
            terms_url: terms_url.as_deref(),
            procedures: procs,
        };
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    };
    let has_details = procs.iter().any(|p| p.details.is_some());
    let mut text = render(&procs);
    let mode = match args.details {
        DetailsMode::Auto if has_details && text.len() > cchc_widgets::contract::MAX_DATA_BYTES => {
            eprintln!(
                "{}",
                lang.pick(
                    "tệp có chi tiết sẽ vượt 16 MB trình duyệt đọc được: tách chi tiết ra thư mục riêng (--details split)",
                    "with details the file would exceed the 16 MB browsers read: splitting details into their own folder (--details split)",
                )
            );
            DetailsMode::Split
        }
        m => m,
    };
    match mode {
        DetailsMode::None => {
            procs.iter_mut().for_each(|p| p.details = None);
            text = render(&procs);
        }
        DetailsMode::Split if has_details => {
            if args.output.as_os_str() == "-" {
                eprintln!("--details split: cần -o TỆP / needs -o FILE");
                return 2;
            }
            if let Err(e) = split_details(&args.output, &mut procs) {
                eprintln!("{e}");
                return 1;
            }
            text = render(&procs);
        }
        _ => {}
    }
    super::write_checked(&args.output, &text, Kind::Tthc, lang)
}

/// `tthc.json` with its keys in reading order.
#[derive(serde::Serialize)]
struct OutDoc<'a> {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    terms_url: Option<&'a str>,
    procedures: &'a [Procedure],
}

/// Derives the procedures' own words from their details and writes `<stem>-tu-khoa.json` beside
/// the output (with `.gz` and `.br`); returns its `terms_url`, or `None` when there are no terms
/// (no details, `--no-terms`, or stdout).
fn write_terms(args: &Args, procs: &[Procedure], lang: Lang) -> Result<Option<String>, String> {
    if args.no_terms || !procs.iter().any(|p| p.details.is_some()) {
        return Ok(None);
    }
    let terms = cchc_widgets::tthc::derive_terms(procs, &|i| {
        procs.get(i).and_then(|p| p.details.as_ref())
    });
    if terms.is_empty() {
        return Ok(None);
    }
    if args.output.as_os_str() == "-" {
        eprintln!(
            "{}",
            lang.pick(
                "ghi ra stdout: bỏ qua tệp từ khóa (cần -o TỆP)",
                "writing to stdout: no terms file (needs -o FILE)",
            )
        );
        return Ok(None);
    }
    let (dir, stem) = super::out_parts(&args.output);
    let name = format!("{stem}-tu-khoa.json");
    crate::files::publish(&dir.join(&name), &cchc_widgets::tthc::terms_json(&terms))?;
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!("wrote {name}: terms of {} procedures", terms.len()),
            _ => format!("đã ghi {name}: từ khóa của {} thủ tục", terms.len()),
        }
    );
    Ok(Some(name))
}

/// Writes `<stem>-chi-tiet/NNN.json` ({code: details}) and points each procedure at its file. The
/// facts only the detail view shows (portal link, time, fee, postal, online payment) go with the
/// details (`Procedure::take_details`): the list keeps what search and the facets use.
fn split_details(out: &Path, procs: &mut [Procedure]) -> Result<(), String> {
    let (dir, stem) = super::out_parts(out);
    let folder = format!("{stem}-chi-tiet");
    let target = dir.join(&folder);
    std::fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
    for (n, chunk) in procs.chunks_mut(PER_DETAILS_FILE).enumerate() {
        let name = format!("{n:03}.json");
        let mut obj = Map::new();
        for p in chunk.iter_mut() {
            if let Some(d) = p.take_details() {
                obj.insert(
                    p.code.clone(),
                    serde_json::to_value(d).unwrap_or(Value::Null),
                );
                p.details_url = Some(format!("{folder}/{name}"));
            }
        }
        let path = target.join(&name);
        let body = serde_json::to_string(&Value::Object(obj)).unwrap_or_default();
        crate::files::publish_at(&path, &body, 9)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cchc_widgets::tthc::Details;

    #[test]
    fn online_spellings() {
        assert_eq!(online_key("Toàn trình"), "toan_trinh");
        assert_eq!(online_key("Một phần"), "mot_phan");
        assert_eq!(online_key("Có"), "mot_phan");
        assert_eq!(online_key("Không"), "khong");
        assert_eq!(online_key("???"), "???");
    }

    /// The import writes what the loader read, channels tidied by the core's one function.
    #[test]
    fn channels_come_tidy_from_the_loader() {
        let rec = r#"{"ma_thu_tuc": "1.000771", "ten_thu_tuc": "Gia hạn tạm trú", "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc10 USD(/lần)Trực tiếp5 Ngày làm việcKhông có thông tin"}"#;
        let loaded = Catalog::from_json_str_with_limit(rec, CLI_MAX_BYTES);
        let channels = loaded
            .ok()
            .and_then(|(c, _)| c.procedures().first().and_then(|p| p.details.clone()))
            .map(|d| d.channels)
            .unwrap_or_default();
        assert_eq!(
            channels,
            ["Trực tuyến: 5 Ngày làm việc; 10 USD/lần", "Trực tiếp: 5 Ngày làm việc"]
        );
        assert_eq!(
            Details::tidy_channel("Trực tuyến3 Ngày làm việcKhông có thông tin").as_deref(),
            Some("Trực tuyến: 3 Ngày làm việc")
        );
    }
}

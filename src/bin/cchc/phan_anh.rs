//! `cchc phan-anh`: the staff's view of what `cchc serve` received.

use std::path::PathBuf;

use serde_json::{json, Value};

use cchc_widgets::date::Date;
use cchc_widgets::feedback::Schema;

use crate::answers;
use crate::store::Store;

/// Arguments of `cchc phan-anh`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// List the stored submissions, oldest first (spam is never listed).
    List(ListArgs),
    /// Write the submissions still to answer to an Excel sheet for staff.
    Export(ExportArgs),
    /// Read a filled answer sheet back into the database (all or nothing).
    Answer(AnswerArgs),
    /// Print the audit trail of one submission.
    History(HistoryArgs),
    /// Write the answered feedback marked for publishing, without personal data, for
    /// `<cchc-feedback-answers>`.
    Publish(PublishArgs),
}

#[derive(clap::Args)]
struct PublishArgs {
    /// The receiver's SQLite database.
    #[arg(long, default_value = "cchc.sqlite")]
    db: PathBuf,
    /// The form's phan-anh.json (which fields are public); default: the built-in form.
    #[arg(long)]
    schema: Option<PathBuf>,
    /// The file to write (phan-anh-da-tra-loi.json).
    #[arg(short, long)]
    out: PathBuf,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The receiver's SQLite database.
    #[arg(long, default_value = "cchc.sqlite")]
    db: PathBuf,
    /// The form's phan-anh.json (labels, `due_days`, `holidays`); default: the built-in form.
    #[arg(long)]
    schema: Option<PathBuf>,
    /// The sheet to write (.xlsx).
    #[arg(short, long)]
    out: PathBuf,
}

#[derive(clap::Args)]
struct AnswerArgs {
    /// The receiver's SQLite database.
    #[arg(long, default_value = "cchc.sqlite")]
    db: PathBuf,
    /// The filled sheet (.xlsx, .xls, .ods or .csv).
    file: PathBuf,
    /// "Today" as yyyy-mm-dd (answer dates may not be later); default: today in Vietnam.
    #[arg(long)]
    today: Option<String>,
}

#[derive(clap::Args)]
struct HistoryArgs {
    /// The receiver's SQLite database.
    #[arg(long, default_value = "cchc.sqlite")]
    db: PathBuf,
    /// The reference, e.g. PAKN-2026-000123.
    reference: String,
    /// `text` or `jsonl`.
    #[arg(long, default_value = "text", value_parser = ["text", "jsonl"])]
    format: String,
}

#[derive(clap::Args)]
struct ListArgs {
    /// The receiver's SQLite database.
    #[arg(long, default_value = "cchc.sqlite")]
    db: PathBuf,
    /// `text` (one block per submission) or `jsonl` (one JSON object a line).
    #[arg(long, default_value = "text", value_parser = ["text", "jsonl"])]
    format: String,
}

/// Runs the subcommand; returns the exit code (0 listed, 1 the database cannot be read, 2 usage).
pub fn run(args: Args) -> u8 {
    match args.command {
        Command::List(a) => list(a),
        Command::Export(a) => export(a),
        Command::Answer(a) => answer(a),
        Command::History(a) => history(a),
        Command::Publish(a) => publish(a),
    }
}

/// Opens an existing database (never creates one: a mistyped path must not look empty).
fn open(db: &std::path::Path, command: &str) -> Option<Store> {
    if !Store::exists_at(db) {
        eprintln!(
            "cchc phan-anh {command}: {}: không có cơ sở dữ liệu (no database; `cchc serve --db` creates it)",
            db.display()
        );
        return None;
    }
    match Store::open(db) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("cchc phan-anh {command}: {e}");
            None
        }
    }
}

fn list(args: ListArgs) -> u8 {
    let Some(mut store) = open(&args.db, "list") else {
        return 1;
    };
    let items = match store.list() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("cchc phan-anh list: {e}");
            return 1;
        }
    };
    let mut out = String::new();
    for it in &items {
        let files: Vec<Value> = it
            .files
            .iter()
            .map(|(field, name, size)| json!({"field": field, "name": name, "size": size}))
            .collect();
        // The values stay in the form's order (serde_json's map would sort them).
        let values =
            cchc_widgets::json::parse(&it.values_json).unwrap_or(cchc_widgets::json::Value::Null);
        if args.format == "jsonl" {
            let head = json!({
                "reference": it.reference,
                "status": it.status,
                "received_at": it.received_at,
                "form": it.form,
                "lang": it.lang,
                "files": files,
            })
            .to_string();
            out.push_str(head.trim_end_matches('}'));
            out.push_str(",\"values\":");
            out.push_str(&values.to_json());
            out.push_str("}\n");
            continue;
        }
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            it.reference,
            it.received_at,
            status_label(&it.status),
            it.form
        ));
        for (k, v) in values.as_object().unwrap_or(&[]) {
            let shown = match v {
                cchc_widgets::json::Value::Str(s) => s.replace('\n', " / "),
                other => other.to_json(),
            };
            out.push_str(&format!("  {k}: {shown}\n"));
        }
        for (field, name, size) in &it.files {
            out.push_str(&format!("  [{field}] {name} ({size} B)\n"));
        }
        out.push('\n');
    }
    if args.format == "text" {
        let spam = store.spam_count().unwrap_or(0);
        out.push_str(&format!(
            "{} phản ánh, kiến nghị (submissions); {spam} thư rác để riêng (spam kept apart)\n",
            items.len()
        ));
    }
    print!("{out}");
    0
}

/// A status code as staff read it.
fn status_label(code: &str) -> &str {
    match code {
        "moi" => "mới tiếp nhận",
        other => other,
    }
}

/// The form and its calendar: `due_days` and `holidays` of the schema file.
fn form_and_calendar(
    path: Option<&std::path::Path>,
) -> Result<(Schema, u32, Vec<Date>), String> {
    let Some(path) = path else {
        return Ok((Schema::default_nd20(), answers::DEFAULT_DUE_DAYS, Vec::new()));
    };
    let schema = crate::files::read_schema(path)?;
    let (due, holidays) = answers::calendar(&schema);
    Ok((schema, due, holidays))
}

fn export(args: ExportArgs) -> u8 {
    let (schema, due_days, holidays) = match form_and_calendar(args.schema.as_deref()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("cchc phan-anh export: {e}");
            return 2;
        }
    };
    let Some(mut store) = open(&args.db, "export") else {
        return 1;
    };
    let pending = match store.pending() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cchc phan-anh export: {e}");
            return 1;
        }
    };
    if let Err(e) = answers::write_sheet(&args.out, &schema, &pending, due_days, &holidays) {
        eprintln!("cchc phan-anh export: {e}");
        return 1;
    }
    eprintln!(
        "{} phản ánh, kiến nghị chờ xử lý → {} (hạn trả lời: {due_days} ngày làm việc, {} ngày nghỉ lễ trong lịch)",
        pending.len(),
        args.out.display(),
        holidays.len()
    );
    0
}

fn answer(args: AnswerArgs) -> u8 {
    let today = match crate::check_field::resolve_today(args.today.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cchc phan-anh answer: {e}");
            return 2;
        }
    };
    let ext = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let rows = match ext.as_str() {
        "csv" => crate::import::table::read_csv(&args.file),
        _ => crate::import::table::read_xlsx(&args.file, None),
    };
    let rows = match rows {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cchc phan-anh answer: {}: {e}", args.file.display());
            return 1;
        }
    };
    let Some(mut store) = open(&args.db, "answer") else {
        return 1;
    };
    let received = match store.received_days() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cchc phan-anh answer: {e}");
            return 1;
        }
    };
    let known = |r: &str| received.get(r).copied();
    let updates = match answers::read_sheet(&rows, &known, today) {
        Ok(u) => u,
        Err(problems) => {
            for p in &problems {
                eprintln!(
                    "{}: dòng {}, cột {}: {}",
                    args.file.display(),
                    p.row,
                    p.column,
                    p.message
                );
            }
            eprintln!(
                "cchc phan-anh answer: {} lỗi; chưa ghi gì vào cơ sở dữ liệu (nothing applied)",
                problems.len()
            );
            return 1;
        }
    };
    let bar = indicatif::ProgressBar::new(updates.len() as u64);
    if updates.len() < 500 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let (_, now) = crate::serve::now_vn();
    let source = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let changed = store.apply_answers(&updates, &now, &source, |n| bar.set_position(n as u64));
    bar.finish_and_clear();
    match changed {
        Ok(n) => {
            eprintln!(
                "{} dòng đọc được, {n} phản ánh, kiến nghị được cập nhật (rows read, submissions changed)",
                updates.len()
            );
            0
        }
        Err(e) => {
            eprintln!("cchc phan-anh answer: {e}; chưa ghi gì (nothing applied)");
            1
        }
    }
}

fn history(args: HistoryArgs) -> u8 {
    let Some(mut store) = open(&args.db, "history") else {
        return 1;
    };
    let trail = match store.history(&args.reference) {
        Ok(Some(t)) => t,
        Ok(None) => {
            eprintln!(
                "cchc phan-anh history: không có mã số {} (unknown reference)",
                args.reference
            );
            return 1;
        }
        Err(e) => {
            eprintln!("cchc phan-anh history: {e}");
            return 1;
        }
    };
    for (at, action, detail) in trail {
        if args.format == "jsonl" {
            let detail: Value =
                serde_json::from_str(&detail).unwrap_or(Value::String(detail.clone()));
            println!("{}", json!({"at": at, "action": action, "detail": detail}));
        } else {
            let label = match action.as_str() {
                "received" => "tiếp nhận",
                "answer" => "cập nhật trả lời",
                other => other,
            };
            println!("{at}  {label}  {detail}");
        }
    }
    0
}

fn publish(args: PublishArgs) -> u8 {
    let (schema, _, _) = match form_and_calendar(args.schema.as_deref()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("cchc phan-anh publish: {e}");
            return 2;
        }
    };
    let Some(mut store) = open(&args.db, "publish") else {
        return 1;
    };
    let marked = match store.marked_for_publishing() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("cchc phan-anh publish: {e}");
            return 1;
        }
    };
    let today = crate::check_field::today_vn();
    let (text, items, masked) = answers::publish_json(&schema, &marked, today);
    if let Err(e) = crate::files::publish(&args.out, &text) {
        eprintln!("cchc phan-anh publish: {e}");
        return 1;
    }
    eprintln!(
        "{items} phản ánh, kiến nghị được công khai → {} ({} được đánh dấu; chỉ những mục người gửi đồng ý công khai; {masked} thông tin cá nhân đã che)",
        args.out.display(),
        marked.len()
    );
    0
}

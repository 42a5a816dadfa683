//! `cchc phan-anh`: the staff's view of what `cchc serve` received.

use std::path::PathBuf;

use serde_json::{json, Value};

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
    }
}

fn list(args: ListArgs) -> u8 {
    if !args.db.is_file() {
        eprintln!(
            "cchc phan-anh list: {}: không có cơ sở dữ liệu (no database; `cchc serve --db` creates it)",
            args.db.display()
        );
        return 1;
    }
    let store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cchc phan-anh list: {e}");
            return 1;
        }
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

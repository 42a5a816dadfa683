//! `cchc validate-form [--schema S.json] --data D.json`: re-check a submission on the server
//! with exactly the rules the widget applied in the browser.
//!
//! Prints one JSON object: `{"valid", "spam", "errors": {field: {"code", "message"}},
//! "order": [fields with errors, in form order], "warnings": {field: [{"code", "message"}]},
//! "normalized": {...}}`. Exit 0 = valid, 1 = invalid submission (or invalid schema: then
//! `{"valid": false, "schema_errors": [...]}`), 2 = usage error (unreadable file, bad option).
//! Without `--schema` the built-in Nghị định 20/2008 form is used. Province/commune codes are
//! checked against the 34 provinces / 3,321 communes compiled into the binary.

use std::path::PathBuf;

use serde_json::{json, Map, Value};

use cchc_widgets::feedback::dvhc::embedded;
use cchc_widgets::feedback::{validate_form, FormContext, FormResult, Schema};
use cchc_widgets::i18n::Lang;

use crate::check_field::resolve_today;

/// Arguments of `cchc validate-form`.
#[derive(clap::Args)]
pub struct Args {
    /// The form's phan-anh.json (default: the built-in Nghị định 20/2008 form).
    #[arg(long)]
    schema: Option<PathBuf>,
    /// The submission as a JSON object ("-" reads standard input).
    #[arg(long, required_unless_present = "print_default_schema")]
    data: Option<PathBuf>,
    /// Print the built-in Nghị định 20/2008 form as a phan-anh.json and exit (a starting point
    /// for an agency's own form; `cargo xtask build` ships it as `pkg/phan-anh-mac-dinh.json`).
    #[arg(long)]
    print_default_schema: bool,
    /// With --print-default-schema: print it as `pkg/` ships it, Vietnamese texts only,
    /// compact and without `public` (the widget translates the texts with the page's language
    /// catalogue; `public` is for `cchc phan-anh publish`).
    #[arg(long, requires = "print_default_schema")]
    vi_only: bool,
    /// Language of the messages: vi (default) or en.
    #[arg(long, default_value = "vi")]
    lang: String,
    /// "Today" as yyyy-mm-dd (default: today in Vietnam, UTC+7).
    #[arg(long)]
    today: Option<String>,
}

fn read(path: &PathBuf) -> Result<String, String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("stdin: {e}"))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn report(result: &FormResult) -> Value {
    let mut errors = Map::new();
    for e in &result.errors {
        errors.insert(
            e.field.clone(),
            json!({"code": e.code, "message": e.message}),
        );
    }
    let mut warnings = Map::new();
    for w in &result.warnings {
        let entry = warnings
            .entry(w.field.clone())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(list) = entry {
            list.push(json!({"code": w.code, "message": w.message}));
        }
    }
    let order: Vec<&str> = result.errors.iter().map(|e| e.field.as_str()).collect();
    json!({
        "valid": result.valid,
        "spam": result.spam,
        "errors": errors,
        "order": order,
        "warnings": warnings,
        "normalized": serde_json::from_str::<Value>(&result.normalized.to_json())
            .unwrap_or_default(),
    })
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: Args) -> u8 {
    if args.print_default_schema {
        match args.vi_only {
            true => println!("{}", Schema::bundle_json()),
            false => println!("{}", Schema::default_nd20().to_json()),
        }
        return 0;
    }
    let lang = Lang::from_tag(&args.lang);
    let today = match resolve_today(args.today.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cchc validate-form: {e}");
            return 2;
        }
    };
    let (schema_text, data_text) =
        match (
            args.schema.as_ref().map(read).transpose(),
            args.data.as_ref().map_or(Err("--data".to_string()), read),
        ) {
            (Ok(s), Ok(d)) => (s, d),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("cchc validate-form: không đọc được tệp (cannot read file): {e}");
                return 2;
            }
        };
    let schema = match schema_text
        .map(|s| Schema::from_json(&s))
        .unwrap_or_else(|| Ok(Schema::default_nd20()))
    {
        Ok(s) => s,
        Err(errors) => {
            let list: Vec<Value> = errors
                .iter()
                .map(
                    |e| json!({"path": e.path, "code": e.code, "message": e.text(lang)}),
                )
                .collect();
            println!("{}", json!({"valid": false, "schema_errors": list}));
            return 1;
        }
    };
    let data = match cchc_widgets::json::parse(&data_text) {
        Ok(d) if d.as_object().is_some() => d,
        Ok(_) => {
            println!(
                "{}",
                json!({"valid": false, "data_error": lang.pick("dữ liệu gửi phải là một đối tượng JSON", "the submission must be a JSON object")})
            );
            return 1;
        }
        Err(e) => {
            println!("{}", json!({"valid": false, "data_error": e.to_string()}));
            return 1;
        }
    };
    let book = match embedded::address_book() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cchc validate-form: {e}");
            return 2;
        }
    };
    let ctx = FormContext {
        today,
        lang,
        address: Some(&book),
    };
    let result = validate_form(&schema, &data, &ctx);
    println!("{}", report(&result));
    if result.valid {
        0
    } else {
        1
    }
}

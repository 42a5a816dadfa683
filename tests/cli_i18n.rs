//! Language catalogues end to end: `cchc i18n extract` (pkg/i18n/en.json is up to date),
//! `cchc i18n template` and `cchc check` on the catalogues in tests/fixtures/i18n.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/i18n").join(name)
}

fn cchc(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc")).args(args).output();
    out.unwrap_or_else(|e| panic!("cannot run cchc: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn check_json(file: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let path = file.to_string_lossy();
    let mut args = vec!["check", path.as_ref(), "--format", "json"];
    args.extend(extra);
    let o = cchc(&args);
    let v = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    (o.status.code().unwrap_or(-1), v)
}

fn codes(report: &serde_json::Value, list: &str) -> Vec<String> {
    report[list]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn find<'a>(report: &'a serde_json::Value, list: &str, code: &str) -> &'a serde_json::Value {
    report[list]
        .as_array()
        .and_then(|a| a.iter().find(|p| p["code"] == code))
        .unwrap_or_else(|| panic!("no {code} in {list}: {report}"))
}

#[test]
fn the_english_catalogue_is_generated_from_the_sources() {
    let o = cchc(&["i18n", "extract"]);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("pkg/i18n/en.json")).unwrap_or_default();
    assert!(
        stdout(&o) == committed,
        "pkg/i18n/en.json is out of date: run `cargo run --bin cchc -- i18n extract -o pkg/i18n/en.json`"
    );
    let (code, report) = check_json(&root().join("pkg/i18n/en.json"), &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["kind"], "i18n");
    assert_eq!(report["errors"], serde_json::json!([]), "{report}");
    assert_eq!(report["warnings"], serde_json::json!([]), "{report}");
    // The loader's own texts are in it.
    let en: serde_json::Value = serde_json::from_str(&committed).unwrap_or_default();
    let m = &en["messages"];
    assert_eq!(m["Đang tải…"], "Loading…");
    assert_eq!(
        m["Không tải được chức năng này. Vui lòng kiểm tra kết nối mạng và thử lại."],
        "This feature could not be loaded. Please check your connection and try again."
    );
    assert_eq!(m["Thử lại"], "Try again");
    assert_eq!(
        m["Thông tin kỹ thuật cho quản trị trang"],
        "Technical details for the site administrator"
    );
}

#[test]
fn a_partial_catalogue_is_usable_and_says_what_is_missing() {
    let (code, report) = check_json(&fixture("km.json"), &["--lang", "en"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["kind"], "i18n");
    assert_eq!(report["records"], 2);
    assert_eq!(codes(&report, "errors"), Vec::<String>::new());
    assert_eq!(codes(&report, "warnings"), ["missing"]);
    let missing = find(&report, "warnings", "missing");
    let msg = missing["message"].as_str().unwrap_or("");
    assert!(msg.starts_with("Not translated: "), "{msg}");
    assert!(msg.contains("e.g. “"), "{msg}");
}

#[test]
fn a_bad_catalogue_gets_errors_and_warnings_with_places() {
    let (code, report) = check_json(&fixture("xx.json"), &["--lang", "en"]);
    assert_eq!(
        code, 1,
        "placeholders that differ make it unusable: {report}"
    );
    let mut errors = codes(&report, "errors");
    errors.sort();
    assert_eq!(errors, ["placeholders", "type"]);
    let p = find(&report, "errors", "placeholders");
    assert_eq!(p["line"], 7);
    assert_eq!(p["column"], 5);
    assert_eq!(p["path"], "messages[\"Bạn còn {left} ký tự\"]");
    assert!(p["message"]
        .as_str()
        .unwrap_or("")
        .contains("{remaining} instead of {left}"));
    let t = find(&report, "errors", "type");
    assert_eq!(t["line"], 9);
    for code in [
        "unknown_key",
        "empty",
        "unknown_message",
        "duplicate",
        "missing",
    ] {
        find(&report, "warnings", code);
    }
    assert_eq!(find(&report, "warnings", "empty")["line"], 8);
    assert_eq!(find(&report, "warnings", "unknown_message")["line"], 10);
    assert_eq!(find(&report, "warnings", "duplicate")["line"], 11);
    assert_eq!(find(&report, "warnings", "unknown_key")["path"], "colour");
}

#[test]
fn not_json_and_wrong_shape_are_errors_with_line_and_column() {
    let (code, report) = check_json(&fixture("broken.json"), &[]);
    assert_eq!(code, 1);
    let s = find(&report, "errors", "syntax");
    assert_eq!(
        (s["line"].as_u64(), s["column"].as_u64()),
        (Some(5), Some(15))
    );
    let (code, report) = check_json(&fixture("wrong-shape.json"), &["--kind", "i18n"]);
    assert_eq!(code, 1);
    let m = find(&report, "errors", "messages");
    assert_eq!(m["path"], "messages");
    assert_eq!(m["line"], 1);
}

#[test]
fn the_file_must_be_named_after_its_language() {
    let (code, report) = check_json(&fixture("khmer.json"), &[]);
    assert_eq!(code, 0);
    let w = find(&report, "warnings", "file_name");
    assert!(w["message"].as_str().unwrap_or("").contains("km.json"));
    let (_, report) = check_json(&fixture("km.json"), &[]);
    assert!(!codes(&report, "warnings").contains(&"file_name".to_string()));
}

#[test]
fn a_template_lists_every_text_to_translate() {
    let dir = std::env::temp_dir().join(format!("cchc-i18n-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let out = dir.join("cjm.json");
    let o = cchc(&[
        "i18n",
        "template",
        "--lang",
        "CJM",
        "--name",
        "Cham",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let (code, report) = check_json(&out, &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(codes(&report, "errors"), Vec::<String>::new());
    let en: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("pkg/i18n/en.json")).unwrap_or_default(),
    )
    .unwrap_or_default();
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(t["lang"], "cjm");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v["messages"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    assert_eq!(keys(&t), keys(&en));
    assert_eq!(
        cchc(&["i18n", "template", "--lang", "vi"]).status.code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

//! `cchc check-field` and `cchc validate-form`: output shape and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn cchc(args: &[&str], stdin: Option<&str>) -> (i32, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cchc runs");
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes()).expect("stdin");
    }
    let out = child.wait_with_output().expect("cchc ends");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json)
}

#[test]
fn check_field_prints_the_contract_and_exits_by_validity() {
    let (code, v) = cchc(
        &["check-field", "--kind", "mobile", "+84 912 345 678"],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(v["valid"], true);
    assert_eq!(v["normalized"], "0912345678");
    assert_eq!(v["code"], Value::Null);
    assert_eq!(v["message"], Value::Null);
    assert_eq!(v["warnings"], serde_json::json!([]));

    let (code, v) = cchc(
        &[
            "check-field",
            "--kind",
            "mobile",
            "--lang",
            "en",
            "01693456789",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(v["code"], "mobile_old_prefix");
    assert_eq!(v["suggestion"], "0393456789");
    assert_eq!(v["normalized"], Value::Null);

    let (code, v) = cchc(
        &[
            "check-field",
            "--kind",
            "cccd",
            "--today",
            "2025-08-15",
            "001226123456",
        ],
        None,
    );
    assert_eq!((code, v["code"].as_str()), (1, Some("cccd_future_year")));
    let (code, v) = cchc(&["check-field", "--kind", "phone", "-024 3825 3535"], None);
    assert_eq!(
        (code, v["normalized"].as_str()),
        (0, Some("02438253535")),
        "a leading hyphen is a value"
    );
    let (code, _) = cchc(&["check-field", "--kind", "iban", "x"], None);
    assert_eq!(code, 2);
    let (code, _) = cchc(
        &[
            "check-field",
            "--kind",
            "date",
            "--today",
            "hôm nay",
            "1/1/2020",
        ],
        None,
    );
    assert_eq!(code, 2);
}

#[test]
fn validate_form_uses_the_default_schema_and_reports_per_field() {
    let data = r#"{"doi_tuong":"ca-nhan","ho_ten":"Rơ Mah Hlun",
        "dia_chi":{"tinh":"66","xa":"24133","chi_tiet":"Thôn 3"},"dien_thoai":"0912345678",
        "loai":"kien-nghi","linh_vuc":"khong-phu-hop","tieu_de":"Giấy tờ",
        "noi_dung":"Yêu cầu nộp bản sao công chứng là không cần thiết.","cam_ket":true}"#;
    let (code, v) = cchc(
        &["validate-form", "--data", "-", "--today", "2025-08-15"],
        Some(data),
    );
    assert_eq!(code, 1);
    assert_eq!(v["valid"], false);
    assert_eq!(v["errors"]["phuong_an"]["code"], "required");
    assert_eq!(v["order"], serde_json::json!(["phuong_an"]));
    assert_eq!(v["normalized"]["dia_chi"]["xa_ten"], "Phường Buôn Ma Thuột");

    let fixed = data.replace(
        "\"cam_ket\":true",
        "\"cam_ket\":true,\"phuong_an\":\"Bỏ yêu cầu công chứng.\"",
    );
    let (code, v) = cchc(&["validate-form", "--data", "-"], Some(&fixed));
    assert_eq!((code, v["valid"].as_bool()), (0, Some(true)));

    let (code, v) = cchc(&["validate-form", "--data", "-"], Some("[1]"));
    assert_eq!((code, v["valid"].as_bool()), (1, Some(false)));
    let (code, _) = cchc(&["validate-form", "--data", "/khong/co/tep.json"], None);
    assert_eq!(code, 2);
}

#[test]
fn validate_form_reports_schema_errors_with_paths() {
    let dir = std::env::temp_dir().join(format!("cchc-fb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let schema = dir.join("s.json");
    std::fs::write(&schema, r#"{"format":"cchc-phan-anh","version":1,"title":"t","fields":[{"name":"a","type":"text","label":"A","pattern":"x"}]}"#).expect("write");
    let path = schema.to_string_lossy().to_string();
    let (code, v) = cchc(
        &["validate-form", "--schema", &path, "--data", "-"],
        Some("{}"),
    );
    assert_eq!(code, 1);
    assert_eq!(v["schema_errors"][0]["path"], "$.fields[0].pattern");
    assert_eq!(v["schema_errors"][0]["code"], "pattern_unsupported");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_built_in_form_prints_as_a_schema_and_data_is_otherwise_required() {
    let (code, v) = cchc(&["validate-form", "--print-default-schema"], None);
    assert_eq!(code, 0);
    assert_eq!(v["format"], "cchc-phan-anh");
    assert!(v["fields"].as_array().is_some_and(|f| f.len() > 10));
    assert_eq!(v["fields"][0]["label"]["en"], "You are sending as");
    // With --vi-only it is exactly what `pkg/` ships for the widget.
    let (code, v) = cchc(
        &["validate-form", "--print-default-schema", "--vi-only"],
        None,
    );
    assert_eq!(code, 0);
    let shipped: Value = serde_json::from_str(include_str!("../pkg/phan-anh-mac-dinh.json"))
        .expect("pkg/phan-anh-mac-dinh.json is JSON");
    assert_eq!(v, shipped);
    assert_eq!(v["fields"][0]["label"], "Bạn gửi với tư cách");
    let (code, _) = cchc(&["validate-form"], None);
    assert_eq!(
        code, 2,
        "a submission is required unless the schema is printed"
    );
}

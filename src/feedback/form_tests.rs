//! Whole-form tests: the Nghị định 20 default schema, conditional rules, overrides, the
//! published `www/data/phan-anh.json`.

use super::dvhc::embedded;
use super::*;
use crate::i18n::Lang;
use crate::json::Value;

const TODAY: Date = match Date::new(2025, 8, 15) {
    Some(d) => d,
    None => panic!("invalid test date"),
};

/// A submission (or a value of one) written as JSON text.
fn parsed(text: &str) -> Value {
    crate::json::parse(text).unwrap_or_else(|e| panic!("{e:?} in {text}"))
}

/// Sets (or replaces) the value of `key` in a submission.
fn insert(data: &mut Value, key: &str, v: Value) {
    if let Value::Obj(members) = data {
        members.retain(|(k, _)| k != key);
        members.push((key.to_string(), v));
    }
}

/// The value at `path` (object keys) inside `v`.
fn at<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, k| v.get(k))
}

fn good() -> Value {
    parsed(
        r#"{
        "doi_tuong": "ca-nhan",
        "ho_ten": "  H'Hen   Niê ",
        "so_cccd": "066 190 012 345",
        "dia_chi": {"tinh": "66", "xa": "24133", "chi_tiet": "Thôn 3"},
        "dien_thoai": "+84 912.345.678",
        "email": "hhen@Gmail.com",
        "loai": "phan-anh",
        "linh_vuc": "vuong-mac",
        "tieu_de": "Chậm cấp sổ đỏ",
        "noi_dung": "Hồ sơ nộp từ tháng 3 đến nay chưa có kết quả, quá hạn 45 ngày.",
        "cam_ket": true,
        "website": "",
        "khong_co_trong_schema": "bỏ qua"
    }"#,
    )
}

fn run(schema: &Schema, data: &Value, lang: Lang) -> FormResult {
    let book = embedded::address_book().unwrap_or_default();
    let ctx = FormContext {
        today: TODAY,
        lang,
        address: Some(&book),
    };
    validate_form(schema, data, &ctx)
}

fn error_fields(r: &FormResult) -> Vec<(&str, &str)> {
    r.errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_str()))
        .collect()
}

#[test]
fn a_complete_submission_is_valid_and_normalised() {
    let mut data = good();
    insert(
        &mut data,
        "dia_chi",
        parsed(r#"{"tinh": "66", "xa": "24133", "chi_tiet": " Thôn  3 "}"#),
    );
    let r = run(&Schema::default_nd20(), &data, Lang::Vi);
    assert_eq!(error_fields(&r), vec![]);
    assert!(r.valid && !r.spam);
    assert_eq!(
        at(&r.normalized, &["ho_ten"]),
        Some(&Value::from("H'Hen Niê"))
    );
    assert_eq!(
        at(&r.normalized, &["dien_thoai"]),
        Some(&Value::from("0912345678"))
    );
    assert_eq!(
        at(&r.normalized, &["so_cccd"]),
        Some(&Value::from("066190012345"))
    );
    assert_eq!(
        at(&r.normalized, &["email"]),
        Some(&Value::from("hhen@gmail.com"))
    );
    assert_eq!(at(&r.normalized, &["cam_ket"]), Some(&Value::from(true)));
    assert_eq!(
        at(&r.normalized, &["dia_chi", "chi_tiet"]),
        Some(&Value::from("Thôn 3"))
    );
    assert_eq!(
        at(&r.normalized, &["dia_chi", "tinh_ten"]),
        Some(&Value::from("Tỉnh Đắk Lắk"))
    );
    assert_eq!(
        at(&r.normalized, &["dia_chi", "xa_ten"]),
        Some(&Value::from("Phường Buôn Ma Thuột"))
    );
    assert!(r.normalized.get("khong_co_trong_schema").is_none());
    assert!(r.normalized.get("website").is_none());
}

#[test]
fn an_empty_submission_lists_required_fields_in_form_order() {
    let r = run(&Schema::default_nd20(), &parsed("{}"), Lang::Vi);
    assert_eq!(
        error_fields(&r),
        vec![
            ("doi_tuong", "required_choice"),
            ("ho_ten", "required"),
            ("dia_chi", "address_province"),
            ("dien_thoai", "required"),
            ("loai", "required_choice"),
            ("linh_vuc", "required_choice"),
            ("tieu_de", "required"),
            ("noi_dung", "required"),
            ("cam_ket", "required_consent"),
        ]
    );
    assert_eq!(r.errors[1].message, "Vui lòng nhập họ và tên.");
    assert_eq!(
        r.errors[3].message,
        "Vui lòng nhập số điện thoại, hoặc ghi địa chỉ nhận thư nếu bạn không có số điện thoại."
    );
    let en = run(&Schema::default_nd20(), &parsed("{}"), Lang::En);
    assert_eq!(en.errors[1].message, "Enter full name.");
    assert_eq!(
        en.errors[0].message,
        "Select whether you are an individual or an organisation."
    );
    assert_eq!(en.errors[5].message, "Select what it is about.");
}

#[test]
fn phone_is_required_unless_a_postal_address_is_given() {
    let schema = Schema::default_nd20();
    let mut data = good();
    if let Value::Obj(members) = &mut data {
        members.retain(|(k, _)| k != "dien_thoai");
    }
    assert_eq!(
        error_fields(&run(&schema, &data, Lang::Vi)),
        vec![("dien_thoai", "required")]
    );
    insert(
        &mut data,
        "dia_chi_thu_tin",
        Value::from("Hộp thư 12, Bưu điện Buôn Ma Thuột"),
    );
    assert_eq!(error_fields(&run(&schema, &data, Lang::Vi)), vec![]);
    insert(&mut data, "dia_chi_thu_tin", Value::from(" \u{200B} "));
    assert_eq!(
        error_fields(&run(&schema, &data, Lang::Vi)),
        vec![("dien_thoai", "required")]
    );
}

#[test]
fn a_kien_nghi_needs_a_proposed_solution() {
    let schema = Schema::default_nd20();
    let mut data = good();
    insert(&mut data, "loai", Value::from("kien-nghi"));
    let r = run(&schema, &data, Lang::Vi);
    assert_eq!(error_fields(&r), vec![("phuong_an", "required")]);
    assert!(r.errors[0]
        .message
        .starts_with("Kiến nghị cần có phương án"));
    insert(
        &mut data,
        "phuong_an",
        Value::from("Cho phép nộp hồ sơ trực tuyến toàn trình."),
    );
    assert_eq!(error_fields(&run(&schema, &data, Lang::Vi)), vec![]);
}

#[test]
fn an_organisation_must_give_its_name() {
    let mut data = good();
    insert(&mut data, "doi_tuong", Value::from("to-chuc"));
    assert_eq!(
        error_fields(&run(&Schema::default_nd20(), &data, Lang::Vi)),
        vec![("ten_to_chuc", "required")]
    );
}

#[test]
fn bad_values_get_their_specific_errors() {
    let mut data = good();
    insert(
        &mut data,
        "ho_ten",
        Value::from("<script>alert(1)</script>"),
    );
    insert(&mut data, "so_cccd", Value::from("001230012345"));
    insert(&mut data, "dien_thoai", Value::from("01693456789"));
    insert(
        &mut data,
        "dia_chi",
        parsed(r#"{"tinh": "01", "xa": "24133", "chi_tiet": "x"}"#),
    );
    insert(&mut data, "linh_vuc", Value::from("khong-co"));
    insert(&mut data, "noi_dung", Value::from("😀".repeat(30)));
    insert(
        &mut data,
        "tep_dinh_kem",
        parsed(r#"[{"name": "a.exe", "type": "application/x-msdownload", "size": 10}]"#),
    );
    let r = run(&Schema::default_nd20(), &data, Lang::Vi);
    assert_eq!(
        error_fields(&r),
        vec![
            ("ho_ten", "name_char"),
            ("so_cccd", "cccd_future_year"),
            ("dia_chi", "address_commune"),
            ("dien_thoai", "mobile_old_prefix"),
            ("linh_vuc", "choice_unknown"),
            ("noi_dung", "emoji"),
            ("tep_dinh_kem", "file_type"),
        ]
    );
    assert_eq!(
        r.errors[2].message,
        "Vui lòng chọn xã, phường hoặc đặc khu thuộc Thành phố Hà Nội."
    );
    assert_eq!(
        r.errors[6].message,
        "Tệp phải có định dạng PDF, JPG, JPEG, PNG, DOCX."
    );
}

#[test]
fn a_hundred_thousand_characters_are_refused_quickly() {
    let mut data = good();
    insert(&mut data, "noi_dung", Value::from("a".repeat(100_000)));
    insert(&mut data, "tieu_de", Value::from("ư".repeat(100_000)));
    let start = std::time::Instant::now();
    let r = run(&Schema::default_nd20(), &data, Lang::Vi);
    assert!(start.elapsed().as_millis() < 500);
    assert_eq!(
        error_fields(&r),
        vec![("tieu_de", "too_long"), ("noi_dung", "too_long")]
    );
    assert_eq!(
        r.errors[0].message,
        "Chỉ được nhập tối đa 200 ký tự (bạn đã nhập 100000 ký tự)."
    );
}

#[test]
fn the_honeypot_marks_spam_without_an_error() {
    let mut data = good();
    insert(&mut data, "website", Value::from("http://spam.example"));
    let r = run(&Schema::default_nd20(), &data, Lang::Vi);
    assert!(r.spam && !r.valid && r.errors.is_empty());
}

#[test]
fn cccd_is_checked_against_the_date_of_birth() {
    let schema = Schema::from_json(
        r#"{"format":"cchc-phan-anh","version":1,"title":"t","fields":[
            {"name":"ngay_sinh","type":"date","label":"Ngày sinh","not_future":true,"min_year":1900},
            {"name":"cccd","type":"cccd","label":"Số CCCD","dob_field":"ngay_sinh","allow_cmnd":true}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let data = parsed(r#"{"ngay_sinh": "1/5/1986", "cccd": "001085012345"}"#);
    let r = run(&schema, &data, Lang::En);
    assert_eq!(error_fields(&r), vec![("cccd", "cccd_dob_mismatch")]);
    assert_eq!(
        r.errors[0].message,
        "The birth year in the CCCD number (1985) does not match the date of birth (01/05/1986)."
    );
    let data = parsed(r#"{"ngay_sinh": "01/05/1985", "cccd": "001085012345"}"#);
    assert!(run(&schema, &data, Lang::Vi).valid);
    let data = parsed(r#"{"ngay_sinh": "16/08/2025", "cccd": "123456789"}"#);
    let r = run(&schema, &data, Lang::Vi);
    assert_eq!(error_fields(&r), vec![("ngay_sinh", "date_future")]);
    assert_eq!(
        r.warnings.first().map(|w| w.code.as_str()),
        Some("cmnd_expired")
    );
}

#[test]
fn conditions_with_in_and_filled_false_and_overrides() {
    let schema = Schema::from_json(
        r#"{"format":"cchc-phan-anh","version":1,"title":"t",
            "messages":{"required":{"vi":"Thiếu {label}!","en":"Missing {label}!"}},
            "fields":[
              {"name":"kenh","type":"select","label":"Kênh","options":[{"value":"a","label":"A"},{"value":"b","label":"B"},{"value":"c","label":"C"}]},
              {"name":"x","type":"text","label":"Mã X","required_if":{"field":"kenh","in":["a","b"]}},
              {"name":"y","type":"text","label":"Y","required_if":[{"field":"x","filled":false},{"field":"kenh","equals":"c"}]}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let codes = |text: &str| {
        let r = run(&schema, &parsed(text), Lang::Vi);
        r.errors
            .iter()
            .map(|e| format!("{}:{}", e.field, e.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(r#"{"kenh": "a"}"#),
        vec!["x:Thiếu mã X!", "y:Thiếu y!"]
    );
    assert_eq!(codes(r#"{"kenh": "a", "x": "1"}"#), Vec::<String>::new());
    assert_eq!(codes(r#"{"kenh": "c", "x": "1"}"#), vec!["y:Thiếu y!"]);
}

#[test]
fn validate_field_checks_one_field_in_context() {
    let schema = Schema::default_nd20();
    let book = embedded::address_book().unwrap_or_default();
    let ctx = FormContext {
        today: TODAY,
        lang: Lang::Vi,
        address: Some(&book),
    };
    let data = parsed(r#"{"loai": "kien-nghi"}"#);
    let r = validate_field(&schema, "phuong_an", &data, &ctx);
    assert_eq!(
        r.and_then(|r| r.error).map(|e| e.code),
        Some("required".to_string())
    );
    assert!(validate_field(&schema, "khong-co", &data, &ctx).is_none());
    let r = validate_field(
        &schema,
        "dien_thoai",
        &parsed(r#"{"dien_thoai": "0912 345 678"}"#),
        &ctx,
    );
    assert_eq!(
        r.and_then(|r| r.normalized),
        Some(Value::from("0912345678"))
    );
}

#[test]
fn communes_not_yet_loaded_are_checked_by_shape_only() {
    let mut book = AddressBook::from_provinces_json(embedded::PROVINCES).unwrap_or_default();
    let mut data = good();
    insert(
        &mut data,
        "dia_chi",
        parsed(r#"{"tinh": "01", "xa": "99999", "chi_tiet": "Số 1"}"#),
    );
    let valid = |book: &AddressBook| {
        let ctx = FormContext {
            today: TODAY,
            lang: Lang::Vi,
            address: Some(book),
        };
        validate_form(&Schema::default_nd20(), &data, &ctx).valid
    };
    assert!(valid(&book));
    let xa01 = embedded::COMMUNES
        .iter()
        .find(|(c, _)| *c == "01")
        .map(|(_, j)| *j)
        .unwrap_or("");
    assert_eq!(book.add_communes_json("01", xa01), Ok(()));
    assert!(!valid(&book));
}

/// What `www/data/phan-anh.json` holds: the default form plus the demo server's endpoint (an
/// absolute path, so it works whether the site is served from www/ or from the repo root) and
/// the demo's answers page, which the success panel links to.
fn published_demo_schema() -> Schema {
    Schema {
        endpoint: Some(schema::Endpoint {
            url: "/api/phan-anh".into(),
            timeout_ms: 20_000,
        }),
        answers_page: Some("/phan-anh-da-tra-loi.html".into()),
        ..Schema::default_nd20()
    }
}

#[test]
fn the_default_schema_round_trips_and_is_published() {
    let schema = published_demo_schema();
    let json = schema.to_json();
    assert_eq!(Schema::from_json(&json), Ok(schema));
    let published = include_str!("../../www/data/phan-anh.json");
    assert_eq!(
        published.trim_end(),
        json,
        "regenerate: cargo test write_default_schema -- --ignored"
    );
}

/// The widget reads the built-in form from `pkg/phan-anh-mac-dinh.json` (written by `cargo xtask
/// build` from `cchc validate-form --print-default-schema --vi-only`): it must be exactly this
/// schema, Vietnamese only, and read as built-in texts it speaks English like the built-in form.
#[test]
fn the_default_schema_shipped_in_pkg_is_the_built_in_one() {
    let shipped = include_str!("../../pkg/phan-anh-mac-dinh.json");
    assert_eq!(shipped.trim_end(), Schema::bundle_json());
    assert!(
        !shipped.contains("\"en\""),
        "the English is in pkg/i18n/en.json"
    );
    let read = Schema::from_json_builtin(shipped).expect("the shipped form reads");
    let built_in = Schema::default_nd20();
    assert_eq!(read.fields.len(), built_in.fields.len());
    let texts = |s: &Schema, lang: Lang| {
        let mut out = vec![s.title.get(lang).to_string()];
        for f in &s.fields {
            out.push(f.label.get(lang).to_string());
            out.extend(f.hint.as_ref().map(|h| h.get(lang).to_string()));
            out.extend(f.options.iter().map(|o| o.label.get(lang).to_string()));
            out.extend(f.messages.iter().map(|(_, t)| t.get(lang).to_string()));
        }
        out
    };
    assert_eq!(texts(&read, Lang::Vi), texts(&built_in, Lang::Vi));
    assert_eq!(texts(&read, Lang::En), texts(&built_in, Lang::En));
    assert_ne!(texts(&read, Lang::En), texts(&read, Lang::Vi));
    // Read as an agency's schema, the same file has no English.
    let plain = Schema::from_json(shipped).expect("reads");
    assert_eq!(plain.title.get(Lang::En), built_in.title.vi);
}

#[test]
#[ignore = "writes www/data/phan-anh.json"]
fn write_default_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/phan-anh.json");
    let written = std::fs::write(path, published_demo_schema().to_json() + "\n");
    assert!(written.is_ok(), "{written:?}");
}

#[test]
#[ignore = "timing; run with --release -- --ignored --nocapture"]
fn time_a_full_form() {
    let schema = Schema::default_nd20();
    let book = embedded::address_book().unwrap_or_default();
    let ctx = FormContext {
        today: TODAY,
        lang: Lang::Vi,
        address: Some(&book),
    };
    let data = good();
    let n = 10_000u32;
    let start = std::time::Instant::now();
    let mut valid = 0;
    for _ in 0..n {
        valid += usize::from(validate_form(&schema, &data, &ctx).valid);
    }
    let per = start.elapsed() / n;
    println!("validate_form (default schema, 13 filled fields): {per:?} per form, {valid} valid");
    let start = std::time::Instant::now();
    let parsed = (0..1000)
        .filter(|_| Schema::from_json(&schema.to_json()).is_ok())
        .count();
    println!(
        "Schema::from_json(default): {:?} per load ({parsed} ok)",
        start.elapsed() / 1000
    );
}

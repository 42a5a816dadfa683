//! `cchc check` and `cchc import` end to end, on the real sample files in tests/fixtures/import.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn cchc(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc")).args(args).output();
    out.unwrap_or_else(|e| panic!("cannot run cchc: {e}"))
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cchc-import-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir.join(name)
}

fn check_json(file: &Path) -> serde_json::Value {
    let o = cchc(&["check", &file.to_string_lossy(), "--format", "json"]);
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

fn codes_in(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    v["procedures"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Imports, then checks the output and searches each listed name.
fn import_check_search(input: &str, extra: &[&str], out_name: &str) -> (PathBuf, String) {
    let out = tmp(out_name);
    let mut args = vec!["import", "tthc"];
    let input = fixture(input);
    let input = input.to_string_lossy();
    let out_s = out.to_string_lossy();
    args.extend([input.as_ref(), "-o", out_s.as_ref()]);
    args.extend(extra);
    let o = cchc(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let report = check_json(&out);
    assert_eq!(report["kind"], "tthc");
    assert_eq!(
        report["errors"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    (out, stderr(&o))
}

fn search_finds(data: &Path, query: &str, code: &str) {
    let o = cchc(&[
        "search",
        "--data",
        &data.to_string_lossy(),
        "--format",
        "json",
        query,
    ]);
    assert_eq!(self::code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    let codes: Vec<&str> = v["results"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["code"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        codes.contains(&code),
        "{query:?} → {codes:?}, wanted {code}"
    );
}

#[test]
fn portal_xlsx_export_one_record_per_procedure() {
    let (out, err) = import_check_search("portal_export_BoTuPhap.xlsx", &[], "btp.json");
    assert!(err.contains("dòng tiêu đề 2"), "{err}");
    assert!(
        err.contains("giữ 271 thủ tục, gộp 0 (trùng mã), bỏ 0"),
        "{err}"
    );
    let codes = codes_in(&out);
    assert_eq!(codes.len(), 271);
    let report = check_json(&out);
    assert_eq!(report["records"], 271);
    // The list export has no portal links: a warning per procedure, not an error.
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(271));
    assert_eq!(report["warnings"][0]["code"], "no_url");
    search_finds(&out, "Đăng ký giám sát việc giám hộ", "3.000323");
    search_finds(
        &out,
        "nuoi con nuoi co yeu to nuoc ngoai tre em co so nuoi duong",
        "1.003976",
    );
    // Multi-line agency cells become separate agencies, after the issuing ministry.
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(text.contains("\"Bộ Tư pháp\",\n        \"Chủ tịch ủy ban nhân dân cấp tỉnh\""));
}

#[test]
fn portal_json_lines_records_become_channels_time_fee() {
    let (out, err) = import_check_search(
        "tthc_botuphap_25.jsonl",
        &["--details", "inline"],
        "nat.json",
    );
    assert!(
        err.contains("giữ 25 thủ tục, gộp 0 (trùng mã), bỏ 0"),
        "{err}"
    );
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let procs = v["procedures"].as_array().cloned().unwrap_or_default();
    assert_eq!(procs.len(), 25);
    assert!(procs.iter().all(|p| p["url"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://dichvucong.gov.vn/"))));
    assert!(procs.iter().any(|p| p["time"].is_string()));
    assert!(procs.iter().any(|p| p["details"]["channels"]
        .as_array()
        .is_some_and(|c| !c.is_empty())));
    // No placeholder survives.
    assert!(!text.contains("Không có thông tin"));
    let first = procs
        .first()
        .and_then(|p| p["name"].as_str())
        .unwrap_or("")
        .to_string();
    let first_code = procs
        .first()
        .and_then(|p| p["code"].as_str())
        .unwrap_or("")
        .to_string();
    search_finds(&out, &first, &first_code);
    // Split details: small main file, details beside it, still accepted.
    let split = tmp("split/tthc.json");
    let _ = std::fs::create_dir_all(split.parent().unwrap_or(Path::new(".")));
    let o = cchc(&[
        "import",
        "tthc",
        &fixture("tthc_botuphap_25.jsonl").to_string_lossy(),
        "-o",
        &split.to_string_lossy(),
        "--details",
        "split",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let details = split.with_file_name("tthc-chi-tiet").join("000.json");
    assert!(details.exists());
    // The portal links, times and fees went with the details; the list keeps the rest.
    let list: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&split).unwrap_or_default())
            .unwrap_or_default();
    let list = list["procedures"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 25);
    assert!(list.iter().all(|p| p["url"].is_null()
        && p["time"].is_null()
        && p["fee"].is_null()
        && p["details_url"] == "tthc-chi-tiet/000.json"));
    let details: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&details).unwrap_or_default())
            .unwrap_or_default();
    let details = details.as_object().cloned().unwrap_or_default();
    assert_eq!(details.len(), 25);
    assert!(details.values().all(|d| d["url"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://dichvucong.gov.vn/"))));
    // `cchc check` reads the details files: the links are found there, nothing to warn about.
    let report = check_json(&split);
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        report["warnings"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    search_finds(&split, &first, &first_code);
}

/// The demo data: all 2,642 procedures load, the details files beside it give every procedure its
/// portal link, and the search answers.
#[test]
fn demo_data_checks_clean_and_searches() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/tthc.json");
    let report = check_json(&data);
    assert_eq!(report["kind"], "tthc");
    assert_eq!(report["records"], 2642);
    assert_eq!(report["usable"], true);
    assert_eq!(
        report["warnings"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    search_finds(&data, "lam giay khai sinh", "1.001193");
}

#[test]
fn csv_reports_merged_and_dropped_with_lines() {
    let (out, err) = import_check_search("tthc_so_tu_phap.csv", &[], "csv.json");
    assert!(
        err.contains("giữ 20 thủ tục, gộp 1 (trùng mã), bỏ 1"),
        "{err}"
    );
    // Lines are the CSV's physical lines (agency cells span several lines).
    let text = std::fs::read_to_string(fixture("tthc_so_tu_phap.csv")).unwrap_or_default();
    let last = text.lines().count();
    assert!(
        err.contains(&format!(
            "dòng {}: gộp: Gộp thủ tục trùng mã: 3.000323",
            last - 1
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "dòng {last}: bỏ: Bỏ qua thủ tục thiếu mã hoặc tên: missing name 1.999999"
        )),
        "{err}"
    );
    assert_eq!(codes_in(&out).len(), 20);
    search_finds(&out, "dang ky giam sat viec giam ho", "3.000323");
}

#[test]
fn csv_with_other_headers_needs_a_map() {
    let input = fixture("tthc_custom_headers.csv");
    let out = tmp("custom.json");
    let o = cchc(&[
        "import",
        "tthc",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("--map"), "{}", stderr(&o));
    let (out, _) = import_check_search(
        "tthc_custom_headers.csv",
        &["--map", "MA_TTHC=code,TEN_TTHC=name,LINH_VUC=field"],
        "custom.json",
    );
    assert_eq!(codes_in(&out).len(), 8);
    let o = cchc(&[
        "import",
        "tthc",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--map",
        "MA_TTHC=ma",
    ]);
    assert_eq!(code(&o), 2, "unknown target field is a usage error");
}

#[test]
fn chi_tieu_from_the_plan_appendix() {
    for ext in ["csv", "xlsx"] {
        let out = tmp(&format!("chi-tieu-{ext}.json"));
        let input = fixture(&format!("chi_tieu_hatinh_2025.{ext}"));
        let o = cchc(&[
            "import",
            "chi-tieu",
            &input.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
            "--agency",
            "UBND tỉnh Hà Tĩnh",
            "--number",
            "3098/QĐ-UBND",
        ]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("78 nhiệm vụ"), "{err}");
        // The one empty deadline cell of the appendix is listed, with its line.
        assert!(err.contains(": Thời gian: (trống)"), "{err}");
        let report = check_json(&out);
        assert_eq!(report["kind"], "chi-tieu");
        assert_eq!(
            report["errors"].as_array().map(Vec::len),
            Some(0),
            "{report}"
        );
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap_or_default())
                .unwrap_or_default();
        let plan = &v["agencies"][0]["plans"][0];
        assert_eq!(plan["year"], 2025);
        assert_eq!(plan["tasks"].as_array().map(Vec::len), Some(78));
        assert_eq!(plan["tasks"][0]["id"], "PL.I.1");
        assert_eq!(plan["tasks"][0]["deadline_text"], "Tháng 12/2024");
        // Merged cells are filled down: the third task keeps the first objective.
        assert_eq!(plan["tasks"][2]["objective"], plan["tasks"][0]["objective"]);
        let areas: Vec<&str> = plan["tasks"]
            .as_array()
            .map(|a| a.iter().filter_map(|t| t["area"].as_str()).collect())
            .unwrap_or_default();
        assert!(areas.contains(&"chinh_quyen_so") && areas.contains(&"the_che"));
        let o = cchc(&[
            "tracker",
            "--data",
            &out.to_string_lossy(),
            "--as-of",
            "2025-06-30",
        ]);
        assert!(code(&o) == 0 || code(&o) == 2, "{}", stderr(&o));
    }
}

#[test]
fn broken_files_are_refused_with_their_line() {
    let o = cchc(&[
        "check",
        &fixture("broken_truncated_tthc.json").to_string_lossy(),
    ]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines = std::fs::read_to_string(fixture("broken_truncated_tthc.json"))
        .unwrap_or_default()
        .lines()
        .count();
    assert!(
        out.contains(&format!("broken_truncated_tthc.json:{lines}:")),
        "{out}"
    );
    assert!(
        out.contains("lỗi: Tệp dữ liệu không phải JSON hợp lệ"),
        "{out}"
    );

    let f = fixture("broken_wrong_types_chi_tieu.json");
    let v = check_json(&f);
    assert_eq!(v["kind"], "chi-tieu");
    let errors = v["errors"].as_array().cloned().unwrap_or_default();
    // The plan's year is wrong, so the plan (and its tasks) cannot be read further.
    assert!(!errors.is_empty(), "{errors:?}");
    let text = std::fs::read_to_string(&f).unwrap_or_default();
    let year_line = text
        .lines()
        .position(|l| l.contains("\"year\": \"2025\""))
        .map(|i| i + 1);
    let year = errors
        .iter()
        .find(|e| e["path"] == "agencies[0].plans[0].year");
    assert_eq!(
        year.and_then(|e| e["line"].as_u64()).map(|l| l as usize),
        year_line
    );
    let o = cchc(&["check", &f.to_string_lossy(), "--lang", "en"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("error: Wrong type"), "{}", stdout(&o));

    let o = cchc(&[
        "check",
        &fixture("broken_line.jsonl").to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "a broken line is skipped, the rest loads");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    assert_eq!(v["records"], 4);
    let skipped = v["warnings"]
        .as_array()
        .and_then(|w| w.iter().find(|w| w["code"] == "line_skipped").cloned());
    assert_eq!(
        skipped.map(|w| w["line"].clone()),
        Some(serde_json::json!(3))
    );

    let out = tmp("missing.json");
    let o = cchc(&[
        "import",
        "tthc",
        &fixture("broken_missing_column.csv").to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("missing: name") && stderr(&o).contains("closest row 1"),
        "{}",
        stderr(&o)
    );
    let o = cchc(&[
        "import",
        "tthc",
        &fixture("broken_line.jsonl").to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code(&o), 0);
    assert!(
        stderr(&o).contains("giữ 4 thủ tục, gộp 0 (trùng mã), bỏ 1")
            && stderr(&o).contains("dòng 3: bỏ"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn exit_codes() {
    let o = cchc(&["check", &fixture("nope.json").to_string_lossy()]);
    assert_eq!(code(&o), 1);
    let o = cchc(&["check", "x.json", "--kind", "nope"]);
    assert_eq!(code(&o), 2);
    let o = cchc(&["check", "x.json", "--lang", "fr"]);
    assert_eq!(code(&o), 2);
    let o = cchc(&["check"]);
    assert_eq!(code(&o), 2);
    let o = cchc(&["import", "tthc", "a.pdf", "-o", "x.json"]);
    assert_eq!(code(&o), 2);
    // An XLSX given to check is explained, not parsed as JSON.
    let o = cchc(&[
        "check",
        &fixture("portal_export_BoTuPhap.xlsx").to_string_lossy(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("cchc import"), "{}", stderr(&o));
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/phan-anh.json");
    let o = cchc(&["check", &demo.to_string_lossy(), "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

/// The demo's data is committed with `.gz`/`.br` siblings (a server with `gzip_static` sends them
/// instead of the file): after regenerating a data file, `cchc precompress www/data` must follow.
#[test]
fn demo_data_precompressed_siblings_match() {
    let out = cchc(&["precompress", "--check", "www/data"]);
    assert!(
        out.status.success(),
        "stale siblings in www/data (run `cargo run -- precompress --fast www/data`):\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(Path::new("www/data/tthc.json.br").exists());
}

/// Import writes the list with its siblings, `cchc check` accepts them, and a hand edit that
/// leaves an old sibling behind is an error that names the sibling and the fix.
#[test]
fn published_files_carry_matching_siblings_and_check_finds_stale_ones() {
    let dir = std::env::temp_dir().join(format!("cchc-precompress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("phan-anh.json");
    std::fs::copy("www/data/phan-anh.json", &file).unwrap();
    let out = cchc(&["precompress", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for ext in ["gz", "br"] {
        assert!(dir.join(format!("phan-anh.json.{ext}")).exists());
    }
    let ok = cchc(&["check", file.to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let edited = std::fs::read_to_string(&file)
        .unwrap()
        .replacen('{', "{ ", 1);
    std::fs::write(&file, edited).unwrap();
    let stale = cchc(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&stale.stdout);
    assert_eq!(stale.status.code(), Some(1), "{text}");
    assert!(
        text.contains("phan-anh.json.br") && text.contains("cchc precompress"),
        "{text}"
    );
    let again = cchc(&["precompress", "--check", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cchc import hoi-dap`: the template, a good sheet (its file written beside tthc.json, named
/// by `faq_url`, searched by `cchc search`), a bad sheet (every problem with row and column,
/// nothing written).
#[test]
fn hoi_dap_import_search_and_refusal() {
    let dir = std::env::temp_dir().join(format!("cchc-hoi-dap-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("tthc.json");
    let doc = r#"{"version": 1, "procedures": [
        {"code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "Hộ tịch", "url": "https://x"},
        {"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "Hộ tịch", "url": "https://x"}]}"#;
    std::fs::write(&list, doc).unwrap();
    let list_s = list.to_string_lossy().into_owned();
    let template = dir.join("mau.xlsx");
    let o = cchc(&[
        "import",
        "hoi-dap",
        "--template",
        &template.to_string_lossy(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = cchc(&[
        "import",
        "hoi-dap",
        &template.to_string_lossy(),
        "--into",
        &list_s,
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "Câu hỏi,Trả lời,Mã thủ tục liên quan\nKết hôn ở đâu?,,1.000894\nHỏi,Đáp,9.9\n",
    )
    .unwrap();
    let o = cchc(&[
        "import",
        "hoi-dap",
        &bad.to_string_lossy(),
        "--into",
        &list_s,
    ]);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(
        err.contains("dòng 2, cột B") && err.contains("dòng 3, cột C"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&list).unwrap(), doc);
    assert!(!dir.join("tthc-hoi-dap.json").exists());
    let good = dir.join("good.csv");
    std::fs::write(
        &good,
        "Câu hỏi,Trả lời,Mã thủ tục liên quan,Lĩnh vực\n\"Muốn lấy vợ thì đăng ký kết hôn ở đâu?\",\"Tại Ủy ban nhân dân cấp xã.\nMiễn lệ phí.\",1.000894,\n",
    )
    .unwrap();
    let o = cchc(&[
        "import",
        "hoi-dap",
        &good.to_string_lossy(),
        "--into",
        &list_s,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for f in [
        "tthc-hoi-dap.json",
        "tthc-hoi-dap.json.gz",
        "tthc-hoi-dap.json.br",
    ] {
        assert!(dir.join(f).exists(), "{f}");
    }
    let written = std::fs::read_to_string(&list).unwrap();
    assert!(
        written.contains("\"faq_url\":\"tthc-hoi-dap.json\""),
        "{written}"
    );
    let o = cchc(&[
        "search",
        "--data",
        &list_s,
        "--format",
        "json",
        "lấy vợ ở đâu",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    assert_eq!(v["results"][0]["code"], "1.000894", "{}", stdout(&o));
    assert_eq!(v["faq"][0]["codes"][0], "1.000894", "{}", stdout(&o));
    assert_eq!(
        v["faq"][0]["answer"],
        "Tại Ủy ban nhân dân cấp xã.\nMiễn lệ phí."
    );
    let o = cchc(&["search", "--data", &list_s, "lấy vợ ở đâu"]);
    assert!(stdout(&o).contains("hỏi đáp\t"), "{}", stdout(&o));
    let o = cchc(&["check", &list_s]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cchc import tthc` derives the procedures' own words from the details into a file of their
/// own, named by `terms_url`, also with `--details split`; `cchc search` reads it.
#[test]
fn tthc_import_writes_the_terms_file() {
    let dir = std::env::temp_dir().join(format!("cchc-terms-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("national.jsonl");
    let mut lines = String::new();
    for i in 0..6 {
        let who = if i < 3 {
            "Người mang thai hộ; trẻ em bị bỏ rơi"
        } else {
            "Doanh nghiệp nhà nước"
        };
        lines.push_str(&format!(
            "{{\"ma_thu_tuc\": \"1.00{i}\", \"ten_thu_tuc\": \"Thủ tục số {i}\", \"linh_vuc\": \"Hộ tịch\", \"detail_url\": \"https://x\", \"doi_tuong_thuc_hien\": \"{who}\"}}\n"
        ));
    }
    std::fs::write(&input, lines).unwrap();
    let out = dir.join("tthc.json");
    let o = cchc(&[
        "import",
        "tthc",
        &input.to_string_lossy(),
        "--details",
        "split",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let terms = std::fs::read_to_string(dir.join("tthc-tu-khoa.json")).unwrap_or_default();
    assert!(
        terms.contains("mang thai") && terms.contains("\"1.000\""),
        "{terms}"
    );
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("\"terms_url\": \"tthc-tu-khoa.json\""));
    let o = cchc(&[
        "search",
        "--data",
        &out.to_string_lossy(),
        "--format",
        "json",
        "mang thai",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    assert_eq!(v["total"], 3, "{}", stdout(&o));
    let o = cchc(&[
        "search",
        "--data",
        &out.to_string_lossy(),
        "--no-terms",
        "--format",
        "json",
        "mang thai",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    assert_eq!(v["total"], 0, "{}", stdout(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

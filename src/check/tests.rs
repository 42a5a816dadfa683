//! The checker on the real demo files and on broken variants of them.

use super::*;

const TTHC: &str = include_str!("../../www/data/tthc.json");
const CHI_TIEU: &str = include_str!("../../www/data/chi-tieu.json");
const PHAN_ANH: &str = include_str!("../../www/data/phan-anh.json");

fn boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn codes(ps: &[Problem]) -> Vec<&str> {
    ps.iter().map(|p| p.code.as_str()).collect()
}

#[test]
fn real_files_are_usable_and_counted() {
    let r = check(TTHC, None, Lang::Vi);
    assert_eq!(r.kind, Some(Kind::Tthc));
    assert!(r.usable(), "{:?}", r.errors);
    assert_eq!(r.records, 2642);
    let r = check(CHI_TIEU, None, Lang::Vi);
    assert_eq!(r.kind, Some(Kind::ChiTieu));
    assert!(r.usable(), "{:?}", r.errors);
    // Hà Tĩnh: 28 indicators + 78 tasks, plus the index targets.
    assert!(r.records > 28 + 78, "{}", r.records);
    let r = check(PHAN_ANH, None, Lang::En);
    assert_eq!(r.kind, Some(Kind::PhanAnh));
    assert!(r.usable(), "{:?}", r.errors);
    assert!(r.records >= 5);
}

#[test]
fn truncated_file_gives_line_and_column() {
    let cut = TTHC.get(..boundary(TTHC, 5000)).unwrap_or("");
    let r = check(cut, None, Lang::Vi);
    assert_eq!(r.kind, Some(Kind::Tthc));
    assert!(!r.usable());
    let e = &r.errors[0];
    assert_eq!(e.code, "syntax");
    assert_eq!(e.line, Some(cut.lines().count()));
    assert!(e.column.is_some_and(|c| c > 1));
    assert!(e.message.contains("JSON"), "{}", e.message);
    assert!(!e.hint.is_empty());
}

#[test]
fn wrong_type_in_chi_tieu_is_located() {
    let broken = CHI_TIEU.replacen("\"year\": 2025", "\"year\": \"2025\"", 1);
    assert_ne!(broken, CHI_TIEU);
    let r = check(&broken, None, Lang::Vi);
    assert!(!r.usable());
    let e = r.errors.iter().find(|e| e.code == "wrong_type");
    let e = e.map(|e| (e.path.clone(), e.line));
    let line = broken
        .lines()
        .position(|l| l.contains("\"year\": \"2025\""))
        .map(|i| i + 1);
    assert!(
        e.as_ref()
            .is_some_and(|(p, _)| p.as_deref().is_some_and(|p| p.ends_with(".year"))),
        "{e:?}"
    );
    assert_eq!(e.and_then(|e| e.1), line);
}

#[test]
fn tthc_warnings_missing_url_duplicate_unknown_key() {
    let doc = r#"{"version": 1, "procedures": [
  {"code": "1.000001", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "url": "https://dichvucong.gov.vn/x"},
  {"code": "1.000001", "name": "Đăng ký khai sinh", "feild": "Hộ tịch"},
  {"name": "Không mã"}
]}"#;
    let r = check(doc, Some(Kind::Tthc), Lang::Vi);
    assert!(r.usable());
    assert_eq!(r.records, 1);
    let c = codes(&r.warnings);
    for want in [
        "duplicate_code",
        "record_skipped",
        "no_url",
        "no_field",
        "unknown_key",
    ] {
        assert!(c.contains(&want), "{want} not in {c:?}");
    }
    let unknown = r.warnings.iter().find(|w| w.code == "unknown_key");
    assert_eq!(unknown.and_then(|w| w.line), Some(3));
    assert_eq!(
        unknown.and_then(|w| w.path.as_deref()),
        Some("procedures[1].feild")
    );
    let dup = r.warnings.iter().find(|w| w.code == "duplicate_code");
    assert_eq!(dup.and_then(|w| w.line), Some(3));
}

/// With the details files read, the portal link may be there; a file that cannot be read or
/// parsed is reported once, a procedure missing from its file each time, at `details_url`.
#[test]
fn tthc_details_files_are_read() {
    let doc = r#"{"version": 1, "procedures": [
  {"code": "1", "name": "A", "field": "F", "details_url": "a.json"},
  {"code": "2", "name": "B", "field": "F", "details_url": "a.json"},
  {"code": "3", "name": "C", "field": "F", "details_url": "missing.json"},
  {"code": "4", "name": "D", "field": "F", "details_url": "missing.json"},
  {"code": "5", "name": "E", "field": "F", "details_url": "bad.json"},
  {"code": "6", "name": "G", "field": "F", "details_url": "https://cdn.example/x.json"},
  {"code": "7", "name": "H", "field": "F", "details": {"url": "https://d/7"}},
  {"code": "8", "name": "I", "field": "F", "url": "https://a/8", "details_url": "a.json"},
  {"code": "9", "name": "K", "field": "F", "details_url": "a.json"}
]}"#;
    let read = |rel: &str| match rel {
        "a.json" => Some(Ok(
            r#"{"1": {"url": "https://d/1"}, "8": {}, "9": {"url": "Không có thông tin"}}"#.into(),
        )),
        "bad.json" => Some(Ok(r#"{"5": {"steps": "x"}}"#.into())),
        r if r.contains(':') => None,
        r => Some(Err(format!("{r}: not found"))),
    };
    let r = check_with_details(doc, None, Lang::En, &read);
    assert!(r.usable(), "{:?}", r.errors);
    let got: Vec<(&str, &str, Option<usize>)> = r
        .warnings
        .iter()
        .map(|w| (w.code.as_str(), w.path.as_deref().unwrap_or(""), w.line))
        .collect();
    assert_eq!(
        got,
        [
            ("details_missing", "procedures[1].details_url", Some(3)),
            ("no_url", "procedures[1]", Some(3)),
            ("details_unreadable", "procedures[2].details_url", Some(4)),
            ("details_unreadable", "procedures[4].details_url", Some(6)),
            ("no_url", "procedures[8]", Some(10)),
        ]
    );
    let bad = r.warnings.get(3).map(|w| w.message.as_str()).unwrap_or("");
    assert!(
        bad.contains("bad.json") && bad.contains("at 5.steps"),
        "{bad}"
    );
    // Without the files, a procedure whose details are not read is not said to lack a link.
    let r = check(doc, None, Lang::En);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

/// The demo data with its details files: every procedure has its portal link (now in the details
/// files), every details file reads, every procedure is in its file.
#[test]
fn real_tthc_with_its_details_files_has_no_warning() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/tthc.json");
    let r = check_with_details(TTHC, None, Lang::En, &details_beside(&file));
    assert!(r.usable(), "{:?}", r.errors);
    assert_eq!(r.records, 2642);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings.first());
    // Read from elsewhere, the files are missing: said once per file, and no link is claimed missing.
    let elsewhere = std::env::temp_dir().join("cchc-no-such-dir/tthc.json");
    let r = check_with_details(TTHC, None, Lang::En, &details_beside(&elsewhere));
    assert_eq!(r.warnings.len(), 85);
    let count = |code: &str| r.warnings.iter().filter(|w| w.code == code).count();
    assert_eq!(count("details_unreadable"), 83);
    assert_eq!(count("faq_unreadable"), 1);
    assert_eq!(count("terms_unreadable"), 1);
}

#[test]
fn national_json_lines_warnings_keep_their_line() {
    let jsonl = "{\"ma_thu_tuc\": \"1.1\", \"ten_thu_tuc\": \"A\", \"linh_vuc\": \"Hộ tịch\", \"detail_url\": \"https://x\"}\n{\"ma_thu_tuc\": \"1.2\", \"ten_thu_tuc\": \"B\", \"linh_vuc\": \"Không có thông tin\"}\n{broken\n";
    let r = check(jsonl, None, Lang::En);
    assert_eq!(r.kind, Some(Kind::Tthc));
    assert!(r.usable());
    assert_eq!(r.records, 2);
    let skipped = r.warnings.iter().find(|w| w.code == "line_skipped");
    assert_eq!(skipped.and_then(|w| w.line), Some(3));
    let no_url = r.warnings.iter().find(|w| w.code == "no_url");
    assert_eq!(no_url.and_then(|w| w.line), Some(2));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "no_field" && w.line == Some(2)));
}

#[test]
fn chi_tieu_sources_and_ids() {
    let doc = r#"{"format": "cchc-chi-tieu", "version": 1, "agencies": [{"id": "a", "name": "UBND",
 "indices": [{"id": "PCI", "kind": "pci", "name_vi": "PCI",
   "results": [{"year": 2016, "score": 57.19, "rank": 49, "rank_of": 63}],
   "targets": [{"year": 2024, "text": "đạt khoảng 69,5 điểm"}]}],
 "plans": [{"id": "p", "title": "KH", "year": 2025, "tasks": [
   {"id": "t1", "area": "tthc", "deadline_text": "Quý II/2025"},
   {"id": "t1", "area": "tthc", "deadline_text": "khi nào xong"}]}]}]}"#;
    let r = check(doc, None, Lang::Vi);
    assert!(r.usable(), "{:?}", r.errors);
    assert_eq!(r.records, 3);
    let c = codes(&r.warnings);
    assert_eq!(c.iter().filter(|c| **c == "no_source").count(), 3, "{c:?}");
    assert!(c.contains(&"duplicate_id"));
    assert!(c.contains(&"unknown_deadline"));
    let d = r.warnings.iter().find(|w| w.code == "unknown_deadline");
    assert_eq!(d.and_then(|w| w.line), Some(7));
}

#[test]
fn phan_anh_unknown_keys_are_warned_with_their_line() {
    // A typo ("requried") or a newer version's key: the widget ignores it, the check says so.
    let broken = PHAN_ANH.replacen("\"required\"", "\"requried\"", 2);
    let r = check(&broken, None, Lang::Vi);
    let n = r
        .warnings
        .iter()
        .filter(|e| e.code == "unknown_key")
        .count();
    assert_eq!(n, 2, "{:?}", r.warnings);
    assert!(r.warnings.iter().all(|e| e.line.is_some()));
    // Errors are still errors.
    let broken = PHAN_ANH.replacen("\"type\": \"name\"", "\"type\": \"nam\"", 1);
    assert!(!check(&broken, None, Lang::Vi).usable());
}

#[test]
fn kind_detection() {
    assert_eq!(detect("[{\"ma_thu_tuc\": \"1\"}]"), Some(Kind::Tthc));
    assert_eq!(
        detect("{\"format\": \"cchc-phan-anh\", \"fields\": ["),
        Some(Kind::PhanAnh)
    );
    assert_eq!(detect("{\"agencies\": []}"), Some(Kind::ChiTieu));
    assert_eq!(detect("{\"a\": 1}"), None);
    let r = check("hello", None, Lang::En);
    assert_eq!(r.kind, None);
    assert_eq!(codes(&r.errors), vec!["syntax", "unknown_kind"]);
    let r = check("", Some(Kind::PhanAnh), Lang::Vi);
    assert_eq!(codes(&r.errors), vec!["empty"]);
    assert_eq!(Kind::parse("chi-tieu"), Some(Kind::ChiTieu));
}

proptest::proptest! {
    #[test]
    fn never_panics_and_errors_mean_unusable(text in "\\PC{0,200}") {
        for kind in [None, Some(Kind::Tthc), Some(Kind::ChiTieu), Some(Kind::PhanAnh)] {
            let r = check(&text, kind, Lang::Vi);
            proptest::prop_assert_eq!(r.usable(), r.kind.is_some() && r.errors.is_empty());
            for p in r.errors.iter().chain(&r.warnings) {
                proptest::prop_assert!(!p.message.is_empty() && !p.hint.is_empty());
                proptest::prop_assert!(p.line.is_none_or(|l| l >= 1));
            }
        }
    }

    #[test]
    fn cutting_a_real_file_is_an_error_with_a_line(cut in 10usize..20_000) {
        let end = boundary(CHI_TIEU, cut.min(CHI_TIEU.len() - 2));
        let r = check(CHI_TIEU.get(..end).unwrap_or(""), None, Lang::Vi);
        proptest::prop_assert!(!r.usable());
        proptest::prop_assert!(r.errors.iter().any(|e| e.line.is_some()));
    }
}

/// Hỏi đáp entries, inline and in the file `faq_url` names: missing question or answer, unknown
/// procedure codes, the same question twice, personal data; a broken terms or hỏi đáp file.
#[test]
fn faq_entries_and_terms_file_are_checked() {
    let doc = r#"{"version": 1, "faq_url": "hd.json", "terms_url": "tk.json",
      "faq": [{"question": "Hỏi A?", "answer": "Đáp.", "codes": ["1.1", "9.9"]},
              {"question": "hỏi a", "answer": "Đáp lại."},
              {"question": "Thiếu trả lời"}],
      "procedures": [{"code": "1.1", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "url": "https://x"}]}"#;
    let faq = r#"{"version": 1, "faq": [{"question": "Hỏi B?", "answer": "Gọi 0912 345 678.", "codes": "1.1, 8.8"}, {"answer": "x"}]}"#;
    let read = |name: &str| match name {
        "hd.json" => Some(Ok(faq.to_string())),
        "tk.json" => Some(Ok("{\"version\": 1, \"terms\": 5}".to_string())),
        _ => None,
    };
    let r = check_with_details(doc, None, Lang::En, &read);
    assert!(r.usable(), "{:?}", r.errors);
    let codes: Vec<(&str, &str)> = r
        .warnings
        .iter()
        .map(|w| (w.code.as_str(), w.path.as_deref().unwrap_or("")))
        .collect();
    for want in [
        ("value_ignored", "faq[2]"),
        ("faq_unknown_code", "faq[0].codes"),
        ("faq_duplicate", "faq[1]"),
        ("faq_unknown_code", "hd.json: faq[0].codes"),
        ("faq_incomplete", "hd.json: faq[1]"),
        ("terms_unreadable", "terms_url"),
    ] {
        assert!(codes.contains(&want), "{want:?} not in {codes:?}");
    }
    assert!(
        codes
            .iter()
            .any(|(c, p)| *c == "personal_data" && p.starts_with("hd.json")),
        "{codes:?}"
    );
    let dup = r.warnings.iter().find(|w| w.code == "faq_duplicate");
    assert!(dup.is_some_and(|w| w.line.is_some()), "{dup:?}");
    let broken = |name: &str| (name == "hd.json").then(|| Ok("{\"faq\": []}".to_string()));
    let r = check_with_details(doc, None, Lang::En, &broken);
    assert!(r.warnings.iter().any(|w| w.code == "faq_unreadable"));
}

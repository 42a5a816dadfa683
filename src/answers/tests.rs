use super::*;
use crate::contract::DataErrorKind;

fn item(r: &str, answered: &str, subject: &str, field: &str, agency: &str, answer: &str) -> String {
    crate::text::cat(&[
        "{\"reference\":\"",
        r,
        "\",\"received\":\"2025-01-02\",\"answered\":\"",
        answered,
        "\",\"status\":\"da-tra-loi\",\"status_label\":\"Đã trả lời\",\"subject\":\"",
        subject,
        "\",\"content\":\"Nội dung\",\"field\":\"",
        field,
        "\",\"answer\":\"",
        answer,
        "\",\"answering_agency\":\"",
        agency,
        "\",\"fields\":{\"loai\":{\"label\":\"Bạn muốn gửi\",\"value\":\"Kiến nghị\"}}}",
    ])
}

fn file(items: &[String]) -> String {
    crate::text::cat(&[
        "{\"format\":\"cchc-phan-anh-da-tra-loi\",\"version\":1,\"title\":\"T\",\"published_on\":\"2026-12-08\",\"items\":[",
        &items.join(","),
        "]}",
    ])
}

fn demo() -> Answers {
    Answers::parse(&file(&[
        item(
            "PAKN-2025-000007",
            "2025-11-03",
            "Chậm cấp giấy chứng nhận quyền sử dụng đất",
            "Đất đai",
            "Sở Tài nguyên và Môi trường",
            "Đã cấp giấy chứng nhận.",
        ),
        item(
            "PAKN-2026-000123",
            "2026-12-07",
            "Xây dựng nhà ở không phép",
            "Xây dựng",
            "UBND huyện Đông Anh",
            "Đã kiểm tra và xử lý.",
        ),
        item(
            "PAKN-2026-000045",
            "2026-06-01",
            "Thủ tục đăng ký khai sinh cho con",
            "Hộ tịch",
            "Uỷ ban nhân dân xã Tiên Dương",
            "Hồ sơ gồm tờ khai và giấy chứng sinh.",
        ),
        item(
            "PAKN-2026-000046",
            "2026-06-02",
            "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "Xây dựng",
            "Sở Xây dựng",
            "Thời hạn giải quyết 15 ngày.",
        ),
    ]))
    .expect("demo loads")
}

fn refs(a: &Answers, r: &Results) -> Vec<String> {
    r.items
        .iter()
        .map(|&i| a.items[i].reference.clone())
        .collect()
}

fn q(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

#[test]
fn newest_first_and_facets() {
    let a = demo();
    let all = a.search(&q(""));
    assert_eq!(
        refs(&a, &all),
        [
            "PAKN-2026-000123",
            "PAKN-2026-000046",
            "PAKN-2026-000045",
            "PAKN-2025-000007"
        ]
    );
    assert_eq!(a.years(), [(2026, 3), (2025, 1)]);
    assert_eq!(a.fields().first(), Some(&("Xây dựng".to_string(), 2)));
    assert_eq!(a.agencies().len(), 4);
    assert_eq!(
        a.items[0].extra,
        [("Bạn muốn gửi".into(), "Kiến nghị".into())]
    );
    assert_eq!(a.title, "T");
}

#[test]
fn unaccented_typo_regional_abbreviation() {
    let a = demo();
    // Unaccented.
    let r = a.search(&q("giay chung nhan"));
    assert_eq!(refs(&a, &r)[0], "PAKN-2025-000007");
    // A typo (one edit) and a regional spelling (s/x).
    assert_eq!(refs(&a, &a.search(&q("khai sinnh")))[0], "PAKN-2026-000045");
    assert_eq!(
        refs(&a, &a.search(&q("sây dựng nhà"))),
        ["PAKN-2026-000123", "PAKN-2026-000046"]
    );
    // Telex leftovers.
    assert_eq!(
        refs(&a, &a.search(&q("quyeenf ddaats"))),
        ["PAKN-2025-000007"]
    );
    // An abbreviation both ways.
    for text in ["ubnd", "uy ban nhan dan"] {
        let mut found = refs(&a, &a.search(&q(text)));
        found.sort();
        assert_eq!(found, ["PAKN-2026-000045", "PAKN-2026-000123"], "{text}");
    }
    // Subject weighs more than the answer.
    let r = a.search(&q("giấy"));
    assert_eq!(
        refs(&a, &r),
        ["PAKN-2026-000046", "PAKN-2025-000007", "PAKN-2026-000045"]
    );
    // A prefix while typing.
    let r = a.search(&Query {
        text: "khai si".into(),
        typing: true,
        ..Query::default()
    });
    assert_eq!(refs(&a, &r), ["PAKN-2026-000045"]);
    assert!(a.search(&q("zzzzqqq")).items.is_empty());
}

#[test]
fn filters() {
    let a = demo();
    let r = a.search(&Query {
        field: Some("Xây dựng".into()),
        ..Query::default()
    });
    assert_eq!(refs(&a, &r), ["PAKN-2026-000123", "PAKN-2026-000046"]);
    let r = a.search(&Query {
        year: Some(2025),
        ..Query::default()
    });
    assert_eq!(refs(&a, &r), ["PAKN-2025-000007"]);
    let r = a.search(&Query {
        text: "xay dung".into(),
        agency: Some("Sở Xây dựng".into()),
        ..Query::default()
    });
    assert_eq!(refs(&a, &r), ["PAKN-2026-000046"]);
    let r = a.search(&Query {
        text: "khai sinh".into(),
        year: Some(2025),
        ..Query::default()
    });
    assert!(r.items.is_empty());
}

#[test]
fn reference_lookup() {
    let a = demo();
    for typed in [
        "PAKN-2026-000123",
        "pakn2026000123",
        " pakn-2026-123 ",
        "PAKN 2026 000123",
    ] {
        let r = a.search(&q(typed));
        assert_eq!(refs(&a, &r), ["PAKN-2026-000123"], "{typed}");
        assert_eq!(r.reference.as_deref(), Some("PAKN-2026-000123"));
    }
    // Filters do not hide a reference.
    let r = a.search(&Query {
        text: "PAKN-2025-000007".into(),
        year: Some(2026),
        ..Query::default()
    });
    assert_eq!(refs(&a, &r), ["PAKN-2025-000007"]);
    let r = a.search(&q("PAKN-2026-999999"));
    assert!(r.items.is_empty());
    assert_eq!(r.reference.as_deref(), Some("PAKN-2026-999999"));
    assert_eq!(reference_key("PAKN-26-1"), None);
    assert_eq!(reference_key("PAKNX-2026-1"), None);
    assert_eq!(reference_key("2026000123"), None);
    assert!(looks_like_reference("pakn-20"));
    assert!(!looks_like_reference("pak"));
    assert!(!looks_like_reference("pakn thủ tục"));
}

#[test]
fn bad_data_is_located() {
    let e = Answers::parse("{\"version\": 1,\n \"items\": [}").unwrap_err();
    assert_eq!(e[0].kind, DataErrorKind::Syntax);
    assert_eq!(e[0].line, Some(2));
    let e = Answers::parse("{\"version\": 2, \"items\": []}").unwrap_err();
    assert_eq!(e[0].path.as_deref(), Some("version"));
    let e = Answers::parse("{\"version\": 1}").unwrap_err();
    assert_eq!(e[0].path.as_deref(), Some("items"));
    let bad = file(&[
        item("PAKN-2026-000001", "2026-01-01", "a", "b", "c", "d"),
        "{\"reference\": 5, \"answered\": \"1/1/2026\", \"answer\": \"x\"}".into(),
        item("PAKN-2026-000001", "2026-01-01", "a", "b", "c", "d"),
        "[]".into(),
    ]);
    let e = Answers::parse(&bad).unwrap_err();
    let paths: Vec<&str> = e.iter().filter_map(|e| e.path.as_deref()).collect();
    assert_eq!(
        paths,
        [
            "items[1].reference",
            "items[1].answered",
            "items[2].reference",
            "items[3]"
        ]
    );
    let one = combined_error(&e, Lang::default());
    assert_eq!(one.path.as_deref(), Some("items[1].reference"));
    assert!(one.detail.contains("items[3]"), "{}", one.detail);
    for text in [
        "",
        "null",
        "[]",
        "{\"version\":1,\"items\":{}}",
        "\u{feff}  ",
    ] {
        assert!(Answers::parse(text).is_err(), "{text:?}");
    }
}

#[test]
fn no_panic_on_odd_input() {
    let a = demo();
    for t in [
        "",
        " ",
        "-",
        "PAKN",
        "PAKN-",
        "pakn-2026-",
        "đ",
        "\u{301}",
        "a a a a a a a a",
        "ĐĐĐ",
        "x\u{0}y",
        "🙂",
        "PAKN-2026-0000001",
    ] {
        let _ = a.search(&q(t));
        let _ = a.search(&Query {
            text: t.into(),
            typing: true,
            ..Query::default()
        });
        let _ = Answers::parse(t);
    }
    let empty = Answers::parse("{\"version\":1,\"items\":[]}").unwrap();
    assert!(empty.search(&q("abc")).items.is_empty());
    assert!(empty.years().is_empty());
}

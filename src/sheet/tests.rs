use super::*;
use crate::contacts::Contacts;

fn procedure() -> (Procedure, Details) {
    let p = Procedure {
        code: "1.001193".into(),
        name: "Đăng ký khai sinh <script>alert(1)</script>".into(),
        field: Some("Hộ tịch".into()),
        levels: vec!["Cấp xã".into()],
        agencies: vec!["UBND cấp xã".into()],
        postal: true,
        url: Some("https://dichvucong.gov.vn/p/abc?x=1&y=\"2\"".into()),
        ..Procedure::default()
    };
    let d = Details {
        documents: vec![
            "Trường hợp đăng ký lần đầu:".into(),
            "Tờ khai đăng ký khai sinh (mẫu: TK1.docx): 1 bản chính".into(),
            "Giấy chứng sinh: 1 bản chính, 1 bản sao".into(),
            "Giấy tờ khác".into(),
        ],
        steps: vec!["Bước 1: Nộp hồ sơ".into(), "Bước 2: Nhận kết quả".into()],
        legal_basis: vec!["Luật Hộ tịch 60/2014/QH13".into()],
        time: Some("1 Ngày làm việc".into()),
        fee: Some("Miễn phí".into()),
        ..Details::default()
    };
    (p, d)
}

#[test]
fn layout_has_every_part_in_order() {
    let (p, d) = procedure();
    let contacts = Contacts::parse(
        r#"{"format": "cchc-lien-he", "version": 1, "agency": "UBND xã A",
            "hotlines": [{"label": "Đường dây nóng", "number": "1900 1234"}],
            "offices": [{"name": "Bộ phận một cửa", "address": "1 Đường B", "hours": "7:30–17:00"}]}"#,
    )
    .unwrap_or_default();
    let points = contacts.for_procedure(&p.agencies, p.field.as_deref());
    let s = build(
        &p,
        Inputs {
            details: Some(&d),
            contact: Some(&points),
            published: Some("2026-05-04"),
            source: Some("UBND tỉnh"),
            ..Inputs::default()
        },
    );
    let labels: Vec<&str> = s.facts.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        [
            words::CODE,
            words::FIELD,
            words::LEVEL,
            words::AGENCY,
            words::TIME,
            words::FEE,
            words::ONLINE
        ]
    );
    let ids: Vec<&str> = s.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["where", "offices", "documents", "steps", "legal"]);
    let Some(Body::Checklist(rows)) = s.sections.get(2).map(|s| &s.body) else {
        panic!("no checklist");
    };
    assert!(rows[0].heading);
    assert_eq!(
        (
            rows[1].name.as_str(),
            rows[1].form.as_deref(),
            rows[1].copies.as_str()
        ),
        ("Tờ khai đăng ký khai sinh", Some("TK1.docx"), "1 bản chính")
    );
    assert_eq!(rows[2].copies, "1 bản chính, 1 bản sao");
    assert_eq!(rows[3].copies, "");
    assert_eq!(s.published.as_deref(), Some("04/05/2026"));
    assert_eq!(s.url, p.url);
    assert_eq!(s.qr.as_ref().map(|q| q.text.as_str()), p.url.as_deref());
    assert_eq!(s.contact.as_ref().map(|c| c.calls.len()), Some(1));
    assert_eq!(
        s.long_chars,
        d.documents
            .iter()
            .chain(&d.steps)
            .map(|x| x.chars().count())
            .sum::<usize>()
    );
}

#[test]
fn html_escapes_every_text() {
    let (mut p, d) = procedure();
    p.agencies = vec!["<b>UBND</b> & \"xã\"".into()];
    let s = build(
        &p,
        Inputs {
            details: Some(&d),
            ..Inputs::default()
        },
    );
    let h = html::document(&s);
    assert!(!h.contains("<script>alert"));
    assert!(h.contains("Đăng ký khai sinh &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(h.contains("&lt;b&gt;UBND&lt;/b&gt; &amp; &quot;xã&quot;"));
    // The URL as a link, escaped in the attribute.
    assert!(h.contains("href=\"https://dichvucong.gov.vn/p/abc?x=1&amp;y=&quot;2&quot;\""));
    // No script, no external request.
    assert!(!h.contains("<script") && !h.contains("src=\"http"));
    assert!(h.contains("<svg") && h.contains("@page { size: A4 portrait"));
    // A hostile URL is printed, not linked.
    p.url = Some("javascript:alert(1)".into());
    let h = html::document(&build(
        &p,
        Inputs {
            details: Some(&d),
            ..Inputs::default()
        },
    ));
    assert!(!h.contains("href=\"javascript"));
    let b = html::booklet("Lĩnh vực <Hộ tịch>", None, &[s.clone(), s]);
    assert!(b.contains("Lĩnh vực &lt;Hộ tịch&gt;") && b.contains("id=\"p-2\""));
}

#[test]
fn no_details_no_url_still_a_sheet() {
    let p = Procedure {
        code: "X".into(),
        name: "Y".into(),
        ..Procedure::default()
    };
    let s = build(&p, Inputs::default());
    assert!(s.qr.is_none() && s.url.is_none());
    assert_eq!(s.sections.len(), 1);
    let h = html::document(&s);
    assert!(h.contains(words::NOT_STATED));
}

#[test]
fn qr_is_a_valid_code_with_quiet_zone() {
    let url = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-4fc1-768b-9ba3-94be4bca58ee";
    let q = Qr::encode(url).unwrap_or_else(|| panic!("no qr"));
    // Version 5 (37 modules) at level M for 82 bytes, plus 4 modules each side.
    assert_eq!(q.side, 37 + 8);
    assert!(
        q.path.starts_with("M4 4h7v1h-7z"),
        "{}",
        q.path.get(..40).unwrap_or("")
    );
    assert!(Qr::encode("").is_none());
    assert!(Qr::encode(&"a".repeat(5000)).is_none());
}

#[test]
fn long_channel_notes_are_cut_at_a_clause() {
    let long = "Trực tiếp: 60 Ngày làm việc; Thời hạn giải quyết lần đầu không quá 30 ngày. Ở vùng sâu, vùng xa thì không quá 45 ngày kể từ ngày thụ lý";
    let s = shortened(long, 80);
    assert_eq!(
        s,
        "Trực tiếp: 60 Ngày làm việc; Thời hạn giải quyết lần đầu không quá 30 ngày … (xem đầy đủ trên Cổng Dịch vụ công)"
    );
    assert_eq!(shortened("ngắn", 80), "ngắn");
    assert!(shortened(&"đ".repeat(300), 80).starts_with(&"đ".repeat(80)));
}

#[test]
fn dates_and_budget() {
    assert_eq!(printed_date("2026-05-04"), "04/05/2026");
    assert_eq!(printed_date(" tháng 5/2026 "), "tháng 5/2026");
    assert_eq!(page_budget(4999), 2);
    assert_eq!(page_budget(10_000), 4);
}

proptest::proptest! {
    #[test]
    fn never_panics(name in "\\PC{0,40}", doc in "\\PC{0,40}", url in "\\PC{0,60}") {
        let p = Procedure { code: "1".into(), name, url: Some(url), ..Procedure::default() };
        let d = Details { documents: vec![doc], ..Details::default() };
        let s = build(&p, Inputs { details: Some(&d), published: Some("x"), ..Inputs::default() });
        let h = html::document(&s);
        proptest::prop_assert!(!h.contains("<script"));
    }
}

#[test]
fn published_is_read_from_the_top_level_object() {
    use super::published_of;
    let long = r#"{"version": 1, "procedures": [{"code": "1", "name": "A", "published": "x"}], "published": " 2026-05-04 "}"#;
    assert_eq!(published_of(long).as_deref(), Some("2026-05-04"));
    assert_eq!(
        published_of(r#"{"published": "2026-05-04", "procedures": []}"#).as_deref(),
        Some("2026-05-04")
    );
    assert_eq!(published_of(r#"{"procedures": []}"#), None);
    assert_eq!(published_of(r#"{"published": ""}"#), None);
    assert_eq!(published_of(r#"{"published": 20260504}"#), None);
    assert_eq!(published_of("[1, 2]"), None);
    assert_eq!(published_of("{\"published\": \"2026"), None);
    assert_eq!(
        published_of("\u{feff}{\"published\": \"2026-01-02\"}").as_deref(),
        Some("2026-01-02")
    );
}

#[test]
fn short_step_lines_go_in_two_columns() {
    let (p, mut d) = procedure();
    let steps = |d: &Details| {
        let s = build(
            &p,
            Inputs {
                details: Some(d),
                ..Inputs::default()
            },
        );
        let sec = s.sections.iter().find(|s| s.id == "steps").cloned();
        (sec.map(|s| s.columns), html::document(&s))
    };
    // Two steps: one column.
    assert_eq!(steps(&d).0, Some(false));
    // A PDF's column cut into its printed lines: 20 short lines, two long ones.
    d.steps = (0..20)
        .map(|i| format!("Tiếp nhận hồ sơ, dòng {i}"))
        .collect();
    d.steps.push("x".repeat(120));
    d.steps.push("y".repeat(120));
    let (cols, h) = steps(&d);
    assert_eq!(cols, Some(true));
    assert!(h.contains("<ul class=\"lines cols\">"));
    // Mostly long lines: one column.
    d.steps.extend((0..10).map(|_| "z".repeat(60)));
    assert_eq!(steps(&d).0, Some(false));
    assert!(!short_lines(&[]));
}

#[test]
fn copies_column_only_when_a_row_says() {
    let (p, mut d) = procedure();
    let doc = |d: &Details| {
        html::document(&build(
            &p,
            Inputs {
                details: Some(d),
                ..Inputs::default()
            },
        ))
    };
    let h = doc(&d);
    assert!(h.contains(words::COPIES) && h.contains("<td colspan=\"3\">"));
    d.documents = vec![
        "Trường hợp đăng ký lần đầu:".into(),
        "Tờ khai đăng ký khai sinh".into(),
        "Giấy chứng sinh".into(),
    ];
    let h = doc(&d);
    assert!(!h.contains(words::COPIES) && !h.contains("class=\"n\""));
    assert!(h.contains("<td colspan=\"2\">Trường hợp đăng ký lần đầu:</td>"));
    // Every row has its two cells: the box and the document.
    assert_eq!(h.matches("<td class=\"box\">").count(), 2);
    assert!(!h.contains("</td><td></td></tr>"));
}

//! Tests on the real 2,642 procedures of the demo data (`www/data/tthc.json`).

use super::*;

fn catalog() -> &'static Catalog {
    static C: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/tthc.json");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        match Catalog::from_json_str(&text) {
            // As the CLI and the widget use it: with the built-in thesaurus.
            Ok((mut c, _)) => {
                c.set_thesaurus(super::builtin_thesaurus());
                c
            }
            Err(e) => panic!("{path}: {}", e.message(Lang::En)),
        }
    })
}

fn search(q: &str) -> SearchResults {
    catalog().search(&Query {
        typing: false,
        ..Query::text(q)
    })
}

fn top(q: &str, n: usize) -> Vec<String> {
    search(q)
        .hits
        .iter()
        .take(n)
        .map(|h| h.code.clone())
        .collect()
}

fn assert_top(q: &str, n: usize, code: &str) {
    let t = top(q, n);
    assert!(
        t.iter().any(|c| c == code),
        "{q:?}: {code} not in top {n}: {t:?}"
    );
}

#[test]
fn real_queries_find_the_right_procedure() {
    assert_top("lam giay khai sinh", 1, "1.001193"); // Thủ tục đăng ký khai sinh
    assert_top("cap lai cccd", 3, "1.014064"); // Cấp lại thẻ căn cước
    assert_top("doi gplx", 1, "3.000347"); // Đổi giấy phép lái xe
    assert_top("đổi bằng lái xe", 3, "3.000347");
    assert_top("dang ki ket hon", 1, "1.000894"); // Thủ tục đăng ký kết hôn
    assert_top("đăng ký kết hôn", 1, "1.000894");
    assert_top("khai sinhh", 3, "1.001193");
    assert_top("ket hom", 3, "1.000894");
    assert_top("1.001193", 1, "1.001193");
}

#[test]
fn spelled_out_acronyms_find_titles_that_abbreviate() {
    // The title says "sổ BHXH, thẻ BHYT".
    assert_top("cap lai so bao hiem xa hoi", 3, "1.002759");
    assert_top("cap lai the bhyt", 3, "1.002759");
}

#[test]
fn run_together_words_numbers_and_hoi_nga() {
    assert_top("dangky tam tru", 3, "1.004194");
    // "mức độ 02" in the title.
    assert_top("vneid muc 2", 1, "3.000228");
    // "thũ tục" is the filler "thủ tục" typed with ngã.
    assert_top("thũ tục tách thửa", 1, "1.012784");
    assert_top("đỗi bằng lái xe", 3, "3.000347");
}

#[test]
fn phrases_in_the_name_rank_first() {
    // Not "Đăng ký giám sát việc giám hộ".
    assert_top("đăng ký giám hộ", 1, "1.004837");
    assert_top("chung thuc ban sao", 1, "2.000815");
}

#[test]
fn lam_means_a_first_issue() {
    let t = top("lam cccd", 3);
    assert!(
        t.iter()
            .any(|c| ["1.001247", "2.000200", "1.014061"].contains(&c.as_str())),
        "{t:?}"
    );
    let t = top("làm passport", 3);
    assert!(
        t.iter()
            .any(|c| ["1.001456", "1.001471"].contains(&c.as_str())),
        "{t:?}"
    );
}

#[test]
fn everyday_names_reach_the_land_certificate() {
    for q in ["so do", "sổ đỏ", "sổ hồng"] {
        let r = search(q);
        let first = r
            .hits
            .first()
            .map(|h| text::fold(&h.name))
            .unwrap_or_default();
        assert!(
            first.contains("quyen su dung dat") || first.contains("dat dai"),
            "{q}: {first}"
        );
    }
}

#[test]
fn tone_placement_does_not_matter() {
    assert_eq!(top("hoà giải", 10), top("hòa giải", 10));
    assert!(search("hòa giải").total > 5);
}

#[test]
fn regional_spelling_is_understood() {
    let r = search("sây dựng");
    let first = r
        .hits
        .first()
        .map(|h| text::fold(&h.name))
        .unwrap_or_default();
    assert!(first.contains("xay dung"), "{first}");
    assert!(r.hits.first().is_some_and(|h| !h.highlights.is_empty()));
}

#[test]
fn exact_diacritics_rank_first() {
    // "hôn" (marriage) and "hơn" (more) fold alike; typed with diacritics, hôn wins.
    let r = search("kết hôn");
    let h = r.hits.first().map(|h| h.name.clone()).unwrap_or_default();
    assert!(h.contains("kết hôn"), "{h}");
}

#[test]
fn highlights_cover_unaccented_matches() {
    let r = search("dang ky khai sinh");
    let hit = r.hits.iter().find(|h| h.code == "1.001193").cloned();
    let Some(hit) = hit else {
        panic!("1.001193 not found")
    };
    let parts = split_highlights(&hit.name, &hit.highlights);
    let marked: Vec<&str> = parts.iter().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(marked, ["đăng ký khai sinh"]);
}

#[test]
fn prefix_while_typing() {
    let r = catalog().search(&Query::text("cap lai the can c"));
    assert!(
        r.hits.iter().take(3).any(|h| h.code == "1.014064"),
        "{:?}",
        r.hits.iter().map(|h| &h.code).collect::<Vec<_>>()
    );
}

#[test]
fn facets_combine_with_the_query() {
    let all = catalog().search(&Query::text(""));
    assert_eq!(all.total, 2642);
    let cap = all
        .facets
        .iter()
        .find(|f| f.key == FacetKey::Cap)
        .map(|f| f.values.clone())
        .unwrap_or_default();
    let xa = cap
        .iter()
        .find(|v| v.value == "Cấp xã")
        .map(|v| v.count)
        .unwrap_or(0);
    assert!(xa > 300, "{xa}");
    let q = Query {
        filters: vec![Filter {
            key: FacetKey::Cap,
            value: "Cấp xã".into(),
        }],
        typing: false,
        ..Query::text("khai sinh")
    };
    let r = catalog().search(&q);
    assert!(r.total > 0);
    for h in &r.hits {
        assert!(catalog()
            .procedure(h.index)
            .is_some_and(|p| p.levels.iter().any(|l| l == "Cấp xã")));
    }
    let facet = r
        .facets
        .iter()
        .find(|f| f.key == FacetKey::Cap)
        .map(|f| f.values.clone())
        .unwrap_or_default();
    let sel = facet.iter().find(|v| v.selected).map(|v| v.count);
    assert_eq!(sel, Some(r.total));
    // Counts of other levels ignore the level filter itself (OR within a facet).
    assert!(facet.iter().any(|v| !v.selected && v.count > 0));
}

#[test]
fn did_you_mean() {
    let r = search("kêt hôm lưư đông");
    assert!(r.total < 3 || !r.hits.is_empty());
    let r = search("xyzzy");
    assert_eq!(r.total, 0);
}

#[test]
fn loads_national_shapes_and_reports_problems() {
    let jsonl = "{\"ma_thu_tuc\":\"1.1\",\"ten_thu_tuc\":\"Tha\u{300}nh lập\",\"cap_thuc_hien\":\"Cấp bộ, Cấp tỉnh\",\"linh_vuc\":\"Không có thông tin\"}\n{bad\n{\"ma_thu_tuc\":\"1.1\",\"ten_thu_tuc\":\"X\",\"cap_thuc_hien\":\"Cấp xã\"}\n{\"ten_thu_tuc\":\"no code\"}";
    let (c, w) =
        Catalog::from_json_str(jsonl).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    assert_eq!(c.procedures().len(), 1);
    let p = &c.procedures()[0];
    assert_eq!(p.name, "Thành lập");
    assert_eq!(p.field, None);
    assert_eq!(p.levels, ["Cấp bộ", "Cấp tỉnh", "Cấp xã"]);
    let kinds: Vec<WarningKind> = w.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [
            WarningKind::LineSkipped,
            WarningKind::DuplicateMerged,
            WarningKind::RecordSkipped
        ]
    );
    assert_eq!(w[0].line, Some(2));
    assert!(w[2].message(Lang::Vi).contains("dòng 4"));
}

/// The portal link, time and fee may be in the list (older files), in the details record, or
/// both: the list's own value wins, the details fill what it lacks.
#[test]
fn detail_facts_from_the_list_or_the_details() {
    let list = r#"{"version": 1, "procedures": [
        {"code": "1", "name": "Cũ", "url": "https://a/1", "time": "5 Ngày", "details_url": "x.json"},
        {"code": "2", "name": "Mới", "details_url": "x.json"},
        {"code": "3", "name": "Cả hai", "url": "https://a/3", "fee": "Miễn phí", "details_url": "x.json"},
        {"code": "4", "name": "Chi tiết trong tệp", "details": {"url": "https://d/4", "steps": ["Bước 1"]}},
        {"code": "5", "name": "Không có trong tệp chi tiết", "fee": "1 đồng", "details_url": "x.json"}
    ]}"#;
    let file = r#"{"1": {"steps": ["Bước 1"]},
        "2": {"url": "https://d/2", "time": "Không có thông tin", "fee": "10 USD"},
        "3": {"url": "https://d/3", "time": "3 Ngày", "fee": "1 đồng"}}"#;
    let (c, w) = Catalog::from_json_str(list).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    assert!(w.is_empty(), "{w:?}");
    let file = Details::parse_file(file).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let facts = |code: &str| {
        let p = c.procedures().iter().find(|p| p.code == code);
        let p = p.unwrap_or_else(|| panic!("{code}"));
        p.with_details(p.details.as_ref().or(file.get(code)))
    };
    let f = |url, time, fee| DetailFacts { url, time, fee };
    assert_eq!(facts("1"), f(Some("https://a/1"), Some("5 Ngày"), None));
    assert_eq!(facts("2"), f(Some("https://d/2"), None, Some("10 USD")));
    assert_eq!(
        facts("3"),
        f(Some("https://a/3"), Some("3 Ngày"), Some("Miễn phí"))
    );
    assert_eq!(facts("4"), f(Some("https://d/4"), None, None));
    assert_eq!(facts("5"), f(None, None, Some("1 đồng")));
    // Before its details file is read, a procedure shows what the list has.
    let p2 = c.procedures().get(1).map(|p| p.with_details(None));
    assert_eq!(p2, Some(DetailFacts::default()));
}

/// Splitting details out (`cchc import --details split`, the demo generator) moves the facts only
/// the detail view shows; `with_details` gives them back; the list keeps the rest.
#[test]
fn take_details_moves_the_detail_facts() {
    let text = r#"{"version": 1, "procedures": [
        {"code": "1", "name": "Cấp phép", "field": "Xây dựng", "url": "https://a/1", "time": "5 Ngày",
         "fee": "Miễn phí", "postal": true, "details": {"steps": ["Bước 1"], "url": "https://d/1"}},
        {"code": "2", "name": "Đăng ký", "url": "https://a/2"}
    ]}"#;
    let (c, _) = Catalog::from_json_str(text).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let mut ps = c.procedures().to_vec();
    let before: Vec<Procedure> = ps.clone();
    let d = ps
        .get_mut(0)
        .and_then(Procedure::take_details)
        .unwrap_or_default();
    let p = ps.first().cloned().unwrap_or_default();
    assert_eq!((p.url, p.time, p.fee, p.details), (None, None, None, None));
    assert_eq!((p.field.as_deref(), p.postal), (Some("Xây dựng"), true));
    // The list's link wins over the one the details had.
    assert_eq!(d.url.as_deref(), Some("https://a/1"));
    assert_eq!(d.steps, ["Bước 1"]);
    let original = before.first().map(|o| o.with_details(None));
    assert_eq!(ps.first().map(|p| p.with_details(Some(&d))), original);
    // Without details nothing moves.
    assert_eq!(ps.get_mut(1).and_then(Procedure::take_details), None);
    assert_eq!(ps.get(1), before.get(1));
    // `false` is not written: absent means no.
    let json = serde_json::to_string(&ps.get(1)).unwrap_or_default();
    assert!(
        !json.contains("postal") && !json.contains("online_payment"),
        "{json}"
    );
}

/// The demo list keeps all 2,642 procedures and what search, results and facets use; the portal
/// link, time and fee are in the details files (checked with them in `check::tests`).
#[test]
fn demo_list_leaves_detail_facts_to_the_details_files() {
    let ps = catalog().procedures();
    assert_eq!(ps.len(), 2642);
    assert!(ps
        .iter()
        .all(|p| p.details_url.is_some() && p.field.is_some()));
    assert!(ps
        .iter()
        .all(|p| p.url.is_none() && p.time.is_none() && p.fee.is_none()));
}

#[test]
fn own_format_errors_are_located() {
    let e = Catalog::from_json_str(
        "{\"version\": 1,\n \"procedures\": [\n {\"code\": \"1\", \"name\": }]}",
    )
    .err();
    let e = e.unwrap_or_else(|| panic!("must fail"));
    assert_eq!(
        (e.line, e.kind.clone()),
        (Some(3), crate::contract::DataErrorKind::Syntax)
    );
    let e = Catalog::from_json_str("{\"version\": 2, \"procedures\": []}")
        .err()
        .map(|e| e.path);
    assert_eq!(e, Some(Some("version".into())));
    let (c, w) = Catalog::from_json_str(r#"{"version":1,"synonyms":{"giấy đi đường":["giấy thông hành"]},"procedures":[{"code":"9.1","name":"Cấp giấy thông hành","levels":"Cấp tỉnh","online":"toan_trinh","postal":"yes"}]}"#)
        .unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].path, "procedures[0].postal");
    assert_eq!(c.procedures()[0].online, Online::ToanTrinh);
    assert_eq!(
        c.search(&Query::text("giay di duong"))
            .hits
            .first()
            .map(|h| h.code.as_str()),
        Some("9.1")
    );
    assert!(Catalog::from_json_str("").is_err());
    assert!(Catalog::from_json_str("[1, 2]").is_err());
}

#[test]
fn hostile_queries_are_harmless() {
    let long = "khai sinh ".repeat(1000);
    for q in [
        "",
        " ",
        "a",
        "😀",
        "\u{202E}sinh",
        "<script>alert(1)</script>",
        long.as_str(),
        "1.",
        ".",
    ] {
        let r = catalog().search(&Query::text(q));
        assert!(r.hits.len() <= 20);
        for h in &r.hits {
            for s in &h.highlights {
                assert!(s.start < s.end && s.end <= h.name.chars().count());
            }
        }
    }
}

#[test]
fn timing_print() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/tthc.json");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let t0 = std::time::Instant::now();
    let Ok((c, _)) = Catalog::from_json_str(&text) else {
        return;
    };
    let build = t0.elapsed();
    let queries = [
        "lam giay khai sinh",
        "cap lai cccd",
        "doi gplx",
        "so do",
        "dang ki ket hon",
        "hoà giải",
        "sây dựng",
        "1.001193",
        "khai sinhh",
        "ket hom",
        "cấp giấy phép xây dựng",
        "đăng ký thường trú",
    ];
    let t1 = std::time::Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        for q in queries {
            std::hint::black_box(c.search(&Query::text(q)));
        }
    }
    let per = t1.elapsed().as_secs_f64() * 1000.0 / (rounds * queries.len()) as f64;
    eprintln!("TIMING load+index {:.1} ms ({} procedures), query {per:.3} ms (debug build unless --release)", build.as_secs_f64() * 1000.0, c.procedures().len());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_query_never_panics(q in any::<String>(), typing in any::<bool>()) {
            let r = catalog().search(&Query { typing, ..Query::text(&q) });
            prop_assert!(r.hits.len() <= 20);
            prop_assert!(r.total >= r.hits.len());
        }

        #[test]
        fn vietnamese_like_queries_never_panic(q in "[a-zđàáảãạăâêôơưếệộ .0-9]{0,40}") {
            let r = catalog().search(&Query::text(&q));
            for h in &r.hits {
                let parts = split_highlights(&h.name, &h.highlights);
                prop_assert_eq!(parts.iter().map(|p| p.0).collect::<String>(), h.name.clone());
            }
        }

        #[test]
        fn any_data_never_panics(s in any::<String>()) {
            let _ = Catalog::from_json_str(&s);
        }
    }
}

#[test]
fn words_typed_without_spaces_get_a_did_you_mean() {
    let r = search("lylichtuphap");
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestions, vec!["lý lịch tư pháp".to_string()]);
    let r = search("dangkykethon");
    assert_eq!(r.suggestions, vec!["đăng ký kết hôn".to_string()]);
    // Nothing to suggest for noise, and no suggestion when the query already finds enough.
    assert!(search("xyzzyq").suggestions.is_empty());
    assert!(search("đăng ký kết hôn").suggestions.is_empty());
}

#[test]
fn a_corrected_unknown_word_is_shown_even_when_results_are_found() {
    // "khia" is no syllable of the catalogue: typo tolerance finds the birth registration, and
    // the citizen is told how the query was read.
    let r = search("dang ky khia sinh");
    assert!(r.total >= 3, "typo tolerance finds results: {}", r.total);
    assert_eq!(r.suggestions, vec!["dang ky khai sinh".to_string()]);
    // Known words are never "corrected" when the query finds enough.
    assert!(search("đăng ký khai sinh").suggestions.is_empty());
    assert!(search("cap lai cccd").suggestions.is_empty());
    assert!(search("doi gplx").suggestions.is_empty());
    // Marks no catalogue word has get their usual spelling.
    assert_eq!(
        search("cấp giáy phép xây dựng").suggestions,
        vec!["cấp giấy phép xây dựng".to_string()]
    );
}

/// Issue 14: the part a question asks for, with and without diacritics.
#[test]
fn asks_detects_the_part() {
    use super::Part;
    let cases = [
        ("đăng ký kết hôn cần giấy tờ gì", Some(Part::Documents)),
        ("dang ky ket hon can giay to gi", Some(Part::Documents)),
        ("cấp lại cccd mất bao lâu", Some(Part::Time)),
        ("lam ho chieu het bao nhieu tien", Some(Part::Fee)),
        ("lệ phí trước bạ nhà đất nộp ở đâu", Some(Part::Place)),
        ("lệ phí trước bạ", Some(Part::Fee)),
        ("nhập quốc tịch cần điều kiện gì", Some(Part::Conditions)),
        ("thời hạn là bao nhiêu ngày", Some(Part::Time)),
        ("đăng ký kết hôn", None),
        ("", None),
    ];
    for (q, want) in cases {
        assert_eq!(super::query::asks(q), want, "{q}");
    }
}

/// Issue 14: a thesaurus attached after load; agencies' situations and life events in the file.
#[test]
fn thesaurus_attached_and_from_the_data_file() {
    let text = r#"{"version":1,"situations":{"sinh em bé":["đăng ký khai sinh"]},
        "life_events":[{"name":"Khai sinh","terms":["đăng ký khai sinh"]},{"name":"x"}],
        "procedures":[{"code":"1.1","name":"Thủ tục đăng ký khai sinh"},
                      {"code":"1.2","name":"Thủ tục đăng ký kết hôn"},
                      {"code":"1.3","name":"Cấp phép bé"}]}"#;
    let (mut c, w) = Catalog::from_json_str(text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(w.len(), 1, "{w:?}"); // life_events[1] has no terms
    let top = |c: &Catalog, q: &str| {
        c.search(&Query::text(q))
            .hits
            .first()
            .map(|h| h.code.clone())
    };
    assert_eq!(top(&c, "vợ tôi mới sinh em bé").as_deref(), Some("1.1"));
    let events = c.life_events(3);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].procedures, [0]);
    let t = super::Thesaurus::parse("cưới vợ\tđăng ký kết hôn\n@Kết hôn\tđăng ký kết hôn\n")
        .unwrap_or_default();
    c.set_thesaurus(t);
    assert_eq!(top(&c, "sắp cưới vợ").as_deref(), Some("1.2"));
    // The agency's entries are kept after the attached ones.
    assert_eq!(top(&c, "sinh em bé").as_deref(), Some("1.1"));
    let names: Vec<String> = c.life_events(3).into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["Kết hôn", "Khai sinh"]);
}

/// A small catalogue of own-format records.
fn small(extra: &str) -> Catalog {
    let text = [
        r#"{"version": 1, "#,
        extra,
        r#""procedures": [
        {"code": "1.1", "name": "Đăng ký khai sinh", "field": "Hộ tịch"},
        {"code": "1.2", "name": "Đăng ký kết hôn", "field": "Hộ tịch"},
        {"code": "1.3", "name": "Cấp giấy phép xây dựng", "field": "Xây dựng"}]}"#,
    ]
    .concat();
    match Catalog::from_json_str(&text) {
        Ok((c, _)) => c,
        Err(e) => panic!("{}", e.message(Lang::En)),
    }
}

fn codes(c: &Catalog, q: &str) -> Vec<String> {
    let r = c.search(&Query {
        typing: false,
        ..Query::text(q)
    });
    r.hits.iter().map(|h| h.code.clone()).collect()
}

#[test]
fn terms_attach_after_load_and_rank_below_the_name() {
    let mut c = small(r#""terms_url": "tthc-tu-khoa.json", "#);
    assert_eq!(c.terms_url(), Some("tthc-tu-khoa.json"));
    assert!(codes(&c, "bản vẽ").is_empty());
    let added = c.add_terms(
        r#"{"version": 1, "terms": {"1.1": "giấy chứng sinh|trẻ em", "1.3": ["bản vẽ", "kết hôn"], "9.9": "x", "1.2": null}}"#,
    );
    assert_eq!(added, Ok(2));
    assert_eq!(codes(&c, "bản vẽ"), ["1.3"]);
    assert_eq!(
        codes(&c, "giấy chứng sinh").first().map(String::as_str),
        Some("1.1")
    );
    assert_eq!(
        codes(&c, "giay chung sinh").first().map(String::as_str),
        Some("1.1")
    );
    // The name still wins over the same words among the terms.
    assert_eq!(
        codes(&c, "kết hôn").first().map(String::as_str),
        Some("1.2")
    );
    // Terms never pair across `|`: "sinh trẻ" is no phrase.
    let ix = c.ix();
    let id = |w: &str| ix.term_ids.get(w).copied().unwrap_or(u32::MAX);
    assert!(ix.has_pair(id("chung"), id("sinh")));
    assert!(!ix.has_pair(id("sinh"), id("tre")));
    // Highlights stay on the name.
    let r = c.search(&Query::text("trẻ em"));
    assert!(r.hits.iter().all(|h| h.highlights.is_empty()));
    for bad in [
        "",
        "[]",
        r#"{"version": 2, "terms": {}}"#,
        r#"{"version": 1}"#,
        r#"{"version": 1, "terms": {"1.1": 5}}"#,
    ] {
        assert!(c.add_terms(bad).is_err(), "{bad}");
    }
}

#[test]
fn derived_terms_are_distinctive_words_not_in_the_name() {
    let mut procs = Vec::new();
    for i in 0..6 {
        let audience = if i < 3 {
            "Cha, mẹ của trẻ em; người mang thai hộ"
        } else {
            "Tổ chức kinh doanh"
        };
        procs.push(Procedure {
            code: crate::text::cat(&["1.", &crate::num::int(i)]),
            name: if i == 0 {
                "Đăng ký khai sinh cho trẻ em".into()
            } else {
                "Thủ tục khác".into()
            },
            details: Some(Details {
                audience: Some(audience.into()),
                documents: vec!["Tên giấy tờMẫu đơn, tờ khaiSố lượng bản chính".into()],
                ..Details::default()
            }),
            ..Procedure::default()
        });
    }
    let terms = derive_terms(&procs, &|i| procs.get(i).and_then(|p| p.details.as_ref()));
    let of = |code: &str| {
        terms
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    // "trẻ em" is in procedure 1.0's name: not repeated there.
    assert!(!of("1.0").contains("trẻ em"), "{}", of("1.0"));
    assert!(of("1.1").contains("trẻ em"), "{}", of("1.1"));
    assert!(of("1.1").contains("mang thai"), "{}", of("1.1"));
    // Glued table cells and function words make no term.
    assert!(terms
        .iter()
        .all(|(_, t)| !t.contains("tờmẫu") && !t.contains("của")));
    let json = terms_json(&terms);
    let mut c = Catalog::new(procs.clone(), &[]);
    assert_eq!(c.add_terms(&json), Ok(terms.len()));
}

#[test]
fn faq_is_searched_apart_from_the_procedures() {
    let faq = r#""faq": [
        {"question": "Con ngoài giá thú có được ghi tên cha trong giấy khai sinh không?",
         "answer": "Được, khi cha làm thủ tục nhận con.\nNộp tờ khai.", "codes": ["1.1"], "field": "Hộ tịch"},
        {"question": "Xây nhà ở nông thôn có cần giấy phép không?", "answer": "Tùy trường hợp.",
         "codes": "1.3, 1.2"},
        {"question": "", "answer": "thiếu câu hỏi"}], "#;
    let mut c = small(faq);
    assert_eq!(c.faq().len(), 2);
    assert_eq!(
        c.faq()[0].answer,
        "Được, khi cha làm thủ tục nhận con.\nNộp tờ khai."
    );
    assert_eq!(c.faq()[1].codes, ["1.3", "1.2"]);
    let r = c.search(&Query::text("ghi tên cha vào giấy khai sinh"));
    assert_eq!(r.faq.first().map(|f| f.index), Some(0));
    assert!(!r.faq[0].highlights.is_empty());
    // Procedure results keep their meaning.
    assert_eq!(r.hits.first().map(|h| h.code.as_str()), Some("1.1"));
    assert!(c.search(&Query::text("đăng ký kết hôn")).faq.is_empty());
    assert!(c.search(&Query::text("")).faq.is_empty());
    // A file named by faq_url adds entries.
    let w = c.add_faq(r#"{"version": 1, "faq": [{"question": "Đăng ký kết hôn ở đâu?", "answer": "UBND cấp xã.", "codes": ["1.2"]}, 7]}"#);
    assert_eq!(w.map(|w| w.len()), Ok(1));
    assert_eq!(c.faq().len(), 3);
    let r = c.search(&Query::text("kết hôn ở đâu"));
    assert_eq!(
        r.faq.first().map(|f| f.codes.clone()),
        Some(vec!["1.2".to_string()])
    );
    for bad in [
        "",
        "{",
        r#"{"version": 1}"#,
        r#"{"version": 1, "faq": {}}"#,
        "[1]",
    ] {
        assert!(c.add_faq(bad).is_err(), "{bad}");
    }
}

proptest::proptest! {
    /// Garbage terms and hỏi đáp files, and queries over them, never panic.
    #[test]
    fn terms_and_faq_never_panic(s in "\\PC{0,80}", q in "\\PC{0,30}") {
        let mut c = small("");
        let _ = c.add_terms(&s);
        let terms = crate::text::cat(&[r#"{"version": 1, "terms": {"1.1": "#, &crate::json::quoted(&s), "}}"]);
        let _ = c.add_terms(&terms);
        let _ = c.add_faq(&s);
        let faq = crate::text::cat(&[r#"{"version": 1, "faq": [{"question": "#, &crate::json::quoted(&s),
            r#", "answer": "#, &crate::json::quoted(&q), "}]}"]);
        let _ = c.add_faq(&faq);
        let _ = c.search(&Query::text(&q));
        let _ = c.search(&Query::text(&s));
    }
}

#[test]
fn procedures_of_reads_like_the_catalogue() {
    let text = r#"{"version": 1, "agency": "Sở Tư pháp", "procedures": [
        {"code": " 1.000001 ", "name": "Đăng ký  khai sinh", "levels": ["Cấp xã"], "online": "mot_phan"},
        {"code": "1.000002", "name": "Cấp phiếu lý lịch tư pháp", "details": {"steps": ["Nộp hồ sơ"]}}
    ]}"#;
    let (procedures, agency) = Catalog::procedures_of(text).unwrap();
    let (catalog, _) = Catalog::from_json_str(text).unwrap();
    assert_eq!(procedures.as_slice(), catalog.procedures());
    assert_eq!(agency.as_deref(), Some("Sở Tư pháp"));
    assert!(Catalog::procedures_of("{\"procedures\": []}").is_err());
}

/// Browsing needs no index: a query without words is answered before the index and the
/// dictionary are built, exactly as a parsed empty query would be (the shortcut in
/// `search_inner` changes nothing), and building them afterwards changes no answer.
#[test]
fn browsing_builds_no_index_and_answers_as_before() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/tthc.json"))
        .unwrap_or_default();
    let Ok((c, _)) = Catalog::from_json_str(&text) else {
        panic!("the demo list loads");
    };
    let browse = |c: &Catalog, text: &str| {
        let r = c.search(&Query::text(text));
        (
            r.total,
            r.hits.iter().map(|h| h.code.clone()).collect::<Vec<_>>(),
            format!("{:?}", r.facets),
        )
    };
    let before = browse(&c, "");
    let blank = browse(&c, "  \t ");
    assert!(
        c.index.get().is_none() && c.dict.get().is_none(),
        "no index for browsing"
    );
    assert_eq!(before.0, c.procedures().len());
    assert_eq!(blank, before);
    c.warm();
    assert!(c.index.get().is_some() && c.dict.get().is_some());
    assert_eq!(browse(&c, ""), before);
    assert_eq!(browse(&c, "  \t "), before);
    // What the parser makes of a text without words is what the shortcut uses.
    for t in ["", "   ", "\t "] {
        let p = query::parse(c.ix(), c.dict(), t, true);
        assert!(
            p.readings.is_empty() && p.codes.is_empty() && p.tokens.is_empty(),
            "{t:?}: {p:?}"
        );
    }
}

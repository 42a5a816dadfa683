use super::*;

#[test]
fn tags() {
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag("EN"), Lang::En);
    assert_eq!(Lang::from_tag("vi"), Lang::Vi);
    assert_eq!(Lang::from_tag(""), Lang::Vi);
    assert_eq!(Lang::from_tag("fr"), Lang::Vi);
    assert_eq!(Lang::Vi.tag(), "vi");
    assert_eq!(Lang::En.tag(), "en");
}

#[test]
fn counts() {
    assert_eq!(format_count(0, Lang::Vi), "0");
    assert_eq!(format_count(999, Lang::Vi), "999");
    assert_eq!(format_count(2642, Lang::Vi), "2.642");
    assert_eq!(format_count(1234567, Lang::En), "1,234,567");
}

#[test]
fn catalogue_is_complete() {
    for ui in Ui::ALL {
        assert!(!ui.text(Lang::Vi).is_empty());
        assert!(!ui.text(Lang::En).is_empty());
        assert_ne!(ui.text(Lang::Vi), ui.text(Lang::En), "{ui:?} untranslated");
    }
}

#[test]
fn built_in_texts_and_templates() {
    assert_eq!(tr!(Lang::Vi, "Thử lại", "Try again"), "Thử lại");
    assert_eq!(tr!(Lang::En, "Thử lại", "Try again"), "Try again");
    let left = 1200;
    let vi = tr!(
        Lang::Vi,
        "Còn {n} ký tự",
        "{n} characters remaining",
        n = left
    );
    assert_eq!(vi, "Còn 1200 ký tự");
    let en = tr!(
        Lang::En,
        "Còn {n} ký tự",
        "{n} characters remaining",
        n = format_count(left, Lang::En)
    );
    assert_eq!(en, "1,200 characters remaining");
}

#[test]
fn fill_leaves_other_braces_alone() {
    // As `tr!` calls it: the names in one text, the values in the same order.
    let fill = |t: &'static str, names: &str, values: &[&dyn Arg]| {
        Lang::Vi.fill_args(Msg { vi: t, en: t }, names, values)
    };
    let s = fill("{a} {b} {\"vi\"} {a} {", "a c ", &[&1, &"x"]);
    assert_eq!(s, "1 {b} {\"vi\"} 1 {");
    assert_eq!(fill("", "", &[]), "");
    assert_eq!(fill("{a}{a}", "a ", &[&"ạ"]), "ạạ");
    // The first value of a name counts.
    assert_eq!(fill("{a}", "a a ", &[&1, &2]), "1");
}

/// A made-up language with one translation: that text translated, everything else Vietnamese,
/// never a blank.
#[test]
fn a_registered_catalogue_falls_back_to_vietnamese() {
    let text = r#"{"lang": "xx", "name": "Xx", "decimal_separator": ".", "group_separator": " ",
        "messages": {"Thử lại": "Xx-retry", "Còn {n} ký tự": "{n} xx", "Gửi lại": "",
        "Bạn còn {left} ký tự": "{x} wrong"}}"#;
    assert_eq!(Lang::from_tag("xx"), Lang::Vi);
    let xx = add_catalogue("xx", text).expect("valid catalogue");
    assert_eq!(Lang::from_tag("xx-VN"), xx);
    assert_eq!(Lang::from_tag("XX"), xx);
    assert_eq!(xx.tag(), "xx");
    assert_eq!(format!("{xx:?}"), "xx");
    assert_eq!(tr!(xx, "Thử lại", "Try again"), "Xx-retry");
    assert_eq!(tr!(xx, "Đang tải…", "Loading…"), "Đang tải…");
    assert_eq!(
        tr!(xx, "Còn {n} ký tự", "{n} characters remaining", n = 5),
        "5 xx"
    );
    // Empty and broken translations were dropped: the Vietnamese shows.
    assert_eq!(tr!(xx, "Gửi lại", "Send again"), "Gửi lại");
    assert_eq!(
        tr!(
            xx,
            "Bạn còn {left} ký tự",
            "You have {left} characters remaining",
            left = 3
        ),
        "Bạn còn 3 ký tự"
    );
    assert_eq!(format_count(1234567, xx), "1 234 567");
    assert_eq!(xx.decimal_separator(), ".");
    assert_eq!(xx.translate("Thử lại"), Some("Xx-retry"));
    assert_eq!(Lang::Vi.translate("Thử lại"), None);
    // The first catalogue of a tag stays; a second valid one is accepted but not registered.
    let again = r#"{"lang": "xx", "messages": {"Thử lại": "other"}}"#;
    assert_eq!(add_catalogue("xx", again), Some(xx));
    assert_eq!(tr!(xx, "Thử lại", "Try again"), "Xx-retry");
}

#[test]
fn refused_catalogues_register_nothing() {
    let ok = r#"{"lang": "yy", "messages": {"Thử lại": "Yy"}}"#;
    assert_eq!(add_catalogue("zz", ok), None, "tag and lang differ");
    assert_eq!(
        add_catalogue("vi", r#"{"lang": "vi", "messages": {}}"#),
        None
    );
    assert_eq!(
        add_catalogue("en", r#"{"lang": "en", "messages": {}}"#),
        None
    );
    assert_eq!(add_catalogue("yy", "{not json"), None);
    assert_eq!(add_catalogue("y", ok), None);
    assert_eq!(Lang::from_tag("yy"), Lang::Vi);
    assert_eq!(Lang::from_tag("zz"), Lang::Vi);
    let yy = add_catalogue(" YY ", ok).expect("valid");
    assert_eq!(tr!(yy, "Thử lại", "Try again"), "Yy");
}

#[test]
fn at_most_max_catalogues() {
    // (Other tests of this thread may have registered some already.)
    let mut refused = 0;
    for i in 0..MAX_CATALOGUES + 2 {
        let tag = format!("q{}", char::from(b'a' + i as u8));
        let text = format!(r#"{{"lang": "{tag}", "messages": {{}}}}"#);
        if add_catalogue(&tag, &text).is_none() {
            refused += 1;
        }
    }
    assert!(refused >= 2);
    assert_eq!(ADDED.with(|a| a.borrow().len()), MAX_CATALOGUES);
}

/// Every `tr!`/`msg!` site was read by the build script's scanner, consistently: no site is
/// silently left out of `pkg/i18n/en.json` and of `cchc check`'s list of texts.
#[test]
fn every_site_is_in_the_source_catalogue() {
    assert!(
        source::PROBLEMS.is_empty(),
        "i18n sites the scanner could not read or that disagree:\n{}",
        source::PROBLEMS.join("\n")
    );
    assert!(source::SITES >= source::PAIRS.len() && source::PAIRS.len() > 300);
    assert!(
        source::PAIRS.windows(2).all(|w| w[0].0 < w[1].0),
        "sorted, unique"
    );
    for ui in Ui::ALL {
        assert_eq!(source::english(ui.text(Lang::Vi)), Some(ui.text(Lang::En)));
    }
    assert_eq!(source::english("Thử lại"), Some("Try again"));
}

/// Widget code cannot bypass the catalogues: `Lang::pick` (built-in English, no catalogue
/// lookup) does not exist in the wasm, and this keeps it, and matches on `Lang::Vi`, out of every
/// file the wasm compiles. (`Lang::En` does not exist in the wasm at all.)
#[test]
fn pick_is_only_used_by_command_line_code() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    // (`src/i18n/` defines it and this test names it; `submission.rs` is the receiver's core,
    // compiled natively only, which answers in the body's language, Vietnamese or English.)
    let native_only = [
        "src/check/",
        "src/bin/",
        "src/i18n/",
        "src/feedback/submission.rs",
    ];
    let mut bad = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        if native_only.iter().any(|n| rel.starts_with(n)) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            // (`match lang { Lang::Vi => "…", _ => "…" }` would also bypass the catalogues.)
            if line.contains(".pick(") || line.contains("Lang::Vi =>") {
                bad.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "use tr!/msg! instead:\n{}", bad.join("\n"));
}

/// Keys are compared as written: every Vietnamese text of the sources is in NFC (catalogue keys
/// are normalised to NFC when read).
#[test]
fn source_texts_are_nfc() {
    for (vi, _) in source::PAIRS {
        assert_eq!(crate::text::nfc(vi), *vi, "not NFC: {vi}");
    }
}

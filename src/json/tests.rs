use std::borrow::Cow;

use super::*;

fn err(text: &str) -> SyntaxError {
    match parse(text) {
        Ok(v) => panic!("{text:?} parsed as {v:?}"),
        Err(e) => e,
    }
}

fn num(n: &str) -> Value {
    Value::Num(n.to_string())
}

#[test]
fn scalars() {
    assert_eq!(parse("null"), Ok(Value::Null));
    assert_eq!(parse(" true "), Ok(Value::Bool(true)));
    assert_eq!(parse("false"), Ok(Value::Bool(false)));
    assert_eq!(parse("69.5"), Ok(num("69.5")));
    assert_eq!(parse("-1e3"), Ok(num("-1e3")));
    assert_eq!(parse("0"), Ok(num("0")));
    assert_eq!(parse("-0.0E+2"), Ok(num("-0.0E+2")));
    assert_eq!(parse("\"Hà Nội\""), Ok(Value::from("Hà Nội")));
}

#[test]
fn containers_keep_order_and_duplicates() {
    let v = parse(r#"{"b": [1, "x", null, {}], "a": true, "b": 2}"#).unwrap();
    let members = v.as_object().unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(members[0].0, "b");
    assert_eq!(members[1].0, "a");
    // The last duplicate wins, as in serde_json.
    assert_eq!(v.get("b"), Some(&num("2")));
    assert_eq!(v.get("a").and_then(Value::as_bool), Some(true));
    assert_eq!(v.get("zzz"), None);
    assert_eq!(num("1").get("a"), None);
    assert_eq!(parse("[]"), Ok(Value::Arr(vec![])));
    assert_eq!(parse("{ }"), Ok(Value::Obj(vec![])));
}

#[test]
fn escapes() {
    let v = parse(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\u0110\ud83d\ude00""#).unwrap();
    assert_eq!(v.as_str(), Some("a\"b\\c/d\u{8}\u{c}\n\r\té\u{110}😀"));
    assert_eq!(parse(r#""\u0000""#).unwrap().as_str(), Some("\0"));
}

#[test]
fn invalid_strings() {
    assert_eq!(
        err(r#""\ud83d""#).detail,
        "lone leading surrogate in hex escape"
    );
    assert_eq!(
        err(r#""\ud83dx""#).detail,
        "lone leading surrogate in hex escape"
    );
    assert_eq!(
        err(r#""\ud83d\u0041""#).detail,
        "lone leading surrogate in hex escape"
    );
    assert_eq!(
        err(r#""\ude00""#).detail,
        "lone trailing surrogate in hex escape"
    );
    assert_eq!(err(r#""\x""#).detail, "invalid escape");
    assert_eq!(err(r#""\u12g4""#).detail, "invalid escape");
    assert_eq!(
        err("\"a\nb\"").detail,
        "control character (\\u0000-\\u001F) found while parsing a string"
    );
    assert_eq!(err("\"a\tb\"").line, 1);
    assert_eq!(err("\"abc").detail, "EOF while parsing a string");
    assert_eq!(err("\"abc\\").detail, "EOF while parsing a string");
    assert_eq!(err("\"\\u12").detail, "EOF while parsing a string");
}

#[test]
fn invalid_numbers() {
    for bad in [
        "05", "-", "1.", ".5", "1e", "1e+", "+1", "-a", "0x10", "1.2.3", "01.5",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
    assert_eq!(err("05").detail, "trailing characters");
    assert_eq!(err("1.").detail, "invalid number");
}

#[test]
fn errors_have_line_and_character_column() {
    let e = err("{\n  \"version\": 1,\n  \"items\": [,]\n}");
    assert_eq!(
        (e.line, e.column, e.detail.as_str()),
        (3, 13, "expected value")
    );
    // Columns count characters, not bytes.
    let e = err("{\"tên\": \"Hà Nội\" x}");
    assert_eq!((e.line, e.column), (1, 18));
    assert_eq!(e.detail, "expected `,` or `}`");
    assert_eq!(err("[1 2]").detail, "expected `,` or `]`");
    assert_eq!(err("{\"a\" 1}").detail, "expected `:`");
    assert_eq!(err("{1: 2}").detail, "key must be a string");
    assert_eq!(err("[1,]").detail, "trailing comma");
    assert_eq!(err("{\"a\":1,}").detail, "trailing comma");
    let e = err("[1] x");
    assert_eq!(
        (e.line, e.column, e.detail.as_str()),
        (1, 5, "trailing characters")
    );
    assert_eq!(err("[1,").detail, "EOF while parsing a value");
    assert_eq!(err("[1").detail, "EOF while parsing a list");
    assert_eq!(err("{\"a\":1").detail, "EOF while parsing an object");
    assert_eq!(err("").detail, "EOF while parsing a value");
    assert_eq!(err("nul").detail, "expected ident");
    assert_eq!(err("tru").detail, "expected ident");
    assert_eq!(err("@").detail, "expected value");
    // serde_json's Display wording, used in warnings.
    assert_eq!(
        err("[1 2]").to_string(),
        "expected `,` or `]` at line 1 column 4"
    );
}

#[test]
fn eof_errors_sit_on_the_last_character() {
    let e = err("{\n  \"a\": [1,");
    assert_eq!((e.line, e.column), (2, 10));
    let e = err("[\n");
    assert_eq!((e.line, e.column), (2, 1));
}

#[test]
fn bom_is_accepted_and_nesting_is_limited() {
    assert_eq!(parse("\u{feff}[1]"), Ok(Value::Arr(vec![num("1")])));
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(err(&deep).detail, "recursion limit exceeded");
    // Far deeper than any stack could recurse: still an error, not a crash.
    let very = "[{\"a\":".repeat(100_000);
    assert_eq!(err(&very).detail, "recursion limit exceeded");
    let mut r = Reader::new(&very);
    assert!(r.skip().is_err());
}

#[test]
fn accessors() {
    assert_eq!(num("69.5").as_f64(), Some(69.5));
    assert_eq!(num("1e400").as_f64(), None);
    assert_eq!(num("-12").as_i64(), Some(-12));
    assert_eq!(num("1.5").as_i64(), None);
    assert_eq!(num("9223372036854775808").as_i64(), None);
    assert_eq!(num("18446744073709551615").as_u64(), Some(u64::MAX));
    assert_eq!(num("-1").as_u64(), None);
    assert_eq!(Value::from("7").as_u64(), None);
    assert_eq!(Value::from(7u64), num("7"));
    assert_eq!(Value::from(-7i64), num("-7"));
    assert_eq!(Value::from(true).as_bool(), Some(true));
    assert_eq!(Value::from(String::from("x")).as_str(), Some("x"));
    assert!(Value::Null.is_null());
    assert!(!Value::Bool(false).is_null());
    assert_eq!(
        Value::Arr(vec![Value::Null]).as_array().map(<[Value]>::len),
        Some(1)
    );
    let names: Vec<_> = [
        Value::Null,
        Value::Bool(true),
        num("1"),
        Value::from("s"),
        Value::Arr(vec![]),
        Value::Obj(vec![]),
    ]
    .iter()
    .map(Value::type_name)
    .collect();
    assert_eq!(
        names,
        [
            "null",
            "a boolean",
            "a number",
            "a string",
            "an array",
            "an object"
        ]
    );
}

#[test]
fn writing() {
    let v = obj([
        ("v", Value::from(1u64)),
        ("s", Value::from("a\"b\\c\n\u{1}\u{1f}é")),
        ("l", Value::Arr(vec![Value::Null, Value::Bool(false)])),
        ("o", obj([])),
    ]);
    let text = v.to_json();
    assert_eq!(
        text,
        r#"{"v":1,"s":"a\"b\\c\n\u0001\u001fé","l":[null,false],"o":{}}"#
    );
    assert_eq!(parse(&text), Ok(v));
    // A number that is not one is never written as invalid JSON.
    assert_eq!(num("1.2.3").to_json(), "null");
    let mut out = String::from("x=");
    write_str(&mut out, "\u{8}\u{c}\r\t");
    assert_eq!(out, r#"x="\b\f\r\t""#);
}

#[test]
fn reader_streams_and_borrows() {
    let text = r#"{"name": "Cấp lại CCCD", "esc": "a\nb", "skip": {"x": [1, {"y": null}]}, "n": -2.5, "list": ["a", 1], "ok": true, "no": null}"#;
    let mut r = Reader::new(text);
    r.begin_object().unwrap();
    let mut seen = Vec::new();
    while let Some(key) = r.next_key().unwrap() {
        assert!(matches!(key, Cow::Borrowed(_)));
        match key.as_ref() {
            "name" => {
                let s = r.str().unwrap();
                assert!(matches!(s, Cow::Borrowed("Cấp lại CCCD")));
            }
            "esc" => {
                let s = r.str().unwrap();
                assert!(matches!(&s, Cow::Owned(o) if o == "a\nb"));
            }
            "n" => assert_eq!(r.num().unwrap(), "-2.5"),
            "list" => {
                assert_eq!(r.peek().unwrap(), Kind::Arr);
                r.begin_array().unwrap();
                let mut kinds = Vec::new();
                while r.next_item().unwrap() {
                    kinds.push(r.peek().unwrap());
                    r.skip().unwrap();
                }
                assert_eq!(kinds, [Kind::Str, Kind::Num]);
            }
            "ok" => assert!(r.bool().unwrap()),
            "no" => r.null().unwrap(),
            _ => r.skip().unwrap(),
        }
        seen.push(key.into_owned());
    }
    r.finish().unwrap();
    assert_eq!(seen, ["name", "esc", "skip", "n", "list", "ok", "no"]);
}

#[test]
fn reader_reports_wrong_types_and_misuse() {
    let mut r = Reader::new("[1]");
    assert_eq!(
        r.str().unwrap_err().detail,
        "invalid type: an array, expected a string"
    );
    // Reading a key's value twice, or skipping the value: an error, never a panic.
    let mut r = Reader::new(r#"{"a": 1, "b": 2}"#);
    r.begin_object().unwrap();
    assert!(r.next_key().unwrap().is_some());
    assert!(r.next_key().is_err());
    let mut r = Reader::new("x");
    assert_eq!(r.error("custom").column, 1);
    let mut r = Reader::new("  \n  7");
    assert_eq!(
        r.error("here"),
        SyntaxError {
            line: 2,
            column: 3,
            detail: "here".into()
        }
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| Value::Num(format!("{f:e}"))),
            any::<String>().prop_map(Value::Str),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Arr),
                prop::collection::vec((any::<String>(), inner), 0..6).prop_map(Value::Obj),
            ]
        })
    }

    /// Text made mostly of JSON's own characters, so that the parser gets deep into its grammar.
    fn jsonish() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83d", "dc00", "null",
                    "true", "false", "-", "0", "1", ".", "e", "+", " ", "\n", "é", "\u{1}",
                    "\"a\"", "\\n"
                ])
                .prop_map(str::to_string),
                any::<char>().prop_map(String::from),
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Whether serde_json, the reference, accepts the text (huge numbers aside: serde_json
    /// refuses what does not fit in an f64, JSON itself does not; and a leading byte order mark,
    /// which Notepad and Excel write and our reader skips on purpose, serde_json refuses).
    fn serde_accepts(text: &str) -> Option<bool> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => Some(true),
            Err(e) if e.to_string().starts_with("number out of range") => None,
            Err(_) => Some(false),
        }
    }

    proptest! {
        #[test]
        fn strings_of_any_length_and_content(s in "[a-zé\"\\\\\u{1}\u{7f}\u{80}ấ\u{1f}\u{20}\u{21},:]{0,40}") {
            let mut text = String::new();
            write_str(&mut text, &s);
            prop_assert_eq!(parse(&text), Ok(Value::Str(s.clone())));
            // The raw text, unescaped: read exactly as serde_json reads it.
            let raw = format!("\"{s}\"");
            let mine = parse(&raw).ok().and_then(|v| v.as_str().map(str::to_string));
            prop_assert_eq!(mine, serde_json::from_str::<String>(&raw).ok());
        }

        #[test]
        fn round_trips(v in value()) {
            let text = v.to_json();
            prop_assert_eq!(parse(&text), Ok(v.clone()));
            // serde_json agrees that the text is JSON and reads the same strings.
            let reference: serde_json::Value = serde_json::from_str(&text).unwrap();
            if let Value::Str(s) = &v {
                prop_assert_eq!(reference.as_str(), Some(s.as_str()));
            }
        }

        #[test]
        fn never_panics_on_arbitrary_strings(s in any::<String>()) {
            let _ = parse(&s);
            let mut r = Reader::new(&s);
            let _ = r.skip();
        }

        #[test]
        fn agrees_with_serde_json(s in jsonish()) {
            let mine = parse(&s);
            if let Some(theirs) = serde_accepts(&s) {
                prop_assert_eq!(mine.is_ok(), theirs, "{:?}: {:?}", s, mine);
            }
            // skip accepts exactly what parse accepts.
            let mut r = Reader::new(&s);
            let skipped = r.skip().and_then(|()| r.finish());
            prop_assert_eq!(skipped.is_ok(), mine.is_ok());
            if let Err(e) = mine {
                prop_assert!(e.line >= 1 && e.column >= 1);
                prop_assert!(e.line <= s.split('\n').count());
            }
        }

        #[test]
        fn error_lines_follow_newlines(prefix in 0usize..5, col in 0usize..5) {
            let text = format!("[{}{}@]", "\n".repeat(prefix), " ".repeat(col));
            let e = parse(&text).unwrap_err();
            let expected_col = if prefix == 0 { col + 2 } else { col + 1 };
            prop_assert_eq!((e.line, e.column), (prefix + 1, expected_col));
        }
    }
}

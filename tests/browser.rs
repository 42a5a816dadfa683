//! Browser tests of the shell (wasm-bindgen-test in headless Chromium): mounting, the loading →
//! ready / error states, the error panel's wording, language choice, and clean-up.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A host element with an open shadow root, inside a container carrying `lang`.
fn host(tag: &str, attrs: &[(&str, &str)], lang: &str) -> (HtmlElement, ShadowRoot) {
    let doc = document();
    let wrap = doc.create_element("section").unwrap();
    wrap.set_attribute("lang", lang).unwrap();
    let el: HtmlElement = doc.create_element(tag).unwrap().dyn_into().unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    wrap.append_child(&el).unwrap();
    doc.body().unwrap().append_child(&wrap).unwrap();
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = el.attach_shadow(&init).unwrap();
    (el, root)
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Waits until the widget leaves `loading`; returns its final state.
async fn settle(el: &HtmlElement) -> String {
    for _ in 0..200 {
        let s = el.get_attribute("data-state").unwrap_or_default();
        if s != "loading" {
            return s;
        }
        sleep(25).await;
    }
    "timeout".into()
}

fn data_url(json: &str) -> String {
    format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(cchc_widgets::web::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
async fn search_widget_becomes_ready_on_good_data() {
    let json = r#"{"version":1,"procedures":[{"code":"1.001193","name":"Thủ tục đăng ký khai sinh"},{"code":"2.000001","name":"Cấp lại thẻ căn cước"}]}"#;
    let (el, root) = host("cchc-tthc-search", &[("src", &data_url(json))], "vi");
    let w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "tthc-search",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("loading"));
    assert_eq!(settle(&el).await, "ready");
    let results = root.query_selector_all("[part=result]").unwrap();
    assert_eq!(results.length(), 2);
    assert!(root
        .query_selector("[part=search-input]")
        .unwrap()
        .is_some());
    w.destroy();
    assert_eq!(
        root.child_element_count(),
        0,
        "destroy empties the shadow root"
    );
}

#[wasm_bindgen_test]
async fn syntax_error_shows_line_and_column_in_vietnamese() {
    let (el, root) = host(
        "cchc-tthc-search",
        &[(
            "src",
            &data_url("{\n \"version\": 1,\n \"procedures\": [,]\n}"),
        )],
        "vi",
    );
    let _w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "tthc-search",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    assert_eq!(settle(&el).await, "error");
    let panel = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("error panel");
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Chưa tải được dữ liệu"), "{text}");
    assert!(text.contains("(dòng 3, cột "), "{text}");
    // Broken data is not fixed by trying again: no retry button.
    assert!(panel.query_selector("button").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn wrong_shape_names_the_field_path() {
    let (el, root) = host(
        "cchc-index-tracker",
        &[(
            "data-src",
            &data_url(r#"{"format": "cchc-chi-tieu", "version": "một"}"#),
        )],
        "vi",
    );
    let _w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "index-tracker",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    assert_eq!(settle(&el).await, "error");
    let text = root
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(text.contains("version"), "{text}");
}

/// English is a catalogue like any other: the loader fetches `pkg/i18n/en.json` and registers it.
const EN: &str = include_str!("../pkg/i18n/en.json");

#[wasm_bindgen_test]
async fn english_section_gets_english_text() {
    assert!(cchc_widgets::web::i18n::add_catalogue("en", EN));
    let (el, root) = host("cchc-tthc-search", &[], "en-GB");
    let _w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "tthc-search",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    assert_eq!(settle(&el).await, "error");
    let text = root
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(text.contains("The data could not be loaded"), "{text}");
    assert!(text.contains("no src attribute"), "{text}");
}

#[wasm_bindgen_test]
async fn a_language_without_a_catalogue_is_vietnamese() {
    // "fr": no catalogue was registered, so the widget speaks Vietnamese.
    let (el, root) = host("cchc-tthc-search", &[], "fr");
    let _w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "tthc-search",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    assert_eq!(settle(&el).await, "error");
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Chưa tải được dữ liệu"), "{text}");
}

/// A province's catalogue for a made-up language with one text: that text is translated, every
/// other one is Vietnamese (never blank), and the widget is marked with the language.
#[wasm_bindgen_test]
async fn a_made_up_language_with_one_text_falls_back_to_vietnamese() {
    use cchc_widgets::web::i18n::add_catalogue;
    let xx = r#"{"lang": "xx", "name": "Xx", "messages": {
        "Chưa tải được dữ liệu": "<b>Xx</b> no data",
        "Thẻ nhúng thiếu thuộc tính {attribute} (đường dẫn tới tệp dữ liệu).": "Xx {oops}"}}"#;
    assert!(
        !add_catalogue("xx", "{\"lang\": \"xx\", \"messages\": [}"),
        "not JSON"
    );
    assert!(!add_catalogue("xx", r#"{"lang": "xx"}"#), "no messages");
    assert!(!add_catalogue("yy", xx), "another language's catalogue");
    assert!(
        !add_catalogue("vi", r#"{"lang": "vi", "messages": {}}"#),
        "Vietnamese is built in"
    );
    assert!(add_catalogue("xx", xx));
    let (el, root) = host("cchc-tthc-search", &[], "xx-VN");
    let _w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "tthc-search",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    assert_eq!(settle(&el).await, "error");
    let body = root.query_selector("[lang]").unwrap().expect("widget body");
    assert_eq!(body.get_attribute("lang").as_deref(), Some("xx"));
    let panel = root.query_selector("[role=alert]").unwrap().expect("panel");
    let text = panel.text_content().unwrap_or_default();
    // Translated, and as text: the catalogue's "<b>" is not markup.
    assert!(text.contains("<b>Xx</b> no data"), "{text}");
    assert!(panel.query_selector("b").unwrap().is_none());
    // Not translated (the other translation's placeholder is wrong, so it was dropped).
    assert!(text.contains("Thẻ nhúng thiếu thuộc tính src"), "{text}");
    assert!(
        text.contains("Thông tin kỹ thuật cho quản trị trang"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn unknown_kind_is_not_mounted() {
    let (el, root) = host("div", &[], "vi");
    assert!(
        cchc_widgets::web::mount(el, root, "calendar", wasm_bindgen::JsValue::UNDEFINED).is_none()
    );
}

/// A list without portal links (they moved to the details files): the opened procedure's link,
/// time and fee appear once its details file is read, before it only what the list has.
#[wasm_bindgen_test]
async fn detail_link_comes_from_the_details_file() {
    let details = r#"{"1.001193": {"url": "https://dichvucong.gov.vn/p/1", "time": "5 Ngày làm việc", "steps": ["Nộp tờ khai"]}}"#;
    let list = format!(
        r#"{{"version":1,"procedures":[{{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","details_url":"{}"}}]}}"#,
        data_url(details)
    );
    // Opened through the page URL, as a shared link does.
    let window = web_sys::window().expect("window");
    let history = window.history().expect("history");
    let before = window.location().href().expect("href");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?tthc-ma=1.001193"))
        .expect("replaceState");
    let (el, root) = host("cchc-tthc-search", &[("src", &data_url(&list))], "vi");
    let w = cchc_widgets::web::mount(
        el.clone(),
        root.clone(),
        "tthc-search",
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .expect("mounted");
    let state = settle(&el).await;
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
        .expect("replaceState");
    assert_eq!(state, "ready");
    let mut link = None;
    for _ in 0..200 {
        link = root.query_selector("[part=detail] a.cchc-cta").unwrap();
        if link.is_some() {
            break;
        }
        sleep(25).await;
    }
    let link = link.expect("the portal link, from the details file");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://dichvucong.gov.vn/p/1")
    );
    assert!(link
        .text_content()
        .is_some_and(|t| t.contains("Nộp hồ sơ trực tuyến")));
    let facts = root
        .query_selector("[part=detail] .cchc-facts")
        .unwrap()
        .and_then(|f| f.text_content())
        .unwrap_or_default();
    assert!(facts.contains("Hộ tịch"), "{facts}");
    assert!(
        facts.contains("Thời hạn giải quyết5 Ngày làm việc"),
        "{facts}"
    );
    let steps = root
        .query_selector("[part=detail] .cchc-sections ol")
        .unwrap()
        .and_then(|f| f.text_content())
        .unwrap_or_default();
    assert_eq!(steps, "Nộp tờ khai");
    w.destroy();
}

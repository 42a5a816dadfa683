//! POSTing a submission as JSON, through the shell's one timed request (`crate::web::load`).

use wasm_bindgen::JsValue;
use web_sys::RequestInit;

pub(crate) use crate::web::load::Outcome as Posted;

/// POSTs `body` as JSON to `url`, giving up after `timeout_ms`.
pub(crate) async fn post_json(url: &str, body: &str, timeout_ms: u64) -> Posted {
    let init = RequestInit::new();
    init.set_method("POST");
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "application/json");
        let _ = headers.set("Accept", "application/json");
        init.set_headers(&headers);
    }
    init.set_body(&JsValue::from_str(body));
    crate::web::load::request(url, init, timeout_ms).await
}

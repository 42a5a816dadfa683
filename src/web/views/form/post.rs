//! POSTing a submission as JSON, through the shell's one timed request (`crate::web::load`).

use wasm_bindgen::JsValue;
use web_sys::RequestInit;

pub(crate) use crate::web::load::Outcome as Posted;

/// The POST of `body` as JSON with the draft's `Idempotency-Key` (built before any `.await`, so
/// the async caller keeps no extra locals alive: a smaller state machine in the wasm).
#[inline(never)]
pub(crate) fn post_init(body: &str, key: &str) -> RequestInit {
    let init = RequestInit::new();
    init.set_method("POST");
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "application/json");
        let _ = headers.set("Accept", "application/json");
        let _ = headers.set("Idempotency-Key", key);
        init.set_headers(&headers);
    }
    init.set_body(&JsValue::from_str(body));
    init
}

/// Sends `init` to `url`, giving up after `timeout_ms`.
pub(crate) async fn post_json(url: &str, init: RequestInit, timeout_ms: u64) -> Posted {
    crate::web::load::request(url, init, timeout_ms).await
}

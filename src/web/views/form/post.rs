//! POSTing a submission: one request, a time limit, and an outcome that says what happened.
//!
//! Same approach as `crate::web::load` (an `AbortController` fired by a timer covers both the
//! headers and a body that stalls), but for a JSON POST whose error bodies matter (422).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// What came back.
#[derive(Debug)]
pub(crate) enum Posted {
    /// Any HTTP answer: status and body text.
    Answer { status: u16, body: String },
    /// No answer within the time limit.
    Timeout,
    /// Offline, DNS, CORS, blocked by CSP.
    Network,
}

/// POSTs `body` as JSON to `url`, giving up after `timeout_ms`.
pub(crate) async fn post_json(url: &str, body: &str, timeout_ms: u64) -> Posted {
    let Some(window) = web_sys::window() else {
        return Posted::Network;
    };
    let Ok(controller) = AbortController::new() else {
        return Posted::Network;
    };
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let ms = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
    let Ok(timer_id) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(timer.unchecked_ref(), ms)
    else {
        return Posted::Network;
    };
    let result = send(&window, url, body, &controller).await;
    window.clear_timeout_with_handle(timer_id);
    match result {
        Ok((status, body)) => Posted::Answer { status, body },
        Err(_) if timed_out.get() => Posted::Timeout,
        Err(_) => Posted::Network,
    }
}

async fn send(
    window: &web_sys::Window,
    url: &str,
    body: &str,
    controller: &AbortController,
) -> Result<(u16, String), JsValue> {
    let headers = web_sys::Headers::new()?;
    headers.set("Content-Type", "application/json")?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    init.set_signal(Some(&controller.signal()));
    let resp: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    let status = resp.status();
    let text = JsFuture::from(resp.text()?).await?;
    Ok((status, text.as_string().unwrap_or_default()))
}

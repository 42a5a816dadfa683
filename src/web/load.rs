//! Network requests with a time limit: GET of agency data ([`fetch_text`]) and the feedback form's
//! JSON POST ([`request`]). One `AbortController`, fired by a timer, covers both a server that never
//! answers and a body that stalls after the headers.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use crate::contract::LoadFailure;

/// Default time limit for a data file, in seconds: generous for 3G, short enough to offer a retry.
pub const DEFAULT_TIMEOUT_S: u32 = 20;

/// How a request ended.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Any HTTP answer: status and body text.
    Answer { status: u16, body: String },
    /// No complete answer within the time limit.
    Timeout,
    /// Offline, DNS, CORS, blocked by CSP.
    Network,
}

/// Sends one request (`init` sets method, headers, body) and reads the whole body as text, giving
/// up after `timeout_ms`.
pub(crate) async fn request(url: &str, init: RequestInit, timeout_ms: u64) -> Outcome {
    let Some(window) = web_sys::window() else {
        return Outcome::Network;
    };
    let Ok(controller) = AbortController::new() else {
        return Outcome::Network;
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
        return Outcome::Network;
    };
    init.set_signal(Some(&controller.signal()));
    let result = send(&window, url, &init).await;
    window.clear_timeout_with_handle(timer_id);
    match result {
        Ok((status, body)) => Outcome::Answer { status, body },
        Err(_) if timed_out.get() => Outcome::Timeout,
        Err(_) => Outcome::Network,
    }
}

async fn send(
    window: &web_sys::Window,
    url: &str,
    init: &RequestInit,
) -> Result<(u16, String), JsValue> {
    let resp: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await?
        .dyn_into()?;
    let status = resp.status();
    // The body can stall after the headers: the same abort signal covers it.
    let text = JsFuture::from(resp.text()?).await?;
    Ok((status, text.as_string().unwrap_or_default()))
}

/// GETs `url` (relative to the page) as text, failing after `timeout_s` seconds.
pub async fn fetch_text(url: &str, timeout_s: u32) -> Result<String, LoadFailure> {
    let timeout_ms = u64::from(timeout_s).saturating_mul(1000);
    text_of(
        url,
        timeout_s,
        request(url, RequestInit::new(), timeout_ms).await,
    )
}

/// The answer to a GET the loader started before the wasm arrived (`js/cchc-widgets.js`
/// `get`: `{s: status, b: ArrayBuffer}`, or `{e: 1}` for its time limit, `{e: 2}` for a network
/// error), judged exactly like [`fetch_text`]'s own. The body is decoded here as `Response.text()`
/// would.
pub async fn prefetched_text(
    url: &str,
    timeout_s: u32,
    answer: js_sys::Promise,
) -> Result<String, LoadFailure> {
    let outcome = match JsFuture::from(answer).await {
        Ok(v) => {
            let get = |k: &str| js_sys::Reflect::get(&v, &JsValue::from_str(k)).ok();
            match get("e").and_then(|e| e.as_f64()) {
                Some(1.0) => Outcome::Timeout,
                Some(_) => Outcome::Network,
                None => Outcome::Answer {
                    status: get("s")
                        .and_then(|s| s.as_f64())
                        .map(|s| s as u16)
                        .unwrap_or(0),
                    body: get("b")
                        .map(|b| utf8(js_sys::Uint8Array::new(&b).to_vec()))
                        .unwrap_or_default(),
                },
            }
        }
        Err(_) => Outcome::Network,
    };
    text_of(url, timeout_s, outcome)
}

/// UTF-8 as `Response.text()` decodes it: a leading BOM dropped, invalid sequences replaced.
fn utf8(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| crate::text::utf8_lossy(e.as_bytes()))
}

fn text_of(url: &str, timeout_s: u32, outcome: Outcome) -> Result<String, LoadFailure> {
    match outcome {
        Outcome::Answer { status, body } if (200..300).contains(&status) => Ok(body),
        Outcome::Answer { status, .. } => Err(LoadFailure::Http {
            status,
            url: url.to_string(),
        }),
        Outcome::Timeout => Err(LoadFailure::Timeout {
            seconds: timeout_s,
            url: url.to_string(),
        }),
        Outcome::Network => Err(LoadFailure::Network {
            url: url.to_string(),
        }),
    }
}

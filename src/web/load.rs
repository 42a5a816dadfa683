//! Fetching agency data: one request, a time limit, and a [`LoadFailure`] that says what happened.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use crate::contract::LoadFailure;

/// Default time limit for a data file, in seconds: generous for 3G, short enough to offer a retry.
pub const DEFAULT_TIMEOUT_S: u32 = 20;

/// GETs `url` (relative to the page) as text, failing after `timeout_s` seconds.
pub async fn fetch_text(url: &str, timeout_s: u32) -> Result<String, LoadFailure> {
    let network = || LoadFailure::Network {
        url: url.to_string(),
    };
    let window = web_sys::window().ok_or_else(network)?;
    let controller = AbortController::new().map_err(|_| network())?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let ms = i32::try_from(timeout_s.saturating_mul(1000)).unwrap_or(i32::MAX);
    let timer_id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(timer.unchecked_ref(), ms)
        .map_err(|_| network())?;
    let result = fetch_inner(&window, url, &controller).await;
    window.clear_timeout_with_handle(timer_id);
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(status)) => Err(LoadFailure::Http {
            status,
            url: url.to_string(),
        }),
        Err(_) if timed_out.get() => Err(LoadFailure::Timeout {
            seconds: timeout_s,
            url: url.to_string(),
        }),
        Err(_) => Err(network()),
    }
}

/// Ok(Ok(text)) on 2xx, Ok(Err(status)) on an HTTP error, Err on a network failure or abort.
async fn fetch_inner(
    window: &web_sys::Window,
    url: &str,
    controller: &AbortController,
) -> Result<Result<String, u16>, JsValue> {
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let resp: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    if !resp.ok() {
        return Ok(Err(resp.status()));
    }
    // The body can stall after the headers: the same abort signal covers it.
    let text = JsFuture::from(resp.text()?).await?;
    Ok(Ok(text.as_string().unwrap_or_default()))
}

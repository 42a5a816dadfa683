//! Submitting: validate, then POST to the schema's endpoint or hand over to the host page.
//!
//! One submission at a time (an in-flight flag and the disabled button), the draft saved
//! before anything leaves the page and cleared only on a confirmed success, and a panel for
//! every outcome: success with the reference (focused), errors mapped back to fields (422),
//! or a failure that keeps everything and offers to send again.
//!
//! Without an endpoint the widget dispatches `cchc-submit` (bubbles, composed, cancelable) on
//! its host element. `event.detail` holds `values` (normalised), `files` (`[{field, file}]`,
//! `File` objects), `lang`, `schema_version`, `submitted_at`, and two functions: the host calls
//! `event.preventDefault()` to take the submission and later `event.detail.confirm(reference)`
//! (success: the draft is cleared) or `event.detail.fail(message)` (failure: draft kept, retry
//! offered). A handler may also call `confirm`/`fail` synchronously. An event nobody handles, or
//! no answer within [`HOST_TIMEOUT_MS`], is a failure: success is never shown unconfirmed.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::post::{post_init, post_json, Posted};
use super::strings::{timeout_message, T};
use super::ui::Control;
use super::{absolute, messages_for, submission_values, timer, values, Form};
use crate::feedback::schema::{Endpoint, VERSION};
use crate::feedback::{validate_form, FieldError, FormResult};
use crate::i18n::Lang;
use crate::json::{obj, Value};
use crate::web::dom::{append, cat, E};

/// How long the host page has to confirm a `cchc-submit` it took (ms).
pub(crate) const HOST_TIMEOUT_MS: f64 = 60_000.0;
/// Longest reference number shown (a server answer is untrusted text).
const MAX_REFERENCE: usize = 100;

/// How a submission ended.
enum Sent {
    Accepted {
        reference: Option<String>,
        message: Option<String>,
    },
    Invalid(Vec<FieldError>),
    Failed(String),
}

/// The submit button (or Enter) was used.
pub(crate) fn on_submit(form: &Rc<Form>) {
    if form.in_flight.get() {
        return;
    }
    let data = submission_values(form);
    let result = timed("cchc-form-validate", || {
        form.with_context(|c| validate_form(&form.schema, &data, c))
    });
    form.submitted.set(true);
    form.set_outcome(None);
    if result.spam {
        // A bot filled the hidden field: nothing is sent and nothing tells it so.
        show_success(form, None, None, false);
        return;
    }
    show_warnings(form, &result);
    if !result.valid {
        form.show_errors(&result.errors, true);
        return;
    }
    form.show_errors(&[], false);
    send(form, result.normalized);
}

/// Runs `f` between a User Timing mark and measure named `name` (read by bench/form.mjs).
fn timed<V>(name: &str, f: impl FnOnce() -> V) -> V {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = cat(name, "-start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let v = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    v
}

fn show_warnings(form: &Form, result: &FormResult) {
    for f in &form.fields {
        f.set_notice(form.lang, &messages_for(&result.warnings, &f.name));
    }
}

fn send(form: &Rc<Form>, values: Value) {
    form.in_flight.set(true);
    form.submit.set_disabled(true);
    form.sending
        .set_text_content(Some(T::Sending.get(form.lang)));
    form.save_draft();
    let form = form.clone();
    // The future holds only `form` and `values`; all synchronous work lives in plain functions
    // (`post_body`, `dispatch`, `host_answer`, `finish`) so that the async state machine, and
    // its drop glue for every local alive across an `.await`, stays small in the wasm.
    wasm_bindgen_futures::spawn_local(async move {
        let sent = match &form.schema.endpoint {
            Some(ep) => post(&form, ep, values).await,
            None => via_event(&form, values).await,
        };
        finish(&form, sent);
    });
}

/// Shows how a submission ended (unless the widget was destroyed meanwhile).
#[inline(never)]
fn finish(form: &Rc<Form>, sent: Sent) {
    if !form.ctx.alive() {
        return;
    }
    form.in_flight.set(false);
    form.submit.set_disabled(false);
    form.sending.set_text_content(None);
    match sent {
        Sent::Accepted { reference, message } => show_success(form, reference, message, true),
        Sent::Invalid(errors) => form.show_errors(&errors, true),
        Sent::Failed(reason) => {
            show_failure(form, &reason);
        }
    }
}

/// `{"schema_version", "submitted_at", "lang", "values", "files"}` per docs/phan-anh-format.md.
async fn post(form: &Rc<Form>, ep: &Endpoint, values: Value) -> Sent {
    let lang = form.lang;
    let Some(files) = read_files(form).await else {
        return Sent::Failed(T::FileRead.get(lang).to_string());
    };
    let url = absolute(&ep.url, &form.base_url);
    let init = post_init(
        &post_body(lang, values, files),
        &form.draft.submission_key(),
    );
    let posted = post_json(&url, init, ep.timeout_ms).await;
    match posted {
        Posted::Answer { status, body } => answer(form, status, &body),
        Posted::Timeout => Sent::Failed(timeout_message(ep.timeout_ms.div_ceil(1000), lang)),
        Posted::Network => Sent::Failed(T::FailNetwork.get(lang).to_string()),
    }
}

/// The JSON body of a POST.
fn post_body(lang: Lang, values: Value, files: Vec<Value>) -> String {
    obj([
        ("schema_version", Value::from(VERSION)),
        ("submitted_at", Value::Str(now_iso())),
        ("lang", Value::from(lang.tag())),
        ("values", values),
        ("files", Value::Arr(files)),
    ])
    .to_json()
}

/// Reads the server's answer.
fn answer(form: &Form, status: u16, body: &str) -> Sent {
    let lang = form.lang;
    let json = crate::json::parse(body).unwrap_or(Value::Null);
    match status {
        200..=202 => Sent::Accepted {
            reference: json.get("reference").and_then(reference_text),
            message: json.get("message").and_then(|m| localized(m, lang)),
        },
        422 => {
            let errors = server_errors(form, &json);
            if errors.is_empty() {
                http_failure(T::FailRejected, status, lang)
            } else {
                Sent::Invalid(errors)
            }
        }
        s if s >= 500 => http_failure(T::FailServer, s, lang),
        s => http_failure(T::FailRejected, s, lang),
    }
}

/// "… (HTTP 503)".
fn http_failure(text: T, status: u16, lang: Lang) -> Sent {
    Sent::Failed(crate::text::cat(&[
        text.get(lang),
        " (HTTP ",
        &crate::num::int(status),
        ")",
    ]))
}

fn reference_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::Str(s) => s.trim().to_string(),
        Value::Num(n) => n.clone(),
        _ => return None,
    };
    (!s.is_empty()).then(|| s.chars().take(MAX_REFERENCE).collect())
}

/// `"text"` or `{"vi": …, "en": …}`.
fn localized(v: &Value, lang: Lang) -> Option<String> {
    let s = match v {
        Value::Str(s) => s.as_str(),
        Value::Obj(_) => v
            .get(lang.tag())
            .or_else(|| v.get("vi"))
            .and_then(Value::as_str)?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.chars().take(1000).collect())
}

/// `{"errors": {field: {"code", "message"}}}` in schema field order; unknown fields dropped.
fn server_errors(form: &Form, json: &Value) -> Vec<FieldError> {
    let Some(errors) = json.get("errors").filter(|e| e.as_object().is_some()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in &form.fields {
        let Some(e) = errors.get(&f.name) else {
            continue;
        };
        let code = e
            .get("code")
            .and_then(Value::as_str)
            .unwrap_or("server")
            .to_string();
        let message = e
            .get("message")
            .and_then(|m| localized(m, form.lang))
            .or_else(|| localized(e, form.lang))
            .unwrap_or_else(|| T::FailRejected.get(form.lang).to_string());
        out.push(FieldError {
            field: f.name.clone(),
            code,
            message,
        });
    }
    out
}

/// The chosen files with their bytes in base64; `None` when one could not be read.
async fn read_files(form: &Form) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    for f in &form.fields {
        let Control::File(input) = &f.control else {
            continue;
        };
        for file in values::files(input) {
            let buf = JsFuture::from(file.array_buffer()).await.ok()?;
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            out.push(obj([
                ("field", Value::from(f.name.as_str())),
                ("name", Value::Str(file.name())),
                ("type", Value::Str(file.type_())),
                ("size", Value::from(bytes.len() as u64)),
                ("content_base64", Value::Str(base64(&bytes))),
            ]));
        }
    }
    Some(out)
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sym = |i: u32| char::from(A.get((i & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        out.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { sym(n) } else { '=' });
    }
    out
}

/// Local time with its offset, e.g. `2025-08-15T09:30:00+07:00`.
fn now_iso() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i64);
    let sign = if offset < 0 { '-' } else { '+' };
    let off = offset.abs();
    let mut s = String::with_capacity(25);
    crate::num::push_padded(&mut s, d.get_full_year(), 4);
    let parts = [
        ('-', i64::from(d.get_month()) + 1),
        ('-', i64::from(d.get_date())),
        ('T', i64::from(d.get_hours())),
        (':', i64::from(d.get_minutes())),
        (':', i64::from(d.get_seconds())),
        (sign, off / 60),
        (':', off % 60),
    ];
    for (sep, n) in parts {
        s.push(sep);
        crate::num::push_padded(&mut s, n, 2);
    }
    s
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

/// Hands the submission to the host page and waits for its answer.
async fn via_event(form: &Rc<Form>, values: Value) -> Sent {
    match dispatch(form, &values) {
        Ok(promise) => {
            let answer = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
            host_answer(&answer, form.lang)
        }
        Err(sent) => sent,
    }
}

/// Dispatches `cchc-submit`; the promise resolves with the host's answer
/// (`{ok, text}` or `{ok: false, nohandler: true}`).
fn dispatch(form: &Rc<Form>, values: &Value) -> Result<js_sys::Promise, Sent> {
    let no_handler = || Sent::Failed(T::FailNoHandler.get(form.lang).to_string());
    let mut resolve: Option<js_sys::Function> = None;
    let promise = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
    let Some(resolve) = resolve else {
        return Err(no_handler());
    };
    let settle = {
        let resolve = resolve.clone();
        move |ok: bool, text: JsValue| {
            let o = js_sys::Object::new();
            set(&o, "ok", &JsValue::from_bool(ok));
            set(&o, "text", &text);
            let _ = resolve.call1(&JsValue::NULL, &o);
        }
    };
    let detail = event_detail(form, values, settle.clone()).map_err(|_| no_handler())?;
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    init.set_detail(&detail);
    let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("cchc-submit", &init) else {
        return Err(no_handler());
    };
    let not_taken = form.ctx.host.dispatch_event(&ev).unwrap_or(true);
    if not_taken {
        // Resolves only if the handler did not already confirm or fail synchronously.
        let o = js_sys::Object::new();
        set(&o, "ok", &JsValue::FALSE);
        set(&o, "nohandler", &JsValue::TRUE);
        let _ = resolve.call1(&JsValue::NULL, &o);
    } else {
        timer::after(HOST_TIMEOUT_MS, move || {
            settle(false, JsValue::from_str("timeout"))
        });
    }
    Ok(promise)
}

/// Reads the host's answer (see [`dispatch`]).
fn host_answer(answer: &JsValue, lang: Lang) -> Sent {
    let ok = js_sys::Reflect::get(answer, &"ok".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let text = get_str(answer, "text").map(|t| t.trim().chars().take(1000).collect::<String>());
    if ok {
        let reference = text
            .filter(|t| !t.is_empty())
            .map(|t| t.chars().take(MAX_REFERENCE).collect());
        return Sent::Accepted {
            reference,
            message: None,
        };
    }
    if get_str(answer, "nohandler").is_some()
        || js_sys::Reflect::get(answer, &"nohandler".into()).is_ok_and(|v| v.is_truthy())
    {
        return Sent::Failed(T::FailNoHandler.get(lang).to_string());
    }
    match text.as_deref() {
        Some("timeout") => Sent::Failed(timeout_message((HOST_TIMEOUT_MS / 1000.0) as u64, lang)),
        Some(t) if !t.is_empty() => Sent::Failed(t.to_string()),
        _ => Sent::Failed(T::FailServer.get(lang).to_string()),
    }
}

/// `event.detail` of `cchc-submit`.
fn event_detail(
    form: &Rc<Form>,
    values: &Value,
    settle: impl Fn(bool, JsValue) + Clone + 'static,
) -> Result<js_sys::Object, JsValue> {
    let detail = js_sys::Object::new();
    set(&detail, "values", &js_sys::JSON::parse(&values.to_json())?);
    let files = js_sys::Array::new();
    for f in &form.fields {
        if let Control::File(input) = &f.control {
            for file in values::files(input) {
                let o = js_sys::Object::new();
                set(&o, "field", &JsValue::from_str(&f.name));
                set(&o, "file", &file);
                files.push(&o);
            }
        }
    }
    set(&detail, "files", &files);
    set(&detail, "lang", &JsValue::from_str(form.lang.tag()));
    set(
        &detail,
        "schema_version",
        &JsValue::from_f64(VERSION as f64),
    );
    set(&detail, "submitted_at", &JsValue::from_str(&now_iso()));
    let ok = settle.clone();
    let confirm = Closure::<dyn FnMut(JsValue)>::new(move |r: JsValue| {
        let text = r.as_string().map(JsValue::from).or_else(|| {
            r.as_f64()
                .map(|n| JsValue::from_str(&crate::num::shortest(n)))
        });
        ok(true, text.unwrap_or(JsValue::UNDEFINED));
    });
    let fail = Closure::<dyn FnMut(JsValue)>::new(move |m: JsValue| {
        settle(
            false,
            m.as_string()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED),
        );
    });
    set(&detail, "confirm", confirm.as_ref());
    set(&detail, "fail", fail.as_ref());
    let mut kept = form.host_callbacks.borrow_mut();
    kept.push(confirm);
    kept.push(fail);
    Ok(detail)
}

/// The confirmation panel: replaces the form, shows the reference, takes focus.
fn show_success(
    form: &Rc<Form>,
    reference: Option<String>,
    message: Option<String>,
    clear_draft: bool,
) {
    let lang = form.lang;
    if clear_draft {
        form.draft.clear();
    }
    let panel = E::new("div")
        .class("cchc-success")
        .attr("tabindex", "-1")
        .attr("role", "region")
        .attr("aria-labelledby", "cchc-success-title")
        .child(
            E::new("h3")
                .attr("id", "cchc-success-title")
                .text(T::SuccessTitle.get(lang)),
        );
    match &reference {
        Some(r) => {
            append(
                &panel.0,
                &E::new("p")
                    .append_text(T::SuccessReference.get(lang))
                    .child(E::new("br"))
                    .child(E::new("strong").class("cchc-reference").text(r))
                    .el(),
            );
            append(&panel.0, &E::new("p").text(T::SuccessKeep.get(lang)).el());
            // The schema's answers page, opened at this reference (`pakn-ma`).
            if let Some(page) = &form.schema.answers_page {
                let sep = if crate::text::find_ascii(page, b'?').is_some() {
                    "&pakn-ma="
                } else {
                    "?pakn-ma="
                };
                append(
                    &panel.0,
                    &E::new("p")
                        .child(
                            E::new("a")
                                .attr("href", &crate::text::cat(&[page, sep, r]))
                                .text(T::SuccessAnswers.get(lang)),
                        )
                        .el(),
                );
            }
        }
        None => append(
            &panel.0,
            &E::new("p").text(T::SuccessNoReference.get(lang)).el(),
        ),
    }
    if let Some(m) = message {
        append(&panel.0, &E::new("p").text(&m).el());
    }
    // Whom to call about it, as in every panel (src/web/contacts.rs).
    crate::web::contacts::fill(&form.ctx, &panel.0);
    for el in [&form.form_el, &form.summary, &form.notices, &form.help] {
        // Cannot fail: a constant, valid attribute name.
        let _ = el.set_attribute("hidden", "");
    }
    form.set_outcome(Some(&panel.0));
    focus(&panel.0);
}

/// The failure panel: what happened, that nothing is lost, and a button to send again.
fn show_failure(form: &Rc<Form>, reason: &str) {
    let lang = form.lang;
    let retry = E::new("button")
        .attr("type", "button")
        .class("cchc-button")
        .text(T::SendAgain.get(lang))
        .el();
    let me = form.clone();
    form.ctx.on(&retry, "click", move |_| on_submit(&me));
    let panel = E::new("div")
        .class("cchc-failure")
        .attr("role", "alert")
        .attr("tabindex", "-1")
        .child(E::new("h3").text(T::FailTitle.get(lang)))
        .child(E::new("p").text(reason))
        .child(E::new("p").text(T::FailKept.get(lang)))
        .child(&retry);
    crate::web::contacts::fill(&form.ctx, &panel.0);
    form.set_outcome(Some(&panel.0));
    focus(&panel.0);
}

fn focus(el: &web_sys::Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
        h.scroll_into_view();
    }
}

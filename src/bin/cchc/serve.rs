//! `cchc serve`: the feedback receiver, and a static server for the portal folder.
//!
//! The receiving end of `docs/phan-anh-format.md` ("Submitting") for agencies without their own
//! system. It is a thin shell: the body is read by `feedback::submission`, checked by the same
//! `feedback::validate_form` the widget runs, the attachments by their bytes, and stored by
//! `store` (SQLite, WAL, full sync) before `201` is answered. An `Idempotency-Key` seen before
//! gets its first reference and stores nothing. Spam (the honeypot filled) gets `202` and is kept
//! apart. Answers never carry a stack trace or SQL: details go to standard error.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Map, Value as JsonValue};
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::{PeerIpKeyExtractor, SmartIpKeyExtractor};
use tower_governor::{GovernorError, GovernorLayer};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

use cchc_widgets::feedback::dvhc::{embedded, AddressBook};
use cchc_widgets::feedback::submission::{self, Body as Submission};
use cchc_widgets::feedback::{validate_form, FormContext, FormResult, Schema};
use cchc_widgets::i18n::Lang;

use crate::store::{NewSubmission, Store};

/// Arguments of `cchc serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The portal folder to serve (pages, data, and `pkg/`).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// A form's phan-anh.json; its `endpoint.url` path receives the form's POSTs. Repeat for
    /// several forms. Default: the built-in Nghị định 20/2008 form at /api/phan-anh.
    #[arg(long = "schema", num_args = 1..)]
    schemas: Vec<PathBuf>,
    /// The SQLite database file (created if missing).
    #[arg(long, default_value = "cchc.sqlite")]
    db: PathBuf,
    /// Address and port to listen on (port 0: any free port, printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// Largest request body in bytes (default: what the forms' file limits need, base64
    /// included); larger ones get 413 without being read.
    #[arg(long)]
    max_body: Option<u64>,
    /// Submissions per minute per client before 429 (with Retry-After).
    #[arg(long, default_value_t = 20)]
    rate_limit: u32,
    /// Take the client's address from the reverse proxy's X-Forwarded-For / X-Real-IP /
    /// Forwarded headers (only when every request comes through that proxy).
    #[arg(long)]
    trust_proxy: bool,
    /// Another portal's origin allowed to POST (https://tinh.gov.vn); repeatable. Requests from
    /// this server's own origin always pass.
    #[arg(long = "allow-origin")]
    allow_origins: Vec<String>,
    /// Seconds a request may take, body included, before 408.
    #[arg(long, default_value_t = 60)]
    timeout: u64,
    /// Bytes of request bodies held in memory at once, all clients together (default: twice
    /// --max-body, at least 64 MiB); further submissions wait their turn (503 after 30 s), so a
    /// flood of large or slow uploads cannot exhaust the server's memory.
    #[arg(long)]
    max_buffered: Option<u64>,
}

/// One form the receiver accepts.
struct Form {
    path: String,
    schema: Schema,
}

struct App {
    forms: Vec<Form>,
    store: Mutex<Store>,
    book: AddressBook,
    max_body: usize,
    /// Request-body memory, in KiB permits (see `--max-buffered`).
    buffered: tokio::sync::Semaphore,
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: Args) -> u8 {
    let forms = match load_forms(&args.schemas) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cchc serve: {e}");
            return 2;
        }
    };
    if !args.root.is_dir() {
        eprintln!(
            "cchc serve: --root {}: không phải thư mục (not a folder)",
            args.root.display()
        );
        return 2;
    }
    if args.rate_limit == 0 {
        eprintln!("cchc serve: --rate-limit must be at least 1");
        return 2;
    }
    let store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cchc serve: {e}");
            return 1;
        }
    };
    let book = match embedded::address_book() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cchc serve: {e}");
            return 1;
        }
    };
    let needed = forms
        .iter()
        .map(|f| submission::max_body_bytes(&f.schema))
        .max()
        .unwrap_or(0);
    let max_body = usize::try_from(args.max_body.unwrap_or(needed)).unwrap_or(usize::MAX);
    let max_buffered = args
        .max_buffered
        .unwrap_or_else(|| (2 * max_body as u64).max(64 << 20))
        .max(max_body as u64);
    let permits = usize::try_from(max_buffered / 1024 + 1)
        .unwrap_or(usize::MAX)
        .min(tokio::sync::Semaphore::MAX_PERMITS);
    let mut origins = Vec::new();
    for o in &args.allow_origins {
        match HeaderValue::from_str(o.trim_end_matches('/')) {
            Ok(v) if o.starts_with("http://") || o.starts_with("https://") => origins.push(v),
            _ => {
                eprintln!("cchc serve: --allow-origin {o:?}: cần dạng https://ten-mien (expected https://host)");
                return 2;
            }
        }
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cchc serve: {e}");
            return 1;
        }
    };
    let app = Arc::new(App {
        forms,
        store: Mutex::new(store),
        book,
        max_body,
        buffered: tokio::sync::Semaphore::new(permits),
    });
    runtime.block_on(serve(app, args, origins))
}

fn load_forms(paths: &[PathBuf]) -> Result<Vec<Form>, String> {
    if paths.is_empty() {
        return Ok(vec![Form {
            path: "/api/phan-anh".into(),
            schema: Schema::default_nd20(),
        }]);
    }
    let mut forms: Vec<Form> = Vec::new();
    for p in paths {
        let schema = crate::files::read_schema(p)?;
        let url = schema.endpoint.as_ref().map(|e| e.url.clone()).ok_or_else(|| {
            format!(
                "{}: biểu mẫu không có endpoint.url (the form has no endpoint.url); add \"endpoint\": {{\"url\": \"/api/phan-anh\"}}",
                p.display()
            )
        })?;
        let path = endpoint_path(&url)
            .ok_or_else(|| format!("{}: endpoint.url {url:?} has no path", p.display()))?;
        if forms.iter().any(|f| f.path == path) {
            return Err(format!(
                "{}: endpoint {path} is already used by another --schema",
                p.display()
            ));
        }
        forms.push(Form { path, schema });
    }
    Ok(forms)
}

/// `/api/phan-anh` of `/api/phan-anh` or `https://host/api/phan-anh?x`.
fn endpoint_path(url: &str) -> Option<String> {
    let rest = match url.split_once("://") {
        Some((_, r)) => &r[r.find('/')?..],
        None => url,
    };
    let path = rest.split(['?', '#']).next()?;
    (path.starts_with('/') && path.len() > 1).then(|| path.to_string())
}

async fn serve(app: Arc<App>, args: Args, origins: Vec<HeaderValue>) -> u8 {
    let listener = match tokio::net::TcpListener::bind(&args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cchc serve: --listen {}: {e}", args.listen);
            return 1;
        }
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| args.listen.clone());
    let router = router(app.clone(), &args, origins);
    let stop = Arc::new(tokio::sync::Notify::new());
    let notified = stop.clone();
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move { notified.notified().await })
        .await
    });
    for f in &app.forms {
        eprintln!("cchc serve: POST {} ← {}", f.path, f.schema.title.vi);
    }
    eprintln!(
        "cchc serve: {} → {} (body ≤ {} bytes, {} submissions/min per client)",
        args.root.display(),
        Store::shown(&args.db),
        app.max_body,
        args.rate_limit
    );
    eprintln!("cchc serve: listening on http://{addr}");
    shutdown_signal().await;
    eprintln!("cchc serve: stopping: finishing the requests in flight");
    stop.notify_one();
    match tokio::time::timeout(Duration::from_secs(10), server).await {
        Ok(Ok(Ok(()))) => {
            eprintln!("cchc serve: stopped");
            0
        }
        Ok(Ok(Err(e))) => {
            eprintln!("cchc serve: {e}");
            1
        }
        Ok(Err(e)) => {
            eprintln!("cchc serve: {e}");
            1
        }
        Err(_) => {
            eprintln!("cchc serve: requests still open after 10 s; stopped without them");
            0
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

fn router(app: Arc<App>, args: &Args, origins: Vec<HeaderValue>) -> Router {
    let mut api = Router::new();
    for (i, f) in app.forms.iter().enumerate() {
        api = api.route(
            &f.path,
            post(move |State(app): State<Arc<App>>, req: Request| submit(app, i, req)),
        );
    }
    let per_minute = u64::from(args.rate_limit);
    let period = Duration::from_millis((60_000 / per_minute).max(1));
    let limited = |api: Router<Arc<App>>| -> Router<Arc<App>> {
        if args.trust_proxy {
            let conf = GovernorConfigBuilder::default()
                .period(period)
                .burst_size(args.rate_limit)
                .methods(vec![Method::POST])
                .key_extractor(SmartIpKeyExtractor)
                .finish();
            match conf {
                Some(c) => api.layer(GovernorLayer::new(c).error_handler(too_many)),
                None => api,
            }
        } else {
            let conf = GovernorConfigBuilder::default()
                .period(period)
                .burst_size(args.rate_limit)
                .methods(vec![Method::POST])
                .key_extractor(PeerIpKeyExtractor)
                .finish();
            match conf {
                Some(c) => api.layer(GovernorLayer::new(c).error_handler(too_many)),
                None => api,
            }
        }
    };
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.clone()))
        .allow_methods([Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static("idempotency-key"),
        ])
        .max_age(Duration::from_secs(600));
    let origins = Arc::new(origins);
    let trust_proxy = args.trust_proxy;
    let api = limited(api)
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let origins = origins.clone();
            async move { same_origin(req, next, &origins, trust_proxy).await }
        }))
        .layer(cors)
        .layer(middleware::from_fn(no_store));
    let files = ServeDir::new(&args.root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true);
    Router::new()
        .route("/healthz", get(healthz))
        .merge(api)
        .fallback_service(files)
        .layer(middleware::from_fn(headers))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(args.timeout.max(1)),
        ))
        .with_state(app)
}

/// A JSON answer with a Vietnamese and an English message.
fn error(status: StatusCode, code: &str, vi: &str, en: &str) -> Response {
    let body = json!({"error": {"code": code, "message": {"vi": vi, "en": en}}});
    (status, axum::Json(body)).into_response()
}

fn too_many(e: GovernorError) -> Response {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let wait = wait_time.max(1);
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limit",
                "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng chờ một phút rồi gửi lại.",
                "Too many submissions in a short time. Wait a minute, then send again.",
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait));
            r
        }
        _ => error(
            StatusCode::BAD_REQUEST,
            "client",
            "Không xác định được địa chỉ của trình duyệt gửi.",
            "The client's address cannot be determined.",
        ),
    }
}

/// Same-origin POSTs always pass; another portal's only when `--allow-origin` names it. A
/// request without `Origin` (a script, `curl`) is not a browser's cross-site request.
async fn same_origin(
    req: Request,
    next: Next,
    allowed: &[HeaderValue],
    trust_proxy: bool,
) -> Response {
    if origin_allowed(req.headers(), allowed, trust_proxy) {
        return next.run(req).await;
    }
    error(
        StatusCode::FORBIDDEN,
        "origin",
        "Trang này không được phép gửi phản ánh, kiến nghị tới máy chủ tiếp nhận.",
        "This page is not allowed to send feedback to this receiver (see --allow-origin).",
    )
}

fn origin_allowed(h: &HeaderMap, allowed: &[HeaderValue], trust_proxy: bool) -> bool {
    let Some(origin) = h.get(header::ORIGIN) else {
        return true;
    };
    let host = |name: &str| h.get(name).and_then(|v| v.to_str().ok());
    let own_host = match trust_proxy {
        true => host("x-forwarded-host").or_else(|| host("host")),
        false => host("host"),
    };
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, h)| h);
    let same = matches!((own_host, origin_host), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
    same || allowed.contains(origin)
}

/// API answers are never cached.
async fn no_store(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Security headers on everything; caching for files: a code file named with its hash
/// (`?h=…`, as the loader asks for it) never changes, anything else is revalidated.
async fn headers(req: Request, next: Next) -> Response {
    let hashed = req
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("h=")));
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        let cache = match hashed {
            true => "public, max-age=31536000, immutable",
            false => "no-cache",
        };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    r
}

async fn healthz(State(app): State<Arc<App>>) -> Response {
    let ok = tokio::task::spawn_blocking(move || {
        app.store
            .lock()
            .map(|mut s| s.ping().is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    match ok {
        true => (StatusCode::OK, "ok\n").into_response(),
        false => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response(),
    }
}

/// `Idempotency-Key`: 1 to 200 visible ASCII characters.
fn idempotency_key(h: &HeaderMap) -> Result<Option<String>, Response> {
    let Some(v) = h.get("idempotency-key") else {
        return Ok(None);
    };
    match v.to_str() {
        Ok(k) if (1..=200).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok(Some(k.to_string()))
        }
        _ => Err(error(
            StatusCode::BAD_REQUEST,
            "idempotency_key",
            "Tiêu đề Idempotency-Key không hợp lệ (1 đến 200 ký tự ASCII nhìn thấy được).",
            "Invalid Idempotency-Key header (1 to 200 visible ASCII characters).",
        )),
    }
}

async fn submit(app: Arc<App>, form: usize, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let key = match idempotency_key(&parts.headers) {
        Ok(k) => k,
        Err(r) => return r,
    };
    // The length must be declared (browsers and proxies do): it is checked before a byte of
    // the body is read, and reserves that much of the memory budget.
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let Some(declared) = declared else {
        return error(
            StatusCode::LENGTH_REQUIRED,
            "length_required",
            "Yêu cầu gửi phải có Content-Length.",
            "The request must declare its Content-Length.",
        );
    };
    if declared > app.max_body as u64 {
        return too_large();
    }
    let kib = u32::try_from(declared / 1024 + 1).unwrap_or(u32::MAX);
    let wait = tokio::time::timeout(Duration::from_secs(30), app.buffered.acquire_many(kib)).await;
    let Ok(Ok(permit)) = wait else {
        let mut r = error(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "Máy chủ tiếp nhận đang bận. Nội dung của bạn vẫn được giữ; vui lòng gửi lại sau ít phút.",
            "The receiver is busy. Your text is kept; send again in a few minutes.",
        );
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        return r;
    };
    let limit = usize::try_from(declared).unwrap_or(app.max_body);
    let bytes = match to_bytes(Body::new(body), limit).await {
        Ok(b) => b,
        Err(_) => return too_large(),
    };
    let app2 = app.clone();
    let outcome = tokio::task::spawn_blocking(move || receive(&app2, form, key, &bytes)).await;
    drop(permit);
    match outcome {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cchc serve: internal error: {e}");
            storage_failure()
        }
    }
}

fn too_large() -> Response {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        "Nội dung gửi quá lớn (tệp đính kèm quá nhiều hoặc quá lớn).",
        "The submission is too large (too many or too large attachments).",
    )
}

fn storage_failure() -> Response {
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage",
        "Máy chủ tiếp nhận chưa lưu được phản ánh, kiến nghị. Nội dung của bạn vẫn được giữ; vui lòng gửi lại sau ít phút.",
        "The receiver could not store the submission. Your text is kept; send again in a few minutes.",
    )
}

/// Now, Vietnam time (UTC+7): `(year, RFC 3339 time)`.
pub fn now_vn() -> (i32, String) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
        + 7 * 3600;
    let day = cchc_widgets::date::Date::from_days_since_epoch(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    let time = format!(
        "{}T{:02}:{:02}:{:02}+07:00",
        day.to_iso(),
        s / 3600,
        s / 60 % 60,
        s % 60
    );
    (day.year(), time)
}

/// The blocking part: read, validate, store. Runs on the blocking pool (SQLite's fsync).
fn receive(app: &App, form: usize, key: Option<String>, bytes: &[u8]) -> Response {
    let Some(Form { path, schema }) = app.forms.get(form) else {
        return storage_failure();
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "json",
                "Nội dung gửi không phải văn bản UTF-8.",
                "The body is not UTF-8 text.",
            )
        }
    };
    let body: Submission = match submission::parse_body(text) {
        Ok(b) => b,
        Err(e) => {
            let r = json!({"error": {"code": e.code, "path": e.path,
                "message": {"vi": e.message(Lang::Vi), "en": e.message(Lang::En)}}});
            return (StatusCode::BAD_REQUEST, axum::Json(r)).into_response();
        }
    };
    let lang = Lang::from_tag(&body.lang);
    if let Some(k) = &key {
        let prior = app.store.lock().map_err(|_| ()).and_then(|mut s| s.find_key(k).map_err(|e| {
            eprintln!("cchc serve: {e}");
        }));
        match prior {
            Ok(Some((reference, spam))) => return accepted(&reference, spam),
            Ok(None) => {}
            Err(()) => return storage_failure(),
        }
    }
    let (year, received_at) = now_vn();
    let ctx = FormContext {
        today: cchc_widgets::date::Date::parse_iso(received_at.get(..10).unwrap_or(""))
            .unwrap_or_else(crate::check_field::today_vn),
        lang,
        address: Some(&app.book),
    };
    let result = validate_form(schema, &body.values, &ctx);
    let mut store = match app.store.lock() {
        Ok(s) => s,
        Err(_) => return storage_failure(),
    };
    if result.spam {
        return match store.insert_spam(
            path,
            year,
            &received_at,
            key.as_deref(),
            &body.values.to_json(),
        ) {
            Ok(s) => accepted(&s.reference, true),
            Err(e) => {
                eprintln!("cchc serve: {e}");
                storage_failure()
            }
        };
    }
    if !result.valid {
        return invalid(&result.errors);
    }
    let file_errors = submission::check_attachments(schema, &body.values, &body.files, lang);
    if !file_errors.is_empty() {
        return invalid(&file_errors);
    }
    let warnings = warnings_json(&result);
    let new = NewSubmission {
        form: path,
        year,
        received_at: &received_at,
        submitted_at: body.submitted_at.as_deref(),
        lang: lang.tag(),
        idempotency_key: key.as_deref(),
        values_json: &result.normalized.to_json(),
        warnings_json: &warnings,
        attachments: body
            .files
            .iter()
            .map(|a| {
                (
                    a.field.as_str(),
                    a.name.as_str(),
                    a.mime.as_str(),
                    a.bytes.as_slice(),
                )
            })
            .collect(),
    };
    match store.insert(&new) {
        Ok(s) => accepted(&s.reference, false),
        Err(e) => {
            eprintln!("cchc serve: {e}");
            storage_failure()
        }
    }
}

fn warnings_json(result: &FormResult) -> String {
    let list: Vec<JsonValue> = result
        .warnings
        .iter()
        .map(|w| json!({"field": w.field, "code": w.code, "message": w.message}))
        .collect();
    JsonValue::Array(list).to_string()
}

/// `422` with `{"errors": {field: {"code", "message"}}, "order": [...]}`.
fn invalid(errors: &[cchc_widgets::feedback::FieldError]) -> Response {
    let mut map = Map::new();
    for e in errors {
        map.entry(e.field.clone())
            .or_insert_with(|| json!({"code": e.code, "message": e.message}));
    }
    let order: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    let body = json!({"errors": map, "order": order});
    (StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response()
}

/// `201` (stored) or `202` (spam, kept apart) with the reference.
fn accepted(reference: &str, spam: bool) -> Response {
    let status = match spam {
        true => StatusCode::ACCEPTED,
        false => StatusCode::CREATED,
    };
    let body = json!({
        "reference": reference,
        "message": {
            "vi": "Cơ quan tiếp nhận đã nhận phản ánh, kiến nghị của bạn.",
            "en": "The receiving agency has received your feedback."
        }
    });
    (status, axum::Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_paths() {
        assert_eq!(endpoint_path("/api/phan-anh").as_deref(), Some("/api/phan-anh"));
        assert_eq!(
            endpoint_path("https://tinh.gov.vn/api/pakn?x=1").as_deref(),
            Some("/api/pakn")
        );
        assert_eq!(endpoint_path("https://tinh.gov.vn"), None);
        assert_eq!(endpoint_path("/"), None);
    }
}

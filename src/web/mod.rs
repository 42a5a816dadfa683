//! The browser shell: turns core results into DOM. Compiled only for `wasm32`.
//!
//! `js/cchc-widgets.js` (the classic-script loader) finds widget elements, attaches their shadow
//! root and calls [`mount`] once the wasm is loaded. From there everything is here: reading the
//! host's attributes, fetching data with a time limit, the loading state, the error panel with a
//! retry, the `data-state` attribute and the `cchc-ready` / `cchc-error` events, and one view per
//! widget. A failure is always shown inside its own widget and never thrown into the host page.

// A bundle with only some widgets leaves shell helpers that only the others use.
#![cfg_attr(
    not(all(feature = "search", feature = "tracker", feature = "form")),
    allow(dead_code)
)]

#[cfg(feature = "api")]
mod api;
pub(crate) mod contacts;
pub(crate) mod dom;
pub mod i18n;
pub(crate) mod load;
#[cfg(feature = "print")]
mod print;
mod views;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The allocator: Talc instead of std's dlmalloc, ~4 KB less wasm in every widget and faster
/// (BENCHMARKS.md "Payload"). Single-threaded wasm only; the core and the CLI keep the system one.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, ShadowRoot};

use crate::contract::LoadFailure;
use crate::i18n::{Lang, Ui};
use dom::{cat, clear, E};

/// `style.css` without comments and indentation (see `build.rs`).
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

thread_local! {
    static BASE_URL: RefCell<String> = const { RefCell::new(String::new()) };
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Whether this build has the print module: `cargo xtask build` builds it before the search modules,
/// sets `CCHC_PRINT` for them and writes [`print_sheet`] into their glue; a build without it (tests,
/// `cargo build`) has no print button.
pub(crate) const PRINT: bool = option_env!("CCHC_PRINT").is_some();

#[wasm_bindgen]
extern "C" {
    /// Written into the search modules' glue by `cargo xtask build` (`print_glue`): asks the
    /// loader (`loader.p`) for the print module with its file stem and the SHA-256 of its glue
    /// (which exports its wasm's, `W`), then calls its `print(button)`; on failure writes `failed`
    /// into the live region after the button. The hash is in the search glue, which the loader
    /// checks against its own table: the chain goes loader → search glue → print glue → print
    /// wasm, and the loader carries nothing more.
    #[wasm_bindgen(js_name = __cchc_print)]
    fn print_sheet(loader: &JsValue, button: &Element, failed: &str);
}

/// Called once by the loader: the folder the bundle was loaded from (for the CSS fallback and the
/// built-in form's schema).
#[wasm_bindgen]
pub fn set_base_url(url: String) {
    BASE_URL.with(|b| *b.borrow_mut() = url);
}

/// A file of `pkg/` (the folder the loader was loaded from).
pub(crate) fn pkg_url(name: &str) -> String {
    BASE_URL.with(|b| cat(&b.borrow(), name))
}

/// The bundle's version (also in `pkg/VERSION`): an export of the `SearchIndex` API module
/// only. The loader never asks a widget's module (it has `VERSION` itself), whose glue then
/// carries no `version()` wrapper.
#[cfg(feature = "api")]
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Today's date on the visitor's clock (the core never reads a clock; views pass this in).
pub(crate) fn today() -> crate::date::Date {
    let now = js_sys::Date::new_0();
    // Milliseconds since the epoch, shifted by the visitor's UTC offset to their calendar day.
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    crate::date::Date::from_days_since_epoch((local_ms / 86_400_000.0).floor() as i64)
}

/// Which widget a host element is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    #[cfg(feature = "search")]
    TthcSearch,
    #[cfg(feature = "tracker")]
    IndexTracker,
    #[cfg(feature = "form")]
    FeedbackForm,
    #[cfg(feature = "answers")]
    FeedbackAnswers,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        match s {
            #[cfg(feature = "search")]
            "tthc-search" => Some(Kind::TthcSearch),
            #[cfg(feature = "tracker")]
            "index-tracker" => Some(Kind::IndexTracker),
            #[cfg(feature = "form")]
            "feedback-form" => Some(Kind::FeedbackForm),
            #[cfg(feature = "answers")]
            "feedback-answers" => Some(Kind::FeedbackAnswers),
            _ => None,
        }
    }
    fn name(self) -> &'static str {
        match self {
            #[cfg(feature = "search")]
            Kind::TthcSearch => "tthc-search",
            #[cfg(feature = "tracker")]
            Kind::IndexTracker => "index-tracker",
            #[cfg(feature = "form")]
            Kind::FeedbackForm => "feedback-form",
            #[cfg(feature = "answers")]
            Kind::FeedbackAnswers => "feedback-answers",
        }
    }
}

/// Why a view could not finish: its data, or (a bug) the DOM refused an operation.
pub(crate) enum Failure {
    Load(LoadFailure),
    Js(JsValue),
}

impl From<LoadFailure> for Failure {
    fn from(f: LoadFailure) -> Failure {
        Failure::Load(f)
    }
}
impl From<JsValue> for Failure {
    fn from(v: JsValue) -> Failure {
        Failure::Js(v)
    }
}

type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);

/// Everything a view needs to know about its host, and what must be undone when it goes away.
pub(crate) struct Ctx {
    pub host: HtmlElement,
    pub root: ShadowRoot,
    pub kind: Kind,
    pub lang: Lang,
    /// The widget's container inside the shadow root; views render into it.
    pub body: Element,
    alive: Cell<bool>,
    /// The loader's early requests: absolute URL → promise of the answer (see [`Ctx::fetch`]).
    prefetch: RefCell<JsValue>,
    /// The loader's early search box, until the view takes it.
    early: RefCell<Option<Element>>,
    /// Bumped on every (re)start so that a stale fetch cannot render over a newer one.
    run: Cell<u32>,
    listeners: RefCell<Vec<Listener>>,
}

impl Ctx {
    /// Reads `name`, falling back to `data-name` (the form CMS editors keep).
    pub fn attr(&self, name: &str) -> Option<String> {
        self.host
            .get_attribute(name)
            .or_else(|| self.host.get_attribute(&cat("data-", name)))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// Fetches the data file named by attribute `name` with the host's time limit.
    pub async fn fetch_attr(&self, name: &str) -> Result<String, LoadFailure> {
        let url = self.attr(name).ok_or_else(|| LoadFailure::NoSource {
            attribute: name.to_string(),
        })?;
        self.fetch(&url, self.timeout()).await
    }

    /// The host's time limit for its data in seconds (`timeout`, 1 to 300; the loader reads the
    /// same attribute the same way for its early requests).
    pub fn timeout(&self) -> u32 {
        self.attr("timeout")
            // `num::digits`, not `str::parse` (std's integer parsers cost the wasm).
            .and_then(|t| crate::num::digits(t.strip_prefix('+').unwrap_or(&t)))
            .filter(|t| (1..=300).contains(t))
            .map_or(load::DEFAULT_TIMEOUT_S, |t| t as u32)
    }

    /// GETs `url` (relative to the page) as text: the answer to the loader's early request for it
    /// when there is one (taken once: a retry asks the server again), else a request now.
    pub async fn fetch(&self, url: &str, timeout_s: u32) -> Result<String, LoadFailure> {
        let early = self.take_prefetched(url);
        match early {
            Some(answer) => load::prefetched_text(url, timeout_s, answer).await,
            None => load::fetch_text(url, timeout_s).await,
        }
    }

    /// The loader's function `name` on the object it handed to [`mount`].
    fn loader_fn(&self, name: &str) -> Option<js_sys::Function> {
        js_sys::Reflect::get(&self.prefetch.borrow(), &JsValue::from_str(name))
            .ok()?
            .dyn_into()
            .ok()
    }

    /// Asks the loader to mount this widget again with the module that has everything (the
    /// combined one); false when the loader offers no such thing.
    pub fn upgrade(&self) -> bool {
        match self.loader_fn("upgrade") {
            Some(f) => f.call0(&JsValue::NULL).is_ok(),
            None => false,
        }
    }

    /// Prints the procedure open beside `button`: hands it to the print module's loading code in
    /// the glue ([`print_sheet`]), which asks the loader for the module (checked against the
    /// hash the glue carries) and calls its `print` with the button; the module does the rest
    /// (the data, the sheet, its own document, its messages). When the module cannot be loaded,
    /// the live region after the button says so; pressing it again tries again.
    #[cfg(feature = "search")]
    pub fn print(&self, button: &Element) {
        print_sheet(
            &self.prefetch.borrow(),
            button,
            Ui::LoaderFailed.text(self.lang),
        );
    }

    fn take_prefetched(&self, url: &str) -> Option<js_sys::Promise> {
        let map = self.prefetch.borrow();
        let map = map.dyn_ref::<js_sys::Object>()?;
        let base = web_sys::window()?.document()?.base_uri().ok()??;
        let key = JsValue::from_str(&web_sys::Url::new_with_base(url, &base).ok()?.href());
        let answer = js_sys::Reflect::get(map, &key).ok()?;
        let _ = js_sys::Reflect::delete_property(map, &key);
        answer.dyn_into::<js_sys::Promise>().ok()
    }

    /// The search box the loader drew before the core arrived (`[data-early]` in the shadow
    /// root), for the view to take over what was typed; taken once.
    pub fn take_early(&self) -> Option<Element> {
        self.early.borrow_mut().take()
    }

    /// Adds an event listener that is removed when the widget is destroyed.
    pub fn on(
        self: &Rc<Self>,
        target: &EventTarget,
        ty: &'static str,
        f: impl FnMut(Event) + 'static,
    ) {
        self.on_boxed(target, ty, Box::new(f));
    }

    /// The one non-generic body of [`Ctx::on`]: every listener shares one `Closure` type instead
    /// of one per closure (smaller wasm). `addEventListener` with a function cannot fail.
    #[inline(never)]
    fn on_boxed(&self, target: &EventTarget, ty: &'static str, f: Box<dyn FnMut(Event)>) {
        let closure = Closure::wrap(f);
        let _ = target.add_event_listener_with_callback(ty, closure.as_ref().unchecked_ref());
        self.listeners
            .borrow_mut()
            .push((target.clone(), ty, closure));
    }

    pub fn alive(&self) -> bool {
        self.alive.get()
    }

    fn dispatch(&self, name: &str, message: Option<&str>) {
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"kind".into(), &self.kind.name().into());
        if let Some(m) = message {
            let _ = js_sys::Reflect::set(&detail, &"message".into(), &m.into());
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.host.dispatch_event(&ev);
        }
    }

    /// Marks the widget ready (its real content is on screen) and tells the host page.
    pub fn ready(&self) {
        let _ = self.host.set_attribute("data-state", "ready");
        self.dispatch("cchc-ready", None);
    }
}

/// A mounted widget; the loader calls `destroy` when its element leaves the page.
#[wasm_bindgen]
pub struct Widget {
    ctx: Rc<Ctx>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes listeners and content; safe to call twice.
    pub fn destroy(&self) {
        self.ctx.alive.set(false);
        let listeners = std::mem::take(&mut *self.ctx.listeners.borrow_mut());
        for (target, ty, closure) in listeners {
            let _ =
                target.remove_event_listener_with_callback(ty, closure.as_ref().unchecked_ref());
        }
        clear(&self.ctx.root);
    }
}

/// Starts a widget in `root` (the host's shadow root). Never throws: failures become the widget's
/// error panel. `prefetch` (optional) maps absolute URLs to the loader's early requests.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot, kind: &str, prefetch: JsValue) -> Option<Widget> {
    let kind = Kind::parse(kind)?;
    let lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .map(|l| Lang::from_tag(&l))
        .unwrap_or_default();
    // Everything the loader drew goes, except its early search box (typing must not be lost).
    let early = root.query_selector("[data-early]").ok().flatten();
    let children = root.child_nodes();
    for i in (0..children.length()).rev() {
        if let Some(n) = children.item(i) {
            if early.as_ref().map(|e| e.is_same_node(Some(&n))) != Some(true) {
                let _ = root.remove_child(&n);
            }
        }
    }
    adopt_styles(&root);
    let body = E::new("div")
        .class(&cat("cchc cchc-", kind.name()))
        .attr("lang", lang.tag())
        .el();
    crate::web::dom::append(&root, &body);
    let ctx = Rc::new(Ctx {
        host,
        root,
        kind,
        lang,
        body,
        alive: Cell::new(true),
        prefetch: RefCell::new(prefetch),
        early: RefCell::new(early),
        run: Cell::new(0),
        listeners: RefCell::new(Vec::new()),
    });
    start(ctx.clone());
    Some(Widget { ctx })
}

/// (Re)loads and renders the widget: loading state, then the view or the error panel.
fn start(ctx: Rc<Ctx>) {
    let run = ctx.run.get().wrapping_add(1);
    ctx.run.set(run);
    let _ = ctx.host.set_attribute("data-state", "loading");
    clear(&ctx.body);
    let p = E::new("p")
        .class("cchc-loading")
        .attr("role", "status")
        .text(Ui::Loading.text(ctx.lang));
    // `dom::append`, not web_sys's `append_child`: a fresh element into the body cannot be
    // refused, and the catching binding was only in the wasm for this and the stylesheet link.
    crate::web::dom::append(&ctx.body, &p.0);
    wasm_bindgen_futures::spawn_local(async move {
        let result = views::run(&ctx).await;
        if !ctx.alive() || ctx.run.get() != run {
            return;
        }
        if let Err(failure) = result {
            show_error(&ctx, &failure);
        }
    });
}

/// The error panel: what happened for the citizen, a retry when it can help, details for the
/// webmaster.
fn show_error(ctx: &Rc<Ctx>, failure: &Failure) {
    let lang = ctx.lang;
    let (citizen, detail, retry) = match failure {
        Failure::Load(f) => (
            f.citizen_message(lang).to_string(),
            f.webmaster_detail(lang),
            f.retryable(),
        ),
        Failure::Js(v) => (
            Ui::RenderError.text(lang).to_string(),
            v.as_string()
                .or_else(|| {
                    v.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                })
                .unwrap_or_default(),
            true,
        ),
    };
    // A search box that can no longer search would only mislead: the loader's early box goes.
    if let Some(early) = ctx.take_early() {
        early.remove();
    }
    build_error(ctx, &citizen, &detail, retry);
    let _ = ctx.host.set_attribute("data-state", "error");
    ctx.dispatch("cchc-error", Some(&detail));
}

fn build_error(ctx: &Rc<Ctx>, citizen: &str, detail: &str, retry: bool) {
    let lang = ctx.lang;
    clear(&ctx.body);
    let panel = E::new("div")
        .class("cchc-error")
        .part("error")
        .attr("role", "alert");
    let panel = panel
        .child(
            E::new("p")
                .class("cchc-error-title")
                .text(Ui::LoadErrorTitle.text(lang)),
        )
        .child(E::new("p").text(citizen));
    if retry {
        let button = E::new("button")
            .attr("type", "button")
            .class("cchc-button")
            .text(Ui::Retry.text(lang));
        let again = ctx.clone();
        ctx.on(&button.0, "click", move |_| start(again.clone()));
        crate::web::dom::append(&panel.0, &button.0);
    }
    if !detail.is_empty() {
        let details = E::new("details")
            .child(E::new("summary").text(Ui::TechnicalDetails.text(lang)))
            .child(E::new("p").class("cchc-detail").text(detail));
        crate::web::dom::append(&panel.0, &details.0);
    }
    // Whom to call: the agency's hotlines, once its contacts file is read.
    contacts::fill(ctx, &panel.0);
    crate::web::dom::append(&ctx.body, &panel.0);
}

/// Applies the widget stylesheet inside the shadow root without inline `<style>` (blocked by a
/// strict CSP): a constructable stylesheet, or a `<link>` to the CSS file beside the bundle.
fn adopt_styles(root: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            if let Ok(s) = web_sys::CssStyleSheet::new() {
                let _ = s.replace_sync(STYLES);
                *cell = Some(s);
            }
        }
        cell.clone()
    });
    let adopted = sheet
        .map(|s| {
            js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&s))
                .unwrap_or(false)
        })
        .unwrap_or(false);
    if !adopted {
        let href = pkg_url("cchc-widgets.css");
        let link = E::new("link").attr("rel", "stylesheet").attr("href", &href);
        crate::web::dom::append(root, &link.0);
    }
}

//! A tiny DOM builder that can only ever set text, never parse markup.
//!
//! Agency JSON and user input are untrusted; the only way text reaches the page is
//! `set_text_content` and attribute values, so no data can become markup.
//!
//! Creating, appending and the chaining methods are infallible on purpose: with the constant tag
//! and attribute names the views use, `createElement`, `setAttribute` and `appendChild` (of a
//! fresh node into an element) cannot fail, and not threading a `Result` through every one of
//! the views' ~400 DOM calls keeps the wasm (which every citizen downloads) ~8 KB gzip smaller.
//! The bindings below are declared without `catch` for that reason: they call
//! `document.createElement` directly, with no `window().document()` lookup per element.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

pub type R<T> = Result<T, JsValue>;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Any DOM node, for calls that cannot fail with the arguments the views pass.
    type RawNode;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &RawNode, child: &RawNode);
    /// Without `catch`: web-sys's `set_attribute` goes through wasm-bindgen's exception wrapper
    /// (a closure and an `apply` per call; 4× the plain call in a microbenchmark, though in a
    /// page the browser's own attribute work dominates), for ~2,000 attributes on a page with
    /// all three widgets.
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attr(this: &RawNode, name: &str, value: &str);
    #[wasm_bindgen(js_namespace = document, js_name = createElement)]
    fn create(tag: &str) -> Element;
    #[wasm_bindgen(js_namespace = document, js_name = createTextNode)]
    fn create_text(text: &str) -> web_sys::Text;
    #[wasm_bindgen(js_namespace = document, js_name = createElementNS)]
    fn create_ns(ns: &str, tag: &str) -> Element;
}

/// The page's document (for the few calls that are not element building).
pub fn document() -> R<Document> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// A text node.
pub fn text_node(t: &str) -> web_sys::Text {
    create_text(t)
}

/// An element under construction. `E::new("p").class("x").text("...")`.
pub struct E(pub Element);

impl E {
    pub fn new(tag: &str) -> E {
        E(create(tag))
    }
    pub fn svg(tag: &str) -> E {
        E(create_ns("http://www.w3.org/2000/svg", tag))
    }
    /// Sets `class` (as an attribute, so it also works on SVG elements).
    pub fn class(self, c: &str) -> E {
        self.attr("class", c)
    }
    pub fn text(self, t: &str) -> E {
        self.0.set_text_content(Some(t));
        self
    }
    /// Sets attribute `k`, a constant name from the views (`setAttribute` throws only for a name
    /// that is not an XML name, which no view passes); the value can be any text.
    pub fn attr(self, k: &'static str, v: &str) -> E {
        self.0.unchecked_ref::<RawNode>().set_attr(k, v);
        self
    }
    pub fn part(self, p: &str) -> E {
        self.attr("part", p)
    }
    pub fn child(self, c: impl AsRef<Element>) -> E {
        append(&self.0, c.as_ref());
        self
    }
    /// Appends a text node (kept separate from other children, e.g. inside a label).
    pub fn append_text(self, t: &str) -> E {
        append(&self.0, &text_node(t));
        self
    }
    pub fn el(self) -> Element {
        self.0
    }
    pub fn html(self) -> R<HtmlElement> {
        self.0.dyn_into::<HtmlElement>().map_err(JsValue::from)
    }
}

impl AsRef<Element> for E {
    fn as_ref(&self) -> &Element {
        &self.0
    }
}

/// Appends `child` to `parent`. Infallible here: the views only append fresh elements and text to
/// elements (never a node into itself or into a text node), which `appendChild` cannot refuse.
pub fn append(parent: &web_sys::Node, child: &web_sys::Node) {
    parent
        .unchecked_ref::<RawNode>()
        .append_child(child.unchecked_ref());
}

/// `a` followed by `b`: one shared body for the ids, URLs and classes the views glue together
/// (cheaper in wasm than a `format!` per call site).
#[inline(never)]
pub fn cat(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    out
}

/// Removes every child of `node`: one `textContent = null` (which cannot fail, on an element or
/// a shadow root) instead of a `removeChild` call per child, each through wasm-bindgen's
/// exception wrapper (a search results list or a tracker task list is cleared at every filter).
pub fn clear(node: &web_sys::Node) {
    node.set_text_content(None);
}

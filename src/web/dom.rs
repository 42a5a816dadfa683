//! A tiny DOM builder that can only ever set text, never parse markup.
//!
//! Agency JSON and user input are untrusted; the only way text reaches the page is
//! `set_text_content` and attribute values, so no data can become markup.
//!
//! The chaining methods are infallible on purpose: with the constant tag and attribute names the
//! views use, `setAttribute` and `appendChild` cannot fail, and not threading a `Result` through
//! every link keeps the wasm (which every citizen downloads) markedly smaller. Creating an element
//! stays fallible (`E::new(..)?`), so a view still stops cleanly if the DOM is unusable.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

pub type R<T> = Result<T, JsValue>;

thread_local! {
    /// Looked up once: long lists create thousands of elements.
    static DOC: Option<Document> = web_sys::window().and_then(|w| w.document());
}

pub fn document() -> R<Document> {
    DOC.with(|d| d.clone())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// A text node.
pub fn text_node(t: &str) -> R<web_sys::Text> {
    Ok(document()?.create_text_node(t))
}

/// An element under construction. `E::new("p")?.class("x").text("...")`.
pub struct E(pub Element);

impl E {
    pub fn new(tag: &str) -> R<E> {
        Ok(E(document()?.create_element(tag)?))
    }
    pub fn svg(tag: &str) -> R<E> {
        Ok(E(document()?.create_element_ns(
            Some("http://www.w3.org/2000/svg"),
            tag,
        )?))
    }
    /// Sets `class` (as an attribute, so it also works on SVG elements).
    pub fn class(self, c: &str) -> E {
        let _ = self.0.set_attribute("class", c);
        self
    }
    pub fn text(self, t: &str) -> E {
        self.0.set_text_content(Some(t));
        self
    }
    pub fn attr(self, k: &str, v: &str) -> E {
        let _ = self.0.set_attribute(k, v);
        self
    }
    pub fn part(self, p: &str) -> E {
        self.attr("part", p)
    }
    pub fn child(self, c: impl AsRef<Element>) -> E {
        let _ = self.0.append_child(c.as_ref());
        self
    }
    /// Appends a text node (kept separate from other children, e.g. inside a label).
    pub fn append_text(self, t: &str) -> E {
        if let Ok(node) = text_node(t) {
            let _ = self.0.append_child(&node);
        }
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

/// Removes every child of `node`.
pub fn clear(node: &web_sys::Node) {
    while let Some(c) = node.first_child() {
        let _ = node.remove_child(&c);
    }
}

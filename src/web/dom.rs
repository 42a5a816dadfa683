//! A tiny DOM builder that can only ever set text, never parse markup.
#![allow(dead_code)] // builders used as the widget views grow
//!
//! Agency JSON and user input are untrusted; the only way text reaches the page is
//! `set_text_content` and attribute values, so no data can become markup.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

pub type R<T> = Result<T, JsValue>;

pub fn document() -> R<Document> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// An element under construction. `E::new("p")?.class("x").text("...").into_el()`.
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
    pub fn class(self, c: &str) -> E {
        self.0.set_class_name(c);
        self
    }
    pub fn text(self, t: &str) -> E {
        self.0.set_text_content(Some(t));
        self
    }
    pub fn attr(self, k: &str, v: &str) -> R<E> {
        self.0.set_attribute(k, v)?;
        Ok(self)
    }
    pub fn part(self, p: &str) -> R<E> {
        self.attr("part", p)
    }
    pub fn child(self, c: impl AsRef<Element>) -> R<E> {
        self.0.append_child(c.as_ref())?;
        Ok(self)
    }
    /// Appends a text node (kept separate from other children, e.g. inside a label).
    pub fn append_text(self, t: &str) -> R<E> {
        let node = document()?.create_text_node(t);
        self.0.append_child(&node)?;
        Ok(self)
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

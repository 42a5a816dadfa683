//! A small programmatic API over the same core, for host pages that build their own UI and for the
//! benchmarks: `const index = SearchIndex.fromJson(text); index.search("cap lai cccd", 10)`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::tthc::{Catalog, Query, Thesaurus, BUILTIN_THESAURUS_TSV};

/// The size limit of `SearchIndex.fromJson` (a widget accepts `contract::MAX_DATA_BYTES`).
const API_MAX_BYTES: usize = 64 * 1024 * 1024;

/// A loaded TTHC catalogue and its index.
#[wasm_bindgen]
pub struct SearchIndex {
    catalog: Catalog,
}

#[wasm_bindgen]
impl SearchIndex {
    /// Loads `tthc.json`, a JSON array of the national portal's records, or JSON Lines. Throws an
    /// `Error` whose message says what is wrong and where (line:column or JSON path).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<SearchIndex, JsError> {
        // A host page that calls the API directly chooses its data knowingly: allow larger files
        // than a widget accepts (the 10× benchmark corpus is 18 MB of JSON).
        let (mut catalog, _) = Catalog::from_json_str_with_limit(text, API_MAX_BYTES)
            .map_err(|e| JsError::new(&e.message(Lang::Vi)))?;
        // The words `cchc search` knows (this module is not a widget's: it carries them).
        if let Ok(t) = Thesaurus::parse(BUILTIN_THESAURUS_TSV) {
            catalog.set_thesaurus(t);
        }
        // An index is built here, as the name says (the benchmarks time it here, beside the
        // peers' builds), not by the first search.
        catalog.warm();
        Ok(SearchIndex { catalog })
    }

    /// Codes of the best `top` procedures for a complete query (as `cchc search` ranks them).
    pub fn search(&self, query: &str, top: usize) -> js_sys::Array {
        let q = Query {
            typing: false,
            limit: top.min(1000),
            ..Query::text(query)
        };
        // Built as a JS array directly: returning `Vec<String>` makes wasm-bindgen emit a
        // conversion shim of ~1.7 KB.
        let out = js_sys::Array::new();
        for h in self.catalog.search(&q).hits {
            out.push(&JsValue::from_str(&h.code));
        }
        out
    }

    /// Number of procedures loaded.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.catalog.procedures().len()
    }
}

/// Bytes of wasm linear memory in use (for the benchmarks' memory column).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    mem.buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

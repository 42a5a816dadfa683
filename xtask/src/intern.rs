//! The glue decodes each of the wasm's constant strings once.
//!
//! Every string a view passes to the DOM (a tag, an attribute name, a class, the interface's own
//! words) crosses into JavaScript as a pointer and a length, which wasm-bindgen's glue decodes
//! with `TextDecoder` at every call: 954 elements and 795 attributes on the tracker's demo page,
//! most of them the same few dozen constants. A constant lives in the module's data segments at a
//! fixed address and never changes there (Rust keeps string literals in read-only data; the
//! mutable statics that share the segments hold no text the views pass), so the glue may keep
//! what it decoded for an address and length inside the segments and decode only the rest
//! (strings built at run time live on the heap or the stack, outside them).

use wasmparser::{DataKind, Operator, Parser, Payload};

/// The address range `[start, end)` the module's active data segments cover, or `None` when it
/// has none (or one whose address is not a constant).
pub fn data_range(wasm: &[u8]) -> Result<Option<(u32, u32)>, String> {
    let bad = |e: wasmparser::BinaryReaderError| format!("wasm: {e}");
    let mut range: Option<(u32, u32)> = None;
    for payload in Parser::new(0).parse_all(wasm) {
        let Payload::DataSection(section) = payload.map_err(bad)? else {
            continue;
        };
        for data in section {
            let data = data.map_err(bad)?;
            let DataKind::Active {
                memory_index: 0,
                offset_expr,
            } = data.kind
            else {
                continue;
            };
            let mut ops = offset_expr.get_operators_reader();
            let Operator::I32Const { value } = ops.read().map_err(bad)? else {
                return Ok(None);
            };
            let start = value as u32;
            let end = start
                .checked_add(data.data.len() as u32)
                .ok_or("wasm: a data segment past 4 GiB")?;
            range = Some(match range {
                Some((a, b)) => (a.min(start), b.max(end)),
                None => (start, end),
            });
        }
    }
    Ok(range)
}

/// wasm-bindgen's (0.2.130) string decoding in a `--target web` glue.
const DECODE: &str = "function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}";

/// The glue with [`DECODE`] keeping, in a `Map`, what it decoded from `[start, end)`.
pub fn intern(glue: &str, (start, end): (u32, u32)) -> Result<String, String> {
    if glue.matches(DECODE).count() != 1 {
        return Err(
            "glue: wasm-bindgen's getStringFromWasm0 is not as xtask/src/intern.rs expects \
             (a new wasm-bindgen?): update DECODE there"
                .into(),
        );
    }
    // The key is exact: an address below 2^32 times 2^21 plus a length below 2^21 stays below
    // 2^53. Segments spanning 2 MiB or more (none today) keep the plain decoder.
    if end - start >= 1 << 21 {
        return Ok(glue.to_string());
    }
    let cached = format!(
        "const cchcConstants = new Map();
function getStringFromWasm0(ptr, len) {{
    ptr = ptr >>> 0;
    if (ptr < {start} || ptr + len > {end}) return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
    const key = ptr * 2097152 + len;
    let s = cchcConstants.get(key);
    if (s === undefined) cchcConstants.set(key, s = decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len)));
    return s;
}}"
    );
    Ok(glue.replace(DECODE, &cached))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one memory and two active data segments.
    fn module(segments: &[(i32, &[u8])]) -> Vec<u8> {
        let mut m = wasm_encoder::Module::new();
        let mut mem = wasm_encoder::MemorySection::new();
        mem.memory(wasm_encoder::MemoryType {
            minimum: 17,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        m.section(&mem);
        let mut data = wasm_encoder::DataSection::new();
        for (at, bytes) in segments {
            data.active(
                0,
                &wasm_encoder::ConstExpr::i32_const(*at),
                bytes.iter().copied(),
            );
        }
        m.section(&data);
        m.finish()
    }

    #[test]
    fn range_covers_every_segment() {
        let wasm = module(&[(1_048_576, b"div"), (1_048_600, b"cchc-card")]);
        assert_eq!(data_range(&wasm).unwrap(), Some((1_048_576, 1_048_609)));
        assert_eq!(data_range(&module(&[])).unwrap(), None);
    }

    #[test]
    fn only_the_decoder_changes() {
        let glue = format!("let a = 1;\n{DECODE}\nlet b = 2;\n");
        let out = intern(&glue, (1_048_576, 1_079_613)).unwrap();
        assert!(out.starts_with("let a = 1;\n") && out.ends_with("\nlet b = 2;\n"));
        assert!(out.contains("ptr < 1048576 || ptr + len > 1079613"));
        assert!(!out.contains(DECODE));
        // A glue from another wasm-bindgen is refused, not silently left slow.
        assert!(intern("function getStringFromWasm0(p, l) {}", (0, 1)).is_err());
    }
}

//! The crate's own JSON: a small tree ([`Value`]), a writer ([`Value::to_json`], [`write_str`]) and
//! one parser ([`parse`], built on the pull parser [`Reader`]).
//!
//! Why it exists: serde_json with serde's derived `Deserialize` and serde_path_to_error cost the
//! browser bundle about 70 KB of WebAssembly, paid for by every citizen on 3G, while the widgets
//! only need to read a few data files and write a few small JSON strings. This module does that
//! in a few KB, keeps what the webmaster needs (syntax errors with a line and a character column)
//! and lets the TTHC loader stream its multi-megabyte data file without building a tree
//! ([`Reader`]). Numbers are kept as written ([`Value::Num`]), so nothing is lost or rounded.

mod reader;
#[cfg(test)]
mod tests;

use std::fmt;

pub use reader::{Kind, Reader, MAX_DEPTH};

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number exactly as written in the source ("69.5", "-1e3"; "05" is a syntax error as in
    /// JSON).
    Num(String),
    Str(String),
    Arr(Vec<Value>),
    /// Members in source order. Duplicate keys are kept; [`Value::get`] returns the LAST one (as
    /// serde_json).
    Obj(Vec<(String, Value)>),
}

impl Value {
    /// The value of `key` (the last one if repeated); `None` unless an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A number as `f64`, if finite.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Num(n) => n.parse::<f64>().ok().filter(|f| f.is_finite()),
            _ => None,
        }
    }

    /// A number written as an integer that fits in `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// A number written as a non-negative integer that fits in `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            // `u64::from_str` accepts a leading `+`, which JSON numbers never have.
            Value::Num(n) if !n.starts_with('+') => n.parse().ok(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Arr(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// "null", "a boolean", "a number", "a string", "an array", "an object" (for messages).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Num(_) => Kind::Num,
            Value::Str(_) => Kind::Str,
            Value::Arr(_) => Kind::Arr,
            Value::Obj(_) => Kind::Obj,
        }
        .name()
    }

    /// Compact JSON text; always valid (a `Num` whose text is not a JSON number is written as
    /// `null`), and [`parse`] gives the value back.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Num(n) => {
                let valid = reader::number_end(n.as_bytes(), 0) == Ok(n.len());
                out.push_str(if valid { n } else { "null" });
            }
            Value::Str(s) => write_str(out, s),
            Value::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Num(crate::num::int(n))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Num(crate::num::int(n))
    }
}

/// A JSON object literal in code: `json::obj([("v", Value::from(1u64)), ("values", v)])`.
pub fn obj<const N: usize>(members: [(&str, Value); N]) -> Value {
    // One body for every length (each `N` would otherwise be its own copy in the wasm).
    obj_vec(Vec::from(members))
}

#[inline(never)]
fn obj_vec(members: Vec<(&str, Value)>) -> Value {
    Value::Obj(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// `s` as a JSON string literal, for messages that quote a value (the bundle is built without
/// `Debug` formatting, so `{:?}` must not be used for text a user sees).
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str(&mut out, s);
    out
}

/// Appends `s` as a JSON string literal (quotes, escapes of `"`, `\` and control characters).
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or_default());
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(short);
        }
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

/// A syntax error: 1-based line and column (column counted in characters), English detail such
/// as "expected `,` or `}`" / "EOF while parsing a string" / "trailing characters".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub detail: String,
}

impl SyntaxError {
    /// serde_json's wording: "<detail> at line L column C" (also what `Display` writes; this
    /// keeps core's formatting machinery out of the wasm).
    pub fn message(&self) -> String {
        crate::text::cat(&[
            &self.detail,
            " at line ",
            &crate::num::int(self.line),
            " column ",
            &crate::num::int(self.column),
        ])
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Parses a whole JSON text (RFC 8259; a leading UTF-8 BOM is accepted; nesting deeper than
/// 128 is an error, never a stack overflow). Never panics on any input.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader::new(text);
    let v = r.value()?;
    r.finish()?;
    Ok(v)
}

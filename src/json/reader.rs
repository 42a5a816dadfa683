//! The one JSON grammar of the crate: a pull parser over a borrowed text.
//!
//! [`Reader`] walks a JSON text token by token so that a loader can take the members it knows and
//! skip the rest without building a tree, and so that strings without escapes are borrowed from the
//! source instead of copied. [`crate::json::parse`] is built on it, so there is one implementation
//! of RFC 8259 to test.
//!
//! Usage: look at the next value with [`Reader::peek`], then take it with the matching method
//! ([`Reader::str`], [`Reader::num`], [`Reader::bool`], [`Reader::null`], [`Reader::value`],
//! [`Reader::skip`]) or enter it with [`Reader::begin_object`] + [`Reader::next_key`] /
//! [`Reader::begin_array`] + [`Reader::next_item`]. After the top-level value,
//! [`Reader::finish`] checks that only whitespace follows. Every method returns a
//! [`SyntaxError`] instead of panicking, whatever the input and whatever the call order.

use std::borrow::Cow;

use super::{SyntaxError, Value};

/// Containers nested deeper than this are refused (serde_json's limit), so that recursion in
/// [`Reader::value`] and [`Reader::skip`] can never overflow the stack.
pub const MAX_DEPTH: usize = 128;

/// The JSON type of the next value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Num,
    Str,
    Arr,
    Obj,
}

impl Kind {
    /// "null", "a boolean", "a number", "a string", "an array", "an object".
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Num => "a number",
            Kind::Str => "a string",
            Kind::Arr => "an array",
            Kind::Obj => "an object",
        }
    }
}

/// Bytes that end the fast scan of a string: the closing quote, a backslash, control characters.
const STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// A pull parser over one JSON text; see the module docs.
#[derive(Debug)]
pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    /// Whether the innermost open container has had no member yet (so no `,` is expected).
    first: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`; a leading UTF-8 byte-order mark is skipped (positions in
    /// errors are then counted from after it).
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            src: text.strip_prefix('\u{feff}').unwrap_or(text),
            pos: 0,
            depth: 0,
            first: false,
        }
    }

    /// The text being read (without the byte-order mark).
    pub fn text(&self) -> &'a str {
        self.src
    }

    /// The byte offset of the next unread byte.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// A syntax error located at the next non-whitespace byte (or at the end of the text).
    pub fn error(&mut self, detail: &str) -> SyntaxError {
        self.ws();
        self.error_at(self.pos, detail)
    }

    fn error_at(&self, at: usize, detail: &str) -> SyntaxError {
        let (line, column) = position(self.src, at);
        SyntaxError {
            line,
            column,
            detail: detail.to_string(),
        }
    }

    /// An error at the end of the text: located on its last character, as serde_json does.
    fn eof(&self, detail: &str) -> SyntaxError {
        let mut e = self.error_at(self.src.len(), detail);
        e.column = e.column.saturating_sub(1).max(1);
        e
    }

    fn byte(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    /// Skips whitespace and returns the next byte without consuming it.
    fn ws(&mut self) -> Option<u8> {
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b' ' | b'\n' | b'\r' | b'\t' => self.pos += 1,
                _ => return Some(b),
            }
        }
        None
    }

    /// The type of the next value, without consuming it.
    pub fn peek(&mut self) -> Result<Kind, SyntaxError> {
        match self.ws() {
            Some(b'n') => Ok(Kind::Null),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Num),
            Some(b'"') => Ok(Kind::Str),
            Some(b'[') => Ok(Kind::Arr),
            Some(b'{') => Ok(Kind::Obj),
            Some(_) => Err(self.error_at(self.pos, "expected value")),
            None => Err(self.eof("EOF while parsing a value")),
        }
    }

    fn expect_kind(&mut self, kind: Kind) -> Result<(), SyntaxError> {
        let found = self.peek()?;
        if found == kind {
            Ok(())
        } else {
            let detail =
                crate::text::cat(&["invalid type: ", found.name(), ", expected ", kind.name()]);
            Err(self.error_at(self.pos, &detail))
        }
    }

    fn open(&mut self, kind: Kind) -> Result<(), SyntaxError> {
        self.expect_kind(kind)?;
        if self.depth >= MAX_DEPTH {
            return Err(self.error_at(self.pos, "recursion limit exceeded"));
        }
        self.depth += 1;
        self.pos += 1;
        self.first = true;
        Ok(())
    }

    fn close(&mut self) {
        self.pos += 1;
        self.depth = self.depth.saturating_sub(1);
        self.first = false;
    }

    /// Enters an object (the next value must be one).
    pub fn begin_object(&mut self) -> Result<(), SyntaxError> {
        self.open(Kind::Obj)
    }

    /// Enters an array (the next value must be one).
    pub fn begin_array(&mut self) -> Result<(), SyntaxError> {
        self.open(Kind::Arr)
    }

    /// The next key of the current object (its value must be read or skipped next), or `None`
    /// after the closing `}`.
    pub fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        if !self.separator(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
            return Ok(None);
        }
        match self.byte() {
            Some(b'"') => {}
            Some(_) => return Err(self.error_at(self.pos, "key must be a string")),
            None => return Err(self.eof("EOF while parsing an object")),
        }
        let key = self.string(true)?;
        match self.ws() {
            Some(b':') => self.pos += 1,
            Some(_) => return Err(self.error_at(self.pos, "expected `:`")),
            None => return Err(self.eof("EOF while parsing an object")),
        }
        Ok(Some(key))
    }

    /// Whether the current array has another item (to be read or skipped next); `false` after
    /// the closing `]`.
    pub fn next_item(&mut self) -> Result<bool, SyntaxError> {
        self.separator(b']', "expected `,` or `]`", "EOF while parsing a list")
    }

    /// Consumes `,` between members or the closing byte; `true` when a member follows (the reader
    /// is then on its first byte).
    fn separator(&mut self, close: u8, expected: &str, eof: &str) -> Result<bool, SyntaxError> {
        let Some(b) = self.ws() else {
            return Err(self.eof(eof));
        };
        if b == close {
            self.close();
            return Ok(false);
        }
        if !self.first {
            if b != b',' {
                return Err(self.error_at(self.pos, expected));
            }
            self.pos += 1;
            match self.ws() {
                Some(b) if b == close => return Err(self.error_at(self.pos, "trailing comma")),
                None => return Err(self.eof("EOF while parsing a value")),
                Some(_) => {}
            }
        }
        self.first = false;
        Ok(true)
    }

    /// Reads a string; borrowed from the text when it has no escapes.
    pub fn str(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.expect_kind(Kind::Str)?;
        self.string(true)
    }

    /// Reads a number and returns it exactly as written.
    pub fn num(&mut self) -> Result<&'a str, SyntaxError> {
        self.expect_kind(Kind::Num)?;
        let start = self.pos;
        self.pos = number_end(self.src.as_bytes(), start)
            .map_err(|at| self.error_at(at, "invalid number"))?;
        Ok(self.src.get(start..self.pos).unwrap_or_default())
    }

    /// Reads `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, SyntaxError> {
        self.expect_kind(Kind::Bool)?;
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            Err(self.error_at(self.pos, "expected ident"))
        }
    }

    /// Reads `null`.
    pub fn null(&mut self) -> Result<(), SyntaxError> {
        self.expect_kind(Kind::Null)?;
        if self.literal("null") {
            Ok(())
        } else {
            Err(self.error_at(self.pos, "expected ident"))
        }
    }

    fn literal(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let found = self.src.as_bytes().get(self.pos..end) == Some(word.as_bytes());
        if found {
            self.pos = end;
        }
        found
    }

    /// Reads the next value as a tree.
    pub fn value(&mut self) -> Result<Value, SyntaxError> {
        Ok(match self.peek()? {
            Kind::Null => {
                self.null()?;
                Value::Null
            }
            Kind::Bool => Value::Bool(self.bool()?),
            Kind::Num => Value::Num(self.num()?.to_string()),
            Kind::Str => Value::Str(self.string(true)?.into_owned()),
            Kind::Arr => {
                self.begin_array()?;
                let mut items = Vec::new();
                while self.next_item()? {
                    items.push(self.value()?);
                }
                Value::Arr(items)
            }
            Kind::Obj => {
                self.begin_object()?;
                let mut members = Vec::new();
                while let Some(key) = self.next_key()? {
                    let value = self.value()?;
                    members.push((key.into_owned(), value));
                }
                Value::Obj(members)
            }
        })
    }

    /// Checks and skips the next value without building anything.
    pub fn skip(&mut self) -> Result<(), SyntaxError> {
        match self.peek()? {
            Kind::Null => self.null(),
            Kind::Bool => self.bool().map(drop),
            Kind::Num => self.num().map(drop),
            Kind::Str => self.string(false).map(drop),
            Kind::Arr => {
                self.begin_array()?;
                while self.next_item()? {
                    self.skip()?;
                }
                Ok(())
            }
            Kind::Obj => {
                self.begin_object()?;
                while self.next_key()?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
        }
    }

    /// Checks that nothing but whitespace follows.
    pub fn finish(&mut self) -> Result<(), SyntaxError> {
        match self.ws() {
            None => Ok(()),
            Some(_) => Err(self.error_at(self.pos, "trailing characters")),
        }
    }

    /// Reads the string whose opening quote is the next byte. With `keep == false` the content
    /// is only checked (the result is empty).
    fn string(&mut self, keep: bool) -> Result<Cow<'a, str>, SyntaxError> {
        let bytes = self.src.as_bytes();
        let start = self.pos + 1;
        let mut at = self.scan(start)?;
        if bytes.get(at) == Some(&b'"') {
            self.pos = at + 1;
            let s = if keep { self.src.get(start..at) } else { None };
            return Ok(Cow::Borrowed(s.unwrap_or_default()));
        }
        // Slow path: at least one escape.
        let mut out = String::new();
        let mut from = start;
        loop {
            if keep {
                out.push_str(self.src.get(from..at).unwrap_or_default());
            }
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(Cow::Owned(out));
                }
                _ => {
                    // A backslash (scan stops only on a quote, a backslash or an error).
                    let (c, next) = self.escape(at)?;
                    if keep {
                        out.push(c);
                    }
                    from = next;
                    at = self.scan(next)?;
                }
            }
        }
    }

    /// The offset of the first quote or backslash from `from`; control characters and the end of
    /// the text are errors.
    fn scan(&self, from: usize) -> Result<usize, SyntaxError> {
        let rest = self.src.as_bytes().get(from..).unwrap_or_default();
        match find_stop(rest) {
            None => Err(self.eof("EOF while parsing a string")),
            Some(i) => {
                let at = from + i;
                match rest.get(i) {
                    Some(b'"' | b'\\') => Ok(at),
                    _ => Err(self.error_at(
                        at,
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    )),
                }
            }
        }
    }

    /// Decodes the escape whose backslash is at `at`: the character and the offset after it.
    fn escape(&self, at: usize) -> Result<(char, usize), SyntaxError> {
        let bytes = self.src.as_bytes();
        let c = match bytes.get(at + 1) {
            None => return Err(self.eof("EOF while parsing a string")),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(at),
            Some(_) => return Err(self.error_at(at + 1, "invalid escape")),
        };
        Ok((c, at + 2))
    }

    /// `\uXXXX` at `at`, with a following `\uXXXX` for a surrogate pair.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), SyntaxError> {
        let high = self.hex4(at + 2)?;
        if let Some(c) = char::from_u32(u32::from(high)) {
            return Ok((c, at + 6));
        }
        if (0xDC00..=0xDFFF).contains(&high) {
            return Err(self.error_at(at, "lone trailing surrogate in hex escape"));
        }
        let bytes = self.src.as_bytes();
        if bytes.get(at + 6..at + 8) != Some(b"\\u".as_slice()) {
            return Err(self.error_at(at, "lone leading surrogate in hex escape"));
        }
        let low = self.hex4(at + 8)?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.error_at(at + 6, "lone leading surrogate in hex escape"));
        }
        let code = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
        char::from_u32(code)
            .map(|c| (c, at + 12))
            .ok_or_else(|| self.error_at(at, "invalid unicode code point"))
    }

    fn hex4(&self, at: usize) -> Result<u16, SyntaxError> {
        let mut n: u16 = 0;
        for i in at..at + 4 {
            let d = match self.src.as_bytes().get(i) {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(&b) => (b as char).to_digit(16),
            };
            match d {
                Some(d) => n = (n << 4) | d as u16,
                None => return Err(self.error_at(i, "invalid escape")),
            }
        }
        Ok(n)
    }
}

/// The offset of the first quote, backslash or control character in `bytes`, eight bytes at a
/// time (strings are most of a data file).
fn find_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const QUOTE: u64 = ONES * b'"' as u64;
    const BACKSLASH: u64 = ONES * b'\\' as u64;
    const SPACE: u64 = ONES * 0x20;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte's high bit is set where it equals a quote or a backslash, or is below 0x20. Borrows
        // only spread upwards from a match, so the lowest set bit is the first match.
        let found = ((x ^ QUOTE).wrapping_sub(ONES)
            | (x ^ BACKSLASH).wrapping_sub(ONES)
            | x.wrapping_sub(SPACE))
            & !x
            & HIGH;
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|&b| STRING_STOP[b as usize])
        .map(|i| offset + i)
}

/// The end of the number starting at `start`, or the offset of the byte that makes it invalid.
pub(crate) fn number_end(bytes: &[u8], start: usize) -> Result<usize, usize> {
    let digits = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut i = start;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits(i + 1),
        _ => return Err(i),
    }
    if bytes.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        if end == i + 1 {
            return Err(end);
        }
        i = end;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits(i);
        if end == i {
            return Err(end);
        }
        i = end;
    }
    Ok(i)
}

/// The 1-based line and character column of byte offset `at` (clamped to the text).
fn position(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let before = bytes.get(..at).unwrap_or(bytes);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let chars = before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, chars + 1)
}

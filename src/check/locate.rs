//! Finding where a JSON path points in the text, so every problem gets a line and a column.
//!
//! The loaders report *what* is wrong by JSON path (`procedures[3].url`,
//! `$.agencies[0].plans[0].tasks[2].deadline_text`); a webmaster fixing the file in an editor needs
//! *where*. This is a tiny, allocation-light scanner over the raw text that walks the path without
//! building a tree. It never fails loudly: on broken or truncated text, or a path that goes
//! further than the text, it returns the deepest position it reached (a missing key points at its
//! parent object), or `None` when not even the root is found.

/// A 1-based line and column (in characters, as editors count them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Parses `$.a.b[2].c`, `a.b[2]`, `[3].x` (a leading `$` is optional).
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let p = path.strip_prefix('$').unwrap_or(path);
    let mut segs = Vec::new();
    let mut key = String::new();
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if !key.is_empty() {
                    segs.push(Seg::Key(std::mem::take(&mut key)));
                }
            }
            '[' => {
                if !key.is_empty() {
                    segs.push(Seg::Key(std::mem::take(&mut key)));
                }
                let mut n = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    n.push(d);
                }
                segs.push(Seg::Index(n.trim().parse().ok()?));
            }
            _ => key.push(c),
        }
    }
    if !key.is_empty() {
        segs.push(Seg::Key(key));
    }
    Some(segs)
}

/// Where `path` points in `text`: the key of an object member, the start of an array element.
pub fn locate(text: &str, path: &str) -> Option<Position> {
    let segs = parse_path(path)?;
    let offset = walk(text.as_bytes(), &segs)?;
    Some(position_of(text, offset))
}

/// The 1-based line and character column of a byte offset (clamped to the text).
pub fn position_of(text: &str, offset: usize) -> Position {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    Position { line, column }
}

/// Converts serde_json's byte column on `line` (both 1-based) into a character column.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l.get(..end).map_or(byte_column, |s| s.chars().count() + 1)
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
        // A byte-order mark at the start is tolerated like whitespace.
        if self.b.get(self.i..self.i + 3) == Some(&[0xEF, 0xBB, 0xBF]) {
            self.i += 3;
            self.ws();
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.peek() == Some(c)).then(|| self.i += 1)
    }

    /// Skips a string starting at `"`; returns its raw bytes including quotes.
    fn string(&mut self) -> Option<&[u8]> {
        let start = self.i;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.i += 1;
        loop {
            match self.peek()? {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return self.b.get(start..self.i);
                }
                _ => self.i += 1,
            }
        }
    }

    /// Skips one value of any type.
    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                let start = self.i;
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.i += 1;
                }
                (self.i > start).then_some(())
            }
        }
    }

    /// Inside an object at `{`: moves to the value of `key`; returns the key's offset.
    fn member(&mut self, key: &str) -> Option<usize> {
        self.eat(b'{')?;
        loop {
            self.ws();
            let at = self.i;
            let raw = self.string()?;
            let name: String = std::str::from_utf8(raw)
                .ok()
                .and_then(|s| serde_json::from_str(s).ok())?;
            self.eat(b':')?;
            if name == key {
                self.ws();
                return Some(at);
            }
            self.skip_value()?;
            self.eat(b',')?;
        }
    }

    /// Inside an array at `[`: moves to element `n`; returns its offset.
    fn element(&mut self, n: usize) -> Option<usize> {
        self.eat(b'[')?;
        for _ in 0..n {
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.ws();
        matches!(self.peek(), Some(c) if c != b']').then_some(self.i)
    }
}

fn walk(b: &[u8], segs: &[Seg]) -> Option<usize> {
    let mut s = Scan { b, i: 0 };
    s.ws();
    s.peek()?;
    let mut best = s.i;
    for seg in segs {
        let found = match seg {
            Seg::Key(k) => s.member(k),
            Seg::Index(n) => s.element(*n),
        };
        match found {
            Some(at) => best = at,
            None => break,
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"version\": 1,\n  \"procedures\": [\n    {\"code\": \"1\", \"name\": \"Đăng ký\"},\n    {\"code\": \"2\",\n     \"name\": \"Cấp \\\"lại\\\"\", \"url\": [1, {\"a\": 2}]}\n  ]\n}";

    fn at(path: &str) -> Option<(usize, usize)> {
        locate(DOC, path).map(|p| (p.line, p.column))
    }

    #[test]
    fn finds_members_and_elements() {
        assert_eq!(at("version"), Some((2, 3)));
        assert_eq!(at("$.procedures"), Some((3, 3)));
        assert_eq!(at("procedures[0]"), Some((4, 5)));
        assert_eq!(at("procedures[0].name"), Some((4, 19)));
        assert_eq!(at("procedures[1].name"), Some((6, 6)));
        assert_eq!(at("procedures[1].url"), Some((6, 29)));
        assert_eq!(at("procedures[1].url[1].a"), Some((6, 41)));
    }

    #[test]
    fn missing_parts_point_at_the_deepest_found() {
        // Missing key: its parent object.
        assert_eq!(at("procedures[0].url"), Some((4, 5)));
        // Index past the end: the array's key.
        assert_eq!(at("procedures[7].code"), Some((3, 3)));
        assert_eq!(at(""), Some((1, 1)));
        assert_eq!(locate("", "a"), None);
        assert_eq!(locate("   ", "a"), None);
    }

    #[test]
    fn truncated_text_is_fine() {
        let t = "{\"a\": [1, 2, {\"b\": \"x";
        assert_eq!(locate(t, "a[2].b").map(|p| p.column), Some(15));
        assert_eq!(locate(t, "a[5]").map(|p| p.column), Some(2));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(position_of("ấấ\nđx", 9), Position { line: 2, column: 2 });
        // Inside a character: the character's own column.
        assert_eq!(position_of("ấấ\nđx", 8), Position { line: 2, column: 1 });
        assert_eq!(char_column("{\"ấ\": ,}", 1, 8), 6);
        assert_eq!(position_of("ab", 99), Position { line: 1, column: 3 });
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,80}", path in "[a-z$.\\[\\]0-9]{0,20}") {
            if let Some(p) = locate(&text, &path) {
                proptest::prop_assert!(p.line >= 1 && p.column >= 1);
                proptest::prop_assert!(p.line <= text.lines().count().max(1) + 1);
            }
            let _ = char_column(&text, 3, 7);
        }

        #[test]
        fn json_keys_are_found(keys in proptest::collection::vec("[a-zđ]{1,6}", 1..6)) {
            let obj: serde_json::Map<String, serde_json::Value> =
                keys.iter().map(|k| (k.clone(), serde_json::json!([k]))).collect();
            let text = serde_json::to_string_pretty(&obj).unwrap_or_default();
            for k in obj.keys() {
                let p = locate(&text, k);
                let line = p.map(|p| p.line).unwrap_or(0);
                let wanted = text.lines().position(|l| l.contains(&format!("\"{k}\""))).map(|i| i + 1);
                proptest::prop_assert_eq!(Some(line), wanted);
            }
        }
    }
}

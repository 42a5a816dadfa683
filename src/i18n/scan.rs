//! Finds every translatable text in Rust source: the `tr!(lang, "vi", "en", ...)` and
//! `msg!("vi", "en")` sites.
//!
//! Why it exists: the English catalogue `pkg/i18n/en.json` is generated from the sources, and
//! `cchc check` needs the list of every Vietnamese text to judge a province's catalogue. The build
//! script (`build.rs`, which includes this file with `#[path]`) runs it over `src/` and compiles
//! the pairs into the native library (`crate::i18n::source`); the wasm never contains them.
//!
//! It is a small lexer, not a parser: comments, strings, character literals and lifetimes are
//! skipped correctly, `macro_rules!` bodies and `#[cfg(test)] mod ... { }` blocks are skipped,
//! and every `tr!(`/`msg!(` left must read as the macros require (string literals for the texts,
//! `name = value` for arguments). Anything else is reported as a problem instead of being
//! silently missed; a test keeps the list of problems empty.
//!
//! Only `std`: the build script compiles this file on its own.

/// One `tr!` or `msg!` site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// 1-based line of the macro name.
    pub line: usize,
    /// The Vietnamese text (the catalogue key), escapes decoded.
    pub vi: String,
    /// The English text, escapes decoded.
    pub en: String,
    /// For `tr!`: the names of the `name = value` arguments (empty when there are none); `None`
    /// for `msg!` (a template filled later).
    pub args: Option<Vec<String>>,
}

/// A site the scanner could not read, or an inconsistent one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Str(String),
    Open(char),
    Close(char),
    Punct(char),
    /// Numbers, character literals, lifetimes: never part of what is looked for.
    Other,
}

/// Every site of `src` (in order) and the problems found.
pub fn scan(src: &str) -> (Vec<Site>, Vec<Problem>) {
    let (toks, mut problems) = lex(src);
    let mut sites = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i].0 {
            Tok::Ident(name) if name == "macro_rules" => {
                // `macro_rules! name { ... }`: the body is a pattern, not a site.
                i = skip_group(&toks, i + 3);
            }
            Tok::Punct('#') if is_cfg_test(&toks, i) => {
                i = skip_cfg_test_mod(&toks, i);
            }
            Tok::Ident(name)
                if (name == "tr" || name == "msg")
                    && matches!(toks.get(i + 1), Some((Tok::Punct('!'), _)))
                    && matches!(toks.get(i + 2), Some((Tok::Open('('), _))) =>
            {
                let line = toks[i].1;
                let end = skip_group(&toks, i + 2);
                let inner = toks.get(i + 3..end.saturating_sub(1)).unwrap_or_default();
                match site(inner, name == "tr") {
                    Ok(mut s) => {
                        s.line = line;
                        check_site(&s, &mut problems);
                        sites.push(s);
                    }
                    Err(message) => problems.push(Problem {
                        line,
                        message: format!("{name}!: {message}"),
                    }),
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    (sites, problems)
}

/// The placeholder names `{name}` of a text (ASCII letter or `_`, then letters, digits, `_`),
/// sorted, each once. Other braces are plain text.
pub fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = s;
    while let Some((name, after)) = next_placeholder(rest) {
        out.push(name);
        rest = after;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `a` and `b` have the same set of placeholders (without allocating or sorting: this
/// runs in the wasm for every message of a catalogue).
pub fn same_placeholders(a: &str, b: &str) -> bool {
    every_placeholder_in(a, b) && every_placeholder_in(b, a)
}

/// Texts have a handful of placeholders; a catalogue (untrusted) with more is refused, which also
/// keeps this check linear in the text's length.
const MAX_PLACEHOLDERS: usize = 16;

fn every_placeholder_in(a: &str, b: &str) -> bool {
    let mut rest = a;
    let mut seen = 0;
    while let Some((name, after)) = next_placeholder(rest) {
        seen += 1;
        if seen > MAX_PLACEHOLDERS {
            return false;
        }
        let mut other = b;
        loop {
            match next_placeholder(other) {
                Some((n, _)) if n == name => break,
                Some((_, more)) => other = more,
                None => return false,
            }
        }
        rest = after;
    }
    true
}

/// The first placeholder of `s` and the text after it.
fn next_placeholder(s: &str) -> Option<(&str, &str)> {
    let mut rest = s;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        let after = rest.get(open + 1..)?;
        if let Some(n) = placeholder_len(after) {
            return Some((after.get(..n)?, after.get(n + 1..)?));
        }
        rest = after;
    }
    None
}

/// The length of the name when `s` starts with `name}`.
pub fn placeholder_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let n = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))?;
    (b.get(n) == Some(&b'}')).then_some(n)
}

fn check_site(s: &Site, problems: &mut Vec<Problem>) {
    let vi = placeholders(&s.vi);
    let en = placeholders(&s.en);
    if vi != en {
        problems.push(Problem {
            line: s.line,
            message: format!(
                "placeholders differ: {:?} has {vi:?}, {:?} has {en:?}",
                s.vi, s.en
            ),
        });
    }
    if let Some(args) = &s.args {
        let mut names: Vec<&str> = args.iter().map(String::as_str).collect();
        names.sort_unstable();
        if names != vi {
            problems.push(Problem {
                line: s.line,
                message: format!(
                    "tr!: the arguments {names:?} are not the placeholders {vi:?} of {:?}",
                    s.vi
                ),
            });
        }
    }
}

/// Reads the inside of `tr!( ... )` (`tr`) or `msg!( ... )`.
fn site(inner: &[(Tok, usize)], tr: bool) -> Result<Site, String> {
    let mut parts = split_top(inner);
    if tr {
        if parts.is_empty() || parts[0].is_empty() {
            return Err("the first argument must be the language".into());
        }
        parts.remove(0);
    }
    // A trailing comma leaves an empty last part.
    if parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    let text = |p: Option<&&[(Tok, usize)]>, what: &str| match p {
        Some([(Tok::Str(s), _)]) => Ok(s.clone()),
        _ => Err(format!("the {what} text must be one string literal")),
    };
    let vi = text(parts.first(), "Vietnamese")?;
    let en = text(parts.get(1), "English")?;
    let mut args = Vec::new();
    for p in parts.iter().skip(2) {
        match p {
            [(Tok::Ident(name), _), (Tok::Punct('='), _), _, ..] => args.push(name.clone()),
            _ => return Err("arguments must be written `name = value`".into()),
        }
    }
    if !tr && !args.is_empty() {
        return Err("msg! takes the two texts only".into());
    }
    Ok(Site {
        line: 0,
        vi,
        en,
        args: tr.then_some(args),
    })
}

/// Splits at top-level commas.
fn split_top(toks: &[(Tok, usize)]) -> Vec<&[(Tok, usize)]> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, (t, _)) in toks.iter().enumerate() {
        match t {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth = depth.saturating_sub(1),
            Tok::Punct(',') if depth == 0 => {
                parts.push(toks.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(toks.get(start..).unwrap_or_default());
    parts
}

/// From an opening bracket at `i` (or the first one after it), the index just after its match.
fn skip_group(toks: &[(Tok, usize)], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && !matches!(toks[j].0, Tok::Open(_)) {
        j += 1;
    }
    let mut depth = 0usize;
    while j < toks.len() {
        match toks[j].0 {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
        j += 1;
    }
    toks.len()
}

/// `#[cfg(test)]` at `i`.
fn is_cfg_test(toks: &[(Tok, usize)], i: usize) -> bool {
    let want = [
        Tok::Punct('#'),
        Tok::Open('['),
        Tok::Ident("cfg".into()),
        Tok::Open('('),
        Tok::Ident("test".into()),
        Tok::Close(')'),
        Tok::Close(']'),
    ];
    want.iter()
        .enumerate()
        .all(|(k, w)| toks.get(i + k).map(|t| &t.0) == Some(w))
}

/// After `#[cfg(test)]` at `i`: skips a following `mod name { ... }` (other attributes allowed
/// in between); anything else is scanned normally.
fn skip_cfg_test_mod(toks: &[(Tok, usize)], i: usize) -> usize {
    let mut j = i + 7;
    while matches!(toks.get(j), Some((Tok::Punct('#'), _))) {
        j = skip_group(toks, j);
    }
    if matches!(toks.get(j), Some((Tok::Ident(m), _)) if m == "mod")
        && matches!(toks.get(j + 2), Some((Tok::Open('{'), _)))
    {
        return skip_group(toks, j + 2);
    }
    i + 7
}

/// Splits `src` into tokens with their 1-based line.
fn lex(src: &str) -> (Vec<(Tok, usize)>, Vec<Problem>) {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut problems = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        let start_line = line;
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"'
            || (c == 'b' && at(i + 1) == '"')
            || ((c == 'r' || (c == 'b' && at(i + 1) == 'r'))
                && raw_start(&chars, if c == 'b' { i + 2 } else { i + 1 }).is_some())
        {
            let (text, end, ok) = string(&chars, i);
            line += chars[i..end].iter().filter(|&&ch| ch == '\n').count();
            if !ok {
                problems.push(Problem {
                    line: start_line,
                    message: "unterminated or malformed string literal".into(),
                });
            }
            toks.push((Tok::Str(text), start_line));
            i = end;
        } else if c == '\'' || (c == 'b' && at(i + 1) == '\'') {
            let q = if c == 'b' { i + 1 } else { i };
            if at(q + 1) == '\\' {
                // An escaped character literal.
                let mut j = q + 2;
                while j < chars.len() && chars[j] != '\'' && chars[j] != '\n' {
                    j += 1;
                }
                i = j + 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                // A lifetime or label: the quote only.
                i = q + 1;
            }
            toks.push((Tok::Other, start_line));
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            if c == 'r' && at(i + 1) == '#' {
                j += 2;
            }
            let from = j;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            toks.push((Tok::Ident(chars[from..j].iter().collect()), start_line));
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_alphanumeric()
                    || chars[j] == '_'
                    || (chars[j] == '.' && at(j + 1).is_ascii_digit()))
            {
                j += 1;
            }
            toks.push((Tok::Other, start_line));
            i = j;
        } else {
            let tok = match c {
                '(' | '[' | '{' => Tok::Open(c),
                ')' | ']' | '}' => Tok::Close(c),
                _ => Tok::Punct(c),
            };
            toks.push((tok, start_line));
            i += 1;
        }
    }
    (toks, problems)
}

/// For a raw string whose `#`s start at `k`: the number of `#`s when a `"` follows them.
fn raw_start(chars: &[char], k: usize) -> Option<usize> {
    let mut n = 0;
    while chars.get(k + n) == Some(&'#') {
        n += 1;
    }
    (chars.get(k + n) == Some(&'"')).then_some(n)
}

/// Reads the string literal starting at `i` (`"`, `b"`, `r#"`, `br"`): its value, the index
/// after it and whether it was well formed.
fn string(chars: &[char], i: usize) -> (String, usize, bool) {
    let mut k = i;
    if chars.get(k) == Some(&'b') {
        k += 1;
    }
    if chars.get(k) == Some(&'r') {
        let hashes = raw_start(chars, k + 1).unwrap_or(0);
        let from = k + 1 + hashes + 1;
        let mut j = from;
        while j < chars.len() {
            if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                return (chars[from..j].iter().collect(), j + 1 + hashes, true);
            }
            j += 1;
        }
        return (String::new(), chars.len(), false);
    }
    let mut out = String::new();
    let mut j = k + 1;
    while j < chars.len() {
        match chars[j] {
            '"' => return (out, j + 1, true),
            '\\' => {
                let e = chars.get(j + 1).copied().unwrap_or('\0');
                j += 2;
                match e {
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    '0' => out.push('\0'),
                    '\\' | '"' | '\'' => out.push(e),
                    'x' => {
                        let hex: String = chars.get(j..j + 2).unwrap_or_default().iter().collect();
                        // (Above 0x7f only in byte strings, never a text of a site.)
                        match u8::from_str_radix(&hex, 16) {
                            Ok(b) => out.push(char::from(b)),
                            _ => return (out, j, false),
                        }
                        j += 2;
                    }
                    'u' => {
                        let close = chars[j..].iter().position(|&ch| ch == '}');
                        let hex: String = match close {
                            Some(n) => chars[j + 1..j + n].iter().collect(),
                            None => return (out, chars.len(), false),
                        };
                        match u32::from_str_radix(&hex.replace('_', ""), 16)
                            .ok()
                            .and_then(char::from_u32)
                        {
                            Some(ch) => out.push(ch),
                            None => return (out, j, false),
                        }
                        j += close.unwrap_or(0) + 1;
                    }
                    '\n' => {
                        // A line continuation: the newline and the next line's indentation go.
                        while j < chars.len() && chars[j].is_whitespace() {
                            j += 1;
                        }
                    }
                    _ => return (out, j, false),
                }
            }
            ch => {
                out.push(ch);
                j += 1;
            }
        }
    }
    (out, chars.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(String, String)> {
        let (sites, problems) = scan(src);
        assert!(problems.is_empty(), "{problems:?}");
        sites.into_iter().map(|s| (s.vi, s.en)).collect()
    }

    #[test]
    fn finds_sites_and_decodes_literals() {
        let src = r##"
            // tr!(lang, "in a comment", "ignored")
            /* msg!("nested /* block */", "ignored") */
            let a = tr!(lang, "Thử lại", "Try again");
            let b = crate::tr!(self.lang(), "Còn {n} ký tự", "{n} left", n = f(x, y),);
            const C: Msg = msg!(
                "Dòng \"một\"\n\u{1EA1}",
                r#"Line "one""#,
            );
            let s = "tr!(lang, \"in a string\", \"ignored\")";
            let c = 'a'; let l: &'static str = "x"; let q = '"';
            let d = tr!(lang, "Nối \
                         dòng", "Joined");
        "##;
        assert_eq!(
            texts(src),
            [
                ("Thử lại".to_string(), "Try again".to_string()),
                ("Còn {n} ký tự".into(), "{n} left".into()),
                ("Dòng \"một\"\nạ".into(), "Line \"one\"".into()),
                ("Nối dòng".into(), "Joined".into()),
            ]
        );
        let (sites, _) = scan(src);
        assert_eq!(sites[0].line, 4);
        assert_eq!(sites[1].args, Some(vec!["n".to_string()]));
        assert_eq!(sites[2].args, None);
    }

    #[test]
    fn skips_macro_definitions_and_test_modules() {
        let src = r#"
            macro_rules! tr { ($l:expr, $vi:literal, $en:literal) => { msg!($vi, $en) }; }
            #[cfg(test)]
            mod tests { fn f() { tr!(lang, "chỉ trong kiểm thử", "test only"); } }
            fn g() { tr!(lang, "Có", "Yes"); }
        "#;
        assert_eq!(texts(src), [("Có".to_string(), "Yes".to_string())]);
    }

    #[test]
    fn reports_what_it_cannot_read() {
        let bad = [
            r#"tr!(lang, VI, "en")"#,
            r#"tr!(lang, "vi")"#,
            r#"tr!(lang, "vi {n}", "en {n}", n)"#,
            r#"msg!("vi", concat!("e", "n"))"#,
            r#"tr!(lang, "vi {n}", "en {m}", n = 1)"#,
            r#"tr!(lang, "vi {n}", "en {n}")"#,
            r#"tr!(lang, "vi", "en", n = 1)"#,
        ];
        for src in bad {
            assert!(!scan(src).1.is_empty(), "{src}");
        }
    }

    #[test]
    fn placeholder_names() {
        assert_eq!(
            placeholders("{b} {a} {b} {\"vi\"} {} {1x} {x_1}"),
            ["a", "b", "x_1"]
        );
        assert_eq!(placeholders("no braces"), Vec::<&str>::new());
    }

    #[test]
    fn placeholders_compare_in_any_order_and_a_flood_is_refused() {
        assert!(same_placeholders(
            "Còn {n} ngày (hạn {due})",
            "{due}: {n} days left"
        ));
        assert!(!same_placeholders("Còn {n} ngày", "{days} days left"));
        let many: String = (0..17).map(|i| format!("{{p{i}}} ")).collect();
        assert!(
            !same_placeholders(&many, &many),
            "more than 16 placeholders"
        );
        let flood = "{a}".repeat(100_000);
        assert!(!same_placeholders(&flood, &flood));
    }
}

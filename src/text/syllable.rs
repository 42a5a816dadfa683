//! Syllables: the tokenizer and the two keys every syllable is indexed and queried under.
//!
//! Vietnamese writes one syllable per space-separated word, so a token is a syllable (or a number,
//! code or foreign word). Each token gets an *exact* key (NFC, lowercase, canonical tone placement,
//! i/y unified) and a *folded* key (no marks, đ→d, i/y unified). Spans point into the original
//! string so the shell can highlight matches in the text it displays.

use super::compose::{self, Letter, Shape};

/// One token of a text, with where it sits in the original string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original string (always on char boundaries).
    pub bytes: std::ops::Range<usize>,
    /// Char (Unicode scalar value) range in the original string.
    pub chars: std::ops::Range<usize>,
    /// NFC, lowercase, tone placed canonically (hòa, thủy), syllable-final y after a consonant as i.
    pub exact: String,
    /// [`Token::exact`] with every mark removed and đ→d: the recall key.
    pub folded: String,
}

/// Zero-width and bidi control characters: skipped inside a token, never part of a key.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{AD}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Fast path for the Latin blocks every Vietnamese letter lives in (Unicode's general
    // alphabetic lookup dominated index build time).
    match c {
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        '\u{1EA0}'..='\u{1EF9}' => true,
        _ => c.is_alphanumeric() || compose::is_mark(c),
    }
}

/// Splits text into tokens: runs of letters, digits and combining marks; a `.` between two digits
/// stays inside the token so procedure codes such as `1.001193` are one token.
pub fn tokenize(s: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan(s, |raw, bytes, chars| {
        push_token(&mut tokens, raw, bytes, chars)
    });
    tokens
}

/// The tokenizer without the keys: calls `f(raw, bytes, chars)` for every token of `s`, where
/// `raw` is the token's text without ignorable characters (borrowed from `s` when it has none)
/// and the ranges locate it in `s`. The index uses this to key each distinct word once instead
/// of allocating two keys per occurrence. Tokens whose [`Token::folded`] key would be empty are
/// included; [`tokenize`] drops them.
pub fn scan(s: &str, mut f: impl FnMut(&str, std::ops::Range<usize>, std::ops::Range<usize>)) {
    // Walks bytes, decoding only non-ASCII characters: this loop is about half of the index
    // build, and most of the text is ASCII letters, spaces and digits.
    let bytes = s.as_bytes();
    let mut buf = String::new();
    let mut start: Option<(usize, usize)> = None;
    let mut has_ignorable = false;
    let mut prev_digit = false;
    let mut ci = 0usize;
    let mut bi = 0usize;
    while let Some(&byte) = bytes.get(bi) {
        let (c, len) = if byte < 0x80 {
            (char::from(byte), 1)
        } else {
            match s.get(bi..).and_then(|t| t.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break, // unreachable: `bi` is always a char boundary
            }
        };
        let joins_digits =
            c == '.' && prev_digit && bytes.get(bi + 1).is_some_and(u8::is_ascii_digit);
        let ignorable = byte >= 0x80 && is_ignorable(c);
        if is_word_char(c) || (start.is_some() && (ignorable || joins_digits)) {
            if start.is_none() {
                start = Some((bi, ci));
                has_ignorable = false;
            }
            has_ignorable |= ignorable;
        } else if let Some((b0, c0)) = start.take() {
            emit(s, b0..bi, c0..ci, has_ignorable, &mut buf, &mut f);
        }
        prev_digit = c.is_ascii_digit();
        ci += 1;
        bi += len;
    }
    if let Some((b0, c0)) = start {
        emit(s, b0..s.len(), c0..ci, has_ignorable, &mut buf, &mut f);
    }
}

fn emit(
    s: &str,
    bytes: std::ops::Range<usize>,
    chars: std::ops::Range<usize>,
    has_ignorable: bool,
    buf: &mut String,
    f: &mut impl FnMut(&str, std::ops::Range<usize>, std::ops::Range<usize>),
) {
    let text = s.get(bytes.clone()).unwrap_or("");
    if has_ignorable {
        buf.clear();
        buf.extend(text.chars().filter(|&c| !is_ignorable(c)));
        f(buf, bytes, chars);
    } else {
        f(text, bytes, chars);
    }
}

fn push_token(
    tokens: &mut Vec<Token>,
    raw: &str,
    bytes: std::ops::Range<usize>,
    chars: std::ops::Range<usize>,
) {
    let exact = exact_key(raw);
    let folded = if exact.is_ascii() {
        exact.clone()
    } else {
        super::fold(&exact)
    };
    if folded.is_empty() {
        return;
    }
    tokens.push(Token {
        bytes,
        chars,
        exact,
        folded,
    });
}

/// The exact key of one syllable: NFC, lowercase, canonical tone placement, i/y unified.
pub fn exact_key(syllable: &str) -> String {
    if syllable.is_ascii() {
        return ascii_exact_key(syllable);
    }
    let lowered = if syllable.chars().any(compose::is_mark) {
        super::lower(&compose::nfc(syllable))
    } else {
        super::lower(syllable)
    };
    let mut chars: Vec<char> = lowered.chars().collect();
    place_tone_traditionally(&mut chars);
    unify_final_y(&mut chars);
    chars.into_iter().collect()
}

/// The folded key of one syllable: the exact key without marks (so i/y is unified here too).
pub fn folded_key(syllable: &str) -> String {
    super::fold(&exact_key(syllable))
}

/// [`exact_key`] for ASCII input: lowercase and the final y rule, without the Unicode work.
fn ascii_exact_key(syllable: &str) -> String {
    if syllable.len() > 1 && syllable.bytes().all(|b| b.is_ascii_digit()) {
        // Numbers are keyed by value: "mức độ 02" is found by "muc 2", "09 số" by "9 so".
        let digits = syllable.trim_start_matches('0');
        return if digits.is_empty() { "0" } else { digits }.to_string();
    }
    let mut out = syllable.to_ascii_lowercase();
    let b = out.as_bytes();
    let n = b.len();
    let before = n
        .checked_sub(2)
        .and_then(|i| b.get(i))
        .copied()
        .unwrap_or(b' ');
    let after_qu = n == 3 && b.first() == Some(&b'q') && before == b'u';
    if n >= 2 && b.last() == Some(&b'y') && (is_consonant(char::from(before)) || after_qu) {
        out.pop();
        out.push('i');
    }
    out
}

fn is_consonant(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'q'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    )
}

/// Where the vowel nucleus of a lowercase syllable starts and ends: the `u` of `qu` and the `i`
/// of `gi` (before another vowel) belong to the initial consonant.
fn nucleus(chars: &[char]) -> Option<(usize, usize)> {
    let first = chars.iter().position(|&c| compose::letter(c).is_some())?;
    let len = chars
        .get(first..)?
        .iter()
        .take_while(|&&c| compose::letter(c).is_some())
        .count();
    let mut start = first;
    let prev = first.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let base = |i: usize| {
        chars
            .get(i)
            .and_then(|&c| compose::letter(c))
            .map(|l| l.base)
    };
    if len > 1
        && ((prev == Some('q') && base(first) == Some('u'))
            || (prev == Some('g') && base(first) == Some('i')))
    {
        start += 1;
    }
    Some((start, first + len))
}

/// Moves the tone of an open `oa`, `oe` or `uy` syllable onto its first vowel (hoà→hòa,
/// thuỷ→thủy, khoẻ→khỏe): the placement most of the official data uses.
fn place_tone_traditionally(chars: &mut [char]) {
    let Some((start, end)) = nucleus(chars) else {
        return;
    };
    if end != chars.len() || end - start != 2 {
        return;
    }
    let (Some(a), Some(b)) = (
        chars.get(start).and_then(|&c| compose::letter(c)),
        chars.get(start + 1).and_then(|&c| compose::letter(c)),
    ) else {
        return;
    };
    let glide = matches!((a.base, b.base), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if !glide || a.shape != Shape::None || b.shape != Shape::None || b.tone == 0 || a.tone != 0 {
        return;
    }
    let moved = Letter { tone: b.tone, ..a };
    let bare = Letter { tone: 0, ..b };
    if let Some(slot) = chars.get_mut(start) {
        *slot = moved.to_char();
    }
    if let Some(slot) = chars.get_mut(start + 1) {
        *slot = bare.to_char();
    }
}

/// `ký`/`kí`, `lý`/`lí`, `mỹ`/`mĩ`, `quý`/`quí`: a syllable-final `y` right after a consonant (or
/// after the `u` of `qu`) is written either way; both are keyed as `i`.
fn unify_final_y(chars: &mut [char]) {
    let n = chars.len();
    let Some(last) = n.checked_sub(1) else { return };
    let Some(l) = chars.get(last).and_then(|&c| compose::letter(c)) else {
        return;
    };
    if l.base != 'y' || n < 2 {
        return;
    }
    let before = chars.get(n - 2).copied().unwrap_or(' ');
    let after_qu = n == 3 && chars.first() == Some(&'q') && before == 'u';
    if is_consonant(before) || after_qu {
        if let Some(slot) = chars.get_mut(last) {
            *slot = Letter { base: 'i', ..l }.to_char();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_original_spans() {
        let s = "Thủ tục đăng ký khai sinh (1.001193)";
        let t = tokenize(s);
        let folded: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(
            folded,
            ["thu", "tuc", "dang", "ki", "khai", "sinh", "1.001193"]
        );
        assert_eq!(&s[t[2].bytes.clone()], "đăng");
        assert_eq!(t[2].chars, 8..12);
        assert_eq!(t[6].exact, "1.001193");
    }

    #[test]
    fn decomposed_input_keeps_spans_of_the_original() {
        let s = "\u{110}a\u{306}ng ky\u{301}";
        let t = tokenize(s);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].exact, "đăng");
        assert_eq!(t[0].chars, 0..5);
        assert_eq!(t[1].exact, "kí");
        assert_eq!(&s[t[1].bytes.clone()], "ky\u{301}");
    }

    #[test]
    fn tone_placement_is_canonical() {
        assert_eq!(exact_key("hoà"), "hòa");
        assert_eq!(exact_key("Thuỷ"), "thủy");
        assert_eq!(exact_key("khoẻ"), "khỏe");
        assert_eq!(exact_key("hoàn"), "hoàn");
        assert_eq!(exact_key("quý"), "quí");
        assert_eq!(exact_key("quyết"), "quyết");
        assert_eq!(exact_key("Uỷ"), "ủy");
        assert_eq!(exact_key("hoá"), "hóa");
        assert_eq!(exact_key("giữa"), "giữa");
    }

    #[test]
    fn numbers_are_keyed_by_value() {
        assert_eq!(exact_key("02"), "2");
        assert_eq!(exact_key("000"), "0");
        assert_eq!(exact_key("10"), "10");
        assert_eq!(exact_key("1.001193"), "1.001193");
    }

    #[test]
    fn final_y_after_consonant_is_i() {
        assert_eq!(folded_key("ký"), "ki");
        assert_eq!(folded_key("kí"), "ki");
        assert_eq!(folded_key("Mỹ"), "mi");
        assert_eq!(folded_key("tay"), "tay");
        assert_eq!(folded_key("huy"), "huy");
        assert_eq!(folded_key("y"), "y");
    }

    #[test]
    fn word_chars_fast_path_agrees_with_unicode() {
        for c in ('\u{80}'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || compose::is_mark(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn ignorables_and_punctuation() {
        let t = tokenize("kh\u{200B}ai\u{200E}, sinh…");
        let f: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(f, ["khai", "sinh"]);
        assert!(tokenize("  ,.;\u{301} ").is_empty());
    }

    /// The previous, char-by-char tokenizer: the byte-walking `scan` must split exactly like it.
    #[allow(clippy::type_complexity)]
    fn scan_reference(
        s: &str,
        mut f: impl FnMut(&str, std::ops::Range<usize>, std::ops::Range<usize>),
    ) {
        let mut buf = String::new();
        let mut start: Option<(usize, usize)> = None;
        let mut has_ignorable = false;
        let mut prev: Option<char> = None;
        let mut ci = 0usize;
        let mut iter = s.char_indices().peekable();
        while let Some((bi, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let joins_digits = c == '.'
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            let inside = start.is_some() && (is_ignorable(c) || joins_digits);
            if is_word_char(c) || inside {
                if start.is_none() {
                    start = Some((bi, ci));
                    has_ignorable = false;
                }
                if is_ignorable(c) {
                    has_ignorable = true;
                }
            } else if let Some((b0, c0)) = start.take() {
                emit(s, b0..bi, c0..ci, has_ignorable, &mut buf, &mut f);
            }
            prev = Some(c);
            ci += 1;
        }
        if let Some((b0, c0)) = start {
            emit(s, b0..s.len(), c0..ci, has_ignorable, &mut buf, &mut f);
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_splits_like_the_char_by_char_reference(s in "(?s).{0,60}", t in "[a-zđươăâêôơ0-9 .\u{200B}\u{AD}\u{301},;]{0,40}") {
            for text in [s.as_str(), t.as_str()] {
                let mut got = Vec::new();
                scan(text, |raw, b, c| got.push((raw.to_string(), b, c)));
                let mut want = Vec::new();
                scan_reference(text, |raw, b, c| want.push((raw.to_string(), b, c)));
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}

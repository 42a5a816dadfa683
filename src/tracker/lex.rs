//! The shared tokenizer for plan phrases (deadlines and targets).
//!
//! Plan text mixes words, Vietnamese numbers ("69,5", "05", "1.234"), Roman numerals and
//! punctuation that carries meaning ("Quý II, III/2025", "20/63", "100%"). Both parsers work on the
//! same token stream. Words are compared through [`crate::text::fold`], applied to the phrase *and*
//! to the keywords, so matching is diacritic-insensitive exactly as far as the project's one
//! normaliser is, and accented input always matches.

use crate::text::{self, fold};

/// Longest phrase the parsers look at, in bytes; longer input is reported, not parsed.
pub const MAX_PHRASE_BYTES: usize = 4000;

/// A number as written in the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    /// The value ("69,5" → 69.5, "1.234" → 1234, "05" → 5).
    pub value: f64,
    /// The integer value when written with digits only.
    pub int: Option<u32>,
    /// Count of digits when written with digits only ("2025" → 4), else 0.
    pub digits: usize,
}

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A run of letters, folded with [`fold`].
    Word(String),
    /// A number.
    Num(Num),
    /// Any other non-space character; all dashes are `-`.
    Sym(char),
}

/// A token with its byte span in the original phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

impl Token {
    /// The folded word, if this is a word.
    pub fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn num(&self) -> Option<&Num> {
        match &self.tok {
            Tok::Num(n) => Some(n),
            _ => None,
        }
    }

    /// Whether this is the symbol `c`.
    pub fn is_sym(&self, c: char) -> bool {
        self.tok == Tok::Sym(c)
    }

    /// Whether this word equals `keyword` after folding both. The keyword is not folded into a
    /// new string ([`text::folds_to`]): the parsers compare every token with dozens of keywords,
    /// and folding each keyword at each comparison was most of their time in the browser.
    pub fn is_kw(&self, keyword: &str) -> bool {
        self.word().is_some_and(|w| text::folds_to(keyword, w))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{0300}'..='\u{036f}').contains(&c)
}

fn normalise_sym(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Splits a phrase into tokens. Never fails; unknown characters become symbols.
pub fn lex(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
        } else if is_word_char(c) {
            let mut j = i;
            while chars.get(j).is_some_and(|&(_, c)| is_word_char(c)) {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
            let raw = s.get(start..end).unwrap_or("");
            out.push(Token {
                tok: Tok::Word(fold(raw)),
                start,
                end,
            });
            i = j;
        } else if c.is_ascii_digit() {
            let j = scan_number(&chars, i);
            let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
            let raw = s.get(start..end).unwrap_or("");
            out.push(Token {
                tok: Tok::Num(read_number(raw)),
                start,
                end,
            });
            i = j;
        } else {
            out.push(Token {
                tok: Tok::Sym(normalise_sym(c)),
                start,
                end: start + c.len_utf8(),
            });
            i += 1;
        }
    }
    out
}

/// Digits, optionally followed by groups of `.`/`,` + digits (no spaces inside a number).
fn scan_number(chars: &[(usize, char)], mut j: usize) -> usize {
    let digit_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    while digit_at(j) {
        j += 1;
    }
    while chars.get(j).is_some_and(|&(_, c)| c == '.' || c == ',') && digit_at(j + 1) {
        j += 1;
        while digit_at(j) {
            j += 1;
        }
    }
    j
}

/// Reads a Vietnamese-written number: decimal comma, dot thousands ("1.234,5"), or an English
/// decimal dot when the dot is not followed by exactly three digits ("69.5").
fn read_number(raw: &str) -> Num {
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        let int = if raw.len() <= 9 {
            crate::num::digits(raw).and_then(|n| u32::try_from(n).ok())
        } else {
            None
        };
        let value = decimal(raw);
        return Num {
            value,
            int,
            digits: raw.len(),
        };
    }
    let (int_part, frac) = match text::rsplit_ascii(raw, b',') {
        Some((a, b)) => (a, Some(b)),
        None => (raw, None),
    };
    let groups: Vec<&str> = text::split_ascii(int_part, b'.').collect();
    let thousands = groups.len() > 1 && groups.iter().skip(1).all(|g| g.len() == 3);
    let text = if thousands || frac.is_some() {
        // `cat`, not `concat()`: std's join machinery costs the wasm ~0.5 KB.
        let int_digits = crate::text::cat(&groups);
        match frac {
            Some(f) if text::find_ascii(f, b'.').is_none() => {
                crate::text::cat(&[&int_digits, ".", f])
            }
            Some(_) => String::from("x"),
            None => int_digits,
        }
    } else if groups.len() == 2 {
        int_part.to_string()
    } else {
        String::from("x")
    };
    let value = if text::find_ascii(int_part, b',').is_some() {
        f64::NAN
    } else {
        decimal(&text)
    };
    Num {
        value,
        int: None,
        digits: 0,
    }
}

/// The value of a decimal written with ASCII digits and at most one `.` (what the lexer passes),
/// exactly as `str::parse::<f64>` reads it; NaN for other text (signs, exponents, `inf` included).
///
/// Why not `str::parse`: the standard library's float parser brings ~15 KB of code and tables
/// (the 128-bit powers of five) into the wasm that every citizen downloads, for numbers that in
/// plan text have a handful of digits. Those are read here with the classic exact fast path: an
/// integer mantissa below 2^53 times or divided by an exact power of ten ≤ 10^22 is one correctly
/// rounded IEEE operation, the same result as any correct parser. The rare longer numbers go to a
/// correct parser: `str::parse` natively, JavaScript's `parseFloat` (correctly rounded) in the
/// browser.
pub(super) fn decimal(text: &str) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (int, frac) = crate::text::split_once_ascii(text, b'.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return f64::NAN;
    }
    // Significant digits: no leading zeros, no trailing zeros of the fraction.
    let frac = crate::text::trim_end_ascii(frac, b'0');
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if mantissa > 0 || b != b'0' {
            significant += 1;
            if significant > 15 {
                return correct_parse(text);
            }
            mantissa = mantissa * 10 + u64::from(b - b'0');
        }
    }
    match POW10.get(frac.len()) {
        // `mantissa < 10^15 < 2^53`: exact as an f64.
        Some(p) => mantissa as f64 / p,
        None => correct_parse(text),
    }
}

/// A correctly rounded parse of a decimal, for numbers beyond the fast path.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn correct_parse(text: &str) -> f64 {
    text.parse::<f64>().unwrap_or(f64::NAN)
}

/// A correctly rounded parse of a decimal, for numbers beyond the fast path.
#[cfg(target_arch = "wasm32")]
pub(super) fn correct_parse(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

/// Whether the tokens starting at `i` are the words of `phrase` (space-separated, compared folded).
pub fn words_at(toks: &[Token], i: usize, phrase: &str) -> bool {
    let mut k = i;
    for w in phrase.split_whitespace() {
        match toks.get(k).and_then(Token::word) {
            Some(t) if text::folds_to(w, t) => k += 1,
            _ => return false,
        }
    }
    true
}

/// Number of words in a keyword phrase.
pub fn word_count(phrase: &str) -> usize {
    phrase.split_whitespace().count()
}

/// Value of a Roman numeral I..=IV written as a folded word.
pub fn roman_quarter(word: &str) -> Option<u8> {
    match word {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str) -> Vec<f64> {
        lex(s)
            .iter()
            .filter_map(|t| t.num().map(|n| n.value))
            .collect()
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(nums("69,5 điểm"), vec![69.5]);
        assert_eq!(nums("05 bậc"), vec![5.0]);
        assert_eq!(nums("1.234 hồ sơ"), vec![1234.0]);
        assert_eq!(nums("1.234,5"), vec![1234.5]);
        assert_eq!(nums("96,17 %"), vec![96.17]);
        assert_eq!(nums("69.5"), vec![69.5]);
        assert_eq!(nums("Tháng 5, 6/2025"), vec![5.0, 6.0, 2025.0]);
        assert_eq!(
            lex("05").first().and_then(|t| t.num()).and_then(|n| n.int),
            Some(5)
        );
    }

    #[test]
    fn decimal_reads_like_the_standard_parser() {
        for t in [
            "0",
            "05",
            "69.5",
            "96.17",
            "1234.5",
            "0.1",
            "0.30",
            "2025",
            "100",
            "000.000",
            "123456789012345",
            "1234567890123456",
            "99999999999999999999",
            "0.000000000000000000000001",
            "1.7976931348623157",
            "9007199254740993",
            "12345678901234567890.5",
            "5.",
            ".5",
        ] {
            assert_eq!(
                decimal(t).to_bits(),
                t.parse::<f64>().unwrap().to_bits(),
                "{t}"
            );
        }
        for t in [
            "x", "", ".", "1.2.3", "1,5", "-1", "+1", "1e5", "inf", "NaN",
        ] {
            assert!(decimal(t).is_nan(), "{t}");
        }
    }

    #[test]
    fn words_symbols_and_spans() {
        let s = "Quý II, III/2025 – xong";
        let t = lex(s);
        assert!(t[0].is_kw("Quý"));
        assert_eq!(t[1].word(), Some("ii"));
        assert!(t[2].is_sym(','));
        assert!(t[4].is_sym('/'));
        assert!(t[6].is_sym('-'));
        assert_eq!(&s[t[7].start..t[7].end], "xong");
        assert!(words_at(&t, 0, "quý ii"));
        assert!(!words_at(&t, 0, "quý iii"));
    }

    proptest::proptest! {
        #[test]
        fn decimal_matches_the_standard_parser(int in "[0-9]{0,20}", frac in proptest::option::of("[0-9]{0,24}")) {
            let text = match frac {
                Some(f) => format!("{int}.{f}"),
                None => int,
            };
            let want = text.parse::<f64>().unwrap_or(f64::NAN);
            let got = decimal(&text);
            proptest::prop_assert!(got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()), "{}", text);
        }
    }
}

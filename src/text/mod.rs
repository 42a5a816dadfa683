//! Vietnamese text: the one normaliser shared by index, query, validators and CLI.
//!
//! Why it exists: the same Vietnamese word reaches us in many byte forms. Official data mixes
//! precomposed (NFC), decomposed (NFD) and half-composed letters, two tone placements (`hòa`/`hoà`)
//! and two spellings of final i/y (`ký`/`kí`); citizens type without diacritics, with Telex
//! leftovers, or with their region's pronunciation. If the index and the query disagreed on any
//! of this, search would silently miss. So there is exactly one place that decides:
//!
//! - [`nfc`]: canonical composition for every Vietnamese letter (a small table instead of the full
//!   Unicode tables, to keep the wasm small); other characters pass through unchanged.
//! - [`fold`]: the recall key: NFC, lowercase, every mark removed, đ→d.
//! - [`tokenize`]: syllables with spans in the original string and their [`Token::exact`] /
//!   [`Token::folded`] keys (canonical tone placement and i/y unification live there).
//! - [`lower`]: lowercase without the standard library's Unicode tables (see `case`).
//! - [`regional_variants`], [`within_one_edit`], [`telex_decode`]: candidate corrections.

mod case;
mod compose;
mod syllable;
mod typo;

pub use case::{lower, lower_char};

/// The parts joined without separator: one shared non-generic body instead of a `format!` at
/// each call site (core's formatting machinery stays out of the wasm, and each `format!` call
/// site costs its argument tables).
#[inline(never)]
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// `s.chars().count()`: one small loop over the bytes (std's is unrolled for speed and costs the
/// wasm ~0.5 KB).
#[inline(never)]
pub fn char_count(s: &str) -> usize {
    let mut n = 0;
    for b in s.bytes() {
        // Every byte but a UTF-8 continuation byte (0b10xx_xxxx) starts a character.
        n += usize::from((b as i8) >= -0x40);
    }
    n
}

/// `s.rsplit_once(sep)` for an ASCII `sep` (a byte below 0x80 is always a whole character in
/// UTF-8): a byte scan instead of core's char searcher (~0.7 KB of wasm).
pub fn rsplit_ascii(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|b| b == sep && sep.is_ascii())?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `hay.find(needle)` without core's two-way string searcher (~2 KB of wasm with its reverse
/// half): a plain scan, for the short cues and separators of the data. A match of UTF-8 in UTF-8
/// always starts at a character boundary, so the answer is std's.
#[inline(never)]
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h.get(i..i + n.len()) == Some(n))
}

/// `hay.rfind(needle)`, as [`find_str`].
#[inline(never)]
pub fn rfind_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?)
        .rev()
        .find(|&i| h.get(i..i + n.len()) == Some(n))
}

/// `hay.contains(needle)`, as [`find_str`].
pub fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// `hay.split(sep)` for a non-empty `sep`, as [`find_str`].
pub fn split_str<'a>(mut hay: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    while let Some(i) = find_str(hay, sep).filter(|_| !sep.is_empty()) {
        out.push(hay.get(..i).unwrap_or(""));
        hay = hay.get(i + sep.len()..).unwrap_or("");
    }
    out.push(hay);
    out
}

/// `hay.replace(from, to)` for a non-empty `from`, as [`find_str`].
pub fn replace_str(mut hay: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    while let Some(i) = find_str(hay, from).filter(|_| !from.is_empty()) {
        out.push_str(hay.get(..i).unwrap_or(""));
        out.push_str(to);
        hay = hay.get(i + from.len()..).unwrap_or("");
    }
    out.push_str(hay);
    out
}

/// `String::from_utf8_lossy(bytes).into_owned()`, written with `Utf8Error`'s own answers (std's
/// version brings its chunk iterator into every widget's wasm, ~0.6 KB raw): each invalid
/// sequence (its maximal subpart, as the WHATWG decoder behind `Response.text()` takes it)
/// becomes one U+FFFD.
#[inline(never)]
pub fn utf8_lossy(mut rest: &[u8]) -> String {
    let mut out = String::with_capacity(rest.len());
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let v = e.valid_up_to();
                let valid = rest.get(..v).unwrap_or_default();
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{FFFD}');
                match e.error_len() {
                    Some(n) => rest = rest.get(v + n..).unwrap_or_default(),
                    None => return out,
                }
            }
        }
    }
}

/// `s.find(c)` for an ASCII `c`, as a byte scan: with [`split_ascii`], [`split_once_ascii`] and
/// [`lines`], these keep core's `char` searcher and its `Split`, `Lines` and `split_once` wrappers
/// (~1 KB of wasm) out of the widgets. A byte below 0x80 is always a whole character in UTF-8,
/// so the answers are std's.
#[inline(never)]
pub fn find_ascii(s: &str, c: u8) -> Option<usize> {
    debug_assert!(c.is_ascii());
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == c {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `s` without the ASCII byte `c` repeated at its end: `str::trim_end_matches` with a `char`,
/// without core's `char` searcher in the wasm.
pub fn trim_end_ascii(s: &str, c: u8) -> &str {
    let n = s.bytes().rev().take_while(|&b| b == c).count();
    // Cannot split a character: the bytes removed are ASCII.
    s.get(..s.len() - n).unwrap_or(s)
}

/// `s.split_once(c)` for an ASCII `c`, as [`find_ascii`].
pub fn split_once_ascii(s: &str, c: u8) -> Option<(&str, &str)> {
    let i = find_ascii(s, c)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s.split(c)` for an ASCII `c`, as [`find_ascii`].
pub fn split_ascii(s: &str, c: u8) -> SplitAscii<'_> {
    SplitAscii {
        rest: Some(s),
        sep: c,
    }
}

/// The iterator of [`split_ascii`].
pub struct SplitAscii<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Iterator for SplitAscii<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest?;
        match find_ascii(s, self.sep) {
            Some(i) => {
                self.rest = s.get(i + 1..);
                s.get(..i)
            }
            None => {
                self.rest = None;
                Some(s)
            }
        }
    }
}

/// `s.lines()`, as [`find_ascii`]: split at `\n`, a `\r` before it dropped, no empty last line
/// after a final line break.
pub fn lines(s: &str) -> Lines<'_> {
    Lines(s)
}

/// The iterator of [`lines`].
pub struct Lines<'a>(&'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0;
        if s.is_empty() {
            return None;
        }
        let Some(i) = find_ascii(s, b'\n') else {
            self.0 = "";
            return Some(s);
        };
        self.0 = s.get(i + 1..).unwrap_or("");
        let line = s.get(..i).unwrap_or("");
        Some(match line.as_bytes().last() {
            Some(b'\r') => line.get(..i - 1).unwrap_or(line),
            _ => line,
        })
    }
}

/// `items.join(sep)`: one small non-generic loop instead of std's `join`, which the wasm carries
/// once per element type (~0.9 KB each).
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    join_strs(&mut items.iter().map(AsRef::as_ref), sep)
}

#[inline(never)]
fn join_strs(items: &mut dyn Iterator<Item = &str>, sep: &str) -> String {
    let mut out = String::new();
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    out
}
pub use syllable::{exact_key, folded_key, scan, tokenize, Token};
pub use typo::{hoi_nga_variant, nga_as_hoi, regional_variants, telex_decode, within_one_edit};

/// Canonical composed form (NFC) of Vietnamese text; other characters pass through.
///
/// Every Vietnamese letter, upper or lower case, in any decomposition or mark order (e.g. `ê` +
/// U+0323, `e` + U+0323 + U+0302) becomes its single precomposed character, exactly as Unicode
/// NFC would. Marks that cannot combine are kept, in canonical order.
pub fn nfc(s: &str) -> String {
    compose::nfc(s)
}

/// Search key: NFC, lowercase, tone and shape marks removed, đ→d.
///
/// `fold(nfc(s)) == fold(s)` for every string, and folding twice changes nothing.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        compose::fold_char(c, &mut out);
    }
    out
}

/// Whether `fold(s) == folded`, without building `fold(s)` while `s` holds ASCII and Vietnamese
/// letters (each folds to one character; anything else falls back to [`fold`]): the tracker's
/// parsers compare every token of a phrase with dozens of keywords this way.
pub fn folds_to(s: &str, folded: &str) -> bool {
    let mut want = folded.chars();
    for c in s.chars() {
        let one = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if let Some(l) = compose::letter(c) {
            l.base
        } else {
            return fold(s) == folded;
        };
        // `fold` is the concatenation of each character's fold: a prefix that differs decides.
        if want.next() != Some(one) {
            return false;
        }
    }
    want.next().is_none()
}

/// Whether a text carries any Vietnamese mark (tone, shape or đ), i.e. whether the person typing
/// it chose diacritics, so exact-diacritic matches should be preferred.
pub fn has_marks(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, 'đ' | 'Đ')
            || compose::is_mark(c)
            || compose::letter(c).is_some_and(|l| l.tone != 0 || l.shape != compose::Shape::None)
    })
}

/// Appends `s` as `URLSearchParams` writes a name or value (the application/x-www-form-urlencoded
/// serializer of the URL Standard): ASCII letters, digits and `*-._` as they are, a space as `+`,
/// every other byte of its UTF-8 as `%XX`.
pub fn push_form_encoded(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_') {
            out.push(char::from(b));
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Whether `c` is a combining mark (the characters [`nfc`] composes and [`fold`] drops).
pub fn is_combining_mark(c: char) -> bool {
    compose::is_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn folds_to_is_fold_then_compare() {
        let words = [
            "tháng",
            "THÁNG",
            "thang",
            "Đến",
            "den",
            "đến",
            "trở lên",
            "tro len",
            "quý",
            "quy",
            "q",
            "",
            "ß",
            "ss",
            "İ",
            "i̇",
            "café",
            "cafe",
            "x\u{301}",
            "Ωmega",
            "ωmega",
            "năm",
            "nam",
        ];
        for s in words {
            for f in words {
                let f = fold(f);
                assert_eq!(folds_to(s, &f), fold(s) == f, "{s:?} {f:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn folds_to_agrees_with_fold(s in "\\PC{0,6}", t in "[a-zđơưăâêôA-Z ]{0,6}") {
            proptest::prop_assert!(folds_to(&s, &fold(&s)));
            proptest::prop_assert_eq!(folds_to(&s, &fold(&t)), fold(&s) == fold(&t));
            proptest::prop_assert_eq!(folds_to(&t, &fold(&s)), fold(&t) == fold(&s));
        }
    }

    #[test]
    fn form_encoding_like_url_search_params() {
        // What `new URLSearchParams({k: v}).toString()` gives after `k=` (Chromium 156).
        for (v, want) in [
            ("1.001193", "1.001193"),
            ("a b+c&d=e", "a+b%2Bc%26d%3De"),
            ("*-._~!'()", "*-._%7E%21%27%28%29"),
            ("Hà Tĩnh", "H%C3%A0+T%C4%A9nh"),
            ("/?#%", "%2F%3F%23%25"),
            ("", ""),
        ] {
            let mut out = String::new();
            push_form_encoded(&mut out, v);
            assert_eq!(out, want, "{v:?}");
        }
    }

    #[test]
    fn contains_like_std() {
        for (h, n) in [
            ("UBND tỉnh Hà Tĩnh", "Hà Tĩnh"),
            ("Hà", "Hà Tĩnh"),
            ("", ""),
            ("abc", ""),
            ("aab", "ab"),
            ("ab", "ba"),
        ] {
            assert_eq!(contains_str(h, n), h.contains(n), "{h:?} {n:?}");
        }
    }

    #[test]
    fn char_count_and_rsplit_like_std() {
        for s in [
            "",
            "a",
            "Nguyễn Thị Hoà",
            "e\u{0301}\u{0323}",
            "😀x",
            "a@b@c",
            "@",
            "x.tar.gz",
        ] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
            assert_eq!(rsplit_ascii(s, b'@'), s.rsplit_once('@'), "{s}");
            assert_eq!(rsplit_ascii(s, b'.'), s.rsplit_once('.'), "{s}");
        }
    }

    /// All 134 letters with marks plus the 10 plain vowels, both cases, and đ/Đ.
    fn vietnamese_letters() -> Vec<char> {
        let lower = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        lower
            .chars()
            .flat_map(|c| [c, c.to_uppercase().next().unwrap_or(c)])
            .collect()
    }

    #[test]
    fn every_letter_every_decomposition_equals_unicode_nfc() {
        let letters = vietnamese_letters();
        assert_eq!(letters.len(), 146);
        for c in letters {
            let s = c.to_string();
            let expected: String = s.nfc().collect();
            assert_eq!(expected, s, "table entry {c} is not NFC");
            let nfd: String = s.nfd().collect();
            assert_eq!(nfc(&nfd), expected, "NFD of {c}");
            // Every order of the marks (mixed and non-canonical orders included).
            let mut chars: Vec<char> = nfd.chars().collect();
            if chars.len() == 3 {
                chars.swap(1, 2);
                let swapped: String = chars.iter().collect();
                assert_eq!(
                    nfc(&swapped),
                    swapped.nfc().collect::<String>(),
                    "swapped marks of {c}"
                );
            }
            // Half-composed: shape precomposed, tone combining (and the other way round).
            let first_two: String = nfd.chars().take(2).collect::<String>().nfc().collect();
            let mixed = format!("{first_two}{}", nfd.chars().skip(2).collect::<String>());
            assert_eq!(nfc(&mixed), expected, "mixed {c}");
            assert_eq!(fold(&nfd), fold(&s));
        }
    }

    #[test]
    fn fold_strips_everything_vietnamese() {
        assert_eq!(fold("ĐĂNG KÝ KHAI SINH"), "dang ky khai sinh");
        assert_eq!(fold("Sổ đỏ, Thuỷ lợi"), "so do, thuy loi");
        assert_eq!(fold("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(
            fold("Giấy chứng nhận"),
            fold("Gia\u{302}\u{301}y chu\u{31B}\u{301}ng nha\u{302}\u{323}n")
        );
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Ñandú 😀"), "nandu 😀");
    }

    #[test]
    fn nfc_of_real_decomposed_titles() {
        let raw = "Tha\u{300}nh lâ\u{323}p Hơ\u{323}i đô\u{300}ng hoà gia\u{309}i";
        assert_eq!(nfc(raw), "Thành lập Hợi đồng hoà giải");
        assert_eq!(nfc("plain ASCII"), "plain ASCII");
        assert_eq!(nfc("\u{301}a"), "\u{301}a");
    }

    #[test]
    fn hoa_giai_both_placements_are_one_exact_key() {
        let a = tokenize("hoà giải");
        let b = tokenize("hòa giải");
        assert_eq!(a[0].exact, b[0].exact);
        assert_eq!(a[0].folded, "hoa");
    }

    #[test]
    fn marks_detected() {
        assert!(has_marks("hôn"));
        assert!(has_marks("đi"));
        assert!(!has_marks("hon"));
        assert!(!has_marks("1.001193"));
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;
        use unicode_normalization::UnicodeNormalization;

        proptest! {
            /// The string helpers answer exactly like std: any bytes (mostly invalid UTF-8, with
            /// valid runs) decoded lossily, and needles found, split on and replaced.
            #[test]
            fn utf8_lossy_like_std(bytes in proptest::collection::vec(
                prop_oneof![any::<u8>(), 0x80u8..0xC0, 0xE0u8..0xF5, Just(b'a')], 0..40)) {
                prop_assert_eq!(utf8_lossy(&bytes), String::from_utf8_lossy(&bytes).into_owned());
            }

            #[test]
            fn ascii_splits_like_std(s in "[ab|:\t\r\nê]{0,24}", c in prop_oneof![Just(b'|'), Just(b':'), Just(b'\n'), Just(b'a')]) {
                let ch = char::from(c);
                prop_assert_eq!(find_ascii(&s, c), s.find(ch));
                prop_assert_eq!(split_once_ascii(&s, c), s.split_once(ch));
                prop_assert_eq!(split_ascii(&s, c).collect::<Vec<_>>(), s.split(ch).collect::<Vec<_>>());
                prop_assert_eq!(lines(&s).collect::<Vec<_>>(), s.lines().collect::<Vec<_>>());
            }

            #[test]
            fn find_split_replace_like_std(hay in "[ab, :ê]{0,24}", needle in "[ab, :ê]{1,3}") {
                prop_assert_eq!(find_str(&hay, &needle), hay.find(needle.as_str()));
                prop_assert_eq!(rfind_str(&hay, &needle), hay.rfind(needle.as_str()));
                prop_assert_eq!(contains_str(&hay, &needle), hay.contains(needle.as_str()));
                prop_assert_eq!(split_str(&hay, &needle), hay.split(needle.as_str()).collect::<Vec<_>>());
                prop_assert_eq!(replace_str(&hay, &needle, "xy"), hay.replace(needle.as_str(), "xy"));
            }
        }

        /// Strings over Vietnamese letters, marks in any order, consonants, digits and punctuation.
        fn vietnamese_text() -> impl Strategy<Value = String> {
            let cluster = prop_oneof![
                (
                    0usize..12,
                    0usize..6,
                    0usize..4,
                    any::<bool>(),
                    any::<bool>()
                )
                    .prop_map(|(v, t, form, up, swap)| {
                        const BASES: [&str; 12] =
                            ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
                        const TONES: [&str; 6] =
                            ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
                        let letter: String = format!("{}{}", BASES[v], TONES[t]).nfc().collect();
                        let letter = if up { letter.to_uppercase() } else { letter };
                        let mut s: String = match form {
                            0 => letter,
                            1 => letter.nfd().collect(),
                            2 => format!("{}{}", BASES[v], TONES[t]),
                            _ => letter.nfd().collect::<String>().nfc().collect(),
                        };
                        if swap {
                            let mut c: Vec<char> = s.chars().collect();
                            if c.len() == 3 {
                                c.swap(1, 2);
                            }
                            s = c.into_iter().collect();
                        }
                        s
                    }),
                "[bcdđghklmnpqrstvxĐ0-9 ,.()-]{1,3}",
            ];
            proptest::collection::vec(cluster, 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn nfc_equals_unicode_on_vietnamese(s in vietnamese_text()) {
                let expected: String = s.nfc().collect();
                prop_assert_eq!(nfc(&s), expected);
                let nfd: String = s.nfd().collect();
                prop_assert_eq!(fold(&nfd), fold(&s));
                prop_assert_eq!(nfc(&nfd), nfc(&s));
            }

            #[test]
            fn arbitrary_strings_never_panic(s in any::<String>()) {
                let f = fold(&s);
                prop_assert_eq!(fold(&f), f.clone());
                prop_assert_eq!(fold(&nfc(&s)), f);
                let n = nfc(&s);
                prop_assert_eq!(nfc(&n), n.clone());
                for t in tokenize(&s) {
                    prop_assert!(s.get(t.bytes.clone()).is_some());
                    prop_assert!(!t.folded.is_empty());
                    let _ = telex_decode(&t.folded);
                    let _ = regional_variants(&t.folded);
                }
            }

            #[test]
            fn arbitrary_marks_after_vowels(s in "[aeiouyAEIOUYđ\u{300}-\u{36F} ]{0,24}") {
                let f = fold(&s);
                prop_assert_eq!(fold(&f), f);
                prop_assert_eq!(fold(&nfc(&s)), fold(&s));
                let n = nfc(&s);
                prop_assert_eq!(nfc(&n), n);
            }
        }
    }
}

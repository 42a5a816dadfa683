//! The Vietnamese letter table and the composer behind [`super::nfc`] and [`super::fold`].
//!
//! Vietnamese needs only 12 vowel shapes × 6 tones (× 2 cases) plus đ/Đ, so a 150-entry table
//! replaces the full Unicode normalisation tables (tens of KB of wasm). A letter is modelled as
//! (plain base, shape mark, tone mark); composition follows the Unicode algorithm restricted to
//! these marks (canonical ordering by combining class, blocking, and only the primary composites
//! that exist), so the result equals real NFC for every Vietnamese letter in any decomposition.

use std::sync::OnceLock;

/// Tone marks in table order (index 0 = no tone): grave, acute, hook above, tilde, dot below.
pub(crate) const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
/// Tone index of the dot below (nặng), the only tone below the letter.
pub(crate) const TONE_DOT: u8 = 5;

const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// Vowel shapes (rows): the six tone forms of each, lowercase then uppercase.
const LOWER: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];
const UPPER: [&str; 12] = [
    "AÀÁẢÃẠ",
    "ĂẰẮẲẴẶ",
    "ÂẦẤẨẪẬ",
    "EÈÉẺẼẸ",
    "ÊỀẾỂỄỆ",
    "IÌÍỈĨỊ",
    "OÒÓỎÕỌ",
    "ÔỒỐỔỖỘ",
    "ƠỜỚỞỠỢ",
    "UÙÚỦŨỤ",
    "ƯỪỨỬỮỰ",
    "YỲÝỶỸỴ",
];

/// The shape mark a row carries on top of its plain base letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    None,
    Breve,
    Circumflex,
    Horn,
}

/// Plain base and shape of each row (same order as [`LOWER`]).
const ROWS: [(char, Shape); 12] = [
    ('a', Shape::None),
    ('a', Shape::Breve),
    ('a', Shape::Circumflex),
    ('e', Shape::None),
    ('e', Shape::Circumflex),
    ('i', Shape::None),
    ('o', Shape::None),
    ('o', Shape::Circumflex),
    ('o', Shape::Horn),
    ('u', Shape::None),
    ('u', Shape::Horn),
    ('y', Shape::None),
];

/// A Vietnamese vowel letter taken apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    /// Plain lowercase base: a, e, i, o, u or y.
    pub base: char,
    pub shape: Shape,
    /// 0 = none, 1..=5 = index into [`TONE_MARKS`] + 1.
    pub tone: u8,
    pub upper: bool,
}

impl Letter {
    /// The precomposed character for this letter (every combination in the table exists).
    pub fn to_char(self) -> char {
        let Some(row) = ROWS
            .iter()
            .position(|&(b, s)| b == self.base && s == self.shape)
        else {
            return self.base;
        };
        let table = if self.upper { UPPER } else { LOWER };
        table
            .get(row)
            .and_then(|r| r.chars().nth(usize::from(self.tone)))
            .unwrap_or(self.base)
    }
}

fn table() -> &'static [(char, Letter)] {
    static TABLE: OnceLock<Vec<(char, Letter)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v = Vec::with_capacity(144);
        for (upper, rows) in [(false, LOWER), (true, UPPER)] {
            for (row, forms) in rows.iter().enumerate() {
                let Some(&(base, shape)) = ROWS.get(row) else {
                    continue;
                };
                for (tone, c) in (0u8..).zip(forms.chars()) {
                    v.push((
                        c,
                        Letter {
                            base,
                            shape,
                            tone,
                            upper,
                        },
                    ));
                }
            }
        }
        crate::sort::sort_by_key(&mut v, |&(c, _)| c);
        v
    })
}

/// Takes a Vietnamese vowel letter (any case, shape, tone) apart; `None` for anything else.
pub(crate) fn letter(c: char) -> Option<Letter> {
    // Every entry is an ASCII vowel or lies in Latin-1 Supplement / Latin Extended-A/B
    // (U+00C0–U+01B0) or Latin Extended Additional (U+1EA0–U+1EF9): skip the search for the
    // rest (this runs for every character folded or tokenized).
    let candidate = if c.is_ascii() {
        matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    } else {
        matches!(c, '\u{C0}'..='\u{1B0}' | '\u{1EA0}'..='\u{1EF9}')
    };
    if !candidate {
        return None;
    }
    let t = table();
    t.binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .and_then(|i| t.get(i))
        .map(|&(_, l)| l)
}

/// Whether `c` is a combining mark (the ranges fold strips).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Maps the deprecated tone marks U+0340/U+0341 to grave/acute, as NFC does; other marks as is.
fn canonical_mark(c: char) -> char {
    match c {
        '\u{340}' => '\u{300}',
        '\u{341}' => '\u{301}',
        other => other,
    }
}

/// The marks the Vietnamese composer understands (after [`canonical_mark`]).
fn is_vietnamese_mark(c: char) -> bool {
    c == CIRCUMFLEX || c == BREVE || c == HORN || TONE_MARKS.contains(&c)
}

/// Canonical combining class of the Vietnamese marks.
fn ccc(c: char) -> u8 {
    match c {
        HORN => 216,
        '\u{323}' => 220,
        _ => 230,
    }
}

/// The canonical decomposition marks of a letter, in canonical order.
fn letter_marks(l: Letter) -> Vec<char> {
    let mut marks = Vec::with_capacity(2);
    match l.shape {
        Shape::None => {}
        Shape::Breve => marks.push(BREVE),
        Shape::Circumflex => marks.push(CIRCUMFLEX),
        Shape::Horn => marks.push(HORN),
    }
    if let Some(&t) = usize::from(l.tone)
        .checked_sub(1)
        .and_then(|i| TONE_MARKS.get(i))
    {
        marks.push(t);
    }
    marks
}

/// Tries to compose one mark onto the letter, following the primary composites Unicode defines.
fn apply(l: &mut Letter, mark: char) -> bool {
    let tone_free_or_dot = l.tone == 0 || l.tone == TONE_DOT;
    match mark {
        HORN if matches!(l.base, 'o' | 'u') && l.shape == Shape::None && l.tone == 0 => {
            l.shape = Shape::Horn
        }
        CIRCUMFLEX
            if matches!(l.base, 'a' | 'e' | 'o') && l.shape == Shape::None && tone_free_or_dot =>
        {
            l.shape = Shape::Circumflex
        }
        BREVE if l.base == 'a' && l.shape == Shape::None && tone_free_or_dot => {
            l.shape = Shape::Breve
        }
        _ => match TONE_MARKS.iter().position(|&t| t == mark) {
            Some(i) if l.tone == 0 => l.tone = u8::try_from(i + 1).unwrap_or(0),
            _ => return false,
        },
    }
    true
}

/// Composes a letter with the marks that follow it; returns the composed char and the marks left
/// over (in canonical order), exactly as the Unicode composition algorithm would.
fn compose(start: Letter, following: &[char]) -> (char, Vec<char>) {
    let mut marks = letter_marks(start);
    marks.extend_from_slice(following);
    crate::sort::sort_by_key(&mut marks, |&m| ccc(m)); // stable: canonical ordering
    let mut l = Letter {
        shape: Shape::None,
        tone: 0,
        ..start
    };
    let mut left = Vec::new();
    let mut blocked_ccc: Option<u8> = None;
    for m in marks {
        let blocked = blocked_ccc == Some(ccc(m));
        if blocked || !apply(&mut l, m) {
            blocked_ccc = Some(ccc(m));
            left.push(m);
        }
    }
    (l.to_char(), left)
}

/// NFC for Vietnamese: see [`super::nfc`].
pub(crate) fn nfc(s: &str) -> String {
    if !s.chars().any(is_mark) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut following = Vec::new();
    while let Some(c) = chars.next() {
        let Some(l) = letter(c) else {
            out.push(canonical_mark(c));
            continue;
        };
        following.clear();
        while let Some(&m) = chars.peek() {
            let m = canonical_mark(m);
            if !is_vietnamese_mark(m) {
                break;
            }
            following.push(m);
            chars.next();
        }
        if following.is_empty() {
            out.push(c);
            continue;
        }
        let (composed, left) = compose(l, &following);
        out.push(composed);
        out.extend(left);
    }
    out
}

/// Folds one character into `out`: lowercase, marks dropped, đ→d, Latin-1 accents removed.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(l) = letter(c) {
        out.push(l.base);
        return;
    }
    if is_mark(c) {
        return;
    }
    if let Some(b) = latin_base(c) {
        out.push(b);
        return;
    }
    let (first, second) = super::case::lower_char(c);
    for lc in std::iter::once(first).chain(second) {
        if is_mark(lc) {
            continue;
        }
        out.push(latin_base(lc).unwrap_or(lc));
    }
}

/// Base letters of đ and the non-Vietnamese accented Latin letters a name may contain.
fn latin_base(c: char) -> Option<char> {
    Some(match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
        'ä' | 'å' | 'Ä' | 'Å' | 'ā' | 'Ā' => 'a',
        'ç' | 'Ç' => 'c',
        'ë' | 'Ë' | 'ē' | 'Ē' => 'e',
        'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ö' | 'ø' | 'Ö' | 'Ø' => 'o',
        'û' | 'ü' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_letter_once() {
        assert_eq!(table().len(), 144);
        let mut chars: Vec<char> = table().iter().map(|&(c, _)| c).collect();
        chars.dedup();
        assert_eq!(chars.len(), 144);
    }

    #[test]
    fn letters_round_trip() {
        for &(c, l) in table() {
            assert_eq!(l.to_char(), c);
        }
        let l = letter('Ệ').unwrap();
        assert_eq!(
            (l.base, l.shape, l.tone, l.upper),
            ('e', Shape::Circumflex, 5, true)
        );
    }

    #[test]
    fn letter_fast_path_misses_nothing() {
        let in_table: Vec<char> = table().iter().map(|&(c, _)| c).collect();
        for c in ('\0'..='\u{2FFF}').filter(|c| !in_table.contains(c)) {
            assert_eq!(letter(c), None, "{c:?}");
        }
        for &c in &in_table {
            assert!(letter(c).is_some(), "{c:?}");
        }
    }

    #[test]
    fn composes_in_any_mark_order() {
        assert_eq!(nfc("e\u{323}\u{302}"), "ệ");
        assert_eq!(nfc("e\u{302}\u{323}"), "ệ");
        assert_eq!(nfc("o\u{301}\u{31B}"), "ớ");
        assert_eq!(nfc("ê\u{323}"), "ệ");
        assert_eq!(nfc("ạ\u{306}"), "ặ");
        // Not composable in Unicode either: the acute comes before the circumflex.
        assert_eq!(nfc("a\u{301}\u{302}"), "á\u{302}");
    }
}

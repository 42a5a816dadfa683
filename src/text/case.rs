//! Lowercase for the scripts Vietnamese text meets, without the standard library's case tables.
//!
//! Why it exists: `char::to_lowercase` and `str::to_lowercase` link core's Unicode case tables
//! and their lookup (4 KB of gzipped WebAssembly, measured; this module's table costs 1 KB of it
//! back). They leave the bundle only once no wasm-reachable code calls them, so use [`lower`] /
//! [`lower_char`] instead wherever the text is Vietnamese or Latin. Vietnamese letters are handled
//! by the composer's own table; this module covers the rest of what a portal's text or a
//! citizen's query realistically contains: ASCII, Latin-1, Latin Extended-A/B, Greek (with Greek
//! Extended), Cyrillic (with its Supplement), Latin Extended Additional and full-width Latin.
//! Inside those blocks the result equals `char::to_lowercase` (a test compares every code point);
//! characters of other scripts (Armenian, Georgian, Deseret…) are returned unchanged.

/// Lowercase runs `(first, last, delta, step)`: every `step`-th code point from `first` to `last`
/// lowercases to itself plus `delta`. Generated from Unicode's simple lowercase mappings.
#[rustfmt::skip]
const RUNS: [(u16, u16, i16, u8); 111] = [
    (0xC0, 0xD6, 32, 1), (0xD8, 0xDE, 32, 1), (0x100, 0x12E, 1, 2), (0x132, 0x136, 1, 2),
    (0x139, 0x147, 1, 2), (0x14A, 0x176, 1, 2), (0x178, 0x178, -121, 1), (0x179, 0x17D, 1, 2),
    (0x181, 0x181, 210, 1), (0x182, 0x184, 1, 2), (0x186, 0x186, 206, 1), (0x187, 0x187, 1, 1),
    (0x189, 0x18A, 205, 1), (0x18B, 0x18B, 1, 1), (0x18E, 0x18E, 79, 1), (0x18F, 0x18F, 202, 1),
    (0x190, 0x190, 203, 1), (0x191, 0x191, 1, 1), (0x193, 0x193, 205, 1), (0x194, 0x194, 207, 1),
    (0x196, 0x196, 211, 1), (0x197, 0x197, 209, 1), (0x198, 0x198, 1, 1), (0x19C, 0x19C, 211, 1),
    (0x19D, 0x19D, 213, 1), (0x19F, 0x19F, 214, 1), (0x1A0, 0x1A4, 1, 2), (0x1A6, 0x1A6, 218, 1),
    (0x1A7, 0x1A7, 1, 1), (0x1A9, 0x1A9, 218, 1), (0x1AC, 0x1AC, 1, 1), (0x1AE, 0x1AE, 218, 1),
    (0x1AF, 0x1AF, 1, 1), (0x1B1, 0x1B2, 217, 1), (0x1B3, 0x1B5, 1, 2), (0x1B7, 0x1B7, 219, 1),
    (0x1B8, 0x1B8, 1, 1), (0x1BC, 0x1BC, 1, 1), (0x1C4, 0x1C4, 2, 1), (0x1C5, 0x1C5, 1, 1),
    (0x1C7, 0x1C7, 2, 1), (0x1C8, 0x1C8, 1, 1), (0x1CA, 0x1CA, 2, 1), (0x1CB, 0x1DB, 1, 2),
    (0x1DE, 0x1EE, 1, 2), (0x1F1, 0x1F1, 2, 1), (0x1F2, 0x1F4, 1, 2), (0x1F6, 0x1F6, -97, 1),
    (0x1F7, 0x1F7, -56, 1), (0x1F8, 0x21E, 1, 2), (0x220, 0x220, -130, 1), (0x222, 0x232, 1, 2),
    (0x23A, 0x23A, 10795, 1), (0x23B, 0x23B, 1, 1), (0x23D, 0x23D, -163, 1),
    (0x23E, 0x23E, 10792, 1), (0x241, 0x241, 1, 1), (0x243, 0x243, -195, 1), (0x244, 0x244, 69, 1),
    (0x245, 0x245, 71, 1), (0x246, 0x24E, 1, 2), (0x370, 0x372, 1, 2), (0x376, 0x376, 1, 1),
    (0x37F, 0x37F, 116, 1), (0x386, 0x386, 38, 1), (0x388, 0x38A, 37, 1), (0x38C, 0x38C, 64, 1),
    (0x38E, 0x38F, 63, 1), (0x391, 0x3A1, 32, 1), (0x3A3, 0x3AB, 32, 1), (0x3CF, 0x3CF, 8, 1),
    (0x3D8, 0x3EE, 1, 2), (0x3F4, 0x3F4, -60, 1), (0x3F7, 0x3F7, 1, 1), (0x3F9, 0x3F9, -7, 1),
    (0x3FA, 0x3FA, 1, 1), (0x3FD, 0x3FF, -130, 1), (0x400, 0x40F, 80, 1), (0x410, 0x42F, 32, 1),
    (0x460, 0x480, 1, 2), (0x48A, 0x4BE, 1, 2), (0x4C0, 0x4C0, 15, 1), (0x4C1, 0x4CD, 1, 2),
    (0x4D0, 0x52E, 1, 2), (0x1E00, 0x1E94, 1, 2), (0x1E9E, 0x1E9E, -7615, 1),
    (0x1EA0, 0x1EFE, 1, 2), (0x1F08, 0x1F0F, -8, 1), (0x1F18, 0x1F1D, -8, 1),
    (0x1F28, 0x1F2F, -8, 1), (0x1F38, 0x1F3F, -8, 1), (0x1F48, 0x1F4D, -8, 1),
    (0x1F59, 0x1F5F, -8, 2), (0x1F68, 0x1F6F, -8, 1), (0x1F88, 0x1F8F, -8, 1),
    (0x1F98, 0x1F9F, -8, 1), (0x1FA8, 0x1FAF, -8, 1), (0x1FB8, 0x1FB9, -8, 1),
    (0x1FBA, 0x1FBB, -74, 1), (0x1FBC, 0x1FBC, -9, 1), (0x1FC8, 0x1FCB, -86, 1),
    (0x1FCC, 0x1FCC, -9, 1), (0x1FD8, 0x1FD9, -8, 1), (0x1FDA, 0x1FDB, -100, 1),
    (0x1FE8, 0x1FE9, -8, 1), (0x1FEA, 0x1FEB, -112, 1), (0x1FEC, 0x1FEC, -7, 1),
    (0x1FF8, 0x1FF9, -128, 1), (0x1FFA, 0x1FFB, -126, 1), (0x1FFC, 0x1FFC, -9, 1),
    (0xFF21, 0xFF3A, 32, 1),
];

/// The lowercase of `c`: one character, or two for U+0130 (`İ` → `i` + U+0307) as in Unicode.
pub fn lower_char(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    if c == '\u{130}' {
        return ('i', Some('\u{307}'));
    }
    let Ok(u) = u16::try_from(u32::from(c)) else {
        return (c, None);
    };
    let hit = RUNS.iter().find(|&&(first, last, _, step)| {
        (first..=last).contains(&u) && (u - first).checked_rem(u16::from(step)) == Some(0)
    });
    let lowered = hit.and_then(|&(_, _, delta, _)| {
        char::from_u32(u32::from(u).wrapping_add_signed(i32::from(delta)))
    });
    (lowered.unwrap_or(c), None)
}

/// [`lower_char`] over a string, character by character (no final-sigma rule).
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let (a, b) = lower_char(c);
        out.push(a);
        out.extend(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks this module promises to lowercase exactly as the standard library.
    const COVERED: [(u32, u32); 7] = [
        (0, 0x24F),
        (0x370, 0x3FF),
        (0x400, 0x52F),
        (0x1E00, 0x1EFF),
        (0x1F00, 0x1FFF),
        (0xFF00, 0xFF5F),
        (0xD7FF, 0xD7FF),
    ];

    #[test]
    fn equals_std_in_every_covered_block() {
        for (a, b) in COVERED {
            for c in (a..=b).filter_map(char::from_u32) {
                let want: String = c.to_lowercase().collect();
                let (x, y) = lower_char(c);
                let got: String = std::iter::once(x).chain(y).collect();
                assert_eq!(got, want, "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn real_text() {
        assert_eq!(lower("ĐĂNG KÝ"), "đăng ký");
        assert_eq!(lower("ÑANDÚ İstanbul"), "ñandú i\u{307}stanbul");
        assert_eq!(lower("ПРИВЕТ ΑΘΗΝΑ"), "привет αθηνα");
        assert_eq!(lower("ＡＢＣ"), "ａｂｃ");
        // Outside the covered blocks: unchanged (std would lowercase Armenian).
        assert_eq!(lower("Ա"), "Ա");
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn idempotent_and_never_panics(s in any::<String>()) {
                let l = lower(&s);
                prop_assert_eq!(lower(&l), l);
            }
        }
    }
}

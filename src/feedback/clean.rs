//! Input hygiene shared by every validator: invisible characters, markup, emoji, whitespace.
//!
//! Citizens paste text from chat apps, Word and PDFs. Invisible characters (zero-width spaces,
//! bidi overrides that make "exe.pdf" display as "fdp.exe", byte-order marks, control codes)
//! cannot be seen, so asking the user to remove them is pointless: they are **removed**, with a
//! notice. Visible problems the user can fix (HTML tags, emoji that legacy `utf8` databases of
//! many back offices cannot store) are **refused** with a message naming the culprit. Everything
//! here is linear in the input length, so a 100,000-character paste costs microseconds.

use super::check::Issue;

/// Whether `c` is invisible formatting or control noise that must not reach the back office.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{FEFF}'              // byte-order mark / zero-width no-break space
        | '\u{00AD}'              // soft hyphen
        | '\u{180E}'              // Mongolian vowel separator (old zero-width space)
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation controls
    ) || (c.is_control() && c != '\n' && c != '\t' && c != '\r')
}

/// Removes invisible characters; returns the cleaned text and a notice when any were removed.
pub fn strip_invisible(s: &str) -> (String, Option<Issue>) {
    let mut removed = 0usize;
    let cleaned: String = s
        .chars()
        .filter(|&c| {
            let bad = is_invisible(c);
            removed += usize::from(bad);
            !bad
        })
        .collect();
    let notice =
        (removed > 0).then(|| Issue::new("invisible_removed").with_num("count", removed as u64));
    (cleaned, notice)
}

/// The first thing that looks like an HTML/XML tag or comment (`<script`, `</b`, `<!--`, `<?`),
/// shortened for display. A lone `<` as in "điểm < 5" is not markup.
pub fn find_markup(s: &str) -> Option<String> {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '<' && c != '＜' {
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        if matches!(next, Some(n) if n.is_ascii_alphabetic() || n == '/' || n == '!' || n == '?') {
            let tag: String = s
                .get(i..)
                .unwrap_or("")
                .chars()
                .take_while(|&t| t != '>')
                .take(20)
                .collect();
            return Some(crate::text::cat(&[&tag, ">"]));
        }
    }
    None
}

/// Whether `c` is an emoji or a pictograph/special symbol refused in form text.
pub fn is_emoji_or_special(c: char) -> bool {
    matches!(c,
        '\u{2600}'..='\u{27BF}'     // miscellaneous symbols, dingbats
        | '\u{2B00}'..='\u{2BFF}'   // arrows and stars (⭐)
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors (emoji presentation)
        | '\u{E000}'..='\u{F8FF}'   // private use (legacy font hacks)
        | '\u{FFFD}'                // replacement character: text was damaged
        | '\u{3030}' | '\u{303D}' | '\u{20E3}'
    ) || u32::from(c) > 0xFFFF
}

/// The first emoji or special symbol in `s`.
pub fn find_emoji(s: &str) -> Option<char> {
    s.chars().find(|&c| is_emoji_or_special(c))
}

/// Trims and collapses every run of whitespace (including newlines) to one space.
pub fn collapse_whitespace(s: &str) -> String {
    crate::text::join(&s.split_whitespace().collect::<Vec<_>>(), " ")
}

/// Multi-line text: `\r\n`/`\r` become `\n`, trailing spaces are cut from each line, the whole
/// is trimmed; inner blank lines are kept (citizens structure long complaints with them).
pub fn tidy_multiline(s: &str) -> String {
    // `s.replace("\r\n", "\n").replace('\r', "\n")` in one pass (without core's substring
    // searcher, which costs the wasm ~0.8 KB).
    let mut unified = String::with_capacity(s.len());
    let mut after_cr = false;
    for c in s.chars() {
        match c {
            '\n' if after_cr => {}
            '\r' => unified.push('\n'),
            c => unified.push(c),
        }
        after_cr = c == '\r';
    }
    let lines: Vec<&str> = crate::text::split_ascii(&unified, b'\n')
        .map(str::trim_end)
        .collect();
    crate::text::join(&lines, "\n").trim().to_string()
}

/// Length as the citizen sees it: Unicode scalar values of (already NFC) text.
pub fn char_len(s: &str) -> usize {
    crate::text::char_count(s)
}

/// Digits only? (ASCII; full-width digits are mapped first by [`ascii_digits`]).
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_every_invisible_class() {
        let s = "a\u{200B}b\u{200F}c\u{202E}d\u{2066}e\u{FEFF}f\u{0007}g\nh";
        let (clean, notice) = strip_invisible(s);
        assert_eq!(clean, "abcdefg\nh");
        assert_eq!(
            notice.and_then(|n| n.param("count").map(str::to_string)),
            Some("6".into())
        );
        assert_eq!(strip_invisible("Hà Nội").1, None);
    }

    #[test]
    fn markup_is_found_but_comparisons_are_not() {
        assert_eq!(
            find_markup("xin <script>alert(1)</script>").as_deref(),
            Some("<script>")
        );
        assert_eq!(find_markup("a </b> c").as_deref(), Some("</b>"));
        assert_eq!(find_markup("<!-- x -->").as_deref(), Some("<!-- x -->"));
        assert!(find_markup("<img src=x onerror=alert(1)>").is_some());
        assert_eq!(find_markup("điểm < 5 và 3 <= 4"), None);
        assert_eq!(find_markup("<"), None);
    }

    #[test]
    fn emoji_and_specials() {
        assert_eq!(find_emoji("Cảm ơn 😀"), Some('😀'));
        assert_eq!(find_emoji("tốt ⭐"), Some('⭐'));
        assert_eq!(find_emoji("ổn ✔"), Some('✔'));
        assert_eq!(find_emoji("Nguyễn Văn A, 12/3 — “trích”"), None);
    }

    #[test]
    fn whitespace() {
        assert_eq!(collapse_whitespace("  Rơ \t Mah\n Hlun "), "Rơ Mah Hlun");
        assert_eq!(
            tidy_multiline("  dòng 1  \r\n\r\ndòng 2\r"),
            "dòng 1\n\ndòng 2"
        );
        assert_eq!(ascii_digits("０９１２"), "0912");
    }

    #[test]
    fn line_ends_as_the_two_replaces_did() {
        let alphabet = ['\r', '\n', 'a', ' '];
        for len in 0..=6u32 {
            for k in 0..4usize.pow(len) {
                let s: String = (0..len)
                    .map(|i| alphabet[(k / 4usize.pow(i)) % 4])
                    .collect();
                let unified = s.replace("\r\n", "\n").replace('\r', "\n");
                let lines: Vec<&str> = crate::text::split_ascii(&unified, b'\n')
                    .map(str::trim_end)
                    .collect();
                assert_eq!(tidy_multiline(&s), lines.join("\n").trim(), "{s:?}");
            }
        }
    }
}

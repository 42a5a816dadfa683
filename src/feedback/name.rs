//! Personal names of every Vietnamese ethnic group.
//!
//! Bộ luật Dân sự 2015 Điều 26 k3: a name is in Vietnamese or another language of an ethnic group
//! of Vietnam, not digits, not a non-letter symbol. In practice names use the Latin alphabet with
//! Vietnamese diacritics plus f, j, w, z, apostrophes and hyphens ("H'Hen Niê", "Y-Moan Ênuôl",
//! "Rơ Mah Hlun", "Ksor H'Bơ Khăp"). The rule here: Latin-script letters (any diacritic, composed
//! or combining), single spaces, and `'` `’` `ʼ` `-` `‐` between letters, a `.` after an initial;
//! no digits, no symbols, no emoji. Whitespace is collapsed and the result is NFC (via
//! [`crate::text::nfc`]); tone-mark placement ("Hòa"/"Hoà") is never "corrected". Non-Latin
//! scripts are refused on purpose: Điều 7 of Nghị định 20/2008 asks for submissions in Vietnamese,
//! and mixed scripts are the classic look-alike spoofing trick (Cyrillic "а").

use super::check::{Issue, Outcome};
use super::clean;

/// Default maximum length of a name, in characters of NFC text.
pub const NAME_MAX: usize = 100;

/// Whether `c` is a letter of the Latin script (ASCII, Latin-1, Extended-A/B, Vietnamese block).
pub fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c,
            'A'..='Z' | 'a'..='z'
            | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}'
            | '\u{1E00}'..='\u{1EFF}')
}

/// Combining diacritics (NFD input from some keyboards).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '‐')
}

/// Checks a personal name of at most `max` characters; normalised to NFC, whitespace collapsed.
pub fn check_name(input: &str, max: usize) -> Outcome {
    let (cleaned, notice) = clean::strip_invisible(input);
    let name = clean::collapse_whitespace(&crate::text::nfc(&cleaned));
    let count = clean::char_len(&name);
    let outcome = if name.is_empty() {
        Outcome::err(Issue::new("empty"))
    } else if count > max {
        Outcome::err(
            Issue::new("too_long")
                .with_num("max", max as u64)
                .with_num("count", count as u64),
        )
    } else {
        match scan(&name) {
            Some(issue) => Outcome::err(issue),
            None => Outcome::ok(name),
        }
    };
    outcome.noticed(notice)
}

/// The first problem in an already collapsed name, if any.
fn scan(name: &str) -> Option<Issue> {
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let after_letter = prev.is_some_and(|p| is_latin_letter(p) || is_combining(p));
        let ok = if is_latin_letter(c) || c == ' ' {
            true
        } else if is_combining(c) {
            after_letter
        } else if is_joiner(c) {
            if !(after_letter && next.is_some_and(is_latin_letter)) {
                return Some(Issue::new("name_punctuation"));
            }
            true
        } else if c == '.' {
            if !(after_letter && next.is_none_or(|n| n == ' ')) {
                return Some(Issue::new("name_punctuation"));
            }
            true
        } else if c.is_numeric() {
            return Some(Issue::new("name_digit"));
        } else {
            false
        };
        if !ok {
            return Some(Issue::new("name_char").with("char", String::from(c)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Result<String, &'static str> {
        check_name(s, NAME_MAX).result.map_err(|e| e.code)
    }

    #[test]
    fn names_of_many_ethnic_groups() {
        for name in [
            "Nguyễn Văn A",
            "H'Hen Niê",
            "Y-Moan Ênuôl",
            "Rơ Mah Hlun",
            "Ksor H’Bơ Khăp",
            "Đinh Thị Hoà",
            "Đinh Thị Hòa",
            "Lò Văn Giàng",
            "Vừ A Dính",
            "Hoàng Thị Phương Thảo",
            "Nguyễn V. A",
            "Trần Zũng Jơ Wi",
            "Thạch Sơ Phênh",
            "Ma Seo Chú",
            "Bùi Thị Xuân",
            "Nay Phin",
            "O'Neil",
        ] {
            assert_eq!(norm(name), Ok(name.to_string()), "{name}");
        }
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(norm("  Rơ   Mah \t Hlun \n"), Ok("Rơ Mah Hlun".into()));
    }

    #[test]
    fn decomposed_input_is_accepted() {
        // "Nguyễn Thị Hoà" typed with combining marks (NFD), as some keyboards send it.
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Hoa\u{0300}";
        assert_eq!(norm(nfd), Ok("Nguyễn Thị Hoà".to_string()));
        let count = check_name(nfd, 14).result.map(|n| n.chars().count());
        assert_eq!(count, Ok(14), "length is counted on the composed form");
    }

    #[test]
    fn refusals() {
        assert_eq!(norm("Nguyễn Văn 2"), Err("name_digit"));
        assert_eq!(norm("Lê @ Hùng"), Err("name_char"));
        assert_eq!(norm("<script>alert(1)</script>"), Err("name_char"));
        assert_eq!(norm("Lan 😀"), Err("name_char"));
        assert_eq!(norm("Иван"), Err("name_char"));
        assert_eq!(
            norm("Nguyễn Vаn"),
            Err("name_char"),
            "Cyrillic а in a Latin name"
        );
        assert_eq!(norm("'Hen"), Err("name_punctuation"));
        assert_eq!(norm("Y- Moan"), Err("name_punctuation"));
        assert_eq!(norm("Y--Moan"), Err("name_punctuation"));
        assert_eq!(norm("A.B"), Err("name_punctuation"));
        assert_eq!(norm("   "), Err("empty"));
        assert_eq!(norm(&"a".repeat(101)), Err("too_long"));
        assert_eq!(norm(&"Lan ".repeat(25_000)), Err("too_long"));
    }

    #[test]
    fn invisible_characters_are_removed() {
        let out = check_name("H'\u{200B}Hen\u{202E} Niê", NAME_MAX);
        assert_eq!(out.result, Ok("H'Hen Niê".to_string()));
        assert_eq!(out.warnings.len(), 1);
    }
}

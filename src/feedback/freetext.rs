//! Free text (titles, the complaint itself, a postal address) and its length rules.
//!
//! Lengths are counted in characters (Unicode scalar values) of NFC text, so a word typed with
//! combining marks by some Vietnamese keyboards counts the same as its composed form, and never
//! in UTF-16 units (the GOV.UK character-count bug #1104). Invisible characters are removed with
//! a notice; HTML tags and emoji are refused with a message naming them (the core never renders
//! markup, but back offices and their e-mail notifications might).

use super::check::{Issue, Outcome};
use super::clean;

/// Length and shape rules for a text value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRule {
    /// Keep line breaks (textarea) or collapse all whitespace (single-line text).
    pub multiline: bool,
    /// Minimum length in characters, if any.
    pub min: Option<usize>,
    /// Maximum length in characters.
    pub max: usize,
}

/// Normalises text the way it is counted and stored: NFC, invisible characters removed,
/// whitespace tidied. Returns the text and an optional notice.
pub fn normalize_text(input: &str, multiline: bool) -> (String, Option<Issue>) {
    let (cleaned, notice) = clean::strip_invisible(input);
    let composed = crate::text::nfc(&cleaned);
    let text = if multiline {
        clean::tidy_multiline(&composed)
    } else {
        clean::collapse_whitespace(&composed)
    };
    (text, notice)
}

/// Checks free text against `rule`.
pub fn check_text(input: &str, rule: TextRule) -> Outcome {
    let (text, notice) = normalize_text(input, rule.multiline);
    let count = clean::char_len(&text);
    let outcome = if text.is_empty() {
        Outcome::err(Issue::new("empty"))
    } else if count > rule.max {
        Outcome::err(
            Issue::new("too_long")
                .with_num("max", rule.max as u64)
                .with_num("count", count as u64),
        )
    } else if let Some(min) = rule.min.filter(|&m| count < m) {
        Outcome::err(
            Issue::new("too_short")
                .with_num("min", min as u64)
                .with_num("count", count as u64),
        )
    } else if let Some(tag) = clean::find_markup(&text) {
        Outcome::err(Issue::new("markup").with("tag", tag))
    } else if let Some(c) = clean::find_emoji(&text) {
        Outcome::err(Issue::new("emoji").with("char", String::from(c)))
    } else {
        Outcome::ok(text)
    };
    outcome.noticed(notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: TextRule = TextRule {
        multiline: true,
        min: Some(10),
        max: 5000,
    };

    fn code(s: &str, rule: TextRule) -> Option<&'static str> {
        check_text(s, rule).result.err().map(|e| e.code)
    }

    #[test]
    fn lengths_count_nfc_characters() {
        let nfd = "Hoa\u{0300}".repeat(3); // "Hoà" ×3 typed decomposed
        let composed = crate::text::nfc(&nfd);
        let rule = TextRule {
            multiline: false,
            min: None,
            max: composed.chars().count(),
        };
        assert_eq!(check_text(&nfd, rule).result, Ok(composed));
        assert_eq!(code(&"ệ".repeat(5001), AREA), Some("too_long"));
        assert_eq!(code(&"ệ".repeat(5000), AREA), None);
        assert_eq!(code("ngắn", AREA), Some("too_short"));
        assert_eq!(code(&"a".repeat(100_000), AREA), Some("too_long"));
    }

    #[test]
    fn bad_input() {
        assert_eq!(
            code("Nội dung <script>alert(1)</script> dài", AREA),
            Some("markup")
        );
        assert_eq!(code("Cán bộ phục vụ tốt lắm 👍👍", AREA), Some("emoji"));
        let out = check_text("Thủ tục\u{202E} cấp phép\u{200B} chậm quá", AREA);
        assert_eq!(out.result, Ok("Thủ tục cấp phép chậm quá".to_string()));
        assert_eq!(
            out.warnings.first().map(|w| w.code),
            Some("invisible_removed")
        );
        assert_eq!(code("Điểm < 5 là thấp hơn mức trung bình", AREA), None);
    }

    #[test]
    fn line_breaks_are_kept_only_in_textareas() {
        let s = " Dòng một \r\n\r\n Dòng hai ";
        assert_eq!(
            check_text(s, AREA).result,
            Ok("Dòng một\n\n Dòng hai".to_string())
        );
        let line = TextRule {
            multiline: false,
            min: None,
            max: 200,
        };
        assert_eq!(
            check_text(s, line).result,
            Ok("Dòng một Dòng hai".to_string())
        );
    }
}

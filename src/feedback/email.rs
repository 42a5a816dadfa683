//! E-mail addresses, pragmatically.
//!
//! RFC 5322 allows quoted local parts, comments and IP literals that no Vietnamese mail system
//! issues and that back offices mangle. Accepted here: `local@domain` where the local part is
//! 1–64 ASCII characters from the RFC "atext" set with single inner dots, and the domain has at
//! least two dot-separated labels of ASCII letters, digits and inner hyphens (1–63 each), the last
//! one alphabetic (or an `xn--` IDN label), 254 characters in all. Internationalised addresses
//! (`tên@bộ.vn`) are refused with a message naming the character: the receiving systems cannot
//! reply to them. The domain is lower-cased; the local part is kept as typed. A few frequent typos
//! of large providers ("gmail.con") give a "did you mean" notice, never an error.

use super::check::{Issue, Outcome};
use super::clean;

const TYPOS: &[(&str, &str)] = &[
    ("gmail.con", "gmail.com"),
    ("gmail.co", "gmail.com"),
    ("gmai.com", "gmail.com"),
    ("gmial.com", "gmail.com"),
    ("gmail.com.vn", "gmail.com"),
    ("gamil.com", "gmail.com"),
    ("yahoo.con", "yahoo.com"),
    ("yaho.com", "yahoo.com"),
    ("yahoo.com.vm", "yahoo.com.vn"),
    ("hotmail.con", "hotmail.com"),
    ("outlook.con", "outlook.com"),
];

/// RFC 5322 `atext`. A `matches!`, not `"!#…".contains(c)`: a `char` pattern search brings
/// std's generic searcher into the form's wasm (~1 KB raw) for 19 ASCII characters.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
                | '-'
        )
}

fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, [b'.', b'.']))
        && local.chars().all(|c| c == '.' || is_atext(c))
}

fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = crate::text::split_ascii(domain, b'.').collect();
    let tld_ok = labels.last().is_some_and(|tld| {
        (tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())) || tld.starts_with("xn--")
    });
    labels.len() >= 2 && tld_ok && labels.iter().all(|l| valid_label(l))
}

/// Checks an e-mail address; normalised with the domain lower-cased.
pub fn check_email(input: &str) -> Outcome {
    let (cleaned, notice) = clean::strip_invisible(input);
    let s = crate::text::nfc(cleaned.trim());
    let outcome = if s.is_empty() {
        Outcome::err(Issue::new("empty"))
    } else if let Some(c) = s.chars().find(|c| !c.is_ascii()) {
        Outcome::err(Issue::new("email_ascii").with("char", String::from(c)))
    } else {
        check_ascii(&s)
    };
    outcome.noticed(notice)
}

fn check_ascii(s: &str) -> Outcome {
    let Some((local, domain)) = crate::text::rsplit_ascii(s, b'@') else {
        return Outcome::err(Issue::new("email_format"));
    };
    let domain = domain.to_ascii_lowercase();
    if s.len() > 254 || !valid_local(local) || !valid_domain(&domain) {
        return Outcome::err(Issue::new("email_format"));
    }
    let mut out = Outcome::ok(crate::text::cat(&[local, "@", &domain]));
    if let Some((_, right)) = TYPOS.iter().find(|(wrong, _)| *wrong == domain) {
        let suggestion = crate::text::cat(&[local, "@", right]);
        out.warnings
            .push(Issue::new("email_typo").with("suggestion", suggestion.clone()));
        out.suggestion = Some(suggestion);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Result<String, &'static str> {
        check_email(s).result.map_err(|e| e.code)
    }

    #[test]
    fn accepted() {
        assert_eq!(
            norm(" Nguyen.Van.A@Gmail.COM "),
            Ok("Nguyen.Van.A@gmail.com".into())
        );
        assert_eq!(
            norm("vanthu@hanoi.gov.vn"),
            Ok("vanthu@hanoi.gov.vn".into())
        );
        assert_eq!(
            norm("a+b_c-d@sub-domain.example.vn"),
            Ok("a+b_c-d@sub-domain.example.vn".into())
        );
        assert_eq!(norm("x@xn--b-5ga.vn"), Ok("x@xn--b-5ga.vn".into()));
    }

    #[test]
    fn refused() {
        for s in [
            "a",
            "a@",
            "@b.vn",
            "a@b",
            "a@b.c",
            "a..b@c.vn",
            ".a@c.vn",
            "a.@c.vn",
            "a@-b.vn",
            "a@b-.vn",
            "a@b..vn",
            "a b@c.vn",
            "a@b.vn.",
            "<a@b.vn>",
            "a@b@c.vn",
        ] {
            assert_eq!(norm(s), Err("email_format"), "{s}");
        }
        assert_eq!(norm("tên@bộ.vn"), Err("email_ascii"));
        assert_eq!(norm(""), Err("empty"));
        assert_eq!(
            norm(&format!("{}@b.vn", "a".repeat(65))),
            Err("email_format")
        );
        assert_eq!(norm(&"a".repeat(100_000)), Err("email_format"));
    }

    #[test]
    fn typo_is_a_notice_not_an_error() {
        let out = check_email("lan@gmail.con");
        assert_eq!(out.result, Ok("lan@gmail.con".into()));
        assert_eq!(out.suggestion.as_deref(), Some("lan@gmail.com"));
        assert_eq!(out.warnings.first().map(|w| w.code), Some("email_typo"));
    }
}

//! A language catalogue: the JSON file `pkg/i18n/<lang>.json` that translates the widgets'
//! Vietnamese texts (format: `docs/i18n-format.md`).
//!
//! Why it exists: Vietnamese is built into the wasm; every other language is data a province can
//! drop next to the bundle. This is the one reader of that data, used by the browser (through
//! [`super::add_catalogue`]) and by `cchc check`. A catalogue is untrusted: it is size-limited, a
//! translation whose placeholders differ from the Vietnamese or that is empty is dropped (the
//! Vietnamese text is shown instead, never a blank or a broken template), and the texts only ever
//! reach the page as text, never as markup.

use crate::json::{SyntaxError, Value};

/// The largest catalogue accepted, in bytes (the English one is about 40 KB).
pub const MAX_CATALOGUE_BYTES: usize = 1 << 20;

/// A catalogue ready for lookups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// Primary language subtag, lowercase (`en`, `km`).
    pub lang: String,
    /// The language's name in itself (`English`, `ភាសាខ្មែរ`); may be empty.
    pub name: String,
    /// Decimal separator for numbers (Vietnamese `,` when not given).
    pub decimal_separator: String,
    /// Thousands separator for numbers (Vietnamese `.` when not given).
    pub group_separator: String,
    /// `(Vietnamese, translation)` in file order (a repeated key: the last one counts).
    messages: Vec<(String, String)>,
}

/// Why a catalogue was refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueError {
    /// Larger than [`MAX_CATALOGUE_BYTES`].
    TooLarge,
    /// Not JSON.
    Syntax(SyntaxError),
    /// The JSON is not an object.
    NotObject,
    /// `lang` is missing, not a string or not a language subtag (2 to 8 ASCII letters), or is
    /// `vi`.
    Lang,
    /// `messages` is missing or not an object.
    Messages,
    /// `name`, `decimal_separator` or `group_separator` is not a string (or a separator is
    /// longer than 4 characters).
    Field(&'static str),
}

/// Why one message of an accepted catalogue is not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// The translation is not a string.
    NotText,
    /// The translation is empty (or only spaces).
    Empty,
    /// The translation's `{placeholders}` are not those of the Vietnamese key.
    Placeholders,
}

/// A parsed catalogue and the messages left out of it (`(key, why)`, in file order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub catalogue: Catalogue,
    pub dropped: Vec<(String, Dropped)>,
}

impl Catalogue {
    /// Reads a catalogue. Never panics on any input.
    pub fn parse(text: &str) -> Result<Parsed, CatalogueError> {
        if text.len() > MAX_CATALOGUE_BYTES {
            return Err(CatalogueError::TooLarge);
        }
        let root = crate::json::parse(text).map_err(CatalogueError::Syntax)?;
        if root.as_object().is_none() {
            return Err(CatalogueError::NotObject);
        }
        let lang = root
            .get("lang")
            .and_then(Value::as_str)
            .filter(|l| is_language_subtag(l) && !l.eq_ignore_ascii_case("vi"))
            .ok_or(CatalogueError::Lang)?
            .to_ascii_lowercase();
        let field = |key: &'static str, default: &str, max_chars: usize| match root.get(key) {
            None | Some(Value::Null) => Ok(default.to_string()),
            Some(Value::Str(s)) if crate::text::char_count(s) <= max_chars => Ok(s.clone()),
            Some(_) => Err(CatalogueError::Field(key)),
        };
        let name = field("name", "", 200)?;
        let decimal_separator = field("decimal_separator", ",", 4)?;
        let group_separator = field("group_separator", ".", 4)?;
        let members = root
            .get("messages")
            .and_then(Value::as_object)
            .ok_or(CatalogueError::Messages)?;
        // Kept in file order and searched from the end, so a repeated key counts with its last
        // value (as everywhere in the crate's JSON) with no sorting code in the wasm.
        let mut dropped = Vec::new();
        let mut messages: Vec<(String, String)> = Vec::with_capacity(members.len());
        for (key, value) in members {
            let why = match value {
                Value::Str(s) if s.trim().is_empty() => Dropped::Empty,
                Value::Str(s) if !super::scan::same_placeholders(s, key) => Dropped::Placeholders,
                Value::Str(s) => {
                    messages.push((crate::text::nfc(key), s.clone()));
                    continue;
                }
                _ => Dropped::NotText,
            };
            dropped.push((key.clone(), why));
        }
        Ok(Parsed {
            catalogue: Catalogue {
                lang,
                name,
                decimal_separator,
                group_separator,
                messages,
            },
            dropped,
        })
    }

    /// The translation of the Vietnamese text `vi`. (A linear search: a catalogue has a few
    /// hundred texts, and a comparison looks at the lengths first.)
    pub fn get(&self, vi: &str) -> Option<&str> {
        self.messages
            .iter()
            .rev()
            .find(|(k, _)| k == vi)
            .map(|(_, t)| t.as_str())
    }

    /// The Vietnamese keys with a usable translation (NFC), in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(k, _)| k.as_str())
    }

    /// The number of usable translations (a repeated key counts each time).
    pub fn len(&self) -> usize {
        self.messages.len()
    }

    /// Whether no translation is usable.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}

/// A BCP 47 primary language subtag: 2 to 8 ASCII letters (`en`, `km`, `cjm`).
pub fn is_language_subtag(s: &str) -> bool {
    (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_catalogue_and_drops_what_cannot_be_shown() {
        let text = r#"{
            "lang": "KM", "name": "ខ្មែរ", "decimal_separator": ".",
            "messages": {
                "Thử lại": "ព្យាយាមម្តងទៀត",
                "Còn {n} ký tự": "{n} left",
                "Bạn đã nhập quá {over} ký tự": "too many",
                "Xoá": "  ",
                "Gửi": 3,
                "In": "first", "In": "second"
            }
        }"#;
        let p = Catalogue::parse(text).unwrap();
        let c = &p.catalogue;
        assert_eq!(c.lang, "km");
        assert_eq!(c.decimal_separator, ".");
        assert_eq!(c.group_separator, ".");
        assert_eq!(c.get("Thử lại"), Some("ព្យាយាមម្តងទៀត"));
        assert_eq!(c.get("Còn {n} ký tự"), Some("{n} left"));
        assert_eq!(c.get("In"), Some("second"));
        assert_eq!(c.get("Xoá"), None);
        assert_eq!(c.len(), 4);
        assert_eq!(
            p.dropped,
            [
                (
                    "Bạn đã nhập quá {over} ký tự".to_string(),
                    Dropped::Placeholders
                ),
                ("Xoá".into(), Dropped::Empty),
                ("Gửi".into(), Dropped::NotText),
            ]
        );
    }

    #[test]
    fn keys_are_normalised_to_nfc() {
        // "Thử lại" written with combining marks (as some editors save it).
        let decomposed = "Thu\u{31b}\u{309} la\u{323}i";
        let text = format!(r#"{{"lang": "xx", "messages": {{"{decomposed}": "retry"}}}}"#);
        let c = Catalogue::parse(&text).unwrap().catalogue;
        assert_eq!(c.get("Thử lại"), Some("retry"));
    }

    #[test]
    fn refuses_what_is_not_a_catalogue() {
        let cases = [
            ("", "syntax"),
            ("[]", "object"),
            (r#"{"messages": {}}"#, "lang"),
            (r#"{"lang": "vi", "messages": {}}"#, "lang"),
            (r#"{"lang": "e", "messages": {}}"#, "lang"),
            (r#"{"lang": "en-GB", "messages": {}}"#, "lang"),
            (r#"{"lang": "en"}"#, "messages"),
            (r#"{"lang": "en", "messages": []}"#, "messages"),
            (r#"{"lang": "en", "name": 1, "messages": {}}"#, "field"),
            (
                r#"{"lang": "en", "group_separator": "-----", "messages": {}}"#,
                "field",
            ),
        ];
        for (text, what) in cases {
            let e = Catalogue::parse(text).unwrap_err();
            let ok = match what {
                "syntax" => matches!(e, CatalogueError::Syntax(_)),
                "object" => e == CatalogueError::NotObject,
                "lang" => e == CatalogueError::Lang,
                "messages" => e == CatalogueError::Messages,
                _ => matches!(e, CatalogueError::Field(_)),
            };
            assert!(ok, "{text}: {e:?}");
        }
        let big = format!(
            r#"{{"lang": "en", "messages": {{"a": "{}"}}}}"#,
            "x".repeat(MAX_CATALOGUE_BYTES)
        );
        assert_eq!(Catalogue::parse(&big), Err(CatalogueError::TooLarge));
    }
}

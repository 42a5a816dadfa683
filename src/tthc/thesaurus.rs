//! Life situations: what citizens say ("sinh con", "bố mất", "sổ hồng") mapped to what the
//! procedures call it ("khai sinh", "khai tử", "giấy chứng nhận quyền sử dụng đất"), and the life
//! events a citizen can browse when the box is empty ("Sự kiện đời sống").
//!
//! Why it is data and not code: the thesaurus is hundreds of lines that reviewers who know the
//! procedures (not Rust) should read and extend (`data/tinh-huong.tsv`, docs/tinh-huong-format.md),
//! and the search wasm must not carry it (its bundle has no room): the CLI attaches the built-in
//! file with `include_str!`, the widget fetches it from `pkg/` after it is ready and attaches it
//! with [`super::Catalog::set_thesaurus`]. Agencies add their own situations and life events in
//! `tthc.json` (`situations`, `life_events`).
//!
//! The format is one entry per line, tab-separated, `#` comments:
//!
//! ```text
//! sinh con<TAB>đăng ký khai sinh | chế độ thai sản
//! =sổ hồng<TAB>giấy chứng nhận quyền sử dụng đất
//! @Khai sinh<TAB>đăng ký khai sinh | thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi
//! ```
//!
//! A situation line is a phrase and the official wordings it stands for (`|` between them): a
//! reading that uses it needs only those words, the rest of the sentence is context ("vợ tôi mới
//! sinh con"). A line starting with `=` is an everyday word: it is read as its official wordings,
//! and the other words of the query still count ("mất sổ hồng"); the abbreviations and everyday
//! names of the procedures ("cccd", "sổ đỏ", "bằng lái") are such lines. A line starting with `@`
//! is a life event: its name and the terms that find its procedures. A line starting with `~` is a
//! question or filler word ("tôi muốn", "ở đâu"): it says how someone asks, so it weighs little.
//!
//! Everything the engine knows about words is here, none of it in the wasm: the widget's loader
//! fetches `pkg/tinh-huong.tsv` (checked against its hash) together with the data and the view
//! attaches it before it reports ready.

use crate::num::int;
use crate::text::cat;

/// A parsed thesaurus: situations and life events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Thesaurus {
    /// (what people say, what the procedures call it): the phrase carries the query.
    pub situations: Vec<(String, Vec<String>)>,
    /// Everyday words for official ones: the rest of the query still counts.
    pub words: Vec<(String, Vec<String>)>,
    /// Life events, in display order.
    pub events: Vec<EventDef>,
    /// Question and filler words ("tôi muốn", "ở đâu", "làm sao"): they weigh little.
    pub fillers: Vec<String>,
}

/// One life event as the data defines it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventDef {
    /// What the citizen reads ("Khai sinh", "Kết hôn").
    pub name: String,
    /// Search terms whose matches are the event's procedures, in order.
    pub terms: Vec<String>,
}

/// A line of a thesaurus that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThesaurusError {
    /// 1-based line.
    pub line: usize,
    pub detail: &'static str,
}

impl ThesaurusError {
    /// "line 12: …", for messages.
    pub fn message(&self) -> String {
        cat(&["line ", &int(self.line), ": ", self.detail])
    }
}

/// Upper bound on a thesaurus's size (a file attached at run time is data from the network).
const MAX_BYTES: usize = 1 << 20;

impl Thesaurus {
    /// Parses the tab-separated format (see the module docs). Blank lines and `#` comments are
    /// skipped; a line without a tab, with an empty phrase or without any wording is an error
    /// with its line number.
    pub fn parse(text: &str) -> Result<Thesaurus, ThesaurusError> {
        if text.len() > MAX_BYTES {
            return Err(ThesaurusError {
                line: 0,
                detail: "larger than 1 MB",
            });
        }
        let mut out = Thesaurus::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, raw) in crate::text::lines(text).enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |detail| ThesaurusError {
                line: i + 1,
                detail,
            };
            if let Some(f) = line.strip_prefix('~') {
                // Not `clean`: "không" is a filler word, and a placeholder in data.
                let f = f.trim();
                if f.is_empty() {
                    return Err(err("a filler needs a phrase after ~"));
                }
                out.fillers.push(crate::text::nfc(f));
                continue;
            }
            let Some((head, tail)) = crate::text::split_once_ascii(line, b'\t') else {
                return Err(err("expected a tab between the phrase and its meanings"));
            };
            let mut terms: Vec<String> = Vec::new();
            for t in crate::text::split_ascii(tail, b'|') {
                if let Some(c) = super::load::clean(t) {
                    if !terms.contains(&c) {
                        terms.push(c);
                    }
                }
            }
            if terms.is_empty() {
                return Err(err("no meaning after the tab"));
            }
            match head.strip_prefix('@') {
                Some(name) => {
                    let Some(name) = super::load::clean(name) else {
                        return Err(err("a life event needs a name after @"));
                    };
                    out.events.push(EventDef { name, terms });
                }
                None => {
                    let (list, head) = match head.strip_prefix('=') {
                        Some(h) => (&mut out.words, h),
                        None => (&mut out.situations, head),
                    };
                    let Some(phrase) = super::load::clean(head) else {
                        return Err(err("empty phrase"));
                    };
                    list.push((phrase, terms));
                }
            }
        }
        Ok(out)
    }

    /// Adds another thesaurus's entries (an agency's, after the built-in one): situations are
    /// added to the same phrases' meanings, a life event with the same name is replaced.
    pub fn extend(&mut self, other: Thesaurus) {
        self.situations.extend(other.situations);
        self.words.extend(other.words);
        self.fillers.extend(other.fillers);
        for e in other.events {
            match self.events.iter_mut().find(|x| x.name == e.name) {
                Some(x) => *x = e,
                None => self.events.push(e),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.situations.is_empty()
            && self.words.is_empty()
            && self.events.is_empty()
            && self.fillers.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_situations_events_and_errors() {
        let t = Thesaurus::parse("# c\n\nsinh con\tkhai sinh | thai sản |  \n=cà vẹt\tđăng ký xe\n@Khai sinh\tđăng ký khai sinh\n")
            .unwrap_or_default();
        assert_eq!(
            t.situations,
            [(
                "sinh con".to_string(),
                vec!["khai sinh".to_string(), "thai sản".to_string()]
            )]
        );
        assert_eq!(t.words.len(), 1);
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.events[0].name, "Khai sinh");
        assert_eq!(Thesaurus::parse("a b").err().map(|e| e.line), Some(1));
        assert_eq!(Thesaurus::parse("\n\ta\n").err().map(|e| e.line), Some(2));
        assert_eq!(Thesaurus::parse("a\t | ").err().map(|e| e.line), Some(1));
        assert_eq!(Thesaurus::parse("@\tx").err().map(|e| e.line), Some(1));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = Thesaurus::parse(&s);
        }
    }
}

/// The built-in thesaurus (`data/tinh-huong.tsv`): the CLI and the `SearchIndex` API module carry
/// it; a widget's wasm never references it (the linker drops it) and fetches `pkg/tinh-huong.tsv`.
pub const BUILTIN_TSV: &str = include_str!("../../data/tinh-huong.tsv");

/// [`BUILTIN_TSV`] parsed (a test checks that it parses).
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> Thesaurus {
    Thesaurus::parse(BUILTIN_TSV).unwrap_or_default()
}

#[cfg(test)]
mod builtin_tests {
    #[test]
    fn builtin_parses_and_is_broad() {
        let t = super::Thesaurus::parse(super::BUILTIN_TSV);
        assert!(t.as_ref().is_ok(), "{:?}", t.as_ref().err());
        let t = t.unwrap_or_default();
        assert!(
            t.situations.len() + t.words.len() >= 300,
            "{}",
            t.situations.len()
        );
        assert!(t.events.len() >= 12);
    }
}

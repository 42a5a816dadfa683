//! Hỏi đáp: the agency's question-and-answer entries, searched with the procedures.
//!
//! Why it exists: citizens ask questions the procedure list answers only in part ("con ngoài
//! giá thú có ghi tên cha được không"); agencies publish answers to them. Entries come inline in
//! `tthc.json` (`faq`) or from their own file (`faq_url`: `{"version": 1, "faq": [...]}`, attached
//! after load with [`super::Catalog::add_faq`]). They are searched by the same engine over their
//! own small index (the question weighted like a name, the field like lĩnh vực, the answer like a
//! procedure's own words) and returned apart ([`super::SearchResults::faq`]), so procedure results
//! keep their meaning.

use serde::Serialize;

use super::index::Index;
use super::model::{Procedure, Warning, WarningKind};
use crate::contract::{self, DataError, DataErrorKind};
use crate::json::Value;

/// One hỏi đáp entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FaqEntry {
    /// Câu hỏi.
    pub question: String,
    /// Trả lời (plain text; line breaks kept).
    pub answer: String,
    /// Mã thủ tục liên quan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// Lĩnh vực.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A hỏi đáp entry found by a search.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FaqHit {
    /// Position in [`super::Catalog::faq`].
    pub index: usize,
    pub question: String,
    /// The related procedures' codes, as the entry lists them.
    pub codes: Vec<String>,
    /// Relevance (higher is better), rounded to 2 decimals.
    pub score: f64,
    /// Matched syllables in `question` (char ranges).
    pub highlights: Vec<super::Span>,
}

/// The entries and their index.
#[derive(Debug, Default)]
pub(crate) struct Faq {
    pub entries: Vec<FaqEntry>,
    pub index: Index,
}

impl Faq {
    pub fn new(entries: Vec<FaqEntry>) -> Faq {
        let mut docs = Vec::with_capacity(entries.len());
        for e in &entries {
            docs.push(Procedure {
                name: e.question.clone(),
                field: e.field.clone(),
                ..Procedure::default()
            });
        }
        let mut index = Index::build(&docs);
        let mut answers: Vec<(u32, &str)> = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            answers.push((u32::try_from(i).unwrap_or(u32::MAX), &e.answer));
        }
        index.add_terms(&answers);
        Faq { entries, index }
    }
}

/// Reads a hỏi đáp file: `{"version": 1, "faq": [...]}`. Entries that lack a question or an
/// answer are left out with a warning.
pub(crate) fn parse_file(text: &str) -> Result<(Vec<FaqEntry>, Vec<Warning>), DataError> {
    let root = contract::parse_value(text)?;
    let err = |kind, path: &str, detail: &str| DataError {
        kind,
        line: None,
        column: None,
        path: Some(path.to_string()),
        detail: detail.to_string(),
    };
    match root.get("version") {
        Some(Value::Num(n)) if n == "1" => {}
        _ => {
            return Err(err(
                DataErrorKind::Invalid,
                "version",
                "expected \"version\": 1",
            ))
        }
    }
    let Some(list @ Value::Arr(_)) = root.get("faq") else {
        return Err(err(
            DataErrorKind::Shape,
            "faq",
            "expected a list of entries",
        ));
    };
    let mut warnings = Vec::new();
    let entries = entries(list, "faq", &mut warnings);
    Ok((entries, warnings))
}

/// `faq`: a list of `{"question", "answer", "codes", "field"}`; `codes` a list of strings or one
/// comma-joined string.
pub(crate) fn entries(v: &Value, base: &str, warnings: &mut Vec<Warning>) -> Vec<FaqEntry> {
    let mut out = Vec::new();
    let items = match v {
        Value::Arr(items) => items.as_slice(),
        _ => {
            warn(warnings, base.into(), "must be a list");
            &[]
        }
    };
    for (i, item) in items.iter().enumerate() {
        let question = text_of(item, "question");
        let answer = text_of(item, "answer");
        let (Some(question), Some(answer)) = (question, answer) else {
            let path = contract::indexed(base, i);
            warn(warnings, path, "needs a \"question\" and an \"answer\"");
            continue;
        };
        let mut codes: Vec<String> = Vec::new();
        let list = match item.get("codes") {
            Some(Value::Arr(a)) => a.as_slice(),
            Some(one) => std::slice::from_ref(one),
            None => &[],
        };
        for c in list {
            for code in c.as_str().unwrap_or("").split([',', ';', ' ', '\n']) {
                if !code.is_empty() && !codes.iter().any(|x| x == code) {
                    codes.push(code.to_string());
                }
            }
        }
        out.push(FaqEntry {
            question,
            answer,
            codes,
            field: text_of(item, "field"),
        });
    }
    out
}

/// A cleaned text member (lines kept).
fn text_of(item: &Value, key: &str) -> Option<String> {
    item.get(key)
        .and_then(Value::as_str)
        .and_then(super::load::clean_text)
}

#[inline(never)]
fn warn(warnings: &mut Vec<Warning>, path: String, detail: &str) {
    warnings.push(Warning {
        kind: WarningKind::ValueIgnored,
        line: None,
        path,
        detail: detail.into(),
    });
}

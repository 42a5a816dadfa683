//! The published answers (`phan-anh-da-tra-loi.json`, docs/phan-anh-da-tra-loi-format.md), read
//! for the `<cchc-feedback-answers>` widget: the model with located errors, a small search index
//! of its own, filters and the reference-number lookup.
//!
//! Why its own index and not `tthc::Catalog`: the widget's bundle must stay small (≤ 90 KB gzip)
//! and answered feedback is a few hundred short texts. It reuses the one Vietnamese normaliser
//! (`crate::text`: tokens with exact and folded keys, regional variants, one-edit typos, Telex
//! leftovers) and the ranking ideas of `tthc::rank` (BM25-style idf, field weights, every word
//! required when some item has them all, exact diacritics preferred when the citizen typed them)
//! over a sorted vocabulary searched by bisection (no hash map code in the wasm).
//!
//! Plain Rust, no clock, no `format!`, no panics on any input: the CLI's tests drive it natively.

use crate::contract::{self, DataError};
use crate::i18n::Lang;
use crate::json::Value;
use crate::text;

mod index;
#[cfg(test)]
mod tests;

pub use index::{Query, Results};

/// The `format` of the published file.
pub const FORMAT: &str = "cchc-phan-anh-da-tra-loi";

/// One published answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// `PAKN-YYYY-NNNNNN`, as written in the file.
    pub reference: String,
    /// Received and answered days, `yyyy-mm-dd` as in the file (`answered` checked).
    pub received: String,
    pub answered: String,
    /// The year of `answered` (the year filter).
    pub year: u16,
    pub status: String,
    pub status_label: String,
    pub subject: String,
    pub content: String,
    /// Lĩnh vực (the form's category field).
    pub field: String,
    pub answer: String,
    pub agency: String,
    /// The other public fields: (label, value), in file order.
    pub extra: Vec<(String, String)>,
    /// [`reference_key`] of `reference`.
    key: String,
}

/// The file, read and indexed.
#[derive(Debug, Default)]
pub struct Answers {
    pub title: String,
    pub published_on: String,
    /// Newest answer first.
    pub items: Vec<Item>,
    index: index::Index,
}

/// At most this many problems are listed in one error (the count says how many more).
const MAX_LISTED: usize = 30;

impl Answers {
    /// Reads the published file. Every problem is located (line:column for syntax, the JSON path
    /// otherwise) and all of them are returned, so the webmaster fixes the file in one pass.
    pub fn parse(text: &str) -> Result<Answers, Vec<DataError>> {
        let root = contract::parse_value(text).map_err(|e| vec![e])?;
        if !matches!(root, Value::Obj(_)) {
            return Err(vec![DataError::shape("", "expected an object")]);
        }
        let mut errors = Vec::new();
        match root.get("format") {
            None => {}
            Some(Value::Str(f)) if f == FORMAT => {}
            Some(_) => errors.push(DataError::invalid(
                "format",
                text::cat(&["expected \"", FORMAT, "\""]),
            )),
        }
        match root.get("version") {
            Some(Value::Num(n)) if n == "1" => {}
            _ => {
                return Err(vec![DataError::invalid(
                    "version",
                    "the supported version is 1",
                )])
            }
        }
        let Some(list) = root.get("items").and_then(Value::as_array) else {
            errors.push(DataError::shape("items", "expected a list of answers"));
            return Err(errors);
        };
        let mut items = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let path = contract::indexed("items", i);
            if let Some(item) = read_item(v, &path, &mut errors) {
                if items.iter().any(|o: &Item| o.key == item.key) {
                    errors.push(DataError::invalid(
                        contract::sub_path(&path, "reference"),
                        "repeated reference",
                    ));
                }
                items.push(item);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // Newest answer first, whatever the file's order (the writer already sorts so).
        crate::sort::sort_by(&mut items, |a, b| {
            b.answered
                .cmp(&a.answered)
                .then_with(|| b.reference.cmp(&a.reference))
        });
        let index = index::Index::build(&items);
        Ok(Answers {
            title: str_of(&root, "title"),
            published_on: str_of(&root, "published_on"),
            items,
            index,
        })
    }

    /// The item whose reference number is `typed` (with or without dashes, any case).
    pub fn find_reference(&self, typed: &str) -> Option<usize> {
        let key = reference_key(typed)?;
        self.items.iter().position(|i| i.key == key)
    }

    /// Searches and filters; see [`Query`].
    pub fn search(&self, q: &Query) -> Results {
        index::search(self, q)
    }

    /// Every field (lĩnh vực) with its number of items, most items first, then by name.
    pub fn fields(&self) -> Vec<(String, usize)> {
        facet(self.items.iter().map(|i| i.field.as_str()))
    }

    /// Every answering agency with its number of items.
    pub fn agencies(&self) -> Vec<(String, usize)> {
        facet(self.items.iter().map(|i| i.agency.as_str()))
    }

    /// The years answers were given in, newest first, with their number of items.
    pub fn years(&self) -> Vec<(u16, usize)> {
        let mut out: Vec<(u16, usize)> = Vec::new();
        for i in &self.items {
            match out.iter_mut().find(|(y, _)| *y == i.year) {
                Some((_, n)) => *n += 1,
                None => out.push((i.year, 1)),
            }
        }
        crate::sort::sort_by(&mut out, |a, b| b.0.cmp(&a.0));
        out
    }
}

fn facet<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for v in values.filter(|v| !v.is_empty()) {
        match out.iter_mut().find(|(x, _)| x == v) {
            Some((_, n)) => *n += 1,
            None => out.push((v.to_string(), 1)),
        }
    }
    crate::sort::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// One problem list as the shell's one error: the first problem's place, every problem (up to
/// [`MAX_LISTED`]) one per line in the detail.
pub fn combined_error(errors: &[DataError], lang: Lang) -> DataError {
    let Some(first) = errors.first() else {
        return DataError::invalid("", "");
    };
    if errors.len() == 1 {
        return first.clone();
    }
    let mut detail = tr!(lang, "{n} lỗi", "{n} problems", n = errors.len());
    for e in errors.iter().take(MAX_LISTED) {
        detail.push_str("\n• ");
        detail.push_str(&e.message(lang));
    }
    if errors.len() > MAX_LISTED {
        detail.push_str("\n… ");
        detail.push_str(&tr!(
            lang,
            "{n} lỗi khác",
            "{n} more",
            n = errors.len() - MAX_LISTED
        ));
    }
    DataError {
        kind: first.kind.clone(),
        line: first.line,
        column: first.column,
        path: first.path.clone(),
        detail,
    }
}

fn str_of(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// One item; `None` (with its problems pushed) when it cannot be shown.
fn read_item(v: &Value, path: &str, errors: &mut Vec<DataError>) -> Option<Item> {
    if !matches!(v, Value::Obj(_)) {
        errors.push(DataError::shape(path, "expected an object"));
        return None;
    }
    let before = errors.len();
    let mut need = |key: &str| -> String {
        match v.get(key) {
            Some(Value::Str(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Str(_)) => {
                errors.push(DataError::invalid(contract::sub_path(path, key), "empty"));
                String::new()
            }
            Some(_) => {
                errors.push(DataError::shape(
                    contract::sub_path(path, key),
                    "expected a string",
                ));
                String::new()
            }
            None => {
                errors.push(DataError::shape(
                    contract::sub_path(path, key),
                    "missing (a string is required)",
                ));
                String::new()
            }
        }
    };
    let reference = need("reference");
    let answered = need("answered");
    let answer = need("answer");
    let mut year = 0;
    let key = reference_key(&reference).unwrap_or_default();
    if !reference.is_empty() && key.is_empty() {
        errors.push(DataError::invalid(
            contract::sub_path(path, "reference"),
            "expected PAKN-YYYY-NNNNNN",
        ));
    }
    if !answered.is_empty() {
        match crate::date::Date::parse_iso(&answered) {
            Some(d) => year = u16::try_from(d.year()).unwrap_or(0),
            None => errors.push(DataError::invalid(
                contract::sub_path(path, "answered"),
                "expected a yyyy-mm-dd date",
            )),
        }
    }
    for key in [
        "received",
        "subject",
        "content",
        "field",
        "answering_agency",
    ] {
        if v.get(key)
            .is_some_and(|x| !matches!(x, Value::Str(_) | Value::Null))
        {
            errors.push(DataError::shape(
                contract::sub_path(path, key),
                "expected a string",
            ));
        }
    }
    let (subject, content, field) = (
        str_of(v, "subject"),
        str_of(v, "content"),
        str_of(v, "field"),
    );
    // The other public fields; the writer also lists there the subject, content and field it
    // already wrote as such (shown once).
    let mut extra = Vec::new();
    if let Some(Value::Obj(fields)) = v.get("fields") {
        for (_, f) in fields {
            let (l, val) = (str_of(f, "label"), str_of(f, "value"));
            if !l.is_empty() && !val.is_empty() && ![&subject, &content, &field].contains(&&val) {
                extra.push((l, val));
            }
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(Item {
        reference,
        received: str_of(v, "received"),
        answered,
        year,
        status: str_of(v, "status"),
        status_label: str_of(v, "status_label"),
        subject,
        content,
        field,
        answer,
        agency: str_of(v, "answering_agency"),
        extra,
        key,
    })
}

/// The canonical `PAKN-YYYY-NNNNNN` of a typed reference (`pakn2026000123`, `PAKN-2026-123`,
/// ` PAKN 2026 000123 `), or `None` when it is not one.
pub fn reference_key(typed: &str) -> Option<String> {
    let t = typed.trim();
    let mut letters = String::new();
    let mut groups: Vec<String> = Vec::new();
    let mut digits = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            if letters.len() < 4 {
                return None;
            }
            digits.push(c);
        } else if c.is_ascii_alphabetic() && digits.is_empty() && groups.is_empty() {
            letters.push(c.to_ascii_uppercase());
        } else if matches!(c, '-' | ' ' | '_' | '.' | '/') {
            if !digits.is_empty() {
                groups.push(std::mem::take(&mut digits));
            }
        } else {
            return None;
        }
    }
    if !digits.is_empty() {
        groups.push(digits);
    }
    if letters != "PAKN" {
        return None;
    }
    let (year, number) = match groups.as_slice() {
        [one] if one.len() > 4 && one.len() <= 10 => (one.get(..4)?, one.get(4..)?),
        [y, n] if y.len() == 4 && !n.is_empty() && n.len() <= 6 => (y.as_str(), n.as_str()),
        _ => return None,
    };
    let mut out = text::cat(&["PAKN-", year, "-"]);
    for _ in number.len()..6 {
        out.push('0');
    }
    out.push_str(number);
    Some(out)
}

/// Whether `s` looks like the start of a reference number being typed (`PAKN`, `pakn-20`): the
/// view then waits for the whole number instead of searching the words.
pub fn looks_like_reference(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 4
        && t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("pakn"))
        && t.bytes()
            .skip(4)
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b' ' | b'_' | b'.' | b'/'))
}

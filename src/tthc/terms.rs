//! The procedure's own words: compact terms from its details, searched below the name.
//!
//! Why it exists: citizens describe who they are and what they have ("người dưới 14 tuổi",
//! "giấy chứng sinh", "hộ nghèo"), words the names rarely carry but the details (đối tượng thực
//! hiện, yêu cầu điều kiện, thành phần hồ sơ) do. The details are fetched only when a procedure is
//! opened, so `cchc import tthc` and the demo generator derive a few distinctive two-syllable
//! terms per procedure ([`derive`], native only) into a terms file (`tthc-tu-khoa.json`, named by
//! `terms_url` in `tthc.json`), which the widget loads after it is ready and the CLI at load; the
//! catalogue adds them to its index in place ([`super::Catalog::add_terms`]).
//!
//! The file: `{"version": 1, "terms": {"1.001193": "giấy chứng sinh|trẻ em|cha mẹ", ...}}`, terms
//! separated by `|` (a list of strings is read too). Unknown keys are ignored.

use crate::contract::{self, DataError, DataErrorKind};
use crate::json::Value;
use crate::text::cat;

/// Reads a terms file: (procedure code, terms joined by `|`).
pub(crate) fn parse(text: &str) -> Result<Vec<(String, String)>, DataError> {
    let root = contract::parse_value(text)?;
    let shape = |path: &str, detail: &str| DataError {
        kind: DataErrorKind::Shape,
        line: None,
        column: None,
        path: (!path.is_empty()).then(|| path.to_string()),
        detail: detail.to_string(),
    };
    match root.get("version") {
        Some(Value::Num(n)) if n == "1" => {}
        _ => {
            return Err(DataError {
                kind: DataErrorKind::Invalid,
                ..shape("version", "expected \"version\": 1")
            })
        }
    }
    let Some(Value::Obj(members)) = root.get("terms") else {
        return Err(shape("terms", "expected an object from code to terms"));
    };
    let mut out = Vec::with_capacity(members.len());
    for (code, v) in members {
        let terms = match v {
            Value::Str(s) => s.clone(),
            Value::Arr(items) => {
                let mut joined = String::new();
                for item in items {
                    if let Some(s) = item.as_str() {
                        if !joined.is_empty() {
                            joined.push('|');
                        }
                        joined.push_str(s);
                    }
                }
                joined
            }
            Value::Null => continue,
            _ => {
                let path = cat(&["terms.", code]);
                return Err(shape(&path, "expected a string or a list of strings"));
            }
        };
        out.push((code.clone(), terms));
    }
    Ok(out)
}

/// At most this many terms per procedure.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_TERMS: usize = 12;

/// Function words: never half of a term (compared on the exact spelling, so "cửa" stays).
#[cfg(not(target_arch = "wasm32"))]
const STOP: &[&str] = &[
    "của",
    "và",
    "các",
    "có",
    "được",
    "cho",
    "theo",
    "với",
    "trong",
    "đối",
    "hoặc",
    "là",
    "những",
    "tại",
    "khi",
    "thì",
    "này",
    "đó",
    "về",
    "để",
    "từ",
    "đã",
    "bị",
    "do",
    "một",
    "không",
    "phải",
    "nếu",
    "đến",
    "ra",
    "vào",
    "trên",
    "dưới",
    "sau",
    "trước",
    "như",
    "mà",
    "nào",
    "gì",
    "số",
    "ngày",
    "tháng",
    "năm",
    "bản",
    "chính",
    "sao",
    "mẫu",
    "tên",
    "lượng",
    "kèm",
    "ban",
    "hành",
    "thông",
    "tư",
    "nghị",
    "định",
    "quy",
    "điều",
    "khoản",
    "luật",
    "cần",
    "thể",
    "còn",
    "đây",
    "kể",
    "cả",
    "gồm",
    "bao",
    "ai",
    "người",
    "trường",
    "hợp",
    "đồng",
    "thời",
    "hoặc",
    "nộp",
    "xuất",
    "trình",
    "bộ",
    "hồ",
    "sơ",
    "tờ",
    "khai",
    "đơn",
    "văn",
    "bằng",
    "cũng",
    "vẫn",
    "nơi",
];

/// Derives each procedure's terms from its details: two-syllable runs of content words in the
/// audience, conditions and documents, scored by how often the procedure says them and how few
/// procedures do (at least two: a term of one procedure only is mostly a scraping artefact),
/// without the pairs whose words the name already has, at most [`MAX_TERMS`], in score order.
/// `details(i)` gives procedure `i`'s details (inline or from its file). Returns (code, terms
/// joined by `|`) for the procedures that have any, in catalogue order.
#[cfg(not(target_arch = "wasm32"))]
pub fn derive<'a>(
    procs: &[super::Procedure],
    details: &dyn Fn(usize) -> Option<&'a super::Details>,
) -> Vec<(String, String)> {
    use std::collections::HashMap;
    let n = procs.len();
    // Per procedure: folded pair → (count, exact spelling).
    let mut per: Vec<HashMap<String, (u32, String)>> = Vec::with_capacity(n);
    let mut df: HashMap<String, u32> = HashMap::new();
    // Corpus counts of content syllables and pairs: a pair is a word when its syllables occur
    // mostly together ("khiếu nại"), not when it straddles two words ("việc khiếu").
    let mut single: HashMap<String, u32> = HashMap::new();
    let mut paired: HashMap<String, u32> = HashMap::new();
    for (i, p) in procs.iter().enumerate() {
        let mut name_words: Vec<String> = Vec::new();
        for t in crate::text::tokenize(&p.name) {
            name_words.push(t.folded);
        }
        let mut found: HashMap<String, (u32, String)> = HashMap::new();
        if let Some(d) = details(i) {
            let texts = d.audience.iter().chain(&d.conditions).chain(&d.documents);
            for text in texts {
                for t in crate::text::tokenize(text) {
                    *single.entry(t.folded).or_insert(0) += 1;
                }
                pairs_of(text, &mut |folded, exact| {
                    *paired.entry(folded.to_string()).or_insert(0) += 1;
                    let mut halves = folded.split(' ');
                    let named = halves.all(|h| name_words.iter().any(|w| w == h));
                    if !named {
                        let e = found.entry(folded.to_string()).or_insert((0, exact));
                        e.0 += 1;
                    }
                });
            }
        }
        for k in found.keys() {
            *df.entry(k.clone()).or_insert(0) += 1;
        }
        per.push(found);
    }
    // Boilerplate of the documents lists ("bản chính", "tờ khai") is in many procedures.
    let max_df = (n / 40).max(4) as u32;
    let mut out = Vec::new();
    for (p, found) in procs.iter().zip(per) {
        let mut scored: Vec<(f32, String, String)> = Vec::new();
        for (k, (count, exact)) in found {
            let d = df.get(&k).copied().unwrap_or(0);
            if d < 2 || d > max_df || dice(&k, &single, &paired) < MIN_DICE {
                continue;
            }
            let idf = (n as f32 / d as f32).ln();
            let tf = 1.0 + (count.min(4) as f32).ln();
            scored.push((tf * idf, k, exact));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.truncate(MAX_TERMS);
        if scored.is_empty() {
            continue;
        }
        let mut joined = String::new();
        for (_, _, exact) in &scored {
            if !joined.is_empty() {
                joined.push('|');
            }
            joined.push_str(exact);
        }
        out.push((p.code.clone(), joined));
    }
    out
}

/// How strongly a pair's syllables go together: the pair's count over the rarer syllable's (a
/// word's rare half seldom goes elsewhere: "khiếu" is nearly always "khiếu nại", while "việc
/// khiếu" is a small part of "khiếu").
#[cfg(not(target_arch = "wasm32"))]
fn dice(
    pair: &str,
    single: &std::collections::HashMap<String, u32>,
    paired: &std::collections::HashMap<String, u32>,
) -> f32 {
    let mut halves = pair.split(' ');
    let (Some(a), Some(b)) = (halves.next(), halves.next()) else {
        return 0.0;
    };
    let count = |w: &str| single.get(w).copied().unwrap_or(0) as f32;
    let both = paired.get(pair).copied().unwrap_or(0) as f32;
    both / count(a).min(count(b)).max(1.0)
}

/// The least [`dice`] of a term.
#[cfg(not(target_arch = "wasm32"))]
const MIN_DICE: f32 = 0.3;

/// Calls `f(folded, exact)` for each adjacent pair of content syllables of `text` that no
/// punctuation, number or glued word separates.
#[cfg(not(target_arch = "wasm32"))]
fn pairs_of(text: &str, f: &mut dyn FnMut(&str, String)) {
    let tokens = crate::text::tokenize(text);
    let mut prev: Option<&crate::text::Token> = None;
    let mut prev_end = 0usize;
    for t in &tokens {
        let raw = text.get(t.bytes.clone()).unwrap_or("");
        let gap = text.get(prev_end..t.bytes.start).unwrap_or("");
        prev_end = t.bytes.end;
        let word = is_syllable(raw, &t.folded) && !STOP.contains(&t.exact.as_str());
        let joined = gap.bytes().all(|b| b == b' ');
        if let (Some(a), true, true) = (prev, word, joined) {
            let folded = cat(&[&a.folded, " ", &t.folded]);
            let exact = cat(&[&a.exact, " ", &t.exact]);
            f(&folded, exact);
        }
        prev = word.then_some(t);
    }
}

/// A Vietnamese syllable as written: letters only, at most 7 of them folded, no capital inside
/// (the portal glues table cells: "tờMẫu").
#[cfg(not(target_arch = "wasm32"))]
fn is_syllable(raw: &str, folded: &str) -> bool {
    let len = folded.len();
    (2..=7).contains(&len)
        && folded.bytes().all(|b| b.is_ascii_lowercase())
        && !raw.chars().skip(1).any(char::is_uppercase)
}

/// The terms file's text: `{"version":1,"terms":{code: terms, ...}}`, one procedure per line.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(terms: &[(String, String)]) -> String {
    let mut out = String::from("{\"version\":1,\"terms\":{");
    for (i, (code, t)) in terms.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&crate::json::quoted(code));
        out.push(':');
        out.push_str(&crate::json::quoted(t));
    }
    out.push_str("\n}}\n");
    out
}

//! From what a citizen typed to what the index is asked: readings, slots and alternatives.
//!
//! A query becomes one or more *readings* (the text as typed, plus one per dictionary match:
//! "cấp lại cccd" is also read as "cấp lại thẻ căn cước"). A reading is a row of *slots*, one per
//! syllable; each slot accepts several index terms with a weight: the syllable itself, its regional
//! or one-edit corrections when it is unknown or makes no known pair with its neighbour, its Telex
//! decoding, and, for the last syllable while typing, every known syllable it begins.

use std::collections::HashMap;

use super::dict;
use super::index::{pair_key, Index};
use crate::text::{self, Token};

/// At most this many syllables of a query are used (a 10,000-character paste stays fast).
const MAX_TOKENS: usize = 16;
/// At most this many readings.
const MAX_READINGS: usize = 8;

/// One index term a slot accepts.
#[derive(Clone, Debug)]
pub(crate) struct Alt {
    pub term: u32,
    pub weight: f32,
    /// The exact spelling the user typed (when typed with diacritics), to prefer exact matches.
    pub exact: Option<u32>,
    /// Whether the exact spelling is wanted but absent from the index.
    pub exact_unknown: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub alts: Vec<Alt>,
    /// Fillers ("làm", "thủ tục") weigh little and are not required.
    pub weight: f32,
    pub required: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Reading {
    pub slots: Vec<Slot>,
    pub weight: f32,
}

/// The parsed query.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parsed {
    pub readings: Vec<Reading>,
    /// Documents whose code the query names (exactly, or by prefix while typing).
    pub codes: Vec<(u32, f32)>,
    pub tokens: Vec<Token>,
}

/// The dictionary, keyed by folded phrase.
#[derive(Debug, Default)]
pub(crate) struct Dictionary {
    pub entries: HashMap<String, Vec<Vec<Token>>>,
    pub max_len: usize,
    fillers_exact: Vec<String>,
    fillers_folded: Vec<String>,
}

/// Folded fillers that are also content words when typed without diacritics (cần/căn, có/cơ).
const AMBIGUOUS_FILLERS: [&str; 11] = [
    "can", "co", "de", "noi", "mat", "phi", "tien", "em", "toi", "cho", "la",
];

impl Dictionary {
    pub fn new(extra: &[(String, Vec<String>)]) -> Dictionary {
        let mut d = Dictionary::default();
        for (k, vs) in dict::BUILTIN {
            d.add(k, vs.iter().map(|s| s.to_string()));
        }
        for (k, vs) in extra {
            d.add(k, vs.iter().cloned());
        }
        for f in dict::FILLERS {
            let t = text::tokenize(f);
            d.fillers_exact.push(
                t.iter()
                    .map(|t| t.exact.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            d.fillers_folded.push(
                t.iter()
                    .map(|t| t.folded.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        d
    }

    fn add(&mut self, key: &str, values: impl Iterator<Item = String>) {
        let k = text::tokenize(key);
        if k.is_empty() {
            return;
        }
        let folded = k
            .iter()
            .map(|t| t.folded.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        self.max_len = self.max_len.max(k.len());
        let list = self.entries.entry(folded).or_default();
        for v in values {
            let t = text::tokenize(&v);
            if !t.is_empty() && !list.contains(&t) {
                list.push(t);
            }
        }
    }

    /// Length (in tokens) of the filler starting at `i`, if any.
    fn filler_at(&self, tokens: &[Token], i: usize) -> usize {
        for len in [3usize, 2, 1] {
            let Some(window) = tokens.get(i..i + len) else {
                continue;
            };
            let marked = window.iter().any(|t| t.exact != t.folded);
            let exact = window
                .iter()
                .map(|t| t.exact.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let folded = window
                .iter()
                .map(|t| t.folded.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let hit = if marked {
                self.fillers_exact.contains(&exact)
            } else {
                self.fillers_folded.contains(&folded)
                    && !AMBIGUOUS_FILLERS.contains(&folded.as_str())
            };
            if hit {
                return len;
            }
        }
        0
    }
}

fn looks_like_code(t: &Token) -> bool {
    t.folded.contains('.') && t.folded.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Parses `q` against the index. `typing` = the last syllable may be incomplete.
pub(crate) fn parse(ix: &Index, dict: &Dictionary, q: &str, typing: bool) -> Parsed {
    let mut tokens = text::tokenize(q);
    tokens.truncate(MAX_TOKENS);
    let mut parsed = Parsed::default();
    let last = tokens.len().saturating_sub(1);
    let mut words: Vec<Token> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if looks_like_code(t)
            || (t.folded.len() >= 5 && t.folded.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        {
            codes_for(ix, t, typing && i == last, &mut parsed.codes);
            if !parsed.codes.is_empty() {
                continue;
            }
        }
        words.push(t.clone());
    }
    let typing_last = typing && tokens.last().is_some_and(|t| words.last() == Some(t));
    let base = reading(ix, dict, &words, typing_last, 1.0);
    let mut readings = vec![base];
    for (start, len, expansions) in dictionary_matches(dict, &words) {
        for exp in expansions {
            if readings.len() >= MAX_READINGS {
                break;
            }
            let mut w: Vec<Token> = words.get(..start).unwrap_or(&[]).to_vec();
            w.extend(exp.iter().cloned());
            w.extend(words.get(start + len..).unwrap_or(&[]).iter().cloned());
            let typing_here = typing_last && start + len < words.len();
            readings.push(reading(ix, dict, &w, typing_here, 0.97));
        }
    }
    parsed.readings = readings
        .into_iter()
        .filter(|r| !r.slots.is_empty())
        .collect();
    parsed.tokens = tokens;
    parsed
}

fn codes_for(ix: &Index, t: &Token, typing: bool, out: &mut Vec<(u32, f32)>) {
    let key = t.folded.as_str();
    let start = ix.codes.partition_point(|(c, _)| c.as_str() < key);
    for (c, doc) in ix
        .codes
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|(c, _)| c.starts_with(key))
    {
        if c == key {
            out.push((*doc, 1000.0));
        } else if typing
            || c.get(key.len()..)
                .is_some_and(|rest| !rest.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            out.push((*doc, 500.0));
        }
        if out.len() >= 50 {
            break;
        }
    }
}

/// (start, length, expansions) of dictionary phrases found in the tokens, longest first.
fn dictionary_matches<'a>(
    dict: &'a Dictionary,
    words: &[Token],
) -> Vec<(usize, usize, &'a Vec<Vec<Token>>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut found = None;
        for len in (1..=dict.max_len.min(words.len() - i)).rev() {
            let Some(w) = words.get(i..i + len) else {
                continue;
            };
            let key = w
                .iter()
                .map(|t| t.folded.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(e) = dict.entries.get(&key) {
                found = Some((i, len, e));
                break;
            }
        }
        match found {
            Some(m) => {
                i += m.1;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

fn reading(
    ix: &Index,
    dict: &Dictionary,
    words: &[Token],
    typing_last: bool,
    weight: f32,
) -> Reading {
    let mut slots: Vec<Slot> = Vec::with_capacity(words.len());
    let mut filler_left = 0;
    for (i, t) in words.iter().enumerate() {
        if filler_left == 0 {
            filler_left = dict.filler_at(words, i);
        }
        let is_filler = filler_left > 0;
        filler_left = filler_left.saturating_sub(1);
        let last = typing_last && i + 1 == words.len();
        slots.push(Slot {
            alts: alternatives(ix, t, last),
            weight: if is_filler { 0.25 } else { 1.0 },
            required: !is_filler,
        });
    }
    if !slots.iter().any(|s| s.required) {
        for s in &mut slots {
            s.required = true;
            s.weight = 1.0;
        }
    }
    promote_by_pairs(ix, &mut slots);
    Reading { slots, weight }
}

fn alternatives(ix: &Index, t: &Token, typing: bool) -> Vec<Alt> {
    let marked = t.exact != t.folded;
    let exact = marked
        .then(|| ix.exact_ids.get(&t.exact).copied())
        .flatten();
    let mut alts = Vec::new();
    let push = |alts: &mut Vec<Alt>, term: u32, weight: f32, exact: Option<u32>, unknown: bool| {
        if let Some(a) = alts.iter_mut().find(|a: &&mut Alt| a.term == term) {
            a.weight = a.weight.max(weight);
        } else {
            alts.push(Alt {
                term,
                weight,
                exact,
                exact_unknown: unknown,
            });
        }
    };
    let known = ix.term_ids.get(&t.folded).copied();
    if let Some(id) = known {
        push(&mut alts, id, 1.0, exact, marked && exact.is_none());
    }
    if !marked {
        if let Some(decoded) = text::telex_decode(&t.folded) {
            let dt = text::tokenize(&decoded);
            if let Some(d) = dt.first() {
                if let Some(&id) = ix.term_ids.get(&d.folded) {
                    push(
                        &mut alts,
                        id,
                        0.95,
                        ix.exact_ids.get(&d.exact).copied(),
                        false,
                    );
                }
            }
        }
    }
    let fallback = if known.is_some() { 0.4 } else { 0.8 };
    for v in text::regional_variants(&t.folded) {
        if let Some(&id) = ix.term_ids.get(&v) {
            push(&mut alts, id, fallback, None, false);
        }
    }
    if known.is_none() && t.folded.chars().count() >= 3 {
        for (id, key) in ix.terms.iter().enumerate() {
            if key.len().abs_diff(t.folded.len()) <= 1 && text::within_one_edit(key, &t.folded) {
                push(&mut alts, id as u32, 0.7, None, false);
            }
        }
    }
    if typing {
        for id in ix.with_prefix(&t.folded, 40) {
            let extra = ix.term(id).len().saturating_sub(t.folded.len()) as f32;
            push(&mut alts, id, 0.85 / (1.0 + 0.15 * extra), None, false);
        }
    }
    alts
}

/// A weak alternative that forms a known pair with its neighbour is probably what was meant
/// ("sây dựng" → xây dựng, "ket hom" → kết hôn): it is promoted.
fn promote_by_pairs(ix: &Index, slots: &mut [Slot]) {
    for i in 1..slots.len() {
        let (Some(a), Some(b)) = (slots.get(i - 1), slots.get(i)) else {
            continue;
        };
        let strong = |s: &Slot| {
            s.alts
                .iter()
                .filter(|x| x.weight >= 0.95)
                .map(|x| x.term)
                .collect::<Vec<_>>()
        };
        let (sa, sb) = (strong(a), strong(b));
        let strong_pair = sa
            .iter()
            .any(|&x| sb.iter().any(|&y| ix.pairs.contains_key(&pair_key(x, y))));
        if strong_pair {
            continue;
        }
        let mut promote: Vec<(usize, u32)> = Vec::new();
        for x in &a.alts {
            for y in &b.alts {
                if ix.pairs.contains_key(&pair_key(x.term, y.term)) {
                    promote.push((i - 1, x.term));
                    promote.push((i, y.term));
                }
            }
        }
        for &(si, term) in &promote {
            if let Some(alt) = slots
                .get_mut(si)
                .and_then(|s| s.alts.iter_mut().find(|a| a.term == term))
            {
                alt.weight = alt.weight.max(0.85);
            }
        }
        // The pair tells which reading was meant: the other guesses for those slots fade.
        let mut faded: Vec<usize> = Vec::new();
        for &(si, _) in &promote {
            if faded.contains(&si) {
                continue;
            }
            faded.push(si);
            if let Some(s) = slots.get_mut(si) {
                for alt in s
                    .alts
                    .iter_mut()
                    .filter(|a| a.weight < 0.75 && !promote.contains(&(si, a.term)))
                {
                    alt.weight *= 0.4;
                }
            }
        }
    }
}

//! From what a citizen typed to what the index is asked: readings, slots and alternatives.
//!
//! A query becomes one or more *readings* (the text as typed, plus one per dictionary match:
//! "cấp lại cccd" is also read as "cấp lại thẻ căn cước"). A reading is a row of *slots*, one per
//! syllable; each slot accepts several index terms with a weight: the syllable itself, its regional
//! or one-edit corrections when it is unknown or makes no known pair with its neighbour, its Telex
//! decoding, and, for the last syllable while typing, every known syllable it begins.
//!
//! Dictionary phrases are also found in a regional spelling ("xổ đỏ"), several matches combine
//! into one reading ("làm lại cccd bị mất"), and an acronym's expansion weighs as much as the one
//! word typed (BHYT = bảo hiểm y tế, so titles that write "thẻ BHYT" are not outscored by the
//! longer expansion). Fillers stay in the query at a low weight; "làm"/"xin" also accept "cấp", so
//! "làm cccd" leans to a first card through the pair "cấp thẻ". Hỏi/ngã are interchangeable for
//! exact matching ("thũ tục", "đỗi"), numbers compare by value ("02" = "2"), and an unknown word
//! made of two known syllables that form a known pair is split ("dangky").

use super::dict;
use super::index::{Index, Keyed};
use crate::text::{self, Token};

/// At most this many syllables of a query are used (a 10,000-character paste stays fast).
const MAX_TOKENS: usize = 16;
/// At most this many syllables in a life situation's official wording.
const MAX_EXPANSION: usize = 32;
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
    pub entries: Keyed<Vec<Vec<Token>>>,
    /// Life situations ([`super::Thesaurus`]): a reading that uses one of these needs only the
    /// official words it stands for; the rest of the sentence ("vợ tôi mới …") is context.
    pub situations: Keyed<Vec<Vec<Token>>>,
    pub max_len: usize,
    fillers_exact: Vec<String>,
    fillers_folded: Vec<String>,
    /// Folded filler verb → folded term it stands for.
    pub verbs: Vec<(String, String)>,
}

/// A single word without any of the vowels a, e, i, o, u (BHXH, CCCD, GPLX, HTX, ĐKKD): an
/// acronym, never a Vietnamese syllable.
fn is_acronym(key: &str) -> bool {
    let f = text::fold(key);
    f.len() >= 2
        && f.bytes().all(|b| b.is_ascii_alphabetic())
        && !f
            .bytes()
            .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
}

/// Folded fillers that are also content words when typed without diacritics (cần/căn, có/cơ).
/// The tokens joined by single spaces: folded, or exact with ngã read as hỏi.
#[inline(never)]
fn spaced(tokens: &[Token], exact: bool) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if exact {
            out.push_str(&text::nga_as_hoi(&t.exact));
        } else {
            out.push_str(&t.folded);
        }
    }
    out
}

const AMBIGUOUS_FILLERS: [&str; 10] = [
    "can", "co", "de", "noi", "mat", "phi", "tien", "em", "toi", "la",
];

impl Dictionary {
    /// The thesaurus's everyday words and the agency's synonyms (`extra`), its situations and
    /// its question and filler words ([`super::Thesaurus`]). Acronyms the data itself uses
    /// ("sổ BHXH", "thẻ BHYT") are also entered the other way round, so that a query spelling
    /// them out ("sổ bảo hiểm xã hội") finds the titles that abbreviate.
    pub fn new(
        ix: &Index,
        extra: &[(String, Vec<String>)],
        situations: &[(String, Vec<String>)],
        fillers: &[String],
    ) -> Dictionary {
        let mut d = Dictionary::default();
        let mut reverse: Vec<(String, String)> = Vec::new();
        for (k, vs) in extra {
            d.add_entry(ix, k, vs, &mut reverse);
        }
        for (phrase, acronym) in reverse {
            d.add(&phrase, std::slice::from_ref(&acronym));
        }
        for (k, vs) in situations {
            let key = text::tokenize(k);
            if key.is_empty() || key.len() > MAX_TOKENS {
                continue;
            }
            d.max_len = d.max_len.max(key.len());
            let mut list: Vec<Vec<Token>> = Vec::new();
            for v in vs {
                let t = text::tokenize(v);
                if !t.is_empty() && t.len() <= MAX_EXPANSION && !list.contains(&t) {
                    list.push(t);
                }
            }
            if !list.is_empty() {
                let into = d.situations.slot(spaced(&key, false));
                for t in list {
                    if !into.contains(&t) {
                        into.push(t);
                    }
                }
            }
        }
        for (verb, meant) in dict::VERBS {
            d.verbs.push((text::fold(verb), text::fold(meant)));
        }
        for f in fillers {
            let t = text::tokenize(f);
            d.fillers_exact.push(spaced(&t, true));
            d.fillers_folded.push(spaced(&t, false));
        }
        d
    }

    /// Adds an entry; an acronym the data uses also queues its expansions in `reverse`.
    fn add_entry(
        &mut self,
        ix: &Index,
        k: &str,
        vs: &[String],
        reverse: &mut Vec<(String, String)>,
    ) {
        if is_acronym(k) && ix.term_ids.contains_key(&text::fold(k)) {
            for v in vs {
                reverse.push((v.clone(), k.to_string()));
            }
        }
        self.add(k, vs);
    }

    fn add(&mut self, key: &str, values: &[String]) {
        let k = text::tokenize(key);
        if k.is_empty() {
            return;
        }
        let folded = spaced(&k, false);
        self.max_len = self.max_len.max(k.len());
        let list = self.entries.slot(folded);
        for v in values {
            let t = text::tokenize(v);
            if !t.is_empty() && !list.contains(&t) {
                list.push(t);
            }
        }
    }

    /// Length (in tokens) of the filler starting at `i`, if any.
    fn filler_at(&self, tokens: &[Token], i: usize) -> usize {
        for len in [4usize, 3, 2, 1] {
            let Some(window) = tokens.get(i..i + len) else {
                continue;
            };
            let marked = window.iter().any(|t| t.exact != t.folded);
            let hit = if marked {
                self.fillers_exact.contains(&spaced(window, true))
            } else {
                let folded = spaced(window, false);
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
    text::find_ascii(&t.folded, b'.').is_some()
        && t.folded.chars().next().is_some_and(|c| c.is_ascii_digit())
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
        match split_run_together(ix, dict, t) {
            Some((a, b)) => words.extend([a, b]),
            None => words.push(t.clone()),
        }
    }
    let typing_last = typing && tokens.last().is_some_and(|t| words.last() == Some(t));
    let matches = dictionary_matches(ix, dict, &words);
    let mut readings = Vec::new();
    let mut memo = Memo::default();
    for choice in combinations(&matches) {
        let mut w: Vec<Word> = Vec::with_capacity(words.len() + 4);
        let mut weight = 1.0;
        let mut situational = false;
        let mut pos = 0;
        let mut typing_here = typing_last;
        for (m, &pick) in matches.iter().zip(&choice) {
            let Some(exp) = pick.and_then(|k| m.expansions.get(k)) else {
                continue;
            };
            w.extend(
                words
                    .get(pos..m.start)
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| (t.clone(), 1.0, TYPED)),
            );
            // An acronym stands for its expansion letter by letter (BHYT = bảo hiểm y tế): the
            // expansion weighs as much as the one word typed, so a document that spells the
            // acronym itself is not outscored merely because the expansion has more syllables.
            let scale = if m.len == 1 && !m.situation {
                (1.0 / exp.len().max(1) as f32).min(1.0)
            } else {
                1.0
            };
            situational |= m.situation;
            let origin = if m.situation { SITUATION } else { DICTIONARY };
            w.extend(exp.iter().map(|t| (t.clone(), scale, origin)));
            weight *= if m.fuzzy { 0.9 } else { 0.97 };
            pos = m.start + m.len;
            if pos >= words.len() {
                typing_here = false;
            }
        }
        w.extend(
            words
                .get(pos..)
                .unwrap_or(&[])
                .iter()
                .map(|t| (t.clone(), 1.0, TYPED)),
        );
        let mut r = reading(ix, dict, &w, typing_here, weight, &mut memo);
        if situational {
            // The situation's official words carry the query, with the documents the
            // dictionary recognised ("sổ đỏ bị ghi sai tên"); the other words are context.
            for (s, word) in r.slots.iter_mut().zip(&w) {
                if word.2 == TYPED && s.required {
                    s.required = false;
                    s.weight = 0.5;
                }
            }
        }
        readings.push(r);
    }
    readings.retain(|r| !r.slots.is_empty());
    parsed.readings = readings;
    parsed.tokens = tokens;
    parsed
}

/// "dangky" → "dang" "ky": an unknown unaccented word that is two known syllables forming a
/// known pair was typed without its space.
fn split_run_together(ix: &Index, dict: &Dictionary, t: &Token) -> Option<(Token, Token)> {
    let key = t.folded.as_str();
    if key.len() < 4
        || t.exact != t.folded
        || !key.bytes().all(|b| b.is_ascii_lowercase())
        || ix.term_ids.contains_key(key)
        || dict.entries.contains_key(key)
    {
        return None;
    }
    (2..key.len() - 1).find_map(|i| {
        let (a, b) = (key.get(..i)?, key.get(i..)?);
        let (ia, ib) = (*ix.term_ids.get(a)?, *ix.term_ids.get(b)?);
        ix.has_pair(ia, ib).then(|| {
            let part = |k: &str| Token {
                exact: k.to_string(),
                folded: k.to_string(),
                ..t.clone()
            };
            (part(a), part(b))
        })
    })
}

/// Which expansion (or none) each dictionary match uses, for every reading: the text as typed
/// first, then every combination, at most [`MAX_READINGS`].
fn combinations(matches: &[Match<'_>]) -> Vec<Vec<Option<usize>>> {
    let mut out: Vec<Vec<Option<usize>>> = vec![vec![None; matches.len()]];
    for (i, m) in matches.iter().enumerate() {
        let existing = out.len();
        for e in 0..m.expansions.len() {
            for j in 0..existing {
                if out.len() >= MAX_READINGS {
                    return out;
                }
                let Some(mut c) = out.get(j).cloned() else {
                    continue;
                };
                if let Some(slot) = c.get_mut(i) {
                    *slot = Some(e);
                }
                out.push(c);
            }
        }
    }
    out
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

/// A dictionary phrase found in the query.
struct Match<'a> {
    start: usize,
    len: usize,
    expansions: &'a [Vec<Token>],
    /// Found only after correcting a regional spelling ("xổ đỏ" → sổ đỏ).
    fuzzy: bool,
    /// A life situation ([`Dictionary::situations`]).
    situation: bool,
}

fn joined(words: &[Token]) -> String {
    let mut key = String::new();
    for t in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&t.folded);
    }
    key
}

/// Looks a window of words up, as typed or, for phrases of two or more words, with one word in
/// a regional spelling of it ("xổ đỏ", "xang tên").
fn lookup<'a>(dict: &'a Dictionary, w: &[Token]) -> Option<(&'a Vec<Vec<Token>>, bool, bool)> {
    let key = joined(w);
    if let Some(e) = dict.entries.get(&key) {
        return Some((e, false, false));
    }
    if let Some(e) = dict.situations.get(&key) {
        return Some((e, false, true));
    }
    if w.len() < 2 {
        return None;
    }
    for (k, t) in w.iter().enumerate() {
        for v in text::regional_variants(&t.folded) {
            let mut key = String::new();
            for (j, u) in w.iter().enumerate() {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(if j == k { &v } else { &u.folded });
            }
            if let Some(e) = dict.entries.get(&key) {
                return Some((e, true, false));
            }
        }
    }
    None
}

/// Dictionary phrases found in the tokens, longest first, not overlapping.
fn dictionary_matches<'a>(ix: &Index, dict: &'a Dictionary, words: &[Token]) -> Vec<Match<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut found = None;
        for len in (1..=dict.max_len.min(words.len() - i)).rev() {
            let Some(w) = words.get(i..i + len) else {
                continue;
            };
            if let Some((e, fuzzy, situation)) = lookup(dict, w) {
                // A situation does not cut a phrase the procedures use: "mua nhà" is a purchase,
                // but in "mua nhà ở xã hội" its last word starts "nhà ở".
                if situation && continues_a_pair(ix, w, words.get(i + len)) {
                    continue;
                }
                found = Some(Match {
                    start: i,
                    len,
                    expansions: e,
                    fuzzy,
                    situation,
                });
                break;
            }
        }
        match found {
            Some(m) => {
                i += m.len;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether the last word of `w` and the word after it form a pair the index knows.
fn continues_a_pair(ix: &Index, w: &[Token], next: Option<&Token>) -> bool {
    let (Some(last), Some(next)) = (w.last(), next) else {
        return false;
    };
    match (ix.term_ids.get(&last.folded), ix.term_ids.get(&next.folded)) {
        (Some(&a), Some(&b)) => ix.has_pair(a, b),
        _ => false,
    }
}

/// Alternatives already computed for a word in this query (readings share most words).
#[derive(Default)]
struct Memo {
    seen: Vec<(String, bool, Vec<Alt>)>,
}

impl Memo {
    fn alternatives(&mut self, ix: &Index, t: &Token, last: bool) -> Vec<Alt> {
        if let Some((_, _, alts)) = self
            .seen
            .iter()
            .find(|(e, l, _)| *l == last && *e == t.exact)
        {
            return alts.clone();
        }
        let alts = alternatives(ix, t, last);
        self.seen.push((t.exact.clone(), last, alts.clone()));
        alts
    }
}

/// A word of a reading: the token, its weight, and where it comes from ([`TYPED`],
/// [`DICTIONARY`], [`SITUATION`]).
type Word = (Token, f32, u8);
/// Typed by the citizen.
const TYPED: u8 = 0;
/// From a dictionary entry's official wording.
const DICTIONARY: u8 = 1;
/// From a life situation's official wording.
const SITUATION: u8 = 2;

fn reading(
    ix: &Index,
    dict: &Dictionary,
    words: &[Word],
    typing_last: bool,
    weight: f32,
    memo: &mut Memo,
) -> Reading {
    let mut slots: Vec<Slot> = Vec::with_capacity(words.len());
    let mut filler_left = 0;
    let tokens: Vec<Token> = words.iter().map(|(t, _, _)| t.clone()).collect();
    for (i, (t, scale, _)) in words.iter().enumerate() {
        if filler_left == 0 {
            filler_left = dict.filler_at(&tokens, i);
        }
        let is_filler = filler_left > 0;
        filler_left = filler_left.saturating_sub(1);
        let last = typing_last && i + 1 == words.len();
        let mut alts = memo.alternatives(ix, t, last);
        if is_filler {
            verb_alternatives(ix, dict, t, &mut alts);
        }
        slots.push(Slot {
            alts,
            weight: if is_filler { 0.25 } else { *scale },
            required: !is_filler,
        });
    }
    if !slots.iter().any(|s| s.required) {
        for (s, (_, scale, _)) in slots.iter_mut().zip(words) {
            s.required = true;
            s.weight = *scale;
        }
    }
    promote_by_pairs(ix, &mut slots);
    Reading { slots, weight }
}

/// "làm", "xin" before a document name mean "have it issued": the filler also accepts "cấp", so
/// "làm cccd" prefers "Cấp thẻ căn cước" (a first card) through the pair bonus.
fn verb_alternatives(ix: &Index, dict: &Dictionary, t: &Token, alts: &mut Vec<Alt>) {
    for (verb, meant) in &dict.verbs {
        if *verb != t.folded {
            continue;
        }
        if let Some(&id) = ix.term_ids.get(meant) {
            if !alts.iter().any(|a| a.term == id) {
                alts.push(Alt {
                    term: id,
                    weight: 0.8,
                    exact: None,
                    exact_unknown: false,
                });
            }
        }
    }
}

fn alternatives(ix: &Index, t: &Token, typing: bool) -> Vec<Alt> {
    let marked = t.exact != t.folded;
    let exact = marked
        .then(|| {
            ix.exact_ids.get(&t.exact).copied().or_else(|| {
                text::hoi_nga_variant(&t.exact).and_then(|v| ix.exact_ids.get(&v).copied())
            })
        })
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
    if known.is_none() && crate::text::char_count(&t.folded) >= 3 {
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

/// Whether two neighbouring slots already form a known pair with their strong readings.
fn strong_pair(ix: &Index, a: &Slot, b: &Slot) -> bool {
    for x in &a.alts {
        if x.weight < 0.95 {
            continue;
        }
        for y in &b.alts {
            if y.weight >= 0.95 && ix.has_pair(x.term, y.term) {
                return true;
            }
        }
    }
    false
}

/// A weak alternative that forms a known pair with its neighbour is probably what was meant
/// ("sây dựng" → xây dựng, "ket hom" → kết hôn): it is promoted.
fn promote_by_pairs(ix: &Index, slots: &mut [Slot]) {
    for i in 1..slots.len() {
        let (Some(a), Some(b)) = (slots.get(i - 1), slots.get(i)) else {
            continue;
        };
        if strong_pair(ix, a, b) {
            continue;
        }
        let mut promote: Vec<(usize, u32)> = Vec::new();
        for x in &a.alts {
            for y in &b.alts {
                if ix.has_pair(x.term, y.term) {
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

/// A part of a procedure a question can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Thành phần hồ sơ ("cần giấy tờ gì").
    Documents,
    /// Thời hạn giải quyết ("mất bao lâu").
    Time,
    /// Phí, lệ phí ("hết bao nhiêu tiền").
    Fee,
    /// Cơ quan thực hiện and cách thức ("nộp ở đâu", "làm online được không").
    Place,
    /// Yêu cầu, điều kiện ("cần điều kiện gì").
    Conditions,
    /// Trình tự thực hiện ("gồm những bước nào").
    Steps,
}

impl Part {
    /// The JSON spelling.
    pub fn key(self) -> &'static str {
        match self {
            Part::Documents => "documents",
            Part::Time => "time",
            Part::Fee => "fee",
            Part::Place => "place",
            Part::Conditions => "conditions",
            Part::Steps => "steps",
        }
    }
}

/// Question cues, folded, with the part they ask for. Strong cues are questions; weak cues are
/// nouns that also occur in procedure names ("lệ phí trước bạ"), used only when no strong cue is
/// present. Within each kind, the cue that ends last in the query wins ("lệ phí trước bạ nộp ở
/// đâu" asks where).
const STRONG_CUES: &[(&str, Part)] = &[
    ("giay to gi", Part::Documents),
    ("giay to nao", Part::Documents),
    ("giay gi", Part::Documents),
    ("ho so gi", Part::Documents),
    ("ho so gom", Part::Documents),
    ("ho so nhu the nao", Part::Documents),
    ("thanh phan ho so", Part::Documents),
    ("can nhung gi", Part::Documents),
    ("can nhung giay", Part::Documents),
    ("can gi", Part::Documents),
    ("can mang", Part::Documents),
    ("mang theo", Part::Documents),
    ("chuan bi nhung gi", Part::Documents),
    ("chuan bi gi", Part::Documents),
    ("bao lau", Part::Time),
    ("may ngay", Part::Time),
    ("bao nhieu ngay", Part::Time),
    ("bao nhieu lau", Part::Time),
    ("thoi han", Part::Time),
    ("thoi gian giai quyet", Part::Time),
    ("khi nao co", Part::Time),
    ("bao gio co", Part::Time),
    ("bao nhieu tien", Part::Fee),
    ("het bao nhieu", Part::Fee),
    ("ton bao nhieu", Part::Fee),
    ("mat bao nhieu", Part::Fee),
    ("mat phi", Part::Fee),
    ("co mat phi", Part::Fee),
    ("mien phi khong", Part::Fee),
    ("phi bao nhieu", Part::Fee),
    ("le phi bao nhieu", Part::Fee),
    ("la bao nhieu", Part::Fee),
    ("o dau", Part::Place),
    ("cho nao", Part::Place),
    ("noi nao", Part::Place),
    ("co quan nao", Part::Place),
    ("den dau", Part::Place),
    ("lam online", Part::Place),
    ("nop online", Part::Place),
    ("truc tuyen duoc khong", Part::Place),
    ("online duoc khong", Part::Place),
    ("dieu kien gi", Part::Conditions),
    ("dieu kien nao", Part::Conditions),
    ("can dieu kien", Part::Conditions),
    ("co du dieu kien", Part::Conditions),
    ("nhung buoc nao", Part::Steps),
    ("cac buoc", Part::Steps),
    ("trinh tu", Part::Steps),
    ("quy trinh", Part::Steps),
];

const WEAK_CUES: &[(&str, Part)] = &[
    ("giay to", Part::Documents),
    ("ho so", Part::Documents),
    ("le phi", Part::Fee),
    ("bao nhieu", Part::Fee),
    ("dieu kien", Part::Conditions),
];

/// The part of a procedure a query asks for, if it asks one ("cần giấy tờ gì", "mat bao lau").
/// Cues are matched on whole folded syllables.
pub(crate) fn asks(q: &str) -> Option<Part> {
    let tokens = text::tokenize(q);
    if tokens.len() > 40 {
        return None;
    }
    let folded = spaced(&tokens, false);
    let padded = {
        let mut p = String::with_capacity(folded.len() + 2);
        p.push(' ');
        p.push_str(&folded);
        p.push(' ');
        p
    };
    for cues in [STRONG_CUES, WEAK_CUES] {
        let mut best: Option<(usize, Part)> = None;
        for &(cue, part) in cues {
            let mut needle = String::with_capacity(cue.len() + 2);
            needle.push(' ');
            needle.push_str(cue);
            needle.push(' ');
            if let Some(at) = text::rfind_str(&padded, &needle) {
                let end = at + needle.len();
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, part));
                }
            }
        }
        if let Some((_, part)) = best {
            return Some(part);
        }
    }
    None
}

//! The inverted index over procedure names, fields and agencies.
//!
//! Units are folded syllables (recall) and adjacent folded syllable pairs (phrases: "khai sinh",
//! "căn cước"). Each posting keeps which exact spelling occurred, so a query typed with
//! diacritics ranks the exact word ("hôn") above its folded look-alikes ("hơn"). Built in one pass
//! from the procedures; nothing is serialised, so the data file stays the only payload.
//!
//! Build cost matters (the index is built in the browser on every page load): each distinct word
//! is keyed once ([`crate::text::scan`] gives the raw words without allocating), repeated lĩnh
//! vực and agency texts are split once, pairs are collected into one sorted array instead of a
//! map of vectors, and the BM25F length normalisation is precomputed per posting.

use std::collections::HashMap;

use super::model::Procedure;
use crate::text;

/// Indexed text fields, in weight order: name, lĩnh vực, agency (from the list, [`Index::build`])
/// and the procedure's own words (compact terms from its details, [`Index::add_terms`]).
pub(crate) const FIELDS: usize = 4;
/// The fields the list itself fills.
const LIST_FIELDS: usize = 3;
/// The field of the terms derived from the details (đối tượng, điều kiện, thành phần hồ sơ).
pub(crate) const TERMS: u8 = 3;
/// Field weights: the name counts far more than lĩnh vực, which counts more than the agency; the
/// procedure's own words count below the name.
pub(crate) const FIELD_WEIGHT: [f32; FIELDS] = [3.0, 1.0, 0.6, TERMS_WEIGHT];
const TERMS_WEIGHT: f32 = 0.8;

/// BM25 length normalisation per field. Names are short and their length says little about
/// relevance (the right procedure often carries a long list of cases), so they are normalised
/// gently; lĩnh vực, agency strings and terms fully.
pub(crate) const B: [f32; FIELDS] = [0.4, 0.75, 0.75, 0.75];

/// One occurrence group: a term in one field of one document, with one exact spelling.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting {
    pub doc: u32,
    pub exact: u32,
    /// The BM25F term-frequency part, precomputed at build time: field weight × dampened count
    /// / length normalisation.
    pub tf: f32,
    pub field: u8,
    pub count: u8,
}

/// Where a syllable pair occurs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PairPosting {
    pub doc: u32,
    pub field: u8,
}

/// A fast multiplicative hash (FxHash's step, eight bytes at a time): the keys are short
/// syllables, texts and pair ids, where SipHash's DoS resistance buys nothing and costs much of
/// the index build and query time. (Named `Fnv` for its first version, byte-wise FNV-1a.)
#[derive(Clone, Copy, Debug, Default)]
pub struct Fnv;

pub struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0)
    }
}

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl FnvHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl std::hash::Hasher for FnvHasher {
    /// The well-mixed high bits, moved to where the table takes its bucket from.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
}

/// Values by text key through the one hash map type of the search: `String` → dense id
/// ([`Fnv`]), the values in a `Vec` beside it. hashbrown's code is generic over the whole entry,
/// so every `HashMap<String, T>` with another `T` brought its own insert, grow, lookup and drop
/// code into the wasm; the index's words and texts, the dictionary, the loader's codes and the
/// details files now share one.
#[derive(Clone, Debug)]
pub struct Keyed<T> {
    ids: HashMap<String, u32, Fnv>,
    values: Vec<T>,
}

impl<T> Default for Keyed<T> {
    fn default() -> Self {
        Keyed {
            ids: HashMap::default(),
            values: Vec::new(),
        }
    }
}

impl<T> Keyed<T> {
    pub fn with_capacity(n: usize) -> Self {
        Keyed {
            ids: HashMap::with_capacity_and_hasher(n, Fnv),
            values: Vec::with_capacity(n),
        }
    }

    pub fn get(&self, key: &str) -> Option<&T> {
        self.values.get(*self.ids.get(key)? as usize)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.ids.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Inserts `value` under `key`, replacing (and returning) the value it had.
    pub fn insert(&mut self, key: String, value: T) -> Option<T> {
        match self.ids.get(key.as_str()) {
            Some(&i) => self
                .values
                .get_mut(i as usize)
                .map(|v| std::mem::replace(v, value)),
            None => {
                self.ids.insert(key, self.values.len() as u32);
                self.values.push(value);
                None
            }
        }
    }

    /// The value under `key`, a default one inserted first if there is none.
    pub fn slot(&mut self, key: String) -> &mut T
    where
        T: Default,
    {
        let i = match self.ids.get(key.as_str()) {
            Some(&i) => i as usize,
            None => {
                self.ids.insert(key, self.values.len() as u32);
                self.values.push(T::default());
                self.values.len() - 1
            }
        };
        // `i` is always in range: ids are only given to pushed values.
        let last = self.values.len().saturating_sub(1);
        &mut self.values[i.min(last)]
    }

    /// Every value, in the order of their keys' first insertion.
    pub fn values(&self) -> std::slice::Iter<'_, T> {
        self.values.iter()
    }

    /// Every key and its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.ids
            .iter()
            .filter_map(|(k, &i)| Some((k.as_str(), self.values.get(i as usize)?)))
    }
}

#[derive(Debug, Default)]
pub(crate) struct Index {
    pub term_ids: HashMap<String, u32, Fnv>,
    pub terms: Vec<String>,
    /// Term ids sorted by key, for prefix lookups.
    pub sorted: Vec<u32>,
    pub postings: Vec<Vec<Posting>>,
    pub df: Vec<u32>,
    /// Exact spelling ids (NFC, lowercase, canonical tone).
    pub exact_ids: HashMap<String, u32, Fnv>,
    /// The first surface form seen for each exact id, for suggestions.
    pub surfaces: Vec<String>,
    /// How often each exact id occurs, to pick the usual spelling of a folded term.
    pub exact_count: Vec<u32>,
    /// Adjacent pairs: sorted keys ([`pair_key`]) and, for key `i`, its postings at
    /// `pair_postings[pair_starts[i]..pair_starts[i + 1]]`.
    pair_keys: Vec<u64>,
    pair_starts: Vec<u32>,
    pair_postings: Vec<PairPosting>,
    /// Token count per document and field.
    pub lengths: Vec<[u16; FIELDS]>,
    pub avg_len: [f32; FIELDS],
    /// Folded procedure code → document.
    pub codes: Vec<(String, u32)>,
    /// The term of every token of every name, in order (`NO_TERM` for a token without letters or
    /// digits), so highlighting needs no key computation: document `d`'s tokens are
    /// `name_terms[name_starts[d]..name_starts[d + 1]]`.
    name_terms: Vec<u32>,
    name_starts: Vec<u32>,
}

/// Marks a token that has no term (only marks, no letter or digit).
pub(crate) const NO_TERM: u32 = u32::MAX;

pub(crate) fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// One pair occurrence while building: first term, second term, and `doc << 2 | field` (12
/// bytes, where a `(u64, PairPosting)` took 16: the pair list is the build's largest buffer).
type PairEntry = [u32; 3];

fn entry_key(e: &PairEntry) -> u64 {
    pair_key(e[0], e[1])
}

/// Sorts pairs stably by key: a least-significant-digit radix sort, 11 bits per pass, skipping the
/// passes where every key has the same digit (pair keys use ~17 bits of each 32-bit half, so 4 of
/// the 6 passes run). Faster than a comparison sort on the ~100k pairs of a catalogue, and a
/// fraction of the wasm of the standard library's stable sort.
fn radix_sort(v: &mut Vec<PairEntry>) {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    let mut tmp: Vec<PairEntry> = Vec::new();
    let mut count = vec![0usize; BUCKETS];
    let mut shift = 0;
    while shift < 64 {
        let digit = |e: &PairEntry| ((entry_key(e) >> shift) as usize) & (BUCKETS - 1);
        count.iter_mut().for_each(|c| *c = 0);
        for e in v.iter() {
            if let Some(c) = count.get_mut(digit(e)) {
                *c += 1;
            }
        }
        if !count.contains(&v.len()) {
            if tmp.is_empty() {
                // Allocated only when a pass runs, and exactly as long as the list.
                tmp = vec![[0; 3]; v.len()];
            }
            let mut next = 0;
            for c in count.iter_mut() {
                next += std::mem::replace(c, next);
            }
            for &item in v.iter() {
                if let Some(at) = count.get_mut(digit(&item)) {
                    if let Some(slot) = tmp.get_mut(*at) {
                        *slot = item;
                    }
                    *at += 1;
                }
            }
            std::mem::swap(v, &mut tmp);
        }
        shift += BITS;
    }
}

/// Index-build state: each distinct raw word is keyed once.
#[derive(Default)]
struct Builder {
    words: Keyed<(u32, u32)>,
    /// Field and agency texts already split: their range in `text_words`.
    texts: Keyed<(usize, usize)>,
    text_words: Vec<(u32, u32)>,
    pairs: Vec<PairEntry>,
}

impl Index {
    pub fn build(procs: &[Procedure]) -> Index {
        let mut ix = Index::default();
        let mut b = Builder::default();
        // About 45 tokens (name, lĩnh vực, agencies) per procedure: reserve instead of regrowing.
        b.pairs.reserve(procs.len().saturating_mul(44));
        b.words = Keyed::with_capacity(8192);
        let mut line: Vec<(u32, u32)> = Vec::new();
        let mut agencies = String::new();
        ix.name_starts.push(0);
        for (doc, p) in procs.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            agencies.clear();
            for (i, a) in p.agencies.iter().enumerate() {
                if i > 0 {
                    agencies.push_str(" · ");
                }
                agencies.push_str(a);
            }
            let texts: [&str; LIST_FIELDS] = [&p.name, p.field.as_deref().unwrap_or(""), &agencies];
            let mut lens = [0u16; FIELDS];
            for (f, t) in texts.iter().enumerate() {
                line.clear();
                match (f, b.texts.get(t)) {
                    // Fields and agencies repeat across procedures: their words are looked up once.
                    (1.., Some(&(start, end))) => {
                        line.extend_from_slice(b.text_words.get(start..end).unwrap_or(&[]))
                    }
                    _ => {
                        text::scan(t, |raw, _, _| line.push(ix.word(&mut b, raw)));
                        if f > 0 {
                            let start = b.text_words.len();
                            b.text_words.extend_from_slice(&line);
                            b.texts.insert(t.to_string(), (start, b.text_words.len()));
                        }
                    }
                }
                if f == 0 {
                    ix.name_terms.extend(line.iter().map(|&(term, _)| term));
                    ix.name_starts
                        .push(u32::try_from(ix.name_terms.len()).unwrap_or(u32::MAX));
                }
                lens[f] = ix.add_tokens(&mut b, doc, f as u8, &line);
            }
            ix.lengths.push(lens);
            ix.codes.push((text::fold(p.code.trim()), doc));
        }
        ix.finish(b);
        ix
    }

    fn finish(&mut self, b: Builder) {
        for list in &mut self.postings {
            list.shrink_to_fit();
        }
        self.weigh();
        self.sort_terms();
        self.finish_pairs(b);
    }

    /// The term ids sorted by key, for prefix lookups.
    fn sort_terms(&mut self) {
        let mut sorted: Vec<u32> = (0..self.terms.len() as u32).collect();
        crate::sort::sort_by(&mut sorted, |&a, &c| self.term(a).cmp(self.term(c)));
        self.sorted = sorted;
    }

    /// Average field lengths, each posting's BM25F part, document frequencies.
    fn weigh(&mut self) {
        let n = self.lengths.len().max(1) as f32;
        for f in 0..FIELDS {
            let total: f32 = self.lengths.iter().map(|l| f32::from(l[f])).sum();
            self.avg_len[f] = (total / n).max(1.0);
        }
        for list in &mut self.postings {
            for p in list.iter_mut() {
                let f = usize::from(p.field).min(FIELDS - 1);
                let len = self
                    .lengths
                    .get(p.doc as usize)
                    .map_or(1.0, |l| f32::from(l[f]));
                let count = 1.0 + 0.25 * f32::from(p.count.saturating_sub(1));
                p.tf = FIELD_WEIGHT[f] * count / (1.0 - B[f] + B[f] * len / self.avg_len[f]);
            }
        }
        // Document frequency: distinct documents per posting list (a plain loop is smaller wasm).
        let mut df = Vec::with_capacity(self.postings.len());
        for ps in &self.postings {
            let (mut last, mut n) = (u32::MAX, 0u32);
            for p in ps {
                if p.doc != last {
                    n += 1;
                    last = p.doc;
                }
            }
            df.push(n);
        }
        self.df = df;
    }

    fn finish_pairs(&mut self, mut b: Builder) {
        crate::sort::sort_by(&mut self.codes, |a, b| a.cmp(b));
        // The word and text maps are done with: freed before the pair buffers peak.
        let pairs = std::mem::take(&mut b.pairs);
        drop(b);
        self.set_pairs(pairs);
    }

    /// Sorts the pair occurrences into the pair arrays (which must be empty).
    fn set_pairs(&mut self, mut pairs: Vec<PairEntry>) {
        // Stable: postings of one pair stay in document order.
        radix_sort(&mut pairs);
        pairs.dedup();
        self.pair_postings.reserve_exact(pairs.len());
        for (i, e) in pairs.iter().enumerate() {
            let k = entry_key(e);
            if self.pair_keys.last() != Some(&k) {
                self.pair_keys.push(k);
                self.pair_starts.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
            self.pair_postings.push(PairPosting {
                doc: e[2] >> 2,
                field: (e[2] & 3) as u8,
            });
        }
        self.pair_starts
            .push(u32::try_from(self.pair_postings.len()).unwrap_or(u32::MAX));
        self.pair_keys.shrink_to_fit();
        self.pair_starts.shrink_to_fit();
    }

    /// Adds compact terms to documents in place, as the [`TERMS`] field: `(document, terms)`, the
    /// terms separated by `|` (adjacent pairs count within a term, never across two). Only what
    /// the new words touch is redone: their posting lists, the field's lengths and weights, the
    /// document frequencies, the sorted term list when new words came, and the pair arrays.
    pub fn add_terms(&mut self, items: &[(u32, &str)]) {
        let mut b = Builder::default();
        let mut line: Vec<(u32, u32)> = Vec::new();
        let before = self.terms.len();
        let mut touched: Vec<u32> = Vec::new();
        let mut seen: Vec<bool> = vec![false; before];
        for &(doc, terms) in items {
            if doc as usize >= self.lengths.len() {
                continue;
            }
            let mut added = 0u16;
            for part in text::split_ascii(terms, b'|') {
                line.clear();
                text::scan(part, |raw, _, _| line.push(self.word(&mut b, raw)));
                for &(id, _) in &line {
                    let i = id as usize;
                    if id != NO_TERM && !seen.get(i).copied().unwrap_or(false) {
                        if seen.len() <= i {
                            seen.resize(i + 1, false);
                        }
                        if let Some(x) = seen.get_mut(i) {
                            *x = true;
                        }
                        touched.push(id);
                    }
                }
                added = added.saturating_add(self.add_tokens(&mut b, doc, TERMS, &line));
            }
            if let Some(l) = self.lengths.get_mut(doc as usize) {
                l[usize::from(TERMS)] = l[usize::from(TERMS)].saturating_add(added);
            }
        }
        // Postings were appended after later documents' ones: back into document order.
        for &id in &touched {
            if let Some(list) = self.postings.get_mut(id as usize) {
                if list.windows(2).any(|w| w[0].doc > w[1].doc) {
                    crate::sort::sort_by_key(list, |p| p.doc);
                }
            }
        }
        self.weigh();
        if self.terms.len() != before {
            self.sort_terms();
        }
        let mut pairs = std::mem::take(&mut b.pairs);
        drop(b);
        let keys = std::mem::take(&mut self.pair_keys);
        let starts = std::mem::take(&mut self.pair_starts);
        let postings = std::mem::take(&mut self.pair_postings);
        pairs.reserve(postings.len());
        for (i, &k) in keys.iter().enumerate() {
            let start = starts.get(i).copied().unwrap_or(0) as usize;
            let end = starts.get(i + 1).copied().unwrap_or(0) as usize;
            for p in postings.get(start..end).unwrap_or(&[]) {
                pairs.push([(k >> 32) as u32, k as u32, p.doc << 2 | u32::from(p.field)]);
            }
        }
        drop(postings);
        self.set_pairs(pairs);
    }

    /// The (term, exact) ids of a raw word, keyed on first sight.
    fn word(&mut self, b: &mut Builder, raw: &str) -> (u32, u32) {
        if let Some(&ids) = b.words.get(raw) {
            return ids;
        }
        let exact = text::exact_key(raw);
        let folded = text::fold(&exact);
        let ids = if folded.is_empty() {
            (NO_TERM, NO_TERM)
        } else {
            let term = self.intern_term(&folded);
            (term, self.intern_exact(exact, raw))
        };
        b.words.insert(raw.to_string(), ids);
        ids
    }

    pub fn term(&self, id: u32) -> &str {
        self.terms
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Where the adjacent pair `a b` occurs (in document order).
    pub fn pair(&self, a: u32, b: u32) -> &[PairPosting] {
        let Ok(i) = self.pair_keys.binary_search(&pair_key(a, b)) else {
            return &[];
        };
        let start = self.pair_starts.get(i).copied().unwrap_or(0) as usize;
        let end = self.pair_starts.get(i + 1).copied().unwrap_or(0) as usize;
        self.pair_postings.get(start..end).unwrap_or(&[])
    }

    /// Whether `a b` occurs as an adjacent pair anywhere.
    pub fn has_pair(&self, a: u32, b: u32) -> bool {
        self.pair_keys.binary_search(&pair_key(a, b)).is_ok()
    }

    /// The terms of the tokens of document `doc`'s name, in order.
    pub fn name_terms(&self, doc: usize) -> &[u32] {
        let start = self.name_starts.get(doc).copied().unwrap_or(0) as usize;
        let end = self.name_starts.get(doc + 1).copied().unwrap_or(0) as usize;
        self.name_terms.get(start..end).unwrap_or(&[])
    }

    fn intern_term(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(key) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.term_ids.insert(key.to_string(), id);
        self.terms.push(key.to_string());
        self.postings.push(Vec::new());
        id
    }

    fn intern_exact(&mut self, key: String, surface: &str) -> u32 {
        if let Some(&id) = self.exact_ids.get(&key) {
            return id;
        }
        let id = self.surfaces.len() as u32;
        self.exact_ids.insert(key, id);
        self.surfaces.push(text::lower(surface));
        self.exact_count.push(0);
        id
    }

    /// Adds one field's tokens; returns its token count.
    fn add_tokens(&mut self, b: &mut Builder, doc: u32, field: u8, tokens: &[(u32, u32)]) -> u16 {
        let mut prev: Option<u32> = None;
        let mut count = 0u16;
        for &(id, exact) in tokens {
            if id == NO_TERM {
                continue;
            }
            count = count.saturating_add(1);
            if let Some(c) = self.exact_count.get_mut(exact as usize) {
                *c += 1;
            }
            if let Some(list) = self.postings.get_mut(id as usize) {
                match list
                    .iter_mut()
                    .rev()
                    .take_while(|p| p.doc == doc && p.field == field)
                    .find(|p| p.exact == exact)
                {
                    Some(p) => p.count = p.count.saturating_add(1),
                    None => list.push(Posting {
                        doc,
                        exact,
                        tf: 0.0,
                        field,
                        count: 1,
                    }),
                }
            }
            if let Some(a) = prev {
                b.pairs.push([a, id, doc << 2 | u32::from(field)]);
            }
            prev = Some(id);
        }
        count
    }

    /// Inverse document frequency of a term (BM25's, always positive).
    pub fn idf(&self, id: u32) -> f32 {
        let n = self.lengths.len() as f32;
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The idf of a term found in one document: what an unknown word is worth.
    pub fn max_idf(&self) -> f32 {
        let n = self.lengths.len() as f32;
        (1.0 + (n - 0.5) / 1.5).ln()
    }

    /// Term ids whose key starts with `prefix` (at most `limit`, most frequent first).
    pub fn with_prefix(&self, prefix: &str, limit: usize) -> Vec<u32> {
        let start = self.sorted.partition_point(|&id| self.term(id) < prefix);
        let mut out: Vec<u32> = Vec::new();
        for &id in self.sorted.get(start..).unwrap_or(&[]) {
            if !self.term(id).starts_with(prefix) {
                break;
            }
            out.push(id);
        }
        crate::sort::sort_by_key(&mut out, |&id| {
            std::cmp::Reverse(self.df.get(id as usize).copied().unwrap_or(0))
        });
        out.truncate(limit);
        out
    }

    /// The usual spelling of a folded term, for suggestions.
    pub fn display(&self, id: u32) -> String {
        let mut best: Option<(u32, u32)> = None;
        if let Some(ps) = self.postings.get(id as usize) {
            for p in ps {
                let c = self.exact_count.get(p.exact as usize).copied().unwrap_or(0);
                if best.is_none_or(|(_, bc)| c > bc) {
                    best = Some((p.exact, c));
                }
            }
        }
        best.and_then(|(e, _)| self.surfaces.get(e as usize).cloned())
            .unwrap_or_else(|| self.term(id).to_string())
    }
}

#[cfg(test)]
mod radix_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The radix sort orders exactly like a stable comparison sort by key.
        #[test]
        fn radix_sort_is_a_stable_sort(keys in proptest::collection::vec((0u32..70_000, 0u32..70_000), 0..600)) {
            let mut v: Vec<PairEntry> = keys
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| [a % 50, b, i as u32])
                .collect();
            let mut want = v.clone();
            want.sort_by_key(entry_key);
            radix_sort(&mut v);
            prop_assert_eq!(v, want);
        }
    }
}

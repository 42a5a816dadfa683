//! The inverted index over procedure names, fields and agencies.
//!
//! Units are folded syllables (recall) and adjacent folded syllable pairs (phrases: "khai sinh",
//! "căn cước"). Each posting keeps which exact spelling occurred, so a query typed with
//! diacritics ranks the exact word ("hôn") above its folded look-alikes ("hơn"). Built in one pass
//! from the procedures; nothing is serialised, so the data file stays the only payload.

use std::collections::HashMap;

use super::model::Procedure;
use crate::text;

/// Indexed text fields, in weight order.
pub(crate) const FIELDS: usize = 3;
/// Field weights: the name counts far more than lĩnh vực, which counts more than the agency.
pub(crate) const FIELD_WEIGHT: [f32; FIELDS] = [3.0, 1.0, 0.6];

/// One occurrence group: a term in one field of one document, with one exact spelling.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting {
    pub doc: u32,
    pub field: u8,
    pub count: u8,
    pub exact: u32,
}

/// Where a syllable pair occurs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PairPosting {
    pub doc: u32,
    pub field: u8,
}

/// FNV-1a: the keys are short syllables and pair ids, where SipHash's DoS resistance buys
/// nothing and costs much of the index build and query time.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fnv;

pub(crate) struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 ^= self.0 >> 29;
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
    pub pairs: HashMap<u64, Vec<PairPosting>, Fnv>,
    /// Token count per document and field.
    pub lengths: Vec<[u16; FIELDS]>,
    pub avg_len: [f32; FIELDS],
    /// Folded procedure code → document.
    pub codes: Vec<(String, u32)>,
}

pub(crate) fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Index {
    pub fn build(procs: &[Procedure]) -> Index {
        let mut ix = Index::default();
        // Fields and agencies repeat across procedures: tokenize each distinct text once.
        let mut cache: HashMap<String, Vec<text::Token>, Fnv> = HashMap::default();
        for (doc, p) in procs.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let agencies = p.agencies.join(" · ");
            let texts: [&str; FIELDS] = [&p.name, p.field.as_deref().unwrap_or(""), &agencies];
            let mut lens = [0u16; FIELDS];
            for (f, t) in texts.iter().enumerate() {
                let tokens = match (f, cache.get(*t)) {
                    (0, _) => text::tokenize(t),
                    (_, Some(tokens)) => tokens.clone(),
                    (_, None) => {
                        let tokens = text::tokenize(t);
                        cache.insert(t.to_string(), tokens.clone());
                        tokens
                    }
                };
                lens[f] = ix.add_tokens(doc, f as u8, t, &tokens);
            }
            ix.lengths.push(lens);
            ix.codes.push((text::fold(p.code.trim()), doc));
        }
        let n = ix.lengths.len().max(1) as f32;
        for f in 0..FIELDS {
            let total: f32 = ix.lengths.iter().map(|l| f32::from(l[f])).sum();
            ix.avg_len[f] = (total / n).max(1.0);
        }
        ix.df = ix
            .postings
            .iter()
            .map(|ps| {
                let mut last = u32::MAX;
                ps.iter()
                    .filter(|p| std::mem::replace(&mut last, p.doc) != p.doc)
                    .count() as u32
            })
            .collect();
        let mut sorted: Vec<u32> = (0..ix.terms.len() as u32).collect();
        sorted.sort_by(|&a, &b| ix.term(a).cmp(ix.term(b)));
        ix.sorted = sorted;
        ix.codes.sort();
        ix
    }

    pub fn term(&self, id: u32) -> &str {
        self.terms
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
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

    fn intern_exact(&mut self, key: &str, surface: &str) -> u32 {
        let id = match self.exact_ids.get(key) {
            Some(&id) => id,
            None => {
                let id = self.surfaces.len() as u32;
                self.exact_ids.insert(key.to_string(), id);
                self.surfaces.push(surface.to_lowercase());
                self.exact_count.push(0);
                id
            }
        };
        if let Some(c) = self.exact_count.get_mut(id as usize) {
            *c += 1;
        }
        id
    }

    /// Adds one field's text; returns its token count.
    fn add_tokens(&mut self, doc: u32, field: u8, s: &str, tokens: &[text::Token]) -> u16 {
        let mut prev: Option<u32> = None;
        for t in tokens {
            let id = self.intern_term(&t.folded);
            let exact = self.intern_exact(&t.exact, s.get(t.bytes.clone()).unwrap_or(""));
            let list = self.postings.get_mut(id as usize);
            if let Some(list) = list {
                match list
                    .iter_mut()
                    .rev()
                    .take_while(|p| p.doc == doc && p.field == field)
                    .find(|p| p.exact == exact)
                {
                    Some(p) => p.count = p.count.saturating_add(1),
                    None => list.push(Posting {
                        doc,
                        field,
                        count: 1,
                        exact,
                    }),
                }
            }
            if let Some(a) = prev {
                let list = self.pairs.entry(pair_key(a, id)).or_default();
                if !list
                    .last()
                    .is_some_and(|p| p.doc == doc && p.field == field)
                {
                    list.push(PairPosting { doc, field });
                }
            }
            prev = Some(id);
        }
        u16::try_from(tokens.len()).unwrap_or(u16::MAX)
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
        let mut out: Vec<u32> = self
            .sorted
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .copied()
            .take_while(|&id| self.term(id).starts_with(prefix))
            .collect();
        out.sort_by_key(|&id| std::cmp::Reverse(self.df.get(id as usize).copied().unwrap_or(0)));
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

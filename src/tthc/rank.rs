//! Scoring: BM25F over the slots of each reading, a bonus for adjacent pairs, coverage.
//!
//! Per reading, each slot scores a document by its best alternative (BM25F with the name weighted
//! above lĩnh vực and agency; folded-only matches count less when the user typed diacritics);
//! adjacent slots that occur as an adjacent pair earn a phrase bonus. A document's score is its
//! best reading's, scaled by how many required slots it covers. Only documents with the best
//! coverage any document reaches are matches, so "cap lai cccd" does not list every "cấp".

use super::index::{pair_key, Index, FIELDS, FIELD_WEIGHT};
use super::query::{Parsed, Reading, Slot};

const K1: f32 = 1.2;
/// BM25 length normalisation per field. Names are short and their length says little about
/// relevance (the right procedure often carries a long list of cases), so they are normalised
/// gently; lĩnh vực and agency strings fully.
const B: [f32; FIELDS] = [0.4, 0.75, 0.75];
/// How much a folded-only match counts when the user typed the word with diacritics.
const FOLDED_ONLY: f32 = 0.6;
/// Phrase bonus per adjacent pair, relative to the pair's mean idf.
const PAIR_BONUS: f32 = 0.9;

/// How much a word found only in lĩnh vực or agency counts towards covering the query, relative
/// to a word found in the name ("hộ chiếu" is not covered by the field "Hộ tịch").
const COVERAGE_BY_FIELD: [f32; FIELDS] = [1.0, 0.6, 0.6];
/// Alternatives at least this strong (the word itself, Telex, a correction confirmed by a known
/// pair) cover their slot fully; weaker guesses (an unconfirmed regional variant) partly.
const STRONG_ALT: f32 = 0.8;

/// Per-document scores of one query.
pub(crate) struct Scored {
    pub score: Vec<f32>,
    pub coverage: Vec<f32>,
    /// Which reading won each document (for highlighting).
    pub reading: Vec<u8>,
    pub best_coverage: f32,
}

struct Scratch {
    slot: Vec<f32>,
    /// Per document, how convincingly the current slot is covered (0..=1).
    slot_cov: Vec<f32>,
    touched: Vec<u32>,
    total: Vec<f32>,
    covered: Vec<f32>,
    touched_total: Vec<u32>,
}

pub(crate) fn score(ix: &Index, parsed: &Parsed) -> Scored {
    let n = ix.lengths.len();
    let mut out = Scored {
        score: vec![0.0; n],
        coverage: vec![0.0; n],
        reading: vec![0; n],
        best_coverage: 0.0,
    };
    let mut s = Scratch {
        slot: vec![0.0; n],
        slot_cov: vec![0.0; n],
        touched: Vec::new(),
        total: vec![0.0; n],
        covered: vec![0.0; n],
        touched_total: Vec::new(),
    };
    for (ri, r) in parsed.readings.iter().enumerate() {
        score_reading(ix, r, &mut s);
        let required: f32 = r
            .slots
            .iter()
            .filter(|x| x.required)
            .map(|x| importance(ix, x))
            .sum::<f32>()
            .max(1e-3);
        for &d in &s.touched_total {
            let d = d as usize;
            let (Some(&t), Some(&c)) = (s.total.get(d), s.covered.get(d)) else {
                continue;
            };
            let cov = (c / required).min(1.0);
            let value = r.weight * t * (0.35 + 0.65 * cov * cov);
            if let (Some(sc), Some(cv), Some(rd)) = (
                out.score.get_mut(d),
                out.coverage.get_mut(d),
                out.reading.get_mut(d),
            ) {
                if cov > *cv + 1e-6 || (cov + 1e-6 >= *cv && value > *sc) {
                    *sc = value;
                    *cv = cov;
                    *rd = u8::try_from(ri).unwrap_or(0);
                }
            }
            if let Some(x) = s.total.get_mut(d) {
                *x = 0.0;
            }
            if let Some(x) = s.covered.get_mut(d) {
                *x = 0.0;
            }
        }
        s.touched_total.clear();
    }
    for &(doc, bonus) in &parsed.codes {
        if let (Some(sc), Some(cv)) = (
            out.score.get_mut(doc as usize),
            out.coverage.get_mut(doc as usize),
        ) {
            *sc += bonus;
            *cv = 1.0;
        }
    }
    out.best_coverage = out.coverage.iter().copied().fold(0.0, f32::max);
    out
}

fn score_reading(ix: &Index, r: &Reading, s: &mut Scratch) {
    for slot in &r.slots {
        score_slot(ix, slot, s);
        let imp = importance(ix, slot);
        for &d in &s.touched {
            let d = d as usize;
            let v = s.slot.get(d).copied().unwrap_or(0.0);
            if v <= 0.0 {
                continue;
            }
            if let Some(t) = s.total.get_mut(d) {
                if *t == 0.0 {
                    s.touched_total.push(d as u32);
                }
                *t += slot.weight * v;
            }
            let credit = s.slot_cov.get(d).copied().unwrap_or(0.0) * imp;
            if slot.required {
                if let Some(c) = s.covered.get_mut(d) {
                    *c += credit;
                }
            }
            if let Some(x) = s.slot.get_mut(d) {
                *x = 0.0;
            }
            if let Some(x) = s.slot_cov.get_mut(d) {
                *x = 0.0;
            }
        }
        s.touched.clear();
    }
    pair_bonus(ix, r, s);
}

/// How much a slot matters for coverage: the idf of what it most plausibly means. Rare words
/// carry the meaning ("thẻ căn cước"), common ones the circumstances ("bị mất"); a word the
/// index does not know weighs like the rarest word, so no document covers it.
fn importance(ix: &Index, slot: &Slot) -> f32 {
    let best = slot
        .alts
        .iter()
        .map(|a| ix.idf(a.term) * (a.weight / STRONG_ALT).min(1.0))
        .fold(0.0f32, f32::max);
    if best > 0.0 {
        best
    } else {
        ix.max_idf()
    }
}

fn score_slot(ix: &Index, slot: &Slot, s: &mut Scratch) {
    for alt in &slot.alts {
        let Some(postings) = ix.postings.get(alt.term as usize) else {
            continue;
        };
        let idf = ix.idf(alt.term);
        let mut i = 0;
        while let Some(first) = postings.get(i) {
            let doc = first.doc;
            let mut tf = 0.0f32;
            let mut credit = 0.0f32;
            while let Some(p) = postings.get(i).filter(|p| p.doc == doc) {
                let f = usize::from(p.field).min(FIELDS - 1);
                credit = credit.max(COVERAGE_BY_FIELD[f]);
                let len = ix
                    .lengths
                    .get(doc as usize)
                    .map_or(1.0, |l| f32::from(l[f]));
                let exactness = match alt.exact {
                    Some(e) if e != p.exact => FOLDED_ONLY,
                    None if alt.exact_unknown => FOLDED_ONLY,
                    _ => 1.0,
                };
                let count = 1.0 + 0.25 * f32::from(p.count.saturating_sub(1));
                tf +=
                    FIELD_WEIGHT[f] * count * exactness / (1.0 - B[f] + B[f] * len / ix.avg_len[f]);
                i += 1;
            }
            let v = alt.weight * idf * tf * (K1 + 1.0) / (tf + K1);
            let credit = credit * (alt.weight / STRONG_ALT).min(1.0);
            if let Some(c) = s.slot_cov.get_mut(doc as usize) {
                *c = c.max(credit);
            }
            if let Some(cur) = s.slot.get_mut(doc as usize) {
                if *cur == 0.0 {
                    s.touched.push(doc);
                }
                if v > *cur {
                    *cur = v;
                }
            }
        }
    }
}

fn pair_bonus(ix: &Index, r: &Reading, s: &mut Scratch) {
    for w in r.slots.windows(2) {
        let [a, b] = w else { continue };
        for x in &a.alts {
            for y in &b.alts {
                let Some(list) = ix.pairs.get(&pair_key(x.term, y.term)) else {
                    continue;
                };
                let bonus = PAIR_BONUS
                    * x.weight.min(y.weight)
                    * a.weight.min(b.weight)
                    * 0.5
                    * (ix.idf(x.term) + ix.idf(y.term));
                let mut last = u32::MAX;
                for p in list {
                    if p.doc == last {
                        continue;
                    }
                    last = p.doc;
                    let fw = FIELD_WEIGHT[usize::from(p.field).min(FIELDS - 1)] / FIELD_WEIGHT[0];
                    if let Some(t) = s.total.get_mut(p.doc as usize) {
                        if *t > 0.0 {
                            *t += bonus * fw;
                        }
                    }
                }
            }
        }
    }
}

//! Scoring: BM25F over the slots of each reading, a bonus for adjacent pairs, coverage.
//!
//! Per reading, each slot scores a document by its best alternative (BM25F with the name weighted
//! above lĩnh vực and agency; folded-only matches count less when the user typed diacritics);
//! adjacent slots that occur as an adjacent pair earn a phrase bonus. A document's score is its
//! best reading's, scaled by how much of the query it covers. Coverage weighs each required slot
//! by its idf (rare words carry the meaning: "thẻ căn cước" counts more than "bị mất"), a word
//! found only in lĩnh vực or agency or only through a weak guess covers its slot partly. Only
//! documents close to the best coverage any document reaches are matches, so "cap lai cccd"
//! does not list every "cấp". Finally the best [`RERANK`] documents are re-ranked by the longest
//! run of query words found consecutively in their name (phrase proximity).

use super::index::{Index, FIELDS, FIELD_WEIGHT};
use super::query::{Alt, Parsed, Reading, Slot};

const K1: f32 = 1.2;
/// How much a folded-only match counts when the user typed the word with diacritics.
const FOLDED_ONLY: f32 = 0.6;
/// Phrase bonus per adjacent pair, relative to the pair's mean idf.
const PAIR_BONUS: f32 = 0.9;

/// How much a word found only in lĩnh vực, agency or the procedure's own words counts towards
/// covering the query, relative to a word found in the name ("hộ chiếu" is not covered by the
/// field "Hộ tịch").
const COVERAGE_BY_FIELD: [f32; FIELDS] = [1.0, 0.6, 0.6, TERMS_COVERAGE];
const TERMS_COVERAGE: f32 = 0.6;
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

/// A document matched by a slot: (document, BM25F of its best alternative, coverage credit).
type SlotHit = (u32, f32, f32);

struct Scratch {
    slot: Vec<f32>,
    /// Per document, how convincingly the current slot is covered (0..=1).
    slot_cov: Vec<f32>,
    touched: Vec<u32>,
    total: Vec<f32>,
    covered: Vec<f32>,
    touched_total: Vec<u32>,
    /// Slot results already computed for this query: readings repeat most slots.
    cache: Vec<(Vec<Alt>, Vec<SlotHit>)>,
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
        cache: Vec::new(),
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
    out.best_coverage = out
        .coverage
        .iter()
        .fold(0.0f32, |m, &c| if c > m { c } else { m });
    out
}

fn score_reading(ix: &Index, r: &Reading, s: &mut Scratch) {
    for slot in &r.slots {
        let imp = importance(ix, slot);
        let cached = s
            .cache
            .iter()
            .position(|(alts, _)| same_alts(alts, &slot.alts));
        let i = match cached {
            Some(i) => i,
            None => {
                let hits = score_slot(ix, slot, s);
                s.cache.push((slot.alts.clone(), hits));
                s.cache.len() - 1
            }
        };
        let Some((_, hits)) = s.cache.get(i) else {
            continue;
        };
        for &(d, v, credit) in hits {
            let d = d as usize;
            if let Some(t) = s.total.get_mut(d) {
                if *t == 0.0 {
                    s.touched_total.push(d as u32);
                }
                *t += slot.weight * v;
            }
            if slot.required {
                if let Some(c) = s.covered.get_mut(d) {
                    *c += credit * imp;
                }
            }
        }
    }
    pair_bonus(ix, r, s);
}

/// Whether two slots accept the same terms the same way (their scores are then equal).
fn same_alts(a: &[Alt], b: &[Alt]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.term == y.term
                && x.weight == y.weight
                && x.exact == y.exact
                && x.exact_unknown == y.exact_unknown
        })
}

/// How much a slot matters for coverage: the idf of what it most plausibly means. Rare words
/// carry the meaning ("thẻ căn cước"), common ones the circumstances ("bị mất"); a word the
/// index does not know weighs like the rarest word, so no document covers it.
fn importance(ix: &Index, slot: &Slot) -> f32 {
    let best = slot
        .alts
        .iter()
        .map(|a| ix.idf(a.term) * (a.weight / STRONG_ALT).min(1.0))
        .fold(0.0f32, |m, x| if x > m { x } else { m });
    if best > 0.0 {
        best
    } else {
        ix.max_idf()
    }
}

/// Scores one slot: per document it occurs in, (document, best alternative's BM25F, coverage credit).
fn score_slot(ix: &Index, slot: &Slot, s: &mut Scratch) -> Vec<SlotHit> {
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
                if COVERAGE_BY_FIELD[f] > credit {
                    credit = COVERAGE_BY_FIELD[f];
                }
                let exactness = match alt.exact {
                    Some(e) if e != p.exact => FOLDED_ONLY,
                    None if alt.exact_unknown => FOLDED_ONLY,
                    _ => 1.0,
                };
                tf += p.tf * exactness;
                i += 1;
            }
            let v = alt.weight * idf * tf * (K1 + 1.0) / (tf + K1);
            let credit = credit * (alt.weight / STRONG_ALT).min(1.0);
            if let Some(c) = s.slot_cov.get_mut(doc as usize) {
                if credit > *c {
                    *c = credit;
                }
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
    let mut hits = Vec::with_capacity(s.touched.len());
    for &d in &s.touched {
        let (Some(v), Some(c)) = (s.slot.get_mut(d as usize), s.slot_cov.get_mut(d as usize))
        else {
            continue;
        };
        if *v > 0.0 {
            hits.push((d, *v, *c));
        }
        *v = 0.0;
        *c = 0.0;
    }
    s.touched.clear();
    hits
}

fn pair_bonus(ix: &Index, r: &Reading, s: &mut Scratch) {
    for w in r.slots.windows(2) {
        let [a, b] = w else { continue };
        for x in &a.alts {
            for y in &b.alts {
                let list = ix.pair(x.term, y.term);
                if list.is_empty() {
                    continue;
                }
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

/// How many of the best documents are re-ranked by phrase proximity.
pub(crate) const RERANK: usize = 40;
/// Score factor for a name containing the whole query as one phrase (less for a shorter run).
const PHRASE: f32 = 0.3;

/// Rewards the documents whose name contains the words of the query consecutively and in order
/// ("Đăng ký giám hộ" for "đăng ký giám hộ", not "Đăng ký giám sát việc giám hộ"): the score
/// grows with the longest run of consecutive query words found consecutively in the name.
pub(crate) fn rerank_phrases(ix: &Index, parsed: &Parsed, s: &mut Scored, docs: &[u32]) {
    let mut run: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = Vec::new();
    // One buffer for every document's required slots (no allocation per document).
    let mut slots: Vec<&Slot> = Vec::new();
    for &d in docs {
        let d = d as usize;
        let reading = s.reading.get(d).copied().unwrap_or(0);
        let Some(r) = parsed.readings.get(usize::from(reading)) else {
            continue;
        };
        slots.clear();
        for x in &r.slots {
            if x.required {
                slots.push(x);
            }
        }
        if slots.len() < 2 {
            continue;
        }
        run.clear();
        run.resize(slots.len(), 0);
        let mut best = 0;
        for &term in ix.name_terms(d) {
            prev.clear();
            prev.extend_from_slice(&run);
            for (i, slot) in slots.iter().enumerate() {
                let hit = slot.alts.iter().any(|a| a.term == term && a.weight >= 0.5);
                let before = i.checked_sub(1).and_then(|j| prev.get(j)).copied();
                let v = if hit { 1 + before.unwrap_or(0) } else { 0 };
                if let Some(x) = run.get_mut(i) {
                    *x = v;
                }
                best = best.max(v);
            }
        }
        if best >= 2 {
            let factor = 1.0 + PHRASE * (best - 1) as f32 / (slots.len() - 1) as f32;
            if let Some(x) = s.score.get_mut(d) {
                *x *= factor;
            }
        }
    }
}

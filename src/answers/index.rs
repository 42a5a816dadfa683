//! The answers' own search index: a sorted vocabulary of folded syllables (and one of exact
//! ones), each with where it occurs; queries are read with `crate::text` and ranked like
//! `tthc::rank` in small: idf × field weight × dampened count, every word required when some
//! item has them all (else the items with the most words), exact diacritics as a bonus.

use super::{reference_key, Answers, Item};
use crate::text;

/// Subject, field, agency, content, answer.
const WEIGHTS: [f32; 5] = [3.0, 1.5, 1.5, 1.0, 1.0];

/// Abbreviations citizens and agencies write (folded), and the words they stand for: indexed both
/// ways, so "ubnd" finds "Uỷ ban nhân dân" and "uy ban nhan dan" finds "UBND".
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("gcn", "giay chung nhan"),
    ("qsdd", "quyen su dung dat"),
    ("cccd", "can cuoc cong dan"),
    ("cmnd", "chung minh nhan dan"),
    ("tnmt", "tai nguyen moi truong"),
    ("gplx", "giay phep lai xe"),
    ("dkkd", "dang ky kinh doanh"),
    ("bhxh", "bao hiem xa hoi"),
    ("bhyt", "bao hiem y te"),
    ("tthc", "thu tuc hanh chinh"),
    ("cchc", "cai cach hanh chinh"),
    ("pakn", "phan anh kien nghi"),
];

/// Words that carry no meaning in a question ("tôi muốn hỏi về ...").
const STOP: &[&str] = &[
    "toi", "em", "cua", "va", "la", "ve", "thi", "ma", "nhu", "nao", "gi", "sao", "co", "duoc",
    "cho", "hoi", "muon", "xin", "voi", "o",
];

/// Where a syllable occurs: item, field, how often.
#[derive(Clone, Copy, Debug)]
struct Post {
    doc: u32,
    field: u8,
    count: u8,
}

#[derive(Debug, Default)]
struct Vocab {
    /// Sorted keys, and their postings (same positions).
    keys: Vec<String>,
    posts: Vec<Vec<Post>>,
}

/// Keys being collected: each distinct key allocated once (a sort of every occurrence, two
/// strings each, took most of the build).
type Collect = std::collections::BTreeMap<String, Vec<Post>>;

/// Records one occurrence of `key` in `doc`'s `field` (occurrences come in item, then field order).
fn add(map: &mut Collect, key: &str, doc: u32, field: u8) {
    let post = Post {
        doc,
        field,
        count: 1,
    };
    match map.get_mut(key) {
        Some(list) => match list.last_mut() {
            Some(p) if p.doc == doc && p.field == field => p.count = p.count.saturating_add(1),
            _ => list.push(post),
        },
        None => {
            map.insert(key.to_string(), vec![post]);
        }
    }
}

impl Vocab {
    fn build(map: Collect) -> Vocab {
        let mut v = Vocab::default();
        for (k, p) in map {
            v.keys.push(k);
            v.posts.push(p);
        }
        v
    }

    fn find(&self, key: &str) -> Option<usize> {
        self.keys.binary_search_by(|k| k.as_str().cmp(key)).ok()
    }

    /// Terms starting with `prefix` (at most `limit`).
    fn prefixed(&self, prefix: &str, limit: usize) -> Vec<usize> {
        let start = self.keys.partition_point(|k| k.as_str() < prefix);
        let mut out = Vec::new();
        for (i, k) in self.keys.iter().enumerate().skip(start).take(limit) {
            if !k.starts_with(prefix) {
                break;
            }
            out.push(i);
        }
        out
    }
}

/// The index of [`Answers`].
#[derive(Debug, Default)]
pub(super) struct Index {
    folded: Vocab,
    exact: Vocab,
    docs: usize,
}

impl Index {
    pub fn build(items: &[Item]) -> Index {
        let mut folded = Collect::new();
        let mut exact = Collect::new();
        for (d, item) in items.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            let texts = [
                item.subject.as_str(),
                &item.field,
                &item.agency,
                &item.content,
                &item.answer,
            ];
            for (f, t) in texts.iter().enumerate() {
                let f = u8::try_from(f).unwrap_or(0);
                let tokens = text::tokenize(t);
                for tok in &tokens {
                    add(&mut exact, &tok.exact, d, f);
                    add(&mut folded, &tok.folded, d, f);
                }
                // An abbreviation also stands for its words, and the words for it.
                for (abbr, words) in ABBREVIATIONS {
                    let w: Vec<&str> = text::split_ascii(words, b' ').collect();
                    let a: Vec<&str> = text::split_ascii(abbr, b' ').collect();
                    if contains_run(&tokens, &a) {
                        for x in &w {
                            add(&mut folded, x, d, f);
                        }
                    }
                    if contains_run(&tokens, &w) {
                        add(&mut folded, abbr, d, f);
                    }
                }
            }
        }
        Index {
            folded: Vocab::build(folded),
            exact: Vocab::build(exact),
            docs: items.len(),
        }
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.docs as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Adds `weight` × the term's score to every item it occurs in (its best field per item).
    fn score_term(&self, v: &Vocab, term: usize, weight: f32, into: &mut [f32]) {
        let Some(posts) = v.posts.get(term) else {
            return;
        };
        let mut df = 0;
        let mut last = u32::MAX;
        for p in posts {
            if p.doc != last {
                df += 1;
                last = p.doc;
            }
        }
        let idf = self.idf(df);
        for p in posts {
            let c = f32::from(p.count);
            let tf = c * 2.2 / (c + 1.2);
            let w = WEIGHTS.get(usize::from(p.field)).copied().unwrap_or(1.0);
            if let Some(s) = into.get_mut(p.doc as usize) {
                *s = s.max(weight * idf * tf * w);
            }
        }
    }
}

/// Whether `tokens` has the folded keys `run` one after another.
fn contains_run(tokens: &[text::Token], run: &[&str]) -> bool {
    if run.is_empty() || tokens.len() < run.len() {
        return false;
    }
    tokens
        .windows(run.len())
        .any(|w| w.iter().zip(run).all(|(t, r)| t.folded == *r))
}

/// A search: words, filters, whether the last word is still being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// Lĩnh vực, exactly as in the items.
    pub field: Option<String>,
    /// Answering agency, exactly as in the items.
    pub agency: Option<String>,
    /// Year the answer was given.
    pub year: Option<u16>,
    /// The last word may be a prefix (live search while typing).
    pub typing: bool,
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Positions in [`Answers::items`], best first (newest first without words).
    pub items: Vec<usize>,
    /// The text was a reference number (found or not): `items` is that item or nothing.
    pub reference: Option<String>,
}

pub(super) fn search(a: &Answers, q: &Query) -> Results {
    if let Some(key) = reference_key(&q.text) {
        // A citizen looking up their number wants it whatever the filters say.
        let items = a.find_reference(&key).into_iter().collect();
        return Results {
            items,
            reference: Some(key),
        };
    }
    let pass = |i: &Item| {
        q.field.as_ref().is_none_or(|f| *f == i.field)
            && q.agency.as_ref().is_none_or(|g| *g == i.agency)
            && q.year.is_none_or(|y| y == i.year)
    };
    let tokens = text::tokenize(&q.text);
    let mut words: Vec<&text::Token> = tokens
        .iter()
        .filter(|t| !STOP.contains(&t.folded.as_str()))
        .collect();
    if words.is_empty() {
        words = tokens.iter().collect();
    }
    if words.is_empty() {
        let items = (0..a.items.len())
            .filter(|&i| a.items.get(i).is_some_and(pass))
            .collect();
        return Results {
            items,
            reference: None,
        };
    }
    let ix = &a.index;
    let n = a.items.len();
    let mut total = vec![0f32; n];
    let mut matched = vec![0u16; n];
    let mut word = vec![0f32; n];
    let last = words.len() - 1;
    for (wi, t) in words.iter().enumerate() {
        word.iter_mut().for_each(|s| *s = 0.0);
        let raw = q.text.get(t.bytes.clone()).unwrap_or("");
        candidates(ix, t, raw, q.typing && wi == last, &mut word);
        // Diacritics typed: the items with exactly these marks first.
        if text::has_marks(raw) {
            if let Some(e) = ix.exact.find(&t.exact) {
                let mut bonus = vec![0f32; n];
                ix.score_term(&ix.exact, e, 0.3, &mut bonus);
                for (s, b) in word.iter_mut().zip(&bonus) {
                    if *s > 0.0 {
                        *s += b;
                    }
                }
            }
        }
        for d in 0..n {
            if let (Some(s), Some(t), Some(m)) = (word.get(d), total.get_mut(d), matched.get_mut(d))
            {
                if *s > 0.0 {
                    *t += s;
                    *m += 1;
                }
            }
        }
    }
    let best = (0..n)
        .filter(|&d| a.items.get(d).is_some_and(pass))
        .filter_map(|d| matched.get(d).copied())
        .max()
        .unwrap_or(0);
    if best == 0 {
        return Results::default();
    }
    let mut items: Vec<usize> = (0..n)
        .filter(|&d| matched.get(d) == Some(&best) && a.items.get(d).is_some_and(pass))
        .collect();
    crate::sort::sort_by(&mut items, |x, y| {
        let (sx, sy) = (total.get(*x).copied(), total.get(*y).copied());
        sy.partial_cmp(&sx)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(x.cmp(y))
    });
    Results {
        items,
        reference: None,
    }
}

/// Scores one query word into `out`: its own key, its abbreviation's words, Telex leftovers,
/// regional variants, a prefix while typing, else one-edit typos.
fn candidates(ix: &Index, t: &text::Token, raw: &str, prefix: bool, out: &mut [f32]) {
    let v = &ix.folded;
    let mut direct = false;
    if let Some(i) = v.find(&t.folded) {
        ix.score_term(v, i, 1.0, out);
        direct = true;
    }
    if let Some(decoded) = text::telex_decode(raw) {
        let k = text::fold(&decoded);
        if k != t.folded {
            if let Some(i) = v.find(&k) {
                ix.score_term(v, i, 0.9, out);
                direct = true;
            }
        }
    }
    if prefix && t.folded.len() >= 2 {
        for i in v.prefixed(&t.folded, 64) {
            ix.score_term(v, i, 0.8, out);
        }
    }
    for k in text::regional_variants(&t.folded) {
        if let Some(i) = v.find(&k) {
            ix.score_term(v, i, 0.6, out);
        }
    }
    if !direct && t.folded.len() >= 3 {
        for (i, k) in v.keys.iter().enumerate() {
            if k.len() >= 3 && text::within_one_edit(&t.folded, k) {
                ix.score_term(v, i, 0.5, out);
            }
        }
    }
}

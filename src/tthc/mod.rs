//! TTHC search: find the right administrative procedure the way citizens actually type.
//!
//! Why it exists: a portal lists thousands of procedures with official titles ("Giấy chứng nhận
//! quyền sử dụng đất"), and citizens type "so do", "cap lai cccd", "dang ki ket hon", "sây dựng".
//! Generic client-side engines miss most of these (research: 54-75% right in the top 3). This
//! module is the one engine the browser widget and `cchc search` share:
//!
//! - [`Catalog::from_json_str`] loads `tthc.json` or the national portal's records (array or JSON
//!   Lines), cleaning them (see `load`), and builds the index (`index`).
//! - [`Catalog::search`] parses the query into readings (`query`: dictionary of everyday names,
//!   fillers, typo/regional/Telex alternatives, prefix while typing), ranks (`rank`: BM25F, pair
//!   bonus, exact-diacritic preference, coverage), filters and counts facets, and returns plain
//!   data with highlight spans and "did you mean" suggestions.

mod dict;
pub mod documents;
mod faq;
mod index;
mod load;
mod model;
mod query;
mod rank;
mod raw;
mod terms;
mod thesaurus;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use raw::is_own_key;

use std::sync::OnceLock;

use serde::Serialize;

pub use crate::contract::DataError as LoadError;
use crate::i18n::Lang;
use crate::text;
pub use faq::{FaqEntry, FaqHit};
pub use index::Keyed;
pub use load::NATIONAL_RECORDS;
pub use model::{DetailFacts, Details, DetailsMap, Online, Procedure, Warning, WarningKind};
pub use query::Part;
#[cfg(not(target_arch = "wasm32"))]
pub use terms::{derive as derive_terms, to_json as terms_json, MAX_TERMS};
#[cfg(not(target_arch = "wasm32"))]
pub use thesaurus::builtin as builtin_thesaurus;
pub use thesaurus::{EventDef, Thesaurus, ThesaurusError, BUILTIN_TSV as BUILTIN_THESAURUS_TSV};

/// The facets, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FacetKey {
    /// Lĩnh vực.
    LinhVuc,
    /// Cấp thực hiện.
    Cap,
    /// Cơ quan.
    CoQuan,
    /// Trực tuyến.
    TrucTuyen,
}

impl FacetKey {
    pub const ALL: [FacetKey; 4] = [
        FacetKey::LinhVuc,
        FacetKey::Cap,
        FacetKey::CoQuan,
        FacetKey::TrucTuyen,
    ];

    /// The URL/JSON spelling.
    pub fn key(self) -> &'static str {
        match self {
            FacetKey::LinhVuc => "linh_vuc",
            FacetKey::Cap => "cap",
            FacetKey::CoQuan => "co_quan",
            FacetKey::TrucTuyen => "truc_tuyen",
        }
    }

    pub fn from_key(s: &str) -> Option<FacetKey> {
        FacetKey::ALL.into_iter().find(|k| k.key() == s)
    }

    /// The facet's heading.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.text(match self {
            FacetKey::LinhVuc => msg!("Lĩnh vực", "Area"),
            FacetKey::Cap => msg!("Cấp thực hiện", "Level"),
            FacetKey::CoQuan => msg!("Cơ quan", "Agency"),
            FacetKey::TrucTuyen => msg!("Trực tuyến", "Online"),
        })
    }

    fn index(self) -> usize {
        match self {
            FacetKey::LinhVuc => 0,
            FacetKey::Cap => 1,
            FacetKey::CoQuan => 2,
            FacetKey::TrucTuyen => 3,
        }
    }
}

/// A selected facet value. Values of one facet combine with OR, facets with AND.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Filter {
    pub key: FacetKey,
    /// The value as in [`FacetValue::value`].
    pub value: String,
}

/// What the search box and the facets ask.
#[derive(Clone, Debug, Serialize)]
pub struct Query {
    pub text: String,
    pub filters: Vec<Filter>,
    /// How many hits to return (the total is always counted).
    pub limit: usize,
    /// The user is still typing: the last word may be incomplete (prefix match). Default true.
    pub typing: bool,
    /// Language of facet labels.
    #[serde(skip)]
    pub lang: Lang,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            text: String::new(),
            filters: Vec::new(),
            limit: 20,
            typing: true,
            lang: Lang::Vi,
        }
    }
}

impl Query {
    /// A query for `text` with default settings.
    pub fn text(text: &str) -> Query {
        Query {
            text: text.to_string(),
            ..Query::default()
        }
    }
}

/// A character range `[start, end)` in the displayed (NFC) name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Position in [`Catalog::procedures`].
    pub index: usize,
    pub code: String,
    pub name: String,
    /// Relevance (higher is better), rounded to 2 decimals.
    pub score: f64,
    /// Matched syllables in `name` (char ranges), also when matched without diacritics.
    pub highlights: Vec<Span>,
}

/// One value of a facet with its count under the current query and the other facets' filters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// The filter value.
    pub value: String,
    /// What to display.
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Facet {
    pub key: FacetKey,
    pub label: String,
    pub values: Vec<FacetValue>,
}

/// What a search returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Matching procedures after filters.
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Vec<Facet>,
    /// "Did you mean" queries, when few or no procedures match.
    pub suggestions: Vec<String>,
    /// The part of a procedure the query asks about ("cần giấy tờ gì" → the documents), for
    /// showing that part of the top result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asks: Option<Part>,
    /// The hỏi đáp entries that answer the query (at most [`FAQ_HITS`], best first), apart from
    /// the procedures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<FaqHit>,
}

/// At most this many hỏi đáp entries per search.
pub const FAQ_HITS: usize = 3;
/// A hỏi đáp entry is shown when it scores at least this share of the best one.
const FAQ_CLOSE: f32 = 0.7;
/// ... and covers at least this much of the query (its important words: a few dozen entries
/// share common words with almost any query).
const FAQ_COVERAGE: f32 = 0.8;

/// A life event to browse ("Sự kiện đời sống") with its procedures in this catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LifeEvent {
    pub name: String,
    /// Positions in [`Catalog::procedures`], in the order of the event's terms.
    pub procedures: Vec<usize>,
}

/// The loaded procedures, their index and dictionary.
#[derive(Debug)]
pub struct Catalog {
    procedures: Vec<Procedure>,
    agency: Option<String>,
    /// Built on first use ([`Catalog::ix`]): a list can be shown, browsed and filtered before
    /// it exists, so the widget is ready one index build sooner on a cheap phone and builds it
    /// right after ([`Catalog::warm`]).
    index: OnceLock<index::Index>,
    /// The dictionary over the index, the agency's synonyms and the thesaurus; built on first
    /// use ([`Catalog::dict`]) and dropped when the thesaurus changes.
    dict: OnceLock<query::Dictionary>,
    /// The agency's synonyms, kept to rebuild the dictionary when a thesaurus is attached.
    synonyms: Vec<(String, Vec<String>)>,
    /// The attached thesaurus, after the agency's own situations and life events.
    thesaurus: Thesaurus,
    /// Facet value labels and, per document, its value ids.
    facet_labels: [Vec<String>; 4],
    doc_values: Vec<[Vec<u32>; 4]>,
    /// `terms_url` and `faq_url` of `tthc.json`: files to attach after load.
    terms_url: Option<String>,
    faq_url: Option<String>,
    /// The hỏi đáp entries and their own index.
    faq: faq::Faq,
}

/// The size limit of a data file in the browser (see [`crate::contract::MAX_DATA_BYTES`]).
pub const MAX_BYTES: usize = crate::contract::MAX_DATA_BYTES;

impl Catalog {
    /// Loads `tthc.json`, a JSON array of national records, or JSON Lines, and builds the index.
    pub fn from_json_str(text: &str) -> Result<(Catalog, Vec<Warning>), LoadError> {
        Catalog::from_json_str_with_limit(text, MAX_BYTES)
    }

    /// Like [`Catalog::from_json_str`] with another size limit (the CLI reads large exports).
    pub fn from_json_str_with_limit(
        text: &str,
        max_bytes: usize,
    ) -> Result<(Catalog, Vec<Warning>), LoadError> {
        let loaded = load::load(text, max_bytes)?;
        let mut c = Catalog::new(loaded.procedures, &loaded.synonyms);
        c.agency = loaded.agency;
        c.terms_url = loaded.terms_url;
        c.faq_url = loaded.faq_url;
        if !loaded.faq.is_empty() {
            c.faq = faq::Faq::new(loaded.faq);
        }
        if !loaded.thesaurus.is_empty() {
            c.set_thesaurus(loaded.thesaurus);
        }
        Ok((c, loaded.warnings))
    }

    /// The procedures of a data file and its `agency`, read and cleaned exactly as
    /// [`Catalog::from_json_str`] reads them, without building the index: for the print module,
    /// which prints one procedure as the widget shows it.
    pub fn procedures_of(text: &str) -> Result<(Vec<Procedure>, Option<String>), LoadError> {
        let loaded = load::load(text, MAX_BYTES)?;
        Ok((loaded.procedures, loaded.agency))
    }

    /// Builds a catalogue from procedures already in memory, with extra dictionary entries.
    pub fn new(procedures: Vec<Procedure>, synonyms: &[(String, Vec<String>)]) -> Catalog {
        let mut c = Catalog {
            procedures,
            agency: None,
            index: OnceLock::new(),
            dict: OnceLock::new(),
            synonyms: synonyms.to_vec(),
            thesaurus: Thesaurus::default(),
            facet_labels: Default::default(),
            doc_values: Vec::new(),
            terms_url: None,
            faq_url: None,
            faq: faq::Faq::default(),
        };
        c.build_facets();
        c
    }

    /// Where the procedures' own words are (`terms_url` of `tthc.json`, relative to it): a file to
    /// fetch once the widget is ready and hand to [`Catalog::add_terms`].
    pub fn terms_url(&self) -> Option<&str> {
        self.terms_url.as_deref()
    }

    /// Where the hỏi đáp entries are (`faq_url`, relative to `tthc.json`), for
    /// [`Catalog::add_faq`].
    pub fn faq_url(&self) -> Option<&str> {
        self.faq_url.as_deref()
    }

    /// Adds the procedures' own words from a terms file (`{"version": 1, "terms": {code:
    /// "term|term"}}`, see `terms_url`) to the index, in place: searches that follow also look
    /// there, below the name. Codes not in the catalogue are skipped. Returns how many procedures
    /// got terms. Call it once per file: terms added twice count twice.
    pub fn add_terms(&mut self, text: &str) -> Result<usize, LoadError> {
        let terms = terms::parse(text)?;
        // The dictionary is made from the index as it was before these terms, as always.
        self.dict();
        let mut items: Vec<(u32, &str)> = Vec::with_capacity(terms.len());
        let ix = self.ix();
        for (code, t) in &terms {
            let key = text::fold(code.trim());
            if let Ok(i) = ix
                .codes
                .binary_search_by(|(c, _)| c.as_str().cmp(key.as_str()))
            {
                if let Some((_, doc)) = ix.codes.get(i) {
                    items.push((*doc, t));
                }
            }
        }
        if let Some(ix) = self.index.get_mut() {
            ix.add_terms(&items);
        }
        Ok(items.len())
    }

    /// Adds the hỏi đáp entries of a file (`{"version": 1, "faq": [...]}`, see `faq_url`) after
    /// the ones `tthc.json` carries, and rebuilds their small index. Returns the warnings (entries
    /// left out).
    pub fn add_faq(&mut self, text: &str) -> Result<Vec<Warning>, LoadError> {
        let (more, warnings) = faq::parse_file(text)?;
        let mut all = std::mem::take(&mut self.faq.entries);
        all.extend(more);
        self.faq = faq::Faq::new(all);
        Ok(warnings)
    }

    /// The hỏi đáp entries, in file order.
    pub fn faq(&self) -> &[FaqEntry] {
        &self.faq.entries
    }

    fn build_facets(&mut self) {
        let mut ids: [std::collections::HashMap<String, u32, index::Fnv>; 4] = Default::default();
        let mut labels: [Vec<String>; 4] = Default::default();
        let mut docs = Vec::with_capacity(self.procedures.len());
        for p in &self.procedures {
            let mut row: [Vec<u32>; 4] = Default::default();
            // Facet k's values of `p`, straight from the procedure (no list of them per record).
            let mut add = |k: usize, v: &str| {
                let (Some(map), Some(lab), Some(r)) =
                    (ids.get_mut(k), labels.get_mut(k), row.get_mut(k))
                else {
                    return;
                };
                let id = match map.get(v) {
                    Some(&id) => id,
                    None => {
                        lab.push(v.to_string());
                        let id = lab.len() as u32 - 1;
                        map.insert(v.to_string(), id);
                        id
                    }
                };
                r.push(id);
            };
            if let Some(f) = p.field.as_deref() {
                add(0, f);
            }
            for l in &p.levels {
                add(1, l);
            }
            if let Some(a) = p.agencies.first() {
                add(2, a);
            }
            add(3, p.online.key());
            docs.push(row);
        }
        self.facet_labels = labels;
        self.doc_values = docs;
    }

    /// Attaches a life-situation thesaurus ([`Thesaurus::parse`]): its situations join the
    /// dictionary, its life events are offered by [`Catalog::life_events`]. The agency's own
    /// situations and life events (from `tthc.json`) are kept and come after the attached ones,
    /// so they extend or override them. The index is not rebuilt.
    pub fn set_thesaurus(&mut self, mut t: Thesaurus) {
        let own = std::mem::take(&mut self.thesaurus);
        t.extend(own);
        self.thesaurus = t;
        // Made again on first use, from the index as it is then: the same as now, since
        // `add_terms` makes the dictionary before it changes the index.
        self.dict = OnceLock::new();
    }

    /// The index, built now if it is not yet.
    fn ix(&self) -> &index::Index {
        self.index
            .get_or_init(|| index::Index::build(&self.procedures))
    }

    /// The dictionary, made now if it is not yet: the thesaurus's words, then the agency's
    /// synonyms, its situations and fillers.
    fn dict(&self) -> &query::Dictionary {
        self.dict.get_or_init(|| {
            let t = &self.thesaurus;
            let mut words = t.words.clone();
            words.extend(self.synonyms.iter().cloned());
            query::Dictionary::new(self.ix(), &words, &t.situations, &t.fillers)
        })
    }

    /// Builds the index and the dictionary now if they are not yet (they are otherwise built by
    /// the first search with words): the widget calls it once it is ready, so that the first
    /// query a citizen types does not wait for them.
    pub fn warm(&self) {
        self.dict();
    }

    /// The attached thesaurus (with the agency's entries).
    pub fn thesaurus(&self) -> &Thesaurus {
        &self.thesaurus
    }

    /// The life events of the thesaurus with their procedures in this catalogue: each term is
    /// searched like a typed query and its best matches (at most `per_term`) join the event in
    /// the terms' order, without repeats. Events without any procedure here are left out.
    pub fn life_events(&self, per_term: usize) -> Vec<LifeEvent> {
        let mut out = Vec::new();
        for e in &self.thesaurus.events {
            let mut procs: Vec<usize> = Vec::new();
            for term in &e.terms {
                let q = Query {
                    typing: false,
                    limit: per_term,
                    ..Query::text(term)
                };
                let hits = self.search_inner(&q).hits;
                // Only what the term itself names: hits far below its best are tangents.
                let best = hits.first().map_or(0.0, |h| h.score);
                for h in hits.iter().filter(|h| h.score >= best * 0.6) {
                    if !procs.contains(&h.index) {
                        procs.push(h.index);
                    }
                }
            }
            if !procs.is_empty() {
                out.push(LifeEvent {
                    name: e.name.clone(),
                    procedures: procs,
                });
            }
        }
        out
    }

    /// All procedures, in file order.
    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }

    /// One procedure by its position (as in [`Hit::index`]).
    pub fn procedure(&self, i: usize) -> Option<&Procedure> {
        self.procedures.get(i)
    }

    /// The position of the procedure with this code.
    pub fn find_code(&self, code: &str) -> Option<usize> {
        let key = text::fold(code.trim());
        self.procedures
            .iter()
            .position(|p| text::fold(&p.code) == key)
    }

    /// The publishing agency named in `tthc.json`, if any.
    pub fn agency(&self) -> Option<&str> {
        self.agency.as_deref()
    }

    /// Runs a query: matches, facets, hits with highlights, suggestions.
    pub fn search(&self, q: &Query) -> SearchResults {
        let mut results = self.search_inner(q);
        if !q.text.trim().is_empty() {
            results.suggestions = self.suggest(q, results.total);
            results.asks = query::asks(&q.text);
            results.faq = self.search_faq(q);
        }
        results
    }

    /// The hỏi đáp entries that answer `q`: ranked by the same engine over their own index, kept
    /// when they cover most of the query ([`FAQ_COVERAGE`]) about as well as the best one, and
    /// score close to it ([`FAQ_CLOSE`]).
    fn search_faq(&self, q: &Query) -> Vec<FaqHit> {
        let f = &self.faq;
        if f.entries.is_empty() {
            return Vec::new();
        }
        let typing = q.typing && !q.text.ends_with(char::is_whitespace);
        let parsed = query::parse(&f.index, self.dict(), &q.text, typing);
        if parsed.readings.is_empty() {
            return Vec::new();
        }
        let s = rank::score(&f.index, &parsed);
        let need = (s.best_coverage * 0.8).max(FAQ_COVERAGE) - 1e-4;
        let mut docs: Vec<u32> = Vec::new();
        for (d, &c) in s.coverage.iter().enumerate() {
            if c > 0.0 && c >= need {
                docs.push(d as u32);
            }
        }
        top_by_score(&mut docs, &s.score, FAQ_HITS);
        // Entries far below the best are tangents ("đăng ký tạm trú" for a death in the family).
        let best = docs
            .first()
            .and_then(|&d| s.score.get(d as usize))
            .copied()
            .unwrap_or(0.0);
        docs.retain(|&d| {
            s.score
                .get(d as usize)
                .is_some_and(|&x| x >= best * FAQ_CLOSE)
        });
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            let d = d as usize;
            let Some(e) = f.entries.get(d) else { continue };
            let score = s.score.get(d).copied().unwrap_or(0.0);
            out.push(FaqHit {
                index: d,
                question: e.question.clone(),
                codes: e.codes.clone(),
                score: (f64::from(score) * 100.0).round() / 100.0,
                highlights: spans(&f.index, d, &e.question, Some(&s), &parsed),
            });
        }
        out
    }

    fn search_inner(&self, q: &Query) -> SearchResults {
        let typing = q.typing && !q.text.ends_with(char::is_whitespace);
        // No text (browsing, filtering): nothing to parse, and no index needed yet.
        let parsed = if q.text.trim().is_empty() {
            query::Parsed::default()
        } else {
            query::parse(self.ix(), self.dict(), &q.text, typing)
        };
        let n = self.procedures.len();
        let browse = parsed.readings.is_empty() && parsed.codes.is_empty();
        let mut scored = (!browse).then(|| rank::score(self.ix(), &parsed));
        let mut matched: Vec<u32> = Vec::new();
        match &scored {
            None if parsed.tokens.is_empty() => matched.extend(0..n as u32),
            None => {}
            Some(s) => {
                // Soft AND: documents missing a word or two of a long query still match, ranked lower.
                let need = (s.best_coverage * 0.6).max(s.best_coverage.min(0.5)) - 1e-4;
                for (d, &c) in s.coverage.iter().enumerate().take(n) {
                    if c > 0.0 && c >= need {
                        matched.push(d as u32);
                    }
                }
            }
        }
        let selected = self.selected(&q.filters);
        let mut counts: [Vec<usize>; 4] =
            std::array::from_fn(|k| vec![0; self.facet_labels.get(k).map_or(0, Vec::len)]);
        let mut kept: Vec<u32> = Vec::new();
        for &d in &matched {
            let Some(values) = self.doc_values.get(d as usize) else {
                continue;
            };
            let pass: [bool; 4] = std::array::from_fn(|k| {
                let sel = selected.get(k).map_or(&[][..], Vec::as_slice);
                sel.is_empty()
                    || values
                        .get(k)
                        .is_some_and(|v| v.iter().any(|id| sel.contains(id)))
            });
            let fails = pass.iter().filter(|p| !**p).count();
            if fails == 0 {
                kept.push(d);
            }
            for (k, ok) in pass.iter().enumerate() {
                if fails == 0 || (fails == 1 && !ok) {
                    for &id in values.get(k).map_or(&[][..], Vec::as_slice) {
                        if let Some(c) = counts.get_mut(k).and_then(|c| c.get_mut(id as usize)) {
                            *c += 1;
                        }
                    }
                }
            }
        }
        let total = kept.len();
        if let Some(s) = scored.as_mut() {
            // The best candidates are re-ranked by phrase proximity in the name, then only the
            // first `limit` are ordered (selected in linear time, then sorted).
            top_by_score(&mut kept, &s.score, q.limit.max(rank::RERANK));
            rank::rerank_phrases(self.ix(), &parsed, s, &kept);
            top_by_score(&mut kept, &s.score, q.limit);
        }
        kept.truncate(q.limit);
        let mut hits = Vec::with_capacity(kept.len());
        for &d in &kept {
            hits.push(self.hit(d as usize, scored.as_ref(), &parsed));
        }
        SearchResults {
            total,
            hits,
            facets: self.facets(&counts, &selected, q.lang),
            suggestions: Vec::new(),
            asks: None,
            faq: Vec::new(),
        }
    }

    fn selected(&self, filters: &[Filter]) -> [Vec<u32>; 4] {
        let mut sel: [Vec<u32>; 4] = Default::default();
        for f in filters {
            let k = f.key.index();
            let id = self
                .facet_labels
                .get(k)
                .and_then(|l| l.iter().position(|x| *x == f.value));
            if let (Some(id), Some(s)) = (id, sel.get_mut(k)) {
                s.push(id as u32);
            } else if let Some(s) = sel.get_mut(k) {
                s.push(u32::MAX); // an unknown value selects nothing, visibly
            }
        }
        sel
    }

    fn facets(&self, counts: &[Vec<usize>; 4], selected: &[Vec<u32>; 4], lang: Lang) -> Vec<Facet> {
        let mut facets = Vec::with_capacity(FacetKey::ALL.len());
        for &key in FacetKey::ALL.iter() {
            let k = key.index();
            let labels = self.facet_labels.get(k).map_or(&[][..], Vec::as_slice);
            let sel = selected.get(k).map_or(&[][..], Vec::as_slice);
            let counts = counts.get(k).map_or(&[][..], Vec::as_slice);
            let mut values: Vec<FacetValue> = Vec::new();
            for (id, value) in labels.iter().enumerate() {
                let count = counts.get(id).copied().unwrap_or(0);
                let selected = sel.contains(&(id as u32));
                if count == 0 && !selected {
                    continue;
                }
                let label = match (key, Online::from_key(value)) {
                    (FacetKey::TrucTuyen, Some(o)) => o.label(lang).to_string(),
                    _ => value.clone(),
                };
                values.push(FacetValue {
                    value: value.clone(),
                    label,
                    count,
                    selected,
                });
            }
            crate::sort::sort_by(&mut values, |a, b| {
                b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))
            });
            facets.push(Facet {
                key,
                label: key.label(lang).to_string(),
                values,
            });
        }
        facets
    }

    fn hit(&self, d: usize, scored: Option<&rank::Scored>, parsed: &query::Parsed) -> Hit {
        let p = self.procedures.get(d);
        let name = p.map(|p| p.name.clone()).unwrap_or_default();
        let score = scored.and_then(|s| s.score.get(d)).copied().unwrap_or(0.0);
        // Without a reading nothing is highlighted (and the index may not be built yet).
        let highlights = if parsed.readings.is_empty() {
            Vec::new()
        } else {
            spans(self.ix(), d, &name, scored, parsed)
        };
        Hit {
            index: d,
            code: p.map(|p| p.code.clone()).unwrap_or_default(),
            name,
            score: (f64::from(score) * 100.0).round() / 100.0,
            highlights,
        }
    }

    /// "Did you mean": rewrites unknown or unlikely syllables into their most likely known
    /// spelling. When the query finds little (fewer than 3), a rewrite is offered if it finds
    /// more. When it finds enough (typo tolerance already matched), a rewrite is offered only if
    /// it replaced a syllable that appears nowhere in the catalogue, so the citizen sees what the
    /// search understood ("giây khai sinh" finds the birth registration and shows "giấy khai
    /// sinh"); a word still being typed is never rewritten.
    fn suggest(&self, q: &Query, total: usize) -> Vec<String> {
        let tokens = text::tokenize(&q.text);
        // A query that already finds enough keeps its last word while it is still being typed.
        let keep_last = total >= 3 && q.typing && !q.text.ends_with(char::is_whitespace);
        let mut out = String::new();
        let mut changed = false;
        let mut unknown_fixed = false;
        let mut prev: Option<u32> = None;
        let n = tokens.len().min(16);
        for (i, t) in tokens.iter().take(16).enumerate() {
            if keep_last && i + 1 == n {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(q.text.get(t.bytes.clone()).unwrap_or(""));
                continue;
            }
            if total >= 3 && self.dict().entries.contains_key(&t.folded) {
                // An abbreviation or everyday name ("cccd", "gplx"): understood as typed.
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(q.text.get(t.bytes.clone()).unwrap_or(""));
                prev = None;
                continue;
            }
            let known = self.ix().term_ids.get(&t.folded).copied();
            if known.is_none() && total >= 3 {
                unknown_fixed = true; // cleared below if no rewrite is found
            }
            let word = match known {
                Some(id) if prev.is_none_or(|p| self.ix().has_pair(p, id)) => {
                    prev = Some(id);
                    if t.exact != t.folded && !self.ix().exact_ids.contains_key(&t.exact) {
                        // Marks that no word of the catalogue has ("giáy"): its usual spelling.
                        changed = true;
                        unknown_fixed |= total >= 3;
                        self.ix().display(id)
                    } else {
                        q.text.get(t.bytes.clone()).unwrap_or("").to_string()
                    }
                }
                _ => match self.correction(&t.folded, prev) {
                    Some(id) => {
                        changed = true;
                        prev = Some(id);
                        self.ix().display(id)
                    }
                    None => match known
                        .is_none()
                        .then(|| self.split_glued(&t.folded))
                        .flatten()
                    {
                        // Syllables typed without spaces: "lylichtuphap" → "lý lịch tư pháp".
                        Some(ids) => {
                            changed = true;
                            prev = ids.last().copied();
                            let mut words = String::new();
                            for (i, &id) in ids.iter().enumerate() {
                                if i > 0 {
                                    words.push(' ');
                                }
                                words.push_str(&self.ix().display(id));
                            }
                            words
                        }
                        None => {
                            if known.is_none() && total >= 3 {
                                // An unknown word kept as typed: no rewrite to show.
                                return Vec::new();
                            }
                            prev = known;
                            q.text.get(t.bytes.clone()).unwrap_or("").to_string()
                        }
                    },
                },
            };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
        if !changed || same_exact(&out, &q.text) {
            return Vec::new();
        }
        if total >= 3 && !unknown_fixed {
            return Vec::new();
        }
        let check = Query {
            text: out.clone(),
            typing: false,
            limit: 0,
            ..q.clone()
        };
        let found = self.search_inner(&check).total;
        if found > total || (unknown_fixed && found > 0) {
            vec![out]
        } else {
            Vec::new()
        }
    }

    /// Splits a folded word typed without spaces into known syllables (the fewest pieces, each
    /// piece a known syllable, adjacent pieces preferring known pairs), or `None`.
    fn split_glued(&self, key: &str) -> Option<Vec<u32>> {
        let ix = self.ix();
        let bounds = char_bounds(key);
        let n = bounds.len().saturating_sub(1);
        if !(4..=40).contains(&n) {
            return None;
        }
        // best[i]: (pieces, pairs missing, previous boundary, term) for the prefix of i chars.
        let mut best: Vec<Option<(usize, usize, usize, u32)>> = vec![None; n + 1];
        if let Some(b) = best.get_mut(0) {
            *b = Some((0, 0, 0, u32::MAX));
        }
        for i in 1..=n {
            for j in i.saturating_sub(7)..i {
                let Some(&Some((pieces, missing, _, prev))) = best.get(j) else {
                    continue;
                };
                if i - j < 2 {
                    continue; // one-letter pieces would "split" anything
                }
                let piece = key.get(*bounds.get(j)?..*bounds.get(i)?).unwrap_or("");
                let Some(&id) = ix.term_ids.get(&text::folded_key(piece)) else {
                    continue;
                };
                let miss = missing + usize::from(prev != u32::MAX && !ix.has_pair(prev, id));
                let cand = (pieces + 1, miss, j, id);
                let better = match best.get(i) {
                    Some(Some(cur)) => (cand.0, cand.1) < (cur.0, cur.1),
                    _ => true,
                };
                if better {
                    if let Some(b) = best.get_mut(i) {
                        *b = Some(cand);
                    }
                }
            }
        }
        let mut ids = Vec::new();
        let mut i = n;
        while i > 0 {
            let (_, _, j, id) = (*best.get(i)?)?;
            ids.push(id);
            i = j;
        }
        ids.reverse();
        (ids.len() >= 2).then_some(ids)
    }

    fn correction(&self, key: &str, prev: Option<u32>) -> Option<u32> {
        let ix = self.ix();
        let mut cands: Vec<u32> = Vec::new();
        for v in &text::regional_variants(key) {
            if let Some(&id) = ix.term_ids.get(v) {
                cands.push(id);
            }
        }
        if text::char_count(key) >= 3 {
            for (i, k) in ix.terms.iter().enumerate() {
                if k.len().abs_diff(key.len()) <= 1 && text::within_one_edit(k, key) {
                    cands.push(i as u32);
                }
            }
        }
        cands.retain(|&c| ix.term(c) != key);
        let rank = |c: &u32| {
            let pair = prev.is_some_and(|p| ix.has_pair(p, *c));
            (pair, ix.df.get(*c as usize).copied().unwrap_or(0))
        };
        cands.into_iter().max_by_key(rank)
    }
}

/// The matched syllables of document `d`'s name (char ranges), merged across spaces.
fn spans(
    ix: &index::Index,
    d: usize,
    name: &str,
    scored: Option<&rank::Scored>,
    parsed: &query::Parsed,
) -> Vec<Span> {
    let reading = scored.and_then(|s| s.reading.get(d)).copied().unwrap_or(0);
    let mut terms: Vec<u32> = Vec::new();
    if let Some(r) = parsed.readings.get(usize::from(reading)) {
        for s in &r.slots {
            for a in &s.alts {
                if a.weight >= 0.5 {
                    terms.push(a.term);
                }
            }
        }
    }
    let mut highlights: Vec<Span> = Vec::new();
    let mut terms_of_name = ix.name_terms(d).iter();
    // Byte end of the last highlighted token: highlights separated only by spaces merge.
    let mut last_end_byte = 0usize;
    text::scan(name, |_, bytes, chars| {
        let hit = terms_of_name
            .next()
            .is_some_and(|id| *id != index::NO_TERM && terms.contains(id));
        if !hit {
            return;
        }
        let gap_is_space = name
            .get(last_end_byte..bytes.start)
            .is_some_and(|g| g.bytes().all(|c| c == b' '));
        match highlights.last_mut() {
            Some(l) if gap_is_space => l.end = chars.end,
            _ => highlights.push(Span {
                start: chars.start,
                end: chars.end,
            }),
        }
        last_end_byte = bytes.end;
    });
    highlights
}

/// Keeps the `n` documents of highest score, best first (ties: file order).
fn top_by_score(docs: &mut Vec<u32>, score: &[f32], n: usize) {
    let key = |d: &u32| score.get(*d as usize).copied().unwrap_or(0.0);
    let order = |a: &u32, b: &u32| key(b).total_cmp(&key(a)).then(a.cmp(b));
    if n > 0 && docs.len() > n {
        select_first(docs, n, &|a, b| order(&a, &b) == std::cmp::Ordering::Less);
    }
    docs.truncate(n);
    crate::sort::sort_by(docs, order);
}

/// Moves the `n` smallest items by `less` (a strict total order) to the front, in any order:
/// a quickselect with a median-of-three pivot, linear on average. Small in wasm, unlike the
/// standard library's generic `select_nth_unstable_by`.
fn select_first(v: &mut [u32], n: usize, less: &dyn Fn(u32, u32) -> bool) {
    let (mut lo, mut hi) = (0, v.len());
    while hi - lo > 1 && lo < n && n < hi {
        let mid = lo + (hi - lo) / 2;
        let (a, b, c) = (v[lo], v[mid], v[hi - 1]);
        let pivot = if less(a, b) == less(b, c) {
            b
        } else if less(b, a) == less(a, c) {
            a
        } else {
            c
        };
        // Three-way partition: [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i < gt {
            let x = v[i];
            if less(x, pivot) {
                v.swap(lt, i);
                lt += 1;
                i += 1;
            } else if less(pivot, x) {
                gt -= 1;
                v.swap(i, gt);
            } else {
                i += 1;
            }
        }
        if n <= lt {
            hi = lt;
        } else if n >= gt {
            lo = gt;
        } else {
            return;
        }
    }
}

/// Whether two texts have the same exact tokens (a rewrite that changes nothing visible).
fn same_exact(a: &str, b: &str) -> bool {
    let (x, y) = (text::tokenize(a), text::tokenize(b));
    if x.len() != y.len() {
        return false;
    }
    for (p, q) in x.iter().zip(&y) {
        if p.exact != q.exact {
            return false;
        }
    }
    true
}

/// The byte offset of every char of `s`, then `s.len()`.
fn char_bounds(s: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(s.len() + 1);
    for (i, _) in s.char_indices() {
        out.push(i);
    }
    out.push(s.len());
    out
}

/// Splits `text` into (segment, highlighted) pieces by char spans, for a shell that sets text only.
pub fn split_highlights<'a>(text: &'a str, spans: &[Span]) -> Vec<(&'a str, bool)> {
    let bounds = char_bounds(text);
    let byte = |c: usize| bounds.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::new();
    let mut pos = 0;
    for s in spans {
        let (a, b) = (byte(s.start).max(pos), byte(s.end));
        if a >= b {
            continue;
        }
        if let Some(plain) = text.get(pos..a).filter(|p| !p.is_empty()) {
            out.push((plain, false));
        }
        if let Some(m) = text.get(a..b) {
            out.push((m, true));
        }
        pos = b;
    }
    if let Some(rest) = text.get(pos..).filter(|r| !r.is_empty()) {
        out.push((rest, false));
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod select_tests {
    use proptest::prelude::*;

    proptest! {
        /// After `select_first`, the first `n` items are the `n` smallest (as a set).
        #[test]
        fn select_first_keeps_the_n_smallest(
            scores in proptest::collection::vec(0u8..20, 1..300),
            n in 1usize..320,
        ) {
            let mut docs: Vec<u32> = (0..scores.len() as u32).collect();
            let key = |d: u32| (scores[d as usize], d);
            super::select_first(&mut docs, n, &|a, b| key(a) < key(b));
            let mut got: Vec<u32> = docs.iter().copied().take(n).collect();
            got.sort_unstable();
            let mut want: Vec<u32> = (0..scores.len() as u32).collect();
            want.sort_by_key(|&d| key(d));
            want.truncate(n);
            want.sort_unstable();
            prop_assert_eq!(got, want);
        }
    }
}

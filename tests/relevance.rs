//! Relevance regression test: the labelled query sets against the real demo catalogue
//! (`www/data/tthc.json`): the name-style set (`tests/relevance/queries.tsv`) and the
//! question-style set (`tests/relevance/questions.tsv`: questions, life situations, colloquial).
//!
//! Prints S@3 (an expected code among the first 3 results) and MRR@10 (reciprocal rank of the first
//! expected code in the top 10) overall and per category, and fails when S@3 drops below the floor
//! recorded in `tests/relevance/floor.txt` (name-style) or `tests/relevance/questions-floor.txt`.
//! `RELEVANCE_VERBOSE=1` also prints every query that
//! misses the top 3, with the top results the engine returned; `RELEVANCE_VERBOSE=2` every query
//! whose right answer is not first. `RELEVANCE_TYPING=1` runs the set as if each query were still
//! being typed (the floor is checked on complete queries). The procedures' own words (the file
//! `terms_url` names) are attached as `cchc search` does; `RELEVANCE_TERMS=0` leaves them out (a
//! widget before they arrive). `RELEVANCE_DATA=path/tthc.json` measures another catalogue (the
//! portal's full records imported with `cchc import tthc --details split`).

use std::collections::BTreeMap;

use cchc_widgets::i18n::Lang;
use cchc_widgets::tthc::{Catalog, Query};

/// One labelled query.
struct Case {
    query: String,
    expected: Vec<String>,
    category: String,
}

/// Per-query outcome: rank (1-based) of the first expected code in the top 10.
struct Outcome {
    rank: Option<usize>,
    top: Vec<(String, String)>,
}

fn root(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn cases() -> Vec<Case> {
    cases_of("tests/relevance/queries.tsv")
}

fn cases_of(file: &str) -> Vec<Case> {
    let path = root(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 3, "{path}:{}: fewer than 3 columns", i + 1);
        out.push(Case {
            query: cols[0].to_string(),
            expected: cols[1].split_whitespace().map(str::to_string).collect(),
            category: cols[2].trim().to_string(),
        });
    }
    out
}

fn catalog() -> Catalog {
    let path = std::env::var("RELEVANCE_DATA").unwrap_or_else(|_| root("www/data/tthc.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match Catalog::from_json_str_with_limit(&text, 1 << 30) {
        Ok((mut c, _)) => {
            let terms = std::env::var("RELEVANCE_TERMS").map_or(true, |v| v != "0");
            if let (Some(url), true) = (c.terms_url().map(str::to_string), terms) {
                let dir = std::path::Path::new(&path)
                    .parent()
                    .unwrap_or(std::path::Path::new("."));
                let file = dir.join(url);
                let t = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                if let Err(e) = c.add_terms(&t) {
                    panic!("{}: {}", file.display(), e.message(Lang::En));
                }
            }
            // As `cchc search` does (RELEVANCE_THESAURUS=0: as a widget without it).
            if std::env::var("RELEVANCE_THESAURUS").map_or(true, |v| v != "0") {
                c.set_thesaurus(cchc_widgets::tthc::builtin_thesaurus());
            }
            c
        }
        Err(e) => panic!("{path}: {}", e.message(Lang::En)),
    }
}

fn run(c: &Catalog, case: &Case) -> Outcome {
    // RELEVANCE_TYPING=1: as if the query were still being typed (prefix match on the last word).
    let typing = std::env::var("RELEVANCE_TYPING").is_ok_and(|v| v == "1");
    let q = Query {
        typing,
        limit: 10,
        ..Query::text(&case.query)
    };
    let r = c.search(&q);
    let rank = r
        .hits
        .iter()
        .position(|h| case.expected.contains(&h.code))
        .map(|p| p + 1);
    let top = r
        .hits
        .iter()
        .take(5)
        .map(|h| (h.code.clone(), h.name.clone()))
        .collect();
    Outcome { rank, top }
}

#[derive(Default)]
struct Tally {
    n: usize,
    s3: usize,
    rr: f64,
}

impl Tally {
    fn add(&mut self, rank: Option<usize>) {
        self.n += 1;
        if rank.is_some_and(|r| r <= 3) {
            self.s3 += 1;
        }
        if let Some(r) = rank {
            self.rr += 1.0 / r as f64;
        }
    }
    fn s_at_3(&self) -> f64 {
        self.s3 as f64 / self.n.max(1) as f64
    }
    fn mrr(&self) -> f64 {
        self.rr / self.n.max(1) as f64
    }
}

fn floor(file: &str) -> f64 {
    let path = root(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(|l| l.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("{path}: no number"))
}

/// Native timing print (not an assertion): load + index build, and query latency over the set.
/// Meaningful with `cargo test --release --test relevance -- --nocapture`.
#[test]
fn timing_print() {
    let path = root("www/data/tthc.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut builds = Vec::new();
    let mut c = None;
    let rounds = if cfg!(debug_assertions) { 1 } else { 5 };
    for _ in 0..rounds {
        let t0 = std::time::Instant::now();
        // Load and index: the index is otherwise built by the first search (`Catalog::warm`).
        c = Catalog::from_json_str(&text).ok().map(|(c, _)| {
            c.warm();
            c
        });
        builds.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    let Some(mut c) = c else {
        panic!("{path}: does not load")
    };
    // Attaching the procedures' own words once the widget is ready (`Catalog::add_terms`).
    let terms = c.terms_url().map(|u| root(&format!("www/data/{u}")));
    if let Some(t) = terms.and_then(|f| std::fs::read_to_string(f).ok()) {
        let t0 = std::time::Instant::now();
        let n = c.add_terms(&t).unwrap_or(0);
        println!(
            "TIMING add_terms {:.1} ms for {n} procedures",
            t0.elapsed().as_secs_f64() * 1000.0
        );
    }
    let cases = cases();
    let mut times = Vec::new();
    for _ in 0..rounds {
        for case in &cases {
            for typing in [false, true] {
                let q = Query {
                    typing,
                    ..Query::text(&case.query)
                };
                let t0 = std::time::Instant::now();
                std::hint::black_box(c.search(&q));
                times.push(t0.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    builds.sort_by(f64::total_cmp);
    times.sort_by(f64::total_cmp);
    let pct = |v: &[f64], p: f64| {
        v.get(((v.len() as f64 - 1.0) * p) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "TIMING ({}) load+index median {:.1} ms (min {:.1}) for {} procedures; query p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms over {} searches",
        if cfg!(debug_assertions) { "debug build" } else { "release build" },
        pct(&builds, 0.5),
        pct(&builds, 0.0),
        c.procedures().len(),
        pct(&times, 0.5),
        pct(&times, 0.95),
        pct(&times, 1.0),
        times.len()
    );
}

#[test]
fn relevance_does_not_regress() {
    check_set(
        "tests/relevance/queries.tsv",
        "tests/relevance/floor.txt",
        100,
    );
}

#[test]
fn questions_do_not_regress() {
    check_set(
        "tests/relevance/questions.tsv",
        "tests/relevance/questions-floor.txt",
        150,
    );
}

fn check_set(file: &str, floor_file: &str, min_cases: usize) {
    let c = catalog();
    let cases = cases_of(file);
    assert!(cases.len() >= min_cases, "only {} queries", cases.len());
    println!("{file}");
    let level = std::env::var("RELEVANCE_VERBOSE").unwrap_or_default();
    let verbose = !level.is_empty() && level != "0";
    // Level 2 also lists the queries answered right but not first.
    let limit = if level == "2" { 1 } else { 3 };
    let mut all = Tally::default();
    let mut by_cat: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for case in &cases {
        let o = run(&c, case);
        all.add(o.rank);
        by_cat.entry(case.category.clone()).or_default().add(o.rank);
        if o.rank.is_none_or(|r| r > limit) {
            misses.push((case, o));
        }
    }
    println!("{:<16} {:>5} {:>7} {:>7}", "category", "n", "S@3", "MRR@10");
    for (cat, t) in &by_cat {
        println!(
            "{cat:<16} {:>5} {:>7.3} {:>7.3}   ({}/{})",
            t.n,
            t.s_at_3(),
            t.mrr(),
            t.s3,
            t.n
        );
    }
    println!(
        "{:<16} {:>5} {:>7.3} {:>7.3}   ({}/{})",
        "TOTAL",
        all.n,
        all.s_at_3(),
        all.mrr(),
        all.s3,
        all.n
    );
    if verbose {
        for (case, o) in &misses {
            println!(
                "\nMISS [{}] {:?} expected {:?}, rank {:?}",
                case.category, case.query, case.expected, o.rank
            );
            for (code, name) in &o.top {
                println!("    {code}  {name}");
            }
        }
    }
    let floor = floor(floor_file);
    assert!(
        all.s_at_3() + 1e-9 >= floor,
        "S@3 {:.3} fell below the floor {floor} ({floor_file}); run with RELEVANCE_VERBOSE=1",
        all.s_at_3()
    );
}

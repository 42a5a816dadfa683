//! Builds the demo portal's data from the national portal's records.
//!
//! ```text
//! zcat ../shared/data/tthc/tthc_national_2642.full.jsonl.gz | cargo run --release --example build_tthc_demo -- www/data
//! ```
//!
//! Reads national records (JSON Lines or a JSON array) from stdin, cleans them with the same loader
//! the widget uses, and writes `<out>/tthc.json` (the searchable list: what search, the result
//! list and the facets use) plus `<out>/tthc-chi-tiet/NNN.json` (details of 32 procedures each,
//! fetched when one is opened, with the facts only the detail view shows: portal link, time, fee,
//! postal, online payment; see `Procedure::take_details`), and `<out>/tthc-tu-khoa.json` (the
//! procedures' own words derived from their details, `terms_url`; loaded after the widget is
//! ready). A hỏi đáp file already at `<out>/tthc-hoi-dap.json` (written by `cchc import hoi-dap`)
//! stays named by `faq_url`.

use std::io::Read;

use cchc_widgets::tthc::{Catalog, Procedure};

/// Procedures per details file: ~30 KB gzip each, one small fetch per opened procedure.
const CHUNK: usize = 32;

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "www/data".into());
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("stdin: {e}");
        std::process::exit(1);
    }
    let (catalog, warnings) = match Catalog::from_json_str_with_limit(&text, 1 << 30) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{}", e.message(cchc_widgets::i18n::Lang::En));
            std::process::exit(1);
        }
    };
    for w in &warnings {
        eprintln!("warning: {}", w.message(cchc_widgets::i18n::Lang::En));
    }
    let dir = std::path::Path::new(&out);
    let details_dir = dir.join("tthc-chi-tiet");
    if let Err(e) = std::fs::create_dir_all(&details_dir) {
        eprintln!("{}: {e}", details_dir.display());
        std::process::exit(1);
    }
    let procs = catalog.procedures();
    let terms =
        cchc_widgets::tthc::derive_terms(procs, &|i| procs.get(i).and_then(|p| p.details.as_ref()));
    if let Err(e) = std::fs::write(
        dir.join("tthc-tu-khoa.json"),
        cchc_widgets::tthc::terms_json(&terms),
    ) {
        eprintln!("tthc-tu-khoa.json: {e}");
        std::process::exit(1);
    }
    let faq = dir.join("tthc-hoi-dap.json").exists();
    let mut list: Vec<Procedure> = Vec::new();
    for (n, chunk) in catalog.procedures().chunks(CHUNK).enumerate() {
        let name = format!("{n:03}.json");
        let mut details = serde_json::Map::new();
        for p in chunk {
            let mut p = p.clone();
            if let Some(d) = p.take_details() {
                details.insert(p.code.clone(), serde_json::to_value(d).unwrap_or_default());
                p.details_url = Some(format!("tthc-chi-tiet/{name}"));
            }
            list.push(p);
        }
        write(
            &details_dir.join(&name),
            &serde_json::Value::Object(details),
            false,
        );
    }
    let mut doc = serde_json::json!({
        "version": 1,
        "agency": "Cổng Dịch vụ công quốc gia (dữ liệu mẫu)",
        "source": "dichvucong.gov.vn, scraped by chatbot-tthc/chatbot_tthc (2026); public government information, licence unstated: demo and test use only",
        "synonyms": {},
        "terms_url": "tthc-tu-khoa.json",
        "procedures": list,
    });
    if let (Some(o), true) = (doc.as_object_mut(), faq) {
        o.insert("faq_url".into(), "tthc-hoi-dap.json".into());
    }
    write(&dir.join("tthc.json"), &doc, true);
    eprintln!(
        "{} procedures, {} details files, terms of {}",
        list.len(),
        list.len().div_ceil(CHUNK),
        terms.len()
    );
}

fn write(path: &std::path::Path, v: &serde_json::Value, lines: bool) {
    // One procedure per line keeps diffs readable and the file greppable.
    let text = match (lines, v.get("procedures").and_then(|p| p.as_array())) {
        (true, Some(procs)) => {
            let mut head = v.clone();
            if let Some(o) = head.as_object_mut() {
                o.remove("procedures");
            }
            let head = serde_json::to_string(&head).unwrap_or_default();
            let body: Vec<String> = procs
                .iter()
                .map(|p| serde_json::to_string(p).unwrap_or_default())
                .collect();
            format!(
                "{},\n\"procedures\": [\n{}\n]}}\n",
                head.trim_end_matches('}'),
                body.join(",\n")
            )
        }
        _ => serde_json::to_string(v).unwrap_or_default(),
    };
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("{}: {e}", path.display());
        std::process::exit(1);
    }
}

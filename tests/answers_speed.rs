//! How long the answers widget's core takes on a large file: the demo's answers repeated to
//! 2,200 items (an agency publishes tens to hundreds a year). Run with
//! `cargo test --release --test answers_speed -- --ignored --nocapture`.

use std::time::Instant;

use cchc_widgets::answers::{Answers, Query};

#[test]
#[ignore = "a measurement, not a check"]
fn index_and_search_times() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/phan-anh-da-tra-loi.json"
    ))
    .expect("demo data");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let items = v["items"].as_array().expect("items");
    let mut big = Vec::new();
    for round in 0..200 {
        for (i, item) in items.iter().enumerate() {
            let mut item = item.clone();
            item["reference"] = format!("PAKN-{}-{:06}", 2000 + round % 27, round * 100 + i).into();
            big.push(item);
        }
    }
    let mut doc = v.clone();
    doc["items"] = big.into();
    let text = doc.to_string();
    let t = Instant::now();
    let _ = cchc_widgets::json::parse(&text).expect("JSON");
    let json = t.elapsed();
    let t = Instant::now();
    let a = Answers::parse(&text).expect("loads");
    let load = t.elapsed();
    let queries = [
        "khai sinh",
        "cap giay chung nhan quyen su dung dat",
        "bao hiem xa hoi mot lann",
        "ubnd huyen",
        "sây dựng",
        "PAKN-2010-001003",
    ];
    let t = Instant::now();
    let mut found = 0;
    for q in queries {
        found += a
            .search(&Query {
                text: q.into(),
                typing: true,
                ..Query::default()
            })
            .items
            .len();
    }
    let per = t.elapsed() / queries.len() as u32;
    eprintln!(
        "{} items, {} bytes: read + index {load:?} (of which the JSON tree {json:?}); {per:?} per query ({found} hits)",
        a.items.len(),
        text.len()
    );
    assert!(found > 0);
}

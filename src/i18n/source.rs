//! Every Vietnamese/English pair of the sources, as `build.rs` found them (native builds only).
//!
//! Why it exists: `pkg/i18n/en.json` is generated from the sources rather than kept by hand, and
//! `cchc check` needs the full list of Vietnamese texts to say which keys a province's catalogue
//! lacks or has in excess. The build script runs [`super::scan`] over `src/` and writes the pairs
//! into `OUT_DIR`; they are compiled in here and never reach the wasm.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n_source.rs"));
}

/// `(Vietnamese, English)` for every `tr!`/`msg!` site, sorted by the Vietnamese (byte order),
/// each Vietnamese text once.
pub const PAIRS: &[(&str, &str)] = generated::PAIRS;

/// The number of `tr!`/`msg!` sites read.
pub const SITES: usize = generated::SITES;

/// `file:line: what` for each site the scanner could not read and each inconsistency (a
/// Vietnamese text translated two ways, placeholders that differ, arguments that do not match).
/// A test keeps this empty, so no site is silently left out of the catalogues.
pub const PROBLEMS: &[&str] = generated::PROBLEMS;

/// The English text of a Vietnamese key.
pub fn english(vi: &str) -> Option<&'static str> {
    PAIRS
        .binary_search_by(|(k, _)| (*k).cmp(vi))
        .ok()
        .and_then(|i| PAIRS.get(i))
        .map(|(_, en)| *en)
}

/// Whether `vi` is a text of the sources.
pub fn is_key(vi: &str) -> bool {
    english(vi).is_some()
}

/// The English catalogue `pkg/i18n/en.json`: deterministic (keys sorted by the Vietnamese in
/// byte order, one per line), ending with a newline.
pub fn en_json() -> String {
    let mut out = String::from("{\n  \"lang\": \"en\",\n  \"name\": \"English\",\n");
    out.push_str("  \"decimal_separator\": \".\",\n  \"group_separator\": \",\",\n");
    out.push_str("  \"messages\": {");
    for (i, (vi, en)) in PAIRS.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        crate::json::write_str(&mut out, vi);
        out.push_str(": ");
        crate::json::write_str(&mut out, en);
    }
    out.push_str("\n  }\n}\n");
    out
}

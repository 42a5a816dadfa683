//! Verbs citizens put before a document ("làm hộ chiếu", "xin giấy phép") that mean "have it
//! issued".
//!
//! The words themselves (abbreviations and everyday names such as "sổ đỏ", "CCCD", "bằng lái",
//! life situations, question and filler words) are data: `data/tinh-huong.tsv`, attached to a
//! catalogue as a [`super::Thesaurus`], so that reviewers who know the procedures read and extend
//! them and the wasm does not carry them. Agencies extend the table with `"synonyms"` in their
//! `tthc.json`.

/// Filler verbs that, before a document, mean "have it issued" (làm hộ chiếu = cấp hộ chiếu).
pub(crate) const VERBS: &[(&str, &str)] = &[("làm", "cấp"), ("xin", "cấp")];

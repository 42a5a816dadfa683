//! # cchc-widgets
//!
//! Three widgets for Vietnamese government portals, compiled to WebAssembly and embedded with one
//! script tag: TTHC search ([`tthc`]), the index target tracker ([`tracker`]) and the citizen
//! feedback form ([`feedback`]).
//!
//! The crate is a **functional core** (every module except `web`: plain Rust, no browser APIs,
//! tested natively and shared with the `cchc` CLI) and a **thin browser shell** (`web`, compiled
//! only for `wasm32`) that turns core results into DOM. See ARCHITECTURE.md for the codemap.

// First, so that its `tr!` and `msg!` macros are in scope in every module below.
#[macro_use]
pub mod i18n;
// `cchc check`: native only (it keeps serde_json, which must not reach the WebAssembly).
pub mod answers;
#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod contacts;
pub mod contract;
pub mod date;
pub mod feedback;
pub mod json;
pub mod num;
pub mod sheet;
pub mod sort;
pub mod text;
pub mod tracker;
pub mod tthc;

#[cfg(target_arch = "wasm32")]
pub mod web;

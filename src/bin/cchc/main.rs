//! `cchc`: the command-line shell over the same core the widgets run in the browser.
//!
//! Conventions for every subcommand: stdout carries only the result, diagnostics go to stderr;
//! exit 0 = success/valid, 1 = invalid input or data, 2 = usage error. Never a panic.

// The CLI is native-only. On wasm32 (where `cargo test --target wasm32-unknown-unknown` still
// builds every binary) it compiles to an empty program.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
include!("app.rs");

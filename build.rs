//! Build script: writes a minified copy of `src/web/style.css` into `OUT_DIR`.
//!
//! The stylesheet has one section per widget (`/* === KIND === */` … `/* === end KIND === */`);
//! a bundle built without a widget's cargo feature (one wasm per widget, issue 10) leaves that
//! widget's section out, so each widget's wasm carries the shared rules and its own only.
//!
//! Why it exists: the stylesheet is compiled into the wasm (`include_str!` in `src/web/mod.rs`)
//! and every citizen downloads it on a slow connection. Its comments and indentation document the
//! theming contract for maintainers but are dead weight for browsers, so the wasm embeds a copy
//! without them. The transformation only removes comments and whitespace that CSS ignores:
//! strings are copied verbatim, whitespace runs become one space, the spaces around `{ } ; , >`
//! and after `:` (where CSS never needs them) are dropped, as is the last `;` of a block.

use std::path::Path;
use std::{env, fs};

const SOURCE: &str = "src/web/style.css";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let css = match fs::read_to_string(SOURCE) {
        Ok(css) => css,
        Err(e) => {
            println!("cargo:warning={SOURCE}: {e}");
            std::process::exit(1);
        }
    };
    let Some(out_dir) = env::var_os("OUT_DIR") else {
        println!("cargo:warning=OUT_DIR is not set");
        std::process::exit(1);
    };
    let mut css = css;
    for (kind, feature) in [
        ("search", "SEARCH"),
        ("index-tracker", "TRACKER"),
        ("feedback-form", "FORM"),
    ] {
        if env::var_os(format!("CARGO_FEATURE_{feature}")).is_none() {
            css = without_section(&css, kind);
        }
    }
    let out = Path::new(&out_dir).join("style.min.css");
    if let Err(e) = fs::write(&out, minify(&css)) {
        println!("cargo:warning={}: {e}", out.display());
        std::process::exit(1);
    }
}

/// The stylesheet without the section of widget `kind` (unchanged if the markers are missing).
fn without_section(css: &str, kind: &str) -> String {
    let start = format!("/* === {kind} === */");
    let end = format!("/* === end {kind} === */");
    match (css.find(&start), css.find(&end)) {
        (Some(i), Some(j)) if j > i => format!("{}{}", &css[..i], &css[j + end.len()..]),
        _ => css.to_string(),
    }
}

/// Removes comments and insignificant whitespace from a stylesheet.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                out.push(c);
                copy_string(c, &mut chars, &mut out);
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                skip_comment(&mut chars);
                push_space(&mut out);
            }
            c if c.is_whitespace() => push_space(&mut out),
            '{' | '}' | ';' | ',' | '>' => {
                if out.ends_with(' ') {
                    out.pop();
                }
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out.trim().to_string()
}

/// One space for a run of whitespace or comments, none at the start or after `{ } ; , > :` (a
/// space after `:` only occurs in declarations and media features, never in a selector).
fn push_space(out: &mut String) {
    if !(out.is_empty() || out.ends_with([' ', '{', '}', ';', ',', '>', ':'])) {
        out.push(' ');
    }
}

/// Copies a string literal up to its closing quote (already-pushed opening `quote`), keeping
/// escapes.
fn copy_string(quote: char, chars: &mut impl Iterator<Item = char>, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            if let Some(escaped) = chars.next() {
                out.push(escaped);
            }
        } else if c == quote {
            return;
        }
    }
}

/// Skips to just after the `*/` that closes a comment.
fn skip_comment(chars: &mut impl Iterator<Item = char>) {
    let mut star = false;
    for c in chars {
        if star && c == '/' {
            return;
        }
        star = c == '*';
    }
}

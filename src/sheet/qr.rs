//! The sheet's QR code: the procedure's URL, exactly, as an SVG path.
//!
//! Encoding is `qrcodegen` (Nayuki's reference implementation: one file, no dependencies, well
//! kept; see ARCHITECTURE.md's dependency table). The SVG is written here, with plain string
//! pushes (no `format!`), one path of horizontal runs: the same `d` works inline in the CLI's HTML
//! and as an attribute set by the browser's print module, with no image request.

use qrcodegen::{QrCode, QrCodeEcc};

use crate::num::push_int;

/// The light border every reader needs around the code, in modules (the standard's minimum).
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, quiet zone included (the SVG's `viewBox` is `0 0 side side`).
    pub side: usize,
    /// The dark modules as one SVG path (`M x y h n v 1 h -n z` per run).
    pub path: String,
    /// The text encoded.
    pub text: String,
}

impl Qr {
    /// Encodes `text` (byte mode for a URL; error correction M, 15 %: sheets get folded and
    /// stained). `None` when it does not fit a QR code (~2,300 bytes at level M).
    pub fn encode(text: &str) -> Option<Qr> {
        if text.is_empty() {
            return None;
        }
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
        let size = code.size();
        let mut path = String::with_capacity(usize::try_from(size * size).unwrap_or(0) * 3);
        for y in 0..size {
            let mut x = 0;
            while x < size {
                if !code.get_module(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                let run = x - start;
                path.push('M');
                push_int(&mut path, start + QUIET_ZONE as i32);
                path.push(' ');
                push_int(&mut path, y + QUIET_ZONE as i32);
                path.push('h');
                push_int(&mut path, run);
                path.push_str("v1h-");
                push_int(&mut path, run);
                path.push('z');
            }
        }
        Some(Qr {
            side: usize::try_from(size).ok()? + 2 * QUIET_ZONE,
            path,
            text: text.to_string(),
        })
    }

    /// The whole `<svg>` element (for the HTML writer): white background, black modules,
    /// crisp edges; its size is set by the stylesheet.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn svg(&self, label: &str) -> String {
        let mut s = String::with_capacity(self.path.len() + 300);
        s.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
        push_int(&mut s, self.side);
        s.push(' ');
        push_int(&mut s, self.side);
        s.push_str("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"");
        crate::sheet::html::escape_into(&mut s, label);
        s.push_str(
            "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
        );
        s.push_str(&self.path);
        s.push_str("\"/></svg>");
        s
    }
}

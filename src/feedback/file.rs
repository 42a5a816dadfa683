//! Attached files: type (extension and declared MIME type must agree) and size.
//!
//! The browser only knows the file name, the MIME type it guessed and the size, so that is what
//! is checked here (the server must still look at the bytes: see docs/phan-anh-format.md). The
//! extension is the text after the **last** dot, so "hoso.pdf.exe" is an `.exe`. Names with path
//! separators, control or bidi characters (the "fdp.exe" trick) are refused.

use super::check::Issue;
use super::clean;

/// Extensions a schema may allow, with the MIME types browsers report for them.
pub const KNOWN_TYPES: &[(&str, &[&str])] = &[
    ("pdf", &["application/pdf"]),
    ("jpg", &["image/jpeg", "image/pjpeg"]),
    ("jpeg", &["image/jpeg", "image/pjpeg"]),
    ("png", &["image/png"]),
    ("gif", &["image/gif"]),
    ("webp", &["image/webp"]),
    ("heic", &["image/heic", "image/heif"]),
    ("tif", &["image/tiff"]),
    ("tiff", &["image/tiff"]),
    ("doc", &["application/msword"]),
    (
        "docx",
        &["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ),
    ("xls", &["application/vnd.ms-excel"]),
    (
        "xlsx",
        &["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ),
    ("odt", &["application/vnd.oasis.opendocument.text"]),
    ("ods", &["application/vnd.oasis.opendocument.spreadsheet"]),
    ("txt", &["text/plain"]),
    ("mp4", &["video/mp4"]),
    ("mp3", &["audio/mpeg"]),
    ("zip", &["application/zip", "application/x-zip-compressed"]),
];

/// Rules for one file field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRule {
    /// Allowed extensions, lower case, without dot.
    pub accept: Vec<String>,
    /// Maximum size of each file in bytes.
    pub max_bytes: u64,
}

/// What the browser tells about a chosen file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMeta {
    /// File name as chosen (no path).
    pub name: String,
    /// Declared MIME type (may be empty when the browser does not know).
    pub mime: String,
    /// Size in bytes.
    pub size: u64,
}

/// "2 MB", "500 KB" for messages.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        crate::text::cat(&[&crate::num::int(bytes / MB), " MB"])
    } else if bytes >= MB {
        crate::text::cat(&[&crate::num::fixed(bytes as f64 / MB as f64, 1), " MB"])
    } else {
        crate::text::cat(&[&crate::num::int(bytes.div_ceil(1024)), " KB"])
    }
}

/// Upper-case list "PDF, JPG hoặc PNG" / "PDF, JPG or PNG" is built by the caller's language;
/// here the neutral "PDF, JPG, PNG".
fn type_list(accept: &[String]) -> String {
    let upper: Vec<String> = accept.iter().map(|e| e.to_ascii_uppercase()).collect();
    crate::text::join(&upper, ", ")
}

/// The lower-case extension after the last dot, if the name has one.
pub fn extension(name: &str) -> Option<String> {
    let (stem, ext) = crate::text::rsplit_ascii(name, b'.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Checks one file against `rule`.
pub fn check_file(meta: &FileMeta, rule: &FileRule) -> Result<(), Issue> {
    let name = meta.name.trim();
    let bad_name = name.is_empty()
        || clean::char_len(name) > 255
        || name
            .chars()
            .any(|c| clean::is_invisible(c) || matches!(c, '/' | '\\' | '\0'));
    if bad_name {
        return Err(Issue::new("file_name"));
    }
    let types = type_list(&rule.accept);
    let Some(ext) = extension(name).filter(|e| rule.accept.iter().any(|a| a == e)) else {
        return Err(Issue::new("file_type").with("types", types));
    };
    let mime = meta.mime.trim().to_ascii_lowercase();
    let expected = KNOWN_TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, m)| *m)
        .unwrap_or(&[]);
    let generic = mime.is_empty() || mime == "application/octet-stream";
    if !generic && !expected.contains(&mime.as_str()) {
        return Err(Issue::new("file_mime").with("mime", mime).with("ext", ext));
    }
    if meta.size == 0 {
        return Err(Issue::new("file_empty"));
    }
    if meta.size > rule.max_bytes {
        return Err(Issue::new("file_size").with("max", human_size(rule.max_bytes)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> FileRule {
        FileRule {
            accept: ["pdf", "jpg", "jpeg", "png"].map(String::from).to_vec(),
            max_bytes: 10 * 1024 * 1024,
        }
    }

    fn check(name: &str, mime: &str, size: u64) -> Result<(), &'static str> {
        let meta = FileMeta {
            name: name.into(),
            mime: mime.into(),
            size,
        };
        check_file(&meta, &rule()).map_err(|e| e.code)
    }

    #[test]
    fn types_and_sizes() {
        assert_eq!(
            check("Đơn phản ánh.PDF", "application/pdf", 200_000),
            Ok(())
        );
        assert_eq!(check("anh.jpeg", "image/jpeg", 1), Ok(()));
        assert_eq!(
            check("anh.png", "", 1),
            Ok(()),
            "unknown MIME is left to the server"
        );
        assert_eq!(
            check("hoso.pdf.exe", "application/pdf", 10),
            Err("file_type")
        );
        assert_eq!(
            check("virus.exe", "application/x-msdownload", 10),
            Err("file_type")
        );
        assert_eq!(check("pdf", "application/pdf", 10), Err("file_type"));
        assert_eq!(check("anh.png", "application/pdf", 10), Err("file_mime"));
        assert_eq!(check("anh.png", "image/png", 0), Err("file_empty"));
        assert_eq!(
            check("anh.png", "image/png", 10 * 1024 * 1024 + 1),
            Err("file_size")
        );
        assert_eq!(check("hoso\u{202E}fdp.exe", "", 10), Err("file_name"));
        assert_eq!(check("../../etc/passwd.pdf", "", 10), Err("file_name"));
        assert_eq!(human_size(2 * 1024 * 1024), "2 MB");
        assert_eq!(human_size(1500), "2 KB");
    }
}

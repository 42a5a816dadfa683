//! What a receiver does with a submission before storing it: read the POST body, match the
//! attached files to the form's file fields, and check each file by its **bytes**.
//!
//! Why it exists: the widget checks what the browser knows about a file (name, declared type,
//! size, see [`super::file`]); a receiver must not trust that. This module is the one place that
//! knows the body's shape (`docs/phan-anh-format.md`, "Submitting") and the magic numbers of the
//! types a schema may accept, so `cchc serve` and any test agree. It is plain Rust: no HTTP, no
//! database (those are the receiver's shell, `src/bin/cchc/serve.rs`, and its storage,
//! `src/bin/cchc/store.rs`). Native builds only: the browser never receives a submission.

use base64::Engine;

use super::file::{extension, human_size, FileRule};
use super::form::{FieldError, DEFAULT_MAX_FILE, DEFAULT_MAX_FILES};
use super::schema::{FieldType, Schema};
use crate::i18n::Lang;
use crate::json::Value;

/// The body's `schema_version` this receiver reads.
pub const BODY_VERSION: u64 = 1;

/// A POST body, read but not yet validated against the schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    /// The widget's language tag (`vi`, `en`, a catalogue's tag); `vi` when absent.
    pub lang: String,
    /// When the citizen pressed "send", as the browser said (informative only).
    pub submitted_at: Option<String>,
    /// The values, field name → value (the validator re-checks them).
    pub values: Value,
    /// The attached files, in body order.
    pub files: Vec<Attachment>,
}

/// One attached file of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// The file field it belongs to.
    pub field: String,
    /// The file name as chosen.
    pub name: String,
    /// The MIME type the browser declared.
    pub mime: String,
    /// The content, decoded.
    pub bytes: Vec<u8>,
}

/// Why a body is refused as a whole (HTTP 400): it is not the contract's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyError {
    /// Stable code: `json`, `shape`, `version`, `base64`.
    pub code: &'static str,
    /// Where: a JSON path such as `$.files[0].content_base64`.
    pub path: String,
    /// What was expected, in English (the Vietnamese is built from the code).
    detail: String,
}

impl BodyError {
    fn new(code: &'static str, path: impl Into<String>, detail: impl Into<String>) -> BodyError {
        BodyError {
            code,
            path: path.into(),
            detail: detail.into(),
        }
    }

    /// The message in `lang` (Vietnamese unless English).
    pub fn message(&self, lang: Lang) -> String {
        let what = match self.code {
            "json" => lang.pick(
                "Nội dung gửi không phải JSON hợp lệ",
                "the body is not valid JSON",
            ),
            "version" => lang.pick(
                "Phiên bản dữ liệu gửi không được hỗ trợ",
                "unsupported schema_version",
            ),
            "base64" => lang.pick(
                "Nội dung tệp đính kèm không phải base64 hợp lệ",
                "an attachment's content is not valid base64",
            ),
            _ => lang.pick(
                "Dữ liệu gửi không đúng cấu trúc",
                "the body does not have the expected shape",
            ),
        };
        format!("{what} ({}: {})", self.path, self.detail)
    }
}

/// Reads a POST body: `{"schema_version": 1, "submitted_at", "lang", "values": {…}, "files":
/// [{"field", "name", "type", "size", "content_base64"}]}`. Unknown keys are ignored (a newer
/// widget may send more); everything the receiver relies on must have its type.
pub fn parse_body(text: &str) -> Result<Body, BodyError> {
    let root = crate::json::parse(text).map_err(|e| {
        BodyError::new("json", "$", format!("line {}, column {}", e.line, e.column))
    })?;
    if root.as_object().is_none() {
        return Err(BodyError::new("shape", "$", "expected an object"));
    }
    match root.get("schema_version") {
        None | Some(Value::Null) => {}
        Some(Value::Num(n)) if n.parse::<u64>() == Ok(BODY_VERSION) => {}
        Some(_) => {
            return Err(BodyError::new(
                "version",
                "$.schema_version",
                format!("expected {BODY_VERSION}"),
            ))
        }
    }
    let text_at = |key: &str| -> Result<Option<String>, BodyError> {
        match root.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.clone())),
            Some(_) => Err(BodyError::new(
                "shape",
                format!("$.{key}"),
                "expected a string",
            )),
        }
    };
    let lang = text_at("lang")?
        .filter(|l| crate::i18n::is_language_subtag(l) && l.len() <= 8)
        .map_or_else(|| "vi".to_string(), |l| l.to_ascii_lowercase());
    let submitted_at = text_at("submitted_at")?.map(|s| s.chars().take(40).collect());
    let values = match root.get("values") {
        Some(v @ Value::Obj(_)) => v.clone(),
        _ => return Err(BodyError::new("shape", "$.values", "expected an object")),
    };
    let list = match root.get("files") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Arr(a)) => a.as_slice(),
        Some(_) => return Err(BodyError::new("shape", "$.files", "expected an array")),
    };
    let mut files = Vec::with_capacity(list.len());
    for (i, f) in list.iter().enumerate() {
        let path = format!("$.files[{i}]");
        if f.as_object().is_none() {
            return Err(BodyError::new("shape", path, "expected an object"));
        }
        let s = |key: &str| match f.get(key) {
            Some(Value::Str(s)) => Ok(s.as_str()),
            None | Some(Value::Null) if key == "type" => Ok(""),
            _ => Err(BodyError::new(
                "shape",
                format!("{path}.{key}"),
                "expected a string",
            )),
        };
        let (field, name, mime, content) =
            (s("field")?, s("name")?, s("type")?, s("content_base64")?);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content.trim())
            .map_err(|e| {
                BodyError::new("base64", format!("{path}.content_base64"), e.to_string())
            })?;
        if let Some(size) = f.get("size") {
            let declared = match size {
                Value::Num(n) => n.parse::<u64>().ok(),
                _ => None,
            };
            if declared != Some(bytes.len() as u64) {
                return Err(BodyError::new(
                    "shape",
                    format!("{path}.size"),
                    format!("the content has {} bytes", bytes.len()),
                ));
            }
        }
        files.push(Attachment {
            field: field.to_string(),
            name: name.to_string(),
            mime: mime.to_string(),
            bytes,
        });
    }
    Ok(Body {
        lang,
        submitted_at,
        values,
        files,
    })
}

/// The largest body the schema's file fields can need: every file field at its maximum number
/// of files of maximum size, base64 (4/3) included, plus room for the text fields.
pub fn max_body_bytes(schema: &Schema) -> u64 {
    const TEXT_ROOM: u64 = 256 * 1024;
    let files: u64 = schema
        .fields
        .iter()
        .filter(|f| f.kind == FieldType::File)
        .map(|f| {
            let n = f.max_files.unwrap_or(DEFAULT_MAX_FILES) as u64;
            let size = f.max_size.unwrap_or(DEFAULT_MAX_FILE);
            n.saturating_mul(size.div_ceil(3).saturating_mul(4) + 1024)
        })
        .fold(0u64, u64::saturating_add);
    files.saturating_add(TEXT_ROOM)
}

/// Checks the attached files against the (already validated) values and the schema: each file
/// belongs to a file field and to an entry of that field's value (same name and size), no entry
/// lacks its content, and the bytes are what the extension says. Errors are per field, in the
/// shape of the validator's (`file_content`, `file_missing`, `file_unexpected`).
pub fn check_attachments(
    schema: &Schema,
    values: &Value,
    files: &[Attachment],
    lang: Lang,
) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut fail = |field: &str, code: &str, message: String| {
        if !errors.iter().any(|e| e.field == field) {
            errors.push(FieldError {
                field: field.to_string(),
                code: code.to_string(),
                message,
            });
        }
    };
    for f in files {
        let is_file_field = schema
            .fields
            .iter()
            .any(|s| s.name == f.field && s.kind == FieldType::File);
        if !is_file_field {
            let field = if schema.fields.iter().any(|s| s.name == f.field) {
                f.field.as_str()
            } else {
                "_files"
            };
            fail(
                field,
                "file_unexpected",
                lang.pick(
                    "Tệp đính kèm không thuộc trường tệp nào của biểu mẫu.",
                    "An attachment does not belong to a file field of the form.",
                )
                .to_string(),
            );
        }
    }
    for field in schema.fields.iter().filter(|f| f.kind == FieldType::File) {
        let declared: Vec<(String, u64)> = match values.get(&field.name) {
            Some(Value::Arr(items)) => items.iter().filter_map(meta).collect(),
            Some(v @ Value::Obj(_)) => meta(v).into_iter().collect(),
            _ => Vec::new(),
        };
        let sent: Vec<&Attachment> = files.iter().filter(|a| a.field == field.name).collect();
        let rule = FileRule {
            accept: field.accept.clone(),
            max_bytes: field.max_size.unwrap_or(DEFAULT_MAX_FILE),
        };
        for a in &sent {
            let listed = declared
                .iter()
                .any(|(n, s)| n == &a.name && *s == a.bytes.len() as u64);
            if !listed {
                fail(
                    &field.name,
                    "file_unexpected",
                    format!(
                        "{} “{}”",
                        lang.pick(
                            "Tệp đính kèm không khớp với danh sách tệp đã chọn:",
                            "An attachment does not match the files chosen:"
                        ),
                        a.name
                    ),
                );
            } else if a.bytes.len() as u64 > rule.max_bytes {
                fail(
                    &field.name,
                    "file_size",
                    format!(
                        "{} {}.",
                        lang.pick("Tệp phải nhỏ hơn", "The file must be smaller than"),
                        human_size(rule.max_bytes)
                    ),
                );
            } else if !extension(&a.name).is_some_and(|e| content_matches(&e, &a.bytes)) {
                fail(
                    &field.name,
                    "file_content",
                    format!(
                        "{} “{}” {}",
                        lang.pick("Nội dung tệp", "The content of"),
                        a.name,
                        lang.pick(
                            "không đúng với định dạng của tên tệp (tệp bị đổi đuôi hoặc bị hỏng).",
                            "does not match its file type (renamed or damaged file)."
                        )
                    ),
                );
            }
        }
        let missing = declared.iter().any(|(n, s)| {
            !sent
                .iter()
                .any(|a| &a.name == n && a.bytes.len() as u64 == *s)
        });
        if missing {
            fail(
                &field.name,
                "file_missing",
                lang.pick(
                    "Thiếu nội dung của tệp đính kèm; hãy chọn lại tệp rồi gửi lại.",
                    "An attachment's content is missing; choose the file again and resend.",
                )
                .to_string(),
            );
        }
    }
    errors
}

/// `(name, size)` of a file entry in the values.
fn meta(v: &Value) -> Option<(String, u64)> {
    let name = v.get("name")?.as_str()?.to_string();
    let size = match v.get("size")? {
        Value::Num(n) => n.parse().ok()?,
        _ => return None,
    };
    Some((name, size))
}

/// Whether `bytes` start the way files with extension `ext` (lower case) start. Extensions this
/// module does not know are refused (a schema can only accept known ones).
pub fn content_matches(ext: &str, b: &[u8]) -> bool {
    let at = |offset: usize, magic: &[u8]| b.get(offset..offset + magic.len()) == Some(magic);
    // ISO base media (MP4, HEIC): a box `ftyp` at offset 4, then the major brand.
    let ftyp = |brands: &[&[u8]]| at(4, b"ftyp") && brands.iter().any(|m| at(8, m));
    let zip = at(0, b"PK\x03\x04");
    let ole = at(0, &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    match ext {
        // A PDF may have a few bytes (a BOM, a mail header) before "%PDF-": readers look in the
        // first KB.
        "pdf" => b
            .get(..b.len().min(1024))
            .is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-")),
        "jpg" | "jpeg" => at(0, &[0xFF, 0xD8, 0xFF]),
        "png" => at(0, b"\x89PNG\r\n\x1a\n"),
        "gif" => at(0, b"GIF87a") || at(0, b"GIF89a"),
        "webp" => at(0, b"RIFF") && at(8, b"WEBP"),
        "heic" => ftyp(&[
            b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis",
        ]),
        "tif" | "tiff" => at(0, b"II*\0") || at(0, b"MM\0*"),
        "doc" | "xls" => ole,
        // Office Open XML and OpenDocument files are ZIP archives.
        "docx" | "xlsx" | "odt" | "ods" | "zip" => zip,
        "mp4" => at(4, b"ftyp"),
        "mp3" => at(0, b"ID3") || (b.len() > 1 && b[0] == 0xFF && b[1] & 0xE0 == 0xE0),
        // Plain text: UTF-8 without NUL bytes.
        "txt" => !b.contains(&0) && std::str::from_utf8(b).is_ok(),
        _ => false,
    }
}

/// A reference `PAKN-YYYY-NNNNNN` (six digits, more when a year has more submissions).
pub fn reference(year: i32, number: u64) -> String {
    format!("PAKN-{year:04}-{number:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    fn body_with(file_json: &str) -> String {
        format!(
            r#"{{"schema_version": 1, "submitted_at": "2026-12-06T09:00:00+07:00", "lang": "EN",
               "values": {{"tep_dinh_kem": [{{"name": "don.pdf", "type": "application/pdf", "size": 9}}]}},
               "files": [{file_json}]}}"#
        )
    }

    #[test]
    fn reads_the_contract_body() {
        let pdf = b"%PDF-1.7\n";
        let text = body_with(&format!(
            r#"{{"field": "tep_dinh_kem", "name": "don.pdf", "type": "application/pdf", "size": 9, "content_base64": "{}"}}"#,
            b64(pdf)
        ));
        let body = parse_body(&text).unwrap();
        assert_eq!(body.lang, "en");
        assert_eq!(body.files.len(), 1);
        assert_eq!(body.files[0].bytes, pdf);
        assert_eq!(
            body.submitted_at.as_deref(),
            Some("2026-12-06T09:00:00+07:00")
        );
    }

    #[test]
    fn refuses_bodies_of_another_shape_with_a_path() {
        let cases = [
            ("", "json", "$"),
            ("[]", "shape", "$"),
            (r#"{"values": []}"#, "shape", "$.values"),
            (r#"{}"#, "shape", "$.values"),
            (
                r#"{"schema_version": 2, "values": {}}"#,
                "version",
                "$.schema_version",
            ),
            (r#"{"values": {}, "files": {}}"#, "shape", "$.files"),
            (r#"{"values": {}, "lang": 3}"#, "shape", "$.lang"),
            (r#"{"values": {}, "files": [1]}"#, "shape", "$.files[0]"),
            (
                r#"{"values": {}, "files": [{"field": "f", "name": "a.pdf", "content_base64": "@@"}]}"#,
                "base64",
                "$.files[0].content_base64",
            ),
            (
                r#"{"values": {}, "files": [{"field": "f", "name": "a.pdf", "size": 5, "content_base64": "QUI="}]}"#,
                "shape",
                "$.files[0].size",
            ),
        ];
        for (text, code, path) in cases {
            let e = parse_body(text).unwrap_err();
            assert_eq!((e.code, e.path.as_str()), (code, path), "{text}");
            assert!(!e.message(Lang::Vi).is_empty());
        }
    }

    #[test]
    fn knows_the_magic_numbers_of_every_type_a_schema_may_accept() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(content_matches("png", png));
        assert!(!content_matches("pdf", png));
        assert!(content_matches("jpg", &[0xFF, 0xD8, 0xFF, 0xE0]));
        assert!(content_matches("pdf", b"\xEF\xBB\xBF%PDF-1.4"));
        assert!(!content_matches("pdf", b"MZ\x90\0 this is an exe"));
        assert!(content_matches("docx", b"PK\x03\x04\x14\0"));
        assert!(!content_matches(
            "docx",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        ));
        assert!(content_matches(
            "doc",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        ));
        assert!(content_matches("heic", b"\0\0\0\x18ftypheic\0\0\0\0"));
        assert!(content_matches("webp", b"RIFF\0\0\0\0WEBPVP8 "));
        assert!(content_matches("txt", "Xin chào".as_bytes()));
        assert!(!content_matches("txt", b"a\0b"));
        assert!(!content_matches("exe", b"MZ"));
        assert!(!content_matches("png", b""));
        // Every extension a schema may accept is known here.
        for (ext, _) in super::super::file::KNOWN_TYPES {
            assert!(
                [
                    "pdf", "jpg", "jpeg", "png", "gif", "webp", "heic", "tif", "tiff", "doc",
                    "docx", "xls", "xlsx", "odt", "ods", "txt", "mp4", "mp3", "zip"
                ]
                .contains(ext),
                "{ext} has no magic number"
            );
        }
    }

    fn attachment(name: &str, bytes: &[u8]) -> Attachment {
        Attachment {
            field: "tep_dinh_kem".into(),
            name: name.into(),
            mime: String::new(),
            bytes: bytes.to_vec(),
        }
    }

    fn values(entries: &[(&str, usize)]) -> Value {
        let list = entries
            .iter()
            .map(|(n, s)| {
                crate::json::obj([("name", Value::from(*n)), ("size", Value::from(*s as u64))])
            })
            .collect();
        crate::json::obj([("tep_dinh_kem", Value::Arr(list))])
    }

    #[test]
    fn files_are_checked_by_their_bytes_and_against_the_values() {
        let schema = Schema::default_nd20();
        let pdf = b"%PDF-1.7 ...";
        let ok = check_attachments(
            &schema,
            &values(&[("a.pdf", pdf.len())]),
            &[attachment("a.pdf", pdf)],
            Lang::Vi,
        );
        assert!(ok.is_empty(), "{ok:?}");
        // An executable renamed to .pdf.
        let exe = b"MZ\x90\0\x03\0\0\0";
        let e = check_attachments(
            &schema,
            &values(&[("a.pdf", exe.len())]),
            &[attachment("a.pdf", exe)],
            Lang::Vi,
        );
        assert_eq!(e[0].code, "file_content");
        assert_eq!(e[0].field, "tep_dinh_kem");
        // Listed in the values but no content sent.
        let e = check_attachments(&schema, &values(&[("a.pdf", 12)]), &[], Lang::Vi);
        assert_eq!(e[0].code, "file_missing");
        // Content sent for a file that is not in the values, or for a field that is not a file.
        let e = check_attachments(&schema, &values(&[]), &[attachment("a.pdf", pdf)], Lang::Vi);
        assert_eq!(e[0].code, "file_unexpected");
        let mut other = attachment("a.pdf", pdf);
        other.field = "ho_ten".into();
        let e = check_attachments(&schema, &values(&[]), &[other], Lang::En);
        assert_eq!(
            (e[0].field.as_str(), e[0].code.as_str()),
            ("ho_ten", "file_unexpected")
        );
    }

    #[test]
    fn the_body_limit_follows_the_schema() {
        let schema = Schema::default_nd20();
        // 3 files of 10 MB as base64, plus room for the text.
        let limit = max_body_bytes(&schema);
        assert!(limit > 3 * 10 * 1024 * 1024 * 4 / 3, "{limit}");
        assert!(limit < 45 * 1024 * 1024, "{limit}");
        assert_eq!(reference(2026, 42), "PAKN-2026-000042");
        assert_eq!(reference(2026, 1_234_567), "PAKN-2026-1234567");
    }
}

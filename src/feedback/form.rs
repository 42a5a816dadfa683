//! Validation of a whole submission against a [`Schema`]: one function for widget and server.
//!
//! The widget calls [`validate_form`] on submit (and [`validate_field`] when a field is left
//! after a first submit); the agency's server calls the same code through
//! `cchc validate-form`. Errors come in schema field order, one per field (the first rule that
//! fails), ready for a GOV.UK-style error summary; values come back normalised (phone `0…`,
//! names NFC and collapsed, dates `dd/mm/yyyy`), and fields that are not in the schema are
//! dropped. Conditional requirements (`required_if`, `required_unless`) look at the other
//! fields' submitted values.
//!
//! Submission shape (a JSON object, [`Value::Obj`]; anything else counts as an empty
//! submission): text-like fields are strings; `checkbox` is `true`
//! (also `"true"`, `"on"`, `"1"`); `address` is `{"tinh": "01", "xa": "00004", "chi_tiet": "…"}`;
//! `file` is a list of `{"name", "type", "size"}` (the bytes travel separately, see
//! docs/phan-anh-format.md).

use serde::Serialize;

use crate::json::Value;

use super::cccd::{self, CccdOptions};
use super::check::{Issue, Outcome};
use super::date::{self, Date, DateRule};
use super::dvhc::{kind_name, AddressBook, PairCheck};
use super::file::{self, FileMeta, FileRule};
use super::freetext::{self, TextRule};
use super::messages;
use super::schema::{Condition, Field, FieldType, Schema};
use super::{clean, email, name, phone};
use crate::i18n::Lang;

/// Default maximum size of one attached file (10 MB).
pub const DEFAULT_MAX_FILE: u64 = 10 * 1024 * 1024;
/// Default maximum number of attached files.
pub const DEFAULT_MAX_FILES: usize = 5;
/// Maximum length of the street detail of an address.
pub const ADDRESS_DETAIL_MAX: usize = 200;

/// What the validation needs besides the schema and the values.
#[derive(Clone, Copy, Debug)]
pub struct FormContext<'a> {
    /// "Today" (never read from a clock inside the core).
    pub today: Date,
    /// Language of the messages.
    pub lang: Lang,
    /// Provinces and the communes loaded so far; `None` checks only the codes' shape.
    pub address: Option<&'a AddressBook>,
}

/// An error (or a warning) on one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Field name.
    pub field: String,
    /// Stable code.
    pub code: String,
    /// Message in the context's language (the schema's override if any).
    pub message: String,
}

/// The outcome of one field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldResult {
    /// The blocking error, if any.
    pub error: Option<FieldError>,
    /// Non-blocking notices.
    pub warnings: Vec<FieldError>,
    /// Normalised value (absent when empty or invalid).
    pub normalized: Option<Value>,
}

/// The outcome of a whole form.
#[derive(Clone, Debug, PartialEq)]
pub struct FormResult {
    /// No error and not spam.
    pub valid: bool,
    /// The honeypot field was filled: drop silently, show nothing.
    pub spam: bool,
    /// Errors in schema field order (for the error summary).
    pub errors: Vec<FieldError>,
    /// Non-blocking notices in schema field order.
    pub warnings: Vec<FieldError>,
    /// Normalised values of the valid, filled fields: an object, in schema field order.
    pub normalized: Value,
}

/// Validates every field of `data` against `schema`.
pub fn validate_form(schema: &Schema, data: &Value, ctx: &FormContext) -> FormResult {
    let spam = schema
        .honeypot
        .as_deref()
        .and_then(|h| data.get(h))
        .is_some_and(is_filled);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut normalized: Vec<(String, Value)> = Vec::new();
    for field in &schema.fields {
        let r = check_field(schema, field, data, ctx);
        errors.extend(r.error);
        warnings.extend(r.warnings);
        if let Some(v) = r.normalized {
            // Names are unique in a checked schema; a repeated one keeps its last value.
            normalized.retain(|(k, _)| *k != field.name);
            normalized.push((field.name.clone(), v));
        }
    }
    FormResult {
        valid: errors.is_empty() && !spam,
        spam,
        errors,
        warnings,
        normalized: Value::Obj(normalized),
    }
}

/// Validates the field `name` in the context of all submitted values (`None`: no such field).
pub fn validate_field(
    schema: &Schema,
    name: &str,
    data: &Value,
    ctx: &FormContext,
) -> Option<FieldResult> {
    schema
        .field(name)
        .map(|f| check_field(schema, f, data, ctx))
}

/// Whether the field is effectively required given the other values.
pub fn is_required(field: &Field, data: &Value) -> bool {
    let holds = |c: &Condition| condition_holds(c, data);
    let base =
        field.required || field.required_if.iter().any(holds) || !field.required_unless.is_empty();
    base && !field.required_unless.iter().any(holds)
}

fn condition_holds(c: &Condition, data: &Value) -> bool {
    let value = data.get(&c.field);
    if let Some(filled) = c.filled {
        return value.is_some_and(is_filled) == filled;
    }
    let text = value.map(choice_text).unwrap_or_default();
    match (&c.equals, &c.one_of) {
        (Some(e), _) => text == *e,
        (None, Some(list)) => list.contains(&text),
        (None, None) => false,
    }
}

/// A scalar as compared in conditions: trimmed string, `"true"`/`"false"`, number text.
fn choice_text(v: &Value) -> String {
    match v {
        Value::Str(s) => s.trim().to_string(),
        Value::Bool(b) => String::from(if *b { "true" } else { "false" }),
        Value::Num(n) => n.clone(),
        _ => String::new(),
    }
}

/// Whether a submitted value counts as filled in.
pub fn is_filled(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Str(s) => s
            .chars()
            .any(|c| !c.is_whitespace() && !clean::is_invisible(c)),
        Value::Num(_) => true,
        Value::Arr(a) => a.iter().any(is_filled),
        // Each key with its last value (a repeated key counts once, as `get` reads it).
        Value::Obj(o) => o.iter().any(|(k, _)| v.get(k).is_some_and(is_filled)),
    }
}

/// Whether a checkbox value means "ticked".
fn is_ticked(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Str(s) => matches!(s.trim(), "true" | "on" | "1" | "yes"),
        _ => false,
    }
}

fn check_field(schema: &Schema, field: &Field, data: &Value, ctx: &FormContext) -> FieldResult {
    let value = data.get(&field.name).filter(|v| match field.kind {
        FieldType::Checkbox => is_ticked(v),
        _ => is_filled(v),
    });
    let mut result = FieldResult {
        error: None,
        warnings: Vec::new(),
        normalized: None,
    };
    // One `render` call for both blocking paths (missing value, failed check): smaller wasm.
    let issue = match value {
        None if is_required(field, data) => required_issue(field),
        None => return result,
        Some(value) => {
            let (outcome, normalized) = check_value(field, value, data, ctx);
            for w in &outcome.warnings {
                result.warnings.push(render(schema, field, w, ctx.lang));
            }
            match outcome.result {
                Ok(_) => {
                    result.normalized = normalized;
                    return result;
                }
                Err(issue) => issue,
            }
        }
    };
    result.error = Some(render(schema, field, &issue, ctx.lang));
    result
}

fn required_issue(field: &Field) -> Issue {
    let code = match field.kind {
        FieldType::Select | FieldType::Radio => "required_choice",
        FieldType::Checkbox => "required_consent",
        FieldType::File => "required_file",
        FieldType::Address => "address_province",
        _ => "required",
    };
    Issue::new(code)
}

/// Message for `issue` on `field`: field override, then schema override, then built-in.
#[inline(never)]
fn render(schema: &Schema, field: &Field, issue: &Issue, lang: Lang) -> FieldError {
    let template = field
        .messages
        .get(issue.code)
        .or_else(|| schema.messages.get(issue.code))
        .map(|t| t.get(lang))
        .unwrap_or_else(|| messages::builtin(issue.code, lang));
    let label = lower_first(field.label.get(lang));
    FieldError {
        field: field.name.clone(),
        code: issue.code.to_string(),
        message: messages::render_labelled(template, &issue.params, &label),
    }
}

/// "Họ và tên" → "họ và tên" inside a sentence, but "CCCD" and "Email" keep their capital when
/// the next letter is also a capital (acronyms).
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return label.to_string();
    };
    if second.is_some_and(char::is_uppercase) {
        return label.to_string();
    }
    let rest = label.get(first.len_utf8()..).unwrap_or("");
    let (a, b) = crate::text::lower_char(first);
    let mut out = String::with_capacity(label.len());
    out.push(a);
    out.extend(b);
    out.push_str(rest);
    out
}

fn as_text(v: &Value) -> Option<&str> {
    v.as_str()
}

/// Validates a filled value; returns the outcome and the normalised JSON value.
fn check_value(
    field: &Field,
    value: &Value,
    data: &Value,
    ctx: &FormContext,
) -> (Outcome, Option<Value>) {
    let outcome = match field.kind {
        FieldType::Checkbox => return check_checkbox(value),
        FieldType::Address => return check_address(field, value, ctx),
        FieldType::File => return check_files(field, value),
        _ => match as_text(value) {
            Some(s) => check_text_kind(field, s, data, ctx),
            None => Outcome::err(Issue::new("wrong_type")),
        },
    };
    let normalized = outcome.result.as_ref().ok().map(|s| Value::Str(s.clone()));
    (outcome, normalized)
}

fn check_text_kind(field: &Field, s: &str, data: &Value, ctx: &FormContext) -> Outcome {
    let max = field.max_length.unwrap_or_else(|| field.kind.default_max());
    match field.kind {
        FieldType::Text | FieldType::Textarea => freetext::check_text(
            s,
            TextRule {
                multiline: field.kind == FieldType::Textarea,
                min: field.min_length,
                max,
            },
        ),
        FieldType::Name => name::check_name(s, max),
        FieldType::Mobile => phone::check_phone(s, phone::PhoneKind::Mobile),
        FieldType::Phone => phone::check_phone(s, phone::PhoneKind::Any),
        FieldType::Email => email::check_email(s),
        FieldType::Date => date::check_date(
            s,
            DateRule {
                not_future: field.not_future,
                min_year: field.min_year,
            },
            ctx.today,
        ),
        FieldType::Cccd => {
            let dob = field
                .dob_field
                .as_deref()
                .and_then(|d| data.get(d))
                .and_then(Value::as_str)
                .and_then(|d| date::parse_user_date(d).ok());
            let opts = CccdOptions {
                allow_cmnd: field.allow_cmnd,
                dob,
            };
            cccd::check_cccd(s, opts, ctx.today)
        }
        FieldType::Select | FieldType::Radio => {
            let v = s.trim();
            if field.options.iter().any(|o| o.value == v) {
                Outcome::ok(v.to_string())
            } else {
                Outcome::err(Issue::new("choice_unknown"))
            }
        }
        FieldType::Checkbox | FieldType::Address | FieldType::File => {
            Outcome::err(Issue::new("wrong_type"))
        }
    }
}

fn check_checkbox(value: &Value) -> (Outcome, Option<Value>) {
    if is_ticked(value) {
        (Outcome::ok("true".into()), Some(Value::Bool(true)))
    } else {
        fail("wrong_type")
    }
}

fn part<'v>(o: &'v Value, key: &str) -> &'v str {
    o.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or("")
}

fn check_address(field: &Field, value: &Value, ctx: &FormContext) -> (Outcome, Option<Value>) {
    if value.as_object().is_none() {
        return fail("wrong_type");
    }
    let (tinh, xa) = (part(value, "tinh"), part(value, "xa"));
    let detail = value.get("chi_tiet").and_then(Value::as_str).unwrap_or("");
    let province_name = ctx
        .address
        .and_then(|b| b.province(tinh))
        .map(|p| kind_name(&p.kind, &p.name))
        .unwrap_or_else(|| tinh.to_string());
    let shape_ok = tinh.len() == 2 && tinh.bytes().all(|b| b.is_ascii_digit());
    let pair = ctx.address.map(|b| b.check_pair(tinh, xa));
    if !shape_ok || pair == Some(PairCheck::UnknownProvince) {
        return fail("address_province");
    }
    let xa_shape = xa.len() == 5 && xa.bytes().all(|b| b.is_ascii_digit());
    if !xa_shape || pair == Some(PairCheck::UnknownCommune) {
        return (
            Outcome::err(Issue::new("address_commune").with("province", province_name)),
            None,
        );
    }
    let detail_needed = field.required || !detail.trim().is_empty();
    let rule = TextRule {
        multiline: false,
        min: None,
        max: field.max_length.unwrap_or(ADDRESS_DETAIL_MAX),
    };
    let detail_outcome = freetext::check_text(detail, rule);
    let detail_norm = match detail_outcome.result {
        Ok(d) => d,
        Err(e) if e.code == "empty" && detail_needed => return fail("address_detail"),
        Err(e) if e.code == "empty" => String::new(),
        Err(e) => return (Outcome::err(e).warn(detail_outcome.warnings), None),
    };
    let mut norm = vec![
        ("tinh".to_string(), Value::from(tinh)),
        ("xa".to_string(), Value::from(xa)),
        ("chi_tiet".to_string(), Value::from(detail_norm.as_str())),
    ];
    if let Some(book) = ctx.address {
        if let Some(p) = book.province(tinh) {
            let name = kind_name(&p.kind, &p.name);
            norm.push(("tinh_ten".to_string(), Value::from(name)));
        }
        if let Some(c) = book.commune(tinh, xa) {
            let name = kind_name(&c.kind, &c.name);
            norm.push(("xa_ten".to_string(), Value::from(name)));
        }
    }
    let outcome = Outcome::ok(detail_norm).warn(detail_outcome.warnings);
    (outcome, Some(Value::Obj(norm)))
}

/// A blocking issue without parameters and no normalised value. One shared body (not inlined)
/// for the many early exits of the checks below: smaller wasm.
#[inline(never)]
fn fail(code: &'static str) -> (Outcome, Option<Value>) {
    (Outcome::err(Issue::new(code)), None)
}

fn file_meta(v: &Value) -> Option<FileMeta> {
    Some(FileMeta {
        name: v.get("name")?.as_str()?.to_string(),
        mime: v
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        size: v.get("size")?.as_u64()?,
    })
}

fn check_files(field: &Field, value: &Value) -> (Outcome, Option<Value>) {
    let items: &[Value] = match value {
        Value::Arr(a) => a,
        Value::Obj(_) => std::slice::from_ref(value),
        _ => return fail("wrong_type"),
    };
    // Empty entries are skipped (no collected copy of the list: smaller wasm).
    let items = || items.iter().filter(|v| is_filled(v));
    let max_files = field.max_files.unwrap_or(DEFAULT_MAX_FILES);
    if items().count() > max_files {
        return (
            Outcome::err(Issue::new("file_count").with_num("max", max_files as u64)),
            None,
        );
    }
    let rule = FileRule {
        accept: field.accept.clone(),
        max_bytes: field.max_size.unwrap_or(DEFAULT_MAX_FILE),
    };
    let mut norm = Vec::new();
    for item in items() {
        let Some(meta) = file_meta(item) else {
            return fail("wrong_type");
        };
        if let Err(issue) = file::check_file(&meta, &rule) {
            return (Outcome::err(issue), None);
        }
        norm.push(crate::json::obj([
            ("name", Value::from(meta.name)),
            ("type", Value::from(meta.mime)),
            ("size", Value::from(meta.size)),
        ]));
    }
    (Outcome::ok(String::new()), Some(Value::Arr(norm)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_lowered_inside_sentences_but_not_acronyms() {
        assert_eq!(lower_first("Họ và tên"), "họ và tên");
        assert_eq!(lower_first("CCCD"), "CCCD");
        assert_eq!(lower_first("Đ"), "đ");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn filled_values() {
        assert!(!is_filled(&Value::Str(" \u{200B} ".into())));
        assert!(!is_filled(&Value::Bool(false)));
        let parsed = |text: &str| crate::json::parse(text).unwrap_or(Value::Null);
        assert!(!is_filled(&parsed(r#"{"tinh": "", "xa": null}"#)));
        assert!(is_filled(&parsed(r#"{"tinh": "01"}"#)));
        assert!(!is_filled(&parsed("[]")));
        assert!(is_filled(&Value::Str("a".into())));
    }
}

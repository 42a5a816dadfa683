//! `phan-anh.json`: the form an agency publishes, and the built-in Nghị định 20/2008 default.
//!
//! The agency describes its feedback form as data (fields, rules, messages, where to submit) so
//! that the widget renders it and both the browser and `cchc validate-form` on the agency's
//! server enforce the same rules. The loader reads untrusted JSON by hand rather than through
//! serde derive so that every problem is reported with its JSON path (`$.fields[3].required_if`)
//! and a Vietnamese and English message, all problems at once, and unknown keys are refused
//! (a typo such as `"requried"` must not silently drop a rule).
//!
//! Regular-expression `pattern` rules are deliberately **not** supported in version 1: a regex
//! engine would add tens of kilobytes to a bundle citizens download on 3G, and a regex written
//! by an agency would run on every keystroke of every visitor (catastrophic backtracking); the
//! typed fields (`mobile`, `phone`, `cccd`, `name`, `email`, `date`) cover the Vietnamese formats
//! forms ask for. A `pattern` key is refused with an explanation instead of being ignored.
//! The format is specified in docs/phan-anh-format.md and schemas/phan-anh.schema.json.

use std::fmt;

use serde::Serialize;

use crate::json::Value;

use super::file::KNOWN_TYPES;
use super::messages;
use crate::contract::indexed;
use crate::i18n::{Lang, Msg};
use crate::text::cat;

/// Value of the `format` key.
pub const FORMAT: &str = "cchc-phan-anh";
/// The schema version this code reads and writes.
pub const VERSION: u64 = 1;
/// Largest `max_length` a schema may set (the bad-input ceiling for any text).
pub const MAX_LENGTH_CEILING: usize = 100_000;

/// Message overrides by message code, sorted by code; serialized as a JSON object.
///
/// A sorted `Vec` rather than a `BTreeMap`: a form has a handful of overrides, and one map type
/// less keeps the wasm that every citizen downloads ~1 KB smaller (gzip).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Messages(Vec<(String, Text)>);

impl Messages {
    /// No overrides.
    pub fn new() -> Messages {
        Messages::default()
    }

    /// Whether there is no override.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The override for `code`.
    pub fn get(&self, code: &str) -> Option<&Text> {
        let i = self.slot(code).ok()?;
        self.0.get(i).map(|(_, text)| text)
    }

    /// Sets the override for `code`, returning the one it replaces.
    pub fn insert(&mut self, code: String, text: Text) -> Option<Text> {
        match self.slot(&code) {
            Ok(i) => self
                .0
                .get_mut(i)
                .map(|slot| std::mem::replace(&mut slot.1, text)),
            Err(i) => {
                self.0.insert(i, (code, text));
                None
            }
        }
    }

    /// The overrides, sorted by code.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Text)> {
        self.0.iter().map(|(code, text)| (code, text))
    }

    fn slot(&self, code: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(c, _)| c.as_str().cmp(code))
    }
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Messages {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// A text in Vietnamese with an optional English version (`"..."` or `{"vi": ..., "en": ...}`).
#[derive(Clone, Debug, Eq, Serialize)]
pub struct Text {
    /// Vietnamese (required).
    pub vi: String,
    /// English; Vietnamese is shown when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A text of the built-in form ([`Text::builtin`]): the page's language catalogue
    /// translates it. An agency's own texts are never looked up in a catalogue.
    #[serde(skip)]
    pub builtin: bool,
}

impl PartialEq for Text {
    /// The same words (whether built in or not).
    fn eq(&self, other: &Text) -> bool {
        self.vi == other.vi && self.en == other.en
    }
}

impl Text {
    /// A text of the built-in form: natively Vietnamese and English; in the wasm the Vietnamese,
    /// which the page's catalogue (English included) translates.
    pub fn builtin(m: Msg) -> Text {
        #[cfg(not(target_arch = "wasm32"))]
        let en = Some(m.en.to_string());
        #[cfg(target_arch = "wasm32")]
        let en = None;
        Text {
            vi: m.vi.to_string(),
            en,
            builtin: true,
        }
    }

    /// The text in `lang`: the schema's English for English, a built-in text's translation from
    /// the catalogue, else the Vietnamese.
    pub fn get(&self, lang: Lang) -> &str {
        if lang == Lang::Vi {
            return &self.vi;
        }
        if let Some(en) = self.en.as_deref().filter(|_| lang.tag() == "en") {
            return en;
        }
        // Natively English is built in: the pairs `pkg/i18n/en.json` is generated from.
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(en) =
            crate::i18n::source::english(&self.vi).filter(|_| self.builtin && lang == Lang::En)
        {
            return en;
        }
        match lang.translate(&self.vi).filter(|_| self.builtin) {
            Some(t) => t,
            None => &self.vi,
        }
    }
}

/// Field types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// One line of free text.
    Text,
    /// Several lines of free text.
    Textarea,
    /// A personal name.
    Name,
    /// A mobile number.
    Mobile,
    /// A mobile or landline number.
    Phone,
    /// An e-mail address.
    Email,
    /// A CCCD (or CMND when `allow_cmnd`) number.
    Cccd,
    /// A date dd/mm/yyyy.
    Date,
    /// One option from a list (drop-down).
    Select,
    /// One option from a list (radio buttons).
    Radio,
    /// A single box to tick (consent, declaration).
    Checkbox,
    /// Province, commune and street detail.
    Address,
    /// Attached files.
    File,
}

const FIELD_TYPES: &[(&str, FieldType)] = &[
    ("text", FieldType::Text),
    ("textarea", FieldType::Textarea),
    ("name", FieldType::Name),
    ("mobile", FieldType::Mobile),
    ("phone", FieldType::Phone),
    ("email", FieldType::Email),
    ("cccd", FieldType::Cccd),
    ("date", FieldType::Date),
    ("select", FieldType::Select),
    ("radio", FieldType::Radio),
    ("checkbox", FieldType::Checkbox),
    ("address", FieldType::Address),
    ("file", FieldType::File),
];

impl FieldType {
    /// Types whose value is a choice among `options`.
    pub fn has_options(self) -> bool {
        matches!(self, FieldType::Select | FieldType::Radio)
    }

    /// Types whose value is text with a length.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            FieldType::Text | FieldType::Textarea | FieldType::Name
        )
    }

    /// Default maximum length in characters.
    pub fn default_max(self) -> usize {
        match self {
            FieldType::Textarea => 5000,
            FieldType::Name => super::name::NAME_MAX,
            _ => 500,
        }
    }
}

/// One option of a select or radio field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// Value submitted.
    pub value: String,
    /// Label shown.
    pub label: Text,
}

/// A condition on another field's value (exactly one of `equals`, `in`, `filled`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Condition {
    /// The other field's name.
    pub field: String,
    /// Holds when the value equals this (checkbox values are `"true"`/`"false"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// Holds when the value is one of these.
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// Holds when the field is (`true`) or is not (`false`) filled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filled: Option<bool>,
}

/// One field of the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Key in the submission; `[a-z0-9_-]`, used in element ids.
    pub name: String,
    /// Field type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Label.
    pub label: Text,
    /// Hint shown under the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Always required.
    #[serde(skip_serializing_if = "is_false")]
    pub required: bool,
    /// Required when any of these conditions holds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required_if: Vec<Condition>,
    /// Required unless any of these conditions holds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required_unless: Vec<Condition>,
    /// Minimum length in characters (text types).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    /// Maximum length in characters (text types; a default applies when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Options of select/radio.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// `cccd`: also accept the old 9-digit CMND.
    #[serde(skip_serializing_if = "is_false")]
    pub allow_cmnd: bool,
    /// `cccd`: name of the date field holding the date of birth, to cross-check the birth year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dob_field: Option<String>,
    /// `date`: the date must not be after today.
    #[serde(skip_serializing_if = "is_false")]
    pub not_future: bool,
    /// `date`: earliest year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_year: Option<i32>,
    /// `file`: allowed extensions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// `file`: maximum size of each file in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// `file`: maximum number of files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_files: Option<usize>,
    /// HTML `autocomplete` token for the input (e.g. `name`, `tel`, `email`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<String>,
    /// Message overrides by code (see docs/phan-anh-format.md for codes and placeholders).
    #[serde(skip_serializing_if = "Messages::is_empty")]
    pub messages: Messages,
    /// May be published with the answer (`cchc phan-anh publish`; read natively).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub public: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where and how the widget submits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    /// `https://…` or a same-origin path `/…` (also `http://localhost…` for testing).
    pub url: String,
    /// Time to wait for the server before offering a retry.
    pub timeout_ms: u64,
}

/// The whole form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Schema {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u64,
    /// Title of the form.
    pub title: Text,
    /// Introductory text (purpose, legal basis, personal-data notice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Where to POST; absent: the host page handles the `cchc-submit` event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<Endpoint>,
    /// Name of the hidden anti-bot field (must stay empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honeypot: Option<String>,
    /// Message overrides by code, for every field.
    #[serde(skip_serializing_if = "Messages::is_empty")]
    pub messages: Messages,
    /// Fields in display order.
    pub fields: Vec<Field>,
    /// Working days to answer a submission (`cchc phan-anh export`'s due date; read natively).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_days: Option<u64>,
    /// The agency's days off, `yyyy-mm-dd` (Tết moves every year; read natively).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
    /// The page that shows answered feedback (`<cchc-feedback-answers>`), https:// or /.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers_page: Option<String>,
}

impl Schema {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Pretty JSON of the schema (what `www/data/phan-anh.json` holds). Native only (the CLI and
    /// the tests that publish the file): the browser only reads schemas.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads and checks a schema; every problem is reported with its JSON path.
    pub fn from_json(json: &str) -> Result<Schema, Vec<SchemaError>> {
        Schema::parse(json, false)
    }

    /// Reads the built-in form as shipped in `pkg/` ([`Schema::bundle_json`]): like
    /// [`Schema::from_json`], but every text is a built-in one, which the page's language
    /// catalogue translates (the file itself is Vietnamese only).
    pub fn from_json_builtin(json: &str) -> Result<Schema, Vec<SchemaError>> {
        Schema::parse(json, true)
    }

    /// The built-in Nghị định 20/2008 form as `pkg/phan-anh-mac-dinh.json`: Vietnamese texts
    /// only (the English is in `pkg/i18n/en.json`, like every built-in text), no whitespace and
    /// nothing only the staff's tools read, ~1.2 KB gzip less for every page with the built-in form.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundle_json() -> String {
        fn vi_only(v: &mut serde_json::Value) {
            use serde_json::Value;
            let text = match v {
                Value::Object(o) if o.keys().all(|k| k == "vi" || k == "en") => {
                    o.get("vi").cloned()
                }
                _ => None,
            };
            match (text, v) {
                (Some(t), v) => *v = t,
                (None, Value::Object(o)) => o.values_mut().for_each(vi_only),
                (None, Value::Array(a)) => a.iter_mut().for_each(vi_only),
                _ => {}
            }
        }
        let mut v = serde_json::to_value(Schema::default_nd20()).unwrap_or_default();
        vi_only(&mut v);
        // `public` is for `cchc phan-anh publish`, which reads the built-in form natively; the
        // widget does not read it.
        if let Some(fields) = v.get_mut("fields").and_then(|f| f.as_array_mut()) {
            for f in fields.iter_mut().filter_map(|f| f.as_object_mut()) {
                f.remove("public");
            }
        }
        v.to_string()
    }

    /// [`Schema::from_json`] plus the warnings: unknown keys, which this version ignores (a
    /// newer file's additions, or typos that `cchc check` shows).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json_checked(json: &str) -> Result<(Schema, Vec<SchemaError>), Vec<SchemaError>> {
        Schema::load(json, false)
    }

    fn parse(json: &str, builtin: bool) -> Result<Schema, Vec<SchemaError>> {
        Schema::load(json, builtin).map(|(s, _)| s)
    }

    fn load(json: &str, builtin: bool) -> Result<(Schema, Vec<SchemaError>), Vec<SchemaError>> {
        let value = crate::json::parse(json).map_err(|e| {
            vec![SchemaError::new(
                "$",
                "json",
                msg!(
                    "JSON không hợp lệ (dòng {line}, cột {column}): {error}",
                    "invalid JSON (line {line}, column {column}): {error}"
                ),
                vec![
                    ("line", crate::num::int(e.line)),
                    ("column", crate::num::int(e.column)),
                    ("error", e.message()),
                ],
            )]
        })?;
        let mut loader = Loader {
            builtin,
            ..Loader::default()
        };
        let schema = loader.schema(&value);
        match (schema, loader.errors.is_empty()) {
            (Some(s), true) => Ok((s, loader.warnings)),
            _ => Err(loader.errors),
        }
    }
}

/// A problem in a schema file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// JSON path, e.g. `$.fields[2].options`.
    pub path: String,
    /// Stable code: `json`, `type`, `missing`, `unknown_key`, `format`, `version`, `value`,
    /// `duplicate`, `reference`, `pattern_unsupported`.
    pub code: &'static str,
    /// The message, a template with `{name}` placeholders.
    pub msg: Msg,
    /// The values of the placeholders.
    pub args: Vec<(&'static str, String)>,
}

impl SchemaError {
    fn new(
        path: &str,
        code: &'static str,
        msg: Msg,
        args: Vec<(&'static str, String)>,
    ) -> SchemaError {
        SchemaError {
            path: path.to_string(),
            code,
            msg,
            args,
        }
    }

    /// The message in `lang`, without the path.
    pub fn text(&self, lang: Lang) -> String {
        super::messages::render(lang.text(self.msg), &self.args)
    }

    /// The message in `lang`, prefixed with the path.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = self.path.clone();
        out.push_str(": ");
        out.push_str(&self.text(lang));
        out
    }
}

/// Whether `s` is a safe field/honeypot name: 1–64 of `a-z 0-9 _ -`, starting with a letter.
pub fn is_safe_name(s: &str) -> bool {
    s.len() <= 64
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let ok_scheme = lower.starts_with("https://")
        || (lower.starts_with('/') && !lower.starts_with("//"))
        || lower.starts_with("http://localhost")
        || lower.starts_with("http://127.0.0.1");
    ok_scheme && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

const SCHEMA_KEYS: &[&str] = &[
    "$schema",
    "format",
    "version",
    "title",
    "intro",
    "endpoint",
    "honeypot",
    "messages",
    "fields",
    "due_days",
    "holidays",
    "answers_page",
];
const FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "label",
    "hint",
    "required",
    "required_if",
    "required_unless",
    "min_length",
    "max_length",
    "options",
    "allow_cmnd",
    "dob_field",
    "not_future",
    "min_year",
    "accept",
    "max_size",
    "max_files",
    "autocomplete",
    "messages",
    "pattern",
    "public",
];

/// An object's members, each key once: a repeated key counts with its last value (what
/// [`Value::get`] reads), at the place of that last occurrence. Empty for non-objects.
fn members(o: &Value) -> impl Iterator<Item = &(String, Value)> {
    let all = o.as_object().unwrap_or_default();
    all.iter().enumerate().filter_map(move |(i, m)| {
        let later = all.get(i + 1..).unwrap_or_default();
        (!later.iter().any(|(k, _)| *k == m.0)).then_some(m)
    })
}

/// Walks the JSON value, collecting errors with paths.
#[derive(Default)]
struct Loader {
    errors: Vec<SchemaError>,
    /// Unknown keys: a newer file's additions (ignored by this version) or typos (`cchc check`
    /// shows them as warnings).
    warnings: Vec<SchemaError>,
    /// Texts read are built-in ones ([`Text::builtin`]).
    builtin: bool,
}

impl Loader {
    fn err(&mut self, path: &str, code: &'static str, msg: Msg, args: Vec<(&'static str, String)>) {
        self.errors.push(SchemaError::new(path, code, msg, args));
    }

    /// A type error: `msg` says what was expected ("cần một chuỗi").
    fn type_err(&mut self, path: &str, msg: Msg) {
        self.err(path, "type", msg, Vec::new());
    }

    /// An error with a fixed message at `path.key`. The helpers below are shared bodies (not
    /// inlined) for the loader's many error sites: the schema loader ships in the widget's wasm.
    #[inline(never)]
    fn err_at(&mut self, path: &str, key: &str, code: &'static str, msg: Msg) {
        let p = crate::contract::sub_path(path, key);
        self.err(&p, code, msg, Vec::new());
    }

    /// A type error at `path.key`.
    #[inline(never)]
    fn type_at(&mut self, path: &str, key: &str, msg: Msg) {
        self.type_err(&crate::contract::sub_path(path, key), msg);
    }

    /// The required member `key` of the object at `path` is absent.
    #[inline(never)]
    fn missing(&mut self, path: &str, key: &str) {
        self.err(
            path,
            "missing",
            msg!("thiếu “{key}”", "“{key}” is missing"),
            vec![("key", key.to_string())],
        );
    }

    /// `v` itself if it is an object (its members are then read with [`Value::get`]).
    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Value> {
        if v.as_object().is_none() {
            self.type_err(
                path,
                msg!("cần một đối tượng JSON", "expected a JSON object"),
            );
            return None;
        }
        Some(v)
    }

    /// Unknown keys are warnings, which only `cchc check` shows: the widget ignores them and
    /// does not look for them (less code in the form's wasm).
    #[cfg(target_arch = "wasm32")]
    fn keys(&mut self, _: &Value, _: &[&str], _: &str) {}

    #[cfg(not(target_arch = "wasm32"))]
    fn keys(&mut self, o: &Value, allowed: &[&str], path: &str) {
        let unknown = members(o).filter(|(k, _)| !allowed.contains(&k.as_str()));
        for key in unknown.map(|(k, _)| k) {
            self.warnings.push(SchemaError::new(
                &crate::contract::sub_path(path, key),
                "unknown_key",
                msg!(
                    "khóa “{key}” không có trong định dạng",
                    "unknown key “{key}”"
                ),
                vec![("key", key.to_string())],
            ));
        }
    }

    fn string(&mut self, o: &Value, key: &str, path: &str, required: bool) -> Option<String> {
        match o.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing(path, key);
                }
                None
            }
            Some(Value::Str(s)) => Some(s.clone()),
            Some(_) => {
                self.type_at(path, key, msg!("cần một chuỗi", "expected a string"));
                None
            }
        }
    }

    fn text(&mut self, o: &Value, key: &str, path: &str, required: bool) -> Option<Text> {
        let p = crate::contract::sub_path(path, key);
        match o.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.missing(path, key);
                }
                None
            }
            Some(v) => self.text_value(v, &p),
        }
    }

    fn text_value(&mut self, v: &Value, path: &str) -> Option<Text> {
        match v {
            Value::Str(s) => Some(Text {
                vi: s.clone(),
                en: None,
                builtin: self.builtin,
            }),
            Value::Obj(_) => {
                self.keys(v, &["vi", "en"], path);
                let vi = self.string(v, "vi", path, true)?;
                let en = self.string(v, "en", path, false);
                Some(Text {
                    vi,
                    en,
                    builtin: self.builtin,
                })
            }
            _ => {
                self.type_err(
                    path,
                    msg!(
                        "cần một chuỗi hoặc {\"vi\", \"en\"}",
                        "expected a string or {\"vi\", \"en\"}"
                    ),
                );
                None
            }
        }
    }

    fn boolean(&mut self, o: &Value, key: &str, path: &str) -> bool {
        match o.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.type_at(
                    path,
                    key,
                    msg!("cần true hoặc false", "expected true or false"),
                );
                false
            }
        }
    }

    fn uint(&mut self, o: &Value, key: &str, path: &str, max: u64) -> Option<u64> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_u64().filter(|&n| n <= max) {
                Some(n) => Some(n),
                None => {
                    self.err(
                        &crate::contract::sub_path(path, key),
                        "type",
                        msg!(
                            "cần một số nguyên từ 0 đến {max}",
                            "expected an integer from 0 to {max}"
                        ),
                        vec![("max", crate::num::int(max))],
                    );
                    None
                }
            },
        }
    }

    fn messages(&mut self, o: &Value, path: &str) -> Messages {
        let mut out = Messages::new();
        let Some(v) = o.get("messages") else {
            return out;
        };
        let p = crate::contract::sub_path(path, "messages");
        let Some(m) = self.object(v, &p) else {
            return out;
        };
        for (code, text) in members(m) {
            let cp = crate::contract::sub_path(&p, code);
            if !messages::is_known(code) {
                self.err(
                    &cp,
                    "value",
                    msg!(
                        "mã thông báo “{code}” không tồn tại",
                        "there is no message code “{code}”"
                    ),
                    vec![("code", code.to_string())],
                );
            }
            if let Some(t) = self.text_value(text, &cp) {
                out.insert(code.clone(), t);
            }
        }
        out
    }

    fn schema(&mut self, v: &Value) -> Option<Schema> {
        let o = self.object(v, "$")?;
        self.keys(o, SCHEMA_KEYS, "$");
        let format = self.string(o, "format", "$", true);
        if format.as_deref().is_some_and(|f| f != FORMAT) {
            self.err(
                "$.format",
                "format",
                msg!("cần “{format}”", "must be “{format}”"),
                vec![("format", FORMAT.to_string())],
            );
        }
        let version = self.uint(o, "version", "$", u64::MAX);
        if version != Some(VERSION) {
            self.err(
                "$.version",
                "version",
                msg!(
                    "phiên bản được hỗ trợ là {version}",
                    "the supported version is {version}"
                ),
                vec![("version", crate::num::int(VERSION))],
            );
        }
        let title = self.text(o, "title", "$", true);
        let intro = self.text(o, "intro", "$", false);
        let endpoint = o
            .get("endpoint")
            .filter(|e| !e.is_null())
            .and_then(|e| self.endpoint(e));
        let honeypot = self.string(o, "honeypot", "$", false);
        if honeypot.as_deref().is_some_and(|h| !is_safe_name(h)) {
            self.err_at(
                "$",
                "honeypot",
                "value",
                msg!(
                    "tên không hợp lệ (a-z, 0-9, _, -)",
                    "invalid name (a-z, 0-9, _, -)"
                ),
            );
        }
        let messages = self.messages(o, "$");
        let (due_days, holidays, answers_page) = self.answering(o);
        let indexed = self.fields(o.get("fields"));
        self.cross_checks(&indexed, honeypot.as_deref());
        let fields = indexed.into_iter().map(|(_, f)| f).collect();
        Some(Schema {
            format: format?,
            version: version?,
            title: title?,
            intro,
            endpoint,
            honeypot,
            messages,
            fields,
            due_days,
            holidays,
            answers_page,
        })
    }

    /// `due_days` and `holidays` are what staff's tools read: the wasm does not read them (a
    /// smaller form bundle). `answers_page` the success panel links to; a wrong one is left out
    /// there (`cchc check` names it).
    #[cfg(target_arch = "wasm32")]
    fn answering(&mut self, o: &Value) -> (Option<u64>, Vec<String>, Option<String>) {
        // Only a link's target: `https://` or a path is enough here (not `javascript:`).
        let page = self.string(o, "answers_page", "$", false);
        (
            None,
            Vec::new(),
            page.filter(|u| u.starts_with("https://") || u.starts_with('/')),
        )
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn answering(&mut self, o: &Value) -> (Option<u64>, Vec<String>, Option<String>) {
        let due_days = self.uint(o, "due_days", "$", 365);
        if due_days == Some(0) {
            self.err_at(
                "$",
                "due_days",
                "value",
                msg!(
                    "cần một số nguyên từ 1 đến 365",
                    "expected a whole number from 1 to 365"
                ),
            );
        }
        let mut holidays = Vec::new();
        match o.get("holidays") {
            None | Some(Value::Null) => {}
            Some(Value::Arr(list)) => {
                for (i, d) in list.iter().enumerate() {
                    match d.as_str().and_then(crate::date::Date::parse_iso) {
                        Some(day) => holidays.push(day.to_iso()),
                        None => self.err(
                            &indexed("$.holidays", i),
                            "value",
                            msg!(
                                "cần một ngày dạng yyyy-mm-dd",
                                "expected a date as yyyy-mm-dd"
                            ),
                            Vec::new(),
                        ),
                    }
                }
            }
            Some(_) => self.type_at(
                "$",
                "holidays",
                msg!(
                    "cần một mảng ngày yyyy-mm-dd",
                    "expected an array of yyyy-mm-dd dates"
                ),
            ),
        }
        let answers_page = self.string(o, "answers_page", "$", false);
        if answers_page.as_deref().is_some_and(|u| !is_safe_url(u)) {
            self.err_at(
                "$",
                "answers_page",
                "value",
                msg!(
                    "địa chỉ phải bắt đầu bằng https:// hoặc / (cùng trang)",
                    "the URL must start with https:// or / (same origin)"
                ),
            );
        }
        (due_days, holidays, answers_page)
    }

    #[cfg(target_arch = "wasm32")]
    fn publishing_flag(&mut self, _: &Value, _: &str) -> bool {
        false
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn publishing_flag(&mut self, o: &Value, path: &str) -> bool {
        self.boolean(o, "public", path)
    }

    fn endpoint(&mut self, v: &Value) -> Option<Endpoint> {
        let p = "$.endpoint";
        let o = self.object(v, p)?;
        self.keys(o, &["url", "timeout_ms"], p);
        let url = self.string(o, "url", p, true)?;
        if !is_safe_url(&url) {
            self.err_at(
                p,
                "url",
                "value",
                msg!(
                    "địa chỉ phải bắt đầu bằng https:// hoặc / (cùng trang)",
                    "the URL must start with https:// or / (same origin)"
                ),
            );
        }
        let timeout_ms = self.uint(o, "timeout_ms", p, 120_000).unwrap_or(20_000);
        Some(Endpoint { url, timeout_ms })
    }

    /// The fields that could be read, with their index in the file (for error paths).
    fn fields(&mut self, v: Option<&Value>) -> Vec<(usize, Field)> {
        let Some(list) = v.and_then(Value::as_array) else {
            self.type_err(
                "$.fields",
                msg!("cần một mảng trường", "expected an array of fields"),
            );
            return Vec::new();
        };
        if list.is_empty() {
            self.err(
                "$.fields",
                "value",
                msg!("cần ít nhất một trường", "at least one field is needed"),
                Vec::new(),
            );
        }
        // A plain loop: the iterator-adapter version compiled to a 4 KB closure in the wasm.
        let mut out = Vec::with_capacity(list.len());
        for (i, f) in list.iter().enumerate() {
            if let Some(f) = self.field(f, &indexed("$.fields", i)) {
                out.push((i, f));
            }
        }
        out
    }

    fn field_type(&mut self, o: &Value, path: &str) -> Option<FieldType> {
        let t = self.string(o, "type", path, true)?;
        let found = FIELD_TYPES.iter().find(|(n, _)| *n == t).map(|(_, k)| *k);
        if found.is_none() {
            let names: Vec<&str> = FIELD_TYPES.iter().map(|(n, _)| *n).collect();
            self.err(
                &crate::contract::sub_path(path, "type"),
                "value",
                msg!(
                    "loại trường “{type}” không có; dùng một trong: {types}",
                    "unknown field type “{type}”; use one of: {types}"
                ),
                vec![("type", t), ("types", crate::text::join(&names, ", "))],
            );
        }
        found
    }

    fn field(&mut self, v: &Value, path: &str) -> Option<Field> {
        let o = self.object(v, path)?;
        self.keys(o, FIELD_KEYS, path);
        if o.get("pattern").is_some() {
            self.err_at(path, "pattern", "pattern_unsupported", msg!(
                "“pattern” (biểu thức chính quy) không được hỗ trợ ở phiên bản 1; hãy dùng loại trường có sẵn (mobile, phone, cccd, name, email, date)",
                "“pattern” (regular expressions) is not supported in version 1; use a typed field (mobile, phone, cccd, name, email, date)"
            ));
        }
        let name = self.string(o, "name", path, true);
        if name.as_deref().is_some_and(|n| !is_safe_name(n)) {
            self.err_at(
                path,
                "name",
                "value",
                msg!(
                    "tên trường chỉ gồm a-z, 0-9, _ và -, bắt đầu bằng chữ",
                    "a field name has only a-z, 0-9, _ and -, starting with a letter"
                ),
            );
        }
        let kind = self.field_type(o, path);
        let label = self.text(o, "label", path, true);
        // One early exit before the other members are read (their errors are then not
        // reported, as before), instead of a `?` per member inside the struct literal.
        let (Some(name), Some(kind), Some(label)) = (name, kind, label) else {
            return None;
        };
        let field = Field {
            name,
            kind,
            label,
            hint: self.text(o, "hint", path, false),
            required: self.boolean(o, "required", path),
            required_if: self.conditions(o, "required_if", path),
            required_unless: self.conditions(o, "required_unless", path),
            min_length: self
                .uint(o, "min_length", path, MAX_LENGTH_CEILING as u64)
                .map(|n| n as usize),
            max_length: self
                .uint(o, "max_length", path, MAX_LENGTH_CEILING as u64)
                .map(|n| n as usize),
            options: self.options(o, path),
            allow_cmnd: self.boolean(o, "allow_cmnd", path),
            dob_field: self.string(o, "dob_field", path, false),
            not_future: self.boolean(o, "not_future", path),
            min_year: self.uint(o, "min_year", path, 9999).map(|n| n as i32),
            accept: self.accept(o, path),
            max_size: self.uint(o, "max_size", path, 1 << 30),
            max_files: self.uint(o, "max_files", path, 50).map(|n| n as usize),
            autocomplete: self.string(o, "autocomplete", path, false),
            messages: self.messages(o, path),
            public: self.publishing_flag(o, path),
        };
        self.field_rules(&field, path);
        Some(field)
    }

    fn field_rules(&mut self, f: &Field, path: &str) {
        if f.kind.has_options() && f.options.is_empty() {
            self.err_at(
                path,
                "options",
                "value",
                msg!(
                    "trường chọn cần danh sách lựa chọn",
                    "a choice field needs options"
                ),
            );
        }
        if let (Some(min), Some(max)) = (f.min_length, f.max_length) {
            if min > max {
                self.err_at(
                    path,
                    "min_length",
                    "value",
                    msg!(
                        "min_length lớn hơn max_length",
                        "min_length is greater than max_length"
                    ),
                );
            }
        }
        if f.kind == FieldType::File && f.accept.is_empty() {
            self.err_at(
                path,
                "accept",
                "missing",
                msg!(
                    "trường tệp cần danh sách định dạng “accept”",
                    "a file field needs “accept”"
                ),
            );
        }
        for (i, c) in f.options.iter().enumerate() {
            let earlier = f.options.get(..i).unwrap_or_default();
            if earlier.iter().any(|e| e.value == c.value) {
                self.err(
                    &cat(&[&indexed(&cat(&[path, ".options"]), i), ".value"]),
                    "duplicate",
                    msg!("giá trị “{value}” bị lặp", "duplicate value “{value}”"),
                    vec![("value", c.value.clone())],
                );
            }
        }
    }

    fn options(&mut self, o: &Value, path: &str) -> Vec<Choice> {
        let Some(v) = o.get("options") else {
            return Vec::new();
        };
        let p = crate::contract::sub_path(path, "options");
        let Some(list) = v.as_array() else {
            self.type_err(
                &p,
                msg!("cần một mảng lựa chọn", "expected an array of options"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let ip = indexed(&p, i);
            let Some(io) = self.object(item, &ip) else {
                continue;
            };
            self.keys(io, &["value", "label"], &ip);
            if let (Some(value), Some(label)) = (
                self.string(io, "value", &ip, true),
                self.text(io, "label", &ip, true),
            ) {
                out.push(Choice { value, label });
            }
        }
        out
    }

    fn accept(&mut self, o: &Value, path: &str) -> Vec<String> {
        let Some(v) = o.get("accept") else {
            return Vec::new();
        };
        let p = crate::contract::sub_path(path, "accept");
        let Some(list) = v.as_array() else {
            self.type_err(
                &p,
                msg!(
                    "cần một mảng phần mở rộng",
                    "expected an array of extensions"
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let ext = item
                .as_str()
                .map(|s| s.trim_start_matches('.').to_ascii_lowercase());
            match ext {
                Some(e) if KNOWN_TYPES.iter().any(|(k, _)| *k == e) => out.push(e),
                _ => {
                    let known: Vec<&str> = KNOWN_TYPES.iter().map(|(k, _)| *k).collect();
                    self.err(
                        &indexed(&p, i),
                        "value",
                        msg!(
                            "định dạng không được hỗ trợ; dùng: {types}",
                            "unsupported extension; use: {types}"
                        ),
                        vec![("types", crate::text::join(&known, ", "))],
                    );
                }
            }
        }
        out
    }

    fn conditions(&mut self, o: &Value, key: &str, path: &str) -> Vec<Condition> {
        let p = crate::contract::sub_path(path, key);
        match o.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Arr(list)) => {
                let mut out = Vec::new();
                for (i, c) in list.iter().enumerate() {
                    out.extend(self.condition(c, &indexed(&p, i)));
                }
                out
            }
            Some(one) => self.condition(one, &p).into_iter().collect(),
        }
    }

    fn condition(&mut self, v: &Value, path: &str) -> Option<Condition> {
        let o = self.object(v, path)?;
        self.keys(o, &["field", "equals", "in", "filled"], path);
        let field = self.string(o, "field", path, true)?;
        let equals = self.string(o, "equals", path, false);
        let one_of = match o.get("in") {
            None => None,
            Some(Value::Arr(a)) if a.iter().all(|x| x.as_str().is_some()) => Some(
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect(),
            ),
            Some(_) => {
                self.type_at(
                    path,
                    "in",
                    msg!("cần một mảng chuỗi", "expected an array of strings"),
                );
                None
            }
        };
        let filled = o.get("filled").and_then(Value::as_bool);
        let count = usize::from(equals.is_some())
            + usize::from(one_of.is_some())
            + usize::from(filled.is_some());
        if count != 1 {
            self.err(
                path,
                "value",
                msg!(
                    "điều kiện cần đúng một trong “equals”, “in”, “filled”",
                    "a condition needs exactly one of “equals”, “in”, “filled”"
                ),
                Vec::new(),
            );
        }
        Some(Condition {
            field,
            equals,
            one_of,
            filled,
        })
    }

    fn cross_checks(&mut self, fields: &[(usize, Field)], honeypot: Option<&str>) {
        let names: Vec<&str> = fields.iter().map(|(_, f)| f.name.as_str()).collect();
        for (pos, (i, f)) in fields.iter().enumerate() {
            let path = indexed("$.fields", *i);
            if names.iter().take(pos).any(|n| *n == f.name) {
                self.err(
                    &crate::contract::sub_path(&path, "name"),
                    "duplicate",
                    msg!(
                        "tên trường “{name}” bị lặp",
                        "duplicate field name “{name}”"
                    ),
                    vec![("name", f.name.clone())],
                );
            }
            if honeypot == Some(f.name.as_str()) {
                self.err_at(
                    &path,
                    "name",
                    "duplicate",
                    msg!(
                        "trùng tên với trường bẫy (honeypot)",
                        "same name as the honeypot"
                    ),
                );
            }
            let refs = f
                .required_if
                .iter()
                .chain(&f.required_unless)
                .map(|c| c.field.as_str())
                .chain(f.dob_field.as_deref());
            for r in refs {
                if !names.contains(&r) || r == f.name {
                    self.err(
                        &path,
                        "reference",
                        msg!(
                            "tham chiếu tới trường “{field}” không hợp lệ",
                            "invalid reference to field “{field}”"
                        ),
                        vec![("field", r.to_string())],
                    );
                }
            }
            let dob_ok = f.dob_field.as_deref().is_none_or(|d| {
                fields
                    .iter()
                    .any(|(_, x)| x.name == d && x.kind == FieldType::Date)
            });
            if f.kind == FieldType::Cccd && !dob_ok {
                self.err_at(
                    &path,
                    "dob_field",
                    "reference",
                    msg!(
                        "dob_field phải là một trường ngày",
                        "dob_field must name a date field"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The errors of a refused schema, or the warnings of an accepted one.
    fn codes(json: &str) -> Vec<(String, &'static str)> {
        match Schema::from_json_checked(json) {
            Ok((_, warnings)) => warnings.into_iter().map(|e| (e.path, e.code)).collect(),
            Err(errs) => errs.into_iter().map(|e| (e.path, e.code)).collect(),
        }
    }

    #[test]
    fn unknown_keys_are_warnings_so_an_older_widget_reads_a_newer_file() {
        let newer = MINI.replace(
            r#""title":"Góp ý","#,
            r#""title":"Góp ý","a_key_of_version_1_5":{"x":1},"#,
        );
        let (s, warnings) = Schema::from_json_checked(&newer).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.fields.len(), 1);
        assert_eq!(warnings[0].code, "unknown_key");
        assert_eq!(warnings[0].path, "$.a_key_of_version_1_5");
        assert!(Schema::from_json(&newer).is_ok());
    }

    #[test]
    fn answering_keys_are_read_and_checked() {
        let json = MINI.replace(
            r#""title":"Góp ý","#,
            r#""title":"Góp ý","due_days":15,"holidays":["2026-02-16","2026-02-17"],"answers_page":"/phan-anh/da-tra-loi.html","#,
        );
        let (s, _) = Schema::from_json_checked(&json).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.due_days, Some(15));
        assert_eq!(s.holidays, ["2026-02-16", "2026-02-17"]);
        assert_eq!(s.answers_page.as_deref(), Some("/phan-anh/da-tra-loi.html"));
        let bad = json
            .replace("2026-02-17", "17/02/2026")
            .replace("/phan-anh/", "javascript:");
        let got = codes(&bad);
        assert!(
            got.contains(&("$.holidays[1]".to_string(), "value")),
            "{got:?}"
        );
        assert!(
            got.contains(&("$.answers_page".to_string(), "value")),
            "{got:?}"
        );
        let public = MINI.replace(r#""required":true"#, r#""required":true,"public":true"#);
        assert!(
            Schema::from_json(&public)
                .unwrap_or_else(|e| panic!("{e:?}"))
                .fields[0]
                .public
        );
    }

    const MINI: &str = r#"{"format":"cchc-phan-anh","version":1,"title":"Góp ý",
        "fields":[{"name":"ho_ten","type":"name","label":"Họ và tên","required":true}]}"#;

    #[test]
    fn minimal_schema_loads() {
        let s = Schema::from_json(MINI).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.fields.len(), 1);
        assert_eq!(s.title.get(Lang::En), "Góp ý");
        assert_eq!(s.field("ho_ten").map(|f| f.kind), Some(FieldType::Name));
    }

    #[test]
    fn errors_carry_json_paths() {
        let bad = r#"{"format":"x","version":2,"title":"t","requried":true,
            "endpoint":{"url":"javascript:alert(1)"},
            "fields":[
              {"name":"a","type":"radio","label":"A"},
              {"name":"a","type":"texte","label":"B"},
              {"name":"c","type":"text","label":"C","pattern":"^\\d+$"},
              {"name":"d","type":"text","label":"D","required_if":{"field":"zz","equals":"1"}},
              {"name":"e","type":"text","label":"E","min_length":10,"max_length":5,"messages":{"nope":"x"}},
              {"name":"Bad Name","type":"file","label":"F"}
            ]}"#;
        let got = codes(bad);
        let expect = [
            ("$.format", "format"),
            ("$.version", "version"),
            ("$.endpoint.url", "value"),
            ("$.fields[0].options", "value"),
            ("$.fields[1].type", "value"),
            ("$.fields[2].pattern", "pattern_unsupported"),
            ("$.fields[3]", "reference"),
            ("$.fields[4].min_length", "value"),
            ("$.fields[4].messages.nope", "value"),
            ("$.fields[5].name", "value"),
            ("$.fields[5].accept", "missing"),
        ];
        for (path, code) in expect {
            assert!(
                got.iter().any(|(p, c)| p == path && *c == code),
                "missing {path} {code} in {got:?}"
            );
        }
        assert!(codes("{").iter().any(|(_, c)| *c == "json"));
        assert!(codes("[]").iter().any(|(p, c)| p == "$" && *c == "type"));
    }

    #[test]
    fn a_repeated_key_counts_once_with_its_last_value() {
        let json = MINI.replace(
            r#""title":"Góp ý","#,
            r#""title":"Góp ý","messages":{"required":"A","required":{"vi":"B"}},"requried":1,"requried":2,"#,
        );
        assert_eq!(
            codes(&json),
            vec![("$.requried".to_string(), "unknown_key")]
        );
        let fixed = json.replace(r#""requried":1,"requried":2,"#, "");
        let s = Schema::from_json(&fixed).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.messages.get("required").map(|t| t.vi.as_str()), Some("B"));
        let message = codes("{").into_iter().next();
        assert_eq!(message, Some(("$".to_string(), "json")));
        let e = Schema::from_json("{").err().unwrap_or_default();
        assert_eq!(
            e.first().map(|e| e.message(Lang::En)),
            Some(
                "$: invalid JSON (line 1, column 1): EOF while parsing an object at line 1 column 1"
                    .to_string()
            )
        );
    }

    #[test]
    fn messages_are_bilingual() {
        let errs =
            Schema::from_json(r#"{"format":"cchc-phan-anh","version":1,"title":"t","fields":[]}"#)
                .err()
                .unwrap_or_default();
        let e = errs.first().cloned();
        assert_eq!(
            e.as_ref().map(|e| e.message(Lang::Vi)),
            Some("$.fields: cần ít nhất một trường".to_string())
        );
        assert_eq!(
            e.map(|e| e.message(Lang::En)),
            Some("$.fields: at least one field is needed".to_string())
        );
    }
}

//! Loading procedures from `tthc.json` or the national portal's record shape, cleaning as we go.
//!
//! Agencies publish what they have: our own `tthc.json`, or records exported from the national
//! portal (`ma_thu_tuc`, `ten_thu_tuc`, ...) as a JSON array or JSON Lines. Real records are messy
//! (decomposed Unicode, "Không có thông tin" for empty, comma-joined levels, duplicates), so the
//! loader cleans every value and skips a broken record with a warning instead of refusing the file.

use std::borrow::Cow;

use super::raw::{self, Item, Loose, Object};

use super::model::{self, Details, Online, Procedure, Warning, WarningKind, CHANNELS};
use crate::contract::{DataError, DataErrorKind};
use crate::json::{Kind, SyntaxError, Value};
use crate::num::int;
use crate::text::{self, cat};

/// Everything a data file yields.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub procedures: Vec<Procedure>,
    /// Records of the national portal's shape were left out: this bundle does not read them.
    pub national_skipped: bool,
    pub synonyms: Vec<(String, Vec<String>)>,
    /// The agency's own life situations and life events.
    pub thesaurus: super::Thesaurus,
    pub agency: Option<String>,
    /// Where the procedures' own words ([`super::terms`]) and the hỏi đáp are, when in their own files.
    pub terms_url: Option<String>,
    pub faq_url: Option<String>,
    /// The hỏi đáp inline (`faq`).
    pub faq: Vec<super::faq::FaqEntry>,
    pub warnings: Vec<Warning>,
}

fn error(
    kind: DataErrorKind,
    line: Option<usize>,
    column: Option<usize>,
    path: Option<String>,
    detail: String,
) -> DataError {
    DataError {
        kind,
        line,
        column,
        path,
        detail,
    }
}

fn syntax(e: SyntaxError, line_offset: usize) -> DataError {
    let line = Some(e.line + line_offset);
    error(DataErrorKind::Syntax, line, Some(e.column), None, e.detail)
}

/// Parses any accepted shape; see the module docs.
pub(crate) fn load(text: &str, max_bytes: usize) -> Result<Loaded, DataError> {
    if text.len() > max_bytes {
        return Err(error(
            DataErrorKind::TooLarge,
            None,
            None,
            None,
            cat(&[&int(text.len()), " bytes > ", &int(max_bytes), " bytes"]),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(error(DataErrorKind::Empty, None, None, None, String::new()));
    }
    let mut out = Loaded::default();
    if trimmed.starts_with('{') {
        let mut recs = Records::new("procedures");
        match raw::whole(text, |r| raw::object(r, &mut |item| recs.add(item, None))) {
            Ok(obj) if obj.procedures.is_some() => own_file(obj, recs, &mut out)?,
            Ok(obj) => {
                let mut lone = Records::new("");
                lone.add(Item::Object(Box::new(obj)), None);
                lone.finish(&mut out);
            }
            Err(_) if first_line_is_object(text) => json_lines(text, &mut out)?,
            Err(e) => return Err(syntax(e, 0)),
        }
    } else if trimmed.starts_with('[') {
        let mut recs = Records::new("");
        raw::whole(text, |r| raw::items(r, &mut |item| recs.add(item, None)))
            .map_err(|e| syntax(e, 0))?;
        recs.finish(&mut out);
    } else {
        return Err(match raw::whole(text, |r| r.skip()) {
            Err(e) => syntax(e, 0),
            Ok(()) => error(
                DataErrorKind::Shape,
                None,
                None,
                None,
                "expected an object, an array or JSON Lines".into(),
            ),
        });
    }
    if out.national_skipped {
        return Err(error(
            DataErrorKind::Shape,
            None,
            None,
            None,
            NATIONAL_RECORDS.into(),
        ));
    }
    if out.procedures.is_empty() {
        return Err(error(
            DataErrorKind::Invalid,
            None,
            None,
            Some("procedures".into()),
            "no usable procedure (each needs a code and a name)".into(),
        ));
    }
    Ok(out)
}

/// JSON Lines: the first non-empty line is a complete JSON object on its own.
fn first_line_is_object(text: &str) -> bool {
    let first = text::lines(text)
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    raw::whole(first, |r| match r.peek()? {
        Kind::Obj => r.skip(),
        _ => Err(r.error("expected an object")),
    })
    .is_ok()
}

fn json_lines(text: &str, out: &mut Loaded) -> Result<(), DataError> {
    let mut recs = Records::new("");
    let mut first_error = None;
    for (i, line) in text::lines(text).enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match raw::whole(line, raw::item) {
            Ok(v) => recs.add(v, Some(i + 1)),
            Err(e) => {
                let detail = e.message();
                first_error.get_or_insert_with(|| syntax(e, i));
                out.warnings.push(Warning {
                    kind: WarningKind::LineSkipped,
                    line: Some(i + 1),
                    path: String::new(),
                    detail,
                });
            }
        }
    }
    if recs.next == 0 {
        return Err(first_error
            .unwrap_or_else(|| error(DataErrorKind::Empty, None, None, None, String::new())));
    }
    recs.finish(out);
    Ok(())
}

/// `tthc.json`'s object, its records already read into `recs`.
fn own_file(obj: Object, recs: Records, out: &mut Loaded) -> Result<(), DataError> {
    match obj.get("version") {
        Some(Loose::Num("1")) => {}
        Some(v) => {
            return Err(error(
                DataErrorKind::Invalid,
                None,
                None,
                Some("version".into()),
                cat(&[
                    "unsupported version ",
                    &v.text(),
                    "; this widget reads version 1",
                ]),
            ))
        }
        None => {
            return Err(error(
                DataErrorKind::Invalid,
                None,
                None,
                Some("version".into()),
                "missing \"version\": 1".into(),
            ))
        }
    }
    out.agency = match &obj.agency {
        Some(Value::Str(s)) => clean(s),
        Some(a @ Value::Obj(_)) => a.get("name").and_then(Value::as_str).and_then(clean),
        _ => None,
    };
    if let Some(syn) = &obj.synonyms {
        out.synonyms = phrase_map(syn, "synonyms", &mut out.warnings);
    }
    if let Some(v) = &obj.situations {
        out.thesaurus.situations = phrase_map(v, "situations", &mut out.warnings);
    }
    if let Some(v) = &obj.life_events {
        out.thesaurus.events = life_events(v, &mut out.warnings);
    }
    out.terms_url = url_of(obj.terms_url.as_ref(), "terms_url", &mut out.warnings);
    out.faq_url = url_of(obj.faq_url.as_ref(), "faq_url", &mut out.warnings);
    if let Some(v) = &obj.faq {
        out.faq = super::faq::entries(v, "faq", &mut out.warnings);
    }
    if obj.procedures != Some(true) {
        return Err(error(
            DataErrorKind::Shape,
            None,
            None,
            Some("procedures".into()),
            "must be an array of procedures".into(),
        ));
    }
    recs.finish(out);
    Ok(())
}

/// `terms_url` or `faq_url`: a string; anything else is reported and ignored.
fn url_of(v: Option<&Value>, key: &str, warnings: &mut Vec<Warning>) -> Option<String> {
    match v? {
        Value::Str(s) => clean(s),
        Value::Null => None,
        _ => {
            warnings.push(Warning {
                kind: WarningKind::ValueIgnored,
                line: None,
                path: key.into(),
                detail: "must be a string".into(),
            });
            None
        }
    }
}

/// `synonyms` or `situations`: an object from a phrase to a string or a list of strings.
fn phrase_map(v: &Value, base: &str, warnings: &mut Vec<Warning>) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let Value::Obj(members) = v else {
        warnings.push(Warning {
            kind: WarningKind::ValueIgnored,
            line: None,
            path: base.into(),
            detail: "must be an object".into(),
        });
        return out;
    };
    // Sorted by key, a repeated key keeping its last value, as serde_json's map did.
    let mut sorted: Vec<&(String, Value)> = members.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    for (i, (key, val)) in sorted.iter().copied().enumerate() {
        if sorted.get(i + 1).is_some_and(|next| next.0 == *key) {
            continue;
        }
        let list = strings_of(val);
        match clean(key) {
            Some(k) if !list.is_empty() => out.push((k, list)),
            _ => warnings.push(Warning {
                kind: WarningKind::ValueIgnored,
                line: None,
                path: cat(&[base, ".", key]),
                detail: "must be a string or a list of strings".into(),
            }),
        }
    }
    out
}

/// The cleaned strings of a string or a list (other items dropped).
fn strings_of(val: &Value) -> Vec<String> {
    let items = match val {
        Value::Str(_) => std::slice::from_ref(val),
        Value::Arr(a) => a.as_slice(),
        _ => &[],
    };
    let mut list: Vec<String> = Vec::new();
    for item in items {
        if let Some(c) = item.as_str().and_then(clean) {
            list.push(c);
        }
    }
    list
}

/// `life_events`: a list of `{"name": "...", "terms": ["...", ...]}`.
fn life_events(v: &Value, warnings: &mut Vec<Warning>) -> Vec<super::EventDef> {
    let mut out = Vec::new();
    let Value::Arr(items) = v else {
        warnings.push(Warning {
            kind: WarningKind::ValueIgnored,
            line: None,
            path: "life_events".into(),
            detail: "must be a list".into(),
        });
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let name = item.get("name").and_then(Value::as_str).and_then(clean);
        let terms = item.get("terms").map(strings_of).unwrap_or_default();
        match name {
            Some(name) if !terms.is_empty() => out.push(super::EventDef { name, terms }),
            _ => warnings.push(Warning {
                kind: WarningKind::ValueIgnored,
                line: None,
                path: crate::contract::indexed("life_events", i),
                detail: "needs a \"name\" and a list of \"terms\"".into(),
            }),
        }
    }
    out
}

/// Turns records into procedures one at a time, as the reader delivers them: a record's raw
/// values are dropped as soon as it is converted. A repeated code is merged into the first.
struct Records {
    base: &'static str,
    /// A national record was met by a bundle that does not read them.
    national_skipped: bool,
    /// The index of the next record (its path).
    next: usize,
    by_code: std::collections::HashMap<String, u32, super::index::Fnv>,
    procedures: Vec<Procedure>,
    warnings: Vec<Warning>,
}

impl Records {
    fn new(base: &'static str) -> Records {
        Records {
            base,
            national_skipped: false,
            next: 0,
            by_code: Default::default(),
            procedures: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn add(&mut self, v: Item<'_>, line: Option<usize>) {
        let i = self.next;
        self.next += 1;
        let mut ctx = Ctx {
            base: self.base,
            index: i,
            line,
            warnings: &mut self.warnings,
        };
        let mut map = match v {
            Item::Object(map) => map,
            Item::Other(kind) => {
                ctx.warn(
                    WarningKind::RecordSkipped,
                    "",
                    cat(&["not an object but ", kind]),
                );
                return;
            }
        };
        if !READS_NATIONAL && is_national(&map) {
            self.national_skipped = true;
            return;
        }
        let Some(p) = procedure(&mut map, &mut ctx) else {
            return;
        };
        drop(map);
        match self.by_code.get(p.code.as_str()) {
            Some(&j) => {
                let code = p.code.clone();
                if let Some(first) = self.procedures.get_mut(j as usize) {
                    merge(first, p);
                }
                ctx.warn(WarningKind::DuplicateMerged, "", code);
            }
            None => {
                self.by_code
                    .insert(p.code.clone(), self.procedures.len() as u32);
                self.procedures.push(p);
            }
        }
    }

    /// Hands the procedures and the records' warnings (after any already there) to `out`.
    fn finish(mut self, out: &mut Loaded) {
        self.procedures.shrink_to_fit();
        out.procedures = self.procedures;
        out.national_skipped |= self.national_skipped;
        out.warnings.append(&mut self.warnings);
    }
}

fn merge(into: &mut Procedure, from: Procedure) {
    for l in from.levels {
        if !into.levels.contains(&l) {
            into.levels.push(l);
        }
    }
    for a in from.agencies {
        if !into.agencies.contains(&a) {
            into.agencies.push(a);
        }
    }
    into.field = into.field.take().or(from.field);
    into.time = into.time.take().or(from.time);
    into.fee = into.fee.take().or(from.fee);
    into.url = into.url.take().or(from.url);
    into.details = into.details.take().or(from.details);
    into.details_url = into.details_url.take().or(from.details_url);
    into.postal |= from.postal;
    into.online_payment |= from.online_payment;
    if into.online == Online::Khong {
        into.online = from.online;
    }
}

/// Where a record is, for its warnings: its path (`procedures[12]`) is written only when one is
/// reported, not for each of the thousands of records that have none.
struct Ctx<'a> {
    base: &'static str,
    index: usize,
    line: Option<usize>,
    warnings: &'a mut Vec<Warning>,
}

impl Ctx<'_> {
    /// Reports a value of the wrong type: `expected` then the type found.
    #[inline(never)]
    fn wrong_type(&mut self, key: &str, expected: &str, found: &Loose<'_>) {
        let mut detail = String::from(expected);
        detail.push_str(found.type_name());
        self.warn(WarningKind::ValueIgnored, key, detail);
    }

    fn warn(&mut self, kind: WarningKind, key: &str, detail: String) {
        let mut path = crate::contract::indexed(self.base, self.index);
        if !key.is_empty() {
            path.push('.');
            path.push_str(key);
        }
        self.warnings.push(Warning {
            kind,
            line: self.line,
            path,
            detail,
        });
    }

    /// A cleaned string field; a wrong type is reported and ignored.
    fn string(&mut self, map: &mut Object, key: &str) -> Option<String> {
        match map.take(key)? {
            Loose::Str(s) => clean_owned(s),
            Loose::Num(n) => clean(n),
            Loose::Null => None,
            other => {
                self.wrong_type(key, "expected a string, found ", &other);
                None
            }
        }
    }

    /// A procedure's code or name: text only. A number is reported and ignored like any other
    /// wrong type (then the record is skipped for lacking it): a name that is a number names
    /// nothing, and a code that went through a number may have lost digits (`1.000170` →
    /// `1.00017`), which would merge or link the wrong procedure.
    fn key_text(&mut self, map: &mut Object, key: &str) -> Option<String> {
        if let Some(Loose::Num(n)) = map.get(key) {
            let detail = cat(&["expected a string, found a number (", n, ")"]);
            map.take(key);
            self.warn(WarningKind::ValueIgnored, key, detail);
            return None;
        }
        self.string(map, key)
    }

    /// A list of strings; a single (possibly comma-joined) string is split.
    fn list(&mut self, map: &mut Object, key: &str) -> Vec<String> {
        match map.take(key) {
            None | Some(Loose::Null) => Vec::new(),
            Some(Loose::Str(s)) => split_list(&s),
            Some(Loose::List(a)) => a.into_iter().flatten().filter_map(clean_owned).collect(),
            Some(other) => {
                self.wrong_type(key, "expected a list of strings, found ", &other);
                Vec::new()
            }
        }
    }

    fn boolean(&mut self, map: &Object, key: &str) -> Option<bool> {
        match map.get(key)? {
            Loose::Bool(b) => Some(*b),
            Loose::Null => None,
            other => {
                self.wrong_type(key, "expected true or false, found ", other);
                None
            }
        }
    }
}

/// NFC, whitespace collapsed, placeholders ("Không có thông tin") and private-use bullets removed.
pub(crate) fn clean(s: &str) -> Option<String> {
    if is_clean(s) {
        return (!is_placeholder(s)).then(|| s.to_string());
    }
    clean_slow(s)
}

/// [`clean`] for a string that may be owned already: then a clean value is kept without copying.
fn clean_owned(s: Cow<'_, str>) -> Option<String> {
    if is_clean(&s) {
        return (!is_placeholder(&s)).then(|| s.into_owned());
    }
    clean_slow(&s)
}

fn clean_slow(s: &str) -> Option<String> {
    let n = text::nfc(s);
    let mut out = String::with_capacity(n.len());
    for w in n.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200E}' | '\u{200F}' | '\u{FEFF}' | '\u{E000}'..='\u{F8FF}'
            )
    }) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    (!out.is_empty() && !is_placeholder(&out)).then_some(out)
}

/// Whether [`clean`] would return `s` unchanged: no combining mark (NFC already), words separated
/// by single spaces, nothing to strip. Most values of a real file are; they are copied once.
/// Walks bytes: Vietnamese letters (U+00C0–U+02FF, U+1E00–U+1EFF) are never a space, a mark or
/// private use, so only other characters are decoded and checked.
#[allow(clippy::manual_range_contains)]
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut prev_space = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            let space = b == b' ';
            if (space && prev_space) || (!space && (b.is_ascii_whitespace() || b == 0x0B)) {
                return false;
            }
            prev_space = space;
            i += 1;
            continue;
        }
        prev_space = false;
        // Plain comparisons: `RangeInclusive::contains` is not inlined at `opt-level = "z"` (a
        // call per byte, 4 % of the list's load in a native profile).
        if b >= 0xC3 && b <= 0xCB {
            i += 2;
            continue;
        }
        if b == 0xE1 && bytes.get(i + 1).is_some_and(|&n| n >= 0xB8 && n <= 0xBB) {
            i += 3;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            return false;
        };
        if c.is_whitespace()
            || matches!(
                c,
                '\u{200E}' | '\u{200F}' | '\u{FEFF}' | '\u{E000}'..='\u{F8FF}'
            )
            || text::is_combining_mark(c)
        {
            return false;
        }
        i += c.len_utf8();
    }
    !prev_space
}

/// "Không có thông tin" and the other ways the portal writes "nothing".
fn is_placeholder(s: &str) -> bool {
    s.len() < 24
        && s.starts_with(['K', 'k', '-', 'N', 'n'])
        && matches!(
            text::fold(s).trim_end_matches('.'),
            "khong co thong tin" | "khong" | "-" | "--" | "n/a"
        )
}

/// Splits `"Cấp bộ, Cấp tỉnh"` (or `;`-joined) into cleaned, unique items.
fn split_list(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split([',', ';', '\n']) {
        if let Some(c) = clean(part) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The detail of the error a browser bundle without the national portal's reader (the search
/// widget's own: 4.6 KB gzip less) gives a file of such records: the loader then mounts the widget
/// again with the module that reads them (`cchc_all`).
pub const NATIONAL_RECORDS: &str = "the national portal's records: read by the full module";

/// Whether this build reads the national portal's records: the CLI, the combined module and the
/// `SearchIndex` API do (cargo feature `national`); the search widget's own module does not.
const READS_NATIONAL: bool = cfg!(any(not(target_arch = "wasm32"), feature = "national"));

fn is_national(map: &Object) -> bool {
    map.contains_key("ma_thu_tuc") || map.contains_key("ten_thu_tuc")
}

fn procedure(map: &mut Object, ctx: &mut Ctx) -> Option<Procedure> {
    let p = if is_national(map) {
        #[cfg(any(not(target_arch = "wasm32"), feature = "national"))]
        {
            national_record(map, ctx)
        }
        #[cfg(all(target_arch = "wasm32", not(feature = "national")))]
        {
            return None;
        }
    } else {
        own_record(map, ctx)
    };
    if p.code.is_empty() || p.name.is_empty() {
        let detail = if p.code.is_empty() {
            "missing code"
        } else {
            "missing name"
        };
        ctx.warn(
            WarningKind::RecordSkipped,
            "",
            cat(&[detail, " ", &p.code]).trim().to_string(),
        );
        return None;
    }
    Some(p)
}

fn own_record(map: &mut Object, ctx: &mut Ctx) -> Procedure {
    let online = match map.get("online") {
        Some(Loose::Str(s)) => Online::from_key(s.trim()).unwrap_or_else(|| {
            ctx.warn(
                WarningKind::ValueIgnored,
                "online",
                cat(&[
                    "unknown value ",
                    &crate::json::quoted(s),
                    "; expected toan_trinh, mot_phan or khong",
                ]),
            );
            Online::Khong
        }),
        Some(Loose::Bool(true)) => Online::MotPhan,
        None | Some(Loose::Null) | Some(Loose::Bool(false)) => Online::Khong,
        Some(other) => {
            ctx.wrong_type("online", "expected a string, found ", other);
            Online::Khong
        }
    };
    let details = match &map.details {
        None | Some(Value::Null) => None,
        Some(v) => match Details::from_value(v) {
            Ok(d) => Some(clean_details(d)).filter(|d| !d.is_empty()),
            Err(e) => {
                ctx.warn(WarningKind::ValueIgnored, "details", e);
                None
            }
        },
    };
    Procedure {
        code: ctx.key_text(map, "code").unwrap_or_default(),
        name: ctx.key_text(map, "name").unwrap_or_default(),
        field: ctx.string(map, "field"),
        levels: ctx.list(map, "levels"),
        agencies: ctx.list(map, "agencies"),
        online,
        postal: ctx.boolean(map, "postal").unwrap_or(false),
        online_payment: ctx.boolean(map, "online_payment").unwrap_or(false),
        time: ctx.string(map, "time"),
        fee: ctx.string(map, "fee"),
        url: ctx.string(map, "url"),
        details,
        details_url: ctx.string(map, "details_url"),
    }
}

/// Every item of `v` through [`clean`], dropping the empty ones.
#[inline(never)]
fn clean_all(v: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(v.len());
    for s in v {
        if let Some(c) = clean_owned(Cow::Owned(s)) {
            out.push(c);
        }
    }
    out
}

/// A text whose lines matter (a hỏi đáp answer): each line [`clean`]ed, empty lines dropped.
pub(crate) fn clean_text(s: &str) -> Option<String> {
    let lines = clean_lines(s);
    (!lines.is_empty()).then(|| text::join(&lines, "\n"))
}

/// The cleaned non-empty lines of `s`.
#[inline(never)]
fn clean_lines(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text::split_ascii(s, b'\n') {
        if let Some(c) = clean(line) {
            out.push(c);
        }
    }
    out
}

fn clean_details(d: Details) -> Details {
    Details {
        documents: clean_all(d.documents),
        steps: clean_all(d.steps),
        conditions: clean_all(d.conditions),
        legal_basis: clean_all(d.legal_basis),
        channels: clean_all(d.channels),
        result: d.result.as_deref().and_then(clean),
        audience: d.audience.as_deref().and_then(clean),
        // Read with `clean` already (`Details::from_value`).
        ..d
    }
}

/// Ministry names for the national portal's agency folders (the agency facet's fallback).
fn ministry(folder: &str) -> Option<&'static str> {
    Some(match folder {
        "bo-tai-chinh" => "Bộ Tài chính",
        "bo-nong-nghiep-mt" => "Bộ Nông nghiệp và Môi trường",
        "bo-xay-dung" => "Bộ Xây dựng",
        "bo-cong-an" => "Bộ Công an",
        "bo-tu-phap" => "Bộ Tư pháp",
        "ngan-hang-nha-nuoc" => "Ngân hàng Nhà nước Việt Nam",
        "toa-an-nhan-dan" => "Tòa án nhân dân",
        _ => return None,
    })
}

#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "national")),
    allow(dead_code)
)]
fn national_record(map: &mut Object, ctx: &mut Ctx) -> Procedure {
    let name = ctx.key_text(map, "ten_thu_tuc").unwrap_or_default();
    let methods = ctx.string(map, "cach_thuc_thuc_hien");
    let raw = map.get("raw_text").and_then(Loose::as_str).unwrap_or("");
    let raw_full = raw.contains("toàn trình");
    let raw_payment = raw.contains("thanh toán trực tuyến");
    let mut agencies = Vec::new();
    if let Some(m) = map
        .get("bo_nganh_folder")
        .and_then(Loose::as_str)
        .and_then(ministry)
    {
        agencies.push(m.to_string());
    }
    for key in ["co_quan_co_tham_quyen", "co_quan_thuc_hien"] {
        if let Some(a) = ctx.string(map, key) {
            if !agencies.contains(&a) {
                agencies.push(a);
            }
        }
    }
    let m = methods.as_deref().unwrap_or("");
    let listed_online = ctx.boolean(map, "truc_tuyen").unwrap_or(false) || m.contains("Trực tuyến");
    let full = text::fold(&name).contains("toan trinh") || raw_full;
    let online = match (listed_online, full) {
        (true, true) => Online::ToanTrinh,
        (true, false) => Online::MotPhan,
        _ => Online::Khong,
    };
    let (time, fee) = time_and_fee(m);
    let details = national_details(map, ctx, methods.as_deref());
    Procedure {
        code: ctx.key_text(map, "ma_thu_tuc").unwrap_or_default(),
        name,
        field: ctx.string(map, "linh_vuc"),
        levels: ctx.list(map, "cap_thuc_hien"),
        agencies,
        online,
        postal: m.contains("bưu chính"),
        online_payment: raw_payment,
        time,
        fee,
        url: ctx.string(map, "detail_url"),
        details,
        details_url: None,
    }
}

/// Splits the flattened table `Hình thức nộp…Mô tảTrực tuyến5 Ngày làm việc10 USD…` into rows,
/// at each channel name that starts a row ([`model::is_row_start`]); a channel named inside a
/// description stays in its row.
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "national")),
    allow(dead_code)
)]
fn channel_rows(methods: &str) -> Vec<String> {
    let body = methods
        .find("Mô tả")
        .and_then(|i| methods.get(i + "Mô tả".len()..))
        .unwrap_or(methods);
    let starts: Vec<usize> = body
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, 'T' | 'D')
                && (model::is_row_start(body, i).is_some()
                    || (i == 0 && CHANNELS.iter().any(|ch| body.starts_with(ch))))
        })
        .map(|(i, _)| i)
        .collect();
    let mut rows = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        if let Some(row) = body.get(s..end).and_then(clean) {
            rows.push(row);
        }
    }
    rows
}

/// The first row's processing time ("5 Ngày làm việc") and fee ("Miễn phí", "10 USD(/lần)").
fn time_and_fee(methods: &str) -> (Option<String>, Option<String>) {
    let rows = channel_rows(methods);
    let Some(row) = rows.first() else {
        return (None, None);
    };
    let rest = CHANNELS
        .iter()
        .find_map(|c| row.strip_prefix(c))
        .unwrap_or(row)
        .trim_start();
    let (time, rest) = match model::timed(rest) {
        Some((num, unit, after)) => (Some(cat(&[num, " ", unit])), after),
        None => {
            let after = rest.get(model::amount_len(rest)..).unwrap_or("");
            (None, after.trim_start())
        }
    };
    let fee = if rest.starts_with("Miễn phí") || rest.starts_with("Không thu phí") {
        Some("Miễn phí".to_string())
    } else if rest.starts_with("Không có thông tin") {
        None
    } else if let (Some(fee), _) = model::split_fee(rest) {
        // An amount, its currency and its note in balanced brackets, as the channels say it
        // (`150.000 đồng (150.000 đồng/1 giấy.)`), never cut inside the note.
        Some(fee)
    } else if let Some(note) = ["VNĐ", "Việt Nam Đồng", "Đồng"]
        .into_iter()
        .find_map(|c| rest.strip_prefix(c))
        .map(str::trim_start)
        .and_then(|r| r.get(1..model::bracket_len(r)?.checked_sub(1)?))
    {
        // A currency without its amount, the fee in the note: `VNĐ(20.000 đ/tờ khai)`.
        clean(note)
    } else {
        let end = rest
            .find(" đồng")
            .map(|i| i + " đồng".len())
            .or_else(|| rest.find(')').map(|i| i + 1))
            .unwrap_or(0);
        rest.get(..end)
            .filter(|f| f.len() < 80 && f.chars().any(|c| c.is_ascii_digit()))
            .and_then(clean)
    };
    (time, fee)
}

/// Steps split at "Bước N", other long fields at line breaks; flattened tables best-effort.
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "national")),
    allow(dead_code)
)]
fn national_details(map: &mut Object, ctx: &mut Ctx, methods: Option<&str>) -> Option<Details> {
    let raw_steps = map
        .get("trinh_tu_thuc_hien")
        .and_then(Loose::as_str)
        .unwrap_or("");
    let d = Details {
        documents: documents(
            map.get("thanh_phan_ho_so")
                .and_then(Loose::as_str)
                .unwrap_or(""),
        ),
        steps: clean_lines(raw_steps),
        conditions: clean_lines(
            map.get("yeu_cau_dieu_kien")
                .and_then(Loose::as_str)
                .unwrap_or(""),
        ),
        legal_basis: legal(
            map.get("can_cu_phap_ly")
                .and_then(Loose::as_str)
                .unwrap_or(""),
        ),
        channels: methods
            .map(|m| model::tidy_channels(&channel_rows(m)))
            .unwrap_or_default(),
        result: map
            .get("ket_qua_xu_ly")
            .and_then(Loose::as_str)
            .map(|s| s.split("Mã: ").next().unwrap_or(s))
            .and_then(clean),
        audience: ctx.string(map, "doi_tuong_thuc_hien"),
        ..Details::default()
    };
    (!d.is_empty()).then_some(d)
}

/// The portal's flattened document table → one tidy line per document
/// ([`super::documents::tidy`]).
#[cfg(not(target_arch = "wasm32"))]
fn documents(s: &str) -> Vec<String> {
    super::documents::tidy(s)
}

/// In the browser (a widget given the portal's records instead of an imported `tthc.json`): one
/// item per "bản chính"/"bản sao", as the table reads. The cell-by-cell reading above costs the
/// search bundle 3 KB gzip it does not have; `cchc import tthc` tidies the data once for everyone.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "national")),
    allow(dead_code)
)]
fn documents(s: &str) -> Vec<String> {
    let body = s
        .find("Số lượng")
        .and_then(|i| s.get(i + "Số lượng".len()..))
        .unwrap_or(s);
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let next = ["bản chính", "bản sao"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| i + m.len()))
            .min();
        let Some(end) = next else {
            out.extend(clean(rest));
            break;
        };
        out.extend(rest.get(..end).and_then(clean));
        rest = rest.get(end..).unwrap_or("");
    }
    out
}

/// `Tên văn bản pháp lýMã văn bảnLuật Khiếu nại02/2011/QH13…` → one item per row of the portal's
/// table, whose cells (the document's name, then its number) were flattened together. A row ends
/// at its number; the same number inside the name (`Nghị định số 69/2024/NĐ-CP của Chính
/// phủ…69/2024/NĐ-CP`) does not end it, and the number cell is dropped when the name already
/// says it (else kept after a space: `Luật Khiếu nại 02/2011/QH13`).
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "national")),
    allow(dead_code)
)]
fn legal(s: &str) -> Vec<String> {
    let body = s.strip_prefix("Tên văn bản pháp lýMã văn bản").unwrap_or(s);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < body.len() {
        let Some(tail) = body.get(i..) else {
            i += 1;
            continue;
        };
        let at_digit = tail.starts_with(|c: char| c.is_ascii_digit())
            && !body
                .get(..i)
                .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
        let found = if at_digit { doc_number_len(tail) } else { None };
        let Some(mut len) = found else {
            i += tail.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut at = i;
        // "năm 201102/2011/QH13", "sửa đổi 202323/2023/QH15": a year ends the name, then the
        // number cell begins.
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let year = tail.get(..4).and_then(|y| y.parse::<u32>().ok());
        if digits > 4 && year.is_some_and(|y| (1945..=2100).contains(&y)) {
            at += 4;
            len -= 4;
        }
        let number = body.get(at..at + len).unwrap_or("");
        let after = body.get(at + len..).unwrap_or("");
        // The number inside the name: the row ends at its number cell, the next number.
        if next_doc_number(after) == Some(number) {
            i = at + len;
            continue;
        }
        let name = body.get(start..at).unwrap_or("").trim_end();
        let item = if crate::text::contains_str(name, number) {
            name.to_string()
        } else {
            crate::text::cat(&[name, " ", number])
        };
        out.extend(clean(&item));
        start = at + len;
        i = start;
    }
    out.extend(body.get(start..).and_then(clean));
    out
}

/// The first document number in `s` (as [`doc_number_len`] reads one).
fn next_doc_number(s: &str) -> Option<&str> {
    let mut prev_digit = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() && !prev_digit {
            if let Some(len) = s.get(i..).and_then(doc_number_len) {
                return s.get(i..i + len);
            }
        }
        prev_digit = c.is_ascii_digit();
    }
    None
}

fn doc_number_len(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = s.get(digits..)?.strip_prefix('/')?;
    let year = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || year != 4 {
        return None;
    }
    let rest = rest.get(4..)?.strip_prefix('/')?;
    let chars: Vec<char> = rest.chars().collect();
    let mut code = 0;
    for (i, &c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        if !(c.is_uppercase() || c.is_ascii_digit() || c == '-') || (c.is_uppercase() && next_lower)
        {
            break;
        }
        // `NĐ-CP05/2012/…`: the digits after the letters start the next number.
        if c.is_ascii_digit() && i > 0 && chars.get(i - 1).is_some_and(|p| p.is_uppercase()) {
            let rest: String = chars.get(i..).unwrap_or(&[]).iter().collect();
            if doc_number_len(&rest).is_some() {
                break;
            }
        }
        code += c.len_utf8();
    }
    (code >= 2).then_some(digits + 1 + 4 + 1 + code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_values() {
        assert_eq!(
            clean("  Thu\u{309} tu\u{323}c \n đăng ký "),
            Some("Thủ tục đăng ký".into())
        );
        assert_eq!(clean("Không có thông tin"), None);
        assert_eq!(clean("\u{F0FC} Giấy tờ"), Some("Giấy tờ".into()));
        assert_eq!(
            split_list("Cấp bộ, Cấp tỉnh, Cấp bộ"),
            vec!["Cấp bộ", "Cấp tỉnh"]
        );
    }

    #[test]
    fn flattened_tables() {
        let m = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc10 USD(/lần)Dịch vụ bưu chính5 Ngày làm việc10 USD(/lần)";
        assert_eq!(
            time_and_fee(m),
            (Some("5 Ngày làm việc".into()), Some("10 USD/lần".into()))
        );
        assert_eq!(channel_rows(m).len(), 2);
        // The fee's note is kept whole (it once was cut at its first " đồng").
        let m = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việc150,000 Việt Nam Đồng(150.000 đồng/1 giấy.)Nộp hồ sơ";
        assert_eq!(
            time_and_fee(m).1.as_deref(),
            Some("150.000 đồng (150.000 đồng/1 giấy.)")
        );
        let m = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcVNĐ(20.000 đ/tờ khai)Nộp";
        assert_eq!(time_and_fee(m).1.as_deref(), Some("20.000 đ/tờ khai"));
        let m = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíTrực tiếp1Miễn phí";
        assert_eq!(time_and_fee(m).1.as_deref(), Some("Miễn phí"));
        let docs = documents(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chínhGiấy khai sinh1 bản sao",
        );
        assert_eq!(
            docs,
            vec!["Tờ khai: 1 bản chính", "Giấy khai sinh: 1 bản sao"]
        );
        let l = legal("Tên văn bản pháp lýMã văn bảnLuật Khiếu nại năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP");
        assert_eq!(
            l,
            [
                "Luật Khiếu nại năm 2011 02/2011/QH13",
                "Nghị định 05/2012/NĐ-CP"
            ],
            "{l:?}"
        );
        let l = legal("Tên văn bản pháp lýMã văn bảnNghị định số 69/2024/NĐ-CP của Chính phủ: Quy định về định danh và xác thực điện tử69/2024/NĐ-CPLuật Căn cước26/2023/QH15");
        assert_eq!(
            l,
            [
                "Nghị định số 69/2024/NĐ-CP của Chính phủ: Quy định về định danh và xác thực điện tử",
                "Luật Căn cước 26/2023/QH15"
            ]
        );
    }

    #[test]
    fn inline_details_and_their_warnings() {
        let text = r#"{"version": 1, "procedures": [
            {"code": "1", "name": "Cấp phép", "details": {"steps": ["  Bước 1 ", "Không có thông tin"]}},
            {"code": "2", "name": "Đăng ký", "details": {"steps": ["a", 5]}}
        ]}"#;
        let loaded = load(text, usize::MAX).unwrap_or_default();
        let steps = loaded.procedures.first().and_then(|p| p.details.clone());
        assert_eq!(steps.map(|d| d.steps), Some(vec!["Bước 1".to_string()]));
        assert_eq!(
            loaded.procedures.get(1).map(|p| p.details.is_none()),
            Some(true)
        );
        let w = loaded.warnings.first();
        assert_eq!(w.map(|w| w.path.as_str()), Some("procedures[1].details"));
        assert_eq!(
            w.map(|w| w.detail.as_str()),
            Some("steps[1]: expected a string, found a number")
        );
    }

    #[test]
    fn syntax_errors_and_json_lines() {
        let e = load("{\"version\": 1,\n \"tên\": \"Hà Nội\" \"x\"}", usize::MAX).unwrap_err();
        assert_eq!(e.kind, DataErrorKind::Syntax);
        assert_eq!((e.line, e.column), (Some(2), Some(18)));
        assert_eq!(e.detail, "expected `,` or `}`");
        let lines =
            "{\"ma_thu_tuc\": \"1.1\", \"ten_thu_tuc\": \"Cấp lại\"}\n{\"ma_thu_tuc\": 2,,}\n";
        let loaded = load(lines, usize::MAX).unwrap_or_default();
        assert_eq!(loaded.procedures.len(), 1);
        let w = loaded.warnings.first();
        assert_eq!(
            w.map(|w| (w.kind, w.line)),
            Some((WarningKind::LineSkipped, Some(2)))
        );
        assert_eq!(
            w.map(|w| w.detail.as_str()),
            Some("key must be a string at line 1 column 18")
        );
        // JSON Lines whose only good line is not a procedure: nothing usable.
        let e = load("{\"a\": 1}\n\n{]\n", usize::MAX).unwrap_err();
        assert_eq!(e.kind, DataErrorKind::Invalid);
        // A broken first line: not JSON Lines, the file's own syntax error.
        let e = load("{\"a\": }\n{]\n", usize::MAX).unwrap_err();
        assert_eq!((e.kind, e.line), (DataErrorKind::Syntax, Some(1)));
        let e = load("7", usize::MAX).unwrap_err();
        assert_eq!(e.kind, DataErrorKind::Shape);
        let e = load("nul", usize::MAX).unwrap_err();
        assert_eq!(e.kind, DataErrorKind::Syntax);
    }

    #[test]
    fn synonyms_sorted_and_last_duplicate_wins() {
        let text = r#"{"version": 1, "synonyms": {"b": "x", "a": ["y", 1, "z"], "b": ["w"], "c": 5},
            "procedures": [{"code": "1", "name": "Cấp"}]}"#;
        let loaded = load(text, usize::MAX).unwrap_or_default();
        let got: Vec<(&str, Vec<&str>)> = loaded
            .synonyms
            .iter()
            .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(got, [("a", vec!["y", "z"]), ("b", vec!["w"])]);
        let w: Vec<&str> = loaded.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(w, ["synonyms.c"]);
    }

    #[test]
    fn numbers_keep_their_text() {
        let text = r#"[{"code": "1.000178", "name": "Cấp", "time": 5, "fee": 1e3}]"#;
        let loaded = load(text, usize::MAX).unwrap_or_default();
        let p = loaded.procedures.first();
        assert_eq!(p.and_then(|p| p.time.as_deref()), Some("5"));
        assert_eq!(p.and_then(|p| p.fee.as_deref()), Some("1e3"));
        assert!(loaded.warnings.is_empty());
        let e = load(r#"{"version": 1.0, "procedures": []}"#, usize::MAX).unwrap_err();
        assert_eq!(
            e.detail,
            "unsupported version 1.0; this widget reads version 1"
        );
    }

    /// A code or name written as a number is a wrong type: warned at its path, the record
    /// skipped as one without a code or name.
    #[test]
    fn numbers_as_code_or_name_are_warned_and_skipped() {
        let text = r#"{"version": 1, "procedures": [
            {"code": 1.000170, "name": "Cấp"},
            {"code": "1.2", "name": 42},
            {"code": "1.3", "name": "Đăng ký"}]}"#;
        let loaded = load(text, usize::MAX).unwrap_or_default();
        let codes: Vec<&str> = loaded.procedures.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["1.3"]);
        let w: Vec<(WarningKind, &str, &str)> = loaded
            .warnings
            .iter()
            .map(|w| (w.kind, w.path.as_str(), w.detail.as_str()))
            .collect();
        assert_eq!(
            w,
            [
                (
                    WarningKind::ValueIgnored,
                    "procedures[0].code",
                    "expected a string, found a number (1.000170)"
                ),
                (WarningKind::RecordSkipped, "procedures[0]", "missing code"),
                (
                    WarningKind::ValueIgnored,
                    "procedures[1].name",
                    "expected a string, found a number (42)"
                ),
                (
                    WarningKind::RecordSkipped,
                    "procedures[1]",
                    "missing name 1.2"
                ),
            ]
        );
        // The national portal's keys, in JSON Lines: the line is kept with the warning.
        let lines = "{\"ma_thu_tuc\": \"1.1\", \"ten_thu_tuc\": \"Cấp lại\"}\n{\"ma_thu_tuc\": 2.5, \"ten_thu_tuc\": \"Cấp\"}\n";
        let loaded = load(lines, usize::MAX).unwrap_or_default();
        assert_eq!(loaded.procedures.len(), 1);
        let w = loaded.warnings.first();
        assert_eq!(
            w.map(|w| (w.kind, w.line, w.path.as_str())),
            Some((WarningKind::ValueIgnored, Some(2), "[1].ma_thu_tuc"))
        );
    }

    /// Record 1.000232 of the national portal: a channel named inside a description ("Trực
    /// tuyến: nộp hồ sơ…") stays in its row; rows come out tidy.
    #[test]
    fn national_channels_are_tidy() {
        let rec = r#"{"ma_thu_tuc": "1.000232", "ten_thu_tuc": "Huỷ tài khoản điện tử", "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếpKhông có thông tinKhông có thông tinnộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh.Dịch vụ bưu chínhKhông có thông tinKhông có thông tinGửi hồ sơ và nhận kết quả qua đường bưu điện.Trực tuyếnKhông có thông tinKhông có thông tinTrực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an."}"#;
        let loaded = load(rec, usize::MAX).unwrap_or_default();
        let channels = loaded
            .procedures
            .first()
            .and_then(|p| p.details.clone())
            .map(|d| d.channels)
            .unwrap_or_default();
        assert_eq!(
            channels,
            [
                "Trực tiếp: nộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh.",
                "Dịch vụ bưu chính: Gửi hồ sơ và nhận kết quả qua đường bưu điện.",
                "Trực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an.",
            ]
        );
    }

    /// One load of the real data file, for instruction counts under valgrind.
    #[test]
    #[ignore]
    fn bench_load_once() {
        let text = std::fs::read_to_string("www/data/tthc.json").unwrap_or_default();
        assert!(load(&text, usize::MAX).is_ok_and(|l| l.procedures.len() > 2000));
    }

    /// Load and index time on the real data file, and on ten copies of it (26,420 records):
    /// `cargo test --release --lib tthc::load::tests::bench -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn bench() {
        let text = std::fs::read_to_string("www/data/tthc.json").unwrap_or_default();
        let start = text.find("\"procedures\"").unwrap_or(0);
        let body = text.get(start..).unwrap_or("");
        let open = body.find('[').map_or(0, |i| start + i + 1);
        let close = text.rfind(']').unwrap_or(text.len());
        let records = text.get(open..close).unwrap_or("").trim();
        let mut big = String::from("{\"version\":1,\"procedures\":[");
        for k in 0..10 {
            if k > 0 {
                big.push(',');
            }
            big.push_str(&records.replace("\"code\":\"", &format!("\"code\":\"{k}")));
        }
        big.push_str("]}");
        for (name, t) in [("tthc.json", &text), ("10x", &big)] {
            let mut best = (f64::MAX, f64::MAX);
            for _ in 0..7 {
                let t0 = std::time::Instant::now();
                let loaded = load(t, usize::MAX).map(|l| l.procedures.len());
                let t1 = t0.elapsed().as_secs_f64() * 1e3;
                let cat = crate::tthc::Catalog::from_json_str_with_limit(t, usize::MAX);
                let t2 = t0.elapsed().as_secs_f64() * 1e3 - t1;
                assert!(cat.is_ok() && loaded.is_ok());
                best = (best.0.min(t1), best.1.min(t2));
            }
            eprintln!(
                "{name}: {} bytes, load {:.1} ms, load+index {:.1} ms",
                t.len(),
                best.0,
                best.1
            );
        }
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn fast_clean_equals_slow_clean(s in "[a-zA-Zđàáạ\u{300}\u{301} \t\n\u{B}\u{A0}\u{200E}\u{E001}Kk-]{0,30}") {
                prop_assert_eq!(clean(&s), clean_slow(&s));
                prop_assert_eq!(clean_owned(Cow::Owned(s.clone())), clean_slow(&s));
                prop_assert_eq!(clean_owned(Cow::Borrowed(&s)), clean_slow(&s));
            }

            #[test]
            fn fast_clean_equals_slow_clean_any(s in any::<String>()) {
                prop_assert_eq!(clean(&s), clean_slow(&s));
            }
        }
    }
}

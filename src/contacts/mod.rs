//! The agency's contact points (`lien-he.json`): hotlines (đường dây nóng), one-stop centres
//! (bộ phận một cửa) with their addresses and opening hours, e-mail and the feedback page.
//!
//! Why it exists: the plans ask agencies to publish "các địa chỉ, số điện thoại đường dây nóng",
//! and a citizen who is stuck (on paper, at a counter, on an error panel) needs to know whom to
//! call. One small file, apart from the procedures, so the hotline still shows when the main
//! data cannot load. Read with the crate's own JSON reader ([`crate::contract::parse_value`]):
//! syntax errors have line and column, every other problem the JSON path of the value. Hotlines
//! are checked with [`crate::feedback::hotline`] (1800/1900, short service numbers, landlines
//! with area code, mobiles). Format: docs/lien-he-format.md; schema: schemas/lien-he.schema.json.

use serde::Serialize;

use crate::contract::{self, DataError};
use crate::feedback::hotline::{check_hotline, read_hotline, Hotline};
use crate::json::Value;
use crate::text::{cat, fold};

/// The `format` value of a contacts file.
pub const FORMAT: &str = "cchc-lien-he";

/// A hotline as published, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// What the line is for ("Đường dây nóng cải cách hành chính").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The number, its digits for `tel:`, and its kind.
    pub number: Hotline,
    /// When it answers ("Giờ hành chính").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
}

/// A one-stop centre or reception desk.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Office {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Opening hours as the agency writes them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Hotline>,
}

/// The contact points of the agency or of one of its units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Points {
    /// The agency's or unit's name.
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hotlines: Vec<Phone>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Office>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The page where citizens send feedback (phản ánh, kiến nghị).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_url: Option<String>,
}

/// A unit (sở, ngành, UBND cấp xã) with its own contacts, for the procedures it handles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub points: Points,
    /// The procedures' agencies this unit answers for (as `agencies` in tthc.json).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    /// The procedures' fields this unit answers for (as `field` in tthc.json).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// A contacts file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contacts {
    /// The publishing agency's own contact points.
    pub main: Points,
    pub units: Vec<Unit>,
    /// The numbers are examples (a demo file): shown with "(ví dụ)".
    pub example: bool,
}

impl Contacts {
    /// Reads a contacts file; the first problem found (see [`Contacts::check`] for all of them).
    pub fn parse(text: &str) -> Result<Contacts, DataError> {
        let (c, mut errors) = Contacts::check(text);
        match c {
            Some(c) if errors.is_empty() => Ok(c),
            _ if !errors.is_empty() => Err(errors.swap_remove(0)),
            _ => Err(DataError::shape("", "expected an object")),
        }
    }

    /// Reads a contacts file and reports every problem (each with its JSON path, or line and
    /// column for a syntax error). The contacts are returned whenever the file is an object.
    pub fn check(text: &str) -> (Option<Contacts>, Vec<DataError>) {
        Contacts::read_as::<true>(text)
    }

    /// Reads a contacts file for a widget: what [`Contacts::check`] reads, without checking
    /// landline and mobile numbers against the numbering plan or e-mail addresses (they stay
    /// out of the wasm; `cchc check` checks them). Unusable entries are left out; the second
    /// value says whether anything was.
    pub fn read(text: &str) -> (Option<Contacts>, bool) {
        let (c, errors) = Contacts::read_as::<false>(text);
        (c, errors.is_empty())
    }

    fn read_as<const CHECK: bool>(text: &str) -> (Option<Contacts>, Vec<DataError>) {
        let root = match contract::parse_value(text.strip_prefix('\u{feff}').unwrap_or(text)) {
            Ok(v) => v,
            Err(e) => return (None, vec![e]),
        };
        let mut errors = Vec::new();
        let Value::Obj(_) = root else {
            let found = root.type_name();
            let e = DataError::shape("", cat(&["expected an object, found ", found]));
            return (None, vec![e]);
        };
        match root.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            _ => errors.push(DataError::invalid(
                "format",
                cat(&["expected \"", FORMAT, "\""]),
            )),
        }
        match root.get("version") {
            Some(Value::Num(n)) if n == "1" => {}
            Some(_) => errors.push(DataError::invalid(
                "version",
                "unsupported version; this widget reads version 1",
            )),
            None => errors.push(DataError::invalid("version", "missing \"version\": 1")),
        }
        let main = points::<CHECK>(&root, "", "agency", &mut errors);
        if main.name.is_empty() {
            errors.push(DataError::shape("agency", "missing the agency's name"));
        }
        let mut units = Vec::new();
        match root.get("units") {
            None | Some(Value::Null) => {}
            Some(Value::Arr(items)) => {
                for (i, u) in items.iter().enumerate() {
                    let base = contract::indexed("units", i);
                    if !matches!(u, Value::Obj(_)) {
                        errors.push(DataError::shape(base, "expected an object"));
                        continue;
                    }
                    let p = points::<CHECK>(u, &base, "name", &mut errors);
                    if p.name.is_empty() {
                        errors.push(DataError::shape(
                            sub_path(&base, "name"),
                            "missing the unit's name",
                        ));
                    }
                    units.push(Unit {
                        points: p,
                        agencies: strings(u, &base, "agencies", &mut errors),
                        fields: strings(u, &base, "fields", &mut errors),
                    });
                }
            }
            Some(other) => errors.push(DataError::shape(
                "units",
                cat(&["expected an array, found ", other.type_name()]),
            )),
        }
        if main.hotlines.is_empty() && units.iter().all(|u| u.points.hotlines.is_empty()) {
            errors.push(DataError::shape(
                "hotlines",
                "no hotline: at least one is needed",
            ));
        }
        let example = matches!(root.get("example"), Some(Value::Bool(true)));
        let c = Contacts {
            main,
            units,
            example,
        };
        (Some(c), errors)
    }

    /// The contact points for a procedure handled by `agencies` in `field`: the first unit
    /// that names one of the agencies (else one that names the field), with the agency's own
    /// hotlines after the unit's; the agency's own points when no unit matches.
    pub fn for_procedure(&self, agencies: &[String], field: Option<&str>) -> Points {
        let same = |a: &str, b: &str| fold(a.trim()) == fold(b.trim());
        let unit = self
            .units
            .iter()
            .find(|u| {
                u.agencies
                    .iter()
                    .any(|x| agencies.iter().any(|a| same(a, x)))
            })
            .or_else(|| {
                let f = field?;
                self.units
                    .iter()
                    .find(|u| u.fields.iter().any(|x| same(x, f)))
            });
        let Some(u) = unit else {
            return self.main.clone();
        };
        let mut p = u.points.clone();
        for h in &self.main.hotlines {
            if !p.hotlines.iter().any(|x| x.number.dial == h.number.dial) {
                p.hotlines.push(h.clone());
            }
        }
        if p.offices.is_empty() {
            p.offices = self.main.offices.clone();
        }
        p.email = p.email.or_else(|| self.main.email.clone());
        p.feedback_url = p.feedback_url.or_else(|| self.main.feedback_url.clone());
        p
    }
}

/// `base.key`, or `key` at the top.
fn sub_path(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        contract::sub_path(base, key)
    }
}

/// A trimmed non-empty string member; a wrong type is reported.
fn text(v: &Value, base: &str, key: &str, errors: &mut Vec<DataError>) -> Option<String> {
    match v.get(key)? {
        Value::Str(s) => {
            let t = s.split_whitespace().collect::<Vec<_>>();
            let t = crate::text::join(&t, " ");
            (!t.is_empty()).then_some(t)
        }
        Value::Null => None,
        other => {
            errors.push(DataError::shape(
                sub_path(base, key),
                cat(&["expected a string, found ", other.type_name()]),
            ));
            None
        }
    }
}

fn strings(v: &Value, base: &str, key: &str, errors: &mut Vec<DataError>) -> Vec<String> {
    let path = sub_path(base, key);
    match v.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Arr(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item.as_str().map(str::trim) {
                    Some(s) if !s.is_empty() => out.push(s.to_string()),
                    _ => errors.push(DataError::shape(
                        contract::indexed(&path, i),
                        "expected a non-empty string",
                    )),
                }
            }
            out
        }
        Some(other) => {
            errors.push(DataError::shape(
                path,
                cat(&["expected an array of strings, found ", other.type_name()]),
            ));
            Vec::new()
        }
    }
}

fn number<const CHECK: bool>(
    v: &Value,
    path: String,
    errors: &mut Vec<DataError>,
) -> Option<Hotline> {
    match v {
        Value::Str(s) => match if CHECK {
            check_hotline(s)
        } else {
            read_hotline(s)
        } {
            Ok(h) => Some(h),
            Err(e) => {
                errors.push(DataError::invalid(
                    path,
                    cat(&[e.code(), ": ", e.message_vi(), " (", s, ")"]),
                ));
                None
            }
        },
        other => {
            errors.push(DataError::shape(
                path,
                cat(&["expected a string, found ", other.type_name()]),
            ));
            None
        }
    }
}

/// The contact points of `v` (the file itself or a unit), its name under `name_key`.
fn points<const CHECK: bool>(
    v: &Value,
    base: &str,
    name_key: &str,
    errors: &mut Vec<DataError>,
) -> Points {
    let mut p = Points {
        name: text(v, base, name_key, errors).unwrap_or_default(),
        email: text(v, base, "email", errors),
        feedback_url: text(v, base, "feedback_url", errors),
        ..Points::default()
    };
    // What is refused is also dropped: a widget shows what `check` accepted, and a link it
    // draws is never a `javascript:` address.
    if let Some(e) = p.email.take() {
        if CHECK && crate::feedback::email::check_email(&e).result.is_err() {
            errors.push(DataError::invalid(
                sub_path(base, "email"),
                cat(&["not an e-mail address (", &e, ")"]),
            ));
        } else {
            p.email = Some(e);
        }
    }
    if let Some(u) = p.feedback_url.take() {
        if !(u.starts_with("https://") || u.starts_with("http://") || u.starts_with('/')) {
            errors.push(DataError::invalid(
                sub_path(base, "feedback_url"),
                "expected an https:// address or a path from the site's root",
            ));
        } else {
            p.feedback_url = Some(u);
        }
    }
    let list = |key: &str, errors: &mut Vec<DataError>| -> Vec<(String, Value)> {
        let path = sub_path(base, key);
        match v.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Arr(items)) => items
                .iter()
                .enumerate()
                .map(|(i, x)| (contract::indexed(&path, i), x.clone()))
                .collect(),
            Some(other) => {
                errors.push(DataError::shape(
                    path,
                    cat(&["expected an array, found ", other.type_name()]),
                ));
                Vec::new()
            }
        }
    };
    for (path, h) in list("hotlines", errors) {
        let parsed = match &h {
            Value::Str(_) => number::<CHECK>(&h, path.clone(), errors).map(|n| Phone {
                label: None,
                number: n,
                hours: None,
            }),
            Value::Obj(_) => match h.get("number") {
                Some(n) => number::<CHECK>(n, sub_path(&path, "number"), errors).map(|n| Phone {
                    label: text(&h, &path, "label", errors),
                    number: n,
                    hours: text(&h, &path, "hours", errors),
                }),
                None => {
                    errors.push(DataError::shape(
                        sub_path(&path, "number"),
                        "missing the number",
                    ));
                    None
                }
            },
            other => {
                errors.push(DataError::shape(
                    path.clone(),
                    cat(&["expected a string or an object, found ", other.type_name()]),
                ));
                None
            }
        };
        p.hotlines.extend(parsed);
    }
    for (path, o) in list("offices", errors) {
        if !matches!(o, Value::Obj(_)) {
            errors.push(DataError::shape(path, "expected an object"));
            continue;
        }
        let name = text(&o, &path, "name", errors);
        if name.is_none() {
            errors.push(DataError::shape(
                sub_path(&path, "name"),
                "missing the office's name",
            ));
        }
        let phone = o
            .get("phone")
            .filter(|x| !x.is_null())
            .and_then(|x| number::<CHECK>(x, sub_path(&path, "phone"), errors));
        p.offices.push(Office {
            name: name.unwrap_or_default(),
            address: text(&o, &path, "address", errors),
            hours: text(&o, &path, "hours", errors),
            phone,
        });
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_file_loads() {
        let text = std::fs::read_to_string("www/data/lien-he.json").unwrap_or_default();
        let c = Contacts::parse(&text);
        assert!(c.is_ok(), "{c:?}");
        let c = c.unwrap_or_default();
        assert!(c.example);
        assert!(!c.main.hotlines.is_empty());
        assert!(!c.main.offices.is_empty());
    }

    #[test]
    fn units_match_by_agency_then_field() {
        let text = r#"{"format": "cchc-lien-he", "version": 1, "agency": "UBND tỉnh X",
            "hotlines": [{"label": "Đường dây nóng", "number": "1900 1234"}],
            "offices": [{"name": "Trung tâm Phục vụ hành chính công", "address": "1 Đường A", "hours": "7:30–17:00"}],
            "units": [
              {"name": "Sở Tư pháp", "agencies": ["Sở Tư pháp"], "fields": ["Hộ tịch"], "hotlines": ["0239 3856 789"]},
              {"name": "Công an tỉnh", "agencies": ["Công an tỉnh"], "hotlines": ["113"]}
            ]}"#;
        let c = Contacts::parse(text).unwrap_or_default();
        let p = c.for_procedure(&["Công an tỉnh".into()], None);
        assert_eq!(p.name, "Công an tỉnh");
        let dials: Vec<&str> = p.hotlines.iter().map(|h| h.number.dial.as_str()).collect();
        assert_eq!(dials, ["113", "19001234"]);
        assert_eq!(p.offices.len(), 1);
        let p = c.for_procedure(&["UBND cấp xã".into()], Some("hộ tịch"));
        assert_eq!(p.name, "Sở Tư pháp");
        let p = c.for_procedure(&[], Some("Đất đai"));
        assert_eq!(p.name, "UBND tỉnh X");
    }

    #[test]
    fn problems_are_located() {
        let (_, errors) = Contacts::check(
            r#"{"format": "cchc-lien-he", "version": 1, "agency": "X",
                "hotlines": ["0912 345", {"label": "A"}, 5],
                "offices": [{"address": "y", "phone": "1900 12"}],
                "email": "không phải email", "units": [{"hotlines": ["113"]}]}"#,
        );
        let got: Vec<(Option<&str>, &str)> = errors
            .iter()
            .map(|e| (e.path.as_deref(), e.detail.get(..14).unwrap_or(&e.detail)))
            .collect();
        assert_eq!(
            got,
            [
                (Some("email"), "not an e-mail "),
                (Some("hotlines[0]"), "hotline_number"),
                (Some("hotlines[1].number"), "missing the nu"),
                (Some("hotlines[2]"), "expected a str"),
                (Some("offices[0].name"), "missing the of"),
                (Some("offices[0].phone"), "hotline_servic"),
                (Some("units[0].name"), "missing the un"),
            ]
        );
        let e = Contacts::parse("{\n  \"format\": ,}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(13)));
        let e = Contacts::parse(
            r#"{"format": "cchc-lien-he", "version": 2, "agency": "X", "hotlines": ["113"]}"#,
        )
        .unwrap_err();
        assert_eq!(e.path.as_deref(), Some("version"));
        assert!(Contacts::parse("[]").is_err());
    }
}

//! Provinces and communes for address fields (the two-tier structure since 01/07/2025).
//!
//! The widget must not ship 3,321 commune names to every citizen, so the data is split:
//! `www/data/dvhc/tinh.json` (34 provinces) and `xa-<province code>.json` (its communes), loaded
//! on demand. This module parses those files and answers "is this (province, commune) pair
//! real?". Codes are the GSO/NSO codes (2-digit province, 5-digit commune); names are NFC and
//! sorted in Vietnamese alphabetical order by the generator (tools/dvhc-split.py). The data
//! state is the one after 30/2026/QH16 + 237/NQ-UBTVQH16 (effective 30/04/2026): 34 provinces,
//! 3,321 communes. Key on codes: names get respelled ("Hòa" → "Hoà"), codes do not.

use serde::Serialize;

use crate::json::Value;
use crate::text::cat;

/// A province (tỉnh / thành phố).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Province {
    /// 2-digit code, e.g. `"01"`.
    pub code: String,
    /// Name without the unit type, e.g. `"Hà Nội"`.
    pub name: String,
    /// Unit type: `"Thành phố"` or `"Tỉnh"`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A commune-level unit (xã / phường / đặc khu).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commune {
    /// 5-digit code, e.g. `"00004"`.
    pub code: String,
    /// Name without the unit type, e.g. `"Ba Đình"`.
    pub name: String,
    /// Unit type: `"Xã"`, `"Phường"` or `"Đặc khu"`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// "Phường Ba Đình": a unit's type before its name, as the form shows and submits it.
/// (Plain pushes: cheaper in the wasm than `format!` at each of its five call sites.)
pub fn kind_name(kind: &str, name: &str) -> String {
    let mut s = String::with_capacity(kind.len() + 1 + name.len());
    s.push_str(kind);
    s.push(' ');
    s.push_str(name);
    s
}

/// Reads a data file: the parsed object and its `version` (checked by the caller once the
/// whole file has been read, as the format's readers always did).
fn open_file(json: &str) -> Result<(Value, u32), DvhcError> {
    let doc = crate::json::parse(json).map_err(|e| DvhcError::Json(e.message()))?;
    if doc.as_object().is_none() {
        return Err(DvhcError::Json(cat(&[
            "expected an object, found ",
            doc.type_name(),
        ])));
    }
    let version = member(&doc, "version", "")?;
    match version.as_u64().map(u32::try_from) {
        Some(Ok(v)) => Ok((doc, v)),
        _ => Err(DvhcError::Json(cat(&[
            "`version`: expected a whole number, found ",
            version.type_name(),
        ]))),
    }
}

/// The member `key` of the object `v` (at `path`, for the message), which must be present.
fn member<'v>(v: &'v Value, key: &str, path: &str) -> Result<&'v Value, DvhcError> {
    v.get(key)
        .ok_or_else(|| DvhcError::Json(cat(&[path, "missing field `", key, "`"])))
}

/// The string member `key` of the object `v`.
fn text(v: &Value, key: &str, path: &str) -> Result<String, DvhcError> {
    let m = member(v, key, path)?;
    m.as_str().map(str::to_string).ok_or_else(|| {
        DvhcError::Json(cat(&[
            path,
            "`",
            key,
            "`: expected a string, found ",
            m.type_name(),
        ]))
    })
}

/// The list `key` of units (`{"code", "name", "type"}`), each made with `unit`.
fn units<T>(
    doc: &Value,
    key: &str,
    unit: fn(String, String, String) -> T,
) -> Result<Vec<T>, DvhcError> {
    let list = member(doc, key, "")?;
    let items = list.as_array().ok_or_else(|| {
        DvhcError::Json(cat(&[
            "`",
            key,
            "`: expected an array, found ",
            list.type_name(),
        ]))
    })?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = cat(&[key, "[", &crate::num::int(i), "]: "]);
        if item.as_object().is_none() {
            return Err(DvhcError::Json(cat(&[
                &path,
                "expected an object, found ",
                item.type_name(),
            ])));
        }
        let code = text(item, "code", &path)?;
        let name = text(item, "name", &path)?;
        out.push(unit(code, name, text(item, "type", &path)?));
    }
    Ok(out)
}

/// Why a data file was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DvhcError {
    /// Not the expected JSON (the syntax error with line and column, or the missing or mistyped
    /// member).
    Json(String),
    /// A `version` this code does not know.
    Version(u32),
    /// A commune file for another province than announced.
    WrongProvince {
        /// The code asked for.
        expected: String,
        /// The code in the file.
        found: String,
    },
}

impl DvhcError {
    /// The message (also what `Display` writes; this keeps core's formatting machinery out of
    /// the wasm).
    pub fn message(&self) -> String {
        match self {
            DvhcError::Json(e) => cat(&["dữ liệu địa giới không đọc được (unreadable data): ", e]),
            DvhcError::Version(v) => cat(&[
                "phiên bản dữ liệu ",
                &crate::num::int(*v),
                " không được hỗ trợ (unsupported version)",
            ]),
            DvhcError::WrongProvince { expected, found } => cat(&[
                "tệp xã của tỉnh ",
                found,
                ", cần ",
                expected,
                " (commune file for the wrong province)",
            ]),
        }
    }
}

impl std::fmt::Display for DvhcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Result of checking a (province, commune) pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairCheck {
    /// Both exist and belong together.
    Valid,
    /// The province code is not one of the 34.
    UnknownProvince,
    /// The commune is not in that province.
    UnknownCommune,
    /// The province's commune list is not loaded: only the code's shape could be checked.
    CommunesNotLoaded,
}

/// The address book: provinces, plus the communes of the provinces loaded so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressBook {
    /// Date of the administrative state, e.g. `"2026-04-30"`.
    pub state: String,
    /// The provinces in file order (Vietnamese alphabetical).
    pub provinces: Vec<Province>,
    /// The communes loaded so far, by province code, sorted by code (a map of at most 34 keys:
    /// a sorted `Vec` instead of a `BTreeMap` keeps the wasm smaller).
    communes: Vec<(String, Vec<Commune>)>,
}

impl AddressBook {
    /// Parses `tinh.json`.
    pub fn from_provinces_json(json: &str) -> Result<AddressBook, DvhcError> {
        let (doc, version) = open_file(json)?;
        let state = text(&doc, "state", "")?;
        let provinces = units(&doc, "provinces", |code, name, kind| Province {
            code,
            name,
            kind,
        })?;
        if version != 1 {
            return Err(DvhcError::Version(version));
        }
        Ok(AddressBook {
            state,
            provinces,
            communes: Vec::new(),
        })
    }

    /// Adds the communes of one province from its `xa-<code>.json`.
    pub fn add_communes_json(&mut self, province: &str, json: &str) -> Result<(), DvhcError> {
        let (doc, version) = open_file(json)?;
        let found = text(&doc, "province", "")?;
        let communes = units(&doc, "communes", |code, name, kind| Commune {
            code,
            name,
            kind,
        })?;
        if version != 1 {
            return Err(DvhcError::Version(version));
        }
        if found != province {
            return Err(DvhcError::WrongProvince {
                expected: province.to_string(),
                found,
            });
        }
        match self.province_slot(&found) {
            Ok(i) => {
                if let Some(slot) = self.communes.get_mut(i) {
                    slot.1 = communes;
                }
            }
            Err(i) => self.communes.insert(i, (found, communes)),
        }
        Ok(())
    }

    /// Where the communes of `province` are in `communes` (`Err`: where they would go).
    fn province_slot(&self, province: &str) -> Result<usize, usize> {
        self.communes
            .binary_search_by(|(code, _)| code.as_str().cmp(province))
    }

    /// The province with `code`.
    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The communes of a province, if loaded.
    pub fn communes(&self, province: &str) -> Option<&[Commune]> {
        let i = self.province_slot(province).ok()?;
        self.communes.get(i).map(|(_, c)| c.as_slice())
    }

    /// The commune `code` of `province`, if loaded and present.
    pub fn commune(&self, province: &str, code: &str) -> Option<&Commune> {
        self.communes(province)?.iter().find(|c| c.code == code)
    }

    /// Number of communes loaded.
    pub fn commune_count(&self) -> usize {
        self.communes.iter().map(|(_, c)| c.len()).sum()
    }

    /// Checks a (province, commune) pair of codes.
    pub fn check_pair(&self, province: &str, commune: &str) -> PairCheck {
        if self.province(province).is_none() {
            return PairCheck::UnknownProvince;
        }
        match self.communes(province) {
            None if commune.len() == 5 && commune.bytes().all(|b| b.is_ascii_digit()) => {
                PairCheck::CommunesNotLoaded
            }
            None => PairCheck::UnknownCommune,
            Some(list) if list.iter().any(|c| c.code == commune) => PairCheck::Valid,
            Some(_) => PairCheck::UnknownCommune,
        }
    }
}

/// The data files compiled into the native binary (CLI and tests), so that `cchc validate-form`
/// needs no files beside it. Not compiled into the wasm: the browser loads the files on demand.
#[cfg(not(target_arch = "wasm32"))]
pub mod embedded {
    use super::AddressBook;

    /// `tinh.json`.
    pub const PROVINCES: &str = include_str!("../../www/data/dvhc/tinh.json");

    /// `(province code, xa-<code>.json)` for the 34 provinces.
    pub const COMMUNES: &[(&str, &str)] = &[
        ("01", include_str!("../../www/data/dvhc/xa-01.json")),
        ("04", include_str!("../../www/data/dvhc/xa-04.json")),
        ("08", include_str!("../../www/data/dvhc/xa-08.json")),
        ("11", include_str!("../../www/data/dvhc/xa-11.json")),
        ("12", include_str!("../../www/data/dvhc/xa-12.json")),
        ("14", include_str!("../../www/data/dvhc/xa-14.json")),
        ("15", include_str!("../../www/data/dvhc/xa-15.json")),
        ("19", include_str!("../../www/data/dvhc/xa-19.json")),
        ("20", include_str!("../../www/data/dvhc/xa-20.json")),
        ("22", include_str!("../../www/data/dvhc/xa-22.json")),
        ("24", include_str!("../../www/data/dvhc/xa-24.json")),
        ("25", include_str!("../../www/data/dvhc/xa-25.json")),
        ("31", include_str!("../../www/data/dvhc/xa-31.json")),
        ("33", include_str!("../../www/data/dvhc/xa-33.json")),
        ("37", include_str!("../../www/data/dvhc/xa-37.json")),
        ("38", include_str!("../../www/data/dvhc/xa-38.json")),
        ("40", include_str!("../../www/data/dvhc/xa-40.json")),
        ("42", include_str!("../../www/data/dvhc/xa-42.json")),
        ("44", include_str!("../../www/data/dvhc/xa-44.json")),
        ("46", include_str!("../../www/data/dvhc/xa-46.json")),
        ("48", include_str!("../../www/data/dvhc/xa-48.json")),
        ("51", include_str!("../../www/data/dvhc/xa-51.json")),
        ("52", include_str!("../../www/data/dvhc/xa-52.json")),
        ("56", include_str!("../../www/data/dvhc/xa-56.json")),
        ("66", include_str!("../../www/data/dvhc/xa-66.json")),
        ("68", include_str!("../../www/data/dvhc/xa-68.json")),
        ("75", include_str!("../../www/data/dvhc/xa-75.json")),
        ("79", include_str!("../../www/data/dvhc/xa-79.json")),
        ("80", include_str!("../../www/data/dvhc/xa-80.json")),
        ("82", include_str!("../../www/data/dvhc/xa-82.json")),
        ("86", include_str!("../../www/data/dvhc/xa-86.json")),
        ("91", include_str!("../../www/data/dvhc/xa-91.json")),
        ("92", include_str!("../../www/data/dvhc/xa-92.json")),
        ("96", include_str!("../../www/data/dvhc/xa-96.json")),
    ];

    /// The full address book (34 provinces, 3,321 communes).
    pub fn address_book() -> Result<AddressBook, super::DvhcError> {
        let mut book = AddressBook::from_provinces_json(PROVINCES)?;
        for (code, json) in COMMUNES {
            book.add_communes_json(code, json)?;
        }
        Ok(book)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn book() -> AddressBook {
        embedded::address_book().unwrap_or_default()
    }

    #[test]
    fn the_current_structure_is_complete() {
        let b = book();
        assert_eq!(b.state, "2026-04-30");
        assert_eq!(b.provinces.len(), 34);
        assert_eq!(b.commune_count(), 3321);
        let kinds = |k: &str| b.provinces.iter().filter(|p| p.kind == k).count();
        assert_eq!((kinds("Thành phố"), kinds("Tỉnh")), (7, 27));
        let all: Vec<&Commune> = b
            .provinces
            .iter()
            .flat_map(|p| b.communes(&p.code).unwrap_or(&[]))
            .collect();
        let count = |k: &str| all.iter().filter(|c| c.kind == k).count();
        assert_eq!(
            (count("Phường"), count("Xã"), count("Đặc khu")),
            (697, 2611, 13)
        );
        for p in &b.provinces {
            assert_eq!(crate::text::nfc(&p.name), p.name);
        }
    }

    #[test]
    fn pairs() {
        let b = book();
        assert_eq!(b.check_pair("01", "00004"), PairCheck::Valid);
        assert_eq!(
            b.commune("01", "00004").map(|c| c.name.as_str()),
            Some("Ba Đình")
        );
        assert_eq!(b.check_pair("79", "00004"), PairCheck::UnknownCommune);
        assert_eq!(b.check_pair("02", "00004"), PairCheck::UnknownProvince);
        // Đồng Nai became a city on 30/04/2026 and its former xã Bình Phước is a phường.
        assert_eq!(b.province("75").map(|p| p.kind.as_str()), Some("Thành phố"));
        assert_eq!(
            b.commune("75", "25195").map(|c| c.kind.as_str()),
            Some("Phường")
        );
        // The lowercase "xã Bắc Sơn" record of the source is normalised.
        assert_eq!(
            b.commune("20", "06325")
                .map(|c| (c.kind.as_str(), c.name.as_str())),
            Some(("Xã", "Bắc Sơn"))
        );
    }

    #[test]
    fn on_demand_loading() {
        let mut b = AddressBook::from_provinces_json(embedded::PROVINCES).unwrap_or_default();
        assert_eq!(b.check_pair("01", "00004"), PairCheck::CommunesNotLoaded);
        assert_eq!(b.check_pair("01", "x"), PairCheck::UnknownCommune);
        let xa01 = embedded::COMMUNES
            .iter()
            .find(|(c, _)| *c == "01")
            .map(|(_, j)| *j)
            .unwrap_or("");
        assert!(matches!(
            b.add_communes_json("79", xa01),
            Err(DvhcError::WrongProvince { .. })
        ));
        assert_eq!(b.add_communes_json("01", xa01), Ok(()));
        assert_eq!(b.check_pair("01", "00004"), PairCheck::Valid);
        assert!(matches!(
            AddressBook::from_provinces_json("{"),
            Err(DvhcError::Json(_))
        ));
        assert_eq!(
            AddressBook::from_provinces_json(r#"{"version":2,"state":"x","provinces":[]}"#),
            Err(DvhcError::Version(2))
        );
    }

    #[test]
    fn malformed_files_say_what_is_wrong() {
        let err = |json: &str| match AddressBook::from_provinces_json(json) {
            Err(DvhcError::Json(m)) => m,
            other => format!("{other:?}"),
        };
        assert_eq!(err("[]"), "expected an object, found an array");
        assert_eq!(
            err(r#"{"state":"x","provinces":[]}"#),
            "missing field `version`"
        );
        assert_eq!(
            err(r#"{"version":"1","state":"x","provinces":[]}"#),
            "`version`: expected a whole number, found a string"
        );
        assert_eq!(
            err(r#"{"version":1,"provinces":[]}"#),
            "missing field `state`"
        );
        assert_eq!(
            err(
                r#"{"version":1,"state":"x","provinces":[{"code":"01","name":"Hà Nội","type":7}]}"#
            ),
            "provinces[0]: `type`: expected a string, found a number"
        );
        assert_eq!(
            err(r#"{"version":1,"state":"x","provinces":[{"code":"01","type":"Tỉnh"}]}"#),
            "provinces[0]: missing field `name`"
        );
        assert_eq!(err("{"), "EOF while parsing an object at line 1 column 1");
        // Unknown members are ignored; the version is checked once the file is read.
        let ok = r#"{"version":1,"state":"s","extra":true,"provinces":[{"code":"01","name":"A","type":"Tỉnh","x":0}]}"#;
        assert_eq!(
            AddressBook::from_provinces_json(ok).map(|b| b.provinces.len()),
            Ok(1)
        );
        assert_eq!(
            AddressBook::from_provinces_json(r#"{"version":3,"state":"s"}"#),
            Err(DvhcError::Json("missing field `provinces`".into()))
        );
    }

    #[test]
    fn files_are_sorted_vietnamese_alphabetically() {
        let b = book();
        let names: Vec<&str> = b.provinces.iter().map(|p| p.name.as_str()).collect();
        let pos = |n: &str| names.iter().position(|x| *x == n).unwrap_or(usize::MAX);
        assert!(pos("Cà Mau") < pos("Cao Bằng"));
        assert!(pos("Cao Bằng") < pos("Cần Thơ"));
        assert!(pos("Cần Thơ") < pos("Đà Nẵng"), "đ sorts after d, after c");
        assert!(pos("Đồng Tháp") < pos("Gia Lai"));
        assert_eq!(names.first(), Some(&"An Giang"));
        assert_eq!(names.last(), Some(&"Vĩnh Long"));
    }
}

//! The data file's JSON, deserialised straight into the few shapes the loader reads.
//!
//! Why it exists: building a `serde_json::Value` tree first (a map with an owned key per field
//! of every record) cost more than the whole index build. These types take only the keys the
//! loader knows, skip everything else without allocating, and accept *any* JSON value in every
//! position, so one wrong value never rejects the file: the loader (`load`) reports it as a
//! warning with its path, exactly as before. Syntax errors still come from serde_json with their
//! line and column.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A JSON value, kept only as far as the loader needs it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Loose {
    Null,
    Bool(bool),
    Str(String),
    /// A number, as written.
    Num(String),
    /// An array: its strings (anything else in it is `None`).
    List(Vec<Option<String>>),
    /// An object (its content is skipped).
    Object,
}

impl Loose {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Str(s) => Some(s),
            _ => None,
        }
    }

    /// "a string", "an array", ... for warnings.
    pub fn type_name(&self) -> &'static str {
        match self {
            Loose::Null => "null",
            Loose::Bool(_) => "a boolean",
            Loose::Num(_) => "a number",
            Loose::Str(_) => "a string",
            Loose::List(_) => "an array",
            Loose::Object => "an object",
        }
    }
}

impl fmt::Display for Loose {
    /// The value as JSON-ish text, for messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loose::Null => f.write_str("null"),
            Loose::Bool(b) => write!(f, "{b}"),
            Loose::Str(s) => write!(f, "{s:?}"),
            Loose::Num(n) => f.write_str(n),
            Loose::List(_) => f.write_str("[…]"),
            Loose::Object => f.write_str("{…}"),
        }
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        Loose::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Loose, E> {
        Ok(Loose::Num(n.to_string()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Loose, E> {
        Ok(Loose::Num(n.to_string()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Loose, E> {
        Ok(Loose::Num(
            serde_json::Number::from_f64(n).map_or_else(|| n.to_string(), |n| n.to_string()),
        ))
    }
    fn visit_str<E>(self, s: &str) -> Result<Loose, E> {
        Ok(Loose::Str(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Loose, E> {
        Ok(Loose::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Loose>()? {
            out.push(match item {
                Loose::Str(s) => Some(s),
                _ => None,
            });
        }
        Ok(Loose::List(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Object)
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

/// The record keys the loader reads (our own format and the national portal's), in slot order.
pub(crate) const KEYS: [&str; 30] = [
    // tthc.json
    "code",
    "name",
    "field",
    "levels",
    "agencies",
    "online",
    "postal",
    "online_payment",
    "time",
    "fee",
    "url",
    "details_url",
    // national portal records
    "ma_thu_tuc",
    "ten_thu_tuc",
    "linh_vuc",
    "cap_thuc_hien",
    "co_quan_co_tham_quyen",
    "co_quan_thuc_hien",
    "cach_thuc_thuc_hien",
    "raw_text",
    "bo_nganh_folder",
    "truc_tuyen",
    "detail_url",
    "trinh_tu_thuc_hien",
    "thanh_phan_ho_so",
    "yeu_cau_dieu_kien",
    "can_cu_phap_ly",
    "ket_qua_xu_ly",
    "doi_tuong_thuc_hien",
    // the file object of tthc.json
    "version",
];

/// A JSON object: a record, or the top-level object of `tthc.json` (which is read with the same
/// type so that a lone record at the top level also loads).
#[derive(Debug, Default)]
pub(crate) struct Object {
    values: [Option<Loose>; KEYS.len()],
    /// `details` (inline details of our format), as a tree: small and rare.
    pub details: Option<Value>,
    /// `synonyms` of `tthc.json`, as a tree: small.
    pub synonyms: Option<Value>,
    /// `agency` of `tthc.json` (a string or `{"name": ...}`), as a tree: small.
    pub agency: Option<Value>,
    /// `procedures` of `tthc.json`: `Some(None)` when present but not an array.
    pub procedures: Option<Option<Vec<Item>>>,
}

impl Object {
    /// The value of a known key.
    pub fn get(&self, key: &str) -> Option<&Loose> {
        let i = KEYS.iter().position(|k| *k == key)?;
        self.values.get(i)?.as_ref()
    }

    /// Takes the value of a known key out.
    pub fn take(&mut self, key: &str) -> Option<Loose> {
        let i = KEYS.iter().position(|k| *k == key)?;
        self.values.get_mut(i)?.take()
    }

    /// Whether the object has this key (even with `null`).
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// One element of a record array or one JSON line.
#[derive(Debug)]
pub(crate) enum Item {
    Object(Box<Object>),
    /// Not an object (its JSON type, for the warning).
    Other(&'static str),
}

/// Which slot a key goes to.
enum Key {
    Known(usize),
    Details,
    Synonyms,
    Agency,
    Procedures,
    Unknown,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_str<E>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    "details" => Key::Details,
                    "synonyms" => Key::Synonyms,
                    "agency" => Key::Agency,
                    "procedures" => Key::Procedures,
                    _ => KEYS
                        .iter()
                        .position(|k| *k == s)
                        .map_or(Key::Unknown, Key::Known),
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// `procedures`: an array of items, or anything else (then `None`).
struct Items(Option<Vec<Item>>);

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Items, D::Error> {
        struct ItemsVisitor;
        impl<'de> Visitor<'de> for ItemsVisitor {
            type Value = Items;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of procedures")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(item) = seq.next_element::<Item>()? {
                    out.push(item);
                }
                Ok(Items(Some(out)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Items(None))
            }
            fn visit_unit<E>(self) -> Result<Items, E> {
                Ok(Items(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Items, E> {
                Ok(Items(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Items, E> {
                Ok(Items(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Items, E> {
                Ok(Items(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Items, E> {
                Ok(Items(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Items, E> {
                Ok(Items(None))
            }
        }
        d.deserialize_any(ItemsVisitor)
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a procedure")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                object(map).map(|o| Item::Object(Box::new(o)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Item::Other("an array"))
            }
            fn visit_unit<E>(self) -> Result<Item, E> {
                Ok(Item::Other("null"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Item, E> {
                Ok(Item::Other("a boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Item, E> {
                Ok(Item::Other("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Item, E> {
                Ok(Item::Other("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Item, E> {
                Ok(Item::Other("a number"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Item, E> {
                Ok(Item::Other("a string"))
            }
        }
        d.deserialize_any(ItemVisitor)
    }
}

/// Reads an object's entries; a repeated key keeps its last value, as `serde_json::Value` does.
fn object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Object, A::Error> {
    let mut o = Object::default();
    while let Some(key) = map.next_key::<Key>()? {
        match key {
            Key::Known(i) => {
                let v = map.next_value::<Loose>()?;
                if let Some(slot) = o.values.get_mut(i) {
                    *slot = Some(v);
                }
            }
            Key::Agency => o.agency = Some(map.next_value::<Value>()?),
            Key::Details => o.details = Some(map.next_value::<Value>()?),
            Key::Synonyms => o.synonyms = Some(map.next_value::<Value>()?),
            Key::Procedures => o.procedures = Some(map.next_value::<Items>()?.0),
            Key::Unknown => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(o)
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Object, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object, A::Error> {
                object(map)
            }
        }
        d.deserialize_map(ObjectVisitor)
    }
}

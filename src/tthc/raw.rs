//! The data file's JSON, read straight into the few shapes the loader uses.
//!
//! Why it exists: building a [`crate::json::Value`] tree first (an owned key and value per field of every
//! record) would cost more than the whole index build. These readers stream the text with
//! [`crate::json::Reader`], keep only the keys the loader knows (strings borrowed from the text when they
//! have no escapes), skip everything else without allocating, and accept *any* JSON value in every
//! position, so one wrong value never rejects the file: the loader (`load`) reports it as a warning
//! with its path. Syntax errors come from the reader with their line and column.

use std::borrow::Cow;
use std::fmt;

use crate::json::{Kind, Reader, SyntaxError, Value};

/// A JSON value, kept only as far as the loader needs it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Loose<'a> {
    Null,
    Bool(bool),
    Str(Cow<'a, str>),
    /// A number, as written.
    Num(&'a str),
    /// An array: its strings (anything else in it is `None`).
    List(Vec<Option<Cow<'a, str>>>),
    /// An object (its content is skipped).
    Object,
}

impl Loose<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Str(s) => Some(s),
            _ => None,
        }
    }

    /// "a string", "an array", ... for warnings.
    pub fn type_name(&self) -> &'static str {
        match self {
            Loose::Null => Kind::Null,
            Loose::Bool(_) => Kind::Bool,
            Loose::Num(_) => Kind::Num,
            Loose::Str(_) => Kind::Str,
            Loose::List(_) => Kind::Arr,
            Loose::Object => Kind::Obj,
        }
        .name()
    }
}

impl Loose<'_> {
    /// The value as JSON-ish text, for messages (also what `Display` writes).
    pub fn text(&self) -> String {
        match self {
            Loose::Null => "null".into(),
            Loose::Bool(b) => if *b { "true" } else { "false" }.into(),
            Loose::Str(s) => crate::json::quoted(s),
            Loose::Num(n) => (*n).into(),
            Loose::List(_) => "[…]".into(),
            Loose::Object => "{…}".into(),
        }
    }
}

impl fmt::Display for Loose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Reads any value as a [`Loose`].
fn loose<'a>(r: &mut Reader<'a>) -> Result<Loose<'a>, SyntaxError> {
    Ok(match r.peek()? {
        Kind::Null => {
            r.null()?;
            Loose::Null
        }
        Kind::Bool => Loose::Bool(r.bool()?),
        Kind::Num => Loose::Num(r.num()?),
        Kind::Str => Loose::Str(r.str()?),
        Kind::Arr => {
            r.begin_array()?;
            let mut out = Vec::new();
            while r.next_item()? {
                if r.peek()? == Kind::Str {
                    out.push(Some(r.str()?));
                } else {
                    r.skip()?;
                    out.push(None);
                }
            }
            Loose::List(out)
        }
        Kind::Obj => {
            r.skip()?;
            Loose::Object
        }
    })
}

/// Whether `k` is a key of a procedure in our own `tthc.json` format: the first 12 of [`KEYS`], plus
/// inline `details` (read apart from the slots). `cchc check` flags the other keys.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn is_own_key(k: &str) -> bool {
    k == "details" || KEYS.get(..12).is_some_and(|own| own.contains(&k))
}

/// The record keys the loader reads (our own format and the national portal's), in slot order
/// (which [`slot`] must follow; a test checks it).
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
pub(crate) struct Object<'a> {
    values: [Option<Loose<'a>>; KEYS.len()],
    /// `details` (inline details of our format), as a tree: small and rare.
    pub details: Option<Value>,
    /// `synonyms` of `tthc.json`, as a tree: small.
    pub synonyms: Option<Value>,
    /// `agency` of `tthc.json` (a string or `{"name": ...}`), as a tree: small.
    pub agency: Option<Value>,
    /// `situations` and `life_events` of `tthc.json` (the agency's thesaurus), as trees: small.
    pub situations: Option<Value>,
    pub life_events: Option<Value>,
    /// `terms_url`, `faq_url` and `faq` of `tthc.json` (hỏi đáp inline), as trees: small.
    pub terms_url: Option<Value>,
    pub faq_url: Option<Value>,
    pub faq: Option<Value>,
    /// `procedures` of `tthc.json`: `Some(true)` when present and an array (its items went to the
    /// sink given to [`object`] as they were read), `Some(false)` when present but not an array.
    pub procedures: Option<bool>,
}

impl<'a> Object<'a> {
    /// The value of a known key.
    pub fn get(&self, key: &str) -> Option<&Loose<'a>> {
        self.values.get(slot(key)?)?.as_ref()
    }

    /// Takes the value of a known key out.
    pub fn take(&mut self, key: &str) -> Option<Loose<'a>> {
        self.values.get_mut(slot(key)?)?.take()
    }

    /// Whether the object has this key (even with `null`).
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// The slot of a known key: a hash of its length and first and last bytes (collision-free over
/// [`KEYS`], checked when compiling) and one comparison, where a search of [`KEYS`] compared
/// every key (a tenth of the load time).
fn slot(key: &str) -> Option<usize> {
    let bytes = key.as_bytes();
    let (first, last) = (bytes.first()?, bytes.last()?);
    let i = *SLOTS.get(mix(bytes.len(), *first, *last))?;
    (KEYS.get(usize::from(i))? == &key).then_some(usize::from(i))
}

const fn mix(len: usize, first: u8, last: u8) -> usize {
    (len * 17 + first as usize * 21 + last as usize) % 64
}

/// `SLOTS[mix(key)]` is the slot of `key` in [`KEYS`] (255: none).
const SLOTS: [u8; 64] = {
    let mut t = [u8::MAX; 64];
    let mut i = 0;
    while i < KEYS.len() {
        let k = KEYS[i].as_bytes();
        let h = mix(k.len(), k[0], k[k.len() - 1]);
        assert!(t[h] == u8::MAX, "two keys of KEYS hash alike: change `mix`");
        t[h] = i as u8;
        i += 1;
    }
    t
};

/// One element of a record array or one JSON line.
#[derive(Debug)]
pub(crate) enum Item<'a> {
    Object(Box<Object<'a>>),
    /// Not an object (its JSON type, for the warning).
    Other(&'static str),
}

/// Reads an object's members; a repeated key keeps its last value, as [`crate::json::Value::get`] does.
/// The next value must be an object. The items of a `procedures` array go to `records` one by
/// one as they are read, so that a whole file's records are never held at once.
pub(crate) fn object<'a>(
    r: &mut Reader<'a>,
    records: &mut dyn FnMut(Item<'a>),
) -> Result<Object<'a>, SyntaxError> {
    r.begin_object()?;
    let mut o = Object::default();
    while let Some(key) = r.next_key()? {
        // A record's keys first: one hash and one comparison, where the file-level names below
        // would be compared one by one for every member of every record.
        if let Some(place) = slot(&key).and_then(|i| o.values.get_mut(i)) {
            *place = Some(loose(r)?);
            continue;
        }
        match key.as_ref() {
            "details" => o.details = Some(r.value()?),
            "synonyms" => o.synonyms = Some(r.value()?),
            "agency" => o.agency = Some(r.value()?),
            "situations" => o.situations = Some(r.value()?),
            "life_events" => o.life_events = Some(r.value()?),
            "terms_url" => o.terms_url = Some(r.value()?),
            "faq_url" => o.faq_url = Some(r.value()?),
            "faq" => o.faq = Some(r.value()?),
            "procedures" => o.procedures = Some(items(r, records)?),
            _ => r.skip()?,
        }
    }
    Ok(o)
}

/// `procedures`: an array, whose items go to `records` (then `true`), or anything else.
pub(crate) fn items<'a>(
    r: &mut Reader<'a>,
    records: &mut dyn FnMut(Item<'a>),
) -> Result<bool, SyntaxError> {
    if r.peek()? != Kind::Arr {
        r.skip()?;
        return Ok(false);
    }
    r.begin_array()?;
    while r.next_item()? {
        records(item(r)?);
    }
    Ok(true)
}

/// A record, or the type of what stands in its place. (A `procedures` member inside a record
/// means nothing: its items are read and dropped.)
pub(crate) fn item<'a>(r: &mut Reader<'a>) -> Result<Item<'a>, SyntaxError> {
    match r.peek()? {
        Kind::Obj => Ok(Item::Object(Box::new(object(r, &mut drop)?))),
        kind => {
            r.skip()?;
            Ok(Item::Other(kind.name()))
        }
    }
}

/// Reads a whole text with `read`, checking that nothing follows.
pub(crate) fn whole<'a, T>(
    text: &'a str,
    read: impl FnOnce(&mut Reader<'a>) -> Result<T, SyntaxError>,
) -> Result<T, SyntaxError> {
    let mut r = Reader::new(text);
    let v = read(&mut r)?;
    r.finish()?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_follow_keys() {
        for (i, k) in KEYS.iter().enumerate() {
            assert_eq!(slot(k), Some(i), "{k}");
        }
        assert_eq!(slot("details"), None);
        assert!(is_own_key("details") && is_own_key("code") && is_own_key("details_url"));
        assert!(!is_own_key("ma_thu_tuc") && !is_own_key("version") && !is_own_key("x"));
        assert_eq!(slot("Code"), None);
        assert_eq!(slot(""), None);
    }

    proptest::proptest! {
        #[test]
        fn slot_is_the_position_in_keys(s in "[a-z_]{0,24}|\\PC{0,8}") {
            proptest::prop_assert_eq!(slot(&s), KEYS.iter().position(|k| *k == s));
        }
    }

    #[test]
    fn loose_values() {
        let text = r#"{"code": 1.5, "name": "a\u00e9", "levels": ["x", 2, null, "y"], "fee": {"a": [1]},
            "postal": true, "time": null, "other": [{"deep": 1}], "name": "last"}"#;
        let mut o = whole(text, |r| object(r, &mut drop)).unwrap_or_default();
        assert_eq!(o.get("code"), Some(&Loose::Num("1.5")));
        assert_eq!(o.get("name").and_then(Loose::as_str), Some("last"));
        let list = vec![
            Some(Cow::Borrowed("x")),
            None,
            None,
            Some(Cow::Borrowed("y")),
        ];
        assert_eq!(o.take("levels"), Some(Loose::List(list)));
        assert_eq!(o.get("levels"), None);
        assert_eq!(o.get("fee"), Some(&Loose::Object));
        assert_eq!(o.get("postal"), Some(&Loose::Bool(true)));
        assert!(o.contains_key("time"));
        assert!(!o.contains_key("url"));
        assert_eq!(o.get("fee").map(Loose::type_name), Some("an object"));
        assert_eq!(Loose::Str("é".into()).to_string(), "\"é\"");
        assert!(whole("{\"code\": [1,}", |r| object(r, &mut drop)).is_err());
        assert!(whole("[1]", |r| object(r, &mut drop)).is_err());
    }
}

//! Between the DOM and the core's submission shape (a JSON object, see `feedback::form`).
//!
//! Values are read exactly as typed (the core normalises; the input is never rewritten), and
//! written back only when a draft is restored.

use web_sys::File;

use super::ui::{Control, FieldUi};
use crate::json::{obj, Value};

/// What to read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Everything the validator needs (file metadata included).
    Validate,
    /// What the draft keeps: no files.
    Draft,
}

/// Reads every field into the submission shape (an object; field names are unique).
pub(crate) fn read(fields: &[FieldUi], purpose: Purpose) -> Value {
    // Plain loops here and below: iterator adapters compile to bigger wasm.
    let mut members = Vec::with_capacity(fields.len());
    for f in fields {
        if let Some(v) = read_one(f, purpose) {
            members.push((f.name.clone(), v));
        }
    }
    Value::Obj(members)
}

fn read_one(f: &FieldUi, purpose: Purpose) -> Option<Value> {
    Some(match &f.control {
        Control::Input(i) => Value::Str(i.value()),
        Control::Area { el, .. } => Value::Str(el.value()),
        Control::Select(s) => Value::Str(s.value()),
        Control::Radios(list) => Value::Str(
            list.iter()
                .find(|r| r.checked())
                .map(|r| r.value())
                .unwrap_or_default(),
        ),
        Control::Check(c) => Value::Bool(c.checked()),
        Control::Address(a) => obj([
            ("tinh", Value::Str(a.tinh.value())),
            ("xa", Value::Str(a.xa.value())),
            ("chi_tiet", Value::Str(a.detail.value())),
        ]),
        Control::File(input) => {
            if purpose == Purpose::Draft {
                return None;
            }
            let mut metas = Vec::new();
            for f in files(input) {
                metas.push(file_meta(&f));
            }
            Value::Arr(metas)
        }
    })
}

/// The files chosen in a file input.
pub(crate) fn files(input: &web_sys::HtmlInputElement) -> Vec<File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..list.length() {
        out.extend(list.item(i));
    }
    out
}

fn file_meta(f: &File) -> Value {
    obj([
        ("name", Value::Str(f.name())),
        ("type", Value::Str(f.type_())),
        ("size", Value::from(f.size().max(0.0) as u64)),
    ])
}

/// Restores a draft value into a field; returns the commune code to select once the
/// province's communes are loaded (address fields).
pub(crate) fn write(f: &FieldUi, value: &Value) -> Option<(String, String)> {
    let text = value.as_str().unwrap_or_default();
    match &f.control {
        Control::Input(i) => i.set_value(text),
        Control::Area { el, .. } => el.set_value(text),
        Control::Select(s) => s.set_value(text),
        Control::Radios(list) => {
            for r in list {
                r.set_checked(!text.is_empty() && r.value() == text);
            }
        }
        Control::Check(c) => c.set_checked(value.as_bool().unwrap_or(false)),
        Control::Address(a) => {
            let part = |k: &str| {
                value
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            a.detail.set_value(&part("chi_tiet"));
            let tinh = part("tinh");
            a.tinh.set_value(&tinh);
            if !tinh.is_empty() && a.tinh.value() == tinh {
                return Some((tinh, part("xa")));
            }
        }
        Control::File(_) => {}
    }
    None
}

/// Resets a field to empty (used when the citizen clears the draft).
pub(crate) fn reset(f: &FieldUi) {
    match &f.control {
        Control::Address(a) => {
            a.tinh.set_value("");
            a.detail.set_value("");
        }
        Control::File(i) => i.set_value(""),
        Control::Check(c) => c.set_checked(false),
        _ => {
            write(f, &Value::Str(String::new()));
        }
    }
}

//! Personal data in any published file: a phone, CCCD or e-mail (or a house address) inside a
//! text value is a warning (Nghị định 13/2023/NĐ-CP), except under the keys where an agency
//! declares its own contacts (hotlines and one-stop addresses are meant to be public).

use serde_json::Value;

use super::{locate, problem, Problem, Severity};
use crate::feedback::personal::{find, Kind};
use crate::i18n::Lang;

/// Keys whose values are an agency's declared contact points, or a form's hints with example
/// values ("ví dụ 0912 345 678"), never flagged; folded.
const CONTACT_KEYS: &[&str] = &[
    "contact",
    "contacts",
    "lien_he",
    "hotline",
    "hotlines",
    "offices",
    "duong_day_nong",
    "agency_contact",
    "co_quan_lien_he",
    "hint",
];

/// At most this many warnings (and one that says how many more).
const MAX: usize = 50;

pub(super) fn warnings(text: &str, lang: Lang) -> Vec<Problem> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(root) = serde_json::from_str::<Value>(body) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Kind)> = Vec::new();
    walk(&root, String::new(), &mut found);
    let mut out = Vec::new();
    for (path, kind) in found.iter().take(MAX) {
        let what = match kind {
            Kind::Phone => lang.pick("số điện thoại", "a phone number"),
            Kind::IdNumber => lang.pick("số CCCD/CMND", "a CCCD/CMND number"),
            Kind::Email => lang.pick("địa chỉ email", "an e-mail address"),
            Kind::Street => lang.pick("địa chỉ nhà", "a street address"),
        };
        out.push(problem(
            Severity::Warning,
            "personal_data",
            Some(path),
            locate(body, path),
            format!(
                "{} {what}",
                lang.pick("Có vẻ chứa thông tin cá nhân:", "Looks like personal data:")
            ),
            lang.pick(
                "Không công khai thông tin cá nhân (Nghị định 13/2023/NĐ-CP): xoá hoặc che; số đường dây nóng của cơ quan đặt trong khoá \"contact\" / \"hotline\".",
                "Do not publish personal data (Decree 13/2023): delete or mask it; an agency's hotline belongs under a \"contact\" / \"hotline\" key.",
            ),
        ));
    }
    if found.len() > MAX {
        out.push(problem(
            Severity::Warning,
            "personal_data",
            None,
            None,
            format!(
                "{} {}",
                found.len() - MAX,
                lang.pick(
                    "chỗ khác có vẻ chứa thông tin cá nhân",
                    "more places look like personal data"
                )
            ),
            "",
        ));
    }
    out
}

fn walk(v: &Value, path: String, out: &mut Vec<(String, Kind)>) {
    match v {
        Value::String(s) => {
            if let Some((kind, _)) = find(s).first() {
                out.push((if path.is_empty() { "$".into() } else { path }, *kind));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                if CONTACT_KEYS.contains(&crate::text::fold(k).replace([' ', '-'], "_").as_str()) {
                    continue;
                }
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(item, p, out);
            }
        }
        _ => {}
    }
}

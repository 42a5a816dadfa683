//! The draft in `localStorage`: what the citizen typed survives a reload, a crash, a network
//! failure; it goes away only after a confirmed submission or when the citizen clears it.
//!
//! The key is derived from the schema's absolute URL (or `default` for the built-in form), so
//! two forms on one portal keep separate drafts. Stored: the raw values exactly as typed
//! (never normalised, never the honeypot, never file contents). Storage can be missing
//! (private mode, disabled cookies, sandboxed iframes) or full: every call is fallible and the
//! form keeps working, telling the citizen that no draft can be kept.

use crate::feedback::form::is_filled;
use crate::json::Value;
use crate::web::dom::cat;

/// Prefix of every draft key.
const PREFIX: &str = "cchc-feedback-draft:";
/// Draft format version (bumped if the stored shape changes; other versions are ignored).
const VERSION: u64 = 1;

/// Prefix of the idempotency key kept with a draft.
const KEY_PREFIX: &str = "cchc-feedback-key:";

/// A draft slot for one form.
pub(crate) struct Draft {
    key: String,
    storage: Option<web_sys::Storage>,
    /// Where the draft's idempotency key is stored.
    key_slot: String,
    /// The draft's idempotency key (also kept in `storage`, so a reload keeps it).
    submission_key: std::cell::RefCell<Option<String>>,
}

impl Draft {
    /// Opens the slot for the form identified by `id` (schema URL or `default`) and checks that
    /// writing works (a probe write, removed at once).
    pub(crate) fn open(id: &str) -> Draft {
        let key = cat(PREFIX, id);
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                let probe = cat(PREFIX, "probe");
                let ok = s.set_item(&probe, "1").is_ok();
                let _ = s.remove_item(&probe);
                ok
            });
        Draft {
            key,
            storage,
            key_slot: cat(KEY_PREFIX, id),
            submission_key: Default::default(),
        }
    }

    /// The random id sent as `Idempotency-Key` with every POST of this draft: the same on every
    /// retry, also after a reload (kept in storage, or for the page's life without storage);
    /// a new one once a submission was confirmed ([`Draft::clear`]).
    #[inline(never)]
    pub(crate) fn submission_key(&self) -> String {
        let slot = &self.key_slot;
        let mut kept = self.submission_key.borrow_mut();
        if kept.is_none() {
            *kept = self
                .storage
                .as_ref()
                .and_then(|s| s.get_item(slot).ok().flatten())
                .filter(|k| {
                    (16..=64).contains(&k.len())
                        && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                });
        }
        let key = kept.get_or_insert_with(random_key).clone();
        if let Some(s) = &self.storage {
            let _ = s.set_item(slot, &key);
        }
        key
    }

    /// Whether drafts can be kept at all.
    pub(crate) fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// The stored values, if a draft of this version exists.
    pub(crate) fn load(&self) -> Option<Value> {
        let text = self.storage.as_ref()?.get_item(&self.key).ok()??;
        parse(&text)
    }

    /// Saves `values`; `false` when the browser refused (quota, storage gone).
    pub(crate) fn save(&self, values: &Value) -> bool {
        let Some(storage) = &self.storage else {
            return false;
        };
        if !is_filled(values) {
            return storage.remove_item(&self.key).is_ok();
        }
        let doc = crate::text::cat(&[
            "{\"v\":",
            &crate::num::int(VERSION),
            ",\"values\":",
            &values.to_json(),
            "}",
        ]);
        storage.set_item(&self.key, &doc).is_ok()
    }

    /// Removes the draft and its idempotency key (the next submission is a new one).
    pub(crate) fn clear(&self) {
        self.submission_key.replace(None);
        if let Some(s) = &self.storage {
            let _ = s.remove_item(&self.key);
            let _ = s.remove_item(&self.key_slot);
        }
    }
}

/// Reads a stored draft; anything unexpected is ignored rather than trusted.
fn parse(text: &str) -> Option<Value> {
    let doc = crate::json::parse(text).ok()?;
    if doc.get("v").and_then(Value::as_u64) != Some(VERSION) {
        return None;
    }
    let values = doc.get("values")?;
    (values.as_object().is_some() && is_filled(values)).then(|| values.clone())
}

/// 32 hex digits from the browser's random generator (128 bits: two drafts never share a key,
/// so a receiver never mistakes one citizen's submission for another's retry).
fn random_key() -> String {
    let mut out = String::with_capacity(32);
    for _ in 0..4 {
        let word = (js_sys::Math::random() * 4_294_967_296.0) as u32;
        for shift in (0..32).step_by(4).rev() {
            out.push(char::from(
                b"0123456789abcdef"[(word >> shift & 0xf) as usize],
            ));
        }
    }
    out
}

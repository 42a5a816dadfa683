//! UI language: Vietnamese built in, every other language a catalogue of data.
//!
//! Why it is shaped this way: citizens read Vietnamese; English and the languages of a province's
//! communities (Khmer, Thái, H'Mông, Chăm...) are for fewer readers, so they must cost the
//! Vietnamese reader nothing and a province must be able to add one without rebuilding.
//!
//! - Every text is written once in the sources as a Vietnamese/English pair, next to where it is
//!   used: `tr!(lang, "Thử lại", "Try again")`, or with named placeholders
//!   `tr!(lang, "Còn {n} ký tự", "{n} characters remaining", n = left)`; a text kept for later
//!   (a table entry, a template filled elsewhere) is a [`Msg`]: `msg!("Thử lại", "Try again")`.
//! - The Vietnamese text is the key (gettext style). In the wasm the macros never reference the
//!   English literal, so it is not in the bundle; a [`Lang`] other than Vietnamese looks the key up
//!   in a catalogue that the loader fetched from `pkg/i18n/<lang>.json` and registered with
//!   [`add_catalogue`] (through `web::i18n`). A key the catalogue lacks shows the Vietnamese.
//! - Natively (the CLI, tests) English is built in from the same pairs, so `--lang en` and the
//!   English tests keep working; other catalogues can be registered natively too.
//! - `build.rs` scans the sources with [`scan`] and compiles every pair into the native library
//!   ([`source`]); `cchc i18n extract` writes `pkg/i18n/en.json` from it and `cchc check` judges a
//!   province's catalogue against it. Command-line-only texts (`check`, the `cchc` binary) use
//!   [`Lang::pick`], which exists only natively, so they stay out of the catalogues.
//!
//! Format of a catalogue: `docs/i18n-format.md`.

mod catalogue;
pub mod scan;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

use std::cell::RefCell;
use std::fmt;

pub use catalogue::{
    is_language_subtag, Catalogue, CatalogueError, Dropped, Parsed, MAX_CATALOGUE_BYTES,
};
pub use scan::placeholders;

/// A Vietnamese text and, natively, its English translation: what `msg!("vi", "en")` builds.
/// In the wasm only the Vietnamese is kept (the key for catalogue lookups).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    /// The Vietnamese text, also the catalogue key.
    pub vi: &'static str,
    /// The English text (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub en: &'static str,
}

/// `msg!("Vietnamese", "English")`: a [`Msg`]. Both must be string literals (the catalogue
/// generator reads them from the sources); in the wasm the English literal is dropped here.
#[cfg(not(target_arch = "wasm32"))]
#[macro_export]
macro_rules! msg {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::i18n::Msg { vi: $vi, en: $en }
    };
}

/// `msg!("Vietnamese", "English")`: a [`Msg`] (wasm: the English literal is not compiled).
#[cfg(target_arch = "wasm32")]
#[macro_export]
macro_rules! msg {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::i18n::Msg { vi: $vi }
    };
}

/// `tr!(lang, "Vietnamese", "English")` is the text in `lang` (`&'static str`);
/// `tr!(lang, "Còn {n} ký tự", "{n} characters remaining", n = value)` fills the named
/// placeholders with [`Arg`] values: strings and integers (a `String`). The texts must be string literals with the
/// same placeholders, one `name = value` for each (the build checks).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(,)?) => {
        $crate::i18n::Lang::text($lang, $crate::msg!($vi, $en))
    };
    ($lang:expr, $vi:literal, $en:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Lang::fill_args(
            $lang,
            $crate::msg!($vi, $en),
            concat!($(stringify!($name), " "),+),
            &[$(&$value as &dyn $crate::i18n::Arg),+],
        )
    };
}

/// The language of a widget or a command: Vietnamese, built-in English (native only) or a
/// registered catalogue. A small index, so it stays `Copy`.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Lang(u8);

/// Registered catalogues are numbered from here (native builds keep 1 for built-in English).
const FIRST_ADDED: u8 = if cfg!(target_arch = "wasm32") { 1 } else { 2 };

/// At most this many catalogues are registered (a page needs one or two).
pub const MAX_CATALOGUES: usize = 16;

thread_local! {
    /// The registered catalogues, leaked: they live as long as the page (or process), so
    /// lookups hand out `&'static str` and [`Lang`] stays a plain index.
    static ADDED: RefCell<Vec<&'static Catalogue>> = const { RefCell::new(Vec::new()) };
}

#[allow(non_upper_case_globals)]
impl Lang {
    /// Tiếng Việt (default, built in).
    pub const Vi: Lang = Lang(0);
    /// English, built in from the sources' pairs (native builds only: the wasm reads
    /// `pkg/i18n/en.json` like any other catalogue).
    #[cfg(not(target_arch = "wasm32"))]
    pub const En: Lang = Lang(1);

    /// The language for a BCP 47 tag such as `vi`, `vi-VN`, `km-KH`: its primary subtag's
    /// registered catalogue (natively also built-in `en`), else Vietnamese.
    pub fn from_tag(tag: &str) -> Lang {
        // The primary subtag: up to the first `-` or `_` (a byte scan, not a `char` pattern
        // search: smaller wasm in every widget).
        let tag = tag.trim();
        let end = tag.bytes().position(|b| b == b'-' || b == b'_');
        let primary = tag.get(..end.unwrap_or(tag.len())).unwrap_or("");
        #[cfg(not(target_arch = "wasm32"))]
        if primary.eq_ignore_ascii_case("en") {
            return Lang::En;
        }
        ADDED.with(|a| {
            a.borrow()
                .iter()
                .position(|c| c.lang.eq_ignore_ascii_case(primary))
                .map_or(Lang::Vi, |i| Lang(FIRST_ADDED + i as u8))
        })
    }

    /// The primary language subtag (`vi`, `en`, `km`): for `lang` attributes and submissions.
    pub fn tag(self) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Lang::En {
            return "en";
        }
        self.catalogue().map_or("vi", |c| c.lang.as_str())
    }

    /// The text of `m` in this language (the Vietnamese when the catalogue lacks it). One shared
    /// body (not inlined into the ~400 call sites: smaller wasm).
    #[inline(never)]
    pub fn text(self, m: Msg) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Lang::En {
            return m.en;
        }
        self.translate(m.vi).unwrap_or(m.vi)
    }

    /// [`Lang::text`] with its `{name}` placeholders filled, as `tr!` calls it: the placeholder
    /// names in one static text, each followed by a space (`"n date "`), and the values in the
    /// same order. One (pointer, length) pair per call instead of one per argument makes each of
    /// the ~70 `tr!` sites with arguments in a widget smaller in the wasm. The first value of a
    /// name counts; a placeholder without a value, and any other brace, stays as written.
    #[inline(never)]
    pub fn fill_args(self, m: Msg, names: &str, values: &[&dyn Arg]) -> String {
        fill_with(self.text(m), &mut |name, out| {
            for (k, v) in crate::text::split_ascii(names, b' ').zip(values) {
                if k == name {
                    v.put(out);
                    return true;
                }
            }
            false
        })
    }

    /// The registered catalogue's translation of a Vietnamese text known only at run time (the
    /// built-in form's labels); `None` for Vietnamese and built-in English.
    pub fn translate(self, vi: &str) -> Option<&'static str> {
        self.catalogue()?.get(vi)
    }

    /// The decimal separator: `,` in Vietnamese, as the catalogue says otherwise.
    pub fn decimal_separator(self) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Lang::En {
            return ".";
        }
        self.catalogue()
            .map_or(",", |c| c.decimal_separator.as_str())
    }

    /// The thousands separator: `.` in Vietnamese, as the catalogue says otherwise.
    pub fn group_separator(self) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        if self == Lang::En {
            return ",";
        }
        self.catalogue().map_or(".", |c| c.group_separator.as_str())
    }

    /// Chooses between a Vietnamese and an English text, for the command line's own messages
    /// only (`check`, the `cchc` binary): they are not in the catalogues, and this method does not
    /// exist in the wasm, so no widget text can bypass them. Any language but English gets the
    /// Vietnamese.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        if self == Lang::En {
            en
        } else {
            vi
        }
    }

    fn catalogue(self) -> Option<&'static Catalogue> {
        let i = usize::from(self.0.checked_sub(FIRST_ADDED)?);
        ADDED.with(|a| a.borrow().get(i).copied())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Registers the catalogue `text` for the primary language subtag `tag` (what the loader calls
/// with `pkg/i18n/<tag>.json`); afterwards [`Lang::from_tag`] finds it.
///
/// `None` (and nothing registered) when `tag` is not a language subtag, is `vi` (or natively
/// `en`, which is built in), differs from the catalogue's `lang`, when the text is not a valid
/// catalogue ([`Catalogue::parse`]) or [`MAX_CATALOGUES`] are registered. The first valid
/// catalogue of a tag stays: a later one for the same tag is checked but not registered (so
/// repeated calls cost no memory), and its `Lang` is returned.
pub fn add_catalogue(tag: &str, text: &str) -> Option<Lang> {
    let tag = tag.trim();
    if !is_language_subtag(tag) || tag.eq_ignore_ascii_case("vi") {
        return None;
    }
    #[cfg(not(target_arch = "wasm32"))]
    if tag.eq_ignore_ascii_case("en") {
        return None;
    }
    let parsed = Catalogue::parse(text).ok()?;
    if !parsed.catalogue.lang.eq_ignore_ascii_case(tag) {
        return None;
    }
    let known = Lang::from_tag(tag);
    if known != Lang::Vi {
        return Some(known);
    }
    ADDED.with(|a| {
        let mut a = a.borrow_mut();
        if a.len() >= MAX_CATALOGUES {
            return None;
        }
        a.push(Box::leak(Box::new(parsed.catalogue)));
        Some(Lang(FIRST_ADDED + (a.len() - 1) as u8))
    })
}

/// A value for a placeholder: text or an integer, written as `{}` writes it (numbers with
/// [`crate::num`]: core's formatting machinery, which `&dyn Display` needed, stays out of the
/// wasm). Numbers shown to readers in their convention (separators) are passed as text.
pub trait Arg {
    /// Appends the value to `out`.
    fn put(&self, out: &mut String);
}

impl Arg for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Arg for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn put(&self, out: &mut String) {
                crate::num::push_int(out, *self);
            }
        }
    )*};
}
int_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// The one placeholder filler: `put(name, out)` appends the value of `name` to `out` and says
/// whether it knew the name; an unknown placeholder, and any other brace, stays as written.
pub fn fill_with(template: &str, put: &mut dyn FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = crate::text::find_ascii(rest, b'{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let after = after.get(1..).unwrap_or_default();
        let name = scan::placeholder_len(after).and_then(|n| Some((n, after.get(..n)?)));
        match name {
            Some((n, name)) if put(name, &mut out) => {
                rest = after.get(n + 1..).unwrap_or_default();
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A count with thousands separators: `2642` → `2.642` (Vietnamese) or `2,642` (English).
pub fn format_count(n: usize, lang: Lang) -> String {
    let digits = crate::num::int(n);
    let sep = lang.group_separator();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The loader's texts around the agency's contact points (`js/cchc-widgets.js` `hotlines`, which
/// draws them in every widget: src/web/contacts.rs; its link to the feedback page reads as the
/// form's button, "Gửi phản ánh, kiến nghị"), listed here so that the catalogues carry them
/// (`build.rs` reads every `msg!` site of `src/`). Not in the wasm: the loader shows them.
#[cfg(not(target_arch = "wasm32"))]
pub const LOADER_HOTLINES: [Msg; 5] = [
    msg!("Liên hệ, hỗ trợ", "Contacts and help"),
    msg!("Giờ làm việc", "Opening hours"),
    msg!("Điện thoại", "Phone"),
    msg!(
        "Cần hỗ trợ? Gọi đường dây nóng:",
        "Need help? Call the hotline:"
    ),
    msg!(
        "Số điện thoại ví dụ (dữ liệu mẫu), không gọi được.",
        "Example numbers (sample data): they cannot be called."
    ),
];

/// The shared UI strings of the widget shell (each widget's own strings live with its module),
/// and the loader's, which it shows before the wasm runs (`js/cchc-widgets.js` reads them from
/// the catalogue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    Loading,
    LoadErrorTitle,
    Retry,
    TechnicalDetails,
    RenderError,
    /// The loader's placeholder while the wasm downloads.
    LoaderLoading,
    /// The loader's message when the wasm itself cannot be loaded (its panel's details are
    /// headed by [`Ui::TechnicalDetails`]).
    LoaderFailed,
}

impl Ui {
    /// Every entry, for tests and for the catalogue listing.
    pub const ALL: [Ui; 7] = [
        Ui::Loading,
        Ui::LoadErrorTitle,
        Ui::Retry,
        Ui::TechnicalDetails,
        Ui::RenderError,
        Ui::LoaderLoading,
        Ui::LoaderFailed,
    ];

    /// The text of this entry in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Ui::Loading => msg!("Đang tải dữ liệu…", "Loading data…"),
            Ui::LoadErrorTitle => msg!("Chưa tải được dữ liệu", "The data could not be loaded"),
            Ui::Retry => msg!("Thử lại", "Try again"),
            Ui::TechnicalDetails => msg!(
                "Thông tin kỹ thuật cho quản trị trang",
                "Technical details for the site administrator"
            ),
            Ui::RenderError => msg!(
                "Chức năng gặp lỗi khi hiển thị. Vui lòng tải lại trang.",
                "This feature failed to display. Please reload the page."
            ),
            Ui::LoaderLoading => msg!("Đang tải…", "Loading…"),
            Ui::LoaderFailed => msg!(
                "Không tải được chức năng này. Vui lòng kiểm tra kết nối mạng và thử lại.",
                "This feature could not be loaded. Please check your connection and try again."
            ),
        })
    }
}

#[cfg(test)]
mod tests;

//! UI language: Vietnamese first, English as the second catalogue.
//!
//! Every user-facing message in the core is produced for a [`Lang`]; the web shell picks the
//! language from the nearest `lang` attribute, the CLI from `--lang`.

/// The languages the widgets speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the catalogue for a BCP 47 tag such as `vi`, `vi-VN`, `en-GB`; anything else is Vietnamese.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// Chooses between a Vietnamese and an English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A count with thousands separators: `2642` → `2.642` (Vietnamese) or `2,642` (English).
pub fn format_count(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The shared UI strings of the widget shell (each widget's own strings live with its module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    Loading,
    LoadErrorTitle,
    Retry,
    TechnicalDetails,
    RenderError,
}

impl Ui {
    /// Every entry, for tests and for the catalogue listing.
    pub const ALL: [Ui; 5] = [
        Ui::Loading,
        Ui::LoadErrorTitle,
        Ui::Retry,
        Ui::TechnicalDetails,
        Ui::RenderError,
    ];

    /// The text of this entry in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Ui::Loading => lang.pick("Đang tải dữ liệu…", "Loading data…"),
            Ui::LoadErrorTitle => {
                lang.pick("Chưa tải được dữ liệu", "The data could not be loaded")
            }
            Ui::Retry => lang.pick("Thử lại", "Try again"),
            Ui::TechnicalDetails => lang.pick(
                "Thông tin kỹ thuật cho quản trị trang",
                "Technical details for the site administrator",
            ),
            Ui::RenderError => lang.pick(
                "Chức năng gặp lỗi khi hiển thị. Vui lòng tải lại trang.",
                "This feature failed to display. Please reload the page.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("vi"), Lang::Vi);
        assert_eq!(Lang::from_tag(""), Lang::Vi);
        assert_eq!(Lang::from_tag("fr"), Lang::Vi);
    }

    #[test]
    fn counts() {
        assert_eq!(format_count(0, Lang::Vi), "0");
        assert_eq!(format_count(999, Lang::Vi), "999");
        assert_eq!(format_count(2642, Lang::Vi), "2.642");
        assert_eq!(format_count(1234567, Lang::En), "1,234,567");
    }

    #[test]
    fn catalogue_is_complete() {
        for ui in Ui::ALL {
            assert!(!ui.text(Lang::Vi).is_empty());
            assert!(!ui.text(Lang::En).is_empty());
            assert_ne!(ui.text(Lang::Vi), ui.text(Lang::En), "{ui:?} untranslated");
        }
    }
}

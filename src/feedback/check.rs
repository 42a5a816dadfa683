//! The result every validator returns, and the issue type validators build it from.
//!
//! Validators never format text themselves: they return an [`Issue`] (a stable code plus
//! parameters), and [`super::messages`] turns it into Vietnamese or English. That keeps one
//! catalogue for review and lets an agency's schema override any message by code.

use serde::Serialize;

use super::messages;
use crate::i18n::Lang;

/// A problem (or a notice) found by a validator: a stable code and the values its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Stable machine code, e.g. `mobile_old_prefix`; listed in docs/phan-anh-format.md.
    pub code: &'static str,
    /// Named values for the message template, e.g. `("max", "200")`.
    pub params: Vec<(&'static str, String)>,
}

impl Issue {
    /// An issue without parameters.
    // Not inlined: built at dozens of sites, one shared body is smaller wasm.
    #[inline(never)]
    pub fn new(code: &'static str) -> Issue {
        Issue {
            code,
            params: Vec::new(),
        }
    }

    /// Adds one template parameter.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Issue {
        self.params.push((name, value.into()));
        self
    }

    /// Adds one numeric template parameter (the validators' counts, limits and years), written
    /// by [`crate::num::int`].
    pub fn with_num(self, name: &'static str, value: impl crate::num::Int) -> Issue {
        self.with(name, crate::num::int(value))
    }

    /// The value of a parameter, if set.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The built-in message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        messages::render(messages::builtin(self.code, lang), &self.params)
    }
}

/// A non-blocking notice attached to a value (the value is still accepted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Stable code, e.g. `cccd_unknown_province`.
    pub code: &'static str,
    /// Human message in the requested language.
    pub message: String,
}

/// The outcome of checking one value: what `cchc check-field` prints and the widget shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldCheck {
    /// Whether the value is acceptable.
    pub valid: bool,
    /// The canonical form to store and submit (only when valid).
    pub normalized: Option<String>,
    /// Error code when invalid.
    pub code: Option<&'static str>,
    /// Error message when invalid, in the requested language.
    pub message: Option<String>,
    /// Notices that do not block submission (e.g. invisible characters removed).
    pub warnings: Vec<Notice>,
    /// A corrected value the user may want (e.g. the new 10-digit number for a dead 11-digit one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// What a validator produces before messages are rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `Ok(normalized)` or the blocking issue.
    pub result: Result<String, Issue>,
    /// Non-blocking issues.
    pub warnings: Vec<Issue>,
    /// A corrected value to offer.
    pub suggestion: Option<String>,
}

impl Outcome {
    /// A valid value.
    // Not inlined: built at dozens of sites, one shared body is smaller wasm.
    #[inline(never)]
    pub fn ok(normalized: String) -> Outcome {
        Outcome {
            result: Ok(normalized),
            warnings: Vec::new(),
            suggestion: None,
        }
    }

    /// An invalid value.
    // Not inlined: built at dozens of sites, one shared body is smaller wasm.
    #[inline(never)]
    pub fn err(issue: Issue) -> Outcome {
        Outcome {
            result: Err(issue),
            warnings: Vec::new(),
            suggestion: None,
        }
    }

    /// Adds warnings (kept whatever the result).
    #[inline(never)]
    pub fn warn(mut self, mut warnings: Vec<Issue>) -> Outcome {
        warnings.append(&mut self.warnings);
        self.warnings = warnings;
        self
    }

    /// Puts the input-cleaning notice (invisible characters removed), if any, before the other
    /// warnings: `outcome.noticed(notice)` is `outcome.warn(notice.into_iter().collect())` in
    /// one shared, non-inlined body.
    #[inline(never)]
    pub fn noticed(mut self, notice: Option<Issue>) -> Outcome {
        if let Some(n) = notice {
            self.warnings.insert(0, n);
        }
        self
    }

    /// Renders the outcome in `lang`.
    pub fn render(self, lang: Lang) -> FieldCheck {
        let warnings = self
            .warnings
            .iter()
            .map(|w| Notice {
                code: w.code,
                message: w.message(lang),
            })
            .collect();
        match self.result {
            Ok(normalized) => FieldCheck {
                valid: true,
                normalized: Some(normalized),
                code: None,
                message: None,
                warnings,
                suggestion: self.suggestion,
            },
            Err(issue) => FieldCheck {
                valid: false,
                normalized: None,
                code: Some(issue.code),
                message: Some(issue.message(lang)),
                warnings,
                suggestion: self.suggestion,
            },
        }
    }
}

//! Calendar dates as Vietnamese write them: `dd/mm/yyyy`.
//!
//! Forms ask for dates of birth and of events. People type `27/3/2007`, `27-03-2007`,
//! `27.03.2007` or, from a date picker, `2007-03-27`; all are accepted and normalised to
//! `dd/mm/yyyy`. The day must exist on the real (proleptic Gregorian) calendar. "Today" is always
//! a parameter: the core never reads the clock, so browser, CLI and tests agree.

use super::check::{Issue, Outcome};
use super::clean;

pub use crate::date::{days_in_month, is_leap, Date};

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Rules a date field may add.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRule {
    /// The date must not be after today (dates of birth, events that happened).
    pub not_future: bool,
    /// Earliest accepted year.
    pub min_year: Option<i32>,
}

/// Reads a user-typed date; errors are `date_format` or `date_not_real`.
pub fn parse_user_date(input: &str) -> Result<Date, Issue> {
    let (cleaned, _) = clean::strip_invisible(&clean::ascii_digits(input));
    let s = cleaned.trim();
    if clean::char_len(s) > 30 {
        return Err(Issue::new("date_format"));
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(Issue::new("date_format"));
    };
    if !(all_digits(a) && all_digits(b) && all_digits(c)) {
        return Err(Issue::new("date_format"));
    }
    let (y, m, d) = if a.len() == 4 && c.len() <= 2 {
        (*a, *b, *c)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        (*c, *b, *a)
    } else {
        return Err(Issue::new("date_format"));
    };
    let num = crate::num::digits;
    let (year, month, day) = match (
        num(y).and_then(|v| i32::try_from(v).ok()),
        num(m).and_then(|v| u8::try_from(v).ok()),
        num(d).and_then(|v| u8::try_from(v).ok()),
    ) {
        (Some(y), Some(m), Some(d)) => (y, m, d),
        _ => return Err(Issue::new("date_format")),
    };
    Date::new(year, month, day).ok_or_else(|| {
        Issue::new("date_not_real").with("date", crate::text::cat(&[d, "/", m, "/", y]))
    })
}

/// Checks a date against `rule`, "today" being `today`; normalised to `dd/mm/yyyy`.
pub fn check_date(input: &str, rule: DateRule, today: Date) -> Outcome {
    let (_, notice) = clean::strip_invisible(input);
    let outcome = match parse_user_date(input) {
        Err(issue) => Outcome::err(issue),
        Ok(date) if rule.min_year.is_some_and(|min| date.year() < min) => Outcome::err(
            Issue::new("date_too_old").with_num("min", rule.min_year.unwrap_or_default()),
        ),
        Ok(date) if rule.not_future && date > today => Outcome::err(Issue::new("date_future")),
        Ok(date) => Outcome::ok(date.to_vi()),
    };
    outcome.noticed(notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = match Date::new(2025, 8, 15) {
        Some(d) => d,
        None => panic!("invalid test date"),
    };

    fn norm(s: &str) -> Result<String, &'static str> {
        check_date(s, DateRule::default(), TODAY)
            .result
            .map_err(|e| e.code)
    }

    #[test]
    fn real_calendar() {
        assert_eq!(norm("29/02/2024"), Ok("29/02/2024".into()));
        assert_eq!(norm("29/02/2023"), Err("date_not_real"));
        assert_eq!(norm("29/02/1900"), Err("date_not_real"));
        assert_eq!(norm("29/02/2000"), Ok("29/02/2000".into()));
        assert_eq!(norm("31/04/2025"), Err("date_not_real"));
        assert_eq!(norm("31/12/2025"), Ok("31/12/2025".into()));
        assert_eq!(norm("00/01/2025"), Err("date_not_real"));
        assert_eq!(norm("01/13/2025"), Err("date_not_real"));
    }

    #[test]
    fn accepted_spellings() {
        for s in [
            "7/3/2007",
            "07/03/2007",
            "7-3-2007",
            "07.03.2007",
            " 7 / 3 / 2007 ",
            "2007-03-07",
            "０７/０３/２００７",
        ] {
            assert_eq!(norm(s), Ok("07/03/2007".into()), "{s}");
        }
        for s in [
            "7/3/07",
            "2007/3",
            "hôm qua",
            "",
            "1/2/3/2004",
            "123/1/2004",
            "07/03/20071",
            "+7/3/2007",
        ] {
            assert_eq!(norm(s), Err("date_format"), "{s}");
        }
    }

    #[test]
    fn rules_use_the_given_today() {
        let past = DateRule {
            not_future: true,
            min_year: Some(1900),
        };
        assert!(check_date("15/08/2025", past, TODAY).result.is_ok());
        assert_eq!(
            check_date("16/08/2025", past, TODAY)
                .result
                .map_err(|e| e.code),
            Err("date_future")
        );
        assert_eq!(
            check_date("31/12/1899", past, TODAY)
                .result
                .map_err(|e| e.code),
            Err("date_too_old")
        );
        assert_eq!(Date::parse_iso("2025-08-15"), Some(TODAY));
        assert_eq!(Date::parse_iso("2025-02-30"), None);
        assert_eq!(TODAY.to_iso(), "2025-08-15");
        assert_eq!(Date::from_days_since_epoch(0).to_iso(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(20_315), TODAY);
        assert_eq!(Date::from_days_since_epoch(19_782).to_iso(), "2024-02-29");
        assert_eq!(Date::from_days_since_epoch(-1).to_iso(), "1969-12-31");
    }
}

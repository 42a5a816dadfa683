//! Civil dates: the one date type of the crate (plans' deadlines, form dates, "today").
//!
//! Vietnam has one time zone (UTC+7, no daylight saving) and plans and forms speak in calendar
//! days, so nothing here needs times or time zones: a day is a day. This type is enough for quarter
//! and month ends, leap years, day differences and the clock's day number, and keeps
//! `chrono`/`time` out of the wasm bundle. The core never reads the clock: callers pass "today".

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date (year 1..=9999). Always valid once constructed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1..=12) of `year`; 0 for an invalid month.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` if it does not exist (31/02, month 13, year outside 1..=9999).
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// The civil date `days` days after 1970-01-01 (negative: before), proleptic Gregorian
    /// (H. Hinnant's `civil_from_days`), clamped to years 1..=9999. For turning a clock into
    /// "today"; the core itself never reads a clock.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days.clamp(-719_162, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month (1..=12).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// 1 January of `year`.
    pub fn year_start(year: i32) -> Option<Date> {
        Date::new(year, 1, 1)
    }

    /// 31 December of `year`.
    pub fn year_end(year: i32) -> Option<Date> {
        Date::new(year, 12, 31)
    }

    /// First day of `month`.
    pub fn month_start(year: i32, month: u8) -> Option<Date> {
        Date::new(year, month, 1)
    }

    /// Last day of `month`.
    pub fn month_end(year: i32, month: u8) -> Option<Date> {
        Date::new(year, month, days_in_month(year, month))
    }

    /// First day of quarter `q` (1..=4).
    pub fn quarter_start(year: i32, q: u8) -> Option<Date> {
        if !(1..=4).contains(&q) {
            return None;
        }
        Date::month_start(year, q * 3 - 2)
    }

    /// Last day of quarter `q` (1..=4).
    pub fn quarter_end(year: i32, q: u8) -> Option<Date> {
        if !(1..=4).contains(&q) {
            return None;
        }
        Date::month_end(year, q * 3)
    }

    /// Parses `YYYY-MM-DD` (ISO 8601 calendar date, the only form the data files use).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = crate::text::split_ascii(s.trim(), b'-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        // `num::digits`, not `str::parse`: std's integer parsers cost every widget ~0.3 KB gzip.
        let n = |p: &str| crate::num::digits(p);
        Date::new(
            i32::try_from(n(y)?).ok()?,
            u8::try_from(n(m)?).ok()?,
            u8::try_from(n(d)?).ok()?,
        )
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (for differences only).
    fn day_number(self) -> i64 {
        // Shift the year to start in March so the leap day is the last day of the year.
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + i64::from(self.day) - 1
    }

    /// `other - self` in days (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.day_number() - self.day_number()
    }

    /// Quarter (1..=4) the date falls in.
    pub fn quarter(self) -> u8 {
        (self.month - 1) / 3 + 1
    }

    /// Vietnamese display form `dd/mm/yyyy`.
    pub fn to_vi(self) -> String {
        let mut out = String::with_capacity(10);
        for part in [self.day, self.month] {
            crate::num::push_padded(&mut out, part, 2);
            out.push('/');
        }
        crate::num::push_padded(&mut out, self.year, 4);
        out
    }

    /// ISO form `yyyy-mm-dd` (also what `Display` and `Serialize` give).
    pub fn to_iso(self) -> String {
        let mut out = String::with_capacity(10);
        crate::num::push_padded(&mut out, self.year, 4);
        for part in [self.month, self.day] {
            out.push('-');
            crate::num::push_padded(&mut out, part, 2);
        }
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap_or_else(|| panic!("bad test date {y}-{m}-{day}"))
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap(2024) && is_leap(2000) && !is_leap(1900) && !is_leap(2025));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2025, 4), 30);
        assert_eq!(days_in_month(2025, 13), 0);
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 0, 1).is_none());
    }

    #[test]
    fn quarter_bounds() {
        assert_eq!(Date::quarter_start(2025, 2), Some(d(2025, 4, 1)));
        assert_eq!(Date::quarter_end(2025, 3), Some(d(2025, 9, 30)));
        assert_eq!(Date::quarter_end(2025, 4), Some(d(2025, 12, 31)));
        assert_eq!(Date::quarter_end(2025, 5), None);
        assert_eq!(d(2025, 11, 23).quarter(), 4);
    }

    #[test]
    fn iso_round_trip_and_rejects() {
        assert_eq!(Date::parse_iso("2025-01-31"), Some(d(2025, 1, 31)));
        assert_eq!(d(2025, 1, 31).to_string(), "2025-01-31");
        assert_eq!(d(7, 3, 5).to_vi(), "05/03/0007");
        assert_eq!(d(7, 3, 5).to_iso(), "0007-03-05");
        for bad in [
            "2025-1-31",
            "2025-02-30",
            "25-01-01",
            "2025-01-01-",
            "abcd-ef-gh",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn from_the_clock() {
        assert_eq!(Date::from_days_since_epoch(0).to_iso(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(19_782).to_iso(), "2024-02-29");
        assert_eq!(Date::from_days_since_epoch(-1).to_iso(), "1969-12-31");
        assert_eq!(Date::from_days_since_epoch(i64::MAX).to_iso(), "9999-12-31");
        assert_eq!(Date::from_days_since_epoch(i64::MIN).to_iso(), "0001-01-01");
        let d = Date::from_days_since_epoch(20_415);
        assert_eq!(Date::from_days_since_epoch(d.days_until(d) + 20_415), d);
    }

    #[test]
    fn differences() {
        assert_eq!(d(2025, 1, 1).days_until(d(2025, 12, 31)), 364);
        assert_eq!(d(2024, 1, 1).days_until(d(2025, 1, 1)), 366);
        assert_eq!(d(2025, 3, 1).days_until(d(2025, 2, 28)), -1);
        assert_eq!(d(2024, 2, 28).days_until(d(2024, 3, 1)), 2);
    }
}

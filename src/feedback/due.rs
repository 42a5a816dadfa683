//! When an answer is due: a number of working days after receipt.
//!
//! Why it exists: agencies count the time to answer feedback in working days (ngày làm việc):
//! Saturdays and Sundays do not count, nor do public holidays, and those move every year (Tết
//! follows the lunar calendar, a holiday on a weekend gives a day off after it). So the calendar
//! is data the agency keeps (`holidays` in `phan-anh.json`), never a table compiled in here.

use crate::date::Date;

/// Monday = 0 … Sunday = 6.
pub fn weekday(d: Date) -> u8 {
    let days = Date::from_days_since_epoch(0).days_until(d);
    // 1970-01-01 was a Thursday (3).
    (days + 3).rem_euclid(7) as u8
}

/// Whether `d` is a working day: Monday to Friday and not in `holidays`.
pub fn is_working_day(d: Date, holidays: &[Date]) -> bool {
    weekday(d) < 5 && !holidays.contains(&d)
}

/// The day `days` working days after `received` (the day of receipt itself does not count, as
/// a deadline "within 10 working days from receipt" is read). `days = 0` is the day of receipt.
pub fn due_date(received: Date, days: u32, holidays: &[Date]) -> Date {
    let start = Date::from_days_since_epoch(0).days_until(received);
    let mut d = received;
    let mut left = days;
    let mut offset = 0i64;
    // Bounded: at most `days` working days, and no calendar has a year without one.
    while left > 0 && offset < i64::from(days) * 7 + 400 {
        offset += 1;
        d = Date::from_days_since_epoch(start + offset);
        if is_working_day(d, holidays) {
            left -= 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(day("2026-12-07")), 0, "a Monday");
        assert_eq!(weekday(day("2026-12-06")), 6, "a Sunday");
        assert_eq!(weekday(day("2000-02-29")), 1, "a Tuesday");
    }

    #[test]
    fn weekends_and_holidays_do_not_count() {
        // Received on a Friday: 10 working days later is the Friday two weeks on.
        assert_eq!(due_date(day("2026-12-04"), 10, &[]), day("2026-12-18"));
        // Received on a Saturday: the first working day is Monday.
        assert_eq!(due_date(day("2026-12-05"), 1, &[]), day("2026-12-07"));
        assert_eq!(due_date(day("2026-12-05"), 0, &[]), day("2026-12-05"));
        // Across Tết: the agency's list of days off moves the date by them.
        let tet: Vec<Date> = (14..=22).map(|d| day(&format!("2026-02-{d:02}"))).collect();
        assert_eq!(due_date(day("2026-02-12"), 3, &[]), day("2026-02-17"));
        assert_eq!(due_date(day("2026-02-12"), 3, &tet), day("2026-02-24"));
    }
}

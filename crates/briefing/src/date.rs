//! Calendar dates and local times as a briefing needs them: parsed from the store's ISO text,
//! compared, shifted by days, and written the Vietnamese ways (`23/11/2026`, `ngày 23 tháng 11
//! năm 2026`, `Thứ Hai`).
//!
//! A small type of our own rather than a date crate: the briefing needs a dozen lines of civil
//! calendar arithmetic, and its serialised form must be the plain `YYYY-MM-DD` text the store and
//! the JSON format use.

use serde::{Serialize, Serializer};
use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// What was wrong with a date or time given as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date: write it as YYYY-MM-DD, for example 2026-11-23")]
    Format(String),
    #[error("`{0}` is not a day of the calendar (check the month and the day)")]
    OutOfRange(String),
    #[error(
        "`{0}` is not a local time: write it as YYYY-MM-DDTHH:MM, for example 2026-11-23T06:30"
    )]
    TimeFormat(String),
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`; a longer ISO timestamp (`2026-11-23T06:30:00+07:00`) is read for its
    /// date, which is how the store writes publication times.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let head = t
            .get(..10)
            .ok_or_else(|| DateError::Format(t.to_string()))?;
        let rest = &t[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return Err(DateError::Format(t.to_string()));
        }
        let b = head.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = head.get(r)?;
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        if b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format(t.to_string()));
        }
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(DateError::Format(t.to_string()));
        };
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
            return Err(DateError::OutOfRange(t.to_string()));
        };
        Date::new(y, m, d).ok_or_else(|| DateError::OutOfRange(t.to_string()))
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-calendar algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after (or before, when negative) this one; `None` outside years 1-9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        let z = self.days_since_epoch().checked_add(days)? + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// `Thứ Hai` … `Chủ nhật`.
    pub fn weekday_vi(self) -> &'static str {
        // 1970-01-01 was a Thursday.
        const NAMES: [&str; 7] = [
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
            "Chủ nhật",
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
        ];
        NAMES[self.days_since_epoch().rem_euclid(7) as usize]
    }

    /// `23/11/2026`, the short form used in running text.
    pub fn short_vi(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// `ngày 23 tháng 11 năm 2026` as Decree 30/2020/NĐ-CP writes the date of a document: a day
    /// below 10 and the months 1 and 2 take a leading zero (`ngày 05 tháng 02 năm 2026`), so that
    /// nobody can add a digit to them afterwards.
    pub fn long_vi(self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {} năm {}", self.day, month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A local time of day on a date, to the minute (the ministry works on Hà Nội time; the caller
/// converts before building the briefing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
}

impl DateTime {
    pub fn new(date: Date, hour: u8, minute: u8) -> Option<DateTime> {
        (hour < 24 && minute < 60).then_some(DateTime { date, hour, minute })
    }

    /// Parses `YYYY-MM-DDTHH:MM` (seconds and an offset after it are ignored).
    pub fn parse(text: &str) -> Result<DateTime, DateError> {
        let t = text.trim();
        let err = || DateError::TimeFormat(t.to_string());
        let date = Date::parse(t.get(..10).ok_or_else(err)?)?;
        let time = t.get(11..16).ok_or_else(err)?;
        if !matches!(t.as_bytes().get(10), Some(b'T' | b' ')) || time.as_bytes()[2] != b':' {
            return Err(err());
        }
        let hour = time[..2].parse::<u8>().map_err(|_| err())?;
        let minute = time[3..].parse::<u8>().map_err(|_| err())?;
        DateTime::new(date, hour, minute).ok_or_else(err)
    }

    pub fn date(self) -> Date {
        self.date
    }
    pub fn hour(self) -> u8 {
        self.hour
    }
    pub fn minute(self) -> u8 {
        self.minute
    }

    /// `06:30 ngày 23/11/2026`.
    pub fn short_vi(self) -> String {
        format!(
            "{:02}:{:02} ngày {}",
            self.hour,
            self.minute,
            self.date.short_vi()
        )
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour, self.minute)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `23/11/2026` for an ISO date written by the store, or the text as it is when it is not one
/// (`--11-23`, a year alone): a source's date is shown, never dropped.
pub fn short_vi_of(iso: &str) -> String {
    match Date::parse(iso) {
        Ok(d) => d.short_vi(),
        Err(_) => iso.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_days() {
        let d = Date::new(2026, 11, 23).unwrap();
        assert_eq!(d.add_days(0), Some(d));
        assert_eq!(d.add_days(8).unwrap().to_string(), "2026-12-01");
        assert_eq!(d.add_days(-23 - 31).unwrap().to_string(), "2026-09-30");
        assert_eq!(
            Date::new(2024, 2, 28)
                .unwrap()
                .add_days(1)
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn vietnamese_forms() {
        let d = Date::parse("2026-11-23").unwrap();
        assert_eq!(d.weekday_vi(), "Thứ Hai");
        assert_eq!(d.long_vi(), "ngày 23 tháng 11 năm 2026");
        assert_eq!(
            Date::parse("2026-02-05").unwrap().long_vi(),
            "ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            Date::parse("2026-03-05T08:00:00+07:00").unwrap().long_vi(),
            "ngày 05 tháng 3 năm 2026"
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "23/11/2026",
            "2026-1-1",
            "２０２６-11-23",
            "2026-11-23x",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(DateTime::parse("2026-11-23T24:00").is_err());
        assert_eq!(
            DateTime::parse("2026-11-23T06:30").unwrap().to_string(),
            "2026-11-23T06:30"
        );
    }
}

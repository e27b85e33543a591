//! A calendar day, the resolution stories work at.

use serde::{Serialize, Serializer};

/// A day as a count from 1970-01-01 (proleptic Gregorian). Parsed from and shown as
/// `YYYY-MM-DD`, the form tre stores dates in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// `YYYY-MM-DD`, optionally followed by a time (`2023-01-10T17:37`), as tre-page writes
    /// `published`. `None` for anything else, including impossible dates.
    pub fn parse(s: &str) -> Option<Day> {
        let s = s.trim();
        let date = s.get(..10)?;
        if s.len() > 10 && !s[10..].starts_with(['T', ' ']) {
            return None;
        }
        let b = date.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: i32 = date[..4].parse().ok()?;
        let m: u32 = date[5..7].parse().ok()?;
        let d: u32 = date[8..10].parse().ok()?;
        Day::from_ymd(y, m, d)
    }

    /// The day of a calendar date, `None` when there is no such date.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days_in = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if d == 0 || d > days_in {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_bad_dates() {
        for s in ["1970-01-01", "2000-02-29", "2024-03-29", "1999-12-31"] {
            assert_eq!(Day::parse(s).map(|d| d.to_string()).as_deref(), Some(s));
        }
        assert_eq!(Day::parse("1970-01-02"), Some(Day(1)));
        assert_eq!(Day::parse("2023-01-10T17:37"), Day::parse("2023-01-10"));
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-1-1",
            "hôm qua",
            "",
            "2023-01-10x",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }
}

//! Calendar days as numbers, for day arithmetic on `YYYY-MM-DD` strings (trends, windows,
//! time zones). Proleptic Gregorian, after Howard Hinnant's `days_from_civil`.

/// Days since 1970-01-01 of a civil date.
pub fn from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day number.
pub fn to_civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The day number of `YYYY-MM-DD` (anything after the tenth character is ignored).
pub fn parse(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(from_civil(y, m, d))
}

/// `YYYY-MM-DD` of a day number.
pub fn to_string(days: i64) -> String {
    let (y, m, d) = to_civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2023-01-10",
            "2026-11-23",
            "1999-12-31",
        ] {
            assert_eq!(to_string(parse(s).unwrap()), s);
        }
        assert_eq!(parse("2023-01-10T17:37"), parse("2023-01-10"));
        assert_eq!(parse("2023-02-29"), None);
        assert_eq!(parse("10/01/2023"), None);
        assert_eq!(
            parse("2023-01-11").unwrap() - parse("2022-12-31").unwrap(),
            11
        );
    }
}

//! Dates as news pages print them, and as their metadata states them.
//!
//! Two readers: [`parse_date_line`] recognises a line that is *only* a date (with a weekday,
//! a time, "Cập nhật", "GMT+7" and the like around it), which is how scraped page text shows
//! a publication date or a site's "today" header; [`parse_iso`] reads machine dates from HTML
//! metadata (`2023-01-10T17:37:00+07:00`). Both give local Vietnamese time (UTC+7, no daylight
//! saving): an ISO date with another offset is converted, so that every stored date reads the
//! same way.

use tre_text::fold;

/// A calendar date with an optional wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct When {
    pub y: i32,
    pub m: u32,
    pub d: u32,
    pub hm: Option<(u32, u32)>,
}

impl When {
    fn new(y: i32, m: u32, d: u32, hm: Option<(u32, u32)>) -> Option<When> {
        let valid_date = (1900..=2100).contains(&y) && (1..=12).contains(&m) && {
            d >= 1 && d <= days_in_month(y, m)
        };
        let valid_time = hm.is_none_or(|(h, mi)| h < 24 && mi < 60);
        (valid_date && valid_time).then_some(When { y, m, d, hm })
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn iso(&self) -> String {
        match self.hm {
            Some((h, mi)) => format!("{:04}-{:02}-{:02}T{h:02}:{mi:02}", self.y, self.m, self.d),
            None => format!("{:04}-{:02}-{:02}", self.y, self.m, self.d),
        }
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Words that may stand beside a date on a date-only line (folded): weekdays, "ngày",
/// "cập nhật", "đăng lúc", time-zone names, their English counterparts.
const DATE_WORDS: &[&str] = &[
    "thu",
    "hai",
    "ba",
    "tu",
    "nam",
    "sau",
    "bay",
    "chu",
    "nhat",
    "cn",
    "ngay",
    "thang",
    "luc",
    "gio",
    "phut",
    "cap",
    "dang",
    "gmt",
    "utc",
    "ict",
    "am",
    "pm",
    "sang",
    "chieu",
    "toi",
    "trua",
    "dem",
    "xuat",
    "ban",
    "hom",
    "nay",
    "thoi",
    "gian",
    "vao",
    "published",
    "updated",
    "update",
    "posted",
    "on",
    "at",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "h",
];

/// Recognises a line that holds a date and nothing but date words: `Thứ ba 10/01/2023 17:37`,
/// `Thứ hai, 08/08/2022`, `Cập nhật: 10/01/2023 - 17:37 (GMT+7)`, `ngày 10 tháng 1 năm 2023`.
pub(crate) fn parse_date_line(line: &str) -> Option<When> {
    if line.len() > 120 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let f = fold(line);
    let tokens: Vec<&str> = f
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '/' | '.' | ':' | '-')))
        .map(|t| t.trim_matches(|c| matches!(c, '.' | ':' | '-')))
        .filter(|t| !t.is_empty())
        .collect();
    let mut date: Option<(i32, u32, u32)> = None;
    let mut time: Option<(u32, u32)> = None;
    let (mut vd, mut vm, mut vy) = (None, None, None);
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let next_num = tokens.get(i + 1).and_then(|n| n.parse::<u32>().ok());
        if t.chars().all(char::is_alphabetic) {
            if !DATE_WORDS.contains(&t) {
                return None;
            }
            match (t, next_num) {
                // "ngày 10 tháng 1 năm 2023", spelled out.
                ("ngay", Some(n)) if n <= 31 => {
                    vd = Some(n);
                    i += 2;
                    continue;
                }
                ("thang", Some(n)) if n <= 12 => {
                    vm = Some(n);
                    i += 2;
                    continue;
                }
                ("nam", Some(n)) if n >= 1900 => {
                    vy = i32::try_from(n).ok();
                    i += 2;
                    continue;
                }
                // The offset of "GMT+7" / "(GMT+07:00)" is not a time of day.
                ("gmt" | "utc", Some(_)) => {
                    i += 2;
                    continue;
                }
                ("gmt" | "utc", None)
                    if tokens
                        .get(i + 1)
                        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit() || b == b':')) =>
                {
                    i += 2;
                    continue;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        if let Some(d) = parse_numeric_date(t) {
            if date.is_some() {
                return None;
            }
            date = Some(d);
        } else if let Some(hm) = parse_time(t) {
            if time.is_some() {
                return None;
            }
            time = Some(hm);
        } else {
            return None;
        }
        i += 1;
    }
    if date.is_none()
        && let (Some(d), Some(m), Some(y)) = (vd, vm, vy)
    {
        date = Some((y, m, d));
    }
    let (y, m, d) = date?;
    When::new(y, m, d, time)
}

/// `10/01/2023`, `10-1-2023`, `10.01.2023`, `2023-01-10`, `2023/01/10`.
fn parse_numeric_date(t: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return None;
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if parts[2].len() == 4 {
        (n[2], n[1], n[0])
    } else {
        return None;
    };
    let y = i32::try_from(y).ok()?;
    When::new(y, m, d, None).map(|w| (w.y, w.m, w.d))
}

/// `17:37`, `17:37:05`, `17h37`, `9h`.
fn parse_time(t: &str) -> Option<(u32, u32)> {
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (h, mi) = if let Some((h, rest)) = t.split_once(':') {
        let mi = rest.split(':').next().unwrap_or("");
        (num(h)?, num(mi)?)
    } else if let Some((h, mi)) = t.split_once('h') {
        (num(h)?, if mi.is_empty() { 0 } else { num(mi)? })
    } else {
        return None;
    };
    (h < 24 && mi < 60).then_some((h, mi))
}

/// Vietnam's offset from UTC, in minutes.
const LOCAL_OFFSET: i64 = 7 * 60;

/// Reads a machine date: `2023-01-10`, `2023-01-10T17:37`, `2023-01-10 17:37:00`,
/// `2023-01-10T17:37:00.000+07:00`, `2023-01-10T10:37:00Z`, `…+0700`. With an offset, the time
/// is converted to Vietnamese local time; without one it is taken as local already.
pub(crate) fn parse_iso(s: &str) -> Option<When> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = s.get(from..from + n)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let y = i32::try_from(digits(0, 4)?).ok()?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (m, d) = (digits(5, 2)?, digits(8, 2)?);
    if b.len() == 10 || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return When::new(y, m, d, None);
    }
    let (h, mi) = (digits(11, 2)?, digits(14, 2)?);
    if b.get(13) != Some(&b':') {
        return None;
    }
    // Skip seconds and fractions to the offset, if any.
    let mut i = 16;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b':' || b[i] == b'.') {
        i += 1;
    }
    let offset_min: Option<i64> = match b.get(i) {
        None => None,
        Some(b'Z' | b'z') => Some(0),
        Some(&sign @ (b'+' | b'-')) => {
            let oh = i64::from(digits(i + 1, 2)?);
            let om_at = if b.get(i + 3) == Some(&b':') {
                i + 4
            } else {
                i + 3
            };
            let om = i64::from(digits(om_at, 2).unwrap_or(0));
            let v = oh * 60 + om;
            Some(if sign == b'-' { -v } else { v })
        }
        Some(_) => None,
    };
    let when = When::new(y, m, d, Some((h, mi)))?;
    match offset_min {
        None => Some(when),
        Some(off) => shift(when, LOCAL_OFFSET - off),
    }
}

/// Moves a date-time by `minutes`, across day, month and year boundaries.
fn shift(w: When, minutes: i64) -> Option<When> {
    let (h, mi) = w.hm?;
    let total = days_from_civil(w.y, w.m, w.d) * 1440 + i64::from(h) * 60 + i64::from(mi) + minutes;
    let days = total.div_euclid(1440);
    let rem = total.rem_euclid(1440);
    let (y, m, d) = civil_from_days(days);
    When::new(
        y,
        m,
        d,
        Some((u32::try_from(rem / 60).ok()?, u32::try_from(rem % 60).ok()?)),
    )
}

// Howard Hinnant's days-from-civil algorithms (public domain).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        i32::try_from(y).unwrap_or(0),
        u32::try_from(m).unwrap_or(0),
        u32::try_from(d).unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Option<String> {
        parse_date_line(s).map(|w| w.iso())
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            line("Thứ ba 10/01/2023 17:37").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(line("Thứ hai, 08/08/2022").as_deref(), Some("2022-08-08"));
        assert_eq!(
            line("Thứ Ba, 10/1/2023, 17:37 (GMT+7)").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(
            line("Cập nhật: 10-01-2023 - 17h37 GMT+07:00").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(
            line("Chủ nhật, ngày 8 tháng 1 năm 2023").as_deref(),
            Some("2023-01-08")
        );
        assert_eq!(
            line("2023-01-10 17:37").as_deref(),
            Some("2023-01-10T17:37")
        );
        // Sentences with dates are not date lines; impossible dates are not dates.
        assert_eq!(line("Sáng 10/1/2023, Bộ Ngoại giao tổ chức hội nghị"), None);
        assert_eq!(line("31/02/2023"), None);
        assert_eq!(line("0:00 / 0:00"), None);
        assert_eq!(line("Nghị quyết 34-NQ/TW"), None);
    }

    #[test]
    fn iso_dates_become_local_time() {
        let iso = |s| parse_iso(s).map(|w| w.iso());
        assert_eq!(
            iso("2023-01-10T17:37:00+07:00").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(
            iso("2023-01-10T17:37:00.000+0700").as_deref(),
            Some("2023-01-10T17:37")
        );
        assert_eq!(
            iso("2023-01-10T20:00:00Z").as_deref(),
            Some("2023-01-11T03:00")
        );
        assert_eq!(
            iso("2022-12-31T23:30:00+09:00").as_deref(),
            Some("2022-12-31T21:30")
        );
        assert_eq!(iso("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(iso("2023-02-29"), None);
        assert_eq!(iso("yesterday"), None);
    }
}

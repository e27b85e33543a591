//! Calendar dates: written forms (`29/3`, `9/1/2023`, `23-2`, `10.01.2023`, `27-30/11`,
//! `ngày 23 tháng 12 năm 2011`), relative days (`sáng nay`, `hôm qua`), and their resolution
//! against the article's publication date.
//!
//! Precision is kept: a date without a year takes the publication year only when the article
//! has a publication date (the latest such day not more than [`FUTURE_DAYS`] after it), and is
//! otherwise written `--MM-DD`. A year is never invented.

use crate::doc::{Doc, TokKind};
use crate::gazetteer::{Cue, Gazetteer};

/// How far after the publication date a day-and-month date may fall and still be read in the
/// publication year (announced visits, upcoming conferences); later than that it is last
/// year's (`ngày 23/12` in an article of 3 January).
const FUTURE_DAYS: i64 = 62;

/// A day of a month, of a known year or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Ymd {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Ymd {
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<Ymd> {
        let ok_year = year.is_none_or(|y| (1800..=2200).contains(&y));
        let max = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 => match year {
                Some(y) if !is_leap(y) => 28,
                _ => 29,
            },
            _ => return None,
        };
        (ok_year && (1..=max).contains(&day)).then_some(Ymd { year, month, day })
    }

    /// `YYYY-MM-DD`, or `--MM-DD` without a year.
    pub fn render(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    /// Parses `YYYY-MM-DD` (anything after the tenth character, such as a time, is ignored).
    pub fn parse_iso(s: &str) -> Option<Ymd> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Ymd::new(Some(y), m, d)
    }

    /// Days since 1970-01-01 (for a date with a year).
    fn days(&self) -> Option<i64> {
        let y = i64::from(self.year?);
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    }

    fn from_days(z: i64) -> Option<Ymd> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(i32::try_from(y).ok(), m as u32, d as u32)
    }

    /// The date with its year resolved against `published` when it has none.
    pub fn resolve(self, published: Option<Ymd>) -> Ymd {
        let Some(p) = published else { return self };
        if self.year.is_some() {
            return self;
        }
        let (Some(py), Some(pd)) = (p.year, p.days()) else {
            return self;
        };
        let this_year = Ymd::new(Some(py), self.month, self.day);
        match this_year.and_then(|d| d.days().map(|n| (d, n))) {
            Some((d, n)) if n - pd <= FUTURE_DAYS => d,
            _ => Ymd::new(Some(py - 1), self.month, self.day).unwrap_or(self),
        }
    }

    pub fn plus_days(self, n: i64) -> Option<Ymd> {
        Ymd::from_days(self.days()? + n)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Parses a written date token: `29/3`, `9/1/2023`, `23-2`, `5-3-2020`, `10.01.2023`, and the
/// first day of a range `27-30/11` or `27-30/11/2023`.
pub(crate) fn parse_date_token(s: &str) -> Option<Ymd> {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let num = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = |p: &str| -> Option<i32> {
        (p.len() == 4)
            .then(|| num(p).and_then(|y| i32::try_from(y).ok()))
            .flatten()
    };
    match parts.as_slice() {
        [d, m] => Ymd::new(None, num(m)?, num(d)?),
        [d, m, y] if y.len() == 4 => Ymd::new(Some(year(y)?), num(m)?, num(d)?),
        // A range of days: `27-30/11`.
        [d, _d2, m] if s.contains('-') && s.contains('/') => Ymd::new(None, num(m)?, num(d)?),
        [d, _d2, m, y] if y.len() == 4 => Ymd::new(Some(year(y)?), num(m)?, num(d)?),
        _ => None,
    }
}

/// A date written in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateM {
    pub start: usize,
    pub end: usize,
    pub sent: usize,
    /// As written (no year unless one is written).
    pub written: Ymd,
    /// Resolved against the publication date.
    pub value: Ymd,
    /// Inside parentheses: a date given in passing (`(26/11/2019)`), not the news's date.
    pub in_parens: bool,
    /// Relative (`hôm nay`): only an event's date, never listed.
    pub relative: bool,
    /// The date of a document (`Nghị quyết số 34-NQ/TW, ngày 9/1/2023`), not of an event.
    pub document: bool,
}

/// Every date of the document, in order.
pub(crate) fn find_dates(doc: &Doc<'_>, gaz: &Gazetteer, published: Option<Ymd>) -> Vec<DateM> {
    let mut out = Vec::new();
    for (si, s) in doc.sents.iter().enumerate() {
        let mut depth = 0i32;
        let mut i = s.toks.start;
        while i < s.toks.end {
            let t = doc.tok(i);
            if t.kind == TokKind::Punct {
                match doc.tok_text(i) {
                    "(" | "[" => depth += 1,
                    ")" | "]" => depth = (depth - 1).max(0),
                    _ => {}
                }
            }
            let mut found = None;
            if t.kind == TokKind::Date {
                if let Some(d) = parse_date_token(doc.tok_text(i)) {
                    found = Some((i + 1, d, false));
                }
            } else if t.kind == TokKind::Num {
                found = spelled_date(doc, i, s.toks.end)
                    .or_else(|| dotted_date(doc, i, s.toks.start, s.toks.end))
                    .map(|(end, d)| (end, d, false));
            } else if t.kind == TokKind::Syl {
                for h in doc.hits(i) {
                    if !doc.ends_word(h.end, &s.toks) {
                        continue;
                    }
                    match gaz.cue(&gaz.entries[h.entry as usize]) {
                        Some(Cue::RelTime(n)) => {
                            if let Some(d) = published.and_then(|p| p.plus_days(i64::from(n))) {
                                found = Some((h.end, d, true));
                            }
                        }
                        // `Cùng ngày`, `Tiếp đó`: the day last named.
                        Some(Cue::SameDay) => {
                            if let Some(last) = out.iter().rev().find(|d: &&DateM| !d.relative) {
                                found = Some((h.end, last.written, true));
                            }
                        }
                        _ => {}
                    }
                }
            }
            match found {
                Some((end, d, relative)) => {
                    out.push(DateM {
                        start: i,
                        end,
                        sent: si,
                        written: d,
                        value: d.resolve(published),
                        in_parens: depth > 0,
                        relative,
                        document: false,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// `ngày 7.3`, `sáng 7.4.2005`: a day and month written with dots, which the tokeniser reads as
/// a number; only after `ngày` or a part of the day, where a number would be a date.
fn dotted_date(doc: &Doc<'_>, i: usize, start: usize, end: usize) -> Option<(usize, Ymd)> {
    if i == start
        || !matches!(
            tre_text::lower(doc.tok_text(i - 1)).as_str(),
            "ngày" | "sáng" | "chiều" | "tối" | "trưa" | "đêm"
        )
    {
        return None;
    }
    let text = doc.tok_text(i);
    if i >= end || !text.contains('.') || text.contains(',') {
        return None;
    }
    parse_date_token(text).map(|d| (i + 1, d))
}

/// `23 tháng 12 năm 2011`, `23 tháng 12`: the end token and the date.
fn spelled_date(doc: &Doc<'_>, i: usize, end: usize) -> Option<(usize, Ymd)> {
    let word = |k: usize, w: &str| k < end && tre_text::lower(doc.tok_text(k)) == w;
    let num = |k: usize| -> Option<u32> {
        (k < end && doc.tok(k).kind == TokKind::Num)
            .then(|| doc.tok_text(k).parse().ok())
            .flatten()
    };
    if !word(i + 1, "tháng") {
        return None;
    }
    let day = num(i)?;
    let month = num(i + 2)?;
    if word(i + 3, "năm")
        && let Some(y) = num(i + 4).filter(|y| (1000..3000).contains(y))
    {
        return Ymd::new(i32::try_from(y).ok(), month, day).map(|d| (i + 5, d));
    }
    Ymd::new(None, month, day).map(|d| (i + 3, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert_eq!(
            parse_date_token("29/3").map(|d| d.render()),
            Some("--03-29".into())
        );
        assert_eq!(
            parse_date_token("9/1/2023").map(|d| d.render()),
            Some("2023-01-09".into())
        );
        assert_eq!(
            parse_date_token("23-2").map(|d| d.render()),
            Some("--02-23".into())
        );
        assert_eq!(
            parse_date_token("10.01.2023").map(|d| d.render()),
            Some("2023-01-10".into())
        );
        assert_eq!(
            parse_date_token("27-30/11").map(|d| d.render()),
            Some("--11-27".into())
        );
        assert_eq!(parse_date_token("31/2"), None);
        assert_eq!(parse_date_token("3/13"), None);
    }

    #[test]
    fn resolution_against_publication() {
        let p = Ymd::parse_iso("2023-01-10T17:37");
        let d = |s: &str| parse_date_token(s).map(|d| d.resolve(p).render());
        assert_eq!(d("10/1"), Some("2023-01-10".into()));
        // Late December in an early-January article is last year's.
        assert_eq!(d("23/12"), Some("2022-12-23".into()));
        // A visit announced for next month stays in this year.
        assert_eq!(d("20/2"), Some("2023-02-20".into()));
        assert_eq!(
            parse_date_token("23/12").map(|d| d.resolve(None).render()),
            Some("--12-23".into())
        );
        assert_eq!(
            p.and_then(|p| p.plus_days(-1)).map(|d| d.render()),
            Some("2023-01-09".into())
        );
        assert_eq!(
            Ymd::parse_iso("2024-02-28")
                .and_then(|p| p.plus_days(2))
                .map(|d| d.render()),
            Some("2024-03-01".into())
        );
    }
}

//! The pre-tokeniser: cuts a sentence into the atoms the segmenter labels (syllables,
//! punctuation) and recognises, whole and typed, the units that must never be split: document
//! numbers (`34-NQ/TW`, `30/2020/NĐ-CP`), dates (`29/3`, `9/1/2023`, `10-8`), times (`10:30`,
//! `8h30`), numbers and amounts (`1.500`, `2,5%`), terms (`2023-2026`), e-mail addresses,
//! URLs, phone numbers, abbreviations (`UBND`, `TP.HCM`) and codes (`COVID-19`, `U23`).
//!
//! It never drops or reorders a character: every non-space character of the input belongs to
//! exactly one token, in order. That is what lets the segmenter promise that its output holds
//! the input's syllables.

use tre_text::plausible::is_vietnamese_syllable;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of letters: a Vietnamese syllable or a foreign word.
    Syllable,
    /// Upper-case letters that are not a Vietnamese syllable (`UBND`, `ASEAN`), or letters
    /// joined by dots or hyphens (`TP.HCM`, `NĐ-CP`, `KT-XH`).
    Abbreviation,
    /// Letters and digits together (`COVID-19`, `U23`, `G20`).
    Code,
    /// Digits, with `.`/`,` separators and an optional `%` (`1.500`, `2,5%`).
    Number,
    /// A calendar date (`29/3`, `9/1/2023`, `10-8`, `20.08.2014`).
    Date,
    /// A clock time (`10:30`, `8h30`).
    Time,
    /// A numeric range or term (`2023-2026`, `5-10`).
    Range,
    /// A party or legal document number (`34-NQ/TW`, `30/2020/NĐ-CP`).
    DocumentNumber,
    Url,
    Email,
    /// A telephone number (`024.3823.4567`, `0912-345-678`, `+84912345678`).
    Phone,
    /// Punctuation and symbols; a run of the same mark (`...`, `!!`) is one token.
    Punct,
}

/// A token: its byte range in the sentence and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// A letter, digit or combining mark (left over in text that was not normalised). Uses
/// tre-text's table for Latin and Vietnamese letters: `char::is_alphanumeric` walks Unicode
/// tables for every non-ASCII character, and this runs on every character of the input.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    // General punctuation (quotes, dashes, ellipsis) is common in news and never alphanumeric.
    if ('\u{2000}'..='\u{206f}').contains(&c) {
        return false;
    }
    tre_text::letters::is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A letter (an alphanumeric character that is not an ASCII digit), via the fast table.
#[inline]
fn is_letter(c: char) -> bool {
    !c.is_ascii_digit() && is_alnum(c)
}

/// Abbreviations that are written with a final dot inside a sentence (`Tp. Hồ Chí Minh`,
/// `PGS. Nguyễn`): the dot belongs to the token, not to the sentence.
pub(crate) const DOT_ABBREVIATIONS: &[&str] = &[
    "Tp", "TP", "Q", "P", "TX", "TT", "Mr", "Mrs", "Ms", "Dr", "St", "GS", "PGS", "TS", "ThS",
    "BS", "KS", "CN", "Th", "Ths", "NXB", "Nxb", "Ths", "tr", "v.v", "vv", "Co", "Ltd", "Inc",
    "Corp", "No", "Jr", "Sr", "TSKH", "NGƯT", "NSND", "NSƯT", "Đ/c", "đ/c", "Lt", "Gen", "Col",
    "Mt", "Ft", "Prof", "Sen", "Rep", "Gov", "Pres", "e.g", "i.e",
];

/// Splits `text` into tokens, appending to `out`. Offsets are relative to `text` plus `base`.
pub fn pretokenize(text: &str, base: usize, out: &mut Vec<Token>) {
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        // Skip white space (ASCII fast path).
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let chunk_end = text[pos..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| pos + i);
        chunk(text, pos, chunk_end, base, out);
        pos = chunk_end;
    }
}

/// Trailing characters that end a sentence or clause rather than belong to a URL or address.
fn trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '…'
    )
}

/// Tokenises one white-space-delimited chunk `text[start..end]`.
fn chunk(text: &str, start: usize, end: usize, base: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    // URLs and e-mail addresses first: they contain every joiner there is.
    let lower_starts = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    let is_url = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
    let is_email = !is_url && looks_like_email(s);
    if is_url || is_email {
        let body_end = s.trim_end_matches(trailing_punct).len();
        // A URL or address is what remains once the trailing punctuation is cut: if nothing
        // remains, treat the chunk as ordinary text.
        let lead = s.len()
            - s.trim_start_matches(['(', '[', '"', '“', '\'', '‘', '<'])
                .len();
        if body_end > lead {
            if lead > 0 {
                punct_run(text, start, start + lead, base, out);
            }
            out.push(Token {
                start: base + start + lead,
                end: base + start + body_end,
                kind: if is_url {
                    TokenKind::Url
                } else {
                    TokenKind::Email
                },
            });
            punct_run(text, start + body_end, end, base, out);
            return;
        }
    }
    let mut pos = start;
    while pos < end {
        let Some(c) = text[pos..end].chars().next() else {
            break;
        };
        if is_alnum(c) || (matches!(c, '+') && pos == start && next_is_digit(text, pos + 1, end)) {
            let core_end = core(text, pos, end);
            let mut tok_end = core_end;
            let kind = classify(&text[pos..core_end]);
            // A final dot belongs to an abbreviation written with one, unless it closes the
            // line (then it is the full stop).
            if text[tok_end..end].starts_with('.')
                && !text[tok_end + 1..].trim().is_empty()
                && takes_final_dot(&text[pos..core_end], kind)
                && !text[tok_end + 1..end].starts_with('.')
            {
                tok_end += 1;
            }
            // A percent sign belongs to its number.
            let kind = if kind == TokenKind::Number && text[tok_end..end].starts_with('%') {
                tok_end += 1;
                TokenKind::Number
            } else {
                kind
            };
            out.push(Token {
                start: base + pos,
                end: base + tok_end,
                kind,
            });
            pos = tok_end;
        } else {
            // Punctuation: a run of the same mark is one token (`...`, `!!`, `--`).
            let mut run_end = pos + c.len_utf8();
            while text[run_end..end].starts_with(c) {
                run_end += c.len_utf8();
            }
            out.push(Token {
                start: base + pos,
                end: base + run_end,
                kind: TokenKind::Punct,
            });
            pos = run_end;
        }
    }
}

/// Whether an abbreviation is written with a final dot: a listed one (`Tp.`, `PGS.`), or a
/// dotted one whose last part is one letter or listed (`v.v.`, `PGS.TS.`, `U.S.`). The same
/// rule keeps such a dot from ending a sentence in [`crate::sentence`].
pub(crate) fn takes_final_dot(core: &str, kind: TokenKind) -> bool {
    DOT_ABBREVIATIONS.contains(&core)
        || (kind == TokenKind::Abbreviation || kind == TokenKind::Syllable)
            && core.rsplit_once('.').is_some_and(|(_, last)| {
                last.chars().count() == 1 || DOT_ABBREVIATIONS.contains(&last)
            })
}

fn next_is_digit(text: &str, pos: usize, end: usize) -> bool {
    text[pos..end]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// Emits every character of `text[start..end]` as punctuation runs.
fn punct_run(text: &str, start: usize, end: usize, base: usize, out: &mut Vec<Token>) {
    let mut pos = start;
    while pos < end {
        let Some(c) = text[pos..end].chars().next() else {
            break;
        };
        let mut run_end = pos + c.len_utf8();
        while text[run_end..end].starts_with(c) {
            run_end += c.len_utf8();
        }
        out.push(Token {
            start: base + pos,
            end: base + run_end,
            kind: TokenKind::Punct,
        });
        pos = run_end;
    }
}

fn looks_like_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else {
        return false;
    };
    let user = user.trim_start_matches(['(', '[', '"', '“', '<']);
    let host = host.trim_end_matches(trailing_punct);
    !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
        && host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
}

/// End of the alphanumeric core starting at `start`: runs of letters and digits joined by
/// the marks that hold a unit together (`.` `,` `-` `/` `:` `'` `&`), each only where that mark
/// joins rather than separates.
fn core(text: &str, start: usize, end: usize) -> usize {
    let mut run_start = start;
    // A leading `+` (phone numbers) is part of the core.
    let mut pos = if text[start..].starts_with('+') {
        start + 1
    } else {
        start
    };
    pos = alnum_run_end(text, pos, end);
    loop {
        let Some(j) = text[pos..end].chars().next() else {
            return pos;
        };
        let after = pos + j.len_utf8();
        let Some(next) = text[after..end].chars().next() else {
            return pos;
        };
        if !is_alnum(next) {
            return pos;
        }
        let left = &text[run_start..pos];
        let next_end = alnum_run_end(text, after, end);
        let right = &text[after..next_end];
        if !joins(j, left, right) {
            return pos;
        }
        run_start = after;
        pos = next_end;
    }
}

fn alnum_run_end(text: &str, start: usize, end: usize) -> usize {
    text[start..end]
        .char_indices()
        .find(|&(_, c)| !is_alnum(c))
        .map_or(end, |(i, _)| start + i)
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// Whether mark `j` between alphanumeric runs `left` and `right` holds them in one unit.
fn joins(j: char, left: &str, right: &str) -> bool {
    let ld = left.starts_with(|c: char| c.is_ascii_digit());
    let rd = right.starts_with(|c: char| c.is_ascii_digit());
    match j {
        // 1.500, 20.08.2014; TP.HCM, PGS.TS, v.v, Th.S: a short capitalised (or one-letter)
        // left part. A long word before a dot is a missing space after a full stop.
        '.' => {
            (ld && rd)
                || (!ld && {
                    let n = left.chars().count();
                    n == 1 || (n <= 4 && left.starts_with(char::is_uppercase))
                })
        }
        // 2,5 and 100,000: only between digits; elsewhere a comma separates.
        ',' => ld && rd && all_digits(left) && all_digits(right),
        // 34-NQ, COVID-19, KT-XH, 2023-2026, e-mail. Two Vietnamese syllables around a hyphen
        // (`Việt Nam-Lào`, `Á-Phi`) are two words with a dash between them.
        '-' | '‑' => {
            !(left.chars().all(is_letter)
                && right.chars().all(is_letter)
                && is_vietnamese_syllable(left)
                && is_vietnamese_syllable(right)
                && !(has_upper(left)
                    && left.chars().all(char::is_uppercase)
                    && left.chars().count() > 1))
        }
        // 9/1/2023, NQ/TW, km/h.
        '/' => true,
        // 10:30.
        ':' => ld && rd,
        // H'Mông, N'Thôn.
        '\'' | '’' => !ld && !rd && left.chars().count() <= 2,
        // H&M, AT&T.
        '&' => left.chars().all(char::is_uppercase) && right.chars().all(char::is_uppercase),
        _ => false,
    }
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !all_digits(s) {
        return None;
    }
    s.parse().ok()
}

fn day_month(d: &str, m: &str) -> bool {
    matches!((num(d), num(m)), (Some(1..=31), Some(1..=12))) && d.len() <= 2 && m.len() <= 2
}

fn year(y: &str) -> bool {
    y.len() == 4 && matches!(num(y), Some(1000..=2999))
}

/// Types an alphanumeric core.
pub(crate) fn classify(s: &str) -> TokenKind {
    let has_letter = s.chars().any(is_letter);
    let first_digit = s.starts_with(|c: char| c.is_ascii_digit() || c == '+');
    if !has_letter {
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        let seps: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
        let parts: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).collect();
        if seps.is_empty() {
            return TokenKind::Number;
        }
        // Phone numbers: a leading 0 or +, 9 to 12 digits, grouped.
        if (s.starts_with('0') || s.starts_with('+'))
            && (9..=12).contains(&digits)
            && !seps.contains(&',')
            && !seps.contains(&':')
            && !(seps.iter().all(|&c| c == '/') && parts.len() <= 3)
        {
            return TokenKind::Phone;
        }
        if seps.iter().all(|&c| c == ':') && parts.len() <= 3 {
            return TokenKind::Time;
        }
        if seps.iter().all(|&c| c == '/') {
            return match parts.as_slice() {
                [d, m] if day_month(d, m) => TokenKind::Date,
                [m, y] if year(y) && matches!(num(m), Some(1..=12)) => TokenKind::Date,
                [d, m, y] if day_month(d, m) && (year(y) || y.len() == 2) => TokenKind::Date,
                _ => TokenKind::Number,
            };
        }
        if seps.iter().all(|&c| c == '-' || c == '‑') {
            return match parts.as_slice() {
                [a, b] if year(a) && (year(b) || b.len() == 2) => TokenKind::Range,
                [d, m] if day_month(d, m) => TokenKind::Date,
                [d, m, y] if day_month(d, m) && year(y) => TokenKind::Date,
                [m, y] if year(y) && matches!(num(m), Some(1..=12)) => TokenKind::Date,
                _ => TokenKind::Range,
            };
        }
        if seps.iter().all(|&c| c == '.') {
            if let [d, m, y] = parts.as_slice()
                && day_month(d, m)
                && year(y)
            {
                return TokenKind::Date;
            }
            return TokenKind::Number;
        }
        if seps.iter().all(|&c| c == '.' || c == ',') {
            return TokenKind::Number;
        }
        return TokenKind::Number;
    }
    if first_digit {
        // 34-NQ/TW, 30/2020/NĐ-CP, 15-CT/TW: a number, then capitalised letter groups after
        // a hyphen or slash.
        let has_joiner = s.contains(['-', '/', '‑']);
        let upper_groups = s
            .split(['-', '/', '‑', '.'])
            .filter(|p| p.chars().any(is_letter))
            .all(|p| p.chars().filter(|&c| is_letter(c)).all(char::is_uppercase));
        if has_joiner && upper_groups {
            return TokenKind::DocumentNumber;
        }
        // 8h30, 10g, 14h: a clock time.
        let lower = s.to_lowercase();
        if let Some((h, m)) = lower.split_once(['h', 'g'])
            && matches!(num(h), Some(0..=24))
            && h.len() <= 2
            && (m.is_empty() || (m.len() == 2 && matches!(num(m), Some(0..=59))))
        {
            return TokenKind::Time;
        }
        return TokenKind::Code;
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        return TokenKind::Code;
    }
    if s.contains(['.', '-', '/', '&', '‑']) {
        // TP.HCM, NĐ-CP, KT-XH, H&M are abbreviations; e-mail, lower-case compounds are words.
        return if has_upper(s) {
            TokenKind::Abbreviation
        } else {
            TokenKind::Syllable
        };
    }
    let upper = s.chars().filter(|&c| is_letter(c)).all(char::is_uppercase);
    if upper && s.chars().count() >= 2 && !is_vietnamese_syllable(s) {
        return TokenKind::Abbreviation;
    }
    TokenKind::Syllable
}

//! Letter-level facts about Vietnamese: which tone a precomposed letter carries, its toneless
//! base, its accent-free fold.
//!
//! Everything is computed once from Unicode's canonical decompositions into a table covering
//! U+0000..U+1EFF (Latin, Latin Extended and Latin Extended Additional, where all Vietnamese
//! letters live), so the hot paths (normalisation, folding inside the search tokenizer) are a
//! table lookup per character.

use std::sync::OnceLock;
use unicode_normalization::char::{compose, decompose_canonical};

/// The five Vietnamese tone marks (the sixth tone, ngang, is unmarked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// huyền, U+0300
    Grave,
    /// sắc, U+0301
    Acute,
    /// hỏi, U+0309
    HookAbove,
    /// ngã, U+0303
    Tilde,
    /// nặng, U+0323
    DotBelow,
}

impl Tone {
    /// The combining character of this tone.
    pub fn mark(self) -> char {
        match self {
            Tone::Grave => '\u{300}',
            Tone::Acute => '\u{301}',
            Tone::HookAbove => '\u{309}',
            Tone::Tilde => '\u{303}',
            Tone::DotBelow => '\u{323}',
        }
    }

    fn from_mark(c: char) -> Option<Tone> {
        match c {
            '\u{300}' | '\u{340}' => Some(Tone::Grave),
            '\u{301}' | '\u{341}' => Some(Tone::Acute),
            '\u{309}' => Some(Tone::HookAbove),
            '\u{303}' => Some(Tone::Tilde),
            '\u{323}' => Some(Tone::DotBelow),
            _ => None,
        }
    }
}

/// Upper bound (exclusive) of the table; every Vietnamese letter is below it.
const TABLE_END: u32 = 0x1F00;

#[derive(Clone, Copy)]
struct Entry {
    /// The letter without its tone mark (keeps ă â ê ô ơ ư and case), or the letter itself.
    base: char,
    /// The character lower-cased, when that is one character; otherwise itself.
    lower: char,
    /// True for letters and digits (`char::is_alphanumeric`).
    alnum: bool,
    /// Lower-case letter with every diacritic removed and đ → d; '\0' when the character is
    /// not a letter or digit with a meaningful fold (the caller keeps it as is).
    fold: char,
    tone: Option<Tone>,
}

fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| (0..TABLE_END).map(build_entry).collect())
}

fn build_entry(cp: u32) -> Entry {
    let Some(c) = char::from_u32(cp) else {
        return Entry {
            base: '\0',
            lower: '\0',
            alnum: false,
            fold: '\0',
            tone: None,
        };
    };
    let mut parts: Vec<char> = Vec::with_capacity(4);
    decompose_canonical(c, |d| parts.push(d));
    let tone = parts.iter().copied().find_map(Tone::from_mark);
    // Rebuild the letter from its decomposition without the tone mark.
    let base = if tone.is_some() {
        let mut it = parts
            .iter()
            .copied()
            .filter(|&p| Tone::from_mark(p).is_none());
        let first = it.next().unwrap_or(c);
        it.fold(first, |acc, m| compose(acc, m).unwrap_or(acc))
    } else {
        c
    };
    let fold = match c {
        'đ' | 'Đ' | 'Ð' => 'd',
        _ => {
            let first = parts.first().copied().unwrap_or(c);
            if first.is_alphanumeric() {
                let mut lower = first.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => '\0',
                }
            } else {
                '\0'
            }
        }
    };
    Entry {
        base,
        lower: lower_one(c),
        alnum: c.is_alphanumeric(),
        fold,
        tone,
    }
}

/// True for a letter or digit; a table lookup for Latin and Vietnamese letters.
#[inline]
pub fn is_alnum(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    match table().get(cp as usize) {
        Some(e) => e.alnum,
        None => c.is_alphanumeric(),
    }
}

/// Splits a letter into its toneless base and its tone (`ặ` → (`ă`, DotBelow)). Characters
/// outside the table, or without a tone, come back unchanged with `None`.
#[inline]
pub fn split_tone(c: char) -> (char, Option<Tone>) {
    let cp = c as u32;
    if cp < 0x80 {
        return (c, None);
    }
    match table().get(cp as usize) {
        Some(e) if e.tone.is_some() => (e.base, e.tone),
        _ => (c, None),
    }
}

/// Puts a tone on a toneless base letter (`ă` + DotBelow → `ặ`); `None` if Unicode has no such
/// precomposed letter.
pub fn with_tone(base: char, tone: Tone) -> Option<char> {
    compose(base, tone.mark())
}

/// The accent-free, lower-case fold of one character (`Ặ` → `a`, `Đ` → `d`, `A` → `a`); other
/// characters (punctuation, CJK, ...) are lower-cased when that is a single character.
#[inline]
pub fn fold_char(c: char) -> char {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_ascii_lowercase();
    }
    if let Some(e) = table().get(cp as usize)
        && e.fold != '\0'
    {
        return e.fold;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// True for a character carrying any Vietnamese diacritic (tone, hat, breve, horn, or đ).
pub fn has_diacritic(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return false;
    }
    fold_char(c) != lower_one(c)
}

fn lower_one(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Lower-case a single character (keeping its diacritics).
#[inline]
pub fn lower_char(c: char) -> char {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_ascii_lowercase();
    }
    match table().get(cp as usize) {
        Some(e) => e.lower,
        None => lower_one(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_rebuilds_tones() {
        assert_eq!(split_tone('ặ'), ('ă', Some(Tone::DotBelow)));
        assert_eq!(split_tone('Ủ'), ('U', Some(Tone::HookAbove)));
        assert_eq!(split_tone('ờ'), ('ơ', Some(Tone::Grave)));
        assert_eq!(split_tone('ê'), ('ê', None));
        assert_eq!(split_tone('a'), ('a', None));
        assert_eq!(with_tone('ư', Tone::Tilde), Some('ữ'));
        assert_eq!(with_tone('Y', Tone::Acute), Some('Ý'));
    }

    #[test]
    fn folds_vietnamese_letters() {
        let folded: String = "Đà Nẵng ỞỨỰ Ð".chars().map(fold_char).collect();
        assert_eq!(folded, "da nang ouu d");
        assert!(has_diacritic('đ'));
        assert!(has_diacritic('ê'));
        assert!(!has_diacritic('E'));
        assert!(!has_diacritic('1'));
    }
}

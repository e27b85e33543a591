//! The one normalisation every stored and indexed string goes through.
//!
//! `normalize` is the door: Unicode NFC (so decomposed text from Mac copy-paste becomes the
//! precomposed letters Vietnamese fonts and search expect), one tone-mark placement (see
//! [`crate::syllable`]), invisible characters removed, white space made plain. It is idempotent:
//! `normalize(normalize(x)) == normalize(x)`, which the property tests check.

use crate::syllable::canonical_tone_into;
use std::fmt;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises text: NFC, canonical tone placement, plain white space.
///
/// Lines are kept (`\r\n` and `\r` become `\n`); inside a line, runs of spaces, tabs and
/// exotic spaces become one space, and each line is trimmed. Zero-width characters, soft
/// hyphens, byte-order marks and control characters are removed. The Icelandic `Ð` that legacy
/// converters leave for `Đ` becomes `Đ`.
pub fn normalize(input: &str) -> String {
    if is_nfc_quick(input.chars()) == IsNormalized::Yes {
        normalize_nfc(input)
    } else {
        let nfc: String = input.nfc().collect();
        normalize_nfc(&nfc)
    }
}

/// True when `s` is already in normal form.
pub fn is_normalized(s: &str) -> bool {
    normalize(s) == s
}

#[inline]
fn is_word_char(c: char) -> bool {
    (crate::letters::is_alnum(c) && !c.is_numeric()) || is_mark(c)
}

#[inline]
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_horizontal_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{b}' | '\u{c}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{fffe}'
    ) || (c.is_control() && c != '\n' && c != '\r')
}

/// The pass over NFC text. Works on byte offsets so that ASCII, the bulk of any text, costs a
/// byte comparison, and words are canonicalised straight from the input slice.
fn normalize_nfc(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // A space is only written once something non-space follows on the same line, which both
    // collapses runs and trims line ends.
    let mut pending_space = false;
    let mut line_has_text = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        };
        if c == '\n' || c == '\r' {
            if c == '\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            out.push('\n');
            pending_space = false;
            line_has_text = false;
            i += 1;
            continue;
        }
        if is_horizontal_space(c) {
            pending_space = line_has_text;
            i += len;
            continue;
        }
        if is_invisible(c) {
            i += len;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        line_has_text = true;
        if c == 'Ð' || is_word_char(c) {
            i = push_word(s, i, &mut out);
        } else {
            out.push_str(&s[i..i + len]);
            i += len;
        }
    }
    out
}

/// Writes the word starting at `start` with its tone mark in place; returns where it ends.
/// Invisible characters inside a word are dropped without splitting it, so that a second pass
/// sees the same word (idempotence).
fn push_word(s: &str, start: usize, out: &mut String) -> usize {
    let bytes = s.as_bytes();
    let mut end = start;
    let mut clean = true;
    while end < bytes.len() {
        let b = bytes[end];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                end += 1;
                continue;
            }
            break;
        }
        let c = s[end..].chars().next().unwrap_or('\u{fffd}');
        if c == 'Ð' || is_invisible(c) {
            clean = false;
            end += c.len_utf8();
        } else if is_word_char(c) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    if clean {
        canonical_tone_into(&s[start..end], out);
    } else {
        let word: String = s[start..end]
            .chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| if c == 'Ð' { 'Đ' } else { c })
            .collect();
        canonical_tone_into(&word, out);
    }
    end
}

/// Text that has been through [`normalize`]. The only ways to build one are normalising, or
/// declaring that text read back from tre's own store is already normal.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct NormText(String);

impl NormText {
    /// Normalises `s`.
    pub fn new(s: &str) -> Self {
        NormText(normalize(s))
    }

    /// Text read back from tre's store, which only ever holds normalised text.
    pub fn from_store(s: String) -> Self {
        debug_assert!(is_normalized(&s), "store returned unnormalised text: {s:?}");
        NormText(s)
    }

    /// Text a producer has already passed through [`normalize`] and since only cut at word or
    /// punctuation boundaries (tre-page's cleaners, whose property tests check it). Saves
    /// normalising twice; debug builds verify the claim.
    pub fn from_normalized(s: String) -> Self {
        debug_assert!(is_normalized(&s), "text claimed normalised is not: {s:?}");
        NormText(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::ops::Deref for NormText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for NormText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NormText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for NormText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tone_placements_become_one() {
        assert_eq!(
            normalize("Uỷ ban hoà bình, thuỷ lợi"),
            "Ủy ban hòa bình, thủy lợi"
        );
        assert_eq!(normalize("Ủy ban hòa bình"), "Ủy ban hòa bình");
    }

    #[test]
    fn decomposed_input_is_composed() {
        let nfd = "Vie\u{302}\u{323}t Nam ho\u{300}a";
        assert_eq!(normalize(nfd), "Việt Nam hòa");
    }

    #[test]
    fn white_space_and_invisibles() {
        assert_eq!(
            normalize("  Bộ\u{a0}\u{a0}Ngoại\tgiao \r\nHà\u{200b} Nội  \rx"),
            "Bộ Ngoại giao\nHà Nội\nx"
        );
        assert_eq!(normalize("\u{feff}ÐÀ NẴNG"), "ĐÀ NẴNG");
        assert_eq!(normalize("a\u{ad}b"), "ab");
    }

    #[test]
    fn punctuation_and_numbers_kept() {
        let s = "Nghị quyết số 34-NQ/TW, ngày 9/1/2023 (700 tỷ USD; 2,5%)…";
        assert_eq!(normalize(s), s);
    }
}

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
    let mut out = String::with_capacity(input.len());
    if is_nfc_quick(input.chars()) == IsNormalized::Yes {
        push_normalized(input.chars(), &mut out);
    } else {
        push_normalized(input.nfc(), &mut out);
    }
    out
}

/// True when `s` is already in normal form.
pub fn is_normalized(s: &str) -> bool {
    normalize(s) == s
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
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
    ) || (c.is_control() && c != '\n')
}

fn push_normalized(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut word = String::new();
    // A space is only written once something non-space follows on the same line, which both
    // collapses runs and trims line ends.
    let mut pending_space = false;
    let mut line_has_text = false;
    let mut prev_cr = false;
    for c in chars {
        let c = if c == 'Ð' { 'Đ' } else { c };
        if c == '\r' || c == '\n' {
            if c == '\n' && prev_cr {
                prev_cr = false;
                continue;
            }
            prev_cr = c == '\r';
            flush_word(&mut word, out);
            out.push('\n');
            pending_space = false;
            line_has_text = false;
            continue;
        }
        prev_cr = false;
        if is_horizontal_space(c) {
            flush_word(&mut word, out);
            pending_space = line_has_text;
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if pending_space {
            flush_word(&mut word, out);
            out.push(' ');
            pending_space = false;
        }
        line_has_text = true;
        if is_word_char(c) {
            word.push(c);
        } else {
            flush_word(&mut word, out);
            out.push(c);
        }
    }
    flush_word(&mut word, out);
}

fn flush_word(word: &mut String, out: &mut String) {
    if !word.is_empty() {
        canonical_tone_into(word, out);
        word.clear();
    }
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

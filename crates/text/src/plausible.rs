//! How Vietnamese a piece of text looks: used to choose between candidate decodings of bytes in
//! an unknown legacy encoding and to refuse mojibake rather than store it.

use crate::letters::{lower_char, split_tone};
use crate::syllable::parse;
use crate::tokens::tokens;

/// Counts over the words of a text that contain non-ASCII letters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plausibility {
    /// Words with non-ASCII letters that read as one Vietnamese syllable.
    pub syllables: usize,
    /// Words with non-ASCII characters that do not.
    pub other: usize,
    /// All words.
    pub words: usize,
}

impl Plausibility {
    /// Share of non-ASCII words that are Vietnamese syllables (1.0 when there are none).
    pub fn ratio(&self) -> f64 {
        let n = self.syllables + self.other;
        if n == 0 {
            1.0
        } else {
            self.syllables as f64 / n as f64
        }
    }
}

/// True when `word` (any case, any tone placement) is one Vietnamese syllable with at most one
/// tone mark.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let mut letters: Vec<char> = Vec::with_capacity(8);
    let mut tones = 0;
    for c in word.chars() {
        let (base, tone) = split_tone(c);
        if tone.is_some() {
            tones += 1;
        }
        letters.push(lower_char(base));
    }
    tones <= 1 && parse(&letters).is_some()
}

/// Measures `text` (looking at up to `max_words` words).
pub fn measure(text: &str, max_words: usize) -> Plausibility {
    let mut p = Plausibility::default();
    for w in tokens(text).take(max_words) {
        p.words += 1;
        if w.is_ascii() {
            continue;
        }
        if is_vietnamese_syllable(w) {
            p.syllables += 1;
        } else {
            p.other += 1;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_reads_as_vietnamese() {
        let p = measure(
            "Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại Hà Nội",
            100,
        );
        assert_eq!(p.other, 0);
        assert!(p.syllables >= 8);
        // UTF-8 read as windows-1252: the classic mojibake.
        let m = measure("Bá»™ trÆ°á»Ÿng Ngoáº¡i giao BÃ¹i Thanh SÆ¡n", 100);
        assert!(m.ratio() < 0.5, "{m:?}");
    }
}

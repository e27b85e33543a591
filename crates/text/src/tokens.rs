//! Splitting text into the syllable tokens that search indexes and matches.
//!
//! A token is a maximal run of letters and digits. Vietnamese writes one syllable per
//! space-separated unit, so these are syllables; punctuation inside a unit splits it, which is
//! what makes `Á-Thái` and `Á - Thái`, or `TP.HCM` and `TP HCM`, the same token sequence.

/// A token: its byte range in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[inline]
fn is_token_char(c: char) -> bool {
    crate::letters::is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Iterates the token spans of `text`.
pub fn token_spans(text: &str) -> TokenSpans<'_> {
    TokenSpans { text, pos: 0 }
}

/// Iterator returned by [`token_spans`].
#[derive(Debug, Clone)]
pub struct TokenSpans<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for TokenSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let bytes = self.text.as_bytes();
        // Fast ASCII skipping; fall back to char decoding for anything else.
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                self.pos += 1;
                continue;
            }
            let c = self.text[self.pos..].chars().next()?;
            if is_token_char(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                self.pos += 1;
                continue;
            }
            let c = self.text[self.pos..].chars().next()?;
            if !is_token_char(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        Some(Span {
            start,
            end: self.pos,
        })
    }
}

/// The tokens of `text` as string slices.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    token_spans(text).map(move |s| &text[s.start..s.end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_punctuation() {
        let t: Vec<&str> = tokens("TP.HCM, Á-Thái và Á - Thái; 34-NQ/TW “cây tre”").collect();
        assert_eq!(
            t,
            [
                "TP", "HCM", "Á", "Thái", "và", "Á", "Thái", "34", "NQ", "TW", "cây", "tre"
            ]
        );
        assert_eq!(tokens("  ...  ").count(), 0);
    }
}

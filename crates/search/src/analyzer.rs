//! The two Vietnamese analyzers the index uses, over the same syllable tokens
//! ([`tre_text::token_spans`]):
//!
//! - `vi_exact`: lower-cased, diacritics kept. Text was normalised at the door, so the two
//!   tone-mark placements are already one form: `hòa` and `hoà` are the same token.
//! - `vi_fold`: lower-cased with every diacritic removed and `đ` → `d`, for queries typed
//!   without diacritics (`da nang` finds `Đà Nẵng`).
//!
//! - `vi_names`: folded, but only tokens that begin with a capital letter (positions kept, so
//!   `Đà Nẵng` is a phrase there and `đa năng` is absent). A query typed without diacritics
//!   matching here is most likely the proper noun the user meant, and ranks higher.
//!
//! - `vi_words`: the multi-syllable words of the text as the segmenter (tre-segment) finds them,
//!   folded, syllables joined by `_` (`hoi_nghi`, `ngoai_giao`). Queries look up the n-grams of
//!   their words here, so an article with the words `hội nghị` and `ngoại giao` ranks above one
//!   that merely has the syllables `hội`, `nghị`, `ngoài`, `giao` somewhere.
//!
//! Changing any of them changes what the index holds: bump [`ANALYZER_VERSION`] so existing
//! indexes are rebuilt rather than trusted.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tre_text::letters::{fold_char, lower_char};

/// Version of the analyzers and schema; recorded in every index.
pub const ANALYZER_VERSION: u32 = 5;

pub const EXACT: &str = "vi_exact";
pub const FOLD: &str = "vi_fold";
pub const NAMES: &str = "vi_names";
pub const WORDS: &str = "vi_words";

/// Longest token kept; longer runs (base64, hashes) are noise and bloat the term dictionary.
const MAX_TOKEN_BYTES: usize = 64;

/// One of the analyzers.
#[derive(Clone, Copy, Debug)]
pub struct ViTokenizer {
    pub fold: bool,
    /// Only capitalised tokens (the `vi_names` analyzer).
    pub names_only: bool,
}

impl ViTokenizer {
    pub const EXACT: ViTokenizer = ViTokenizer {
        fold: false,
        names_only: false,
    };
    pub const FOLD: ViTokenizer = ViTokenizer {
        fold: true,
        names_only: false,
    };
    pub const NAMES: ViTokenizer = ViTokenizer {
        fold: true,
        names_only: true,
    };
}

/// Token stream of [`ViTokenizer`].
pub struct ViTokenStream<'a> {
    text: &'a str,
    spans: tre_text::tokens::TokenSpans<'a>,
    fold: bool,
    names_only: bool,
    token: Token,
    position: usize,
}

impl Tokenizer for ViTokenizer {
    type TokenStream<'a> = ViTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViTokenStream<'a> {
        ViTokenStream {
            text,
            spans: tre_text::token_spans(text),
            fold: self.fold,
            names_only: self.names_only,
            token: Token::default(),
            position: 0,
        }
    }
}

impl TokenStream for ViTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for span in self.spans.by_ref() {
            if span.end - span.start > MAX_TOKEN_BYTES {
                continue;
            }
            let word = &self.text[span.start..span.end];
            if self.names_only && !word.chars().next().is_some_and(char::is_uppercase) {
                // Skipped, but it still takes a position: names stay phrases, and a lower-case
                // word between two capitals keeps them apart.
                self.position += 1;
                continue;
            }
            let t = &mut self.token;
            t.text.clear();
            map_token(&self.text[span.start..span.end], self.fold, &mut t.text);
            t.offset_from = span.start;
            t.offset_to = span.end;
            t.position = self.position;
            t.position_length = 1;
            self.position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The `vi_words` analyzer.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordTokenizer;

/// Token stream of [`WordTokenizer`]: the words are found up front (segmentation needs the
/// whole sentence), then handed out one by one.
pub struct WordTokenStream {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream {
        let tokens: Vec<Token> = multi_syllable_words(text)
            .into_iter()
            .enumerate()
            .map(|(position, (start, end, word))| Token {
                offset_from: start,
                offset_to: end,
                position,
                text: word,
                position_length: 1,
            })
            .collect();
        WordTokenStream {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for WordTokenStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(t) => {
                self.current = t;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

/// The words of two or more syllables in `text`, folded and joined by `_`, with their spans.
pub fn multi_syllable_words(text: &str) -> Vec<(usize, usize, String)> {
    use tre_segment::WordKind;
    let mut out = Vec::new();
    for w in tre_segment::Segmenter::shared().words(text) {
        if !matches!(w.kind, WordKind::Word | WordKind::Name) {
            continue;
        }
        let syllables = analyze(w.text(text), true);
        if syllables.len() >= 2 {
            out.push((w.start, w.end, syllables.join("_")));
        }
    }
    out
}

/// The indexed form of one token.
pub fn map_token(word: &str, fold: bool, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            if !fold {
                out.push(c);
            }
            continue;
        }
        out.push(if fold { fold_char(c) } else { lower_char(c) });
    }
}

/// The tokens of `text` as the analyzer would index them.
pub fn analyze(text: &str, fold: bool) -> Vec<String> {
    tre_text::tokens(text)
        .filter(|w| w.len() <= MAX_TOKEN_BYTES)
        .map(|w| {
            let mut s = String::with_capacity(w.len());
            map_token(w, fold, &mut s);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_keeps_diacritics_fold_drops_them() {
        assert_eq!(
            analyze("Đà Nẵng, TP.HCM", false),
            ["đà", "nẵng", "tp", "hcm"]
        );
        assert_eq!(
            analyze("Đà Nẵng, TP.HCM", true),
            ["da", "nang", "tp", "hcm"]
        );
    }

    #[test]
    fn names_analyzer_keeps_capitalised_tokens_at_their_positions() {
        let mut t = ViTokenizer::NAMES;
        let mut s = t.token_stream("Nồi đa năng ở Đà Nẵng");
        let mut got = Vec::new();
        while let Some(tok) = s.next() {
            got.push((tok.text.clone(), tok.position));
        }
        assert_eq!(
            got,
            [
                ("noi".to_owned(), 0),
                ("da".to_owned(), 4),
                ("nang".to_owned(), 5)
            ]
        );
    }

    #[test]
    fn positions_are_consecutive() {
        let mut t = ViTokenizer::FOLD;
        let mut s = t.token_stream("Á-Thái và Á - Thái");
        let mut got = Vec::new();
        while let Some(tok) = s.next() {
            got.push((tok.text.clone(), tok.position));
        }
        assert_eq!(
            got,
            [
                ("a".to_owned(), 0),
                ("thai".to_owned(), 1),
                ("va".to_owned(), 2),
                ("a".to_owned(), 3),
                ("thai".to_owned(), 4)
            ]
        );
    }
}

//! Vietnamese word segmentation for tre: sentence splitting, a pre-tokeniser that keeps
//! dates, amounts, document numbers and the like whole, and a CRF word segmenter in the VLSP
//! convention (`Bộ_trưởng Ngoại_giao Bùi_Thanh_Sơn`).
//!
//! ```
//! let seg = tre_segment::Segmenter::shared();
//! assert_eq!(
//!     seg.segment_line("Bộ trưởng Ngoại giao Bùi Thanh Sơn"),
//!     "Bộ_trưởng Ngoại_giao Bùi_Thanh_Sơn"
//! );
//! ```
//!
//! The pipeline, per sentence ([`sentences`]): [`pretok::pretokenize`] cuts it into syllables,
//! punctuation and typed units; the CRF (modules `crf` and `model`, the embedded model) labels each token
//! as beginning or continuing a word; a few rules (module `rules`) fix what the statistical model is
//! known to get wrong; tokens are grouped into [`Word`]s.
//!
//! **Architecture invariants:** pure code (no I/O, no global mutable state, no `unsafe`); any
//! `&str` is valid input and no input panics (a fuzz target checks this); every non-space
//! character of the input is in exactly one output word, in order, so the output's syllables
//! are the input's. Input is expected to be [`tre_text::normalize()`]d, as everything in tre is;
//! syllables in the other tone-mark placement (`Uỷ`, `hoà`) are still looked up in canonical form,
//! so both placements segment the same.

mod crf;
mod hash;
mod model;
pub mod pretok;
mod rules;
mod sentence;

pub use pretok::{Token, TokenKind};
pub use sentence::{MAX_SENTENCE_BYTES, sentences};

use crf::Features;
use model::{Model, UNKNOWN};
use std::sync::OnceLock;

/// What a word is; [`WordKind::Word`] for ordinary words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordKind {
    /// An ordinary word of one or more syllables.
    Word,
    /// A capitalised word inside a sentence, or a run of capitalised syllables: a person,
    /// place or organisation name (`Bùi_Thanh_Sơn`, `Hà_Nội`).
    Name,
    /// Digits, with separators and an optional `%` (`1.500`, `2,5%`).
    Number,
    /// A calendar date (`29/3`, `9/1/2023`).
    Date,
    /// A clock time (`10:30`, `8h30`).
    Time,
    /// A numeric range or term of office (`2023-2026`).
    Range,
    /// A party or legal document number (`34-NQ/TW`, `30/2020/NĐ-CP`).
    DocumentNumber,
    /// An abbreviation (`UBND`, `TP.HCM`, `KT - XH`).
    Abbreviation,
    /// Letters and digits together (`COVID-19`, `U23`).
    Code,
    Url,
    Email,
    Phone,
    /// Punctuation and symbols.
    Punct,
}

/// A word: byte offsets into the text given to [`Segmenter::words`], and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
}

impl Word {
    /// The word's text in `text` (the string it was segmented from), with its syllables
    /// separated as they were there.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

static MODEL_BYTES: &[u8] = include_bytes!("../data/ws.bin");

/// The word segmenter. Immutable once built, so one instance serves any number of threads.
pub struct Segmenter {
    model: Model,
    pyvi_weight: f32,
}

/// Weight of pyvi's model against underthesea's in the ensemble (a product of experts: the
/// two models' scores are added). Chosen on development data, never on a test set (see the
/// README): on 108 UD-VTB *dev* sentences every weight from 0.4 to 1 scores best, and 0.4 is the
/// one that stays closest to underthesea, i.e. to the VLSP 2013 convention it was trained on.
const PYVI_WEIGHT: f32 = 0.4;

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("syllables", &self.model.vocab.len())
            .field("pairs", &self.model.pairs.len())
            .field("triples", &self.model.triples.len())
            .finish()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// Scratch buffers reused across the sentences of one call.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    begins: Vec<bool>,
    features: Features,
    lower: String,
    canon: String,
}

impl Segmenter {
    /// Decodes the embedded model (a few tens of milliseconds). Prefer [`Segmenter::shared`]
    /// unless you need an instance of your own.
    pub fn new() -> Segmenter {
        match Model::decode(MODEL_BYTES) {
            Ok(model) => Segmenter {
                model,
                pyvi_weight: PYVI_WEIGHT,
            },
            // The model is compiled in and decoded by every test run: failing here is a build
            // defect, not something input can cause.
            Err(e) => panic!("embedded segmentation model is corrupt: {e}"),
        }
    }

    /// The same segmenter with pyvi's model weighted by `weight` against underthesea's (the
    /// default is 0.4; 0 leaves underthesea's model alone, a large weight pyvi's). For
    /// experiments and evaluation.
    pub fn with_pyvi_weight(mut self, weight: f32) -> Segmenter {
        self.pyvi_weight = if weight.is_finite() { weight } else { 0.0 };
        self
    }

    /// A process-wide instance, decoded on first use.
    pub fn shared() -> &'static Segmenter {
        static SHARED: OnceLock<Segmenter> = OnceLock::new();
        SHARED.get_or_init(Segmenter::new)
    }

    /// Segments one line into the `tre segment` format: words separated by single spaces, the
    /// syllables of a word joined by `_`. The output never contains a line break.
    pub fn segment_line(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len() + 8);
        self.segment_line_into(line, &mut out);
        out
    }

    /// [`Segmenter::segment_line`], appending to `out`.
    pub fn segment_line_into(&self, line: &str, out: &mut String) {
        let mut scratch = Scratch::default();
        let mut first = true;
        for range in sentences(line) {
            self.tag_sentence(line, range, &mut scratch);
            for (tok, &begins) in scratch.tokens.iter().zip(&scratch.begins) {
                if !first {
                    out.push(if begins { ' ' } else { '_' });
                }
                first = false;
                // Spaces inside a token (none today) must not break the format.
                out.extend(line[tok.start..tok.end].chars().map(|c| match c {
                    c if c.is_whitespace() => '_',
                    c => c,
                }));
            }
        }
    }

    /// The words of `text` (any number of sentences and lines), in order.
    pub fn words(&self, text: &str) -> Vec<Word> {
        let mut out = Vec::with_capacity(text.len() / 6);
        let mut scratch = Scratch::default();
        for range in sentences(text) {
            self.tag_sentence(text, range, &mut scratch);
            group(text, &scratch.tokens, &scratch.begins, &mut out);
        }
        out
    }

    /// Pre-tokenises and labels the sentence `text[range]`, leaving its tokens and their
    /// begins-a-word flags in `scratch`.
    fn tag_sentence(&self, text: &str, range: std::ops::Range<usize>, scratch: &mut Scratch) {
        let Scratch {
            tokens,
            begins,
            features: f,
            lower,
            canon,
        } = scratch;
        tokens.clear();
        pretok::pretokenize(&text[range.clone()], range.start, tokens);
        f.clear();
        let mut prev_hard = false;
        for tok in tokens.iter() {
            let s = &text[tok.start..tok.end];
            let retry = tok.kind == TokenKind::Syllable && may_move_tone(s);
            let raw = self.lookup(s, retry, canon);
            let low = if s.chars().any(char::is_uppercase) {
                lower.clear();
                lower.extend(s.chars().flat_map(char::to_lowercase));
                self.lookup(lower, retry, canon)
            } else {
                raw
            };
            f.raw.push(raw);
            f.low.push(low);
            f.title.push(is_title(s));
            f.digit.push(is_i32(s));
            f.py.push(py_flags(s));
            let hard = hard_boundary(tok.kind);
            f.fixed.push(hard || prev_hard);
            prev_hard = hard;
        }
        crf::tag(&self.model, f, self.pyvi_weight, begins);
        rules::apply(&self.model, text, tokens, &f.low, begins);
    }

    /// The model's id for syllable `s`, trying the canonical tone placement on a miss when
    /// `retry` says the placement could differ.
    fn lookup(&self, s: &str, retry: bool, canon: &mut String) -> u32 {
        if let Some(&id) = self.model.vocab.get(s) {
            return id;
        }
        if retry {
            canon.clear();
            tre_text::syllable::canonical_tone_into(s, canon);
            if canon != s
                && let Some(&id) = self.model.vocab.get(canon.as_str())
            {
                return id;
            }
        }
        UNKNOWN
    }
}

/// Whether a syllable has a vowel pair whose tone mark has two conventional places (`oa`, `oe`,
/// `uy`: `hòa`/`hoà`, `khỏe`/`khoẻ`, `thủy`/`thuỷ`), so that a lookup miss is worth retrying in
/// canonical form. Most misses (names, foreign words) have none, and skip the retry.
fn may_move_tone(s: &str) -> bool {
    if s.is_ascii() {
        return false;
    }
    let mut prev = '\0';
    for c in s.chars() {
        let f = tre_text::letters::fold_char(c);
        if matches!((prev, f), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
            return true;
        }
        prev = f;
    }
    false
}

/// Kinds that never share a word with their neighbours.
fn hard_boundary(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Punct
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Date
            | TokenKind::Time
            | TokenKind::DocumentNumber
            | TokenKind::Phone
            | TokenKind::Range
    )
}

/// underthesea's `istitle` on one token: its first character is unchanged by upper-casing
/// (so digits and punctuation count as title case, as they did when the model was trained).
fn is_title(s: &str) -> bool {
    let Some(c) = s.chars().next() else {
        return false;
    };
    let mut up = c.to_uppercase();
    up.next() == Some(c) && up.next().is_none()
}

/// underthesea's `isdigit`: the token parses as an `i32`.
fn is_i32(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 11 {
        return false;
    }
    let digits = match b[0] {
        b'+' | b'-' => &b[1..],
        _ => b,
    };
    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) && s.parse::<i32>().is_ok()
}

/// Python's `str.isupper`, `str.istitle` and `str.isdigit` on one token, as pyvi's features
/// computed them.
fn py_flags(s: &str) -> u8 {
    let (mut cased, mut lower, mut title_ok, mut prev_cased) = (false, false, true, false);
    let mut digits = !s.is_empty();
    for c in s.chars() {
        // Most tokens start with a letter: stop testing digits (a Unicode table walk for
        // non-ASCII characters) as soon as one fails.
        digits = digits && (c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()));
        let (u, l) = (c.is_uppercase(), c.is_lowercase());
        if u || l {
            cased = true;
        }
        lower |= l;
        // istitle: upper case only after an uncased character, lower case only after a cased one.
        if (u && prev_cased) || (l && !prev_cased) {
            title_ok = false;
        }
        prev_cased = u || l;
    }
    let mut f = 0;
    if cased && !lower {
        f |= crf::PY_UPPER;
    }
    if cased && title_ok {
        f |= crf::PY_TITLE;
    }
    if digits {
        f |= crf::PY_DIGIT;
    }
    f
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Groups labelled tokens into words, appending to `out`.
fn group(text: &str, tokens: &[Token], begins: &[bool], out: &mut Vec<Word>) {
    let mut i = 0;
    let sentence_first = out.len();
    while i < tokens.len() {
        let mut j = i + 1;
        while j < tokens.len() && !begins[j] {
            j += 1;
        }
        let toks = &tokens[i..j];
        let kind = word_kind(text, toks, out.len() == sentence_first);
        out.push(Word {
            start: toks[0].start,
            end: toks[toks.len() - 1].end,
            kind,
        });
        i = j;
    }
}

fn word_kind(text: &str, toks: &[Token], sentence_initial: bool) -> WordKind {
    if let [t] = toks {
        return match t.kind {
            TokenKind::Syllable => {
                if is_capitalised(&text[t.start..t.end]) && !sentence_initial {
                    WordKind::Name
                } else {
                    WordKind::Word
                }
            }
            TokenKind::Abbreviation => WordKind::Abbreviation,
            TokenKind::Code => WordKind::Code,
            TokenKind::Number => WordKind::Number,
            TokenKind::Date => WordKind::Date,
            TokenKind::Time => WordKind::Time,
            TokenKind::Range => WordKind::Range,
            TokenKind::DocumentNumber => WordKind::DocumentNumber,
            TokenKind::Url => WordKind::Url,
            TokenKind::Email => WordKind::Email,
            TokenKind::Phone => WordKind::Phone,
            TokenKind::Punct => WordKind::Punct,
        };
    }
    if toks
        .iter()
        .all(|t| t.kind == TokenKind::Syllable && is_capitalised(&text[t.start..t.end]))
    {
        return WordKind::Name;
    }
    if toks
        .iter()
        .all(|t| matches!(t.kind, TokenKind::Abbreviation | TokenKind::Punct))
    {
        return WordKind::Abbreviation;
    }
    if let [a, TokenKind::Punct, b] = [toks[0].kind, toks[1].kind, toks[toks.len() - 1].kind]
        && a == TokenKind::Number
        && b == TokenKind::Number
        && toks.len() == 3
    {
        return WordKind::Range;
    }
    WordKind::Word
}

//! An article cut into parts, sentences and tokens, each token with its gazetteer symbol.
//!
//! Tokens are the letter/digit runs of the segmenter's words (so `TP.HCM` gives `TP` and `HCM`
//! as the lexicon keys them), except the typed units the pre-tokeniser keeps whole (dates,
//! document numbers, numbers, ranges, times), which stay one token each. A token remembers
//! whether it continues the segmenter word of the token before it: a phrase that ends inside
//! a word (`Đại sứ` in `Đại_sứ_quán`, `tiếp` in `tiếp_tục`) is not a match.

use crate::gazetteer::{Gazetteer, Hit, NONE};
use crate::model::{ArticleInput, PART_SEPARATOR};
use std::ops::Range;
use tre_segment::{Segmenter, WordKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Syl,
    Num,
    Date,
    DocNum,
    Range,
    Time,
    Punct,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    Title,
    /// A paragraph; 0 is the lead.
    Paragraph(u32),
    Caption,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub sym: u32,
    pub kind: TokKind,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Every letter is a capital (`UBND`, `G`).
    pub upper: bool,
    /// Belongs to the same segmenter word as the token before it.
    pub joined: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Token range.
    pub toks: Range<usize>,
    pub part: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub kind: PartKind,
    pub range: Range<usize>,
}

pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub parts: Vec<Part>,
    pub toks: Vec<Tok>,
    pub sents: Vec<Sentence>,
    /// Gazetteer hits starting at each token: `hits[hit_at[i]..hit_at[i + 1]]`.
    hits: Vec<Hit>,
    hit_at: Vec<u32>,
}

impl<'t> Doc<'t> {
    /// Cuts `text` (the output of [`ArticleInput::text`] for `input`) into parts, sentences and
    /// tokens, and looks every token position up in the gazetteer.
    pub fn new(input: &ArticleInput, text: &'t str, seg: &Segmenter, gaz: &Gazetteer) -> Doc<'t> {
        let mut parts = Vec::with_capacity(1 + input.paragraphs.len() + input.captions.len());
        let mut pos = 0;
        let mut push = |kind: PartKind, len: usize, pos: &mut usize| {
            parts.push(Part {
                kind,
                range: *pos..*pos + len,
            });
            *pos += len + PART_SEPARATOR.len();
        };
        push(PartKind::Title, input.title.len(), &mut pos);
        for (i, p) in input.paragraphs.iter().enumerate() {
            push(PartKind::Paragraph(i as u32), p.len(), &mut pos);
        }
        for c in &input.captions {
            push(PartKind::Caption, c.len(), &mut pos);
        }

        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut sents = Vec::new();
        let mut lower = String::new();
        for (pi, part) in parts.iter().enumerate() {
            let Some(ptext) = text.get(part.range.clone()) else {
                continue;
            };
            let base = part.range.start;
            let words = seg.words(ptext);
            let mut w = 0;
            for sr in tre_segment::sentences(ptext) {
                let first = toks.len();
                while w < words.len() && words[w].start < sr.end {
                    let word = words[w];
                    w += 1;
                    push_word(
                        ptext, base, word.start, word.end, word.kind, gaz, &mut lower, &mut toks,
                    );
                }
                if toks.len() > first {
                    sents.push(Sentence {
                        toks: first..toks.len(),
                        part: pi,
                    });
                }
            }
            // Words after the last sentence range (there should be none) still count.
            if w < words.len() {
                let first = toks.len();
                for word in &words[w..] {
                    push_word(
                        ptext, base, word.start, word.end, word.kind, gaz, &mut lower, &mut toks,
                    );
                }
                if toks.len() > first {
                    sents.push(Sentence {
                        toks: first..toks.len(),
                        part: pi,
                    });
                }
            }
        }

        let mut hits = Vec::with_capacity(toks.len());
        let mut hit_at = Vec::with_capacity(toks.len() + 1);
        for s in &sents {
            for i in s.toks.clone() {
                hit_at.push(hits.len() as u32);
                if toks[i].sym == NONE {
                    continue;
                }
                // Names are keyed without their joiners (`Á - Thái`, `TP. HCM`, `TG&VN`), so
                // the walk steps over them.
                gaz.walk(
                    (i..s.toks.end)
                        .filter(|&k| k == i || !is_joiner(text, &toks[k]))
                        .map(|k| (k, toks[k].sym)),
                    &mut hits,
                );
            }
        }
        hit_at.push(hits.len() as u32);
        Doc {
            text,
            parts,
            toks,
            sents,
            hits,
            hit_at,
        }
    }

    /// The gazetteer hits starting at token `i`, shortest first.
    pub fn hits(&self, i: usize) -> &[Hit] {
        match (self.hit_at.get(i), self.hit_at.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.hits[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Token `i`, or an empty token of no kind past the end: rules look ahead and behind
    /// freely, and a look past the text finds nothing rather than a panic.
    pub fn tok(&self, i: usize) -> Tok {
        self.toks.get(i).copied().unwrap_or(Tok {
            start: self.text.len(),
            end: self.text.len(),
            sym: NONE,
            kind: TokKind::Other,
            cap: false,
            upper: false,
            joined: false,
        })
    }

    /// The text of token `i`.
    pub fn tok_text(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// The text of tokens `a..b` as written (with the spaces and punctuation between them).
    pub fn span_text(&self, a: usize, b: usize) -> &'t str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[a].start..self.toks[b - 1].end)
            .unwrap_or("")
    }

    /// Whether a phrase may end before token `j` of sentence range `s`: not in the middle of a
    /// segmenter word.
    pub fn ends_word(&self, j: usize, s: &Range<usize>) -> bool {
        j >= s.end || !self.tok(j).joined
    }

    pub fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        let t = self.tok(i);
        t.kind == TokKind::Punct && self.tok_text(i).chars().all(|c| chars.contains(&c))
    }
}

#[allow(clippy::too_many_arguments)]
fn push_word(
    ptext: &str,
    base: usize,
    start: usize,
    end: usize,
    kind: WordKind,
    gaz: &Gazetteer,
    lower: &mut String,
    toks: &mut Vec<Tok>,
) {
    let Some(wtext) = ptext.get(start..end) else {
        return;
    };
    let whole = match kind {
        // `27-30/11` (a range of days) comes as a number.
        WordKind::Number if wtext.contains('/') => Some(TokKind::Date),
        // `1.500`, `2,5%`, and `7.3` (a day and month the dates module reads after `ngày`).
        WordKind::Number if wtext.contains(['.', ',']) => Some(TokKind::Num),
        // `1234/QĐ-TTg` comes as a code.
        WordKind::Code | WordKind::Abbreviation if looks_like_doc_number(wtext) => {
            Some(TokKind::DocNum)
        }
        WordKind::Date => Some(TokKind::Date),
        WordKind::DocumentNumber => Some(TokKind::DocNum),
        WordKind::Range => Some(TokKind::Range),
        WordKind::Time => Some(TokKind::Time),
        WordKind::Url | WordKind::Email | WordKind::Phone => Some(TokKind::Other),
        WordKind::Punct => Some(TokKind::Punct),
        _ => None,
    };
    if let Some(k) = whole {
        toks.push(Tok {
            start: base + start,
            end: base + end,
            sym: NONE,
            kind: k,
            cap: false,
            upper: false,
            joined: false,
        });
        return;
    }
    for (n, sp) in tre_text::token_spans(wtext).enumerate() {
        let s = &wtext[sp.start..sp.end];
        lower.clear();
        lower.extend(s.chars().map(tre_text::letters::lower_char));
        let digits = s.bytes().all(|b| b.is_ascii_digit());
        let mut letters = 0;
        let mut uppers = 0;
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                }
            }
        }
        toks.push(Tok {
            start: base + start + sp.start,
            end: base + start + sp.end,
            sym: gaz.symbol(lower),
            kind: if digits { TokKind::Num } else { TokKind::Syl },
            cap: s.chars().next().is_some_and(char::is_uppercase),
            upper: letters > 0 && uppers == letters,
            joined: n > 0,
        });
    }
}

/// Digits, then `/` or `-`, then a code of capitals (`1234/QĐ-TTg`, `15-CT/TW`).
pub(crate) fn looks_like_doc_number(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let rest = &s[digits..];
    (rest.starts_with('/') || rest.starts_with('-'))
        && rest.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A punctuation token that names keep out of their keys: a hyphen or dash, a dot, `&`.
fn is_joiner(text: &str, t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && text
            .get(t.start..t.end)
            .is_some_and(|p| matches!(p, "-" | "–" | "." | "&"))
}

//! Sentence splitting for Vietnamese news text.
//!
//! A line break always ends a sentence: scraped pages put headlines, captions and paragraphs on
//! lines of their own, and headlines have no final stop. Inside a line, a sentence ends at `.`,
//! `!`, `?`, `…` (or a run of them), with any closing quotes and brackets, when white space and
//! then something that can start a sentence follow. What keeps a dot from ending one:
//! - it is inside a token (`1.500`, `TP.HCM`, `20.08.2014`): no space follows;
//! - it closes an abbreviation written with a dot (`Tp.`, `PGS.`, `TS.`, `v.v.`) or an
//!   initial (`Nguyễn V. A.`);
//! - it numbers a list item at the start of the line (`1. `);
//! - a lower-case letter follows (Vietnamese sentences start with a capital, so `...` before
//!   a lower-case word is a pause, not an end).

use crate::pretok::{DOT_ABBREVIATIONS, is_alnum};
use std::ops::Range;

fn terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '}')
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space, in order.
/// Empty lines yield nothing. Every non-space character of `text` is in exactly one range.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// Longest sentence, in bytes, handed to the segmenter in one piece. Real sentences are far
/// shorter; text without stops or line breaks (a table flattened to one line, hostile input) is
/// cut at white space so that the segmenter's working memory stays bounded whatever the input.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut from, to) = (start + lead, start + lead + trimmed.len());
    while to - from > MAX_SENTENCE_BYTES {
        let window = &text[from..to];
        let mut limit = MAX_SENTENCE_BYTES;
        while !window.is_char_boundary(limit) {
            limit -= 1;
        }
        // Cut at the last white space within the limit, or mid-token if there is none.
        let cut = window[..limit]
            .rfind(char::is_whitespace)
            .filter(|&c| c > 0)
            .unwrap_or(limit);
        let piece = window[..cut].trim_end();
        if !piece.is_empty() {
            out.push(from..from + piece.len());
        }
        let rest = &window[cut..];
        from += cut + (rest.len() - rest.trim_start().len());
    }
    if to > from {
        out.push(from..to);
    }
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[start..end];
    let mut sent_start = start;
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !terminal(c) {
            continue;
        }
        let mark_start = start + i;
        // Consume the run of terminal marks, then closing quotes and brackets.
        let mut stop = mark_start + c.len_utf8();
        let mut marks = 1;
        while let Some(&(j, d)) = iter.peek() {
            if terminal(d) {
                marks += 1;
                stop = start + j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        while let Some(&(j, d)) = iter.peek() {
            if closing(d) {
                stop = start + j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // White space must follow, then the next sentence's first character.
        let rest = &text[stop..end];
        let Some(first_ws) = rest.chars().next() else {
            continue;
        };
        if !first_ws.is_whitespace() {
            continue;
        }
        let Some(next) = rest.trim_start().chars().next() else {
            continue;
        };
        if next.is_lowercase() {
            continue;
        }
        if c == '.' && marks == 1 && keeps_dot(text, sent_start, mark_start) {
            continue;
        }
        push_trimmed(text, sent_start, stop, out);
        sent_start = stop;
    }
    push_trimmed(text, sent_start, end, out);
}

/// Whether the single dot at `dot` (in the sentence starting at `sent_start`) belongs to the
/// word before it rather than ending the sentence.
fn keeps_dot(text: &str, sent_start: usize, dot: usize) -> bool {
    let before = &text[sent_start..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || !(is_alnum(c) || c == '.' || c == '/'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if DOT_ABBREVIATIONS.contains(&word) {
        return true;
    }
    // Dotted abbreviations that take a final dot (`v.v.`, `PGS.TS.`, `U.S.`): the last part is
    // one letter or itself such an abbreviation. `TP.HCM.` ends its sentence.
    if let Some((_, last)) = word.rsplit_once('.')
        && (last.chars().count() == 1 || DOT_ABBREVIATIONS.contains(&last))
    {
        return true;
    }
    let mut chars = word.chars();
    // An initial: one capital letter.
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // A list number at the start of the sentence (`1. `, `2. `).
    word_start == 0 && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit())
}

//! Comparison keys and small measures of lines, shared by the cleaners.
//!
//! Cleaning compares lines with lines (is this the title again? the caption printed twice?) and
//! with phrase tables. Those comparisons must not care about tone placement, case, diacritics
//! or punctuation, so they use a *key*: the folded text (`tre_text::fold`) reduced to its
//! letters and digits, words separated by one space.

use tre_text::fold_into;

/// `"Bình luận (0)"` → `"binh luan 0"`, `"Thứ hai,  08/08/2022"` → `"thu hai 08 08 2022"`.
pub(crate) fn key(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    fold_into(s, &mut folded);
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Number of white-space separated words.
pub(crate) fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Ends like a sentence (or a truncated one).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', '»', ' ']);
    s.ends_with(['.', '!', '?', '…', ';'])
}

/// Ends with an ellipsis: `...` or `…`.
pub(crate) fn ends_with_ellipsis(s: &str) -> bool {
    let s = s.trim_end();
    s.ends_with("...") || s.ends_with('…')
}

/// Trims white space, and combining marks left dangling at the start by a cut (they cannot
/// belong to the previous piece's letters any more).
pub(crate) fn tidy(s: &str) -> &str {
    s.trim()
        .trim_start_matches(|c: char| ('\u{300}'..='\u{36f}').contains(&c))
        .trim()
}

/// True when the first letter of `w` is upper case.
pub(crate) fn starts_upper(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_tone_placement_and_punctuation() {
        assert_eq!(key("Bình luận (0)"), "binh luan 0");
        assert_eq!(key("  Thủy lợi, HOÀ bình! "), key("thuỷ lợi hòa bình"));
        assert_eq!(key("(*)"), "");
        assert!(ends_sentence("Xong rồi.”"));
        assert!(!ends_sentence("Phương Diệp (TTXVN/Vietnam+)"));
        assert_eq!(tidy(" \u{301}abc "), "abc");
    }
}

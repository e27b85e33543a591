//! Small text helpers shared by the summariser and the assembly: word sets for comparing
//! sentences and headlines, and keys for merging items written in different ways.

use std::collections::HashSet;

/// The lower-cased syllables of `text`, diacritics kept (folding would make `bàn`, `bản` and
/// `bạn` one word and inflate every overlap).
pub(crate) fn syllables(text: &str) -> Vec<String> {
    tre_text::tokens(text).map(tre_text::lower).collect()
}

/// The set of [`syllables`].
pub(crate) fn syllable_set(text: &str) -> HashSet<String> {
    tre_text::tokens(text).map(tre_text::lower).collect()
}

/// Whether two sentences say the same thing in the same words: a reprint, a teaser repeated
/// in the body, one sentence contained in the other. Jaccard over syllable sets catches
/// reworded copies; containment catches a sentence cut short or extended by a clause.
pub(crate) fn near_duplicate(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let inter = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    let smaller = a.len().min(b.len()) as f64;
    inter / union >= 0.7 || (smaller >= 6.0 && inter / smaller >= 0.85)
}

/// A key under which differently written forms of one name or number merge: folded, white
/// space and punctuation collapsed (`Nghị quyết 34-NQ/TW` and `nghi quyet 34 nq tw`).
pub(crate) fn merge_key(text: &str) -> String {
    let folded = tre_text::fold(text);
    let mut out = String::with_capacity(folded.len());
    for t in tre_text::tokens(&folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// Characters that may not appear in XML 1.0 (and so in DOCX or in HTML parsed as XML): C0
/// controls other than tab, line feed and carriage return, lone surrogates cannot occur in a
/// `str`, and the non-characters U+FFFE and U+FFFF. Input text is not trusted to be free of them.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_and_keys() {
        let a = syllable_set("Bộ trưởng Bùi Thanh Sơn làm việc với các Trưởng cơ quan đại diện.");
        let b =
            syllable_set("Bộ trưởng Bùi Thanh Sơn đã làm việc với các Trưởng cơ quan đại diện.");
        let c = syllable_set("Thủ tướng Phạm Minh Chính dự hội nghị ngoại giao.");
        assert!(near_duplicate(&a, &b));
        assert!(!near_duplicate(&a, &c));
        assert_eq!(
            merge_key("Nghị quyết 34-NQ/TW"),
            merge_key("nghi quyet 34 NQ TW")
        );
        assert!(!is_xml_char('\u{1}') && is_xml_char('ệ') && !is_xml_char('\u{FFFE}'));
    }
}

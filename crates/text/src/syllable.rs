//! The structure of a Vietnamese syllable (onset, vowel cluster, coda) and where its tone mark
//! belongs.
//!
//! tre writes tones in the "old" placement, the one of the seeds, of most Vietnamese news and of
//! the extraction scorer: in an open syllable ending in `oa`, `oe`, `uy` the mark sits on the
//! first vowel (`hòa`, `khỏe`, `thủy`, `Ủy`); once a consonant closes the syllable it moves to
//! the last vowel (`hoàng`, `khuyến`). A vowel with a hat, breve or horn always takes the mark
//! (`người`, `thuở`).

use crate::letters::{Tone, lower_char, split_tone, with_tone};

const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

const CODAS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel clusters (glides included) that occur in Vietnamese syllables, toneless.
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oao", "oay", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu", "uêu",
];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_modifier(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// A parsed syllable over lower-case toneless letters: the index range of its vowel cluster
/// and whether a consonant closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub vowels_start: usize,
    pub vowels_end: usize,
    pub closed: bool,
}

/// Parses lower-case toneless letters as one Vietnamese syllable.
pub fn parse(letters: &[char]) -> Option<Shape> {
    if letters.is_empty() || letters.len() > 7 {
        return None;
    }
    // Longest onset first; "gi" and "qu" fall back to "g"/"q"-less readings when the rest does
    // not parse (`gìn` is g + in, `giữ` is gi + ư).
    for onset in ONSETS.iter().copied().chain(std::iter::once("")) {
        let n = onset.chars().count();
        if n > letters.len() || !onset.chars().zip(letters).all(|(a, &b)| a == b) {
            continue;
        }
        if let Some(shape) = parse_rhyme(letters, n) {
            return Some(shape);
        }
    }
    None
}

fn parse_rhyme(letters: &[char], start: usize) -> Option<Shape> {
    let mut end = start;
    while end < letters.len() && is_vowel(letters[end]) {
        end += 1;
    }
    if end == start {
        return None;
    }
    let cluster: String = letters[start..end].iter().collect();
    let coda: String = letters[end..].iter().collect();
    if !CODAS.contains(&coda.as_str()) {
        return None;
    }
    if !NUCLEI.contains(&cluster.as_str()) {
        return None;
    }
    Some(Shape {
        vowels_start: start,
        vowels_end: end,
        closed: !coda.is_empty(),
    })
}

/// Index (into `letters`) of the vowel that carries the tone in the canonical placement.
pub fn tone_position(letters: &[char], shape: Shape) -> usize {
    let vowels = &letters[shape.vowels_start..shape.vowels_end];
    if let Some(i) = vowels.iter().rposition(|&c| has_modifier(c)) {
        return shape.vowels_start + i;
    }
    let i = match (vowels.len(), shape.closed) {
        (1, _) => 0,
        (_, true) => vowels.len() - 1,
        (2, false) => 0,
        _ => 1,
    };
    shape.vowels_start + i
}

/// Moves the tone mark of one word (a run of letters) to its canonical vowel. Words that are not
/// a well-formed Vietnamese syllable, carry no tone, or carry two, are left as they are. Appends
/// the result to `out`.
pub fn canonical_tone_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.push_str(word);
        return;
    }
    let mut bases: [char; 8] = ['\0'; 8];
    let mut lowers: [char; 8] = ['\0'; 8];
    let mut tone: Option<(usize, Tone)> = None;
    let mut n = 0;
    for c in word.chars() {
        if n == 8 {
            out.push_str(word);
            return;
        }
        let (base, t) = split_tone(c);
        if let Some(t) = t {
            if tone.is_some() {
                out.push_str(word);
                return;
            }
            tone = Some((n, t));
        }
        bases[n] = base;
        lowers[n] = lower_char(base);
        n += 1;
    }
    let Some((at, t)) = tone else {
        out.push_str(word);
        return;
    };
    // Fast paths that need no parse: the tone already sits on the only vowel, or on the last
    // vowel with a hat, breve or horn (where the rules put it whenever the word parses; when it
    // does not parse the word is left alone anyway).
    let lw = &lowers[..n];
    let vowels = lw.iter().filter(|&&c| is_vowel(c)).count();
    if (vowels == 1 && is_vowel(lw[at])) || lw.iter().rposition(|&c| has_modifier(c)) == Some(at) {
        out.push_str(word);
        return;
    }
    let Some(shape) = parse(&lowers[..n]) else {
        out.push_str(word);
        return;
    };
    let target = tone_position(&lowers[..n], shape);
    if target == at {
        out.push_str(word);
        return;
    }
    let Some(moved) = with_tone(bases[target], t) else {
        out.push_str(word);
        return;
    };
    for (i, &b) in bases[..n].iter().enumerate() {
        out.push(if i == target { moved } else { b });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(w: &str) -> String {
        let mut s = String::new();
        canonical_tone_into(w, &mut s);
        s
    }

    #[test]
    fn old_placement_for_open_oa_oe_uy() {
        assert_eq!(canon("hoà"), "hòa");
        assert_eq!(canon("Uỷ"), "Ủy");
        assert_eq!(canon("UỶ"), "ỦY");
        assert_eq!(canon("thuỷ"), "thủy");
        assert_eq!(canon("khoẻ"), "khỏe");
        assert_eq!(canon("hòa"), "hòa");
    }

    #[test]
    fn closed_syllables_keep_mark_on_last_vowel() {
        assert_eq!(canon("hoàng"), "hoàng");
        assert_eq!(canon("hòang"), "hoàng");
        assert_eq!(canon("khuyến"), "khuyến");
        assert_eq!(canon("huỳnh"), "huỳnh");
        assert_eq!(canon("toán"), "toán");
    }

    #[test]
    fn modified_vowels_take_the_mark() {
        assert_eq!(canon("nguời"), "nguời"); // "uơ" is not "ươ": left alone unless it parses
        assert_eq!(canon("ngừơi"), "người");
        assert_eq!(canon("thủơ"), "thuở");
        assert_eq!(canon("tìên"), "tiền");
        assert_eq!(canon("giữ"), "giữ");
        assert_eq!(canon("gìn"), "gìn");
        assert_eq!(canon("qúy"), "quý");
        assert_eq!(canon("ngòai"), "ngoài");
    }

    #[test]
    fn foreign_words_untouched() {
        assert_eq!(canon("café"), "café");
        assert_eq!(canon("José"), "José");
        assert_eq!(canon("Zürich"), "Zürich");
        assert_eq!(canon("Hélène"), "Hélène");
    }
}

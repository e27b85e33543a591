//! Rules applied after the CRF, for what a statistical model trained on other conventions
//! gets wrong and a user notices.

use crate::model::{Model, UNKNOWN, pair_key, triple_key};
use crate::pretok::{Token, TokenKind};
use tre_text::plausible::is_vietnamese_syllable;

/// Adjusts `begins` (true where a token begins a word) for the sentence's `tokens`; `low`
/// holds the model's ids of the lower-cased tokens.
pub(crate) fn apply(m: &Model, text: &str, tokens: &[Token], low: &[u32], begins: &mut [bool]) {
    split_lower_before_capital(text, tokens, begins);
    split_name_before_lower(m, text, tokens, low, begins);
    join_person_names(text, tokens, begins);
    join_spaced_abbreviations(text, tokens, begins);
}

/// Whether the lower-cased pair is an entry of either model's dictionary.
fn in_dictionary(m: &Model, a: u32, b: u32) -> bool {
    a != UNKNOWN
        && b != UNKNOWN
        && m.pairs
            .get(&pair_key(a, b))
            .is_some_and(|p| p.dict || p.pv_dict)
}

/// A capitalised syllable followed by a lower-case one in the same word is a word written with
/// a capital (`Bộ_trưởng`, `Ủy_ban`, `Ban_chấp_hành`) only when the word, or that pair, is a
/// dictionary word; otherwise the model has glued a name to the next word (`Kim_là`,
/// `Nguyễn_Thu_Hà_sinh`), a known weakness of CRFs that see capitals mostly on names. Only
/// capitals inside a sentence count: the first word's capital says nothing.
fn split_name_before_lower(
    m: &Model,
    text: &str,
    tokens: &[Token],
    low: &[u32],
    begins: &mut [bool],
) {
    let mut start = 0;
    for i in 1..tokens.len() {
        if begins[i] {
            start = i;
            continue;
        }
        let mid_sentence = i >= 2
            && matches!(
                tokens[i - 2].kind,
                TokenKind::Syllable | TokenKind::Abbreviation | TokenKind::Number
            )
            && (i - 1 > start || begins[i - 1]);
        if mid_sentence
            && tokens[i - 1].kind == TokenKind::Syllable
            && tokens[i].kind == TokenKind::Syllable
            && capitalised(text, &tokens[i - 1])
            && !capitalised(text, &tokens[i])
            && !in_dictionary(m, low[i - 1], low[i])
            && !word_in_dictionary(m, &low[start..], begins, start)
        {
            begins[i] = true;
            start = i;
        }
    }
}

/// Whether the word starting at `start` (ids `low`, its extent read from `begins`) is a two-
/// or three-syllable dictionary entry.
fn word_in_dictionary(m: &Model, low: &[u32], begins: &[bool], start: usize) -> bool {
    let len = (start + 1..begins.len())
        .find(|&k| begins[k])
        .unwrap_or(begins.len())
        - start;
    match (len, low) {
        (2, [a, b, ..]) => in_dictionary(m, *a, *b),
        (3, [a, b, c, ..]) => {
            *a != UNKNOWN
                && *b != UNKNOWN
                && *c != UNKNOWN
                && m.triples
                    .get(&triple_key(*a, *b, *c))
                    .is_some_and(|t| t.dict || t.pv_dict)
        }
        _ => false,
    }
}

/// Common Vietnamese family names. A run of two to four capitalised syllables starting with
/// one is a person's name and one word (`Thái Hoàng_Nguyên` → `Thái_Hoàng_Nguyên` is not
/// attempted: `Thái` is also Thailand; only names that are unambiguous surnames start a run).
const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đoàn", "Trịnh", "Đinh", "Lưu", "Lương", "Mai", "Tô", "Tạ", "Trương", "Hà",
    "Lâm", "Chu", "Cao", "Đào", "Quách", "Vương", "Văn", "Thân", "Triệu", "Kiều", "Tôn", "Nghiêm",
    "Khổng", "Mạc", "Lã", "Giang", "Hoàng", "Phùng", "Âu",
];

/// Joins a person's name the model split (`Nguyễn Văn_An` → `Nguyễn_Văn_An`): a surname
/// followed by one to three capitalised Vietnamese syllables, none of which begins a word
/// that goes on in lower case (so `Hà Nội` stays a place handled by the model and
/// `Nguyễn Bộ_trưởng` is never glued).
fn join_person_names(text: &str, tokens: &[Token], begins: &mut [bool]) {
    let syllable = |t: &Token| {
        t.kind == TokenKind::Syllable
            && capitalised(text, t)
            && is_vietnamese_syllable(&text[t.start..t.end])
    };
    let mut i = 0;
    while i < tokens.len() {
        if !(begins[i]
            && syllable(&tokens[i])
            && SURNAMES.contains(&&text[tokens[i].start..tokens[i].end]))
        {
            i += 1;
            continue;
        }
        // Extend over whole words made only of capitalised syllables.
        let mut end = i + 1;
        let mut j = i + 1;
        while j < tokens.len() && j - i < 4 {
            let mut k = j;
            while k < tokens.len() && (k == j || !begins[k]) && syllable(&tokens[k]) {
                k += 1;
            }
            let word_end = (j + 1..=tokens.len())
                .find(|&x| x == tokens.len() || begins[x])
                .unwrap_or(tokens.len());
            if k != word_end || word_end - i > 4 {
                break;
            }
            end = word_end;
            j = word_end;
        }
        if end - i >= 2 {
            for b in &mut begins[i + 1..end] {
                *b = false;
            }
        }
        i = end.max(i + 1);
    }
}

fn capitalised(text: &str, t: &Token) -> bool {
    text[t.start..t.end].starts_with(char::is_uppercase)
}

/// A lower-case syllable followed by a capitalised one is not one word: capitals mark the
/// start of a name or title (`các vị | Trưởng cơ_quan`, `người | Việt_Nam`), and Vietnamese
/// compounds capitalise their first syllable, never only a later one. The model, trained on
/// news where such pairs are rare, sometimes joins them.
fn split_lower_before_capital(text: &str, tokens: &[Token], begins: &mut [bool]) {
    for i in 1..tokens.len() {
        if !begins[i]
            && tokens[i - 1].kind == TokenKind::Syllable
            && tokens[i].kind == TokenKind::Syllable
            && !capitalised(text, &tokens[i - 1])
            && capitalised(text, &tokens[i])
        {
            begins[i] = true;
        }
    }
}

/// `KT - XH`, `VH - TT`: two abbreviations around a spaced hyphen are one abbreviation
/// (kinh tế - xã hội), written with spaces by some outlets; `2021 - 2025` is one term, as
/// `2021-2025` is.
fn join_spaced_abbreviations(text: &str, tokens: &[Token], begins: &mut [bool]) {
    for i in 0..tokens.len().saturating_sub(2) {
        let (a, dash, b) = (tokens[i], tokens[i + 1], tokens[i + 2]);
        let abbreviations = a.kind == TokenKind::Abbreviation
            && b.kind == TokenKind::Abbreviation
            && dash.kind == TokenKind::Punct
            && matches!(&text[dash.start..dash.end], "-" | "–");
        if abbreviations || is_year_range(text, a, dash, b) {
            begins[i + 1] = false;
            begins[i + 2] = false;
        }
    }
}

fn is_year(text: &str, t: Token) -> bool {
    let s = &text[t.start..t.end];
    t.kind == TokenKind::Number
        && s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && matches!(s.as_bytes()[0], b'1' | b'2')
}

fn is_year_range(text: &str, a: Token, dash: Token, b: Token) -> bool {
    is_year(text, a)
        && is_year(text, b)
        && dash.kind == TokenKind::Punct
        && matches!(&text[dash.start..dash.end], "-" | "–")
        && text[a.start..a.end] < text[b.start..b.end]
}

//! The passage shown under a search hit, with the query's words marked.
//!
//! Picks the window of the text where the most distinct query words occur closest together,
//! extends it to a sentence start when one is near, and reports highlight ranges (merged, so
//! `Bùi Thanh Sơn` is one mark, not three).

use crate::analyzer::map_token;
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// A passage and the byte ranges in it to highlight.
///
/// Serialised (JSON output, the API) with the ranges counted in characters (Unicode scalar
/// values), which is what JavaScript and Python index strings by, not in UTF-8 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

impl Serialize for Snippet {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct CharRange {
            start: usize,
            end: usize,
        }
        let to_chars = |b: usize| self.text[..b].chars().count();
        let ranges: Vec<CharRange> = self
            .highlights
            .iter()
            .map(|r| CharRange {
                start: to_chars(r.start),
                end: to_chars(r.end),
            })
            .collect();
        let mut st = ser.serialize_struct("Snippet", 2)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("highlights", &ranges)?;
        st.end()
    }
}

impl Snippet {
    /// The passage with highlights wrapped in `open`/`close` (for terminals and Markdown).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut at = 0;
        for h in &self.highlights {
            out.push_str(&self.text[at..h.start]);
            out.push_str(open);
            out.push_str(&self.text[h.clone()]);
            out.push_str(close);
            at = h.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// A run of tokens to mark wherever it occurs whole, in the exact (diacritics kept) or the
/// folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    pub tokens: Vec<String>,
    pub exact: bool,
}

/// What to mark: each sequence wherever all its tokens occur side by side.
#[derive(Debug, Default, Clone)]
pub struct Terms {
    pub sequences: Vec<Sequence>,
}

impl Terms {
    /// Every token marked on its own, in folded form (for tests and simple callers).
    pub fn folded_words(words: &[&str]) -> Terms {
        Terms {
            sequences: words
                .iter()
                .map(|w| Sequence {
                    tokens: vec![(*w).to_owned()],
                    exact: false,
                })
                .collect(),
        }
    }
}

struct Hit {
    span: Range<usize>,
    /// Which sequence matched (for counting distinct terms in a window).
    term: usize,
}

/// FNV-1a-style hash over the characters of a token's indexed form (folded or exact), computed without
/// building the form: snippets compare hashes, then confirm equal hashes on the text.
fn token_hash(word: &str, fold: bool) -> u64 {
    // One multiply per character (not per byte): the hash only has to agree with itself.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut push = |c: char| {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        for b in word.bytes() {
            push(b.to_ascii_lowercase() as char);
        }
        return h;
    }
    for c in word.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            if !fold {
                push(c);
            }
            continue;
        }
        push(if fold {
            tre_text::letters::fold_char(c)
        } else {
            tre_text::letters::lower_char(c)
        });
    }
    h
}

/// Builds a snippet of about `max_chars` characters from `text`.
pub fn snippet(text: &str, terms: &Terms, max_chars: usize) -> Snippet {
    let need_exact = terms.sequences.iter().any(|s| s.exact);
    let need_fold = terms.sequences.iter().any(|s| !s.exact);
    // One pass over the text: each token's span and the hashes of the forms asked for.
    let mut spans: Vec<tre_text::Span> = Vec::with_capacity(text.len() / 5);
    let mut folded: Vec<u64> = Vec::new();
    let mut exact: Vec<u64> = Vec::new();
    for sp in tre_text::token_spans(text) {
        let w = &text[sp.start..sp.end];
        if need_fold {
            folded.push(token_hash(w, true));
        }
        if need_exact {
            exact.push(token_hash(w, false));
        }
        spans.push(sp);
    }
    // Token index → matched sequence, first sequence wins.
    let mut marked: Vec<Option<usize>> = vec![None; spans.len()];
    let mut form = String::new();
    for (k, seq) in terms.sequences.iter().enumerate() {
        let n = seq.tokens.len();
        let forms = if seq.exact { &exact } else { &folded };
        if n == 0 || n > forms.len() {
            continue;
        }
        let want: Vec<u64> = seq
            .tokens
            .iter()
            .map(|t| token_hash(t, !seq.exact))
            .collect();
        for i in 0..=forms.len() - n {
            if forms[i..i + n] != want[..] {
                continue;
            }
            // Confirm on the text (a hash collision must never mark a wrong word).
            let same = seq.tokens.iter().zip(&spans[i..i + n]).all(|(t, sp)| {
                form.clear();
                map_token(&text[sp.start..sp.end], !seq.exact, &mut form);
                form == *t
            });
            if same {
                for m in &mut marked[i..i + n] {
                    m.get_or_insert(k);
                }
            }
        }
    }
    let mut hits: Vec<Hit> = Vec::new();
    let mut token_index: Vec<usize> = Vec::new();
    for (i, m) in marked.iter().enumerate() {
        if let Some(k) = m {
            hits.push(Hit {
                span: spans[i].start..spans[i].end,
                term: *k,
            });
            token_index.push(i);
        }
    }
    let (start, end) = if hits.is_empty() || text.chars().nth(max_chars).is_none() {
        (0, cut_end(text, 0, max_chars))
    } else {
        let best = best_window(&hits, &token_index, max_chars);
        let s = sentence_start(text, hits[best].span.start, max_chars / 4);
        (s, cut_end(text, s, max_chars))
    };
    build(text, start, end, &hits)
}

/// Index of the hit at which the best window starts: most distinct terms, then most hits, then
/// tightest.
fn best_window(hits: &[Hit], token_index: &[usize], max_chars: usize) -> usize {
    // Roughly five characters per Vietnamese syllable plus its space.
    let width_tokens = (max_chars / 6).max(8);
    let mut best = (0usize, 0usize, usize::MAX, 0usize);
    for i in 0..hits.len() {
        let mut distinct: HashSet<usize> = HashSet::new();
        let mut n = 0;
        let mut j = i;
        while j < hits.len() && token_index[j] < token_index[i] + width_tokens {
            distinct.insert(hits[j].term);
            n += 1;
            j += 1;
        }
        let spread = token_index[j - 1] - token_index[i];
        let key = (distinct.len(), n, usize::MAX - spread, i);
        if (key.0, key.1, key.2) > (best.0, best.1, best.2) {
            best = key;
        }
    }
    best.3
}

/// Moves `at` back to the start of its sentence when that is within `max_back` bytes.
fn sentence_start(text: &str, at: usize, max_back: usize) -> usize {
    let floor = at.saturating_sub(max_back);
    let bytes = text.as_bytes();
    let mut i = at;
    while i > floor {
        let b = bytes[i - 1];
        if b == b'\n' || ((b == b' ') && i >= 2 && matches!(bytes[i - 2], b'.' | b'!' | b'?')) {
            return i;
        }
        i -= 1;
    }
    if floor == 0 {
        return 0;
    }
    // No sentence start near: begin at a word boundary shortly before the hit.
    let mut i = floor;
    while i < at && !text.is_char_boundary(i) {
        i += 1;
    }
    match text[i..at].find(' ') {
        Some(p) => i + p + 1,
        None => at,
    }
}

/// End of a passage of at most `max_chars` characters from `start`, at a word boundary.
fn cut_end(text: &str, start: usize, max_chars: usize) -> usize {
    let rest = &text[start..];
    match rest.char_indices().nth(max_chars) {
        None => text.len(),
        Some((limit, _)) => match rest[..limit].rfind([' ', '\n']) {
            Some(p) if p > limit / 2 => start + p,
            _ => start + limit,
        },
    }
}

fn build(text: &str, start: usize, end: usize, hits: &[Hit]) -> Snippet {
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push_str("… ");
    }
    let mut highlights: Vec<Range<usize>> = Vec::new();
    let mut hit_iter = hits
        .iter()
        .filter(|h| h.span.start >= start && h.span.end <= end)
        .peekable();
    let mut open: Option<usize> = None;
    let mut last_space = false;
    for (i, c) in text[start..end].char_indices() {
        let pos = start + i;
        if hit_iter.peek().is_some_and(|h| pos == h.span.start) {
            // Join with the previous mark when only spaces, hyphens, slashes or dots separate
            // them (a name, `34-NQ/TW`).
            match highlights.last_mut() {
                Some(prev)
                    if out[prev.end..]
                        .chars()
                        .all(|c| matches!(c, ' ' | '-' | '–' | '/' | '.')) =>
                {
                    open = Some(prev.start);
                    highlights.pop();
                }
                _ => open = Some(out.len()),
            }
        }
        let c = if c == '\n' { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        out.push(c);
        if let Some(h) = hit_iter.peek()
            && pos + c.len_utf8() == h.span.end
        {
            if let Some(s) = open.take() {
                highlights.push(s..out.len());
            }
            hit_iter.next();
        }
    }
    if end < text.len() {
        out.push_str(" …");
    }
    Snippet {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(fold: &[&str]) -> Terms {
        Terms::folded_words(fold)
    }

    #[test]
    fn marks_a_name_as_one_span() {
        let text = "Sáng 10/1, Bộ Ngoại giao tổ chức hội nghị. Đồng chí Bùi Thanh Sơn chủ trì.";
        let s = snippet(text, &terms(&["bui", "thanh", "son"]), 200);
        assert_eq!(
            s.marked("[", "]"),
            "Sáng 10/1, Bộ Ngoại giao tổ chức hội nghị. Đồng chí [Bùi Thanh Sơn] chủ trì."
        );
    }

    #[test]
    fn long_text_is_windowed_around_the_hits() {
        let filler = "Nội dung không liên quan. ".repeat(40);
        let text = format!("{filler}Thủ tướng Phạm Minh Chính phát biểu. {filler}");
        let s = snippet(&text, &terms(&["pham", "minh", "chinh"]), 120);
        assert!(s.text.starts_with("… "), "{}", s.text);
        assert!(s.text.ends_with(" …"), "{}", s.text);
        assert!(
            s.marked("[", "]").contains("[Phạm Minh Chính]"),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() < 140);
    }

    #[test]
    fn no_hits_gives_the_opening() {
        let s = snippet("Một hai ba bốn năm sáu bảy.", &terms(&["x"]), 10);
        assert!(s.highlights.is_empty());
        assert!(s.text.starts_with("Một hai"));
    }

    #[test]
    fn exact_terms_respect_diacritics() {
        let t = Terms {
            sequences: vec![Sequence {
                tokens: vec!["biển".into(), "đông".into()],
                exact: true,
            }],
        };
        let s = snippet("Giá biến động. Tình hình Biển Đông.", &t, 200);
        assert_eq!(s.marked("[", "]"), "Giá biến động. Tình hình [Biển Đông].");
    }

    #[test]
    fn a_phrase_is_marked_only_where_it_occurs_whole() {
        let t = Terms {
            sequences: vec![Sequence {
                tokens: vec!["uy".into(), "ban".into(), "kiem".into(), "tra".into()],
                exact: false,
            }],
        };
        let s = snippet(
            "Ủy viên Ban Bí thư, Chủ nhiệm Ủy ban Kiểm tra Trung ương; kiểm tra.",
            &t,
            200,
        );
        assert_eq!(
            s.marked("[", "]"),
            "Ủy viên Ban Bí thư, Chủ nhiệm [Ủy ban Kiểm tra] Trung ương; kiểm tra."
        );
    }

    #[test]
    fn document_numbers_are_marked_whole() {
        let s = snippet(
            "Nghị quyết số 34-NQ/TW ngày 9/1/2023.",
            &terms(&["34", "nq", "tw"]),
            200,
        );
        assert_eq!(
            s.marked("[", "]"),
            "Nghị quyết số [34-NQ/TW] ngày 9/1/2023."
        );
    }
}

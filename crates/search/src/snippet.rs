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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
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

/// Words to mark: exact forms (diacritics kept) and folded forms.
#[derive(Debug, Default, Clone)]
pub struct Terms {
    pub exact: HashSet<String>,
    pub fold: HashSet<String>,
}

struct Hit {
    span: Range<usize>,
    term: String,
}

/// Builds a snippet of about `max_chars` characters from `text`.
pub fn snippet(text: &str, terms: &Terms, max_chars: usize) -> Snippet {
    let mut hits: Vec<Hit> = Vec::new();
    let mut buf = String::new();
    let mut token_index: Vec<usize> = Vec::new();
    for (i, span) in tre_text::token_spans(text).enumerate() {
        let w = &text[span.start..span.end];
        buf.clear();
        map_token(w, true, &mut buf);
        let fold_hit = terms.fold.contains(&buf);
        let exact_hit = !fold_hit && !terms.exact.is_empty() && {
            let mut e = String::new();
            map_token(w, false, &mut e);
            terms.exact.contains(&e)
        };
        if fold_hit || exact_hit {
            hits.push(Hit {
                span: span.start..span.end,
                term: buf.clone(),
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
        let mut distinct: HashSet<&str> = HashSet::new();
        let mut n = 0;
        let mut j = i;
        while j < hits.len() && token_index[j] < token_index[i] + width_tokens {
            distinct.insert(&hits[j].term);
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
        if let Some(h) = hit_iter.peek() {
            if pos == h.span.start {
                // Join with the previous mark when only spaces or hyphens separate them.
                match highlights.last_mut() {
                    Some(prev)
                        if out[prev.end..]
                            .chars()
                            .all(|c| c == ' ' || c == '-' || c == '–') =>
                    {
                        open = Some(prev.start);
                        highlights.pop();
                    }
                    _ => open = Some(out.len()),
                }
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
        Terms {
            exact: HashSet::new(),
            fold: fold.iter().map(|s| s.to_string()).collect(),
        }
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
            exact: ["biển".to_string(), "đông".to_string()].into(),
            fold: HashSet::new(),
        };
        let s = snippet("Giá biến động. Tình hình Biển Đông.", &t, 200);
        assert_eq!(s.marked("[", "]"), "Giá biến động. Tình hình [Biển Đông].");
    }
}

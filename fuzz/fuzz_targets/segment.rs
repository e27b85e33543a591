//! Feeds arbitrary bytes (as lossy UTF-8, raw and normalised) to the segmenter and checks
//! its invariants: no panic, words in order and within bounds on character boundaries, and
//! every non-space character of the input in the output exactly once, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tre_segment::{Segmenter, sentences};

fn non_space(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

fn check(seg: &Segmenter, text: &str) {
    let mut last = 0;
    for r in sentences(text) {
        assert!(r.start >= last && r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        last = r.end;
    }
    let words = seg.words(text);
    let mut last = 0;
    let mut covered = String::new();
    for w in &words {
        assert!(
            w.start >= last && w.start < w.end && w.end <= text.len(),
            "{w:?}"
        );
        assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        covered.push_str(&text[w.start..w.end]);
        last = w.end;
    }
    assert!(
        non_space(&covered).eq(non_space(text)),
        "words lose characters"
    );
    let line = seg.segment_line(text);
    assert!(!line.contains('\n'));
    // Underscores join syllables in the output, so compare without them.
    let a = non_space(&line).filter(|&c| c != '_');
    let b = non_space(text).filter(|&c| c != '_');
    assert!(a.eq(b), "segment_line changed the syllables");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = Segmenter::shared();
    check(seg, &text);
    check(seg, &tre_text::normalize(&text));
});

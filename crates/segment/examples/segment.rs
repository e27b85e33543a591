//! Reads lines on stdin and writes them segmented (`tre segment`'s contract): one output line
//! per input line, words separated by spaces, syllables of a word joined by `_`. Each line is
//! normalised with `tre_text::normalize` first, as the spine does at its door.
//!
//! ```text
//! cargo run --release -p tre-segment --example segment < lines.txt > out.txt
//! ```
//!
//! `TRE_PYVI_WEIGHT=0` runs underthesea's model alone (see the README's ensemble notes).

use std::io::{BufRead, BufWriter, Write};

fn main() -> std::io::Result<()> {
    // TRE_PYVI_WEIGHT overrides the ensemble weight, for evaluation only.
    let mut seg = tre_segment::Segmenter::new();
    if let Some(w) = std::env::var("TRE_PYVI_WEIGHT")
        .ok()
        .and_then(|w| w.parse().ok())
    {
        seg = seg.with_pyvi_weight(w);
    }
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut buf = String::new();
    for line in stdin.lines() {
        let line = line?;
        let norm = tre_text::normalize(&line);
        // normalize keeps inner line breaks; an input line has none, but be safe.
        let norm = norm.replace('\n', " ");
        buf.clear();
        seg.segment_line_into(&norm, &mut buf);
        out.write_all(buf.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

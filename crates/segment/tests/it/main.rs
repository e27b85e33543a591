//! Integration tests of tre-segment: the `tre segment` contract, typed units, sentence
//! splitting, the seed articles, properties, and regressions.

mod contract;
mod props;
mod regressions;
mod seeds;
mod sentences;
mod units;

use tre_segment::{Segmenter, Word, WordKind};

pub fn seg() -> &'static Segmenter {
    Segmenter::shared()
}

/// The words of `text` with their kinds, as `(text, kind)` pairs.
pub fn words(text: &str) -> Vec<(String, WordKind)> {
    seg()
        .words(text)
        .iter()
        .map(|w: &Word| (w.text(text).to_string(), w.kind))
        .collect()
}

/// The kind of the word whose text is exactly `needle`, panicking with the segmentation when
/// there is none (so a failure shows what came out).
pub fn kind_of(text: &str, needle: &str) -> WordKind {
    let ws = words(text);
    ws.iter()
        .find(|(w, _)| w == needle)
        .map(|(_, k)| *k)
        .unwrap_or_else(|| panic!("no word {needle:?} in {ws:?}"))
}

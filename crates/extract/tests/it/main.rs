//! The integration tests of tre-extract: one binary (see DEVELOPERS.md).
//!
//! - `rules`: one case or more per extraction rule, on short articles written for the test.
//! - `seeds`: the five seed articles (`samples/seeds/`, cleaned by tre-page) scored against
//!   their gold (`tests/gold/seeds/`, copied from `../shared/gold/seeds`) with `score`, a Rust
//!   implementation of the contract's scoring rules; per-field F1 must stay above floors.
//! - `props`: any text is extracted without a panic, and every span points into the text.
//!
//! Nothing here needs `../shared`.

mod props;
mod rules;
mod score;
mod seeds;

use tre_extract::{ArticleInput, Extraction, Extractor};

/// One extractor for the whole binary (building it takes a few milliseconds).
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(&tre_lexicon::Lexicon::builtin()))
}

/// An article from a title and paragraphs (normalised here, as the spine does).
pub fn article(title: &str, paragraphs: &[&str]) -> ArticleInput {
    ArticleInput {
        id: "test".into(),
        title: tre_text::normalize(title),
        paragraphs: paragraphs.iter().map(|p| tre_text::normalize(p)).collect(),
        ..ArticleInput::default()
    }
}

/// Extracts an article whose title is a neutral headline and whose one paragraph is `text`.
pub fn extract(text: &str) -> Extraction {
    extractor().extract(&article("Tin tức", &[text]))
}

/// The titles of the person named `name`, or a failure message listing who was found.
pub fn titles_of(x: &Extraction, name: &str) -> Vec<String> {
    match x.persons.iter().find(|p| p.name == name) {
        Some(p) => p.titles.clone(),
        None => panic!(
            "no person {name:?}; found {:?}",
            x.persons.iter().map(|p| &p.name).collect::<Vec<_>>()
        ),
    }
}

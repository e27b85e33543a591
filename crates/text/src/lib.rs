//! Vietnamese text primitives for tre: the normalisation every string passes through once,
//! accent folding, syllable tokens, and tests of whether text is plausible Vietnamese.
//!
//! **Architecture invariant:** pure code. No I/O, no allocation-heavy state, no dependency on
//! any other tre crate; everything here is a function of its input.

pub mod fold;
pub mod letters;
pub mod normalize;
pub mod plausible;
pub mod syllable;
pub mod tokens;

pub use fold::{fold, fold_into, has_diacritics, lower};
pub use normalize::{NormText, is_normalized, normalize};
pub use tokens::{Span, token_spans, tokens};

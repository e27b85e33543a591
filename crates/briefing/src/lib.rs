//! The daily briefing (giao ban) of tre as a document: one model, four formats.
//!
//! - [`model`]: the [`Briefing`] and its sections (top stories with extractive summaries and
//!   sources, events of the day and the coming days, people and posts that changed, documents
//!   cited, attention spikes, situations assigned to officers, a coverage footer). Every item
//!   names its articles; the briefing carries its highest [`Classification`].
//! - [`assemble()`]: builds a briefing from plain data the caller fetched from the store
//!   ([`BriefingInput`]): ranking ([`rank`]), summaries ([`mod@summarize`]), merging of duplicates,
//!   clearance filtering, spike detection, coverage.
//! - Renderers: [`to_markdown`], [`to_html`] (one self-contained printable page with inline
//!   SVG charts), [`to_docx`] (a Vietnamese administrative document per Decree
//!   30/2020/NĐ-CP), and [`to_json`].
//!
//! **Architecture invariant:** pure. No file, network or clock access: the caller passes the
//! date and time of generation, and the renderers return a `String` or bytes.

pub mod assemble;
pub mod date;
pub mod model;
pub mod rank;
pub mod render;
pub mod summarize;
mod textutil;

pub use assemble::{
    ArticleInput, AssemblyOptions, BriefingInput, FeedInput, SeriesInput, SpikeRule, StoryInput,
    assemble, detect_spike,
};
pub use date::{Date, DateError, DateTime};
pub use model::*;
pub use rank::{
    MatchKind, RelevanceMatch, StoryScore, StorySignals, explain, rank_stories, score_story,
};
pub use render::docx::{DocxError, to_docx};
pub use render::html::to_html;
pub use render::markdown::to_markdown;
pub use summarize::{Summarizer, SummaryOptions, SummarySource, is_boilerplate, summarize};

/// The briefing as pretty-printed JSON: the model as it is, for the web application and for
/// other programs.
pub fn to_json(b: &Briefing) -> String {
    // Serialising plain data with string keys cannot fail; should a future field make it
    // fail, the error is returned as a JSON string rather than a panic.
    serde_json::to_string_pretty(b)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

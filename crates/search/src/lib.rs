//! Full-text search over the store, Vietnamese-aware.
//!
//! The index is derived data: a tantivy index on local disk, built from the store and caught
//! up by sequence number ([`catch_up`]). It is never trusted over the store: an index that
//! belongs to another store, was written by another analyzer version, or cannot be read is
//! rebuilt.
//!
//! **Architecture invariant:** only this crate knows tantivy. Query parsing ([`query`]),
//! analysis ([`analyzer`]) and snippets ([`snippet`]) are pure and tested without an index.

pub mod aliases;
pub mod analyzer;
mod catchup;
pub mod facets;
pub mod index;
pub mod query;
pub mod snippet;

pub use catchup::{CatchUp, catch_up, rebuild};
pub use facets::{FacetCount, Facets};
pub use index::{IndexState, IndexUpdater, SearchIndex};
pub use query::QueryError;
pub use snippet::Snippet;
pub use tre_access::Visibility;

use serde::Serialize;
use std::path::PathBuf;

/// A search as a user asks it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    /// Inclusive publication-date bounds, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Outlet name, matched ignoring case and diacritics.
    pub outlet: Option<String>,
    /// Inclusive range of the days articles are filed under (publication date, or arrival
    /// date when none is stated), `YYYY-MM-DD`: what briefings select by.
    pub days: Option<(String, String)>,
    pub limit: usize,
    pub offset: usize,
    /// Whose search it is: only articles this allows are matched, counted, faceted and shown.
    /// `None` searches everything, which only maintenance and tests do; the service layer
    /// always sets it from the user.
    pub visibility: Option<Visibility>,
    /// Count the matching articles by outlet, month, pillar, place, person, organisation and
    /// document (see [`Facets`]).
    pub facets: bool,
    /// Keep only articles carrying every one of these facet values, written as
    /// `pillar:economic`, `place:Nhật Bản`, `person:Bùi Thanh Sơn`, `org:…`, `doc:…`,
    /// `outlet:…`, `month:2023-04`.
    pub facet_filters: Vec<String>,
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: String,
    pub title_snippet: Snippet,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// File path or URL the article was read from.
    pub source: String,
    pub url: Option<String>,
    pub score: f32,
    /// False when the hit only matches with diacritics ignored although the query had them.
    pub exact: bool,
    pub snippet: Snippet,
    /// The article's classification rank.
    pub classification: i32,
}

/// A page of results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Every matching article, diacritics ignored included.
    pub total: usize,
    /// For a query typed with diacritics: how many match exactly as typed.
    pub exact_total: Option<usize>,
    /// For a query with runs of several words: how many have them side by side (those come
    /// first; the rest have the words scattered through the article).
    pub adjacent_total: Option<usize>,
    pub hits: Vec<SearchHit>,
    /// Counts over every matching article, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Query(QueryError),
    #[error("{0}")]
    BadFilter(String),
    #[error(
        "the search index at {} is being updated by another tre process; wait for it to \
         finish, or stop it, and try again",
        .0.display()
    )]
    Locked(PathBuf),
    #[error("{doing} at {}: {detail}", path.display())]
    Io {
        doing: &'static str,
        path: PathBuf,
        detail: String,
    },
    #[error("search index error: {0} (if it persists, rebuild the index with `tre reindex`)")]
    Index(String),
    #[error(transparent)]
    Store(#[from] tre_store::StoreError),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(e.to_string())
    }
}

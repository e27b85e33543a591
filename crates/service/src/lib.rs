//! tre's use cases: what the command line and the web application both call, over the store
//! and the search index. Each takes the store as `&dyn Store`, so it runs the same on SQLite
//! and PostgreSQL.
//!
//! **Architecture invariant:** no HTTP, no terminal. Authorisation will live here (issue 6),
//! so that no front end can bypass it.

pub mod briefing;
pub mod stories;

pub use briefing::{BriefRequest, BriefStats};

/// What a use case can fail with, worded for the user.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] tre_store::StoreError),
    #[error(transparent)]
    Search(#[from] tre_search::SearchError),
}

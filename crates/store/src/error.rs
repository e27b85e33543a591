//! Storage errors, worded for the person who has to fix them.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The store could not be opened or reached.
    #[error("cannot open the {backend} store at {location}: {detail}. {hint}")]
    Open {
        backend: &'static str,
        location: String,
        detail: String,
        hint: String,
    },
    /// A migration failed or the schema is not one this version of tre understands.
    #[error("the store's schema cannot be brought up to date: {0}")]
    Schema(String),
    /// A query failed.
    #[error("the {backend} store failed while {doing}: {detail}")]
    Query {
        backend: &'static str,
        doing: &'static str,
        detail: String,
    },
    /// Data in the store is not what tre wrote.
    #[error("the store holds data tre cannot read: {0}")]
    Corrupt(String),
    /// The caller asked for something invalid.
    #[error("{0}")]
    Invalid(String),
}

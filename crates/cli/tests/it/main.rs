//! End-to-end tests of the `tre` binary: what a user types, what they see.

mod bad_input;
mod brief;
mod crash;
mod desks;
mod ingest;
mod knowledge;
mod postgres;
mod search;
mod support;

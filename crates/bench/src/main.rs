//! `tre-bench`: the figures the issues ask for, measured on the bulk corpus.
//!
//! `tre-bench spine --bulk ../shared/corpus/bulk/vntc-train.jsonl.zst` prints, and writes as
//! JSON: cleaning + normalisation throughput on one core, full ingest throughput (the `tre`
//! binary as a user runs it), reindex time, search latency percentiles over a fixed list of 200
//! queries (with the same queries on SQLite FTS5 and PostgreSQL full-text search as baselines),
//! and the peak resident memory of each step.
//!
//! Build it in release mode with the `tre` binary beside it:
//! `cargo build --release -p tre -p tre-bench`.

mod baselines;
mod measure;
mod spine;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "tre-bench", about = "Benchmarks for tre")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest, index and search benchmarks for the spine (issue 2).
    Spine(spine::Args),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    match cli.command {
        Command::Spine(a) => rt.block_on(spine::run(a)),
    }
}

/// The `tre` binary next to this one (same target directory and profile).
pub fn sibling_tre() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("tre")))
        .unwrap_or_else(|| PathBuf::from("tre"))
}

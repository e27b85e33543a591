//! `tre reindex`

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::Result;
use std::process::ExitCode;
use std::time::Instant;

pub async fn run(place: &Place) -> Result<ExitCode> {
    let store = place.store().await?;
    let index = place.index(store.as_ref())?;
    let start = Instant::now();
    let pb = output::bar(
        0,
        "{spinner} reindexing [{elapsed_precise}] [{bar:30}] {pos}/{len} articles ({per_sec}, {eta} left)",
    );
    let mut progress = |done: u64, total: u64| {
        pb.set_length(total);
        pb.set_position(done);
    };
    let r = tre_search::rebuild(&index, store.as_ref(), &mut progress).await;
    pb.finish_and_clear();
    let r = r?;
    crate::out!(
        "Rebuilt the search index from the store: {} articles in {:.1} s ({}, {:.0} MB).",
        thousands(r.indexed),
        start.elapsed().as_secs_f64(),
        index.dir().display(),
        index.disk_bytes() as f64 / 1_048_576.0
    );
    Ok(ExitCode::SUCCESS)
}

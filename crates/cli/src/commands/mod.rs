//! One module per subcommand.

pub mod brief;
pub mod demo;
pub mod desk;
pub mod extract;
pub mod ingest;
pub mod knowledge;
pub mod reindex;
pub mod search;
pub mod segment;
pub mod show;
pub mod stats;
pub mod stories;
pub mod trends;

use crate::output;
use anyhow::Result;
use std::time::Instant;
use tre_search::{CatchUp, SearchError, SearchIndex};
use tre_store::Store;

/// Brings the index up to date with the store, with a progress bar when there is real work.
/// When another process holds the index, says so and carries on with the index as it is.
pub async fn catch_up_index(
    index: &SearchIndex,
    store: &dyn Store,
    quiet: bool,
) -> Result<Option<CatchUp>> {
    let start = Instant::now();
    let pb = output::bar(
        0,
        "{spinner} indexing [{elapsed_precise}] [{bar:30}] {pos}/{len} articles ({per_sec})",
    );
    if quiet {
        pb.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut progress = |done: u64, total: u64| {
        pb.set_length(total);
        pb.set_position(done);
    };
    let result = tre_search::catch_up(index, store, &mut progress).await;
    pb.finish_and_clear();
    match result {
        Ok(c) => {
            if c.indexed > 0 && !quiet {
                eprintln!(
                    "{}",
                    output::dim(&format!(
                        "search index: {} {} in {:.1} s",
                        output::thousands(c.indexed),
                        if c.rebuilt {
                            "articles, rebuilt"
                        } else {
                            "articles indexed"
                        },
                        start.elapsed().as_secs_f64()
                    ))
                );
            }
            Ok(Some(c))
        }
        Err(SearchError::Locked(dir)) => {
            eprintln!(
                "note: the search index at {} is being updated by another tre process; \
                 results may miss the newest articles",
                dir.display()
            );
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

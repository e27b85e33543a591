//! Bringing the index up to date with the store.
//!
//! The index records, in each commit, the store it was built from and the highest sequence
//! number it holds. Catching up reads every article written after that number, in order, and
//! commits periodically, so an interrupted catch-up resumes where its last commit left off and
//! never indexes an article twice (each is replaced by id).
//!
//! This is blocking CPU work inside an async function (the store is async): callers that
//! serve requests should run it on a blocking thread.

use crate::SearchError;
use crate::analyzer::ANALYZER_VERSION;
use crate::index::{IndexState, SearchIndex};
use tre_store::Store;

/// Articles read from the store per request.
const PAGE: u32 = 1000;
/// Articles between durable commits during a long catch-up.
const COMMIT_EVERY: u64 = 20_000;

/// What a catch-up did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatchUp {
    /// Articles (re)indexed.
    pub indexed: u64,
    /// True when the index was discarded and rebuilt from the whole store.
    pub rebuilt: bool,
}

/// Indexes everything the store holds that the index does not. `progress(done, total)` is
/// called as pages are indexed.
pub async fn catch_up(
    index: &SearchIndex,
    store: &dyn Store,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<CatchUp, SearchError> {
    let stats = store.stats().await?;
    let (from, rebuild) = match index.state() {
        Some(s)
            if s.store_id == store.store_id()
                && s.analyzer_version == ANALYZER_VERSION
                && s.seq <= stats.max_seq =>
        {
            (s.seq, false)
        }
        // Another store's index, an older analyzer, or a store restored to an earlier point.
        Some(_) => (0, true),
        None => (0, index.num_docs() > 0),
    };
    run(index, store, from, rebuild, progress).await
}

/// Discards the index and builds it again from the whole store.
pub async fn rebuild(
    index: &SearchIndex,
    store: &dyn Store,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<CatchUp, SearchError> {
    run(index, store, 0, true, progress).await
}

async fn run(
    index: &SearchIndex,
    store: &dyn Store,
    from: i64,
    rebuild: bool,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<CatchUp, SearchError> {
    let total = store.count_since(from).await? as u64;
    if total == 0 && !rebuild {
        return Ok(CatchUp::default());
    }
    let mut writer = index.writer()?;
    if rebuild {
        writer.clear()?;
    }
    // On an empty index nothing needs replacing, which saves a delete per article.
    let fresh = rebuild || (from == 0 && index.num_docs() == 0);
    let mut seq = from;
    let mut done = 0u64;
    let mut since_commit = 0u64;
    progress(0, total);
    loop {
        let page = store.articles_since(seq, PAGE).await?;
        if page.is_empty() {
            break;
        }
        for a in &page {
            if fresh {
                writer.add(a)?;
            } else {
                writer.upsert(a)?;
            }
            seq = a.seq;
        }
        done += page.len() as u64;
        since_commit += page.len() as u64;
        progress(done, total.max(done));
        if since_commit >= COMMIT_EVERY {
            writer.commit(&state(store, seq))?;
            since_commit = 0;
        }
    }
    writer.commit(&state(store, seq))?;
    writer.finish()?;
    index.reload()?;
    Ok(CatchUp {
        indexed: done,
        rebuilt: rebuild,
    })
}

fn state(store: &dyn Store, seq: i64) -> IndexState {
    IndexState {
        store_id: store.store_id().to_owned(),
        seq,
        analyzer_version: ANALYZER_VERSION,
    }
}

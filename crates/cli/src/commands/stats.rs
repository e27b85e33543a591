//! `tre stats`

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::Result;
use serde_json::json;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    let store = place.store().await?;
    let s = store.stats().await?;
    let index = place.index(store.as_ref())?;
    let state = index.state();
    let indexed_seq = state
        .as_ref()
        .filter(|st| st.store_id == store.store_id())
        .map(|st| st.seq)
        .unwrap_or(0);
    let behind = store.count_since(indexed_seq).await?;
    if args.json {
        let v = json!({
            "store": {"backend": store.backend(), "location": store.location(), "id": store.store_id()},
            "articles": s.articles,
            "outlets": s.outlets,
            "earliest_published": s.earliest_published,
            "latest_published": s.latest_published,
            "undated": s.undated,
            "max_seq": s.max_seq,
            "index": {
                "path": index.dir(),
                "documents": index.num_docs(),
                "indexed_seq": indexed_seq,
                "behind": behind,
                "up_to_date": behind == 0,
                "disk_bytes": index.disk_bytes(),
            }
        });
        crate::out!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    crate::out!(
        "{}",
        output::bold(&format!("{} articles", thousands(s.articles as u64)))
    );
    crate::out!("store: {} ({})", store.location(), store.backend());
    match (&s.earliest_published, &s.latest_published) {
        (Some(a), Some(b)) => crate::out!(
            "published: {a} to {b}; {} without a date",
            thousands(s.undated as u64)
        ),
        _ => crate::out!("published: no article states a date"),
    }
    if !s.outlets.is_empty() {
        crate::out!("outlets:");
        for o in &s.outlets {
            crate::out!(
                "  {:>8}  {}",
                thousands(o.articles as u64),
                o.outlet.as_deref().unwrap_or("(not stated)")
            );
        }
    }
    crate::out!(
        "search index: {} documents, {}, {:.1} MB at {}",
        thousands(index.num_docs()),
        if behind == 0 {
            "up to date".to_owned()
        } else {
            format!(
                "{} articles behind the store (the next search catches up)",
                thousands(behind as u64)
            )
        },
        index.disk_bytes() as f64 / 1_048_576.0,
        index.dir().display()
    );
    Ok(ExitCode::SUCCESS)
}

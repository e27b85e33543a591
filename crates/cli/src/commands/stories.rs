//! `tre stories` and `tre duplicates`: the same story told by several outlets, and the same
//! text reprinted.

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::{Result, bail};
use std::process::ExitCode;
use tre_store::days;

#[derive(clap::Args, Debug)]
pub struct StoriesArgs {
    /// First day (YYYY-MM-DD); default: 6 days before --to.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD); default: the latest day in the store.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Most articles read (newest first).
    #[arg(long, default_value_t = 50_000)]
    pub max_articles: u32,
    /// Stories shown (all with --json).
    #[arg(long, default_value_t = 30)]
    pub limit: usize,
    /// Print every story as JSON: {"id", "articles", "title", "first_seen", "outlets", ...}.
    #[arg(long)]
    pub json: bool,
}

pub async fn stories(place: &Place, args: StoriesArgs) -> Result<ExitCode> {
    for (d, flag) in [(&args.from, "--from"), (&args.to, "--to")] {
        if let Some(d) = d
            && days::parse(d).is_none()
        {
            bail!("{flag} {d:?} is not a date; write it as YYYY-MM-DD");
        }
    }
    let store = place.store().await?;
    super::knowledge::catch_up_kb(store.as_ref(), args.json).await?;
    let Some(last) = store.day_range().await?.1 else {
        output::error("the store holds no articles yet; ingest some first");
        return Ok(ExitCode::from(1));
    };
    let to = args.to.clone().unwrap_or(last);
    let from = args
        .from
        .clone()
        .unwrap_or_else(|| days::to_string(days::parse(&to).unwrap_or(0) - 6));
    let list = tre_service::stories::stories(store.as_ref(), &from, &to, args.max_articles).await?;
    if args.json {
        crate::out!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    let articles: usize = list.iter().map(|s| s.articles.len()).sum();
    crate::out!(
        "{}",
        output::bold(&format!(
            "{} stories from {} articles, {from} to {to}",
            thousands(list.len() as u64),
            thousands(articles as u64)
        ))
    );
    for s in list.iter().take(args.limit) {
        crate::out!(
            "  {:>3} articles, {} sources  {}  {}",
            s.articles.len(),
            s.corroboration,
            s.title,
            output::dim(&format!("[{}] {}", s.id, s.outlets.join(", ")))
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct DuplicatesArgs {
    /// Print the groups as JSON.
    #[arg(long)]
    pub json: bool,
}

pub async fn duplicates(place: &Place, args: DuplicatesArgs) -> Result<ExitCode> {
    let store = place.store().await?;
    let groups = tre_service::stories::duplicate_groups(store.as_ref()).await?;
    if args.json {
        crate::out!("{}", serde_json::to_string_pretty(&groups)?);
        return Ok(ExitCode::SUCCESS);
    }
    let copies: usize = groups.iter().map(|g| g.articles.len()).sum();
    crate::out!(
        "{}",
        output::bold(&format!(
            "{} groups of near-duplicates ({} articles)",
            thousands(groups.len() as u64),
            thousands(copies as u64)
        ))
    );
    for g in &groups {
        crate::out!();
        for a in &g.articles {
            crate::out!(
                "  {}  {}",
                a.title,
                output::dim(&format!("[{}] {}", a.id, a.outlet.as_deref().unwrap_or("")))
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `tre search QUERY`

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::Result;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Instant;
use tre_search::{SearchHit, SearchRequest, SearchResults};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// What to look for: words (diacritics optional), "quoted phrases", -excluded words. Quote
    /// a query that holds -exclusions, or put it after `--`: tre search -- 'hoi nghi -gia'.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only articles from this outlet (case and diacritics ignored).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// How many results to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Skip this many results (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print results as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    query: &'a str,
    total: usize,
    exact_total: Option<usize>,
    adjacent_total: Option<usize>,
    took_ms: f64,
    hits: &'a [SearchHit],
}

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    let store = place.store().await?;
    let index = place.index(store.as_ref())?;
    super::catch_up_index(&index, store.as_ref(), args.json).await?;
    let query = args.query.join(" ");
    let req = SearchRequest {
        query: query.clone(),
        from: args.from,
        to: args.to,
        outlet: args.outlet,
        days: None,
        limit: args.limit.clamp(1, 1000),
        offset: args.offset,
        ..Default::default()
    };
    let start = Instant::now();
    let results = index.search(&req)?;
    let took = start.elapsed().as_secs_f64() * 1000.0;
    if args.json {
        let out = JsonOut {
            query: &query,
            total: results.total,
            exact_total: results.exact_total,
            adjacent_total: results.adjacent_total,
            took_ms: took,
            hits: &results.hits,
        };
        crate::out!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_results(&query, &results, took, req.offset);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn print_results(query: &str, r: &SearchResults, took_ms: f64, offset: usize) {
    let mut notes = Vec::new();
    if let Some(e) = r.exact_total.filter(|&e| e < r.total) {
        notes.push(format!("{} as typed", thousands(e as u64)));
    }
    if let Some(a) = r.adjacent_total.filter(|&a| a < r.total) {
        notes.push(format!(
            "{} with the words side by side",
            thousands(a as u64)
        ));
    }
    let head = format!(
        "{} {} for {query:?}{} in {took_ms:.1} ms",
        thousands(r.total as u64),
        if r.total == 1 { "result" } else { "results" },
        if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join(", "))
        }
    );
    crate::out!("{}", output::bold(&head));
    if r.hits.is_empty() {
        crate::out!(
            "No article matches. Try fewer words, or leave out diacritics to match more widely."
        );
        return;
    }
    let (open, close) = output::marks();
    let mut shown_loose_note = false;
    for (i, h) in r.hits.iter().enumerate() {
        if !h.exact && r.exact_total.is_some() && !shown_loose_note {
            crate::out!(
                "{}",
                output::dim("— matching only when diacritics are ignored —")
            );
            shown_loose_note = true;
        }
        crate::out!();
        crate::out!(
            "{:>3}. {}  {}",
            offset + i + 1,
            output::bold(&h.title_snippet.marked(open, close)),
            output::dim(&format!("[{}]", h.id))
        );
        let mut meta = Vec::new();
        if let Some(o) = &h.outlet {
            meta.push(o.clone());
        }
        if let Some(p) = &h.published {
            meta.push(p.clone());
        }
        meta.push(h.url.clone().unwrap_or_else(|| h.source.clone()));
        crate::out!("     {}", output::dim(&meta.join(" · ")));
        crate::out!("     {}", h.snippet.marked(open, close));
    }
}

//! `tre demo`: what a newcomer runs first. Ingests the five sample articles (compiled into the
//! binary, so it works from anywhere) into a fresh store and shows search at work.

use crate::open::Place;
use crate::output;
use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tre_ingest::{IngestOptions, NoProgress};
use tre_search::SearchRequest;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to create the demo store (default: DATA/demo, wiped first).
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
}

const SAMPLES: &[(&str, &str)] = &[
    (
        "000_3134ff17c9627f8e.txt",
        include_str!("../../../../samples/seeds/000_3134ff17c9627f8e.txt"),
    ),
    (
        "001_f44d8612bcbb61fa.txt",
        include_str!("../../../../samples/seeds/001_f44d8612bcbb61fa.txt"),
    ),
    (
        "002_ddcbf8f71bd5690e.txt",
        include_str!("../../../../samples/seeds/002_ddcbf8f71bd5690e.txt"),
    ),
    (
        "003_dd71080901982e6d.txt",
        include_str!("../../../../samples/seeds/003_dd71080901982e6d.txt"),
    ),
    (
        "004_4a4988f74ca91375.txt",
        include_str!("../../../../samples/seeds/004_4a4988f74ca91375.txt"),
    ),
];

/// Searches that show what tre does that plain full-text search does not.
const SEARCHES: &[(&str, &str)] = &[
    ("bui thanh son", "a name typed without diacritics"),
    ("Ủy ban Kiểm tra", "diacritics typed are matched as typed"),
    ("\"cây tre\"", "a quoted phrase"),
    ("34-NQ/TW", "a party document number"),
    (
        "hoi nghi ngoai giao",
        "adjacent words rank above scattered ones",
    ),
];

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    let dir = args.into.unwrap_or_else(|| place.data.join("demo"));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .with_context(|| format!("clearing the previous demo at {}", dir.display()))?;
    }
    let samples = dir.join("samples");
    std::fs::create_dir_all(&samples).with_context(|| format!("creating {}", samples.display()))?;
    for (name, text) in SAMPLES {
        std::fs::write(samples.join(name), text)?;
    }
    let demo = Place {
        data: dir.clone(),
        database: None,
    };
    crate::out!("{}", output::bold("tre demo"));
    crate::out!(
        "A fresh embedded store (SQLite and a search index) in {}\n",
        dir.display()
    );

    crate::out!(
        "{}",
        output::bold(&format!("1. Ingest the {} sample articles", SAMPLES.len()))
    );
    crate::out!(
        "   $ tre --data {} ingest {}",
        dir.display(),
        samples.display()
    );
    let store = demo.store().await?;
    let start = Instant::now();
    let report = tre_ingest::ingest(
        store.as_ref(),
        std::slice::from_ref(&samples),
        &IngestOptions::with_extraction(),
        &NoProgress,
    )
    .await?;
    let index = demo.index(store.as_ref())?;
    super::catch_up_index(&index, store.as_ref(), true).await?;
    let c = &report.counts;
    crate::out!(
        "   {} articles stored and indexed in {:.2} s ({} failed).",
        c.stored(),
        start.elapsed().as_secs_f64(),
        c.failed
    );
    for f in &report.failures {
        crate::out!("   failed: {}: {}", f.source, f.reason);
    }
    crate::out!();

    crate::out!("{}", output::bold("2. Search"));
    for (q, why) in SEARCHES {
        crate::out!(
            "   $ tre search {q}    {}",
            output::dim(&format!("# {why}"))
        );
        let req = SearchRequest {
            query: (*q).to_owned(),
            limit: 3,
            ..Default::default()
        };
        let start = Instant::now();
        let r = index.search(&req)?;
        let took = start.elapsed().as_secs_f64() * 1000.0;
        let (open, close) = output::marks();
        crate::out!("   {} results in {took:.1} ms", r.total);
        for h in &r.hits {
            crate::out!(
                "     · {}  {}",
                h.title,
                output::dim(&format!("[{}]", h.id))
            );
            crate::out!("       {}", h.snippet.marked(open, close));
        }
        crate::out!();
    }

    crate::out!(
        "{}",
        output::bold("3. What the articles say, linked across them")
    );
    super::knowledge::catch_up_kb(store.as_ref(), true).await?;
    crate::out!("   $ tre person bui thanh son");
    if let Some(p) = store
        .find_entities(Some("person"), "bui thanh son", 1)
        .await?
        .into_iter()
        .next()
    {
        let offices = store
            .offices(&tre_store::OfficeFilter {
                person_id: Some(p.id.clone()),
                limit: 1000,
                ..Default::default()
            })
            .await?;
        let mut titles: Vec<&str> = Vec::new();
        for o in &offices {
            if !titles.contains(&o.title.as_str()) {
                titles.push(&o.title);
            }
        }
        crate::out!(
            "   {} ({} articles): {}",
            p.name,
            p.articles,
            titles.join("; ")
        );
        let events = store
            .events(&tre_store::EventFilter {
                person_id: Some(p.id.clone()),
                limit: 10,
                ..Default::default()
            })
            .await?;
        for e in &events {
            let who: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            crate::out!(
                "     · {} {} with {}{}",
                e.date.as_deref().unwrap_or("(undated)"),
                e.kind,
                who.join(", "),
                e.place
                    .as_deref()
                    .map(|p| format!(", at {p}"))
                    .unwrap_or_default()
            );
        }
    }
    crate::out!("   $ tre document 34-NQ/TW");
    if let Some(d) = store
        .find_entities(Some("document"), "34-nq/tw", 1)
        .await?
        .into_iter()
        .next()
    {
        for c in store.citations(&d.id).await? {
            crate::out!(
                "     · {} {} of {}: cited in \"{}\"",
                c.kind,
                c.number,
                c.document_date.as_deref().unwrap_or("?"),
                c.article.title
            );
        }
    }
    crate::out!();

    crate::out!(
        "{}",
        output::bold("4. An article, cleaned of the page around it")
    );
    let id = "003_dd71080901982e6d";
    crate::out!("   $ tre show {id}");
    if let Some(a) = store.article(id).await? {
        let text = super::show::render(&a);
        for line in text.lines().take(12) {
            crate::out!("   {line}");
        }
        crate::out!("   …");
    }
    crate::out!();
    crate::out!("{}", output::bold("Next"));
    crate::out!("   tre --data {} search \"Bộ Ngoại giao\"", dir.display());
    crate::out!("   tre --data {} show 002_ddcbf8f71bd5690e", dir.display());
    crate::out!(
        "   tre --data {} who \"Bộ trưởng Ngoại giao\" --on 2023-01-10",
        dir.display()
    );
    crate::out!("   tre --data {} events --type meeting", dir.display());
    crate::out!("   tre extract --json FILE.txt   # the extraction contract, for any page");
    crate::out!(
        "   tre ingest PATH...   # your own .txt, .html or .jsonl(.zst) files, into {}",
        place.data.display()
    );
    crate::out!("   tre --help");
    Ok(if c.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

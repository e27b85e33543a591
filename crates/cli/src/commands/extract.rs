//! `tre extract [--json] FILE...`: what an article says, as data, for files whether or not they
//! are ingested. `--json` prints the extraction contract (`../shared/spec/extraction.md`) as
//! JSON Lines, one object per file.

use crate::output::{self, thousands};
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;
use tre_extract::Extraction;
use tre_ingest::IngestOptions;
use tre_store::NewArticle;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Page files: scraped text (.txt) or HTML (.html, .htm).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print JSON Lines (the extraction contract, with spans and ids).
    #[arg(long)]
    pub json: bool,
    /// The articles' publication date (YYYY-MM-DD), when the pages do not state it: dates
    /// without a year are resolved against it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(p) = &args.published
        && tre_ingest::normalise_date(p).is_none()
    {
        anyhow::bail!("--published {p:?} is not a date; write it as YYYY-MM-DD");
    }
    let extractor = IngestOptions::with_extraction()
        .extractor
        .ok_or_else(|| anyhow::anyhow!("the extractor could not be built"))?;
    let read_opts = IngestOptions::default();
    let mut failed = 0;
    for path in &args.files {
        let article = match tre_ingest::article_from_file(path, &read_opts) {
            Ok((a, _warnings)) => a,
            Err(f) => {
                output::error(&format!("{}: {}", f.source, f.reason));
                failed += 1;
                continue;
            }
        };
        let article = match &args.published {
            Some(p) => {
                let mut c = article.content().clone();
                c.published = tre_ingest::normalise_date(p);
                NewArticle::new(article.id().to_owned(), article.source().to_owned(), c)
            }
            None => article,
        };
        let facts = tre_ingest::extract(&extractor, &article);
        let mut x: Extraction = serde_json::from_str(&facts.json)?;
        // The contract names a document by its file name without extension, as written.
        if let Some(stem) = path.file_stem() {
            x.id = stem.to_string_lossy().into_owned();
        }
        if args.json {
            crate::out!("{}", serde_json::to_string(&x)?);
        } else {
            print_extraction(&x);
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_extraction(x: &Extraction) {
    crate::out!("{}", output::bold(&x.title));
    crate::out!(
        "{}",
        output::dim(&format!(
            "id {} · published {}",
            x.id,
            x.published.as_deref().unwrap_or("not stated")
        ))
    );
    if !x.persons.is_empty() {
        crate::out!("{}", output::bold("People"));
        for p in &x.persons {
            if p.titles.is_empty() {
                crate::out!("  {}", p.name);
            } else {
                crate::out!("  {} — {}", p.name, p.titles.join("; "));
            }
        }
    }
    let list = |label: &str, items: Vec<String>| {
        if !items.is_empty() {
            crate::out!("{}", output::bold(label));
            crate::out!("  {}", items.join(" · "));
        }
    };
    list(
        "Organisations",
        x.organizations.iter().map(|o| o.name.clone()).collect(),
    );
    list(
        "Places",
        x.places
            .iter()
            .map(|p| format!("{} ({})", p.name, p.kind))
            .collect(),
    );
    list(
        "Documents",
        x.documents
            .iter()
            .map(|d| match &d.date {
                Some(date) => format!("{} {} of {date}", d.kind, d.number),
                None => format!("{} {}", d.kind, d.number),
            })
            .collect(),
    );
    if !x.events.is_empty() {
        crate::out!("{}", output::bold("Events"));
        for e in &x.events {
            crate::out!(
                "  {} {} — {}{}",
                e.date.as_deref().unwrap_or("(undated)"),
                e.kind,
                e.participants.join(", "),
                e.place
                    .as_deref()
                    .map(|p| format!(" · at {p}"))
                    .unwrap_or_default()
            );
        }
    }
    list(
        "Pillars",
        x.pillars
            .iter()
            .map(|p| {
                let cues: Vec<&str> = p.evidence.iter().take(3).map(|e| e.cue.as_str()).collect();
                format!("{} ({})", p.pillar.as_str(), cues.join(", "))
            })
            .collect(),
    );
    crate::out!(
        "{}",
        output::dim(&format!(
            "{} people, {} organisations, {} places, {} documents, {} events",
            thousands(x.persons.len() as u64),
            thousands(x.organizations.len() as u64),
            thousands(x.places.len() as u64),
            thousands(x.documents.len() as u64),
            thousands(x.events.len() as u64)
        ))
    );
    crate::out!();
}

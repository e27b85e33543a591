//! `tre ingest PATH...`

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::{Context, Result};
use indicatif::ProgressBar;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tre_ingest::{Counts, IngestOptions, IngestReport, Progress};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files and folders to ingest; folders are read recursively.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Outlet to record for articles whose input names none.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Do not bring the search index up to date afterwards (the next search will).
    #[arg(long)]
    pub no_index: bool,
    /// Do not extract people, organisations, places, documents and events (faster; the
    /// knowledge base stays empty for these articles).
    #[arg(long)]
    pub no_extract: bool,
    /// Print the whole report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Also write the whole report (every failure and warning) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

struct Bar {
    pb: ProgressBar,
    start: Instant,
    last: Mutex<Instant>,
}

impl Progress for Bar {
    fn update(&self, c: &Counts) {
        // Redrawing for each of 30,000 articles would cost more than cleaning them.
        if let Ok(mut last) = self.last.lock() {
            let done = c.files_done == c.files_total;
            if !done && last.elapsed() < Duration::from_millis(100) {
                return;
            }
            *last = Instant::now();
        }
        let secs = self.start.elapsed().as_secs_f64().max(0.001);
        self.pb.set_length(c.bytes_total.max(1));
        self.pb.set_position(c.bytes_read.min(c.bytes_total));
        self.pb.set_message(format!(
            "files {}/{} · articles {} new, {} updated, {} unchanged, {} failed · {:.0}/s",
            c.files_done,
            c.files_total,
            thousands(c.new),
            thousands(c.updated),
            thousands(c.unchanged),
            thousands(c.failed),
            c.stored() as f64 / secs
        ));
    }
}

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    let store = place.store().await?;
    let start = Instant::now();
    let bar = Bar {
        pb: output::bar(
            1,
            "{spinner} ingesting [{elapsed_precise}] [{bar:30}] {bytes}/{total_bytes} {msg}",
        ),
        start,
        last: Mutex::new(Instant::now() - Duration::from_secs(1)),
    };
    let base = if args.no_extract {
        IngestOptions::default()
    } else {
        IngestOptions::with_extraction()
    };
    let opts = IngestOptions {
        outlet: args.outlet.clone(),
        ..base
    };
    let report = tre_ingest::ingest(store.as_ref(), &args.paths, &opts, &bar).await;
    bar.pb.finish_and_clear();
    let report = report?;
    let elapsed = start.elapsed();
    if let Some(path) = &args.report {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json)
            .with_context(|| format!("writing the report to {}", path.display()))?;
    }
    if args.json {
        crate::out!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_summary(&report, elapsed, store.location(), args.report.is_some());
    }
    if !args.no_index {
        let index = place.index(store.as_ref())?;
        super::catch_up_index(&index, store.as_ref(), args.json).await?;
        super::knowledge::catch_up_kb(store.as_ref(), args.json).await?;
    }
    Ok(if report.counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_summary(r: &IngestReport, elapsed: Duration, location: String, wrote_report: bool) {
    let c = &r.counts;
    let secs = elapsed.as_secs_f64();
    crate::out!(
        "{} {} from {} {} in {:.1} s ({:.0} articles/s): {} new, {} updated, {} unchanged, {} failed.",
        output::bold("Ingested"),
        plural(c.stored(), "article"),
        thousands(c.files_total),
        if c.files_total == 1 { "file" } else { "files" },
        secs,
        c.stored() as f64 / secs.max(0.001),
        thousands(c.new),
        thousands(c.updated),
        thousands(c.unchanged),
        thousands(c.failed),
    );
    crate::out!("{}", output::dim(&format!("store: {location}")));
    if c.skipped > 0 {
        crate::out!(
            "{} skipped (not .txt, .html, .jsonl or .jsonl.zst), e.g. {}",
            plural(c.skipped, "file"),
            r.skipped.first().map(|f| f.source.as_str()).unwrap_or("")
        );
    }
    let show = |title: &str, items: &[tre_ingest::Failure], total: u64| {
        if total == 0 {
            return;
        }
        crate::out!("{title}:");
        for f in items.iter().take(20) {
            crate::out!("  {}: {}", f.source, f.reason);
        }
        if total > 20 {
            crate::out!(
                "  … and {} more{}",
                thousands(total - 20),
                if wrote_report {
                    " (all in the report file)"
                } else {
                    "; use --report FILE to see them all"
                }
            );
        }
    };
    show(
        &format!("{} failed", plural(c.failed, "input")),
        &r.failures,
        c.failed,
    );
    show(
        &format!("{} stored with a note", plural(c.warnings, "article")),
        &r.warnings,
        c.warnings,
    );
}

pub fn plural(n: u64, word: &str) -> String {
    format!("{} {}{}", thousands(n), word, if n == 1 { "" } else { "s" })
}

//! `tre brief`: the daily briefing of a desk (or the whole service) for a day, as Markdown,
//! HTML, DOCX or JSON.

use crate::open::Place;
use crate::output;
use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use tre_service::BriefRequest;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The desk (`tre desk list`); without it, the whole service.
    #[arg(long, value_name = "DESK")]
    pub desk: Option<String>,
    /// The day (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// md, html, docx or json.
    #[arg(long, default_value = "md")]
    pub format: String,
    /// Write to this file (needed for docx unless stdout is redirected).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Do not record on the situations shown that this briefing showed them.
    #[arg(long)]
    pub no_mark: bool,
}

fn now() -> (String, String) {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let day = tre_store::arrival_day(ms);
    let minutes = (ms / 60_000 + 7 * 60).rem_euclid(24 * 60);
    let at = format!("{day}T{:02}:{:02}", minutes / 60, minutes % 60);
    (day, at)
}

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    if !matches!(args.format.as_str(), "md" | "html" | "docx" | "json") {
        bail!("--format {:?}: use md, html, docx or json", args.format);
    }
    if args.format == "docx" && args.out.is_none() && std::io::stdout().is_terminal() {
        bail!("a DOCX file is binary: give --out FILE.docx (or redirect standard output)");
    }
    let (today, generated_at) = now();
    let date = args.date.clone().unwrap_or(today);
    if tre_store::days::parse(&date).is_none() {
        bail!("--date {date:?} is not a date; write it as YYYY-MM-DD");
    }
    let store = place.store().await?;
    let index = place.index(store.as_ref())?;
    super::catch_up_index(&index, store.as_ref(), true).await?;
    super::knowledge::catch_up_kb(store.as_ref(), true).await?;
    let start = Instant::now();
    let (briefing, stats) = tre_service::briefing::build(
        store.as_ref(),
        Some(&index),
        &BriefRequest {
            desk_id: args.desk.clone(),
            date: date.clone(),
            generated_at,
            mark_briefed: !args.no_mark,
            levels: place.levels()?,
        },
    )
    .await?;
    let took = start.elapsed();
    let bytes: Vec<u8> = match args.format.as_str() {
        "md" => tre_briefing::to_markdown(&briefing).into_bytes(),
        "html" => tre_briefing::to_html(&briefing).into_bytes(),
        "json" => tre_briefing::to_json(&briefing).into_bytes(),
        _ => tre_briefing::to_docx(&briefing)?,
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "{}",
                output::dim(&format!(
                    "{} briefing for {} on {date}: {} stories from {} articles ({} read) in {} ms → {}",
                    args.format,
                    briefing.desk.name,
                    briefing.sections.top_stories.len(),
                    stats.relevant,
                    stats.candidates,
                    took.as_millis(),
                    path.display()
                ))
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(&bytes).and_then(|_| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

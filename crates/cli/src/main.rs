//! `tre`: the command line. A thin layer: it parses arguments, opens the store the user chose,
//! calls the library crates and prints. Nothing here decides what is stored or how search ranks.

mod commands;
mod open;
mod output;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// tre: news intelligence for the foreign service. Ingest Vietnamese news, search it.
#[derive(Parser, Debug)]
#[command(name = "tre", version, about, long_about = None)]
struct Cli {
    /// Data directory: the embedded SQLite store and the search index live here.
    #[arg(long, global = true, env = "TRE_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// Use a PostgreSQL store instead of the embedded one (postgres://user@host:5432/db).
    #[arg(long, global = true, env = "TRE_DATABASE_URL", value_name = "URL")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest files and folders: scraped page text (.txt), HTML pages (.html, .htm), JSON Lines
    /// (.jsonl, .jsonl.zst) of {"id", "title", "text" or "html", "url", "published", "outlet"}.
    Ingest(commands::ingest::Args),
    /// Search the articles: words, "quoted phrases", -excluded words.
    Search(commands::search::Args),
    /// Show one article as stored, cleaned.
    Show(commands::show::Args),
    /// Counts: articles, outlets, dates, and the state of the search index.
    Stats(commands::stats::Args),
    /// Rebuild the search index from the store.
    Reindex,
    /// Segment Vietnamese text into words: lines on stdin, `Bộ_trưởng Ngoại_giao` on stdout.
    Segment,
    /// Extract people and their titles, organisations, places, documents and events from page
    /// files (ingested or not).
    Extract(commands::extract::Args),
    /// A person: titles over time with sources, events, documents, who they are seen with.
    Person(commands::knowledge::EntityArgs),
    /// An organisation: its articles and the people and places that come with it.
    Org(commands::knowledge::EntityArgs),
    /// A numbered document (34-NQ/TW): every article citing it, by date.
    Document(commands::knowledge::DocumentArgs),
    /// Events: who met whom, where and when.
    Events(commands::knowledge::EventsArgs),
    /// Who was seen holding a post, and on a given date.
    Who(commands::knowledge::WhoArgs),
    /// Mentions per day or week with spikes flagged, for an entity or a pillar; --top for what
    /// spiked on a day.
    Trends(commands::trends::Args),
    /// Stories: articles about one event, across outlets and days.
    Stories(commands::stories::StoriesArgs),
    /// Groups of near-duplicate articles (reprints, teasers, edited copies).
    Duplicates(commands::stories::DuplicatesArgs),
    /// The daily briefing (giao ban) of a desk or the whole service: Markdown, HTML, DOCX, JSON.
    Brief(commands::brief::Args),
    /// Desks: what each desk watches, and who works it.
    #[command(subcommand)]
    Desk(commands::desk::DeskCommand),
    /// Situations officers are assigned to follow: status, owner, acknowledgements.
    #[command(subcommand)]
    Situation(commands::desk::SituationCommand),
    /// Ingest the sample articles into a fresh store and run a few searches.
    Demo(commands::demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    let result = runtime.block_on(async {
        let place = open::Place::from_args(cli.data, cli.database);
        match cli.command {
            Command::Ingest(a) => commands::ingest::run(&place, a).await,
            Command::Search(a) => commands::search::run(&place, a).await,
            Command::Show(a) => commands::show::run(&place, a).await,
            Command::Stats(a) => commands::stats::run(&place, a).await,
            Command::Reindex => commands::reindex::run(&place).await,
            Command::Segment => commands::segment::run(),
            Command::Extract(a) => commands::extract::run(a),
            Command::Person(a) => commands::knowledge::person(&place, a).await,
            Command::Org(a) => commands::knowledge::org(&place, a).await,
            Command::Document(a) => commands::knowledge::document(&place, a).await,
            Command::Events(a) => commands::knowledge::events(&place, a).await,
            Command::Who(a) => commands::knowledge::who(&place, a).await,
            Command::Trends(a) => commands::trends::run(&place, a).await,
            Command::Brief(a) => commands::brief::run(&place, a).await,
            Command::Stories(a) => commands::stories::stories(&place, a).await,
            Command::Duplicates(a) => commands::stories::duplicates(&place, a).await,
            Command::Desk(c) => commands::desk::desk(&place, c).await,
            Command::Situation(c) => commands::desk::situation(&place, c).await,
            Command::Demo(a) => commands::demo::run(&place, a).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            output::error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

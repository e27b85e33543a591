//! Ingest: from files and folders to stored articles.
//!
//! ```text
//!  reader thread ──jobs──▶ worker threads ──articles──▶ store writer (async, batches)
//!  (walk, read,            (decode, clean,                (one transaction per batch)
//!   split JSONL)            normalise)
//! ```
//!
//! Reading is sequential (one disk), cleaning runs on every core, writing is batched. Each batch
//! is one transaction, and the store skips articles whose content is unchanged, so a run killed
//! at any point and started again stores every article exactly once. Inputs that fail are
//! reported with a reason and never stop the others.

mod convert;
mod read;

pub use convert::{article_from_file, article_id, extract, normalise_date, url_id};
pub use read::{InputKind, discover};

use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use tre_store::{NewArticle, Store, StoreError, UpsertOutcome};

/// How an ingest run behaves.
#[derive(Clone)]
pub struct IngestOptions {
    /// Outlet recorded for articles whose input names none.
    pub outlet: Option<String>,
    /// The extractor to run on every article (its facts are stored with it); `None` to ingest
    /// without extraction.
    pub extractor: Option<Arc<tre_extract::Extractor>>,
    /// Articles per store transaction.
    pub batch_size: usize,
    /// Cleaning threads (default: one per core).
    pub workers: usize,
    /// Largest `.txt` / `.html` file accepted (an article page is never this large).
    pub max_file_bytes: u64,
    /// Longest JSON Lines record accepted.
    pub max_line_bytes: usize,
    /// Classification rank given to articles whose input does not state one (0: ordinary).
    pub classification: i32,
    /// The classification levels a JSON Lines record's `"classification"` is read against.
    pub levels: tre_access::Levels,
}

impl std::fmt::Debug for IngestOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IngestOptions")
            .field("outlet", &self.outlet)
            .field("extract", &self.extractor.is_some())
            .field("batch_size", &self.batch_size)
            .field("workers", &self.workers)
            .field("classification", &self.classification)
            .finish()
    }
}

impl IngestOptions {
    /// Default options with extraction on, using the built-in lexicons.
    pub fn with_extraction() -> IngestOptions {
        let lexicon = tre_lexicon::Lexicon::builtin();
        IngestOptions {
            extractor: Some(Arc::new(tre_extract::Extractor::new(&lexicon))),
            ..IngestOptions::default()
        }
    }
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            outlet: None,
            extractor: None,
            batch_size: 500,
            workers: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            max_file_bytes: 32 * 1024 * 1024,
            max_line_bytes: 32 * 1024 * 1024,
            classification: 0,
            levels: tre_access::Levels::default(),
        }
    }
}

/// One input that could not be stored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// File path, `path#Lnn` for a JSON Lines record.
    pub source: String,
    pub reason: String,
}

/// Counts so far, for progress display and the final summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub files_total: u64,
    pub files_done: u64,
    pub bytes_total: u64,
    pub bytes_read: u64,
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: u64,
    /// Files in folders that are not of a kind tre reads (images, PDFs...).
    pub skipped: u64,
    /// Articles stored with a note (e.g. truncated HTML, an unreadable date).
    pub warnings: u64,
}

impl Counts {
    /// Articles that reached the store (new, updated or unchanged).
    pub fn stored(&self) -> u64 {
        self.new + self.updated + self.unchanged
    }
}

/// The result of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    pub counts: Counts,
    pub failures: Vec<Failure>,
    /// Notes on articles that were stored anyway.
    pub warnings: Vec<Failure>,
    /// Files skipped in folders, with why.
    pub skipped: Vec<Failure>,
}

/// Receives progress as the run goes.
pub trait Progress: Send + Sync {
    fn update(&self, counts: &Counts);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn update(&self, _: &Counts) {}
}

/// What can stop a run as a whole (as opposed to one input failing).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("nothing to ingest: {0}")]
    NoInput(String),
}

/// What a worker hands the writer.
enum Produced {
    Article(Box<NewArticle>, Vec<String>),
    Failed(Failure),
    FileDone,
}

/// Ingests `paths` (files and folders, recursively) into `store`.
pub async fn ingest(
    store: &dyn Store,
    paths: &[PathBuf],
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestReport, IngestError> {
    let plan = discover(paths);
    if plan.files.is_empty() && plan.failures.is_empty() {
        return Err(IngestError::NoInput(format!(
            "no .txt, .html, .htm, .jsonl or .jsonl.zst files under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut report = IngestReport::default();
    report.counts.files_total = plan.files.len() as u64;
    report.counts.bytes_total = plan.files.iter().map(|f| f.size).sum();
    report.counts.skipped = plan.skipped.len() as u64;
    report.skipped = plan
        .skipped
        .iter()
        .take(REPORT_LIST_LIMIT)
        .cloned()
        .collect();
    for f in &plan.failures {
        report.counts.failed += 1;
        push_capped(&mut report.failures, f.clone());
    }
    progress.update(&report.counts);

    let bytes_read = Arc::new(AtomicU64::new(0));
    let (job_tx, job_rx) = mpsc::sync_channel::<read::Job>(256);
    let (out_tx, mut out_rx) = tokio::sync::mpsc::channel::<Produced>(1024);

    let reader = {
        let files = plan.files.clone();
        let bytes_read = bytes_read.clone();
        let opts = opts.clone();
        let out_tx = out_tx.clone();
        std::thread::Builder::new()
            .name("tre-ingest-read".into())
            .spawn(move || read::read_all(&files, &opts, &bytes_read, &job_tx, &out_tx))
            .map_err(|e| IngestError::NoInput(format!("cannot start a reader thread: {e}")))?
    };
    let job_rx = Arc::new(Mutex::new(job_rx));
    let mut workers = Vec::new();
    for i in 0..opts.workers.max(1) {
        let job_rx = job_rx.clone();
        let out_tx = out_tx.clone();
        let opts = opts.clone();
        let handle = std::thread::Builder::new()
            .name(format!("tre-ingest-clean-{i}"))
            .spawn(move || {
                loop {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok(job) = job else { break };
                    let produced = match convert::convert(job, &opts) {
                        Ok((a, warnings)) => Produced::Article(Box::new(a), warnings),
                        Err(f) => Produced::Failed(f),
                    };
                    if out_tx.blocking_send(produced).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| IngestError::NoInput(format!("cannot start a worker thread: {e}")))?;
        workers.push(handle);
    }
    drop(out_tx);

    let mut batch: Vec<NewArticle> = Vec::with_capacity(opts.batch_size);
    // Versions written from now on by one input are protected from being replaced by another
    // input with the same id (two files called index.html): the store checks it inside each
    // write transaction, so the run needs no memory of the ids it has seen.
    let run_started = now_ms();
    let result: Result<(), IngestError> = async {
        while let Some(p) = out_rx.recv().await {
            match p {
                Produced::Article(a, warnings) => {
                    for w in warnings {
                        report.counts.warnings += 1;
                        push_capped(
                            &mut report.warnings,
                            Failure {
                                source: a.source().to_owned(),
                                reason: w,
                            },
                        );
                    }
                    batch.push(*a);
                    if batch.len() >= opts.batch_size {
                        flush(store, &mut batch, run_started, &mut report).await?;
                    }
                }
                Produced::Failed(f) => {
                    report.counts.failed += 1;
                    push_capped(&mut report.failures, f);
                }
                Produced::FileDone => report.counts.files_done += 1,
            }
            report.counts.bytes_read = bytes_read.load(Ordering::Relaxed);
            progress.update(&report.counts);
        }
        flush(store, &mut batch, run_started, &mut report).await?;
        Ok(())
    }
    .await;
    // On a store error the receiver is dropped here, which stops the threads at their next send.
    drop(out_rx);
    let _ = reader.join();
    for w in workers {
        let _ = w.join();
    }
    result?;
    report.counts.bytes_read = bytes_read.load(Ordering::Relaxed);
    progress.update(&report.counts);
    Ok(report)
}

async fn flush(
    store: &dyn Store,
    batch: &mut Vec<NewArticle>,
    run_started: i64,
    report: &mut IngestReport,
) -> Result<(), IngestError> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcomes = store.upsert_articles(batch, Some(run_started)).await?;
    for (a, o) in batch.iter().zip(outcomes) {
        let c = &mut report.counts;
        match o {
            UpsertOutcome::New => c.new += 1,
            UpsertOutcome::Updated => c.updated += 1,
            UpsertOutcome::Unchanged => c.unchanged += 1,
            UpsertOutcome::Conflict(other) => {
                c.failed += 1;
                push_capped(
                    &mut report.failures,
                    Failure {
                        source: a.source().to_owned(),
                        reason: format!(
                            "its id {:?} is already used by {other} in this run; give the \
                             inputs distinct names or ids",
                            a.id()
                        ),
                    },
                );
            }
        }
    }
    batch.clear();
    Ok(())
}

/// Most failures, warnings or skipped files a report lists (the counts stay exact), so that a
/// run over millions of bad inputs still has bounded memory.
pub const REPORT_LIST_LIMIT: usize = 10_000;

fn push_capped(list: &mut Vec<Failure>, f: Failure) {
    if list.len() < REPORT_LIST_LIMIT {
        list.push(f);
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

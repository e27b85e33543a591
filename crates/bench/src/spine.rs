//! The spine's figures: cleaning, ingest, reindex, search.

use crate::baselines;
use crate::measure::{self, Latency, latency, mb, own_peak_rss, run_child};
use anyhow::{Context, Result, bail};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tre_search::{SearchIndex, SearchRequest};
use tre_store::Store;
use tre_store_sqlite::SqliteStore;
use tre_text::NormText;

#[derive(clap::Args)]
pub struct Args {
    /// The bulk corpus (JSON Lines, .zst), e.g. ../shared/corpus/bulk/vntc-train.jsonl.zst.
    #[arg(long)]
    pub bulk: PathBuf,
    /// Scratch directory for the stores the benchmark builds (wiped first).
    #[arg(long, default_value = "/tmp/tre-bench")]
    pub work: PathBuf,
    /// The `tre` binary to measure (default: the one next to tre-bench).
    #[arg(long)]
    pub tre: Option<PathBuf>,
    /// PostgreSQL database for the PostgreSQL full-text baseline (skipped without it).
    #[arg(long, env = "TRE_BENCH_POSTGRES_URL")]
    pub postgres: Option<String>,
    /// Rounds over the query list (after one warm-up round).
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Skip the SQLite FTS5 and PostgreSQL baselines.
    #[arg(long)]
    pub skip_baselines: bool,
    /// Only measure search, on the store a previous run left in WORK/search.
    #[arg(long)]
    pub search_only: bool,
    /// Where to write the results as JSON (default: WORK/spine.json).
    #[arg(long)]
    pub json: Option<PathBuf>,
}

/// One benchmark query.
#[derive(Debug, Clone, Serialize)]
pub struct BenchQuery {
    pub query: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub outlet: Option<String>,
}

pub fn queries() -> Vec<BenchQuery> {
    include_str!("../queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let mut next = || {
                f.next()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
            };
            BenchQuery {
                query: next().unwrap_or_default(),
                from: next(),
                to: next(),
                outlet: next(),
            }
        })
        .collect()
}

fn records(path: &Path) -> Result<impl Iterator<Item = Value>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "zst") {
        Box::new(zstd::stream::read::Decoder::new(file)?)
    } else {
        Box::new(file)
    };
    Ok(BufReader::with_capacity(1 << 20, reader)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok()))
}

/// Cleaning and normalisation of every article, on one core, as ingest does it.
fn clean_throughput(bulk: &Path) -> Result<Value> {
    let mut bytes = 0u64;
    let mut articles = 0u64;
    let mut failed = 0u64;
    let mut busy = Duration::ZERO;
    for rec in records(bulk)? {
        let title = rec["title"].as_str().unwrap_or_default();
        let text = rec["text"].as_str().unwrap_or_default();
        bytes += (title.len() + text.len()) as u64;
        let t = Instant::now();
        match tre_page::clean_article(title, text) {
            Ok(page) => {
                let fields: Vec<NormText> = std::iter::once(&page.title)
                    .chain(page.lead.iter())
                    .chain(page.paragraphs.iter())
                    .map(|s| NormText::new(s))
                    .collect();
                std::hint::black_box(fields);
                articles += 1;
            }
            Err(_) => failed += 1,
        }
        busy += t.elapsed();
    }
    let secs = busy.as_secs_f64();
    // Normalisation alone, over the same text.
    let mut norm_busy = Duration::ZERO;
    for rec in records(bulk)? {
        let text = rec["text"].as_str().unwrap_or_default();
        let t = Instant::now();
        std::hint::black_box(tre_text::normalize(text));
        norm_busy += t.elapsed();
    }
    Ok(json!({
        "normalize_mb_per_s": mb(bytes) / norm_busy.as_secs_f64(),
        "articles": articles,
        "failed": failed,
        "input_mb": mb(bytes),
        "seconds": secs,
        "mb_per_s": mb(bytes) / secs,
        "articles_per_s": articles as f64 / secs,
    }))
}

/// The corpus carries no publication dates; date filters need some. Each article gets a date
/// in 2004-2006 derived from its id, so the copy is the same every run.
fn dated_copy(bulk: &Path, out: &Path) -> Result<u64> {
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let mut n = 0;
    for mut rec in records(bulk)? {
        let id = rec["id"].as_str().unwrap_or_default().to_owned();
        let h = Sha256::digest(id.as_bytes());
        let day = u32::from_le_bytes([h[0], h[1], h[2], h[3]]) % 1096;
        rec["published"] = date_from_2004(day).into();
        writeln!(w, "{rec}")?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

fn date_from_2004(mut day: u32) -> String {
    for year in 2004..=2006 {
        let leap = year == 2004;
        let lengths = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        for (m, len) in lengths.iter().enumerate() {
            if day < *len {
                return format!("{year}-{:02}-{:02}", m + 1, day + 1);
            }
            day -= len;
        }
    }
    "2006-12-31".to_owned()
}

fn child_json(run: &measure::ChildRun) -> Value {
    let mut v = serde_json::to_value(run).unwrap_or(Value::Null);
    if let Ok(report) = serde_json::from_str::<Value>(&run.stdout) {
        v["report_counts"] = report["counts"].clone();
    }
    v
}

fn tre_ingest(tre: &Path, data: &Path, input: &Path, extra: &[&str]) -> Result<measure::ChildRun> {
    if data.exists() {
        std::fs::remove_dir_all(data)?;
    }
    let mut args = vec![
        "--data",
        data.to_str().unwrap_or_default(),
        "ingest",
        "--json",
    ];
    args.extend_from_slice(extra);
    args.push(input.to_str().unwrap_or_default());
    let r = run_child(tre, &args)?;
    if r.exit_code != 0 {
        bail!("tre ingest exited with {}", r.exit_code);
    }
    Ok(r)
}

async fn search_latency(data: &Path, qs: &[BenchQuery], rounds: usize) -> Result<(Latency, Value)> {
    let store = SqliteStore::open(&data.join("tre.db")).await?;
    let index = SearchIndex::open(&data.join("index").join(store.store_id()))?;
    let reqs: Vec<SearchRequest> = qs
        .iter()
        .map(|q| SearchRequest {
            query: q.query.clone(),
            from: q.from.clone(),
            to: q.to.clone(),
            outlet: q.outlet.clone(),
            days: None,
            limit: 20,
            offset: 0,
            ..Default::default()
        })
        .collect();
    let mut totals = Vec::new();
    for r in &reqs {
        totals.push(index.search(r)?.total);
    }
    let mut samples = Vec::with_capacity(reqs.len() * rounds);
    for _ in 0..rounds {
        for r in &reqs {
            let t = Instant::now();
            let res = index.search(r)?;
            samples.push(t.elapsed());
            std::hint::black_box(res);
        }
    }
    let zero = totals.iter().filter(|&&t| t == 0).count();
    Ok((
        latency(&samples),
        json!({"queries": reqs.len(), "rounds": rounds, "queries_with_no_result": zero,
               "median_total_hits": median(&totals)}),
    ))
}

fn median(v: &[usize]) -> usize {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

pub async fn run(args: Args) -> Result<()> {
    let tre = args.tre.clone().unwrap_or_else(crate::sibling_tre);
    if !tre.exists() {
        bail!(
            "no tre binary at {}; build it: cargo build --release -p tre -p tre-bench",
            tre.display()
        );
    }
    std::fs::create_dir_all(&args.work)?;
    let qs = queries();
    let mut out = json!({"bulk": args.bulk, "tre": tre, "queries": qs.len()});

    if args.search_only {
        let (lat, info) = search_latency(&args.work.join("search"), &qs, args.rounds).await?;
        println!(
            "tre search: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {info}",
            lat.p50_ms, lat.p90_ms, lat.p99_ms, lat.max_ms
        );
        return Ok(());
    }
    eprintln!("[1/6] cleaning + normalisation, one core …");
    let clean = clean_throughput(&args.bulk)?;
    eprintln!(
        "      {:.1} MB/s",
        clean["mb_per_s"].as_f64().unwrap_or(0.0)
    );
    out["clean"] = clean;

    eprintln!("[2/6] tre ingest (store and index) of the bulk file …");
    let full = tre_ingest(&tre, &args.work.join("full"), &args.bulk, &[])?;
    eprintln!(
        "      {:.1} s, peak RSS {:.0} MB",
        full.seconds,
        mb(full.peak_rss_bytes)
    );
    out["ingest_full"] = child_json(&full);

    eprintln!("[3/6] tre ingest --no-index (store only) …");
    let store_only = tre_ingest(
        &tre,
        &args.work.join("store-only"),
        &args.bulk,
        &["--no-index"],
    )?;
    eprintln!("      {:.1} s", store_only.seconds);
    out["ingest_store_only"] = child_json(&store_only);

    eprintln!("[4/6] tre reindex …");
    let data = args.work.join("full");
    let reindex = run_child(
        &tre,
        &["--data", data.to_str().unwrap_or_default(), "reindex"],
    )?;
    eprintln!(
        "      {:.1} s, peak RSS {:.0} MB",
        reindex.seconds,
        mb(reindex.peak_rss_bytes)
    );
    out["reindex"] = child_json(&reindex);

    eprintln!(
        "[5/6] search latency, {} queries × {} rounds …",
        qs.len(),
        args.rounds
    );
    let dated = args.work.join("bulk-dated.jsonl");
    let n = dated_copy(&args.bulk, &dated)?;
    let search_data = args.work.join("search");
    let s = tre_ingest(&tre, &search_data, &dated, &[])?;
    out["search_store"] = json!({"articles": n, "ingest_seconds": s.seconds});
    let (lat, info) = search_latency(&search_data, &qs, args.rounds).await?;
    eprintln!(
        "      tre: p50 {:.2} ms, p99 {:.2} ms",
        lat.p50_ms, lat.p99_ms
    );
    out["search_tre"] = json!({"latency": lat, "info": info});
    out["bench_process_peak_rss_mb"] = mb(own_peak_rss()).into();

    if !args.skip_baselines {
        eprintln!("[6/6] baselines on the same queries …");
        let store = SqliteStore::open(&search_data.join("tre.db")).await?;
        let fts = baselines::fts5(&store, &args.work.join("fts5.db"), &qs, args.rounds).await?;
        eprintln!(
            "      SQLite FTS5: p50 {:.2} ms, p99 {:.2} ms",
            fts.p50_ms, fts.p99_ms
        );
        out["search_fts5"] = json!({"latency": fts});
        match &args.postgres {
            Some(url) => {
                let pg = baselines::postgres(&store, url, &qs, args.rounds).await?;
                eprintln!(
                    "      PostgreSQL: p50 {:.2} ms, p99 {:.2} ms",
                    pg.p50_ms, pg.p99_ms
                );
                out["search_postgres"] = json!({"latency": pg});
            }
            None => eprintln!("      PostgreSQL skipped (give --postgres URL)"),
        }
    }

    let path = args
        .json
        .clone()
        .unwrap_or_else(|| args.work.join("spine.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&out)?)?;
    print_report(&out);
    eprintln!("results written to {}", path.display());
    Ok(())
}

fn print_report(v: &Value) {
    let f = |p: &[&str]| -> f64 {
        let mut x = v;
        for k in p {
            x = &x[*k];
        }
        x.as_f64().unwrap_or(f64::NAN)
    };
    let articles = v["ingest_full"]["report_counts"]["new"]
        .as_f64()
        .unwrap_or(f64::NAN);
    println!("tre spine benchmark");
    println!(
        "  cleaning + normalisation (1 core): {:.1} MB/s, {:.0} articles/s (normalisation alone {:.1} MB/s)",
        f(&["clean", "mb_per_s"]),
        f(&["clean", "articles_per_s"]),
        f(&["clean", "normalize_mb_per_s"])
    );
    println!(
        "  ingest, store + index:  {:.1} s, {:.0} articles/s, peak RSS {:.0} MB",
        f(&["ingest_full", "seconds"]),
        articles / f(&["ingest_full", "seconds"]),
        f(&["ingest_full", "peak_rss_bytes"]) / 1_048_576.0
    );
    println!(
        "  ingest, store only:     {:.1} s, {:.0} articles/s, peak RSS {:.0} MB",
        f(&["ingest_store_only", "seconds"]),
        articles / f(&["ingest_store_only", "seconds"]),
        f(&["ingest_store_only", "peak_rss_bytes"]) / 1_048_576.0
    );
    println!(
        "  reindex:                {:.1} s, peak RSS {:.0} MB",
        f(&["reindex", "seconds"]),
        f(&["reindex", "peak_rss_bytes"]) / 1_048_576.0
    );
    for (name, key) in [
        ("tre", "search_tre"),
        ("SQLite FTS5", "search_fts5"),
        ("PostgreSQL", "search_postgres"),
    ] {
        if v[key].is_null() {
            continue;
        }
        println!(
            "  search top-20 + snippets, {name:<12} p50 {:>7.2} ms  p90 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
            f(&[key, "latency", "p50_ms"]),
            f(&[key, "latency", "p90_ms"]),
            f(&[key, "latency", "p99_ms"]),
            f(&[key, "latency", "max_ms"])
        );
    }
}

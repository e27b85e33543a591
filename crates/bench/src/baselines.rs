//! What users would otherwise pick, measured on the same articles and queries: SQLite FTS5
//! (diacritics removed by its tokenizer) and PostgreSQL full-text search over `unaccent`ed
//! text. Both return the top 20 with a snippet, as tre does.

use crate::measure::{Latency, latency};
use crate::spine::BenchQuery;
use anyhow::Result;
use sqlx::{AssertSqlSafe, Executor};
use std::path::Path;
use std::time::Instant;
use tre_store::Store;
use tre_store_sqlite::SqliteStore;

/// All stored articles, in pages.
async fn each_article(
    store: &SqliteStore,
    mut f: impl AsyncFnMut(Vec<tre_store::Article>) -> Result<()>,
) -> Result<()> {
    let mut seq = 0;
    loop {
        let page = store.articles_since(seq, 2000).await?;
        let Some(last) = page.last() else { break };
        seq = last.seq;
        f(page).await?;
    }
    Ok(())
}

/// Query words split the way each engine would, without diacritics; quoted phrases kept.
fn parts(q: &str) -> Vec<(bool, Vec<String>)> {
    let mut out = Vec::new();
    for (i, chunk) in q.split('"').enumerate() {
        let tokens = tre_search::analyzer::analyze(&tre_text::normalize(chunk), true);
        if tokens.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            out.push((true, tokens));
        } else {
            out.extend(tokens.into_iter().map(|t| (false, vec![t])));
        }
    }
    out
}

pub async fn fts5(
    store: &SqliteStore,
    path: &Path,
    qs: &[BenchQuery],
    rounds: usize,
) -> Result<Latency> {
    let _ = std::fs::remove_file(path);
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await?;
    pool.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, outlet UNINDEXED, \
         published UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
    )
    .await?;
    each_article(store, async |page| {
        let mut tx = pool.begin().await?;
        for a in page {
            sqlx::query(
                "INSERT INTO fts (id, title, body, outlet, published) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(a.id.clone())
            .bind(a.title.clone())
            .bind(a.body())
            .bind(a.outlet.clone())
            .bind(a.published.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    })
    .await?;
    pool.execute("INSERT INTO fts(fts) VALUES('optimize')")
        .await?;
    // FTS5 query syntax: every token quoted (so punctuation and keywords are literal), implicit
    // AND between them; a phrase is its tokens inside one pair of quotes.
    let to_match = |q: &str| -> String {
        parts(q)
            .into_iter()
            .map(|(_, toks)| format!("\"{}\"", toks.join(" ")))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let sql = "SELECT id, title, snippet(fts, 2, '[', ']', '…', 24) FROM fts WHERE fts MATCH ?1 \
               AND (?2 IS NULL OR published >= ?2) AND (?3 IS NULL OR published <= ?3) \
               AND (?4 IS NULL OR outlet = ?4) ORDER BY rank LIMIT 20";
    let mut samples = Vec::new();
    for round in 0..=rounds {
        for q in qs {
            let m = to_match(&q.query);
            let t = Instant::now();
            let rows = sqlx::query(sql)
                .bind(m)
                .bind(q.from.clone())
                .bind(q.to.clone().map(|d| format!("{d}T99")))
                .bind(q.outlet.clone())
                .fetch_all(&pool)
                .await?;
            // Round 0 warms the caches and is not counted.
            if round > 0 {
                samples.push(t.elapsed());
            }
            std::hint::black_box(rows);
        }
    }
    pool.close().await;
    Ok(latency(&samples))
}

pub async fn postgres(
    store: &SqliteStore,
    url: &str,
    qs: &[BenchQuery],
    rounds: usize,
) -> Result<Latency> {
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .connect(url)
        .await?;
    pool.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        .await?;
    pool.execute("DROP TABLE IF EXISTS tre_bench_docs").await?;
    pool.execute(
        "CREATE TABLE tre_bench_docs (id TEXT PRIMARY KEY, title TEXT, body TEXT, outlet TEXT, \
         published TEXT, tsv TSVECTOR)",
    )
    .await?;
    each_article(store, async |page| {
        let mut tx = pool.begin().await?;
        for a in page {
            sqlx::query(
                "INSERT INTO tre_bench_docs (id, title, body, outlet, published, tsv) VALUES \
                 ($1, $2, $3, $4, $5, to_tsvector('simple', unaccent($2 || ' ' || $3)))",
            )
            .bind(a.id.clone())
            .bind(a.title.clone())
            .bind(a.body())
            .bind(a.outlet.clone())
            .bind(a.published.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    })
    .await?;
    pool.execute("CREATE INDEX tre_bench_docs_tsv ON tre_bench_docs USING GIN (tsv)")
        .await?;
    pool.execute("ANALYZE tre_bench_docs").await?;
    // tsquery: words ANDed, a phrase as its tokens joined by <-> (adjacent).
    let to_tsquery = |q: &str| -> String {
        parts(q)
            .into_iter()
            .map(|(_, toks)| {
                let escaped: Vec<String> = toks
                    .iter()
                    .map(|t| format!("'{}'", t.replace('\'', "")))
                    .collect();
                format!("({})", escaped.join(" <-> "))
            })
            .collect::<Vec<_>>()
            .join(" & ")
    };
    let sql = "WITH q AS (SELECT to_tsquery('simple', $1) AS q) \
               SELECT id, title, ts_headline('simple', body, q.q, 'MaxWords=35, MinWords=15') \
               FROM tre_bench_docs, q WHERE tsv @@ q.q \
               AND ($2::text IS NULL OR published >= $2) AND ($3::text IS NULL OR published <= $3) \
               AND ($4::text IS NULL OR outlet = $4) \
               ORDER BY ts_rank(tsv, q.q) DESC LIMIT 20";
    let mut samples = Vec::new();
    for round in 0..=rounds {
        for q in qs {
            let tsq = to_tsquery(&q.query);
            let t = Instant::now();
            let rows = sqlx::query(AssertSqlSafe(sql))
                .bind(tsq)
                .bind(q.from.clone())
                .bind(q.to.clone().map(|d| format!("{d}T99")))
                .bind(q.outlet.clone())
                .fetch_all(&pool)
                .await?;
            if round > 0 {
                samples.push(t.elapsed());
            }
            std::hint::black_box(rows);
        }
    }
    pool.execute("DROP TABLE IF EXISTS tre_bench_docs").await?;
    pool.close().await;
    Ok(latency(&samples))
}

//! The storage contract on PostgreSQL.
//!
//! Runs against the database named by `TRE_TEST_POSTGRES_URL` (CI sets it). Each test works in
//! a schema of its own, dropped afterwards, so tests run in parallel and leave nothing behind.
//! When the variable is set and the server is unreachable the tests fail; they only skip, with a
//! message, when it is not set at all.

use async_trait::async_trait;
use tre_store::contract::Harness;
use tre_store::{Store, store_contract_tests};
use tre_store_postgres::PgStore;

struct PgHarness {
    url: String,
    schema: String,
}

fn test_url() -> Option<String> {
    match std::env::var("TRE_TEST_POSTGRES_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            eprintln!("skipped: set TRE_TEST_POSTGRES_URL to run the PostgreSQL tests");
            None
        }
    }
}

fn harness() -> Option<PgHarness> {
    let url = test_url()?;
    let schema = format!("tre_test_{}", uuid_like());
    Some(PgHarness { url, schema })
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{:x}_{:x}", n, std::process::id())
        + &format!("_{:x}", {
            static C: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            C.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        })
}

#[async_trait]
impl Harness for PgHarness {
    type S = PgStore;
    async fn open(&self) -> PgStore {
        PgStore::connect_in_schema(&self.url, Some(&self.schema))
            .await
            .unwrap_or_else(|e| panic!("TRE_TEST_POSTGRES_URL is set but: {e}"))
    }
    async fn tamper(&self, sql: &str) {
        self.open().await.execute_raw(sql).await.expect("tamper");
    }
}

impl Drop for PgHarness {
    fn drop(&mut self) {
        // Async work cannot run in Drop on the test's runtime; use a thread with its own.
        let (url, schema) = (self.url.clone(), self.schema.clone());
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(pool) = sqlx::PgPool::connect(&url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP SCHEMA IF EXISTS {schema} CASCADE"
                    )))
                    .execute(&pool)
                    .await;
                    pool.close().await;
                }
            });
        })
        .join();
    }
}

mod contract {
    use super::*;
    store_contract_tests!(harness());
}

#[tokio::test]
async fn unreachable_server_is_a_clear_error() {
    let e = PgStore::connect("postgres://tre:secret@127.0.0.1:1/nowhere")
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("127.0.0.1:1"), "names the address: {e}");
    assert!(!e.contains("secret"), "never prints the password: {e}");
    assert!(e.contains("TRE_DATABASE_URL"), "says what to check: {e}");
}

#[tokio::test]
async fn two_stores_in_separate_schemas_do_not_see_each_other() {
    let (Some(a), Some(b)) = (harness(), harness()) else {
        return;
    };
    let sa = a.open().await;
    let sb = b.open().await;
    sa.upsert_articles(&[tre_store::contract::sample("only-a", "Chỉ ở A")], None)
        .await
        .unwrap();
    assert!(sb.article("only-a").await.unwrap().is_none());
    assert_ne!(sa.store_id(), sb.store_id());
}

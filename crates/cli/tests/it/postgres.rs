//! The same commands on PostgreSQL (when `TRE_TEST_POSTGRES_URL` is set; CI sets it).

use crate::support::{SEEDS, Tre};

/// A fresh database for this test, dropped afterwards.
struct Db {
    admin: String,
    name: String,
    pub url: String,
}

impl Db {
    fn create() -> Option<Db> {
        let admin = match std::env::var("TRE_TEST_POSTGRES_URL") {
            Ok(u) if !u.is_empty() => u,
            _ => {
                eprintln!("skipped: set TRE_TEST_POSTGRES_URL to run the PostgreSQL tests");
                return None;
            }
        };
        let name = format!(
            "tre_cli_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_micros()
        );
        psql(&admin, &format!("CREATE DATABASE {name}"));
        let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
        let url = format!("{base}/{name}");
        Some(Db { admin, name, url })
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        psql(
            &self.admin,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

fn psql(url: &str, sql: &str) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        use sqlx::Executor;
        let pool = sqlx::PgPool::connect(url)
            .await
            .unwrap_or_else(|e| panic!("TRE_TEST_POSTGRES_URL is set but unreachable: {e}"));
        pool.execute(sqlx::AssertSqlSafe(sql.to_owned()))
            .await
            .unwrap();
        pool.close().await;
    });
}

#[test]
fn ingest_search_show_and_stats_on_postgres() {
    let Some(db) = Db::create() else { return };
    let mut t = Tre::new();
    t.database = Some(db.url.clone());
    let r = t.ok(&["ingest", SEEDS]);
    assert!(r.stdout.contains("5 new"), "{}", r.stdout);
    let r = t.ok(&["ingest", SEEDS]);
    assert!(r.stdout.contains("5 unchanged"), "{}", r.stdout);
    let s = t.stats();
    assert_eq!(s["store"]["backend"], "postgres");
    assert_eq!(s["articles"], 5);
    assert_eq!(s["index"]["documents"], 5);
    assert_eq!(t.search_ids("bui thanh son", &[]).len(), 4);
    let shown = t.ok(&["show", "001_f44d8612bcbb61fa"]).stdout;
    assert!(shown.contains("Phạm Quang Hiệu"));
    // The knowledge base on PostgreSQL.
    let v = t.ok(&["person", "--json", "bui thanh son"]).json();
    assert_eq!(v["person"]["articles"], 4);
    let v = t
        .ok(&[
            "who",
            "--json",
            "Bộ trưởng Ngoại giao",
            "--on",
            "2023-01-10",
        ])
        .json();
    assert_eq!(v["holders"][0]["tenure"]["person"], "Bùi Thanh Sơn");
    let v = t.ok(&["document", "--json", "34-NQ/TW"]).json();
    assert_eq!(v["citations"][0]["article"]["id"], "001_f44d8612bcbb61fa");
}

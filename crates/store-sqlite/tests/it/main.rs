//! The storage contract on SQLite, plus what only SQLite has: a file on disk.

use async_trait::async_trait;
use tre_store::contract::Harness;
use tre_store::{Store, store_contract_tests};
use tre_store_sqlite::SqliteStore;

struct SqliteHarness {
    dir: tempfile::TempDir,
}

fn harness() -> SqliteHarness {
    SqliteHarness {
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

#[async_trait]
impl Harness for SqliteHarness {
    type S = SqliteStore;
    async fn open(&self) -> SqliteStore {
        SqliteStore::open(&self.dir.path().join("tre.db"))
            .await
            .expect("open sqlite store")
    }
    async fn tamper(&self, sql: &str) {
        self.open().await.execute_raw(sql).await.expect("tamper");
    }
}

mod contract {
    use super::*;
    store_contract_tests!(Some(harness()));
}

#[tokio::test]
async fn creates_missing_directories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/c/tre.db");
    let s = SqliteStore::open(&path).await.expect("open");
    assert!(path.exists());
    assert_eq!(s.backend(), "sqlite");
    assert_eq!(s.location(), path.display().to_string());
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tre.db");
    std::fs::write(&path, vec![b'x'; 4096]).unwrap();
    let e = SqliteStore::open(&path).await.unwrap_err().to_string();
    assert!(e.contains("tre.db"), "names the file: {e}");
    assert!(
        e.contains("not a database") || e.contains("--data"),
        "says what to do: {e}"
    );
    // Nothing was written over the user's file.
    assert_eq!(std::fs::read(&path).unwrap(), vec![b'x'; 4096]);
}

#[test]
fn migrations_match_postgres_versions() {
    let sqlite: Vec<(i64, &str)> = tre_store_sqlite::MIGRATIONS
        .iter()
        .map(|m| (m.version, m.name))
        .collect();
    // The PostgreSQL folder must list the same versions under the same names.
    let pg_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../store-postgres/migrations");
    let mut pg: Vec<String> = std::fs::read_dir(pg_dir)
        .expect("postgres migrations folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pg.sort();
    let sqlite_files: Vec<String> = sqlite
        .iter()
        .map(|(v, n)| format!("{v:04}_{n}.sql"))
        .collect();
    assert_eq!(pg, sqlite_files);
}

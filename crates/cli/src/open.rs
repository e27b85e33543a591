//! Choosing and opening the store and the index the user asked for.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use tre_search::SearchIndex;
use tre_store::Store;
use tre_store_postgres::PgStore;
use tre_store_sqlite::SqliteStore;

/// Where the data lives: a data directory (always: the index is local) and, optionally, a
/// PostgreSQL store.
#[derive(Debug, Clone)]
pub struct Place {
    pub data: PathBuf,
    pub database: Option<String>,
}

impl Place {
    pub fn from_args(data: Option<PathBuf>, database: Option<String>) -> Place {
        let data = data.unwrap_or_else(default_data_dir);
        Place {
            data,
            database: database.filter(|d| !d.trim().is_empty()),
        }
    }

    /// Opens the store: PostgreSQL when a URL was given, otherwise `tre.db` in the data dir.
    pub async fn store(&self) -> Result<Box<dyn Store>> {
        match &self.database {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(Box::new(PgStore::connect(url).await?))
            }
            Some(url) => anyhow::bail!(
                "--database {url:?} is not a PostgreSQL URL; give postgres://user@host:5432/db, \
                 or leave it out to use the embedded store in {}",
                self.data.display()
            ),
            None => Ok(Box::new(
                SqliteStore::open(&self.data.join("tre.db")).await?,
            )),
        }
    }

    /// The index directory for a store: one per store, so switching stores never mixes them.
    pub fn index_dir(&self, store: &dyn Store) -> PathBuf {
        self.data.join("index").join(store.store_id())
    }

    /// The classification levels in force: `levels.toml` in the data directory when there is
    /// one (see `tre_access::Levels::from_toml`), else the defaults.
    pub fn levels(&self) -> Result<tre_access::Levels> {
        let path = self.data.join("levels.toml");
        match std::fs::read_to_string(&path) {
            Ok(text) => tre_access::Levels::from_toml(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(tre_access::Levels::default()),
            Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", path.display())),
        }
    }

    pub fn index(&self, store: &dyn Store) -> Result<SearchIndex> {
        let dir = self.index_dir(store);
        SearchIndex::open(&dir)
            .with_context(|| format!("opening the search index {}", dir.display()))
    }
}

fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .map(|d| d.join("tre"))
        .unwrap_or_else(|| Path::new(".tre").to_owned())
}

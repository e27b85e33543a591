//! The central store: PostgreSQL, for a ministry's shared deployment.
//!
//! Every write transaction first takes one transaction-scoped advisory lock, so writers are
//! serialised and sequence numbers are committed in increasing order: a reader catching up
//! "everything after seq N" can never miss a row committed late with a smaller number.
//! Batches are large, so the lock costs little throughput.

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::{AssertSqlSafe, Row};
use std::collections::HashMap;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tre_store::{
    AppliedMigration, Article, ArticleKnowledge, ArticleRef, Citation, Desk, EntitySummary,
    EventFilter, EventRecord, Migration, NewArticle, OfficeFilter, OfficeObservation, OutletCount,
    Situation, SituationEntry, SituationFilter, Store, StoreError, StoreStats, StoredVersion,
    UpsertOutcome, decode_list, encode_list, plan_upsert,
};
use tre_store::{
    AuditFilter, AuditKey, AuditRecord, ChainHead, NewAuditEntry, SessionRecord, UserRecord,
    Visibility, decode_countries, encode_countries,
};

/// The schema, in order. Same versions and names as `tre-store-sqlite`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles",
        sql: include_str!("../migrations/0001_articles.sql"),
    },
    Migration {
        version: 2,
        name: "knowledge",
        sql: include_str!("../migrations/0002_knowledge.sql"),
    },
    Migration {
        version: 3,
        name: "day",
        sql: include_str!("../migrations/0003_day.sql"),
    },
    Migration {
        version: 4,
        name: "desks",
        sql: include_str!("../migrations/0004_desks.sql"),
    },
    Migration {
        version: 5,
        name: "key_collation",
        sql: include_str!("../migrations/0005_key_collation.sql"),
    },
    Migration {
        version: 6,
        name: "access",
        sql: include_str!("../migrations/0006_access.sql"),
    },
];

const BACKEND: &str = "postgres";
/// Advisory lock keys (arbitrary constants, "tre" in ASCII plus a purpose digit).
const WRITE_LOCK: i64 = 0x7472_6501;
const MIGRATE_LOCK: i64 = 0x7472_6502;
const AUDIT_LOCK: i64 = 0x7472_6503;

/// A handle on a PostgreSQL store; cheap to clone.
#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
    location: String,
    store_id: String,
    /// What this handle may read, and the same as an SQL condition on `articles a`.
    vis: Visibility,
    vis_sql: String,
}

fn query_err(doing: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| StoreError::Query {
        backend: BACKEND,
        doing,
        detail: e.to_string(),
    }
}

fn corrupt(e: sqlx::Error) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// An [`ArticleRef`] from six columns starting at `at` (id, title, published, outlet, source,
/// classification).
fn article_ref<R: Row>(r: &R, at: usize) -> Result<ArticleRef, StoreError>
where
    usize: sqlx::ColumnIndex<R>,
    String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    Option<String>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    i32: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(ArticleRef {
        id: r.try_get(at).map_err(corrupt)?,
        title: r.try_get(at + 1).map_err(corrupt)?,
        published: r.try_get(at + 2).map_err(corrupt)?,
        outlet: r.try_get(at + 3).map_err(corrupt)?,
        source: r.try_get(at + 4).map_err(corrupt)?,
        classification: r.try_get(at + 5).map_err(corrupt)?,
    })
}

/// PostgreSQL reads the shared SQL's `$n` placeholders as they are.
fn same_placeholders(sql: &str) -> String {
    sql.to_owned()
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The URL with any password replaced, safe to print and log.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    let Some(at) = rest.find('@') else {
        return url.to_owned();
    };
    let userinfo = &rest[..at];
    match userinfo.find(':') {
        Some(colon) => format!(
            "{}{}:***{}",
            &url[..scheme_end + 3],
            &userinfo[..colon],
            &rest[at..]
        ),
        None => url.to_owned(),
    }
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`) and brings its schema
    /// up to date.
    pub async fn connect(url: &str) -> Result<PgStore, StoreError> {
        Self::connect_in_schema(url, None).await
    }

    /// Like [`PgStore::connect`], but keeps every table inside `schema` (created if missing).
    /// Lets several independent stores share one database, as the tests do.
    pub async fn connect_in_schema(url: &str, schema: Option<&str>) -> Result<PgStore, StoreError> {
        let location = match schema {
            Some(s) => format!("{} (schema {s})", redact_url(url)),
            None => redact_url(url),
        };
        let open_err = |detail: String, hint: &str| StoreError::Open {
            backend: BACKEND,
            location: location.clone(),
            detail,
            hint: hint.to_owned(),
        };
        let mut options = PgConnectOptions::from_str(url).map_err(|e| {
            open_err(
                e.to_string(),
                "Give a URL of the form postgres://user@host:5432/database with --database or \
                 TRE_DATABASE_URL.",
            )
        })?;
        if let Some(schema) = schema {
            if !schema
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError::Invalid(format!(
                    "schema name {schema:?} must be letters, digits and underscores"
                )));
            }
            let bootstrap = PgPoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options.clone())
                .await
                .map_err(|e| open_err(e.to_string(), CONNECT_HINT))?;
            sqlx::query(AssertSqlSafe(format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}"
            )))
            .execute(&bootstrap)
            .await
            .map_err(|e| open_err(e.to_string(), CONNECT_HINT))?;
            bootstrap.close().await;
            options = options.options([("search_path", schema)]);
        }
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| open_err(e.to_string(), CONNECT_HINT))?;
        migrate(&pool).await?;
        let store_id = ensure_store_id(&pool).await?;
        Ok(PgStore {
            pool,
            location,
            store_id,
            vis: Visibility::all(),
            vis_sql: String::new(),
        })
    }

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, StoreError> {
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(query_err("starting a write"))?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(WRITE_LOCK)
            .execute(&mut *tx)
            .await
            .map_err(query_err("taking the write lock"))?;
        Ok(tx)
    }

    /// The audit log's append lock: its own advisory lock, so audit entries never wait for a
    /// batch of articles being written.
    async fn begin_audit(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, StoreError> {
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(query_err("starting an audit append"))?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(AUDIT_LOCK)
            .execute(&mut *tx)
            .await
            .map_err(query_err("taking the audit log's lock"))?;
        Ok(tx)
    }

    tre_store::knowledge_methods!(same_placeholders);
    tre_store::desk_methods!(same_placeholders);
    tre_store::access_methods!(same_placeholders);

    /// Runs raw SQL on the database. For tests that play an intruder editing the tables (the
    /// audit log's tamper tests); nothing in tre calls it.
    #[doc(hidden)]
    pub async fn execute_raw(&self, sql: &str) -> Result<u64, StoreError> {
        Ok(sqlx::raw_sql(AssertSqlSafe(sql.to_owned()))
            .execute(&self.pool)
            .await
            .map_err(query_err("running raw SQL"))?
            .rows_affected())
    }

    /// Closes the pool.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

const CONNECT_HINT: &str = "Is PostgreSQL running and reachable at that address, and does the \
    database exist? Check --database or TRE_DATABASE_URL.";

async fn migrate(pool: &PgPool) -> Result<(), StoreError> {
    let mut tx = pool
        .begin()
        .await
        .map_err(query_err("applying schema migrations"))?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(MIGRATE_LOCK)
        .execute(&mut *tx)
        .await
        .map_err(query_err("locking for migrations"))?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at BIGINT NOT NULL)",
    )
    .execute(&mut *tx)
    .await
    .map_err(query_err("applying schema migrations"))?;
    let applied: Vec<AppliedMigration> =
        sqlx::query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
            .fetch_all(&mut *tx)
            .await
            .map_err(query_err("reading applied migrations"))?
            .iter()
            .map(|r| AppliedMigration {
                version: r.get(0),
                name: r.get(1),
                checksum: r.get(2),
            })
            .collect();
    for m in tre_store::migrate::pending(MIGRATIONS, &applied)? {
        sqlx::raw_sql(m.sql)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::Schema(format!("migration {} failed: {e}", m.version)))?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(m.version)
        .bind(m.name)
        .bind(m.checksum())
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .map_err(query_err("recording a migration"))?;
    }
    tx.commit()
        .await
        .map_err(query_err("applying schema migrations"))
}

async fn ensure_store_id(pool: &PgPool) -> Result<String, StoreError> {
    sqlx::query(
        "INSERT INTO store_meta (key, value) VALUES ('store_id', $1) ON CONFLICT (key) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .execute(pool)
    .await
    .map_err(query_err("recording the store id"))?;
    sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'store_id'")
        .fetch_one(pool)
        .await
        .map_err(query_err("reading the store id"))
}

use tre_store::knowledge::sql::ARTICLE_COLUMNS;

fn article_from_row(r: &PgRow) -> Result<Article, StoreError> {
    let get = |e: sqlx::Error| StoreError::Corrupt(e.to_string());
    Ok(Article {
        id: r.try_get("id").map_err(get)?,
        seq: r.try_get("seq").map_err(get)?,
        source: r.try_get("source").map_err(get)?,
        url: r.try_get("url").map_err(get)?,
        outlet: r.try_get("outlet").map_err(get)?,
        section: r.try_get("section").map_err(get)?,
        title: r.try_get("title").map_err(get)?,
        lead: r.try_get("lead").map_err(get)?,
        paragraphs: decode_list(r.try_get("paragraphs").map_err(get)?)?,
        captions: decode_list(r.try_get("captions").map_err(get)?)?,
        credits: decode_list(r.try_get("credits").map_err(get)?)?,
        byline: r.try_get("byline").map_err(get)?,
        source_line: r.try_get("source_line").map_err(get)?,
        published: r.try_get("published").map_err(get)?,
        page_date: r.try_get("page_date").map_err(get)?,
        content_hash: r.try_get("content_hash").map_err(get)?,
        ingested_at: r.try_get("ingested_at").map_err(get)?,
        updated_at: r.try_get("updated_at").map_err(get)?,
        facts: r.try_get("facts").map_err(get)?,
        facts_version: r.try_get("facts_version").map_err(get)?,
        day: r.try_get("day").map_err(get)?,
        classification: r.try_get("classification").map_err(get)?,
        countries: decode_countries(r.try_get("countries").map_err(get)?),
    })
}

fn opt(s: &Option<tre_text::NormText>) -> Option<String> {
    s.as_ref().map(|t| t.as_str().to_owned())
}

#[async_trait]
impl Store for PgStore {
    async fn upsert_articles(
        &self,
        batch: &[NewArticle],
        protect_since: Option<i64>,
    ) -> Result<Vec<UpsertOutcome>, StoreError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin_write().await?;
        let ids: Vec<String> = batch.iter().map(|a| a.id().to_owned()).collect();
        let stored: HashMap<String, StoredVersion> = sqlx::query(
            "SELECT id, content_hash, source, updated_at, facts_version FROM articles WHERE id = ANY($1)",
        )
        .bind(ids)
        .fetch_all(&mut *tx)
        .await
        .map_err(query_err("reading stored articles"))?
        .iter()
        .map(|r| {
            (
                r.get(0),
                StoredVersion {
                    content_hash: r.get(1),
                    source: r.get(2),
                    updated_at: r.get(3),
                    facts_version: r.get(4),
                },
            )
        })
        .collect();
        let plan = plan_upsert(batch, &stored, protect_since);
        if !plan.writes.is_empty() {
            let max: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM articles")
                .fetch_one(&mut *tx)
                .await
                .map_err(query_err("reading the sequence"))?;
            let now = now_ms();
            for (i, a) in plan.writes.iter().enumerate() {
                let c = a.content();
                sqlx::query(
                    "INSERT INTO articles (id, seq, source, url, outlet, section, title, lead, \
                     paragraphs, captions, credits, byline, source_line, published, page_date, \
                     content_hash, ingested_at, updated_at, facts, facts_version, day, \
                     classification, countries) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
                     $16, $17, $18, $19, $20, COALESCE(substr($21, 1, 10), $22), $23, $24) \
                     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, source = excluded.source, \
                     url = excluded.url, outlet = excluded.outlet, section = excluded.section, \
                     title = excluded.title, lead = excluded.lead, \
                     paragraphs = excluded.paragraphs, captions = excluded.captions, \
                     credits = excluded.credits, byline = excluded.byline, \
                     source_line = excluded.source_line, published = excluded.published, \
                     page_date = excluded.page_date, content_hash = excluded.content_hash, \
                     updated_at = excluded.updated_at, facts = excluded.facts, \
                     facts_version = excluded.facts_version, \
                     classification = excluded.classification, countries = excluded.countries, \
                     day = COALESCE(substr(excluded.published, 1, 10), articles.day)",
                )
                .bind(a.id().to_owned())
                .bind(max + 1 + i as i64)
                .bind(a.source().to_owned())
                .bind(c.url.clone())
                .bind(opt(&c.outlet))
                .bind(opt(&c.section))
                .bind(c.title.as_str().to_owned())
                .bind(opt(&c.lead))
                .bind(encode_list(&c.paragraphs))
                .bind(encode_list(&c.captions))
                .bind(encode_list(&c.credits))
                .bind(opt(&c.byline))
                .bind(opt(&c.source_line))
                .bind(c.published.clone())
                .bind(c.page_date.clone())
                .bind(a.content_hash().to_owned())
                .bind(now)
                .bind(now)
                .bind(a.facts().map(|f| f.json.clone()))
                .bind(a.facts().map_or(0, |f| f.version))
                .bind(c.published.clone())
                .bind(tre_store::arrival_day(now))
                .bind(c.classification)
                .bind(encode_countries(
                    a.facts().map_or(&[][..], |f| f.countries.as_slice()),
                ))
                .execute(&mut *tx)
                .await
                .map_err(query_err("writing an article"))?;
            }
        }
        tx.commit()
            .await
            .map_err(query_err("committing articles"))?;
        Ok(plan.outcomes)
    }

    async fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1{}",
            self.vis_sql
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id.to_owned())
            .fetch_optional(&self.pool)
            .await
            .map_err(query_err("reading an article"))?;
        row.as_ref().map(article_from_row).transpose()
    }

    async fn articles_since(&self, after_seq: i64, limit: u32) -> Result<Vec<Article>, StoreError> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.seq > $1{} ORDER BY a.seq LIMIT $2",
            self.vis_sql
        );
        sqlx::query(AssertSqlSafe(sql))
            .bind(after_seq)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("reading articles by sequence"))?
            .iter()
            .map(article_from_row)
            .collect()
    }

    async fn count_since(&self, after_seq: i64) -> Result<i64, StoreError> {
        let sql = format!(
            "SELECT COUNT(*) FROM articles a WHERE a.seq > $1{}",
            self.vis_sql
        );
        sqlx::query_scalar(AssertSqlSafe(sql))
            .bind(after_seq)
            .fetch_one(&self.pool)
            .await
            .map_err(query_err("counting articles by sequence"))
    }

    async fn stats(&self) -> Result<StoreStats, StoreError> {
        let r = sqlx::query(AssertSqlSafe(format!(
            "SELECT COUNT(*), COALESCE(MAX(a.seq), 0)::BIGINT, MIN(a.published), \
             MAX(a.published), COUNT(*) FILTER (WHERE a.published IS NULL) \
             FROM articles a WHERE 1 = 1{}",
            self.vis_sql
        )))
        .fetch_one(&self.pool)
        .await
        .map_err(query_err("counting articles"))?;
        let outlets = sqlx::query(AssertSqlSafe(format!(
            "SELECT a.outlet, COUNT(*) AS n FROM articles a WHERE 1 = 1{} GROUP BY a.outlet \
             ORDER BY n DESC, a.outlet NULLS LAST",
            self.vis_sql
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(query_err("counting outlets"))?
        .iter()
        .map(|r| OutletCount {
            outlet: r.get(0),
            articles: r.get(1),
        })
        .collect();
        Ok(StoreStats {
            articles: r.get(0),
            max_seq: r.get(1),
            earliest_published: r.get(2),
            latest_published: r.get(3),
            undated: r.get(4),
            outlets,
        })
    }

    async fn replace_knowledge(
        &self,
        batch: &[ArticleKnowledge],
        through_seq: i64,
    ) -> Result<(), StoreError> {
        self.kb_replace(batch, through_seq).await
    }

    async fn knowledge_seq(&self) -> Result<i64, StoreError> {
        self.kb_seq().await
    }

    async fn find_entities(
        &self,
        kind: Option<&str>,
        key: &str,
        limit: u32,
    ) -> Result<Vec<EntitySummary>, StoreError> {
        self.kb_find_entities(kind, key, limit).await
    }

    async fn entity(&self, id: &str) -> Result<Option<EntitySummary>, StoreError> {
        self.kb_entity(id).await
    }

    async fn entity_articles(&self, id: &str, limit: u32) -> Result<Vec<ArticleRef>, StoreError> {
        self.kb_entity_articles(id, limit).await
    }

    async fn offices(&self, filter: &OfficeFilter) -> Result<Vec<OfficeObservation>, StoreError> {
        self.kb_offices(filter).await
    }

    async fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError> {
        self.kb_events(filter).await
    }

    async fn citations(&self, document_id: &str) -> Result<Vec<Citation>, StoreError> {
        self.kb_citations(document_id).await
    }

    async fn cooccurring(
        &self,
        id: &str,
        limit: u32,
    ) -> Result<Vec<(EntitySummary, i64)>, StoreError> {
        self.kb_cooccurring(id, limit).await
    }

    async fn entity_series(
        &self,
        entity_id: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        self.kb_series(
            &tre_store::knowledge::sql::entity_series(&self.vis_sql),
            entity_id,
            from,
            to,
        )
        .await
    }

    async fn pillar_series(
        &self,
        pillar: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        self.kb_series(
            &tre_store::knowledge::sql::pillar_series(&self.vis_sql),
            pillar,
            from,
            to,
        )
        .await
    }

    async fn daily_counts(
        &self,
        from: &str,
        to: &str,
        kind: Option<&str>,
        entity_ids: Option<&[String]>,
    ) -> Result<Vec<(String, String, i64)>, StoreError> {
        self.kb_daily_counts(from, to, kind, entity_ids).await
    }

    async fn day_range(&self) -> Result<(Option<String>, Option<String>), StoreError> {
        self.kb_day_range().await
    }

    async fn put_desk(&self, desk: &Desk) -> Result<(), StoreError> {
        self.dk_put_desk(desk).await
    }

    async fn desks(&self) -> Result<Vec<Desk>, StoreError> {
        self.dk_desks().await
    }

    async fn desk(&self, id: &str) -> Result<Option<Desk>, StoreError> {
        self.dk_desk(id).await
    }

    async fn put_situation(&self, situation: &Situation, actor: &str) -> Result<(), StoreError> {
        self.dk_put_situation(situation, actor).await
    }

    async fn situation(
        &self,
        id: &str,
    ) -> Result<Option<(Situation, Vec<SituationEntry>)>, StoreError> {
        self.dk_situation(id).await
    }

    async fn situations(&self, filter: &SituationFilter) -> Result<Vec<Situation>, StoreError> {
        self.dk_situations(filter).await
    }

    async fn log_situation(
        &self,
        id: &str,
        at: i64,
        actor: &str,
        kind: &str,
        detail: Option<&str>,
    ) -> Result<(), StoreError> {
        self.dk_log_situation(id, at, actor, kind, detail).await
    }

    async fn set_situation_briefed(&self, id: &str, day: &str) -> Result<(), StoreError> {
        self.dk_set_briefed(id, day).await
    }

    async fn articles_on_days(
        &self,
        from: &str,
        to: &str,
        entity_ids: &[String],
        pillars: &[String],
        limit: u32,
    ) -> Result<Vec<Article>, StoreError> {
        self.kb_articles_on_days(from, to, entity_ids, pillars, limit)
            .await
    }

    async fn articles_by_ids(&self, ids: &[String]) -> Result<Vec<Article>, StoreError> {
        self.kb_articles_by_ids(ids).await
    }

    async fn outlet_days(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<(Option<String>, String, i64)>, StoreError> {
        self.kb_outlet_days(from, to).await
    }

    fn restricted(&self, vis: &Visibility) -> Box<dyn Store> {
        Box::new(PgStore {
            vis: vis.clone(),
            vis_sql: tre_store::knowledge::sql::visibility(vis),
            ..self.clone()
        })
    }

    fn visibility(&self) -> &Visibility {
        &self.vis
    }

    async fn put_user(&self, user: &UserRecord) -> Result<(), StoreError> {
        self.ac_put_user(user).await
    }

    async fn user(&self, id: &str) -> Result<Option<UserRecord>, StoreError> {
        self.ac_user_where("id", id).await
    }

    async fn user_by_name(&self, username: &str) -> Result<Option<UserRecord>, StoreError> {
        self.ac_user_where("username", username).await
    }

    async fn users(&self) -> Result<Vec<UserRecord>, StoreError> {
        self.ac_users().await
    }

    async fn record_failed_login(
        &self,
        user_id: &str,
        locked_until: Option<i64>,
    ) -> Result<i32, StoreError> {
        self.ac_failed_login(user_id, locked_until).await
    }

    async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError> {
        self.ac_create_session(session).await
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        self.ac_session(token_hash).await
    }

    async fn sessions_of(&self, user_id: &str) -> Result<Vec<SessionRecord>, StoreError> {
        self.ac_sessions_of(user_id).await
    }

    async fn touch_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError> {
        self.ac_exec2(
            tre_store::access::sql::TOUCH_SESSION,
            token_hash,
            at,
            "recording session activity",
        )
        .await
        .map(|_| ())
    }

    async fn revoke_session(&self, token_hash: &str, at: i64) -> Result<bool, StoreError> {
        self.ac_exec2(
            tre_store::access::sql::REVOKE_SESSION,
            token_hash,
            at,
            "ending a session",
        )
        .await
        .map(|n| n > 0)
    }

    async fn revoke_user_sessions(&self, user_id: &str, at: i64) -> Result<u64, StoreError> {
        self.ac_exec2(
            tre_store::access::sql::REVOKE_USER_SESSIONS,
            user_id,
            at,
            "ending an account's sessions",
        )
        .await
    }

    async fn purge_sessions(&self, before: i64) -> Result<u64, StoreError> {
        self.ac_purge_sessions(before).await
    }

    async fn append_audit(
        &self,
        entries: Vec<NewAuditEntry>,
        key: &AuditKey,
    ) -> Result<Vec<i64>, StoreError> {
        self.ac_append_audit(entries, key).await
    }

    async fn audit_after(
        &self,
        after_seq: i64,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        self.ac_audit_after(after_seq, limit).await
    }

    async fn audit_search(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>, StoreError> {
        self.ac_audit_search(filter).await
    }

    async fn audit_head(&self) -> Result<Option<ChainHead>, StoreError> {
        self.ac_audit_head().await
    }

    fn store_id(&self) -> &str {
        &self.store_id
    }

    fn backend(&self) -> &'static str {
        BACKEND
    }

    fn location(&self) -> String {
        self.location.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_never_printed() {
        assert_eq!(
            redact_url("postgres://tre:s3cret@db.mofa.gov.vn:5432/tre"),
            "postgres://tre:***@db.mofa.gov.vn:5432/tre"
        );
        assert_eq!(
            redact_url("postgres://127.0.0.1:5432/test"),
            "postgres://127.0.0.1:5432/test"
        );
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
    }
}

//! tre's storage interface: the one source of truth every other part reads from.
//!
//! Two implementations exist, `tre-store-sqlite` (the embedded default) and
//! `tre-store-postgres` (the central deployment). Both implement [`Store`] and both run the same
//! contract suite ([`contract`], behind the `contract` feature), so the rest of tre never knows
//! which one it talks to.
//!
//! **Architecture invariants.**
//! - Text in the store is normalised ([`tre_text::NormText`]); nothing is stored raw.
//! - Every write of an article gives it a new, strictly larger sequence number (`seq`), and
//!   sequence numbers become visible in increasing order (writers are serialised), so derived
//!   data (the search index, later stories and ledgers) catches up by asking for everything
//!   after the last `seq` it has seen.
//! - Writing the same article twice changes nothing: an article is identified by its `id`, and
//!   an unchanged content hash means no write at all.
//! - A handle made by [`Store::restricted`] reads only what its [`Visibility`] allows, in
//!   every query that returns articles or anything derived from them (entities, offices,
//!   events, citations, series, counts, desks, situations): what a user may not see does not
//!   exist for them, not even as a count. The service layer reads on a user's behalf only
//!   through such a handle.

pub mod access;
pub mod article;
pub mod days;
pub mod desks;
pub mod error;
pub mod knowledge;
pub mod migrate;

#[cfg(feature = "contract")]
pub mod contract;

pub use access::{AuditFilter, SessionRecord, UserRecord};
pub use article::{
    Article, ArticleContent, Facts, NewArticle, OutletCount, StoreStats, StoredVersion,
    UpsertOutcome, WritePlan, arrival_day, decode_countries, decode_list, encode_countries,
    encode_list, plan_upsert,
};
pub use desks::{
    Desk, DeskDefinition, SITUATION_STATUSES, Situation, SituationEntry, SituationFilter,
};
pub use error::StoreError;
pub use knowledge::{
    ArticleKnowledge, ArticleRef, Citation, CitationRow, EntityRow, EntitySummary, EventFilter,
    EventRecord, EventRow, MentionRow, OfficeFilter, OfficeObservation, OfficeRow, Participant,
    PillarRow,
};
pub use migrate::{AppliedMigration, Migration};
pub use tre_access::{AuditKey, AuditRecord, ChainHead, NewAuditEntry, Visibility};

use async_trait::async_trait;

/// The storage interface. Implementations are cheap to clone handles over a connection pool.
#[async_trait]
pub trait Store: Send + Sync {
    /// Inserts new articles and updates changed ones, in one transaction: either the whole batch
    /// is stored or none of it. Returns one outcome per input, in order. An id repeated inside
    /// the batch is treated as successive writes of the same article. With `protect_since`
    /// (unix ms), versions written since then by another source are not replaced (see
    /// [`plan_upsert`]).
    async fn upsert_articles(
        &self,
        batch: &[NewArticle],
        protect_since: Option<i64>,
    ) -> Result<Vec<UpsertOutcome>, StoreError>;

    /// The article with this id, if stored.
    async fn article(&self, id: &str) -> Result<Option<Article>, StoreError>;

    /// Articles whose `seq` is greater than `after_seq`, in increasing `seq` order, at most
    /// `limit` of them.
    async fn articles_since(&self, after_seq: i64, limit: u32) -> Result<Vec<Article>, StoreError>;

    /// How many articles have a `seq` greater than `after_seq` (what a catching-up reader still
    /// has to read).
    async fn count_since(&self, after_seq: i64) -> Result<i64, StoreError>;

    /// Counts, outlets, date range and the highest sequence number.
    async fn stats(&self) -> Result<StoreStats, StoreError>;

    /// Replaces the knowledge rows of each article in `batch` and records that the knowledge
    /// base is caught up through `through_seq`, in one transaction.
    async fn replace_knowledge(
        &self,
        batch: &[ArticleKnowledge],
        through_seq: i64,
    ) -> Result<(), StoreError>;

    /// The sequence number the knowledge base is caught up through (0 when never built).
    async fn knowledge_seq(&self) -> Result<i64, StoreError>;

    /// Entities whose written names, folded, equal `key` or start with it (exact matches
    /// first, then the most mentioned); `kind` narrows to `person`, `organization`, `place` or
    /// `document`.
    async fn find_entities(
        &self,
        kind: Option<&str>,
        key: &str,
        limit: u32,
    ) -> Result<Vec<EntitySummary>, StoreError>;

    async fn entity(&self, id: &str) -> Result<Option<EntitySummary>, StoreError>;

    /// Articles mentioning an entity, newest first.
    async fn entity_articles(&self, id: &str, limit: u32) -> Result<Vec<ArticleRef>, StoreError>;

    /// Officeholder ledger observations, oldest first (undated last).
    async fn offices(&self, filter: &OfficeFilter) -> Result<Vec<OfficeObservation>, StoreError>;

    /// Events, by date (undated last).
    async fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError>;

    /// Articles citing a document, oldest first.
    async fn citations(&self, document_id: &str) -> Result<Vec<Citation>, StoreError>;

    /// Entities mentioned in the same articles as `id`, most shared first, with the count.
    async fn cooccurring(
        &self,
        id: &str,
        limit: u32,
    ) -> Result<Vec<(EntitySummary, i64)>, StoreError>;

    /// Articles per day (`day`: the publication date, or the arrival date of undated articles)
    /// mentioning an entity, between two days inclusive; days without any are absent.
    async fn entity_series(
        &self,
        entity_id: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, i64)>, StoreError>;

    /// Articles per day classed under a pillar, between two days inclusive.
    async fn pillar_series(
        &self,
        pillar: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, i64)>, StoreError>;

    /// (entity id, day, articles) for every entity mentioned between two days (of one kind,
    /// or only the listed ones): what attention spikes are computed from.
    async fn daily_counts(
        &self,
        from: &str,
        to: &str,
        kind: Option<&str>,
        entity_ids: Option<&[String]>,
    ) -> Result<Vec<(String, String, i64)>, StoreError>;

    /// Articles filed under days `from`..=`to` that mention one of `entity_ids` or carry one of
    /// `pillars` (all of those days' articles when both are empty), latest day first (then
    /// latest written), at most `limit`.
    async fn articles_on_days(
        &self,
        from: &str,
        to: &str,
        entity_ids: &[String],
        pillars: &[String],
        limit: u32,
    ) -> Result<Vec<Article>, StoreError>;

    /// The stored articles among `ids`, in that order (missing ids are skipped).
    async fn articles_by_ids(&self, ids: &[String]) -> Result<Vec<Article>, StoreError>;

    /// (outlet, day, articles) over days `from`..=`to`: deliveries per source.
    async fn outlet_days(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<(Option<String>, String, i64)>, StoreError>;

    /// The first and last day any article belongs to.
    async fn day_range(&self) -> Result<(Option<String>, Option<String>), StoreError>;

    /// Creates or replaces a desk.
    async fn put_desk(&self, desk: &Desk) -> Result<(), StoreError>;

    /// Every desk, by name.
    async fn desks(&self) -> Result<Vec<Desk>, StoreError>;

    async fn desk(&self, id: &str) -> Result<Option<Desk>, StoreError>;

    /// Creates or updates a situation; what changed (status, owner, query) is logged under
    /// `actor` at `situation.updated_at`.
    async fn put_situation(&self, situation: &Situation, actor: &str) -> Result<(), StoreError>;

    /// A situation and its history, oldest first.
    async fn situation(
        &self,
        id: &str,
    ) -> Result<Option<(Situation, Vec<SituationEntry>)>, StoreError>;

    /// Situations, most recently changed first.
    async fn situations(&self, filter: &SituationFilter) -> Result<Vec<Situation>, StoreError>;

    /// Adds to a situation's history (an acknowledgement, a note).
    async fn log_situation(
        &self,
        id: &str,
        at: i64,
        actor: &str,
        kind: &str,
        detail: Option<&str>,
    ) -> Result<(), StoreError>;

    /// Records the day of the briefing that last showed a situation.
    async fn set_situation_briefed(&self, id: &str, day: &str) -> Result<(), StoreError>;

    /// A handle on the same store that reads only what `vis` allows (see the module's
    /// invariants). Writes are not restricted: the service layer decides who may write.
    fn restricted(&self, vis: &Visibility) -> Box<dyn Store>;

    /// The restriction this handle reads under.
    fn visibility(&self) -> &Visibility;

    /// Creates or updates an account (by id). A user name already taken by another account
    /// is an [`StoreError::Invalid`].
    async fn put_user(&self, user: &UserRecord) -> Result<(), StoreError>;

    async fn user(&self, id: &str) -> Result<Option<UserRecord>, StoreError>;

    /// The account with this user name (lower case).
    async fn user_by_name(&self, username: &str) -> Result<Option<UserRecord>, StoreError>;

    /// Every account, by user name.
    async fn users(&self) -> Result<Vec<UserRecord>, StoreError>;

    /// Counts a failed sign-in for the account (atomically) and sets its lock; returns the
    /// count.
    async fn record_failed_login(
        &self,
        user_id: &str,
        locked_until: Option<i64>,
    ) -> Result<i32, StoreError>;

    async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError>;

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError>;

    /// An account's sessions, newest first.
    async fn sessions_of(&self, user_id: &str) -> Result<Vec<SessionRecord>, StoreError>;

    /// Records activity on a session (only moves `last_seen_at` forward).
    async fn touch_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError>;

    /// Ends a session; returns whether it was open.
    async fn revoke_session(&self, token_hash: &str, at: i64) -> Result<bool, StoreError>;

    /// Ends every open session of an account; returns how many.
    async fn revoke_user_sessions(&self, user_id: &str, at: i64) -> Result<u64, StoreError>;

    /// Deletes sessions that expired or were revoked before `before`.
    async fn purge_sessions(&self, before: i64) -> Result<u64, StoreError>;

    /// Appends entries to the audit log, chained and sealed with `key`, in one transaction
    /// under the log's lock; returns their sequence numbers.
    async fn append_audit(
        &self,
        entries: Vec<NewAuditEntry>,
        key: &AuditKey,
    ) -> Result<Vec<i64>, StoreError>;

    /// Audit entries after `after_seq`, oldest first (what verification walks).
    async fn audit_after(&self, after_seq: i64, limit: u32)
    -> Result<Vec<AuditRecord>, StoreError>;

    /// Audit entries matching a filter, newest first.
    async fn audit_search(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>, StoreError>;

    /// The sealed head of the audit log (none before the first entry).
    async fn audit_head(&self) -> Result<Option<ChainHead>, StoreError>;

    /// A random identifier fixed when the store was created; derived data records it so that
    /// an index built from another store is never trusted.
    fn store_id(&self) -> &str;

    /// "sqlite" or "postgres".
    fn backend(&self) -> &'static str;

    /// Where the store lives, safe to print (passwords removed).
    fn location(&self) -> String;
}

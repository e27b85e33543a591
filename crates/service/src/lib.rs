//! tre's use cases: what the command line and the web application both call, over the store
//! and the search index.
//!
//! [`Service`] holds the store, the index, the classification levels and the audit key. Every
//! use case takes the [`Caller`] it runs for and:
//! 1. checks the caller's role may take the action ([`tre_access::policy`]), and records a
//!    refusal in the audit log;
//! 2. reads only through a store handle restricted to the caller's clearance and scope
//!    ([`tre_store::Store::restricted`]) and searches only under the same restriction, so a
//!    record the caller may not see does not exist for them, counts and facets included;
//! 3. records in the audit log every sign-in, read of a classified record, export and change.
//!
//! **Architecture invariant:** no HTTP, no terminal. Front ends parse and print; everything
//! that decides who may see or do what is here, so that no front end can bypass it.

pub mod audit;
pub mod auth;
pub mod briefing;
pub mod desks;
pub mod reads;
pub mod stories;

pub use auth::{NewUser, SignedIn, UserChanges};
pub use briefing::{BriefRequest, BriefStats};
pub use reads::{ArticleView, EntityPage, EventQuery, TrendAnswer, TrendQuery, WhoAnswer};

use std::sync::Arc;
use tre_access::{Action, AuditKey, Levels, Principal};
use tre_search::SearchIndex;
use tre_store::Store;

/// What a use case can fail with, worded for the user.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The request itself is wrong (a bad date, an unknown status).
    #[error("{0}")]
    Invalid(String),
    /// Nothing by that name or id, or nothing the caller may see (the two are not told
    /// apart, so that a refusal never confirms a record exists).
    #[error("{0}")]
    NotFound(String),
    /// The caller's role does not allow the action.
    #[error("{0}")]
    Forbidden(String),
    /// Not signed in: wrong credentials, an expired or revoked session, a locked account.
    #[error("{0}")]
    Unauthenticated(String),
    #[error(transparent)]
    Store(#[from] tre_store::StoreError),
    #[error(transparent)]
    Search(#[from] tre_search::SearchError),
}

/// Timeouts and limits of sign-in and sessions.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// A session unused this long is over (ms).
    pub session_idle_ms: i64,
    /// A session is over this long after sign-in, used or not (ms).
    pub session_absolute_ms: i64,
    /// Failed sign-ins in a row before an account is locked.
    pub lockout_after: i32,
    /// How long the first lock lasts (ms); each further failure doubles it, up to a day.
    pub lockout_ms: i64,
    /// How long a one-time sign-in code is valid (ms).
    pub one_time_code_ms: i64,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            session_idle_ms: 30 * 60 * 1000,
            session_absolute_ms: 12 * 3600 * 1000,
            lockout_after: 5,
            lockout_ms: 15 * 60 * 1000,
            one_time_code_ms: 24 * 3600 * 1000,
        }
    }
}

/// Who a use case runs for, and from where.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    /// The client's address, for requests that came over the network.
    pub ip: Option<String>,
    /// The hash of the session token the request came with.
    pub session: Option<String>,
}

impl Caller {
    /// The operator of the command line (see [`Principal::operator`]), named after the
    /// operating-system user.
    pub fn operator() -> Caller {
        let name = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "operator".to_owned());
        Caller {
            principal: Principal::operator(&name),
            ip: None,
            session: None,
        }
    }

    pub fn username(&self) -> &str {
        &self.principal.username
    }
}

struct Inner {
    store: Arc<dyn Store>,
    index: Option<Arc<SearchIndex>>,
    levels: Levels,
    key: AuditKey,
    config: ServiceConfig,
}

/// tre's use cases over one store and index. Cheap to clone; share one per process.
#[derive(Clone)]
pub struct Service {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("store", &self.inner.store.location())
            .field(
                "index",
                &self.inner.index.as_ref().map(|i| i.dir().to_owned()),
            )
            .finish()
    }
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Service {
    pub fn new(
        store: Arc<dyn Store>,
        index: Option<Arc<SearchIndex>>,
        levels: Levels,
        key: AuditKey,
        config: ServiceConfig,
    ) -> Service {
        Service {
            inner: Arc::new(Inner {
                store,
                index,
                levels,
                key,
                config,
            }),
        }
    }

    pub fn levels(&self) -> &Levels {
        &self.inner.levels
    }

    pub fn config(&self) -> &ServiceConfig {
        &self.inner.config
    }

    /// The search index, when there is one.
    pub fn index(&self) -> Option<&SearchIndex> {
        self.inner.index.as_deref()
    }

    /// The store without restriction, for maintenance (ingest, rebuilding derived data) once
    /// [`Service::authorize`] has allowed [`Action::Maintain`]. Never for a user's reads.
    pub fn maintenance_store(&self) -> &dyn Store {
        self.inner.store.as_ref()
    }

    /// The store as `caller` may read it.
    pub(crate) fn view(&self, caller: &Caller) -> Box<dyn Store> {
        self.inner.store.restricted(&caller.principal.visibility())
    }

    /// Whether `caller`'s role allows `action`; a refusal is recorded in the audit log and
    /// returned as [`ServiceError::Forbidden`].
    pub async fn authorize(
        &self,
        caller: &Caller,
        action: Action,
        target: &str,
    ) -> Result<(), ServiceError> {
        let d = tre_access::policy::decide(&caller.principal, action);
        if d.allowed {
            return Ok(());
        }
        self.record(
            caller,
            "permission",
            target,
            "denied",
            0,
            serde_json::json!({"action": action.key(), "reason": d.reason}),
        )
        .await?;
        Err(ServiceError::Forbidden(d.reason))
    }

    /// Whether `caller` may take `action`, without recording anything (for showing or hiding
    /// a button).
    pub fn may(&self, caller: &Caller, action: Action) -> bool {
        tre_access::policy::role_allows(caller.principal.role, action)
    }

    /// Brings derived data (the knowledge base, then the search index) up to date with the
    /// store. Maintenance: runs for the system, not for a user.
    pub async fn catch_up(
        &self,
        kb_progress: &mut (dyn FnMut(u64, u64) + Send),
        index_progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<CatchUpReport, ServiceError> {
        let kb = tre_kb::catch_up(self.inner.store.as_ref(), kb_progress).await?;
        let index = match self.index() {
            Some(index) => {
                match tre_search::catch_up(index, self.inner.store.as_ref(), index_progress).await {
                    Ok(c) => Some(c),
                    // Another process (a running server) keeps the index: it catches up itself.
                    Err(tre_search::SearchError::Locked(_)) => None,
                    Err(e) => return Err(e.into()),
                }
            }
            None => None,
        };
        Ok(CatchUpReport { kb, index })
    }
}

/// What [`Service::catch_up`] did.
#[derive(Debug)]
pub struct CatchUpReport {
    pub kb: tre_kb::KbCatchUp,
    /// `None` when there is no index or another process holds it.
    pub index: Option<tre_search::CatchUp>,
}

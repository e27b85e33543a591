//! Accounts, sessions and the audit log, as stored.
//!
//! The store keeps what `tre-access` decides with: roles and scopes are stored as their text
//! keys and interpreted by the service layer; passwords and session tokens only as hashes.
//! The audit log is appended to under a lock, so its chain is one line whatever the number of
//! server processes: each entry is sealed (`tre_access::audit::seal`) against the previous
//! one inside the appending transaction, and the sealed head is updated with it.

use serde::Serialize;

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRecord {
    pub id: String,
    /// Lower case, unique.
    pub username: String,
    pub display_name: String,
    /// Argon2id PHC string; `None` until the user has set a password.
    #[serde(skip)]
    pub password_hash: Option<String>,
    /// A `tre_access::Role` key.
    pub role: String,
    pub clearance: i32,
    /// `*` or ISO country codes (`tre_access::Scope`'s stored form).
    pub scope: String,
    pub mission: Option<String>,
    /// `vi` or `en`.
    pub language: String,
    pub disabled: bool,
    pub must_change_password: bool,
    pub failed_logins: i32,
    /// Unix ms until which sign-in is refused after repeated failures.
    pub locked_until: Option<i64>,
    /// SHA-256 of a one-time sign-in code, and when it expires.
    #[serde(skip)]
    pub one_time_code: Option<String>,
    pub one_time_expires: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub last_login_at: Option<i64>,
}

/// A signed-in session. The token itself is never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionRecord {
    #[serde(skip)]
    pub token_hash: String,
    pub user_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// Absolute expiry (unix ms).
    pub expires_at: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub revoked_at: Option<i64>,
}

/// Which audit entries to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub outcome: Option<String>,
    /// Entries whose target or detail contain this text.
    pub text: Option<String>,
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
    /// Only entries before this sequence number (paging backwards).
    pub before_seq: Option<i64>,
    pub limit: u32,
}

pub mod sql {
    pub const USER_COLUMNS: &str = "id, username, display_name, password_hash, role, \
        clearance, scope, mission, language, disabled, must_change_password, failed_logins, \
        locked_until, one_time_code, one_time_expires, created_at, updated_at, last_login_at";
    pub const PUT_USER: &str = "INSERT INTO users (id, username, display_name, password_hash, \
        role, clearance, scope, mission, language, disabled, must_change_password, \
        failed_logins, locked_until, one_time_code, one_time_expires, created_at, updated_at, \
        last_login_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
        $16, $17, $18) ON CONFLICT (id) DO UPDATE SET username = excluded.username, \
        display_name = excluded.display_name, password_hash = excluded.password_hash, \
        role = excluded.role, clearance = excluded.clearance, scope = excluded.scope, \
        mission = excluded.mission, language = excluded.language, disabled = excluded.disabled, \
        must_change_password = excluded.must_change_password, \
        failed_logins = excluded.failed_logins, locked_until = excluded.locked_until, \
        one_time_code = excluded.one_time_code, one_time_expires = excluded.one_time_expires, \
        updated_at = excluded.updated_at, last_login_at = excluded.last_login_at";
    /// Counts a failed sign-in and returns the new count.
    pub const FAILED_LOGIN: &str = "UPDATE users SET failed_logins = failed_logins + 1, \
        locked_until = $2 WHERE id = $1 RETURNING failed_logins";
    pub const SESSION_COLUMNS: &str = "token_hash, user_id, created_at, last_seen_at, \
        expires_at, ip, user_agent, revoked_at";
    pub const INSERT_SESSION: &str = "INSERT INTO sessions (token_hash, user_id, created_at, \
        last_seen_at, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    pub const TOUCH_SESSION: &str =
        "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2";
    pub const REVOKE_SESSION: &str = "UPDATE sessions SET revoked_at = $2 \
        WHERE token_hash = $1 AND revoked_at IS NULL";
    pub const REVOKE_USER_SESSIONS: &str = "UPDATE sessions SET revoked_at = $2 \
        WHERE user_id = $1 AND revoked_at IS NULL";
    /// Sessions ended long ago are deleted (the audit log keeps the sign-ins).
    pub const PURGE_SESSIONS: &str =
        "DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1";
    pub const AUDIT_COLUMNS: &str = "seq, at_ms, actor, action, target, outcome, level, \
        detail, ip, prev_hash, hash, mac";
    pub const AUDIT_HEAD: &str = "SELECT seq, hash, mac FROM audit_head WHERE id = 1";
    pub const PUT_AUDIT_HEAD: &str = "INSERT INTO audit_head (id, seq, hash, mac) \
        VALUES (1, $1, $2, $3) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, \
        hash = excluded.hash, mac = excluded.mac";
}

/// The account, session and audit methods, written once for both backends (see
/// [`knowledge_methods!`](crate::knowledge_methods) for how). The backend also provides
/// `begin_audit()`, a transaction holding the audit log's append lock.
#[doc(hidden)]
#[macro_export]
macro_rules! access_methods {
    ($placeholders:path) => {
        fn ac_user_from_row<R: sqlx::Row>(r: &R) -> Result<$crate::UserRecord, $crate::StoreError>
        where
            usize: sqlx::ColumnIndex<R>,
            String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            Option<String>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            Option<i64>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i32: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
        {
            Ok($crate::UserRecord {
                id: r.try_get(0).map_err(corrupt)?,
                username: r.try_get(1).map_err(corrupt)?,
                display_name: r.try_get(2).map_err(corrupt)?,
                password_hash: r.try_get(3).map_err(corrupt)?,
                role: r.try_get(4).map_err(corrupt)?,
                clearance: r.try_get(5).map_err(corrupt)?,
                scope: r.try_get(6).map_err(corrupt)?,
                mission: r.try_get(7).map_err(corrupt)?,
                language: r.try_get(8).map_err(corrupt)?,
                disabled: r.try_get::<i32, _>(9).map_err(corrupt)? != 0,
                must_change_password: r.try_get::<i32, _>(10).map_err(corrupt)? != 0,
                failed_logins: r.try_get(11).map_err(corrupt)?,
                locked_until: r.try_get(12).map_err(corrupt)?,
                one_time_code: r.try_get(13).map_err(corrupt)?,
                one_time_expires: r.try_get(14).map_err(corrupt)?,
                created_at: r.try_get(15).map_err(corrupt)?,
                updated_at: r.try_get(16).map_err(corrupt)?,
                last_login_at: r.try_get(17).map_err(corrupt)?,
            })
        }

        async fn ac_put_user(&self, u: &$crate::UserRecord) -> Result<(), $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::access::sql::PUT_USER,
            )))
            .bind(u.id.clone())
            .bind(u.username.clone())
            .bind(u.display_name.clone())
            .bind(u.password_hash.clone())
            .bind(u.role.clone())
            .bind(u.clearance)
            .bind(u.scope.clone())
            .bind(u.mission.clone())
            .bind(u.language.clone())
            .bind(i32::from(u.disabled))
            .bind(i32::from(u.must_change_password))
            .bind(u.failed_logins)
            .bind(u.locked_until)
            .bind(u.one_time_code.clone())
            .bind(u.one_time_expires)
            .bind(u.created_at)
            .bind(u.updated_at)
            .bind(u.last_login_at)
            .execute(&self.pool)
            .await
            .map_err(|e| {
                if e.to_string().to_lowercase().contains("unique") {
                    $crate::StoreError::Invalid(format!(
                        "the user name {:?} is taken; choose another",
                        u.username
                    ))
                } else {
                    query_err("saving an account")(e)
                }
            })?;
            Ok(())
        }

        async fn ac_user_where(
            &self,
            column: &str,
            value: &str,
        ) -> Result<Option<$crate::UserRecord>, $crate::StoreError> {
            let sql = format!(
                "SELECT {} FROM users WHERE {column} = $1",
                $crate::access::sql::USER_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(value.to_owned())
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err("reading an account"))?
                .as_ref()
                .map(Self::ac_user_from_row)
                .transpose()
        }

        async fn ac_users(&self) -> Result<Vec<$crate::UserRecord>, $crate::StoreError> {
            let sql = format!(
                "SELECT {} FROM users ORDER BY username",
                $crate::access::sql::USER_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("listing accounts"))?
                .iter()
                .map(Self::ac_user_from_row)
                .collect()
        }

        async fn ac_failed_login(
            &self,
            user_id: &str,
            locked_until: Option<i64>,
        ) -> Result<i32, $crate::StoreError> {
            let n: Option<i32> = sqlx::query_scalar(sqlx::AssertSqlSafe($placeholders(
                $crate::access::sql::FAILED_LOGIN,
            )))
            .bind(user_id.to_owned())
            .bind(locked_until)
            .fetch_optional(&self.pool)
            .await
            .map_err(query_err("counting a failed sign-in"))?;
            Ok(n.unwrap_or(0))
        }

        async fn ac_create_session(
            &self,
            s: &$crate::SessionRecord,
        ) -> Result<(), $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::access::sql::INSERT_SESSION,
            )))
            .bind(s.token_hash.clone())
            .bind(s.user_id.clone())
            .bind(s.created_at)
            .bind(s.last_seen_at)
            .bind(s.expires_at)
            .bind(s.ip.clone())
            .bind(s.user_agent.clone())
            .execute(&self.pool)
            .await
            .map_err(query_err("opening a session"))?;
            Ok(())
        }

        fn ac_session_from_row<R: sqlx::Row>(
            r: &R,
        ) -> Result<$crate::SessionRecord, $crate::StoreError>
        where
            usize: sqlx::ColumnIndex<R>,
            String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            Option<String>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            Option<i64>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
        {
            Ok($crate::SessionRecord {
                token_hash: r.try_get(0).map_err(corrupt)?,
                user_id: r.try_get(1).map_err(corrupt)?,
                created_at: r.try_get(2).map_err(corrupt)?,
                last_seen_at: r.try_get(3).map_err(corrupt)?,
                expires_at: r.try_get(4).map_err(corrupt)?,
                ip: r.try_get(5).map_err(corrupt)?,
                user_agent: r.try_get(6).map_err(corrupt)?,
                revoked_at: r.try_get(7).map_err(corrupt)?,
            })
        }

        async fn ac_session(
            &self,
            token_hash: &str,
        ) -> Result<Option<$crate::SessionRecord>, $crate::StoreError> {
            let sql = format!(
                "SELECT {} FROM sessions WHERE token_hash = $1",
                $crate::access::sql::SESSION_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(token_hash.to_owned())
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err("reading a session"))?
                .as_ref()
                .map(Self::ac_session_from_row)
                .transpose()
        }

        async fn ac_sessions_of(
            &self,
            user_id: &str,
        ) -> Result<Vec<$crate::SessionRecord>, $crate::StoreError> {
            let sql = format!(
                "SELECT {} FROM sessions WHERE user_id = $1 ORDER BY created_at DESC",
                $crate::access::sql::SESSION_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(user_id.to_owned())
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("listing sessions"))?
                .iter()
                .map(Self::ac_session_from_row)
                .collect()
        }

        async fn ac_exec2(
            &self,
            sql: &str,
            a: &str,
            b: i64,
            doing: &'static str,
        ) -> Result<u64, $crate::StoreError> {
            Ok(sqlx::query(sqlx::AssertSqlSafe($placeholders(sql)))
                .bind(a.to_owned())
                .bind(b)
                .execute(&self.pool)
                .await
                .map_err(query_err(doing))?
                .rows_affected())
        }

        async fn ac_purge_sessions(&self, before: i64) -> Result<u64, $crate::StoreError> {
            Ok(sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::access::sql::PURGE_SESSIONS,
            )))
            .bind(before)
            .execute(&self.pool)
            .await
            .map_err(query_err("deleting ended sessions"))?
            .rows_affected())
        }

        async fn ac_append_audit(
            &self,
            entries: Vec<tre_access::NewAuditEntry>,
            key: &tre_access::AuditKey,
        ) -> Result<Vec<i64>, $crate::StoreError> {
            if entries.is_empty() {
                return Ok(Vec::new());
            }
            let q = |s: &str| sqlx::AssertSqlSafe($placeholders(s));
            let mut tx = self.begin_audit().await?;
            let head = sqlx::query(q($crate::access::sql::AUDIT_HEAD))
                .fetch_optional(&mut *tx)
                .await
                .map_err(query_err("reading the audit log's head"))?;
            let (mut seq, mut prev): (i64, String) = match head {
                Some(r) => (
                    r.try_get(0).map_err(corrupt)?,
                    r.try_get(1).map_err(corrupt)?,
                ),
                None => (0, tre_access::audit::GENESIS.to_owned()),
            };
            let mut seqs = Vec::with_capacity(entries.len());
            let mut sealed = Vec::with_capacity(entries.len());
            for e in entries {
                seq += 1;
                let r = tre_access::audit::seal(key, &prev, seq, e);
                prev = r.hash.clone();
                seqs.push(seq);
                sealed.push(r);
            }
            for chunk in sealed.chunks(200) {
                let mut qy = sqlx::query(q(&$crate::knowledge::sql::insert_rows(
                    "audit_log",
                    &[
                        "seq",
                        "at_ms",
                        "actor",
                        "action",
                        "target",
                        "outcome",
                        "level",
                        "detail",
                        "ip",
                        "prev_hash",
                        "hash",
                        "mac",
                    ],
                    chunk.len(),
                    "",
                )));
                for r in chunk {
                    qy = qy
                        .bind(r.seq)
                        .bind(r.entry.at_ms)
                        .bind(r.entry.actor.clone())
                        .bind(r.entry.action.clone())
                        .bind(r.entry.target.clone())
                        .bind(r.entry.outcome.clone())
                        .bind(r.entry.level)
                        .bind(r.entry.detail.clone())
                        .bind(r.entry.ip.clone())
                        .bind(r.prev_hash.clone())
                        .bind(r.hash.clone())
                        .bind(r.mac.clone());
                }
                qy.execute(&mut *tx)
                    .await
                    .map_err(query_err("appending to the audit log"))?;
            }
            let head = tre_access::audit::seal_head(key, seq, &prev);
            sqlx::query(q($crate::access::sql::PUT_AUDIT_HEAD))
                .bind(head.seq)
                .bind(head.hash)
                .bind(head.mac)
                .execute(&mut *tx)
                .await
                .map_err(query_err("sealing the audit log's head"))?;
            tx.commit()
                .await
                .map_err(query_err("committing to the audit log"))?;
            Ok(seqs)
        }

        fn ac_audit_from_row<R: sqlx::Row>(
            r: &R,
        ) -> Result<tre_access::AuditRecord, $crate::StoreError>
        where
            usize: sqlx::ColumnIndex<R>,
            String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            Option<String>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i32: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
        {
            Ok(tre_access::AuditRecord {
                seq: r.try_get(0).map_err(corrupt)?,
                entry: tre_access::NewAuditEntry {
                    at_ms: r.try_get(1).map_err(corrupt)?,
                    actor: r.try_get(2).map_err(corrupt)?,
                    action: r.try_get(3).map_err(corrupt)?,
                    target: r.try_get(4).map_err(corrupt)?,
                    outcome: r.try_get(5).map_err(corrupt)?,
                    level: r.try_get(6).map_err(corrupt)?,
                    detail: r.try_get(7).map_err(corrupt)?,
                    ip: r.try_get(8).map_err(corrupt)?,
                },
                prev_hash: r.try_get(9).map_err(corrupt)?,
                hash: r.try_get(10).map_err(corrupt)?,
                mac: r.try_get(11).map_err(corrupt)?,
            })
        }

        async fn ac_audit_after(
            &self,
            after_seq: i64,
            limit: u32,
        ) -> Result<Vec<tre_access::AuditRecord>, $crate::StoreError> {
            let sql = format!(
                "SELECT {} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
                $crate::access::sql::AUDIT_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(after_seq)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("reading the audit log"))?
                .iter()
                .map(Self::ac_audit_from_row)
                .collect()
        }

        async fn ac_audit_search(
            &self,
            f: &$crate::AuditFilter,
        ) -> Result<Vec<tre_access::AuditRecord>, $crate::StoreError> {
            // `instr`/`strpos` rather than LIKE: what the administrator typed is plain text.
            let contains = if self.backend() == "postgres" {
                "(strpos(target, $4) > 0 OR strpos(detail, $4) > 0)"
            } else {
                "(instr(target, $4) > 0 OR instr(detail, $4) > 0)"
            };
            let sql = format!(
                "SELECT {} FROM audit_log WHERE ($1 IS NULL OR actor = $1) \
                 AND ($2 IS NULL OR action = $2) AND ($3 IS NULL OR outcome = $3) \
                 AND ($4 IS NULL OR {contains}) AND ($5 IS NULL OR at_ms >= $5) \
                 AND ($6 IS NULL OR at_ms <= $6) AND ($7 IS NULL OR seq < $7) \
                 ORDER BY seq DESC LIMIT $8",
                $crate::access::sql::AUDIT_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(f.actor.clone())
                .bind(f.action.clone())
                .bind(f.outcome.clone())
                .bind(f.text.clone())
                .bind(f.from_ms)
                .bind(f.to_ms)
                .bind(f.before_seq)
                .bind(i64::from(f.limit.clamp(1, 10_000)))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("searching the audit log"))?
                .iter()
                .map(Self::ac_audit_from_row)
                .collect()
        }

        async fn ac_audit_head(&self) -> Result<Option<tre_access::ChainHead>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::access::sql::AUDIT_HEAD,
            )))
            .fetch_optional(&self.pool)
            .await
            .map_err(query_err("reading the audit log's head"))?
            .map(|r| {
                Ok(tre_access::ChainHead {
                    seq: r.try_get(0).map_err(corrupt)?,
                    hash: r.try_get(1).map_err(corrupt)?,
                    mac: r.try_get(2).map_err(corrupt)?,
                })
            })
            .transpose()
        }
    };
}

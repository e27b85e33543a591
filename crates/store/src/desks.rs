//! Desks and situations: who follows what.
//!
//! A desk (a country, a region, an international organisation, a theme such as citizen
//! protection) is defined by places, entities, documents, pillars and keywords, and has
//! officers. A situation is a story thread an officer is assigned to follow: it keeps an owner,
//! a status, a log of what happened to it (acknowledgements included) and the day it was last
//! shown in a briefing, so that a briefing can say what changed since.

use serde::{Deserialize, Serialize};

/// What a desk watches, names as the press writes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeskDefinition {
    pub places: Vec<String>,
    pub entities: Vec<String>,
    pub documents: Vec<String>,
    /// political, economic, cultural, overseas_citizens, party_external_relations,
    /// defence_security.
    pub pillars: Vec<String>,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Desk {
    pub id: String,
    pub name: String,
    pub definition: DeskDefinition,
    pub officers: Vec<String>,
    pub updated_at: i64,
    /// Classification rank of the desk's definition (what it watches can itself be
    /// sensitive).
    pub classification: i32,
}

/// The statuses a situation moves through: just assigned, being followed, something must be
/// done by the officer, reported to the leadership, no longer followed.
pub const SITUATION_STATUSES: &[&str] =
    &["new", "following", "action_required", "reported", "closed"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Situation {
    pub id: String,
    pub desk_id: Option<String>,
    pub title: String,
    /// The search query that defines the thread (what counts as news on it).
    pub query: String,
    pub owner: Option<String>,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The day of the last briefing that showed it.
    pub last_briefed_day: Option<String>,
    /// Classification rank of the situation (its title and query may themselves be
    /// sensitive).
    pub classification: i32,
}

/// One line of a situation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SituationEntry {
    pub at: i64,
    pub actor: String,
    /// created, status, owner, query, ack, note.
    pub kind: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SituationFilter {
    pub desk_id: Option<String>,
    pub owner: Option<String>,
    pub status: Option<String>,
}

pub mod sql {
    pub const PUT_DESK: &str = "INSERT INTO desks (id, name, definition, officers, updated_at, \
        classification) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET \
        name = excluded.name, definition = excluded.definition, officers = excluded.officers, \
        updated_at = excluded.updated_at, classification = excluded.classification";
    /// Desks at or below a classification rank (`$1`).
    pub const DESKS: &str = "SELECT id, name, definition, officers, updated_at, classification \
        FROM desks WHERE classification <= $1 ORDER BY name, id";
    pub const DESK: &str = "SELECT id, name, definition, officers, updated_at, classification \
        FROM desks WHERE id = $1 AND classification <= $2";
    pub const SITUATION_COLUMNS: &str = "id, desk_id, title, query, owner, status, created_at, \
        updated_at, last_briefed_day, classification";
    pub const INSERT_SITUATION: &str = "INSERT INTO situations (id, desk_id, title, query, \
        owner, status, created_at, updated_at, classification) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)";
    pub const UPDATE_SITUATION: &str = "UPDATE situations SET desk_id = $2, title = $3, \
        query = $4, owner = $5, status = $6, updated_at = $7, classification = $8 WHERE id = $1";
    pub const LOG: &str = "INSERT INTO situation_log (situation_id, at, actor, kind, detail) \
        VALUES ($1, $2, $3, $4, $5)";
    pub const HISTORY: &str = "SELECT at, actor, kind, detail FROM situation_log \
        WHERE situation_id = $1 ORDER BY at, kind";
    pub const BRIEFED: &str = "UPDATE situations SET last_briefed_day = $2 WHERE id = $1";
}

/// The desk and situation methods, written once for both backends (see
/// [`knowledge_methods!`](crate::knowledge_methods) for how).
#[doc(hidden)]
#[macro_export]
macro_rules! desk_methods {
    ($placeholders:path) => {
        async fn dk_put_desk(&self, d: &$crate::Desk) -> Result<(), $crate::StoreError> {
            let definition = serde_json::to_string(&d.definition)
                .map_err(|e| $crate::StoreError::Invalid(e.to_string()))?;
            let officers = serde_json::to_string(&d.officers)
                .map_err(|e| $crate::StoreError::Invalid(e.to_string()))?;
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::desks::sql::PUT_DESK,
            )))
            .bind(d.id.clone())
            .bind(d.name.clone())
            .bind(definition)
            .bind(officers)
            .bind(d.updated_at)
            .bind(d.classification)
            .execute(&self.pool)
            .await
            .map_err(query_err("saving a desk"))?;
            Ok(())
        }

        fn dk_desk_from_row<R: sqlx::Row>(r: &R) -> Result<$crate::Desk, $crate::StoreError>
        where
            usize: sqlx::ColumnIndex<R>,
            String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i32: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
        {
            let definition: String = r.try_get(2).map_err(corrupt)?;
            let officers: String = r.try_get(3).map_err(corrupt)?;
            Ok($crate::Desk {
                id: r.try_get(0).map_err(corrupt)?,
                name: r.try_get(1).map_err(corrupt)?,
                definition: serde_json::from_str(&definition).map_err(|e| {
                    $crate::StoreError::Corrupt(format!("a desk's definition: {e}"))
                })?,
                officers: serde_json::from_str(&officers)
                    .map_err(|e| $crate::StoreError::Corrupt(format!("a desk's officers: {e}")))?,
                updated_at: r.try_get(4).map_err(corrupt)?,
                classification: r.try_get(5).map_err(corrupt)?,
            })
        }

        async fn dk_desks(&self) -> Result<Vec<$crate::Desk>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::desks::sql::DESKS,
            )))
            .bind(self.vis.max_level)
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("listing desks"))?
            .iter()
            .map(Self::dk_desk_from_row)
            .collect()
        }

        async fn dk_desk(&self, id: &str) -> Result<Option<$crate::Desk>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders($crate::desks::sql::DESK)))
                .bind(id.to_owned())
                .bind(self.vis.max_level)
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err("reading a desk"))?
                .as_ref()
                .map(Self::dk_desk_from_row)
                .transpose()
        }

        fn dk_situation_from_row<R: sqlx::Row>(
            r: &R,
        ) -> Result<$crate::Situation, $crate::StoreError>
        where
            usize: sqlx::ColumnIndex<R>,
            String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            Option<String>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
            i32: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
        {
            Ok($crate::Situation {
                id: r.try_get(0).map_err(corrupt)?,
                desk_id: r.try_get(1).map_err(corrupt)?,
                title: r.try_get(2).map_err(corrupt)?,
                query: r.try_get(3).map_err(corrupt)?,
                owner: r.try_get(4).map_err(corrupt)?,
                status: r.try_get(5).map_err(corrupt)?,
                created_at: r.try_get(6).map_err(corrupt)?,
                updated_at: r.try_get(7).map_err(corrupt)?,
                last_briefed_day: r.try_get(8).map_err(corrupt)?,
                classification: r.try_get(9).map_err(corrupt)?,
            })
        }

        async fn dk_put_situation(
            &self,
            s: &$crate::Situation,
            actor: &str,
        ) -> Result<(), $crate::StoreError> {
            use $crate::desks::sql;
            let q = |s: &str| sqlx::AssertSqlSafe($placeholders(s));
            let mut tx = self.begin_write().await?;
            let cols = format!(
                "SELECT {} FROM situations WHERE id = $1",
                sql::SITUATION_COLUMNS
            );
            let old = sqlx::query(q(&cols))
                .bind(s.id.clone())
                .fetch_optional(&mut *tx)
                .await
                .map_err(query_err("reading a situation"))?
                .as_ref()
                .map(Self::dk_situation_from_row)
                .transpose()?;
            let mut log: Vec<(&str, Option<String>)> = Vec::new();
            match &old {
                None => {
                    sqlx::query(q(sql::INSERT_SITUATION))
                        .bind(s.id.clone())
                        .bind(s.desk_id.clone())
                        .bind(s.title.clone())
                        .bind(s.query.clone())
                        .bind(s.owner.clone())
                        .bind(s.status.clone())
                        .bind(s.updated_at)
                        .bind(s.classification)
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("creating a situation"))?;
                    log.push(("created", Some(s.title.clone())));
                }
                Some(o) => {
                    if o.status != s.status {
                        log.push(("status", Some(format!("{} → {}", o.status, s.status))));
                    }
                    if o.owner != s.owner {
                        log.push(("owner", s.owner.clone()));
                    }
                    if o.query != s.query {
                        log.push(("query", Some(s.query.clone())));
                    }
                    if o.classification != s.classification {
                        log.push((
                            "classification",
                            Some(format!("{} → {}", o.classification, s.classification)),
                        ));
                    }
                    if o.status == s.status
                        && o.owner == s.owner
                        && o.query == s.query
                        && o.title == s.title
                        && o.desk_id == s.desk_id
                        && o.classification == s.classification
                    {
                        return tx
                            .commit()
                            .await
                            .map_err(query_err("committing a situation"));
                    }
                    sqlx::query(q(sql::UPDATE_SITUATION))
                        .bind(s.id.clone())
                        .bind(s.desk_id.clone())
                        .bind(s.title.clone())
                        .bind(s.query.clone())
                        .bind(s.owner.clone())
                        .bind(s.status.clone())
                        .bind(s.updated_at)
                        .bind(s.classification)
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("updating a situation"))?;
                }
            }
            for (kind, detail) in log {
                sqlx::query(q(sql::LOG))
                    .bind(s.id.clone())
                    .bind(s.updated_at)
                    .bind(actor.to_owned())
                    .bind(kind.to_owned())
                    .bind(detail)
                    .execute(&mut *tx)
                    .await
                    .map_err(query_err("logging a situation change"))?;
            }
            tx.commit()
                .await
                .map_err(query_err("committing a situation"))
        }

        async fn dk_situation(
            &self,
            id: &str,
        ) -> Result<Option<($crate::Situation, Vec<$crate::SituationEntry>)>, $crate::StoreError> {
            let cols = format!(
                "SELECT {} FROM situations WHERE id = $1 AND classification <= $2",
                $crate::desks::sql::SITUATION_COLUMNS
            );
            let Some(s) = sqlx::query(sqlx::AssertSqlSafe($placeholders(&cols)))
                .bind(id.to_owned())
                .bind(self.vis.max_level)
                .fetch_optional(&self.pool)
                .await
                .map_err(query_err("reading a situation"))?
                .as_ref()
                .map(Self::dk_situation_from_row)
                .transpose()?
            else {
                return Ok(None);
            };
            let history = sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::desks::sql::HISTORY,
            )))
            .bind(id.to_owned())
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("reading a situation's history"))?
            .iter()
            .map(|r| {
                Ok($crate::SituationEntry {
                    at: r.try_get(0).map_err(corrupt)?,
                    actor: r.try_get(1).map_err(corrupt)?,
                    kind: r.try_get(2).map_err(corrupt)?,
                    detail: r.try_get(3).map_err(corrupt)?,
                })
            })
            .collect::<Result<Vec<_>, $crate::StoreError>>()?;
            Ok(Some((s, history)))
        }

        async fn dk_situations(
            &self,
            f: &$crate::SituationFilter,
        ) -> Result<Vec<$crate::Situation>, $crate::StoreError> {
            let sql = format!(
                "SELECT {} FROM situations WHERE ($1 IS NULL OR desk_id = $1) \
                 AND ($2 IS NULL OR owner = $2) AND ($3 IS NULL OR status = $3) \
                 AND classification <= $4 ORDER BY updated_at DESC, id",
                $crate::desks::sql::SITUATION_COLUMNS
            );
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(f.desk_id.clone())
                .bind(f.owner.clone())
                .bind(f.status.clone())
                .bind(self.vis.max_level)
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("listing situations"))?
                .iter()
                .map(Self::dk_situation_from_row)
                .collect()
        }

        async fn dk_log_situation(
            &self,
            id: &str,
            at: i64,
            actor: &str,
            kind: &str,
            detail: Option<&str>,
        ) -> Result<(), $crate::StoreError> {
            let mut tx = self.begin_write().await?;
            let done = sqlx::query(sqlx::AssertSqlSafe($placeholders(
                "UPDATE situations SET updated_at = $2 WHERE id = $1",
            )))
            .bind(id.to_owned())
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(query_err("touching a situation"))?;
            if done.rows_affected() == 0 {
                return Err($crate::StoreError::Invalid(format!(
                    "no situation {id:?}; `tre situation list` shows them"
                )));
            }
            sqlx::query(sqlx::AssertSqlSafe($placeholders($crate::desks::sql::LOG)))
                .bind(id.to_owned())
                .bind(at)
                .bind(actor.to_owned())
                .bind(kind.to_owned())
                .bind(detail.map(str::to_owned))
                .execute(&mut *tx)
                .await
                .map_err(query_err("logging a situation"))?;
            tx.commit()
                .await
                .map_err(query_err("committing a situation note"))
        }

        async fn dk_set_briefed(&self, id: &str, day: &str) -> Result<(), $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                $crate::desks::sql::BRIEFED,
            )))
            .bind(id.to_owned())
            .bind(day.to_owned())
            .execute(&self.pool)
            .await
            .map_err(query_err("marking a situation briefed"))?;
            Ok(())
        }
    };
}

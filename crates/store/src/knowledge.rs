//! The knowledge base as the store keeps it: entities and their names, who is mentioned where,
//! the officeholder ledger, documents cited, events and their participants, pillars.
//!
//! These rows are derived from each article's extracted facts (`articles.facts`) by the
//! knowledge catch-up (tre-kb) and can always be rebuilt from them. The SQL is written once
//! here, with `$n` placeholders, and run by both backends (SQLite reads them as `?n`).

use serde::Serialize;

/// Everything the knowledge base holds for one article, replacing what it held before.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleKnowledge {
    pub article_id: String,
    pub entities: Vec<EntityRow>,
    pub mentions: Vec<MentionRow>,
    pub offices: Vec<OfficeRow>,
    pub citations: Vec<CitationRow>,
    pub events: Vec<EventRow>,
    pub pillars: Vec<PillarRow>,
}

/// An entity and the names the article wrote it under.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    /// The extractor's stable id (`person:bùi thanh sơn`, `org:bộ ngoại giao`).
    pub id: String,
    /// `person`, `organization`, `place` or `document`.
    pub kind: String,
    /// The name to show (canonical when known).
    pub name: String,
    /// Every form written, each with its folded key for lookup.
    pub names: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MentionRow {
    pub entity_id: String,
    pub mentions: i64,
    pub span: Option<(i64, i64)>,
}

/// One (person, title) observation of the officeholder ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeRow {
    pub person_id: String,
    /// As written.
    pub title: String,
    /// Folded and canonicalised (`bo truong ngoai giao` for both `Bộ trưởng Ngoại giao` and
    /// `Bộ trưởng Bộ Ngoại giao`), what `tre who` matches.
    pub title_key: String,
    pub head: String,
    pub rank: i64,
    /// The date the article saw it: its publication date, or the date of the event it was
    /// reported in; `None` when neither is known.
    pub seen_on: Option<String>,
    pub span: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CitationRow {
    pub document_id: String,
    pub kind: String,
    pub number: String,
    pub document_date: Option<String>,
    pub span: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// Unique across the store: the article id and the event's ordinal.
    pub id: String,
    pub kind: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub place_id: Option<String>,
    /// (person id, name as in the article).
    pub participants: Vec<(String, String)>,
    pub span: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PillarRow {
    pub pillar: String,
    pub score: f64,
    /// JSON array of the cues that decided it.
    pub evidence: String,
}

/// An entity with how many articles mention it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub articles: i64,
}

/// An article as a line in a list: enough to show and to trace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub source: String,
}

/// One ledger observation with its person and article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfficeObservation {
    pub person_id: String,
    pub person: String,
    pub title: String,
    pub title_key: String,
    pub head: String,
    pub rank: i64,
    pub seen_on: Option<String>,
    pub article: ArticleRef,
    pub span: Option<(i64, i64)>,
}

/// Which ledger observations to return.
#[derive(Debug, Clone, Default)]
pub struct OfficeFilter {
    pub person_id: Option<String>,
    /// Exact canonical title key.
    pub title_key: Option<String>,
    pub limit: u32,
}

/// An event with its participants and source article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    pub id: String,
    pub kind: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub participants: Vec<Participant>,
    pub article: ArticleRef,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub id: String,
    pub name: String,
}

/// Which events to return. Dates compare as text, so `--MM-DD` (year unknown) dates fall
/// outside any year-bounded range.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Option<String>,
    pub person_id: Option<String>,
    /// Place id (`place:…`).
    pub place_id: Option<String>,
    pub limit: u32,
}

/// An article citing a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub document_id: String,
    pub kind: String,
    pub number: String,
    pub document_date: Option<String>,
    pub article: ArticleRef,
}

/// The SQL of the knowledge base, shared by both backends.
pub mod sql {
    pub const DELETE_ARTICLE: [&str; 6] = [
        "DELETE FROM mentions WHERE article_id = $1",
        "DELETE FROM offices WHERE article_id = $1",
        "DELETE FROM citations WHERE article_id = $1",
        "DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE article_id = $1)",
        "DELETE FROM events WHERE article_id = $1",
        "DELETE FROM pillars WHERE article_id = $1",
    ];
    pub const INSERT_ENTITY: &str =
        "INSERT INTO entities (id, kind, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING";
    pub const INSERT_ENTITY_NAME: &str = "INSERT INTO entity_names (entity_id, name, key) \
        VALUES ($1, $2, $3) ON CONFLICT (entity_id, name) DO NOTHING";
    pub const INSERT_MENTION: &str = "INSERT INTO mentions (article_id, entity_id, mentions, \
        span_start, span_end) VALUES ($1, $2, $3, $4, $5) \
        ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = excluded.mentions";
    pub const INSERT_OFFICE: &str = "INSERT INTO offices (article_id, person_id, title, \
        title_key, head, rank, seen_on, span_start, span_end) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    pub const INSERT_CITATION: &str = "INSERT INTO citations (article_id, document_id, kind, \
        number, document_date, span_start, span_end) VALUES ($1, $2, $3, $4, $5, $6, $7) \
        ON CONFLICT (article_id, document_id) DO NOTHING";
    pub const INSERT_EVENT: &str = "INSERT INTO events (id, article_id, kind, date, place, \
        place_id, span_start, span_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    pub const INSERT_PARTICIPANT: &str = "INSERT INTO event_participants (event_id, person_id, \
        name) VALUES ($1, $2, $3) ON CONFLICT (event_id, person_id) DO NOTHING";
    pub const INSERT_PILLAR: &str = "INSERT INTO pillars (article_id, pillar, score, evidence) \
        VALUES ($1, $2, $3, $4) ON CONFLICT (article_id, pillar) DO UPDATE SET \
        score = excluded.score, evidence = excluded.evidence";
    pub const SET_KB_SEQ: &str = "INSERT INTO store_meta (key, value) VALUES ('kb_seq', $1) \
        ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    pub const GET_KB_SEQ: &str = "SELECT value FROM store_meta WHERE key = 'kb_seq'";

    const ARTICLE_REF: &str = "a.id, a.title, a.published, a.outlet, a.source";

    /// Entities whose folded names equal the key, or start with it, most mentioned first.
    pub fn find_entities() -> String {
        "SELECT e.id, e.kind, e.name, \
            (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n, \
            MIN(CASE WHEN k.key = $1 THEN 0 ELSE 1 END) AS exactness \
         FROM entity_names k JOIN entities e ON e.id = k.entity_id \
         WHERE (k.key = $1 OR k.key LIKE $2) AND ($3 IS NULL OR e.kind = $3) \
         GROUP BY e.id, e.kind, e.name \
         ORDER BY exactness, n DESC, e.name LIMIT $4"
            .to_owned()
    }

    pub fn entity() -> String {
        "SELECT e.id, e.kind, e.name, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) \
         FROM entities e WHERE e.id = $1"
            .to_owned()
    }

    pub fn entity_articles() -> String {
        format!(
            "SELECT {ARTICLE_REF} FROM mentions m JOIN articles a ON a.id = m.article_id \
             WHERE m.entity_id = $1 ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT $2"
        )
    }

    pub fn offices() -> String {
        format!(
            "SELECT o.person_id, COALESCE(p.name, o.person_id), o.title, o.title_key, o.head, \
                o.rank, o.seen_on, {ARTICLE_REF}, o.span_start, o.span_end \
             FROM offices o JOIN articles a ON a.id = o.article_id \
             LEFT JOIN entities p ON p.id = o.person_id \
             WHERE ($1 IS NULL OR o.person_id = $1) AND ($2 IS NULL OR o.title_key = $2) \
             ORDER BY o.seen_on IS NULL, o.seen_on, a.id LIMIT $3"
        )
    }

    pub fn events() -> String {
        format!(
            "SELECT ev.id, ev.kind, ev.date, ev.place, {ARTICLE_REF} \
             FROM events ev JOIN articles a ON a.id = ev.article_id \
             WHERE ($1 IS NULL OR ev.date >= $1) AND ($2 IS NULL OR (ev.date <= $2 AND ev.date >= '0')) \
               AND ($3 IS NULL OR ev.kind = $3) \
               AND ($4 IS NULL OR EXISTS (SELECT 1 FROM event_participants ep \
                    WHERE ep.event_id = ev.id AND ep.person_id = $4)) \
               AND ($5 IS NULL OR ev.place_id = $5) \
             ORDER BY ev.date IS NULL, ev.date, ev.id LIMIT $6"
        )
    }

    pub const EVENT_PARTICIPANTS: &str =
        "SELECT person_id, name FROM event_participants WHERE event_id = $1 ORDER BY name";

    pub fn citations() -> String {
        format!(
            "SELECT c.document_id, c.kind, c.number, c.document_date, {ARTICLE_REF} \
             FROM citations c JOIN articles a ON a.id = c.article_id \
             WHERE c.document_id = $1 ORDER BY a.published IS NULL, a.published, a.id"
        )
    }

    /// Entities sharing articles with `$1`, most shared first.
    pub fn cooccurring() -> String {
        "SELECT e.id, e.kind, e.name, COUNT(*) AS shared \
         FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id \
         JOIN entities e ON e.id = m2.entity_id \
         WHERE m1.entity_id = $1 AND m2.entity_id <> $1 \
         GROUP BY e.id, e.kind, e.name ORDER BY shared DESC, e.name LIMIT $2"
            .to_owned()
    }
}

/// SQLite reads numbered placeholders as `?n`; PostgreSQL as `$n`. The shared SQL uses `$n`.
pub fn sqlite_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

/// The knowledge-base methods, written once for both backends: each expands it inside an
/// `impl` of its store type (which has a `pool` field, a `query_err` function in scope and
/// `sqlx::Row` imported), giving `placeholders`, its dialect's placeholder rewriting. The SQL
/// and the row decoding are identical on SQLite and PostgreSQL; only the driver types differ,
/// which a generic function could not name without dragging sqlx into this crate.
#[doc(hidden)]
#[macro_export]
macro_rules! knowledge_methods {
    ($placeholders:path) => {
        async fn kb_replace(
            &self,
            batch: &[$crate::ArticleKnowledge],
            through_seq: i64,
        ) -> Result<(), $crate::StoreError> {
            use $crate::knowledge::sql;
            let q = |s: &str| sqlx::AssertSqlSafe($placeholders(s));
            let mut tx = self.begin_write().await?;
            for a in batch {
                for del in sql::DELETE_ARTICLE {
                    sqlx::query(q(del))
                        .bind(a.article_id.clone())
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("clearing an article's knowledge"))?;
                }
                for e in &a.entities {
                    sqlx::query(q(sql::INSERT_ENTITY))
                        .bind(e.id.clone())
                        .bind(e.kind.clone())
                        .bind(e.name.clone())
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("recording an entity"))?;
                    for (name, key) in &e.names {
                        sqlx::query(q(sql::INSERT_ENTITY_NAME))
                            .bind(e.id.clone())
                            .bind(name.clone())
                            .bind(key.clone())
                            .execute(&mut *tx)
                            .await
                            .map_err(query_err("recording an entity's name"))?;
                    }
                }
                for m in &a.mentions {
                    sqlx::query(q(sql::INSERT_MENTION))
                        .bind(a.article_id.clone())
                        .bind(m.entity_id.clone())
                        .bind(m.mentions)
                        .bind(m.span.map(|s| s.0))
                        .bind(m.span.map(|s| s.1))
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("recording a mention"))?;
                }
                for o in &a.offices {
                    sqlx::query(q(sql::INSERT_OFFICE))
                        .bind(a.article_id.clone())
                        .bind(o.person_id.clone())
                        .bind(o.title.clone())
                        .bind(o.title_key.clone())
                        .bind(o.head.clone())
                        .bind(o.rank)
                        .bind(o.seen_on.clone())
                        .bind(o.span.map(|s| s.0))
                        .bind(o.span.map(|s| s.1))
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("recording an office"))?;
                }
                for c in &a.citations {
                    sqlx::query(q(sql::INSERT_CITATION))
                        .bind(a.article_id.clone())
                        .bind(c.document_id.clone())
                        .bind(c.kind.clone())
                        .bind(c.number.clone())
                        .bind(c.document_date.clone())
                        .bind(c.span.map(|s| s.0))
                        .bind(c.span.map(|s| s.1))
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("recording a citation"))?;
                }
                for ev in &a.events {
                    sqlx::query(q(sql::INSERT_EVENT))
                        .bind(ev.id.clone())
                        .bind(a.article_id.clone())
                        .bind(ev.kind.clone())
                        .bind(ev.date.clone())
                        .bind(ev.place.clone())
                        .bind(ev.place_id.clone())
                        .bind(ev.span.map(|s| s.0))
                        .bind(ev.span.map(|s| s.1))
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("recording an event"))?;
                    for (pid, name) in &ev.participants {
                        sqlx::query(q(sql::INSERT_PARTICIPANT))
                            .bind(ev.id.clone())
                            .bind(pid.clone())
                            .bind(name.clone())
                            .execute(&mut *tx)
                            .await
                            .map_err(query_err("recording a participant"))?;
                    }
                }
                for p in &a.pillars {
                    sqlx::query(q(sql::INSERT_PILLAR))
                        .bind(a.article_id.clone())
                        .bind(p.pillar.clone())
                        .bind(p.score)
                        .bind(p.evidence.clone())
                        .execute(&mut *tx)
                        .await
                        .map_err(query_err("recording a pillar"))?;
                }
            }
            sqlx::query(q(sql::SET_KB_SEQ))
                .bind(through_seq.to_string())
                .execute(&mut *tx)
                .await
                .map_err(query_err("recording the knowledge sequence"))?;
            tx.commit().await.map_err(query_err("committing knowledge"))
        }

        async fn kb_seq(&self) -> Result<i64, $crate::StoreError> {
            let v: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe($placeholders(
                $crate::knowledge::sql::GET_KB_SEQ,
            )))
            .fetch_optional(&self.pool)
            .await
            .map_err(query_err("reading the knowledge sequence"))?;
            Ok(v.and_then(|s| s.parse().ok()).unwrap_or(0))
        }

        async fn kb_find_entities(
            &self,
            kind: Option<&str>,
            key: &str,
            limit: u32,
        ) -> Result<Vec<$crate::EntitySummary>, $crate::StoreError> {
            let escaped = key
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let sql = $crate::knowledge::sql::find_entities()
                .replace("k.key LIKE $2", "k.key LIKE $2 ESCAPE '\\'");
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(key.to_owned())
                .bind(format!("{escaped}%"))
                .bind(kind.map(str::to_owned))
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("finding entities"))?
                .iter()
                .map(|r| {
                    Ok($crate::EntitySummary {
                        id: r.try_get(0).map_err(corrupt)?,
                        kind: r.try_get(1).map_err(corrupt)?,
                        name: r.try_get(2).map_err(corrupt)?,
                        articles: r.try_get(3).map_err(corrupt)?,
                    })
                })
                .collect()
        }

        async fn kb_entity(
            &self,
            id: &str,
        ) -> Result<Option<$crate::EntitySummary>, $crate::StoreError> {
            let row = sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::entity(),
            )))
            .bind(id.to_owned())
            .fetch_optional(&self.pool)
            .await
            .map_err(query_err("reading an entity"))?;
            row.map(|r| {
                Ok($crate::EntitySummary {
                    id: r.try_get(0).map_err(corrupt)?,
                    kind: r.try_get(1).map_err(corrupt)?,
                    name: r.try_get(2).map_err(corrupt)?,
                    articles: r.try_get(3).map_err(corrupt)?,
                })
            })
            .transpose()
        }

        async fn kb_entity_articles(
            &self,
            id: &str,
            limit: u32,
        ) -> Result<Vec<$crate::ArticleRef>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::entity_articles(),
            )))
            .bind(id.to_owned())
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("listing an entity's articles"))?
            .iter()
            .map(|r| article_ref(r, 0))
            .collect()
        }

        async fn kb_offices(
            &self,
            f: &$crate::OfficeFilter,
        ) -> Result<Vec<$crate::OfficeObservation>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::offices(),
            )))
            .bind(f.person_id.clone())
            .bind(f.title_key.clone())
            .bind(i64::from(f.limit.max(1)))
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("reading the officeholder ledger"))?
            .iter()
            .map(|r| {
                let start: Option<i64> = r.try_get(12).map_err(corrupt)?;
                let end: Option<i64> = r.try_get(13).map_err(corrupt)?;
                Ok($crate::OfficeObservation {
                    person_id: r.try_get(0).map_err(corrupt)?,
                    person: r.try_get(1).map_err(corrupt)?,
                    title: r.try_get(2).map_err(corrupt)?,
                    title_key: r.try_get(3).map_err(corrupt)?,
                    head: r.try_get(4).map_err(corrupt)?,
                    rank: r.try_get(5).map_err(corrupt)?,
                    seen_on: r.try_get(6).map_err(corrupt)?,
                    article: article_ref(r, 7)?,
                    span: start.zip(end),
                })
            })
            .collect()
        }

        async fn kb_events(
            &self,
            f: &$crate::EventFilter,
        ) -> Result<Vec<$crate::EventRecord>, $crate::StoreError> {
            let rows = sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::events(),
            )))
            .bind(f.from.clone())
            .bind(f.to.clone())
            .bind(f.kind.clone())
            .bind(f.person_id.clone())
            .bind(f.place_id.clone())
            .bind(i64::from(f.limit.max(1)))
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("listing events"))?;
            let mut out = Vec::with_capacity(rows.len());
            for r in &rows {
                let id: String = r.try_get(0).map_err(corrupt)?;
                let participants = sqlx::query(sqlx::AssertSqlSafe($placeholders(
                    $crate::knowledge::sql::EVENT_PARTICIPANTS,
                )))
                .bind(id.clone())
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("listing an event's participants"))?
                .iter()
                .map(|p| {
                    Ok($crate::Participant {
                        id: p.try_get(0).map_err(corrupt)?,
                        name: p.try_get(1).map_err(corrupt)?,
                    })
                })
                .collect::<Result<Vec<_>, $crate::StoreError>>()?;
                out.push($crate::EventRecord {
                    id,
                    kind: r.try_get(1).map_err(corrupt)?,
                    date: r.try_get(2).map_err(corrupt)?,
                    place: r.try_get(3).map_err(corrupt)?,
                    participants,
                    article: article_ref(r, 4)?,
                });
            }
            Ok(out)
        }

        async fn kb_citations(
            &self,
            document_id: &str,
        ) -> Result<Vec<$crate::Citation>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::citations(),
            )))
            .bind(document_id.to_owned())
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("listing citations"))?
            .iter()
            .map(|r| {
                Ok($crate::Citation {
                    document_id: r.try_get(0).map_err(corrupt)?,
                    kind: r.try_get(1).map_err(corrupt)?,
                    number: r.try_get(2).map_err(corrupt)?,
                    document_date: r.try_get(3).map_err(corrupt)?,
                    article: article_ref(r, 4)?,
                })
            })
            .collect()
        }

        async fn kb_cooccurring(
            &self,
            id: &str,
            limit: u32,
        ) -> Result<Vec<($crate::EntitySummary, i64)>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::cooccurring(),
            )))
            .bind(id.to_owned())
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("counting co-occurrences"))?
            .iter()
            .map(|r| {
                let shared: i64 = r.try_get(3).map_err(corrupt)?;
                Ok((
                    $crate::EntitySummary {
                        id: r.try_get(0).map_err(corrupt)?,
                        kind: r.try_get(1).map_err(corrupt)?,
                        name: r.try_get(2).map_err(corrupt)?,
                        articles: shared,
                    },
                    shared,
                ))
            })
            .collect()
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_for_sqlite() {
        assert_eq!(
            super::sqlite_placeholders("a = $1 AND ($2 IS NULL OR b = $2) AND c = '$x'"),
            "a = ?1 AND (?2 IS NULL OR b = ?2) AND c = '$x'"
        );
    }
}

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
    /// Its classification rank.
    pub classification: i32,
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
    /// Only observations seen strictly after / before these days.
    pub seen_after: Option<String>,
    pub seen_before: Option<String>,
    /// Leave out this person's observations.
    pub exclude_person: Option<String>,
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
    /// `DELETE FROM table WHERE key IN ($1, …, $n)`.
    pub fn delete_where_in(table: &str, key: &str, n: usize) -> String {
        let list: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        format!("DELETE FROM {table} WHERE {key} IN ({})", list.join(", "))
    }

    /// `INSERT INTO table (cols) VALUES ($1, …), (…) tail` for `rows` rows.
    pub fn insert_rows(table: &str, cols: &[&str], rows: usize, tail: &str) -> String {
        let mut out = format!("INSERT INTO {table} ({}) VALUES ", cols.join(", "));
        let mut n = 0;
        for r in 0..rows {
            if r > 0 {
                out.push_str(", ");
            }
            out.push('(');
            for c in 0..cols.len() {
                n += 1;
                if c > 0 {
                    out.push_str(", ");
                }
                out.push_str(&format!("${n}"));
            }
            out.push(')');
        }
        if !tail.is_empty() {
            out.push(' ');
            out.push_str(tail);
        }
        out
    }

    /// Rows per multi-row statement: well under SQLite's 32,766 and PostgreSQL's 65,535 bound
    /// parameters for the widest table (9 columns).
    pub const ROWS_PER_STATEMENT: usize = 500;

    pub const SET_KB_SEQ: &str = "INSERT INTO store_meta (key, value) VALUES ('kb_seq', $1) \
        ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    pub const GET_KB_SEQ: &str = "SELECT value FROM store_meta WHERE key = 'kb_seq'";

    const ARTICLE_REF: &str = "a.id, a.title, a.published, a.outlet, a.source, a.classification";

    /// Entities whose folded names equal the key (`$1`), or start with it (`$1 <= key < $2`, a
    /// range an index serves, unlike a case-insensitive `LIKE`), exact matches first, then the
    /// most mentioned.
    /// How many articles (visible under `vis`) mention entity `e`.
    fn mention_count(vis: &str) -> String {
        if vis.is_empty() {
            "(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id)".to_owned()
        } else {
            format!(
                "(SELECT COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id \
                 WHERE m.entity_id = e.id{vis})"
            )
        }
    }

    /// Only entities some visible article mentions are found: an entity known only from
    /// records a user may not see does not exist for them.
    pub fn find_entities(vis: &str) -> String {
        format!(
            "SELECT id, kind, name, n FROM (SELECT e.id, e.kind, e.name, {} AS n, \
                MIN(CASE WHEN k.key = $1 THEN 0 ELSE 1 END) AS exactness \
             FROM entity_names k JOIN entities e ON e.id = k.entity_id \
             WHERE (k.key = $1 OR (k.key >= $1 AND k.key < $2)) AND ($3 IS NULL OR e.kind = $3) \
             GROUP BY e.id, e.kind, e.name) x \
             WHERE n > 0 ORDER BY exactness, n DESC, name LIMIT $4",
            mention_count(vis)
        )
    }

    pub fn entity(vis: &str) -> String {
        format!(
            "SELECT e.id, e.kind, e.name, {} FROM entities e WHERE e.id = $1",
            mention_count(vis)
        )
    }

    pub fn entity_articles(vis: &str) -> String {
        format!(
            "SELECT {ARTICLE_REF} FROM mentions m JOIN articles a ON a.id = m.article_id \
             WHERE m.entity_id = $1{vis} \
             ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT $2"
        )
    }

    pub fn offices(vis: &str) -> String {
        format!(
            "SELECT o.person_id, COALESCE(p.name, o.person_id), o.title, o.title_key, o.head, \
                o.rank, o.seen_on, {ARTICLE_REF}, o.span_start, o.span_end \
             FROM offices o JOIN articles a ON a.id = o.article_id \
             LEFT JOIN entities p ON p.id = o.person_id \
             WHERE ($1 IS NULL OR o.person_id = $1) AND ($2 IS NULL OR o.title_key = $2) \
               AND ($3 IS NULL OR o.seen_on > $3) AND ($4 IS NULL OR o.seen_on < $4) \
               AND ($5 IS NULL OR o.person_id <> $5){vis} \
             ORDER BY o.seen_on IS NULL, o.seen_on, a.id LIMIT $6"
        )
    }

    pub fn events(vis: &str) -> String {
        format!(
            "SELECT ev.id, ev.kind, ev.date, ev.place, {ARTICLE_REF} \
             FROM events ev JOIN articles a ON a.id = ev.article_id \
             WHERE ($1 IS NULL OR ev.date >= $1) AND ($2 IS NULL OR (ev.date <= $2 AND ev.date >= '0')) \
               AND ($3 IS NULL OR ev.kind = $3) \
               AND ($4 IS NULL OR EXISTS (SELECT 1 FROM event_participants ep \
                    WHERE ep.event_id = ev.id AND ep.person_id = $4)) \
               AND ($5 IS NULL OR ev.place_id = $5){vis} \
             ORDER BY ev.date IS NULL, ev.date, ev.id LIMIT $6"
        )
    }

    pub const EVENT_PARTICIPANTS: &str =
        "SELECT person_id, name FROM event_participants WHERE event_id = $1 ORDER BY name";

    pub fn citations(vis: &str) -> String {
        format!(
            "SELECT c.document_id, c.kind, c.number, c.document_date, {ARTICLE_REF} \
             FROM citations c JOIN articles a ON a.id = c.article_id \
             WHERE c.document_id = $1{vis} ORDER BY a.published IS NULL, a.published, a.id"
        )
    }

    pub fn entity_series(vis: &str) -> String {
        format!(
            "SELECT a.day, COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id \
             WHERE m.entity_id = $1 AND a.day >= $2 AND a.day <= $3{vis} \
             GROUP BY a.day ORDER BY a.day"
        )
    }

    pub fn pillar_series(vis: &str) -> String {
        format!(
            "SELECT a.day, COUNT(*) FROM pillars p JOIN articles a ON a.id = p.article_id \
             WHERE p.pillar = $1 AND a.day >= $2 AND a.day <= $3{vis} \
             GROUP BY a.day ORDER BY a.day"
        )
    }

    pub fn daily_counts(vis: &str) -> String {
        format!(
            "SELECT m.entity_id, a.day, COUNT(*) FROM mentions m \
             JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id \
             WHERE a.day >= $1 AND a.day <= $2 AND ($3 IS NULL OR e.kind = $3){vis} \
             GROUP BY m.entity_id, a.day"
        )
    }

    /// Daily counts of every entity over a range of days, driven by the day index (joining
    /// `entities` only when a kind is asked for).
    pub fn daily_counts_all(vis: &str) -> String {
        format!(
            "SELECT m.entity_id, a.day, COUNT(*) FROM articles a \
             JOIN mentions m ON m.article_id = a.id \
             WHERE a.day >= $1 AND a.day <= $2{vis} GROUP BY m.entity_id, a.day"
        )
    }

    pub fn day_range(vis: &str) -> String {
        format!("SELECT MIN(a.day), MAX(a.day) FROM articles a WHERE 1 = 1{vis}")
    }

    /// Every column of an article, as each backend's `article_from_row` reads them (from
    /// `articles a`).
    pub const ARTICLE_COLUMNS: &str = "a.id, a.seq, a.source, a.url, a.outlet, a.section, \
        a.title, a.lead, a.paragraphs, a.captions, a.credits, a.byline, a.source_line, \
        a.published, a.page_date, a.content_hash, a.ingested_at, a.updated_at, a.facts, \
        a.facts_version, a.day, a.classification, a.countries";

    /// Articles filed under days `$1`..`$2` that mention one of `entities` or carry one of
    /// `pillars` (every article of those days when both are empty), latest day first, then
    /// latest written. (Ordering by day lets the day index drive the query; ordering by `seq`
    /// alone made SQLite walk every article in `seq` order.)
    pub fn articles_on_days(entities: usize, pillars: usize, vis: &str) -> String {
        let list = |from: usize, n: usize| -> String {
            (from..from + n)
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut cond = Vec::new();
        if entities > 0 {
            cond.push(format!(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id \
                 AND m.entity_id IN ({}))",
                list(3, entities)
            ));
        }
        if pillars > 0 {
            cond.push(format!(
                "EXISTS (SELECT 1 FROM pillars p WHERE p.article_id = a.id \
                 AND p.pillar IN ({}))",
                list(3 + entities, pillars)
            ));
        }
        let filter = if cond.is_empty() {
            String::new()
        } else {
            format!("AND ({})", cond.join(" OR "))
        };
        format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.day >= $1 AND a.day <= $2 \
             {filter}{vis} ORDER BY a.day DESC, a.seq DESC LIMIT ${}",
            3 + entities + pillars
        )
    }

    pub fn articles_by_ids(n: usize, vis: &str) -> String {
        let list: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({}){vis}",
            list.join(", ")
        )
    }

    /// Articles per outlet per day over a window: what coverage is computed from.
    pub fn outlet_days(vis: &str) -> String {
        format!(
            "SELECT a.outlet, a.day, COUNT(*) FROM articles a \
             WHERE a.day >= $1 AND a.day <= $2{vis} GROUP BY a.outlet, a.day"
        )
    }

    /// Entities sharing articles with `$1`, most shared first.
    pub fn cooccurring(vis: &str) -> String {
        let join = if vis.is_empty() {
            String::new()
        } else {
            format!("JOIN articles a ON a.id = m1.article_id{vis} ")
        };
        format!(
            "SELECT e.id, e.kind, e.name, COUNT(*) AS shared \
             FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id \
             {join}JOIN entities e ON e.id = m2.entity_id \
             WHERE m1.entity_id = $1 AND m2.entity_id <> $1 \
             GROUP BY e.id, e.kind, e.name ORDER BY shared DESC, e.name LIMIT $2"
        )
    }

    /// The condition (` AND …` on `articles a`, or nothing) restricting a query to what
    /// `vis` allows. Values are written into the SQL rather than bound, so that every query
    /// keeps its parameter numbering; they are an integer and validated two-letter codes, so
    /// nothing a user typed reaches the SQL text.
    pub fn visibility(vis: &tre_access::Visibility) -> String {
        if vis.is_unrestricted() {
            return String::new();
        }
        let mut out = String::new();
        if vis.max_level != i32::MAX {
            out.push_str(&format!(" AND a.classification <= {}", vis.max_level));
        }
        if let Some(codes) = &vis.countries {
            let likes: Vec<String> = codes
                .iter()
                .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
                .map(|c| format!("a.countries LIKE '% {c} %'"))
                .collect();
            if likes.is_empty() {
                out.push_str(" AND 1 = 0");
            } else {
                out.push_str(&format!(" AND ({})", likes.join(" OR ")));
            }
        }
        out
    }
}

/// SQLite reads numbered placeholders as `?n`; PostgreSQL as `$n`. The shared SQL uses `$n`.
///
/// When they appear in order, each once (`$1, $2, …`: every multi-row insert), they become
/// plain `?`: SQLite looks each numbered parameter's name up by walking a list, which makes
/// binding a statement of thousands of `?n` parameters quadratic; anonymous `?` costs nothing.
pub fn sqlite_placeholders(sql: &str) -> String {
    let mut numbers = Vec::new();
    let mut chars = sql.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '$' && chars.peek().is_some_and(|(_, d)| d.is_ascii_digit()) {
            let digits: String = sql[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            numbers.push(digits.parse::<usize>().unwrap_or(0));
        }
    }
    let sequential = numbers.iter().enumerate().all(|(i, n)| *n == i + 1);
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
            if sequential {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
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
            use std::collections::HashSet;
            // One statement per table per few hundred rows, not one per row: linking a whole
            // corpus writes hundreds of thousands of rows.
            let q = |s: &str| sqlx::AssertSqlSafe($placeholders(s));
            let n = sql::ROWS_PER_STATEMENT;
            let mut tx = self.begin_write().await?;
            let ids: Vec<&str> = batch.iter().map(|a| a.article_id.as_str()).collect();
            for chunk in ids.chunks(n) {
                let events_in = format!(
                    "event_id IN (SELECT id FROM events WHERE article_id IN ({}))",
                    (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
                );
                let mut deletes = vec![format!("DELETE FROM event_participants WHERE {events_in}")];
                for table in ["mentions", "offices", "citations", "events", "pillars"] {
                    deletes.push(sql::delete_where_in(table, "article_id", chunk.len()));
                }
                for del in &deletes {
                    let mut qy = sqlx::query(q(del));
                    for id in chunk {
                        qy = qy.bind((*id).to_owned());
                    }
                    qy.execute(&mut *tx)
                        .await
                        .map_err(query_err("clearing articles' knowledge"))?;
                }
            }
            // Entities and names: each once per batch; ON CONFLICT keeps the first seen.
            let mut seen: HashSet<&str> = HashSet::new();
            let entities: Vec<&$crate::EntityRow> = batch
                .iter()
                .flat_map(|a| &a.entities)
                .filter(|e| seen.insert(e.id.as_str()))
                .collect();
            for chunk in entities.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "entities",
                    &["id", "kind", "name"],
                    chunk.len(),
                    "ON CONFLICT (id) DO NOTHING",
                )));
                for e in chunk {
                    qy = qy.bind(e.id.clone()).bind(e.kind.clone()).bind(e.name.clone());
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording entities"))?;
            }
            let mut seen_names: HashSet<(&str, &str)> = HashSet::new();
            let names: Vec<(&str, &str, &str)> = batch
                .iter()
                .flat_map(|a| &a.entities)
                .flat_map(|e| e.names.iter().map(move |(nm, k)| (e.id.as_str(), nm.as_str(), k.as_str())))
                .filter(|(id, nm, _)| seen_names.insert((id, nm)))
                .collect();
            for chunk in names.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "entity_names",
                    &["entity_id", "name", "key"],
                    chunk.len(),
                    "ON CONFLICT (entity_id, name) DO NOTHING",
                )));
                for (id, nm, k) in chunk {
                    qy = qy.bind((*id).to_owned()).bind((*nm).to_owned()).bind((*k).to_owned());
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording entity names"))?;
            }
            // One row per (article, entity): PostgreSQL refuses to update a row twice in one
            // statement, so repeated entities are merged first.
            let mut mentions: Vec<(&str, $crate::MentionRow)> = Vec::new();
            let mut at: std::collections::HashMap<(&str, &str), usize> =
                std::collections::HashMap::new();
            for a in batch {
                for m in &a.mentions {
                    match at.get(&(a.article_id.as_str(), m.entity_id.as_str())) {
                        Some(&i) => mentions[i].1.mentions += m.mentions,
                        None => {
                            at.insert((a.article_id.as_str(), m.entity_id.as_str()), mentions.len());
                            mentions.push((a.article_id.as_str(), m.clone()));
                        }
                    }
                }
            }
            for chunk in mentions.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "mentions",
                    &["article_id", "entity_id", "mentions", "span_start", "span_end"],
                    chunk.len(),
                    "ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = excluded.mentions",
                )));
                for (aid, m) in chunk {
                    qy = qy
                        .bind((*aid).to_owned())
                        .bind(m.entity_id.clone())
                        .bind(m.mentions)
                        .bind(m.span.map(|s| s.0))
                        .bind(m.span.map(|s| s.1));
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording mentions"))?;
            }
            let offices: Vec<(&str, &$crate::OfficeRow)> = batch
                .iter()
                .flat_map(|a| a.offices.iter().map(move |o| (a.article_id.as_str(), o)))
                .collect();
            for chunk in offices.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "offices",
                    &[
                        "article_id", "person_id", "title", "title_key", "head", "rank",
                        "seen_on", "span_start", "span_end",
                    ],
                    chunk.len(),
                    "",
                )));
                for (aid, o) in chunk {
                    qy = qy
                        .bind((*aid).to_owned())
                        .bind(o.person_id.clone())
                        .bind(o.title.clone())
                        .bind(o.title_key.clone())
                        .bind(o.head.clone())
                        .bind(o.rank)
                        .bind(o.seen_on.clone())
                        .bind(o.span.map(|s| s.0))
                        .bind(o.span.map(|s| s.1));
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording offices"))?;
            }
            // Citations: one per (article, document) even if the extractor listed it twice.
            let mut seen_cites: HashSet<(&str, &str)> = HashSet::new();
            let citations: Vec<(&str, &$crate::CitationRow)> = batch
                .iter()
                .flat_map(|a| a.citations.iter().map(move |c| (a.article_id.as_str(), c)))
                .filter(|(aid, c)| seen_cites.insert((aid, c.document_id.as_str())))
                .collect();
            for chunk in citations.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "citations",
                    &[
                        "article_id", "document_id", "kind", "number", "document_date",
                        "span_start", "span_end",
                    ],
                    chunk.len(),
                    "",
                )));
                for (aid, c) in chunk {
                    qy = qy
                        .bind((*aid).to_owned())
                        .bind(c.document_id.clone())
                        .bind(c.kind.clone())
                        .bind(c.number.clone())
                        .bind(c.document_date.clone())
                        .bind(c.span.map(|s| s.0))
                        .bind(c.span.map(|s| s.1));
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording citations"))?;
            }
            let events: Vec<(&str, &$crate::EventRow)> = batch
                .iter()
                .flat_map(|a| a.events.iter().map(move |e| (a.article_id.as_str(), e)))
                .collect();
            for chunk in events.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "events",
                    &[
                        "id", "article_id", "kind", "date", "place", "place_id", "span_start",
                        "span_end",
                    ],
                    chunk.len(),
                    "",
                )));
                for (aid, e) in chunk {
                    qy = qy
                        .bind(e.id.clone())
                        .bind((*aid).to_owned())
                        .bind(e.kind.clone())
                        .bind(e.date.clone())
                        .bind(e.place.clone())
                        .bind(e.place_id.clone())
                        .bind(e.span.map(|s| s.0))
                        .bind(e.span.map(|s| s.1));
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording events"))?;
            }
            let mut seen_parts: HashSet<(&str, &str)> = HashSet::new();
            let participants: Vec<(&str, &str, &str)> = events
                .iter()
                .flat_map(|(_, e)| {
                    e.participants
                        .iter()
                        .map(move |(pid, name)| (e.id.as_str(), pid.as_str(), name.as_str()))
                })
                .filter(|(eid, pid, _)| seen_parts.insert((eid, pid)))
                .collect();
            for chunk in participants.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "event_participants",
                    &["event_id", "person_id", "name"],
                    chunk.len(),
                    "",
                )));
                for (eid, pid, name) in chunk {
                    qy = qy
                        .bind((*eid).to_owned())
                        .bind((*pid).to_owned())
                        .bind((*name).to_owned());
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording participants"))?;
            }
            let mut seen_pillars: HashSet<(&str, &str)> = HashSet::new();
            let pillars: Vec<(&str, &$crate::PillarRow)> = batch
                .iter()
                .flat_map(|a| a.pillars.iter().map(move |p| (a.article_id.as_str(), p)))
                .filter(|(aid, p)| seen_pillars.insert((aid, p.pillar.as_str())))
                .collect();
            for chunk in pillars.chunks(n) {
                let mut qy = sqlx::query(q(&sql::insert_rows(
                    "pillars",
                    &["article_id", "pillar", "score", "evidence"],
                    chunk.len(),
                    "",
                )));
                for (aid, p) in chunk {
                    qy = qy
                        .bind((*aid).to_owned())
                        .bind(p.pillar.clone())
                        .bind(p.score)
                        .bind(p.evidence.clone());
                }
                qy.execute(&mut *tx).await.map_err(query_err("recording pillars"))?;
            }
            sqlx::query(q(sql::SET_KB_SEQ))
                .bind(through_seq.to_string())
                .execute(&mut *tx)
                .await
                .map_err(query_err("recording the knowledge sequence"))?;
            tx.commit()
                .await
                .map_err(query_err("committing knowledge"))
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
            // A prefix test as a range so it can use the key index: every string that starts
            // with `key` sorts (bytewise) between `key` and `key` + U+10FFFF, the largest char.
            // User-typed `%` and `_` are plain characters here, not wildcards.
            let sql = $crate::knowledge::sql::find_entities(&self.vis_sql);
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(key.to_owned())
                .bind(format!("{key}{}", char::MAX))
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
                &$crate::knowledge::sql::entity(&self.vis_sql),
            )))
            .bind(id.to_owned())
            .fetch_optional(&self.pool)
            .await
            .map_err(query_err("reading an entity"))?;
            let e = row
                .map(|r| {
                    Ok($crate::EntitySummary {
                        id: r.try_get(0).map_err(corrupt)?,
                        kind: r.try_get(1).map_err(corrupt)?,
                        name: r.try_get(2).map_err(corrupt)?,
                        articles: r.try_get(3).map_err(corrupt)?,
                    })
                })
                .transpose()?;
            // Known only from records this view may not see: it does not exist here.
            Ok(e.filter(|e| self.vis_sql.is_empty() || e.articles > 0))
        }

        async fn kb_entity_articles(
            &self,
            id: &str,
            limit: u32,
        ) -> Result<Vec<$crate::ArticleRef>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::entity_articles(&self.vis_sql),
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
                &$crate::knowledge::sql::offices(&self.vis_sql),
            )))
            .bind(f.person_id.clone())
            .bind(f.title_key.clone())
            .bind(f.seen_after.clone())
            .bind(f.seen_before.clone())
            .bind(f.exclude_person.clone())
            .bind(i64::from(f.limit.max(1)))
            .fetch_all(&self.pool)
            .await
            .map_err(query_err("reading the officeholder ledger"))?
            .iter()
            .map(|r| {
                let start: Option<i64> = r.try_get(13).map_err(corrupt)?;
                let end: Option<i64> = r.try_get(14).map_err(corrupt)?;
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
                &$crate::knowledge::sql::events(&self.vis_sql),
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
                &$crate::knowledge::sql::citations(&self.vis_sql),
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

        async fn kb_series(
            &self,
            sql: &str,
            key: &str,
            from: &str,
            to: &str,
        ) -> Result<Vec<(String, i64)>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(sql)))
                .bind(key.to_owned())
                .bind(from.to_owned())
                .bind(to.to_owned())
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("reading a daily series"))?
                .iter()
                .map(|r| Ok((r.try_get(0).map_err(corrupt)?, r.try_get(1).map_err(corrupt)?)))
                .collect()
        }

        async fn kb_daily_counts(
            &self,
            from: &str,
            to: &str,
            kind: Option<&str>,
            entity_ids: Option<&[String]>,
        ) -> Result<Vec<(String, String, i64)>, $crate::StoreError> {
            // Always driven by the range of days: asking for a few entities by id would make
            // the database walk every mention of a common one (Việt Nam is in most articles).
            let query = match kind {
                Some(k) => sqlx::query(sqlx::AssertSqlSafe($placeholders(
                    &$crate::knowledge::sql::daily_counts(&self.vis_sql),
                )))
                .bind(from.to_owned())
                .bind(to.to_owned())
                .bind(Some(k.to_owned())),
                None => sqlx::query(sqlx::AssertSqlSafe($placeholders(
                    &$crate::knowledge::sql::daily_counts_all(&self.vis_sql),
                )))
                .bind(from.to_owned())
                .bind(to.to_owned()),
            };
            let wanted: Option<std::collections::HashSet<&str>> =
                entity_ids.map(|ids| ids.iter().map(String::as_str).collect());
            query
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("counting mentions per day"))?
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get::<String, _>(0).map_err(corrupt)?,
                        r.try_get(1).map_err(corrupt)?,
                        r.try_get(2).map_err(corrupt)?,
                    ))
                })
                .filter(|row: &Result<(String, String, i64), $crate::StoreError>| match (row, &wanted) {
                    (Ok((id, _, _)), Some(w)) => w.contains(id.as_str()),
                    _ => true,
                })
                .collect()
        }

        async fn kb_articles_on_days(
            &self,
            from: &str,
            to: &str,
            entities: &[String],
            pillars: &[String],
            limit: u32,
        ) -> Result<Vec<$crate::Article>, $crate::StoreError> {
            let sql = $crate::knowledge::sql::articles_on_days(entities.len(), pillars.len(), &self.vis_sql);
            let mut q = sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)))
                .bind(from.to_owned())
                .bind(to.to_owned());
            for e in entities.iter().chain(pillars) {
                q = q.bind(e.clone());
            }
            q.bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("reading a day's articles"))?
                .iter()
                .map(article_from_row)
                .collect()
        }

        async fn kb_articles_by_ids(
            &self,
            ids: &[String],
        ) -> Result<Vec<$crate::Article>, $crate::StoreError> {
            let mut out = Vec::with_capacity(ids.len());
            for chunk in ids.chunks($crate::knowledge::sql::ROWS_PER_STATEMENT) {
                let sql = $crate::knowledge::sql::articles_by_ids(chunk.len(), &self.vis_sql);
                let mut q = sqlx::query(sqlx::AssertSqlSafe($placeholders(&sql)));
                for id in chunk {
                    q = q.bind(id.clone());
                }
                for r in q
                    .fetch_all(&self.pool)
                    .await
                    .map_err(query_err("reading articles"))?
                    .iter()
                {
                    out.push(article_from_row(r)?);
                }
            }
            // In the order asked for.
            out.sort_by_key(|a| ids.iter().position(|i| i == &a.id));
            Ok(out)
        }

        async fn kb_outlet_days(
            &self,
            from: &str,
            to: &str,
        ) -> Result<Vec<(Option<String>, String, i64)>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(&$crate::knowledge::sql::outlet_days(&self.vis_sql))))
                .bind(from.to_owned())
                .bind(to.to_owned())
                .fetch_all(&self.pool)
                .await
                .map_err(query_err("counting articles per outlet and day"))?
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get(0).map_err(corrupt)?,
                        r.try_get(1).map_err(corrupt)?,
                        r.try_get(2).map_err(corrupt)?,
                    ))
                })
                .collect()
        }

        async fn kb_day_range(
            &self,
        ) -> Result<(Option<String>, Option<String>), $crate::StoreError> {
            let r = sqlx::query(sqlx::AssertSqlSafe($placeholders(&$crate::knowledge::sql::day_range(&self.vis_sql))))
                .fetch_one(&self.pool)
                .await
                .map_err(query_err("reading the range of days"))?;
            Ok((r.try_get(0).map_err(corrupt)?, r.try_get(1).map_err(corrupt)?))
        }

        async fn kb_cooccurring(
            &self,
            id: &str,
            limit: u32,
        ) -> Result<Vec<($crate::EntitySummary, i64)>, $crate::StoreError> {
            sqlx::query(sqlx::AssertSqlSafe($placeholders(
                &$crate::knowledge::sql::cooccurring(&self.vis_sql),
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
        // Repeated or out of order: numbered.
        assert_eq!(
            super::sqlite_placeholders("a = $1 AND ($2 IS NULL OR b = $2) AND c = '$x'"),
            "a = ?1 AND (?2 IS NULL OR b = ?2) AND c = '$x'"
        );
        // In order, each once: anonymous.
        assert_eq!(
            super::sqlite_placeholders("VALUES ($1, $2), ($3, $4) -- $x"),
            "VALUES (?, ?), (?, ?) -- $x"
        );
        assert_eq!(
            super::sqlite_placeholders("x IN ($1, $10, $2)"),
            "x IN (?1, ?10, ?2)"
        );
    }
}

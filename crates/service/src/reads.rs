//! Reading the knowledge: search, articles, entity pages, events, posts, trends, counts.
//!
//! Every read goes through the caller's restricted store handle and searches under the
//! caller's visibility; whatever is shown above the lowest level is recorded in the audit log.

use crate::{Caller, Service, ServiceError};
use serde::Serialize;
use tre_access::Action;
use tre_extract::Extraction;
use tre_kb::trends::{self, SpikeRule};
use tre_search::{SearchRequest, SearchResults};
use tre_store::{
    Article, ArticleRef, Citation, EntitySummary, EventFilter, EventRecord, OfficeFilter,
    StoreStats, days,
};

/// An article as a reader sees it: the stored article and what extraction found in it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// The article, without its raw facts (they are in `facts`).
    pub article: Article,
    pub facts: Option<Extraction>,
    /// The article's level name, and the stamp it carries (none at the lowest level).
    pub level: String,
    pub stamp: Option<String>,
}

/// Everything known about one entity.
#[derive(Debug, Clone, Serialize)]
pub struct EntityPage {
    pub entity: EntitySummary,
    /// Posts over time (persons).
    pub titles: Vec<tre_kb::Tenure>,
    /// Events the person took part in, or held at the place.
    pub events: Vec<EventRecord>,
    /// Articles citing the document (documents).
    pub citations: Vec<Citation>,
    /// Entities named in the same articles, most shared first, with the number shared.
    pub seen_with: Vec<(EntitySummary, i64)>,
    /// The latest articles naming it.
    pub articles: Vec<ArticleRef>,
    /// Articles per day naming it, over the year up to the latest day it is named.
    pub series: Vec<(String, i64)>,
}

/// Which events to list; people and places by name.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Option<String>,
    pub person: Option<String>,
    pub place: Option<String>,
    pub limit: u32,
}

/// Who was seen holding a post.
#[derive(Debug, Clone, Serialize)]
pub struct WhoAnswer {
    pub title: String,
    pub title_key: String,
    pub on: Option<String>,
    pub holders: Option<Vec<tre_kb::Holder>>,
    pub tenures: Vec<tre_kb::Tenure>,
}

/// What to trend.
#[derive(Debug, Clone, Default)]
pub struct TrendQuery {
    /// An entity by name, or a pillar key.
    pub entity: Option<String>,
    pub kind: Option<String>,
    pub pillar: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// `day` or `week`.
    pub by: String,
}

/// A mention series with its spikes.
#[derive(Debug, Clone, Serialize)]
pub struct TrendAnswer {
    pub subject: String,
    pub entity: Option<EntitySummary>,
    pub from: String,
    pub to: String,
    pub by: String,
    pub series: Vec<(String, i64)>,
    pub spikes: Vec<trends::Spike>,
    pub total: i64,
}

/// What spiked on a day.
#[derive(Debug, Clone, Serialize)]
pub struct TopSpike {
    pub entity: Option<EntitySummary>,
    pub entity_id: String,
    pub spike: trends::Spike,
    pub series: Vec<(String, i64)>,
}

pub const ENTITY_KINDS: &[&str] = &["person", "organization", "place", "document"];
pub const EVENT_TYPES: &[&str] = &[
    "meeting",
    "talks",
    "visit",
    "conference",
    "signing",
    "appointment",
    "phone_call",
    "evacuation",
    "other",
];
pub const PILLARS: &[&str] = &[
    "political",
    "economic",
    "cultural",
    "overseas_citizens",
    "party_external_relations",
    "defence_security",
];

fn check_date(d: &Option<String>, what: &str) -> Result<(), ServiceError> {
    match d {
        Some(x) if days::parse(x).is_none() => Err(ServiceError::Invalid(format!(
            "{what} {x:?} is not a date; write it as YYYY-MM-DD"
        ))),
        _ => Ok(()),
    }
}

fn kind_word(kind: &str) -> &'static str {
    match kind {
        "person" => "person",
        "organization" => "organisation",
        "place" => "place",
        "document" => "document",
        _ => "entity",
    }
}

impl Service {
    /// Searches the articles the caller may see.
    pub async fn search(
        &self,
        caller: &Caller,
        mut req: SearchRequest,
    ) -> Result<SearchResults, ServiceError> {
        self.authorize(caller, Action::Read, "search").await?;
        let index = self.index().ok_or_else(|| {
            ServiceError::Invalid("there is no search index here; run `tre reindex`".to_owned())
        })?;
        req.visibility = Some(caller.principal.visibility());
        let results = index.search(&req)?;
        let shown: Vec<(String, i32)> = results
            .hits
            .iter()
            .map(|h| (h.id.clone(), h.classification))
            .collect();
        self.record_read(caller, "search", &req.query, &shown)
            .await?;
        Ok(results)
    }

    /// One article, if the caller may see it.
    pub async fn article(&self, caller: &Caller, id: &str) -> Result<ArticleView, ServiceError> {
        self.authorize(caller, Action::Read, id).await?;
        let Some(mut a) = self.view(caller).article(id).await? else {
            return Err(ServiceError::NotFound(format!(
                "no article with id {id:?}; search prints the ids of what is stored"
            )));
        };
        self.record_read(
            caller,
            "read",
            &format!("article:{id}"),
            &[(a.id.clone(), a.classification)],
        )
        .await?;
        let facts = a
            .facts
            .take()
            .and_then(|f| serde_json::from_str::<Extraction>(&f).ok());
        let level = self.levels().at(a.classification).name.clone();
        let stamp = self.levels().stamp(a.classification);
        Ok(ArticleView {
            article: a,
            facts,
            level,
            stamp,
        })
    }

    /// Counts of what the caller may see.
    pub async fn stats(&self, caller: &Caller) -> Result<StoreStats, ServiceError> {
        self.authorize(caller, Action::Read, "stats").await?;
        Ok(self.view(caller).stats().await?)
    }

    /// Entities whose names start with what the user typed (diacritics optional).
    pub async fn find_entities(
        &self,
        caller: &Caller,
        kind: Option<&str>,
        text: &str,
        limit: u32,
    ) -> Result<Vec<EntitySummary>, ServiceError> {
        self.authorize(caller, Action::Read, text).await?;
        if let Some(k) = kind
            && !ENTITY_KINDS.contains(&k)
        {
            return Err(ServiceError::Invalid(format!(
                "{k:?} is not a kind of entity; use one of {}",
                ENTITY_KINDS.join(", ")
            )));
        }
        let key = tre_kb::name_key(text);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self
            .view(caller)
            .find_entities(kind, &key, limit.clamp(1, 100))
            .await?)
    }

    /// The one entity of `kind` a user means by `name`, or a message saying what was found
    /// instead.
    pub async fn resolve(
        &self,
        caller: &Caller,
        kind: &str,
        name: &str,
    ) -> Result<EntitySummary, ServiceError> {
        let what = kind_word(kind);
        let key = tre_kb::name_key(name);
        if key.is_empty() {
            return Err(ServiceError::Invalid(format!("give the {what}'s name")));
        }
        let found = self.find_entities(caller, Some(kind), name, 10).await?;
        let exact: Vec<&EntitySummary> = found
            .iter()
            .filter(|e| tre_kb::name_key(&e.name) == key)
            .collect();
        match (found.len(), exact.len()) {
            (0, _) => Err(ServiceError::NotFound(format!(
                "no {what} called {name:?} in the knowledge base; try part of the name, or \
                 check that the articles naming it are ingested"
            ))),
            (_, 1) => Ok(exact[0].clone()),
            (1, _) => Ok(found[0].clone()),
            _ => Err(ServiceError::Invalid(format!(
                "{} {what}s match {name:?}: {}; give more of the name",
                found.len(),
                found
                    .iter()
                    .map(|e| format!("{} ({} articles)", e.name, e.articles))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Everything known about the entity `id` (`person:…`, `org:…`, `place:…`, `doc:…`).
    pub async fn entity_page(&self, caller: &Caller, id: &str) -> Result<EntityPage, ServiceError> {
        self.authorize(caller, Action::Read, id).await?;
        let view = self.view(caller);
        let Some(entity) = view.entity(id).await? else {
            return Err(ServiceError::NotFound(format!(
                "nothing known as {id:?}; search for the name"
            )));
        };
        let titles = if entity.kind == "person" {
            let offices = view
                .offices(&OfficeFilter {
                    person_id: Some(entity.id.clone()),
                    limit: 5000,
                    ..Default::default()
                })
                .await?;
            // One tenure per post, in the order the posts were first seen.
            let mut keys: Vec<&str> = Vec::new();
            for o in &offices {
                if !keys.contains(&o.title_key.as_str()) {
                    keys.push(&o.title_key);
                }
            }
            keys.iter()
                .filter_map(|k| {
                    let obs: Vec<_> = offices
                        .iter()
                        .filter(|o| o.title_key == *k)
                        .cloned()
                        .collect();
                    tre_kb::tenures(&obs).into_iter().next()
                })
                .collect()
        } else {
            Vec::new()
        };
        let events = match entity.kind.as_str() {
            "person" => {
                view.events(&EventFilter {
                    person_id: Some(entity.id.clone()),
                    limit: 200,
                    ..Default::default()
                })
                .await?
            }
            "place" => {
                view.events(&EventFilter {
                    place_id: Some(entity.id.clone()),
                    limit: 200,
                    ..Default::default()
                })
                .await?
            }
            _ => Vec::new(),
        };
        let citations = if entity.kind == "document" {
            view.citations(&entity.id).await?
        } else {
            Vec::new()
        };
        let seen_with = view.cooccurring(&entity.id, 40).await?;
        let articles = view.entity_articles(&entity.id, 20).await?;
        let series = match articles.iter().filter_map(|a| a.published.as_deref()).max() {
            Some(last) => {
                let last = &last[..last.len().min(10)];
                let from = days::to_string(days::parse(last).unwrap_or(0) - 364);
                view.entity_series(&entity.id, &from, last).await?
            }
            None => Vec::new(),
        };
        let shown: Vec<(String, i32)> = articles
            .iter()
            .chain(citations.iter().map(|c| &c.article))
            .chain(events.iter().map(|e| &e.article))
            .map(|a| (a.id.clone(), a.classification))
            .collect();
        self.record_read(caller, "read", id, &shown).await?;
        Ok(EntityPage {
            entity,
            titles,
            events,
            citations,
            seen_with,
            articles,
            series,
        })
    }

    /// Events: who met whom, where, when.
    pub async fn events(
        &self,
        caller: &Caller,
        q: &EventQuery,
    ) -> Result<Vec<EventRecord>, ServiceError> {
        self.authorize(caller, Action::Read, "events").await?;
        check_date(&q.from, "from")?;
        check_date(&q.to, "to")?;
        if let Some(k) = &q.kind
            && !EVENT_TYPES.contains(&k.as_str())
        {
            return Err(ServiceError::Invalid(format!(
                "{k:?} is not an event type; use one of {}",
                EVENT_TYPES.join(", ")
            )));
        }
        let person_id = match &q.person {
            Some(n) => Some(self.resolve(caller, "person", n).await?.id),
            None => None,
        };
        let place_id = match &q.place {
            Some(n) => Some(self.resolve(caller, "place", n).await?.id),
            None => None,
        };
        let events = self
            .view(caller)
            .events(&EventFilter {
                from: q.from.clone(),
                to: q.to.clone(),
                kind: q.kind.clone(),
                person_id,
                place_id,
                limit: q.limit.clamp(1, 5000),
            })
            .await?;
        let shown: Vec<(String, i32)> = events
            .iter()
            .map(|e| (e.article.id.clone(), e.article.classification))
            .collect();
        self.record_read(caller, "read", "events", &shown).await?;
        Ok(events)
    }

    /// Who was seen holding a post, and who held it on a day.
    pub async fn who(
        &self,
        caller: &Caller,
        title: &str,
        on: Option<&str>,
    ) -> Result<WhoAnswer, ServiceError> {
        self.authorize(caller, Action::Read, title).await?;
        check_date(&on.map(str::to_owned), "the date")?;
        let key = tre_kb::title_key(title);
        if key.is_empty() {
            return Err(ServiceError::Invalid(
                "give the post as the press writes it (\"Bộ trưởng Ngoại giao\")".to_owned(),
            ));
        }
        let obs = self
            .view(caller)
            .offices(&OfficeFilter {
                title_key: Some(key.clone()),
                limit: 100_000,
                ..Default::default()
            })
            .await?;
        let shown: Vec<(String, i32)> = obs
            .iter()
            .map(|o| (o.article.id.clone(), o.article.classification))
            .collect();
        self.record_read(caller, "read", &format!("post:{key}"), &shown)
            .await?;
        let tenures = tre_kb::tenures(&obs);
        let holders = on.map(|d| tre_kb::holders_on(&tenures, d));
        Ok(WhoAnswer {
            title: title.to_owned(),
            title_key: key,
            on: on.map(str::to_owned),
            holders,
            tenures,
        })
    }

    /// The first and last day of the caller's articles.
    pub async fn day_range(
        &self,
        caller: &Caller,
    ) -> Result<(Option<String>, Option<String>), ServiceError> {
        Ok(self.view(caller).day_range().await?)
    }

    /// A mention series for an entity or a pillar, with spikes flagged.
    pub async fn trend(
        &self,
        caller: &Caller,
        q: &TrendQuery,
    ) -> Result<TrendAnswer, ServiceError> {
        self.authorize(caller, Action::Read, "trends").await?;
        check_date(&q.from, "from")?;
        check_date(&q.to, "to")?;
        if !matches!(q.by.as_str(), "day" | "week") {
            return Err(ServiceError::Invalid(format!(
                "by {:?}: use day or week",
                q.by
            )));
        }
        if let Some(p) = &q.pillar
            && !PILLARS.contains(&p.as_str())
        {
            return Err(ServiceError::Invalid(format!(
                "{p:?} is not a pillar; use one of {}",
                PILLARS.join(", ")
            )));
        }
        let view = self.view(caller);
        let Some(last) = view.day_range().await?.1 else {
            return Err(ServiceError::NotFound(
                "there are no articles yet; ingest some first".to_owned(),
            ));
        };
        let to = q.to.clone().unwrap_or(last);
        let from = q
            .from
            .clone()
            .unwrap_or_else(|| days::to_string(days::parse(&to).unwrap_or(0) - 89));
        if days::parse(&from) > days::parse(&to) {
            return Err(ServiceError::Invalid(
                "from is after to: swap them".to_owned(),
            ));
        }
        let (subject, entity, points) = match (&q.pillar, &q.entity) {
            (Some(p), _) => (
                crate::briefing::pillar_label(p),
                None,
                view.pillar_series(p, &from, &to).await?,
            ),
            (None, Some(name)) => {
                let found = self
                    .find_entities(caller, q.kind.as_deref(), name, 5)
                    .await?;
                let Some(e) = found.into_iter().next() else {
                    return Err(ServiceError::NotFound(format!(
                        "nothing called {name:?} in the knowledge base; try part of the name"
                    )));
                };
                let series = view.entity_series(&e.id, &from, &to).await?;
                (e.name.clone(), Some(e), series)
            }
            (None, None) => {
                return Err(ServiceError::Invalid(
                    "say what to trend: an entity or a pillar".to_owned(),
                ));
            }
        };
        let daily = trends::dense(&points, &from, &to);
        let spikes = SpikeRule::default().all(&daily);
        let total = daily.iter().map(|(_, n)| n).sum();
        let series = if q.by == "week" {
            trends::weekly(&daily)
        } else {
            daily
        };
        Ok(TrendAnswer {
            subject,
            entity,
            from,
            to,
            by: q.by.clone(),
            series,
            spikes,
            total,
        })
    }

    /// What spiked on `day` (default: the latest day), against its trailing window.
    pub async fn top_spikes(
        &self,
        caller: &Caller,
        day: Option<&str>,
        kind: Option<&str>,
        limit: usize,
    ) -> Result<(String, Vec<TopSpike>), ServiceError> {
        self.authorize(caller, Action::Read, "trends").await?;
        check_date(&day.map(str::to_owned), "the day")?;
        if let Some(k) = kind
            && !ENTITY_KINDS.contains(&k)
        {
            return Err(ServiceError::Invalid(format!(
                "{k:?} is not a kind of entity; use one of {}",
                ENTITY_KINDS.join(", ")
            )));
        }
        let view = self.view(caller);
        let day = match day {
            Some(d) => d.to_owned(),
            None => view.day_range().await?.1.ok_or_else(|| {
                ServiceError::NotFound("there are no articles yet; ingest some first".to_owned())
            })?,
        };
        let rule = SpikeRule::default();
        let from = days::to_string(days::parse(&day).unwrap_or(0) - rule.window as i64);
        let counts = view.daily_counts(&from, &day, kind, None).await?;
        let top = trends::top_spikes(&counts, &day, rule, limit.clamp(1, 200));
        let mut out = Vec::with_capacity(top.len());
        for t in top {
            out.push(TopSpike {
                entity: view.entity(&t.entity_id).await?,
                entity_id: t.entity_id,
                spike: t.spike,
                series: t.series,
            });
        }
        Ok((day, out))
    }
}

//! The daily briefing from the store: what a desk officer opens first each morning.
//!
//! [`build`] gathers, for a desk (or the whole service) and a day: the articles of the day and
//! the day before that concern the desk (by the places, people, bodies, documents and pillars
//! their extracted facts name, and by the desk's keywords through the search index), the
//! stories they form, the events of the day and the coming week, posts that changed, documents
//! cited, entities whose attention spiked, the desk's situations with what changed since they
//! were last briefed, and which sources delivered. It hands all of it to
//! [`tre_briefing::assemble`], which ranks, summarises and lays the document out.
//!
//! Articles are filed under their publication date, or the day they arrived when they state
//! none (`articles.day`), so a briefing of a day covers what came in that day.

use crate::ServiceError;
use std::collections::{HashMap, HashSet};
use tre_briefing as b;
use tre_extract::Extraction;
use tre_search::{SearchIndex, SearchRequest};
use tre_store::{Article, Desk, EventFilter, OfficeFilter, SituationFilter, Store, days};

/// What to brief.
#[derive(Debug, Clone)]
pub struct BriefRequest {
    /// `None` for the whole service.
    pub desk_id: Option<String>,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// When it is generated (`YYYY-MM-DDTHH:MM`, Vietnam time).
    pub generated_at: String,
    /// Record, on each situation shown, that this briefing showed it.
    pub mark_briefed: bool,
    /// The classification levels in force: each item is marked with the level of the most
    /// classified article behind it, and the briefing with its highest item.
    pub levels: tre_access::Levels,
}

/// What searches made for a briefing are restricted to: the store handle's own restriction.
fn visibility(store: &dyn Store) -> Option<tre_access::Visibility> {
    Some(store.visibility().clone())
}

/// The briefing's classification of a stored rank.
pub fn classification(levels: &tre_access::Levels, rank: i32) -> b::Classification {
    let level = levels.at(rank);
    b::Classification::new(rank, &level.name, levels.stamp(rank).as_deref())
}

/// Figures about a build, for the command line and benchmarks.
#[derive(Debug, Clone, Default)]
pub struct BriefStats {
    pub candidates: usize,
    pub relevant: usize,
}

/// At most this many candidate articles are read for one briefing (newest first).
const MAX_CANDIDATES: u32 = 600;
/// Days of history behind an attention spike.
const SPIKE_WINDOW: i64 = 28;

const ALL_PILLARS: &[&str] = &[
    "political",
    "economic",
    "cultural",
    "overseas_citizens",
    "party_external_relations",
    "defence_security",
];

/// A desk's subjects resolved against the knowledge base.
#[derive(Default)]
struct Subjects {
    /// entity id → (kind, label as the desk writes it)
    ids: HashMap<String, (b::MatchKind, String)>,
    /// folded label → (kind, label), for facts that name a subject without an id match.
    names: HashMap<String, (b::MatchKind, String)>,
    pillars: Vec<String>,
    keywords: Vec<(String, String)>,
}

async fn resolve_subjects(store: &dyn Store, desk: &Desk) -> Result<Subjects, ServiceError> {
    let mut s = Subjects::default();
    let def = &desk.definition;
    let groups: [(&[String], Option<&str>, b::MatchKind); 3] = [
        (&def.places, Some("place"), b::MatchKind::Place),
        (&def.entities, None, b::MatchKind::Person),
        (&def.documents, Some("document"), b::MatchKind::Document),
    ];
    for (names, kind, match_kind) in groups {
        for name in names {
            let key = tre_kb::name_key(name);
            s.names.insert(key.clone(), (match_kind, name.clone()));
            // Exact matches come first; a name that only starts an entity's name takes the
            // best one.
            let found = store.find_entities(kind, &key, 5).await?;
            let exact: Vec<_> = found
                .iter()
                .filter(|e| tre_kb::name_key(&e.name) == key)
                .collect();
            let chosen = if exact.is_empty() {
                found.iter().take(1).collect()
            } else {
                exact
            };
            for e in chosen {
                let mk = match e.kind.as_str() {
                    "person" => b::MatchKind::Person,
                    "organization" => b::MatchKind::Organization,
                    "place" => b::MatchKind::Place,
                    "document" => b::MatchKind::Document,
                    _ => match_kind,
                };
                s.ids.insert(e.id.clone(), (mk, name.clone()));
            }
        }
    }
    s.pillars = def.pillars.clone();
    s.keywords = def
        .keywords
        .iter()
        .map(|k| (tre_kb::name_key(k), k.clone()))
        .collect();
    Ok(s)
}

/// Why an article concerns the desk (empty: it does not).
fn relevance(a: &Article, x: Option<&Extraction>, s: &Subjects) -> Vec<b::RelevanceMatch> {
    let mut out: Vec<b::RelevanceMatch> = Vec::new();
    let mut push = |kind: b::MatchKind, label: &str| {
        if !out.iter().any(|m| m.kind == kind && m.label == label) {
            out.push(b::RelevanceMatch::new(kind, label));
        }
    };
    if let Some(x) = x {
        let mut check = |id: &str, name: &str| {
            if let Some((k, label)) = s.ids.get(id) {
                push(*k, label);
            } else if let Some((k, label)) = s.names.get(&tre_kb::name_key(name)) {
                push(*k, label);
            }
        };
        for p in &x.persons {
            check(&p.id, &p.name);
        }
        for o in &x.organizations {
            check(&o.id, &o.name);
        }
        for p in &x.places {
            check(&p.id, &p.name);
        }
        for d in &x.documents {
            check(&d.id, &d.number);
        }
        for p in &x.pillars {
            if s.pillars.iter().any(|want| want == p.pillar.as_str()) {
                push(b::MatchKind::Pillar, &pillar_label(p.pillar.as_str()));
            }
        }
    }
    if !s.keywords.is_empty() {
        let text = tre_kb::name_key(&format!("{} {}", a.title, a.body()));
        for (key, label) in &s.keywords {
            if !key.is_empty() && text.contains(key.as_str()) {
                push(b::MatchKind::Keyword, label);
            }
        }
    }
    out
}

fn date(s: &str) -> Option<b::Date> {
    b::Date::parse(s.get(..10)?).ok()
}

/// The publisher family an article corroborates for: a reprint credited to a wire service
/// counts for the wire service, not for the paper that reprinted it.
fn family(a: &Article) -> Option<String> {
    let credit = a
        .source_line
        .as_deref()
        .or(a.byline.as_deref())
        .map(tre_kb::name_key)
        .unwrap_or_default();
    for (needle, family) in [
        ("ttxvn", "TTXVN"),
        ("vietnam+", "TTXVN"),
        ("vnexpress", "VnExpress"),
        ("cpv", "Báo điện tử Đảng Cộng sản Việt Nam"),
        ("reuters", "Reuters"),
        ("afp", "AFP"),
        ("ap", "AP"),
    ] {
        if credit
            .split(|c: char| !c.is_alphanumeric() && c != '+')
            .any(|w| w == needle)
            || credit.contains(&format!("{needle}/"))
        {
            return Some(family.to_owned());
        }
    }
    a.outlet.clone()
}

/// The Vietnamese name of a pillar, as a briefing prints it.
pub fn pillar_label(pillar: &str) -> String {
    match pillar {
        "political" => "Ngoại giao chính trị",
        "economic" => "Ngoại giao kinh tế",
        "cultural" => "Ngoại giao văn hóa",
        "overseas_citizens" => "Người Việt Nam ở nước ngoài và bảo hộ công dân",
        "party_external_relations" => "Đối ngoại Đảng",
        "defence_security" => "Quốc phòng, an ninh",
        other => other,
    }
    .to_owned()
}

fn event_label(kind: &str) -> &'static str {
    match kind {
        "meeting" => "làm việc",
        "talks" => "hội đàm",
        "visit" => "thăm",
        "conference" => "hội nghị",
        "signing" => "ký kết",
        "appointment" => "bổ nhiệm",
        "phone_call" => "điện đàm",
        "evacuation" => "sơ tán",
        _ => "sự kiện",
    }
}

fn status(s: &str) -> b::SituationStatus {
    match s {
        "new" => b::SituationStatus::New,
        "action_required" => b::SituationStatus::ActionRequired,
        "reported" => b::SituationStatus::Reported,
        "closed" => b::SituationStatus::Closed,
        _ => b::SituationStatus::Following,
    }
}

/// Builds the briefing (and marks the situations it shows as briefed, if asked).
pub async fn build(
    store: &dyn Store,
    index: Option<&SearchIndex>,
    req: &BriefRequest,
) -> Result<(b::Briefing, BriefStats), ServiceError> {
    let day = date(&req.date).ok_or_else(|| {
        ServiceError::Invalid(format!(
            "{:?} is not a date; write it as YYYY-MM-DD",
            req.date
        ))
    })?;
    let d = days::parse(&req.date).unwrap_or(0);
    let from = days::to_string(d - 1);
    let to = req.date.clone();
    let desk = match &req.desk_id {
        Some(id) => Some(store.desk(id).await?.ok_or_else(|| {
            ServiceError::NotFound(format!("no desk {id:?}; `tre desk list` shows them"))
        })?),
        None => None,
    };
    let subjects = match &desk {
        Some(d) => Some(resolve_subjects(store, d).await?),
        None => None,
    };

    // Candidates: articles of the period naming the desk's subjects or pillars (all
    // diplomacy articles for the whole service), plus the desk's keywords through the index.
    let (ids, pillars): (Vec<String>, Vec<String>) = match &subjects {
        Some(s) => (s.ids.keys().cloned().collect(), s.pillars.clone()),
        None => (
            Vec::new(),
            ALL_PILLARS.iter().map(|p| (*p).to_owned()).collect(),
        ),
    };
    let mut candidates = if subjects
        .as_ref()
        .is_some_and(|s| ids.is_empty() && s.pillars.is_empty())
    {
        Vec::new()
    } else {
        store
            .articles_on_days(&from, &to, &ids, &pillars, MAX_CANDIDATES)
            .await?
    };
    if let (Some(s), Some(index)) = (&subjects, index) {
        let mut hit_ids: Vec<String> = Vec::new();
        for (_, keyword) in &s.keywords {
            let quoted = format!("\"{}\"", keyword.replace('"', " "));
            let res = index.search(&SearchRequest {
                query: quoted,
                limit: 200,
                visibility: visibility(store),
                ..Default::default()
            });
            if let Ok(res) = res {
                hit_ids.extend(res.hits.into_iter().map(|h| h.id));
            }
        }
        let known: HashSet<String> = candidates.iter().map(|a| a.id.clone()).collect();
        hit_ids.retain(|id| !known.contains(id));
        hit_ids.dedup();
        for a in store.articles_by_ids(&hit_ids).await? {
            if a.day
                .as_deref()
                .is_some_and(|x| x >= from.as_str() && x <= to.as_str())
            {
                candidates.push(a);
            }
        }
    }
    let mut stats = BriefStats {
        candidates: candidates.len(),
        ..Default::default()
    };

    let facts: HashMap<String, Extraction> = candidates
        .iter()
        .filter_map(|a| {
            let x = serde_json::from_str(a.facts.as_deref()?).ok()?;
            Some((a.id.clone(), x))
        })
        .collect();
    let mut articles = Vec::new();
    let mut stories = Vec::new();
    let mut failures = Vec::new();
    let mut kept: Vec<&Article> = Vec::new();
    let mut matches_of: HashMap<String, Vec<b::RelevanceMatch>> = HashMap::new();
    for a in &candidates {
        let x = facts.get(&a.id);
        let matches = match &subjects {
            Some(s) => {
                let m = relevance(a, x, s);
                if m.is_empty() {
                    continue;
                }
                m
            }
            None => x
                .map(|x| {
                    x.pillars
                        .iter()
                        .map(|p| {
                            b::RelevanceMatch::new(
                                b::MatchKind::Pillar,
                                &pillar_label(p.pillar.as_str()),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        if x.is_none() {
            failures.push(b::ExtractionFailure {
                input: a.id.clone(),
                reason: "no extracted facts (ingested with --no-extract?)".to_owned(),
            });
        }
        kept.push(a);
        let mut text = String::new();
        for p in a.lead.iter().chain(&a.paragraphs) {
            text.push_str(p);
            text.push('\n');
        }
        articles.push(b::ArticleInput {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.clone().or_else(|| a.day.clone()),
            url: a.url.clone(),
            source: a.source.clone(),
            family: family(a),
            text,
            classification: b::Classification::thuong(),
        });
        matches_of.insert(a.id.clone(), matches);
    }
    // Stories: the relevant articles clustered (reprints and reports of one event together).
    let kept_articles: Vec<Article> = kept.iter().map(|a| (*a).clone()).collect();
    for st in crate::stories::cluster(&kept_articles) {
        let mut relevance: Vec<b::RelevanceMatch> = Vec::new();
        let mut entities: Vec<String> = Vec::new();
        for id in &st.articles {
            for m in matches_of.get(id).into_iter().flatten() {
                if !relevance
                    .iter()
                    .any(|r| r.kind == m.kind && r.label == m.label)
                {
                    relevance.push(m.clone());
                }
            }
            if let Some(x) = facts.get(id) {
                entities.extend(x.persons.iter().map(|p| p.name.clone()));
                entities.extend(x.places.iter().map(|p| p.name.clone()));
                entities.extend(x.organizations.iter().map(|o| o.name.clone()));
            }
        }
        entities.sort();
        entities.dedup();
        stories.push(b::StoryInput {
            id: st.id.clone(),
            title: st.title.clone(),
            articles: st.articles.clone(),
            original: st.original.clone(),
            first_seen: st.first_seen.as_deref().and_then(date).unwrap_or(day),
            relevance,
            last_briefed: None,
            new_since_briefed: st.articles.len(),
            entities,
        });
    }
    stats.relevant = kept.len();

    // Events: those reported in the day's relevant articles, and any dated in the coming week.
    let mut events = Vec::new();
    for a in &kept {
        let Some(x) = facts.get(&a.id) else { continue };
        for e in &x.events {
            events.push(event_item(
                e.date.as_deref().and_then(date),
                &e.kind,
                &e.participants,
                e.place.clone(),
                vec![a.id.clone()],
                x,
            ));
        }
    }
    let horizon = days::to_string(d + 7);
    let coming = store
        .events(&EventFilter {
            from: Some(days::to_string(d + 1)),
            to: Some(horizon),
            limit: 200,
            ..Default::default()
        })
        .await?;
    for e in coming {
        let concerns = match &subjects {
            None => true,
            Some(s) => {
                e.participants.iter().any(|p| s.ids.contains_key(&p.id))
                    || kept.iter().any(|a| a.id == e.article.id)
            }
        };
        if concerns {
            let names: Vec<String> = e.participants.iter().map(|p| p.name.clone()).collect();
            events.push(b::EventItem {
                date: e.date.as_deref().and_then(date),
                kind: event_label(&e.kind).to_owned(),
                title: event_title(&e.kind, &names, e.place.as_deref()),
                participants: names,
                counterparts: Vec::new(),
                place: e.place,
                articles: vec![e.article.id],
                classification: b::Classification::thuong(),
            });
        }
    }

    // People and posts: titles the ledger first sees in these articles, appointments, and
    // observations that contradict the order of holders.
    let mut people = Vec::new();
    let mut seen_people: HashSet<String> = HashSet::new();
    for a in &kept {
        let Some(x) = facts.get(&a.id) else { continue };
        for p in &x.persons {
            if p.titles.is_empty() || !seen_people.insert(p.id.clone()) {
                continue;
            }
            let ledger = store
                .offices(&OfficeFilter {
                    person_id: Some(p.id.clone()),
                    limit: 2000,
                    ..Default::default()
                })
                .await?;
            // The person appointed is the first named in an appointment event (others named are
            // who appointed or congratulated them).
            let appointed = x
                .events
                .iter()
                .any(|e| e.kind == "appointment" && e.participants.first() == Some(&p.name));
            let day_of = a.day.clone().unwrap_or_default();
            // What the ledger saw of this person before this article's day, in other articles.
            let prior: Vec<&tre_store::OfficeObservation> = ledger
                .iter()
                .filter(|o| o.article.id != a.id)
                .filter(|o| o.seen_on.as_deref().is_some_and(|s| s < day_of.as_str()))
                .collect();
            for t in &p.titles {
                let key = tre_kb::title_key(t);
                let held_before = prior.iter().any(|o| o.title_key == key);
                let previous_title = prior
                    .iter()
                    .filter(|o| o.title_key != key)
                    .max_by(|l, r| l.seen_on.cmp(&r.seen_on))
                    .map(|o| o.title.clone());
                // A change is a post new to someone already known under other posts; a person
                // seen for the first time has no "before" to change from.
                let change = if held_before || prior.is_empty() {
                    None
                } else if appointed {
                    Some(b::PostChangeKind::Appointment { previous_title })
                } else {
                    Some(b::PostChangeKind::NewTitle { previous_title })
                };
                if let Some(change) = change {
                    people.push(b::PostChange {
                        person: p.name.clone(),
                        person_id: Some(p.id.clone()),
                        title: t.clone(),
                        change,
                        seen_on: a.day.as_deref().and_then(date),
                        articles: vec![a.id.clone()],
                        classification: b::Classification::thuong(),
                    });
                }
                // Someone else seen in this single-holder post between this person's previous
                // sighting in it and this article: the article, or the order of holders, is off.
                let previous = prior
                    .iter()
                    .filter(|o| o.title_key == key)
                    .filter_map(|o| o.seen_on.clone())
                    .max();
                if let Some(previous) = previous
                    && !tre_kb::is_shared_post(&key)
                    && !day_of.is_empty()
                {
                    let other = store
                        .offices(&OfficeFilter {
                            title_key: Some(key.clone()),
                            seen_after: Some(previous),
                            seen_before: Some(day_of.clone()),
                            exclude_person: Some(p.id.clone()),
                            limit: 1,
                            ..Default::default()
                        })
                        .await?;
                    if let Some(o) = other.into_iter().next() {
                        people.push(b::PostChange {
                            person: p.name.clone(),
                            person_id: Some(p.id.clone()),
                            title: t.clone(),
                            change: b::PostChangeKind::Contradiction {
                                other_person: o.person,
                                other_seen_on: o.seen_on.as_deref().and_then(date),
                                other_articles: vec![o.article.id],
                            },
                            seen_on: date(&day_of),
                            articles: vec![a.id.clone()],
                            classification: b::Classification::thuong(),
                        });
                    }
                }
            }
        }
    }

    // Documents cited.
    let mut documents = Vec::new();
    for a in &kept {
        let Some(x) = facts.get(&a.id) else { continue };
        for doc in &x.documents {
            documents.push(b::DocumentItem {
                number: doc.number.clone(),
                kind: doc.kind.clone(),
                issued_on: doc.date.as_deref().and_then(date),
                issuer: None,
                subject: None,
                articles: vec![a.id.clone()],
                classification: b::Classification::thuong(),
            });
        }
    }

    // Attention: daily series of the entities the day's articles name (and the desk's own),
    // over the spike window; the assembler decides which spiked.
    let window_from = days::to_string(d - SPIKE_WINDOW);
    let mut interesting: HashSet<&str> = HashSet::new();
    for x in kept.iter().filter_map(|a| facts.get(&a.id)) {
        interesting.extend(x.persons.iter().map(|p| p.id.as_str()));
        interesting.extend(x.places.iter().map(|p| p.id.as_str()));
        interesting.extend(x.organizations.iter().map(|o| o.id.as_str()));
    }
    if let Some(s) = &subjects {
        interesting.extend(s.ids.keys().map(String::as_str));
    }
    let wanted: Vec<String> = interesting.iter().map(|s| (*s).to_owned()).collect();
    let counts = store
        .daily_counts(&window_from, &to, None, Some(&wanted))
        .await?;
    let mut per_entity: HashMap<&str, Vec<(String, i64)>> = HashMap::new();
    for (id, on, n) in &counts {
        if interesting.contains(id.as_str()) {
            per_entity
                .entry(id.as_str())
                .or_default()
                .push((on.clone(), *n));
        }
    }
    let mut series = Vec::new();
    for (id, points) in per_entity {
        let dense = tre_kb::trends::dense(&points, &window_from, &to);
        if dense.last().is_none_or(|(_, n)| *n == 0) {
            continue;
        }
        let Some(e) = store.entity(id).await? else {
            continue;
        };
        let on_day: Vec<String> = kept
            .iter()
            .filter(|a| a.day.as_deref() == Some(to.as_str()))
            .filter(|a| {
                facts.get(&a.id).is_some_and(|x| {
                    x.persons.iter().any(|p| p.id == id)
                        || x.places.iter().any(|p| p.id == id)
                        || x.organizations.iter().any(|o| o.id == id)
                })
            })
            .map(|a| a.id.clone())
            .collect();
        series.push(b::SeriesInput {
            entity_id: e.id.clone(),
            entity: e.name.clone(),
            entity_kind: e.kind.clone(),
            series: dense
                .iter()
                .filter_map(|(day, n)| {
                    Some(b::DayCount {
                        date: date(day)?,
                        count: u32::try_from(*n).unwrap_or(u32::MAX),
                    })
                })
                .collect(),
            articles: on_day,
            classification: b::Classification::thuong(),
        });
    }

    // Situations: what came in on each since it was last briefed.
    let mut situations = Vec::new();
    let list = store
        .situations(&SituationFilter {
            desk_id: req.desk_id.clone(),
            ..Default::default()
        })
        .await?;
    let situation_levels: HashMap<String, i32> = list
        .iter()
        .map(|s| (s.id.clone(), s.classification))
        .collect();
    for s in list.iter().filter(|s| s.status != "closed") {
        let since = s
            .last_briefed_day
            .clone()
            .unwrap_or_else(|| days::to_string(d - 7));
        let mut changes = Vec::new();
        let mut arts = Vec::new();
        let after_since = days::parse(&since).map(|x| days::to_string(x + 1));
        if let (Some(index), Some(start)) = (index, after_since)
            && start.as_str() <= to.as_str()
        {
            let res = index.search(&SearchRequest {
                query: s.query.clone(),
                days: Some((start, to.clone())),
                limit: 5,
                visibility: visibility(store),
                ..Default::default()
            });
            if let Ok(res) = res {
                for h in res.hits {
                    changes.push(h.title);
                    arts.push(h.id);
                }
            }
        }
        let acknowledgements = match store.situation(&s.id).await? {
            Some((_, history)) => history
                .iter()
                .filter(|e| e.kind == "ack")
                .filter(|e| tre_store::arrival_day(e.at).as_str() > since.as_str())
                .filter_map(|e| {
                    let when = tre_store::arrival_day(e.at);
                    Some(b::Acknowledgement {
                        officer: e.actor.clone(),
                        at: b::DateTime::new(date(&when)?, 0, 0)?,
                    })
                })
                .collect(),
            None => Vec::new(),
        };
        situations.push(b::Situation {
            id: s.id.clone(),
            title: s.title.clone(),
            owner: s
                .owner
                .clone()
                .unwrap_or_else(|| "chưa phân công".to_owned()),
            status: status(&s.status),
            acknowledgements,
            changes,
            last_briefed: s.last_briefed_day.as_deref().and_then(date),
            articles: arts,
            classification: b::Classification::thuong(),
        });
    }

    // Coverage: which sources delivered in the period, which went silent.
    let outlet_days = store.outlet_days(&days::to_string(d - 30), &to).await?;
    let mut feeds: HashMap<String, (usize, Option<String>)> = HashMap::new();
    for (outlet, on, n) in outlet_days {
        let name = outlet.unwrap_or_else(|| "(nguồn không rõ)".to_owned());
        let entry = feeds.entry(name).or_insert((0, None));
        if on.as_str() >= from.as_str() {
            entry.0 += usize::try_from(n).unwrap_or(0);
        }
        if entry.1.as_deref().is_none_or(|l| on.as_str() > l) {
            entry.1 = Some(on);
        }
    }
    let mut feeds: Vec<b::FeedInput> = feeds
        .into_iter()
        .map(|(name, (n, last))| b::FeedInput {
            name,
            articles: n,
            last_delivery: last.as_deref().and_then(date),
        })
        .collect();
    feeds.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });

    let desk_summary = match &desk {
        Some(dk) => b::DeskSummary {
            id: Some(dk.id.clone()),
            name: dk.name.clone(),
            places: dk.definition.places.clone(),
            entities: dk.definition.entities.clone(),
            documents: dk.definition.documents.clone(),
            pillars: dk
                .definition
                .pillars
                .iter()
                .map(|p| pillar_label(p))
                .collect(),
            keywords: dk.definition.keywords.clone(),
        },
        None => b::DeskSummary {
            id: None,
            name: "Toàn ngành".to_owned(),
            places: Vec::new(),
            entities: Vec::new(),
            documents: Vec::new(),
            pillars: Vec::new(),
            keywords: Vec::new(),
        },
    };
    // Every item is as classified as the most classified article behind it (a situation at
    // least as its own level). The store handle is the reader's, so none is above their
    // clearance: this marks the document, it does not filter it.
    let mut level_of: HashMap<String, i32> = candidates
        .iter()
        .map(|a| (a.id.clone(), a.classification))
        .collect();
    let mut wanted: Vec<String> = events
        .iter()
        .flat_map(|e| &e.articles)
        .chain(people.iter().flat_map(|p| &p.articles))
        .chain(documents.iter().flat_map(|d| &d.articles))
        .chain(series.iter().flat_map(|s| &s.articles))
        .chain(situations.iter().flat_map(|s| &s.articles))
        .filter(|id| !level_of.contains_key(*id))
        .cloned()
        .collect();
    wanted.sort();
    wanted.dedup();
    for a in store.articles_by_ids(&wanted).await? {
        level_of.insert(a.id, a.classification);
    }
    let mark = |ids: &[String], own: i32| {
        let rank = ids
            .iter()
            .filter_map(|i| level_of.get(i))
            .copied()
            .fold(own, i32::max);
        classification(&req.levels, rank)
    };
    for a in &mut articles {
        a.classification = mark(std::slice::from_ref(&a.id), 0);
    }
    for e in &mut events {
        e.classification = mark(&e.articles, 0);
    }
    for p in &mut people {
        p.classification = mark(&p.articles, 0);
    }
    for d in &mut documents {
        d.classification = mark(&d.articles, 0);
    }
    for sr in &mut series {
        sr.classification = mark(&sr.articles, 0);
    }
    for si in &mut situations {
        let own = situation_levels.get(&si.id).copied().unwrap_or(0);
        si.classification = mark(&si.articles, own);
    }
    let generated_at = b::DateTime::parse(&req.generated_at)
        .ok()
        .or_else(|| b::DateTime::new(day, 6, 30))
        .ok_or_else(|| ServiceError::Invalid("bad generation time".to_owned()))?;
    let input = b::BriefingInput {
        title: None,
        desk: desk_summary,
        date: day,
        period: None,
        generated_at,
        header: b::DocumentHeader {
            parent_body: Some("BỘ NGOẠI GIAO".to_owned()),
            issuing_body: desk
                .as_ref()
                .map(|d| d.name.to_uppercase())
                .unwrap_or_else(|| "VĂN PHÒNG BỘ".to_owned()),
            number: None,
            place: "Hà Nội".to_owned(),
            recipients: vec![
                "Lãnh đạo Bộ (để báo cáo)".to_owned(),
                "Các đơn vị liên quan".to_owned(),
                "Lưu: VT".to_owned(),
            ],
            signatory: None,
        },
        articles,
        stories,
        events,
        people,
        documents,
        series,
        situations,
        feeds,
        extraction_failures: failures,
        articles_considered: stats.candidates,
    };
    // Defence in depth: the store handle already hides what the reader may not see.
    let max = store.visibility().max_level;
    let options = b::AssemblyOptions {
        clearance: (max != i32::MAX).then(|| classification(&req.levels, max)),
        ..Default::default()
    };
    let briefing = b::assemble(input, &options);
    if req.mark_briefed {
        for s in &briefing.sections.situations {
            store.set_situation_briefed(&s.id, &req.date).await?;
        }
    }
    Ok((briefing, stats))
}

fn event_title(kind: &str, participants: &[String], place: Option<&str>) -> String {
    let who = if participants.is_empty() {
        "Sự kiện".to_owned()
    } else {
        participants.join(", ")
    };
    match place {
        Some(p) => format!("{who} — {} tại {p}", event_label(kind)),
        None => format!("{who} — {}", event_label(kind)),
    }
}

fn event_item(
    on: Option<b::Date>,
    kind: &str,
    participants: &[String],
    place: Option<String>,
    articles: Vec<String>,
    x: &Extraction,
) -> b::EventItem {
    // Participants with the titles the article gives them, as the briefing lists them.
    let with_titles: Vec<String> = participants
        .iter()
        .map(|name| match x.persons.iter().find(|p| &p.name == name) {
            Some(p) if !p.titles.is_empty() => format!("{}, {}", p.name, p.titles.join(", ")),
            _ => name.clone(),
        })
        .collect();
    b::EventItem {
        date: on,
        kind: event_label(kind).to_owned(),
        title: event_title(kind, participants, place.as_deref()),
        participants: with_titles,
        counterparts: Vec::new(),
        place,
        articles,
        classification: b::Classification::thuong(),
    }
}

/// A rendered briefing, ready to download.
#[derive(Debug, Clone)]
pub struct Export {
    pub bytes: Vec<u8>,
    /// `giao-ban-<desk>-<date>.<ext>`.
    pub filename: String,
    pub content_type: &'static str,
}

/// The formats a briefing renders to.
pub const FORMATS: &[&str] = &["md", "html", "docx", "json"];

impl crate::Service {
    fn brief_request(&self, desk: Option<&str>, date: &str, mark: bool) -> BriefRequest {
        let ms = crate::now_ms();
        let today = tre_store::arrival_day(ms);
        let minutes = (ms / 60_000 + 7 * 60).rem_euclid(24 * 60);
        BriefRequest {
            desk_id: desk.map(str::to_owned),
            date: date.to_owned(),
            generated_at: format!("{today}T{:02}:{:02}", minutes / 60, minutes % 60),
            mark_briefed: mark,
            levels: self.levels().clone(),
        }
    }

    /// Checks the caller may read the desk's briefing: the desk must exist for them (its own
    /// classification) and, for a user scoped to some countries, be one of their desks.
    async fn check_desk(&self, caller: &crate::Caller, desk: &str) -> Result<(), ServiceError> {
        let view = self.view(caller);
        let known = view.desk(desk).await?;
        let mine = matches!(caller.principal.scope, tre_access::Scope::Global)
            || caller.principal.desks.iter().any(|d| d == desk);
        if known.is_none() || !mine {
            return Err(ServiceError::NotFound(format!(
                "no desk {desk:?} among yours; the desk list shows them"
            )));
        }
        Ok(())
    }

    /// The briefing of a desk (or, without one, of everything the caller may see) for a day.
    /// Situations shown are marked as briefed when `mark` is set and the caller may update
    /// situations.
    pub async fn brief(
        &self,
        caller: &crate::Caller,
        desk: Option<&str>,
        date: &str,
        mark: bool,
    ) -> Result<(b::Briefing, BriefStats), ServiceError> {
        self.authorize(caller, tre_access::Action::Read, "briefing")
            .await?;
        if let Some(d) = desk {
            self.check_desk(caller, d).await?;
        }
        let mark = mark && self.may(caller, tre_access::Action::UpdateSituation);
        let view = self.view(caller);
        let (briefing, stats) = build(
            view.as_ref(),
            self.index(),
            &self.brief_request(desk, date, mark),
        )
        .await?;
        if briefing.classification.rank > 0 {
            self.record(
                caller,
                "read",
                &format!("briefing:{}:{date}", desk.unwrap_or("*")),
                "allowed",
                briefing.classification.rank,
                serde_json::json!({}),
            )
            .await?;
        }
        Ok((briefing, stats))
    }

    /// The briefing rendered for download (`md`, `html`, `docx`, `json`). Exporting needs
    /// the export permission and is always recorded.
    pub async fn export_brief(
        &self,
        caller: &crate::Caller,
        desk: Option<&str>,
        date: &str,
        format: &str,
        mark: bool,
    ) -> Result<(Export, b::Briefing, BriefStats), ServiceError> {
        if !FORMATS.contains(&format) {
            return Err(ServiceError::Invalid(format!(
                "format {format:?}: use md, html, docx or json"
            )));
        }
        let target = format!("briefing:{}:{date}", desk.unwrap_or("*"));
        self.authorize(caller, tre_access::Action::Export, &target)
            .await?;
        let (briefing, stats) = self.brief(caller, desk, date, mark).await?;
        let (bytes, content_type) = match format {
            "md" => (
                b::to_markdown(&briefing).into_bytes(),
                "text/markdown; charset=utf-8",
            ),
            "html" => (
                b::to_html(&briefing).into_bytes(),
                "text/html; charset=utf-8",
            ),
            "json" => (b::to_json(&briefing).into_bytes(), "application/json"),
            _ => (
                b::to_docx(&briefing).map_err(|e| {
                    ServiceError::Invalid(format!("the DOCX could not be written: {e}"))
                })?,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        };
        self.record(
            caller,
            "export",
            &target,
            "ok",
            briefing.classification.rank,
            serde_json::json!({ "format": format, "bytes": bytes.len() }),
        )
        .await?;
        let filename = format!("giao-ban-{}-{date}.{format}", desk.unwrap_or("toan-nganh"));
        Ok((
            Export {
                bytes,
                filename,
                content_type,
            },
            briefing,
            stats,
        ))
    }
}

//! From data to a [`Briefing`]: ranking, summaries, merging duplicates, clearance, coverage.
//!
//! The caller (the briefing service over the store) fills a [`BriefingInput`] with plain data:
//! the articles cited and their text, candidate stories with what of the desk they match,
//! events, post changes, documents, mention series, situations and what each source delivered.
//! [`assemble`] does the rest without I/O:
//! - drops everything above the reader's clearance, when one is given (silently: saying how
//!   much was withheld would itself leak);
//! - ranks stories ([`crate::rank`]), merges stories that share most of their articles or their
//!   headline, keeps the best `max_stories`, and summarises them in rank order with one
//!   [`Summarizer`], so that no sentence appears twice in the briefing;
//! - merges items that are one fact written several times (the same event, person and post,
//!   document, entity, situation), keeping every article id behind them;
//! - splits events into the period's and the coming days';
//! - flags attention spikes from mention series ([`detect_spike`]);
//! - lists which sources delivered and which were silent;
//! - collects every cited article once into `sources` and marks the briefing with the highest
//!   classification inside.

use crate::date::{Date, DateTime};
use crate::model::{
    Briefing, Classification, Coverage, DayCount, DeskSummary, DocumentHeader, DocumentItem,
    EventItem, ExtractionFailure, Period, PostChange, PostChangeKind, Sections, SilentSource,
    Situation, SituationStatus, SourceDelivery, SourceRef, Spike, TopStory,
};
use crate::rank::{RelevanceMatch, StorySignals, explain, rank_stories, score_story};
use crate::summarize::{Summarizer, SummaryOptions, SummarySource};
use crate::textutil::{merge_key, near_duplicate, syllable_set};
use std::collections::{BTreeMap, HashMap, HashSet};

/// An article the briefing may cite, with its text for summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleInput {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Where the store read it from.
    pub source: String,
    /// The publisher family for corroboration (`TTXVN` for Vietnam+ and its wire copy); the
    /// outlet stands for its own family when `None`.
    pub family: Option<String>,
    /// Lead and paragraphs, a paragraph a line.
    pub text: String,
    pub classification: Classification,
}

/// A story (a cluster of articles about one event) that may make the top of the briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryInput {
    pub id: String,
    pub title: String,
    /// Its articles' ids (each must be in [`BriefingInput::articles`]).
    pub articles: Vec<String>,
    /// The article the others reprint, when it can be told.
    pub original: Option<String>,
    pub first_seen: Date,
    pub relevance: Vec<RelevanceMatch>,
    pub last_briefed: Option<Date>,
    pub new_since_briefed: usize,
    /// Names the articles mention (from extraction), for the summariser.
    pub entities: Vec<String>,
}

/// A mention series to test for a spike.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInput {
    pub entity_id: String,
    pub entity: String,
    pub entity_kind: String,
    /// Daily counts, oldest first, ending on the briefing's last day.
    pub series: Vec<DayCount>,
    /// The articles mentioning it on the last day.
    pub articles: Vec<String>,
    pub classification: Classification,
}

/// A source the desk expects to hear from, and what it delivered in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedInput {
    pub name: String,
    pub articles: usize,
    pub last_delivery: Option<Date>,
}

/// Everything a briefing is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefingInput {
    /// The document type; `BẢN TIN GIAO BAN` when `None`.
    pub title: Option<String>,
    pub desk: DeskSummary,
    pub date: Date,
    /// The news days covered; the day before and the day itself when `None`.
    pub period: Option<Period>,
    pub generated_at: DateTime,
    pub header: DocumentHeader,
    pub articles: Vec<ArticleInput>,
    pub stories: Vec<StoryInput>,
    pub events: Vec<EventItem>,
    pub people: Vec<PostChange>,
    pub documents: Vec<DocumentItem>,
    pub series: Vec<SeriesInput>,
    pub situations: Vec<Situation>,
    pub feeds: Vec<FeedInput>,
    pub extraction_failures: Vec<ExtractionFailure>,
    pub articles_considered: usize,
}

/// When a day's count is a spike.
#[derive(Debug, Clone, PartialEq)]
pub struct SpikeRule {
    /// The last day against the baseline, at least (2.0).
    pub min_factor: f64,
    /// The last day's count, at least (3): two mentions of a rare name are not a trend.
    pub min_count: u32,
    /// Days of history before the last, at least (3), for a baseline worth the name.
    pub min_history: usize,
}

impl Default for SpikeRule {
    fn default() -> Self {
        SpikeRule {
            min_factor: 2.0,
            min_count: 3,
            min_history: 3,
        }
    }
}

/// How a briefing is assembled.
#[derive(Debug, Clone)]
pub struct AssemblyOptions {
    /// Top stories kept (7).
    pub max_stories: usize,
    /// Days after the period whose events are listed as coming (7).
    pub horizon_days: i64,
    /// The reader's clearance: nothing above it enters the briefing. `None`: no filter (the
    /// caller has already applied one).
    pub clearance: Option<Classification>,
    /// Stories whose relevance factor is below this are left out (0: none is).
    pub min_relevance: f64,
    pub spike: SpikeRule,
    pub summary: SummaryOptions,
}

impl Default for AssemblyOptions {
    fn default() -> Self {
        AssemblyOptions {
            max_stories: 7,
            horizon_days: 7,
            clearance: None,
            min_relevance: 0.0,
            spike: SpikeRule::default(),
            summary: SummaryOptions::default(),
        }
    }
}

/// The baseline (mean of the days before the last) and the factor (last day against it) of a
/// series, if its last day is a spike under `rule`. The factor is `(last + 1) / (baseline + 1)`:
/// the added one keeps a name never seen before from spiking to infinity on one mention.
pub fn detect_spike(series: &[DayCount], rule: &SpikeRule) -> Option<(f64, f64)> {
    let (last, history) = series.split_last()?;
    if history.len() < rule.min_history.max(1) || last.count < rule.min_count {
        return None;
    }
    let baseline = history.iter().map(|d| f64::from(d.count)).sum::<f64>() / history.len() as f64;
    let factor = (f64::from(last.count) + 1.0) / (baseline + 1.0);
    (factor >= rule.min_factor).then_some((baseline, factor))
}

struct Context<'a> {
    articles: HashMap<&'a str, &'a ArticleInput>,
    clearance: Option<&'a Classification>,
}

impl Context<'_> {
    fn allowed(&self, c: &Classification) -> bool {
        self.clearance.is_none_or(|max| c.allowed_for(max))
    }

    /// The ids among `ids` that name a known article the reader may see, once each, in order.
    fn keep(&self, ids: &[String]) -> Vec<String> {
        let mut seen = HashSet::new();
        ids.iter()
            .filter(|id| {
                self.articles
                    .get(id.as_str())
                    .is_some_and(|a| self.allowed(&a.classification))
            })
            .filter(|id| seen.insert(id.as_str()))
            .cloned()
            .collect()
    }

    fn family(&self, id: &str) -> String {
        match self.articles.get(id) {
            Some(a) => merge_key(
                a.family
                    .as_deref()
                    .or(a.outlet.as_deref())
                    .unwrap_or(a.id.as_str()),
            ),
            None => merge_key(id),
        }
    }
}

fn union_into(into: &mut Vec<String>, from: &[String]) {
    for id in from {
        if !into.contains(id) {
            into.push(id.clone());
        }
    }
}

/// Assembles the briefing. Never fails: whatever is missing shows as an empty section or in
/// the coverage footer.
pub fn assemble(input: BriefingInput, options: &AssemblyOptions) -> Briefing {
    let ctx = Context {
        articles: input.articles.iter().map(|a| (a.id.as_str(), a)).collect(),
        clearance: options.clearance.as_ref(),
    };
    let period = input.period.unwrap_or(Period {
        from: input.date.add_days(-1).unwrap_or(input.date),
        to: input.date,
    });
    let mut notes = Vec::new();

    let top_stories = top_stories(&input, &ctx, options, &mut notes);
    let (events_today, events_upcoming) = events(&input.events, &ctx, period, options);
    let people = people(&input.people, &ctx);
    let documents = documents(&input.documents, &ctx);
    let spikes = spikes(&input.series, &ctx, &options.spike);
    let situations = situations(&input.situations, &ctx);

    let mut delivered: Vec<SourceDelivery> = input
        .feeds
        .iter()
        .filter(|f| f.articles > 0)
        .map(|f| SourceDelivery {
            name: f.name.clone(),
            articles: f.articles,
        })
        .collect();
    delivered.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));
    let mut silent: Vec<SilentSource> = input
        .feeds
        .iter()
        .filter(|f| f.articles == 0)
        .map(|f| SilentSource {
            name: f.name.clone(),
            last_delivery: f.last_delivery,
        })
        .collect();
    silent.sort_by(|a, b| a.name.cmp(&b.name));

    let sections = Sections {
        top_stories,
        events_today,
        events_upcoming,
        people,
        documents,
        spikes,
        situations,
        coverage: Coverage {
            delivered,
            silent,
            extraction_failures: input.extraction_failures.clone(),
            articles_considered: input.articles_considered,
            stories_considered: input.stories.len(),
            notes,
        },
    };

    let mut briefing = Briefing {
        title: input
            .title
            .clone()
            .unwrap_or_else(|| "BẢN TIN GIAO BAN".to_string()),
        desk: input.desk.clone(),
        date: input.date,
        period,
        generated_at: input.generated_at,
        classification: Classification::thuong(),
        header: input.header.clone(),
        sections,
        sources: Vec::new(),
    };
    // Sources in order of first citation, so that a numbered list reads in document order.
    let mut cited: Vec<String> = Vec::new();
    for (_, id) in briefing.citations() {
        if !cited.iter().any(|c| c == id) {
            cited.push(id.to_string());
        }
    }
    briefing.sources = cited
        .iter()
        .filter_map(|id| ctx.articles.get(id.as_str()))
        .map(|a| source_ref(a))
        .collect();
    briefing.classification = Classification::highest(briefing.classifications());
    briefing
}

fn source_ref(a: &ArticleInput) -> SourceRef {
    SourceRef {
        article_id: a.id.clone(),
        outlet: a.outlet.clone(),
        title: a.title.clone(),
        published: a.published.clone(),
        url: a.url.clone(),
        source: a.source.clone(),
        classification: a.classification.clone(),
    }
}

struct Ranked<'a> {
    story: &'a StoryInput,
    articles: Vec<String>,
    signals: StorySignals,
}

fn top_stories(
    input: &BriefingInput,
    ctx: &Context<'_>,
    options: &AssemblyOptions,
    notes: &mut Vec<String>,
) -> Vec<TopStory> {
    let mut candidates: Vec<Ranked<'_>> = Vec::new();
    let mut unknown = 0usize;
    for story in &input.stories {
        let articles = ctx.keep(&story.articles);
        unknown += story
            .articles
            .iter()
            .filter(|id| !ctx.articles.contains_key(id.as_str()))
            .count();
        if articles.is_empty() {
            continue;
        }
        let families: HashSet<String> = articles.iter().map(|id| ctx.family(id)).collect();
        candidates.push(Ranked {
            story,
            signals: StorySignals {
                relevance: story.relevance.clone(),
                families: families.len(),
                first_seen: story.first_seen,
                last_briefed: story.last_briefed,
                new_since_briefed: story.new_since_briefed,
            },
            articles,
        });
    }
    if unknown > 0 {
        notes.push(format!(
            "{unknown} bài được các tin dẫn chiếu nhưng không có trong kho dữ liệu của bản tin"
        ));
    }
    candidates.retain(|c| score_story(&c.signals, input.date).relevance >= options.min_relevance);
    let signals: Vec<StorySignals> = candidates.iter().map(|c| c.signals.clone()).collect();
    let order = rank_stories(&signals, input.date);

    // Merge stories the clusterer split but that are one: most articles shared, or the same
    // headline. The better-ranked one absorbs the other's articles.
    let mut kept: Vec<(usize, Vec<String>, HashSet<String>)> = Vec::new();
    for &i in &order {
        let c = &candidates[i];
        let headline = syllable_set(&c.story.title);
        let twin = kept.iter_mut().find(|(_, arts, head)| {
            let shared = c.articles.iter().filter(|a| arts.contains(a)).count();
            shared * 2 >= c.articles.len() || near_duplicate(head, &headline)
        });
        match twin {
            Some((_, arts, _)) => union_into(arts, &c.articles),
            None => kept.push((i, c.articles.clone(), headline)),
        }
    }
    kept.truncate(options.max_stories);

    let mut summarizer = Summarizer::new(options.summary.clone());
    let mut out = Vec::new();
    for (i, ids, _) in kept {
        let c = &candidates[i];
        // The original first, then by publication, so that the summary quotes the source
        // rather than a reprint.
        let mut arts: Vec<&ArticleInput> = ids
            .iter()
            .filter_map(|id| ctx.articles.get(id.as_str()).copied())
            .collect();
        let original = c.story.original.clone().filter(|o| ids.contains(o));
        arts.sort_by(|a, b| {
            let ao = original.as_deref() == Some(a.id.as_str());
            let bo = original.as_deref() == Some(b.id.as_str());
            bo.cmp(&ao)
                .then_with(|| a.published.cmp(&b.published))
                .then_with(|| a.id.cmp(&b.id))
        });
        let families: HashSet<String> = arts.iter().map(|a| ctx.family(&a.id)).collect();
        let mut signals = c.signals.clone();
        signals.families = families.len();
        let score = score_story(&signals, input.date);
        let sources: Vec<SummarySource<'_>> = arts
            .iter()
            .map(|a| SummarySource {
                article_id: &a.id,
                text: &a.text,
            })
            .collect();
        // What the desk follows counts as much as what the story names: an officer on the
        // Japan desk wants the sentence about the ambassador to Japan.
        let mut entities = c.story.entities.clone();
        entities.extend(c.story.relevance.iter().map(|m| m.label.clone()));
        let summary = summarizer.summarize(&c.story.title, &sources, &entities);
        out.push(TopStory {
            story_id: c.story.id.clone(),
            headline: c.story.title.clone(),
            summary,
            sources: arts.iter().map(|a| source_ref(a)).collect(),
            original,
            corroboration: signals.families,
            first_seen: c.story.first_seen,
            why: explain(&signals, input.date),
            score: score.total,
            classification: Classification::highest(arts.iter().map(|a| &a.classification)),
        });
    }
    out
}

/// Keeps an item if the reader may see it and it still cites an article after the unknown and
/// withheld ones are removed (an item whose every source is withheld was derived from them).
/// `traced`: the item is a fact read from articles (an event, a post, a citation) and is
/// dropped when none of them is left; situations and series stand on their own.
fn admit(
    ctx: &Context<'_>,
    classification: &Classification,
    articles: &[String],
    traced: bool,
) -> Option<Vec<String>> {
    if !ctx.allowed(classification) {
        return None;
    }
    let kept = ctx.keep(articles);
    // Dropped when every article it cited was withheld or unknown (it was derived from
    // them), or when it must cite one and none is left.
    let orphaned = kept.is_empty() && (traced || !articles.is_empty());
    (!orphaned).then_some(kept)
}

fn events(
    items: &[EventItem],
    ctx: &Context<'_>,
    period: Period,
    options: &AssemblyOptions,
) -> (Vec<EventItem>, Vec<EventItem>) {
    let horizon = period
        .to
        .add_days(options.horizon_days)
        .unwrap_or(period.to);
    let mut merged: BTreeMap<(Option<Date>, String, String, String), EventItem> = BTreeMap::new();
    for e in items {
        let Some(articles) = admit(ctx, &e.classification, &e.articles, true) else {
            continue;
        };
        let in_window = match e.date {
            None => true,
            Some(d) => d >= period.from && d <= horizon,
        };
        if !in_window {
            continue;
        }
        let mut people: Vec<String> = e
            .participants
            .iter()
            .chain(&e.counterparts)
            .map(|p| merge_key(p))
            .collect();
        people.sort();
        let key = (
            e.date,
            merge_key(&e.kind),
            people.join("|"),
            e.place.as_deref().map(merge_key).unwrap_or_default(),
        );
        match merged.get_mut(&key) {
            Some(m) => {
                union_into(&mut m.articles, &articles);
                m.classification = m.classification.clone().max(e.classification.clone());
            }
            None => {
                let mut e = e.clone();
                e.articles = articles;
                merged.insert(key, e);
            }
        }
    }
    let (mut today, mut upcoming): (Vec<EventItem>, Vec<EventItem>) = merged
        .into_values()
        .partition(|e| e.date.is_none_or(|d| d <= period.to));
    // Dated first, by day; undated last (a reader plans by the calendar).
    let by_day = |a: &EventItem, b: &EventItem| {
        (a.date.is_none(), a.date, &a.title).cmp(&(b.date.is_none(), b.date, &b.title))
    };
    today.sort_by(by_day);
    upcoming.sort_by(by_day);
    (today, upcoming)
}

fn people(items: &[PostChange], ctx: &Context<'_>) -> Vec<PostChange> {
    // A contradiction says more than an appointment, which says more than a new title: for
    // one person and post only the strongest is listed, with every article behind any of them.
    fn strength(k: &PostChangeKind) -> u8 {
        match k {
            PostChangeKind::Contradiction { .. } => 2,
            PostChangeKind::Appointment { .. } => 1,
            PostChangeKind::NewTitle { .. } => 0,
        }
    }
    let mut merged: Vec<(String, PostChange)> = Vec::new();
    for p in items {
        let Some(articles) = admit(ctx, &p.classification, &p.articles, true) else {
            continue;
        };
        let mut p = p.clone();
        p.articles = articles;
        if let PostChangeKind::Contradiction { other_articles, .. } = &mut p.change {
            *other_articles = ctx.keep(other_articles);
        }
        let person = p.person_id.clone().unwrap_or_else(|| merge_key(&p.person));
        let key = format!("{person}\u{0}{}", merge_key(&p.title));
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some((_, m)) => {
                let mut all = m.articles.clone();
                union_into(&mut all, &p.articles);
                let level = m.classification.clone().max(p.classification.clone());
                if strength(&p.change) > strength(&m.change) {
                    *m = p;
                }
                m.articles = all;
                m.classification = level;
            }
            None => merged.push((key, p)),
        }
    }
    let mut out: Vec<PostChange> = merged.into_iter().map(|(_, p)| p).collect();
    out.sort_by(|a, b| {
        strength(&b.change)
            .cmp(&strength(&a.change))
            .then(b.seen_on.cmp(&a.seen_on))
            .then(a.person.cmp(&b.person))
    });
    out
}

fn documents(items: &[DocumentItem], ctx: &Context<'_>) -> Vec<DocumentItem> {
    let mut merged: Vec<(String, DocumentItem)> = Vec::new();
    for d in items {
        let Some(articles) = admit(ctx, &d.classification, &d.articles, true) else {
            continue;
        };
        let key = merge_key(&d.number);
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some((_, m)) => {
                union_into(&mut m.articles, &articles);
                m.classification = m.classification.clone().max(d.classification.clone());
                if m.subject.is_none() {
                    m.subject = d.subject.clone();
                }
                if m.issued_on.is_none() {
                    m.issued_on = d.issued_on;
                }
                if m.issuer.is_none() {
                    m.issuer = d.issuer.clone();
                }
            }
            None => {
                let mut d = d.clone();
                d.articles = articles;
                merged.push((key, d));
            }
        }
    }
    let mut out: Vec<DocumentItem> = merged.into_iter().map(|(_, d)| d).collect();
    // Most cited first: what the day's reporting leans on.
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.number.cmp(&b.number))
    });
    out
}

fn spikes(series: &[SeriesInput], ctx: &Context<'_>, rule: &SpikeRule) -> Vec<Spike> {
    let mut out: Vec<Spike> = Vec::new();
    for s in series {
        if out.iter().any(|k| k.entity_id == s.entity_id) {
            continue;
        }
        let Some(articles) = admit(ctx, &s.classification, &s.articles, false) else {
            continue;
        };
        let Some((baseline, factor)) = detect_spike(&s.series, rule) else {
            continue;
        };
        out.push(Spike {
            entity_id: s.entity_id.clone(),
            entity: s.entity.clone(),
            entity_kind: s.entity_kind.clone(),
            series: s.series.clone(),
            baseline,
            factor,
            articles,
            classification: s.classification.clone(),
        });
    }
    out.sort_by(|a, b| b.factor.total_cmp(&a.factor).then(a.entity.cmp(&b.entity)));
    out
}

fn situations(items: &[Situation], ctx: &Context<'_>) -> Vec<Situation> {
    fn urgency(s: SituationStatus) -> u8 {
        match s {
            SituationStatus::ActionRequired => 0,
            SituationStatus::New => 1,
            SituationStatus::Following => 2,
            SituationStatus::Reported => 3,
            SituationStatus::Closed => 4,
        }
    }
    let mut out: Vec<Situation> = Vec::new();
    for s in items {
        if out.iter().any(|k| k.id == s.id) {
            continue;
        }
        let Some(articles) = admit(ctx, &s.classification, &s.articles, false) else {
            continue;
        };
        let mut s = s.clone();
        s.articles = articles;
        out.push(s);
    }
    // What needs doing first, then what changed, then the rest.
    out.sort_by(|a, b| {
        urgency(a.status)
            .cmp(&urgency(b.status))
            .then(a.changes.is_empty().cmp(&b.changes.is_empty()))
            .then(a.title.cmp(&b.title))
    });
    out
}

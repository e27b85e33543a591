//! Near-duplicates and stories over the stored articles (tre-dedup does the clustering).
//!
//! Articles are known to tre-dedup by their sequence number (unique, and growing with time,
//! which keeps a story's id stable as later articles join it) and mapped back to their ids
//! here.

use crate::ServiceError;
use serde::Serialize;
use std::collections::HashMap;
use tre_dedup::{Day, DedupIndex, Publishers, StoryArticle, StoryParams, cluster_stories};
use tre_extract::Extraction;
use tre_store::{Article, ArticleRef, Store};

/// A group of articles that are the same text (reprints, teasers, edited copies).
#[derive(Debug, Clone, Serialize)]
pub struct DuplicateGroup {
    pub articles: Vec<ArticleRef>,
}

/// A story: articles about one event, as `tre stories --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryOut {
    /// The id of the story's first article.
    pub id: String,
    pub articles: Vec<String>,
    pub title: String,
    pub first_seen: Option<String>,
    pub outlets: Vec<String>,
    /// The article the others reprint or credit, when it can be told.
    pub original: Option<String>,
    /// Independent publisher families reporting it.
    pub corroboration: usize,
}

fn reference(a: &Article) -> ArticleRef {
    ArticleRef {
        id: a.id.clone(),
        title: a.title.clone(),
        published: a.published.clone(),
        outlet: a.outlet.clone(),
        source: a.source.clone(),
        classification: a.classification,
    }
}

/// Every group of near-duplicate articles in the store (groups of two or more), largest first.
/// Reads the store a page at a time; keeps only a signature per article (under a kilobyte).
pub async fn duplicate_groups(store: &dyn Store) -> Result<Vec<DuplicateGroup>, ServiceError> {
    let mut index = DedupIndex::default();
    let mut refs: HashMap<u64, ArticleRef> = HashMap::new();
    let mut seq = 0;
    loop {
        let page = store.articles_since(seq, 2000).await?;
        let Some(last) = page.last() else { break };
        seq = last.seq;
        let texts: Vec<(u64, String)> = page
            .iter()
            .map(|a| (a.seq as u64, format!("{}\n{}", a.title, a.body())))
            .collect();
        let docs: Vec<(u64, &str)> = texts.iter().map(|(id, t)| (*id, t.as_str())).collect();
        for (id, sig) in tre_dedup::signatures(index.params(), &docs) {
            // Same parameters by construction: the fingerprint always matches.
            let _ = index.add_signature(id, sig);
        }
        for a in &page {
            refs.insert(a.seq as u64, reference(a));
        }
    }
    let mut groups: Vec<DuplicateGroup> = index
        .duplicate_groups()
        .into_iter()
        .map(|g| DuplicateGroup {
            articles: g.iter().filter_map(|id| refs.get(id).cloned()).collect(),
        })
        .collect();
    groups.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.articles[0].id.cmp(&b.articles[0].id))
    });
    Ok(groups)
}

/// What tre-dedup needs of an article.
pub fn story_article(a: &Article) -> StoryArticle {
    let entities = a
        .facts
        .as_deref()
        .and_then(|f| serde_json::from_str::<Extraction>(f).ok())
        .map(|x| {
            x.persons
                .iter()
                .map(|p| p.id.clone())
                .chain(x.organizations.iter().map(|o| o.id.clone()))
                .chain(x.places.iter().map(|p| p.id.clone()))
                .collect()
        })
        .unwrap_or_default();
    StoryArticle {
        id: a.seq as u64,
        title: a.title.clone(),
        text: a.body(),
        // Only a stated publication date holds a story to its time window; an arrival day
        // says nothing about when the event happened.
        published: a.published.as_deref().and_then(Day::parse),
        outlet: a.outlet.clone().unwrap_or_default(),
        source: a.source_line.clone().or_else(|| a.byline.clone()),
        entities,
    }
}

/// Clusters articles into stories.
pub fn cluster(articles: &[Article]) -> Vec<StoryOut> {
    let inputs: Vec<StoryArticle> = articles.iter().map(story_article).collect();
    let by_seq: HashMap<u64, &Article> = articles.iter().map(|a| (a.seq as u64, a)).collect();
    let id_of = |seq: u64| by_seq.get(&seq).map(|a| a.id.clone());
    let stories = cluster_stories(&inputs, &Publishers::builtin(), &StoryParams::default());
    stories
        .into_iter()
        .map(|s| StoryOut {
            id: id_of(s.id).unwrap_or_default(),
            articles: s.articles.iter().filter_map(|x| id_of(*x)).collect(),
            title: s.title,
            first_seen: s.first_seen.map(|d| d.to_string()).or_else(|| {
                s.articles
                    .iter()
                    .filter_map(|x| by_seq.get(x).and_then(|a| a.day.clone()))
                    .min()
            }),
            outlets: s.outlets,
            original: s.original.and_then(id_of),
            corroboration: s.corroboration,
        })
        .collect()
}

/// Stories of the articles filed under days `from`..=`to`, largest first.
pub async fn stories(
    store: &dyn Store,
    from: &str,
    to: &str,
    limit: u32,
) -> Result<Vec<StoryOut>, ServiceError> {
    let articles = store.articles_on_days(from, to, &[], &[], limit).await?;
    let mut out = cluster(&articles);
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| b.corroboration.cmp(&a.corroboration))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}

impl crate::Service {
    /// Stories among the articles the caller may see, filed under days `from`..=`to`.
    pub async fn stories(
        &self,
        caller: &crate::Caller,
        from: &str,
        to: &str,
        limit: u32,
    ) -> Result<Vec<StoryOut>, ServiceError> {
        self.authorize(caller, tre_access::Action::Read, "stories")
            .await?;
        for d in [from, to] {
            if tre_store::days::parse(d).is_none() {
                return Err(ServiceError::Invalid(format!(
                    "{d:?} is not a date; write it as YYYY-MM-DD"
                )));
            }
        }
        let view = self.view(caller);
        let articles = view.articles_on_days(from, to, &[], &[], limit).await?;
        let shown: Vec<(String, i32)> = articles
            .iter()
            .map(|a| (a.id.clone(), a.classification))
            .collect();
        self.record_read(caller, "read", &format!("stories:{from}..{to}"), &shown)
            .await?;
        let mut out = cluster(&articles);
        out.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| b.corroboration.cmp(&a.corroboration))
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// Near-duplicate groups among the articles the caller may see.
    pub async fn duplicates(
        &self,
        caller: &crate::Caller,
    ) -> Result<Vec<DuplicateGroup>, ServiceError> {
        self.authorize(caller, tre_access::Action::Read, "duplicates")
            .await?;
        let groups = duplicate_groups(self.view(caller).as_ref()).await?;
        let shown: Vec<(String, i32)> = groups
            .iter()
            .flat_map(|g| &g.articles)
            .map(|a| (a.id.clone(), a.classification))
            .collect();
        self.record_read(caller, "read", "duplicates", &shown)
            .await?;
        Ok(groups)
    }
}

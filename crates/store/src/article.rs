//! Articles as stored.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tre_text::NormText;

/// Everything of an article except its identity and provenance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleContent {
    pub url: Option<String>,
    pub outlet: Option<NormText>,
    /// The outlet's own section or category ("Thời sự", "Thế giới").
    pub section: Option<NormText>,
    pub title: NormText,
    pub lead: Option<NormText>,
    pub paragraphs: Vec<NormText>,
    pub captions: Vec<NormText>,
    pub credits: Vec<NormText>,
    pub byline: Option<NormText>,
    pub source_line: Option<NormText>,
    /// The article's publication date, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time).
    pub published: Option<String>,
    /// A date the site printed for the page view, kept apart from `published`.
    pub page_date: Option<String>,
    /// The classification rank of the article (see `tre-access`): 0 for published news.
    pub classification: i32,
}

/// An article as ingest hands it to the store. Its content hash is computed once, when it is
/// built, and cannot drift from the content because the content cannot be changed afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct NewArticle {
    id: String,
    source: String,
    content: ArticleContent,
    content_hash: String,
    facts: Option<Facts>,
}

/// What extraction found in an article: the extractor's JSON and its version. Kept beside the
/// article (not part of its content hash): a newer extractor version rewrites the facts of an
/// otherwise unchanged article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub version: i64,
    pub json: String,
    /// The countries the article concerns (ISO 3166-1 alpha-2, upper case), derived from the
    /// places extraction found: what a mission-scoped user's view is restricted by.
    pub countries: Vec<String>,
}

impl NewArticle {
    /// `id` is the stable identity (the source's own id, a URL-derived id, or a file's name
    /// without extension); `source` says where it was read (a path, `path#line`, or a URL).
    pub fn new(id: String, source: String, content: ArticleContent) -> Self {
        let content_hash = content_hash(&content);
        NewArticle {
            id,
            source,
            content,
            content_hash,
            facts: None,
        }
    }

    /// The same article with its extracted facts.
    pub fn with_facts(mut self, facts: Facts) -> Self {
        self.facts = Some(facts);
        self
    }

    pub fn facts(&self) -> Option<&Facts> {
        self.facts.as_ref()
    }

    fn facts_version(&self) -> i64 {
        self.facts.as_ref().map_or(0, |f| f.version)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn content(&self) -> &ArticleContent {
        &self.content
    }

    /// Hash of everything that makes the article what it is (not where it was read from), so
    /// re-reading the same article from another path is "unchanged".
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// Lead and paragraphs joined by blank lines: the body as stored.
    pub fn body(&self) -> String {
        join_body(self.content.lead.as_ref(), &self.content.paragraphs)
    }
}

pub(crate) fn join_body(lead: Option<&NormText>, paragraphs: &[NormText]) -> String {
    let mut out = String::new();
    for p in lead.into_iter().chain(paragraphs) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

fn content_hash(c: &ArticleContent) -> String {
    let mut h = Sha256::new();
    let mut field = |name: &str, value: Option<&str>| {
        h.update(name.as_bytes());
        match value {
            Some(v) => {
                h.update([1u8]);
                h.update((v.len() as u64).to_le_bytes());
                h.update(v.as_bytes());
            }
            None => h.update([0u8]),
        }
    };
    field("url", c.url.as_deref());
    field("outlet", c.outlet.as_deref());
    field("section", c.section.as_deref());
    field("title", Some(&c.title));
    field("lead", c.lead.as_deref());
    for p in &c.paragraphs {
        field("p", Some(p));
    }
    for p in &c.captions {
        field("caption", Some(p));
    }
    for p in &c.credits {
        field("credit", Some(p));
    }
    field("byline", c.byline.as_deref());
    field("source_line", c.source_line.as_deref());
    field("published", c.published.as_deref());
    field("page_date", c.page_date.as_deref());
    // Only when set, so that the hashes of unclassified articles stay what they were before
    // classification existed.
    if c.classification != 0 {
        field("classification", Some(&c.classification.to_string()));
    }
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// A stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub seq: i64,
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub section: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
    pub byline: Option<String>,
    pub source_line: Option<String>,
    pub published: Option<String>,
    pub page_date: Option<String>,
    pub content_hash: String,
    /// Unix milliseconds of the first and the latest write.
    pub ingested_at: i64,
    pub updated_at: i64,
    /// The extractor's JSON for this article, and its version (0: never extracted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<String>,
    pub facts_version: i64,
    /// The day it is filed under: its publication date, or the day it arrived.
    pub day: Option<String>,
    /// Its classification rank (0: ordinary).
    pub classification: i32,
    /// The countries it concerns (ISO codes), from its facts.
    pub countries: Vec<String>,
}

impl Article {
    /// Lead and paragraphs joined by blank lines.
    pub fn body(&self) -> String {
        let mut out = String::new();
        for p in self.lead.iter().chain(&self.paragraphs) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(p);
        }
        out
    }
}

/// What a write did to one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UpsertOutcome {
    New,
    Updated,
    Unchanged,
    /// Not written: the id was written during the protected period (this ingest run) by this
    /// other source, with different content.
    Conflict(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletCount {
    pub outlet: Option<String>,
    pub articles: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoreStats {
    pub articles: i64,
    pub outlets: Vec<OutletCount>,
    pub earliest_published: Option<String>,
    pub latest_published: Option<String>,
    pub undated: i64,
    pub max_seq: i64,
}

/// Storage encodes the lists of an article (paragraphs, captions, credits) as JSON text: a
/// portable column type on both backends.
pub fn encode_list(items: &[NormText]) -> String {
    let v: Vec<&str> = items.iter().map(|s| s.as_str()).collect();
    serde_json::to_string(&v).unwrap_or_else(|_| "[]".to_owned())
}

/// Storage form of an article's countries: each code with a space before and after
/// (`" JP VN "`, or empty), so that "concerns JP" is one `LIKE '% JP %'` on either backend.
/// Anything that is not a two-letter code is dropped.
pub fn encode_countries(codes: &[String]) -> String {
    let mut v: Vec<String> = codes
        .iter()
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    v.sort();
    v.dedup();
    if v.is_empty() {
        String::new()
    } else {
        format!(" {} ", v.join(" "))
    }
}

/// The inverse of [`encode_countries`].
pub fn decode_countries(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// The inverse of [`encode_list`].
pub fn decode_list(text: &str) -> Result<Vec<String>, crate::StoreError> {
    serde_json::from_str(text)
        .map_err(|e| crate::StoreError::Corrupt(format!("a stored list is not valid JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(title: &str) -> ArticleContent {
        ArticleContent {
            title: NormText::new(title),
            paragraphs: vec![NormText::new("Một."), NormText::new("Hai.")],
            ..Default::default()
        }
    }

    #[test]
    fn hash_depends_on_content_not_identity() {
        let a = NewArticle::new("a".into(), "x.txt".into(), content("Tiêu đề"));
        let b = NewArticle::new("b".into(), "y.txt".into(), content("Tiêu đề"));
        let c = NewArticle::new("a".into(), "x.txt".into(), content("Tiêu đề khác"));
        assert_eq!(a.content_hash(), b.content_hash());
        assert_ne!(a.content_hash(), c.content_hash());
        assert_eq!(a.content_hash().len(), 32);
    }

    #[test]
    fn classification_is_part_of_the_content() {
        let plain = NewArticle::new("a".into(), "x".into(), content("T"));
        let mut c = content("T");
        c.classification = 20;
        let secret = NewArticle::new("a".into(), "x".into(), c);
        assert_ne!(plain.content_hash(), secret.content_hash());
        assert_eq!(
            encode_countries(&["vn".into(), "JP".into(), "JP".into(), "Japan".into()]),
            " JP VN "
        );
        assert_eq!(decode_countries(" JP VN "), ["JP", "VN"]);
        assert_eq!(encode_countries(&[]), "");
    }

    #[test]
    fn paragraph_boundaries_matter() {
        let mut one = content("T");
        one.paragraphs = vec![NormText::new("ab")];
        let mut two = content("T");
        two.paragraphs = vec![NormText::new("a"), NormText::new("b")];
        let a = NewArticle::new("a".into(), "s".into(), one);
        let b = NewArticle::new("a".into(), "s".into(), two);
        assert_ne!(a.content_hash(), b.content_hash());
    }
}

/// What the store holds for an id, as far as planning a write needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub content_hash: String,
    pub source: String,
    /// Unix milliseconds of its latest write.
    pub updated_at: i64,
    /// Version of its stored facts (0 when it has none).
    pub facts_version: i64,
}

/// How a batch of upserts plays out against what the store already holds: decided here once,
/// executed by each backend inside its write transaction.
#[derive(Debug)]
pub struct WritePlan<'a> {
    /// One outcome per input article, in input order.
    pub outcomes: Vec<UpsertOutcome>,
    /// The articles to write, each id once with its final content, in the order their
    /// sequence numbers must be assigned.
    pub writes: Vec<&'a NewArticle>,
}

/// Plans a batch given what is stored for its ids.
///
/// With `protect_since`, a version written at or after that time (unix ms) by a *different*
/// source is never replaced by different content: the input gets
/// [`UpsertOutcome::Conflict`]. That is how one ingest run refuses two inputs that claim the
/// same id (two files called `index.html`) without remembering every id it has seen.
///
/// An unchanged article whose input carries facts of a newer extractor version is rewritten
/// (new facts, new sequence number, so derived data catches up) and reported as unchanged.
pub fn plan_upsert<'a>(
    batch: &'a [NewArticle],
    stored: &std::collections::HashMap<String, StoredVersion>,
    protect_since: Option<i64>,
) -> WritePlan<'a> {
    use std::collections::HashMap;
    // The current version of each id as the batch is replayed in order (hash, source, written
    // in this run?), and the batch index of the latest write for that id.
    let mut current: HashMap<&str, (&str, &str, bool, i64)> = HashMap::new();
    let mut last_write: HashMap<&str, usize> = HashMap::new();
    let mut outcomes = Vec::with_capacity(batch.len());
    for (i, a) in batch.iter().enumerate() {
        let known = current.get(a.id()).copied().or_else(|| {
            stored.get(a.id()).map(|v| {
                let recent = protect_since.is_some_and(|t| v.updated_at >= t);
                (
                    v.content_hash.as_str(),
                    v.source.as_str(),
                    recent,
                    v.facts_version,
                )
            })
        });
        let mut refresh_facts = false;
        let outcome = match known {
            None => UpsertOutcome::New,
            Some((h, _, _, facts)) if h == a.content_hash() => {
                refresh_facts = a.facts_version() > facts;
                UpsertOutcome::Unchanged
            }
            Some((_, src, recent, _)) if recent && src != a.source() => {
                UpsertOutcome::Conflict(src.to_owned())
            }
            Some(_) => UpsertOutcome::Updated,
        };
        let write = match outcome {
            UpsertOutcome::New | UpsertOutcome::Updated => true,
            UpsertOutcome::Unchanged => refresh_facts,
            UpsertOutcome::Conflict(_) => false,
        };
        if write {
            last_write.insert(a.id(), i);
            let source = match (&outcome, known) {
                // A facts refresh keeps the stored version's provenance for conflict checks.
                (UpsertOutcome::Unchanged, Some((_, src, _, _))) => src,
                _ => a.source(),
            };
            current.insert(
                a.id(),
                (
                    a.content_hash(),
                    source,
                    protect_since.is_some(),
                    a.facts_version(),
                ),
            );
        }
        outcomes.push(outcome);
    }
    let mut order: Vec<usize> = last_write.into_values().collect();
    order.sort_unstable();
    WritePlan {
        outcomes,
        writes: order.into_iter().map(|i| &batch[i]).collect(),
    }
}

/// The calendar day, in Vietnam (UTC+7), of a unix-millisecond time: the day an article
/// without a publication date is filed under.
pub fn arrival_day(unix_ms: i64) -> String {
    crate::days::to_string((unix_ms / 1000 + 7 * 3600).div_euclid(86_400))
}

#[cfg(test)]
mod day_tests {
    #[test]
    fn arrival_days_are_vietnam_days() {
        // 2023-01-10 17:37 in Hà Nội is 10:37 UTC.
        assert_eq!(super::arrival_day(1_673_347_020_000), "2023-01-10");
        // 2023-01-10 20:00 UTC is already the 11th in Hà Nội.
        assert_eq!(super::arrival_day(1_673_380_800_000), "2023-01-11");
        assert_eq!(super::arrival_day(0), "1970-01-01");
        assert_eq!(super::arrival_day(951_782_400_000), "2000-02-29");
    }
}

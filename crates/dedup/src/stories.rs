//! Stories: different articles about the same event, over days.
//!
//! 1. Reprints are found first ([`crate::DedupIndex`] over title and text): a reprint group is
//!    one unit and always lands in one story.
//! 2. Each unit gets a TF-IDF vector over the words of its titles and leads (tre-segment
//!    words, folded; names and title words weigh more) and its entity ids.
//! 3. Blocking: a unit is compared only with units that share one of its rarest terms or
//!    entities (the postings of terms too common to tell events apart are never read), and that
//!    fall inside the time window when both have dates. No all-pairs comparison.
//! 4. Units are taken in time order (undated ones last, then by id); each joins the candidate
//!    story whose centroid is most similar, if similar enough, else starts a story. Comparing
//!    with centroids, not with single members, keeps a chain of pairwise-similar articles from
//!    drifting from one event to the next.

use crate::day::Day;
use crate::index::DedupIndex;
use crate::minhash::Params;
use crate::publishers::Publishers;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use tre_segment::{Segmenter, WordKind};

/// One article as stories need it. Strings are expected normalised (as tre stores them).
#[derive(Debug, Clone, Default)]
pub struct StoryArticle {
    pub id: u64,
    pub title: String,
    /// Lead and body. Only the beginning (the lead) feeds the story similarity; all of it
    /// feeds reprint detection.
    pub text: String,
    pub published: Option<Day>,
    /// The outlet that published it, any name [`Publishers`] knows (`Tuổi Trẻ`, `tuoitre.vn`).
    pub outlet: String,
    /// The source line or byline (`Theo TTXVN`, `Phương Diệp (TTXVN/Vietnam+)`), if any.
    pub source: Option<String>,
    /// Extracted entity ids (persons, organisations, places); may be empty.
    pub entities: Vec<String>,
}

/// One story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// The smallest article id in it: stable as later articles join (ids grow with time).
    pub id: u64,
    /// Sorted.
    pub articles: Vec<u64>,
    /// The headline of the article most typical of the story.
    pub title: String,
    /// The earliest publication day, when any article has one.
    pub first_seen: Option<Day>,
    pub last_seen: Option<Day>,
    /// Outlet names as given, sorted, each once.
    pub outlets: Vec<String>,
    /// The original: the article the others credit (a reprint "Theo TTXVN" points at the
    /// TTXVN article), else the strictly earliest; `None` when it cannot be told.
    pub original: Option<u64>,
    /// Independent publisher families: a reprint group counts once, for the family it
    /// credits or its original's family.
    pub corroboration: usize,
    /// Those families' keys, sorted.
    pub families: Vec<String>,
    /// Reprint groups (two articles or more) inside the story, each sorted.
    pub reprints: Vec<Vec<u64>>,
}

/// Tuning of story clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryParams {
    /// Articles dated further apart than this (days) from a story's first and last article
    /// never join it. Undated articles are not held to it (nothing tells them apart).
    pub window_days: i32,
    /// Cosine similarity to a story's centroid needed to join it.
    pub min_similarity: f64,
    /// Bytes of the text, from its start, that make the lead.
    pub lead_bytes: usize,
    /// Terms (and entities) per unit used as blocking keys: its rarest ones.
    pub block_keys: usize,
    /// A key shared by more units than this is too common to block on and is skipped.
    pub max_block: usize,
    /// Near-duplicate parameters for the reprint groups.
    pub dedup: Params,
}

impl Default for StoryParams {
    fn default() -> Self {
        StoryParams {
            window_days: 3,
            min_similarity: 0.2,
            lead_bytes: 600,
            block_keys: 8,
            max_block: 200,
            dedup: Params::default(),
        }
    }
}

/// Weights of where a term was seen: a headline word says more about the event than a lead
/// word, a name (person, place, organisation) more than a common word, an extracted entity
/// most.
const TITLE_WEIGHT: f32 = 2.0;
const NAME_WEIGHT: f32 = 1.5;
const ENTITY_WEIGHT: f32 = 2.0;

/// Function words: frequent in every article, they say nothing about which event it reports
/// (folded, as terms are compared). IDF would push them down on a large corpus; dropping them
/// keeps a small batch (one day of one desk) as sharp as the whole archive.
const STOPWORDS: &[&str] = &[
    "va", "cua", "cac", "nhung", "la", "co", "duoc", "da", "se", "voi", "tai", "cho", "trong",
    "nay", "do", "de", "tu", "ve", "theo", "khi", "mot", "khong", "nguoi", "ong", "ba", "nhieu",
    "cung", "dang", "vua", "den", "ra", "vao", "len", "thi", "ma", "nhu", "hon", "rat", "van",
    "con", "nen", "neu", "vi", "bi", "sau", "truoc", "tren", "duoi", "giua", "ngay", "nam",
    "thang", "hom", "qua", "toi", "sang", "chieu", "cung", "moi", "cho biet", "tiep tuc", "viec",
    "nhat", "ca", "hai", "ba", "bon", "nam", "gom", "nhau", "minh", "chung", "ho", "anh", "chi",
];

/// Sparse vector: (term, weight), sorted by term.
type Vector = Vec<(u32, f32)>;

fn dot(a: &[(u32, f32)], b: &HashMap<u32, f32>) -> f32 {
    a.iter()
        .map(|(t, w)| w * b.get(t).copied().unwrap_or(0.0))
        .sum()
}

fn normalise(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// The lead: the first `max` bytes, cut at a character boundary.
fn lead(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Term counts of one article: (term id, raw weight).
fn article_terms(
    a: &StoryArticle,
    params: &StoryParams,
    vocab: &mut HashMap<String, u32>,
    folded: &mut String,
) -> Vec<(u32, f32)> {
    let seg = Segmenter::shared();
    let mut counts: HashMap<u32, f32> = HashMap::new();
    for (text, weight) in [
        (a.title.as_str(), TITLE_WEIGHT),
        (lead(&a.text, params.lead_bytes), 1.0),
    ] {
        for w in seg.words(text) {
            let kind_weight = match w.kind {
                WordKind::Punct
                | WordKind::Url
                | WordKind::Email
                | WordKind::Phone
                | WordKind::Time => continue,
                WordKind::Name => NAME_WEIGHT,
                _ => 1.0,
            };
            folded.clear();
            tre_text::fold_into(w.text(text), folded);
            if folded.chars().count() < 2 || STOPWORDS.contains(&folded.as_str()) {
                continue;
            }
            let next = vocab.len() as u32;
            let id = *vocab.entry(folded.clone()).or_insert(next);
            *counts.entry(id).or_default() += weight * kind_weight;
        }
    }
    for e in &a.entities {
        let next = vocab.len() as u32;
        let id = *vocab.entry(format!("\u{1}{e}")).or_insert(next);
        *counts.entry(id).or_default() += ENTITY_WEIGHT;
    }
    let mut v: Vec<(u32, f32)> = counts.into_iter().collect();
    v.sort_unstable_by_key(|&(t, _)| t);
    v
}

struct Cluster {
    units: Vec<usize>,
    centroid: HashMap<u32, f32>,
    norm_sq: f32,
    first: Option<Day>,
    last: Option<Day>,
}

impl Cluster {
    fn add(&mut self, unit: usize, v: &[(u32, f32)], day: Option<Day>) {
        self.units.push(unit);
        for &(t, w) in v {
            let c = self.centroid.entry(t).or_default();
            self.norm_sq += 2.0 * *c * w + w * w;
            *c += w;
        }
        if let Some(d) = day {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
    }

    fn similarity(&self, v: &[(u32, f32)]) -> f32 {
        let norm = self.norm_sq.max(0.0).sqrt();
        if norm == 0.0 {
            0.0
        } else {
            dot(v, &self.centroid) / norm
        }
    }

    fn in_window(&self, day: Option<Day>, window: i32) -> bool {
        match (day, self.first, self.last) {
            (Some(d), Some(f), Some(l)) => d.0 >= f.0 - window && d.0 <= l.0 + window,
            _ => true,
        }
    }
}

/// Clusters `articles` into stories, ordered by first day (undated last), then id. Every
/// article is in exactly one story; an article alone is a story of one. Articles repeated
/// with one id are taken once (the first).
pub fn cluster_stories(
    articles: &[StoryArticle],
    publishers: &Publishers,
    params: &StoryParams,
) -> Vec<Story> {
    // One article per id, in a fixed order, so that the output never depends on input order.
    let mut arts: Vec<&StoryArticle> = Vec::with_capacity(articles.len());
    {
        let mut seen = std::collections::HashSet::new();
        for a in articles {
            if seen.insert(a.id) {
                arts.push(a);
            }
        }
    }
    arts.sort_by_key(|a| a.id);
    let n = arts.len();
    if n == 0 {
        return Vec::new();
    }

    // 1. Reprint groups. Title and text are joined a few articles at a time, on every core,
    // so that memory does not hold a second copy of the whole batch.
    let mut index = DedupIndex::new(params.dedup.clone());
    for (i, sig) in article_signatures(&arts, &params.dedup) {
        // Same parameters by construction: the fingerprint always matches.
        let _ = index.add_signature(i, sig);
    }
    let units: Vec<Vec<usize>> = index
        .groups()
        .into_iter()
        .map(|g| g.into_iter().map(|i| i as usize).collect())
        .collect();

    // 2. Vectors per unit, TF-IDF with document frequencies counted over units (a reprint
    // group must not make its own words look common).
    let terms = article_vectors(&arts, params);
    let mut unit_raw: Vec<Vector> = Vec::with_capacity(units.len());
    for members in &units {
        let mut sum: HashMap<u32, f32> = HashMap::new();
        for &m in members {
            for &(t, w) in &terms[m] {
                *sum.entry(t).or_default() += w;
            }
        }
        let mut v: Vector = sum.into_iter().collect();
        v.sort_unstable_by_key(|&(t, _)| t);
        unit_raw.push(v);
    }
    let mut df: HashMap<u32, u32> = HashMap::new();
    for v in &unit_raw {
        for &(t, _) in v {
            *df.entry(t).or_default() += 1;
        }
    }
    let nu = units.len() as f32;
    let idf = |t: u32| (nu / df.get(&t).copied().unwrap_or(1) as f32).ln() + 1.0;
    let vectors: Vec<Vector> = unit_raw
        .into_iter()
        .map(|v| {
            let mut v: Vector = v
                .into_iter()
                // Sublinear term frequency: a word repeated in title and lead counts, but not
                // linearly.
                .map(|(t, w)| (t, (1.0 + w.ln().max(0.0)) * idf(t)))
                .collect();
            normalise(&mut v);
            v
        })
        .collect();

    // 3. Blocking keys: each unit's rarest terms that are shared with someone.
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut keys: Vec<Vec<u32>> = Vec::with_capacity(units.len());
    for (u, v) in vectors.iter().enumerate() {
        let mut k: Vec<(u32, u32)> = v
            .iter()
            .filter_map(|&(t, _)| {
                let d = df.get(&t).copied().unwrap_or(0);
                (d >= 2 && d as usize <= params.max_block).then_some((d, t))
            })
            .collect();
        k.sort_unstable();
        k.truncate(params.block_keys);
        let k: Vec<u32> = k.into_iter().map(|(_, t)| t).collect();
        for &t in &k {
            postings.entry(t).or_default().push(u);
        }
        keys.push(k);
    }

    // 4. Single pass in time order.
    let unit_day: Vec<Option<Day>> = units
        .iter()
        .map(|m| m.iter().filter_map(|&i| arts[i].published).min())
        .collect();
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| (unit_day[u].is_none(), unit_day[u], units[u][0]));
    let mut cluster_of: Vec<Option<usize>> = vec![None; units.len()];
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cands: Vec<usize> = Vec::new();
    for &u in &order {
        cands.clear();
        for t in &keys[u] {
            if let Some(list) = postings.get(t) {
                cands.extend(list.iter().filter_map(|&o| cluster_of[o]));
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let best = cands
            .iter()
            .filter(|&&c| clusters[c].in_window(unit_day[u], params.window_days))
            .map(|&c| (clusters[c].similarity(&vectors[u]), c))
            .filter(|&(s, _)| f64::from(s) >= params.min_similarity)
            // Highest similarity; on a tie the older story.
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let c = match best {
            Some((_, c)) => c,
            None => {
                clusters.push(Cluster {
                    units: Vec::new(),
                    centroid: HashMap::new(),
                    norm_sq: 0.0,
                    first: None,
                    last: None,
                });
                clusters.len() - 1
            }
        };
        clusters[c].add(u, &vectors[u], unit_day[u]);
        cluster_of[u] = Some(c);
    }

    // 5. Describe each story.
    let mut stories: Vec<Story> = clusters
        .iter()
        .map(|c| describe(c, &units, &vectors, &arts, publishers))
        .collect();
    stories.sort_by_key(|s| (s.first_seen.is_none(), s.first_seen, s.id));
    stories
}

fn article_signatures(arts: &[&StoryArticle], params: &Params) -> Vec<(u64, crate::Signature)> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let chunk = arts.len().div_ceil(threads).max(64);
    std::thread::scope(|s| {
        let handles: Vec<_> = arts
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                s.spawn(move || {
                    let mut h = crate::Hasher::new(params.clone());
                    let mut text = String::new();
                    part.iter()
                        .enumerate()
                        .map(|(k, a)| {
                            text.clear();
                            text.push_str(&a.title);
                            text.push('\n');
                            text.push_str(&a.text);
                            ((c * chunk + k) as u64, h.signature(&text))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(r) => r,
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    })
}

fn article_vectors(arts: &[&StoryArticle], params: &StoryParams) -> Vec<Vector> {
    // Segmentation is the cost here; term ids are assigned per thread and then mapped to one
    // vocabulary, so the result does not depend on the number of threads.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let chunk = arts.len().div_ceil(threads).max(64);
    let parts: Vec<(Vec<String>, Vec<Vector>)> = std::thread::scope(|s| {
        let handles: Vec<_> = arts
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut vocab = HashMap::new();
                    let mut folded = String::new();
                    let vs: Vec<Vector> = part
                        .iter()
                        .map(|a| article_terms(a, params, &mut vocab, &mut folded))
                        .collect();
                    let mut words = vec![String::new(); vocab.len()];
                    for (w, i) in vocab {
                        words[i as usize] = w;
                    }
                    (words, vs)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(r) => r,
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    });
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::with_capacity(arts.len());
    for (words, vs) in parts {
        let map: Vec<u32> = words
            .into_iter()
            .map(|w| {
                let next = vocab.len() as u32;
                *vocab.entry(w).or_insert(next)
            })
            .collect();
        for v in vs {
            let mut v: Vector = v.into_iter().map(|(t, w)| (map[t as usize], w)).collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            out.push(v);
        }
    }
    out
}

/// A headline fit to show: not empty, not a whole paragraph (some sources put the lead in the
/// title field).
fn good_title(t: &str) -> bool {
    (3..=30).contains(&tre_text::tokens(t).count())
}

fn describe(
    c: &Cluster,
    units: &[Vec<usize>],
    vectors: &[Vector],
    arts: &[&StoryArticle],
    publishers: &Publishers,
) -> Story {
    let members: Vec<usize> = c
        .units
        .iter()
        .flat_map(|&u| units[u].iter().copied())
        .collect();
    let mut ids: Vec<u64> = members.iter().map(|&i| arts[i].id).collect();
    ids.sort_unstable();
    let days: Vec<Day> = members.iter().filter_map(|&i| arts[i].published).collect();
    let outlets: BTreeSet<String> = members
        .iter()
        .map(|&i| arts[i].outlet.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect();

    // Title: of the unit closest to the centroid, preferring fit headlines, then the earliest.
    let title = c
        .units
        .iter()
        .flat_map(|&u| {
            let sim = c.similarity(&vectors[u]);
            units[u].iter().map(move |&i| (i, sim))
        })
        .max_by(|&(a, sa), &(b, sb)| {
            good_title(&arts[a].title)
                .cmp(&good_title(&arts[b].title))
                .then(sa.total_cmp(&sb))
                .then(arts[b].published.cmp(&arts[a].published))
                .then(arts[b].id.cmp(&arts[a].id))
        })
        .map(|(i, _)| arts[i].title.trim().to_string())
        .unwrap_or_default();

    let credit = |i: usize| -> Option<String> {
        let a = arts[i];
        a.source
            .as_deref()
            .and_then(|s| publishers.credited_family(s))
            .or_else(|| publishers.credit_in_text(&a.text))
            .map(str::to_string)
    };
    let own = |i: usize| publishers.family_of(&arts[i].outlet);
    // The family an article speaks for: the one it credits, else its outlet's.
    let speaks_for = |i: usize| credit(i).unwrap_or_else(|| own(i));

    // Original: an article of the family that other members credit, earliest first; else the
    // strictly earliest article.
    let credited: BTreeSet<String> = members
        .iter()
        .filter_map(|&i| credit(i).filter(|f| *f != own(i)))
        .collect();
    let by_time = |&a: &usize, &b: &usize| {
        (arts[a].published.is_none(), arts[a].published, arts[a].id).cmp(&(
            arts[b].published.is_none(),
            arts[b].published,
            arts[b].id,
        ))
    };
    let original = members
        .iter()
        .filter(|&&i| credited.contains(&own(i)) && credit(i).is_none_or(|f| f == own(i)))
        .min_by(|a, b| by_time(a, b))
        .map(|&i| arts[i].id)
        .or_else(|| {
            if let [only] = members.as_slice() {
                return Some(arts[*only].id);
            }
            let mut dated: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| arts[i].published.is_some())
                .collect();
            dated.sort_by(by_time);
            match dated.as_slice() {
                [a, b, ..] if arts[*a].published < arts[*b].published => Some(arts[*a].id),
                _ => None,
            }
        });

    // Corroboration: each reprint unit counts once, for the family it credits, else for its
    // earliest member's family.
    let mut families: BTreeSet<String> = BTreeSet::new();
    let mut reprints = Vec::new();
    for &u in &c.units {
        let m = &units[u];
        let fam = m.iter().find_map(|&i| credit(i)).or_else(|| {
            m.iter()
                .copied()
                .min_by(|a, b| by_time(a, b))
                .map(speaks_for)
        });
        if let Some(f) = fam {
            families.insert(f);
        }
        if m.len() > 1 {
            let mut g: Vec<u64> = m.iter().map(|&i| arts[i].id).collect();
            g.sort_unstable();
            reprints.push(g);
        }
    }
    reprints.sort();

    Story {
        id: ids[0],
        articles: ids,
        title,
        first_seen: days.iter().min().copied(),
        last_seen: days.iter().max().copied(),
        outlets: outlets.into_iter().collect(),
        original,
        corroboration: families.len(),
        families: families.into_iter().collect(),
        reprints,
    }
}

//! The on-disk index: schema, writing, and tiered Vietnamese search.
//!
//! Ranking is by tiers, each one exhausted before the next is consulted, so the promises hold
//! whatever BM25 says:
//! 1. words typed with diacritics matched as typed, words side by side;
//! 2. the same, words anywhere in the article;
//! 3. everything folded (diacritics ignored), words side by side;
//! 4. folded, words anywhere.
//!
//! (Tiers 1-2 only exist when the query has diacritics; tiers 2 and 4 only when it has unquoted
//! runs of several words.) Inside a tier BM25 ranks, with title matches weighted double. So a
//! different word never outranks an exact match, and a name found as adjacent syllables always
//! outranks the same syllables scattered.

use crate::analyzer::{ANALYZER_VERSION, EXACT, FOLD, NAMES, ViTokenizer, WORDS, WordTokenizer};
use crate::query::{Clause, ParsedQuery, Tokens};
use crate::snippet::snippet;
use crate::{SearchError, SearchHit, SearchRequest, SearchResults};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use tre_store::Article;

/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 2.0;
/// A folded query matching capitalised words (a proper noun) counts this much more.
const NAME_BOOST: f32 = 3.0;
/// Among articles with the query's syllables scattered, those where they form the query's
/// words count this much more.
const WORD_BOOST: f32 = 4.0;
/// Memory for the indexing threads (tantivy needs at least 15 MB per thread).
const WRITER_MEMORY: usize = 48 * 1024 * 1024;
const SNIPPET_CHARS: usize = 240;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    id: Field,
    title: Field,
    title_fold: Field,
    body: Field,
    body_fold: Field,
    /// Capitalised words of title and body, folded.
    names: Field,
    /// Multi-syllable words of title and body, folded, `_`-joined.
    words: Field,
    outlet: Field,
    outlet_key: Field,
    published: Field,
    published_day: Field,
    /// The day the article is filed under (publication or arrival), for briefings.
    day: Field,
    source: Field,
    url: Field,
    /// Classification rank.
    level: Field,
    /// ISO codes of the countries the article concerns.
    country: Field,
    /// Outlet, month, pillars, places, persons, organisations, documents (see `facets`).
    facets: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str, stored: bool| {
        let o = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored { o.set_stored() } else { o }
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text(EXACT, true)),
        title_fold: b.add_text_field("title_fold", text(FOLD, false)),
        body: b.add_text_field("body", text(EXACT, true)),
        body_fold: b.add_text_field("body_fold", text(FOLD, false)),
        names: b.add_text_field("names", text(NAMES, false)),
        words: b.add_text_field(
            "words",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(WORDS)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        outlet: b.add_text_field("outlet", STORED),
        outlet_key: b.add_text_field("outlet_key", STRING),
        published: b.add_text_field("published", STORED),
        published_day: b.add_i64_field("published_day", INDEXED | FAST),
        day: b.add_i64_field("day", INDEXED | FAST),
        source: b.add_text_field("source", STORED),
        url: b.add_text_field("url", STORED),
        level: b.add_i64_field("level", INDEXED | FAST | STORED),
        country: b.add_text_field("country", STRING),
        facets: b.add_facet_field("facets", FacetOptions::default()),
    };
    (b.build(), fields)
}

/// What an index records about itself in each commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexState {
    pub store_id: String,
    /// Every article with a `seq` up to this one is indexed.
    pub seq: i64,
    pub analyzer_version: u32,
}

/// An open index directory.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
}

/// The folded key an outlet filter matches on: `--outlet "nguoi lao dong"` and
/// `--outlet "Người Lao Động"` are the same.
pub fn outlet_key(outlet: &str) -> String {
    crate::analyzer::analyze(&tre_text::normalize(outlet), true).join(" ")
}

/// `YYYY-MM-DD...` as a day number `YYYYMMDD` for range filters.
pub fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i64> { date.get(r)?.parse::<i64>().ok() };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(y * 10000 + m * 100 + d)
}

impl SearchIndex {
    /// Opens the index in `dir`, creating an empty one if there is none. An index written by
    /// another analyzer version, or that cannot be read, is discarded and recreated empty: it
    /// is only ever a copy of the store.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Io {
            doing: "creating the index directory",
            path: dir.to_owned(),
            detail: e.to_string(),
        })?;
        let (schema, fields) = schema();
        // Anything but a readable index of this schema and analyzer version is discarded: the
        // index is only ever a copy of the store, rebuilt by the next catch-up.
        let usable = match Index::open_in_dir(dir) {
            Ok(index) => (index.schema() == schema
                && state_of(&index).is_none_or(|s| s.analyzer_version == ANALYZER_VERSION))
            .then_some(index),
            Err(_) => None,
        };
        let index = match usable {
            Some(index) => index,
            None => {
                wipe(dir)?;
                Index::create_in_dir(dir, schema.clone()).map_err(SearchError::from)?
            }
        };
        index.tokenizers().register(EXACT, ViTokenizer::EXACT);
        index.tokenizers().register(FOLD, ViTokenizer::FOLD);
        index.tokenizers().register(NAMES, ViTokenizer::NAMES);
        index.tokenizers().register(WORDS, WordTokenizer);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            dir: dir.to_owned(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the last commit recorded (`None` for a new, empty index).
    pub fn state(&self) -> Option<IndexState> {
        state_of(&self.index)
    }

    /// Documents in the index, as of the last reload.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Size of the index files on disk.
    pub fn disk_bytes(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }

    /// Takes the index's write lock. Only one process may write an index at a time.
    pub fn writer(&self) -> Result<IndexUpdater<'_>, SearchError> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().min(4))
            .unwrap_or(1);
        let writer = self
            .index
            .writer_with_num_threads(threads, WRITER_MEMORY)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => SearchError::Locked(self.dir.clone()),
                other => other.into(),
            })?;
        Ok(IndexUpdater {
            writer,
            fields: self.fields,
            index: self,
        })
    }

    /// Makes the latest commit visible to searches.
    pub fn reload(&self) -> Result<(), SearchError> {
        self.reader.reload().map_err(SearchError::from)
    }

    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, SearchError> {
        let parsed = crate::query::parse(&req.query).map_err(SearchError::Query)?;
        let searcher = self.reader.searcher();
        let f = self.fields;
        let filters = self.filters(req)?;
        let excluded: Vec<Box<dyn Query>> = parsed
            .excluded
            .iter()
            .map(|t| loose_phrase(&f, t))
            .collect();
        let tiers = tiers(&f, &parsed);
        let want = req.offset + req.limit;
        let mut seen: HashSet<DocAddress> = HashSet::new();
        let mut ranked: Vec<(DocAddress, f32, bool, bool)> = Vec::new();
        let mut total = 0usize;
        let mut facets = None;
        let mut exact_total = None;
        let mut adjacent_total = None;
        let scattered = parsed.has_scattered_tier();
        let last = tiers.len() - 1;
        for (i, tier) in tiers.into_iter().enumerate() {
            let q = assemble(tier.query, &filters, &excluded);
            // The last tier is the superset of all: its count is the total. The widest exact
            // tier's count is the number of exact matches; the folded adjacent tier's, the
            // number with the words side by side.
            let need_docs = ranked.len() < want;
            let counts_adjacent = scattered && !tier.exact && tier.adjacent;
            let need_count = i == last || (tier.exact && tier.scattered_or_only) || counts_adjacent;
            let count = if need_docs {
                let top = TopDocs::with_limit(want + seen.len()).order_by_score();
                let (docs, count) = searcher.search(&q, &(top, Count))?;
                for (score, addr) in docs {
                    if seen.insert(addr) {
                        ranked.push((addr, score, tier.exact, tier.adjacent));
                    }
                }
                count
            } else if need_count {
                searcher.search(&q, &Count)?
            } else {
                continue;
            };
            if i == last {
                total = count;
                if req.facets {
                    facets = Some(self.count_facets(&searcher, &q)?);
                }
            }
            if tier.exact && tier.scattered_or_only {
                exact_total = Some(count);
            }
            if counts_adjacent {
                adjacent_total = Some(count);
            }
        }
        let mut hits = Vec::new();
        // What to highlight depends only on the tier: built once per tier kind.
        let mut terms_for: std::collections::HashMap<(bool, bool), crate::snippet::Terms> =
            std::collections::HashMap::new();
        for (addr, score, exact, adjacent) in ranked.into_iter().skip(req.offset).take(req.limit) {
            let terms = terms_for
                .entry((exact, adjacent))
                .or_insert_with(|| parsed.highlight_terms(exact, adjacent));
            let doc: TantivyDocument = searcher.doc(addr)?;
            let get = |field: Field| -> Option<String> {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            let body = get(f.body).unwrap_or_default();
            let classification = doc
                .get_first(f.level)
                .and_then(|v| v.as_i64())
                .and_then(|l| i32::try_from(l).ok())
                .unwrap_or(0);
            let title = get(f.title).unwrap_or_default();
            hits.push(SearchHit {
                id: get(f.id).unwrap_or_default(),
                title_snippet: snippet(&title, terms, 400),
                title,
                outlet: get(f.outlet),
                published: get(f.published),
                source: get(f.source).unwrap_or_default(),
                url: get(f.url),
                score,
                exact,
                snippet: snippet(&body, terms, SNIPPET_CHARS),
                classification,
            });
        }
        Ok(SearchResults {
            total,
            exact_total: if parsed.has_accented() {
                exact_total
            } else {
                None
            },
            adjacent_total,
            hits,
            facets,
        })
    }

    /// Counts every facet family over the matches of `q`.
    fn count_facets(
        &self,
        searcher: &tantivy::Searcher,
        q: &dyn Query,
    ) -> Result<crate::Facets, SearchError> {
        let mut collector = FacetCollector::for_field("facets");
        for family in crate::facets::FAMILIES {
            collector.add_facet(Facet::from_path([family]));
        }
        let counts = searcher.search(q, &collector)?;
        let mut out = crate::Facets::default();
        for family in crate::facets::FAMILIES {
            let root = format!("/{family}");
            let values: Vec<(&Facet, u64)> = if family == "month" {
                counts.get(root.as_str()).collect()
            } else {
                counts.top_k(root.as_str(), crate::facets::TOP)
            };
            if let Some(list) = out.family_mut(family) {
                *list = values
                    .into_iter()
                    .map(|(f, n)| crate::FacetCount {
                        value: f
                            .to_path()
                            .last()
                            .map(|s| s.to_string())
                            .unwrap_or_default(),
                        count: n,
                    })
                    .collect();
            }
        }
        Ok(out)
    }

    fn filters(&self, req: &SearchRequest) -> Result<Vec<Box<dyn Query>>, SearchError> {
        let f = self.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let bound = |d: &Option<String>, what: &str| -> Result<Option<i64>, SearchError> {
            match d {
                None => Ok(None),
                Some(s) => day_number(s).map(Some).ok_or_else(|| {
                    SearchError::BadFilter(format!(
                        "--{what} {s:?} is not a date; write it as YYYY-MM-DD, e.g. 2023-04-28"
                    ))
                }),
            }
        };
        let from = bound(&req.from, "from")?;
        let to = bound(&req.to, "to")?;
        if let (Some(a), Some(b)) = (from, to)
            && a > b
        {
            return Err(SearchError::BadFilter(
                "--from is after --to: swap them".to_owned(),
            ));
        }
        if from.is_some() || to.is_some() {
            let lo = from.unwrap_or(1);
            let hi = to.unwrap_or(99_991_231);
            out.push(Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.published_day, lo)),
                Bound::Included(Term::from_field_i64(f.published_day, hi)),
            )));
        }
        if let Some((from, to)) = &req.days {
            let (Some(lo), Some(hi)) = (day_number(from), day_number(to)) else {
                return Err(SearchError::BadFilter(format!(
                    "days {from:?}..{to:?} are not dates; write them as YYYY-MM-DD"
                )));
            };
            out.push(Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.day, lo)),
                Bound::Included(Term::from_field_i64(f.day, hi)),
            )));
        }
        if let Some(vis) = &req.visibility {
            if vis.max_level != i32::MAX {
                out.push(Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_i64(f.level, i64::MIN)),
                    Bound::Included(Term::from_field_i64(f.level, i64::from(vis.max_level))),
                )));
            }
            if let Some(codes) = &vis.countries {
                // No country at all: a query that matches nothing.
                let any: Vec<(Occur, Box<dyn Query>)> = codes
                    .iter()
                    .map(|c| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(
                                Term::from_field_text(f.country, c),
                                IndexRecordOption::Basic,
                            )) as Box<dyn Query>,
                        )
                    })
                    .collect();
                if any.is_empty() {
                    out.push(Box::new(tantivy::query::EmptyQuery));
                } else {
                    out.push(Box::new(BooleanQuery::new(any)));
                }
            }
        }
        for text in &req.facet_filters {
            let facet = crate::facets::parse_filter(text).map_err(SearchError::BadFilter)?;
            out.push(Box::new(TermQuery::new(
                Term::from_facet(f.facets, &facet),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(o) = &req.outlet {
            let key = outlet_key(o);
            if key.is_empty() {
                return Err(SearchError::BadFilter(
                    "--outlet needs an outlet name, e.g. --outlet VnExpress".to_owned(),
                ));
            }
            out.push(Box::new(TermQuery::new(
                Term::from_field_text(f.outlet_key, &key),
                IndexRecordOption::Basic,
            )));
        }
        Ok(out)
    }
}

fn state_of(index: &Index) -> Option<IndexState> {
    index
        .load_metas()
        .ok()?
        .payload
        .and_then(|p| serde_json::from_str(&p).ok())
}

fn wipe(dir: &Path) -> Result<(), SearchError> {
    let io = |e: std::io::Error| SearchError::Io {
        doing: "clearing an outdated index",
        path: dir.to_owned(),
        detail: e.to_string(),
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            std::fs::remove_dir_all(&p).map_err(io)?;
        } else {
            std::fs::remove_file(&p).map_err(io)?;
        }
    }
    Ok(())
}

struct Tier {
    query: Box<dyn Query>,
    exact: bool,
    /// Runs of words must be side by side.
    adjacent: bool,
    /// The tier whose count is "all exact matches".
    scattered_or_only: bool,
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// Tokens side by side in the title or the body.
fn phrase_in(title: Field, body: Field, tokens: &[String]) -> Box<dyn Query> {
    let one = |field: Field| -> Box<dyn Query> {
        if tokens.len() == 1 {
            term_query(field, &tokens[0])
        } else {
            Box::new(PhraseQuery::new(
                tokens
                    .iter()
                    .map(|t| Term::from_field_text(field, t))
                    .collect(),
            ))
        }
    };
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(one(title), TITLE_BOOST)),
        ),
        (Occur::Should, one(body)),
    ]))
}

fn fields_for(f: &Fields, exact: bool) -> (Field, Field) {
    if exact {
        (f.title, f.body)
    } else {
        (f.title_fold, f.body_fold)
    }
}

/// A clause's tokens in the chosen form, with the fields that hold that form.
fn pick<'a>(f: &Fields, t: &'a Tokens, strict: bool) -> (Field, Field, &'a [String]) {
    let exact = strict && t.accented;
    let (title, body) = fields_for(f, exact);
    (title, body, if exact { &t.exact } else { &t.fold })
}

fn loose_phrase(f: &Fields, t: &Tokens) -> Box<dyn Query> {
    let (title, body, tokens) = pick(f, t, false);
    phrase_in(title, body, tokens)
}

/// Extra score when folded words occur as capitalised words (the proper noun `Đà Nẵng` rather
/// than `đa năng`).
fn name_boost(f: &Fields, tokens: &[String]) -> Box<dyn Query> {
    let q: Box<dyn Query> = if tokens.len() == 1 {
        term_query(f.names, &tokens[0])
    } else {
        Box::new(PhraseQuery::new(
            tokens
                .iter()
                .map(|t| Term::from_field_text(f.names, t))
                .collect(),
        ))
    };
    Box::new(BoostQuery::new(q, NAME_BOOST))
}

fn tier_query(f: &Fields, q: &ParsedQuery, strict: bool, adjacent: bool) -> Box<dyn Query> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for c in &q.required {
        match c {
            Clause::Phrase(t) => {
                let (title, body, tokens) = pick(f, t, strict);
                must.push((Occur::Must, phrase_in(title, body, tokens)));
                if !(strict && t.accented) {
                    should.push((Occur::Should, name_boost(f, tokens)));
                }
            }
            Clause::Words(t) => {
                let (title, body, tokens) = pick(f, t, strict);
                if adjacent {
                    must.push((Occur::Must, phrase_in(title, body, tokens)));
                    if !(strict && t.accented) {
                        should.push((Occur::Should, name_boost(f, tokens)));
                    }
                } else {
                    for tok in tokens {
                        must.push((
                            Occur::Must,
                            phrase_in(title, body, std::slice::from_ref(tok)),
                        ));
                    }
                    // Rank articles where the syllables form the query's words first: any
                    // n-gram of the folded query that the segmenter found as a word.
                    for n in 2..=t.fold.len().min(4) {
                        for gram in t.fold.windows(n) {
                            let word = gram.join("_");
                            should.push((
                                Occur::Should,
                                Box::new(BoostQuery::new(term_query(f.words, &word), WORD_BOOST)),
                            ));
                        }
                    }
                }
            }
            Clause::AnyOf(variants) => {
                let any: Vec<(Occur, Box<dyn Query>)> = variants
                    .iter()
                    .map(|v| (Occur::Should, phrase_in(f.title_fold, f.body_fold, v)))
                    .collect();
                must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            }
        }
    }
    must.extend(should);
    Box::new(BooleanQuery::new(must))
}

fn tiers(f: &Fields, q: &ParsedQuery) -> Vec<Tier> {
    let scattered = q.has_scattered_tier();
    let mut out = Vec::new();
    let families: &[bool] = if q.has_accented() {
        &[true, false]
    } else {
        &[false]
    };
    for &strict in families {
        out.push(Tier {
            query: tier_query(f, q, strict, true),
            exact: strict,
            adjacent: true,
            scattered_or_only: !scattered,
        });
        if scattered {
            out.push(Tier {
                query: tier_query(f, q, strict, false),
                exact: strict,
                adjacent: false,
                scattered_or_only: true,
            });
        }
    }
    out
}

fn assemble(
    query: Box<dyn Query>,
    filters: &[Box<dyn Query>],
    excluded: &[Box<dyn Query>],
) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    for fq in filters {
        // Filters narrow; they must not change the order, so they score nothing.
        clauses.push((Occur::Must, Box::new(BoostQuery::new(fq.box_clone(), 0.0))));
    }
    for ex in excluded {
        clauses.push((Occur::MustNot, ex.box_clone()));
    }
    BooleanQuery::new(clauses)
}

/// Writes to the index; dropping it without [`IndexUpdater::commit`] discards the changes.
pub struct IndexUpdater<'a> {
    writer: IndexWriter,
    fields: Fields,
    index: &'a SearchIndex,
}

impl IndexUpdater<'_> {
    /// Adds an article, replacing any earlier version of it.
    pub fn upsert(&mut self, a: &Article) -> Result<(), SearchError> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, &a.id));
        self.add(a)
    }

    /// Adds an article known not to be in the index (a rebuild from scratch).
    pub fn add(&mut self, a: &Article) -> Result<(), SearchError> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &a.id);
        doc.add_text(f.title, &a.title);
        doc.add_text(f.title_fold, &a.title);
        let mut body = a.body();
        for c in &a.captions {
            body.push_str("\n\n");
            body.push_str(c);
        }
        doc.add_text(f.body_fold, &body);
        doc.add_text(f.names, &a.title);
        doc.add_text(f.names, &body);
        doc.add_text(f.words, &a.title);
        doc.add_text(f.words, &body);
        doc.add_text(f.body, body);
        if let Some(o) = &a.outlet {
            doc.add_text(f.outlet, o);
            doc.add_text(f.outlet_key, outlet_key(o));
        }
        if let Some(p) = &a.published {
            doc.add_text(f.published, p);
            if let Some(day) = day_number(p) {
                doc.add_i64(f.published_day, day);
            }
        }
        if let Some(day) = a.day.as_deref().and_then(day_number) {
            doc.add_i64(f.day, day);
        }
        doc.add_text(f.source, &a.source);
        if let Some(u) = &a.url {
            doc.add_text(f.url, u);
        }
        doc.add_i64(f.level, i64::from(a.classification));
        for c in &a.countries {
            doc.add_text(f.country, c);
        }
        for facet in crate::facets::of_article(a) {
            doc.add_facet(f.facets, facet);
        }
        self.writer.add_document(doc)?;
        Ok(())
    }

    /// Removes every document (before a rebuild).
    pub fn clear(&mut self) -> Result<(), SearchError> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Makes everything written so far durable, recording how far the index has caught up.
    pub fn commit(&mut self, state: &IndexState) -> Result<(), SearchError> {
        let payload = serde_json::to_string(state).map_err(|e| SearchError::Io {
            doing: "recording the index state",
            path: self.index.dir.clone(),
            detail: e.to_string(),
        })?;
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        Ok(())
    }

    /// Waits for background merges and releases the lock.
    pub fn finish(self) -> Result<(), SearchError> {
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("2023-04-28"), Some(20230428));
        assert_eq!(day_number("2023-01-10T17:37"), Some(20230110));
        assert_eq!(day_number("2023-13-01"), None);
        assert_eq!(day_number("28/4/2023"), None);
        assert_eq!(outlet_key("Người Lao Động"), "nguoi lao dong");
    }
}

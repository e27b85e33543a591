//! tre-extract: what a Vietnamese diplomacy news article says, as data — persons with the
//! titles the article gives them, organisations, places, numbered documents, dates, events and
//! the pillars of diplomacy it is about.
//!
//! ```
//! use tre_extract::{ArticleInput, Extractor};
//! let lexicon = tre_lexicon::Lexicon::builtin();
//! let extractor = Extractor::new(&lexicon);
//! let article = ArticleInput {
//!     id: "a1".into(),
//!     title: tre_text::normalize("Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản"),
//!     paragraphs: vec![tre_text::normalize(
//!         "Sáng 10/1, tại Hà Nội, Ủy viên Trung ương Đảng, Bộ trưởng Ngoại giao Bùi Thanh Sơn \
//!          đã tiếp Đại sứ Nhật Bản Yamada Takio.",
//!     )],
//!     published: Some("2023-01-10".into()),
//!     ..ArticleInput::default()
//! };
//! let x = extractor.extract(&article);
//! assert_eq!(x.persons[0].name, "Bùi Thanh Sơn");
//! assert_eq!(x.persons[0].titles, ["Bộ trưởng Ngoại giao", "Ủy viên Trung ương Đảng"]);
//! assert_eq!(x.events[0].kind, "meeting");
//! assert_eq!(x.events[0].date.as_deref(), Some("2023-01-10"));
//! ```
//!
//! How: the article's text ([`ArticleInput::text`]) is cut into sentences and words by
//! `tre-segment`; every token position is looked up in one trie of lexicon names and cue
//! phrases (`gazetteer`); rules over the structure of the language read titles with their
//! complements, names, organisations, places and the order that ties titles to names
//! (`mentions`), resolve short references (`persons`), numbered documents (`documents`), dates
//! (`dates`), events (`events`) and pillars (`pillars`). Nothing is specific to an outlet or
//! an article: the knowledge is in the lexicons (`tre-lexicon`, and this crate's `data/`).
//!
//! **Architecture invariant:** pure code: no I/O, no async, no global mutable state. An
//! [`Extractor`] is built once and shared by any number of threads.

mod dates;
mod doc;
mod documents;
mod entities;
mod events;
mod gazetteer;
mod mentions;
mod model;
mod persons;
mod pillars;

pub use model::{
    ArticleInput, DateMention, Document, Event, Evidence, Extraction, Organization, PART_SEPARATOR,
    Person, Pillar, PillarLabel, Place, Span, TitleMention,
};

use dates::Ymd;
use gazetteer::Gazetteer;
use tre_segment::Segmenter;

/// The extractor: the gazetteer built from a lexicon, and the word segmenter.
pub struct Extractor {
    gaz: Gazetteer,
    seg: &'static Segmenter,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("titles", &self.gaz.titles.len())
            .field("organizations", &self.gaz.orgs.len())
            .field("places", &self.gaz.places.len())
            .field("persons", &self.gaz.persons.len())
            .field("cues", &self.gaz.cues.len())
            .finish()
    }
}

impl Extractor {
    /// Builds the extractor for `lexicon` (the built-in one, or one extended with the user's
    /// files). Takes a few milliseconds; build it once.
    pub fn new(lexicon: &tre_lexicon::Lexicon) -> Extractor {
        Extractor {
            gaz: Gazetteer::build(lexicon),
            seg: Segmenter::shared(),
        }
    }

    /// Extracts everything from one article. Never fails: text it cannot read yields fewer
    /// items, not an error.
    pub fn extract(&self, a: &ArticleInput) -> Extraction {
        let text = a.text();
        let published_date = a.published.as_deref().and_then(Ymd::parse_iso);
        let doc = doc::Doc::new(a, &text, self.seg, &self.gaz);
        let mut dates = dates::find_dates(&doc, &self.gaz, published_date);
        let documents = documents::find_documents(&doc, &self.gaz, &mut dates, published_date);
        let m = mentions::Scanner::new(&doc, &self.gaz).run();
        let persons = persons::resolve(&doc, &self.gaz, &m);
        let (person_out, person_index) = persons::output(&doc, &self.gaz, &m, &persons);
        let names: Vec<String> = person_out.iter().map(|p| p.name.clone()).collect();
        let found = events::find(&doc, &self.gaz, &m, &persons, &dates, &names, &person_index);
        Extraction {
            id: a.id.clone(),
            title: a.title.clone(),
            published: published_date.map(|d| d.render()),
            persons: person_out,
            organizations: entities::organizations(&doc, &self.gaz, &m),
            places: entities::places(&doc, &self.gaz, &m),
            documents: documents::output(documents),
            events: found.events,
            other_events: found.other,
            dates: dates
                .iter()
                .filter(|d| !d.relative)
                .map(|d| DateMention {
                    text: doc.span_text(d.start, d.end).to_owned(),
                    value: d.value.render(),
                    span: Span {
                        start: doc.tok(d.start).start,
                        end: doc.tok(d.end - 1).end,
                    },
                })
                .collect(),
            pillars: pillars::classify(&doc, &self.gaz),
        }
    }
}

/// The publication date in the contract's form (`YYYY-MM-DD`) from what a page gives
/// (`2023-01-10T17:37`), or `None` when it is not a valid date.
pub fn contract_date(published: &str) -> Option<String> {
    Ymd::parse_iso(published).map(|d| d.render())
}

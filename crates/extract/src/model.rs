//! The input and output types: [`ArticleInput`] as the spine stores an article, and
//! [`Extraction`], which serialises to the JSON contract of `tre extract --json`
//! (`../shared/spec/extraction.md`) plus fields of our own (spans, confidence, ids, pillars).
//!
//! Every span is a byte range into [`ArticleInput::text`]: the title, then each paragraph (lead
//! first), then each caption, separated by blank lines (`"\n\n"`).

use serde::{Deserialize, Serialize};

/// An article as the spine stores it. Every string must already be normalised with
/// `tre_text::normalize` (tre-page's cleaners return such strings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInput {
    pub id: String,
    pub title: String,
    /// The running text, lead first.
    pub paragraphs: Vec<String>,
    /// Photo captions without their credits.
    pub captions: Vec<String>,
    /// The author line (`Phương Diệp (TTXVN/Vietnam+)`, `M.H`): never a person of the story.
    pub byline: Option<String>,
    /// Where the article was taken from (`Theo CPV`).
    pub source_line: Option<String>,
    /// The article's own date, `YYYY-MM-DD` optionally followed by a time (`2023-01-10T17:37`).
    pub published: Option<String>,
}

/// The separator between the parts of [`ArticleInput::text`].
pub const PART_SEPARATOR: &str = "\n\n";

impl ArticleInput {
    /// The text every span of an [`Extraction`] points into: the title, the paragraphs and the
    /// captions, in that order, joined by [`PART_SEPARATOR`]. Empty parts are kept (as empty
    /// strings between separators) so that part `n` always starts after `n` separators.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(
            self.title.len()
                + self
                    .paragraphs
                    .iter()
                    .chain(&self.captions)
                    .map(|p| p.len() + 2)
                    .sum::<usize>(),
        );
        out.push_str(&self.title);
        for p in self.paragraphs.iter().chain(&self.captions) {
            out.push_str(PART_SEPARATOR);
            out.push_str(p);
        }
        out
    }
}

/// A byte range into [`ArticleInput::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What was extracted from one article. The first eight fields are the contract; the others
/// are extras consumers may ignore.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`, or `None` when the input did not know it.
    pub published: Option<String>,
    pub persons: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub documents: Vec<Document>,
    pub events: Vec<Event>,
    /// Events kept out of `events`: those of type `other` (ceremonies, tours, press
    /// conferences, incidents: an open-ended class) and those announced for the future.
    #[serde(default)]
    pub other_events: Vec<Event>,
    /// Every calendar date written in the text, resolved against `published`.
    #[serde(default)]
    pub dates: Vec<DateMention>,
    /// The article's pillars of diplomacy, strongest first, each with its evidence.
    #[serde(default)]
    pub pillars: Vec<PillarLabel>,
}

/// A real person named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form of the name used in the article, without honorifics.
    pub name: String,
    /// The positions the article attaches to the person, as written, in order of first
    /// appearance; a bare head (`Bộ trưởng`) is left out when the same person also carries a
    /// fuller form of it (`Bộ trưởng Ngoại giao`).
    pub titles: Vec<String>,
    /// A stable id for linking across articles: `person:` and the lexicon's canonical name when
    /// the lexicon knows the person, else the lower-cased name.
    pub id: String,
    /// The lexicon's canonical form (`Tập Cận Bình` for `Xi Jinping`) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// The international form of the name, when the lexicon knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international: Option<String>,
    /// Every mention: full names, short references (`Bộ trưởng Sơn`, `ông Thưởng`) and bare
    /// titles resolved to this person (`Tổng Bí thư`).
    pub mentions: Vec<Span>,
    /// Each title with where it was written.
    pub title_mentions: Vec<TitleMention>,
    pub confidence: f32,
}

/// One title as written, with its span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleMention {
    pub title: String,
    /// The lexicon head it starts with (`Bộ trưởng`), which gives its rank.
    pub head: String,
    pub rank: i32,
    pub span: Span,
}

/// A named body, once per written form (`Hội đồng Bảo an Liên Hợp Quốc` and `Hội đồng Bảo an`
/// are two items with one `id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    /// As written (its first occurrence).
    pub name: String,
    /// `org:` and the lexicon's canonical name, or the lower-cased name.
    pub id: String,
    /// The lexicon's canonical name when the body is in the lexicon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// The lexicon's kind (`ministry`, `party_organ`, `intl_org`...) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub mentions: Vec<Span>,
    pub confidence: f32,
}

/// A place, once per written form (`Ucraina` and `Ukraine` are two items with one `id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    /// `country`, `province`, `city`, `district`, `sea`, `venue`, `region` or `other`.
    pub kind: String,
    /// `place:` and the canonical name: the same for every form of one place.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// ISO 3166 alpha-2 code of the country (for countries and capitals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub mentions: Vec<Span>,
    pub confidence: f32,
}

/// A numbered legal or party document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// `Nghị quyết`, `Kết luận`, `Quy định`, `Chỉ thị`, `Nghị định`, `Quyết định`...
    pub kind: String,
    /// The canonical number (`34-NQ/TW`, `30/2020/NĐ-CP`).
    pub number: String,
    /// `YYYY-MM-DD` (or `--MM-DD` when only day and month are written and the year cannot be
    /// resolved), when the text gives a date.
    pub date: Option<String>,
    /// `doc:` and the number.
    pub id: String,
    pub mentions: Vec<Span>,
    pub confidence: f32,
}

/// Something that happened, once per occurrence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `meeting`, `talks`, `visit`, `conference`, `signing`, `appointment`, `phone_call`,
    /// `evacuation` or `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `YYYY-MM-DD`, `--MM-DD` when the year is unknown, or `None`.
    pub date: Option<String>,
    /// Persons who took part, by their names in `persons`.
    pub participants: Vec<String>,
    /// Where it happened, when the text says.
    pub place: Option<String>,
    /// The words that named the event, in order of appearance.
    pub triggers: Vec<String>,
    /// Announced for the future (`sẽ hội đàm`), not reported as having happened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    pub mentions: Vec<Span>,
    pub confidence: f32,
}

/// A calendar date written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is neither written nor resolvable.
    pub value: String,
    pub span: Span,
}

/// The pillars of Vietnamese diplomacy (and two neighbouring fields) an article is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    /// Ngoại giao chính trị.
    Political,
    /// Ngoại giao kinh tế.
    Economic,
    /// Ngoại giao văn hóa.
    Cultural,
    /// Công tác người Việt Nam ở nước ngoài và bảo hộ công dân.
    OverseasCitizens,
    /// Đối ngoại Đảng.
    PartyExternalRelations,
    /// Quốc phòng, an ninh.
    DefenceSecurity,
}

impl Pillar {
    pub const ALL: [Pillar; 6] = [
        Pillar::Political,
        Pillar::Economic,
        Pillar::Cultural,
        Pillar::OverseasCitizens,
        Pillar::PartyExternalRelations,
        Pillar::DefenceSecurity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Pillar::Political => "political",
            Pillar::Economic => "economic",
            Pillar::Cultural => "cultural",
            Pillar::OverseasCitizens => "overseas_citizens",
            Pillar::PartyExternalRelations => "party_external_relations",
            Pillar::DefenceSecurity => "defence_security",
        }
    }
}

/// One pillar label with the cues that decided it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarLabel {
    pub pillar: Pillar,
    /// The summed weight of its cues (see `data/cues.tsv`).
    pub score: f32,
    /// The distinct cues found, strongest first, each with its first occurrence.
    pub evidence: Vec<Evidence>,
}

/// A cue found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub cue: String,
    pub span: Span,
    /// How many times the cue occurs.
    pub count: usize,
}

//! The briefing as one document: what every renderer (Markdown, HTML, DOCX, JSON) reads.
//!
//! Every item names the articles it rests on by id (`articles`), and the briefing carries one
//! [`SourceRef`] per article it cites (`sources`), so anything a reader sees can be traced to
//! the store. Every item also carries its [`Classification`]; the briefing's own is the highest
//! of them.

use crate::date::{Date, DateTime};
use serde::Serialize;
use std::cmp::Ordering;

/// A classification level. Levels are ordered by `rank` alone; the names and markings are the
/// ministry's to configure (the web application will read them from a file), and
/// [`Classification::default_scheme`] holds the levels in use today.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Classification {
    /// Higher is more restricted; 0 is unclassified.
    pub rank: i32,
    /// The level's name: `Thường`, `Hạn chế`, `Mật`, `Tối mật`, `Tuyệt mật`.
    pub name: String,
    /// What is stamped on a document of this level (`MẬT`); `None` for a level that is not
    /// marked (`Thường`).
    pub marking: Option<String>,
}

impl Classification {
    fn level(rank: i32, name: &str, marking: Option<&str>) -> Classification {
        Classification {
            rank,
            name: name.to_string(),
            marking: marking.map(str::to_string),
        }
    }

    /// Unclassified (`Thường`): no marking.
    pub fn thuong() -> Classification {
        Classification::level(0, "Thường", None)
    }
    /// The ministry's internal restricted level (`Hạn chế`): not a state secret, but not for
    /// outside circulation either, so it is marked.
    pub fn han_che() -> Classification {
        Classification::level(10, "Hạn chế", Some("HẠN CHẾ"))
    }
    /// State secret, confidential (`Mật`).
    pub fn mat() -> Classification {
        Classification::level(20, "Mật", Some("MẬT"))
    }
    /// State secret, secret (`Tối mật`).
    pub fn toi_mat() -> Classification {
        Classification::level(30, "Tối mật", Some("TỐI MẬT"))
    }
    /// State secret, top secret (`Tuyệt mật`).
    pub fn tuyet_mat() -> Classification {
        Classification::level(40, "Tuyệt mật", Some("TUYỆT MẬT"))
    }

    /// A level of the scheme in force (`tre_access::Levels`): its rank, name and stamp.
    pub fn new(rank: i32, name: &str, marking: Option<&str>) -> Classification {
        Classification::level(rank, name, marking)
    }

    /// The five default levels, lowest first (ranks as in `tre_access::Levels::default`).
    pub fn default_scheme() -> Vec<Classification> {
        vec![
            Classification::thuong(),
            Classification::han_che(),
            Classification::mat(),
            Classification::toi_mat(),
            Classification::tuyet_mat(),
        ]
    }

    /// The highest of `levels`, unclassified when there are none.
    pub fn highest<'a>(levels: impl IntoIterator<Item = &'a Classification>) -> Classification {
        levels
            .into_iter()
            .max_by_key(|c| c.rank)
            .cloned()
            .unwrap_or_else(Classification::thuong)
    }

    /// Whether a reader cleared for `clearance` may see something of this level.
    pub fn allowed_for(&self, clearance: &Classification) -> bool {
        self.rank <= clearance.rank
    }
}

impl Default for Classification {
    fn default() -> Self {
        Classification::thuong()
    }
}

impl PartialOrd for Classification {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Classification {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank
            .cmp(&other.rank)
            .then_with(|| self.name.cmp(&other.name))
    }
}

/// The desk the briefing is for, and what defines it, so that a reader knows what was looked for.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DeskSummary {
    /// `None` for the whole service.
    pub id: Option<String>,
    /// `Bàn Nhật Bản`, `Vụ Đông Bắc Á`, `Toàn ngành`.
    pub name: String,
    pub places: Vec<String>,
    /// Persons and organisations followed.
    pub entities: Vec<String>,
    pub documents: Vec<String>,
    /// Political, economic, cultural diplomacy, overseas Vietnamese and citizen protection.
    pub pillars: Vec<String>,
    pub keywords: Vec<String>,
}

impl DeskSummary {
    /// One line saying what the desk follows (`Địa bàn: Nhật Bản; Nhân vật, tổ chức: …`), or
    /// `None` when its definition is empty (the whole service).
    pub fn scope_line(&self) -> Option<String> {
        let parts: Vec<String> = [
            ("Địa bàn", &self.places),
            ("Nhân vật, tổ chức", &self.entities),
            ("Văn bản", &self.documents),
            ("Trụ cột", &self.pillars),
            ("Từ khóa", &self.keywords),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, v)| format!("{label}: {}", v.join(", ")))
        .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// The days whose news the briefing covers (both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

/// Who signs, at the foot of the document (Decree 30/2020/NĐ-CP, item 7).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Signatory {
    /// Signing on behalf of someone: `TL. BỘ TRƯỞNG`, `KT. VỤ TRƯỞNG`.
    pub on_behalf: Option<String>,
    /// The signer's post: `VỤ TRƯỞNG`, `PHÓ VỤ TRƯỞNG`.
    pub title: String,
    pub name: String,
}

/// The administrative frame of the document: who issues it, its number, where, and to whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentHeader {
    /// The governing body, above the issuing one: `BỘ NGOẠI GIAO`.
    pub parent_body: Option<String>,
    /// The issuing body: the desk's department (`VỤ ĐÔNG BẮC Á`).
    pub issuing_body: String,
    /// `15/BTGB-ĐBA`; `None` before the clerk numbers it (the line then shows a blank).
    pub number: Option<String>,
    /// The place in the date line: `Hà Nội`.
    pub place: String,
    /// The "Nơi nhận" block, one recipient per line (`Lãnh đạo Bộ (để báo cáo)`, `Lưu: VT, ĐBA`).
    pub recipients: Vec<String>,
    pub signatory: Option<Signatory>,
}

impl Default for DocumentHeader {
    fn default() -> Self {
        DocumentHeader {
            parent_body: Some("BỘ NGOẠI GIAO".to_string()),
            issuing_body: String::new(),
            number: None,
            place: "Hà Nội".to_string(),
            recipients: Vec::new(),
            signatory: None,
        }
    }
}

/// One article as a source: enough to show it and to find it again.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRef {
    pub article_id: String,
    pub outlet: Option<String>,
    pub title: String,
    /// As the store has it (ISO date or timestamp), when known.
    pub published: Option<String>,
    pub url: Option<String>,
    /// Where the store read it from (a file, a feed).
    pub source: String,
    pub classification: Classification,
}

/// A sentence of an extractive summary, with the article it was taken from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    pub text: String,
    pub article_id: String,
}

/// A story at the top of the briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopStory {
    pub story_id: String,
    pub headline: String,
    /// Two or three sentences, in the order they stand in their articles.
    pub summary: Vec<SummarySentence>,
    /// Every article of the story, the original (when known) first.
    pub sources: Vec<SourceRef>,
    /// The article the others reprint, when it can be told.
    pub original: Option<String>,
    /// Independent publisher families reporting it (reprints within a family count once).
    pub corroboration: usize,
    pub first_seen: Date,
    /// Why it is here, in words: what of the desk it touches, who reports it, how new it is.
    pub why: String,
    pub score: f64,
    pub classification: Classification,
}

/// Something that happens on a day: who meets whom, where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventItem {
    /// `None` when the articles give no date.
    pub date: Option<Date>,
    /// `hội đàm`, `làm việc`, `hội nghị`, `thăm chính thức`.
    pub kind: String,
    /// One line saying what happens.
    pub title: String,
    /// Who (with their titles, as the articles write them).
    pub participants: Vec<String>,
    /// Whom they meet, when the event has two sides.
    pub counterparts: Vec<String>,
    pub place: Option<String>,
    pub articles: Vec<String>,
    pub classification: Classification,
}

/// How a person's post changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PostChangeKind {
    /// An appointment reported as such (`được bổ nhiệm`, `được chỉ định là Đại sứ`).
    Appointment { previous_title: Option<String> },
    /// A title the ledger had not seen this person hold before.
    NewTitle { previous_title: Option<String> },
    /// The ledger's order of holders does not fit: someone else was seen in the post in between.
    Contradiction {
        other_person: String,
        other_seen_on: Option<Date>,
        other_articles: Vec<String>,
    },
}

/// A person and a post that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostChange {
    pub person: String,
    pub person_id: Option<String>,
    pub title: String,
    pub change: PostChangeKind,
    pub seen_on: Option<Date>,
    pub articles: Vec<String>,
    pub classification: Classification,
}

/// A legal or party document cited by the day's articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentItem {
    /// `34-NQ/TW`.
    pub number: String,
    /// `Nghị quyết`, `Chỉ thị`, `Kết luận`.
    pub kind: String,
    pub issued_on: Option<Date>,
    pub issuer: Option<String>,
    /// What it is about (its trích yếu), when known.
    pub subject: Option<String>,
    pub articles: Vec<String>,
    pub classification: Classification,
}

/// One day's count in a mention series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayCount {
    pub date: Date,
    pub count: u32,
}

/// An entity whose attention spiked against its usual level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spike {
    pub entity_id: String,
    pub entity: String,
    /// `person`, `organization`, `place`, `document`, `pillar`.
    pub entity_kind: String,
    /// Daily counts, oldest first, ending on the day of the spike.
    pub series: Vec<DayCount>,
    /// The usual level: mean daily count over the days before the last.
    pub baseline: f64,
    /// The last day against the baseline (smoothed so that a zero baseline stays finite).
    pub factor: f64,
    pub articles: Vec<String>,
    pub classification: Classification,
}

impl Spike {
    /// The count on the last day of the series.
    pub fn last_count(&self) -> u32 {
        self.series.last().map_or(0, |d| d.count)
    }
}

/// Where a followed situation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SituationStatus {
    /// Just assigned.
    New,
    /// Being followed.
    Following,
    /// Something must be done (a report, a proposal) by the officer.
    ActionRequired,
    /// Reported to the leadership.
    Reported,
    /// No longer followed.
    Closed,
}

impl SituationStatus {
    pub fn label_vi(self) -> &'static str {
        match self {
            SituationStatus::New => "Mới giao",
            SituationStatus::Following => "Đang theo dõi",
            SituationStatus::ActionRequired => "Cần xử lý",
            SituationStatus::Reported => "Đã báo cáo",
            SituationStatus::Closed => "Đã kết thúc",
        }
    }
}

/// An officer's acknowledgement that they have read a situation's latest state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acknowledgement {
    pub officer: String,
    pub at: DateTime,
}

/// A situation (a story thread) assigned to an officer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Situation {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub status: SituationStatus,
    pub acknowledgements: Vec<Acknowledgement>,
    /// What changed since the last briefing, one line each; empty when nothing did.
    pub changes: Vec<String>,
    /// The date of the last briefing that carried it.
    pub last_briefed: Option<Date>,
    /// The articles behind the changes.
    pub articles: Vec<String>,
    pub classification: Classification,
}

/// A source that delivered articles in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceDelivery {
    pub name: String,
    pub articles: usize,
}

/// A source expected to deliver that delivered nothing in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SilentSource {
    pub name: String,
    /// The last day it delivered anything, when known.
    pub last_delivery: Option<Date>,
}

/// An article or input the pipeline could not extract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractionFailure {
    /// The article or input concerned.
    pub input: String,
    pub reason: String,
}

/// What the briefing was made from, so that nothing is silently missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    pub delivered: Vec<SourceDelivery>,
    pub silent: Vec<SilentSource>,
    pub extraction_failures: Vec<ExtractionFailure>,
    /// Articles of the period that were considered.
    pub articles_considered: usize,
    /// Stories of the period that were considered for the top of the briefing.
    pub stories_considered: usize,
    /// Anything else the reader should know about what the briefing could not use.
    pub notes: Vec<String>,
}

/// The sections, in the order they are printed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Sections {
    pub top_stories: Vec<TopStory>,
    /// Events within the briefing's period.
    pub events_today: Vec<EventItem>,
    /// Events after the period, up to the assembly's horizon.
    pub events_upcoming: Vec<EventItem>,
    pub people: Vec<PostChange>,
    pub documents: Vec<DocumentItem>,
    pub spikes: Vec<Spike>,
    pub situations: Vec<Situation>,
    pub coverage: Coverage,
}

/// A daily briefing (giao ban) for one desk and day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// The document type as printed: `BẢN TIN GIAO BAN`.
    pub title: String,
    pub desk: DeskSummary,
    pub date: Date,
    pub period: Period,
    pub generated_at: DateTime,
    /// The highest classification of anything inside.
    pub classification: Classification,
    pub header: DocumentHeader,
    pub sections: Sections,
    /// Every article cited anywhere in the briefing, once, by id.
    pub sources: Vec<SourceRef>,
}

impl Briefing {
    /// The source with this article id.
    pub fn source(&self, article_id: &str) -> Option<&SourceRef> {
        self.sources.iter().find(|s| s.article_id == article_id)
    }

    /// Every article id an item of the briefing cites, with where it is cited.
    pub fn citations(&self) -> Vec<(&'static str, &str)> {
        let s = &self.sections;
        let mut out: Vec<(&'static str, &str)> = Vec::new();
        for t in &s.top_stories {
            out.extend(
                t.sources
                    .iter()
                    .map(|r| ("top_stories", r.article_id.as_str())),
            );
            out.extend(
                t.summary
                    .iter()
                    .map(|r| ("top_stories", r.article_id.as_str())),
            );
        }
        for e in s.events_today.iter().chain(&s.events_upcoming) {
            out.extend(e.articles.iter().map(|a| ("events", a.as_str())));
        }
        for p in &s.people {
            out.extend(p.articles.iter().map(|a| ("people", a.as_str())));
            if let PostChangeKind::Contradiction { other_articles, .. } = &p.change {
                out.extend(other_articles.iter().map(|a| ("people", a.as_str())));
            }
        }
        for d in &s.documents {
            out.extend(d.articles.iter().map(|a| ("documents", a.as_str())));
        }
        for k in &s.spikes {
            out.extend(k.articles.iter().map(|a| ("spikes", a.as_str())));
        }
        for k in &s.situations {
            out.extend(k.articles.iter().map(|a| ("situations", a.as_str())));
        }
        out
    }

    /// Every classification inside the briefing: items and their sources.
    pub fn classifications(&self) -> Vec<&Classification> {
        let s = &self.sections;
        let mut out: Vec<&Classification> = Vec::new();
        out.extend(s.top_stories.iter().map(|t| &t.classification));
        out.extend(
            s.events_today
                .iter()
                .chain(&s.events_upcoming)
                .map(|e| &e.classification),
        );
        out.extend(s.people.iter().map(|p| &p.classification));
        out.extend(s.documents.iter().map(|d| &d.classification));
        out.extend(s.spikes.iter().map(|k| &k.classification));
        out.extend(s.situations.iter().map(|k| &k.classification));
        out.extend(self.sources.iter().map(|r| &r.classification));
        out
    }

    /// What is wrong with the document as a briefing: items citing no article or an article
    /// missing from `sources`, a classification lower than something inside it. Empty when
    /// every item is traceable and the marking is right; [`crate::assemble()`] guarantees it.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (section, id) in self.citations() {
            if self.source(id).is_none() {
                out.push(format!(
                    "{section} cites article `{id}`, which is not among the sources"
                ));
            }
        }
        let s = &self.sections;
        let untraced = s
            .top_stories
            .iter()
            .filter(|t| t.sources.is_empty())
            .count()
            + s.events_today
                .iter()
                .chain(&s.events_upcoming)
                .filter(|e| e.articles.is_empty())
                .count()
            + s.people.iter().filter(|p| p.articles.is_empty()).count()
            + s.documents.iter().filter(|d| d.articles.is_empty()).count();
        if untraced > 0 {
            out.push(format!("{untraced} item(s) cite no article"));
        }
        let highest = Classification::highest(self.classifications());
        if highest.rank > self.classification.rank {
            out.push(format!(
                "the briefing is marked {} but holds an item classified {}",
                self.classification.name, highest.name
            ));
        }
        out
    }
}

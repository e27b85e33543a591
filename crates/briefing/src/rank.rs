//! Ranking stories for the top of a briefing: relevance to the desk, corroboration, novelty.
//!
//! The score is a product, so that each factor can veto: a story the desk does not follow
//! stays low however many papers print it, and an old story already briefed sinks however
//! relevant it is.
//! - **Relevance** `R = 1 - e^(-Σ w)` over what of the desk's definition the story touches
//!   (each match weighted by its kind and by the desk's own weight for it): the first match
//!   counts most, more matches saturate towards 1. A story touching nothing gets a floor of
//!   0.05, so that a briefing for the whole service (no desk definition) still ranks by the
//!   other factors.
//! - **Corroboration** `C = 1 + ln(n)` for `n` independent publisher families: five reprints of
//!   one TTXVN dispatch are one family; each independent newsroom adds less than the one before.
//! - **Novelty** `N = 0.5^(age/2)` with `age` the days since the story was first seen (half-life
//!   two days), times 0.3 when an earlier briefing carried it and nothing new came since, or
//!   0.85 when it carried it and new articles came.

use crate::date::Date;
use serde::Serialize;

/// What part of a desk's definition a story matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    Place,
    Person,
    Organization,
    Document,
    Pillar,
    Keyword,
}

impl MatchKind {
    /// How much a match of this kind says about relevance: a named person or place the desk
    /// follows says more than a pillar or a keyword, which many unrelated stories share.
    pub fn base_weight(self) -> f64 {
        match self {
            MatchKind::Person => 1.2,
            MatchKind::Place | MatchKind::Organization => 1.0,
            MatchKind::Document => 0.8,
            MatchKind::Keyword => 0.6,
            MatchKind::Pillar => 0.4,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            MatchKind::Place => "địa bàn",
            MatchKind::Person => "nhân vật",
            MatchKind::Organization => "tổ chức",
            MatchKind::Document => "văn bản",
            MatchKind::Pillar => "trụ cột",
            MatchKind::Keyword => "từ khóa",
        }
    }
}

/// One element of the desk's definition found in the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelevanceMatch {
    pub kind: MatchKind,
    /// As the desk names it: `Nhật Bản`, `Phạm Quang Hiệu`.
    pub label: String,
    /// The desk's own weight for this element (1.0 when it has none).
    pub weight: f64,
}

impl RelevanceMatch {
    pub fn new(kind: MatchKind, label: &str) -> RelevanceMatch {
        RelevanceMatch {
            kind,
            label: label.to_string(),
            weight: 1.0,
        }
    }
}

/// What ranking needs to know about a story; the caller fills it from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySignals {
    pub relevance: Vec<RelevanceMatch>,
    /// Independent publisher families reporting the story (at least 1 for any story).
    pub families: usize,
    pub first_seen: Date,
    /// The last briefing that carried the story, if any.
    pub last_briefed: Option<Date>,
    /// Articles added to the story since that briefing.
    pub new_since_briefed: usize,
}

/// The factors of a story's score and their product.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StoryScore {
    pub relevance: f64,
    pub corroboration: f64,
    pub novelty: f64,
    pub total: f64,
}

/// A story's score for the briefing of day `on`.
pub fn score_story(s: &StorySignals, on: Date) -> StoryScore {
    let weight: f64 = s
        .relevance
        .iter()
        .map(|m| m.kind.base_weight() * m.weight.max(0.0))
        .filter(|w| w.is_finite())
        .sum();
    let relevance = (1.0 - (-weight).exp()).max(0.05);
    let corroboration = 1.0 + (s.families.max(1) as f64).ln();
    // A story first seen after the briefing's day (clock skew, a late correction) is new.
    let age = s.first_seen.days_until(on).max(0) as f64;
    let mut novelty = 0.5f64.powf(age / 2.0);
    if s.last_briefed.is_some_and(|d| d < on) {
        novelty *= if s.new_since_briefed == 0 { 0.3 } else { 0.85 };
    }
    let novelty = novelty.max(0.01);
    StoryScore {
        relevance,
        corroboration,
        novelty,
        total: relevance * corroboration * novelty,
    }
}

/// The indices of `stories`, best first. Ties keep the newer story first, then the given order,
/// so that the same input always ranks the same.
pub fn rank_stories(stories: &[StorySignals], on: Date) -> Vec<usize> {
    let scores: Vec<f64> = stories.iter().map(|s| score_story(s, on).total).collect();
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then(stories[b].first_seen.cmp(&stories[a].first_seen))
            .then(a.cmp(&b))
    });
    order
}

/// Why a story is in the briefing, in a sentence an officer reads: what of the desk it touches,
/// who reports it, how new it is.
pub fn explain(s: &StorySignals, on: Date) -> String {
    let mut parts = Vec::new();
    if s.relevance.is_empty() {
        parts.push("không khớp trực tiếp tiêu chí của bàn".to_string());
    } else {
        let mut matches: Vec<&RelevanceMatch> = s.relevance.iter().collect();
        // Strongest first; at most five, the rest counted.
        matches.sort_by(|a, b| {
            (b.kind.base_weight() * b.weight).total_cmp(&(a.kind.base_weight() * a.weight))
        });
        let shown: Vec<String> = matches
            .iter()
            .take(5)
            .map(|m| format!("{} ({})", m.label, m.kind.label_vi()))
            .collect();
        let more = matches.len().saturating_sub(5);
        let mut text = format!("liên quan: {}", shown.join(", "));
        if more > 0 {
            text.push_str(&format!(" và {more} tiêu chí khác"));
        }
        parts.push(text);
    }
    parts.push(match s.families.max(1) {
        1 => "một nguồn đưa tin".to_string(),
        n => format!("{n} nguồn độc lập đưa tin"),
    });
    let age = s.first_seen.days_until(on);
    parts.push(match (s.last_briefed.filter(|d| *d < on), age) {
        (Some(d), _) if s.new_since_briefed == 0 => {
            format!("đã nêu trong bản tin {}, chưa có tin mới", d.short_vi())
        }
        (Some(d), _) => format!(
            "đã nêu trong bản tin {}, có thêm {} bài mới",
            d.short_vi(),
            s.new_since_briefed
        ),
        (None, a) if a <= 0 => "xuất hiện lần đầu trong ngày".to_string(),
        (None, 1) => "xuất hiện từ hôm qua".to_string(),
        (None, a) => format!("xuất hiện từ {} ({a} ngày)", s.first_seen.short_vi()),
    });
    let mut text = parts.join("; ");
    // Sentence case: the explanation is printed as a sentence of its own.
    if let Some(first) = text.chars().next() {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
    text.push('.');
    text
}

//! Extractive summaries: two or three sentences chosen from a story's articles.
//!
//! Extractive because a briefing must not put words in anyone's mouth: every sentence shown is
//! one an outlet printed, with the article it came from. The choice weighs
//! - **position**: news puts the essentials first, so the first sentences of the body count most;
//! - **headline overlap**: a sentence sharing the headline's content words is on the story;
//! - **entity density**: names, dates, numbers and document numbers (as `tre_segment` types
//!   them) and the story's known entities make a sentence informative rather than hortatory;
//! - **support**: a sentence that several articles print (near-)identically is the core fact.
//!
//! and refuses what is not a sentence of the story: headlines and captions (no final stop,
//! `(Ảnh: …)`), bylines and source lines, page furniture (`Bạn đang xem`, `Viết bình luận`),
//! timecodes, truncated text (`�`), URLs, and a sentence that merely restates the headline.
//! Sentences leaning on their context (`Theo đó, …`, `… như sau:`) are penalised, not refused.
//! A [`Summarizer`] remembers what it has chosen, so that no sentence appears twice in a
//! briefing even when two stories share articles or wire copy.

use crate::model::SummarySentence;
use crate::textutil::{near_duplicate, syllable_set, syllables};
use std::collections::HashSet;
use tre_segment::{Segmenter, WordKind};

/// How long a summary may be.
#[derive(Debug, Clone)]
pub struct SummaryOptions {
    /// At most this many sentences (3).
    pub max_sentences: usize,
    /// A sentence beyond the second is added only while the summary stays under this many
    /// syllables (110, about four lines of print).
    pub max_syllables: usize,
    /// Sentences shorter than this are not sentences of the story (bylines, datelines): 8.
    pub min_sentence_syllables: usize,
    /// A third sentence is added only if it scores at least this share of the best one (0.5),
    /// so that a weak sentence never pads a strong summary.
    pub third_sentence_ratio: f64,
    /// Articles read per story (8): the original and the first reprints say what the fiftieth
    /// reprint says, and comparing every sentence with every other is quadratic.
    pub max_articles: usize,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            max_sentences: 3,
            max_syllables: 110,
            min_sentence_syllables: 8,
            third_sentence_ratio: 0.5,
            max_articles: 8,
        }
    }
}

/// One article given to the summariser.
#[derive(Debug, Clone, Copy)]
pub struct SummarySource<'a> {
    pub article_id: &'a str,
    /// Lead and paragraphs, a paragraph a line (`Article::body` in the store).
    pub text: &'a str,
}

/// Chooses summary sentences for the stories of one briefing, never the same sentence twice.
#[derive(Debug, Default)]
pub struct Summarizer {
    options: SummaryOptions,
    used: Vec<HashSet<String>>,
}

struct Candidate {
    text: String,
    article: usize,
    position: usize,
    syllables: usize,
    set: HashSet<String>,
    score: f64,
}

/// Function words that say nothing about what a headline is about.
const STOPWORDS: &[&str] = &[
    "của", "và", "các", "cho", "với", "là", "trong", "tại", "về", "đã", "được", "có", "những",
    "này", "đó", "một", "để", "theo", "từ", "khi", "ở", "thì", "mà", "cũng", "sẽ", "đến", "ra",
    "vào", "như", "nhiều", "hơn", "lại", "trên", "dưới", "ngày", "năm", "không", "đang", "vẫn",
    "rằng", "thêm", "nay", "sau", "trước",
];

/// Openings that lean on the sentence before (folded): out of context they read as a non
/// sequitur.
const LEANING_OPENINGS: &[&str] = &[
    "theo do",
    "do do",
    "do vay",
    "vi vay",
    "trong do",
    "ben canh do",
    "cung voi do",
    "de lam duoc dieu do",
    "dong thoi",
    "ngoai ra",
    "mat khac",
    "tu do",
    "do la",
    "dieu nay",
    "viec nay",
    "tren co so do",
    "tren co so",
    "cung trong",
    "hai la",
    "ba la",
    "bon la",
    "nam la",
    "sau la",
    "mot la",
    "thu hai",
    "thu ba",
    "thu tu",
    "thu nam",
];

/// Page furniture and residue, folded: a sentence containing one is not the story's.
const RESIDUE: &[&str] = &[
    "ban dang xem",
    "trang chu",
    "viet binh luan",
    "binh luan cua ban",
    "so ky tu con lai",
    "protected by",
    "co the ban quan tam",
    "tin lien quan",
    "xem them",
    "doc them",
    "xem nhieu nhat",
    "tin khac",
    "lien ket website",
    "thong tin nguoi gui",
    "dang ky nhan tin",
    "ban quyen thuoc",
    "copyright",
    "chia se bai viet",
    "theo doi chung toi",
    "hay su dung tieng viet co dau",
];

/// Sentences read per article: news puts what matters first, and a bound keeps the pairwise
/// comparison of a story's sentences small whatever the input (8 articles × 80 sentences).
const MAX_SENTENCES_READ: usize = 80;

/// How much a candidate's overlap with a chosen sentence costs it (maximal marginal relevance).
const MMR_PENALTY: f64 = 0.8;

/// Jaccard similarity of two sentences' content words (function words left out, as they are
/// shared by any two sentences).
fn content_similarity(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let content = |s: &HashSet<String>| -> HashSet<String> {
        s.iter()
            .filter(|w| !STOPWORDS.contains(&w.as_str()))
            .cloned()
            .collect()
    };
    let (a, b) = (content(a), content(b));
    let inter = a.intersection(&b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 { 0.0 } else { inter / union }
}

fn folded(text: &str) -> String {
    crate::textutil::merge_key(text)
}

/// Whether a line of an article is a photo caption or credit: its sentences describe a
/// picture, not the story, however sentence-like they read.
fn is_caption_line(line: &str) -> bool {
    // Lower case with diacritics kept: `ảnh` (photo) must not match `anh` (brother, Britain)
    // or `thành:`.
    let l = tre_text::lower(line);
    let trimmed = l.trim_end();
    l.contains("(ảnh")
        || l.starts_with("ảnh:")
        || l.contains(" ảnh:")
        || l.contains("(video")
        || l.contains("nguồn ảnh")
        || l.contains("ảnh minh họa")
        || l.contains("chụp ảnh lưu niệm")
        || l.starts_with("toàn cảnh ")
        // Scraped image placeholders: "<headline> ảnh 1".
        || trimmed.rsplit_once(' ').is_some_and(|(head, n)| {
            head.ends_with(" ảnh") && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Whether `sentence` is not a sentence of the story: residue, a heading, a byline, a caption
/// fragment, truncated or link text. Public so that other parts of tre (story titles, snippets)
/// can refuse the same things.
pub fn is_boilerplate(sentence: &str) -> bool {
    let s = sentence.trim();
    if s.is_empty() || s.contains('\u{FFFD}') || !s.chars().any(char::is_alphabetic) {
        return true;
    }
    let f = folded(s);
    let lower = s.to_lowercase();
    if lower.contains("http") || lower.contains("www.") || s.contains('@') {
        return true;
    }
    if RESIDUE.iter().any(|r| f.contains(r)) || lower.starts_with("ảnh:") {
        return true;
    }
    // Timecodes of an embedded player (`0:00 / 0:00`).
    if s.split_whitespace().any(|w| {
        let mut parts = w.split(':');
        matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
            if !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit()))
    }) && tre_text::tokens(s).count() < 6
    {
        return true;
    }
    // A sentence of running text ends with a stop; headlines, bylines ("Theo CPV"), datelines
    // and lists cut short do not.
    let end = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    !end.ends_with(['.', '!', '?', '…'])
}

impl Summarizer {
    pub fn new(options: SummaryOptions) -> Summarizer {
        Summarizer {
            options,
            used: Vec::new(),
        }
    }

    /// Remembers `text` as already in the briefing (a headline, a sentence shown elsewhere),
    /// so that no summary repeats it.
    pub fn mark_used(&mut self, text: &str) {
        let set = syllable_set(text);
        if !set.is_empty() {
            self.used.push(set);
        }
    }

    /// Two or three sentences for a story with this headline, chosen from `articles` (the
    /// original first, if known), in the order they stand in their articles. `entities` are
    /// the names the story's articles mention (from extraction); they may be empty. Returns
    /// fewer sentences when the articles hold fewer that are worth showing, none for an
    /// article that is only residue.
    pub fn summarize(
        &mut self,
        headline: &str,
        articles: &[SummarySource<'_>],
        entities: &[String],
    ) -> Vec<SummarySentence> {
        let candidates = self.candidates(headline, articles, entities);
        let best = candidates.iter().map(|c| c.score).fold(0.0, f64::max);
        let mut chosen: Vec<&Candidate> = Vec::new();
        let mut length = 0;
        // Greedy maximal marginal relevance: each next sentence is the best one after a
        // penalty for what it shares with those already chosen, so that two outlets' leads
        // about the same meeting do not both make the summary.
        while chosen.len() < self.options.max_sentences {
            let mut pick: Option<(&Candidate, f64)> = None;
            for c in &candidates {
                if chosen.iter().any(|k| std::ptr::eq(*k, c))
                    || self.used.iter().any(|u| near_duplicate(u, &c.set))
                    || chosen.iter().any(|k| near_duplicate(&k.set, &c.set))
                {
                    continue;
                }
                if chosen.len() >= 2
                    && (length + c.syllables > self.options.max_syllables
                        || c.score < best * self.options.third_sentence_ratio)
                {
                    continue;
                }
                let overlap = chosen
                    .iter()
                    .map(|k| content_similarity(&k.set, &c.set))
                    .fold(0.0, f64::max);
                let value = c.score - MMR_PENALTY * overlap;
                let better = match pick {
                    None => true,
                    Some((p, v)) => {
                        value > v
                            || (value == v && (c.article, c.position) < (p.article, p.position))
                    }
                };
                if better {
                    pick = Some((c, value));
                }
            }
            let Some((c, value)) = pick else { break };
            // A sentence mostly about what is already said adds nothing, whatever its score.
            if !chosen.is_empty() && value < best * 0.25 {
                break;
            }
            length += c.syllables;
            chosen.push(c);
        }
        chosen.sort_by_key(|c| (c.article, c.position));
        for c in &chosen {
            self.used.push(c.set.clone());
        }
        chosen
            .into_iter()
            .map(|c| SummarySentence {
                text: c.text.clone(),
                article_id: articles[c.article].article_id.to_string(),
            })
            .collect()
    }

    fn candidates(
        &self,
        headline: &str,
        articles: &[SummarySource<'_>],
        entities: &[String],
    ) -> Vec<Candidate> {
        let headline_set: HashSet<String> = syllables(headline)
            .into_iter()
            .filter(|w| !STOPWORDS.contains(&w.as_str()))
            .collect();
        let entity_keys: Vec<String> = entities
            .iter()
            .map(|e| folded(e))
            .filter(|k| !k.is_empty())
            .collect();
        let segmenter = Segmenter::shared();
        let mut out: Vec<Candidate> = Vec::new();
        for (ai, article) in articles.iter().enumerate().take(self.options.max_articles) {
            // Text from the store is normalised already; text from anywhere else is made so,
            // so that the same sentence in two tone-mark placements compares equal.
            let text = if tre_text::is_normalized(article.text) {
                article.text.to_string()
            } else {
                tre_text::normalize(article.text)
            };
            let mut position = 0;
            let mut seen_title = false;
            let mut after_picture = false;
            for line in text.lines() {
                if position >= MAX_SENTENCES_READ {
                    break;
                }
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                // The headline repeated inside the body is a picture's alt text, and the line
                // after it the picture's caption (`Toàn cảnh …`, `… chụp ảnh lưu niệm …`),
                // whether or not it credits a photographer. The first repeat is the title.
                let is_headline = !headline.trim().is_empty()
                    && tre_text::lower(trimmed).starts_with(&tre_text::lower(headline.trim()))
                    && is_boilerplate(trimmed);
                if is_headline {
                    after_picture = seen_title;
                    seen_title = true;
                    continue;
                }
                let caption = after_picture;
                after_picture = false;
                seen_title = true;
                if caption || is_caption_line(line) {
                    continue;
                }
                for range in tre_segment::sentences(line) {
                    let Some(sentence) = line.get(range) else {
                        continue;
                    };
                    let sentence = strip_glued_headline(sentence, headline);
                    if is_boilerplate(sentence) {
                        continue;
                    }
                    let words = syllables(sentence);
                    if words.len() < self.options.min_sentence_syllables {
                        continue;
                    }
                    let set: HashSet<String> = words.iter().cloned().collect();
                    let score = score_sentence(
                        sentence,
                        &words,
                        position,
                        &headline_set,
                        &entity_keys,
                        segmenter,
                    );
                    out.push(Candidate {
                        text: sentence.to_string(),
                        article: ai,
                        position,
                        syllables: words.len(),
                        set,
                        score,
                    });
                    position += 1;
                }
            }
        }
        // Support: the same sentence printed by several articles is the story's core fact.
        // Only one copy stays a candidate: the best-scored (the one an outlet put nearer its
        // top), the earlier article on a tie (the original, when known, comes first).
        let n = out.len();
        let mut support = vec![0usize; n];
        let mut shadowed = vec![false; n];
        for i in 0..n {
            for j in (i + 1)..n {
                if out[i].article != out[j].article && near_duplicate(&out[i].set, &out[j].set) {
                    let (keep, drop) = if out[j].score > out[i].score {
                        (j, i)
                    } else {
                        (i, j)
                    };
                    support[keep] += 1;
                    shadowed[drop] = true;
                }
            }
        }
        let mut kept = Vec::with_capacity(n);
        for (i, mut c) in out.into_iter().enumerate() {
            if shadowed[i] {
                continue;
            }
            c.score += 0.05 * support[i].min(3) as f64;
            kept.push(c);
        }
        kept
    }
}

/// A scraped teaser often runs the headline into the first sentence with no stop between
/// them (`… làm việc với Ban Đối ngoại Trung ương Đồng chí Hoàng Bình Quân, …`): the sentence
/// proper starts after the headline.
fn strip_glued_headline<'a>(sentence: &'a str, headline: &str) -> &'a str {
    let h = headline.trim();
    if h.is_empty() || sentence.len() <= h.len() + 1 {
        return sentence;
    }
    match sentence.get(..h.len()) {
        Some(prefix) if prefix == h => {
            let rest = sentence[h.len()..].trim_start();
            // Only when what follows starts a new sentence (a capital), not a continuation.
            if rest.chars().next().is_some_and(char::is_uppercase) {
                rest
            } else {
                sentence
            }
        }
        _ => sentence,
    }
}

fn score_sentence(
    sentence: &str,
    words: &[String],
    position: usize,
    headline: &HashSet<String>,
    entities: &[String],
    segmenter: &Segmenter,
) -> f64 {
    let position_score = 1.0 / (1.0 + 0.3 * position as f64);

    let content: HashSet<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !STOPWORDS.contains(w))
        .collect();
    let shared = headline
        .iter()
        .filter(|w| content.contains(w.as_str()))
        .count();
    let overlap = if headline.is_empty() {
        0.0
    } else {
        shared as f64 / headline.len() as f64
    };

    let segmented = segmenter.words(sentence);
    let (mut informative, mut total) = (0usize, 0usize);
    for w in &segmented {
        match w.kind {
            WordKind::Punct => {}
            WordKind::Name
            | WordKind::Date
            | WordKind::DocumentNumber
            | WordKind::Number
            | WordKind::Range
            | WordKind::Abbreviation
            | WordKind::Code => {
                informative += 1;
                total += 1;
            }
            _ => total += 1,
        }
    }
    let density = if total == 0 {
        0.0
    } else {
        (informative as f64 / total as f64 / 0.25).min(1.0)
    };
    let key = folded(sentence);
    let hits = entities.iter().filter(|e| key.contains(e.as_str())).count();
    let entity_score = (hits as f64 / 2.0).min(1.0);

    let mut score = 0.35 * position_score + 0.3 * overlap + 0.2 * density + 0.15 * entity_score;

    // Very long sentences make poor summaries; very short ones say little.
    let n = words.len();
    if n > 70 {
        score *= 70.0 / n as f64;
    } else if n < 12 {
        score *= 0.7;
    }
    if LEANING_OPENINGS
        .iter()
        .any(|o| key.starts_with(o) && key[o.len()..].starts_with(' '))
        || key.ends_with(" sau")
        || sentence.trim_end().ends_with(':')
    {
        score *= 0.6;
    }
    // A sentence that only restates the headline tells the reader nothing new: it holds most
    // of the headline's content words and few of its own.
    let own = content.iter().filter(|w| !headline.contains(**w)).count();
    if !headline.is_empty() && shared as f64 >= 0.8 * headline.len() as f64 && own < 8 {
        score *= 0.3;
    }
    score
}

/// Summarises one story with a fresh [`Summarizer`] and default options.
pub fn summarize(
    headline: &str,
    articles: &[SummarySource<'_>],
    entities: &[String],
) -> Vec<SummarySentence> {
    Summarizer::new(SummaryOptions::default()).summarize(headline, articles, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residue_is_refused() {
        for s in [
            "Bạn đang xem: Trang chủ » Thời sự",
            "0:00 / 0:00",
            "Theo CPV",
            "Phương Diệp (TTXVN/Vietnam+)",
            "Báo Thế giới & Việt Nam - https://baoquocte.vn/",
            "Protected by FormShield",
            "Ban Đối ngoại Trung ương đã cố gắng làm tốt việc theo dõi tình hình thế giới và khu vực, tổ chức nghiên cứu, đề xuất, tham �",
            "Thứ ba 10/01/2023 17:37",
        ] {
            assert!(is_boilerplate(s), "{s}");
        }
        assert!(!is_boilerplate(
            "Sáng 10/1, Bộ Ngoại giao tổ chức hội nghị trực tuyến tổng kết công tác ngành ngoại giao năm 2022."
        ));
        assert!(is_caption_line(
            "Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại buổi làm việc. (Ảnh: Đăng Khoa)"
        ));
        assert!(is_caption_line(
            "Nhiệm vụ trọng tâm của công tác đối ngoại là phục vụ phát triển đất nước ảnh 2"
        ));
    }
}

//! Renderers. The body of a briefing is laid out once, here, as a list of `Block`s (numbered
//! headings, paragraphs of `Inline`s, lists, tables, charts); Markdown, HTML and DOCX each
//! turn the same blocks into their format and add their own front matter. So the three formats
//! always carry the same items, in the same order, with the same numbering and citations.
//!
//! Citations are numbers (`[3]`) into the list of sources at the end, which gives each
//! article's id, outlet, date, title and address.

pub mod docx;
pub mod html;
pub mod markdown;

use crate::date::short_vi_of;
use crate::model::{Briefing, EventItem, PostChange, PostChangeKind, SourceRef, Spike, TopStory};
use std::collections::HashMap;

/// A run of text inside a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    Text(String),
    Strong(String),
    Em(String),
    /// An external link (an article's address); renderers link only `http(s)` addresses.
    Link {
        text: String,
        url: String,
    },
    /// Citation numbers into the list of sources.
    Cite(Vec<usize>),
}

/// A piece of the document body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// `I. TIN NỔI BẬT`: a numbered section, its title in capitals.
    Section {
        number: String,
        title: String,
    },
    /// `1. …`: a numbered item or sub-section inside a section.
    Item {
        number: String,
        title: Vec<Inline>,
    },
    Para(Vec<Inline>),
    /// A smaller, secondary paragraph (sources, reasons).
    Note(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    /// Said in place of an empty section, so that "nothing" is visibly "nothing found".
    Nothing(String),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A spike's series (index into `sections.spikes`).
    Chart(usize),
    /// The numbered list of sources (the appendix).
    Sources,
}

/// Roman numerals for section numbers (a briefing has fewer than forty sections).
pub(crate) fn roman(n: usize) -> String {
    const R: [(usize, &str); 6] = [
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A number the Vietnamese way: decimal comma, one decimal unless whole.
pub(crate) fn decimal_vi(x: f64) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}").replace('.', ",")
    }
}

/// The citation number of each source (its position in `sources`, from 1).
pub(crate) struct Refs<'a> {
    numbers: HashMap<&'a str, usize>,
}

impl<'a> Refs<'a> {
    pub(crate) fn new(b: &'a Briefing) -> Refs<'a> {
        Refs {
            numbers: b
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.article_id.as_str(), i + 1))
                .collect(),
        }
    }

    pub(crate) fn cite(&self, ids: &[String]) -> Option<Inline> {
        let mut n: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.numbers.get(id.as_str()).copied())
            .collect();
        n.sort_unstable();
        n.dedup();
        (!n.is_empty()).then_some(Inline::Cite(n))
    }
}

fn push_cite(line: &mut Vec<Inline>, refs: &Refs<'_>, ids: &[String]) {
    if let Some(c) = refs.cite(ids) {
        line.push(Inline::Text(" ".to_string()));
        line.push(c);
    }
}

pub(crate) fn entity_kind_vi(kind: &str) -> &str {
    match kind {
        "person" => "nhân vật",
        "organization" | "org" => "tổ chức",
        "place" => "địa danh",
        "document" => "văn bản",
        "pillar" => "trụ cột",
        other => other,
    }
}

/// `Báo Thế giới & Việt Nam, 29/04/2023`.
pub(crate) fn outlet_date(s: &SourceRef) -> String {
    let outlet = s
        .outlet
        .clone()
        .unwrap_or_else(|| "Không rõ cơ quan báo chí".to_string());
    match &s.published {
        Some(p) => format!("{outlet}, {}", short_vi_of(p)),
        None => outlet,
    }
}

fn story_blocks(n: usize, t: &TopStory, refs: &Refs<'_>, out: &mut Vec<Block>) {
    out.push(Block::Item {
        number: format!("{n}."),
        title: vec![Inline::Text(t.headline.clone())],
    });
    if t.summary.is_empty() {
        out.push(Block::Para(vec![Inline::Em(
            "Chưa trích được câu tóm tắt từ nội dung bài; xem nguồn.".to_string(),
        )]));
    } else {
        // A citation after each run of sentences from one article.
        let mut line = Vec::new();
        let mut i = 0;
        while i < t.summary.len() {
            let id = &t.summary[i].article_id;
            let mut j = i;
            while j < t.summary.len() && &t.summary[j].article_id == id {
                if !line.is_empty() {
                    line.push(Inline::Text(" ".to_string()));
                }
                line.push(Inline::Text(t.summary[j].text.clone()));
                j += 1;
            }
            push_cite(&mut line, refs, std::slice::from_ref(id));
            i = j;
        }
        out.push(Block::Para(line));
    }
    out.push(Block::Note(vec![
        Inline::Em("Lý do đưa tin: ".to_string()),
        Inline::Text(t.why.clone()),
    ]));
    let mut src = vec![Inline::Em(format!(
        "Nguồn ({} bài, {} nguồn độc lập, xuất hiện lần đầu {}): ",
        t.sources.len(),
        t.corroboration,
        t.first_seen.short_vi()
    ))];
    for (k, s) in t.sources.iter().enumerate() {
        if k > 0 {
            src.push(Inline::Text("; ".to_string()));
        }
        if let Some(c) = refs.cite(std::slice::from_ref(&s.article_id)) {
            src.push(c);
            src.push(Inline::Text(" ".to_string()));
        }
        src.push(Inline::Text(outlet_date(s)));
        if t.original.as_deref() == Some(s.article_id.as_str()) {
            src.push(Inline::Text(" (bài gốc)".to_string()));
        }
    }
    src.push(Inline::Text(".".to_string()));
    out.push(Block::Note(src));
}

fn event_line(e: &EventItem, refs: &Refs<'_>) -> Vec<Inline> {
    let mut line = vec![Inline::Strong(match e.date {
        Some(d) => format!("{} ({})", d.short_vi(), d.weekday_vi()),
        None => "Chưa rõ ngày".to_string(),
    })];
    line.push(Inline::Text(format!(
        " — {}",
        e.title.trim_end_matches('.')
    )));
    let mut details = Vec::new();
    if !e.kind.is_empty() {
        details.push(format!("Hình thức: {}", e.kind));
    }
    if !e.participants.is_empty() {
        details.push(format!("Thành phần: {}", e.participants.join(", ")));
    }
    if !e.counterparts.is_empty() {
        details.push(format!("Làm việc với: {}", e.counterparts.join(", ")));
    }
    if let Some(p) = &e.place {
        details.push(format!("Địa điểm: {p}"));
    }
    line.push(Inline::Text(".".to_string()));
    if !details.is_empty() {
        line.push(Inline::Text(format!(" {}.", details.join("; "))));
    }
    push_cite(&mut line, refs, &e.articles);
    line
}

fn post_line(p: &PostChange, refs: &Refs<'_>) -> Vec<Inline> {
    let mut line = vec![
        Inline::Strong(p.person.clone()),
        Inline::Text(" — ".to_string()),
    ];
    let seen = p
        .seen_on
        .map(|d| format!(" (ghi nhận ngày {})", d.short_vi()))
        .unwrap_or_default();
    match &p.change {
        PostChangeKind::Appointment { previous_title } => {
            line.push(Inline::Text(format!("bổ nhiệm: {}{seen}", p.title)));
            if let Some(prev) = previous_title {
                line.push(Inline::Text(format!("; trước đó: {prev}")));
            }
        }
        PostChangeKind::NewTitle { previous_title } => {
            line.push(Inline::Text(format!(
                "chức danh mới ghi nhận: {}{seen}",
                p.title
            )));
            if let Some(prev) = previous_title {
                line.push(Inline::Text(format!("; trước đó: {prev}")));
            }
        }
        PostChangeKind::Contradiction {
            other_person,
            other_seen_on,
            other_articles,
        } => {
            line.push(Inline::Em("mâu thuẫn cần kiểm tra: ".to_string()));
            line.push(Inline::Text(format!(
                "được gọi là {}{seen}, trong khi {other_person} được ghi nhận giữ chức vụ này{}",
                p.title,
                other_seen_on
                    .map(|d| format!(" ngày {}", d.short_vi()))
                    .unwrap_or_default()
            )));
            push_cite(&mut line, refs, other_articles);
        }
    }
    line.push(Inline::Text(".".to_string()));
    push_cite(&mut line, refs, &p.articles);
    line
}

fn spike_line(k: &Spike, refs: &Refs<'_>) -> Vec<Inline> {
    let mut line = vec![
        Inline::Strong(k.entity.clone()),
        Inline::Text(format!(
            " ({}): {} lần nhắc đến trong ngày {}, gấp {} lần mức thường ({} lần/ngày trong {} ngày trước).",
            entity_kind_vi(&k.entity_kind),
            k.last_count(),
            k.series
                .last()
                .map(|d| d.date.short_vi())
                .unwrap_or_default(),
            decimal_vi(k.factor),
            decimal_vi(k.baseline),
            k.series.len().saturating_sub(1),
        )),
    ];
    push_cite(&mut line, refs, &k.articles);
    line
}

/// The body of the briefing, laid out once for every format.
pub(crate) fn outline(b: &Briefing) -> Vec<Block> {
    let refs = Refs::new(b);
    let s = &b.sections;
    let mut out = Vec::new();
    let mut section = 0;
    let mut open = |out: &mut Vec<Block>, title: &str| {
        section += 1;
        out.push(Block::Section {
            number: format!("{}.", roman(section)),
            title: title.to_string(),
        });
    };

    open(&mut out, "TIN NỔI BẬT");
    if s.top_stories.is_empty() {
        out.push(Block::Nothing(
            "Không có tin nào liên quan trong kỳ.".to_string(),
        ));
    }
    for (i, t) in s.top_stories.iter().enumerate() {
        story_blocks(i + 1, t, &refs, &mut out);
    }

    open(&mut out, "SỰ KIỆN TRONG NGÀY VÀ NHỮNG NGÀY TỚI");
    let period = if b.period.from == b.period.to {
        format!("ngày {}", b.period.to.short_vi())
    } else {
        format!(
            "từ {} đến {}",
            b.period.from.short_vi(),
            b.period.to.short_vi()
        )
    };
    out.push(Block::Item {
        number: "1.".to_string(),
        title: vec![Inline::Text(format!("Trong ngày ({period})"))],
    });
    if s.events_today.is_empty() {
        out.push(Block::Nothing("Không ghi nhận sự kiện.".to_string()));
    } else {
        out.push(Block::Bullets(
            s.events_today
                .iter()
                .map(|e| event_line(e, &refs))
                .collect(),
        ));
    }
    out.push(Block::Item {
        number: "2.".to_string(),
        title: vec![Inline::Text("Những ngày tới".to_string())],
    });
    if s.events_upcoming.is_empty() {
        out.push(Block::Nothing(
            "Chưa ghi nhận sự kiện sắp diễn ra.".to_string(),
        ));
    } else {
        out.push(Block::Bullets(
            s.events_upcoming
                .iter()
                .map(|e| event_line(e, &refs))
                .collect(),
        ));
    }

    open(&mut out, "NHÂN SỰ, CHỨC DANH CÓ THAY ĐỔI");
    if s.people.is_empty() {
        out.push(Block::Nothing("Không ghi nhận thay đổi.".to_string()));
    } else {
        out.push(Block::Bullets(
            s.people.iter().map(|p| post_line(p, &refs)).collect(),
        ));
    }

    open(&mut out, "VĂN BẢN ĐƯỢC DẪN CHIẾU");
    if s.documents.is_empty() {
        out.push(Block::Nothing(
            "Không có văn bản được dẫn chiếu.".to_string(),
        ));
    } else {
        let lines = s
            .documents
            .iter()
            .map(|d| {
                let mut line = vec![Inline::Strong(format!("{} số {}", d.kind, d.number))];
                let mut rest = String::new();
                if let Some(date) = d.issued_on {
                    rest.push_str(&format!(" ngày {}", date.short_vi()));
                }
                if let Some(issuer) = &d.issuer {
                    rest.push_str(&format!(" của {issuer}"));
                }
                if let Some(subject) = &d.subject {
                    rest.push_str(&format!(" {}", subject.trim_end_matches('.')));
                }
                rest.push_str(&format!("; được dẫn trong {} bài.", d.articles.len()));
                line.push(Inline::Text(rest));
                push_cite(&mut line, &refs, &d.articles);
                line
            })
            .collect();
        out.push(Block::Bullets(lines));
    }

    open(&mut out, "MỨC ĐỘ QUAN TÂM TĂNG ĐỘT BIẾN");
    if s.spikes.is_empty() {
        out.push(Block::Nothing(
            "Không có đối tượng nào tăng đột biến so với mức thường.".to_string(),
        ));
    }
    for (i, k) in s.spikes.iter().enumerate() {
        out.push(Block::Para(spike_line(k, &refs)));
        out.push(Block::Chart(i));
    }

    open(&mut out, "TÌNH HÌNH ĐƯỢC PHÂN CÔNG THEO DÕI");
    if s.situations.is_empty() {
        out.push(Block::Nothing(
            "Chưa có tình hình nào được phân công theo dõi.".to_string(),
        ));
    }
    for (i, k) in s.situations.iter().enumerate() {
        out.push(Block::Item {
            number: format!("{}.", i + 1),
            title: vec![Inline::Text(k.title.clone())],
        });
        let acks = if k.acknowledgements.is_empty() {
            "chưa có".to_string()
        } else {
            k.acknowledgements
                .iter()
                .map(|a| format!("{} ({})", a.officer, a.at.short_vi()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(Block::Para(vec![
            Inline::Em("Cán bộ theo dõi: ".to_string()),
            Inline::Text(format!("{}. ", k.owner)),
            Inline::Em("Trạng thái: ".to_string()),
            Inline::Text(format!("{}. ", k.status.label_vi())),
            Inline::Em("Đã xác nhận: ".to_string()),
            Inline::Text(format!("{acks}.")),
        ]));
        let since = k
            .last_briefed
            .map(|d| format!("bản tin ngày {}", d.short_vi()))
            .unwrap_or_else(|| "khi được giao".to_string());
        if k.changes.is_empty() {
            out.push(Block::Para(vec![Inline::Text(format!(
                "Không có thay đổi từ {since}."
            ))]));
        } else {
            let mut head = vec![Inline::Text(format!("Thay đổi từ {since}:"))];
            push_cite(&mut head, &refs, &k.articles);
            out.push(Block::Para(head));
            out.push(Block::Bullets(
                k.changes
                    .iter()
                    .map(|c| vec![Inline::Text(c.clone())])
                    .collect(),
            ));
        }
    }

    open(&mut out, "PHẠM VI NGUỒN TIN");
    let c = &s.coverage;
    out.push(Block::Para(vec![Inline::Text(format!(
        "Bản tin được lập từ {} bài và {} tin trong kỳ; {} nguồn có bài, {} nguồn không có bài.",
        c.articles_considered,
        c.stories_considered,
        c.delivered.len(),
        c.silent.len()
    ))]));
    if !c.delivered.is_empty() {
        out.push(Block::Table {
            header: vec!["Nguồn".to_string(), "Số bài".to_string()],
            rows: c
                .delivered
                .iter()
                .map(|d| vec![d.name.clone(), d.articles.to_string()])
                .collect(),
        });
    }
    if !c.silent.is_empty() {
        let names: Vec<String> = c
            .silent
            .iter()
            .map(|s| match s.last_delivery {
                Some(d) => format!("{} (lần cuối {})", s.name, d.short_vi()),
                None => s.name.clone(),
            })
            .collect();
        out.push(Block::Para(vec![
            Inline::Strong("Không có tin từ: ".to_string()),
            Inline::Text(format!("{}.", names.join("; "))),
        ]));
    }
    if c.extraction_failures.is_empty() {
        out.push(Block::Para(vec![Inline::Text(
            "Không có lỗi trích xuất.".to_string(),
        )]));
    } else {
        out.push(Block::Para(vec![Inline::Strong(format!(
            "Lỗi trích xuất ({}):",
            c.extraction_failures.len()
        ))]));
        out.push(Block::Bullets(
            c.extraction_failures
                .iter()
                .map(|f| vec![Inline::Text(format!("{}: {}", f.input, f.reason))])
                .collect(),
        ));
    }
    for n in &c.notes {
        out.push(Block::Para(vec![Inline::Em(n.clone())]));
    }
    out.push(Block::Sources);
    out
}

/// One line of the list of sources, without its number.
pub(crate) fn source_line(s: &SourceRef) -> Vec<Inline> {
    let mut line = vec![
        Inline::Text(format!("{}. ", outlet_date(s))),
        Inline::Em(format!("“{}”", s.title.trim())),
        Inline::Text(format!(". Mã bài: {}", s.article_id)),
    ];
    if let Some(m) = &s.classification.marking {
        line.push(Inline::Text(format!(". Độ mật: {m}")));
    }
    match s.url.as_deref().filter(|u| is_web_url(u)) {
        Some(url) => {
            line.push(Inline::Text(". ".to_string()));
            line.push(Inline::Link {
                text: url.to_string(),
                url: url.to_string(),
            });
        }
        None => line.push(Inline::Text(format!(
            ". Nguồn: {}",
            s.url.as_deref().unwrap_or(&s.source)
        ))),
    }
    line.push(Inline::Text(".".to_string()));
    line
}

/// Whether `url` may be made a link: `http` and `https` only (never `javascript:`, `data:` or
/// `file:`, which an article's address could carry if a source were hostile).
pub(crate) fn is_web_url(url: &str) -> bool {
    let u = url.trim();
    let lower: String = u.chars().take(8).collect::<String>().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// `TIN NỔI BẬT` → `Tin nổi bật`, for running text.
pub(crate) fn sentence_case(text: &str) -> String {
    let lower = tre_text::lower(text);
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `[1, 3]`.
pub(crate) fn cite_text(n: &[usize]) -> String {
    let list: Vec<String> = n.iter().map(|k| k.to_string()).collect();
    format!("[{}]", list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(7), "VII");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
        assert_eq!(decimal_vi(4.5), "4,5");
        assert_eq!(decimal_vi(2.0), "2");
        assert!(is_web_url("https://baoquocte.vn/a-1.html"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(is_web_url("http://é.vn/"));
        assert!(!is_web_url("ht"));
        assert!(!is_web_url("https://x.vn/\"onmouseover=1"));
    }
}

//! The knowledge base: what the articles say, linked across articles.
//!
//! Each article's extracted facts (tre-extract's JSON, stored beside the article) are turned
//! into rows the store can query ([`derive`]): entities under the extractor's stable ids with
//! every name they were written under, who is mentioned where, the officeholder ledger (every
//! person–title observation with the date it was seen), documents cited, events with their
//! participants and place, and pillars. [`catch_up`] keeps those rows in step with the store by
//! sequence number, like the search index: they are derived data, rebuilt at will.
//!
//! [`title_key`] is the canonical form under which the ledger files a title, so that
//! `Bộ trưởng Ngoại giao` and `Bộ trưởng Bộ Ngoại giao` are one post for `tre who`.
//!
//! **Architecture invariant:** [`derive`] and [`title_key`] are pure; only [`catch_up`] talks
//! to the store, through the `Store` trait.

mod ledger;
pub mod trends;

pub use ledger::{Contradiction, Holder, Standing, Tenure, holders_on, is_shared_post, tenures};

use std::collections::HashMap;
use tre_extract::Extraction;
use tre_store::{
    Article, ArticleKnowledge, CitationRow, EntityRow, EventRow, MentionRow, OfficeRow, PillarRow,
    Store, StoreError,
};

/// Version of the facts tre-extract produces; articles whose stored facts are older are
/// extracted again on the next ingest. Bump it whenever the extractor's output changes.
pub const EXTRACTOR_VERSION: i64 = 1;

/// The canonical key of a title: folded, abbreviations written out, and the redundant forms
/// of Vietnamese official titles reduced, so that the ways the press writes one post compare
/// equal: `Bộ trưởng Bộ Ngoại giao` and `Bộ trưởng Ngoại giao` → `bo truong ngoai giao`;
/// `Thủ tướng Chính phủ` → `thu tuong`; `Chủ tịch UBND tỉnh` → `chu tich uy ban nhan dan tinh`.
pub fn title_key(title: &str) -> String {
    let folded = tre_text::fold(&tre_text::normalize(title));
    let mut words: Vec<String> = Vec::new();
    for w in tre_text::tokens(&folded) {
        match w {
            "ubnd" => words.extend(["uy", "ban", "nhan", "dan"].map(String::from)),
            "hdnd" => words.extend(["hoi", "dong", "nhan", "dan"].map(String::from)),
            "tw" => words.extend(["trung", "uong"].map(String::from)),
            "bch" => words.extend(["ban", "chap", "hanh"].map(String::from)),
            "ctn" => words.extend(["chu", "tich", "nuoc"].map(String::from)),
            other => words.push(other.to_owned()),
        }
    }
    // "Bộ trưởng Bộ X", "Thứ trưởng Bộ X": the ministry is named twice.
    if words.len() > 3 && words[1] == "truong" && matches!(words[0].as_str(), "bo" | "thu") {
        if words[2] == "bo" {
            words.remove(2);
        }
        // "Thứ trưởng Thường trực Bộ X" keeps its qualifier, drops the second "Bộ".
        if words.len() > 5 && words[2] == "thuong" && words[3] == "truc" && words[4] == "bo" {
            words.remove(4);
        }
    }
    // "Thủ tướng Chính phủ" is the Vietnamese head of government: "Thủ tướng".
    if words.len() == 4 && words[..2] == ["thu", "tuong"] && words[2..] == ["chinh", "phu"] {
        words.truncate(2);
    }
    words.join(" ")
}

/// The countries an article concerns (ISO codes, sorted, each once): those of the places it
/// names (a country, or a city or province the lexicon knows the country of). This is what a
/// mission-scoped user's view is restricted by.
pub fn countries(x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x
        .places
        .iter()
        .filter_map(|p| p.country.as_deref())
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The knowledge rows of one article, from its stored facts.
pub fn derive(article: &Article, x: &Extraction) -> ArticleKnowledge {
    let span = |s: &tre_extract::Span| (s.start as i64, s.end as i64);
    let first_span = |v: &[tre_extract::Span]| v.iter().min_by_key(|s| s.start).map(span);
    let published_day = article
        .published
        .as_deref()
        .or(x.published.as_deref())
        .and_then(full_date);

    let mut k = ArticleKnowledge {
        article_id: article.id.clone(),
        ..Default::default()
    };
    let person_id: HashMap<&str, &str> = x
        .persons
        .iter()
        .map(|p| (p.name.as_str(), p.id.as_str()))
        .collect();

    for p in &x.persons {
        let mut names = vec![p.name.clone()];
        names.extend(p.canonical.iter().cloned());
        names.extend(p.international.iter().cloned());
        k.entities.push(entity(
            &p.id,
            "person",
            p.canonical.as_deref().unwrap_or(&p.name),
            names,
        ));
        k.mentions.push(MentionRow {
            entity_id: p.id.clone(),
            mentions: p.mentions.len().max(1) as i64,
            span: first_span(&p.mentions),
        });
        // A title is seen on the article's date; failing that, on the date of an event of the
        // article the person took part in.
        let seen_on = published_day.clone().or_else(|| {
            x.events
                .iter()
                .filter(|e| e.participants.iter().any(|n| n == &p.name))
                .find_map(|e| e.date.as_deref().and_then(full_date))
        });
        // A bare head ("Bộ trưởng", from a short reference) says nothing the full title the
        // same article gives the person ("Bộ trưởng Ngoại giao") does not: leave it out.
        let keys: Vec<String> = p
            .title_mentions
            .iter()
            .map(|t| title_key(&t.title))
            .collect();
        for (t, key) in p.title_mentions.iter().zip(&keys) {
            let prefix = format!("{key} ");
            if keys.iter().any(|k| k.starts_with(&prefix)) {
                continue;
            }
            k.offices.push(OfficeRow {
                person_id: p.id.clone(),
                title: t.title.clone(),
                title_key: key.clone(),
                head: t.head.clone(),
                rank: i64::from(t.rank),
                seen_on: seen_on.clone(),
                span: Some(span(&t.span)),
            });
        }
    }
    for o in &x.organizations {
        let mut names = vec![o.name.clone()];
        names.extend(o.canonical.iter().cloned());
        k.entities.push(entity(
            &o.id,
            "organization",
            o.canonical.as_deref().unwrap_or(&o.name),
            names,
        ));
        k.mentions.push(MentionRow {
            entity_id: o.id.clone(),
            mentions: o.mentions.len().max(1) as i64,
            span: first_span(&o.mentions),
        });
    }
    // A place written two ways (Ucraina, Ukraine) is two items with one id: one entity.
    let mut place_rows: Vec<(String, EntityRow, MentionRow)> = Vec::new();
    for pl in &x.places {
        match place_rows.iter_mut().find(|(id, _, _)| id == &pl.id) {
            Some((_, e, m)) => {
                add_name(e, &pl.name);
                m.mentions += pl.mentions.len().max(1) as i64;
                if let Some(s) = first_span(&pl.mentions)
                    && m.span.is_none_or(|cur| s.0 < cur.0)
                {
                    m.span = Some(s);
                }
            }
            None => {
                let mut names = vec![pl.name.clone()];
                names.extend(pl.canonical.iter().cloned());
                place_rows.push((
                    pl.id.clone(),
                    entity(
                        &pl.id,
                        "place",
                        pl.canonical.as_deref().unwrap_or(&pl.name),
                        names,
                    ),
                    MentionRow {
                        entity_id: pl.id.clone(),
                        mentions: pl.mentions.len().max(1) as i64,
                        span: first_span(&pl.mentions),
                    },
                ));
            }
        }
    }
    for (_, e, m) in place_rows {
        k.entities.push(e);
        k.mentions.push(m);
    }
    for d in &x.documents {
        k.entities.push(entity(
            &d.id,
            "document",
            &format!("{} {}", d.kind, d.number),
            vec![d.number.clone(), format!("{} {}", d.kind, d.number)],
        ));
        k.mentions.push(MentionRow {
            entity_id: d.id.clone(),
            mentions: d.mentions.len().max(1) as i64,
            span: first_span(&d.mentions),
        });
        k.citations.push(CitationRow {
            document_id: d.id.clone(),
            kind: d.kind.clone(),
            number: d.number.clone(),
            document_date: d.date.clone(),
            span: first_span(&d.mentions),
        });
    }
    for (i, e) in x.events.iter().enumerate() {
        let place_id = e.place.as_deref().and_then(|name| {
            x.places
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.id.clone())
        });
        let mut participants: Vec<(String, String)> = Vec::new();
        for name in &e.participants {
            let id = person_id
                .get(name.as_str())
                .map(|s| (*s).to_owned())
                .unwrap_or_else(|| format!("person:{}", name.to_lowercase()));
            if !participants.iter().any(|(p, _)| p == &id) {
                participants.push((id, name.clone()));
            }
        }
        k.events.push(EventRow {
            id: format!("{}#{i}", article.id),
            kind: e.kind.clone(),
            date: e.date.clone(),
            place: e.place.clone(),
            place_id,
            participants,
            span: first_span(&e.mentions),
        });
    }
    for p in &x.pillars {
        let evidence: Vec<&str> = p.evidence.iter().map(|e| e.cue.as_str()).collect();
        k.pillars.push(PillarRow {
            pillar: p.pillar.as_str().to_owned(),
            score: f64::from(p.score),
            evidence: serde_json::to_string(&evidence).unwrap_or_else(|_| "[]".to_owned()),
        });
    }
    k
}

fn entity(id: &str, kind: &str, name: &str, names: Vec<String>) -> EntityRow {
    let mut e = EntityRow {
        id: id.to_owned(),
        kind: kind.to_owned(),
        name: name.to_owned(),
        names: Vec::new(),
    };
    for n in names {
        add_name(&mut e, &n);
    }
    e
}

fn add_name(e: &mut EntityRow, name: &str) {
    if name.trim().is_empty() || e.names.iter().any(|(n, _)| n == name) {
        return;
    }
    e.names.push((name.to_owned(), name_key(name)));
}

/// The folded key entity names are looked up by (`Bùi Thanh Sơn` → `bui thanh son`): what
/// `tre person` and friends fold the user's words to as well.
pub fn name_key(name: &str) -> String {
    tre_text::fold(&tre_text::normalize(name))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `YYYY-MM-DD` from a date or date-time; `None` for partial dates (`--03-29`).
fn full_date(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    (b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit)).then(|| d.to_owned())
}

/// What a catch-up did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KbCatchUp {
    /// Articles whose knowledge rows were (re)written.
    pub articles: u64,
    /// Of those, articles without facts (ingested with extraction off, or unreadable facts).
    pub without_facts: u64,
}

/// Articles read from the store per transaction.
const PAGE: u32 = 500;

/// Brings the knowledge base up to date with the store: every article written since the last
/// catch-up gets its rows replaced from its facts. `progress(done, total)` is called per page.
pub async fn catch_up(
    store: &dyn Store,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<KbCatchUp, StoreError> {
    let mut seq = store.knowledge_seq().await?;
    let total = store.count_since(seq).await?.max(0) as u64;
    let mut done = KbCatchUp::default();
    if total == 0 {
        return Ok(done);
    }
    progress(0, total);
    loop {
        let page = store.articles_since(seq, PAGE).await?;
        let Some(last) = page.last() else { break };
        let last_seq = last.seq;
        let mut batch = Vec::with_capacity(page.len());
        for a in &page {
            let facts = a
                .facts
                .as_deref()
                .and_then(|j| serde_json::from_str::<Extraction>(j).ok());
            match facts {
                Some(x) => batch.push(derive(a, &x)),
                None => {
                    done.without_facts += 1;
                    // Clears rows left from an earlier version of the article.
                    batch.push(ArticleKnowledge {
                        article_id: a.id.clone(),
                        ..Default::default()
                    });
                }
            }
        }
        store.replace_knowledge(&batch, last_seq).await?;
        done.articles += page.len() as u64;
        seq = last_seq;
        progress(done.articles, total.max(done.articles));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_post_however_the_press_writes_it() {
        assert_eq!(title_key("Bộ trưởng Bộ Ngoại giao"), "bo truong ngoai giao");
        assert_eq!(title_key("Bộ trưởng Ngoại giao"), "bo truong ngoai giao");
        assert_eq!(title_key("Bộ Trưởng Ngoại Giao"), "bo truong ngoai giao");
        assert_eq!(
            title_key("Thứ trưởng Bộ Ngoại giao"),
            "thu truong ngoai giao"
        );
        assert_eq!(
            title_key("Thứ trưởng Thường trực Bộ Ngoại giao"),
            "thu truong thuong truc ngoai giao"
        );
        assert_eq!(title_key("Thủ tướng Chính phủ"), "thu tuong");
        assert_eq!(title_key("Thủ tướng"), "thu tuong");
        assert_eq!(title_key("Thủ tướng Singapore"), "thu tuong singapore");
        assert_eq!(
            title_key("Phó Chủ tịch UBND tỉnh"),
            "pho chu tich uy ban nhan dan tinh"
        );
        assert_eq!(
            title_key("Bí thư TW Đảng"),
            title_key("Bí thư Trung ương Đảng")
        );
        // Different posts stay different.
        assert_ne!(
            title_key("Bộ trưởng Quốc phòng"),
            title_key("Bộ trưởng Ngoại giao")
        );
        assert_ne!(title_key("Bộ trưởng"), title_key("Thứ trưởng"));
    }

    #[test]
    fn dates() {
        assert_eq!(full_date("2023-01-10T17:37").as_deref(), Some("2023-01-10"));
        assert_eq!(full_date("--03-29"), None);
        assert_eq!(name_key("  Bùi   Thanh Sơn "), "bui thanh son");
    }
}

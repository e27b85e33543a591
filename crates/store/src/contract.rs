//! The contract every [`Store`] implementation must meet, as one suite of tests that each
//! backend instantiates with [`store_contract_tests!`](crate::store_contract_tests).
//!
//! A backend provides a [`Harness`]: something that can open (and re-open) one fresh, empty
//! store. The suite then checks behaviour a user would notice: nothing duplicated, nothing
//! lost, updates visible, derived data able to catch up by sequence number.

use crate::{
    ArticleContent, ArticleKnowledge, CitationRow, Desk, DeskDefinition, EntityRow, EventFilter,
    EventRow, Facts, MentionRow, NewArticle, OfficeFilter, OfficeRow, PillarRow, Situation,
    SituationFilter, Store, UpsertOutcome,
};
use async_trait::async_trait;
use std::collections::HashSet;
use tre_text::NormText;

/// Opens one fresh store, as many times as asked (every open sees the same data).
#[async_trait]
pub trait Harness: Send + Sync {
    type S: Store + 'static;
    async fn open(&self) -> Self::S;
    /// Runs raw SQL on the store's database behind tre's back: an intruder with access to the
    /// database (the audit log's tamper tests).
    async fn tamper(&self, sql: &str);
}

/// Instantiates the contract suite inside a test module. The expression is evaluated once per
/// test and yields `Option<impl Harness>`: a fresh store's harness, or `None` to skip (a backend
/// whose server is not configured on this machine; it should say so on stderr).
#[macro_export]
macro_rules! store_contract_tests {
    ($harness:expr) => {
        $crate::store_contract_tests!(@tests $harness;
            new_store_is_empty,
            article_round_trips_every_field,
            same_article_twice_is_stored_once,
            changed_article_is_updated_not_duplicated,
            repeated_id_inside_one_batch,
            articles_since_pages_in_sequence_order,
            updates_move_to_the_end_of_the_sequence,
            stats_count_outlets_and_dates,
            store_id_survives_reopening,
            concurrent_writers_get_distinct_sequence_numbers,
            large_batch_round_trips,
            recent_versions_from_another_source_are_protected,
            facts_are_kept_and_refreshed_by_a_newer_extractor,
            knowledge_answers_the_questions_it_is_for,
            replacing_knowledge_never_duplicates,
            desks_and_situations_keep_their_history,
            restricted_views_see_only_what_they_may,
            classified_desks_and_situations_are_hidden_below_clearance,
            accounts_and_sessions,
            audit_log_chains_and_shows_tampering,
        );
    };
    (@tests $harness:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let Some(harness) = $harness else { return };
                $crate::contract::$name(&harness).await;
            }
        )*
    };
}

/// A sample article with Vietnamese text in every field.
pub fn sample(id: &str, title: &str) -> NewArticle {
    NewArticle::new(
        id.to_owned(),
        format!("samples/{id}.txt"),
        ArticleContent {
            url: Some(format!("https://example.vn/{id}")),
            outlet: Some(NormText::new("Báo Thế giới & Việt Nam")),
            section: Some(NormText::new("Thời sự")),
            title: NormText::new(title),
            lead: Some(NormText::new(
                "Tối ngày 28/4, tại Nhà khách Chính phủ, Bộ trưởng Ngoại giao Bùi Thanh Sơn làm việc.",
            )),
            paragraphs: vec![
                NormText::new("Nghị quyết số 34-NQ/TW, ngày 9/1/2023 về đối ngoại."),
                NormText::new("Ủy ban Kiểm tra Trung ương; “cây tre Việt Nam”."),
            ],
            captions: vec![NormText::new("Bộ trưởng phát biểu tại buổi làm việc.")],
            credits: vec![NormText::new("Đăng Khoa")],
            byline: Some(NormText::new("Phương Diệp (TTXVN/Vietnam+)")),
            source_line: Some(NormText::new("Theo CPV")),
            published: Some("2023-04-28".to_owned()),
            page_date: Some("2023-04-29".to_owned()),
            classification: 0,
        },
    )
}

fn edited(a: &NewArticle, extra: &str) -> NewArticle {
    let mut c = a.content().clone();
    c.paragraphs.push(NormText::new(extra));
    NewArticle::new(a.id().to_owned(), a.source().to_owned(), c)
}

fn with_outlet(a: &NewArticle, outlet: Option<&str>, published: Option<&str>) -> NewArticle {
    let mut c = a.content().clone();
    c.outlet = outlet.map(NormText::new);
    c.published = published.map(str::to_owned);
    NewArticle::new(a.id().to_owned(), a.source().to_owned(), c)
}

pub async fn new_store_is_empty<H: Harness>(h: &H) {
    let s = h.open().await;
    let st = s.stats().await.expect("stats");
    assert_eq!(st.articles, 0);
    assert_eq!(st.max_seq, 0);
    assert!(st.outlets.is_empty());
    assert!(s.article("missing").await.expect("read").is_none());
    assert!(s.articles_since(0, 10).await.expect("since").is_empty());
    assert!(!s.store_id().is_empty());
}

pub async fn article_round_trips_every_field<H: Harness>(h: &H) {
    let s = h.open().await;
    let a = sample(
        "000_tran_cam_tu",
        "Nhiệm vụ trọng tâm của công tác đối ngoại",
    );
    let out = s
        .upsert_articles(std::slice::from_ref(&a), None)
        .await
        .expect("upsert");
    assert_eq!(out, vec![UpsertOutcome::New]);
    let got = s.article(a.id()).await.expect("read").expect("stored");
    let c = a.content();
    assert_eq!(got.id, a.id());
    assert_eq!(got.source, a.source());
    assert_eq!(got.url, c.url);
    assert_eq!(got.outlet.as_deref(), c.outlet.as_deref());
    assert_eq!(got.section.as_deref(), c.section.as_deref());
    assert_eq!(got.title, c.title.as_str());
    assert_eq!(got.lead.as_deref(), c.lead.as_deref());
    let paragraphs: Vec<&str> = c.paragraphs.iter().map(|p| p.as_str()).collect();
    assert_eq!(got.paragraphs, paragraphs);
    assert_eq!(got.captions, ["Bộ trưởng phát biểu tại buổi làm việc."]);
    assert_eq!(got.credits, ["Đăng Khoa"]);
    assert_eq!(got.byline.as_deref(), Some("Phương Diệp (TTXVN/Vietnam+)"));
    assert_eq!(got.source_line.as_deref(), Some("Theo CPV"));
    assert_eq!(got.published.as_deref(), Some("2023-04-28"));
    assert_eq!(got.page_date.as_deref(), Some("2023-04-29"));
    assert_eq!(got.content_hash, a.content_hash());
    assert!(got.seq > 0);
    assert!(
        got.ingested_at > 1_600_000_000_000,
        "ingested_at is unix ms"
    );
    assert_eq!(got.body(), a.body());

    // Absent optional fields stay absent.
    let bare = NewArticle::new(
        "bare".into(),
        "bare.txt".into(),
        ArticleContent {
            title: NormText::new("Chỉ có tiêu đề"),
            paragraphs: vec![NormText::new("Một đoạn.")],
            ..Default::default()
        },
    );
    s.upsert_articles(std::slice::from_ref(&bare), None)
        .await
        .expect("upsert");
    let got = s.article("bare").await.expect("read").expect("stored");
    assert_eq!(got.url, None);
    assert_eq!(got.outlet, None);
    assert_eq!(got.lead, None);
    assert!(got.captions.is_empty());
    assert_eq!(got.published, None);
}

pub async fn same_article_twice_is_stored_once<H: Harness>(h: &H) {
    let s = h.open().await;
    let a = sample("a1", "Bộ Ngoại giao triển khai nhiệm vụ năm 2023");
    assert_eq!(
        s.upsert_articles(std::slice::from_ref(&a), None)
            .await
            .unwrap(),
        [UpsertOutcome::New]
    );
    let first = s.article("a1").await.unwrap().unwrap();
    // The same content read from another path is the same article, unchanged.
    let again = NewArticle::new("a1".into(), "elsewhere/a1.txt".into(), a.content().clone());
    assert_eq!(
        s.upsert_articles(&[again], None).await.unwrap(),
        [UpsertOutcome::Unchanged]
    );
    let st = s.stats().await.unwrap();
    assert_eq!(st.articles, 1);
    let second = s.article("a1").await.unwrap().unwrap();
    assert_eq!(second.seq, first.seq, "an unchanged article keeps its seq");
    assert_eq!(st.max_seq, first.seq);
}

pub async fn changed_article_is_updated_not_duplicated<H: Harness>(h: &H) {
    let s = h.open().await;
    let a = sample("a1", "Tin gốc");
    s.upsert_articles(std::slice::from_ref(&a), None)
        .await
        .unwrap();
    let before = s.article("a1").await.unwrap().unwrap();
    let b = edited(&a, "Đoạn bổ sung sau khi sửa bài.");
    assert_eq!(
        s.upsert_articles(std::slice::from_ref(&b), None)
            .await
            .unwrap(),
        [UpsertOutcome::Updated]
    );
    let after = s.article("a1").await.unwrap().unwrap();
    assert_eq!(s.stats().await.unwrap().articles, 1);
    assert!(after.seq > before.seq, "an update takes a new seq");
    assert_eq!(after.ingested_at, before.ingested_at);
    assert!(after.updated_at >= before.updated_at);
    assert_eq!(
        after.paragraphs.last().map(String::as_str),
        Some("Đoạn bổ sung sau khi sửa bài.")
    );
    assert_eq!(after.content_hash, b.content_hash());
}

pub async fn repeated_id_inside_one_batch<H: Harness>(h: &H) {
    let s = h.open().await;
    let a = sample("dup", "Một bài");
    let b = edited(&a, "Bản sửa.");
    let out = s
        .upsert_articles(&[a.clone(), a.clone(), b.clone()], None)
        .await
        .unwrap();
    assert_eq!(
        out,
        [
            UpsertOutcome::New,
            UpsertOutcome::Unchanged,
            UpsertOutcome::Updated
        ]
    );
    assert_eq!(s.stats().await.unwrap().articles, 1);
    let got = s.article("dup").await.unwrap().unwrap();
    assert_eq!(got.content_hash, b.content_hash());
}

pub async fn articles_since_pages_in_sequence_order<H: Harness>(h: &H) {
    let s = h.open().await;
    let batch: Vec<NewArticle> = (0..25)
        .map(|i| sample(&format!("p{i:02}"), &format!("Bài số {i}")))
        .collect();
    s.upsert_articles(&batch[..10], None).await.unwrap();
    s.upsert_articles(&batch[10..], None).await.unwrap();
    let mut seen = Vec::new();
    let mut after = 0;
    loop {
        let page = s.articles_since(after, 7).await.unwrap();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 7);
        for a in &page {
            assert!(
                a.seq > after,
                "seq must increase: {} after {}",
                a.seq,
                after
            );
            after = a.seq;
            seen.push(a.id.clone());
        }
    }
    let expected: Vec<String> = batch.iter().map(|a| a.id().to_owned()).collect();
    assert_eq!(seen, expected, "every article once, in write order");
    assert_eq!(s.count_since(0).await.unwrap(), 25);
    assert_eq!(s.count_since(after).await.unwrap(), 0);
    assert_eq!(s.stats().await.unwrap().max_seq, after);
}

pub async fn updates_move_to_the_end_of_the_sequence<H: Harness>(h: &H) {
    let s = h.open().await;
    let batch: Vec<NewArticle> = (0..5)
        .map(|i| sample(&format!("u{i}"), &format!("Bài {i}")))
        .collect();
    s.upsert_articles(&batch, None).await.unwrap();
    let high = s.stats().await.unwrap().max_seq;
    s.upsert_articles(&[edited(&batch[2], "Cập nhật.")], None)
        .await
        .unwrap();
    s.upsert_articles(std::slice::from_ref(&batch[3]), None)
        .await
        .unwrap(); // unchanged: nothing new to catch up on
    let since = s.articles_since(high, 100).await.unwrap();
    let ids: Vec<&str> = since.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["u2"]);
}

pub async fn stats_count_outlets_and_dates<H: Harness>(h: &H) {
    let s = h.open().await;
    let base = sample("s0", "Thống kê");
    let arts = [
        with_outlet(&base, Some("VnExpress"), Some("2005-03-01")),
        with_outlet(
            &sample("s1", "Hai"),
            Some("VnExpress"),
            Some("2006-12-31T08:15"),
        ),
        with_outlet(&sample("s2", "Ba"), Some("Tuổi Trẻ"), None),
        with_outlet(&sample("s3", "Bốn"), None, Some("2004-01-02")),
    ];
    s.upsert_articles(&arts, None).await.unwrap();
    let st = s.stats().await.unwrap();
    assert_eq!(st.articles, 4);
    assert_eq!(st.undated, 1);
    assert_eq!(st.earliest_published.as_deref(), Some("2004-01-02"));
    assert_eq!(st.latest_published.as_deref(), Some("2006-12-31T08:15"));
    let counts: Vec<(Option<&str>, i64)> = st
        .outlets
        .iter()
        .map(|o| (o.outlet.as_deref(), o.articles))
        .collect();
    assert_eq!(counts[0], (Some("VnExpress"), 2), "largest outlet first");
    assert!(counts.contains(&(Some("Tuổi Trẻ"), 1)));
    assert!(counts.contains(&(None, 1)));
}

pub async fn store_id_survives_reopening<H: Harness>(h: &H) {
    let s = h.open().await;
    let id = s.store_id().to_owned();
    s.upsert_articles(&[sample("r1", "Mở lại")], None)
        .await
        .unwrap();
    drop(s);
    let s2 = h.open().await;
    assert_eq!(s2.store_id(), id);
    assert!(s2.article("r1").await.unwrap().is_some());
}

pub async fn concurrent_writers_get_distinct_sequence_numbers<H: Harness>(h: &H) {
    let s1 = h.open().await;
    let s2 = h.open().await;
    let a: Vec<NewArticle> = (0..40)
        .map(|i| sample(&format!("c1-{i}"), &format!("Luồng một {i}")))
        .collect();
    let b: Vec<NewArticle> = (0..40)
        .map(|i| sample(&format!("c2-{i}"), &format!("Luồng hai {i}")))
        .collect();
    let t1 = async {
        for chunk in a.chunks(5) {
            s1.upsert_articles(chunk, None).await.expect("writer one");
        }
    };
    let t2 = async {
        for chunk in b.chunks(5) {
            s2.upsert_articles(chunk, None).await.expect("writer two");
        }
    };
    tokio::join!(t1, t2);
    let all = s1.articles_since(0, 1000).await.unwrap();
    assert_eq!(all.len(), 80);
    let seqs: HashSet<i64> = all.iter().map(|a| a.seq).collect();
    assert_eq!(seqs.len(), 80, "sequence numbers are unique");
}

pub async fn large_batch_round_trips<H: Harness>(h: &H) {
    let s = h.open().await;
    // Beyond SQLite's and PostgreSQL's bind-parameter limits if sent as one statement.
    let batch: Vec<NewArticle> = (0..3000)
        .map(|i| sample(&format!("big{i:05}"), &format!("Tin {i}")))
        .collect();
    let out = s.upsert_articles(&batch, None).await.expect("large batch");
    assert!(out.iter().all(|o| *o == UpsertOutcome::New));
    assert_eq!(s.stats().await.unwrap().articles, 3000);
    let out = s.upsert_articles(&batch, None).await.expect("again");
    assert!(out.iter().all(|o| *o == UpsertOutcome::Unchanged));
}

pub async fn recent_versions_from_another_source_are_protected<H: Harness>(h: &H) {
    let s = h.open().await;
    let old = sample("idx", "Bản cũ");
    s.upsert_articles(std::slice::from_ref(&old), None)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let run = now_ms();
    // A run may update what was written before it started, from any source...
    let a = NewArticle::new(
        "idx".into(),
        "run/a/index.txt".into(),
        edited(&old, "A.").content().clone(),
    );
    assert_eq!(
        s.upsert_articles(std::slice::from_ref(&a), Some(run))
            .await
            .unwrap(),
        [UpsertOutcome::Updated]
    );
    // ...but not replace, from another source, what it wrote itself.
    let b = NewArticle::new(
        "idx".into(),
        "run/b/index.txt".into(),
        edited(&old, "B.").content().clone(),
    );
    assert_eq!(
        s.upsert_articles(std::slice::from_ref(&b), Some(run))
            .await
            .unwrap(),
        [UpsertOutcome::Conflict("run/a/index.txt".into())]
    );
    let got = s.article("idx").await.unwrap().unwrap();
    assert_eq!(got.content_hash, a.content_hash(), "A's version kept");
    // The same source may update its own version (a file edited during the run), and the
    // same content from another source is simply unchanged.
    let a2 = NewArticle::new(
        "idx".into(),
        "run/a/index.txt".into(),
        edited(&old, "A2.").content().clone(),
    );
    let b_same = NewArticle::new("idx".into(), "run/b/index.txt".into(), a2.content().clone());
    assert_eq!(
        s.upsert_articles(&[a2, b_same], Some(run)).await.unwrap(),
        [UpsertOutcome::Updated, UpsertOutcome::Unchanged]
    );
    // Inside one batch too.
    let c = NewArticle::new(
        "idx2".into(),
        "x/1".into(),
        sample("idx2", "Một").content().clone(),
    );
    let d = NewArticle::new(
        "idx2".into(),
        "x/2".into(),
        sample("idx2", "Hai").content().clone(),
    );
    let out = s.upsert_articles(&[c, d], Some(run)).await.unwrap();
    assert_eq!(
        out,
        [UpsertOutcome::New, UpsertOutcome::Conflict("x/1".into())]
    );
    assert_eq!(s.stats().await.unwrap().articles, 2);
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

pub async fn facts_are_kept_and_refreshed_by_a_newer_extractor<H: Harness>(h: &H) {
    let s = h.open().await;
    let facts = |v: i64, j: &str| Facts {
        version: v,
        json: j.to_owned(),
        countries: vec!["VN".into()],
    };
    let a = sample("f1", "Có dữ kiện").with_facts(facts(1, r#"{"persons":[]}"#));
    assert_eq!(
        s.upsert_articles(std::slice::from_ref(&a), None)
            .await
            .unwrap(),
        [UpsertOutcome::New]
    );
    let first = s.article("f1").await.unwrap().unwrap();
    assert_eq!(first.facts.as_deref(), Some(r#"{"persons":[]}"#));
    assert_eq!(first.facts_version, 1);
    // Same content, same extractor: nothing written.
    s.upsert_articles(std::slice::from_ref(&a), None)
        .await
        .unwrap();
    assert_eq!(s.article("f1").await.unwrap().unwrap().seq, first.seq);
    // A newer extractor: the facts are rewritten and the article comes back for catch-up.
    let newer = sample("f1", "Có dữ kiện").with_facts(facts(2, r#"{"persons":[1]}"#));
    assert_eq!(
        s.upsert_articles(std::slice::from_ref(&newer), None)
            .await
            .unwrap(),
        [UpsertOutcome::Unchanged]
    );
    let second = s.article("f1").await.unwrap().unwrap();
    assert_eq!(second.facts_version, 2);
    assert!(
        second.seq > first.seq,
        "derived data must see the new facts"
    );
    assert_eq!(second.ingested_at, first.ingested_at);
    // An older extractor never overwrites newer facts.
    let older = sample("f1", "Có dữ kiện").with_facts(facts(1, "{}"));
    s.upsert_articles(std::slice::from_ref(&older), None)
        .await
        .unwrap();
    assert_eq!(s.article("f1").await.unwrap().unwrap().facts_version, 2);
    // Changed content without facts: the old facts no longer describe it.
    let changed = edited(&sample("f1", "Có dữ kiện"), "Đoạn mới.");
    s.upsert_articles(std::slice::from_ref(&changed), None)
        .await
        .unwrap();
    let third = s.article("f1").await.unwrap().unwrap();
    assert_eq!(third.facts, None);
    assert_eq!(third.facts_version, 0);
}

fn knowledge_of(article: &str, day: Option<&str>, person: &str, title: &str) -> ArticleKnowledge {
    let pid = format!("person:{}", person.to_lowercase());
    ArticleKnowledge {
        article_id: article.to_owned(),
        entities: vec![
            EntityRow {
                id: pid.clone(),
                kind: "person".into(),
                name: person.into(),
                names: vec![(person.into(), tre_text::fold(person))],
            },
            EntityRow {
                id: "org:bộ ngoại giao".into(),
                kind: "organization".into(),
                name: "Bộ Ngoại giao".into(),
                names: vec![
                    ("Bộ Ngoại giao".into(), "bo ngoai giao".into()),
                    ("BNG".into(), "bng".into()),
                ],
            },
            EntityRow {
                id: "doc:34-NQ/TW".into(),
                kind: "document".into(),
                name: "Nghị quyết 34-NQ/TW".into(),
                names: vec![("34-NQ/TW".into(), "34-nq/tw".into())],
            },
        ],
        mentions: vec![
            MentionRow {
                entity_id: pid.clone(),
                mentions: 3,
                span: Some((10, 23)),
            },
            MentionRow {
                entity_id: "org:bộ ngoại giao".into(),
                mentions: 1,
                span: None,
            },
        ],
        offices: vec![OfficeRow {
            person_id: pid.clone(),
            title: title.into(),
            title_key: tre_text::fold(title),
            head: "Bộ trưởng".into(),
            rank: 70,
            seen_on: day.map(str::to_owned),
            span: Some((0, 9)),
        }],
        citations: vec![CitationRow {
            document_id: "doc:34-NQ/TW".into(),
            kind: "Nghị quyết".into(),
            number: "34-NQ/TW".into(),
            document_date: Some("2023-01-09".into()),
            span: Some((40, 48)),
        }],
        events: vec![EventRow {
            id: format!("{article}#0"),
            kind: "meeting".into(),
            date: day.map(str::to_owned),
            place: Some("Nhà khách Chính phủ".into()),
            place_id: Some("place:nhà khách chính phủ".into()),
            participants: vec![(pid, person.into())],
            span: Some((0, 30)),
        }],
        pillars: vec![PillarRow {
            pillar: "political".into(),
            score: 0.8,
            evidence: r#"["làm việc"]"#.into(),
        }],
    }
}

pub async fn knowledge_answers_the_questions_it_is_for<H: Harness>(h: &H) {
    let s = h.open().await;
    let mut a1 = sample("k1", "Bộ trưởng làm việc").content().clone();
    a1.published = Some("2023-04-28".into());
    let mut a2 = sample("k2", "Thứ trưởng tiếp").content().clone();
    a2.published = Some("2021-06-01".into());
    let mut a3 = sample("k3", "Không ngày").content().clone();
    a3.published = None;
    let arts = [
        NewArticle::new("k1".into(), "k1.txt".into(), a1),
        NewArticle::new("k2".into(), "k2.txt".into(), a2),
        NewArticle::new("k3".into(), "k3.txt".into(), a3),
    ];
    s.upsert_articles(&arts, None).await.unwrap();
    assert_eq!(s.knowledge_seq().await.unwrap(), 0);
    let kb = [
        knowledge_of(
            "k1",
            Some("2023-04-28"),
            "Bùi Thanh Sơn",
            "Bộ trưởng Ngoại giao",
        ),
        knowledge_of(
            "k2",
            Some("2021-06-01"),
            "Bùi Thanh Sơn",
            "Thứ trưởng Thường trực Bộ Ngoại giao",
        ),
        knowledge_of("k3", None, "Lê Hoài Trung", "Bộ trưởng Ngoại giao"),
    ];
    s.replace_knowledge(&kb, 3).await.unwrap();
    assert_eq!(s.knowledge_seq().await.unwrap(), 3);

    // Finding people by what a user types.
    let found = s
        .find_entities(Some("person"), "bui thanh son", 10)
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, "person:bùi thanh sơn");
    assert_eq!(found[0].articles, 2);
    assert_eq!(
        s.find_entities(None, "bui", 10).await.unwrap()[0].name,
        "Bùi Thanh Sơn"
    );
    assert!(
        s.find_entities(Some("organization"), "bui", 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.find_entities(None, "bng", 10).await.unwrap()[0].id,
        "org:bộ ngoại giao"
    );
    // LIKE wildcards typed by a user are literal.
    assert!(s.find_entities(None, "%", 10).await.unwrap().is_empty());
    assert!(s.find_entities(None, "_", 10).await.unwrap().is_empty());
    let e = s.entity("org:bộ ngoại giao").await.unwrap().unwrap();
    assert_eq!((e.kind.as_str(), e.articles), ("organization", 3));
    assert!(s.entity("person:nobody").await.unwrap().is_none());

    // Articles, newest first, undated last.
    let arts = s.entity_articles("org:bộ ngoại giao", 10).await.unwrap();
    let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["k1", "k2", "k3"]);
    assert_eq!(arts[0].source, "k1.txt");

    // The ledger: a person's titles over time; who held a title.
    let son = s
        .offices(&OfficeFilter {
            person_id: Some("person:bùi thanh sơn".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    let titles: Vec<(&str, Option<&str>)> = son
        .iter()
        .map(|o| (o.title.as_str(), o.seen_on.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            ("Thứ trưởng Thường trực Bộ Ngoại giao", Some("2021-06-01")),
            ("Bộ trưởng Ngoại giao", Some("2023-04-28"))
        ]
    );
    assert_eq!(son[1].article.id, "k1");
    assert_eq!(son[1].person, "Bùi Thanh Sơn");
    let ministers = s
        .offices(&OfficeFilter {
            title_key: Some(tre_text::fold("Bộ trưởng Ngoại giao")),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    let who: Vec<&str> = ministers.iter().map(|o| o.person.as_str()).collect();
    assert_eq!(
        who,
        ["Bùi Thanh Sơn", "Lê Hoài Trung"],
        "dated first, undated last"
    );
    let later = s
        .offices(&OfficeFilter {
            title_key: Some(tre_text::fold("Bộ trưởng Ngoại giao")),
            seen_after: Some("2023-01-01".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(later.len(), 1, "undated and earlier sightings left out");
    assert_eq!(later[0].person, "Bùi Thanh Sơn");
    assert!(
        s.offices(&OfficeFilter {
            title_key: Some(tre_text::fold("Bộ trưởng Ngoại giao")),
            seen_before: Some("2023-04-28".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap()
        .is_empty()
    );
    let others = s
        .offices(&OfficeFilter {
            title_key: Some(tre_text::fold("Bộ trưởng Ngoại giao")),
            exclude_person: Some("person:bùi thanh sơn".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    let who: Vec<&str> = others.iter().map(|o| o.person.as_str()).collect();
    assert_eq!(who, ["Lê Hoài Trung"]);

    // Events by date, type, person and place.
    let all = s
        .events(&EventFilter {
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].date.as_deref(), Some("2021-06-01"));
    assert_eq!(all[2].date, None);
    assert_eq!(all[0].participants[0].name, "Bùi Thanh Sơn");
    let in_2023 = s
        .events(&EventFilter {
            from: Some("2023-01-01".into()),
            to: Some("2023-12-31".into()),
            kind: Some("meeting".into()),
            person_id: Some("person:bùi thanh sơn".into()),
            place_id: Some("place:nhà khách chính phủ".into()),
            limit: 50,
        })
        .await
        .unwrap();
    assert_eq!(in_2023.len(), 1);
    assert_eq!(in_2023[0].article.id, "k1");
    let none = s
        .events(&EventFilter {
            kind: Some("signing".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(none.is_empty());

    // Every article citing a document, oldest first.
    let cites = s.citations("doc:34-NQ/TW").await.unwrap();
    let ids: Vec<&str> = cites.iter().map(|c| c.article.id.as_str()).collect();
    assert_eq!(ids, ["k2", "k1", "k3"]);
    assert_eq!(cites[0].document_date.as_deref(), Some("2023-01-09"));

    // Series by day: the publication date, or the day an undated article arrived.
    let today = crate::arrival_day(now_ms());
    let series = s
        .entity_series("org:bộ ngoại giao", "2021-01-01", "2999-12-31")
        .await
        .unwrap();
    assert_eq!(
        series,
        [
            ("2021-06-01".to_owned(), 1),
            ("2023-04-28".to_owned(), 1),
            (today.clone(), 1)
        ]
    );
    assert_eq!(
        s.entity_series("org:bộ ngoại giao", "2022-01-01", "2023-12-31")
            .await
            .unwrap(),
        [("2023-04-28".to_owned(), 1)]
    );
    assert_eq!(
        s.pillar_series("political", "2000-01-01", "2999-12-31")
            .await
            .unwrap()
            .len(),
        3
    );
    let counts = s
        .daily_counts("2023-01-01", "2023-12-31", Some("person"), None)
        .await
        .unwrap();
    assert_eq!(
        counts,
        [(
            "person:bùi thanh sơn".to_owned(),
            "2023-04-28".to_owned(),
            1
        )]
    );
    let only_org = s
        .daily_counts(
            "2021-01-01",
            "2023-12-31",
            None,
            Some(&["org:bộ ngoại giao".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(
        only_org,
        [
            ("org:bộ ngoại giao".to_owned(), "2021-06-01".to_owned(), 1),
            ("org:bộ ngoại giao".to_owned(), "2023-04-28".to_owned(), 1)
        ],
        "restricted to the named entities"
    );
    assert_eq!(
        s.day_range().await.unwrap(),
        (Some("2021-06-01".to_owned()), Some(today))
    );

    // A day's articles about a desk's subjects.
    let store = &s;
    let on = |from: &str, to: &str, e: &[&str], p: &[&str]| {
        let e: Vec<String> = e.iter().map(|x| x.to_string()).collect();
        let p: Vec<String> = p.iter().map(|x| x.to_string()).collect();
        let (from, to) = (from.to_owned(), to.to_owned());
        async move {
            store
                .articles_on_days(&from, &to, &e, &p, 100)
                .await
                .unwrap()
                .into_iter()
                .map(|a| a.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(on("2023-04-28", "2023-04-28", &[], &[]).await, ["k1"]);
    assert_eq!(
        on("2021-01-01", "2023-12-31", &["person:bùi thanh sơn"], &[]).await,
        ["k1", "k2"],
        "latest day first"
    );
    assert!(
        on("2021-01-01", "2023-12-31", &["person:lê hoài trung"], &[])
            .await
            .is_empty()
    );
    assert_eq!(
        on(
            "2021-01-01",
            "2023-12-31",
            &["person:nobody"],
            &["political"]
        )
        .await,
        ["k1", "k2"]
    );
    let by_ids = s
        .articles_by_ids(&["k3".into(), "nope".into(), "k1".into()])
        .await
        .unwrap();
    let ids: Vec<&str> = by_ids.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["k3", "k1"]);
    assert!(by_ids[1].facts.is_none() && by_ids[1].day.as_deref() == Some("2023-04-28"));
    let outlets = s.outlet_days("2021-01-01", "2023-12-31").await.unwrap();
    assert_eq!(outlets.len(), 2, "{outlets:?}");
    assert!(outlets.contains(&(
        Some("Báo Thế giới & Việt Nam".into()),
        "2021-06-01".into(),
        1
    )));

    // Who appears with whom.
    let with = s.cooccurring("person:bùi thanh sơn", 10).await.unwrap();
    assert_eq!(with[0].0.id, "org:bộ ngoại giao");
    assert_eq!(with[0].1, 2);
    assert!(with.iter().all(|(e, _)| e.id != "person:bùi thanh sơn"));
}

pub async fn replacing_knowledge_never_duplicates<H: Harness>(h: &H) {
    let s = h.open().await;
    s.upsert_articles(&[sample("r1", "Một")], None)
        .await
        .unwrap();
    let kb = knowledge_of(
        "r1",
        Some("2023-01-01"),
        "Trần Cẩm Tú",
        "Chủ nhiệm Ủy ban Kiểm tra Trung ương",
    );
    s.replace_knowledge(std::slice::from_ref(&kb), 1)
        .await
        .unwrap();
    s.replace_knowledge(std::slice::from_ref(&kb), 1)
        .await
        .unwrap();
    let offices = s
        .offices(&OfficeFilter {
            person_id: Some("person:trần cẩm tú".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(offices.len(), 1, "replaced, not added");
    let events = s
        .events(&EventFilter {
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].participants.len(), 1);
    // New facts for the article replace the old rows entirely.
    let mut other = knowledge_of("r1", None, "Võ Văn Thưởng", "Thường trực Ban Bí thư");
    other.events.clear();
    s.replace_knowledge(&[other], 2).await.unwrap();
    assert!(
        s.offices(&OfficeFilter {
            person_id: Some("person:trần cẩm tú".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap()
        .is_empty()
    );
    assert!(
        s.events(&EventFilter {
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap()
        .is_empty()
    );
    assert_eq!(
        s.entity("person:võ văn thưởng")
            .await
            .unwrap()
            .unwrap()
            .articles,
        1
    );
    assert_eq!(
        s.entity("person:trần cẩm tú")
            .await
            .unwrap()
            .unwrap()
            .articles,
        0
    );
}

pub async fn desks_and_situations_keep_their_history<H: Harness>(h: &H) {
    let s = h.open().await;
    let japan = Desk {
        id: "nhat-ban".into(),
        name: "Nhật Bản".into(),
        definition: DeskDefinition {
            places: vec!["Nhật Bản".into(), "Tokyo".into()],
            pillars: vec!["economic".into()],
            keywords: vec!["ODA".into()],
            ..Default::default()
        },
        officers: vec!["lan.nguyen".into()],
        updated_at: 1,
        classification: 0,
    };
    s.put_desk(&japan).await.unwrap();
    let mut asean = japan.clone();
    asean.id = "asean".into();
    asean.name = "ASEAN".into();
    s.put_desk(&asean).await.unwrap();
    let desks = s.desks().await.unwrap();
    let names: Vec<&str> = desks.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["ASEAN", "Nhật Bản"]);
    assert_eq!(s.desk("nhat-ban").await.unwrap().unwrap(), japan);
    // Replacing a desk keeps one.
    let mut renamed = japan.clone();
    renamed.name = "Vụ Đông Bắc Á — Nhật Bản".into();
    s.put_desk(&renamed).await.unwrap();
    assert_eq!(s.desks().await.unwrap().len(), 2);
    assert!(s.desk("none").await.unwrap().is_none());

    let mut sit = Situation {
        id: "oda-2006".into(),
        desk_id: Some("nhat-ban".into()),
        title: "ODA Nhật Bản 2006".into(),
        query: "ODA Nhật Bản".into(),
        owner: Some("lan.nguyen".into()),
        status: "new".into(),
        created_at: 100,
        updated_at: 100,
        last_briefed_day: None,
        classification: 0,
    };
    s.put_situation(&sit, "truong.phong").await.unwrap();
    // Saving it unchanged logs nothing.
    s.put_situation(&sit, "truong.phong").await.unwrap();
    sit.status = "action_required".into();
    sit.owner = Some("minh.tran".into());
    sit.updated_at = 200;
    s.put_situation(&sit, "truong.phong").await.unwrap();
    s.log_situation("oda-2006", 300, "minh.tran", "ack", Some("Đã nắm"))
        .await
        .unwrap();
    s.set_situation_briefed("oda-2006", "2006-03-01")
        .await
        .unwrap();
    let (got, history) = s.situation("oda-2006").await.unwrap().unwrap();
    assert_eq!(got.status, "action_required");
    assert_eq!(got.owner.as_deref(), Some("minh.tran"));
    assert_eq!(got.created_at, 100);
    assert_eq!(got.updated_at, 300);
    assert_eq!(got.last_briefed_day.as_deref(), Some("2006-03-01"));
    let kinds: Vec<&str> = history.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["created", "owner", "status", "ack"]);
    assert_eq!(history[2].detail.as_deref(), Some("new → action_required"));
    assert_eq!(history[3].actor, "minh.tran");
    // Filters.
    let mine = s
        .situations(&SituationFilter {
            owner: Some("minh.tran".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    let closed = s
        .situations(&SituationFilter {
            status: Some("closed".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(closed.is_empty());
    // A note on a situation that does not exist is refused, not lost silently.
    let e = s
        .log_situation("none", 1, "x", "note", None)
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("no situation"), "{e}");
}

/// Articles at three levels and in three scopes, with knowledge, for the visibility tests.
async fn classified_fixture<S: Store>(s: &S) {
    let mut arts = Vec::new();
    for (id, level, countries, person, day) in [
        (
            "v-open-jp",
            0,
            vec!["JP", "VN"],
            "Bùi Thanh Sơn",
            "2023-04-28",
        ),
        ("v-mat-jp", 20, vec!["JP"], "Nguyễn Mật Danh", "2023-04-29"),
        ("v-open-us", 0, vec!["US"], "Bùi Thanh Sơn", "2023-04-30"),
        ("v-toimat-none", 30, vec![], "Trần Tối Mật", "2023-04-29"),
    ] {
        let mut c = sample(id, &format!("Bài {id}")).content().clone();
        c.published = Some(day.to_owned());
        c.classification = level;
        if id == "v-open-us" {
            c.outlet = Some(NormText::new("Báo Nhân Dân"));
        }
        let facts = Facts {
            version: 1,
            json: "{}".to_owned(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
        };
        arts.push(NewArticle::new(id.into(), format!("{id}.txt"), c).with_facts(facts));
        let _ = person;
    }
    s.upsert_articles(&arts, None).await.unwrap();
    let kb = [
        knowledge_of(
            "v-open-jp",
            Some("2023-04-28"),
            "Bùi Thanh Sơn",
            "Bộ trưởng Ngoại giao",
        ),
        knowledge_of("v-mat-jp", Some("2023-04-29"), "Nguyễn Mật Danh", "Đại sứ"),
        knowledge_of(
            "v-open-us",
            Some("2023-04-30"),
            "Bùi Thanh Sơn",
            "Bộ trưởng Ngoại giao",
        ),
        knowledge_of(
            "v-toimat-none",
            Some("2023-04-29"),
            "Trần Tối Mật",
            "Cục trưởng",
        ),
    ];
    s.replace_knowledge(&kb, 4).await.unwrap();
}

async fn office_count(st: &dyn Store) -> usize {
    let f = OfficeFilter {
        limit: 100,
        ..Default::default()
    };
    st.offices(&f).await.unwrap().len()
}

/// Walks the whole audit log through the store, in pages, as `tre audit verify` does.
async fn verify_log<S: Store>(st: &S, key: &crate::AuditKey) -> tre_access::VerifyReport {
    let mut v = tre_access::audit::Verifier::new(key.clone());
    let mut after = 0;
    loop {
        let page = st.audit_after(after, 7).await.unwrap();
        let Some(last) = page.last() else { break };
        after = last.seq;
        for r in &page {
            v.feed(r);
        }
    }
    v.finish(st.audit_head().await.unwrap().as_ref())
}

fn ids_of(v: &[crate::Article]) -> Vec<&str> {
    v.iter().map(|a| a.id.as_str()).collect()
}

pub async fn restricted_views_see_only_what_they_may<H: Harness>(h: &H) {
    let s = h.open().await;
    classified_fixture(&s).await;
    let vis = |max_level: i32, countries: Option<&[&str]>| crate::Visibility {
        max_level,
        countries: countries.map(|c| c.iter().map(|x| x.to_string()).collect()),
    };
    let all = s.restricted(&crate::Visibility::all());
    let open = s.restricted(&vis(0, None));
    let mat = s.restricted(&vis(20, None));
    let tokyo = s.restricted(&vis(20, Some(&["JP"])));
    let nowhere = s.restricted(&vis(40, Some(&[])));
    assert_eq!(all.stats().await.unwrap().articles, 4);
    assert_eq!(
        s.stats().await.unwrap().articles,
        4,
        "the plain handle sees all"
    );
    assert_eq!(open.stats().await.unwrap().articles, 2);
    assert_eq!(mat.stats().await.unwrap().articles, 3);
    assert_eq!(tokyo.stats().await.unwrap().articles, 2);
    assert_eq!(nowhere.stats().await.unwrap().articles, 0);
    assert_eq!(
        open.stats().await.unwrap().outlets.len(),
        2,
        "outlet counts come from visible articles only"
    );
    assert_eq!(
        tokyo.visibility().countries.as_deref(),
        Some(&["JP".to_owned()][..])
    );

    // The article itself.
    let a = s.article("v-mat-jp").await.unwrap().unwrap();
    assert_eq!(
        (a.classification, a.countries.clone()),
        (20, vec!["JP".to_owned()])
    );
    assert!(open.article("v-mat-jp").await.unwrap().is_none());
    assert!(mat.article("v-mat-jp").await.unwrap().is_some());
    assert!(tokyo.article("v-open-us").await.unwrap().is_none());
    assert_eq!(
        ids_of(&open.articles_since(0, 100).await.unwrap()),
        ["v-open-jp", "v-open-us"]
    );
    assert_eq!(open.count_since(0).await.unwrap(), 2);
    assert_eq!(
        ids_of(
            &open
                .articles_by_ids(&["v-mat-jp".into(), "v-open-jp".into()])
                .await
                .unwrap()
        ),
        ["v-open-jp"]
    );
    assert_eq!(
        ids_of(
            &tokyo
                .articles_on_days("2023-01-01", "2023-12-31", &[], &[], 10)
                .await
                .unwrap()
        ),
        ["v-mat-jp", "v-open-jp"]
    );

    // Entities known only from classified articles do not exist below clearance.
    assert!(
        open.find_entities(None, "nguyen mat", 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        mat.find_entities(None, "nguyen mat", 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        open.entity("person:nguyễn mật danh")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        mat.entity("person:nguyễn mật danh")
            .await
            .unwrap()
            .is_some()
    );
    assert!(mat.entity("person:trần tối mật").await.unwrap().is_none());
    // ... and counts say only what is visible.
    let son = |st: Box<dyn Store>| async move {
        st.entity("person:bùi thanh sơn")
            .await
            .unwrap()
            .map(|e| e.articles)
    };
    assert_eq!(son(s.restricted(&vis(0, None))).await, Some(2));
    assert_eq!(son(s.restricted(&vis(40, Some(&["JP"])))).await, Some(1));
    assert_eq!(
        open.find_entities(Some("organization"), "bo ngoai giao", 5)
            .await
            .unwrap()[0]
            .articles,
        2
    );
    assert_eq!(
        open.entity_articles("org:bộ ngoại giao", 10)
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(office_count(all.as_ref()).await, 4);
    assert_eq!(office_count(open.as_ref()).await, 2);
    assert_eq!(office_count(tokyo.as_ref()).await, 2);
    let events = EventFilter {
        limit: 100,
        ..Default::default()
    };
    assert_eq!(open.events(&events).await.unwrap().len(), 2);
    assert_eq!(mat.events(&events).await.unwrap().len(), 3);
    assert_eq!(open.citations("doc:34-NQ/TW").await.unwrap().len(), 2);
    let with: Vec<String> = open
        .cooccurring("org:bộ ngoại giao", 10)
        .await
        .unwrap()
        .into_iter()
        .map(|(e, _)| e.id)
        .collect();
    assert_eq!(with, ["person:bùi thanh sơn"]);
    assert_eq!(
        open.entity_series("org:bộ ngoại giao", "2023-01-01", "2023-12-31")
            .await
            .unwrap(),
        [("2023-04-28".to_owned(), 1), ("2023-04-30".to_owned(), 1)]
    );
    assert_eq!(
        tokyo
            .pillar_series("political", "2023-01-01", "2023-12-31")
            .await
            .unwrap()
            .len(),
        2
    );
    let counted: HashSet<String> = open
        .daily_counts("2023-01-01", "2023-12-31", Some("person"), None)
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(counted, HashSet::from(["person:bùi thanh sơn".to_owned()]));
    assert_eq!(
        open.daily_counts("2023-04-29", "2023-04-29", None, None)
            .await
            .unwrap(),
        []
    );
    assert_eq!(
        open.outlet_days("2023-01-01", "2023-12-31")
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        nowhere.day_range().await.unwrap(),
        (None, None),
        "not even the range of days leaks"
    );
    assert_eq!(
        tokyo.day_range().await.unwrap(),
        (Some("2023-04-28".to_owned()), Some("2023-04-29".to_owned()))
    );
}

pub async fn classified_desks_and_situations_are_hidden_below_clearance<H: Harness>(h: &H) {
    let s = h.open().await;
    let desk = |id: &str, level: i32| Desk {
        id: id.into(),
        name: id.into(),
        definition: DeskDefinition::default(),
        officers: vec![],
        updated_at: 1,
        classification: level,
    };
    s.put_desk(&desk("mo", 0)).await.unwrap();
    s.put_desk(&desk("mat", 20)).await.unwrap();
    let sit = |id: &str, level: i32| Situation {
        id: id.into(),
        desk_id: None,
        title: id.into(),
        query: "q".into(),
        owner: None,
        status: "new".into(),
        created_at: 1,
        updated_at: 1,
        last_briefed_day: None,
        classification: level,
    };
    s.put_situation(&sit("s-mo", 0), "a").await.unwrap();
    s.put_situation(&sit("s-mat", 20), "a").await.unwrap();
    let open = s.restricted(&crate::Visibility {
        max_level: 10,
        countries: None,
    });
    let names: Vec<String> = open
        .desks()
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(names, ["mo"]);
    assert!(open.desk("mat").await.unwrap().is_none());
    assert_eq!(s.desk("mat").await.unwrap().unwrap().classification, 20);
    let sits = open.situations(&SituationFilter::default()).await.unwrap();
    assert_eq!(sits.len(), 1);
    assert!(open.situation("s-mat").await.unwrap().is_none());
    let (mat, history) = s.situation("s-mat").await.unwrap().unwrap();
    assert_eq!(mat.classification, 20);
    // Reclassifying is logged.
    let mut down = mat.clone();
    down.classification = 0;
    down.updated_at = 2;
    s.put_situation(&down, "chief").await.unwrap();
    let (_, after) = s.situation("s-mat").await.unwrap().unwrap();
    assert_eq!(after.len(), history.len() + 1);
    assert_eq!(after.last().unwrap().kind, "classification");
    assert!(open.situation("s-mat").await.unwrap().is_some());
}

fn user(id: &str, name: &str) -> crate::UserRecord {
    crate::UserRecord {
        id: id.into(),
        username: name.into(),
        display_name: format!("Cán bộ {name}"),
        password_hash: Some("$argon2id$fake".into()),
        role: "desk_officer".into(),
        clearance: 20,
        scope: "JP KR".into(),
        mission: Some("dsq-tokyo".into()),
        language: "vi".into(),
        disabled: false,
        must_change_password: true,
        failed_logins: 0,
        locked_until: None,
        one_time_code: Some("abc".into()),
        one_time_expires: Some(99),
        created_at: 10,
        updated_at: 10,
        last_login_at: None,
    }
}

pub async fn accounts_and_sessions<H: Harness>(h: &H) {
    let s = h.open().await;
    let lan = user("u1", "lan.nguyen");
    s.put_user(&lan).await.unwrap();
    s.put_user(&user("u2", "minh.tran")).await.unwrap();
    assert_eq!(s.user("u1").await.unwrap().unwrap(), lan);
    assert_eq!(
        s.user_by_name("lan.nguyen").await.unwrap().unwrap().id,
        "u1"
    );
    assert!(s.user_by_name("nobody").await.unwrap().is_none());
    let taken = s.put_user(&user("u3", "lan.nguyen")).await.unwrap_err();
    assert!(taken.to_string().contains("taken"), "{taken}");
    let mut changed = lan.clone();
    changed.disabled = true;
    changed.role = "read_only".into();
    changed.one_time_code = None;
    s.put_user(&changed).await.unwrap();
    assert_eq!(s.user("u1").await.unwrap().unwrap(), changed);
    let names: Vec<String> = s
        .users()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["lan.nguyen", "minh.tran"]);
    assert_eq!(s.record_failed_login("u2", None).await.unwrap(), 1);
    assert_eq!(s.record_failed_login("u2", Some(500)).await.unwrap(), 2);
    let u2 = s.user("u2").await.unwrap().unwrap();
    assert_eq!((u2.failed_logins, u2.locked_until), (2, Some(500)));

    let session = |hash: &str, user: &str, at: i64| crate::SessionRecord {
        token_hash: hash.into(),
        user_id: user.into(),
        created_at: at,
        last_seen_at: at,
        expires_at: at + 1000,
        ip: Some("10.1.2.3".into()),
        user_agent: Some("Firefox".into()),
        revoked_at: None,
    };
    s.create_session(&session("h1", "u1", 100)).await.unwrap();
    s.create_session(&session("h2", "u1", 200)).await.unwrap();
    s.create_session(&session("h3", "u2", 300)).await.unwrap();
    s.touch_session("h1", 150).await.unwrap();
    s.touch_session("h1", 120).await.unwrap();
    assert_eq!(s.session("h1").await.unwrap().unwrap().last_seen_at, 150);
    assert!(s.session("nope").await.unwrap().is_none());
    let mine: Vec<String> = s
        .sessions_of("u1")
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.token_hash)
        .collect();
    assert_eq!(mine, ["h2", "h1"]);
    assert!(s.revoke_session("h1", 160).await.unwrap());
    assert!(!s.revoke_session("h1", 170).await.unwrap(), "already ended");
    assert_eq!(
        s.session("h1").await.unwrap().unwrap().revoked_at,
        Some(160)
    );
    assert_eq!(s.revoke_user_sessions("u1", 180).await.unwrap(), 1);
    assert_eq!(
        s.purge_sessions(175).await.unwrap(),
        1,
        "h1 revoked before 175"
    );
    assert!(s.session("h1").await.unwrap().is_none());
    assert!(s.session("h3").await.unwrap().is_some());
}

pub async fn audit_log_chains_and_shows_tampering<H: Harness>(h: &H) {
    let s = h.open().await;
    let key = crate::AuditKey::generate().unwrap();
    assert!(s.audit_head().await.unwrap().is_none());
    let entry = |i: i64, actor: &str, action: &str, outcome: &str| crate::NewAuditEntry {
        at_ms: 1000 + i,
        actor: actor.into(),
        action: action.into(),
        target: format!("article:a{i}"),
        outcome: outcome.into(),
        level: if i % 2 == 0 { 20 } else { 0 },
        detail: format!(r#"{{"query":"Nhật Bản {i}"}}"#),
        ip: Some("10.0.0.9".into()),
    };
    let first = s
        .append_audit(
            vec![
                entry(1, "u1", "sign_in", "ok"),
                entry(2, "u1", "read", "allowed"),
            ],
            &key,
        )
        .await
        .unwrap();
    assert_eq!(first, [1, 2]);
    // Concurrent appenders still make one chain.
    let mut tasks = Vec::new();
    for t in 0..4 {
        let st = h.open().await;
        let k = key.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..5 {
                let n = 10 + t * 10 + i;
                st.append_audit(vec![entry(n, "u2", "search", "allowed")], &k)
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    s.append_audit(vec![entry(99, "u3", "export", "denied")], &key)
        .await
        .unwrap();
    let report = verify_log(&s, &key).await;
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.entries, 23);
    assert_eq!(s.audit_head().await.unwrap().unwrap().seq, 23);

    // Searching, newest first.
    let denied = s
        .audit_search(&crate::AuditFilter {
            outcome: Some("denied".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(denied.len(), 1);
    assert_eq!(denied[0].entry.actor, "u3");
    let by_text = s
        .audit_search(&crate::AuditFilter {
            text: Some("Nhật Bản 2\"".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_text.len(), 1);
    let page = s
        .audit_search(&crate::AuditFilter {
            actor: Some("u2".into()),
            before_seq: Some(10),
            limit: 3,
            ..Default::default()
        })
        .await
        .unwrap();
    let seqs: Vec<i64> = page.iter().map(|r| r.seq).collect();
    assert_eq!(seqs.len(), 3);
    assert!(seqs.windows(2).all(|w| w[0] > w[1]) && seqs[0] < 10);
    assert!(
        s.audit_search(&crate::AuditFilter {
            text: Some("%".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .is_empty(),
        "typed text is literal"
    );

    // An intruder edits an entry: found, at that entry.
    h.tamper("UPDATE audit_log SET outcome = 'allowed' WHERE seq = 23")
        .await;
    let r = verify_log(&s, &key).await;
    assert!(!r.ok());
    assert_eq!(r.problems[0].seq, 23, "{r:?}");
    h.tamper("UPDATE audit_log SET outcome = 'denied' WHERE seq = 23")
        .await;
    assert!(verify_log(&s, &key).await.ok(), "restored");
    // Deletes one in the middle.
    h.tamper("DELETE FROM audit_log WHERE seq = 5").await;
    let r = verify_log(&s, &key).await;
    assert!(
        r.problems
            .iter()
            .any(|p| p.seq == 6 && p.what.contains("entry 5 is missing"))
    );
    // Deletes the tail.
    h.tamper("DELETE FROM audit_log WHERE seq >= 22").await;
    let r = verify_log(&s, &key).await;
    assert!(
        r.problems
            .iter()
            .any(|p| p.what.contains("after 21 were deleted")),
        "{r:?}"
    );
}

//! The knowledge base built from real articles: the seeds, extracted, stored, linked.

use tre_extract::{ArticleInput, Extractor};
use tre_store::{EventFilter, OfficeFilter, Store};
use tre_store_sqlite::SqliteStore;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds");

/// The five seeds as the store would hold them, each with its extracted facts.
fn seed_articles() -> Vec<tre_store::NewArticle> {
    let lexicon = tre_lexicon::Lexicon::builtin();
    let extractor = Extractor::new(&lexicon);
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let page = tre_page::clean_text_page(&text).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let content = tre_store::ArticleContent {
            title: tre_text::NormText::new(&page.title),
            lead: page.lead.as_deref().map(tre_text::NormText::new),
            paragraphs: page
                .paragraphs
                .iter()
                .map(|p| tre_text::NormText::new(p))
                .collect(),
            captions: page
                .captions
                .iter()
                .map(|p| tre_text::NormText::new(p))
                .collect(),
            published: page.published.clone(),
            ..Default::default()
        };
        let input = ArticleInput {
            id: id.clone(),
            title: page.title.clone(),
            paragraphs: page.lead.iter().chain(&page.paragraphs).cloned().collect(),
            captions: page.captions.clone(),
            byline: page.byline.clone(),
            source_line: page.source_line.clone(),
            published: page.published.clone(),
        };
        let x = extractor.extract(&input);
        let facts = tre_store::Facts {
            version: tre_kb::EXTRACTOR_VERSION,
            json: serde_json::to_string(&x).unwrap(),
            countries: tre_kb::countries(&x),
        };
        out.push(
            tre_store::NewArticle::new(id, path.display().to_string(), content).with_facts(facts),
        );
    }
    out
}

#[tokio::test]
async fn seeds_become_a_linked_knowledge_base() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("tre.db")).await.unwrap();
    store.upsert_articles(&seed_articles(), None).await.unwrap();
    let mut calls = 0;
    let r = tre_kb::catch_up(&store, &mut |_, _| calls += 1)
        .await
        .unwrap();
    assert_eq!(r.articles, 5);
    assert_eq!(r.without_facts, 0);
    assert!(calls > 0, "progress is reported");
    // Nothing left to do the second time.
    assert_eq!(
        tre_kb::catch_up(&store, &mut |_, _| {})
            .await
            .unwrap()
            .articles,
        0
    );

    // The same person across four articles, found as a user types him.
    let son = store
        .find_entities(Some("person"), "bui thanh son", 5)
        .await
        .unwrap();
    assert_eq!(son.len(), 1, "{son:?}");
    assert_eq!(son[0].articles, 4);
    // His post, however the press writes it, is one post in the ledger.
    let obs = store
        .offices(&OfficeFilter {
            title_key: Some(tre_kb::title_key("Bộ trưởng Bộ Ngoại giao")),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(obs.iter().all(|o| o.person == "Bùi Thanh Sơn"));
    assert!(obs.iter().any(|o| o.title == "Bộ trưởng Ngoại giao"));
    assert!(obs.iter().any(|o| o.title == "Bộ trưởng Bộ Ngoại giao"));
    // Seen on the date of the one article that states it.
    assert!(
        obs.iter()
            .any(|o| o.seen_on.as_deref() == Some("2023-01-10"))
    );
    // No bare "Bộ trưởng" beside the full title.
    let bare = store
        .offices(&OfficeFilter {
            title_key: Some("bo truong".into()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(bare.is_empty(), "{bare:?}");

    // Documents and who cites them.
    let doc = store
        .find_entities(Some("document"), "34-nq/tw", 5)
        .await
        .unwrap();
    assert_eq!(doc.len(), 1);
    let cites = store.citations(&doc[0].id).await.unwrap();
    assert_eq!(cites[0].article.id, "001_f44d8612bcbb61fa");
    assert_eq!(cites[0].document_date.as_deref(), Some("2023-01-09"));

    // Events with their participants; the dated one is found by date.
    let dated = store
        .events(&EventFilter {
            from: Some("2023-01-01".into()),
            to: Some("2023-12-31".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0].article.id, "004_4a4988f74ca91375");
    let names: Vec<&str> = dated[0]
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(names.contains(&"Phạm Minh Chính"), "{names:?}");

    // Re-linking after new facts replaces, never duplicates.
    let again = seed_articles()
        .into_iter()
        .map(|a| {
            let f = a.facts().cloned().unwrap();
            a.with_facts(tre_store::Facts {
                version: f.version + 1,
                json: f.json,
                countries: f.countries,
            })
        })
        .collect::<Vec<_>>();
    store.upsert_articles(&again, None).await.unwrap();
    assert_eq!(
        tre_kb::catch_up(&store, &mut |_, _| {})
            .await
            .unwrap()
            .articles,
        5
    );
    let obs2 = store
        .offices(&OfficeFilter {
            title_key: Some(tre_kb::title_key("Bộ trưởng Ngoại giao")),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(obs2.len(), obs.len());
}

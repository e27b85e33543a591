//! The index on its own: visibility and facets, with articles built in memory.

use tre_search::{IndexState, SearchIndex, SearchRequest, Visibility};
use tre_store::Article;

fn article(id: &str, title: &str, level: i32, countries: &[&str], facts: &str) -> Article {
    Article {
        id: id.into(),
        seq: 1,
        source: format!("{id}.txt"),
        url: None,
        outlet: Some(
            if level > 0 {
                "Điện mật"
            } else {
                "Báo Quốc tế"
            }
            .into(),
        ),
        section: None,
        title: title.into(),
        lead: None,
        paragraphs: vec![format!("{title}. Nhật Bản và Việt Nam hợp tác về ODA.")],
        captions: vec![],
        credits: vec![],
        byline: None,
        source_line: None,
        published: Some("2023-04-28".into()),
        page_date: None,
        content_hash: id.into(),
        ingested_at: 0,
        updated_at: 0,
        facts: Some(facts.into()),
        facts_version: 1,
        day: Some("2023-04-28".into()),
        classification: level,
        countries: countries.iter().map(|c| c.to_string()).collect(),
    }
}

const FACTS_JP: &str = r#"{"persons":[{"name":"Bùi Thanh Sơn","canonical":"Bùi Thanh Sơn"}],
  "organizations":[{"name":"Bộ Ngoại giao","canonical":"Bộ Ngoại giao"}],
  "places":[{"name":"Nhật Bản","kind":"country","canonical":"Nhật Bản"},
            {"name":"Nhà khách","kind":"venue"}],
  "documents":[{"number":"34-NQ/TW"}],
  "pillars":[{"pillar":"economic"}]}"#;
const FACTS_SECRET: &str = r#"{"persons":[{"name":"Nguyễn Mật Danh"}],
  "places":[{"name":"Nhật Bản","kind":"country"}],"pillars":[{"pillar":"political"}]}"#;
const FACTS_US: &str = r#"{"places":[{"name":"Hoa Kỳ","kind":"country"}],
  "pillars":[{"pillar":"economic"}]}"#;

fn index() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    {
        let mut w = index.writer().unwrap();
        w.add(&article(
            "open-jp",
            "ODA Nhật Bản",
            0,
            &["JP", "VN"],
            FACTS_JP,
        ))
        .unwrap();
        w.add(&article(
            "mat-jp",
            "ODA Nhật Bản mật",
            20,
            &["JP"],
            FACTS_SECRET,
        ))
        .unwrap();
        w.add(&article("open-us", "ODA Hoa Kỳ", 0, &["US"], FACTS_US))
            .unwrap();
        w.commit(&IndexState {
            store_id: "t".into(),
            seq: 3,
            analyzer_version: tre_search::analyzer::ANALYZER_VERSION,
        })
        .unwrap();
        w.finish().unwrap();
    }
    index.reload().unwrap();
    (dir, index)
}

fn search(index: &SearchIndex, vis: Option<Visibility>, filters: &[&str]) -> (usize, Vec<String>) {
    let r = index
        .search(&SearchRequest {
            query: "ODA".into(),
            limit: 10,
            visibility: vis,
            facets: true,
            facet_filters: filters.iter().map(|f| f.to_string()).collect(),
            ..Default::default()
        })
        .unwrap();
    let mut ids: Vec<String> = r.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    (r.total, ids)
}

fn vis(max_level: i32, countries: Option<&[&str]>) -> Option<Visibility> {
    Some(Visibility {
        max_level,
        countries: countries.map(|c| c.iter().map(|x| x.to_string()).collect()),
    })
}

#[test]
fn hits_and_counts_hold_only_what_the_user_may_see() {
    let (_d, index) = index();
    assert_eq!(search(&index, None, &[]).0, 3);
    assert_eq!(
        search(&index, vis(0, None), &[]),
        (2, vec!["open-jp".to_owned(), "open-us".to_owned()])
    );
    assert_eq!(
        search(&index, vis(20, Some(&["JP"])), &[]),
        (2, vec!["mat-jp".to_owned(), "open-jp".to_owned()])
    );
    assert_eq!(search(&index, vis(40, Some(&[])), &[]).0, 0);
}

#[test]
fn facets_never_count_a_hidden_article() {
    let (_d, index) = index();
    let facets = |v: Option<Visibility>| {
        index
            .search(&SearchRequest {
                query: "ODA".into(),
                limit: 10,
                visibility: v,
                facets: true,
                ..Default::default()
            })
            .unwrap()
            .facets
            .unwrap()
    };
    let all = facets(None);
    let open = facets(vis(0, None));
    let count = |list: &[tre_search::FacetCount], v: &str| {
        list.iter().find(|c| c.value == v).map_or(0, |c| c.count)
    };
    assert_eq!(count(&all.place, "Nhật Bản"), 2);
    assert_eq!(count(&open.place, "Nhật Bản"), 1);
    assert_eq!(count(&all.person, "Nguyễn Mật Danh"), 1);
    assert_eq!(count(&open.person, "Nguyễn Mật Danh"), 0, "no trace of it");
    assert!(open.outlet.iter().all(|c| c.value != "Điện mật"));
    assert_eq!(count(&open.pillar, "economic"), 2);
    assert_eq!(count(&open.doc, "34-NQ/TW"), 1);
    assert_eq!(count(&open.org, "Bộ Ngoại giao"), 1);
    assert_eq!(
        open.month,
        [tre_search::FacetCount {
            value: "2023-04".into(),
            count: 2
        }]
    );
    assert!(
        all.place.iter().all(|c| c.value != "Nhà khách"),
        "venues are not facets"
    );
}

#[test]
fn facet_filters_narrow_and_bad_ones_are_explained() {
    let (_d, index) = index();
    assert_eq!(
        search(&index, None, &["place:Nhật Bản"]).1,
        ["mat-jp", "open-jp"]
    );
    assert_eq!(
        search(&index, None, &["place:Nhật Bản", "pillar:economic"]).1,
        ["open-jp"]
    );
    assert_eq!(
        search(&index, vis(0, None), &["person:Nguyễn Mật Danh"]).0,
        0
    );
    assert_eq!(search(&index, None, &["doc:34-NQ/TW"]).1, ["open-jp"]);
    let err = index
        .search(&SearchRequest {
            query: "ODA".into(),
            limit: 10,
            facet_filters: vec!["colour:red".into()],
            ..Default::default()
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("pillar"), "{err}");
}

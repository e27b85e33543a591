//! Ingesting the samples: idempotent, updates in place, cleaned text shown by `tre show`.

use crate::support::{SEEDS, Tre, prose, write_jsonl};
use std::path::Path;

#[test]
fn demo_shows_a_newcomer_search_at_work() {
    let t = Tre::new();
    let r = t.ok(&[
        "demo",
        "--into",
        t.dir.path().join("demo").to_str().unwrap(),
    ]);
    assert!(
        r.stdout.contains("5 articles stored and indexed"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Bùi Thanh Sơn"),
        "a name typed without diacritics is found"
    );
    assert!(r.stdout.contains("34-NQ"), "a document number is found");
    // Running it again starts afresh rather than failing or duplicating.
    let again = t.ok(&[
        "demo",
        "--into",
        t.dir.path().join("demo").to_str().unwrap(),
    ]);
    assert!(again.stdout.contains("5 articles stored and indexed"));
}

#[test]
fn the_same_articles_twice_are_stored_once() {
    let t = Tre::new();
    let first = t.ingest(Path::new(SEEDS));
    assert_eq!(first.code, 0, "{}\n{}", first.stdout, first.stderr);
    assert!(
        first
            .stdout
            .contains("5 new, 0 updated, 0 unchanged, 0 failed"),
        "{}",
        first.stdout
    );
    let second = t.ingest(Path::new(SEEDS));
    assert_eq!(second.code, 0);
    assert!(
        second
            .stdout
            .contains("0 new, 0 updated, 5 unchanged, 0 failed"),
        "{}",
        second.stdout
    );
    let s = t.stats();
    assert_eq!(s["articles"], 5);
    assert_eq!(
        s["index"]["documents"], 5,
        "the index holds each article once"
    );
    assert_eq!(s["index"]["up_to_date"], true);
}

#[test]
fn a_changed_article_is_updated_not_duplicated() {
    let t = Tre::new();
    let dir = t.inputs("in");
    let path = dir.join("a.jsonl");
    write_jsonl(
        &path,
        &[(
            "tin-1",
            "Tin gốc về hội nghị",
            &prose(1, "Nội dung ban đầu về Hải Phòng."),
            None,
            None,
        )],
    );
    t.ok(&["ingest", path.to_str().unwrap()]);
    assert_eq!(t.search_ids("hai phong", &[]), ["tin-1"]);
    write_jsonl(
        &path,
        &[(
            "tin-1",
            "Tin gốc về hội nghị",
            &prose(1, "Nội dung đã sửa về Quảng Ninh."),
            None,
            None,
        )],
    );
    let r = t.ok(&["ingest", path.to_str().unwrap()]);
    assert!(r.stdout.contains("0 new, 1 updated"), "{}", r.stdout);
    assert_eq!(t.stats()["articles"], 1);
    assert_eq!(
        t.search_ids("quang ninh", &[]),
        ["tin-1"],
        "the new text is searchable"
    );
    assert!(
        t.search_ids("hai phong", &[]).is_empty(),
        "the old text is gone from the index"
    );
    let shown = t.ok(&["show", "tin-1"]).stdout;
    assert!(
        shown.contains("Quảng Ninh") && !shown.contains("Hải Phòng"),
        "{shown}"
    );
}

#[test]
fn show_prints_the_cleaned_article() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let r = t.ok(&["show", "002_ddcbf8f71bd5690e"]);
    let out = &r.stdout;
    assert!(
        out.starts_with("Đẩy mạnh xây dựng Đảng, phát triển nền ngoại giao chuyên nghiệp"),
        "{out}"
    );
    assert!(
        out.contains("Phương Diệp (TTXVN/Vietnam+)"),
        "byline kept: {out}"
    );
    for residue in [
        "Có thể bạn quan tâm",
        "Thông tin người gửi phản hồi",
        "Xem nhiều nhất",
        "Mới nhất",
    ] {
        assert!(
            !out.contains(residue),
            "residue {residue:?} left in:\n{out}"
        );
    }
    let j = t.ok(&["show", "004_4a4988f74ca91375", "--json"]).json();
    assert_eq!(j["published"], "2023-01-10T17:37", "the article's own date");
    assert!(
        j["source"]
            .as_str()
            .unwrap()
            .ends_with("004_4a4988f74ca91375.txt")
    );
    let body = j["paragraphs"].to_string();
    for residue in [
        "Viết bình luận",
        "FormShield",
        "Số ký tự còn lại",
        "Bạn đang xem",
    ] {
        assert!(!body.contains(residue), "{residue:?} in {body}");
    }
    let j = t.ok(&["show", "003_dd71080901982e6d", "--json"]).json();
    assert_eq!(
        j["published"],
        serde_json::Value::Null,
        "a site header date is not the article's"
    );
    assert_eq!(j["page_date"], "2022-08-08");
}

#[test]
fn show_of_an_unknown_id_says_what_to_do() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let r = t.run(&["show", "khong-co"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no article with id") && r.stderr.contains("tre search"),
        "{}",
        r.stderr
    );
}

#[test]
fn stats_report_outlets_dates_and_index() {
    let t = Tre::new();
    let dir = t.inputs("in");
    write_jsonl(
        &dir.join("x.jsonl"),
        &[
            (
                "a",
                "Một",
                &prose(1, "A."),
                Some("2005-03-01"),
                Some("VnExpress"),
            ),
            (
                "b",
                "Hai",
                &prose(2, "B."),
                Some("2006-07-09T08:00:00+07:00"),
                Some("VnExpress"),
            ),
            ("c", "Ba", &prose(3, "C."), None, Some("Tuổi Trẻ")),
        ],
    );
    t.ok(&["ingest", dir.to_str().unwrap()]);
    let s = t.stats();
    assert_eq!(s["articles"], 3);
    assert_eq!(s["earliest_published"], "2005-03-01");
    assert_eq!(s["latest_published"], "2006-07-09T08:00");
    assert_eq!(s["undated"], 1);
    assert_eq!(s["outlets"][0]["outlet"], "VnExpress");
    assert_eq!(s["outlets"][0]["articles"], 2);
    let human = t.ok(&["stats"]).stdout;
    assert!(
        human.contains("3 articles") && human.contains("up to date"),
        "{human}"
    );
}

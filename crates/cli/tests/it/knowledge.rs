//! The knowledge base from the command line: people, posts, documents, events, extraction.

use crate::support::{SEEDS, Tre};

#[test]
fn person_pages_show_titles_events_and_company() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let v = t.ok(&["person", "--json", "bui", "thanh", "son"]).json();
    assert_eq!(v["person"]["name"], "Bùi Thanh Sơn");
    assert_eq!(v["person"]["articles"], 4);
    let titles: Vec<&str> = v["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Bộ trưởng Ngoại giao"), "{titles:?}");
    assert!(titles.contains(&"Ủy viên Trung ương Đảng"), "{titles:?}");
    assert!(
        v["events"].as_array().unwrap().len() >= 3,
        "{}",
        v["events"]
    );
    let seen_with: Vec<&str> = v["seen_with"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["entity"]["name"].as_str().unwrap())
        .collect();
    assert!(seen_with.contains(&"Bộ Ngoại giao"), "{seen_with:?}");
    // The page reads as text too, with sources to trace.
    let page = t.ok(&["person", "Trần Cẩm Tú"]).stdout;
    assert!(
        page.contains("Chủ nhiệm Ủy ban Kiểm tra Trung ương"),
        "{page}"
    );
    assert!(page.contains("000_3134ff17c9627f8e"), "{page}");
}

#[test]
fn who_held_a_post() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    // Written either way, it is one post.
    for title in [
        "Bộ trưởng Ngoại giao",
        "Bộ trưởng Bộ Ngoại giao",
        "bo truong ngoai giao",
    ] {
        let v = t.ok(&["who", "--json", title, "--on", "2023-01-10"]).json();
        assert_eq!(
            v["holders"][0]["tenure"]["person"], "Bùi Thanh Sơn",
            "{title}: {v}"
        );
        assert_eq!(v["holders"][0]["standing"], "holding");
    }
    let v = t.ok(&["who", "--json", "Thủ tướng"]).json();
    assert_eq!(v["tenures"][0]["person"], "Phạm Minh Chính", "{v}");
    let r = t.run(&["who", "Bộ trưởng Bộ Tài chính"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no one is seen holding"), "{}", r.stderr);
}

#[test]
fn documents_and_events() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let v = t.ok(&["document", "--json", "34-NQ/TW"]).json();
    assert_eq!(v["citations"][0]["article"]["id"], "001_f44d8612bcbb61fa");
    assert_eq!(v["citations"][0]["document_date"], "2023-01-09");
    let v = t.ok(&["document", "--json", "15-ct/tw"]).json();
    assert_eq!(v["citations"][0]["article"]["id"], "004_4a4988f74ca91375");

    let v = t
        .ok(&[
            "events",
            "--json",
            "--type",
            "meeting",
            "--person",
            "Phạm Quang Hiệu",
        ])
        .json();
    let ev = v.as_array().unwrap();
    assert_eq!(ev.len(), 1, "{v}");
    assert_eq!(ev[0]["place"], "Nhà khách Chính phủ");
    assert_eq!(ev[0]["date"], "--04-28");
    let v = t
        .ok(&[
            "events",
            "--json",
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
        ])
        .json();
    assert_eq!(v.as_array().unwrap().len(), 1, "only the dated event: {v}");

    let r = t.run(&["events", "--type", "party"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("meeting, talks"), "{}", r.stderr);
    let r = t.run(&["person", "Nguyễn Văn Không Có"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no person called"), "{}", r.stderr);
}

#[test]
fn extract_prints_the_contract_for_files_not_ingested() {
    let t = Tre::new();
    let mut args = vec!["extract".to_owned(), "--json".to_owned()];
    let mut files: Vec<String> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    args.extend(files);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = t.ok(&refs).stdout;
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "000_3134ff17c9627f8e");
    for field in [
        "title",
        "published",
        "persons",
        "organizations",
        "places",
        "documents",
        "events",
    ] {
        assert!(lines[0].get(field).is_some(), "{field} missing");
    }
    assert_eq!(lines[4]["published"], "2023-01-10");
    let tu = &lines[0]["persons"][0];
    assert_eq!(tu["name"], "Trần Cẩm Tú");
    assert_eq!(
        tu["titles"],
        serde_json::json!([
            "Ủy viên Bộ Chính trị",
            "Bí Thư Trung ương Đảng",
            "Chủ nhiệm Ủy ban Kiểm tra Trung ương"
        ])
    );
    // Nothing was stored.
    assert!(!t.data().join("tre.db").exists());
    // --published resolves dates written without a year.
    let one = format!("{SEEDS}/001_f44d8612bcbb61fa.txt");
    let v: serde_json::Value = serde_json::from_str(
        t.ok(&["extract", "--json", "--published", "2023-04-29", &one])
            .stdout
            .trim(),
    )
    .unwrap();
    assert_eq!(v["published"], "2023-04-29");
    assert_eq!(v["events"][0]["date"], "2023-04-28");
}

#[test]
fn ingest_without_extraction_says_so() {
    let t = Tre::new();
    let r = t.ok(&["ingest", "--no-extract", SEEDS]);
    assert!(r.stderr.contains("without extracted facts"), "{}", r.stderr);
    let r = t.run(&["person", "bui thanh son"]);
    assert_eq!(r.code, 1);
    // Ingesting again with extraction fills the knowledge base in.
    t.ok(&["ingest", SEEDS]);
    t.ok(&["person", "bui thanh son"]);
}

#[test]
fn trends_flag_a_day_above_its_past() {
    use crate::support::{prose, write_jsonl};
    let t = Tre::new();
    let dir = t.inputs("trend");
    let mut rows: Vec<(String, String, String, String)> = Vec::new();
    // A steady trickle about Lào for a month, then a burst about Nhật Bản on one day.
    for d in 1..=28 {
        rows.push((
            format!("lao{d}"),
            format!("Hợp tác với Lào ngày {d}"),
            prose(d as usize, "Việt Nam và Lào tăng cường hợp tác."),
            format!("2023-02-{d:02}"),
        ));
    }
    for i in 0..6 {
        rows.push((
            format!("jp{i}"),
            format!("Quan hệ với Nhật Bản, bài {i}"),
            prose(i, "Thủ tướng hội đàm với Thủ tướng Nhật Bản tại Tokyo."),
            "2023-03-01".to_owned(),
        ));
    }
    let refs: Vec<crate::support::Row<'_>> = rows
        .iter()
        .map(|(id, title, text, day)| {
            (
                id.as_str(),
                title.as_str(),
                text.as_str(),
                Some(day.as_str()),
                None,
            )
        })
        .collect();
    write_jsonl(&dir.join("t.jsonl"), &refs);
    t.ok(&["ingest", dir.to_str().unwrap()]);
    let v = t
        .ok(&["trends", "--json", "--top", "--date", "2023-03-01"])
        .json();
    let names: Vec<&str> = v["spikes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["entity"]["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Nhật Bản"), "{v}");
    assert!(
        !names.contains(&"Lào"),
        "a steady subject is not a spike: {names:?}"
    );
    let v = t
        .ok(&[
            "trends",
            "--json",
            "--entity",
            "nhat ban",
            "--from",
            "2023-02-01",
            "--to",
            "2023-03-01",
        ])
        .json();
    assert_eq!(v["series"].as_array().unwrap().len(), 29);
    assert_eq!(v["spikes"][0]["day"], "2023-03-01");
    let v = t
        .ok(&[
            "trends",
            "--json",
            "--pillar",
            "political",
            "--by",
            "week",
            "--from",
            "2023-02-01",
            "--to",
            "2023-03-01",
        ])
        .json();
    assert_eq!(v["series"].as_array().unwrap().len(), 5);
    let r = t.run(&["trends"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--entity NAME, --pillar PILLAR, or --top"),
        "{}",
        r.stderr
    );
}

//! The daily briefing from the command line, in its four formats.

use crate::support::{SEEDS, Tre};

const DESKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/desks.toml");

/// The day the samples arrived, which is what a briefing of "today" covers (they state no
/// publication date, except one).
fn today(_t: &Tre) -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    tre_store::arrival_day(ms)
}

#[test]
fn a_desk_briefing_in_four_formats() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    t.ok(&["desk", "import", DESKS]);
    let day = today(&t);
    let md = t
        .ok(&[
            "brief",
            "--desk",
            "to-chuc-dang",
            "--date",
            &day,
            "--format",
            "md",
            "--no-mark",
        ])
        .stdout;
    assert!(md.starts_with("# BẢN TIN GIAO BAN"), "{md}");
    for section in ["## I. TIN NỔI BẬT", "SỰ KIỆN", "VĂN BẢN ĐƯỢC DẪN CHIẾU"] {
        assert!(md.contains(section), "{section} missing:\n{md}");
    }
    assert!(md.contains("Tổng Bí thư Nguyễn Phú Trọng làm việc với Ban Đối ngoại Trung ương"));
    assert!(md.contains("Nghị quyết số 34-NQ/TW"), "documents cited");
    // Every story is traceable to its articles.
    let json = t
        .ok(&[
            "brief",
            "--desk",
            "to-chuc-dang",
            "--date",
            &day,
            "--format",
            "json",
            "--no-mark",
        ])
        .json();
    let stories = json["sections"]["top_stories"].as_array().unwrap();
    assert!(!stories.is_empty());
    assert!(
        stories
            .iter()
            .all(|s| !s["sources"].as_array().unwrap().is_empty()),
        "{json}"
    );
    assert_eq!(json["classification"]["name"], "Thường");

    let html = t
        .ok(&[
            "brief",
            "--desk",
            "to-chuc-dang",
            "--date",
            &day,
            "--format",
            "html",
            "--no-mark",
        ])
        .stdout;
    assert!(html.contains("<html") && html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(!html.contains("<script"), "no script");
    assert!(!html.contains("src=\"http"), "no external assets");

    let out = t.dir.path().join("b.docx");
    t.ok(&[
        "brief",
        "--desk",
        "to-chuc-dang",
        "--date",
        &day,
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
        "--no-mark",
    ]);
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a DOCX is a zip");
}

#[test]
fn situations_are_marked_briefed_and_errors_are_clear() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    t.ok(&["desk", "import", DESKS]);
    let day = today(&t);
    let json = t
        .ok(&[
            "brief",
            "--desk",
            "to-chuc-dang",
            "--date",
            &day,
            "--format",
            "json",
        ])
        .json();
    let sits = json["sections"]["situations"].as_array().unwrap();
    assert_eq!(sits[0]["id"], "truong-co-quan-dai-dien-2023");
    assert!(
        !sits[0]["changes"].as_array().unwrap().is_empty(),
        "the day's news on the situation: {json}"
    );
    let s = t
        .ok(&[
            "situation",
            "show",
            "--json",
            "truong-co-quan-dai-dien-2023",
        ])
        .json();
    assert_eq!(s["situation"]["last_briefed_day"], day.as_str());

    let r = t.run(&["brief", "--desk", "none", "--format", "md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no desk \"none\""), "{}", r.stderr);
    let r = t.run(&["brief", "--format", "pdf"]);
    assert!(r.stderr.contains("md, html, docx or json"), "{}", r.stderr);
    // The whole service, without a desk.
    let md = t
        .ok(&["brief", "--date", &day, "--format", "md", "--no-mark"])
        .stdout;
    assert!(md.contains("Toàn ngành"), "{md}");
}

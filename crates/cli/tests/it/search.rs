//! Vietnamese-aware search as an analyst would use it.

use crate::support::{Row, SEEDS, Tre, prose, write_jsonl};

fn corpus(t: &Tre, articles: &[(&str, &str, &str)]) {
    let dir = t.inputs("corpus");
    let rows: Vec<Row<'_>> = articles
        .iter()
        .map(|(id, title, text)| (*id, *title, *text, None, None))
        .collect();
    write_jsonl(&dir.join("c.jsonl"), &rows);
    t.ok(&["ingest", dir.to_str().unwrap()]);
}

#[test]
fn names_typed_without_diacritics_are_found() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let ids = t.search_ids("bui thanh son", &[]);
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids.contains(&"001_f44d8612bcbb61fa".to_owned()));
    let ids = t.search_ids("tran cam tu", &[]);
    assert_eq!(
        ids[0], "000_3134ff17c9627f8e",
        "the article naming him first: {ids:?}"
    );
}

#[test]
fn d_with_stroke_folds_for_accent_free_queries() {
    let t = Tre::new();
    corpus(
        &t,
        &[
            (
                "dn",
                "Mưa lớn ở Đà Nẵng",
                &prose(1, "Thành phố Đà Nẵng ngập sâu."),
            ),
            ("other", "Tin khác", &prose(2, "Không liên quan.")),
        ],
    );
    assert_eq!(t.search_ids("da nang", &[]), ["dn"]);
    assert_eq!(t.search_ids("DA NANG", &[]), ["dn"]);
}

#[test]
fn diacritics_typed_rank_exact_matches_first() {
    let t = Tre::new();
    corpus(
        &t,
        &[
            (
                "gia",
                "Giá vàng biến động mạnh",
                &prose(
                    1,
                    "Giá cả biến động, biến động liên tục, biến động khó lường.",
                ),
            ),
            (
                "bien",
                "Tình hình Biển Đông",
                &prose(2, "Hội thảo về Biển Đông."),
            ),
        ],
    );
    let v = t.ok(&["search", "--json", "Biển Đông"]).json();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits[0]["id"], "bien", "the exact word first: {v}");
    assert_eq!(hits[0]["exact"], true);
    assert_eq!(v["exact_total"], 1);
    // The other word is only offered after, marked as such.
    assert!(hits.iter().skip(1).all(|h| h["exact"] == false));
    // Typed without diacritics, both are matches.
    let mut both = t.search_ids("bien dong", &[]);
    both.sort();
    assert_eq!(both, ["bien", "gia"]);
}

#[test]
fn adjacent_syllables_rank_above_scattered_ones() {
    let t = Tre::new();
    corpus(
        &t,
        &[
            (
                "scattered",
                "Đại hội thể thao",
                &prose(
                    1,
                    "Đại hội lớn. Ý kiến đề nghị. Hội viên đề nghị. Hội đồng kiến nghị, hội họp, nghị sự.",
                ),
            ),
            ("word", "Tin ngắn", &prose(2, "Sáng nay khai mạc hội nghị.")),
            (
                "name",
                "Nguyễn Tấn Dũng thăm",
                &prose(3, "Thủ tướng Nguyễn Tấn Dũng thăm tỉnh."),
            ),
            (
                "parts",
                "Nguyễn Văn Tấn",
                &prose(4, "Ông Nguyễn Văn Tấn và bà Trần Thị Dũng dự lễ."),
            ),
        ],
    );
    let ids = t.search_ids("hoi nghi", &[]);
    assert_eq!(ids[0], "word", "{ids:?}");
    assert!(
        ids.contains(&"scattered".to_owned()),
        "scattered syllables still match, lower"
    );
    let ids = t.search_ids("nguyen tan dung", &[]);
    assert_eq!(ids, ["name", "parts"]);
}

#[test]
fn ho_chi_minh_city_in_every_spelling() {
    let t = Tre::new();
    corpus(
        &t,
        &[
            ("a", "Giao thông TP.HCM", &prose(1, "Kẹt xe ở TP.HCM.")),
            ("b", "Mưa ở TP HCM", &prose(2, "TP HCM mưa lớn.")),
            (
                "c",
                "Thành phố Hồ Chí Minh",
                &prose(3, "Thành phố Hồ Chí Minh phát triển."),
            ),
            (
                "d",
                "Chủ tịch Hồ Chí Minh",
                &prose(4, "Tấm gương đạo đức Hồ Chí Minh."),
            ),
        ],
    );
    for q in ["TP.HCM", "tp hcm", "Thành phố Hồ Chí Minh", "TPHCM"] {
        let mut ids = t.search_ids(q, &[]);
        ids.sort();
        assert_eq!(ids, ["a", "b", "c"], "query {q:?}");
    }
}

#[test]
fn hyphenated_and_spaced_forms_match_alike() {
    let t = Tre::new();
    corpus(
        &t,
        &[
            ("h", "Diễn đàn Á-Thái", &prose(1, "Khu vực Á-Thái.")),
            ("s", "Kinh tế Á - Thái", &prose(2, "Khu vực Á - Thái.")),
        ],
    );
    for q in ["Á-Thái", "Á - Thái", "a thai", "\"Á Thái\""] {
        let mut ids = t.search_ids(q, &[]);
        ids.sort();
        assert_eq!(ids, ["h", "s"], "query {q:?}");
    }
}

#[test]
fn quoted_phrases_and_exclusions() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let mut ids = t.search_ids("\"cây tre\"", &[]);
    ids.sort();
    assert_eq!(ids, ["000_3134ff17c9627f8e", "004_4a4988f74ca91375"]);
    let ids = t.search_ids("\"cây tre\" -\"Phạm Minh Chính\"", &[]);
    assert_eq!(ids, ["000_3134ff17c9627f8e"]);
    assert_eq!(t.search_ids("34-NQ/TW", &[]), ["001_f44d8612bcbb61fa"]);
}

#[test]
fn date_and_outlet_filters() {
    let t = Tre::new();
    let dir = t.inputs("f");
    write_jsonl(
        &dir.join("f.jsonl"),
        &[
            (
                "a",
                "Hội nghị A",
                &prose(1, "Hội nghị thượng đỉnh."),
                Some("2005-03-01"),
                Some("VnExpress"),
            ),
            (
                "b",
                "Hội nghị B",
                &prose(2, "Hội nghị thượng đỉnh."),
                Some("2006-07-09"),
                Some("Người Lao Động"),
            ),
            (
                "c",
                "Hội nghị C",
                &prose(3, "Hội nghị thượng đỉnh."),
                None,
                Some("VnExpress"),
            ),
        ],
    );
    t.ok(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(t.search_ids("hoi nghi", &["--from", "2006-01-01"]), ["b"]);
    assert_eq!(t.search_ids("hoi nghi", &["--to", "2005-12-31"]), ["a"]);
    let mut v = t.search_ids("hoi nghi", &["--outlet", "vnexpress"]);
    v.sort();
    assert_eq!(v, ["a", "c"]);
    assert_eq!(
        t.search_ids("hoi nghi", &["--outlet", "nguoi lao dong"]),
        ["b"]
    );
    let r = t.run(&["search", "hoi nghi", "--from", "01/03/2005"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);
}

#[test]
fn json_results_name_the_article_and_its_source() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let v = t.ok(&["search", "--json", "Trần Cẩm Tú"]).json();
    let h = &v["hits"][0];
    assert_eq!(h["id"], "000_3134ff17c9627f8e");
    assert!(
        h["source"]
            .as_str()
            .unwrap()
            .ends_with("000_3134ff17c9627f8e.txt")
    );
    let snippet = &h["snippet"];
    let text = snippet["text"].as_str().unwrap();
    let first = &snippet["highlights"][0];
    let (a, b) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    let marked: String = text.chars().skip(a).take(b - a).collect();
    assert_eq!(
        marked, "Trần Cẩm Tú",
        "highlight (counted in characters) covers the whole name"
    );
}

#[test]
fn hostile_queries_get_a_clear_message() {
    let t = Tre::new();
    t.ok(&["ingest", SEEDS]);
    let long = "a".repeat(5000);
    let r = t.run(&["search", &long]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("limit is 1000"), "{}", r.stderr);
    let r = t.run(&["search", "--", "!!! ---"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no words to search for"), "{}", r.stderr);
    // Odd but harmless input is just searched.
    for q in ["\"không đóng", "a AND OR NOT (", "\u{202e}tre", "title:x"] {
        let r = t.run(&["search", "--", q]);
        assert_eq!(r.code, 0, "{q:?}: {}", r.stderr);
    }
}

#[test]
fn a_missing_or_damaged_index_is_rebuilt_from_the_store() {
    let t = Tre::new();
    t.ok(&["ingest", "--no-index", SEEDS]);
    assert_eq!(
        t.stats()["index"]["behind"],
        5,
        "--no-index leaves the index behind"
    );
    // The next search catches up by itself.
    assert_eq!(t.search_ids("tran cam tu", &[])[0], "000_3134ff17c9627f8e");
    // Deleted: rebuilt.
    std::fs::remove_dir_all(t.data().join("index")).unwrap();
    assert_eq!(t.search_ids("tran cam tu", &[])[0], "000_3134ff17c9627f8e");
    // Damaged: rebuilt, never trusted.
    let dir = std::fs::read_dir(t.data().join("index"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    assert_eq!(t.search_ids("tran cam tu", &[])[0], "000_3134ff17c9627f8e");
    assert_eq!(t.stats()["index"]["documents"], 5);
    // `tre reindex` rebuilds on request.
    let r = t.ok(&["reindex"]);
    assert!(r.stdout.contains("5 articles"), "{}", r.stdout);
}

#[test]
fn words_rank_above_the_same_syllables_scattered() {
    let t = Tre::new();
    corpus(
        &t,
        &[
            (
                "syllables",
                "Chuyện vặt",
                &prose(1, "Hội viên đề nghị. Ông giao việc cho người ngoài."),
            ),
            (
                "words",
                "Tin đối ngoại",
                &prose(
                    2,
                    "Sau hội nghị, Bộ trưởng trao đổi về công tác ngoại giao.",
                ),
            ),
        ],
    );
    let ids = t.search_ids("hoi nghi ngoai giao", &[]);
    assert_eq!(
        ids,
        ["words", "syllables"],
        "the article with the words first"
    );
}

#[test]
fn segment_prints_words_joined_by_underscores() {
    let t = Tre::new();
    let mut child = t
        .command()
        .arg("segment")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // The second line uses the other tone placement and decomposed characters.
        stdin
            .write_all(
                "Bộ trưởng Ngoại giao Bùi Thanh Sơn\n\nNghị quyết số 34-NQ/TW của Uỷ ban\n"
                    .as_bytes(),
            )
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "one line out per line in: {text:?}");
    assert_eq!(lines[0], "Bộ_trưởng Ngoại_giao Bùi_Thanh_Sơn");
    assert_eq!(lines[1], "");
    assert!(
        lines[2].contains("34-NQ/TW") && lines[2].contains("Ủy_ban"),
        "{}",
        lines[2]
    );
}

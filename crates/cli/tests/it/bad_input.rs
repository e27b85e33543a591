//! Bad input: each bad file gets one clear message, every good one is stored, nothing lost.

use crate::support::{SEEDS, Tre, prose};
use std::io::Write;

#[test]
fn each_bad_input_gets_one_clear_message_and_good_ones_are_stored() {
    let t = Tre::new();
    let dir = t.inputs("mixed");
    // Good inputs.
    std::fs::copy(
        format!("{SEEDS}/000_3134ff17c9627f8e.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.join("page.html"),
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Thủ tướng tiếp Đại sứ - Báo Mẫu</title></head>\
             <body><nav>Trang chủ | Thời sự</nav><article><h1>Thủ tướng tiếp Đại sứ</h1>\
             <p>{}</p><p>{}</p></article><footer>Bản quyền</footer></body></html>",
            prose(1, "Thủ tướng tiếp Đại sứ Nhật Bản."),
            prose(2, "Hai bên trao đổi về hợp tác.")
        ),
    )
    .unwrap();
    // Bad inputs.
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    )
    .unwrap();
    let mut invalid = "Tiêu đề\n\nNội dung bài viết có ký tự hỏng "
        .as_bytes()
        .to_vec();
    invalid.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]);
    invalid.extend_from_slice(" ở giữa.\n".as_bytes());
    std::fs::write(dir.join("broken-utf8.txt"), &invalid).unwrap();
    std::fs::write(
        dir.join("truncated.html"),
        "<!DOCTYPE html><html><head><title>Trang bị cắt</title></head><body><div class=\"menu\"><a href=\"/\">Trang",
    )
    .unwrap();
    // A 200 MB file: refused from its size, without being read (sparse, so cheap to make).
    let huge = std::fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(200 * 1024 * 1024).unwrap();
    let mut jsonl = std::fs::File::create(dir.join("records.jsonl")).unwrap();
    writeln!(
        jsonl,
        "{}",
        serde_json::json!({"id": "r1", "title": "Bản tin một", "text": prose(1, "Một.")})
    )
    .unwrap();
    writeln!(jsonl, "{{this is not json").unwrap();
    writeln!(
        jsonl,
        "{}",
        serde_json::json!({"id": "r2", "title": "Bản tin hai", "text": prose(2, "Hai.")})
    )
    .unwrap();
    writeln!(
        jsonl,
        "{}",
        serde_json::json!({"title": "Không có id", "text": "x"})
    )
    .unwrap();
    drop(jsonl);
    std::fs::write(dir.join("notes.pdf"), b"%PDF-1.4").unwrap();

    let r = t.run(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(
        r.code, 1,
        "a failed input makes the exit status non-zero:\n{}",
        r.stdout
    );
    let out = &r.stdout;
    let expect = [
        ("empty.txt", "empty file"),
        ("image.txt", "PNG"),
        ("broken-utf8.txt", "not valid UTF-8 at byte"),
        ("truncated.html", "truncated"),
        ("huge.txt", "200 MB"),
        ("records.jsonl#L2", "not valid JSON"),
        ("records.jsonl#L4", "no \"id\""),
    ];
    for (file, phrase) in expect {
        let lines: Vec<&str> = out
            .lines()
            .filter(|l| l.contains(&format!("{file}:")))
            .collect();
        assert_eq!(lines.len(), 1, "one message for {file}:\n{out}");
        assert!(
            lines[0].contains(phrase),
            "{file}: expected {phrase:?} in {:?}",
            lines[0]
        );
    }
    assert!(out.contains("7 inputs failed"), "{out}");
    assert!(
        out.contains("1 file skipped"),
        "the PDF in a folder is skipped, not failed: {out}"
    );
    let s = t.stats();
    assert_eq!(s["articles"], 4, "good.txt, page.html, r1, r2 stored: {s}");
    let v = t.ok(&["search", "--json", "Thủ tướng tiếp Đại sứ"]).json();
    assert!(
        v["hits"][0]["source"]
            .as_str()
            .unwrap()
            .ends_with("page.html"),
        "the HTML page is searchable: {v}"
    );

    // Nothing already stored is lost or duplicated by running again.
    let again = t.run(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stdout
            .contains("0 new, 0 updated, 4 unchanged, 7 failed"),
        "{}",
        again.stdout
    );
    assert_eq!(t.stats()["articles"], 4);
}

#[test]
fn a_missing_path_or_unsupported_file_named_explicitly_fails_clearly() {
    let t = Tre::new();
    let r = t.run(&["ingest", "/nonexistent/path"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("/nonexistent/path: cannot read it"),
        "{}",
        r.stdout
    );
    let pdf = t.inputs("x").join("a.pdf");
    std::fs::write(&pdf, b"%PDF").unwrap();
    let r = t.run(&["ingest", pdf.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("not a kind of file tre reads"),
        "{}",
        r.stdout
    );
}

#[test]
fn two_inputs_claiming_one_id_do_not_overwrite_each_other() {
    let t = Tre::new();
    let a = t.inputs("a");
    let b = t.inputs("b");
    std::fs::copy(
        format!("{SEEDS}/000_3134ff17c9627f8e.txt"),
        a.join("index.txt"),
    )
    .unwrap();
    std::fs::copy(
        format!("{SEEDS}/001_f44d8612bcbb61fa.txt"),
        b.join("index.txt"),
    )
    .unwrap();
    let r = t.run(&["ingest", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("already used by"), "{}", r.stdout);
    assert_eq!(t.stats()["articles"], 1);
}

#[test]
fn an_unreachable_postgres_is_a_clear_error() {
    let t = Tre::new();
    let r = t.run(&["--database", "postgres://tre:pw@127.0.0.1:1/x", "stats"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot open the postgres store"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("pw@"),
        "no password printed: {}",
        r.stderr
    );
    let r = t.run(&["--database", "mysql://x", "stats"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a PostgreSQL URL"), "{}", r.stderr);
}

//! Desks and situations from a file and the command line.

use crate::support::Tre;

const DESKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/desks.toml");

#[test]
fn desks_import_from_a_file_and_situations_keep_history() {
    let t = Tre::new();
    let r = t.ok(&["desk", "import", DESKS]);
    assert!(
        r.stdout.contains("Imported 5 desks and 2 situations"),
        "{}",
        r.stdout
    );
    // Importing again updates, never duplicates.
    t.ok(&["desk", "import", DESKS]);
    let desks = t.ok(&["desk", "list", "--json"]).json();
    assert_eq!(desks.as_array().unwrap().len(), 5);
    let d = t.ok(&["desk", "show", "--json", "nhat-ban"]).json();
    assert_eq!(d["desk"]["definition"]["places"][0], "Nhật Bản");

    t.ok(&[
        "situation",
        "set",
        "so-tan-cong-dan-ukraine",
        "--by",
        "truong.phong",
        "--status",
        "action_required",
    ]);
    t.ok(&[
        "situation",
        "ack",
        "so-tan-cong-dan-ukraine",
        "--by",
        "cuc.lanh.su",
        "--note",
        "Đã nắm",
    ]);
    let s = t
        .ok(&["situation", "show", "--json", "so-tan-cong-dan-ukraine"])
        .json();
    assert_eq!(s["situation"]["status"], "action_required");
    let kinds: Vec<&str> = s["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["created", "status", "ack"]);

    // A new situation from the command line, then filters.
    t.ok(&[
        "situation",
        "set",
        "apec-2006",
        "--by",
        "vu.asean",
        "--title",
        "Hội nghị APEC 2006",
        "--query",
        "APEC Hà Nội",
        "--desk",
        "asean",
        "--owner",
        "vu.asean",
    ]);
    let mine = t
        .ok(&["situation", "list", "--json", "--owner", "vu.asean"])
        .json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["title"], "Hội nghị APEC 2006");
}

#[test]
fn bad_desk_files_and_commands_say_what_is_wrong() {
    let t = Tre::new();
    let dir = t.inputs("desks");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[desk]]\nid = \"Nhật Bản\"\nname = \"x\"\n").unwrap();
    let r = t.run(&["desk", "import", bad.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("lower-case letters"), "{}", r.stderr);
    std::fs::write(
        &bad,
        "[[desk]]\nid = \"x\"\nname = \"x\"\npillars = [\"sport\"]\n",
    )
    .unwrap();
    let r = t.run(&["desk", "import", bad.to_str().unwrap()]);
    assert!(r.stderr.contains("pillar \"sport\""), "{}", r.stderr);
    std::fs::write(
        &bad,
        "[[situation]]\nid = \"s\"\ntitle = \"t\"\nquery = \"q\"\ndesk = \"none\"\n",
    )
    .unwrap();
    let r = t.run(&["desk", "import", bad.to_str().unwrap()]);
    assert!(r.stderr.contains("no desk \"none\""), "{}", r.stderr);
    std::fs::write(
        &bad,
        "[[desk]]\nid = \"x\"\nname = \"x\"\ncolour = \"red\"\n",
    )
    .unwrap();
    let r = t.run(&["desk", "import", bad.to_str().unwrap()]);
    assert!(
        r.stderr.contains("not a valid desks file") && r.stderr.contains("colour"),
        "{}",
        r.stderr
    );
    // Nothing half-imported.
    assert_eq!(
        t.ok(&["desk", "list", "--json"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let r = t.run(&["situation", "set", "new-one", "--by", "x"]);
    assert!(
        r.stderr.contains("give --title and --query"),
        "{}",
        r.stderr
    );
    let r = t.run(&["situation", "ack", "none", "--by", "x"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no situation"), "{}", r.stderr);
}

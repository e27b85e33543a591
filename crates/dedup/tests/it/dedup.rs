use crate::{OTHER_VISIT, RICE, VISIT, sentences, title};
use tre_dedup::{DedupIndex, Params, Signature, Similarity, near_duplicate_groups};

fn reprint_with_credit() -> String {
    // Another paper's copy: its own headline, an agency dateline and a source line.
    let body: Vec<&str> = VISIT.lines().skip(1).collect();
    format!(
        "Việt Nam và Nhật Bản nâng tầm quan hệ\n(TTXVN) - {}\nTheo TTXVN",
        body.join("\n")
    )
}

fn edited_copy() -> String {
    // Two sentences cut, the rest reordered, a word or two changed.
    let mut s = sentences(VISIT);
    s.remove(3);
    s.remove(5);
    s.swap(1, 4);
    s.swap(2, 3);
    let text = s
        .join(" ")
        .replace("Chiều 12/5", "Chiều ngày 12/5")
        .replace("đã hội đàm", "hội đàm");
    format!("Hội đàm cấp cao Việt Nam - Nhật Bản\n{text}")
}

fn teaser() -> String {
    let s = sentences(VISIT);
    format!("{}\n{} {}", title(VISIT), s[0], s[1])
}

#[test]
fn reprints_edits_and_teasers_are_one_item_other_events_are_not() {
    let reprint = reprint_with_credit();
    let edited = edited_copy();
    let teaser = teaser();
    let docs = [
        (1, VISIT),
        (2, reprint.as_str()),
        (3, OTHER_VISIT),
        (4, edited.as_str()),
        (5, RICE),
        (6, teaser.as_str()),
    ];
    assert_eq!(near_duplicate_groups(docs), vec![vec![1, 2, 4, 6]]);
}

#[test]
fn what_each_rule_sees() {
    let mut index = DedupIndex::default();
    let p = Params::default();
    let full = index.signature(VISIT);
    let teaser = index.signature(&teaser());
    let other = index.signature(OTHER_VISIT);
    let s = Similarity::of(&full, &teaser);
    // A teaser is a sliver of the whole article but most of its head.
    assert!(s.jaccard < p.min_jaccard, "{s:?}");
    assert!(s.head_containment >= p.min_containment, "{s:?}");
    assert!(s.is_duplicate(&full, &teaser, &p));
    let s = Similarity::of(&full, &other);
    assert!(
        s.jaccard < 0.1 && !s.is_duplicate(&full, &other, &p),
        "{s:?}"
    );
}

#[test]
fn a_headline_alone_or_an_empty_text_is_nobodys_duplicate() {
    let mut index = DedupIndex::default();
    index.add(1, VISIT);
    assert_eq!(index.add(2, title(VISIT)), Vec::<u64>::new());
    assert_eq!(index.add(3, ""), Vec::<u64>::new());
    assert_eq!(index.add(4, " … — "), Vec::<u64>::new());
    assert_eq!(index.duplicate_groups(), Vec::<Vec<u64>>::new());
    assert_eq!(index.len(), 4);
}

#[test]
fn incremental_add_equals_one_shot_in_any_order() {
    let reprint = reprint_with_credit();
    let edited = edited_copy();
    let teaser = teaser();
    let docs = vec![
        (10, VISIT),
        (11, reprint.as_str()),
        (12, OTHER_VISIT),
        (13, edited.as_str()),
        (14, RICE),
        (15, teaser.as_str()),
        (16, OTHER_VISIT),
    ];
    let one_shot = near_duplicate_groups(docs.clone());
    // New articles arrive one day at a time, newest first or oldest first.
    for order in [docs.clone(), docs.iter().rev().cloned().collect()] {
        let mut index = DedupIndex::default();
        for (id, text) in order {
            index.add(id, text);
        }
        assert_eq!(index.duplicate_groups(), one_shot);
        assert_eq!(index.groups().len(), 3); // visit, other visit, rice
    }
    assert_eq!(one_shot, vec![vec![10, 11, 13, 15], vec![12, 16]]);
    // The same input gives the same output, run after run.
    assert_eq!(near_duplicate_groups(docs), one_shot);
}

#[test]
fn add_reports_what_a_new_article_duplicates() {
    let mut index = DedupIndex::default();
    assert_eq!(index.add(7, VISIT), Vec::<u64>::new());
    assert_eq!(index.add(3, OTHER_VISIT), Vec::<u64>::new());
    assert_eq!(index.add(9, &reprint_with_credit()), vec![7]);
    assert_eq!(index.candidates(7), vec![9]);
    assert_eq!(index.candidates(3), Vec::<u64>::new());
    assert_eq!(index.candidates(42), Vec::<u64>::new());
}

#[test]
fn updating_or_removing_an_article_moves_it_out_of_its_group() {
    let mut index = DedupIndex::default();
    index.add(1, VISIT);
    index.add(2, &reprint_with_credit());
    assert_eq!(index.duplicate_groups(), vec![vec![1, 2]]);
    // Re-adding the same text changes nothing; a corrected text replaces the old one.
    assert_eq!(index.add(2, &reprint_with_credit()), vec![1]);
    index.add(2, RICE);
    assert_eq!(index.duplicate_groups(), Vec::<Vec<u64>>::new());
    index.add(3, VISIT);
    assert_eq!(index.duplicate_groups(), vec![vec![1, 3]]);
    assert!(index.remove(1));
    assert!(!index.remove(1));
    assert_eq!(index.groups(), vec![vec![2], vec![3]]);
    assert_eq!(index.len(), 2);
}

#[test]
fn persisted_signatures_rebuild_the_same_index() {
    let mut a = DedupIndex::default();
    let mut b = DedupIndex::default();
    let reprint = reprint_with_credit();
    for (id, text) in [(1, VISIT), (2, OTHER_VISIT), (3, reprint.as_str())] {
        a.add(id, text);
        let bytes = a
            .signature_of(id)
            .map(Signature::to_bytes)
            .unwrap_or_default();
        let sig = Signature::from_bytes(&bytes, b.params()).expect("round trip");
        b.add_signature(id, sig).expect("same parameters");
    }
    assert_eq!(a.groups(), b.groups());
    // A signature made with other parameters is refused with a message saying what to do.
    let mut other = DedupIndex::new(Params {
        shingle_len: 6,
        ..Params::default()
    });
    let sig = a.signature(VISIT);
    let err = other.add_signature(1, sig).expect_err("other params");
    assert!(err.to_string().contains("recompute"), "{err}");
}

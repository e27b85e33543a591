//! The extractive summariser on the seed articles as scraped, residue included.

use crate::fixture::*;
use tre_briefing::*;

const RESIDUE: &[&str] = &[
    "(Ảnh",
    "Ảnh:",
    "Theo CPV",
    "Phương Diệp",
    "TTXVN/Vietnam+",
    "0:00",
    "Bạn đang xem",
    "Viết bình luận",
    "FormShield",
    "Số ký tự",
    "M.H",
    "https://",
    "\u{FFFD}",
    "ảnh 1",
    "chụp ảnh lưu niệm",
];

fn one(id: &str, title: &str, text: &str) -> Vec<SummarySentence> {
    summarize(
        title,
        &[SummarySource {
            article_id: id,
            text,
        }],
        &[],
    )
}

fn check(title: &str, summary: &[SummarySentence]) {
    assert!((2..=3).contains(&summary.len()), "{title}: {summary:?}");
    for (i, s) in summary.iter().enumerate() {
        for r in RESIDUE {
            assert!(!s.text.contains(r), "{r:?} in {:?}", s.text);
        }
        assert!(
            s.text.ends_with(['.', '!', '?', '…', '"', '”']),
            "not a sentence: {}",
            s.text
        );
        assert_ne!(s.text.trim(), title.trim(), "the headline is not a summary");
        for t in &summary[i + 1..] {
            assert_ne!(s.text, t.text);
        }
    }
}

#[test]
fn every_seed_gets_a_clean_summary() {
    for (title, text) in [
        (TITLE_000, SEED_000),
        (TITLE_001, SEED_001),
        (TITLE_002, SEED_002),
        (TITLE_003, SEED_003),
        (TITLE_004, SEED_004),
    ] {
        let s = one("seed", title, text);
        check(title, &s);
    }
}

#[test]
fn the_lead_is_chosen_where_it_carries_the_news() {
    let s = one("cb", TITLE_004, SEED_004);
    assert!(
        s[0].text
            .starts_with("Sáng 10/1, Bộ Ngoại giao tổ chức hội nghị trực tuyến tổng kết"),
        "{s:?}"
    );
    let s = one("tgvn", TITLE_001, SEED_001);
    assert!(
        s[0].text
            .starts_with("Tối ngày 28/4, tại Nhà khách Chính phủ"),
        "{s:?}"
    );
    // Not the sentence that only restates the headline ("Phát biểu tại buổi làm việc, Bộ
    // trưởng … giao 4 nhiệm vụ …").
    assert!(
        s.iter().all(|x| !x
            .text
            .starts_with("Phát biểu tại buổi làm việc, Bộ trưởng Ngoại giao Bùi Thanh Sơn giao 4")),
        "{s:?}"
    );
}

#[test]
fn a_teaser_repeating_the_body_is_used_once_and_a_glued_headline_is_cut_off() {
    // Seed 003 opens with a teaser paragraph that repeats the first body paragraphs, with
    // the headline run into its third sentence.
    let s = one("cpv", TITLE_003, SEED_003);
    check(TITLE_003, &s);
    let lead = s
        .iter()
        .filter(|x| {
            x.text
                .starts_with("Thực hiện Chương trình làm việc toàn khóa")
        })
        .count();
    assert_eq!(lead, 1, "{s:?}");
    assert!(
        s.iter().all(|x| !x.text.contains("Trung ương Đồng chí")),
        "{s:?}"
    );
}

#[test]
fn photo_captions_without_a_credit_are_not_sentences_of_the_story() {
    // In seed 001 the headline recurs as a picture's alt text and the line after it is the
    // caption ("Toàn cảnh …", "… chụp ảnh lưu niệm …"), with no "(Ảnh: …)".
    let mut z = Summarizer::new(SummaryOptions::default());
    let mut all = Vec::new();
    for _ in 0..6 {
        let s = z.summarize(
            TITLE_001,
            &[SummarySource {
                article_id: "a",
                text: SEED_001,
            }],
            &[],
        );
        if s.is_empty() {
            break;
        }
        all.extend(s);
    }
    assert!(all.len() >= 8, "{all:?}");
    for s in &all {
        assert!(!s.text.starts_with("Toàn cảnh"), "{}", s.text);
        assert!(!s.text.contains("chụp ảnh lưu niệm"), "{}", s.text);
        // The caption under the last picture, not the paragraph after it.
        assert_ne!(
            s.text,
            "Thay mặt cho các Trưởng cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2023-2026, Thứ trưởng Ngoại giao Phạm Quang Hiệu phát biểu cảm ơn."
        );
    }
}

#[test]
fn a_summarizer_never_repeats_a_sentence_across_the_briefing() {
    let mut z = Summarizer::new(SummaryOptions::default());
    let src = [SummarySource {
        article_id: "tgvn-000",
        text: SEED_000,
    }];
    let first = z.summarize(TITLE_000, &src, &[]);
    let second = z.summarize(TITLE_000, &src, &[]);
    assert_eq!(first.len(), 2);
    assert!(!second.is_empty());
    for s in &second {
        assert!(
            first.iter().all(|f| f.text != s.text),
            "repeated {}",
            s.text
        );
    }
    // A sentence marked as used elsewhere (say, an event's title) is not used again.
    let mut z = Summarizer::new(SummaryOptions::default());
    z.mark_used(&first[0].text);
    let again = z.summarize(TITLE_000, &src, &[]);
    assert!(again.iter().all(|s| s.text != first[0].text));
}

#[test]
fn reprints_are_quoted_from_the_original_and_count_as_support() {
    let src = [
        SummarySource {
            article_id: "original",
            text: SEED_001,
        },
        SummarySource {
            article_id: "reprint",
            text: SEED_001,
        },
    ];
    let s = summarize(TITLE_001, &src, &[]);
    assert!(s.iter().all(|x| x.article_id == "original"), "{s:?}");
    check(TITLE_001, &s);
}

#[test]
fn entities_steer_the_choice_towards_what_the_desk_follows() {
    let src = [
        SummarySource {
            article_id: "tgvn-001",
            text: SEED_001,
        },
        SummarySource {
            article_id: "vov-0428",
            text: VOV_TEXT,
        },
    ];
    let plain = summarize(TITLE_001, &src, &[]);
    let japan = summarize(
        TITLE_001,
        &src,
        &["Nhật Bản".to_string(), "Phạm Quang Hiệu".to_string()],
    );
    check(TITLE_001, &japan);
    assert!(
        japan
            .iter()
            .any(|s| s.text.contains("Đại sứ Việt Nam tại Nhật Bản")),
        "{japan:?}"
    );
    // Two outlets' leads about the same meeting do not both make the summary.
    let leads = plain
        .iter()
        .filter(|s| s.text.contains("Nhà khách Chính phủ"))
        .count();
    assert!(leads <= 1, "{plain:?}");
}

#[test]
fn residue_alone_gives_no_summary_and_odd_input_does_not_panic() {
    let residue = "Bạn đang xem: Trang chủ » Thời sự\n0:00 / 0:00\nViết bình luận\nProtected by FormShield\nTheo CPV";
    assert!(one("x", "Tiêu đề", residue).is_empty());
    for text in [
        "",
        "\n\n\n",
        ".",
        "...",
        "\u{0}\u{1}",
        "Ảnh",
        &"a ".repeat(5000),
        &"Câu. ".repeat(400),
    ] {
        let _ = one("x", "", text);
        let _ = one("x", text, text);
    }
}

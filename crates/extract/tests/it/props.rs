//! Any input is extracted without a panic, and every span points at what it names.

use crate::{article, extractor};
use proptest::prelude::*;
use tre_extract::{Extraction, Span};

fn spans(x: &Extraction) -> Vec<Span> {
    let mut v: Vec<Span> = Vec::new();
    for p in &x.persons {
        v.extend(&p.mentions);
        v.extend(p.title_mentions.iter().map(|t| t.span));
    }
    for o in &x.organizations {
        v.extend(&o.mentions);
    }
    for p in &x.places {
        v.extend(&p.mentions);
    }
    for d in &x.documents {
        v.extend(&d.mentions);
    }
    for e in x.events.iter().chain(&x.other_events) {
        v.extend(&e.mentions);
    }
    v.extend(x.dates.iter().map(|d| d.span));
    for p in &x.pillars {
        v.extend(p.evidence.iter().map(|e| e.span));
    }
    v
}

fn check_spans(a: &tre_extract::ArticleInput, x: &Extraction) {
    let text = a.text();
    for s in spans(x) {
        assert!(
            s.start < s.end && text.get(s.start..s.end).is_some(),
            "span {s:?} outside the text or not on character boundaries"
        );
    }
    for p in &x.persons {
        // Every name mention is written in the text as it is listed, or is a shorter form.
        for t in &p.title_mentions {
            assert_eq!(text.get(t.span.start..t.span.end), Some(t.title.as_str()));
        }
    }
    for o in &x.organizations {
        let first = o.mentions.first().expect("an organisation has a mention");
        assert_eq!(text.get(first.start..first.end), Some(o.name.as_str()));
    }
}

#[test]
fn spans_point_into_the_text_of_a_real_article() {
    let a = article(
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản",
        &[
            "Sáng 10/1, tại Hà Nội, Ủy viên Trung ương Đảng, Bộ trưởng Ngoại giao Bùi Thanh Sơn \
             đã tiếp Đại sứ Nhật Bản Yamada Takio.",
            "Hai bên nhất trí triển khai Nghị quyết số 34-NQ/TW, đẩy mạnh ngoại giao kinh tế.",
        ],
    );
    let x = extractor().extract(&a);
    assert!(!x.persons.is_empty());
    check_spans(&a, &x);
}

#[test]
fn empty_and_odd_articles() {
    for (title, paras) in [
        ("", vec![]),
        ("", vec!["", ""]),
        (
            "(((",
            vec![")))", "Ông", "Bộ trưởng", "ngày 31/2", "34-NQ/TW ngày"],
        ),
        (
            "Đại sứ quán",
            vec!["Tại", "các Thứ trưởng:", "Nguyễn", "- - -"],
        ),
    ] {
        let a = article(title, &paras);
        let x = extractor().extract(&a);
        check_spans(&a, &x);
    }
}

/// Words the rules key on, so that random text exercises them.
const WORDS: &[&str] = &[
    "Bộ trưởng",
    "Ngoại giao",
    "Bùi Thanh Sơn",
    "ông",
    "bà",
    "Đại sứ",
    "Việt Nam",
    "tại",
    "Nhật Bản",
    ",",
    ".",
    ":",
    "(",
    ")",
    "-",
    "các",
    "và",
    "kiêm",
    "Thủ tướng",
    "Chính phủ",
    "hội đàm",
    "ngày",
    "29/3",
    "9/1/2023",
    "34-NQ/TW",
    "Nghị quyết",
    "số",
    "21",
    "Kết luận",
    "sáng",
    "cùng ngày",
    "Hội",
    "Sở",
    "UBND",
    "tỉnh",
    "Cao Bằng",
    "Hà Quảng",
    "Trụ sở",
    "cơ quan",
    "Liên Hợp Quốc",
    "LHQ",
    "John",
    "de",
    "Smith",
    "A.",
    "sẽ",
    "tiếp",
    "thăm",
    "Lễ",
    "ký",
    "hiệp định",
    "người được chỉ định là",
    "là",
    "làm",
    "tân",
    "nguyên",
    "Ủy viên Bộ Chính trị",
    "Đồng chí",
    "Trần Cẩm Tú",
    "7.3",
    "Ảnh:",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_extracts_without_panic(s in "\\PC{0,200}") {
        let a = article(&s, &[&s]);
        let x = extractor().extract(&a);
        check_spans(&a, &x);
    }

    #[test]
    fn any_sequence_of_cue_words_extracts_without_panic(
        picks in proptest::collection::vec(0..WORDS.len(), 0..60)
    ) {
        let text: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
        let text = text.join(" ");
        let a = article(&text, &[&text, &text]);
        let x = extractor().extract(&a);
        check_spans(&a, &x);
    }
}

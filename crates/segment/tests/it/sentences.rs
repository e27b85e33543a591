//! Sentence splitting on the shapes Vietnamese news takes.

use tre_segment::sentences;

fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn splits_at_full_stops_questions_and_exclamations() {
    assert_eq!(
        split("Đoàn đã tới Hà Nội. Chuyến thăm kéo dài ba ngày! Có gì mới?"),
        [
            "Đoàn đã tới Hà Nội.",
            "Chuyến thăm kéo dài ba ngày!",
            "Có gì mới?"
        ]
    );
}

#[test]
fn abbreviations_with_dots_do_not_end_sentences() {
    assert_eq!(
        split("PGS.TS. Nguyễn Văn A làm việc tại TP.HCM. Tp. Huế cũng vậy."),
        [
            "PGS.TS. Nguyễn Văn A làm việc tại TP.HCM.",
            "Tp. Huế cũng vậy."
        ]
    );
}

#[test]
fn initials_in_names_do_not_end_sentences() {
    assert_eq!(
        split("Ông Nguyễn V. A. phát biểu."),
        ["Ông Nguyễn V. A. phát biểu."]
    );
}

#[test]
fn numbers_and_dates_keep_their_dots() {
    assert_eq!(
        split("Có 1.500 người dự ngày 20.08.2014. Sau đó họ về."),
        ["Có 1.500 người dự ngày 20.08.2014.", "Sau đó họ về."]
    );
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    assert_eq!(
        split("Ông nói: “Chúng tôi sẵn sàng.” Sau đó ông rời đi."),
        ["Ông nói: “Chúng tôi sẵn sàng.”", "Sau đó ông rời đi."]
    );
}

#[test]
fn ellipses_end_a_sentence_only_before_a_capital() {
    assert_eq!(
        split("Họ chờ... chờ mãi… Rồi trời sáng."),
        ["Họ chờ... chờ mãi…", "Rồi trời sáng."]
    );
}

#[test]
fn headlines_without_a_stop_end_at_the_line_break() {
    assert_eq!(
        split("Việt Nam và Nhật Bản ký kết hợp tác\n\nHôm nay, hai bên đã ký."),
        [
            "Việt Nam và Nhật Bản ký kết hợp tác",
            "Hôm nay, hai bên đã ký."
        ]
    );
}

#[test]
fn numbered_list_items_keep_their_number() {
    assert_eq!(split("1. Tăng cường hợp tác."), ["1. Tăng cường hợp tác."]);
}

#[test]
fn text_without_stops_is_cut_into_bounded_pieces() {
    use tre_segment::MAX_SENTENCE_BYTES;
    let long = "một hai ba bốn năm ".repeat(2000);
    let ranges = sentences(&long);
    assert!(ranges.len() > 1);
    assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
    let glued: String = ranges
        .iter()
        .map(|r| &long[r.clone()])
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        glued.split_whitespace().count(),
        long.split_whitespace().count()
    );
    let no_space = "ư".repeat(10_000);
    let ranges = sentences(&no_space);
    assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
    assert_eq!(
        ranges.iter().map(|r| r.len()).sum::<usize>(),
        no_space.len()
    );
}

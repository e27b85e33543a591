//! Units that must never be split come out as one word, typed.

use crate::{kind_of, seg};
use tre_segment::WordKind;

#[test]
fn party_and_legal_document_numbers() {
    let t = "Nghị quyết số 34-NQ/TW, Chỉ thị 15-CT/TW và Nghị định 30/2020/NĐ-CP.";
    assert_eq!(kind_of(t, "34-NQ/TW"), WordKind::DocumentNumber);
    assert_eq!(kind_of(t, "15-CT/TW"), WordKind::DocumentNumber);
    assert_eq!(kind_of(t, "30/2020/NĐ-CP"), WordKind::DocumentNumber);
}

#[test]
fn dates_in_their_written_forms() {
    let t = "Sáng 16/12, hội nghị (29/3 và 10-8) khai mạc; ngày 9/1/2023 và 20.08.2014.";
    for d in ["16/12", "29/3", "10-8", "9/1/2023", "20.08.2014"] {
        assert_eq!(kind_of(t, d), WordKind::Date, "{d}");
    }
    let out = seg().segment_line("ngày 9 tháng 1 năm 2023");
    assert_eq!(out.split(' ').count(), 6, "{out}");
}

#[test]
fn times() {
    assert_eq!(kind_of("Lúc 10:30 sáng", "10:30"), WordKind::Time);
    assert_eq!(kind_of("Khoảng 8h30, đoàn tới", "8h30"), WordKind::Time);
}

#[test]
fn numbers_and_amounts() {
    let t = "Kim ngạch đạt 700 tỷ USD, tăng 2,5% so với 1.500 doanh nghiệp.";
    assert_eq!(kind_of(t, "700"), WordKind::Number);
    assert_eq!(kind_of(t, "2,5%"), WordKind::Number);
    assert_eq!(kind_of(t, "1.500"), WordKind::Number);
    assert_eq!(kind_of(t, "USD"), WordKind::Abbreviation);
}

#[test]
fn terms_of_office() {
    let t = "nhiệm kỳ 2023-2026 và giai đoạn 2021 - 2025";
    assert_eq!(kind_of(t, "2023-2026"), WordKind::Range);
    assert_eq!(kind_of(t, "2021 - 2025"), WordKind::Range);
    assert!(seg().segment_line(t).contains(" 2023-2026 "));
}

#[test]
fn addresses_and_phone_numbers() {
    let t = "Liên hệ lanhsu@mofa.gov.vn, xem https://mofa.gov.vn/vi/tin-tuc?id=1. Gọi 024.3823.4567 hoặc +84912345678.";
    assert_eq!(kind_of(t, "lanhsu@mofa.gov.vn"), WordKind::Email);
    assert_eq!(
        kind_of(t, "https://mofa.gov.vn/vi/tin-tuc?id=1"),
        WordKind::Url
    );
    assert_eq!(kind_of(t, "024.3823.4567"), WordKind::Phone);
    assert_eq!(kind_of(t, "+84912345678"), WordKind::Phone);
}

#[test]
fn abbreviations() {
    let t = "UBND tỉnh và TTXVN đưa tin về tình hình KT - XH tại TP.HCM.";
    assert_eq!(kind_of(t, "UBND"), WordKind::Abbreviation);
    assert_eq!(kind_of(t, "TTXVN"), WordKind::Abbreviation);
    assert_eq!(kind_of(t, "KT - XH"), WordKind::Abbreviation);
    assert_eq!(kind_of(t, "TP.HCM"), WordKind::Abbreviation);
    assert!(seg().segment_line(t).contains(" KT_-_XH "));
}

#[test]
fn codes_keep_their_hyphens() {
    assert_eq!(
        kind_of("đại dịch COVID-19 và đội U23", "COVID-19"),
        WordKind::Code
    );
    assert_eq!(
        kind_of("đại dịch COVID-19 và đội U23", "U23"),
        WordKind::Code
    );
}

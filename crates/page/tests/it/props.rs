//! Property tests: no input makes decoding or cleaning panic, and every string a page returns
//! is already normalised.

use crate::assert_page_invariants;
use proptest::prelude::*;
use tre_page::{clean_article, clean_html_page, clean_text_page, decode, decode_html};

/// Pieces of real pages (residue, dates, captions, markup, combining marks, mojibake) mixed
/// with arbitrary text, so the generated inputs reach deep into the cleaners.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Bình luận".to_owned()),
        Just("Tin liên quan".to_owned()),
        Just("0:00 / 0:00".to_owned()),
        Just("Thứ hai,\u{a0} 08/08/2022".to_owned()),
        Just("Thứ ba 10/01/2023 17:37".to_owned()),
        Just("Bộ trưởng phát biểu. (Ảnh: Đăng Khoa)".to_owned()),
        Just("- Ảnh: NGUYỄN KHÁNH".to_owned()),
        Just("Theo CPV".to_owned()),
        Just("M.H".to_owned()),
        Just("Bạn đang xem: Trang chủ » Thời sự".to_owned()),
        Just("Báo Thế giới & Việt Nam - https://baoquocte.vn/".to_owned()),
        Just("TTO - Sáng nay".to_owned()),
        Just("(NLĐ)- ".to_owned()),
        Just("...".to_owned()),
        Just("\u{301}\u{323}".to_owned()),
        Just("Bá»™ trÆ°á»Ÿng".to_owned()),
        Just("<p class=\"sapo\">".to_owned()),
        Just("<figure><figcaption>".to_owned()),
        Just("<div class=\"fck_detail\">".to_owned()),
        Just("<h1>".to_owned()),
        Just("</h1></p></div>".to_owned()),
        Just("<meta property=\"og:title\" content=\"".to_owned()),
        Just("<time datetime=\"2023-01-10T17:37:00+07:00\">".to_owned()),
        Just("<script type=\"application/ld+json\">{\"datePublished\":".to_owned()),
        Just("<br>".to_owned()),
        "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ .,:()/-]{0,60}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.join("\n"))
}

proptest! {
    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.trim().is_empty());
        }
        let _ = decode_html(&bytes);
    }

    #[test]
    fn decode_reads_any_utf8_that_is_not_mojibake(text in "[^\u{0}]{1,200}") {
        // Valid UTF-8 without NULs is never refused unless it is garbled.
        match decode(text.as_bytes()) {
            Ok(_) => {}
            Err(e) => prop_assert!(matches!(e, tre_page::DecodeError::Blank { .. } | tre_page::DecodeError::Garbled | tre_page::DecodeError::Binary { .. }), "{e}"),
        }
    }

    #[test]
    fn text_cleaning_never_panics_and_normalises(text in newsy()) {
        if let Ok(p) = clean_text_page(&text) {
            assert_page_invariants(&p);
        }
    }

    #[test]
    fn arbitrary_text_cleaning(text in any::<String>()) {
        if let Ok(p) = clean_text_page(&text) {
            assert_page_invariants(&p);
        }
        if let Ok(p) = clean_html_page(&text) {
            assert_page_invariants(&p);
        }
    }

    #[test]
    fn html_cleaning_never_panics_and_normalises(text in newsy()) {
        let html = format!("<html><head><title>{}</title></head><body>{text}</body></html>", text.lines().next().unwrap_or(""));
        if let Ok(p) = clean_html_page(&html) {
            assert_page_invariants(&p);
        }
        if let Ok(p) = clean_html_page(&text) {
            assert_page_invariants(&p);
        }
    }

    #[test]
    fn article_cleaning_never_panics_and_normalises(title in newsy(), text in newsy()) {
        if let Ok(p) = clean_article(&title, &text) {
            assert_page_invariants(&p);
        }
    }
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let depth = 20_000;
    let html = format!(
        "{}<p>Bộ Ngoại giao tổ chức hội nghị, với nhiều đại biểu tham dự.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let _ = clean_html_page(&format!("<title>Tiêu đề bài báo</title>{html}"));
}

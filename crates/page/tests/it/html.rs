//! HTML pages laid out like real Vietnamese news sites: the article is found among the chrome,
//! metadata fills the page's fields, and nothing of the chrome reaches the body.

use crate::{assert_body_lacks, assert_page_invariants, fixture};
use tre_page::{Page, PageError, clean_html_page, decode_html};

fn clean(html: &str) -> Page {
    let page = clean_html_page(html).unwrap_or_else(|e| panic!("{e}"));
    assert_page_invariants(&page);
    page
}

#[test]
fn vnexpress_like_page() {
    let p = clean(&fixture("vnexpress_like.html"));
    // og:title without its " - VnExpress" suffix.
    assert_eq!(p.title, "Bộ Ngoại giao triển khai nhiệm vụ năm 2023");
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Sáng 10/1, Bộ Ngoại giao tổ chức"))
    );
    assert_eq!(p.paragraphs.len(), 5);
    assert!(p.paragraphs[0].starts_with("Tham dự có đồng chí Phạm Minh Chính"));
    assert!(p.paragraphs[4].starts_with("Phát biểu chỉ đạo hội nghị"));
    assert_eq!(
        p.captions,
        ["Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại hội nghị, sáng 10/1."]
    );
    assert_eq!(p.credits, ["Giang Huy"]);
    assert_eq!(p.byline.as_deref(), Some("Minh Hải"));
    assert_eq!(p.published.as_deref(), Some("2023-01-10T17:37"));
    // The header's "today" is the page view's date, kept apart.
    assert_eq!(p.page_date.as_deref(), Some("2023-01-10"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://vnexpress.net/bo-ngoai-giao-trien-khai-nhiem-vu-nam-2023-4558001.html")
    );
    assert_eq!(p.site_name.as_deref(), Some("VnExpress"));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_body_lacks(
        &p,
        &[
            "Thủ tướng dự hội nghị ngoại giao lần thứ 32",
            "tiếp tục phát huy vai trò tiên phong trong giai đoạn mới",
            "Tôi rất tự hào",
            "Ý kiến",
            "Xem nhiều",
            "Giá vàng hôm nay",
            "Chia sẻ",
            "In bài",
            "Copyright",
            "Giải trí",
            "Quảng cáo",
            "Minh Hải",
            "Ảnh:",
            "GMT",
        ],
    );
    assert!(
        p.paragraphs
            .iter()
            .all(|x| x != "Bộ Ngoại giao" && x != "Hội nghị ngoại giao"),
        "tags kept"
    );
}

#[test]
fn date_element_when_metadata_has_none() {
    let html = fixture("vnexpress_like.html").replace(
        r#"<meta name="pubdate" itemprop="datePublished" content="2023-01-10T17:37:00+07:00">"#,
        "",
    );
    let p = clean(&html);
    assert_eq!(p.published.as_deref(), Some("2023-01-10T17:37"));
    assert_body_lacks(&p, &["17:37"]);
}

#[test]
fn chrome_like_class_names_do_not_hide_the_article() {
    // Without the <h1> and the body's class, nothing marks the main column ("sidebar-1") as
    // content; the second reading, trusting tags only, still finds the article.
    let html = fixture("vnexpress_like.html")
        .replace(
            r#"<h1 class="title-detail">"#,
            r#"<div class="title-detail">"#,
        )
        .replace("</h1>", "</div>")
        .replace(r#"class="fck_detail""#, r#"class="x""#);
    let p = clean(&html);
    assert_eq!(p.title, "Bộ Ngoại giao triển khai nhiệm vụ năm 2023");
    assert!(p.paragraphs.len() >= 5, "{p:#?}");
    assert!(p.body_text().contains("Thực hiện Chỉ thị số 15-CT/TW"));
}

#[test]
fn tuoitre_like_page() {
    let p = clean(&fixture("tuoitre_like.html"));
    assert_eq!(
        p.title,
        "Bộ trưởng Bùi Thanh Sơn giao 4 nhiệm vụ cho các Trưởng cơ quan đại diện"
    );
    // The sapo, without the "TTO - " dateline.
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Tối 28-4, tại Nhà khách Chính phủ"))
    );
    assert_eq!(p.published.as_deref(), Some("2023-04-28T21:15"));
    assert_eq!(p.byline.as_deref(), Some("NGỌC AN"));
    assert_eq!(
        p.captions,
        ["Toàn cảnh buổi làm việc của Bộ trưởng với các Trưởng cơ quan đại diện"]
    );
    assert_eq!(p.credits, ["NGUYỄN KHÁNH"]);
    assert_eq!(p.site_name.as_deref(), Some("TUOI TRE ONLINE"));
    // A subheading inside the body stays, in its place.
    let at = p
        .paragraphs
        .iter()
        .position(|x| x == "Tăng cường công tác nghiên cứu");
    assert_eq!(at, Some(4), "{:#?}", p.paragraphs);
    assert_eq!(p.paragraphs.len(), 7);
    assert_body_lacks(
        &p,
        &[
            "TTO",
            "Ngoại giao kinh tế phải lấy doanh nghiệp",
            "Từ khóa",
            "Bình luận",
            "Chúc các đại sứ lên đường",
            "Tin mới nhất",
            "Khởi công dự án",
            "Thành Đoàn",
            "GMT",
        ],
    );
}

#[test]
fn metadata_date_wins_over_printed_date() {
    let html =
        fixture("tuoitre_like.html").replace("2023-04-28T21:15:00+07:00", "2023-04-28T14:15:00Z");
    // 14:15 UTC is 21:15 in Vietnam: the same instant, read as local time.
    assert_eq!(clean(&html).published.as_deref(), Some("2023-04-28T21:15"));
    let html = fixture("tuoitre_like.html")
        .replace("2023-04-28T21:15:00+07:00", "2023-04-28T20:00:00+07:00");
    assert_eq!(clean(&html).published.as_deref(), Some("2023-04-28T20:00"));
}

#[test]
fn wordpress_like_page() {
    let p = clean(&fixture("wordpress_like.html"));
    assert_eq!(
        p.title,
        "Tổng Bí thư Nguyễn Phú Trọng làm việc với Ban Đối ngoại Trung ương"
    );
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Thực hiện Chương trình làm việc toàn khóa"))
    );
    assert_eq!(p.paragraphs.len(), 3);
    assert_eq!(p.published.as_deref(), Some("2011-12-23T16:20"));
    assert_eq!(p.page_date.as_deref(), Some("2022-08-08"));
    assert_eq!(p.byline.as_deref(), Some("Trần Văn Nam"));
    assert_eq!(p.source_line.as_deref(), Some("Theo CPV"));
    assert_eq!(
        p.captions,
        ["Tổng Bí thư Nguyễn Phú Trọng phát biểu tại buổi làm việc."]
    );
    assert_eq!(p.credits, ["TTXVN"]);
    assert_eq!(
        p.url.as_deref(),
        Some(
            "https://baobinhminh.example.vn/2011/12/23/tong-bi-thu-lam-viec-voi-ban-doi-ngoai-trung-uong/"
        )
    );
    assert_eq!(p.site_name.as_deref(), Some("Báo điện tử Tỉnh Bình Minh"));
    assert_body_lacks(
        &p,
        &[
            "Chia sẻ",
            "Facebook",
            "Có liên quan",
            "Hội nghị đối ngoại toàn quốc triển khai",
            "Chuyên mục",
            "Thẻ",
            "Bài viết rất hay",
            "Trả lời",
            "Bài viết mới",
            "Bài trước",
            "Bản quyền",
            "Theo CPV",
            "Đăng ngày",
            "Chuyển đến nội dung",
        ],
    );
}

#[test]
fn truncated_page_keeps_what_arrived_and_warns() {
    let p = clean(&fixture("truncated.html"));
    assert_eq!(
        p.title,
        "Nhiệm vụ trọng tâm của công tác đối ngoại là phục vụ phát triển đất nước"
    );
    assert!(
        p.warnings.iter().any(|w| w.contains("truncated")),
        "{:?}",
        p.warnings
    );
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Nhấn mạnh yêu cầu"))
    );
    assert_eq!(p.paragraphs.len(), 3);
    assert!(p.paragraphs[2].ends_with("các cuộc làm v"));
    assert_eq!(p.published.as_deref(), Some("2023-03-29T15:42"));
    assert_eq!(p.credits, ["Đăng Khoa"]);
    assert_eq!(p.captions.len(), 1);
    assert_body_lacks(&p, &["Chính trị", "Kinh tế", "(Ảnh"]);
}

#[test]
fn truncated_before_the_text_is_an_error() {
    let html = fixture("truncated.html");
    let cut = html.find(r#"<div class="article-sapo">"#).expect("marker");
    match clean_html_page(&html[..cut]) {
        Err(PageError::NoText { title }) => {
            assert!(title.starts_with("Nhiệm vụ trọng tâm"));
            let msg = PageError::NoText { title }.to_string();
            assert!(
                msg.contains("no article text found") && msg.contains("truncated"),
                "{msg}"
            );
        }
        other => panic!("expected NoText, got {other:?}"),
    }
}

/// Windows-1258 writes tone marks as combining characters after a base letter it has
/// precomposed (ô, ơ, ă…): split each letter that way, then encode.
pub fn to_windows_1258(text: &str) -> Vec<u8> {
    let mut split = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let (base, tone) = tre_text::letters::split_tone(c);
        split.push(base);
        if let Some(t) = tone {
            split.push(t.mark());
        }
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable, "text not representable in windows-1258");
    bytes.into_owned()
}

#[test]
fn legacy_page_in_windows_1258_with_meta_charset() {
    let source = fixture("legacy_cp1258.html");
    let bytes = to_windows_1258(&source);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must exercise a legacy decoding"
    );
    let d = decode_html(&bytes).expect("decodes");
    assert_eq!(d.encoding, "windows-1258");
    assert_eq!(d.note, None);
    assert_eq!(tre_text::normalize(&d.text), tre_text::normalize(&source));
    let p = clean(&d.text);
    assert_eq!(
        p.title,
        "Đẩy mạnh xây dựng Đảng, phát triển nền ngoại giao chuyên nghiệp"
    );
    assert_eq!(p.published.as_deref(), Some("2021-12-16T10:30"));
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Trong khuôn khổ Hội nghị Ngoại giao lần thứ 31"))
    );
    assert_eq!(p.paragraphs.len(), 3);
    assert_eq!(p.byline.as_deref(), Some("Phương Diệp (TTXVN/Vietnam+)"));
    assert!(p.captions.is_empty());
    assert_body_lacks(
        &p,
        &[
            "In bài",
            "Gửi cho bạn bè",
            "Lên đầu trang",
            "Liên hệ",
            "Hoạt động của lãnh đạo",
            "Bản quyền",
            "Cập nhật",
        ],
    );
}

#[test]
fn stale_charset_declaration_is_overruled() {
    // Declares windows-1258 but was saved as UTF-8: the bytes say so, and the note tells.
    let d = decode_html(fixture("legacy_cp1258.html").as_bytes()).expect("decodes");
    assert_eq!(d.encoding, "utf-8");
    assert!(
        d.note
            .as_deref()
            .is_some_and(|n| n.contains("declares windows-1258")),
        "{:?}",
        d.note
    );
}

#[test]
fn not_an_article() {
    assert_eq!(clean_html_page(""), Err(PageError::NoTitle));
    let nav_only = r#"<html><head><title>Trang chủ - Báo Điện tử</title></head><body><nav><a href="/a">Thời sự</a><a href="/b">Thế giới</a></nav></body></html>"#;
    assert!(matches!(
        clean_html_page(nav_only),
        Err(PageError::NoText { .. })
    ));
}

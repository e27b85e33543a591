//! The five seed articles (scraped page text with residue) clean into the article alone, with
//! captions, credits, byline, source line and dates in their own fields.

use crate::{assert_body_lacks, assert_page_invariants, seed};
use tre_page::{Page, clean_text_page};

fn clean(prefix: &str) -> Page {
    let page = clean_text_page(&seed(prefix)).expect("seed cleans");
    assert_page_invariants(&page);
    // The title is never repeated in the body (seeds repeat it as image alt text).
    assert!(
        !page
            .lead
            .iter()
            .chain(&page.paragraphs)
            .any(|p| p.starts_with(&page.title) && p.len() < page.title.len() + 12),
        "title repeated in the body of {prefix}"
    );
    page
}

/// Residue every seed must lose, wherever it appears.
const RESIDUE: &[&str] = &[
    "0:00",
    "Bạn đang xem",
    "Trang chủ »",
    "Viết bình luận",
    "Hãy sử dụng tiếng Việt có dấu",
    "(*)",
    "Số ký tự còn lại",
    "FormShield",
    "Refresh",
    "Có thể bạn quan tâm",
    "Thông tin người gửi phản hồi",
    "Các tin khác",
    "Liên kết website",
    "Xem nhiều nhất",
    "https://",
    "(Ảnh:",
];

#[test]
fn seed_000_captions_credits_and_player_residue() {
    let p = clean("000");
    assert_body_lacks(&p, RESIDUE);
    assert_eq!(
        p.title,
        "Nhiệm vụ trọng tâm của công tác đối ngoại là phục vụ phát triển đất nước"
    );
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Nhấn mạnh yêu cầu đặt ra")
                && l.ends_with("“phục vụ phát triển đất nước là nhiệm vụ trung tâm”."))
    );
    // The caption printed twice is one caption; alt-text lines ("… ảnh 1") are gone.
    assert_eq!(
        p.captions,
        [
            "Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Bí Thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra Trung ương với các Trưởng Cơ quan đại diện Việt Nam ở nước ngoài tại buổi gặp mặt.",
            "Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại buổi làm việc.",
            "Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra Trung ương phát biểu ý kiến chỉ đạo.",
            "Đồng chí Trần Cẩm Tú chúc mừng các đại sứ.",
        ]
    );
    assert_eq!(p.credits, ["Đăng Khoa"]);
    assert_body_lacks(
        &p,
        &[
            "ảnh 1",
            "ảnh 2",
            "ảnh 3",
            "tại buổi gặp mặt.",
            "chúc mừng các đại sứ",
        ],
    );
    assert_eq!(p.paragraphs.len(), 11);
    assert!(p.paragraphs[0].starts_with("Cùng dự có đồng chí Bùi Thanh Sơn"));
    assert!(p.paragraphs[10].starts_with("Trong điều kiện còn nhiều khó khăn"));
    assert_eq!(
        (p.byline.as_deref(), p.source_line.as_deref()),
        (None, None)
    );
    assert_eq!(
        (p.published.as_deref(), p.page_date.as_deref()),
        (None, None)
    );
}

#[test]
fn seed_001_alt_text_then_caption_and_site_footer() {
    let p = clean("001");
    assert_body_lacks(&p, RESIDUE);
    assert_eq!(
        p.title,
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn giao 4 nhiệm vụ cho các Trưởng cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2023-2026"
    );
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Tối ngày 28/4, tại Nhà khách Chính phủ"))
    );
    // Each line after an alt-text line (the title again) is that photo's caption.
    assert_eq!(p.captions.len(), 4);
    assert!(p.captions[0].starts_with(
        "Phát biểu tại buổi làm việc, Bộ trưởng Ngoại giao Bùi Thanh Sơn giao 4 nhiệm vụ"
    ));
    assert!(p.captions[1].starts_with("Toàn cảnh Bộ trưởng Ngoại giao"));
    assert!(p.captions[2].contains("chụp ảnh lưu niệm"));
    assert!(p.captions[3].ends_with("Thứ trưởng Ngoại giao Phạm Quang Hiệu phát biểu cảm ơn."));
    assert_body_lacks(
        &p,
        &[
            "Toàn cảnh Bộ trưởng",
            "chụp ảnh lưu niệm",
            "Báo Thế giới & Việt Nam",
        ],
    );
    // The longer paragraph that starts like the last caption is body text.
    assert!(p.paragraphs.iter().any(
        |x| x.starts_with("Thay mặt cho các Trưởng cơ quan đại diện")
            && x.ends_with("đã dành thời gian làm việc với Đoàn.")
    ));
    assert_eq!(p.paragraphs.len(), 25);
    assert!(p.paragraphs[24].starts_with("Chúc sức khỏe và thành công"));
    assert_eq!(p.site_name.as_deref(), Some("Báo Thế giới & Việt Nam"));
    assert_eq!(
        (p.published.as_deref(), p.page_date.as_deref()),
        (None, None)
    );
}

#[test]
fn seed_002_caption_under_title_byline_and_trailing_blocks() {
    let p = clean("002");
    assert_body_lacks(&p, RESIDUE);
    assert_body_lacks(&p, &["Phản hồi", "Mới nhất", "Phương Diệp"]);
    assert_eq!(
        p.title,
        "Đẩy mạnh xây dựng Đảng, phát triển nền ngoại giao chuyên nghiệp"
    );
    // The caption right under the title is not the lead.
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Trong khuôn khổ Hội nghị Ngoại giao lần thứ 31"))
    );
    assert_eq!(
        p.captions,
        [
            "Thường trực Ban Bí thư Võ Văn Thưởng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dự phiên họp.",
            "Thường trực Ban Bí thư Võ Văn Thưởng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tham quan trưng bày ảnh về các hoạt động ngoại giao nổi bật của Việt Nam.",
        ]
    );
    assert_eq!(p.credits, ["Lâm Khánh/TTXVN"]);
    assert_eq!(p.byline.as_deref(), Some("Phương Diệp (TTXVN/Vietnam+)"));
    assert!(
        p.paragraphs
            .last()
            .is_some_and(|x| x.starts_with("Khẳng định nhiệm vụ càng nặng nề"))
    );
    assert_eq!(p.paragraphs.len(), 21);
}

#[test]
fn seed_003_page_header_date_teaser_split_alt_text_and_source() {
    let p = clean("003");
    assert_body_lacks(&p, RESIDUE);
    assert_eq!(
        p.title,
        "Tổng Bí thư Nguyễn Phú Trọng làm việc với Ban Đối ngoại Trung ương"
    );
    // "Thứ hai, 08/08/2022" above the title is the site's date for the page view.
    assert_eq!(p.page_date.as_deref(), Some("2022-08-08"));
    assert_eq!(p.published, None);
    // The teaser (lead + body cut off with "...") is dropped; the lead is the real one.
    assert_eq!(
        p.lead.as_deref(),
        Some(
            "Thực hiện Chương trình làm việc toàn khóa, ngày 23/12, Tổng Bí thư Nguyễn Phú Trọng đã làm việc với Ban Đối ngoại Trung ương. Cùng tham dự có lãnh đạo nhiều ban, bộ, ngành, cơ quan Trung ương."
        )
    );
    assert!(
        p.paragraphs.iter().all(|x| !x.ends_with("...")),
        "teaser kept"
    );
    // The title broken over two lines (alt text) is gone.
    assert!(p.paragraphs.iter().all(
        |x| x != "Tổng Bí thư Nguyễn Phú Trọng làm việc với" && x != "Ban Đối ngoại Trung ương"
    ));
    assert!(p.paragraphs[0].starts_with("Đồng chí Hoàng Bình Quân"));
    assert_eq!(p.paragraphs.len(), 6);
    assert_eq!(p.source_line.as_deref(), Some("Theo CPV"));
    assert_body_lacks(&p, &["Theo CPV"]);
}

#[test]
fn seed_004_breadcrumb_published_date_byline_and_comment_form() {
    let p = clean("004");
    assert_body_lacks(&p, RESIDUE);
    assert_body_lacks(&p, &["M.H", "Thời sự", "17:37", "điểm cầu Cao Bằng."]);
    assert_eq!(p.title, "Bộ Ngoại giao triển khai nhiệm vụ năm 2023");
    // "Thứ ba 10/01/2023 17:37" right under the title is the article's own date.
    assert_eq!(p.published.as_deref(), Some("2023-01-10T17:37"));
    assert_eq!(p.page_date, None);
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Sáng 10/1, Bộ Ngoại giao tổ chức hội nghị trực tuyến"))
    );
    assert_eq!(p.byline.as_deref(), Some("M.H"));
    assert_eq!(
        p.captions,
        ["Các đại biểu dự hội nghị tại điểm cầu Cao Bằng."]
    );
    assert_eq!(p.paragraphs.len(), 10);
    assert!(
        p.paragraphs[9]
            .starts_with("Phát biểu chỉ đạo hội nghị, Thủ tướng Chính phủ Phạm Minh Chính")
    );
}

#[test]
fn body_text_joins_lead_and_paragraphs() {
    let p = clean("003");
    let body = p.body_text();
    assert!(body.starts_with(p.lead.as_deref().unwrap_or_default()));
    assert_eq!(body.split("\n\n").count(), 1 + p.paragraphs.len());
    assert!(body.ends_with(p.paragraphs.last().map(String::as_str).unwrap_or_default()));
}

#[test]
fn cleaning_is_stable_under_tone_placement_and_line_endings() {
    // The same page typed with old-style tone placement and Windows line endings cleans to
    // the same article: cleaning works on normalised text.
    let original = seed("004");
    let variant = original
        .replace("hòa", "hoà")
        .replace("Ủy", "Uỷ")
        .replace('\n', "\r\n");
    assert_eq!(
        clean_text_page(&variant).ok(),
        clean_text_page(&original).ok()
    );
}

#[test]
fn serde_round_trip() {
    let p = clean("002");
    let json = serde_json::to_string(&p).expect("serialise");
    let back: Page = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, p);
}

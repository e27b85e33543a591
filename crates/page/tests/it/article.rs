//! JSON Lines records (title and text apart, as in the bulk corpus): the repeated title line,
//! paragraph-long titles, agency datelines, and the residue old news sites appended.

use crate::assert_page_invariants;
use tre_page::{Page, PageError, clean_article};

fn clean(title: &str, text: &str) -> Page {
    let p = clean_article(title, text).unwrap_or_else(|e| panic!("{e}"));
    assert_page_invariants(&p);
    p
}

#[test]
fn repeated_title_line_is_dropped() {
    let p = clean(
        "Đại dương ghi danh nhiều loài mới",
        "Đại dương ghi danh nhiều loài mới\nMột nhóm nhà khoa học quốc tế đã khám phá ra nhiều loài sinh vật mới ở dãy núi giữa Đại Tây Dương. \nChuyến thám hiểm kéo dài hai tháng do các nhà khoa học Nauy dẫn đầu.\n\n",
    );
    assert_eq!(p.title, "Đại dương ghi danh nhiều loài mới");
    assert_eq!(
        p.lead.as_deref(),
        Some(
            "Một nhóm nhà khoa học quốc tế đã khám phá ra nhiều loài sinh vật mới ở dãy núi giữa Đại Tây Dương."
        )
    );
    assert_eq!(
        p.paragraphs,
        ["Chuyến thám hiểm kéo dài hai tháng do các nhà khoa học Nauy dẫn đầu."]
    );
}

const PARAGRAPH_TITLE: &str = "Theo lịch làm việc của TAND tỉnh Bà Rịa - Vũng Tàu, trong phiên tòa xét xử vụ tiêu cực tại Cty Sinhanco, riêng hành vi buôn lậu của các bị cáo sẽ được tòa tiến hành thẩm vấn trong vòng 5 ngày ở tuần làm việc đầu tiên.";

#[test]
fn paragraph_title_is_kept_and_not_repeated() {
    let text = format!(
        "{PARAGRAPH_TITLE}\nTrong suốt quá trình xét hỏi, các bị cáo đều không thừa nhận hành vi buôn lậu của mình.\nPhiên tòa sẽ tiếp tục vào tuần sau."
    );
    let p = clean(PARAGRAPH_TITLE, &text);
    assert_eq!(p.title, PARAGRAPH_TITLE);
    assert!(!p.body_text().contains("Theo lịch làm việc"));
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Trong suốt quá trình xét hỏi"))
    );
    assert_eq!(p.paragraphs.len(), 1);
}

#[test]
fn single_paragraph_record_keeps_its_text() {
    let p = clean(PARAGRAPH_TITLE, &format!(" {PARAGRAPH_TITLE}\n\n"));
    assert_eq!(p.title, PARAGRAPH_TITLE);
    assert_eq!(p.lead.as_deref(), Some(PARAGRAPH_TITLE));
    assert!(p.paragraphs.is_empty());
}

#[test]
fn agency_dateline_separates_headline_from_lead() {
    let title = "Một gia đình cúng chuông đồng cho di tích thành cổ (NLĐ)- Ngày 27-3, gia đình anh Phan Thanh Chương và chị Nguyễn Thị Hà (ngụ tại TP Đà Lạt- Lâm Đồng) đã đến cúng một quả chuông đồng mới đúc cho di tích thành cổ Quảng Trị.";
    let text = format!(
        " {title}\nQuả chuông đồng có chiều cao hơn 1 m, rộng 55 cm, được treo trên giá đỡ bằng gỗ.\n\n"
    );
    let p = clean(title, &text);
    assert_eq!(
        p.title,
        "Một gia đình cúng chuông đồng cho di tích thành cổ"
    );
    assert!(
        p.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Ngày 27-3, gia đình anh Phan Thanh Chương"))
    );
    assert_eq!(
        p.paragraphs,
        ["Quả chuông đồng có chiều cao hơn 1 m, rộng 55 cm, được treo trên giá đỡ bằng gỗ."]
    );
    assert!(!p.body_text().contains("(NLĐ)"));
}

#[test]
fn related_news_tail_byline_and_source_line() {
    let text = "Sắp phát hành sách kỷ lục Lâm Đồng\n\
                Trung tâm sách kỷ lục Việt Nam sẽ cho ra mắt cuốn Những kỷ lục tỉnh Lâm Đồng.\n\
                Trong đó có 10 kỷ lục liên quan đến các loài hoa, rau và thông của Đà Lạt.\n\
                Ngọc Sơn (theo Reuters)\n\
                Chùm ảnh hoa Đà Lạt(30/11/2004)\n\
                Người biến những cánh diều mơ ước thành hiện thực(28/11/2004)\n";
    let p = clean("Sắp phát hành sách kỷ lục Lâm Đồng", text);
    assert_eq!(
        p.paragraphs,
        ["Trong đó có 10 kỷ lục liên quan đến các loài hoa, rau và thông của Đà Lạt."]
    );
    assert_eq!(p.byline.as_deref(), Some("Ngọc Sơn (theo Reuters)"));
    let p = clean(
        "Tiêu đề bài báo",
        "Đoạn thứ nhất của bài báo.\nĐoạn thứ hai của bài báo.\n(Theo Người Lao Động)\n",
    );
    assert_eq!(p.source_line.as_deref(), Some("Theo Người Lao Động"));
    assert_eq!(p.paragraphs, ["Đoạn thứ hai của bài báo."]);
}

#[test]
fn content_that_resembles_residue_is_kept() {
    // A Q&A label, a table header with "phản hồi", repeated numbers in a table, a poem line
    // that starts like the title, a date in a chronology, a resource list with addresses.
    let text = "Hỏi: Tôi muốn du học thì cần chuẩn bị gì?\n\
                Trả lời:\n\
                Bạn cần chuẩn bị hồ sơ, chứng chỉ ngoại ngữ và tài chính trong ít nhất một năm.\n\
                % phản hồi\n\
                31\n\
                31\n\
                - Hiu hiu gió thổi ngọn tre,\n\
                Ngày 2/9/1945\n\
                Ngày ấy Chủ tịch Hồ Chí Minh đọc Tuyên ngôn độc lập tại Quảng trường Ba Đình.\n\
                - ĐH Ottawa: http://www.uottawa.ca/\n\
                Các trường đều nhận hồ sơ trực tuyến trong suốt năm học.\n";
    let p = clean("Hiu hiu gió thổi ngọn tre", text);
    let body = p.body_text();
    for kept in [
        "Trả lời:",
        "% phản hồi",
        "31\n\n31",
        "- Hiu hiu gió thổi ngọn tre,",
        "Ngày 2/9/1945",
        "http://www.uottawa.ca/",
    ] {
        assert!(body.contains(kept), "{kept:?} lost:\n{body}");
    }
    assert!(p.captions.is_empty());
}

#[test]
fn missing_title_uses_the_first_line() {
    let p = clean(
        "",
        "Hội nghị Ngoại giao lần thứ 32\nHội nghị diễn ra tại Hà Nội trong ba ngày với sự tham dự của các đại sứ.",
    );
    assert_eq!(p.title, "Hội nghị Ngoại giao lần thứ 32");
    assert!(p.warnings.iter().any(|w| w.contains("no title")));
    assert_eq!(clean_article("", " \n "), Err(PageError::NoTitle));
    assert!(matches!(
        clean_article("Tiêu đề", ""),
        Err(PageError::NoText { .. })
    ));
}

#[test]
fn text_page_errors() {
    assert_eq!(tre_page::clean_text_page(""), Err(PageError::NoTitle));
    assert_eq!(
        tre_page::clean_text_page("Bạn đang xem: Trang chủ » Thời sự\nThứ hai, 08/08/2022\n"),
        Err(PageError::NoTitle)
    );
    let err =
        tre_page::clean_text_page("Tiêu đề bài báo\nViết bình luận\n(*)\n").expect_err("no text");
    assert_eq!(
        err.to_string(),
        "no article text found under the title \"Tiêu đề bài báo\" (the page may be truncated or not an article)"
    );
}

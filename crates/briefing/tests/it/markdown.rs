//! Markdown: sections in order, stories in rank order, sources traceable, input escaped.

use crate::{fixture, hostile};
use tre_briefing::*;

fn positions(text: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("missing {n:?}")))
        .collect()
}

#[test]
fn sections_come_in_order_with_the_stories_in_rank_order() {
    let b = fixture::briefing();
    let md = to_markdown(&b);
    let p = positions(
        &md,
        &[
            "# BẢN TIN GIAO BAN",
            "Hà Nội, ngày 29 tháng 4 năm 2023 (Thứ Bảy)",
            "## I. TIN NỔI BẬT",
            "### 1. Bộ trưởng Ngoại giao Bùi Thanh Sơn giao 4 nhiệm vụ",
            "### 2. ",
            "## II. SỰ KIỆN TRONG NGÀY VÀ NHỮNG NGÀY TỚI",
            "### 1. Trong ngày (từ 28/04/2023 đến 29/04/2023)",
            "### 2. Những ngày tới",
            "## III. NHÂN SỰ, CHỨC DANH CÓ THAY ĐỔI",
            "## IV. VĂN BẢN ĐƯỢC DẪN CHIẾU",
            "## V. MỨC ĐỘ QUAN TÂM TĂNG ĐỘT BIẾN",
            "## VI. TÌNH HÌNH ĐƯỢC PHÂN CÔNG THEO DÕI",
            "## VII. PHẠM VI NGUỒN TIN",
            "Nơi nhận:",
            "## Phụ lục: Danh mục nguồn tin",
        ],
    );
    assert!(p.windows(2).all(|w| w[0] < w[1]), "{p:?}");
    for (i, t) in b.sections.top_stories.iter().enumerate() {
        assert!(
            md.contains(&format!("### {}. {}", i + 1, t.headline)),
            "{}",
            t.headline
        );
    }
    // The classification opens and closes the document.
    assert!(md.starts_with("**MẬT**"));
    assert!(md.trim_end().ends_with("**MẬT**"));
    assert!(md.contains("**Độ mật:** Mật"));
}

#[test]
fn every_citation_points_into_the_numbered_list_of_sources() {
    let b = fixture::briefing();
    let md = to_markdown(&b);
    let appendix = md
        .split("## Phụ lục: Danh mục nguồn tin")
        .nth(1)
        .expect("appendix");
    for (n, s) in b.sources.iter().enumerate() {
        let line = appendix
            .lines()
            .find(|l| l.starts_with(&format!("{}. ", n + 1)))
            .unwrap_or_else(|| panic!("source {} missing", n + 1));
        assert!(
            line.contains(&format!("Mã bài: {}", s.article_id)),
            "{line}"
        );
        if let Some(url) = &s.url {
            assert!(line.contains(url.as_str()), "{line}");
        } else {
            assert!(line.contains(&s.source), "{line}");
        }
    }
    // Citations in the body never exceed the list.
    let body = md.split("## Phụ lục").next().unwrap_or_default();
    for cite in body.split('[').skip(1) {
        let inner = cite.split(']').next().unwrap_or_default();
        for n in inner.split(", ").filter_map(|x| x.parse::<usize>().ok()) {
            assert!((1..=b.sources.len()).contains(&n), "[{inner}]");
        }
    }
    // The top story lists its sources with outlet, date and which is the original.
    assert!(
        md.contains("[1] Báo Thế giới & Việt Nam, 28/04/2023 (bài gốc); [2] VOV, 28/04/2023"),
        "{md}"
    );
}

#[test]
fn spikes_show_their_series_and_silent_sources_are_named() {
    let md = to_markdown(&fixture::briefing());
    assert!(md.contains("**Phạm Quang Hiệu** (nhân vật): 6 lần nhắc đến trong ngày 29/04/2023, gấp 5,4 lần mức thường"), "{md}");
    assert!(md.contains("`▁▂▁▁▂▁▁▁▂▁▁▂▁█`"), "{md}");
    assert!(md.contains("**Không có tin từ:** Báo Nhân Dân (lần cuối 26/04/2023); Báo Tuổi Trẻ."));
    assert!(md.contains("mâu thuẫn cần kiểm tra"));
}

#[test]
fn input_cannot_become_markup() {
    let md = to_markdown(&hostile::briefing());
    assert!(!md.contains("<script>"), "raw HTML passed through");
    assert_eq!(
        md.matches("](javascript").count(),
        md.matches("\\](javascript").count(),
        "a script link was made"
    );
    assert_eq!(md.matches("<img").count(), md.matches("\\<img").count());
    assert!(md.contains("\\<script\\>"));
    assert!(md.contains("\\*đậm\\*"));
    assert!(!md.contains('\u{1}') && !md.contains('\u{7}') && !md.contains('\u{FFFE}'));
    // The VOV article's script URL is shown as text, not linked.
    assert!(md.contains("Nguồn: javascript:alert(3)"), "{md}");
}

use crate::{OTHER_VISIT, RICE, VISIT};
use tre_dedup::{Day, Publishers, StoryArticle, StoryParams, cluster_stories};

fn article(id: u64, doc: &str, day: &str, outlet: &str) -> StoryArticle {
    let mut lines = doc.splitn(2, '\n');
    StoryArticle {
        id,
        title: lines.next().unwrap_or("").to_string(),
        text: lines.next().unwrap_or("").to_string(),
        published: Day::parse(day),
        outlet: outlet.to_string(),
        // What extraction finds in every report of the Tokyo talks, whoever wrote it.
        entities: if doc.contains("Tokyo") {
            vec![
                "place:tokyo".into(),
                "place:nhật bản".into(),
                "org:chính phủ".into(),
            ]
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}

// The Tokyo talks, as three other newsrooms wrote them in their own words.
const VISIT_VNE: &str = "Việt Nam - Nhật Bản ký 12 văn kiện hợp tác trong chuyến thăm của Thủ tướng
Thủ tướng Chính phủ và Thủ tướng Nhật Bản chiều 12/5 hội đàm tại Tokyo, nhất trí đưa quan hệ Đối tác chiến lược toàn diện lên tầm cao mới. Hai Thủ tướng chứng kiến trao mười hai văn kiện về năng lượng sạch, y tế và đô thị thông minh.";
const VISIT_TT: &str = "Thủ tướng đề nghị Nhật Bản tiếp tục vốn vay ưu đãi cho hạ tầng
Hội đàm với Thủ tướng Nhật Bản tại Tokyo chiều 12/5, Thủ tướng đề nghị Tokyo tiếp tục dành vốn vay ưu đãi cho đường sắt đô thị và cảng biển nước sâu, đồng thời mời doanh nghiệp Nhật Bản đầu tư sản xuất bán dẫn.";
const VISIT_VOV: &str = "Nhật Bản coi Việt Nam là đối tác hàng đầu ở Đông Nam Á
Tại cuộc hội đàm ở Tokyo ngày 12/5, Thủ tướng Nhật Bản khẳng định Việt Nam là đối tác quan trọng hàng đầu tại Đông Nam Á; hai Thủ tướng thống nhất tăng cường hợp tác đầu tư, chuyển đổi số và đào tạo nhân lực.";

fn corpus() -> Vec<StoryArticle> {
    let mut reprint = article(5, VISIT, "2024-05-12", "Tuổi Trẻ");
    reprint.title = "Việt Nam và Nhật Bản nâng tầm quan hệ".into();
    reprint.source = Some("Theo TTXVN".into());
    vec![
        article(1, VISIT, "2024-05-12", "Thông tấn xã Việt Nam"),
        article(2, VISIT_VNE, "2024-05-12", "VnExpress"),
        article(3, VISIT_TT, "2024-05-13", "Tuổi Trẻ"),
        article(4, VISIT_VOV, "2024-05-12", "VOV"),
        reprint,
        article(6, OTHER_VISIT, "2024-06-20", "Nhân Dân"),
        article(7, RICE, "2024-05-12", "Thanh Niên"),
    ]
}

#[test]
fn one_event_in_different_words_is_one_story_with_its_sources() {
    let stories = cluster_stories(&corpus(), &Publishers::builtin(), &StoryParams::default());
    let ids: Vec<Vec<u64>> = stories.iter().map(|s| s.articles.clone()).collect();
    assert_eq!(ids, vec![vec![1, 2, 3, 4, 5], vec![7], vec![6]]);
    let s = &stories[0];
    assert_eq!(s.id, 1);
    assert_eq!(s.first_seen, Day::parse("2024-05-12"));
    assert_eq!(s.last_seen, Day::parse("2024-05-13"));
    assert_eq!(
        s.outlets,
        ["Thông tấn xã Việt Nam", "Tuổi Trẻ", "VOV", "VnExpress"]
    );
    // The Tuổi Trẻ reprint credits TTXVN: it is the TTXVN article again, not a fourth source.
    assert_eq!(s.reprints, vec![vec![1, 5]]);
    assert_eq!(s.families, ["ttxvn", "tuoitre", "vnexpress", "vov"]);
    assert_eq!(s.corroboration, 4);
    assert_eq!(s.original, Some(1));
    assert!(!s.title.is_empty() && !s.title.contains('\n'));
}

#[test]
fn feeds_of_one_family_corroborate_once() {
    // The Tokyo talks carried only by TTXVN's own outlets (and a reprint crediting TTXVN).
    let mut arts = corpus();
    for (a, outlet) in arts
        .iter_mut()
        .skip(1)
        .zip(["VietnamPlus", "Báo Tin tức", "vietnamnews.vn"])
    {
        a.outlet = outlet.into();
    }
    let stories = cluster_stories(&arts, &Publishers::builtin(), &StoryParams::default());
    assert_eq!(stories[0].articles, vec![1, 2, 3, 4, 5]);
    assert_eq!(stories[0].corroboration, 1, "{:?}", stories[0].families);
    assert_eq!(stories[0].families, ["ttxvn"]);
    // Undated copies: which came first cannot be told.
    for a in &mut arts {
        a.published = None;
    }
    let stories = cluster_stories(&arts, &Publishers::builtin(), &StoryParams::default());
    assert_eq!(stories[0].original, Some(1)); // still credited by the reprint
    for a in &mut arts {
        a.source = None;
    }
    let stories = cluster_stories(&arts, &Publishers::builtin(), &StoryParams::default());
    assert_eq!(stories[0].original, None);
}

#[test]
fn the_same_words_a_month_apart_are_two_stories() {
    let arts = vec![
        article(1, VISIT_VNE, "2024-05-12", "VnExpress"),
        article(2, VISIT_TT, "2024-06-30", "Tuổi Trẻ"),
    ];
    let stories = cluster_stories(&arts, &Publishers::builtin(), &StoryParams::default());
    assert_eq!(stories.len(), 2);
    // Undated articles cannot be told apart by time.
    let arts = vec![
        article(1, VISIT_VNE, "", "VnExpress"),
        article(2, VISIT_TT, "", "Tuổi Trẻ"),
    ];
    let stories = cluster_stories(&arts, &Publishers::builtin(), &StoryParams::default());
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].first_seen, None);
}

#[test]
fn output_does_not_depend_on_input_order() {
    let p = Publishers::builtin();
    let params = StoryParams::default();
    let a = cluster_stories(&corpus(), &p, &params);
    let mut rev = corpus();
    rev.reverse();
    assert_eq!(cluster_stories(&rev, &p, &params), a);
    assert!(cluster_stories(&[], &p, &params).is_empty());
}

#[test]
fn publishers_read_credits_and_user_files() {
    let p = Publishers::builtin();
    assert_eq!(p.family_of("tuoitre.vn"), "tuoitre");
    assert_eq!(p.family_of("Tuoi Tre"), "tuoitre");
    assert_eq!(p.family_of("Báo Làng Xóm"), "outlet:baolangxom");
    assert_eq!(p.credited_family("Theo TTXVN"), Some("ttxvn"));
    assert_eq!(p.credited_family("(Theo Reuters)"), Some("reuters"));
    assert_eq!(
        p.credited_family("Phương Diệp (TTXVN/Vietnam+)"),
        Some("ttxvn")
    );
    assert_eq!(p.credited_family("Lâm Khánh/TTXVN"), Some("ttxvn"));
    assert_eq!(p.credited_family("Nguồn: VOV"), Some("vov"));
    assert_eq!(p.credited_family("Minh Hải"), None);
    assert_eq!(
        p.credit_in_text("(TTXVN) - Chiều 12/5, tại Tokyo..."),
        Some("ttxvn")
    );
    assert_eq!(p.credit_in_text("Nội dung bài.\n(Theo AFP)"), Some("afp"));
    // A fact attributed inside a sentence is not a reprint credit.
    assert_eq!(
        p.credit_in_text("Theo TTXVN, dự án sẽ tiếp tục.\nPhóng viên ghi."),
        None
    );

    let mut mine = Publishers::builtin();
    mine.extend_from_tsv("# ours\nlangxom\tBáo Làng Xóm\tlangxom.vn|BLX\nvnexpress\tTuổi Trẻ\n")
        .expect("valid file");
    assert_eq!(mine.family_of("BLX"), "langxom");
    assert_eq!(mine.family_of("Tuổi Trẻ"), "vnexpress");
    let err = mine
        .extend_from_tsv("ok\tOK\nbroken line\n")
        .expect_err("bad line");
    assert_eq!(err.line, 2);
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn the_builtin_list_parses() {
    let mut p = Publishers::default();
    assert_eq!(
        p.extend_from_tsv(include_str!("../../data/publishers.tsv")),
        Ok(())
    );
    for outlet in [
        "VietnamPlus",
        "Báo Tin tức",
        "Vietnam News",
        "Nhân Dân",
        "Quân đội Nhân dân",
        "Báo Thế giới & Việt Nam",
        "dangcongsan.vn",
        "Xinhua",
    ] {
        assert!(p.known_family(outlet).is_some(), "{outlet}");
    }
}

//! A realistic briefing input, written by hand from the five seed articles in
//! `samples/seeds/` (their text is used as it was scraped, residue included), for the Japan
//! desk on 29 April 2023, the morning after Minister Bùi Thanh Sơn met the new heads of mission
//! and Deputy Minister Phạm Quang Hiệu was named ambassador to Japan.
//!
//! Articles that are not seeds (a VOV report, an internal cable, an older report on the
//! Central External Relations Commission) are short texts written for the test in the seeds'
//! style. Officers are the usual placeholders (`Nguyễn Văn A`).

#![allow(dead_code)]

use tre_briefing::*;

pub const SEED_000: &str = include_str!("../../../../samples/seeds/000_3134ff17c9627f8e.txt");
pub const SEED_001: &str = include_str!("../../../../samples/seeds/001_f44d8612bcbb61fa.txt");
pub const SEED_002: &str = include_str!("../../../../samples/seeds/002_ddcbf8f71bd5690e.txt");
pub const SEED_003: &str = include_str!("../../../../samples/seeds/003_dd71080901982e6d.txt");
pub const SEED_004: &str = include_str!("../../../../samples/seeds/004_4a4988f74ca91375.txt");

/// A VOV report of the 28 April meeting in its own words, sharing one wire sentence with the
/// TG&VN article (the deputy minister's thanks).
pub const VOV_TEXT: &str = "Tối 28/4, tại Nhà khách Chính phủ ở Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã làm việc với 17 Trưởng cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2023-2026 trước khi các đại sứ, tổng lãnh sự lên đường nhận nhiệm vụ.
Bộ trưởng yêu cầu các cơ quan đại diện triển khai đồng bộ bốn trụ cột: ngoại giao chính trị, ngoại giao kinh tế, ngoại giao văn hóa và công tác người Việt Nam ở nước ngoài, bảo hộ công dân; trong đó ngoại giao kinh tế là trung tâm.
Theo Bộ trưởng, mỗi cơ quan đại diện cần có cơ chế giao ban hàng ngày để cập nhật thông tin và phân công cán bộ theo dõi tình hình cụ thể.
Thay mặt cho các Trưởng cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2023-2026, Thứ trưởng Ngoại giao Phạm Quang Hiệu - người được chỉ định là Đại sứ Việt Nam tại Nhật Bản phát biểu cảm ơn Bộ trưởng Bùi Thanh Sơn và tập thể Lãnh đạo Bộ đã dành thời gian làm việc với Đoàn.
Thu Hà/VOV.VN";

/// An internal cable from the embassy (classified): the reason the briefing is marked MẬT.
pub const CABLE_TEXT: &str = "Đại sứ quán Việt Nam tại Nhật Bản báo cáo về công tác chuẩn bị tiếp nhận Đại sứ nhiệm kỳ 2023-2026.
Phía bạn đã thông báo lịch trình trình Thư ủy nhiệm dự kiến trong tháng 6/2023.
Đại sứ quán đề nghị Vụ Đông Bắc Á phối hợp chuẩn bị chương trình làm việc của Đại sứ với các bộ, ngành trước ngày 04/5/2023.";

/// A report from a year earlier naming the current head of the Central External Relations
/// Commission: what makes the republished seed 003 a contradiction in the ledger.
pub const LEDGER_TEXT: &str = "Đồng chí Lê Hoài Trung, Bí thư Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương tiếp Đoàn đại biểu Đảng bạn tại Hà Nội.
Hai bên trao đổi về tình hình mỗi Đảng, mỗi nước và phương hướng tăng cường quan hệ giữa hai Đảng trong thời gian tới.";

pub fn d(s: &str) -> Date {
    Date::parse(s).expect("fixture dates are valid")
}

fn article(
    id: &str,
    title: &str,
    outlet: &str,
    family: &str,
    published: &str,
    url: Option<&str>,
    (text, classification): (&str, Classification),
) -> ArticleInput {
    ArticleInput {
        id: id.to_string(),
        title: title.to_string(),
        outlet: Some(outlet.to_string()),
        published: Some(published.to_string()),
        url: url.map(str::to_string),
        source: format!("samples/{id}.txt"),
        family: Some(family.to_string()),
        text: text.to_string(),
        classification,
    }
}

pub const TITLE_001: &str = "Bộ trưởng Ngoại giao Bùi Thanh Sơn giao 4 nhiệm vụ cho các Trưởng cơ quan đại diện Việt Nam ở nước ngoài nhiệm kỳ 2023-2026";
pub const TITLE_000: &str =
    "Nhiệm vụ trọng tâm của công tác đối ngoại là phục vụ phát triển đất nước";
pub const TITLE_002: &str = "Đẩy mạnh xây dựng Đảng, phát triển nền ngoại giao chuyên nghiệp";
pub const TITLE_003: &str = "Tổng Bí thư Nguyễn Phú Trọng làm việc với Ban Đối ngoại Trung ương";
pub const TITLE_004: &str = "Bộ Ngoại giao triển khai nhiệm vụ năm 2023";

pub fn articles() -> Vec<ArticleInput> {
    let t = Classification::thuong;
    vec![
        article(
            "tgvn-001",
            TITLE_001,
            "Báo Thế giới & Việt Nam",
            "Bộ Ngoại giao",
            "2023-04-28T21:30:00+07:00",
            Some(
                "https://baoquocte.vn/bo-truong-ngoai-giao-bui-thanh-son-giao-4-nhiem-vu-cho-cac-truong-co-quan-dai-dien.html",
            ),
            (SEED_001, t()),
        ),
        // The ministry's portal reprints its own paper: same family, no extra corroboration.
        article(
            "mofa-001",
            TITLE_001,
            "Cổng thông tin điện tử Bộ Ngoại giao",
            "Bộ Ngoại giao",
            "2023-04-29T07:00:00+07:00",
            Some("https://mofa.gov.vn/tin-hoat-dong/bo-truong-giao-4-nhiem-vu"),
            (SEED_001, t()),
        ),
        article(
            "vov-0428",
            "Bộ trưởng Bùi Thanh Sơn làm việc với 17 Trưởng cơ quan đại diện nhiệm kỳ 2023-2026",
            "VOV",
            "VOV",
            "2023-04-28T22:10:00+07:00",
            Some(
                "https://vov.vn/chinh-tri/bo-truong-bui-thanh-son-lam-viec-voi-truong-co-quan-dai-dien.vov",
            ),
            (VOV_TEXT, t()),
        ),
        article(
            "tgvn-000",
            TITLE_000,
            "Báo Thế giới & Việt Nam",
            "Bộ Ngoại giao",
            "2023-03-29T15:00:00+07:00",
            Some("https://baoquocte.vn/nhiem-vu-trong-tam-cua-cong-tac-doi-ngoai.html"),
            (SEED_000, t()),
        ),
        article(
            "cpv-1223",
            TITLE_003,
            "Báo điện tử Đảng Cộng sản Việt Nam",
            "Đảng Cộng sản Việt Nam",
            "2023-04-28",
            Some("https://dangcongsan.vn/tong-bi-thu-lam-viec-voi-ban-doi-ngoai-trung-uong.html"),
            (SEED_003, t()),
        ),
        // A provincial site republishing CPV ("Theo CPV"): CPV's family.
        article(
            "tinh-cpv-0808",
            TITLE_003,
            "Cổng thông tin tỉnh (đăng lại theo CPV)",
            "Đảng Cộng sản Việt Nam",
            "2023-04-28",
            None,
            (SEED_003, t()),
        ),
        article(
            "vnp-1216",
            TITLE_002,
            "VietnamPlus",
            "TTXVN",
            "2023-04-28T09:00:00+07:00",
            Some(
                "https://www.vietnamplus.vn/day-manh-xay-dung-dang-phat-trien-nen-ngoai-giao-chuyen-nghiep.vnp",
            ),
            (SEED_002, t()),
        ),
        article(
            "cb-0110",
            TITLE_004,
            "Báo Cao Bằng",
            "Báo Cao Bằng",
            "2023-01-10T17:37:00+07:00",
            Some("https://baocaobang.vn/bo-ngoai-giao-trien-khai-nhiem-vu-nam-2023.html"),
            (SEED_004, t()),
        ),
        article(
            "dsq-jp-0428",
            "Báo cáo chuẩn bị tiếp nhận Đại sứ nhiệm kỳ 2023-2026",
            "Đại sứ quán Việt Nam tại Nhật Bản",
            "Nội bộ",
            "2023-04-28",
            None,
            (CABLE_TEXT, Classification::mat()),
        ),
        article(
            "ledger-2022",
            "Trưởng Ban Đối ngoại Trung ương tiếp Đoàn đại biểu Đảng bạn",
            "Báo điện tử Đảng Cộng sản Việt Nam",
            "Đảng Cộng sản Việt Nam",
            "2022-05-12",
            Some("https://dangcongsan.vn/truong-ban-doi-ngoai-tiep-doan.html"),
            (LEDGER_TEXT, t()),
        ),
        // A report above a desk officer's clearance: kept out of briefings for readers below it.
        article(
            "secret-0428",
            "Đánh giá nội bộ về nhân sự",
            "Vụ Tổ chức Cán bộ",
            "Nội bộ",
            "2023-04-28",
            None,
            (
                "Nội dung đánh giá nhân sự được lập theo yêu cầu của Lãnh đạo Bộ.",
                Classification::toi_mat(),
            ),
        ),
    ]
}

fn story(
    id: &str,
    title: &str,
    articles: &[&str],
    first_seen: &str,
    relevance: Vec<RelevanceMatch>,
) -> StoryInput {
    StoryInput {
        id: id.to_string(),
        title: title.to_string(),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        original: None,
        first_seen: d(first_seen),
        relevance,
        last_briefed: None,
        new_since_briefed: 0,
        entities: Vec::new(),
    }
}

pub fn stories() -> Vec<StoryInput> {
    use MatchKind::*;
    let mut s1 = story(
        "story-0428-trưởng-cqđd",
        TITLE_001,
        &["mofa-001", "tgvn-001", "vov-0428"],
        "2023-04-28",
        vec![
            RelevanceMatch::new(Place, "Nhật Bản"),
            RelevanceMatch::new(Person, "Phạm Quang Hiệu"),
            RelevanceMatch::new(Keyword, "Trưởng cơ quan đại diện"),
        ],
    );
    s1.original = Some("tgvn-001".to_string());
    s1.entities = vec![
        "Bùi Thanh Sơn".to_string(),
        "Phạm Quang Hiệu".to_string(),
        "Nhật Bản".to_string(),
        "Nhà khách Chính phủ".to_string(),
    ];
    let mut s2 = story(
        "story-0329-ubkt",
        TITLE_000,
        &["tgvn-000"],
        "2023-03-29",
        vec![RelevanceMatch::new(Keyword, "Trưởng cơ quan đại diện")],
    );
    s2.last_briefed = Some(d("2023-03-30"));
    let mut s3 = story(
        "story-bdntw",
        TITLE_003,
        &["cpv-1223", "tinh-cpv-0808"],
        "2023-04-28",
        vec![RelevanceMatch::new(Pillar, "Ngoại giao chính trị")],
    );
    s3.original = Some("cpv-1223".to_string());
    let s4 = story(
        "story-xdd",
        TITLE_002,
        &["vnp-1216"],
        "2023-04-28",
        vec![RelevanceMatch::new(Pillar, "Ngoại giao chính trị")],
    );
    let mut s5 = story(
        "story-hnng",
        TITLE_004,
        &["cb-0110"],
        "2023-01-10",
        vec![RelevanceMatch::new(Keyword, "ngoại giao kinh tế")],
    );
    s5.last_briefed = Some(d("2023-01-11"));
    // The clusterer split the VOV report off as a story of its own: it must merge into s1.
    let s6 = story(
        "story-0428-vov",
        "Bộ trưởng Bùi Thanh Sơn làm việc với 17 Trưởng cơ quan đại diện nhiệm kỳ 2023-2026",
        &["vov-0428"],
        "2023-04-28",
        vec![RelevanceMatch::new(Keyword, "Trưởng cơ quan đại diện")],
    );
    let s7 = story(
        "story-secret",
        "Đánh giá nội bộ về nhân sự",
        &["secret-0428"],
        "2023-04-28",
        vec![RelevanceMatch::new(Person, "Phạm Quang Hiệu")],
    );
    vec![s5, s4, s3, s2, s6, s1, s7]
}

pub fn events() -> Vec<EventItem> {
    let t = Classification::thuong;
    let meeting = |articles: &[&str]| {
        EventItem {
        date: Some(d("2023-04-28")),
        kind: "làm việc".to_string(),
        title: "Bộ trưởng Ngoại giao Bùi Thanh Sơn làm việc với các Trưởng cơ quan đại diện nhiệm kỳ 2023-2026 chuẩn bị lên đường nhận nhiệm vụ".to_string(),
        participants: vec![
            "Bộ trưởng Ngoại giao Bùi Thanh Sơn".to_string(),
            "các Thứ trưởng Phạm Quang Hiệu, Lê Thị Thu Hằng, Đỗ Hùng Việt".to_string(),
        ],
        counterparts: vec!["các Trưởng cơ quan đại diện nhiệm kỳ 2023-2026".to_string()],
        place: Some("Nhà khách Chính phủ, Hà Nội".to_string()),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        classification: t(),
    }
    };
    vec![
        meeting(&["tgvn-001"]),
        // The same meeting as VOV reported it: one event with both sources.
        meeting(&["vov-0428", "mofa-001"]),
        EventItem {
            date: Some(d("2023-04-28")),
            kind: "gặp mặt".to_string(),
            title: "Bộ trưởng Bùi Thanh Sơn gặp mặt các Trưởng cơ quan đại diện hết nhiệm kỳ về nước năm 2022".to_string(),
            participants: vec!["Bộ trưởng Ngoại giao Bùi Thanh Sơn".to_string()],
            counterparts: vec!["các Trưởng cơ quan đại diện hết nhiệm kỳ".to_string()],
            place: Some("Nhà khách Chính phủ, Hà Nội".to_string()),
            articles: vec!["tgvn-001".to_string()],
            classification: t(),
        },
        EventItem {
            date: Some(d("2023-05-04")),
            kind: "làm việc".to_string(),
            title: "Vụ Đông Bắc Á phối hợp chuẩn bị chương trình làm việc của Đại sứ tại Nhật Bản với các bộ, ngành".to_string(),
            participants: vec!["Vụ Đông Bắc Á".to_string()],
            counterparts: vec!["Đại sứ được chỉ định Phạm Quang Hiệu".to_string()],
            place: Some("Hà Nội".to_string()),
            articles: vec!["dsq-jp-0428".to_string()],
            classification: Classification::mat(),
        },
        // Outside the window: a conference months ago is not an event of the day.
        EventItem {
            date: Some(d("2023-01-10")),
            kind: "hội nghị".to_string(),
            title: "Hội nghị tổng kết công tác ngành ngoại giao năm 2022".to_string(),
            participants: vec!["Thủ tướng Phạm Minh Chính".to_string()],
            counterparts: vec![],
            place: Some("Hà Nội".to_string()),
            articles: vec!["cb-0110".to_string()],
            classification: t(),
        },
        // Withheld from readers cleared only to MẬT.
        EventItem {
            date: Some(d("2023-04-30")),
            kind: "họp".to_string(),
            title: "Họp về nhân sự".to_string(),
            participants: vec!["Vụ Tổ chức Cán bộ".to_string()],
            counterparts: vec![],
            place: None,
            articles: vec!["secret-0428".to_string()],
            classification: Classification::toi_mat(),
        },
    ]
}

pub fn people() -> Vec<PostChange> {
    let t = Classification::thuong;
    vec![
        PostChange {
            person: "Phạm Quang Hiệu".to_string(),
            person_id: Some("person:phạm quang hiệu".to_string()),
            title: "Đại sứ Việt Nam tại Nhật Bản".to_string(),
            change: PostChangeKind::NewTitle {
                previous_title: Some("Thứ trưởng Ngoại giao".to_string()),
            },
            seen_on: Some(d("2023-04-28")),
            articles: vec!["vov-0428".to_string()],
            classification: t(),
        },
        PostChange {
            person: "Phạm Quang Hiệu".to_string(),
            person_id: Some("person:phạm quang hiệu".to_string()),
            title: "Đại sứ Việt Nam tại Nhật Bản".to_string(),
            change: PostChangeKind::Appointment {
                previous_title: Some("Thứ trưởng Ngoại giao".to_string()),
            },
            seen_on: Some(d("2023-04-28")),
            articles: vec!["tgvn-001".to_string()],
            classification: t(),
        },
        PostChange {
            person: "Hoàng Bình Quân".to_string(),
            person_id: Some("person:hoàng bình quân".to_string()),
            title: "Trưởng Ban Đối ngoại Trung ương".to_string(),
            change: PostChangeKind::Contradiction {
                other_person: "Lê Hoài Trung".to_string(),
                other_seen_on: Some(d("2022-05-12")),
                other_articles: vec!["ledger-2022".to_string()],
            },
            seen_on: Some(d("2023-04-28")),
            articles: vec!["tinh-cpv-0808".to_string()],
            classification: t(),
        },
    ]
}

pub fn documents() -> Vec<DocumentItem> {
    let t = Classification::thuong;
    let doc = |number: &str,
               kind: &str,
               issued: Option<&str>,
               issuer: Option<&str>,
               subject: Option<&str>,
               articles: &[&str]| DocumentItem {
        number: number.to_string(),
        kind: kind.to_string(),
        issued_on: issued.map(d),
        issuer: issuer.map(str::to_string),
        subject: subject.map(str::to_string),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        classification: t(),
    };
    vec![
        doc(
            "34-NQ/TW",
            "Nghị quyết",
            Some("2023-01-09"),
            Some("Bộ Chính trị"),
            Some(
                "về một số định hướng, chủ trương lớn triển khai đường lối đối ngoại Đại hội XIII của Đảng",
            ),
            &["tgvn-001"],
        ),
        // The same resolution as another article wrote it.
        doc("34-NQ/TW", "Nghị quyết", None, None, None, &["mofa-001"]),
        doc(
            "21-KL/TW",
            "Kết luận",
            None,
            Some("Ban Chấp hành Trung ương"),
            Some("về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
            &["vnp-1216"],
        ),
        doc(
            "37-QĐ/TW",
            "Quy định",
            None,
            Some("Ban Chấp hành Trung ương"),
            Some("về những điều đảng viên không được làm"),
            &["vnp-1216"],
        ),
        doc(
            "12-KL/TW",
            "Kết luận",
            None,
            Some("Bộ Chính trị"),
            Some("về công tác người Việt Nam ở nước ngoài trong tình hình mới"),
            &["vnp-1216"],
        ),
    ]
}

pub fn series() -> Vec<SeriesInput> {
    let days = |counts: &[u32]| -> Vec<DayCount> {
        let last = d("2023-04-29");
        let n = counts.len() as i64;
        counts
            .iter()
            .enumerate()
            .map(|(i, &count)| DayCount {
                date: last.add_days(i as i64 - n + 1).expect("in range"),
                count,
            })
            .collect()
    };
    let t = Classification::thuong;
    vec![
        SeriesInput {
            entity_id: "person:phạm quang hiệu".to_string(),
            entity: "Phạm Quang Hiệu".to_string(),
            entity_kind: "person".to_string(),
            series: days(&[0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 6]),
            articles: vec![
                "tgvn-001".to_string(),
                "mofa-001".to_string(),
                "vov-0428".to_string(),
            ],
            classification: t(),
        },
        SeriesInput {
            entity_id: "place:nhật bản".to_string(),
            entity: "Nhật Bản".to_string(),
            entity_kind: "place".to_string(),
            series: days(&[3, 2, 4, 3, 2, 3, 5, 2, 3, 4, 3, 2, 3, 9]),
            articles: vec!["tgvn-001".to_string(), "vov-0428".to_string()],
            classification: t(),
        },
        // Steady: no spike.
        SeriesInput {
            entity_id: "org:bộ ngoại giao".to_string(),
            entity: "Bộ Ngoại giao".to_string(),
            entity_kind: "organization".to_string(),
            series: days(&[10, 12, 11, 9, 13, 12, 10, 11, 12, 13, 11, 10, 12, 14]),
            articles: vec!["tgvn-001".to_string()],
            classification: t(),
        },
    ]
}

pub fn situations() -> Vec<Situation> {
    let t = Classification::thuong;
    vec![
        Situation {
            id: "sit-closed".to_string(),
            title: "Tổng kết công tác ngành ngoại giao năm 2022".to_string(),
            owner: "Lê Văn C".to_string(),
            status: SituationStatus::Closed,
            acknowledgements: vec![],
            changes: vec![],
            last_briefed: Some(d("2023-01-11")),
            articles: vec![],
            classification: t(),
        },
        Situation {
            id: "sit-jp-ambassador".to_string(),
            title: "Chuẩn bị nhận nhiệm vụ của Đại sứ Việt Nam tại Nhật Bản nhiệm kỳ 2023-2026".to_string(),
            owner: "Nguyễn Văn A (Bàn Nhật Bản)".to_string(),
            status: SituationStatus::Following,
            acknowledgements: vec![Acknowledgement {
                officer: "Nguyễn Văn A".to_string(),
                at: DateTime::parse("2023-04-28T07:40").expect("valid"),
            }],
            changes: vec![
                "Thứ trưởng Phạm Quang Hiệu được báo chí nêu là Đại sứ được chỉ định tại Nhật Bản (28/4).".to_string(),
                "Đại sứ quán đề nghị chuẩn bị chương trình làm việc với các bộ, ngành trước ngày 04/5.".to_string(),
            ],
            last_briefed: Some(d("2023-04-28")),
            articles: vec!["tgvn-001".to_string(), "dsq-jp-0428".to_string()],
            classification: Classification::mat(),
        },
        Situation {
            id: "sit-giao-ban".to_string(),
            title: "Cơ chế giao ban hằng ngày tại các cơ quan đại diện".to_string(),
            owner: "Trần Thị B".to_string(),
            status: SituationStatus::ActionRequired,
            acknowledgements: vec![],
            changes: vec![
                "Bộ trưởng yêu cầu các cơ quan đại diện có cơ chế giao ban hàng ngày, phân công cán bộ theo dõi tình hình cụ thể.".to_string(),
            ],
            last_briefed: None,
            articles: vec!["tgvn-001".to_string(), "vov-0428".to_string()],
            classification: t(),
        },
    ]
}

pub fn input() -> BriefingInput {
    BriefingInput {
        title: None,
        desk: DeskSummary {
            id: Some("nhat-ban".to_string()),
            name: "Bàn Nhật Bản".to_string(),
            places: vec!["Nhật Bản".to_string(), "Tokyo".to_string()],
            entities: vec![
                "Phạm Quang Hiệu".to_string(),
                "Đại sứ quán Việt Nam tại Nhật Bản".to_string(),
            ],
            documents: vec![],
            pillars: vec!["Ngoại giao kinh tế".to_string()],
            keywords: vec!["Trưởng cơ quan đại diện".to_string()],
        },
        date: d("2023-04-29"),
        period: None,
        generated_at: DateTime::parse("2023-04-29T06:30").expect("valid"),
        header: DocumentHeader {
            parent_body: Some("BỘ NGOẠI GIAO".to_string()),
            issuing_body: "VỤ ĐÔNG BẮC Á".to_string(),
            number: Some("27/BTGB-ĐBA".to_string()),
            place: "Hà Nội".to_string(),
            recipients: vec![
                "Lãnh đạo Bộ (để báo cáo)".to_string(),
                "Vụ Tổ chức Cán bộ".to_string(),
                "Đại sứ quán Việt Nam tại Nhật Bản".to_string(),
                "Lưu: VT, ĐBA".to_string(),
            ],
            signatory: Some(Signatory {
                on_behalf: Some("TL. BỘ TRƯỞNG".to_string()),
                title: "VỤ TRƯỞNG VỤ ĐÔNG BẮC Á".to_string(),
                name: "Nguyễn Văn D".to_string(),
            }),
        },
        articles: articles(),
        stories: stories(),
        events: events(),
        people: people(),
        documents: documents(),
        series: series(),
        situations: situations(),
        feeds: vec![
            FeedInput {
                name: "Báo Thế giới & Việt Nam".to_string(),
                articles: 2,
                last_delivery: Some(d("2023-04-28")),
            },
            FeedInput {
                name: "Cổng thông tin điện tử Bộ Ngoại giao".to_string(),
                articles: 1,
                last_delivery: Some(d("2023-04-29")),
            },
            FeedInput {
                name: "VOV".to_string(),
                articles: 1,
                last_delivery: Some(d("2023-04-28")),
            },
            FeedInput {
                name: "Báo điện tử Đảng Cộng sản Việt Nam".to_string(),
                articles: 1,
                last_delivery: Some(d("2023-04-28")),
            },
            FeedInput {
                name: "VietnamPlus".to_string(),
                articles: 1,
                last_delivery: Some(d("2023-04-28")),
            },
            FeedInput {
                name: "Báo Nhân Dân".to_string(),
                articles: 0,
                last_delivery: Some(d("2023-04-26")),
            },
            FeedInput {
                name: "Báo Tuổi Trẻ".to_string(),
                articles: 0,
                last_delivery: None,
            },
        ],
        extraction_failures: vec![ExtractionFailure {
            input: "nhandan/2023-04-28/trang-chu.html".to_string(),
            reason: "trang không có nội dung bài sau khi làm sạch (chỉ có danh mục tin)"
                .to_string(),
        }],
        articles_considered: 11,
    }
}

/// The briefing a reader cleared to MẬT gets.
pub fn briefing() -> Briefing {
    assemble(
        input(),
        &AssemblyOptions {
            clearance: Some(Classification::mat()),
            ..AssemblyOptions::default()
        },
    )
}

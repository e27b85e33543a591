//! One or more cases per rule, on short articles written for the test.

use crate::{article, extract, extractor, titles_of};
use tre_extract::{Extraction, Pillar};

fn names(x: &Extraction) -> Vec<&str> {
    x.persons.iter().map(|p| p.name.as_str()).collect()
}

fn orgs(x: &Extraction) -> Vec<&str> {
    x.organizations.iter().map(|o| o.name.as_str()).collect()
}

fn places(x: &Extraction) -> Vec<&str> {
    x.places.iter().map(|p| p.name.as_str()).collect()
}

// ---- Titles

#[test]
fn title_chain_before_a_name_is_split_in_order() {
    let x = extract(
        "Tối ngày 28/4, tại Nhà khách Chính phủ, Ủy viên Trung ương Đảng, Bộ trưởng Ngoại giao \
         Bùi Thanh Sơn đã có buổi làm việc với các Trưởng cơ quan đại diện.",
    );
    assert_eq!(
        titles_of(&x, "Bùi Thanh Sơn"),
        ["Ủy viên Trung ương Đảng", "Bộ trưởng Ngoại giao"]
    );
}

#[test]
fn title_chain_after_a_name_ends_where_the_sentence_goes_on() {
    let x = extract(
        "Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban \
         Kiểm tra Trung ương, nêu rõ yêu cầu.",
    );
    assert_eq!(
        titles_of(&x, "Trần Cẩm Tú"),
        [
            "Ủy viên Bộ Chính trị",
            "Bí thư Trung ương Đảng",
            "Chủ nhiệm Ủy ban Kiểm tra Trung ương"
        ]
    );
    // The honorific is not part of the name; the bodies inside the titles are organisations.
    assert!(!names(&x).iter().any(|n| n.contains("Đồng chí")));
    for o in ["Bộ Chính trị", "Ủy ban Kiểm tra Trung ương"] {
        assert!(orgs(&x).contains(&o), "{o} in {:?}", orgs(&x));
    }
}

#[test]
fn a_title_before_the_next_name_belongs_to_it() {
    let x = extract(
        "Thường trực Ban Bí thư Võ Văn Thưởng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dự phiên họp.",
    );
    assert_eq!(titles_of(&x, "Võ Văn Thưởng"), ["Thường trực Ban Bí thư"]);
    assert_eq!(titles_of(&x, "Bùi Thanh Sơn"), ["Bộ trưởng Bộ Ngoại giao"]);
}

#[test]
fn a_complement_ends_where_its_organisation_ends() {
    let x = extract(
        "Đồng chí Hoàng Bình Quân, Ủy viên Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương đã \
         báo cáo tình hình.",
    );
    assert_eq!(
        titles_of(&x, "Hoàng Bình Quân"),
        ["Ủy viên Trung ương Đảng", "Trưởng Ban Đối ngoại Trung ương"]
    );
    assert!(orgs(&x).contains(&"Ban Đối ngoại Trung ương"));
}

#[test]
fn a_plural_title_with_a_list_gives_itself_to_each_name() {
    let x = extract(
        "Tham dự buổi làm việc còn có các Thứ trưởng Ngoại giao: Phạm Quang Hiệu, Lê Thị Thu \
         Hằng, Đỗ Hùng Việt.",
    );
    for n in ["Phạm Quang Hiệu", "Lê Thị Thu Hằng", "Đỗ Hùng Việt"] {
        assert_eq!(titles_of(&x, n), ["Thứ trưởng Ngoại giao"], "{n}");
    }
}

#[test]
fn foreign_titles_take_their_country_and_keep_off_the_name() {
    let x = extract(
        "Bộ trưởng Ngoại giao Nhật Bản Hayashi Yoshimasa hội đàm với Ngoại trưởng Mỹ Antony \
         Blinken và Tổng thống Nga Vladimir Putin.",
    );
    assert_eq!(
        titles_of(&x, "Hayashi Yoshimasa"),
        ["Bộ trưởng Ngoại giao Nhật Bản"]
    );
    assert_eq!(titles_of(&x, "Antony Blinken"), ["Ngoại trưởng Mỹ"]);
    assert_eq!(titles_of(&x, "Vladimir Putin"), ["Tổng thống Nga"]);
    assert!(places(&x).contains(&"Nhật Bản"));
}

#[test]
fn kiem_and_dash_separate_titles() {
    let x = extract("Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Phạm Bình Minh phát biểu.");
    assert_eq!(
        titles_of(&x, "Phạm Bình Minh"),
        ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"]
    );
}

#[test]
fn a_predicate_gives_a_title() {
    let x = extract(
        "Thứ trưởng Ngoại giao Phạm Quang Hiệu - người được chỉ định là Đại sứ Việt Nam tại \
         Nhật Bản phát biểu cảm ơn.",
    );
    assert_eq!(
        titles_of(&x, "Phạm Quang Hiệu"),
        ["Thứ trưởng Ngoại giao", "Đại sứ Việt Nam tại Nhật Bản"]
    );
    let x =
        extract("Hôm qua, Tổng thống Emile Lahoud cử ông Omar Karameh làm tân thủ tướng Libăng.");
    assert_eq!(titles_of(&x, "Omar Karameh"), ["tân thủ tướng Libăng"]);
    assert_eq!(x.events[0].kind, "appointment");
}

#[test]
fn a_title_that_names_someone_else_is_not_chained() {
    let x = extract(
        "Chủ tịch nước Trần Đức Lương đã gặp Thủ tướng Canada Paul Martin. Tại cuộc gặp Thủ \
         tướng Canada, Chủ tịch Trần Đức Lương đánh giá cao các dự án.",
    );
    assert_eq!(titles_of(&x, "Trần Đức Lương"), ["Chủ tịch nước"]);
    assert_eq!(titles_of(&x, "Paul Martin"), ["Thủ tướng Canada"]);
}

#[test]
fn a_bare_head_is_left_out_beside_its_fuller_form() {
    let x = extract(
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì. Bộ trưởng Bùi Thanh Sơn đề nghị các Trưởng \
         cơ quan đại diện hoàn thành nhiệm vụ.",
    );
    assert_eq!(titles_of(&x, "Bùi Thanh Sơn"), ["Bộ trưởng Ngoại giao"]);
}

// ---- Persons and short references

#[test]
fn short_references_resolve_to_the_full_person() {
    let x = extract(
        "Thường trực Ban Bí thư Võ Văn Thưởng dự hội nghị. Thay mặt Bộ Chính trị, ông Thưởng biểu \
         dương thành tích. Thường trực Ban Bí thư nhấn mạnh yêu cầu.",
    );
    assert_eq!(names(&x), ["Võ Văn Thưởng"]);
    // The full name, `ông Thưởng` and the bare title are three mentions of one person.
    assert_eq!(x.persons[0].mentions.len(), 3);
    let text = article("Tin tức", &[]).title;
    assert!(!text.is_empty());
}

#[test]
fn a_surname_reference_joins_the_full_foreign_name() {
    let x = extract(
        "Tổng thống Pháp Jacques Chirac thăm Trung Quốc. Ông Chirac đã ký nhiều hợp đồng. \
         Thành công của Chirac làm châu Âu lo ngại.",
    );
    assert_eq!(names(&x), ["Jacques Chirac"]);
    assert_eq!(x.persons[0].mentions.len(), 3);
}

#[test]
fn mr_and_mrs_are_not_one_person() {
    let x = extract(
        "Bà Laura Bush nổi cáu với báo chí. Trước đó, ông Bush đã tranh cử nhiệm kỳ thứ hai.",
    );
    assert_eq!(names(&x), ["Laura Bush", "Bush"]);
}

#[test]
fn lexicon_persons_are_one_under_both_forms() {
    let x = extract(
        "Chủ tịch Trung Quốc Tập Cận Bình hội đàm với Tổng thống Mỹ. Ông Xi Jinping nói hai nước \
         cần hợp tác.",
    );
    let p = x
        .persons
        .iter()
        .find(|p| p.canonical.as_deref() == Some("Tập Cận Bình"))
        .expect("the lexicon person");
    assert_eq!(p.name, "Tập Cận Bình");
    assert_eq!(p.international.as_deref(), Some("Xi Jinping"));
    assert_eq!(x.persons.len(), 1, "{:?}", names(&x));
}

#[test]
fn credits_streets_and_places_are_not_persons() {
    let x = extract(
        "Đại sứ quán đặt tại số 1 Trần Hưng Đạo, gần bệnh viện Bạch Mai. (Ảnh: Đăng Khoa) Hội \
         nghị diễn ra tại Viên Chăn, Lào.",
    );
    assert!(x.persons.is_empty(), "{:?}", names(&x));
}

#[test]
fn vietnamese_names_need_no_title() {
    let x = extract("Trong đoàn có các em Nguyễn Văn An và Lê Thị Hoa, học sinh lớp 5.");
    assert_eq!(names(&x), ["Nguyễn Văn An", "Lê Thị Hoa"]);
}

// ---- Organisations

#[test]
fn organisations_are_listed_per_written_form_with_one_id() {
    let x = extract(
        "Việt Nam là Ủy viên không thường trực Hội đồng Bảo an Liên Hợp Quốc. Hội đồng Bảo an \
         họp hôm qua. Liên Hợp Quốc (LHQ) hoan nghênh.",
    );
    let o = orgs(&x);
    assert!(o.contains(&"Hội đồng Bảo an Liên Hợp Quốc"), "{o:?}");
    assert!(o.contains(&"Hội đồng Bảo an"), "{o:?}");
    assert!(o.contains(&"LHQ"), "{o:?}");
    let id = |n: &str| {
        x.organizations
            .iter()
            .find(|o| o.name == n)
            .map(|o| o.id.clone())
    };
    assert_eq!(id("Hội đồng Bảo an Liên Hợp Quốc"), id("Hội đồng Bảo an"));
    assert_eq!(id("Liên Hợp Quốc"), id("LHQ"));
}

#[test]
fn a_foreign_qualifier_makes_another_body() {
    let x = extract("Bộ Ngoại giao Nhật Bản và Bộ Ngoại giao trao đổi công hàm.");
    let ids: Vec<&str> = x.organizations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(orgs(&x), ["Bộ Ngoại giao Nhật Bản", "Bộ Ngoại giao"]);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn bodies_built_from_a_head_word_and_aliases_in_parentheses() {
    let x = extract(
        "Lễ ký diễn ra giữa Tổng công ty Dầu khí Việt Nam (Petro Vietnam) và Sở Ngoại vụ Hà Nội, \
         với sự chứng kiến của Đại sứ quán Nhật Bản tại Việt Nam.",
    );
    let o = orgs(&x);
    for want in [
        "Tổng công ty Dầu khí Việt Nam",
        "Petro Vietnam",
        "Sở Ngoại vụ Hà Nội",
        "Đại sứ quán Nhật Bản tại Việt Nam",
    ] {
        assert!(o.contains(&want), "{want} in {o:?}");
    }
}

#[test]
fn generic_phrases_are_not_organisations() {
    let x = extract(
        "Bộ Ngoại giao đã làm việc với các bộ, ban, ngành, cơ quan Trung ương và các cơ quan đại \
         diện.",
    );
    assert_eq!(orgs(&x), ["Bộ Ngoại giao"]);
}

// ---- Places

#[test]
fn places_per_written_form_and_generic_heads_stripped() {
    let x = extract(
        "Xung đột Nga - Ucraina tiếp diễn; công dân tại Ukraine được sơ tán. Hợp tác tiểu vùng Mê \
         Công và an ninh bán đảo Triều Tiên được bàn tại thành phố Hạ Long, tỉnh Quảng Ninh.",
    );
    let p = places(&x);
    for want in [
        "Nga",
        "Ucraina",
        "Ukraine",
        "Mê Công",
        "Triều Tiên",
        "Hạ Long",
        "Quảng Ninh",
    ] {
        assert!(p.contains(&want), "{want} in {p:?}");
    }
    let id = |n: &str| x.places.iter().find(|p| p.name == n).map(|p| p.id.clone());
    assert_eq!(id("Ucraina"), id("Ukraine"));
    assert_eq!(
        x.places
            .iter()
            .find(|p| p.name == "Mê Công")
            .map(|p| p.kind.as_str()),
        Some("region")
    );
}

#[test]
fn a_district_needs_its_province_or_a_unit_word() {
    let with =
        extract("Đoàn đến tỉnh Cao Bằng và làm việc với UBND các huyện: Hà Quảng, Thạch An.");
    let p = places(&with);
    assert!(p.contains(&"Hà Quảng") && p.contains(&"Thạch An"), "{p:?}");
    assert!(with.persons.is_empty(), "{:?}", names(&with));
}

#[test]
fn venues_after_tai() {
    let x = extract(
        "Sáng 29/3, tại Trụ sở cơ quan Ủy ban Kiểm tra Trung ương, đồng chí Trần Cẩm Tú làm việc \
         với đoàn.",
    );
    let v = x
        .places
        .iter()
        .find(|p| p.kind == "venue")
        .expect("a venue");
    assert_eq!(v.name, "Trụ sở cơ quan Ủy ban Kiểm tra Trung ương");
    assert!(orgs(&x).contains(&"Ủy ban Kiểm tra Trung ương"));
    assert_eq!(x.events[0].place.as_deref(), Some(v.name.as_str()));
}

// ---- Documents

#[test]
fn document_numbers_kinds_and_dates() {
    let x = extract(
        "Thực hiện Nghị quyết số 34-NQ/TW, ngày 9/1/2023 của Bộ Chính trị, Chỉ thị số 15-CT/TW \
         ngày 10/8/2022 của Ban Bí thư, Nghị định 30/2020/NĐ-CP, Quyết định số 1234/QĐ-TTg và \
         Kết luận số 12 - KL/TW.",
    );
    let docs: Vec<(&str, &str, Option<&str>)> = x
        .documents
        .iter()
        .map(|d| (d.kind.as_str(), d.number.as_str(), d.date.as_deref()))
        .collect();
    assert_eq!(
        docs,
        [
            ("Nghị quyết", "34-NQ/TW", Some("2023-01-09")),
            ("Chỉ thị", "15-CT/TW", Some("2022-08-10")),
            ("Nghị định", "30/2020/NĐ-CP", None),
            ("Quyết định", "1234/QĐ-TTg", None),
            ("Kết luận", "12-KL/TW", None),
        ]
    );
    // A document's date is not an event's.
    assert!(x.events.is_empty());
}

#[test]
fn a_short_reference_is_the_same_document_and_a_bare_number_stays_as_written() {
    let x = extract(
        "Các cấp ủy quán triệt Kết luận 21-KL/TW. Ngành sẽ đạt yêu cầu của Kết luận 21 đã đề ra. \
         Nghị quyết 36 của Bộ Chính trị về công tác người Việt Nam ở nước ngoài.",
    );
    let docs: Vec<(&str, &str)> = x
        .documents
        .iter()
        .map(|d| (d.kind.as_str(), d.number.as_str()))
        .collect();
    assert_eq!(docs, [("Kết luận", "21-KL/TW"), ("Nghị quyết", "36")]);
    assert_eq!(x.documents[0].mentions.len(), 2);
}

#[test]
fn a_kind_is_read_from_the_code_when_not_written() {
    let x = extract("Theo 43-QĐ/TW và 21-KL/TW, các tổ chức đảng ngoài nước thực hiện nghiêm.");
    let kinds: Vec<&str> = x.documents.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["Quy định", "Kết luận"]);
}

// ---- Dates

#[test]
fn dates_resolve_against_the_publication_date_and_keep_their_precision() {
    let mut a = article(
        "Tin tức",
        &[
            "Sáng 10/1, Bộ Ngoại giao tổ chức hội nghị. Ngày 23/12, đoàn đã làm việc với Ban Đối \
           ngoại Trung ương.",
        ],
    );
    a.published = Some("2023-01-10T17:37".into());
    let x = extractor().extract(&a);
    assert_eq!(x.published.as_deref(), Some("2023-01-10"));
    let values: Vec<&str> = x.dates.iter().map(|d| d.value.as_str()).collect();
    // Late December in an article of 10 January is last year's.
    assert_eq!(values, ["2023-01-10", "2022-12-23"]);

    a.published = None;
    let x = extractor().extract(&a);
    assert_eq!(x.published, None);
    let values: Vec<&str> = x.dates.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(values, ["--01-10", "--12-23"], "never an invented year");
}

#[test]
fn relative_days_need_a_publication_date() {
    let text = "Sáng nay, Thủ tướng Phan Văn Khải tiếp Đại sứ Nhật Bản Hattori Norio.";
    let x = extract(text);
    assert_eq!(x.events[0].date, None);
    let mut a = article("Tin tức", &[text]);
    a.published = Some("2005-03-02".into());
    let x = extractor().extract(&a);
    assert_eq!(x.events[0].date.as_deref(), Some("2005-03-02"));
}

#[test]
fn written_forms_of_dates() {
    let x = extract(
        "Ngày 7.3, đoàn đến Brazil. Chiều 23-2, ông phát biểu. Ngày 23 tháng 12 năm 2011, hội \
         nghị bế mạc.",
    );
    let values: Vec<&str> = x.dates.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(values, ["--03-07", "--02-23", "2011-12-23"]);
}

// ---- Events

#[test]
fn an_event_reported_twice_is_one_event_with_its_attendees() {
    let x = extract(
        "Trong buổi làm việc sáng 29/3, tại Trụ sở Bộ Ngoại giao, đồng chí Trần Cẩm Tú nêu rõ \
         yêu cầu. Cùng dự có đồng chí Bùi Thanh Sơn, Bộ trưởng Ngoại giao. Tại buổi làm việc, \
         các ý kiến tập trung vào việc phối hợp.",
    );
    assert_eq!(x.events.len(), 1, "{:?}", x.events);
    let e = &x.events[0];
    assert_eq!(
        (e.kind.as_str(), e.date.as_deref()),
        ("meeting", Some("--03-29"))
    );
    assert_eq!(e.participants, ["Trần Cẩm Tú", "Bùi Thanh Sơn"]);
}

#[test]
fn event_types_from_their_words() {
    let cases = [
        (
            "Ngày 5/6, Thủ tướng Phan Văn Khải hội đàm với Thủ tướng Nhật Bản Koizumi Junichiro.",
            "talks",
        ),
        (
            "Ngày 5/6, Chủ tịch nước Trần Đức Lương điện đàm với Tổng thống Nga Vladimir Putin.",
            "phone_call",
        ),
        (
            "Ngày 5/6, Chủ tịch nước Trần Đức Lương lên đường thăm chính thức Nhật Bản.",
            "visit",
        ),
        (
            "Ngày 5/6, Bộ trưởng Nguyễn Dy Niên dự Hội nghị Bộ trưởng Ngoại giao ASEAN.",
            "conference",
        ),
        (
            "Ngày 5/6, Bộ trưởng Trương Đình Tuyển đã ký Hiệp định thương mại với Bộ trưởng Lim Hng Kiang.",
            "signing",
        ),
        (
            "Ngày 5/6, Chủ tịch nước Trần Đức Lương tiếp Đại sứ Nhật Bản Hattori Norio.",
            "meeting",
        ),
        (
            "Ngày 5/6, ông Nguyễn Văn Bình được bổ nhiệm làm Đại sứ Việt Nam tại Nhật Bản.",
            "appointment",
        ),
        (
            "Ngày 5/6, Bộ Ngoại giao đã sơ tán hơn 300 công dân Việt Nam khỏi Libya.",
            "evacuation",
        ),
    ];
    for (text, kind) in cases {
        let x = extract(text);
        let kinds: Vec<&str> = x.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, [kind], "{text}");
        assert_eq!(x.events[0].date.as_deref(), Some("--06-05"), "{text}");
    }
}

#[test]
fn generalities_announcements_and_speeches_are_not_events() {
    let x = extract(
        "Bộ Ngoại giao đã xây dựng chương trình bao gồm các cuộc làm việc với các bộ, ngành. \
         Bộ trưởng Bùi Thanh Sơn phát biểu tại lễ khai giảng. Ngày 20/11, Thủ tướng Phan Văn Khải \
         sẽ hội đàm với Thủ tướng Thái Lan Thaksin Shinawatra.",
    );
    assert!(x.events.is_empty(), "{:?}", x.events);
    // The announced talks are kept apart.
    assert_eq!(x.other_events.len(), 1);
    assert!(x.other_events[0].planned);
}

#[test]
fn meetings_with_several_counterparts_are_one_each() {
    let x = extract(
        "Tại Jakarta, Chủ tịch nước Trần Đức Lương đã có các cuộc gặp với Tổng thống Algeria \
         Abdelaziz Bouteflika; Thủ tướng Tuynizi Mohamed Ghannouchi.",
    );
    let meetings: Vec<&Vec<String>> = x
        .events
        .iter()
        .filter(|e| e.kind == "meeting")
        .map(|e| &e.participants)
        .collect();
    assert_eq!(meetings.len(), 2, "{:?}", x.events);
    assert!(
        meetings
            .iter()
            .all(|p| p.contains(&"Trần Đức Lương".to_owned()))
    );
}

#[test]
fn a_visit_dated_by_its_parenthesis_and_a_meeting_by_its_day() {
    let x = extract(
        "Trong khuôn khổ chuyến thăm làm việc tại Singapore (từ ngày 5-7/12), chiều 6-12, Phó \
         Thủ tướng Nguyễn Tấn Dũng đã tiếp kiến Thủ tướng Singapore Lý Hiển Long.",
    );
    let got: Vec<(&str, Option<&str>)> = x
        .events
        .iter()
        .map(|e| (e.kind.as_str(), e.date.as_deref()))
        .collect();
    assert!(got.contains(&("visit", Some("--12-05"))), "{got:?}");
    assert!(got.contains(&("meeting", Some("--12-06"))), "{got:?}");
}

// ---- Pillars

#[test]
fn pillars_with_their_evidence() {
    let x = extract(
        "Ngoại giao kinh tế là trung tâm: thu hút đầu tư, mở rộng thương mại và xuất khẩu. Các \
         cơ quan đại diện làm tốt công tác bảo hộ công dân và công tác người Việt Nam ở nước \
         ngoài, chăm lo kiều bào.",
    );
    let labels: Vec<Pillar> = x.pillars.iter().map(|p| p.pillar).collect();
    assert!(labels.contains(&Pillar::Economic), "{labels:?}");
    assert!(labels.contains(&Pillar::OverseasCitizens), "{labels:?}");
    assert!(!labels.contains(&Pillar::DefenceSecurity), "{labels:?}");
    let economic = x
        .pillars
        .iter()
        .find(|p| p.pillar == Pillar::Economic)
        .expect("economic");
    assert_eq!(economic.evidence[0].cue, "Ngoại giao kinh tế");
}

// ---- The extractor

#[test]
fn the_extractor_is_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<tre_extract::Extractor>();
    let handles: Vec<_> = (0..2)
        .map(|_| {
            std::thread::spawn(|| {
                extract("Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản.")
                    .persons
                    .len()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("no panic"), 1);
    }
}

#[test]
fn user_lexicon_files_extend_what_is_recognised() {
    let user = [(
        "organizations-local.tsv",
        "name\tkind\taliases\nHội Hữu nghị Việt - Lào tỉnh Nghệ An\tmass_org\tHHN Nghệ An\n",
    )];
    let lexicon = tre_lexicon::Lexicon::builtin_with(&user).expect("the user file loads");
    let extractor = tre_extract::Extractor::new(&lexicon);
    let x = extractor.extract(&article("Tin", &["HHN Nghệ An tổ chức gặp mặt."]));
    let o = x.organizations.first().expect("the user's body");
    assert_eq!(
        o.canonical.as_deref(),
        Some("Hội Hữu nghị Việt - Lào tỉnh Nghệ An")
    );
}

//! Integration tests of the default lexicon files and of loading user files.

use std::collections::{HashMap, HashSet};
use tre_lexicon::{
    Complement, DEFAULT_SOURCES, Lexicon, OrgKind, ProvinceType, TitleKind, UnStatus, name_key,
};

fn lex() -> Lexicon {
    match Lexicon::from_sources(&DEFAULT_SOURCES) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn default_files_load_without_problems_or_conflicts() {
    let lex = lex();
    let conflicts = lex.conflicts();
    assert!(conflicts.is_empty(), "names claimed twice: {conflicts:#?}");
}

#[test]
fn every_cell_of_every_default_file_is_already_normalised() {
    for (file, text) in DEFAULT_SOURCES {
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for cell in line.split('\t') {
                assert_eq!(
                    tre_text::normalize(cell),
                    cell,
                    "{file}:{}: cell {cell:?} is not normalised (NFC, old tone placement, single spaces, trimmed)",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn the_old_tone_placement_is_used() {
    let lex = lex();
    assert!(lex.provinces().all().iter().any(|p| p.name == "Khánh Hòa"));
    assert!(lex.provinces().all().iter().any(|p| p.name == "Thanh Hóa"));
    assert!(
        lex.organizations()
            .all()
            .iter()
            .any(|o| o.name == "Ủy ban Kiểm tra Trung ương")
    );
    // A query in the new placement finds the same rows.
    assert_eq!(
        lex.provinces().get("Khánh Hoà").map(|p| p.name.as_str()),
        Some("Khánh Hòa")
    );
    assert_eq!(
        lex.organizations()
            .get("Uỷ ban Kiểm tra Trung ương")
            .map(|o| o.name.as_str()),
        Some("Ủy ban Kiểm tra Trung ương")
    );
}

#[test]
fn province_counts_follow_the_reforms() {
    let lex = lex();
    assert_eq!(
        lex.at(2020).provinces().count(),
        63,
        "63 provinces and cities from 2008 to 2025"
    );
    assert_eq!(
        lex.at(2006).provinces().count(),
        64,
        "64 from 2004 to 2008 (with Hà Tây)"
    );
    assert_eq!(
        lex.at(2026).provinces().count(),
        34,
        "34 after the merger of 1 July 2025"
    );
    assert_eq!(
        lex.at(2000).provinces().count(),
        61,
        "61 before the 2004 splits"
    );
    let cities_2026: Vec<_> = lex
        .at(2026)
        .provinces()
        .iter()
        .filter(|p| p.kind == ProvinceType::CentralCity)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(cities_2026.len(), 6, "{cities_2026:?}");
    let cities_2020 = lex
        .at(2020)
        .provinces()
        .iter()
        .filter(|p| p.kind == ProvinceType::CentralCity)
        .count();
    assert_eq!(cities_2020, 5);
}

#[test]
fn merged_provinces_point_to_a_unit_that_exists_the_next_year() {
    let lex = lex();
    for p in lex.provinces().all() {
        if let Some(s) = &p.successor {
            let end = p
                .period
                .to
                .expect("a province with a successor has an end year");
            let next = lex.at(end + 1).provinces().get(s);
            assert!(
                next.is_some(),
                "{} ends in {end} but its successor {s} does not exist in {}",
                p.name,
                end + 1
            );
        } else {
            assert!(p.period.is_open(), "{} ended without a successor", p.name);
        }
    }
}

#[test]
fn the_2025_merger_and_the_2008_merger() {
    let lex = lex();
    let names = |v: Vec<&tre_lexicon::Province>| {
        let mut v: Vec<String> = v.into_iter().map(|p| p.name.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(
        names(lex.predecessors("Thành phố Hồ Chí Minh")),
        vec!["Bà Rịa - Vũng Tàu", "Bình Dương"]
    );
    assert_eq!(names(lex.predecessors("Hải Phòng")), vec!["Hải Dương"]);
    assert_eq!(
        names(lex.predecessors("Ninh Bình")),
        vec!["Hà Nam", "Nam Định"]
    );
    assert_eq!(names(lex.predecessors("Hà Nội")), vec!["Hà Tây"]);
    assert_eq!(names(lex.predecessors("Huế")), vec!["Thừa Thiên Huế"]);
    assert!(lex.predecessors("Cao Bằng").is_empty());
    // Every one of the 63 units of 2020 is either one of the 34 or was merged into one of them.
    let after: HashSet<String> = lex
        .at(2026)
        .provinces()
        .iter()
        .map(|p| p.name.clone())
        .collect();
    for p in lex.at(2020).provinces().iter() {
        let mut unit = p;
        while !after.contains(&unit.name) {
            let s = unit.successor.as_deref().expect("has a successor");
            unit = lex.provinces().get(s).expect("successor exists");
        }
    }
    // Names are looked up in the year asked for.
    assert!(lex.at(2005).provinces().get("Hà Tây").is_some());
    assert!(lex.at(2010).provinces().get("Hà Tây").is_none());
    assert_eq!(
        lex.at(2020).provinces().get("Huế").map(|p| p.name.as_str()),
        Some("Thừa Thiên Huế")
    );
    assert_eq!(
        lex.at(2026).provinces().get("Huế").map(|p| p.name.as_str()),
        Some("Huế")
    );
}

#[test]
fn un_members_observers_and_asean() {
    let lex = lex();
    let members: Vec<_> = lex
        .countries()
        .all()
        .iter()
        .filter(|c| c.un == UnStatus::Member)
        .collect();
    assert_eq!(members.len(), 193);
    let observers: HashSet<_> = lex
        .countries()
        .all()
        .iter()
        .filter(|c| c.un == UnStatus::Observer)
        .map(|c| c.iso2.as_str())
        .collect();
    assert_eq!(observers, HashSet::from(["VA", "PS"]));
    assert_eq!(lex.at(2020).asean_members().len(), 10);
    assert_eq!(lex.at(2026).asean_members().len(), 11);
    assert_eq!(lex.at(1996).asean_members().len(), 7);
    assert!(lex.at(2026).asean_members().iter().any(|c| c.iso2 == "TL"));
    // Countries that did not exist yet are not found in that year.
    assert!(lex.at(2005).countries().get("Nam Sudan").is_none());
    assert!(lex.at(2012).countries().get("Nam Sudan").is_some());
    assert!(
        lex.at(2005)
            .countries()
            .get("Serbia và Montenegro")
            .is_some()
    );
    assert!(
        lex.at(2010)
            .countries()
            .get("Serbia và Montenegro")
            .is_none()
    );
}

#[test]
fn iso_codes_are_unique() {
    let lex = lex();
    let mut iso2 = HashSet::new();
    let mut iso3 = HashSet::new();
    for c in lex.countries().all() {
        assert!(iso2.insert(c.iso2.clone()), "iso2 {} twice", c.iso2);
        assert!(iso3.insert(c.iso3.clone()), "iso3 {} twice", c.iso3);
    }
}

#[test]
fn no_name_is_claimed_by_two_entities_of_one_table() {
    // Stronger than conflicts(): even without overlapping years, only the known renames share
    // a name (Thừa Thiên Huế / Huế; districts that changed type keep their name).
    let lex = lex();
    let mut seen: HashMap<String, String> = HashMap::new();
    for o in lex.organizations().all() {
        for n in std::iter::once(&o.name).chain(&o.aliases) {
            if let Some(prev) = seen.insert(name_key(n), o.name.clone()) {
                assert_eq!(prev, o.name, "`{n}` names both {prev} and {}", o.name);
            }
        }
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    for t in lex.titles().all() {
        for n in std::iter::once(&t.head).chain(&t.aliases) {
            if let Some(prev) = seen.insert(name_key(n), t.head.clone()) {
                assert_eq!(prev, t.head, "`{n}` names both {prev} and {}", t.head);
            }
        }
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    for p in lex.persons().all() {
        for n in std::iter::once(&p.name)
            .chain(&p.aliases)
            .chain(std::iter::once(&p.international))
        {
            if let Some(prev) = seen.insert(name_key(n), p.name.clone()) {
                assert_eq!(prev, p.name, "`{n}` names both {prev} and {}", p.name);
            }
        }
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    for c in lex.countries().all() {
        for n in std::iter::once(&c.name)
            .chain(&c.variants)
            .chain(std::iter::once(&c.english))
        {
            if let Some(prev) = seen.insert(name_key(n), c.iso2.clone()) {
                assert_eq!(prev, c.iso2, "`{n}` names both {prev} and {}", c.iso2);
            }
        }
    }
}

#[test]
fn lookups_a_user_would_make() {
    let lex = lex();
    let iso = |n: &str| lex.countries().get(n).map(|c| c.iso2.as_str());
    assert_eq!(iso("Mỹ"), Some("US"));
    assert_eq!(iso("Hoa Kỳ"), Some("US"));
    assert_eq!(iso("Ucraina"), Some("UA"));
    assert_eq!(iso("U-crai-na"), Some("UA"));
    assert_eq!(iso("Ukraine"), Some("UA"));
    assert_eq!(iso("CHDCND Triều Tiên"), Some("KP"));
    assert_eq!(iso("Nam Triều Tiên"), Some("KR"));
    assert_eq!(iso("Liên bang Nga"), Some("RU"));
    assert_eq!(iso("Trung Hoa"), Some("CN"));
    assert_eq!(iso("Nhật Bản"), Some("JP"));
    assert_eq!(iso("Japan"), Some("JP"));
    assert_eq!(iso("Matxcơva"), None, "a capital is not a country");
    assert_eq!(
        lex.country_of_capital("Matxcơva")
            .first()
            .map(|c| c.iso2.as_str()),
        Some("RU")
    );
    assert_eq!(
        lex.country_of_capital("Viêng Chăn")
            .first()
            .map(|c| c.iso2.as_str()),
        Some("LA")
    );

    let province = |n: &str| lex.provinces().get(n).map(|p| p.name.as_str());
    assert_eq!(province("TP HCM"), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(province("TP.HCM"), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(province("TPHCM"), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(province("Sài Gòn"), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(province("Thừa Thiên - Huế"), Some("Thừa Thiên Huế"));
    assert_eq!(province("Đăk Lăk"), Some("Đắk Lắk"));
    assert_eq!(
        lex.provinces().find("dak lak").map(|p| p.name.as_str()),
        Some("Đắk Lắk")
    );

    let person = |n: &str| lex.persons().get(n).map(|p| p.name.as_str());
    assert_eq!(person("Xi Jinping"), Some("Tập Cận Bình"));
    assert_eq!(person("Li Qiang"), Some("Lý Cường"));
    assert_eq!(person("Wen Jiabao"), Some("Ôn Gia Bảo"));
    assert_eq!(person("V. Putin"), Some("Vladimir Putin"));
    assert_eq!(person("Putin"), Some("Vladimir Putin"));
    assert_eq!(person("Kim Jong Un"), Some("Kim Jong-un"));
    assert_eq!(person("Kim Châng In"), Some("Kim Jong-il"));

    let org = |n: &str| lex.organizations().find(n).map(|o| o.name.as_str());
    assert_eq!(org("LHQ"), Some("Liên Hợp Quốc"));
    assert_eq!(org("Liên hợp quốc"), Some("Liên Hợp Quốc"));
    assert_eq!(org("bo ngoai giao"), Some("Bộ Ngoại giao"));
    assert_eq!(org("TTXVN"), Some("Thông tấn xã Việt Nam"));
    assert_eq!(org("Vietnam+"), Some("VietnamPlus"));
    assert_eq!(
        org("Hội đồng Bảo an Liên hợp quốc"),
        Some("Hội đồng Bảo an Liên Hợp Quốc")
    );
    assert_eq!(org("Tân Hoa xã"), Some("Tân Hoa xã"));
    assert_eq!(org("Xinhua"), Some("Tân Hoa xã"));
    assert_eq!(
        lex.organizations().get("Bộ Ngoại giao").map(|o| o.kind),
        Some(OrgKind::Ministry)
    );
}

#[test]
fn ministries_follow_the_government_structures() {
    let lex = lex();
    let ministries = |year| {
        lex.at(year)
            .organizations()
            .iter()
            .filter(|o| o.kind == OrgKind::Ministry)
            .map(|o| o.name.clone())
            .collect::<HashSet<_>>()
    };
    let ministry_level = |year| {
        lex.at(year)
            .organizations()
            .iter()
            .filter(|o| o.kind == OrgKind::MinistryLevel)
            .count()
    };
    // 2008-2024: 18 ministries and 4 ministry-level agencies.
    assert_eq!(ministries(2020).len(), 18, "{:?}", ministries(2020));
    assert_eq!(ministry_level(2020), 4);
    // From March 2025: 14 ministries and 3 ministry-level agencies.
    assert_eq!(ministries(2026).len(), 14, "{:?}", ministries(2026));
    assert_eq!(ministry_level(2026), 3);
    // The 2004-2006 news: Bộ Thương mại, Bộ Bưu chính, Viễn thông and Bộ Thủy sản existed.
    let m2005 = ministries(2005);
    for name in [
        "Bộ Thương mại",
        "Bộ Bưu chính, Viễn thông",
        "Bộ Thủy sản",
        "Bộ Kế hoạch và Đầu tư",
        "Bộ Công nghiệp",
    ] {
        assert!(m2005.contains(name), "{name} in 2005");
    }
    assert!(!m2005.contains("Bộ Công Thương"));
    assert!(
        lex.at(2026)
            .organizations()
            .get("Bộ Kế hoạch và Đầu tư")
            .is_none()
    );
    assert!(
        lex.organizations().get("Bộ Kế hoạch và Đầu tư").is_some(),
        "history stays findable"
    );
    // Every parent exists.
    for o in lex.organizations().all() {
        if let Some(p) = &o.parent {
            assert!(
                lex.organizations().get(p).is_some(),
                "{} has unknown parent {p}",
                o.name
            );
        }
    }
}

#[test]
fn titles_and_their_holders() {
    let lex = lex();
    let t = lex.titles().get("Tổng Bí thư").expect("title");
    assert_eq!(t.kind, TitleKind::Party);
    let rank = |n: &str| lex.titles().get(n).map(|t| t.rank).expect(n);
    assert!(rank("Tổng Bí thư") > rank("Chủ tịch nước"));
    assert!(rank("Chủ tịch nước") > rank("Thủ tướng"));
    assert!(rank("Ủy viên Bộ Chính trị") > rank("Ủy viên Trung ương Đảng"));
    assert!(rank("Bộ trưởng") > rank("Thứ trưởng"));
    assert!(rank("Thứ trưởng Thường trực") > rank("Thứ trưởng"));
    assert!(rank("Đại tướng") > rank("Thiếu tướng"));
    assert_eq!(
        lex.titles().get("Bộ trưởng").map(|t| t.complement),
        Some(Complement::Org)
    );
    assert_eq!(
        lex.titles()
            .get("Thủ tướng Chính phủ")
            .map(|t| t.head.as_str()),
        Some("Thủ tướng")
    );

    let text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn";
    let (title, end) = lex.title_prefix(text).expect("prefix");
    assert_eq!(title.head, "Bộ trưởng Ngoại giao");
    assert_eq!(&text[..end], "Bộ trưởng Ngoại giao");
    let text = "Ủy viên Bộ Chính trị, Thủ tướng Chính phủ Phạm Minh Chính";
    let (title, end) = lex.title_prefix(text).expect("prefix");
    assert_eq!(title.head, "Ủy viên Bộ Chính trị");
    assert_eq!(&text[..end], "Ủy viên Bộ Chính trị");
    assert!(lex.title_prefix("Phạm Minh Chính").is_none());

    let holders = |title: &str, year| -> Vec<String> {
        lex.holders(title, year)
            .into_iter()
            .map(|p| p.name.clone())
            .collect()
    };
    assert_eq!(holders("Tổng Bí thư", 2005), vec!["Nông Đức Mạnh"]);
    assert_eq!(holders("Tổng Bí thư", 2022), vec!["Nguyễn Phú Trọng"]);
    assert_eq!(holders("Thủ tướng", 2005), vec!["Phan Văn Khải"]);
    assert_eq!(
        holders("Thủ tướng Chính phủ", 2022),
        vec!["Phạm Minh Chính"]
    );
    assert_eq!(holders("Chủ tịch Quốc hội", 2015), vec!["Nguyễn Sinh Hùng"]);
    assert_eq!(
        holders("Bộ trưởng Bộ Ngoại giao", 2022),
        vec!["Bùi Thanh Sơn"]
    );
    assert_eq!(
        holders("Bộ trưởng Ngoại giao", 2005),
        vec!["Nguyễn Dy Niên"]
    );
    assert_eq!(
        holders("Chủ tịch nước Trung Quốc", 2020),
        vec!["Tập Cận Bình"]
    );
    assert!(holders("Chủ tịch nước", 2019).contains(&"Nguyễn Phú Trọng".to_owned()));
}

#[test]
fn posts_of_vietnamese_top_leaders_do_not_overlap() {
    // One holder at a time, except in the year of a hand-over.
    let lex = lex();
    for title in [
        "Tổng Bí thư",
        "Thủ tướng",
        "Chủ tịch Quốc hội",
        "Bộ trưởng Ngoại giao",
    ] {
        for year in 1992..=2025 {
            let n = lex
                .holders(title, year)
                .into_iter()
                .filter(|p| p.nationality.as_deref() == Some("VN"))
                .count();
            assert!((1..=2).contains(&n), "{title} in {year}: {n} holders");
        }
    }
}

#[test]
fn districts_belong_to_listed_provinces_and_do_not_outlive_the_district_level() {
    let lex = lex();
    for d in lex.districts().all() {
        assert!(
            lex.provinces().get(&d.province).is_some(),
            "{} in unknown {}",
            d.name,
            d.province
        );
        assert!(
            d.period.to.is_some_and(|t| t <= 2025),
            "{} outlives 2025",
            d.name
        );
    }
    assert!(lex.at(2026).districts().iter().next().is_none());
    let urban = |p: &str, year| {
        lex.districts_of(p)
            .into_iter()
            .filter(|d| d.period.contains(year) && d.kind == "quận")
            .count()
    };
    assert_eq!(urban("Hà Nội", 2020), 12);
    assert_eq!(urban("TP.HCM", 2022), 16);
    assert_eq!(urban("TP.HCM", 2019), 19);
    assert_eq!(urban("Đà Nẵng", 2020), 6);
    assert_eq!(urban("Cần Thơ", 2020), 5);
    assert_eq!(urban("Hải Phòng", 2025), 8);
    assert_eq!(
        lex.at(2024)
            .districts()
            .iter()
            .filter(|d| d.province == "Hà Nội")
            .count(),
        30
    );
    assert_eq!(
        lex.at(2024)
            .districts()
            .iter()
            .filter(|d| d.province == "Cao Bằng")
            .count(),
        10
    );
    // Same name in two provinces: Bảo Lâm is not only in Cao Bằng, and "Huế" is both a province
    // and (until 2024) a district-level city: lookups are per table.
    assert_eq!(
        lex.at(2022)
            .districts()
            .get("Quảng Hòa")
            .map(|d| d.province.as_str()),
        Some("Cao Bằng")
    );
    assert_eq!(
        lex.districts()
            .get("Q.1")
            .map(|d| (d.name.as_str(), d.province.as_str())),
        Some(("Quận 1", "Thành phố Hồ Chí Minh"))
    );
}

#[test]
fn every_province_of_2020_has_its_capital_listed() {
    let lex = lex();
    let with_city: HashSet<&str> = lex
        .districts()
        .all()
        .iter()
        .filter(|d| d.kind == "thành phố" || d.kind == "quận")
        .map(|d| d.province.as_str())
        .collect();
    for p in lex.at(2020).provinces().iter() {
        assert!(
            with_city.contains(p.name.as_str()),
            "no city listed for {}",
            p.name
        );
    }
}

#[test]
fn user_files_extend_and_override_the_defaults() {
    let user_orgs = "# our own additions\n\
                     name\tkind\taliases\tparent\n\
                     Đại sứ quán Việt Nam tại Nhật Bản\tmofa_unit\tĐSQ Việt Nam tại Nhật Bản\tBộ Ngoại giao\n\
                     Bộ Ngoại giao\tministry\tBộ NG\t\n";
    let user_persons = "name\taliases\tnationality\tposts\n\
                        Phạm Quang Hiệu\t\tVN\tThứ trưởng Ngoại giao@2021-\n";
    let lex = Lexicon::builtin_with(&[
        ("/home/u/lexicon/organizations-embassy.tsv", user_orgs),
        ("persons.local.tsv", user_persons),
    ])
    .expect("user files load");
    let embassy = lex
        .organizations()
        .get("ĐSQ Việt Nam tại Nhật Bản")
        .expect("added");
    assert_eq!(embassy.name, "Đại sứ quán Việt Nam tại Nhật Bản");
    assert_eq!(
        embassy.origin.file,
        "/home/u/lexicon/organizations-embassy.tsv"
    );
    assert_eq!(embassy.origin.line, 3);
    // The user's Bộ Ngoại giao replaced the default row: new alias, default alias gone.
    assert!(lex.organizations().get("Bộ NG").is_some());
    assert!(lex.organizations().get("BNG").is_none());
    assert_eq!(
        lex.organizations().len(),
        Lexicon::builtin().organizations().len() + 1
    );
    assert_eq!(
        lex.holders("Thứ trưởng Bộ Ngoại giao", 2023)
            .first()
            .map(|p| p.name.as_str()),
        None,
        "a different title string is not silently equated"
    );
    assert_eq!(
        lex.holders("Thứ trưởng Ngoại giao", 2023)
            .first()
            .map(|p| p.name.as_str()),
        Some("Phạm Quang Hiệu")
    );
}

#[test]
fn malformed_user_rows_are_reported_with_file_and_line() {
    let bad = "iso2\tiso3\tname\tun\tvalid_from\n\
               XX\tXXX\tXứ X\tmembre\t\n\
               yy\tYYY\tXứ Y\tmember\t20x1\n";
    let bad_titles = "head\tkind\trank\ncố vấn\tadviser\tmột\n";
    let bad_persons =
        "name\tnationality\tposts\nAi Đó\tZZ\tThủ tướng@2020\nNgười Khác\tVN\tCố vấn@2020-\n";
    let err = Lexicon::builtin_with(&[
        ("countries-bad.tsv", bad),
        ("titles-bad.tsv", bad_titles),
        ("persons-bad.tsv", bad_persons),
        ("notes.txt", "whatever"),
    ])
    .expect_err("must fail");
    let text = err.to_string();
    for needle in [
        "countries-bad.tsv:2: column `un`: `membre` should be member, observer or none",
        "countries-bad.tsv:3: column `iso2`: `yy` is not 2 capital letters",
        "countries-bad.tsv:3: column `valid_from`: `20x1` is not a year",
        "titles-bad.tsv:2: column `kind`: `adviser` should be one of",
        "titles-bad.tsv:2: column `rank`: `một` is not a whole number",
        "persons-bad.tsv:2: nationality `ZZ` is not an iso2 code",
        "persons-bad.tsv:3: post `Cố vấn` does not start with a title",
        "notes.txt: cannot tell what this file holds",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    let bad_refs = "name\ttype\tprovince\nXã Mới\thuyện\tTỉnh Không Có\n";
    let err =
        Lexicon::builtin_with(&[("districts-x.tsv", bad_refs)]).expect_err("unknown province");
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].line, 2);
    assert!(err.problems[0].message.contains("Tỉnh Không Có"));
}

#[test]
fn user_files_may_use_the_new_tone_placement_and_loose_spacing() {
    let user = "name\ttype\tprovince\tvariants\n  Hoà  Vang \thuyện\tĐà Nẵng\tHuyện Hoà Vang\n";
    let lex = Lexicon::builtin_with(&[("districts-fix.tsv", user)]).expect("loads");
    let d = lex.districts().get("Hòa Vang").expect("found");
    assert_eq!(d.name, "Hòa Vang");
    assert_eq!(
        d.origin.file, "districts-fix.tsv",
        "replaced the default row of the same identity"
    );
}

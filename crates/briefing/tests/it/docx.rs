//! DOCX: a valid package laid out per Decree 30/2020/NĐ-CP.

use crate::{fixture, hostile};
use std::io::{Cursor, Read};
use tre_briefing::*;

struct Package {
    parts: Vec<(String, String)>,
}

impl Package {
    fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
        let mut parts = Vec::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).expect("readable entry");
            let name = f.name().expect("entry name").to_string();
            let mut text = String::new();
            f.read_to_string(&mut text).expect("UTF-8 part");
            parts.push((name, text));
        }
        Package { parts }
    }
    fn part(&self, name: &str) -> &str {
        self.parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
            .unwrap_or_else(|| panic!("no part {name}"))
    }
}

fn docx(b: &Briefing) -> Package {
    let bytes = to_docx(b).expect("written");
    assert_eq!(&bytes[..2], b"PK");
    let p = Package::open(&bytes);
    // Every XML part parses.
    for (name, text) in &p.parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    p
}

/// The concatenated text of the document's runs, paragraph by paragraph.
fn paragraphs(document_xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(document_xml).expect("XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|n| n.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_package_has_the_parts_word_processors_need() {
    let p = docx(&fixture::briefing());
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/header2.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        p.part(name);
    }
    let types = p.part("[Content_Types].xml");
    assert!(types.contains("wordprocessingml.document.main+xml"));
}

#[test]
fn the_heading_and_sections_follow_the_decree() {
    let b = fixture::briefing();
    let p = docx(&b);
    let paras = paragraphs(p.part("word/document.xml"));
    let find = |s: &str| {
        paras
            .iter()
            .position(|p| p == s)
            .unwrap_or_else(|| panic!("no paragraph {s:?} in {paras:#?}"))
    };
    let order = [
        find("BỘ NGOẠI GIAO"),
        find("VỤ ĐÔNG BẮC Á"),
        find("Số: 27/BTGB-ĐBA"),
        find("MẬT"),
        find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        find("Độc lập - Tự do - Hạnh phúc"),
        find("Hà Nội, ngày 29 tháng 4 năm 2023"),
        find("BẢN TIN GIAO BAN"),
        find("Bàn Nhật Bản, Thứ Bảy ngày 29/04/2023"),
        find("I. TIN NỔI BẬT"),
        find("II. SỰ KIỆN TRONG NGÀY VÀ NHỮNG NGÀY TỚI"),
        find("III. NHÂN SỰ, CHỨC DANH CÓ THAY ĐỔI"),
        find("IV. VĂN BẢN ĐƯỢC DẪN CHIẾU"),
        find("V. MỨC ĐỘ QUAN TÂM TĂNG ĐỘT BIẾN"),
        find("VI. TÌNH HÌNH ĐƯỢC PHÂN CÔNG THEO DÕI"),
        find("VII. PHẠM VI NGUỒN TIN"),
        find("Nơi nhận:"),
        find("- Lưu: VT, ĐBA."),
        find("TL. BỘ TRƯỞNG"),
        find("PHỤ LỤC"),
        find("DANH MỤC NGUỒN TIN"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("1. Bộ trưởng Ngoại giao Bùi Thanh Sơn giao 4 nhiệm vụ"))
    );
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("- Lãnh đạo Bộ (để báo cáo);"))
    );
    // Every source in the appendix, numbered.
    for (n, s) in b.sources.iter().enumerate() {
        let prefix = format!("[{}] ", n + 1);
        assert!(
            paras
                .iter()
                .any(|p| p.starts_with(&prefix) && p.contains(&s.article_id)),
            "{prefix}{}",
            s.article_id
        );
    }
    // The secrecy mark is framed in red (item 10a).
    let xml = p.part("word/document.xml");
    assert!(xml.contains("w:color=\"C00000\"/><w:left"), "frame");
}

#[test]
fn a4_with_the_decrees_margins_times_new_roman_and_page_numbers() {
    let p = docx(&fixture::briefing());
    let xml = p.part("word/document.xml");
    let doc = roxmltree::Document::parse(xml).expect("XML");
    let node = |name: &str| {
        doc.descendants()
            .find(|n| {
                n.tag_name().name() == name
                    && n.parent().is_some_and(|p| p.tag_name().name() == "sectPr")
            })
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let twips = |n: roxmltree::Node<'_, '_>, a: &str| -> u32 {
        n.attributes()
            .find(|x| x.name() == a)
            .and_then(|x| x.value().parse().ok())
            .unwrap_or_else(|| panic!("no {a}"))
    };
    let size = node("pgSz");
    assert_eq!((twips(size, "w"), twips(size, "h")), (11906, 16838), "A4");
    let mm = |t: u32| f64::from(t) / 1440.0 * 25.4;
    let margins = node("pgMar");
    let (top, bottom, left, right) = (
        mm(twips(margins, "top")),
        mm(twips(margins, "bottom")),
        mm(twips(margins, "left")),
        mm(twips(margins, "right")),
    );
    assert!((19.9..=25.1).contains(&top), "top {top}");
    assert!((19.9..=25.1).contains(&bottom), "bottom {bottom}");
    assert!((29.9..=35.1).contains(&left), "left {left}");
    assert!((14.9..=20.1).contains(&right), "right {right}");
    // No page number on the first page, then centred in the header.
    assert!(doc.descendants().any(|n| n.tag_name().name() == "titlePg"));
    assert!(p.part("word/header1.xml").contains(" PAGE "));
    assert!(!p.part("word/header2.xml").contains("PAGE"));
    // Times New Roman, body 14 pt (28 half-points), Vietnamese.
    let styles = p.part("word/styles.xml");
    assert!(
        styles.contains("w:ascii=\"Times New Roman\"")
            && styles.contains("w:hAnsi=\"Times New Roman\"")
    );
    assert!(styles.contains("<w:sz w:val=\"28\"/>"));
    assert!(styles.contains("w:val=\"vi-VN\""));
    // Nothing set in another font, nor below 9 pt or above 14 pt.
    assert!(!xml.contains("w:rFonts"));
    for s in xml.split("<w:sz w:val=\"").skip(1) {
        let half: u32 = s
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        assert!((4..=28).contains(&half), "size {half}");
    }
}

#[test]
fn article_links_are_external_relationships() {
    let b = fixture::briefing();
    let p = docx(&b);
    let rels = p.part("word/_rels/document.xml.rels");
    for url in b.sources.iter().filter_map(|s| s.url.as_deref()) {
        assert!(
            rels.contains(&format!("Target=\"{url}\" TargetMode=\"External\"")),
            "{url}"
        );
    }
}

#[test]
fn hostile_input_leaves_a_readable_package() {
    let p = docx(&hostile::briefing());
    let xml = p.part("word/document.xml");
    assert!(xml.contains("&lt;script&gt;"));
    assert!(!xml.contains("<w:p>chèn"));
    assert!(
        !p.part("word/_rels/document.xml.rels")
            .contains("javascript")
    );
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{FFFE}'));
}

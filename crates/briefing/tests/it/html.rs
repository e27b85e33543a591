//! HTML: well-formed, self-contained, escaped, with a chart per spike and the classification.

use crate::{fixture, hostile};
use tre_briefing::*;

fn parse(html: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(html, opts)
        .unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

fn attr_values<'a>(doc: &'a roxmltree::Document<'a>, name: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter_map(|n| n.attribute(name))
        .collect()
}

#[test]
fn the_page_is_well_formed_and_self_contained() {
    let b = fixture::briefing();
    let html = to_html(&b);
    let doc = parse(&html);
    assert_eq!(doc.root_element().attribute("lang"), Some("vi"));
    // No script, no external style sheet, image or font; nothing loaded from anywhere.
    for tag in ["script", "link", "img", "iframe", "object", "embed"] {
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != tag),
            "<{tag}>"
        );
    }
    assert!(attr_values(&doc, "src").is_empty());
    let css: String = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "style")
        .filter_map(|n| n.text())
        .collect();
    assert!(
        !css.contains("url(") && !css.contains("@import"),
        "CSS loads something"
    );
    assert!(css.contains("@media print") && css.contains("size: A4"));
    // The only external addresses are the articles' own.
    let urls: Vec<&str> = b.sources.iter().filter_map(|s| s.url.as_deref()).collect();
    for href in attr_values(&doc, "href") {
        assert!(
            href.starts_with('#') || urls.contains(&href),
            "unexpected link {href}"
        );
    }
    assert!(
        !html.contains("xmlns=\"http"),
        "no namespace URL needed in HTML"
    );
    let external = html.matches("http").count();
    let expected: usize = urls.iter().map(|u| html.matches(u).count()).sum();
    assert_eq!(external, expected, "an address that is not an article's");
    // Every citation link has its target.
    let ids = attr_values(&doc, "id");
    for href in attr_values(&doc, "href")
        .into_iter()
        .filter(|h| h.starts_with('#'))
    {
        assert!(ids.contains(&&href[1..]), "dangling {href}");
    }
}

#[test]
fn the_heading_follows_the_decree_and_shows_the_highest_classification() {
    let html = to_html(&fixture::briefing());
    for s in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 29 tháng 4 năm 2023",
        "BỘ NGOẠI GIAO",
        "VỤ ĐÔNG BẮC Á",
        "Số: 27/BTGB-ĐBA",
        "<h1>BẢN TIN GIAO BAN</h1>",
        "<div class=\"stamp\">MẬT</div>",
        "content: \"MẬT\"",
    ] {
        assert!(html.contains(s), "{s}");
    }
    let top_secret = to_html(&assemble(fixture::input(), &AssemblyOptions::default()));
    assert!(top_secret.contains("<div class=\"stamp\">TỐI MẬT</div>"));
    let mut open = fixture::input();
    open.articles
        .retain(|a| a.classification == Classification::thuong());
    open.events
        .retain(|e| e.classification == Classification::thuong());
    open.situations
        .retain(|s| s.classification == Classification::thuong());
    let plain = to_html(&assemble(open, &AssemblyOptions::default()));
    assert!(!plain.contains("class=\"stamp\"") && !plain.contains("@top-center"));
    assert!(plain.contains("<b>Độ mật:</b> Thường"));
}

#[test]
fn each_spike_has_a_chart_of_its_series_and_baseline() {
    let b = fixture::briefing();
    let html = to_html(&b);
    let doc = parse(&html);
    let svgs: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "svg")
        .collect();
    assert_eq!(svgs.len(), b.sections.spikes.len());
    for (svg, spike) in svgs.iter().zip(&b.sections.spikes) {
        let bars = svg
            .descendants()
            .filter(|n| n.tag_name().name() == "rect")
            .count();
        assert_eq!(bars, spike.series.len());
        let spike_bars = svg
            .descendants()
            .filter(|n| n.attribute("class") == Some("bar spike"))
            .count();
        assert_eq!(spike_bars, 1, "the last day stands out");
        assert!(
            svg.descendants()
                .any(|n| n.attribute("class") == Some("baseline"))
        );
        let label = svg.attribute("aria-label").unwrap_or_default();
        assert!(label.starts_with(&spike.entity), "{label}");
    }
}

#[test]
fn input_is_escaped_everywhere() {
    let html = to_html(&hostile::briefing());
    let doc = parse(&html);
    assert!(
        doc.descendants()
            .all(|n| !matches!(n.tag_name().name(), "script" | "img"))
    );
    assert!(
        html.contains("Bàn &lt;b&gt;Tin"),
        "the desk name's markup is text"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(4)&gt;"));
    assert!(!html.contains("href=\"javascript"));
    for href in attr_values(&doc, "href") {
        assert!(
            href.starts_with('#') || href.starts_with("https://"),
            "{href}"
        );
    }
    assert!(!html.contains('\u{1}') && !html.contains('\u{7}'));
}

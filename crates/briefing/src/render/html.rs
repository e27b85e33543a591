//! HTML: one self-contained printable page. Inline CSS, no script, no external asset (fonts,
//! images, style sheets), so it opens the same on an embassy laptop offline and prints on A4.
//! The only addresses in it are the articles' own, in the list of sources.
//!
//! The markup is also well-formed XML (every element closed, attributes quoted, only the five
//! XML entities), so that it can be checked, transformed or embedded without an HTML parser.
//! Every piece of input text is escaped; only `http(s)` addresses become links.

use super::{Block, Inline, cite_text, decimal_vi, outline, sentence_case, source_line};
use crate::model::{Briefing, Spike};
use crate::textutil::is_xml_char;

/// Escapes text for HTML element content and quoted attribute values, dropping characters
/// XML does not allow.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a CSS string literal inside a `<style>` element: quotes and backslashes
/// escaped, and `<` written as `\3C ` so that no input can close the element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3C "),
            '>' => out.push_str("\\3E "),
            '&' => out.push_str("\\26 "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    for i in items {
        match i {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(t) => out.push_str(&format!("<strong>{}</strong>", escape(t))),
            Inline::Em(t) => out.push_str(&format!("<em>{}</em>", escape(t))),
            Inline::Link { text, url } => out.push_str(&format!(
                "<a href=\"{}\" rel=\"noreferrer noopener\">{}</a>",
                escape(url),
                escape(text)
            )),
            Inline::Cite(n) => {
                let links: Vec<String> = n
                    .iter()
                    .map(|k| format!("<a href=\"#src-{k}\">{k}</a>"))
                    .collect();
                out.push_str(&format!(
                    "<span class=\"cite\" title=\"{}\">[{}]</span>",
                    escape(&format!("Nguồn {}", cite_text(n))),
                    links.join(", ")
                ));
            }
        }
    }
    out
}

/// A small bar chart of a spike's series with its baseline, as inline SVG: one bar a day, the
/// last day (the spike) in the accent colour, the baseline dashed. Sized in CSS pixels so that
/// it prints at the same size.
fn spike_svg(k: &Spike) -> String {
    const W: f64 = 360.0;
    const H: f64 = 96.0;
    const LEFT: f64 = 28.0;
    const RIGHT: f64 = 8.0;
    const TOP: f64 = 10.0;
    const BOTTOM: f64 = 20.0;
    let n = k.series.len().max(1) as f64;
    let max = k
        .series
        .iter()
        .map(|d| f64::from(d.count))
        .fold(k.baseline, f64::max)
        .max(1.0);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let slot = plot_w / n;
    let bar = (slot * 0.7).max(1.0);
    let y = |v: f64| TOP + plot_h - v / max * plot_h;
    let mut svg = format!(
        "<svg class=\"spark\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">",
        escape(&format!(
            "{}: số lần nhắc đến theo ngày, mức thường {}",
            k.entity,
            decimal_vi(k.baseline)
        ))
    );
    svg.push_str(&format!(
        "<title>{}</title>",
        escape(&format!(
            "{}: {}",
            k.entity,
            k.series
                .iter()
                .map(|d| format!("{} {}", d.date.short_vi(), d.count))
                .collect::<Vec<_>>()
                .join("; ")
        ))
    ));
    // Axis: the baseline of the plot and the maximum, labelled.
    svg.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{b:.1}\" x2=\"{r:.1}\" y2=\"{b:.1}\" class=\"axis\"/>",
        b = TOP + plot_h,
        r = W - RIGHT
    ));
    svg.push_str(&format!(
        "<text x=\"{x:.1}\" y=\"{yy:.1}\" class=\"lbl\" text-anchor=\"end\">{m}</text>",
        x = LEFT - 4.0,
        yy = TOP + 4.0,
        m = decimal_vi(max)
    ));
    svg.push_str(&format!(
        "<text x=\"{x:.1}\" y=\"{yy:.1}\" class=\"lbl\" text-anchor=\"end\">0</text>",
        x = LEFT - 4.0,
        yy = TOP + plot_h + 3.0
    ));
    let last = k.series.len().saturating_sub(1);
    for (i, d) in k.series.iter().enumerate() {
        let v = f64::from(d.count);
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let top = y(v);
        svg.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" class=\"{c}\"><title>{t}</title></rect>",
            h = (TOP + plot_h - top).max(0.0),
            c = if i == last { "bar spike" } else { "bar" },
            t = escape(&format!("{}: {}", d.date.short_vi(), d.count))
        ));
    }
    let by = y(k.baseline);
    svg.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{by:.1}\" x2=\"{r:.1}\" y2=\"{by:.1}\" class=\"baseline\"/>",
        r = W - RIGHT
    ));
    svg.push_str(&format!(
        "<text x=\"{x:.1}\" y=\"{yy:.1}\" class=\"lbl base\">mức thường {b}</text>",
        x = LEFT + 2.0,
        yy = (by - 3.0).max(TOP),
        b = decimal_vi(k.baseline)
    ));
    if let (Some(first), Some(lastd)) = (k.series.first(), k.series.last()) {
        svg.push_str(&format!(
            "<text x=\"{LEFT}\" y=\"{yy:.1}\" class=\"lbl\">{}</text>",
            first.date.short_vi(),
            yy = H - 5.0
        ));
        svg.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{yy:.1}\" class=\"lbl\" text-anchor=\"end\">{}</text>",
            lastd.date.short_vi(),
            x = W - RIGHT,
            yy = H - 5.0
        ));
    }
    svg.push_str("</svg>");
    svg
}

const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #555; --rule: #8a8a8a; --accent: #a4161a; --link: #0b4a82; }
* { box-sizing: border-box; }
html { background: #e8e5de; }
body { margin: 0; color: var(--ink);
  font-family: "Times New Roman", "Liberation Serif", Tinos, "Noto Serif", "DejaVu Serif", serif;
  font-size: 17px; line-height: 1.5; text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased; hyphens: manual; }
.page { max-width: 210mm; margin: 24px auto; background: #fff; padding: 18mm 15mm 20mm 25mm;
  box-shadow: 0 1px 4px rgba(0,0,0,.18); }
.marking { text-align: center; font-weight: bold; color: var(--accent); letter-spacing: .12em; margin: 0 0 8px; }
.doc-head { display: grid; grid-template-columns: 40% 60%; text-align: center; line-height: 1.3; }
.doc-head .parent { text-transform: uppercase; font-size: 16px; }
.doc-head .body { text-transform: uppercase; font-weight: bold; font-size: 16px; }
.doc-head .rule { width: 36%; margin: 3px auto 8px; border-top: 1px solid var(--ink); }
.doc-head .number { font-size: 16px; }
.doc-head .stamp { display: inline-block; margin-top: 8px; padding: 1px 12px; border: 2px solid var(--accent);
  color: var(--accent); font-weight: bold; letter-spacing: .08em; }
.doc-head .nation { font-weight: bold; font-size: 16px; text-transform: uppercase; }
.doc-head .motto { display: inline-block; font-weight: bold; font-size: 17px; padding-bottom: 2px;
  border-bottom: 1px solid var(--ink); }
.doc-head .place-date { font-style: italic; margin-top: 10px; }
h1 { text-align: center; font-size: 21px; letter-spacing: .03em; margin: 26px 0 2px; }
.subject { text-align: center; font-weight: bold; margin: 0; }
.subject::after { content: ""; display: block; width: 28%; margin: 6px auto 0; border-top: 1px solid var(--ink); }
.meta { margin: 16px 0 6px; font-size: 15px; color: var(--muted); }
.meta div { margin: 1px 0; }
.meta b { color: var(--ink); font-weight: bold; }
nav.toc { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 14px; margin: 10px 0 0; padding: 6px 0;
  border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; }
nav.toc a { color: var(--link); text-decoration: none; white-space: nowrap; }
h2 { font-size: 17px; margin: 26px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #cfcfcf; }
h3 { font-size: 17px; margin: 16px 0 4px; line-height: 1.35; }
p { margin: 5px 0; text-align: justify; text-wrap: pretty; orphans: 3; widows: 3; }
p.lead { text-indent: 1.27cm; }
p.note { font-size: 14.5px; color: var(--muted); text-align: left; margin: 3px 0 3px 1.27cm; }
p.nothing { font-style: italic; color: var(--muted); }
ul { margin: 4px 0 8px; padding-left: 1.6em; list-style-type: "- "; }
ul li { margin: 3px 0; text-align: justify; }
.cite { font-size: 13px; color: var(--muted); white-space: nowrap; }
.cite a, a { color: var(--link); text-decoration: none; }
figure.chart { margin: 4px 0 14px 1.27cm; }
svg.spark .bar { fill: #9fb3c8; }
svg.spark .bar.spike { fill: var(--accent); }
svg.spark .axis { stroke: #777; stroke-width: 1; }
svg.spark .baseline { stroke: #1b1b1b; stroke-width: 1.2; stroke-dasharray: 4 3; }
svg.spark .lbl { font-size: 10px; fill: #555; font-family: inherit; }
svg.spark .lbl.base { fill: #1b1b1b; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
table.coverage { border-collapse: collapse; margin: 6px 0 10px; font-size: 15px; }
table.coverage th, table.coverage td { border: 1px solid #b8b8b8; padding: 2px 10px; text-align: left; }
table.coverage td.n { text-align: right; font-variant-numeric: tabular-nums; }
ol.sources { font-size: 14.5px; padding-left: 2.2em; }
ol.sources li { margin: 3px 0; overflow-wrap: anywhere; }
ol.sources li:target { background: #fff4c8; }
.foot { display: grid; grid-template-columns: 55% 45%; margin-top: 28px; }
.foot .recipients { font-size: 14px; line-height: 1.35; }
.foot .recipients b { font-style: italic; font-size: 15px; }
.foot .sign { text-align: center; font-weight: bold; text-transform: uppercase; }
.foot .sign .name { margin-top: 64px; text-transform: none; }
.generated { margin-top: 24px; font-size: 13px; color: var(--muted); text-align: center; }
@media (max-width: 720px) {
  body { font-size: 16px; }
  .page { margin: 0; padding: 16px 14px; box-shadow: none; }
  .doc-head, .foot { grid-template-columns: 1fr; gap: 12px; }
  p.note, figure.chart { margin-left: 0; }
  svg.spark { max-width: 100%; height: auto; }
}
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
.appendix { margin-top: 30px; }
@media print {
  .appendix { break-before: page; }
  html, body { background: #fff; }
  body { font-size: 13pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  nav.toc { display: none; }
  /* The page-margin box marks every printed page; the stamp in the heading stays. */
  .marking.top { display: none; }
  h2, h3 { break-after: avoid; }
  li, figure, table, .foot { break-inside: avoid; }
  a { color: inherit; }
}
"#;

/// The briefing as one self-contained HTML page.
pub fn to_html(b: &Briefing) -> String {
    let h = &b.header;
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str(&format!(
        "<title>{}</title>\n",
        escape(&format!(
            "{} — {} — {}",
            b.title,
            b.desk.name,
            b.date.short_vi()
        ))
    ));
    out.push_str("<style>");
    out.push_str(STYLE);
    // Printed pages carry the classification at the top and the page number at the bottom
    // (CSS page-margin boxes), so a page separated from the others is still marked.
    out.push_str("@page { @bottom-center { content: counter(page); font-size: 11pt; } ");
    if let Some(m) = &b.classification.marking {
        out.push_str(&format!(
            "@top-center {{ content: {}; color: #a4161a; font-weight: bold; letter-spacing: .12em; }} ",
            css_string(m)
        ));
    }
    out.push_str("}\n</style>\n</head>\n<body>\n<main class=\"page\">\n");
    if let Some(m) = &b.classification.marking {
        out.push_str(&format!("<div class=\"marking top\">{}</div>\n", escape(m)));
    }

    // The administrative heading, as in the DOCX (Decree 30/2020/NĐ-CP).
    out.push_str("<header class=\"doc-head\">\n<div>\n");
    if let Some(p) = &h.parent_body {
        out.push_str(&format!("<div class=\"parent\">{}</div>\n", escape(p)));
    }
    out.push_str(&format!(
        "<div class=\"body\">{}</div>\n<div class=\"rule\"></div>\n",
        escape(&h.issuing_body)
    ));
    out.push_str(&format!(
        "<div class=\"number\">Số: {}</div>\n",
        escape(h.number.as_deref().unwrap_or("……"))
    ));
    if let Some(m) = &b.classification.marking {
        out.push_str(&format!("<div class=\"stamp\">{}</div>\n", escape(m)));
    }
    out.push_str("</div>\n<div>\n<div class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>\n");
    out.push_str("<div class=\"motto\">Độc lập - Tự do - Hạnh phúc</div>\n");
    out.push_str(&format!(
        "<div class=\"place-date\">{}, {}</div>\n</div>\n</header>\n",
        escape(&h.place),
        b.date.long_vi()
    ));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&b.title)));
    out.push_str(&format!(
        "<p class=\"subject\">{}, {} ngày {}</p>\n",
        escape(&b.desk.name),
        b.date.weekday_vi(),
        b.date.short_vi()
    ));
    out.push_str("<div class=\"meta\">\n");
    if let Some(scope) = b.desk.scope_line() {
        out.push_str(&format!(
            "<div><b>Phạm vi theo dõi:</b> {}</div>\n",
            escape(&scope)
        ));
    }
    out.push_str(&format!(
        "<div><b>Kỳ tin:</b> {} – {} · <b>Lập lúc:</b> {} · <b>Độ mật:</b> {}</div>\n</div>\n",
        b.period.from.short_vi(),
        b.period.to.short_vi(),
        b.generated_at.short_vi(),
        escape(&b.classification.name)
    ));

    let blocks = outline(b);
    // A table of contents for the screen (hidden in print).
    out.push_str("<nav class=\"toc\">");
    let mut n = 0;
    for block in &blocks {
        if let Block::Section { number, title } = block {
            n += 1;
            out.push_str(&format!(
                "<a href=\"#s{n}\">{} {}</a>",
                escape(number),
                escape(&sentence_case(title))
            ));
        }
    }
    out.push_str("<a href=\"#nguon\">Danh mục nguồn</a></nav>\n");

    let mut section_open = false;
    let mut n = 0;
    for block in &blocks {
        match block {
            Block::Section { number, title } => {
                if section_open {
                    out.push_str("</section>\n");
                }
                n += 1;
                out.push_str(&format!(
                    "<section id=\"s{n}\">\n<h2>{} {}</h2>\n",
                    escape(number),
                    escape(title)
                ));
                section_open = true;
            }
            Block::Item { number, title } => {
                out.push_str(&format!("<h3>{} {}</h3>\n", escape(number), inlines(title)));
            }
            Block::Para(i) => out.push_str(&format!("<p class=\"lead\">{}</p>\n", inlines(i))),
            Block::Note(i) => out.push_str(&format!("<p class=\"note\">{}</p>\n", inlines(i))),
            Block::Nothing(t) => out.push_str(&format!("<p class=\"nothing\">{}</p>\n", escape(t))),
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", inlines(i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                out.push_str("<table class=\"coverage\">\n<thead><tr>");
                for h in header {
                    out.push_str(&format!("<th>{}</th>", escape(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for (k, c) in r.iter().enumerate() {
                        let class = if k > 0 { " class=\"n\"" } else { "" };
                        out.push_str(&format!("<td{class}>{}</td>", escape(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(i) => {
                if let Some(k) = b.sections.spikes.get(*i) {
                    out.push_str(&format!(
                        "<figure class=\"chart\">{}</figure>\n",
                        spike_svg(k)
                    ));
                }
            }
            Block::Sources => {
                if section_open {
                    out.push_str("</section>\n");
                    section_open = false;
                }
                out.push_str(&closing(b));
                out.push_str(&format!(
                    "<section id=\"nguon\" class=\"appendix\">\n<h2>PHỤ LỤC: DANH MỤC NGUỒN TIN</h2>\n<p class=\"note\">(Kèm theo {} {} ngày {})</p>\n",
                    escape(&sentence_case(&b.title)),
                    escape(&b.desk.name),
                    b.date.short_vi()
                ));
                if b.sources.is_empty() {
                    out.push_str("<p class=\"nothing\">Bản tin không dẫn bài nào.</p>\n");
                } else {
                    out.push_str("<ol class=\"sources\">\n");
                    for (k, s) in b.sources.iter().enumerate() {
                        out.push_str(&format!(
                            "<li id=\"src-{}\">{}</li>\n",
                            k + 1,
                            inlines(&source_line(s))
                        ));
                    }
                    out.push_str("</ol>\n");
                }
                out.push_str("</section>\n");
            }
        }
    }
    if section_open {
        out.push_str("</section>\n");
    }

    out.push_str(&format!(
        "<p class=\"generated\">{} do hệ thống tre lập lúc {}.</p>\n",
        escape(&sentence_case(&b.title)),
        b.generated_at.short_vi()
    ));
    if let Some(m) = &b.classification.marking {
        out.push_str(&format!("<div class=\"marking\">{}</div>\n", escape(m)));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The foot of the document: `Nơi nhận` on the left, the signature block on the right.
fn closing(b: &Briefing) -> String {
    let h = &b.header;
    let mut out = String::new();
    out.push_str("<footer class=\"foot\">\n<div class=\"recipients\">");
    if !h.recipients.is_empty() {
        out.push_str("<b>Nơi nhận:</b><br/>");
        let last = h.recipients.len() - 1;
        for (k, r) in h.recipients.iter().enumerate() {
            let end = if k == last { "." } else { ";" };
            out.push_str(&format!(
                "- {}{end}<br/>",
                escape(r.trim_end_matches(['.', ';']))
            ));
        }
    }
    out.push_str("</div>\n<div class=\"sign\">");
    if let Some(s) = &h.signatory {
        if let Some(o) = &s.on_behalf {
            out.push_str(&format!("<div>{}</div>", escape(o)));
        }
        out.push_str(&format!(
            "<div>{}</div><div class=\"name\">{}</div>",
            escape(&s.title),
            escape(&s.name)
        ));
    }
    out.push_str("</div>\n</footer>\n");
    out
}

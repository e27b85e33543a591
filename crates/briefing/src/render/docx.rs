//! DOCX laid out as a Vietnamese administrative document, after Decree 30/2020/NĐ-CP on
//! administrative paperwork (its Appendix I sets the layout):
//! - A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (the decree allows
//!   20-25, 20-25, 30-35 and 15-20 mm); Times New Roman throughout, body text 14 pt, justified,
//!   first lines indented 1.27 cm, 6 pt between paragraphs, line spacing 1.2.
//! - The heading as a borderless two-column table: on the left the governing body (capitals,
//!   13 pt), the issuing body (capitals, bold, 13 pt) over a short rule, the number line
//!   (`Số: …`, 13 pt), and under it the classification mark (item 10a: `MẬT` in a red frame);
//!   on the right the national title `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` (capitals, bold, 13 pt),
//!   the motto `Độc lập - Tự do - Hạnh phúc` (bold, 14 pt) underlined by a rule as long as it,
//!   and the place and date (`Hà Nội, ngày 23 tháng 11 năm 2026`, italic, 14 pt).
//! - The document type centred in bold capitals (`BẢN TIN GIAO BAN`), the subject line under it
//!   in bold with a short rule.
//! - Sections numbered `I.`, `II.` in bold capitals; items `1.`, `2.` in bold; lists as
//!   paragraphs opening with `-`.
//! - Page numbers centred in the top margin, from the second page on (the decree does not
//!   number the first page).
//! - At the end, `Nơi nhận:` (bold italic 12 pt, recipients 11 pt, each line opening with `-`
//!   and closing with `;`, the last with `.`) on the left and the signature block on the right;
//!   then the list of sources as an appendix (`PHỤ LỤC`) on a page of its own.
//!
//! The OOXML is written here by hand and zipped with the `zip` crate rather than built with
//! docx-rs: the layout above needs exact control of section properties, borders on paragraphs,
//! borderless tables, a first-page header and field codes, which is as much code through
//! docx-rs's builder as in plain XML, and docx-rs would add xml-rs and an image stack to every
//! build of this crate. The XML is escaped and stripped of characters XML forbids, so no input
//! can make the package unreadable.

use super::{Block, Inline, cite_text, decimal_vi, outline, sentence_case, source_line};
use crate::model::{Briefing, Spike};
use crate::textutil::is_xml_char;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// What went wrong writing the package. Writing to memory does not fail in practice; the type
/// exists so that a failure is reported rather than hidden.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write the DOCX package: {0}")]
    Io(#[from] std::io::Error),
}

/// Page geometry in twentieths of a point (twips): A4 and the decree's margins.
pub mod geometry {
    /// 210 mm.
    pub const PAGE_WIDTH: u32 = 11906;
    /// 297 mm.
    pub const PAGE_HEIGHT: u32 = 16838;
    /// 20 mm.
    pub const MARGIN_TOP: u32 = 1134;
    /// 20 mm.
    pub const MARGIN_BOTTOM: u32 = 1134;
    /// 30 mm.
    pub const MARGIN_LEFT: u32 = 1701;
    /// 15 mm.
    pub const MARGIN_RIGHT: u32 = 850;
    /// The width between the margins.
    pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /// The heading's left column (issuing body), about 38 % of the text width.
    pub const LEFT_COLUMN: u32 = 3600;
    pub const RIGHT_COLUMN: u32 = TEXT_WIDTH - LEFT_COLUMN;
    /// 1.27 cm: the first-line indent of body paragraphs.
    pub const INDENT: u32 = 720;
}
use geometry::*;

/// Escapes text for XML content and attribute values, dropping characters XML forbids.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Character formatting of a run.
#[derive(Debug, Clone, Copy, Default)]
struct R {
    bold: bool,
    italic: bool,
    /// Half-points; the style's 14 pt when `None`.
    size: Option<u32>,
    color: Option<&'static str>,
    underline: bool,
}

impl R {
    fn bold() -> R {
        R {
            bold: true,
            ..R::default()
        }
    }
    fn italic() -> R {
        R {
            italic: true,
            ..R::default()
        }
    }
    fn size(mut self, points: u32) -> R {
        self.size = Some(points * 2);
        self
    }
    fn xml(&self) -> String {
        let mut p = String::new();
        if self.bold {
            p.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            p.push_str("<w:i/><w:iCs/>");
        }
        if let Some(c) = self.color {
            p.push_str(&format!("<w:color w:val=\"{c}\"/>"));
        }
        if let Some(s) = self.size {
            p.push_str(&format!("<w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/>"));
        }
        if self.underline {
            p.push_str("<w:u w:val=\"single\"/>");
        }
        if p.is_empty() {
            p
        } else {
            format!("<w:rPr>{p}</w:rPr>")
        }
    }
}

fn run(text: &str, r: R) -> String {
    format!(
        "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        r.xml(),
        esc(text)
    )
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Center,
    Both,
}

/// Paragraph formatting.
#[derive(Debug, Clone, Copy)]
struct P {
    style: Option<&'static str>,
    align: Align,
    first_line: u32,
    /// A hanging indent (numbered lists): the first line starts this far left of the others.
    hanging: u32,
    left: u32,
    right: u32,
    before: u32,
    after: u32,
    keep_next: bool,
    page_break_before: bool,
    /// A rule: `top`/`bottom` border, or a frame on all sides, in the given colour.
    border: Option<(&'static str, &'static str)>,
    /// Run formatting of the paragraph mark (so an empty rule paragraph is thin).
    mark_size: Option<u32>,
}

impl Default for P {
    fn default() -> Self {
        P {
            style: None,
            align: Align::Both,
            first_line: 0,
            hanging: 0,
            left: 0,
            right: 0,
            before: 0,
            after: 120,
            keep_next: false,
            page_break_before: false,
            border: None,
            mark_size: None,
        }
    }
}

impl P {
    fn center() -> P {
        P {
            align: Align::Center,
            after: 0,
            ..P::default()
        }
    }
    fn body() -> P {
        P {
            first_line: INDENT,
            ..P::default()
        }
    }
    fn xml(&self) -> String {
        let mut p = String::new();
        if let Some(s) = self.style {
            p.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
        }
        if self.keep_next {
            p.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            p.push_str("<w:pageBreakBefore/>");
        }
        if let Some((side, color)) = self.border {
            let line = |s: &str| {
                format!("<w:{s} w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"{color}\"/>")
            };
            p.push_str("<w:pBdr>");
            if side == "box" {
                for s in ["top", "left", "bottom", "right"] {
                    p.push_str(&line(s));
                }
            } else {
                p.push_str(&line(side));
            }
            p.push_str("</w:pBdr>");
        }
        p.push_str(&format!(
            "<w:spacing w:before=\"{}\" w:after=\"{}\"/>",
            self.before, self.after
        ));
        if self.hanging > 0 {
            p.push_str(&format!(
                "<w:ind w:left=\"{}\" w:right=\"{}\" w:hanging=\"{}\"/>",
                self.left, self.right, self.hanging
            ));
        } else if self.first_line > 0 || self.left > 0 || self.right > 0 {
            p.push_str(&format!(
                "<w:ind w:left=\"{}\" w:right=\"{}\" w:firstLine=\"{}\"/>",
                self.left, self.right, self.first_line
            ));
        }
        p.push_str(match self.align {
            Align::Left => "<w:jc w:val=\"left\"/>",
            Align::Center => "<w:jc w:val=\"center\"/>",
            Align::Both => "<w:jc w:val=\"both\"/>",
        });
        if let Some(s) = self.mark_size {
            p.push_str(&format!(
                "<w:rPr><w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/></w:rPr>"
            ));
        }
        format!("<w:pPr>{p}</w:pPr>")
    }
}

fn para(p: P, runs: &str) -> String {
    format!("<w:p>{}{runs}</w:p>", p.xml())
}

/// The printed width of `text` in twips, estimated from its length: Times New Roman averages
/// about 0.62 em a character in capitals and 0.5 em in mixed case. Used only to size the
/// decree's rules relative to the line above them, where a rough figure is enough.
fn text_width(text: &str, points: u32, capitals: bool) -> u32 {
    let em = if capitals { 0.62 } else { 0.5 };
    (text.chars().count() as f64 * f64::from(points) * 20.0 * em) as u32
}

/// A thin horizontal rule `width` twips long, centred in a column `column` twips wide.
fn rule(column: u32, width: u32) -> String {
    let width = width.clamp(500, column);
    let side = column.saturating_sub(width) / 2;
    para(
        P {
            align: Align::Center,
            left: side,
            right: side,
            before: 50,
            after: 0,
            border: Some(("top", "000000")),
            mark_size: Some(4),
            ..P::default()
        },
        "",
    )
}

/// The package being written: the body and the external links it refers to.
struct Doc {
    body: String,
    links: Vec<String>,
}

impl Doc {
    fn link_id(&mut self, url: &str) -> String {
        let i = match self.links.iter().position(|u| u == url) {
            Some(i) => i,
            None => {
                self.links.push(url.to_string());
                self.links.len() - 1
            }
        };
        format!("rIdL{}", i + 1)
    }

    fn inlines(&mut self, items: &[Inline], base: R) -> String {
        let mut out = String::new();
        for i in items {
            match i {
                Inline::Text(t) => out.push_str(&run(t, base)),
                Inline::Strong(t) => out.push_str(&run(t, R { bold: true, ..base })),
                Inline::Em(t) => out.push_str(&run(
                    t,
                    R {
                        italic: true,
                        ..base
                    },
                )),
                Inline::Link { text, url } => {
                    let id = self.link_id(url);
                    out.push_str(&format!(
                        "<w:hyperlink r:id=\"{id}\">{}</w:hyperlink>",
                        run(
                            text,
                            R {
                                color: Some("0B4A82"),
                                underline: true,
                                ..base
                            }
                        )
                    ));
                }
                Inline::Cite(n) => out.push_str(&run(&cite_text(n), base)),
            }
        }
        out
    }
}

fn table_borderless(widths: &[u32], cells: &[String]) -> String {
    let mut t =
        String::from("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/>");
    t.push_str("<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>");
    t.push_str("<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
    for w in widths {
        t.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    t.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>");
    for (w, c) in widths.iter().zip(cells) {
        // A cell must end with a paragraph.
        let content = if c.ends_with("</w:p>") {
            c.clone()
        } else {
            format!("{c}<w:p/>")
        };
        t.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>"
        ));
    }
    t.push_str("</w:tr></w:tbl>");
    t
}

/// A table with thin borders: the coverage table and the spike series.
fn table_grid(
    widths: &[u32],
    rows: &[Vec<(String, R, Option<&'static str>)>],
    header: bool,
) -> String {
    let mut t = String::from("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>");
    // Indented like the body text, so that tables line up with the paragraphs around them.
    t.push_str(&format!(
        "<w:tblInd w:w=\"{INDENT}\" w:type=\"dxa\"/><w:tblBorders>"
    ));
    for s in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        t.push_str(&format!(
            "<w:{s} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
        ));
    }
    t.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
    for w in widths {
        t.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    t.push_str("</w:tblGrid>");
    for (k, row) in rows.iter().enumerate() {
        t.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header && k == 0 {
            t.push_str("<w:tblHeader/>");
        }
        t.push_str("</w:trPr>");
        for (w, (text, r, fill)) in widths.iter().zip(row) {
            let shade = fill
                .map(|f| format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"))
                .unwrap_or_default();
            t.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}<w:vAlign w:val=\"center\"/></w:tcPr>{}</w:tc>",
                para(
                    P {
                        align: if (k == 0 && header) || text.bytes().all(|c| c.is_ascii_digit()) {
                            Align::Center
                        } else {
                            Align::Left
                        },
                        after: 0,
                        ..P::default()
                    },
                    &run(text, *r)
                )
            ));
        }
        t.push_str("</w:tr>");
    }
    t.push_str("</w:tbl>");
    t
}

/// A spike's series as a two-row table (dates, counts), the spike day shaded: a chart that
/// prints and survives any word processor.
fn spike_table(k: &Spike) -> String {
    // At most three weeks fit the width legibly.
    let days: Vec<_> = k.series.iter().rev().take(21).rev().collect();
    if days.is_empty() {
        return String::new();
    }
    let n = days.len() as u32;
    let col = (TEXT_WIDTH - INDENT) / n;
    let widths = vec![col; days.len()];
    let small = R::default().size(9);
    let last = days.len() - 1;
    let dates: Vec<(String, R, Option<&'static str>)> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                format!("{:02}/{:02}", d.date.day(), d.date.month()),
                small,
                (i == last).then_some("F2D4D4"),
            )
        })
        .collect();
    let counts: Vec<(String, R, Option<&'static str>)> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let r = if i == last {
                R {
                    bold: true,
                    color: Some("A4161A"),
                    ..R::default().size(11)
                }
            } else if f64::from(d.count) > k.baseline {
                R::default().size(11)
            } else {
                R {
                    color: Some("555555"),
                    ..R::default().size(11)
                }
            };
            (d.count.to_string(), r, (i == last).then_some("F2D4D4"))
        })
        .collect();
    table_grid(&widths, &[dates, counts], false)
}

const NS: &str = concat!(
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
);

fn heading_table(b: &Briefing) -> String {
    let h = &b.header;
    let mut left = String::new();
    if let Some(parent) = &h.parent_body {
        left.push_str(&para(
            P::center(),
            &run(&parent.to_uppercase(), R::default().size(13)),
        ));
    }
    left.push_str(&para(
        P::center(),
        &run(&h.issuing_body.to_uppercase(), R::bold().size(13)),
    ));
    // The rule under the issuing body: a third to a half of its line (40 %).
    let body_width = text_width(&h.issuing_body, 13, true).min(LEFT_COLUMN);
    left.push_str(&rule(LEFT_COLUMN, body_width * 2 / 5));
    let number = match &h.number {
        Some(n) => format!("Số: {n}"),
        None => "Số:        /BTGB".to_string(),
    };
    left.push_str(&para(
        P {
            before: 120,
            ..P::center()
        },
        &run(&number, R::default().size(13)),
    ));
    if let Some(m) = &b.classification.marking {
        // Item 10a: the secrecy mark, framed, in red, under the number.
        let width = 500 + 260 * m.chars().count() as u32;
        let side = LEFT_COLUMN.saturating_sub(width) / 2;
        left.push_str(&para(
            P {
                before: 160,
                left: side,
                right: side,
                border: Some(("box", "C00000")),
                ..P::center()
            },
            &run(
                m,
                R {
                    color: Some("C00000"),
                    ..R::bold().size(13)
                },
            ),
        ));
    }

    let mut right = String::new();
    right.push_str(&para(
        P::center(),
        &run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", R::bold().size(13)),
    ));
    // The motto's rule is as long as the motto (about 6.1 cm at 14 pt bold).
    let motto_width = 3450;
    let side = RIGHT_COLUMN.saturating_sub(motto_width) / 2;
    right.push_str(&para(
        P {
            left: side,
            right: side,
            border: Some(("bottom", "000000")),
            ..P::center()
        },
        &run("Độc lập - Tự do - Hạnh phúc", R::bold().size(14)),
    ));
    right.push_str(&para(
        P {
            before: 240,
            ..P::center()
        },
        &run(
            &format!("{}, {}", h.place, b.date.long_vi()),
            R::italic().size(14),
        ),
    ));
    table_borderless(&[LEFT_COLUMN, RIGHT_COLUMN], &[left, right])
}

fn closing_table(b: &Briefing) -> String {
    let h = &b.header;
    let mut left = String::new();
    if !h.recipients.is_empty() {
        left.push_str(&para(
            P {
                align: Align::Left,
                after: 0,
                ..P::default()
            },
            &run(
                "Nơi nhận:",
                R {
                    bold: true,
                    italic: true,
                    ..R::default().size(12)
                },
            ),
        ));
        let last = h.recipients.len() - 1;
        for (k, r) in h.recipients.iter().enumerate() {
            let end = if k == last { "." } else { ";" };
            left.push_str(&para(
                P {
                    align: Align::Left,
                    after: 0,
                    ..P::default()
                },
                &run(
                    &format!("- {}{end}", r.trim_end_matches(['.', ';'])),
                    R::default().size(11),
                ),
            ));
        }
    }
    let mut right = String::new();
    if let Some(s) = &h.signatory {
        if let Some(o) = &s.on_behalf {
            right.push_str(&para(
                P::center(),
                &run(&o.to_uppercase(), R::bold().size(14)),
            ));
        }
        right.push_str(&para(
            P::center(),
            &run(&s.title.to_uppercase(), R::bold().size(14)),
        ));
        // Room for the signature and the seal.
        for _ in 0..4 {
            right.push_str(&para(P::center(), ""));
        }
        right.push_str(&para(P::center(), &run(&s.name, R::bold().size(14))));
    }
    let half = TEXT_WIDTH / 2;
    format!(
        "{}{}",
        para(
            P {
                after: 240,
                ..P::default()
            },
            ""
        ),
        table_borderless(&[half, TEXT_WIDTH - half], &[left, right])
    )
}

fn document_xml(b: &Briefing, doc: &mut Doc) {
    doc.body.push_str(&heading_table(b));
    doc.body.push_str(&para(
        P {
            before: 360,
            ..P::center()
        },
        &run(&b.title.to_uppercase(), R::bold().size(14)),
    ));
    let subject = format!(
        "{}, {} ngày {}",
        b.desk.name,
        b.date.weekday_vi(),
        b.date.short_vi()
    );
    doc.body
        .push_str(&para(P::center(), &run(&subject, R::bold().size(14))));
    // Under the subject line, a rule of a third to a half of it (40 %).
    let subject_width = text_width(&subject, 14, false).min(TEXT_WIDTH);
    doc.body.push_str(&rule(TEXT_WIDTH, subject_width * 2 / 5));
    let mut meta = String::new();
    if let Some(scope) = b.desk.scope_line() {
        meta.push_str(&run(
            &format!("Phạm vi theo dõi: {scope}. "),
            R::italic().size(12),
        ));
    }
    meta.push_str(&run(
        &format!(
            "Kỳ tin từ {} đến {}; lập lúc {}; độ mật: {}.",
            b.period.from.short_vi(),
            b.period.to.short_vi(),
            b.generated_at.short_vi(),
            b.classification.name
        ),
        R::italic().size(12),
    ));
    doc.body.push_str(&para(
        P {
            before: 240,
            after: 120,
            ..P::body()
        },
        &meta,
    ));

    for block in outline(b) {
        match block {
            Block::Section { number, title } => {
                let text = run(&format!("{number} {}", title.to_uppercase()), R::bold());
                doc.body.push_str(&para(
                    P {
                        style: Some("Heading1"),
                        before: 240,
                        keep_next: true,
                        ..P::body()
                    },
                    &text,
                ));
            }
            Block::Item { number, title } => {
                let mut runs = run(&format!("{number} "), R::bold());
                runs.push_str(&doc.inlines(&title, R::bold()));
                doc.body.push_str(&para(
                    P {
                        style: Some("Heading2"),
                        before: 120,
                        keep_next: true,
                        ..P::body()
                    },
                    &runs,
                ));
            }
            Block::Para(i) => {
                let runs = doc.inlines(&i, R::default());
                doc.body.push_str(&para(P::body(), &runs));
            }
            Block::Note(i) => {
                let runs = doc.inlines(&i, R::default().size(12));
                doc.body.push_str(&para(
                    P {
                        after: 60,
                        ..P::body()
                    },
                    &runs,
                ));
            }
            Block::Nothing(t) => {
                doc.body.push_str(&para(P::body(), &run(&t, R::italic())));
            }
            Block::Bullets(items) => {
                for i in items {
                    let mut runs = run("- ", R::default());
                    runs.push_str(&doc.inlines(&i, R::default()));
                    doc.body.push_str(&para(
                        P {
                            after: 80,
                            ..P::body()
                        },
                        &runs,
                    ));
                }
            }
            Block::Table { header, rows } => {
                let first = (TEXT_WIDTH - INDENT) * 3 / 4;
                let widths = [first, TEXT_WIDTH - INDENT - first];
                let mut all = vec![
                    header
                        .iter()
                        .map(|h| (h.clone(), R::bold().size(12), Some("EDEDED")))
                        .collect::<Vec<_>>(),
                ];
                for r in rows {
                    all.push(
                        r.iter()
                            .map(|c| (c.clone(), R::default().size(12), None))
                            .collect(),
                    );
                }
                doc.body.push_str(&table_grid(&widths, &all, true));
                doc.body.push_str(&para(
                    P {
                        after: 60,
                        ..P::default()
                    },
                    "",
                ));
            }
            Block::Chart(i) => {
                if let Some(k) = b.sections.spikes.get(i) {
                    doc.body.push_str(&spike_table(k));
                    doc.body.push_str(&para(
                        P { after: 120, ..P::body() },
                        &run(
                            &format!(
                                "Số lần nhắc đến theo ngày; ô tô đậm là ngày tăng đột biến; mức thường {} lần/ngày.",
                                decimal_vi(k.baseline)
                            ),
                            R::italic().size(11),
                        ),
                    ));
                }
            }
            Block::Sources => {
                doc.body.push_str(&closing_table(b));
                doc.body.push_str(&para(
                    P {
                        page_break_before: true,
                        ..P::center()
                    },
                    &run("PHỤ LỤC", R::bold().size(14)),
                ));
                doc.body.push_str(&para(
                    P::center(),
                    &run("DANH MỤC NGUỒN TIN", R::bold().size(14)),
                ));
                doc.body.push_str(&para(
                    P {
                        after: 240,
                        ..P::center()
                    },
                    &run(
                        &format!(
                            "(Kèm theo {} {} ngày {})",
                            sentence_case(&b.title),
                            b.desk.name,
                            b.date.short_vi()
                        ),
                        R::italic().size(14),
                    ),
                ));
                if b.sources.is_empty() {
                    doc.body.push_str(&para(
                        P::body(),
                        &run("Bản tin không dẫn bài nào.", R::italic()),
                    ));
                }
                for (n, s) in b.sources.iter().enumerate() {
                    let mut runs = run(&format!("[{}] ", n + 1), R::bold().size(12));
                    runs.push_str(&doc.inlines(&source_line(s), R::default().size(12)));
                    doc.body.push_str(&para(
                        P {
                            align: Align::Left,
                            left: 567,
                            hanging: 567,
                            after: 80,
                            ..P::default()
                        },
                        &runs,
                    ));
                }
            }
        }
    }
}

fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="288" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

fn header_xml(numbered: bool) -> String {
    // Page numbers: Arabic, centred in the top margin, 14 pt, not on the first page (that
    // page uses the empty first-page header).
    let body = if numbered {
        "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
    } else {
        "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>"
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}>{body}</w:hdr>"
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>"#;

fn document_rels(links: &[String]) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>"#,
    );
    for (i, url) in links.iter().enumerate() {
        out.push_str(&format!(
            "<Relationship Id=\"rIdL{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i + 1,
            esc(url)
        ));
    }
    out.push_str("</Relationships>");
    out
}

fn core_xml(b: &Briefing) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>tre</dc:creator><dc:language>vi-VN</dc:language><cp:keywords>{}</cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">{}:00+07:00</dcterms:created></cp:coreProperties>"#,
        esc(&format!("{} {}", b.title, b.date.short_vi())),
        esc(&b.desk.name),
        esc(&format!("giao ban; độ mật: {}", b.classification.name)),
        b.generated_at
    )
}

const APP_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tre</Application></Properties>"#;

/// The briefing as a DOCX package.
pub fn to_docx(b: &Briefing) -> Result<Vec<u8>, DocxError> {
    let mut doc = Doc {
        body: String::with_capacity(64 * 1024),
        links: Vec::new(),
    };
    document_xml(b, &mut doc);
    let sect = format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/><w:headerReference w:type=\"first\" r:id=\"rIdH2\"/><w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>"
    );
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}{sect}</w:body></w:document>",
        doc.body
    );

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // Deflated, with the zip crate's fixed default timestamp: the same briefing always gives
    // the same bytes.
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels(&doc.links)),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/header1.xml", header_xml(true)),
        ("word/header2.xml", header_xml(false)),
        ("docProps/core.xml", core_xml(b)),
    ];
    for (name, content) in parts {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())?;
    }
    zip.start_file("docProps/app.xml", options)?;
    zip.write_all(APP_XML.as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

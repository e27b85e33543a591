//! Markdown (CommonMark): for reading in a terminal, pasting into a message, or diffing two days.
//! Every piece of input text is escaped, so that an article title with `*`, `[` or `<` prints
//! as written and never becomes markup or a link.

use super::{Block, Inline, cite_text, decimal_vi, outline, source_line};
use crate::model::Briefing;

/// Escapes text for CommonMark inline content, on one line.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&` matters only where it could start an entity (`&copy;`, `&#169;`).
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            // Items are single lines; a line break in input text must not start a block.
            '\n' | '\r' | '\t' => out.push(' '),
            c if !crate::textutil::is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Keeps the start of a paragraph or list item from reading as a block marker (`1. `, `- `,
/// `+ `, `=`), which escaping inline characters does not cover.
fn line_start(text: String) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    if text.starts_with(['-', '+', '=']) {
        return format!("\\{text}");
    }
    text
}

fn inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    for i in items {
        match i {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(t) if !t.trim().is_empty() => {
                out.push_str(&format!("**{}**", escape(t.trim())));
                // Keep the space the emphasis markers may not enclose.
                if t.ends_with(' ') {
                    out.push(' ');
                }
            }
            Inline::Em(t) if !t.trim().is_empty() => {
                out.push_str(&format!("*{}*", escape(t.trim())));
                if t.ends_with(' ') {
                    out.push(' ');
                }
            }
            Inline::Strong(t) | Inline::Em(t) => out.push_str(&escape(t)),
            Inline::Link { text, url } => {
                // Angle-bracket destinations take any URL without spaces or brackets, which
                // `is_web_url` has already guaranteed.
                out.push_str(&format!("[{}](<{}>)", escape(text), url));
            }
            // Generated, never input: `[3]` stays literal text, as no link definitions exist.
            Inline::Cite(n) => out.push_str(&cite_text(n)),
        }
    }
    out
}

/// `▁▂▁▃█`: a series as a line of block characters, scaled to its maximum.
fn sparkline(counts: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&c| BARS[((c as usize * 7) + (max as usize / 2)) / max as usize])
        .collect()
}

/// The briefing as Markdown.
pub fn to_markdown(b: &Briefing) -> String {
    let mut md = String::new();
    let marking = b.classification.marking.as_deref();
    if let Some(m) = marking {
        md.push_str(&format!("**{}**\n\n", escape(m)));
    }
    md.push_str(&format!("# {}\n\n", escape(&b.title)));
    let h = &b.header;
    let mut issuer: Vec<String> = h.parent_body.iter().cloned().collect();
    if !h.issuing_body.is_empty() {
        issuer.push(h.issuing_body.clone());
    }
    let number = h.number.as_deref().unwrap_or("…");
    md.push_str(&format!(
        "**{}** · Số: {}  \n",
        escape(&issuer.join(" — ")),
        escape(number)
    ));
    md.push_str(&format!(
        "{}, {} ({})  \n",
        escape(&h.place),
        b.date.long_vi(),
        b.date.weekday_vi()
    ));
    md.push_str(&format!("**Bàn:** {}", escape(&b.desk.name)));
    if let Some(scope) = b.desk.scope_line() {
        md.push_str(&format!(" — {}", escape(&scope)));
    }
    md.push_str("  \n");
    md.push_str(&format!(
        "**Kỳ tin:** {} – {} · **Lập lúc:** {}  \n",
        b.period.from.short_vi(),
        b.period.to.short_vi(),
        b.generated_at.short_vi()
    ));
    md.push_str(&format!("**Độ mật:** {}\n", escape(&b.classification.name)));

    for block in outline(b) {
        match block {
            Block::Section { number, title } => {
                md.push_str(&format!("\n## {} {}\n\n", number, escape(&title)));
            }
            Block::Item { number, title } => {
                md.push_str(&format!("\n### {} {}\n\n", number, inlines(&title)));
            }
            Block::Para(i) => md.push_str(&format!("{}\n\n", line_start(inlines(&i)))),
            Block::Note(i) => md.push_str(&format!("> {}\n\n", line_start(inlines(&i)))),
            Block::Nothing(t) => md.push_str(&format!("*{}*\n\n", escape(&t))),
            Block::Bullets(items) => {
                for i in items {
                    md.push_str(&format!("- {}\n", line_start(inlines(&i))));
                }
                md.push('\n');
            }
            Block::Table { header, rows } => {
                md.push_str(&format!(
                    "| {} |\n|{}\n",
                    header
                        .iter()
                        .map(|h| escape(h))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    " --- |".repeat(header.len())
                ));
                for r in rows {
                    md.push_str(&format!(
                        "| {} |\n",
                        r.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                md.push('\n');
            }
            Block::Chart(i) => {
                if let Some(k) = b.sections.spikes.get(i) {
                    let counts: Vec<u32> = k.series.iter().map(|d| d.count).collect();
                    let (first, last) = (k.series.first(), k.series.last());
                    md.push_str(&format!(
                        "`{}` {} – {}, mức thường {}\n\n",
                        sparkline(&counts),
                        first.map(|d| d.date.short_vi()).unwrap_or_default(),
                        last.map(|d| d.date.short_vi()).unwrap_or_default(),
                        decimal_vi(k.baseline)
                    ));
                }
            }
            Block::Sources => {
                let h = &b.header;
                if !h.recipients.is_empty() {
                    md.push_str("\n***Nơi nhận:***\n\n");
                    let last = h.recipients.len() - 1;
                    for (k, r) in h.recipients.iter().enumerate() {
                        let end = if k == last { "." } else { ";" };
                        md.push_str(&format!(
                            "- {}{end}\n",
                            escape(r.trim_end_matches(['.', ';']))
                        ));
                    }
                }
                if let Some(s) = &h.signatory {
                    md.push('\n');
                    if let Some(o) = &s.on_behalf {
                        md.push_str(&format!("**{}**  \n", escape(o)));
                    }
                    md.push_str(&format!(
                        "**{}**  \n**{}**\n",
                        escape(&s.title),
                        escape(&s.name)
                    ));
                }
                md.push_str("\n## Phụ lục: Danh mục nguồn tin\n\n");
                if b.sources.is_empty() {
                    md.push_str("*Bản tin không dẫn bài nào.*\n\n");
                }
                for (n, s) in b.sources.iter().enumerate() {
                    md.push_str(&format!("{}. {}\n", n + 1, inlines(&source_line(s))));
                }
            }
        }
    }
    md.push_str(&format!(
        "\n---\n\n*{} do hệ thống tre lập lúc {}.*\n",
        escape(&super::sentence_case(&b.title)),
        b.generated_at.short_vi()
    ));
    if let Some(m) = marking {
        md.push_str(&format!("\n**{}**\n", escape(m)));
    }
    md
}

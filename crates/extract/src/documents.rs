//! Numbered party and legal documents: `Nghị quyết số 34-NQ/TW, ngày 9/1/2023`, `Chỉ thị
//! 15-CT/TW`, `Nghị định 30/2020/NĐ-CP`, `Quyết định 1234/QĐ-TTg`, `Kết luận số 12 - KL/TW`.
//!
//! The kind is the document word written before the number (`số` may come between); without
//! one it is read from the number's code (`NQ` a resolution, `CT` a directive, `QĐ/TW` a party
//! regulation but `QĐ-TTg` a decision). The date is the one written right after the number
//! (`, ngày 9/1/2023`, `ban hành ngày ...`). A later short reference (`Kết luận 21` after
//! `Kết luận 21-KL/TW`) is a mention of the same document, never a new one.

use crate::dates::{DateM, Ymd};
use crate::doc::{Doc, TokKind};
use crate::gazetteer::{Cue, Gazetteer};
use crate::model::{Document, Span};

pub(crate) struct DocM {
    pub kind: String,
    pub number: String,
    pub date: Option<Ymd>,
    pub spans: Vec<Span>,
    pub explicit_kind: bool,
}

/// The canonical form of a document number: white space removed, `TƯ` written `TW`.
pub(crate) fn canonical_number(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if out.ends_with("/TƯ") {
        out.truncate(out.len() - "TƯ".len());
        out.push_str("TW");
    }
    out
}

/// The kind a number's code implies, when it implies one.
fn kind_from_code(number: &str) -> Option<&'static str> {
    // The code is the run of capitals after the first `-` or `/` that follows the digits
    // (`34-NQ/TW` → `NQ`, `30/2020/NĐ-CP` → `NĐ`, `1234/QĐ-TTg` → `QĐ`).
    let code: String = number
        .split(['-', '/'])
        .skip(1)
        .find(|p| p.chars().next().is_some_and(char::is_uppercase))?
        .chars()
        .take_while(|c| c.is_uppercase())
        .collect();
    let party = number.ends_with("/TW");
    Some(match code.as_str() {
        "NQ" => "Nghị quyết",
        "KL" => "Kết luận",
        "CT" => "Chỉ thị",
        "QĐ" if party => "Quy định",
        "QĐ" => "Quyết định",
        "NĐ" => "Nghị định",
        "TT" => "Thông tư",
        "TB" => "Thông báo",
        "HD" => "Hướng dẫn",
        "CĐ" => "Công điện",
        "KH" => "Kế hoạch",
        _ => return None,
    })
}

/// The document kind written right before token `i` (`Nghị quyết số`), if any.
fn kind_before(doc: &Doc<'_>, gaz: &Gazetteer, i: usize, start: usize) -> Option<String> {
    let mut end = i;
    if end > start && tre_text::lower(doc.tok_text(end - 1)) == "số" {
        end -= 1;
    }
    for k in end.saturating_sub(4).max(start)..end {
        for h in doc.hits(k) {
            if h.end == end
                && let Some(Cue::DocKind) = gaz.cue(&gaz.entries[h.entry as usize])
                && let crate::gazetteer::Target::Cue(c) = gaz.entries[h.entry as usize].target
            {
                return Some(gaz.cues[c as usize].phrase.clone());
            }
        }
    }
    None
}

pub(crate) fn find_documents(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    dates: &mut [DateM],
    published: Option<Ymd>,
) -> Vec<DocM> {
    let mut out: Vec<DocM> = Vec::new();
    for s in &doc.sents {
        let mut i = s.toks.start;
        while i < s.toks.end {
            let t = doc.tok(i);
            // `12 - KL/TW`: a number, a dash and a code written apart.
            let (number, end) = if t.kind == TokKind::DocNum {
                (canonical_number(doc.tok_text(i)), i + 1)
            } else if t.kind == TokKind::Num
                && let Some((n, e)) = split_number(doc, i, s.toks.end)
            {
                (n, e)
            } else {
                i += 1;
                continue;
            };
            let written = kind_before(doc, gaz, i, s.toks.start);
            let explicit = written.is_some();
            let Some(kind) = written.or_else(|| kind_from_code(&number).map(str::to_owned)) else {
                i = end;
                continue;
            };
            let span = Span {
                start: t.start,
                end: doc.tok(end - 1).end,
            };
            let date = date_after(doc, dates, end, s.toks.end).map(|d| {
                // A day and month without a year take the year in the number, if any.
                match (d.year, year_in_number(&number)) {
                    (None, Some(y)) => Ymd::new(Some(y), d.month, d.day).unwrap_or(d),
                    _ => d.resolve(published),
                }
            });
            match out.iter_mut().find(|d| d.number == number) {
                Some(existing) => {
                    existing.spans.push(span);
                    if existing.date.is_none() {
                        existing.date = date;
                    }
                    if explicit && !existing.explicit_kind {
                        existing.kind = kind;
                        existing.explicit_kind = true;
                    }
                }
                None => out.push(DocM {
                    kind,
                    number,
                    date,
                    spans: vec![span],
                    explicit_kind: explicit,
                }),
            }
            i = end;
        }
    }
    short_references(doc, gaz, &mut out);
    out
}

/// `12 - KL/TW` as one number.
fn split_number(doc: &Doc<'_>, i: usize, end: usize) -> Option<(String, usize)> {
    let after = doc.text.get(doc.tok(i).end..)?;
    let rest = after.trim_start().strip_prefix('-')?.trim_start();
    let code: String = rest
        .chars()
        .take_while(|c| c.is_uppercase() || *c == '/' || *c == '-')
        .collect();
    if !code.contains('/') || code.chars().filter(|c| c.is_uppercase()).count() < 3 {
        return None;
    }
    let stop = doc.tok(i).end + (after.len() - rest.len()) + code.len();
    let mut e = i + 1;
    while e < end && doc.tok(e).end <= stop {
        e += 1;
    }
    Some((canonical_number(&format!("{}-{code}", doc.tok_text(i))), e))
}

fn year_in_number(number: &str) -> Option<i32> {
    number
        .split(['/', '-'])
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|p| p.parse().ok())
}

/// The date written right after a number (`, ngày 9/1/2023`, `ban hành ngày 10/8/2022`),
/// which then belongs to the document, not to an event.
fn date_after(doc: &Doc<'_>, dates: &mut [DateM], from: usize, end: usize) -> Option<Ymd> {
    let mut k = from;
    while k < end && k < from + 4 {
        let text = tre_text::lower(doc.tok_text(k));
        if text == "," || text == "ngày" || text == "ban" || text == "hành" || text == "(" {
            k += 1;
        } else {
            break;
        }
    }
    let d = dates.iter_mut().find(|d| d.start == k && !d.relative)?;
    d.document = true;
    Some(d.written)
}

/// `Kết luận 21` after `21-KL/TW`: another mention of that document.
fn short_references(doc: &Doc<'_>, gaz: &Gazetteer, docs: &mut Vec<DocM>) {
    for s in &doc.sents {
        for i in s.toks.clone() {
            if doc.tok(i).kind != TokKind::Num {
                continue;
            }
            let Some(kind) = kind_before(doc, gaz, i, s.toks.start) else {
                continue;
            };
            let n = doc.tok_text(i);
            let span = Span {
                start: doc.tok(i).start,
                end: doc.tok(i).end,
            };
            if docs.iter().any(|d| {
                d.spans
                    .iter()
                    .any(|sp| sp.start <= span.start && span.end <= sp.end)
            }) {
                continue;
            }
            let matching: Vec<usize> = (0..docs.len())
                .filter(|&x| {
                    let d = &docs[x];
                    d.kind == kind
                        && d.number.len() > n.len()
                        && d.number.starts_with(n)
                        && matches!(d.number.as_bytes()[n.len()], b'-' | b'/')
                })
                .collect();
            match matching[..] {
                [x] => docs[x].spans.push(span),
                [] if bare_number_ok(doc, i, s.toks.end, &kind) => {
                    // `Nghị quyết 36 của Bộ Chính trị`: the number as written, since the text
                    // does not give the full one.
                    match docs.iter_mut().find(|d| d.kind == kind && d.number == n) {
                        Some(d) => d.spans.push(span),
                        None => docs.push(DocM {
                            kind: kind.clone(),
                            number: n.to_owned(),
                            date: None,
                            spans: vec![span],
                            explicit_kind: true,
                        }),
                    }
                }
                _ => {}
            }
        }
    }
}

pub(crate) fn output(docs: Vec<DocM>) -> Vec<Document> {
    docs.into_iter()
        .map(|d| Document {
            id: format!("doc:{}", d.number),
            confidence: if d.explicit_kind { 0.97 } else { 0.85 },
            kind: d.kind,
            number: d.number,
            date: d.date.map(|x| x.render()),
            mentions: d.spans,
        })
        .collect()
}

/// Kinds whose bare number names a document (`Nghị quyết 36`); a plan or programme with a
/// number is usually counted (`Kế hoạch 5 năm`).
const BARE_NUMBER_KINDS: &[&str] = &[
    "Nghị quyết",
    "Kết luận",
    "Chỉ thị",
    "Quy định",
    "Nghị định",
    "Quyết định",
    "Thông tư",
    "Thông báo",
];

/// Whether the bare number at `i` (after a document kind) is the document's number: a short
/// number not followed by a unit of time or count.
fn bare_number_ok(doc: &Doc<'_>, i: usize, end: usize, kind: &str) -> bool {
    let n = doc.tok_text(i);
    BARE_NUMBER_KINDS.contains(&kind)
        && (1..=4).contains(&n.len())
        && n.bytes().all(|b| b.is_ascii_digit())
        && !(i + 1 < end
            && ["năm", "tháng", "ngày", "điểm", "điều", "nội", "lần"]
                .contains(&tre_text::lower(doc.tok_text(i + 1)).as_str()))
}

//! Recognisers of the roles a line plays around an article: a photo caption and its credit,
//! a byline, a source line, an agency dateline at the start of a lead.
//!
//! Each is a pure function of one line (and, for unmarked captions, its neighbours), written
//! from how Vietnamese news sites print these things; [`crate::clean`] decides where in the
//! walk each applies.

use crate::clean::Block;
use crate::key::{ends_sentence, key, starts_upper, tidy, words};
use tre_text::plausible::is_vietnamese_syllable;

/// A caption's credit split off: `Bộ trưởng phát biểu. (Ảnh: Đăng Khoa)` →
/// (`Bộ trưởng phát biểu.`, `Đăng Khoa`); `... - Ảnh: NGUYỄN KHÁNH`; `(Ảnh minh họa)`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CaptionSplit<'a> {
    pub caption: &'a str,
    pub credit: Option<&'a str>,
}

const PHOTO_LABELS: &[&str] = &[
    "Ảnh:",
    "ẢNH:",
    "Ảnh :",
    "ẢNH :",
    "Ảnh/",
    "Photo:",
    "Nguồn ảnh:",
    "Ảnh tư liệu:",
];

pub(crate) fn split_caption(text: &str) -> Option<CaptionSplit<'_>> {
    // Every photo label spells "ảnh" or "Photo"; most lines have neither.
    if !(text.contains("nh") || text.contains("NH") || text.contains("Photo")) {
        return None;
    }
    let t = text.trim_end();
    // "(Ảnh: X)" at the end. The label is matched with its diacritics: "(Anh Đức, 18 tuổi)"
    // is a reader signing a letter.
    if let Some(inner_end) = t.strip_suffix(')')
        && let Some(open) = inner_end.rfind('(')
    {
        let inner = &inner_end[open + 1..];
        let caption = tidy(tidy(&t[..open]).trim_end_matches(['-', '–', '|']));
        let inner = inner.trim_start();
        let lower = tre_text::lower(inner);
        let label = ["ảnh", "photo", "nguồn ảnh"].iter().find(|l| {
            lower.starts_with(*l) && !lower[l.len()..].starts_with(char::is_alphanumeric)
        });
        if let Some(label) = label {
            // Skip the label by characters in the original (lower-casing may change lengths).
            let after = inner
                .char_indices()
                .nth(label.chars().count())
                .map_or("", |(i, _)| &inner[i..]);
            let credit = tidy(after.trim_start_matches([':', ' ']));
            let rest = tre_text::lower(credit);
            // "(Ảnh minh họa)", "(ảnh chụp sáng 16-3)", "(Ảnh 3)": a photo, but no credit.
            let no_credit = rest.is_empty()
                || ["minh họa", "tư liệu", "chụp", "internet", "trên", "từ"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                || rest.bytes().all(|b| b.is_ascii_digit() || b == b' ');
            if no_credit {
                return Some(CaptionSplit {
                    caption,
                    credit: None,
                });
            }
            if words(credit) <= 8 {
                return Some(CaptionSplit {
                    caption,
                    credit: Some(credit),
                });
            }
        }
    }
    // "... Ảnh: X" or "... - Ảnh: X" at the end, no parentheses.
    let (pos, label) = PHOTO_LABELS
        .iter()
        .filter_map(|l| t.rfind(l).map(|p| (p, *l)))
        .max_by_key(|(p, _)| *p)?;
    let before = &t[..pos];
    if !(before.is_empty() || before.ends_with([' ', '.', '-', '–', '(', '|'])) {
        return None;
    }
    let credit = tidy(t[pos + label.len()..].trim_end_matches([')', '.']));
    if credit.is_empty() || words(credit) > 8 {
        return None;
    }
    let caption = tidy(tidy(before).trim_end_matches(['-', '–', '|', '(']));
    Some(CaptionSplit {
        caption,
        credit: Some(credit),
    })
}

/// How photo captions without a credit open (folded): a scene, or the people in it attending.
const CAPTION_OPENERS: &[&str] = &[
    "quang canh",
    "toan canh",
    "mot goc",
    "cac dai bieu du",
    "dai bieu du",
    "cac dai bieu tham du",
    "cac dai bieu tai",
    "cac dai bieu chup anh",
];
/// Phrases only captions say.
const CAPTION_PHRASES: &[&str] = &["chup anh luu niem", "chup anh chung"];
/// Paragraphs around an unmarked caption are at least this long: captions sit between
/// paragraphs of running text, not in a list of short lines.
const CAPTION_NEIGHBOUR_WORDS: usize = 30;

/// A photo caption printed without a credit, between two paragraphs of running text:
/// `Các đại biểu dự hội nghị tại điểm cầu Cao Bằng.`, `Quang cảnh hội nghị.`
pub(crate) fn unmarked_caption(text: &str, prev: Option<&Block>, next: Option<&Block>) -> bool {
    let n = words(text);
    if !(2..=20).contains(&n) || text.contains([':', ';', '"', '“', '?']) {
        return false;
    }
    // One sentence: no full stop before the end.
    let body = text.trim_end_matches(['.', ' ']);
    if body.contains(". ") {
        return false;
    }
    let long = |b: Option<&Block>| b.is_some_and(|b| words(&b.text) >= CAPTION_NEIGHBOUR_WORDS);
    if !(long(prev) && long(next)) {
        return false;
    }
    let k = key(text);
    CAPTION_OPENERS
        .iter()
        .any(|o| k.starts_with(o) && k[o.len()..].starts_with(' '))
        || CAPTION_PHRASES.iter().any(|p| k.contains(p))
}

/// A source line: `Theo CPV`, `(Theo Người Lao Động)`, `Nguồn: VTV`. Returns it without the
/// parentheses.
pub(crate) fn source_like(text: &str) -> Option<&str> {
    let mut t = text.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        t = inner.trim();
    }
    let t = tidy(t.trim_end_matches('.'));
    let k = key(t);
    let n = words(t);
    // "Theo" + a name or an address: "Theo ai vai gánh vai gồng" is a poem line.
    let named = t
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| starts_upper(w) || w.contains('.'));
    ((k.starts_with("theo ") || k.starts_with("nguon ")) && (2..=8).contains(&n) && named)
        .then_some(t)
}

/// First words of short capitalised lines that are not names.
const NOT_NAME_STARTS: &[&str] = &[
    "Phần", "PHẦN", "Kỳ", "KỲ", "Chương", "Bài", "BÀI", "Tập", "Ảnh", "ẢNH", "Hình", "Video",
    "Clip", "Nguồn", "Theo", "Xem", "Còn", "Hết",
];

/// Initials as a signature: `M.H`, `PV`, `T.L.`, `NTK`.
fn initials(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (1..=6).contains(&letters)
        && t.chars()
            .all(|c| (c.is_alphabetic() && c.is_uppercase()) || c == '.')
        && (letters >= 2 || t.contains('.'))
}

/// A byline: a short final line of a name (`Minh Hải`), initials (`M.H`), or either with a
/// parenthesised agency or source (`Phương Diệp (TTXVN/Vietnam+)`, `Ngọc Sơn (theo Reuters)`).
pub(crate) fn byline_like(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 80 {
        return false;
    }
    let (name, paren) = match t
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|o| (s, o)))
    {
        Some((s, open)) => (s[..open].trim(), Some(&s[open + 1..])),
        None => (t, None),
    };
    if paren.is_some_and(|p| words(p) > 6 || p.contains(['(', ')'])) {
        return false;
    }
    if initials(name) {
        return true;
    }
    let n = words(name);
    // Series markers and photo labels look like names but are not.
    let first = name.split_whitespace().next().unwrap_or("");
    if NOT_NAME_STARTS.contains(&first) {
        return false;
    }
    // Every word a capitalised Vietnamese syllable, or an initial ("T.", "M.C.").
    let name_words_ok = name.split_whitespace().all(|w| {
        starts_upper(w)
            && !w.ends_with([',', ':', ';', '!', '?'])
            && (initials(w)
                || w.split('.')
                    .filter(|p| !p.is_empty())
                    .all(is_vietnamese_syllable))
    });
    name_words_ok
        && !name.ends_with('.')
        && (2..=5).contains(&n)
        && (paren.is_some() || !ends_sentence(name))
        || (n == 1 && paren.is_some() && name_words_ok)
}

/// A byline element's connective on its own ("bởi", "By"): not a name.
pub(crate) fn is_by_word(text: &str) -> bool {
    matches!(
        key(text).as_str(),
        "boi" | "by" | "tac gia" | "theo" | "author" | ""
    )
}

/// "bởi Nguyễn Văn A", "By Jane Doe", "Tác giả: X" → the name.
pub(crate) fn strip_by(text: &str) -> &str {
    let t = text.trim();
    for p in [
        "bởi ",
        "Bởi ",
        "by ",
        "By ",
        "BY ",
        "Tác giả:",
        "Tác giả",
        "Tác giả :",
    ] {
        if let Some(rest) = t.strip_prefix(p) {
            return tidy(rest);
        }
    }
    t
}

/// Codes of Vietnamese news outlets and agencies that open a lead as a dateline without
/// parentheses (`TTO - `). In parentheses any short capitalised tag counts (`(NLĐ)- `).
const AGENCY_CODES: &[&str] = &[
    "TTO",
    "TT",
    "TTC",
    "TTXVN",
    "VNA",
    "VOV",
    "VOV.VN",
    "VTV",
    "VTC",
    "PLO",
    "PL",
    "NLĐ",
    "NLĐO",
    "NLDO",
    "TN",
    "TNO",
    "SGGP",
    "SGGPO",
    "QĐND",
    "QĐNDO",
    "CAND",
    "CANDO",
    "ANTĐ",
    "GDVN",
    "VNE",
    "CPV",
    "VNN",
    "TTVH",
    "KTĐT",
    "HNM",
    "ĐĐK",
    "BNEWS",
    "VIETNAM+",
    "TG&VN",
    "CHINHPHU.VN",
    "BAOCHINHPHU.VN",
    "DÂN TRÍ",
    "VNEXPRESS",
    "ZING",
];

/// An agency dateline at the start of a lead: `TTO - `, `(TTXVN) - `, `(NLĐ)- `, `VOV.VN - `.
/// Place datelines (`HÀ NỘI - `) are kept: the place is information. Returns its length.
pub(crate) fn dateline_len(text: &str) -> Option<usize> {
    // A prefix of `text`, so byte offsets into it are offsets into `text`.
    let head: String = text.chars().take(40).collect();
    let (tag, after) = if let Some(rest) = head.strip_prefix('(') {
        let close = rest.find(')')?;
        let tag = &rest[..close];
        if words(tag) > 3 || !starts_upper(tag) {
            return None;
        }
        (tag, &rest[close + 1..])
    } else {
        let dash = head.find(['-', '–', '—'])?;
        let tag = head[..dash].trim();
        if !AGENCY_CODES.contains(&tag.to_uppercase().as_str()) {
            return None;
        }
        (tag, &head[dash..])
    };
    if tag.is_empty() {
        return None;
    }
    let rest = after
        .trim_start()
        .strip_prefix(['-', '–', '—'])?
        .trim_start();
    let consumed = head.len() - rest.len();
    (words(&text[consumed..]) >= 3).then_some(consumed)
}

/// The lead without its agency dateline.
pub(crate) fn strip_dateline(text: &str) -> &str {
    match dateline_len(text) {
        Some(n) => tidy(&text[n..]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_split_from_credits() {
        let s = split_caption("Bộ trưởng phát biểu tại buổi làm việc. (Ảnh: Đăng Khoa)");
        assert_eq!(
            s,
            Some(CaptionSplit {
                caption: "Bộ trưởng phát biểu tại buổi làm việc.",
                credit: Some("Đăng Khoa")
            })
        );
        let s = split_caption("Quang cảnh hội nghị - Ảnh: NGUYỄN KHÁNH");
        assert_eq!(
            s.map(|s| (s.caption, s.credit)),
            Some(("Quang cảnh hội nghị", Some("NGUYỄN KHÁNH")))
        );
        let s = split_caption("Thường trực Ban Bí thư dự phiên họp. (Ảnh: Lâm Khánh/TTXVN)");
        assert_eq!(s.and_then(|s| s.credit), Some("Lâm Khánh/TTXVN"));
        let s = split_caption("“Chúng cháu chào cán bộ” - (Ảnh: T.T.D)");
        assert_eq!(
            s.map(|s| (s.caption, s.credit)),
            Some(("“Chúng cháu chào cán bộ”", Some("T.T.D")))
        );
        let s = split_caption("Phun hóa chất khu nhà trọ (ảnh chụp chiều 13-3-2006)");
        assert_eq!(
            s.map(|s| (s.caption, s.credit)),
            Some(("Phun hóa chất khu nhà trọ", None))
        );
        let s = split_caption("Cảnh lễ hội (Ảnh 3)");
        assert_eq!(s.and_then(|s| s.credit), None);
        assert_eq!(
            split_caption("Tôi đồng ý với ý kiến trên (Anh Đức, 18 tuổi, học sinh)"),
            None
        );
        assert_eq!(split_caption("Hội nghị lần thứ 30 (năm 2018)"), None);
        assert_eq!(split_caption("Đây là bức ảnh đẹp nhất"), None);
    }

    #[test]
    fn bylines_and_sources() {
        for b in [
            "M.H",
            "Phương Diệp (TTXVN/Vietnam+)",
            "Minh Hải",
            "Ngọc Sơn (theo Reuters)",
            "PV",
        ] {
            assert!(byline_like(b), "{b}");
        }
        for b in [
            "Xin cảm ơn ông.",
            "Thân,",
            "Thực hiện:",
            "Hết",
            "Bộ trưởng nói rằng hội nghị đã thành công",
        ] {
            assert!(!byline_like(b), "{b}");
        }
        assert_eq!(source_like("Theo CPV"), Some("Theo CPV"));
        assert_eq!(
            source_like("(Theo Người Lao Động)"),
            Some("Theo Người Lao Động")
        );
        assert_eq!(
            source_like(
                "Theo TTXVN, dự án sẽ tiếp tục tổ chức các hoạt động nhằm nâng cao nhận thức"
            ),
            None
        );
    }

    #[test]
    fn unmarked_captions_need_running_text_around_them() {
        let long = Block::plain(&"Bộ Ngoại giao tổ chức hội nghị tổng kết công tác. ".repeat(8));
        let cap = "Các đại biểu dự hội nghị tại điểm cầu Cao Bằng.";
        assert!(unmarked_caption(cap, Some(&long), Some(&long)));
        assert!(!unmarked_caption(cap, None, Some(&long)));
        let body = "Các đại biểu thống nhất cao với dự thảo nghị quyết.";
        assert!(!unmarked_caption(body, Some(&long), Some(&long)));
    }

    #[test]
    fn datelines() {
        assert_eq!(
            strip_dateline("TTO - Sáng 10-1, Bộ Ngoại giao tổ chức hội nghị"),
            "Sáng 10-1, Bộ Ngoại giao tổ chức hội nghị"
        );
        assert_eq!(
            strip_dateline("(NLĐ)- Ngày 27-3, gia đình anh Chương đã đến"),
            "Ngày 27-3, gia đình anh Chương đã đến"
        );
        assert_eq!(
            strip_dateline("HÀ NỘI - Sáng nay trời mưa to"),
            "HÀ NỘI - Sáng nay trời mưa to"
        );
        assert_eq!(
            strip_dateline("Sáng 10/1, Bộ Ngoại giao tổ chức"),
            "Sáng 10/1, Bộ Ngoại giao tổ chức"
        );
    }
}

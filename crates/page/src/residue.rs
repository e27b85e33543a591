//! What news sites print around an article: the phrase tables and line patterns the cleaner
//! drops.
//!
//! Phrases are matched on [`crate::key::key`]s (folded, lower case, punctuation removed), so
//! `Bình luận`, `BÌNH LUẬN (3)` and `Binh luan:` are one entry. The tables are about how
//! Vietnamese news sites are built (comment forms, "related news" boxes, share buttons), not
//! about any particular page.

use crate::key::words;

/// What a line is, as far as page residue goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Residue {
    /// Not residue.
    Keep,
    /// A residue line on its own (a button, a form field): drop it.
    Line,
    /// The heading of a block that ends the article (comments, "other news", "most read"):
    /// drop it and everything after it.
    Terminal,
    /// The heading of a "related news" box, which some sites put mid-article: drop it and the
    /// headline-like lines that follow.
    Related,
}

/// Headings after which nothing belongs to the article.
const TERMINAL: &[&str] = &[
    "binh luan",
    "viet binh luan",
    "gui binh luan",
    "cac binh luan",
    "y kien",
    "y kien ban doc",
    "y kien cua ban",
    "gui y kien",
    "phan hoi",
    "gui phan hoi",
    "thong tin nguoi gui phan hoi",
    "cac tin khac",
    "cac bai khac",
    "tin khac",
    "tin bai khac",
    "bai khac",
    "tin cung chuyen muc",
    "bai cung chuyen muc",
    "cung chuyen muc",
    "tin moi",
    "tin moi nhat",
    "moi nhat",
    "tin moi cap nhat",
    "xem nhieu",
    "xem nhieu nhat",
    "doc nhieu",
    "doc nhieu nhat",
    "tin doc nhieu",
    "tin xem nhieu",
    "quan tam nhieu",
    "lien ket website",
    "lien ket web",
    "lien ket",
    "tin da dua",
    "cac tin da dua",
    "tin noi bat",
    "tin tieu diem",
    "tieu diem",
    "co the ban quan tam",
    "ban co the quan tam",
    "co the ban chua doc",
    "ban co the thich",
    "dang ky nhan tin",
    "comments",
    "leave a reply",
    "related posts",
    "more stories",
];

/// Headings of "related news" boxes that may sit mid-article.
const RELATED: &[&str] = &[
    "tin lien quan",
    "bai lien quan",
    "tin tuc lien quan",
    "bai viet lien quan",
    "co lien quan",
    "xem them",
    "doc them",
    "tin cung su kien",
    "dong su kien",
    "cung su kien",
    "chu de",
    "tu khoa",
    "read more",
    "see also",
];

/// Buttons, form fields and captcha lines, dropped wherever they appear.
const LINE: &[&str] = &[
    "in bai",
    "in bai viet",
    "ban in",
    "e mail",
    "gui email",
    "chia se",
    "chia se bai viet",
    "chia se facebook",
    "luu bai",
    "luu tin",
    "luu bai viet",
    "gui bai",
    "gui cho ban be",
    "gui toi ban be",
    "len dau trang",
    "ve dau trang",
    "dau trang",
    "tro ve",
    "tro lai",
    "quay lai",
    "ve trang chu",
    "trang chu",
    "lam moi",
    "protected by formshield",
    "so ky tu con lai",
    "co chu",
    "a a",
    "a a a",
    "nghe doc bai",
    "nghe bai viet",
    "doc bai",
    "tai ve",
    "xem anh",
    "xem video",
    "ma xac nhan",
    "nhap ma xac nhan",
    "ma bao ve",
    "ho ten",
    "ho va ten",
    "email cua ban",
    "ten cua ban",
    "copy link",
    "sao chep lien ket",
    "bao loi",
    "theo doi",
    "con tiep",
    "con nua",
    "xem tiep",
    "xem them tin",
    "tro ve dau trang",
    "gui bai viet",
    "xem ban in",
    "dang nhap",
    "dang ky",
];

/// One-word buttons, matched with their diacritics (lower case): folded, "Đóng" (close) would
/// also match "Đồng" (the currency) and "Lưu" (save) the surname.
const LINE_WORDS: &[&str] = &[
    "gửi", "in", "email", "e-mail", "facebook", "twitter", "zalo", "linkedin", "tweet", "like",
    "thích", "share", "print", "lưu", "refresh", "a", "aa", "a+", "a-", "nghe", "video", "đóng",
    "hủy", "hết", "top", "menu", "xem",
];

/// One-word headings of related-news and tag boxes, matched like [`LINE_WORDS`].
const RELATED_WORDS: &[&str] = &["thẻ", "tags", "tag", "related", "keywords"];

/// Line beginnings that mark residue whatever follows: keyword lists, form instructions.
const LINE_PREFIXES: &[&str] = &[
    "tags",
    "tu khoa",
    "the tag",
    "so ky tu con lai",
    "protected by",
    "hay su dung tieng viet co dau",
    "binh luan cua ban se duoc bien tap",
    "ban vui long nhap",
    "vui long nhap",
    "nhap ma",
    "chia se qua",
    "chia se len",
    "theo doi chung toi",
    "theo doi bao",
    "tai ung dung",
    "copyright",
    "ban quyen thuoc",
];

/// Lines longer than this (in bytes) are never residue headings or buttons, so the cleaner
/// skips computing their keys: the body of an article costs one length check per line.
pub(crate) const SHORT_LINE: usize = 160;

/// Classifies a line.
pub(crate) fn classify(text: &str) -> Residue {
    if text.len() > SHORT_LINE {
        return if text.contains("(*)") {
            Residue::Line
        } else {
            Residue::Keep
        };
    }
    classify_keyed(text, &crate::key::key(text))
}

/// [`classify`] with the line's [`crate::key::key`] already computed.
pub(crate) fn classify_keyed(text: &str, key: &str) -> Residue {
    // A comment form's required-field marker, or a line of symbols only ("***", "|").
    if key.is_empty() || text.contains("(*)") {
        return Residue::Line;
    }
    // Residue lines are short; the whole body of an article skips the tables. A heading or a
    // button is words and heading punctuation only: "% phản hồi" in a table is not "Phản hồi".
    if words(key) > 10 || !text.chars().all(heading_char) {
        return Residue::Keep;
    }
    // "Bình luận (3)", "Ý kiến (12)": a count after the heading.
    let base = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    if TERMINAL.contains(&base) {
        return Residue::Terminal;
    }
    if RELATED.contains(&base) {
        return Residue::Related;
    }
    if LINE.contains(&base) {
        return Residue::Line;
    }
    if !base.contains(' ') {
        let word = tre_text::lower(
            text.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '-'),
        );
        let word =
            word.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '(' || c == ')');
        if LINE_WORDS.contains(&word) {
            return Residue::Line;
        }
        if RELATED_WORDS.contains(&word) {
            return Residue::Related;
        }
    }
    if LINE_PREFIXES
        .iter()
        .any(|p| key.starts_with(p) && key[p.len()..].is_empty_or_space())
    {
        return Residue::Line;
    }
    Residue::Keep
}

/// Characters a residue heading or button may be written with.
fn heading_char(c: char) -> bool {
    c.is_alphanumeric()
        || c.is_whitespace()
        || ('\u{300}'..='\u{36f}').contains(&c)
        || matches!(
            c,
            ':' | '.'
                | '('
                | ')'
                | '['
                | ']'
                | '»'
                | '›'
                | '>'
                | '<'
                | '|'
                | '-'
                | '–'
                | '—'
                | '*'
                | '•'
                | '·'
                | '+'
                | '!'
                | '?'
                | '\''
                | '"'
                | '“'
                | '”'
                | '/'
                | '&'
                | ','
        )
}

trait EmptyOrSpace {
    fn is_empty_or_space(&self) -> bool;
}

impl EmptyOrSpace for str {
    /// The rest of a key after a prefix: empty, or a word boundary.
    fn is_empty_or_space(&self) -> bool {
        self.is_empty() || self.starts_with(' ')
    }
}

/// A media player's time codes: `0:00 / 0:00` (position / length), or a zero `0:00` alone.
/// A lone non-zero time (`4:31:44`) is kept: it is a race result as often as a player.
pub(crate) fn is_time_code(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() || compact.len() > 20 {
        return false;
    }
    let all_zero = compact.bytes().all(|b| b == b'0' || b == b':');
    if !compact.contains('/') && !all_zero {
        return false;
    }
    compact.split('/').all(|part| {
        let fields: Vec<&str> = part.split(':').collect();
        (2..=3).contains(&fields.len())
            && fields
                .iter()
                .all(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// A breadcrumb: `Bạn đang xem: Trang chủ » Thời sự`, `Thời sự > Chính trị`.
pub(crate) fn is_breadcrumb(text: &str, key: &str) -> bool {
    // "Bạn đang xem:" / "Bạn đang ở:" with the colon: "Bạn đang ở lứa tuổi nào?" is a question.
    if (key.starts_with("ban dang xem") || key.starts_with("ban dang o ") || key == "ban dang o")
        && words(text) <= 15
    {
        let f = tre_text::fold(text);
        let after = f
            .strip_prefix("ban dang xem")
            .or_else(|| f.strip_prefix("ban dang o"))
            .unwrap_or("");
        if after.trim_start().starts_with(':') {
            return true;
        }
    }
    let separators = text.matches(['»', '›', '>']).count() + text.matches(" / ").count();
    separators >= 1
        && words(text) <= 15
        && !crate::key::ends_sentence(text)
        && (key.starts_with("trang chu") || key.starts_with("home") || separators >= 2 || {
            // "Thời sự » Chính trị": short capitalised items on both sides.
            text.split(['»', '›', '>'])
                .all(|part| (1..=4).contains(&words(part)))
        })
}

/// A headline in a list of links ("related news"): short, not a sentence.
pub(crate) fn is_headline_like(text: &str) -> bool {
    let n = words(text);
    n <= 30 && !text.trim_end().ends_with(['.', ':'])
}

/// A VnExpress-style related-news line with its date glued on: `Tiêu đề(30/11/2004)`,
/// `Tiêu đề (22/02)`.
pub(crate) fn is_dated_headline(text: &str) -> bool {
    let t = text.trim_end();
    let Some(inner) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let date = &inner[open + 1..];
    let parts: Vec<&str> = date.split('/').collect();
    open > 0
        && (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && words(&inner[..open]) <= 30
}

/// A line naming the site with its address, `Báo Thế giới & Việt Nam - https://baoquocte.vn/`,
/// or a bare address. Returns the site's name when the line gives one.
pub(crate) fn site_line(text: &str) -> Option<Option<&str>> {
    let lower_has_url =
        text.contains("http://") || text.contains("https://") || text.contains("www.");
    if !lower_has_url || words(text) > 15 {
        return None;
    }
    let url_start = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| text.find(p))
        .min()?;
    let before = text[..url_start].trim_end();
    let after = text[url_start..].trim();
    // Only the address after it: otherwise this is a sentence that mentions a website.
    if after.contains(' ') {
        return None;
    }
    if before.is_empty() {
        return Some(None);
    }
    let name = before
        .trim_end_matches(['-', '|', '–', '—', ':', ' '])
        .trim();
    if name.is_empty() || words(name) > 8 || crate::key::ends_sentence(name) {
        return None;
    }
    Some(Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::key;

    fn class(s: &str) -> Residue {
        classify(s)
    }

    #[test]
    fn residue_tables() {
        assert_eq!(class("Viết bình luận"), Residue::Terminal);
        assert_eq!(class("BÌNH LUẬN (3)"), Residue::Terminal);
        assert_eq!(class("Có thể bạn quan tâm"), Residue::Terminal);
        assert_eq!(class("Tin liên quan"), Residue::Related);
        assert_eq!(class(" (*) "), Residue::Line);
        assert_eq!(class("Số ký tự còn lại:"), Residue::Line);
        assert_eq!(class("Protected by FormShield"), Residue::Line);
        assert_eq!(class("Từ khóa: ngoại giao, Bộ Ngoại giao"), Residue::Line);
        assert_eq!(
            class("Bình luận về chính sách đối ngoại của Việt Nam"),
            Residue::Keep
        );
        assert_eq!(class("Gửi lời chúc mừng"), Residue::Keep);
        assert_eq!(class("% phản hồi"), Residue::Keep);
        assert_eq!(class("Gửi"), Residue::Line);
        assert_eq!(class("Đóng"), Residue::Line);
        assert_eq!(class("Đồng"), Residue::Keep);
        assert_eq!(class("Lưu"), Residue::Line);
        assert_eq!(class("Thẻ:"), Residue::Related);
        assert_eq!(class("Phản hồi:"), Residue::Terminal);
    }

    #[test]
    fn patterns() {
        assert!(is_time_code("0:00 / 0:00"));
        assert!(is_time_code("0:00"));
        assert!(!is_time_code("10:30 sáng"));
        assert!(!is_time_code("4:31:44"));
        assert!(is_time_code("1:05 / 3:20"));
        assert!(is_breadcrumb(
            "Bạn đang xem: Trang chủ » Thời sự",
            &key("Bạn đang xem")
        ));
        assert!(is_breadcrumb("Thời sự » Chính trị", "thoi su chinh tri"));
        assert!(is_dated_headline("Chùm ảnh hoa Đà Lạt(30/11/2004)"));
        assert!(!is_dated_headline("Hội nghị (năm 2018)"));
        assert_eq!(
            site_line("Báo Thế giới & Việt Nam - https://baoquocte.vn/"),
            Some(Some("Báo Thế giới & Việt Nam"))
        );
        assert_eq!(site_line("https://baoquocte.vn/abc"), Some(None));
        assert_eq!(
            site_line("Xem thêm tại https://x.vn và các trang khác"),
            None
        );
    }
}

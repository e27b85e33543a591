//! Cleaning plain text: scraped page text (title first, residue around the body) and JSON
//! Lines records that carry title and text separately.

use crate::clean::{self, Block, Parts};
use crate::dates;
use crate::key::{key, tidy, words};
use crate::residue::{self, Residue};
use crate::roles;
use crate::{Page, PageError, assemble};
use tre_text::normalize;

/// Lines before the title that may be site chrome (breadcrumb, date header, menu words).
const MAX_HEADER_LINES: usize = 8;
/// Lines under the title that may hold the article's date.
const MAX_DATE_LINES_AFTER_TITLE: usize = 2;

/// Cleans scraped page text such as `samples/seeds/*.txt`.
///
/// The title is the first line that is not a breadcrumb (`Bạn đang xem: Trang chủ » Thời sự`),
/// a date header (`Thứ hai, 08/08/2022`, kept as [`Page::page_date`]) or a residue line. A
/// date-only line right under the title is the article's [`Page::published`] date.
pub fn clean_text_page(text: &str) -> Result<Page, PageError> {
    let norm = normalize(text);
    let lines: Vec<&str> = norm.lines().filter(|l| !l.is_empty()).collect();
    let mut parts = Parts::default();

    let mut i = 0;
    while i < lines.len() && i < MAX_HEADER_LINES {
        let l = lines[i];
        let k = key(l);
        if residue::is_breadcrumb(l, &k)
            || residue::is_time_code(l)
            || residue::classify_keyed(l, &k) != Residue::Keep
        {
            i += 1;
            continue;
        }
        if let Some(when) = dates::parse_date_line(l) {
            parts.page_date.get_or_insert_with(|| when.iso());
            i += 1;
            continue;
        }
        break;
    }
    let Some(title) = lines.get(i).copied() else {
        return Err(PageError::NoTitle);
    };
    i += 1;
    if words(title) > 40 {
        parts.warn(format!(
            "the first line has {} words, long for a title: the page may have lost its headline",
            words(title)
        ));
    }
    skip_dates_under_title(&lines, &mut i, &mut parts);
    let blocks: Vec<Block> = lines[i..].iter().map(|l| Block::plain(l)).collect();
    clean::clean_body(title, &blocks, &mut parts, clean::Source::Text);
    assemble(title.to_owned(), parts, None)
}

fn skip_dates_under_title(lines: &[&str], i: &mut usize, parts: &mut Parts) {
    let stop = (*i + MAX_DATE_LINES_AFTER_TITLE).min(lines.len());
    let mut j = *i;
    while j < stop {
        let l = lines[j];
        if let Some(when) = dates::parse_date_line(l) {
            parts.published.get_or_insert_with(|| when.iso());
            j += 1;
            *i = j;
            continue;
        }
        if residue::is_breadcrumb(l, &key(l)) {
            j += 1;
            *i = j;
            continue;
        }
        break;
    }
}

/// Cleans a record that carries its title and text separately (the JSON Lines corpora).
///
/// The text usually repeats the title as its first line: that line is dropped. Some corpora's
/// titles are the whole first paragraph; such a title is kept as it is and not repeated in the
/// body, except that an agency dateline inside it (`Headline (NLĐ)- Lead…`) separates the
/// headline from the lead.
pub fn clean_article(title: &str, text: &str) -> Result<Page, PageError> {
    let norm = normalize(text);
    let lines: Vec<&str> = norm.lines().filter(|l| !l.is_empty()).collect();
    let mut parts = Parts::default();
    // Titles are one line; a record may still carry line breaks in one.
    let norm_title = normalize(title);
    let mut title_text = norm_title
        .lines()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut i = 0;
    if title_text.is_empty() {
        let Some(first) = lines.first() else {
            return Err(PageError::NoTitle);
        };
        title_text = (*first).to_owned();
        i = 1;
        parts.warn("the record has no title; the first line of its text is used".to_owned());
    }
    let title_key = key(&title_text);
    if i == 0
        && let Some(first) = lines.first()
    {
        let first_key = key(first);
        // The text repeats the title (or the part of a long title that fits on its first line).
        if !first_key.is_empty() && title_key.starts_with(&first_key) {
            i = 1;
        }
    }
    // A whole paragraph as the title: split off the lead at an agency dateline.
    if words(&title_text) > 25
        && let Some((headline, lead)) = split_at_dateline(&title_text)
    {
        parts.lead = Some(lead.to_owned());
        title_text = headline.to_owned();
    }
    skip_dates_under_title(&lines, &mut i, &mut parts);
    let blocks: Vec<Block> = lines[i..].iter().map(|l| Block::plain(l)).collect();
    clean::clean_body(&title_text, &blocks, &mut parts, clean::Source::Text);
    // A one-paragraph record whose title is that paragraph: the paragraph is the article, so
    // it is the lead too rather than lost.
    if parts.lead.is_none() && parts.paragraphs.is_empty() && words(&title_text) > 25 {
        parts.lead = Some(title_text.clone());
    }
    assemble(title_text, parts, None)
}

/// `Thành lập dự án POLICY (NLĐ)- Quỹ hỗ trợ…` → (`Thành lập dự án POLICY`, `Quỹ hỗ trợ…`).
fn split_at_dateline(title: &str) -> Option<(&str, &str)> {
    let mut from = 0;
    while let Some(pos) = title[from..].find('(') {
        let open = from + pos;
        from = open + 1;
        if words(&title[..open]) > 40 {
            return None;
        }
        let Some(n) = roles::dateline_len(&title[open..]) else {
            continue;
        };
        let headline = tidy(&title[..open]);
        let lead = tidy(&title[open + n..]);
        if words(headline) >= 2 && words(lead) >= 5 {
            return Some((headline, lead));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_splits_paragraph_titles() {
        let t = "Một gia đình cúng chuông đồng cho di tích thành cổ (NLĐ)- Ngày 27-3, gia đình anh \
                 Phan Thanh Chương đã đến cúng một quả chuông đồng mới đúc cho di tích thành cổ.";
        let (h, l) = split_at_dateline(t).expect("split");
        assert_eq!(h, "Một gia đình cúng chuông đồng cho di tích thành cổ");
        assert!(l.starts_with("Ngày 27-3, gia đình"));
        assert_eq!(
            split_at_dateline("Hội nghị (lần thứ 30) đã diễn ra tốt đẹp"),
            None
        );
    }
}

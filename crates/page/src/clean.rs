//! The body cleaner every entry point shares: from the blocks under a title to a lead,
//! paragraphs, captions, credits, byline and source line.
//!
//! A *block* is one line of scraped text or one paragraph-level element of an HTML page,
//! already normalised. The cleaner walks the blocks once, in order, dropping what the page put
//! around the article (see [`crate::residue`]) and sorting the rest into the fields of a
//! [`crate::Page`]. Every rule is a property of how news pages are laid out (alt text repeats
//! the title, a caption ends with its photo credit, a byline is a short name at the end), so
//! the same rules serve the seed files, the bulk corpus and HTML pages.

use crate::dates;
use crate::key::{ends_with_ellipsis, key, tidy, words};
use crate::residue::{self, Residue};
use crate::roles::{
    byline_like, is_by_word, source_like, split_caption, strip_by, strip_dateline, unmarked_caption,
};
use std::collections::HashSet;

/// What the page's markup says a block is (HTML only; scraped text has no hints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    Plain,
    Lead,
    Caption,
    Credit,
    Heading,
    Byline,
}

/// One normalised, single-line, non-empty piece of the page.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub text: String,
    pub hint: Hint,
}

impl Block {
    pub fn plain(text: &str) -> Block {
        Block {
            text: text.to_owned(),
            hint: Hint::Plain,
        }
    }
}

/// The fields of a page as the cleaner finds them.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub lead: Option<String>,
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
    pub byline: Option<String>,
    pub source_line: Option<String>,
    pub published: Option<String>,
    pub page_date: Option<String>,
    pub site_name: Option<String>,
    pub warnings: Vec<String>,
    caption_keys: HashSet<String>,
    caption_texts: HashSet<String>,
    credit_set: HashSet<String>,
}

impl Parts {
    /// Records a warning (normalised, like every string of a page).
    pub fn warn(&mut self, message: String) {
        let w = tre_text::normalize(&message);
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }

    fn add_caption(&mut self, caption: &str) {
        let caption = tidy(caption);
        if caption.is_empty() {
            return;
        }
        if self.caption_keys.insert(key(caption)) {
            self.captions.push(caption.to_owned());
        }
        self.caption_texts.insert(caption.to_owned());
    }

    fn add_credit(&mut self, credit: &str) {
        let credit = tidy(credit.trim_end_matches(['.', ')', ',']));
        if !credit.is_empty() && self.credit_set.insert(credit.to_owned()) {
            self.credits.push(credit.to_owned());
        }
    }
}

/// Longest caption taken as one: captions are a sentence or two, article paragraphs longer.
const MAX_CAPTION_WORDS: usize = 80;
/// A line repeated right after itself is dropped from this length on; shorter repeats are
/// legitimate (table cells).
const DEDUP_MIN_WORDS: usize = 3;

/// How the body walk treats the next block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Anything,
    /// The previous line was an image's alt text: a short line after it is that image's
    /// caption.
    Caption,
}

/// Where the blocks come from, for the few rules that depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Scraped page text: an image's alt text (the title again) is followed by its caption.
    Text,
    /// HTML: alt text is not text, so a line repeating the title is just the headline.
    Html,
}

/// Cleans the body blocks under `title` into `parts`.
pub(crate) fn clean_body(title: &str, blocks: &[Block], parts: &mut Parts, source: Source) {
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut prev_text: &str = "";
    let mut expect = Expect::Anything;
    let n = blocks.len();
    let mut i = 0;
    while i < n {
        let b = &blocks[i];
        let text = b.text.as_str();
        i += 1;

        if residue::is_time_code(text) {
            continue;
        }
        // Keys only for short lines: residue and breadcrumbs are short.
        let k = if text.len() <= residue::SHORT_LINE {
            key(text)
        } else {
            String::new()
        };
        let class = if k.is_empty() {
            residue::classify(text)
        } else {
            residue::classify_keyed(text, &k)
        };
        match class {
            Residue::Keep => {}
            Residue::Line => continue,
            Residue::Terminal => {
                // Before any text it is navigation at the top of the page; after, the end.
                if kept.is_empty() {
                    continue;
                }
                break;
            }
            Residue::Related => {
                while i < n
                    && residue::is_headline_like(&blocks[i].text)
                    && residue::classify(&blocks[i].text) != Residue::Terminal
                {
                    i += 1;
                }
                continue;
            }
        }
        if !k.is_empty() && residue::is_breadcrumb(text, &k) {
            continue;
        }
        // Image alt text: the title again, "<title> ảnh 2", or the title broken over lines.
        if !title.is_empty()
            && let Some(consumed) = alt_text_len(title, text, &blocks[i..])
        {
            i += consumed;
            if source == Source::Text {
                expect = Expect::Caption;
            }
            continue;
        }
        // The same line twice in a row (a caption printed twice), or a caption repeated in the
        // body. Other repeats are left alone: legal texts repeat whole sentences.
        if (text == prev_text || parts.caption_texts.contains(text))
            && words(text) >= DEDUP_MIN_WORDS
        {
            continue;
        }
        prev_text = text;

        // A date alone on a line at the top or the bottom is the article's date; in the middle
        // it is content (a chronology, a biography).
        if let Some(when) = dates::parse_date_line(text)
            && (kept.len() < 2 || i + 2 >= n)
        {
            parts.published.get_or_insert_with(|| when.iso());
            continue;
        }
        if matches!(b.hint, Hint::Caption | Hint::Credit) || expect == Expect::Caption {
            expect = Expect::Anything;
            let split = split_caption(text);
            if b.hint == Hint::Credit && words(text) <= 8 {
                let credit = split.as_ref().and_then(|s| s.credit).unwrap_or(text);
                parts.add_credit(credit);
                continue;
            }
            if words(text) <= MAX_CAPTION_WORDS && !ends_with_ellipsis(text) {
                match split {
                    Some(s) => {
                        parts.add_caption(s.caption);
                        if let Some(c) = s.credit {
                            parts.add_credit(c);
                        }
                    }
                    None => parts.add_caption(text),
                }
                continue;
            }
        }
        if words(text) <= MAX_CAPTION_WORDS
            && let Some(s) = split_caption(text)
        {
            parts.add_caption(s.caption);
            if let Some(c) = s.credit {
                parts.add_credit(c);
            }
            continue;
        }
        if unmarked_caption(text, kept.last(), blocks.get(i)) {
            parts.add_caption(text);
            continue;
        }
        // A teaser: the start of what follows, cut off with an ellipsis.
        if ends_with_ellipsis(text) && words(text) >= 12 && is_teaser(&key(text), &blocks[i..]) {
            continue;
        }
        if b.hint == Hint::Byline && words(text) <= 12 {
            let name = strip_by(text);
            if parts.byline.is_none() && !is_by_word(name) {
                parts.byline = Some(name.to_owned());
            }
            continue;
        }
        kept.push(b.clone());
    }

    // Related-news lines with their dates glued on, at the very end (old VnExpress).
    while kept.len() > 1
        && kept
            .last()
            .is_some_and(|b| residue::is_dated_headline(&b.text))
    {
        kept.pop();
    }
    // Byline, source line and the site's footer line, in any order, at the end.
    for _ in 0..4 {
        let Some(last) = kept.last() else { break };
        if last.hint == Hint::Heading {
            break;
        }
        if let Some(site) = residue::site_line(&last.text) {
            if let Some(name) = site {
                parts.site_name.get_or_insert_with(|| name.to_owned());
            }
        } else if parts.source_line.is_none()
            && let Some(src) = source_like(&last.text)
        {
            parts.source_line = Some(src.to_owned());
        } else if parts.byline.is_none() && kept.len() > 1 && byline_like(&last.text) {
            parts.byline = Some(last.text.clone());
        } else {
            break;
        }
        kept.pop();
    }

    let lead_at = kept.iter().position(|b| b.hint == Hint::Lead);
    let lead = match lead_at {
        Some(at) => Some(kept.remove(at)),
        None if parts.lead.is_none() && !kept.is_empty() => Some(kept.remove(0)),
        None => None,
    };
    if let Some(lead) = lead {
        let text = strip_dateline(&lead.text);
        if parts.lead.is_none() {
            parts.lead = Some(text.to_owned());
        } else {
            parts.paragraphs.insert(0, text.to_owned());
        }
    }
    parts.paragraphs.extend(kept.into_iter().map(|b| b.text));
}

/// If `text` (and maybe the lines after it) is image alt text repeating the title, returns how
/// many *following* blocks belong to it. Alt text repeats the title verbatim, so the test is
/// exact: a poem line or a list heading that merely reads like the title is kept.
fn alt_text_len(title: &str, text: &str, rest: &[Block]) -> Option<usize> {
    if text == title {
        return Some(0);
    }
    if let Some(tail) = text.strip_prefix(title) {
        // "<title> ảnh 1", "<title> hình 2".
        let t: Vec<String> = tail.split_whitespace().map(key).collect();
        let numbered = |w: &str| w == "anh" || w == "hinh";
        let ok = match t.as_slice() {
            [w] => numbered(w),
            [w, n] => numbered(w) && n.bytes().all(|b| b.is_ascii_digit()),
            _ => false,
        };
        return ok.then_some(0);
    }
    // The title broken over two or three lines.
    if words(text) >= 3 && title.starts_with(text) && title[text.len()..].starts_with(' ') {
        let mut acc = text.to_owned();
        for (j, b) in rest.iter().take(3).enumerate() {
            acc.push(' ');
            acc.push_str(&b.text);
            if acc == title {
                return Some(j + 1);
            }
            if !title.starts_with(acc.as_str()) {
                break;
            }
        }
    }
    None
}

/// A paragraph that ends in an ellipsis and is a prefix of what follows it.
fn is_teaser(k: &str, rest: &[Block]) -> bool {
    if k.is_empty() {
        return false;
    }
    let mut acc = String::with_capacity(k.len() + 64);
    for b in rest.iter().take(30) {
        if !acc.is_empty() {
            acc.push(' ');
        }
        acc.push_str(&key(&b.text));
        if acc.len() >= k.len() {
            break;
        }
    }
    acc.len() > k.len() && acc.starts_with(k)
}

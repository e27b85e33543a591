//! tre-page: from the bytes of a news page to a clean [`Page`], between reading a file and
//! storing an article.
//!
//! - [`decode()`] / [`decode_html()`] turn bytes into text: UTF-8, UTF-16, Windows-1258, TCVN3,
//!   double-encoded UTF-8 repaired, binary files refused with a message saying what they are.
//! - [`clean_text_page`], [`clean_html_page`] and [`clean_article`] find the title, lead, body,
//!   captions, photo credits, byline, source line and dates, and drop what the site printed
//!   around the article (player time codes, alt text, comment forms, "related news").
//!
//! **Architecture invariants:** pure code, no file or network I/O. Every string field of a
//! returned [`Page`] has been through [`tre_text::normalize()`] exactly once: the cleaners
//! normalise their input once and then only cut it at word boundaries, so nothing downstream
//! normalises again.

mod clean;
mod dates;
pub mod decode;
mod html;
mod key;
mod residue;
mod roles;
pub mod tcvn3;
mod text;

pub use decode::{DecodeError, Decoded, decode, decode_html};
pub use html::clean_html_page;
pub use text::{clean_article, clean_text_page};

use serde::{Deserialize, Serialize};

/// A cleaned news article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Page {
    /// The headline.
    pub title: String,
    /// The sapo / standfirst: the first paragraph under the title.
    pub lead: Option<String>,
    /// Body paragraphs in order, without the lead.
    pub paragraphs: Vec<String>,
    /// Photo captions without their credits, each once.
    pub captions: Vec<String>,
    /// Photo credits as written: `Đăng Khoa`, `Lâm Khánh/TTXVN`.
    pub credits: Vec<String>,
    /// The author line: `Phương Diệp (TTXVN/Vietnam+)`, `M.H`.
    pub byline: Option<String>,
    /// Where the article was taken from: `Theo CPV`, `Theo TTXVN`.
    pub source_line: Option<String>,
    /// The article's own date: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, Vietnamese local time.
    pub published: Option<String>,
    /// A date the site prints in its header for the page view (not the article's date).
    pub page_date: Option<String>,
    /// The page's address (HTML `og:url` / canonical link).
    pub url: Option<String>,
    /// The site's name (`og:site_name`, or a "Name - https://site/" footer line).
    pub site_name: Option<String>,
    /// Things the user should know that did not stop cleaning (e.g. a truncated download).
    pub warnings: Vec<String>,
}

impl Page {
    /// The lead and the paragraphs, separated by blank lines: the article's running text.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for p in self.lead.iter().chain(self.paragraphs.iter()) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(p);
        }
        out
    }
}

/// Why a page could not be cleaned into an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error(
        "no title found: the page has no text besides site residue (menus, dates, forms); \
         check that this is an article page"
    )]
    NoTitle,
    #[error(
        "no article text found under the title {title:?} (the page may be truncated or not an \
         article)"
    )]
    NoText { title: String },
}

/// Assembles a page from cleaned parts: fields must already be normalised text.
fn assemble(title: String, parts: clean::Parts, url: Option<String>) -> Result<Page, PageError> {
    if parts.lead.is_none() && parts.paragraphs.is_empty() {
        return Err(PageError::NoText { title });
    }
    Ok(Page {
        title,
        lead: parts.lead,
        paragraphs: parts.paragraphs,
        captions: parts.captions,
        credits: parts.credits,
        byline: parts.byline,
        source_line: parts.source_line,
        published: parts.published,
        page_date: parts.page_date,
        url,
        site_name: parts.site_name,
        warnings: parts.warnings,
    })
}

//! Integration tests of tre-briefing: a briefing assembled from the seed articles, checked as
//! a reader would check it in each format. No test needs `../shared` or LibreOffice.

mod assembly;
mod docx;
mod fixture;
mod hostile;
mod html;
mod markdown;
mod ranking;
mod summarizer;

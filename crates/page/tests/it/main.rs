//! Integration tests of tre-page, one binary with a module per area: the five seed articles,
//! HTML pages modelled on real Vietnamese news sites, decoding of every supported encoding,
//! JSON Lines records, and property tests over arbitrary input.
//!
//! Everything here reads only the repository (`samples/seeds`, `tests/fixtures`), so the tests
//! pass on a fresh clone without `../shared`.

mod article;
mod decode;
mod html;
mod props;
mod seeds;

use std::path::{Path, PathBuf};
use tre_page::Page;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .to_path_buf()
}

/// The seed article whose file name starts with `prefix` (`"003"`).
pub fn seed(prefix: &str) -> String {
    let dir = repo_root().join("samples/seeds");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    entries.sort();
    let path = entries
        .first()
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file under `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every string a page carries.
pub fn all_strings(p: &Page) -> Vec<&str> {
    let mut v: Vec<&str> = vec![p.title.as_str()];
    v.extend(p.lead.as_deref());
    v.extend(p.paragraphs.iter().map(String::as_str));
    v.extend(p.captions.iter().map(String::as_str));
    v.extend(p.credits.iter().map(String::as_str));
    v.extend(p.byline.as_deref());
    v.extend(p.source_line.as_deref());
    v.extend(p.published.as_deref());
    v.extend(p.page_date.as_deref());
    v.extend(p.url.as_deref());
    v.extend(p.site_name.as_deref());
    v.extend(p.warnings.iter().map(String::as_str));
    v
}

/// The invariants every page keeps: every string normalised and non-empty, body paragraphs
/// on one line each.
pub fn assert_page_invariants(p: &Page) {
    for s in all_strings(p) {
        assert!(!s.is_empty(), "empty string in {p:#?}");
        assert!(tre_text::is_normalized(s), "not normalised: {s:?}");
    }
    for para in p.lead.iter().chain(&p.paragraphs).chain(&p.captions) {
        assert!(!para.contains('\n'), "line break inside {para:?}");
    }
}

/// Asserts that none of `needles` occurs anywhere in the page's running text.
pub fn assert_body_lacks(p: &Page, needles: &[&str]) {
    let body = p.body_text();
    for n in needles {
        assert!(!body.contains(n), "{n:?} left in the body:\n{body}");
    }
}

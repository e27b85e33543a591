//! The five seed articles (`samples/seeds/`, in the repository): every document number, date,
//! time and amount in them comes out whole, and segmentation keeps every character.

use crate::seg;
use tre_segment::WordKind;

fn seeds() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/seeds");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("seed text");
            out.push((path.display().to_string(), tre_text::normalize(&text)));
        }
    }
    assert_eq!(out.len(), 5, "expected the five seed articles");
    out
}

fn around(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '…' | '.')
}

/// Byte ranges of the white-space chunks holding a digit, less the punctuation around them.
fn numeric_chunks(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += chunk.len();
        let lead = chunk.len() - chunk.trim_start_matches(around).len();
        let body = chunk.trim().trim_matches(around);
        if body.chars().any(|c| c.is_ascii_digit()) {
            out.push(start + lead..start + lead + body.len());
        }
    }
    out
}

#[test]
fn every_numeric_unit_in_the_seeds_is_one_word() {
    let mut checked = 0;
    for (name, text) in seeds() {
        let ws = seg().words(&text);
        for chunk in numeric_chunks(&text) {
            // Whole: one word covers the unit (a term like `2023 - 2026` may cover more).
            let whole = ws
                .iter()
                .any(|w| w.start <= chunk.start && chunk.end <= w.end);
            assert!(whole, "{name}: {:?} was split", &text[chunk]);
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} units checked");
}

#[test]
fn seed_document_numbers_and_dates_are_typed() {
    let all: String = seeds().into_iter().map(|(_, t)| t + "\n").collect();
    let ws = seg().words(&all);
    let kind = |needle: &str| {
        ws.iter()
            .find(|w| w.text(&all) == needle)
            .map(|w| w.kind)
            .unwrap_or_else(|| panic!("{needle} not found"))
    };
    for doc in ["34-NQ/TW", "15-CT/TW", "43-QĐ/TW", "21-KL/TW"] {
        assert_eq!(kind(doc), WordKind::DocumentNumber, "{doc}");
    }
    for date in ["29/3", "9/1/2023", "28/4", "26/11/2019", "10/01/2023"] {
        assert_eq!(kind(date), WordKind::Date, "{date}");
    }
    assert_eq!(kind("17:37"), WordKind::Time);
    assert_eq!(kind("2023-2026"), WordKind::Range);
}

#[test]
fn seeds_keep_every_character() {
    for (name, text) in seeds() {
        for line in text.lines() {
            let out = seg().segment_line(line);
            let a: String = out
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '_')
                .collect();
            let b: String = line
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '_')
                .collect();
            assert_eq!(a, b, "{name}");
        }
    }
}

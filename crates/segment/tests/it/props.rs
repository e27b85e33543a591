//! Properties: syllable conservation on any input, idempotence on segmented output, and the
//! two tone-mark placements segmenting identically.

use crate::seg;
use proptest::prelude::*;

const SYLLABLES: &[&str] = &[
    "Bộ",
    "trưởng",
    "Ngoại",
    "giao",
    "Bùi",
    "Thanh",
    "Sơn",
    "Việt",
    "Nam",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "tỉnh",
    "Khánh",
    "Hòa",
    "hòa",
    "bình",
    "thủy",
    "sản",
    "hóa",
    "học",
    "văn",
    "công",
    "tác",
    "đối",
    "ngoại",
    "phát",
    "triển",
    "đất",
    "nước",
    "Hà",
    "Nội",
    "quan",
    "hệ",
    "hợp",
    "tác",
    "kinh",
    "tế",
    "xã",
    "hội",
    "ngày",
    "tháng",
    "năm",
    "của",
    "và",
    "các",
    "những",
    "là",
    "có",
    "được",
    "đã",
    "sẽ",
    "Nhật",
    "Bản",
    "Trung",
    "Quốc",
    "Liên",
    "hợp",
    "quốc",
    "tùy",
    "lũy",
    "khỏe",
    "UBND",
    "TP.HCM",
    "34-NQ/TW",
    "9/1/2023",
    "2023-2026",
    "1.500",
    "2,5%",
    ",",
    ".",
    ":",
    ";",
    "(",
    ")",
    "“",
    "”",
    "...",
    "?",
    "!",
    "-",
];

/// Canonical (tre) placement and the other one.
const TONE_VARIANTS: &[(&str, &str)] = &[
    ("Ủy", "Uỷ"),
    ("Hòa", "Hoà"),
    ("hòa", "hoà"),
    ("thủy", "thuỷ"),
    ("hóa", "hoá"),
    ("tùy", "tuỳ"),
    ("lũy", "luỹ"),
    ("khỏe", "khoẻ"),
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SYLLABLES), 0..40).prop_map(|v| v.join(" "))
}

/// The separators between the syllables of a segmented line: `_` inside words, ` ` between.
fn separators(line: &str) -> Vec<char> {
    line.chars().filter(|&c| c == ' ' || c == '_').collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn output_keeps_every_character_of_any_input(text in any::<String>()) {
        let out = seg().segment_line(&text);
        let a: String = out.chars().filter(|c| !c.is_whitespace() && *c != '_').collect();
        let b: String = text.chars().filter(|c| !c.is_whitespace() && *c != '_').collect();
        prop_assert_eq!(a, b);
        prop_assert!(!out.contains('\n'));
    }

    #[test]
    fn words_cover_any_input_in_order(text in "[a-zA-Z0-9àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ .,;:!?/()\"'\n%@-]{0,200}") {
        let ws = seg().words(&text);
        let mut last = 0;
        let mut covered = String::new();
        for w in &ws {
            prop_assert!(w.start >= last && w.start < w.end && w.end <= text.len());
            covered.push_str(&text[w.start..w.end]);
            last = w.end;
        }
        let a: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
        let b: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn segmenting_segmented_output_changes_nothing(text in sentence()) {
        let once = seg().segment_line(&text);
        let twice = seg().segment_line(&once.replace('_', " "));
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn tone_placements_segment_identically(text in sentence()) {
        let mut other = text.clone();
        for (canonical, variant) in TONE_VARIANTS {
            other = other.replace(canonical, variant);
        }
        let a = seg().segment_line(&text);
        let b = seg().segment_line(&other);
        prop_assert_eq!(separators(&a), separators(&b), "{} | {}", a, b);
    }
}

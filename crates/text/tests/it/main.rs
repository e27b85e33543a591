//! Property tests of the normalisation every string in tre goes through.

use proptest::prelude::*;
use tre_text::{fold, is_normalized, normalize, tokens};
use unicode_normalization::UnicodeNormalization;

/// Vietnamese letters, both tone placements' raw material, spaces and punctuation.
const VIET: &str = "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ0-9 \t\n.,;:!?()/\"“”'-]{0,120}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn idempotent_on_vietnamese(s in VIET) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert!(is_normalized(&once));
    }

    #[test]
    fn idempotent_on_anything(s in any::<String>()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn output_is_nfc(s in any::<String>()) {
        let n = normalize(&s);
        prop_assert!(unicode_normalization::is_nfc(&n));
    }

    #[test]
    fn decomposed_input_normalises_like_composed(s in VIET) {
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(normalize(&nfd), normalize(&s));
    }

    #[test]
    fn normalising_never_changes_letters_only_tone_position(s in VIET) {
        // Folding ignores tone placement, so it is unchanged by normalisation (white space aside).
        let squash = |x: &str| fold(x).split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(squash(&normalize(&s)), squash(&s));
    }

    #[test]
    fn tokens_never_panic_and_cover_letters(s in any::<String>()) {
        for t in tokens(&s) {
            prop_assert!(!t.is_empty());
            let is_mark = |c: char| ('\u{300}'..='\u{36f}').contains(&c);
            let ok = t.chars().all(|c| c.is_alphanumeric() || is_mark(c));
            prop_assert!(ok, "token {:?}", t);
        }
    }
}

/// Onsets × the open rhymes whose tone placement varies × every tone: both placements must
/// normalise to the same string.
#[test]
fn both_tone_placements_are_one_form() {
    let onsets = [
        "", "h", "kh", "th", "t", "l", "x", "ng", "nh", "qu", "h", "tr", "s", "ch",
    ];
    // (new placement, old placement) templates with T marking the toned vowel.
    let pairs = [("oa", 1, 0), ("oe", 1, 0), ("uy", 1, 0)];
    let tones = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
    let mut checked = 0;
    for onset in onsets {
        for (rhyme, new_at, old_at) in pairs {
            if onset == "qu" && rhyme == "uy" {
                continue;
            }
            for tone in tones {
                let place = |at: usize| -> String {
                    let mut s = String::from(onset);
                    for (i, c) in rhyme.chars().enumerate() {
                        s.push(c);
                        if i == at {
                            s.push(tone);
                        }
                    }
                    s.nfc().collect()
                };
                let (new, old) = (place(new_at), place(old_at));
                assert_eq!(normalize(&new), normalize(&old), "{new} vs {old}");
                assert_eq!(normalize(&new), old, "old placement is canonical: {new}");
                // Capitalised too.
                let cap = |s: &str| {
                    let mut c = s.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                };
                assert_eq!(normalize(&cap(&new)), normalize(&cap(&old)));
                checked += 1;
            }
        }
    }
    assert!(checked > 150);
}

#[test]
fn closed_syllables_keep_their_placement() {
    for w in [
        "hoàng", "khuyến", "toán", "hoạch", "thuyết", "quyết", "nguyễn", "Thủy", "Ủy", "hòa",
        "khỏe", "người", "được", "giữ", "gìn", "quý",
    ] {
        assert_eq!(normalize(w), w, "{w} is already canonical");
    }
}

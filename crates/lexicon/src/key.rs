//! The keys names are looked up by.
//!
//! A key is the name normalised ([`tre_text::normalize`]), cut into tokens the way search cuts
//! text ([`tre_text::tokens`]: runs of letters and digits) and lower-cased, the tokens joined by
//! one space. So `TP.HCM` and `TP HCM`, `Thừa Thiên - Huế` and `Thừa Thiên Huế`, `Uỷ ban` and
//! `Ủy ban` have the same key. The folded key also drops every diacritic
//! ([`tre_text::fold`]): `bo ngoai giao` finds `Bộ Ngoại giao`.

use tre_text::{fold, lower, normalize, tokens};

/// The exact lookup key of a name: normalised, tokenised, lower-cased.
pub fn name_key(name: &str) -> String {
    let normal = normalize(name);
    let mut out = String::with_capacity(normal.len());
    for token in tokens(&normal) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&lower(token));
    }
    out
}

/// The accent-folded lookup key: [`name_key`] without diacritics, `đ` as `d`.
pub fn folded_key(name: &str) -> String {
    fold(&name_key(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_spacing_and_tone_placement_do_not_matter() {
        assert_eq!(name_key("TP.HCM"), name_key("TP HCM"));
        assert_eq!(name_key("Thừa Thiên - Huế"), name_key("Thừa Thiên Huế"));
        assert_eq!(name_key("Uỷ ban  Kiểm tra"), name_key("Ủy ban Kiểm tra"));
        assert_eq!(name_key("Kim Jong-un"), name_key("Kim Jong Un"));
        assert_ne!(name_key("TPHCM"), name_key("TP HCM"));
    }

    #[test]
    fn folding_drops_diacritics_only() {
        assert_eq!(folded_key("Bộ Ngoại giao"), "bo ngoai giao");
        assert_eq!(folded_key("ĐẮK LẮK"), "dak lak");
        assert_eq!(name_key("ĐẮK LẮK"), "đắk lắk");
    }
}

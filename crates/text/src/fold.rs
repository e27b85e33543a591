//! Accent folding: what a query typed without diacritics is compared with.

use crate::letters::fold_char;

/// Lower-case, every diacritic removed, `đ` → `d`: `Bùi Thanh Sơn` → `bui thanh son`,
/// `Đà Nẵng` → `da nang`. Combining marks left over from text that was not normalised are
/// dropped too.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        out.push(fold_char(c));
    }
}

/// Lower-case, diacritics kept.
pub fn lower(s: &str) -> String {
    s.chars().map(crate::letters::lower_char).collect()
}

/// True when `s` has any Vietnamese diacritic (tone, hat, breve, horn or `đ`): a query typed
/// this way asks for those exact letters.
pub fn has_diacritics(s: &str) -> bool {
    s.chars().any(crate::letters::has_diacritic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names_and_places() {
        assert_eq!(fold("Bùi Thanh Sơn"), "bui thanh son");
        assert_eq!(fold("ĐÀ NẴNG"), "da nang");
        assert_eq!(fold("Nguyễn Tấn Dũng"), "nguyen tan dung");
        assert_eq!(fold("TP.HCM"), "tp.hcm");
        assert!(has_diacritics("Biển Đông"));
        assert!(has_diacritics("Dang đi"));
        assert!(!has_diacritics("bien dong"));
    }
}

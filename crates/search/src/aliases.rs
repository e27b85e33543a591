//! Names written several ways that a search for one should find in all its forms.
//!
//! Each group lists phrases (as a user would type them) that mean the same thing. A query
//! containing any one of them matches documents containing any of them. Matching is on folded
//! tokens, so the group applies whether or not the query was typed with diacritics.

/// The built-in groups. Abbreviations that are common words in their own right (`HN`) are left
/// out on purpose: expanding them would flood results.
pub const GROUPS: &[&[&str]] = &[
    &[
        "TP.HCM",
        "TPHCM",
        "Thành phố Hồ Chí Minh",
        "TP Hồ Chí Minh",
        "HCMC",
        "Ho Chi Minh City",
    ],
    &["Liên Hợp Quốc", "Liên Hiệp Quốc", "LHQ"],
    &["Hội đồng Bảo an", "HĐBA"],
    &["Ủy ban nhân dân", "UBND"],
    &["Hội đồng nhân dân", "HĐND"],
    &["Thông tấn xã Việt Nam", "TTXVN"],
    &["Bộ Ngoại giao", "BNG"],
    &["Ban Chấp hành Trung ương", "BCHTW", "BCH TW"],
    &["kinh tế - xã hội", "KT - XH", "KT-XH", "KTXH"],
];

/// A group as folded token sequences, ready for matching.
#[derive(Debug, Clone)]
pub struct AliasGroup {
    pub variants: Vec<Vec<String>>,
}

/// All groups, folded.
pub fn groups() -> Vec<AliasGroup> {
    GROUPS
        .iter()
        .map(|g| AliasGroup {
            variants: g
                .iter()
                .map(|v| crate::analyzer::analyze(&tre_text::normalize(v), true))
                .collect(),
        })
        .collect()
}

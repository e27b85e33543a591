//! TCVN3 ("ABC"), the pre-Unicode Vietnamese font encoding of TCVN 5712:1993, in both
//! directions.
//!
//! # Source of the table
//! The byte → character assignments are those of the Vietnamese national standard
//! TCVN 5712:1993 as implemented by GNU libiconv (`lib/tcvn.h`, LGPL-2.0-or-later) and by
//! XFree86 (`xc/lib/X11/lcUniConv/tcvn.h`, MIT/X11 licence), cross-checked against the ABC table
//! of the `ConvertVNI` helper in the public `backupvietsoft/HRM` repository. A code table of a
//! national standard is a set of facts; the table below was written out by hand for tre from
//! those facts (no code was copied), one row per 16 bytes, and the unit tests pin a sample of
//! it.
//!
//! # The two flavours
//! TCVN 5712 defines VN1 (all 134 Vietnamese letters, the upper-case toned ones squeezed into
//! 0x80–0x9F and a few C0 control positions) and VN3, the subset that the ".VnTime"-style ABC
//! fonts implement: lower-case letters plus Ă Â Ê Ô Ơ Ư Đ in 0xA1–0xFF, upper-case toned letters
//! being drawn with a separate capitals font on the same lower-case codes. Files typed on
//! Windows with ABC fonts carry Windows-1252 punctuation (curly quotes, dashes, "…") in
//! 0x80–0x9F, where VN1 puts capitals. Neither reading is right for every file, so
//! [`decode`] (ABC, Windows punctuation) and [`decode_vn1`] (VN1 capitals) both exist and the
//! decoder picks the one that reads as Vietnamese.

/// 0xA0..=0xFF, shared by VN1 and VN3. 0xB0–0xB4 are the five combining tone marks.
#[rustfmt::skip]
const HIGH: [char; 96] = [
    // 0xA0
    '\u{a0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
    // 0xB0
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
    // 0xC0
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
    // 0xD0
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
    // 0xE0
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // 0xF0
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// 0x80..=0x9F in VN1: upper-case toned letters.
#[rustfmt::skip]
const VN1_80: [char; 32] = [
    // 0x80
    'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ',
    // 0x90
    'Í', 'Ị', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ',
];

/// The C0 positions VN1 reuses for the remaining upper-case toned letters.
const VN1_C0: [(u8, char); 12] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
];

/// Windows-1252 in 0x80..=0x9F (what ABC text typed on Windows carries there). The five
/// positions Windows-1252 leaves undefined decode to the C1 control of the same number, as the
/// WHATWG encoding standard does; normalisation later drops them.
#[rustfmt::skip]
pub(crate) const CP1252_80: [char; 32] = [
    // 0x80
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    // 0x90
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn vn1_c0(b: u8) -> Option<char> {
    VN1_C0.iter().find(|(k, _)| *k == b).map(|(_, c)| *c)
}

/// Decodes ABC (TCVN3/VN3) bytes: ASCII as is, 0x80–0x9F as Windows-1252 punctuation,
/// 0xA0–0xFF from the TCVN table. Tone marks at 0xB0–0xB4 come out as combining characters,
/// which `tre_text::normalize` composes.
pub fn decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        out.push(match b {
            0x00..=0x7f => b as char,
            0x80..=0x9f => CP1252_80[usize::from(b - 0x80)],
            _ => HIGH[usize::from(b - 0xa0)],
        });
    }
    out
}

/// Decodes VN1 bytes: like [`decode`], but 0x80–0x9F and twelve C0 positions are upper-case
/// toned letters.
pub fn decode_vn1(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        out.push(match b {
            0x00..=0x1f => vn1_c0(b).unwrap_or(b as char),
            0x20..=0x7f => b as char,
            0x80..=0x9f => VN1_80[usize::from(b - 0x80)],
            _ => HIGH[usize::from(b - 0xa0)],
        });
    }
    out
}

/// Encodes precomposed (NFC) text as ABC (TCVN3/VN3) bytes, Windows-1252 punctuation
/// included. Returns the first character ABC cannot represent (most upper-case toned
/// letters: ABC fonts draw them with a separate capitals font).
///
/// tre only reads TCVN3; this direction exists so tests (and anyone exporting to a legacy
/// system) can produce real TCVN3 bytes from the same table.
pub fn encode(text: &str) -> Result<Vec<u8>, char> {
    encode_with(text, |c| {
        CP1252_80
            .iter()
            .position(|&h| h == c && !h.is_control())
            .map(|i| 0x80 + i as u8)
    })
}

/// Encodes precomposed (NFC) text as VN1 bytes: every Vietnamese letter, upper-case toned ones
/// at 0x80–0x9F and in the C0 range. Returns the first character VN1 cannot represent (curly
/// quotes and other Windows punctuation among them).
pub fn encode_vn1(text: &str) -> Result<Vec<u8>, char> {
    encode_with(text, |c| {
        VN1_80
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8)
            .or_else(|| VN1_C0.iter().find(|(_, h)| *h == c).map(|(b, _)| *b))
    })
}

fn encode_with(text: &str, extra: impl Fn(char) -> Option<u8>) -> Result<Vec<u8>, char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some(i) = HIGH.iter().position(|&h| h == c) {
            out.push(0xa0 + i as u8);
        } else if let Some(b) = extra(c) {
            out.push(b);
        } else {
            return Err(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_standard_at_sampled_positions() {
        // Pinned from TCVN 5712 (libiconv's tcvn_2uni_2): one letter of each vowel family.
        let pins: [(u8, char); 14] = [
            (0xa1, 'Ă'),
            (0xa7, 'Đ'),
            (0xad, 'ư'),
            (0xae, 'đ'),
            (0xb5, 'à'),
            (0xb8, 'á'),
            (0xc6, 'ặ'),
            (0xcb, 'ậ'),
            (0xd6, 'ệ'),
            (0xdc, 'ĩ'),
            (0xe9, 'ộ'),
            (0xee, 'ợ'),
            (0xf9, 'ự'),
            (0xfe, 'ỵ'),
        ];
        for (b, c) in pins {
            assert_eq!(decode(&[b]), c.to_string(), "byte {b:#x}");
        }
        assert_eq!(decode_vn1(&[0x80, 0x9e, 0x16]), "ÀỦÝ");
        assert_eq!(decode(&[0x93, b'a', 0x94]), "“a”");
    }

    #[test]
    fn every_letter_round_trips() {
        let letters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợ\
                       pqrstuùủũúụưừửữứựvxyỳỷỹýỵ ĂÂÊÔƠƯĐÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ\
                       ÚỤỪỬỮỨỰỲỶỸÝỴẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ";
        let bytes = encode_vn1(letters).expect("all Vietnamese letters encode in VN1");
        assert_eq!(decode_vn1(&bytes), letters);
        assert_eq!(encode("Ω"), Err('Ω'));
        assert_eq!(encode("Ủy"), Err('Ủ'));
        assert_eq!(encode_vn1("“a”"), Err('“'));
        let abc = encode("“Đà Nẵng”").expect("ABC");
        assert_eq!(decode(&abc), "“Đà Nẵng”");
    }

    #[test]
    fn table_has_no_duplicates() {
        let mut all: Vec<char> = HIGH.iter().chain(VN1_80.iter()).copied().collect();
        all.extend(VN1_C0.iter().map(|(_, c)| *c));
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}

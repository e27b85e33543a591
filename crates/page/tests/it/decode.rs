//! Decoding: every supported encoding reads back to the same normalised text, mojibake is
//! repaired, and what cannot be read is refused with a message saying what to do.

use crate::html::to_windows_1258;
use crate::seed;
use tre_page::{DecodeError, decode, decode_html, tcvn3};
use tre_text::normalize;

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if le { &[0xff, 0xfe] } else { &[0xfe, 0xff] });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn utf8_with_and_without_bom() {
    let text = seed("002");
    let d = decode(text.as_bytes()).expect("utf-8");
    assert_eq!(
        (d.encoding, d.text.as_str(), d.note),
        ("utf-8", text.as_str(), None)
    );
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let d = decode(&bom).expect("utf-8 with BOM");
    assert_eq!((d.encoding, d.text.as_str()), ("utf-8", text.as_str()));
}

#[test]
fn utf16_all_ways() {
    let text = seed("000");
    for (le, bom, name) in [
        (true, true, "utf-16le"),
        (true, false, "utf-16le"),
        (false, true, "utf-16be"),
        (false, false, "utf-16be"),
    ] {
        let d = decode(&utf16(&text, le, bom)).unwrap_or_else(|e| panic!("{name} bom={bom}: {e}"));
        assert_eq!(d.encoding, name, "bom={bom}");
        assert_eq!(d.text, text, "{name} bom={bom}");
    }
}

#[test]
fn utf16_cut_in_half_a_code_unit() {
    let mut bytes = utf16(&seed("000"), true, false);
    bytes.push(b'x');
    let d = decode(&bytes).expect("decodes");
    assert_eq!(d.encoding, "utf-16le");
    assert!(d.note.as_deref().is_some_and(|n| n.contains("truncated")));
}

#[test]
fn windows_1258() {
    let text = seed("004");
    let bytes = to_windows_1258(&text);
    let d = decode(&bytes).expect("windows-1258");
    assert_eq!(d.encoding, "windows-1258");
    // Tone marks come back as combining characters; normalisation composes them.
    assert_eq!(normalize(&d.text), normalize(&text));
}

#[test]
fn tcvn3_abc_with_windows_punctuation() {
    // ABC fonts have no upper-case toned letters; real ABC text has lower-case ones, plain
    // capitals and Windows curly quotes.
    let text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu: “ngoại giao cây tre Việt Nam” \
                là bản sắc của ngành ngoại giao, được bạn bè quốc tế đánh giá cao.\n\
                Đồng chí nhấn mạnh nhiệm vụ trọng tâm của công tác đối ngoại.";
    let bytes = tcvn3::encode(text).expect("encodable");
    let d = decode(&bytes).expect("tcvn3");
    assert_eq!(d.encoding, "tcvn3");
    assert_eq!(normalize(&d.text), normalize(text));
}

#[test]
fn tcvn3_vn1_capitals() {
    // A whole seed, with its upper-case toned letters ("Ủy") at the VN1 positions. VN1 has no
    // curly quotes or ellipsis; a VN1 file would have used ASCII ones.
    let text = seed("000").replace(['“', '”'], "\"").replace('…', "...");
    let bytes = tcvn3::encode_vn1(&text).expect("encodable");
    assert!(
        bytes.iter().any(|b| (0x80..0xa0).contains(b)),
        "exercises VN1 capitals"
    );
    let d = decode(&bytes).expect("tcvn3");
    assert_eq!(d.encoding, "tcvn3");
    assert_eq!(normalize(&d.text), normalize(&text));
}

#[test]
fn html_declared_western_but_written_in_tcvn3() {
    // Old sites drew TCVN3 with .VnTime fonts and declared iso-8859-1.
    let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Bộ trưởng Ngoại giao \
                Bùi Thanh Sơn làm việc với các Trưởng cơ quan đại diện Việt Nam ở nước ngoài, \
                giao bốn nhiệm vụ trọng tâm của công tác đối ngoại trong năm.</p></body></html>";
    let lowered = html.replace("Bộ", "bộ");
    let bytes = tcvn3::encode(&lowered).expect("encodable");
    let d = decode_html(&bytes).expect("decodes");
    assert_eq!(d.encoding, "tcvn3");
    assert!(
        d.note
            .as_deref()
            .is_some_and(|n| n.contains("declares windows-1252")),
        "{:?}",
        d.note
    );
    assert_eq!(normalize(&d.text), normalize(&lowered));
}

#[test]
fn double_encoded_utf8_is_repaired() {
    let text = seed("001");
    // UTF-8 read as Windows-1252 and saved again as UTF-8.
    let mojibake = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned();
    assert!(mojibake.contains("Bá»™ trÆ°á»Ÿng"));
    let d = decode(mojibake.as_bytes()).expect("repaired");
    assert_eq!(d.encoding, "utf-8");
    assert_eq!(
        d.note.as_deref(),
        Some("repaired double-encoded UTF-8 (mojibake)")
    );
    assert_eq!(d.text, text);
}

#[test]
fn invalid_utf8_names_the_byte_and_the_line() {
    let mut bytes = "Bộ Ngoại giao\ntriển khai nhiệm vụ\nnăm 2023 "
        .as_bytes()
        .to_vec();
    let offset = bytes.len();
    bytes.push(0xff);
    bytes.extend_from_slice("và các năm sau".as_bytes());
    let err = decode(&bytes).expect_err("refused");
    assert_eq!(err, DecodeError::InvalidUtf8 { offset, line: 3 });
    let msg = err.to_string();
    assert!(msg.contains(&format!("byte {offset} (line 3)")), "{msg}");
    assert!(
        msg.contains("windows-1258, TCVN3") && msg.contains("iconv"),
        "{msg}"
    );
}

#[test]
fn truncated_utf8_character_at_the_end() {
    // A download cut inside the last character ("ụ" is three bytes).
    let text = "Bộ Ngoại giao triển khai nhiệm vụ";
    let cut = text.find('ụ').expect("ụ") + 1;
    let d = decode(&text.as_bytes()[..cut]).expect("decodes");
    assert_eq!(d.encoding, "utf-8");
    assert_eq!(d.text, "Bộ Ngoại giao triển khai nhiệm v");
    assert!(d.note.as_deref().is_some_and(|n| n.contains("truncated")));
}

#[test]
fn empty_and_blank() {
    assert_eq!(decode(b""), Err(DecodeError::Empty));
    assert_eq!(
        decode(b"").map_err(|e| e.to_string()),
        Err(DecodeError::Empty.to_string())
    );
    assert!(DecodeError::Empty.to_string().starts_with("empty file"));
    assert_eq!(
        decode(b" \n\t\r\n"),
        Err(DecodeError::Blank { encoding: "utf-8" })
    );
    assert_eq!(
        decode(b"\xef\xbb\xbf\n"),
        Err(DecodeError::Blank { encoding: "utf-8" })
    );
    assert_eq!(decode_html(b""), Err(DecodeError::Empty));
}

#[test]
fn binary_files_are_named() {
    let cases: [(&[u8], &str); 8] = [
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "binary file (looks like a PNG image), not an article",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\0\x01\0", "a GIF image"),
        (
            b"PK\x03\x04\x14\0\x06\0[Content_Types].xml word/document.xml",
            "a Word document (DOCX)",
        ),
        (b"PK\x03\x04\x14\0\0\0data.txt", "a ZIP archive"),
        (b"\x1f\x8b\x08\0\0\0\0\0", "gzip"),
        (b"\x28\xb5\x2f\xfd\x04\x58", "zstd"),
    ];
    for (bytes, expected) in cases {
        let err = decode(bytes).expect_err("binary refused");
        assert!(err.to_string().contains(expected), "{err}");
        assert!(decode_html(bytes).is_err());
    }
    // NUL bytes scattered without a UTF-16 pattern.
    let mut noise: Vec<u8> = (0u8..=255).collect();
    noise.extend((0u8..=255).rev());
    let err = decode(&noise).expect_err("binary refused");
    assert!(
        matches!(err, DecodeError::BinaryData { .. }) || matches!(err, DecodeError::Binary { .. }),
        "{err}"
    );
}

#[test]
fn english_in_windows_1252_is_read() {
    let text = "The Ministry of Foreign Affairs held its annual review conference in Hanoi, \
                attended by ambassadors and consuls general; a café reception followed.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let d = decode(&bytes).expect("western text");
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.text, text);
}

#[test]
fn unrepairable_mojibake_is_refused() {
    // Mojibake whose continuation characters were replaced by "?" along the way.
    let text = seed("001");
    let mojibake = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned();
    let damaged: String = mojibake
        .chars()
        .map(|c| {
            if matches!(c, '»' | 'º' | '°' | '¡' | '©' | '£') {
                '?'
            } else {
                c
            }
        })
        .collect();
    assert_eq!(decode(damaged.as_bytes()), Err(DecodeError::Garbled));
}

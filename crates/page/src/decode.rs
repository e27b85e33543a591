//! Bytes → text: the first step of ingest, before any cleaning.
//!
//! What arrives is whatever a scraper, an export or a colleague's USB stick produced: UTF-8 with
//! or without a byte-order mark, UTF-16 (the bulk corpus originals are BOM-less UTF-16LE),
//! Windows-1258 and TCVN3 from the pre-Unicode years, and UTF-8 that was mis-read as
//! Windows-1252 and saved again ("Bá»™ trÆ°á»Ÿng"). The decoder recognises each, repairs the
//! last, and chooses between legacy readings by how Vietnamese the result reads
//! ([`tre_text::plausible::measure`] on the normalised candidate). It refuses, with a message
//! that says what to do, rather than hand mojibake or binary data to the store.
//!
//! The returned text is *not* normalised: normalisation happens once, when the cleaner builds
//! a [`crate::Page`].

use crate::tcvn3;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1258};
use tre_text::plausible::{Plausibility, measure};

/// Decoded text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, not yet normalised.
    pub text: String,
    /// `"utf-8"`, `"utf-16le"`, `"utf-16be"`, `"windows-1258"`, `"tcvn3"` or `"windows-1252"`.
    pub encoding: &'static str,
    /// Something the user may want to know about the reading, e.g.
    /// `"repaired double-encoded UTF-8 (mojibake)"`.
    pub note: Option<String>,
}

/// Why bytes could not be read as an article's text. Each message says what is wrong and what
/// to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file: there is nothing to read; check that the download or export worked")]
    Empty,
    #[error("the file holds only white space (read as {encoding}); there is no article text in it")]
    Blank { encoding: &'static str },
    #[error("binary file (looks like {what}), not an article; {advice}")]
    Binary {
        what: &'static str,
        advice: &'static str,
    },
    #[error(
        "binary data (a NUL byte at byte {offset}, not in a UTF-16 pattern), not an article; \
         check that this is the text or HTML file you meant"
    )]
    BinaryData { offset: usize },
    #[error(
        "not valid UTF-8 at byte {offset} (line {line}) and not a recognised legacy Vietnamese \
         encoding (windows-1258, TCVN3); convert it to UTF-8, e.g. with iconv"
    )]
    InvalidUtf8 { offset: usize, line: usize },
    #[error(
        "not valid {encoding} at byte {offset} (a broken surrogate pair); the file is damaged: \
         export it again, preferably as UTF-8"
    )]
    InvalidUtf16 {
        encoding: &'static str,
        offset: usize,
    },
    #[error(
        "the text is garbled (mojibake: UTF-8 that was read as windows-1252 and saved again) and \
         could not be repaired; fetch or export the original again"
    )]
    Garbled,
}

/// Words measured when judging a candidate decoding: enough for a verdict, bounded so that a
/// 100 MB file costs no more than a small one.
const MEASURE_WORDS: usize = 3000;
/// Share of non-ASCII words that must be Vietnamese syllables for a legacy reading to count
/// as Vietnamese. Real text scores above 0.95 (loanwords and names cost a little); the wrong
/// legacy table scores far below 0.5.
const VIETNAMESE_RATIO: f64 = 0.85;

/// Decodes the bytes of a text file (see the module documentation for what is recognised).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(bin) = sniff_binary_magic(bytes) {
        return Err(bin);
    }
    if let Some(d) = decode_bom(bytes)? {
        return finish(d);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return finish(decode_utf16(bytes, enc, None)?);
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::BinaryData { offset });
    }
    if looks_like_control_soup(bytes) {
        return Err(DecodeError::Binary {
            what: "unknown binary data (mostly control bytes)",
            advice: "check that this is the text or HTML file you meant",
        });
    }
    finish(decode_8bit(bytes)?)
}

/// Decodes the bytes of an HTML page: a byte-order mark wins; otherwise a `<meta charset>`,
/// `<meta http-equiv="Content-Type">` or XML declaration in the first 4 KB is honoured when
/// present and believable (the bytes decode under it and read as Vietnamese at least as well
/// as the detector's choice); else the bytes are detected as by [`decode`].
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(bin) = sniff_binary_magic(bytes) {
        return Err(bin);
    }
    if let Some(d) = decode_bom(bytes)? {
        return finish(d);
    }
    if sniff_utf16(bytes).is_some() {
        return decode(bytes);
    }
    let Some(label) = declared_charset(&bytes[..bytes.len().min(4096)]) else {
        return decode(bytes);
    };
    let declared = Declared::from_label(&label);
    if memchr_nul(bytes).is_some() {
        return decode(bytes);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    match declared {
        Declared::Utf8 | Declared::Unknown => decode(bytes).map(|mut d| {
            if declared == Declared::Utf8 && d.encoding != "utf-8" {
                let note = format!("the page declares UTF-8 but is {}", d.encoding);
                add_note(&mut d, note);
            }
            if declared == Declared::Unknown {
                let note = format!(
                    "unknown charset {label:?} declared; detected {}",
                    d.encoding
                );
                add_note(&mut d, note);
            }
            d
        }),
        Declared::Legacy(name) => {
            if let Some(text) = utf8 {
                // UTF-8 multi-byte sequences essentially never occur by accident in legacy
                // bytes, so valid UTF-8 with non-ASCII content means the declaration is stale.
                if !text.is_ascii() {
                    let mut d = decode(bytes)?;
                    let note = format!("the page declares {name} but is {}", d.encoding);
                    add_note(&mut d, note);
                    return Ok(d);
                }
                return finish(Decoded {
                    text: text.to_owned(),
                    encoding: name,
                    note: None,
                });
            }
            let declared_text = legacy_decoder(name)(bytes);
            let declared_p = plausibility(&declared_text);
            match decode_8bit(bytes) {
                Ok(mut d)
                    if d.text != declared_text && better(plausibility(&d.text), declared_p) =>
                {
                    if d.encoding != name {
                        let note = format!("the page declares {name} but reads as {}", d.encoding);
                        add_note(&mut d, note);
                    }
                    finish(d)
                }
                _ if reads_vietnamese(&declared_p) || name == "windows-1252" => finish(Decoded {
                    text: declared_text,
                    encoding: name,
                    note: None,
                }),
                Ok(d) => finish(d),
                Err(e) => Err(e),
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Declared {
    Utf8,
    /// A single-byte encoding tre reads, by its [`Decoded::encoding`] name.
    Legacy(&'static str),
    Unknown,
}

/// A single-byte decoding: bytes in, text out, never failing.
type Decoder = fn(&[u8]) -> String;

fn legacy_decoder(name: &str) -> Decoder {
    match name {
        "tcvn3" => tcvn3::decode,
        "windows-1258" => decode_1258,
        _ => decode_1252,
    }
}

impl Declared {
    fn from_label(label: &str) -> Declared {
        let l = label.trim().to_ascii_lowercase();
        match l.as_str() {
            "tcvn" | "tcvn3" | "tcvn-3" | "tcvn5712" | "tcvn-5712" | "tcvn5712-1" | "vn3"
            | "abc" | "x-viet-tcvn" | "x-viet-tcvn5712" => {
                return Declared::Legacy("tcvn3");
            }
            _ => {}
        }
        match Encoding::for_label(l.as_bytes()) {
            // A meta tag cannot truthfully declare UTF-16 (the tag itself would not be
            // readable as ASCII), so the HTML standard treats it as UTF-8.
            Some(e) if e == encoding_rs::UTF_8 || e == UTF_16LE || e == UTF_16BE => Declared::Utf8,
            Some(e) if e == WINDOWS_1258 => Declared::Legacy("windows-1258"),
            Some(e) if e == WINDOWS_1252 => Declared::Legacy("windows-1252"),
            _ => Declared::Unknown,
        }
    }
}

fn decode_1258(bytes: &[u8]) -> String {
    WINDOWS_1258
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn decode_1252(bytes: &[u8]) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn add_note(d: &mut Decoded, note: String) {
    d.note = Some(match d.note.take() {
        Some(old) => format!("{note}; {old}"),
        None => note,
    });
}

/// Final checks shared by every path: blank text is an error, and mojibake is repaired (or
/// refused) whatever the transport encoding was.
fn finish(mut d: Decoded) -> Result<Decoded, DecodeError> {
    if d.text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(DecodeError::Blank {
            encoding: d.encoding,
        });
    }
    match repair_mojibake(&d.text) {
        Mojibake::None => Ok(d),
        Mojibake::Repaired(text) => {
            d.text = text;
            add_note(
                &mut d,
                "repaired double-encoded UTF-8 (mojibake)".to_owned(),
            );
            Ok(d)
        }
        Mojibake::Unrepairable => Err(DecodeError::Garbled),
    }
}

fn decode_bom(bytes: &[u8]) -> Result<Option<Decoded>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return decode_utf8(rest, 3).map(Some);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return decode_utf16(rest, UTF_16LE, Some(2)).map(Some);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return decode_utf16(rest, UTF_16BE, Some(2)).map(Some);
    }
    Ok(None)
}

/// UTF-8 behind a BOM: the BOM is a declaration, so invalid bytes are an error, except an
/// incomplete character at the very end (a truncated download), which is dropped with a note.
fn decode_utf8(bytes: &[u8], base: usize) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: "utf-8",
            note: None,
        }),
        Err(e) if e.error_len().is_none() => Ok(Decoded {
            text: String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
            encoding: "utf-8",
            note: Some(truncated_note()),
        }),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(DecodeError::InvalidUtf8 {
                offset: base + offset,
                line: line_of(bytes, offset),
            })
        }
    }
}

fn truncated_note() -> String {
    "dropped an incomplete character at the very end (the file may be truncated)".to_owned()
}

fn decode_utf16(
    bytes: &[u8],
    enc: &'static Encoding,
    bom: Option<usize>,
) -> Result<Decoded, DecodeError> {
    let name = if enc == UTF_16LE {
        "utf-16le"
    } else {
        "utf-16be"
    };
    let (body, note) = if bytes.len() % 2 == 1 {
        (&bytes[..bytes.len() - 1], Some(truncated_note()))
    } else {
        (bytes, None)
    };
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: name,
            note,
        }),
        None => Err(DecodeError::InvalidUtf16 {
            encoding: name,
            offset: bom.unwrap_or(0) + first_bad_utf16(body, enc == UTF_16LE),
        }),
    }
}

/// Byte offset of the first unpaired surrogate.
fn first_bad_utf16(bytes: &[u8], le: bool) -> usize {
    let unit = |i: usize| -> u16 {
        let (a, b) = (bytes[i], bytes[i + 1]);
        if le {
            u16::from_le_bytes([a, b])
        } else {
            u16::from_be_bytes([a, b])
        }
    };
    let mut i = 0;
    while i + 1 < bytes.len() {
        let u = unit(i);
        if (0xd800..0xdc00).contains(&u) {
            if i + 3 < bytes.len() && (0xdc00..0xe000).contains(&unit(i + 2)) {
                i += 4;
                continue;
            }
            return i;
        }
        if (0xdc00..0xe000).contains(&u) {
            return i;
        }
        i += 2;
    }
    i
}

/// BOM-less UTF-16: text in Latin script has a NUL high byte in most code units (ASCII,
/// Latin-1) and a small one in the rest (Vietnamese letters live at U+01xx and U+1Exx), so NULs
/// cluster on one parity. Binary formats put NULs on both.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let strong = |n: usize| n * 10 >= pairs * 3;
    let weak = |n: usize| n * 20 <= pairs;
    if strong(odd) && weak(even) {
        Some(UTF_16LE)
    } else if strong(even) && weak(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// More than a tenth of control bytes (other than tab, line breaks, form feed and escape) in
/// the first 8 KB: no text format looks like that.
fn looks_like_control_soup(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > sample.len()
}

/// Magic numbers of the formats people most often feed a text importer by mistake.
fn sniff_binary_magic(bytes: &[u8]) -> Option<DecodeError> {
    const CONVERT: &str = "save or export it as plain text (UTF-8) or HTML first";
    const NOT_TEXT: &str = "it holds no article text";
    let bin = |what, advice| Some(DecodeError::Binary { what, advice });
    let head = &bytes[..bytes.len().min(2048)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"%PDF-") {
        return bin(
            "a PDF document",
            "extract its text first, e.g. with pdftotext, and import that",
        );
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return bin("a PNG image", NOT_TEXT);
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return bin("a JPEG image", NOT_TEXT);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return bin("a GIF image", NOT_TEXT);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return bin("a WebP image", NOT_TEXT);
    }
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        if has(b"word/") {
            return bin("a Word document (DOCX)", CONVERT);
        }
        if has(b"xl/") {
            return bin("an Excel workbook (XLSX)", CONVERT);
        }
        if has(b"opendocument") {
            return bin("an OpenDocument file", CONVERT);
        }
        return bin(
            "a ZIP archive",
            "unpack it and import the text or HTML files inside",
        );
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return bin("a legacy Microsoft Office document (DOC/XLS)", CONVERT);
    }
    if bytes.starts_with(b"\x1f\x8b") {
        return bin(
            "a gzip-compressed file",
            "decompress it first, e.g. with gunzip",
        );
    }
    if bytes.starts_with(b"\x28\xb5\x2f\xfd") {
        return bin(
            "a zstd-compressed file",
            "decompress it first, e.g. with zstd -d",
        );
    }
    if bytes.starts_with(b"BZh91AY&SY") {
        return bin(
            "a bzip2-compressed file",
            "decompress it first, e.g. with bunzip2",
        );
    }
    if bytes.starts_with(b"\xfd7zXZ\x00") {
        return bin(
            "an xz-compressed file",
            "decompress it first, e.g. with xz -d",
        );
    }
    if bytes.starts_with(b"7z\xbc\xaf\x27\x1c") || bytes.starts_with(b"Rar!\x1a\x07") {
        return bin(
            "a 7z or RAR archive",
            "unpack it and import the text or HTML files inside",
        );
    }
    if bytes.starts_with(b"\x7fELF") || bytes.starts_with(b"MZ\x90\x00") {
        return bin("a program", NOT_TEXT);
    }
    if bytes.starts_with(b"{\\rtf") {
        return bin("an RTF document", CONVERT);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return bin("an MP4/MOV video", NOT_TEXT);
    }
    None
}

/// Bytes without a BOM and without a UTF-16 pattern: UTF-8 when valid, else the legacy reading
/// that is most Vietnamese, else an error naming the first invalid byte.
fn decode_8bit(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let err = match std::str::from_utf8(bytes) {
        Ok(s) => {
            return Ok(Decoded {
                text: s.to_owned(),
                encoding: "utf-8",
                note: None,
            });
        }
        Err(e) => e,
    };
    let offset = err.valid_up_to();
    // A download cut inside a multi-byte character: everything before it is good UTF-8.
    if err.error_len().is_none() && offset > 0 {
        return decode_utf8(bytes, 0);
    }
    let candidates: [(&'static str, Decoder); 3] = [
        ("windows-1258", decode_1258),
        ("tcvn3", tcvn3::decode),
        ("tcvn3", tcvn3::decode_vn1),
    ];
    let mut best: Option<(Plausibility, &'static str, String)> = None;
    for (name, dec) in candidates {
        let text = dec(bytes);
        let p = plausibility(&text);
        if best.as_ref().is_none_or(|(bp, _, _)| better(p, *bp)) {
            best = Some((p, name, text));
        }
    }
    if let Some((p, name, text)) = best
        && reads_vietnamese(&p)
    {
        return Ok(Decoded {
            text,
            encoding: name,
            note: None,
        });
    }
    // Western European text (an English page with a "café") has few non-ASCII words, where
    // Vietnamese in any encoding has them in most; Windows-1252 reads it, and there is no
    // Vietnamese to garble.
    let western = decode_1252(bytes);
    let p = plausibility(&western);
    if p.other * 10 <= p.words && p.words >= 10 {
        return Ok(Decoded {
            text: western,
            encoding: "windows-1252",
            note: Some("no Vietnamese letters found; read as windows-1252 (Western)".to_owned()),
        });
    }
    Err(DecodeError::InvalidUtf8 {
        offset,
        line: line_of(bytes, offset),
    })
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn plausibility(text: &str) -> Plausibility {
    // Measured on the normalised text: Windows-1258 and TCVN3 produce combining tone marks,
    // which only read as Vietnamese letters once composed. Only a bounded prefix is looked at.
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    measure(&tre_text::normalize(&text[..end]), MEASURE_WORDS)
}

fn reads_vietnamese(p: &Plausibility) -> bool {
    p.syllables > 0 && p.ratio() >= VIETNAMESE_RATIO
}

/// `a` reads as Vietnamese clearly better than `b`.
fn better(a: Plausibility, b: Plausibility) -> bool {
    let (ra, rb) = (a.ratio(), b.ratio());
    if (ra - rb).abs() > 0.02 {
        ra > rb
    } else {
        a.syllables > b.syllables
    }
}

/// Finds a charset declaration in the head of an HTML page.
fn declared_charset(head: &[u8]) -> Option<String> {
    // The declaration is ASCII; a lossless byte → char widening keeps offsets equal.
    let lower: String = head
        .iter()
        .map(|&b| char::from(b).to_ascii_lowercase())
        .collect();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<meta") {
        let start = from + pos;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            return Some(label);
        }
        from = end;
    }
    if let Some(pos) = lower.find("<?xml")
        && let Some(end) = lower[pos..].find("?>")
    {
        let decl = &lower[pos..pos + end];
        if let Some(e) = decl.find("encoding=") {
            return value_after(&decl[e + "encoding=".len()..]);
        }
    }
    None
}

fn charset_in(tag: &str) -> Option<String> {
    let i = tag.find("charset")?;
    let rest = tag[i + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?;
    value_after(rest)
}

fn value_after(s: &str) -> Option<String> {
    let s = s.trim_start().trim_start_matches(['"', '\'']);
    let v: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    (!v.is_empty()).then_some(v)
}

enum Mojibake {
    None,
    Repaired(String),
    Unrepairable,
}

/// The byte Windows-1252 (or Latin-1, for the C1 controls and the five holes) maps `c` to.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = u32::from(c);
    if u < 0x80 || (0xa0..=0xff).contains(&u) {
        return u8::try_from(u).ok();
    }
    if (0x80..0xa0).contains(&u) {
        // A C1 control: what Latin-1 readers (and WHATWG for the five holes) produce.
        return u8::try_from(u).ok();
    }
    tcvn3::CP1252_80
        .iter()
        .position(|&x| x == c)
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// A lead character of a two- or three-byte UTF-8 sequence for Vietnamese text, as
/// Windows-1252 shows it: `Ã` (U+00C0–U+00FF), `Ä` `Å` `Æ` (Ă Đ Ĩ Ũ Ơ Ư), `Ì` `Í` (combining
/// marks), `á` (U+1Exx), `â` (punctuation such as “ ” …).
fn is_mojibake_lead(c: char) -> bool {
    matches!(c, 'Ã' | 'Ä' | 'Å' | 'Æ' | 'Ì' | 'Í' | 'á' | 'â')
}

/// A character standing for a UTF-8 continuation byte (0x80–0xBF) in Windows-1252.
fn is_continuation_char(c: char) -> bool {
    cp1252_byte(c).is_some_and(|b| (0x80..0xc0).contains(&b))
}

/// Letters that never occur in Vietnamese (nor in English) but stand for the lead bytes of
/// Vietnamese UTF-8 in mojibake, even when the byte after them was lost.
fn is_foreign_lead(c: char) -> bool {
    matches!(c, 'Ä' | 'Å' | 'Æ')
}

fn repair_mojibake(text: &str) -> Mojibake {
    let mut pairs = 0usize;
    let mut marks = 0usize;
    let mut prev = '\0';
    for c in text.chars() {
        if is_mojibake_lead(prev) && is_continuation_char(c) {
            pairs += 1;
            marks += 1;
        } else if is_foreign_lead(c) {
            marks += 1;
        }
        prev = c;
    }
    if marks == 0 {
        return Mojibake::None;
    }
    if pairs > 0 {
        // Up to two rounds: text is sometimes mis-decoded twice.
        let mut current = text.to_owned();
        let mut improved = false;
        for _ in 0..2 {
            let Some(next) = unmojibake(&current) else {
                break;
            };
            if next == current || !better(plausibility(&next), plausibility(&current)) {
                break;
            }
            current = next;
            improved = true;
        }
        if improved && reads_vietnamese(&plausibility(&current)) {
            return Mojibake::Repaired(current);
        }
    }
    // Mojibake marks in a good share of the non-ASCII words and no Vietnamese reading of
    // them: refuse rather than store garbage. (Fragments of mojibake such as "Bá" are valid
    // syllables, so plausibility alone cannot tell.)
    let p = plausibility(text);
    let non_ascii_words = p.syllables + p.other;
    if marks >= 5 && marks * 10 >= non_ascii_words {
        return Mojibake::Unrepairable;
    }
    Mojibake::None
}

/// Re-encodes runs of Windows-1252-representable characters to bytes and reads them again as
/// UTF-8, keeping any character whose bytes are not part of a valid sequence. Returns `None`
/// when nothing changed.
fn unmojibake(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut run_bytes: Vec<u8> = Vec::new();
    let mut run_chars: Vec<char> = Vec::new();
    let mut changed = false;
    let mut flush = |bytes: &mut Vec<u8>, chars: &mut Vec<char>, out: &mut String| {
        changed |= reread_run(bytes, chars, out);
        bytes.clear();
        chars.clear();
    };
    for c in text.chars() {
        match cp1252_byte(c) {
            Some(b) => {
                run_bytes.push(b);
                run_chars.push(c);
            }
            None => {
                flush(&mut run_bytes, &mut run_chars, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run_bytes, &mut run_chars, &mut out);
    changed.then_some(out)
}

/// One byte per char in a run, so byte index == char index. Returns whether anything changed.
fn reread_run(bytes: &[u8], chars: &[char], out: &mut String) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        match std::str::from_utf8(&bytes[i..]) {
            Ok(s) => {
                changed |= s.chars().count() != bytes.len() - i;
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                if good > 0 {
                    let s = String::from_utf8_lossy(&bytes[i..i + good]);
                    changed |= s.chars().count() != good;
                    out.push_str(&s);
                }
                let bad = e.error_len().unwrap_or(bytes.len() - i - good).max(1);
                for &c in &chars[i + good..(i + good + bad).min(chars.len())] {
                    out.push(c);
                }
                i += good + bad;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_meta_charsets() {
        let h = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>"#;
        assert_eq!(declared_charset(h).as_deref(), Some("windows-1258"));
        let h = b"<meta charset='UTF-8'/>";
        assert_eq!(declared_charset(h).as_deref(), Some("utf-8"));
        let h = br#"<?xml version="1.0" encoding="tcvn3"?><html>"#;
        assert_eq!(declared_charset(h).as_deref(), Some("tcvn3"));
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn utf16_parity() {
        let le: Vec<u8> = "Bộ Ngoại giao"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff_utf16(&le), Some(UTF_16LE));
        let be: Vec<u8> = "Bộ Ngoại giao"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(sniff_utf16(&be), Some(UTF_16BE));
        assert_eq!(sniff_utf16(b"plain ascii text"), None);
    }

    #[test]
    fn mojibake_round_trip() {
        let good = "Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại Hà Nội “cây tre”";
        let bad: String = WINDOWS_1252
            .decode_without_bom_handling(good.as_bytes())
            .0
            .into_owned();
        assert_ne!(bad, good);
        match repair_mojibake(&bad) {
            Mojibake::Repaired(s) => assert_eq!(s, good),
            _ => panic!("not repaired: {bad}"),
        }
        assert!(matches!(repair_mojibake(good), Mojibake::None));
    }

    #[test]
    fn line_numbers_count_from_one() {
        assert_eq!(line_of(b"ab\ncd\nef", 0), 1);
        assert_eq!(line_of(b"ab\ncd\nef", 4), 2);
        assert_eq!(line_of(b"ab\ncd\nef", 7), 3);
    }
}

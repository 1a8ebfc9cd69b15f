//! Bytes as the web serves them to Rust strings: byte-order marks, UTF-8, UTF-16, Windows-1252
//! and Latin-1 (detected with `chardetng`, decoded with `encoding_rs`), line endings normalised,
//! control characters removed or (C1) mapped to Windows-1252's, and mojibake mended.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Why a file's bytes cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file (an image, a PDF, a zip).
    Binary,
}

/// The result of decoding: the text and the name of the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, normalised by [`normalize_text`]: `\r\n` and lone `\r` turned into `\n`.
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
}

/// Decodes a file's bytes to text.
///
/// A byte-order mark decides the encoding; otherwise valid UTF-8 is taken as UTF-8, then the
/// encoding an HTML page declares in its first 1,024 bytes (`<meta charset="windows-1251">`,
/// or `content="text/html; charset=…"`), and anything else is detected from its bytes (in
/// practice Windows-1252, of which Latin-1 is a subset for printable text). Content with NUL
/// bytes or many control characters is refused as binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => {
            if looks_binary(bytes) {
                return Err(DecodeError::Binary);
            }
            if std::str::from_utf8(bytes).is_ok() {
                (UTF_8, bytes)
            } else if let Some(declared) = declared_charset(bytes) {
                (declared, bytes)
            } else {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                (detector.guess(None, true), bytes)
            }
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    if encoding != UTF_8 && looks_binary(text.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text: normalize_text(text.into_owned()),
        encoding: encoding.name(),
    })
}

/// The encoding a page's `<meta>` tag declares within its first 1,024 bytes, as a browser's
/// prescan finds it: the label after `charset=` in a `<meta` tag, if `encoding_rs` knows it.
/// A declared UTF-16 is not believed (the declaration was read as ASCII, so it is wrong; browsers
/// rule the same), and the bytes go to detection.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta").map(|i| from + i) {
        let end = lower[at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |i| at + i);
        let tag = &lower[at..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset=") {
            let label: Vec<u8> = tag[c + 8..]
                .iter()
                .copied()
                .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
                .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                .collect();
            return Encoding::for_label(&label)
                .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE);
        }
        from = end;
    }
    None
}

/// Turns `\r\n` and lone `\r` into `\n`, removes other C0 controls except tab, and gives a C1
/// control (U+0080 to U+009F) the character Windows-1252 has for its byte, so that no invisible
/// character reaches the analysis or a CSV cell. A text with nothing to change is returned as
/// it is.
///
/// C1 controls in a news text are nearly always Windows-1252 punctuation decoded as Latin-1
/// somewhere upstream: U+0092 was a `’`, U+0093 and U+0094 were `“` and `”`, U+0085 was `…`.
/// Mapping them back is what ftfy does, and what browsers do for `&#146;`. The five bytes
/// Windows-1252 leaves undefined are removed like the C0 controls.
///
/// Before that, UTF-8 that was decoded as Windows-1252 upstream (`â€™` for `’`) is mended: see
/// [`crate::mojibake`].
pub fn normalize_text(mut text: String) -> String {
    // Removing a control can bring the halves of a disguise together (`Ð`, U+009D, `¿Ð¿`), and
    // mending can leave a C1 control (`Â` and `€` are U+0080), so the two steps take turns until
    // neither changes anything: normalising twice gives what normalising once does. Each turn
    // that goes on has mended, which shortens the text, so they end.
    loop {
        if let Cow::Owned(mended) = crate::mojibake::mend(&text) {
            text = mended;
        }
        if !has_controls(text.as_bytes()) {
            return text;
        }
        text = without_controls(&text);
    }
}

/// Whether a text holds a control character other than the line feed and the tab.
fn has_controls(bytes: &[u8]) -> bool {
    // Checked 32 bytes at a time without an early exit, which the compiler vectorises. A C1
    // control is the byte 0xC2 followed by 0x80 to 0x9F in UTF-8; 0xC2 also leads common
    // characters such as the no-break space and `«`, so each one found is looked at.
    let control = |b: u8| (b < 0x20 || b == 0x7f) && b != b'\n' && b != b'\t';
    bytes
        .chunks(32)
        .any(|chunk| chunk.iter().fold(false, |any, &b| any | control(b)))
        || memchr::memchr_iter(0xC2, bytes).any(|i| bytes.get(i + 1).is_some_and(|&b| b < 0xA0))
}

/// The text with `\r\n` and lone `\r` made `\n`, C1 controls given their Windows-1252
/// characters, and other controls but the line feed and the tab removed.
fn without_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{80}'..='\u{9f}' => out.extend(windows_1252_for_c1(c)),
            // The C0 controls and DEL.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The character Windows-1252 has for a C1 control's byte (U+0092 gives `’`), `None` for the
/// five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) and for any other character.
///
/// ```
/// use slant_corpus::decode::windows_1252_for_c1;
/// assert_eq!(windows_1252_for_c1('\u{92}'), Some('’'));
/// assert_eq!(windows_1252_for_c1('\u{81}'), None);
/// assert_eq!(windows_1252_for_c1('a'), None);
/// ```
pub fn windows_1252_for_c1(c: char) -> Option<char> {
    let i = (c as u32).checked_sub(0x80)?;
    WINDOWS_1252_HIGH
        .get(i as usize)
        .copied()
        .filter(|&w| w != '\0')
}

/// The byte Windows-1252 encodes a character as, for the characters of bytes 0x80 to 0xFF,
/// reading a C1 control as its own number (so that the bytes Windows-1252 leaves undefined,
/// which WHATWG's Windows-1252 and Latin-1 decode as C1 controls, are read back).
pub(crate) fn windows_1252_byte(c: char) -> Option<u8> {
    match c as u32 {
        0..=0x7F => None,
        n @ 0x80..=0xFF => u8::try_from(n).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&w| w == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F, `'\0'` for the five it leaves undefined.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// A NUL byte in the first 8 KiB, or more than 10% of control bytes, marks binary content.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_found_anywhere_in_a_long_text() {
        let long = "word ".repeat(13);
        // In a full 32-byte chunk, in the last partial one, and none at all.
        let cases = [
            (format!("a\r\nb{long}"), format!("a\nb{long}")),
            (format!("{long}x\u{7f}y\u{1}"), format!("{long}xy")),
            (format!("a\tb\n{long}é"), format!("a\tb\n{long}é")),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_text(input.clone()), want, "{input:?}");
        }
    }

    #[test]
    fn utf8_with_bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9\r\nnext\rlast").unwrap();
        assert_eq!(d.text, "café\nnext\nlast");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_curly_quotes_are_detected() {
        // “Russia House” — in Windows-1252, with an e-acute for good measure.
        let bytes = b"The closure of the \x93Russia House\x94 in Baku was a blow to the caf\xe9 owners\x97and to trade.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "The closure of the \u{201c}Russia House\u{201d} in Baku was a blow to the café owners\u{2014}and to trade.");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn latin1_accents_are_decoded() {
        let d =
            decode(b"Fran\xe7ois Hollande a d\xe9clar\xe9 que la r\xe9union \xe9tait termin\xe9e.")
                .unwrap();
        assert!(
            d.text.starts_with("François Hollande a déclaré"),
            "{}",
            d.text
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Baku – said".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Baku – said");
    }

    #[test]
    fn an_html_page_declares_its_encoding() {
        // "Мир" in Windows-1251, which byte statistics alone can take for another code page.
        let page = b"<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1251'></head><p>\xcc\xe8\xf0</p>";
        let d = decode(page).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("<p>Мир</p>"));
        let page = b"<meta charset=\"KOI8-R\"><p>\xed\xc9\xd2</p>";
        assert_eq!(
            decode(page).unwrap().text,
            "<meta charset=\"KOI8-R\"><p>Мир</p>"
        );
        // A page that says UTF-16 in bytes read as ASCII is wrong, and is detected instead.
        let page = b"<meta charset=utf-16><p>caf\xe9</p>";
        assert_eq!(
            decode(page).unwrap().text,
            "<meta charset=utf-16><p>café</p>"
        );
        // A label no one knows leaves the bytes to detection.
        let page = b"<meta charset=\"nonsense\"><p>caf\xe9</p>";
        assert_eq!(decode(page).unwrap().encoding, "windows-1252");
    }

    /// The charset label is read however the page quotes it, from the first `<meta>` tag that
    /// has one.
    #[test]
    fn a_declared_charset_is_read_in_any_quoting() {
        for head in [
            &b"<meta charset=koi8-r>"[..],
            b"<meta charset=\"koi8-r\">",
            b"<meta charset='koi8-r'>",
            b"<META CHARSET= \"KOI8-R\">",
            b"<meta name=\"viewport\" content=\"width=device-width\">\n  <meta charset=\"koi8-r\">",
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
        ] {
            let name = declared_charset(head).map(Encoding::name);
            assert_eq!(name, Some("KOI8-R"), "{}", String::from_utf8_lossy(head));
        }
        assert_eq!(
            declared_charset(b"<meta name=a><p>charset=koi8-r</p>"),
            None
        );
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        // More than a tenth of control bytes is binary; a tenth is not, and line breaks, tabs
        // and form feeds are no control bytes here, however many.
        assert!(decode(b"abcdefghi\x01").is_ok());
        assert_eq!(decode(b"abcdefgh\x01\x01"), Err(DecodeError::Binary));
        assert_eq!(decode(b"a\n\n\r\n\t\x0cb").unwrap().text, "a\n\n\n\tb");
        // A byte-order mark does not make binary content text: what it decodes to is checked.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend([0u8; 64]);
        assert_eq!(decode(&utf16), Err(DecodeError::Binary));
    }

    /// Every C0 control but the line feed and the tab goes, and so does DEL; a text with
    /// nothing to change comes back as the same string, not a copy.
    #[test]
    fn controls_go_and_a_clean_text_is_not_copied() {
        assert_eq!(normalize_text("a\rb\r\nc".into()), "a\nb\nc");
        assert_eq!(normalize_text(" \r ".into()), " \n ");
        assert_eq!(normalize_text("\u{7f}".into()), "");
        assert_eq!(normalize_text("a\u{7f}\u{1}\u{1b}b".into()), "ab");
        let clean = String::from("Line one,\tthen tab.\nLine two ~ end.");
        let at = clean.as_ptr();
        let out = normalize_text(clean);
        assert_eq!(out.as_ptr(), at);
        assert_eq!(out, "Line one,\tthen tab.\nLine two ~ end.");
    }

    /// The table agrees with `encoding_rs`'s Windows-1252 for every byte from 0x80 to 0x9F:
    /// where the encoding has a character the table has it, and where the encoding leaves the
    /// byte a C1 control the table has none.
    #[test]
    fn the_c1_table_is_windows_1252() {
        for b in 0x80u8..=0x9f {
            let byte = [b];
            let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            let w = decoded.chars().next().unwrap();
            let want = (w != char::from(b)).then_some(w);
            assert_eq!(windows_1252_for_c1(char::from(b)), want, "byte {b:#x}");
        }
        assert_eq!(windows_1252_for_c1('\u{7f}'), None);
        assert_eq!(windows_1252_for_c1('\u{a0}'), None);
        assert_eq!(windows_1252_for_c1('\0'), None);
    }

    /// A C1 control gets its Windows-1252 character back, and an undefined one goes; a text
    /// whose only 0xC2 bytes lead a no-break space or guillemets is clean and not copied.
    #[test]
    fn c1_controls_get_their_windows_1252_characters() {
        assert_eq!(
            normalize_text("\u{93}Don\u{92}t\u{94} \u{96} \u{80}5\u{85}".into()),
            "“Don’t” – €5…"
        );
        assert_eq!(normalize_text("a\u{81}b\u{9d}\u{8f}".into()), "ab");
        assert_eq!(normalize_text("\u{9f}".into()), "Ÿ");
        let clean = String::from("«Nein»\u{a0}sagte er, ¿sí? ©\u{bf}");
        let at = clean.as_ptr();
        let out = normalize_text(clean);
        assert_eq!(out.as_ptr(), at);
        assert_eq!(out, "«Nein»\u{a0}sagte er, ¿sí? ©¿");
        // A file in UTF-8 that carries them is mended as it is read.
        let decoded = decode("It\u{92}s \u{93}over\u{94}".as_bytes()).unwrap();
        assert_eq!(decoded.text, "It’s “over”");
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}

//! Mending mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere upstream
//! and stored that way, so that `’` reads `â€™`, `é` reads `Ã©` and `ł` reads `Å‚`.
//!
//! Scraped news carries it whenever one step of a pipeline guessed the wrong encoding, and it
//! splits words ("donâ€™t" is the tokens "donâ" and "t") and hides quotation marks from the
//! quote finder. The rule follows ftfy's: a run of characters that Windows-1252 encodes as the
//! bytes of one UTF-8 character is replaced by that character. It is applied only where it is
//! safe:
//! - a text is mended only if it has at least one sequence that ordinary text never has: `Â`
//!   or `Ã` before a character Windows-1252 encodes as 0x80 to 0xBF (`Ã©`, or `Â` before a
//!   no-break space), a UTF-8 sequence of three or four bytes (`â€™`, `ðŸ˜€`), or two
//!   sequences side by side (`ÐœÐ¾`);
//! - in such a text, a sequence is mended only if the character it gives is of a kind that
//!   mojibake comes from: Latin letters and symbols (U+0080 to U+017F, with the C1 controls
//!   that a second round of mojibake leaves), Greek and Cyrillic, general punctuation,
//!   currency signs, letterlike symbols (`™`, `№`), and pictographs.
//!
//! So "CAFÉ…" in a clean text stays as it is, although `É…` is the Windows-1252 disguise of
//! `Ʌ`, and legitimate text with `Ã` or `â` before a letter ("NÃO", "Alcântara") is never a
//! candidate. A text garbled twice over (`Ã¢â‚¬â„¢` for `’`) is mended pass by pass.

use crate::decode::windows_1252_byte;
use std::borrow::Cow;

/// The text with its mojibake mended, or the text itself (borrowed) when there is nothing to
/// mend.
///
/// ```
/// use slant_corpus::mojibake::mend;
/// assert_eq!(mend("Itâ€™s a â€œtestâ€\u{9d} in KrakÃ³w"), "It’s a “test” in Kraków");
/// assert_eq!(mend("CAFÉ… NÃO"), "CAFÉ… NÃO");
/// ```
pub fn mend(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    // Each pass shortens the text, so the passes end.
    while let Some(mended) = mend_once(&out) {
        out = Cow::Owned(mended);
    }
    out
}

/// One pass: `None` when the text has no sure sign of mojibake or nothing to mend.
fn mend_once(text: &str) -> Option<String> {
    if !may_hold_mojibake(text.as_bytes()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut sure = false;
    let mut copied = 0;
    // A disguise's characters after its first stand for continuation bytes, which never lead
    // a sequence, so the walk can pass over them without skipping.
    for (at, c) in text.char_indices() {
        let Some((mended, len, is_sure)) = sequence_at(&text[at..], c) else {
            continue;
        };
        debug_assert!(at >= copied);
        // Two disguised characters side by side (`ÐœÐ¾` for `Мо`) are as sure a sign.
        sure |= is_sure || (at > 0 && at == copied);
        out.push_str(&text[copied..at]);
        out.push(mended);
        copied = at + len;
    }
    if !sure {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Whether the bytes hold the disguise of a lead byte that can begin a sequence to mend (`Â` to
/// `Å` and `Î` to `Ó` for two bytes, `â` for three, `ð` for four; in UTF-8, 0xC3 and then
/// 0x82 to 0x85, 0x8E to 0x93, 0xA2 or 0xB0): a cheap test that most texts fail.
fn may_hold_mojibake(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, bytes).any(|i| {
        matches!(
            bytes.get(i + 1),
            Some(0x82..=0x85 | 0x8E..=0x93 | 0xA2 | 0xB0)
        )
    })
}

/// The character that the Windows-1252 disguise starting at `rest` (whose first character is
/// `first`) stands for, the length in bytes of the disguise in `rest`, and whether the
/// sequence is a sure sign of mojibake.
fn sequence_at(rest: &str, first: char) -> Option<(char, usize, bool)> {
    let lead = windows_1252_byte(first)?;
    let continuations = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut len = first.len_utf8();
    let mut following = rest[len..].chars();
    for slot in &mut bytes[1..=continuations] {
        let c = following.next()?;
        let b = windows_1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))?;
        *slot = b;
        len += c.len_utf8();
    }
    let mended = std::str::from_utf8(&bytes[..=continuations])
        .ok()?
        .chars()
        .next()?;
    if !mojibake_source(mended) {
        return None;
    }
    let sure = continuations > 1 || matches!(lead, 0xC2 | 0xC3);
    Some((mended, len, sure))
}

/// Whether a character is of a kind that mojibake is made of.
fn mojibake_source(c: char) -> bool {
    matches!(c as u32,
        0x80..=0x17F // C1 controls (mojibake of mojibake), Latin-1, Latin Extended-A
        | 0x380..=0x4FF // Greek, Cyrillic
        | 0x2010..=0x205F // general punctuation
        | 0x20A0..=0x20CF // currency signs
        | 0x2100..=0x214F // letterlike symbols
        | 0x1F300..=0x1FAFF // pictographs and emoji
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text encoded as UTF-8 and decoded as Windows-1252, as a mis-set pipeline does.
    fn disguised(text: &str) -> String {
        let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
        decoded.into_owned()
    }

    #[test]
    fn mojibake_of_many_languages_is_mended() {
        for text in [
            "It’s “over”, he said — again…",
            "Café, naïve, São Paulo, Ñandú; 5 €, 3 ™",
            "Może więcej, był już Łódź",
            "Москва и Баку",
            "Αθήνα",
            "Smile 😀 and 👍",
            "№ 5 • ½ kg · 20 °C",
        ] {
            let garbled = disguised(text);
            assert_ne!(garbled, text);
            assert_eq!(mend(&garbled), text, "{garbled:?}");
        }
    }

    /// Every lead byte a mended character can have, each alone in its text and doubled so that
    /// it is a sure sign, and the edges of the kinds of character mended.
    #[test]
    fn every_kind_of_character_is_mended_at_its_edges() {
        for c in [
            '£',
            'é',
            'ą',
            'ł',
            'ή',
            'ς',
            'М',
            'с',
            'Ґ',
            'ӧ',
            '’',
            '😀',
            '\u{80}',
            'ſ',
            '\u{380}',
            'ӿ',
            '‐',
            '\u{205f}',
            '₠',
            '\u{20cf}',
            '℀',
            '⅏',
            '🌀',
            '\u{1faff}',
        ] {
            let text = format!("a {c}{c} b");
            assert_eq!(mend(&disguised(&text)), text, "{c:?}");
        }
        for c in [
            'ƀ',
            '\u{37f}',
            'Ԁ',
            '\u{200f}',
            '\u{2060}',
            '\u{209f}',
            '\u{20d0}',
            '⅐',
            '\u{1f2ff}',
            '\u{1fb00}',
        ] {
            let garbled = disguised(&format!("a {c}{c} é"));
            let kept = garbled.strip_suffix("Ã©").unwrap();
            assert_eq!(mend(&garbled), format!("{kept}é"), "{c:?}");
        }
    }

    /// Bytes Windows-1252 leaves undefined decode (in WHATWG's Windows-1252 and in Latin-1)
    /// to the C1 control of the same number, which is read back as that byte: `”` is
    /// `â€` and U+009D.
    #[test]
    fn undefined_bytes_read_as_c1_controls_are_mended() {
        assert_eq!(mend("â€\u{9d}quoteâ€\u{9d}"), "”quote”");
        // Latin-1 rather than Windows-1252: every continuation is a C1 control.
        assert_eq!(mend("don\u{e2}\u{80}\u{99}t"), "don’t");
    }

    #[test]
    fn mojibake_mended_twice_over() {
        let twice = disguised(&disguised("It’s “over”"));
        assert!(twice.starts_with("ItÃ¢â‚¬â„¢s"), "{twice:?}");
        assert_eq!(mend(&twice), "It’s “over”");
    }

    /// Text that is not mojibake comes back borrowed: accents, Portuguese and Romanian capitals
    /// before letters, symbols after letters in a text with no sure sign.
    #[test]
    fn clean_text_is_left_alone() {
        for text in [
            "Plain ASCII, nothing to do.",
            "NÃO, IRMÃ; Alcântara; CÂND; Ângela",
            "CAFÉ… and «Fuß» and Å’s and Ð°",
            "À la carte, é, ñ, ü, ß, « » ¿ ¡ ©",
            "Москва, Kraków, 😀",
            "",
        ] {
            assert!(matches!(mend(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    /// In a text with a sure sign, a weaker sequence is mended too (Polish `ł` is `Å‚`), but a
    /// sequence that would give a character mojibake is not made of stays.
    #[test]
    fn a_sure_sign_lets_weaker_sequences_be_mended() {
        assert_eq!(mend("byÅ‚ â€“ KrakÃ³w"), "był – Kraków");
        // `Â` and `Ã` before a continuation are sure signs on their own.
        assert_eq!(mend("Â£5, Å‚"), "£5, ł");
        assert_eq!(mend("Ã©, Å‚"), "é, ł");
        assert_eq!(mend("Å‚ alone"), "Å‚ alone");
        assert_eq!(mend("Å‚ and Ð¸ apart"), "Å‚ and Ð¸ apart");
        assert_eq!(mend("side by side: Å‚Ð¸"), "side by side: łи");
        // `É…` would be U+0245, outside the kinds above.
        assert_eq!(mend("CAFÉ… â€“ x"), "CAFÉ… – x");
    }

    /// A disguise cut short, or one that is not valid UTF-8 (an overlong form, a surrogate),
    /// is left as it is.
    #[test]
    fn broken_sequences_stay() {
        assert_eq!(mend("Ã"), "Ã");
        assert_eq!(mend("â€"), "â€");
        assert_eq!(mend("xâ€ y"), "xâ€ y");
        // 0xC3 0x41 is no sequence; 0xE0 0x80 0x80 is overlong; 0xED 0xA0 0x80 a surrogate.
        assert_eq!(mend("ÃA"), "ÃA");
        assert_eq!(mend("à€€ Ã©"), "à€€ é");
        assert_eq!(mend("í\u{a0}€ Ã©"), "í\u{a0}€ é");
        // A NUL is no byte of a disguise.
        assert_eq!(mend("Ã\0 Ã©"), "Ã\0 é");
    }
}

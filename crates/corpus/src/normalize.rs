//! Normalisation of a word token for counting and matching: lower case, typographic apostrophes
//! folded to `'`, invisible soft hyphens and joiners dropped, letters composed (NFC), possessive
//! `'s` removed. Offsets are never touched: a normalised form is always
//! computed from, and reported beside, the exact bytes of the original token.

use crate::segment::Segmented;
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A document's text with its letters composed (NFC): "e" and a combining acute accent as
/// "é", as systems that store them apart (file names on macOS, some publishing systems) write
/// them, so that a name or a quotation reads the same however it was typed. Only a text with a
/// combining diacritical mark (U+0300–U+036F, whose UTF-8 alone starts with the byte 0xCC or
/// 0xCD) is looked at closely; any other is returned as it is.
///
/// ```
/// use slant_corpus::normalize::compose;
/// assert_eq!(compose("Jose\u{301} said".to_string()), "José said");
/// assert_eq!(compose("Baku’s reply".to_string()), "Baku’s reply");
/// ```
pub fn compose(text: String) -> String {
    if memchr::memchr2(0xcc, 0xcd, text.as_bytes()).is_none()
        || is_nfc_quick(text.chars()) == IsNormalized::Yes
    {
        return text;
    }
    text.nfc().collect()
}

/// A document's text without soft hyphens (U+00AD): invisible marks of where a line may
/// break inside a word ("inter\u{ad}national"), which pages set for narrow columns carry and
/// which would otherwise sit unseen inside the quotes and contexts of the report, where a
/// search for the word misses them.
///
/// ```
/// use slant_corpus::normalize::without_soft_hyphens;
/// assert_eq!(without_soft_hyphens("inter\u{ad}national".to_string()), "international");
/// ```
pub fn without_soft_hyphens(text: String) -> String {
    if memchr::memmem::find(text.as_bytes(), "\u{ad}".as_bytes()).is_none() {
        return text;
    }
    text.replace('\u{ad}', "")
}

/// Normalises one word token (as produced by [`crate::segment`]).
///
/// ```
/// use slant_corpus::normalize::normalize;
/// assert_eq!(normalize("Russia’s"), "russia");
/// assert_eq!(normalize("Anti-Russian"), "anti-russian");
/// assert_eq!(normalize("don’t"), "don't");
/// assert_eq!(normalize("plane"), "plane");
/// ```
pub fn normalize(word: &str) -> Cow<'_, str> {
    if is_plain(word) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    normalize_into(&mut out, word);
    Cow::Owned(out)
}

/// The normalised form ([`normalize_into`]) of every token of a segmented text, one after
/// another, each followed by one space: the form of any run of tokens is one slice. Computed
/// once per document for the analyses that read them (counting terms, matching lexicons).
///
/// ```
/// use slant_corpus::normalize::TokenForms;
/// use slant_corpus::segment::segment;
/// let text = "Baku’s reply came.";
/// let forms = TokenForms::new(text, &segment(text));
/// assert_eq!(forms.text(), "baku reply came ");
/// assert_eq!(forms.form(0), "baku");
/// assert_eq!(forms.run(1, 3), "reply came");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenForms {
    text: String,
    /// Where each token's form starts in `text`, then the length of `text`.
    bounds: Vec<u32>,
}

impl Default for TokenForms {
    fn default() -> Self {
        TokenForms {
            text: String::new(),
            bounds: vec![0],
        }
    }
}

impl TokenForms {
    /// The forms of the tokens of `seg`, a segmentation of `text`.
    pub fn new(text: &str, seg: &Segmented) -> Self {
        let mut forms = String::with_capacity(text.len() + seg.tokens.len());
        let mut bounds = Vec::with_capacity(seg.tokens.len() + 1);
        for tok in &seg.tokens {
            bounds.push(u32::try_from(forms.len()).unwrap_or(u32::MAX));
            normalize_into(&mut forms, tok.span.slice(text));
            forms.push(' ');
        }
        bounds.push(u32::try_from(forms.len()).unwrap_or(u32::MAX));
        TokenForms {
            text: forms,
            bounds,
        }
    }

    /// All the forms, each followed by one space.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where each token's form starts in [`TokenForms::text`].
    pub fn starts(&self) -> &[u32] {
        &self.bounds[..self.len()]
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The form of token `i`.
    pub fn form(&self, i: usize) -> &str {
        self.run(i, i + 1)
    }

    /// The forms of tokens `from..to` joined by single spaces (empty when the run is).
    pub fn run(&self, from: usize, to: usize) -> &str {
        match (self.bounds.get(from), self.bounds.get(to)) {
            (Some(&start), Some(&end)) if from < to => self
                .text
                .get(start as usize..end as usize - 1)
                .unwrap_or(""),
            _ => "",
        }
    }
}

/// [`normalize`], appending to `out`: no allocation of its own.
///
/// ```
/// use slant_corpus::normalize::normalize_into;
/// let mut out = String::from("x ");
/// normalize_into(&mut out, "Baku’s");
/// assert_eq!(out, "x baku");
/// ```
pub fn normalize_into(out: &mut String, word: &str) {
    fold_into(out, word, true);
}

/// [`normalize_into`] keeping the case: apostrophes and hyphens folded, a possessive dropped.
///
/// ```
/// use slant_corpus::normalize::normalize_cased_into;
/// let mut out = String::new();
/// normalize_cased_into(&mut out, "Pro‐Russian’s");
/// assert_eq!(out, "Pro-Russian");
/// ```
pub fn normalize_cased_into(out: &mut String, word: &str) {
    fold_into(out, word, false);
}

/// `text` lower-cased into `out` (emptied first), as `text.to_lowercase()` gives it, without
/// decoding characters when it is ASCII.
///
/// ```
/// use slant_corpus::normalize::lowercase_into;
/// let mut out = String::from("old");
/// lowercase_into(&mut out, "ΣΑΣ Baku");
/// assert_eq!(out, "σας baku");
/// ```
pub fn lowercase_into(out: &mut String, text: &str) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

fn fold_into(out: &mut String, word: &str, lower: bool) {
    let base = out.len();
    out.push_str(word);
    if is_plain(word) {
        return;
    }
    if word.is_ascii() {
        if lower {
            out[base..].make_ascii_lowercase();
        }
    } else {
        out.truncate(base);
        // A letter and its accent typed as two characters ("e\u{301}", as decomposed text
        // from some systems has it) count as the one letter (NFC).
        let composed: Cow<'_, str> = if is_nfc_quick(word.chars()) == IsNormalized::Yes {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(word.nfc().collect())
        };
        for c in composed.chars() {
            match c {
                // Turkish and Azerbaijani dotted capital I is a dotless i's capital's partner
                // only in those languages, where its lower case is a plain "i" ("İlham").
                '\u{130}' if lower => out.push('i'),
                // Typographic ligatures, as text copied out of a PDF carries them ("ﬁrst").
                '\u{fb00}'..='\u{fb06}' => {
                    let letters = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"][c as usize - 0xfb00];
                    out.push_str(letters);
                }
                '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{ff07}' => out.push('\''),
                '\u{2010}' | '\u{2011}' => out.push('-'),
                // Invisible inside a word (UAX #29 keeps them in it): a soft hyphen, as pages
                // hyphenated for narrow columns carry ("inter\u{ad}national"), a word joiner
                // and a byte-order mark.
                '\u{ad}' | '\u{2060}' | '\u{feff}' => {}
                c if !lower => out.push(c),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    // Possessives: "Russia's" and "Russia'" count as "russia". Contractions ("don't", "it's")
    // are kept whole except for the possessive-looking "it's", which is not a name anyway.
    let len = out.len() - base;
    if len > 2 && out.ends_with("'s") {
        out.truncate(out.len() - 2);
    } else if len > 1 && out.ends_with('\'') {
        out.truncate(out.len() - 1);
    }
}

/// Lower-case ASCII letters, digits and hyphens only: already normalised.
fn is_plain(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("Moscow", "moscow"),
            ("MOSCOW", "moscow"),
            ("Baku’s", "baku"),
            ("Baku's", "baku"),
            ("ÇAĞRI", "çağri"),
            ("de-escalation", "de-escalation"),
            ("State", "state"),
            ("2025", "2025"),
            ("won’t", "won't"),
            ("It's", "it"),
            ("'", "'"),
            ("s'", "s"),
            ("'S", "'s"),
            ("Ǆemal’S", "ǆemal"),
            ("inter\u{ad}national", "international"),
            ("Cafe\u{301}", "café"),
            ("İlham", "ilham"),
            ("ﬁrst", "first"),
            ("Eﬀect’s", "effect"),
            ("Inter\u{ad}na\u{2060}tional\u{feff}’s", "international"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
            let mut out = String::from("prefix's");
            normalize_into(&mut out, input);
            assert_eq!(out, format!("prefix's{want}"), "{input}");
        }
        for (input, want) in [
            ("Baku’s", "Baku"),
            ("ÇAĞRI", "ÇAĞRI"),
            ("It's", "It"),
            ("Won’t", "Won't"),
            ("Inter\u{ad}national", "International"),
            ("Cafe\u{301}", "Café"),
            ("İlham", "İlham"),
            ("Oﬃcial", "Official"),
        ] {
            let mut out = String::from("prefix's");
            normalize_cased_into(&mut out, input);
            assert_eq!(out, format!("prefix's{want}"), "{input}");
        }
    }

    /// A document's forms: each token's form and any run of them is one slice, the runs
    /// joined by single spaces, and a run that is empty or out of range is empty.
    #[test]
    fn token_forms() {
        let text = "Baku’s REPLY, in-kind.";
        let forms = TokenForms::new(text, &crate::segment::segment(text));
        assert_eq!(forms.text(), "baku reply in-kind ");
        assert_eq!(forms.starts(), [0, 5, 11]);
        assert_eq!((forms.len(), forms.is_empty()), (3, false));
        let each: Vec<&str> = (0..3).map(|i| forms.form(i)).collect();
        assert_eq!(each, ["baku", "reply", "in-kind"]);
        assert_eq!(forms.run(0, 3), "baku reply in-kind");
        assert_eq!(forms.run(1, 3), "reply in-kind");
        assert_eq!(forms.run(1, 1), "");
        assert_eq!(forms.run(2, 1), "");
        assert_eq!(forms.run(2, 4), "");
        assert_eq!(forms.form(3), "");
        let none = TokenForms::new("", &crate::segment::segment(""));
        assert_eq!((none.len(), none.is_empty(), none.text()), (0, true, ""));
        assert!(none.starts().is_empty());
        assert_eq!((none.run(0, 0), none.form(0)), ("", ""));
        assert_eq!(none, TokenForms::default());
    }

    /// A document's text has its letters composed and its soft hyphens dropped before it is
    /// read; text with neither comes back unchanged.
    #[test]
    fn whole_texts_composed_and_without_soft_hyphens() {
        assert_eq!(compose("Jose\u{301} and Zoe\u{308}".into()), "José and Zoë");
        assert_eq!(
            compose("José, already composed".into()),
            "José, already composed"
        );
        assert_eq!(compose("Baku’s reply".into()), "Baku’s reply");
        assert_eq!(
            without_soft_hyphens("inter\u{ad}national co\u{ad}operation".into()),
            "international cooperation"
        );
        assert_eq!(without_soft_hyphens("Baku’s reply".into()), "Baku’s reply");
    }
}

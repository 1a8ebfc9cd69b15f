//! Sentence and word segmentation with byte offsets into the cleaned text.
//!
//! Sentences start from Unicode's UAX #29 boundaries and then mend what those rules get wrong in
//! news: titles and abbreviations ("Mr.", "Gov.", "Sen."), initials ("John F. Kennedy"), "U.S."
//! before a lower-case word or a name, and quotes that end in "?" or "!" followed by "she asked".
//! Words are UAX #29 words (runs with a letter or digit); letter compounds joined by a hyphen
//! ("anti-Russian", "de-escalation") are one token. Every span slices back to exactly its text.

use unicode_segmentation::UnicodeSegmentation;

/// A byte range of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text of the span.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// One word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token in the text.
    pub span: Span,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
}

/// A segmented document: sentences and tokens, both in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Sentence spans, trimmed of surrounding white space, never empty.
    pub sentences: Vec<Span>,
    /// Word tokens.
    pub tokens: Vec<Token>,
}

/// Segments a cleaned text into sentences and tokens.
///
/// ```
/// use slant_corpus::segment::segment;
/// let text = "Mr. Aliyev spoke. “Is it over?” she asked.";
/// let seg = segment(text);
/// let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.slice(text)).collect();
/// assert_eq!(sentences, ["Mr. Aliyev spoke.", "“Is it over?” she asked."]);
/// assert_eq!(seg.tokens.len(), 8);
/// ```
pub fn segment(text: &str) -> Segmented {
    let sentences = sentences(text);
    let mut tokens = Vec::with_capacity(text.len() / 6);
    for (i, s) in sentences.iter().enumerate() {
        let sentence = u32::try_from(i).unwrap_or(u32::MAX);
        words_into(text, *s, sentence, &mut tokens);
    }
    Segmented { sentences, tokens }
}

/// Word tokens of `text[span]`, appended to `out` with the given sentence index.
fn words_into(text: &str, span: Span, sentence: u32, out: &mut Vec<Token>) {
    let first = out.len();
    for (start, w) in word_indices_within(text, span) {
        let end = start + w.len();
        // Join "anti" "-" "Russian" into one token when both sides hold letters.
        if out.len() > first {
            if let Some(prev) = out.last_mut() {
                let gap = &text[prev.span.end..start];
                let is_hyphen = matches!(gap, "-" | "\u{2010}" | "\u{2011}");
                if is_hyphen && has_letter(&text[prev.span.start..prev.span.end]) && has_letter(w) {
                    prev.span.end = end;
                    continue;
                }
            }
        }
        out.push(Token {
            span: Span { start, end },
            sentence,
        });
    }
}

/// The words of `text` with their byte offsets: exactly what unicode-segmentation's
/// `unicode_word_indices` (UAX #29 word boundaries, segments holding a letter or digit) gives,
/// several times faster on news text.
///
/// UAX #29 joins nothing across ASCII white space except that a combining mark (or a format
/// character or joiner) attaches to the spaces or tab before it, and that horizontal spaces
/// run together, ASCII or not (so a mark after "\u{2009} " joins both). So the text is
/// scanned with the ASCII subset of the rules (WB5–WB13b: letters, digits and `_` run
/// together; `'`, `.` and `:` join two letters; `'`, `.`, `,` and `;` join two digits) up to
/// the piece (between ASCII white space, with the spaces or tab before it) that holds the next
/// non-ASCII character, and that piece goes through unicode-segmentation in full.
/// unicode-segmentation has its own ASCII fast path, but only for an all-ASCII text: one curly
/// quote in an article loses it for the whole article. A property test checks the two agree
/// on arbitrary text.
///
/// ```
/// use slant_corpus::segment::word_indices;
/// let words: Vec<(usize, &str)> = word_indices("It’s 3.5 km, isn't it? U.S.").collect();
/// assert_eq!(words, [(0, "It’s"), (7, "3.5"), (11, "km"), (15, "isn't"), (21, "it"), (25, "U.S")]);
/// ```
pub fn word_indices(text: &str) -> WordIndices<'_> {
    word_indices_within(
        text,
        Span {
            start: 0,
            end: text.len(),
        },
    )
}

/// The words of `text[span]` as [`word_indices`] gives them, at their offsets in `text`. (The
/// ASCII scan may read past the span, to read whole 64-byte blocks, but finds nothing there.)
fn word_indices_within(text: &str, span: Span) -> WordIndices<'_> {
    WordIndices {
        text,
        pos: span.start,
        end: span.end,
        piece: Piece::None,
    }
}

/// The iterator of [`word_indices`].
pub struct WordIndices<'t> {
    text: &'t str,
    /// Where the next piece starts (after the current one).
    pos: usize,
    /// Where the words end.
    end: usize,
    piece: Piece<'t>,
}

/// The piece being scanned.
enum Piece<'t> {
    None,
    /// An all-ASCII piece, scanned 64 bytes at a time.
    Ascii(AsciiWords),
    /// Anything else, through unicode-segmentation, with the piece's offset.
    Unicode(usize, unicode_segmentation::UnicodeWordIndices<'t>),
}

impl<'t> Iterator for WordIndices<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match &mut self.piece {
                Piece::Ascii(words) => {
                    if let Some((s, e)) = words.next(self.text.as_bytes()) {
                        return Some((s, &self.text[s..e]));
                    }
                }
                Piece::Unicode(base, words) => {
                    if let Some((at, w)) = words.next() {
                        return Some((*base + at, w));
                    }
                }
                Piece::None => {}
            }
            // What follows: all ASCII up to the piece (between ASCII white space) that holds
            // the next non-ASCII byte, which then goes through the full rules on its own.
            let bytes = self.text.as_bytes();
            let start = self.pos;
            if start >= self.end {
                self.piece = Piece::None;
                return None;
            }
            let Some(wide) = first_non_ascii(&bytes[start..self.end]).map(|k| start + k) else {
                self.pos = self.end;
                self.piece = Piece::Ascii(AsciiWords::new(bytes, start, self.end));
                continue;
            };
            let mut piece_start = bytes[start..wide]
                .iter()
                .rposition(|&b| is_ascii_space(b))
                .map_or(start, |i| start + i + 1);
            // A combining mark joins the spaces or tab before it (WB3d, WB4): " \u{64e}" is
            // one segment, and a word, as the mark is alphabetic. Those go with the piece.
            while piece_start > start && matches!(bytes[piece_start - 1], b' ' | b'\t') {
                piece_start -= 1;
            }
            if piece_start > start {
                self.pos = piece_start;
                self.piece = Piece::Ascii(AsciiWords::new(bytes, start, piece_start));
                continue;
            }
            // The piece ends at ASCII white space, but not at a space after a non-ASCII one
            // (" " after "\u{2009}"): UAX #29 keeps horizontal spaces together (WB3d), so a
            // combining mark after them joins them all.
            let mut piece_end = wide;
            let bytes = &bytes[..self.end];
            loop {
                piece_end = bytes[piece_end..]
                    .iter()
                    .position(|&b| is_ascii_space(b))
                    .map_or(bytes.len(), |i| piece_end + i);
                let after_wide_space = bytes.get(piece_end) == Some(&b' ')
                    && self.text[..piece_end]
                        .chars()
                        .next_back()
                        .is_some_and(|c| !c.is_ascii() && is_wseg_space(c));
                if !after_wide_space {
                    break;
                }
                while bytes.get(piece_end) == Some(&b' ') {
                    piece_end += 1;
                }
            }
            self.pos = piece_end;
            self.piece = Piece::Unicode(start, self.text[start..piece_end].unicode_word_indices());
        }
    }
}

/// UAX #29's WSegSpace: the space separators that are not no-break spaces.
fn is_wseg_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{1680}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200A}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Where the first byte of `b` outside ASCII is, checking 32 bytes at a time.
fn first_non_ascii(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    for chunk in b.chunks(32) {
        if !chunk.is_ascii() {
            return chunk.iter().position(|&x| x >= 0x80).map(|i| at + i);
        }
        at += chunk.len();
    }
    None
}

/// What a byte is to the word scanner: bits of [`CLASS`].
const WORD: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
/// Joins two letters (WB6/7): `'`, `.`, `:`.
const MID_LETTER: u8 = 16;
/// Joins two digits (WB11/12): `'`, `.`, `,`, `;`.
const MID_DIGIT: u8 = 32;

/// The class of every byte; a byte of a multi-byte character has none.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            WORD | LETTER
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else {
            match c {
                b'_' => WORD,
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => SPACE,
                b'\'' | b'.' => MID_LETTER | MID_DIGIT,
                b':' => MID_LETTER,
                b',' | b';' => MID_DIGIT,
                _ => 0,
            }
        };
        b += 1;
    }
    t
};

/// ASCII white space as UAX #29 sees it: never inside a word.
fn is_ascii_space(b: u8) -> bool {
    CLASS[usize::from(b)] & SPACE != 0
}

/// The UAX #29 words of the all-ASCII bytes `start..end` of a text, found 64 bytes at a time:
/// each block of bytes becomes a bit mask of the bytes that belong to a word (letters, digits
/// and `_`, and the marks that join two letters or two digits), and the words are its runs of
/// ones, found with `trailing_zeros` rather than a branch on every byte.
struct AsciiWords {
    /// First byte of the piece.
    start: usize,
    /// One past its last byte.
    end: usize,
    /// First byte of the current block.
    base: usize,
    /// The block's word bits not yet passed over.
    mask: u64,
}

impl AsciiWords {
    fn new(b: &[u8], start: usize, end: usize) -> AsciiWords {
        AsciiWords {
            start,
            end,
            base: start,
            mask: Self::block(b, start, start, end),
        }
    }

    /// Bit `k` is set when byte `base + k` is part of a word: a letter, digit or `_`
    /// (WB5, WB8–WB10, WB13), or a mark between two letters (WB6/7: `'`, `.`, `:`) or two
    /// digits (WB11/12: `'`, `.`, `,`, `;`). Bytes outside `start..end` are none.
    fn block(b: &[u8], base: usize, start: usize, end: usize) -> u64 {
        if base + 64 <= b.len() {
            return Self::full_block(b, base, start, end);
        }
        let class = |i: usize| class_within(b, start..end, i);
        let last = (base + 64).min(end);
        let mut prev = base.checked_sub(1).map_or(0, class);
        let mut cur = class(base);
        let mut mask = 0u64;
        for i in base..last {
            let next = class(i + 1);
            mask |= u64::from(cur & WORD != 0 || joins(prev, cur, next)) << (i - base);
            prev = cur;
            cur = next;
        }
        mask
    }

    /// [`AsciiWords::block`] when the text holds 64 bytes from `base`, eight at a time: the letters,
    /// digits and `_` by arithmetic on the eight bytes at once, then each byte that stands alone
    /// between two of them by the rules (most blocks have a few: "U.S", "don't", "3,000").
    fn full_block(b: &[u8], base: usize, start: usize, end: usize) -> u64 {
        let (mut words, mut marks) = (0u64, 0u64);
        for (k, eight) in b[base..base + 64].chunks_exact(8).enumerate() {
            let (w, m) = word_bytes(u64::from_le_bytes(eight.try_into().unwrap_or_default()));
            words |= w << (8 * k);
            marks |= m << (8 * k);
        }
        // Bytes past the piece's end (non-ASCII ones among them, whose sums may carry into the
        // byte after, past the end too) are none of its words.
        if end - base < 64 {
            let inside = (1u64 << (end - base)) - 1;
            words &= inside;
            marks &= inside;
        }
        let class = |i: usize| class_within(b, start..end, i);
        let word_before = u64::from(base.checked_sub(1).map_or(0, class) & WORD != 0);
        let word_after = u64::from(class(base + 64) & WORD != 0);
        let mut between =
            marks & !words & (words << 1 | word_before) & (words >> 1 | word_after << 63);
        let mut joined = 0u64;
        while between != 0 {
            let k = between.trailing_zeros() as usize;
            between &= between - 1;
            let i = base + k;
            joined |= u64::from(joins(class(i - 1), class(i), class(i + 1))) << k;
        }
        words | joined
    }

    /// The next word's byte range.
    fn next(&mut self, b: &[u8]) -> Option<(usize, usize)> {
        loop {
            if self.mask == 0 {
                self.base += 64;
                if self.base >= self.end {
                    return None;
                }
                self.mask = Self::block(b, self.base, self.start, self.end);
                continue;
            }
            let s = self.mask.trailing_zeros() as usize;
            let run = (!(self.mask >> s)).trailing_zeros() as usize;
            let first = self.base + s;
            let mut last = first + run;
            if s + run < 64 {
                self.mask &= !0u64 << (s + run);
            } else {
                // The word goes on into the next blocks.
                self.mask = 0;
                loop {
                    self.base += 64;
                    if self.base >= self.end {
                        break;
                    }
                    let m = Self::block(b, self.base, self.start, self.end);
                    let ones = (!m).trailing_zeros() as usize;
                    last = self.base + ones;
                    if ones < 64 {
                        self.mask = m & (!0u64 << ones);
                        break;
                    }
                }
            }
            // Like unicode_word_indices: only segments with a letter or digit are words.
            if b[first..last].iter().any(|&x| x != b'_') {
                return Some((first, last));
            }
        }
    }
}

/// The [`CLASS`] of byte `i` of `b`, or none outside `range`.
fn class_within(b: &[u8], range: std::ops::Range<usize>, i: usize) -> u8 {
    if range.contains(&i) {
        CLASS[usize::from(b[i])]
    } else {
        0
    }
}

/// Whether a byte of class `cur` between bytes of classes `prev` and `next` joins them into
/// one word: a mark between two letters (WB6/7) or two digits (WB11/12).
fn joins(prev: u8, cur: u8, next: u8) -> bool {
    (prev & next & LETTER != 0 && cur & MID_LETTER != 0)
        || (prev & next & DIGIT != 0 && cur & MID_DIGIT != 0)
}

/// Two masks of eight ASCII bytes, one bit per byte (bit `k` for byte `k` of `x`,
/// little-endian): the letters, digits and `_`; and the bytes from `'` to `;`, among which are
/// all the marks that join two letters or two digits (`'`, `,`, `.`, `:`, `;`). Every byte is
/// below 0x80, so adding to a byte never carries into the next: its top bit says whether the
/// byte reached the bound that was added to it. (A caller may pass bytes past the text it
/// reads, non-ASCII ones among them, and ignore what they give: the sums wrap rather than
/// overflow.)
fn word_bytes(x: u64) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let at_least = |x: u64, low: u8| x.wrapping_add(u64::from(0x80 - low) * ONES);
    let lower = x | (0x20 * ONES);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    let underscore = !((x ^ (u64::from(b'_') * ONES)).wrapping_add(0x7F * ONES));
    let marks = at_least(x, b'\'') & !at_least(x, b';' + 1);
    // Gather the top bits of the eight bytes into the low eight bits.
    let gather = |tops: u64| ((tops & TOPS) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    (gather(letter | digit | underscore), gather(marks))
}

/// Whether the gap between two tokens is white space only, as between the words of a phrase
/// (most often one space).
pub fn white_space_gap(gap: &str) -> bool {
    gap == " " || gap.chars().all(char::is_whitespace)
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Sentence spans of a text.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut raw: Vec<Span> = Vec::new();
    for (at, s) in crate::sentence_bounds::sentence_bound_indices(text) {
        let span = Span {
            start: at,
            end: at + s.len(),
        };
        let mend = match raw.last() {
            Some(prev) => should_join(&text[prev.start..prev.end], s),
            None => false,
        };
        match raw.last_mut() {
            Some(prev) if mend => prev.end = span.end,
            _ => raw.push(span),
        }
    }
    raw.into_iter().filter_map(|s| trim(text, s)).collect()
}

/// Trims white space from both ends of a span; `None` when nothing but white space is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() || !t.chars().any(char::is_alphanumeric) && t.chars().count() < 2 {
        return None;
    }
    Some(Span {
        start: span.start + lead,
        end: span.start + lead + t.len(),
    })
}

/// Abbreviated titles, written before a name ("Sen. Claire McCaskill", "Sens. Chuck Grassley
/// and Patrick Leahy"): a sentence never ends after one.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "cpl",
    "adm", "maj", "cmdr", "rev", "hon", "pres", "supt", "det", "atty", "amb", "insp", "pvt",
    "messrs", "mme", "mmes", "drs", "profs", "sens", "reps", "govs", "gens",
];

/// Other abbreviations after which a sentence never ends.
const NEVER_FINAL: &[&str] = &[
    "st", "mt", "ft", "vs", "v", "no", "nos", "del", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "etc", "cf", "al",
    "ave", "blvd", "rd", "sr", "jr",
];

/// Whether a word, lower-cased and without its full stop, is an abbreviated title that comes
/// before a name ("sen", "sens", "supt", "messrs"): the name goes on after its stop.
///
/// ```
/// use slant_corpus::segment::is_title_abbreviation;
/// assert!(is_title_abbreviation("sens"));
/// assert!(!is_title_abbreviation("sept"));
/// ```
pub fn is_title_abbreviation(lower: &str) -> bool {
    TITLES.contains(&lower)
}

/// Whether no sentence ends after this abbreviation (lower-cased, without its stops).
fn never_final(bare: &str) -> bool {
    TITLES.contains(&bare) || NEVER_FINAL.contains(&bare)
}

/// Abbreviations that may end a sentence, but not when a lower-case word or a title-cased word of
/// a name ("U.S. President") follows: written with their dots removed.
const MAYBE_FINAL: &[&str] = &[
    "us", "uk", "un", "eu", "am", "pm", "inc", "ltd", "co", "corp", "dc",
];

/// Whether the full stop that ends `s` belongs to an abbreviation ("Jr.", "U.S.", "Inc.", the
/// initial of "John F.") rather than ending a sentence: a span trimmed of a sentence's final
/// stop keeps this one.
///
/// ```
/// use slant_corpus::segment::ends_with_abbreviation;
/// assert!(ends_with_abbreviation("said Martin Luther King Jr."));
/// assert!(ends_with_abbreviation("an official of the U.S."));
/// assert!(!ends_with_abbreviation("a government spokesman."));
/// assert!(!ends_with_abbreviation("no stop"));
/// ```
pub fn ends_with_abbreviation(s: &str) -> bool {
    let Some(body) = last_word(s).strip_suffix('.') else {
        return false;
    };
    if body.contains('.') {
        return true;
    }
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && body.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let bare = body.to_lowercase();
    never_final(&bare) || matches!(bare.as_str(), "inc" | "ltd" | "co" | "corp")
}

/// Whether the UAX #29 boundary between `prev` and `next` is a false one.
fn should_join(prev: &str, next: &str) -> bool {
    // A boundary at a line break is a paragraph or heading end: always real.
    if prev.ends_with('\n') || prev.trim_end_matches([' ', '\t']).ends_with('\n') {
        return false;
    }
    let p = prev.trim_end();
    let n = next.trim_start();
    let Some(first) = n.chars().next() else {
        return false;
    };
    // "“Is it over?” she asked." — a ? or ! inside quotes followed by a lower-case word.
    if first.is_lowercase() {
        return true;
    }
    if !p.ends_with('.') {
        return false;
    }
    let word = last_word(p);
    let bare: String = word
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    if bare.is_empty() {
        return false;
    }
    // Initials: "F." in "John F. Kennedy".
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) && word.len() <= 3 {
        return true;
    }
    if never_final(&bare) {
        // "Jan." ends a sentence only when no number follows; titles never do.
        return true;
    }
    // Initials after a title: "Rep. G.K. Butterfield", "Gov. J.B. Pritzker". (After other
    // words, "N.J." or "L.A." may end a sentence.)
    let initials = word
        .split('.')
        .filter(|part| !part.is_empty())
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    if initials && letters <= 3 {
        let before = last_word(p[..p.len() - word.len()].trim_end());
        let title: String = before
            .chars()
            .filter(|c| *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        if before.ends_with('.') && never_final(&title) {
            return true;
        }
    }
    if MAYBE_FINAL.contains(&bare.as_str()) {
        // "the U.S. The president" is ambiguous; news style favours a boundary there unless the
        // next word is one that continues a noun phrase.
        let next_word: String = n.chars().take_while(|c| c.is_alphanumeric()).collect();
        // A country's or union's initials also go on into a longer name, where the word after
        // the next is a capital or joins one: "a U.S. Securities and Exchange Commission
        // inquiry", "the U.N. Human Rights Council" (not "the U.S. Officials said", nor "the
        // U.S. The war", whose next word opens sentences).
        let in_name = || {
            let after = n[next_word.len()..]
                .trim_start_matches('.')
                .strip_prefix(' ')
                .unwrap_or_default();
            let second: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            matches!(bare.as_str(), "us" | "uk" | "un" | "eu")
                && next_word.chars().next().is_some_and(char::is_uppercase)
                && !crate::stopwords::is_stopword(&next_word.to_lowercase())
                && (second.chars().next().is_some_and(char::is_uppercase)
                    || matches!(second.as_str(), "and" | "of" | "for"))
        };
        return in_name()
            || matches!(
                next_word.as_str(),
                "President"
                    | "Senate"
                    | "House"
                    | "Congress"
                    | "Army"
                    | "Navy"
                    | "Embassy"
                    | "State"
                    | "Ambassador"
                    | "Secretary"
                    | "Department"
                    | "Supreme"
                    | "Court"
                    | "Security"
                    | "Council"
                    | "Commission"
                    | "Parliament"
                    | "Treasury"
                    | "Attorney"
                    | "Justice"
            );
    }
    // Initials before a surname: "said J.K. Rowling". (Not after a comma, where they are a
    // state ending a dateline or an address, "Newark, N.J.", and not before a word that
    // opens sentences, "N.Y. The".)
    if initials && letters >= 2 {
        let before = p[..p.len() - word.len()].trim_end();
        let next_word: String = n.chars().take_while(|c| c.is_alphabetic()).collect();
        let lower: String = next_word.to_lowercase();
        if !before.ends_with(',')
            && next_word.chars().skip(1).all(char::is_lowercase)
            && next_word.chars().count() >= 2
            && !crate::stopwords::is_stopword(&lower)
        {
            return true;
        }
    }
    false
}

/// The last white-space separated word of `s`, without leading punctuation such as "(".
fn last_word(s: &str) -> &str {
    let w = s.rsplit(char::is_whitespace).next().unwrap_or(s);
    w.trim_start_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight bytes read past a piece's end may be any bytes: the masks are computed without an
    /// overflow (which a debug build would stop at), and ASCII bytes still give their classes.
    #[test]
    fn word_bytes_takes_any_eight_bytes() {
        for x in [u64::MAX, 0xFFFF_FFFF_0000_0000, 0x80C3_A9E2_8099_FF7F] {
            word_bytes(x);
        }
        let (words, marks) = word_bytes(u64::from_le_bytes(*b"a_9' .;\xff"));
        assert_eq!(words & 0b0111_1111, 0b0000_0111);
        // (Digits lie between `'` and `;` too.)
        assert_eq!(marks & 0b0111_1111, 0b0110_1100);
    }

    /// Horizontal spaces run together under UAX #29 whether ASCII or not, and a combining mark
    /// after them joins the run: the fast scan must not cut it at the ASCII space. (The
    /// property test over arbitrary text found the first of these.)
    #[test]
    fn a_combining_mark_after_mixed_spaces() {
        for text in [
            "\u{2009} \u{64e}",
            "a\u{2009}  \u{64e}b c",
            "x \u{3000} \u{301}y",
            "\u{2009} word",
            "word\u{2009} \u{a0}\u{64e}",
        ] {
            let fast: Vec<(usize, &str)> = word_indices(text).collect();
            let uax: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(fast, uax, "{text:?}");
        }
    }

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.slice(text)).collect()
    }

    /// One helper checks every token: its position, text and byte offsets.
    fn assert_token(text: &str, seg: &Segmented, pos: usize, want: &str, from: usize, to: usize) {
        let t = seg.tokens[pos];
        assert_eq!(
            (t.span.slice(text), t.span.start, t.span.end),
            (want, from, to),
            "token {pos}"
        );
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Putin spoke. Mrs. May left.",
                &["Mr. Putin spoke.", "Mrs. May left."],
            ),
            (
                "Gov. Newsom and Sen. Cruz met.",
                &["Gov. Newsom and Sen. Cruz met."],
            ),
            (
                "State Del. Marcia Price and Det. John Ruiz spoke.",
                &["State Del. Marcia Price and Det. John Ruiz spoke."],
            ),
            (
                "John F. Kennedy was shot. He died.",
                &["John F. Kennedy was shot.", "He died."],
            ),
            (
                "U.S. officials said so. Then left.",
                &["U.S. officials said so.", "Then left."],
            ),
            ("The U.S. President spoke.", &["The U.S. President spoke."]),
            (
                "It faces a U.S. Securities and Exchange Commission inquiry. The U.N. Human Rights Council met.",
                &[
                    "It faces a U.S. Securities and Exchange Commission inquiry.",
                    "The U.N. Human Rights Council met.",
                ],
            ),
            (
                "The plane flew to the U.S. Officials said it was fine. It was in the U.S. He Said.",
                &[
                    "The plane flew to the U.S.",
                    "Officials said it was fine.",
                    "It was in the U.S.",
                    "He Said.",
                ],
            ),
            (
                "He lives in the U.S. The war goes on.",
                &["He lives in the U.S.", "The war goes on."],
            ),
            (
                "“Is it over?” she asked. No.",
                &["“Is it over?” she asked.", "No."],
            ),
            (
                "He said: “We won.” Then he left.",
                &["He said: “We won.”", "Then he left."],
            ),
            (
                "On Dec. 25 the plane fell.",
                &["On Dec. 25 the plane fell."],
            ),
            (
                "A heading\nThe body starts here.",
                &["A heading", "The body starts here."],
            ),
            ("One.\n\nTwo.", &["One.", "Two."]),
            (
                "“It is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.). He left.",
                &[
                    "“It is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.).",
                    "He left.",
                ],
            ),
            (
                "The plant is in Newark, N.J. The mayor spoke.",
                &["The plant is in Newark, N.J.", "The mayor spoke."],
            ),
            (
                "The novels of George R.R. Martin sold well, said J.K. Rowling. She smiled.",
                &[
                    "The novels of George R.R. Martin sold well, said J.K. Rowling.",
                    "She smiled.",
                ],
            ),
            (
                "He moved to N.Y. The rain did not stop him.",
                &["He moved to N.Y.", "The rain did not stop him."],
            ),
            (
                "Sens. Jeff Merkley and Sherrod Brown wrote. Messrs. Smith and Jones left. \
                 Supt. Jane Doe spoke.",
                &[
                    "Sens. Jeff Merkley and Sherrod Brown wrote.",
                    "Messrs. Smith and Jones left.",
                    "Supt. Jane Doe spoke.",
                ],
            ),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "{text:?}");
        }
    }

    #[test]
    fn tokens_with_offsets() {
        let text = "Baku’s anti-Russian mood, 6-4.";
        let seg = segment(text);
        assert_token(text, &seg, 0, "Baku’s", 0, 8);
        assert_token(text, &seg, 1, "anti-Russian", 9, 21);
        assert_token(text, &seg, 2, "mood", 22, 26);
        assert_token(text, &seg, 3, "6", 28, 29);
        assert_token(text, &seg, 4, "4", 30, 31);
        assert_eq!(seg.tokens.len(), 5);
    }

    #[test]
    fn tokens_know_their_sentence() {
        let text = "One two. Three.";
        let seg = segment(text);
        let idx: Vec<u32> = seg.tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(idx, [0, 0, 1]);
    }
}

//! Quotation marks: where quoted text starts and ends.
//!
//! Marks are paired within a paragraph with a stack, so nested quotes (“… ‘…’ …”, „… «…» …“)
//! stay inside their outer quote. Straight marks (`"`, `'`) are told open from closed by what
//! surrounds them, and an apostrophe inside a word (`it’s`) is never a mark, nor is one that
//! elides a word's start or a year (‘90s, rock ‘n’ roll). A quote may run
//! over several paragraphs the way news prints it: an opening mark at the start of each
//! paragraph and a closing mark only at the end. A mark left open at the end of a paragraph
//! that the next paragraph does not continue closes there: it never swallows later text.
//!
//! Two straight apostrophes (`''…''`, the Penn Treebank and LDC encoding of a double mark) are
//! not read as marks: no outlet prints them, and a corpus that uses them should have them
//! replaced by `"` before it is analysed.

use slant_corpus::segment::Span;

/// One quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// The quoted text without its marks: one span per paragraph it runs over.
    pub pieces: Vec<Span>,
    /// From the opening mark to just after the closing mark (or the paragraph end).
    pub outer: Span,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Index of the paragraph where it opens.
    pub paragraph: usize,
}

impl Quoted {
    /// The quoted words of `text`, its pieces joined by a space.
    pub fn content(&self, text: &str) -> String {
        self.pieces
            .iter()
            .map(|p| p.slice(text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// From the first piece's start to the last piece's end.
    pub fn span(&self) -> Span {
        Span {
            start: self.pieces.first().map_or(self.outer.start, |p| p.start),
            end: self.pieces.last().map_or(self.outer.end, |p| p.end),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// “…”, „…“, "…"
    Double,
    /// «…»
    Guillemet,
    /// ‘…’, '…'
    Single,
}

#[derive(Debug, Clone, Copy)]
enum Mark {
    Open(Kind),
    Close(Kind),
    /// A straight or curly mark that may open or close.
    Either(Kind),
}

/// Paragraphs of a text: maximal runs of non-empty lines are split at every line break, since
/// cleaned text puts one paragraph per line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_trimmed(text, start, i, &mut out);
        start = i + 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead < s.len() {
        out.push(Span {
            start: start + lead,
            end: end - trail,
        });
    }
}

fn classify(text: &str, at: usize, c: char) -> Option<Mark> {
    if !is_mark_char(c) {
        return None;
    }
    let before = text[..at].chars().next_back();
    let after = text[at + c.len_utf8()..].chars().next();
    let letter = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    let space_or_edge = |ch: Option<char>| ch.is_none_or(|ch| ch.is_whitespace());
    let opener_context = |ch: Option<char>| {
        ch.is_none_or(|ch| ch.is_whitespace() || "([{—–-/:".contains(ch) || is_open_mark(ch))
    };
    Some(match c {
        '\u{201C}' => Mark::Either(Kind::Double), // “ opens in English, closes „…“
        '\u{201D}' => Mark::Close(Kind::Double),  // ”
        '\u{201E}' => Mark::Open(Kind::Double),   // „
        '\u{00AB}' => Mark::Open(Kind::Guillemet),
        '\u{00BB}' => Mark::Close(Kind::Guillemet),
        // A doubled ’ closes a double mark, as some outlets' software prints it: “…’’. (A
        // doubled ‘ opens as a single one does, [`mark_len`] long. The second half of a pair
        // is part of it.)
        '\u{2019}' if after == Some('\u{2019}') => Mark::Close(Kind::Double),
        '\u{2018}' | '\u{2019}' if before == Some(c) => return None,
        '\u{2018}' if elision_follows(text, at + c.len_utf8()) => return None,
        // ‘ after a word's last letter is a misused closing mark: “the theme ‘The Medium is
        // the Message‘, the famous statement …”.
        '\u{2018}' if letter(before) && !letter(after) => Mark::Close(Kind::Single),
        '\u{2018}' => Mark::Open(Kind::Single),
        '"' => {
            if opener_context(before) && !space_or_edge(after) {
                Mark::Open(Kind::Double)
            } else if !opener_context(before) {
                Mark::Close(Kind::Double)
            } else {
                Mark::Either(Kind::Double)
            }
        }
        '\u{2019}' | '\'' => {
            // An apostrophe between letters (it’s, don't) is not a mark; neither is one that
            // elides the start of a word or a year ('90s, 'em: `elision_follows`).
            if letter(before) && letter(after) {
                return None;
            }
            // Two straight apostrophes ('') are the Penn Treebank / LDC encoding of a double
            // mark, not a mark news prints; they are left alone (see the README).
            if c == '\'' && (before == Some('\'') || after == Some('\'')) {
                return None;
            }
            if closes_letter_elision(text, at) {
                return None;
            }
            if opener_context(before) && letter(after) && c == '\'' {
                if elision_follows(text, at + 1) {
                    return None;
                }
                Mark::Open(Kind::Single)
            } else if c == '\u{2019}' && opener_context(before) {
                // ’ opening a word: an elision (’tis) or a misused mark; not a quote.
                return None;
            } else {
                Mark::Close(Kind::Single)
            }
        }
        _ => return None,
    })
}

/// Words that news text prints with a leading apostrophe, which the writer's software often
/// turns into an opening mark (‘90s, rock ‘n’ roll, ‘em, ‘til, and a contraction typed after a
/// space: isn ‘t): read as a mark, each would open a quote running to the paragraph's end.
const ELIDED: [&str; 13] = [
    "n", "t", "s", "d", "m", "ll", "re", "ve", "em", "til", "cause", "cos", "bout",
];

/// Whether the text at `at` (just after a single mark) is an elided word: two digits of a year
/// ('90s, ‘08) or one of [`ELIDED`], ending there.
fn elision_follows(text: &str, at: usize) -> bool {
    let rest = &text.as_bytes()[at..];
    // (No elided word has more than five letters: a longer one is read no further.)
    let len = rest
        .iter()
        .take(6)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    // The word must end there: not in a longer word, nor run on into a non-ASCII letter.
    if text[at + len..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let word = &rest[..len];
    (len == 2 && word.iter().all(u8::is_ascii_digit))
        || (len == 3 && word[..2].iter().all(u8::is_ascii_digit) && word[2] == b's')
        || ELIDED
            .iter()
            .any(|e| word.eq_ignore_ascii_case(e.as_bytes()))
}

/// Whether the mark at `at` closes a one-letter elision opened by a single mark after a space:
/// the second mark of rock ‘n’ roll or 'n'.
fn closes_letter_elision(text: &str, at: usize) -> bool {
    let Some(rest) = text[..at].strip_suffix(['n', 'N']) else {
        return false;
    };
    let Some(before) = rest.strip_suffix(['\'', '\u{2018}']) else {
        return false;
    };
    before.chars().next_back().is_none_or(char::is_whitespace)
}

/// Characters [`classify`] may take for a mark.
fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
    )
}

/// Whether a byte can start a mark's UTF-8 encoding: `"`, `'`, the first byte of « » (0xC2)
/// or of the curly marks (0xE2).
#[cfg(test)]
fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// The offsets of the bytes that can start a mark (`"`, `'`, 0xC2 of « », 0xE2 of the curly
/// marks), in order: SIMD searches for three of them and for the rarer fourth, merged.
fn mark_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut three = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut c2 = memchr::memchr_iter(0xC2, bytes).peekable();
    std::iter::from_fn(move || match (three.peek(), c2.peek()) {
        (Some(&a), Some(&b)) if b < a => c2.next(),
        (Some(_), _) => three.next(),
        (None, _) => c2.next(),
    })
}

fn is_open_mark(c: char) -> bool {
    matches!(
        c,
        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2018}' | '"' | '\''
    )
}

/// An open mark on the stack: its kind, where it is, and whether „ opened it (so “ closes it).
#[derive(Debug, Clone, Copy)]
struct Open {
    kind: Kind,
    at: usize,
    low9: bool,
}

/// The quotes of one paragraph: those closed inside it, and the outermost mark left open.
fn parse_paragraph(text: &str, para: Span, pi: usize) -> (Vec<Quoted>, Option<(Open, Quoted)>) {
    let mut stack: Vec<Open> = Vec::new();
    let mut closed = Vec::new();
    let body = &text[para.start..para.end];
    let candidates =
        mark_starts(body.as_bytes()).filter_map(|off| body[off..].chars().next().map(|c| (off, c)));
    for (off, c) in candidates {
        let at = para.start + off;
        let Some(mark) = classify(text, at, c) else {
            continue;
        };
        // (A doubled ’ that no double mark is open for is a single mark and an apostrophe:
        // ‘the workers’’.)
        let mark = match mark {
            Mark::Close(Kind::Double)
                if c == '\u{2019}' && !stack.iter().any(|o| o.kind == Kind::Double) =>
            {
                Mark::Close(Kind::Single)
            }
            m => m,
        };
        let open = |low9| Open {
            kind: match mark {
                Mark::Open(k) | Mark::Close(k) | Mark::Either(k) => k,
            },
            at,
            low9,
        };
        let closes = match mark {
            Mark::Open(_) => false,
            Mark::Close(k) => stack.iter().any(|o| o.kind == k),
            // “ closes only a quote opened by „; a straight mark closes an open straight one.
            Mark::Either(k) if c == '\u{201C}' => {
                stack.last().is_some_and(|o| o.kind == k && o.low9)
            }
            Mark::Either(k) => stack.last().is_some_and(|o| o.kind == k),
        };
        if !closes {
            if !matches!(mark, Mark::Close(_)) {
                stack.push(open(c == '\u{201E}'));
            }
            continue;
        }
        let kind = open(false).kind;
        let Some(pos) = stack.iter().rposition(|o| o.kind == kind) else {
            continue;
        };
        let opened = stack[pos];
        // Marks opened inside it and never closed were apostrophes or strays.
        stack.truncate(pos);
        if stack.is_empty() {
            closed.push(Quoted {
                pieces: vec![Span {
                    start: opened.at + mark_len(text, opened.at),
                    end: at,
                }],
                outer: Span {
                    start: opened.at,
                    end: at + mark_len(text, at),
                },
                closed: true,
                paragraph: pi,
            });
        }
    }
    let unclosed = stack.first().map(|o| {
        (
            *o,
            Quoted {
                pieces: vec![Span {
                    start: o.at + mark_len(text, o.at),
                    end: para.end,
                }],
                outer: Span {
                    start: o.at,
                    end: para.end,
                },
                closed: false,
                paragraph: pi,
            },
        )
    });
    (closed, unclosed)
}

/// Finds the top-level quotations of a text.
pub fn find(text: &str) -> Vec<Quoted> {
    let paras = paragraphs(text);
    let parsed: Vec<_> = paras
        .iter()
        .enumerate()
        .map(|(pi, p)| parse_paragraph(text, *p, pi))
        .collect();
    // Whether a paragraph opens with a quote of this kind: the continuation of a quote left
    // open in the paragraph before.
    let opens_with = |pi: usize, kind: Kind| -> bool {
        let Some(p) = paras.get(pi) else {
            return false;
        };
        let Some(c) = text[p.start..p.end].chars().next() else {
            return false;
        };
        let starts = matches!(classify(text, p.start, c), Some(Mark::Open(k) | Mark::Either(k)) if k == kind);
        let (closed, unclosed) = &parsed[pi];
        starts
            && (closed.first().is_some_and(|q| q.outer.start == p.start)
                || unclosed.as_ref().is_some_and(|(o, _)| o.at == p.start))
    };
    let mut out: Vec<Quoted> = Vec::new();
    // The continuation consumed from paragraph `pi` (its first quote), if any.
    let mut consumed: Option<usize> = None;
    let mut pending: Option<(Kind, Quoted)> = None;
    for (pi, (closed, unclosed)) in parsed.iter().enumerate() {
        let mut closed = closed.clone();
        let mut unclosed = unclosed.clone();
        if consumed == Some(pi) {
            let (kind, mut q) = pending
                .take()
                .expect("a pending quote goes with `consumed`");
            // The paragraph's first quote continues `q`.
            if closed
                .first()
                .is_some_and(|c| c.outer.start == paras[pi].start)
            {
                let c = closed.remove(0);
                q.pieces.extend(c.pieces);
                q.outer.end = c.outer.end;
                q.closed = true;
                out.push(q);
            } else if let Some((o, u)) = unclosed.take() {
                q.pieces.extend(u.pieces);
                q.outer.end = u.outer.end;
                unclosed = Some((o, q));
                let _ = kind;
            }
        }
        out.extend(closed);
        if let Some((o, u)) = unclosed {
            if opens_with(pi + 1, o.kind) {
                pending = Some((o.kind, u));
                consumed = Some(pi + 1);
            } else {
                // Left open and not continued: it ends with its paragraph.
                out.push(u);
            }
        }
    }
    for q in &mut out {
        for p in &mut q.pieces {
            let s = &text[p.start..p.end];
            p.start += s.len() - s.trim_start().len();
            p.end = p.start + text[p.start..p.end].trim_end().len();
        }
        q.pieces.retain(|p| p.end > p.start);
    }
    out.retain(|q| !q.pieces.is_empty());
    out.sort_by_key(|q| q.outer.start);
    out
}

fn mark_len(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    if rest.starts_with("\u{2019}\u{2019}") || rest.starts_with("\u{2018}\u{2018}") {
        return 6;
    }
    rest.chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The merged searches find exactly the bytes a scan of every byte finds.
        #[test]
        fn mark_starts_are_the_bytes_that_may_start_a_mark(
            text in "([a-z \"'«»“”„‘’—é…\n]){0,80}"
        ) {
            let bytes = text.as_bytes();
            let scanned: Vec<usize> = (0..bytes.len()).filter(|&i| super::may_start_mark(bytes[i])).collect();
            prop_assert_eq!(super::mark_starts(bytes).collect::<Vec<_>>(), scanned);
        }

        /// Top-level quotations do not overlap, and come in text order: each ends where or
        /// before the next one opens. (`extract` relies on it to find neighbours by search.)
        #[test]
        fn quotations_are_disjoint_and_in_order(
            text in "([a-z \"'«»“”„‘’—.,:é…\n]|\n\n|said ){0,120}"
        ) {
            let found = super::find(&text);
            for pair in found.windows(2) {
                prop_assert!(pair[0].outer.end <= pair[1].outer.start, "{:?}", pair);
            }
            for q in &found {
                prop_assert!(q.outer.start <= q.outer.end);
            }
        }
    }

    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        find(text)
            .iter()
            .map(|q| {
                q.pieces
                    .iter()
                    .map(|p| &text[p.start..p.end])
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn mark_styles() {
        assert_eq!(quotes("He said “we will win” today."), ["we will win"]);
        assert_eq!(quotes("He said \"we will win\" today."), ["we will win"]);
        assert_eq!(quotes("Er sagte „wir gewinnen“ heute."), ["wir gewinnen"]);
        assert_eq!(
            quotes("Il a dit « nous gagnerons » hier."),
            ["nous gagnerons"]
        );
        assert_eq!(quotes("She called it ‘a farce’, he said."), ["a farce"]);
        assert_eq!(quotes("She called it 'a farce', he said."), ["a farce"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quotes("“It says ‘except as punishment,’ you see,” she said."),
            ["It says ‘except as punishment,’ you see,"]
        );
        assert_eq!(
            quotes("\"Read the question: “Do you think so?” Yes.\""),
            ["Read the question: “Do you think so?” Yes."]
        );
    }

    #[test]
    fn doubled_apostrophes_are_not_marks() {
        assert_eq!(
            quotes("''This isn't reform,'' he said."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("It’s the voters’ choice, isn't it?"),
            Vec::<String>::new()
        );
        assert_eq!(
            quotes("“It’s in their heads,” said Caddell."),
            ["It’s in their heads,"]
        );
    }

    #[test]
    fn interrupted_quotes_are_two_quotes_here() {
        assert_eq!(quotes("“We will,” she said, “win.”"), ["We will,", "win."]);
    }

    #[test]
    fn multi_paragraph_quote() {
        let text = "He said:\n“First paragraph goes on.\n“Second paragraph ends.”\nAfter.";
        assert_eq!(
            quotes(text),
            ["First paragraph goes on. | Second paragraph ends."]
        );
    }

    #[test]
    fn an_elided_word_or_year_opens_no_quote() {
        // Each would otherwise open a quote running to the paragraph's end.
        for text in [
            "Lynch worked at a law firm in the '80s, where clients trusted her.",
            "The band revived its ‘90s hits on a tour of the country.",
            "Her ‘08 campaign ended early.",
            "The automaker isn ‘t slowing down on new models.",
            "Gotta catch ‘em all, the ad said.",
        ] {
            assert_eq!(quotes(text), Vec::<String>::new(), "{text}");
        }
        // A ‘ after a word's last letter closes a quote.
        assert_eq!(
            quotes("The theme is ‘The Medium is the Message‘, the famous statement."),
            ["The Medium is the Message"]
        );
        // Rock ‘n’ roll inside a quote leaves the quote whole.
        assert_eq!(
            quotes("‘Rock ‘n’ roll will never die,’ he said. Rock 'n' roll."),
            ["Rock ‘n’ roll will never die,"]
        );
        // A quote that opens with a longer word or number is still a quote.
        assert_eq!(
            quotes("He called it ‘the best of times’ and ‘2020 vision’."),
            ["the best of times", "2020 vision"]
        );
    }

    #[test]
    fn an_unclosed_mark_stops_at_its_paragraph() {
        let text = "He said “this never closes.\nThe next paragraph is not quoted.";
        assert_eq!(quotes(text), ["this never closes."]);
        let q = &find(text)[0];
        assert!(!q.closed);
        assert_eq!(q.outer.end, text.find('\n').unwrap());
    }
}

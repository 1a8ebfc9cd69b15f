//! Attributed quotes: who is quoted, in whose words, with which reporting verb.
//!
//! Rules, not a parser: quotation marks are paired ([`marks`]); each quote then looks for its
//! attribution in the order news writes it:
//!
//! 1. after the quote, in the same sentence: `“…,” said Konstantin Zatulin, a deputy…`,
//!    `“…,” Revesz said`, `“…,” according to X`;
//! 2. before it, in the same sentence: `As Farhad Mammadov, head of X, noted, “…”`,
//!    `X said: “…”`, `X said the plan was “a disaster”`;
//! 3. a paragraph that introduces it with a colon (`Caddell continued:`), a dash line
//!    (`“…” – Matthew Bryza`), or the quote paragraph before it, for a quote that runs on.
//!
//! A quote interrupted by its attribution (`“A,” she said, “B.”`) is one quote. Pronouns take
//! the most recent named speaker. Names are reduced to the person (`President Vladimir Putin`
//! → `Vladimir Putin`), and a bare surname takes the full name used elsewhere in the document,
//! then in the corpus ([`resolve_speakers`]). A short quoted term nobody is said to have said
//! is a scare quote. Sentences that report speech without marks (`X said that …`) are indirect
//! quotes.

pub mod lexicon;
pub mod marks;

use lexicon::{Cue, Cues, FirstNames, Gazetteer, Gender, Titles};
use rustc_hash::{FxHashMap, FxHashSet};
use slant_corpus::meta::is_calendar_word;
use slant_corpus::segment::{ends_with_abbreviation, Segmented, Span};
use slant_corpus::stopwords::is_stopword;

/// What kind of quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Quoted words attributed to a speaker.
    Direct,
    /// Reported speech without marks.
    Indirect,
    /// Quotation marks around a term, with no speaker: distancing or naming.
    Scare,
}

impl Kind {
    /// The name used in CSV files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Scare => "scare",
        }
    }
}

/// The reporting verb of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueHit {
    /// Lemma and stance.
    pub cue: Cue,
    /// Where the verb is written.
    pub span: Span,
    /// The verb as written ("said", "according to").
    pub text: String,
}

/// One quotation in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Direct, indirect or scare.
    pub kind: Kind,
    /// The quoted text: one span per piece (an interrupted or multi-paragraph quote has
    /// several), without the marks.
    pub pieces: Vec<Span>,
    /// The speaker's name as reported (canonical after [`resolve_speakers`]); empty if none.
    pub speaker: String,
    /// The words that name the speaker, as written ("he", "longtime pollster Pat Caddell").
    pub speaker_text: String,
    /// Titles and apposition ("President", "a deputy of the State Duma").
    pub role: String,
    /// The reporting verb.
    pub cue: Option<CueHit>,
    /// Index of the sentence where the quote starts.
    pub sentence: u32,
    /// How the speaker was found: after, before, previous, colon, dash, continued, indirect, or
    /// empty.
    pub method: &'static str,
    /// The quoted text, pieces joined by " … ".
    pub text: String,
}

impl Quote {
    /// From the first piece's start to the last piece's end.
    pub fn span(&self) -> Span {
        Span {
            start: self.pieces.first().map_or(0, |p| p.start),
            end: self.pieces.last().map_or(0, |p| p.end),
        }
    }

    /// Sets [`Quote::text`] from the document.
    fn fill_text(&mut self, doc: &str) {
        self.text = self
            .pieces
            .iter()
            .map(|p| p.slice(doc))
            .collect::<Vec<_>>()
            .join(" … ");
    }
}

/// The quotes of one document, and the full names it mentions (for resolving surnames).
#[derive(Debug, Clone, Default)]
pub struct DocQuotes {
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Names of two or more words mentioned anywhere in the document.
    pub names: Vec<String>,
}

/// The lists attribution uses.
#[derive(Debug, Clone, Copy)]
pub struct Lists<'a> {
    /// Reporting verbs.
    pub cues: &'a Cues,
    /// Title words.
    pub titles: &'a Titles,
}

impl Default for Lists<'static> {
    fn default() -> Self {
        Lists {
            cues: Cues::bundled(),
            titles: Titles::bundled(),
        }
    }
}

/// What a speaker phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Np {
    Name,
    Pronoun,
    Role,
    Description,
}

/// A word of the document.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    span: Span,
    text: &'t str,
    /// The word in lower case: `text` itself when it has no capital to change.
    lower: &'t str,
    /// Whether it starts with an upper-case letter.
    cap: bool,
    /// Whether it is all ASCII.
    ascii: bool,
}

impl<'t> Word<'t> {
    fn capitalised(&self) -> bool {
        self.cap
    }

    fn lower(&self) -> &'t str {
        self.lower
    }
}

/// The words of a document, with their lower-case forms: those that differ from the word are
/// written one after another into `arena`.
fn words_of<'t>(text: &'t str, seg: &Segmented, arena: &'t mut String) -> Vec<Word<'t>> {
    // First each word's facts, in one pass over its bytes, and its lower case where that
    // differs; then the words, once the arena is complete.
    let mut facts: Vec<(u32, bool, bool)> = Vec::with_capacity(seg.tokens.len());
    for t in &seg.tokens {
        let w = t.span.slice(text);
        let (any, upper) = w.bytes().fold((0u8, false), |(any, upper), b| {
            (any | b, upper | b.is_ascii_uppercase())
        });
        let ascii = any < 0x80;
        let cap = match w.as_bytes().first() {
            Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
            _ => w.chars().next().is_some_and(char::is_uppercase),
        };
        if !ascii {
            arena.push_str(&w.to_lowercase());
        } else if upper {
            let at = arena.len();
            arena.push_str(w);
            arena[at..].make_ascii_lowercase();
        }
        facts.push((u32::try_from(arena.len()).unwrap_or(u32::MAX), cap, ascii));
    }
    let arena: &'t str = arena;
    let mut from = 0;
    seg.tokens
        .iter()
        .zip(facts)
        .map(|(t, (end, cap, ascii))| {
            let end = end as usize;
            let w = t.span.slice(text);
            let lower = if end == from { w } else { &arena[from..end] };
            from = end;
            Word {
                span: t.span,
                text: w,
                lower,
                cap,
                ascii,
            }
        })
        .collect()
}

impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        self.text
    }
}

const PRONOUNS: [&str; 7] = ["he", "she", "they", "i", "we", "it", "you"];

/// The most words a full name that explains a bare surname has ("Martin Luther King Jr.").
const MAX_NAME_WORDS: usize = 5;

/// Words that open a clause with a subject of its own: "…in Florida, when the state
/// incorrectly stated" has the subject "the state", not "Florida".
const SUBORDINATORS: [&str; 9] = [
    "when", "while", "as", "because", "although", "though", "whereas", "where", "if",
];

/// Words after which a cue's noun form is a noun: "the claims", "Secretary of state", "these
/// tweets".
const NOUN_MARKERS: [&str; 12] = [
    "the", "a", "an", "of", "these", "those", "such", "many", "some", "no", "several", "whose",
];

/// Prepositions after which a cue's -s form is a plural noun ("including states that"), and
/// before which a described speaker's head comes ("attorneys for the family").
const PREPOSITIONS: [&str; 14] = [
    "of",
    "in",
    "for",
    "with",
    "by",
    "from",
    "to",
    "on",
    "at",
    "including",
    "among",
    "between",
    "across",
    "about",
];

/// Prepositions that open an adverbial before a sentence's subject ("At a forum …, one
/// questioner claimed").
const OPENING_PREPOSITIONS: [&str; 14] = [
    "at",
    "in",
    "on",
    "during",
    "after",
    "before",
    "with",
    "from",
    "under",
    "following",
    "since",
    "despite",
    "amid",
    "throughout",
];

/// The pronoun a word in lower case is, contracted or not ("he", "he’s", "they've", "I’d").
fn pronoun_of(lower: &str) -> Option<&str> {
    let base = match lower.split_once(['’', '\'']) {
        Some((base, "s" | "ve" | "d" | "ll" | "re" | "m")) => base,
        Some(_) => return None,
        None => lower,
    };
    PRONOUNS.contains(&base).then_some(base)
}

/// Lower-case words that head a descriptive speaker ("a spokesman for the campaign").
const ROLE_NOUNS: [&str; 24] = [
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "official",
    "officials",
    "source",
    "sources",
    "member",
    "members",
    "representative",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "statement",
    "report",
    "critics",
    "supporters",
    "residents",
    "witnesses",
    "lawyer",
];

/// Linking words allowed inside a name ("Ministry of Defence", "Charles de Gaulle").
const NAME_LINKS: [&str; 9] = ["of", "de", "van", "von", "bin", "al", "da", "du", "for"];

/// The words a document writes starting with a lower-case letter, as a question: does it write
/// this one? A sketch (a Bloom filter: two bits per word) answers most questions; the rest
/// scan the words, until enough have that a hash set pays.
struct LowerCase<'t> {
    sketch: [u64; SKETCH_WORDS],
    scans: std::cell::Cell<u32>,
    set: std::cell::OnceCell<FxHashSet<&'t str>>,
}

/// 8,192 bits: a document's few hundred distinct words set under a tenth of them.
const SKETCH_WORDS: usize = 128;

/// Questions answered by scanning the words before the set is built.
const SCANS_BEFORE_SET: u32 = 8;

fn starts_lower_case(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// The two sketch bits of a word.
fn sketch_bits(w: &str) -> [usize; 2] {
    use std::hash::BuildHasher;
    let h = rustc_hash::FxBuildHasher.hash_one(w);
    let bits = SKETCH_WORDS * 64;
    [(h >> 51) as usize % bits, (h >> 38) as usize % bits]
}

impl<'t> LowerCase<'t> {
    fn new(words: &[Word<'t>]) -> Self {
        let mut sketch = [0u64; SKETCH_WORDS];
        for w in words.iter().filter(|w| starts_lower_case(w.text)) {
            for bit in sketch_bits(w.text) {
                sketch[bit / 64] |= 1 << (bit % 64);
            }
        }
        LowerCase {
            sketch,
            scans: std::cell::Cell::new(0),
            set: std::cell::OnceCell::new(),
        }
    }

    fn contains(&self, words: &[Word<'t>], lower: &str) -> bool {
        if sketch_bits(lower)
            .iter()
            .any(|bit| self.sketch[bit / 64] & (1 << (bit % 64)) == 0)
        {
            return false;
        }
        if let Some(set) = self.set.get() {
            return set.contains(lower);
        }
        if self.scans.get() < SCANS_BEFORE_SET {
            self.scans.set(self.scans.get() + 1);
            return starts_lower_case(lower) && words.iter().any(|w| w.text == lower);
        }
        self.set
            .get_or_init(|| {
                words
                    .iter()
                    .filter(|w| starts_lower_case(w.text))
                    .map(|w| w.text)
                    .collect()
            })
            .contains(lower)
    }
}

struct Doc<'t, 'l> {
    text: &'t str,
    words: Vec<Word<'t>>,
    /// Words the document also writes in lower case: common words, not names, when they open
    /// a sentence ("Another", "Perhaps"). Most words asked about are not, which the sketch
    /// tells at once.
    lower_case: LowerCase<'t>,
    sentences: &'t [Span],
    lists: Lists<'l>,
    /// The capitalised runs of two words or more, in order, each with the full name (two
    /// words or more) it holds, if any: found once, when first asked for.
    run_names: std::cell::OnceCell<Vec<(std::ops::Range<usize>, Option<String>)>>,
}

impl<'t, 'l> Doc<'t, 'l> {
    /// The document's words, with their lower case written into `arena`.
    fn new(text: &'t str, seg: &'t Segmented, lists: Lists<'l>, arena: &'t mut String) -> Self {
        let words = words_of(text, seg, arena);
        Doc {
            text,
            lower_case: LowerCase::new(&words),
            words,
            sentences: &seg.sentences,
            lists,
            run_names: std::cell::OnceCell::new(),
        }
    }

    /// Whether the document writes this (lower-case) word starting with a lower-case letter.
    fn writes_in_lower_case(&self, lower: &str) -> bool {
        self.lower_case.contains(&self.words, lower)
    }

    /// Indices of the words inside `[start, end)`.
    fn words_in(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let a = self.words.partition_point(|w| w.span.start < start);
        let b = self.words.partition_point(|w| w.span.end <= end);
        a..b.max(a)
    }

    fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= at)
            .min(self.sentences.len().saturating_sub(1))
    }

    fn sentence_span(&self, at: usize) -> Span {
        self.sentences
            .get(self.sentence_of(at))
            .copied()
            .unwrap_or(Span {
                start: 0,
                end: self.text.len(),
            })
    }

    /// The first cue among words `range`, as (word index, words taken, cue).
    fn first_cue(&self, range: std::ops::Range<usize>) -> Option<(usize, usize, Cue)> {
        range.clone().find_map(|i| self.cue_at(i, range.end))
    }

    /// The last cue among words `range`.
    fn last_cue(&self, range: std::ops::Range<usize>) -> Option<(usize, usize, Cue)> {
        range.clone().rev().find_map(|i| self.cue_at(i, range.end))
    }

    /// The cue that word `i` starts (taking no words from `end` on), unless the word is a
    /// noun there: part of a name ("the United States depleted", a headline's "Obama Says"),
    /// possessive ("the United States’ military"), or owned, determined or described
    /// ("Trump’s tweets", "the former secretary of state", "early-morning tweets").
    fn cue_at(&self, i: usize, end: usize) -> Option<(usize, usize, Cue)> {
        let w = &self.words[i];
        let (n, cue) = self
            .lists
            .cues
            .at_lowered(w.lower, w.ascii, &self.words[i..end])?;
        // The word just before, when only a space stands between.
        let prev = i
            .checked_sub(1)
            .map(|p| &self.words[p])
            .filter(|_| adjacent(self.text, &self.words, i));
        let mut after = self.text[self.words[i + n - 1].span.end..].chars();
        // A capital that is not the sentence's first word's, after a capitalised word (a
        // line in capitals aside: "TRUMP SAID").
        let in_name = w.capitalised()
            && w.text.chars().any(char::is_lowercase)
            && prev.is_some_and(|p| {
                p.capitalised() && self.sentence_of(p.span.start) == self.sentence_of(w.span.start)
            });
        let possessive = matches!(after.next(), Some('’' | '\''))
            && after.next().is_none_or(|c| !c.is_alphanumeric());
        // Only a form that is also a noun can be owned: "tweets", "claims", "post" (a
        // possessive before "said" is a contraction of "has": "Erdoğan’s said").
        let noun_form = n == 1 && (w.lower == cue.lemma || w.lower.ends_with('s'));
        let owned = noun_form
            && !w.capitalised()
            && prev.is_some_and(|p| {
                is_owner(p.lower)
                    || NOUN_MARKERS.contains(&p.lower)
                    // counted: "18 states", "two claims"
                    || is_number_word(p.lower)
                    // a compound adjective: "Trump’s early-morning tweets"
                    || (p.text.contains('-') && !p.capitalised())
            });
        // A noun form right after a reporting verb is that verb's object: "told state
        // television", "denied claims". (Not after a name: "The New York Post reports".)
        let object = noun_form
            && prev.is_some_and(|p| {
                !p.capitalised()
                    && self
                        .lists
                        .cues
                        .at_lowered(p.lower, p.ascii, &self.words[i - 1..end])
                        .is_some()
            });
        // (Or before a colon: "The New York Times reports: “…”".)
        let before_that = || {
            self.text[self.words[i + n - 1].span.end..].starts_with(':')
                || self
                    .words
                    .get(i + n)
                    .is_some_and(|t| t.lower() == "that" && adjacent(self.text, &self.words, i + n))
        };
        let unmet = cue.needs_that && !before_that();
        (!(in_name || possessive || owned || object || unmet)).then(|| (i, n, cue.clone()))
    }

    fn cue_hit(&self, i: usize, n: usize, cue: Cue) -> CueHit {
        let span = Span {
            start: self.words[i].span.start,
            end: self.words[i + n - 1].span.end,
        };
        CueHit {
            cue,
            span,
            text: span.slice(self.text).to_string(),
        }
    }

    /// Whether the cue at word `i` is a finite verb, which can report speech: "said", "says",
    /// "experts say", "they say"; not "saying", "will say", "to say" or "did not say". A
    /// bare form needs a subject just before it: "State officials said" and "federal and
    /// state officials" hold no verb "state".
    fn finite(&self, i: usize, cue: &Cue) -> bool {
        let lower = self.words[i].lower();
        if cue.lemma == "according to" {
            return true;
        }
        // "including states that …", "the claims", "18 states": a noun.
        let noun = lower != cue.lemma
            && lower.ends_with('s')
            && i.checked_sub(1).is_some_and(|p| {
                let prev = self.words[p].lower();
                is_determiner(prev) || is_number_word(prev) || PREPOSITIONS.contains(&prev)
            });
        !noun
            && !lower.ends_with("ing")
            && (lower != cue.lemma
                || i.checked_sub(1).is_some_and(|p| {
                    let prev = self.words[p].lower();
                    let gap = &self.text[self.words[p].span.end..self.words[i].span.start];
                    let subject = !gap.contains(['.', '!', '?', '\n'])
                        && (!is_stopword(prev) || pronoun_of(prev).is_some() || gap.contains(','));
                    subject
                        && !(prev.ends_with("n't")
                            || prev.ends_with("n’t")
                            || matches!(
                                prev,
                                "will"
                                    | "would"
                                    | "can"
                                    | "could"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "should"
                                    | "shall"
                                    | "to"
                                    | "not"
                                    | "never"
                                    | "did"
                                    | "do"
                                    | "does"
                            ))
                }))
    }

    /// Splits a speaker phrase into (name, role, as written); `None` when it is not one. A
    /// pronoun gives an empty name. `before_verb`: the phrase is the subject before its verb,
    /// so its comma-separated parts are read from the verb backwards, skipping appositions
    /// ("Farhad Mammadov, head of X, noted"); otherwise it follows the verb and is read
    /// forwards ("said Konstantin Zatulin, a deputy of the State Duma").
    fn speaker_of(
        &self,
        start: usize,
        end: usize,
        before_verb: bool,
    ) -> Option<(String, String, String)> {
        self.speaker_kind(start, end, before_verb)
            .map(|(n, r, raw, _)| (n, r, raw))
    }

    /// The speaker the phrase `np` (byte range, before its verb) names, if it is a name.
    fn named_speaker(&self, np: (usize, usize)) -> Option<(String, String, String)> {
        self.speaker_kind(np.0, np.1, true)
            .filter(|(.., kind)| *kind == Np::Name)
            .map(|(name, role, raw, _)| (name, role, raw))
    }

    /// As [`Doc::speaker_of`], with whether the phrase is a name, a pronoun, a role ("a
    /// spokesman") or only a description ("the next paragraph").
    fn speaker_kind(
        &self,
        start: usize,
        end: usize,
        before_verb: bool,
    ) -> Option<(String, String, String, Np)> {
        let seg = self.text.get(start..end)?;
        let trail = |c: char| c.is_whitespace() || ",;:—–―-(".contains(c);
        let mut seg = seg.trim_end_matches(trail);
        // The sentence's own full stop is not part of the speaker ("…, a government
        // spokesman."); an abbreviation's is ("Jr.", "U.S.").
        if seg.ends_with('.') && !ends_with_abbreviation(seg) {
            seg = seg[..seg.len() - 1].trim_end_matches(trail);
        }
        // An adverb or auxiliary next to the verb is not the speaker's: "the state
        // incorrectly stated", "officials also said", "McAuliffe has said".
        if before_verb {
            while let [.., before, w] = &self.words[self.words_in(start, start + seg.len())] {
                let lower = w.lower();
                // An "-ly" word after a determiner or an owner is a noun: "the family",
                // "Scott's family", "an ally".
                let noun_slot = is_determiner(before.lower())
                    || is_stopword(before.lower())
                    || before.text.ends_with("’s")
                    || before.text.ends_with("'s");
                let adverb = !w.cap
                    && (ADVERBS_AFTER_NAMES.contains(&lower)
                        || matches!(lower, "has" | "have" | "had")
                        || (lower.len() > 4
                            && lower.ends_with("ly")
                            && !noun_slot
                            && !matches!(lower, "family" | "assembly" | "supply" | "rally")));
                if !adverb {
                    break;
                }
                seg = seg[..w.span.start - start].trim_end_matches(trail);
            }
        }
        let t_end = start + seg.len();
        let mut words: &[Word<'t>] = &self.words[self.words_in(start, t_end)];
        // Leading connectives: "As X noted", "But Y said".
        let mut subordinate = false;
        while let Some((first, rest)) = words.split_first() {
            if !matches!(
                first.lower(),
                "as" | "but" | "and" | "so" | "while" | "when" | "then"
            ) {
                break;
            }
            subordinate |= SUBORDINATORS.contains(&first.lower());
            words = rest;
        }
        if words.is_empty() || (before_verb && words.len() > 40) {
            return None;
        }
        let raw = &self.text[words[0].span.start..t_end];
        if words.len() == 1 && pronoun_of(words[0].lower()).is_some() {
            return Some((
                String::new(),
                String::new(),
                words[0].text.to_string(),
                Np::Pronoun,
            ));
        }
        // Parenthetical tags ("(D-Mo.)", "(R)") and party-state tags ("R-Ky.") are roles.
        let mut depth = 0usize;
        let mut parts: Vec<&str> = Vec::new();
        let mut part_start = 0;
        for (i, c) in raw.char_indices() {
            match c {
                '(' => {
                    if depth == 0 {
                        parts.push(&raw[part_start..i]);
                    }
                    depth += 1;
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    part_start = i + 1;
                }
                ',' if depth == 0 => {
                    parts.push(&raw[part_start..i]);
                    part_start = i + 1;
                }
                _ => {}
            }
        }
        if depth == 0 {
            parts.push(&raw[part_start..]);
        }
        let mut parts: Vec<&str> = parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty() && !is_party_tag(p))
            .collect();
        // An opening adverbial is neither the speaker nor their role: "In response to a
        // question, the President said".
        let mut raw = raw;
        let sentence_adverb = |part: &str| {
            let lower = part.to_lowercase();
            !part.contains(' ')
                && (lower.ends_with("ly")
                    || matches!(
                        lower.as_str(),
                        "however" | "meanwhile" | "still" | "instead" | "separately" | "indeed"
                    ))
        };
        // So is a clause a subordinator opens ("As far as whether Sanders senses anger, the
        // Vermont senator acknowledged"), which ends in a word in lower case: a name there is
        // the subject ("As Farhad Mammadov, head of …, noted").
        let clause_first = || {
            let off = parts[0].as_ptr() as usize - self.text.as_ptr() as usize;
            let pw = &self.words[self.words_in(off, off + parts[0].len())];
            pw.len() >= 3 && pw.last().is_some_and(|w| !w.capitalised())
        };
        if before_verb
            && parts.len() > 1
            && ((subordinate && clause_first())
                || OPENING_PREPOSITIONS.contains(&first_word_lower(parts[0]).as_str())
                || sentence_adverb(parts[0]))
        {
            parts.remove(0);
            let off = parts[0].as_ptr() as usize - self.text.as_ptr() as usize;
            raw = &self.text[off..t_end];
        }
        let order: Vec<usize> = if before_verb {
            (0..parts.len()).rev().collect()
        } else {
            (0..parts.len()).collect()
        };
        // The description next to the verb ("the …", "a …"), passed over as an apposition:
        // the speaker when no part further back names one ("As a phone rang, the announcer
        // said").
        let mut passed_over = None;
        for (k, &pi) in order.iter().enumerate() {
            let part = parts[pi];
            let off = part.as_ptr() as usize - self.text.as_ptr() as usize;
            let mut pw: &[Word<'t>] = &self.words[self.words_in(off, off + part.len())];
            if pw.is_empty() {
                continue;
            }
            let mut part = part;
            // A clause of its own next to the verb: its subject is the speaker or no one is.
            // So is a relative clause's, when a subject follows the pronoun: "…, which Mr.
            // Clarke says he is keeping open" (not "…, which represents educators, said");
            // and a clause joined by "and" or "but" that a pronoun or a determiner opens: "The
            // company cut its forecast, and the minister said".
            let opens_np =
                |w: &Word<'_>| is_determiner(w.lower()) || pronoun_of(w.lower()).is_some();
            let clause = before_verb
                && k == 0
                && pw.len() > 1
                && (SUBORDINATORS.contains(&pw[0].lower())
                    || (matches!(pw[0].lower(), "which" | "whom")
                        && (pw[1].capitalised() || opens_np(&pw[1])))
                    || (matches!(pw[0].lower(), "and" | "but") && opens_np(&pw[1])));
            let mut raw = raw;
            if clause {
                // (The speaker as written is the clause's subject alone.)
                part = &part[pw[1].span.start - off..];
                raw = &self.text[pw[1].span.start..t_end];
                pw = &pw[1..];
            }
            let last_chance = clause || k + 1 == order.len();
            // How long the phrase is, a compound counting as one word: "the 34-year-old
            // mother of three" is four.
            let len = pw.len()
                - pw.windows(2)
                    .filter(|w| &self.text[w[0].span.end..w[1].span.start] == "-")
                    .count();
            // A pronoun next to the verb after an opening adverbial: "In recent months, he
            // said".
            if k == 0 && pw.len() == 1 && pronoun_of(pw[0].lower()).is_some() {
                return Some((
                    String::new(),
                    String::new(),
                    pw[0].text.to_string(),
                    Np::Pronoun,
                ));
            }
            // A descriptive head ("a spokesman for the campaign") is the speaker as written.
            let head_is_role = pw
                .iter()
                .take_while(|w| !matches!(w.lower(), "for" | "of" | "at" | "with"))
                .any(|w| ROLE_NOUNS.contains(&w.lower()));
            let role_rest = || {
                parts
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != pi)
                    .map(|(_, p)| *p)
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // An opening adverbial further back names no subject: "At a forum in Virginia on
            // Monday, one questioner claimed".
            if before_verb && k > 0 && pi == 0 && OPENING_PREPOSITIONS.contains(&pw[0].lower()) {
                continue;
            }
            if before_verb && !pw[0].capitalised() && !last_chance {
                // ("experts say", "officials said": a described speaker without a determiner.)
                let bare_role =
                    pw.len() <= 2 && pw.last().is_some_and(|w| ROLE_NOUNS.contains(&w.lower()));
                if k == 0 && (is_determiner(pw[0].lower()) || bare_role) && len <= 5 {
                    passed_over = Some((part, role_rest()));
                }
                continue; // an apposition or an adverbial: the subject is further back
            }
            if head_is_role && !pw[0].capitalised() && pw.len() <= 10 {
                return Some((part.to_string(), role_rest(), raw.to_string(), Np::Role));
            }
            // A name that only modifies a described head is not the speaker: "Kremlin
            // officials", "Federal prosecutors", "Trump aides", "top Azerbaijani lawmakers".
            if (2..=4).contains(&pw.len())
                && pw.iter().any(|w| w.capitalised())
                && pw.last().is_some_and(|w| !w.cap)
            {
                let lower: Vec<String> = pw.iter().map(|w| w.lower().to_string()).collect();
                // (The head is the last word: "Prices on its attack" is no description.) A
                // body's papers speak for the body: "according to ICAO regulations" is ICAO.
                let papers = lower
                    .last()
                    .is_some_and(|h| DOCUMENT_NOUNS.contains(&h.as_str()));
                if bare_plural(&lower)
                    && !papers
                    && !lower.iter().any(|w| is_stopword(w) && w != "and")
                {
                    return Some((
                        part.to_string(),
                        role_rest(),
                        raw.to_string(),
                        Np::Description,
                    ));
                }
            }
            if let Some((name, titles)) = self.name_in(pw, before_verb) {
                let role = [titles, role_rest()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Some((name, role, raw.to_string(), Np::Name));
            }
            // (After the verb, a determiner opens a longer one: "according to a new
            // Washington Post-ABC News national poll".)
            let short = len <= 4 || (!before_verb && len <= 8 && is_determiner(pw[0].lower()));
            if k == 0 && short {
                // "officials", "the ministry": a speaker without a name. ("Following" and "In
                // August" open a sentence and name no one, and neither does a clause that a
                // pronoun opens: "It’s denouncing what it calls".)
                if pronoun_of(pw[0].lower()).is_none()
                    && pw
                        .iter()
                        .any(|w| !is_stopword(w.lower()) && !not_a_name(w.lower()))
                {
                    return Some((
                        part.to_string(),
                        role_rest(),
                        raw.to_string(),
                        Np::Description,
                    ));
                }
            }
            if !before_verb || clause {
                // After the verb, only the first part can name the speaker; before it, a
                // clause of its own holds the subject.
                break;
            }
        }
        passed_over.map(|(part, role)| (part.to_string(), role, part.to_string(), Np::Description))
    }

    /// The first capitalised run in `words` that is a name once titles are set aside, and the
    /// titles before it. A possessive run that modifies what follows ("Hillary Clinton’s
    /// campaign manager Robby Mook") is passed over; a run of titles only ("the Kremlin",
    /// "White House") names a body when nothing better is there.
    fn name_in(&self, words: &[Word<'t>], from_right: bool) -> Option<(String, String)> {
        let mut runs = capitalised_runs(self.text, words);
        if from_right {
            runs.reverse();
        }
        let mut body: Option<String> = None;
        let mut placed_description: Option<String> = None;
        for r in runs {
            // A place that a described speaker is in is not the speaker: "Developers and
            // supporters in Congress say", "Officials in Moscow said".
            let placed = r.start >= 2
                && matches!(
                    words[r.start - 1].lower(),
                    "in" | "at" | "from" | "across" | "around" | "near" | "outside" | "inside"
                );
            if from_right && placed {
                // The speaker is then the description with its place, when nothing else
                // names one: "Officials at Homeland Security Investigations".
                if placed_description.is_none() && r.end <= 8 {
                    placed_description = Some(joined(&words[..r.end]));
                }
                continue;
            }
            // Before that place, one capitalised word opening the phrase is the description's
            // head ("Developers and supporters in Congress", "Senator from Texas").
            if placed_description.is_some() && r.start == 0 && r.len() == 1 {
                continue;
            }
            if let Some((name, titles)) = self.run_name(words, r, &mut body) {
                return Some((name, joined(titles)));
            }
        }
        placed_description.or(body).map(|b| (b, String::new()))
    }

    /// The name in the capitalised run `words[r]` and the titles before it. A run of titles
    /// only sets `body` (when it is not set yet) to the body it names.
    fn run_name<'w>(
        &self,
        words: &'w [Word<'t>],
        r: std::ops::Range<usize>,
        body: &mut Option<String>,
    ) -> Option<(String, &'w [Word<'t>])> {
        let run = &words[r.clone()];
        let possessive = run
            .last()
            .is_some_and(|w| w.text.ends_with("’s") || w.text.ends_with("'s"));
        if possessive && r.end < words.len() {
            return None;
        }
        // So is a run that modifies the noun after it in a described speaker: "the New York
        // businessman", "the former Florida governor", "the Democratic nominee". (Not an
        // adverb after a name: "Trump later said", "Clinton herself".)
        let determined = words.first().is_some_and(|w| is_determiner(w.lower()));
        let modifies = words.get(r.end).is_some_and(|next| {
            !next.capitalised()
                && next.text.chars().all(char::is_alphabetic)
                && !is_stopword(next.lower())
                && !next.lower().ends_with("ly")
                && !ADVERBS_AFTER_NAMES.contains(&next.lower())
        });
        if determined && modifies {
            return None;
        }
        let mut i = 0;
        while i < run.len() && {
            let lower = run[i].lower();
            self.lists.titles.contains_lower(lower)
                || is_stopword(lower)
                || not_a_name(lower)
                || (i == 0 && r.start == 0 && is_participle(lower))
                // The verb of an inverted attribution: "Said Ellis: “…”".
                || (i == 0
                    && r.start == 0
                    && self
                        .lists
                        .cues
                        .at_lowered(lower, run[i].ascii, &run[i..])
                        .is_some())
                || (i == 0 && self.writes_in_lower_case(lower))
        } {
            i += 1;
        }
        let (mut titles, mut name) = run.split_at(i);
        // A body keeps the titles that say whose it is: "the Russian Foreign Ministry" is not
        // "Ministry", nor "the Kazakh Transport Ministry" "Transport Ministry".
        let of_a_body = name.last().is_some_and(|w| {
            let lower = w.lower();
            let lower = lower
                .strip_suffix("’s")
                .or_else(|| lower.strip_suffix("'s"))
                .unwrap_or(lower);
            INSTITUTION_HEADS.contains(&lower)
        });
        if of_a_body {
            let from = titles
                .iter()
                .position(|w| w.cap && !is_stopword(w.lower()))
                .unwrap_or(titles.len());
            (titles, name) = (&run[..0], &run[from..]);
        }
        if name.is_empty() {
            if body.is_none() {
                let b = run
                    .iter()
                    .position(|w| !(is_stopword(w.lower()) || not_a_name(w.lower())))
                    .map_or(&run[run.len()..], |at| &run[at..]);
                let lone_role = b.len() == 1 && ROLE_NOUNS.contains(&b[0].lower());
                if !b.is_empty() && !lone_role {
                    *body = Some(clean_name(joined(b)));
                }
            }
            return None;
        }
        Some((clean_name(joined(name)), titles))
    }
}

/// A number, in figures or in words up to twelve: "18", "two".
fn is_number_word(lower: &str) -> bool {
    (lower.starts_with(|c: char| c.is_ascii_digit())
        && lower.chars().all(|c| c.is_ascii_digit() || c == ','))
        || matches!(
            lower,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
        )
}

/// The last words of a body's name ("Foreign Ministry", "Prosecutor General's Office").
const INSTITUTION_HEADS: [&str; 30] = [
    "ministry",
    "ministries",
    "office",
    "committee",
    "agency",
    "service",
    "services",
    "embassy",
    "government",
    "parliament",
    "court",
    "council",
    "commission",
    "department",
    "administration",
    "authority",
    "authorities",
    "bank",
    "police",
    "army",
    "navy",
    "forces",
    "guard",
    "directorate",
    "bureau",
    "cabinet",
    "assembly",
    "command",
    "headquarters",
    "prosecutor",
];

/// A word that opens a described speaker ("the announcer", "his campaign manager").
fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its"
    )
}

/// Words that follow a name without being a noun it modifies ("Trump later said").
const ADVERBS_AFTER_NAMES: [&str; 14] = [
    "also",
    "later",
    "too",
    "once",
    "again",
    "then",
    "now",
    "often",
    "himself",
    "herself",
    "themselves",
    "itself",
    "alone",
    "first",
];

/// The words' text joined by single spaces.
fn joined(words: &[Word<'_>]) -> String {
    let mut s = String::with_capacity(words.iter().map(|w| w.text.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

/// Capitalised words that open sentences but never names.
const NOT_NAMES: [&str; 17] = [
    "several",
    "many",
    "some",
    "another",
    "perhaps",
    "following",
    "asked",
    // quantities: "Nearly eight of 10 voters say", "More than half said"
    "nearly",
    "almost",
    "roughly",
    "about",
    "around",
    "only",
    "more",
    "most",
    "fewer",
    "half",
];

/// A word that opens a capitalised run without being part of a name: a month or weekday
/// ("Friday, Trump said"), except "May", which is also a surname, or one of [`NOT_NAMES`].
fn not_a_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower) || (lower != "may" && is_calendar_word(lower))
}

/// A party and state tag: "R-Ky.", "D-N.C.", "R", "I-Vt.".
fn is_party_tag(part: &str) -> bool {
    let p = part.trim_end_matches('.');
    let mut chars = p.chars();
    matches!(chars.next(), Some('D' | 'R' | 'I'))
        && match chars.next() {
            None => true,
            Some('-') => p.len() <= 8,
            _ => false,
        }
}

/// A capitalised participle opening a clause ("Asked about…", "Speaking to…").
fn is_participle(lower: &str) -> bool {
    lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed"))
}

/// Drops a possessive and stray punctuation from a name.
fn clean_name(name: String) -> String {
    let n = name.trim_matches(|c: char| !c.is_alphanumeric());
    let n = n
        .strip_suffix("’s")
        .or_else(|| n.strip_suffix("'s"))
        .unwrap_or(n);
    if n.len() == name.len() {
        name
    } else {
        n.to_string()
    }
}

/// Runs of capitalised words (an initial's full stop may sit between them), allowing lower-case links between capitalised words.
fn capitalised_runs(text: &str, words: &[Word<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < words.len() && words[end].capitalised() && adjacent(text, words, end) {
                end += 1;
            } else if end + 1 < words.len()
                && NAME_LINKS.contains(&words[end].lower())
                && words[end + 1].capitalised()
                && adjacent(text, words, end)
                && adjacent(text, words, end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// Whether word `i` follows word `i - 1` of `text` as the next word of one name: after one
/// space, or after ". " when the word before is an initial or an abbreviated title ("John F.
/// Kennedy", "Sen. Claire McCaskill", "G.K. Butterfield"). A comma ends a name, however short
/// the word before it ("after Election Day, Mr. Obama said").
fn adjacent(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let (a, b) = (&words[i - 1], &words[i]);
    let gap = b.span.start.saturating_sub(a.span.end);
    gap <= 1
        || (gap == 2
            && a.text.chars().count() <= 3
            && a.capitalised()
            && text.as_bytes().get(a.span.end) == Some(&b'.'))
}

/// Whether a word is a possessive that owns the noun after it ("Trump’s", "the party's",
/// "his"), and not a pronoun's contraction of "is" or "has" ("he’s", "it's", "that’s").
fn is_owner(lower: &str) -> bool {
    if matches!(
        lower,
        "his" | "her" | "its" | "their" | "our" | "my" | "your"
    ) {
        return true;
    }
    let Some(stem) = lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
    else {
        return false;
    };
    !matches!(
        stem,
        "he" | "she"
            | "it"
            | "that"
            | "there"
            | "what"
            | "who"
            | "here"
            | "where"
            | "let"
            | "this"
            | "how"
            | "why"
            | "when"
            | "everyone"
            | "nobody"
            | "one"
    )
}

/// Whether only a few plain words join quotation `prev` to the next one, `next`, so that both
/// may hang on one verb ("a “liar” who is “amoral,” a “bully” and a “narcissist …”"): no
/// name, no verb of speech, no clause or sentence break.
fn plain_link(doc: &Doc<'_, '_>, prev: &marks::Quoted, next: &marks::Quoted) -> bool {
    let Some(gap) = doc.text.get(prev.outer.end..next.outer.start) else {
        return false;
    };
    let words = doc.words_in(prev.outer.end, next.outer.start);
    words.len() <= 6
        && !gap.contains(['.', '!', '?', ';', ':', '\n', '(', ')'])
        && doc.words[words.clone()].iter().all(|w| !w.capitalised())
        && doc.first_cue(words).is_none()
}

/// How many words a text has (runs of letters, digits and apostrophes), counting no further
/// than `cap`.
fn word_count_upto(text: &str, cap: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let part = c.is_alphanumeric() || c == '\'' || c == '’';
        if part && !in_word {
            if words == cap {
                break;
            }
            words += 1;
        }
        in_word = part;
    }
    words
}

/// Finds and attributes the quotes of one segmented document.
pub fn extract(text: &str, seg: &Segmented, lists: Lists<'_>) -> DocQuotes {
    let mut lower = String::new();
    let doc = Doc::new(text, seg, lists, &mut lower);
    let paras = marks::paragraphs(text);
    // In text order and disjoint (see `marks::find`), so neighbours are found by search
    // rather than by scanning: a document of thousands of quotations costs no more per
    // quotation than a short one.
    let found = marks::find(text);
    debug_assert!(found.windows(2).all(|w| w[0].outer.end <= w[1].outer.start));
    let mut quotes: Vec<Quote> = Vec::new();
    // The paragraph of the quotation behind `quotes.last()`.
    let mut last_paragraph: Option<usize> = None;
    // The latest quotation with a named speaker, as (index in `quotes`, paragraph).
    let mut last_said: Option<(usize, usize)> = None;
    // Speakers so far, each a person (of known gender or not) or not one person: what "he" and
    // "she" may stand for.
    let mut named = Named::default();
    // Chains of plainly joined quotations ([`plain_link`]): whether each is joined to the one
    // before, and how many words its whole chain quotes (up to 8), so that "called the
    // senator a “nasty guy,” an “anchor baby,” “unstable” and “sick”" is one statement of
    // six words, not four labels. Found link by link: a long chain costs no more per
    // quotation.
    let linked: Vec<bool> = (0..found.len())
        .map(|qi| qi > 0 && plain_link(&doc, &found[qi - 1], &found[qi]))
        .collect();
    let mut chain_words = vec![0usize; found.len()];
    let mut first = 0;
    for qi in 0..=found.len() {
        if qi == found.len() || !linked[qi] {
            // (A quotation on its own counts its own words.)
            if qi > first + 1 {
                let total: usize = found[first..qi]
                    .iter()
                    .flat_map(|q| &q.pieces)
                    .map(|p| word_count_upto(p.slice(text), 8))
                    .sum();
                chain_words[first..qi].fill(total.min(8));
            }
            first = qi;
        }
    }
    // Where the chain that ends with the quotation before starts.
    let mut chain_before = 0;
    for (qi, q) in found.iter().enumerate() {
        // Where the chain that ends with this one starts, if another comes before it.
        let chain_first = linked[qi].then_some(chain_before);
        chain_before = chain_first.unwrap_or(q.outer.start);
        let in_chain = linked[qi] || linked.get(qi + 1).copied().unwrap_or(false);
        let span = q.span();
        let para_first = paras[q.paragraph];
        // The sentence the quotation opens in, and whether only white space stands between
        // two points of the text.
        let own = doc.sentence_span(q.outer.start);
        let blank = |a: usize, b: usize| text.get(a..b).is_some_and(|t| t.trim().is_empty());
        let opens_sentence = blank(own.start, q.outer.start);
        // The paragraph where it closes: the first ending at or after the closing mark, if
        // that one holds it.
        let end_para = paras
            .get(paras.partition_point(|p| p.end < q.outer.end))
            .copied()
            .filter(|p| p.start <= q.outer.end)
            .unwrap_or(para_first);
        // Where the quotation before it ends, if in this paragraph. (The one just before
        // ends last of all before it.)
        let prev_end = qi
            .checked_sub(1)
            .map(|p| &found[p])
            .filter(|p| p.outer.end > para_first.start && p.outer.end <= q.outer.start)
            .map_or(para_first.start, |p| p.outer.end);
        let next_start = found
            .get(qi + 1)
            .filter(|n| n.outer.start < end_para.end)
            .map_or(end_para.end, |n| n.outer.start);
        let content = q
            .pieces
            .iter()
            .map(|p| p.slice(text))
            .collect::<Vec<_>>()
            .join(" ");
        // Compared with 4 and 6 only.
        let n_words = word_count_upto(&content, 6);
        // A few words, each capitalised, are a name or title, not speech ("Commander-in-Chief
        // Forum", "Fox News Sunday"); one word may be speech cut in two (“That,” he added, “…”).
        let title = (2..6).contains(&n_words) && lower_case_words(&content) == 0;
        let last_char = content.trim_end().chars().next_back().unwrap_or(' ');
        let ends_sentence = matches!(last_char, '.' | '…');

        let mut found_speaker: Option<(String, String, String, Option<CueHit>, &'static str)> =
            None;

        // 1. After the quote, in the sentence that follows the closing mark.
        let after_start = q.outer.end.min(text.len());
        let after_text = &text[after_start..next_start.max(after_start)];
        let lead = after_text.len() - after_text.trim_start().len();
        if after_start + lead < next_start {
            let s = doc.sentence_span(after_start + lead);
            let clause_end = s.end.min(next_start).max(after_start);
            let range = doc.words_in(after_start, clause_end);
            let limit = if ends_sentence { 6 } else { 30 };
            let window = range.start..range.end.min(range.start + limit + 2);
            // A quotation that closes its sentence, then a sentence whose subject and verb lead
            // to the next quotation ("…timing.” McCrory said it would be “improper”): that
            // verb introduces the next one. So it does after a title in the sentence (“a
            // “Commander-in-Chief Forum” sponsored by NBC News and said …: “…”").
            let leads_on =
                (ends_sentence || title) && clause_end == next_start && next_start < end_para.end;
            if let Some((ci, n, cue)) = doc.first_cue(window) {
                let inverted = ci == range.start || cue.lemma == "according to";
                if ci - range.start <= limit && (inverted || !leads_on) {
                    let np = if inverted {
                        let from = doc.words[ci + n - 1].span.end;
                        // The speaker runs to the end of the clause; apposition is its role.
                        (from, clause_end)
                    } else {
                        (after_start, doc.words[ci].span.start)
                    };
                    if cue.lemma != "tell" || !inverted {
                        if let Some((name, role, raw)) = doc.speaker_of(np.0, np.1, !inverted) {
                            found_speaker =
                                Some((name, role, raw, Some(doc.cue_hit(ci, n, cue)), "after"));
                        }
                    }
                }
            }
            // A dash line: “…” – Matthew Bryza.
            if found_speaker.is_none() {
                let t = after_text.trim_start();
                if let Some(rest) = t.strip_prefix(['–', '—', '―', '-']) {
                    let from = after_start + lead + (t.len() - rest.len());
                    let r = doc.words_in(from, clause_end);
                    let ws = &doc.words[r];
                    if let Some(run) = capitalised_runs(doc.text, ws).first() {
                        if run.start == 0 {
                            let end = ws[run.end - 1].span.end;
                            if let Some((name, role, raw)) = doc.speaker_of(from, end, false) {
                                found_speaker = Some((name, role, raw, None, "dash"));
                            }
                        }
                    }
                }
            }
        }

        // 2. Before the quote, in its sentence.
        if found_speaker.is_none() {
            let s = own;
            let mut from = s.start.max(prev_end).max(para_first.start);
            let mut range = doc.words_in(from, q.outer.start);
            let mut cue_found = doc.last_cue(range.clone());
            // “A” and “B” after one verb: "Cruz called Trump a “liar” who is “utterly
            // amoral”", "Trump tells supporters to “go …” and then “go pick …”". With no verb
            // between them, the clause before the first of them introduces every one.
            if cue_found.is_none() {
                let opens = s.start.max(para_first.start);
                if let Some(first) = chain_first.filter(|&first| first >= opens) {
                    from = opens;
                    range = doc.words_in(from, first);
                    cue_found = doc.last_cue(range.clone());
                }
            }
            if let Some((ci, n, cue)) = cue_found {
                let gap_words = range.end - (ci + n);
                // A short quoted term far from the verb is a term, not the speaker's words; and
                // a short term after a naming verb ("called it a “bird strike”") is a label.
                let naming = matches!(
                    cue.lemma.as_str(),
                    "call" | "describe" | "characterize" | "dub" | "term" | "label" | "brand"
                );
                // (A quotation in a chain counts the words of the whole chain.)
                let words = if in_chain { chain_words[qi] } else { n_words };
                if (words >= 4 && !title) || (gap_words <= 3 && !naming) {
                    let after_cue = doc.words[ci + n - 1].span.end;
                    let before = &text[from..doc.words[ci].span.start];
                    let cut = clause_cut(before).map_or(from, |i| from + i);
                    // "according to X, “…”" and "Said Ellis: “…”": the speaker follows the verb.
                    let inverted = cue.lemma == "according to"
                        || text[cut..doc.words[ci].span.start].trim().is_empty();
                    let participle = doc.words[ci].lower().ends_with("ing") && !inverted;
                    let np = if inverted {
                        let stop = text[after_cue..q.outer.start]
                            .find([',', ':'])
                            .map_or(q.outer.start, |i| after_cue + i);
                        (after_cue, stop)
                    } else if participle {
                        subject_at(&doc, cut, doc.words[ci].span.start)
                    } else {
                        (cut, doc.words[ci].span.start)
                    };
                    // "During a speech, Trump attacked Clinton, saying “…”": the subject
                    // follows an opening adverbial, up to one of its commas, and is a name.
                    let verb = doc.words[ci].span.start;
                    let after_adverbial = || {
                        text[cut..verb].match_indices(',').find_map(|(comma, _)| {
                            doc.named_speaker(subject_at(&doc, cut + comma + 1, verb))
                        })
                    };
                    // "Clinton … stressed her support of the raid during a “forum” sponsored by
                    // NBC News and said …": a verb after "and", whose clause opens with no
                    // subject, shares the subject that opens the sentence.
                    let shared = || {
                        let opens_lower = doc
                            .words
                            .get(doc.words_in(np.0, np.1).start)
                            .is_some_and(|w| !w.capitalised());
                        let after_and = ci > 0 && doc.words[ci - 1].lower() == "and";
                        if inverted || participle || !after_and || !opens_lower {
                            return None;
                        }
                        // (From the sentence's start: a quoted title before the verb ends the
                        // search for the verb's own subject, not for the sentence's.)
                        doc.named_speaker(subject_at(&doc, s.start.max(para_first.start), verb))
                    };
                    // A name right before a participle, with no comma between, is its subject:
                    // "The ad uses footage of Hillary Clinton asking, “…”".
                    let reduced = || {
                        let first = (0..ci)
                            .rev()
                            .take_while(|&k| {
                                doc.words[k].capitalised()
                                    && doc.words[k].span.start >= cut
                                    && adjacent(text, &doc.words, k + 1)
                            })
                            .last()?;
                        let opens = doc.words_in(cut, verb).start;
                        (participle && first > opens).then_some(())?;
                        doc.named_speaker((doc.words[first].span.start, doc.words[ci - 1].span.end))
                    };
                    let speaker = shared()
                        .or_else(reduced)
                        .or_else(|| doc.speaker_of(np.0, np.1, !inverted))
                        .or_else(|| participle.then(after_adverbial).flatten());
                    if let Some((name, role, raw)) = speaker {
                        found_speaker =
                            Some((name, role, raw, Some(doc.cue_hit(ci, n, cue)), "before"));
                    }
                }
            }
        }

        // 2b. The sentence before, when it ends in its attribution: "…, Schiff said. “…”"
        if found_speaker.is_none() && n_words >= 4 {
            let here = doc.sentence_of(q.outer.start);
            if here > 0 {
                let prev = doc.sentences[here - 1];
                if prev.start >= para_first.start
                    && prev.end <= q.outer.start
                    && prev.start >= prev_end
                {
                    let range = doc.words_in(prev.start, prev.end);
                    // A quotation that is a whole sentence after a named speaker's words are
                    // told: "Cummings called him a master at bolting together deals. “He
                    // showed again and again …”"
                    let whole =
                        opens_sentence && (q.outer.end >= own.end || blank(q.outer.end, own.end));
                    let told = || {
                        let (ci, n, cue) = doc.first_cue(range.clone())?;
                        let verb = doc.words[ci].span.start;
                        let cut = clause_cut(&text[prev.start..verb])
                            .map_or(prev.start, |i| prev.start + i);
                        let (name, role, raw) = doc.named_speaker((cut, verb))?;
                        Some((name, role, raw, Some(doc.cue_hit(ci, n, cue)), "previous"))
                    };
                    if let Some((ci, n, cue)) = doc.last_cue(range.clone()) {
                        if ci + n == range.end && cue.lemma != "according to" {
                            let before = &text[prev.start..doc.words[ci].span.start];
                            let cut = before.rfind(',').map_or(prev.start, |i| prev.start + i + 1);
                            if let Some((name, role, raw)) =
                                doc.speaker_of(cut, doc.words[ci].span.start, true)
                            {
                                found_speaker = Some((
                                    name,
                                    role,
                                    raw,
                                    Some(doc.cue_hit(ci, n, cue)),
                                    "previous",
                                ));
                            }
                        }
                    }
                    if found_speaker.is_none() && whole {
                        found_speaker = told();
                    }
                }
            }
        }

        // 3. A paragraph ending in a colon introduces a quote that opens the next one.
        let opens_paragraph = q.outer.start == para_first.start;
        if found_speaker.is_none() && opens_paragraph && q.paragraph > 0 {
            let prev = paras[q.paragraph - 1];
            let prev_text = prev.slice(text);
            if prev_text.trim_end().ends_with(':') {
                let range = doc.words_in(prev.start, prev.end);
                if let Some((ci, n, cue)) = doc.last_cue(range) {
                    let s = doc.sentence_span(doc.words[ci].span.start);
                    if let Some((name, role, raw)) =
                        doc.speaker_of(s.start.max(prev.start), doc.words[ci].span.start, true)
                    {
                        found_speaker =
                            Some((name, role, raw, Some(doc.cue_hit(ci, n, cue)), "colon"));
                    }
                }
            }
        }

        // A quote opening a paragraph right after a quote paragraph by a known speaker runs on,
        // unless it is a subheading: a few words in title case, alone in their paragraph
        // ("‘Coal Isn’t the Villain.’").
        let subheading = opens_paragraph
            && blank(q.outer.end, end_para.end)
            && word_count_upto(&content, 9) <= 8
            && content
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if found_speaker.is_none()
            && opens_paragraph
            && !subheading
            && q.paragraph > 0
            && n_words >= 4
        {
            if let Some(prev) = quotes.last() {
                if last_paragraph == Some(q.paragraph - 1)
                    && prev.kind == Kind::Direct
                    && !prev.speaker.is_empty()
                {
                    found_speaker = Some((
                        prev.speaker.clone(),
                        prev.role.clone(),
                        prev.speaker_text.clone(),
                        prev.cue.clone(),
                        "continued",
                    ));
                }
            }
        }

        // "He" and "she" take the person they continue; "they" and "it" stay as written.
        if let Some(fs) = found_speaker.as_mut() {
            if fs.0.is_empty() {
                if let Some(name) =
                    he_or_she(&fs.2).and_then(|w| doc.antecedent(q.outer.start, w, &named, &found))
                {
                    fs.0 = name;
                }
            } else {
                named.mention_speaker(&fs.0, &fs.2, &fs.1);
            }
        }

        let sentence = u32::try_from(doc.sentence_of(span.start)).unwrap_or(u32::MAX);
        let mut quote = match found_speaker {
            Some((speaker, role, speaker_text, cue, method)) => Quote {
                kind: Kind::Direct,
                pieces: q.pieces.clone(),
                speaker,
                speaker_text,
                role,
                cue,
                sentence,
                method,
                text: String::new(),
            },
            None => Quote {
                kind: if n_words >= 6 && looks_like_speech(&content) {
                    Kind::Direct
                } else {
                    Kind::Scare
                },
                pieces: q.pieces.clone(),
                speaker: String::new(),
                speaker_text: String::new(),
                role: String::new(),
                cue: None,
                sentence,
                method: "",
                text: String::new(),
            },
        };

        // “A,” she said, “B.”: B continues A when only A's attribution stands between them.
        if let Some(prev) = quotes.last_mut() {
            let prev_q = &found[qi - 1];
            let same_para =
                prev_q.paragraph == q.paragraph || paras.get(q.paragraph) == Some(&end_para);
            let between = &text[prev_q.outer.end.min(q.outer.start)..q.outer.start];
            // "“A,” she said. Officials called it a “B”.": B is inside a later sentence that
            // other words open, so it is that sentence's, not A's.
            let b_sentence = doc.sentence_span(q.outer.start);
            let in_later_sentence = b_sentence.start >= prev_q.outer.end
                && text
                    .get(b_sentence.start..q.outer.start)
                    .is_some_and(|before| !before.trim().is_empty());
            // "“A,” Warren said. “B” to drive up the price, she said.": B opens a sentence
            // that goes on in other words after it.
            let new_sentence = b_sentence.start >= prev_q.outer.end
                && text
                    .get(q.outer.end..b_sentence.end)
                    .is_some_and(|after| after.chars().any(char::is_alphanumeric));
            // Both introduced by one verb: “A” and “B” after it, or “A,” she said, “B”.
            let same_cue = quote.method == "before"
                && quote.cue.as_ref().map(|c| c.span) == prev.cue.as_ref().map(|c| c.span);
            let continues = same_para
                && !in_later_sentence
                && !new_sentence
                && prev.kind == Kind::Direct
                && !between.contains('\n')
                && word_count_upto(between, 41) <= 40
                && match prev.method {
                    "after" => quote.method.is_empty() || same_cue,
                    "before" => same_cue,
                    _ => false,
                };
            if continues {
                prev.pieces.extend(quote.pieces);
                continue;
            }
        }
        // A quotation opening a sentence later in the paragraph of a speaker's quotation is
        // theirs too, when no one else is named between them: "“…” to drive up the price, she
        // said, referencing the bank’s drive to “cross-sell.” “You went on television …”
        // workers."
        if quote.method.is_empty() && n_words >= 4 && !opens_paragraph {
            if let Some(prev) = last_said
                .filter(|&(_, para)| opens_sentence && para == q.paragraph)
                .map(|(i, _)| &quotes[i])
            {
                let between = doc.words_in(prev.span().end, q.outer.start);
                let unnamed = between.len() <= 40
                    && doc.words[between]
                        .iter()
                        .all(|w| !w.capitalised() || pronoun_of(w.lower()).is_some());
                if unnamed {
                    quote.kind = Kind::Direct;
                    quote.speaker.clone_from(&prev.speaker);
                    quote.role.clone_from(&prev.role);
                    quote.speaker_text.clone_from(&prev.speaker_text);
                    quote.cue.clone_from(&prev.cue);
                    quote.method = "continued";
                }
            }
        }
        if quote.kind == Kind::Direct && !quote.speaker.is_empty() {
            last_said = Some((quotes.len(), q.paragraph));
        }
        quotes.push(quote);
        last_paragraph = Some(q.paragraph);
    }
    quotes.extend(indirect(&doc, &found));
    quotes.sort_by_key(|q| (q.span().start, q.kind));
    resolve_reported_pronouns(&doc, &found, &mut quotes);
    for q in &mut quotes {
        if q.kind == Kind::Scare {
            trim_term_end(text, q);
        }
        if let Some((name, title)) = doc.title_holder(&q.speaker_text, q.span().start) {
            q.role = if q.role.is_empty() {
                title
            } else {
                format!("{title}, {}", q.role)
            };
            q.speaker = name;
        }
        q.fill_text(text);
    }
    DocQuotes {
        quotes,
        names: doc.into_names(),
    }
}

/// Leaves out of a scare-quoted term the punctuation that the sentence puts inside the marks
/// (“compensation,” is the term "compensation"), so that a term is counted as one however the
/// sentence runs on. An abbreviation keeps its full stop (“U.S.”).
fn trim_term_end(text: &str, q: &mut Quote) {
    let Some(last) = q.pieces.last_mut() else {
        return;
    };
    let piece = last.slice(text);
    let mut kept = piece.trim_end_matches([',', ';', ':']);
    if kept.ends_with('.') && !ends_with_abbreviation(kept) {
        kept = &kept[..kept.len() - 1];
    }
    let kept = kept.trim_end();
    if !kept.is_empty() {
        last.end = last.start + kept.len();
    }
}

/// The speakers a document has named so far, each a person of known or unknown gender or
/// something that is not one person: what "he" or "she" may stand for ([`Doc::antecedent`]).
#[derive(Debug, Default)]
struct Named {
    /// Name to kind.
    by_name: FxHashMap<String, Who>,
}

/// What a named speaker is, for pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Person(Option<Gender>),
    Group,
}

/// Heads of speakers that are not one person: "he" or "she" cannot stand for "Officials",
/// "The statement" or "the Defence Ministry", though "they" and "it" can.
const NOT_ONE_PERSON: [&str; 26] = [
    "officials",
    "sources",
    "members",
    "experts",
    "analysts",
    "critics",
    "supporters",
    "residents",
    "witnesses",
    "statement",
    "report",
    "authorities",
    "police",
    "ministry",
    "government",
    "kremlin",
    "office",
    "agency",
    "committee",
    "campaign",
    "people",
    "observers",
    "leaders",
    "diplomats",
    "lawmakers",
    "spokesmen",
];

impl Named {
    /// Names a quotation's speaker (`speaker`, as given by `written` with `role`), if a
    /// name: a word or more, capitalised or of several words. A person of unknown gender
    /// keeps the gender known from before.
    fn mention_speaker(&mut self, speaker: &str, written: &str, role: &str) {
        if speaker.contains(' ') || speaker.chars().next().is_some_and(char::is_uppercase) {
            let head = speaker.rsplit(' ').next().unwrap_or(speaker).to_lowercase();
            let kind = if NOT_ONE_PERSON.contains(&head.as_str()) {
                Who::Group
            } else {
                let gender = FirstNames::bundled().gender(speaker, &format!("{written} {role}"));
                Who::Person(gender.or_else(|| self.gender_of(speaker)))
            };
            self.by_name.insert(speaker.to_string(), kind);
        }
    }

    /// The gender of a speaker named before, if known.
    fn gender_of(&self, name: &str) -> Option<Gender> {
        match self.by_name.get(name)? {
            Who::Person(gender) => *gender,
            Who::Group => None,
        }
    }

    /// Whether a speaker named before is a person (of any gender), not a body or a group.
    fn is_person(&self, name: &str) -> bool {
        matches!(self.by_name.get(name), Some(Who::Person(_)))
    }
}

/// How many words of a sentence, from its start, [`Doc::antecedent`] reads.
const ANTECEDENT_WORDS: usize = 80;

/// How many full names mentioned before it, latest first, [`Doc::antecedent`] searches for a
/// surname's given name.
const ANTECEDENT_NAMES: usize = 200;

/// The gender of a speaker written as "he" or "she" (or "He’s", "she'd"…).
fn he_or_she(written: &str) -> Option<Gender> {
    if written.len() > 8 {
        return None;
    }
    match pronoun_of(&written.to_lowercase()) {
        Some("he") => Some(Gender::Male),
        Some("she") => Some(Gender::Female),
        _ => None,
    }
}

/// Gives reported speech whose speaker is "he" or "she" the person it stands for
/// ([`Doc::antecedent`]), read in text order so that the speakers before it are known.
fn resolve_reported_pronouns(doc: &Doc<'_, '_>, found: &[marks::Quoted], quotes: &mut [Quote]) {
    // "he" or "she", as written, for the quotes to resolve. (Most documents have none, and
    // skip the pass.)
    let gender = |q: &Quote| {
        (q.kind == Kind::Indirect && q.speaker.is_empty())
            .then(|| he_or_she(&q.speaker_text))
            .flatten()
    };
    if !quotes.iter().any(|q| gender(q).is_some()) {
        return;
    }
    let mut named = Named::default();
    for q in quotes {
        if !q.speaker.is_empty() {
            named.mention_speaker(&q.speaker, &q.speaker_text, &q.role);
        } else if let Some(want) = gender(q) {
            // Before the speaker's words and their verb, whichever comes first: "He said
            // Obama hopes that …" is not Obama's.
            let at = q
                .cue
                .as_ref()
                .map_or(q.span().start, |c| c.span.start.min(q.span().start));
            if let Some(name) = doc.antecedent(at, want, &named, found) {
                q.speaker = name;
            }
        }
    }
}

/// The subject of a clause from `cut` to a participle that ends it ("He questioned the
/// actions, saying …"): the capitalised words at its start, up to its verb.
fn subject_at(doc: &Doc<'_, '_>, cut: usize, participle: usize) -> (usize, usize) {
    let head = doc.words_in(cut, participle);
    let mut first_verb = (head.start..head.end)
        .find(|&i| i > head.start && !doc.words[i].capitalised())
        .unwrap_or(head.end);
    // A possessive before the first lower-case word owns it. In an apposition the subject is
    // the name before it: "Roy Cooper, McCrory's opponent, called …" has the subject Roy
    // Cooper. Otherwise the words it owns lead to the subject's name: "Hillary Clinton’s
    // campaign manager Robby Mook said …" has the subject Robby Mook.
    if first_verb > head.start + 1
        && first_verb < head.end
        && is_owner(doc.words[first_verb - 1].lower())
    {
        let owner = &doc.words[first_verb - 1];
        let gap = &doc.text[doc.words[first_verb - 2].span.end..owner.span.start];
        if gap.contains(',') {
            first_verb -= 1;
        } else if let Some(name) =
            (first_verb..head.end.min(first_verb + 4)).find(|&i| doc.words[i].capitalised())
        {
            first_verb = (name..head.end)
                .find(|&i| !doc.words[i].capitalised())
                .unwrap_or(head.end);
        }
    }
    let mut end = if first_verb > head.start {
        doc.words[first_verb - 1].span.end
    } else {
        cut
    };
    // Not into a party tag left open: "Roy Cooper (D), McCrory's opponent" is "Roy Cooper".
    let np = &doc.text[cut..end];
    if np.matches('(').count() > np.matches(')').count() {
        end = np
            .rfind('(')
            .map_or(end, |i| cut + np[..i].trim_end().len());
    }
    (cut, end)
}

/// Where the subject of a verb can start at the latest: just after the last sentence or
/// clause break (a stop, semicolon, colon, quotation mark or dash, as after a dateline), or
/// after a comma and the conjunction that opens a clause of its own ("…, but Obama said").
fn clause_cut(before: &str) -> Option<usize> {
    before
        .char_indices()
        .filter_map(|(i, c)| match c {
            '.' if is_abbreviation_dot(before, i) || runs_on(before, i) => None,
            '.' | ';' | ':' | '“' | '”' | '"' | '—' | '–' => Some(i + c.len_utf8()),
            ',' => {
                // ", but Obama said": the conjunction and its space are cut off too.
                let rest = before[i + 1..].strip_prefix(' ')?;
                let (word, _) = rest.split_once(' ')?;
                CLAUSE_CONJUNCTIONS
                    .contains(&word)
                    .then_some(before.len() - rest.len() + word.len() + 1)
            }
            _ => None,
        })
        .chain(before.match_indices(" - ").map(|(i, _)| i + 3))
        .max()
}

/// Conjunctions that, after a comma, open a clause with its own subject.
const CLAUSE_CONJUNCTIONS: [&str; 6] = ["but", "yet", "while", "although", "though", "whereas"];

/// Whether the sentence runs on after the full stop at `at`: only closing brackets or marks
/// and spaces follow before the verb or a lower-case word ("Stephen Lynch (D-Mass.) said").
fn runs_on(text: &str, at: usize) -> bool {
    text[at + 1..]
        .chars()
        .find(|c| !(c.is_whitespace() || matches!(c, ')' | ']' | '"' | '\'' | '’' | '”')))
        .is_none_or(char::is_lowercase)
}

/// A full stop after an initial or a title ("Mr.", "U.S.", "J.") rather than a sentence end.
fn is_abbreviation_dot(text: &str, at: usize) -> bool {
    let word: String = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    word.chars().count() <= 3 && word.chars().any(char::is_uppercase)
}

/// Quoted text that reads like speech rather than a title: it has lower-case words.
fn looks_like_speech(content: &str) -> bool {
    lower_case_words(content) >= 3
}

/// How many words of `content` start with a lower-case letter.
fn lower_case_words(content: &str) -> usize {
    content
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count()
}

impl<'t> Doc<'t, '_> {
    /// Whom "he" or "she" (`want`) at byte `at` stands for: the first person of that gender
    /// named in its sentence before it, else in each sentence before, nearest first. A
    /// sentence's first name is most often its subject, and a pronoun most often continues
    /// the subject before it ("Fowler said he expects Clinton to recover. … Though that
    /// transition was seamless, he said, …"), where the latest name may be anyone's. A
    /// sentence where the same pronoun comes first continues one further back, and is passed
    /// over ("Though that transition was seamless, he said, replacing Clinton would help
    /// loyalists to Joe Biden." is not Biden's); four others are read, ten sentences at most.
    /// Words inside the document's quotations (`found`) are someone's words, not mentions.
    ///
    /// A person's gender is known from a title, a first name in the name, a full name of the
    /// same surname mentioned before, or a speaker of the document (`named`). A name whose
    /// gender is unknown counts as a speaker of the document, or as the subject of a sentence
    /// the same pronoun goes on in.
    fn antecedent(
        &self,
        at: usize,
        want: Gender,
        named: &Named,
        found: &[marks::Quoted],
    ) -> Option<String> {
        let si = self.sentence_of(at);
        let first_names = FirstNames::bundled();
        let gender_of = |name: &str, titles: &str| {
            let surname = name.rsplit(' ').next().unwrap_or(name);
            // (Any word before the surname may be the first name: "Gov. Ed Rendell".)
            let words: Vec<&str> = name.split(' ').collect();
            first_names
                .gender(name, titles)
                .or_else(|| {
                    words[..words.len() - 1]
                        .iter()
                        .find_map(|w| first_names.gender(w, ""))
                })
                .or_else(|| {
                    self.names_before(at)
                        .take(ANTECEDENT_NAMES)
                        .filter(|f| f.rsplit(' ').next() == Some(surname))
                        .find_map(|f| first_names.gender(&f, ""))
                })
                .or_else(|| named.gender_of(name))
        };
        let same_pronoun = |w: &Word<'_>| match want {
            Gender::Male => matches!(w.lower(), "he" | "him" | "his"),
            Gender::Female => matches!(w.lower(), "she" | "her" | "hers"),
        };
        // Words inside quotation marks are someone's words, not the writer's mentions.
        let quoted = |w: &Word<'_>| {
            found
                .get(found.partition_point(|q| q.outer.end <= w.span.start))
                .is_some_and(|q| q.outer.start <= w.span.start)
        };
        // Four sentences back, not counting those the same pronoun carries (at most ten).
        let mut left = 4;
        for s in (si.saturating_sub(10)..=si).rev() {
            if left == 0 {
                break;
            }
            let Some(&span) = self.sentences.get(s) else {
                break;
            };
            let words = &self.words[self.words_in(span.start, span.end.min(at))];
            // (A sentence's subject is near its start: the words of a run-on "sentence" of
            // thousands are not all read, for each pronoun, again.)
            let words = &words[..words.len().min(ANTECEDENT_WORDS)];
            let pronoun = words
                .iter()
                .position(|w| same_pronoun(w) && !quoted(w))
                .unwrap_or(words.len());
            if pronoun == words.len() {
                left -= 1;
            }
            let mut runs = capitalised_runs(self.text, words).into_iter().peekable();
            let opens_adverbial = words.first().is_some_and(|w| opens_clause(w.lower()));
            let subject = if opens_adverbial {
                let comma = words
                    .iter()
                    .position(|w| self.text[w.span.end..].starts_with(','));
                comma.map_or(usize::MAX, |c| c + 1)
            } else {
                0
            };
            for i in 0..pronoun {
                let run = runs.next_if(|r| r.start == i);
                if quoted(&words[i]) {
                    continue;
                }
                // A title after "the" stands for its holder named before: "The president’s
                // Pacific roots also came into play. In Honolulu, he told …".
                let title = words
                    .get(i + 1)
                    .filter(|_| words[i].lower() == "the")
                    .map(|t| {
                        let lower = t.lower();
                        lower
                            .strip_suffix("’s")
                            .or_else(|| lower.strip_suffix("'s"))
                            .unwrap_or(lower)
                    });
                let mut mention = title
                    .filter(|t| self.lists.titles.contains_lower(t))
                    .and_then(|t| self.title_holder(&format!("the {t}"), words[i].span.start));
                if let Some(r) = run {
                    // (Cut after the run, a possessive one is a name too: "Mr. Obama’s bet".)
                    mention = mention.or_else(|| {
                        self.run_name(&words[..r.end], r, &mut None)
                            .map(|(name, titles)| (name, joined(titles)))
                    });
                }
                let Some((name, titles)) = mention else {
                    continue;
                };
                // A heading in title case is no one: "Experience Of Serving Under Obama".
                let heading = name.split(' ').any(|w| {
                    let lower = w.to_lowercase();
                    is_stopword(&lower) && !NAME_LINKS.contains(&lower.as_str())
                });
                if heading {
                    continue;
                }
                // A name of unknown gender that opens a sentence the same pronoun goes on in
                // is its subject, whom the pronoun takes up: "Ham made it clear he had
                // misgivings", "Rendell, who …, agreed that …, but he said".
                // (The subject opens the sentence, or follows the comma of an opening
                // adverbial: "In an interview with Trending Today USA, Ham made …".)
                let taken_up = i == subject && pronoun < words.len() && {
                    let head = name.rsplit(' ').next().unwrap_or(&name).to_lowercase();
                    let opener = words[i].lower();
                    !INSTITUTION_HEADS.contains(&head.as_str())
                        && !NOT_ONE_PERSON.contains(&head.as_str())
                        && !is_stopword(opener)
                        && !opens_clause(opener)
                };
                match gender_of(&name, &titles) {
                    Some(g) if g == want => return Some(name),
                    None if taken_up || named.is_person(&name) => return Some(name),
                    _ => {}
                }
            }
        }
        None
    }

    /// The full names (two or more words) in the capitalised runs of the words wholly before
    /// byte `at`, latest first.
    fn names_before(&self, at: usize) -> impl Iterator<Item = String> + '_ {
        let end = self.words.partition_point(|w| w.span.end <= at);
        let runs = self.run_names();
        // Runs are found left to right, each as long as it can be; one that `end` cuts is
        // found again within the words before it (it may hold shorter runs, or none).
        let whole = runs.partition_point(|(run, _)| run.end <= end);
        let cut = runs
            .get(whole)
            .filter(|(run, _)| run.start < end)
            .map_or_else(Vec::new, |(run, _)| {
                self.names_in(&self.words[..end], run.start)
                    .into_iter()
                    .filter_map(|(_, name)| name)
                    .collect()
            });
        cut.into_iter().rev().chain(
            runs[..whole]
                .iter()
                .rev()
                .filter_map(|(_, name)| name.clone()),
        )
    }

    /// Whom a speaker written as a title alone stands for: "the President" after "President
    /// Ilham Aliyev", "the foreign minister" after "Foreign Minister Jeyhun Bayramov". The
    /// latest name written after that title before byte `at`, with the title as written.
    fn title_holder(&self, speaker_text: &str, at: usize) -> Option<(String, String)> {
        let mut words = speaker_text.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("the") {
            return None;
        }
        let title: Vec<String> = words.map(str::to_lowercase).collect();
        let titles = &self.lists.titles;
        if title.is_empty() || title.len() > 3 || !title.iter().all(|w| titles.contains_lower(w)) {
            return None;
        }
        let end = self.words.partition_point(|w| w.span.start < at);
        (0..=end.checked_sub(title.len())?).rev().find_map(|i| {
            let here = &self.words[i..i + title.len()];
            let matches = here[0].cap && here.iter().zip(&title).all(|(w, t)| w.lower() == t);
            // The tail of a longer title is not that title: "the state" does not stand for
            // "Secretary of State Jon Husted".
            let tail = i > 0 && self.words[i - 1].lower() == "of";
            if !matches || tail {
                return None;
            }
            // The name right after the title, in the same capitalised run.
            let after = &self.words[i..end.min(i + title.len() + MAX_NAME_WORDS)];
            let run = capitalised_runs(self.text, after).into_iter().next()?;
            if run.start != 0 || run.end <= title.len() {
                return None;
            }
            let (name, _) = self.run_name(after, run, &mut None)?;
            Some((name, joined(here)))
        })
    }

    /// Full names (two or more words) mentioned in the document, in order of first mention.
    fn into_names(mut self) -> Vec<String> {
        self.run_names();
        let runs = self.run_names.take().unwrap_or_default();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let first: Vec<bool> = runs
            .iter()
            .map(|(_, name)| name.as_deref().is_some_and(|n| seen.insert(n)))
            .collect();
        drop(seen);
        runs.into_iter()
            .zip(first)
            .filter_map(|((_, name), first)| name.filter(|_| first))
            .collect()
    }

    fn run_names(&self) -> &[(std::ops::Range<usize>, Option<String>)] {
        self.run_names.get_or_init(|| self.names_in(&self.words, 0))
    }

    /// The capitalised runs of two words or more in `words[from..]`, numbered within
    /// `words`, with the full name each holds.
    fn names_in(
        &self,
        words: &[Word<'t>],
        from: usize,
    ) -> Vec<(std::ops::Range<usize>, Option<String>)> {
        // (A name of two words needs a run of two: one word never holds a space.)
        capitalised_runs(self.text, &words[from..])
            .into_iter()
            .filter(|run| run.len() >= 2)
            .map(|run| {
                let run = from + run.start..from + run.end;
                let name = self
                    .run_name_or_body(&words[run.clone()])
                    .filter(|n| n.contains(' '));
                (run, name)
            })
            .collect()
    }

    /// What [`Doc::name_in`] finds in one whole capitalised run: the name, else the body.
    fn run_name_or_body(&self, run: &[Word<'t>]) -> Option<String> {
        let mut body = None;
        self.run_name(run, 0..run.len(), &mut body)
            .map(|(name, _)| name)
            .or(body)
    }
}

/// Reported speech without quotation marks: `X said (that) …`, `according to X, …`.
fn indirect(doc: &Doc<'_, '_>, found: &[marks::Quoted]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        // Sentences a quotation overlaps are left to it: the first quotation ending after
        // the sentence starts is the only one that can.
        let overlapping = found
            .get(found.partition_point(|q| q.outer.end <= s.start))
            .is_some_and(|q| q.outer.start < s.end);
        // Nor are sentences that quote with doubled apostrophes (''…'', as some archives
        // write quotation marks): what they report is in the speaker's words.
        if overlapping || s.slice(doc.text).contains("''") {
            continue;
        }
        let range = doc.words_in(s.start, s.end);
        // The sentence's cues, found once: the last one written in lower case may close it
        // ("…, the Kremlin said"; "State" in "the State Duma" is a name), the first that
        // reports speech may open what it reports ("The Kremlin said that …").
        let cues: Vec<(usize, usize, Cue)> = range
            .clone()
            .filter_map(|i| doc.cue_at(i, range.end))
            .filter(|(i, _, c)| reports_speech(c) && doc.finite(*i, c))
            .collect();
        let last = cues.iter().rev().find(|(i, _, _)| !doc.words[*i].cap);
        if let Some(q) = last
            .and_then(|c| postposed(doc, *s, range.clone(), c.clone()))
            .and_then(|r| indirect_quote(doc, si, r))
        {
            out.push(q);
            continue;
        }
        // A sentence that opens right after a quotation in its paragraph with its speaker and
        // verb is that quotation's attribution ("“…?” Trump said, looking out on the crowd.").
        let quoted_before = found
            .partition_point(|q| q.outer.end <= s.start)
            .checked_sub(1)
            .is_some_and(|q| {
                let gap = &doc.text[found[q].outer.end..s.start];
                gap.trim().is_empty() && !gap.contains('\n')
            });
        // The first cue that reads as an attribution: "so-called" or "called it" before it
        // is none, and neither is a verb with no "that" clause other than "say" ("Back when
        // he wrote his book, Mr. McKinley said that …").
        let mut earlier = None;
        for cue in &cues {
            if quoted_before && cue.0 < range.start + 4 {
                break;
            }
            let quote =
                opening(doc, *s, cue.clone(), earlier).and_then(|r| indirect_quote(doc, si, r));
            if quote.is_some() {
                out.extend(quote);
                break;
            }
            earlier = Some(cue.0);
        }
    }
    out
}

/// Reported speech whose attribution opens the sentence, at the cue `(ci, n, cue)`: "The
/// Kremlin said (that) …", "X told reporters that …", "According to X, …". `earlier`: the
/// word of a cue before it in the sentence that read as none, whose subject a second verb
/// shares ("He claimed vast wealth and said it …").
fn opening(
    doc: &Doc<'_, '_>,
    s: Span,
    (ci, n, cue): (usize, usize, Cue),
    earlier: Option<usize>,
) -> Option<Reported> {
    let (np, content) = if cue.lemma == "according to" {
        let after = doc.words[ci + n - 1].span.end;
        let comma = after + doc.text[after..s.end].find(',')?;
        ((after, comma), (comma + 1, s.end))
    } else {
        let mut from = doc.words[ci + n - 1].span.end;
        // "told reporters that": skip the addressee up to "that".
        let rest = doc.words_in(from, s.end);
        // (An addressee may be longer, "told a meeting of Pacific Island leaders that", and
        // so may an adverbial, "announced in a statement this month that". A "that" that a
        // verb follows is a pronoun, not the one: "said that was a mistake", "said in a
        // report that was released …".)
        let adverbial = doc
            .words
            .get(rest.start)
            .is_some_and(|w| opens_adverbial(w.lower()));
        let reach = if cue.lemma == "tell" || adverbial {
            8
        } else {
            4
        };
        let lookahead = rest.start..rest.end.min(rest.start + reach);
        let that = doc.words[lookahead.clone()]
            .iter()
            .position(|w| w.lower() == "that")
            .map(|k| lookahead.start + k)
            .filter(|&k| {
                !doc.words.get(k + 1).is_some_and(|w| {
                    matches!(w.lower(), "is" | "was" | "are" | "were" | "has" | "had")
                })
            });
        if let Some(t) = that.map(|k| &doc.words[k]) {
            from = t.span.end;
        } else if cue.lemma != "say" && !clause_follows(&doc.words[rest]) {
            // Other verbs report speech only with a clause: "stated that …", "announced it
            // would …"; not "announced the arrest", "noted the rule".
            return None;
        } else {
            // "…, lawmakers said Friday afternoon, as they …": an adverbial up to a comma
            // after the verb ends the attribution, and no clause it reports follows.
            let comma = doc.text[from..s.end].find(',').map(|i| from + i);
            if comma.is_some_and(|c| is_adverbial(&doc.words[doc.words_in(from, c)])) {
                return None;
            }
        }
        let mut verb = doc.words[ci].span.start;
        // A second verb after "and" shares the first one's subject.
        if let Some(e) = earlier {
            if doc.text[..verb].trim_end().ends_with(" and") {
                verb = doc.words[e].span.start;
            }
        }
        let before = &doc.text[s.start..verb];
        let cut = clause_cut(before).map_or(s.start, |i| s.start + i);
        // Before "…, said" the subject's first part is a name or a description ("Farhad
        // Mammadov, a political analyst, said"), not a clause of its own ("Moves against
        // the broadcasters led to …, said Jeffrey Trimble").
        let subject = &doc.text[cut..verb];
        if subject.trim_end().ends_with(',') {
            let first = subject.split(',').next().unwrap_or_default();
            if word_count_upto(first, 11) > 10 {
                return None;
            }
        }
        ((cut, verb), (from, s.end))
    };
    Some(Reported {
        content: vec![Span {
            start: content.0,
            end: content.1,
        }],
        np,
        before_verb: cue.lemma != "according to",
        cue: (ci, n, cue),
    })
}

/// Whether a cue can report speech without quotation marks ("said", "according to"; not
/// "called" or "described").
fn reports_speech(cue: &Cue) -> bool {
    matches!(
        cue.lemma.as_str(),
        "say"
            | "tell"
            | "state"
            | "claim"
            | "note"
            | "add"
            | "argue"
            | "insist"
            | "warn"
            | "explain"
            | "confirm"
            | "announce"
            | "allege"
            | "admit"
            | "deny"
            | "acknowledge"
            | "stress"
            | "emphasize"
            | "according to"
            | "write"
            | "point out"
            | "suggest"
            | "declare"
    )
}

/// A sentence of reported speech, as found: byte ranges of what was said (two pieces when the
/// attribution stands inside it: "A, the ministry said, B") and of the speaker phrase (before
/// the verb or after it), and the cue (word index, words taken, cue).
struct Reported {
    content: Vec<Span>,
    np: (usize, usize),
    before_verb: bool,
    cue: (usize, usize, Cue),
}

/// The indirect quote of a sentence of reported speech, if what was said has four words or
/// more and the speaker phrase names a speaker.
fn indirect_quote(doc: &Doc<'_, '_>, si: usize, r: Reported) -> Option<Quote> {
    let (ci, n, cue) = r.cue;
    let pieces: Vec<Span> = r
        .content
        .iter()
        .filter_map(|piece| {
            let raw = piece.slice(doc.text);
            let text = raw.trim().trim_end_matches(['.', '!', '?', ',']).trim_end();
            let start = piece.start + (raw.len() - raw.trim_start().len());
            (!text.is_empty()).then_some(Span {
                start,
                end: start + text.len(),
            })
        })
        .collect();
    let words: usize = pieces
        .iter()
        .map(|p| word_count_upto(p.slice(doc.text), 4))
        .sum();
    if words < 4 {
        return None;
    }
    // A verb in a relative clause reports nothing: "the gap between what Trump says and …",
    // "Everything Trump says is a lie".
    let relative = doc.words[doc.words_in(r.np.0, r.np.1)].iter().any(|w| {
        matches!(
            w.lower(),
            "what" | "whatever" | "everything" | "anything" | "nothing"
        )
    });
    if relative && r.before_verb {
        return None;
    }
    let (name, role, raw, kind) = doc.speaker_kind(r.np.0, r.np.1, r.before_verb)?;
    if kind == Np::Description && !plausible_description(&name) {
        return None;
    }
    Some(Quote {
        kind: Kind::Indirect,
        pieces,
        speaker: name,
        speaker_text: raw,
        role,
        cue: Some(doc.cue_hit(ci, n, cue)),
        sentence: u32::try_from(si).unwrap_or(u32::MAX),
        method: "indirect",
        text: String::new(),
    })
}

/// Whether a described speaker of reported speech reads as a noun phrase that can speak:
/// "officials", "Western diplomats", "the company", "four sources", "many lawmakers",
/// "Connecticut's tax commissioner", "top black lawmakers"; not a clause's leftovers ("of the
/// report", "the people to") or an idea ("another perspective").
fn plausible_description(description: &str) -> bool {
    let words: Vec<String> = description
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let owner = first.ends_with("'s") || first.ends_with("’s") || first.ends_with("s'");
    let opens = (words.len() <= 2 && !is_stopword(first))
        || owner
        || is_determiner(first)
        || is_number_word(first)
        || matches!(
            first.as_str(),
            "some" | "many" | "most" | "several" | "both" | "all" | "other" | "few"
        )
        || bare_plural(&words);
    // An idea is not a speaker: "Another perspective argues that …".
    let abstract_head = matches!(
        last.as_str(),
        "perspective"
            | "perspectives"
            | "view"
            | "views"
            | "viewpoint"
            | "theory"
            | "argument"
            | "logic"
            | "idea"
            | "notion"
            | "approach"
            | "narrative"
            | "version"
            | "thinking"
            | "reasoning"
    );
    opens && !is_stopword(last) && !abstract_head
}

/// Plural nouns for what a body writes rather than who speaks for it: after a name ("ICAO
/// regulations", "FBI records"), the name is the source.
const DOCUMENT_NOUNS: [&str; 16] = [
    "regulations",
    "rules",
    "records",
    "documents",
    "reports",
    "data",
    "figures",
    "statistics",
    "estimates",
    "polls",
    "surveys",
    "filings",
    "papers",
    "guidelines",
    "laws",
    "statements",
];

/// Whether lower-case words are a plural noun phrase without a determiner: "top black
/// lawmakers", "federal and state officials", "attorneys for the family". The head (the
/// last word, or the word before the first preposition) ends in a plural -s, and the words
/// before it are modifiers: no stop word but "and".
fn bare_plural(words: &[String]) -> bool {
    if words.len() > 6 {
        return false;
    }
    let head_at = words
        .iter()
        .position(|w| PREPOSITIONS.contains(&w.as_str()))
        .unwrap_or(words.len());
    let Some(head) = head_at.checked_sub(1).map(|i| &words[i]) else {
        return false;
    };
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is")
        && !is_stopword(head);
    plural
        && words[..head_at - 1]
            .iter()
            .all(|w| w == "and" || !is_stopword(w))
}

/// Reported speech whose attribution follows what was said, after a comma: "…, the Kremlin
/// said on Thursday.", "…, four sources told Reuters.", "…, Farhad Mammadov, a political
/// analyst, said.", "…, said Konstantin Zatulin, a State Duma deputy.", "…, according to the
/// ministry.", "A, the group said, B." After the verb comes the speaker (inverted), an
/// adverbial ("on Thursday", "in a statement", the addressee of "told") or a comma, never a
/// clause: in "After the crash, Aliyev said Russia must admit its guilt" what was said
/// follows the verb, and the sentence is left to [`indirect`]'s reading. The cue reports
/// speech and is finite (as [`indirect`] chooses it).
fn postposed(
    doc: &Doc<'_, '_>,
    s: Span,
    range: std::ops::Range<usize>,
    (ci, n, cue): (usize, usize, Cue),
) -> Option<Reported> {
    let verb = &doc.words[ci];
    let verb_end = doc.words[ci + n - 1].span.end;
    let before = doc.text[s.start..verb.span.start].trim_end();
    let after = &doc.text[verb_end..s.end];
    let after_words = &doc.words[ci + n..range.end];
    let comma_before_verb = before.ends_with(',');
    let opens_np = |w: &Word<'_>| w.capitalised() || is_determiner(w.lower());
    // A name after the verb is its speaker ("…, noted NBC's Dante Chinni"), and so is a
    // description after "said", "added" or "wrote" ("…, said the ministry"); after another
    // verb it is the object ("X, the nominee's daughter, noted the rule").
    let inverts = |w: &Word<'_>| {
        w.capitalised() || (opens_np(w) && matches!(cue.lemma.as_str(), "say" | "add" | "write"))
    };
    if cue.lemma == "according to"
        || (comma_before_verb && after_words.first().is_some_and(inverts))
    {
        // "…, according to X" and "…, said X, a deputy": the speaker follows the verb. After
        // "according to", a long sentence may go on past the source's comma ("…, according
        // to the Tax Foundation, more than twice what …"), or the source follow a dash.
        let mut np_end = s.end;
        if after_words.len() > 12 && cue.lemma == "according to" {
            np_end = verb_end + after.find(',')?;
        }
        // The speaker up to its apposition's comma: "said Jeffrey N. Trimble, a senior
        // official with the board that oversees them".
        let named_end = after.find(',').map_or(np_end, |i| np_end.min(verb_end + i));
        let source = &doc.words[doc.words_in(verb_end, named_end)];
        let whole = doc.words_in(verb_end, np_end).len();
        if source.len() > 12 || whole > 20 || source.iter().any(|w| w.lower() == "that") {
            return None;
        }
        let said = before.strip_suffix(',').or_else(|| {
            (cue.lemma == "according to")
                .then(|| before.strip_suffix(['—', '–']))
                .flatten()
        })?;
        let cut = s.start + said.trim_end().len();
        return Some(Reported {
            content: vec![Span {
                start: s.start,
                end: cut,
            }],
            np: (verb_end, np_end),
            before_verb: false,
            cue: (ci, n, cue),
        })
        .filter(|_| !opens_with_adverbial(&doc.text[s.start..cut]));
    }
    // After the verb: an adverbial, up to the end of the sentence or a comma, and what was
    // said may go on after that comma.
    let adverbial_end = after.find(',').map_or(s.end, |i| verb_end + i);
    let adverbial = &doc.words[doc.words_in(verb_end, adverbial_end)];
    let addressee = cue.lemma == "tell"
        && adverbial.len() <= 6
        && adverbial.iter().all(|w| w.lower() != "that");
    if !adverbial.is_empty() && !is_adverbial(adverbial) && !addressee {
        return None;
    }
    // Before the verb: the speaker, after the comma that ends what was said; a speaker with
    // an apposition ("X, a political analyst, said") takes the comma before that.
    let mut commas = before.rmatch_indices(',').map(|(i, _)| i);
    let comma = if comma_before_verb {
        commas.nth(2)?
    } else {
        commas.next()?
    };
    let np = (s.start + comma + 1, verb.span.start);
    if word_count_upto(&doc.text[np.0..np.1], 15) > 14
        || (!comma_before_verb && word_count_upto(&doc.text[np.0..np.1], 9) > 8)
    {
        return None;
    }
    let mut content = vec![Span {
        start: s.start,
        end: s.start + comma,
    }];
    if let Some(start) = continuation(doc, adverbial_end + 1, s.end) {
        content.push(Span { start, end: s.end });
    }
    // An opening adverbial alone is not what was said ("After the crash, Aliyev said Russia
    // must …"); with the rest after the verb's comma it is ("If this fails, Mr. Castañeda
    // argues, there are other tools").
    if content.len() == 1 && opens_with_adverbial(&doc.text[s.start..s.start + comma]) {
        return None;
    }
    Some(Reported {
        content,
        np,
        before_verb: true,
        cue: (ci, n, cue),
    })
}

/// Whether words after a verb open a clause without "that": a subject pronoun and an
/// auxiliary ("it would", "he has", "there is", "they were"), which no object can be.
fn clause_follows(words: &[Word<'_>]) -> bool {
    let [subject, verb, ..] = words else {
        return false;
    };
    let subject = subject.lower();
    (matches!(subject, "there" | "i") || pronoun_of(subject).is_some() && subject != "you")
        && matches!(
            verb.lower(),
            "is" | "was"
                | "are"
                | "were"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
        )
}

/// Whether words after a reporting verb are an adverbial rather than what was said: "on
/// Thursday", "in a statement", "Friday afternoon", "late on Friday", "privately".
fn is_adverbial(words: &[Word<'_>]) -> bool {
    words.first().is_some_and(|first| {
        let lower = first.lower();
        opens_adverbial(lower) || lower.ends_with("ly")
    }) && words.len() <= 6
        && words.iter().all(|w| w.lower() != "that")
}

/// Whether a word in lower case opens an adverbial of place or time: "on", "in", "late",
/// "Friday", "December".
fn opens_adverbial(lower: &str) -> bool {
    ADVERBIAL_OPENERS.contains(&lower) || is_calendar_word(lower)
}

/// Where what was said resumes after "A, the group said," in `from..end`: at once ("…, was
/// hit by a missile", "…, and those in the bottom fifth paid 0.8 percent"), or after "adding
/// that" and the like; nowhere when the writer's own clause follows ("…, as they bristled at
/// …", "…, citing …").
fn continuation(doc: &Doc<'_, '_>, from: usize, end: usize) -> Option<usize> {
    let words = &doc.words[doc.words_in(from.min(end), end)];
    let first = words.first()?;
    let lower = first.lower();
    if lower.ends_with("ing") {
        // "adding that …", "noting that …": the speaker goes on.
        let that = words.get(1).filter(|w| w.lower() == "that")?;
        let goes_on = matches!(
            lower,
            "adding" | "saying" | "noting" | "stressing" | "explaining" | "insisting" | "warning"
        );
        return goes_on.then_some(that.span.end);
    }
    let writers = SUBORDINATORS.contains(&lower) || matches!(lower, "after" | "before");
    (!writers).then_some(from)
}

/// Whether text is an opening adverbial rather than a clause ("In Baku", "After the crash in
/// Grozny"): it starts with a preposition or subordinator and no comma ends that adverbial
/// before a clause follows ("In 2024, exports rose 5%" is a clause).
fn opens_with_adverbial(text: &str) -> bool {
    opens_clause(&first_word_lower(text)) && !text.contains(',')
}

/// Whether a word in lower case opens an adverbial phrase or clause before a sentence's
/// subject: a preposition ("In Baku, …") or a subordinator ("As far as …, …").
fn opens_clause(lower: &str) -> bool {
    OPENING_PREPOSITIONS.contains(&lower) || SUBORDINATORS.contains(&lower)
}

/// The first word of `text` (up to white space), in lower case; empty if there is none.
fn first_word_lower(text: &str) -> String {
    text.split_whitespace()
        .next()
        .map(str::to_lowercase)
        .unwrap_or_default()
}

/// Words that open an adverbial after a reporting verb: "said on Thursday", "said in a
/// statement", "said late on Friday".
const ADVERBIAL_OPENERS: [&str; 22] = [
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "via",
    "through",
    "from",
    "to",
    "with",
    "while",
    "when",
];

/// Full names of two or more words seen in the corpus, by lower-case surname: how a bare
/// surname that its own document does not explain is resolved. Grows with the distinct names
/// of the corpus, not with its documents.
#[derive(Debug, Clone, Default)]
pub struct Surnames(FxHashMap<String, Vec<String>>);

impl Surnames {
    /// Records the names a document mentions and the names its quotes give, as extracted
    /// (before [`resolve_in_doc`]).
    pub fn add(&mut self, doc: &DocQuotes) {
        for n in doc
            .names
            .iter()
            .chain(doc.quotes.iter().map(|q| &q.speaker))
        {
            // A full name has two or more words, the first and last capitalised ("Ursula von
            // der Leyen"); a speaker given as a description ("a government spokesman") names
            // no one.
            let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let Some((first, last)) = n.split_once(' ').zip(n.rsplit_once(' ')) else {
                continue;
            };
            // (Longer capitalised runs are titles and headlines: "Clinton Campaign Reportedly
            // Scrambling For Black Voter Turnout In Florida" is no full name of "Florida".)
            let words = n.split(' ').count();
            if capitalised(first.0) && capitalised(last.1) && words <= MAX_NAME_WORDS {
                let e = self.0.entry(last.1.to_lowercase()).or_default();
                if !e.contains(n) {
                    e.push(n.clone());
                }
            }
        }
    }

    /// The one full name with this surname, if there is exactly one.
    pub fn unique(&self, surname: &str) -> Option<&str> {
        match self.0.get(&surname.to_lowercase()).map(Vec::as_slice) {
            Some([full]) => Some(full),
            _ => None,
        }
    }
}

/// Resolves what a document can resolve on its own: a name the gazetteer knows becomes its
/// canonical form, and a bare surname takes the one full name of the document with that
/// surname. Returns, per quote, whether its speaker is a bare surname left for
/// [`resolve_in_corpus`].
pub fn resolve_in_doc(doc: &mut DocQuotes, gazetteer: &Gazetteer) -> Vec<bool> {
    let names = &doc.names;
    let mut pending = Vec::with_capacity(doc.quotes.len());
    for q in &mut doc.quotes {
        let mut waits = false;
        if q.speaker.is_empty() {
        } else if let Some(c) = gazetteer.canonical(&q.speaker) {
            q.speaker = c.to_string();
        } else if !q.speaker.contains(' ')
            && q.speaker.chars().next().is_some_and(char::is_uppercase)
        {
            let key = q.speaker.to_lowercase();
            let in_doc: Vec<&String> = names
                .iter()
                .filter(|n| {
                    n.split(' ')
                        .next_back()
                        .is_some_and(|l| l.to_lowercase() == key)
                })
                .collect();
            if let [full] = in_doc[..] {
                q.speaker = full.clone();
                if let Some(c) = gazetteer.canonical(&q.speaker) {
                    q.speaker = c.to_string();
                }
            } else {
                waits = true;
            }
        }
        pending.push(waits);
    }
    pending
}

/// A bare surname its document left unresolved: the one full name of the corpus with that
/// surname (then its canonical form), or the surname as it was.
pub fn resolve_in_corpus(speaker: &str, surnames: &Surnames, gazetteer: &Gazetteer) -> String {
    let full = surnames.unique(speaker).unwrap_or(speaker);
    gazetteer.canonical(full).unwrap_or(full).to_string()
}

/// Resolves speakers across documents held in memory: [`Surnames`] over all of them, then
/// [`resolve_in_doc`] and [`resolve_in_corpus`]. Returns each quote's speaker group. (The
/// report streams the same steps.)
pub fn resolve_speakers(docs: &mut [DocQuotes], gazetteer: &Gazetteer) -> Vec<Vec<String>> {
    let mut surnames = Surnames::default();
    for d in docs.iter() {
        surnames.add(d);
    }
    let mut groups = Vec::with_capacity(docs.len());
    for d in docs.iter_mut() {
        let pending = resolve_in_doc(d, gazetteer);
        let mut g = Vec::with_capacity(d.quotes.len());
        for (q, waits) in d.quotes.iter_mut().zip(pending) {
            if waits {
                q.speaker = resolve_in_corpus(&q.speaker, &surnames, gazetteer);
            }
            g.push(if q.speaker.is_empty() {
                String::new()
            } else {
                gazetteer.group(&q.speaker, &q.role).to_string()
            });
        }
        groups.push(g);
    }
    groups
}

#[cfg(test)]
mod tests;

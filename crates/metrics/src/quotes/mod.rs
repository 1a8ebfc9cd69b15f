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
//! A quote interrupted by its attribution (`“A,” she said, “B.”`) is one quote. "He" and
//! "she" take the person of that gender whom the text is about: the first named in their
//! sentence, else in each sentence before. Names are reduced to the person (`President
//! Vladimir Putin` → `Vladimir Putin`), and a bare surname takes the full name used elsewhere
//! in the document, then in the corpus ([`resolve_speakers`]). A short quoted term nobody is
//! said to have said is a scare quote. Sentences that report speech without marks (`X said
//! that …`) are indirect quotes.
//!
//! The files: this one pairs quotations with their verbs and speakers ([`extract`]);
//! `speaker.rs` reads a speaker phrase into a name, a pronoun or a role; `names.rs` keeps the
//! people a document names and finds whom a pronoun stands for; `reported.rs` finds reported
//! speech; `resolve.rs` resolves bare surnames across the corpus; [`marks`] pairs quotation
//! marks and [`lexicon`] holds the word lists.

pub mod lexicon;
pub mod marks;
mod names;
mod reported;
mod resolve;
pub(crate) mod speaker;

use names::*;
use reported::*;
pub use resolve::{
    in_corpus, in_corpus_form, resolve_in_corpus, resolve_in_doc, resolve_speakers, GroupVotes,
    SpeakerGroups, Surnames, Unresolved,
};
use speaker::*;

use lexicon::{Cue, Cues, FirstNames, Gazetteer, Gender, Places, Titles, UNCLASSIFIED};
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
    /// How the speaker was found: after, before, label, previous, colon, dash, continued,
    /// transcript, indirect, within, echo, or empty.
    pub method: &'static str,
    /// The quoted text, pieces joined by " … ".
    pub text: String,
    /// Others named with the speaker as saying it, in the order written: Russia in "Russia
    /// and Azerbaijan said" (whose speaker is Azerbaijan, the name next to the verb), Chuck
    /// Grassley in "Sens. Chuck Grassley and Patrick Leahy wrote". Empty for most quotes.
    pub co_speakers: Vec<CoSpeaker>,
}

/// One of the others named with a quote's speaker as saying it ([`Quote::co_speakers`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoSpeaker {
    /// Their name as reported (canonical after [`resolve_in_doc`]).
    pub speaker: String,
    /// Their titles ("Sen.", or "Sens." that they share with the speaker).
    pub role: String,
    /// Whether [`resolve_in_doc`] left them, a bare surname, for [`resolve_in_corpus`].
    pub waits: Option<Unresolved>,
    /// Whether they are known to be someone: a name with a title, of two words or more, a
    /// listed place, a party's members, the surname of a full name in the document, or a
    /// name the gazetteer knows. One word that nothing resolves may be half of one name
    /// ("Procter and Gamble"), and counts for no one ([`CoSpeaker::counts`]).
    pub known: bool,
}

impl CoSpeaker {
    /// Whether a co-speaker counts once resolved across the corpus as `resolved`: when
    /// [`CoSpeaker::known`], or when the corpus resolved them to someone.
    pub fn counts(known: bool, spilled: &str, resolved: &str) -> bool {
        known || spilled != resolved
    }
}

impl Quote {
    /// From the first piece's start to the last piece's end.
    pub fn span(&self) -> Span {
        Span {
            start: self.pieces.first().map_or(0, |p| p.start),
            end: self.pieces.last().map_or(0, |p| p.end),
        }
    }

    /// Where its speaker is read from for a pronoun: before the speaker's words and their
    /// verb, whichever comes first ("He said Obama hopes that …" is not Obama's).
    fn said_at(&self) -> usize {
        let start = self.span().start;
        self.cue.as_ref().map_or(start, |c| c.span.start.min(start))
    }

    /// This quote's speaker, role, speaker as written and cue, for another quotation of
    /// theirs that `method` found.
    fn said_again(&self, method: &'static str) -> Found {
        (
            self.speaker.clone(),
            self.role.clone(),
            self.speaker_text.clone(),
            self.cue.clone(),
            method,
        )
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

/// An attribution found for a quotation: speaker, role, speaker as written, cue, and the
/// method that found it.
type Found = (String, String, String, Option<CueHit>, &'static str);

/// The quotes of one document, and the full names it mentions (for resolving surnames).
#[derive(Debug, Clone, Default)]
pub struct DocQuotes {
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Names of two or more words mentioned anywhere in the document.
    pub names: Vec<String>,
    /// For each of `names`, how the document introduces it where it first names it: the
    /// words before the name in its clause and an apposition after it ("Republican
    /// presidential nominee", "a nursing home owner"); often empty.
    pub intros: Vec<String>,
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

    /// Whether the word ends in a possessive "’s" or "'s".
    fn possessive(&self) -> bool {
        self.text.ends_with("’s") || self.text.ends_with("'s")
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
const SUBORDINATORS: [&str; 11] = [
    "when", "while", "as", "because", "although", "though", "whereas", "where", "if", "unless",
    "lest",
];

/// Whether a lower-case word between an owner and a noun reads as an adjective, not a noun
/// that could be the subject of a verb after it ("his lawyer claims"): a few common ones and
/// endings that nouns of people seldom have ("disrespectful", "outrageous", "baseless").
fn adjective_like(lower: &str) -> bool {
    matches!(
        lower,
        "recent"
            | "latest"
            | "new"
            | "own"
            | "past"
            | "previous"
            | "earlier"
            | "repeated"
            | "public"
            | "many"
            | "several"
            | "numerous"
            | "controversial"
            | "inflammatory"
    ) || ["ful", "ous", "less", "able", "ible"]
        .iter()
        .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
}

/// Whether a capitalised word has the shape of a nationality's or a party's adjective:
/// "Russian", "Republican", "Chinese", "Turkish", "Democratic", "French". (Not the shapes
/// that places and surnames share most: "Azerbaijan", "Erdogan", "Helsinki".)
fn nationality_adjective(w: &str) -> bool {
    w.len() >= 4
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars().all(char::is_alphabetic)
        && ["ian", "ean", "can", "ese", "ish", "ic", "ch"]
            .iter()
            .any(|e| w.ends_with(e))
}

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
const OPENING_PREPOSITIONS: [&str; 24] = [
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
    "besides",
    "unlike",
    "beyond",
    "without",
    // ("Prior to September, I …", "Ahead of the vote, …", "Among the critics, …")
    "prior",
    "ahead",
    "among",
    "until",
    "within",
    "across",
];

/// Words that open a sentence as an adverb before its comma ("Next, Adelson's attorney …",
/// "Meanwhile, …"), besides the adverbs with an ending no name has ("Strangely, …", "Finally,
/// …"): see `speaker::adverb_like`.
const SENTENCE_ADVERBS: [&str; 40] = [
    "however",
    "meanwhile",
    "still",
    "instead",
    "separately",
    "indeed",
    "overall",
    "nonetheless",
    "nevertheless",
    "moreover",
    "furthermore",
    "likewise",
    "thus",
    "therefore",
    "today",
    "now",
    "next",
    "yet",
    "then",
    "first",
    "second",
    "third",
    "also",
    "otherwise",
    "plus",
    "later",
    "earlier",
    "again",
    // Adverbs in "-ly" whose ending names share ("Early", "Manly"), so listed one by one.
    "surely",
    "truly",
    "likely",
    "lately",
    "newly",
    "only",
    "openly",
    "rarely",
    "namely",
    "merely",
    "solely",
    "slowly",
];

/// Past participles that open a phrase before a sentence's subject, as "Speaking to …" does:
/// "Asked about the crash, a spokesman said". (Only these: "-ed" ends names too, "Mohammed
/// bin Salman".)
const OPENING_PARTICIPLES: [&str; 8] = [
    "asked",
    "pressed",
    "questioned",
    "interviewed",
    "reached",
    "contacted",
    "challenged",
    "confronted",
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

/// Auxiliaries and modals that can follow a clause's subject, and open a predicate: "has
/// alarmed the Kremlin".
const AUXILIARIES: [&str; 17] = [
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "should",
    "may", "might", "must", "did", "does",
];

/// Words that count a noun as a determiner does: "several people familiar with …".
const QUANTIFIERS: [&str; 6] = ["some", "several", "many", "few", "both", "most"];

/// Words that open what qualifies a described speaker after its noun: "people familiar with
/// the matter", "a source close to the Kremlin", "a resident in Grozny", "one user on
/// Telegram", "a friend of the pilot".
const QUALIFIERS: [&str; 19] = [
    "familiar",
    "close",
    "briefed",
    "knowledgeable",
    "involved",
    "with",
    "of",
    "in",
    "on",
    "from",
    "inside",
    "within",
    "near",
    "interviewed",
    "contacted",
    "polled",
    "surveyed",
    "cited",
    "quoted",
];

/// Whether a word in lower case looks like a plural noun: four letters or more ending in "-s"
/// but not "-ss" ("officials", "insiders"; not "press", "bus").
pub(super) fn looks_plural(lower: &str) -> bool {
    lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss")
}

/// Nouns of a stretch of time: "said that day" has no "that" clause.
const TIME_NOUNS: [&str; 9] = [
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "month",
    "year",
    "time",
];

/// Linking words allowed inside a name ("Ministry of Defence", "Charles de Gaulle").
const NAME_LINKS: [&str; 15] = [
    "of", "de", "van", "von", "bin", "al", "da", "du", "for", "del", "della", "di", "der", "ibn",
    "dos",
];

/// Whether a capitalised run is a heading in title case rather than a name: a function word
/// other than a name's links is in it ("Experience Of Serving Under Obama", "Thoughts On
/// Donald Trump"). A surname after a given name is no function word: "Theresa May"; nor is a
/// middle initial after a word that is none ("Sonya A Zoghlin"; "How A Pipeline Works" is a
/// heading).
fn is_title_case_heading(name: &str) -> bool {
    let mut before: Option<&str> = None;
    let mut words = name.split(' ').peekable();
    while let Some(w) = words.next() {
        let lower = w.to_lowercase();
        let last = words.peek().is_none();
        let after_given_name =
            || before.is_some_and(|b| FirstNames::bundled().gender(b, "").is_some());
        let initial =
            || w.len() == 1 && !last && before.is_some_and(|b| !is_stopword(&b.to_lowercase()));
        if is_stopword(&lower)
            && !NAME_LINKS.contains(&lower.as_str())
            && !after_given_name()
            && !initial()
        {
            return true;
        }
        before = Some(w);
    }
    false
}

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
    /// Where the text's line breaks are: found once, when first asked for.
    breaks: std::cell::OnceCell<Vec<usize>>,
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
            breaks: std::cell::OnceCell::new(),
        }
    }

    /// The line that holds byte `at`: from just after the line break before it to the next
    /// line break (or the text's end).
    fn line_of(&self, at: usize) -> Span {
        let breaks = self
            .breaks
            .get_or_init(|| memchr::memchr_iter(b'\n', self.text.as_bytes()).collect());
        let k = breaks.partition_point(|&b| b < at);
        Span {
            start: k.checked_sub(1).map_or(0, |p| breaks[p] + 1),
            end: breaks.get(k).copied().unwrap_or(self.text.len()),
        }
    }

    /// Whether the document writes this (lower-case) word starting with a lower-case letter.
    fn writes_in_lower_case(&self, lower: &str) -> bool {
        self.lower_case.contains(&self.words, lower)
    }

    /// Whether a comma stands between word `i` and the word before it (none before the
    /// first): "…, saying".
    fn comma_before(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            self.text[self.words[p].span.end..self.words[i].span.start].contains(',')
        })
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

    /// The first cue among words `range` that is not the verb of a relative clause set off by
    /// commas: "“…,” a senior diplomat, who asked not to be identified, told Reuters" is told,
    /// not asked.
    fn main_cue(&self, range: std::ops::Range<usize>) -> Option<(usize, usize, Cue)> {
        range.clone().find_map(|i| {
            let relative = i > range.start
                && matches!(self.words[i - 1].lower(), "who" | "which")
                && self.comma_before(i - 1);
            if relative {
                return None;
            }
            self.cue_at(i, range.end)
        })
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
        // So is a capitalised bare form before another capital: "a State Department
        // spokesperson said", "State Duma deputy Konstantin Zatulin" ("Said Ellis: “…”" is
        // a cue).
        let in_name = w.capitalised()
            && w.text.chars().any(char::is_lowercase)
            && (prev.is_some_and(|p| {
                p.capitalised() && self.sentence_of(p.span.start) == self.sentence_of(w.span.start)
            }) || (n == 1
                && w.lower == cue.lemma
                && self.words.get(i + 1).is_some_and(|next| {
                    next.capitalised() && adjacent(self.text, &self.words, i + 1)
                })));
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
        // Or owned past an adjective: "Trump’s disrespectful comments", "his repeated
        // claims".
        let owned_past_adjective = noun_form
            && !w.capitalised()
            && i >= 2
            && prev.is_some_and(|p| !p.capitalised() && adjective_like(p.lower))
            && adjacent(self.text, &self.words, i - 1)
            && is_owner(self.words[i - 2].lower());
        // After "a" and a name, a noun form is the name's: "a Donald Trump tweet", "a Fox News
        // report" (a name after "the" may be the verb's subject: "the Kremlin claims").
        let a_names = noun_form
            && !w.capitalised()
            && prev.is_some_and(|p| p.capitalised())
            && (0..i)
                .rev()
                .take_while(|&k| k + 1 == i || adjacent(self.text, &self.words, k + 1))
                .find(|&k| !self.words[k].capitalised())
                .is_some_and(|k| {
                    matches!(self.words[k].lower(), "a" | "an")
                        && adjacent(self.text, &self.words, k + 1)
                });
        // A nationality or party after a preposition describes the plural after it: "32% of
        // Republican claims", "in Russian reports" (not "the Kremlin claims that …", nor
        // "supporters in Congress say", nor a country: "the ambassador of Pakistan claims").
        let described = noun_form
            && !w.capitalised()
            && w.lower.ends_with('s')
            && cue.lemma != "say"
            && prev.is_some_and(|p| nationality_adjective(p.text))
            && i >= 2
            && PREPOSITIONS.contains(&self.words[i - 2].lower())
            && adjacent(self.text, &self.words, i - 1);
        // A gerund is a noun too, when owned or determined: "the warning", "Sanders’s
        // declaring an end to …".
        let gerund = n == 1
            && w.lower.ends_with("ing")
            && prev.is_some_and(|p| is_owner(p.lower) || matches!(p.lower, "the" | "a" | "an"));
        // (Or before a colon: "The New York Times reports: “…”".)
        let before_that = || {
            self.text[self.words[i + n - 1].span.end..].starts_with(':')
                || self
                    .words
                    .get(i + n)
                    .is_some_and(|t| t.lower() == "that" && adjacent(self.text, &self.words, i + n))
        };
        // (Or closing an "as" clause: "As one diplomat put it, “…”", "“…,” as one diplomat
        // put it.")
        let as_clause = || {
            self.text[self.words[i + n - 1].span.end..].starts_with([',', '.', ';', '!', '?'])
                && (i.saturating_sub(6)..i)
                    .rev()
                    .take_while(|&k| !self.comma_before(k + 1))
                    .any(|k| self.words[k].lower() == "as")
        };
        // (Or where the clause ends: "“…,” the statement read.")
        let ends_clause = || {
            self.text[self.words[i + n - 1].span.end..].starts_with(['.', ',', ';', ':', '!', '?'])
        };
        let unmet =
            (cue.needs_that && !before_that() && !as_clause()) || (cue.needs_end && !ends_clause());
        let noun = owned || owned_past_adjective || a_names || described || gerund || object;
        (!(in_name || possessive || noun || unmet)).then(|| (i, n, cue.clone()))
    }

    /// Whether the cue at word `i` is a participle after a form of "be" ("was called", "were
    /// told", "is widely described"): the subject before it is what the words were said of or
    /// to, not who said them.
    fn passive(&self, i: usize) -> bool {
        let be = |k: usize| {
            matches!(
                self.words[k].lower(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        };
        let before = |k: usize| {
            k.checked_sub(1)
                .filter(|_| adjacent(self.text, &self.words, k))
        };
        !self.words[i].lower().ends_with("ing")
            && before(i).is_some_and(|p| {
                be(p) || (self.words[p].lower().ends_with("ly") && before(p).is_some_and(be))
            })
    }

    /// Whether the cue at word `i` says what was not said: a negation or a modal before it
    /// ("cannot explain", "did not say", "would never call"), or before the "have" before it
    /// ("would have called"), or opening the question that "have" is in ("Would Schiff have
    /// pleaded to keep the “whistleblower’s” identity secret?"). (Not "to": "took to Twitter
    /// to accuse … of being “duped”" is said.)
    fn unsaid(&self, i: usize) -> bool {
        let lower = |k: usize| self.words[k].lower();
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        // (A capital is a name's: "Theresa May said …".)
        if negates_or_modal(lower(p)) && !self.words[p].capitalised() {
            return true;
        }
        if lower(p) != "have" {
            return false;
        }
        let w = self.words[i].span.start;
        let first = self.words_in(self.sentence_span(w).start, w).start;
        p.checked_sub(1).is_some_and(|m| negates_or_modal(lower(m)))
            || (first < p && negates_or_modal(lower(first)))
    }

    /// Whether a naming verb (words `i..i + n`) is a participle that names its noun, with no
    /// object between it and the quotation that starts at word `quote`: "sets called the
    /// “Master Builder Series”", "the prison, dubbed the “Hanoi Hilton”". Unless a subject
    /// pronoun stands right before it: "what he called a “brazen breach”".
    fn names_without_object(&self, i: usize, n: usize, quote: usize) -> bool {
        let between = &self.words[i + n..quote];
        let subject = i
            .checked_sub(1)
            .is_some_and(|p| PRONOUNS.contains(&self.words[p].lower()));
        !subject
            && self.words[i].lower().ends_with("ed")
            && between.len() <= 1
            && between.iter().all(|w| is_determiner(w.lower()))
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
                        && !(negates_or_modal(prev) || matches!(prev, "to" | "did" | "do" | "does"))
                }))
    }
}

/// Whether a word before a verb negates it or makes it a modal's: "not", "never", "didn't",
/// "cannot", "will", "could" ….
fn negates_or_modal(lower: &str) -> bool {
    lower.ends_with("n't")
        || lower.ends_with("n’t")
        || matches!(
            lower,
            "not"
                | "never"
                | "cannot"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
        )
}

/// The most words between a verb of speech and a short quotation in the clause it reports
/// (a partial quote: "Trump tweeted in the early morning hours that Machado was “disgusting”").
const PARTIAL_QUOTE_GAP: usize = 20;

/// Whether the text before a quotation ends in "so-called" (or "so called"): the writer's
/// distance from the term, whoever used it.
fn so_called(before: &str) -> bool {
    let b = before.trim_end().as_bytes();
    let tail = &b[b.len().saturating_sub(9)..];
    tail.eq_ignore_ascii_case(b"so-called") || tail.eq_ignore_ascii_case(b"so called")
}

/// Words that lead into the title of a work, a campaign or a programme: "the film “Top Gun:
/// Maverick”", "hit singles like 1978’s “What a Fool Believes”", "a poem titled “…”".
const WORK_BEFORE: [&str; 36] = [
    "album",
    "anthem",
    "book",
    "campaign",
    "column",
    "documentary",
    "entitled",
    "episode",
    "essay",
    "exhibition",
    "film",
    "game",
    "hit",
    "hits",
    "memoir",
    "movie",
    "musical",
    "novel",
    "opera",
    "perform",
    "performed",
    "performing",
    "play",
    "podcast",
    "poem",
    "programme",
    "sang",
    "series",
    "show",
    "single",
    "singles",
    "sitcom",
    "slogan",
    "song",
    "titled",
    "track",
];

/// Nouns that follow a title and say what it names: "the “Don’t Jerk and Drive” campaign",
/// "the former “Dawson’s Creek” star".
const WORK_AFTER: [&str; 16] = [
    "album",
    "book",
    "campaign",
    "documentary",
    "episode",
    "film",
    "franchise",
    "game",
    "movie",
    "podcast",
    "series",
    "show",
    "single",
    "slogan",
    "song",
    "star",
];

/// Short words a title leaves in lower case ("Takin’ It to the Streets", "Dancing with the
/// Stars").
const TITLE_MINOR: [&str; 18] = [
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "the", "to", "with",
];

/// Whether quoted text is written as a title: its first word and every word but short linking
/// ones capitalised, and not all in capitals (shouting, not a title).
fn title_cased(content: &str) -> bool {
    let mut words = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let starts_upper = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    words.next().is_some_and(starts_upper)
        && words.all(|w| starts_upper(w) || TITLE_MINOR.contains(&w))
        && content.chars().any(char::is_lowercase)
}

/// Whether a quotation in title case stands between a given name and a capitalised word, a
/// space apart from each: a nickname inside a name ("Marcia “Cia” Price", "Robert “Bobby”
/// Scott"). (Any two capitalised words would take a headline's "Trump Was ‘Mocking’ Clinton".)
fn in_name(doc: &Doc<'_, '_>, q: &marks::Quoted) -> bool {
    let text = doc.text;
    // (The capital after it first: it costs no lookup.)
    let capital = || {
        text[q.outer.end..]
            .strip_prefix(' ')
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let given = || {
        text[..q.outer.start]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit(char::is_whitespace).next())
            .is_some_and(|w| FirstNames::bundled().gender(w, "").is_some())
    };
    capital() && given() && title_cased(&q.content(text))
}

/// Whether a quotation in title case stands between a determiner and a word in lower case
/// that is no function word, a space apart from each: "the “Pose” actor". (Not after an
/// owner, whose name would be read as the speaker's: "Netflix’s “Narcos” star".)
fn modifies_noun(doc: &Doc<'_, '_>, q: &marks::Quoted) -> bool {
    let text = doc.text;
    let noun = text[q.outer.end..].strip_prefix(' ').is_some_and(|rest| {
        let w = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        w.len() > 2 && w.chars().all(char::is_lowercase) && !is_stopword(w)
    });
    let determined = || {
        text[..q.outer.start]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit(char::is_whitespace).next())
            .is_some_and(|w| is_determiner(&w.to_lowercase()))
    };
    noun && determined() && title_cased(&q.content(text))
}

/// Whether an unattributed quotation is the title of a work, a campaign or a programme rather
/// than a scare quote: written as a title, and led in by what it names ("his book “Financial
/// Freedom”", "their single “Black Water”"), followed by it ("the “Meth. We’re On It.”
/// campaign"), or one of a list of such titles ("“Listen To The Music,” “China Grove” and
/// “Black Water”"). Not when the writer calls it "so-called". A proper name in marks with
/// nothing to say it is a title ("the “Nagorno-Karabakh Republic”") stays a scare quote: the
/// marks may be there to deny it.
fn names_a_work(doc: &Doc<'_, '_>, found: &[marks::Quoted], qi: usize) -> bool {
    let text = doc.text;
    let q = &found[qi];
    if !title_cased(&q.content(text)) || so_called(&text[..q.outer.start]) {
        return false;
    }
    let led_in = led_in_as_work(doc, q);
    let after = doc.words_in(q.outer.end, (q.outer.end + 40).min(text.len()));
    let followed = doc.words[after]
        .first()
        .is_some_and(|w| w.span.start - q.outer.end <= 1 && WORK_AFTER.contains(&w.lower()));
    // Whether quotation `i` is joined to the next by no more than a comma, "and" or "or", and
    // both are titles.
    let joined = |i: usize| {
        found.get(i + 1).is_some_and(|n| {
            text.get(found[i].outer.end..n.outer.start)
                .is_some_and(|gap| {
                    matches!(
                        gap.trim_matches(|c: char| c.is_whitespace() || c == ','),
                        "" | "and" | "or" | "&"
                    )
                })
                && title_cased(&found[i].content(text))
                && title_cased(&n.content(text))
        })
    };
    // One of three or more: two titled nicknames ("called her “Miss Piggy” and “Miss
    // Housekeeping”") may still be someone's words.
    let listed = (qi >= 1 && joined(qi - 1) && joined(qi))
        || (qi >= 2 && joined(qi - 2) && joined(qi - 1))
        || (joined(qi) && joined(qi + 1));
    led_in || followed || listed
}

/// Whether a noun for a work stands within three words before a quotation, not counting a
/// year or a possessive's "s": "his book “The Art of the Deal”", "singles like 1978’s “…”".
fn led_in_as_work(doc: &Doc<'_, '_>, q: &marks::Quoted) -> bool {
    let before = doc.words_in(q.outer.start.saturating_sub(80), q.outer.start);
    doc.words[before]
        .iter()
        .rev()
        .filter(|w| !w.text.starts_with(|c: char| c.is_ascii_digit()) && w.lower() != "s")
        .take(3)
        .any(|w| WORK_BEFORE.contains(&w.lower()))
}

/// Whether a capitalised name's possessive stands right before a quotation in title case, as a
/// network before its programme: "In an interview on CBS's “Face the Nation,” House Speaker
/// Paul D. Ryan said …".
fn owned_by_a_broadcaster(doc: &Doc<'_, '_>, q: &marks::Quoted) -> bool {
    let before = doc.words_in(q.outer.start.saturating_sub(40), q.outer.start);
    doc.words[before].last().is_some_and(|w| {
        w.capitalised() && w.possessive() && doc.text[w.span.end..q.outer.start].trim().is_empty()
    })
}

/// The speaker a paragraph `line` names when it is a dash and a signature: "— Mike Pompeo,
/// College Station, TX, April 15, 2019", "― Governor Kristi Noem (@govkristinoem) November
/// 18, 2019". The capitalised words after the dash, at most twelve words in all, with nothing
/// after them but a comma, a parenthesis or a date.
fn dash_line_speaker(doc: &Doc<'_, '_>, line: Span) -> Option<(String, String, String)> {
    let text = line.slice(doc.text);
    let rest = text.strip_prefix(['–', '—', '―'])?;
    let from = line.start + (text.len() - rest.len());
    let words = &doc.words[doc.words_in(from, line.end)];
    if words.len() > 12 {
        return None;
    }
    let run = capitalised_runs(doc.text, words).into_iter().next()?;
    if run.start != 0 || !doc.text[from..words[0].span.start].trim().is_empty() {
        return None;
    }
    let end = words[run.end - 1].span.end;
    let after = doc.text[end..line.end].trim_start();
    let signed = after.is_empty()
        || after.starts_with([',', '('])
        || after.starts_with(|c: char| c.is_ascii_digit());
    signed.then(|| doc.speaker_of(from, end, false)).flatten()
}

/// The speaker of a quotation in a headline: a person named before a colon that opens the
/// quotation's line, "Aliyev: “Russia must admit its guilt”", "President Putin: “…”", or
/// after the colon that follows a quotation opening its line, before a verb: "“Russia must
/// admit its guilt”: Aliyev demands apology". (A person: a name of two words or more that
/// opens with a known given name, or one word that ends a full name the document writes; not
/// "Watch: “…”" or "Editor Picks: “…”".)
fn headline_speaker(doc: &Doc<'_, '_>, q: &marks::Quoted) -> Option<(String, String, String)> {
    let text = doc.text;
    let person = |name: &str| match name.split_once(' ') {
        Some((first, _)) => FirstNames::bundled().gender(first, "").is_some(),
        None => doc.run_names().iter().any(|(_, full)| {
            full.as_ref()
                .and_then(|f| f.strip_suffix(name))
                .is_some_and(|given| given.ends_with(' '))
        }),
    };
    let line = doc.line_of(q.outer.start).start;
    let lead = text[line..q.outer.start].trim_end();
    let np = if let Some(lead) = lead.strip_suffix(':') {
        (1..=5)
            .contains(&doc.words_in(line, line + lead.len()).len())
            .then_some((line, line + lead.len()))?
    } else {
        // (The quotation opens its line, and the colon follows its closing mark.)
        (lead.is_empty() && text[q.outer.end..].starts_with(':')).then_some(())?;
        let line_end = doc.line_of(q.outer.end).end;
        let after = &doc.words[doc.words_in(q.outer.end, line_end)];
        let run = after.iter().take_while(|w| w.capitalised()).count();
        let verb = after.get(run)?;
        ((1..=4).contains(&run) && !verb.capitalised() && !after[run - 1].possessive())
            .then_some(())?;
        (after[0].span.start, after[run - 1].span.end)
    };
    doc.named_speaker(np).filter(|(name, ..)| person(name))
}

/// Whether an owner stands right before quotation `q` ([`owned_by_a_broadcaster`]) after a
/// verb of speech or a preposition: "Johnson tells MSNBC’s “Morning Joe”", "the anchor of
/// NBC's “Nightly News”".
fn programme_owner(doc: &Doc<'_, '_>, q: &marks::Quoted) -> bool {
    if !owned_by_a_broadcaster(doc, q) {
        return false;
    }
    let before = doc.words_in(q.outer.start.saturating_sub(80), q.outer.start);
    let Some(k) = before.end.checked_sub(2).filter(|&k| k >= before.start) else {
        return false;
    };
    let w = &doc.words[k];
    PREPOSITIONS.contains(&w.lower()) || doc.cue_at(k, k + 1).is_some()
}

/// Whether only a few plain words join quotation `prev` to the next one, `next`, so that both
/// may hang on one verb ("a “liar” who is “amoral,” a “bully” and a “narcissist …”"): no
/// name, no verb of speech, no clause or sentence break.
fn plain_link(doc: &Doc<'_, '_>, prev: &marks::Quoted, next: &marks::Quoted) -> bool {
    let Some(gap) = doc.text.get(prev.outer.end..next.outer.start) else {
        return false;
    };
    let words = doc.words_in(prev.outer.end, next.outer.start);
    let ws = &doc.words[words.clone()];
    // A second "that" clause of the same verb may have a subject of its own: "noted that “the
    // investigation is ongoing” and that Baku “expects full transparency”", and the first
    // clause may go on past its quotation: "said he had “no doubt” that the plane was shot
    // down, and that Russia had tried to “hush up” the matter".
    let second_that = ws
        .windows(2)
        .any(|w| matches!(w[0].lower(), "and" | "but" | "or") && w[1].lower() == "that");
    (words.len() <= 6 || (second_that && words.len() <= 16))
        && !gap.contains(['.', '!', '?', ';', ':', '\n', '(', ')'])
        && (second_that || ws.iter().all(|w| !w.capitalised()))
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
    // Where the quotations that open a paragraph with no speaker of their own start, in order:
    // they may run on from reported speech before them ([`run_on_from_reported`]).
    let mut may_run_on: Vec<usize> = Vec::new();
    // Indexes in `quotes` of the titles of works ([`names_a_work`]), dropped at the end.
    let mut titles: Vec<usize> = Vec::new();
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
    // Whether each quotation is a nickname inside a name ("Marcia “Cia” Price"), asked once:
    // of a quotation itself, and of the one after a quotation, whose attribution may run past
    // it.
    let nicknames: Vec<bool> = found
        .iter()
        .map(|q| {
            let words: usize = q
                .pieces
                .iter()
                .map(|p| word_count_upto(p.slice(text), 3))
                .sum();
            words <= 2 && in_name(&doc, q)
        })
        .collect();
    // Whether each quotation names what a noun after it is of, after a determiner: "the
    // “Pose” actor". Such a quotation is part of the words after the quotation before it,
    // whose attribution may run past it: "“…,” the “Pose” actor previously said".
    let modifiers: Vec<bool> = found.iter().map(|q| modifies_noun(&doc, q)).collect();
    // Whether each quotation is such a title inside the speaker phrase after the quotation
    // before it: no one's words, and dropped with the titles of works.
    let mut in_speaker = vec![false; found.len()];
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
        // (A nickname inside a name is part of the words after it: "…!” Scott’s niece, state
        // Del. Marcia “Cia” Price, shouted to the crowd.")
        let next_start = found[qi + 1..]
            .iter()
            .zip(nicknames[qi + 1..].iter().zip(&modifiers[qi + 1..]))
            .find_map(|(n, (&nickname, &modifier))| (!nickname && !modifier).then_some(n))
            .filter(|n| n.outer.start < end_para.end)
            .map_or(end_para.end, |n| n.outer.start);
        let content = q.content(text);
        // Compared with 4 and 6 only.
        let n_words = word_count_upto(&content, 6);
        // A few words, each capitalised, are a name or title, not speech ("Commander-in-Chief
        // Forum", "Fox News Sunday"); one word may be speech cut in two (“That,” he added, “…”).
        let title = (2..6).contains(&n_words) && lower_case_words(&content) == 0;
        let last_char = content.trim_end().chars().next_back().unwrap_or(' ');
        let ends_sentence = matches!(last_char, '.' | '…');

        let mut found_speaker: Option<Found> = None;

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
            if let Some((ci, n, cue)) = doc.main_cue(window).filter(|(.., c)| !c.labels) {
                let inverted = ci == range.start || cue.lemma == "according to";
                // A quotation inside its sentence's subject, with no punctuation to close
                // what it quotes, is a term the subject uses, not words the verb introduces:
                // "The “experts” said the plane …" (not “…,” said the plane).
                let in_subject = inverted
                    && !opens_sentence
                    && cue.lemma != "according to"
                    && !matches!(
                        last_char,
                        ',' | '.' | '!' | '?' | '…' | ';' | ':' | '—' | '–'
                    )
                    && !text[q.outer.end..doc.words[ci].span.start]
                        .contains([',', '.', '!', '?', ';', ':', '—', '–']);
                // A conjunction after the quotation opens a clause of its own, whose verb is
                // not the quotation's: "“…,” but he said that the footage …"; so does one
                // after a comma further on: "said it was “a mistake” to use private email
                // …, but she denied that …". ("Smith, though, said" is an adverb.)
                let opens_clause_at = |k: usize| {
                    let joined = if k == range.start {
                        text[after_start..doc.words[k].span.start]
                            .chars()
                            .all(|c| c.is_whitespace() || c == ',')
                    } else {
                        doc.comma_before(k)
                    };
                    joined
                        && CLAUSE_CONJUNCTIONS.contains(&doc.words[k].lower())
                        && !text[doc.words[k].span.end..].starts_with(',')
                        // (A subordinate clause that a comma closes before the verb leaves the
                        // verb to the main clause, the quotation's: "“…” while they were in
                        // power, Azzouz said", not "“…,” while Smith said it was fine".)
                        && (matches!(doc.words[k].lower(), "but" | "yet")
                            || !text[doc.words[k].span.end..doc.words[ci].span.start].contains(','))
                };
                let new_clause = !inverted && (range.start..ci).any(opens_clause_at);
                // After a quotation that closes its sentence, a verb with a "that" clause
                // reports words of its own: "…project.” (Current models say that carbon
                // dioxide emissions will warm …)" (not "Putin said that day").
                let own_clause = ends_sentence && !inverted && {
                    let after = |k: usize| doc.words.get(ci + n + k).map(Word::lower);
                    after(0) == Some("that")
                        && !after(1).is_some_and(|w| is_calendar_word(w) || TIME_NOUNS.contains(&w))
                };
                // A participle after the quotation takes no subject after it: "“…”, saying he
                // trusted the courts" is the sentence subject's, not the courts'.
                let participle = inverted
                    && cue.lemma != "according to"
                    && doc.words[ci].lower().ends_with("ing");
                // Nor does a verb in a relative clause, which tells of its antecedent: "Morales
                // urged “special attention” to Stella Morris, a member of the legal team who
                // recently revealed she …" is Morales's, not Morris's.
                let relative = !inverted && {
                    let before = doc.words[range.start..ci].iter().rev().find(|w| {
                        let lower = w.lower();
                        !(ADVERBS_AFTER_NAMES.contains(&lower) || is_ly_adverb(lower))
                    });
                    before.is_some_and(|w| matches!(w.lower(), "who" | "which"))
                };
                if ci - range.start <= limit
                    && !relative
                    && !own_clause
                    && (inverted || !leads_on)
                    && !in_subject
                    && !new_clause
                    && !participle
                {
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
                            // (A title inside the speaker phrase is part of it.)
                            for k in qi + 1..found.len() {
                                if found[k].outer.start >= np.1 {
                                    break;
                                }
                                in_speaker[k] |= modifiers[k];
                            }
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

        // 2. Before the quote, in its sentence. Also when a report after it only relays what
        // the sentence's own speaker said: "Moscow has since said the plane was damaged by
        // “external … interference,” Reuters reported" is Moscow's.
        let relayed = !opens_sentence
            && found_speaker.as_ref().is_some_and(|(.., hit, method)| {
                *method == "after" && hit.as_ref().is_some_and(|h| h.cue.lemma == "report")
            });
        if found_speaker.is_none() || relayed {
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
            // A quotation of four words or more later in the reported speech of the quotation
            // before it, with no verb or new clause between them, is that speaker's too: "Mr
            // Obama said it was “distressing” not to have made progress on the issue “even in
            // the face of repeated mass killings”" (the row joins the first). (A shorter one
            // may be a label others use: "formed an “irregular” channel, for which they were
            // known as the “Three Amigos”".)
            if cue_found.is_none() && found_speaker.is_none() && qi > 0 && n_words >= 4 && !title {
                let before = &found[qi - 1];
                let between = &text[before.outer.end.min(q.outer.start)..q.outer.start];
                let reported = quotes.last().filter(|p| {
                    p.kind == Kind::Direct
                        && !p.speaker.is_empty()
                        && p.cue.as_ref().is_some_and(|c| c.span.start >= s.start)
                });
                // ("…,” but Rubio, in Florida, thought it was “…”" opens a clause of its own.)
                let joined = [", and ", " but ", " yet ", " while ", " though ", ";", ":"]
                    .iter()
                    .any(|j| between.contains(j));
                if let Some(p) = reported.filter(|_| !joined) {
                    found_speaker = Some(p.said_again("before"));
                }
            }
            if let Some((ci, n, cue)) = cue_found.filter(|&(ci, ..)| !doc.passive(ci)) {
                let gap_words = range.end - (ci + n);
                let naming = cue.labels;
                // (A quotation in a chain counts the words of the whole chain.)
                let words = if in_chain { chain_words[qi] } else { n_words };
                // A short quotation in the clause a verb reports is the speaker's words, a
                // partial quote: "Trump tweeted that Machado was “disgusting”", "Clinton called
                // half of Trump's supporters “deplorables”". Not a title the clause mentions
                // ("told MSNBC's “Morning Joe”"), unless a naming verb gives it ("called her
                // “Miss Piggy”") to an object ("sets called the “Master Builder Series”" name
                // their noun); not a term the writer calls "so-called"; not after a negation
                // or a modal; and not one far from the verb, past where a reported clause runs.
                let fits = if naming {
                    !doc.names_without_object(ci, n, range.end)
                } else {
                    !title
                };
                let short_said = gap_words <= PARTIAL_QUOTE_GAP
                    && fits
                    && !so_called(&text[..q.outer.start])
                    && !doc.unsaid(ci);
                if (words >= 4 && !title) || short_said {
                    let after_cue = doc.words[ci + n - 1].span.end;
                    let before = &text[from..doc.words[ci].span.start];
                    let cut = clause_cut(before).map_or(from, |i| from + i);
                    let cut = reported::after_opening_clause(&doc, cut, doc.words[ci].span.start)
                        .unwrap_or(cut);
                    // "according to X, “…”" and "Said Ellis: “…”": the speaker follows the verb.
                    let inverted = cue.lemma == "according to"
                        || text[cut..doc.words[ci].span.start].trim().is_empty();
                    let participle = doc.words[ci].lower().ends_with("ing") && !inverted;
                    let quoted = participle.then(|| quoted_as(&doc, cut, ci)).flatten();
                    let np = if let Some(np) = quoted {
                        np
                    } else if inverted {
                        let stop = text[after_cue..q.outer.start]
                            .find([',', ':'])
                            .map_or(q.outer.start, |i| after_cue + i);
                        (after_cue, stop)
                    } else if participle {
                        subject_at(&doc, cut, doc.words[ci].span.start)
                    } else {
                        relative_head(&doc, cut, ci).unwrap_or((cut, doc.words[ci].span.start))
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
                        // (Or "but": "He describes them as “exciting,” but cautions that
                        // “…”".)
                        let after_and =
                            ci > 0 && matches!(doc.words[ci - 1].lower(), "and" | "but");
                        if inverted || participle || !after_and {
                            return None;
                        }
                        // A second verb of speech after "and" shares the first one's subject:
                        // "Aliyev said that Russia shot the plane down over Grozny and added:
                        // “…”" is not Grozny's.
                        let first_verb = doc
                            .first_cue(doc.words_in(np.0, np.1))
                            .filter(|(i, _, c)| doc.finite(*i, c) && goes_on_saying(c));
                        if let Some((i, ..)) = first_verb {
                            return doc.named_speaker((np.0, doc.words[i].span.start));
                        }
                        if !opens_lower {
                            // So does one after another verb in the past: "China’s ambassador
                            // to Britain accused the UK … and warned that …" is the
                            // ambassador's, not the UK's.
                            let words = doc.words_in(np.0, np.1);
                            let past = (words.start + 1..words.end)
                                .find(|&k| lower_case_past(&doc.words[k]))?;
                            return doc
                                .speaker_kind(np.0, doc.words[past].span.start, true)
                                .filter(|(.., kind)| {
                                    matches!(kind, Np::Name | Np::Pronoun | Np::Role)
                                })
                                .map(|(name, role, raw, _)| (name, role, raw));
                        }
                        // (From the sentence's start: a quoted title before the verb ends the
                        // search for the verb's own subject, not for the sentence's. A pronoun
                        // is taken up as the first verb's would be: "He describes them as
                        // “exciting,” but cautions that “…”".)
                        let np = subject_at(&doc, s.start.max(para_first.start), verb);
                        doc.speaker_kind(np.0, np.1, true)
                            .filter(|(.., kind)| matches!(kind, Np::Name | Np::Pronoun))
                            .map(|(name, role, raw, _)| (name, role, raw))
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
                    // After a comma, a participle's subject is that of the clause before it,
                    // up to its verb, whatever its case: "In August, several environmental
                    // groups granted Mr. Clarke an extension, saying his “start-up capital
                    // …”", "The ministry issued a statement, saying the crash was “…”".
                    let described = || {
                        doc.comma_before(ci).then_some(())?;
                        let np = clause_subject(&doc, cut, verb)?;
                        doc.speaker_of(np.0, np.1, true)
                    };
                    // A partial quote needs its speaker before the verb, unless "according
                    // to" leads: "Calls men derogatory names, like “pigs,”", in a list of
                    // charges, has none.
                    let partial = words < 4;
                    let speaker = shared()
                        .or_else(reduced)
                        .or_else(|| doc.speaker_of(np.0, np.1, !inverted))
                        .or_else(|| participle.then(after_adverbial).flatten())
                        .or_else(|| participle.then(described).flatten())
                        .filter(|_| !partial || !inverted || cue.lemma == "according to");
                    if let Some((name, role, raw)) = speaker {
                        found_speaker =
                            Some((name, role, raw, Some(doc.cue_hit(ci, n, cue)), "before"));
                    }
                }
            }
        }

        // 2a. A label given after "as" to the object of a clause whose subject speaks: "Trump
        // openly admires Russian President Vladimir Putin as a “strong leader”". Two words or
        // more, not in title case (a name or a nickname: "known as “Miss Piggy”"), not
        // "so-called".
        if found_speaker.is_none()
            && n_words >= 2
            && !title_cased(&content)
            && !so_called(&text[..q.outer.start])
        {
            // (Or to the first of a chain of them: "… as a “human leech …” and a “spoiled
            // brat.”")
            let from = own.start.max(prev_end).max(para_first.start);
            let opens = own.start.max(para_first.start);
            found_speaker = as_label(&doc, q.outer.start, from)
                .or_else(|| {
                    chain_first
                        .filter(|&first| first >= opens)
                        .and_then(|first| as_label(&doc, first, opens))
                })
                .map(|(name, role, raw)| (name, role, raw, None, "label"));
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
                    // Nor need it a verb of speech after a sentence that is a name and three
                    // words at most: "Foreign Minister Jeyhun Bayramov was blunt. “Russia
                    // must …”", "Shiriyev sees it differently. “…”" (not "Cummings bought the
                    // mine in 2015. “…”").
                    let lead_in = || {
                        let words = &doc.words[range.clone()];
                        let verb = words.iter().position(|w| !w.capitalised())?;
                        let short = verb > 0 && words.len() - verb <= 3;
                        let quoted = found[..qi].last().is_some_and(|p| p.outer.end > prev.start);
                        (short && !quoted && doc.first_cue(range.clone()).is_none())
                            .then_some(())?;
                        let (name, role, raw) =
                            doc.named_speaker((prev.start, words[verb].span.start))?;
                        Some((name, role, raw, None, "previous"))
                    };
                    if found_speaker.is_none() && whole {
                        found_speaker = told().or_else(lead_in);
                    }
                }
            }
        }

        // 2c. A headline's speaker ([`headline_speaker`]).
        if found_speaker.is_none() && n_words >= 4 {
            found_speaker =
                headline_speaker(&doc, q).map(|(name, role, raw)| (name, role, raw, None, "colon"));
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

        // A dash line of its own after a quotation that is its paragraph: an epigraph, or an
        // embedded post as a page's text gives it ("“…”", then "— Governor Kristi Noem
        // (@govkristinoem) November 18, 2019"). The name opens the line, and nothing but a
        // comma, a parenthesis or a date follows it: "— Russia sent troops" is a list item.
        if found_speaker.is_none()
            && opens_paragraph
            && n_words >= 4
            && blank(q.outer.end, end_para.end)
        {
            let next = paras.get(paras.partition_point(|p| p.end < q.outer.end) + 1);
            found_speaker = next
                .and_then(|&line| dash_line_speaker(&doc, line))
                .map(|(name, role, raw)| (name, role, raw, None, "dash"));
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
        // Nor when a subject of its own follows it in its sentence: "“…,” the statement read."
        let own_subject = || {
            let sentence = doc.sentence_span(q.outer.end.saturating_sub(1));
            doc.words[doc.words_in(q.outer.end, sentence.end.max(q.outer.end))]
                .first()
                .is_some_and(|w| {
                    is_determiner(w.lower()) || (w.capitalised() && pronoun_of(w.lower()).is_none())
                })
        };
        if found_speaker.is_none()
            && opens_paragraph
            && !subheading
            && q.paragraph > 0
            && n_words >= 4
            && !own_subject()
        {
            // (Past a line or two of a picture's caption or tags that the page left between
            // them, a few words with no full stop: "whale strandings", "Hong Kong protesters".)
            let caption = |p: &Span| {
                let line = p.slice(text);
                word_count_upto(line, 7) <= 6
                    && !line.ends_with(['.', '!', '?', ':', '"', '”', '’'])
                    && !line.contains(['“', '"', '«'])
            };
            let after_captions = last_paragraph.is_some_and(|lp| {
                lp < q.paragraph
                    && q.paragraph - lp <= 3
                    && paras[lp + 1..q.paragraph].iter().all(caption)
            });
            if let Some(prev) = quotes.last() {
                if after_captions && prev.kind == Kind::Direct && !prev.speaker.is_empty() {
                    found_speaker = Some(prev.said_again("continued"));
                }
            }
            // (Or, when it is its paragraph, reported speech closing the paragraph before:
            // see [`run_on_from_reported`].)
            if found_speaker.is_none() && blank(q.outer.end, end_para.end) {
                may_run_on.push(span.start);
            }
        }

        // A nickname inside a name (Marcia “Cia” Price) is no one's words and no scare quote:
        // dropped with the titles of works below.
        let nickname = nicknames[qi] || in_speaker[qi];
        if nickname {
            found_speaker = None;
        }
        // "He" and "she" take the person they continue, "it" and "they" the body or group.
        if let Some(fs) = found_speaker.as_mut() {
            if fs.0.is_empty() {
                let resolved = Pronoun::of(&fs.2)
                    .and_then(|p| doc.pronoun_antecedent(q.outer.start, p, &named, &found));
                if let Some(name) = resolved {
                    named.mention_speaker(&name, &fs.2, &fs.1);
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
                co_speakers: Vec::new(),
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
                co_speakers: Vec::new(),
            },
        };

        // “A,” she said, “B.”: B continues A when only A's attribution stands between them,
        // a title in it too: "“A,” Flynn said on Fox News’s “Fox and Friends.” “B.”" (Nothing
        // is more of a title, which goes.)
        let last_is_title = titles.last().is_some_and(|&t| t + 1 == quotes.len());
        let back = if last_is_title { 2 } else { 1 };
        let before_title = quotes
            .len()
            .checked_sub(back)
            .zip(qi.checked_sub(back))
            // (Not when that one is a title too: what is joined to a title goes with it.)
            .filter(|&(i, _)| titles.binary_search(&i).is_err());
        if let Some((prev, prev_q)) = before_title.map(|(i, fi)| (&mut quotes[i], &found[fi])) {
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
            // "“A,” Johnson said Sunday on “Fox News Sunday.”": B after a preposition is what
            // the attribution names, not more of A; so is a title after an owner: "“A,” Fauci
            // told CNN's “State of the Union.”"
            let after_preposition = || {
                let words = doc.words_in(prev_q.outer.end.min(q.outer.start), q.outer.start);
                doc.words[words]
                    .last()
                    .is_some_and(|w| PREPOSITIONS.contains(&w.lower()))
                    || (title_cased(&q.content(text)) && owned_by_a_broadcaster(&doc, q))
            };
            let names_a_programme = prev.method == "after" && after_preposition();
            // (A name or a title inside the attribution is no more of A: "“A,” the “Pose” actor
            // said".)
            let continues = same_para
                && !nickname
                && !in_later_sentence
                && !new_sentence
                && prev.kind == Kind::Direct
                && !names_a_programme
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
        // The title of a work is no quotation at all; it stays in the list until the loop ends,
        // as the quotation before the next one.
        // So is a title in capitals after a noun for a work, whoever the sentence quotes: "In
        // his book “The Art of the Deal,” Trump wrote that …".
        let work = match quote.kind {
            // (A scare quote after an owner is a programme only where a verb of speech or a
            // preposition leads to the owner: "told MSNBC's “Morning Joe”", "the anchor of
            // NBC's “Nightly News”", not "Russia's “Special Military Operation”".)
            Kind::Scare => {
                nickname
                    || names_a_work(&doc, &found, qi)
                    || (title_cased(&content) && programme_owner(&doc, q))
            }
            Kind::Direct => {
                title_cased(&content)
                    && (led_in_as_work(&doc, q) || owned_by_a_broadcaster(&doc, q))
                    && !so_called(&text[..q.outer.start])
            }
            _ => false,
        };
        if work {
            titles.push(quotes.len());
        }
        quotes.push(quote);
        last_paragraph = Some(q.paragraph);
    }
    // (`titles` is in index order.)
    let mut i = 0;
    quotes.retain(|_| {
        let keep = titles.binary_search(&i).is_err();
        i += 1;
        keep
    });
    let mut quotes = split_transcripts(&doc, quotes);
    quotes.extend(indirect(&doc, &found, &spoken(&found, &quotes)));
    quotes.sort_by_key(|q| (q.span().start, q.kind));
    resolve_reported_pronouns(&doc, &found, &mut quotes);
    run_on_from_reported(&doc, &paras, &may_run_on, &mut quotes);
    attribute_echoes(&doc, &paras, &mut quotes);
    co_speakers(&doc, &found, &mut quotes);
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
    let (names, intros) = doc.into_names(&quotes);
    DocQuotes {
        quotes,
        names,
        intros,
    }
}

/// Finds who said each quote with its speaker ([`Doc::co_speakers`]), where the words that
/// name the speaker stand in the quote's sentence, the sentence before or the one after; a
/// quote that took its speaker from words further away ("continued", "previous") takes them
/// from the last quote named by the same words; and one whose speaker is "they", standing
/// for names joined by "and", from those names ([`Doc::subject_antecedent_at`]).
fn co_speakers(doc: &Doc<'_, '_>, found: &[marks::Quoted], quotes: &mut [Quote]) {
    for i in 0..quotes.len() {
        let q = &quotes[i];
        if q.speaker.is_empty() {
            continue;
        }
        if q.speaker_text.eq_ignore_ascii_case("they") {
            let pair = doc
                .subject_antecedent_at(q.said_at(), found, true)
                .and_then(|(_, subject)| subject)
                .and_then(|(start, end)| {
                    doc.co_speakers(&q.speaker, &doc.text[start..end], start, end)
                });
            quotes[i].co_speakers = pair.unwrap_or_default();
            continue;
        }
        if !q.speaker_text.contains(" and ") {
            continue;
        }
        let span = q.span();
        let first = doc.sentence_of(span.start).saturating_sub(1);
        let last = doc.sentence_of(span.end.saturating_sub(1).max(span.start)) + 1;
        let from = doc.sentences.get(first).map_or(0, |s| s.start);
        let to =
            (doc.sentences.get(last).or(doc.sentences.last())).map_or(doc.text.len(), |s| s.end);
        let found = doc
            .co_speakers(&q.speaker, &q.speaker_text, from, to)
            .or_else(|| {
                quotes[..i]
                    .iter()
                    .rev()
                    .find(|p| p.speaker == q.speaker && p.speaker_text == q.speaker_text)
                    .map(|p| p.co_speakers.clone())
            });
        quotes[i].co_speakers = found.unwrap_or_default();
    }
}

/// Gives a quotation that opens a paragraph with no speaker of its own (one of `starts`, where
/// quotations start) to the speaker whose words, reported without marks, close the paragraph
/// before: "Erekat said it was only the latest move by the US …" then "“They wanted us on our
/// knees …”" is Erekat's (method `continued`), as a quotation after a quotation paragraph
/// is. (Reported speech is never read inside a quotation, so none needs to go.)
fn run_on_from_reported(doc: &Doc<'_, '_>, paras: &[Span], starts: &[usize], quotes: &mut [Quote]) {
    if starts.is_empty() {
        return;
    }
    // The statement (not a scare quote) that ends last among the quotes before the one looked
    // at, the last of equals: kept as the loop goes, so that a document of thousands of
    // quotation paragraphs is not read again for each one.
    let mut latest: Option<usize> = None;
    for k in 0..quotes.len() {
        if let Some(said) =
            run_on_speaker(doc, paras, starts, &quotes[k], latest.map(|i| &quotes[i]))
        {
            let q = &mut quotes[k];
            q.kind = Kind::Direct;
            (q.speaker, q.role, q.speaker_text, q.cue, q.method) = said;
        }
        let q = &quotes[k];
        if q.kind != Kind::Scare && latest.is_none_or(|i| q.span().end >= quotes[i].span().end) {
            latest = Some(k);
        }
    }
}

/// For [`run_on_from_reported`]: the attribution quote `q` takes from `latest`, the statement
/// that ends last before it, when `q` is one of `starts` with no speaker and `latest` is
/// reported speech with a speaker that closes the paragraph before `q`'s.
fn run_on_speaker(
    doc: &Doc<'_, '_>,
    paras: &[Span],
    starts: &[usize],
    q: &Quote,
    latest: Option<&Quote>,
) -> Option<Found> {
    let at = q.span().start;
    if q.kind == Kind::Indirect || !q.speaker.is_empty() || starts.binary_search(&at).is_err() {
        return None;
    }
    // (The quotation opens its paragraph: what starts before it is in paragraphs before.)
    let before = paras[..paras.partition_point(|p| p.end < at)].last()?;
    let r = latest?;
    let end = r.span().end;
    let closes = r.kind == Kind::Indirect
        && !r.speaker.is_empty()
        && end > before.start
        && end <= before.end
        && doc.sentence_span(end.saturating_sub(1)).end >= before.end;
    closes.then(|| r.said_again("continued"))
}

/// Gives a scare quote of two words or more, one of them a word of four letters or more that is
/// no stop word, the speaker whose words it is, found elsewhere in the document:
/// - inside reported speech, however far from its verb: "the mayor also said that it was too
///   early to tell whether …, and there was “no evidence” yet that …" (method `within`);
/// - repeating words of a speaker's quotation: “phony system” after "“Look, it's a phony
///   system,” Trump told Bill O'Reilly" (method `echo`; no verb of its own), when no other
///   speaker is quoted with them.
///
/// Not a "so-called" one, nor one in title case, which may be a name or a title that the
/// speaker only mentions ("Bruce Springsteen’s “American Skin”"). A quotation that is its
/// paragraph (a pull quote or a quoted subheading, "‘Coal Isn’t the Villain.’") repeating a
/// speaker's words is no quote of its own, title case or not: dropped, so that the speaker
/// is not counted twice.
fn attribute_echoes(doc: &Doc<'_, '_>, paras: &[Span], quotes: &mut Vec<Quote>) {
    let lowers = |q: &Quote| -> Vec<&str> {
        q.pieces
            .iter()
            .flat_map(|p| &doc.words[doc.words_in(p.start, p.end)])
            .map(Word::lower)
            .collect()
    };
    // (Most documents have no scare quote of two words: their quotes are left as they are.)
    let two_words = |q: &Quote| {
        q.pieces
            .iter()
            .map(|p| doc.words_in(p.start, p.end).len())
            .sum::<usize>()
            >= 2
    };
    if !quotes.iter().any(|q| q.kind == Kind::Scare && two_words(q)) {
        return;
    }
    let said: Vec<(usize, Vec<&str>)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == Kind::Direct && !q.speaker.is_empty())
        .map(|(i, q)| (i, lowers(q)))
        .collect();
    // Where each pair of words starts in the speakers' quotations, and the reported speech
    // with a speaker by where it starts (with the furthest end so far), so that a document
    // of thousands of quotations is not read once per scare quote.
    let mut pairs: FxHashMap<(&str, &str), Vec<(usize, usize)>> = FxHashMap::default();
    for (k, (_, w)) in said.iter().enumerate() {
        for (at, pair) in w.windows(2).enumerate() {
            pairs.entry((pair[0], pair[1])).or_default().push((k, at));
        }
    }
    let mut reported: Vec<(Span, usize)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == Kind::Indirect && !r.speaker.is_empty())
        .map(|(j, r)| (r.span(), j))
        .collect();
    reported.sort_by_key(|(r, j)| (r.start, *j));
    let furthest: Vec<usize> = reported
        .iter()
        .scan(0, |end, (r, _)| {
            *end = (*end).max(r.end);
            Some(*end)
        })
        .collect();
    // The first reported speech (in the order of `quotes`) that holds `span`.
    let within = |span: Span| {
        let last = reported.partition_point(|(r, _)| r.start <= span.start);
        (0..last)
            .rev()
            .take_while(|&k| furthest[k] >= span.end)
            .filter(|&k| reported[k].0.end >= span.end)
            .map(|k| reported[k].1)
            .min()
    };
    // The words of a scare quote found in speakers' quotations so far: a pathological
    // document (thousands of quotations sharing their words) stops looking for echoes once
    // it has compared this many word pairs.
    let mut budget: usize = 1 << 22;
    let mut dropped = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        if quotes[i].kind != Kind::Scare {
            continue;
        }
        let span = quotes[i].span();
        let words = lowers(&quotes[i]);
        if words.len() < 2 {
            continue;
        }
        // (The first quotation that holds the words, when every one that does is the same
        // speaker's: words two speakers say are no one's in particular.)
        let starts = pairs
            .get(&(words[0], words[1]))
            .map_or(&[][..], Vec::as_slice);
        budget = budget.saturating_sub(starts.len());
        let mut holding = starts
            .iter()
            .filter(|&&(k, at)| {
                budget > 0
                    && said[k]
                        .1
                        .get(at..at + words.len())
                        .is_some_and(|win| win == words.as_slice())
            })
            .map(|&(k, _)| said[k].0);
        let echoed = holding
            .next()
            .filter(|&first| holding.all(|j| quotes[j].speaker == quotes[first].speaker));
        // (A pull quote: its paragraph holds nothing but the quotation and its marks.)
        let para = paras.get(paras.partition_point(|p| p.end <= span.start));
        let bare = |a: usize, b: usize| {
            doc.text
                .get(a..b)
                .is_some_and(|t| !t.chars().any(char::is_alphanumeric))
        };
        let alone = para.is_some_and(|p| bare(p.start, span.start) && bare(span.end, p.end));
        if echoed.is_some() && alone {
            dropped[i] = true;
            continue;
        }
        let content = span.slice(doc.text);
        let before = doc.text[..span.start].trim_end_matches(|c: char| "“‘\"'«„".contains(c));
        if title_cased(content)
            || so_called(before)
            || !words.iter().any(|w| w.len() >= 4 && !is_stopword(w))
        {
            continue;
        }
        let (from, method) = match (within(span), echoed) {
            (Some(j), _) => (j, "within"),
            (None, Some(j)) => (j, "echo"),
            (None, None) => continue,
        };
        let from = quotes[from].clone();
        let q = &mut quotes[i];
        q.kind = Kind::Direct;
        q.speaker = from.speaker;
        q.speaker_text = from.speaker_text;
        q.role = from.role;
        q.cue = if method == "within" { from.cue } else { None };
        q.method = method;
    }
    let mut i = 0;
    quotes.retain(|_| {
        let keep = !dropped[i];
        i += 1;
        keep
    });
}

/// For each quotation of `found`, whether a direct quote of `quotes` reads it as someone's
/// words. The others (scare quotes, titles of works) leave their sentence's reported speech
/// to be read as in any other sentence: "The ministry said the so-called “referendum” had no
/// legal force" reports what the ministry said. (Both lists are in text order.)
fn spoken(found: &[marks::Quoted], quotes: &[Quote]) -> Vec<bool> {
    let mut said = vec![false; found.len()];
    for q in quotes.iter().filter(|q| q.kind == Kind::Direct) {
        for p in &q.pieces {
            let i = found.partition_point(|f| f.outer.end <= p.start);
            if found.get(i).is_some_and(|f| f.outer.start <= p.start) {
                said[i] = true;
            }
        }
    }
    said
}

/// Splits quotations that hold a transcript, whose paragraphs open with the speaker's name in
/// capitals and a colon ("“WALLACE: Let’s start with …", "“PENCE: Well, look, …"), into one
/// `direct` row per turn, spoken by that name (method `transcript`; a bare surname is resolved
/// as any other). A paragraph without a label goes on with the turn before it. Labels that name
/// no one ("UPDATE:", "EDITOR'S NOTE:", "Q:") are not turns, and a quotation none of whose
/// labels is a name of the document ("FACT:") is no transcript.
fn split_transcripts(doc: &Doc<'_, '_>, quotes: Vec<Quote>) -> Vec<Quote> {
    // (Most documents hold no label at all: their quotes are kept as they are.)
    let has_label = |q: &Quote| {
        q.kind != Kind::Indirect
            && q.pieces
                .iter()
                .any(|p| speaker_label(p.slice(doc.text)).is_some())
    };
    if !quotes.iter().any(has_label) {
        return quotes;
    }
    // A quotation is a transcript only when one of its labels is the surname of someone the
    // document names in full ("PENCE" after "Gov. Mike Pence"): "FACT:" at the start of a
    // quoted tweet is no one's turn. Its other labels are turns too ("WALLACE", the host).
    let named = |label: &str| {
        let last = label.rsplit(' ').next().unwrap_or(label).to_lowercase();
        doc.run_names().iter().any(|(_, name)| {
            name.as_deref()
                .and_then(|n| n.rsplit(' ').next())
                .is_some_and(|l| l.to_lowercase() == last)
        })
    };
    let label_of = |p: &Span| speaker_label(p.slice(doc.text));
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let transcript = q.kind != Kind::Indirect
            && q.pieces
                .iter()
                .any(|p| label_of(p).is_some_and(|(l, _)| named(l)));
        if !transcript {
            out.push(q);
            continue;
        }
        let mut head = Quote {
            pieces: Vec::new(),
            ..q.clone()
        };
        let mut turn: Option<Quote> = None;
        for piece in &q.pieces {
            if let Some((label, len)) = label_of(piece) {
                out.extend(turn.take());
                let start = piece.start + len;
                turn = Some(Quote {
                    kind: Kind::Direct,
                    pieces: vec![Span {
                        start,
                        end: piece.end,
                    }],
                    speaker: title_case(label),
                    speaker_text: label.to_string(),
                    role: String::new(),
                    cue: None,
                    sentence: u32::try_from(doc.sentence_of(start)).unwrap_or(u32::MAX),
                    method: "transcript",
                    text: String::new(),
                    co_speakers: Vec::new(),
                });
            } else if let Some(t) = turn.as_mut() {
                t.pieces.push(*piece);
            } else {
                head.pieces.push(*piece);
            }
        }
        if !head.pieces.is_empty() {
            out.push(head);
        }
        out.extend(turn);
    }
    out
}

/// A transcript's speaker label at the start of a paragraph: one to three words in capitals
/// (letters, apostrophes, hyphens, full stops; two letters or more each) and a colon, then the
/// words spoken. Returns the label and the length up to those words.
fn speaker_label(piece: &str) -> Option<(&str, usize)> {
    // (Most pieces give themselves away by their first two characters.)
    let mut first = piece.chars();
    if !(first.next().is_some_and(char::is_uppercase)
        && first.next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let colon = piece.find(':').filter(|&c| c <= 60)?;
    let label = &piece[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let capitals = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '’' | '\'' | '-' | '.'))
    };
    let rest = &piece[colon + 1..];
    let spoken = rest.len() - rest.trim_start().len();
    let no_one = matches!(
        label,
        "UPDATE"
            | "UPDATED"
            | "BREAKING"
            | "NOTE"
            | "EDITOR'S NOTE"
            | "EDITOR’S NOTE"
            | "WATCH"
            | "VIDEO"
            | "PHOTOS"
            | "READ MORE"
            | "RELATED"
            | "CORRECTION"
            | "CLARIFICATION"
            | "WARNING"
            | "SOURCE"
            | "SOURCES"
            | "TRANSCRIPT"
            | "ADVERTISEMENT"
    );
    (!no_one
        && (1..=3).contains(&words.len())
        && words.iter().all(capitals)
        && spoken > 0
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric))
    .then_some((label, colon + 1 + spoken))
}

/// "PENCE" as "Pence", "O’REILLY" as "O’Reilly": each word's first letter, and a letter after an
/// apostrophe or hyphen, in capitals, the rest in lower case.
fn title_case(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut upper = true;
    for c in label.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = matches!(c, ' ' | '’' | '\'' | '-');
    }
    out
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

/// The speaker of a label that "as" gives the object of a clause before the quotation opening
/// at `at`, as a verb of speech would: "Reid has gone after Trump as a “human leech …”", "Trump
/// openly admires Putin as a “strong leader”". The subject of the clause from `from` (past an
/// opening adverbial) is the speaker, when it is a name or a pronoun. Not when a participle or a
/// function word stands before "as" ("known as the “Russia House”", "a plan billed as", "such
/// as"), nor in a passive clause ("Putin was praised by Trump as a “strong leader”"), whose
/// subject did not say it.
fn as_label(doc: &Doc<'_, '_>, at: usize, from: usize) -> Option<(String, String, String)> {
    let range = doc.words_in(from, at);
    let ws = &doc.words[range];
    let mut k = ws.len();
    if k > 0 && matches!(ws[k - 1].lower(), "a" | "an" | "the") {
        k -= 1;
    }
    let as_word = ws.get(k.checked_sub(1)?)?;
    let object = ws.get(k.checked_sub(2)?)?;
    let between = &doc.text[as_word.span.end..at];
    let plain = |t: &str| t.chars().all(|c| c.is_alphabetic() || c.is_whitespace());
    if as_word.lower() != "as" || !plain(between) {
        return None;
    }
    let lower = object.lower();
    let participle = lower.ends_with("ed")
        || lower.ends_with("en")
        || lower.ends_with("ly")
        || PARTICIPLES_BEFORE_AS.contains(&lower);
    if participle || is_stopword(lower) || !plain(&doc.text[object.span.end..as_word.span.start]) {
        return None;
    }
    let before = &doc.text[from..as_word.span.start];
    let cut = clause_cut(before).map_or(from, |i| from + i);
    // (A participle after "be", an adverb between or not: [`Doc::passive`].)
    let passive = doc.words_in(cut, as_word.span.start).any(|k| {
        let lower = doc.words[k].lower();
        (lower.ends_with("ed") || PARTICIPLES_BEFORE_AS.contains(&lower)) && doc.passive(k)
    });
    if passive {
        return None;
    }
    // (A named subject only: "the Sydney experience should prove … that there is no such
    // thing as “the sharing economy”", "The couple hired him as a “games consultant”".)
    let np = reported::clause_subject(doc, cut, as_word.span.start)?;
    doc.speaker_kind(np.0, np.1, true)
        .filter(|(.., kind)| matches!(kind, Np::Name | Np::Pronoun))
        .map(|(name, role, raw, _)| (name, role, raw))
}

/// Irregular participles that give a name or a role after "as" in the passive: "known as",
/// "seen as".
const PARTICIPLES_BEFORE_AS: [&str; 12] = [
    "known", "seen", "shown", "given", "taken", "made", "set", "cast", "thought", "held", "born",
    "chosen",
];

/// The one quoted in "Interfax quoted Peskov as saying “…”" or "The paper cited a senior
/// official as saying …": the words between the verb of quoting and the "as" before the
/// participle at word `ci`, whose subject only relays them. (None when nothing stands between,
/// as in the passive "Aliyev was quoted as saying", whose subject is the speaker, or when an
/// agent follows: "was quoted by the agency as saying".)
fn quoted_as(doc: &Doc<'_, '_>, cut: usize, ci: usize) -> Option<(usize, usize)> {
    let as_word = doc.words.get(ci.checked_sub(1)?)?;
    if as_word.lower() != "as" {
        return None;
    }
    let k = doc
        .words_in(cut, as_word.span.start)
        .rev()
        .find(|&k| QUOTING.contains(&doc.words[k].lower()))?;
    // (Passive with its agent: "Aliyev was quoted by the agency as saying".)
    let first = doc.words.get(k + 1).filter(|w| w.lower() != "by")?;
    let from = first.span.start;
    (from < as_word.span.start).then(|| (from, doc.words[ci - 2].span.end))
}

/// Verbs by which one source relays another's words: "quoted X as saying", "cited X as
/// saying".
const QUOTING: &[&str] = &[
    "quote", "quotes", "quoted", "quoting", "cite", "cites", "cited", "citing",
];

/// The subject of a clause from `cut` to a participle that ends it ("He questioned the
/// actions, saying …"): the capitalised words at its start, up to its verb.
/// The noun a relative pronoun right before verb `ci` stands for, from its determiner: "a neon
/// sign that reads “…”" is the sign's, not the sentence subject's ("Workers remove a hammer and
/// sickle from a neon sign that reads …"; "Smith sued the company, which said “…”" is the
/// company's). Only with a determiner within six words before the pronoun ("ZeniMax Media,
/// which accuses …" is read as before).
fn relative_head(doc: &Doc<'_, '_>, cut: usize, ci: usize) -> Option<(usize, usize)> {
    let pronoun = ci.checked_sub(1)?;
    let w = &doc.words[pronoun];
    if !matches!(w.lower(), "that" | "which") || w.span.start < cut {
        return None;
    }
    // (After a comma, a name right before it is the antecedent: "a lawsuit with ZeniMax
    // Media, which accuses …" is ZeniMax Media's.)
    if doc.comma_before(pronoun) && pronoun > 0 && doc.words[pronoun - 1].capitalised() {
        let first = (0..pronoun)
            .rev()
            .take_while(|&k| doc.words[k].capitalised() && doc.words[k].span.start >= cut)
            .last()?;
        return Some((doc.words[first].span.start, doc.words[pronoun - 1].span.end));
    }
    let det = (pronoun.saturating_sub(6)..pronoun)
        .rev()
        .take_while(|&k| doc.words[k].span.start >= cut)
        .find(|&k| matches!(doc.words[k].lower(), "a" | "an" | "the"))?;
    // (A text the subject wrote speaks for its writer: "Trump posted a tweet that read: “…”"
    // is Trump's.)
    let authored = matches!(
        doc.words[pronoun - 1].lower(),
        "tweet" | "post" | "message" | "letter" | "email" | "statement" | "note" | "video" | "ad"
    );
    // (A text "by" someone is theirs: "an article by New York magazine that claimed …".)
    let from = (det + 1..pronoun)
        .find(|&k| doc.words[k].lower() == "by" && doc.words[k + 1].capitalised())
        .map_or(det, |k| k + 1);
    (det + 1 < pronoun && !authored)
        .then(|| (doc.words[from].span.start, doc.words[pronoun - 1].span.end))
}

fn subject_at(doc: &Doc<'_, '_>, cut: usize, participle: usize) -> (usize, usize) {
    let mut head = doc.words_in(cut, participle);
    // (Past an opening adverb: "Next, Adelson’s attorney accused …, claiming …".)
    if head.start < head.end && doc.sentence_adverb(&doc.words[head.start]) {
        head.start += 1;
    }
    // No subject opens with a preposition in lower case: "“…” to Ukraine and replacing it
    // with softer language calling for “…”" has none before "calling".
    if doc
        .words
        .get(head.start)
        .is_some_and(|w| head.start < head.end && PREPOSITIONS.contains(&w.text))
    {
        return (cut, cut);
    }
    let mut first_verb = (head.start..head.end)
        .find(|&i| i > head.start && !doc.words[i].capitalised())
        .unwrap_or(head.end);
    // A role noun after the capitals is their head, not the verb: "Russian officials have
    // dismissed the claims, with one calling them …" is the officials'.
    if first_verb < head.end && ROLE_NOUNS.contains(&doc.words[first_verb].lower()) {
        first_verb += 1;
    } else if let Some(name) = title_then_name(doc, first_verb, head.end) {
        // A title in lower case between the capitals and a name leads to the name:
        // "Democratic presidential nominee Hillary Clinton chimed in, saying …".
        first_verb = (name..head.end)
            .find(|&i| !doc.words[i].capitalised())
            .unwrap_or(head.end);
    } else if head.start < first_verb && is_determiner(doc.words[head.start].lower()) {
        // After a determiner the capitals describe the noun after them: "the New York
        // businessman said, arguing …", "the Russian defence ministry responded, saying …".
        // A plural before a verb is that noun too: "the Azerbaijani authorities responded".
        let plural = |i: usize| {
            doc.words[i].lower().ends_with('s')
                && doc
                    .words
                    .get(i + 1)
                    .is_some_and(|v| i + 1 < head.end && reported::past_or_auxiliary(v))
        };
        first_verb = (first_verb..head.end.min(first_verb + 3))
            .find(|&i| {
                doc.words[i].capitalised() || (may_be_verb(doc, &doc.words[i]) && !plural(i))
            })
            .unwrap_or(head.end.min(first_verb + 3));
    }
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

/// Where a name starts after a title in lower case that opens at word `from` (before `end`):
/// at most four words, a title or role noun among them and none that reads as a verb, then
/// a capitalised word with only a space before it ("presidential nominee Hillary Clinton",
/// "secretary of state John Kerry"). Not "tells aide Hope Hicks", nor "attacked Clinton".
fn title_then_name(doc: &Doc<'_, '_>, from: usize, end: usize) -> Option<usize> {
    let name = (from..end.min(from + 5)).find(|&k| doc.words[k].capitalised())?;
    let run = &doc.words[from..name];
    (name > from
        && run.iter().any(|w| doc.role_word(w.lower()))
        && !run.iter().any(|w| may_be_verb(doc, w))
        && (from + 1..=name).all(|k| adjacent(doc.text, &doc.words, k)))
    .then_some(name)
}

/// Whether a lower-case word after a subject's capitals may be its verb rather than part of
/// it: a past, an auxiliary, a participle in "-ing", or a form in "-s" that is no title or
/// role noun ("the Kremlin says"; not "officials").
fn may_be_verb(doc: &Doc<'_, '_>, w: &Word<'_>) -> bool {
    let lower = w.lower();
    reported::past_or_auxiliary(w)
        || (lower.ends_with('s') && !doc.role_word(lower))
        || lower.ends_with("ing")
        || lower.ends_with("ly")
}

/// Where the subject of a verb can start at the latest: just after the last sentence or
/// clause break (a stop, semicolon, colon, quotation mark or dash, as after a dateline), or
/// after a comma and the conjunction that opens a clause of its own ("…, but Obama said").
fn clause_cut(before: &str) -> Option<usize> {
    // From the end: the last break is the one wanted (a sentence may be a whole page long).
    let mark = before.char_indices().rev().find_map(|(i, c)| match c {
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
    });
    // (A dash between spaces counts only after that break.)
    let from = mark.unwrap_or(0);
    mark.max(before[from..].rfind(" - ").map(|i| from + i + 3))
}

/// Conjunctions that, after a comma, open a clause with its own subject.
const CLAUSE_CONJUNCTIONS: [&str; 6] = ["but", "yet", "while", "although", "though", "whereas"];

/// Whether the sentence runs on after the full stop at `at`: only closing brackets or marks
/// and spaces follow before the verb, a lower-case word ("Stephen Lynch (D-Mass.) said") or a
/// comma ("David McKinley, R-W.Va., said": no sentence ends in ".,").
fn runs_on(text: &str, at: usize) -> bool {
    text[at + 1..]
        .chars()
        .find(|c| !(c.is_whitespace() || matches!(c, ')' | ']' | '"' | '\'' | '’' | '”')))
        .is_none_or(|c| c.is_lowercase() || c == ',')
}

/// A full stop after an initial or a title ("Mr.", "U.S.", "J.") rather than a sentence end.
fn is_abbreviation_dot(text: &str, at: usize) -> bool {
    // (Four characters tell: a run of dots and letters a page long is read no further.)
    let word: String = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .take(4)
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

#[cfg(test)]
mod tests;

//! Term frequency: unigrams and phrases counted per document, then pooled per group.
//!
//! A term is a normalised word ([`slant_corpus::normalize`]) or a phrase of two or three
//! adjacent words. Phrases never cross a sentence boundary or punctuation (only white space may
//! separate their words), and never start or end with a stop word, so "passenger plane",
//! "State Duma" and "Ministry of Defence" are phrases while "of the" and "the plane" are not.
//! Stop words are not counted as unigrams unless asked for.
//!
//! With stemming on, words are grouped by their Snowball (Porter 2) English stem and each term
//! is shown by its most frequent surface form, so "sanction", "sanctions" and "sanctioned" are
//! one row labelled "sanctions" when that spelling is the commonest.
//!
//! Every count can be traced back: each (group, term) remembers the first document and sentence
//! where it occurs.
//!
//! ```
//! use slant_metrics::terms::{count_terms, TermOptions, TermTable};
//! use slant_corpus::segment::segment;
//! let text = "The passenger plane crashed. Officials said the passenger plane was hit.";
//! let opts = TermOptions::default();
//! let doc = count_terms(text, &segment(text), &opts);
//! assert_eq!(doc.count("passenger plane"), 2);
//! assert_eq!(doc.count("the"), 0); // a stop word
//! assert_eq!(doc.count("the passenger"), 0); // starts with a stop word
//! let mut table = TermTable::new(&opts);
//! table.add("Outlet A", 0, doc);
//! assert_eq!(table.term("Outlet A", "plane").unwrap().count, 2);
//! ```

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};
use slant_corpus::function_words::FunctionWords;
use slant_corpus::normalize::TokenForms;
use slant_corpus::segment::{white_space_gap, Segmented};
use slant_corpus::stopwords::is_stopword_bytes;
use std::collections::BTreeMap;
use std::hash::BuildHasher;

/// The term table is split by key hash into this many shards, folded in parallel.
const SHARDS: usize = 16;

/// A term key's hash: what the tables index by, and what picks the shard.
fn key_hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

/// The key at (start, length) in a document's key string.
fn key_at(keys: &str, (start, len): (u32, u32)) -> &str {
    &keys[start as usize..(start + len) as usize]
}

fn shard_of(hash: u64) -> usize {
    (hash >> 40) as usize % SHARDS
}

/// How many more items to reserve in a term table's vector (or bytes in its arena) of
/// `len` items and `capacity` before adding `extra`: none while they fit, else a quarter of
/// `len` (or `extra`, if more). These vectors grow to the most terms held at once, at the
/// phrase cap, and keep that size; doubling would leave up to half of the biggest ones
/// unused. Growing by a quarter copies each item about four times over the run instead of
/// about once: some tens of milliseconds for a million terms.
fn room(len: usize, capacity: usize, extra: usize) -> usize {
    if len + extra <= capacity {
        0
    } else {
        extra.max(len / 4).max(64)
    }
}

/// The phrases a shard has seen once in a group and not kept: a Bloom filter of (group,
/// phrase) pairs, one 64-bit word per pair with four of its bits set, in two generations.
/// New sightings go into the current one; when it holds its share, it becomes the old one and
/// the old one is cleared and takes over as current, so a sighting is remembered for at least
/// one generation's worth of later sightings. A false "seen" (2–4%, simulated: 2% with the
/// old generation full, 4% with both) only lets a phrase in on its first sighting, with its
/// exact count: it costs room, never accuracy.
///
/// The two generations' words for a pair sit side by side, so that asking about a pair reads
/// one cache line, not one in each of two arrays: the usual answer for a phrase, "not seen",
/// reads both.
#[derive(Debug, Clone, Default)]
struct Sighted {
    /// Word `i` of both generations.
    words: Vec<[u64; 2]>,
    /// Which of each pair is the current generation's word (0 or 1).
    current: usize,
    /// Sightings recorded in the current generation, and how many a generation takes.
    added: usize,
    share: usize,
    /// How many times the current generation has filled and the old one taken over.
    turnovers: u64,
}

/// Bytes of the memory of phrases seen once per phrase entry of the cap.
const SIGHTED_BYTES_PER_PHRASE: usize = 16;

/// Bits of a [`Sighted`] generation per sighting it takes.
const BITS_PER_SIGHTING: usize = 10;

impl Sighted {
    /// A filter of `bytes`, and at least 1 KiB.
    fn new(bytes: usize) -> Sighted {
        let words = (bytes / 16).max(64);
        Sighted {
            words: vec![[0; 2]; words],
            current: 0,
            added: 0,
            share: (words * 64 / BITS_PER_SIGHTING).max(1),
            turnovers: 0,
        }
    }

    /// The word and the four bits of a (group, phrase) pair.
    fn probe(&self, key_hash: u64, slot: usize) -> (usize, u64) {
        // splitmix64's finaliser over the key's hash and the group.
        let mut h = key_hash ^ (slot as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        h ^= h >> 31;
        let word = ((h >> 32) * self.words.len() as u64) >> 32;
        let mask = (0..4).fold(0u64, |m, i| m | 1 << ((h >> (6 * i)) & 63));
        (word as usize, mask)
    }

    /// Whether the pair was seen before; if not, remembers it.
    fn seen_or_record(&mut self, key_hash: u64, slot: usize) -> bool {
        let (w, mask) = self.probe(key_hash, slot);
        let [a, b] = self.words[w];
        if a & mask == mask || b & mask == mask {
            return true;
        }
        self.record_at(w, mask);
        false
    }

    /// Remembers a pair.
    fn record(&mut self, key_hash: u64, slot: usize) {
        let (w, mask) = self.probe(key_hash, slot);
        self.record_at(w, mask);
    }

    fn record_at(&mut self, w: usize, mask: u64) {
        self.words[w][self.current] |= mask;
        self.added += 1;
        if self.added >= self.share {
            // The old generation is cleared and becomes the current one.
            self.current ^= 1;
            for pair in &mut self.words {
                pair[self.current] = 0;
            }
            self.added = 0;
            self.turnovers += 1;
        }
    }
}

/// What counts as a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermOptions {
    /// Longest phrase, in words: 1 (words only), 2 or 3.
    pub max_n: usize,
    /// Count stop words as unigrams too ("the", "of"). Phrases never start or end with one.
    pub keep_stopwords: bool,
    /// Group words by their English Snowball stem.
    pub stem: bool,
}

impl Default for TermOptions {
    fn default() -> Self {
        TermOptions {
            max_n: 3,
            keep_stopwords: false,
            stem: false,
        }
    }
}

/// A term's counts within one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocTerm {
    /// Occurrences.
    pub count: u32,
    /// Index of the first sentence where it occurs.
    pub first_sentence: u32,
}

/// One distinct term of a document: its key's hash and bytes in the document's arena.
#[derive(Debug, Clone, Copy)]
struct DocEntry {
    hash: u64,
    start: u32,
    /// The key's length in bytes, with [`PHRASE`] set when it has two or more words.
    len: u32,
    term: DocTerm,
}

impl DocEntry {
    /// Where the key is in the arena: (start, length).
    fn at(&self) -> (u32, u32) {
        (self.start, self.len & !PHRASE)
    }

    /// Whether the key has two or more words.
    fn phrase(&self) -> bool {
        self.len & PHRASE != 0
    }
}

/// The terms of one document.
///
/// Keys live in one string per document, and entries are grouped by the shard of the
/// [`TermTable`] they fold into, so folding needs no allocation per term.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    /// Word tokens of the document (stop words included): the denominator of rates.
    pub tokens: u64,
    arena: String,
    entries: Vec<DocEntry>,
    /// `entries[shard_ends[s - 1]..shard_ends[s]]` fold into shard `s`.
    shard_ends: [u32; SHARDS],
    /// With stemming: how often each surface form produced each stemmed term.
    surfaces: FxHashMap<Box<str>, FxHashMap<Box<str>, u32>>,
}

impl DocTerms {
    /// Occurrences of a term (its key: normalised words joined by one space). A linear scan,
    /// for tests and examples.
    pub fn count(&self, term: &str) -> u32 {
        self.iter()
            .find(|(k, _)| *k == term)
            .map_or(0, |(_, t)| t.count)
    }

    /// Distinct terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the document has no terms.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The terms and their counts, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &DocTerm)> {
        self.entries.iter().map(|e| (self.key(e), &e.term))
    }

    fn key(&self, e: &DocEntry) -> &str {
        key_at(&self.arena, e.at())
    }

    fn shard(&self, s: usize) -> &[DocEntry] {
        let from = if s == 0 { 0 } else { self.shard_ends[s - 1] };
        &self.entries[from as usize..self.shard_ends[s] as usize]
    }

    /// Counts one occurrence of the key at `at` (start, length) in `keys`, of one word or
    /// more (`phrase`), first seen in `sentence`. Entries point into `keys`, which becomes
    /// the arena.
    fn bump(
        &mut self,
        index: &mut HashTable<u32>,
        keys: &str,
        at: (u32, u32),
        phrase: bool,
        sentence: u32,
    ) {
        let key = key_at(keys, at);
        let hash = key_hash(key);
        let entries = &mut self.entries;
        let found = index.find(hash, |&i| key_at(keys, entries[i as usize].at()) == key);
        if let Some(&i) = found {
            entries[i as usize].term.count += 1;
            return;
        }
        let i = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        entries.push(DocEntry {
            hash,
            start: at.0,
            len: at.1.min(PHRASE - 1) | if phrase { PHRASE } else { 0 },
            term: DocTerm {
                count: 1,
                first_sentence: sentence,
            },
        });
        let entries = &self.entries;
        index.insert_unique(hash, i, |&i| entries[i as usize].hash);
    }

    fn bump_surface(&mut self, key: &str, surface: &str) {
        let forms = match self.surfaces.get_mut(key) {
            Some(f) => f,
            None => self.surfaces.entry(key.into()).or_default(),
        };
        match forms.get_mut(surface) {
            Some(c) => *c += 1,
            None => {
                forms.insert(surface.into(), 1);
            }
        }
    }

    /// Orders the entries by shard (a counting sort) and records where each shard ends.
    /// Orders the entries by shard, into a list of their exact length; returns the old list.
    fn group_by_shard(&mut self) -> Vec<DocEntry> {
        let mut ends = [0u32; SHARDS];
        for e in &self.entries {
            ends[shard_of(e.hash)] += 1;
        }
        let mut next = [0u32; SHARDS];
        let mut total = 0;
        for s in 0..SHARDS {
            next[s] = total;
            total += ends[s];
            ends[s] = total;
        }
        // Every slot is overwritten below.
        let mut sorted = self.entries.clone();
        for e in &self.entries {
            let s = shard_of(e.hash);
            sorted[next[s] as usize] = *e;
            next[s] += 1;
        }
        self.shard_ends = ends;
        std::mem::replace(&mut self.entries, sorted)
    }
}

/// One word prepared for counting.
struct Word {
    /// Where its counting key (the stem when stemming, else the normalised form) starts in
    /// the key string, after an elided word before it ("l'" of "l'armée"), and where its
    /// slot there starts (before the elided word); where its normalised form starts in the
    /// form string, and how many bytes of it are the elided word.
    key: u32,
    slot: u32,
    norm: u32,
    elided: u32,
    stop: bool,
    sentence: u32,
    /// Whether only white space separates it from the previous word of its sentence.
    joins_previous: bool,
}

/// Counts the terms of one segmented document.
///
/// Every word's key is written once, followed by one space, so the key of any run of words
/// ("state duma met") is a slice of that string: no key is built or copied, and the string
/// is the document's arena.
pub fn count_terms(text: &str, seg: &Segmented, opts: &TermOptions) -> DocTerms {
    count_terms_of(text, seg, &TokenForms::new(text, seg), opts)
}

/// [`count_terms`] given the normalised forms of the tokens of `seg`.
pub fn count_terms_of(
    text: &str,
    seg: &Segmented,
    forms: &TokenForms,
    opts: &TermOptions,
) -> DocTerms {
    count_terms_in(text, seg, forms, opts, None)
}

/// [`count_terms_of`] for a document in another language than English: its language's
/// function words (`language`) are stop words too, as English ones are, so that "der", "und"
/// and "die" are no terms of a German article, nor "der Polizei" a phrase; and a word that
/// its language writes with an elided article or pronoun before it counts without it, so
/// that "l'armée" is the term "armée" (within a phrase the elision stays: "avion de l'armée").
pub fn count_terms_in(
    text: &str,
    seg: &Segmented,
    forms: &TokenForms,
    opts: &TermOptions,
    language: Option<FunctionWords>,
) -> DocTerms {
    let stemmer = opts
        .stem
        .then(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    let mut words: Vec<Word> = Vec::with_capacity(seg.tokens.len());
    // With stemming, the stems, each followed by a space.
    let mut stems = String::new();
    let mut prev_end: Option<(usize, u32)> = None;
    let form_bytes = forms.text().as_bytes();
    for (i, (tok, &start)) in seg.tokens.iter().zip(forms.starts()).enumerate() {
        // The form runs up to the space before the next one. (Sliced here as bytes:
        // `TokenForms::form` checks char boundaries, 6 million instructions more per 1,000
        // articles.)
        let end = forms
            .starts()
            .get(i + 1)
            .map_or(form_bytes.len(), |&s| s as usize);
        let form = &form_bytes[start as usize..end - 1];
        // (An elision ends in an apostrophe: the word after it starts at a char boundary.)
        let elided = language.map_or(0, |l| l.elided(form));
        let stop = is_stopword_bytes(form)
            || language
                .is_some_and(|l| l.contains(&form[elided..]) || (elided > 0 && l.contains(form)));
        let (slot, key) = match &stemmer {
            Some(s) => {
                let at = stems.len() as u32;
                stems.push_str(&s.stem(&forms.form(i)[elided..]));
                stems.push(' ');
                (at, at)
            }
            None => (start, start + elided as u32),
        };
        let joins_previous = matches!(prev_end, Some((end, sentence))
            if sentence == tok.sentence && white_space_gap(&text[end..tok.span.start]));
        prev_end = Some((tok.span.end, tok.sentence));
        words.push(Word {
            key,
            slot,
            norm: start,
            elided: elided as u32,
            stop,
            sentence: tok.sentence,
            joins_previous,
        });
    }
    let forms = forms.text();
    let keys: &str = if stemmer.is_some() { &stems } else { forms };
    // The key (or surface form) of words[first..=last]: up to the space after the last word.
    let run = |s: &str, from: u32, next: Option<u32>| -> (u32, u32) {
        let to = next.unwrap_or(s.len() as u32) - 1;
        (from, to - from)
    };

    // The entries are counted in this thread's scratch list and index, which the next
    // document reuses (their pages stay this thread's, not handed back and faulted in again).
    let (mut entries, mut index) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
    // A news article has about 1.1 distinct terms per word.
    entries.reserve(words.len() + words.len() / 2);
    index.reserve(words.len() * 2, |_| 0);
    let mut doc = DocTerms {
        tokens: seg.tokens.len() as u64,
        arena: String::new(),
        entries,
        shard_ends: [0; SHARDS],
        surfaces: FxHashMap::default(),
    };
    for end in 0..words.len() {
        let last = &words[end];
        let next = words.get(end + 1);
        for n in 1..=opts.max_n.clamp(1, 3) {
            if n > end + 1 {
                break;
            }
            let start = end + 1 - n;
            // Every word after the first must join its predecessor.
            if words[start + 1..=end].iter().any(|w| !w.joins_previous) {
                break;
            }
            let first = &words[start];
            let allowed = if n == 1 {
                !last.stop || opts.keep_stopwords
            } else {
                !first.stop && !last.stop
            };
            if !allowed {
                continue;
            }
            let key = run(keys, first.key, next.map(|w| w.slot));
            doc.bump(&mut index, keys, key, n > 1, last.sentence);
            if stemmer.is_some() {
                let surface = run(forms, first.norm + first.elided, next.map(|w| w.norm));
                doc.bump_surface(key_at(keys, key), key_at(forms, surface));
            }
        }
    }
    doc.arena = if stemmer.is_some() {
        stems
    } else {
        forms.to_string()
    };
    let mut scratch = doc.group_by_shard();
    // (Not a document's worth of scratch past 262,144 terms: `--max-doc-mb` allows far
    // longer ones than news, and each thread would keep the longest's.)
    if scratch.capacity() <= SCRATCH_KEPT && index.capacity() <= 2 * SCRATCH_KEPT {
        scratch.clear();
        index.clear();
        SCRATCH.with(|s| *s.borrow_mut() = (scratch, index));
    }
    doc
}

thread_local! {
    /// [`count_terms_of`]'s list of entries and their index, kept for the thread's next
    /// document.
    static SCRATCH: std::cell::RefCell<(Vec<DocEntry>, HashTable<u32>)> =
        std::cell::RefCell::default();
}

/// The most entries of a document's scratch a thread keeps for the next.
const SCRATCH_KEPT: usize = 1 << 18;

/// Where a term is first seen: the document's ordinal among analysed documents (input order)
/// and the sentence index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    /// Ordinal of the document.
    pub doc: u32,
    /// Sentence index in that document (0-based).
    pub sentence: u32,
}

/// A term's counts within a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermStat {
    /// Occurrences in the group.
    pub count: u64,
    /// Documents of the group in which it occurs.
    pub doc_freq: u32,
    /// Its first occurrence in the group.
    pub first: Occurrence,
}

/// [`TermStat`] as a table stores it: 16 bytes. A count saturates at `u32::MAX` occurrences of
/// one term in one group (some 400 million articles of news before it could matter).
#[derive(Debug, Clone, Copy, Default)]
struct Packed {
    count: u32,
    doc_freq: u32,
    doc: u32,
    sentence: u32,
}

impl Packed {
    /// The counts of one document: `count` occurrences, the first at `at` (document,
    /// sentence).
    fn new(count: u32, at: (u32, u32)) -> Packed {
        Packed {
            count,
            doc_freq: 1,
            doc: at.0,
            sentence: at.1,
        }
    }

    /// Adds one more document's counts.
    fn add(&mut self, count: u32, at: (u32, u32)) {
        self.count = self.count.saturating_add(count);
        self.doc_freq += 1;
        if at < (self.doc, self.sentence) {
            (self.doc, self.sentence) = at;
        }
    }

    fn unpack(self) -> TermStat {
        TermStat {
            count: u64::from(self.count),
            doc_freq: self.doc_freq,
            first: Occurrence {
                doc: self.doc,
                sentence: self.sentence,
            },
        }
    }
}

/// The prunes of a [`TermTable`] so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pruning {
    /// The threshold of each prune, in order.
    pub thresholds: Vec<u64>,
    /// How many times the busiest shard's memory of phrases seen once has filled and let its
    /// older half go (see [`TermTable::prune`]).
    pub turnovers: u64,
}

impl Pruning {
    /// The most a phrase's count (and its document frequency) can fall short of its true
    /// count: below `t` at each prune, and, once the first prune has switched to admitting
    /// phrases on their second sighting, one sighting more, and one more for every two
    /// turnovers of that memory, the most it can forget a phrase.
    pub fn undercount_bound(&self) -> u64 {
        let pruned: u64 = self.thresholds.iter().map(|t| t - 1).sum();
        let first_sightings = if self.thresholds.is_empty() {
            0
        } else {
            1 + self.turnovers / 2
        };
        pruned + first_sightings
    }
}

/// The totals of one group.
#[derive(Debug, Clone, Default)]
pub struct GroupTerms {
    /// Documents in the group.
    pub docs: u32,
    /// Word tokens in the group (stop words included).
    pub tokens: u64,
    /// The group's slot in every shard's statistics.
    slot: usize,
}

/// A term of a [`TermTable`]: its shard and its number there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermId {
    shard: u16,
    id: u32,
}

/// Dense numbers for the terms of a [`TermTable`] as it is ([`TermTable::numbers`]).
#[derive(Debug, Clone)]
pub struct TermNumbers {
    /// Each shard's first number.
    offsets: Vec<usize>,
    len: usize,
}

impl TermNumbers {
    /// A term's number, below [`TermNumbers::len`].
    pub fn of(&self, term: TermId) -> usize {
        self.offsets[usize::from(term.shard)] + term.id as usize
    }

    /// How many numbers there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A term's key, stored once in a shard however many groups use it: where it is in the
/// shard's arena. (Its hash is not kept: the index recomputes it when it grows.)
///
/// One group's counts are kept here, next to the key that finding the term reads anyway:
/// most terms (rare phrases) are used by one group, and need no lookup in a group's map.
///
/// 32 bytes: the phrase flag is the top bit of the key's length.
#[derive(Debug, Clone, Copy)]
struct Interned {
    start: usize,
    /// The key's length in bytes, with [`PHRASE`] set when it has two or more words.
    len: u32,
    /// The group whose counts are in `stat`, or [`NO_SLOT`] or [`RETIRED`]; other groups'
    /// counts are in [`Shard::stats`].
    slot: u32,
    stat: Packed,
}

/// [`Interned::slot`] of a new term: the first group to count it keeps its counts here.
const NO_SLOT: u32 = u32::MAX;
/// [`Interned::slot`] once a prune has dropped the counts kept with the key: any group may
/// have the term in its map, so all groups use their maps from then on.
const RETIRED: u32 = u32::MAX - 1;

/// [`Interned::len`]'s flag of a phrase. (A key is at most one document long, and documents
/// over 2 GiB are not read; a longer key would be cut short, not misread past its end.)
const PHRASE: u32 = 1 << 31;

const _: () = assert!(std::mem::size_of::<Interned>() == 32);

impl Interned {
    /// A key at `start` of the arena, of one word or more (`phrase`).
    fn new(start: usize, key: &str, phrase: bool) -> Interned {
        let len = u32::try_from(key.len()).unwrap_or(u32::MAX).min(PHRASE - 1);
        let phrase = if phrase { PHRASE } else { 0 };
        Interned {
            start,
            len: len | phrase,
            slot: NO_SLOT,
            stat: Packed::default(),
        }
    }

    /// Where the key is in the arena.
    fn span(&self) -> std::ops::Range<usize> {
        self.start..self.start + (self.len & !PHRASE) as usize
    }

    /// Whether the key has two or more words.
    fn phrase(&self) -> bool {
        self.len & PHRASE != 0
    }

    /// [`Shard::stats`]' index of the term's kind: 0 for a word, [`PHRASES`] for a phrase.
    fn kind(&self) -> usize {
        usize::from(self.phrase())
    }

    /// The counts kept with the key, if they are `slot`'s.
    fn stat_of(&self, slot: usize) -> Option<&Packed> {
        self.kept().filter(|_| self.slot as usize == slot)
    }

    /// The counts kept with the key, if any.
    fn kept(&self) -> Option<&Packed> {
        (self.slot < RETIRED).then_some(&self.stat)
    }
}

/// The terms whose key hash falls in one shard: their keys, and their counts per group.
///
/// A term keeps its number while any group uses it. Pruning frees the numbers of the terms no
/// group uses any more, and new terms take them first, so `terms` stays as long as the most
/// terms ever held at once.
#[derive(Debug, Clone, Default)]
struct Shard {
    index: HashTable<u32>,
    terms: Vec<Interned>,
    arena: String,
    /// Numbers of `terms` that no key holds (their entries are stale).
    free: Vec<u32>,
    /// By group slot: term number to counts, single words first, then phrases
    /// ([`PHRASES`]): pruning reads only the phrases. A (group, term) is either here or
    /// kept with the term ([`Interned::slot`]), never both.
    stats: Vec<[Counts; 2]>,
    /// How many terms keep a group's counts with their key: words, then phrases. (Counted
    /// as they change, so that the cap check after every batch needs no scan of `terms`.)
    kept: [usize; 2],
    /// The terms that keep a group's counts with their key, by group; `None` until
    /// [`Shard::index_groups`], and again after any change.
    by_group: Option<KeptByGroup>,
    /// From the first prune on: the (group, phrase) pairs seen once and not kept.
    sighted: Option<Sighted>,
}

/// A group's counts of one kind of term, by term number: a hash map while documents are
/// added, and from [`Shard::compact`] on a list sorted by number, of exactly its length. A
/// hash map's room, 1.1 to 2.3 times its entries, is what a table that grows needs; one that
/// is only read after the analysis needs none. (At 300,000 generated articles the groups'
/// maps, rebuilt at their final size, were 81 MB of the report's 251 MB heap peak.) A list
/// that changes again becomes a map.
#[derive(Debug, Clone)]
enum Counts {
    Map(FxHashMap<u32, Packed>),
    Sorted(Vec<(u32, Packed)>),
}

impl Default for Counts {
    fn default() -> Self {
        Counts::Map(FxHashMap::default())
    }
}

impl Counts {
    fn len(&self) -> usize {
        match self {
            Counts::Map(m) => m.len(),
            Counts::Sorted(l) => l.len(),
        }
    }

    fn get(&self, id: u32) -> Option<&Packed> {
        match self {
            Counts::Map(m) => m.get(&id),
            Counts::Sorted(l) => {
                let at = l.binary_search_by_key(&id, |&(i, _)| i).ok()?;
                Some(&l[at].1)
            }
        }
    }

    /// The counts, by term number: in no particular order from a map, ascending from a list.
    fn iter(&self) -> impl Iterator<Item = (u32, &Packed)> {
        let (map, list) = match self {
            Counts::Map(m) => (Some(m), None),
            Counts::Sorted(l) => (None, Some(l)),
        };
        let map = map.into_iter().flatten().map(|(&id, s)| (id, s));
        map.chain(list.into_iter().flatten().map(|(id, s)| (*id, s)))
    }

    /// The counts as a map, to change them.
    fn map(&mut self) -> &mut FxHashMap<u32, Packed> {
        if let Counts::Sorted(l) = self {
            *self = Counts::Map(std::mem::take(l).into_iter().collect());
        }
        match self {
            Counts::Map(m) => m,
            // (Made a map just above.)
            Counts::Sorted(_) => unreachable!(),
        }
    }

    /// The counts as a list sorted by term number, each numbered by `renumber`.
    fn sorted(self, renumber: &[u32]) -> Counts {
        let mut list: Vec<(u32, Packed)> = Vec::with_capacity(self.len());
        list.extend(self.iter().map(|(id, &s)| (renumber[id as usize], s)));
        list.sort_unstable_by_key(|&(id, _)| id);
        Counts::Sorted(list)
    }
}

/// The numbers of the terms that keep a group's counts with their key, listed group by group,
/// so that reading one group's terms does not scan every term: with thousands of groups (say,
/// grouped by author), a scan per group made keyness and `terms.csv` groups × vocabulary.
#[derive(Debug, Clone, Default)]
struct KeptByGroup {
    /// Where each group slot's numbers start in `ids`; one more entry than slots.
    starts: Vec<usize>,
    /// Term numbers, by slot, ascending within a slot.
    ids: Vec<u32>,
}

impl KeptByGroup {
    fn of(&self, slot: usize) -> &[u32] {
        match (self.starts.get(slot), self.starts.get(slot + 1)) {
            (Some(&a), Some(&b)) => &self.ids[a..b],
            _ => &[],
        }
    }
}

/// Where a group's phrases are in [`Shard::stats`] (its single words are at 0).
const PHRASES: usize = 1;

impl Shard {
    fn key(&self, id: u32) -> &str {
        let t = &self.terms[id as usize];
        &self.arena[t.span()]
    }

    fn find(&self, hash: u64, key: &str) -> Option<u32> {
        self.index.find(hash, |&i| self.key(i) == key).copied()
    }

    fn intern(&mut self, hash: u64, key: &str, phrase: bool) -> u32 {
        match self.find(hash, key) {
            Some(id) => id,
            None => self.add_key(hash, key, phrase),
        }
    }

    /// Adds a key that the shard does not hold, and returns its number.
    fn add_key(&mut self, hash: u64, key: &str, phrase: bool) -> u32 {
        let term = Interned::new(self.arena.len(), key, phrase);
        let id = match self.free.pop() {
            Some(id) => {
                self.terms[id as usize] = term;
                id
            }
            None => {
                let more = room(self.terms.len(), self.terms.capacity(), 1);
                self.terms.reserve_exact(more);
                self.terms.push(term);
                u32::try_from(self.terms.len() - 1).unwrap_or(u32::MAX)
            }
        };
        let more = room(self.arena.len(), self.arena.capacity(), key.len());
        self.arena.reserve_exact(more);
        self.arena.push_str(key);
        let (terms, arena) = (&self.terms, &self.arena);
        self.index
            .insert_unique(hash, id, |&i| key_hash(&arena[terms[i as usize].span()]));
        id
    }

    /// The number of a phrase seen once in a document of group `slot`, if the group counts it:
    /// when the group has it already, or has seen it once before (which that sighting does
    /// not add to the count). Otherwise the sighting is remembered, and the phrase is not
    /// counted.
    fn admit(&mut self, slot: usize, hash: u64, key: &str) -> Option<u32> {
        let found = self.find(hash, key);
        if let Some(id) = found {
            let term = &self.terms[id as usize];
            if term.slot as usize == slot || self.stats[slot][PHRASES].get(id).is_some() {
                return Some(id);
            }
        }
        let seen = self.sighted.as_mut()?.seen_or_record(hash, slot);
        seen.then(|| found.unwrap_or_else(|| self.add_key(hash, key, true)))
    }

    /// Folds one document's entries of this shard into group `slot`.
    fn add(&mut self, slot: usize, ordinal: u32, doc: &DocTerms, entries: &[DocEntry]) {
        self.by_group = None;
        if self.stats.len() <= slot {
            self.stats.resize_with(slot + 1, Default::default);
        }
        // (A group numbered past the markers always uses its map.)
        let slot32 = u32::try_from(slot).unwrap_or(RETIRED).min(RETIRED);
        for e in entries {
            let key = doc.key(e);
            let id = if self.sighted.is_some() && e.term.count == 1 && e.phrase() {
                let Some(id) = self.admit(slot, e.hash, key) else {
                    continue;
                };
                id
            } else {
                self.intern(e.hash, key, e.phrase())
            };
            let at = (ordinal, e.term.first_sentence);
            let term = &mut self.terms[id as usize];
            if term.slot == slot32 {
                term.stat.add(e.term.count, at);
                continue;
            }
            if term.slot == NO_SLOT && slot32 < RETIRED {
                self.kept[term.kind()] += 1;
                term.slot = slot32;
                term.stat = Packed::new(e.term.count, at);
                continue;
            }
            let kind = term.kind();
            match self.stats[slot][kind].map().entry(id) {
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    o.get_mut().add(e.term.count, at);
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(Packed::new(e.term.count, at));
                }
            }
        }
    }

    /// Adds how many (group, phrase) entries have each count to `h` (its last bucket holds
    /// every count from there up).
    fn add_phrase_counts(&self, h: &mut [usize]) {
        let Some(top) = h.len().checked_sub(1) else {
            return;
        };
        let kept = self
            .terms
            .iter()
            .filter(|t| t.phrase())
            .filter_map(Interned::kept);
        for s in self
            .stats
            .iter()
            .flat_map(|g| g[PHRASES].iter().map(|(_, s)| s))
            .chain(kept)
        {
            h[(s.count as usize).min(top)] += 1;
        }
    }

    /// Drops the phrases counted fewer than `t` times in a group, then the keys no group
    /// uses any more. The maps keep their capacity, so the next prune's worth of phrases
    /// does not grow them again.
    fn prune(&mut self, t: u64) {
        self.by_group = None;
        // Every word is used, and the phrases that some group keeps. (The free numbers are
        // neither.)
        let mut used: Vec<bool> = self.terms.iter().map(|t| !t.phrase()).collect();
        for &id in &self.free {
            used[id as usize] = false;
        }
        // The pairs dropped are remembered as seen, so that their next sighting counts.
        let sighted = &mut self.sighted;
        let arena = &self.arena;
        let mut forget = |key: std::ops::Range<usize>, slot: usize| {
            if let Some(s) = sighted.as_mut() {
                s.record(key_hash(&arena[key]), slot);
            }
        };
        for (term, used) in self.terms.iter_mut().zip(&mut used) {
            if term.phrase() && term.kept().is_some() {
                if u64::from(term.stat.count) >= t {
                    *used = true;
                } else {
                    forget(term.span(), term.slot as usize);
                    term.slot = RETIRED;
                    self.kept[PHRASES] -= 1;
                }
            }
        }
        let terms = &self.terms;
        for (slot, g) in self.stats.iter_mut().enumerate() {
            g[PHRASES].map().retain(|&id, s| {
                let keep = u64::from(s.count) >= t;
                if keep {
                    used[id as usize] = true;
                } else {
                    forget(terms[id as usize].span(), slot);
                }
                keep
            });
        }
        self.index.retain(|id| used[*id as usize]);
        self.free.clear();
        let mut live = 0usize;
        for (id, (term, &u)) in self.terms.iter_mut().zip(&used).enumerate() {
            if u {
                live += term.span().len();
            } else {
                *term = Interned::new(0, "", false);
                self.free.push(id as u32);
            }
        }
        // Lowest numbers are taken first.
        self.free.reverse();
        // The keys of dropped terms stay in the arena until they fill a third of it; then the
        // keys still used move to a fresh one, with a quarter more room.
        if self.arena.len() > live + live / 2 {
            let mut arena = String::with_capacity(live + live / 4);
            for (term, _) in self.terms.iter_mut().zip(&used).filter(|(_, &u)| u) {
                let start = arena.len();
                arena.push_str(&self.arena[term.span()]);
                term.start = start;
            }
            self.arena = arena;
        }
    }

    /// Renumbers the terms in use from 0, with a fresh index, arena and maps of the size they
    /// need.
    fn compact(&mut self) {
        let old = std::mem::take(self);
        let mut used: Vec<bool> = old.terms.iter().map(|t| t.kept().is_some()).collect();
        for g in &old.stats {
            for (id, _) in g.iter().flat_map(Counts::iter) {
                used[id as usize] = true;
            }
        }
        // The final sizes are known: reserve them, rather than grow a quarter at a time.
        let (mut terms, mut bytes) = (0, 0);
        for (t, _) in old.terms.iter().zip(&used).filter(|(_, &u)| u) {
            terms += 1;
            bytes += t.span().len();
        }
        self.terms.reserve_exact(terms);
        self.arena.reserve_exact(bytes);
        self.index = HashTable::with_capacity(terms);
        let mut renumber = vec![u32::MAX; old.terms.len()];
        for (id, &u) in used.iter().enumerate() {
            if u {
                let key = old.key(id as u32);
                let new = self.intern(key_hash(key), key, old.terms[id].phrase());
                let (was, now) = (&old.terms[id], &mut self.terms[new as usize]);
                (now.slot, now.stat) = (was.slot, was.stat);
                renumber[id] = new;
            }
        }
        self.kept = old.kept;
        self.stats = old
            .stats
            .into_iter()
            .map(|g| g.map(|counts| counts.sorted(&renumber)))
            .collect();
    }

    fn entries(&self) -> usize {
        self.kept[0]
            + self.kept[PHRASES]
            + self.stats.iter().flatten().map(Counts::len).sum::<usize>()
    }

    fn phrase_entries(&self) -> usize {
        self.kept[PHRASES] + self.stats.iter().map(|g| g[PHRASES].len()).sum::<usize>()
    }

    /// A group's counts of a term.
    fn stat(&self, slot: usize, id: u32) -> Option<&Packed> {
        let term = self.terms.get(id as usize)?;
        term.stat_of(slot)
            .or_else(|| self.stats.get(slot)?[term.kind()].get(id))
    }

    /// Lists the terms that keep a group's counts with their key by group, for
    /// [`Shard::group`]; any later change to the shard drops the list.
    fn index_groups(&mut self) {
        let slot = |t: &Interned| t.kept().map(|_| t.slot as usize);
        let slots = self
            .terms
            .iter()
            .filter_map(slot)
            .max()
            .map_or(0, |s| s + 1);
        let mut starts = vec![0usize; slots + 1];
        for s in self.terms.iter().filter_map(slot) {
            starts[s + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut ids = vec![0u32; starts[slots]];
        for (id, s) in self.terms.iter().enumerate() {
            if let Some(s) = slot(s) {
                ids[next[s]] = id as u32;
                next[s] += 1;
            }
        }
        self.by_group = Some(KeptByGroup { starts, ids });
    }

    /// The terms a group uses, with its counts, in no particular order. (Those kept with
    /// their key come from the list by group when there is one, else from a scan of every
    /// term; both give them in the same order.)
    fn group(&self, slot: usize) -> impl Iterator<Item = (u32, &Packed)> {
        let (listed, scan) = match &self.by_group {
            Some(by) => (by.of(slot), &self.terms[..0]),
            None => (&[][..], &self.terms[..]),
        };
        let listed = listed.iter().map(|&id| (id, &self.terms[id as usize].stat));
        let scanned = scan
            .iter()
            .enumerate()
            .filter_map(move |(id, t)| Some((id as u32, t.stat_of(slot)?)));
        let maps = self.stats.get(slot).into_iter().flatten();
        listed.chain(scanned).chain(maps.flat_map(Counts::iter))
    }

    /// Every (group, term) entry's counts.
    fn all_stats(&self) -> impl Iterator<Item = (u32, &Packed)> {
        let kept = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(id, t)| Some((id as u32, t.kept()?)));
        let maps = self.stats.iter().flatten();
        kept.chain(maps.flat_map(Counts::iter))
    }
}

/// Terms pooled per group: the input of `terms.csv` and of keyness.
///
/// Keys are stored once per table (not per group), split by hash into shards that a batch of
/// documents folds into in parallel. The result does not depend on thread timing: counts and
/// document frequencies add up, and first occurrences take the minimum.
#[derive(Debug, Clone)]
pub struct TermTable {
    stemmed: bool,
    /// The longest phrase counted, in words.
    max_n: usize,
    /// Group name to totals, sorted by name.
    groups: BTreeMap<String, GroupTerms>,
    shards: Vec<Shard>,
    surfaces: FxHashMap<Box<str>, FxHashMap<Box<str>, u64>>,
}

impl TermTable {
    /// An empty table for terms counted with `opts`.
    pub fn new(opts: &TermOptions) -> Self {
        TermTable {
            stemmed: opts.stem,
            max_n: opts.max_n,
            groups: BTreeMap::new(),
            shards: vec![Shard::default(); SHARDS],
            surfaces: FxHashMap::default(),
        }
    }

    /// Adds one document (its ordinal among analysed documents, for tracing) to a group.
    pub fn add(&mut self, group: &str, doc_ordinal: u32, doc: DocTerms) {
        self.add_batch(vec![(group, doc_ordinal, doc)]);
    }

    /// Adds documents, each with its group and ordinal, folding the shards in parallel.
    pub fn add_batch(&mut self, docs: Vec<(&str, u32, DocTerms)>) {
        let mut items: Vec<(usize, u32, DocTerms)> = Vec::with_capacity(docs.len());
        for (group, ordinal, doc) in docs {
            let next = self.groups.len();
            let g = match self.groups.get_mut(group) {
                Some(g) => g,
                None => self.groups.entry(group.to_string()).or_insert(GroupTerms {
                    slot: next,
                    ..GroupTerms::default()
                }),
            };
            g.docs += 1;
            g.tokens += doc.tokens;
            items.push((g.slot, ordinal, doc));
        }
        self.shards
            .par_iter_mut()
            .enumerate()
            .for_each(|(s, shard)| {
                for (slot, ordinal, doc) in &items {
                    shard.add(*slot, *ordinal, doc, doc.shard(s));
                }
            });
        for (_, _, doc) in items {
            for (key, forms) in doc.surfaces {
                let pooled = self.surfaces.entry(key).or_default();
                for (form, c) in forms {
                    *pooled.entry(form).or_default() += u64::from(c);
                }
            }
        }
    }

    /// The groups, in sorted order.
    pub fn groups(&self) -> impl Iterator<Item = (&str, &GroupTerms)> {
        self.groups.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// One group.
    pub fn group(&self, name: &str) -> Option<&GroupTerms> {
        self.groups.get(name)
    }

    /// A term's counts in a group, by group name and key.
    pub fn term(&self, group: &str, key: &str) -> Option<TermStat> {
        let group = self.groups.get(group)?;
        let hash = key_hash(key);
        let shard = shard_of(hash);
        let id = self.shards[shard].find(hash, key)?;
        self.stat(
            group,
            TermId {
                shard: shard as u16,
                id,
            },
        )
    }

    /// A term's counts in a group.
    pub fn stat(&self, group: &GroupTerms, term: TermId) -> Option<TermStat> {
        self.shards[usize::from(term.shard)]
            .stat(group.slot, term.id)
            .map(|p| p.unpack())
    }

    /// The terms a group uses and their counts, in no particular order.
    pub fn terms<'a>(
        &'a self,
        group: &GroupTerms,
    ) -> impl Iterator<Item = (&'a str, TermStat)> + 'a {
        self.group_terms(group).map(|(id, s)| (self.key(id), s))
    }

    /// The terms a group uses, by id, and their counts, in no particular order.
    pub fn group_terms<'a>(
        &'a self,
        group: &GroupTerms,
    ) -> impl Iterator<Item = (TermId, TermStat)> + 'a {
        let slot = group.slot;
        self.shards.iter().enumerate().flat_map(move |(s, sh)| {
            sh.group(slot).map(move |(id, st)| {
                let term = TermId {
                    shard: s as u16,
                    id,
                };
                (term, st.unpack())
            })
        })
    }

    /// Numbers for the terms of the table, dense from 0, for arrays indexed by term.
    pub fn numbers(&self) -> TermNumbers {
        let mut offsets = Vec::with_capacity(self.shards.len());
        let mut len = 0;
        for sh in &self.shards {
            offsets.push(len);
            len += sh.terms.len();
        }
        TermNumbers { offsets, len }
    }

    /// Whether terms were stemmed.
    pub fn stemmed(&self) -> bool {
        self.stemmed
    }

    /// The longest phrase counted, in words.
    pub fn max_words(&self) -> usize {
        self.max_n
    }

    /// How a term is shown: its key, or with stemming its most frequent surface form (ties go
    /// to the form that sorts first).
    pub fn display<'a>(&'a self, key: &'a str) -> &'a str {
        self.surfaces
            .get(key)
            .and_then(|forms| {
                forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(form, _)| &**form)
            })
            .unwrap_or(key)
    }

    /// (Group, term) entries held: what the table's memory grows with.
    pub fn entries(&self) -> usize {
        self.shards.iter().map(Shard::entries).sum()
    }

    /// (Group, phrase) entries held: what [`TermTable::prune`] bounds.
    pub fn phrase_entries(&self) -> usize {
        self.shards.iter().map(Shard::phrase_entries).sum()
    }

    /// Keeps the phrases (terms of two or three words) under `max_phrases` (group, phrase)
    /// entries when the vocabulary explodes. Once there are more, the phrases seen fewer than
    /// `t` times in their group are dropped, with `t` the smallest threshold that leaves at
    /// most half the cap, so that prunes stay rare. Single words are never dropped: they grow
    /// with the vocabulary, not with the corpus.
    ///
    /// A phrase dropped and seen again later starts counting afresh, so a phrase that survives
    /// may be undercounted by at most the sum of `t − 1` over all prunes ([`Pruning`] keeps
    /// the thresholds and that bound), and its first occurrence is the first after its last
    /// drop: still a real place where it occurs. This is the rule of word2vec's and gensim's
    /// phrase counters, with the threshold chosen from the counts instead of raised by one
    /// each time.
    pub fn prune(&mut self, max_phrases: usize, pruning: &mut Pruning) {
        pruning.turnovers = self
            .shards
            .iter()
            .filter_map(|sh| Some(sh.sighted.as_ref()?.turnovers))
            .max()
            .unwrap_or(0);
        if self.phrase_entries() <= max_phrases {
            return;
        }
        let bytes = max_phrases.saturating_mul(SIGHTED_BYTES_PER_PHRASE) / SHARDS;
        for sh in &mut self.shards {
            sh.sighted.get_or_insert_with(|| Sighted::new(bytes));
        }
        // Entries by count: keep counts ≥ t while at most half the cap remain.
        const TOP: usize = 1 << 16;
        // (One histogram for every shard: this runs when the table is at its biggest.)
        let mut hist = vec![0usize; TOP + 1];
        for sh in &self.shards {
            sh.add_phrase_counts(&mut hist);
        }
        let target = max_phrases / 2;
        let mut kept = 0usize;
        let mut t = TOP + 1;
        // Walk down from the highest counts while the entries kept stay within the target.
        while t > 2 && kept + hist[t - 1] <= target {
            kept += hist[t - 1];
            t -= 1;
        }
        let t = t as u64;
        self.shards.par_iter_mut().for_each(|sh| sh.prune(t));
        pruning.thresholds.push(t);
        let shards = &self.shards;
        self.surfaces.retain(|k, _| {
            !k.contains(' ') || {
                let hash = key_hash(k);
                shards[shard_of(hash)].find(hash, k).is_some()
            }
        });
    }

    /// Gives back the room kept for growth, and lists each group's terms for reading: call
    /// once every document is added. (Pruning keeps each map's capacity and the numbers of
    /// dropped terms, so that the phrases after a prune do not grow them again.) It also
    /// forgets the phrases seen once since a prune (16 bytes per entry of the cap): in a table
    /// that changes after it, a phrase new to a group counts from its first sighting there.
    pub fn shrink_to_fit(&mut self) {
        self.shards.par_iter_mut().for_each(|s| {
            s.compact();
            s.index_groups();
        });
    }

    /// A term's key.
    pub fn key(&self, term: TermId) -> &str {
        self.shards[usize::from(term.shard)].key(term.id)
    }

    /// Pooled counts over all groups of the terms seen at least `min_count` times, in shard
    /// order (keys with [`TermTable::key`]).
    pub fn pooled(&self, min_count: u64) -> Vec<Pooled> {
        let mut all: Vec<Pooled> = Vec::new();
        for (s, sh) in self.shards.iter().enumerate() {
            let mut sums: Vec<(u64, u32)> = vec![(0, 0); sh.terms.len()];
            for (id, st) in sh.all_stats() {
                let e = &mut sums[id as usize];
                e.0 += u64::from(st.count);
                e.1 += st.doc_freq;
            }
            for (id, (count, docs)) in sums.into_iter().enumerate() {
                if docs > 0 && count >= min_count {
                    all.push(Pooled {
                        term: TermId {
                            shard: s as u16,
                            id: id as u32,
                        },
                        count,
                        docs,
                    });
                }
            }
        }
        all
    }

    /// The rows of `terms.csv`: every (group, term) seen at least `min_count` times in the
    /// group, sorted by group, then count (descending), then term.
    pub fn rows(&self, min_count: u64) -> Vec<TermRow<'_>> {
        self.groups
            .keys()
            .flat_map(|group| self.group_rows(group, min_count))
            .collect()
    }

    /// The rows of one group (none for a group not in the table), sorted by count
    /// (descending), then term.
    pub fn group_rows<'a>(&'a self, group: &str, min_count: u64) -> Vec<TermRow<'a>> {
        let mut rows = Vec::new();
        self.group_rows_into(group, min_count, &mut rows);
        rows
    }

    /// [`TermTable::group_rows`] into `rows`, which it clears first: a writer that goes
    /// through every group keeps one buffer, instead of growing a new one (and touching fresh
    /// pages of memory) for each group.
    pub fn group_rows_into<'a>(&'a self, group: &str, min_count: u64, rows: &mut Vec<TermRow<'a>>) {
        rows.clear();
        let Some((group, g)) = self.groups.get_key_value(group) else {
            return;
        };
        // Most of a group's entries are rare phrases below `min_count`: they are passed over
        // before their keys are looked up.
        for (id, s) in self.group_terms(g) {
            if s.count < min_count.max(1) {
                continue;
            }
            let key = self.key(id);
            rows.push(TermRow {
                group,
                key,
                term: self.display(key),
                n: key.split(' ').count(),
                stat: s,
                per_1k: per_1k(s.count, g.tokens),
                docs: g.docs,
                tokens: g.tokens,
            });
        }
        // A group's keys are distinct, so the order is total and an unstable sort exact.
        rows.sort_unstable_by(|a, b| {
            b.stat
                .count
                .cmp(&a.stat.count)
                .then_with(|| a.term.cmp(b.term))
                .then_with(|| a.key.cmp(b.key))
        });
    }
}

/// A term's counts over all groups.
#[derive(Debug, Clone, Copy)]
pub struct Pooled {
    /// Where its per-group counts are ([`TermTable::stat`]).
    pub term: TermId,
    /// Occurrences over all groups.
    pub count: u64,
    /// Documents it occurs in, over all groups.
    pub docs: u32,
}

/// One row of `terms.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct TermRow<'a> {
    /// Group name.
    pub group: &'a str,
    /// Counting key (normalised words, or stems, joined by spaces).
    pub key: &'a str,
    /// How the term is shown.
    pub term: &'a str,
    /// Words in the term.
    pub n: usize,
    /// Counts in the group.
    pub stat: TermStat,
    /// Occurrences per 1,000 tokens of the group.
    pub per_1k: f64,
    /// Documents in the group.
    pub docs: u32,
    /// Tokens in the group.
    pub tokens: u64,
}

/// Occurrences per 1,000 tokens (0 when there are no tokens).
pub fn per_1k(count: u64, tokens: u64) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        count as f64 * 1000.0 / tokens as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slant_corpus::segment::segment;

    fn terms(text: &str, opts: &TermOptions) -> Vec<(String, u32)> {
        let doc = count_terms(text, &segment(text), opts);
        let mut v: Vec<(String, u32)> = doc.iter().map(|(k, t)| (k.to_string(), t.count)).collect();
        v.sort();
        v
    }

    #[test]
    fn a_document_counted_after_another_on_its_thread_counts_as_alone() {
        let opts = TermOptions::default();
        let (long, short) = (
            "Russia said the plane was hit. Azerbaijan said the plane was shot. ".repeat(50),
            "The plane landed in Aktau. The plane was hit.",
        );
        let alone = std::thread::spawn(move || terms(short, &TermOptions::default()))
            .join()
            .unwrap();
        let _ = terms(&long, &opts);
        let after = terms(short, &opts);
        assert_eq!(after, alone);
        // Each document's entries are kept in a list of their own exact length.
        let doc = count_terms(short, &segment(short), &opts);
        assert_eq!(doc.entries.capacity(), doc.entries.len());
    }

    #[test]
    fn a_shards_keys_and_records_hold_at_most_a_quarter_more_than_they_use() {
        let mut shard = Shard::default();
        for i in 0..100_000u32 {
            let key = format!("term number {i}");
            shard.intern(key_hash(&key), &key, key.contains(' '));
            let (terms, arena) = (&shard.terms, &shard.arena);
            assert!(
                terms.capacity() <= terms.len() + terms.len() / 4 + 64,
                "{i}"
            );
            assert!(
                arena.capacity() <= arena.len() + arena.len() / 4 + 64,
                "{i}"
            );
        }
        assert_eq!(shard.key(77_777), "term number 77777");
    }

    fn keys(text: &str) -> Vec<String> {
        terms(text, &TermOptions::default())
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn pruning_drops_rare_phrases_first_and_never_single_words() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let docs = [
            "missile strike hit the airport",
            "missile strike hit the border",
            "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike",
        ];
        for (i, text) in docs.iter().enumerate() {
            t.add("A", i as u32, count_terms(text, &segment(text), &opts));
        }
        let mut pruning = Pruning::default();
        let a = t.group("A").unwrap();
        let words = t.terms(a).filter(|(k, _)| !k.contains(' ')).count();
        assert_eq!(words, 5 + 13);
        // 3 phrases seen twice, 2 + 12 + 11 seen once: 28 phrase entries.
        assert_eq!(t.phrase_entries(), 28);
        t.prune(28, &mut pruning);
        assert!(
            pruning.thresholds.is_empty(),
            "under the cap: nothing to do"
        );
        // Over a cap of 27, the phrases are pruned to at most half of it: dropping those seen
        // once is enough.
        t.prune(27, &mut pruning);
        assert_eq!(pruning.thresholds, [2]);
        // One below the threshold, and the first sighting of a phrase new to a group after it.
        assert_eq!(pruning.undercount_bound(), 2);
        // Phrases seen twice stay, with their counts; phrases seen once go; every word stays.
        assert_eq!(t.term("A", "missile strike").map(|s| s.count), Some(2));
        assert!(t.term("A", "alpha bravo").is_none());
        assert_eq!(t.term("A", "alpha").map(|s| s.count), Some(1));
        assert_eq!((t.entries(), t.phrase_entries()), (words + 3, 3));
        // A cap of one phrase keeps none: the threshold rises just past the counts there are.
        t.prune(1, &mut pruning);
        assert_eq!(pruning.thresholds, [2, 3]);
        assert_eq!((t.entries(), t.phrase_entries()), (words, 0));
    }

    /// However often the table is pruned, a phrase count never exceeds the true count and
    /// falls short of it by at most the bound `run.json` reports; its first occurrence is a
    /// real one; single words stay exact.
    #[test]
    fn pruned_counts_stay_within_the_reported_bound() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let mut pruning = Pruning::default();
        // 400 documents in 3 groups, each a few sentences of words drawn from a skewed
        // vocabulary, so that some phrases repeat and most do not.
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        // (group, phrase) → count, documents, (document, first sentence) of each.
        type Truth = BTreeMap<(String, String), (u64, u32, Vec<(u32, u32)>)>;
        let mut truth = Truth::new();
        let mut words: BTreeMap<(String, String), u64> = BTreeMap::new();
        for d in 0..400u32 {
            let group = ["A", "B", "C"][next(3) as usize];
            let text: String = (0..4)
                .map(|_| {
                    let w: Vec<String> = (0..6)
                        .map(|_| {
                            let range = 1 + next(300);
                            format!("w{}", next(range))
                        })
                        .collect();
                    w.join(" ") + ". "
                })
                .collect();
            let doc = count_terms(&text, &segment(&text), &opts);
            for (k, dt) in doc.iter() {
                let key = (group.to_string(), k.to_string());
                if k.contains(' ') {
                    let e = truth.entry(key).or_default();
                    e.0 += u64::from(dt.count);
                    e.1 += 1;
                    e.2.push((d, dt.first_sentence));
                } else {
                    *words.entry(key).or_default() += u64::from(dt.count);
                }
            }
            t.add(group, d, doc);
            t.prune(300, &mut pruning);
        }
        assert!(
            pruning.thresholds.len() >= 2 && pruning.turnovers >= 2,
            "{pruning:?}"
        );
        let bound = pruning.undercount_bound();
        let mut listed = 0;
        for ((g, k), (count, docs, seen)) in &truth {
            let Some(s) = t.term(g, k) else {
                assert!(*count <= bound, "{g} {k}: {count} missing");
                continue;
            };
            listed += 1;
            assert!(s.count <= *count && *count <= s.count + bound, "{g} {k}");
            assert!(s.doc_freq <= *docs && u64::from(*docs) <= u64::from(s.doc_freq) + bound);
            assert!(seen.contains(&(s.first.doc, s.first.sentence)), "{g} {k}");
        }
        assert!(listed > 0 && t.phrase_entries() <= 300);
        for ((g, k), count) in &words {
            assert_eq!(t.term(g, k).map(|s| s.count), Some(*count), "{g} {k}");
        }
    }

    /// A sighting is remembered through the next generation and forgotten with the one after
    /// it; a pair is seen only by the group that sighted it.
    #[test]
    fn sightings_last_one_generation_more() {
        let mut s = Sighted::new(1024);
        let key = key_hash("the state duma");
        assert!(!s.seen_or_record(key, 3));
        assert!(s.seen_or_record(key, 3));
        assert!(!s.seen_or_record(key, 4));
        // Other sightings, until the current generation is full.
        let mut others = (0..).map(|i: u64| key_hash(&format!("phrase {i}")));
        while s.turnovers < 1 {
            s.record(others.next().unwrap_or_default(), 0);
        }
        assert!(s.seen_or_record(key, 3), "forgotten after one turnover");
        // A sighting in the second generation outlives the first.
        let later = key_hash("the kremlin said");
        assert!(!s.seen_or_record(later, 3));
        while s.turnovers < 2 {
            s.record(others.next().unwrap_or_default(), 0);
        }
        assert!(!s.seen_or_record(key, 3), "remembered after two turnovers");
        assert!(s.seen_or_record(later, 3), "forgotten after one turnover");
    }

    /// Terms added after a prune take the numbers the dropped ones freed; every count must stay
    /// with its own key, before and after the table is compacted.
    #[test]
    fn terms_added_after_a_prune_keep_their_own_counts() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let first = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
        let kept = "missile strike hit the airport. missile strike again";
        t.add("A", 0, count_terms(first, &segment(first), &opts));
        t.add("B", 1, count_terms(kept, &segment(kept), &opts));
        let mut pruning = Pruning::default();
        t.prune(4, &mut pruning);
        assert_eq!(pruning.thresholds, [2]);
        assert!(t.term("A", "alpha bravo").is_none());
        // New phrases, some in both groups, some repeating a dropped one.
        let later = [
            ("A", "kilo lima mike november oscar papa. alpha bravo"),
            ("B", "kilo lima mike. missile strike hit"),
            ("A", "kilo lima quebec romeo sierra"),
        ];
        for (i, (g, text)) in later.iter().enumerate() {
            t.add(g, 2 + i as u32, count_terms(text, &segment(text), &opts));
        }
        let check = |t: &TermTable| {
            let count = |g: &str, k: &str| t.term(g, k).map(|s| s.count);
            // After a prune, a phrase new to a group counts from its second sighting there.
            let kl = t.term("A", "kilo lima").unwrap();
            assert_eq!((kl.count, kl.doc_freq, kl.first.doc), (1, 1, 4));
            assert_eq!(count("B", "kilo lima"), None);
            assert_eq!(count("A", "kilo lima mike"), None);
            assert_eq!(count("A", "romeo sierra"), None);
            // Dropped, then seen again: counts afresh, first seen in its new document.
            let ab = t.term("A", "alpha bravo").unwrap();
            assert_eq!((ab.count, ab.first.doc), (1, 2));
            assert_eq!(count("B", "missile strike"), Some(3));
            assert_eq!(count("B", "missile strike hit"), Some(1));
            assert_eq!(count("B", "strike hit"), Some(1));
            assert_eq!(count("A", "alpha"), Some(2));
            assert_eq!(count("A", "missile strike"), None);
            // Every key a group lists is found again by its key, with the same counts.
            for (g, gt) in t.groups() {
                for (k, s) in t.terms(gt) {
                    assert_eq!(t.term(g, k), Some(s), "{g} {k}");
                }
            }
        };
        check(&t);
        let entries = (t.entries(), t.phrase_entries());
        t.shrink_to_fit();
        check(&t);
        assert_eq!((t.entries(), t.phrase_entries()), entries);
    }

    /// The first group to count a term keeps its counts next to the key, the others in their
    /// maps. When a prune drops the first group's counts, the others must keep theirs, and a
    /// group counting the term again must add to what it has, not start a second count.
    #[test]
    fn a_prune_of_the_first_groups_counts_leaves_the_other_groups_whole() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let docs = [
            ("A", "missile strike"),
            ("B", "missile strike. missile strike. missile strike"),
            ("A", "alpha bravo charlie delta echo foxtrot"),
        ];
        for (i, (g, text)) in docs.iter().enumerate() {
            t.add(g, i as u32, count_terms(text, &segment(text), &opts));
        }
        let mut pruning = Pruning::default();
        t.prune(4, &mut pruning);
        assert_eq!(pruning.thresholds, [2]);
        assert!(t.term("A", "missile strike").is_none());
        assert_eq!(t.term("B", "missile strike").map(|s| s.count), Some(3));
        for (i, (g, text)) in [("B", "missile strike"), ("A", "missile strike")]
            .iter()
            .enumerate()
        {
            t.add(g, 3 + i as u32, count_terms(text, &segment(text), &opts));
        }
        let check = |t: &TermTable| {
            let b = t.term("B", "missile strike").unwrap();
            assert_eq!((b.count, b.doc_freq, b.first.doc), (4, 2, 1));
            let a = t.term("A", "missile strike").unwrap();
            assert_eq!((a.count, a.doc_freq, a.first.doc), (1, 1, 4));
            for (_, g) in t.groups() {
                let mut keys: Vec<&str> = t.terms(g).map(|(k, _)| k).collect();
                let n = keys.len();
                keys.sort_unstable();
                keys.dedup();
                assert_eq!(keys.len(), n, "a group lists a term twice");
            }
            assert_eq!(t.phrase_entries(), 2);
        };
        check(&t);
        t.shrink_to_fit();
        check(&t);
    }

    /// Once the table is complete, a group's terms come from a list by group instead of a
    /// scan of every term: the same terms and counts, and a later change is seen.
    #[test]
    fn a_groups_terms_are_the_same_listed_by_group_or_scanned() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let texts = [
            "The missile strike hit the plane near Grozny.",
            "Officials said the plane was hit by a missile.",
            "Baku demanded an apology for the strike.",
            "The Kremlin said air defence was active near Grozny.",
        ];
        let fill = |t: &mut TermTable| {
            for i in 0..24u32 {
                let text = texts[i as usize % texts.len()];
                let group = ["A", "B", "C", "D", "E"][(i as usize * 7) % 5];
                t.add(group, i, count_terms(text, &segment(text), &opts));
            }
        };
        fill(&mut t);
        // Per group: its terms with count, documents and first document, sorted.
        type Listing = Vec<(String, u64, u32, u32)>;
        let all = |t: &TermTable| -> Vec<(String, Listing)> {
            t.groups()
                .map(|(name, g)| {
                    let mut terms: Vec<_> = t
                        .terms(g)
                        .map(|(k, s)| (k.to_string(), s.count, s.doc_freq, s.first.doc))
                        .collect();
                    terms.sort();
                    let by_id = t.group_terms(g).count();
                    assert_eq!(by_id, terms.len(), "{name}");
                    (name.to_string(), terms)
                })
                .collect()
        };
        let scanned = all(&t);
        assert!(scanned.iter().all(|(_, terms)| !terms.is_empty()));
        t.shrink_to_fit();
        assert!(t.shards.iter().all(|s| s.by_group.is_some()));
        assert_eq!(all(&t), scanned);
        let text = "A new ceasefire came from Moscow.";
        t.add("B", 24, count_terms(text, &segment(text), &opts));
        let b = t.group("B").unwrap();
        assert!(t.terms(b).any(|(k, _)| k == "ceasefire came"));
        assert_eq!(t.term("B", "ceasefire").map(|s| s.count), Some(1));
        // The counts from before the change stay, as in a table never compacted, also where
        // the change adds to them (words other groups counted first).
        let again = texts[0];
        t.add("B", 25, count_terms(again, &segment(again), &opts));
        let mut fresh = TermTable::new(&opts);
        fill(&mut fresh);
        fresh.add("B", 24, count_terms(text, &segment(text), &opts));
        fresh.add("B", 25, count_terms(again, &segment(again), &opts));
        assert_eq!(all(&t), all(&fresh));
        t.shrink_to_fit();
        fresh.shrink_to_fit();
        assert_eq!(all(&t), all(&fresh));
        for (g, _) in t.groups() {
            for key in ["missile", "the plane", "grozny", "ceasefire came"] {
                assert_eq!(t.term(g, key), fresh.term(g, key), "{g} {key}");
            }
        }
    }

    /// A compacted table holds each group's counts in sorted lists: every term of a group
    /// whose counts are not kept with the key is found there, and a prune after the
    /// compaction counts those lists' phrases in its threshold.
    #[test]
    fn a_compacted_table_finds_every_count_and_prunes_by_all_of_them() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let name = |i: usize| -> String {
            let letters = [b'a' + (i % 26) as u8, b'a' + (i / 26 % 26) as u8];
            String::from_utf8(letters.to_vec()).unwrap_or_default()
        };
        let text: String = (0..60)
            .map(|i| format!("zeta{0} omega{0}. ", name(i)))
            .collect();
        // B counts every phrase once, first, so its counts stay with the keys; A twice, in
        // its maps.
        for (i, g) in ["B", "A", "A"].iter().enumerate() {
            t.add(g, i as u32, count_terms(&text, &segment(&text), &opts));
        }
        t.shrink_to_fit();
        for i in 0..60 {
            let phrase = format!("zeta{0} omega{0}", name(i));
            assert_eq!(t.term("A", &phrase).map(|s| s.count), Some(2), "{phrase}");
            assert_eq!(t.term("B", &phrase).map(|s| s.count), Some(1), "{phrase}");
            let word = format!("omega{}", name(i));
            assert_eq!(t.term("A", &word).map(|s| s.count), Some(2), "{word}");
        }
        assert_eq!(t.phrase_entries(), 120);
        // At most half of a cap of 100 stay: the 60 phrases counted twice go too.
        let mut pruning = Pruning::default();
        t.prune(100, &mut pruning);
        assert_eq!(pruning.thresholds, [3]);
        assert_eq!(t.phrase_entries(), 0);
        assert_eq!(t.term("A", "omegaaa").map(|s| s.count), Some(2));
    }

    /// Compacting forgets the phrases seen once after a prune: a phrase new to a group after
    /// it ("bravo zulu", "alpha bravo zulu") counts from its first sighting, not its second,
    /// and every other count is what a table never compacted gives.
    #[test]
    fn a_compacted_table_counts_new_phrases_from_their_first_sighting() {
        let opts = TermOptions::default();
        let first = [
            "missile strike hit the airport",
            "alpha bravo charlie delta echo foxtrot",
            "kilo lima mike november",
        ];
        let later = ["kilo lima mike", "alpha bravo zulu", "missile strike"];
        let add = |t: &mut TermTable, texts: &[&str], from: u32| {
            for (i, text) in texts.iter().enumerate() {
                let group = ["A", "B"][i % 2];
                t.add(
                    group,
                    from + i as u32,
                    count_terms(text, &segment(text), &opts),
                );
            }
        };
        let (mut once, mut never) = (TermTable::new(&opts), TermTable::new(&opts));
        for t in [&mut once, &mut never] {
            add(t, &first, 0);
            let mut pruning = Pruning::default();
            t.prune(4, &mut pruning);
            assert_eq!(pruning.thresholds, [2]);
        }
        once.shrink_to_fit();
        for t in [&mut once, &mut never] {
            add(t, &later, 3);
            t.shrink_to_fit();
        }
        type Listing = Vec<(String, u64, u32, u32)>;
        let listing = |t: &TermTable| -> Vec<Listing> {
            t.groups()
                .map(|(_, g)| {
                    let mut l: Listing = t
                        .terms(g)
                        .map(|(k, s)| (k.to_string(), s.count, s.doc_freq, s.first.doc))
                        .filter(|(k, ..)| !(k.contains("zulu") && k.contains(' ')))
                        .collect();
                    l.sort();
                    l
                })
                .collect()
        };
        assert_eq!(listing(&once), listing(&never));
        assert_eq!(never.term("B", "bravo zulu"), None);
        assert_eq!(once.term("B", "bravo zulu").map(|s| s.count), Some(1));
        assert_eq!(once.term("B", "alpha bravo zulu").map(|s| s.count), Some(1));
    }

    #[test]
    fn phrases_neither_start_nor_end_with_a_stop_word() {
        assert_eq!(
            keys("The State Duma met."),
            [
                "duma",
                "met",
                "state",
                "state duma",
                "state duma met",
                "duma met"
            ]
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
        );
        let k = keys("the Ministry of Defence");
        assert!(k.contains(&"ministry of defence".to_string()), "{k:?}");
        assert!(!k.contains(&"ministry of".to_string()), "{k:?}");
        assert!(!k.contains(&"of defence".to_string()), "{k:?}");
        assert!(!k.contains(&"the ministry".to_string()), "{k:?}");
    }

    #[test]
    fn phrases_stop_at_punctuation_and_sentence_ends() {
        let k = keys("Baku, Moscow. Grozny airport");
        assert!(!k.contains(&"baku moscow".to_string()), "{k:?}");
        assert!(k.contains(&"grozny airport".to_string()), "{k:?}");
        let k = keys("He left Moscow. Officials met.");
        assert!(!k.contains(&"moscow officials".to_string()), "{k:?}");
        let k = keys("the “passenger plane” crashed");
        assert!(k.contains(&"passenger plane".to_string()), "{k:?}");
        assert!(!k.contains(&"plane crashed".to_string()), "{k:?}");
    }

    #[test]
    fn counts_normalise_case_and_possessives() {
        let t = terms(
            "Russia’s plane. RUSSIA and russia.",
            &TermOptions::default(),
        );
        assert!(t.contains(&("russia".to_string(), 3)), "{t:?}");
    }

    #[test]
    fn unigrams_only_and_stop_words_kept() {
        let opts = TermOptions {
            max_n: 1,
            keep_stopwords: true,
            stem: false,
        };
        assert_eq!(
            terms("the plane the", &opts),
            [("plane".to_string(), 1), ("the".to_string(), 2)]
        );
    }

    #[test]
    fn a_documents_language_adds_its_function_words_to_the_stop_words() {
        let text = "Die Polizei hat den Mann in der Stadt festgenommen.";
        let seg = segment(text);
        let forms = TokenForms::new(text, &seg);
        let counted = |language| {
            let doc = count_terms_in(text, &seg, &forms, &TermOptions::default(), language);
            let mut keys: Vec<String> = doc.iter().map(|(k, _)| k.to_string()).collect();
            keys.sort();
            keys
        };
        let german = counted(FunctionWords::of_tag("de"));
        assert_eq!(
            german,
            [
                "festgenommen",
                "mann",
                "polizei",
                "stadt",
                "stadt festgenommen"
            ]
            .map(String::from)
        );
        // As English, "die", "hat", "den" and "der" are words, and phrases start with them.
        let english = counted(None);
        assert!(english.contains(&"die polizei".to_string()));
        assert!(english.contains(&"der".to_string()));
        let of = terms(text, &TermOptions::default());
        assert_eq!(english, of.into_iter().map(|(k, _)| k).collect::<Vec<_>>());
    }

    #[test]
    fn an_elided_article_is_no_part_of_a_term() {
        let text = "L’armée a dit s’il partait. Une armée. L'armée russe et l'avion de l'armée, d'Azerbaïdjan.";
        let seg = segment(text);
        let forms = TokenForms::new(text, &seg);
        let fr = FunctionWords::of_tag("fr");
        let doc = count_terms_in(text, &seg, &forms, &TermOptions::default(), fr);
        let got: Vec<(String, u32)> = doc.iter().map(|(k, t)| (k.to_string(), t.count)).collect();
        let has = |k: &str, n: u32| got.contains(&(k.to_string(), n));
        assert!(
            has("armée", 4) && has("avion", 1) && has("azerbaïdjan", 1),
            "{got:?}"
        );
        assert!(
            has("armée russe", 1) && has("avion de l'armée", 1),
            "{got:?}"
        );
        assert!(got
            .iter()
            .all(|(k, _)| !k.starts_with("l'") && !k.starts_with("s'")));
        // "s'il" is "si" and "il", both function words.
        assert!(
            !got.iter().any(|(k, _)| k == "il" || k == "s'il"),
            "{got:?}"
        );
        // With stems, the stem is the word's, and each keeps its surface form to show.
        let stemmed = TermOptions {
            stem: true,
            ..TermOptions::default()
        };
        let mut table = TermTable::new(&stemmed);
        table.add("g", 0, count_terms_in(text, &seg, &forms, &stemmed, fr));
        let rows = table.rows(1);
        assert!(rows.iter().all(|r| !r.term.starts_with("l'")));
        assert!(rows.iter().any(|r| r.term == "armée" && r.stat.count == 4));
    }

    #[test]
    fn stemming_groups_forms_and_shows_the_most_frequent() {
        let opts = TermOptions {
            max_n: 1,
            keep_stopwords: false,
            stem: true,
        };
        let text = "Sanctions. New sanctions. Sanctioned firms. A sanction.";
        let mut table = TermTable::new(&opts);
        table.add("g", 0, count_terms(text, &segment(text), &opts));
        assert_eq!(table.term("g", "sanction").unwrap().count, 4);
        assert_eq!(table.display("sanction"), "sanctions");
        let rows = table.rows(1);
        assert_eq!(rows[0].term, "sanctions");
        assert_eq!(rows[0].stat.count, 4);
    }

    #[test]
    fn group_pooling_counts_documents_and_first_occurrence() {
        let opts = TermOptions::default();
        let mut table = TermTable::new(&opts);
        for (i, text) in ["No plane here. A plane.", "Plane plane."]
            .iter()
            .enumerate()
        {
            table.add("g", i as u32, count_terms(text, &segment(text), &opts));
        }
        let g = table.group("g").unwrap();
        assert_eq!((g.docs, g.tokens), (2, 7));
        let plane = table.term("g", "plane").unwrap();
        assert_eq!((plane.count, plane.doc_freq), (4, 2));
        assert_eq!(
            plane.first,
            Occurrence {
                doc: 0,
                sentence: 0
            }
        );
        let rows = table.rows(1);
        assert_eq!(rows[0].term, "plane");
        assert!((rows[0].per_1k - 4000.0 / 7.0).abs() < 1e-9);
        // Thresholds leave rare terms out.
        assert!(table.rows(2).iter().all(|r| r.stat.count >= 2));
    }
}

//! Finds lexicon entries in segmented text with one Aho–Corasick automaton.
//!
//! Each document's tokens are normalised (see [`super::normalise`]) and laid end to end: one
//! space between tokens that only white space separates in the text, a newline between all
//! others and between sentences. Entries are normalised the same way, so a phrase matches words
//! separated by spaces within a sentence and never across punctuation. Every occurrence the
//! automaton reports is kept only when it starts at a token start and ends at a token end (or,
//! for a trailing `*`, inside the last token): never inside a word. Then, for each lexicon on
//! its own, matches that overlap an exclusion in scope are dropped and the rest are taken
//! leftmost-longest: the match with the most tokens wins, an exact entry beats a wildcard over
//! the same words, and an earlier category beats a later one.

use super::{compile, Lexicon, Problem, Severity};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use slant_corpus::segment::{Segmented, Span};

/// One match of an entry in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the lexicon in the list the matcher was built from.
    pub lexicon: u16,
    /// Index of the category in its lexicon.
    pub category: u16,
    /// Index of the entry in its category.
    pub entry: u32,
    /// Bytes of the matched words in the text (whole tokens).
    pub span: Span,
    /// First and one-past-last token index.
    pub tokens: (u32, u32),
    /// Sentence of the first token.
    pub sentence: u32,
}

/// What an automaton pattern stands for.
#[derive(Debug, Clone, Copy)]
struct Target {
    lexicon: u16,
    /// Category index, or `None` for a lexicon-wide exclusion.
    category: Option<u16>,
    entry: u32,
    wildcard: bool,
    exclusion: bool,
    /// Pattern length in bytes: among matches over the same tokens, the longest is the most
    /// specific.
    len: u32,
}

/// One automaton over lexicon entries, with the targets of each pattern.
struct Automaton {
    ac: AhoCorasick,
    /// Targets of each automaton pattern (one string may be an entry of several lexicons).
    targets: Vec<Vec<Target>>,
}

/// A compiled set of lexicons.
pub struct Matcher {
    folded: Option<Automaton>,
    cased: Option<Automaton>,
    lexicons: usize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("lexicons", &self.lexicons)
            .finish()
    }
}

/// A candidate match in token coordinates.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    first: u32,
    end: u32,
    target: Target,
}

impl Matcher {
    /// Compiles lexicons. Entries that cannot match are left out and come back as errors (run
    /// `slant lexicon check` for the full list with warnings).
    pub fn new(lexicons: &[Lexicon]) -> (Matcher, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut folded: FxHashMap<String, Vec<Target>> = FxHashMap::default();
        let mut cased: FxHashMap<String, Vec<Target>> = FxHashMap::default();
        for (li, lex) in lexicons.iter().enumerate() {
            let li = u16::try_from(li).unwrap_or(u16::MAX);
            let mut add = |e: &super::Entry, category: Option<u16>, entry: u32, exclusion: bool| {
                let (p, found) = compile(e, &lex.origin);
                problems.extend(found.into_iter().filter(|p| p.severity == Severity::Error));
                let Some(p) = p else { return };
                let key = p.key();
                let t = Target {
                    lexicon: li,
                    category,
                    entry,
                    wildcard: p.wildcard,
                    exclusion,
                    len: u32::try_from(key.len()).unwrap_or(u32::MAX),
                };
                let map = if p.case_sensitive {
                    &mut cased
                } else {
                    &mut folded
                };
                map.entry(key).or_default().push(t);
            };
            for (ci, cat) in lex.categories.iter().enumerate() {
                let ci = u16::try_from(ci).unwrap_or(u16::MAX);
                for (ei, e) in cat.entries.iter().enumerate() {
                    add(e, Some(ci), u32::try_from(ei).unwrap_or(u32::MAX), false);
                }
                for e in &cat.exclude {
                    add(e, Some(ci), 0, true);
                }
            }
            for e in &lex.exclude {
                add(e, None, 0, true);
            }
        }
        let m = Matcher {
            folded: automaton(folded),
            cased: automaton(cased),
            lexicons: lexicons.len(),
        };
        (m, problems)
    }

    /// Every hit in a document, sorted by lexicon, then position.
    pub fn find(&self, text: &str, seg: &Segmented) -> Vec<Hit> {
        if self.lexicons == 0 || seg.tokens.is_empty() {
            return Vec::new();
        }
        let mut cands: Vec<Candidate> = Vec::new();
        for (auto, keep_case) in [(&self.folded, false), (&self.cased, true)] {
            if let Some(a) = auto {
                let hay = Haystack::new(text, seg, keep_case);
                hay.candidates(a, &mut cands);
            }
        }
        let mut hits = Vec::new();
        // Per lexicon: exclusions first, then leftmost-longest.
        cands.sort_by_key(|c| c.target.lexicon);
        for group in cands.chunk_by(|a, b| a.target.lexicon == b.target.lexicon) {
            let excl: Vec<&Candidate> = group.iter().filter(|c| c.target.exclusion).collect();
            let mut live: Vec<&Candidate> = group
                .iter()
                .filter(|c| !c.target.exclusion)
                .filter(|c| {
                    !excl.iter().any(|x| {
                        (x.target.category.is_none() || x.target.category == c.target.category)
                            && x.first < c.end
                            && c.first < x.end
                    })
                })
                .collect();
            live.sort_by_key(|c| {
                (
                    c.first,
                    std::cmp::Reverse(c.end),
                    c.target.wildcard,
                    std::cmp::Reverse(c.target.len),
                    c.target.category,
                    c.target.entry,
                )
            });
            let mut free = 0u32;
            for c in live {
                if c.first < free {
                    continue;
                }
                free = c.end;
                let (a, b) = (
                    &seg.tokens[c.first as usize],
                    &seg.tokens[c.end as usize - 1],
                );
                hits.push(Hit {
                    lexicon: c.target.lexicon,
                    category: c.target.category.unwrap_or(0),
                    entry: c.target.entry,
                    span: Span {
                        start: a.span.start,
                        end: b.span.end,
                    },
                    tokens: (c.first, c.end),
                    sentence: a.sentence,
                });
            }
        }
        hits
    }
}

fn automaton(map: FxHashMap<String, Vec<Target>>) -> Option<Automaton> {
    if map.is_empty() {
        return None;
    }
    let mut pairs: Vec<(String, Vec<Target>)> = map.into_iter().collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let (keys, targets): (Vec<String>, Vec<Vec<Target>>) = pairs.into_iter().unzip();
    let kind = if keys.len() <= 20_000 {
        Some(AhoCorasickKind::DFA)
    } else {
        None
    };
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        .build(&keys)
        .ok()?;
    Some(Automaton { ac, targets })
}

/// A document's normalised tokens laid end to end, with where each token starts and ends.
struct Haystack {
    text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Haystack {
    fn new(text: &str, seg: &Segmented, keep_case: bool) -> Self {
        let mut hay = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(seg.tokens.len());
        let mut ends = Vec::with_capacity(seg.tokens.len());
        for (i, t) in seg.tokens.iter().enumerate() {
            if i > 0 {
                let prev = &seg.tokens[i - 1];
                let gap = &text[prev.span.end..t.span.start];
                let joined = prev.sentence == t.sentence && gap.chars().all(char::is_whitespace);
                hay.push(if joined { ' ' } else { '\n' });
            }
            starts.push(hay.len());
            hay.push_str(&super::normalise(t.span.slice(text), keep_case));
            ends.push(hay.len());
        }
        Haystack {
            text: hay,
            starts,
            ends,
        }
    }

    fn candidates(&self, a: &Automaton, out: &mut Vec<Candidate>) {
        for m in a.ac.find_overlapping_iter(&self.text) {
            let Ok(first) = self.starts.binary_search(&m.start()) else {
                continue;
            };
            // The token the match ends in.
            let last = self.ends.partition_point(|&e| e < m.end());
            if last >= self.ends.len() || self.starts[last] >= m.end() {
                continue;
            }
            let exact_end = self.ends[last] == m.end();
            for t in &a.targets[m.pattern().as_usize()] {
                if exact_end || t.wildcard {
                    out.push(Candidate {
                        first: first as u32,
                        end: last as u32 + 1,
                        target: *t,
                    });
                }
            }
        }
    }
}

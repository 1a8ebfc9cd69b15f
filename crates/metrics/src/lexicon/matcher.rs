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

use super::{compile, normalise, Lexicon, Pattern, Problem, Severity};
use aho_corasick::{dfa, nfa, Anchored, MatchKind, StartKind};
use rustc_hash::FxHashMap;
use slant_corpus::normalize::TokenForms;
use slant_corpus::segment::{white_space_gap, Segmented, Span};

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
    /// For a case-sensitive entry, its index in [`Matcher::cased`]: the automaton finds it
    /// case-folded, then the words are compared with their case.
    cased: Option<u32>,
}

/// The trie of lexicon entries as an anchored automaton: a DFA while it stays small, a
/// contiguous NFA beyond.
enum Trie {
    Dfa(dfa::DFA),
    Nfa(nfa::contiguous::NFA),
}

/// One automaton over lexicon entries, with the targets of each pattern.
struct Automaton {
    trie: Trie,
    /// Targets of each automaton pattern (one string may be an entry of several lexicons).
    targets: Vec<Vec<Target>>,
}

/// A compiled set of lexicons.
pub struct Matcher {
    automaton: Option<Automaton>,
    /// Words of case-sensitive entries, as written (normalised but not folded).
    cased: Vec<Pattern>,
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
        let mut keys: FxHashMap<String, Vec<Target>> = FxHashMap::default();
        let mut cased: Vec<Pattern> = Vec::new();
        for (li, lex) in lexicons.iter().enumerate() {
            let li = u16::try_from(li).unwrap_or(u16::MAX);
            let mut add = |e: &super::Entry, category: Option<u16>, entry: u32, exclusion: bool| {
                let (p, found) = compile(e, &lex.origin);
                problems.extend(found.into_iter().filter(|p| p.severity == Severity::Error));
                let Some(p) = p else { return };
                let key = if p.case_sensitive {
                    let folded: Vec<String> = p.words.iter().map(|w| normalise(w, false)).collect();
                    folded.join(" ")
                } else {
                    p.key()
                };
                let t = Target {
                    lexicon: li,
                    category,
                    entry,
                    wildcard: p.wildcard,
                    exclusion,
                    len: u32::try_from(key.len()).unwrap_or(u32::MAX),
                    cased: p.case_sensitive.then(|| {
                        cased.push(p.clone());
                        u32::try_from(cased.len() - 1).unwrap_or(u32::MAX)
                    }),
                };
                keys.entry(key).or_default().push(t);
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
            automaton: automaton(keys),
            cased,
            lexicons: lexicons.len(),
        };
        (m, problems)
    }

    /// Every hit in a document, sorted by lexicon, then position.
    pub fn find(&self, text: &str, seg: &Segmented) -> Vec<Hit> {
        if self.lexicons == 0 || seg.tokens.is_empty() {
            return Vec::new();
        }
        self.find_in(text, seg, &TokenForms::new(text, seg))
    }

    /// [`Matcher::find`] given the normalised forms of the tokens of `seg`.
    pub fn find_in(&self, text: &str, seg: &Segmented, forms: &TokenForms) -> Vec<Hit> {
        if self.lexicons == 0 || seg.tokens.is_empty() {
            return Vec::new();
        }
        let Some(a) = &self.automaton else {
            return Vec::new();
        };
        let mut cands: Vec<Candidate> = Vec::new();
        Haystack::new(text, seg, forms).candidates(a, &mut cands);
        // Case-sensitive entries were found case-folded: keep those whose words match with
        // their case.
        cands.retain(|c| match c.target.cased {
            None => true,
            Some(i) => {
                let p = &self.cased[i as usize];
                let mut written = String::new();
                for t in c.first..c.end {
                    let tok = &seg.tokens[t as usize];
                    if t > c.first {
                        let prev = &seg.tokens[t as usize - 1];
                        let gap = &text[prev.span.end..tok.span.start];
                        written.push(if super::is_hyphen(gap) { '-' } else { ' ' });
                    }
                    written.push_str(&normalise(tok.span.slice(text), true));
                }
                let key = p.key();
                if p.wildcard {
                    written.starts_with(&key)
                } else {
                    written == key
                }
            }
        });
        let mut hits = Vec::new();
        // Per lexicon: exclusions first, then leftmost-longest.
        cands.sort_by_key(|c| c.target.lexicon);
        for group in cands.chunk_by(|a, b| a.target.lexicon == b.target.lexicon) {
            let excl: Vec<&Candidate> = group.iter().filter(|c| c.target.exclusion).collect();
            let excluded = |c: &Candidate| {
                c.target.exclusion
                    || excl.iter().any(|x| {
                        (x.target.category.is_none() || x.target.category == c.target.category)
                            && x.first < c.end
                            && c.first < x.end
                    })
            };
            // Candidates come in token order (the sort above is stable), so leftmost-longest
            // is one pass: the best candidate of each start token, kept unless it overlaps the
            // last one taken.
            let mut free = 0u32;
            for same_start in group.chunk_by(|a, b| a.first == b.first) {
                if same_start[0].first < free {
                    continue;
                }
                let best = same_start.iter().filter(|c| !excluded(c)).min_by_key(|c| {
                    (
                        std::cmp::Reverse(c.end),
                        c.target.wildcard,
                        std::cmp::Reverse(c.target.len),
                        c.target.category,
                        c.target.entry,
                    )
                });
                let Some(c) = best else { continue };
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
    // Matches may only start at token starts, so the automaton is only ever run anchored there:
    // a walk down the trie that stops as soon as no entry continues.
    let trie = if keys.len() <= 2_000 {
        Trie::Dfa(
            dfa::DFA::builder()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .build(&keys)
                .ok()?,
        )
    } else {
        Trie::Nfa(
            nfa::contiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(&keys)
                .ok()?,
        )
    };
    Some(Automaton { trie, targets })
}

/// A document's normalised tokens laid end to end, with where each token starts and ends:
/// one space between words of a sentence, a hyphen where a hyphen joins them, a line break
/// between sentences.
struct Haystack {
    text: Vec<u8>,
    starts: Vec<usize>,
    /// Where each token ends. (Each end is the next start less one, or the text's length, but
    /// working that out in the walk's inner loop cost 31 million instructions more per 1,000
    /// articles than reading it here.)
    ends: Vec<usize>,
}

impl Haystack {
    /// The forms already hold each token followed by a space: the separators are set in place.
    fn new(text: &str, seg: &Segmented, forms: &TokenForms) -> Self {
        let mut hay = forms.text().as_bytes().to_vec();
        hay.pop();
        let starts: Vec<usize> = forms.starts().iter().map(|&s| s as usize).collect();
        let mut ends = Vec::with_capacity(starts.len());
        for (i, t) in seg.tokens.iter().enumerate().skip(1) {
            let prev = &seg.tokens[i - 1];
            let gap = &text[prev.span.end..t.span.start];
            let same = prev.sentence == t.sentence;
            let sep = starts[i] - 1;
            ends.push(sep);
            hay[sep] = if same && super::is_hyphen(gap) {
                b'-'
            } else if same && white_space_gap(gap) {
                b' '
            } else {
                b'\n'
            };
        }
        if !starts.is_empty() {
            ends.push(hay.len());
        }
        Haystack {
            text: hay,
            starts,
            ends,
        }
    }

    fn candidates(&self, a: &Automaton, out: &mut Vec<Candidate>) {
        match &a.trie {
            Trie::Dfa(d) => self.walk(d, &a.targets, out),
            Trie::Nfa(n) => self.walk(n, &a.targets, out),
        }
    }

    /// From each token start, walks the trie and records every entry that ends there.
    fn walk<A: aho_corasick::automaton::Automaton>(
        &self,
        aut: &A,
        targets: &[Vec<Target>],
        out: &mut Vec<Candidate>,
    ) {
        let Ok(start_sid) = aut.start_state(Anchored::Yes) else {
            return;
        };
        let hay = &self.text;
        for (first, &start) in self.starts.iter().enumerate() {
            let mut sid = start_sid;
            // The token the walk is in.
            let mut last = first;
            for (at, &byte) in hay.iter().enumerate().skip(start) {
                sid = aut.next_state(Anchored::Yes, sid, byte);
                if aut.is_dead(sid) {
                    break;
                }
                while last < self.ends.len() && self.ends[last] < at + 1 {
                    last += 1;
                }
                if !aut.is_match(sid) || last >= self.ends.len() {
                    continue;
                }
                let exact_end = self.ends[last] == at + 1;
                for k in 0..aut.match_len(sid) {
                    let pid = aut.match_pattern(sid, k);
                    // Match states also carry entries that are suffixes of the path walked;
                    // only those that start at this token count.
                    if aut.pattern_len(pid) != at + 1 - start {
                        continue;
                    }
                    for t in &targets[pid.as_usize()] {
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
    }
}

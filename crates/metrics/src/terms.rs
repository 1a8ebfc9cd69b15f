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
//! assert_eq!(table.group("Outlet A").unwrap().terms["plane"].count, 2);
//! ```

use rustc_hash::FxHashMap;
use slant_corpus::normalize::normalize;
use slant_corpus::segment::Segmented;
use slant_corpus::stopwords::is_stopword;
use std::borrow::Cow;
use std::collections::BTreeMap;

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

/// The terms of one document.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    /// Word tokens of the document (stop words included): the denominator of rates.
    pub tokens: u64,
    terms: FxHashMap<Box<str>, DocTerm>,
    /// With stemming: how often each surface form produced each stemmed term.
    surfaces: FxHashMap<Box<str>, FxHashMap<Box<str>, u32>>,
}

impl DocTerms {
    /// Occurrences of a term (its key: normalised words joined by one space).
    pub fn count(&self, term: &str) -> u32 {
        self.terms.get(term).map_or(0, |t| t.count)
    }

    /// Distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the document has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms and their counts, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &DocTerm)> {
        self.terms.iter().map(|(k, v)| (&**k, v))
    }
}

/// One word prepared for counting.
struct Word<'t> {
    /// Normalised form (what is shown).
    norm: Cow<'t, str>,
    /// The stem, when stemming.
    stem: Option<String>,
    stop: bool,
    sentence: u32,
    /// Whether only white space separates it from the previous word of its sentence.
    joins_previous: bool,
}

/// Counts the terms of one segmented document.
pub fn count_terms(text: &str, seg: &Segmented, opts: &TermOptions) -> DocTerms {
    let stemmer = opts
        .stem
        .then(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    let mut words: Vec<Word<'_>> = Vec::with_capacity(seg.tokens.len());
    let mut prev_end: Option<(usize, u32)> = None;
    for tok in &seg.tokens {
        let raw = tok.span.slice(text);
        let norm = normalize(raw);
        let stem = stemmer.as_ref().map(|s| s.stem(&norm).into_owned());
        let joins_previous = matches!(prev_end, Some((end, sentence))
            if sentence == tok.sentence && text[end..tok.span.start].chars().all(char::is_whitespace));
        prev_end = Some((tok.span.end, tok.sentence));
        words.push(Word {
            stop: is_stopword(&norm),
            norm,
            stem,
            sentence: tok.sentence,
            joins_previous,
        });
    }

    let mut doc = DocTerms {
        tokens: seg.tokens.len() as u64,
        terms: FxHashMap::with_capacity_and_hasher(words.len() * 2, Default::default()),
        surfaces: FxHashMap::default(),
    };
    let mut key = String::new();
    let mut surface = String::new();
    for end in 0..words.len() {
        let last = &words[end];
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
            key.clear();
            surface.clear();
            for (i, w) in words[start..=end].iter().enumerate() {
                if i > 0 {
                    key.push(' ');
                    surface.push(' ');
                }
                key.push_str(w.stem.as_deref().unwrap_or(&w.norm));
                if stemmer.is_some() {
                    surface.push_str(&w.norm);
                }
            }
            doc.bump(&key, last.sentence);
            if stemmer.is_some() {
                doc.bump_surface(&key, &surface);
            }
        }
    }
    doc
}

impl DocTerms {
    fn bump(&mut self, key: &str, sentence: u32) {
        match self.terms.get_mut(key) {
            Some(t) => t.count += 1,
            None => {
                self.terms.insert(
                    key.into(),
                    DocTerm {
                        count: 1,
                        first_sentence: sentence,
                    },
                );
            }
        }
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
}

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

/// The prunes of a [`TermTable`] so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pruning {
    /// The threshold of each prune, in order.
    pub thresholds: Vec<u64>,
}

impl Pruning {
    fn next_threshold(&self) -> u64 {
        self.thresholds.last().map_or(2, |t| t + 1)
    }

    /// The most a surviving phrase's count can fall short of its true count.
    pub fn undercount_bound(&self) -> u64 {
        self.thresholds.iter().map(|t| t - 1).sum()
    }
}

/// The pooled terms of one group.
#[derive(Debug, Clone, Default)]
pub struct GroupTerms {
    /// Documents in the group.
    pub docs: u32,
    /// Word tokens in the group (stop words included).
    pub tokens: u64,
    /// Term key to counts.
    pub terms: FxHashMap<Box<str>, TermStat>,
}

/// Terms pooled per group: the input of `terms.csv` and of keyness.
#[derive(Debug, Clone, Default)]
pub struct TermTable {
    stemmed: bool,
    groups: BTreeMap<String, GroupTerms>,
    surfaces: FxHashMap<Box<str>, FxHashMap<Box<str>, u64>>,
}

impl TermTable {
    /// An empty table for terms counted with `opts`.
    pub fn new(opts: &TermOptions) -> Self {
        TermTable {
            stemmed: opts.stem,
            ..TermTable::default()
        }
    }

    /// Adds one document (its ordinal among analysed documents, for tracing) to a group.
    pub fn add(&mut self, group: &str, doc_ordinal: u32, doc: DocTerms) {
        let g = match self.groups.get_mut(group) {
            Some(g) => g,
            None => self.groups.entry(group.to_string()).or_default(),
        };
        g.docs += 1;
        g.tokens += doc.tokens;
        for (key, t) in doc.terms {
            let at = Occurrence {
                doc: doc_ordinal,
                sentence: t.first_sentence,
            };
            g.terms
                .entry(key)
                .and_modify(|s| {
                    s.count += u64::from(t.count);
                    s.doc_freq += 1;
                    s.first = s.first.min(at);
                })
                .or_insert(TermStat {
                    count: u64::from(t.count),
                    doc_freq: 1,
                    first: at,
                });
        }
        for (key, forms) in doc.surfaces {
            let pooled = self.surfaces.entry(key).or_default();
            for (form, c) in forms {
                *pooled.entry(form).or_default() += u64::from(c);
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

    /// Whether terms were stemmed.
    pub fn stemmed(&self) -> bool {
        self.stemmed
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

    /// Term entries held, over all groups: what the table's memory grows with.
    pub fn entries(&self) -> usize {
        self.groups.values().map(|g| g.terms.len()).sum()
    }

    /// Keeps the table under `max_entries` when the vocabulary explodes: while it holds more,
    /// drops the phrases (terms of two or more words) seen fewer than `t` times in their
    /// group, with `t` = 2, 3, 4… Single words are never dropped. Returns the thresholds used
    /// (none when the table was small enough).
    ///
    /// A phrase dropped and seen again later starts counting afresh, so a phrase that survives
    /// may be undercounted by at most the sum of `t − 1` over all prunes ([`Pruning`] keeps
    /// that bound), and its first occurrence is the first after its last drop: still a real
    /// place where it occurs. This is the rule of word2vec's and gensim's phrase counters.
    pub fn prune(&mut self, max_entries: usize, pruning: &mut Pruning) {
        while self.entries() > max_entries {
            let t = pruning.next_threshold();
            for g in self.groups.values_mut() {
                g.terms.retain(|k, s| s.count >= t || !k.contains(' '));
            }
            let kept = &self.groups;
            self.surfaces
                .retain(|k, _| !k.contains(' ') || kept.values().any(|g| g.terms.contains_key(k)));
            pruning.thresholds.push(t);
            // Only single words left over the cap: nothing more to drop.
            if self
                .groups
                .values()
                .all(|g| g.terms.keys().all(|k| !k.contains(' ')))
            {
                break;
            }
        }
    }

    /// Pooled counts over all groups: term key to (count, documents).
    pub fn pooled(&self) -> FxHashMap<&str, (u64, u32)> {
        let mut all: FxHashMap<&str, (u64, u32)> = FxHashMap::default();
        for g in self.groups.values() {
            for (k, s) in &g.terms {
                let e = all.entry(&**k).or_default();
                e.0 += s.count;
                e.1 += s.doc_freq;
            }
        }
        all
    }

    /// The rows of `terms.csv`: every (group, term) seen at least `min_count` times in the
    /// group, sorted by group, then count (descending), then term.
    pub fn rows(&self, min_count: u64) -> Vec<TermRow<'_>> {
        let mut rows = Vec::new();
        for (group, g) in &self.groups {
            let start = rows.len();
            for (key, s) in &g.terms {
                if s.count < min_count.max(1) {
                    continue;
                }
                rows.push(TermRow {
                    group,
                    key,
                    term: self.display(key),
                    n: key.split(' ').count(),
                    stat: *s,
                    per_1k: per_1k(s.count, g.tokens),
                    docs: g.docs,
                    tokens: g.tokens,
                });
            }
            rows[start..].sort_by(|a, b| {
                b.stat
                    .count
                    .cmp(&a.stat.count)
                    .then_with(|| a.term.cmp(b.term))
                    .then_with(|| a.key.cmp(b.key))
            });
        }
        rows
    }
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
            "rare words appear once only",
        ];
        for (i, text) in docs.iter().enumerate() {
            t.add("A", i as u32, count_terms(text, &segment(text), &opts));
        }
        let before = t.entries();
        let mut pruning = Pruning::default();
        t.prune(before, &mut pruning);
        assert!(
            pruning.thresholds.is_empty(),
            "under the cap: nothing to do"
        );
        let words = t
            .group("A")
            .unwrap()
            .terms
            .keys()
            .filter(|k| !k.contains(' '))
            .count();
        t.prune(words + 3, &mut pruning);
        assert_eq!(pruning.thresholds, [2]);
        assert_eq!(pruning.undercount_bound(), 1);
        let g = t.group("A").unwrap();
        // Phrases seen twice stay, with their counts; phrases seen once go; every word stays.
        assert_eq!(g.terms.get("missile strike").map(|s| s.count), Some(2));
        assert!(!g.terms.contains_key("rare words"));
        assert_eq!(g.terms.get("rare").map(|s| s.count), Some(1));
        assert_eq!(t.entries(), words + 3);
        // A cap below the single words drops every phrase and stops there.
        t.prune(1, &mut pruning);
        assert_eq!(pruning.thresholds, [2, 3]);
        assert_eq!(t.entries(), words);
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
    fn stemming_groups_forms_and_shows_the_most_frequent() {
        let opts = TermOptions {
            max_n: 1,
            keep_stopwords: false,
            stem: true,
        };
        let text = "Sanctions. New sanctions. Sanctioned firms. A sanction.";
        let mut table = TermTable::new(&opts);
        table.add("g", 0, count_terms(text, &segment(text), &opts));
        let g = table.group("g").unwrap();
        assert_eq!(g.terms["sanction"].count, 4);
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
        let plane = g.terms["plane"];
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

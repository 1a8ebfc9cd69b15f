//! The evidence a reader of the page checks a figure against: per group, the commonest
//! loaded-language entries with the sentences they came from, the most quoted speakers with one
//! of their quotes, and the scare-quoted terms. Each example names its document and byte
//! offsets, so it leads back to its row in `lexicon_hits.csv` or `quotes.csv`.

use crate::lexicons::{one_line, one_line_into, HitRow, Voice};
use crate::quotes::{QuoteRow, QuoteTally, SpeakerStat};
use rustc_hash::FxHashMap;
use slant_corpus::normalize::lowercase_into;
use slant_metrics::lexicon::Lexicon;
use slant_metrics::quotes::Kind;
use std::collections::BTreeMap;

/// How much evidence the page shows per group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Loaded-language entries per group.
    pub entries: usize,
    /// Examples per entry, from different documents where possible.
    pub examples: usize,
    /// Speakers per group.
    pub speakers: usize,
    /// Scare-quoted terms per group.
    pub scare: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entries: 8,
            examples: 2,
            speakers: 6,
            scare: 10,
        }
    }
}

/// One place in a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Example {
    /// Document id.
    pub doc_id: String,
    /// Byte offsets into the cleaned text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// 1-based sentence number.
    pub sentence: u64,
    /// The sentence (or a window of it), one line.
    pub context: String,
    /// The words to highlight in the context.
    pub matched: String,
    /// Whose words a lexicon hit is in (a quote's example is its speaker's, and says
    /// [`Voice::Own`]).
    pub voice: Voice,
}

/// A lexicon entry's hits in one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryEvidence {
    /// Category.
    pub category: String,
    /// The entry as written in the lexicon.
    pub entry: String,
    /// Hits in the group.
    pub hits: u64,
    /// Documents of the group with a hit.
    pub documents: u64,
    /// First hits, in input order.
    pub examples: Vec<Example>,
}

/// A speaker of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerEvidence {
    /// Canonical name.
    pub speaker: String,
    /// Speaker group from the gazetteer.
    pub speaker_group: String,
    /// Attributed quotes in the group.
    pub quotes: u64,
    /// The speaker's first direct quote of four words or more, else their first partial quote,
    /// else their first reported speech.
    pub example: Option<QuoteEvidence>,
}

/// One quote shown as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteEvidence {
    /// Where it is; the context is the quoted words.
    pub example: Example,
    /// The reporting verb as written (empty when none).
    pub cue: String,
    /// A direct quote (the speaker's own words) rather than reported speech.
    pub direct: bool,
    /// The others who said it with the speaker ("Azerbaijan" for Russia in "Russia and
    /// Azerbaijan said"), in the row's order: its speaker, then its co-speakers.
    pub with: Vec<String>,
}

/// A scare-quoted term of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScareEvidence {
    /// The term between the marks.
    pub term: String,
    /// Times it was scare-quoted in the group.
    pub count: u64,
    /// Its first occurrence.
    pub example: Example,
}

/// A speaker that two or more groups quote, and how each group introduces them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedSpeaker {
    /// The speaker.
    pub speaker: String,
    /// Their speaker group.
    pub speaker_group: String,
    /// Each shown group that quotes them, in group order.
    pub quoted_by: Vec<SharedIn>,
    /// The shown groups that never quote them, in order.
    pub not_quoted_by: Vec<String>,
    /// For a surname alone, the fuller names of speakers that end in it
    /// ([`crate::quotes::full_names_of`]): whom it may stand for.
    pub may_be: Vec<String>,
}

/// How one group quotes a [`SharedSpeaker`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedIn {
    /// The group.
    pub group: String,
    /// Their quotes in the group (direct and indirect).
    pub quotes: u64,
    /// Of those, the ones a distancing verb introduces ("claimed", "alleged").
    pub distancing: u64,
    /// The reporting verbs and their quotes, commonest first (ties by verb).
    pub verbs: Vec<(String, u64)>,
    /// Quotes with no reporting verb (an empty `cue` in `quotes.csv`).
    pub no_verb: u64,
}

/// Everything the page shows as evidence, by group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Commonest entries of the `loaded` lexicon.
    pub loaded: BTreeMap<String, Vec<EntryEvidence>>,
    /// Most quoted speakers.
    pub speakers: BTreeMap<String, Vec<SpeakerEvidence>>,
    /// Scare-quoted terms.
    pub scare: BTreeMap<String, Vec<ScareEvidence>>,
    /// The speakers several groups quote, most shared first (as in the chart
    /// `quotes-shared-speakers`).
    pub shared: Vec<SharedSpeaker>,
}

impl Evidence {
    /// Adds the quote evidence (speakers and scare quotes) gathered over both passes of the
    /// quotes, and what the page says of the speakers several groups quote.
    pub fn with_quotes(mut self, quotes: QuoteEvidenceBuilder, shared: Vec<SharedSpeaker>) -> Self {
        let (speakers, scare) = quotes.finish();
        self.speakers = speakers;
        self.scare = scare;
        self.shared = shared;
        self
    }
}

/// Gathers the loaded-language evidence while documents stream past, holding per group and
/// entry only its counts and first examples: memory grows with groups × entries, not with the
/// corpus.
#[derive(Debug)]
pub struct LoadedEvidence {
    loaded: Option<u16>,
    limits: Limits,
    /// (group, category, entry) → hits, documents, last document seen, first examples.
    acc: BTreeMap<(String, u16, u32), Acc>,
}

#[derive(Debug)]
struct Acc {
    hits: u64,
    docs: u64,
    last_doc: u32,
    examples: Vec<Example>,
}

impl LoadedEvidence {
    /// Evidence of the lexicon at index `loaded` (none when `None`).
    pub fn new(loaded: Option<u16>, limits: Limits) -> Self {
        LoadedEvidence {
            loaded,
            limits,
            acc: BTreeMap::new(),
        }
    }

    /// Adds one document's hits (documents in input order).
    pub fn add(&mut self, doc: u32, doc_id: &str, group: &str, hits: &[HitRow]) {
        let Some(loaded) = self.loaded else {
            return;
        };
        for r in hits.iter().filter(|r| r.hit.lexicon == loaded) {
            let key = (group.to_string(), r.hit.category, r.hit.entry);
            let acc = self.acc.entry(key).or_insert(Acc {
                hits: 0,
                docs: 0,
                last_doc: u32::MAX,
                examples: Vec::new(),
            });
            acc.hits += 1;
            // Documents arrive in order: a new document is one not seen last. Examples come
            // from different documents where possible.
            if acc.last_doc != doc {
                acc.last_doc = doc;
                acc.docs += 1;
                if acc.examples.len() < self.limits.examples {
                    acc.examples.push(Example {
                        doc_id: doc_id.to_string(),
                        start: r.hit.span.start,
                        end: r.hit.span.end,
                        sentence: u64::from(r.hit.sentence) + 1,
                        context: r.context.clone(),
                        matched: r.matched.clone(),
                        voice: r.voice,
                    });
                }
            }
        }
    }

    /// The evidence: per group, the entries with most hits (then most documents, then by
    /// name), at most `limits.entries`.
    pub fn finish(self, lexicons: &[Lexicon]) -> Evidence {
        let mut loaded: BTreeMap<String, Vec<EntryEvidence>> = BTreeMap::new();
        let Some(lex) = self.loaded.and_then(|l| lexicons.get(usize::from(l))) else {
            return Evidence::default();
        };
        for ((group, c, e), acc) in self.acc {
            let Some(cat) = lex.categories.get(usize::from(c)) else {
                continue;
            };
            let Some(entry) = cat.entries.get(e as usize) else {
                continue;
            };
            loaded.entry(group).or_default().push(EntryEvidence {
                category: cat.name.clone(),
                entry: entry.text.trim().to_string(),
                hits: acc.hits,
                documents: acc.docs,
                examples: acc.examples,
            });
        }
        for list in loaded.values_mut() {
            list.sort_by(|a, b| {
                b.hits
                    .cmp(&a.hits)
                    .then(b.documents.cmp(&a.documents))
                    .then(a.entry.cmp(&b.entry))
            });
            list.truncate(self.limits.entries);
        }
        Evidence {
            loaded,
            ..Evidence::default()
        }
    }
}

fn quote_example(r: &QuoteRow<'_>) -> Example {
    Example {
        doc_id: r.doc_id.to_string(),
        start: r.start,
        end: r.end,
        sentence: u64::from(r.sentence) + 1,
        context: one_line(r.text),
        matched: String::new(),
        voice: Voice::Own,
    }
}

/// How well a quote shows its speaker's words, for the page's example: reported speech 0, a
/// partial quote of up to three words 1 ("“deplorables”"), a quote of four words or more 2.
pub(crate) fn example_rank(r: &QuoteRow<'_>) -> u8 {
    if r.kind != Kind::Direct {
        0
    } else if r.text.split_whitespace().take(4).count() < 4 {
        1
    } else {
        2
    }
}

/// Gathers the quote evidence of the page from the rows of `quotes.csv`, in that file's order
/// (so "first" means first in the file), in two passes so that only the quotes shown are ever
/// held as text:
///
/// 1. [`QuoteEvidenceBuilder::count`] over every row: per group, each scare-quoted term's
///    count and first row. Each speaker's quote count and example row (their first direct
///    quote of four words or more, else their first direct quote, else their first quote) are
///    in the [`QuoteTally`], which [`crate::quotes::QuoteCounter`] counts from the same rows
///    for `speakers.csv`;
/// 2. [`QuoteEvidenceBuilder::wanted`] names the rows of the speakers and terms the page shows;
///    [`QuoteEvidenceBuilder::example`] takes those rows on a second pass.
///
/// Memory grows with the distinct scare-quoted terms (a count and a row number each), not with
/// the quotes. (The speakers were once counted here too, a second map of every group ×
/// speaker: at 300,000 generated articles 31 of the report's 251 MB heap peak.)
#[derive(Debug, Default)]
pub struct QuoteEvidenceBuilder {
    limits: Limits,
    /// By group, each scare-quoted term (lower case) seen so far: hash maps, as
    /// [`crate::quotes::QuoteCounter`]'s are, and put in order once, when the page's terms
    /// are chosen.
    scare: FxHashMap<String, FxHashMap<String, ScareSeen>>,
    /// After the first pass: the evidence shown, examples still to fill, by group (in
    /// order).
    chosen_speakers: Vec<(String, Vec<(SpeakerEvidence, u64)>)>,
    chosen_scare: Vec<(String, Vec<(ScareEvidence, u64)>)>,
    /// The rows of the examples to fill, ascending, each with where its evidence is (group
    /// and entry in `chosen_speakers`, or in `chosen_scare`): the second pass finds a row's
    /// evidence without a scan, which with thousands of groups was rows × groups.
    waiting: Vec<(u64, Waiting)>,
    /// Buffers for a scare quote's term and its lower-case key.
    term: String,
    key: String,
}

/// Where a row's example goes.
#[derive(Debug, Clone, Copy)]
enum Waiting {
    Speaker(usize, usize),
    Scare(usize, usize),
}

#[derive(Debug)]
struct ScareSeen {
    term: String,
    count: u64,
    row: u64,
}

impl QuoteEvidenceBuilder {
    /// Evidence kept within `limits`.
    pub fn new(limits: Limits) -> Self {
        QuoteEvidenceBuilder {
            limits,
            ..QuoteEvidenceBuilder::default()
        }
    }

    /// First pass: counts row number `row` of `quotes.csv` when it is a scare quote. (Its
    /// speakers are counted once, into the [`QuoteTally`], with their example rows.)
    pub fn count(&mut self, row: u64, r: &QuoteRow<'_>) {
        if r.kind == Kind::Scare {
            let term = &mut self.term;
            term.clear();
            one_line_into(term, r.text);
            let key = &mut self.key;
            lowercase_into(key, term);
            let by_term = match self.scare.get_mut(r.group) {
                Some(m) => m,
                None => self.scare.entry(r.group.to_string()).or_default(),
            };
            match by_term.get_mut(key.as_str()) {
                Some(seen) => seen.count += 1,
                None => {
                    by_term.insert(
                        key.clone(),
                        ScareSeen {
                            term: term.clone(),
                            count: 1,
                            row,
                        },
                    );
                }
            }
        }
    }

    /// After the first pass: picks what the page shows and returns the rows of their
    /// examples, sorted.
    pub fn wanted(&mut self, tally: &QuoteTally) -> Vec<u64> {
        let limits = self.limits;
        let mut rows = Vec::new();
        for (group, speakers) in &tally.speakers {
            let mut list: Vec<(&String, &SpeakerStat)> = speakers.iter().collect();
            list.sort_by(|a, b| b.1.quotes().cmp(&a.1.quotes()).then(a.0.cmp(b.0)));
            list.truncate(limits.speakers);
            let chosen = list
                .into_iter()
                .map(|(speaker, stat)| {
                    rows.push(stat.example_row());
                    (
                        SpeakerEvidence {
                            speaker: speaker.clone(),
                            speaker_group: stat.speaker_group.to_string(),
                            quotes: stat.quotes(),
                            example: None,
                        },
                        stat.example_row(),
                    )
                })
                .collect();
            self.chosen_speakers.push((group.clone(), chosen));
        }
        let mut scare: Vec<_> = std::mem::take(&mut self.scare).into_iter().collect();
        scare.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (group, terms) in scare {
            // (The terms' order is set by the sort below: no two have the same term.)
            let mut list: Vec<ScareSeen> = terms.into_values().collect();
            list.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
            list.truncate(limits.scare);
            let chosen = list
                .into_iter()
                .map(|seen| {
                    rows.push(seen.row);
                    (
                        ScareEvidence {
                            term: seen.term,
                            count: seen.count,
                            example: Example::default(),
                        },
                        seen.row,
                    )
                })
                .collect();
            self.chosen_scare.push((group, chosen));
        }
        for (g, (_, list)) in self.chosen_speakers.iter().enumerate() {
            let at = list.iter().enumerate();
            self.waiting
                .extend(at.map(|(i, (_, row))| (*row, Waiting::Speaker(g, i))));
        }
        for (g, (_, list)) in self.chosen_scare.iter().enumerate() {
            let at = list.iter().enumerate();
            self.waiting
                .extend(at.map(|(i, (_, row))| (*row, Waiting::Scare(g, i))));
        }
        self.waiting.sort_by_key(|(row, _)| *row);
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// Second pass: row number `row`, one of [`QuoteEvidenceBuilder::wanted`], fills the
    /// examples that point at it.
    pub fn example(&mut self, row: u64, r: &QuoteRow<'_>) {
        let from = self.waiting.partition_point(|(at, _)| *at < row);
        for &(at, slot) in &self.waiting[from..] {
            if at != row {
                break;
            }
            match slot {
                Waiting::Speaker(g, i) => {
                    let evidence = &mut self.chosen_speakers[g].1[i].0;
                    let with = r
                        .speakers()
                        .filter(|(name, _)| *name != evidence.speaker)
                        .map(|(name, _)| name.to_string())
                        .collect();
                    evidence.example = Some(QuoteEvidence {
                        example: quote_example(r),
                        cue: r.cue_text.to_string(),
                        direct: r.kind == Kind::Direct,
                        with,
                    });
                }
                Waiting::Scare(g, i) => self.chosen_scare[g].1[i].0.example = quote_example(r),
            }
        }
    }

    /// Per group: the most quoted speakers, and the commonest scare-quoted terms.
    #[allow(clippy::type_complexity)]
    fn finish(
        self,
    ) -> (
        BTreeMap<String, Vec<SpeakerEvidence>>,
        BTreeMap<String, Vec<ScareEvidence>>,
    ) {
        let speakers = self
            .chosen_speakers
            .into_iter()
            .map(|(g, list)| (g, list.into_iter().map(|(s, _)| s).collect()))
            .collect();
        let scare = self
            .chosen_scare
            .into_iter()
            .map(|(g, list)| (g, list.into_iter().map(|(s, _)| s).collect()))
            .collect();
        (speakers, scare)
    }
}

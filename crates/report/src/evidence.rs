//! The evidence a reader of the page checks a figure against: per group, the commonest
//! loaded-language entries with the sentences they came from, the most quoted speakers with one
//! of their quotes, and the scare-quoted terms. Each example names its document and byte
//! offsets, so it leads back to its row in `lexicon_hits.csv` or `quotes.csv`.

use crate::lexicons::HitRow;
use crate::quotes::QuoteRow;
use slant_metrics::lexicon::Lexicon;
use slant_metrics::quotes::Kind;
use std::collections::{BTreeMap, BTreeSet};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The speaker's first direct quote, or first indirect one when there is none.
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

/// Everything the page shows as evidence, by group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Commonest entries of the `loaded` lexicon.
    pub loaded: BTreeMap<String, Vec<EntryEvidence>>,
    /// Most quoted speakers.
    pub speakers: BTreeMap<String, Vec<SpeakerEvidence>>,
    /// Scare-quoted terms.
    pub scare: BTreeMap<String, Vec<ScareEvidence>>,
}

impl Evidence {
    /// Gathers the page's evidence. `hits` are in input order, `analysed` gives each
    /// document's (id, outlet, group) by ordinal, and `loaded` is the index of the loaded
    /// lexicon, if any.
    pub fn gather(
        hits: &[HitRow],
        lexicons: &[Lexicon],
        loaded: Option<u16>,
        analysed: &[(String, String, String)],
        quotes: &[QuoteRow<'_>],
        limits: Limits,
    ) -> Self {
        Evidence {
            loaded: loaded.map_or_else(BTreeMap::new, |l| {
                loaded_entries(hits, lexicons, l, analysed, limits)
            }),
            speakers: speakers(quotes, limits),
            scare: scare(quotes, limits),
        }
    }
}

fn loaded_entries(
    hits: &[HitRow],
    lexicons: &[Lexicon],
    loaded: u16,
    analysed: &[(String, String, String)],
    limits: Limits,
) -> BTreeMap<String, Vec<EntryEvidence>> {
    struct Acc<'a> {
        hits: u64,
        docs: BTreeSet<u32>,
        first: Vec<&'a HitRow>,
    }
    let Some(lex) = lexicons.get(usize::from(loaded)) else {
        return BTreeMap::new();
    };
    let mut by_group: BTreeMap<&str, BTreeMap<(u16, u32), Acc<'_>>> = BTreeMap::new();
    for r in hits.iter().filter(|r| r.hit.lexicon == loaded) {
        let Some((_, _, group)) = analysed.get(r.doc as usize) else {
            continue;
        };
        let acc = by_group
            .entry(group)
            .or_default()
            .entry((r.hit.category, r.hit.entry))
            .or_insert_with(|| Acc {
                hits: 0,
                docs: BTreeSet::new(),
                first: Vec::new(),
            });
        acc.hits += 1;
        // Prefer examples from documents not yet shown for this entry.
        if acc.docs.insert(r.doc) && acc.first.len() < limits.examples {
            acc.first.push(r);
        }
    }
    by_group
        .into_iter()
        .map(|(group, entries)| {
            let mut list: Vec<EntryEvidence> = entries
                .into_iter()
                .filter_map(|((c, e), acc)| {
                    let cat = lex.categories.get(usize::from(c))?;
                    let entry = cat.entries.get(e as usize)?;
                    Some(EntryEvidence {
                        category: cat.name.clone(),
                        entry: entry.text.trim().to_string(),
                        hits: acc.hits,
                        documents: acc.docs.len() as u64,
                        examples: acc
                            .first
                            .iter()
                            .map(|r| Example {
                                doc_id: analysed[r.doc as usize].0.clone(),
                                start: r.hit.span.start,
                                end: r.hit.span.end,
                                sentence: u64::from(r.hit.sentence) + 1,
                                context: r.context.clone(),
                                matched: r.matched.clone(),
                            })
                            .collect(),
                    })
                })
                .collect();
            list.sort_by(|a, b| {
                b.hits
                    .cmp(&a.hits)
                    .then(b.documents.cmp(&a.documents))
                    .then(a.entry.cmp(&b.entry))
            });
            list.truncate(limits.entries);
            (group.to_string(), list)
        })
        .collect()
}

fn quote_example(r: &QuoteRow<'_>) -> Example {
    let span = r.quote.span();
    Example {
        doc_id: r.doc_id.to_string(),
        start: span.start,
        end: span.end,
        sentence: u64::from(r.quote.sentence) + 1,
        context: one_line(&r.quote.text),
        matched: String::new(),
    }
}

/// `rows` in the order of `quotes.csv`: document id, then offset.
fn in_csv_order<'r, 'a>(rows: &'r [QuoteRow<'a>]) -> Vec<&'r QuoteRow<'a>> {
    let mut order: Vec<&QuoteRow<'_>> = rows.iter().collect();
    order.sort_by(|a, b| {
        a.doc_id
            .cmp(b.doc_id)
            .then(a.quote.span().start.cmp(&b.quote.span().start))
            .then(a.quote.kind.cmp(&b.quote.kind))
    });
    order
}

fn speakers(rows: &[QuoteRow<'_>], limits: Limits) -> BTreeMap<String, Vec<SpeakerEvidence>> {
    let mut by_group: BTreeMap<&str, BTreeMap<&str, SpeakerEvidence>> = BTreeMap::new();
    for r in in_csv_order(rows) {
        let q = r.quote;
        if q.kind == Kind::Scare || q.speaker.is_empty() {
            continue;
        }
        let s = by_group
            .entry(r.group)
            .or_default()
            .entry(&q.speaker)
            .or_insert_with(|| SpeakerEvidence {
                speaker: q.speaker.clone(),
                speaker_group: r.speaker_group.to_string(),
                quotes: 0,
                example: None,
            });
        s.quotes += 1;
        let direct = q.kind == Kind::Direct;
        // A direct quote shows the speaker's own words: it replaces an indirect one.
        if s.example.as_ref().is_none_or(|e| direct && !e.direct) {
            s.example = Some(QuoteEvidence {
                example: quote_example(r),
                cue: q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                direct,
            });
        }
    }
    by_group
        .into_iter()
        .map(|(group, speakers)| {
            let mut list: Vec<SpeakerEvidence> = speakers.into_values().collect();
            list.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(a.speaker.cmp(&b.speaker)));
            list.truncate(limits.speakers);
            (group.to_string(), list)
        })
        .collect()
}

fn scare(rows: &[QuoteRow<'_>], limits: Limits) -> BTreeMap<String, Vec<ScareEvidence>> {
    let mut by_group: BTreeMap<&str, BTreeMap<String, ScareEvidence>> = BTreeMap::new();
    for r in in_csv_order(rows) {
        if r.quote.kind != Kind::Scare {
            continue;
        }
        let term = one_line(&r.quote.text);
        by_group
            .entry(r.group)
            .or_default()
            .entry(term.to_lowercase())
            .or_insert_with(|| ScareEvidence {
                term,
                count: 0,
                example: quote_example(r),
            })
            .count += 1;
    }
    by_group
        .into_iter()
        .map(|(group, terms)| {
            let mut list: Vec<ScareEvidence> = terms.into_values().collect();
            list.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
            list.truncate(limits.scare);
            (group.to_string(), list)
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

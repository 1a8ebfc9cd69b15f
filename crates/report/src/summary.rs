//! `summary.csv`: one row per group with its sample size, the first thing to read before any
//! comparison, and each group's quote counts. Loaded-language columns join it with the
//! lexicons.

use crate::csv_out::Table;
use crate::documents::DocumentRow;
use crate::error::ReportError;
use crate::quotes::GroupQuotes;
use crate::terms::fixed;
use slant_metrics::lexicon::bootstrap::Rate;
use slant_metrics::terms::per_1k;
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `summary.csv`, in order.
pub const COLUMNS: [&str; 16] = [
    "group",
    "documents",
    "tokens",
    "direct_quotes",
    "scare_quotes",
    "loaded_per_1k",
    "loaded_ci_low",
    "loaded_ci_high",
    "sentences",
    "skipped",
    "indirect_quotes",
    "scare_per_1k",
    "cues_neutral",
    "cues_credence",
    "cues_distancing",
    "small_group",
];

/// Sample size of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupSummary {
    /// The group (value of `--by`).
    pub group: String,
    /// Documents analysed.
    pub documents: u64,
    /// Word tokens in them.
    pub tokens: u64,
    /// Sentences in them.
    pub sentences: u64,
    /// Documents of the group that could not be analysed.
    pub skipped: u64,
}

/// Per-group sample sizes from the rows of `documents.csv`, sorted by group.
pub fn from_documents(rows: &[DocumentRow]) -> Vec<GroupSummary> {
    let mut groups: BTreeMap<&str, GroupSummary> = BTreeMap::new();
    for r in rows {
        let g = groups.entry(&r.group).or_insert_with(|| GroupSummary {
            group: r.group.clone(),
            ..GroupSummary::default()
        });
        if r.skipped.is_some() {
            g.skipped += 1;
        } else {
            g.documents += 1;
            g.tokens += r.tokens as u64;
            g.sentences += r.sentences as u64;
        }
    }
    groups.into_values().collect()
}

/// Writes `summary.csv`; `quotes` holds each group's quote counts and `loaded` its rate of the
/// `loaded` lexicon (the loaded cells stay empty when that lexicon was left out, the interval
/// cells when a group has one document). Groups with fewer than `min_docs` documents are
/// flagged `small_group`.
pub fn write(
    path: &Path,
    rows: &[GroupSummary],
    quotes: &BTreeMap<String, GroupQuotes>,
    loaded: &BTreeMap<String, Rate>,
    min_docs: u64,
) -> Result<(), ReportError> {
    let mut t = Table::create(path, &COLUMNS)?;
    let none = GroupQuotes::default();
    for r in rows {
        let q = quotes.get(&r.group).unwrap_or(&none);
        let l = loaded.get(&r.group);
        let rate = l.map(|l| fixed(l.per_1k, 3)).unwrap_or_default();
        let (lo, hi) = match l.and_then(|l| l.ci) {
            Some((lo, hi)) => (fixed(lo, 3), fixed(hi, 3)),
            None => (String::new(), String::new()),
        };
        t.row([
            r.group.as_str(),
            &r.documents.to_string(),
            &r.tokens.to_string(),
            &q.direct.to_string(),
            &q.scare.to_string(),
            &rate,
            &lo,
            &hi,
            &r.sentences.to_string(),
            &r.skipped.to_string(),
            &q.indirect.to_string(),
            &fixed(per_1k(q.scare, r.tokens), 3),
            &q.stances[0].to_string(),
            &q.stances[1].to_string(),
            &q.stances[2].to_string(),
            if r.documents < min_docs {
                "true"
            } else {
                "false"
            },
        ])?;
    }
    t.finish()
}

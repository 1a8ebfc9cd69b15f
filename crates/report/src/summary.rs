//! `summary.csv`: one row per group with its sample size, the first thing to read before any
//! comparison, and each group's quote counts. Loaded-language columns join it with the
//! lexicons.

use crate::charts::{bars, BarRow, Bars, Drawn, Topic};
use crate::documents::DocumentRow;
use crate::error::ReportError;
use crate::numbers::fixed;
use crate::quotes::GroupQuotes;
use crate::table::{flag, float, int, text, Col, Format, Table};
use crate::terms::{plural, thousands};
use slant_metrics::lexicon::bootstrap::Rate;
use slant_metrics::terms::per_1k;
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `summary.csv`, in order.
pub const COLUMNS: [Col; 16] = [
    text("group"),
    int("documents"),
    int("tokens"),
    int("direct_quotes"),
    int("scare_quotes"),
    float("loaded_per_1k"),
    float("loaded_ci_low"),
    float("loaded_ci_high"),
    int("sentences"),
    int("skipped"),
    int("indirect_quotes"),
    float("scare_per_1k"),
    int("cues_neutral"),
    int("cues_credence"),
    int("cues_distancing"),
    flag("small_group"),
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

/// Per-group sample sizes, counted from the rows of `documents.csv` as they are written.
#[derive(Debug, Clone, Default)]
pub struct Summaries(BTreeMap<String, GroupSummary>);

impl Summaries {
    /// Counts one document.
    pub fn add(&mut self, r: &DocumentRow) {
        let g = match self.0.get_mut(&r.group) {
            Some(g) => g,
            None => self
                .0
                .entry(r.group.clone())
                .or_insert_with(|| GroupSummary {
                    group: r.group.clone(),
                    ..GroupSummary::default()
                }),
        };
        if r.skipped.is_some() {
            g.skipped += 1;
        } else {
            g.documents += 1;
            g.tokens += r.tokens as u64;
            g.sentences += r.sentences as u64;
        }
    }

    /// The groups, sorted by name.
    pub fn finish(self) -> Vec<GroupSummary> {
        self.0.into_values().collect()
    }
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

/// The sample-size chart: documents analysed per group, with their tokens and skipped
/// documents; groups under `min_docs` are pale.
pub fn write_chart(
    dir: &Path,
    rows: &[GroupSummary],
    by: &str,
    min_docs: u64,
    format: Format,
) -> Result<Drawn, ReportError> {
    let bars_rows = rows
        .iter()
        .map(|r| {
            let mut note = format!(
                "{} · {} tokens",
                plural(r.documents, "doc"),
                thousands(r.tokens)
            );
            if r.skipped > 0 {
                note.push_str(&format!(" · {} skipped", r.skipped));
            }
            BarRow {
                label: r.group.clone(),
                value: r.documents as f64,
                note,
                pale: r.documents < min_docs,
            }
        })
        .collect();
    bars(
        &dir.join("sample-size"),
        &Bars {
            title: format!("Sample size by {by}"),
            subtitle: "Documents analysed per group: every figure in this report rests on them"
                .into(),
            rows: bars_rows,
            footnotes: vec![format!(
                "Pale: fewer than {min_docs} documents, too few to compare (--min-docs). \
                 Skipped documents and their reasons are in {}.",
                format.file("documents")
            )],
        },
    )?;
    Ok(Drawn::new(
        "sample-size",
        Topic::Sample,
        format!(
            "How much text stands behind each {by}: a short or pale bar means its figures rest \
             on little evidence."
        ),
    ))
}

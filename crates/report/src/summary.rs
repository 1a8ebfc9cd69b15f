//! `summary.csv`: one row per group with its sample size, the first thing to read before any
//! comparison. Quote and loaded-language columns join it as those metrics land.

use crate::csv_out::Table;
use crate::documents::DocumentRow;
use crate::error::ReportError;
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `summary.csv`, in order.
pub const COLUMNS: [&str; 5] = ["group", "documents", "tokens", "sentences", "skipped"];

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

/// Writes `summary.csv`.
pub fn write(path: &Path, rows: &[GroupSummary]) -> Result<(), ReportError> {
    let mut t = Table::create(path, &COLUMNS)?;
    for r in rows {
        t.row([
            r.group.as_str(),
            &r.documents.to_string(),
            &r.tokens.to_string(),
            &r.sentences.to_string(),
            &r.skipped.to_string(),
        ])?;
    }
    t.finish()
}

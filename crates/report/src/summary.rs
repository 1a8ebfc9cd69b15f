//! `summary.csv`: one row per group with its sample size, the first thing to read before any
//! comparison, and each group's quote counts. Loaded-language columns join it with the
//! lexicons.

use crate::charts::{bars, BarRow, Bars, Drawn, Topic};
use crate::documents::DocumentRow;
use crate::error::ReportError;
use crate::lexicons::Rates;
use crate::numbers::fixed;
use crate::quotes::GroupQuotes;
use crate::table::{flag, float, int, text, Col, Format, Table};
use crate::terms::{plural, thousands};
use slant_metrics::lexicon::bootstrap::Rate;
use slant_metrics::terms::per_1k;
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `summary.csv`, in order.
pub const COLUMNS: [Col; 22] = [
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
    int("loaded_hits"),
    int("loaded_quoted"),
    int("quoted_tokens"),
    float("loaded_own_per_1k"),
    float("loaded_own_ci_low"),
    float("loaded_own_ci_high"),
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
    /// Tokens inside direct quotations.
    pub quoted_tokens: u64,
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
            g.quoted_tokens += r.quoted_tokens as u64;
        }
    }

    /// The groups, sorted by name.
    pub fn finish(self) -> Vec<GroupSummary> {
        self.0.into_values().collect()
    }
}

/// The groups the charts draw and the page gives evidence for. A chart of hundreds of groups
/// is tens of thousands of pixels tall and unreadable, so past `limit` groups only the `limit`
/// with the most documents analysed are shown (ties by name), still in name order. Every group
/// stays in the tables and in the page's sample-size table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// The groups shown, sorted by name.
    pub rows: Vec<GroupSummary>,
    /// Groups in the report.
    pub of: usize,
}

impl Shown {
    /// The groups of `all` (sorted by name) to show; a `limit` of 0 shows them all.
    pub fn pick(all: &[GroupSummary], limit: usize) -> Self {
        let mut rows = all.to_vec();
        if limit > 0 && rows.len() > limit {
            rows.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.group.cmp(&b.group)));
            rows.truncate(limit);
            rows.sort_by(|a, b| a.group.cmp(&b.group));
        }
        Self {
            rows,
            of: all.len(),
        }
    }

    /// Whether `group` is shown.
    pub fn contains(&self, group: &str) -> bool {
        self.rows
            .binary_search_by(|r| r.group.as_str().cmp(group))
            .is_ok()
    }

    /// A chart's footnotes: `lines`, then [`Shown::note`] if groups were left out.
    pub fn footnotes(
        &self,
        by: &str,
        format: Format,
        lines: impl IntoIterator<Item = String>,
    ) -> Vec<String> {
        lines.into_iter().chain(self.note(by, format)).collect()
    }

    /// The line that says which groups were left out, if any were.
    pub fn note(&self, by: &str, format: Format) -> Option<String> {
        (self.rows.len() < self.of).then(|| {
            format!(
                "Showing {} of {} groups by {by}: those with the most documents \
                 (--chart-groups). All are in {}.",
                self.rows.len(),
                self.of,
                format.file("summary")
            )
        })
    }
}

/// A rate's cells: the rate and its interval's bounds, to 3 decimals; empty without the
/// rate, and the bounds empty without an interval.
fn rate_cells(rate: Option<&Rate>) -> [String; 3] {
    let value = rate.map(|l| fixed(l.per_1k, 3)).unwrap_or_default();
    match rate.and_then(|l| l.ci) {
        Some((lo, hi)) => [value, fixed(lo, 3), fixed(hi, 3)],
        None => [value, String::new(), String::new()],
    }
}

/// Writes `summary.csv`; `quotes` holds each group's quote counts, and `rates` its rate of the
/// `loaded` lexicon, how many of those hits are inside direct quotations, and its rate in its
/// own voice (the loaded cells stay empty when that lexicon was left out, the interval cells
/// when a group has one document). Groups with fewer than `min_docs` documents are flagged
/// `small_group`.
pub fn write(
    path: &Path,
    rows: &[GroupSummary],
    quotes: &BTreeMap<String, GroupQuotes>,
    rates: &Rates,
    min_docs: u64,
) -> Result<(), ReportError> {
    let mut t = Table::create(path, &COLUMNS)?;
    let none = GroupQuotes::default();
    for r in rows {
        let q = quotes.get(&r.group).unwrap_or(&none);
        let l = rates.loaded.get(&r.group);
        let [rate, lo, hi] = rate_cells(l);
        let hits = l.map(|l| l.hits.to_string()).unwrap_or_default();
        let in_quotes = rates.loaded_quoted.get(&r.group).copied().unwrap_or(0);
        let quoted = l.map(|_| in_quotes.to_string()).unwrap_or_default();
        let [own, own_lo, own_hi] = rate_cells(rates.loaded_own.get(&r.group));
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
            &hits,
            &quoted,
            &r.quoted_tokens.to_string(),
            &own,
            &own_lo,
            &own_hi,
        ])?;
    }
    t.finish()
}

/// The sample-size chart: documents analysed per group shown, with their tokens and skipped
/// documents; groups under `min_docs` are pale.
pub fn write_chart(
    dir: &Path,
    shown: &Shown,
    by: &str,
    min_docs: u64,
    format: Format,
) -> Result<Drawn, ReportError> {
    let bars_rows = shown
        .rows
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
            footnotes: shown.footnotes(
                by,
                format,
                [format!(
                    "Pale: fewer than {min_docs} documents, too few to compare (--min-docs). \
                 Skipped documents and their reasons are in {}.",
                    format.file("documents")
                )],
            ),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn group(name: &str, documents: u64) -> GroupSummary {
        GroupSummary {
            group: name.into(),
            documents,
            ..GroupSummary::default()
        }
    }

    #[test]
    fn the_groups_with_most_documents_are_shown_in_name_order_ties_by_name() {
        let all = [
            group("a", 1),
            group("b", 5),
            group("c", 3),
            group("d", 3),
            group("e", 9),
        ];
        let names = |s: &Shown| s.rows.iter().map(|r| r.group.clone()).collect::<Vec<_>>();
        let shown = Shown::pick(&all, 3);
        assert_eq!(names(&shown), ["b", "c", "e"]);
        assert!(shown.contains("c") && !shown.contains("d"));
        assert_eq!(
            shown.note("outlet", Format::Csv).as_deref(),
            Some(
                "Showing 3 of 5 groups by outlet: those with the most documents \
                 (--chart-groups). All are in summary.csv."
            )
        );
        for limit in [0, 5, 6] {
            let shown = Shown::pick(&all, limit);
            assert_eq!(names(&shown), ["a", "b", "c", "d", "e"]);
            assert_eq!(shown.note("outlet", Format::Csv), None);
        }
    }
}

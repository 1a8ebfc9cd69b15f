//! Rates per 1,000 tokens with percentile bootstrap intervals that resample whole documents.
//!
//! Words in one article are not independent draws: an outlet's rate rests on its articles, so
//! the interval comes from resampling articles with replacement (B replicates, 2.5th and 97.5th
//! percentiles, linear interpolation). The generator is SplitMix64 seeded from a fixed seed and
//! the group's name, so re-runs and any group order give identical intervals.

use crate::terms::per_1k;
use rayon::prelude::*;
use slant_corpus::rng::{fnv, SplitMix64};

/// One document's observations: its tokens and, per series it touches, hits and (for series
/// with their own denominator) tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocObs {
    /// Tokens of the document: the denominator of series without one of their own.
    pub tokens: u64,
    /// `(series, hits, own tokens)`, sparse.
    pub cells: Vec<(u32, u64, u64)>,
}

/// One observation cell: a series, its hits in the document and (for series with their own
/// denominator) its tokens there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    series: u32,
    hits: u32,
    own: u32,
}

/// The observations of a group's documents in flat arrays, what the bootstrap resamples: 8
/// bytes a document plus 12 a series it touches, and no allocation per document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observations {
    tokens: Vec<u32>,
    /// `cells[ends[i - 1]..ends[i]]` are document `i`'s.
    ends: Vec<u32>,
    cells: Vec<Cell>,
}

impl Observations {
    /// Adds a document: its tokens and `(series, hits, own tokens)` cells. Counts beyond
    /// `u32::MAX` saturate (a document is at most 64 MB).
    pub fn push(&mut self, tokens: u64, cells: impl IntoIterator<Item = (u32, u64, u64)>) {
        let narrow = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
        self.tokens.push(narrow(tokens));
        self.cells
            .extend(cells.into_iter().map(|(series, hits, own)| Cell {
                series,
                hits: narrow(hits),
                own: narrow(own),
            }));
        self.ends.push(narrow(self.cells.len() as u64));
    }

    /// Documents held.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    fn cells(&self, i: usize) -> &[Cell] {
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.cells[from..self.ends[i] as usize]
    }
}

impl From<&[DocObs]> for Observations {
    fn from(docs: &[DocObs]) -> Self {
        let mut o = Observations::default();
        for d in docs {
            o.push(d.tokens, d.cells.iter().copied());
        }
        o
    }
}

/// A rate and its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Hits over all documents.
    pub hits: u64,
    /// Denominator in tokens.
    pub tokens: u64,
    /// Hits per 1,000 tokens.
    pub per_1k: f64,
    /// Interval bounds; `None` with fewer than two documents, where resampling says nothing.
    pub ci: Option<(f64, f64)>,
}

/// Settings of the bootstrap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bootstrap {
    /// Replicates.
    pub reps: usize,
    /// Seed, mixed with the group name.
    pub seed: u64,
}

impl Default for Bootstrap {
    fn default() -> Self {
        Bootstrap {
            reps: 1000,
            seed: 0x5EED_51A7,
        }
    }
}

/// The `q` quantile of sorted values, linear interpolation (R's type 7).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - h.floor()) * (sorted[hi] - sorted[lo])
}

impl Bootstrap {
    /// Rates of `series` series over one group's documents. `own_tokens[s]` says whether series
    /// `s` has its own denominator in the cells instead of the documents' tokens.
    pub fn rates(&self, group: &str, docs: &Observations, own_tokens: &[bool]) -> Vec<Rate> {
        let k = own_tokens.len();
        // The totals of a resample given how often each document was drawn. Summing by
        // document (not by draw) reads the documents in order, which is what keeps a large
        // group fast; the sums are integers, so the order changes nothing.
        let totals = |times: Option<&[u32]>| {
            let mut hits = vec![0u64; k];
            let mut den = vec![0u64; k];
            let mut base = 0u64;
            for (i, &tokens) in docs.tokens.iter().enumerate() {
                let c = times.map_or(1, |t| u64::from(t[i]));
                if c == 0 {
                    continue;
                }
                base += u64::from(tokens) * c;
                for cell in docs.cells(i) {
                    if let Some(x) = hits.get_mut(cell.series as usize) {
                        *x += u64::from(cell.hits) * c;
                        den[cell.series as usize] += u64::from(cell.own) * c;
                    }
                }
            }
            for (s, own) in own_tokens.iter().enumerate() {
                if !own {
                    den[s] = base;
                }
            }
            (hits, den)
        };
        let (hits, den) = totals(None);
        let mut out: Vec<Rate> = (0..k)
            .map(|s| Rate {
                hits: hits[s],
                tokens: den[s],
                per_1k: per_1k(hits[s], den[s]),
                ci: None,
            })
            .collect();
        if docs.len() < 2 || self.reps < 2 {
            return out;
        }
        let mut rng = SplitMix64::new(self.seed ^ fnv(group));
        let mut reps: Vec<Vec<f64>> = vec![Vec::with_capacity(self.reps); k];
        let mut times = vec![0u32; docs.len()];
        for _ in 0..self.reps {
            times.fill(0);
            for _ in 0..docs.len() {
                times[rng.below(docs.len())] += 1;
            }
            let (h, d) = totals(Some(&times));
            for s in 0..k {
                reps[s].push(per_1k(h[s], d[s]));
            }
        }
        for (s, r) in reps.iter_mut().enumerate() {
            r.sort_by(f64::total_cmp);
            out[s].ci = Some((quantile(r, 0.025), quantile(r, 0.975)));
        }
        out
    }

    /// [`Bootstrap::rates`] of several groups, computed in parallel, in the order given.
    pub fn rates_many(&self, groups: &[(&str, &Observations, &[bool])]) -> Vec<Vec<Rate>> {
        groups
            .par_iter()
            .map(|(group, docs, own)| self.rates(group, docs, own))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(tokens: u64, hits: u64) -> DocObs {
        DocObs {
            tokens,
            cells: vec![(0, hits, 0)],
        }
    }

    #[test]
    fn rate_is_pooled_hits_over_pooled_tokens() {
        let docs = [doc(1000, 5), doc(3000, 1)];
        let r = Bootstrap::default().rates("g", &Observations::from(&docs[..]), &[false]);
        assert_eq!((r[0].hits, r[0].tokens), (6, 4000));
        assert!((r[0].per_1k - 1.5).abs() < 1e-12);
    }

    #[test]
    fn interval_brackets_the_rate_and_repeats_exactly() {
        let docs: Vec<DocObs> = (0..40).map(|i| doc(500 + i * 10, i % 7)).collect();
        let b = Bootstrap::default();
        let r = b.rates("outlet", &Observations::from(&docs[..]), &[false]);
        let (lo, hi) = r[0].ci.expect("interval");
        assert!(
            lo < r[0].per_1k && r[0].per_1k < hi,
            "{lo} {} {hi}",
            r[0].per_1k
        );
        assert_eq!(
            r,
            b.rates("outlet", &Observations::from(&docs[..]), &[false])
        );
        // Another group name draws other resamples.
        assert_ne!(
            r,
            b.rates("other", &Observations::from(&docs[..]), &[false])
        );
    }

    #[test]
    fn identical_documents_give_a_zero_width_interval() {
        let docs = vec![doc(1000, 3); 10];
        let r = Bootstrap::default().rates("g", &Observations::from(&docs[..]), &[false]);
        let (lo, hi) = r[0].ci.expect("interval");
        assert!((lo - 3.0).abs() < 1e-12 && (hi - 3.0).abs() < 1e-12);
    }

    #[test]
    fn one_document_has_no_interval() {
        let r = Bootstrap::default().rates("g", &Observations::from(&[doc(100, 1)][..]), &[false]);
        assert_eq!(r[0].ci, None);
    }

    #[test]
    fn series_with_own_denominator() {
        let docs = [
            DocObs {
                tokens: 1000,
                cells: vec![(1, 2, 40)],
            },
            DocObs {
                tokens: 1000,
                cells: vec![(0, 1, 0), (1, 0, 60)],
            },
        ];
        let r = Bootstrap::default().rates("g", &Observations::from(&docs[..]), &[false, true]);
        assert!((r[0].per_1k - 0.5).abs() < 1e-12);
        assert_eq!((r[1].hits, r[1].tokens), (2, 100));
        assert!((r[1].per_1k - 20.0).abs() < 1e-12);
    }

    #[test]
    fn quantile_interpolates() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!((quantile(&v, 0.5) - 3.0).abs() < 1e-12);
        assert!((quantile(&v, 0.025) - 1.1).abs() < 1e-12);
    }
}

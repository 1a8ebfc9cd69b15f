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

/// One observation cell: a document, a series, its hits in the document and (for series with
/// their own denominator) its tokens there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    doc: u32,
    series: u32,
    hits: u32,
    own: u32,
}

/// The observations of a group's documents in flat arrays, what the bootstrap resamples: 4
/// bytes a document plus 16 a series it touches, and no allocation per document. The cells of
/// all documents are in one list, in document order, so a resample's totals are one pass over
/// it without a branch per document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observations {
    tokens: Vec<u32>,
    cells: Vec<Cell>,
}

impl Observations {
    /// Adds a document: its tokens and `(series, hits, own tokens)` cells. Counts beyond
    /// `u32::MAX` saturate (a document is at most 64 MB).
    pub fn push(&mut self, tokens: u64, cells: impl IntoIterator<Item = (u32, u64, u64)>) {
        let narrow = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
        let doc = narrow(self.tokens.len() as u64);
        self.tokens.push(narrow(tokens));
        self.cells
            .extend(cells.into_iter().map(|(series, hits, own)| Cell {
                doc,
                series,
                hits: narrow(hits),
                own: narrow(own),
            }));
    }

    /// Documents held.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
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

/// Series observed over a group's documents, and which of them have their own denominator in
/// the cells instead of the documents' tokens.
pub type Part<'a> = (&'a Observations, &'a [bool]);

/// The hit and denominator totals of each series of `part` in a resample, given how often each
/// document was drawn (`None`: every document once). Summing by document (not by draw) reads
/// the documents in order, which is what keeps a large group fast; the sums are integers, so
/// the order changes nothing. A document not drawn is multiplied by zero rather than skipped:
/// which documents are drawn is random, and a branch on it would be mispredicted a third of
/// the time.
fn totals((docs, own_tokens): Part<'_>, times: Option<&[u32]>) -> (Vec<u64>, Vec<u64>) {
    let k = own_tokens.len();
    let mut hits = vec![0u64; k];
    let mut den = vec![0u64; k];
    let drawn = |doc: usize| times.map_or(1, |t| u64::from(t[doc]));
    let base: u64 = docs
        .tokens
        .iter()
        .enumerate()
        .map(|(i, &tokens)| u64::from(tokens) * drawn(i))
        .sum();
    for cell in &docs.cells {
        let c = drawn(cell.doc as usize);
        if let (Some(h), Some(d)) = (
            hits.get_mut(cell.series as usize),
            den.get_mut(cell.series as usize),
        ) {
            *h += u64::from(cell.hits) * c;
            *d += u64::from(cell.own) * c;
        }
    }
    for (s, own) in own_tokens.iter().enumerate() {
        if !own {
            den[s] = base;
        }
    }
    (hits, den)
}

impl Bootstrap {
    /// Rates of `series` series over one group's documents. `own_tokens[s]` says whether series
    /// `s` has its own denominator in the cells instead of the documents' tokens.
    pub fn rates(&self, group: &str, docs: &Observations, own_tokens: &[bool]) -> Vec<Rate> {
        self.rates_of(group, &[(docs, own_tokens)])
            .pop()
            .unwrap_or_default()
    }

    /// [`Bootstrap::rates`] of each part, in the order given. Parts that observe the same
    /// documents (as many, in the same order) share each resample of them, which is what each
    /// would draw alone: the draws depend only on the group and the number of documents.
    pub fn rates_of(&self, group: &str, parts: &[Part<'_>]) -> Vec<Vec<Rate>> {
        let n = parts.first().map_or(0, |(docs, _)| docs.len());
        if parts.iter().any(|(docs, _)| docs.len() != n) {
            return parts
                .iter()
                .flat_map(|p| self.rates_of(group, std::slice::from_ref(p)))
                .collect();
        }
        let mut out: Vec<Vec<Rate>> = parts
            .iter()
            .map(|&part| {
                let (hits, den) = totals(part, None);
                hits.iter()
                    .zip(&den)
                    .map(|(&h, &d)| Rate {
                        hits: h,
                        tokens: d,
                        per_1k: per_1k(h, d),
                        ci: None,
                    })
                    .collect()
            })
            .collect();
        if n < 2 || self.reps < 2 {
            return out;
        }
        let mut rng = SplitMix64::new(self.seed ^ fnv(group));
        // Per part, per series: the rate of each replicate.
        let mut reps: Vec<Vec<Vec<f64>>> = parts
            .iter()
            .map(|(_, own)| vec![Vec::with_capacity(self.reps); own.len()])
            .collect();
        let mut times = vec![0u32; n];
        for _ in 0..self.reps {
            times.fill(0);
            for _ in 0..n {
                times[rng.below(n)] += 1;
            }
            for (&part, part_reps) in parts.iter().zip(&mut reps) {
                let (h, d) = totals(part, Some(&times));
                for (s, r) in part_reps.iter_mut().enumerate() {
                    r.push(per_1k(h[s], d[s]));
                }
            }
        }
        for (part_out, part_reps) in out.iter_mut().zip(&mut reps) {
            for (rate, r) in part_out.iter_mut().zip(part_reps) {
                r.sort_by(f64::total_cmp);
                rate.ci = Some((quantile(r, 0.025), quantile(r, 0.975)));
            }
        }
        out
    }

    /// [`Bootstrap::rates_of`] of several groups, computed in parallel, in the order given.
    pub fn rates_many(&self, groups: &[(&str, Vec<Part<'_>>)]) -> Vec<Vec<Vec<Rate>>> {
        groups
            .par_iter()
            .map(|(group, parts)| self.rates_of(group, parts))
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

    /// A group's parts share each resample of its documents and get what each would get alone;
    /// parts over different numbers of documents are resampled apart.
    #[test]
    fn parts_share_resamples_and_match_their_own() {
        let lexicon: Vec<DocObs> = (0..30).map(|i| doc(400 + i * 7, i % 5)).collect();
        let actors: Vec<DocObs> = (0..30)
            .map(|i| DocObs {
                tokens: 400 + i * 7,
                cells: vec![(0, i % 3, 20 + i), (1, 1, 50)],
            })
            .collect();
        let (lexicon, actors) = (
            Observations::from(&lexicon[..]),
            Observations::from(&actors[..]),
        );
        let b = Bootstrap::default();
        let both = b.rates_of("g", &[(&lexicon, &[false]), (&actors, &[true, true])]);
        assert_eq!(
            both,
            vec![
                b.rates("g", &lexicon, &[false]),
                b.rates("g", &actors, &[true, true])
            ]
        );
        assert!(both.iter().flatten().all(|r| r.ci.is_some()));
        let fewer = Observations::from(&[doc(100, 1), doc(200, 3)][..]);
        assert_eq!(
            b.rates_of("g", &[(&lexicon, &[false]), (&fewer, &[false])]),
            vec![
                b.rates("g", &lexicon, &[false]),
                b.rates("g", &fewer, &[false])
            ]
        );
    }

    #[test]
    fn quantile_interpolates() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!((quantile(&v, 0.5) - 3.0).abs() < 1e-12);
        assert!((quantile(&v, 0.025) - 1.1).abs() < 1e-12);
    }
}

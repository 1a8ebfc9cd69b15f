//! Rates per 1,000 tokens with percentile bootstrap intervals that resample whole documents.
//!
//! Words in one article are not independent draws: an outlet's rate rests on its articles, so
//! the interval comes from resampling articles with replacement (B replicates, 2.5th and 97.5th
//! percentiles, linear interpolation). The generator is SplitMix64 seeded from a fixed seed and
//! the group's name, so re-runs and any group order give identical intervals.

use crate::terms::per_1k;
use crate::varint;
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

/// The observations of a group's documents, what the bootstrap resamples: 4 bytes a document
/// for its tokens, and its cells packed into one byte string, in document order: the number
/// of cells, then each cell's series, hits and own tokens, each a LEB128 varint (one byte
/// below 128, as almost all are). That is about 4 bytes a cell where a struct of four `u32`s
/// took 16, and no allocation per document: at a million generated articles the cells were
/// the largest thing that grew with the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observations {
    tokens: Vec<u32>,
    cells: Vec<u8>,
}

impl Observations {
    /// Adds a document: its tokens and `(series, hits, own tokens)` cells. Tokens beyond
    /// `u32::MAX` saturate (a document is at most 64 MB).
    pub fn push(&mut self, tokens: u64, cells: impl IntoIterator<Item = (u32, u64, u64)>) {
        self.tokens.push(u32::try_from(tokens).unwrap_or(u32::MAX));
        // The count goes before the cells: one byte, widened in place in the rare document
        // with 128 cells or more.
        let at = self.cells.len();
        self.cells.push(0);
        let mut n = 0u64;
        for (series, hits, own) in cells {
            varint::put(&mut self.cells, u64::from(series));
            varint::put(&mut self.cells, hits);
            varint::put(&mut self.cells, own);
            n += 1;
        }
        if n < 0x80 {
            self.cells[at] = n as u8;
        } else {
            let mut count = Vec::new();
            varint::put(&mut count, n);
            self.cells.splice(at..=at, count);
        }
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

/// Replicates resampled together: one pass over a part's cells serves this many, which reads
/// (and decodes) each cell once per block instead of once per replicate, and adds its hits
/// into a block of totals the compiler vectorises.
const BLOCK: usize = 16;

/// One total per resample of a block.
type Block = [u64; BLOCK];

/// How often a document is drawn in one resample: `u16` where a group has at most 65,535
/// documents (none can be drawn more often than there are documents), so that a block's
/// counts take 32 bytes a document, and `u32` beyond.
trait Drawn: Copy + Default + Into<u32> {
    fn bump(&mut self);
}

impl Drawn for u16 {
    fn bump(&mut self) {
        *self = self.saturating_add(1);
    }
}

impl Drawn for u32 {
    fn bump(&mut self) {
        *self = self.saturating_add(1);
    }
}

/// The hit and denominator totals of each series of `part`, in each of a block of resamples,
/// given how often each document was drawn in each (`times`, [`BLOCK`] counts per document,
/// document by document). Summing by document (not by draw) reads the documents in order,
/// which is what keeps a large group fast; the sums are integers, so the order changes
/// nothing. A document not drawn is multiplied by zero rather than skipped: which documents
/// are drawn is random, and a branch on it would be mispredicted a third of the time.
fn totals<T: Drawn>((docs, own_tokens): Part<'_>, times: &[T]) -> (Vec<Block>, Vec<Block>) {
    let k = own_tokens.len();
    let mut hits = vec![[0u64; BLOCK]; k];
    let mut den = vec![[0u64; BLOCK]; k];
    let mut base = [0u64; BLOCK];
    let mut cells = docs.cells.iter();
    for (&tokens, drawn) in docs.tokens.iter().zip(times.chunks_exact(BLOCK)) {
        let drawn: Block = std::array::from_fn(|r| u64::from(drawn[r].into()));
        add_times(&mut base, u64::from(tokens), &drawn);
        for _ in 0..varint::next(&mut cells) {
            let series = varint::next(&mut cells) as usize;
            let (h, own) = (varint::next(&mut cells), varint::next(&mut cells));
            let (Some(hs), Some(ds)) = (hits.get_mut(series), den.get_mut(series)) else {
                continue;
            };
            add_times(hs, h, &drawn);
            add_times(ds, own, &drawn);
        }
    }
    for (s, own) in own_tokens.iter().enumerate() {
        if !own {
            den[s] = base;
        }
    }
    (hits, den)
}

/// Adds `x` times each lane's count of `drawn` (each below 2³²) to `totals`.
#[inline]
fn add_times(totals: &mut Block, x: u64, drawn: &Block) {
    match u32::try_from(x) {
        Ok(x) => add_times_u32(totals, x, drawn),
        Err(_) => {
            for (t, &d) in totals.iter_mut().zip(drawn) {
                *t += x * d;
            }
        }
    }
}

/// [`add_times`] of an `x` below 2³², as a document's hits and tokens always are: products of
/// two 32-bit numbers, which x86-64's baseline multiplies two lanes at a time (`pmuludq`),
/// where a product of two `u64`s is a scalar multiply per lane. The mask, which changes no
/// count, tells the compiler that `drawn`'s lanes are below 2³². (Inlined, or given a second
/// block of totals to add to, the compiler multiplied lane by lane again.)
#[inline(never)]
fn add_times_u32(totals: &mut Block, x: u32, drawn: &Block) {
    for (t, &d) in totals.iter_mut().zip(drawn) {
        *t += u64::from(x) * (d & u64::from(u32::MAX));
    }
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
        // Every document once, in the first of a block's resamples: the rates themselves.
        let once: Vec<u16> = (0..n * BLOCK).map(|i| u16::from(i % BLOCK == 0)).collect();
        let mut out: Vec<Vec<Rate>> = parts
            .iter()
            .map(|&part| {
                let (hits, den) = totals(part, &once);
                hits.iter()
                    .zip(&den)
                    .map(|(h, d)| Rate {
                        hits: h[0],
                        tokens: d[0],
                        per_1k: per_1k(h[0], d[0]),
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
        if n <= usize::from(u16::MAX) {
            self.resample::<u16>(&mut rng, parts, &mut reps);
        } else {
            self.resample::<u32>(&mut rng, parts, &mut reps);
        }
        for (part_out, part_reps) in out.iter_mut().zip(&mut reps) {
            for (rate, r) in part_out.iter_mut().zip(part_reps) {
                r.sort_by(f64::total_cmp);
                rate.ci = Some((quantile(r, 0.025), quantile(r, 0.975)));
            }
        }
        out
    }

    /// Draws the replicates of `parts` (which observe the same documents) and adds each
    /// series' rate in each to `reps`. The draws are made replicate after replicate, as one at
    /// a time would make them, so that the blocks change no interval.
    fn resample<T: Drawn>(
        &self,
        rng: &mut SplitMix64,
        parts: &[Part<'_>],
        reps: &mut [Vec<Vec<f64>>],
    ) {
        let n = parts.first().map_or(0, |(docs, _)| docs.len());
        let mut times = vec![T::default(); n * BLOCK];
        let mut done = 0;
        while done < self.reps {
            let lanes = BLOCK.min(self.reps - done);
            times.fill(T::default());
            for lane in 0..lanes {
                for _ in 0..n {
                    times[rng.below(n) * BLOCK + lane].bump();
                }
            }
            for (&part, part_reps) in parts.iter().zip(reps.iter_mut()) {
                let (h, d) = totals(part, &times);
                for (s, r) in part_reps.iter_mut().enumerate() {
                    r.extend((0..lanes).map(|lane| per_1k(h[s][lane], d[s][lane])));
                }
            }
            done += lanes;
        }
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
    fn hits_past_32_bits_are_resampled_whole() {
        // The resamples multiply a document's hits and tokens in 32 bits where they fit; a
        // count past 2³² must still be multiplied whole. Of two documents, a quarter of the
        // resamples draw the small one twice and a quarter the large one twice: the interval
        // runs from the one's rate to the other's.
        let big = 5_000_000_000;
        let docs = [doc(1000, big), doc(1000, 1)];
        let r = Bootstrap::default().rates("g", &Observations::from(&docs[..]), &[false]);
        assert_eq!((r[0].hits, r[0].tokens), (big + 1, 2000));
        assert_eq!(r[0].ci, Some((per_1k(2, 2000), per_1k(2 * big, 2000))));
        // Own tokens past 2³² too.
        let own = |tokens, hits| DocObs {
            tokens: 10,
            cells: vec![(0, hits, tokens)],
        };
        let docs = [own(big, 1), own(1, 1)];
        let r = Bootstrap::default().rates("g", &Observations::from(&docs[..]), &[true]);
        assert_eq!((r[0].hits, r[0].tokens), (2, big + 1));
        assert_eq!(r[0].ci, Some((per_1k(2, 2 * big), per_1k(2, 2))));
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
        assert!(Observations::default().is_empty());
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

    /// The bootstrap as it was first written, one replicate at a time over plain cells: what
    /// the packed cells and blocks of replicates must give, bit for bit.
    fn one_at_a_time(b: &Bootstrap, group: &str, docs: &[DocObs], own: &[bool]) -> Vec<Rate> {
        let n = docs.len();
        let totals = |times: &[u64]| {
            let (mut hits, mut den) = (vec![0u64; own.len()], vec![0u64; own.len()]);
            let base: u64 = docs.iter().zip(times).map(|(d, &t)| d.tokens * t).sum();
            for (d, &t) in docs.iter().zip(times) {
                for &(s, h, o) in &d.cells {
                    hits[s as usize] += h * t;
                    den[s as usize] += o * t;
                }
            }
            for (s, &is_own) in own.iter().enumerate() {
                if !is_own {
                    den[s] = base;
                }
            }
            (hits, den)
        };
        let (hits, den) = totals(&vec![1; n]);
        let mut out: Vec<Rate> = hits
            .iter()
            .zip(&den)
            .map(|(&h, &d)| Rate {
                hits: h,
                tokens: d,
                per_1k: per_1k(h, d),
                ci: None,
            })
            .collect();
        if n < 2 || b.reps < 2 {
            return out;
        }
        let mut rng = SplitMix64::new(b.seed ^ fnv(group));
        let mut reps = vec![Vec::new(); own.len()];
        for _ in 0..b.reps {
            let mut times = vec![0u64; n];
            for _ in 0..n {
                times[rng.below(n)] += 1;
            }
            let (h, d) = totals(&times);
            for (s, r) in reps.iter_mut().enumerate() {
                r.push(per_1k(h[s], d[s]));
            }
        }
        for (rate, r) in out.iter_mut().zip(&mut reps) {
            r.sort_by(f64::total_cmp);
            rate.ci = Some((quantile(r, 0.025), quantile(r, 0.975)));
        }
        out
    }

    /// Packed cells and blocks of replicates give what one replicate at a time over plain
    /// cells gives: for replicate counts that fill no block, one, or several, documents with
    /// no cells, 127, 128 and more, and counts of one varint byte and of several.
    #[test]
    fn packed_blocks_match_one_replicate_at_a_time() {
        let mut rng = SplitMix64::new(11);
        for (docs_n, reps) in [
            (2usize, 2usize),
            (5, 7),
            (30, 16),
            (40, 37),
            (64, 100),
            (70_000, 3),
        ] {
            let own = [false, true, false, false, true, false];
            let mut docs = Vec::new();
            for i in 0..docs_n {
                let mut cells = Vec::new();
                match i % 5 {
                    0 => {}
                    // Many cells: from 128 on, the count takes two varint bytes.
                    1 => {
                        for c in 0..[127u32, 128, 129, 200][(i / 5) % 4] {
                            cells.push((c % 6, 1 + rng.below(3) as u64, 7));
                        }
                    }
                    _ => {
                        for s in 0..6u32 {
                            if rng.below(2) == 1 {
                                let h = if rng.below(3) == 0 {
                                    100_000 + rng.below(9) as u64
                                } else {
                                    rng.below(5) as u64
                                };
                                cells.push((s, h, rng.below(400) as u64));
                            }
                        }
                    }
                }
                let tokens = 100 + rng.below(5_000_000) as u64;
                docs.push(DocObs { tokens, cells });
            }
            let b = Bootstrap { reps, seed: 5 };
            let observations = Observations::from(&docs[..]);
            assert_eq!(
                (observations.len(), observations.is_empty()),
                (docs_n, false)
            );
            let got = b.rates("g", &observations, &own);
            let want = one_at_a_time(&b, "g", &docs, &own);
            assert_eq!(got, want, "{docs_n} documents, {reps} replicates");
        }
    }

    /// Several groups at once give each group's own rates, in the order asked.
    #[test]
    fn many_groups_match_one_at_a_time() {
        let b = Bootstrap { reps: 50, seed: 3 };
        let a = Observations::from(&[doc(1000, 5), doc(3000, 1), doc(500, 0)][..]);
        let z = Observations::from(&[doc(800, 9), doc(900, 2)][..]);
        let own = [false];
        let many = b.rates_many(&[("a", vec![(&a, &own[..])]), ("z", vec![(&z, &own[..])])]);
        let one = |g: &str, o: &Observations| b.rates_of(g, &[(o, &own[..])]);
        assert_eq!(many, vec![one("a", &a), one("z", &z)]);
        assert!(many[0][0][0].ci.is_some());
    }

    #[test]
    fn quantile_interpolates() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!((quantile(&v, 0.5) - 3.0).abs() < 1e-12);
        assert!((quantile(&v, 0.025) - 1.1).abs() < 1e-12);
        // h = 4 × 0.975 = 3.9: nine tenths of the way from the fourth value to the fifth.
        assert!((quantile(&v, 0.975) - 4.9).abs() < 1e-12);
        assert_eq!(quantile(&[2.0, 8.0], 0.25), 3.5);
    }
}

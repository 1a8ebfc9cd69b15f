//! Keyness: which terms a group uses more (or less) than all other groups pooled.
//!
//! Two statistics per (group, term), each group against the rest of the corpus:
//!
//! - **Weighted log-odds with an informative Dirichlet prior** (Monroe, Colaresi and Quinn 2008,
//!   "Fightin' Words", eq. 16–22). With `y_i`, `y_j` the term's counts in the group and in the
//!   rest, `n_i`, `n_j` their token totals, and the prior `α_w = s · y_w`, `α_0 = s · N` taken
//!   from the whole corpus (`y_w = y_i + y_j`, `N = n_i + n_j`, `s` the prior scale, 1 by
//!   default, the usual choice as in R's tidylo):
//!
//!   ```text
//!   δ = ln((y_i + α_w) / (n_i + α_0 − y_i − α_w)) − ln((y_j + α_w) / (n_j + α_0 − y_j − α_w))
//!   σ² = 1 / (y_i + α_w) + 1 / (y_j + α_w)
//!   z = δ / σ
//!   ```
//!
//!   The prior shrinks the log-odds of rare terms towards zero, so that a word said twice by one
//!   outlet and never by the others does not top the list, which is what the raw log-odds or
//!   the frequency ratio would do.
//! - **Log-likelihood G²** of the 2×2 table (term / other tokens × group / rest), signed
//!   positive when the group uses the term more than expected, with its χ²(1) p-value, exactly
//!   as quanteda's `textstat_keyness(measure = "lr")` reports it: by default, Yates' continuity
//!   correction is applied when an expected cell is below 5 and `|ad − bc| > N/2`.
//!
//! ```
//! use slant_metrics::keyness::{g2, Correction};
//! // 10 of 1,000 tokens in the group, 10 of 9,000 in the rest.
//! let g = g2(10.0, 10.0, 1000.0, 9000.0, Correction::None);
//! assert!((g - 20.5044).abs() < 1e-3);
//! ```

use crate::terms::{count_terms, GroupTerms, Occurrence, Pooled, TermOptions, TermStat, TermTable};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use slant_corpus::segment::segment;
use slant_corpus::stopwords::is_stopword;

/// Continuity correction of G², as in quanteda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Correction {
    /// Yates' correction only when an expected count is below 5 and `|ad − bc| > N/2`
    /// (quanteda's default).
    #[default]
    Default,
    /// Yates' correction whenever `|ad − bc| > N/2`.
    Yates,
    /// Williams' correction (G² divided by q), unless a cell is zero.
    Williams,
    /// No correction.
    None,
}

impl Correction {
    /// The name used on the command line and in `run.json`.
    pub fn name(self) -> &'static str {
        match self {
            Correction::Default => "default",
            Correction::Yates => "yates",
            Correction::Williams => "williams",
            Correction::None => "none",
        }
    }
}

/// Signed log-likelihood G² for a term seen `a` times among `n_target` tokens of the group and
/// `b` times among `n_ref` tokens of the rest. Positive when the group over-uses the term.
pub fn g2(a: f64, b: f64, n_target: f64, n_ref: f64, correction: Correction) -> f64 {
    let (mut a, mut b) = (a, b);
    let (mut c, mut d) = (n_target - a, n_ref - b);
    let n = a + b + c + d;
    if n <= 0.0 {
        return 0.0;
    }
    let e11 = (a + b) * (a + c) / n;
    let e12 = (a + b) * (b + d) / n;
    let e21 = (c + d) * (a + c) / n;
    let e22 = (c + d) * (b + d) / n;
    let apply_yates = match correction {
        Correction::Default => {
            e11.min(e12).min(e21).min(e22) < 5.0 && (a * d - b * c).abs() > n / 2.0
        }
        Correction::Yates => (a * d - b * c).abs() > n / 2.0,
        Correction::Williams | Correction::None => false,
    };
    if apply_yates {
        // Move each cell half a count towards independence; the margins do not change.
        let h = if a * d - b * c > 0.0 { 0.5 } else { -0.5 };
        a -= h;
        d -= h;
        b += h;
        c += h;
    }
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let mut g = 2.0 * (term(a, e11) + term(b, e12) + term(c, e21) + term(d, e22));
    if correction == Correction::Williams && a * b * c * d != 0.0 {
        let q =
            1.0 + (n / (a + b) + n / (c + d) - 1.0) * (n / (a + c) + n / (b + d) - 1.0) / (6.0 * n);
        g /= q;
    }
    let g = g.max(0.0);
    if a > e11 {
        g
    } else if g == 0.0 {
        0.0
    } else {
        -g
    }
}

/// Upper tail of χ² with one degree of freedom: the p-value of a (signed) G².
pub fn chi2_1df_p(stat: f64) -> f64 {
    libm::erfc((stat.abs() / 2.0).sqrt()).clamp(0.0, 1.0)
}

/// Monroe et al.'s log-odds δ and its z-score for counts `y_i` of `n_i` (group) and `y_j` of
/// `n_j` (rest), with prior `alpha_w` for the term and `alpha_0` in all.
pub fn log_odds_z(
    y_i: f64,
    n_i: f64,
    y_j: f64,
    n_j: f64,
    alpha_w: f64,
    alpha_0: f64,
) -> (f64, f64) {
    // A term that is every token of the corpus leaves a zero denominator; half a count keeps
    // the figure finite.
    let odds = |y: f64, n: f64| (y + alpha_w) / (n + alpha_0 - y - alpha_w).max(0.5);
    let delta = odds(y_i, n_i).ln() - odds(y_j, n_j).ln();
    let var = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w);
    let z = delta / var.sqrt();
    (delta, if z.is_finite() { z } else { 0.0 })
}

/// Benjamini–Hochberg adjusted p-values, in the order given.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&x, &y| p[x].total_cmp(&p[y]).then(x.cmp(&y)));
    let mut adjusted = vec![1.0; m];
    let mut running = 1.0_f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        let q = p[i] * m as f64 / (rank + 1) as f64;
        running = running.min(q);
        adjusted[i] = running.min(1.0);
    }
    adjusted
}

/// Benjamini–Hochberg adjustment looked up by p-value: what [`benjamini_hochberg`] gives each
/// of the p-values it was built from, holding only their distinct values, each with how many
/// times it occurs. (A group's keyness has one p-value per term of the vocabulary, but all
/// the terms it never uses with the same pooled count share one.)
struct SortedAdjustment {
    /// The distinct p-values, ascending.
    values: Vec<f64>,
    /// For each, the running minimum of `p · m / rank` from the largest rank down, taken at
    /// the value's largest rank.
    adjusted: Vec<f64>,
}

impl SortedAdjustment {
    /// From p-values, each with how many times it occurs (at least once).
    fn new(mut p: Vec<(f64, u64)>) -> Self {
        // Values that compare equal have the same bits: an unstable sort gives the same list.
        p.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        // Each distinct value with its largest rank.
        let mut runs: Vec<(f64, u64)> = Vec::with_capacity(p.len());
        let mut rank = 0u64;
        for (v, times) in p {
            rank += times;
            match runs.last_mut() {
                Some(last) if last.0.total_cmp(&v).is_eq() => last.1 = rank,
                _ => runs.push((v, rank)),
            }
        }
        // `p · m / rank` falls as the rank rises within a run of ties, so over a tie the
        // minimum is at its largest rank: the same minima as over every rank one by one.
        let m = rank as f64;
        let mut adjusted = vec![1.0; runs.len()];
        let mut running = 1.0_f64;
        for (i, &(v, rank)) in runs.iter().enumerate().rev() {
            let q = v * m / rank as f64;
            running = running.min(q);
            adjusted[i] = running.min(1.0);
        }
        let values = runs.into_iter().map(|(v, _)| v).collect();
        SortedAdjustment { values, adjusted }
    }

    /// The adjusted value of `p`: tied p-values all take the value at the largest rank among
    /// them, as in [`benjamini_hochberg`].
    fn of(&self, p: f64) -> f64 {
        let after = self.values.partition_point(|x| x.total_cmp(&p).is_le());
        after
            .checked_sub(1)
            .and_then(|i| self.adjusted.get(i))
            .copied()
            .unwrap_or(1.0)
    }
}

/// A term's scores in a group: δ, z, G² and the p-value of G².
type Score = [f64; 4];

/// The terms of the vocabulary with one pooled count.
struct SameCount<'v> {
    count: u64,
    /// Their numbers in the vocabulary, ascending.
    terms: &'v [u32],
}

/// Scores of a group's rare terms by (pooled count, count in the group), each computed once.
/// Within a group a score depends only on those two counts, most of a vocabulary is rare
/// terms, and the same few pairs recur across hundreds of thousands of them.
struct ScoreCache {
    /// Pair (total, count) with `count ≤ total < SMALL` at `total·(total+1)/2 + count`; NaN
    /// until computed.
    small: Vec<Score>,
}

impl ScoreCache {
    const SMALL: u64 = 128;

    fn new() -> Self {
        let n = (Self::SMALL * (Self::SMALL + 1) / 2) as usize;
        ScoreCache {
            small: vec![[f64::NAN; 4]; n],
        }
    }

    /// The score of a term seen `total` times in all, `count` of them in the group.
    fn get(&mut self, total: u64, count: u64, score: impl Fn(u64, u64) -> Score) -> Score {
        if total >= Self::SMALL || count > total {
            return score(total, count);
        }
        let i = (total * (total + 1) / 2 + count) as usize;
        let cell = &mut self.small[i];
        if cell[0].is_nan() {
            *cell = score(total, count);
        }
        *cell
    }
}

/// A term a group uses fewer than `min_count` times gets a row only when it avoids it this
/// clearly (z ≤ −1.96).
pub const AVOIDED_Z: f64 = 1.96;

/// Keyness settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeynessOptions {
    /// Terms seen fewer times than this in the whole corpus are not scored.
    pub min_count: u64,
    /// Strength `s` of the informative prior: `α_w = s · y_w`. Zero, less, or not a number
    /// counts as 1.
    pub prior_scale: f64,
    /// Continuity correction of G².
    pub correction: Correction,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions {
            min_count: 2,
            prior_scale: 1.0,
            correction: Correction::Default,
        }
    }
}

/// One row of `keyness.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyRow<'a> {
    /// Group name.
    pub group: &'a str,
    /// Counting key.
    pub key: &'a str,
    /// How the term is shown.
    pub term: &'a str,
    /// Words in the term.
    pub n: usize,
    /// Occurrences in the group.
    pub count: u64,
    /// Occurrences in all other groups.
    pub count_rest: u64,
    /// Documents of the group with the term.
    pub doc_freq: u32,
    /// Documents of the other groups with the term.
    pub doc_freq_rest: u32,
    /// Documents in the group.
    pub docs: u32,
    /// Documents in the other groups.
    pub docs_rest: u32,
    /// Tokens in the group.
    pub tokens: u64,
    /// Tokens in the other groups.
    pub tokens_rest: u64,
    /// Monroe et al.'s δ (natural log).
    pub log_odds: f64,
    /// δ / σ.
    pub z: f64,
    /// Signed G².
    pub g2: f64,
    /// p-value of G² (χ², 1 df).
    pub p_value: f64,
    /// Benjamini–Hochberg adjusted p-value within the group.
    pub p_adjusted: f64,
    /// First occurrence in the group, if any.
    pub first: Option<Occurrence>,
    /// Whether the term is a group's own name: this group's, or another's ([`OwnName`]).
    pub naming: Naming,
}

/// Whether a keyness term is a group's own name ([`OwnName`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Naming {
    /// It is no group's name.
    #[default]
    None,
    /// It is the name of the row's group.
    Own,
    /// It is other groups' names, not this one's, and they make most of the other groups'
    /// uses of it: a group under-uses it because the others name themselves.
    Other,
}

/// A group's own name, as keyness reads it: the name's words as term keys ("The Capital
/// Courier" gives "capital" and "courier"; stop words and numbers left out, stems when the
/// table is stemmed), and how often the group writes the whole name.
///
/// A term is the group's own name when its words are name words, stop words and numbers, with
/// at least one name word, and the group uses it no more than 5/4 times as often as the whole
/// name: so most of its uses can be the name. For The Capital Courier, which prints its name in
/// 78 bylines, that is "capital courier", "courier" and "capital" (78 uses each) and "2024 the
/// capital" (a copyright line, 22), but not "capital city" nor "courier said". For The New
/// York Times it is not "new york" where the paper writes about the city more often than it
/// names itself. An outlet that names itself in every byline, dateline and credit over-uses
/// its name more than any word it chooses, and keyness would put the name first.
///
/// How often the whole name is written is the least count among the name's own terms (its
/// words and phrases, up to the table's longest): a lower bound on each, and the name's count
/// when it fits in a phrase.
///
/// ```
/// use slant_corpus::segment::segment;
/// use slant_metrics::keyness::OwnName;
/// use slant_metrics::terms::{count_terms, TermOptions, TermTable};
/// let opts = TermOptions::default();
/// let mut table = TermTable::new(&opts);
/// let text = "By The Capital Courier staff. The capital city was calm. The Capital Courier.";
/// table.add("The Capital Courier", 0, count_terms(text, &segment(text), &opts));
/// let name = OwnName::of(&table, "The Capital Courier");
/// assert!(name.is("capital courier", 2) && name.is("courier", 2));
/// // Twice the name and once the city: not 4 uses in 5.
/// assert!(!name.is("capital", 3));
/// assert!(!name.is("capital city", 1));
/// ```
#[derive(Debug, Clone, Default)]
pub struct OwnName {
    /// Sorted.
    words: Vec<String>,
    /// How often the group writes its whole name.
    written: u64,
}

impl OwnName {
    /// The own name of `group` in `table`. The placeholder of a missing value, `(none)`,
    /// names nothing.
    pub fn of(table: &TermTable, group: &str) -> OwnName {
        if group == "(none)" {
            return OwnName::default();
        }
        let opts = TermOptions {
            max_n: table.max_words(),
            keep_stopwords: false,
            stem: table.stemmed(),
        };
        let terms = count_terms(group, &segment(group), &opts);
        let mut words: Vec<String> = terms
            .iter()
            .map(|(key, _)| key)
            .filter(|key| !key.contains(' ') && !is_number(key))
            .map(str::to_string)
            .collect();
        words.sort_unstable();
        let written = if words.is_empty() {
            0
        } else {
            terms
                .iter()
                .map(|(key, _)| table.term(group, key).map_or(0, |t| t.count))
                .min()
                .unwrap_or(0)
        };
        OwnName { words, written }
    }

    /// Whether the term keyed `key` (words joined by one space), used `count` times by the
    /// group, is its own name.
    pub fn is(&self, key: &str, count: u64) -> bool {
        count > 0 && count.saturating_mul(4) <= self.written.saturating_mul(5) && self.words_of(key)
    }

    /// Whether `key` has a name word and nothing but name words, stop words and numbers.
    fn words_of(&self, key: &str) -> bool {
        let mut named = false;
        for word in key.split(' ') {
            if self
                .words
                .binary_search_by(|w| w.as_str().cmp(word))
                .is_ok()
            {
                named = true;
            } else if !(is_stopword(word) || is_number(word)) {
                return false;
            }
        }
        named
    }
}

/// The own names of every group of a table, looked up by word.
struct GroupNames<'a> {
    table: &'a TermTable,
    /// By group, in the table's order: its name and its own name.
    names: Vec<(&'a str, OwnName)>,
    /// Each name word, with the groups (numbers in `names`, ascending) whose name has it.
    by_word: FxHashMap<String, Vec<u32>>,
}

impl<'a> GroupNames<'a> {
    fn new(table: &'a TermTable) -> GroupNames<'a> {
        let names: Vec<(&str, OwnName)> = table
            .groups()
            .map(|(g, _)| (g, OwnName::of(table, g)))
            .collect();
        let mut by_word: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, (_, name)) in names.iter().enumerate() {
            for w in &name.words {
                by_word.entry(w.clone()).or_default().push(i as u32);
            }
        }
        GroupNames {
            table,
            names,
            by_word,
        }
    }

    /// How many uses of `key` are groups naming themselves: the sum of its counts in the
    /// groups whose own name it is. Only the groups whose name has the key's rarest name word
    /// are tried (with 5,000 authors called John, "john smith" tries the Smiths), and none
    /// when a word of the key is in no group's name.
    fn self_named(&self, key: &str) -> u64 {
        let mut fewest: Option<&Vec<u32>> = None;
        for word in key.split(' ') {
            match self.by_word.get(word) {
                Some(groups) => {
                    if fewest.is_none_or(|f| groups.len() < f.len()) {
                        fewest = Some(groups);
                    }
                }
                None if is_stopword(word) || is_number(word) => {}
                None => return 0,
            }
        }
        let Some(groups) = fewest else {
            return 0;
        };
        let mut total = 0u64;
        for &j in groups {
            let (group, name) = &self.names[j as usize];
            if !name.words_of(key) {
                continue;
            }
            let used = self.table.term(group, key).map_or(0, |t| t.count);
            if name.is(key, used) {
                total = total.saturating_add(used);
            }
        }
        total
    }

    /// Whether `key`, used `count` times by group `i` and `count_rest` times by the others,
    /// of which `self_named` ([`GroupNames::self_named`]) are groups naming themselves, is
    /// group `i`'s own name, other groups' names, or neither. It is other groups' names when
    /// the groups naming themselves make at least 4 in 5 of the others' uses: then group `i`
    /// under-uses it because they name themselves. (A first name shared by many authors is
    /// one author's name in that author's bylines, but the rest's uses of it are mostly
    /// other people's.)
    fn naming(
        &self,
        i: usize,
        key: &str,
        (count, count_rest): (u64, u64),
        self_named: u64,
    ) -> Naming {
        if self.names.get(i).is_some_and(|(_, n)| n.is(key, count)) {
            Naming::Own
        } else if self_named > 0 && self_named.saturating_mul(5) >= count_rest.saturating_mul(4) {
            Naming::Other
        } else {
            Naming::None
        }
    }
}

/// Whether a word is a number ("2024", "3,000", "1.5"): digits, and marks between them.
fn is_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'\'' | b':'))
}

/// Scores every term seen at least `min_count` times in the corpus, for every group against
/// the rest. Rows are sorted by group, then z (descending), then term. Groups without tokens,
/// or whose rest has none (a single group), are left out: there is nothing to compare.
pub fn keyness<'a>(table: &'a TermTable, opts: &KeynessOptions) -> Vec<KeyRow<'a>> {
    let mut rows = Vec::new();
    let done: Result<(), std::convert::Infallible> = keyness_each(
        table,
        opts,
        rayon::current_num_threads,
        |group_rows| group_rows,
        |group_rows| {
            rows.extend(group_rows);
            Ok(())
        },
    );
    match done {
        Ok(()) => rows,
        Err(never) => match never {},
    }
}

/// [`keyness`] one group at a time: `map` gets a group's rows, sorted by z (descending), then
/// term, on the thread that scored them, and `each` gets what `map` made of them, in group
/// order. Groups are scored (and mapped) `at_once()` at a time, in parallel, so memory holds
/// the rows of only that many groups; `at_once` is asked again before each such batch, so a
/// caller can score more at once when a core falls idle.
pub fn keyness_each<'a, T: Send, E>(
    table: &'a TermTable,
    opts: &KeynessOptions,
    at_once: impl Fn() -> usize,
    map: impl Fn(Vec<KeyRow<'a>>) -> T + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let (total_docs, total_tokens) = table
        .groups()
        .fold((0u32, 0u64), |(d, t), (_, g)| (d + g.docs, t + g.tokens));
    let vocab: Vec<Pooled> = table.pooled(opts.min_count);
    let scale = if opts.prior_scale > 0.0 {
        opts.prior_scale
    } else {
        1.0
    };
    let alpha_0 = scale * total_tokens as f64;
    let groups: Vec<(usize, &'a str, &'a GroupTerms)> = table
        .groups()
        .enumerate()
        .map(|(i, (name, g))| (i, name, g))
        .collect();
    let names = GroupNames::new(table);
    // The terms that are some group's own name, with how many of their uses are groups
    // naming themselves (by number in `vocab`): worked out once per term, not per group.
    let self_named: FxHashMap<u32, u64> = vocab
        .par_iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let n = names.self_named(table.key(t.term));
            (n > 0).then_some((i as u32, n))
        })
        .collect();
    // Where each term of the table is in `vocab`, if it is.
    let numbers = table.numbers();
    let mut in_vocab = vec![u32::MAX; numbers.len()];
    for (i, term) in vocab.iter().enumerate() {
        in_vocab[numbers.of(term.term)] = i as u32;
    }
    // The vocabulary by pooled count: for each distinct count, its terms (numbers in
    // `vocab`); and for each term, where its count is in that list.
    let mut order: Vec<u32> = (0..vocab.len() as u32).collect();
    order.sort_by_key(|&i| vocab[i as usize].count);
    let mut by_count: Vec<SameCount<'_>> = Vec::new();
    let mut count_of = vec![0u32; vocab.len()];
    for run in order.chunk_by(|&a, &b| vocab[a as usize].count == vocab[b as usize].count) {
        for &i in run {
            count_of[i as usize] = by_count.len() as u32;
        }
        by_count.push(SameCount {
            count: vocab[run[0] as usize].count,
            terms: run,
        });
    }
    // Groups are scored independently, in parallel; rows come back in group order.
    let score_group = |&(index, group, g): &(usize, &'a str, &'a GroupTerms)| -> Vec<KeyRow<'a>> {
        {
            let tokens_rest = total_tokens - g.tokens;
            if g.tokens == 0 || tokens_rest == 0 {
                return Vec::new();
            }
            let score = |total: u64, count: u64| -> Score {
                let count_rest = total - count;
                let (log_odds, z) = log_odds_z(
                    count as f64,
                    g.tokens as f64,
                    count_rest as f64,
                    tokens_rest as f64,
                    scale * total as f64,
                    alpha_0,
                );
                let g2 = g2(
                    count as f64,
                    count_rest as f64,
                    g.tokens as f64,
                    tokens_rest as f64,
                    opts.correction,
                );
                [log_odds, z, g2, chi2_1df_p(g2)]
            };
            let mut scores = ScoreCache::new();
            // Every term of the vocabulary is scored and counts towards the Benjamini–Hochberg
            // adjustment; a row is kept when the group uses the term at least `min_count`
            // times, or avoids it clearly (z ≤ −1.96). The other rows say nothing about the
            // group, and at scale they would be groups × vocabulary.
            //
            // The terms the group uses come from its own entries. Those it never uses score
            // by their pooled count alone, so they are taken a pooled count at a time: one
            // p-value for each such count, weighted by how many unused terms have it, and
            // their rows only where z ≤ −1.96. A group costs what it uses plus the number
            // of distinct pooled counts, not the whole vocabulary.
            //
            // The kept terms are listed first, by number and counts (32 bytes each), and their
            // rows (160 bytes each) made once their number is known, in a list of just that
            // size, their scores read again from the cache. (Rows grown by doubling, or the
            // kept terms listed with their scores, were 18–19 MB more at the report's peak at
            // 100,000 articles; walking the group's terms twice cost 1% more instructions.)
            let mut unused: Vec<u64> = by_count.iter().map(|c| c.terms.len() as u64).collect();
            let mut p_values: Vec<(f64, u64)> = Vec::new();
            let mut kept: Vec<(u32, Option<TermStat>)> = Vec::new();
            for (id, stat) in table.group_terms(g) {
                let i = in_vocab[numbers.of(id)];
                if i == u32::MAX {
                    continue;
                }
                let term = &vocab[i as usize];
                unused[count_of[i as usize] as usize] -= 1;
                let s = scores.get(term.count, stat.count, score);
                p_values.push((s[3], 1));
                if stat.count >= opts.min_count || s[1] <= -AVOIDED_Z {
                    kept.push((i, Some(stat)));
                }
            }
            for (pooled, &n) in by_count.iter().zip(&unused) {
                if n == 0 {
                    continue;
                }
                let s = scores.get(pooled.count, 0, score);
                p_values.push((s[3], n));
                if s[1] <= -AVOIDED_Z {
                    for &i in pooled.terms {
                        if table.stat(g, vocab[i as usize].term).is_none() {
                            kept.push((i, None));
                        }
                    }
                }
            }
            let adjusted = SortedAdjustment::new(p_values);
            let mut rows = Vec::with_capacity(kept.len());
            for (i, stat) in kept {
                let term = &vocab[i as usize];
                let count = stat.map_or(0, |s| s.count);
                let [log_odds, z, g2, p_value] = scores.get(term.count, count, score);
                let doc_freq = stat.map_or(0, |s| s.doc_freq);
                let key = table.key(term.term);
                rows.push(KeyRow {
                    group,
                    key,
                    term: table.display(key),
                    n: key.split(' ').count(),
                    count,
                    count_rest: term.count - count,
                    doc_freq,
                    doc_freq_rest: term.docs - doc_freq,
                    docs: g.docs,
                    docs_rest: total_docs - g.docs,
                    tokens: g.tokens,
                    tokens_rest,
                    log_odds,
                    z,
                    g2,
                    p_value,
                    p_adjusted: adjusted.of(p_value),
                    first: stat.map(|s| s.first),
                    naming: names.naming(
                        index,
                        key,
                        (count, term.count - count),
                        self_named.get(&i).copied().unwrap_or(0),
                    ),
                });
            }
            // A group's keys are distinct, so the order is total and an unstable sort exact.
            rows.sort_unstable_by(|a, b| {
                b.z.total_cmp(&a.z)
                    .then_with(|| a.term.cmp(b.term))
                    .then_with(|| a.key.cmp(b.key))
            });
            rows
        }
    };
    let mut rest = &groups[..];
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(at_once().clamp(1, rest.len()));
        rest = after;
        let scored: Vec<T> = chunk.par_iter().map(|g| map(score_group(g))).collect();
        for done in scored {
            each(done)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sorted-list adjustment gives every p-value what the full one gives, ties included.
    #[test]
    fn sorted_adjustment_matches_benjamini_hochberg() {
        let mut rng = slant_corpus::rng::SplitMix64::new(3);
        for n in [1usize, 2, 7, 100, 1000] {
            // Few distinct values, so that ties are common; some exact zeros and ones.
            let p: Vec<f64> = (0..n)
                .map(|_| rng.below(50) as f64 / 49.0 * (rng.below(3) as f64 / 2.0))
                .collect();
            let want = benjamini_hochberg(&p);
            let one_by_one = SortedAdjustment::new(p.iter().map(|&x| (x, 1)).collect());
            // The same p-values as runs of equal values with a count each, a value split over
            // several runs in no particular order, as keyness gives them.
            let mut runs: Vec<(f64, u64)> = Vec::new();
            let mut rest = p.clone();
            rest.sort_by(f64::total_cmp);
            while let Some(&x) = rest.last() {
                let same = rest
                    .iter()
                    .rev()
                    .take_while(|y| y.total_cmp(&x).is_eq())
                    .count();
                let take = 1 + rng.below(same);
                rest.truncate(rest.len() - take);
                runs.push((x, take as u64));
            }
            runs.reverse();
            let weighted = SortedAdjustment::new(runs);
            for (x, w) in p.iter().zip(&want) {
                assert_eq!(one_by_one.of(*x).to_bits(), w.to_bits(), "p = {x}, n = {n}");
                assert_eq!(weighted.of(*x).to_bits(), w.to_bits(), "p = {x}, n = {n}");
            }
        }
    }
    use crate::terms::{count_terms, TermOptions};
    use slant_corpus::segment::segment;

    fn close(got: f64, want: f64, tol: f64) {
        assert!((got - want).abs() <= tol, "got {got}, want {want}");
    }

    // Worked by hand. Table: a = 10, b = 10, c = 990, d = 8990, N = 10000.
    // E11 = 20·1000/10000 = 2, E12 = 20·9000/10000 = 18, E21 = 9980·1000/10000 = 998,
    // E22 = 9980·9000/10000 = 8982.
    // G² = 2·(10 ln 5 + 10 ln(10/18) + 990 ln(990/998) + 8990 ln(8990/8982))
    //    = 2·(16.094379 − 5.877867 − 7.967850 + 8.003562) = 2·10.252224 = 20.50445.
    #[test]
    fn g2_by_hand_without_correction() {
        close(
            g2(10.0, 10.0, 1000.0, 9000.0, Correction::None),
            20.50445,
            1e-3,
        );
    }

    // The smallest expected count (E11 = 2) is below 5 and |ad − bc| = |89900 − 9900| = 80000 >
    // N/2, so the default applies Yates: a = 9.5, b = 10.5, c = 990.5, d = 8989.5.
    // G² = 2·(9.5 ln 4.75 + 10.5 ln(10.5/18) + 990.5 ln(990.5/998) + 8989.5 ln(8989.5/8982))
    //    = 2·(14.802374 − 5.659463 − 7.471748 + 7.503130) = 2·9.174293 = 18.34859.
    #[test]
    fn g2_by_hand_with_quanteda_default_correction() {
        close(
            g2(10.0, 10.0, 1000.0, 9000.0, Correction::Default),
            18.34859,
            1e-3,
        );
        // Under-use is negative: 0 of 1000 against 20 of 9000 (E11 = 2, so Yates too).
        assert!(g2(0.0, 20.0, 1000.0, 9000.0, Correction::Default) < 0.0);
        // Yates on request corrects this table the same way…
        close(
            g2(10.0, 10.0, 1000.0, 9000.0, Correction::Yates),
            18.34859,
            1e-3,
        );
        // …and, unlike the default, a table whose expected counts are all large.
        let (yates, plain) = (
            g2(100.0, 100.0, 1000.0, 9000.0, Correction::Yates),
            g2(100.0, 100.0, 1000.0, 9000.0, Correction::None),
        );
        assert!(0.0 < yates && yates < plain, "{yates} against {plain}");
    }

    // quanteda's default applies Yates only when both hold: an expected count below 5, and
    // |ad − bc| above N/2. Each table below fails exactly one condition, or sits on its edge,
    // so the default must give the uncorrected G² there.
    #[test]
    fn g2_default_correction_needs_both_a_small_expected_count_and_a_wide_gap() {
        let same = |a: f64, b: f64, n_target: f64, n_ref: f64| {
            let plain = g2(a, b, n_target, n_ref, Correction::None);
            assert_eq!(
                g2(a, b, n_target, n_ref, Correction::Default),
                plain,
                "a = {a}, b = {b}, n = {n_target} + {n_ref}"
            );
            plain
        };
        // Every expected count at least 20, |ad − bc| = 800,000 ≫ N/2: no correction.
        assert!(same(100.0, 100.0, 1000.0, 9000.0) > 100.0);
        // a = 10, b = 0, c = 0, d = 10: every expected count exactly 5, not below it.
        assert!(same(10.0, 0.0, 10.0, 10.0) > 0.0);
        // a = 1, b = 0, c = 1, d = 2: E11 = 0.5, but |ad − bc| = 2 = N/2, not above it.
        assert!(same(1.0, 0.0, 2.0, 2.0) > 0.0);
        // a = b = c = d = 2: E = 2, and ad − bc = 0 (while ad + bc = 8 > N/2).
        assert_eq!(same(2.0, 2.0, 4.0, 4.0), 0.0);
        // Yates on request has the same edge: |ad − bc| = N/2 is left alone.
        assert_eq!(
            g2(1.0, 0.0, 2.0, 2.0, Correction::Yates),
            g2(1.0, 0.0, 2.0, 2.0, Correction::None)
        );
        // …as is a table at independence (ad − bc = 0, ad + bc = 8 > N/2).
        assert_eq!(g2(2.0, 2.0, 4.0, 4.0, Correction::Yates), 0.0);
        assert_eq!(g2(3.0, 3.0, 6.0, 6.0, Correction::Yates), 0.0);
        // a = 2, b = 0, c = 1, d = 3: E11 = 1 and |ad − bc| = 6 > N/2 = 3, so both correct it,
        // towards independence.
        let (default, yates, plain) = (
            g2(2.0, 0.0, 3.0, 3.0, Correction::Default),
            g2(2.0, 0.0, 3.0, 3.0, Correction::Yates),
            g2(2.0, 0.0, 3.0, 3.0, Correction::None),
        );
        assert_eq!(default, yates);
        assert!(0.0 < yates && yates < plain, "{yates} against {plain}");
    }

    #[test]
    fn g2_williams_divides_by_q() {
        // q = 1 + (N/20 + N/9980 − 1)(N/1000 + N/9000 − 1)/(6N)
        //   = 1 + (500 + 1.002004 − 1)(10 + 1.111111 − 1)/60000 = 1.0842596
        close(
            g2(10.0, 10.0, 1000.0, 9000.0, Correction::Williams),
            20.50445 / 1.0842596,
            1e-3,
        );
        // A zero cell (b = 0 here, then c = 0, then d = 0) leaves G² uncorrected.
        for (a, b, n_target, n_ref) in [
            (10.0, 0.0, 20.0, 10.0),
            (10.0, 5.0, 10.0, 20.0),
            (5.0, 10.0, 10.0, 10.0),
        ] {
            let plain = g2(a, b, n_target, n_ref, Correction::None);
            assert!(plain != 0.0);
            assert_eq!(g2(a, b, n_target, n_ref, Correction::Williams), plain);
        }
    }

    #[test]
    fn g2_is_zero_for_equal_rates() {
        assert_eq!(g2(5.0, 45.0, 1000.0, 9000.0, Correction::None), 0.0);
    }

    #[test]
    fn p_values_of_chi_square_one_df() {
        close(chi2_1df_p(3.841459), 0.05, 1e-6);
        close(chi2_1df_p(-6.634897), 0.01, 1e-6);
        close(chi2_1df_p(0.0), 1.0, 1e-12);
        assert!(chi2_1df_p(2000.0) >= 0.0);
    }

    // y_i = 10, n_i = 1000, y_j = 10, n_j = 9000, prior s = 1: α_w = 20, α_0 = 10000.
    // δ = ln(30 / (1000 + 10000 − 10 − 20)) − ln(30 / (9000 + 10000 − 10 − 20))
    //   = ln(30/10970) − ln(30/18970) = ln(18970/10970) = 0.547695
    // σ² = 1/30 + 1/30 = 0.0666667, z = 0.547695 / 0.258199 = 2.121212
    #[test]
    fn log_odds_z_by_hand() {
        let (delta, z) = log_odds_z(10.0, 1000.0, 10.0, 9000.0, 20.0, 10000.0);
        close(delta, 0.547695, 1e-5);
        close(z, 2.121212, 1e-5);
    }

    #[test]
    fn benjamini_hochberg_by_hand() {
        // Sorted p: 0.01, 0.02, 0.03, 0.5 with m = 4: 0.04, 0.04, 0.04, 0.5 after the running min.
        let q = benjamini_hochberg(&[0.5, 0.01, 0.03, 0.02]);
        for (got, want) in q.iter().zip([0.5, 0.04, 0.04, 0.04]) {
            close(*got, want, 1e-12);
        }
    }

    fn table(docs: &[(&str, &str)]) -> TermTable {
        let opts = TermOptions {
            max_n: 1,
            ..TermOptions::default()
        };
        let mut t = TermTable::new(&opts);
        for (i, (group, text)) in docs.iter().enumerate() {
            t.add(group, i as u32, count_terms(text, &segment(text), &opts));
        }
        t
    }

    #[test]
    fn two_groups_are_mirror_images() {
        let t = table(&[
            ("A", "missile missile missile crash crash plane"),
            ("B", "crash plane plane plane plane"),
        ]);
        let opts = KeynessOptions {
            min_count: 1,
            ..KeynessOptions::default()
        };
        let rows = keyness(&t, &opts);
        let find = |g: &str, k: &str| {
            rows.iter()
                .find(|r| r.group == g && r.key == k)
                .cloned()
                .unwrap()
        };
        for k in ["crash", "plane"] {
            let (a, b) = (find("A", k), find("B", k));
            close(a.z, -b.z, 1e-9);
            close(a.g2, -b.g2, 1e-9);
            close(a.log_odds, -b.log_odds, 1e-9);
        }
        assert!(find("A", "missile").z > 0.0);
        // B never says "missile", and three uses by A are too few to call that avoidance.
        assert!(!rows.iter().any(|r| r.group == "B" && r.key == "missile"));
        assert!(find("B", "plane").z > 0.0);
        // Sorted by z within the group.
        let a: Vec<&str> = rows
            .iter()
            .filter(|r| r.group == "A")
            .map(|r| r.key)
            .collect();
        assert_eq!(a, ["missile", "crash", "plane"]);
    }

    #[test]
    fn a_term_clearly_avoided_keeps_its_row_and_the_adjustment_counts_every_term() {
        let a = "missile ".repeat(40) + &"talks ".repeat(20);
        let b = "plane ".repeat(40) + &"talks ".repeat(20) + "missile";
        let t = table(&[("A", &a), ("B", &b), ("C", &"talks ".repeat(60))]);
        let rows = keyness(&t, &KeynessOptions::default());
        let c_missile = rows.iter().find(|r| r.group == "C" && r.key == "missile");
        let c_missile = c_missile.expect("C avoids missile clearly: the row stays");
        assert_eq!(c_missile.count, 0);
        assert!(c_missile.z <= -AVOIDED_Z);
        // Adjusted p-values come from all three terms tested for C, not the rows kept.
        let c: Vec<f64> = ["missile", "plane", "talks"]
            .iter()
            .map(|k| {
                let count = t.term("C", k).map_or(0, |s| s.count);
                let rest = [("A", k), ("B", k)]
                    .iter()
                    .map(|(g, k)| t.term(g, k).map_or(0, |s| s.count))
                    .sum::<u64>();
                chi2_1df_p(g2(
                    count as f64,
                    rest as f64,
                    60.0,
                    121.0,
                    Correction::Default,
                ))
            })
            .collect();
        close(c_missile.p_adjusted, benjamini_hochberg(&c)[0], 1e-12);
    }

    /// Every group against every term of the vocabulary, one term at a time: what keyness
    /// must give, however it takes the terms a group never uses.
    fn reference(t: &TermTable, opts: &KeynessOptions) -> Vec<(String, String, u64, u64, u64)> {
        let vocab = t.pooled(opts.min_count);
        let (groups, tokens) = t
            .groups()
            .fold((0u64, 0u64), |(k, n), (_, g)| (k + 1, n + g.tokens));
        assert!(groups > 1);
        let mut rows = Vec::new();
        for (name, g) in t.groups() {
            let rest = tokens - g.tokens;
            let mut scored = Vec::new();
            for term in &vocab {
                let stat = t.stat(g, term.term);
                let count = stat.map_or(0, |s| s.count);
                let other = term.count - count;
                let (_, z) = log_odds_z(
                    count as f64,
                    g.tokens as f64,
                    other as f64,
                    rest as f64,
                    opts.prior_scale * term.count as f64,
                    opts.prior_scale * tokens as f64,
                );
                let g2 = g2(
                    count as f64,
                    other as f64,
                    g.tokens as f64,
                    rest as f64,
                    opts.correction,
                );
                scored.push((t.key(term.term), stat, count, z, chi2_1df_p(g2)));
            }
            let p: Vec<f64> = scored.iter().map(|s| s.4).collect();
            let adjusted = benjamini_hochberg(&p);
            for ((key, stat, count, z, _), q) in scored.into_iter().zip(adjusted) {
                if (stat.is_some() && count >= opts.min_count) || z <= -AVOIDED_Z {
                    rows.push((
                        name.to_string(),
                        key.to_string(),
                        count,
                        z.to_bits(),
                        q.to_bits(),
                    ));
                }
            }
        }
        rows.sort();
        rows
    }

    #[test]
    fn many_groups_score_as_every_term_one_at_a_time() {
        let mut rng = slant_corpus::rng::SplitMix64::new(11);
        let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        let mut docs: Vec<(String, String)> = Vec::new();
        for d in 0..400 {
            // A skewed vocabulary, so that pooled counts repeat and frequent words go unused
            // by some groups. Group 0, a third of the corpus, never says the commonest word:
            // clear avoidance.
            let group = if d % 3 == 0 { 0 } else { 1 + d % 36 };
            let text: Vec<&str> = (0..30)
                .map(|_| {
                    let r = rng.below(words.len());
                    &words[r * r / words.len()]
                })
                .filter(|w| group != 0 || *w != "w0")
                .map(String::as_str)
                .collect();
            docs.push((format!("G{group:02}"), text.join(" ")));
        }
        let docs: Vec<(&str, &str)> = docs.iter().map(|(g, t)| (g.as_str(), t.as_str())).collect();
        let mut t = table(&docs);
        for min_count in [1, 3] {
            let opts = KeynessOptions {
                min_count,
                ..KeynessOptions::default()
            };
            let want = reference(&t, &opts);
            assert!(want.iter().any(|r| r.2 == 0), "no avoided rows to check");
            for listed in [false, true] {
                if listed {
                    t.shrink_to_fit();
                }
                let mut got: Vec<_> = keyness(&t, &opts)
                    .into_iter()
                    .map(|r| {
                        let (g, k) = (r.group.to_string(), r.key.to_string());
                        (g, k, r.count, r.z.to_bits(), r.p_adjusted.to_bits())
                    })
                    .collect();
                got.sort();
                assert_eq!(got, want, "min_count {min_count}");
            }
        }
    }

    /// However many groups are scored at once, and however that changes between batches, each
    /// group's rows come to `each` once, whole and in group order.
    #[test]
    fn groups_come_in_order_whatever_the_batch_sizes() {
        let docs: Vec<(String, String)> = (0..60)
            .map(|d| {
                let text = format!(
                    "crash plane {} missile w{} grozny w{}",
                    d % 7,
                    d % 5,
                    d % 11
                );
                (format!("G{:02}", d % 13), text)
            })
            .collect();
        let docs: Vec<(&str, &str)> = docs.iter().map(|(g, t)| (g.as_str(), t.as_str())).collect();
        let t = table(&docs);
        let opts = KeynessOptions::default();
        let render = |rows: Vec<KeyRow<'_>>| -> Vec<(String, String, u64)> {
            rows.iter()
                .map(|r| (r.group.to_string(), r.key.to_string(), r.z.to_bits()))
                .collect()
        };
        let want = render(keyness(&t, &opts));
        assert!(
            want.iter()
                .map(|r| &r.0)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 5
        );
        // Batches of 1, 2, 3, 1, 2, 3, …
        let asked = std::cell::Cell::new(0usize);
        let at_once = || {
            asked.set(asked.get() + 1);
            1 + asked.get() % 3
        };
        let mut got = Vec::new();
        let done: Result<(), std::convert::Infallible> =
            keyness_each(&t, &opts, at_once, render, |rows| {
                got.extend(rows);
                Ok(())
            });
        assert!(done.is_ok());
        assert!(asked.get() > 3);
        assert_eq!(got, want);
    }

    #[test]
    fn a_single_group_has_nothing_to_compare() {
        let t = table(&[("A", "missile crash"), ("A", "crash")]);
        assert!(keyness(&t, &KeynessOptions::default()).is_empty());
    }

    #[test]
    fn rows_state_sample_sizes_and_document_spread() {
        let t = table(&[
            ("A", "drone drone drone"),
            ("A", "airport"),
            ("B", "airport airport"),
        ]);
        let rows = keyness(&t, &KeynessOptions::default());
        let drone = rows
            .iter()
            .find(|r| r.group == "A" && r.key == "drone")
            .unwrap();
        assert_eq!((drone.count, drone.count_rest), (3, 0));
        assert_eq!((drone.doc_freq, drone.docs, drone.docs_rest), (1, 2, 1));
        assert_eq!((drone.tokens, drone.tokens_rest), (4, 2));
        assert_eq!(
            drone.first,
            Some(Occurrence {
                doc: 0,
                sentence: 0
            })
        );
    }

    /// An outlet that names itself in its bylines has its name flagged as its own, and as
    /// another's in the outlets that under-use it; a word it shares with a name but mostly
    /// uses otherwise ("capital", "new york") is not the name.
    #[test]
    fn a_groups_own_name_is_flagged_for_it_and_for_the_others() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let filler = "Crews searched the site. Investigators met officials. Talks continued.";
        for d in 0..6u32 {
            let docs = [
                (
                    "The Capital Courier",
                    format!(
                        "By staff of The Capital Courier. {filler} The capital city was calm. \
                         Drone footage emerged. Copyright 2024 The Capital Courier. \
                         Capital Courier staff added this."
                    ),
                ),
                (
                    "The New York Times",
                    format!(
                        "{filler} Flights to New York resumed. New York officials spoke. \
                         A New York court ruled. Anna Smith agreed. Anna Smith left.{}",
                        if d == 0 {
                            " Reported for The New York Times."
                        } else {
                            ""
                        }
                    ),
                ),
                (
                    "Daily Wire",
                    format!("Sanctions followed. {}", filler.repeat(6)),
                ),
                ("Anna Lee", format!("By Anna Lee. {filler} Talks stalled.")),
            ];
            for (i, (group, text)) in docs.iter().enumerate() {
                t.add(
                    group,
                    d * 4 + i as u32,
                    count_terms(text, &segment(text), &opts),
                );
            }
        }
        let rows = keyness(&t, &KeynessOptions::default());
        let naming = |group: &str, key: &str| {
            rows.iter()
                .find(|r| r.group == group && r.key == key)
                .map(|r| r.naming)
        };
        let courier = "The Capital Courier";
        for key in ["capital courier", "courier", "2024 the capital"] {
            assert_eq!(naming(courier, key), Some(Naming::Own), "{key}");
        }
        // "capital" is the name in 18 of its 24 uses: fewer than 4 in 5.
        assert_eq!(naming(courier, "capital"), Some(Naming::None));
        assert_eq!(naming(courier, "capital city"), Some(Naming::None));
        assert_eq!(naming(courier, "drone footage"), Some(Naming::None));
        // The city, not the paper, which names itself once.
        assert_eq!(naming("The New York Times", "new york"), Some(Naming::None));
        // The others under-use the Courier's name because the Courier prints it.
        let wire = rows
            .iter()
            .find(|r| r.group == "Daily Wire" && r.key == "capital courier")
            .expect("a clearly avoided term has a row");
        assert!(wire.z <= -AVOIDED_Z && wire.naming == Naming::Other);
        assert_eq!(naming("Daily Wire", "new york"), Some(Naming::None));
        // "anna" is Anna Lee's name in her bylines, but most of the others' uses of it are
        // another Anna: the Wire does not under-use it because Anna Lee names herself.
        assert_eq!(naming("Anna Lee", "anna"), Some(Naming::Own));
        let anna = rows
            .iter()
            .find(|r| r.group == "Daily Wire" && r.key == "anna")
            .expect("a clearly avoided term has a row");
        assert!(anna.z <= -AVOIDED_Z && anna.naming == Naming::None);
        // The uses of the name's phrases that are groups naming themselves, stop words and
        // numbers included: all the Courier's.
        let names = GroupNames::new(&t);
        assert_eq!(names.self_named("capital courier"), 18);
        assert_eq!(names.self_named("2024 the capital"), 6);
        assert_eq!(names.self_named("capital city"), 0);
        // A name no group writes, and the placeholder of a missing value, name nothing; nor
        // does a name that a group does not use.
        assert!(!OwnName::of(&t, "Daily Wire").is("daily wire", 1));
        assert!(!OwnName::of(&t, "(none)").is("none", 1));
        assert!(!OwnName::of(&t, courier).is("capital courier", 0));
    }

    /// The cache of rare terms' scores gives each (total, count) pair its own score, in any
    /// order of asking, and computes it once.
    #[test]
    fn the_score_cache_keeps_each_pair_apart() {
        let mut cache = ScoreCache::new();
        let calls = std::cell::Cell::new(0u32);
        let score = |total: u64, count: u64| {
            calls.set(calls.get() + 1);
            [total as f64, count as f64, 0.0, 0.0]
        };
        let small = ScoreCache::SMALL;
        let mut pairs: Vec<(u64, u64)> = (0..small + 3)
            .flat_map(|total| (0..=total).map(move |count| (total, count)))
            .collect();
        // Largest first, then again smallest first: a collision shows either way.
        pairs.reverse();
        for &(total, count) in pairs.iter().chain(pairs.iter().rev()) {
            let got = cache.get(total, count, score);
            assert_eq!(got[..2], [total as f64, count as f64], "({total}, {count})");
        }
        // Pairs below SMALL once each; the rest every time.
        let cached = small * (small + 1) / 2;
        let uncached = pairs.len() as u64 - cached;
        assert_eq!(u64::from(calls.get()), cached + 2 * uncached);
    }

    /// A row's figures for the rest of the corpus are the corpus's less the group's, and its
    /// scores use the prior's scale as asked; a group that writes another's name a little
    /// still under-uses it because the other names itself.
    #[test]
    fn rows_count_the_rest_of_the_corpus_and_scale_the_prior() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let mut d = 0;
        let mut add = |t: &mut TermTable, group: &str, text: &str| {
            t.add(group, d, count_terms(text, &segment(text), &opts));
            d += 1;
        };
        for _ in 0..4 {
            add(
                &mut t,
                "The Capital Courier",
                "By The Capital Courier staff. The plane crashed. The plane burned.",
            );
            add(&mut t, "Daily Wire", "The plane crashed. Crews searched.");
        }
        add(
            &mut t,
            "Daily Wire",
            "The Capital Courier said crews searched.",
        );
        let tokens_of = |name: &str| t.group(name).map(|g| g.tokens).unwrap();
        let (wire, courier) = (tokens_of("Daily Wire"), tokens_of("The Capital Courier"));
        fn row<'r>(rows: &'r [KeyRow<'r>], group: &str, key: &str) -> &'r KeyRow<'r> {
            rows.iter()
                .find(|r| r.group == group && r.key == key)
                .unwrap_or_else(|| panic!("no row for {group}: {key}"))
        }
        let rows = |scale: f64| {
            let options = KeynessOptions {
                min_count: 1,
                prior_scale: scale,
                ..KeynessOptions::default()
            };
            keyness(&t, &options)
        };
        for scale in [1.0, 2.0] {
            let rows = rows(scale);
            // The Wire: "plane" 4 times in 4 of its 5 documents; the Courier 8 times in 4 of 4.
            let plane = row(&rows, "Daily Wire", "plane");
            assert_eq!(
                (
                    plane.count,
                    plane.count_rest,
                    plane.doc_freq,
                    plane.doc_freq_rest
                ),
                (4, 8, 4, 4)
            );
            assert_eq!((plane.docs, plane.docs_rest), (5, 4));
            assert_eq!((plane.tokens, plane.tokens_rest), (wire, courier));
            let (log_odds, z) = log_odds_z(
                4.0,
                wire as f64,
                8.0,
                courier as f64,
                scale * 12.0,
                scale * (wire + courier) as f64,
            );
            assert_eq!((plane.log_odds, plane.z), (log_odds, z), "scale {scale}");
            // The Wire writes the Courier's name once. All 4 of the others' uses are the
            // Courier naming itself, more than the 4 in 5 the rule asks for.
            let name = row(&rows, "Daily Wire", "capital courier");
            assert_eq!((name.count, name.count_rest), (1, 4));
            assert_eq!(name.naming, Naming::Other);
        }
        // A scale of zero, or one that is not a number, is the default's 1.
        assert_eq!(rows(0.0), rows(1.0));
        assert_eq!(rows(f64::NAN), rows(1.0));
        assert_ne!(rows(2.0), rows(1.0));
    }

    /// The names `run.json` records and `--g2-correction` takes.
    #[test]
    fn corrections_have_their_command_line_names() {
        let names = [
            Correction::Default,
            Correction::Yates,
            Correction::Williams,
            Correction::None,
        ]
        .map(Correction::name);
        assert_eq!(names, ["default", "yates", "williams", "none"]);
    }

    #[test]
    fn numbers_are_digits_with_marks_between_them() {
        for word in ["2024", "3,000", "1.5", "9:30", "'24", "4"] {
            assert!(is_number(word), "{word}");
        }
        for word in ["g7", "covid19", "f-16", ".", "''", "", "one"] {
            assert!(!is_number(word), "{word}");
        }
    }

    /// A number in a group's name ("Channel 4") is not a name word: the group's other uses of
    /// "4" are not its name.
    #[test]
    fn numbers_in_a_groups_name_are_not_its_name() {
        let opts = TermOptions::default();
        let mut t = TermTable::new(&opts);
        let text = "By Channel 4 staff. Channel 4 reported. Channel 4 added.";
        t.add("Channel 4", 0, count_terms(text, &segment(text), &opts));
        let name = OwnName::of(&t, "Channel 4");
        assert!(name.is("channel", 3) && name.is("channel 4", 3));
        assert!(!name.is("4", 3));
    }

    proptest::proptest! {
        /// Whatever the group names (empty, numbers, stop words, other scripts), keyness
        /// names each row consistently: an own name is the group's, another's name is not.
        #[test]
        fn any_group_names_are_read_without_surprise(
            docs in proptest::collection::vec((
                proptest::sample::select(vec![
                    "", "(none)", "The Times", "2024", "the of", "Le Monde · 2024-07",
                    "Süddeutsche Zeitung", "日本経済新聞", "times", "U.S. News",
                ]),
                proptest::collection::vec(proptest::sample::select(vec![
                    "the", "times", "Times", "monde", "2024", "of", "zeitung", "süddeutsche",
                    "日本経済新聞", "u.s", "news", "crash", "plane", ".", ",",
                ]), 0..30),
            ), 1..12)
        ) {
            let opts = TermOptions::default();
            let mut t = TermTable::new(&opts);
            for (i, (group, words)) in docs.iter().enumerate() {
                let text = words.join(" ");
                t.add(group, i as u32, count_terms(&text, &segment(&text), &opts));
            }
            let options = KeynessOptions { min_count: 1, ..KeynessOptions::default() };
            for r in keyness(&t, &options) {
                let own = OwnName::of(&t, r.group);
                match r.naming {
                    Naming::Own => proptest::prop_assert!(own.is(r.key, r.count), "{:?}", r),
                    Naming::Other | Naming::None => {
                        proptest::prop_assert!(!own.is(r.key, r.count), "{:?}", r)
                    }
                }
            }
        }
    }
}

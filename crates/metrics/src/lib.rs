//! # slant-metrics
//!
//! Pure functions over segmented documents: no file or terminal IO, so every figure can be
//! tested from strings.
//!
//! - [`DocCounts`]: sentences and tokens, the denominators of every rate.
//! - [`terms`]: unigrams and phrases per document, pooled per group with document frequencies
//!   and first occurrences.
//! - [`quotes`]: direct, indirect and scare quotes with speaker, cue verb and stance.
//! - [`lexicon`]: lexicon files (native TOML, plain lists, LIWC, quanteda, Lexicoder), their
//!   linter, an Aho–Corasick matcher over normalised tokens, and bootstrap rates.
//! - [`keyness`]: each group against the rest, by Monroe et al.'s weighted log-odds with an
//!   informative Dirichlet prior and by quanteda's signed G².
//!
//! ```
//! use slant_metrics::DocCounts;
//! let c = DocCounts::of("Mr. Aliyev spoke. Moscow did not answer.");
//! assert_eq!((c.sentences, c.tokens), (2, 7));
//! ```

pub mod keyness;
pub mod lexicon;
pub mod quotes;
pub mod terms;
pub mod varint;

use slant_corpus::segment::{segment, Segmented};

/// Sizes of one document: the denominators of every rate in a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocCounts {
    /// Sentences.
    pub sentences: usize,
    /// Word tokens.
    pub tokens: usize,
}

impl DocCounts {
    /// Counts a cleaned text.
    pub fn of(text: &str) -> Self {
        Self::from_segmented(&segment(text))
    }

    /// Counts an already segmented text.
    pub fn from_segmented(seg: &Segmented) -> Self {
        DocCounts {
            sentences: seg.sentences.len(),
            tokens: seg.tokens.len(),
        }
    }
}

//! # slant-corpus
//!
//! From scraped article pages to clean, segmented documents: the first stage of slant.
//!
//! - [`read`]: the four input kinds (a folder with `manifest.csv`, a plain folder of `.txt`
//!   and `.html` pages, a CSV/TSV/JSONL table, a corpus file written by `slant ingest`), streamed as
//!   [`Outcome`]s so that every input document is either a [`Document`] or a [`Skipped`] with
//!   its reason.
//! - [`decode`]: bytes to text (UTF-8 with or without BOM, UTF-16, Windows-1252, Latin-1), and
//!   [`html`]: HTML pages laid out as text, with the metadata their markup states.
//! - [`clean`]: boilerplate removal for pages dumped to text, and [`meta`]: bylines, dates,
//!   datelines and titles stated in the text; [`function_words`]: the function words of 27
//!   languages besides English, which tell prose from menus on their pages.
//! - [`synth`]: a deterministic generator of news-like articles for benchmarks, on [`rng`].
//! - [`segment`] and [`normalize`]: sentences and word tokens with byte offsets into the cleaned
//!   text, and the normal form of a token for counting.
//!
//! ```
//! use slant_corpus::{clean::clean, segment::segment, normalize::normalize};
//! let page = "Menu\nSign in\nBy Jane Roe\n\
//!     Russia’s officials said on Monday that the plane had been hit by debris from an air defence missile near the city.\n\
//!     © 2025 Daily Planet\n";
//! let cleaned = clean(page, None);
//! assert_eq!(cleaned.meta.author, "Jane Roe");
//! let seg = segment(&cleaned.text);
//! let first = seg.tokens[0].span;
//! assert_eq!(first.slice(&cleaned.text), "Russia’s");
//! assert_eq!(normalize(first.slice(&cleaned.text)), "russia");
//! ```

pub mod clean;
pub mod corpus_file;
pub mod decode;
pub mod document;
pub mod error;
pub mod function_words;
pub mod html;
pub mod meta;
pub mod mojibake;
pub mod normalize;
pub mod read;
pub mod rng;
pub mod segment;
pub mod sentence_bounds;
pub mod stopwords;
pub mod synth;

pub use document::{Document, Metadata, Outcome, Record, Skipped};
pub use error::CorpusError;

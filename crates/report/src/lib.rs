//! # slant-report
//!
//! Turns slant's documents and metrics into the files a report folder holds, and owns every
//! output format: CSV (formula-safe, deterministic), Parquet (through polars), `run.json`. It is
//! the only slant crate that knows polars.
//!
//! Output is atomic: [`output::Staging`] writes into a temporary folder beside the target and
//! renames it into place only when everything was written, so a failed run leaves nothing
//! half-written behind.
//!
//! ```
//! use slant_report::table::safe_cell;
//! assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
//! assert_eq!(safe_cell("-12.5"), "-12.5");
//! assert_eq!(safe_cell("Baku"), "Baku");
//! ```

pub mod charts;
pub mod corpus_file;
pub mod documents;
pub mod error;
pub mod evidence;
mod glyphs;
pub mod html;
pub mod lexicons;
pub mod numbers;
pub mod output;
pub mod quotes;
pub mod run_info;
pub mod summary;
pub mod table;
pub mod terms;

pub use error::ReportError;

//! `documents.csv`: one row per input document, analysed or skipped, so that nothing is lost.

use crate::error::ReportError;
use crate::table::{int, text, Col, Table};
use slant_corpus::Metadata;
use std::path::Path;

/// One row of `documents.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    /// Metadata of the document (at least its id).
    pub meta: Metadata,
    /// The value of the `--by` column for this document.
    pub group: String,
    /// Where it came from.
    pub source: String,
    /// `None` when analysed; the reason when skipped.
    pub skipped: Option<String>,
    /// Sentence count (0 when skipped).
    pub sentences: usize,
    /// Token count (0 when skipped).
    pub tokens: usize,
    /// Bytes of cleaned text (0 when skipped).
    pub text_bytes: usize,
    /// Tokens inside direct quotations: the sources' words, not the document's own (0 when
    /// skipped).
    pub quoted_tokens: usize,
}

/// The columns of `documents.csv`, in order.
pub const COLUMNS: [Col; 15] = [
    text("doc_id"),
    text("outlet"),
    text("title"),
    text("author"),
    text("published"),
    text("status"),
    text("reason"),
    int("sentences"),
    int("tokens"),
    text("group"),
    text("url"),
    text("source"),
    int("text_bytes"),
    int("quoted_tokens"),
    text("language"),
];

/// Writes `documents.csv` (or `.parquet`) row by row, in input order.
pub struct DocumentTable(Table);

impl DocumentTable {
    /// A documents table at `path`.
    pub fn create(path: &Path) -> Result<Self, ReportError> {
        Ok(DocumentTable(Table::create(path, &COLUMNS)?))
    }

    /// Writes one document's row.
    pub fn row(&mut self, r: &DocumentRow) -> Result<(), ReportError> {
        let (status, reason) = match &r.skipped {
            None => ("ok", ""),
            Some(reason) => ("skipped", reason.as_str()),
        };
        let (sentences, tokens, bytes, quoted) = (
            r.sentences.to_string(),
            r.tokens.to_string(),
            r.text_bytes.to_string(),
            r.quoted_tokens.to_string(),
        );
        self.0.row([
            r.meta.id.as_str(),
            &r.meta.outlet,
            &r.meta.title,
            &r.meta.author,
            &r.meta.published,
            status,
            reason,
            &sentences,
            &tokens,
            &r.group,
            &r.meta.url,
            &r.source,
            &bytes,
            &quoted,
            &r.meta.language,
        ])
    }

    /// Finishes the file.
    pub fn finish(self) -> Result<(), ReportError> {
        self.0.finish()
    }
}

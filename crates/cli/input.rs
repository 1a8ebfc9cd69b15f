//! Opening any input kind as a stream of prepared records, Parquet included (read through the
//! report crate, which owns polars).

use anyhow::Context;
use slant_corpus::read::{self, Body, InputKind, Pending, ReadOptions, Source};
use slant_corpus::{CorpusError, Record};
use std::path::Path;

/// Prepared records of an input, in input order.
pub type Records = Box<dyn Iterator<Item = anyhow::Result<Record>> + Send>;

/// The records of one input, in input order, and its kind.
pub fn records(path: &Path, opts: &ReadOptions) -> anyhow::Result<(InputKind, Records)> {
    let kind = read::detect(path)?;
    let source = if kind == InputKind::Parquet {
        // Read a slice of rows at a time, as the analysis takes them.
        let docs = slant_report::corpus_file::open_parquet(
            path,
            &opts.text_col,
            &opts.id_col,
            &opts.outlet_col,
        )?;
        let clean = opts.clean.unwrap_or(false);
        let display = path.display().to_string();
        let pending = docs.enumerate().map(move |(i, d)| {
            let d = d.map_err(|e| CorpusError::File {
                path: display.clone().into(),
                message: match e {
                    slant_report::ReportError::Parquet { message, .. } => message,
                    other => other.to_string(),
                },
            })?;
            let body = if d.text.trim().is_empty() {
                Body::Refused("empty text".into())
            } else {
                Body::Text(d.text)
            };
            Ok(Pending {
                meta: d.meta,
                source: format!("{display}:row {}", i + 1),
                body,
                clean,
            })
        });
        Source::from_records(path, kind, Box::new(pending))
    } else {
        read::open(path, opts)?
    };
    let iter = read::documents(source, opts.max_doc_bytes).map(|r| r.context("reading input"));
    Ok((kind, Box::new(iter)))
}

/// A short name of an input kind for messages and run.json.
pub fn kind_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::ManifestFolder => "manifest folder",
        InputKind::PlainFolder => "plain folder",
        InputKind::Delimited => "delimited table",
        InputKind::Jsonl => "jsonl",
        InputKind::Parquet => "parquet corpus file",
    }
}

/// The stderr line of a skipped document.
pub fn skipped_line(source: &str, id: &str, reason: &str) -> String {
    format!("slant: skipped {id} ({source}): {reason}")
}

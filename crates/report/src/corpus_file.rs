//! Parquet corpus files: the same columns as the JSONL corpus file (`id`, `outlet`, `title`,
//! `author`, `published`, `url`, `language`, every further metadata field, `text`), all strings.

use crate::error::ReportError;
use polars::prelude::*;
use slant_corpus::document::CORE_FIELDS;
use slant_corpus::{Document, Metadata};
use std::collections::BTreeSet;
use std::path::Path;

/// Writes documents to a Parquet file (zstd-compressed, one string column per field).
pub fn write_parquet(path: &Path, docs: &[Document]) -> Result<(), ReportError> {
    let err = |e: PolarsError| ReportError::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let extras: BTreeSet<&str> = docs
        .iter()
        .flat_map(|d| d.meta.extra.keys().map(String::as_str))
        .filter(|k| *k != "text" && !CORE_FIELDS.contains(k))
        .collect();
    let mut columns = Vec::with_capacity(CORE_FIELDS.len() + extras.len() + 1);
    for field in CORE_FIELDS.iter().copied().chain(extras.iter().copied()) {
        let values: Vec<&str> = docs
            .iter()
            .map(|d| d.meta.get(field).unwrap_or_default())
            .collect();
        columns.push(Column::new(field.into(), values));
    }
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    columns.push(Column::new("text".into(), texts));
    let mut df = DataFrame::new(docs.len(), columns).map_err(err)?;
    let file = std::fs::File::create(path).map_err(|e| ReportError::io(path, e))?;
    ParquetWriter::new(file).finish(&mut df).map_err(err)?;
    Ok(())
}

/// Reads a Parquet corpus file. A file without a `text` column is an error; a missing `id`
/// column numbers the rows from 1, and non-string columns are read as their text form.
pub fn read_parquet(
    path: &Path,
    text_col: &str,
    id_col: &str,
    outlet_col: &str,
) -> Result<Vec<Document>, ReportError> {
    let err = |e: PolarsError| ReportError::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(|e| ReportError::io(path, e))?;
    let df = ParquetReader::new(file).finish().map_err(err)?;
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    if !names.iter().any(|n| n == text_col) {
        return Err(ReportError::Parquet {
            path: path.to_path_buf(),
            message: format!(
                "no text column `{text_col}` (columns: {}); name it with --text-col",
                names.join(", ")
            ),
        });
    }
    let mut columns = Vec::with_capacity(names.len());
    for name in &names {
        let col = df
            .column(name)
            .map_err(err)?
            .cast(&DataType::String)
            .map_err(err)?;
        columns.push((name.clone(), col));
    }
    let mut docs = Vec::with_capacity(df.height());
    for row in 0..df.height() {
        let mut meta = Metadata {
            id: (row + 1).to_string(),
            ..Metadata::default()
        };
        let mut text = String::new();
        for (name, col) in &columns {
            let value = col
                .str()
                .map_err(err)?
                .get(row)
                .unwrap_or_default()
                .to_string();
            if name == text_col {
                text = value;
            } else if name == id_col {
                if !value.is_empty() {
                    meta.id = value;
                }
            } else if name == outlet_col {
                meta.outlet = value;
            } else if value.is_empty() {
                // A field that other documents have and this one lacks: absent, as in JSONL.
            } else if name == "id" || name == "outlet" {
                meta.extra.insert(name.clone(), value);
            } else {
                meta.set(name, value);
            }
        }
        docs.push(Document { meta, text });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parquet_round_trip_is_identical() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.parquet");
        let mut meta = Metadata {
            id: "a".into(),
            outlet: "Today.az".into(),
            published: "2025-07-23".into(),
            ..Default::default()
        };
        meta.extra
            .insert("perspective".into(), "Azerbaijani".into());
        let docs = vec![
            Document {
                meta,
                text: "Baku’s “answer”.\n\nSecond paragraph.".into(),
            },
            Document {
                meta: Metadata {
                    id: "b".into(),
                    ..Default::default()
                },
                text: "x".into(),
            },
        ];
        write_parquet(&path, &docs).unwrap();
        let back = read_parquet(&path, "text", "id", "outlet").unwrap();
        assert_eq!(back, docs);
    }
}

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
    let extras: BTreeSet<String> = docs
        .iter()
        .flat_map(|d| d.meta.extra.keys().cloned())
        .collect();
    let mut w = ParquetCorpusWriter::create(path, extras)?;
    for d in docs {
        w.push(d.clone())?;
    }
    w.finish()
}

/// Writes a Parquet corpus file a row group at a time: the columns are the core fields, the
/// further metadata fields named up front (in name order), and `text`, all strings. Memory
/// holds one row group of documents.
pub struct ParquetCorpusWriter {
    path: std::path::PathBuf,
    fields: Vec<String>,
    writer: polars::io::parquet::write::BatchedWriter<std::fs::File>,
    pending: Vec<Document>,
    /// Bytes of text in `pending`.
    pending_bytes: usize,
}

impl ParquetCorpusWriter {
    /// A writer to `path` whose documents may have the metadata fields `extras` besides the
    /// core ones (others are left out).
    pub fn create(
        path: &Path,
        extras: impl IntoIterator<Item = String>,
    ) -> Result<Self, ReportError> {
        let extras: BTreeSet<String> = extras
            .into_iter()
            .filter(|k| k != "text" && !CORE_FIELDS.contains(&k.as_str()))
            .collect();
        let fields: Vec<String> = CORE_FIELDS
            .iter()
            .map(|f| f.to_string())
            .chain(extras)
            .collect();
        let schema: Schema = fields
            .iter()
            .map(String::as_str)
            .chain(["text"])
            .map(|f| Field::new(f.into(), DataType::String))
            .collect();
        let file = std::fs::File::create(path).map_err(|e| ReportError::io(path, e))?;
        let writer = ParquetWriter::new(file)
            .with_row_group_size(Some(ROW_GROUP))
            .batched(&schema)
            .map_err(|e| ReportError::parquet(path, e))?;
        Ok(ParquetCorpusWriter {
            path: path.to_path_buf(),
            fields,
            writer,
            pending: Vec::with_capacity(ROW_GROUP),
            pending_bytes: 0,
        })
    }

    /// Adds a document.
    pub fn push(&mut self, doc: Document) -> Result<(), ReportError> {
        self.pending_bytes += doc.text.len();
        self.pending.push(doc);
        if self.pending.len() == ROW_GROUP || self.pending_bytes >= ROW_GROUP_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ReportError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.pending_bytes = 0;
        let docs = std::mem::take(&mut self.pending);
        let mut columns = Vec::with_capacity(self.fields.len() + 1);
        for field in &self.fields {
            let values: Vec<&str> = docs
                .iter()
                .map(|d| d.meta.get(field).unwrap_or_default())
                .collect();
            columns.push(Column::new(field.as_str().into(), values));
        }
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        columns.push(Column::new("text".into(), texts));
        let df =
            DataFrame::new(docs.len(), columns).map_err(|e| ReportError::parquet(&self.path, e))?;
        self.writer
            .write_batch(&df)
            .map_err(|e| ReportError::parquet(&self.path, e))
    }

    /// Writes what is left and closes the file.
    pub fn finish(mut self) -> Result<(), ReportError> {
        self.flush()?;
        self.writer
            .finish()
            .map_err(|e| ReportError::parquet(&self.path, e))?;
        Ok(())
    }
}

/// Rows per row group of a corpus file written here, and most rows per batch read back: a
/// reader holds one batch of documents at a time. (At 41,000 generated articles, 1,024 rather
/// than 4,096 took `slant ingest`'s peak from 70 to 43 MB and a report's from the file from
/// 206 to 172 MB, in the same time, for a file 0.5% larger. 512 rather than 1,024 took a
/// report's peak from 184 to 173 MB at 100,000 articles and from 124 to 116 MB at 10,000,
/// and `slant ingest`'s at 10,000 from 40 to 36 MB, in the same time, for a file 0.9%
/// larger.)
const ROW_GROUP: usize = 512;
/// A row group written here also ends once it holds this much text, so that long documents
/// do not make one row group (and the batch that reads it back) hundreds of megabytes. (News
/// articles fill a row group by count: 512 of about 4.6 KB are 2.4 MB.)
const ROW_GROUP_BYTES: usize = 8 << 20;

/// Reads a whole Parquet corpus file (see [`ParquetDocs`] for the rules).
pub fn read_parquet(
    path: &Path,
    text_col: &str,
    id_col: &str,
    outlet_col: &str,
) -> Result<Vec<Document>, ReportError> {
    open_parquet(path, text_col, id_col, outlet_col)?.collect()
}

/// Opens a Parquet corpus file for reading in batches of rows. A file without a `text` column
/// is an error; a missing `id` column numbers the rows from 1, and non-string columns are read
/// as their text form.
pub fn open_parquet(
    path: &Path,
    text_col: &str,
    id_col: &str,
    outlet_col: &str,
) -> Result<ParquetDocs, ReportError> {
    let file = std::fs::File::open(path).map_err(|e| ReportError::io(path, e))?;
    let mut reader = ParquetReader::new(file);
    let err = |e: PolarsError| ReportError::parquet(path, e);
    let names: Vec<String> = reader
        .schema()
        .map_err(err)?
        .iter_names()
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
    let rows = reader.num_rows().map_err(err)?;
    if rows == 0 {
        return Err(ReportError::Parquet {
            path: path.to_path_buf(),
            message: "no documents: the file has no rows".into(),
        });
    }
    // Slices follow the row groups (a row group is read whole, so a slice across two would
    // hold both), at most ROW_GROUP rows each.
    let mut slices = std::collections::VecDeque::new();
    for group in &reader.get_metadata().map_err(err)?.row_groups {
        let mut left = group.num_rows();
        while left > 0 {
            let len = left.min(ROW_GROUP);
            slices.push_back(len);
            left -= len;
        }
    }
    Ok(ParquetDocs {
        path: path.to_path_buf(),
        text_col: text_col.to_string(),
        id_col: id_col.to_string(),
        outlet_col: outlet_col.to_string(),
        rows,
        slices,
        next: 0,
        ready: std::collections::VecDeque::new(),
        failed: false,
        ids: slant_corpus::read::IdSet::new(),
    })
}

/// The number of rows of a Parquet file, from its footer.
pub fn parquet_rows(path: &Path) -> Result<usize, ReportError> {
    let file = std::fs::File::open(path).map_err(|e| ReportError::io(path, e))?;
    ParquetReader::new(file)
        .num_rows()
        .map_err(|e| ReportError::parquet(path, e))
}

/// The documents of a Parquet corpus file, read a slice of rows at a time (whole row groups
/// when the file was written by `slant ingest`), in row order.
pub struct ParquetDocs {
    path: std::path::PathBuf,
    text_col: String,
    id_col: String,
    outlet_col: String,
    rows: usize,
    /// The rows of each slice still to read, in order.
    slices: std::collections::VecDeque<usize>,
    next: usize,
    ready: std::collections::VecDeque<Document>,
    failed: bool,
    /// The ids read so far, with their 1-based rows: an id must be unique.
    ids: slant_corpus::read::IdSet,
}

impl ParquetDocs {
    /// Rows in the file.
    pub fn rows(&self) -> usize {
        self.rows
    }

    fn read_slice(&mut self) -> Result<(), ReportError> {
        let path = self.path.as_path();
        let err = |e: PolarsError| ReportError::parquet(path, e);
        let rest = self.rows - self.next;
        let len = self.slices.pop_front().unwrap_or(ROW_GROUP).min(rest);
        let file = std::fs::File::open(path).map_err(|e| ReportError::io(path, e))?;
        let df = ParquetReader::new(file)
            .with_slice(Some((self.next, len)))
            .finish()
            .map_err(err)?;
        let mut columns = Vec::with_capacity(df.width());
        for col in df.columns() {
            let name = col.name().to_string();
            let paragraphs;
            let col = match col.dtype() {
                // A text stored as a list of paragraphs, as some datasets do: read as in JSONL,
                // the paragraphs joined by blank lines.
                DataType::List(inner) if name == self.text_col && **inner == DataType::String => {
                    paragraphs = join_paragraphs(col).map_err(err)?;
                    &paragraphs
                }
                _ => col,
            };
            let col = col.cast(&DataType::String).map_err(|_| ReportError::Parquet {
                path: path.to_path_buf(),
                message: format!(
                    "column `{name}` holds {}, which cannot be read as text; give each cell one value",
                    col.dtype()
                ),
            })?;
            columns.push((name, col));
        }
        for row in 0..df.height() {
            let mut meta = Metadata {
                id: (self.next + row + 1).to_string(),
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
                if *name == self.text_col {
                    text = value;
                } else if *name == self.id_col {
                    if !value.is_empty() {
                        meta.id = value;
                    }
                } else if *name == self.outlet_col {
                    meta.outlet = value;
                } else if value.is_empty() {
                    // A field that other documents have and this one lacks: absent, as in JSONL.
                } else {
                    slant_corpus::read::set_field(&mut meta, name, value);
                }
            }
            let at = self.next + row + 1;
            if let Some(first) = self.ids.insert(&meta.id, at as u64) {
                return Err(ReportError::Parquet {
                    path: path.to_path_buf(),
                    message: format!(
                        "row {at}: {}",
                        slant_corpus::read::duplicate_id(&meta.id, &format!("row {first}"))
                    ),
                });
            }
            self.ready.push_back(Document { meta, text });
        }
        self.next += len;
        Ok(())
    }
}

/// A column of lists of strings as one string per row, the items joined by blank lines.
fn join_paragraphs(col: &Column) -> PolarsResult<Column> {
    let joined: Vec<Option<String>> = col
        .list()?
        .series_iter()
        .map(|row| match row {
            Some(items) => Ok(Some(
                items
                    .str()?
                    .iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            )),
            None => Ok(None),
        })
        .collect::<PolarsResult<_>>()?;
    Ok(Column::new(col.name().clone(), joined))
}

impl Iterator for ParquetDocs {
    type Item = Result<Document, ReportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() && !self.failed && self.next < self.rows {
            if let Err(e) = self.read_slice() {
                self.failed = true;
                return Some(Err(e));
            }
        }
        self.ready.pop_front().map(Ok)
    }
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

    /// A text column that holds a list of paragraphs per row (as some datasets store articles)
    /// is read as in JSONL: the paragraphs joined by blank lines. A list of numbers is not text.
    #[test]
    fn a_text_column_of_paragraph_lists_reads_as_paragraphs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.parquet");
        let lists = [
            Some(Series::new("".into(), ["Officials met.", "Talks went on."])),
            Some(Series::new("".into(), ["One."])),
        ];
        let text = Series::new("text".into(), lists.to_vec());
        let mut df = DataFrame::new(
            2,
            vec![
                Column::new("id".into(), ["a", "b"]),
                Column::new("text".into(), text),
            ],
        )
        .unwrap();
        let write = |df: &mut DataFrame| {
            let f = std::fs::File::create(&path).unwrap();
            ParquetWriter::new(f).finish(df).unwrap();
        };
        write(&mut df);
        let back = read_parquet(&path, "text", "id", "outlet").unwrap();
        let texts: Vec<&str> = back.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["Officials met.\n\nTalks went on.", "One."]);

        let numbers = Series::new(
            "text".into(),
            [Some(Series::new("".into(), [1i64, 2]))].to_vec(),
        );
        let mut df = DataFrame::new(
            1,
            vec![
                Column::new("id".into(), ["a"]),
                Column::new("text".into(), numbers),
            ],
        )
        .unwrap();
        write(&mut df);
        let e = read_parquet(&path, "text", "id", "outlet").unwrap_err();
        assert!(
            e.to_string().contains("column `text` holds list[i64]"),
            "{e}"
        );
    }

    /// A Parquet file made by another tool is held to the rules of a JSONL table: ids are
    /// unique, and a `published` value is an ISO date, converted from another form where it
    /// states one, or kept as `published_raw`. (Both had been taken as they came.)
    #[test]
    fn parquet_ids_must_be_unique_and_dates_are_read_as_in_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.parquet");
        let doc = |id: &str, published: &str| Document {
            meta: Metadata {
                id: id.into(),
                published: published.into(),
                ..Default::default()
            },
            text: "Officials met.".into(),
        };
        write_parquet(&path, &[doc("a", "July 5, 2025"), doc("b", "2025-02-29")]).unwrap();
        let back = read_parquet(&path, "text", "id", "outlet").unwrap();
        assert_eq!(back[0].meta.published, "2025-07-05");
        assert_eq!(back[1].meta.published, "");
        assert_eq!(back[1].meta.extra["published_raw"], "2025-02-29");

        write_parquet(&path, &[doc("a", ""), doc("b", ""), doc("a", "")]).unwrap();
        let e = read_parquet(&path, "text", "id", "outlet").unwrap_err();
        assert!(
            e.to_string()
                .ends_with("c.parquet: row 3: duplicate id `a` (first on row 1); ids must be unique, or drop the id column to number rows"),
            "{e}"
        );
    }

    /// A corpus of several row groups reads back whole and in order, one slice at a time.
    #[test]
    fn reads_in_slices_across_row_groups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.parquet");
        let n = ROW_GROUP * 2 + 17;
        let docs: Vec<Document> = (0..n)
            .map(|i| Document {
                meta: Metadata {
                    id: format!("d{i}"),
                    outlet: format!("o{}", i % 3),
                    ..Default::default()
                },
                text: format!("Text {i}."),
            })
            .collect();
        write_parquet(&path, &docs).unwrap();
        let mut reader = open_parquet(&path, "text", "id", "outlet").unwrap();
        assert_eq!(reader.rows(), n);
        let first: Vec<Document> = reader.by_ref().take(3).map(Result::unwrap).collect();
        // One slice is in memory, not the file.
        assert_eq!(reader.ready.len(), ROW_GROUP - 3);
        let rest: Vec<Document> = reader.map(Result::unwrap).collect();
        assert_eq!([first, rest].concat(), docs);
    }

    /// Long documents end a row group by bytes, and the reader holds one row group at a time.
    #[test]
    fn long_documents_make_smaller_row_groups_read_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.parquet");
        let per_doc = 1 << 20;
        let n = ROW_GROUP_BYTES / per_doc + 5;
        let docs: Vec<Document> = (0..n)
            .map(|i| Document {
                meta: Metadata {
                    id: format!("d{i}"),
                    ..Default::default()
                },
                text: format!("{i} ").repeat(per_doc / 2)[..per_doc].to_string(),
            })
            .collect();
        write_parquet(&path, &docs).unwrap();
        let mut reader = open_parquet(&path, "text", "id", "outlet").unwrap();
        assert_eq!(reader.slices, [ROW_GROUP_BYTES / per_doc, 5]);
        let first = reader.next().unwrap().unwrap();
        assert_eq!(reader.ready.len(), ROW_GROUP_BYTES / per_doc - 1);
        let rest: Vec<Document> = reader.map(Result::unwrap).collect();
        assert_eq!([vec![first], rest].concat(), docs);
    }
}

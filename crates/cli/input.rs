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
    if kind == InputKind::TableFolder {
        return Ok((kind, folder_of_tables(path, opts)?));
    }
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

/// The records of a folder of table and corpus files: each file in path order, read by its
/// own kind; empty files are passed over. Folders named `key=value` on the way to a file (the
/// partitions Spark, pyarrow and Hive write, which the files themselves leave out) give each
/// of its records that metadata, where the record has none of its own. Ids must be unique
/// across the files: they are held, about 40 bytes each, to check.
fn folder_of_tables(dir: &Path, opts: &ReadOptions) -> anyhow::Result<Records> {
    // An empty part (no rows, as a writer leaves for an empty partition) holds no document:
    // it is passed over, where on its own it would be an error.
    let mut files = Vec::new();
    for file in read::table_files(dir)? {
        let rows = match read::detect(&file)? {
            InputKind::Parquet => slant_report::corpus_file::parquet_rows(&file)? > 0,
            _ => read::table_has_rows(&file)?,
        };
        if rows {
            files.push(file);
        }
    }
    if files.is_empty() {
        anyhow::bail!(
            "{}: every table file in this folder is empty",
            dir.display()
        );
    }
    let opts = opts.clone();
    let root = dir.to_path_buf();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let each = files.into_iter().enumerate().flat_map(move |(i, file)| {
        let partition = partition_values(&root, &file);
        let recs: Records = match records(&file, &opts) {
            Ok((_, recs)) => recs,
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        recs.map(move |r| {
            r.map(|mut rec| {
                let meta = match &mut rec.outcome {
                    slant_corpus::Outcome::Ok(d) => &mut d.meta,
                    slant_corpus::Outcome::Skipped(s) => &mut s.meta,
                };
                for (key, value) in &partition {
                    if meta.get(key).is_none_or(str::is_empty) {
                        match key.as_str() {
                            // A date as a table's: normalised, or kept as `published_raw`.
                            "published" => read::set_field(meta, key, value.clone()),
                            _ => meta.set(key, value.clone()),
                        }
                    }
                }
                (i, rec)
            })
        })
    });
    let mut first_file: rustc_hash::FxHashMap<Box<str>, usize> = Default::default();
    Ok(Box::new(each.map(move |r| {
        let (i, rec) = r?;
        let id = rec.outcome.meta().id.as_str();
        match first_file.get(id) {
            Some(&first) if first != i => anyhow::bail!(
                "{}: duplicate id `{id}` (also in {}); ids must be unique across the folder's files",
                rec.source,
                names[first]
            ),
            Some(_) => {}
            None => {
                first_file.insert(id.into(), i);
            }
        }
        Ok(rec)
    })))
}

/// The `key=value` folder names between `root` and `file`, percent-escapes decoded
/// (`outlet=Today.az`, `published_year=2025`).
fn partition_values(root: &Path, file: &Path) -> Vec<(String, String)> {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let Some(parent) = rel.parent() else {
        return Vec::new();
    };
    parent
        .components()
        .filter_map(|c| {
            let part = c.as_os_str().to_string_lossy();
            let (key, value) = part.split_once('=')?;
            (!key.is_empty() && !value.is_empty() && value != "__HIVE_DEFAULT_PARTITION__")
                .then(|| (percent_decode(key), percent_decode(value)))
        })
        .collect()
}

/// `%XX` escapes decoded, as Hive escapes characters in partition folder names; anything
/// else, and a `%` not followed by two hex digits, as it is.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A short name of an input kind for messages and run.json.
pub fn kind_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::ManifestFolder => "manifest folder",
        InputKind::PlainFolder => "plain folder",
        InputKind::Delimited => "delimited table",
        InputKind::Jsonl => "jsonl",
        InputKind::Parquet => "parquet corpus file",
        InputKind::TableFolder => "folder of tables",
    }
}

/// The stderr line of a skipped document.
pub fn skipped_line(source: &str, id: &str, reason: &str) -> String {
    format!("slant: skipped {id} ({source}): {reason}")
}

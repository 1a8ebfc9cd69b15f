//! The four input kinds, read as a stream of documents.
//!
//! [`open`] checks what can be checked before any output is written (the manifest's columns, ids
//! and dates, a table's header) and returns an iterator of [`Pending`] records; [`prepare`] turns
//! one of them into an [`Outcome`]: the file read, decoded and cleaned, or skipped with a reason.
//! [`documents`] runs `prepare` in parallel over chunks, in input order.

mod folder;
mod ids;
mod manifest;
mod table;

use crate::clean::{self, RepeatedLines};
use crate::decode::{self, DecodeError};
use crate::document::{Document, Metadata, Outcome, Record, Skipped};
use crate::error::CorpusError;
use crate::html;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use ids::IdSet;
pub use table::{set_field, sniff_delimiter};

/// How to read an input.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Column holding the article text in a table (`--text-col`).
    pub text_col: String,
    /// Column holding the id in a table (`--id-col`); without it the id is the 1-based row number.
    pub id_col: String,
    /// Column holding the outlet in a table (`--outlet-col`).
    pub outlet_col: String,
    /// Field delimiter of a CSV/TSV table; `None` sniffs it.
    pub delimiter: Option<u8>,
    /// Whether to run boilerplate cleaning; `None` cleans files (kinds 1 and 2) but not tables.
    pub clean: Option<bool>,
    /// Documents larger than this many bytes are skipped with a reason.
    pub max_doc_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_col: "text".into(),
            id_col: "id".into(),
            outlet_col: "outlet".into(),
            delimiter: None,
            clean: None,
            max_doc_bytes: 64 * 1024 * 1024,
        }
    }
}

/// The kind of an input path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A folder with `manifest.csv`.
    ManifestFolder,
    /// A folder of `.txt` pages without a manifest.
    PlainFolder,
    /// A `.csv`, `.tsv` or `.txt`-less delimited table.
    Delimited,
    /// A `.jsonl` table or corpus file.
    Jsonl,
    /// A `.parquet` corpus file (read by the report crate, which owns Parquet).
    Parquet,
    /// A folder of table and corpus files and no `.txt` pages (a corpus split into parts, as
    /// Spark or pyarrow write one): each file read in turn, by its own kind ([`table_files`]).
    TableFolder,
}

/// Tells which kind of input a path is, or why it is none.
pub fn detect(path: &Path) -> Result<InputKind, CorpusError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CorpusError::file(path, "no such file or folder; give a folder of articles, a manifest folder, or a .csv/.tsv/.jsonl/.parquet file"),
        _ => CorpusError::io(path, e),
    })?;
    if meta.is_dir() {
        return Ok(if path.join("manifest.csv").is_file() {
            InputKind::ManifestFolder
        } else if !folder::has_pages(path)? && !table_files(path)?.is_empty() {
            InputKind::TableFolder
        } else {
            InputKind::PlainFolder
        });
    }
    let (ext, compression) = extension(path);
    if compression.is_some() && !is_table_extension(&ext) {
        return Err(CorpusError::file(
            path,
            match ext.as_str() {
                "parquet" => "a Parquet file compresses its own columns; give it unpacked".to_string(),
                _ => format!("unknown input type `.{ext}` inside the compressed file; expected .csv, .tsv or .jsonl"),
            },
        ));
    }
    match ext.as_str() {
        "csv" | "tsv" | "tab" | "psv" => Ok(InputKind::Delimited),
        "jsonl" | "ndjson" => Ok(InputKind::Jsonl),
        "parquet" => Ok(InputKind::Parquet),
        // (A page on its own: the report compares outlets, and reads pages by the folder.)
        "txt" | "html" | "htm" | "xhtml" => Err(CorpusError::file(
            path,
            format!("a single `.{ext}` page is not a corpus; put the pages in a folder and give the folder (every .txt and .html page in it is a document)"),
        )),
        "bz2" | "xz" | "lz4" | "zip" | "7z" => Err(CorpusError::file(
            path,
            format!("`.{ext}` files are not read; unpack it, or compress the table with gzip or zstd (.jsonl.gz, .csv.zst)"),
        )),
        _ => Err(CorpusError::file(
            path,
            format!(
                "unknown input type `.{ext}`; expected a folder, .csv, .tsv, .jsonl or .parquet (tables may be gzip or zstd compressed: .jsonl.gz, .csv.zst)"
            ),
        )),
    }
}

/// The table and corpus files of a folder and its subfolders (`.csv`, `.tsv`, `.jsonl`,
/// `.parquet`, compressed or not), sorted by path. Hidden entries and those whose name starts
/// with `_` (`_SUCCESS`, `_committed_…`: the bookkeeping Spark and Hadoop write beside their
/// parts) are passed over.
pub fn table_files(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let mut files = Vec::new();
    folder::walk_where(
        dir,
        &mut files,
        0,
        &|path: &Path| {
            let (ext, compressed) = extension(path);
            is_table_extension(&ext) || (ext == "parquet" && compressed.is_none())
        },
        usize::MAX,
    )?;
    files.retain(|p| {
        !p.strip_prefix(dir)
            .unwrap_or(p)
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('_'))
    });
    files.sort();
    Ok(files)
}

/// Whether a JSONL or delimited table file has a row: a line that is not blank (after the
/// header, for a delimited table). Reads only as far as that line.
pub fn table_has_rows(path: &Path) -> Result<bool, CorpusError> {
    use std::io::BufRead;
    let needed = match detect(path)? {
        InputKind::Jsonl => 1,
        InputKind::Delimited => 2,
        _ => return Ok(true),
    };
    let mut reader = std::io::BufReader::new(open_table(path)?);
    let mut line = Vec::new();
    let mut found = 0;
    while found < needed {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| read_failure(path, None, e))?;
        if n == 0 {
            return Ok(false);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            found += 1;
        }
    }
    Ok(true)
}

/// Whether an extension (lower case) names a delimited or JSONL table, which may come
/// compressed.
fn is_table_extension(ext: &str) -> bool {
    matches!(ext, "csv" | "tsv" | "tab" | "psv" | "jsonl" | "ndjson")
}

/// How a table file is compressed, told by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// `.gz`
    Gzip,
    /// `.zst`
    Zstd,
}

/// A file's extension in lower case, under a compression suffix if it has one
/// (`corpus.JSONL.gz` → `jsonl`, gzip).
pub fn extension(path: &Path) -> (String, Option<Compression>) {
    let ext_of = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default()
    };
    let ext = ext_of(path);
    let compression = match ext.as_str() {
        "gz" | "gzip" => Compression::Gzip,
        "zst" | "zstd" => Compression::Zstd,
        _ => return (ext, None),
    };
    let inner = path
        .file_stem()
        .map(Path::new)
        .map(ext_of)
        .unwrap_or_default();
    (inner, Some(compression))
}

/// Opens a table file for reading, decompressing it if its name says it is compressed.
pub(crate) fn open_table(path: &Path) -> Result<Box<dyn std::io::Read + Send>, CorpusError> {
    let file = std::fs::File::open(path).map_err(|e| CorpusError::io(path, e))?;
    Ok(match extension(path).1 {
        None => Box::new(file),
        // Several gzip members one after another (`cat a.gz b.gz`) are one file to gzip.
        Some(Compression::Gzip) => Box::new(flate2::read::MultiGzDecoder::new(
            std::io::BufReader::with_capacity(1 << 16, file),
        )),
        Some(Compression::Zstd) => {
            Box::new(zstd::stream::read::Decoder::new(file).map_err(|e| CorpusError::io(path, e))?)
        }
    })
}

/// One input document before it is read and cleaned.
#[derive(Debug, Clone)]
pub struct Pending {
    /// Metadata from the manifest or table row.
    pub meta: Metadata,
    /// Where it comes from, for messages: a file path or `table.csv:12`.
    pub source: String,
    /// Its body.
    pub body: Body,
    /// Whether to run boilerplate cleaning on it.
    pub clean: bool,
}

/// Where a pending document's text is.
#[derive(Debug, Clone)]
pub enum Body {
    /// In a file, still to be read.
    File(PathBuf),
    /// Already in memory (a table cell).
    Text(String),
    /// Not readable, for the given reason (a path outside the corpus folder, an empty cell).
    Refused(String),
}

impl Body {
    /// About how many bytes reading it will hold: the text's, or the file's size (0 when it
    /// cannot be read).
    fn bytes(&self) -> u64 {
        match self {
            Body::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Body::Text(text) => text.len() as u64,
            Body::Refused(_) => 0,
        }
    }
}

/// The records of an input, ready for [`prepare`], with what is needed to clean them.
pub struct Source {
    /// The input path.
    pub path: PathBuf,
    /// Its kind.
    pub kind: InputKind,
    /// The records, in input order.
    pub records: Box<dyn Iterator<Item = Result<Pending, CorpusError>> + Send>,
    /// Lines repeated across pages of the same outlet, by outlet.
    pub repeated: Arc<FxHashMap<String, RepeatedLines>>,
}

impl Source {
    /// A source over records read elsewhere (a Parquet corpus file, read by the report crate).
    pub fn from_records(
        path: &Path,
        kind: InputKind,
        records: Box<dyn Iterator<Item = Result<Pending, CorpusError>> + Send>,
    ) -> Self {
        Source {
            path: path.to_path_buf(),
            kind,
            records,
            repeated: Arc::new(FxHashMap::default()),
        }
    }
}

/// Opens an input of any kind but Parquet.
pub fn open(path: &Path, opts: &ReadOptions) -> Result<Source, CorpusError> {
    let kind = detect(path)?;
    let mut repeated = FxHashMap::default();
    let records: Box<dyn Iterator<Item = Result<Pending, CorpusError>> + Send> = match kind {
        InputKind::ManifestFolder => {
            let recs = manifest::read(path, opts)?;
            if opts.clean != Some(false) {
                repeated = manifest::repeated_by_outlet(&recs, opts.max_doc_bytes);
            }
            Box::new(recs.into_iter().map(Ok))
        }
        InputKind::PlainFolder => {
            let recs = folder::read(path, opts)?;
            if opts.clean != Some(false) {
                // Outlets known from subfolders, as a manifest's are: their repeated lines
                // are found the same way. A page directly inside has no outlet yet.
                let named = recs.iter().filter(|r| !r.meta.outlet.is_empty());
                repeated = manifest::repeated_by_outlet(named, opts.max_doc_bytes);
            }
            Box::new(recs.into_iter().map(Ok))
        }
        InputKind::Delimited => Box::new(table::delimited(path, opts)?),
        InputKind::Jsonl => Box::new(table::jsonl(path, opts)?),
        InputKind::Parquet => {
            return Err(CorpusError::file(path, "Parquet corpus files are read by the report crate; call slant_report::corpus_file::open_parquet"))
        }
        InputKind::TableFolder => {
            return Err(CorpusError::file(path, "a folder of table files is read file by file; open each of read::table_files"))
        }
    };
    Ok(Source {
        path: path.to_path_buf(),
        kind,
        records,
        repeated: Arc::new(repeated),
    })
}

/// Reads, decodes and cleans one pending document.
pub fn prepare(
    p: Pending,
    repeated: &FxHashMap<String, RepeatedLines>,
    max_doc_bytes: u64,
) -> Record {
    let Pending {
        meta,
        source,
        body,
        clean,
    } = p;
    Record {
        outcome: prepare_body(meta, body, clean, repeated, max_doc_bytes),
        source,
    }
}

fn prepare_body(
    mut meta: Metadata,
    body: Body,
    clean: bool,
    repeated: &FxHashMap<String, RepeatedLines>,
    max_doc_bytes: u64,
) -> Outcome {
    // Lines repeated across an outlet's pages are known by the outlet as the input names it.
    let rep = repeated.get(&meta.outlet);
    meta.mend_mojibake();
    let skip = |meta: Metadata, reason: String| Outcome::Skipped(Skipped { meta, reason });
    let text = match body {
        Body::Refused(reason) => return skip(meta, reason),
        Body::Text(t) => {
            if t.len() as u64 > max_doc_bytes {
                return skip(meta, too_big(t.len() as u64, max_doc_bytes));
            }
            // A table's page saved as HTML is laid out as text when it is to be cleaned.
            if clean && html::looks_like_html(&t) {
                let page = html::to_text(&t);
                meta.fill_from(&page.meta);
                page.text
            } else {
                decode::normalize_text(t)
            }
        }
        Body::File(path) => match read_file(&path, max_doc_bytes) {
            Ok((t, stated)) => {
                if let Some(stated) = stated {
                    meta.fill_from(&stated);
                }
                t
            }
            Err(reason) => return skip(meta, reason),
        },
    };
    if text.trim().is_empty() {
        return skip(meta, "empty text".to_string());
    }
    let text = if clean {
        let cleaned = clean::clean(&text, rep);
        meta.fill_from(&cleaned.meta);
        cleaned.text
    } else {
        text.trim().to_string()
    };
    if text.trim().is_empty() {
        return skip(
            meta,
            "no article text found: every line read as page furniture (menus, links, captions, \
             lines too short for prose); give --no-clean to keep the text as it is"
                .to_string(),
        );
    }
    let text = crate::normalize::compose(crate::normalize::without_soft_hyphens(text));
    if meta.language.trim().is_empty() {
        meta.language = crate::function_words::guess(&text).to_string();
    }
    Outcome::Ok(Document { meta, text })
}

/// A failure to read a table file at `line` (where known). For a compressed file this is
/// nearly always its data: cut short (an interrupted download) or not compressed as named.
pub(crate) fn read_failure(path: &Path, line: Option<u64>, e: std::io::Error) -> CorpusError {
    let Some(compression) = extension(path).1 else {
        return CorpusError::io(path, e);
    };
    let name = match compression {
        Compression::Gzip => "gzip",
        Compression::Zstd => "zstd",
    };
    let message = format!(
        "cannot decompress ({e}): the {name} data is cut short or damaged; is the file complete, and {name}-compressed as its name says?"
    );
    match line {
        Some(line) => CorpusError::at_line(path, line, message),
        None => CorpusError::file(path, message),
    }
}

/// A CSV parse error of a manifest or table as `file:line: message`; `hint` says how to fix a
/// row with the wrong number of fields.
fn csv_error(path: &Path, e: &csv::Error, hint: &str) -> CorpusError {
    if let csv::ErrorKind::Io(io) = e.kind() {
        let line = e.position().map(csv::Position::line);
        return read_failure(path, line, std::io::Error::new(io.kind(), io.to_string()));
    }
    let line = e.position().map_or(1, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("row has {len} fields but the header has {expected_len}; {hint}")
        }
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8; save the file as UTF-8".to_string(),
        _ => format!("cannot parse CSV: {e}"),
    };
    CorpusError::at_line(path, line, message)
}

/// Column or field names for a message: each cut to 40 characters, with control characters
/// escaped, and at most 20 of them, so that a header row that swallowed the file (an unclosed
/// quote) or a JSON key with a line break in it stays a readable line.
///
/// ```
/// use slant_corpus::read::column_list;
/// assert_eq!(column_list(&["maintext", "a\nb"]), "maintext, a\\nb");
/// ```
pub fn column_list<S: AsRef<str>>(names: &[S]) -> String {
    const NAME_CHARS: usize = 40;
    const NAMES: usize = 20;
    let mut out: Vec<String> = names
        .iter()
        .take(NAMES)
        .map(|n| {
            let n = n.as_ref();
            match n.char_indices().nth(NAME_CHARS) {
                Some((cut, _)) => format!("{}…", n[..cut].escape_debug()),
                None => n.escape_debug().to_string(),
            }
        })
        .collect();
    if names.len() > NAMES {
        out.push(format!("and {} more", names.len() - NAMES));
    }
    out.join(", ")
}

/// The message for an id seen before in a table or corpus file, whose first use was at `first`
/// ("line 2", "row 2").
pub fn duplicate_id(id: &str, first: &str) -> String {
    format!("duplicate id `{id}` (first on {first}); ids must be unique, or drop the id column to number rows")
}

fn too_big(size: u64, max: u64) -> String {
    format!(
        "document is {:.1} MB, over the {:.0} MB limit (raise it with --max-doc-mb)",
        size as f64 / 1e6,
        max as f64 / 1e6
    )
}

/// A page file's text, and for an HTML page (named `.html`, or opening as one) the metadata
/// its markup states, with the page laid out as text.
fn read_file(path: &Path, max_doc_bytes: u64) -> Result<(String, Option<Metadata>), String> {
    let size = std::fs::metadata(path).map_err(|e| io_reason(&e))?.len();
    if size > max_doc_bytes {
        return Err(too_big(size, max_doc_bytes));
    }
    let bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    match decode::decode(&bytes) {
        Ok(d) if html::is_html_name(path) || html::looks_like_html(&d.text) => {
            let page = html::to_text(&d.text);
            Ok((page.text, Some(page.meta)))
        }
        Ok(d) => Ok((d.text, None)),
        Err(DecodeError::Binary) => {
            Err("binary content, not text (an image, PDF or archive?)".into())
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "file not found".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "is a folder, not a file".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Documents of a source, prepared in parallel chunks and yielded in input order.
///
/// Memory holds one chunk at a time, so a corpus of any size streams through.
pub fn documents(source: Source, max_doc_bytes: u64) -> Documents {
    Documents {
        records: source.records,
        repeated: source.repeated,
        max_doc_bytes,
        ready: VecDeque::new(),
        failed: false,
    }
}

/// The iterator of [`documents`].
pub struct Documents {
    records: Box<dyn Iterator<Item = Result<Pending, CorpusError>> + Send>,
    repeated: Arc<FxHashMap<String, RepeatedLines>>,
    max_doc_bytes: u64,
    ready: VecDeque<Record>,
    failed: bool,
}

/// Documents prepared together: at most this many, and no more once they hold
/// [`CHUNK_BYTES`], so that long documents (transcripts, reports) do not multiply the memory
/// a chunk takes.
const CHUNK: usize = 512;
const CHUNK_BYTES: u64 = 4 << 20;

impl Iterator for Documents {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(o) = self.ready.pop_front() {
            return Some(Ok(o));
        }
        if self.failed {
            return None;
        }
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut bytes = 0u64;
        for rec in self.records.by_ref() {
            match rec {
                Ok(p) => {
                    bytes += p.body.bytes();
                    chunk.push(p);
                }
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            }
            if chunk.len() == CHUNK || bytes >= CHUNK_BYTES {
                break;
            }
        }
        if chunk.is_empty() {
            return None;
        }
        let rep = &self.repeated;
        let max = self.max_doc_bytes;
        let done: Vec<Record> = chunk
            .into_par_iter()
            .map(|p| prepare(p, rep, max))
            .collect();
        self.ready.extend(done);
        self.ready.pop_front().map(Ok)
    }
}

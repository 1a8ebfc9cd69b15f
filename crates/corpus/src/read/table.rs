//! Kind 3 and 4: a CSV/TSV table or a JSONL file, one article per row, streamed.
//!
//! A CSV's delimiter is sniffed among `,` `;` TAB `|` unless given; a UTF-8 byte-order mark is
//! accepted; a file that is not UTF-8 is decoded with the encoding detected from its first 64 KiB.

use super::{Body, Pending, ReadOptions};
use crate::document::Metadata;
use crate::error::CorpusError;
use crate::meta::{find_date, parse_iso_date};
use encoding_rs::{Encoding, UTF_8};
use rustc_hash::FxHashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

const SAMPLE: usize = 64 * 1024;

const TABLE_HINT: &str =
    "quote fields that hold the delimiter or a line break, or give --delimiter";

/// Picks the delimiter among `,` TAB `;` `|` that splits the sample's rows into the same number
/// of fields (more than one), preferring the one giving most fields; `,` when none does.
///
/// ```
/// use slant_corpus::read::sniff_delimiter;
/// assert_eq!(sniff_delimiter("id;text\n1;\"a, b\"\n2;c\n", true), b';');
/// assert_eq!(sniff_delimiter("id\ttext\n1\ta, b\n", true), b'\t');
/// assert_eq!(sniff_delimiter("id,text\n1,\"a; b\"\n", true), b',');
/// ```
pub fn sniff_delimiter(sample: &str, complete: bool) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for d in [b',', b'\t', b';', b'|'] {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        let mut counts: Vec<usize> = rdr
            .records()
            .take(50)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        if !complete && counts.len() > 1 {
            counts.pop(); // the last row of a sample may be cut short
        }
        let Some(&first) = counts.first() else {
            continue;
        };
        let consistent = counts.iter().all(|&c| c == first) && first > 1;
        let score = (
            usize::from(consistent),
            if consistent { first } else { 0 },
            d,
        );
        if (score.0, score.1) > (best.0, best.1) {
            best = score;
        }
    }
    best.2
}

struct Columns {
    text: usize,
    id: Option<usize>,
    outlet: Option<usize>,
    names: Vec<String>,
}

/// Streams the rows of a delimited table.
pub(super) fn delimited(
    path: &Path,
    opts: &ReadOptions,
) -> Result<impl Iterator<Item = Result<Pending, CorpusError>> + Send, CorpusError> {
    let mut file = super::open_table(path)?;
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut file)
        .take(SAMPLE as u64)
        .read_to_end(&mut sample)
        .map_err(|e| super::read_failure(path, None, e))?;
    let complete = sample.len() < SAMPLE;
    // The reader below sees the whole file again from the start, minus any byte-order mark.
    let (encoding, bom) = match Encoding::for_bom(&sample) {
        Some((enc, len)) => (enc, len),
        None => (guess_encoding(&sample, complete), 0),
    };
    let reader: Box<dyn Read + Send> = if encoding == UTF_8 || encoding.is_single_byte() {
        let rest = std::io::Cursor::new(sample.clone()).chain(file);
        let mut r: Box<dyn Read + Send> = Box::new(rest);
        std::io::copy(&mut (&mut r).take(bom as u64), &mut std::io::sink())
            .map_err(|e| CorpusError::io(path, e))?;
        r
    } else {
        // UTF-16: decode the whole file; such tables are rare and small.
        let mut all = sample.clone();
        file.read_to_end(&mut all)
            .map_err(|e| super::read_failure(path, None, e))?;
        let (text, _) = encoding.decode_without_bom_handling(&all[bom..]);
        Box::new(std::io::Cursor::new(text.into_owned().into_bytes()))
    };
    let byte_encoding = if encoding.is_single_byte() && encoding != UTF_8 {
        encoding
    } else {
        UTF_8
    };
    let sample_text = byte_encoding.decode_without_bom_handling(&sample[bom..]).0;
    let delimiter = opts
        .delimiter
        .unwrap_or_else(|| sniff_delimiter(&sample_text, complete));
    // A document of --max-doc-mb in one field, quotes doubled: twice the bytes.
    let max_field = opts.max_doc_bytes.saturating_mul(2).max(1 << 20);
    let quotes = QuoteTracker::new(reader, delimiter, max_field);
    let unclosed = quotes.unclosed.clone();
    let overlong = quotes.overlong.clone();
    let overlong_error = move |path: &Path| {
        let at = overlong.load(Ordering::Relaxed);
        (at > 0).then(|| {
            CorpusError::at_line(
                path,
                at,
                format!(
                    "a field of over {:.0} MB starts here, longer than any document of --max-doc-mb; is a closing quote missing?",
                    max_field as f64 / 1e6
                ),
            )
        })
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(quotes);
    let header = rdr
        .byte_headers()
        .map_err(|e| super::csv_error(path, &e, TABLE_HINT))?
        .clone();
    let names: Vec<String> = header
        .iter()
        .map(|h| {
            byte_encoding
                .decode_without_bom_handling(h)
                .0
                .trim()
                .to_string()
        })
        .collect();
    let cols = columns(path, names, opts)?;
    let clean = opts.clean.unwrap_or(false);
    let path_buf = path.to_path_buf();
    let mut ids = IdCheck::new(path);
    let mut row = 0u64;
    let mut failed = false;
    let mut records = rdr.into_byte_records();
    Ok(std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let next = records.next();
        if let Some(e) = overlong_error(&path_buf) {
            failed = true;
            return Some(Err(e));
        }
        let Some(rec) = next else {
            failed = true;
            // The csv crate ends a quoted field that is never closed at the end of the file,
            // as Python's csv module does: the rows after the quote become one cell, lost
            // without a word. pandas calls it an error ("EOF inside string"); so does slant.
            let open = unclosed.load(Ordering::Relaxed);
            if open > 0 {
                return Some(Err(CorpusError::at_line(
                    &path_buf,
                    open,
                    "a quoted field opens here and is never closed, so the rest of the file \
                     was read into it; close the quote, and double any quote inside a field (\"\")",
                )));
            }
            // A header and nothing under it is an input with nothing to analyse, as an empty
            // manifest is; the run stops rather than write an empty report.
            return (row == 0).then(|| {
                Err(CorpusError::at_line(
                    &path_buf,
                    2,
                    "the table has a header and no rows; add one row per article under it",
                ))
            });
        };
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                failed = true;
                return Some(Err(super::csv_error(&path_buf, &e, TABLE_HINT)));
            }
        };
        row += 1;
        let line = rec.position().map_or(row + 1, |p| p.line());
        let cells: Vec<String> = rec
            .iter()
            .map(|f| byte_encoding.decode_without_bom_handling(f).0.into_owned())
            .collect();
        let pending = from_cells(&path_buf, &cols, cells, row, line, clean);
        if let Err(e) = ids.check(&pending.meta.id, line) {
            failed = true;
            return Some(Err(e));
        }
        Some(Ok(pending))
    }))
}

/// Reads a table's bytes on their way to the csv reader and follows its quoting (RFC 4180, as
/// csv-core reads it: a field that opens with `"` runs to the next lone `"`, and `""` inside
/// it is a quote), to tell whether the file ends inside a quoted field. `unclosed` holds the
/// 1-based line where the field still open opened, or 0.
struct QuoteTracker<R> {
    inner: R,
    delimiter: u8,
    state: Quoting,
    line: u64,
    opened: u64,
    unclosed: Arc<AtomicU64>,
    /// Bytes of the field being read, and the most a field may have.
    field_len: u64,
    max_field: u64,
    /// The line where a field longer than `max_field` starts, once one is found; the reader
    /// then ends there, rather than hold a field of any length.
    overlong: Arc<AtomicU64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field.
    FieldStart,
    /// In a field that did not open with a quote.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote in a quoted field: the field's end, or the first of `""`.
    QuoteInQuoted,
}

impl<R: Read> QuoteTracker<R> {
    fn new(inner: R, delimiter: u8, max_field: u64) -> Self {
        QuoteTracker {
            inner,
            delimiter,
            state: Quoting::FieldStart,
            line: 1,
            opened: 0,
            unclosed: Arc::new(AtomicU64::new(0)),
            field_len: 0,
            max_field,
            overlong: Arc::new(AtomicU64::new(0)),
        }
    }

    fn follow(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.state == Quoting::FieldStart {
                self.field_len = 0;
                self.opened = self.line;
            }
            self.field_len += 1;
            if self.field_len > self.max_field {
                // The reader ends here: nothing after this byte is read.
                self.overlong.store(self.opened.max(1), Ordering::Relaxed);
                break;
            }
            let end = b == self.delimiter || b == b'\n' || b == b'\r';
            self.state = match (self.state, b) {
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (Quoting::FieldStart, b'"') => Quoting::Quoted,
                (_, _) if end => Quoting::FieldStart,
                (_, _) => Quoting::Unquoted,
            };
            if b == b'\n' {
                self.line += 1;
            }
        }
        let open = if self.state == Quoting::Quoted {
            self.opened
        } else {
            0
        };
        self.unclosed.store(open, Ordering::Relaxed);
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.overlong.load(Ordering::Relaxed) > 0 {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.follow(&buf[..n]);
        Ok(n)
    }
}

fn guess_encoding(sample: &[u8], complete: bool) -> &'static Encoding {
    match std::str::from_utf8(sample) {
        Ok(_) => UTF_8,
        // A sample cut inside a multi-byte character is still UTF-8.
        Err(e) if !complete && e.error_len().is_none() => UTF_8,
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(sample, complete);
            det.guess(None, true)
        }
    }
}

fn columns(path: &Path, names: Vec<String>, opts: &ReadOptions) -> Result<Columns, CorpusError> {
    let mut seen = rustc_hash::FxHashSet::default();
    for name in &names {
        if !name.is_empty() && !seen.insert(name.as_str()) {
            return Err(CorpusError::at_line(
                path,
                1,
                format!("column `{name}` appears twice in the header; rename one"),
            ));
        }
    }
    let find = |c: &str| names.iter().position(|n| n == c);
    let Some(text) = find(&opts.text_col) else {
        return Err(CorpusError::at_line(
            path,
            1,
            format!(
                "no text column `{}` (columns: {}); name the text column with --text-col",
                opts.text_col,
                super::column_list(&names)
            ),
        ));
    };
    Ok(Columns {
        text,
        id: find(&opts.id_col),
        outlet: find(&opts.outlet_col),
        names,
    })
}

fn from_cells(
    path: &Path,
    cols: &Columns,
    cells: Vec<String>,
    row: u64,
    line: u64,
    clean: bool,
) -> Pending {
    let mut meta = Metadata::default();
    let mut text = String::new();
    for (i, (name, value)) in cols.names.iter().zip(cells).enumerate() {
        if i == cols.text {
            text = value;
        } else if Some(i) == cols.id {
            meta.id = value.trim().to_string();
        } else if Some(i) == cols.outlet {
            meta.outlet = value.trim().to_string();
        } else {
            set_field(&mut meta, name, value);
        }
    }
    if meta.id.is_empty() {
        meta.id = row.to_string();
    }
    let source = format!("{}:{line}", path.display());
    let body = if text.trim().is_empty() {
        Body::Refused("empty text".into())
    } else {
        Body::Text(text)
    };
    Pending {
        meta,
        source,
        body,
        clean,
    }
}

/// Sets a metadata field from a table cell (CSV, TSV, JSONL or a Parquet corpus file) that is
/// not the chosen text, id or outlet column: a column named `id` or `outlet` that was not
/// chosen is kept under its own name, and a `published` value that is not an ISO date is
/// converted when it states a date in another common form, and kept as `published_raw`
/// otherwise.
pub fn set_field(meta: &mut Metadata, name: &str, value: String) {
    if name == "id" || name == "outlet" {
        // Another column was chosen as the id or outlet: keep this one under its own name.
        meta.extra.insert(name.to_string(), value);
        return;
    }
    if name == "published" {
        let v = value.trim();
        if v.is_empty() {
            return;
        }
        match parse_iso_date(v).or_else(|| find_date(v).map(|d| d.0)) {
            Some(d) => meta.published = d,
            None => {
                meta.extra.insert("published_raw".into(), v.to_string());
            }
        }
        return;
    }
    meta.set(name, value);
}

struct IdCheck {
    path: PathBuf,
    seen: super::IdSet,
}

impl IdCheck {
    fn new(path: &Path) -> Self {
        IdCheck {
            path: path.to_path_buf(),
            seen: super::IdSet::new(),
        }
    }

    fn check(&mut self, id: &str, line: u64) -> Result<(), CorpusError> {
        if let Some(first) = self.seen.insert(id, line) {
            return Err(CorpusError::at_line(
                &self.path,
                line,
                super::duplicate_id(id, &format!("line {first}")),
            ));
        }
        Ok(())
    }
}

/// Streams the rows of a JSONL file (one JSON object per line). A line that is not a JSON object
/// is one document skipped with its reason; the run goes on.
pub(super) fn jsonl(
    path: &Path,
    opts: &ReadOptions,
) -> Result<impl Iterator<Item = Result<Pending, CorpusError>> + Send, CorpusError> {
    let mut reader = BufReader::new(super::open_table(path)?);
    let path_buf = path.to_path_buf();
    let opts = opts.clone();
    let clean = opts.clean.unwrap_or(false);
    let mut ids = IdCheck::new(path);
    let mut line_no = 0u64;
    let mut row = 0u64;
    let mut failed = false;
    let mut buf = Vec::new();
    // JSON escapes write a character in up to six bytes (`\u0001`).
    let line_limit = opts.max_doc_bytes.saturating_mul(6).max(1 << 20);
    Ok(std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        buf.clear();
        match (&mut reader)
            .take(line_limit + 1)
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => {
                failed = true;
                return (row == 0).then(|| {
                    Err(CorpusError::file(
                        &path_buf,
                        "no documents: the file is empty or has only blank lines; write one JSON object per line",
                    ))
                });
            }
            Ok(_) => {}
            Err(e) => {
                failed = true;
                return Some(Err(super::read_failure(&path_buf, Some(line_no + 1), e)));
            }
        }
        line_no += 1;
        let pending = if buf.len() as u64 > line_limit && buf.last() != Some(&b'\n') {
            // A line longer than any document it may hold (a decompression bomb, a file with
            // no line breaks): the rest of it is passed over, not held.
            if let Err(e) = skip_line(&mut reader) {
                failed = true;
                return Some(Err(super::read_failure(&path_buf, Some(line_no), e)));
            }
            row += 1;
            Pending {
                meta: Metadata {
                    id: row.to_string(),
                    ..Metadata::default()
                },
                source: format!("{}:{line_no}", path_buf.display()),
                body: Body::Refused(format!(
                    "line of over {:.0} MB, longer than a document of --max-doc-mb can be in JSON",
                    line_limit as f64 / 1e6
                )),
                clean,
            }
        } else {
            let bytes = if line_no == 1 {
                buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
            } else {
                &buf[..]
            };
            let line = match std::str::from_utf8(bytes) {
                Ok(s) => s.trim().to_string(),
                Err(_) => crate::decode::decode(bytes)
                    .map(|d| d.text.trim().to_string())
                    .unwrap_or_default(),
            };
            if line.is_empty() {
                continue;
            }
            row += 1;
            json_row(&path_buf, &opts, &line, row, line_no, clean)
        };
        if let Err(e) = ids.check(&pending.meta.id, line_no) {
            failed = true;
            return Some(Err(e));
        }
        return Some(Ok(pending));
    }))
}

/// Reads up to and past the next line break, keeping nothing.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', chunk) {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = chunk.len();
                reader.consume(n);
            }
        }
    }
}

/// The keys of a JSON object line, for a message: "its fields: a, b, c".
fn field_names(line: &str) -> String {
    let Ok(JsonLine::Object(fields)) = serde_json::from_str::<JsonLine>(line) else {
        return "no fields".into();
    };
    if fields.is_empty() {
        return "no fields".into();
    }
    let names: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
    format!("its fields: {}", super::column_list(&names))
}

/// One line of a JSONL file: an object's fields in the order written, repeated keys and all
/// (`serde_json::Value` keeps only the last of them), or anything else.
enum JsonLine {
    Object(Vec<(String, serde_json::Value)>),
    Other,
}

impl<'de> serde::Deserialize<'de> for JsonLine {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = JsonLine;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<JsonLine, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(JsonLine::Object(fields))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<JsonLine, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(JsonLine::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<JsonLine, E> {
                Ok(JsonLine::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<JsonLine, E> {
                Ok(JsonLine::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<JsonLine, E> {
                Ok(JsonLine::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<JsonLine, E> {
                Ok(JsonLine::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<JsonLine, E> {
                Ok(JsonLine::Other)
            }
            fn visit_unit<E>(self) -> Result<JsonLine, E> {
                Ok(JsonLine::Other)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The first key an object gives twice with different values.
fn repeated_key(fields: &[(String, serde_json::Value)]) -> Option<&str> {
    let mut seen: FxHashMap<&str, &serde_json::Value> = FxHashMap::default();
    fields.iter().find_map(|(k, v)| match seen.insert(k, v) {
        Some(before) if before != v => Some(k.as_str()),
        _ => None,
    })
}

/// A JSON text field as text: a string, or a list of strings (paragraphs, as some datasets
/// store an article), joined by blank lines. Null is empty text; anything else is named.
fn json_text(v: serde_json::Value) -> Result<String, &'static str> {
    use serde_json::Value;
    match v {
        Value::String(s) => Ok(s),
        Value::Null => Ok(String::new()),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s),
                _ => Err("a list with items that are not strings"),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|paragraphs| paragraphs.join("\n\n")),
        Value::Bool(_) => Err("true or false"),
        Value::Number(_) => Err("a number"),
        Value::Object(_) => Err("an object"),
    }
}

fn json_row(
    path: &Path,
    opts: &ReadOptions,
    line: &str,
    row: u64,
    line_no: u64,
    clean: bool,
) -> Pending {
    let source = format!("{}:{line_no}", path.display());
    let mut meta = Metadata {
        id: row.to_string(),
        ..Metadata::default()
    };
    let refuse = |meta, reason: String| Pending {
        meta,
        source: source.clone(),
        body: Body::Refused(reason),
        clean,
    };
    let fields = match serde_json::from_str::<JsonLine>(line) {
        Ok(JsonLine::Object(fields)) => fields,
        Ok(JsonLine::Other) => return refuse(meta, "line is JSON but not an object".into()),
        Err(e) => return refuse(meta, format!("not valid JSON: {e}")),
    };
    // serde_json, like Python's json module, keeps the last of two values of one key and
    // says nothing; which one the writer meant is anyone's guess, so the row is not read
    // (its other fields still name it in documents.csv).
    let repeated = repeated_key(&fields).map(str::to_string);
    let mut text = None;
    for (k, v) in fields {
        if repeated.as_deref() == Some(k.as_str()) {
            continue;
        }
        if k == opts.text_col {
            text = Some(json_text(v));
            continue;
        }
        let value = match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        };
        if k == opts.id_col {
            if !value.trim().is_empty() {
                meta.id = value.trim().to_string();
            }
        } else if k == opts.outlet_col {
            meta.outlet = value.trim().to_string();
        } else {
            set_field(&mut meta, &k, value);
        }
    }
    if let Some(key) = repeated {
        return refuse(
            meta,
            format!(
                "the key `{}` appears twice in this object with different values",
                key.escape_debug()
            ),
        );
    }
    let text = match text.transpose() {
        Ok(t) => t,
        Err(kind) => {
            return refuse(
                meta,
                format!("the `{}` field is {kind}, not text", opts.text_col),
            )
        }
    };
    let body = match text {
        None => Body::Refused(format!(
            "no `{}` field in this row ({}); name the text field with --text-col",
            opts.text_col,
            field_names(line)
        )),
        Some(t) if t.trim().is_empty() => Body::Refused("empty text".into()),
        Some(t) => Body::Text(t),
    };
    Pending {
        meta,
        source,
        body,
        clean,
    }
}

//! The tables of a report, written as CSV or Parquet from the same rows.
//!
//! A writer declares its columns once, with their [`Kind`], and passes every row as text, the
//! way it appears in the CSV. The file's extension chooses the format:
//! - `.csv`: UTF-8, comma-separated, header first; cells from article text that a spreadsheet
//!   would run as a formula are neutralised ([`safe_cell`]).
//! - `.parquet`: one typed column per declared column (text, 64-bit integer, float, boolean;
//!   an empty cell is null), zstd-compressed. Cells are kept as they are: Parquet is never run
//!   as a formula.

use crate::error::ReportError;
use polars::io::parquet::write::BatchedWriter;
use polars::prelude::{Column, DataFrame, DataType, Field, ParquetWriter, PolarsError, Schema};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// A whole number.
    Int,
    /// A decimal number.
    Float,
    /// `true` or `false`.
    Flag,
}

/// A declared column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    /// Its header.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
}

/// A text column.
pub const fn text(name: &'static str) -> Col {
    Col {
        name,
        kind: Kind::Text,
    }
}

/// A whole-number column.
pub const fn int(name: &'static str) -> Col {
    Col {
        name,
        kind: Kind::Int,
    }
}

/// A decimal column.
pub const fn float(name: &'static str) -> Col {
    Col {
        name,
        kind: Kind::Float,
    }
}

/// A `true`/`false` column.
pub const fn flag(name: &'static str) -> Col {
    Col {
        name,
        kind: Kind::Flag,
    }
}

/// The headers of declared columns.
pub fn names(cols: &[Col]) -> Vec<&'static str> {
    cols.iter().map(|c| c.name).collect()
}

/// The format of a report's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// `.csv`.
    #[default]
    Csv,
    /// `.parquet`.
    Parquet,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }

    /// `<stem>.<extension>`: the file name of a table.
    pub fn file(self, stem: &str) -> String {
        format!("{stem}.{}", self.extension())
    }
}

/// Neutralises a cell that a spreadsheet would run as a formula (one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) by prefixing `'`, as OWASP advises. Numbers such as
/// `-3.5` or `+44` are left untouched.
pub fn safe_cell(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if !risky || plain_number(cell) || cell.parse::<f64>().is_ok() {
        return Cow::Borrowed(cell);
    }
    Cow::Owned(format!("'{cell}"))
}

/// Whether `cell` is a sign, digits, and optionally a fraction and an exponent ("-3.5",
/// "+44", "-1.234e-5"): the numbers the tables print, recognised without parsing a float.
fn plain_number(cell: &str) -> bool {
    let b = cell.as_bytes();
    let digits = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let end = digits(i);
    if end == i {
        return false;
    }
    i = end;
    if b.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if b.get(i) == Some(&b'e') {
        i += 1 + usize::from(b.get(i + 1) == Some(&b'-'));
        let end = digits(i);
        if end == i {
            return false;
        }
        i = end;
    }
    i == b.len()
}

/// A CSV row must have a cell for every column (and no more).
fn check_width(path: &Path, cells: usize, columns: usize) -> Result<(), ReportError> {
    if cells == columns {
        return Ok(());
    }
    Err(ReportError::io(
        path,
        std::io::Error::other(format!(
            "a row of {cells} cells for a table of {columns} columns"
        )),
    ))
}

/// Appends one CSV record, each cell through [`safe_cell`]; returns the number of cells.
fn csv_record<'a>(out: &mut Vec<u8>, cells: impl IntoIterator<Item = &'a str>) -> usize {
    let start = out.len();
    let mut n = 0;
    for cell in cells {
        if n > 0 {
            out.push(b',');
        }
        push_csv_field(out, safe_cell(cell).as_bytes());
        n += 1;
    }
    // A record of one empty field is written `""`, so that it is not an empty line.
    if out.len() == start {
        out.extend_from_slice(b"\"\"");
    }
    out.push(b'\n');
    n
}

/// Appends one CSV field as the `csv` crate writes it by default: in double quotes, with its
/// quotes doubled, when it holds a comma, a double quote or a line break; else as it is.
fn push_csv_field(out: &mut Vec<u8>, field: &[u8]) {
    if !field
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    for (i, part) in field.split(|&b| b == b'"').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(part);
    }
    out.push(b'"');
}

/// One row's cells formatted into one reusable buffer, rather than into a string each.
#[derive(Debug, Default)]
pub struct Cells {
    text: String,
    ends: Vec<usize>,
}

impl Cells {
    /// Empties the row, keeping its buffers.
    pub fn clear(&mut self) -> &mut Self {
        self.text.clear();
        self.ends.clear();
        self
    }

    /// Adds a text cell.
    pub fn text(&mut self, cell: &str) -> &mut Self {
        self.text.push_str(cell);
        self.end()
    }

    /// Adds a whole number.
    pub fn int(&mut self, n: u64) -> &mut Self {
        crate::numbers::push_int(&mut self.text, n);
        self.end()
    }

    /// Adds a number with fixed decimals ([`crate::numbers::fixed`]).
    pub fn fixed(&mut self, x: f64, decimals: usize) -> &mut Self {
        crate::numbers::fixed_into(&mut self.text, x, decimals);
        self.end()
    }

    /// Adds a probability in scientific notation ([`crate::numbers::sci`]).
    pub fn sci(&mut self, x: f64) -> &mut Self {
        crate::numbers::sci_into(&mut self.text, x);
        self.end()
    }

    fn end(&mut self) -> &mut Self {
        self.ends.push(self.text.len());
        self
    }

    /// The cells, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.text[start..end])
    }
}

/// A table being written, with its path for error messages.
pub struct Table {
    path: PathBuf,
    /// The number of declared columns.
    width: usize,
    sink: Sink,
}

enum Sink {
    Csv(Box<CsvSink>),
    Parquet(Box<ParquetSink>),
}

/// A CSV file and the records rendered for it but not yet written.
struct CsvSink {
    file: std::fs::File,
    pending: Vec<u8>,
}

impl CsvSink {
    /// Rendered records are written out once they pass this many bytes.
    const FLUSH_AT: usize = 1 << 18;

    /// Writes out the rendered records.
    fn drain(&mut self) -> std::io::Result<()> {
        std::io::Write::write_all(&mut self.file, &self.pending)?;
        self.pending.clear();
        Ok(())
    }
}

/// A Parquet file written a row group at a time, and the rows of the next row group: memory
/// holds one row group of a table, however long the table.
struct ParquetSink {
    writer: BatchedWriter<std::fs::File>,
    cols: Vec<(Col, Values)>,
    /// Rows in `cols`.
    rows: usize,
    /// Text bytes in `cols`.
    bytes: usize,
    /// Row groups written so far.
    groups: usize,
}

impl ParquetSink {
    /// A row group ends after this many rows (polars' own default row group is 262,144)…
    const GROUP_ROWS: usize = 1 << 16;
    /// …or once its text cells hold this many bytes, so that rows with long cells (the
    /// context of a lexicon hit, a quotation) do not make one row group hundreds of MB.
    const GROUP_BYTES: usize = 4 << 20;

    fn full(&self) -> bool {
        self.rows >= Self::GROUP_ROWS || self.bytes >= Self::GROUP_BYTES
    }

    /// Writes the rows held as one row group. Nothing is written for no rows, unless
    /// `always`: a table with no rows at all is still one (empty) row group, so that readers
    /// see its typed columns.
    fn flush(&mut self, always: bool) -> Result<(), PolarsError> {
        if self.rows == 0 && !always {
            return Ok(());
        }
        let columns = self
            .cols
            .iter_mut()
            .map(|(c, v)| v.take_column(c.name))
            .collect::<Vec<_>>();
        let df = DataFrame::new(self.rows, columns)?;
        (self.rows, self.bytes) = (0, 0);
        self.groups += 1;
        self.writer.write_batch(&df)
    }
}

/// The cells of one Parquet column, for the row group being filled.
enum Values {
    /// Text cells one after another, and where each ends.
    Text(String, Vec<usize>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Flag(Vec<Option<bool>>),
}

impl Values {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Text => Values::Text(String::new(), Vec::new()),
            Kind::Int => Values::Int(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Flag => Values::Flag(Vec::new()),
        }
    }

    /// Adds a cell; an empty cell (or one that is not of the column's kind) is null. Returns
    /// the bytes of text it added.
    fn push(&mut self, cell: &str) -> usize {
        match self {
            Values::Text(text, ends) => {
                text.push_str(cell);
                ends.push(text.len());
                return cell.len();
            }
            Values::Int(v) => v.push(cell.parse().ok()),
            Values::Float(v) => v.push(cell.parse().ok()),
            Values::Flag(v) => v.push(cell.parse().ok()),
        }
        0
    }

    /// The column of the cells held, which are then emptied.
    fn take_column(&mut self, name: &str) -> Column {
        let column = match self {
            Values::Text(text, ends) => {
                let starts = std::iter::once(0).chain(ends.iter().copied());
                let cells: Vec<&str> = starts.zip(&*ends).map(|(a, &b)| &text[a..b]).collect();
                Column::new(name.into(), cells)
            }
            Values::Int(v) => Column::new(name.into(), std::mem::take(v)),
            Values::Float(v) => Column::new(name.into(), std::mem::take(v)),
            Values::Flag(v) => Column::new(name.into(), std::mem::take(v)),
        };
        if let Values::Text(text, ends) = self {
            text.clear();
            ends.clear();
        }
        column
    }
}

/// Adds one row to Parquet columns: cells past the last column are dropped, and a short row
/// is filled with nulls, which would otherwise misalign the columns. Returns the bytes of text
/// added.
fn push_parquet_row<'a>(
    cols: &mut [(Col, Values)],
    cells: impl IntoIterator<Item = &'a str>,
) -> usize {
    let mut n = 0;
    let mut bytes = 0;
    for ((_, values), cell) in cols.iter_mut().zip(cells) {
        bytes += values.push(cell);
        n += 1;
    }
    for (_, values) in cols.iter_mut().skip(n) {
        values.push("");
    }
    bytes
}

impl Table {
    /// Creates the table at `path` (`.parquet` writes Parquet, anything else CSV) with its
    /// declared columns. A CSV file gets its header at once; a Parquet file its row groups as
    /// they fill, and its footer from [`Table::finish`].
    pub fn create(path: &Path, columns: &[Col]) -> Result<Self, ReportError> {
        let parquet = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
        let file = std::fs::File::create(path).map_err(|e| ReportError::io(path, e))?;
        if parquet {
            let schema: Schema = columns
                .iter()
                .map(|c| Field::new(c.name.into(), dtype(c.kind)))
                .collect();
            let writer = ParquetWriter::new(file)
                .batched(&schema)
                .map_err(|e| ReportError::parquet(path, e))?;
            let cols = columns.iter().map(|c| (*c, Values::new(c.kind))).collect();
            return Ok(Table {
                path: path.to_path_buf(),
                width: columns.len(),
                sink: Sink::Parquet(Box::new(ParquetSink {
                    writer,
                    cols,
                    rows: 0,
                    bytes: 0,
                    groups: 0,
                })),
            });
        }
        let mut t = Table {
            path: path.to_path_buf(),
            width: columns.len(),
            sink: Sink::Csv(Box::new(CsvSink {
                file,
                pending: Vec::with_capacity(CsvSink::FLUSH_AT),
            })),
        };
        t.row(columns.iter().map(|c| c.name))?;
        Ok(t)
    }

    /// Writes one row, its cells in the declared order. CSV cells pass through [`safe_cell`].
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), ReportError> {
        match &mut self.sink {
            Sink::Csv(sink) => {
                let n = csv_record(&mut sink.pending, cells);
                check_width(&self.path, n, self.width)?;
                if sink.pending.len() >= CsvSink::FLUSH_AT {
                    sink.drain().map_err(|e| ReportError::io(&self.path, e))?;
                }
                Ok(())
            }
            Sink::Parquet(sink) => {
                sink.bytes += push_parquet_row(&mut sink.cols, cells);
                sink.rows += 1;
                if sink.full() {
                    sink.flush(false)
                        .map_err(|e| ReportError::parquet(&self.path, e))?;
                }
                Ok(())
            }
        }
    }

    /// Finishes the file: flushes a CSV, writes a Parquet file's last row group and footer.
    pub fn finish(self) -> Result<(), ReportError> {
        let path = self.path;
        match self.sink {
            Sink::Csv(mut sink) => sink
                .drain()
                .and_then(|()| std::io::Write::flush(&mut sink.file))
                .map_err(|e| ReportError::io(&path, e)),
            Sink::Parquet(mut sink) => {
                let none_yet = sink.groups == 0;
                sink.flush(none_yet)
                    .and_then(|()| sink.writer.finish())
                    .map_err(|e| ReportError::parquet(&path, e))?;
                Ok(())
            }
        }
    }
}

/// The Parquet type of a column kind.
fn dtype(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::String,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Flag => DataType::Boolean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{DataType, ParquetReader, SerReader};
    use proptest::prelude::*;

    proptest! {
        /// Records come out byte for byte as the `csv` crate writes them by default.
        #[test]
        fn csv_records_are_the_csv_crates(
            rows in prop::collection::vec(
                prop::collection::vec("[a-z ,\"\r\n=+@\t-]{0,6}", 1..5),
                0..5,
            )
        ) {
            let mut ours = Vec::new();
            let mut theirs = csv::WriterBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_writer(Vec::new());
            for row in &rows {
                csv_record(&mut ours, row.iter().map(String::as_str));
                theirs
                    .write_record(row.iter().map(|c| safe_cell(c).into_owned()))
                    .unwrap();
            }
            prop_assert_eq!(ours, theirs.into_inner().unwrap());
        }
    }

    const COLS: [Col; 4] = [text("term"), int("count"), float("per_1k"), flag("small")];

    fn write(path: &Path) {
        let mut t = Table::create(path, &COLS).unwrap();
        t.row(["=cmd", "3", "1.500", "true"]).unwrap();
        t.row(["-12", "", "", "false"]).unwrap();
        t.finish().unwrap();
    }

    #[test]
    fn parquet_has_typed_columns_and_raw_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        write(&path);
        let df = ParquetReader::new(std::fs::File::open(&path).unwrap())
            .finish()
            .unwrap();
        assert_eq!(df.height(), 2);
        let dtypes: Vec<DataType> = df.dtypes();
        assert_eq!(
            dtypes,
            [
                DataType::String,
                DataType::Int64,
                DataType::Float64,
                DataType::Boolean
            ]
        );
        let term = df.column("term").unwrap().str().unwrap();
        // No formula prefix in Parquet: no spreadsheet runs it.
        assert_eq!(term.get(0), Some("=cmd"));
        let count = df.column("count").unwrap().i64().unwrap();
        assert_eq!((count.get(0), count.get(1)), (Some(3), None));
        let rate = df.column("per_1k").unwrap().f64().unwrap();
        assert_eq!(rate.get(0), Some(1.5));
        let small = df.column("small").unwrap().bool().unwrap();
        assert_eq!(small.get(1), Some(false));
    }

    /// A long table is written a row group at a time, so memory holds one row group, and
    /// reads back whole and in order; a table with no rows still has its typed columns.
    #[test]
    fn parquet_is_written_in_row_groups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut t = Table::create(&path, &COLS).unwrap();
        // Rows of 1 MiB of text: a row group is full after four.
        let long = "x".repeat(1 << 20);
        let rows = 2 * ParquetSink::GROUP_BYTES / long.len() + 1;
        for i in 0..rows {
            let n = i.to_string();
            let term = format!("{i}{long}");
            t.row([term.as_str(), &n, "0.5", "true"]).unwrap();
        }
        t.finish().unwrap();
        let mut reader = ParquetReader::new(std::fs::File::open(&path).unwrap());
        let groups = reader.get_metadata().unwrap().row_groups.len();
        assert_eq!(groups, 3);
        let df = reader.finish().unwrap();
        assert_eq!(df.height(), rows);
        let count = df.column("count").unwrap().i64().unwrap();
        let got: Vec<i64> = count.into_no_null_iter().collect();
        assert_eq!(got, (0..rows as i64).collect::<Vec<_>>());
        let term = df.column("term").unwrap().str().unwrap();
        assert_eq!(term.get(rows - 1).map(str::len), Some(long.len() + 1));

        let empty = dir.path().join("e.parquet");
        Table::create(&empty, &COLS).unwrap().finish().unwrap();
        let df = ParquetReader::new(std::fs::File::open(&empty).unwrap())
            .finish()
            .unwrap();
        assert_eq!(df.height(), 0);
        assert_eq!(df.dtypes()[2], DataType::Float64);
    }

    #[test]
    fn csv_and_parquet_are_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["t.csv", "t.parquet"] {
            let (a, b) = (
                dir.path().join(format!("a{name}")),
                dir.path().join(format!("b{name}")),
            );
            write(&a);
            write(&b);
            assert_eq!(
                std::fs::read(&a).unwrap(),
                std::fs::read(&b).unwrap(),
                "{name}"
            );
        }
        let csv = std::fs::read_to_string(dir.path().join("at.csv")).unwrap();
        assert_eq!(
            csv,
            "term,count,per_1k,small\n'=cmd,3,1.500,true\n-12,,,false\n"
        );
    }

    #[test]
    fn a_csv_row_of_the_wrong_width_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = Table::create(&dir.path().join("t.csv"), &COLS).unwrap();
        assert!(t.row(["short"]).is_err());
        assert!(t.row(["a", "1", "2.0", "true", "extra"]).is_err());
    }

    #[test]
    fn formula_cells() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+cmd", "'+cmd"),
            ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-3.5", "-3.5"),
            ("+44", "+44"),
            ("", ""),
            ("plain", "plain"),
        ] {
            assert_eq!(safe_cell(cell), want, "{cell:?}");
        }
    }

    /// The shortcut for numbers takes only what parses as a float, and the cells it refuses
    /// still go through the parse.
    #[test]
    fn plain_numbers_are_floats() {
        for cell in ["-3.5", "+44", "-1.234e-5", "-0", "7", "-12.0000", "1e300"] {
            assert!(plain_number(cell), "{cell:?}");
            assert!(cell.parse::<f64>().is_ok(), "{cell:?}");
        }
        for cell in [
            "", "-", "+", "-.", "-1.", "-.5", "-1e", "-e5", "--1", "-1.5.5", "-1e-", "-1e+5",
            "-inf", "-NaN", "-1 ", "=1", "-1x",
        ] {
            assert!(!plain_number(cell), "{cell:?}");
        }
        assert_eq!(safe_cell("-.5"), "-.5");
        assert_eq!(safe_cell("-inf"), "-inf");
        assert_eq!(safe_cell("-1e+5"), "-1e+5");
    }
}

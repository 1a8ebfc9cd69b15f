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
use polars::prelude::{Column, DataFrame, ParquetWriter};
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
    if !risky || cell.parse::<f64>().is_ok() {
        return Cow::Borrowed(cell);
    }
    Cow::Owned(format!("'{cell}"))
}

/// A table being written, with its path for error messages.
pub struct Table {
    path: PathBuf,
    sink: Sink,
}

enum Sink {
    Csv(Box<csv::Writer<std::io::BufWriter<std::fs::File>>>),
    Parquet(Vec<(Col, Values)>),
}

/// The cells of one Parquet column.
enum Values {
    Text(Vec<String>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Flag(Vec<Option<bool>>),
}

impl Values {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Text => Values::Text(Vec::new()),
            Kind::Int => Values::Int(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Flag => Values::Flag(Vec::new()),
        }
    }

    /// Adds a cell; an empty cell (or one that is not of the column's kind) is null.
    fn push(&mut self, cell: &str) {
        match self {
            Values::Text(v) => v.push(cell.to_string()),
            Values::Int(v) => v.push(cell.parse().ok()),
            Values::Float(v) => v.push(cell.parse().ok()),
            Values::Flag(v) => v.push(cell.parse().ok()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Int(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Flag(v) => v.len(),
        }
    }

    fn column(self, name: &str) -> Column {
        match self {
            Values::Text(v) => Column::new(name.into(), v),
            Values::Int(v) => Column::new(name.into(), v),
            Values::Float(v) => Column::new(name.into(), v),
            Values::Flag(v) => Column::new(name.into(), v),
        }
    }
}

impl Table {
    /// Creates the table at `path` (`.parquet` writes Parquet, anything else CSV) with its
    /// declared columns. A CSV file gets its header at once; a Parquet file is written by
    /// [`Table::finish`].
    pub fn create(path: &Path, columns: &[Col]) -> Result<Self, ReportError> {
        let parquet = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
        if parquet {
            let cols = columns.iter().map(|c| (*c, Values::new(c.kind))).collect();
            return Ok(Table {
                path: path.to_path_buf(),
                sink: Sink::Parquet(cols),
            });
        }
        let file = std::fs::File::create(path).map_err(|e| ReportError::io(path, e))?;
        let writer = csv::WriterBuilder::new().from_writer(std::io::BufWriter::new(file));
        let mut t = Table {
            path: path.to_path_buf(),
            sink: Sink::Csv(Box::new(writer)),
        };
        t.row(columns.iter().map(|c| c.name))?;
        Ok(t)
    }

    /// Writes one row, its cells in the declared order. CSV cells pass through [`safe_cell`].
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), ReportError> {
        match &mut self.sink {
            Sink::Csv(writer) => {
                let cells: Vec<Cow<'_, str>> = cells.into_iter().map(safe_cell).collect();
                writer
                    .write_record(cells.iter().map(|c| c.as_bytes()))
                    .map_err(|source| ReportError::Csv {
                        path: self.path.clone(),
                        source,
                    })
            }
            Sink::Parquet(cols) => {
                let mut n = 0;
                for ((_, values), cell) in cols.iter_mut().zip(cells) {
                    values.push(cell);
                    n += 1;
                }
                // A short row would misalign the columns: fill it with nulls.
                for (_, values) in cols.iter_mut().skip(n) {
                    values.push("");
                }
                Ok(())
            }
        }
    }

    /// Finishes the file: flushes a CSV, writes a Parquet file.
    pub fn finish(self) -> Result<(), ReportError> {
        let path = self.path;
        match self.sink {
            Sink::Csv(mut writer) => writer.flush().map_err(|e| ReportError::io(&path, e)),
            Sink::Parquet(cols) => {
                let err = |e: polars::prelude::PolarsError| ReportError::Parquet {
                    path: path.clone(),
                    message: e.to_string(),
                };
                let height = cols.first().map_or(0, |(_, v)| v.len());
                let columns = cols
                    .into_iter()
                    .map(|(c, v)| v.column(c.name))
                    .collect::<Vec<_>>();
                let mut df = DataFrame::new(height, columns).map_err(err)?;
                let file = std::fs::File::create(&path).map_err(|e| ReportError::io(&path, e))?;
                ParquetWriter::new(file).finish(&mut df).map_err(err)?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{DataType, ParquetReader, SerReader};

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
}

//! CSV writing shared by every table: UTF-8, comma-separated, header first, and cells from
//! article text made safe for spreadsheets.

use crate::error::ReportError;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

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

/// A CSV file being written, with its path for error messages.
pub struct Table {
    path: PathBuf,
    writer: csv::Writer<std::io::BufWriter<std::fs::File>>,
}

impl Table {
    /// Creates the file and writes the header.
    pub fn create(path: &Path, header: &[&str]) -> Result<Self, ReportError> {
        let file = std::fs::File::create(path).map_err(|e| ReportError::io(path, e))?;
        let writer = csv::WriterBuilder::new().from_writer(std::io::BufWriter::new(file));
        let mut t = Table {
            path: path.to_path_buf(),
            writer,
        };
        t.row(header.iter().copied())?;
        Ok(t)
    }

    /// Writes one row; every cell passes through [`safe_cell`].
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), ReportError> {
        let cells: Vec<Cow<'_, str>> = cells.into_iter().map(safe_cell).collect();
        self.writer
            .write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(|source| ReportError::Csv {
                path: self.path.clone(),
                source,
            })
    }

    /// Flushes the file.
    pub fn finish(mut self) -> Result<(), ReportError> {
        self.writer
            .flush()
            .map_err(|e| ReportError::io(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

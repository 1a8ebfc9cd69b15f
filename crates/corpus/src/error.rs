//! The one error type of the corpus crate.
//!
//! Every variant names the file, and the line where there is one, and says what was expected and
//! what was found, so that the CLI can print it as a single actionable line.

use std::path::PathBuf;

/// An error that stops a whole input from being read (a broken manifest, a missing input).
///
/// A problem with one document never becomes a `CorpusError`: it becomes a [`crate::Skipped`]
/// record and the run goes on.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The input path itself could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A structural problem at a known line of a manifest or table file.
    #[error("{path}:{line}: {message}")]
    AtLine {
        /// The manifest or table file.
        path: PathBuf,
        /// 1-based line number in that file.
        line: u64,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A problem with a whole file that has no single line to point at.
    #[error("{path}: {message}")]
    File {
        /// The file or folder.
        path: PathBuf,
        /// What is wrong and how to fix it.
        message: String,
    },
}

impl CorpusError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        CorpusError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn at_line(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Self {
        CorpusError::AtLine {
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        CorpusError::File {
            path: path.into(),
            message: message.into(),
        }
    }
}

//! The error type of the report crate.

use std::path::PathBuf;

/// An error writing or reading report files.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// File system trouble at a path.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A Parquet file could not be written or read.
    #[error("{path}: {message}")]
    Parquet {
        /// The Parquet file.
        path: PathBuf,
        /// What polars said, or what is missing.
        message: String,
    },
    /// A chart could not be drawn.
    #[error("{path}: could not draw the chart: {message}")]
    Chart {
        /// The chart file.
        path: PathBuf,
        /// What the drawing library said.
        message: String,
    },
}

impl ReportError {
    pub(crate) fn parquet(path: impl Into<PathBuf>, e: polars::prelude::PolarsError) -> Self {
        ReportError::Parquet {
            path: path.into(),
            message: e.to_string(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ReportError::Io {
            path: path.into(),
            source,
        }
    }
}

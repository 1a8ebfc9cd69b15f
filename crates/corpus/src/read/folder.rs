//! Kind 2: a folder without a manifest. Every `*.txt` file directly inside it is a document whose
//! id is the file name without extension; metadata is inferred from the text.

use super::{Body, Pending, ReadOptions};
use crate::document::Metadata;
use crate::error::CorpusError;
use std::path::Path;

pub(super) fn read(dir: &Path, opts: &ReadOptions) -> Result<Vec<Pending>, CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CorpusError::io(dir, e))?;
        let path = entry.path();
        let is_txt = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        if is_txt && !path.is_dir() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(CorpusError::file(dir, "no .txt files and no manifest.csv in this folder; add articles as .txt files or a manifest.csv"));
    }
    files.sort();
    let clean = opts.clean.unwrap_or(true);
    Ok(files
        .into_iter()
        .map(|path| {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Pending {
                meta: Metadata {
                    id,
                    ..Metadata::default()
                },
                source: path.display().to_string(),
                body: Body::File(path),
                clean,
            }
        })
        .collect())
}
